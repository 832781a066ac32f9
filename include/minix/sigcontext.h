/* minix/sigcontext.h - what SYS_SIGSEND puts on a process's stack, and
 * what SYS_SIGRETURN takes back.
 *
 * PM decides a signal is caught and calls SYS_SIGSEND with a struct
 * sigmsg.  The kernel pushes, below the process's stack pointer, a frame:
 *
 *     esp ->  return address = sm_sigreturn (the trampoline in libc)
 *             signal number                (the handler's argument)
 *             pointer to the sigcontext below
 *             struct sigcontext            (saved registers and mask)
 *
 * and resumes the process at sm_handler.  When the handler returns, the
 * trampoline asks PM for sigreturn with the sigcontext's address; PM calls
 * SYS_SIGRETURN, which restores the registers (made safe: user segments,
 * interrupts on, no I/O privilege).
 */
#ifndef _MINIX_SIGCONTEXT_H
#define _MINIX_SIGCONTEXT_H

#include <stdint.h>
#include <minix/type.h>

struct sigmsg {
	int sm_signo;
	uint32_t sm_mask;       /* mask to restore at sigreturn */
	vir_bytes sm_handler;
	vir_bytes sm_sigreturn; /* trampoline address */
};

struct sigcontext {
	uint32_t sc_gs, sc_fs, sc_es, sc_ds;
	uint32_t sc_edi, sc_esi, sc_ebp, sc_esp_unused, sc_ebx, sc_edx, sc_ecx, sc_eax;
	uint32_t sc_eip, sc_eflags, sc_esp;
	uint32_t sc_mask;       /* signal mask before the handler ran */
	int sc_signo;
};

#endif
