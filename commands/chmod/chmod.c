/* chmod.c - change the mode of files.
 *
 *	chmod mode file ...
 *
 * mode is octal (0 to 7777) or symbolic as POSIX has it: clauses
 * separated by commas, each [ugoa]* then one or more of [+-=] followed by
 * permission letters [rwxXst] or one of [ugo] (copy those bits), e.g.
 * u+x,go-w or a=rX.  Without [ugoa], + and = leave the umask's bits alone
 * and - too (as POSIX says).  X is x for a directory or for a file that
 * has some x bit already.  Symbolic links on the command line are
 * followed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static void usage(void)
{
	fprintf(stderr, "usage: chmod mode file ...\n");
	exit(1);
}

/* The who letters' bit masks. */
static mode_t who_mask(char c)
{
	switch (c) {
	case 'u': return S_ISUID | S_IRWXU;
	case 'g': return S_ISGID | S_IRWXG;
	case 'o': return S_IRWXO;
	case 'a': return S_ISUID | S_ISGID | S_ISVTX | 0777;
	}
	return 0;
}

/* The bits of `old` that class c ('u', 'g', 'o') has, as rwx in all
 * three positions. */
static mode_t copy_bits(mode_t old, char c)
{
	mode_t b = c == 'u' ? (old >> 6) & 7 : c == 'g' ? (old >> 3) & 7 : old & 7;

	return b | b << 3 | b << 6;
}

/* Apply the symbolic mode s to old; -1 if s is not a mode. */
static long symbolic(const char *s, mode_t old, int dir, mode_t mask)
{
	mode_t who, perm, m = old;
	char op;

	for (;;) {
		who = 0;
		while (strchr("ugoa", *s) && *s)
			who |= who_mask(*s++);
		if (!strchr("+-=", *s) || !*s)
			return -1;
		while (*s && strchr("+-=", *s)) {
			op = *s++;
			perm = 0;
			if (*s && strchr("ugo", *s)) {
				perm = copy_bits(old, *s++);
			} else {
				for (; *s && strchr("rwxXst", *s); s++) {
					switch (*s) {
					case 'r': perm |= 0444; break;
					case 'w': perm |= 0222; break;
					case 'x': perm |= 0111; break;
					case 'X':
						if (dir || (old & 0111))
							perm |= 0111;
						break;
					case 's': perm |= S_ISUID | S_ISGID; break;
					case 't': perm |= S_ISVTX; break;
					}
				}
			}
			/* Without who: all, less the umask's bits. */
			perm &= who ? who : who_mask('a') & ~mask;
			switch (op) {
			case '+': m |= perm; break;
			case '-': m &= ~perm; break;
			case '=':
				m &= ~(who ? who : who_mask('a'));
				m |= perm;
				break;
			}
			old = m;
		}
		if (*s == '\0')
			return (long)m;
		if (*s++ != ',')
			return -1;
	}
}

/* The new mode of a file whose mode is old. */
static long new_mode(const char *spec, mode_t old, mode_t mask)
{
	char *end;
	long v;

	if (*spec >= '0' && *spec <= '7') {
		v = strtol(spec, &end, 8);
		return *end || v > 07777 ? -1 : v;
	}
	return symbolic(spec, old & 07777, S_ISDIR(old), mask);
}

int main(int argc, char **argv)
{
	const char *spec;
	struct stat st;
	mode_t mask;
	int c, i, status = 0;
	long m;

	/* A mode such as -w is an operand, not an option. */
	if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0 &&
	    symbolic(argv[1], 0, 0, 0) >= 0)
		optind = 1;
	else
		while ((c = getopt(argc, argv, "")) != -1)
			usage();
	if (argc - optind < 2)
		usage();
	spec = argv[optind];
	mask = umask(0);
	umask(mask);
	if (new_mode(spec, 0, mask) < 0) {
		fprintf(stderr, "chmod: invalid mode: %s\n", spec);
		return 1;
	}
	for (i = optind + 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0 ||
		    (m = new_mode(spec, st.st_mode, mask)) < 0 ||
		    chmod(argv[i], (mode_t)m) < 0) {
			fprintf(stderr, "chmod: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
