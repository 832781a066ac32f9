/* ttyio.c - console output throughput, alone and while another process
 * reads files (issue 13's performance item), one of ubench's benchmark
 * files: ours only, the Linux peer does not build it.
 *
 *	tty_write_64k_idle	64 KiB to /dev/console in 1 KiB write()s
 *	tty_write_64k_fileio	the same while a child reads /test/1m (a
 *				cached 1 MiB file) over and over in 4 KiB
 *				read()s
 *
 * each the cost of the whole 64 KiB, TTY_N times.  The lines written are
 * dots, so the host's filter of "bench " lines drops them.  With the
 * asynchronous VFS the console's slowness holds up only the writer: the
 * reader keeps going, and the writer's figure says what the reader's
 * load costs it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define TTY_TOTAL	(64 * 1024)
#define TTY_IO		1024
#define TTY_N		3

void ubench_report(const char *name, uint64_t *s, int n);
uint64_t ubench_rdtsc(void);
void ttyio_bench(void);

static void tty_fail(const char *what)
{
	printf("ubench: %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

/* A child that reads /test/1m until it is killed. */
static pid_t start_reader(void)
{
	static char rbuf[4096];
	pid_t pid;
	int fd;

	if ((pid = fork()) < 0)
		tty_fail("fork");
	if (pid == 0) {
		for (;;) {
			if ((fd = open("/test/1m", O_RDONLY)) < 0)
				_exit(1);
			while (read(fd, rbuf, sizeof(rbuf)) > 0)
				;
			close(fd);
		}
	}
	return pid;
}

static void run(const char *name, int with_reader)
{
	static char line[TTY_IO];
	uint64_t s[TTY_N], t0;
	pid_t reader = -1;
	int fd, i, k;

	memset(line, '.', sizeof(line));
	line[sizeof(line) - 1] = '\n';
	if ((fd = open("/dev/console", O_WRONLY)) < 0)
		tty_fail("open /dev/console");
	if (with_reader)
		reader = start_reader();
	for (i = 0; i < TTY_N; i++) {
		t0 = ubench_rdtsc();
		for (k = 0; k < TTY_TOTAL / TTY_IO; k++)
			if (write(fd, line, sizeof(line)) != (ssize_t)sizeof(line))
				tty_fail("write /dev/console");
		s[i] = ubench_rdtsc() - t0;
	}
	if (reader > 0) {
		kill(reader, SIGKILL);
		waitpid(reader, NULL, 0);
	}
	close(fd);
	ubench_report(name, s, TTY_N);
}

void ttyio_bench(void)
{
	run("tty_write_64k_idle", 0);
	run("tty_write_64k_fileio", 1);
}
