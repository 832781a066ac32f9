/* killopts.c - cmd_kill_opts(): the options of kill, for /bin/kill and
 * the shell's kill builtin (see cmdutil.h).
 */
#include <signal.h>
#include <string.h>

#include "cmdutil.h"

int cmd_kill_opts(int argc, char **argv, int *sig, const char **name)
{
	int i = 1;

	*sig = SIGTERM;
	*name = NULL;
	if (argc > 2 && strcmp(argv[1], "-s") == 0) {
		*name = argv[2];
		i = 3;
	} else if (argc > 1 && strcmp(argv[1], "--") == 0) {
		i = 2;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		*name = argv[1] + 1;
		i = 2;
	}
	if (i < argc && *name != NULL && strcmp(argv[i], "--") == 0)
		i++;
	if (*name == NULL)
		return i;
	if (strncmp(*name, "SIG", 3) == 0 ? str2sig(*name + 3, sig) < 0 :
	    str2sig(*name, sig) < 0)
		return -1;
	return i;
}
