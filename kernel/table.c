/* table.c - the boot image as data: the slots of the boot services that
 * others address by a fixed endpoint (include/minix/com.h).  A boot module
 * not named here starts in a free slot.  Every boot process except RS
 * starts stopped, with no privileges and RS as its signal manager; RS
 * installs its privileges from its .conf (servers/rs, docs/services.md).
 * The kernel tasks are in proc.c.
 */
#include "table.h"

const struct boot_image boot_image[] = {
	{ DS_PROC_NR,   "ds" },
	{ RS_PROC_NR,   "rs" },
	{ PM_PROC_NR,   "pm" },
	{ VFS_PROC_NR,  "vfs" },
	{ MEM_PROC_NR,  "memory" },
	{ TTY_PROC_NR,  "tty" },
	{ FS_PROC_NR,   "ext2" },
	{ INIT_PROC_NR, "init" },
};
const int nr_boot_image = ARRAY_SIZE(boot_image);

/* RS holds every privilege, so that it can hand out any subset of them
 * (SYS_PRIVCTL gives only what the caller holds itself). */
void rs_privileges(struct priv_desc *d)
{
	int i;

	memset(d, 0, sizeof(*d));
	d->pd_flags = SYS_PROC | PREEMPTIBLE | MAGIC_GRANT | DMA_OK | SUPERVISED;
	d->pd_trap_mask = TRAPS_ALL;
	memset(d->pd_call_mask, 0xff, sizeof(d->pd_call_mask));
	memset(d->pd_ipc_to, 0xff, sizeof(d->pd_ipc_to));
	d->pd_nr_io = 1;
	d->pd_io[0].ior_base = 0;
	d->pd_io[0].ior_limit = 0xffff;
	for (i = 1; i < NR_IRQ_VECTORS && d->pd_nr_irq < NR_IRQ_LINE; i++)
		d->pd_irq[d->pd_nr_irq++] = i;
	d->pd_sig_mgr = NONE;
}
