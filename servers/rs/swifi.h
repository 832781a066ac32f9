/* swifi.h - choosing a fault (swifi.c): a pure function of the target's
 * pristine program and (seed, type, index), so that every injection can
 * be made again.  RS applies what it chooses (fi.c); the host test checks
 * the choices (tests/host/test_x86len.c).  docs/fault-injection.md.
 */
#ifndef SWIFI_H
#define SWIFI_H
#include <stdint.h>
#include <minix/fi.h>
#include "x86len.h"

/* Where the faults go: the .text section (pristine bytes, as loaded at
 * text_addr) and the writable data and bss. */
struct fi_target {
	const uint8_t *text;
	uint32_t text_addr, text_len;
	uint32_t data_addr, data_len;
};

/* The PRNG: splitmix64, seeded from (seed, type, index). */
struct fi_rng { uint64_t s; };
void fi_rng_init(struct fi_rng *r, uint32_t seed, int type, uint32_t index);
uint32_t fi_rng_next(struct fi_rng *r);	/* the high 32 bits of the next output */
uint32_t fi_rng_pick(struct fi_rng *r, uint32_t n);	/* [0, n), n > 0 */

int fi_is_text_type(int type);
/* Fill log (type, seed, index, addr, len, insn_len, candidates, value,
 * old = pristine text bytes, new) for this fault; addr 0 means the
 * index-th candidate (mod their count), else the one starting at addr.
 * 0, or an E* code: EINVAL (bad type, or addr is not a candidate
 * of the type), ENOENT (no candidate). */
int fi_choose(const struct fi_target *t, int type, uint32_t seed, uint32_t index,
	uint32_t addr, struct fi_log *log);
/* log->text: the one-line account (label: the target's). */
void fi_format(struct fi_log *log, const char *label);
/* Find the .text section and the writable segments of an ELF image. */
int fi_elf_target(const uint8_t *img, uint32_t size, struct fi_target *t);
#endif
