/* t_proc2.c - /bin/tests, processes part 2: job control (SIGSTOP, SIGTSTP,
 * SIGTTIN, SIGTTOU, SIGCONT; waitpid with WUNTRACED and WCONTINUED;
 * SIGCHLD on a stop and SA_NOCLDSTOP), and exec's permission and script
 * rules (the x bit, #! lines, ENOEXEC, ELOOP, PM refusing a program not
 * opened with O_EXEC).  The runner and its reason[] are in tests.c.
 *
 * The exec files come from tools/mkroot.sh: /test/noexec (mode 644),
 * /test/script ("#!/bin/sh"), /test/echoarg ("#!/bin/echo  one  two "),
 * /test/junk, /test/loop, /test/longline, /test/badinterp.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <minix/ipc.h>
#include <minix/callnr.h>
#include <minix/com.h>
#include "tu.h"

int _syscall(endpoint_t who, int type, message *m);

/* ---- helpers ---- */

static int ticker_pipe[2];

/* Write a byte to ticker_pipe every 10 ms, forever. */
static void ticker(void)
{
	for (;;) {
		if (write(ticker_pipe[1], "t", 1) != 1)
			_exit(2);
		usleep(10000);
	}
}

/* Fork a child that runs fn (which should not return). */
static pid_t spawn_fn(void (*fn)(void))
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		fn();
		_exit(3);
	}
	return pid;
}

/* Bytes readable from fd now (it is O_NONBLOCK), read and dropped. */
static int drain(int fd)
{
	char buf[256];
	int n = 0;
	ssize_t r;

	while ((r = read(fd, buf, sizeof(buf))) > 0)
		n += (int)r;
	return n;
}

static void sleeper(void)
{
	for (;;)
		sleep(30);
}

#define NO_NEWS 0x10000	/* wait_opt: WNOHANG and nothing to report */

/* waitpid(pid, options); its status, NO_NEWS, or -1 (errno) / -2 (another
 * pid). */
static int wait_opt(pid_t pid, int options)
{
	int st = 0;
	pid_t r = waitpid(pid, &st, options);

	if (r < 0)
		return -1;
	if (r == 0)
		return NO_NEWS;
	return r == pid ? st : -2;
}

/* ---- job control ---- */

/* SIGSTOP stops a child (it runs no more), waitpid WUNTRACED sees it once,
 * SIGCONT lets it run, waitpid WCONTINUED sees that once. */
int test_stop_cont(void)
{
	pid_t pid;
	int st;
	char c;

	T_EQ(pipe(ticker_pipe), 0);
	T_TRUE((pid = spawn_fn(ticker)) > 0);
	close(ticker_pipe[1]);
	T_EQ(read(ticker_pipe[0], &c, 1), 1);	/* it runs */
	T_EQ(kill(pid, SIGSTOP), 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSTOPPED(st));
	T_EQ(WSTOPSIG(st), SIGSTOP);
	T_TRUE(!WIFEXITED(st) && !WIFSIGNALED(st) && !WIFCONTINUED(st));
	T_EQ(wait_opt(pid, WUNTRACED | WNOHANG), NO_NEWS);	/* reported once */
	T_EQ(fcntl(ticker_pipe[0], F_SETFL, O_NONBLOCK), 0);
	usleep(100000);
	drain(ticker_pipe[0]);		/* what it wrote before it stopped */
	usleep(300000);
	T_EQ(drain(ticker_pipe[0]), 0);	/* stopped: it did not run */
	T_EQ(kill(pid, SIGCONT), 0);
	st = wait_opt(pid, WCONTINUED);
	T_TRUE(st >= 0 && WIFCONTINUED(st));
	T_TRUE(!WIFSTOPPED(st) && !WIFEXITED(st) && !WIFSIGNALED(st));
	T_EQ(wait_opt(pid, WCONTINUED | WNOHANG), NO_NEWS);	/* reported once */
	usleep(300000);
	T_TRUE(drain(ticker_pipe[0]) > 0);	/* it runs again */
	T_EQ(kill(pid, SIGKILL), 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGKILL);
	close(ticker_pipe[0]);
	return 0;
}

/* The default action of SIGTSTP, SIGTTIN and SIGTTOU is to stop; a stop is
 * not seen by waitpid without WUNTRACED. */
