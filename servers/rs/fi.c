/* fi.c - RS's fault injector (RS_FI; `service fi`; docs/fault-injection.md).
 *
 * A fault is chosen from the service's pristine program, the copy RS
 * keeps to restart it (swifi.c: a pure function of seed, type and index),
 * and applied to the running instance: text and data faults with
 * SYS_FIPATCH, which writes to the instance's own copy of the page (so a
 * restart from RS's copy brings the original bytes back), the others as
 * a SEF_FI message that arms a hook in the service's SEF (lib/libsys/
 * sef.c).  What changed goes to the console and to the caller as a
 * struct fi_log.  Only RS holds SYS_FIPATCH, and only for the processes
 * it manages.
 */
#include <stdio.h>
#include <string.h>
#include "rs.h"
#include "swifi.h"

/* FI_OP_READ: bytes of the instance, for the caller to check a patch. */
static int fi_read(struct rproc *rp, message *m)
{
	static uint8_t buf[FIPATCH_READ_MAX];
	mess_rs_fi *f = &m->m_rs_fi;
	int r;

	if (f->len == 0 || f->len > sizeof(buf))
		return EINVAL;
	if ((r = sys_fipatch(rp->endpt, FIPATCH_READ, f->addr, buf, f->len)) != OK)
		return r;
	return sys_vircopy(SELF, (vir_bytes)buf, m->m_source, f->buf, f->len, 0);
}

/* A SEF fault: a message that arms the service's hook. */
static int fi_sef(struct rproc *rp, const struct fi_log *log)
{
	message fi;

	memset(&fi, 0, sizeof(fi));
	fi.m_type = SEF_FI;
	fi.m_rs.value = log->type;
	fi.m_rs.len = log->value;
	return asynsend(rp->endpt, &fi);
}

int rs_fi(struct rproc *rp, message *m)
{
	static struct fi_log log;
	mess_rs_fi *f = &m->m_rs_fi;
	struct fi_target t;
	int r;

	if (rp->endpt == NONE)
		return ESRCH;
	if (f->op == FI_OP_READ)
		return fi_read(rp, m);
	if (f->op != FI_OP_INJECT && f->op != FI_OP_PLAN)
		return EINVAL;
	if (f->type < 0 || f->type >= FI_NTYPES)
		return EINVAL;
	if ((r = fi_elf_target(rp->img, rp->img_size, &t)) != OK)
		return r;
	if ((r = fi_choose(&t, f->type, f->seed, f->index, f->addr, &log)) != OK)
		return r;
	log.endpt = rp->endpt;
	/* The bytes as they are now (data changes; text may carry a fault). */
	if (log.len && (r = sys_fipatch(rp->endpt, FIPATCH_READ, log.addr, log.old,
	    (size_t)log.len)) != OK)
		return r;
	fi_format(&log, rp->label);
	if (f->op == FI_OP_INJECT) {
		if (log.len)
			r = sys_fipatch(rp->endpt, FIPATCH_WRITE, log.addr, log.new, (size_t)log.len);
		else
			r = fi_sef(rp, &log);
		if (r != OK)
			return r;
		printf("rs: %s\n", log.text);
	}
	f->addr = log.addr;
	if (f->buf && f->len >= sizeof(log) &&
	    sys_vircopy(SELF, (vir_bytes)&log, m->m_source, f->buf, sizeof(log), 0) != OK)
		return EFAULT;
	return OK;
}
