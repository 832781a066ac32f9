/* t_minixsrc.c - the MINIX names added so that MINIX's own driver sources
 * build unchanged (docs/writing-drivers.md, "Building MINIX's own driver
 * sources"), as a driver sees them: <minix/driver.h> through
 * <minix/blockdriver.h> (struct device, driver_receive,
 * MAX_NR_OPEN_DEVICES, <sys/types.h>, <sys/param.h>, <minix/u64.h>),
 * <minix/sef.h> through <minix/syslib.h> with MINIX's predefined init
 * callbacks, SUPER_USER, UNUSED() through <sys/types.h>, and libc's
 * srand48/lrand48 in the guest.
 */
#include <sys/types.h>
#include <stdlib.h>
#include <minix/syslib.h>
#include <minix/blockdriver.h>
#include <sys/ioc_disk.h>
#include "t.h"

_Static_assert(sizeof(struct device) == 16, "struct device: two u64_t");
_Static_assert(MAX_NR_OPEN_DEVICES == 256, "MAX_NR_OPEN_DEVICES as MINIX");
_Static_assert(SUPER_USER == 0, "SUPER_USER is uid 0");
_Static_assert(sizeof(struct part_geom) == 28, "struct part_geom as MINIX's on i386");
_Static_assert(DIOCGETP == 0x401c6404UL && DIOCSETP == 0x801c6403UL &&
	DIOCOPENCT == 0x40046407UL, "DIOC* as MINIX");
_Static_assert(_MINIX_IOCTL_SIZE(DIOCGETP) == 28 && _MINIX_IOCTL_BIG(DIOCGETP) == 0,
	"the ioctl decoders");
_Static_assert(roundup(1000, 512) == 1024 && rounddown(1000, 512) == 512 &&
	howmany(1000, 512) == 2, "<sys/param.h> through <minix/driver.h>");

static int unused_param(int UNUSED(x))
{
	return 7;
}

int test_minixsrc_names(void)
{
	int (*rcv)(endpoint_t, message *, int *) = driver_receive;
	sef_cb_init_t fresh = SEF_CB_INIT_FRESH_DEFAULT, lu = SEF_CB_INIT_LU_DEFAULT;
	sef_init_info_t info = { 0 };
	u64_t pos = make64(0x200, 1);

	T_TRUE(rcv == sef_receive_status);
	T_EQ(fresh(SEF_INIT_FRESH, &info), OK);
	T_EQ(lu(SEF_INIT_LU, &info), OK);
	T_TRUE(SEF_CB_INIT_RESTART_NULL == sef_cb_init_null);
	T_EQ(ex64hi(pos), 1);
	T_EQ(ex64lo(pos), 0x200);
	T_EQ(unused_param(1), 7);
	srand48(0);
	T_EQ(lrand48(), 366850414L);     /* as NetBSD's and glibc's libc */
	T_EQ(lrand48(), 1610402240L);
	return 0;
}
