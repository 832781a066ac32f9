/* t_fault.c - user-mode faults kill only the faulting process: the kernel
 * stops it, its manager (this test) gets the exact signal, and everyone
 * else keeps running.
 */
#include "t.h"

#define PING 0x200
#define PONG 0x201

static endpoint_t parent;

static void null_deref(void *arg) { (void)arg; *(volatile int *)0 = 1; }
static void kernel_write(void *arg) { (void)arg; *(volatile int *)0x100000 = 0xdead; }
static void kernel_read(void *arg) { (void)arg; (void)*(volatile int *)0x200000; }
static void privileged(void *arg) { (void)arg; __asm__ volatile("cli; hlt"); }
static void port_io(void *arg) { (void)arg; __asm__ volatile("outb %%al, $0x80" : : "a"(0)); }
static void undefined_op(void *arg) { (void)arg; __asm__ volatile("ud2"); }
static void fpu_use(void *arg) { (void)arg; __asm__ volatile("fninit"); }
static void write_text(void *arg) { (void)arg; *(volatile uint8_t *)(void *)write_text = 0x90; }

static void divide(void *arg)
{
	volatile int zero = (int)(long)arg;
	volatile int r = 10 / zero;
	(void)r;
}

static void echo_forever(void *arg)
{
	message m;

	(void)arg;
	for (;;) {
		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		m.m_type = PONG;
		m.m1_i1++;
		ipc_send(m.m_source, &m);
	}
}

/* Fork fn, expect exactly signal sig for it, and a bystander that still
 * answers afterwards. */
static int expect_fault(void (*fn)(void *), int sig)
{
	endpoint_t bystander = t_fork(echo_forever, NULL);
	endpoint_t victim = t_fork(fn, NULL);
	struct proc_info pi;
	message m;

	T_TRUE(victim != NONE && bystander != NONE);
	T_EQ(t_wait_ksig(victim, 5 * sys_hz()), 1 << sig);
	T_EQ(sys_getproc(&pi, victim), OK);
	T_TRUE(pi.pi_rts_flags & PI_SIG_PENDING); /* stopped, not running */
	T_EQ(sys_clear(victim), OK);
	T_EQ(sys_getproc(&pi, victim), EDEADSRCDST);
	memset(&m, 0, sizeof(m));
	m.m_type = PING;
	m.m1_i1 = 41;
	T_EQ(ipc_sendrec(bystander, &m), OK);
	T_EQ(m.m_type, PONG);
	T_EQ(m.m1_i1, 42);
	T_EQ(sys_clear(bystander), OK);
	return 0;
}

int test_fault_null_deref(void) { return expect_fault(null_deref, SIGSEGV); }
int test_fault_kernel_write(void) { return expect_fault(kernel_write, SIGSEGV); }
int test_fault_kernel_read(void) { return expect_fault(kernel_read, SIGSEGV); }
int test_fault_privileged_insn(void) { return expect_fault(privileged, SIGSEGV); }
int test_fault_port_io(void) { return expect_fault(port_io, SIGSEGV); }
int test_fault_divide_by_zero(void) { return expect_fault(divide, SIGFPE); }
int test_fault_invalid_opcode(void) { return expect_fault(undefined_op, SIGILL); }
int test_fault_fpu_disabled(void) { return expect_fault(fpu_use, SIGILL); }
int test_fault_write_readonly_text(void) { return expect_fault(write_text, SIGSEGV); }

static void spin_forever(void *arg)
{
	(void)arg;
	for (;;)
		;
}

/* A busy loop is preempted: we still get the CPU back. */
int test_busy_loop_preempted(void)
{
	endpoint_t hog1 = t_fork(spin_forever, NULL);
	endpoint_t hog2 = t_fork(spin_forever, NULL);
	struct proc_info a, b;
	clock_t t0 = t_now();
	int i;

	for (i = 0; i < 3; i++)
		t_sleep(1); /* each wake-up waits for a hog's quantum to end */
	T_TRUE(t_now() - t0 < 5 * sys_hz());
	T_EQ(sys_getproc(&a, hog1), OK);
	T_EQ(sys_getproc(&b, hog2), OK);
	T_TRUE(a.pi_user_time > 0); /* both hogs ran */
	T_TRUE(b.pi_user_time > 0);
	T_EQ(sys_clear(hog1), OK);
	T_EQ(sys_clear(hog2), OK);
	return 0;
}

/* SYS_KILL stops a process until its manager ends the signal. */
static void count_and_report(void *arg)
{
	(void)arg;
	t_sleep(3);
	t_reply(parent, PING, 7);
}

int test_kill_getksig_endksig(void)
{
	endpoint_t c;
	struct proc_info pi;
	int v;

	parent = t_self();
	c = t_fork(count_and_report, NULL);
	T_EQ(sys_kill(c, SIGTERM), OK);
	T_EQ(t_wait_ksig(c, sys_hz()), 1 << SIGTERM);
	T_EQ(sys_getproc(&pi, c), OK);
	T_TRUE(pi.pi_rts_flags & PI_SIG_PENDING);
	T_EQ(sys_endksig(c), OK);
	T_EQ(t_expect(c, PING, &v), OK); /* it runs again */
	T_EQ(v, 7);
	T_EQ(sys_kill(c, 0), EINVAL);
	T_EQ(sys_kill(c, _NSIG), EINVAL);
	T_EQ(sys_kill(SYSTEM, SIGTERM), EPERM);
	T_EQ(sys_kill(MEM_PROC_NR, SIGTERM), EPERM);   /* not ours to signal */
	return 0;
}
