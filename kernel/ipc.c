/* ipc.c - message passing: SEND, RECEIVE, SENDREC, NOTIFY, SENDNB, SENDA.
 *
 * The sender's message is first copied into its p_sendmsg.  If the
 * destination waits for it, it goes straight into the receiver's buffer
 * (checked when the receive began); otherwise the sender blocks, queued on
 * the destination's p_caller_q, until the destination receives.
 * Notifications are one pending bit per sender and build their message at
 * delivery.  SENDA tables stay in the sender's memory; a bit per sender in
 * the destination's s_asyn_pending says where to look.
 */
#include "kdiag.h"
#include <signal.h>
#include "proc.h"
#include "memory.h"
#include "clock.h"
#include "system.h"

#define NON_BLOCKING 1

static const char *ipc_name(int call)
{
	static const char *const names[] = { "?", "SEND", "RECEIVE", "SENDREC",
		"NOTIFY", "SENDNB" };

	if (call == SENDA)
		return "SENDA";
	return call > 0 && call < (int)ARRAY_SIZE(names) ? names[call] : "?";
}

/* Say why caller may not send to dst (kdiag.c). */
static void ipc_refused(struct proc *caller, int call, struct proc *dst)
{
	if (iskernelp(dst))
		kdiag(caller, "%s to %s refused: a kernel task takes only SENDREC to SYSTEM",
		    ipc_name(call), dst->p_name);
	else
		kdiag(caller, "%s to %s (%d) not in its .conf", ipc_name(call),
		    dst->p_name, dst->p_endpoint);
}

/* Would blocking caller on dst_e (for a send, or a receive from a given
 * source) close a cycle of blocked processes? */
static int deadlock(struct proc *caller, endpoint_t dst_e)
{
	struct proc *xp = endpoint_lookup(dst_e);
	int n;

	for (n = 0; xp && n < NR_SLOTS; n++) {
		endpoint_t next;
		if (xp == caller)
			return 1;
		if (xp->p_rts_flags & RTS_SENDING)
			next = xp->p_sendto_e;
		else if ((xp->p_rts_flags & RTS_RECEIVING) && xp->p_getfrom_e != ANY)
			next = xp->p_getfrom_e;
		else
			return 0;
		xp = endpoint_lookup(next);
	}
	return 0;
}

/* Is dst blocked in a receive that accepts a message from src? */
static int waits_for(struct proc *dst, struct proc *src, int is_notify)
{
	if ((dst->p_rts_flags & (RTS_RECEIVING | RTS_SENDING)) != RTS_RECEIVING)
		return 0;
	if (is_notify && (dst->p_misc_flags & MF_REPLY_PEND))
		return 0;
	return dst->p_getfrom_e == ANY || dst->p_getfrom_e == src->p_endpoint;
}

/* Hand message m from src_e to dst, which waits for it: straight into its
 * buffer (checked when it began to receive).  m is the kernel's copy;
 * call is how it was sent, for the receiver's IPC status (ebx). */
static void deliver(struct proc *dst, message *m, endpoint_t src_e, int call)
{
	phys_bytes pa = umsg_phys(dst, dst->p_delivermsg_vir, sizeof(*m));

	dst->p_misc_flags &= ~MF_REPLY_PEND;
	dst->p_reg.eax = OK;
	dst->p_reg.ebx = IPC_STATUS_CALL_TO(call);
	if (pa) {
		memcpy((void *)pa, m, sizeof(*m));
		((message *)pa)->m_source = src_e;
	} else if (m->m_source = src_e,
	    copy_to_proc(dst, dst->p_delivermsg_vir, m, sizeof(*m)) != OK) {
		/* Its buffer vanished while it waited (an unmap). */
		proc_kill_report(dst, SIGSEGV, "receive buffer gone");
		return;
	}
	proc_resume(dst, RTS_RECEIVING);
}

