/* vars.c - shell variables, the environment given to commands, and the
 * positional and special parameters ($1, $#, $?, $$, $! ...).
 *
 * Variables are "NAME=value" strings in a growing array; exported ones go
 * into the environment of every command (var_environ).  The positional
 * parameters are a malloc'd copy, saved and replaced for each function
 * call (pos_save/pos_restore); $0 stays the shell's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define VARS_MAX	4096

extern char **environ;

struct var {
	char *nv;		/* "NAME=value", malloc'd */
	int exported;
};

struct params {
	int argc;		/* $# */
	char **argv;		/* $1 ... */
};

static struct var *vars;
static int nvars, capvars;
static struct params *pos;
static char *arg0;

static struct var *var_find(const char *name, size_t n)
{
	int i;

	for (i = 0; i < nvars; i++)
		if (strncmp(vars[i].nv, name, n) == 0 && vars[i].nv[n] == '=')
			return &vars[i];
	return NULL;
}

const char *var_get(const char *name)
{
	size_t n = strlen(name);
	struct var *v = var_find(name, n);

	return v != NULL ? v->nv + n + 1 : NULL;
}

/* Set name[0..n) to value; export: 1 marks it exported, 0 keeps the mark. */
int var_set(const char *name, size_t n, const char *value, int export)
{
	struct var *v = var_find(name, n), *nv_arr;
	size_t vlen = strlen(value);
	char *nv;

	if (!sh_valid_name(name, n)) {
		sh_err("%.*s: bad variable name", (int)n, name);
		return -1;
	}
	if (vlen > SH_WORD_MAX) {
		sh_err("%.*s: value too long", (int)n, name);
		return -1;
	}
	if ((nv = malloc(n + 1 + vlen + 1)) == NULL) {
		sh_err("out of memory");
		return -1;
	}
	memcpy(nv, name, n);
	nv[n] = '=';
	memcpy(nv + n + 1, value, vlen + 1);
	if (v == NULL) {
		if (nvars >= VARS_MAX) {
			sh_err("too many variables");
			free(nv);
			return -1;
		}
		if (nvars == capvars) {
			nv_arr = realloc(vars, (size_t)(capvars * 2 + 16) *
			    sizeof(*vars));
			if (nv_arr == NULL) {
				sh_err("out of memory");
				free(nv);
				return -1;
			}
			vars = nv_arr;
			capvars = capvars * 2 + 16;
		}
		v = &vars[nvars++];
		v->nv = NULL;
		v->exported = 0;
	}
	free(v->nv);
	v->nv = nv;
	if (export)
		v->exported = 1;
	return 0;
}

int var_assign(const char *nv, int export)
{
	const char *eq = strchr(nv, '=');

	if (eq == NULL)
		return -1;
	return var_set(nv, (size_t)(eq - nv), eq + 1, export);
}

void var_unset(const char *name)
{
	struct var *v = var_find(name, strlen(name));

	if (v != NULL) {
		free(v->nv);
		*v = vars[--nvars];
	}
}

int var_export(const char *name)
{
	struct var *v = var_find(name, strlen(name));

	if (v == NULL)
		return var_set(name, strlen(name), "", 1);
	v->exported = 1;
	return 0;
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp(((const struct var *)a)->nv,
	    ((const struct var *)b)->nv);
}

/* set (all, as NAME=value) or export (exported, as export NAME=value). */
void var_list(int exported_only)
{
	char *q;
	int i;

	qsort(vars, (size_t)nvars, sizeof(*vars), cmp_var);
	for (i = 0; i < nvars; i++) {
		if (exported_only && !vars[i].exported)
			continue;
		q = quote_for_trace(strchr(vars[i].nv, '=') + 1);
		out(1, "%s%.*s=%s\n", exported_only ? "export " : "",
		    (int)(strchr(vars[i].nv, '=') - vars[i].nv), vars[i].nv,
		    q != NULL ? q : "");
		free(q);
	}
}

void var_import(void)
{
	char **e;

	if (environ == NULL)
		return;
	for (e = environ; *e != NULL; e++) {
		const char *eq = strchr(*e, '=');

		if (eq != NULL && sh_valid_name(*e, (size_t)(eq - *e)))
			var_assign(*e, 1);
	}
}

/* The environment of a command: its prefix assignments, then the
 * exported variables they do not override.
 */
