/* arch/i386/exception.c - CPU exceptions and the trap dispatch.
 *
 * From user mode an exception becomes a kernel signal for the process
 * (reported, then its manager decides); from kernel mode it is a panic,
 * except a page fault inside ucopy(), which makes ucopy fail.  A write
 * fault on a copy-on-write page (memory.c) is no error from either mode:
 * the page is copied and the instruction runs again.
 */
#include <signal.h>
#include "../../proc.h"
#include "../../interrupt.h"
#include "../../memory.h"

static const char *const ex_names[] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bounds",
	"invalid opcode", "no coprocessor", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault",
	"general protection fault", "page fault", "reserved", "x87 error",
	"alignment check", "machine check", "SIMD error",
};

static int ex_signal(int vec)
{
	switch (vec) {
	case EX_DE: case 16: case 19: return SIGFPE;
	case EX_UD: case EX_NM: return SIGILL;
	case 1: case 3: return SIGTRAP;
	case 17: return SIGBUS;
	default: return SIGSEGV;
	}
}

/* The fixup address for a page fault at eip in a user copy, or 0. */
static uint32_t fixup_for(uint32_t eip)
{
	extern const uint32_t __ex_table_start[], __ex_table_end[];
	const uint32_t *e;

	if (eip >= (uint32_t)ucopy_start && eip < (uint32_t)ucopy_end)
		return (uint32_t)ucopy_fault;
	for (e = __ex_table_start; e < __ex_table_end; e += 2)
		if (e[0] == eip)
			return e[1];
	return 0;
}

void exception_handler(struct stackframe *f, int from_user)
{
	int vec = (int)f->vector;
	const char *name = vec < (int)ARRAY_SIZE(ex_names) ? ex_names[vec] : "exception";
	uint32_t fix;

	/* A write to a page shared copy-on-write since a fork, by the
	 * process or by the kernel copying into it: copy, then retry. */
	if (vec == EX_PF && (f->errcode & 3) == 3 && cow_fault(read_cr2()))
		return;
	if (!from_user) {
		if (vec == EX_PF && (fix = fixup_for(f->eip))) {
			f->eip = fix;
			return;
		}
		panic_frame(f, "%s in the kernel", name);
	}
	if (vec == EX_PF)
		kprintf("kernel: %s (endpoint %d) page fault at %p (%s %s)\n",
		    current->p_name, current->p_endpoint, read_cr2(),
		    f->errcode & 2 ? "write" : "read",
		    f->errcode & 1 ? "protection" : "not present");
	proc_kill_report(current, ex_signal(vec), name);
}

/* Trap from user mode: an exception or an interrupt.  Never returns. */
void trap_user(struct stackframe *f)
{
	current = (struct proc *)f;
	sched_sync();
	if (f->vector < 32)
		exception_handler(f, 1);
	else
		irq_handler((int)f->vector - IRQ0_VECTOR);
	switch_to_user();
}

/* Trap in kernel mode: an interrupt while idle, or a kernel fault. */
void trap_kernel(struct stackframe *f)
{
	if (f->vector < 32)
		exception_handler(f, 0);
	else
		irq_handler((int)f->vector - IRQ0_VECTOR);
}
