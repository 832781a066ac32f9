/* tests.c - /bin/tests: the user-level tests, run by "init test";
 * "tests sched" runs the scheduler's group instead (t_sched.c, run by
 * "init test sched" under QEMU -icount).
 *
 * Every test runs in a fresh forked process, watched by a second child
 * that sleeps TEST_TIMEOUT seconds: whichever ends first decides.  A test
 * returns 0 to pass; on failure it returns 1 with the reason in reason[]
 * (the T_* macros do both), and the test process itself prints
 * "not ok N - name: reason".  A test process killed by a signal or by
 * the watchdog fails too.  After each test, PM's process count must come
 * back to what it was before (no process leaked).
 *
 * The output is TAP ("ok N - name" / "not ok N - name: reason") and a
 * closing "N passed, N failed"; then the program powers the machine off
 * with exit code 0x10 (all passed) or 0x11 (failures) for QEMU.
 *
 * The files read come from tools/mkroot.sh: /test/empty (0 B), /test/one
 * (1 B "x"), /test/4k and /test/1m (byte i = (i * 131 + i / 4096) & 255),
 * /test/dir500 (500 empty files f000 .. f499).  Writing files: t_fs2.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <minix/pm.h>
#include <minix/safecopies.h>
#include "t_cmds.h"
#include "tu.h"

#define TEST_TIMEOUT	20		/* seconds per test */
#define PIPE_BYTES	(64 * 1024)
#define FILE_1M		(1024 * 1024)

char reason[256];	/* the t_*.c files fill it too */

/* ---- helpers ---- */

static unsigned char pattern(size_t i)
{
	return (unsigned char)((i * 131 + i / 4096) & 255);
}

/* Start fn in a child that exits with fn's value. */
static pid_t start(int (*fn)(void))
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(fn());
	return pid;
}

/* Wait for pid; its status word, or -1. */
static int status_of(pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

static int count_procs(void)
{
	static struct pm_procinfo tab[NR_SLOTS];

	return minix_getproctab(tab, sizeof(tab));
}

/* A grant table as PM_GETSYSINFO GET_GRANTS returns it. */
struct grants_buf {
	struct grant_table_info h;
	cp_grant_t e[MINIX_GRANTS_MAX];
};

/* The entries of ep's grant table with all of flags set; -1 on an error. */
static int count_grants(endpoint_t ep, int flags)
{
	static struct grants_buf g;
	int i, n = 0;

	if (minix_getsysinfo(GET_GRANTS, ep, &g, sizeof(g)) < 0)
		return -1;
	for (i = 0; i < g.h.gt_copied; i++)
		if ((g.e[i].cp_flags & flags) == flags)
			n++;
	return n;
}

/* The endpoint of the live process pid (PM's table); NONE if none. */
static endpoint_t endpoint_of(pid_t pid)
{
	static struct pm_procinfo tab[2 * NR_PROCS];
	int n, i;

	n = minix_getproctab(tab, sizeof(tab));
	for (i = 0; i < n; i++)
		if (tab[i].pp_pid == pid && tab[i].pp_state != PP_ZOMBIE)
			return tab[i].pp_endpoint;
	return NONE;
}

/* ---- processes ---- */

static int exec_status(const char *path)
{
	char *argv[] = { (char *)path, NULL };
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		execv(path, argv);
		_exit(99);
	}
	return status_of(pid);
}

static int test_exec_true(void)
{
	int st = exec_status("/bin/true");

	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	return 0;
}

static int test_exec_false(void)
{
	int st = exec_status("/bin/false");

	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 1);
	return 0;
}

static int child_checks_parent(void)
{
	static pid_t parent;

	parent = getppid();
	return parent > 0 ? 42 : 1;
}

static int test_fork_exit_status(void)
{
	pid_t me = getpid(), pid;
	int st;

	T_TRUE(me > 0);
	pid = start(child_checks_parent);
	T_TRUE(pid > 0 && pid != me);
	st = status_of(pid);
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 42);
	T_EQ(getpid(), me);
	return 0;
}

static pid_t parent_pid;

static int child_getppid(void)
{
	return getppid() == parent_pid ? 7 : 8;
}

static int test_getppid(void)
{
	parent_pid = getpid();
	T_EQ(WEXITSTATUS(status_of(start(child_getppid))), 7);
	return 0;
}

static int test_exec_argv(void)
{
	char *argv[] = { "/bin/echo", "hello", "world", NULL };
	char out[64];
	int st;

	st = tu_capture(argv, NULL, 0, out, sizeof(out));
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	T_EQ(strcmp(out, "hello world\n"), 0);
	return 0;
}

static int test_exec_env(void)
{
	char *argv[] = { "/bin/sh", "-c", "echo $FOO", NULL };
	char *env[] = { "FOO=bar", "PATH=/bin", NULL };
	char out[64];
	int st;

	st = tu_capture(argv, env, 0, out, sizeof(out));
	T_EQ(WEXITSTATUS(st), 0);
	T_EQ(strcmp(out, "bar\n"), 0);
	return 0;
}

static int test_exec_cat_file(void)
{
	char *argv[] = { "/bin/cat", "/test/one", NULL };
	char out[16];

	T_EQ(WEXITSTATUS(tu_capture(argv, NULL, 0, out, sizeof(out))), 0);
	T_EQ(strcmp(out, "x"), 0);
	return 0;
}

static int test_exec_errors(void)
{
	char *argv[] = { "x", NULL };

	T_ERR(execv("/test/missing", argv), ENOENT);
	T_ERR(execv("/test/junk", argv), ENOEXEC);
	T_ERR(execv("/test", argv), EACCES);
	T_ERR(execvp("no-such-command", argv), ENOENT);
	return 0;		/* and we are still here */
}

static int null_deref(void)
{
	volatile int *volatile p = NULL;

	*p = 1;
	return 0;
}

