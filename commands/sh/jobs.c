/* jobs.c - the job table and job control: waiting for foreground jobs,
 * ^Z, background jobs, and the builtins jobs, fg, bg, kill and wait.
 *
 * Every pipeline, external command or ( ) the shell forks is a job: its
 * processes, their process group and its command text.  A foreground job
 * gets the terminal (tcsetpgrp) and is waited for with WUNTRACED, so ^Z
 * stops it and leaves it in the table as "Stopped"; fg hands the terminal
 * back to it and sends SIGCONT to its group, bg only sends SIGCONT.  A
 * background job prints "[N] pid" (interactive shells) and is reported
 * before a prompt once it is done.  The current job (the last one
 * stopped or put in the background) is marked '+', the one before '-'.
 * Without a terminal to hand out (sh.job_control == 0) processes stay in
 * the shell's group and an interactive shell ignores ^C while it waits.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"
#include "../../lib/cmdutil/cmdutil.h"

#define JOBS_MAX	64

enum { P_RUN, P_STOP, P_DONE };

struct proc {
	pid_t pid;
	int state;		/* P_* */
	int status;		/* wait status once done or stopped */
};

struct job {
	int id;			/* %id; 0: free slot */
	pid_t pgid;
	struct proc *procs;
	int nprocs;
	unsigned seq;		/* when it was last stopped or put in bg */
	int reported;		/* its stop has been told */
	char *cmd;
};

static struct job jobtab[JOBS_MAX];

/* Statuses of background processes whose jobs were reported and
 * forgotten: wait $! still gets them.
 */
#define DONE_MAX	16
static struct {
	pid_t pid;
	int status;
} done_bg[DONE_MAX];
static int done_next;
static unsigned seq_counter;
static int untraced = WUNTRACED;	/* cleared if the system refuses it */

/* How a job killed by a signal is reported (others: "Signal N"). */
static const struct {
	int num;
	const char *text;
} sigtexts[] = {
	{ SIGHUP, "Hangup" }, { SIGINT, "Interrupt" }, { SIGQUIT, "Quit" },
	{ SIGILL, "Illegal instruction" }, { SIGTRAP, "Trace trap" },
	{ SIGABRT, "Aborted" },
#ifdef SIGEMT
	{ SIGEMT, "EMT trap" },
#endif
	{ SIGFPE, "Floating point exception" }, { SIGKILL, "Killed" },
	{ SIGBUS, "Bus error" }, { SIGSEGV, "Segmentation fault" },
	{ SIGSYS, "Bad system call" }, { SIGPIPE, "Broken pipe" },
	{ SIGALRM, "Alarm clock" }, { SIGTERM, "Terminated" },
	{ SIGXCPU, "CPU time limit exceeded" },
	{ SIGXFSZ, "File size limit exceeded" },
	{ SIGVTALRM, "Virtual timer expired" },
	{ SIGPROF, "Profiling timer expired" },
	{ SIGUSR1, "User defined signal 1" },
	{ SIGUSR2, "User defined signal 2" },
};

#define NSIGTEXTS	((int)(sizeof(sigtexts) / sizeof(sigtexts[0])))

/* The shell's status for a wait status: the exit code, or 128 + signal. */
int wait_status(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 1;
}

/* ---- The table ---- */

static void job_free(struct job *j)
{
	int i;

	for (i = 0; i < j->nprocs; i++) {
		if (j->seq == 0 || j->procs[i].state != P_DONE)
			continue;
		done_bg[done_next].pid = j->procs[i].pid;
		done_bg[done_next].status = j->procs[i].status;
		done_next = (done_next + 1) % DONE_MAX;
	}
	free(j->procs);
	free(j->cmd);
	memset(j, 0, sizeof(*j));
}

void job_forget(struct job *j)
{
	job_free(j);
}

void jobs_forget_all(void)
{
	int i;

	for (i = 0; i < JOBS_MAX; i++)
		if (jobtab[i].id != 0)
			job_free(&jobtab[i]);
}

static int job_state(const struct job *j)
{
	int i, stopped = 0;

	for (i = 0; i < j->nprocs; i++) {
		if (j->procs[i].state == P_RUN)
			return P_RUN;
		if (j->procs[i].state == P_STOP)
			stopped = 1;
	}
	return stopped ? P_STOP : P_DONE;
}

