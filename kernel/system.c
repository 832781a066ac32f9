/* system.c - the SYSTEM task: kernel calls arrive as a message (int 0x20,
 * or SENDREC to SYSTEM), are checked against the caller's call mask and
 * dispatched through one table to system/do_<call>.c.
 */
#include "system.h"
#include "memory.h"
#include "kdiag.h"

typedef int (*kcall_t)(struct proc *caller, message *m);
static kcall_t call_vec[NR_SYS_CALLS];
static const char *call_names[NR_SYS_CALLS]; /* for the diagnostics */
static uint8_t reply_words[NR_SYS_CALLS]; /* words of the reply written back */

#define map_named(call, handler, name) \
	(call_vec[SYS_CALL_NR(call)] = (handler), call_names[SYS_CALL_NR(call)] = (name), \
	 reply_words[SYS_CALL_NR(call)] = sizeof(message) / 4)
#define map(call, handler) map_named(call, handler, #call)
/* A call whose reply carries no payload: only m_source and m_type are
 * written back to the caller. */
#define map_status(call, handler) \
	(map_named(call, handler, #call), \
	 reply_words[SYS_CALL_NR(call)] = offsetof(message, m_u8) / 4)

/* The handler of a call number no handler is mapped to. */
static int kcall_unknown(struct proc *caller, message *m)
{
	(void)caller;
	(void)m;
	return EBADREQUEST;
}

void system_init(void)
{
	int i;

	for (i = 0; i < NR_SYS_CALLS; i++) {
		call_vec[i] = kcall_unknown;
		reply_words[i] = sizeof(message) / 4;
	}
	map(SYS_FORK, do_fork);
	map_status(SYS_EXIT, do_exit);
	map_status(SYS_CLEAR, do_clear);
	map_status(SYS_KILL, do_kill);
	map(SYS_GETKSIG, do_getksig);
	map_status(SYS_ENDKSIG, do_endksig);
	map_status(SYS_PRIVCTL, do_privctl);
	map_status(SYS_RUNCTL, do_runctl);
	map_status(SYS_SCHEDCTL, do_schedctl);
	map(SYS_SETALARM, do_setalarm);
	map(SYS_TIMES, do_times);
	map(SYS_IRQCTL, do_irqctl);
	map(SYS_DEVIO, do_devio);
	map_status(SYS_SDEVIO, do_sdevio);
	map_status(SYS_GETINFO, do_getinfo);
	map_status(SYS_DIAGCTL, do_diagctl);
	map_status(SYS_NULL, do_null);
	map_status(SYS_SETGRANT, do_setgrant);
	map_status(SYS_SAFECOPYFROM, do_safecopyfrom);
	map_status(SYS_SAFECOPYTO, do_safecopyto);
	map(SYS_VSAFECOPY, do_vsafecopy);
	map_status(SYS_SAFEMEMSET, do_safememset);
	map_status(SYS_SAFEMAP, do_safemap);
	map(SYS_SAFEREVMAP, do_saferevmap);
	map_status(SYS_SAFEUNMAP, do_safeunmap);
	map(SYS_VUMAP, do_vumap);
	map_status(SYS_VUMAP_RELEASE, do_vumap_release);
	map(SYS_VMCTL, do_vmctl);
	map(SYS_EXEC, do_exec);
	map_status(SYS_VIRCOPY, do_vircopy);
	map(SYS_UMAP, do_umap);
	map_status(SYS_SIGSEND, do_sigsend);
	map_status(SYS_SIGRETURN, do_sigreturn);
	map_status(SYS_ABORT, do_abort);
	map_status(SYS_FIPATCH, do_fipatch);
}

static int kernel_call(struct proc *caller, message *m)
{
	int nr = m->m_type - KERNEL_CALL;
	const struct priv_desc *d = &priv(caller)->s_desc;

	if (nr < 0 || nr >= NR_SYS_CALLS || call_vec[nr] == kcall_unknown)
		return EBADREQUEST;
	if (!(d->pd_flags & SYS_PROC)) {
		kdiag(caller, "%s refused: a user process makes no kernel calls", call_names[nr]);
		return ECALLDENIED;
	}
	if (!PD_ISSET(d->pd_call_mask, nr)) {
		kdiag(caller, "%s not in its .conf", call_names[nr]);
		return ECALLDENIED;
	}
	return call_vec[nr](caller, m);
}

/* Copy the request in, run it, copy the reply (status in m_type) out.
 * Returns the IPC status for the caller's eax. */
int kernel_call_msg(struct proc *caller, vir_bytes m_ptr)
{
	message m;
	int r;

	if (copy_from_proc(caller, m_ptr, &m, sizeof(m)) != OK)
		return EFAULT;
	caller->p_kcall_msg = m_ptr;
	r = kernel_call(caller, &m);
	if (r == EDONTREPLY || isemptyp(caller))
		return EDONTREPLY;
	m.m_source = SYSTEM;
	m.m_type = r;
	return copy_to_proc(caller, m_ptr, &m, sizeof(m));
}

/* int 0x20: the caller's space is loaded, so its message is copied with
 * ucopy() directly (the MMU checks it).  The usual case (a known call the
 * caller may make) is dispatched here; kernel_call() says why not. */
HOTPATH void kcall_trap(struct stackframe *f)
{
	struct proc *caller = (struct proc *)f;
	const struct priv_desc *d = &priv(caller)->s_desc;
	vir_bytes m_ptr = f->eax;
	unsigned nr;
	message m;
	int r;

	current = caller;
	sched_sync();
	/* user_range_ok(m_ptr, sizeof(m)) in one comparison */
	if (m_ptr - USER_BASE > USER_TOP - USER_BASE - sizeof(m) ||
	    ucopy_words(&m, (void *)m_ptr, sizeof(m) / 4)) {
		caller->p_reg.eax = (uint32_t)EFAULT;
		switch_to_user();
	}
	caller->p_kcall_msg = m_ptr;
	nr = (unsigned)(m.m_type - KERNEL_CALL);
	/* (An unmapped call number has kcall_unknown.) */
	if (nr < NR_SYS_CALLS && (d->pd_flags & SYS_PROC) && PD_ISSET(d->pd_call_mask, nr))
		r = call_vec[nr](caller, &m);
	else
		r = kernel_call(caller, &m);
	if (r != EDONTREPLY && !isemptyp(caller)) {
		unsigned len = nr < NR_SYS_CALLS ? reply_words[nr] : sizeof(m) / 4;
		m.m_source = SYSTEM;
		m.m_type = r;
		caller->p_reg.eax = ucopy_words((void *)m_ptr, &m, len) ? (uint32_t)EFAULT : OK;
	}
	switch_to_user();
}

/* The name of a kernel call, for diagnostics ("SYS_DEVIO"). */
const char *kcall_name(int call)
{
	int nr = SYS_CALL_NR(call);

	return nr >= 0 && nr < NR_SYS_CALLS && call_names[nr] ? call_names[nr] : "SYS_?";
}

/* The live process e that caller manages (is the signal manager of). */
struct proc *managed_proc(struct proc *caller, endpoint_t e, int *r)
{
	struct proc *p;

	if ((*r = isokendpt(e, &p)) != OK)
		return NULL;
	if (iskernelp(p) || p->p_sig_mgr != caller->p_endpoint) {
		*r = EPERM;
		return NULL;
	}
	return p;
}
