/* test_sh_parse.c - host unit tests for the shell's parser (the trees
 * commands/sh/parse.c builds, printed as S-expressions and compared with
 * the expected ones), its syntax errors and incomplete input, the
 * arithmetic evaluator (arith.c) and the pattern matcher (glob.c).
 */
#include <stdio.h>
#include <string.h>

#include "../../commands/sh/parse.c"
#include "../../commands/sh/arith.c"
#include "../../commands/sh/glob.c"
#include "tap.h"

/* glob.c's directory part is left out (HOST_TEST); sv_push is not used. */
int sv_push(struct strvec *sv, char *s)
{
	(void)sv;
	(void)s;
	return -1;
}

static struct sh_prog prog;
static char dump[4096];

static void put(const char *s)
{
	strncat(dump, s, sizeof(dump) - strlen(dump) - 1);
}

static void dump_node(const struct sh_node *n);

static void dump_redirs(const struct sh_redir *r)
{
	static const char *const ops[] = { "<", ">", ">>", "<&", ">&", "<<" };
	char fd[8];
	const char *p;

	for (; r != NULL; r = r->next) {
		snprintf(fd, sizeof(fd), " %d", r->fd);
		put(fd);
		put(ops[r->type]);
		if (r->strip_tabs)
			put("-");
		put(r->word);
		if (r->type != SH_R_HEREDOC)
			continue;
		put(r->doc_quoted ? "{q:" : "{");
		for (p = r->doc; *p != '\0'; p++)
			put(*p == '\n' ? "|" : (char[2]){ *p, '\0' });
		put("}");
	}
}

static void dump_words(const struct sh_word *w, const char *sep)
{
	for (; w != NULL; w = w->next) {
		put(w->raw);
		if (w->next != NULL)
			put(sep);
	}
}

static void dump_kids(const struct sh_node *k)
{
	for (; k != NULL; k = k->next) {
		put(" ");
		dump_node(k);
		if (k->bg)
			put("&");
	}
}

static void dump_node(const struct sh_node *n)
{
	const struct sh_case_item *it;

	if (n == NULL) {
		put("-");
		return;
	}
	switch (n->type) {
	case N_SIMPLE:
		put("[");
		dump_words(n->assign, " ");
		if (n->assign != NULL && n->words != NULL)
			put(" ");
		dump_words(n->words, " ");
		dump_redirs(n->redirs);
		put("]");
		return;
	case N_PIPE:
		put(n->negate ? "(!pipe" : "(pipe");
		dump_kids(n->kids);
		break;
	case N_LIST:
		put("(list");
		dump_kids(n->kids);
		break;
	case N_AND:
	case N_OR:
		put(n->type == N_AND ? "(and " : "(or ");
		dump_node(n->a);
		put(" ");
		dump_node(n->b);
		break;
	case N_SUBSHELL:
	case N_GROUP:
		put(n->type == N_GROUP ? "(group " : "(sub ");
		dump_node(n->a);
		break;
	case N_IF:
		put("(if ");
		dump_node(n->a);
		put(" ");
		dump_node(n->b);
		put(" ");
		dump_node(n->c);
		break;
	case N_WHILE:
	case N_UNTIL:
		put(n->type == N_WHILE ? "(while " : "(until ");
		dump_node(n->a);
		put(" ");
		dump_node(n->b);
		break;
	case N_FOR:
		put("(for ");
		put(n->name);
		if (n->has_in) {
			put(" {");
			dump_words(n->words, " ");
			put("}");
		}
		put(" ");
		dump_node(n->b);
		break;
	case N_CASE:
		put("(case ");
		put(n->words->raw);
		for (it = n->items; it != NULL; it = it->next) {
			put(" {");
			dump_words(it->pats, "|");
			put(it->fallthrough ? ";&" : ":");
			put(" ");
			dump_node(it->body);
			put("}");
		}
		break;
	case N_FUNC:
		put("(func ");
		put(n->name);
		put(" ");
		dump_node(n->b);
		break;
	}
	dump_redirs(n->redirs);
	put(")");
}

/* Parse src; on success the tree, else "ERROR: msg" or "MORE: msg". */
static const char *tree(const char *src)
{
	int st = sh_parse(&prog, src);

	dump[0] = '\0';
	if (st == SH_PARSE_OK)
		dump_node(prog.tree);
	else
		snprintf(dump, sizeof(dump), "%s: %s",
		    st == SH_PARSE_ERROR ? "ERROR" : "MORE", prog.err);
	return dump;
}

