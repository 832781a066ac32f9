/* t_select.c - /bin/tests, select(): pipes (readable after a write and
 * not before, the write end writable, end of file, a writer that comes
 * later), a regular file and /dev/null (always ready), timeouts (0: look
 * and return with the sets cleared; 50 ms: returns 0 after 50 to 200 ms),
 * a signal (EINTR), and the errors (EBADF, EINVAL, EFAULT).  A driver's
 * select (CDEV_SELECT) is in t_cdev.c, the tty's in the console session
 * (tools/shell-session.py), hello's in t_hello.c.  The runner and its
 * reason[] are in tests.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "tu.h"

static long ms_since(const struct timeval *t0)
{
	struct timeval t1;

	gettimeofday(&t1, NULL);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_usec - t0->tv_usec) / 1000;
}

int test_select_pipe(void)
{
	struct timeval zero = { 0, 0 };
	fd_set rs, ws;
	int p[2];
	char c;

	T_EQ(pipe(p), 0);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	T_EQ(select(p[0] + 1, &rs, NULL, NULL, &zero), 0);	/* empty */
	T_TRUE(!FD_ISSET(p[0], &rs));				/* cleared */
	FD_ZERO(&ws);
	FD_SET(p[1], &ws);
	T_EQ(select(p[1] + 1, NULL, &ws, NULL, &zero), 1);	/* room */
	T_TRUE(FD_ISSET(p[1], &ws));
	T_EQ(write(p[1], "x", 1), 1);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	FD_SET(p[1], &rs);		/* the write end is never readable */
	FD_ZERO(&ws);
	FD_SET(p[0], &ws);		/* nor the read end writable */
	FD_SET(p[1], &ws);
	T_EQ(select(p[1] + 1, &rs, &ws, NULL, NULL), 2);
	T_TRUE(FD_ISSET(p[0], &rs) && !FD_ISSET(p[1], &rs));
	T_TRUE(FD_ISSET(p[1], &ws) && !FD_ISSET(p[0], &ws));
	T_EQ(read(p[0], &c, 1), 1);
	T_EQ(close(p[1]), 0);		/* no writer: end of file is readable */
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	T_EQ(select(p[0] + 1, &rs, NULL, NULL, &zero), 1);
	T_EQ(read(p[0], &c, 1), 0);
	T_EQ(close(p[0]), 0);
	return 0;
}

/* A select with no timeout wakes when another process writes. */
int test_select_pipe_wakeup(void)
{
	struct timeval t0;
	fd_set rs;
	int p[2], st;
	pid_t pid;
	char c;

	T_EQ(pipe(p), 0);
	if ((pid = fork()) == 0) {
		usleep(100000);
		_exit(write(p[1], "y", 1) == 1 ? 0 : 1);
	}
	T_TRUE(pid > 0);
	gettimeofday(&t0, NULL);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	T_EQ(select(p[0] + 1, &rs, NULL, NULL, NULL), 1);
	T_TRUE(FD_ISSET(p[0], &rs));
	T_TRUE(ms_since(&t0) >= 90);	/* it did wait for the writer */
	T_EQ(read(p[0], &c, 1), 1);
	T_EQ(c, 'y');
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQ(st, 0);
	T_EQ(close(p[0]), 0);
	T_EQ(close(p[1]), 0);
	return 0;
}

int test_select_timeout(void)
{
	struct timeval t0, tv = { 0, 50000 };
	fd_set rs;
	long ms;
	int p[2];

	T_EQ(pipe(p), 0);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	gettimeofday(&t0, NULL);
	T_EQ(select(p[0] + 1, &rs, NULL, NULL, &tv), 0);
	ms = ms_since(&t0);
	if (ms < 50 || ms > 200)
		T_FAIL("a 50 ms select took %ld ms", ms);
	printf("# select: a 50 ms timeout on a pipe took %ld ms\n", ms);
	T_TRUE(!FD_ISSET(p[0], &rs));
	gettimeofday(&t0, NULL);	/* no descriptors: a sleep */
	tv.tv_sec = 0, tv.tv_usec = 50000;
	T_EQ(select(0, NULL, NULL, NULL, &tv), 0);
	ms = ms_since(&t0);
	if (ms < 50 || ms > 200)
		T_FAIL("a 50 ms sleep in select took %ld ms", ms);
	T_EQ(close(p[0]), 0);
	T_EQ(close(p[1]), 0);
	return 0;
}