static int test_segv(void)
{
	int st = status_of(start(null_deref));

	T_TRUE(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGSEGV);
	return 0;
}

static int sleep_long(void)
{
	sleep(60);
	return 0;
}

static int test_kill_term(void)
{
	pid_t pid = start(sleep_long);
	int st;

	T_EQ(kill(pid, SIGTERM), 0);
	st = status_of(pid);
	T_TRUE(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGTERM);
	return 0;
}

static int test_kill_kill(void)
{
	pid_t pid = start(sleep_long);
	int st;

	T_EQ(kill(pid, SIGKILL), 0);
	st = status_of(pid);
	T_TRUE(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGKILL);
	return 0;
}

static int test_kill_errors(void)
{
	T_EQ(kill(getpid(), 0), 0);
	T_ERR(kill(getpid(), 99), EINVAL);
	T_ERR(kill(30000, SIGTERM), ESRCH);
	return 0;
}

static int test_wait_errors(void)
{
	pid_t pid;
	int st;

	T_ERR(waitpid(-1, &st, 0), ECHILD);
	T_ERR(wait(&st), ECHILD);
	pid = start(sleep_long);
	T_EQ(waitpid(pid, &st, WNOHANG), 0);
	T_EQ(kill(pid, SIGKILL), 0);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_ERR(waitpid(pid, &st, 0), ECHILD);
	return 0;
}

/* waitpid(0) while the only child of our group leaves it: ECHILD, not
 * waiting forever; the child is still ours to reap by pid. */
static int test_wait_group_left(void)
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		sleep(1);
		if (setpgid(0, 0) != 0)
			_exit(1);
		_exit(7);
	}
	T_TRUE(pid > 0);
	T_ERR(waitpid(0, &st, 0), ECHILD);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 7);
	return 0;
}

static int exit_at_once(void)
{
	return 3;
}

/* Fork n children that exit at once and reap them, newest first. */
static int fork_and_reap(int n)
{
	static pid_t pids[100];
	int i, st;

	fflush(stdout);
	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) == 0)
			_exit(i);
		T_TRUE(pids[i] > 0);
	}
	for (i = n - 1; i >= 0; i--) {
		T_EQ(waitpid(pids[i], &st, 0), pids[i]);
		T_TRUE(WIFEXITED(st));
		T_EQ(WEXITSTATUS(st), i);
	}
	return 0;
}

/* 100 processes come and go and leave nothing behind: PM's process count,
 * the kernel's slots in use and free page frames (exactly: no server
 * caches anything per process; one warm-up round first, because fork is
 * copy-on-write: the first round gives this process its own copies of
 * the pages it writes that it still shares with its parent), and the
 * grant entries VFS has in use. */
static int test_hundred_procs(void)
{
	struct kinfo k0, k1;
	int before, vfs_grants;

	if (fork_and_reap(100) != 0)
		return 1;
	before = count_procs();
	T_TRUE(before > 0);
	/* Before the frame count: its buffer's pages are this process's own
	 * copies then (copy-on-write), whatever the program's layout. */
	T_TRUE((vfs_grants = count_grants(VFS_PROC_NR, CPF_USED)) >= 0);
	T_EQ(minix_getsysinfo(GET_KINFO, 0, &k0, sizeof(k0)), 0);
	if (fork_and_reap(100) != 0)
		return 1;
	T_EQ(count_procs(), before);
	T_EQ(minix_getsysinfo(GET_KINFO, 0, &k1, sizeof(k1)), 0);
	T_EQ(k1.procs_in_use, k0.procs_in_use);
	T_EQ(k1.frames_free, k0.frames_free);
	T_EQ(count_grants(VFS_PROC_NR, CPF_USED), vfs_grants);
	return 0;
}

static int test_pgrp(void)
{
	pid_t me = getpid();

	T_EQ(setpgid(0, 0), 0);
	T_EQ(getpgrp(), me);
	T_ERR(setsid(), EPERM);	/* a group leader cannot */
	return 0;
}

static int new_session(void)
{
	return setsid() == getpid() && getpgrp() == getpid() ? 0 : 1;
}

static int test_setsid(void)
{
	T_EQ(status_of(start(new_session)), 0);
	return 0;
}

static int test_proctab(void)
{
	static struct pm_procinfo tab[NR_SLOTS];
	int n, i, found = 0;

	n = minix_getproctab(tab, sizeof(tab));
	T_TRUE(n > 1);
	for (i = 0; i < n; i++)
		if (tab[i].pp_pid == getpid()) {
			found++;
			T_EQ(tab[i].pp_ppid, getppid());
		}
	T_EQ(found, 1);
	return 0;
}

/* ---- kernel information (PM_GETSYSINFO) ---- */

/* What ps lists: every kernel slot, the boot processes in theirs. */
static int test_sysinfo_proctab(void)
{
	static const struct { endpoint_t ep; const char *name; } boot[] = {
		{ DS_PROC_NR, "ds" }, { PM_PROC_NR, "pm" },
		{ VFS_PROC_NR, "vfs" }, { MEM_PROC_NR, "memory" },
		{ TTY_PROC_NR, "tty" }, { FS_PROC_NR, "ext2" },
		{ INIT_PROC_NR, "init" },
	};
	static struct proc_info tab[NR_SLOTS];
	const struct proc_info *pi;
	endpoint_t me;
	size_t i;
	int found = 0;

	T_EQ(minix_getsysinfo(GET_PROCTAB, 0, tab, sizeof(tab)), 0);
	for (i = 0; i < NR_SLOTS; i++)
		T_EQ(tab[i].pi_slot, (int)i - NR_TASKS);
	pi = &tab[NR_TASKS + KERNEL];		/* slot -1 */
	T_TRUE(!(pi->pi_rts_flags & PI_SLOT_FREE));
	T_EQ(pi->pi_endpoint, KERNEL);
	for (i = 0; i < sizeof(boot) / sizeof(boot[0]); i++) {
		pi = &tab[NR_TASKS + boot[i].ep];
		if (pi->pi_rts_flags & PI_SLOT_FREE)
			T_FAIL("slot %d (%s) is free", boot[i].ep, boot[i].name);
		T_EQ(pi->pi_endpoint, boot[i].ep);
		if (strncmp(pi->pi_name, boot[i].name, PROC_NAME_LEN) != 0)
			T_FAIL("slot %d is \"%.*s\", want \"%s\"", boot[i].ep,
			    PROC_NAME_LEN, pi->pi_name, boot[i].name);
	}
	/* This process too, with the endpoint PM knows it by. */
	T_TRUE((me = endpoint_of(getpid())) != NONE);
	for (i = 0; i < NR_SLOTS; i++)
		if (!(tab[i].pi_rts_flags & PI_SLOT_FREE) && tab[i].pi_endpoint == me) {
			found++;
			T_TRUE(strncmp(tab[i].pi_name, "tests", PROC_NAME_LEN) == 0);
		}
	T_EQ(found, 1);
	return 0;
}

