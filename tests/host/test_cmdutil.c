/* test_cmdutil.c - host unit tests for lib/cmdutil, the helpers the
 * commands share: cmd_escape(), cmd_number() (its error exits in a
 * child), cmd_kill_opts() (with our str2sig(), renamed by
 * sig2str-host.h, on the host's signal numbers) and cmd_files() (on
 * files it makes, stdout unbuffered and with stderr into one file).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "sig2str-host.h"
#include "../../lib/libc/sig2str.c"
#include "../../lib/cmdutil/escape.c"
#include "../../lib/cmdutil/number.c"
#include "../../lib/cmdutil/killopts.c"
#include "../../lib/cmdutil/files.c"
#include "tap.h"

/* cmd_escape on s (after the backslash): the byte, -1; *used the bytes
 * it took.
 */
static int esc(const char *s, int *used)
{
	const char *p = s;
	int c = cmd_escape(&p);

	*used = (int)(p - s);
	return c;
}

static void test_escape(void)
{
	static const struct { const char *s; int c, used; } t[] = {
		{ "n", '\n', 1 }, { "t", '\t', 1 }, { "\\", '\\', 1 },
		{ "a", '\a', 1 }, { "b", '\b', 1 }, { "f", '\f', 1 },
		{ "r", '\r', 1 }, { "v", '\v', 1 }, { "101x", 'A', 3 },
		{ "0", 0, 1 }, { "12", 10, 2 }, { "1234", 0123, 3 },
		{ "777", 0377, 3 }, { "400", 0, 3 }, { "8", -1, 0 },
		{ "x", -1, 0 }, { "\"", -1, 0 }, { "c", -1, 0 }, { "", -1, 0 },
	};
	char name[64];
	size_t i;
	int used, c;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		c = esc(t[i].s, &used);
		snprintf(name, sizeof(name), "cmd_escape \\%s", t[i].s);
		CHECK(c == t[i].c && used == t[i].used, name);
	}
}

/* cmd_number(s, min) in a child: its value (exit 0 and it on a pipe)
 * or the exit status + 1000 with its message in msg.
 */
static long long number_in_child(const char *s, long long min, char *msg,
	size_t max)
{
	int out[2], err[2], st;
	long long v = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(out) < 0 || pipe(err) < 0)
		return -9999;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(err[1], 2);
		v = cmd_number("prog", s, min);
		if (write(out[1], &v, sizeof(v)) != (ssize_t)sizeof(v))
			_exit(3);
		_exit(0);
	}
	close(out[1]);
	close(err[1]);
	n = read(err[0], msg, max - 1);
	msg[n > 0 ? n : 0] = '\0';
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
	    read(out[0], &v, sizeof(v)) != (ssize_t)sizeof(v))
		v = 1000 + (WIFEXITED(st) ? WEXITSTATUS(st) : 99);
	close(out[0]);
	close(err[0]);
	return v;
}

static void test_number(void)
{
	char msg[128];

	CHECK(number_in_child("42", 0, msg, sizeof(msg)) == 42 && !*msg,
	    "cmd_number 42");
	CHECK(number_in_child("-7", -10, msg, sizeof(msg)) == -7,
	    "cmd_number -7, at least -10");
	CHECK(number_in_child("+5", 0, msg, sizeof(msg)) == 5,
	    "cmd_number +5");
	CHECK(number_in_child("-7", 0, msg, sizeof(msg)) == 1001 &&
	    strcmp(msg, "prog: invalid number: -7\n") == 0,
	    "cmd_number -7, at least 0: the message, status 1");
	CHECK(number_in_child("12x", 0, msg, sizeof(msg)) == 1001 &&
	    strcmp(msg, "prog: invalid number: 12x\n") == 0,
	    "cmd_number 12x refused");
	CHECK(number_in_child("", 0, msg, sizeof(msg)) == 1001,
	    "cmd_number empty refused");
	CHECK(number_in_child("99999999999999999999", 0, msg,
	    sizeof(msg)) == 1001, "cmd_number out of range refused");
}

