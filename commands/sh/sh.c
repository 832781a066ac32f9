/* sh.c - the shell: input, variables, builtins and execution.
 *
 *	sh			read commands from stdin ("# " prompt on a tty)
 *	sh file [arg ...]	run a script file
 *	sh -c string [name [arg ...]]	run a string
 *
 * parse.c turns each complete input text into a struct sh_prog; this file
 * runs it: and-or lists, pipelines (one process per command, each joined
 * by pipe()), redirections, background jobs, builtins (cd pwd echo exit
 * wait export unset true false :) and PATH search with execve().
 *
 * Job control: an interactive shell puts each job in its own process
 * group and hands the terminal to the foreground one with tcsetpgrp(), so
 * ^C reaches the job and not the shell.  Where the terminal cannot do
 * that (tcgetpgrp/setpgid/tcsetpgrp fail), the shell ignores SIGINT while
 * a foreground job runs instead.  Stopping jobs (^Z) is not supported:
 * an interactive shell leaves SIGTSTP ignored in its children.
 *
 * Only POSIX calls are used, so the same file builds on the host (see
 * tests/host/sh-session.sh) and against our libc.  Memory is bounded:
 * fixed buffers for input and expansion, malloc only for variables.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parse.h"

#define SH_VARS_MAX	64	/* shell variables */
#define SH_VAR_MAX	4096	/* one "NAME=value", NUL included */
#define SH_JOBS_MAX	32	/* background jobs remembered */
#define SH_PATH_MAX	1024	/* path names */
#define SH_EXPAND_MAX	4096	/* expanded words of one command */
#define SH_ENV_MAX	(SH_VARS_MAX + SH_ARGS_MAX + 1)
#define SH_FD_SAVE	10	/* fd n is saved at SH_FD_SAVE + n ... */
#define SH_FD_SCRIPT	20	/* ... and a script file is read from here */

extern char **environ;

/* ---- State ---- */

struct var {
	char *nv;		/* "NAME=value", malloc'd; NULL: free slot */
	int exported;
};

struct job {
	pid_t pid;		/* last process of the job; 0: free slot */
	int done;
	int status;		/* shell status once done */
};

struct input {
	int fd;			/* -1: read from str */
	const char *str;
	size_t spos;
	int bytewise;		/* read(2) one byte at a time (stdin) */
	char buf[512];
	size_t len, off;
};

/* An expanded simple command. */
struct xcmd {
	char buf[SH_EXPAND_MAX];
	size_t used;
	char *assign[SH_ARGS_MAX];
	int nassign;
	char *argv[SH_ARGS_MAX + 1];
	int argc;
};

static struct var vars[SH_VARS_MAX];
static struct job jobs[SH_JOBS_MAX];
static struct sh_prog prog;
static struct xcmd xcmd;
static char text[SH_LINE_MAX + 1];

static int last_status;
static pid_t last_bg;		/* $! */
static pid_t shell_pid;		/* $$ */
static int interactive;
static int job_control;
static pid_t shell_pgid, orig_pgid = -1;
static int script_fd = -1;
static int pos_argc;		/* $0 ... */
static char **pos_argv;
static char self_path[SH_PATH_MAX];
static int exit_requested;
static int bg_subshell;		/* running "a && b &" without job control */
static volatile sig_atomic_t got_sigint;

/* ---- Output ---- */

