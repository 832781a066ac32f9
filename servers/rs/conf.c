/* conf.c - the .conf parser of RS: MINIX system.conf syntax (conf.h).
 *
 * A file is a sequence of "service LABEL { KEY VALUE ...; ... };" with
 * "#" comments to the end of a line.  A bad file is refused as a whole,
 * with the line and the reason.  Pure C on a text buffer: the host tests
 * build it alone (tests/host/test_rsconf.c).
 */
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include "conf.h"

#define WORD_LEN   48
#define MAX_VALUES 40

enum { T_END, T_WORD, T_STRING, T_LBRACE, T_RBRACE, T_SEMI };

struct lexer {
	const char *s;
	size_t len, pos;
	int line;
	struct rs_conf_error *err;
};

struct token {
	int type;
	int line;
	char text[WORD_LEN];
};

static int fail(struct lexer *lx, int line, const char *fmt, ...)
{
	va_list ap;

	lx->err->line = line;
	va_start(ap, fmt);
	vsnprintf(lx->err->why, sizeof(lx->err->why), fmt, ap);
	va_end(ap);
	return -1;
}

static int is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '.' ||
	    c == '/' || c == '-' || c == '*';
}

/* The next token, or -1 on a lexical error. */
static int next(struct lexer *lx, struct token *t)
{
	size_t n = 0;
	int c;

	for (;;) {
		if (lx->pos >= lx->len) {
			t->type = T_END;
			t->line = lx->line;
			t->text[0] = '\0';
			return 0;
		}
		c = (unsigned char)lx->s[lx->pos];
		if (c == '\n')
			lx->line++;
		if (c == '#') {
			while (lx->pos < lx->len && lx->s[lx->pos] != '\n')
				lx->pos++;
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		lx->pos++;
	}
	t->line = lx->line;
	lx->pos++;
	switch (c) {
	case '{': t->type = T_LBRACE; strcpy(t->text, "{"); return 0;
	case '}': t->type = T_RBRACE; strcpy(t->text, "}"); return 0;
	case ';': t->type = T_SEMI; strcpy(t->text, ";"); return 0;
	case '"':
		t->type = T_STRING;
		while (lx->pos < lx->len && lx->s[lx->pos] != '"' && lx->s[lx->pos] != '\n') {
			if (n == WORD_LEN - 1)
				return fail(lx, t->line, "string too long");
			t->text[n++] = lx->s[lx->pos++];
		}
		if (lx->pos >= lx->len || lx->s[lx->pos] != '"')
			return fail(lx, t->line, "unterminated string");
		lx->pos++;
		t->text[n] = '\0';
		return 0;
	}
	if (!is_word_char(c))
		return fail(lx, t->line, "unexpected character '%c'", c);
	t->type = T_WORD;
	t->text[n++] = (char)c;
	while (lx->pos < lx->len && is_word_char((unsigned char)lx->s[lx->pos])) {
		if (n == WORD_LEN - 1)
			return fail(lx, t->line, "word too long");
		t->text[n++] = lx->s[lx->pos++];
	}
	t->text[n] = '\0';
	return 0;
}

/* ---- kernel call names (MINIX's, without SYS_) ---- */

static const struct { const char *name; int call; } call_names[] = {
	{ "FORK", SYS_FORK }, { "EXEC", SYS_EXEC }, { "CLEAR", SYS_CLEAR },
	{ "SCHEDULE", SYS_SCHEDULE }, { "PRIVCTL", SYS_PRIVCTL },
	{ "TRACE", SYS_TRACE }, { "KILL", SYS_KILL }, { "GETKSIG", SYS_GETKSIG },
	{ "ENDKSIG", SYS_ENDKSIG }, { "SIGSEND", SYS_SIGSEND },
	{ "SIGRETURN", SYS_SIGRETURN }, { "MEMSET", SYS_MEMSET },
	{ "UMAP", SYS_UMAP }, { "VIRCOPY", SYS_VIRCOPY },
	{ "PHYSCOPY", SYS_PHYSCOPY }, { "UMAP_REMOTE", SYS_UMAP_REMOTE },
	{ "VUMAP", SYS_VUMAP }, { "IRQCTL", SYS_IRQCTL }, { "DEVIO", SYS_DEVIO },
	{ "SDEVIO", SYS_SDEVIO }, { "VDEVIO", SYS_VDEVIO },
	{ "SETALARM", SYS_SETALARM }, { "TIMES", SYS_TIMES },
	{ "GETINFO", SYS_GETINFO }, { "ABORT", SYS_ABORT },
	{ "IOPENABLE", SYS_IOPENABLE }, { "SAFECOPYFROM", SYS_SAFECOPYFROM },
	{ "SAFECOPYTO", SYS_SAFECOPYTO }, { "VSAFECOPY", SYS_VSAFECOPY },
	{ "SETGRANT", SYS_SETGRANT }, { "READBIOS", SYS_READBIOS },
	{ "SPROF", SYS_SPROF }, { "STIME", SYS_STIME }, { "SETTIME", SYS_SETTIME },
	{ "VMCTL", SYS_VMCTL }, { "DIAGCTL", SYS_DIAGCTL }, { "VTIMER", SYS_VTIMER },
	{ "RUNCTL", SYS_RUNCTL }, { "UPDATE", SYS_UPDATE }, { "EXIT", SYS_EXIT },
	{ "SCHEDCTL", SYS_SCHEDCTL }, { "STATECTL", SYS_STATECTL },
	{ "SAFEMEMSET", SYS_SAFEMEMSET }, { "SAFEMAP", SYS_SAFEMAP },
	{ "SAFEREVMAP", SYS_SAFEREVMAP }, { "SAFEUNMAP", SYS_SAFEUNMAP },
	{ "NULL", SYS_NULL }, { "VUMAP_RELEASE", SYS_VUMAP_RELEASE },
};

/* What every system service may call unless its .conf says "system NONE"
 * (MINIX's BASIC): leave, time, alarms, diagnostics, its own memory and
 * grants. */
static const int basic_calls[] = { SYS_EXIT, SYS_TIMES, SYS_GETINFO, SYS_SETALARM,
	SYS_DIAGCTL, SYS_VMCTL, SYS_SETGRANT, SYS_SAFECOPYFROM, SYS_SAFECOPYTO,
	SYS_VSAFECOPY, SYS_SAFEMEMSET };

int rs_call_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(call_names) / sizeof(call_names[0]); i++)
		if (strcmp(call_names[i].name, name) == 0)
			return call_names[i].call;
	return 0;
}

