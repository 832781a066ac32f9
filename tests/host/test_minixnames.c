/* test_minixnames.c - host tests for the MINIX names a MINIX driver's
 * source uses unchanged (docs/writing-drivers.md, "Building MINIX's own
 * driver sources"): <minix/u64.h>, <sys/param.h>'s macros, the
 * _MINIX_IOCTL_*() decoders of <sys/ioc_disk.h>, and libc's
 * srand48/lrand48 (lib/libc/rand48.c), compared with the host's libc.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "tap.h"

typedef uint32_t u32_t;
typedef uint64_t u64_t;
#define _MINIX_TYPE_H	/* the two types above are all u64.h needs */
#include "../../include/minix/u64.h"
#undef roundup
#undef rounddown
#undef howmany
#undef powerof2
#undef MIN
#undef MAX
#undef NBBY
#include "../../include/sys/param.h"
#define _MINIX_PARTITION_H
struct part_geom { u64_t base, size; unsigned cylinders, heads, sectors; };
#include "../../include/sys/ioc_disk.h"

#define srand48 kit_srand48
#define lrand48 kit_lrand48
#include "../../lib/libc/rand48.c"
#undef srand48
#undef lrand48

static void test_u64(void)
{
	u64_t v = 0x123456789abcdef0ULL;

	CHECK_EQ(ex64lo(v), 0x9abcdef0UL, "ex64lo: the low 32 bits");
	CHECK_EQ(ex64hi(v), 0x12345678UL, "ex64hi: the high 32 bits");
	CHECK(make64(0x9abcdef0UL, 0x12345678UL) == v, "make64(lo, hi)");
	CHECK(make64(0xffffffffUL, 0) == 0xffffffffULL, "make64: lo not sign-extended");
	CHECK_EQ(ex64hi(0xffffffffULL), 0, "ex64hi of a 32-bit value is 0");
}

static void test_param(void)
{
	CHECK_EQ(roundup(513, 512), 1024, "roundup(513, 512)");
	CHECK_EQ(roundup(512, 512), 512, "roundup of a multiple");
	CHECK_EQ(rounddown(1023, 512), 512, "rounddown(1023, 512)");
	CHECK_EQ(rounddown(511, 512), 0, "rounddown below one unit");
	CHECK_EQ(howmany(1025, 512), 3, "howmany(1025, 512)");
	CHECK_EQ(howmany(0, 512), 0, "howmany(0, 512)");
	CHECK_EQ(powerof2(4096), 1, "powerof2(4096)");
	CHECK_EQ(powerof2(4095), 0, "powerof2(4095)");
	CHECK_EQ(MIN(-3, 2), -3, "MIN");
	CHECK_EQ(MAX(-3, 2), 2, "MAX");
	CHECK_EQ(NBBY, 8, "NBBY");
}

static void test_ioctl_decode(void)
{
	/* MINIX's values: group 'd', the argument's size (a struct
	 * part_geom is 28 bytes on i386, 32 on this host). */
	CHECK_EQ(_IOC(IOC_OUT, 'd', 4, 28), 0x401c6404UL, "DIOCGETP's i386 value as MINIX");
	CHECK_EQ(_IOC(IOC_IN, 'd', 3, 28), 0x801c6403UL, "DIOCSETP's i386 value as MINIX");
	CHECK_EQ(DIOCOPENCT, 0x40046407UL, "DIOCOPENCT as MINIX");
	CHECK_EQ(_MINIX_IOCTL_SIZE(DIOCGETP), sizeof(struct part_geom), "size of DIOCGETP");
	CHECK(_MINIX_IOCTL_IOR(DIOCGETP) && !_MINIX_IOCTL_IOW(DIOCGETP), "DIOCGETP reads");
	CHECK(_MINIX_IOCTL_IOW(DIOCSETP) && !_MINIX_IOCTL_IOR(DIOCSETP), "DIOCSETP writes");
	CHECK_EQ(_MINIX_IOCTL_IORW(DIOCTIMEOUT), IOC_INOUT, "DIOCTIMEOUT both ways");
	CHECK_EQ(_MINIX_IOCTL_SIZE(DIOCEJECT), 0, "DIOCEJECT has no argument");
	CHECK_EQ(_MINIX_IOCTL_BIG(DIOCGETP), 0, "no request here is big");
	CHECK_EQ(_MINIX_IOCTL_BIG(DIOCGETP | IOC_BIG), IOC_BIG, "IOC_BIG is bit 28");
	CHECK_EQ(_MINIX_IOCTL_SIZE(_IOC(IOC_OUT, 'x', 1, 0x1fff)), 0xfff,
		"the size field is 12 bits, as MINIX's");
}

static void test_rand48(void)
{
	int i, same = 1;

	kit_srand48(0);
	CHECK_EQ(kit_lrand48(), 366850414L, "srand48(0): the first lrand48()");
	for (i = 0; i < 1000; i++) {
		long v = kit_lrand48();

		if (v < 0 || v > 0x7fffffffL)
			same = 0;
	}
	CHECK(same, "lrand48 stays in [0, 2^31)");

	kit_srand48(12345);
	srand48(12345);
	for (i = 0; i < 1000 && same; i++)
		same = kit_lrand48() == lrand48();
	CHECK(same, "srand48(12345): 1000 numbers as the host's libc");
	kit_srand48(-1);
	srand48(-1);
	CHECK_EQ(kit_lrand48(), lrand48(), "srand48(-1): only the low 32 bits count");
}

int main(void)
{
	test_u64();
	test_param();
	test_ioctl_decode();
	test_rand48();
	return tap_done();
}
