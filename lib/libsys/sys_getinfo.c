/* sys_getinfo.c - SYS_GETINFO and its helpers. */
#include <string.h>
#include <minix/syslib.h>

int sys_getinfo(int request, endpoint_t e, void *ptr, size_t len)
{
	message m = { 0 };

	m.m_getinfo.request = request;
	m.m_getinfo.endpt = e;
	m.m_getinfo.val_ptr = (vir_bytes)ptr;
	m.m_getinfo.val_len = len;
	return _kernel_call(SYS_GETINFO, &m);
}

int sys_getkinfo(struct kinfo *ki)
{
	return sys_getinfo(GET_KINFO, SELF, ki, sizeof(*ki));
}

int sys_getproc(struct proc_info *pi, endpoint_t e)
{
	return sys_getinfo(GET_PROC, e, pi, sizeof(*pi));
}

int sys_getproctab(struct proc_info *tab)
{
	return sys_getinfo(GET_PROCTAB, SELF, tab, NR_SLOTS * sizeof(*tab));
}

int sys_whoami(endpoint_t *who_e, char *who_name, int len)
{
	struct proc_info pi;
	int r = sys_getinfo(GET_WHOAMI, SELF, &pi, sizeof(pi));

	if (r != OK)
		return r;
	*who_e = pi.pi_endpoint;
	if (who_name && len > 0) {
		strncpy(who_name, pi.pi_name, (size_t)len - 1);
		who_name[len - 1] = '\0';
	}
	return OK;
}