const char *rs_call_name(int call)
{
	size_t i;

	for (i = 0; i < sizeof(call_names) / sizeof(call_names[0]); i++)
		if (call_names[i].call == call)
			return call_names[i].name;
	return "?";
}

/* ---- values ---- */

/* A number in base (0: C rules, 0x.. hex, 0.. octal); 0 if not one. */
static int number(const char *s, int base, unsigned long max, unsigned long *v)
{
	unsigned long n = 0;
	int digits = 0;

	if (base == 0) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			base = 16, s += 2;
		else if (s[0] == '0' && s[1])
			base = 8, s++;
	}
	for (; *s; s++, digits++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return 0;
		if (d >= base || n > (max - (unsigned long)d) / (unsigned long)base)
			return 0;
		n = n * (unsigned long)base + (unsigned long)d;
	}
	*v = n;
	return digits > 0;
}

static int is_label(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= RS_LABEL_LEN)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

struct key_ctx {
	struct lexer *lx;
	struct rs_conf *c;
	const char *key;
	int line;
	int n;                          /* values */
	struct token *v;
	unsigned seen;                  /* keys given once */
};

/* A key that takes exactly one value. */
static int one_value(struct key_ctx *k)
{
	if (k->n != 1)
		return fail(k->lx, k->line, "'%s' takes one value, not %d", k->key, k->n);
	return 0;
}

/* ALL or NONE must stand alone. */
static int alone(struct key_ctx *k, int i)
{
	if (k->n != 1)
		return fail(k->lx, k->v[i].line, "'%s' must be the only value of '%s'",
		    k->v[i].text, k->key);
	return 0;
}

