/* t_tty.c - the tty driver on COM2, fed by the host.  tools/test.sh sets
 * COM2_INPUT; its parts (split at "@@") are sent one by one, the next
 * when we write one more '@' on COM2 (tools/qemu-test.sh):
 *   "hello\n", "abc<DEL>d\n", "x^Uyz\n", "^D", "tail\n",
 *   "one two^Wthree\n", "a.b/^Wc\n", 4097 'x' <DEL> "y\n"
 *   @@ "R" @@ "xyz" @@ "e" @@ "abc^Zdef\n"
 *   @@ 5,000 lines "<i>:" and (i * 7) % 13 'x' (test_tty_overflow_whole_lines)
 * Canonical reads get one edited line each; ^D at the start of a line is
 * end of file; ^W erases a word as Linux does; past 4095 bytes the bell
 * rings and the byte is dropped.  Non-canonical reads return as soon as
 * VMIN bytes are there (VMIN 0: at once), echoing only with ECHO.  ^Z
 * drops the line.  The host checks the echo and our output exactly.
 *
 * Overflow: the 5,000 lines (58,889 bytes) come while no one reads, into
 * an input queue of TTY_QUEUE bytes: a line is kept whole if it fits in
 * what is left, else dropped whole with a bell (the host counts the
 * bells).  Which lines are kept is therefore known: we work it out here
 * and read exactly those, each alone, then nothing.
 *
 * Output queue: with output held (TCXONC TCOOFF), writes of 4096, 4096,
 * 4096 and 3840 'z' fill the OQ_SIZE - OQ_ECHO bytes of the queue that
 * writes may use and are answered at once; a write of
 * 10 more waits (a cancel answers it EINTR, nothing written); another
 * waits until TCOON, then is answered with its 10 bytes.  We wait for
 * the queue to empty, so the host sees all of it.
 */
#include <termios.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include "t.h"

#define BIG 4200
#define TTY_QUEUE 8192  /* the driver's input queue (QUEUE_MAX) */
#define FLOOD 5000      /* lines typed */
#define FLOOD_KEPT 755  /* of them fit, in 8192 bytes; 4245 dropped */
#define TTY_OQ (16384 - 256) /* the driver's OQ_SIZE - OQ_ECHO */
#define T_OK(x) do { if (x) return 1; } while (0) /* x said why */

static char buf[BIG];
static struct termios t;
static cp_grant_id_t g, gt;

static int tty_req(int type, cp_grant_id_t gr, uint32_t count, uint32_t id)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if (type == CDEV_OPEN || type == CDEV_CLOSE) {
		m.m_vfs_lchardriver_openclose.id = (endpoint_t)id;
	} else if (type == CDEV_CANCEL) {
		m.m_vfs_lchardriver_cancel.id = (endpoint_t)id;
	} else {
		m.m_vfs_lchardriver_readwrite.grant = gr;
		if (type == CDEV_IOCTL)
			m.m_vfs_lchardriver_readwrite.request = (int)count;
		else
			m.m_vfs_lchardriver_readwrite.count = count;
		m.m_vfs_lchardriver_readwrite.id = (endpoint_t)id;
	}
	if (ipc_sendrec(TTY_PROC_NR, &m) != OK || m.m_type != CDEV_REPLY ||
	    m.m_lchardriver_vfs_reply.id != id)
		return EGENERIC;
	return m.m_lchardriver_vfs_reply.status;
}

/* Write s on the line; -1 if the driver did not take all of it. */
static int tty_puts(const char *s, uint32_t id)
{
	cp_grant_id_t go;
	int n;

	go = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)s, strlen(s), CPF_READ);
	if (go < 0)
		return -1;
	n = tty_req(CDEV_WRITE, go, strlen(s), id);
	cpf_revoke(go);
	return n == (int)strlen(s) ? 0 : -1;
}

/* One read of up to size bytes: it must give exactly want (len bytes). */
static int read_is(uint32_t size, const char *want, size_t len, uint32_t id)
{
	int n;

	memset(buf, 0, sizeof(buf));
	n = tty_req(CDEV_READ, g, size, id);
	T_EQ(n, (long)len);
	T_EQ(memcmp(buf, want, len), 0);
	return 0;
}

/* Set the line's flags and VMIN. */
static int set_mode(tcflag_t lflag, int vmin, uint32_t id)
{
	T_EQ(tty_req(CDEV_IOCTL, gt, TCGETS, id), OK);
	t.c_lflag = lflag;
	t.c_cc[VMIN] = (cc_t)vmin;
	T_EQ(tty_req(CDEV_IOCTL, gt, TCSETS, id + 1), OK);
	return 0;
}

