/* t_clock.c - alarms and times. */
#include <minix/sysutil.h>
#include <minix/minlib.h>
#include "t.h"

int test_alarm_within_a_tick(void)
{
	clock_t t0, deadline;
	message m;

	t0 = t_now();
	deadline = t0 + 5;
	T_EQ(sys_setalarm(deadline, 1), OK);
	T_EQ(ipc_receive(CLOCK, &m, NULL), OK);
	T_EQ(m.m_type, NOTIFY_MESSAGE);
	T_EQ(m.m_source, CLOCK);
	T_TRUE(m.m_notify.timestamp >= deadline);
	T_TRUE(m.m_notify.timestamp <= deadline + 1);
	/* Relative alarms too. */
	t0 = t_now();
	T_EQ(sys_setalarm(3, 0), OK);
	T_EQ(ipc_receive(CLOCK, &m, NULL), OK);
	T_TRUE(m.m_notify.timestamp >= t0 + 3);
	T_TRUE(m.m_notify.timestamp <= t0 + 4 + 1);
	return 0;
}

int test_alarm_cancel_and_time_left(void)
{
	clock_t left = -1;
	message m;

	T_EQ(sys_setalarm2(100, 0, &left, NULL), OK);
	T_EQ(left, 0);
	T_EQ(sys_setalarm2(0, 0, &left, NULL), OK);
	T_TRUE(left >= 99 && left <= 100);
	/* Nothing arrives: a second alarm fires first. */
	T_EQ(sys_setalarm(4, 0), OK);
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, CLOCK);
	T_EQ(sys_setalarm(-1, 0), EINVAL);
	T_EQ(sys_setalarm(5, 2), EINVAL);
	return 0;
}

int test_times(void)
{
	clock_t u, s, up1, up2;
	time_t boot;

	struct kinfo ki;

	T_EQ(sys_times(SELF, &u, &s, &up1, &boot), OK);
	T_EQ(sys_getkinfo(&ki), OK);
	T_EQ(sys_hz(), ki.hz);
	T_TRUE(ki.hz >= 50 && ki.hz <= 1000);
	t_spin(2);
	T_EQ(sys_times(SELF, &u, &s, &up2, NULL), OK);
	T_TRUE(up2 >= up1 + 2);
	T_TRUE(u >= 1);
	T_TRUE(boot > 1600000000); /* after 2020: read from the CMOS clock */
	T_EQ(sys_times(_ENDPOINT(0, NR_PROCS + 1), &u, &s, &up2, NULL), EINVAL);
	return 0;
}

/* MINIX's tickdelay(): it sleeps the ticks asked, and an alarm the caller
 * had set still comes at its time; micro_delay() spins at least as long
 * as asked, on the TSC calibrated against the tick. */
int test_tickdelay_micro_delay(void)
{
	clock_t t0, t1, left = -1;
	u64_t c0, c1;
	message m;

	t0 = getticks();
	T_EQ(tickdelay(5), OK);
	t1 = getticks();
	T_TRUE(t1 - t0 >= 5 && t1 - t0 <= 6);
	/* An alarm for t0 + 12 survives a tickdelay(4). */
	t0 = getticks();
	T_EQ(sys_setalarm(t0 + 12, 1), OK);
	T_EQ(tickdelay(4), OK);
	T_EQ(sys_setalarm2(0, 0, &left, NULL), OK);         /* still set: look, then */
	T_TRUE(left >= 6 && left <= 9);
	T_EQ(sys_setalarm(left, 0), OK);              /* set it again */
	T_EQ(ipc_receive(CLOCK, &m, NULL), OK);
	T_TRUE(m.m_notify.timestamp >= t0 + 11 && m.m_notify.timestamp <= t0 + 13);
	T_TRUE(tsc_get_khz() > 0);
	read_tsc_64(&c0);
	T_EQ(micro_delay(2000), OK);                  /* under a tick at HZ 100 */
	read_tsc_64(&c1);
	T_TRUE(c1 - c0 >= (u64_t)2 * tsc_get_khz());
	T_TRUE(micros_to_ticks(1000000) == (u32_t)sys_hz());
	return 0;
}
