/* sys_setgrant.c - SYS_SETGRANT: register the caller's grant table. */
#include <minix/syslib.h>

/* The kernel remembers only the address and the entry count; it reads the
 * entries from the caller's memory whenever a grant is used. */
int sys_setgrant(cp_grant_t *grants, int ngrants)
{
	message m = { 0 };

	m.m_setgrant.addr = (vir_bytes)grants;
	m.m_setgrant.size = ngrants;
	return _kernel_call(SYS_SETGRANT, &m);
}
