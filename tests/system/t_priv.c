/* t_priv.c - privileges as data: the call mask, the IPC target mask, the
 * trap mask of user processes, I/O port ranges and IRQ lines (with the CMOS
 * clock's periodic interrupt on IRQ 8 as a real device).
 */
#include "t.h"

#define REPORT 0x300

static endpoint_t parent;

/* Start fn stopped, install privileges d, let it run. */
static endpoint_t start_with(void (*fn)(void *), struct priv_desc *d)
{
	endpoint_t c = t_fork_stopped(fn, NULL);

	if (c == NONE || sys_privctl(c, SYS_PRIV_SET_SYS, d) != OK ||
	    sys_privctl(c, SYS_PRIV_ALLOW, NULL) != OK)
		return NONE;
	return c;
}

static void base_desc(struct priv_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->pd_flags = SYS_PROC | PREEMPTIBLE;
	d->pd_trap_mask = TRAPS_ALL;
	PD_SET(d->pd_ipc_to, _ENDPOINT_P(parent) + NR_TASKS);
	d->pd_sig_mgr = SELF;
}

static void try_times_and_null(void *arg)
{
	clock_t up;

	(void)arg;
	t_reply(parent, REPORT, sys_times(SELF, NULL, NULL, &up, NULL));
	t_reply(parent, REPORT, sys_null());
	for (;;)
		t_sleep(100);
}

int test_kernel_call_mask(void)
{
	struct priv_desc d;
	endpoint_t c;
	int v;

	parent = t_self();
	base_desc(&d);
	PD_SET(d.pd_call_mask, SYS_CALL_NR(SYS_NULL));
	PD_SET(d.pd_call_mask, SYS_CALL_NR(SYS_SETALARM));
	c = start_with(try_times_and_null, &d);
	T_TRUE(c != NONE);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, ECALLDENIED); /* SYS_TIMES is not in its mask */
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, OK);          /* SYS_NULL is */
	T_EQ(sys_clear(c), OK);
	return 0;
}

static endpoint_t forbidden;
static void try_send_forbidden(void *arg)
{
	message m;

	(void)arg;
	memset(&m, 0, sizeof(m));
	t_reply(parent, REPORT, ipc_send(forbidden, &m));
	t_reply(parent, REPORT, ipc_notify(forbidden));
	for (;;)
		ipc_receive(parent, &m, NULL);
}

static void sit(void *arg)
{
	message m;

	(void)arg;
	for (;;)
		ipc_receive(ANY, &m, NULL);
}

int test_ipc_target_mask(void)
{
	struct priv_desc d;
	endpoint_t c;
	int v;

	parent = t_self();
	forbidden = t_fork(sit, NULL);
	base_desc(&d);
	c = start_with(try_send_forbidden, &d);
	T_TRUE(c != NONE);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, ECALLDENIED);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, ECALLDENIED);
	T_EQ(sys_clear(c), OK);
	T_EQ(sys_clear(forbidden), OK);
	return 0;
}

static void user_process(void *arg)
{
	message m;
	int r1, r2, r3;

	(void)arg;
	memset(&m, 0, sizeof(m));
	r1 = ipc_send(parent, &m);                 /* only SENDREC allowed */
	r2 = _kernel_call(SYS_NULL, &m);           /* no kernel calls */
	m.m_type = REPORT;
	m.m1_i1 = r1;
	m.m1_i2 = r2;
	r3 = ipc_sendrec(parent, &m);              /* parent is not PM/VFS */
	/* We cannot report to the test: spin if all is right, crash if not. */
	if (r1 != ETRAPDENIED || r2 != ECALLDENIED || r3 != ECALLDENIED)
		*(volatile int *)0 = 0;
	for (;;)
		;                                  /* the test clears us */
}

int test_user_privileges(void)
{
	struct proc_info pi;
	endpoint_t c;
	int i;

	parent = t_self();
	c = t_fork_stopped(user_process, NULL);
	T_TRUE(c != NONE);
	T_EQ(sys_privctl(c, SYS_PRIV_SET_USER, NULL), OK);
	T_EQ(sys_privctl(c, SYS_PRIV_ALLOW, NULL), OK);
	for (i = 0; i < 20; i++) {
		t_sleep(1);
		T_EQ(sys_getproc(&pi, c), OK);
		if (pi.pi_user_time > 0 && pi.pi_rts_flags == 0)
			break;
	}
	T_EQ(pi.pi_flags, PREEMPTIBLE); /* not a system process */
	T_EQ(pi.pi_rts_flags, 0);       /* running, not blocked on us */
	T_EQ(sys_clear(c), OK);
	return 0;
}

