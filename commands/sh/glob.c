/* glob.c - pattern matching and pathname expansion.
 *
 * Patterns come from the expander in escaped form: "\c" stands for a
 * literal c (a quoted character), and unescaped '*', '?' and '[...]' are
 * special ('[!...]' and '[^...]' negate; ranges a-z; classes [:alpha:]
 * and friends).  sh_match() serves case and ${v#pat}; sh_glob() expands
 * a word into the sorted (strcmp) list of existing paths it matches,
 * component by component: a name starting with '.' matches only a
 * pattern starting with a literal '.', and "." and ".." never match.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "sh.h"

static int in_class(const char *name, size_t n, int c)
{
	static const struct {
		const char *name;
		const char *set;
	} classes[] = {
		{ "digit", "0123456789" },
		{ "upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" },
		{ "lower", "abcdefghijklmnopqrstuvwxyz" },
		{ "space", " \t\n\r\f\v" },
		{ "blank", " \t" },
		{ "xdigit", "0123456789abcdefABCDEF" },
	};
	size_t i;

	if (n == 5 && strncmp(name, "alpha", 5) == 0)
		return in_class("upper", 5, c) || in_class("lower", 5, c);
	if (n == 5 && strncmp(name, "alnum", 5) == 0)
		return in_class("alpha", 5, c) || in_class("digit", 5, c);
	if (n == 5 && strncmp(name, "punct", 5) == 0)
		return c > ' ' && c < 127 && !in_class("alnum", 5, c);
	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == n &&
		    strncmp(classes[i].name, name, n) == 0)
			return c != '\0' && strchr(classes[i].set, c) != NULL;
	return 0;
}

/* One character of a bracket expression. */
static int bracket_char(const char **qp)
{
	const char *q = *qp;

	if (q[0] == '\\' && q[1] != '\0') {
		*qp = q + 2;
		return (unsigned char)q[1];
	}
	*qp = q + 1;
	return (unsigned char)q[0];
}

/* p points at '['.  Returns 1 or 0 (c matches or not) and sets *end past
 * the ']', or -1 when there is no closing ']' (the '[' is literal).
 */
static int match_bracket(const char *p, int c, const char **end)
{
	const char *q = p + 1, *close;
	int neg = 0, matched = 0, first = 1, lo, hi;

	if (*q == '!' || *q == '^') {
		neg = 1;
		q++;
	}
	for (;; first = 0) {
		if (*q == '\0')
			return -1;
		if (*q == ']' && !first)
			break;
		if (q[0] == '[' && q[1] == ':' &&
		    (close = strstr(q + 2, ":]")) != NULL) {
			if (in_class(q + 2, (size_t)(close - (q + 2)), c))
				matched = 1;
			q = close + 2;
			continue;
		}
		lo = bracket_char(&q);
		if (q[0] == '-' && q[1] != ']' && q[1] != '\0') {
			q++;
			hi = bracket_char(&q);
			if (c >= lo && c <= hi)
				matched = 1;
		} else if (c == lo) {
			matched = 1;
		}
	}
	*end = q + 1;
	return matched != neg;
}