struct job *job_new(const char *cmd, size_t len)
{
	struct job *j = NULL;
	size_t i;
	int k, id = 0;

	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0 && j == NULL)
			j = &jobtab[k];
		if (jobtab[k].id > id)
			id = jobtab[k].id;
	}
	if (j == NULL) {
		/* Full: forget the finished ones nobody asked about. */
		for (k = 0; k < JOBS_MAX; k++)
			if (job_state(&jobtab[k]) == P_DONE)
				job_free(&jobtab[k]);
		for (k = 0; k < JOBS_MAX && j == NULL; k++)
			if (jobtab[k].id == 0)
				j = &jobtab[k];
		if (j == NULL) {
			sh_err("too many jobs");
			return NULL;
		}
	}
	while (len > 0 && (cmd[len - 1] == ' ' || cmd[len - 1] == '\t' ||
	    cmd[len - 1] == '\n' || cmd[len - 1] == ';' ||
	    cmd[len - 1] == '&'))
		len--;
	if ((j->cmd = malloc(len + 1)) == NULL) {
		sh_err("out of memory");
		return NULL;
	}
	for (i = 0; i < len; i++)
		j->cmd[i] = cmd[i] == '\n' ? ' ' : cmd[i];
	j->cmd[len] = '\0';
	j->id = id + 1;
	return j;
}

int job_add_pid(struct job *j, pid_t pid)
{
	struct proc *np;

	np = realloc(j->procs, (size_t)(j->nprocs + 1) * sizeof(*np));
	if (np == NULL) {
		sh_err("out of memory");
		return -1;
	}
	j->procs = np;
	np[j->nprocs].pid = pid;
	np[j->nprocs].state = P_RUN;
	np[j->nprocs].status = 0;
	j->nprocs++;
	if (j->pgid == 0)
		j->pgid = pid;
	return 0;
}

static struct proc *proc_find(pid_t pid, struct job **jp)
{
	int i, k;

	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0)
			continue;
		for (i = 0; i < jobtab[k].nprocs; i++)
			if (jobtab[k].procs[i].pid == pid) {
				*jp = &jobtab[k];
				return &jobtab[k].procs[i];
			}
	}
	return NULL;
}

/* waitpid() said st for pid. */
static void job_update(pid_t pid, int st)
{
	struct proc *p;
	struct job *j;

	if ((p = proc_find(pid, &j)) == NULL)
		return;
	if (WIFSTOPPED(st)) {
		p->state = P_STOP;
		if (j->seq == 0 || j->reported)
			j->seq = ++seq_counter;
		j->reported = 0;
	} else if (WIFCONTINUED(st)) {
		p->state = P_RUN;
	} else {
		p->state = P_DONE;
	}
	p->status = st;
}

static pid_t wait_any(int *st, int options)
{
	pid_t pid;

	for (;;) {
		pid = waitpid(-1, st, options | (sh.job_control ?
		    untraced : 0));
		if (pid < 0 && errno == EINVAL && sh.job_control &&
		    untraced != 0) {
			untraced = 0;	/* no WUNTRACED here: no ^Z */
			continue;
		}
		return pid;
	}
}

void jobs_reap(void)
{
	pid_t pid;
	int st;

	while ((pid = wait_any(&st, WNOHANG)) > 0)
		job_update(pid, st);
}

/* '+' for the current job, '-' for the previous one. */
static int job_mark(const struct job *j)
{
	unsigned first = 0, second = 0;
	int k;

	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0 || jobtab[k].seq == 0)
			continue;
		if (jobtab[k].seq > first) {
			second = first;
			first = jobtab[k].seq;
		} else if (jobtab[k].seq > second) {
			second = jobtab[k].seq;
		}
	}
	if (j->seq != 0 && j->seq == first)
		return '+';
	if (j->seq != 0 && j->seq == second)
		return '-';
	return ' ';
}