static void check_tree(const char *src, const char *want)
{
	const char *got = tree(src);
	char name[160];

	snprintf(name, sizeof(name), "parse %.120s", src);
	for (char *p = name; *p != '\0'; p++)
		if (*p == '\n')
			*p = '~';
	if (strcmp(got, want) == 0) {
		tap_result(1, name, 0, 0);
	} else {
		tap_result(0, name, 0, 0);
		printf("#   want: %s\n#   got:  %s\n", want, got);
	}
}

static const struct {
	const char *src, *want;
} trees[] = {
	/* Simple commands, lists, pipelines, and-or lists. */
	{ "echo hello world\n", "(list [echo hello world])" },
	{ "", "-" },
	{ "  \t\n\n# just a comment\n", "-" },
	{ "echo a # b c\n", "(list [echo a])" },
	{ "echo a#b", "(list [echo a#b])" },
	{ "a; b & c\n", "(list [a] [b]& [c])" },
	{ "sleep 1 &", "(list [sleep 1]&)" },
	{ "a |\n\n b | c", "(list (pipe [a] [b] [c]))" },
	{ "! false", "(list (!pipe [false]))" },
	{ "a && b || c", "(list (or (and [a] [b]) [c]))" },
	{ "a &&\n b", "(list (and [a] [b]))" },
	{ "X=1 Y=2 env a=b", "(list [X=1 Y=2 env a=b])" },
	{ "echo \\\n  two", "(list [echo two])" },
	/* Redirections. */
	{ "<in cat >out 2>&1 3>>log 0<&-",
	    "(list [cat 0<in 1>out 2>&1 3>>log 0<&-])" },
	{ "echo a>f", "(list [echo a 1>f])" },
	{ ">f", "(list [ 1>f])" },
	/* Quotes and substitutions stay raw in their word. */
	{ "echo 'a b' \"c $d\" e\\ f", "(list [echo 'a b' \"c $d\" e\\ f])" },
	{ "echo $(echo a; echo ')') x", "(list [echo $(echo a; echo ')') x])" },
	{ "echo $(case a in a) echo y;; esac)",
	    "(list [echo $(case a in a) echo y;; esac)])" },
	{ "echo \"$(echo \"in\")\"", "(list [echo \"$(echo \"in\")\"])" },
	{ "echo $((1 + (2 * 3))) `date`",
	    "(list [echo $((1 + (2 * 3))) `date`])" },
	{ "echo ${x:-a b} ${#y}", "(list [echo ${x:-a b} ${#y}])" },
	/* Here-documents. */
	{ "cat <<EOF\na $x\n  b\nEOF\n", "(list [cat 0<<EOF{a $x|  b|}])" },
	{ "cat <<EOF", "MORE: unexpected end of file" },
	{ "cat <<'E F' 3<<\\X; echo\n$x\nE F\ny\nX\necho z",
	    "(list [cat 0<<'E F'{q:$x|} 3<<\\X{q:y|}] [echo] [echo z])" },
	{ "cat <<-T\n\t\tin\n\tT\n", "(list [cat 0<<-T{in|}])" },
	{ "cat <<E\nE\n", "(list [cat 0<<E{}])" },
	{ "while read l; do :; done <<E | cat\nx\nE\n",
	    "(list (pipe (while (list [read l]) (list [:]) 0<<E{x|}) [cat]))" },
	{ "if a; then cat <<E; fi\nx\nE\n",
	    "(list (if (list [a]) (list [cat 0<<E{x|}]) -))" },
	/* Compound commands. */
	{ "if a; then b; fi", "(list (if (list [a]) (list [b]) -))" },
	{ "if a\nthen b\nelif c; then d\nelse e; fi",
	    "(list (if (list [a]) (list [b]) (if (list [c]) (list [d]) "
	    "(list [e]))))" },
	{ "while a; do b; c; done", "(list (while (list [a]) (list [b] [c])))" },
	{ "until a; do b; done", "(list (until (list [a]) (list [b])))" },
	{ "for i in 1 2 3; do echo $i; done",
	    "(list (for i {1 2 3} (list [echo $i])))" },
	{ "for i\ndo echo; done", "(list (for i (list [echo])))" },
	{ "for i; do echo; done", "(list (for i (list [echo])))" },
	{ "for i in; do echo; done", "(list (for i {} (list [echo])))" },
	{ "case $x in a|b) echo ab;; (c) ;; *) echo d;& esac",
	    "(list (case $x {a|b: (list [echo ab])} {c: -} "
	    "{*;& (list [echo d])}))" },
	{ "case x in\nesac", "(list (case x))" },
	{ "case x in x) echo\nesac", "(list (case x {x: (list [echo])}))" },
	{ "(a; b) > f", "(list (sub (list [a] [b]) 1>f))" },
	{ "{ a; b; } 2>/dev/null | c",
	    "(list (pipe (group (list [a] [b]) 2>/dev/null) [c]))" },
	{ "f() { echo $1; }", "(list (func f (group (list [echo $1]))))" },
	{ "f ( )\n{ a; }", "(list (func f (group (list [a]))))" },
	{ "g() ( a )", "(list (func g (sub (list [a]))))" },
	{ "while a; do if b; then break; fi; done &",
	    "(list (while (list [a]) (list (if (list [b]) (list [break]) -)))&)" },
	/* Reserved words only in command position. */
	{ "echo if then fi }", "(list [echo if then fi }])" },
	{ "echo {", "(list [echo {])" },
	{ "\"if\" a", "(list [\"if\" a])" },
	{ "{ echo }; }", "(list (group (list [echo }])))" },
	{ "echo done; for x in do; do :; done",
	    "(list [echo done] (for x {do} (list [:])))" },
	/* Errors and incomplete input. */
	{ "a | | b", "ERROR: syntax error near '|'" },
	{ "fi", "ERROR: syntax error near 'fi'" },
	{ "if a; fi", "ERROR: syntax error near 'fi'" },
	{ "if then", "ERROR: syntax error near 'then'" },
	{ "while a; done", "ERROR: syntax error near 'done'" },
	{ "a )", "ERROR: syntax error near ')'" },
	{ "echo a (b)", "ERROR: syntax error near '('" },
	{ "; echo", "ERROR: syntax error near ';'" },
	{ "a && ;", "ERROR: syntax error near ';'" },
	{ "echo >", "ERROR: syntax error near 'end of file'" },
	{ "echo > ;", "ERROR: syntax error near ';'" },
	{ "cat <<EOF", "MORE: unexpected end of file" },
	{ "cat <<EOF\nline\n", "MORE: unexpected end of file" },
	{ "cat <<EOF; echo\nEOFX\n", "MORE: unexpected end of file" },
	{ "f() echo", "ERROR: syntax error: a function body must be a "
	    "compound command" },
	{ "for 1 in a; do :; done", "ERROR: syntax error near '1'" },
	{ "case a in a) b;; c d) e;; esac", "ERROR: syntax error near 'd'" },
	{ "echo ;;", "ERROR: syntax error near ';;'" },
	{ "echo $((1 )", "MORE: unexpected end of file" },
	{ "echo 'abc", "MORE: unterminated quote" },
	{ "echo \"abc", "MORE: unterminated quote" },
	{ "echo `abc", "MORE: unterminated `" },
	{ "echo $(abc", "MORE: unexpected end of file" },
	{ "echo ${abc", "MORE: unexpected end of file" },
	{ "a |", "MORE: unexpected end of file" },
	{ "a &&\n", "MORE: unexpected end of file" },
	{ "if a; then\n", "MORE: unexpected end of file" },
	{ "if a; then b\n", "MORE: unexpected end of file" },
	{ "while true\n", "MORE: unexpected end of file" },
	{ "for i in a b\n", "MORE: unexpected end of file" },
	{ "case x in\n", "MORE: unexpected end of file" },
	{ "case x in a) b;;\n", "MORE: unexpected end of file" },
	{ "{ a\n", "MORE: unexpected end of file" },
	{ "( a\n", "MORE: unexpected end of file" },
	{ "f()\n", "MORE: unexpected end of file" },
	{ "echo \\", "MORE: unexpected end of file" },
	{ "echo a\\\n", "MORE: unexpected end of file" },
};