static int test_sysinfo_errors(void)
{
	static struct proc_info tab[NR_SLOTS];
	struct grant_table_info gt;
	struct kinfo k;

	T_EQ(minix_getsysinfo(GET_KINFO, 0, &k, sizeof(k)), 0);
	T_TRUE(k.procs_in_use > 0 && k.procs_in_use <= k.nr_procs);
	T_TRUE(k.frames_free > 0 && k.frames_free <= k.frames_total);
	T_EQ(k.nr_tasks, NR_TASKS);
	T_ERR(minix_getsysinfo(GET_KINFO, 0, &k, sizeof(k) - 1), EINVAL);
	T_ERR(minix_getsysinfo(GET_PROCTAB, 0, tab, sizeof(tab) - 1), EINVAL);
	T_ERR(minix_getsysinfo(GET_GRANTS, VFS_PROC_NR, &gt, sizeof(gt) - 1), EINVAL);
	T_ERR(minix_getsysinfo(GET_GRANTS, SELF, &gt, sizeof(gt)), EINVAL);
	T_ERR(minix_getsysinfo(GET_PROC, 0, tab, sizeof(tab)), EINVAL);
	T_ERR(minix_getsysinfo(99, 0, tab, sizeof(tab)), EINVAL);
	T_ERR(minix_getsysinfo(GET_KINFO, 0, NULL, sizeof(k)), EFAULT);
	T_ERR(minix_getsysinfo(GET_PROCTAB, 0, (void *)0xe0000000u, sizeof(tab)), EFAULT);
	T_ERR(minix_getsysinfo(GET_GRANTS, NR_PROCS + 5, &gt, sizeof(gt)), ESRCH);
	/* Only the header fits: no entries copied. */
	T_EQ(minix_getsysinfo(GET_GRANTS, VFS_PROC_NR, &gt, sizeof(gt)), 0);
	T_TRUE(gt.gt_entries > 0);
	T_EQ(gt.gt_copied, 0);
	return 0;
}

/* Read /test/4k in pieces, after the parent has learned our endpoint. */
static int reader(int go)
{
	static char buf[4096];
	char c;
	int fd, i;

	if (read(go, &c, 1) != 1)
		return 2;
	if ((fd = open("/test/4k", O_RDONLY)) < 0)
		return 3;
	for (i = 0; i < 4; i++)
		if (read(fd, buf + i * 1024, 1024) != 1024)
			return 4;
	close(fd);
	return 0;
}

/* VFS's grant table seen from user space: a child reads a file (VFS makes
 * a magic grant to ext2 for each read, revoked once ext2 answered), so
 * afterwards no valid magic grant of its memory is left, and none to ext2. */
static int test_sysinfo_grants(void)
{
	static struct grants_buf g;
	endpoint_t child;
	int p[2], i, used = 0;
	pid_t pid;

	T_EQ(pipe(p), 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[1]);
		_exit(reader(p[0]));
	}
	T_TRUE(pid > 0);
	close(p[0]);
	child = endpoint_of(pid);
	T_EQ(write(p[1], "g", 1), 1);
	close(p[1]);
	T_EQ(status_of(pid), 0);
	T_TRUE(child != NONE);

	T_EQ(minix_getsysinfo(GET_GRANTS, VFS_PROC_NR, &g, sizeof(g)), 0);
	T_TRUE(g.h.gt_table != 0);
	T_TRUE(g.h.gt_entries > 0);
	T_EQ(g.h.gt_copied, g.h.gt_entries < MINIX_GRANTS_MAX ?
	    g.h.gt_entries : MINIX_GRANTS_MAX);
	for (i = 0; i < g.h.gt_copied; i++) {
		const cp_grant_t *e = &g.e[i];

		if (!(e->cp_flags & CPF_USED))
			continue;
		used++;
		if ((e->cp_flags & (CPF_MAGIC | CPF_VALID)) != (CPF_MAGIC | CPF_VALID))
			continue;
		if (e->cp_u.cp_magic.cp_who_from == child ||
		    e->cp_u.cp_magic.cp_who_to == FS_PROC_NR)
			T_FAIL("grant %x: magic, valid, to %d of %d's memory",
			    (unsigned)GRANT_ID(i, e->cp_seq & GRANT_MAX_SEQ),
			    e->cp_u.cp_magic.cp_who_to,
			    e->cp_u.cp_magic.cp_who_from);
	}
	T_TRUE(used <= g.h.gt_entries);
	/* Processes without a table: an empty answer, not an error. */
	T_EQ(minix_getsysinfo(GET_GRANTS, PM_PROC_NR, &g, sizeof(g)), 0);
	T_EQ(g.h.gt_copied, g.h.gt_entries);
	return 0;
}

/* ---- signals ---- */

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

static int catch_with(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	return sigaction(sig, &sa, NULL);
}

