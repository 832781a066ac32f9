/* main.c - RS, the reincarnation server: boot and requests.
 *
 * RS is the only process whose privileges come from the kernel.  At boot
 * every other boot process waits, stopped, with no privileges and RS as
 * its signal manager.  RS reads the boot services' .conf text from the
 * data module system.conf (the build puts the .conf files of an image's
 * services together; the kernel copies every module into RS's address
 * space, minix/bootmods.h), installs each service's privileges with
 * SYS_PRIVCTL and its scheduling with SYS_SCHEDCTL, and lets it run, in
 * boot order.  Then it supervises them (manage.c) and answers requests
 * (<minix/rs.h>, the `service` command).  docs/services.md has the story.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "rs.h"

static struct rs_conf confs[NR_CONFS];
static int nr_confs;
static const struct boot_mods *bmods = (const struct boot_mods *)BOOT_MODS_BASE;
int hz;

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* Parse every data module *.conf; -1 if one is bad (it is named). */
static int read_boot_confs(void)
{
	struct rs_conf_error err;
	int i, n;

	for (i = 0; i < bmods->bm_count; i++) {
		const struct boot_mod *m = &bmods->bm[i];
		if (m->bm_endpt != NONE || !has_suffix(m->bm_name, ".conf"))
			continue;
		n = rs_conf_parse((const char *)m->bm_addr, m->bm_size, confs + nr_confs,
		    NR_CONFS - nr_confs, &err);
		if (n < 0) {
			printf("rs: %s:%d: %s\n", m->bm_name, err.line, err.why);
			return -1;
		}
		nr_confs += n;
	}
	return 0;
}

/* Give every boot process its privileges and let it run, in boot order. */
static void start_boot_services(void)
{
	struct rproc *started[NR_SERVICES];
	int i, n = 0;

	for (i = 0; i < bmods->bm_count; i++) {
		const struct boot_mod *m = &bmods->bm[i];
		const struct rs_conf *c;
		struct rproc *rp;
		if (m->bm_endpt == NONE || m->bm_endpt == RS_PROC_NR)
			continue;
		if (!(c = rs_conf_find(confs, nr_confs, m->bm_name))) {
			printf("rs: boot module %s has no .conf: it stays stopped\n", m->bm_name);
			continue;
		}
		if (!(rp = rp_alloc())) {
			printf("rs: too many services, %s stays stopped\n", m->bm_name);
			continue;
		}
		rp->in_use = 1;
		strcpy(rp->label, m->bm_name);
		strncpy(rp->args, m->bm_args, sizeof(rp->args) - 1);
		rp->endpt = m->bm_endpt;
		rp->conf = *c;
		rp->period = c->period;
		rp->img = (const void *)m->bm_addr;
		rp->img_size = m->bm_size;
		started[n++] = rp;
	}
	for (i = 0; i < n; i++)
		if (rs_start_proc(started[i]) != OK)
			started[i]->in_use = 0;
	rs_set_alarm();
}

/* The label of a request, NUL-ended; EINVAL if empty. */
static int req_label(const message *m, char *label)
{
	memcpy(label, m->m_rs.label, RS_LABEL_LEN);
	label[RS_LABEL_LEN - 1] = '\0';
	return label[0] ? OK : EINVAL;
}

static int do_status(message *m)
{
	static struct rs_status st[NR_SERVICES];
	char label[RS_LABEL_LEN];
	clock_t now = rs_now();
	int i, n = 0, one = req_label(m, label) == OK;

	for (i = 0; i < NR_SERVICES; i++) {
		struct rproc *rp = &rproc[i];
		if (!rp->in_use || (one && strcmp(rp->label, label) != 0))
			continue;
		memset(&st[n], 0, sizeof(st[n]));
		strcpy(st[n].label, rp->label);
		st[n].endpt = rp->endpt;
		st[n].restarts = rp->restarts;
		st[n].uptime = rp->endpt == NONE ? 0 : now - rp->started;
		st[n].period = rp->period;
		st[n].next_restart = rp->endpt == NONE ? rp->next_restart : 0;
		strcpy(st[n].last_reason, rp->last_reason);
		n++;
	}
	if (one && n == 0)
		return ESRCH;
	if ((size_t)n * sizeof(st[0]) > m->m_rs.len)
		return ENOSPC;
	if (n && sys_vircopy(SELF, (vir_bytes)st, m->m_source, m->m_rs.buf,
	    (size_t)n * sizeof(st[0]), 0) != OK)
		return EFAULT;
	m->m_rs.value = n;
	return OK;
}