static void test_nesting(void)
{
	char src[1024];
	size_t i, n = 0;

	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(src + n, sizeof(src) - n, "( ");
	snprintf(src + n, sizeof(src) - n, "a");
	CHECK(strcmp(tree(src), "ERROR: too deeply nested") == 0,
	    "100 nested subshells: too deeply nested");
	n = 0;
	for (i = 0; i < 60; i++)
		n += (size_t)snprintf(src + n, sizeof(src) - n, "$(");
	CHECK(strcmp(tree(src), "MORE: unexpected end of file") == 0,
	    "60 open $(: more input");
	n = 0;
	for (i = 0; i < 70; i++)
		n += (size_t)snprintf(src + n, sizeof(src) - n, "$(");
	CHECK(strcmp(tree(src), "ERROR: too deeply nested") == 0,
	    "70 nested $(: too deeply nested");
}

static void test_spans(void)
{
	const struct sh_node *n;

	CHECK_EQ(sh_parse(&prog, "sleep 30 | cat; echo x &\n"), SH_PARSE_OK,
	    "spans: parses");
	n = prog.tree->kids;
	CHECK(n->srclen == 14 && strncmp(n->src, "sleep 30 | cat", 14) == 0,
	    "spans: the pipeline's text");
	n = n->next;
	CHECK(n->srclen == 6 && strncmp(n->src, "echo x", 6) == 0,
	    "spans: the background command's text");
}

