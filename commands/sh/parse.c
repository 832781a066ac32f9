/* parse.c - the shell's lexer and recursive-descent parser.
 *
 * Owns the command language (see parse.h for the grammar): the lexer
 * splits the input into words and operators, copying each word's raw
 * spelling into the text's arena; the parser builds the tree of struct
 * sh_node in the same arena.  A $( ) inside a word is parsed on the spot
 * (to find its end, as POSIX asks) and kept raw; expand.c parses it again
 * when it runs.
 */
#include <stdint.h>
#include <stdio.h>	/* snprintf */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* ---- Arenas ---- */

#define ARENA_BLOCK	4096

struct ablock {
	struct ablock *next;
	size_t used, size;
	max_align_t data[];
};

struct sh_arena {
	struct ablock *blocks;
	int refs;
};

static struct sh_arena *arena_new(void)
{
	struct sh_arena *a = malloc(sizeof(*a));

	if (a != NULL) {
		a->blocks = NULL;
		a->refs = 1;
	}
	return a;
}

static void *arena_alloc(struct sh_arena *a, size_t n)
{
	struct ablock *b = a->blocks;
	size_t size;
	void *p;

	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (b == NULL || b->size - b->used < n) {
		size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + size)) == NULL)
			return NULL;
		b->next = a->blocks;
		b->used = 0;
		b->size = size;
		a->blocks = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

void sh_arena_hold(struct sh_arena *a)
{
	a->refs++;
}

