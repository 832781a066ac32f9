/* builtins.c - commands the shell runs itself (the job control ones are
 * in jobs.c), and the table find_builtin() and help use.
 *
 * Special builtins (POSIX) keep their prefix assignments; for the others
 * the assignments last only while they run (exec.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* A decimal number, optionally signed, and nothing else. */
int parse_num(const char *s, long *v)
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

static int bi_exit(int argc, char **argv)
{
	long v = sh.status;

	if (argc > 2) {
		sh_err("exit: too many arguments");
		return 1;
	}
	if (argc == 2 && parse_num(argv[1], &v) < 0) {
		sh_err("exit: bad number '%s'", argv[1]);
		v = 2;
	}
	sh.exiting = 1;
	sh.exit_status = (int)(v & 0xff);
	return sh.exit_status;
}

static int bi_export(int argc, char **argv)
{
	int i = 1, status = 0;

	if (argc > 1 && strcmp(argv[1], "-p") == 0)
		i = 2;
	if (i == argc) {
		var_list(1);
		return 0;
	}
	for (; i < argc; i++) {
		if (strchr(argv[i], '=') != NULL) {
			if (var_assign(argv[i], 1) < 0)
				status = 1;
		} else if (!sh_valid_name(argv[i], strlen(argv[i]))) {
			sh_err("export: %s: bad variable name", argv[i]);
			status = 1;
		} else if (var_export(argv[i]) < 0) {
			status = 1;
		}
	}
	return status;
}

static int bi_unset(int argc, char **argv)
{
	int i = 1, status = 0, funcs = 0;

	if (argc > 1 && strcmp(argv[1], "-f") == 0) {
		funcs = 1;
		i = 2;
	} else if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		i = 2;
	}
	for (; i < argc; i++) {
		if (!sh_valid_name(argv[i], strlen(argv[i]))) {
			sh_err("unset: %s: bad variable name", argv[i]);
			status = 1;
		} else if (funcs) {
			func_unset(argv[i]);
		} else {
			var_unset(argv[i]);
		}
	}
	return status;
}

static int set_option(int c, int on)
{
	switch (c) {
	case 'e':
		sh.opt_e = on;
		return 0;
	case 'x':
		sh.opt_x = on;
		return 0;
	case 'u':
		sh.opt_u = on;
		return 0;
	case 'f':
		sh.opt_f = on;
		return 0;
	}
	return -1;
}

static const struct {
	const char *name;
	int letter;
} long_options[] = {
	{ "errexit", 'e' }, { "xtrace", 'x' }, { "nounset", 'u' },
	{ "noglob", 'f' },
};

#define NLONG	(sizeof(long_options) / sizeof(long_options[0]))

static int bi_set(int argc, char **argv)
{
	const char *a;
	size_t k;
	int i, on;

	if (argc == 1) {
		var_list(0);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "-") == 0) {
			sh.opt_x = 0;
			i++;
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		on = a[0] == '-';
		if (strcmp(a + 1, "o") == 0) {
			if (++i == argc) {
				sh_err("set: -o: option name expected");
				return 2;
			}
			for (k = 0; k < NLONG; k++)
				if (strcmp(argv[i], long_options[k].name) == 0)
					break;
			if (k == NLONG) {
				sh_err("set: %s: unknown option", argv[i]);
				return 2;
			}
			set_option(long_options[k].letter, on);
			continue;
		}
		for (a++; *a != '\0'; a++)
			if (set_option(*a, on) < 0) {
				sh_err("set: %c%c: unknown option",
				    argv[i][0], *a);
				return 2;
			}
	}
	if (i < argc || strcmp(argv[i - 1], "--") == 0 ||
	    strcmp(argv[i - 1], "-") == 0)
		return pos_set(argc - i, argv + i, 1) < 0 ? 1 : 0;
	return 0;
}

static int bi_shift(int argc, char **argv)
{
	long n = 1;

	if (argc > 2) {
		sh_err("shift: too many arguments");
		return 1;
	}
	if (argc == 2 && (parse_num(argv[1], &n) < 0 || n < 0)) {
		sh_err("shift: %s: bad number", argv[1]);
		return 1;
	}
	if (n > pos_count()) {
		sh_err("shift: can't shift that many");
		return 1;
	}
	pos_shift((int)n);
	return 0;
}

/* break [n] and continue [n]. */
static int loop_control(int argc, char **argv, int *counter)
{
	long n = 1;

	if (argc > 2 || (argc == 2 && (parse_num(argv[1], &n) < 0 ||
	    n < 1))) {
		sh_err("%s: bad loop count", argv[0]);
		return 1;
	}
	if (sh.loops == 0) {
		sh_err("%s: only meaningful in a loop", argv[0]);
		return 0;
	}
	*counter = n > sh.loops ? sh.loops : (int)n;
	return 0;
}

static int bi_break(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.breaking);
}

static int bi_continue(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.continuing);
}

