/* kdiag.h - refusals on the kernel log, rate-limited (kdiag.c). */
#ifndef KDIAG_H
#define KDIAG_H
#include <minix/sysinfo.h>
#include "proc.h"

#define KDIAG_PER_SEC 5   /* lines per process per second */
#define KDIAG_LEN     KDIAG_TEXT_LEN /* minix/sysinfo.h */

extern unsigned kdiag_lines;       /* lines written since boot */
extern char kdiag_last[KDIAG_LEN]; /* the last one, without "kdiag: t=N " */

void kdiag(struct proc *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kdiag_flush(struct proc *p);
#endif
