/* init.c - the first user process.
 *
 *	init		run /etc/rc, then keep a shell on the console
 *	init test	run /etc/rc, then the test program /bin/tests
 *	init test G	the same with /bin/tests G (a group of tests: sched)
 *	init bench	run /etc/rc, then the benchmarks /bin/ubench, power off
 *
 * init starts with no file descriptors: it opens /dev/console as 0, 1 and
 * 2 first, for its own messages and for what it starts.  It runs
 * "/bin/sh /etc/rc" and waits for it.  Then it starts /bin/sh on the
 * console in a session of its own and starts it again whenever it exits,
 * reaping every other child that ends meanwhile (orphans become init's).
 *
 * When the console shell exits, init opens the console again (its
 * driver may have been restarted since, which ends the files open on
 * it), says so ("init: shell exited with status N, starting a new one")
 * and starts another; one that lived less
 * than a second is started again only after a second's pause (so a shell
 * that cannot start does not spin).  Three such in a row mean a console
 * that cannot keep a shell (its driver alive but failing every read, or
 * giving end of file for ever): init has RS refresh the console's driver
 * (`service refresh tty`), as an operator would from another terminal,
 * and opens the console again.
 *
 * halt, reboot and poweroff ask init to stop the machine, as with BusyBox:
 * SIGUSR1 halt, SIGUSR2 poweroff, SIGTERM reboot (init catches only
 * these; kill(-1, ...) never reaches it).  init then sends every other
 * process SIGTERM and SIGCONT, waits up to SHUTDOWN_WAIT seconds for them,
 * sends SIGKILL to what is left, syncs and makes PM_REBOOT.
 *
 * In the test image /bin/tests powers the machine off itself with the
 * exit code that tells the host how the tests went; if it ever returns,
 * init powers off with the failure code.  In the bench image init waits
 * for /bin/ubench (its results are on the console) and powers off.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <minix/pm.h>

#define CONSOLE		"/dev/console"
#define SHELL		"/bin/sh"
#define RC		"/etc/rc"
#define TESTS		"/bin/tests"
#define UBENCH		"/bin/ubench"
#define TEST_PASSED	0x10	/* QEMU exit code: /bin/tests exited 0 */
#define TEST_FAILED	0x11	/* QEMU exit code: the tests failed */
#define BENCH_DONE	0x10	/* QEMU exit code after the benchmarks */
#define SHUTDOWN_WAIT	3	/* seconds for the processes to end on SIGTERM */
#define CONSOLE_DRIVER	"tty"	/* the label of the console's driver */
#define SHORT_LIVES	3	/* shells in a row that lived < 1 s: refresh it */

static volatile sig_atomic_t shutdown_how = -1;	/* RBT_*: asked to stop */

static char *init_env[] = { "PATH=/bin", "HOME=/", NULL };

/* Open the console as fds 0, 1 and 2 (closing whatever was there). */
static int open_console(void)
{
	int fd, tries;

	for (fd = 0; fd < 3; fd++)
		close(fd);
	for (tries = 0; ; tries++) {
		if ((fd = open(CONSOLE, O_RDWR)) >= 0)
			break;
		if (tries == 50)
			return -1;
		usleep(100000);	/* the tty may still be starting */
	}
	if (fd != 0 || open(CONSOLE, O_RDWR) != 1 || open(CONSOLE, O_RDWR) != 2)
		return -1;
	return 0;
}

/* Start argv[0] with argv in a child; its pid, or -1. */
static pid_t spawn(char *const argv[], int new_session)
{
	pid_t pid;

	if ((pid = fork()) < 0) {
		printf("init: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		if (new_session) {
			setsid();
			if (open_console() < 0)
				_exit(126);
		}
		execv(argv[0], argv);
		printf("init: %s: %s\n", argv[0], strerror(errno));
		fflush(stdout);
		_exit(127);
	}
	return pid;
}

