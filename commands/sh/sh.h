/* sh.h - what the shell's files share: state, variables, expansion,
 * execution, jobs and builtins.
 *
 *	sh.c		start-up, input, messages, signals
 *	vars.c		variables, the environment, positional parameters
 *	parse.c		lexer and parser (parse.h)
 *	expand.c	word expansion: $ forms, substitutions, splitting
 *	arith.c		$(( )) (parse.h)
 *	glob.c		patterns and pathname expansion
 *	exec.c		running the tree: lists, pipelines, compounds,
 *			redirections, functions, external commands
 *	jobs.c		the job table, waiting, job control builtins
 *	builtins.c	the other builtins
 *	test.c		test and [
 */
#ifndef SH_H
#define SH_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "parse.h"

#define SH_LINE_MAX	4096	/* a typed line, its NUL included */
#define SH_SCRIPT_LINE_MAX	65536	/* a line of a script or -c string */
#define SH_TEXT_MAX	(1024 * 1024)	/* a text of continued lines */
#define SH_WORD_MAX	(1024 * 1024)	/* an expanded word or output */
#define SH_ARGS_MAX	65536	/* fields of one command */
#ifndef SH_EVAL_MAX
#define SH_EVAL_MAX	100	/* nested function calls and . files */
#endif
#define SH_STACK_MAX	(96 * 1024)	/* stack eval() may use (guest: 128K) */
#define SH_PATH_MAX	1024
#define SH_NAME_MAX	128	/* a variable name in ${ } */
#define SH_PIPE_MIN	4096	/* bytes any of our pipes holds */
#define SH_FD_SAVE	10	/* saved descriptors live from here up */

/* Growing vectors and strings (sh.c).  Both return -1 when out of memory
 * (with a message) or over their limit.
 */
struct strvec {
	char **v;		/* NULL-terminated once anything is in it */
	int n, cap;
};
int sv_push(struct strvec *sv, char *s);	/* takes s; frees it on error */
void sv_free(struct strvec *sv);

struct strbuf {
	char *s;
	size_t len, cap;
};
int sb_put(struct strbuf *b, const char *s, size_t n);
int sb_putc(struct strbuf *b, char c);
void sb_free(struct strbuf *b);

/* The shell's state (sh.c). */
struct shell {
	int status;		/* $? */
	pid_t pid;		/* $$ */
	pid_t last_bg;		/* $! */
	int interactive;
	int job_control;	/* the terminal is ours to hand out */
	pid_t pgid;		/* the shell's process group */
	int opt_e, opt_x, opt_u, opt_f;
	int exiting;		/* exit builtin or a fatal error ... */
	int exit_status;	/* ... with this status */
	int breaking;		/* break n: loops still to leave */
	int continuing;		/* continue n */
	int returning;		/* return */
	int loops;		/* loops we are in (in this function) */
	int funcs;		/* function calls we are in */
	int noerrexit;		/* in a condition: set -e does not apply */
	int sigint_shown;	/* a job's ^C already ended the line */
	int script_fd;		/* the script being read, or -1 */
	char self[SH_PATH_MAX];	/* our own path, for ENOEXEC scripts */
	uintptr_t stack_base;	/* where main()'s frame is */
};
extern struct shell sh;
extern volatile sig_atomic_t got_sigint;

/* Messages (sh.c). */
int write_all(int fd, const char *s, size_t n);
int write_str(int fd, const char *s);
int out(int fd, const char *fmt, ...)
	__attribute__((__format__(__printf__, 2, 3)));
void sh_err(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
void set_signal(int sig, void (*handler)(int));
void catch_sigint(void);

/* Variables and parameters (vars.c). */
const char *var_get(const char *name);
int var_set(const char *name, size_t n, const char *value, int export);
int var_assign(const char *nv, int export);	/* "NAME=value" */
void var_unset(const char *name);
int var_export(const char *name);
void var_list(int exported_only);
void var_import(void);
char **var_environ(char **assign, int nassign);	/* malloc'd array */
void var_free_all(void);
const char *param(const char *name);	/* $?, $1, $#, NAME ... or NULL */
int pos_count(void);
char *pos_arg(int i);			/* $0 .. $n */
int pos_set(int argc, char **argv, int keep0);	/* copies */
void pos_shift(int n);
void *pos_save(void);
void pos_restore(void *saved);

/* Expansion (expand.c). */
#define X_SPLIT		0x1	/* field splitting */
#define X_GLOB		0x2	/* pathname expansion */
#define X_PATTERN	0x4	/* leave quoted pattern characters escaped */
#define X_HEREDOC	0x8	/* a here-document: '"' is no quote */
int expand_words(const struct sh_word *w, int flags, struct strvec *out);
char *expand_word(const char *raw, int flags);	/* one field, malloc'd */
char *expand_heredoc(const char *doc);		/* malloc'd */
char *quote_for_trace(const char *s);		/* malloc'd */

/* Glob (glob.c). */
int sh_glob(const char *pat, struct strvec *out);

/* Execution (exec.c). */
#define EV_EXIT		0x1	/* the process ends after this: exec freely */
int eval(struct sh_node *n, int flags);
int eval_string(const char *text, const char *what);
int cmd_subst(const char *text, struct strbuf *outbuf);
void exec_external(char **argv, char **assign, int nassign)
	__attribute__((__noreturn__));
int expand_failed(void);
int func_unset(const char *name);
void func_free_all(void);
extern struct sh_arena *cur_arena;

/* Jobs (jobs.c). */
struct job;
struct job *job_new(const char *cmd, size_t len);
int job_add_pid(struct job *j, pid_t pid);
int job_wait(struct job *j);
void job_started_bg(struct job *j);
void job_forget(struct job *j);
void jobs_reap(void);
void jobs_notify(void);
void jobs_hangup(void);
void jobs_forget_all(void);
void child_setup(pid_t pgid, int background);
int wait_status(int st);
int bi_jobs(int argc, char **argv);
int bi_fg(int argc, char **argv);
int bi_bg(int argc, char **argv);
int bi_kill(int argc, char **argv);
int bi_wait(int argc, char **argv);

/* Builtins (builtins.c). */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name, int *special);
int parse_num(const char *s, long *v);
int is_exec_builtin(builtin_fn fn);
int bi_test(int argc, char **argv);	/* test.c */

#endif /* SH_H */
