/* regex.c - POSIX regular expressions: regcomp, regexec, regerror,
 * regfree.
 *
 * Basic REs (the default): ordinary characters, \c escapes, '.', bracket
 * expressions ([abc] [^a-z] [[:alpha:]] [[=a=]] [[.-.]], ']' first is
 * literal), '*', \{m\} \{m,\} \{m,n\}, the anchors ^ (at the start of the
 * RE or of a \( group) and $ (at the end of the RE or of a group), groups
 * \( \) and back-references \1 .. \9; as GNU does, \+ \? and \| too.  A '*'
 * at the start of the RE or of a group is an ordinary character.
 * Extended REs (REG_EXTENDED): ( ) | + ? {m,n} and the anchors anywhere;
 * a '{' not starting a valid interval is an ordinary character.
 * REG_ICASE, REG_NOSUB and REG_NEWLINE are honoured, and regexec's
 * REG_NOTBOL and REG_NOTEOL.
 *
 * The pattern is parsed into a tree, which is compiled into a small
 * program for a backtracking machine (characters, sets, anchors, SPLIT
 * and JMP, SAVE of group offsets, back-references, and a MARK/CHECK pair
 * that stops a loop whose body matched the empty string).  regexec tries
 * every start position from the left; at the first one with a match it
 * keeps exploring the alternatives for the longest match (POSIX's
 * leftmost-longest rule for the whole match; groups get the offsets of the
 * longest match found first; once a match is found, the search for a
 * longer one gives up after EXTRA_STEPS machine steps, which only
 * pathological patterns reach).  The backtracking stack is on the heap,
 * so long lines need no deep C recursion.
 */

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CODE	65536	/* instructions in one program */
#define EXTRA_STEPS	200000	/* steps spent looking for a longer match */

/* ---- the parse tree ---- */

enum { N_EMPTY, N_CHAR, N_ANY, N_SET, N_BOL, N_EOL, N_BACKREF, N_GROUP,
	N_CAT, N_ALT, N_REP };

struct node {
	int type;
	int a, b;	/* CHAR: a; SET: a = set; BACKREF, GROUP: a = group;
			 * REP: a = min, b = max (-1: no limit) */
	int l, r;	/* children (GROUP, REP: l; CAT, ALT: l and r) */
};

typedef unsigned char charset[32];

struct parser {
	const char *p;
	int ere, icase, newline;
	struct node *nodes;
	int nnodes, capnodes;
	charset *sets;
	int nsets, capsets;
	int ngroups;
	unsigned int closed;	/* bit g: group g is complete */
	int err;
};

/* ---- the program ---- */

enum { I_CHAR, I_ANY, I_SET, I_BOL, I_EOL, I_SAVE, I_SPLIT, I_JMP,
	I_BACKREF, I_MARK, I_CHECK, I_MATCH };

struct inst {
	int op;
	int x, y;	/* CHAR: x; SET: x = set; SAVE, MARK, CHECK: x = slot;
			 * SPLIT: x first, y second; JMP: x; BACKREF: x = group */
};

struct prog {
	struct inst *code;
	int ncode, capcode;
	charset *sets;
	int nslots;	/* 2 per group (group 0 unused), then the marks */
	int nmarks;
	int icase, newline;
};

static int fold(struct parser *ps, int c)
{
	return ps->icase ? tolower(c) : c;
}

static int new_node(struct parser *ps, int type, int a, int b, int l, int r)
{
	struct node *n;

	if (ps->err)
		return -1;
	if (ps->nnodes == ps->capnodes) {
		int cap = ps->capnodes ? 2 * ps->capnodes : 64;

		if ((n = realloc(ps->nodes, (size_t)cap * sizeof(*n))) == NULL) {
			ps->err = REG_ESPACE;
			return -1;
		}
		ps->nodes = n;
		ps->capnodes = cap;
	}
	n = &ps->nodes[ps->nnodes];
	n->type = type;
	n->a = a;
	n->b = b;
	n->l = l;
	n->r = r;
	return ps->nnodes++;
}

