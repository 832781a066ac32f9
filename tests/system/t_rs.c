/* t_rs.c - supervision and restart by RS, with the fitest service
 * (tests/fitest): `service fi` makes it crash at its next request; a
 * panic, an exit and a hang reach RS with their reason; each time it
 * comes back under its label with a new endpoint, is usable, sees
 * SEF_INIT_RESTART, and RS's status shows the restart and the reason.  A
 * service that crashes at every start is restarted with backoff.
 */
#include <minix/rs.h>
#include <minix/sef.h>
#include <minix/ds.h>
#include "t.h"
#include "../fitest/fitest.h"

static int rs_call(int type, const char *label, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	strncpy(m->m_rs.label, label, sizeof(m->m_rs.label) - 1);
	if (ipc_sendrec(RS_PROC_NR, m) != OK)
		return EGENERIC;
	return m->m_type;
}

static int status(struct rs_status *st)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_STATUS;
	strcpy(m.m_rs.label, "fitest");
	m.m_rs.buf = (vir_bytes)st;
	m.m_rs.len = sizeof(*st);
	if (ipc_sendrec(RS_PROC_NR, &m) != OK)
		return EGENERIC;
	return m.m_type == OK && m.m_rs.value != 1 ? EGENERIC : m.m_type;
}

static int fit_starts;	/* the count fitest keeps in DS, from the last ping */

/* One request to fitest: its reply's m_type, or the IPC error. */
static int fit(endpoint_t ep, int type, int *start_type)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if ((r = ipc_sendrec(ep, &m)) != OK)
		return r;
	if (start_type)
		*start_type = (int)m.m_u32.data[0];
	fit_starts = (int)m.m_u32.data[1];
	return m.m_type;
}

static endpoint_t current(void)
{
	endpoint_t ep;

	return ds_retrieve_label_endpt("fitest", &ep) == OK ? ep : NONE;
}

/* Wait (up to ticks) until fitest runs as another endpoint than old and
 * answers; its endpoint, or NONE. */
static endpoint_t wait_new(endpoint_t old, int ticks)
{
	clock_t end = t_now() + ticks;
	endpoint_t ep;

	while (t_now() < end) {
		ep = current();
		if (ep != NONE && ep != old && fit(ep, FIT_PING, NULL) == OK)
			return ep;
		t_sleep(1);
	}
	return NONE;
}

/* Crash fitest with request how (sent with SENDREC: the reply never
 * comes, the call ends with EDEADSRCDST); check it comes back with one
 * more restart and the reason. */
static int crash_and_back(int how, const char *reason, size_t reason_len)
{
	struct rs_status st0, st;
	endpoint_t ep0, ep1;
	int type;

	T_TRUE((ep0 = current()) != NONE);
	T_EQ(status(&st0), OK);
	T_EQ(st0.endpt, ep0);
	T_EQ(fit(ep0, how, NULL), EDEADSRCDST);
	T_TRUE((ep1 = wait_new(ep0, 5 * sys_hz())) != NONE);
	T_TRUE(ep1 != ep0);
	T_EQ(fit(ep1, FIT_PING, &type), OK);
	T_EQ(type, SEF_INIT_RESTART);
	T_EQ(status(&st), OK);
	T_EQ(st.endpt, ep1);
	T_EQ(st.restarts, st0.restarts + 1);
	if (strncmp(st.last_reason, reason, reason_len) != 0)
		T_FAIL("reason \"%s\"", st.last_reason);
	return 0;
}

int test_rs_fi_restarts(void)
{
	message m;
	int type, starts;

	T_EQ(fit(current(), FIT_PING, &type), OK);
	T_EQ(type, SEF_INIT_FRESH);
	starts = fit_starts;
	T_EQ(starts, 1);			/* a fresh start: nothing read back */
	T_EQ(rs_call(RS_FI, "fitest", &m), OK);
	T_EQ(rs_call(RS_FI, "nosuch", &m), ESRCH);
	if (crash_and_back(FIT_PING, "SIGSEGV (11) at eip 0x", 22))
		return 1;
	T_EQ(fit_starts, starts + 1);		/* the new instance read it back */
	return 0;
}