static int key_system(struct key_ctx *k)
{
	int i, call;

	for (i = 0; i < k->n; i++) {
		const char *w = k->v[i].text;
		if (strcmp(w, "ALL") == 0) {
			if (alone(k, i) < 0)
				return -1;
			memset(k->c->calls, 0xff, sizeof(k->c->calls));
		} else if (strcmp(w, "NONE") == 0) {
			if (alone(k, i) < 0)
				return -1;
			memset(k->c->calls, 0, sizeof(k->c->calls));
		} else if (strcmp(w, "BASIC") == 0) {
			if (alone(k, i) < 0)
				return -1;
		} else if ((call = rs_call_by_name(w)) != 0) {
			PD_SET(k->c->calls, SYS_CALL_NR(call));
		} else {
			return fail(k->lx, k->v[i].line, "unknown kernel call '%s'", w);
		}
	}
	return 0;
}

static int key_ipc(struct key_ctx *k)
{
	int i;

	for (i = 0; i < k->n; i++) {
		const char *w = k->v[i].text;
		if (strcmp(w, "ALL") == 0 || strcmp(w, "ALL_SYS") == 0 || strcmp(w, "NONE") == 0) {
			if (alone(k, i) < 0)
				return -1;
			k->c->ipc_mode = w[0] == 'N' ? RS_IPC_LIST :
			    strcmp(w, "ALL") == 0 ? RS_IPC_ALL : RS_IPC_ALL_SYS;
			continue;
		}
		if (!is_label(w))
			return fail(k->lx, k->v[i].line, "bad IPC target '%s'", w);
		if (k->c->nr_ipc == RS_NR_IPC)
			return fail(k->lx, k->v[i].line, "too many IPC targets (max %d)", RS_NR_IPC);
		strcpy(k->c->ipc[k->c->nr_ipc++], w);
		k->c->ipc_mode = RS_IPC_LIST;
	}
	return 0;
}

/* "io BASE[:LEN] ...", hexadecimal as in MINIX. */
static int key_io(struct key_ctx *k)
{
	unsigned long base, len;
	int i;

	for (i = 0; i < k->n; i++) {
		char w[WORD_LEN], *colon;
		strcpy(w, k->v[i].text);
		if (strcmp(w, "ALL") == 0 || strcmp(w, "NONE") == 0) {
			if (alone(k, i) < 0)
				return -1;
			k->c->nr_io = 0;
			if (w[0] == 'A')
				k->c->io[k->c->nr_io++] = (struct io_range){ 0, 0xffff };
			continue;
		}
		len = 1;
		if ((colon = strchr(w, ':')))
			*colon = '\0';
		if (!number(w, 16, 0xffff, &base) || (colon && !number(colon + 1, 16, 0x10000, &len)) ||
		    len == 0 || base + len > 0x10000)
			return fail(k->lx, k->v[i].line, "bad I/O range '%s' (hex BASE:LEN inside 0..ffff)",
			    k->v[i].text);
		if (k->c->nr_io == NR_IO_RANGE)
			return fail(k->lx, k->v[i].line, "too many I/O ranges (max %d)", NR_IO_RANGE);
		k->c->io[k->c->nr_io++] = (struct io_range){ (uint16_t)base, (uint16_t)(base + len - 1) };
	}
	return 0;
}

static int key_irq(struct key_ctx *k)
{
	unsigned long irq;
	int i;

	for (i = 0; i < k->n; i++) {
		const char *w = k->v[i].text;
		if (strcmp(w, "ALL") == 0 || strcmp(w, "NONE") == 0) {
			if (alone(k, i) < 0)
				return -1;
			k->c->nr_irq = 0;
			if (w[0] == 'A')
				for (irq = 1; irq < 16; irq++)
					if (irq != 2)
						k->c->irq[k->c->nr_irq++] = (int)irq;
			continue;
		}
		if (!number(w, 0, 1000, &irq))
			return fail(k->lx, k->v[i].line, "bad irq '%s'", w);
		if (irq < 1 || irq > 15 || irq == 2)
			return fail(k->lx, k->v[i].line, "irq %lu out of range (1, 3..15)", irq);
		if (k->c->nr_irq == NR_IRQ_LINE)
			return fail(k->lx, k->v[i].line, "too many IRQs (max %d)", NR_IRQ_LINE);
		k->c->irq[k->c->nr_irq++] = (int)irq;
	}
	return 0;
}