static int test_caught_signal(void)
{
	volatile int local = 1234;
	struct sigaction old;

	caught = 0;
	T_EQ(catch_with(SIGUSR1, 0), 0);
	T_EQ(raise(SIGUSR1), 0);
	T_EQ(caught, SIGUSR1);
	T_EQ(local, 1234);
	caught = 0;
	T_EQ(raise(SIGUSR1), 0);	/* the handler stays */
	T_EQ(caught, SIGUSR1);
	T_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	T_TRUE(old.sa_handler == on_signal);
	return 0;
}

static int test_signal_ignored(void)
{
	T_TRUE(signal(SIGTERM, SIG_IGN) == SIG_DFL);
	T_EQ(raise(SIGTERM), 0);
	T_TRUE(signal(SIGTERM, SIG_DFL) == SIG_IGN);
	return 0;
}

static int test_sigchld_default_ignored(void)
{
	pid_t pid = start(exit_at_once);
	int st;

	usleep(200000);		/* SIGCHLD arrives meanwhile: no effect */
	st = status_of(pid);
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 3);
	return 0;
}

static int test_sigprocmask(void)
{
	sigset_t set, old, pend;

	caught = 0;
	T_EQ(catch_with(SIGUSR2, 0), 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	T_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	T_EQ(sigismember(&old, SIGUSR2), 0);
	T_EQ(raise(SIGUSR2), 0);
	T_EQ(caught, 0);
	T_EQ(sigpending(&pend), 0);
	T_EQ(sigismember(&pend, SIGUSR2), 1);
	T_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	T_EQ(caught, SIGUSR2);
	T_EQ(sigprocmask(SIG_SETMASK, NULL, &old), 0);
	T_EQ(sigismember(&old, SIGUSR2), 0);
	return 0;
}

/* Signal pid with SIGUSR1 every 100 ms until it exits; its status. */
static int nag(pid_t pid)
{
	int st, i;

	for (i = 0; i < 100; i++) {
		kill(pid, SIGUSR1);
		usleep(100000);
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
	}
	kill(pid, SIGKILL);
	return status_of(pid);
}

/* The children below inherit the handler from the test process: it is
 * set before the fork, so no SIGUSR1 can find them without it. */
static int sleep_until_interrupted(void)
{
	for (;;)
		if (usleep(10000000) < 0)
			return errno == EINTR ? 0 : 1;
}

static int test_sleep_interrupted(void)
{
	int st;

	T_EQ(catch_with(SIGUSR1, 0), 0);
	st = nag(start(sleep_until_interrupted));
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	return 0;
}

static int read_pipe_fds[2];

static int read_until_interrupted(void)
{
	char c;

	close(read_pipe_fds[1]);
	for (;;)
		if (read(read_pipe_fds[0], &c, 1) < 0)
			return errno == EINTR ? 0 : 1;
}

static int test_read_interrupted(void)
{
	pid_t pid;
	int st;

	T_EQ(catch_with(SIGUSR1, 0), 0);
	T_EQ(pipe(read_pipe_fds), 0);
	pid = start(read_until_interrupted);
	st = nag(pid);
	close(read_pipe_fds[0]);
	close(read_pipe_fds[1]);
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	return 0;
}

/* ---- files ---- */

static int test_read_empty(void)
{
	char buf[8];
	int fd;

	T_TRUE((fd = open("/test/empty", O_RDONLY)) >= 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(close(fd), 0);
	return 0;
}

static int test_read_one(void)
{
	char buf[8] = { 0 };
	int fd;

	T_TRUE((fd = open("/test/one", O_RDONLY)) >= 0);
	T_EQ(read(fd, buf, sizeof(buf)), 1);
	T_EQ(buf[0], 'x');
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(close(fd), 0);
	return 0;
}

static int test_read_4k(void)
{
	static unsigned char buf[5000];
	size_t i;
	int fd;

	T_TRUE((fd = open("/test/4k", O_RDONLY)) >= 0);
	for (i = 0; i < 4; i++)		/* odd pieces */
		T_EQ(read(fd, buf + i * 1000, 1000), 1000);
	T_EQ(read(fd, buf + 4000, 1000), 96);
	T_EQ(read(fd, buf, 1000), 0);
	for (i = 0; i < 4096; i++)
		if (buf[i] != pattern(i))
			T_FAIL("byte %u is %u, want %u", (unsigned)i, buf[i], pattern(i));
	T_EQ(close(fd), 0);
	return 0;
}

static int test_read_1m(void)
{
	unsigned char *buf;
	struct stat st;
	size_t i;
	int fd;

	T_TRUE((buf = malloc(FILE_1M + 4096)) != NULL);
	T_TRUE((fd = open("/test/1m", O_RDONLY)) >= 0);
	T_EQ(fstat(fd, &st), 0);
	T_EQ(st.st_size, FILE_1M);
	T_EQ(tu_read_all(fd, buf, FILE_1M + 4096), FILE_1M);
	for (i = 0; i < FILE_1M; i++)
		if (buf[i] != pattern(i))
			T_FAIL("byte %u is %u, want %u", (unsigned)i, buf[i], pattern(i));
	/* Again from an odd offset, in odd pieces. */
	T_EQ(lseek(fd, 12345, SEEK_SET), 12345);
	T_EQ(read(fd, buf, 7777), 7777);
	for (i = 0; i < 7777; i++)
		if (buf[i] != pattern(12345 + i))
			T_FAIL("byte %u is %u", (unsigned)(12345 + i), buf[i]);
	T_EQ(close(fd), 0);
	free(buf);
	return 0;
}

static int test_lseek(void)
{
	unsigned char c;
	int fd;

	T_TRUE((fd = open("/test/4k", O_RDONLY)) >= 0);
	T_EQ(lseek(fd, 0, SEEK_END), 4096);
	T_EQ(lseek(fd, 4095, SEEK_SET), 4095);
	T_EQ(read(fd, &c, 1), 1);
	T_EQ(c, pattern(4095));
	T_EQ(lseek(fd, -96, SEEK_CUR), 4000);
	T_EQ(read(fd, &c, 1), 1);
	T_EQ(c, pattern(4000));
	T_ERR(lseek(fd, 0, 9), EINVAL);
	T_EQ(close(fd), 0);
	return 0;
}

static int test_stat(void)
{
	struct stat st;

	T_EQ(stat("/test/1m", &st), 0);
	T_TRUE(S_ISREG(st.st_mode));
	T_EQ(st.st_size, FILE_1M);
	T_EQ(stat("/test", &st), 0);
	T_TRUE(S_ISDIR(st.st_mode));
	T_EQ(stat("/test/empty", &st), 0);
	T_EQ(st.st_size, 0);
	T_ERR(stat("/test/missing", &st), ENOENT);
	return 0;
}

static int test_dir500(void)
{
	static unsigned char seen[500];
	struct dirent *de;
	int dots = 0, files = 0, n;
	char *end;
	DIR *d;

	T_TRUE((d = opendir("/test/dir500")) != NULL);
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0) {
			dots++;
			continue;
		}
		if (de->d_name[0] != 'f' || strlen(de->d_name) != 4)
			T_FAIL("unexpected entry %s", de->d_name);
		n = (int)strtol(de->d_name + 1, &end, 10);
		if (*end != '\0' || n < 0 || n >= 500 || seen[n]++)
			T_FAIL("unexpected or repeated entry %s", de->d_name);
		files++;
	}
	T_EQ(errno, 0);
	T_EQ(closedir(d), 0);
	T_EQ(dots, 2);
	T_EQ(files, 500);
	return 0;
}

