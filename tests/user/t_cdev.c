/* t_cdev.c - /bin/tests, device nodes and a character driver that does
 * not answer: /bin/cdevtest (tests/drivers/cdevtest) started with
 * `service up -dev`, reached through nodes made with mknod(), major 42:
 * /dev/cdevtest (minor 0, answers) and /dev/cdevhang (minor 1, reads
 * never answered).  While a process waits on the stuck driver, others open,
 * read, write, fork, exec and exit; ps-like VFS_GETWAITS shows the
 * waiter on the driver's label; SIGINT ends the wait with EINTR.  A crash
 * of the driver (`service fi`) gives EIO to a request in flight and to
 * the descriptors open on it; an open afterwards reaches the restarted
 * instance; after `service down`, an open fails with ENXIO.  select()
 * asks the driver (CDEV_SELECT): ready at once on minor 0, a timeout on
 * minor 1, and EIO for a select waiting there when the driver crashes.
 * A driver that answers neither a read nor its CDEV_CANCEL (minor 4), or
 * not an open (minor 5), is restarted after CDEV_TIMEOUT (5 s): the
 * interrupted read ends with EINTR, the open with EIO.  The runner
 * and its reason[] are in tests.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <minix/pm.h>
#include <minix/vfs.h>

#include "tu.h"

static volatile int got_int;

static void on_int(int sig)
{
	(void)sig;
	got_int = 1;
}

/* Run /bin/service with its arguments; its exit status, or -1. */
static int svc(const char *a1, const char *a2, const char *a3, const char *a4)
{
	char *argv[] = { "/bin/service", (char *)a1, (char *)a2, (char *)a3,
		(char *)a4, NULL };
	char out[512];
	int st = tu_capture(argv, NULL, 1, out, sizeof(out));

	if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		printf("# service %s %s: %s", a1, a2, out);
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The child: read the stuck minor; exit 0 if the read failed with
 * `want` (after the SIGINT handler ran, for EINTR), else 1.  Reports
 * nothing before the read, so the parent polls VFS for its wait. */
static void stuck_reader_of(const char *path, int want)
{
	struct sigaction sa;
	char c;
	int fd;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_int;
	sigaction(SIGINT, &sa, NULL);
	if ((fd = open(path, O_RDONLY)) < 0)
		_exit(2);
	if (read(fd, &c, 1) != -1)
		_exit(3);
	if (errno != want)
		_exit(10 + errno);
	if (want == EINTR && !got_int)
		_exit(4);
	_exit(0);
}

static void stuck_reader(int want)
{
	stuck_reader_of("/dev/cdevhang", want);
}

/* The child: select on the stuck minor for reading, no timeout; exit 0
 * if the select failed with EIO (its driver died), else 1 and more. */
static void stuck_selecter(void)
{
	fd_set rs;
	int fd, r;

	if ((fd = open("/dev/cdevhang", O_RDONLY)) < 0)
		_exit(2);
	FD_ZERO(&rs);
	FD_SET(fd, &rs);
	r = select(fd + 1, &rs, NULL, NULL, NULL);
	if (r != -1)
		_exit(3);
	_exit(errno == EIO ? 0 : 10 + errno);
}

/* select() through the driver (CDEV_SELECT): minor 0 is ready at once,
 * minor 1 never: a 50 ms timeout ends the wait with 0 and the set
 * cleared. */
static int select_driver(void)
{
	struct timeval tv = { 0, 50000 };
	fd_set rs, ws;
	int f0, f1;

	T_TRUE((f0 = open("/dev/cdevtest", O_RDWR)) >= 0);
	T_TRUE((f1 = open("/dev/cdevhang", O_RDONLY)) >= 0);
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(f0, &rs);
	FD_SET(f0, &ws);
	T_EQ(select(f0 + 1, &rs, &ws, NULL, NULL), 2);
	T_TRUE(FD_ISSET(f0, &rs) && FD_ISSET(f0, &ws));
	FD_ZERO(&rs);
	FD_SET(f1, &rs);
	T_EQ(select(f1 + 1, &rs, NULL, NULL, &tv), 0);
	T_TRUE(!FD_ISSET(f1, &rs));
	FD_SET(f0, &rs);
	FD_SET(f1, &rs);		/* one ready, one not: 1 */
	T_EQ(select((f0 > f1 ? f0 : f1) + 1, &rs, NULL, NULL, NULL), 1);
	T_TRUE(FD_ISSET(f0, &rs) && !FD_ISSET(f1, &rs));
	T_EQ(close(f0), 0);
	T_EQ(close(f1), 0);
	return 0;
}

/* pid's endpoint (PM's table), or NONE. */
static endpoint_t endpoint_of(pid_t pid)
{
	static struct pm_procinfo tab[2 * NR_PROCS];
	int i, n = minix_getproctab(tab, sizeof(tab));

	for (i = 0; i < n; i++)
		if (tab[i].pp_pid == pid && tab[i].pp_state != PP_ZOMBIE)
			return tab[i].pp_endpoint;
	return NONE;
}

/* Wait (up to 5 s) until VFS says pid waits on label; 0, or -1. */
static int wait_on(pid_t pid, const char *label, int what)
{
	struct vfs_wait w[NR_PROCS];
	endpoint_t ep;
	int i, n, tries;

	for (tries = 0; tries < 500; tries++) {
		ep = endpoint_of(pid);
		n = minix_getwaits(w, sizeof(w));
		for (i = 0; i < n; i++)
			if (w[i].vw_endpoint == ep && w[i].vw_what == what &&
			    strcmp(w[i].vw_label, label) == 0)
				return 0;
		usleep(10000);
	}
	return -1;
}

/* Work that needs VFS and PM: a file written and read back, a fork and
 * exec of /bin/true waited for. */
static int other_work(void)
{
	char *argv[] = { "/bin/echo", "still", "served", NULL };
	char buf[32], out[64];
	int fd, st;

	T_TRUE((fd = open("/tmp/cdev.work", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
	T_EQ(write(fd, "abc", 3), 3);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(read(fd, buf, sizeof(buf)), 3);
	T_EQ(memcmp(buf, "abc", 3), 0);
	T_EQ(close(fd), 0);
	T_EQ(unlink("/tmp/cdev.work"), 0);
	st = tu_capture(argv, NULL, 0, out, sizeof(out));
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	T_STR(out, "still served\n");
	return 0;
}

static int read_text(int fd, char *buf, size_t max)
{
	ssize_t n = read(fd, buf, max - 1);

	buf[n > 0 ? n : 0] = '\0';
	return (int)n;
}

/* The driver is back, restarted: within 10 s an open succeeds (after
 * RS's backoff, if it crashed just now) and a read gives "cdevtest N\n",
 * N its starts. */
static int restarted(int n)
{
	char buf[64], want[16];
	int fd = -1, i;

	snprintf(want, sizeof(want), "cdevtest %d\n", n);
	for (i = 0; i < 1000; i++, usleep(10000)) {
		if ((fd = open("/dev/cdevtest", O_RDONLY)) < 0)
			continue;
		if (read_text(fd, buf, sizeof(buf)) == (int)strlen(want) &&
		    strcmp(buf, want) == 0)
			break;
		close(fd);
		fd = -1;
	}
	T_TRUE(fd >= 0);
	T_STR(buf, want);
	T_EQ(close(fd), 0);
	return 0;
}

/* A node (type S_IFBLK or S_IFCHR) for cdevtest's minor at path, whose
 * open the driver never answers: EIO after the 5 s deadline (4 to 7 s
 * here), and the driver comes back with n starts. */
static int open_times_out(const char *path, mode_t type, int minor, int n)
{
	time_t t0;

	T_EQ(mknod(path, type | 0666, makedev(42, minor)), 0);
	t0 = time(NULL);
	T_ERR(open(path, O_RDONLY), EIO);
	T_TRUE(time(NULL) - t0 >= 4 && time(NULL) - t0 <= 7);
	T_EQ(unlink(path), 0);
	return restarted(n);
}

int test_cdev_stuck_driver(void)
{
	char buf[32];
	pid_t pid, spid;
	int fd, ws;
	struct stat st;

	T_EQ(mknod("/dev/cdevtest", S_IFCHR | 0666, makedev(42, 0)), 0);
	T_EQ(mknod("/dev/cdevhang", S_IFCHR | 0666, makedev(42, 1)), 0);
	T_ERR(mknod("/dev/cdevhang", S_IFCHR | 0666, makedev(42, 1)), EEXIST);
	T_ERR(mknod("/tmp/cdev.reg", S_IFREG | 0666, 0), EINVAL);
	T_EQ(stat("/dev/cdevhang", &st), 0);
	T_TRUE(S_ISCHR(st.st_mode));
	T_EQ(major(st.st_rdev), 42);
	T_EQ(minor(st.st_rdev), 1);
	T_ERR(open("/dev/cdevtest", O_RDONLY), ENXIO);	/* no driver for 42 */
	T_EQ(svc("up", "/bin/cdevtest", "-dev", "/dev/cdevtest"), 0);
	T_TRUE((fd = open("/dev/cdevtest", O_RDWR)) >= 0);
	T_EQ(read_text(fd, buf, sizeof(buf)), 11);
	T_STR(buf, "cdevtest 1\n");
	T_EQ(write(fd, "xyz", 3), 3);
	T_EQ(close(fd), 0);
	/* The driver gets MINIX's CDEV bits, not O_* flags. */
	T_EQ(mknod("/dev/cdevflags", S_IFCHR | 0666, makedev(42, 2)), 0);
	T_TRUE((fd = open("/dev/cdevflags", O_RDONLY | O_NONBLOCK)) >= 0);
	T_EQ(read_text(fd, buf, sizeof(buf)), 14);
	T_STR(buf, "open=1 read=1\n");		/* CDEV_R_BIT; CDEV_NONBLOCK */
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/dev/cdevflags", O_RDWR | O_NOCTTY)) >= 0);
	T_EQ(read_text(fd, buf, sizeof(buf)), 14);
	T_STR(buf, "open=7 read=0\n");		/* R | W | NOCTTY; no flags */
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/dev/cdevflags", O_RDONLY)) >= 0);
	T_TRUE((ws = open("/dev/cdevflags", O_WRONLY)) >= 0);	/* the last open */
	T_EQ(read_text(fd, buf, sizeof(buf)), 14);
	T_STR(buf, "open=2 read=0\n");		/* CDEV_W_BIT alone */
	T_EQ(close(ws), 0);
	T_EQ(close(fd), 0);
	T_EQ(unlink("/dev/cdevflags"), 0);
	T_EQ(select_driver(), 0);

	/* One process stuck on the driver; the others go on. */
	if ((pid = fork()) == 0)
		stuck_reader(EINTR);
	T_TRUE(pid > 0);
	T_EQ(wait_on(pid, "cdevtest", VW_DEV), 0);
	T_EQ(other_work(), 0);
	T_EQ(wait_on(pid, "cdevtest", VW_DEV), 0);	/* still stuck */
	T_EQ(kill(pid, SIGINT), 0);
	T_EQ(waitpid(pid, &ws, 0), pid);
	T_TRUE(WIFEXITED(ws));
	T_EQ(WEXITSTATUS(ws), 0);

	/* The driver crashes with a read and a select in flight and a file
	 * open. */
	T_TRUE((fd = open("/dev/cdevtest", O_RDONLY)) >= 0);
	if ((pid = fork()) == 0)
		stuck_reader(EIO);
	T_TRUE(pid > 0);
	if ((spid = fork()) == 0)
		stuck_selecter();
	T_TRUE(spid > 0);
	T_EQ(wait_on(pid, "cdevtest", VW_DEV), 0);
	T_EQ(wait_on(spid, "select", VW_SELECT), 0);
	T_EQ(svc("fi", "cdevtest", NULL, NULL), 0);
	T_ERR(read(fd, buf, sizeof(buf)), EIO);	/* crashes it; EIO at restart */
	T_EQ(waitpid(pid, &ws, 0), pid);
	T_TRUE(WIFEXITED(ws));
	T_EQ(WEXITSTATUS(ws), 0);
	T_EQ(waitpid(spid, &ws, 0), spid);	/* its select: EIO */
	T_TRUE(WIFEXITED(ws));
	T_EQ(WEXITSTATUS(ws), 0);
	T_ERR(read(fd, buf, sizeof(buf)), EIO);	/* the old instance's file */
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/dev/cdevtest", O_RDONLY)) >= 0);
	T_EQ(read_text(fd, buf, sizeof(buf)), 11);
	T_STR(buf, "cdevtest 2\n");		/* the restarted instance */
	T_EQ(close(fd), 0);

	/* An answer with a wrong id: a protocol violation; VFS has RS
	 * restart the driver and the reader gets EIO, not a hang. */
	T_EQ(mknod("/dev/cdevbad", S_IFCHR | 0666, makedev(42, 3)), 0);
	T_TRUE((fd = open("/dev/cdevbad", O_RDONLY)) >= 0);
	T_ERR(read(fd, buf, sizeof(buf)), EIO);
	T_ERR(read(fd, buf, sizeof(buf)), EIO);	/* the old instance's file */
	T_EQ(close(fd), 0);
	T_EQ(unlink("/dev/cdevbad"), 0);
	T_EQ(restarted(3), 0);

	/* A block request never answered (cdevtest ignores BDEV_*): after
	 * BDEV_TIMEOUT (5 s) VFS has RS restart the driver, the open gets
	 * EIO; nothing else waits meanwhile. */
	T_EQ(open_times_out("/dev/cdevblk", S_IFBLK, 0, 4), 0);

	return 0;
}

/* After test_cdev_stuck_driver (cdevtest running, started 4 times): the
 * deadlines of cancels and opens. */
int test_cdev_deadlines(void)
{
	pid_t pid;
	int ws;
	time_t t0;

	/* A read whose CDEV_CANCEL is never answered (its answers go
	 * nowhere): CDEV_TIMEOUT (5 s) after the signal VFS has RS restart
	 * the driver, and the read ends with EINTR. */
	T_EQ(mknod("/dev/cdevdeaf", S_IFCHR | 0666, makedev(42, 4)), 0);
	if ((pid = fork()) == 0)
		stuck_reader_of("/dev/cdevdeaf", EINTR);
	T_TRUE(pid > 0);
	T_EQ(wait_on(pid, "cdevtest", VW_DEV), 0);
	t0 = time(NULL);
	T_EQ(kill(pid, SIGINT), 0);
	T_EQ(waitpid(pid, &ws, 0), pid);
	T_TRUE(time(NULL) - t0 >= 4 && time(NULL) - t0 <= 7);
	T_TRUE(WIFEXITED(ws));
	T_EQ(WEXITSTATUS(ws), 0);
	T_EQ(unlink("/dev/cdevdeaf"), 0);
	T_EQ(restarted(5), 0);

	/* An open never answered: EIO after CDEV_TIMEOUT, the driver
	 * restarted. */
	T_EQ(open_times_out("/dev/cdevmute", S_IFCHR, 5, 6), 0);

	return 0;
}

/* A node for cdevtest's minor at path: a read of it gets EIO (the
 * driver broke the protocol), and the driver comes back with n starts. */
static int read_fails(const char *path, int minor, int n)
{
	char buf[32];
	int fd;

	T_EQ(mknod(path, S_IFCHR | 0666, makedev(42, minor)), 0);
	T_TRUE((fd = open(path, O_RDONLY)) >= 0);
	T_ERR(read(fd, buf, sizeof(buf)), EIO);
	T_EQ(close(fd), 0);
	T_EQ(unlink(path), 0);
	return restarted(n);
}

/* After test_cdev_deadlines: answers that go astray. */
int test_cdev_strays(void)
{
	pid_t pid;
	int ws;
	time_t t0;

	/* Answers sent to the wrong process (DS): DS reports the driver to
	 * RS, which restarts it, and the reader gets EIO, not a hang. */
	T_EQ(read_fails("/dev/cdevlost", 6, 7), 0);

	/* An answer of a type VFS does not know: a protocol violation too;
	 * the reader gets EIO, the driver is restarted. */
	T_EQ(read_fails("/dev/cdevodd", 7, 8), 0);

	/* Answers to a process that does not exist: libchardriver stops the
	 * driver at once (RS restarts it); the reader gets EIO. */
	T_EQ(read_fails("/dev/cdevvoid", 8, 9), 0);

	/* A read answered for 32 bytes of which the driver moved 4: VFS
	 * reads the grant's count (cpf_moved); the reader gets EIO, not 28
	 * bytes of its own buffer taken for data, and RS restarts it. */
	T_EQ(read_fails("/dev/cdevshort", 9, 10), 0);

	/* A caller that exits while its read waits: VFS sends the cancel and
	 * waits no more, but the driver must still answer (the read or the
	 * cancel) within CDEV_TIMEOUT; minor 4 answers neither and is
	 * restarted (its other callers would wait unseen). */
	T_EQ(mknod("/dev/cdevdeaf", S_IFCHR | 0666, makedev(42, 4)), 0);
	if ((pid = fork()) == 0)
		stuck_reader_of("/dev/cdevdeaf", EINTR);
	T_TRUE(pid > 0);
	T_EQ(wait_on(pid, "cdevtest", VW_DEV), 0);
	t0 = time(NULL);
	T_EQ(kill(pid, SIGKILL), 0);
	T_EQ(waitpid(pid, &ws, 0), pid);
	T_TRUE(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
	T_EQ(unlink("/dev/cdevdeaf"), 0);
	T_EQ(restarted(11), 0);
	T_TRUE(time(NULL) - t0 >= 4 && time(NULL) - t0 <= 10);

	T_EQ(svc("down", "cdevtest", NULL, NULL), 0);
	T_ERR(open("/dev/cdevtest", O_RDONLY), ENXIO);	/* its driver is down */
	T_EQ(unlink("/dev/cdevtest"), 0);
	T_EQ(unlink("/dev/cdevhang"), 0);
	return 0;
}
