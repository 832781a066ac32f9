/* sys_getinfo.c - SYS_GETINFO with MINIX's arguments, and its shorthands
 * (sys_getkinfo, sys_getproc, sys_getproctab, sys_getmachine, sys_whoami).
 */
#include <string.h>
#include <minix/syslib.h>

/* The size of a request's result, for a val_len of 0 (MINIX's macros pass
 * 0: the kernel knows the size). */
static size_t result_size(int request)
{
	switch (request) {
	case GET_KINFO:     return sizeof(struct kinfo);
	case GET_PROC:
	case GET_WHOAMI:    return sizeof(struct proc_info);
	case GET_PROCTAB:   return NR_SLOTS * sizeof(struct proc_info);
	case GET_GRANTS:    return sizeof(struct grant_table_info);
	case GET_KDIAG:     return KDIAG_TEXT_LEN;
	case GET_MONPARAMS: return 256;
	}
	return 0;
}

int sys_getinfo(int request, void *val_ptr, int val_len, void *val_ptr2,
	int val_len2)
{
	message m = { 0 };

	(void)val_ptr2;
	if (val_len < 0)
		return EINVAL;
	m.m_getinfo.request = request;
	m.m_getinfo.endpt = (request == GET_PROC || request == GET_GRANTS) ?
	    (endpoint_t)val_len2 : SELF;
	m.m_getinfo.val_ptr = (vir_bytes)val_ptr;
	m.m_getinfo.val_len = val_len ? (size_t)val_len : result_size(request);
	return _kernel_call(SYS_GETINFO, &m);
}

int sys_getkinfo(struct kinfo *ki)
{
	return sys_getinfo(GET_KINFO, ki, sizeof(*ki), NULL, 0);
}

int sys_getproc(struct proc_info *pi, endpoint_t e)
{
	return sys_getinfo(GET_PROC, pi, sizeof(*pi), NULL, e);
}

int sys_getproctab(struct proc_info *tab)
{
	return sys_getinfo(GET_PROCTAB, tab, NR_SLOTS * sizeof(*tab), NULL, 0);
}

/* This kernel runs on one processor with the 8259 PICs: nothing to ask. */
int sys_getmachine(struct machine *mp)
{
	if (mp == NULL)
		return EFAULT;
	memset(mp, 0, sizeof(*mp));
	mp->processors_count = 1;
	return OK;
}

int sys_whoami(endpoint_t *who_e, char *who_name, int len, int *priv_flags,
	int *init_flags)
{
	struct proc_info pi;
	int r;

	if (who_e == NULL || (who_name != NULL && len <= 0))
		return EINVAL;
	if ((r = sys_getinfo(GET_WHOAMI, &pi, sizeof(pi), NULL, 0)) != OK)
		return r;
	*who_e = pi.pi_endpoint;
	if (who_name) {
		strncpy(who_name, pi.pi_name, (size_t)len - 1);
		who_name[len - 1] = '\0';
	}
	if (priv_flags)
		*priv_flags = (int)pi.pi_flags;
	if (init_flags)
		*init_flags = 0;
	return OK;
}
