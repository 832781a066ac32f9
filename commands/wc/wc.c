/* wc.c - count lines, words and bytes.
 *
 *	wc [-lwc] [file ...]
 *
 * Without options all three counts.  The output is the format POSIX
 * specifies: the selected counts in the order lines, words, bytes,
 * separated by one space, then " name" for a named file:
 *
 *	3 5 20 f
 *
 * so "... | wc -c" prints just the number.  With several files a last
 * line sums them, named "total".  A word is a maximal run of characters
 * that are not white space (isspace).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int opt_l, opt_w, opt_c;
static long long total[3];

static void report(const long long cnt[3], const char *name)
{
	const char *sep = "";

	if (opt_l) {
		printf("%lld", cnt[0]);
		sep = " ";
	}
	if (opt_w) {
		printf("%s%lld", sep, cnt[1]);
		sep = " ";
	}
	if (opt_c)
		printf("%s%lld", sep, cnt[2]);
	if (name != NULL)
		printf(" %s", name);
	putchar('\n');
}

/* Count f and report it under name; 0, or -1 on a read error. */
static int count(FILE *f, const char *name)
{
	long long cnt[3] = { 0, 0, 0 };
	int c, in_word = 0;

	while ((c = getc(f)) != EOF) {
		cnt[2]++;
		if (c == '\n')
			cnt[0]++;
		if (isspace(c)) {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			cnt[1]++;
		}
	}
	if (ferror(f))
		return -1;
	report(cnt, name);
	for (c = 0; c < 3; c++)
		total[c] += cnt[c];
	return 0;
}

int main(int argc, char **argv)
{
	int c, i, status = 0;
	FILE *f;

	while ((c = getopt(argc, argv, "+lwc")) != -1) {
		switch (c) {
		case 'l':
			opt_l = 1;
			break;
		case 'w':
			opt_w = 1;
			break;
		case 'c':
			opt_c = 1;
			break;
		default:
			fprintf(stderr, "usage: wc [-lwc] [file ...]\n");
			return 1;
		}
	}
	if (!opt_l && !opt_w && !opt_c)
		opt_l = opt_w = opt_c = 1;
	if (optind == argc) {
		if (count(stdin, NULL) < 0) {
			fprintf(stderr, "wc: stdin: %s\n", strerror(errno));
			status = 1;
		}
		return fflush(stdout) == 0 ? status : 1;
	}
	for (i = optind; i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;

		if ((f = std ? stdin : fopen(argv[i], "r")) == NULL) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (count(f, argv[i]) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	if (argc - optind > 1)
		report(total, "total");
	return fflush(stdout) == 0 ? status : 1;
}
