/* t_tty.c - the tty driver on COM2, fed by the host (tools/test.sh sets
 * COM2_INPUT to "hello\n", "abc<DEL>d\n", "x^Uyz\n", "^D", "tail\n").
 * Canonical reads get one edited line each; ^D at the start of a line is
 * end of file.  The host checks the echo and our output line.
 */
#include <termios.h>
#include <sys/ioctl.h>
#include "t.h"

static int tty_req(int type, cp_grant_id_t g, uint32_t count, uint32_t id)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_cdev.minor = 0;
	m.m_cdev.grant = g;
	m.m_cdev.count = count;
	m.m_cdev.id = id;
	if (ipc_sendrec(TTY_PROC_NR, &m) != OK || m.m_type != CDEV_REPLY || m.m_cdev.id != id)
		return EGENERIC;
	return m.m_cdev.status;
}

int test_tty_lines(void)
{
	static const char *const want[] = { "hello\n", "abd\n", "yz\n", "", "tail\n" };
	static char buf[64];
	static struct termios t;
	cp_grant_id_t g, gt, go;
	const char *out = "out line\n";
	unsigned i;

	g = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
	gt = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)&t, sizeof(t), CPF_READ | CPF_WRITE);
	go = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)out, strlen(out), CPF_READ);
	T_TRUE(g >= 0 && gt >= 0 && go >= 0);
	T_EQ(tty_req(CDEV_OPEN, GRANT_INVALID, 0, 1), OK);
	T_EQ(tty_req(CDEV_IOCTL, gt, TCGETS, 2), OK);
	T_EQ(t.c_lflag & (ICANON | ECHO | ISIG), ICANON | ECHO | ISIG);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		int n;
		memset(buf, 0, sizeof(buf));
		n = tty_req(CDEV_READ, g, sizeof(buf), 10 + i);
		T_EQ(n, (long)strlen(want[i]));
		T_EQ(memcmp(buf, want[i], strlen(want[i])), 0);
	}
	T_EQ(tty_req(CDEV_WRITE, go, strlen(out), 20), (long)strlen(out));
	T_EQ(tty_req(CDEV_WRITE, go, strlen(out) + 1, 21), EPERM);  /* past the grant */
	T_EQ(tty_req(CDEV_IOCTL, gt, 0x1234, 22), ENOTTY);
	/* A read with nothing to read waits; cancelling it answers EINTR. */
	{
		message m;
		memset(&m, 0, sizeof(m));
		m.m_type = CDEV_READ;
		m.m_cdev.grant = g;
		m.m_cdev.count = sizeof(buf);
		m.m_cdev.id = 30;
		T_EQ(ipc_send(TTY_PROC_NR, &m), OK);
		T_EQ(tty_req(CDEV_CANCEL, GRANT_INVALID, 0, 30), EINTR);
	}
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(gt), 0);
	T_EQ(cpf_revoke(go), 0);
	return 0;
}
