/* t_cmds.c - in-guest tests of the commands in /bin: each runs command
 * lines with /bin/sh -c (stdout and stderr into one pipe) or a program
 * directly, and checks the exact output and exit status.  The files come
 * from tools/mkroot.sh: /test/words, /test/lines, /test/table (copies of
 * rootfs/test), /test/odc and /test/tree.  The writing commands work
 * under /tmp/cw here, and on the host too (tests/host/cmds.sh).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "t_cmds.h"
#include "tu.h"

#define OUT_MAX	4096

/* Run argv (NULL env: ours) with stdout and stderr on one pipe; the
 * output into out, the exit status (or -1, or 256 + signal). */
static int run(char *const argv[], char *out, size_t max)
{
	int st = tu_capture(argv, NULL, 1, out, max);

	if (st < 0)
		return -1;
	if (WIFSIGNALED(st))
		return 256 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* Compare; on a difference fill reason and return 1. */
static int expect(int line, const char *what, const char *got, int got_st,
	const char *want, int want_st)
{
	if (got_st == want_st && strcmp(got, want) == 0)
		return 0;
	snprintf(reason, sizeof(reason), "line %d: %s: status %d (want %d), "
	    "output \"%.80s\" (want \"%.80s\")", line, what, got_st, want_st,
	    got, want);
	return 1;
}

/* SH(cmd, want, status): /bin/sh -c cmd prints exactly want. */
#define SH(cmd, want, status)						\
	do {								\
		static char out_[OUT_MAX];				\
		char *argv_[] = { "/bin/sh", "-c", (cmd), NULL };	\
		int st_ = run(argv_, out_, sizeof(out_));		\
		if (expect(__LINE__, (cmd), out_, st_, (want), (status))) \
			return 1;					\
	} while (0)

/* RUN(status, want, argv...): the program itself, no shell. */
#define RUN(status, want, ...)						\
	do {								\
		static char out_[OUT_MAX];				\
		char *argv_[] = { __VA_ARGS__, NULL };			\
		int st_ = run(argv_, out_, sizeof(out_));		\
		if (expect(__LINE__, argv_[0], out_, st_, (want), (status))) \
			return 1;					\
	} while (0)

int test_cmd_sort_uniq(void)
{
	SH("printf 'b\\na\\nb\\n' | sort | uniq -c", "      1 a\n      2 b\n", 0);
	SH("printf 'a\\na\\nb\\nc\\nc\\n' | uniq -d", "a\nc\n", 0);
	SH("printf 'a\\na\\nb\\nc\\nc\\n' | uniq -u", "b\n", 0);
	SH("sort -u /test/words | head -n 3", "Banana\napple\napple pie\n", 0);
	return 0;
}

int test_cmd_head(void)
{
	SH("head -c 10 /dev/zero | wc -c", "10\n", 0);
	SH("cat /dev/zero | head -c 10 | wc -c", "10\n", 0);
	SH("head -n 3 /test/lines", "line 1\nline 2\nline 3\n", 0);
	SH("head -c 9 /test/words", "apple\nban", 0);
	SH("head -n 1 /test/words /test/lines",
	    "==> /test/words <==\napple\n\n==> /test/lines <==\nline 1\n", 0);
	SH("head /test/nofile", "head: /test/nofile: No such file or directory\n", 1);
	return 0;
}

int test_cmd_tail(void)
{
	SH("tail -n 2 /test/lines", "line 29\nline 30\n", 0);
	SH("tail -n +29 /test/lines", "line 29\nline 30\n", 0);
	SH("tail -c 4 /test/words", "pie\n", 0);
	SH("cat /test/lines | tail -n 1", "line 30\n", 0);
	return 0;
}

int test_cmd_wc(void)
{
	SH("wc /test/words", "10 11 69 /test/words\n", 0);
	SH("wc -l /test/words /test/lines",
	    "10 /test/words\n30 /test/lines\n40 total\n", 0);
	SH("wc -c < /test/1m", "1048576\n", 0);
	SH("cat /test/words | wc -w", "11\n", 0);
	return 0;
}

int test_cmd_grep(void)
{
	SH("grep -c apple /test/words", "3\n", 0);
	SH("grep -n anana /test/words", "2:banana\n6:Banana\n", 0);
	SH("grep -i -v a /test/words", "cherry\nelderberry\nfig\n", 0);
	SH("grep -l fig /test/words /test/lines", "/test/words\n", 0);
	SH("grep -q kiwi /test/words", "", 1);
	SH("grep 'r[ry]*y' /test/words", "cherry\nelderberry\n", 0);
	SH("grep -E '^(fig|grape)$' /test/words", "fig\ngrape\n", 0);
	SH("grep '\\(.\\)\\1' /test/words | wc -l", "5\n", 0);
	SH("grep '^line [0-9]\\{2\\}$' /test/lines | grep -c 2",
	    "11\n", 0);
	SH("grep x /test/nofile", "grep: /test/nofile: No such file or directory\n", 2);
	return 0;
}

int test_cmd_od(void)
{
	SH("od -c /test/odc", "0000000   h   i  \\t   t   h   e   r   e  \\n"
	    "  \\0 001 377   ~\n0000015\n", 0);
	SH("od -x /test/odc", "0000000 6968 7409 6568 6572 000a ff01 007e\n"
	    "0000015\n", 0);
	SH("od /test/odc", "0000000 064550 072011 062550 062562 000012 177401 "
	    "000176\n0000015\n", 0);
	SH("head -c 100 /dev/zero | od -b",
	    "0000000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000\n"
	    "*\n0000140 000 000 000 000\n0000144\n", 0);
	return 0;
}

int test_cmd_test(void)
{
	RUN(0, "", "/bin/test", "-f", "/test/words");
	RUN(1, "", "/bin/test", "-d", "/test/words");
	RUN(0, "", "/bin/[", "-d", "/test/tree", "]");
	RUN(1, "", "/bin/[", "-e", "/test/nofile", "]");
	RUN(0, "", "/bin/test", "-s", "/test/one");
	RUN(1, "", "/bin/test", "-s", "/test/empty");
	RUN(0, "", "/bin/test", "-x", "/bin/sh");
	RUN(0, "", "/bin/test", "-z", "");
	RUN(0, "", "/bin/test", "-n", "x");
	RUN(0, "", "/bin/[", "abc", "=", "abc", "]");
	RUN(0, "", "/bin/[", "abc", "!=", "abd", "]");
	RUN(0, "", "/bin/test", "12", "-gt", "-3");
	RUN(1, "", "/bin/test", "2", "-le", "1");
	RUN(0, "", "/bin/test", "!", "a", "=", "b", "-a", "(", "1", "-eq", "1", ")");
	RUN(0, "", "/bin/test", "a", "=", "b", "-o", "c");
	RUN(1, "", "/bin/test");
	RUN(2, "[: missing ]\n", "/bin/[", "a", "=", "a");
	RUN(2, "test: x: integer expected\n", "/bin/test", "x", "-eq", "1");
	return 0;
}

int test_cmd_seq_yes(void)
{
	SH("seq 3", "1\n2\n3\n", 0);
	SH("seq 10 -3 0", "10\n7\n4\n1\n", 0);
	SH("seq -2 0", "-2\n-1\n0\n", 0);
	SH("yes | head -n 2", "y\ny\n", 0);
	SH("yes ab c | head -n 1", "ab c\n", 0);
	return 0;
}

int test_cmd_names(void)
{
	SH("basename /a/b/c.txt .txt; basename /a/b/; basename /",
	    "c\nb\n/\n", 0);
	SH("dirname /a/b/c; dirname c; dirname /c; dirname a//b//",
	    "/a/b\n.\n/\na\n", 0);
	return 0;
}

int test_cmd_env(void)
{
	RUN(0, "A=1\nB=two\n", "/bin/env", "-i", "A=1", "B=two");
	RUN(0, "y\n", "/bin/env", "-i", "X=y", "/bin/sh", "-c", "echo $X");
	RUN(0, "z\n", "/bin/env", "Q=z", "sh", "-c", "echo $Q");
	RUN(127, "env: nosuchcmd: No such file or directory\n", "/bin/env",
	    "nosuchcmd");
	SH("env | grep -c '^PATH='", "1\n", 0);
	return 0;
}

int test_cmd_which(void)
{
	SH("which sh", "/bin/sh\n", 0);
	SH("which ls nosuchcmd cat", "/bin/ls\n/bin/cat\n", 1);
	SH("which [", "/bin/[\n", 0);
	return 0;
}

int test_cmd_cat_n(void)
{
	SH("cat -n /test/words | head -n 2", "     1\tapple\n     2\tbanana\n", 0);
	SH("cat -n /test/one /test/one", "     1\txx", 0);
	SH("tail -n 1 /test/lines | cat -n -u", "     1\tline 30\n", 0);
	return 0;
}

int test_cmd_ls_R(void)
{
	SH("ls -R /test/tree", "/test/tree:\na\nsub\n\n/test/tree/sub:\nb\ndeep\n\n"
	    "/test/tree/sub/deep:\nc\n", 0);
	SH("cd /test/tree/sub && ls -R", ".:\nb\ndeep\n\n./deep:\nc\n", 0);
	SH("ls -R /test | grep ':$'", "/test:\n/test/dir500:\n/test/tree:\n"
	    "/test/tree/sub:\n/test/tree/sub/deep:\n", 0);
	SH("ls -R /test | grep -c '^f[0-9][0-9][0-9]$'", "500\n", 0);
	SH("ls -l /test/tree/sub | grep -c '^d'", "1\n", 0);
	SH("ls /bin | grep -c '^\\[$'", "1\n", 0);
	return 0;
}

int test_cmd_date(void)
{
	SH("date +%Y | grep -c '^[0-9][0-9][0-9][0-9]$'", "1\n", 0);
	SH("date | grep -c '^[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 1-3][0-9] "
	    "[0-2][0-9]:[0-5][0-9]:[0-6][0-9] UTC [0-9]*$'", "1\n", 0);
	SH("date -r 0", "Thu Jan  1 00:00:00 UTC 1970\n", 0);
	SH("date -r 1796163539 '+%F %T %j %a'", "2026-12-01 22:18:59 335 Tue\n", 0);
	return 0;
}

int test_cmd_printf(void)
{
	SH("printf '%s-%03d|%x\\n' a 7 255 b 8 16", "a-007|ff\nb-008|10\n", 0);
	SH("printf '[%5s][%-3d][%c]\\t%%\\n' ab 1 xyz", "[   ab][1  ][x]\t%\n", 0);
	SH("printf '\\101\\n'", "A\n", 0);
	SH("printf '%d\\n' 1x", "printf: 1x: invalid number\n1\n", 1);
	return 0;
}

int test_cmd_cut_tr(void)
{
	SH("cut -d: -f1,3 /test/table | head -n 2", "root:0\ndaemon:1\n", 0);
	SH("cut -c 1-4,6 /test/lines | tail -n 1", "line3\n", 0);
	SH("head -n 1 /test/words | tr a-z A-Z", "APPLE\n", 0);
	SH("echo 'a   b' | tr -s ' '", "a b\n", 0);
	SH("echo hello | tr -d l", "heo\n", 0);
	SH("tr '\\n' , < /test/words | cut -c 1-12", "apple,banana\n", 0);
	return 0;
}

int test_cmd_sort(void)
{
	SH("sort -t: -k3 -n /test/table | cut -d: -f1",
	    "root\ndaemon\nbin\nuser\nnobody\n", 0);
	SH("sort -r /test/words | head -n 2", "grape\nfig\n", 0);
	SH("printf '10\\n9\\n100\\n' | sort -n", "9\n10\n100\n", 0);
	SH("printf '10\\n9\\n100\\n' | sort", "10\n100\n9\n", 0);
	return 0;
}

int test_cmd_uname(void)
{
	SH("uname", "Minix\n", 0);
	SH("uname -a", "Minix minix 0.7 minix-grants i386\n", 0);
	SH("uname -sm", "Minix i386\n", 0);
	return 0;
}

int test_cmd_tee_more(void)
{
	SH("echo hi | tee /dev/null", "hi\n", 0);
	SH("echo x | tee /tmp/tee1 /tmp/tee2 && cat /tmp/tee1 /tmp/tee2 && "
	    "rm /tmp/tee1 /tmp/tee2", "x\nx\nx\n", 0);
	SH("echo x | tee /nonexistent/x", "tee: /nonexistent/x: No such file or directory\nx\n", 1);
	SH("more /test/words | wc -l", "10\n", 0);
	return 0;
}

/* The writing commands on the writable root, and their messages. */
int test_cmd_writes(void)
{
	SH("mkdir -p /test/tree/sub", "", 0);
	SH("mkdir -p /tmp/cw/x/y && ls /tmp/cw/x", "y\n", 0);
	SH("mkdir /test/tree", "mkdir: /test/tree: File exists\n", 1);
	SH("rm -f /test/nofile", "", 0);
	SH("rm /test/tree", "rm: /test/tree: Is a directory\n", 1);
	SH("cp -r /test/tree /tmp/cw/tree && cat /tmp/cw/tree/sub/deep/c",
	    "c\n", 0);
	SH("cp /test/tree /tmp/x", "cp: /test/tree: is a directory (not copied)\n", 1);
	SH("mv /tmp/cw/tree/a /tmp/cw/a2 && cat /tmp/cw/a2", "a\n", 0);
	SH("rm -r /tmp/cw; test -e /tmp/cw; echo $?", "1\n", 0);
	SH("ls /test/tree/sub/deep", "c\n", 0);
	return 0;
}

int test_cmd_usage(void)
{
	SH("head -z", "head: illegal option -- z\n"
	    "usage: head [-n N] [-c N] [file ...]\n", 1);
	SH("grep -y x", "grep: illegal option -- y\nusage: grep "
	    "[-EFcilnqsvx] [-e pattern] ... [pattern] [file ...]\n", 2);
	SH("wc -k", "wc: illegal option -- k\nusage: wc [-lwc] [file ...]\n", 1);
	SH("sort -k 0", "sort: invalid key: 0\n", 2);
	SH("ls -q /", "ls: illegal option -- q\nusage: ls [-alR] [path ...]\n", 2);
	return 0;
}