static void state_text(const struct job *j, char *buf, size_t size)
{
	int st = j->procs[j->nprocs - 1].status, i;

	switch (job_state(j)) {
	case P_RUN:
		snprintf(buf, size, "Running");
		return;
	case P_STOP:
		snprintf(buf, size, "Stopped");
		return;
	}
	if (WIFEXITED(st)) {
		if (WEXITSTATUS(st) == 0)
			snprintf(buf, size, "Done");
		else
			snprintf(buf, size, "Exit %d", WEXITSTATUS(st));
		return;
	}
	for (i = 0; i < NSIGTEXTS; i++)
		if (sigtexts[i].num == WTERMSIG(st)) {
			snprintf(buf, size, "%s", sigtexts[i].text);
			return;
		}
	snprintf(buf, size, "Signal %d", WTERMSIG(st));
}

static void job_print(int fd, const struct job *j)
{
	char state[40];

	state_text(j, state, sizeof(state));
	out(fd, "[%d]%c  %s  %s\n", j->id, job_mark(j), state, j->cmd);
}

/* Before a prompt: tell what became of the jobs, forget the done ones. */
void jobs_notify(void)
{
	int k, s;

	jobs_reap();
	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0 || jobtab[k].nprocs == 0)
			continue;
		s = job_state(&jobtab[k]);
		if (s == P_DONE) {
			if (sh.interactive)
				job_print(2, &jobtab[k]);
			job_free(&jobtab[k]);
		} else if (s == P_STOP && !jobtab[k].reported) {
			if (sh.interactive)
				job_print(2, &jobtab[k]);
			jobtab[k].reported = 1;
		}
	}
}

/* At exit: stopped jobs would wait forever; hang them up. */
void jobs_hangup(void)
{
	int k;

	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0 || job_state(&jobtab[k]) != P_STOP)
			continue;
		kill(-jobtab[k].pgid, SIGHUP);
		kill(-jobtab[k].pgid, SIGCONT);
	}
}

void job_started_bg(struct job *j)
{
	j->seq = ++seq_counter;
	if (sh.interactive)
		out(2, "[%d] %d\n", j->id, (int)j->procs[j->nprocs - 1].pid);
}

/* Wait for a foreground job until it is done or stopped. */
int job_wait(struct job *j)
{
	int st, status, sigint = 0;
	pid_t pid;

	if (j->nprocs == 0) {
		job_free(j);
		return 1;
	}
	if (sh.job_control)
		tcsetpgrp(0, j->pgid);
	else if (sh.interactive)
		set_signal(SIGINT, SIG_IGN);
	while (job_state(j) == P_RUN) {
		pid = wait_any(&st, 0);
		if (pid > 0) {
			job_update(pid, st);
			continue;
		}
		if (errno == EINTR)
			continue;
		/* ECHILD: nothing left to wait for. */
		for (st = 0; st < j->nprocs; st++)
			if (j->procs[st].state == P_RUN) {
				j->procs[st].state = P_DONE;
				j->procs[st].status = 127 << 8;
			}
	}
	if (sh.job_control)
		tcsetpgrp(0, sh.pgid);
	else if (sh.interactive)
		catch_sigint();
	st = j->procs[j->nprocs - 1].status;
	if (job_state(j) == P_STOP) {
		j->reported = 1;
		if (sh.interactive) {
			write_str(2, "\n");
			job_print(2, j);
		}
		for (status = j->nprocs - 1; status >= 0; status--)
			if (j->procs[status].state == P_STOP)
				return 128 + WSTOPSIG(j->procs[status].status);
		return 128 + SIGTSTP;
	}
	status = wait_status(st);
	for (pid = 0; pid < j->nprocs; pid++)
		if (WIFSIGNALED(j->procs[pid].status) &&
		    WTERMSIG(j->procs[pid].status) == SIGINT)
			sigint = 1;
	if (sigint && sh.interactive && !sh.sigint_shown) {
		write_str(2, "\n");
		got_sigint = 1;		/* ^C also ends the line */
		sh.sigint_shown = 1;
	}
	job_free(j);
	return status;
}

/* ---- Builtins ---- */

/* %N, %%, %+, %- or nothing (the current job). */
static struct job *job_arg(const char *s, const char *who)
{
	int k, want = 0;
	char *end;
	long n;

