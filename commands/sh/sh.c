/* sh.c - the shell: start-up, reading input, messages and signals.
 *
 *	sh [-efux] [file [arg ...]]	run a script, or read commands from
 *					stdin ("# " prompt on a terminal)
 *	sh [-efux] -c string [name [arg ...]]	run a string
 *
 * The language is POSIX's: pipelines, && ||, & ;, ( ) { }, if while
 * until for case, functions, redirections and here-documents, $( ) ` `
 * $(( )) ${ } and the special parameters, field splitting, globbing; the
 * builtins are listed by help.  Interactive shells have job control
 * (jobs, fg, bg, kill %N, ^Z).
 *
 * Input is read a line at a time and parsed (parse.c) when a complete
 * command has been read; continuation lines get the "> " prompt.  The
 * tree is then run (exec.c).  Interactive lines come from the line editor
 * (lineedit.c: arrows, ^A ^E ^U ^W ^K, history) through read_interactive()
 * and history_add().  The other files are listed in sh.h, the
 * limits (4095-byte typed lines, ...) in sh.h and parse.h: every one is
 * checked and reported.
 *
 * Only POSIX calls are used, so the same files build on the host (see
 * tests/host/sh-session.sh) and against our libc.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "sh.h"
#include "lineedit.h"

struct shell sh;
volatile sig_atomic_t got_sigint;
static pid_t orig_pgid = -1;	/* the terminal's group before us */

struct input {
	int fd;			/* -1: read from str */
	const char *str;
	size_t spos;
	int bytewise;		/* read(2) one byte at a time (stdin) */
	char buf[512];
	size_t len, off;
};

/* ---- Output ---- */

int write_all(int fd, const char *s, size_t n)
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

int write_str(int fd, const char *s)
{
	return write_all(fd, s, strlen(s));
}

