/* parse.c - the shell's tokenizer, parser and word expander.
 *
 * Owns the command language (see parse.h for the grammar): the lexer
 * splits the input into words and operators, keeping each word's raw
 * spelling in the program's text arena; the recursive-descent parser
 * fills the flat arrays of struct sh_prog; sh_expand_word() later turns a
 * raw word into fields.  Nothing here allocates or calls the system: the
 * file builds unchanged on the host (tests/host/test_sh_parse.c) and on
 * our libc.
 */
#include <stdio.h>	/* snprintf */
#include <string.h>

#include "parse.h"

/* Tokens. */
enum {
	T_EOF, T_WORD, T_NL, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR,
	T_LT, T_GT, T_GTGT, T_LTAND, T_GTAND,
	T_BAD		/* an operator we do not support: ( ) ;; << <> */
};

struct token {
	int type;
	int io;			/* redirections: the fd given, or -1 */
	const char *word;	/* T_WORD: raw text in the arena */
	char spell[4];		/* operators: the spelling, for errors */
};

struct lexer {
	struct sh_prog *p;
	const char *s;
	size_t pos;
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

static int is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
	    c == '|' || c == '<' || c == '>' || c == '(' || c == ')';
}

static int arena_put(struct sh_prog *p, char c)
{
	if (p->ntext >= sizeof(p->text))
		return -1;
	p->text[p->ntext++] = c;
	return 0;
}

static void set_op(struct token *t, int type, const char *spell)
{
	t->type = type;
	strncpy(t->spell, spell, sizeof(t->spell) - 1);
	t->spell[sizeof(t->spell) - 1] = '\0';
}

/* Copy one raw word into the arena.  Backslash-newline pairs (line
 * continuations) are dropped; quotes are kept for the expander.
 */
static int lex_word(struct lexer *lx, struct token *t)
{
	struct sh_prog *p = lx->p;
	const char *s = lx->s;
	size_t i = lx->pos;
	int depth;
	char c, q;

	t->type = T_WORD;
	t->word = p->text + p->ntext;
	while ((c = s[i]) != '\0' && !is_meta((unsigned char)c)) {
		if (c == '\\') {
			if (s[i + 1] == '\n') {
				i += 2;
				if (s[i] == '\0')
					return set_err(p, SH_PARSE_INCOMPLETE,
					    "unexpected end of input", NULL);
				continue;
			}
			if (s[i + 1] == '\0')
				return set_err(p, SH_PARSE_INCOMPLETE,
				    "unexpected end of input", NULL);
			if (arena_put(p, c) < 0 || arena_put(p, s[i + 1]) < 0)
				goto too_long;
			i += 2;
			continue;
		}
		if (c == '$' && s[i + 1] == '(') {
			/* Keep $(...) whole, for the expander to refuse. */
			if (arena_put(p, s[i++]) < 0)
				goto too_long;
			depth = 0;
			do {
				if (s[i] == '\0')
					return set_err(p, SH_PARSE_INCOMPLETE,
					    "unexpected end of input", NULL);
				if (s[i] == '(')
					depth++;
				else if (s[i] == ')')
					depth--;
				if (arena_put(p, s[i++]) < 0)
					goto too_long;
			} while (depth > 0);
			continue;
		}
		if (c == '\'' || c == '"') {
			q = c;
			if (arena_put(p, c) < 0)
				goto too_long;
			for (i++; s[i] != q; i++) {
				if (s[i] == '\0')
					return set_err(p, SH_PARSE_INCOMPLETE,
					    "unterminated quote", NULL);
				if (q == '"' && s[i] == '\\') {
					if (s[i + 1] == '\n') {
						i++;
						continue;
					}
					if (s[i + 1] == '\0')
						continue; /* next: no quote */
					if (arena_put(p, s[i]) < 0)
						goto too_long;
					i++;
				}
				if (arena_put(p, s[i]) < 0)
					goto too_long;
			}
			if (arena_put(p, q) < 0)
				goto too_long;
			i++;
			continue;
		}
		if (arena_put(p, c) < 0)
			goto too_long;
		i++;
	}
	if (arena_put(p, '\0') < 0)
		goto too_long;
	lx->pos = i;
	return SH_PARSE_OK;
too_long:
	return set_err(p, SH_PARSE_ERROR, "line too long", NULL);
}

