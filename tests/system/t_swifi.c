/* t_swifi.c - the fault injector (docs/fault-injection.md) against the
 * fitest service: for every type, the same (seed, type, index) gives the
 * same fault twice (planned, then injected), the bytes read back through
 * RS_FI are the new ones, the service keeps working or fails and RS
 * restarts it, and a restart (from RS's pristine copy) brings the old
 * bytes back; bad labels, types and addresses are refused and change
 * nothing; SYS_FIPATCH writes a forked child's own copy of a shared page
 * (the parent's text and data stay as they were, the child's text stays
 * read-only to it) and says why it refuses.
 */
#include <minix/rs.h>
#include <minix/fi.h>
#include <minix/ds.h>
#include <minix/sysinfo.h>
#include "t.h"
#include "../fitest/fitest.h"

static endpoint_t fitest(void)
{
	endpoint_t ep;

	return ds_retrieve_label_endpt("fitest", &ep) == OK ? ep : NONE;
}

static int ping(endpoint_t ep, int type, uint32_t *data)	/* data: 3 words */
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if (data)
		m.m_u32.data[0] = data[0];
	if ((r = ipc_sendrec(ep, &m)) != OK)
		return r;
	if (data)
		memcpy(data, m.m_u32.data, 3 * sizeof(data[0]));
	return m.m_type;
}

/* fitest under another endpoint than old, answering; or NONE. */
static endpoint_t wait_new(endpoint_t old, int ticks)
{
	clock_t end = t_now() + ticks;
	endpoint_t ep;

	while (t_now() < end) {
		ep = fitest();
		if (ep != NONE && ep != old && ping(ep, FIT_PING, NULL) == OK)
			return ep;
		t_sleep(1);
	}
	return NONE;
}

static int fi(int op, const char *label, int type, uint32_t seed, uint32_t index,
	uint32_t addr, struct fi_log *log)
{
	message m;

	memset(&m, 0, sizeof(m));
	memset(log, 0, sizeof(*log));
	m.m_type = RS_FI;
	strncpy(m.m_rs_fi.label, label, sizeof(m.m_rs_fi.label) - 1);
	m.m_rs_fi.op = op;
	m.m_rs_fi.type = type;
	m.m_rs_fi.seed = seed;
	m.m_rs_fi.index = index;
	m.m_rs_fi.addr = addr;
	m.m_rs_fi.buf = (vir_bytes)log;
	m.m_rs_fi.len = sizeof(*log);
	if (ipc_sendrec(RS_PROC_NR, &m) != OK)
		return EGENERIC;
	return m.m_type;
}

static int fi_read_of(const char *label, uint32_t addr, void *buf, uint32_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_FI;
	strcpy(m.m_rs_fi.label, label);
	m.m_rs_fi.op = FI_OP_READ;
	m.m_rs_fi.addr = addr;
	m.m_rs_fi.buf = (vir_bytes)buf;
	m.m_rs_fi.len = len;
	if (ipc_sendrec(RS_PROC_NR, &m) != OK)
		return EGENERIC;
	return m.m_type;
}

#define fi_read(addr, buf, len) fi_read_of("fitest", (addr), (buf), (len))

/* A fresh fitest (no backoff, pristine program); its endpoint. */
static endpoint_t refresh(void)
{
	endpoint_t old = fitest();
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_REFRESH;
	strcpy(m.m_rs.label, "fitest");
	if (ipc_sendrec(RS_PROC_NR, &m) != OK || m.m_type != OK)
		return NONE;
	return wait_new(old, 5 * sys_hz());
}

/* After a fault: fitest answers, or it failed and RS restarted it. */
static int survives_or_restarts(endpoint_t ep)
{
	int r = ping(ep, FIT_PING, NULL);

	if (r == OK)
		return 0;
	T_EQ(r, EDEADSRCDST);
	T_TRUE(wait_new(ep, 8 * sys_hz()) != NONE);
	return 0;
}

/* The first index whose candidate is at or after addr (they are in
 * address order), by bisection over planned faults. */
