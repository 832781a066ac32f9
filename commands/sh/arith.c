/* arith.c - $(( )) arithmetic: integer expressions over the shell's
 * variables (sh_arith, declared in parse.h).
 *
 * Recursive descent with C's precedence: assignment (= += -= *= /= %=
 * <<= >>= &= ^= |=), ?:, || &&, | ^ &, == !=, < <= > >=, << >>, + -,
 * * / %, unary + - ! ~, parentheses, numbers (decimal, 0x hex, 0 octal)
 * and variables by name (unset or empty is 0; a value that is no number
 * is evaluated as an expression).  Arithmetic is on long
 * and wraps around; division by zero is an error.  The parts && || and ?:
 * skip are parsed without side effects or errors.  No system calls: the
 * file also builds into tests/host/test_sh_parse.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

#define AR_NAME_MAX	64

struct ar {
	const char *s;
	size_t pos;
	const struct sh_arith_vars *v;
	char *err;
	size_t errsz;
	int failed;
	int noeval;		/* inside a branch that is not taken */
	int depth;		/* parentheses */
	int vdepth;		/* variables holding expressions */
	int named;		/* err already names the variable */
};

static long ar_expr(struct ar *a);
static void skip_ws(struct ar *a);

static long ar_fail(struct ar *a, const char *msg)
{
	if (!a->failed)
		snprintf(a->err, a->errsz, "%s", msg);
	a->failed = 1;
	return 0;
}

static void skip_ws(struct ar *a)
{
	while (a->s[a->pos] == ' ' || a->s[a->pos] == '\t' ||
	    a->s[a->pos] == '\n')
		a->pos++;
}

/* Is the operator op next, and not followed by a character of notnext?
 * Consumes it if so.
 */
static int op(struct ar *a, const char *o, const char *notnext)
{
	size_t n = strlen(o);
	char c;

	skip_ws(a);
	if (strncmp(a->s + a->pos, o, n) != 0)
		return 0;
	c = a->s[a->pos + n];
	if (c != '\0' && notnext != NULL && strchr(notnext, c) != NULL)
		return 0;
	a->pos += n;
	return 1;
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A number in s (the whole of it, blanks around allowed). */
static int to_number(const char *s, long *v)
{
	char *end;
	int neg = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (*s == '\0') {
		*v = 0;
		return 0;
	}
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!is_digit((unsigned char)*s))
		return -1;
	*v = (long)strtoul(s, &end, 0);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end != '\0')
		return -1;
	if (neg)
		*v = (long)(0UL - (unsigned long)*v);
	return 0;
}

/* A variable's value: a number, or else an expression of its own
 * (x=1+2; $((x * 2)) is 6), to a depth of 8.
 */
static long var_value(struct ar *a, const char *name)
{
	const char *s = a->v != NULL ? a->v->get(a->v->ctx, name) : NULL;
	char msg[SH_ERR_MAX];
	struct ar sub;
	long v;

	if (s == NULL || to_number(s, &v) == 0)
		return s == NULL ? 0 : v;
	if (a->noeval)
		return 0;
	if (a->vdepth >= 8) {
		snprintf(a->err, a->errsz, "%s: expression too deeply nested",
		    name);
		a->failed = a->named = 1;
		return 0;
	}
	sub = *a;
	sub.s = s;
	sub.pos = 0;
	sub.vdepth++;
	sub.err = msg;
	sub.errsz = sizeof(msg);
	v = ar_expr(&sub);
	skip_ws(&sub);
	if (!sub.failed && sub.s[sub.pos] != '\0') {
		snprintf(msg, sizeof(msg), "syntax error in expression");
		sub.failed = 1;
	}
	if (sub.failed) {
		if (sub.named)
			snprintf(a->err, a->errsz, "%s", msg);
		else
			snprintf(a->err, a->errsz, "%s: %s", name, msg);
		a->failed = a->named = 1;
	}
	return v;
}

