/* grep.c - print the lines that match a regular expression.
 *
 *	grep [-EFcilnqsvx] [-e pattern] ... [pattern] [file ...]
 *
 * Patterns are basic REs (lib/libc/regex.c), extended with -E, fixed
 * strings with -F; several -e patterns (or lines of one pattern) match
 * when any does.  -i ignores case, -v selects the lines that do not
 * match, -x only whole-line matches, -n prefixes line numbers, -c prints
 * counts, -l the names of files with a selected line, -q prints nothing
 * and stops at the first selected line, -s hides messages about files.
 * With several files every output line starts with "name:".
 * Exit status: 0 a line was selected, 1 none, 2 an error (unless -q
 * found a line).
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int opt_c, opt_i, opt_l, opt_n, opt_q, opt_s, opt_v, opt_x, opt_F;
static int cflags;
static char **pats;
static int npats;
static regex_t *res;

static void usage(void)
{
	fprintf(stderr, "usage: grep [-EFcilnqsvx] [-e pattern] ... [pattern] "
	    "[file ...]\n");
	exit(2);
}

/* Add the patterns of s (one per line). */
static void add_patterns(const char *s)
{
	const char *nl;
	char **more;

	for (;;) {
		nl = strchr(s, '\n');
		if ((more = realloc(pats, (size_t)(npats + 1) * sizeof(*pats))) == NULL ||
		    (more[npats] = nl ? strndup(s, (size_t)(nl - s)) : strdup(s)) == NULL) {
			fprintf(stderr, "grep: out of memory\n");
			exit(2);
		}
		pats = more;
		npats++;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

static void compile(void)
{
	char msg[128], *p;
	int i, r;

	if (opt_F)
		return;
	if ((res = calloc((size_t)npats, sizeof(*res))) == NULL) {
		fprintf(stderr, "grep: out of memory\n");
		exit(2);
	}
	for (i = 0; i < npats; i++) {
		p = pats[i];
		if (opt_x) {		/* anchor it: ^\(p\)$ or ^(p)$ */
			size_t n = strlen(p) + 8;

			if ((p = malloc(n)) == NULL)
				exit(2);
			snprintf(p, n, cflags & REG_EXTENDED ? "^(%s)$" :
			    "^\\(%s\\)$", pats[i]);
		}
		if ((r = regcomp(&res[i], p, cflags)) != 0) {
			regerror(r, &res[i], msg, sizeof(msg));
			fprintf(stderr, "grep: %s: %s\n", pats[i], msg);
			exit(2);
		}
	}
}

static int fixed_match(const char *line, const char *pat)
{
	size_t n = strlen(pat), len = strlen(line), i;

	if (opt_x)
		return len == n && (opt_i ? strcasecmp(line, pat) : strcmp(line, pat)) == 0;
	for (i = 0; i + n <= len; i++)
		if ((opt_i ? strncasecmp(line + i, pat, n) : strncmp(line + i, pat, n)) == 0)
			return 1;
	return 0;
}

static int matches(const char *line)
{
	int i;

	for (i = 0; i < npats; i++) {
		if (opt_F ? fixed_match(line, pats[i]) :
		    regexec(&res[i], line, 0, NULL, 0) == 0)
			return 1;
	}
	return 0;
}

/* Search f; the number of selected lines, or -1 on a read error. */
static long grep(FILE *f, const char *name, int show_name)
{
	static char *line;
	static size_t cap;
	ssize_t len;
	long count = 0, lineno = 0;

	while ((len = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (matches(line) == opt_v)
			continue;
		count++;
		if (opt_q)
			exit(0);
		if (opt_l)
			break;
		if (opt_c)
			continue;
		if (show_name)
			printf("%s:", name);
		if (opt_n)
			printf("%ld:", lineno);
		printf("%s\n", line);
	}
	if (ferror(f))
		return -1;
	if (opt_c) {
		if (show_name)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if (opt_l && count > 0)
		printf("%s\n", name);
	return count;
}

int main(int argc, char **argv)
{
	int c, i, status = 1, error = 0, show;
	long n;
	FILE *f;

	while ((c = getopt(argc, argv, "+EFce:ilnqsvx")) != -1) {
		switch (c) {
		case 'E': cflags |= REG_EXTENDED; break;
		case 'F': opt_F = 1; break;
		case 'c': opt_c = 1; break;
		case 'e': add_patterns(optarg); break;
		case 'i': opt_i = 1; cflags |= REG_ICASE; break;
		case 'l': opt_l = 1; break;
		case 'n': opt_n = 1; break;
		case 'q': opt_q = 1; break;
		case 's': opt_s = 1; break;
		case 'v': opt_v = 1; break;
		case 'x': opt_x = 1; break;
		default: usage();
		}
	}
	if (npats == 0) {
		if (optind == argc)
			usage();
		add_patterns(argv[optind++]);
	}
	cflags |= REG_NOSUB;	/* only whether a line matches */
	compile();
	show = argc - optind > 1;
	if (optind == argc) {
		n = grep(stdin, "(standard input)", 0);
		if (n < 0) {
			if (!opt_s)
				fprintf(stderr, "grep: stdin: %s\n", strerror(errno));
			error = 1;
		} else if (n > 0) {
			status = 0;
		}
	}
	for (i = optind; i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;
		const char *name = std ? "(standard input)" : argv[i];

		if ((f = std ? stdin : fopen(argv[i], "r")) == NULL) {
			if (!opt_s)
				fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
			error = 1;
			continue;
		}
		n = grep(f, name, show);
		if (n < 0) {
			if (!opt_s)
				fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
			error = 1;
		} else if (n > 0) {
			status = 0;
		}
		if (!std)
			fclose(f);
	}
	if (fflush(stdout) != 0)
		error = 1;
	return error ? 2 : status;
}
