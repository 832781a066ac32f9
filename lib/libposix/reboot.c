/* reboot.c - __minix_reboot(): PM_REBOOT(how, code).  The test image ends
 * with it: QEMU's exit code tells the host whether the tests passed.
 */
#include <minix/pm.h>
#include "posix.h"

int __minix_reboot(int how, int code)
{
	message m = { 0 };

	m.m_pm.i1 = how;
	m.m_pm.i2 = code;
	return __pm_call(PM_REBOOT, &m);
}
