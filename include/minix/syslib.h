/* minix/syslib.h - libsys: one C function per kernel call (MINIX names).
 * Each returns OK or a negative E* (the reply's m_type, or the trap's
 * error when the call could not be made).
 */
#ifndef _MINIX_SYSLIB_H
#define _MINIX_SYSLIB_H

#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/priv.h>
#include <minix/sysinfo.h>
#include <minix/safecopies.h>
#include <minix/sef.h>        /* as MINIX's syslib.h */
#include <minix/const.h>
#include <minix/errno.h>

int sys_fork(int flags, endpoint_t *child);   /* child gets NONE */
/* Copy a managed process that waits for our reply (PM's fork). */
int sys_fork_of(endpoint_t parent, int flags, endpoint_t *child);
int sys_exec(endpoint_t proc_ep, const void *img, size_t img_len,
	const void *frame, size_t frame_len, const char *name, vir_bytes *ip);
/* Would sys_exec accept this image and block?  (Changes nothing.) */
int sys_exec_check(endpoint_t proc_ep, const void *img, size_t img_len,
	const void *frame, size_t frame_len);
/* Copy between two processes (SELF on either side); flags 0 or
 * CP_FLAG_TRY (the same here: there is no demand paging, unmapped memory
 * is EFAULT), any other bit EINVAL. */
#define CP_FLAG_TRY 0x01
int sys_vircopy(endpoint_t src_proc, vir_bytes src_vir, endpoint_t dst_proc,
	vir_bytes dst_vir, phys_bytes bytes, int flags);
#define sys_datacopy(p1, v1, p2, v2, len) sys_vircopy(p1, v1, p2, v2, len, 0)
#define sys_datacopy_try(p1, v1, p2, v2, len) \
	sys_vircopy(p1, v1, p2, v2, len, CP_FLAG_TRY)
/* The physical address of [vir_addr, vir_addr+bytes) of proc_ep (SELF or a
 * process we manage): seg VM_D; mapped and physically contiguous, else
 * EFAULT; needs the DMA flag (EPERM). */
int sys_umap(endpoint_t proc_ep, int seg, vir_bytes vir_addr, vir_bytes bytes,
	phys_bytes *phys_addr);
/* SYS_FIPATCH (fault injection): read or write bytes of a managed process,
 * its read-only text included. */
int sys_fipatch(endpoint_t proc_ep, int op, vir_bytes addr, void *buf, size_t bytes);
struct sigmsg;
int sys_sigsend(endpoint_t proc_ep, struct sigmsg *sm);
int sys_sigreturn(endpoint_t proc_ep, vir_bytes scp);
int sys_exit(int status) __attribute__((noreturn)); /* ends the caller */
int sys_clear(endpoint_t proc_ep);            /* remove a managed process */
int sys_kill(endpoint_t proc_ep, int sig);
int sys_exit_why(int status, const char *why) __attribute__((noreturn));
int sys_getksig(endpoint_t *proc_ep, int *sig_mask);
int sys_getksig_info(endpoint_t *proc_ep, int *sig_mask, int *status,
	vir_bytes *why, vir_bytes *pc);
/* A service gives up (MINIX's libsys panic()): the message goes to the
 * console and, as the reason of its exit, to RS. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
int sys_endksig(endpoint_t proc_ep);
int sys_privctl(endpoint_t proc_ep, int request, void *p);
int sys_runctl(endpoint_t proc_ep, int request);
int sys_schedctl(uint32_t flags, endpoint_t proc_ep, int priority, int quantum, int cpu);
#define sys_stop(ep)   sys_runctl((ep), RC_STOP)   /* job control */
#define sys_resume(ep) sys_runctl((ep), RC_RESUME)
/* Arm (exp_time ticks from now, or at tick exp_time if abs_time) or with
 * 0 cancel the caller's alarm; *time_left (if not NULL) gets the ticks the
 * previous alarm had left (0: none), *uptime the tick of the call. */
int sys_setalarm(clock_t exp_time, int abs_time);
int sys_setalarm2(clock_t exp_time, int abs_time, clock_t *time_left,
	clock_t *uptime);
int sys_times(endpoint_t proc_ep, clock_t *user_time, clock_t *sys_time,
	clock_t *uptime, time_t *boottime);
clock_t getticks(void);                       /* uptime in ticks */
int sys_hz(void);

/* IRQ hooks: *irq_hook_id goes in as the bit (0..31) of the
 * notification's interrupt mask and comes back from IRQ_SETPOLICY as the
 * kernel's hook id, which the other calls take. */
int sys_irqctl(int request, int irq_vec, int policy, int *irq_hook_id);
int sys_irqsetpolicy(int irq_vec, int policy, int *irq_hook_id);
int sys_irqrmpolicy(int *irq_hook_id);
int sys_irqenable(int *irq_hook_id);
int sys_irqdisable(int *irq_hook_id);

