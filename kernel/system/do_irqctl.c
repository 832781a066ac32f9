/* do_irqctl.c - SYS_IRQCTL: IRQ hooks for the lines in the caller's
 * privileges (see interrupt.c).
 */
#include "../system.h"
#include "../interrupt.h"

int do_irqctl(struct proc *caller, message *m)
{
	mess_krn_irqctl *q = &m->m_irqctl;

	switch (q->request) {
	case IRQ_SETPOLICY:
		return irq_set_policy(caller, q->vector, q->policy, q->hook_id, &q->hook_id);
	case IRQ_RMPOLICY:
		return irq_remove(caller, q->hook_id);
	case IRQ_ENABLE:
	case IRQ_DISABLE:
		return irq_enable(caller, q->hook_id, q->request == IRQ_ENABLE);
	}
	return EINVAL;
}
