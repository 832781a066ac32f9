/* sched.c - priority round-robin scheduling with quanta, and the switch
 * back to user mode.
 *
 * A process is in a run queue exactly when its p_rts_flags are 0.  The
 * highest non-empty queue runs; a process that uses up its quantum goes to
 * the tail of its queue.  With nothing to run, the kernel halts until an
 * interrupt makes something runnable.
 */
#include "proc.h"
#include "memory.h"

static struct proc *rdy_head[NR_SCHED_QUEUES];
static struct proc *rdy_tail[NR_SCHED_QUEUES];
static uint32_t rdy_mask; /* bit q: queue q is not empty */

void enqueue(struct proc *p)
{
	int q = p->p_priority;

	KASSERT(proc_runnable(p) && q >= 0 && q < NR_SCHED_QUEUES);
	p->p_nextready = NULL;
	if (rdy_head[q])
		rdy_tail[q]->p_nextready = p;
	else
		rdy_head[q] = p;
	rdy_tail[q] = p;
	rdy_mask |= 1u << q;
}

void dequeue(struct proc *p)
{
	int q = p->p_priority;
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
			if (!rdy_head[q])
				rdy_mask &= ~(1u << q);
			return;
		}
	}
	panic("dequeue: %s not in queue %d", p->p_name, q);
}

/* Clock tick: charge the quantum of the running process. */
void sched_tick(void)
{
	struct proc *p = current;

	if (!p || !proc_runnable(p) || !(priv(p)->s_desc.pd_flags & PREEMPTIBLE))
		return;
	if (--p->p_ticks_left > 0)
		return;
	p->p_ticks_left = p->p_quantum;
	dequeue(p);
	enqueue(p);
}

static inline struct proc *pick_proc(void)
{
	return rdy_mask ? rdy_head[__builtin_ctz(rdy_mask)] : NULL;
}

/* Run the best process; deliver its pending message first.  Never returns. */
void switch_to_user(void)
{
	struct proc *p;

	for (;;) {
		while (!(p = pick_proc())) {
			current = NULL;
			idle_halt();
		}
		break;
	}
	current = p;
	as_load(p);
	tss_set_esp0((uint32_t)(&p->p_reg + 1));
	restart_frame(&p->p_reg);
}