static int new_set(struct parser *ps)
{
	charset *s;

	if (ps->nsets == ps->capsets) {
		int cap = ps->capsets ? 2 * ps->capsets : 8;

		if ((s = realloc(ps->sets, (size_t)cap * sizeof(*s))) == NULL) {
			ps->err = REG_ESPACE;
			return -1;
		}
		ps->sets = s;
		ps->capsets = cap;
	}
	memset(ps->sets[ps->nsets], 0, sizeof(charset));
	return ps->nsets++;
}

/* Concatenate a and b (either may be -1: nothing yet). */
static int cat(struct parser *ps, int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return new_node(ps, N_CAT, 0, 0, a, b);
}

/* ---- bracket expressions ---- */

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum },
	{ "upper", isupper }, { "lower", islower }, { "space", isspace },
	{ "punct", ispunct }, { "print", isprint }, { "cntrl", iscntrl },
	{ "xdigit", isxdigit },
	{ "blank", NULL }, { "graph", NULL },
};

static int in_class(int k, int c)
{
	if (classes[k].fn != NULL)
		return classes[k].fn(c) != 0;
	if (strcmp(classes[k].name, "blank") == 0)
		return c == ' ' || c == '\t';
	return isprint(c) && c != ' ';		/* graph */
}

/* Add [:name:] (p at the name) to set; the position after ":]" or NULL. */
static const char *add_class(struct parser *ps, const char *p, unsigned char *set)
{
	const char *e = strstr(p, ":]");
	size_t n, k;
	int c;

	if (e == NULL) {
		ps->err = REG_EBRACK;
		return NULL;
	}
	n = (size_t)(e - p);
	for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
		if (strlen(classes[k].name) == n && strncmp(classes[k].name, p, n) == 0)
			break;
	if (k == sizeof(classes) / sizeof(classes[0])) {
		ps->err = REG_ECTYPE;
		return NULL;
	}
	for (c = 1; c < 256; c++)
		if (in_class((int)k, c))
			set[c >> 3] |= (unsigned char)(1 << (c & 7));
	return e + 2;
}

/* One end point of a range at *pp: a character, [.c.] or [=c=]; the
 * character, or -1 (error set). */
static int bracket_char(struct parser *ps, const char **pp)
{
	const char *p = *pp;
	int c;

	if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
		c = (unsigned char)p[2];
		if (c == '\0' || p[3] != p[1] || p[4] != ']') {
			ps->err = p[2] == '\0' ? REG_EBRACK : REG_ECOLLATE;
			return -1;
		}
		*pp = p + 5;
		return c;
	}
	*pp = p + 1;
	return (unsigned char)p[0];
}

/* A bracket expression, ps->p just after the '['. */
static int parse_bracket(struct parser *ps)
{
	unsigned char *set;
	int neg = 0, first = 1, lo, hi, c, k;
	const char *p = ps->p;

	if ((k = new_set(ps)) < 0)
		return -1;
	set = ps->sets[k];
	if (*p == '^') {
		neg = 1;
		p++;
	}
	for (;;) {
		if (*p == '\0') {
			ps->err = REG_EBRACK;
			return -1;
		}
		if (*p == ']' && !first)
			break;
		first = 0;
		if (p[0] == '[' && p[1] == ':') {
			if ((p = add_class(ps, p + 2, set)) == NULL)
				return -1;
			continue;
		}
		if ((lo = bracket_char(ps, &p)) < 0)
			return -1;
		hi = lo;
		if (p[0] == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			if ((hi = bracket_char(ps, &p)) < 0)
				return -1;
			if (hi < lo) {
				ps->err = REG_ERANGE;
				return -1;
			}
		}
		for (c = lo; c <= hi; c++)
			set[c >> 3] |= (unsigned char)(1 << (c & 7));
	}
	ps->p = p + 1;
	if (ps->icase) {
		for (c = 0; c < 256; c++) {
			if (set[c >> 3] & (1 << (c & 7))) {
				int u = toupper(c), l = tolower(c);

				set[u >> 3] |= (unsigned char)(1 << (u & 7));
				set[l >> 3] |= (unsigned char)(1 << (l & 7));
			}
		}
	}
	if (neg) {
		for (c = 0; c < 32; c++)
			set[c] = (unsigned char)~set[c];
		if (ps->newline)
			set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
	}
	set[0] &= (unsigned char)~1;		/* never NUL */
	return new_node(ps, N_SET, k, 0, -1, -1);
}

