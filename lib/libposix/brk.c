/* brk.c - __brk_map() for user programs: libc's sbrk() asks PM to map or
 * unmap heap pages (PM_BRK: p1 the first page, i1 +bytes to map or -bytes
 * to unmap; PM calls SYS_VMCTL on the process).  System processes get
 * __brk_map from libsys instead, which calls SYS_VMCTL themselves.
 */
#include <unistd.h>
#include "posix.h"

int __brk_map(uint32_t addr, uint32_t len, int map)
{
	message m = { 0 };

	if (len > 0x7fffffffu)
		return ENOMEM;
	m.m_pm.p1 = addr;
	m.m_pm.i1 = map ? (int)len : -(int)len;
	return _syscall(PM_PROC_NR, PM_BRK, &m);
}
