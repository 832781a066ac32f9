/* expand.c - word expansion: what a raw word becomes when its command
 * runs.
 *
 * In one pass over the raw word: tilde, parameters ($name, ${name},
 * ${#name}, ${name:-w} := :+ :? and the forms without ':', ${name#pat}
 * ## % %%, $1 $# $@ $* $? $$ $! $-), command substitution ($( ) and
 * `...`, trailing newlines removed), arithmetic ($(( ))), field
 * splitting of unquoted results at $IFS, and quote removal.  Each field
 * is built in escaped form (a quoted pattern character or any backslash
 * is preceded by '\'), so that pathname expansion (glob.c) and case
 * patterns can tell quoted from unquoted characters; the escapes go away
 * last.  Errors are reported here; the callers get -1 or NULL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct xs {
	int flags;
	struct strvec *fields;
	struct strbuf cur;	/* the field being built, escaped */
	int in_field;		/* it exists (maybe empty, from quotes) */
	int glob;		/* it has an unquoted * ? or [ */
	int ws_ended;		/* the last field ended at IFS white space */
	const char *ifs;
};

static int x_part(struct xs *x, const char *s, size_t i, size_t end,
	int dq, int top);

static int put_char(struct xs *x, char c, int quoted)
{
	x->in_field = 1;
	if (c == '\\' || (quoted && strchr("*?[]", c) != NULL)) {
		if (sb_putc(&x->cur, '\\') < 0)
			return -1;
	} else if (!quoted && (c == '*' || c == '?' || c == '[')) {
		x->glob = 1;
	}
	return sb_putc(&x->cur, c);
}

/* Finish the field: glob it, or take the escapes out. */
static int end_field(struct xs *x)
{
	char *f;
	int n;

	if (sb_putc(&x->cur, '\0') < 0)
		return -1;
	f = x->cur.s;
	x->cur.s = NULL;
	x->cur.len = x->cur.cap = 0;
	x->in_field = 0;
	if ((x->flags & X_GLOB) && x->glob && !sh.opt_f) {
		x->glob = 0;
		n = sh_glob(f, x->fields);
		if (n < 0) {
			free(f);
			sh_err("out of memory");
			return -1;
		}
		if (n > 0) {
			free(f);
			return 0;
		}
	}
	x->glob = 0;
	if (!(x->flags & X_PATTERN))
		sh_unescape(f);
	return sv_push(x->fields, f);
}

static int is_ifs_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Append an expansion's result; unquoted, it is split at $IFS. */
static int put_value(struct xs *x, const char *v, int quoted)
{
	int split = !quoted && (x->flags & X_SPLIT);

	for (; *v != '\0'; v++) {
		if (!split || strchr(x->ifs, *v) == NULL) {
			if (put_char(x, *v, quoted) < 0)
				return -1;
			continue;
		}
		if (is_ifs_ws((unsigned char)*v)) {
			if (x->in_field && end_field(x) < 0)
				return -1;
			x->ws_ended = 1;
			continue;
		}
		if (x->in_field) {
			if (end_field(x) < 0)
				return -1;
		} else if (!x->ws_ended) {
			x->in_field = 1;
			if (end_field(x) < 0)
				return -1;
		}
		x->ws_ended = 0;
	}
	return 0;
}

/* Expand s[i..end) into a new string (no splitting or globbing). */
static char *x_sub(const char *s, size_t i, size_t end, int flags, int top)
{
	int dq = (flags & X_HEREDOC) != 0;
	struct strvec f = { NULL, 0, 0 };
	struct strbuf b = { NULL, 0, 0 };
	struct xs x;
	int k;

	memset(&x, 0, sizeof(x));
	x.flags = flags;
	x.fields = &f;
	x.ifs = " \t\n";
	if (x_part(&x, s, i, end, dq, top) < 0 ||
	    (x.in_field && end_field(&x) < 0)) {
		sb_free(&x.cur);
		sv_free(&f);
		return NULL;
	}
	for (k = 0; k < f.n; k++)
		if ((k > 0 && sb_putc(&b, ' ') < 0) ||
		    sb_put(&b, f.v[k], strlen(f.v[k])) < 0)
			break;
	sv_free(&f);
	if (sb_putc(&b, '\0') < 0) {
		sb_free(&b);
		return NULL;
	}
	return b.s;
}

static const char *arith_get(void *ctx, const char *name)
{
	(void)ctx;
	return var_get(name);
}

static int arith_set(void *ctx, const char *name, long value)
{
	char num[32];

	(void)ctx;
	snprintf(num, sizeof(num), "%ld", value);
	return var_set(name, strlen(name), num, 0);
}

