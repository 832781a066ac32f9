/* do_diagctl.c - SYS_DIAGCTL: print a string from the caller on the console
 * (before a tty driver exists; also copied to the kernel log).
 */
#include "../system.h"
#include "../memory.h"

#define DIAG_MAX 1024

int do_diagctl(struct proc *caller, message *m)
{
	char buf[DIAG_MAX];
	vir_bytes i, len = m->m_diag.len;

	if (m->m_diag.code != DIAGCTL_CODE_DIAG || len > DIAG_MAX)
		return EINVAL;
	if (copy_from_proc(caller, m->m_diag.buf, buf, len) != OK)
		return EFAULT;
	for (i = 0; i < len; i++) {
		cons_putc(buf[i]);
		klog_putc(buf[i]);
	}
	return OK;
}