static int test_errno_open(void)
{
	char name[320];

	T_ERR(open("/test/missing", O_RDONLY), ENOENT);
	T_ERR(open("/test/one/x", O_RDONLY), ENOTDIR);
	T_ERR(open("/test", O_WRONLY), EISDIR);
	memcpy(name, "/test/", 6);
	memset(name + 6, 'a', 300);
	name[306] = '\0';
	T_ERR(open(name, O_RDONLY), ENAMETOOLONG);
	return 0;
}

static int test_errno_fd(void)
{
	char c;

	T_ERR(read(99, &c, 1), EBADF);
	T_ERR(write(99, &c, 1), EBADF);
	T_ERR(close(99), EBADF);
	T_ERR(read(-1, &c, 1), EBADF);
	T_ERR(dup(99), EBADF);
	return 0;
}

static int test_errno_dirs(void)
{
	T_ERR(mkdir("/test", 0777), EEXIST);
	T_ERR(rmdir("/test/dir500"), ENOTEMPTY);
	return 0;
}

/* /dev is a directory of the root file system like any other; its
 * nodes carry their device numbers (tools/mkroot.sh). */
static int test_dev_dir(void)
{
	struct stat st;
	int fd;

	T_EQ(stat("/dev/null", &st), 0);
	T_TRUE(S_ISCHR(st.st_mode));
	T_EQ(major(st.st_rdev), 1);
	T_EQ(minor(st.st_rdev), 0);
	T_EQ(stat("/dev/console", &st), 0);
	T_EQ(major(st.st_rdev), 4);
	T_TRUE((fd = creat("/dev/new", 0644)) >= 0);
	T_EQ(close(fd), 0);
	T_EQ(unlink("/dev/new"), 0);
	return 0;
}

static int test_emfile(void)
{
	static int fds[256];
	int n = 0, i;

	for (;;) {
		errno = 0;
		if ((fds[n] = open("/test/one", O_RDONLY)) < 0)
			break;
		if (++n == 256)
			T_FAIL("256 files open and no EMFILE");
	}
	T_EQ(errno, EMFILE);
	T_TRUE(n > 8);
	for (i = 0; i < n; i++)
		T_EQ(close(fds[i]), 0);
	T_TRUE((fds[0] = open("/test/one", O_RDONLY)) >= 0);
	T_EQ(close(fds[0]), 0);
	return 0;
}

static int test_efault(void)
{
	char c = 0;
	int fd;

	T_TRUE((fd = open("/test/4k", O_RDONLY)) >= 0);
	T_ERR(read(fd, (void *)0x10, 1), EFAULT);
	T_ERR(read(fd, (void *)0x10, 4096), EFAULT);
	/* VFS and ext2 are still there. */
	T_EQ(lseek(fd, 1, SEEK_SET), 1);
	T_EQ(read(fd, &c, 1), 1);
	T_EQ((unsigned char)c, pattern(1));
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/test/one", O_RDONLY)) >= 0);
	T_EQ(read(fd, &c, 1), 1);
	T_EQ(c, 'x');
	T_EQ(close(fd), 0);
	return 0;
}

static int test_dup(void)
{
	unsigned char a[10], b[10];
	int fd, fd2;

	T_TRUE((fd = open("/test/4k", O_RDONLY)) >= 0);
	T_TRUE((fd2 = dup(fd)) >= 0 && fd2 != fd);
	T_EQ(read(fd, a, 10), 10);
	T_EQ(read(fd2, b, 10), 10);	/* the offset is shared */
	T_EQ(b[0], pattern(10));
	T_EQ(dup2(fd, 20), 20);
	T_EQ(lseek(20, 0, SEEK_CUR), 20);
	T_EQ(dup2(fd, fd), fd);
	T_EQ(close(fd), 0);
	T_EQ(read(20, a, 1), 1);	/* still open through the copy */
	T_EQ(a[0], pattern(20));
	T_EQ(close(fd2), 0);
	T_EQ(close(20), 0);
	T_ERR(dup2(99, 5), EBADF);
	return 0;
}