/* Canonical lines, including a full one of 4095 bytes. */
static int canonical(void)
{
	static const char *const want[] = {
		"hello\n", "abd\n", "yz\n", "", "tail\n", "one three\n", "a.c\n"
	};
	static char full[4096];
	unsigned i;

	T_EQ(tty_req(CDEV_IOCTL, gt, TCGETS, 2), OK);
	T_EQ(t.c_lflag & (ICANON | ECHO | ISIG), ICANON | ECHO | ISIG);
	T_EQ(t.c_cc[VMIN], 1);
	T_EQ(t.c_cc[VWERASE], 0x17);
	T_EQ(t.c_cc[VSUSP], 0x1a);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		T_OK(read_is(64, want[i], strlen(want[i]), 10 + i));
	memset(full, 'x', 4094);
	full[4094] = 'y';
	full[4095] = '\n';
	return read_is(BIG, full, sizeof(full), 19);
}

/* Non-canonical reads, then ^Z back in canonical mode. */
static int noncanonical(void)
{
	T_OK(set_mode(0, 1, 40));               /* no ICANON, no ECHO */
	T_EQ(tty_puts("@", 42), 0);             /* -> "R" */
	T_OK(read_is(64, "R", 1, 43));          /* at once, not 64 */
	T_OK(set_mode(0, 3, 44));
	T_EQ(tty_puts("@", 46), 0);             /* -> "xyz" */
	T_OK(read_is(64, "xyz", 3, 47));        /* waits for all 3 */
	T_OK(set_mode(0, 0, 48));
	T_OK(read_is(64, "", 0, 50));           /* VMIN 0: at once */
	T_OK(set_mode(ECHO, 1, 51));
	T_EQ(tty_puts("@", 53), 0);             /* -> "e", echoed */
	T_OK(read_is(1, "e", 1, 54));
	T_OK(set_mode(ISIG | ICANON | ECHO | ECHOE, 1, 55));
	T_EQ(tty_puts("@", 57), 0);             /* -> "abc^Zdef\n" */
	T_OK(read_is(64, "def\n", 4, 58));
	return 0;
}

int test_tty_lines(void)
{
	const char *out = "out line\n";
	cp_grant_id_t go;

	g = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
	gt = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)&t, sizeof(t), CPF_READ | CPF_WRITE);
	go = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)out, strlen(out), CPF_READ);
	T_TRUE(g >= 0 && gt >= 0 && go >= 0);
	T_EQ(tty_req(CDEV_OPEN, GRANT_INVALID, 0, 1), OK);
	T_OK(canonical());
	T_EQ(tty_req(CDEV_WRITE, go, strlen(out), 20), (long)strlen(out));
	T_EQ(tty_req(CDEV_WRITE, go, strlen(out) + 1, 21), EPERM);  /* past the grant */
	T_EQ(tty_req(CDEV_IOCTL, gt, 0x1234, 22), ENOTTY);
	/* A read with nothing to read waits; cancelling it answers EINTR. */
	{
		message m;
		memset(&m, 0, sizeof(m));
		m.m_type = CDEV_READ;
		m.m_vfs_lchardriver_readwrite.grant = g;
		m.m_vfs_lchardriver_readwrite.count = 64;
		m.m_vfs_lchardriver_readwrite.id = 30;
		T_EQ(ipc_send(TTY_PROC_NR, &m), OK);
		T_EQ(tty_req(CDEV_CANCEL, GRANT_INVALID, 0, 30), EINTR);
	}
	T_OK(noncanonical());
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(gt), 0);
	T_EQ(cpf_revoke(go), 0);
	return 0;
}

/* Line i of the flood, with its newline; its length. */
static int flood_line(int i, char *out)
{
	int n = snprintf(out, 32, "%d:", i), k;

	for (k = 0; k < (i * 7) % 13; k++)
		out[n++] = 'x';
	out[n++] = '\n';
	return n;
}

static int get_lines(struct tty_lines *tl, uint32_t id)
{
	cp_grant_id_t gl;
	int r;

	gl = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)tl, sizeof(*tl), CPF_WRITE);
	if (gl < 0)
		return EGENERIC;
	r = tty_req(CDEV_IOCTL, gl, TIOCGLINES, id);
	cpf_revoke(gl);
	return r;
}