/* ---- the parser ---- */

static int parse_alt(struct parser *ps, int depth);

/* After the atom: a quantifier?  0 none, 1 yes (*min, *max set), -1 error. */
static int parse_quant(struct parser *ps, int *min, int *max)
{
	const char *p = ps->p;
	int m, n;

	if (*p == '*') {
		*min = 0, *max = -1;
		ps->p = p + 1;
		return 1;
	}
	if (ps->ere && (*p == '+' || *p == '?')) {
		*min = *p == '+', *max = *p == '+' ? -1 : 1;
		ps->p = p + 1;
		return 1;
	}
	if (!ps->ere && p[0] == '\\' && (p[1] == '+' || p[1] == '?')) {
		*min = p[1] == '+', *max = p[1] == '+' ? -1 : 1;
		ps->p = p + 2;
		return 1;
	}
	if (ps->ere ? *p != '{' : (p[0] != '\\' || p[1] != '{'))
		return 0;
	p += ps->ere ? 1 : 2;
	if (!isdigit((unsigned char)*p)) {
		if (ps->ere)
			return 0;	/* an ordinary '{' */
		ps->err = REG_BADBR;
		return -1;
	}
	for (m = 0; isdigit((unsigned char)*p); p++)
		if ((m = m * 10 + (*p - '0')) > RE_DUP_MAX + 1)
			m = RE_DUP_MAX + 1;
	n = m;
	if (*p == ',') {
		p++;
		n = -1;
		if (isdigit((unsigned char)*p))
			for (n = 0; isdigit((unsigned char)*p); p++)
				if ((n = n * 10 + (*p - '0')) > RE_DUP_MAX + 1)
					n = RE_DUP_MAX + 1;
	}
	if (ps->ere ? *p != '}' : (p[0] != '\\' || p[1] != '}')) {
		if (ps->ere)
			return 0;
		ps->err = *p == '\0' || (p[0] == '\\' && p[1] == '\0') ?
		    REG_EBRACE : REG_BADBR;
		return -1;
	}
	p += ps->ere ? 1 : 2;
	if (m > RE_DUP_MAX || n > RE_DUP_MAX || (n >= 0 && n < m)) {
		ps->err = REG_BADBR;
		return -1;
	}
	*min = m, *max = n;
	ps->p = p;
	return 1;
}

/* A group; ps->p after its opening. */
static int parse_group(struct parser *ps, int depth)
{
	int g = ++ps->ngroups, body;

	body = parse_alt(ps, depth + 1);
	if (ps->err)
		return -1;
	if (ps->ere ? *ps->p != ')' : (ps->p[0] != '\\' || ps->p[1] != ')')) {
		ps->err = REG_EPAREN;
		return -1;
	}
	ps->p += ps->ere ? 1 : 2;
	if (g < 32)
		ps->closed |= 1u << g;
	return new_node(ps, N_GROUP, g, 0, body < 0 ?
	    new_node(ps, N_EMPTY, 0, 0, -1, -1) : body, -1);
}