void sh_arena_drop(struct sh_arena *a)
{
	struct ablock *b, *next;

	if (a == NULL || --a->refs > 0)
		return;
	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void sh_prog_free(struct sh_prog *p)
{
	sh_arena_drop(p->arena);
	p->arena = NULL;
	p->tree = NULL;
}

/* ---- Names ---- */

static int is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

int sh_valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !is_name_start((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++)
		if (!is_name_char((unsigned char)s[i]))
			return 0;
	return 1;
}

size_t sh_assignment(const char *raw)
{
	const char *eq = strchr(raw, '=');

	if (eq == NULL || !sh_valid_name(raw, (size_t)(eq - raw)))
		return 0;
	return (size_t)(eq - raw);
}

/* ---- Lexer ---- */

enum {
	T_EOF, T_WORD, T_NL, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR,
	T_LPAREN, T_RPAREN, T_DSEMI, T_SEMIAND,
	T_LT, T_GT, T_GTGT, T_LTAND, T_GTAND, T_DLESS, T_DLESSDASH,
	T_BAD		/* an operator we do not support: <> */
};

struct token {
	int type;
	int io;			/* redirections: the fd given, or -1 */
	const char *word;	/* T_WORD: raw text in the arena */
	char spell[4];		/* operators: the spelling, for errors */
	size_t start, end;	/* source offsets */
};

struct lexer {
	struct sh_prog *p;
	const char *s;		/* the source */
	const char *copy;	/* its copy in the arena, for node spans */
	size_t pos;
	size_t last_end;	/* end of the last consumed token */
	int *depth;		/* nesting, shared with sub-lexers */
	struct sh_redir *docs[SH_HEREDOCS_MAX];	/* texts to read after */
	int ndocs;				/* the next newline */
	int peeked;
	struct token peek;
};

static int set_err(struct sh_prog *p, int status, const char *msg,
	const char *near)
{
	if (near != NULL)
		snprintf(p->err, sizeof(p->err), "%s near '%s'", msg, near);
	else
		snprintf(p->err, sizeof(p->err), "%s", msg);
	return status;
}

static int incomplete(struct lexer *lx)
{
	return set_err(lx->p, SH_PARSE_INCOMPLETE, "unexpected end of file",
	    NULL);
}

static int no_memory(struct lexer *lx)
{
	return set_err(lx->p, SH_PARSE_ERROR, "out of memory", NULL);
}

static int is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	    c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

static void set_op(struct token *t, int type, const char *spell)
{
	t->type = type;
	strncpy(t->spell, spell, sizeof(t->spell) - 1);
	t->spell[sizeof(t->spell) - 1] = '\0';
}

static int parse_list(struct lexer *lx, struct sh_node **out);
static int peek(struct lexer *lx, struct token **t);
static int syntax_error(struct lexer *lx, const struct token *t);

static int scan_dollar(struct lexer *lx, size_t *ip);
static int scan_bquote(struct lexer *lx, size_t *ip);

/* s[*ip] is '\''; move past the closing quote. */
static int scan_squote(struct lexer *lx, size_t *ip)
{
	const char *e = strchr(lx->s + *ip + 1, '\'');

	if (e == NULL)
		return set_err(lx->p, SH_PARSE_INCOMPLETE,
		    "unterminated quote", NULL);
	*ip = (size_t)(e - lx->s) + 1;
	return SH_PARSE_OK;
}

/* s[*ip] is '"'; move past the closing quote. */
static int scan_dquote(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s;
	size_t i = *ip + 1;
	int st;

	for (;;) {
		switch (s[i]) {
		case '\0':
			return set_err(lx->p, SH_PARSE_INCOMPLETE,
			    "unterminated quote", NULL);
		case '"':
			*ip = i + 1;
			return SH_PARSE_OK;
		case '\\':
			if (s[i + 1] == '\0')
				return set_err(lx->p, SH_PARSE_INCOMPLETE,
				    "unterminated quote", NULL);
			i += 2;
			break;
		case '$':
			if ((st = scan_dollar(lx, &i)) != SH_PARSE_OK)
				return st;
			break;
		case '`':
			if ((st = scan_bquote(lx, &i)) != SH_PARSE_OK)
				return st;
			break;
		default:
			i++;
		}
	}
}

/* s[*ip] is '`'; move past the closing one. */
static int scan_bquote(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s;
	size_t i = *ip + 1;

	for (;;) {
		if (s[i] == '\0')
			return set_err(lx->p, SH_PARSE_INCOMPLETE,
			    "unterminated `", NULL);
		if (s[i] == '`')
			break;
		i += s[i] == '\\' && s[i + 1] != '\0' ? 2 : 1;
	}
	*ip = i + 1;
	return SH_PARSE_OK;
}

/* Move past what starts at s[*ip]: a quoted string, a substitution, a
 * backslash and the character it escapes, or one plain character.
 */
static int scan_next(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s;

	switch (s[*ip]) {
	case '\\':
		*ip += s[*ip + 1] != '\0' ? 2 : 1;
		return SH_PARSE_OK;
	case '\'':
		return scan_squote(lx, ip);
	case '"':
		return scan_dquote(lx, ip);
	case '$':
		return scan_dollar(lx, ip);
	case '`':
		return scan_bquote(lx, ip);
	}
	(*ip)++;
	return SH_PARSE_OK;
}

/* $(( ... )): find the closing "))". */
static int scan_arith(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s;
	size_t i = *ip + 3;
	int depth = 0, st;

	for (;;) {
		switch (s[i]) {
		case '\0':
			return incomplete(lx);
		case '(':
			depth++;
			i++;
			break;
		case ')':
			if (depth > 0) {
				depth--;
				i++;
				break;
			}
			if (s[i + 1] == '\0')
				return incomplete(lx);
			if (s[i + 1] != ')')
				return set_err(lx->p, SH_PARSE_ERROR,
				    "syntax error: missing '))'", NULL);
			*ip = i + 2;
			return SH_PARSE_OK;
		default:
			if ((st = scan_next(lx, &i)) != SH_PARSE_OK)
				return st;
		}
	}
}

/* $( ... ): parse the commands inside to find the closing ')'. */
static int scan_cmdsubst(struct lexer *lx, size_t *ip)
{
	struct lexer sub;
	struct sh_node *n;
	struct token *t;
	int st;

	sub = *lx;
	sub.peeked = 0;
	sub.ndocs = 0;
	sub.pos = *ip + 2;
	if (++*lx->depth > SH_NEST_MAX)
		return set_err(lx->p, SH_PARSE_ERROR, "too deeply nested",
		    NULL);
	if ((st = parse_list(&sub, &n)) != SH_PARSE_OK)
		return st;
	if ((st = peek(&sub, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_EOF)
		return incomplete(lx);
	if (t->type != T_RPAREN)
		return syntax_error(&sub, t);
	--*lx->depth;
	*ip = sub.pos;
	return SH_PARSE_OK;
}

/* ${ ... }: up to the first '}' outside quotes. */
static int scan_brace(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s;
	size_t i = *ip + 2;
	int st;

	for (;;) {
		switch (s[i]) {
		case '\0':
			return incomplete(lx);
		case '}':
			*ip = i + 1;
			return SH_PARSE_OK;
		default:
			if ((st = scan_next(lx, &i)) != SH_PARSE_OK)
				return st;
		}
	}
}

/* s[*ip] is '$'. */
static int scan_dollar(struct lexer *lx, size_t *ip)
{
	const char *s = lx->s + *ip;

	if (s[1] == '(' && s[2] == '(')
		return scan_arith(lx, ip);
	if (s[1] == '(')
		return scan_cmdsubst(lx, ip);
	if (s[1] == '{')
		return scan_brace(lx, ip);
	(*ip)++;
	return SH_PARSE_OK;
}

/* One word: find its end, then copy its raw spelling into the arena. */
static int lex_word(struct lexer *lx, struct token *t)
{
	const char *s = lx->s;
	size_t i = lx->pos, start = lx->pos;
	char *w;
	int st;

	while (s[i] != '\0' && !is_meta((unsigned char)s[i])) {
		if (s[i] == '\\' && (s[i + 1] == '\0' ||
		    (s[i + 1] == '\n' && s[i + 2] == '\0')))
			return incomplete(lx);
		if ((st = scan_next(lx, &i)) != SH_PARSE_OK)
			return st;
	}
	if ((w = arena_alloc(lx->p->arena, i - start + 1)) == NULL)
		return no_memory(lx);
	memcpy(w, s + start, i - start);
	w[i - start] = '\0';
	t->type = T_WORD;
	t->word = w;
	lx->pos = i;
	return SH_PARSE_OK;
}

/* The delimiter of a here-document: the word with its quotes removed;
 * *quoted tells whether there were any.
 */
static char *doc_delim(struct lexer *lx, const char *w, int *quoted)
{
	char *d = arena_alloc(lx->p->arena, strlen(w) + 1), *o = d, q = 0;

	*quoted = 0;
	if (d == NULL)
		return NULL;
	for (; *w != '\0'; w++) {
		if (q != 0 && *w == q) {
			q = 0;
		} else if (q == 0 && (*w == '\'' || *w == '"')) {
			q = *w;
			*quoted = 1;
		} else if (q != '\'' && *w == '\\' && w[1] != '\0') {
			*quoted = 1;
			*o++ = *++w;
		} else {
			*o++ = *w;
		}
	}
	*o = '\0';
	return d;
}

/* After a newline: the texts of the here-documents started on its line,
 * each up to its delimiter line.
 */
static int read_docs(struct lexer *lx)
{
	const char *s = lx->s, *line, *nl;
	struct sh_redir *r;
	size_t len;
	char *delim, *doc, *o;
	int i;

	for (i = 0; i < lx->ndocs; i++) {
		r = lx->docs[i];
		if ((delim = doc_delim(lx, r->word, &r->doc_quoted)) == NULL ||
		    (doc = arena_alloc(lx->p->arena,
		    strlen(s + lx->pos) + 1)) == NULL)
			return no_memory(lx);
		o = doc;
		for (;;) {
			line = s + lx->pos;
			if ((nl = strchr(line, '\n')) == NULL)
				return incomplete(lx);
			lx->pos = (size_t)(nl - s) + 1;
			if (r->strip_tabs)
				while (*line == '\t')
					line++;
			len = (size_t)(nl - line);
			if (len == strlen(delim) &&
			    strncmp(line, delim, len) == 0)
				break;
			memcpy(o, line, len + 1);	/* with its newline */
			o += len + 1;
		}
		*o = '\0';
		r->doc = doc;
	}
	lx->ndocs = 0;
	return SH_PARSE_OK;
}

static int lex(struct lexer *lx, struct token *t)
{
	const char *s = lx->s;
	char c, n;
	int r;

	t->io = -1;
	t->word = NULL;
	t->spell[0] = '\0';
	for (;;) {
		c = s[lx->pos];
		if (c == ' ' || c == '\t') {
			lx->pos++;
		} else if (c == '\\' && s[lx->pos + 1] == '\n') {
			lx->pos += 2;
			if (s[lx->pos] == '\0')
				return incomplete(lx);
		} else if (c == '#') {
			while (s[lx->pos] != '\0' && s[lx->pos] != '\n')
				lx->pos++;
		} else {
			break;
		}
	}
	t->start = lx->pos;
	if (c == '\0' && lx->ndocs > 0)
		return incomplete(lx);
	if (c == '\0') {
		t->type = T_EOF;
		t->end = lx->pos;
		return SH_PARSE_OK;
	}
	if (c >= '0' && c <= '9' &&
	    (s[lx->pos + 1] == '<' || s[lx->pos + 1] == '>')) {
		t->io = c - '0';
		c = s[++lx->pos];
	}
	n = s[lx->pos + 1];
	switch (c) {
	case '\n':
		set_op(t, T_NL, "\n");
		break;
	case ';':
		if (n == ';')
			set_op(t, T_DSEMI, ";;");
		else if (n == '&')
			set_op(t, T_SEMIAND, ";&");
		else
			set_op(t, T_SEMI, ";");
		break;
	case '&':
		if (n == '&')
			set_op(t, T_AND, "&&");
		else
			set_op(t, T_AMP, "&");
		break;
	case '|':
		if (n == '|')
			set_op(t, T_OR, "||");
		else
			set_op(t, T_PIPE, "|");
		break;
	case '<':
		if (n == '<' && s[lx->pos + 2] == '-')
			set_op(t, T_DLESSDASH, "<<-");
		else if (n == '<')
			set_op(t, T_DLESS, "<<");
		else if (n == '>')
			set_op(t, T_BAD, "<>");
		else if (n == '&')
			set_op(t, T_LTAND, "<&");
		else
			set_op(t, T_LT, "<");
		break;
	case '>':
		if (n == '>')
			set_op(t, T_GTGT, ">>");
		else if (n == '&')
			set_op(t, T_GTAND, ">&");
		else if (n == '|')
			set_op(t, T_GT, ">|");	/* no noclobber: as > */
		else
			set_op(t, T_GT, ">");
		break;
	case '(':
		set_op(t, T_LPAREN, "(");
		break;
	case ')':
		set_op(t, T_RPAREN, ")");
		break;
	default:
		if ((r = lex_word(lx, t)) != SH_PARSE_OK)
			return r;
		t->end = lx->pos;
		return SH_PARSE_OK;
	}
	lx->pos += strlen(t->spell);
	t->end = lx->pos;
	if (t->type == T_NL && lx->ndocs > 0)
		return read_docs(lx);
	return SH_PARSE_OK;
}

static int peek(struct lexer *lx, struct token **t)
{
	int r;

	if (!lx->peeked) {
		if ((r = lex(lx, &lx->peek)) != SH_PARSE_OK)
			return r;
		lx->peeked = 1;
	}
	*t = &lx->peek;
	return SH_PARSE_OK;
}

static void consume(struct lexer *lx)
{
	lx->peeked = 0;
	lx->last_end = lx->peek.end;
}

static const char *tok_name(const struct token *t)
{
	if (t->type == T_WORD)
		return t->word;
	if (t->type == T_NL)
		return "newline";
	if (t->type == T_EOF)
		return "end of file";
	return t->spell;
}

static int syntax_error(struct lexer *lx, const struct token *t)
{
	return set_err(lx->p, SH_PARSE_ERROR, "syntax error", tok_name(t));
}

/* ---- Parser ---- */

static const char *const closers[] = {
	"then", "else", "elif", "fi", "do", "done", "esac", "}", NULL
};

static const char *const reserved[] = {
	"if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
	"while", "until", "for", "{", "}", "!", NULL
};

static int word_in(const struct token *t, const char *const *set)
{
	int i;

	if (t->type != T_WORD)
		return 0;
	for (i = 0; set[i] != NULL; i++)
		if (strcmp(t->word, set[i]) == 0)
			return 1;
	return 0;
}

static int is_word(const struct token *t, const char *w)
{
	return t->type == T_WORD && strcmp(t->word, w) == 0;
}

static struct sh_node *new_node(struct lexer *lx, enum sh_ntype type,
	size_t start)
{
	struct sh_node *n = arena_alloc(lx->p->arena, sizeof(*n));

	if (n != NULL) {
		n->type = type;
		n->src = lx->copy + start;
	}
	return n;
}

static void end_node(struct lexer *lx, struct sh_node *n)
{
	n->srclen = lx->last_end > (size_t)(n->src - lx->copy) ?
	    lx->last_end - (size_t)(n->src - lx->copy) : 0;
}

static struct sh_word *new_word(struct lexer *lx, const char *raw)
{
	struct sh_word *w = arena_alloc(lx->p->arena, sizeof(*w));

	if (w != NULL)
		w->raw = raw;
	return w;
}

/* Skip newlines. */
static int newlines(struct lexer *lx)
{
	struct token *t;
	int r;

	for (;;) {
		if ((r = peek(lx, &t)) != SH_PARSE_OK)
			return r;
		if (t->type != T_NL)
			return SH_PARSE_OK;
		consume(lx);
	}
}

/* Newlines after '|', '&&' or '||': the command goes on. */
static int linebreak(struct lexer *lx)
{
	struct token *t;
	int r;

	if ((r = newlines(lx)) != SH_PARSE_OK)
		return r;
	if ((r = peek(lx, &t)) != SH_PARSE_OK)
		return r;
	return t->type == T_EOF ? incomplete(lx) : SH_PARSE_OK;
}

/* Expect the reserved word w next. */
static int expect(struct lexer *lx, const char *w)
{
	struct token *t;
	int r;

	if ((r = peek(lx, &t)) != SH_PARSE_OK)
		return r;
	if (t->type == T_EOF)
		return incomplete(lx);
	if (!is_word(t, w))
		return syntax_error(lx, t);
	consume(lx);
	return SH_PARSE_OK;
}

static int is_redir(int type)
{
	return type == T_LT || type == T_GT || type == T_GTGT ||
	    type == T_LTAND || type == T_GTAND || type == T_DLESS ||
	    type == T_DLESSDASH;
}

/* A redirection; the operator is the peeked token. */
static int parse_redir(struct lexer *lx, struct sh_redir ***tail)
{
	struct sh_redir *r;
	struct token *t;
	int type, fd, st, op;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	op = t->type;
	switch (t->type) {
	case T_LT:	type = SH_R_IN; fd = 0; break;
	case T_GT:	type = SH_R_OUT; fd = 1; break;
	case T_GTGT:	type = SH_R_APPEND; fd = 1; break;
	case T_LTAND:	type = SH_R_DUPIN; fd = 0; break;
	case T_DLESS:
	case T_DLESSDASH: type = SH_R_HEREDOC; fd = 0; break;
	default:	type = SH_R_DUPOUT; fd = 1; break;
	}
	if (t->io >= 0)
		fd = t->io;
	consume(lx);
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type != T_WORD)
		return syntax_error(lx, t);
	if ((r = arena_alloc(lx->p->arena, sizeof(*r))) == NULL)
		return no_memory(lx);
	r->fd = fd;
	r->type = type;
	r->word = t->word;
	r->strip_tabs = op == T_DLESSDASH;
	if (type == SH_R_HEREDOC) {
		if (lx->ndocs >= SH_HEREDOCS_MAX)
			return set_err(lx->p, SH_PARSE_ERROR,
			    "too many here-documents on one line", NULL);
		lx->docs[lx->ndocs++] = r;
	}
	consume(lx);
	**tail = r;
	*tail = &r->next;
	return SH_PARSE_OK;
}

static int parse_command(struct lexer *lx, struct sh_node **out);

/* A list that must not be empty (the body of a compound command). */
static int parse_body(struct lexer *lx, struct sh_node **out)
{
	struct token *t;
	int st;

	if ((st = parse_list(lx, out)) != SH_PARSE_OK)
		return st;
	if (*out != NULL)
		return SH_PARSE_OK;
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	return t->type == T_EOF ? incomplete(lx) : syntax_error(lx, t);
}

static int parse_simple(struct lexer *lx, struct sh_node **out)
{
	struct sh_word **atail, **wtail, *w;
	struct sh_redir **rtail;
	struct sh_node *n, *body;
	struct token *t;
	int st;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if ((n = new_node(lx, N_SIMPLE, t->start)) == NULL)
		return no_memory(lx);
	atail = &n->assign;
	wtail = &n->words;
	rtail = &n->redirs;
	for (;;) {
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (is_redir(t->type)) {
			if ((st = parse_redir(lx, &rtail)) != SH_PARSE_OK)
				return st;
			continue;
		}
		if (t->type != T_WORD)
			break;
		if ((w = new_word(lx, t->word)) == NULL)
			return no_memory(lx);
		if (n->words == NULL && sh_assignment(t->word) > 0) {
			*atail = w;
			atail = &w->next;
		} else {
			*wtail = w;
			wtail = &w->next;
		}
		consume(lx);
		if (n->words != w || n->assign != NULL || n->redirs != NULL)
			continue;
		/* NAME ( ) compound: a function definition. */
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_LPAREN)
			continue;
		if (!sh_valid_name(w->raw, strlen(w->raw)))
			return syntax_error(lx, t);
		consume(lx);
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_RPAREN)
			return syntax_error(lx, t);
		consume(lx);
		if ((st = linebreak(lx)) != SH_PARSE_OK)
			return st;
		if ((st = parse_command(lx, &body)) != SH_PARSE_OK)
			return st;
		if (body->type == N_SIMPLE)
			return set_err(lx->p, SH_PARSE_ERROR, "syntax error: "
			    "a function body must be a compound command",
			    NULL);
		n->type = N_FUNC;
		n->name = w->raw;
		n->words = NULL;
		n->b = body;
		end_node(lx, n);
		*out = n;
		return SH_PARSE_OK;
	}
	if (n->assign == NULL && n->words == NULL && n->redirs == NULL)
		return t->type == T_EOF ? incomplete(lx) : syntax_error(lx, t);
	end_node(lx, n);
	*out = n;
	return SH_PARSE_OK;
}

