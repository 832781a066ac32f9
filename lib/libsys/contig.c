/* contig.c - alloc_contig()/free_contig() (MINIX's names): physically
 * contiguous memory for a driver's DMA; vm_map_phys()/vm_unmap_phys():
 * its devices' memory BARs; and the window of the address space such
 * mappings go to.
 *
 * The window is [WIN_BASE, WIN_TOP), above the RAM disk's mapping and
 * below the stack; libsys hands out page-aligned ranges of it first fit
 * from a table of the ranges in use, and takes them back in free_contig.
 * The kernel (SYS_VMCTL VMCTL_ALLOC_CONTIG) finds the frames and maps
 * them.  Errors: NULL or -1 with errno set to a positive E* (this file is
 * built with _SYSTEM, where E* are negative).
 */
#include <stddef.h>
#include <minix/syslib.h>

extern int errno;

#define WIN_BASE 0xc0000000u
#define WIN_TOP  0xe0000000u
#define WIN_MAX  64            /* ranges in use at a time */
#define PAGE     4096u

static struct { vir_bytes base, len; } used[WIN_MAX];
static int nused;

/* A free page-aligned range of len bytes in the window, or 0. */
static vir_bytes win_take(vir_bytes len)
{
	vir_bytes at = WIN_BASE;
	int i, moved;

	if (nused == WIN_MAX)
		return 0;
	do { /* first fit: move past every range that overlaps */
		moved = 0;
		for (i = 0; i < nused; i++)
			if (at < used[i].base + used[i].len && used[i].base < at + len) {
				at = used[i].base + used[i].len;
				moved = 1;
			}
	} while (moved && at < WIN_TOP);
	if (at >= WIN_TOP || len > WIN_TOP - at)
		return 0;
	used[nused].base = at;
	used[nused].len = len;
	nused++;
	return at;
}

/* Give back the range at addr of len bytes: OK, or EINVAL if it is not one. */
static int win_give(vir_bytes addr, vir_bytes len)
{
	int i;

	for (i = 0; i < nused; i++)
		if (used[i].base == addr && used[i].len == len) {
			used[i] = used[--nused];
			return OK;
		}
	return EINVAL;
}

/* SYS_VMCTL request m (its request, flags, phys filled in) on size bytes
 * of the window: their address, or 0 with errno set and the window as it
 * was. */
static vir_bytes win_vmctl(message *m, vir_bytes size)
{
	vir_bytes va;
	int r;

	if (!(va = win_take(size))) {
		errno = -ENOMEM;
		return 0;
	}
	m->m_vmctl.endpt = SELF;
	m->m_vmctl.addr = va;
	m->m_vmctl.len = size;
	if ((r = _kernel_call(SYS_VMCTL, m)) != OK) {
		win_give(va, size);
		errno = -r;
		return 0;
	}
	return va;
}

void *alloc_contig(size_t len, int flags, phys_bytes *phys)
{
	message m = { 0 };
	vir_bytes va, size = (len + PAGE - 1) & ~(vir_bytes)(PAGE - 1);

	if (len == 0 || size < len) {
		errno = -EINVAL;
		return NULL;
	}
	m.m_vmctl.request = VMCTL_ALLOC_CONTIG;
	m.m_vmctl.flags = flags;
	if (!(va = win_vmctl(&m, size)))
		return NULL;
	if (phys)
		*phys = m.m_vmctl.phys;
	return (void *)va;
}

int free_contig(void *addr, size_t len)
{
	vir_bytes va = (vir_bytes)addr, size = (len + PAGE - 1) & ~(vir_bytes)(PAGE - 1);
	int r;

	if (len == 0 || win_give(va, size) != OK) {
		errno = -EINVAL;
		return -1;
	}
	if ((r = sys_vmctl(SELF, VMCTL_FREE, va, size)) != OK) {
		errno = -r;
		return -1;
	}
	return 0;
}

/* Is who the caller itself? */
static int is_self(endpoint_t who)
{
	endpoint_t me;

	return who == SELF || (sys_whoami(&me, NULL, 0, NULL, NULL) == OK && me == who);
}

/* MINIX's vm_map_phys(): len bytes of device memory at physaddr (inside a
 * memory BAR of a PCI device our .conf names), mapped uncached; the
 * address of physaddr, or MAP_FAILED and errno (EINVAL: len 0, or who is
 * not ourselves; EPERM: not such a range; ENOMEM: no room).  An unaligned
 * physaddr is mapped from its page on, as in MINIX. */
void *vm_map_phys(endpoint_t who, void *physaddr, size_t len)
{
	message m = { 0 };
	phys_bytes pa = (phys_bytes)physaddr, off = pa & (PAGE - 1);
	vir_bytes va, size = (len + off + PAGE - 1) & ~(vir_bytes)(PAGE - 1);

	if (len == 0 || size < len || !is_self(who)) {
		errno = -EINVAL;
		return MAP_FAILED;
	}
	m.m_vmctl.request = VMCTL_MAP_PHYS;
	m.m_vmctl.phys = pa - off;
	if (!(va = win_vmctl(&m, size)))
		return MAP_FAILED;
	return (void *)(va + off);
}

/* MINIX's vm_unmap_phys(): the whole mapping vm_map_phys() returned vaddr
 * (or an address in its first page) for; len is not used, as in MINIX.
 * OK, or EINVAL (who is not ourselves) or EFAULT (no such mapping). */
int vm_unmap_phys(endpoint_t who, void *vaddr, size_t len)
{
	vir_bytes va = (vir_bytes)vaddr & ~(vir_bytes)(PAGE - 1);
	int i, r;

	(void)len;
	if (!is_self(who))
		return EINVAL;
	for (i = 0; i < nused; i++)
		if (used[i].base == va)
			break;
	if (i == nused)
		return EFAULT;
	if ((r = sys_vmctl(SELF, VMCTL_UNMAP_PHYS, va, used[i].len)) != OK)
		return r;   /* not a device mapping: an alloc_contig one */
	used[i] = used[--nused];
	return OK;
}
