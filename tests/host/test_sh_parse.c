/* test_sh_parse.c - host unit tests for the shell's parser and word
 * expander (commands/sh/parse.c): the AST built for lists, pipelines,
 * and-or lists and redirections, syntax errors and incomplete input,
 * limits, and quote removal, variable expansion and field splitting.
 */
#include <stdio.h>
#include <string.h>

#include "../../commands/sh/parse.c"
#include "tap.h"

static struct sh_prog prog;

/* CHECK() evaluates its condition twice; this evaluates it once. */
#define OK(c, name)                                                      \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

static int parse(const char *src)
{
	return sh_parse(&prog, src);
}

static int streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* A fixed set of variables for the expander. */
static const char *look(void *ctx, const char *name)
{
	(void)ctx;
	if (strcmp(name, "?") == 0)
		return "3";
	if (strcmp(name, "$") == 0)
		return "42";
	if (strcmp(name, "HOME") == 0)
		return "/home/u";
	if (strcmp(name, "A") == 0)
		return "one";
	if (strcmp(name, "SP") == 0)
		return "  a  b ";
	if (strcmp(name, "E") == 0)
		return "";
	if (strcmp(name, "1") == 0)
		return "first";
	return NULL;
}

static char xout[256];
static char xjoined[256];
static char xerr[SH_ERR_MAX];

/* Expand raw into xjoined, fields separated by '|'; returns the count. */
static int expand(const char *raw, int flags)
{
	size_t used = 0, at = 0, len;
	int n, i;

	xjoined[0] = '\0';
	xerr[0] = '\0';
	n = sh_expand_word(raw, flags, look, NULL, xout, sizeof(xout), &used,
	    xerr, sizeof(xerr));
	for (i = 0; i < n; i++) {
		len = strlen(xout + at);
		if (i > 0)
			strcat(xjoined, "|");
		strcat(xjoined, xout + at);
		at += len + 1;
	}
	if (n >= 0 && at != used)
		return -100;	/* the fields do not account for *used */
	return n;
}

static void test_simple(void)
{
	const struct sh_cmd *c;

	CHECK_EQ(parse("echo hello world\n"), SH_PARSE_OK, "simple: parses");
	CHECK_EQ(prog.nlist, 1, "simple: one list");
	CHECK_EQ(prog.list[0].npipe, 1, "simple: one pipeline");
	CHECK_EQ(prog.list[0].pipe[0].ncmd, 1, "simple: one command");
	c = &prog.list[0].pipe[0].cmd[0];
	CHECK_EQ(c->argc, 3, "simple: three words");
	OK(streq(c->argv[0], "echo"), "simple: argv[0]");
	OK(streq(c->argv[2], "world"), "simple: argv[2]");
	CHECK_EQ(c->nredir, 0, "simple: no redirections");
	CHECK_EQ(prog.list[0].background, 0, "simple: foreground");

	CHECK_EQ(parse(""), SH_PARSE_OK, "empty input parses");
	CHECK_EQ(prog.nlist, 0, "empty input: no lists");
	CHECK_EQ(parse("   \t \n\n"), SH_PARSE_OK, "blank lines parse");
	CHECK_EQ(prog.nlist, 0, "blank lines: no lists");
	CHECK_EQ(parse("# just a comment\n"), SH_PARSE_OK, "comment parses");
	CHECK_EQ(prog.nlist, 0, "comment: no lists");
	CHECK_EQ(parse("echo a # b c\n"), SH_PARSE_OK, "trailing comment");
	CHECK_EQ(prog.cmds[0].argc, 2, "trailing comment: dropped");
	CHECK_EQ(parse("echo a#b\n"), SH_PARSE_OK, "# inside a word");
	OK(streq(prog.cmds[0].argv[1], "a#b"), "# inside a word is literal");
}

static void test_lists(void)
{
	CHECK_EQ(parse("a; b & c\n"), SH_PARSE_OK, "list: parses");
	CHECK_EQ(prog.nlist, 3, "list: three and-or lists");
	CHECK_EQ(prog.list[0].background, 0, "list: a foreground");
	CHECK_EQ(prog.list[1].background, 1, "list: b background");
	CHECK_EQ(prog.list[2].background, 0, "list: c foreground");
	CHECK_EQ(parse("sleep 1 &\n"), SH_PARSE_OK, "trailing & parses");
	CHECK_EQ(prog.nlist, 1, "trailing &: one list");
	CHECK_EQ(prog.list[0].background, 1, "trailing &: background");
	CHECK_EQ(parse("a;\nb\nc;"), SH_PARSE_OK, "newlines separate");
	CHECK_EQ(prog.nlist, 3, "newlines: three lists");
	OK(streq(prog.list[2].pipe[0].cmd[0].argv[0], "c"), "newlines: third");
}

