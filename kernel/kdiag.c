/* kdiag.c - the kernel's one voice for refusals: a kernel call outside
 * the caller's call mask, an IPC target or primitive it may not use, a
 * port or IRQ line it was not given, a SYS_PRIVCTL beyond its own rights,
 * a grant check that failed.  Each refusal is one line on the kernel log:
 *
 *   kdiag: t=SEC NAME (ENDPOINT): WHAT
 *
 * at most KDIAG_PER_SEC lines per process per second, so that a faulty
 * service cannot flood the log; the lines left out are counted and
 * reported with the next line, or when the process goes.  The count of
 * lines written and the last line are in SYS_GETINFO (GET_KINFO, GET_KDIAG)
 * for the tests.
 */
#include "proc.h"
#include "clock.h"
#include "kdiag.h"

unsigned kdiag_lines;
char kdiag_last[KDIAG_LEN];

/* Report the lines of p left out, if any. */
void kdiag_flush(struct proc *p)
{
	if (p->p_diag_dropped)
		klog("kdiag: %s (%d): %d more refusals not shown\n",
		    p->p_name, p->p_endpoint, p->p_diag_dropped);
	p->p_diag_dropped = 0;
}

void kdiag(struct proc *p, const char *fmt, ...)
{
	clock_t sec = uptime / HZ;
	char what[KDIAG_LEN];
	va_list ap;

	if (p->p_diag_sec != sec) {
		kdiag_flush(p);
		p->p_diag_sec = sec;
		p->p_diag_count = 0;
	}
	if (p->p_diag_count++ >= KDIAG_PER_SEC) {
		p->p_diag_dropped++;
		return;
	}
	va_start(ap, fmt);
	kvsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ksnprintf(kdiag_last, sizeof(kdiag_last), "%s (%d): %s", p->p_name, p->p_endpoint, what);
	kdiag_lines++;
	klog("kdiag: t=%u %s\n", (unsigned)sec, kdiag_last);
}