static int lex(struct lexer *lx, struct token *t)
{
	const char *s = lx->s;
	char c, n;

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
				return set_err(lx->p, SH_PARSE_INCOMPLETE,
				    "unexpected end of input", NULL);
		} else if (c == '#') {
			while (s[lx->pos] != '\0' && s[lx->pos] != '\n')
				lx->pos++;
		} else {
			break;
		}
	}
	if (c == '\0') {
		t->type = T_EOF;
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
			set_op(t, T_BAD, ";;");
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
		if (n == '<')
			set_op(t, T_BAD, "<<");
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
		set_op(t, T_BAD, "(");
		break;
	case ')':
		set_op(t, T_BAD, ")");
		break;
	default:
		return lex_word(lx, t);
	}
	lx->pos += strlen(t->spell);
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
}

static const char *tok_name(const struct token *t)
{
	if (t->type == T_WORD)
		return t->word;
	if (t->type == T_NL || t->type == T_EOF)
		return "newline";
	return t->spell;
}

static int syntax_error(struct lexer *lx, const struct token *t)
{
	return set_err(lx->p, SH_PARSE_ERROR, "syntax error", tok_name(t));
}

/* Skip newlines after '|', '&&' or '||'; the end of the input there means
 * the command goes on in the next line.
 */
static int linebreak(struct lexer *lx)
{
	struct token *t;
	int r;

	for (;;) {
		if ((r = peek(lx, &t)) != SH_PARSE_OK)
			return r;
		if (t->type == T_EOF)
			return set_err(lx->p, SH_PARSE_INCOMPLETE,
			    "unexpected end of input", NULL);
		if (t->type != T_NL)
			return SH_PARSE_OK;
		consume(lx);
	}
}

static int is_redir(int type)
{
	return type == T_LT || type == T_GT || type == T_GTGT ||
	    type == T_LTAND || type == T_GTAND;
}

static int parse_redir(struct lexer *lx, struct sh_cmd *cmd,
	const struct token *op)
{
	struct sh_prog *p = lx->p;
	struct sh_redir *r;
	struct token *t;
	int type, fd, st;

	switch (op->type) {
	case T_LT:	type = SH_R_IN; fd = 0; break;
	case T_GT:	type = SH_R_OUT; fd = 1; break;
	case T_GTGT:	type = SH_R_APPEND; fd = 1; break;
	case T_LTAND:	type = SH_R_DUPIN; fd = 0; break;
	default:	type = SH_R_DUPOUT; fd = 1; break;
	}
	if (op->io >= 0)
		fd = op->io;
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type != T_WORD)
		return syntax_error(lx, t);
	if (p->nredirs >= SH_REDIRS_MAX)
		return set_err(p, SH_PARSE_ERROR, "too many redirections",
		    NULL);
	r = &p->redirs[p->nredirs++];
	r->fd = fd;
	r->type = type;
	r->word = t->word;
	consume(lx);
	if (cmd->nredir == 0)
		cmd->redir = r;
	cmd->nredir++;
	return SH_PARSE_OK;
}

static int parse_command(struct lexer *lx)
{
	struct sh_prog *p = lx->p;
	struct sh_cmd *cmd;
	struct token *t, op;
	int st;

	if (p->ncmds >= SH_CMDS_MAX)
		return set_err(p, SH_PARSE_ERROR, "too many commands", NULL);
	cmd = &p->cmds[p->ncmds++];
	memset(cmd, 0, sizeof(*cmd));
	cmd->assign = &p->words[p->nwords];
	cmd->argv = cmd->assign;
	cmd->redir = &p->redirs[p->nredirs];
	for (;;) {
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type == T_WORD) {
			if (cmd->nassign + cmd->argc >= SH_ARGS_MAX)
				return set_err(p, SH_PARSE_ERROR,
				    "too many arguments", NULL);
			if (p->nwords >= SH_WORDS_MAX)
				return set_err(p, SH_PARSE_ERROR,
				    "too many words", NULL);
			p->words[p->nwords++] = t->word;
			if (cmd->argc == 0 && sh_assignment(t->word) > 0) {
				cmd->nassign++;
				cmd->argv++;
			} else {
				cmd->argc++;
			}
			consume(lx);
		} else if (is_redir(t->type)) {
			op = *t;
			consume(lx);
			if ((st = parse_redir(lx, cmd, &op)) != SH_PARSE_OK)
				return st;
		} else {
			break;
		}
	}
	if (cmd->nassign + cmd->argc + cmd->nredir == 0)
		return syntax_error(lx, t);
	return SH_PARSE_OK;
}

