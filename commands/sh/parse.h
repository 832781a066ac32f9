/* parse.h - the shell's command language: lexer and recursive-descent
 * parser (parse.c) building a tree of struct sh_node.
 *
 * sh_parse() turns one complete input text (one or more lines) into a
 * tree allocated in an arena of its own; the arena lives until every
 * holder has let it go (sh_arena_drop), so a function defined in the text
 * keeps its body after the text has run.  Words keep their raw spelling
 * (quotes, $(...) and `...` included); expand.c expands them when the
 * command runs.  Reserved words are recognised only where a command may
 * begin.  The grammar (POSIX):
 *
 *	list	 := andor { (';' | '&' | newline) andor } [';' | '&']
 *	andor	 := pipeline { ('&&' | '||') linebreak pipeline }
 *	pipeline := ['!'] command { '|' linebreak command }
 *	command	 := simple | compound { redirect } | NAME '(' ')' compound
 *	compound := '{' list '}' | '(' list ')' | if | while | until | for
 *		  | case
 *	simple	 := { NAME=value | word | redirect }	(at least one)
 *	redirect := [digit] ('<' | '>' | '>|' | '>>' | '<&' | '>&' | '<<'
 *		    | '<<-') word
 *
 * A here-document's text is read from the lines after the next newline,
 * up to a line that is the delimiter (tabs stripped first with <<-).
 * Nothing here calls the system but malloc: the file builds unchanged on
 * the host (tests/host/test_sh_parse.c) and on our libc.
 */
#ifndef SH_PARSE_H
#define SH_PARSE_H

#include <stddef.h>

#define SH_NEST_MAX	64	/* nesting of compound commands and $( ) */
#define SH_ERR_MAX	128	/* error message buffer */

/* sh_parse() results. */
#define SH_PARSE_OK		0
#define SH_PARSE_INCOMPLETE	1	/* more input needed (quote, 'if' ...) */
#define SH_PARSE_ERROR		2	/* syntax error or limit; see err */

/* Redirection types. */
#define SH_R_IN		0	/* [n]<word	open for reading, n = 0 */
#define SH_R_OUT	1	/* [n]>word	create/truncate, n = 1 */
#define SH_R_APPEND	2	/* [n]>>word	create/append, n = 1 */
#define SH_R_DUPIN	3	/* [n]<&word	dup of fd word (or "-": close) */
#define SH_R_DUPOUT	4	/* [n]>&word	the same, n = 1 */
#define SH_R_HEREDOC	5	/* [n]<<word, [n]<<-word: doc, n = 0 */
#define SH_HEREDOCS_MAX	16	/* here-documents waiting for one newline */

/* Node types. */
enum sh_ntype {
	N_SIMPLE,	/* assign, words, redirs */
	N_PIPE,		/* kids: the commands; negate */
	N_AND,		/* a && b */
	N_OR,		/* a || b */
	N_LIST,		/* kids: and-or lists, each maybe bg */
	N_SUBSHELL,	/* ( a ) */
	N_GROUP,	/* { a; } */
	N_IF,		/* if a then b else c (c: N_IF for elif, or NULL) */
	N_WHILE,	/* while a do b */
	N_UNTIL,	/* until a do b */
	N_FOR,		/* for name [in words] do b */
	N_CASE,		/* case words->raw in items esac */
	N_FUNC		/* name() b */
};

struct sh_word {
	const char *raw;
	struct sh_word *next;
};

struct sh_redir {
	int fd;			/* the descriptor redirected */
	int type;		/* SH_R_* */
	const char *word;	/* raw target word (here-document: delimiter) */
	const char *doc;	/* here-document text, raw */
	int doc_quoted;		/* delimiter quoted: no expansion in doc */
	int strip_tabs;		/* <<- */
	struct sh_redir *next;
};

struct sh_case_item {
	struct sh_word *pats;	/* raw patterns */
	struct sh_node *body;	/* NULL: empty */
	int fallthrough;	/* ended by ';&' */
	struct sh_case_item *next;
};

struct sh_node {
	enum sh_ntype type;
	int bg;			/* in an N_LIST: ended by '&' */
	int negate;		/* N_PIPE: '!' before it */
	int has_in;		/* N_FOR: "in words" given */
	struct sh_node *a, *b, *c;
	struct sh_node *kids;	/* N_PIPE, N_LIST: first child ... */
	struct sh_node *next;	/* ... and its siblings */
	struct sh_word *assign;	/* N_SIMPLE: NAME=value words */
	struct sh_word *words;	/* N_SIMPLE args, N_FOR list, N_CASE word */
	struct sh_redir *redirs;
	const char *name;	/* N_FOR variable, N_FUNC name */
	struct sh_case_item *items;
	const char *src;	/* the node's source text (not terminated) */
	size_t srclen;
};

struct sh_arena;

struct sh_prog {
	struct sh_arena *arena;	/* holds tree; NULL before the first parse */
	struct sh_node *tree;	/* N_LIST, or NULL for an empty text */
	char err[SH_ERR_MAX];	/* message of SH_PARSE_ERROR/INCOMPLETE */
};

/* Parse src (NUL-terminated) into p->tree, in a new arena (the previous
 * one is dropped).  Returns SH_PARSE_*.
 */
int sh_parse(struct sh_prog *p, const char *src);

/* Drop p's arena (and tree). */
void sh_prog_free(struct sh_prog *p);

/* Arenas are counted: a function body keeps its text's arena. */
void sh_arena_hold(struct sh_arena *a);
void sh_arena_drop(struct sh_arena *a);

/* s[*i] is '$' or '`': move *i past the substitution or parameter it
 * starts (for the expander).  Returns 0, or -1 if it is not complete.
 */
int sh_skip_subst(const char *s, size_t *i);

/* Is s[0..n) a valid variable name ([A-Za-z_][A-Za-z0-9_]*)? */
int sh_valid_name(const char *s, size_t n);

/* Is the raw word an assignment (NAME=...)?  Returns the name's length,
 * or 0.
 */
size_t sh_assignment(const char *raw);

/* Arithmetic (arith.c): evaluate expr, with variables through get/set.
 * Returns 0 and the value in *res, or -1 with a message in err.
 */
struct sh_arith_vars {
	const char *(*get)(void *ctx, const char *name);
	int (*set)(void *ctx, const char *name, long value);
	void *ctx;
};
int sh_arith(const char *expr, long *res, const struct sh_arith_vars *v,
	char *err, size_t errsz);

/* Pattern matching (glob.c).  Patterns are in the expander's escaped
 * form: '\c' is a literal c; '*', '?' and '[...]' are special.
 */
int sh_match(const char *pat, const char *str);
int sh_has_glob(const char *pat);	/* any unescaped * ? [ */
void sh_unescape(char *s);		/* drop the escapes, in place */

#endif /* SH_PARSE_H */