/* A key with one number in [lo, hi]. */
static int num_key(struct key_ctx *k, int *out, unsigned long lo, unsigned long hi)
{
	unsigned long v;

	if (one_value(k) < 0)
		return -1;
	if (!number(k->v[0].text, 0, 0x7fffffff, &v))
		return fail(k->lx, k->line, "bad %s value '%s'", k->key, k->v[0].text);
	if (v < lo || v > hi)
		return fail(k->lx, k->line, "%s %lu out of range %lu..%lu", k->key, v, lo, hi);
	*out = (int)v;
	return 0;
}

static int key_label(struct key_ctx *k, char *out)
{
	if (one_value(k) < 0)
		return -1;
	if (!is_label(k->v[0].text))
		return fail(k->lx, k->line, "bad %s '%s'", k->key, k->v[0].text);
	strcpy(out, k->v[0].text);
	return 0;
}

static int key_flags(struct key_ctx *k)
{
	int i;

	for (i = 0; i < k->n; i++) {
		const char *w = k->v[i].text;
		if (strcmp(w, "MAGIC_GRANT") == 0)
			k->c->flags |= RSF_MAGIC_GRANT;
		else if (strcmp(w, "DMA") == 0)
			k->c->flags |= RSF_DMA;
		else if (strcmp(w, "USER") == 0)
			k->c->flags |= RSF_USER;
		else
			return fail(k->lx, k->v[i].line, "unknown flag '%s' (MAGIC_GRANT, DMA, USER)", w);
	}
	return 0;
}

/* "pci device VID/DID ...": the devices whose DMA the service drives (the
 * kernel ties them to it for the IOMMU: pd_pci, kernel/iommu.c); "pci class"
 * is accepted and ignored. */
static int key_pci(struct key_ctx *k)
{
	unsigned long vid, did;
	int i;

	if (k->n < 1 || (strcmp(k->v[0].text, "device") != 0 && strcmp(k->v[0].text, "class") != 0))
		return fail(k->lx, k->line, "'pci' takes 'device' or 'class' and IDs");
	if (k->v[0].text[0] == 'c')
		return 0;
	for (i = 1; i < k->n; i++) {
		char w[WORD_LEN], *slash;
		strcpy(w, k->v[i].text);
		if (!(slash = strchr(w, '/')))
			return fail(k->lx, k->v[i].line, "bad PCI ID '%s' (VID/DID)", k->v[i].text);
		*slash = '\0';
		if (!number(w, 16, 0xffff, &vid) || !number(slash + 1, 16, 0xffff, &did))
			return fail(k->lx, k->v[i].line, "bad PCI ID '%s' (VID/DID)", k->v[i].text);
		if (k->c->nr_pci == RS_NR_PCI)
			return fail(k->lx, k->v[i].line, "too many PCI IDs (max %d)", RS_NR_PCI);
		k->c->pci_id[k->c->nr_pci++] = (uint32_t)(vid << 16 | did);
	}
	return 0;
}

static int key_control(struct key_ctx *k)
{
	int i;

	for (i = 0; i < k->n; i++) {
		if (!is_label(k->v[i].text))
			return fail(k->lx, k->v[i].line, "bad label '%s'", k->v[i].text);
		if (k->c->nr_control == RS_NR_CONTROL)
			return fail(k->lx, k->v[i].line, "too many control labels (max %d)", RS_NR_CONTROL);
		strcpy(k->c->control[k->c->nr_control++], k->v[i].text);
	}
	return 0;
}

static int key_scheduler(struct key_ctx *k)
{
	if (one_value(k) < 0)
		return -1;
	if (strcmp(k->v[0].text, "KERNEL") != 0)
		return fail(k->lx, k->line, "scheduler '%s': only KERNEL schedules here", k->v[0].text);
	return 0;
}