static int parse_if(struct lexer *lx, struct sh_node *n)
{
	struct token *t;
	int st;

	consume(lx);			/* if or elif */
	if ((st = parse_body(lx, &n->a)) != SH_PARSE_OK ||
	    (st = expect(lx, "then")) != SH_PARSE_OK ||
	    (st = parse_body(lx, &n->b)) != SH_PARSE_OK ||
	    (st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (is_word(t, "elif")) {
		if ((n->c = new_node(lx, N_IF, t->start)) == NULL)
			return no_memory(lx);
		if ((st = parse_if(lx, n->c)) != SH_PARSE_OK)
			return st;
		end_node(lx, n->c);
		return SH_PARSE_OK;
	}
	if (is_word(t, "else")) {
		consume(lx);
		if ((st = parse_body(lx, &n->c)) != SH_PARSE_OK)
			return st;
	}
	return expect(lx, "fi");
}

static int parse_loop(struct lexer *lx, struct sh_node *n)
{
	int st;

	consume(lx);			/* while or until */
	if ((st = parse_body(lx, &n->a)) != SH_PARSE_OK ||
	    (st = expect(lx, "do")) != SH_PARSE_OK ||
	    (st = parse_body(lx, &n->b)) != SH_PARSE_OK)
		return st;
	return expect(lx, "done");
}

static int parse_for(struct lexer *lx, struct sh_node *n)
{
	struct sh_word **tail = &n->words, *w;
	struct token *t;
	int st;

	consume(lx);
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_EOF)
		return incomplete(lx);
	if (t->type != T_WORD || !sh_valid_name(t->word, strlen(t->word)))
		return syntax_error(lx, t);
	n->name = t->word;
	consume(lx);
	if ((st = newlines(lx)) != SH_PARSE_OK ||
	    (st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (is_word(t, "in")) {
		consume(lx);
		n->has_in = 1;
		for (;;) {
			if ((st = peek(lx, &t)) != SH_PARSE_OK)
				return st;
			if (t->type != T_WORD)
				break;
			if ((w = new_word(lx, t->word)) == NULL)
				return no_memory(lx);
			*tail = w;
			tail = &w->next;
			consume(lx);
		}
		if (t->type == T_EOF)
			return incomplete(lx);
		if (t->type != T_SEMI && t->type != T_NL)
			return syntax_error(lx, t);
		consume(lx);
	} else if (t->type == T_SEMI) {
		consume(lx);
	}
	if ((st = newlines(lx)) != SH_PARSE_OK ||
	    (st = expect(lx, "do")) != SH_PARSE_OK ||
	    (st = parse_body(lx, &n->b)) != SH_PARSE_OK)
		return st;
	return expect(lx, "done");
}

static int parse_case_item(struct lexer *lx, struct sh_case_item *it)
{
	struct sh_word **tail = &it->pats, *w;
	struct token *t;
	int st;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_LPAREN) {
		consume(lx);
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
	}
	for (;;) {
		if (t->type == T_EOF)
			return incomplete(lx);
		if (t->type != T_WORD)
			return syntax_error(lx, t);
		if ((w = new_word(lx, t->word)) == NULL)
			return no_memory(lx);
		*tail = w;
		tail = &w->next;
		consume(lx);
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type == T_RPAREN)
			break;
		if (t->type == T_EOF)
			return incomplete(lx);
		if (t->type != T_PIPE)
			return syntax_error(lx, t);
		consume(lx);
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
	}
	consume(lx);
	if ((st = parse_list(lx, &it->body)) != SH_PARSE_OK ||
	    (st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_DSEMI || t->type == T_SEMIAND) {
		it->fallthrough = t->type == T_SEMIAND;
		consume(lx);
		return newlines(lx);
	}
	if (is_word(t, "esac"))
		return SH_PARSE_OK;
	return t->type == T_EOF ? incomplete(lx) : syntax_error(lx, t);
}

static int parse_case(struct lexer *lx, struct sh_node *n)
{
	struct sh_case_item **tail = &n->items, *it;
	struct token *t;
	int st;

	consume(lx);
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_EOF)
		return incomplete(lx);
	if (t->type != T_WORD)
		return syntax_error(lx, t);
	if ((n->words = new_word(lx, t->word)) == NULL)
		return no_memory(lx);
	consume(lx);
	if ((st = newlines(lx)) != SH_PARSE_OK ||
	    (st = expect(lx, "in")) != SH_PARSE_OK ||
	    (st = newlines(lx)) != SH_PARSE_OK)
		return st;
	for (;;) {
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (is_word(t, "esac")) {
			consume(lx);
			return SH_PARSE_OK;
		}
		if ((it = arena_alloc(lx->p->arena, sizeof(*it))) == NULL)
			return no_memory(lx);
		*tail = it;
		tail = &it->next;
		if ((st = parse_case_item(lx, it)) != SH_PARSE_OK)
			return st;
	}
}

/* { list } and ( list ). */
static int parse_group(struct lexer *lx, struct sh_node *n)
{
	struct token *t;
	int st;

	consume(lx);
	if ((st = parse_body(lx, &n->a)) != SH_PARSE_OK)
		return st;
	if (n->type == N_GROUP)
		return expect(lx, "}");
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_EOF)
		return incomplete(lx);
	if (t->type != T_RPAREN)
		return syntax_error(lx, t);
	consume(lx);
	return SH_PARSE_OK;
}