static void build_notify(struct proc *dst, struct proc *src, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = NOTIFY_MESSAGE;
	m->m_notify.timestamp = uptime;
	if (src->p_endpoint == HARDWARE) {
		m->m_notify.interrupts = priv(dst)->s_int_pending;
		priv(dst)->s_int_pending = 0;
	} else if (src->p_endpoint == SYSTEM) {
		m->m_notify.sigset = priv(dst)->s_sig_pending;
		priv(dst)->s_sig_pending = 0;
	}
}

void deliver_notify_from(struct proc *dst, int src_index)
{
	message m;

	build_notify(dst, &proc[src_index], &m);
	deliver(dst, &m, proc[src_index].p_endpoint, NOTIFY);
}

int mini_notify(struct proc *caller, endpoint_t dst_e)
{
	struct proc *dst = endpoint_lookup(dst_e);

	if (!dst)
		return EDEADSRCDST;
	if (waits_for(dst, caller, 1))
		deliver_notify_from(dst, proc_index(caller));
	else
		BIT_SET(priv(dst)->s_notify_pending, proc_index(caller)),
		priv(dst)->s_maybe |= PEND_NOTIFY;
	return OK;
}

/* How a blocked or sending process sent its message. */
static inline int send_call(const struct proc *sp, int flags)
{
	if (flags & NON_BLOCKING)
		return SENDNB;
	return sp->p_misc_flags & MF_REPLY_PEND ? SENDREC : SEND;
}

/* Send the message at m_ptr in the caller's (loaded) space to dst. */
static int mini_send(struct proc *caller, struct proc *dst, vir_bytes m_ptr, int flags)
{
	if (waits_for(dst, caller, 0)) {
		phys_bytes pa = umsg_phys(dst, dst->p_delivermsg_vir, sizeof(message));
		if (pa && user_range_ok(m_ptr, sizeof(message))) {
			/* Fast path: sender's buffer straight into the receiver's. */
			if (ucopy_words((void *)pa, (void *)m_ptr, sizeof(message) / 4) != 0)
				return EFAULT;
			((message *)pa)->m_source = caller->p_endpoint;
			dst->p_misc_flags &= ~MF_REPLY_PEND;
			dst->p_reg.eax = OK;
			dst->p_reg.ebx = IPC_STATUS_CALL_TO(send_call(caller, flags));
			proc_resume(dst, RTS_RECEIVING);
			return OK;
		}
		if (copy_from_proc(caller, m_ptr, &caller->p_sendmsg, sizeof(message)) != OK)
			return EFAULT;
		deliver(dst, &caller->p_sendmsg, caller->p_endpoint, send_call(caller, flags));
		return OK;
	}
	if (copy_from_proc(caller, m_ptr, &caller->p_sendmsg, sizeof(message)) != OK)
		return EFAULT;
	if (flags & NON_BLOCKING)
		return ENOTREADY;
	if (deadlock(caller, dst->p_endpoint))
		return ELOCKED;
	caller->p_sendto_e = dst->p_endpoint;
	proc_stop(caller, RTS_SENDING);
	caller->p_q_link = NULL;
	{
		struct proc **xpp = &dst->p_caller_q;
		while (*xpp)
			xpp = &(*xpp)->p_q_link;
		*xpp = caller;
	}
	return OK;
}

/* Index of the first bit set in map that matches src_e (ANY: any), or -1. */
static inline int first_pending(const uint32_t *map, endpoint_t src_e)
{
	int w, i;

	if (src_e != ANY) {
		i = _ENDPOINT_P(src_e) + NR_TASKS;
		return i >= 0 && i < NR_SLOTS && BIT_ISSET(map, i) &&
		    proc[i].p_endpoint == src_e ? i : -1;
	}
	for (w = 0; w < BITMAP_WORDS(NR_SLOTS); w++)
		if (map[w])
			return w * 32 + __builtin_ctz(map[w]);
	return -1;
}