int test_rs_panic_and_exit(void)
{
	if (crash_and_back(FIT_PANIC, "panic: asked to panic", 22))
		return 1;
	return crash_and_back(FIT_EXIT, "exited with status 7", 21);
}

/* A hung service (it spins) misses two heartbeats: RS restarts it within
 * about two periods (20 ticks each).  The bound allows 2 s in all: the
 * detection is 40-60 ticks, and the restart (a fresh instance's exec and
 * init) takes more guest ticks when the host is loaded, since the guest's
 * clock runs in host time under TCG. */
int test_rs_hang_detected(void)
{
	struct rs_status st;
	endpoint_t ep0, ep1;
	clock_t t0;
	message m;

	T_TRUE((ep0 = current()) != NONE);
	T_EQ(status(&st), OK);
	T_EQ(st.period, 20);
	memset(&m, 0, sizeof(m));
	m.m_type = FIT_SPIN;
	t0 = t_now();
	T_EQ(ipc_send(ep0, &m), OK);
	T_TRUE((ep1 = wait_new(ep0, 5 * sys_hz())) != NONE);
	if (t_now() - t0 > 2 * sys_hz())
		T_FAIL("hang found after %ld ticks", (long)(t_now() - t0));
	T_EQ(status(&st), OK);
	T_EQ(strcmp(st.last_reason, "hung: no heartbeat reply"), 0);
	return 0;
}

/* Crashing at every start: at once, then after 0.1 s, 0.2 s, 0.4 s,
 * 0.8 s (docs/services.md): 5 restarts in the first 2 s, not hundreds. */
int test_rs_backoff(void)
{
	struct rs_status st0, st;
	endpoint_t ep0, ep1;
	message m;

	T_EQ(rs_call(RS_REFRESH, "fitest", &m), OK);	/* forget old failures */
	T_TRUE((ep0 = wait_new(NONE, 2 * sys_hz())) != NONE);
	T_EQ(status(&st0), OK);
	T_EQ(ds_publish_u32("fitest.crash", 1, 0), OK);
	T_EQ(fit(ep0, FIT_PANIC, NULL), EDEADSRCDST);
	t_sleep(2 * sys_hz());
	T_EQ(status(&st), OK);
	if (st.restarts - st0.restarts != 5)
		T_FAIL("%d restarts, endpt %d, next %ld now %ld: %s", st.restarts - st0.restarts,
		    st.endpt, (long)st.next_restart, (long)t_now(), st.last_reason);
	T_EQ(strcmp(st.last_reason, "panic: crash at start"), 0);
	T_EQ(st.endpt, NONE);			/* waiting for its backoff */
	T_TRUE(st.next_restart > t_now());
	T_EQ(ds_delete_u32("fitest.crash"), OK);
	T_TRUE((ep1 = wait_new(ep0, 5 * sys_hz())) != NONE);
	T_EQ(fit(ep1, FIT_PING, NULL), OK);
	return 0;
}

#define DS_COUNT 0x690
static endpoint_t counter_parent;

/* In a child (so that its subscription goes when it exits): the number
 * of keys in DS. */
static void count_ds_keys(void *arg)
{
	char key[DS_MAX_KEYLEN];
	int n = 0, type;

	(void)arg;
	if (ds_subscribe(".*", DSF_INITIAL) == OK)
		while (ds_check(key, &type, NULL) == OK)
			n++;
	t_reply(counter_parent, DS_COUNT, n);
}

static int ds_keys(void)
{
	endpoint_t c;
	int n = -1;

	counter_parent = t_self();
	c = t_fork(count_ds_keys, NULL);
	if (t_expect(c, DS_COUNT, &n) != OK)
		return -1;
	return n;
}