static int parse_compound(struct lexer *lx, struct sh_node **out,
	enum sh_ntype type)
{
	struct sh_redir **rtail;
	struct sh_node *n;
	struct token *t;
	int st;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (++*lx->depth > SH_NEST_MAX)
		return set_err(lx->p, SH_PARSE_ERROR, "too deeply nested",
		    NULL);
	if ((n = new_node(lx, type, t->start)) == NULL)
		return no_memory(lx);
	switch (type) {
	case N_IF:
		st = parse_if(lx, n);
		break;
	case N_WHILE:
	case N_UNTIL:
		st = parse_loop(lx, n);
		break;
	case N_FOR:
		st = parse_for(lx, n);
		break;
	case N_CASE:
		st = parse_case(lx, n);
		break;
	default:
		st = parse_group(lx, n);
		break;
	}
	if (st != SH_PARSE_OK)
		return st;
	--*lx->depth;
	rtail = &n->redirs;
	for (;;) {
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (!is_redir(t->type))
			break;
		if ((st = parse_redir(lx, &rtail)) != SH_PARSE_OK)
			return st;
	}
	end_node(lx, n);
	*out = n;
	return SH_PARSE_OK;
}

static int parse_command(struct lexer *lx, struct sh_node **out)
{
	struct token *t;
	int st;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_LPAREN)
		return parse_compound(lx, out, N_SUBSHELL);
	if (is_word(t, "{"))
		return parse_compound(lx, out, N_GROUP);
	if (is_word(t, "if"))
		return parse_compound(lx, out, N_IF);
	if (is_word(t, "while"))
		return parse_compound(lx, out, N_WHILE);
	if (is_word(t, "until"))
		return parse_compound(lx, out, N_UNTIL);
	if (is_word(t, "for"))
		return parse_compound(lx, out, N_FOR);
	if (is_word(t, "case"))
		return parse_compound(lx, out, N_CASE);
	if (word_in(t, reserved))
		return syntax_error(lx, t);
	return parse_simple(lx, out);
}

