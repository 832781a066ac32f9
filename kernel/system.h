/* system.h - kernel calls: the dispatch table (system.c) and one handler
 * per call in system/do_<call>.c.  A handler validates everything before it
 * changes anything, and returns OK, a negative E*, or EDONTREPLY when the
 * caller must not get a reply (it is gone or stopped).
 */
#ifndef SYSTEM_H
#define SYSTEM_H
#include "proc.h"

void system_init(void);
int kernel_call_msg(struct proc *caller, vir_bytes m_ptr);
void kcall_trap(struct stackframe *f) NORETURN;
struct proc *managed_proc(struct proc *caller, endpoint_t e, int *r);
const char *kcall_name(int call);

int do_fork(struct proc *caller, message *m);
int do_exit(struct proc *caller, message *m);
int do_clear(struct proc *caller, message *m);
int do_kill(struct proc *caller, message *m);
int do_getksig(struct proc *caller, message *m);
int do_endksig(struct proc *caller, message *m);
int do_privctl(struct proc *caller, message *m);
int do_runctl(struct proc *caller, message *m);
int do_schedctl(struct proc *caller, message *m);
int do_setalarm(struct proc *caller, message *m);
int do_times(struct proc *caller, message *m);
int do_irqctl(struct proc *caller, message *m);
int do_devio(struct proc *caller, message *m);
int io_port_allowed(struct proc *caller, int port, int size, const char *call);
int do_sdevio(struct proc *caller, message *m);
int do_getinfo(struct proc *caller, message *m);
int do_diagctl(struct proc *caller, message *m);
int do_null(struct proc *caller, message *m);
int do_setgrant(struct proc *caller, message *m);
int do_safecopyfrom(struct proc *caller, message *m);
int do_safecopyto(struct proc *caller, message *m);
int do_vsafecopy(struct proc *caller, message *m);
int do_safememset(struct proc *caller, message *m);
int do_safemap(struct proc *caller, message *m);
int do_saferevmap(struct proc *caller, message *m);
int do_safeunmap(struct proc *caller, message *m);
int do_vumap(struct proc *caller, message *m);
int do_vumap_release(struct proc *caller, message *m);
int do_vmctl(struct proc *caller, message *m);
int do_exec(struct proc *caller, message *m);
int do_vircopy(struct proc *caller, message *m);
int do_umap(struct proc *caller, message *m);
int do_sigsend(struct proc *caller, message *m);
int do_sigreturn(struct proc *caller, message *m);
int do_abort(struct proc *caller, message *m);
int do_fipatch(struct proc *caller, message *m);

#endif