static int parse_pipeline(struct lexer *lx)
{
	struct sh_prog *p = lx->p;
	struct sh_pipeline *pl;
	struct token *t;
	int st;

	if (p->npipes >= SH_PIPES_MAX)
		return set_err(p, SH_PARSE_ERROR, "too many pipelines", NULL);
	pl = &p->pipes[p->npipes++];
	memset(pl, 0, sizeof(*pl));
	pl->cmd = &p->cmds[p->ncmds];
	if ((st = peek(lx, &t)) != SH_PARSE_OK)
		return st;
	if (t->type == T_WORD && strcmp(t->word, "!") == 0) {
		pl->negate = 1;
		consume(lx);
	}
	for (;;) {
		if ((st = parse_command(lx)) != SH_PARSE_OK)
			return st;
		pl->ncmd++;
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_PIPE)
			return SH_PARSE_OK;
		consume(lx);
		if ((st = linebreak(lx)) != SH_PARSE_OK)
			return st;
	}
}

static int parse_andor(struct lexer *lx)
{
	struct sh_prog *p = lx->p;
	struct sh_andor *ao;
	struct token *t;
	int st;

	if (p->nlist >= SH_LISTS_MAX)
		return set_err(p, SH_PARSE_ERROR, "too many commands", NULL);
	ao = &p->list[p->nlist++];
	memset(ao, 0, sizeof(*ao));
	ao->pipe = &p->pipes[p->npipes];
	for (;;) {
		if ((st = parse_pipeline(lx)) != SH_PARSE_OK)
			return st;
		ao->npipe++;
		if ((st = peek(lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type != T_AND && t->type != T_OR)
			return SH_PARSE_OK;
		ao->pipe[ao->npipe - 1].op =
		    t->type == T_AND ? SH_OP_AND : SH_OP_OR;
		consume(lx);
		if ((st = linebreak(lx)) != SH_PARSE_OK)
			return st;
	}
}

int sh_parse(struct sh_prog *p, const char *src)
{
	struct lexer lx;
	struct token *t;
	int st;

	p->nlist = p->npipes = p->ncmds = p->nredirs = p->nwords = 0;
	p->ntext = 0;
	p->err[0] = '\0';
	memset(&lx, 0, sizeof(lx));
	lx.p = p;
	lx.s = src;
	for (;;) {
		if ((st = peek(&lx, &t)) != SH_PARSE_OK)
			return st;
		if (t->type == T_EOF)
			return SH_PARSE_OK;
		if (t->type == T_NL) {
			consume(&lx);
			continue;
		}
		if ((st = parse_andor(&lx)) != SH_PARSE_OK)
			return st;
		if ((st = peek(&lx, &t)) != SH_PARSE_OK)
			return st;
		switch (t->type) {
		case T_AMP:
			p->list[p->nlist - 1].background = 1;
			/* FALLTHROUGH */
		case T_SEMI:
		case T_NL:
			consume(&lx);
			break;
		case T_EOF:
			return SH_PARSE_OK;
		default:
			return syntax_error(&lx, t);
		}
	}
}

/* ---- Word expansion ---- */

struct xstate {
	char *out;
	size_t size;
	size_t *used;
	int flags;
	int nfields;
	int in_field;		/* a field has begun (maybe still empty) */
	char *err;
	size_t errsz;
};

static int x_fail(struct xstate *x, const char *msg)
{
	snprintf(x->err, x->errsz, "%s", msg);
	return -1;
}

/* Append one byte, leaving room for the field's NUL. */
static int x_put(struct xstate *x, char c)
{
	if (*x->used + 1 >= x->size)
		return x_fail(x, "arguments too long");
	x->out[(*x->used)++] = c;
	x->in_field = 1;
	return 0;
}

static int x_end_field(struct xstate *x)
{
	if (*x->used >= x->size)
		return x_fail(x, "arguments too long");
	x->out[(*x->used)++] = '\0';
	x->nfields++;
	x->in_field = 0;
	return 0;
}

/* Append an expanded value; unquoted blanks split fields if asked to. */
static int x_value(struct xstate *x, const char *v, int quoted)
{
	int split = !quoted && (x->flags & SH_X_SPLIT);

	for (; *v != '\0'; v++) {
		if (split && (*v == ' ' || *v == '\t' || *v == '\n')) {
			if (x->in_field && x_end_field(x) < 0)
				return -1;
			continue;
		}
		if (x_put(x, *v) < 0)
			return -1;
	}
	return 0;
}

static int is_special(int c)
{
	return c == '?' || c == '$' || c == '!' || c == '#' || c == '*' ||
	    c == '@' || (c >= '0' && c <= '9');
}

/* raw[*i] is '$'.  Substitute the parameter it names and advance *i past
 * it; a '$' that names nothing stays a '$'.
 */
static int x_dollar(struct xstate *x, const char *raw, size_t *i,
	int quoted, sh_lookup_fn look, void *ctx)
{
	char name[SH_NAME_MAX];
	const char *val, *end;
	size_t j = *i + 1, n;
	int c = (unsigned char)raw[j];

	if (c == '{') {
		end = strchr(raw + j, '}');
		if (end == NULL)
			return x_fail(x, "bad substitution");
		n = (size_t)(end - (raw + j + 1));
		if (n == 0 || n >= sizeof(name) ||
		    !(sh_valid_name(raw + j + 1, n) ||
		    (n == 1 && is_special((unsigned char)raw[j + 1]))))
			return x_fail(x, "bad substitution");
		memcpy(name, raw + j + 1, n);
		name[n] = '\0';
		*i = (size_t)(end - raw) + 1;
	} else if (c == '(') {
		return x_fail(x, "command substitution not supported");
	} else if (is_name_start(c)) {
		for (n = 0; is_name_char((unsigned char)raw[j + n]); n++)
			;
		if (n >= sizeof(name))
			return x_fail(x, "variable name too long");
		memcpy(name, raw + j, n);
		name[n] = '\0';
		*i = j + n;
	} else if (is_special(c)) {
		name[0] = (char)c;
		name[1] = '\0';
		*i = j + 1;
	} else {
		*i = j;
		return x_put(x, '$');
	}
	val = look(ctx, name);
	if (val == NULL)
		return 0;
	return x_value(x, val, quoted);
}

int sh_expand_word(const char *raw, int flags, sh_lookup_fn look, void *ctx,
	char *out, size_t size, size_t *used, char *err, size_t errsz)
{
	struct xstate x;
	const char *home;
	size_t i = 0;
	char c;

	memset(&x, 0, sizeof(x));
	x.out = out;
	x.size = size;
	x.used = used;
	x.flags = flags;
	x.err = err;
	x.errsz = errsz;
	if (raw[0] == '~' && (raw[1] == '\0' || raw[1] == '/') &&
	    (home = look(ctx, "HOME")) != NULL) {
		if (x_value(&x, home, 1) < 0)
			return -1;
		x.in_field = 1;
		i = 1;
	}
	while ((c = raw[i]) != '\0') {
		switch (c) {
		case '\'':
			x.in_field = 1;
			for (i++; raw[i] != '\0' && raw[i] != '\''; i++)
				if (x_put(&x, raw[i]) < 0)
					return -1;
			if (raw[i] == '\'')
				i++;
			break;
		case '"':
			x.in_field = 1;
			for (i++; raw[i] != '\0' && raw[i] != '"';) {
				c = raw[i];
				if (c == '\\' && raw[i + 1] != '\0' &&
				    strchr("$`\"\\", raw[i + 1]) != NULL) {
					if (x_put(&x, raw[i + 1]) < 0)
						return -1;
					i += 2;
				} else if (c == '\\' && raw[i + 1] == '\n') {
					i += 2;
				} else if (c == '$') {
					if (x_dollar(&x, raw, &i, 1, look,
					    ctx) < 0)
						return -1;
				} else if (c == '`') {
					return x_fail(&x, "command "
					    "substitution not supported");
				} else {
					if (x_put(&x, c) < 0)
						return -1;
					i++;
				}
			}
			if (raw[i] == '"')
				i++;
			break;
		case '\\':
			if (raw[i + 1] == '\n') {
				i += 2;
			} else if (raw[i + 1] != '\0') {
				if (x_put(&x, raw[i + 1]) < 0)
					return -1;
				i += 2;
			} else {
				if (x_put(&x, c) < 0)
					return -1;
				i++;
			}
			break;
		case '$':
			if (x_dollar(&x, raw, &i, 0, look, ctx) < 0)
				return -1;
			break;
		case '`':
			return x_fail(&x, "command substitution not supported");
		default:
			if (x_put(&x, c) < 0)
				return -1;
			i++;
			break;
		}
	}
	if (x.in_field && x_end_field(&x) < 0)
		return -1;
	return x.nfields;
}