static int key_cpu(struct key_ctx *k)
{
	int cpu;

	return num_key(k, &cpu, 0, 0);
}

/* "vm ...": there is no VM server; the calls a service needs for its own
 * memory are kernel calls (VMCTL, in BASIC).  Accepted, ignored. */
static int key_vm(struct key_ctx *k)
{
	return k->n ? 0 : fail(k->lx, k->line, "'vm' needs a value");
}

static int key_uid(struct key_ctx *k) { return num_key(k, &k->c->uid, 0, 65535); }
static int key_priority(struct key_ctx *k)
{
	return num_key(k, &k->c->priority, 0, NR_SCHED_QUEUES - 1);
}
static int key_quantum(struct key_ctx *k) { return num_key(k, &k->c->quantum, 1, 60000); }
static int key_period(struct key_ctx *k) { return num_key(k, &k->c->period, 1, 1000000); }
static int key_sigmgr(struct key_ctx *k) { return key_label(k, k->c->sigmgr); }

static const struct {
	const char *name;
	int (*fn)(struct key_ctx *k);
	int once;
} keys[] = {
	{ "system", key_system, 0 },   /* first: bit 0 of "seen" */ { "ipc", key_ipc, 0 }, { "io", key_io, 0 },
	{ "irq", key_irq, 0 }, { "uid", key_uid, 1 }, { "sigmgr", key_sigmgr, 1 },
	{ "scheduler", key_scheduler, 1 }, { "priority", key_priority, 1 },
	{ "quantum", key_quantum, 1 }, { "cpu", key_cpu, 1 }, { "pci", key_pci, 0 },
	{ "vm", key_vm, 0 }, { "control", key_control, 0 }, { "period", key_period, 1 },
	{ "flags", key_flags, 0 },
};

/* The defaults of a service without the key. */
static void defaults(struct rs_conf *c, const char *label, int line)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	strcpy(c->label, label);
	c->line = line;
	c->ipc_mode = RS_IPC_ALL_SYS;
	c->priority = USER_Q;
	for (i = 0; i < sizeof(basic_calls) / sizeof(basic_calls[0]); i++)
		PD_SET(c->calls, SYS_CALL_NR(basic_calls[i]));
}

/* "KEY VALUE ... ;" inside a service; the key word is in t. */
static int parse_key(struct lexer *lx, struct rs_conf *c, struct token *t, unsigned *seen)
{
	static struct token v[MAX_VALUES];
	struct key_ctx k = { lx, c, NULL, t->line, 0, v, 0 };
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(keys[i].name, t->text) == 0)
			break;
	if (i == sizeof(keys) / sizeof(keys[0]))
		return fail(lx, t->line, "unknown key '%s'", t->text);
	k.key = keys[i].name;
	if (keys[i].once && (*seen & (1u << i)))
		return fail(lx, t->line, "'%s' given twice", k.key);
	*seen |= 1u << i;
	for (;;) {
		if (next(lx, &v[k.n]) < 0)
			return -1;
		if (v[k.n].type == T_SEMI)
			break;
		if (v[k.n].type != T_WORD)
			return fail(lx, v[k.n].line, v[k.n].type == T_END ?
			    "missing ';' after '%s'" : "unexpected '%s' in '%s'",
			    v[k.n].type == T_END ? k.key : v[k.n].text, k.key);
		if (++k.n == MAX_VALUES)
			return fail(lx, t->line, "too many values for '%s'", k.key);
	}
	return keys[i].fn(&k);
}

/* Checks across keys, once the service is complete. */
static int check_service(struct lexer *lx, struct rs_conf *c, unsigned seen, int end_line)
{
	if (c->flags & RSF_USER) {
		if ((seen & 1u) || c->nr_io || c->nr_irq || (c->flags & (RSF_MAGIC_GRANT | RSF_DMA)))
			return fail(lx, end_line, "service %s: a USER process has no kernel calls, "
			    "I/O, IRQs or other flags", c->label);
		memset(c->calls, 0, sizeof(c->calls));
	}
	if ((c->flags & RSF_DMA) && !PD_ISSET(c->calls, SYS_CALL_NR(SYS_VUMAP)))
		return fail(lx, end_line, "service %s: flag DMA without 'system VUMAP'", c->label);
	return 0;
}