static void test_pipelines(void)
{
	const struct sh_pipeline *pl;

	CHECK_EQ(parse("cat f | grep x | wc -l\n"), SH_PARSE_OK,
	    "pipeline: parses");
	pl = &prog.list[0].pipe[0];
	CHECK_EQ(pl->ncmd, 3, "pipeline: three commands");
	OK(streq(pl->cmd[1].argv[0], "grep"), "pipeline: second is grep");
	CHECK_EQ(pl->cmd[2].argc, 2, "pipeline: wc has two words");
	CHECK_EQ(pl->negate, 0, "pipeline: not negated");
	CHECK_EQ(parse("echo a|cat\n"), SH_PARSE_OK, "pipeline without blanks");
	CHECK_EQ(prog.list[0].pipe[0].ncmd, 2, "pipeline without blanks: 2");
	CHECK_EQ(parse("a |\n\n b\n"), SH_PARSE_OK, "newline after |");
	CHECK_EQ(prog.list[0].pipe[0].ncmd, 2, "newline after |: 2 commands");
	CHECK_EQ(parse("! false\n"), SH_PARSE_OK, "! parses");
	CHECK_EQ(prog.list[0].pipe[0].negate, 1, "! negates");
	OK(streq(prog.list[0].pipe[0].cmd[0].argv[0], "false"),
	    "! is not a word");
}

static void test_andor(void)
{
	const struct sh_andor *ao;

	CHECK_EQ(parse("a && b || c\n"), SH_PARSE_OK, "and-or: parses");
	ao = &prog.list[0];
	CHECK_EQ(prog.nlist, 1, "and-or: one list");
	CHECK_EQ(ao->npipe, 3, "and-or: three pipelines");
	CHECK_EQ(ao->pipe[0].op, SH_OP_AND, "and-or: &&");
	CHECK_EQ(ao->pipe[1].op, SH_OP_OR, "and-or: ||");
	CHECK_EQ(ao->pipe[2].op, SH_OP_END, "and-or: end");
	CHECK_EQ(parse("a && b &\n"), SH_PARSE_OK, "and-or in background");
	CHECK_EQ(prog.list[0].background, 1, "and-or &: background");
	CHECK_EQ(prog.list[0].npipe, 2, "and-or &: both pipelines");
	CHECK_EQ(parse("a | b && c | d\n"), SH_PARSE_OK, "pipes in and-or");
	CHECK_EQ(prog.list[0].pipe[1].ncmd, 2, "pipes in and-or: c | d");
}

static void test_redirs(void)
{
	const struct sh_cmd *c;

	CHECK_EQ(parse("sort < in > out\n"), SH_PARSE_OK, "redir: parses");
	c = &prog.cmds[0];
	CHECK_EQ(c->argc, 1, "redir: words are not arguments");
	CHECK_EQ(c->nredir, 2, "redir: two");
	CHECK_EQ(c->redir[0].type, SH_R_IN, "redir: <");
	CHECK_EQ(c->redir[0].fd, 0, "redir: < is fd 0");
	OK(streq(c->redir[0].word, "in"), "redir: < word");
	CHECK_EQ(c->redir[1].type, SH_R_OUT, "redir: >");
	CHECK_EQ(c->redir[1].fd, 1, "redir: > is fd 1");
	CHECK_EQ(parse("echo x >>log 2>err\n"), SH_PARSE_OK, ">> and 2>");
	c = &prog.cmds[0];
	CHECK_EQ(c->redir[0].type, SH_R_APPEND, ">>: append");
	OK(streq(c->redir[0].word, "log"), ">>: word without blank");
	CHECK_EQ(c->redir[1].fd, 2, "2>: fd 2");
	CHECK_EQ(c->argc, 2, "2>: 2 is not a word");
	CHECK_EQ(parse("cmd 2>&1 <&- a2>b\n"), SH_PARSE_OK, "dup redirections");
	c = &prog.cmds[0];
	CHECK_EQ(c->redir[0].type, SH_R_DUPOUT, "2>&1: dup out");
	OK(streq(c->redir[0].word, "1"), "2>&1: target 1");
	CHECK_EQ(c->redir[1].type, SH_R_DUPIN, "<&-: dup in");
	OK(streq(c->argv[1], "a2"), "a2>b: a2 is a word");
	CHECK_EQ(c->redir[2].fd, 1, "a2>b: fd 1");
	CHECK_EQ(parse("> empty\n"), SH_PARSE_OK, "redirection alone");
	CHECK_EQ(prog.cmds[0].argc, 0, "redirection alone: no words");
	CHECK_EQ(parse("a > f | b\n"), SH_PARSE_OK, "redir in a pipeline");
	CHECK_EQ(prog.cmds[0].nredir, 1, "redir in pipeline: first has it");
	CHECK_EQ(prog.cmds[1].nredir, 0, "redir in pipeline: second not");
}