static long ar_primary(struct ar *a)
{
	const char *s;
	char *end;
	size_t n;
	char name[AR_NAME_MAX];
	long v;

	skip_ws(a);
	s = a->s + a->pos;
	if (*s == '(') {
		a->pos++;
		if (++a->depth > 64)
			return ar_fail(a, "expression too deeply nested");
		v = ar_expr(a);
		a->depth--;
		if (!op(a, ")", NULL))
			return ar_fail(a, "missing ')'");
		return v;
	}
	if (is_digit((unsigned char)*s)) {
		v = (long)strtoul(s, &end, 0);
		if (is_alpha((unsigned char)*end) ||
		    is_digit((unsigned char)*end))
			return ar_fail(a, "bad number");
		a->pos += (size_t)(end - s);
		return v;
	}
	if (is_alpha((unsigned char)*s)) {
		for (n = 0; is_alpha((unsigned char)s[n]) ||
		    is_digit((unsigned char)s[n]); n++)
			;
		if (n >= sizeof(name))
			return ar_fail(a, "variable name too long");
		memcpy(name, s, n);
		name[n] = '\0';
		a->pos += n;
		return var_value(a, name);
	}
	if (*s == '\0')
		return ar_fail(a, "syntax error: operand expected");
	return ar_fail(a, "syntax error in expression");
}

static long ar_unary(struct ar *a)
{
	if (op(a, "+", "+="))
		return ar_unary(a);
	if (op(a, "-", "-="))
		return (long)(0UL - (unsigned long)ar_unary(a));
	if (op(a, "!", "="))
		return !ar_unary(a);
	if (op(a, "~", NULL))
		return ~ar_unary(a);
	return ar_primary(a);
}

/* l / r and l % r, with the errors. */
static long divide(struct ar *a, long l, long r, int mod)
{
	if (a->noeval)
		return 0;
	if (r == 0)
		return ar_fail(a, "division by zero");
	if (l == LONG_MIN && r == -1)
		return mod ? 0 : LONG_MIN;
	return mod ? l % r : l / r;
}

static long ar_mul(struct ar *a)
{
	long l = ar_unary(a), r;

	for (;;) {
		if (op(a, "*", "=")) {
			r = ar_unary(a);
			l = (long)((unsigned long)l * (unsigned long)r);
		} else if (op(a, "/", "=")) {
			r = ar_unary(a);
			l = divide(a, l, r, 0);
		} else if (op(a, "%", "=")) {
			r = ar_unary(a);
			l = divide(a, l, r, 1);
		} else {
			return l;
		}
	}
}

static long ar_add(struct ar *a)
{
	long l = ar_mul(a);

	for (;;) {
		if (op(a, "+", "="))
			l = (long)((unsigned long)l + (unsigned long)ar_mul(a));
		else if (op(a, "-", "="))
			l = (long)((unsigned long)l - (unsigned long)ar_mul(a));
		else
			return l;
	}
}

static long shift(long l, long r, int left)
{
	r &= (long)(sizeof(long) * CHAR_BIT - 1);
	return left ? (long)((unsigned long)l << r) : l >> r;
}

static long ar_shift(struct ar *a)
{
	long l = ar_add(a);

	for (;;) {
		if (op(a, "<<", "="))
			l = shift(l, ar_add(a), 1);
		else if (op(a, ">>", "="))
			l = shift(l, ar_add(a), 0);
		else
			return l;
	}
}

static long ar_rel(struct ar *a)
{
	long l = ar_shift(a);

	for (;;) {
		if (op(a, "<=", NULL))
			l = l <= ar_shift(a);
		else if (op(a, ">=", NULL))
			l = l >= ar_shift(a);
		else if (op(a, "<", "<"))
			l = l < ar_shift(a);
		else if (op(a, ">", ">"))
			l = l > ar_shift(a);
		else
			return l;
	}
}

static long ar_eq(struct ar *a)
{
	long l = ar_rel(a);

	for (;;) {
		if (op(a, "==", NULL))
			l = l == ar_rel(a);
		else if (op(a, "!=", NULL))
			l = l != ar_rel(a);
		else
			return l;
	}
}

static long ar_band(struct ar *a)
{
	long l = ar_eq(a);

	while (op(a, "&", "&="))
		l &= ar_eq(a);
	return l;
}

