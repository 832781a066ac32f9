/* clock.h - the clock: uptime in ticks, alarms, boot time. */
#ifndef CLOCK_H
#define CLOCK_H
#include "kernel.h"
struct proc;
extern clock_t uptime;
extern time_t boot_time;
void clock_init(void);
void clock_handler(void);
void clock_set_alarm(struct proc *p, clock_t when);
#endif
