/* interrupt.c - IRQ hooks.  A driver registers a hook on a line it is
 * allowed to use (SYS_IRQCTL); each interrupt sets the hook's bit in the
 * driver's pending mask and sends it a NOTIFY from HARDWARE.  The line stays
 * masked until the driver re-enables it, unless the hook asked for
 * IRQ_REENABLE.
 */
#include "kdiag.h"
#include "proc.h"
#include "clock.h"
#include "interrupt.h"
#include "debug.h"
#include "iommu.h"
#include "consreset.h"

struct irq_hook {
	struct proc *owner; /* NULL: free */
	endpoint_t owner_e;
	int irq;
	int notify_id;      /* bit in the NOTIFY's interrupts mask */
	int policy;
};

static struct irq_hook hooks[NR_IRQ_HOOKS];

void irq_init(void)
{
	pic_unmask(CONS_IRQ); /* until a driver takes it: kernel dump keys */
}

/* The first process with a hook on line irq, or NULL. */
struct proc *irq_line_owner(int irq)
{
	int i;
	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner && hooks[i].irq == irq)
			return hooks[i].owner;
	return NULL;
}

static int line_in_use(int irq)
{
	return irq_line_owner(irq) != NULL;
}

void irq_handler(int irq)
{
	int i, keep_open = 1, any = 0;

	iommu_poll();	/* a driver whose device faulted dies before it hears */
	if (irq == 0) {
		pic_eoi(0);
		clock_handler();
		return;
	}
	if (irq == CONS_IRQ)
		cons_watch();	/* the console reset, before its driver hears */
	for (i = 0; i < NR_IRQ_HOOKS; i++) {
		struct irq_hook *h = &hooks[i];
		if (!h->owner || h->irq != irq)
			continue;
		any = 1;
		if (!(h->policy & IRQ_REENABLE))
			keep_open = 0;
		priv(h->owner)->s_int_pending |= 1u << h->notify_id;
		mini_notify(&proc[HARDWARE + NR_TASKS], h->owner_e);
	}
	if (!any && irq == CONS_IRQ) {
		/* The console is still the kernel's: dump keys. */
		int c;
		while ((c = cons_getc()) >= 0)
			debug_key(c);
	} else if (!any || !keep_open) {
		pic_mask(irq);
	}
	pic_eoi(irq);
}

static int may_use_irq(struct proc *p, int irq)
{
	const struct priv_desc *d = &priv(p)->s_desc;
	int i;

	for (i = 0; i < d->pd_nr_irq; i++)
		if (d->pd_irq[i] == irq)
			return 1;
	return 0;
}

int irq_set_policy(struct proc *p, int irq, int policy, int notify_id, int *hook)
{
	int i;

	if (irq <= 0 || irq == 2 || irq >= NR_IRQ_VECTORS || notify_id < 0 ||
	    notify_id > 31 || (policy & ~IRQ_REENABLE))
		return EINVAL;
	if (!may_use_irq(p, irq)) {
		kdiag(p, "SYS_IRQCTL IRQ %d not in its .conf", irq);
		return EPERM;
	}
	for (i = 0; i < NR_IRQ_HOOKS; i++) {
		if (hooks[i].owner)
			continue;
		hooks[i] = (struct irq_hook){ p, p->p_endpoint, irq, notify_id, policy };
		*hook = i;
		pic_unmask(irq);
		return OK;
	}
	return ENOSPC;
}

static struct irq_hook *own_hook(struct proc *p, int hook)
{
	if (hook < 0 || hook >= NR_IRQ_HOOKS || hooks[hook].owner != p)
		return NULL;
	return &hooks[hook];
}

int irq_remove(struct proc *p, int hook)
{
	struct irq_hook *h = own_hook(p, hook);

	if (!h)
		return EINVAL;
	h->owner = NULL;
	if (!line_in_use(h->irq))
		pic_mask(h->irq);
	return OK;
}

int irq_enable(struct proc *p, int hook, int enable)
{
	struct irq_hook *h = own_hook(p, hook);

	if (!h)
		return EINVAL;
	if (enable)
		pic_unmask(h->irq);
	else
		pic_mask(h->irq);
	return OK;
}

void irq_cleanup(struct proc *p)
{
	int i;

	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner == p)
			irq_remove(p, i);
	priv(p)->s_int_pending = 0;
}