/* SENDA, receiver side: deliver the first message for caller from the
 * table of a sender whose bit is set (and that matches src_e). */
static int try_async(struct proc *caller, endpoint_t src_e)
{
	int i;

	while ((i = first_pending(priv(caller)->s_asyn_pending, src_e)) >= 0) {
		struct proc *sp = &proc[i];
		struct priv *spriv = priv(sp);
		unsigned j;

		BIT_CLR(priv(caller)->s_asyn_pending, i);
		if (isemptyp(sp))
			continue;
		for (j = 0; j < spriv->s_asynsize; j++) {
			asynmsg_t a;
			vir_bytes va = spriv->s_asyntab + j * sizeof(asynmsg_t);
			if (copy_from_proc(sp, va, &a, sizeof(a)) != OK)
				break;
			if ((a.flags & (AMF_VALID | AMF_DONE)) != AMF_VALID ||
			    a.dst != caller->p_endpoint)
				continue;
			a.flags |= AMF_DONE;
			a.result = OK;
			if (copy_to_proc(sp, va, &a, sizeof(a)) != OK)
				break;
			deliver(caller, &a.msg, sp->p_endpoint, SENDA);
			/* More may wait in this table: look again next time. */
			BIT_SET(priv(caller)->s_asyn_pending, i);
			priv(caller)->s_maybe |= PEND_ASYNC;
			if (a.flags & AMF_NOTIFY)
				mini_notify(&proc[ASYNCM + NR_TASKS], sp->p_endpoint);
			return OK;
		}
	}
	return ENOTREADY;
}

static int mini_receive(struct proc *caller, endpoint_t src_e, vir_bytes buf, int flags)
{
	struct proc **xpp;
	int i;

	if (!(caller->p_misc_flags & MF_REPLY_PEND) && priv(caller)->s_maybe) {
		caller->p_delivermsg_vir = buf;
		if ((i = first_pending(priv(caller)->s_notify_pending, src_e)) >= 0) {
			BIT_CLR(priv(caller)->s_notify_pending, i);
			deliver_notify_from(caller, i);
			return OK;
		}
		if (src_e == ANY)
			priv(caller)->s_maybe &= ~PEND_NOTIFY;
		if ((priv(caller)->s_maybe & PEND_ASYNC) && try_async(caller, src_e) == OK)
			return OK;
		if (src_e == ANY && first_pending(priv(caller)->s_asyn_pending, ANY) < 0)
			priv(caller)->s_maybe &= ~PEND_ASYNC;
	}
	for (xpp = &caller->p_caller_q; *xpp; xpp = &(*xpp)->p_q_link) {
		struct proc *sender = *xpp;
		if (src_e != ANY && sender->p_endpoint != src_e)
			continue;
		*xpp = sender->p_q_link;
		sender->p_q_link = NULL;
		caller->p_delivermsg_vir = buf;
		deliver(caller, &sender->p_sendmsg, sender->p_endpoint, send_call(sender, 0));
		sender->p_reg.eax = OK;
		sender->p_sendto_e = NONE;
		proc_resume(sender, RTS_SENDING);
		return OK;
	}
	if (flags & NON_BLOCKING)
		return ENOTREADY;
	if (src_e != ANY && deadlock(caller, src_e))
		return ELOCKED;
	caller->p_getfrom_e = src_e;
	caller->p_delivermsg_vir = buf;
	proc_stop(caller, RTS_RECEIVING);
	return OK;
}