/* Files and /dev/null are always ready to read and write. */
int test_select_files(void)
{
	struct timeval zero = { 0, 0 };
	fd_set rs, ws, es;
	int f, n;

	T_TRUE((f = open("/tmp/select.file", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
	T_TRUE((n = open("/dev/null", O_RDWR)) >= 0);
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_ZERO(&es);
	FD_SET(f, &rs);
	FD_SET(f, &ws);
	FD_SET(f, &es);
	FD_SET(n, &rs);
	FD_SET(n, &ws);
	FD_SET(n, &es);
	T_EQ(select((f > n ? f : n) + 1, &rs, &ws, &es, &zero), 4);
	T_TRUE(FD_ISSET(f, &rs) && FD_ISSET(f, &ws) && !FD_ISSET(f, &es));
	T_TRUE(FD_ISSET(n, &rs) && FD_ISSET(n, &ws) && !FD_ISSET(n, &es));
	T_EQ(close(f), 0);
	T_EQ(close(n), 0);
	T_EQ(unlink("/tmp/select.file"), 0);
	return 0;
}

static volatile int got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

/* A signal ends a waiting select with EINTR. */
int test_select_eintr(void)
{
	struct sigaction sa;
	fd_set rs;
	int p[2], st;
	pid_t pid, me = getpid();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	T_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	T_EQ(pipe(p), 0);
	if ((pid = fork()) == 0) {
		usleep(100000);
		_exit(kill(me, SIGUSR1) == 0 ? 0 : 1);
	}
	T_TRUE(pid > 0);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	got_usr1 = 0;
	T_ERR(select(p[0] + 1, &rs, NULL, NULL, NULL), EINTR);
	T_TRUE(got_usr1);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQ(st, 0);
	sa.sa_handler = SIG_DFL;
	T_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	T_EQ(close(p[0]), 0);
	T_EQ(close(p[1]), 0);
	return 0;
}

int test_select_errors(void)
{
	struct timeval zero = { 0, 0 }, bad = { 0, 1000000 };
	fd_set rs;
	int p[2];

	T_EQ(pipe(p), 0);
	FD_ZERO(&rs);
	T_ERR(select(-1, &rs, NULL, NULL, &zero), EINVAL);
	T_ERR(select(FD_SETSIZE + 1, &rs, NULL, NULL, &zero), EINVAL);
	T_EQ(select(FD_SETSIZE, &rs, NULL, NULL, &zero), 0);	/* the most */
	T_ERR(select(1, &rs, NULL, NULL, &bad), EINVAL);
	bad.tv_sec = -1, bad.tv_usec = 0;
	T_ERR(select(1, &rs, NULL, NULL, &bad), EINVAL);
	FD_SET(p[1] + 1, &rs);		/* not open */
	T_ERR(select(p[1] + 2, &rs, NULL, NULL, &zero), EBADF);
	FD_ZERO(&rs);
	FD_SET(100, &rs);		/* past the descriptor table */
	T_ERR(select(101, &rs, NULL, NULL, &zero), EBADF);
	T_EQ(select(100, &rs, NULL, NULL, &zero), 0);	/* past nfds: unseen */
	T_ERR(select(1, (fd_set *)16, NULL, NULL, &zero), EFAULT);
	T_EQ(close(p[0]), 0);
	T_EQ(close(p[1]), 0);
	return 0;
}
