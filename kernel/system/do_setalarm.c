/* do_setalarm.c - SYS_SETALARM: arm (or with 0, cancel) the caller's alarm;
 * at the deadline CLOCK notifies it.  Returns the ticks that were left on
 * the previous alarm.
 */
#include "../system.h"
#include "../clock.h"

int do_setalarm(struct proc *caller, message *m)
{
	clock_t exp = m->m_alarm.exp_time;

	if (exp < 0 || (m->m_alarm.abs_time != 0 && m->m_alarm.abs_time != 1))
		return EINVAL;
	m->m_alarm.time_left = caller->p_alarm ?
	    (clock_t)((uint32_t)caller->p_alarm - (uint32_t)uptime) : 0;
	if (exp == 0) {
		clock_set_alarm(caller, 0);
	} else {
		/* Tick arithmetic wraps; 0 means "no alarm", so a deadline that
		 * lands on 0 moves one tick on. */
		clock_t when = m->m_alarm.abs_time ? exp : (clock_t)((uint32_t)uptime + (uint32_t)exp);
		clock_set_alarm(caller, when ? when : 1);
	}
	return OK;
}
