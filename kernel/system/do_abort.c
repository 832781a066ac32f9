/* do_abort.c - SYS_ABORT: PM stops the machine.  RBT_POWEROFF writes the
 * exit code to QEMU's isa-debug-exit port first (how a test run ends: QEMU
 * exits with (code << 1) | 1); without that device, and for RBT_HALT, the
 * CPU halts with interrupts off.  RBT_PANIC panics.
 */
#include "../system.h"

int do_abort(struct proc *caller, message *m)
{
	int how = m->m_diag.how, code = m->m_diag.code;

	if (how != RBT_HALT && how != RBT_POWEROFF && how != RBT_PANIC)
		return EINVAL;
	if (code < 0 || code > 0xff)
		return EINVAL;
	kprintf("kernel: %s asked to %s (code %d)\n", caller->p_name,
	    how == RBT_HALT ? "halt" : how == RBT_POWEROFF ? "power off" : "panic", code);
	if (how == RBT_PANIC)
		panic("SYS_ABORT from %s", caller->p_name);
	if (how == RBT_POWEROFF)
		outb(DEBUG_EXIT_PORT, (uint8_t)code);
	for (;;)
		__asm__ volatile("cli; hlt");
}