/* 100 restarts of a service leave nothing behind: the runner checks
 * process slots and free frames (RS's and DS's memory among them) after
 * every test; here also RS's table, DS's keys (as many as before) and
 * DS's label (the last endpoint). */
int test_rs_100_restarts(void)
{
	struct rs_status st0, st;
	endpoint_t ep = current(), prev, ds_ep;
	message m;
	int i, keys0;

	T_EQ(status(&st0), OK);
	T_TRUE((keys0 = ds_keys()) > 0);
	for (i = 0; i < 100; i++) {
		prev = ep;
		T_EQ(rs_call(RS_RESTART, "fitest", &m), OK);
		T_TRUE(m.m_rs.endpt != prev);
		if ((ep = wait_new(prev, 2 * sys_hz())) != m.m_rs.endpt)
			T_FAIL("restart %d: endpoint %d, RS said %d", i, ep, m.m_rs.endpt);
	}
	T_EQ(status(&st), OK);
	T_EQ(st.restarts, st0.restarts + 100);
	T_EQ(st.endpt, ep);
	T_EQ(ds_keys(), keys0);
	T_EQ(ds_retrieve_label_endpt("fitest", &ds_ep), OK);
	T_EQ(ds_ep, ep);
	return 0;
}

/* One block request to the memory driver's RAM disk at ep (t.c). */
#define bdev(ep, type, pos, g, count) t_bdev((ep), (type), MEMORY_RAMDISK, (pos), (g), (count))

/* `service fi memory`: the memory driver comes back under its label with
 * a new endpoint, and the RAM disk (RS's, lent to it) kept every byte,
 * the ones just written too.  Last of all tests: the file system tests
 * name the memory driver by its boot endpoint. */
int test_rs_memory_restart(void)
{
	static uint8_t sb[1024], blk[32], orig[32];
	struct rs_status st;
	endpoint_t ep0, ep1 = NONE;
	cp_grant_id_t g;
	clock_t end;
	message m;
	uint64_t tail;

	tail = 16384 * 1024 - 32;                              /* tools/mkroot.sh */
	T_EQ(ds_retrieve_label_endpt("memory", &ep0), OK);
	g = cpf_grant_direct(ep0, (vir_bytes)sb, sizeof(sb), CPF_READ | CPF_WRITE);
	T_EQ(bdev(ep0, BDEV_READ, 1024, g, 1024), 1024);		/* the superblock */
	T_EQ(sb[56] | (sb[57] << 8), 0xef53);
	T_EQ(cpf_revoke(g), OK);
	g = cpf_grant_direct(ep0, (vir_bytes)blk, sizeof(blk), CPF_READ | CPF_WRITE);
	T_EQ(bdev(ep0, BDEV_READ, tail, g, 32), 32);
	memcpy(orig, blk, sizeof(orig));
	memset(blk, 0xa5, sizeof(blk));
	T_EQ(bdev(ep0, BDEV_WRITE, tail, g, 32), 32);
	T_EQ(cpf_revoke(g), OK);
	T_EQ(rs_call(RS_FI, "memory", &m), OK);
	T_EQ(bdev(ep0, BDEV_OPEN, 0, GRANT_INVALID, 0), EDEADSRCDST);	/* it crashes */
	for (end = t_now() + 5 * sys_hz(); t_now() < end; t_sleep(1))
		if (ds_retrieve_label_endpt("memory", &ep1) == OK && ep1 != ep0 &&
		    bdev(ep1, BDEV_OPEN, 0, GRANT_INVALID, 0) == OK)
			break;
	T_TRUE(ep1 != ep0 && ep1 != NONE);
	memset(sb, 0, sizeof(sb));
	g = cpf_grant_direct(ep1, (vir_bytes)sb, sizeof(sb), CPF_READ | CPF_WRITE);
	T_EQ(bdev(ep1, BDEV_READ, 1024, g, 1024), 1024);
	T_EQ(sb[56] | (sb[57] << 8), 0xef53);
	/* s_blocks_count << (10 + s_log_block_size): the image's 16 MiB */
	T_EQ((uint64_t)*(uint32_t *)(sb + 4) << (10 + *(uint32_t *)(sb + 24)),
	    16u << 20);
	T_EQ(cpf_revoke(g), OK);
	memset(blk, 0, sizeof(blk));
	g = cpf_grant_direct(ep1, (vir_bytes)blk, sizeof(blk), CPF_READ | CPF_WRITE);
	T_EQ(bdev(ep1, BDEV_READ, tail, g, 32), 32);
	T_EQ(blk[0], 0xa5);
	T_EQ(blk[31], 0xa5);
	memcpy(blk, orig, sizeof(blk));				/* as it was */
	T_EQ(bdev(ep1, BDEV_WRITE, tail, g, 32), 32);
	T_EQ(cpf_revoke(g), OK);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_STATUS;
	strcpy(m.m_rs.label, "memory");
	m.m_rs.buf = (vir_bytes)&st;
	m.m_rs.len = sizeof(st);
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	T_EQ(st.endpt, ep1);
	T_EQ(st.restarts, 1);
	T_EQ(strncmp(st.last_reason, "SIGSEGV (11) at eip 0x", 22), 0);
	return 0;
}