/* cmd_kill_opts on the words of line (at most 7). */
static int kopts(const char *line, int *sig, const char **name)
{
	static char buf[128];
	char *argv[8], *w;
	int argc = 0;

	snprintf(buf, sizeof(buf), "kill %s", line);
	for (w = strtok(buf, " "); w != NULL && argc < 7; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	return cmd_kill_opts(argc, argv, sig, name);
}

static void test_kill_opts(void)
{
	const char *name;
	int sig;

	CHECK(kopts("5", &sig, &name) == 1 && sig == SIGTERM && !name,
	    "kill 5: SIGTERM");
	CHECK(kopts("-9 5", &sig, &name) == 2 && sig == 9,
	    "kill -9 5");
	CHECK(kopts("-HUP 5", &sig, &name) == 2 && sig == SIGHUP,
	    "kill -HUP 5");
	CHECK(kopts("-SIGKILL -- -5", &sig, &name) == 3 && sig == SIGKILL,
	    "kill -SIGKILL -- -5");
	CHECK(kopts("-s CONT 5", &sig, &name) == 3 && sig == SIGCONT,
	    "kill -s CONT 5");
	CHECK(kopts("-s SIGINT -- 5", &sig, &name) == 4 && sig == SIGINT,
	    "kill -s SIGINT -- 5");
	CHECK(kopts("-- -5", &sig, &name) == 2 && sig == SIGTERM,
	    "kill -- -5");
	CHECK(kopts("-0 5", &sig, &name) == 2 && sig == 0, "kill -0 5");
	CHECK(kopts("-FOO 5", &sig, &name) == -1 && strcmp(name, "FOO") == 0,
	    "kill -FOO: unknown, named");
	CHECK(kopts("-s", &sig, &name) == -1 && strcmp(name, "s") == 0,
	    "kill -s alone: the signal s");
	CHECK(kopts("", &sig, &name) == 1, "kill: no operand at 1");
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

/* fn for cmd_files: copy the file, fail on one starting with '!'. */
static int copy(FILE *f)
{
	int c = getc(f);

	if (c == '!') {
		errno = EIO;
		return -1;
	}
	for (; c != EOF; c = getc(f))
		putchar(c);
	return 0;
}

/* cmd_files on names, stdout and stderr into one file; its text. */
static int files(char **names, int n, char *text, size_t max)
{
	char path[] = "/tmp/test_cmdutil.XXXXXX";
	int fd = mkstemp(path), save1 = dup(1), save2 = dup(2), st;
	ssize_t got;

	fflush(stdout);
	dup2(fd, 1);
	dup2(fd, 2);
	st = cmd_files("prog", names, n, copy);
	fflush(stdout);
	dup2(save1, 1);
	dup2(save2, 2);
	close(save1);
	close(save2);
	lseek(fd, 0, SEEK_SET);
	got = read(fd, text, max - 1);
	text[got > 0 ? got : 0] = '\0';
	close(fd);
	unlink(path);
	return st;
}

static void test_files(void)
{
	char dir[] = "/tmp/test_cmdutil_d.XXXXXX", a[64], b[64], bad[64];
	char nofile[64], text[512], want[512];
	char *one[1], *three[3], *two[2];

	if (mkdtemp(dir) == NULL) {
		CHECK(0, "mkdtemp");
		return;
	}
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	snprintf(bad, sizeof(bad), "%s/bad", dir);
	snprintf(nofile, sizeof(nofile), "%s/none", dir);
	put(a, "A\n");
	put(b, "B\n");
	put(bad, "!\n");
	one[0] = a;
	CHECK(files(one, 1, text, sizeof(text)) == 0 &&
	    strcmp(text, "A\n") == 0, "cmd_files: one file, no header");
	three[0] = a, three[1] = nofile, three[2] = b;
	snprintf(want, sizeof(want), "==> %s <==\nA\nprog: %s: No such file "
	    "or directory\n\n==> %s <==\nB\n", a, nofile, b);
	CHECK(files(three, 3, text, sizeof(text)) == 1 &&
	    strcmp(text, want) == 0,
	    "cmd_files: headers, a missing file reported, status 1");
	two[0] = bad, two[1] = a;
	snprintf(want, sizeof(want), "==> %s <==\nprog: %s: %s\n\n==> %s "
	    "<==\nA\n", bad, bad, strerror(EIO), a);
	CHECK(files(two, 2, text, sizeof(text)) == 1 &&
	    strcmp(text, want) == 0, "cmd_files: a failing file, status 1");
	unlink(a);
	unlink(b);
	unlink(bad);
	rmdir(dir);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);	/* in order with stderr */
	test_escape();
	test_number();
	test_kill_opts();
	test_files();
	return tap_done();
}
