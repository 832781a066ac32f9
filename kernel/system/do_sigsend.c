/* do_sigsend.c - SYS_SIGSEND and SYS_SIGRETURN: run a caught signal's
 * handler in a process PM manages, and come back from it.  The frame
 * layout is in <minix/sigcontext.h>.  SIGRETURN restores registers from
 * the process's own memory, so it keeps them safe: user segments only,
 * interrupts on, no I/O privilege.
 */
#include <minix/sigcontext.h>
#include "../system.h"
#include "../memory.h"

struct sigframe {
	vir_bytes ret;          /* the trampoline */
	int signo;
	vir_bytes scp;          /* &sc below */
	struct sigcontext sc;
};

int do_sigsend(struct proc *caller, message *m)
{
	struct sigmsg sm;
	struct sigframe fr;
	struct proc *p;
	vir_bytes sp;
	int r;

	if (!(p = managed_proc(caller, m->m_sigctx.endpt, &r)))
		return r;
	if (copy_from_proc(caller, m->m_sigctx.sigmsg, &sm, sizeof(sm)) != OK)
		return EFAULT;
	if (sm.sm_signo <= 0 || sm.sm_signo >= 32 || !user_range_ok(sm.sm_handler, 1) ||
	    !user_range_ok(sm.sm_sigreturn, 1))
		return EINVAL;
	sp = (p->p_reg.esp - sizeof(fr)) & ~15u;
	memset(&fr, 0, sizeof(fr));
	fr.ret = sm.sm_sigreturn;
	fr.signo = sm.sm_signo;
	fr.scp = sp + offsetof(struct sigframe, sc);
	fr.sc.sc_gs = p->p_reg.gs, fr.sc.sc_fs = p->p_reg.fs;
	fr.sc.sc_es = p->p_reg.es, fr.sc.sc_ds = p->p_reg.ds;
	fr.sc.sc_edi = p->p_reg.edi, fr.sc.sc_esi = p->p_reg.esi;
	fr.sc.sc_ebp = p->p_reg.ebp, fr.sc.sc_ebx = p->p_reg.ebx;
	fr.sc.sc_edx = p->p_reg.edx, fr.sc.sc_ecx = p->p_reg.ecx;
	fr.sc.sc_eax = p->p_reg.eax, fr.sc.sc_eip = p->p_reg.eip;
	fr.sc.sc_eflags = p->p_reg.eflags, fr.sc.sc_esp = p->p_reg.esp;
	fr.sc.sc_mask = sm.sm_mask;
	fr.sc.sc_signo = sm.sm_signo;
	if (copy_to_proc(p, sp, &fr, sizeof(fr)) != OK)
		return EFAULT; /* no room on its stack: PM kills it */
	p->p_reg.esp = sp;
	p->p_reg.eip = sm.sm_handler;
	return OK;
}

int do_sigreturn(struct proc *caller, message *m)
{
	struct sigcontext sc;
	struct proc *p;
	int r;

	if (!(p = managed_proc(caller, m->m_sigctx.endpt, &r)))
		return r;
	if (copy_from_proc(p, m->m_sigctx.scp, &sc, sizeof(sc)) != OK)
		return EFAULT;
	p->p_reg.edi = sc.sc_edi, p->p_reg.esi = sc.sc_esi;
	p->p_reg.ebp = sc.sc_ebp, p->p_reg.ebx = sc.sc_ebx;
	p->p_reg.edx = sc.sc_edx, p->p_reg.ecx = sc.sc_ecx;
	p->p_reg.eax = sc.sc_eax, p->p_reg.eip = sc.sc_eip;
	p->p_reg.esp = sc.sc_esp;
	p->p_reg.cs = USER_CS;
	p->p_reg.ds = p->p_reg.es = p->p_reg.fs = p->p_reg.gs = p->p_reg.ss = USER_DS;
	/* Arithmetic flags from the context; IF on, IOPL 0, no trap flag. */
	p->p_reg.eflags = (sc.sc_eflags & 0x0cd5) | EFLAGS_IF | 0x2;
	/* It asked the caller for this: it gets no reply, it goes on. */
	if ((p->p_rts_flags & RTS_RECEIVING) && !(p->p_rts_flags & RTS_SENDING) &&
	    p->p_getfrom_e == caller->p_endpoint) {
		p->p_misc_flags &= ~MF_REPLY_PEND;
		p->p_getfrom_e = NONE;
		proc_resume(p, RTS_RECEIVING);
	}
	return OK;
}