/* $(( expr )): s[i..end) is expr. */
static int x_arith(struct xs *x, const char *s, size_t i, size_t end,
	int dq)
{
	static const struct sh_arith_vars av = { arith_get, arith_set, NULL };
	char err[SH_ERR_MAX], num[32], *e;
	long v;

	if ((e = x_sub(s, i, end, 0, 0)) == NULL)
		return -1;
	if (sh_arith(e, &v, &av, err, sizeof(err)) < 0) {
		sh_err("%s: %s", e, err);
		free(e);
		return -1;
	}
	free(e);
	snprintf(num, sizeof(num), "%ld", v);
	return put_value(x, num, dq);
}

/* $( text ) or `text` (already unescaped). */
static int x_cmd(struct xs *x, const char *text, int dq)
{
	struct strbuf o = { NULL, 0, 0 };
	int r;

	if (cmd_subst(text, &o) < 0) {
		sb_free(&o);
		return -1;
	}
	while (o.len > 0 && o.s[o.len - 1] == '\n')
		o.len--;
	if (sb_putc(&o, '\0') < 0)
		return -1;
	r = put_value(x, o.s, dq);
	sb_free(&o);
	return r;
}

/* `...`: s[i] is the opening '`'; *ip goes past the closing one. */
static int x_backquote(struct xs *x, const char *s, size_t *ip, int dq)
{
	struct strbuf t = { NULL, 0, 0 };
	size_t i = *ip + 1;
	int r;

	for (; s[i] != '\0' && s[i] != '`'; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0' &&
		    (strchr("$`\\", s[i + 1]) != NULL ||
		    (dq && s[i + 1] == '"')))
			i++;
		if (sb_putc(&t, s[i]) < 0)
			return -1;
	}
	if (s[i] != '`') {
		sb_free(&t);
		sh_err("unterminated `");
		return -1;
	}
	*ip = i + 1;
	if (sb_putc(&t, '\0') < 0)
		return -1;
	r = x_cmd(x, t.s, dq);
	sb_free(&t);
	return r;
}

/* $@ and $* (not in a ${ } with an operator). */
static int x_params(struct xs *x, int at, int dq)
{
	int i, n = pos_count();
	char sep[2] = { x->ifs[0], '\0' };

	for (i = 1; i <= n; i++) {
		if (i > 1) {
			if (dq && at) {
				if (end_field(x) < 0)
					return -1;
			} else if (dq || !(x->flags & X_SPLIT)) {
				if (sep[0] != '\0' && put_char(x, sep[0],
				    dq) < 0)
					return -1;
			} else if (x->in_field && end_field(x) < 0) {
				return -1;
			}
		}
		if (dq)
			x->in_field = 1;
		if (put_value(x, pos_arg(i), dq) < 0)
			return -1;
	}
	return 0;
}

static int is_special(int c)
{
	return c == '?' || c == '$' || c == '!' || c == '#' || c == '*' ||
	    c == '@' || c == '-' || (c >= '0' && c <= '9');
}

/* Remove the shortest or longest prefix or suffix matching pat. */
static char *trim(const char *val, const char *pat, int suffix, int longest)
{
	size_t len = strlen(val), k, cut = (size_t)-1;
	char *buf = strdup(val), save;

	if (buf == NULL)
		return NULL;
	for (k = 0; k <= len; k++) {
		size_t at = longest ? (suffix ? k : len - k) :
		    (suffix ? len - k : k);
		int m;

		if (suffix) {
			m = sh_match(pat, buf + at);
		} else {
			save = buf[at];
			buf[at] = '\0';
			m = sh_match(pat, buf);
			buf[at] = save;
		}
		if (m) {
			cut = at;
			break;
		}
	}
	if (cut == (size_t)-1)
		return buf;
	if (suffix)
		buf[cut] = '\0';
	else
		memmove(buf, buf + cut, len - cut + 1);
	return buf;
}