int sys_devio(int req, int port, uint32_t *value);
/* MINIX's two: type _DIO_BYTE, _DIO_WORD or _DIO_LONG. */
int sys_in(int port, u32_t *value, int type);
int sys_out(int port, u32_t value, int type);
int sys_inb(int port, uint32_t *value);
int sys_inw(int port, uint32_t *value);
int sys_inl(int port, uint32_t *value);
int sys_outb(int port, uint32_t value);
int sys_outw(int port, uint32_t value);
int sys_outl(int port, uint32_t value);
/* String port I/O of count bytes (a multiple of the unit) between port
 * and our memory (proc_nr SELF), or a grant of proc_nr (the safe ones). */
int sys_sdevio(int req, long port, endpoint_t proc_nr, void *buffer, int count,
	vir_bytes offset);
#define sys_insb(port, proc_nr, buffer, count) \
	sys_sdevio(DIO_INPUT_BYTE, (port), (proc_nr), (buffer), (count), 0)
#define sys_insw(port, proc_nr, buffer, count) \
	sys_sdevio(DIO_INPUT_WORD, (port), (proc_nr), (buffer), (count), 0)
#define sys_outsb(port, proc_nr, buffer, count) \
	sys_sdevio(DIO_OUTPUT_BYTE, (port), (proc_nr), (buffer), (count), 0)
#define sys_outsw(port, proc_nr, buffer, count) \
	sys_sdevio(DIO_OUTPUT_WORD, (port), (proc_nr), (buffer), (count), 0)
#define sys_safe_insb(port, ept, grant, offset, count) \
	sys_sdevio(DIO_SAFE_INPUT_BYTE, (port), (ept), (void *)(grant), (count), (offset))
#define sys_safe_insw(port, ept, grant, offset, count) \
	sys_sdevio(DIO_SAFE_INPUT_WORD, (port), (ept), (void *)(grant), (count), (offset))
#define sys_safe_outsb(port, ept, grant, offset, count) \
	sys_sdevio(DIO_SAFE_OUTPUT_BYTE, (port), (ept), (void *)(grant), (count), (offset))
#define sys_safe_outsw(port, ept, grant, offset, count) \
	sys_sdevio(DIO_SAFE_OUTPUT_WORD, (port), (ept), (void *)(grant), (count), (offset))

/* MINIX's form: the result to val_ptr (val_len bytes of room; 0 means
 * "the size of the result"); val_len2 is the endpoint for GET_PROC and
 * GET_GRANTS (val_ptr2 is unused). */
int sys_getinfo(int request, void *val_ptr, int val_len, void *val_ptr2,
	int val_len2);
/* The kernel's command line (GET_MONPARAMS: room for 256 bytes), and the
 * value of one "key=value" word of it: OK, ESRCH if absent, E2BIG if the
 * value does not fit in max_len bytes with its NUL (MINIX's names). */
int sys_getmonparams(char *buf, size_t len);
int sys_getkenv(const char *key, char *value, int max_len);
int sys_getkinfo(struct kinfo *ki);
int sys_getproc(struct proc_info *pi, endpoint_t e);
int sys_getproctab(struct proc_info *tab); /* NR_SLOTS entries */
/* MINIX's struct machine: one processor, no APIC, no ACPI here. */
int sys_getmachine(struct machine *m);
/* Our endpoint, name (len bytes with the NUL), privilege flags (PD_*
 * of <minix/priv.h>) and SEF init flags (always 0: no live update); any
 * pointer but who_e may be NULL. */
int sys_whoami(endpoint_t *who_e, char *who_name, int len, int *priv_flags,
	int *init_flags);

int sys_diagctl_diag(const char *buf, int len);
int sys_null(void);
int sys_abort(int how, int code);
/* Send without waiting, even to a busy destination (lib/libsys/asynsend.c). */
int asynsend(endpoint_t dst, const message *m);
int sys_vmctl(endpoint_t ep, int request, vir_bytes addr, vir_bytes len);
/* Physically contiguous memory for DMA (needs the DMA flag): len bytes,
 * zeroed, mapped in a window of our address space that libsys keeps for
 * such mappings; *phys gets the physical address.  NULL and errno
 * (EINVAL, EPERM, ENOMEM) on failure.  AC_* in <minix/com.h>.  The pages
 * are ordinary private pages otherwise: do not fork while a device uses
 * them.  free_contig() unmaps and frees them: 0, or -1 and errno. */
void *alloc_contig(size_t len, int flags, phys_bytes *phys);
int free_contig(void *addr, size_t len);
/* A memory BAR of a PCI device our .conf names ("pci device"), mapped
 * uncached in the same window: MAP_FAILED and errno EINVAL, EPERM (not
 * such a range; a kdiag line says why) or ENOMEM.  vm_unmap_phys() takes
 * the whole mapping out (len unused, as in MINIX): OK, EINVAL or EFAULT.
 * The kernel neither copies to or from these pages nor lets them be
 * granted or held for DMA (docs/kernel.md, "Device memory mappings"). */
#ifndef MAP_FAILED
#define MAP_FAILED ((void *)-1)
#endif
void *vm_map_phys(endpoint_t who, void *physaddr, size_t len);
int vm_unmap_phys(endpoint_t who, void *vaddr, size_t len);

#endif
