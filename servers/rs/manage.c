/* manage.c - RS's care of its services: installing privileges, creating
 * an instance from the program RS keeps in memory, the kernel's news of
 * a death (exit, panic, fault), heartbeats, and restarts with backoff.
 *
 * Restart rule: a service that dies is restarted at once the first time;
 * if it dies again before it has run RESTART_HEALTHY ticks, each restart
 * waits twice as long as the one before, from RESTART_BASE up to
 * RESTART_MAX.  A service that answers no heartbeat for two periods in a
 * row is taken as hung: RS removes it and restarts it the same way.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <minix/ds.h>
#include "rs.h"

#define RESTART_BASE    (hz / 10)      /* 100 ms */
#define RESTART_MAX     (hz * 32 / 10) /* 3.2 s */
#define RESTART_HEALTHY (hz * 5)       /* 5 s of life resets the backoff */
#define FS_REPLY_TIMEOUT (hz * 5)      /* VFS's BDEV_TIMEOUT, for file systems */
#define IPC_BIT(d, ep)  PD_SET((d)->pd_ipc_to, _ENDPOINT_P(ep) + NR_TASKS)

struct rproc rproc[NR_SERVICES];

/* The program of a service started with RS_UP: pages of its own at a
 * fixed place per table slot, given back whole when it goes (the heap
 * would keep them). */
void *rs_img_alloc(struct rproc *rp, size_t len)
{
	vir_bytes addr = RS_IMG_BASE + (vir_bytes)(rp - rproc) * RS_IMG_MAX;

	if (len == 0 || len > RS_IMG_MAX ||
	    sys_vmctl(SELF, VMCTL_ALLOC, addr, (len + 4095) & ~(size_t)4095) != OK)
		return NULL;
	return (void *)addr;
}

/* The page tables of those places exist from the start, so that a
 * service's coming and going leaves RS's memory as it was. */
void rs_img_init(void)
{
	int i;

	for (i = 0; i < NR_SERVICES; i++) {
		vir_bytes addr = RS_IMG_BASE + (vir_bytes)i * RS_IMG_MAX;
		if (sys_vmctl(SELF, VMCTL_ALLOC, addr, 4096) == OK)
			sys_vmctl(SELF, VMCTL_FREE, addr, 4096);
	}
}

void rs_img_free(struct rproc *rp, const void *img, size_t len)
{
	(void)rp;
	sys_vmctl(SELF, VMCTL_FREE, (vir_bytes)img, (len + 4095) & ~(size_t)4095);
}

clock_t rs_now(void)
{
	clock_t t = 0;

	t = getticks();
	return t;
}

struct rproc *rp_by_ep(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_SERVICES; i++)
		if (rproc[i].in_use && rproc[i].endpt == ep && ep != NONE)
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

struct rproc *rp_alloc(void)
{
	int i;