static int write_all(int fd, const char *s, size_t n)
{
	ssize_t r;

	while (n > 0) {
		r = write(fd, s, n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

static int write_str(int fd, const char *s)
{
	return write_all(fd, s, strlen(s));
}

__attribute__((__format__(__printf__, 2, 3)))
static int out(int fd, const char *fmt, ...)
{
	char buf[SH_VAR_MAX + 64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	return write_all(fd, buf, (size_t)n);
}

/* "sh: <message>\n" on stderr. */
__attribute__((__format__(__printf__, 1, 2)))
static void sh_err(const char *fmt, ...)
{
	char buf[SH_PATH_MAX + 128];
	va_list ap;
	int n;

	memcpy(buf, "sh: ", 4);
	va_start(ap, fmt);
	n = vsnprintf(buf + 4, sizeof(buf) - 5, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	n += 4;
	if ((size_t)n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	write_all(2, buf, (size_t)n);
}

/* ---- Variables ---- */

static struct var *var_find(const char *name, size_t n)
{
	int i;

	for (i = 0; i < SH_VARS_MAX; i++)
		if (vars[i].nv != NULL && strncmp(vars[i].nv, name, n) == 0 &&
		    vars[i].nv[n] == '=')
			return &vars[i];
	return NULL;
}

static const char *var_get(const char *name)
{
	size_t n = strlen(name);
	struct var *v = var_find(name, n);

	return v != NULL ? v->nv + n + 1 : NULL;
}

/* Set name[0..n) to value; export: 1 marks it exported, 0 keeps the mark. */
static int var_set(const char *name, size_t n, const char *value, int export)
{
	struct var *v = var_find(name, n);
	size_t vlen = strlen(value);
	char *nv;
	int i;

	if (!sh_valid_name(name, n)) {
		sh_err("bad variable name '%.*s'", (int)n, name);
		return -1;
	}
	if (n + 1 + vlen + 1 > SH_VAR_MAX) {
		sh_err("%.*s: value too long", (int)n, name);
		return -1;
	}
	if (v == NULL) {
		for (i = 0; i < SH_VARS_MAX && vars[i].nv != NULL; i++)
			;
		if (i == SH_VARS_MAX) {
			sh_err("too many variables");
			return -1;
		}
		v = &vars[i];
		v->exported = 0;
	}
	if ((nv = malloc(n + 1 + vlen + 1)) == NULL) {
		sh_err("out of memory");
		return -1;
	}
	memcpy(nv, name, n);
	nv[n] = '=';
	memcpy(nv + n + 1, value, vlen + 1);
	free(v->nv);
	v->nv = nv;
	if (export)
		v->exported = 1;
	return 0;
}

static void var_unset(const char *name)
{
	struct var *v = var_find(name, strlen(name));

	if (v != NULL) {
		free(v->nv);
		v->nv = NULL;
		v->exported = 0;
	}
}

/* Set from "NAME=value". */
static int var_assign(const char *nv, int export)
{
	const char *eq = strchr(nv, '=');

	if (eq == NULL)
		return -1;
	return var_set(nv, (size_t)(eq - nv), eq + 1, export);
}

static void var_import(void)
{
	char **e;

	if (environ == NULL)
		return;
	for (e = environ; *e != NULL; e++) {
		const char *eq = strchr(*e, '=');

		if (eq != NULL && sh_valid_name(*e, (size_t)(eq - *e)) &&
		    strlen(*e) < SH_VAR_MAX)
			var_assign(*e, 1);
	}
}

/* The expander's look-up: special parameters, then variables. */
static const char *lookup(void *ctx, const char *name)
{
	static char num[32];
	static char joined[SH_LINE_MAX];
	size_t used, n;
	int i;

	(void)ctx;
	if (name[1] == '\0') {
		switch (name[0]) {
		case '?':
			snprintf(num, sizeof(num), "%d", last_status);
			return num;
		case '$':
			snprintf(num, sizeof(num), "%d", (int)shell_pid);
			return num;
		case '!':
			if (last_bg <= 0)
				return NULL;
			snprintf(num, sizeof(num), "%d", (int)last_bg);
			return num;
		case '#':
			snprintf(num, sizeof(num), "%d",
			    pos_argc > 0 ? pos_argc - 1 : 0);
			return num;
		case '*':
		case '@':
			/* "$@" is joined like "$*": one field when quoted. */
			joined[0] = '\0';
			for (i = 1, used = 0; i < pos_argc; i++) {
				n = strlen(pos_argv[i]);
				if (used + n + 2 > sizeof(joined))
					break;
				if (i > 1)
					joined[used++] = ' ';
				memcpy(joined + used, pos_argv[i], n + 1);
				used += n;
			}
			return joined;
		}
		if (name[0] >= '0' && name[0] <= '9') {
			i = name[0] - '0';
			return i < pos_argc ? pos_argv[i] : NULL;
		}
	}
	return var_get(name);
}

/* ---- Signals ---- */

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

/* Install a disposition; no SA_RESTART, so a caught ^C ends a read(). */
static void set_signal(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(sig, &sa, NULL);
}

/* The shell's own dispositions at the prompt. */
static void shell_signals(void)
{
	set_signal(SIGCHLD, SIG_DFL);
	if (!interactive)
		return;
	set_signal(SIGINT, on_sigint);
	set_signal(SIGQUIT, SIG_IGN);
	if (job_control) {
		set_signal(SIGTSTP, SIG_IGN);
#ifdef SIGTTOU
		set_signal(SIGTTOU, SIG_IGN);
		set_signal(SIGTTIN, SIG_IGN);
#endif
	}
}

/* ---- Expansion and redirection ---- */

static int expand_cmd(const struct sh_cmd *c, struct xcmd *x)
{
	char err[SH_ERR_MAX];
	size_t start;
	int i, n, k;

	x->used = 0;
	x->nassign = 0;
	x->argc = 0;
	for (i = 0; i < c->nassign; i++) {
		start = x->used;
		n = sh_expand_word(c->assign[i], 0, lookup, NULL, x->buf,
		    sizeof(x->buf), &x->used, err, sizeof(err));
		if (n < 0) {
			sh_err("%s", err);
			return -1;
		}
		x->assign[x->nassign++] = x->buf + start;
	}
	for (i = 0; i < c->argc; i++) {
		start = x->used;
		n = sh_expand_word(c->argv[i], SH_X_SPLIT, lookup, NULL, x->buf,
		    sizeof(x->buf), &x->used, err, sizeof(err));
		if (n < 0) {
			sh_err("%s", err);
			return -1;
		}
		for (k = 0; k < n; k++) {
			if (x->argc >= SH_ARGS_MAX) {
				sh_err("too many arguments");
				return -1;
			}
			x->argv[x->argc++] = x->buf + start;
			start += strlen(x->buf + start) + 1;
		}
	}
	x->argv[x->argc] = NULL;
	return 0;
}

/* Where a redirection saved the descriptor it replaced. */
struct saved_fds {
	int fd[SH_REDIRS_MAX];
	int copy[SH_REDIRS_MAX];	/* -1: fd was closed */
	int n;
};

static void save_fd(struct saved_fds *s, int fd)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->fd[i] == fd)
			return;
	s->fd[s->n] = fd;
	s->copy[s->n] = dup2(fd, SH_FD_SAVE + fd) < 0 ? -1 : SH_FD_SAVE + fd;
	s->n++;
}

static void restore_fds(struct saved_fds *s)
{
	int i;

	for (i = s->n - 1; i >= 0; i--) {
		if (s->copy[i] >= 0) {
			dup2(s->copy[i], s->fd[i]);
			close(s->copy[i]);
		} else {
			close(s->fd[i]);
		}
	}
	s->n = 0;
}

/* Apply c's redirections in order; with save, remember what they replace
 * so that restore_fds() can undo them (builtins run in the shell).
 */
static int apply_redirs(const struct sh_cmd *c, struct saved_fds *save)
{
	char path[SH_PATH_MAX], err[SH_ERR_MAX];
	const struct sh_redir *r;
	size_t used;
	int i, n, fd, src;

	for (i = 0; i < c->nredir; i++) {
		r = &c->redir[i];
		used = 0;
		n = sh_expand_word(r->word, SH_X_SPLIT, lookup, NULL, path,
		    sizeof(path), &used, err, sizeof(err));
		if (n < 0) {
			sh_err("%s", err);
			return -1;
		}
		if (n != 1) {
			sh_err("%s: ambiguous redirect", r->word);
			return -1;
		}
		if (save != NULL)
			save_fd(save, r->fd);
		if (r->type == SH_R_DUPIN || r->type == SH_R_DUPOUT) {
			if (strcmp(path, "-") == 0) {
				close(r->fd);
				continue;
			}
			if (path[0] < '0' || path[0] > '9' || path[1] != '\0') {
				sh_err("%s: bad file descriptor", path);
				return -1;
			}
			src = path[0] - '0';
			if (src != r->fd && dup2(src, r->fd) < 0) {
				sh_err("%d: %s", src, strerror(errno));
				return -1;
			}
			continue;
		}
		if (r->type == SH_R_IN)
			fd = open(path, O_RDONLY);
		else if (r->type == SH_R_OUT)
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		else
			fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0666);
		if (fd < 0) {
			sh_err("cannot open %s: %s", path, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			if (dup2(fd, r->fd) < 0) {
				sh_err("%d: %s", r->fd, strerror(errno));
				close(fd);
				return -1;
			}
			close(fd);
		}
	}
	return 0;
}

/* ---- Jobs ---- */

/* The shell's status for a wait status: the exit code, or 128 + signal. */
static int wait_status(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 1;
}

static struct job *job_find(pid_t pid)
{
	int i;

	for (i = 0; i < SH_JOBS_MAX; i++)
		if (jobs[i].pid == pid)
			return &jobs[i];
	return NULL;
}

static void job_reaped(pid_t pid, int st)
{
	struct job *j = job_find(pid);

	if (j != NULL) {
		j->done = 1;
		j->status = wait_status(st);
	}
}

/* Collect finished background processes; tell an interactive user. */
static void reap_jobs(void)
{
	pid_t pid;
	int st, i;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		job_reaped(pid, st);
	if (!interactive)
		return;
	for (i = 0; i < SH_JOBS_MAX; i++) {
		if (jobs[i].pid == 0 || !jobs[i].done)
			continue;
		if (jobs[i].status == 0)
			out(2, "[%d] Done\n", (int)jobs[i].pid);
		else
			out(2, "[%d] Exit %d\n", (int)jobs[i].pid,
			    jobs[i].status);
		jobs[i].pid = 0;
	}
}

static void job_add(pid_t pid)
{
	struct job *j = job_find(0);
	int i;

	if (j == NULL) {
		/* Full: forget the finished ones, then the oldest. */
		reap_jobs();
		for (i = 0; i < SH_JOBS_MAX; i++)
			if (jobs[i].done)
				jobs[i].pid = 0;
		if ((j = job_find(0)) == NULL)
			j = &jobs[0];
	}
	j->pid = pid;
	j->done = 0;
	j->status = 0;
	last_bg = pid;
	if (interactive)
		out(2, "[%d]\n", (int)pid);
}

/* Wait for the foreground processes pids[0..n); the status is the last
 * one's.  The terminal belongs to pgid meanwhile (job control), or the
 * shell ignores ^C (no job control).
 */
static int wait_fg(const pid_t *pids, int n, pid_t pgid)
{
	int i, st, status = 0, sigint = 0;

	if (n == 0)
		return 1;
	if (job_control)
		tcsetpgrp(0, pgid);
	else if (interactive)
		set_signal(SIGINT, SIG_IGN);
	for (i = 0; i < n; i++) {
		while (waitpid(pids[i], &st, 0) < 0) {
			if (errno != EINTR) {
				st = 1 << 8;	/* exit 1 */
				break;
			}
		}
		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT)
			sigint = 1;
		status = wait_status(st);
	}
	if (job_control)
		tcsetpgrp(0, shell_pgid);
	else if (interactive)
		set_signal(SIGINT, on_sigint);
	if (sigint && interactive) {
		write_str(2, "\n");
		got_sigint = 1;		/* ^C also ends the line */
	}
	return status;
}

/* ---- Running commands ---- */

static int bi_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int bi_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

static int bi_echo(int argc, char **argv)
{
	int i = 1, nl = 1;

	if (argc > 1 && strcmp(argv[1], "-n") == 0) {
		nl = 0;
		i = 2;
	}
	for (; i < argc; i++) {
		if (write_str(1, argv[i]) < 0 ||
		    (i + 1 < argc && write_str(1, " ") < 0))
			return 1;
	}
	if (nl && write_str(1, "\n") < 0)
		return 1;
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	char cwd[SH_PATH_MAX];

	(void)argc;
	(void)argv;
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		sh_err("pwd: %s", strerror(errno));
		return 1;
	}
	return out(1, "%s\n", cwd) < 0 ? 1 : 0;
}

static int bi_cd(int argc, char **argv)
{
	char cwd[SH_PATH_MAX], old[SH_PATH_MAX];
	const char *dir, *pwd;
	int dash = 0;

	if (argc > 2) {
		sh_err("cd: too many arguments");
		return 1;
	}
	if (argc == 1) {
		if ((dir = var_get("HOME")) == NULL) {
			sh_err("cd: HOME not set");
			return 1;
		}
	} else if (strcmp(argv[1], "-") == 0) {
		if ((dir = var_get("OLDPWD")) == NULL) {
			sh_err("cd: OLDPWD not set");
			return 1;
		}
		dash = 1;
	} else {
		dir = argv[1];
	}
	if (getcwd(old, sizeof(old)) == NULL) {
		pwd = var_get("PWD");
		snprintf(old, sizeof(old), "%s", pwd != NULL ? pwd : "");
	}
	if (chdir(dir) < 0) {
		sh_err("cd: %s: %s", dir, strerror(errno));
		return 1;
	}
	if (old[0] != '\0')
		var_set("OLDPWD", 6, old, 0);
	if (getcwd(cwd, sizeof(cwd)) != NULL) {
		var_set("PWD", 3, cwd, 0);
		if (dash)
			out(1, "%s\n", cwd);
	}
	return 0;
}

/* A decimal number, optionally signed, and nothing else. */
static int parse_num(const char *s, long *v)
{
	char *end;

	if (*s == '\0')
		return -1;
	errno = 0;
	*v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0)
		return -1;
	return 0;
}

static int bi_exit(int argc, char **argv)
{
	long v = last_status;

	if (argc > 2) {
		sh_err("exit: too many arguments");
		return 1;
	}
	if (argc == 2 && parse_num(argv[1], &v) < 0) {
		sh_err("exit: bad number '%s'", argv[1]);
		v = 2;
	}
	exit_requested = 1;
	return (int)(v & 0xff);
}

/* ^C ended a wait builtin (the shell owns the terminal then). */
static int wait_interrupted(void)
{
	write_str(2, "\n");
	return 128 + SIGINT;
}

static int bi_wait(int argc, char **argv)
{
	struct job *j;
	pid_t pid;
	long v;
	int i, st, status = 0;

	if (argc == 1) {
		for (;;) {
			pid = waitpid(-1, &st, 0);
			if (pid > 0) {
				job_reaped(pid, st);
				continue;
			}
			if (errno == EINTR && got_sigint)
				return wait_interrupted();
			if (errno != EINTR)
				break;
		}
		for (i = 0; i < SH_JOBS_MAX; i++)
			if (jobs[i].done)
				jobs[i].pid = 0;
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (parse_num(argv[i], &v) < 0 || v <= 0) {
			sh_err("wait: bad process id '%s'", argv[i]);
			return 2;
		}
		pid = (pid_t)v;
		j = job_find(pid);
		if (j != NULL && j->done) {
			status = j->status;
			j->pid = 0;
			continue;
		}
		while (waitpid(pid, &st, 0) < 0) {
			if (errno == EINTR && !got_sigint)
				continue;
			if (errno == EINTR)
				return wait_interrupted();
			st = 127 << 8;
			break;
		}
		status = wait_status(st);
		if (j != NULL)
			j->pid = 0;
	}
	return status;
}

static int bi_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1) {
		for (i = 0; i < SH_VARS_MAX; i++)
			if (vars[i].nv != NULL && vars[i].exported)
				out(1, "export %s\n", vars[i].nv);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (strchr(argv[i], '=') != NULL) {
			if (var_assign(argv[i], 1) < 0)
				status = 1;
		} else if (!sh_valid_name(argv[i], strlen(argv[i]))) {
			sh_err("export: bad variable name '%s'", argv[i]);
			status = 1;
		} else if (var_get(argv[i]) != NULL) {
			var_find(argv[i], strlen(argv[i]))->exported = 1;
		} else if (var_set(argv[i], strlen(argv[i]), "", 1) < 0) {
			status = 1;
		}
	}
	return status;
}

