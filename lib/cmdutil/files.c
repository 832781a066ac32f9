/* files.c - cmd_files(): the file operands of head and tail, each
 * copied by the command's own function (see cmdutil.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmdutil.h"

int cmd_files(const char *prog, char **names, int n, int (*fn)(FILE *f))
{
	int i, status = 0, shown = 0;
	FILE *f;

	if (n == 0) {
		if (fn(stdin) < 0) {
			fprintf(stderr, "%s: stdin: %s\n", prog, strerror(errno));
			status = 1;
		}
		return fflush(stdout) == 0 ? status : 1;
	}
	for (i = 0; i < n; i++) {
		int std = strcmp(names[i], "-") == 0;

		if ((f = std ? stdin : fopen(names[i], "r")) == NULL) {
			fprintf(stderr, "%s: %s: %s\n", prog, names[i],
			    strerror(errno));
			status = 1;
			continue;
		}
		if (n > 1)
			printf("%s==> %s <==\n", shown++ ? "\n" : "",
			    std ? "standard input" : names[i]);
		if (fn(f) < 0) {
			fprintf(stderr, "%s: %s: %s\n", prog, names[i],
			    strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	return fflush(stdout) == 0 ? status : 1;
}
