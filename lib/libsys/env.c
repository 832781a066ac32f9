/* env.c - MINIX's env_* helpers: a service's "key=value" arguments. */
#include <stdlib.h>
#include <string.h>
#include <minix/errno.h>
#include <minix/sysutil.h>

int env_argc;
char **env_argv;

void env_setargs(int argc, char *argv[])
{
	env_argc = argc;
	env_argv = argv;
}

/* The value part of the last "key=value" argument, or NULL. */
static const char *find(const char *key)
{
	size_t n = strlen(key);
	const char *v = NULL;
	int i;

	for (i = 1; i < env_argc; i++)
		if (strncmp(env_argv[i], key, n) == 0 && env_argv[i][n] == '=')
			v = env_argv[i] + n + 1;
	return v;
}

int env_get_param(const char *key, char *value, int max_size)
{
	const char *v;

	if (!key || !*key || max_size <= 0)
		return EINVAL;
	if (!(v = find(key)))
		return ESRCH;
	if (strlen(v) >= (size_t)max_size)
		return E2BIG;
	strcpy(value, v);
	return OK;
}

static int punct(char c)
{
	return c == ':' || c == ',' || c == ';' || c == '.';
}

int env_prefix(const char *env, const char *prefix)
{
	char value[EP_BUF_SIZE];
	size_t n = strlen(prefix);

	if (env_get_param(env, value, sizeof(value)) != OK)
		return 0;
	return strncmp(value, prefix, n) == 0 && (value[n] == '\0' || punct(value[n]));
}

void env_panic(const char *key)
{
	char value[EP_BUF_SIZE] = "";

	env_get_param(key, value, sizeof(value));
	panic("bad argument %s=%s", key, value);
}

/* fmt has one character per field: the radix of strtol() for it ('d' 10,
 * 'o' 8, 'x' 16, 'c' 0) or '*' (a field that is skipped). */
int env_parse(const char *env, const char *fmt, int field, long *param,
	long min, long max)
{
	char value[EP_BUF_SIZE], *p, *end;
	int i, r, radix;
	long v;

	if ((r = env_get_param(env, value, sizeof(value))) != OK) {
		if (r == ESRCH)
			return EP_UNSET;
		env_panic(env);
	}
	if (strcmp(value, "off") == 0)
		return EP_OFF;
	if (strcmp(value, "on") == 0)
		return EP_ON;
	if (field < 0 || field >= (int)strlen(fmt))
		env_panic(env);
	/* Step over the fields before this one. */
	for (p = value, i = 0; i < field; i++) {
		while (*p && !punct(*p))
			p++;
		if (!*p)
			return EP_ON;       /* not given: left empty */
		p++;
	}
	if (*p == '\0' || punct(*p))
		return EP_ON;
	switch (fmt[field]) {
	case 'd': radix = 10; break;
	case 'o': radix = 8; break;
	case 'x': radix = 16; break;
	case 'c': radix = 0; break;
	case '*': return EP_ON;
	default: env_panic(env);
	}
	v = strtol(p, &end, radix);
	if (end == p || (*end && !punct(*end)) || v < min || v > max)
		env_panic(env);
	*param = v;
	return EP_SET;
}