int sh_match(const char *pat, const char *str)
{
	const char *p = pat, *s = str, *star_p = NULL, *star_s = NULL;
	const char *end;
	int r;

	while (*s != '\0') {
		if (*p == '*') {
			while (*p == '*')
				p++;
			star_p = p;
			star_s = s;
			continue;
		}
		if (*p == '?') {
			p++;
			s++;
			continue;
		}
		if (*p == '[' &&
		    (r = match_bracket(p, (unsigned char)*s, &end)) >= 0) {
			if (r) {
				p = end;
				s++;
				continue;
			}
		} else if (*p == '\\' && p[1] != '\0') {
			if (p[1] == *s) {
				p += 2;
				s++;
				continue;
			}
		} else if (*p != '\0' && *p == *s) {
			p++;
			s++;
			continue;
		}
		if (star_p == NULL)
			return 0;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

int sh_has_glob(const char *pat)
{
	for (; *pat != '\0'; pat++) {
		if (*pat == '\\' && pat[1] != '\0')
			pat++;
		else if (*pat == '*' || *pat == '?' || *pat == '[')
			return 1;
	}
	return 0;
}

void sh_unescape(char *s)
{
	char *d = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		*d++ = *s;
	}
	*d = '\0';
}

#ifndef HOST_TEST	/* the directory part is tested through the shell */

/* dir + name (+ tail), malloc'd. */
static char *join(const char *dir, const char *name, const char *tail)
{
	size_t d = strlen(dir), n = strlen(name), t = strlen(tail);
	char *p = malloc(d + n + t + 1);

	if (p != NULL) {
		memcpy(p, dir, d);
		memcpy(p + d, name, n);
		memcpy(p + d + n, tail, t + 1);
	}
	return p;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int glob_rec(const char *dir, const char *pat, struct strvec *out);

/* path exists (a literal component or a match); go on with rest. */
static int glob_next(const char *path, const char *rest, struct strvec *out)
{
	struct stat st;
	char *p;
	int r;

	if (rest == NULL) {
		if (lstat(path, &st) < 0)
			return 0;
		if ((p = strdup(path)) == NULL)
			return -1;
		return sv_push(out, p);
	}
	if (*rest == '\0') {		/* a trailing '/': directories */
		if (!is_dir(path))
			return 0;
		if ((p = join(path, "/", "")) == NULL)
			return -1;
		return sv_push(out, p);
	}
	if ((p = join(path, "/", "")) == NULL)
		return -1;
	r = glob_rec(p, rest, out);
	free(p);
	return r;
}

static int glob_dir(const char *dir, const char *comp, const char *rest,
	struct strvec *out)
{
	struct dirent *e;
	DIR *d;
	char *path;
	int dot = comp[0] == '.' || (comp[0] == '\\' && comp[1] == '.');
	int r = 0;

	if ((d = opendir(dir[0] != '\0' ? dir : ".")) == NULL)
		return 0;
	while (r == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (!dot || e->d_name[1] == '\0' ||
		    (e->d_name[1] == '.' && e->d_name[2] == '\0')))
			continue;
		if (!sh_match(comp, e->d_name))
			continue;
		if ((path = join(dir, e->d_name, "")) == NULL) {
			r = -1;
			break;
		}
		r = glob_next(path, rest, out);
		free(path);
	}
	closedir(d);
	return r;
}

/* Match pat (components after dir, which is "" or ends in '/'). */
static int glob_rec(const char *dir, const char *pat, struct strvec *out)
{
	const char *e = pat, *rest = NULL;
	char *comp, *path;
	int r;

	while (*e != '\0' && *e != '/')
		e += e[0] == '\\' && e[1] != '\0' ? 2 : 1;
	if (*e == '/') {
		rest = e;
		while (*rest == '/')
			rest++;
	}
	if ((comp = strndup(pat, (size_t)(e - pat))) == NULL)
		return -1;
	if (sh_has_glob(comp)) {
		r = glob_dir(dir, comp, rest, out);
	} else {
		sh_unescape(comp);
		if ((path = join(dir, comp, "")) == NULL) {
			free(comp);
			return -1;
		}
		r = glob_next(path, rest, out);
		free(path);
	}
	free(comp);
	return r;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int sh_glob(const char *pat, struct strvec *out)
{
	int first = out->n, r;

	if (pat[0] == '/') {
		while (*pat == '/')
			pat++;
		r = glob_rec("/", pat, out);
	} else {
		r = glob_rec("", pat, out);
	}
	if (r < 0)
		return -1;
	if (out->n - first > 1)
		qsort(out->v + first, (size_t)(out->n - first),
		    sizeof(char *), cmp_str);
	return out->n - first;
}

#endif /* HOST_TEST */