static void test_assign(void)
{
	const struct sh_cmd *c;

	CHECK_EQ(parse("A=1 B=\"x y\" env C=3\n"), SH_PARSE_OK,
	    "assignments parse");
	c = &prog.cmds[0];
	CHECK_EQ(c->nassign, 2, "two assignments");
	OK(streq(c->assign[1], "B=\"x y\""), "assignment keeps raw quotes");
	CHECK_EQ(c->argc, 2, "C=3 after the command is an argument");
	OK(streq(c->argv[0], "env"), "argv[0] after assignments");
	CHECK_EQ(parse("X=1\n"), SH_PARSE_OK, "assignment alone");
	CHECK_EQ(prog.cmds[0].argc, 0, "assignment alone: no command");
	CHECK_EQ(sh_assignment("NAME=v"), 4, "sh_assignment: name length");
	CHECK_EQ(sh_assignment("1A=v"), 0, "sh_assignment: bad name");
	CHECK_EQ(sh_assignment("=v"), 0, "sh_assignment: empty name");
	CHECK_EQ(sh_assignment("\"A\"=v"), 0, "sh_assignment: quoted name");
	CHECK_EQ(sh_valid_name("_a9", 3), 1, "valid name _a9");
	CHECK_EQ(sh_valid_name("a-b", 3), 0, "invalid name a-b");
}

static void test_quotes_lex(void)
{
	CHECK_EQ(parse("echo 'a | b' \"c ; d\" e\\ f\n"), SH_PARSE_OK,
	    "quoted operators parse");
	CHECK_EQ(prog.cmds[0].argc, 4, "quoted operators: four words");
	OK(streq(prog.cmds[0].argv[1], "'a | b'"), "single quotes raw");
	OK(streq(prog.cmds[0].argv[3], "e\\ f"), "backslash blank raw");
	CHECK_EQ(parse("echo a\\\nb\n"), SH_PARSE_OK, "continuation in word");
	OK(streq(prog.cmds[0].argv[1], "ab"), "continuation removed");
	CHECK_EQ(parse("echo a \\\n b\n"), SH_PARSE_OK, "continuation between");
	CHECK_EQ(prog.cmds[0].argc, 3, "continuation between: 3 words");
	CHECK_EQ(parse("echo $(ls -l | wc) x\n"), SH_PARSE_OK, "$( ) lexed");
	OK(streq(prog.cmds[0].argv[1], "$(ls -l | wc)"), "$( ) kept whole");
	CHECK_EQ(prog.cmds[0].argc, 3, "$( ): one word");
	CHECK_EQ(parse("echo $(a (b)\n"), SH_PARSE_INCOMPLETE, "$( open");
}

static void test_errors(void)
{
	CHECK_EQ(parse("echo a | | b\n"), SH_PARSE_ERROR, "| | is an error");
	OK(streq(prog.err, "syntax error near '|'"), "| | message");
	CHECK_EQ(parse("; ls\n"), SH_PARSE_ERROR, "leading ; is an error");
	OK(streq(prog.err, "syntax error near ';'"), "leading ; message");
	CHECK_EQ(parse("a ;; b\n"), SH_PARSE_ERROR, ";; is an error");
	CHECK_EQ(parse("echo >\n"), SH_PARSE_ERROR, "> without a word");
	OK(streq(prog.err, "syntax error near 'newline'"), "> newline message");
	CHECK_EQ(parse("echo > | x\n"), SH_PARSE_ERROR, "> |");
	CHECK_EQ(parse("& a\n"), SH_PARSE_ERROR, "leading &");
	CHECK_EQ(parse("a & ; b\n"), SH_PARSE_ERROR, "& ;");
	CHECK_EQ(parse("(a)\n"), SH_PARSE_ERROR, "subshell unsupported");
	OK(streq(prog.err, "syntax error near '('"), "( message");
	CHECK_EQ(parse("cat << EOF\n"), SH_PARSE_ERROR, "here-doc unsupported");
	CHECK_EQ(parse("a && || b\n"), SH_PARSE_ERROR, "&& ||");
	CHECK_EQ(parse("a |\n&& b\n"), SH_PARSE_ERROR, "| newline &&");
}

