/* halt.c - stop the machine (halt; reboot.c and poweroff.c are this file
 * with another SHUTDOWN_HOW).
 *
 *	halt		end the processes, sync, "System halted."
 *	reboot		... and reset the machine
 *	poweroff	... and switch it off (QEMU exits with status 0)
 *
 * As with sysvinit and BusyBox, the command asks init (pid 1), which alone
 * may stop the machine: SIGUSR1 halt, SIGUSR2 poweroff, SIGTERM reboot.
 * init sends every other process SIGTERM (and SIGCONT), then SIGKILL, syncs
 * and makes PM_REBOOT; PM has VFS sync the file systems, then the kernel
 * stops.  This command is ended by init's SIGTERM like the others.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <minix/pm.h>

#ifndef SHUTDOWN_HOW
#define SHUTDOWN_HOW	RBT_HALT
#define SHUTDOWN_NAME	"halt"
#endif

int main(int argc, char **argv)
{
	int sig;

	while (getopt(argc, argv, "") != -1) {
		fprintf(stderr, "usage: %s\n", SHUTDOWN_NAME);
		return 2;
	}
	if (optind != argc) {
		fprintf(stderr, "usage: %s\n", SHUTDOWN_NAME);
		return 2;
	}
	sig = SHUTDOWN_HOW == RBT_REBOOT ? SIGTERM :
	    SHUTDOWN_HOW == RBT_POWEROFF ? SIGUSR2 : SIGUSR1;
	sync();
	if (kill(1, sig) < 0) {
		fprintf(stderr, "%s: cannot signal init: %s\n", SHUTDOWN_NAME,
		    strerror(errno));
		return 1;
	}
	for (;;)
		sleep(1000);	/* init ends us */
}
