/* do_exec.c - SYS_EXEC: PM replaces the program of a process it manages
 * with an ELF image it has read into its own memory (from VFS).  With
 * EXEC_CHECK it only checks image and argument block, so that PM can tell
 * VFS (close-on-exec) knowing the exec cannot fail any more, but for lack
 * of memory.  The
 * process's grants and mappings end; it starts at the new entry point with
 * the argument block PM built at the top of its stack.  A process waiting
 * for PM's reply to its exec request gets none: it runs the new program.
 */
#include <signal.h>
#include "../system.h"
#include "../memory.h"
#include "../exec.h"

int do_exec(struct proc *caller, message *m)
{
	mess_krn_exec *e = &m->m_exec;
	struct proc *p;
	int r, gone;

	if (!(p = managed_proc(caller, e->endpt, &r)))
		return r;
	if (p == caller)
		return EINVAL;
	/* Waiting for our reply, or stopped: not in the middle of a send. */
	if (p->p_rts_flags & RTS_SENDING)
		return EBUSY;
	if (e->flags & ~EXEC_CHECK)
		return EINVAL;
	r = elf_exec(p, caller, e->img, e->img_len, e->frame, e->frame_len,
	    e->flags & EXEC_CHECK, &gone);
	if (r != OK || (e->flags & EXEC_CHECK)) {
		if (gone) /* out of memory after the old image went: it dies */
			cause_sig(p, SIGKILL);
		return r; /* (a check that passed returns OK here) */
	}
	e->name[PROC_NAME_LEN - 1] = '\0';
	if (e->name[0])
		memcpy(p->p_name, e->name, PROC_NAME_LEN);
	e->ip = p->p_reg.eip;
	p->p_misc_flags &= ~MF_REPLY_PEND;
	p->p_getfrom_e = NONE;
	proc_resume(p, RTS_RECEIVING);
	return OK;
}
