/* sys_kill.c - SYS_KILL, SYS_GETKSIG, SYS_ENDKSIG: kernel signals. */
#include <minix/syslib.h>

int sys_kill(endpoint_t proc_ep, int sig)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	m.m_proc.sig = sig;
	return _kernel_call(SYS_KILL, &m);
}

int sys_getksig(endpoint_t *proc_ep, int *sig_mask)
{
	return sys_getksig_info(proc_ep, sig_mask, NULL, NULL, NULL);
}

/* With what a supervisor needs: the exit status and reason address
 * (KSIG_EXIT), and the instruction pointer. */
int sys_getksig_info(endpoint_t *proc_ep, int *sig_mask, int *status,
	vir_bytes *why, vir_bytes *pc)
{
	message m = { 0 };
	int r = _kernel_call(SYS_GETKSIG, &m);

	*proc_ep = m.m_proc.endpt;
	*sig_mask = m.m_proc.sig;
	if (status)
		*status = m.m_proc.status;
	if (why)
		*why = m.m_proc.arg_ptr;
	if (pc)
		*pc = m.m_proc.pc;
	return r;
}

int sys_endksig(endpoint_t proc_ep)
{
	message m = { 0 };

	m.m_proc.endpt = proc_ep;
	return _kernel_call(SYS_ENDKSIG, &m);
}