/* RS_UP: the program and its .conf text from the caller's memory. */
static int do_up(message *m)
{
	static char text[4096];
	static struct rs_conf c[4];
	struct rs_conf_error err;
	char label[RS_LABEL_LEN];
	const struct rs_conf *conf;
	struct rproc *rp;
	void *img;
	int n, r;

	if (req_label(m, label) != OK || m->m_rs.len == 0 || m->m_rs.len > RS_IMG_MAX ||
	    m->m_rs.len2 >= sizeof(text) || m->m_rs.args_len >= RS_ARGS_LEN)
		return EINVAL;
	if (rp_by_label(label))
		return EEXIST;
	if (sys_vircopy(m->m_source, m->m_rs.buf2, SELF, (vir_bytes)text, m->m_rs.len2, 0) != OK)
		return EFAULT;
	text[m->m_rs.len2] = '\0';
	if ((n = rs_conf_parse(text, m->m_rs.len2, c, 4, &err)) < 0) {
		/* Tell the caller where and why, over its program buffer. */
		snprintf(text, sizeof(text), "%d: %s", err.line, err.why);
		if (strlen(text) + 1 <= m->m_rs.len)
			sys_vircopy(SELF, (vir_bytes)text, m->m_source, m->m_rs.buf,
			    strlen(text) + 1, 0);
		m->m_rs.value = err.line;
		return EINVAL;
	}
	if (!(conf = rs_conf_find(c, n, label)) && !(n == 1 && (conf = &c[0])))
		return ESRCH;
	if (!(rp = rp_alloc()))
		return ENOSPC;
	if (!(img = rs_img_alloc(rp, m->m_rs.len)))
		return ENOMEM;
	if (sys_vircopy(m->m_source, m->m_rs.buf, SELF, (vir_bytes)img, m->m_rs.len, 0) != OK ||
	    (m->m_rs.args_len && sys_vircopy(m->m_source, m->m_rs.args, SELF,
	    (vir_bytes)rp->args, m->m_rs.args_len, 0) != OK)) {
		rs_img_free(rp, img, m->m_rs.len);
		return EFAULT;
	}
	rp->in_use = 1;
	strcpy(rp->label, label);
	rp->conf = *conf;
	strcpy(rp->conf.label, label);
	rp->period = m->m_rs.value > 0 ? m->m_rs.value : conf->period;
	rp->img = img;
	rp->img_size = m->m_rs.len;
	rp->img_owned = 1;
	if ((r = rs_create(rp, SEF_INIT_FRESH)) != OK) {
		rs_img_free(rp, img, m->m_rs.len);
		rp->in_use = 0;
		return r;
	}
	/* The reply waits for its init's result (RS_INIT_DONE). */
	rp->up_caller = m->m_source;
	rs_set_alarm();
	return EDONTREPLY;
}

/* RS_RAMDISK: the memory driver (label "memory") borrows the boot
 * module *.img (a disk image the build added: its RAM disk), which RS
 * keeps, so that the disk outlives the driver: a grant it may map, made
 * anew for each instance (the last one is revoked).  ENOENT if the image
 * has no *.img module. */
static int do_ramdisk(message *m)
{
	static cp_grant_id_t lent = GRANT_INVALID;
	struct rproc *rp = rp_by_ep(m->m_source);
	const struct boot_mod *img = NULL;
	uint32_t len;
	int i;

	if (!rp || strcmp(rp->label, "memory") != 0)
		return EPERM;
	for (i = 0; i < bmods->bm_count && !img; i++)
		if (bmods->bm[i].bm_endpt == NONE && bmods->bm[i].bm_size &&
		    has_suffix(bmods->bm[i].bm_name, ".img"))
			img = &bmods->bm[i];
	if (!img)
		return ENOENT;
	len = (img->bm_size + 4095) & ~4095u;   /* modules are page-aligned */
	if (lent != GRANT_INVALID)
		cpf_revoke(lent);
	lent = cpf_grant_direct(m->m_source, img->bm_addr, len,
	    CPF_READ | CPF_WRITE | CPF_MAP);
	if (lent == GRANT_INVALID)
		return ENOMEM;
	m->m_rs.buf = (vir_bytes)lent;
	m->m_rs.len = img->bm_size;
	m->m_rs.len2 = len;
	return OK;
}