static int bi_return(int argc, char **argv)
{
	long n = sh.status;

	if (argc > 2 || (argc == 2 && parse_num(argv[1], &n) < 0)) {
		sh_err("return: bad number");
		n = 2;
	}
	if (sh.funcs == 0) {
		sh_err("return: not in a function");
		return 1;
	}
	sh.returning = 1;
	sh.status = (int)(n & 0xff);
	return sh.status;
}

/* Split the line at IFS into the variables (the last takes the rest). */
static int read_assign(char **names, int nnames, const char *line,
	const char *esc)
{
	const char *ifs = var_get("IFS");
	struct strbuf f = { NULL, 0, 0 };
	size_t len = strlen(line), end;
	int i, st = 0;

#define IS_IFS(k)	(!esc[k] && strchr(ifs, line[k]) != NULL)
#define IS_WS(k)	(IS_IFS(k) && strchr(" \t\n", line[k]) != NULL)
	if (ifs == NULL)
		ifs = " \t\n";
	end = 0;
	while (end < len && IS_WS(end))
		end++;
	for (i = 0; i < nnames; i++) {
		f.len = 0;
		if (i == nnames - 1) {
			size_t last = len;

			while (last > end && IS_WS(last - 1))
				last--;
			if (sb_put(&f, line + end, last - end) < 0)
				st = -1;
			end = len;
		} else {
			while (end < len && !IS_IFS(end))
				if (sb_putc(&f, line[end++]) < 0)
					st = -1;
			/* Skip one delimiter with the blanks around it. */
			while (end < len && IS_WS(end))
				end++;
			if (end < len && IS_IFS(end) && !IS_WS(end))
				end++;
			while (end < len && IS_WS(end))
				end++;
		}
		if (sb_putc(&f, '\0') < 0 ||
		    var_set(names[i], strlen(names[i]), f.s, 0) < 0)
			st = -1;
	}
#undef IS_IFS
#undef IS_WS
	sb_free(&f);
	return st;
}

static int bi_read(int argc, char **argv)
{
	struct strbuf line = { NULL, 0, 0 }, esc = { NULL, 0, 0 };
	int i = 1, raw = 0, eof = 0, st, quoted = 0;
	ssize_t r;
	char c;

	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		raw = 1;
		i = 2;
	}
	for (st = i; st < argc; st++)
		if (!sh_valid_name(argv[st], strlen(argv[st]))) {
			sh_err("read: %s: bad variable name", argv[st]);
			return 2;
		}
	for (;;) {
		r = read(0, &c, 1);
		if (r < 0 && errno == EINTR) {
			if (got_sigint) {
				sb_free(&line);
				sb_free(&esc);
				return 128 + SIGINT;
			}
			continue;
		}
		if (r < 0) {
			sh_err("read: %s", strerror(errno));
			eof = 1;
			break;
		}
		if (r == 0) {
			eof = 1;
			break;
		}
		if (quoted) {
			quoted = 0;
			if (c == '\n')
				continue;	/* a continued line */
			if (sb_putc(&line, c) < 0 || sb_putc(&esc, 1) < 0)
				break;
			continue;
		}
		if (c == '\n')
			break;
		if (c == '\\' && !raw) {
			quoted = 1;
			continue;
		}
		if (sb_putc(&line, c) < 0 || sb_putc(&esc, 0) < 0)
			break;
	}
	if (sb_putc(&line, '\0') < 0 || sb_putc(&esc, 0) < 0) {
		sb_free(&line);
		sb_free(&esc);
		return 2;
	}
	if (i == argc)
		st = var_set("REPLY", 5, line.s, 0);
	else
		st = read_assign(argv + i, argc - i, line.s, esc.s);
	sb_free(&line);
	sb_free(&esc);
	if (st < 0)
		return 2;
	return eof ? 1 : 0;
}

static int bi_eval(int argc, char **argv)
{
	struct strbuf b = { NULL, 0, 0 };
	int i, st;

	for (i = 1; i < argc; i++)
		if ((i > 1 && sb_putc(&b, ' ') < 0) ||
		    sb_put(&b, argv[i], strlen(argv[i])) < 0) {
			sb_free(&b);
			return 2;
		}
	if (b.s == NULL)
		return 0;
	if (sb_putc(&b, '\0') < 0)
		return 2;
	st = eval_string(b.s, NULL);
	sb_free(&b);
	return st;
}

/* The file . reads: a path, or a name looked up in PATH. */
static int dot_open(const char *name)
{
	const char *dirs = var_get("PATH"), *end;
	char path[SH_PATH_MAX];
	size_t dlen;
	int fd;

	if (strchr(name, '/') != NULL || dirs == NULL)
		return open(name, O_RDONLY);
	for (;;) {
		end = strchr(dirs, ':');
		dlen = end != NULL ? (size_t)(end - dirs) : strlen(dirs);
		if (dlen + 1 + strlen(name) < sizeof(path)) {
			snprintf(path, sizeof(path), "%.*s%s%s", (int)dlen,
			    dirs, dlen > 0 ? "/" : "", name);
			if ((fd = open(path, O_RDONLY)) >= 0)
				return fd;
		}
		if (end == NULL)
			break;
		dirs = end + 1;
	}
	return open(name, O_RDONLY);
}

