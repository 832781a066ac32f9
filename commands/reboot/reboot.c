/* reboot.c - reset the machine: halt.c asking init for a reboot. */
#define SHUTDOWN_HOW	RBT_REBOOT
#define SHUTDOWN_NAME	"reboot"
#include "../halt/halt.c"
