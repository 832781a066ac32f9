/* clock.c - the clock interrupt: uptime, time accounting, alarms (NOTIFY
 * from CLOCK when a process's SYS_SETALARM deadline arrives) and the
 * scheduler's quantum.  The boot time is read once from the CMOS clock.
 */
#include "proc.h"
#include "clock.h"
#include "consreset.h"

clock_t uptime;
time_t boot_time;
static clock_t next_alarm; /* earliest deadline, 0 if none */

static int cmos(int reg)
{
	int v;

	outb(0x70, (uint8_t)reg);
	v = inb(0x71);
	return (v & 0x0f) + (v >> 4) * 10; /* BCD */
}

/* Seconds since 1970 from the CMOS real-time clock (years 2000-2099). */
static time_t read_rtc(void)
{
	static const int mdays[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	int y, mo, d, h, mi, s;
	long days;

	while (outb(0x70, 0x0a), inb(0x71) & 0x80)
		; /* update in progress */
	s = cmos(0), mi = cmos(2), h = cmos(4), d = cmos(7), mo = cmos(8);
	y = 2000 + cmos(9);
	if (mo < 1 || mo > 12)
		return 0;
	days = (y - 1970) * 365L + (y - 1969) / 4 + mdays[mo - 1] + d - 1;
	if (mo > 2 && y % 4 == 0)
		days++;
	return ((days * 24 + h) * 60 + mi) * 60 + s;
}

void clock_init(void)
{
	boot_time = read_rtc();
	pit_init(HZ);
	pic_unmask(0);
}

/* Is tick a before tick b?  Wrap-safe: uptime wraps after 2^32 ticks. */
static inline int before(clock_t a, clock_t b)
{
	return (int32_t)((uint32_t)a - (uint32_t)b) < 0;
}

/* Arm p's alarm for tick when (0: none). */
void clock_set_alarm(struct proc *p, clock_t when)
{
	p->p_alarm = when;
	if (when && (!next_alarm || before(when, next_alarm)))
		next_alarm = when;
}

void clock_handler(void)
{
	struct proc *p;

	uptime = (clock_t)((uint32_t)uptime + 1);
	if (current)
		current->p_user_time++;
	if (next_alarm && !before(uptime, next_alarm)) {
		next_alarm = 0;
		for (p = proc + NR_TASKS; p < proc + NR_SLOTS; p++) {
			if (isemptyp(p) || !p->p_alarm)
				continue;
			if (!before(uptime, p->p_alarm)) {
				p->p_alarm = 0;
				mini_notify(&proc[CLOCK + NR_TASKS], p->p_endpoint);
			} else if (!next_alarm || before(p->p_alarm, next_alarm)) {
				next_alarm = p->p_alarm;
			}
		}
	}
	cons_watch();	/* the console reset, interrupt or not */
	sched_tick();
}