static uint32_t index_at(int type, uint32_t seed, uint32_t addr)
{
	struct fi_log log;
	uint32_t lo = 0, hi, mid;

	if (fi(FI_OP_PLAN, "fitest", type, seed, 0, 0, &log) != OK)
		return 0;
	hi = (uint32_t)log.candidates;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (fi(FI_OP_PLAN, "fitest", type, seed, mid, 0, &log) != OK)
			return 0;
		if (log.addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* One text or data fault: planned twice the same, injected the same, read
 * back, then gone after a restart. */
static int one_patch(int type, uint32_t seed, uint32_t index)
{
	struct fi_log a, b, c;
	uint8_t now[FI_MAXBYTES];
	endpoint_t ep;

	T_TRUE((ep = refresh()) != NONE);
	T_EQ(fi(FI_OP_PLAN, "fitest", type, seed, index, 0, &a), OK);
	T_EQ(fi(FI_OP_PLAN, "fitest", type, seed, index, 0, &b), OK);
	T_EQ(memcmp(&a, &b, sizeof(a)), 0);
	T_TRUE(a.len > 0 && a.len <= FI_MAXBYTES && a.addr != 0 && a.endpt == ep);
	T_TRUE(memcmp(a.old, a.new, (size_t)a.len) != 0);
	T_EQ(fi(FI_OP_INJECT, "fitest", type, seed, index, 0, &c), OK);
	T_EQ(c.addr, a.addr);
	T_EQ(c.len, a.len);
	T_EQ(memcmp(c.old, a.old, (size_t)a.len), 0);
	T_EQ(memcmp(c.new, a.new, (size_t)a.len), 0);
	T_EQ(strcmp(c.text, a.text), 0);
	T_EQ(fi_read(a.addr, now, (uint32_t)a.len), OK);
	if (fitest() == ep)	/* it may have run into the fault already */
		T_EQ(memcmp(now, a.new, (size_t)a.len), 0);
	if (survives_or_restarts(ep))
		return 1;
	T_TRUE((ep = refresh()) != NONE);
	if (type != FI_WILDWRITE) {	/* the pristine text is back */
		T_EQ(fi_read(a.addr, now, (uint32_t)a.len), OK);
		T_EQ(memcmp(now, a.old, (size_t)a.len), 0);
	}
	/* The same fault for the new instance. */
	T_EQ(fi(FI_OP_PLAN, "fitest", type, seed, index, 0, &b), OK);
	T_EQ(b.addr, a.addr);
	T_EQ(memcmp(b.new, a.new, (size_t)a.len), 0);
	return 0;
}

/* Every text type twice: early in the text (start-up code, run once) and
 * in the code every request runs (SEF's receive loop). */
int test_fi_text_faults(void)
{
	uint32_t where[3] = { 0, 0, 0 };
	int type;

	T_EQ(ping(fitest(), FIT_WHERE, where), OK);
	for (type = FI_SRCREG; type <= FI_NOP; type++)
		if (one_patch(type, 7, 2) ||
		    one_patch(type, 7, index_at(type, 7, where[0]))) {
			printf("# fault type %d\n", type);
			return 1;
		}
	return one_patch(FI_WILDWRITE, 3, 11);
}

/* A SEF fault; the reason RS gives for the failure it causes. */
static int sef_fault(int type, const char *why)
{
	struct rs_status st;
	struct fi_log log;
	endpoint_t ep;
	message m;

	T_TRUE((ep = refresh()) != NONE);
	T_EQ(fi(FI_OP_INJECT, "fitest", type, 1, 0, 0, &log), OK);
	T_EQ(log.len, 0);
	T_EQ(ping(ep, FIT_PING, NULL), EDEADSRCDST);
	T_TRUE(wait_new(ep, 8 * sys_hz()) != NONE);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_STATUS;
	strcpy(m.m_rs.label, "fitest");
	m.m_rs.buf = (vir_bytes)&st;
	m.m_rs.len = sizeof(st);
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	if (strncmp(st.last_reason, why, strlen(why)) != 0)
		T_FAIL("reason \"%s\"", st.last_reason);
	return 0;
}

int test_fi_sef_faults(void)
{
	struct fi_log log, again;
	uint32_t d[3];
	endpoint_t ep;
	message m;

	if (sef_fault(FI_NEXT, "SIGSEGV (11) at eip 0x") ||
	    sef_fault(FI_PANIC, "panic: fault injection") ||
	    sef_fault(FI_HANG, "hung: no heartbeat reply"))
		return 1;
	/* A lost request: the next one is taken and never answered; the
	 * service lives on (its heartbeats too) and serves the one after. */
	T_TRUE((ep = refresh()) != NONE);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_DROP, 1, 0, 0, &log), OK);
	T_EQ(log.len, 0);
	memset(&m, 0, sizeof(m));
	m.m_type = FIT_PING;
	T_EQ(ipc_send(ep, &m), OK);		/* taken, never answered */
	T_EQ(ping(ep, FIT_PING, NULL), OK);
	T_EQ(fitest(), ep);			/* the same instance */
	/* Wild DMA: the hook gives the never-granted address once. */
	T_TRUE((ep = refresh()) != NONE);
	T_EQ(fi(FI_OP_PLAN, "fitest", FI_WILDDMA, 5, 0, 0, &again), OK);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_WILDDMA, 5, 0, 0, &log), OK);
	T_EQ(log.value, again.value);
	T_TRUE(log.value >= 0x100000 && (log.value & 0xfff) == 0);
	d[0] = 0x12345000;
	T_EQ(ping(ep, FIT_DMA, d), OK);
	T_EQ(d[0], log.value);
	d[0] = 0x12345000;
	T_EQ(ping(ep, FIT_DMA, d), OK);
	T_EQ(d[0], 0x12345000);
	/* A kernel call's message: the hook is armed, then spent by one call. */
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_KCALL, 5, 0, 0, &log), OK);
	T_TRUE((log.value >> 8) <= 255 && (log.value & 0xff) < 32);
	if (ping(ep, FIT_KCALL, d) != EDEADSRCDST) {
		T_EQ(d[0], 0x80000000u | log.value);
		T_EQ(d[1], 0x80000000u | log.value);	/* SYS_NULL has no argument */
		T_EQ(d[2], 0);
	}
	return survives_or_restarts(ep);
}

