/* sys_times.c - SYS_TIMES and the helpers built on it. */
#include <minix/syslib.h>
#include <minix/sysutil.h>

static int times_call(endpoint_t e, message *m)
{
	m->m_times.endpt = e;
	return _kernel_call(SYS_TIMES, m);
}

int sys_times(endpoint_t proc_ep, clock_t *user_time, clock_t *sys_time,
	clock_t *uptime, time_t *boottime)
{
	message m = { 0 };
	int r = times_call(proc_ep, &m);

	if (r != OK)
		return r;
	if (user_time) *user_time = m.m_times.user_time;
	if (sys_time) *sys_time = m.m_times.system_time;
	if (uptime) *uptime = m.m_times.boot_ticks;
	if (boottime) *boottime = m.m_times.boot_time;
	return OK;
}

clock_t getticks(void)
{
	clock_t t = 0;

	sys_times(SELF, NULL, NULL, &t, NULL);
	return t;
}

/* MINIX's getuptime: ticks since boot; realtime is the same count here
 * (there is no separate monotonic/real split); boottime in seconds. */
int getuptime(clock_t *ticks, clock_t *realtime, time_t *boottime)
{
	clock_t t;
	int r = sys_times(SELF, NULL, NULL, &t, boottime);

	if (r == OK) {
		if (ticks) *ticks = t;
		if (realtime) *realtime = t;
	}
	return r;
}

int sys_hz(void)
{
	message m = { 0 };

	return times_call(SELF, &m) == OK ? m.m_times.hz : 100;
}