int test_privctl_checks(void)
{
	struct priv_desc d;
	endpoint_t c;

	parent = t_self();
	c = t_fork_stopped(sit, NULL);
	T_TRUE(c != NONE);
	base_desc(&d);
	d.pd_nr_io = NR_IO_RANGE + 1;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EINVAL);
	base_desc(&d);
	d.pd_flags |= 0x8000;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EINVAL);
	base_desc(&d);
	d.pd_nr_irq = 1;
	d.pd_irq[0] = 16;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EINVAL);
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, (void *)0x80000000), EFAULT);
	T_EQ(sys_privctl(c, 99, NULL), EINVAL);
	/* A manager gives only what it has: the runner has no port 0x60. */
	base_desc(&d);
	d.pd_nr_io = 1;
	d.pd_io[0] = (struct io_range){ 0x60, 0x60 };
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EPERM);
	base_desc(&d);
	d.pd_nr_irq = 1;
	d.pd_irq[0] = 1;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EPERM);
	/* Only the manager may change a process; the runner is not ours. */
	T_EQ(sys_privctl(t_runner, SYS_PRIV_ALLOW, NULL), EPERM);
	T_EQ(sys_clear(t_runner), EPERM);
	T_EQ(sys_clear(c), OK);
	return 0;
}

/* CMOS clock registers through SYS_DEVIO. */
static int cmos_read(int reg, uint32_t *v)
{
	int r = sys_outb(0x70, (uint32_t)reg);
	return r != OK ? r : sys_inb(0x71, v);
}

static int cmos_write(int reg, uint32_t v)
{
	int r = sys_outb(0x70, (uint32_t)reg);
	return r != OK ? r : sys_outb(0x71, v);
}

int test_devio_ranges(void)
{
	uint32_t v = 0;

	T_EQ(cmos_read(0x0b, &v), OK);      /* status register B */
	T_TRUE(v & 0x02);                   /* 24-hour mode, set by the BIOS */
	T_EQ(sys_inb(0x60, &v), EPERM);     /* keyboard: not ours */
	T_EQ(sys_outb(0x3f8, 'x'), EPERM);  /* the console is not ours */
	T_EQ(sys_inw(0x71, &v), EPERM);     /* 0x71..0x72 leaves the range */
	T_EQ(sys_devio(0x7777, 0x70, &v), EINVAL);
	T_EQ(sys_inl(0x7ffffffd, &v), EINVAL);   /* would wrap past 0xffff */
	T_EQ(sys_inl(0xfffd, &v), EINVAL);
	T_EQ(sys_devio(DIO_INPUT_BYTE | DIO_OUTPUT_BYTE, 0x70, &v), EINVAL);
	return 0;
}

int test_irq_notify_rtc(void)
{
	int hook = 3, bad = 0;
	uint32_t regb, regc;
	message m;
	clock_t end;

	T_EQ(sys_irqsetpolicy(1, 0, &bad), EPERM);   /* keyboard line */
	bad = 40;
	T_EQ(sys_irqsetpolicy(8, 0, &bad), EINVAL);  /* notify bit > 31 */
	bad = 0;
	T_EQ(sys_irqsetpolicy(0, 0, &bad), EINVAL);  /* the kernel's clock */
	T_EQ(sys_irqsetpolicy(8, 0, &hook), OK);
	T_EQ(cmos_read(0x0c, &regc), OK);            /* clear old flags */
	T_EQ(cmos_read(0x0b, &regb), OK);
	T_EQ(cmos_write(0x0b, regb | 0x40), OK);     /* periodic interrupt on */
	end = t_now() + 2 * sys_hz();
	sys_setalarm(end, 1);
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, HARDWARE);
	T_EQ(m.m_type, NOTIFY_MESSAGE);
	T_EQ(m.m_notify.interrupts, 1u << 3);
	/* The line stays masked until re-enabled: ack and enable, once more. */
	T_EQ(cmos_read(0x0c, &regc), OK);
	T_TRUE(regc & 0x40);
	T_EQ(sys_irqenable(&hook), OK);
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, HARDWARE);
	T_EQ(m.m_notify.interrupts, 1u << 3);
	sys_setalarm(0, 0);
	T_EQ(cmos_write(0x0b, regb & ~0x40u), OK);
	T_EQ(cmos_read(0x0c, &regc), OK);
	T_EQ(sys_irqrmpolicy(&hook), OK);
	T_EQ(sys_irqrmpolicy(&hook), EINVAL);        /* already gone */
	bad = 17;
	T_EQ(sys_irqenable(&bad), EINVAL);
	return 0;
}
