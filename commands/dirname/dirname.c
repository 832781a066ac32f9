/* dirname.c - all but the last component of a path name.
 *
 *	dirname string
 *
 * As POSIX: trailing slashes and the last component go, then the slashes
 * before it; nothing left gives "." (no slash at all) or "/".
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *s;
	size_t n;
	int c;

	while ((c = getopt(argc, argv, "+")) != -1) {
		fprintf(stderr, "usage: dirname string\n");
		return 1;
	}
	if (argc - optind != 1) {
		fprintf(stderr, "usage: dirname string\n");
		return 1;
	}
	s = argv[optind];
	n = strlen(s);
	while (n > 1 && s[n - 1] == '/')	/* trailing slashes */
		n--;
	while (n > 0 && s[n - 1] != '/')	/* the last component */
		n--;
	if (n == 0) {
		puts(s[0] == '/' ? "/" : ".");
		return 0;
	}
	while (n > 1 && s[n - 1] == '/')	/* the slashes before it */
		n--;
	s[n] = '\0';
	puts(s);
	return 0;
}
