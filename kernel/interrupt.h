/* interrupt.h - IRQ hooks: interrupts delivered as NOTIFY from HARDWARE. */
#ifndef INTERRUPT_H
#define INTERRUPT_H
#include "kernel.h"
struct proc;
#define CONS_IRQ 4 /* COM1, the console */
void irq_init(void);
struct proc *irq_line_owner(int irq);
void irq_handler(int irq);
int irq_set_policy(struct proc *p, int irq, int policy, int notify_id, int *hook);
int irq_remove(struct proc *p, int hook);
int irq_enable(struct proc *p, int hook, int enable);
void irq_cleanup(struct proc *p);
#endif