int test_fi_refusals(void)
{
	struct fi_log a, log;
	uint8_t before[FI_MAXBYTES], after[FI_MAXBYTES];
	endpoint_t ep;

	T_TRUE((ep = refresh()) != NONE);
	T_EQ(fi(FI_OP_PLAN, "fitest", FI_NOP, 1, 0, 0, &a), OK);
	T_EQ(fi_read(a.addr, before, 8), OK);
	T_EQ(fi(FI_OP_INJECT, "nosuch", FI_NOP, 1, 0, 0, &log), ESRCH);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_NTYPES, 1, 0, 0, &log), EINVAL);
	T_EQ(fi(FI_OP_INJECT, "fitest", -1, 1, 0, 0, &log), EINVAL);
	T_EQ(fi(7, "fitest", FI_NOP, 1, 0, 0, &log), EINVAL);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_NOP, 1, 0, 0x1000, &log), EINVAL);
	if (a.insn_len > 1)	/* inside an instruction */
		T_EQ(fi(FI_OP_INJECT, "fitest", FI_NOP, 1, 0, a.addr + 1, &log), EINVAL);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_PANIC, 1, 0, a.addr, &log), EINVAL);
	T_EQ(fi_read(0xc0000000u, after, 4), EFAULT);
	T_EQ(fi_read(a.addr, after, FIPATCH_READ_MAX + 1), EINVAL);
	T_EQ(fi_read(a.addr, after, 8), OK);
	T_EQ(memcmp(before, after, 8), 0);
	T_EQ(fitest(), ep);
	T_EQ(ping(ep, FIT_PING, NULL), OK);
	return 0;
}

extern const uint8_t _binary_fitest_start[], _binary_fitest_end[];

/* Another instance of the same program (fitx, RS_UP): the same fault is
 * planned for it, and a fault injected into fitest leaves it as it was. */
int test_fi_other_instance(void)
{
	static const char conf[] = "service fitx {\n\tipc SYSTEM ds rs;\n};\n";
	struct fi_log a, x;
	uint8_t bytes[FI_MAXBYTES];
	endpoint_t ep;
	message m;

	T_TRUE((ep = refresh()) != NONE);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_UP;
	strcpy(m.m_rs.label, "fitx");
	m.m_rs.buf = (vir_bytes)_binary_fitest_start;
	m.m_rs.len = (uint32_t)(_binary_fitest_end - _binary_fitest_start);
	m.m_rs.buf2 = (vir_bytes)conf;
	m.m_rs.len2 = sizeof(conf) - 1;
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	T_EQ(fi(FI_OP_PLAN, "fitx", FI_NOP, 9, 2, 0, &x), OK);
	T_EQ(fi(FI_OP_INJECT, "fitest", FI_NOP, 9, 2, 0, &a), OK);
	T_EQ(x.addr, a.addr);
	T_EQ(memcmp(x.new, a.new, (size_t)a.len), 0);
	T_EQ(fi_read_of("fitx", a.addr, bytes, (uint32_t)a.len), OK);
	T_EQ(memcmp(bytes, a.old, (size_t)a.len), 0);
	T_EQ(fi_read(a.addr, bytes, (uint32_t)a.len), OK);
	T_EQ(memcmp(bytes, a.new, (size_t)a.len), 0);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_DOWN;
	strcpy(m.m_rs.label, "fitx");
	T_EQ(ipc_sendrec(RS_PROC_NR, &m), OK);
	T_EQ(m.m_type, OK);
	T_TRUE(refresh() != NONE);
	return 0;
}

