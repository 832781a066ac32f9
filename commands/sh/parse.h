/* parse.h - the shell's command language: tokenizer, parser and word
 * expander (parse.c).
 *
 * sh_parse() turns one complete input text (one or more lines) into a
 * small flat AST held in a fixed-size struct sh_prog: no allocation, every
 * limit below is checked and reported.  Words keep their raw spelling
 * (quotes included); sh_expand_word() removes the quotes and substitutes
 * variables at execution time, so that "false; echo $?" sees the status
 * of the command before it.
 *
 *	prog	 := andor { (';' | '&' | newline) andor } [';' | '&']
 *	andor	 := pipeline { ('&&' | '||') pipeline }
 *	pipeline := ['!'] command { '|' command }
 *	command	 := { word | redirect }		(at least one of them)
 *	redirect := [digit] ('<' | '>' | '>>' | '<&' | '>&') word
 *
 * Newlines may follow '|', '&&' and '||'.  '#' at the start of a word
 * begins a comment.  A prefix of NAME=value words is a command's list of
 * assignments.
 */
#ifndef SH_PARSE_H
#define SH_PARSE_H

#include <stddef.h>

#define SH_LINE_MAX	1024	/* one input text, continuation lines included */
#define SH_ARGS_MAX	64	/* words of one simple command */
#define SH_WORDS_MAX	256	/* words in one input text */
#define SH_CMDS_MAX	32	/* simple commands in one input text */
#define SH_PIPES_MAX	32	/* pipelines in one input text */
#define SH_LISTS_MAX	32	/* and-or lists in one input text */
#define SH_REDIRS_MAX	32	/* redirections in one input text */
#define SH_TEXT_MAX	(2 * SH_LINE_MAX)	/* raw word storage */
#define SH_NAME_MAX	64	/* variable name, NUL included */
#define SH_ERR_MAX	96	/* error message buffer */

/* sh_parse() results. */
#define SH_PARSE_OK		0
#define SH_PARSE_INCOMPLETE	1	/* more input needed (quote, '|' ...) */
#define SH_PARSE_ERROR		2	/* syntax error or limit; see err */

/* Redirection types. */
#define SH_R_IN		0	/* [n]<word	open for reading, n = 0 */
#define SH_R_OUT	1	/* [n]>word	create/truncate, n = 1 */
#define SH_R_APPEND	2	/* [n]>>word	create/append, n = 1 */
#define SH_R_DUPIN	3	/* [n]<&word	dup of fd word (or "-": close) */
#define SH_R_DUPOUT	4	/* [n]>&word	the same, n = 1 */

/* How a pipeline is joined to the next one in its and-or list. */
#define SH_OP_END	0
#define SH_OP_AND	1	/* && */
#define SH_OP_OR	2	/* || */

struct sh_redir {
	int fd;			/* the descriptor redirected */
	int type;		/* SH_R_* */
	const char *word;	/* raw target word */
};

struct sh_cmd {
	const char **assign;	/* raw NAME=value words */
	int nassign;
	const char **argv;	/* raw words (argv[0] is the command) */
	int argc;
	struct sh_redir *redir;	/* in source order */
	int nredir;
};

struct sh_pipeline {
	struct sh_cmd *cmd;
	int ncmd;
	int negate;		/* '!' before it */
	int op;			/* SH_OP_* to the next pipeline */
};

struct sh_andor {
	struct sh_pipeline *pipe;
	int npipe;
	int background;		/* ended by '&' */
};

struct sh_prog {
	struct sh_andor list[SH_LISTS_MAX];
	int nlist;
	struct sh_pipeline pipes[SH_PIPES_MAX];
	int npipes;
	struct sh_cmd cmds[SH_CMDS_MAX];
	int ncmds;
	struct sh_redir redirs[SH_REDIRS_MAX];
	int nredirs;
	const char *words[SH_WORDS_MAX];
	int nwords;
	char text[SH_TEXT_MAX];
	size_t ntext;
	char err[SH_ERR_MAX];	/* message of SH_PARSE_ERROR/INCOMPLETE */
};

/* Parse src (NUL-terminated) into p.  Returns SH_PARSE_*. */
int sh_parse(struct sh_prog *p, const char *src);

/* Variable look-up for the expander: the value of name, or NULL when it
 * is unset.  Special names passed: "?", "$", "!", "#", "*", "@", "0".."9".
 */
typedef const char *(*sh_lookup_fn)(void *ctx, const char *name);

/* sh_expand_word() flags. */
#define SH_X_SPLIT	0x1	/* split unquoted expansions at blanks */

/* Expand the raw word: tilde, $var, ${var}, $? and friends, quote
 * removal and (with SH_X_SPLIT) field splitting.  The resulting fields are
 * appended to out at *used, each NUL-terminated, and *used is advanced.
 * Returns the number of fields (0 for an unquoted empty expansion), or -1
 * with a message in err (too long, bad substitution, unsupported syntax).
 */
int sh_expand_word(const char *raw, int flags, sh_lookup_fn look, void *ctx,
	char *out, size_t size, size_t *used, char *err, size_t errsz);

/* Is s[0..n) a valid variable name ([A-Za-z_][A-Za-z0-9_]*)? */
int sh_valid_name(const char *s, size_t n);

/* Is the raw word an assignment (NAME=...)?  Returns the name's length,
 * or 0.
 */
size_t sh_assignment(const char *raw);

#endif /* SH_PARSE_H */
