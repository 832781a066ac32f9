/* texpr.c - evaluate a conditional expression (POSIX test), for
 * /bin/test and /bin/[ and for the shell's test and [ builtins.
 *
 * With 0 to 4 arguments the rules by argument count apply (so "test -n"
 * and "test = =" mean what POSIX says), with more the grammar
 *
 *	or   := and { -o and }		and := not { -a not }
 *	not  := ! not | primary
 *	primary := arg binary-op arg | ( or ) | unary-op arg | arg
 *
 * Unary: -b -c -d -e -f -g -h -L -n -p -r -s -S -t -u -w -x -z.
 * Binary: = != < > -eq -ne -lt -le -gt -ge -nt -ot -ef.
 * There is no access() call yet: -r -w -x test the permission bits
 * (any of owner, group, other; -x is also true for directories with a
 * search bit), which is what access() gives the super-user.
 * Errors do not exit (the shell's builtin runs in the shell): the first
 * one is reported, the evaluation ends with status 2.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "texpr.h"

struct tst {
	char **a;		/* the arguments left */
	int n;
	const char *who;	/* "test" or "[" */
	texpr_err_fn err_fn;
	int err;		/* an error was reported */
};

static const char *const unary_ops[] = {
	"-b", "-c", "-d", "-e", "-f", "-g", "-h", "-L", "-n", "-p", "-r",
	"-s", "-S", "-t", "-u", "-w", "-x", "-z", NULL
};
static const char *const binary_ops[] = {
	"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	"-nt", "-ot", "-ef", NULL
};

/* Reports WHAT (about ARG, or NULL) unless an error came first; 0. */
static int fail(struct tst *t, const char *arg, const char *what)
{
	if (!t->err)
		t->err_fn(t->who, arg, what);
	t->err = 1;
	return 0;
}

static int in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* The integer S (blanks around it allowed) in *V; 0 (reported) if S is
 * not one.
 */
static int integer(struct tst *t, const char *s, long long *v)
{
	const char *p = s;
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	errno = 0;
	*v = strtoll(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*p == '\0' || *end != '\0' || errno != 0)
		return fail(t, s, TEXPR_NOT_INTEGER);
	return 1;
}

static int unary(struct tst *t, const char *op, const char *arg)
{
	struct stat st;
	long long fd;

	switch (op[1]) {
	case 'n':
		return arg[0] != '\0';
	case 'z':
		return arg[0] == '\0';
	case 't':
		if (!integer(t, arg, &fd))
			return 0;
		return fd >= 0 && fd < 1024 && isatty((int)fd);
	case 'h':
	case 'L':
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	}
	if (stat(arg, &st) < 0)
		return 0;
	switch (op[1]) {
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'g': return (st.st_mode & S_ISGID) != 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 'r': return (st.st_mode & (S_IRUSR | S_IRGRP | S_IROTH)) != 0;
	case 's': return st.st_size > 0;
	case 'S': return S_ISSOCK(st.st_mode);
	case 'u': return (st.st_mode & S_ISUID) != 0;
	case 'w': return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
	case 'x': return (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
	}
	return 0;
}

static int binary(struct tst *t, const char *a, const char *op,
	const char *b)
{
	struct stat sa, sb;
	long long x, y;
	int ea, eb;

	if (strcmp(op, "=") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0) {
		ea = stat(a, &sa) == 0;
		eb = stat(b, &sb) == 0;
		if (op[1] == 'n')
			return ea && (!eb || sa.st_mtime > sb.st_mtime);
		return eb && (!ea || sa.st_mtime < sb.st_mtime);
	}
	if (strcmp(op, "-ef") == 0)
		return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
		    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!integer(t, a, &x) || !integer(t, b, &y))
		return 0;
	if (strcmp(op, "-eq") == 0) return x == y;
	if (strcmp(op, "-ne") == 0) return x != y;
	if (strcmp(op, "-lt") == 0) return x < y;
	if (strcmp(op, "-le") == 0) return x <= y;
	if (strcmp(op, "-gt") == 0) return x > y;
	return x >= y;
}

/* ---- the grammar, for more than 4 arguments (and inside parentheses) ---- */

static const char *next(struct tst *t)
{
	t->n--;
	return *t->a++;
}

static int or_expr(struct tst *t);

static int primary(struct tst *t)
{
	const char *s, *op;
	int v;

	if (t->n == 0)
		return fail(t, NULL, "argument expected");
	if (t->n >= 3 && in(t->a[1], binary_ops)) {
		s = next(t);
		op = next(t);
		return binary(t, s, op, next(t));
	}
	if (strcmp(t->a[0], "(") == 0 && t->n >= 2) {
		next(t);
		v = or_expr(t);
		if (t->n == 0 || strcmp(next(t), ")") != 0)
			return fail(t, NULL, "')' expected");
		return v;
	}
	if (t->n >= 2 && in(t->a[0], unary_ops)) {
		op = next(t);
		return unary(t, op, next(t));
	}
	return next(t)[0] != '\0';
}

static int not_expr(struct tst *t)
{
	if (t->n >= 2 && strcmp(t->a[0], "!") == 0) {
		next(t);
		return !not_expr(t);
	}
	return primary(t);
}

static int and_expr(struct tst *t)
{
	int v = not_expr(t);

	while (t->n > 0 && strcmp(t->a[0], "-a") == 0) {
		next(t);
		v = not_expr(t) && v;
	}
	return v;
}

static int or_expr(struct tst *t)
{
	int v = and_expr(t);

	while (t->n > 0 && strcmp(t->a[0], "-o") == 0) {
		next(t);
		v = and_expr(t) || v;
	}
	return v;
}

static int general(struct tst *t)
{
	int v = or_expr(t);

	if (t->n > 0)
		fail(t, t->a[0], "unexpected argument");
	return v;
}

/* ---- POSIX's rules by argument count ---- */

/* Evaluates the N arguments at A, the rest of T's. */
static int eval(struct tst *t, char **a, int n)
{
	t->a = a;
	t->n = n;
	switch (n) {
	case 0:
		return 0;
	case 1:
		return a[0][0] != '\0';
	case 2:
		if (strcmp(a[0], "!") == 0)
			return a[1][0] == '\0';
		if (in(a[0], unary_ops))
			return unary(t, a[0], a[1]);
		return fail(t, a[0], "unary operator expected");
	case 3:
		if (in(a[1], binary_ops))
			return binary(t, a[0], a[1], a[2]);
		if (strcmp(a[0], "!") == 0)
			return !eval(t, a + 1, 2);
		if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
			return eval(t, a + 1, 1);
		if (strcmp(a[1], "-a") == 0 || strcmp(a[1], "-o") == 0)
			return general(t);
		return fail(t, a[1], "binary operator expected");
	case 4:
		if (strcmp(a[0], "!") == 0)
			return !eval(t, a + 1, 3);
		if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
			return eval(t, a + 1, 2);
		return general(t);
	default:
		return general(t);
	}
}

int texpr_run(int argc, char **argv, texpr_err_fn err)
{
	const char *base = strrchr(argv[0], '/');
	struct tst t;
	int v;

	base = base != NULL ? base + 1 : argv[0];
	t.who = strcmp(base, "[") == 0 ? "[" : "test";
	t.err_fn = err;
	t.err = 0;
	if (t.who[0] == '[') {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
			err(t.who, NULL, "missing ]");
			return 2;
		}
		argc--;
	}
	v = eval(&t, argv + 1, argc - 1);
	if (t.err)
		return 2;
	return v ? 0 : 1;
}