/* One atom at ps->p; -1 at the end of a sequence (or on an error). */
static int parse_atom(struct parser *ps, int first, int depth)
{
	const char *p = ps->p;
	int c = (unsigned char)*p;

	switch (c) {
	case '\0':
		return -1;
	case '.':
		ps->p++;
		return new_node(ps, N_ANY, 0, 0, -1, -1);
	case '[':
		ps->p++;
		return parse_bracket(ps);
	case '^':
		if (ps->ere || first) {
			ps->p++;
			return new_node(ps, N_BOL, 0, 0, -1, -1);
		}
		break;
	case '$':
		if (ps->ere || p[1] == '\0' || (p[1] == '\\' && p[2] == ')' && depth > 0)) {
			ps->p++;
			return new_node(ps, N_EOL, 0, 0, -1, -1);
		}
		break;
	case '*':
		if (ps->ere) {
			ps->err = REG_BADRPT;
			return -1;
		}
		break;		/* BRE: only here when first: ordinary */
	case '\\':
		c = (unsigned char)p[1];
		if (c == '\0') {
			ps->err = REG_EESCAPE;
			return -1;
		}
		if (!ps->ere && c == '(') {
			ps->p += 2;
			return parse_group(ps, depth);
		}
		if (!ps->ere && (c == ')' || c == '|'))
			return -1;
		if (!ps->ere && c == '{') {
			ps->err = REG_BADRPT;
			return -1;
		}
		if (c >= '1' && c <= '9') {
			if (c - '0' > ps->ngroups || c - '0' >= 32 ||
			    !(ps->closed & (1u << (c - '0')))) {
				ps->err = REG_ESUBREG;
				return -1;
			}
			ps->p += 2;
			return new_node(ps, N_BACKREF, c - '0', 0, -1, -1);
		}
		ps->p += 2;
		return new_node(ps, N_CHAR, fold(ps, c), 0, -1, -1);
	default:
		if (ps->ere && (c == '|' || c == ')'))
			return -1;
		if (ps->ere && c == '(') {
			ps->p++;
			return parse_group(ps, depth);
		}
		if (ps->ere && (c == '+' || c == '?')) {
			ps->err = REG_BADRPT;
			return -1;
		}
		break;
	}
	ps->p++;
	return new_node(ps, N_CHAR, fold(ps, c), 0, -1, -1);
}

/* A sequence of pieces (atoms with their quantifiers). */
static int parse_seq(struct parser *ps, int depth)
{
	int seq = -1, atom, first = 1, min, max, q;

	for (;;) {
		/* BRE: a '*' right after ^ at the start is ordinary. */
		int star_first = first || (!ps->ere && seq >= 0 &&
		    ps->nodes[seq].type == N_BOL);

		if (!ps->ere && star_first && *ps->p == '*') {
			ps->p++;
			atom = new_node(ps, N_CHAR, '*', 0, -1, -1);
		} else {
			atom = parse_atom(ps, first, depth);
		}
		if (atom < 0)
			break;
		first = 0;
		if (!ps->ere && ps->nodes[atom].type == N_BOL) {
			seq = cat(ps, seq, atom);
			continue;	/* BRE: ^ takes no quantifier */
		}
		while ((q = parse_quant(ps, &min, &max)) > 0)
			atom = new_node(ps, N_REP, min, max, atom, -1);
		if (q < 0 || ps->err)
			return -1;
		seq = cat(ps, seq, atom);
	}
	return ps->err ? -1 : seq;
}

static int parse_alt(struct parser *ps, int depth)
{
	int left = parse_seq(ps, depth), right;

	while (!ps->err && (ps->ere ? *ps->p == '|' :
	    ps->p[0] == '\\' && ps->p[1] == '|')) {
		ps->p += ps->ere ? 1 : 2;
		right = parse_seq(ps, depth);
		if (ps->err)
			return -1;
		if (left < 0)
			left = new_node(ps, N_EMPTY, 0, 0, -1, -1);
		if (right < 0)
			right = new_node(ps, N_EMPTY, 0, 0, -1, -1);
		left = new_node(ps, N_ALT, 0, 0, left, right);
	}
	return ps->err ? -1 : left;
}

/* ---- code generation ---- */

static int emit(struct prog *pr, int op, int x, int y)
{
	struct inst *c;

	if (pr->ncode == pr->capcode) {
		int cap = pr->capcode ? 2 * pr->capcode : 64;

		if (cap > MAX_CODE ||
		    (c = realloc(pr->code, (size_t)cap * sizeof(*c))) == NULL)
			return -1;
		pr->code = c;
		pr->capcode = cap;
	}
	c = &pr->code[pr->ncode];
	c->op = op;
	c->x = x;
	c->y = y;
	return pr->ncode++;
}

