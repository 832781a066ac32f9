/* env.c - run a command in a modified environment, or print it.
 *
 *	env [-i] [name=value ...] [command [arg ...]]
 *
 * -i (or a lone "-") starts from an empty environment; each name=value
 * then sets a variable.  Without a command env prints the environment,
 * one name=value per line.  The command is searched in PATH (execvp).
 * Exit status: the command's; 126 if it cannot be run, 127 if it is not
 * found, 125 for an error in env itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **env;
static int nenv;

/* Set "name=value" s, replacing an entry with the same name. */
static void set(char *s)
{
	size_t n = (size_t)(strchr(s, '=') - s) + 1;
	char **more;
	int i;

	for (i = 0; i < nenv; i++) {
		if (strncmp(env[i], s, n) == 0) {
			env[i] = s;
			return;
		}
	}
	if ((more = realloc(env, (size_t)(nenv + 2) * sizeof(*env))) == NULL) {
		fprintf(stderr, "env: out of memory\n");
		exit(125);
	}
	env = more;
	env[nenv++] = s;
	env[nenv] = NULL;
}

int main(int argc, char **argv)
{
	char **e;
	int c, i, clear = 0;

	while ((c = getopt(argc, argv, "+i")) != -1) {
		if (c != 'i') {
			fprintf(stderr, "usage: env [-i] [name=value ...] "
			    "[command [arg ...]]\n");
			return 125;
		}
		clear = 1;
	}
	if (optind < argc && strcmp(argv[optind], "-") == 0) {
		clear = 1;
		optind++;
	}
	if ((env = malloc(sizeof(*env))) == NULL)
		return 125;
	env[0] = NULL;
	if (!clear && environ != NULL)
		for (e = environ; *e != NULL; e++)
			if (strchr(*e, '=') != NULL)
				set(*e);
	for (i = optind; i < argc && strchr(argv[i], '=') != NULL; i++)
		set(argv[i]);
	environ = env;
	if (i == argc) {
		for (e = env; *e != NULL; e++)
			printf("%s\n", *e);
		return fflush(stdout) == 0 ? 0 : 125;
	}
	execvp(argv[i], argv + i);
	c = errno;
	fprintf(stderr, "env: %s: %s\n", argv[i], strerror(c));
	return c == ENOENT ? 127 : 126;
}