/* ---- SYS_FIPATCH itself, on a child sharing our pages ---- */

static volatile uint32_t shared_word = 0x11223344;

static void __attribute__((noinline)) victim(void)
{
	__asm__ volatile("nop; nop; nop; nop");
}

static endpoint_t parent;

/* Waits for the word from the parent, then writes its own (patched)
 * text: that must still fault. */
static void wait_child(void *arg)
{
	int v;

	(void)arg;
	t_expect(parent, 0x420, &v);
	*(volatile uint8_t *)victim = 0x90;
}

static unsigned kdiag_lines(void)
{
	struct kinfo ki;

	return sys_getkinfo(&ki) == OK ? ki.kdiag_lines : 0;
}

static int said(unsigned n0, const char *what)
{
	char last[KDIAG_TEXT_LEN], want[KDIAG_TEXT_LEN];
	endpoint_t me;

	if (kdiag_lines() != n0 + 1 || sys_getinfo(GET_KDIAG, last, sizeof(last), NULL, 0) != OK ||
	    sys_whoami(&me, NULL, 0, NULL, NULL) != OK)
		return 0;
	snprintf(want, sizeof(want), "runner (%d): %s", me, what);
	if (strcmp(last, want) != 0)
		printf("# kdiag: %s\n", last);
	return strcmp(last, want) == 0;
}

int test_fipatch_cow(void)
{
	uint8_t code[4], mine[4], theirs[4];
	const uint8_t ud2x2[4] = { 0x0f, 0x0b, 0x0f, 0x0b };
	uint32_t w = 0xdeadbeef, got;
	char why[KDIAG_TEXT_LEN];
	endpoint_t child;
	unsigned n0;

	victim();
	memcpy(code, (const void *)victim, 4);
	parent = t_self();
	T_TRUE((child = t_fork(wait_child, NULL)) != NONE);
	T_EQ(sys_fipatch(child, FIPATCH_WRITE, (vir_bytes)victim, (void *)ud2x2, 4), OK);
	T_EQ(sys_fipatch(child, FIPATCH_READ, (vir_bytes)victim, theirs, 4), OK);
	T_EQ(memcmp(theirs, ud2x2, 4), 0);
	memcpy(mine, (const void *)victim, 4);
	T_EQ(memcmp(mine, code, 4), 0);		/* our shared text frame is as it was */
	victim();				/* and runs */
	T_EQ(sys_fipatch(child, FIPATCH_WRITE, (vir_bytes)&shared_word, &w, 4), OK);
	T_EQ(sys_fipatch(child, FIPATCH_READ, (vir_bytes)&shared_word, &got, 4), OK);
	T_EQ(got, 0xdeadbeef);
	T_EQ(shared_word, 0x11223344);
	/* Refusals, each with its reason. */
	n0 = kdiag_lines();
	T_EQ(sys_fipatch(child, 9, (vir_bytes)victim, theirs, 4), EINVAL);
	T_TRUE(said(n0, "SYS_FIPATCH refused: unknown op 9"));
	n0 = kdiag_lines();
	T_EQ(sys_fipatch(child, FIPATCH_WRITE, (vir_bytes)victim, theirs, FIPATCH_WRITE_MAX + 1),
	    EINVAL);
	T_TRUE(said(n0, "SYS_FIPATCH refused: 65 bytes is more than op 2 allows"));
	n0 = kdiag_lines();
	T_EQ(sys_fipatch(child, FIPATCH_WRITE, 0xc0000000u, theirs, 4), EFAULT);
	snprintf(why, sizeof(why), "SYS_FIPATCH refused: 0xc0000000 not mapped in %d", child);
	T_TRUE(said(n0, why));
	n0 = kdiag_lines();
	T_EQ(sys_fipatch(fitest(), FIPATCH_WRITE, (vir_bytes)victim, theirs, 4), EPERM);
	snprintf(why, sizeof(why), "SYS_FIPATCH refused: endpoint %d is not a process it manages",
	    fitest());
	T_TRUE(said(n0, why));
	T_EQ(sys_fipatch(child, FIPATCH_READ, 0, theirs, 4), EINVAL);
	T_EQ(sys_fipatch(child, FIPATCH_READ, (vir_bytes)victim, theirs, 4), OK);
	T_EQ(memcmp(theirs, ud2x2, 4), 0);	/* the refusals changed nothing */
	/* Its text is still read-only to it. */
	T_EQ(t_reply(child, 0x420, 0), OK);
	T_EQ(t_wait_ksig(child, 2 * sys_hz()), 1 << SIGSEGV);
	T_EQ(sys_clear(child), OK);
	return 0;
}
