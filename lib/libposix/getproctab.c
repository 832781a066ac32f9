/* getproctab.c - minix_getproctab(): PM_GETPROCTAB fills buf (size bytes)
 * with one struct pm_procinfo per process and returns how many (for ps).
 */
#include <minix/pm.h>
#include "posix.h"

int minix_getproctab(struct pm_procinfo *buf, size_t size)
{
	message m = { 0 };

	m.m_pm.p1 = (vir_bytes)buf;
	m.m_pm.i1 = (int)size;
	return __pm_call(PM_GETPROCTAB, &m);
}
