/* time.c - the time of day (PM_TIME) and sleeping (PM_SLEEP).
 *
 * Sleepers are the MP_SLEEPING entries of the table, each with a deadline
 * in ticks; PM keeps one kernel alarm for the earliest.  On the
 * CLOCK notification every sleeper that is due gets its reply (OK, i2 0).
 * A caught signal ends a sleep early: EINTR, and i2 the milliseconds left.
 *
 * Ticks are unsigned 32-bit and wrap around after long uptimes: deadlines
 * are compared only by the sign of their difference (tick_after), which
 * is right while they are less than 2^31 ticks apart (MAX_SLEEP_TICKS).
 * The kernel's alarm is armed relative to now, never with an absolute
 * tick count (which it would take as a negative clock_t).
 */
#include <stdio.h>
#include <string.h>
#include "proto.h"

/* Longest sleep, in ticks: deadlines stay well within 2^31 ticks of now. */
#define MAX_SLEEP_TICKS 0x3fffffff

static uint32_t now_ticks(void)
{
	clock_t now = 0;

	now = getticks();
	return (uint32_t)now;
}

/* Is tick a later than tick b (modulo wrap-around)? */
static int tick_after(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) > 0;
}

/* PM_TIME -> i1 seconds since the epoch, i2 microseconds. */
int do_time(message *m, struct mproc *rmp)
{
	clock_t up;
	time_t boot;
	int r;

	if ((r = sys_times(SELF, NULL, NULL, &up, &boot)) != OK)
		return r;
	m->m_pm.i1 = (int)(boot + up / hz);
	m->m_pm.i2 = (int)((up % hz) * (1000000 / hz));
	return OK;
}

/* Arm the alarm for the earliest sleeper, or cancel it. */
void set_next_alarm(void)
{
	struct mproc *rmp;
	uint32_t next = 0, now;
	int any = 0, r;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state == MP_SLEEPING &&
		    (!any || tick_after(next, rmp->mp_wakeup))) {
			next = rmp->mp_wakeup;
			any = 1;
		}
	if (any) {
		now = now_ticks();
		/* Due already (its notification still to come): the next tick. */
		r = sys_setalarm(tick_after(next, now) ? (clock_t)(next - now) : 1, 0);
	} else {
		r = sys_setalarm(0, 0);
	}
	if (r != OK)
		printf("pm: setalarm failed: %d\n", r);
}

/* PM_SLEEP: i1 milliseconds -> OK (later), i2 0. */
int do_sleep(message *m, struct mproc *rmp)
{
	uint64_t ticks;

	if (m->m_pm.i1 < 0)
		return EINVAL;
	m->m_pm.i2 = 0;
	if (m->m_pm.i1 == 0)
		return OK;
	ticks = ((uint64_t)m->m_pm.i1 * (uint64_t)hz + 999) / 1000;
	if (ticks > MAX_SLEEP_TICKS)
		ticks = MAX_SLEEP_TICKS;
	rmp->mp_wakeup = now_ticks() + (uint32_t)ticks;
	rmp->mp_state = MP_SLEEPING;
	set_next_alarm();
	return EDONTREPLY;
}

/* A signal ends rmp's sleep: EINTR, i2 the milliseconds that were left. */
void sleep_interrupt(struct mproc *rmp)
{
	int32_t left = (int32_t)(rmp->mp_wakeup - now_ticks());
	message m;

	memset(&m, 0, sizeof(m));
	if (left > 0)
		m.m_pm.i2 = (int)(((uint64_t)left * 1000 + (uint64_t)hz - 1) / (uint64_t)hz);
	rmp->mp_state = MP_ALIVE;
	reply_to(rmp, EINTR, &m);
	set_next_alarm();
}

/* NOTIFY from CLOCK: wake the sleepers that are due. */
void do_alarm(clock_t timestamp)
{
	struct mproc *rmp;
	uint32_t now = now_ticks();

	if (now == 0)
		now = (uint32_t)timestamp;
	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++) {
		if (rmp->mp_state != MP_SLEEPING || tick_after(rmp->mp_wakeup, now))
			continue;
		rmp->mp_state = MP_ALIVE;
		reply_to(rmp, OK, NULL); /* i2 = 0 */
	}
	set_next_alarm();
}
