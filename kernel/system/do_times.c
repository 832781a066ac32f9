/* do_times.c - SYS_TIMES: process times, uptime, boot time and HZ. */
#include "../system.h"
#include "../clock.h"

int do_times(struct proc *caller, message *m)
{
	struct proc *p = caller;
	int r;

	if (m->m_times.endpt != SELF && m->m_times.endpt != NONE &&
	    (r = isokendpt(m->m_times.endpt, &p)) != OK)
		return r;
	m->m_times.user_time = p->p_user_time;
	m->m_times.system_time = p->p_sys_time;
	m->m_times.boot_ticks = uptime;
	m->m_times.boot_time = boot_time;
	m->m_times.hz = HZ;
	return OK;
}