/* SYS_FORK PFF_EMPTY (how RS makes a new service): a stopped self-copy
 * with no memory, for SYS_EXEC to fill; only with PFF_STOPPED, of SELF. */
int test_fork_empty(void)
{
	struct proc_info pi;
	endpoint_t c;

	T_EQ(sys_fork(PFF_EMPTY, &c), EINVAL);
	T_EQ(sys_fork(PFF_STOPPED | PFF_EMPTY, &c), OK);
	T_TRUE(c != NONE);
	T_EQ(sys_getproc(&pi, c), OK);
	T_EQ(pi.pi_rts_flags, PI_NO_PRIV);
	T_EQ(pi.pi_sig_mgr, t_self());
	T_EQ(sys_clear(c), OK);
	return 0;
}

extern const uint8_t _binary_fitest_start[], _binary_fitest_end[];

static void sit_stopped(void *arg)
{
	(void)arg;
}

/* RS_UP of the fitest program in our memory as service "fit3" with the
 * .conf text conf: RS's answer, in *m. */
static int up_fit3(const char *conf, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = RS_UP;
	strcpy(m->m_rs.label, "fit3");
	m->m_rs.buf = (vir_bytes)_binary_fitest_start;
	m->m_rs.len = (size_t)(_binary_fitest_end - _binary_fitest_start);
	m->m_rs.buf2 = (vir_bytes)conf;
	m->m_rs.len2 = strlen(conf);
	if (ipc_sendrec(RS_PROC_NR, m) != OK)
		return EGENERIC;
	return m->m_type;
}

static int fit_call(endpoint_t f3, endpoint_t to)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = FIT_CALL;
	m.m_u32.data[0] = (uint32_t)to;
	if (ipc_sendrec(f3, &m) != OK)
		return EGENERIC;
	return m.m_type;
}

/* A service whose .conf names another by label may still call it after
 * that one restarted in another slot under a new endpoint: RS gives it
 * its IPC mask again.  fit3 (RS_UP) may call fitest and not tty; then
 * fitest crashes twice (the second restart waits 0.1 s) and in between
 * we take its slot, so that it comes back elsewhere. */