static int test_dup2_redirect(void)
{
	char out[32];
	int p[2], saved;

	T_EQ(pipe(p), 0);
	T_TRUE((saved = dup(1)) >= 0);
	fflush(stdout);
	T_EQ(dup2(p[1], 1), 1);
	T_EQ(write(1, "redirected\n", 11), 11);
	T_EQ(dup2(saved, 1), 1);
	T_EQ(close(saved), 0);
	T_EQ(close(p[1]), 0);
	T_EQ(tu_read_all(p[0], out, sizeof(out) - 1), 11);
	T_EQ(memcmp(out, "redirected\n", 11), 0);
	T_EQ(close(p[0]), 0);
	return 0;
}

static int test_fcntl(void)
{
	int fd, fd2;

	T_TRUE((fd = open("/test/one", O_RDONLY | O_CLOEXEC)) >= 0);
	T_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(fd, F_SETFD, 0), 0);
	T_EQ(fcntl(fd, F_GETFD), 0);
	T_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
	T_TRUE((fd2 = fcntl(fd, F_DUPFD, 30)) >= 30);
	T_EQ(close(fd2), 0);
	T_EQ(close(fd), 0);
	T_ERR(fcntl(99, F_GETFD), EBADF);
	return 0;
}

static int test_devices(void)
{
	unsigned char buf[1000];
	size_t i;
	int fd;

	T_TRUE((fd = open("/dev/null", O_RDWR)) >= 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(write(fd, "gone", 4), 4);
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/dev/zero", O_RDONLY)) >= 0);
	memset(buf, 0xaa, sizeof(buf));
	T_EQ(read(fd, buf, sizeof(buf)), (long long)sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		if (buf[i] != 0)
			T_FAIL("/dev/zero byte %u is %u", (unsigned)i, buf[i]);
	T_EQ(close(fd), 0);
	return 0;
}

static int test_isatty(void)
{
	int fd;

	T_TRUE((fd = open("/test/one", O_RDONLY)) >= 0);
	T_ERR(isatty(fd) ? 1 : -1, ENOTTY);
	T_EQ(close(fd), 0);
	T_TRUE((fd = open("/dev/console", O_RDWR)) >= 0);
	T_EQ(isatty(fd), 1);
	T_EQ(close(fd), 0);
	return 0;
}

static int test_cwd(void)
{
	char buf[64], small[3];
	int fd;

	T_EQ(chdir("/test"), 0);
	T_TRUE(getcwd(buf, sizeof(buf)) == buf);
	T_EQ(strcmp(buf, "/test"), 0);
	T_EQ(chdir("dir500"), 0);
	T_TRUE(getcwd(buf, sizeof(buf)) != NULL);
	T_EQ(strcmp(buf, "/test/dir500"), 0);
	T_EQ(chdir(".."), 0);
	T_TRUE(getcwd(buf, sizeof(buf)) != NULL);
	T_EQ(strcmp(buf, "/test"), 0);
	T_TRUE((fd = open("one", O_RDONLY)) >= 0);	/* relative */
	T_EQ(close(fd), 0);
	T_TRUE(getcwd(small, sizeof(small)) == NULL);
	T_EQ(errno, ERANGE);
	T_ERR(chdir("/test/one"), ENOTDIR);
	T_ERR(chdir("/test/missing"), ENOENT);
	T_EQ(chdir("/"), 0);
	T_TRUE(getcwd(buf, sizeof(buf)) != NULL);
	T_EQ(strcmp(buf, "/"), 0);
	return 0;
}

/* ---- pipes ---- */

static int pipe_fds[2];

static int write_64k(void)
{
	static unsigned char buf[PIPE_BYTES];
	size_t i;

	close(pipe_fds[0]);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = pattern(i);
	/* Quickly, in pieces that do not match the pipe's buffer. */
	for (i = 0; i < sizeof(buf); i += 3000) {
		size_t n = sizeof(buf) - i < 3000 ? sizeof(buf) - i : 3000;
		if (write(pipe_fds[1], buf + i, n) != (ssize_t)n)
			return 1;
	}
	return 0;
}

static int test_pipe_64k(void)
{
	static unsigned char buf[PIPE_BYTES + 16];
	size_t got = 0, i;
	ssize_t n;
	pid_t pid;
	int st;

	T_EQ(pipe(pipe_fds), 0);
	pid = start(write_64k);
	T_EQ(close(pipe_fds[1]), 0);
	usleep(100000);			/* let the writer fill the pipe */
	while ((n = read(pipe_fds[0], buf + got, 700)) > 0)
		got += (size_t)n;	/* a slow reader: small reads */
	T_EQ(n, 0);
	T_EQ(got, PIPE_BYTES);
	for (i = 0; i < PIPE_BYTES; i++)
		if (buf[i] != pattern(i))
			T_FAIL("byte %u is %u, want %u", (unsigned)i, buf[i], pattern(i));
	T_EQ(close(pipe_fds[0]), 0);
	st = status_of(pid);
	T_TRUE(WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	return 0;
}

static int test_pipe_eof(void)
{
	char c;
	int p[2];

	T_EQ(pipe(p), 0);
	T_EQ(write(p[1], "ab", 2), 2);
	T_EQ(close(p[1]), 0);
	T_EQ(read(p[0], &c, 1), 1);
	T_EQ(c, 'a');
	T_EQ(read(p[0], &c, 1), 1);
	T_EQ(read(p[0], &c, 1), 0);	/* no writer left: end of file */
	T_EQ(close(p[0]), 0);
	return 0;
}

static int test_epipe_ignored(void)
{
	int p[2];

	T_TRUE(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	T_EQ(pipe(p), 0);
	T_EQ(close(p[0]), 0);
	T_ERR(write(p[1], "x", 1), EPIPE);
	T_EQ(close(p[1]), 0);
	return 0;
}

static int write_to_closed_pipe(void)
{
	int p[2];

	if (pipe(p) < 0 || close(p[0]) < 0)
		return 1;
	write(p[1], "x", 1);
	return 2;		/* SIGPIPE should have ended us */
}

static int test_sigpipe_default(void)
{
	int st = status_of(start(write_to_closed_pipe));

	T_TRUE(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGPIPE);
	return 0;
}

/* ---- time, memory ---- */

/* Only init may stop the machine, and init survives kill -9. */
static int test_authority(void)
{
	T_ERR(__minix_reboot(RBT_HALT, 0), EPERM);
	T_TRUE(kill(1, SIGKILL) == 0);   /* accepted, but init is spared */
	T_TRUE(kill(1, 0) == 0);         /* still there */
	return 0;
}

static int test_time(void)
{
	struct timeval tv;
	time_t t, t2;

	T_TRUE((t = time(NULL)) > 1600000000);
	T_EQ(time(&t2), t2);
	T_TRUE(t2 >= t);
	T_EQ(gettimeofday(&tv, NULL), 0);
	T_TRUE(tv.tv_sec >= t);
	T_TRUE(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	return 0;
}

static long long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static int test_sleep(void)
{
	long long t0, dt;

	t0 = now_ms();
	T_EQ(usleep(300000), 0);
	dt = now_ms() - t0;
	T_TRUE(dt >= 290 && dt < 5000);
	T_EQ(sleep(0), 0);
	return 0;
}

static int test_malloc_big(void)
{
	size_t n = 8u << 20, i;
	unsigned char *p, *q;

	T_TRUE((p = malloc(n)) != NULL);
	for (i = 0; i < n; i += 4096)
		p[i] = (unsigned char)i;
	for (i = 0; i < n; i += 4096)
		if (p[i] != (unsigned char)i)
			T_FAIL("heap byte %u changed", (unsigned)i);
	free(p);
	T_TRUE((q = malloc(100)) != NULL);
	free(q);
	T_TRUE(sbrk(0) != (void *)-1);
	return 0;
}

/* ---- the runner ---- */

struct test {
	const char *name;
	int (*fn)(void);
};

/* t_proc2.c: job control, exec permissions and #! scripts. */
int test_stop_cont(void), test_stop_signals_default(void), test_tstp_caught(void);
int test_kill_stopped(void), test_cont_discards_stop(void), test_sigchld_on_stop(void);
int test_orphan_stopped(void);
int test_df_syscall(void), test_df_fault(void);
int test_exec_perm(void), test_exec_script(void), test_exec_sh_126(void);
int test_exec_needs_o_exec(void), test_abort_assert(void);
/* t_service.c: the service command and RS. */
int test_service_up_restart_down(void), test_service_bad_conf(void);
int test_service_hang(void), test_service_fi(void);
int test_service_init_fails(void);
/* t_cdev.c: a character driver that does not answer, crashes, goes. */
int test_cdev_stuck_driver(void), test_cdev_deadlines(void), test_cdev_strays(void);
/* t_ramdisk.c: the example block driver, its partitions, a crash. */
int test_ramdisk_partitions(void);
/* select() (t_select.c) */
int test_select_pipe(void), test_select_pipe_wakeup(void), test_select_timeout(void);
int test_select_files(void), test_select_eintr(void), test_select_errors(void);
int test_hello_driver(void);	/* t_hello.c: drivers/examples/hello */

/* t_fs2.c: the writable root. */
int test_fs2_write_read(void), test_fs2_append_trunc(void), test_fs2_create_errors(void);
int test_fs2_mkdir_rmdir(void), test_fs2_rename(void), test_fs2_links(void);
int test_fs2_symlinks(void), test_fs2_unlink_open(void), test_fs2_perms(void);
int test_fs2_times(void), test_fs2_sparse(void), test_fs2_statvfs(void);
int test_fs2_enospc(void);
/* t_mount.c: the mount table; t_cmds2.c: the commands that change files. */
int test_mount_cross(void), test_mount_busy(void), test_mount_errors(void);
int test_mount_write(void), test_mount_fs_crash(void), test_mount_blockdev(void);
int test_cmd_touch_ln_chmod(void), test_cmd_stat_trunc_dd(void);
int test_cmd_readlink_du(void), test_utimes(void);
/* t_fsdrv.c: the disk driver restarted under the file system. */
int test_fsdrv_read_restart(void), test_fsdrv_write_restart(void);
int test_fsdrv_refused_request(void), test_fsdrv_lying_read(void);
int test_fsdrv_lost_request(void), test_fsdrv_short_fill(void);
int test_fsdrv_unmoved_write(void), test_fsdrv_unmoved_fswrite(void);
/* t_sched.c: the scheduler under load (the sched group, under -icount). */
int test_sched_read_latency(void), test_sched_signal_latency(void);
int test_sched_drift(void);

#define T(name) { #name, test_##name }
static const struct test tests[] = {
	T(exec_true), T(exec_false), T(fork_exit_status), T(getppid),
	T(exec_argv), T(exec_env), T(exec_cat_file), T(exec_errors),
	T(segv), T(df_syscall), T(df_fault), T(kill_term), T(kill_kill), T(kill_errors),
	T(wait_errors), T(wait_group_left), T(hundred_procs), T(pgrp), T(setsid), T(proctab),
	T(sysinfo_proctab), T(sysinfo_errors), T(sysinfo_grants),
	T(caught_signal), T(signal_ignored), T(sigchld_default_ignored),
	T(sigprocmask), T(sleep_interrupted), T(read_interrupted),
	T(stop_cont), T(stop_signals_default), T(tstp_caught), T(kill_stopped),
	T(cont_discards_stop), T(sigchld_on_stop), T(orphan_stopped), T(exec_perm),
	T(exec_script), T(exec_sh_126), T(exec_needs_o_exec), T(abort_assert),
	T(read_empty), T(read_one), T(read_4k), T(read_1m), T(lseek),
	T(stat), T(dir500), T(errno_open), T(errno_fd), T(errno_dirs),
	T(dev_dir), T(emfile), T(efault), T(dup), T(dup2_redirect), T(fcntl),
	T(devices), T(isatty), T(cwd), T(pipe_64k), T(pipe_eof),
	T(epipe_ignored), T(sigpipe_default), T(time), T(sleep), T(authority),
	T(malloc_big), T(service_up_restart_down), T(service_bad_conf),
	T(service_hang), T(service_fi), T(service_init_fails), T(cdev_stuck_driver), T(cdev_deadlines), T(cdev_strays),
	T(ramdisk_partitions),
	/* the commands (t_cmds.c) */
	T(cmd_sort_uniq), T(cmd_head), T(cmd_tail), T(cmd_wc), T(cmd_grep),
	T(cmd_od), T(cmd_test), T(cmd_seq_yes), T(cmd_names), T(cmd_env),
	T(cmd_which), T(cmd_cat_n), T(cmd_ls_R), T(cmd_date), T(cmd_printf),
	T(cmd_cut_tr), T(cmd_sort), T(cmd_uname), T(cmd_tee_more),
	T(cmd_writes), T(cmd_usage),
	T(fs2_write_read), T(fs2_append_trunc), T(fs2_create_errors), T(fs2_mkdir_rmdir),
	T(fs2_rename), T(fs2_links), T(fs2_symlinks), T(fs2_unlink_open), T(fs2_perms),
	T(fs2_times), T(fs2_sparse), T(fs2_statvfs), T(fs2_enospc),
	T(mount_cross), T(mount_busy), T(mount_errors), T(mount_write),
	T(mount_fs_crash), T(mount_blockdev),
	T(cmd_touch_ln_chmod), T(cmd_stat_trunc_dd), T(cmd_readlink_du),
	T(utimes),
	T(fsdrv_read_restart), T(fsdrv_write_restart),
	T(fsdrv_refused_request), T(fsdrv_lying_read), T(fsdrv_unmoved_fswrite), T(fsdrv_lost_request),
	T(fsdrv_short_fill), T(fsdrv_unmoved_write),
	T(select_pipe), T(select_pipe_wakeup), T(select_timeout), T(select_files),
	T(select_eintr), T(select_errors), T(hello_driver),
};
/* "tests sched": latencies in guest ticks, meaningful under -icount. */
static const struct test sched_tests[] = {
	T(sched_read_latency), T(sched_signal_latency), T(sched_drift),
};
#undef T

static int watchdog(void)
{
	sleep(TEST_TIMEOUT);
	return 0;
}

/* Run test number n; 0 if it passed (the caller prints "ok"). */
static int run_one(int n, const struct test *t)
{
	int before, after, st = 0, tries, r = 1;
	pid_t pid, dog, w;

	before = count_procs();
	/* The watchdog first: the test sees the same processes throughout. */
	if ((dog = start(watchdog)) < 0) {
		snprintf(reason, sizeof(reason), "fork: %s", strerror(errno));
		return 1;
	}
	if ((pid = fork()) < 0) {
		snprintf(reason, sizeof(reason), "fork: %s", strerror(errno));
		kill(dog, SIGKILL);
		status_of(dog);
		return 1;
	}
	if (pid == 0) {
		reason[0] = '\0';
		if (t->fn() != 0) {
			printf("not ok %d - %s: %s\n", n, t->name, reason);
			fflush(stdout);
			_exit(1);
		}
		fflush(stdout);
		_exit(0);
	}
	for (;;) {
		w = wait(&st);
		if (w == pid) {
			if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
				r = 0;
			else if (WIFEXITED(st) && WEXITSTATUS(st) == 1)
				r = -1;		/* it said why itself */
			else if (WIFSIGNALED(st))
				snprintf(reason, sizeof(reason),
				    "test process killed by signal %d", WTERMSIG(st));
			else
				snprintf(reason, sizeof(reason),
				    "test process ended with status %#x", st);
			break;
		}
		if (w == dog) {
			dog = -1;
			kill(pid, SIGKILL);
			status_of(pid);
			snprintf(reason, sizeof(reason), "timed out after %d s",
			    TEST_TIMEOUT);
			break;
		}
		if (w < 0 && errno != EINTR) {
			snprintf(reason, sizeof(reason), "wait: %s", strerror(errno));
			kill(pid, SIGKILL);
			break;
		}
	}
	if (dog > 0) {
		kill(dog, SIGKILL);
		status_of(dog);
	}
	/* Leftovers of the test go to init, which reaps them: give it time. */
	if (r == 0 && before > 0) {
		for (tries = 0; tries < 40; tries++) {
			if ((after = count_procs()) <= before)
				break;
			usleep(50000);
		}
		if (after > before) {
			snprintf(reason, sizeof(reason), "leak: %d processes",
			    after - before);
			r = 1;
		}
	}
	return r;
}

int oracle_main(int argc, char **argv);	/* t_oracle.c */

int main(int argc, char **argv)
{
	const struct test *t = tests;
	int n = (int)(sizeof(tests) / sizeof(tests[0])), i, r, failed = 0;

	if (argc > 1 && strcmp(argv[1], "sched") == 0) {
		t = sched_tests;
		n = (int)(sizeof(sched_tests) / sizeof(sched_tests[0]));
	} else if (argc > 1) {
		return oracle_main(argc, argv);	/* oracle-write, oracle-check, powercut */
	}
	printf("tests: %d tests\n", n);
	for (i = 0; i < n; i++) {
		r = run_one(i + 1, &t[i]);
		if (r == 0)
			printf("ok %d - %s\n", i + 1, t[i].name);
		else if (r > 0)
			printf("not ok %d - %s: %s\n", i + 1, t[i].name, reason);
		if (r != 0)
			failed++;
	}
	printf("%d passed, %d failed\n", n - failed, failed);
	fflush(stdout);
	/* Only init may power off: it does so with our status. */
	return failed ? 1 : 0;
}