static int gen(struct prog *pr, const struct node *nodes, int n, int ngroups)
{
	const struct node *nd = &nodes[n];
	int i, at, loop, mark, start;

	switch (nd->type) {
	case N_EMPTY:
		return 0;
	case N_CHAR:
		return emit(pr, I_CHAR, nd->a, 0) < 0 ? -1 : 0;
	case N_ANY:
		return emit(pr, I_ANY, 0, 0) < 0 ? -1 : 0;
	case N_SET:
		return emit(pr, I_SET, nd->a, 0) < 0 ? -1 : 0;
	case N_BOL:
		return emit(pr, I_BOL, 0, 0) < 0 ? -1 : 0;
	case N_EOL:
		return emit(pr, I_EOL, 0, 0) < 0 ? -1 : 0;
	case N_BACKREF:
		return emit(pr, I_BACKREF, nd->a, 0) < 0 ? -1 : 0;
	case N_GROUP:
		if (emit(pr, I_SAVE, 2 * nd->a, 0) < 0 ||
		    gen(pr, nodes, nd->l, ngroups) < 0)
			return -1;
		return emit(pr, I_SAVE, 2 * nd->a + 1, 0) < 0 ? -1 : 0;
	case N_CAT:
		if (gen(pr, nodes, nd->l, ngroups) < 0)
			return -1;
		return gen(pr, nodes, nd->r, ngroups);
	case N_ALT:
		if ((at = emit(pr, I_SPLIT, 0, 0)) < 0)
			return -1;
		pr->code[at].x = pr->ncode;
		if (gen(pr, nodes, nd->l, ngroups) < 0 ||
		    (loop = emit(pr, I_JMP, 0, 0)) < 0)
			return -1;
		pr->code[at].y = pr->ncode;
		if (gen(pr, nodes, nd->r, ngroups) < 0)
			return -1;
		pr->code[loop].x = pr->ncode;
		return 0;
	case N_REP:
		for (i = 0; i < nd->a; i++)
			if (gen(pr, nodes, nd->l, ngroups) < 0)
				return -1;
		if (nd->b < 0) {
			/* L: SPLIT body, end; body: MARK k; child; CHECK k;
			 * JMP L; end: */
			mark = 2 * (ngroups + 1) + pr->nmarks++;
			if ((loop = emit(pr, I_SPLIT, 0, 0)) < 0)
				return -1;
			pr->code[loop].x = pr->ncode;
			if (emit(pr, I_MARK, mark, 0) < 0 ||
			    gen(pr, nodes, nd->l, ngroups) < 0 ||
			    emit(pr, I_CHECK, mark, 0) < 0 ||
			    emit(pr, I_JMP, loop, 0) < 0)
				return -1;
			pr->code[loop].y = pr->ncode;
			return 0;
		}
		/* Optional copies: each SPLIT's second branch goes to the end. */
		start = pr->ncode;
		for (i = nd->a; i < nd->b; i++) {
			if ((at = emit(pr, I_SPLIT, 0, -1)) < 0)
				return -1;
			pr->code[at].x = pr->ncode;
			if (gen(pr, nodes, nd->l, ngroups) < 0)
				return -1;
		}
		for (i = start; i < pr->ncode; i++)
			if (pr->code[i].op == I_SPLIT && pr->code[i].y == -1)
				pr->code[i].y = pr->ncode;
		return 0;
	}
	return -1;
}

/* ---- the interface ---- */

static void free_prog(struct prog *pr)
{
	if (pr == NULL)
		return;
	free(pr->code);
	free(pr->sets);
	free(pr);
}