static long ar_bxor(struct ar *a)
{
	long l = ar_band(a);

	while (op(a, "^", "="))
		l ^= ar_band(a);
	return l;
}

static long ar_bor(struct ar *a)
{
	long l = ar_bxor(a);

	while (op(a, "|", "|="))
		l |= ar_bxor(a);
	return l;
}

static long ar_land(struct ar *a)
{
	long l = ar_bor(a), r;

	while (op(a, "&&", NULL)) {
		if (!l)
			a->noeval++;
		r = ar_bor(a);
		if (!l)
			a->noeval--;
		l = l && r;
	}
	return l;
}

static long ar_lor(struct ar *a)
{
	long l = ar_land(a), r;

	while (op(a, "||", NULL)) {
		if (l)
			a->noeval++;
		r = ar_land(a);
		if (l)
			a->noeval--;
		l = l || r;
	}
	return l;
}

static long ar_cond(struct ar *a)
{
	long c = ar_lor(a), x, y;

	if (!op(a, "?", NULL))
		return c;
	if (!c)
		a->noeval++;
	x = ar_expr(a);
	if (!c)
		a->noeval--;
	if (!op(a, ":", NULL))
		return ar_fail(a, "syntax error: ':' expected");
	if (c)
		a->noeval++;
	y = ar_cond(a);
	if (c)
		a->noeval--;
	return c ? x : y;
}

static const char *const assign_ops[] = {
	"=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=",
	NULL
};

/* NAME op= expr, or a conditional expression. */
static long ar_expr(struct ar *a)
{
	char name[AR_NAME_MAX];
	size_t save, n;
	const char *s;
	long l, r;
	int i;

	skip_ws(a);
	save = a->pos;
	s = a->s + a->pos;
	for (n = 0; is_alpha((unsigned char)s[n]) ||
	    (n > 0 && is_digit((unsigned char)s[n])); n++)
		;
	if (n == 0 || n >= sizeof(name))
		return ar_cond(a);
	memcpy(name, s, n);
	name[n] = '\0';
	a->pos += n;
	skip_ws(a);
	for (i = 0; assign_ops[i] != NULL; i++) {
		if (strncmp(a->s + a->pos, assign_ops[i],
		    strlen(assign_ops[i])) == 0 &&
		    !(i == 0 && a->s[a->pos + 1] == '='))
			break;
	}
	if (assign_ops[i] == NULL) {
		a->pos = save;
		return ar_cond(a);
	}
	a->pos += strlen(assign_ops[i]);
	r = ar_expr(a);
	l = i == 0 ? 0 : var_value(a, name);
	switch (i) {
	case 0: l = r; break;
	case 1: l = (long)((unsigned long)l + (unsigned long)r); break;
	case 2: l = (long)((unsigned long)l - (unsigned long)r); break;
	case 3: l = (long)((unsigned long)l * (unsigned long)r); break;
	case 4: l = divide(a, l, r, 0); break;
	case 5: l = divide(a, l, r, 1); break;
	case 6: l = shift(l, r, 1); break;
	case 7: l = shift(l, r, 0); break;
	case 8: l &= r; break;
	case 9: l ^= r; break;
	default: l |= r; break;
	}
	if (!a->noeval && !a->failed && a->v != NULL &&
	    a->v->set(a->v->ctx, name, l) < 0)
		return ar_fail(a, "cannot assign");
	return l;
}

int sh_arith(const char *expr, long *res, const struct sh_arith_vars *v,
	char *err, size_t errsz)
{
	struct ar a;

	memset(&a, 0, sizeof(a));
	a.s = expr;
	a.v = v;
	a.err = err;
	a.errsz = errsz;
	skip_ws(&a);
	if (expr[a.pos] == '\0') {
		*res = 0;	/* $(( )) is 0 */
		return 0;
	}
	*res = ar_expr(&a);
	skip_ws(&a);
	if (!a.failed && a.s[a.pos] != '\0')
		ar_fail(&a, "syntax error in expression");
	return a.failed ? -1 : 0;
}