int test_rs_ipc_follows_restart(void)
{
	static const char conf[] = "service fit3 {\n\tipc SYSTEM ds rs fitest;\n};\n";
	endpoint_t f3, ep0, ep1, ep2, held[40];
	int i, n = 0, r = 0;
	message m;

	T_EQ(up_fit3(conf, &m), OK);
	f3 = m.m_rs.endpt;
	T_EQ(rs_call(RS_REFRESH, "fitest", &m), OK);	/* no backoff yet */
	T_TRUE((ep0 = wait_new(NONE, 2 * sys_hz())) != NONE);
	T_EQ(fit_call(f3, ep0), OK);			/* fit3 -> fitest */
	T_EQ(fit_call(f3, TTY_PROC_NR), ECALLDENIED);	/* not in its .conf */
	T_EQ(rs_call(RS_FI, "fitest", &m), OK);
	T_EQ(fit(ep0, FIT_PING, NULL), EDEADSRCDST);	/* restarted at once */
	T_TRUE((ep1 = wait_new(ep0, 2 * sys_hz())) != NONE);
	T_EQ(rs_call(RS_FI, "fitest", &m), OK);
	T_EQ(fit(ep1, FIT_PING, NULL), EDEADSRCDST);	/* restarted in 0.1 s */
	while (n < 40) {
		if ((held[n] = t_fork_stopped(sit_stopped, NULL)) == NONE)
			break;
		if (_ENDPOINT_P(held[n++]) == _ENDPOINT_P(ep1))
			break;
	}
	ep2 = wait_new(ep1, 2 * sys_hz());
	if (ep2 != NONE && _ENDPOINT_P(ep2) != _ENDPOINT_P(ep1))
		r = fit_call(f3, ep2);			/* fit3 -> the new fitest */
	else
		r = 1;
	for (i = 0; i < n; i++)
		sys_clear(held[i]);
	T_TRUE(ep2 != NONE);
	T_TRUE(_ENDPOINT_P(ep2) != _ENDPOINT_P(ep1));
	T_EQ(r, OK);
	T_EQ(rs_call(RS_DOWN, "fit3", &m), OK);
	T_EQ(ds_retrieve_label_endpt("fit3", &ep2), ESRCH);	/* RS deleted it */
	return 0;
}

/* RS_UP of a program in our memory (what `service up` does from a file)
 * as service "fit3", then `service down`: RS sends SIGTERM through SEF,
 * the service (no handler of its own) exits at once, and only then does
 * RS answer; it is gone from RS's table.  A bad .conf is refused with its
 * line and reason, written over our program buffer. */
int test_rs_up_down(void)
{
	static const char conf[] = "service fit3 {\n\tipc ALL;\n\tpriority 7;\n};\n";
	static const char bad[] = "service fit3 {\n\tpriority 99;\n};\n";
	static uint8_t junk[64];
	struct proc_info pi;
	endpoint_t ep;
	clock_t t0;
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_UP;
	strcpy(m.m_rs.label, "fit3");
	m.m_rs.buf = (vir_bytes)junk;
	m.m_rs.len = sizeof(junk);
	m.m_rs.buf2 = (vir_bytes)bad;
	m.m_rs.len2 = sizeof(bad) - 1;
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, EINVAL);
	T_EQ(m.m_rs.value, 2);
	T_EQ(strcmp((char *)junk, "2: priority 99 out of range 0..15"), 0);
	T_EQ(up_fit3(conf, &m), OK);
	ep = m.m_rs.endpt;
	T_EQ(fit(ep, FIT_PING, NULL), OK);
	t0 = t_now();
	T_EQ(rs_call(RS_DOWN, "fit3", &m), OK);
	if (t_now() - t0 >= sys_hz() / 2)
		T_FAIL("down took %ld ticks: no SIGTERM exit", (long)(t_now() - t0));
	T_EQ(sys_getproc(&pi, ep), EDEADSRCDST);
	T_EQ(rs_call(RS_DOWN, "fit3", &m), ESRCH);
	/* RS published the label before fit3 ran and deletes it at down. */
	T_EQ(ds_retrieve_label_endpt("fit3", &ep), ESRCH);
	return 0;
}