char **var_environ(char **assign, int nassign)
{
	char **envp = malloc((size_t)(nvars + nassign + 1) * sizeof(char *));
	size_t len;
	int i, k, n = 0, overridden;

	if (envp == NULL)
		return NULL;
	for (i = 0; i < nassign; i++)
		envp[n++] = assign[i];
	for (i = 0; i < nvars; i++) {
		if (!vars[i].exported)
			continue;
		len = (size_t)(strchr(vars[i].nv, '=') - vars[i].nv) + 1;
		overridden = 0;
		for (k = 0; k < nassign; k++)
			if (strncmp(assign[k], vars[i].nv, len) == 0)
				overridden = 1;
		if (!overridden)
			envp[n++] = vars[i].nv;
	}
	envp[n] = NULL;
	return envp;
}

static void params_free(struct params *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < p->argc; i++)
		free(p->argv[i]);
	free(p->argv);
	free(p);
}

void var_free_all(void)
{
	int i;

	for (i = 0; i < nvars; i++)
		free(vars[i].nv);
	free(vars);
	vars = NULL;
	nvars = capvars = 0;
	params_free(pos);
	pos = NULL;
	free(arg0);
	arg0 = NULL;
}

/* ---- Positional parameters ---- */

int pos_count(void)
{
	return pos != NULL ? pos->argc : 0;
}

char *pos_arg(int i)
{
	if (i == 0)
		return arg0 != NULL ? arg0 : "sh";
	return i <= pos_count() ? pos->argv[i - 1] : NULL;
}

/* $1.. = argv[0..argc); keep0 == 0: also $0 = argv[-1]. */
int pos_set(int argc, char **argv, int keep0)
{
	struct params *p = calloc(1, sizeof(*p));
	int i;

	if (p == NULL || (p->argv = calloc((size_t)argc + 1,
	    sizeof(char *))) == NULL) {
		free(p);
		sh_err("out of memory");
		return -1;
	}
	for (i = 0; i < argc; i++) {
		if ((p->argv[i] = strdup(argv[i])) == NULL) {
			p->argc = i;
			params_free(p);
			sh_err("out of memory");
			return -1;
		}
	}
	p->argc = argc;
	if (!keep0) {
		free(arg0);
		arg0 = strdup(argv[-1]);
	}
	params_free(pos);
	pos = p;
	return 0;
}

void pos_shift(int n)
{
	int i;

	if (pos == NULL || n <= 0)
		return;
	for (i = 0; i < n; i++)
		free(pos->argv[i]);
	memmove(pos->argv, pos->argv + n,
	    (size_t)(pos->argc - n + 1) * sizeof(char *));
	pos->argc -= n;
}

void *pos_save(void)
{
	struct params *p = pos;

	pos = NULL;
	return p;
}

void pos_restore(void *saved)
{
	params_free(pos);
	pos = saved;
}

/* ---- Special parameters ---- */

static int is_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* The value of a parameter, or NULL when unset.  Numbers are formatted
 * in a static buffer, valid until the next call.
 */
const char *param(const char *name)
{
	static char num[32];
	static struct strbuf joined;
	int i;

	if (is_digits(name)) {
		i = atoi(name);
		return strlen(name) > 6 ? NULL : pos_arg(i);
	}
	if (name[0] != '\0' && name[1] == '\0') {
		switch (name[0]) {
		case '?':
			snprintf(num, sizeof(num), "%d", sh.status);
			return num;
		case '$':
			snprintf(num, sizeof(num), "%d", (int)sh.pid);
			return num;
		case '!':
			if (sh.last_bg <= 0)
				return NULL;
			snprintf(num, sizeof(num), "%d", (int)sh.last_bg);
			return num;
		case '#':
			snprintf(num, sizeof(num), "%d", pos_count());
			return num;
		case '-':
			i = 0;
			if (sh.opt_e)
				num[i++] = 'e';
			if (sh.opt_f)
				num[i++] = 'f';
			if (sh.opt_u)
				num[i++] = 'u';
			if (sh.opt_x)
				num[i++] = 'x';
			if (sh.interactive)
				num[i++] = 'i';
			num[i] = '\0';
			return num;
		case '*':
		case '@':
			joined.len = 0;
			for (i = 1; i <= pos_count(); i++) {
				if ((i > 1 && sb_putc(&joined, ' ') < 0) ||
				    sb_put(&joined, pos_arg(i),
				    strlen(pos_arg(i))) < 0)
					break;
			}
			if (sb_putc(&joined, '\0') < 0)
				return "";
			return joined.s;
		}
	}
	return var_get(name);
}