static int bi_unset(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		if (!sh_valid_name(argv[i], strlen(argv[i]))) {
			sh_err("unset: bad variable name '%s'", argv[i]);
			status = 1;
			continue;
		}
		var_unset(argv[i]);
	}
	return status;
}

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ ":",		bi_true },
	{ "true",	bi_true },
	{ "false",	bi_false },
	{ "echo",	bi_echo },
	{ "pwd",	bi_pwd },
	{ "cd",		bi_cd },
	{ "exit",	bi_exit },
	{ "wait",	bi_wait },
	{ "export",	bi_export },
	{ "unset",	bi_unset },
};

static const struct builtin *find_builtin(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

/* Run path as a shell script (execve said ENOEXEC). */
static void exec_script(const char *path, struct xcmd *x, char **envp)
{
	char *argv[SH_ARGS_MAX + 2];
	int i;

	argv[0] = "sh";
	argv[1] = (char *)path;
	for (i = 1; i < x->argc; i++)
		argv[i + 1] = x->argv[i];
	argv[i + 1] = NULL;
	execve(self_path, argv, envp);
}

/* In a child: exec the external command x; never returns. */
static void exec_external(struct xcmd *x)
{
	static char *envp[SH_ENV_MAX];
	char path[SH_PATH_MAX];
	const char *name = x->argv[0], *dirs, *end;
	size_t dlen, nlen = strlen(name), len;
	int i, k, n = 0, err = ENOENT, overridden;

	/* The environment: prefix assignments, then exported variables. */
	for (i = 0; i < x->nassign; i++)
		envp[n++] = x->assign[i];
	for (i = 0; i < SH_VARS_MAX; i++) {
		if (vars[i].nv == NULL || !vars[i].exported)
			continue;
		len = (size_t)(strchr(vars[i].nv, '=') - vars[i].nv) + 1;
		overridden = 0;
		for (k = 0; k < x->nassign; k++)
			if (strncmp(x->assign[k], vars[i].nv, len) == 0)
				overridden = 1;
		if (!overridden)
			envp[n++] = vars[i].nv;
	}
	envp[n] = NULL;

	if (strchr(name, '/') != NULL) {
		execve(name, x->argv, envp);
		err = errno;
		if (err == ENOEXEC)
			exec_script(name, x, envp);
	} else if (nlen > 0) {
		/* A PATH=... prefix applies to this very search. */
		dirs = var_get("PATH");
		for (i = 0; i < x->nassign; i++)
			if (strncmp(x->assign[i], "PATH=", 5) == 0)
				dirs = x->assign[i] + 5;
		if (dirs == NULL)
			dirs = "/bin";
		for (;;) {
			end = strchr(dirs, ':');
			dlen = end != NULL ? (size_t)(end - dirs) :
			    strlen(dirs);
			if (dlen + 1 + nlen + 1 <= sizeof(path)) {
				if (dlen == 0) {
					memcpy(path, name, nlen + 1);
				} else {
					memcpy(path, dirs, dlen);
					path[dlen] = '/';
					memcpy(path + dlen + 1, name, nlen + 1);
				}
				execve(path, x->argv, envp);
				if (errno == ENOEXEC) {
					exec_script(path, x, envp);
					err = errno;
					break;
				}
				/* Keep looking past missing files, but
				 * remember a file that is there and fails.
				 */
				if (errno != ENOENT && errno != ENOTDIR)
					err = errno;
			}
			if (end == NULL)
				break;
			dirs = end + 1;
		}
	}
	if (err == ENOENT || err == ENOTDIR) {
		sh_err("%s: not found", name);
		_exit(127);
	}
	sh_err("%s: %s", name, strerror(err));
	_exit(126);
}

/* After fork(), in the child: process group, terminal and signals. */
static void child_setup(pid_t pgid, int background)
{
	if (job_control) {
		if (pgid == 0)
			pgid = getpid();
		setpgid(0, pgid);
		if (!background)
			tcsetpgrp(0, pgid);
	}
	if ((background || bg_subshell) && !job_control) {
		set_signal(SIGINT, SIG_IGN);
		set_signal(SIGQUIT, SIG_IGN);
	} else {
		set_signal(SIGINT, SIG_DFL);
		set_signal(SIGQUIT, SIG_DFL);
	}
#ifdef SIGTTOU
	set_signal(SIGTTOU, SIG_DFL);
	set_signal(SIGTTIN, SIG_DFL);
#endif
	if (script_fd >= 0)
		close(script_fd);
}

/* In a child: run one simple command (expanding it unless x is given). */
static void child_run(const struct sh_cmd *c, struct xcmd *x)
{
	const struct builtin *b;

	if (x == NULL) {
		x = &xcmd;
		if (expand_cmd(c, x) < 0)
			_exit(1);
	}
	if (apply_redirs(c, NULL) < 0)
		_exit(1);
	if (x->argc == 0)
		_exit(0);
	if ((b = find_builtin(x->argv[0])) != NULL)
		_exit(b->fn(x->argc, x->argv));
	exec_external(x);
}

/* A pipeline of one or more commands, each in a child process. */
static int run_forked(const struct sh_pipeline *pl, struct xcmd *x,
	int background)
{
	pid_t pids[SH_CMDS_MAX], pgid = 0, pid;
	int i, n = 0, prev = -1, fds[2];

	for (i = 0; i < pl->ncmd; i++) {
		fds[0] = fds[1] = -1;
		if (i + 1 < pl->ncmd && pipe(fds) < 0) {
			sh_err("pipe: %s", strerror(errno));
			break;
		}
		if ((pid = fork()) < 0) {
			sh_err("fork: %s", strerror(errno));
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			break;
		}
		if (pid == 0) {
			child_setup(pgid, background);
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (fds[1] >= 0) {
				close(fds[0]);
				dup2(fds[1], 1);
				close(fds[1]);
			}
			child_run(&pl->cmd[i], x);
		}
		if (pgid == 0)
			pgid = pid;
		if (job_control)
			setpgid(pid, pgid);
		pids[n++] = pid;
		if (prev >= 0)
			close(prev);
		if (fds[1] >= 0)
			close(fds[1]);
		prev = fds[0];
	}
	if (prev >= 0)
		close(prev);
	if (background) {
		if (n > 0)
			job_add(pids[n - 1]);
		return n == pl->ncmd ? 0 : 1;
	}
	i = wait_fg(pids, n, pgid);
	return n == pl->ncmd ? i : 1;
}

/* One command in the foreground: builtins and assignments in the shell,
 * anything else in a child.
 */
static int run_simple(const struct sh_pipeline *pl)
{
	const struct sh_cmd *c = &pl->cmd[0];
	const struct builtin *b = NULL;
	struct saved_fds saved;
	int i, status;

	if (expand_cmd(c, &xcmd) < 0)
		return 1;
	if (xcmd.argc > 0 && (b = find_builtin(xcmd.argv[0])) == NULL)
		return run_forked(pl, &xcmd, 0);
	for (i = 0; i < xcmd.nassign; i++)
		if (var_assign(xcmd.assign[i], 0) < 0)
			return 1;
	saved.n = 0;
	if (apply_redirs(c, &saved) < 0) {
		restore_fds(&saved);
		return 1;
	}
	status = xcmd.argc > 0 ? b->fn(xcmd.argc, xcmd.argv) : 0;
	restore_fds(&saved);
	return status;
}

static int run_pipeline(const struct sh_pipeline *pl)
{
	int status;

	if (pl->ncmd == 1)
		status = run_simple(pl);
	else
		status = run_forked(pl, NULL, 0);
	return pl->negate ? !status : status;
}

static void run_andor_fg(const struct sh_andor *ao)
{
	int i;

	for (i = 0; i < ao->npipe && !exit_requested; i++) {
		if (interactive && got_sigint)
			break;
		if (i > 0) {
			if (ao->pipe[i - 1].op == SH_OP_AND &&
			    last_status != 0)
				continue;
			if (ao->pipe[i - 1].op == SH_OP_OR && last_status == 0)
				continue;
		}
		last_status = run_pipeline(&ao->pipe[i]);
	}
}

/* "a | b &" is started as it is; "a && b &" runs in a forked shell. */
static void run_andor(const struct sh_andor *ao)
{
	pid_t pid;

	if (!ao->background) {
		run_andor_fg(ao);
		return;
	}
	if (ao->npipe == 1) {
		last_status = run_forked(&ao->pipe[0], NULL, 1);
		return;
	}
	if ((pid = fork()) < 0) {
		sh_err("fork: %s", strerror(errno));
		last_status = 1;
		return;
	}
	if (pid == 0) {
		child_setup(0, 1);
		bg_subshell = !job_control;
		interactive = 0;
		job_control = 0;
		run_andor_fg(ao);
		_exit(last_status);
	}
	if (job_control)
		setpgid(pid, pid);
	job_add(pid);
	last_status = 0;
}

static void run_prog(const struct sh_prog *p)
{
	int i;

	for (i = 0; i < p->nlist && !exit_requested; i++) {
		if (interactive && got_sigint)
			break;
		run_andor(&p->list[i]);
	}
}

/* ---- Input ---- */

#define IN_LINE	0	/* a line (maybe the last, unterminated) */
#define IN_EOF	-1
#define IN_INTR	-2	/* ^C */
#define IN_LONG	-3	/* line too long; skipped up to its newline */

static int in_getc(struct input *in)
{
	ssize_t n;

	if (in->fd < 0)
		return in->str[in->spos] != '\0' ?
		    (unsigned char)in->str[in->spos++] : IN_EOF;
	if (in->off < in->len)
		return (unsigned char)in->buf[in->off++];
	for (;;) {
		if (got_sigint)
			return IN_INTR;
		n = read(in->fd, in->buf, in->bytewise ? 1 : sizeof(in->buf));
		if (n > 0)
			break;
		if (n == 0)
			return IN_EOF;
		if (errno == EINTR && got_sigint)
			return IN_INTR;
		if (errno != EINTR) {
			sh_err("read: %s", strerror(errno));
			return IN_EOF;
		}
	}
	in->len = (size_t)n;
	in->off = 1;
	return (unsigned char)in->buf[0];
}

/* Read one line without its newline into line[0..max), NUL-terminated. */
static int read_line(struct input *in, char *line, size_t max, size_t *len)
{
	size_t n = 0;
	int c, too_long = 0;

	for (;;) {
		c = in_getc(in);
		if (c == IN_INTR)
			return IN_INTR;
		if (c == IN_EOF) {
			if (n == 0 && !too_long)
				return IN_EOF;
			break;
		}
		if (c == '\n')
			break;
		if (c == '\0')
			continue;
		if (n + 1 >= max)
			too_long = 1;
		else
			line[n++] = (char)c;
	}
	line[n] = '\0';
	*len = n;
	return too_long ? IN_LONG : IN_LINE;
}

/* Read, parse and run complete texts until EOF or exit. */
static void run_input(struct input *in)
{
	size_t tlen, n;
	int r, st;

	while (!exit_requested) {
		reap_jobs();
		if (interactive)
			write_str(2, "# ");
		tlen = 0;
		for (;;) {
			r = read_line(in, text + tlen, sizeof(text) - tlen - 1,
			    &n);
			if (r == IN_EOF) {
				if (tlen > 0) {
					sh_err("syntax error: %s", prog.err);
					last_status = 2;
				}
				return;
			}
			if (r != IN_LINE)
				break;
			tlen += n;
			text[tlen++] = '\n';
			text[tlen] = '\0';
			st = sh_parse(&prog, text);
			if (st != SH_PARSE_INCOMPLETE)
				break;
			if (interactive)
				write_str(2, "> ");
		}
		if (r == IN_INTR) {
			write_str(2, "\n");
			last_status = 128 + SIGINT;
			got_sigint = 0;
			continue;
		}
		if (r == IN_LONG) {
			sh_err("line too long");
			st = SH_PARSE_ERROR;
		} else if (st == SH_PARSE_ERROR) {
			sh_err("%s", prog.err);
		}
		if (st == SH_PARSE_ERROR) {
			last_status = 2;
			if (!interactive)
				return;
			continue;
		}
		run_prog(&prog);
		got_sigint = 0;		/* the line's rest is dropped */
	}
}

/* ---- Start-up ---- */

static void usage(void)
{
	sh_err("usage: sh [-c string [name [arg ...]] | file [arg ...]]");
	exit(2);
}

static void find_self(const char *argv0)
{
	char cwd[SH_PATH_MAX];
	size_t clen, alen = strlen(argv0);

	if (strchr(argv0, '/') == NULL) {
		snprintf(self_path, sizeof(self_path), "/bin/sh");
	} else if (argv0[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL ||
	    (clen = strlen(cwd)) + 1 + alen >= sizeof(self_path)) {
		snprintf(self_path, sizeof(self_path), "%s", argv0);
	} else {
		memcpy(self_path, cwd, clen);
		self_path[clen] = '/';
		memcpy(self_path + clen + 1, argv0, alen + 1);
	}
}

/* Take the terminal for an interactive shell, if the terminal lets us. */
static void start_job_control(void)
{
	pid_t pid = getpid();

	if ((orig_pgid = tcgetpgrp(0)) < 0)
		return;
#ifdef SIGTTOU
	set_signal(SIGTTOU, SIG_IGN);
#endif
	if (setpgid(0, 0) < 0 && errno != EPERM)
		return;
	if (tcsetpgrp(0, pid) < 0)
		return;
	shell_pgid = pid;
	job_control = 1;
}

int main(int argc, char **argv)
{
	static char *default_argv[] = { "sh", NULL };
	static struct input in;
	char cwd[SH_PATH_MAX];
	int fd, i;

	shell_pid = getpid();
	find_self(argc > 0 ? argv[0] : "sh");
	var_import();
	if (var_get("PATH") == NULL)
		var_set("PATH", 4, "/bin", 1);
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		var_set("PWD", 3, cwd, var_get("PWD") == NULL);

	in.fd = 0;
	in.bytewise = 1;
	pos_argc = 1;
	pos_argv = default_argv;
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3)
			usage();
		in.fd = -1;
		in.str = argv[2];
		if (argc > 3) {
			pos_argc = argc - 3;
			pos_argv = argv + 3;
		}
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		usage();
	} else if (argc > 1) {
		if ((fd = open(argv[1], O_RDONLY)) < 0) {
			sh_err("cannot open %s: %s", argv[1], strerror(errno));
			exit(127);
		}
		/* Out of the way of redirections, where the system allows. */
		if (fd != SH_FD_SCRIPT && dup2(fd, SH_FD_SCRIPT) >= 0) {
			close(fd);
			fd = SH_FD_SCRIPT;
		}
		script_fd = in.fd = fd;
		in.bytewise = 0;
		pos_argc = argc - 1;
		pos_argv = argv + 1;
	} else {
		interactive = isatty(0);
	}

	if (interactive)
		start_job_control();
	shell_signals();
	run_input(&in);

	if (job_control && orig_pgid > 0 && orig_pgid != shell_pgid)
		tcsetpgrp(0, orig_pgid);
	for (i = 0; i < SH_VARS_MAX; i++)
		free(vars[i].nv);
	if (script_fd >= 0)
		close(script_fd);
	exit(last_status);
}
