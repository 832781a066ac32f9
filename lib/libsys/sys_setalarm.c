/* sys_setalarm.c - SYS_SETALARM with MINIX's arguments: sys_setalarm2()
 * also says what the previous alarm had left and the tick of the call.
 */
#include <minix/syslib.h>

int sys_setalarm2(clock_t exp_time, int abs_time, clock_t *time_left,
	clock_t *uptime)
{
	message m = { 0 };
	int r;

	m.m_alarm.exp_time = exp_time;
	m.m_alarm.abs_time = abs_time;
	r = _kernel_call(SYS_SETALARM, &m);
	if (r == OK && time_left)
		*time_left = m.m_alarm.time_left;
	if (r == OK && uptime)
		*uptime = getticks();
	return r;
}

int sys_setalarm(clock_t exp_time, int abs_time)
{
	return sys_setalarm2(exp_time, abs_time, NULL, NULL);
}