static int parse_pipeline(struct lexer *lx, struct sh_node **out)
{
	struct sh_node *n, *cmd, **tail;
	struct token *t;
	int st, negate = 0;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if ((n = new_node(lx, N_PIPE, t->start)) == NULL)
		return no_memory(lx);
	if (is_word(t, "!")) {
		negate = 1;
		consume(lx);
	}
	tail = &n->kids;
	for (;;) {
		if ((st = parse_command(lx, &cmd)) != SH_PARSE_OK)
			return st;
		*tail = cmd;
		tail = &cmd->next;
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_PIPE)
			break;
		consume(lx);
		if ((st = linebreak(lx)) != SH_PARSE_OK)
			return st;
	}
	if (!negate && n->kids->next == NULL) {
		*out = n->kids;
		return SH_PARSE_OK;
	}
	n->negate = negate;
	end_node(lx, n);
	*out = n;
	return SH_PARSE_OK;
}

static int parse_andor(struct lexer *lx, struct sh_node **out)
{
	struct sh_node *left, *right, *n;
	struct token *t;
	size_t start;
	int st;

	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	start = t->start;
	if ((st = parse_pipeline(lx, &left)) != SH_PARSE_OK)
		return st;
	for (;;) {
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_AND && t->type != T_OR)
			break;
		if ((n = new_node(lx, t->type == T_AND ? N_AND : N_OR,
		    start)) == NULL)
			return no_memory(lx);
		consume(lx);
		if ((st = linebreak(lx)) != SH_PARSE_OK ||
		    (st = parse_pipeline(lx, &right)) != SH_PARSE_OK)
			return st;
		n->a = left;
		n->b = right;
		end_node(lx, n);
		left = n;
	}
	*out = left;
	return SH_PARSE_OK;
}

