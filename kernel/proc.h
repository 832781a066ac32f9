/* proc.h - the process table, privileges, scheduling and IPC.
 *
 * Slot n of the table is proc[n + NR_TASKS]; kernel tasks have slots -4..-1.
 * A process's endpoint is _ENDPOINT(generation, slot).
 */
#ifndef PROC_H
#define PROC_H

#include "kernel.h"

#define BITMAP_WORDS(n) (((n) + 31) / 32)
#define BIT_SET(m, b)   ((m)[(unsigned)(b) / 32] |= 1u << ((unsigned)(b) % 32))
#define BIT_CLR(m, b)   ((m)[(unsigned)(b) / 32] &= ~(1u << ((unsigned)(b) % 32)))
#define BIT_ISSET(m, b) (((m)[(unsigned)(b) / 32] >> ((unsigned)(b) % 32)) & 1u)

/* Privileges and per-process IPC state that is indexed by other processes. */
struct priv {
	struct priv_desc s_desc;                     /* what it may do */
	uint32_t s_notify_pending[BITMAP_WORDS(NR_SLOTS)]; /* by sender index */
	uint32_t s_asyn_pending[BITMAP_WORDS(NR_SLOTS)];   /* SENDA senders */
	uint32_t s_maybe;        /* hint: PEND_NOTIFY/PEND_ASYNC bits may be set */
	uint32_t s_int_pending;  /* IRQ hook bits for the HARDWARE notify */
	uint32_t s_sig_pending;  /* SYSTEM notify: kernel signals for a manager */
	vir_bytes s_asyntab;     /* SENDA table and size */
	unsigned s_asynsize;
	vir_bytes s_grant_table; /* SYS_SETGRANT registration */
	int s_grant_entries;
};

#define PEND_NOTIFY 0x1
#define PEND_ASYNC  0x2

/* p_rts_flags: any bit set means not runnable. */
#define RTS_SLOT_FREE   0x01
#define RTS_SENDING     0x02
#define RTS_RECEIVING   0x04
#define RTS_NO_PRIV     0x08 /* stopped: not yet allowed to run */
#define RTS_SIG_PENDING 0x10 /* stopped: a kernel signal awaits its manager */
#define RTS_PROC_STOP   0x20 /* stopped by its manager (SYS_RUNCTL: job control) */

/* p_misc_flags */
#define MF_REPLY_PEND   0x02 /* in SENDREC: the reply is awaited */
#define MF_BLOCKED      0x04 /* blocked since its quantum began (sched.c) */
#define MF_INTERACTIVE  0x08 /* blocked during its last whole quantum */

struct proc {
	struct stackframe p_reg;    /* must be first: mpx.asm saves here */
	uint32_t p_cr3;             /* page directory (physical) */
	int p_nr;                   /* slot */
	endpoint_t p_endpoint;
	int p_gen;                  /* generation of the slot's current process */
	unsigned p_rts_flags;
	unsigned p_misc_flags;
	int p_priority;             /* scheduling queue now */
	int p_base_prio;            /* its highest (SYS_SCHEDCTL); user processes drift below */
	int p_quantum;              /* ticks per quantum */
	int p_ticks_left;
	struct proc *p_nextready;

	/* IPC */
	endpoint_t p_getfrom_e;     /* RECEIVING from this (or ANY) */
	endpoint_t p_sendto_e;      /* SENDING to this */
	struct proc *p_caller_q;    /* processes blocked sending to us */
	struct proc *p_q_link;      /* next in that queue */
	vir_bytes p_delivermsg_vir; /* where a received message goes */
	clock_t p_sendrec_since;    /* uptime at the send of its SENDREC (MF_REPLY_PEND) */
	message p_sendmsg;          /* message of a blocked SEND */
	vir_bytes p_kcall_msg;      /* message of the kernel call in progress */

	/* signals and lifetime */
	endpoint_t p_sig_mgr;       /* told about faults; clears us */
	uint32_t p_pending_ksig;    /* kernel signals not yet fetched */
	int p_exit_status;
	vir_bytes p_exit_why;       /* SYS_EXIT's reason string (its memory) */

	/* time */
	clock_t p_user_time, p_sys_time;
	clock_t p_alarm;            /* absolute tick, 0 if none */

	/* rate limit of the kernel's grant diagnostics about this process */
	clock_t p_diag_sec;
	int p_diag_count, p_diag_dropped;

	struct priv p_priv;
	char p_name[PROC_NAME_LEN];
};

extern struct proc proc[NR_SLOTS];
extern struct proc *current;  /* the process that trapped / runs next */

#define proc_addr(n)   (&proc[(n) + NR_TASKS])
#define proc_index(p)  ((p)->p_nr + NR_TASKS)
#define isemptyp(p)    ((p)->p_rts_flags & RTS_SLOT_FREE)
#define iskernelp(p)   ((p)->p_nr < 0)
#define isokslot(n)    ((n) >= -NR_TASKS && (n) < NR_PROCS)
#define priv(p)        (&(p)->p_priv)
#define proc_runnable(p) ((p)->p_rts_flags == 0)

/* proc.c: lookups and the process lifecycle. */
void proc_init(void);
struct proc *proc_alloc(void);
void proc_clear(struct proc *p);
void proc_kill_report(struct proc *p, int sig, const char *why);
void cause_sig(struct proc *p, int sig);

