/* t_exec.c - what PM needs from the kernel: forking a process that waits
 * for our reply, replacing its program (SYS_EXEC), copying between
 * processes (SYS_VIRCOPY), and running a signal handler in it
 * (SYS_SIGSEND / SYS_SIGRETURN).  The test process plays PM.
 */
#include <stdlib.h>
#include <minix/sigcontext.h>
#include "t.h"

#define REQ     0x610
#define REPORT  0x611
#define EXEC_REPORT 0x600

extern const uint8_t _binary_exectest_start[], _binary_exectest_end[];

static endpoint_t pm;
static volatile int marker = 1;

/* Ask "PM" once; report the reply's value and our marker. */
static void ask_then_report(void *arg)
{
	message m;

	(void)arg;
	marker = 77;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ;
	ipc_sendrec(pm, &m);
	t_reply(pm, REPORT, m.m1_i1 * 100 + marker);
}

int test_fork_of_waiting_process(void)
{
	endpoint_t u, c, who;
	message m;
	int v, seen_u = 0, seen_c = 0, i;

	pm = t_self();
	u = t_fork(ask_then_report, NULL);
	T_EQ(sys_fork_of(u, 0, &c), EINVAL);        /* not waiting for us yet */
	T_EQ(ipc_receive(u, &m, NULL), OK);
	T_EQ(m.m_type, REQ);
	T_EQ(sys_fork_of(u, 0x40, &c), EINVAL);
	T_EQ(sys_fork_of(u, 0, &c), OK);
	T_TRUE(c != u && c != NONE);
	/* Both wait for our reply now: the child is a copy of u. */
	T_EQ(t_reply(u, OK, 1), OK);
	T_EQ(t_reply(c, OK, 2), OK);
	for (i = 0; i < 2; i++) {
		T_EQ(ipc_receive(ANY, &m, NULL), OK);
		who = m.m_source;
		v = m.m1_i1;
		T_EQ(m.m_type, REPORT);
		if (who == u && v == 177)
			seen_u++;
		else if (who == c && v == 277)
			seen_c++;
		else
			T_FAIL("report %d from %d", v, who);
	}
	T_EQ(seen_u, 1);
	T_EQ(seen_c, 1);
	T_EQ(sys_fork_of(t_runner, 0, &c), EPERM);   /* not ours */
	return 0;
}

static void ask_exec(void *arg)
{
	message m;

	(void)arg;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ;
	ipc_sendrec(pm, &m);                       /* exec: no reply if it works */
	t_reply(pm, REPORT, m.m1_i1);              /* after a failed exec */
	for (;;)
		t_sleep(100);
}

/* An argument block as SYS_EXEC expects, to sit at address base. */
static size_t build_frame(uint32_t *f, vir_bytes base, char *const argv[], int argc, const char *env)
{
	char *str = (char *)&f[argc + 4];
	int i;

	f[0] = (uint32_t)argc;
	for (i = 0; i < argc; i++) {
		f[1 + i] = base + (vir_bytes)(str - (char *)f);
		strcpy(str, argv[i]);
		str += strlen(argv[i]) + 1;
	}
	f[1 + argc] = 0;
	f[2 + argc] = base + (vir_bytes)(str - (char *)f);
	strcpy(str, env);
	str += strlen(env) + 1;
	f[3 + argc] = 0;
	return (size_t)((str - (char *)f + 3) & ~3);
}

int test_exec_replaces_program(void)
{
	static uint32_t frame[64];
	static uint8_t junk[256];
	size_t len = (size_t)(_binary_exectest_end - _binary_exectest_start), flen;
	char me[16], *argv[3];
	struct proc_info pi;
	endpoint_t u;
	vir_bytes ip = 0;
	message m;

	pm = t_self();
	u = t_fork(ask_exec, NULL);
	T_EQ(ipc_receive(u, &m, NULL), OK);
	/* Bad images change nothing. */
	memset(junk, 0x7f, sizeof(junk));
	T_EQ(sys_exec(u, junk, sizeof(junk), NULL, 0, "junk", NULL), ENOEXEC);
	T_EQ(sys_exec(u, _binary_exectest_start, 100, NULL, 0, "short", NULL), ENOEXEC);
	T_EQ(sys_exec(u, (void *)0x80000000, len, NULL, 0, "gone", NULL), EFAULT);
	T_EQ(sys_exec(u, _binary_exectest_start, len, NULL, 1u << 30, "big", NULL), E2BIG);
	T_EQ(sys_exec(t_runner, _binary_exectest_start, len, NULL, 0, "x", NULL), EPERM);
	/* A check only: the verdict, nothing replaced. */
	T_EQ(sys_exec_check(u, junk, sizeof(junk), NULL, 0), ENOEXEC);
	T_EQ(sys_exec_check(u, _binary_exectest_start, len, NULL, 0), OK);
	T_EQ(sys_getproc(&pi, u), OK);
	T_TRUE(pi.pi_rts_flags & PI_RECEIVING);      /* still waits for us */
	T_EQ(strcmp(pi.pi_name, "runner"), 0);
	/* The real thing: argv = { "exectest", <our endpoint>, "42" }. */
	snprintf(me, sizeof(me), "%d", pm);
	argv[0] = "exectest";
	argv[1] = me;
	argv[2] = "42";
	flen = 256;
	flen = build_frame(frame, (USER_STACK_TOP - flen) & ~15u, argv, 3, "HOME=/");
	T_TRUE(flen <= 256);
	/* build_frame's addresses assumed a 256-byte block: pad it to that. */
	T_EQ(sys_exec(u, _binary_exectest_start, len, frame, 256, "exectest", &ip), OK);
	T_TRUE(ip >= USER_BASE);
	T_EQ(sys_getproc(&pi, u), OK);
	T_EQ(strcmp(pi.pi_name, "exectest"), 0);
	T_EQ(ipc_receive(u, &m, NULL), OK);
	T_EQ(m.m_type, EXEC_REPORT);
	T_EQ(m.m1_i1, 3 * 1000 + 42 + 6);
	T_EQ(t_reply(u, OK, 0), OK);
	T_EQ(t_wait_ksig(u, 2 * sys_hz()), 1 << SIGSEGV); /* text is read-only */
	T_EQ(sys_clear(u), OK);
	return 0;
}