/* SENDA, sender side: register the table and try every pending entry. */
static int mini_senda(struct proc *caller, vir_bytes table, unsigned count)
{
	struct priv *cp = priv(caller);
	unsigned i;

	if (count > NR_ASYNC_MSGS)
		return EINVAL;
	if (!user_range_ok(table, count * sizeof(asynmsg_t)))
		return EFAULT;
	cp->s_asyntab = table;
	cp->s_asynsize = count;
	for (i = 0; i < count; i++) {
		asynmsg_t a;
		struct proc *dst;
		vir_bytes va = table + i * sizeof(asynmsg_t);
		int r, done = 1;

		if (copy_from_proc(caller, va, &a, sizeof(a)) != OK)
			return EFAULT;
		if ((a.flags & (AMF_VALID | AMF_DONE)) != AMF_VALID)
			continue;
		if ((r = isokendpt(a.dst, &dst)) != OK) {
			a.result = r;
		} else if (iskernelp(dst) || !may_send_to(caller, dst)) {
			ipc_refused(caller, SENDA, dst);
			a.result = ECALLDENIED;
		} else if (waits_for(dst, caller, 0)) {
			deliver(dst, &a.msg, caller->p_endpoint, SENDA);
			a.result = OK;
		} else {
			BIT_SET(priv(dst)->s_asyn_pending, proc_index(caller));
			priv(dst)->s_maybe |= PEND_ASYNC;
			done = 0;
		}
		if (!done)
			continue;
		a.flags |= AMF_DONE;
		if (copy_to_proc(caller, va, &a, sizeof(a)) != OK)
			return EFAULT;
		if ((a.flags & AMF_NOTIFY) ||
		    ((a.flags & AMF_NOTIFY_ERR) && a.result != OK))
			mini_notify(&proc[ASYNCM + NR_TASKS], caller->p_endpoint);
	}
	return OK;
}

static __attribute__((noinline)) int do_ipc(struct proc *caller, int call, endpoint_t src_dst_e, vir_bytes m_ptr)
{
	struct proc *dst = NULL;
	int r;

	if (call < 0 || call > SENDA || !(TRAPS_ALL & TRAP_BIT(call)))
		return EBADCALL;
	if (!(priv(caller)->s_desc.pd_trap_mask & TRAP_BIT(call))) {
		kdiag(caller, "%s refused: a user process has SENDREC only", ipc_name(call));
		return ETRAPDENIED;
	}
	if (call == SENDA)
		return mini_senda(caller, m_ptr, (unsigned)src_dst_e);
	if (!(call == RECEIVE && src_dst_e == ANY) &&
	    (r = isokendpt(src_dst_e, &dst)) != OK)
		return r;
	if (call != RECEIVE) {
		if (iskernelp(dst)) {
			/* The only way to talk to a kernel task: SENDREC to SYSTEM. */
			if (call != SENDREC || src_dst_e != SYSTEM) {
				ipc_refused(caller, call, dst);
				return ECALLDENIED;
			}
			return kernel_call_msg(caller, m_ptr);
		}
		if (!may_send_to(caller, dst)) {
			ipc_refused(caller, call, dst);
			return ECALLDENIED;
		}
	}
	if (dst == caller)
		return ELOCKED;

	switch (call) {
	case SEND:
	case SENDNB:
		return mini_send(caller, dst, m_ptr, call == SENDNB ? NON_BLOCKING : 0);
	case SENDREC:
		if (user_writable(caller, m_ptr, sizeof(message)) != OK)
			return EFAULT;
		caller->p_misc_flags |= MF_REPLY_PEND;
		caller->p_sendrec_since = uptime;
		caller->p_getfrom_e = src_dst_e;
		caller->p_delivermsg_vir = m_ptr;
		if ((r = mini_send(caller, dst, m_ptr, 0)) != OK) {
			caller->p_misc_flags &= ~MF_REPLY_PEND;
			return r;
		}
		proc_stop(caller, RTS_RECEIVING);
		return OK;
	case RECEIVE:
		/* The buffer must be writable now: a bad one is an error here,
		 * not a fault when the message arrives. */
		if (user_writable(caller, m_ptr, sizeof(message)) != OK)
			return EFAULT;
		return mini_receive(caller, src_dst_e, m_ptr, 0);
	case NOTIFY:
		return mini_notify(caller, src_dst_e);
	}
	return EBADCALL;
}