	for (i = 0; i < NR_SERVICES; i++)
		if (!rproc[i].in_use) {
			memset(&rproc[i], 0, sizeof(rproc[i]));
			rproc[i].endpt = NONE;
			rproc[i].down_caller = NONE;
			rproc[i].up_caller = NONE;
			return &rproc[i];
		}
	return NULL;
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

/* The privileges a .conf gives; EINVAL if its signal manager is not
 * running.  IPC targets that are not running are left out, as in MINIX. */
static int priv_desc(const struct rs_conf *c, struct priv_desc *d)
{
	int i;

	rs_conf_desc(c, d);
	if (!(c->flags & RSF_USER))
		d->pd_flags |= SUPERVISED;
	switch (c->ipc_mode) {
	case RS_IPC_ALL:
		memset(d->pd_ipc_to, 0xff, sizeof(d->pd_ipc_to));
		break;
	case RS_IPC_ALL_SYS:
		for (i = 0; i < NR_TASKS; i++)
			PD_SET(d->pd_ipc_to, i);
		for (i = 0; i < NR_BOOT_SLOTS; i++)
			PD_SET(d->pd_ipc_to, i + NR_TASKS);
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

	if ((r = priv_desc(c, &d)) != OK) {
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
	/* Its label names the new endpoint in DS (clients subscribed to it
	 * learn of the restart); DS itself is running by now. */
	if ((r = ds_publish_label(rp->label, rp->endpt, DSF_OVERWRITE)) != OK)
		printf("rs: %s: cannot publish its label in DS: error %d\n", rp->label, r);
	rp->started = rs_now();
	rp->ping_out = rp->missed = 0;
	rp->next_ping = rp->period ? rp->started + rp->period : 0;
	return OK;
}

/* rp runs under a new endpoint: the services RS manages whose .conf lets
 * them send to it (by label, or ALL_SYS) get their IPC masks again. */
static void refresh_ipc(const struct rproc *rp)
{
	struct priv_desc d;
	int i, j, names;

	for (i = 0; i < NR_SERVICES; i++) {
		const struct rproc *o = &rproc[i];
		if (!o->in_use || o == rp || o->endpt == NONE ||
		    (o->conf.sigmgr[0] && strcmp(o->conf.sigmgr, "SELF") != 0))
			continue;
		for (j = 0, names = o->conf.ipc_mode == RS_IPC_ALL_SYS; j < o->conf.nr_ipc; j++)
			names |= strcmp(o->conf.ipc[j], rp->label) == 0;
		if (!names || priv_desc(&o->conf, &d) != OK)
			continue;
		d.pd_sig_mgr = SELF;
		sys_privctl(o->endpt, SYS_PRIV_SET_SYS, &d);
	}
}

/* Build the argument block of "label args" for SYS_EXEC at the top of the
 * new stack: argc, argv[], NULL, envp NULL, the strings. */
static size_t build_frame(const struct rproc *rp, uint32_t *frame, size_t size)
{
	char words[RS_LABEL_LEN + RS_ARGS_LEN + 1], *s;
	char *argv[(RS_LABEL_LEN + RS_ARGS_LEN) / 2 + 2];	/* any word count */
	size_t len = 0, i;
	int argc = 0;
	uint32_t base;
	char *str;

	snprintf(words, sizeof(words), "%s %s", rp->label, rp->args);
	for (s = strtok(words, " "); s; s = strtok(NULL, " "))
		argv[argc++] = s;
	for (i = 0; i < (size_t)argc; i++)
		len += strlen(argv[i]) + 1;
	len += (size_t)(argc + 3) * 4;
	len = (len + 3) & ~(size_t)3;
	if (len > size)
		return 0;
	base = (USER_STACK_TOP - len) & ~15u;
	frame[0] = (uint32_t)argc;
	str = (char *)&frame[argc + 3];
	for (i = 0; i < (size_t)argc; i++) {
		frame[1 + i] = base + (uint32_t)(str - (char *)frame);
		strcpy(str, argv[i]);
		str += strlen(argv[i]) + 1;
	}
	frame[1 + argc] = 0;
	frame[2 + argc] = 0;
	return len;
}

/* A new instance of rp from the program RS keeps: a stopped, empty copy
 * of RS (PFF_EMPTY: none of RS's memory) that SYS_EXEC fills with the
 * service; then its privileges. */
int rs_create(struct rproc *rp, int init_type)
{
	static uint32_t frame[64];
	endpoint_t child;
	size_t flen;
	int r;

	if (!(flen = build_frame(rp, frame, sizeof(frame))))
		return E2BIG;
	if ((r = sys_fork(PFF_STOPPED | PFF_EMPTY, &child)) != OK)
		return r;
	if ((r = sys_exec(child, rp->img, rp->img_size, frame, flen, rp->label, NULL)) != OK) {
		sys_clear(child);
		return r;
	}
	rp->endpt = child;
	rp->init_type = init_type;
	if ((r = rs_start_proc(rp)) != OK) {
		sys_clear(child);
		rp->endpt = NONE;
		return r;
	}
	refresh_ipc(rp);
	return OK;
}

/* Try a restart now; on failure, try again after the next backoff. */
static void restart(struct rproc *rp)
{
	int r;

	rp->next_restart = 0;
	if ((r = rs_create(rp, SEF_INIT_RESTART)) == OK) {
		rp->restarts++;
		printf("rs: %s restarted (endpoint %d)\n", rp->label, rp->endpt);
		return;
	}
	snprintf(rp->last_reason, sizeof(rp->last_reason), "restart failed: error %d", r);
	rp->next_restart = rs_now() + RESTART_MAX;
}

/* Remove rp's current instance.  The frames it held for DMA pass to RS
 * (the kernel does that for a SUPERVISED process): RS gives them back
 * when the next instance says it has reset the device (RS_INIT_DONE), or
 * when the service goes down for good. */
static void remove_instance(struct rproc *rp)
{
	int i;

	if (rp->endpt == NONE)
		return;
	sys_clear(rp->endpt);
	if (rp->conf.flags & RSF_DMA) {
		for (i = 0; i < 4 && rp->dma_from[i]; i++)
			;
		if (i == 4) {	/* keep the newest four */
			sys_vumap_release_from(rp->dma_from[0]);
			memmove(rp->dma_from, rp->dma_from + 1, 3 * sizeof(rp->dma_from[0]));
			i = 3;
		}
		rp->dma_from[i] = rp->endpt;
	}
	rp->endpt = NONE;
	rp->next_ping = 0;
}

/* Give back the DMA holds of rp's dead instances. */
void rs_release_dma(struct rproc *rp)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (rp->dma_from[i])
			sys_vumap_release_from(rp->dma_from[i]);
		rp->dma_from[i] = 0;
	}
}

/* Answer the `service up` that waits for rp's first init: result (OK,
 * the init callback's error, or EGENERIC if it died first). */
void rs_up_reply(struct rproc *rp, int result)
{
	message m;

	if (rp->up_caller == NONE)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = result;
	m.m_rs.endpt = result == OK ? rp->endpt : NONE;
	if (result != OK)	/* for `service`: -1 its init failed, -2 it died */
		m.m_rs.value = result == EGENERIC ? -2 : -1;
	ipc_sendnb(rp->up_caller, &m);
	rp->up_caller = NONE;
}

/* RS_INIT_DONE: rp's init callback returned result.  A failed first
 * start (`service up` waits) fails the request and the service is
 * removed, not restarted (MINIX's); a failed restart is a death. */
void rs_init_done(struct rproc *rp, int result)
{
	rs_release_dma(rp);
	if (result == OK) {
		rs_up_reply(rp, OK);
		return;
	}
	printf("rs: %s: init failed: %d\n", rp->label, result);
	if (rp->up_caller != NONE) {
		rs_up_reply(rp, result);
		rp->down = 1;
		rp->down_caller = NONE;
	}
	rs_died(rp, "init failed");
}

/* rp is gone (its process is removed) because of why: restart it, at
 * once or after its backoff; a service taken down stays down, and so
 * does one that died in its first init (`service up` fails). */
void rs_died(struct rproc *rp, const char *why)
{
	clock_t now = rs_now(), delay;

	remove_instance(rp);
	if (rp->up_caller != NONE) {
		printf("rs: %s died in its init: %s\n", rp->label, why);
		rs_up_reply(rp, EGENERIC);
		rp->down = 1;
		rp->down_caller = NONE;
	}
	if (rp->down) {
		ds_delete_label(rp->label);
		rs_release_dma(rp);
		if (rp->img_owned)
			rs_img_free(rp, rp->img, rp->img_size);
		rp->in_use = 0;
		if (rp->down_caller != NONE) {
			message m;
			memset(&m, 0, sizeof(m));
			m.m_type = OK;
			ipc_sendnb(rp->down_caller, &m);
		}
		return;
	}
	strncpy(rp->last_reason, why, sizeof(rp->last_reason) - 1);
	rp->last_reason[sizeof(rp->last_reason) - 1] = '\0';
	printf("rs: %s died: %s\n", rp->label, why);
	if (now - rp->started >= RESTART_HEALTHY)
		rp->backoff = 0;
	delay = rp->backoff ? RESTART_BASE << (rp->backoff - 1) : 0;
	if (delay > RESTART_MAX)
		delay = RESTART_MAX;
	else
		rp->backoff++;
	if (delay == 0)
		restart(rp);
	else
		rp->next_restart = now + delay;
}

/* RS_DOWN: ask the service to end (SIGTERM through SEF: its signal
 * handler, or by default an exit) and answer caller once it is gone, or
 * after DOWN_GRACE ticks, when RS removes it. */
#define DOWN_GRACE hz
int rs_down(struct rproc *rp, endpoint_t caller)
{
	message m;

	if (rp->down)
		return EBUSY;
	rp->down = 1;
	rp->down_caller = caller;
	if (rp->endpt == NONE) {	/* waiting for its backoff */
		rs_died(rp, "down");
		return EDONTREPLY;
	}
	memset(&m, 0, sizeof(m));
	m.m_type = SEF_SIGNAL;
	m.m_rs.value = 15;		/* SIGTERM */
	if (asynsend(rp->endpt, &m) != OK) {
		rs_died(rp, "down");
		return EDONTREPLY;
	}
	rp->down_deadline = rs_now() + DOWN_GRACE;
	rp->next_ping = 0;
	rs_set_alarm();
	return EDONTREPLY;
}

/* Stop rp's current instance (RS_RESTART). */
void rs_stop(struct rproc *rp)
{
	remove_instance(rp);
}

static const char *sig_name(int sig)
{
	switch (sig) {
	case 4: return "SIGILL";
	case 5: return "SIGTRAP";
	case 8: return "SIGFPE";
	case 9: return "SIGKILL";
	case 11: return "SIGSEGV";
	case 15: return "SIGTERM";
	}
	return "signal";
}

/* Why a process stopped, from its kernel signal mask. */
static void ksig_reason(endpoint_t who, int sigs, int status, vir_bytes why,
	vir_bytes pc, char *buf, size_t len)
{
	char text[RS_REASON_LEN];
	int sig;

	if (sigs & (1 << KSIG_EXIT)) {
		if (why && sys_vircopy(who, why, SELF, (vir_bytes)text, sizeof(text), 0) == OK) {
			text[sizeof(text) - 1] = '\0';
			snprintf(buf, len, "panic: %s", text);
		} else {
			snprintf(buf, len, "exited with status %d", status);
		}
		return;
	}
	for (sig = 1; sig < 32 && !(sigs & (1 << sig)); sig++)
		;
	snprintf(buf, len, "%s (%d) at eip 0x%x", sig_name(sig), sig, (unsigned)pc);
}

/* The kernel's news of the services we manage: an exit, a panic, a fault
 * or a signal.  Each is removed, and restarted. */
void rs_do_ksig(void)
{
	char why[RS_REASON_LEN];
	struct rproc *rp;
	endpoint_t who;
	vir_bytes wp, pc;
	int sigs, status;

	while (sys_getksig_info(&who, &sigs, &status, &wp, &pc) == OK && who != NONE) {
		ksig_reason(who, sigs, status, wp, pc, why, sizeof(why));
		if (!(rp = rp_by_ep(who))) {
			sys_clear(who);
			continue;
		}
		rs_died(rp, why);
	}
}

/* A file system server: the root's "ext2", or one mount() started,
 * labelled "fs_DEV" (lib/libposix/mount.c). */
int rs_is_fs(const struct rproc *rp)
{
	return strcmp(rp->label, "ext2") == 0 || strncmp(rp->label, "fs_", 3) == 0;
}

/* A driver: a system service that is neither a server nor a file system,
 * which RS may restart when a client shows it broken. */
int rs_is_driver(const struct rproc *rp)
{
	static const char *const servers[] = { "ds", "pm", "vfs", "init" };
	unsigned i;

	if ((rp->conf.flags & RSF_USER) || rs_is_fs(rp))
		return 0;
	for (i = 0; i < sizeof(servers) / sizeof(servers[0]); i++)
		if (strcmp(rp->label, servers[i]) == 0)
			return 0;
	return 1;
}

/* A file system server sends its block requests with SENDREC and waits
 * in the kernel, where no deadline of its own reaches it: RS holds its
 * driver to the deadline VFS holds block drivers to (docs/vfs.md).  A
 * file system waiting for a driver's answer longer than FS_REPLY_TIMEOUT
 * means a driver that is alive (its heartbeats are answered) but lost
 * the request: it is restarted, and the file system, its SENDREC ended
 * with EDEADSRCDST, sends the request to the new instance. */
static void check_fs_waits(clock_t now)
{
	char why[RS_REASON_LEN];
	struct proc_info pi;
	struct rproc *drv;
	int i;

	for (i = 0; i < NR_SERVICES; i++) {
		struct rproc *rp = &rproc[i];
		if (!rp->in_use || rp->endpt == NONE || !rs_is_fs(rp) ||
		    sys_getproc(&pi, rp->endpt) != OK || !pi.pi_reply_pend ||
		    now - pi.pi_reply_since < FS_REPLY_TIMEOUT)
			continue;
		if ((drv = rp_by_ep(pi.pi_getfrom)) == NULL || drv->down ||
		    !rs_is_driver(drv))
			continue;
		snprintf(why, sizeof(why), "a request of %s unanswered in time",
		    rp->label);
		rs_died(drv, why);
	}
}

/* Heartbeats and restarts that are due. */
void rs_do_timers(void)
{
	clock_t now = rs_now();
	int i;

	for (i = 0; i < NR_SERVICES; i++) {
		struct rproc *rp = &rproc[i];
		if (!rp->in_use)
			continue;
		if (rp->endpt == NONE && rp->next_restart && now >= rp->next_restart) {
			restart(rp);
			continue;
		}
		if (rp->down && rp->down_deadline && now >= rp->down_deadline) {
			rs_died(rp, "down");
			continue;
		}
		if (rp->endpt == NONE || !rp->next_ping || now < rp->next_ping)
			continue;
		if (rp->ping_out && ++rp->missed >= 2) {
			rs_died(rp, "hung: no heartbeat reply");
			continue;
		}
		rp->ping_out = 1;
		ipc_notify(rp->endpt);
		rp->next_ping = now + rp->period;
	}
	check_fs_waits(now);
	rs_set_alarm();
}

/* A heartbeat reply (RS_PONG from SEF, or a NOTIFY from the service). */
void rs_pong(struct rproc *rp)
{
	rp->ping_out = 0;
	rp->missed = 0;
}

/* The alarm for the earliest heartbeat or restart due. */
void rs_set_alarm(void)
{
	clock_t next = 0;
	int i;

	for (i = 0; i < NR_SERVICES; i++) {
		struct rproc *rp = &rproc[i];
		clock_t t = rp->endpt == NONE ? rp->next_restart :
		    rp->down ? rp->down_deadline : rp->next_ping;
		if (rp->in_use && t && (!next || t < next))
			next = t;
	}
	sys_setalarm(next, 1);
}