int regcomp(regex_t *restrict re, const char *restrict pattern, int cflags)
{
	struct parser ps;
	struct prog *pr;
	int root;

	memset(&ps, 0, sizeof(ps));
	ps.p = pattern;
	ps.ere = (cflags & REG_EXTENDED) != 0;
	ps.icase = (cflags & REG_ICASE) != 0;
	ps.newline = (cflags & REG_NEWLINE) != 0;
	root = parse_alt(&ps, 0);
	if (!ps.err && *ps.p != '\0')
		ps.err = REG_EPAREN;	/* a closing \) or ) without its opening */
	if (ps.err) {
		free(ps.nodes);
		free(ps.sets);
		return ps.err;
	}
	if ((pr = calloc(1, sizeof(*pr))) == NULL) {
		free(ps.nodes);
		free(ps.sets);
		return REG_ESPACE;
	}
	pr->icase = ps.icase;
	pr->newline = ps.newline;
	pr->sets = ps.sets;
	if ((root >= 0 && gen(pr, ps.nodes, root, ps.ngroups) < 0) ||
	    emit(pr, I_MATCH, 0, 0) < 0) {
		free(ps.nodes);
		free_prog(pr);
		return REG_ESPACE;
	}
	free(ps.nodes);
	pr->nslots = 2 * (ps.ngroups + 1) + pr->nmarks;
	re->re_nsub = (size_t)ps.ngroups;
	re->re_prog = pr;
	re->re_cflags = cflags;
	return 0;
}

void regfree(regex_t *re)
{
	free_prog(re->re_prog);
	re->re_prog = NULL;
}

/* ---- the matcher ---- */

struct frame {
	int pc;		/* >= 0: resume at pc, pos; -1 - slot: restore slot */
	int val;
};

struct matcher {
	const struct prog *pr;
	const unsigned char *s;
	int len, notbol, noteol;
	int *slots, *best_slots;
	int best;
	struct frame *stack;
	int sp, cap;
};

static int push(struct matcher *m, int pc, int val)
{
	struct frame *f;

	if (m->sp == m->cap) {
		int cap = m->cap ? 2 * m->cap : 256;

		if ((f = realloc(m->stack, (size_t)cap * sizeof(*f))) == NULL)
			return -1;
		m->stack = f;
		m->cap = cap;
	}
	m->stack[m->sp].pc = pc;
	m->stack[m->sp].val = val;
	m->sp++;
	return 0;
}

static int same(const struct matcher *m, int a, int b, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		int x = m->s[a + i], y = m->s[b + i];

		if (m->pr->icase ? tolower(x) != tolower(y) : x != y)
			return 0;
	}
	return 1;
}

/* Match from start; sets m->best (-1: none).  0, or -1 out of memory. */
static int run(struct matcher *m, int start)
{
	const struct prog *pr = m->pr;
	const struct inst *in;
	const unsigned char *s = m->s;
	long steps = 0;
	int pc = 0, pos = start, i, so, n;

	m->best = -1;
	m->sp = 0;
	for (i = 0; i < pr->nslots; i++)
		m->slots[i] = -1;
	for (;;) {
		in = &pr->code[pc];
		if (m->best >= 0 && ++steps > EXTRA_STEPS)
			return 0;
		switch (in->op) {
		case I_CHAR:
			if (pos < m->len && (pr->icase ? tolower(s[pos]) :
			    s[pos]) == in->x)
				goto next_char;
			goto fail;
		case I_ANY:
			if (pos < m->len && !(pr->newline && s[pos] == '\n'))
				goto next_char;
			goto fail;
		case I_SET:
			if (pos < m->len &&
			    (pr->sets[in->x][s[pos] >> 3] & (1 << (s[pos] & 7))))
				goto next_char;
			goto fail;
		case I_BOL:
			if ((pos == 0 && !m->notbol) ||
			    (pr->newline && pos > 0 && s[pos - 1] == '\n')) {
				pc++;
				continue;
			}
			goto fail;
		case I_EOL:
			if ((pos == m->len && !m->noteol) ||
			    (pr->newline && pos < m->len && s[pos] == '\n')) {
				pc++;
				continue;
			}
			goto fail;
		case I_SAVE:
		case I_MARK:
			if (push(m, -1 - in->x, m->slots[in->x]) < 0)
				return -1;
			m->slots[in->x] = pos;
			pc++;
			continue;
		case I_CHECK:
			if (m->slots[in->x] == pos)
				goto fail;
			pc++;
			continue;
		case I_SPLIT:
			if (push(m, in->y, pos) < 0)
				return -1;
			pc = in->x;
			continue;
		case I_JMP:
			pc = in->x;
			continue;
		case I_BACKREF:
			so = m->slots[2 * in->x];
			if (so < 0 || m->slots[2 * in->x + 1] < 0)
				goto fail;
			n = m->slots[2 * in->x + 1] - so;
			if (pos + n > m->len || !same(m, so, pos, n))
				goto fail;
			pos += n;
			pc++;
			continue;
		case I_MATCH:
			if (pos > m->best) {
				m->best = pos;
				memcpy(m->best_slots, m->slots,
				    (size_t)pr->nslots * sizeof(int));
				if (pos == m->len)
					return 0;
			}
			goto fail;
		}
next_char:
		pos++;
		pc++;
		continue;
fail:
		for (;;) {
			struct frame *f;

			if (m->sp == 0)
				return 0;
			f = &m->stack[--m->sp];
			if (f->pc >= 0) {
				pc = f->pc;
				pos = f->val;
				break;
			}
			m->slots[-1 - f->pc] = f->val;
		}
	}
}

