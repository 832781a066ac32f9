/* t_kdiag.c - every refusal says why: a service whose privileges come
 * from a .conf (parsed by RS's own parser, servers/rs/conf.c) uses a
 * kernel call, a port, an IRQ line and an IPC target outside it; each
 * gets the MINIX error and exactly one kernel log line (kdiag) naming the
 * process, the call and the reason.  So does a SYS_PRIVCTL beyond the
 * caller's own rights.
 */
#include "t.h"
#include "../../servers/rs/conf.h"

#define REPORT 0x310

static const char hello_conf[] =
    "service hello {\n"
    "\tsystem IRQCTL DEVIO;\n"
    "\tipc SYSTEM;\n"
    "\tio 70:2;\n"
    "\tirq 8;\n"
    "};\n";

static endpoint_t parent;

static unsigned lines(void)
{
	struct kinfo ki;

	return sys_getkinfo(&ki) == OK ? ki.kdiag_lines : 0;
}

/* Did the last call log exactly one line (since n0), reading "ME: what"? */
static int said(unsigned n0, const char *what)
{
	char last[KDIAG_TEXT_LEN], want[KDIAG_TEXT_LEN];
	endpoint_t me;

	if (lines() != n0 + 1 || sys_getinfo(GET_KDIAG, last, sizeof(last), NULL, 0) != OK ||
	    sys_whoami(&me, NULL, 0, NULL, NULL) != OK)
		return 0;
	snprintf(want, sizeof(want), "runner (%d): %s", me, what);
	return strcmp(last, want) == 0;
}

/* Each refusal in turn; reports 0, or the number of the step that failed. */
static void refused_service(void *arg)
{
	uint32_t v;
	int hook = 0, step = 0;
	unsigned n;
	message m;

	(void)arg;
	n = lines();
	if (sys_null() != ECALLDENIED || !said(n, "SYS_NULL not in its .conf"))
		step = 1;
	n = lines();
	if (!step && (sys_inb(0x60, &v) != EPERM ||
	    !said(n, "SYS_DEVIO port 0x60 not in its .conf")))
		step = 2;
	n = lines();
	if (!step && (sys_inb(0x71, &v) != OK || lines() != n))
		step = 3;	/* a port of its .conf: no line */
	n = lines();
	if (!step && (sys_irqsetpolicy(5, 0, &hook) != EPERM ||
	    !said(n, "SYS_IRQCTL IRQ 5 not in its .conf")))
		step = 4;
	n = lines();
	memset(&m, 0, sizeof(m));
	if (!step && (ipc_sendnb(DS_PROC_NR, &m) != ECALLDENIED ||
	    !said(n, "SENDNB to ds (0) not in its .conf")))
		step = 5;
	t_reply(parent, REPORT, step);
	for (;;)
		ipc_receive(parent, &m, NULL);
}

int test_refusals_say_why(void)
{
	struct rs_conf conf;
	struct rs_conf_error err;
	struct priv_desc d;
	endpoint_t c;
	unsigned n;
	int v;

	parent = t_self();
	T_EQ(rs_conf_parse(hello_conf, sizeof(hello_conf) - 1, &conf, 1, &err), 1);
	rs_conf_desc(&conf, &d);
	PD_SET(d.pd_ipc_to, _ENDPOINT_P(parent) + NR_TASKS); /* to report */
	c = t_fork_stopped(refused_service, NULL);
	T_TRUE(c != NONE);
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), OK);
	T_EQ(sys_privctl(c, SYS_PRIV_ALLOW, NULL), OK);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0);
	T_EQ(sys_clear(c), OK);

	/* SYS_PRIVCTL beyond the caller's own rights (no port 0x60, no IRQ 1). */
	c = t_fork_stopped(refused_service, NULL);
	T_TRUE(c != NONE);
	d.pd_nr_io = 1;
	d.pd_io[0] = (struct io_range){ 0x60, 0x60 };
	n = lines();
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EPERM);
	T_TRUE(said(n, "SYS_PRIVCTL refused: ports 0x60-0x60 beyond its own"));
	d.pd_nr_io = 0;
	d.pd_nr_irq = 1;
	d.pd_irq[0] = 1;
	n = lines();
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), EPERM);
	T_TRUE(said(n, "SYS_PRIVCTL refused: IRQ 1 beyond its own"));
	T_EQ(sys_clear(c), OK);
	return 0;
}
