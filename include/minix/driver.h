/* minix/driver.h - what MINIX's block and character drivers share, with
 * MINIX's names: <minix/drivers.h>, <sys/types.h>, struct device (a minor's base and
 * size in bytes), driver_receive() (the receive of a driver's own loop:
 * sef_receive_status()), MAX_NR_OPEN_DEVICES, <sys/param.h>,
 * <minix/u64.h> and <minix/partition.h>.  <minix/chardriver.h> and
 * <minix/blockdriver.h> include it, as in MINIX.
 */
#ifndef _MINIX_DRIVER_H
#define _MINIX_DRIVER_H
#include <minix/drivers.h>
#include <sys/types.h>
#include <sys/param.h>
#include <minix/u64.h>
#include <minix/partition.h>

#ifndef _MINIX_STRUCT_DEVICE
#define _MINIX_STRUCT_DEVICE
struct device {
	u64_t dv_base;
	u64_t dv_size;
};
#endif

#ifndef driver_receive
#define driver_receive sef_receive_status
#endif

#define MAX_NR_OPEN_DEVICES 256 /* open minors a driver may track */
#endif
