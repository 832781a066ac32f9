/* sys_sigsend.c - SYS_SIGSEND and SYS_SIGRETURN (see <minix/sigcontext.h>). */
#include <minix/syslib.h>
#include <minix/sigcontext.h>

int sys_sigsend(endpoint_t proc_ep, struct sigmsg *sm)
{
	message m = { 0 };

	m.m_sigctx.endpt = proc_ep;
	m.m_sigctx.sigmsg = (vir_bytes)sm;
	return _kernel_call(SYS_SIGSEND, &m);
}

int sys_sigreturn(endpoint_t proc_ep, vir_bytes scp)
{
	message m = { 0 };

	m.m_sigctx.endpt = proc_ep;
	m.m_sigctx.scp = scp;
	return _kernel_call(SYS_SIGRETURN, &m);
}
