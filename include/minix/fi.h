/* minix/fi.h - software-implemented fault injection (SWIFI): the fault
 * types RS injects into a service (RS_FI, `service fi`), and the log of
 * one injection.  docs/fault-injection.md has the story: what each type
 * changes, the PRNG, and the reproduction rule (seed, type, label, index).
 */
#ifndef _MINIX_FI_H
#define _MINIX_FI_H

#include <minix/type.h>
#include <minix/endpoint.h>

/* Fault types (m_rs_fi.type). */
#define FI_NEXT      0  /* crash (page fault) at the next request: plain `service fi` */
#define FI_SRCREG    1  /* text: the source register of an instruction */
#define FI_DSTREG    2  /* text: the destination register of an instruction */
#define FI_POINTER   3  /* text: the displacement or base of a memory operand */
#define FI_INTERFACE 4  /* text: a bit of an immediate loaded just before a call */
#define FI_LOOP      5  /* text: a conditional jump off by one, or a jump to itself */
#define FI_BITFLIP   6  /* text: one random bit of an instruction */
#define FI_NOP       7  /* text: an instruction replaced by NOPs */
#define FI_PANIC     8  /* SEF: panic() at the next request */
#define FI_HANG      9  /* SEF: spin forever at the next request */
#define FI_WILDWRITE 10 /* data: a random word of its data or bss gets a random value */
#define FI_WILDDMA   11 /* SEF: the next sef_fi_dma() returns a never-granted address */
#define FI_KCALL     12 /* SEF: a bit of the next kernel call's message flipped */
#define FI_DROP      13 /* SEF: the next request is taken and never acted on */
#define FI_NTYPES    14

/* m_rs_fi.op */
#define FI_OP_INJECT 0  /* choose and apply; the log to buf */
#define FI_OP_PLAN   1  /* choose only (what INJECT would do now): the log to buf */
#define FI_OP_READ   2  /* len bytes of the target at addr to buf (FIPATCH_READ_MAX) */

#define FI_MAXBYTES 16  /* bytes one fault changes, at most */
#define FI_TEXT_LEN 160

/* What one injection changed (RS copies it to m_rs_fi.buf). */
struct fi_log {
	int type;
	uint32_t seed, index;
	endpoint_t endpt;         /* the instance it went into */
	uint32_t addr;            /* first byte changed (0: a SEF fault) */
	int len;                  /* bytes changed (old/new) */
	int insn_len;             /* decoded length of the instruction (text types) */
	int candidates;           /* locations of this type in the target */
	uint32_t value;           /* SEF faults: the argument (WILDDMA: the address) */
	uint8_t old[FI_MAXBYTES], new[FI_MAXBYTES];
	char text[FI_TEXT_LEN];   /* the log line, as RS prints it */
};

/* The names `service fi -type` takes, by type number. */
#define FI_TYPE_NAMES { "next", "srcreg", "dstreg", "pointer", "interface", \
	"loop", "bitflip", "nop", "panic", "hang", "wildwrite", "wilddma", "kcall", \
	"drop" }

/* A service's hooks (lib/libsys/sef.c).  A driver passes the physical
 * address of each DMA request through sef_fi_dma(): unchanged unless a
 * FI_WILDDMA fault is armed, then (once) the never-granted address. */
phys_bytes sef_fi_dma(phys_bytes pa);
#endif