static void test_incomplete(void)
{
	CHECK_EQ(parse("echo 'abc\n"), SH_PARSE_INCOMPLETE, "open ' quote");
	OK(streq(prog.err, "unterminated quote"), "open quote message");
	CHECK_EQ(parse("echo \"abc\n"), SH_PARSE_INCOMPLETE, "open \" quote");
	CHECK_EQ(parse("echo 'a\nb'\n"), SH_PARSE_OK, "quote over lines");
	OK(streq(prog.cmds[0].argv[1], "'a\nb'"), "quote keeps the newline");
	CHECK_EQ(parse("a |\n"), SH_PARSE_INCOMPLETE, "trailing |");
	CHECK_EQ(parse("a &&\n"), SH_PARSE_INCOMPLETE, "trailing &&");
	CHECK_EQ(parse("a ||"), SH_PARSE_INCOMPLETE, "trailing ||, no newline");
	CHECK_EQ(parse("echo a \\\n"), SH_PARSE_INCOMPLETE, "trailing \\");
	CHECK_EQ(parse("echo a\\\n"), SH_PARSE_INCOMPLETE, "trailing \\ in word");
}

static void test_limits(void)
{
	char buf[4 * SH_LINE_MAX];
	int i;

	buf[0] = '\0';
	for (i = 0; i < SH_ARGS_MAX; i++)
		strcat(buf, "a ");
	CHECK_EQ(parse(buf), SH_PARSE_OK, "limit: SH_ARGS_MAX words");
	CHECK_EQ(prog.cmds[0].argc, SH_ARGS_MAX, "limit: all words kept");
	strcat(buf, "a");
	CHECK_EQ(parse(buf), SH_PARSE_ERROR, "limit: one word too many");
	OK(streq(prog.err, "too many arguments"), "limit: message");
	buf[0] = '\0';
	for (i = 0; i <= SH_CMDS_MAX; i++)
		strcat(buf, "a|");
	strcat(buf, "a");
	CHECK_EQ(parse(buf), SH_PARSE_ERROR, "limit: too many commands");
	memset(buf, 'x', sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	CHECK_EQ(parse(buf), SH_PARSE_ERROR, "limit: word too long");
	OK(streq(prog.err, "line too long"), "limit: long message");
}

static void test_expand(void)
{
	CHECK_EQ(expand("plain", SH_X_SPLIT), 1, "expand plain");
	OK(streq(xjoined, "plain"), "expand plain text");
	CHECK_EQ(expand("'a $A b'", SH_X_SPLIT), 1, "single quotes");
	OK(streq(xjoined, "a $A b"), "single quotes: no expansion");
	CHECK_EQ(expand("\"a $A b\"", SH_X_SPLIT), 1, "double quotes");
	OK(streq(xjoined, "a one b"), "double quotes: $A expanded");
	CHECK_EQ(expand("$A", SH_X_SPLIT), 1, "$A");
	OK(streq(xjoined, "one"), "$A value");
	CHECK_EQ(expand("x${A}y", SH_X_SPLIT), 1, "${A}");
	OK(streq(xjoined, "xoney"), "${A} between text");
	CHECK_EQ(expand("$?:$$", SH_X_SPLIT), 1, "$? and $$");
	OK(streq(xjoined, "3:42"), "$? and $$ values");
	CHECK_EQ(expand("$1", SH_X_SPLIT), 1, "$1");
	OK(streq(xjoined, "first"), "$1 value");
	CHECK_EQ(expand("$NOPE", SH_X_SPLIT), 0, "unset unquoted: no field");
	CHECK_EQ(expand("\"$NOPE\"", SH_X_SPLIT), 1, "unset quoted: a field");
	OK(streq(xjoined, ""), "unset quoted: empty");
	CHECK_EQ(expand("''", SH_X_SPLIT), 1, "'' is an empty field");
	CHECK_EQ(expand("$E", SH_X_SPLIT), 0, "empty var: no field");
	CHECK_EQ(expand("$SP", SH_X_SPLIT), 2, "split: two fields");
	OK(streq(xjoined, "a|b"), "split: fields");
	CHECK_EQ(expand("x$SP", SH_X_SPLIT), 3, "split after text");
	OK(streq(xjoined, "x|a|b"), "split after text: fields");
	CHECK_EQ(expand("\"$SP\"", SH_X_SPLIT), 1, "quoted: no split");
	OK(streq(xjoined, "  a  b "), "quoted: blanks kept");
	CHECK_EQ(expand("$SP", 0), 1, "no SPLIT flag: one field");
	CHECK_EQ(expand("a\\ b\\$A", SH_X_SPLIT), 1, "backslashes");
	OK(streq(xjoined, "a b$A"), "backslash escapes");
	CHECK_EQ(expand("\"\\$A \\\" \\n\"", SH_X_SPLIT), 1, "\\ in \"\"");
	OK(streq(xjoined, "$A \" \\n"), "\\ in \"\": only $ ` \" \\");
	CHECK_EQ(expand("~/x", SH_X_SPLIT), 1, "tilde");
	OK(streq(xjoined, "/home/u/x"), "tilde is $HOME");
	CHECK_EQ(expand("a~", SH_X_SPLIT), 1, "tilde inside a word");
	OK(streq(xjoined, "a~"), "tilde inside: literal");
	CHECK_EQ(expand("\"~\"", SH_X_SPLIT), 1, "quoted tilde");
	OK(streq(xjoined, "~"), "quoted tilde: literal");
	CHECK_EQ(expand("$", SH_X_SPLIT), 1, "lone $");
	OK(streq(xjoined, "$"), "lone $ stays");
	CHECK_EQ(expand("a$-b", SH_X_SPLIT), 1, "$ before a non-name");
	OK(streq(xjoined, "a$-b"), "$- stays");
	CHECK_EQ(expand("A=$SP", 0), 1, "assignment: no split");
	OK(streq(xjoined, "A=  a  b "), "assignment value");
	CHECK_EQ(expand("${A", SH_X_SPLIT), -1, "unclosed ${");
	OK(streq(xerr, "bad substitution"), "unclosed ${: message");
	CHECK_EQ(expand("${A-x}", SH_X_SPLIT), -1, "${A-x} unsupported");
	CHECK_EQ(expand("$(ls)", SH_X_SPLIT), -1, "$( ) unsupported");
	CHECK_EQ(expand("`ls`", SH_X_SPLIT), -1, "backquote unsupported");
	OK(streq(xerr, "command substitution not supported"),
	    "backquote message");
}

static void test_expand_limit(void)
{
	char small[8], err[SH_ERR_MAX];
	size_t used = 0;

	CHECK_EQ(sh_expand_word("abcdefgh", 0, look, NULL, small,
	    sizeof(small), &used, err, sizeof(err)), -1,
	    "expand: overflow reported");
	used = 0;
	CHECK_EQ(sh_expand_word("abcdefg", 0, look, NULL, small,
	    sizeof(small), &used, err, sizeof(err)), 1, "expand: exact fit");
	CHECK_EQ(used, 8, "expand: exact fit uses all");
	used = 0;
	CHECK_EQ(sh_expand_word("ab", 0, look, NULL, small, sizeof(small),
	    &used, err, sizeof(err)), 1, "expand: first word");
	CHECK_EQ(sh_expand_word("cd", 0, look, NULL, small, sizeof(small),
	    &used, err, sizeof(err)), 1, "expand: appended word");
	OK(memcmp(small, "ab\0cd\0", 6) == 0, "expand: fields appended");
}

/* A full line through lexer and expander, as the shell does it. */
static void test_roundtrip(void)
{
	const struct sh_cmd *c;

	CHECK_EQ(parse("echo \"$A\"'s' x$E\"\" >\"$HOME/out\"\n"),
	    SH_PARSE_OK, "roundtrip: parses");
	c = &prog.cmds[0];
	CHECK_EQ(expand(c->argv[1], SH_X_SPLIT), 1, "roundtrip: arg 1");
	OK(streq(xjoined, "ones"), "roundtrip: quotes joined");
	CHECK_EQ(expand(c->argv[2], SH_X_SPLIT), 1, "roundtrip: arg 2");
	OK(streq(xjoined, "x"), "roundtrip: empty parts");
	CHECK_EQ(expand(c->redir[0].word, SH_X_SPLIT), 1, "roundtrip: target");
	OK(streq(xjoined, "/home/u/out"), "roundtrip: target value");
}

int main(void)
{
	test_simple();
	test_lists();
	test_pipelines();
	test_andor();
	test_redirs();
	test_assign();
	test_quotes_lex();
	test_errors();
	test_incomplete();
	test_limits();
	test_expand();
	test_expand_limit();
	test_roundtrip();
	return tap_done();
}