int out(int fd, const char *fmt, ...)
{
	char buf[SH_PATH_MAX + 256];
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
void sh_err(const char *fmt, ...)
{
	char buf[SH_PATH_MAX + 256];
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

/* ---- Vectors and strings ---- */

int sv_push(struct strvec *sv, char *s)
{
	char **nv;
	int cap;

	if (sv->n >= SH_ARGS_MAX) {
		sh_err("too many arguments (over %d)", SH_ARGS_MAX);
		free(s);
		return -1;
	}
	if (sv->n + 1 >= sv->cap) {
		cap = sv->cap * 2 + 8;
		if ((nv = realloc(sv->v, (size_t)cap * sizeof(char *))) ==
		    NULL) {
			sh_err("out of memory");
			free(s);
			return -1;
		}
		sv->v = nv;
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
	return 0;
}

void sv_free(struct strvec *sv)
{
	int i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

int sb_put(struct strbuf *b, const char *s, size_t n)
{
	size_t cap;
	char *ns;

	if (b->len + n + 1 > b->cap) {
		if (b->len + n > SH_WORD_MAX) {
			sh_err("string too long (over %d bytes)", SH_WORD_MAX);
			return -1;
		}
		cap = b->cap * 2 + 64;
		if (cap < b->len + n + 1)
			cap = b->len + n + 1;
		if ((ns = realloc(b->s, cap)) == NULL) {
			sh_err("out of memory");
			return -1;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	return 0;
}

int sb_putc(struct strbuf *b, char c)
{
	return sb_put(b, &c, 1);
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* ---- Signals ---- */

static void on_sigint(int sig)
{
	(void)sig;
	got_sigint = 1;
}

/* Install a disposition; no SA_RESTART, so a caught ^C ends a read(). */
void set_signal(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(sig, &sa, NULL);
}

void catch_sigint(void)
{
	set_signal(SIGINT, on_sigint);
}

/* The shell's own dispositions. */
static void shell_signals(void)
{
	set_signal(SIGCHLD, SIG_DFL);
	if (!sh.interactive)
		return;
	catch_sigint();
	set_signal(SIGQUIT, SIG_IGN);
	/* ^Z stops jobs, never the shell (children get it back only
	 * with job control: child_setup).
	 */
	set_signal(SIGTSTP, SIG_IGN);
	set_signal(SIGTTOU, SIG_IGN);
	set_signal(SIGTTIN, SIG_IGN);
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
		if (sh.interactive && got_sigint)
			return IN_INTR;
		n = read(in->fd, in->buf, in->bytewise ? 1 : sizeof(in->buf));
		if (n > 0)
			break;
		if (n == 0)
			return IN_EOF;
		if (errno == EINTR && got_sigint && sh.interactive)
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

/* Read one line without its newline into buf[0..size), NUL-terminated:
 * its length, or IN_EOF, IN_INTR or IN_LONG.
 */
static int read_line(struct input *in, char *buf, size_t size)
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
		if (n + 1 >= size)
			too_long = 1;
		else
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return too_long ? IN_LONG : (int)n;
}

/* The one place that reads a line from the user: prompt, then the line
 * without its newline into buf.  Returns its length, -1 at the end of
 * input, -2 on ^C, -3 if it was longer than size - 1.
 */
static int read_interactive(const char *prompt, char *buf, size_t size)
{
	int r = le_readline(prompt, buf, size);

	return r == LE_EOF ? IN_EOF : r == LE_INTR ? IN_INTR : r;
}

/* A line the user typed (and that parsed): for the history. */
static void history_add(const char *line)
{
	le_history_add(line);
}

static int get_line(struct input *in, const char *prompt, char *buf)
{
	if (sh.interactive)
		return read_interactive(prompt, buf, SH_LINE_MAX);
	return read_line(in, buf, SH_SCRIPT_LINE_MAX);
}

static const char *prompt_var(const char *name, const char *dflt)
{
	const char *p = var_get(name);

	return p != NULL ? p : dflt;
}

/* Read, parse and run complete texts until EOF or exit. */
static void run_input(struct input *in)
{
	static struct sh_prog prog;
	struct strbuf text = { NULL, 0, 0 };
	char *line = malloc(SH_SCRIPT_LINE_MAX);
	int r, st = SH_PARSE_OK;

	if (line == NULL) {
		sh_err("out of memory");
		sh.status = 2;
		return;
	}
	while (!sh.exiting) {
		if (sh.interactive)
			jobs_notify();
		else
			jobs_reap();	/* no zombies from & in scripts */
		text.len = 0;
		r = get_line(in, prompt_var("PS1", "# "), line);
		for (;;) {
			if (r == IN_EOF) {
				if (text.len > 0) {
					sh_err("syntax error: %s", prog.err);
					sh.status = 2;
				} else if (sh.interactive) {
					write_str(2, "exit\n");
				}
				goto done;
			}
			if (r < 0)
				break;
			if (text.len + (size_t)r + 2 > SH_TEXT_MAX) {
				r = IN_LONG;
				break;
			}
			if (sb_put(&text, line, (size_t)r) < 0 ||
			    sb_put(&text, "\n", 2) < 0) {
				r = IN_LONG;
				break;
			}
			text.len--;		/* keep the NUL out */
			st = sh_parse(&prog, text.s);
			if (st != SH_PARSE_INCOMPLETE)
				break;
			r = get_line(in, prompt_var("PS2", "> "), line);
		}
		if (r == IN_INTR) {	/* the line editor ended the line */
			sh.status = 128 + SIGINT;
			got_sigint = 0;
			continue;
		}
		if (r == IN_LONG) {
			sh_err("line too long (the limit is %d bytes)",
			    (sh.interactive ? SH_LINE_MAX :
			    SH_SCRIPT_LINE_MAX) - 1);
			st = SH_PARSE_ERROR;
		} else if (st == SH_PARSE_ERROR) {
			sh_err("%s", prog.err);
		}
		if (st == SH_PARSE_ERROR) {
			sh.status = 2;
			sh_prog_free(&prog);
			if (!sh.interactive)
				break;
			continue;
		}
		if (sh.interactive) {
			text.s[text.len - 1] = '\0';
			history_add(text.s);
		}
		cur_arena = prog.arena;
		eval(prog.tree, 0);
		cur_arena = NULL;
		sh_prog_free(&prog);
		if (got_sigint && sh.interactive) {
			/* ^C ended the line; the rest of it is dropped. */
			if (!sh.sigint_shown)
				write_str(2, "\n");
			sh.status = 128 + SIGINT;
		}
		got_sigint = 0;
		sh.sigint_shown = 0;
	}
done:
	sh_prog_free(&prog);
	sb_free(&text);
	free(line);
}

/* ---- Start-up and exit ---- */

static void usage(void)
{
	sh_err("usage: sh [-efux] [-c string [name [arg ...]] | "
	    "file [arg ...]]");
	exit(2);
}

static void find_self(const char *argv0)
{
	char cwd[SH_PATH_MAX];
	size_t clen, alen = strlen(argv0);

	if (strchr(argv0, '/') == NULL) {
		snprintf(sh.self, sizeof(sh.self), "/bin/sh");
	} else if (argv0[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL ||
	    (clen = strlen(cwd)) + 1 + alen >= sizeof(sh.self)) {
		snprintf(sh.self, sizeof(sh.self), "%s", argv0);
	} else {
		memcpy(sh.self, cwd, clen);
		sh.self[clen] = '/';
		memcpy(sh.self + clen + 1, argv0, alen + 1);
	}
}

/* Take the terminal for an interactive shell, if the terminal lets us. */
static void start_job_control(void)
{
	pid_t pid = getpid();

	if ((orig_pgid = tcgetpgrp(0)) < 0)
		return;
	set_signal(SIGTTOU, SIG_IGN);
	if (setpgid(0, 0) < 0 && errno != EPERM)
		return;
	if (tcsetpgrp(0, pid) < 0)
		return;
	sh.pgid = pid;
	sh.job_control = 1;
}

static void __attribute__((__noreturn__)) shell_exit(void)
{
	int status = sh.exiting ? sh.exit_status : sh.status;

	if (sh.interactive)
		jobs_hangup();
	if (sh.job_control && orig_pgid > 0 && orig_pgid != sh.pgid)
		tcsetpgrp(0, orig_pgid);
	jobs_forget_all();
	func_free_all();
	var_free_all();
	if (sh.script_fd >= 0)
		close(sh.script_fd);
	exit(status);
}

int main(int argc, char **argv)
{
	static struct input in;
	char cwd[SH_PATH_MAX];
	const char *cmd = NULL;
	int fd, i, k, c_opt = 0, force_i = 0;

	sh.stack_base = (uintptr_t)cwd;
	sh.pid = getpid();
	sh.script_fd = -1;
	find_self(argc > 0 ? argv[0] : "sh");
	var_import();
	if (var_get("PATH") == NULL)
		var_set("PATH", 4, "/bin", 1);
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		var_set("PWD", 3, cwd, var_get("PWD") == NULL);

	for (i = 1; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') &&
	    argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (k = 1; argv[i][k] != '\0'; k++) {
			switch (argv[i][k]) {
			case 'c': c_opt = 1; break;
			case 'i': force_i = 1; break;
			case 'e': sh.opt_e = argv[i][0] == '-'; break;
			case 'x': sh.opt_x = argv[i][0] == '-'; break;
			case 'u': sh.opt_u = argv[i][0] == '-'; break;
			case 'f': sh.opt_f = argv[i][0] == '-'; break;
			default: usage();
			}
		}
	}
	in.fd = 0;
	in.bytewise = 1;
	if (c_opt) {
		if (i >= argc)
			usage();
		cmd = argv[i++];
		in.fd = -1;
		in.str = cmd;
		if (i < argc) {
			pos_set(argc - i - 1, argv + i + 1, 0);
		} else {
			static char *noargs[] = { "sh", NULL };

			pos_set(0, noargs + 1, 0);
		}
	} else if (i < argc) {
		if ((fd = open(argv[i], O_RDONLY)) < 0) {
			sh_err("cannot open %s: %s", argv[i], strerror(errno));
			exit(127);
		}
		/* Out of the way of redirections, closed in commands. */
		sh.script_fd = fcntl(fd, F_DUPFD_CLOEXEC, SH_FD_SAVE);
		close(fd);
		if (sh.script_fd < 0) {
			sh_err("%s: %s", argv[i], strerror(errno));
			exit(127);
		}
		in.fd = sh.script_fd;
		in.bytewise = 0;
		pos_set(argc - i - 1, argv + i + 1, 0);
	} else {
		sh.interactive = force_i || isatty(0);
		pos_set(0, argv + 1, 0);
	}

	if (sh.interactive)
		start_job_control();
	shell_signals();
	run_input(&in);
	shell_exit();
}