/* The fast paths (issue 11).  Each makes the same checks as the general
 * path and leaves the same state, in straight-line code, or returns 0
 * before it has changed anything and the general path takes the call:
 *
 *  - SENDREC to a process blocked in a receive that takes the message:
 *    one 16-word copy between the two pages, the flags set directly, and
 *    the receiver takes the caller's place at the head of their run queue
 *    (sched_handoff: no queue is walked);
 *  - SEND or SENDNB (a reply, or a driver's answer through asynsend) to
 *    a process blocked in a receive that takes it: the copy from the
 *    sender's (loaded) space, the receiver made runnable;
 *  - RECEIVE from ANY when nothing waits (a server going back to wait).
 *
 * Anything else (a busy or stopped destination, pending notifications or
 * asynchronous messages, a buffer across pages or shared copy-on-write, a
 * kernel task, a denied call) takes the general path.
 *
 * Physical address of a message at va in the space pd if it lies in one
 * present, writable user page (not copy-on-write), else 0. */
static inline __attribute__((always_inline)) phys_bytes msg_phys(uint32_t pd, vir_bytes va)
{
	uint32_t pde, pte;

	if (va - USER_BASE > USER_TOP - USER_BASE - sizeof(message) ||
	    (va & ~PAGE_MASK) > PAGE_SIZE - sizeof(message))
		return 0;
	pde = ((const uint32_t *)pd)[va >> 22];
	if (!(pde & PTE_P))
		return 0;
	pte = ((const uint32_t *)(pde & PAGE_MASK))[(va >> 12) & 1023];
	if ((pte & (PTE_P | PTE_W | PTE_DEV)) != (PTE_P | PTE_W))
		return 0;
	return (pte & PAGE_MASK) | (va & ~PAGE_MASK);
}

/* The destination of a fast send: dst_e names a live user process that
 * is blocked in a receive that takes a message from caller, which may
 * send to it; else NULL. */
static inline __attribute__((always_inline)) struct proc *fast_dst(struct proc *caller,
	endpoint_t dst_e)
{
	unsigned n = (unsigned)_ENDPOINT_P(dst_e); /* ANY, NONE, SELF: >= NR_PROCS */
	struct proc *dst;

	if (n >= NR_PROCS)
		return NULL;
	dst = proc_addr(n);
	if (dst->p_endpoint != dst_e || dst->p_rts_flags != RTS_RECEIVING ||
	    (dst->p_getfrom_e != ANY && dst->p_getfrom_e != caller->p_endpoint) ||
	    dst == caller || !may_send_to(caller, dst))
		return NULL;
	return dst;
}

/* The receiver's side of a fast delivery: m_source, the IPC status and
 * the flags (it is runnable now, not yet queued). */
static inline __attribute__((always_inline)) void fast_delivered(struct proc *dst,
	phys_bytes to, struct proc *caller, int call)
{
	((message *)to)->m_source = caller->p_endpoint;
	dst->p_misc_flags &= ~MF_REPLY_PEND;
	dst->p_reg.eax = OK;
	dst->p_reg.ebx = IPC_STATUS_CALL_TO(call);
	dst->p_rts_flags = 0;
}

