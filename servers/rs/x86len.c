/* x86len.c - the i386 instruction-length decoder (see x86len.h).
 *
 * One table per opcode map says what follows the opcode: a ModRM byte,
 * and an immediate of 1, 2 or "z" bytes (4, or 2 under a 0x66 prefix).
 * A few opcodes are special (F6/F7 have an immediate only for TEST, the
 * moffs forms A0-A3, far pointers 9A/EA, ENTER C8).  Facts from the
 * Intel SDM, volume 2, appendix A (opcode maps).
 */
#include "x86len.h"

#define M   0x01 /* ModRM */
#define B   0x02 /* imm8 */
#define W   0x04 /* imm16 */
#define Z   0x08 /* imm16/32 by operand size */
#define X   0x10 /* special: decided in code */
#define P   0x20 /* prefix */
#define U   0x40 /* unknown / invalid here */
#define T   0x80 /* 0F escape */

static const uint8_t map1[256] = {
	/* 00 */ M, M, M, M, B, Z, 0, 0, M, M, M, M, B, Z, 0, T,
	/* 10 */ M, M, M, M, B, Z, 0, 0, M, M, M, M, B, Z, 0, 0,
	/* 20 */ M, M, M, M, B, Z, P, 0, M, M, M, M, B, Z, P, 0,
	/* 30 */ M, M, M, M, B, Z, P, 0, M, M, M, M, B, Z, P, 0,
	/* 40 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* 60 */ 0, 0, M, M, P, P, P, P, Z, M|Z, B, M|B, 0, 0, 0, 0,
	/* 70 */ B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
	/* 80 */ M|B, M|Z, M|B, M|B, M, M, M, M, M, M, M, M, M, M, M, M,
	/* 90 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, X, 0, 0, 0, 0, 0,
	/* A0 */ X, X, X, X, 0, 0, 0, 0, B, Z, 0, 0, 0, 0, 0, 0,
	/* B0 */ B, B, B, B, B, B, B, B, Z, Z, Z, Z, Z, Z, Z, Z,
	/* C0 */ M|B, M|B, W, 0, M, M, M|B, M|Z, X, 0, W, 0, 0, B, 0, 0,
	/* D0 */ M, M, M, M, B, B, 0, 0, M, M, M, M, M, M, M, M,
	/* E0 */ B, B, B, B, B, B, B, B, Z, Z, X, B, 0, 0, 0, 0,
	/* F0 */ P, 0, P, P, 0, 0, X, X, 0, 0, 0, 0, 0, 0, M, M,
};

static const uint8_t map2[256] = {
	/* 00 */ M, M, M, M, U, 0, 0, 0, 0, 0, U, 0, U, M, U, U,
	/* 10 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* 20 */ M, M, M, M, U, U, U, U, M, M, M, M, M, M, M, M,
	/* 30 */ 0, 0, 0, 0, 0, 0, U, 0, X, U, X, U, U, U, U, U,
	/* 40 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* 50 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* 60 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* 70 */ M|B, M|B, M|B, M|B, M, M, M, 0, M, M, U, U, M, M, M, M,
	/* 80 */ Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z,
	/* 90 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* A0 */ 0, 0, 0, M, M|B, M, U, U, 0, 0, 0, M, M|B, M, M, M,
	/* B0 */ M, M, M, M, M, M, M, M, M, M, M|B, M, M, M, M, M,
	/* C0 */ M, M, M|B, M, M|B, M|B, M|B, M, 0, 0, 0, 0, 0, 0, 0, 0,
	/* D0 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* E0 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
	/* F0 */ M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, U,
};

/* The ModRM byte at p[off] and what follows it (SIB, displacement). */
static int modrm(const uint8_t *p, size_t avail, int off, struct x86_insn *in)
{
	uint8_t m, mod, rm;
	int n = off + 1;

	if ((size_t)off >= avail)
		return -1;
	m = p[off];
	in->modrm_off = off;
	in->modrm = m;
	mod = MODRM_MOD(m);
	rm = MODRM_RM(m);
	if (mod == 3)
		return n;
	if (in->addr16) {
		if (mod == 1)
			in->disp_size = 1;
		else if (mod == 2 || (mod == 0 && rm == 6))
			in->disp_size = 2;
	} else {
		if (rm == 4) {
			if ((size_t)n >= avail)
				return -1;
			in->sib_off = n;
			if (mod == 0 && (p[n] & 7) == 5)
				in->disp_size = 4;
			n++;
		}
		if (mod == 1)
			in->disp_size = 1;
		else if (mod == 2 || (mod == 0 && rm == 5))
			in->disp_size = 4;
	}
	if (in->disp_size) {
		in->disp_off = n;
		n += in->disp_size;
	}
	return n;
}

int x86_decode(const uint8_t *p, size_t avail, struct x86_insn *in)
{
	int n = 0, z, flags, imm = 0;
	uint8_t op;

	in->nprefix = in->opsize16 = in->addr16 = in->twobyte = 0;
	in->modrm_off = in->sib_off = -1;
	in->modrm = 0;
	in->disp_off = in->disp_size = in->imm_off = in->imm_size = 0;
	for (;;) {
		if ((size_t)n >= avail || n >= X86_MAX_LEN)
			return -1;
		if (!(map1[p[n]] & P))
			break;
		if (p[n] == 0x66)
			in->opsize16 = 1;
		if (p[n] == 0x67)
			in->addr16 = 1;
		n++;
	}
	in->nprefix = n;
	z = in->opsize16 ? 2 : 4;
	op = p[n++];
	flags = map1[op];
	if (flags & T) {
		if ((size_t)n >= avail)
			return -1;
		in->twobyte = 1;
		op = p[n++];
		flags = map2[op];
		if (op == 0x38 || op == 0x3a) {	/* three-byte maps */
			if ((size_t)n >= avail)
				return -1;
			n++;
			flags = M | (op == 0x3a ? B : 0);
		}
	}
	in->op = op;
	if (flags & U)
		return -1;
	if (flags & X) {
		switch (op) {
		case 0x9a: case 0xea:	/* far pointer: offset and selector */
			imm = z + 2;
			break;
		case 0xa0: case 0xa1: case 0xa2: case 0xa3:	/* moffs */
			imm = in->addr16 ? 2 : 4;
			break;
		case 0xc8:		/* enter imm16, imm8 */
			imm = 3;
			break;
		case 0xf6: case 0xf7:	/* group 3: TEST has an immediate */
			flags = M;
			if ((size_t)n >= avail)
				return -1;
			if (MODRM_REG(p[n]) < 2)
				imm = op == 0xf6 ? 1 : z;
			break;
		}
	}
	if (flags & M && (n = modrm(p, avail, n, in)) < 0)
		return -1;
	if (flags & B)
		imm += 1;
	if (flags & W)
		imm += 2;
	if (flags & Z)
		imm += z;
	if (imm) {
		in->imm_off = n;
		in->imm_size = imm;
		n += imm;
	}
	if ((size_t)n > avail || n > X86_MAX_LEN)
		return -1;
	in->len = n;
	return n;
}