/* RS_DRIVER_FAULT: a client of driver rp (VFS, or a file system server)
 * saw it break the protocol (an answer to no request) or leave a request
 * unanswered too long: restart it as if it had died.  Only VFS and the
 * file system servers may ask (the root's "ext2", and those mount()
 * starts, labelled "fs_DEV": lib/libposix/mount.c), and DS, which gets
 * the answers a faulty driver sends to the wrong process, about the
 * instance it names (m_rs.endpt); and only about a driver: not about a
 * server, a file system, a user process or itself. */
static int do_driver_fault(message *m, struct rproc *rp)
{
	struct rproc *caller = rp_by_ep(m->m_source);
	char why[RS_REASON_LEN];

	if (m->m_source != VFS_PROC_NR && m->m_source != DS_PROC_NR &&
	    (caller == NULL || !rs_is_fs(caller)))
		return EPERM;
	if (!rs_is_driver(rp) || rp == caller)
		return EPERM;
	if (rp->endpt == NONE || rp->down)
		return ESRCH;		/* not running: nothing to restart */
	if (m->m_source == DS_PROC_NR && m->m_rs.endpt != rp->endpt)
		return ESRCH;		/* that instance is gone already */
	snprintf(why, sizeof(why), "driver fault reported by %s",
	    m->m_source == VFS_PROC_NR ? "vfs" : caller ? caller->label : "ds");
	rs_died(rp, why);
	rs_set_alarm();
	m->m_rs.endpt = rp->endpt;
	return OK;
}

static int do_request(message *m)
{
	char label[RS_LABEL_LEN];
	struct rproc *rp;

	switch (m->m_type) {
	case RS_INIT:
		if (!(rp = rp_by_ep(m->m_source)))
			return ESRCH;
		m->m_rs.value = rp->init_type;
		rp->init_type = SEF_INIT_FRESH;
		return OK;
	case RS_INIT_DONE:	/* value: the init callback's result */
		if (!(rp = rp_by_ep(m->m_source)))
			return ESRCH;
		rs_init_done(rp, m->m_rs.value);
		return rp->endpt == m->m_source ? OK : EDONTREPLY;
	case RS_PONG:		/* a heartbeat's answer (SEF, asynsend) */
		if ((rp = rp_by_ep(m->m_source)))
			rs_pong(rp);
		return EDONTREPLY;
	case RS_RAMDISK:
		return do_ramdisk(m);
	case RS_STATUS:
		return do_status(m);
	case RS_UP:
		return do_up(m);
	}
	if (req_label(m, label) != OK)
		return EINVAL;
	if (!(rp = rp_by_label(label)))
		return ESRCH;
	/* A process RS handed to another manager (init: PM) is not RS's to
	 * stop or restart. */
	if (rp->conf.sigmgr[0] && strcmp(rp->conf.sigmgr, "SELF") != 0)
		return EPERM;
	switch (m->m_type) {
	case RS_DOWN:
		return rs_down(rp, m->m_source);
	case RS_RESTART:
	case RS_REFRESH:
		rs_stop(rp);
		rp->next_restart = 0;
		if (m->m_type == RS_REFRESH)
			rp->backoff = 0;	/* a fresh start: no failure history */
		if (rs_create(rp, SEF_INIT_RESTART) != OK)
			return EGENERIC;
		rp->restarts++;
		m->m_rs.endpt = rp->endpt;
		rs_set_alarm();
		return OK;
	case RS_FI:
		return rs_fi(rp, m);	/* fi.c */
	case RS_DRIVER_FAULT:
		return do_driver_fault(m, rp);
	}
	return ENOSYS;
}

int main(void)
{
	struct rproc *rp;
	message m;
	int r;

	hz = sys_hz();
	rs_img_init();
	if (read_boot_confs() == 0)
		start_boot_services();
	for (;;) {
		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		if (is_notify(m.m_type)) {
			if (m.m_source == SYSTEM)
				rs_do_ksig();
			else if (m.m_source == CLOCK)
				rs_do_timers();
			else if ((rp = rp_by_ep(m.m_source)))
				rs_pong(rp);
			rs_set_alarm();
			continue;
		}
		if ((r = do_request(&m)) == EDONTREPLY)
			continue;
		m.m_type = r;
		ipc_sendnb(m.m_source, &m);
	}
}