static void test_arena(void)
{
	struct sh_arena *a;
	struct sh_node *f;

	CHECK_EQ(sh_parse(&prog, "f() { echo hi; }"), SH_PARSE_OK,
	    "arena: parses");
	a = prog.arena;
	f = prog.tree->kids;
	sh_arena_hold(a);		/* as a function definition does */
	sh_prog_free(&prog);
	CHECK(prog.arena == NULL && prog.tree == NULL, "arena: prog dropped");
	CHECK(strcmp(f->b->a->kids->words->raw, "echo") == 0,
	    "arena: held tree still readable");
	sh_arena_drop(a);		/* freed: ASan would tell otherwise */
}

/* ---- Arithmetic ---- */

#define NAVARS	6
static char avals[NAVARS][32];
static const char *anames[NAVARS] = { "x", "y", "s", "bad", "s2", "self" };

static const char *aget(void *ctx, const char *name)
{
	int i;

	(void)ctx;
	for (i = 0; i < NAVARS; i++)
		if (strcmp(name, anames[i]) == 0)
			return avals[i][0] != '\0' ? avals[i] : NULL;
	return NULL;
}

static int aset(void *ctx, const char *name, long v)
{
	int i;

	(void)ctx;
	for (i = 0; i < NAVARS; i++)
		if (strcmp(name, anames[i]) == 0) {
			snprintf(avals[i], sizeof(avals[i]), "%ld", v);
			return 0;
		}
	return -1;
}

static const struct sh_arith_vars av = { aget, aset, NULL };

static void check_arith(const char *expr, long want)
{
	char err[SH_ERR_MAX] = "", name[120];
	long v = -12345;
	int r;

	strcpy(avals[0], "7");
	strcpy(avals[1], "-3");
	strcpy(avals[2], " 12 ");
	strcpy(avals[3], "1x");
	strcpy(avals[4], "(x + 1) * 2");
	strcpy(avals[5], "self");
	r = sh_arith(expr, &v, &av, err, sizeof(err));
	snprintf(name, sizeof(name), "arith %s = %ld", expr, want);
	tap_result(r == 0 && v == want, name, r == 0 ? v : -99999, want);
	if (r != 0)
		printf("#   error: %s\n", err);
}

static void check_arith_err(const char *expr, const char *want)
{
	char err[SH_ERR_MAX] = "", name[120];
	long v;
	int r;

	strcpy(avals[3], "1x");
	strcpy(avals[4], "1 / 0");
	strcpy(avals[5], "self");
	r = sh_arith(expr, &v, &av, err, sizeof(err));
	snprintf(name, sizeof(name), "arith %s: %s", expr, want);
	tap_result(r < 0 && strcmp(err, want) == 0, name, r, -1);
	if (r >= 0 || strcmp(err, want) != 0)
		printf("#   got %d '%s'\n", r, err);
}

