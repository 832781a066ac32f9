/* fork.c - fork(): PM copies the caller (PM_FORK) and answers both: the
 * child's pid to the parent, 0 to the child.
 */
#include <unistd.h>
#include "posix.h"

pid_t fork(void)
{
	message m = { 0 };

	return __pm_call(PM_FORK, &m);
}
