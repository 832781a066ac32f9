/* minix/driver.h - the older name of <minix/drivers.h>. */
#include <minix/drivers.h>