int test_stop_signals_default(void)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	pid_t pid;
	int i, st;

	T_TRUE((pid = spawn_fn(sleeper)) > 0);
	for (i = 0; i < 3; i++) {
		T_EQ(kill(pid, sigs[i]), 0);
		st = wait_opt(pid, WUNTRACED);
		T_TRUE(st >= 0 && WIFSTOPPED(st));
		T_EQ(WSTOPSIG(st), sigs[i]);
		T_EQ(kill(pid, SIGCONT), 0);
		usleep(50000);
	}
	T_EQ(kill(pid, SIGSTOP), 0);
	usleep(100000);
	T_EQ(wait_opt(pid, WNOHANG), NO_NEWS);	/* no WUNTRACED: nothing */
	T_EQ(wait_opt(pid, WCONTINUED | WNOHANG), NO_NEWS);
	T_EQ(kill(pid, SIGKILL), 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGKILL);
	return 0;
}

static volatile sig_atomic_t got_sig;

static void on_sig(int sig)
{
	got_sig = sig;
}

static int catch_sig(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sig;
	sa.sa_flags = flags;
	return sigaction(sig, &sa, NULL);
}

static int sync_pipe[2];

/* Catch SIGTSTP, say so, exit 7 once it came (9 after 10 s). */
static void tstp_catcher(void)
{
	int i;

	got_sig = 0;
	if (catch_sig(SIGTSTP, 0) != 0)
		_exit(4);
	if (write(sync_pipe[1], "r", 1) != 1)
		_exit(5);
	for (i = 0; i < 100 && got_sig != SIGTSTP; i++)
		usleep(100000);
	_exit(got_sig == SIGTSTP ? 7 : 9);
}

/* A caught SIGTSTP runs the handler and does not stop; an ignored one
 * does nothing. */
int test_tstp_caught(void)
{
	pid_t pid;
	int st;
	char c;

	T_EQ(pipe(sync_pipe), 0);
	T_TRUE((pid = spawn_fn(tstp_catcher)) > 0);
	T_EQ(read(sync_pipe[0], &c, 1), 1);
	T_EQ(kill(pid, SIGTSTP), 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 7);
	close(sync_pipe[0]);
	close(sync_pipe[1]);

	/* Ignored: this very process goes on. */
	T_TRUE(signal(SIGTSTP, SIG_IGN) == SIG_DFL);
	T_EQ(raise(SIGTSTP), 0);
	T_TRUE(signal(SIGTSTP, SIG_DFL) == SIG_IGN);
	return 0;
}

/* SIGKILL ends a stopped child; another signal (SIGTERM) waits until it
 * is continued, and then ends it. */
int test_kill_stopped(void)
{
	pid_t pid;
	int st;

	T_TRUE((pid = spawn_fn(sleeper)) > 0);
	T_EQ(kill(pid, SIGSTOP), 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSTOPPED(st));
	T_EQ(kill(pid, SIGKILL), 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGKILL);

	T_TRUE((pid = spawn_fn(sleeper)) > 0);
	T_EQ(kill(pid, SIGSTOP), 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSTOPPED(st));
	T_EQ(kill(pid, SIGTERM), 0);
	usleep(200000);
	T_EQ(wait_opt(pid, WNOHANG), NO_NEWS);	/* still there, stopped */
	T_EQ(kill(pid, SIGCONT), 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGTERM);
	return 0;
}

/* Child: wait for the parent's go, then is exactly sig of SIGTSTP and
 * SIGCONT pending?  Say so to the parent. */
static int pending_step(int sig)
{
	sigset_t pend;
	char c;

	if (read(sync_pipe[0], &c, 1) != 1 || sigpending(&pend) != 0)
		return 0;
	if (sigismember(&pend, SIGTSTP) != (sig == SIGTSTP) ||
	    sigismember(&pend, SIGCONT) != (sig == SIGCONT))
		return 0;
	return write(sync_pipe[1], "r", 1) == 1;
}

/* Child: block SIGTSTP and SIGCONT (blocked, SIGCONT stays pending though
 * its default is to be ignored, as on Linux), then check what is pending
 * after each of the parent's signals: SIGCONT; SIGTSTP (which discards
 * the SIGCONT); SIGCONT (which discards the SIGTSTP). */
static void pending_checker(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigaddset(&set, SIGCONT);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		_exit(10);
	if (write(sync_pipe[1], "r", 1) != 1)
		_exit(11);
	if (!pending_step(SIGCONT))
		_exit(12);
	if (!pending_step(SIGTSTP))
		_exit(13);
	if (!pending_step(SIGCONT))
		_exit(14);
	/* SIGTSTP unblocked: nothing stops us. */
	sigdelset(&set, SIGCONT);
	if (sigprocmask(SIG_UNBLOCK, &set, NULL) != 0)
		_exit(15);
	_exit(0);
}