static int parse_service(struct lexer *lx, struct rs_conf *confs, int n, int max)
{
	struct token t;
	struct rs_conf *c;
	unsigned seen = 0;
	int i, line;

	line = lx->line;
	if (next(lx, &t) < 0)
		return -1;
	if (t.type != T_WORD || !is_label(t.text))
		return fail(lx, t.line, "bad service name '%s'", t.text);
	for (i = 0; i < n; i++)
		if (strcmp(confs[i].label, t.text) == 0)
			return fail(lx, t.line, "service %s given twice (first at line %d)",
			    t.text, confs[i].line);
	if (n == max)
		return fail(lx, t.line, "too many services (max %d)", max);
	c = &confs[n];
	defaults(c, t.text, line);
	if (next(lx, &t) < 0)
		return -1;
	if (t.type != T_LBRACE)
		return fail(lx, t.line, "expected '{' after 'service %s'", c->label);
	for (;;) {
		if (next(lx, &t) < 0)
			return -1;
		if (t.type == T_RBRACE)
			break;
		if (t.type == T_END)
			return fail(lx, t.line, "service %s: missing '}'", c->label);
		if (t.type != T_WORD)
			return fail(lx, t.line, "expected a key, got '%s'", t.text);
		if (parse_key(lx, c, &t, &seen) < 0)
			return -1;
	}
	line = t.line;
	if (next(lx, &t) < 0)
		return -1;
	if (t.type != T_SEMI)
		return fail(lx, line, "missing ';' after '}' of service %s", c->label);
	return check_service(lx, c, seen, line);
}

int rs_conf_parse(const char *text, size_t len, struct rs_conf *confs, int max,
	struct rs_conf_error *err)
{
	struct lexer lx = { text, len, 0, 1, err };
	struct token t;
	int n = 0;

	err->line = 0;
	err->why[0] = '\0';
	for (;;) {
		if (next(&lx, &t) < 0)
			return -1;
		if (t.type == T_END)
			return n;
		if (t.type != T_WORD || strcmp(t.text, "service") != 0)
			return fail(&lx, t.line, "expected 'service', got '%s'", t.text);
		lx.line = t.line;
		if (parse_service(&lx, confs, n, max) < 0)
			return -1;
		n++;
	}
}

const struct rs_conf *rs_conf_find(const struct rs_conf *confs, int n, const char *label)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(confs[i].label, label) == 0)
			return &confs[i];
	return NULL;
}

/* The privileges c gives, but the IPC targets (labels are RS's to
 * resolve): flags, trap mask, kernel calls, ports, IRQs; RS as manager. */
void rs_conf_desc(const struct rs_conf *c, struct priv_desc *d)
{
	memset(d, 0, sizeof(*d));
	if (c->flags & RSF_USER) {
		d->pd_flags = PREEMPTIBLE;
		d->pd_trap_mask = TRAPS_USER;
	} else {
		d->pd_flags = SYS_PROC | PREEMPTIBLE;
		d->pd_trap_mask = TRAPS_ALL;
		memcpy(d->pd_call_mask, c->calls, sizeof(d->pd_call_mask));
	}
	if (c->flags & RSF_MAGIC_GRANT)
		d->pd_flags |= MAGIC_GRANT;
	if (c->flags & RSF_DMA)
		d->pd_flags |= DMA_OK;
	d->pd_nr_io = c->nr_io;
	memcpy(d->pd_io, c->io, sizeof(d->pd_io));
	d->pd_nr_irq = c->nr_irq;
	memcpy(d->pd_irq, c->irq, sizeof(d->pd_irq));
	/* Its PCI devices: with an IOMMU they reach only its vumap holds. */
	d->pd_nr_pci = c->nr_pci < NR_PCI_ID ? c->nr_pci : NR_PCI_ID;
	memcpy(d->pd_pci, c->pci_id, (size_t)d->pd_nr_pci * sizeof(d->pd_pci[0]));
	d->pd_sig_mgr = SELF;
}
