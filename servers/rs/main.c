/* main.c - RS, the reincarnation server.
 *
 * RS is the only process whose privileges come from the kernel.  At boot
 * every other boot process waits, stopped, with no privileges and RS as
 * its signal manager.  RS reads the boot services' .conf text from the
 * data module system.conf (the build puts the .conf files of an image's
 * services together; the kernel copies every module into RS's address
 * space, minix/bootmods.h), installs each service's privileges with
 * SYS_PRIVCTL and its scheduling with SYS_SCHEDCTL, and lets it run, in
 * boot order.  Then it waits for the kernel's news of the services it
 * manages.  docs/services.md has the whole story.
 */
#include <stdio.h>
#include <string.h>
#include "rs.h"

struct rproc rproc[NR_SERVICES];
static struct rs_conf confs[NR_CONFS];
static int nr_confs;
static const struct boot_mods *bmods = (const struct boot_mods *)BOOT_MODS_BASE;
static int hz;

struct rproc *rp_by_ep(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_SERVICES; i++)
		if (rproc[i].in_use && rproc[i].endpt == ep)
			return &rproc[i];
	return NULL;
}

struct rproc *rp_by_label(const char *label)
{
	int i;

	for (i = 0; i < NR_SERVICES; i++)
		if (rproc[i].in_use && strcmp(rproc[i].label, label) == 0)
			return &rproc[i];
	return NULL;
}

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

/* The kernel task named by an upper-case IPC target, or NONE. */
static endpoint_t task_by_name(const char *name)
{
	static const struct { const char *name; endpoint_t ep; } tasks[] = {
		{ "SYSTEM", SYSTEM }, { "CLOCK", CLOCK }, { "KERNEL", KERNEL },
		{ "HARDWARE", HARDWARE }, { "IDLE", IDLE }, { "ASYNCM", ASYNCM },
	};
	size_t i;

	for (i = 0; i < sizeof(tasks) / sizeof(tasks[0]); i++)
		if (strcmp(tasks[i].name, name) == 0)
			return tasks[i].ep;
	return NONE;
}

/* The endpoint a label names now: a service of ours, or RS. */
static endpoint_t ep_by_label(const char *label)
{
	struct rproc *rp;

	if (strcmp(label, "rs") == 0)
		return RS_PROC_NR;
	rp = rp_by_label(label);
	return rp ? rp->endpt : NONE;
}

#define IPC_BIT(d, ep) PD_SET((d)->pd_ipc_to, _ENDPOINT_P(ep) + NR_TASKS)

/* The privileges a .conf gives; EINVAL if its signal manager is not
 * running.  IPC targets that are not running are left out, as in MINIX. */
int rs_priv_desc(const struct rs_conf *c, struct priv_desc *d)
{
	int i;

	rs_conf_desc(c, d);
	switch (c->ipc_mode) {
	case RS_IPC_ALL:
		memset(d->pd_ipc_to, 0xff, sizeof(d->pd_ipc_to));
		break;
	case RS_IPC_ALL_SYS:
		for (i = 0; i < NR_TASKS; i++)
			PD_SET(d->pd_ipc_to, i);
		for (i = 0; i < NR_BOOT_SLOTS; i++)
			PD_SET(d->pd_ipc_to, i + NR_TASKS);
		IPC_BIT(d, RS_PROC_NR);
		for (i = 0; i < NR_SERVICES; i++)
			if (rproc[i].in_use && rproc[i].endpt != NONE)
				IPC_BIT(d, rproc[i].endpt);
		break;
	}
	for (i = 0; i < c->nr_ipc; i++) {
		endpoint_t ep = task_by_name(c->ipc[i]);
		if (ep == NONE)
			ep = ep_by_label(c->ipc[i]);
		if (ep != NONE)
			IPC_BIT(d, ep);
	}
	if (c->sigmgr[0] && strcmp(c->sigmgr, "SELF") != 0 &&
	    (d->pd_sig_mgr = ep_by_label(c->sigmgr)) == NONE)
		return EINVAL;
	return OK;
}

/* Install rp's privileges and scheduling, and let it run.  RS manages it
 * while it does so; a .conf that names another signal manager (init:
 * pm) hands it over last. */
int rs_start_proc(struct rproc *rp)
{
	const struct rs_conf *c = &rp->conf;
	struct priv_desc d;
	endpoint_t mgr;
	int r, quantum = 0;

	if ((r = rs_priv_desc(c, &d)) != OK) {
		printf("rs: %s: signal manager '%s' is not running\n", rp->label, c->sigmgr);
		return r;
	}
	if (c->quantum)
		quantum = c->quantum * hz / 1000 ? c->quantum * hz / 1000 : 1;
	mgr = d.pd_sig_mgr;
	d.pd_sig_mgr = SELF;
	if ((r = sys_privctl(rp->endpt, SYS_PRIV_SET_SYS, &d)) != OK ||
	    (r = sys_schedctl(SCHEDCTL_FLAG_KERNEL, rp->endpt, c->priority, quantum, 0)) != OK ||
	    (r = sys_privctl(rp->endpt, SYS_PRIV_ALLOW, NULL)) != OK ||
	    (mgr != SELF && (d.pd_sig_mgr = mgr,
	    r = sys_privctl(rp->endpt, SYS_PRIV_SET_SYS, &d)) != OK)) {
		printf("rs: %s (endpoint %d) cannot start: error %d\n", rp->label, rp->endpt, r);
		return r;
	}
	getticks(&rp->started);
	return OK;
}

/* Give every boot process its privileges and let it run, in boot order. */
static void start_boot_services(void)
{
	int i, slot = 0;

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
		if (slot == NR_SERVICES) {
			printf("rs: too many services, %s stays stopped\n", m->bm_name);
			continue;
		}
		rp = &rproc[slot++];
		rp->in_use = 1;
		strcpy(rp->label, m->bm_name);
		rp->endpt = m->bm_endpt;
		rp->conf = *c;
		rp->boot_mod = i;
	}
	for (i = 0; i < slot; i++)
		if (rs_start_proc(&rproc[i]) != OK)
			rproc[i].in_use = 0;
}

/* The kernel's news: a service of ours got a signal (a fault, or a kill). */
static void do_ksig(void)
{
	struct rproc *rp;
	endpoint_t who;
	int sigs;

	while (sys_getksig(&who, &sigs) == OK && who != NONE) {
		rp = rp_by_ep(who);
		printf("rs: %s (endpoint %d) stopped by signal mask %#x; removed\n",
		    rp ? rp->label : "?", who, sigs);
		if (rp) {
			snprintf(rp->last_reason, sizeof(rp->last_reason), "signal mask %#x", sigs);
			rp->endpt = NONE;
		}
		sys_clear(who);
	}
}

int main(void)
{
	message m;

	hz = sys_hz();
	if (read_boot_confs() == 0)
		start_boot_services();
	for (;;) {
		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		if (is_notify(m.m_type)) {
			if (m.m_source == SYSTEM)
				do_ksig();
			continue;
		}
		m.m_type = ENOSYS;
		ipc_sendnb(m.m_source, &m);
	}
}