	jobs_reap();
	if (s == NULL || strcmp(s, "%%") == 0 || strcmp(s, "%+") == 0 ||
	    strcmp(s, "%") == 0)
		want = '+';
	else if (strcmp(s, "%-") == 0)
		want = '-';
	if (want != 0) {
		for (k = 0; k < JOBS_MAX; k++)
			if (jobtab[k].id != 0 && jobtab[k].nprocs > 0 &&
			    job_mark(&jobtab[k]) == want)
				return &jobtab[k];
		sh_err("%s: no %s job", who, want == '+' ? "current" :
		    "previous");
		return NULL;
	}
	if (s[0] == '%') {
		n = strtol(s + 1, &end, 10);
		if (s[1] != '\0' && *end == '\0')
			for (k = 0; k < JOBS_MAX; k++)
				if (jobtab[k].id == n && jobtab[k].nprocs > 0)
					return &jobtab[k];
	}
	sh_err("%s: %s: no such job", who, s);
	return NULL;
}

int bi_jobs(int argc, char **argv)
{
	int k, s;

	(void)argc;
	(void)argv;
	jobs_reap();
	for (k = 0; k < JOBS_MAX; k++) {
		if (jobtab[k].id == 0 || jobtab[k].nprocs == 0)
			continue;
		job_print(1, &jobtab[k]);
		s = job_state(&jobtab[k]);
		if (s == P_DONE)
			job_free(&jobtab[k]);
		else if (s == P_STOP)
			jobtab[k].reported = 1;
	}
	return 0;
}

/* Signal a job: its process group, or (without job control, where it
 * has none of its own) each of its processes still there.
 */
static int job_signal(struct job *j, int sig)
{
	int i, r = -1;

	if (sh.job_control)
		return kill(-j->pgid, sig);
	for (i = 0; i < j->nprocs; i++)
		if (j->procs[i].state != P_DONE && kill(j->procs[i].pid,
		    sig) == 0)
			r = 0;
	if (r < 0)
		errno = ESRCH;
	return r;
}

static void job_continue(struct job *j)
{
	int i;

	for (i = 0; i < j->nprocs; i++)
		if (j->procs[i].state == P_STOP)
			j->procs[i].state = P_RUN;
	job_signal(j, SIGCONT);
}

int bi_fg(int argc, char **argv)
{
	struct job *j;

	if (!sh.job_control) {
		sh_err("fg: no job control");
		return 1;
	}
	if ((j = job_arg(argc > 1 ? argv[1] : NULL, "fg")) == NULL)
		return 1;
	/* The terminal first: once the command is shown, a ^C typed at
	 * once must already go to the job (the tty's output no longer holds
	 * the shell until it is sent). */
	tcsetpgrp(0, j->pgid);
	out(1, "%s\n", j->cmd);
	job_continue(j);
	return job_wait(j);
}

int bi_bg(int argc, char **argv)
{
	struct job *j;
	int i = 1, status = 0;

	if (!sh.job_control) {
		sh_err("bg: no job control");
		return 1;
	}
	do {
		if ((j = job_arg(argc > i ? argv[i] : NULL, "bg")) == NULL) {
			status = 1;
			continue;
		}
		if (job_state(j) == P_DONE)
			continue;
		if (job_state(j) == P_RUN) {
			sh_err("bg: job %d already in background", j->id);
			continue;
		}
		job_continue(j);
		j->seq = ++seq_counter;
		out(1, "[%d]%c %s &\n", j->id, job_mark(j), j->cmd);
	} while (++i < argc);
	return status;
}

static int kill_list(void)
{
	char name[SIG2STR_MAX];
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (sig2str(sig, name) == 0)
			out(1, "%2d %s\n", sig, name);
	return 0;
}

