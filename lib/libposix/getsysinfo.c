/* getsysinfo.c - minix_getsysinfo(): PM_GETSYSINFO asks PM for kernel
 * information a user process cannot get itself (no kernel calls): the
 * kernel's facts, the whole process table, a process's grant table.
 */
#include <minix/pm.h>
#include "posix.h"

int minix_getsysinfo(int what, endpoint_t ep, void *buf, size_t size)
{
	message m = { 0 };

	m.m_pm.i1 = what;
	m.m_pm.i2 = ep;
	m.m_pm.p1 = (vir_bytes)buf;
	m.m_pm.i3 = size > 0x7fffffff ? 0x7fffffff : (int)size;
	return __pm_call(PM_GETSYSINFO, &m);
}
