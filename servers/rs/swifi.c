/* swifi.c - choosing a software-implemented fault (see swifi.h).
 *
 * A text fault walks the target's .text section instruction by
 * instruction (x86len.c) from its first byte, counts the instructions
 * that are candidates for the type, takes the index-th (mod the count)
 * and changes it as the type says, with the details (which register,
 * which bit) drawn from the PRNG.  Every change keeps the instruction's
 * length, so the instructions after it stay as they were.  Nothing here
 * touches a process: RS applies the result (fi.c).
 */
#include <stdio.h>
#include <string.h>
#include <minix/errno.h>
#include "swifi.h"

#define GOLDEN 0x9e3779b97f4a7c15ull

void fi_rng_init(struct fi_rng *r, uint32_t seed, int type, uint32_t index)
{
	r->s = (((uint64_t)seed << 32) | index) ^ ((uint64_t)(uint32_t)type * GOLDEN);
}

uint32_t fi_rng_next(struct fi_rng *r)
{
	uint64_t z = (r->s += GOLDEN);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

uint32_t fi_rng_pick(struct fi_rng *r, uint32_t n)
{
	return fi_rng_next(r) % n;
}

int fi_is_text_type(int type)
{
	return type >= FI_SRCREG && type <= FI_NOP;
}

/* A ModRM instruction with a register operand: 0 no, else 1 + its
 * direction bit (2: reg is the destination, as in 8B /r). */
static int regform(const struct x86_insn *in)
{
	uint8_t op = in->op;

	if (in->modrm_off < 0)
		return 0;
	if (!in->twobyte) {
		if (op < 0x40 && (op & 7) < 4)
			return 1 + !!(op & 2);
		if (op == 0x84 || op == 0x85 || op == 0x88 || op == 0x89)
			return 1;
		if (op == 0x8a || op == 0x8b || op == 0x8d)
			return 2;
		return 0;
	}
	if (op == 0xaf || op == 0xb6 || op == 0xb7 || op == 0xbe || op == 0xbf ||
	    (op >= 0x40 && op <= 0x4f))
		return 2;
	return 0;
}

/* Compares and tests write no register. */
static int writes_nothing(const struct x86_insn *in)
{
	return !in->twobyte && ((in->op >= 0x38 && in->op <= 0x3b) ||
	    in->op == 0x84 || in->op == 0x85);
}

static int is_jcc(const struct x86_insn *in)
{
	return in->twobyte ? (in->op & 0xf0) == 0x80 : (in->op & 0xf0) == 0x70;
}

static int is_call(const struct x86_insn *in)
{
	return !in->twobyte && (in->op == 0xe8 ||
	    (in->op == 0xff && MODRM_REG(in->modrm) == 2));
}

/* An immediate that is an argument being loaded: push imm, mov imm to a
 * register or to memory. */
static int loads_imm(const struct x86_insn *in)
{
	uint8_t op = in->op;

	if (in->twobyte || !in->imm_size)
		return 0;
	return op == 0x6a || op == 0x68 || (op >= 0xb8 && op <= 0xbf) ||
	    ((op == 0xc7 || op == 0xc6) && MODRM_REG(in->modrm) == 0);
}

/* Is a call among the next 8 instructions after off? */
static int call_follows(const struct fi_target *t, uint32_t off)
{
	struct x86_insn in;
	int i, n;

	for (i = 0; i < 8 && off < t->text_len; i++, off += (uint32_t)n) {
		if ((n = x86_decode(t->text + off, t->text_len - off, &in)) < 0)
			return 0;
		if (is_call(&in))
			return 1;
		if (!in.twobyte && (in.op == 0xc3 || in.op == 0xe9 || in.op == 0xeb))
			return 0;	/* the function or the block ends first */
	}
	return 0;
}

static int candidate(const struct fi_target *t, int type, uint32_t off,
	const struct x86_insn *in)
{
	int rf = regform(in), mod = MODRM_MOD(in->modrm);

	switch (type) {
	case FI_SRCREG:
		return rf == 1 || (rf == 2 && mod == 3 && in->op != 0x8d);
	case FI_DSTREG:
		return rf && !writes_nothing(in) && (rf == 2 || mod == 3);
	case FI_POINTER:
		return in->modrm_off >= 0 && mod != 3 &&
		    !(in->twobyte && in->op >= 0x18 && in->op <= 0x1f);
	case FI_INTERFACE:
		return loads_imm(in) && call_follows(t, off + (uint32_t)in->len);
	case FI_LOOP:
		return is_jcc(in);
	case FI_BITFLIP:
	case FI_NOP:
		return 1;
	}
	return 0;
}

/* A register field value other than v, among the allowed ones. */
static unsigned other_reg(struct fi_rng *r, unsigned v, unsigned forbid_mask)
{
	unsigned ok[8], n = 0, i;

	for (i = 0; i < 8; i++)
		if (i != v && !(forbid_mask & (1u << i)))
			ok[n++] = i;
	return ok[fi_rng_pick(r, n)];
}

static void flip_bit(struct fi_rng *r, uint8_t *b, int off, int size)
{
	uint32_t bit = fi_rng_pick(r, (uint32_t)size * 8);

	b[off + bit / 8] ^= (uint8_t)(1u << (bit % 8));
}

/* The changed bytes of candidate in (its bytes b) for the type. */
static void mutate(int type, struct fi_rng *r, const struct x86_insn *in, uint8_t *b)
{
	int rf = regform(in), mo = in->modrm_off, mod = MODRM_MOD(in->modrm), i;
	unsigned reg = MODRM_REG(in->modrm), rm = MODRM_RM(in->modrm), cc;
	static const uint8_t off_by_one[16] = { 0, 0, 6, 7, 0, 0, 2, 3,
	    0, 0, 0, 0, 0xe, 0xf, 0xc, 0xd };

	switch (type) {
	case FI_SRCREG:	/* 'op r/m, reg': reg; 'op reg, r/m' (register form): r/m */
	case FI_DSTREG:
		if ((type == FI_SRCREG) == (rf == 1))
			b[mo] = (uint8_t)((b[mo] & ~0x38) | (other_reg(r, reg, 0) << 3));
		else
			b[mo] = (uint8_t)((b[mo] & ~7) | other_reg(r, rm, 0));
		break;
	case FI_POINTER:
		if (in->disp_size) {
			flip_bit(r, b, in->disp_off, in->disp_size);
		} else if (in->sib_off >= 0) {	/* the base; mod 0 base 5 means disp32 */
			b[in->sib_off] = (uint8_t)((b[in->sib_off] & ~7) |
			    other_reg(r, b[in->sib_off] & 7, mod == 0 ? 1u << 5 : 0));
		} else {	/* mod 0, no SIB: 4 would add a SIB, 5 (16-bit: 6) a disp */
			b[mo] = (uint8_t)((b[mo] & ~7) | other_reg(r, rm,
			    in->addr16 ? 1u << 6 : (1u << 4) | (1u << 5)));
		}
		break;
	case FI_INTERFACE:
		flip_bit(r, b, in->imm_off, in->imm_size);
		break;
	case FI_LOOP: {
		int op_at = in->nprefix + in->twobyte;
		cc = in->op & 0xf;
		if (off_by_one[cc] && fi_rng_pick(r, 2) == 0) {
			b[op_at] = (uint8_t)((b[op_at] & 0xf0) | off_by_one[cc]);
		} else {	/* endless: jmp . */
			b[0] = 0xeb;
			b[1] = 0xfe;
			for (i = 2; i < in->len; i++)
				b[i] = 0x90;
		}
		break;
	}
	case FI_BITFLIP:
		flip_bit(r, b, 0, in->len);
		break;
	case FI_NOP:
		memset(b, 0x90, (size_t)in->len);
		break;
	}
}

static int choose_text(const struct fi_target *t, int type, struct fi_rng *r,
	uint32_t index, uint32_t addr, struct fi_log *log)
{
	struct x86_insn in;
	uint32_t off, n = 0, want, at = 0, found = 0;
	int len;

	/* Count the candidates (and find addr's). */
	for (off = 0; off < t->text_len; off += (uint32_t)len) {
		if ((len = x86_decode(t->text + off, t->text_len - off, &in)) < 0) {
			len = 1;	/* not an instruction we know: step over a byte */
			continue;
		}
		if (!candidate(t, type, off, &in))
			continue;
		if (addr && t->text_addr + off == addr)
			at = off, found = 1;
		n++;
	}
	log->candidates = (int)n;
	if (n == 0)
		return ENOENT;
	if (addr && !found)
		return EINVAL;
	if (!addr) {
		want = index % n;
		for (off = 0, n = 0; ; off += (uint32_t)len) {
			if ((len = x86_decode(t->text + off, t->text_len - off, &in)) < 0) {
				len = 1;
				continue;
			}
			if (candidate(t, type, off, &in) && n++ == want)
				break;
		}
		at = off;
	}
	len = x86_decode(t->text + at, t->text_len - at, &in);
	log->addr = t->text_addr + at;
	log->len = log->insn_len = len;
	memcpy(log->old, t->text + at, (size_t)len);
	memcpy(log->new, t->text + at, (size_t)len);
	mutate(type, r, &in, log->new);
	return 0;
}

int fi_choose(const struct fi_target *t, int type, uint32_t seed, uint32_t index,
	uint32_t addr, struct fi_log *log)
{
	struct fi_rng r;
	uint32_t v, n;

	memset(log, 0, sizeof(*log));
	log->type = type;
	log->seed = seed;
	log->index = index;
	if (type < 0 || type >= FI_NTYPES)
		return EINVAL;
	fi_rng_init(&r, seed, type, index);
	if (fi_is_text_type(type))
		return choose_text(t, type, &r, index, addr, log);
	switch (type) {
	case FI_WILDWRITE:
		n = t->data_len / 4;
		log->candidates = (int)n;
		if (n == 0)
			return ENOENT;
		if (addr && (addr < t->data_addr || addr - t->data_addr >= n * 4 ||
		    (addr - t->data_addr) % 4))
			return EINVAL;
		log->addr = addr ? addr : t->data_addr + 4 * (index % n);
		log->len = 4;
		v = fi_rng_next(&r);
		memcpy(log->new, &v, 4);
		return 0;
	case FI_WILDDMA:	/* a page of the first GiB, never granted to it */
		log->value = 0x100000u + (fi_rng_pick(&r, 0x3ff00) << 12);
		if (addr)	/* or the page the caller aims it at */
			log->value = addr & ~0xfffu;
		return 0;
	case FI_KCALL:		/* which argument word (mod their number) and bit */
		v = fi_rng_pick(&r, 256);
		log->value = (v << 8) | fi_rng_pick(&r, 32);
		break;
	}
	if (addr)
		return EINVAL;	/* the SEF faults have no location */
	return 0;
}

void fi_format(struct fi_log *log, const char *label)
{
	static const char *names[] = FI_TYPE_NAMES;
	char *s = log->text;
	size_t left = sizeof(log->text);
	int i, n;

	n = snprintf(s, left, "fi: %s %s seed=%u index=%u", label, names[log->type],
	    (unsigned)log->seed, (unsigned)log->index);
	if (log->len) {
		n += snprintf(s + n, left - (size_t)n, " at 0x%x len=%d insn=%d:",
		    (unsigned)log->addr, log->len, log->insn_len);
		for (i = 0; i < log->len && (size_t)n < left; i++)
			n += snprintf(s + n, left - (size_t)n, " %02x", log->old[i]);
		n += snprintf(s + n, left - (size_t)n, " ->");
		for (i = 0; i < log->len && (size_t)n < left; i++)
			n += snprintf(s + n, left - (size_t)n, " %02x", log->new[i]);
	} else if (log->type == FI_WILDDMA || log->type == FI_KCALL) {
		snprintf(s + n, left - (size_t)n, " value=0x%x", (unsigned)log->value);
	}
}

static uint32_t get32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint32_t get16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }

int fi_elf_target(const uint8_t *img, uint32_t size, struct fi_target *t)
{
	uint32_t shoff, shnum, shent, stri, phoff, phnum, i, stroff;

	memset(t, 0, sizeof(*t));
	if (size < 52 || get32(img) != 0x464c457f)
		return ENOEXEC;
	phoff = get32(img + 28), phnum = get16(img + 44);
	shoff = get32(img + 32), shent = get16(img + 46), shnum = get16(img + 48);
	stri = get16(img + 50);
	if (phoff > size || phnum * 32 > size - phoff || shent != 40 || shoff > size ||
	    shnum * 40 > size - shoff || stri >= shnum)
		return ENOEXEC;
	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = img + phoff + i * 32;
		if (get32(ph) == 1 && (get32(ph + 24) & 2) && !t->data_len) {
			t->data_addr = get32(ph + 8);
			t->data_len = get32(ph + 20) & ~3u;
		}
	}
	stroff = get32(img + shoff + stri * 40 + 16);
	for (i = 0; i < shnum; i++) {
		const uint8_t *sh = img + shoff + i * 40;
		uint32_t name = stroff + get32(sh), off = get32(sh + 16), len = get32(sh + 20);
		if (name + 6 > size || memcmp(img + name, ".text", 6) != 0)
			continue;
		if (off > size || len > size - off)
			return ENOEXEC;
		t->text = img + off;
		t->text_addr = get32(sh + 12);
		t->text_len = len;
	}
	return t->text ? 0 : ENOEXEC;
}
