/* consreset.c - the console reset: a BREAK on the serial console (COM1),
 * then 'r' within 5 seconds, stops the driver that owns the console's
 * interrupt (the tty) with SIGKILL, and RS starts it afresh.
 *
 * The BREAK and the key after it belong to the kernel, so that the reset
 * works whatever state the tty is in: one that no longer reads the line,
 * leaves its interrupt masked, or whose own port I/O a fault broke.  A
 * BREAK shows once, in one read of the line status register (reading it
 * clears the bit), so every read of it goes through here: the kernel's
 * own, at each COM1 interrupt before the driver hears of it and at each
 * clock tick (with the interrupt masked, or its edge lost, none comes),
 * and the driver's (SYS_DEVIO of that port, do_devio.c).  After a BREAK
 * the kernel reads the keys itself (below), and the driver gets the line
 * status as it is after them: it never sees the BREAK, its NUL, nor the
 * key typed after it (as Linux's SysRq on a serial console takes the key
 * after a BREAK).  The one sign of this left in the driver's view is a
 * clock tick's read of the line status: harmless, it takes no key.
 */
#include <signal.h>
#include "proc.h"
#include "clock.h"
#include "interrupt.h"
#include "consreset.h"

#define BRK_WINDOW (5 * HZ)

/* After a BREAK the console's keys are ours until an 'r', or until the
 * first key that comes once the line was idle (the key after the BREAK,
 * for a driver that keeps up), or for BRK_WINDOW: the keys typed before
 * it and still waiting (a driver that reads no more leaves them there;
 * the BREAK comes ahead of them) are taken too. */
static int brk;			/* a BREAK came */
static int brk_idle;		/* the line has been idle since */
static clock_t brk_at;

int cons_line_status(void)
{
	struct proc *owner;
	int lsr = cons_lsr(), c;

	if (lsr & CONS_LSR_BI) {
		brk = 1;
		brk_idle = 0;
		brk_at = uptime;
	}
	if (brk && (clock_t)(uptime - brk_at) > BRK_WINDOW)
		brk = 0;	/* too late: the keys are the driver's */
	while (brk && (lsr & CONS_LSR_DR)) {
		c = cons_getc();	/* ours: the NUL, waiting keys, ... */
		if (c == 'r') {
			brk = 0;
			if ((owner = irq_line_owner(CONS_IRQ)) != NULL) {
				kprintf("kernel: console reset (BREAK r): "
				    "stopping %s\n", owner->p_name);
				cause_sig(owner, SIGKILL);
			}
		} else if (brk_idle) {
			brk = 0;	/* the key after the BREAK */
		}
		lsr = cons_lsr();
	}
	if (brk)
		brk_idle = 1;
	return lsr;
}

void cons_watch(void)
{
	if (irq_line_owner(CONS_IRQ))	/* else the dump keys' (debug.c) */
		(void)cons_line_status();
}
