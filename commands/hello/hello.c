/* hello.c - a boot demo used until the user-mode OS is complete: greets,
 * shows the process table, and then waits for alarms forever, reporting
 * uptime every few seconds (a later step starts /etc/rc and a shell).
 */
#include <stdio.h>
#include <minix/syslib.h>

int main(void)
{
	struct kinfo ki;
	endpoint_t me = NONE;
	message m;
	int hz = sys_hz();

	sys_getkinfo(&ki);
	sys_whoami(&me, NULL, 0, NULL, NULL);
	printf("hello: hello from user space (endpoint %d)\n", me);
	printf("hello: %d processes, %u of %u page frames free, HZ=%d\n",
	    ki.procs_in_use, ki.frames_free, ki.frames_total, hz);
	for (;;) {
		clock_t now;
		sys_setalarm(10 * hz, 0);
		ipc_receive(CLOCK, &m, NULL);
		now = getticks();
		printf("hello: uptime %ld s\n", (long)(now / hz));
	}
}