int regexec(const regex_t *restrict re, const char *restrict s, size_t nmatch,
	regmatch_t pmatch[restrict], int eflags)
{
	const struct prog *pr = re->re_prog;
	struct matcher m;
	int start, r = REG_NOMATCH, g;
	size_t i;

	if (pr == NULL)
		return REG_BADPAT;
	memset(&m, 0, sizeof(m));
	m.pr = pr;
	m.s = (const unsigned char *)s;
	m.len = (int)strlen(s);
	m.notbol = (eflags & REG_NOTBOL) != 0;
	m.noteol = (eflags & REG_NOTEOL) != 0;
	m.slots = malloc(2 * (size_t)pr->nslots * sizeof(int));
	if (m.slots == NULL)
		return REG_ESPACE;
	m.best_slots = m.slots + pr->nslots;
	for (start = 0; start <= m.len; start++) {
		if (run(&m, start) < 0) {
			r = REG_ESPACE;
			break;
		}
		if (m.best >= 0) {
			r = 0;
			break;
		}
	}
	if (r == 0 && !(re->re_cflags & REG_NOSUB) && pmatch != NULL) {
		for (i = 0; i < nmatch; i++) {
			g = (int)i;
			if (i == 0) {
				pmatch[0].rm_so = start;
				pmatch[0].rm_eo = m.best;
			} else if (i <= re->re_nsub &&
			    m.best_slots[2 * g] >= 0 && m.best_slots[2 * g + 1] >= 0) {
				pmatch[i].rm_so = m.best_slots[2 * g];
				pmatch[i].rm_eo = m.best_slots[2 * g + 1];
			} else {
				pmatch[i].rm_so = pmatch[i].rm_eo = -1;
			}
		}
	}
	free(m.slots);
	free(m.stack);
	return r;
}

static const char *const messages[] = {
	"success",
	"no match",
	"invalid regular expression",
	"invalid collating element",
	"invalid character class",
	"trailing backslash",
	"invalid back reference",
	"brackets [ ] not balanced",
	"parentheses ( ) not balanced",
	"braces { } not balanced",
	"invalid repetition count(s)",
	"invalid character range",
	"out of memory",
	"repetition operator with nothing before it",
};

size_t regerror(int err, const regex_t *restrict re, char *restrict buf,
	size_t size)
{
	const char *msg = err >= 0 && err < (int)(sizeof(messages) /
	    sizeof(messages[0])) ? messages[err] : "unknown error";
	size_t n = strlen(msg);

	(void)re;
	if (size > 0) {
		size_t k = n < size - 1 ? n : size - 1;

		memcpy(buf, msg, k);
		buf[k] = '\0';
	}
	return n + 1;
}
