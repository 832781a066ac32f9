/* do_getinfo.c - SYS_GETINFO: kernel facts, one process or the whole table,
 * the caller's own identity.  Results are copied to m_getinfo.val_ptr,
 * which must hold at least the size of the result (val_len).
 */
#include <minix/sysinfo.h>
#include "../system.h"
#include "../memory.h"
#include "../clock.h"
#include "../grant.h"
#include "../exec.h"
#include "../kdiag.h"

static void fill_info(struct proc *p, struct proc_info *pi)
{
	memset(pi, 0, sizeof(*pi));
	pi->pi_endpoint = p->p_endpoint;
	pi->pi_slot = p->p_nr;
	pi->pi_rts_flags = p->p_rts_flags;
	if (isemptyp(p))
		return;
	pi->pi_priority = p->p_priority;
	pi->pi_sig_mgr = p->p_sig_mgr;
	pi->pi_getfrom = p->p_getfrom_e;
	pi->pi_sendto = p->p_sendto_e;
	if ((p->p_misc_flags & MF_REPLY_PEND) && (p->p_rts_flags & RTS_RECEIVING)) {
		pi->pi_reply_pend = 1;
		pi->pi_reply_since = p->p_sendrec_since;
	}
	pi->pi_flags = priv(p)->s_desc.pd_flags;
	pi->pi_user_time = p->p_user_time;
	pi->pi_sys_time = p->p_sys_time;
	pi->pi_grant_table = priv(p)->s_grant_table;
	pi->pi_grant_entries = priv(p)->s_grant_entries;
	memcpy(pi->pi_name, p->p_name, sizeof(pi->pi_name));
}

int do_getinfo(struct proc *caller, message *m)
{
	vir_bytes dst = m->m_getinfo.val_ptr, len = m->m_getinfo.val_len;
	struct proc_info pi;
	struct kinfo ki;
	struct proc *p;
	int r, i;

	switch (m->m_getinfo.request) {
	case GET_KINFO:
		if (len < sizeof(ki))
			return EINVAL;
		memset(&ki, 0, sizeof(ki));
		ki.nr_tasks = NR_TASKS;
		ki.nr_procs = NR_PROCS;
		ki.hz = HZ;
		ki.uptime = uptime;
		frames_count(&ki.frames_free, &ki.frames_total);
		for (p = proc + NR_TASKS; p < proc + NR_SLOTS; p++)
			ki.procs_in_use += !isemptyp(p);
		ki.kdiag_lines = kdiag_lines;
		return copy_to_proc(caller, dst, &ki, sizeof(ki));
	case GET_PROC:
	case GET_WHOAMI:
		p = caller;
		if (m->m_getinfo.request == GET_PROC && m->m_getinfo.endpt != SELF &&
		    (r = isokendpt(m->m_getinfo.endpt, &p)) != OK)
			return r;
		if (len < sizeof(pi))
			return EINVAL;
		fill_info(p, &pi);
		return copy_to_proc(caller, dst, &pi, sizeof(pi));
	case GET_GRANTS: {
		struct grant_table_info gt;
		cp_grant_t g;
		if (len < sizeof(gt))
			return EINVAL;
		if ((r = isokendpt(m->m_getinfo.endpt == SELF ? caller->p_endpoint :
		    m->m_getinfo.endpt, &p)) != OK)
			return r;
		memset(&gt, 0, sizeof(gt));
		gt.gt_table = priv(p)->s_grant_table;
		gt.gt_entries = priv(p)->s_grant_entries;
		gt.gt_mappings = grant_mappings_of(p->p_endpoint);
		for (i = 0; i < gt.gt_entries &&
		    sizeof(gt) + (i + 1) * sizeof(g) <= len; i++) {
			if (copy_from_proc(p, gt.gt_table + i * sizeof(g), &g, sizeof(g)) != OK)
				return EFAULT;
			if (copy_to_proc(caller, dst + sizeof(gt) + i * sizeof(g), &g, sizeof(g)) != OK)
				return EFAULT;
		}
		gt.gt_copied = i;
		return copy_to_proc(caller, dst, &gt, sizeof(gt));
	}
	case GET_MONPARAMS:
		if (len < sizeof(kernel_cmdline))
			return EINVAL;
		return copy_to_proc(caller, dst, kernel_cmdline, sizeof(kernel_cmdline));
	case GET_KDIAG:
		if (len < KDIAG_TEXT_LEN)
			return EINVAL;
		return copy_to_proc(caller, dst, kdiag_last, KDIAG_TEXT_LEN);
	case GET_PROCTAB:
		if (len < NR_SLOTS * sizeof(pi))
			return EINVAL;
		if (user_writable(caller, dst, NR_SLOTS * sizeof(pi)) != OK)
			return EFAULT;
		for (i = 0; i < NR_SLOTS; i++) {
			fill_info(&proc[i], &pi);
			copy_to_proc(caller, dst + i * sizeof(pi), &pi, sizeof(pi));
		}
		return OK;
	}
	return EINVAL;
}