static volatile uint32_t vc_word = 0x1234;
static void hold_still(void *arg)
{
	message m;

	(void)arg;
	vc_word = 0xcafe;
	t_reply(pm, REPORT, 0);
	ipc_receive(pm, &m, NULL);
	t_reply(pm, REPORT, (int)vc_word);
	ipc_receive(pm, &m, NULL);
}

int test_vircopy(void)
{
	endpoint_t u;
	uint32_t w = 0, v2 = 0xbeef;
	int v;

	pm = t_self();
	u = t_fork(hold_still, NULL);
	T_EQ(t_expect(u, REPORT, NULL), OK);
	T_EQ(sys_vircopy(u, (vir_bytes)&vc_word, SELF, (vir_bytes)&w, 4, 0), OK);
	T_EQ(w, 0xcafe);
	T_EQ(vc_word, 0x1234);                       /* ours is our own */
	T_EQ(sys_vircopy(SELF, (vir_bytes)&v2, u, (vir_bytes)&vc_word, 4, 0), OK);
	T_EQ(t_reply(u, OK, 0), OK);
	T_EQ(t_expect(u, REPORT, &v), OK);
	T_EQ(v, 0xbeef);
	T_EQ(sys_vircopy(u, 0x80000000, SELF, (vir_bytes)&w, 4, 0), EFAULT);
	T_EQ(sys_vircopy(u, (vir_bytes)&vc_word, SELF, 0x100000, 4, 0), EFAULT);
	T_EQ(sys_vircopy(ANY, (vir_bytes)&vc_word, SELF, (vir_bytes)&w, 4, 0), EINVAL);
	T_EQ(sys_vircopy(SYSTEM, 0x100000, SELF, (vir_bytes)&w, 4, 0), EINVAL);
	T_EQ(sys_vircopy(u, (vir_bytes)&vc_word, SELF, (vir_bytes)&w, 0, 0), OK);
	T_EQ(t_reply(u, OK, 0), OK);
	return 0;
}

static volatile int handled;

static void handler(int sig)
{
	handled = sig;
}

/* Entered by the handler's return: the stack holds [signo][scp], so as a
 * C function its first argument is scp.  It never returns. */
static void tramp(struct sigcontext *scp)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = REQ + 1;
	m.m1_i1 = (int)scp;
	ipc_sendrec(pm, &m);
	for (;;)
		;
}

static void wait_for_signal(void *arg)
{
	message m;
	volatile int local = 5;

	(void)arg;
	memset(&m, 0, sizeof(m));
	m.m_type = REQ;
	ipc_sendrec(pm, &m);                       /* "PM" replies, then signals */
	t_reply(pm, REPORT, handled * 100 + local + m.m1_i1);
}

int test_sigsend_sigreturn(void)
{
	struct sigmsg sm;
	endpoint_t u;
	message m;
	int v;

	pm = t_self();
	u = t_fork(wait_for_signal, NULL);
	T_EQ(ipc_receive(u, &m, NULL), OK);
	memset(&sm, 0, sizeof(sm));
	sm.sm_signo = SIGUSR1;
	sm.sm_handler = 0x1000;
	T_EQ(sys_sigsend(u, &sm), EINVAL);           /* handler outside user space */
	sm.sm_handler = (vir_bytes)handler;
	sm.sm_sigreturn = (vir_bytes)tramp;
	sm.sm_signo = 0;
	T_EQ(sys_sigsend(u, &sm), EINVAL);
	sm.sm_signo = SIGUSR1;
	T_EQ(sys_sigreturn(t_runner, 0), EPERM);
	T_EQ(t_reply(u, OK, 10), OK);                /* its call returns 10 ... */
	T_EQ(sys_sigsend(u, &sm), OK);               /* ... after the handler */
	T_EQ(ipc_receive(u, &m, NULL), OK);          /* the trampoline */
	T_EQ(m.m_type, REQ + 1);
	T_EQ(sys_sigreturn(u, (vir_bytes)m.m1_i1), OK);
	T_EQ(t_expect(u, REPORT, &v), OK);
	T_EQ(v, SIGUSR1 * 100 + 5 + 10);
	return 0;
}
