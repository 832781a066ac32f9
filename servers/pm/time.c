/* time.c - the time of day (PM_TIME) and sleeping (PM_SLEEP).
 *
 * Sleepers are the MP_SLEEPING entries of the table, each with a deadline
 * in ticks; PM keeps one kernel alarm (absolute) for the earliest.  On the
 * CLOCK notification every sleeper that is due gets its reply (OK, i2 0).
 * A caught signal ends a sleep early: EINTR, and i2 the milliseconds left.
 */
#include <stdio.h>
#include <string.h>
#include "proto.h"

/* Longest sleep, in ticks: keeps deadlines far from wrapping around. */
#define MAX_SLEEP_TICKS 0x3fffffff

static clock_t now_ticks(void)
{
	clock_t now = 0;

	getticks(&now);
	return now;
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
	clock_t next = 0;
	int r;

	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++)
		if (rmp->mp_state == MP_SLEEPING &&
		    (next == 0 || rmp->mp_wakeup < next))
			next = rmp->mp_wakeup;
	if ((r = next ? sys_setalarm(next, 1) : sys_setalarm(0, 0)) != OK)
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
	rmp->mp_wakeup = now_ticks() + (clock_t)ticks;
	if (rmp->mp_wakeup == 0)
		rmp->mp_wakeup = 1; /* 0 means "no alarm" */
	rmp->mp_state = MP_SLEEPING;
	set_next_alarm();
	return EDONTREPLY;
}

/* A signal ends rmp's sleep: EINTR, i2 the milliseconds that were left. */
void sleep_interrupt(struct mproc *rmp)
{
	clock_t left = rmp->mp_wakeup - now_ticks();
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
	clock_t now = now_ticks();

	if (now == 0)
		now = timestamp;
	for (rmp = mproc; rmp < mproc + NR_MPROCS; rmp++) {
		if (rmp->mp_state != MP_SLEEPING || rmp->mp_wakeup > now)
			continue;
		rmp->mp_state = MP_ALIVE;
		reply_to(rmp, OK, NULL); /* i2 = 0 */
	}
	set_next_alarm();
}