static inline __attribute__((always_inline)) int fast_sendrec(struct proc *caller,
	endpoint_t dst_e, vir_bytes m_ptr)
{
	struct proc *dst;
	phys_bytes from, to;
	int n;

	if (!(priv(caller)->s_desc.pd_trap_mask & TRAP_BIT(SENDREC)) ||
	    !(dst = fast_dst(caller, dst_e)) ||
	    !(from = msg_phys(caller->p_cr3, m_ptr)) || /* writable: the reply comes here */
	    !(to = msg_phys(dst->p_cr3, dst->p_delivermsg_vir)))
		return 0;
	__asm__ volatile("rep movsl" : "+D"(to), "+S"(from), "=c"(n)
	    : "2"(sizeof(message) / 4) : "memory");
	fast_delivered(dst, to - sizeof(message), caller, SENDREC);
	caller->p_misc_flags |= MF_REPLY_PEND;
	caller->p_sendrec_since = uptime;
	caller->p_getfrom_e = dst_e;
	caller->p_delivermsg_vir = m_ptr;
	/* The caller blocks: the receiver takes its place if it can
	 * (sched_handoff), else the run queues as usual. */
	if (!sched_handoff(caller, dst)) {
		enqueue_fast(dst);
		dequeue_fast(caller);
	}
	caller->p_rts_flags = RTS_RECEIVING;
	caller->p_reg.eax = OK;
	return 1;
}

static inline __attribute__((always_inline)) int fast_send(struct proc *caller, int call,
	endpoint_t dst_e, vir_bytes m_ptr)
{
	struct proc *dst;
	phys_bytes to;

	/* The sender's buffer is read through its loaded space (the MMU
	 * checks it), so it must lie in one page: a fault then comes
	 * before anything is written. */
	if (!(priv(caller)->s_desc.pd_trap_mask & TRAP_BIT(call)) ||
	    m_ptr - USER_BASE > USER_TOP - USER_BASE - sizeof(message) ||
	    (m_ptr & ~PAGE_MASK) > PAGE_SIZE - sizeof(message) ||
	    !(dst = fast_dst(caller, dst_e)) ||
	    !(to = msg_phys(dst->p_cr3, dst->p_delivermsg_vir)) ||
	    ucopy_words((void *)to, (const void *)m_ptr, sizeof(message) / 4))
		return 0;
	fast_delivered(dst, to, caller, call);
	if (dst->p_priority == caller->p_priority && rdy_head[caller->p_priority] == caller)
		sched_lazy = dst; /* it runs after caller anyway: queued later */
	else
		enqueue_fast(dst);
	caller->p_reg.eax = OK;
	return 1;
}

static inline __attribute__((always_inline)) int fast_receive(struct proc *caller,
	endpoint_t src_e, vir_bytes m_ptr)
{
	struct proc *p;

	if (src_e != ANY || priv(caller)->s_maybe || caller->p_caller_q ||
	    !(priv(caller)->s_desc.pd_trap_mask & TRAP_BIT(RECEIVE)) ||
	    !msg_phys(caller->p_cr3, m_ptr))
		return 0;
	/* Nothing waits for the caller: it blocks.  The client its fast
	 * reply woke (sched_lazy) takes its place if they are alone in their
	 * queue; else both queues change as usual. */
	caller->p_getfrom_e = ANY;
	caller->p_delivermsg_vir = m_ptr;
	if ((p = sched_lazy) != NULL) {
		sched_lazy = NULL;
		if (rdy_head[caller->p_priority] == caller && !caller->p_nextready &&
		    p->p_priority == caller->p_priority) {
			p->p_nextready = NULL;
			rdy_head[p->p_priority] = rdy_tail[p->p_priority] = p;
			sched_blocked(caller);
		} else {
			enqueue_fast(p);
			dequeue_fast(caller);
		}
	} else {
		dequeue_fast(caller);
	}
	caller->p_rts_flags = RTS_RECEIVING;
	caller->p_reg.eax = OK;
	return 1;
}

HOTPATH void ipc_trap(struct stackframe *f)
{
	struct proc *caller = (struct proc *)f;
	int call = (int)f->eax, r;

	current = caller;
	if (call == RECEIVE && fast_receive(caller, (endpoint_t)f->ebx, f->ecx))
		switch_to_user();
	sched_sync();
	switch (call) {
	case SENDREC:
		if (fast_sendrec(caller, (endpoint_t)f->ebx, f->ecx))
			switch_to_user();
		break;
	case SEND:
	case SENDNB:
		if (fast_send(caller, call, (endpoint_t)f->ebx, f->ecx))
			switch_to_user();
		break;
	}
	r = do_ipc(caller, call, (endpoint_t)f->ebx, f->ecx);
	if (r != EDONTREPLY && !isemptyp(caller))
		caller->p_reg.eax = (uint32_t)r;
#if DEBUG_IPC
	klog("ipc %s call %d ep %d -> %d\n", caller->p_name, call, f->ebx, r);
#endif
	switch_to_user();
}

