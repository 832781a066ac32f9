/* exec.c - running the tree: lists, and-or lists, pipelines, simple and
 * compound commands, redirections, functions, command substitution and
 * external commands (PATH search, execve, 126/127, ENOEXEC scripts).
 *
 * eval() runs one node in the shell and returns its status (also left
 * in sh.status).  Builtins, functions and compound commands run in the
 * shell; external commands, pipelines, ( ) and background lists run in
 * forked children, each foreground one as a job that jobs.c waits for.
 * break/continue/return/exit unwind through sh.breaking and friends;
 * set -e is checked after simple commands, pipelines and subshells
 * outside conditions (sh.noerrexit).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

struct func {
	char *name;
	struct sh_node *body;
	struct sh_arena *arena;
};

static struct func *funcs;
static int nfuncs, capfuncs;
struct sh_arena *cur_arena;	/* the arena of the text being run */
static int subst_status = -1;	/* of the last $( ) of a command */

/* ---- Helpers ---- */

static int flow_stop(void)
{
	return sh.breaking || sh.continuing || sh.returning || sh.exiting ||
	    (sh.interactive && got_sigint);
}

/* An expansion failed: status 2, and a script ends (POSIX). */
int expand_failed(void)
{
	if (!sh.interactive && !sh.exiting) {
		sh.exiting = 1;
		sh.exit_status = 2;
	}
	return 2;
}

static struct func *func_find(const char *name)
{
	int i;

	for (i = 0; i < nfuncs; i++)
		if (strcmp(funcs[i].name, name) == 0)
			return &funcs[i];
	return NULL;
}

static int func_define(struct sh_node *n)
{
	struct func *f = func_find(n->name), *nf;

	if (cur_arena == NULL) {
		sh_err("%s: cannot define a function here", n->name);
		return 1;
	}
	if (f == NULL) {
		if (nfuncs == capfuncs) {
			nf = realloc(funcs, (size_t)(capfuncs * 2 + 8) *
			    sizeof(*funcs));
			if (nf == NULL) {
				sh_err("out of memory");
				return 1;
			}
			funcs = nf;
			capfuncs = capfuncs * 2 + 8;
		}
		f = &funcs[nfuncs];
		if ((f->name = strdup(n->name)) == NULL) {
			sh_err("out of memory");
			return 1;
		}
		nfuncs++;
	} else {
		sh_arena_drop(f->arena);
	}
	f->body = n->b;
	f->arena = cur_arena;
	sh_arena_hold(cur_arena);
	return 0;
}

int func_unset(const char *name)
{
	struct func *f = func_find(name);

	if (f == NULL)
		return -1;
	sh_arena_drop(f->arena);
	free(f->name);
	*f = funcs[--nfuncs];
	return 0;
}

void func_free_all(void)
{
	while (nfuncs > 0)
		func_unset(funcs[0].name);
	free(funcs);
	funcs = NULL;
	capfuncs = 0;
}

/* ---- Redirections ---- */

struct saved {
	int fd;
	int copy;		/* -1: fd was closed */
};

struct redsave {
	struct saved *v;
	int n, cap;
};

static int save_fd(struct redsave *s, int fd)
{
	struct saved *nv;
	int i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].fd == fd)
			return 0;
	if (s->n == s->cap) {
		nv = realloc(s->v, (size_t)(s->cap + 4) * sizeof(*nv));
		if (nv == NULL) {
			sh_err("out of memory");
			return -1;
		}
		s->v = nv;
		s->cap += 4;
	}
	s->v[s->n].fd = fd;
	s->v[s->n].copy = fcntl(fd, F_DUPFD_CLOEXEC, SH_FD_SAVE);
	if (s->v[s->n].copy < 0 && errno != EBADF) {
		sh_err("%d: %s", fd, strerror(errno));
		return -1;
	}
	s->n++;
	return 0;
}

