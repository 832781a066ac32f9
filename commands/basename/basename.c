/* basename.c - the last component of a path name.
 *
 *	basename string [suffix]
 *
 * As POSIX: trailing slashes go, then everything up to the last slash;
 * "/" (or only slashes) gives "/", "" gives "".  A suffix is removed if
 * it ends what is left and is not all of it.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *s, *e, *b;
	size_t n, k;
	int c;

	while ((c = getopt(argc, argv, "+")) != -1) {
		fprintf(stderr, "usage: basename string [suffix]\n");
		return 1;
	}
	if (argc - optind < 1 || argc - optind > 2) {
		fprintf(stderr, "usage: basename string [suffix]\n");
		return 1;
	}
	s = argv[optind];
	n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		n--;
	if (n == 1 && s[0] == '/') {
		puts("/");
		return 0;
	}
	s[n] = '\0';
	e = strrchr(s, '/');
	b = e != NULL ? e + 1 : s;
	if (optind + 1 < argc) {
		k = strlen(argv[optind + 1]);
		n = strlen(b);
		if (k < n && strcmp(b + n - k, argv[optind + 1]) == 0)
			b[n - k] = '\0';
	}
	puts(b);
	return 0;
}
