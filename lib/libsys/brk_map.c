/* brk_map.c - __brk_map() for system processes: libc's sbrk() maps or
 * unmaps heap pages with SYS_VMCTL on the caller itself.  (User programs
 * may not make that call: theirs, in lib/libposix/brk.c, asks PM.)
 */
#include <unistd.h>
#include <minix/syslib.h>

int __brk_map(uint32_t addr, uint32_t len, int map)
{
	return sys_vmctl(SELF, map ? VMCTL_ALLOC : VMCTL_FREE, addr, len);
}