static void restore_fds(struct redsave *s)
{
	int i;

	for (i = s->n - 1; i >= 0; i--) {
		if (s->v[i].copy >= 0) {
			dup2(s->v[i].copy, s->v[i].fd);
			close(s->v[i].copy);
		} else {
			close(s->v[i].fd);
		}
	}
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static int redir_target(const struct sh_redir *r, char **path)
{
	struct strvec f = { NULL, 0, 0 };
	struct sh_word w = { r->word, NULL };

	if (expand_words(&w, X_SPLIT | X_GLOB, &f) < 0)
		return -1;
	if (f.n != 1) {
		sh_err("%s: ambiguous redirect", r->word);
		sv_free(&f);
		return -1;
	}
	*path = f.v[0];
	f.v[0] = NULL;
	sv_free(&f);
	return 0;
}

static int redir_one(const struct sh_redir *r, const char *path)
{
	int fd, src, flags;
	char *end;
	long v;

	if (r->type == SH_R_DUPIN || r->type == SH_R_DUPOUT) {
		if (strcmp(path, "-") == 0) {
			close(r->fd);
			return 0;
		}
		v = strtol(path, &end, 10);
		if (*path < '0' || *path > '9' || *end != '\0' || v > 9) {
			sh_err("%s: bad file descriptor", path);
			return -1;
		}
		src = (int)v;
		if (src != r->fd && dup2(src, r->fd) < 0) {
			sh_err("%d: %s", src, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (r->type == SH_R_IN)
		flags = O_RDONLY;
	else if (r->type == SH_R_APPEND)
		flags = O_WRONLY | O_CREAT | O_APPEND;
	else
		flags = O_WRONLY | O_CREAT | O_TRUNC;
	if ((fd = open(path, flags, 0666)) < 0) {
		sh_err("cannot %s %s: %s", r->type == SH_R_IN ? "open" :
		    "create", path, strerror(errno));
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
	return 0;
}

/* A here-document as a pipe to read from: written at once when the
 * pipe holds it, else by a child.
 */
static int heredoc_fd(const struct sh_redir *r)
{
	char *text = r->doc_quoted ? strdup(r->doc) : expand_heredoc(r->doc);
	size_t len;
	pid_t pid;
	int fds[2];

	if (text == NULL)
		return -1;
	len = strlen(text);
	if (pipe(fds) < 0) {
		sh_err("pipe: %s", strerror(errno));
		free(text);
		return -1;
	}
	if (len <= SH_PIPE_MIN) {
		write_all(fds[1], text, len);
	} else if ((pid = fork()) == 0) {
		close(fds[0]);
		_exit(write_all(fds[1], text, len) < 0);
	} else if (pid < 0) {
		sh_err("fork: %s", strerror(errno));
		close(fds[0]);
		fds[0] = -1;
	}
	close(fds[1]);
	free(text);
	return fds[0];
}

/* Apply redirections in order; with save, remember what they replace. */
static int apply_redirs(const struct sh_redir *r, struct redsave *save)
{
	char *path;
	int st, fd;

	for (; r != NULL; r = r->next) {
		if (r->type == SH_R_HEREDOC) {
			if ((fd = heredoc_fd(r)) < 0)
				return -1;
			st = save != NULL && save_fd(save, r->fd) < 0 ? -1 :
			    dup2(fd, r->fd) < 0 ? -1 : 0;
			if (fd != r->fd)
				close(fd);
			if (st < 0)
				return -1;
			continue;
		}
		if (redir_target(r, &path) < 0)
			return -1;
		st = (save != NULL && save_fd(save, r->fd) < 0) ? -1 :
		    redir_one(r, path);
		free(path);
		if (st < 0)
			return -1;
	}
	return 0;
}

/* ---- External commands ---- */

/* Run path as a shell script (execve said ENOEXEC). */
static void exec_script(const char *path, char **argv, char **envp)
{
	char **nargv;
	int n;

	for (n = 0; argv[n] != NULL; n++)
		;
	if ((nargv = malloc((size_t)(n + 2) * sizeof(char *))) == NULL)
		return;
	nargv[0] = "sh";
	nargv[1] = (char *)path;
	memcpy(nargv + 2, argv + 1, (size_t)n * sizeof(char *));
	execve(sh.self, nargv, envp);
}

void exec_external(char **argv, char **assign, int nassign)
{
	char **envp = var_environ(assign, nassign), *path;
	const char *name = argv[0], *dirs, *end;
	size_t dlen, nlen = strlen(name);
	int i, err = ENOENT;

	if (envp == NULL) {
		sh_err("out of memory");
		_exit(126);
	}
	if (strchr(name, '/') != NULL) {
		execve(name, argv, envp);
		err = errno;
		if (err == ENOEXEC)
			exec_script(name, argv, envp);
	} else if (nlen > 0) {
		/* A PATH=... prefix applies to this very search. */
		dirs = var_get("PATH");
		for (i = 0; i < nassign; i++)
			if (strncmp(assign[i], "PATH=", 5) == 0)
				dirs = assign[i] + 5;
		if (dirs == NULL)
			dirs = "/bin";
		for (;;) {
			end = strchr(dirs, ':');
			dlen = end != NULL ? (size_t)(end - dirs) :
			    strlen(dirs);
			if ((path = malloc(dlen + 1 + nlen + 1)) == NULL)
				break;
			if (dlen == 0) {
				memcpy(path, name, nlen + 1);
			} else {
				memcpy(path, dirs, dlen);
				path[dlen] = '/';
				memcpy(path + dlen + 1, name, nlen + 1);
			}
			execve(path, argv, envp);
			if (errno == ENOEXEC) {
				exec_script(path, argv, envp);
				err = errno;
				break;
			}
			/* Keep looking past missing files, but remember a
			 * file that is there and fails.
			 */
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
			free(path);
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

/* ---- Simple commands ---- */

static void trace(struct strvec *assign, struct strvec *args)
{
	struct strbuf b = { NULL, 0, 0 };
	char *q;
	int i, n = assign->n + args->n;

	if (sb_put(&b, "+", 1) < 0)
		return;
	for (i = 0; i < n; i++) {
		q = quote_for_trace(i < assign->n ? assign->v[i] :
		    args->v[i - assign->n]);
		if (q == NULL || sb_putc(&b, ' ') < 0 ||
		    sb_put(&b, q, strlen(q)) < 0) {
			free(q);
			sb_free(&b);
			return;
		}
		free(q);
	}
	if (sb_putc(&b, '\n') == 0)
		write_all(2, b.s, b.len);
	sb_free(&b);
}

static int expand_assigns(const struct sh_word *w, struct strvec *out)
{
	size_t n;
	char *v, *nv;

	for (; w != NULL; w = w->next) {
		n = sh_assignment(w->raw);
		if ((v = expand_word(w->raw + n + 1, 0)) == NULL)
			return -1;
		if ((nv = malloc(n + 1 + strlen(v) + 1)) == NULL) {
			free(v);
			sh_err("out of memory");
			return -1;
		}
		memcpy(nv, w->raw, n + 1);
		strcpy(nv + n + 1, v);
		free(v);
		if (sv_push(out, nv) < 0)
			return -1;
	}
	return 0;
}

/* Prefix assignments of a regular builtin or function: set them, and
 * give the old values back afterwards.
 */
struct tmpvars {
	struct strvec names, olds;	/* olds[i] NULL: was unset */
};

static int tmp_assign(struct tmpvars *t, struct strvec *assign)
{
	const char *old;
	char *name, *copy;
	int i;

	for (i = 0; i < assign->n; i++) {
		name = strndup(assign->v[i], (size_t)(strchr(assign->v[i],
		    '=') - assign->v[i]));
		if (name == NULL)
			return -1;
		old = var_get(name);
		copy = old != NULL ? strdup(old) : NULL;
		if (sv_push(&t->names, name) < 0) {
			free(copy);
			return -1;
		}
		if (sv_push(&t->olds, copy) < 0 ||
		    var_assign(assign->v[i], 0) < 0)
			return -1;
	}
	return 0;
}

static void tmp_restore(struct tmpvars *t)
{
	int i;

	for (i = t->names.n - 1; i >= 0; i--) {
		if (i < t->olds.n && t->olds.v[i] != NULL)
			var_set(t->names.v[i], strlen(t->names.v[i]),
			    t->olds.v[i], 0);
		else
			var_unset(t->names.v[i]);
	}
	sv_free(&t->names);
	sv_free(&t->olds);
}

static int call_func(struct func *f, struct strvec *args)
{
	struct sh_arena *arena = f->arena, *old_arena = cur_arena;
	struct sh_node *body = f->body;
	int st, loops = sh.loops;
	void *saved;

	if (sh.funcs >= SH_EVAL_MAX) {
		sh_err("%s: function calls nested too deeply", args->v[0]);
		return expand_failed();
	}
	saved = pos_save();
	if (pos_set(args->n - 1, args->v + 1, 1) < 0) {
		pos_restore(saved);
		return 1;
	}
	sh_arena_hold(arena);
	cur_arena = arena;
	sh.loops = 0;
	sh.funcs++;
	st = eval(body, 0);
	if (sh.returning) {
		sh.returning = 0;
		st = sh.status;
	}
	sh.funcs--;
	sh.loops = loops;
	cur_arena = old_arena;
	sh_arena_drop(arena);
	pos_restore(saved);
	return st;
}

/* A job of one process for n, in the background or not: 0 in the child
 * (set up), the child's pid in the shell with *jp its job, -1 if there
 * is none (reported).
 */
static pid_t fork_job(struct sh_node *n, int background, struct job **jp)
{
	struct job *j;
	pid_t pid;

	if ((j = job_new(n->src, n->srclen)) == NULL)
		return -1;
	if ((pid = fork()) < 0) {
		sh_err("fork: %s", strerror(errno));
		job_forget(j);
		return -1;
	}
	if (pid == 0) {
		child_setup(0, background);
		return 0;
	}
	if (sh.job_control)
		setpgid(pid, pid);
	job_add_pid(j, pid);
	*jp = j;
	return pid;
}

/* Fork a foreground child for the simple command n (or run it here when
 * the process ends anyway).
 */
static int run_external(struct sh_node *n, struct strvec *args,
	struct strvec *assign, int flags)
{
	struct job *j;
	pid_t pid;

	if (!(flags & EV_EXIT) && (pid = fork_job(n, 0, &j)) != 0)
		return pid < 0 ? 1 : job_wait(j);
	if (apply_redirs(n->redirs, NULL) < 0)
		_exit(1);
	exec_external(args->v, assign->v, assign->n);
}

static int eval_simple(struct sh_node *n, int flags)
{
	struct strvec args = { NULL, 0, 0 }, assign = { NULL, 0, 0 };
	struct tmpvars tmp;
	struct redsave save = { NULL, 0, 0 };
	struct func *f;
	builtin_fn fn = NULL;
	int st, i, special = 0;

	memset(&tmp, 0, sizeof(tmp));
	subst_status = -1;
	if (expand_assigns(n->assign, &assign) < 0 ||
	    expand_words(n->words, X_SPLIT | X_GLOB, &args) < 0) {
		st = expand_failed();
		goto out;
	}
	if (sh.opt_x)
		trace(&assign, &args);
	if (args.n == 0) {
		for (i = 0; i < assign.n; i++)
			if (var_assign(assign.v[i], 0) < 0) {
				st = expand_failed();
				goto out;
			}
		st = subst_status >= 0 ? subst_status : 0;
		if (apply_redirs(n->redirs, &save) < 0)
			st = 1;
		restore_fds(&save);
		goto out;
	}
	f = func_find(args.v[0]);
	if (f == NULL)
		fn = find_builtin(args.v[0], &special);
	if (f == NULL && fn == NULL) {
		st = run_external(n, &args, &assign, flags);
		goto out;
	}
	if (special) {
		for (i = 0; i < assign.n; i++)
			var_assign(assign.v[i], 0);
	} else if (tmp_assign(&tmp, &assign) < 0) {
		st = 1;
		goto restore;
	}
	if (apply_redirs(n->redirs, &save) < 0) {
		st = 1;
		if (special && !sh.interactive && !sh.exiting) {
			sh.exiting = 1;
			sh.exit_status = 1;
		}
	} else if (f != NULL) {
		st = call_func(f, &args);
	} else {
		st = fn(args.n, args.v);
		if (is_exec_builtin(fn)) {	/* exec >file: for good */
			for (i = 0; i < save.n; i++)
				if (save.v[i].copy >= 0)
					close(save.v[i].copy);
			save.n = 0;
		}
	}
	restore_fds(&save);
restore:
	if (!special)
		tmp_restore(&tmp);
out:
	sv_free(&args);
	sv_free(&assign);
	return st;
}

/* ---- Pipelines, subshells and background lists ---- */

/* In a forked copy of the shell: it is no longer interactive. */
static void become_subshell(void)
{
	sh.interactive = 0;
	sh.job_control = 0;
	jobs_forget_all();
}

static int eval_pipe(struct sh_node *n, int flags)
{
	struct sh_node *k;
	struct job *j;
	pid_t pid, pgid = 0;
	int st, prev = -1, fds[2], failed = 0;

	if (n->kids->next == NULL) {
		sh.noerrexit += n->negate;
		st = eval(n->kids, flags);
		sh.noerrexit -= n->negate;
		return n->negate ? !st : st;
	}
	if ((j = job_new(n->src, n->srclen)) == NULL)
		return 1;
	for (k = n->kids; k != NULL; k = k->next) {
		fds[0] = fds[1] = -1;
		if (k->next != NULL && pipe(fds) < 0) {
			sh_err("pipe: %s", strerror(errno));
			failed = 1;
			break;
		}
		if ((pid = fork()) < 0) {
			sh_err("fork: %s", strerror(errno));
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			failed = 1;
			break;
		}
		if (pid == 0) {
			child_setup(pgid, 0);
			become_subshell();
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (fds[1] >= 0) {
				close(fds[0]);
				dup2(fds[1], 1);
				close(fds[1]);
			}
			st = eval(k, EV_EXIT);
			_exit((sh.exiting ? sh.exit_status : st) & 0xff);
		}
		if (pgid == 0)
			pgid = pid;
		if (sh.job_control)
			setpgid(pid, pgid);
		job_add_pid(j, pid);
		if (prev >= 0)
			close(prev);
		if (fds[1] >= 0)
			close(fds[1]);
		prev = fds[0];
	}
	if (prev >= 0)
		close(prev);
	st = job_wait(j);
	if (failed)
		st = 1;
	return n->negate ? !st : st;
}

static int run_in_child(struct sh_node *n, int body_only)
{
	int st;

	become_subshell();
	if (body_only) {
		if (apply_redirs(n->redirs, NULL) < 0)
			_exit(1);
		st = eval(n->a, EV_EXIT);
	} else {
		st = eval(n, EV_EXIT);
	}
	if (sh.exiting)
		st = sh.exit_status;
	_exit(st & 0xff);
}

static int eval_subshell(struct sh_node *n, int flags)
{
	struct job *j;
	pid_t pid;

	if (!(flags & EV_EXIT) && (pid = fork_job(n, 0, &j)) != 0)
		return pid < 0 ? 1 : job_wait(j);
	return run_in_child(n, 1);
}

static int run_bg(struct sh_node *n)
{
	struct job *j;
	pid_t pid;

	jobs_reap();
	if ((pid = fork_job(n, 1, &j)) < 0)
		return 1;
	if (pid == 0)
		run_in_child(n, 0);
	sh.last_bg = pid;
	job_started_bg(j);
	return 0;
}

/* ---- Compound commands ---- */

static int eval_cond(struct sh_node *n)
{
	int st;

	sh.noerrexit++;
	st = eval(n, 0);
	sh.noerrexit--;
	return st;
}

/* After a loop body: 1 if the loop must end. */
static int loop_end(void)
{
	if (sh.breaking) {
		sh.breaking--;
		return 1;
	}
	if (sh.continuing) {
		if (--sh.continuing > 0)
			return 1;
		return 0;
	}
	return sh.returning || sh.exiting || (sh.interactive && got_sigint);
}

static int eval_loop(struct sh_node *n)
{
	int st = 0, c;

	sh.loops++;
	for (;;) {
		c = eval_cond(n->a);
		if (flow_stop()) {
			if (loop_end())
				break;
			continue;
		}
		if ((c == 0) != (n->type == N_WHILE))
			break;
		st = eval(n->b, 0);
		if (flow_stop() && loop_end())
			break;
	}
	sh.loops--;
	return st;
}

static int eval_for(struct sh_node *n)
{
	struct strvec list = { NULL, 0, 0 };
	char *copy;
	int i, st = 0;

	if (n->has_in) {
		if (expand_words(n->words, X_SPLIT | X_GLOB, &list) < 0) {
			sv_free(&list);
			return expand_failed();
		}
	} else {
		for (i = 1; i <= pos_count(); i++) {
			if ((copy = strdup(pos_arg(i))) == NULL ||
			    sv_push(&list, copy) < 0) {
				sv_free(&list);
				return 1;
			}
		}
	}
	sh.loops++;
	for (i = 0; i < list.n; i++) {
		if (var_set(n->name, strlen(n->name), list.v[i], 0) < 0) {
			st = 1;
			break;
		}
		st = eval(n->b, 0);
		if (flow_stop() && loop_end())
			break;
	}
	sh.loops--;
	sv_free(&list);
	return st;
}

static int eval_case(struct sh_node *n, int flags)
{
	struct sh_case_item *it;
	struct sh_word *p;
	char *word, *pat;
	int st = 0, m = 0;

	if ((word = expand_word(n->words->raw, 0)) == NULL)
		return expand_failed();
	for (it = n->items; it != NULL && !m; it = it->next) {
		for (p = it->pats; p != NULL && !m; p = p->next) {
			if ((pat = expand_word(p->raw, X_PATTERN)) == NULL) {
				free(word);
				return expand_failed();
			}
			m = sh_match(pat, word);
			free(pat);
		}
		if (!m)
			continue;
		for (;;) {
			st = it->body != NULL ? eval(it->body,
			    it->fallthrough ? 0 : flags) : 0;
			if (!it->fallthrough || it->next == NULL ||
			    flow_stop())
				break;
			it = it->next;
		}
		break;
	}
	free(word);
	return st;
}

static int eval_compound(struct sh_node *n, int flags)
{
	switch (n->type) {
	case N_GROUP:
		return eval(n->a, flags);
	case N_IF:
		if (eval_cond(n->a) == 0) {
			if (flow_stop())
				return sh.status;
			return eval(n->b, flags);
		}
		if (flow_stop())
			return sh.status;
		return n->c != NULL ? eval(n->c, flags) : 0;
	case N_WHILE:
	case N_UNTIL:
		return eval_loop(n);
	case N_FOR:
		return eval_for(n);
	case N_CASE:
		return eval_case(n, flags);
	default:
		return 0;
	}
}

static int eval_list(struct sh_node *n, int flags)
{
	struct sh_node *k;
	int st = sh.status;

	for (k = n->kids; k != NULL; k = k->next) {
		if (k->bg)
			st = run_bg(k);
		else
			st = eval(k, k->next == NULL ? flags : 0);
		sh.status = st;
		if (flow_stop())
			break;
	}
	return st;
}

int eval(struct sh_node *n, int flags)
{
	struct redsave save = { NULL, 0, 0 };
	int st, check = 0;

	if (n == NULL)
		return 0;
	if (sh.interactive && got_sigint)
		return 128 + SIGINT;
	if (sh.stack_base - (uintptr_t)&save > SH_STACK_MAX) {
		sh_err("commands nested too deeply");
		return expand_failed();
	}
	switch (n->type) {
	case N_LIST:
		st = eval_list(n, flags);
		break;
	case N_AND:
	case N_OR:
		st = eval_cond(n->a);
		if (!flow_stop() && (st == 0) == (n->type == N_AND))
			st = eval(n->b, flags);
		break;
	case N_PIPE:
		st = eval_pipe(n, flags);
		check = !n->negate;
		break;
	case N_SIMPLE:
		st = eval_simple(n, flags);
		check = 1;
		break;
	case N_FUNC:
		st = func_define(n);
		break;
	case N_SUBSHELL:
		st = eval_subshell(n, flags);
		check = 1;
		break;
	default:
		if (n->redirs != NULL && apply_redirs(n->redirs, &save) < 0) {
			restore_fds(&save);
			st = 1;
			break;
		}
		st = eval_compound(n, flags);
		restore_fds(&save);
		break;
	}
	sh.status = st;
	if (check && st != 0 && sh.opt_e && !sh.noerrexit && !sh.exiting) {
		sh.exiting = 1;
		sh.exit_status = st;
	}
	return st;
}

/* ---- Strings of commands ---- */

/* Parse and run a whole text (eval, ., command substitution). */
int eval_string(const char *text, const char *what)
{
	struct sh_prog p;
	struct sh_arena *old = cur_arena;
	int r, st;

	memset(&p, 0, sizeof(p));
	r = sh_parse(&p, text);
	if (r != SH_PARSE_OK) {
		if (what != NULL)
			sh_err("%s: syntax error: %s", what, p.err);
		else if (r == SH_PARSE_INCOMPLETE)
			sh_err("syntax error: %s", p.err);
		else
			sh_err("%s", p.err);
		sh_prog_free(&p);
		return expand_failed();
	}
	cur_arena = p.arena;
	st = eval(p.tree, 0);
	cur_arena = old;
	sh_prog_free(&p);
	return st;
}

/* Run text in a child and collect its output. */
int cmd_subst(const char *text, struct strbuf *outbuf)
{
	char buf[512];
	pid_t pid;
	ssize_t n;
	int fds[2], st, too_long = 0;

	if (pipe(fds) < 0) {
		sh_err("pipe: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) < 0) {
		sh_err("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		if (sh.interactive) {
			set_signal(SIGINT, SIG_DFL);
			set_signal(SIGQUIT, SIG_DFL);
		}
		become_subshell();
		st = eval_string(text, NULL);
		if (sh.exiting)
			st = sh.exit_status;
		_exit(st & 0xff);
	}
	close(fds[1]);
	for (;;) {
		n = read(fds[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (!too_long && sb_put(outbuf, buf, (size_t)n) < 0)
			too_long = 1;
	}
	close(fds[0]);
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			st = 1 << 8;
			break;
		}
	}
	sh.status = subst_status = wait_status(st);
	return too_long ? -1 : 0;
}
