/* test.c - evaluate a conditional expression: test and [.
 *
 *	test expression		[ expression ]
 *
 * POSIX test: with 0 to 4 arguments the rules by argument count (so
 * "test -n" and "test = =" mean what POSIX says), with more the grammar
 *
 *	or   := and { -o and }		and := not { -a not }
 *	not  := ! not | primary
 *	primary := ( or ) | unary-op arg | arg binary-op arg | arg
 *
 * Unary: -b -c -d -e -f -g -h -L -n -p -r -s -S -t -u -w -x -z.
 * Binary: = != < > -eq -ne -lt -le -gt -ge -nt -ot -ef.
 * There is no access() call yet: -r -w -x test the permission bits
 * (any of owner, group, other; -x is also true for directories with a
 * search bit), which is what access() gives the super-user.
 * Invoked as "[" the last argument must be "]".
 * Exit status: 0 true, 1 false, 2 an error (with a message).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static char **av;	/* the arguments of the expression */
static int ac, pos;
static const char *prog = "test";

static void __attribute__((noreturn)) error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

static const char *const unary_ops[] = {
	"-b", "-c", "-d", "-e", "-f", "-g", "-h", "-L", "-n", "-p", "-r",
	"-s", "-S", "-t", "-u", "-w", "-x", "-z", NULL
};
static const char *const binary_ops[] = {
	"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	"-nt", "-ot", "-ef", NULL
};

static int in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static long long integer(const char *s)
{
	const char *p = s;
	char *end;
	long long v;

	while (*p == ' ' || *p == '\t')
		p++;
	errno = 0;
	v = strtoll(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*p == '\0' || *end != '\0' || errno != 0)
		error("%s: integer expected", s);
	return v;
}

static int unary(const char *op, const char *arg)
{
	struct stat st;
	int r;

	switch (op[1]) {
	case 'n':
		return arg[0] != '\0';
	case 'z':
		return arg[0] == '\0';
	case 't':
		return isatty((int)integer(arg));
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
	case 'x':
		r = (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) != 0;
		return r;
	}
	return 0;
}

static int binary(const char *a, const char *op, const char *b)
{
	struct stat sa, sb;
	int ea, eb;

	if (strcmp(op, "=") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	if (op[1] == 'n' && op[2] == 't') {
		ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
		return ea && (!eb || sa.st_mtime > sb.st_mtime);
	}
	if (op[1] == 'o' && op[2] == 't') {
		ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
		return eb && (!ea || sa.st_mtime < sb.st_mtime);
	}
	if (strcmp(op, "-ef") == 0)
		return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
		    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	{
		long long x = integer(a), y = integer(b);

		if (strcmp(op, "-eq") == 0) return x == y;
		if (strcmp(op, "-ne") == 0) return x != y;
		if (strcmp(op, "-lt") == 0) return x < y;
		if (strcmp(op, "-le") == 0) return x <= y;
		if (strcmp(op, "-gt") == 0) return x > y;
		return x >= y;
	}
}

/* ---- the grammar, for more than 4 arguments (and inside parentheses) ---- */

static int or_expr(void);

static const char *next(void)
{
	if (pos >= ac)
		error("%s", "argument expected");
	return av[pos++];
}

static int primary(void)
{
	const char *a = next();
	int r;

	if (strcmp(a, "(") == 0) {
		r = or_expr();
		if (pos >= ac || strcmp(av[pos], ")") != 0)
			error("%s", "')' expected");
		pos++;
		return r;
	}
	if (pos + 1 < ac && in(av[pos], binary_ops)) {
		const char *op = av[pos++];

		return binary(a, op, next());
	}
	if (in(a, unary_ops) && pos < ac)
		return unary(a, next());
	return a[0] != '\0';
}

static int not_expr(void)
{
	if (pos < ac && strcmp(av[pos], "!") == 0) {
		pos++;
		return !not_expr();
	}
	return primary();
}

static int and_expr(void)
{
	int r = not_expr();

	while (pos < ac && strcmp(av[pos], "-a") == 0) {
		pos++;
		r = not_expr() && r;
	}
	return r;
}

static int or_expr(void)
{
	int r = and_expr();

	while (pos < ac && strcmp(av[pos], "-o") == 0) {
		pos++;
		r = and_expr() || r;
	}
	return r;
}

/* ---- POSIX's rules by argument count ---- */

static int eval(char **a, int n);

static int general(char **a, int n)
{
	int r;

	av = a, ac = n, pos = 0;
	r = or_expr();
	if (pos < ac)
		error("%s: unexpected argument", av[pos]);
	return r;
}

static int eval(char **a, int n)
{
	switch (n) {
	case 0:
		return 0;
	case 1:
		return a[0][0] != '\0';
	case 2:
		if (strcmp(a[0], "!") == 0)
			return !eval(a + 1, 1);
		if (in(a[0], unary_ops))
			return unary(a[0], a[1]);
		error("%s: unary operator expected", a[0]);
	case 3:
		if (in(a[1], binary_ops))
			return binary(a[0], a[1], a[2]);
		if (strcmp(a[0], "!") == 0)
			return !eval(a + 1, 2);
		if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
			return eval(a + 1, 1);
		if (strcmp(a[1], "-a") == 0 || strcmp(a[1], "-o") == 0)
			return general(a, n);
		error("%s: binary operator expected", a[1]);
	case 4:
		if (strcmp(a[0], "!") == 0)
			return !eval(a + 1, 3);
		if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
			return eval(a + 1, 2);
		return general(a, n);
	default:
		return general(a, n);
	}
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	base = base != NULL ? base + 1 : argv[0];
	if (strcmp(base, "[") == 0) {
		prog = "[";
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
			error("%s", "missing ]");
		argc--;
	}
	return eval(argv + 1, argc - 1) ? 0 : 1;
}
