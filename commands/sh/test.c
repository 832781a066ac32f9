/* test.c - the test and [ builtins (POSIX test), so that loop conditions
 * do not cost a fork and an exec each.
 *
 *	test EXPR	[ EXPR ]
 *	EXPR: ( EXPR ), ! EXPR, EXPR -a EXPR, EXPR -o EXPR,
 *	      -n S, -z S, S, S = S, S != S,
 *	      N -eq N (-ne -gt -ge -lt -le),
 *	      -e -f -d -r -w -x -s -L -h -p -c -b -S -t FILE
 *
 * With up to four arguments POSIX's rules by count apply (a binary
 * operator in the middle wins); longer expressions are parsed with -o
 * below -a below !.  There is no access(): -r is "open() for reading
 * works", -w and -x test the permission bits of any class.  Status 0
 * true, 1 false, 2 error (with a message).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct tst {
	char **a;		/* the arguments left */
	int n;
	const char *who;	/* "test" or "[" */
	int err;
};

static int t_fail(struct tst *t, const char *what, const char *arg)
{
	if (!t->err) {
		if (arg != NULL)
			sh_err("%s: %s: %s", t->who, arg, what);
		else
			sh_err("%s: %s", t->who, what);
	}
	t->err = 1;
	return 0;
}

static const char *const unary_ops[] = {
	"-n", "-z", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h",
	"-p", "-c", "-b", "-S", "-t", NULL
};

static const char *const binary_ops[] = {
	"=", "!=", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", NULL
};

static int in_set(const char *s, const char *const *set)
{
	int i;

	for (i = 0; set[i] != NULL; i++)
		if (strcmp(s, set[i]) == 0)
			return 1;
	return 0;
}

static int t_number(struct tst *t, const char *s, long *v)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (parse_num(p, v) < 0)
		return t_fail(t, "integer expression expected", s);
	return 1;
}

static int t_unary(struct tst *t, const char *op, const char *arg)
{
	struct stat st;
	long fd;
	int f;

	switch (op[1]) {
	case 'n':
		return arg[0] != '\0';
	case 'z':
		return arg[0] == '\0';
	case 't':
		if (!t_number(t, arg, &fd))
			return 0;
		return fd >= 0 && fd < 1024 && isatty((int)fd);
	case 'L':
	case 'h':
		return lstat(arg, &st) == 0 && S_ISLNK(st.st_mode);
	case 'r':
		if ((f = open(arg, O_RDONLY)) < 0)
			return 0;
		close(f);
		return 1;
	}
	if (stat(arg, &st) < 0)
		return 0;
	switch (op[1]) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'w': return (st.st_mode & 0222) != 0;
	case 'x': return (st.st_mode & 0111) != 0;
	case 's': return st.st_size > 0;
	case 'p': return S_ISFIFO(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	default: return S_ISSOCK(st.st_mode);
	}
}

static int t_binary(struct tst *t, const char *l, const char *op,
	const char *r)
{
	long a, b;

	if (strcmp(op, "=") == 0)
		return strcmp(l, r) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(l, r) != 0;
	if (!t_number(t, l, &a) || !t_number(t, r, &b))
		return 0;
	if (strcmp(op, "-eq") == 0) return a == b;
	if (strcmp(op, "-ne") == 0) return a != b;
	if (strcmp(op, "-gt") == 0) return a > b;
	if (strcmp(op, "-ge") == 0) return a >= b;
	if (strcmp(op, "-lt") == 0) return a < b;
	return a <= b;
}

static const char *next(struct tst *t)
{
	if (t->n == 0)
		return NULL;
	t->n--;
	return *t->a++;
}

static int t_or(struct tst *t);

static int t_primary(struct tst *t)
{
	const char *s, *op;
	int v;

	if (t->n == 0)
		return t_fail(t, "argument expected", NULL);
	if (t->n >= 3 && in_set(t->a[1], binary_ops)) {
		s = next(t);
		op = next(t);
		return t_binary(t, s, op, next(t));
	}
	if (t->n >= 2 && in_set(t->a[0], unary_ops)) {
		op = next(t);
		return t_unary(t, op, next(t));
	}
	if (strcmp(t->a[0], "(") == 0 && t->n >= 2) {
		next(t);
		v = t_or(t);
		if (t->n == 0 || strcmp(next(t), ")") != 0)
			return t_fail(t, "')' expected", NULL);
		return v;
	}
	return next(t)[0] != '\0';
}

static int t_not(struct tst *t)
{
	if (t->n >= 2 && strcmp(t->a[0], "!") == 0) {
		next(t);
		return !t_not(t);
	}
	return t_primary(t);
}

static int t_and(struct tst *t)
{
	int v = t_not(t);

	while (t->n > 0 && strcmp(t->a[0], "-a") == 0) {
		next(t);
		v = t_not(t) && v;
	}
	return v;
}

static int t_or(struct tst *t)
{
	int v = t_and(t);

	while (t->n > 0 && strcmp(t->a[0], "-o") == 0) {
		next(t);
		v = t_and(t) || v;
	}
	return v;
}

/* POSIX's rules for up to four arguments: 1 true, 0 false, -1 when the
 * count does not decide (then the general parser does).
 */
static int t_short(struct tst *t);

/* The same rules on the arguments after the first, and before the last
 * when drop_last; negated when neg.
 */
static int t_inner(struct tst *t, int drop_last, int neg)
{
	struct tst sub = *t;
	int r;

	sub.a++;
	sub.n -= 1 + drop_last;
	r = t_short(&sub);
	t->err = sub.err;
	if (r < 0)
		return -1;
	return neg ? !r : r;
}

static int t_short(struct tst *t)
{
	char **a = t->a;

	switch (t->n) {
	case 0:
		return 0;
	case 1:
		return a[0][0] != '\0';
	case 2:
		if (strcmp(a[0], "!") == 0)
			return a[1][0] == '\0';
		if (in_set(a[0], unary_ops))
			return t_unary(t, a[0], a[1]);
		return t_fail(t, "unary operator expected", a[0]);
	case 3:
		if (in_set(a[1], binary_ops))
			return t_binary(t, a[0], a[1], a[2]);
		if (strcmp(a[1], "-a") == 0)
			return a[0][0] != '\0' && a[2][0] != '\0';
		if (strcmp(a[1], "-o") == 0)
			return a[0][0] != '\0' || a[2][0] != '\0';
		break;
	case 4:
		break;
	default:
		return -1;
	}
	if (strcmp(a[0], "!") == 0)
		return t_inner(t, 0, 1);
	if (strcmp(a[0], "(") == 0 && strcmp(a[t->n - 1], ")") == 0)
		return t_inner(t, 1, 0);
	return -1;
}

int bi_test(int argc, char **argv)
{
	struct tst t;
	int v;

	t.who = argv[0];
	t.a = argv + 1;
	t.n = argc - 1;
	t.err = 0;
	if (strcmp(argv[0], "[") == 0) {
		if (t.n == 0 || strcmp(argv[argc - 1], "]") != 0) {
			sh_err("[: missing ]");
			return 2;
		}
		t.n--;
	}
	v = t_short(&t);
	if (v < 0 && !t.err) {
		v = t_or(&t);
		if (!t.err && t.n > 0)
			t_fail(&t, "unexpected argument", t.a[0]);
	}
	if (t.err)
		return 2;
	return v ? 0 : 1;
}