/* The live process with endpoint e, or NULL. */
static inline __attribute__((always_inline)) struct proc *endpoint_lookup(endpoint_t e)
{
	int n = _ENDPOINT_P(e);
	struct proc *p;

	if (!isokslot(n))
		return NULL;
	p = proc_addr(n);
	return isemptyp(p) || p->p_endpoint != e ? NULL : p;
}

/* OK and *pp for a live process; EINVAL for no such slot (or a special
 * endpoint); EDEADSRCDST for a free slot or an older generation. */
static inline __attribute__((always_inline)) int isokendpt(endpoint_t e, struct proc **pp)
{
	if (e == ANY || e == NONE || e == SELF || !isokslot(_ENDPOINT_P(e)))
		return EINVAL;
	return (*pp = endpoint_lookup(e)) ? OK : EDEADSRCDST;
}

/* sched.c */
void enqueue(struct proc *p);
void dequeue(struct proc *p);
void sched_set_priority(struct proc *p, int prio);
extern struct proc *rdy_head[NR_SCHED_QUEUES], *rdy_tail[NR_SCHED_QUEUES];
extern uint32_t rdy_mask;

/* from, the running process (the head of its queue), blocks as
 * dequeue() says: it comes back up one queue if it had drifted down. */
static inline __attribute__((always_inline)) void sched_blocked(struct proc *from)
{
	from->p_misc_flags |= MF_BLOCKED;
	if (from->p_priority > from->p_base_prio &&
	    !(from->p_priv.s_desc.pd_flags & SYS_PROC))
		from->p_priority--;
}

/* enqueue(p) and dequeue(p) for the IPC fast paths, inline for the
 * usual cases (p's queue empty; p the head of its queue), the same end
 * state; the functions for the rest. */
static inline __attribute__((always_inline)) void enqueue_fast(struct proc *p)
{
	int q = p->p_priority;

	if (rdy_head[q]) {
		enqueue(p);
		return;
	}
	p->p_nextready = NULL;
	rdy_head[q] = rdy_tail[q] = p;
	rdy_mask |= 1u << q;
}

static inline __attribute__((always_inline)) void sched_blocked(struct proc *from);
static inline __attribute__((always_inline)) void dequeue_fast(struct proc *p)
{
	int q = p->p_priority;

	if (rdy_head[q] != p) {
		dequeue(p);
		return;
	}
	if (!(rdy_head[q] = p->p_nextready)) {
		rdy_tail[q] = NULL;
		rdy_mask &= ~(1u << q);
	}
	sched_blocked(p);
}

/* from, the running process, blocks in a SENDREC that woke to: if both
 * are in one queue and from is its head, to takes from's place (from
 * gives it its turn: the direct switch of the IPC fast path) and from
 * leaves as dequeue() says; 1 if done, else 0 and nothing changed. */
static inline __attribute__((always_inline)) int sched_handoff(struct proc *from,
	struct proc *to)
{
	int q = from->p_priority;

	if (to->p_priority != q || rdy_head[q] != from)
		return 0;
	if (!(to->p_nextready = from->p_nextready))
		rdy_tail[q] = to;
	rdy_head[q] = to;
	sched_blocked(from);
	return 1;
}

/* The fast reply (ipc.c): a server's SEND wakes a client of its own
 * queue while the server, the head, runs on.  The client is runnable but
 * joins the queue only when the kernel is next entered (sched_sync, the
 * first thing every entry does), where enqueue() puts it exactly where it
 * would have gone; unless that entry is the server's RECEIVE on the fast
 * path and the two are alone in their queue: then the client simply
 * takes the server's place, which is where enqueue() and dequeue() would
 * have left it too.  NULL, or that client. */
extern struct proc *sched_lazy;
void sched_flush(void);
static inline __attribute__((always_inline)) void sched_sync(void)
{
	if (__builtin_expect(sched_lazy != NULL, 0))
		sched_flush();
}

/* Mark p not runnable for reason f (and leave the run queue if needed). */
static inline void proc_stop(struct proc *p, unsigned f)
{
	if (proc_runnable(p))
		dequeue(p);
	p->p_rts_flags |= f;
}

/* Clear reason f; join the run queue once nothing else holds p. */
static inline void proc_resume(struct proc *p, unsigned f)
{
	if (!(p->p_rts_flags & f))
		return;
	p->p_rts_flags &= ~f;
	if (proc_runnable(p))
		enqueue(p);
}
void sched_tick(void);
void switch_to_user(void) NORETURN;

/* ipc.c */
void ipc_trap(struct stackframe *f) NORETURN;
int mini_notify(struct proc *caller, endpoint_t dst_e);
void ipc_cleanup(struct proc *dying);
/* May from send to to?  Its IPC mask says so, or to waits in SENDREC for
 * from's reply: a server answers whoever may ask it, so that a .conf
 * names only whom the service itself calls.  (Inline: the IPC fast path
 * asks it on every send.) */
static inline __attribute__((always_inline)) int may_send_to(struct proc *from, struct proc *to)
{
	return BIT_ISSET(priv(from)->s_desc.pd_ipc_to, proc_index(to)) ||
	    ((to->p_misc_flags & MF_REPLY_PEND) && to->p_getfrom_e == from->p_endpoint);
}
void deliver_notify_from(struct proc *dst, int src_index);

#endif