int test_tty_overflow_whole_lines(void)
{
	struct tty_lines before, after;
	char want[32];
	int i, n, space = TTY_QUEUE, kept = 0, waited = 0;
	message m;

	g = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
	gt = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)&t, sizeof(t), CPF_READ | CPF_WRITE);
	T_TRUE(g >= 0 && gt >= 0);
	T_OK(set_mode(ISIG | ICANON, 1, 60));   /* no echo: only bells */
	T_EQ(get_lines(&before, 62), OK);
	T_EQ(before.queued, 0);
	T_EQ(tty_puts("@", 63), 0);             /* -> the flood */
	do {
		t_sleep(1);
		T_EQ(get_lines(&after, 64), OK);
	} while (after.typed - before.typed < FLOOD && ++waited < 15 * sys_hz());
	T_EQ(after.typed - before.typed, FLOOD);
	for (i = 1; i <= FLOOD; i++) {
		n = flood_line(i, want);
		if (n <= space)
			space -= n, kept++;
	}
	T_EQ(kept, FLOOD_KEPT);
	T_EQ(after.dropped - before.dropped, FLOOD - FLOOD_KEPT);
	T_EQ(after.queued, TTY_QUEUE - space);
	/* Each kept line comes whole and alone, in order. */
	space = TTY_QUEUE;
	for (i = 1; i <= FLOOD; i++) {
		n = flood_line(i, want);
		if (n > space)
			continue;
		space -= n;
		T_OK(read_is(64, want, (size_t)n, 100 + (uint32_t)i));
	}
	memset(&m, 0, sizeof(m));                /* and then nothing */
	m.m_type = CDEV_READ;
	m.m_vfs_lchardriver_readwrite.grant = g;
	m.m_vfs_lchardriver_readwrite.count = 64;
	m.m_vfs_lchardriver_readwrite.flags = CDEV_NONBLOCK;
	m.m_vfs_lchardriver_readwrite.id = 9000;
	T_EQ(ipc_sendrec(TTY_PROC_NR, &m), OK);
	T_EQ(m.m_lchardriver_vfs_reply.status, EAGAIN);
	T_OK(set_mode(ISIG | ICANON | ECHO | ECHOE, 1, 9001));
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(gt), 0);
	return 0;
}

static int tcxonc(int action, uint32_t id)
{
	cp_grant_id_t ga;
	int r;

	ga = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)&action, sizeof(action), CPF_READ);
	if (ga < 0)
		return EGENERIC;
	r = tty_req(CDEV_IOCTL, ga, TCXONC, id);
	cpf_revoke(ga);
	return r;
}

/* Send a write of n bytes of s without waiting for its answer. */
static int write_async(const char *s, size_t n, uint32_t id, cp_grant_id_t *go)
{
	message m;

	*go = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)s, n, CPF_READ);
	if (*go < 0)
		return EGENERIC;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_WRITE;
	m.m_vfs_lchardriver_readwrite.grant = *go;
	m.m_vfs_lchardriver_readwrite.count = (uint32_t)n;
	m.m_vfs_lchardriver_readwrite.id = (endpoint_t)id;
	return ipc_send(TTY_PROC_NR, &m);
}

int test_tty_output_queue(void)
{
	static char zs[4096];
	const char *ws = "wwwwwwwwww";
	cp_grant_id_t go, g1, g2;
	message m;
	int i;

	memset(zs, 'z', sizeof(zs));
	go = cpf_grant_direct(TTY_PROC_NR, (vir_bytes)zs, sizeof(zs), CPF_READ);
	T_TRUE(go >= 0);
	T_EQ(tcxonc(7, 200), EINVAL);
	T_EQ(tcxonc(TCOOFF, 201), OK);
	for (i = 0; i < TTY_OQ / (int)sizeof(zs); i++)
		T_EQ(tty_req(CDEV_WRITE, go, sizeof(zs), 210 + (uint32_t)i), (long)sizeof(zs));
	T_EQ(tty_req(CDEV_WRITE, go, TTY_OQ % sizeof(zs), 214), TTY_OQ % sizeof(zs));
	T_EQ(write_async(ws, 10, 220, &g1), OK);  /* the queue is full: waits */
	t_sleep(2);
	T_EQ(tty_req(CDEV_CANCEL, GRANT_INVALID, 0, 220), EINTR);
	T_EQ(write_async(ws, 10, 221, &g2), OK);
	t_sleep(2);
	T_EQ(tcxonc(TCOON, 222), OK);             /* answered before the write */
	T_EQ(ipc_receive(TTY_PROC_NR, &m, NULL), OK);
	T_EQ(m.m_type, CDEV_REPLY);
	T_EQ(m.m_lchardriver_vfs_reply.id, 221);
	T_EQ(m.m_lchardriver_vfs_reply.status, 10);
	for (i = 0; i < 5 * sys_hz(); i++) {     /* all out before we end */
		struct tty_lines tl;
		T_EQ(get_lines(&tl, 223), OK);
		if (tl.out_queued == 0)
			break;
		t_sleep(1);
	}
	T_EQ(cpf_revoke(go), 0);
	T_EQ(cpf_revoke(g1), 0);
	T_EQ(cpf_revoke(g2), 0);
	return 0;
}
