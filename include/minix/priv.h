/* minix/priv.h - privileges as data: what a process may do.
 *
 * RS builds a struct priv_desc from a service's .conf (servers/rs/conf.c)
 * and installs it with SYS_PRIVCTL SYS_PRIV_SET_SYS; only RS's own
 * privileges come from the kernel (kernel/table.c).
 */
#ifndef _MINIX_PRIV_H
#define _MINIX_PRIV_H

#include <stdint.h>
#include <minix/config.h>
#include <minix/com.h>

/* pd_flags */
#define SYS_PROC     0x01 /* system process: may use kernel calls at all */
#define PREEMPTIBLE  0x02 /* quantum-based preemption */
#define MAGIC_GRANT  0x10 /* may make magic grants (VFS) */
#define DMA_OK       0x20 /* may translate grants to physical (SYS_VUMAP) */
#define SUPERVISED   0x40 /* its SYS_EXIT is news for its manager (KSIG_EXIT):
                           * it stays, stopped, until the manager clears it */

#define NR_IO_RANGE  8
#define NR_IRQ_LINE  16
#define NR_PCI_ID    8  /* "pci device" IDs a driver's .conf names */
#define CALL_MASK_WORDS ((NR_SYS_CALLS + 31) / 32)
#define IPC_MASK_WORDS  ((NR_SLOTS + 31) / 32)

/* Trap mask bits: one per IPC primitive. */
#define TRAP_BIT(f)  (1u << (f))
#define TRAPS_ALL    (TRAP_BIT(SEND) | TRAP_BIT(RECEIVE) | TRAP_BIT(SENDREC) | \
	TRAP_BIT(NOTIFY) | TRAP_BIT(SENDNB) | TRAP_BIT(SENDA))
#define TRAPS_USER   TRAP_BIT(SENDREC)

struct io_range {
	uint16_t ior_base, ior_limit; /* inclusive */
};

struct priv_desc {
	uint32_t pd_flags;
	uint32_t pd_trap_mask;
	uint32_t pd_call_mask[CALL_MASK_WORDS]; /* bit SYS_CALL_NR(call) */
	uint32_t pd_ipc_to[IPC_MASK_WORDS];     /* bit slot + NR_TASKS */
	int pd_nr_io;
	struct io_range pd_io[NR_IO_RANGE];
	int pd_nr_irq;
	int pd_irq[NR_IRQ_LINE];
	endpoint_t pd_sig_mgr; /* its signal manager: a live process, or SELF
	                        * (the caller); MINIX's s_sig_mgr */
	int pd_nr_pci;
	uint32_t pd_pci[NR_PCI_ID]; /* vendor << 16 | device: the PCI devices
	                             * whose DMA it drives (the IOMMU confines
	                             * them to its vumap holds: kernel/iommu.c) */
};

#define PD_SET(words, bit)  ((words)[(bit) / 32] |= 1u << ((bit) % 32))
#define PD_CLR(words, bit)  ((words)[(bit) / 32] &= ~(1u << ((bit) % 32)))
#define PD_ISSET(words, bit) (((words)[(bit) / 32] >> ((bit) % 32)) & 1u)

#endif