int bi_kill(int argc, char **argv)
{
	int i, sig, status = 0;
	const char *name;
	struct job *j;
	char *end;
	long pid;

	if (argc > 1 && strcmp(argv[1], "-l") == 0)
		return kill_list();
	if ((i = cmd_kill_opts(argc, argv, &sig, &name)) < 0) {
		sh_err("kill: %s: unknown signal", name);
		return 2;
	}
	if (i == argc) {
		sh_err("usage: kill [-SIG | -N | -s SIG] pid|%%job ... | "
		    "kill -l");
		return 2;
	}
	for (; i < argc; i++) {
		if (argv[i][0] == '%') {
			if ((j = job_arg(argv[i], "kill")) == NULL) {
				status = 1;
				continue;
			}
			if (job_signal(j, sig) < 0) {
				sh_err("kill: %s: %s", argv[i],
				    strerror(errno));
				status = 1;
			} else if (job_state(j) == P_STOP && sig != SIGSTOP &&
			    sig != SIGTSTP && sig != SIGCONT && sig != 0 &&
			    sig != SIGTTIN && sig != SIGTTOU) {
				job_continue(j);	/* so it can die */
			}
			continue;
		}
		pid = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0') {
			sh_err("kill: %s: not a process id", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			sh_err("kill: %s: %s", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

/* ^C ended a wait builtin (the shell owns the terminal then). */
static int wait_interrupted(void)
{
	write_str(2, "\n");
	sh.sigint_shown = 1;
	return 128 + SIGINT;
}

/* Wait until process pid, or job j, or every job (j NULL, pid 0) is no
 * longer running.  -1 if ^C ended the wait.
 */
static int wait_for(struct job *j, pid_t pid)
{
	struct proc *p = NULL;
	struct job *pj;
	int k, st, busy;
	pid_t got;

	for (;;) {
		busy = 0;
		if (pid > 0) {
			p = proc_find(pid, &pj);
			busy = p != NULL && p->state == P_RUN;
		} else if (j != NULL) {
			busy = job_state(j) == P_RUN;
		} else {
			for (k = 0; k < JOBS_MAX; k++)
				if (jobtab[k].id != 0 && jobtab[k].nprocs > 0 &&
				    job_state(&jobtab[k]) == P_RUN)
					busy = 1;
		}
		if (!busy)
			return 0;
		got = wait_any(&st, 0);
		if (got > 0) {
			job_update(got, st);
			continue;
		}
		if (errno == EINTR && got_sigint)
			return -1;
		if (errno != EINTR)
			return 0;
	}
}

int bi_wait(int argc, char **argv)
{
	struct proc *p;
	struct job *j;
	int i, k, status = 0;
	long v;

	if (argc == 1) {
		if (wait_for(NULL, 0) < 0)
			return wait_interrupted();
		for (k = 0; k < JOBS_MAX; k++)
			if (jobtab[k].id != 0 &&
			    job_state(&jobtab[k]) == P_DONE)
				job_free(&jobtab[k]);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '%') {
			if ((j = job_arg(argv[i], "wait")) == NULL) {
				status = 127;
				continue;
			}
			if (wait_for(j, 0) < 0)
				return wait_interrupted();
			status = wait_status(j->procs[j->nprocs - 1].status);
			if (job_state(j) == P_DONE)
				job_free(j);
			continue;
		}
		if (parse_num(argv[i], &v) < 0 || v <= 0) {
			sh_err("wait: bad process id '%s'", argv[i]);
			return 2;
		}
		if ((p = proc_find((pid_t)v, &j)) == NULL) {
			status = 127;
			for (k = 0; k < DONE_MAX; k++)
				if (done_bg[k].pid == (pid_t)v)
					status = wait_status(done_bg[k].status);
			continue;
		}
		if (wait_for(NULL, (pid_t)v) < 0)
			return wait_interrupted();
		status = wait_status(p->status);
		if (job_state(j) == P_DONE)
			job_free(j);
	}
	return status;
}

/* After fork(), in the child: process group, terminal and signals. */
void child_setup(pid_t pgid, int background)
{
	if (sh.job_control) {
		if (pgid == 0)
			pgid = getpid();
		setpgid(0, pgid);
		if (!background)
			tcsetpgrp(0, pgid);
		set_signal(SIGTSTP, SIG_DFL);
		set_signal(SIGTTOU, SIG_DFL);
		set_signal(SIGTTIN, SIG_DFL);
	}
	if (background && !sh.job_control) {
		set_signal(SIGINT, SIG_IGN);
		set_signal(SIGQUIT, SIG_IGN);
	} else if (sh.interactive) {
		set_signal(SIGINT, SIG_DFL);
		set_signal(SIGQUIT, SIG_DFL);
	}
	if (sh.script_fd >= 0) {
		close(sh.script_fd);
		sh.script_fd = -1;
	}
}