/* Reap children until pid is among them; its status (or -1). */
static int wait_for(pid_t pid)
{
	pid_t r;
	int status;

	for (;;) {
		r = wait(&status);
		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

/* The console cannot keep a shell: a fresh instance of its driver. */
static void refresh_console(void)
{
	char *argv[] = { "/bin/service", "refresh", CONSOLE_DRIVER, NULL };
	pid_t pid;

	printf("init: the console cannot keep a shell; refreshing %s\n",
	    CONSOLE_DRIVER);
	fflush(stdout);
	if ((pid = spawn(argv, 0)) > 0)
		(void)wait_for(pid);
	open_console();
}

static void run_tests(char *group)
{
	char *argv[] = { TESTS, group, NULL };
	pid_t pid;
	int status;

	status = -1;
	if ((pid = spawn(argv, 0)) > 0)
		status = wait_for(pid);
	/* QEMU's exit code tells the host how the tests went. */
	fflush(stdout);
	__minix_reboot(RBT_POWEROFF, status == 0 ? TEST_PASSED : TEST_FAILED);
	printf("init: reboot: %s\n", strerror(errno));
	for (;;)
		sleep(1000);
}

static void run_bench(void)
{
	char *argv[] = { UBENCH, NULL };
	pid_t pid;
	int status;

	if ((pid = spawn(argv, 0)) > 0) {
		status = wait_for(pid);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			printf("init: %s failed (status %#x)\n", UBENCH, status);
	}
	fflush(stdout);
	__minix_reboot(RBT_POWEROFF, BENCH_DONE);
	printf("init: reboot: %s\n", strerror(errno));
	for (;;)
		sleep(1000);
}

static void on_shutdown_signal(int sig)
{
	shutdown_how = sig == SIGUSR1 ? RBT_HALT : sig == SIGUSR2 ?
	    RBT_POWEROFF : RBT_REBOOT;
}

/* Reap what has ended; 1 when no process but init is left. */
static int reap_all(void)
{
	int status;

	while (waitpid(-1, &status, WNOHANG) > 0)
		;
	return kill(-1, 0) < 0 && errno == ESRCH;
}

/* Send sig to every process but init, then wait up to ms milliseconds
 * for them all to be gone; 1 if they are. */
static int end_all(int sig, int ms)
{
	int t;

	kill(-1, sig);
	if (sig != SIGKILL)
		kill(-1, SIGCONT);	/* a stopped process must run to end */
	for (t = 0; t < ms; t += 100) {
		if (reap_all())
			return 1;
		usleep(100000);
	}
	return reap_all();
}

/* halt, reboot or poweroff asked: end the processes, sync, stop. */
static void shut_down(int how)
{
	static const char *const what[] = {
		[RBT_HALT] = "halt", [RBT_POWEROFF] = "power off",
		[RBT_REBOOT] = "reboot",
	};

	printf("init: the system is going down to %s\n", what[how]);
	sync();
	if (!end_all(SIGTERM, SHUTDOWN_WAIT * 1000)) {
		printf("init: processes left after SIGTERM: sending SIGKILL\n");
		end_all(SIGKILL, 1000);
	}
	sync();
	fflush(stdout);
	__minix_reboot(how, 0);
	printf("init: reboot: %s\n", strerror(errno));
	for (;;)
		sleep(1000);
}

static void catch_shutdown_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_shutdown_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int main(int argc, char **argv)
{
	char *rc_argv[] = { SHELL, RC, NULL };
	char *sh_argv[] = { SHELL, NULL };
	pid_t pid, sh_pid;
	struct timeval start, end;
	int status, short_lives = 0;

	environ = init_env;
	open_console();	/* without a console init still does its work */
	setvbuf(stdout, NULL, _IOLBF, 0);

	if ((pid = spawn(rc_argv, 0)) > 0) {
		status = wait_for(pid);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			printf("init: %s failed (status %#x)\n", RC, status);
	}
	if (argc > 1 && strcmp(argv[1], "test") == 0)
		run_tests(argc > 2 ? argv[2] : NULL);
	if (argc > 1 && strcmp(argv[1], "bench") == 0)
		run_bench();

	catch_shutdown_signals();
	for (;;) {
		if (shutdown_how >= 0)
			shut_down(shutdown_how);
		gettimeofday(&start, NULL);
		if ((sh_pid = spawn(sh_argv, 1)) < 0) {
			sleep(1);
			continue;
		}
		/* Reap orphans until the shell itself is done. */
		do {
			pid = wait(&status);
			if (shutdown_how >= 0)
				shut_down(shutdown_how);
		} while (pid != sh_pid && (pid >= 0 || errno == EINTR));
		if (pid != sh_pid)
			continue;
		/* Our console fds may be on a tty instance that is gone (a
		 * restarted driver's files give EIO): open it again. */
		open_console();
		if (WIFEXITED(status))
			printf("init: shell exited with status %d, starting a new one\n",
			    WEXITSTATUS(status));
		else
			printf("init: shell killed by signal %d, starting a new one\n",
			    WTERMSIG(status));
		gettimeofday(&end, NULL);
		if ((long long)(end.tv_sec - start.tv_sec) * 1000000 +
		    (end.tv_usec - start.tv_usec) >= 1000000) {
			short_lives = 0;
			continue;
		}
		sleep(1);	/* it ended at once: do not spin */
		if (++short_lives >= SHORT_LIVES) {
			short_lives = 0;
			refresh_console();
		}
	}
}