/* A list up to a closing word, ')', ';;' or the end; *out is NULL when
 * it is empty.
 */
static int parse_list(struct lexer *lx, struct sh_node **out)
{
	struct sh_node *list = NULL, *ao = NULL, **tail = NULL;
	struct token *t;
	int st;

	*out = NULL;
	for (;;) {
		if ((st = newlines(lx)) != SH_PARSE_OK ||
		    (st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type == T_EOF || t->type == T_RPAREN ||
		    t->type == T_DSEMI || t->type == T_SEMIAND ||
		    word_in(t, closers))
			break;
		if (list == NULL) {
			if ((list = new_node(lx, N_LIST, t->start)) == NULL)
				return no_memory(lx);
			tail = &list->kids;
		}
		if ((st = parse_andor(lx, &ao)) != SH_PARSE_OK)
			return st;
		*tail = ao;
		tail = &ao->next;
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type == T_AMP)
			ao->bg = 1;
		else if (t->type != T_SEMI && t->type != T_NL)
			break;
		consume(lx);
	}
	if (list != NULL)
		end_node(lx, list);
	*out = list;
	return SH_PARSE_OK;
}

int sh_parse(struct sh_prog *p, const char *src)
{
	struct lexer lx;
	struct token *t;
	size_t len = strlen(src);
	char *copy;
	int st, depth = 0;

	sh_prog_free(p);
	p->err[0] = '\0';
	if ((p->arena = arena_new()) == NULL ||
	    (copy = arena_alloc(p->arena, len + 1)) == NULL)
		return set_err(p, SH_PARSE_ERROR, "out of memory", NULL);
	memcpy(copy, src, len + 1);
	memset(&lx, 0, sizeof(lx));
	lx.p = p;
	lx.s = src;
	lx.copy = copy;
	lx.depth = &depth;
	if ((st = parse_list(&lx, &p->tree)) != SH_PARSE_OK)
		return st;
	if ((st = peek(&lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type != T_EOF)
		return syntax_error(&lx, t);
	return SH_PARSE_OK;
}

int sh_skip_subst(const char *s, size_t *i)
{
	struct sh_prog p;
	struct lexer lx;
	int depth = 0, st;

	memset(&p, 0, sizeof(p));
	if ((p.arena = arena_new()) == NULL)
		return -1;
	memset(&lx, 0, sizeof(lx));
	lx.p = &p;
	lx.s = s;
	lx.copy = s;
	lx.depth = &depth;
	st = s[*i] == '`' ? scan_bquote(&lx, i) : scan_dollar(&lx, i);
	sh_prog_free(&p);
	return st == SH_PARSE_OK ? 0 : -1;
}