static void test_arith(void)
{
	check_arith("1 + 2 * 3", 7);
	check_arith("(1 + 2) * 3", 9);
	check_arith("7 / 2", 3);
	check_arith("-7 / 2", -3);
	check_arith("7 % 3", 1);
	check_arith("-7 % 3", -1);
	check_arith("- 5 + +2", -3);
	check_arith("!0 + !5", 1);
	check_arith("~0", -1);
	check_arith("1 < 2", 1);
	check_arith("2 <= 1", 0);
	check_arith("3 > 2 == 1", 1);
	check_arith("3 >= 4", 0);
	check_arith("4 != 4", 0);
	check_arith("1 && 0 || 1", 1);
	check_arith("0 && 1", 0);
	check_arith("6 & 3 | 8 ^ 1", 11);
	check_arith("1 << 4 >> 2", 4);
	check_arith("x * y", -21);
	check_arith("x+s", 19);
	check_arith("s2 - 1", 15);
	check_arith("unset_var + 1", 1);
	check_arith("0x1f + 010", 39);
	check_arith("x = 5", 5);
	check_arith("(x += 2) * 2", 18);
	check_arith("y -= 4", -7);
	check_arith("x *= 3", 21);
	check_arith("x /= 2", 3);
	check_arith("x %= 4", 3);
	check_arith("x <<= 2", 28);
	check_arith("x = y = 4", 4);
	check_arith("1 ? 2 : 3", 2);
	check_arith("0 ? 2 : 0 ? 3 : 4", 4);
	check_arith("0 && 1 / 0", 0);
	check_arith("1 || 1 % 0", 1);
	check_arith("1 ? 5 : 1 / 0", 5);
	check_arith("  ", 0);
	check_arith("2147483647 + 1 - 1", 2147483647);
	check_arith_err("1 / 0", "division by zero");
	check_arith_err("5 % (2 - 2)", "division by zero");
	check_arith_err("x /= 0", "division by zero");
	check_arith_err("1 +", "syntax error: operand expected");
	check_arith_err("(1 + 2", "missing ')'");
	check_arith_err("1 2", "syntax error in expression");
	check_arith_err("09", "bad number");
	check_arith_err("bad + 1", "bad: bad number");
	check_arith_err("s2 + 1", "s2: division by zero");
	check_arith_err("self", "self: expression too deeply nested");
	check_arith_err("1 ? 2", "syntax error: ':' expected");
	check_arith_err("@", "syntax error in expression");
}

/* ---- Patterns ---- */

static void check_match(const char *pat, const char *str, int want)
{
	char name[120];

	snprintf(name, sizeof(name), "match '%s' '%s' = %d", pat, str, want);
	CHECK_EQ(sh_match(pat, str), want, name);
}

static void test_match(void)
{
	char s[32];

	check_match("abc", "abc", 1);
	check_match("abc", "abd", 0);
	check_match("a*", "abc", 1);
	check_match("a*", "a", 1);
	check_match("*c", "abc", 1);
	check_match("*b*", "abc", 1);
	check_match("*x*", "abc", 0);
	check_match("a*b*c", "aXXbYYc", 1);
	check_match("a*b*c", "aXXbYYd", 0);
	check_match("*", "", 1);
	check_match("?", "", 0);
	check_match("a?c", "abc", 1);
	check_match("a??", "ab", 0);
	check_match("[abc]x", "bx", 1);
	check_match("[a-c]x", "dx", 0);
	check_match("[!a-c]x", "dx", 1);
	check_match("[^a-c]x", "bx", 0);
	check_match("[]]", "]", 1);
	check_match("[!]]", "a", 1);
	check_match("[a-]", "-", 1);
	check_match("[[:digit:]]*", "7up", 1);
	check_match("[[:alpha:]]", "7", 0);
	check_match("[[:upper:][:digit:]]", "Q", 1);
	check_match("[ab", "[ab", 1);
	check_match("\\*", "*", 1);
	check_match("\\*", "x", 0);
	check_match("a\\?", "a?", 1);
	check_match("\\[a]", "[a]", 1);
	check_match("[\\]]", "]", 1);
	check_match("*.c", "main.c", 1);
	check_match("*.c", "main.h", 0);
	CHECK(sh_has_glob("a*") && sh_has_glob("x[") && sh_has_glob("?"),
	    "has_glob: * [ ?");
	CHECK(!sh_has_glob("a\\*b\\?") && !sh_has_glob("plain"),
	    "has_glob: escaped or plain");
	strcpy(s, "a\\*b\\\\c");
	sh_unescape(s);
	CHECK(strcmp(s, "a*b\\c") == 0, "unescape");
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(trees) / sizeof(trees[0]); i++)
		check_tree(trees[i].src, trees[i].want);
	test_nesting();
	test_spans();
	test_arena();
	test_arith();
	test_match();
	sh_prog_free(&prog);
	return tap_done();
}
