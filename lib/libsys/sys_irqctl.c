/* sys_irqctl.c - SYS_IRQCTL: set, remove, enable and disable IRQ hooks
 * (MINIX's sys_irqctl and its four shorthands). */
#include <minix/syslib.h>

int sys_irqctl(int request, int irq, int policy, int *hook)
{
	message m = { 0 };
	int r;

	m.m_irqctl.request = request;
	m.m_irqctl.vector = irq;
	m.m_irqctl.policy = policy;
	m.m_irqctl.hook_id = *hook;
	r = _kernel_call(SYS_IRQCTL, &m);
	if (r == OK && request == IRQ_SETPOLICY)
		*hook = m.m_irqctl.hook_id;
	return r;
}

/* *irq_hook_id: in, the bit for notifications; out, the kernel's hook. */
int sys_irqsetpolicy(int irq_vec, int policy, int *irq_hook_id)
{
	return sys_irqctl(IRQ_SETPOLICY, irq_vec, policy, irq_hook_id);
}

int sys_irqrmpolicy(int *irq_hook_id) { return sys_irqctl(IRQ_RMPOLICY, 0, 0, irq_hook_id); }
int sys_irqenable(int *irq_hook_id) { return sys_irqctl(IRQ_ENABLE, 0, 0, irq_hook_id); }
int sys_irqdisable(int *irq_hook_id) { return sys_irqctl(IRQ_DISABLE, 0, 0, irq_hook_id); }
