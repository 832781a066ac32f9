/* poweroff.c - switch the machine off: halt.c asking init for a
 * poweroff. */
#define SHUTDOWN_HOW	RBT_POWEROFF
#define SHUTDOWN_NAME	"poweroff"
#include "../halt/halt.c"
