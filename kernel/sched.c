/* sched.c - the scheduler: priority queues with quanta, a drift for
 * CPU-bound user processes, and the switch back to user mode.
 *
 * A process is in a run queue exactly when its p_rts_flags are 0.  The
 * highest non-empty queue runs (0 is the highest).  The policy (written
 * down in docs/kernel.md, "Scheduling"):
 *
 *  - A process is interactive if it blocked during its current quantum or
 *    its last whole one (MF_BLOCKED, MF_INTERACTIVE), else CPU-bound.  In
 *    each queue the interactive processes come first, in the order they
 *    were queued, then the CPU-bound ones.
 *  - A process that wakes goes behind the interactive processes of its
 *    queue, ahead of the CPU-bound ones, with what was left of its
 *    quantum: it never waits behind processes that used the CPU while it
 *    was blocked.  It does not go ahead of the running process, though:
 *    a process that wakes another of its queue goes on until it blocks
 *    or its quantum ends (a server that replies is about to receive
 *    again).  A new process goes to the tail.  One that is preempted by
 *    a higher queue is not moved, so it keeps its place.
 *  - A process that uses up its quantum gets a fresh one.  If it blocked
 *    while it used it (interactive), it goes behind the interactive
 *    processes of its queue but ahead of the CPU-bound ones; if it did not
 *    (CPU-bound), it goes to the tail, and a user process (no SYS_PROC
 *    privilege) also drifts down one queue, to MIN_USER_Q at the lowest.
 *  - A user process that blocks (leaves the run queue) comes back up one
 *    queue, to its base priority (p_base_prio) at the highest.
 *  - Services (SYS_PROC) stay at their .conf priority.
 *  - A SENDREC to a process of the same queue that waits for it hands the
 *    caller's place at the head over to it (sched_handoff); so does a
 *    server that replies and then receives, to the client it answered,
 *    when the two are alone in their queue (sched_lazy: the same order
 *    as enqueue and dequeue would give, without either).
 *
 * With nothing to run, the kernel halts until an interrupt makes
 * something runnable.
 */
#include "proc.h"
#include "memory.h"

struct proc *rdy_head[NR_SCHED_QUEUES];
struct proc *rdy_tail[NR_SCHED_QUEUES];
uint32_t rdy_mask; /* bit q: queue q is not empty */
struct proc *sched_lazy; /* woken by a fast reply, not yet queued (proc.h) */

/* Does p's priority move with its use of the CPU?  User processes only. */
static inline int drifts(const struct proc *p)
{
	return !(p->p_priv.s_desc.pd_flags & SYS_PROC);
}

/* Put p in its queue: behind the running process and the interactive
 * processes (those that blocked during this quantum or the last), or at
 * the tail. */
static inline __attribute__((always_inline)) void enqueue_behind(struct proc *p, int interactive)
{
	int q = p->p_priority;
	struct proc **xpp = &rdy_head[q];

	if (!interactive && rdy_head[q])
		xpp = &rdy_tail[q]->p_nextready;
	else
		while (*xpp && (*xpp == current ||
		    ((*xpp)->p_misc_flags & (MF_BLOCKED | MF_INTERACTIVE))))
			xpp = &(*xpp)->p_nextready;
	p->p_nextready = *xpp;
	*xpp = p;
	if (!p->p_nextready)
		rdy_tail[q] = p;
	rdy_mask |= 1u << q;
}

/* p becomes runnable: if it woke, behind the interactive processes of
 * its queue, ahead of the CPU-bound ones, with what is left of its
 * quantum; if it is new (it never blocked), at the tail. */
void enqueue(struct proc *p)
{
	KASSERT(proc_runnable(p) && p->p_priority >= 0 && p->p_priority < NR_SCHED_QUEUES);
	enqueue_behind(p, (p->p_misc_flags & (MF_BLOCKED | MF_INTERACTIVE)) != 0);
}

/* Unlink p from queue q. */
static inline __attribute__((always_inline)) void unlink_ready(struct proc *p, int q)
{
	struct proc **xpp, *prev = NULL;

	if (rdy_head[q] == p) { /* the usual case: the running process */
		if (!(rdy_head[q] = p->p_nextready)) {
			rdy_tail[q] = NULL;
			rdy_mask &= ~(1u << q);
		}
		return;
	}
	for (xpp = &rdy_head[q]; *xpp; prev = *xpp, xpp = &(*xpp)->p_nextready) {
		if (*xpp == p) {
			*xpp = p->p_nextready;
			if (rdy_tail[q] == p)
				rdy_tail[q] = prev;
			return;
		}
	}
	panic("dequeue: %s not in queue %d", p->p_name, q);
}

/* p leaves the run queue (it blocks or stops): a user process that had
 * drifted down comes back up one queue. */
void dequeue(struct proc *p)
{
	unlink_ready(p, p->p_priority);
	p->p_misc_flags |= MF_BLOCKED;
	if (p->p_priority > p->p_base_prio && drifts(p))
		p->p_priority--;
}

/* The process woken by a fast reply joins its queue (proc.h, sched_sync). */
void sched_flush(void)
{
	struct proc *p = sched_lazy;

	sched_lazy = NULL;
	enqueue(p);
}

/* Set p's base priority (and its queue) to prio. */
void sched_set_priority(struct proc *p, int prio)
{
	int runnable = proc_runnable(p);

	KASSERT(prio >= 0 && prio < NR_SCHED_QUEUES);
	if (runnable)
		unlink_ready(p, p->p_priority);
	p->p_priority = p->p_base_prio = prio;
	if (runnable)
		enqueue_behind(p, 0);
}

/* Clock tick: charge the quantum of the running process.  One used up
 * gives a fresh quantum: behind the interactive processes of its queue if
 * it blocked while it used it, else at the tail, one queue lower for a
 * user process. */
void sched_tick(void)
{
	struct proc *p = current;
	int interactive;

	if (!p || !proc_runnable(p) || !(priv(p)->s_desc.pd_flags & PREEMPTIBLE))
		return;
	if (--p->p_ticks_left > 0)
		return;
	p->p_ticks_left = p->p_quantum;
	unlink_ready(p, p->p_priority);
	interactive = (p->p_misc_flags & MF_BLOCKED) != 0;
	p->p_misc_flags &= ~(MF_BLOCKED | MF_INTERACTIVE);
	if (interactive)
		p->p_misc_flags |= MF_INTERACTIVE;
	else if (p->p_priority < MIN_USER_Q && drifts(p))
		p->p_priority++;
	enqueue_behind(p, interactive);
}

static inline struct proc *pick_proc(void)
{
	return rdy_mask ? rdy_head[__builtin_ctz(rdy_mask)] : NULL;
}

/* Run the best process; deliver its pending message first.  Never returns. */
HOTPATH void switch_to_user(void)
{
	static struct proc *tss_proc; /* whose frame the TSS's esp0 ends */
	struct proc *p;

	while (!(p = pick_proc())) {
		current = NULL;
		idle_halt();
	}
	current = p;
	as_load(p);
	if (p != tss_proc) {
		tss_proc = p;
		tss_set_esp0((uint32_t)(&p->p_reg + 1));
	}
	/* restart_frame(&p->p_reg), without the call */
	__asm__ volatile("mov %0, %%esp\n\tjmp restart_regs" : : "r"(&p->p_reg) : "memory");
	__builtin_unreachable();
}