static int bi_dot(int argc, char **argv)
{
	struct strbuf text = { NULL, 0, 0 };
	char buf[512];
	void *saved = NULL;
	ssize_t n;
	int fd, st;

	if (argc < 2) {
		sh_err("%s: file name expected", argv[0]);
		return 2;
	}
	if (sh.funcs >= SH_EVAL_MAX) {
		sh_err("%s: %s: nested too deeply", argv[0], argv[1]);
		return expand_failed();
	}
	if ((fd = dot_open(argv[1])) < 0) {
		sh_err("%s: %s: %s", argv[0], argv[1], strerror(errno));
		return expand_failed();
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (text.len + (size_t)n > SH_TEXT_MAX ||
		    sb_put(&text, buf, (size_t)n) < 0) {
			sh_err("%s: %s: file too long", argv[0], argv[1]);
			close(fd);
			sb_free(&text);
			return 2;
		}
	close(fd);
	if (sb_putc(&text, '\0') < 0)
		return 2;
	if (argc > 2) {
		saved = pos_save();
		pos_set(argc - 2, argv + 2, 1);
	}
	sh.funcs++;
	st = eval_string(text.s, argv[1]);
	if (sh.returning) {
		sh.returning = 0;
		st = sh.status;
	}
	sh.funcs--;
	if (argc > 2)
		pos_restore(saved);
	sb_free(&text);
	return st;
}

static int bi_exec(int argc, char **argv)
{
	if (argc > 1)
		exec_external(argv + 1, NULL, 0);
	return 0;
}

static int bi_help(int argc, char **argv);

static const struct builtin {
	const char *name;
	builtin_fn fn;
	int special;
	const char *help;
} builtins[] = {
	{ ":",		bi_true,	1, "do nothing, successfully" },
	{ "[",		bi_test,	0, "[ EXPR ]: the same as test" },
	{ ".",		bi_dot,		1,
	    ". FILE [ARG...]: run FILE in this shell" },
	{ "bg",		bi_bg,		0,
	    "bg [%N]: continue a stopped job in the background" },
	{ "break",	bi_break,	1, "break [N]: leave N loops" },
	{ "cd",		bi_cd,		0, "cd [DIR | -]: change directory" },
	{ "continue",	bi_continue,	1,
	    "continue [N]: next round of the Nth loop" },
	{ "echo",	bi_echo,	0,
	    "echo [-n] [ARG...]: print the arguments" },
	{ "eval",	bi_eval,	1,
	    "eval [ARG...]: run the arguments as commands" },
	{ "exec",	bi_exec,	1,
	    "exec [CMD [ARG...]]: replace the shell, or keep redirections" },
	{ "exit",	bi_exit,	1, "exit [N]: leave the shell" },
	{ "export",	bi_export,	1,
	    "export [NAME[=VALUE]...]: give variables to commands" },
	{ "false",	bi_false,	0, "fail" },
	{ "fg",		bi_fg,		0,
	    "fg [%N]: bring a job to the foreground" },
	{ "help",	bi_help,	0, "help: list the builtins" },
	{ "jobs",	bi_jobs,	0, "jobs: list the jobs" },
	{ "kill",	bi_kill,	0,
	    "kill [-SIG | -s SIG] PID|%N... | -l: send a signal" },
	{ "pwd",	bi_pwd,		0, "pwd: print the working directory" },
	{ "read",	bi_read,	0,
	    "read [-r] [NAME...]: read a line into variables" },
	{ "return",	bi_return,	1, "return [N]: leave a function" },
	{ "set",	bi_set,		1,
	    "set [-+efux] [-o OPT] [--] [ARG...]: options, $1..." },
	{ "shift",	bi_shift,	1,
	    "shift [N]: drop the first N parameters" },
	{ "source",	bi_dot,		1,
	    "source FILE [ARG...]: the same as ." },
	{ "test",	bi_test,	0,
	    "test EXPR: check files, strings, numbers" },
	{ "true",	bi_true,	0, "succeed" },
	{ "unset",	bi_unset,	1,
	    "unset [-f | -v] NAME...: remove variables or functions" },
	{ "wait",	bi_wait,	0,
	    "wait [PID | %N...]: wait for background jobs" },
};

#define NBUILTINS	(sizeof(builtins) / sizeof(builtins[0]))

static int bi_help(int argc, char **argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	for (i = 0; i < NBUILTINS; i++)
		out(1, "%-9s %s\n", builtins[i].name, builtins[i].help);
	return 0;
}

builtin_fn find_builtin(const char *name, int *special)
{
	size_t i;

	for (i = 0; i < NBUILTINS; i++)
		if (strcmp(builtins[i].name, name) == 0) {
			*special = builtins[i].special;
			return builtins[i].fn;
		}
	return NULL;
}

int is_exec_builtin(builtin_fn fn)
{
	return fn == bi_exec;
}
