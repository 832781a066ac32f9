/* init.c - /init of the Linux peer's initramfs (make bench).
 *
 * Linux boots with this as its first process: mount devtmpfs on /dev
 * (for /dev/zero), run /bin/ubench with its output on the console, and
 * leave QEMU through isa-debug-exit with code 0x10, as our bench image
 * does.  Built statically with glibc for i686 (i686-linux-gnu-gcc).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEBUG_EXIT_PORT	0xf4
#define BENCH_DONE	0x10

int main(void)
{
	char *argv[] = { "/bin/ubench", NULL };
	int status;
	pid_t pid;

	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0)
		perror("init: mount devtmpfs");
	setvbuf(stdout, NULL, _IOLBF, 0);
	if ((pid = fork()) == 0) {
		execv(argv[0], argv);
		perror("init: exec /bin/ubench");
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		perror("init: ubench");
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("init: ubench status %#x\n", status);
	sync();
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(BENCH_DONE, DEBUG_EXIT_PORT);
	reboot(RB_POWER_OFF);
	return 1;
}
