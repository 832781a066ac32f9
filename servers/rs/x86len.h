/* x86len.h - an i386 instruction-length decoder (x86len.c), enough for
 * gcc -O2 output in 32-bit code: prefixes, one- and two-byte opcodes
 * (and the 0F 38 / 0F 3A three-byte ones), ModRM, SIB, displacement and
 * immediate sizes.  Fault injection (swifi.c) needs instruction
 * boundaries and the place of each field.  A pure function: the host
 * test (tests/host/test_x86len.c) checks it against objdump.
 */
#ifndef X86LEN_H
#define X86LEN_H
#include <stddef.h>
#include <stdint.h>

struct x86_insn {
	int len;          /* bytes, prefixes included */
	int nprefix;      /* prefix bytes before the opcode */
	int opsize16;     /* a 0x66 prefix */
	int addr16;       /* a 0x67 prefix */
	int twobyte;      /* 0F escape (op is the byte after it) */
	uint8_t op;       /* the opcode byte (after 0F if twobyte) */
	int modrm_off;    /* offset of the ModRM byte, -1: none */
	uint8_t modrm;
	int sib_off;      /* -1: none */
	int disp_off, disp_size; /* displacement: offset, 0/1/2/4 */
	int imm_off, imm_size;   /* immediate (or relative target): offset, size */
};

#define X86_MAX_LEN 15

/* Decode the instruction at p (avail bytes readable); its length, or -1
 * if it is not one this decoder knows or is cut off. */
int x86_decode(const uint8_t *p, size_t avail, struct x86_insn *in);

#define MODRM_MOD(m) ((m) >> 6)
#define MODRM_REG(m) (((m) >> 3) & 7)
#define MODRM_RM(m)  ((m) & 7)
#endif