static void unblock_error(struct proc *p, int err)
{
	KASSERT(!proc_runnable(p));
	p->p_reg.eax = (uint32_t)err;
	p->p_misc_flags &= ~MF_REPLY_PEND;
	p->p_sendto_e = p->p_getfrom_e = NONE;
	p->p_rts_flags &= ~(RTS_SENDING | RTS_RECEIVING);
	if (proc_runnable(p))
		enqueue(p);
}

/* SENDA entries of sender sp still waiting for dying are completed with
 * EDEADSRCDST (and AMF_NOTIFY brings their sender a NOTIFY). */
static void fail_async_to(struct proc *sp, struct proc *dying)
{
	struct priv *spriv = priv(sp);
	unsigned j;
	int notify = 0;

	for (j = 0; j < spriv->s_asynsize; j++) {
		asynmsg_t a;
		vir_bytes va = spriv->s_asyntab + j * sizeof(asynmsg_t);
		if (copy_from_proc(sp, va, &a, sizeof(a)) != OK)
			return;
		if ((a.flags & (AMF_VALID | AMF_DONE)) != AMF_VALID ||
		    a.dst != dying->p_endpoint)
			continue;
		a.flags |= AMF_DONE;
		a.result = EDEADSRCDST;
		if (copy_to_proc(sp, va, &a, sizeof(a)) != OK)
			return;
		notify |= (a.flags & (AMF_NOTIFY | AMF_NOTIFY_ERR)) != 0;
	}
	if (notify)
		mini_notify(&proc[ASYNCM + NR_TASKS], sp->p_endpoint);
}

/* dying is leaving: fail everyone who waits on it; forget its bits. */
void ipc_cleanup(struct proc *dying)
{
	int idx = proc_index(dying), i;
	struct proc *q;

	for (i = 0; i < NR_SLOTS; i++)
		if (BIT_ISSET(priv(dying)->s_asyn_pending, i) && !isemptyp(&proc[i]))
			fail_async_to(&proc[i], dying);

	/* Leave the caller queue we are blocked in. */
	if (dying->p_rts_flags & RTS_SENDING) {
		struct proc *dst = endpoint_lookup(dying->p_sendto_e), **xpp;
		if (dst)
			for (xpp = &dst->p_caller_q; *xpp; xpp = &(*xpp)->p_q_link)
				if (*xpp == dying) {
					*xpp = dying->p_q_link;
					break;
				}
	}
	/* Senders blocked on us get EDEADSRCDST. */
	while ((q = dying->p_caller_q)) {
		dying->p_caller_q = q->p_q_link;
		q->p_q_link = NULL;
		unblock_error(q, EDEADSRCDST);
	}
	for (q = proc; q < proc + NR_SLOTS; q++) {
		if (q == dying || isemptyp(q))
			continue;
		BIT_CLR(priv(q)->s_notify_pending, idx);
		BIT_CLR(priv(q)->s_asyn_pending, idx);
		if ((q->p_rts_flags & (RTS_RECEIVING | RTS_SENDING)) == RTS_RECEIVING &&
		    q->p_getfrom_e == dying->p_endpoint)
			unblock_error(q, EDEADSRCDST);
	}
	memset(priv(dying)->s_notify_pending, 0, sizeof(priv(dying)->s_notify_pending));
	memset(priv(dying)->s_asyn_pending, 0, sizeof(priv(dying)->s_asyn_pending));
	dying->p_caller_q = NULL;
}