/* SIGCONT discards a pending stop signal, a stop signal a pending
 * SIGCONT. */
int test_cont_discards_stop(void)
{
	static const int sigs[] = { SIGCONT, SIGTSTP, SIGCONT };
	pid_t pid;
	int st, to[2], from[2], i;
	char c;

	T_EQ(pipe(to), 0);
	T_EQ(pipe(from), 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		sync_pipe[0] = to[0];
		sync_pipe[1] = from[1];
		pending_checker();
	}
	T_TRUE(pid > 0);
	T_EQ(read(from[0], &c, 1), 1);
	for (i = 0; i < 3; i++) {
		T_EQ(kill(pid, sigs[i]), 0);
		T_EQ(write(to[1], "g", 1), 1);
		if (read(from[0], &c, 1) != 1)
			break;
	}
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	T_EQ(i, 3);
	return 0;
}

static void stop_self(void)
{
	kill(getpid(), SIGSTOP);
	_exit(6);
}

/* The parent gets SIGCHLD when a child stops, unless SA_NOCLDSTOP. */
int test_sigchld_on_stop(void)
{
	pid_t pid;
	int st;

	got_sig = 0;
	T_EQ(catch_sig(SIGCHLD, 0), 0);
	T_TRUE((pid = spawn_fn(stop_self)) > 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSTOPPED(st));
	T_EQ(got_sig, SIGCHLD);
	got_sig = 0;
	T_EQ(kill(pid, SIGCONT), 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 6);

	got_sig = 0;
	T_EQ(catch_sig(SIGCHLD, SA_NOCLDSTOP), 0);
	T_TRUE((pid = spawn_fn(stop_self)) > 0);
	st = wait_opt(pid, WUNTRACED);
	T_TRUE(st >= 0 && WIFSTOPPED(st));
	usleep(100000);
	T_EQ(got_sig, 0);
	T_EQ(kill(pid, SIGKILL), 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(got_sig, SIGCHLD);		/* an exit still says so */
	signal(SIGCHLD, SIG_DFL);
	return 0;
}

static int hup_pipe[2];

static void hup_says_so(int sig)
{
	(void)sig;
	if (write(hup_pipe[1], "h", 1) != 1)
		_exit(21);
	_exit(0);
}

/* Stop a child of ours (which catches SIGHUP), then exit. */
static void stop_child_and_exit(void)
{
	pid_t pid;
	int st;

	signal(SIGHUP, hup_says_so);
	if ((pid = spawn_fn(sleeper)) < 0)
		_exit(22);
	if (kill(pid, SIGSTOP) != 0)
		_exit(23);
	st = wait_opt(pid, WUNTRACED);
	_exit(st >= 0 && WIFSTOPPED(st) ? 0 : 24);
}

/* A stopped process whose parent exits passes to init and gets SIGHUP
 * and SIGCONT: it does not stay stopped for ever. */
int test_orphan_stopped(void)
{
	pid_t pid;
	char c;
	int st;

	T_EQ(pipe(hup_pipe), 0);
	T_TRUE((pid = spawn_fn(stop_child_and_exit)) > 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);
	close(hup_pipe[1]);
	T_EQ(read(hup_pipe[0], &c, 1), 1);	/* its SIGHUP handler ran */
	T_EQ(c, 'h');
	T_EQ(read(hup_pipe[0], &c, 1), 0);	/* and it is gone */
	close(hup_pipe[0]);
	return 0;
}

/* ---- exec: permissions and scripts ---- */

/* EACCES without an x bit (and for a directory or a device), ENOEXEC for
 * a file that is neither ELF nor #!, ELOOP for a script that is its own
 * interpreter, ENOEXEC for a #! line too long, EACCES for an interpreter
 * without an x bit. */
int test_exec_perm(void)
{
	char *argv[] = { "x", NULL };
	struct stat st;

	T_EQ(stat("/test/noexec", &st), 0);
	T_EQ(st.st_mode & 0777, 0644);
	T_ERR(execv("/test/noexec", argv), EACCES);
	T_ERR(execv("/etc/motd", argv), EACCES);
	T_ERR(execv("/test", argv), EACCES);
	T_ERR(execv("/dev/null", argv), EACCES);
	T_ERR(execv("/test/junk", argv), ENOEXEC);
	T_ERR(execv("/test/loop", argv), ELOOP);
	T_ERR(execv("/test/longline", argv), ENOEXEC);
	T_ERR(execv("/test/badinterp", argv), EACCES);
	return 0;		/* and we are still here */
}

/* #! scripts: the interpreter gets [its argument,] the script's path and
 * the arguments after argv[0]. */
int test_exec_script(void)
{
	char *sh_argv[] = { "ignored", "a", "b", NULL };
	char *echo_argv[] = { "ignored", "x", "y z", NULL };
	char out[256];
	int st;

	sh_argv[0] = "/test/script";
	st = tu_capture(sh_argv, NULL, 0, out, sizeof(out));
	T_EQ(st, 0);
	T_STR(out, "script /test/script a b\n");
	echo_argv[0] = "/test/echoarg";
	st = tu_capture(echo_argv, NULL, 0, out, sizeof(out));
	T_EQ(st, 0);
	T_STR(out, "one  two /test/echoarg x y z\n");
	return 0;
}

/* The shell says 126 for a file it may not run. */
int test_exec_sh_126(void)
{
	char *argv[] = { "/bin/sh", "-c", "/test/noexec; echo $?", NULL };
	char out[256];

	T_EQ(tu_capture(argv, NULL, 0, out, sizeof(out)), 0);
	T_STR(out, "126\n");
	return 0;
}

/* exec an image from an fd opened with or without O_EXEC; PM_EXEC's
 * result (only returns on failure). */
static int raw_exec(int flags)
{
	static uint32_t block[4];	/* argc 0, no argv, no envp */
	struct stat st;
	message m;
	char *img;
	int fd;

	if ((fd = open("/bin/true", flags)) < 0 || fstat(fd, &st) < 0)
		return -1000;
	if (!(img = malloc((size_t)st.st_size)) ||
	    read(fd, img, (size_t)st.st_size) != st.st_size)
		return -1001;
	memset(&m, 0, sizeof(m));
	m.m_pm.p1 = (vir_bytes)img;
	m.m_pm.i1 = (int)st.st_size;
	m.m_pm.p2 = (vir_bytes)block;
	m.m_pm.i2 = (int)sizeof(block);
	m.m_pm.i3 = fd;
	strcpy(m.m_pm.name, "true");
	return _syscall(PM_PROC_NR, PM_EXEC, &m);
}

static void raw_exec_ok(void)
{
	raw_exec(O_RDONLY | O_EXEC);
	_exit(50);
}

/* PM runs only an image read through a descriptor VFS opened with O_EXEC:
 * the x bit cannot be skipped by calling PM_EXEC directly. */
int test_exec_needs_o_exec(void)
{
	pid_t pid;
	int st;

	T_ERR(open("/test/noexec", O_RDONLY | O_EXEC), EACCES);
	T_ERR(open("/bin/true", O_RDWR | O_EXEC), EACCES);
	T_EQ(raw_exec(O_RDONLY), -EACCES);	/* _syscall: negative E* */
	T_TRUE((pid = spawn_fn(raw_exec_ok)) > 0);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFEXITED(st));
	T_EQ(WEXITSTATUS(st), 0);	/* /bin/true ran */
	return 0;
}

static void do_abort(void)
{
	abort();
}

static const int assert_line = __LINE__ + 6; /* the failing assert's */
static void do_assert(void)
{
	int one = 1;

	assert(one == 1);                /* passes: nothing happens */
	assert(one == 2);
}

/* abort() ends the process with SIGABRT; a failed assert() prints the
 * expression, file, line and function on stderr first. */
int test_abort_assert(void)
{
	char buf[256], want[160];
	int p[2], st, n = 0;
	ssize_t r;
	pid_t pid;

	pid = spawn_fn(do_abort);
	st = wait_opt(pid, 0);
	T_TRUE(st >= 0 && WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGABRT);
	T_EQ(pipe(p), 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], 2);
		do_assert();
		_exit(3);
	}
	close(p[1]);
	while ((r = read(p[0], buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
		n += (int)r;
	buf[n] = '\0';
	close(p[0]);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_TRUE(WIFSIGNALED(st));
	T_EQ(WTERMSIG(st), SIGABRT);
	snprintf(want, sizeof(want), "assertion \"one == 2\" failed: file \"%s\", line %d, "
		"function \"do_assert\"\n", __FILE__, assert_line);
	T_STR(buf, want);
	return 0;
}
