/* config.h - kernel configuration. */
#ifndef CONFIG_H
#define CONFIG_H

#include <minix/config.h>

#ifndef HZ
#define HZ 100                  /* clock ticks per second (make HZ=...) */
#endif
#define MIN_USER_Q      (NR_SCHED_QUEUES - 1) /* NR_SCHED_QUEUES: minix/config.h */
#ifndef QUANTUM_MS
#define QUANTUM_MS      100     /* default quantum (make QUANTUM=...; docs/kernel.md) */
#endif
/* The default quantum in ticks (a .conf's quantum key overrides it). */
#define DEFAULT_QUANTUM (QUANTUM_MS * HZ / 1000 > 0 ? QUANTUM_MS * HZ / 1000 : 1)


#define NR_IRQ_HOOKS   32
#define PAGE_SIZE      4096u

#define DEBUG_IPC   0           /* trace every IPC on the kernel log */
#define DEBUG_SCHED 0
#define DEBUG_CHECKS 1          /* invariant checkers at IPC/schedule points */

#endif