/* ${ ... }: body is s[i..end). */
static int x_brace(struct xs *x, const char *s, size_t i, size_t end,
	int dq)
{
	char name[SH_NAME_MAX], num[32], *val = NULL, *w = NULL, *r;
	const char *v;
	size_t n = 0, ws;
	int len = 0, colon = 0, op = 0, set, ret = -1;

	if (s[i] == '#' && i + 1 < end) {
		len = 1;
		i++;
	}
	if (is_special((unsigned char)s[i]) && !(s[i] >= '0' &&
	    s[i] <= '9')) {
		n = 1;
	} else {
		while (i + n < end && (s[i + n] == '_' ||
		    (s[i + n] >= 'a' && s[i + n] <= 'z') ||
		    (s[i + n] >= 'A' && s[i + n] <= 'Z') ||
		    (s[i + n] >= '0' && s[i + n] <= '9')))
			n++;
	}
	if (n == 0 || n >= sizeof(name) || (n > 1 &&
	    !sh_valid_name(s + i, n) && strspn(s + i, "0123456789") != n))
		goto bad;
	memcpy(name, s + i, n);
	name[n] = '\0';
	ws = i + n;
	if (ws < end) {
		if (len)
			goto bad;
		if (s[ws] == ':') {
			colon = 1;
			ws++;
		}
		if (ws >= end || strchr("-=+?#%", s[ws]) == NULL ||
		    (colon && (s[ws] == '#' || s[ws] == '%')))
			goto bad;
		op = s[ws++];
		if ((op == '#' || op == '%') && ws < end && s[ws] == op) {
			op = op == '#' ? 'H' : 'P';	/* ## and %% */
			ws++;
		}
	}
	if (!len && !op && (name[0] == '@' || name[0] == '*') &&
	    name[1] == '\0')
		return x_params(x, name[0] == '@', dq);
	v = param(name);
	if (v != NULL && (val = strdup(v)) == NULL)
		goto nomem;
	set = colon ? val != NULL && val[0] != '\0' : val != NULL;
	if (val == NULL && sh.opt_u && op != '-' && op != '=' && op != '+' &&
	    op != '?') {
		sh_err("%s: parameter not set", name);
		goto out;
	}
	switch (op) {
	case 0:
		if (len) {
			snprintf(num, sizeof(num), "%zu",
			    val != NULL ? strlen(val) : (size_t)0);
			ret = put_value(x, num, dq);
		} else {
			ret = val != NULL ? put_value(x, val, dq) : 0;
		}
		break;
	case '-':
		ret = set ? put_value(x, val, dq) :
		    x_part(x, s, ws, end, dq, 0);
		break;
	case '+':
		ret = set ? x_part(x, s, ws, end, dq, 0) : 0;
		break;
	case '=':
		if (set) {
			ret = put_value(x, val, dq);
			break;
		}
		if (!sh_valid_name(name, strlen(name))) {
			sh_err("%s: cannot assign in this way", name);
			break;
		}
		if ((w = x_sub(s, ws, end, 0, 0)) == NULL ||
		    var_set(name, strlen(name), w, 0) < 0)
			break;
		ret = put_value(x, w, dq);
		break;
	case '?':
		if (set) {
			ret = put_value(x, val, dq);
			break;
		}
		if ((w = x_sub(s, ws, end, 0, 0)) == NULL)
			break;
		sh_err("%s: %s", name, w[0] != '\0' ? w :
		    "parameter not set");
		break;
	default:			/* # ## % %% */
		if (val == NULL) {
			ret = 0;
			break;
		}
		if ((w = x_sub(s, ws, end, X_PATTERN, 0)) == NULL)
			break;
		r = trim(val, w, op == '%' || op == 'P',
		    op == 'H' || op == 'P');
		if (r == NULL)
			goto nomem;
		ret = put_value(x, r, dq);
		free(r);
		break;
	}
	goto out;
bad:
	sh_err("${%.*s}: bad substitution", (int)(end - i), s + i);
	goto out;
nomem:
	sh_err("out of memory");
out:
	free(val);
	free(w);
	return ret;
}

/* s[*ip] is '$'. */
static int x_dollar(struct xs *x, const char *s, size_t *ip, int dq)
{
	char name[2] = { 0, 0 }, *t;
	size_t i = *ip, e = i, n;
	const char *v;
	int r, c = (unsigned char)s[i + 1];

	if (c == '(' || c == '{') {
		if (sh_skip_subst(s, &e) < 0) {
			sh_err("bad substitution");
			return -1;
		}
		*ip = e;
		if (c == '{')
			return x_brace(x, s, i + 2, e - 1, dq);
		if (s[i + 2] == '(')
			return x_arith(x, s, i + 3, e - 2, dq);
		if ((t = strndup(s + i + 2, e - 1 - (i + 2))) == NULL) {
			sh_err("out of memory");
			return -1;
		}
		r = x_cmd(x, t, dq);
		free(t);
		return r;
	}
	if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		for (n = 1; s[i + 1 + n] == '_' ||
		    (s[i + 1 + n] >= 'a' && s[i + 1 + n] <= 'z') ||
		    (s[i + 1 + n] >= 'A' && s[i + 1 + n] <= 'Z') ||
		    (s[i + 1 + n] >= '0' && s[i + 1 + n] <= '9'); n++)
			;
		if ((t = strndup(s + i + 1, n)) == NULL) {
			sh_err("out of memory");
			return -1;
		}
		*ip = i + 1 + n;
		v = var_get(t);
		if (v == NULL && sh.opt_u) {
			sh_err("%s: parameter not set", t);
			free(t);
			return -1;
		}
		free(t);
		return v != NULL ? put_value(x, v, dq) : 0;
	}
	if (c != '\0' && is_special(c)) {
		*ip = i + 2;
		if (c == '@' || c == '*')
			return x_params(x, c == '@', dq);
		name[0] = (char)c;
		v = param(name);
		if (v == NULL && sh.opt_u && c != '!') {
			sh_err("%s: parameter not set", name);
			return -1;
		}
		return v != NULL ? put_value(x, v, dq) : 0;
	}
	*ip = i + 1;
	return put_char(x, '$', dq);
}

