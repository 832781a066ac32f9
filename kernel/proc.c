/* proc.c - the process table: endpoint lookup, allocation of slots, the
 * blocking flags, kernel signals and the teardown of a process.
 *
 * A process that faults or is signalled is stopped (RTS_SIG_PENDING) and its
 * signal manager is notified by SYSTEM; the manager fetches the signal with
 * SYS_GETKSIG and decides (SYS_EXIT/SYS_CLEAR to remove it).  A process
 * without a live manager is removed by the kernel at once.
 */
#include <signal.h>
#include "proc.h"
#include "memory.h"
#include "clock.h"
#include "interrupt.h"
#include "grant.h"
#include "iommu.h"

struct proc proc[NR_SLOTS];
struct proc *current;

static const char *const task_names[NR_TASKS] = { "asyncm", "idle", "clock", "system", "kernel" };

void proc_init(void)
{
	struct proc *p;
	int i;

	for (p = proc; p < proc + NR_SLOTS; p++) {
		p->p_nr = (int)(p - proc) - NR_TASKS;
		p->p_rts_flags = RTS_SLOT_FREE;
		p->p_gen = 0;
	}
	/* Kernel tasks exist as sources of notifications; they never run. */
	for (i = 0; i < NR_TASKS; i++) {
		p = &proc[i];
		p->p_rts_flags = RTS_NO_PRIV;
		p->p_endpoint = _ENDPOINT(0, p->p_nr);
		p->p_sig_mgr = NONE;
		strlcpy_k(p->p_name, task_names[i], sizeof(p->p_name));
		memset(p->p_priv.s_desc.pd_ipc_to, 0xff, sizeof(p->p_priv.s_desc.pd_ipc_to));
	}
}

/* A fresh slot above the boot image, stopped (RTS_NO_PRIV), new generation. */
struct proc *proc_alloc(void)
{
	struct proc *p;

	for (p = proc_addr(NR_BOOT_SLOTS); p < proc + NR_SLOTS; p++) {
		int nr = p->p_nr, gen = p->p_gen + 1;
		if (!isemptyp(p))
			continue;
		if (gen > _ENDPOINT_MAX_GENERATION)
			gen = 1;
		memset(p, 0, sizeof(*p));
		p->p_nr = nr;
		p->p_gen = gen;
		p->p_endpoint = _ENDPOINT(gen, nr);
		p->p_rts_flags = RTS_NO_PRIV;
		p->p_sig_mgr = NONE;
		p->p_getfrom_e = p->p_sendto_e = NONE;
		return p;
	}
	return NULL;
}

/* Remove p: unblock its IPC partners, drop its hooks, alarm, grants and
 * memory, hand the processes it managed to its own manager, free the slot. */
void proc_clear(struct proc *p)
{
	struct proc *q;

	KASSERT(!iskernelp(p) && !isemptyp(p));
	proc_stop(p, RTS_SLOT_FREE);
	ipc_cleanup(p);
	irq_cleanup(p);
	iommu_unbind(p);	/* its devices reach nothing from here on */
	if ((priv(p)->s_desc.pd_flags & SUPERVISED) &&
	    (q = endpoint_lookup(p->p_sig_mgr)) && q != p)
		grant_pass_holds(p, q);	/* released once the device is reset */
	grant_proc_exit(p);
	/* Its processes pass to its own manager, which hears of the ones
	 * that wait for a manager's decision; with no manager left, the
	 * kernel removes those. */
	for (q = proc + NR_TASKS; q < proc + NR_SLOTS; q++) {
		struct proc *mgr;
		if (isemptyp(q) || q->p_sig_mgr != p->p_endpoint)
			continue;
		q->p_sig_mgr = p->p_sig_mgr;
		if (!(q->p_rts_flags & (RTS_SIG_PENDING | RTS_NO_PRIV)))
			continue;
		if ((mgr = endpoint_lookup(q->p_sig_mgr)) && mgr != q) {
			if (q->p_rts_flags & RTS_SIG_PENDING) {
				priv(mgr)->s_sig_pending |= q->p_pending_ksig;
				mini_notify(&proc[SYSTEM + NR_TASKS], mgr->p_endpoint);
			}
		} else {
			proc_clear(q);
		}
	}
	p->p_alarm = 0;
	as_free(p);
	p->p_rts_flags = RTS_SLOT_FREE;
	p->p_misc_flags = 0;
	if (current == p)
		current = NULL;
}

/* Raise kernel signal sig in p: stop it and tell its manager. */
void cause_sig(struct proc *p, int sig)
{
	struct proc *mgr = endpoint_lookup(p->p_sig_mgr);

	KASSERT(!iskernelp(p));
	if (!mgr || mgr == p) {
		kprintf("kernel: %s (endpoint %d) removed by signal %d: no manager\n",
		    p->p_name, p->p_endpoint, sig);
		proc_clear(p);
		return;
	}
	p->p_pending_ksig |= 1u << sig;
	proc_stop(p, RTS_SIG_PENDING);
	priv(mgr)->s_sig_pending |= 1u << sig;
	mini_notify(&proc[SYSTEM + NR_TASKS], mgr->p_endpoint);
}

void proc_kill_report(struct proc *p, int sig, const char *why)
{
	kprintf("kernel: %s (endpoint %d) %s at eip %p: signal %d\n",
	    p->p_name, p->p_endpoint, why, p->p_reg.eip, sig);
	cause_sig(p, sig);
}
