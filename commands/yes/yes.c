/* yes.c - print a line over and over.
 *
 *	yes [string ...]
 *
 * The line is "y", or the arguments separated by spaces.  yes stops when
 * the output fails (normally SIGPIPE ends it first).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char line[1024];
	size_t n = 0, k;
	int c, i;

	while ((c = getopt(argc, argv, "+")) != -1) {
		fprintf(stderr, "usage: yes [string ...]\n");
		return 1;
	}
	if (optind == argc) {
		strcpy(line, "y");
		n = 1;
	}
	for (i = optind; i < argc; i++) {
		k = strlen(argv[i]);
		if (n + k + 2 > sizeof(line))
			k = sizeof(line) - n - 2;
		if (i > optind)
			line[n++] = ' ';
		memcpy(line + n, argv[i], k);
		n += k;
	}
	line[n++] = '\n';
	for (;;)
		if (fwrite(line, 1, n, stdout) != n || ferror(stdout))
			return 1;
}