/* Expand s[i..end).  dq: inside double quotes; top: at a word's start
 * (where a tilde means $HOME).
 */
static int x_part(struct xs *x, const char *s, size_t i, size_t end,
	int dq, int top)
{
	const char *home, *q;
	char c;

	if (top && s[i] == '~' && (i + 1 == end || s[i + 1] == '/') &&
	    (home = var_get("HOME")) != NULL) {
		if (put_value(x, home, 1) < 0)
			return -1;
		i++;
	}
	while (i < end) {
		c = s[i];
		if (c == '\'' && !dq) {
			x->in_field = 1;
			q = memchr(s + i + 1, '\'', end - i - 1);
			if (q == NULL)
				q = s + end;
			for (i++; s + i < q; i++)
				if (put_char(x, s[i], 1) < 0)
					return -1;
			i = (size_t)(q - s) + (q < s + end);
		} else if (c == '"' && !(x->flags & X_HEREDOC)) {
			/* "$@" with no parameters is no field at all. */
			if (!dq && (strncmp(s + i, "\"$@\"", 4) == 0 ||
			    strncmp(s + i, "\"${@}\"", 6) == 0) &&
			    pos_count() == 0) {
				i += s[i + 2] == '@' ? 4 : 6;
				continue;
			}
			dq = !dq;
			x->in_field = 1;
			i++;
		} else if (c == '\\') {
			if (s[i + 1] == '\n') {
				i += 2;
			} else if (i + 1 >= end) {
				if (put_char(x, c, 1) < 0)
					return -1;
				i++;
			} else if (!dq || strchr("$`\\", s[i + 1]) != NULL ||
			    (s[i + 1] == '"' && !(x->flags & X_HEREDOC))) {
				if (put_char(x, s[i + 1], 1) < 0)
					return -1;
				i += 2;
			} else {
				if (put_char(x, c, 1) < 0)
					return -1;
				i++;
			}
		} else if (c == '$') {
			if (x_dollar(x, s, &i, dq) < 0)
				return -1;
		} else if (c == '`') {
			if (x_backquote(x, s, &i, dq) < 0)
				return -1;
		} else {
			if (put_char(x, c, dq) < 0)
				return -1;
			i++;
		}
	}
	return 0;
}

static const char *ifs_value(void)
{
	const char *ifs = var_get("IFS");

	return ifs != NULL ? ifs : " \t\n";
}

int expand_words(const struct sh_word *w, int flags, struct strvec *out)
{
	struct xs x;

	memset(&x, 0, sizeof(x));
	x.flags = flags;
	x.fields = out;
	x.ifs = ifs_value();
	for (; w != NULL; w = w->next) {
		x.in_field = 0;
		x.glob = 0;
		x.ws_ended = 0;
		if (x_part(&x, w->raw, 0, strlen(w->raw), 0, 1) < 0 ||
		    (x.in_field && end_field(&x) < 0)) {
			sb_free(&x.cur);
			return -1;
		}
		sb_free(&x.cur);
	}
	return 0;
}

/* One string: no splitting, no globbing; "$@" joined with spaces. */
char *expand_word(const char *raw, int flags)
{
	return x_sub(raw, 0, strlen(raw), flags & X_PATTERN, 1);
}

/* A here-document's text: $ forms, substitutions and \ escapes. */
char *expand_heredoc(const char *doc)
{
	return x_sub(doc, 0, strlen(doc), X_HEREDOC, 0);
}

/* A word as set -x shows it: quoted when it has anything special. */
char *quote_for_trace(const char *s)
{
	struct strbuf b = { NULL, 0, 0 };
	const char *p;
	int plain = *s != '\0';

	for (p = s; *p != '\0'; p++)
		if (strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+@%-",
		    *p) == NULL)
			plain = 0;
	if (plain)
		return strdup(s);
	if (sb_putc(&b, '\'') < 0)
		return NULL;
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'') {
			if (sb_put(&b, "'\\''", 4) < 0)
				return NULL;
		} else if (sb_putc(&b, *p) < 0) {
			return NULL;
		}
	}
	if (sb_put(&b, "'", 2) < 0)
		return NULL;
	return b.s;
}
