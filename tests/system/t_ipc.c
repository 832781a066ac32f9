/* t_ipc.c - message passing: sizes, SENDREC, RECEIVE from ANY and from one
 * source, NOTIFY, SENDNB, SENDA, dead and stale endpoints, ELOCKED, bad
 * message pointers.
 */
#include <stddef.h>
#include "t.h"

#define PING 0x100
#define PONG 0x101
#define GO   0x102

static endpoint_t parent;

int test_message_size(void)
{
	message m;

	T_EQ(sizeof(message), 64);
	T_EQ(offsetof(message, m_source), 0);
	T_EQ(offsetof(message, m_type), 4);
	T_EQ(offsetof(message, m_m1), 8);
	T_EQ(sizeof(m.m_m1), 56);
	T_EQ(sizeof(m.m_notify), 56);
	T_EQ(sizeof(m.m_safecopy), 56);
	T_EQ(sizeof(m.m_vumap), 56);
	T_EQ(_Alignof(message), 16);
	T_EQ(sizeof(asynmsg_t), 80);
	return 0;
}

/* Echo server: receive one message, check it, reply with every byte + 1. */
static void echo_server(void *arg)
{
	message m;
	int i;

	(void)arg;
	if (ipc_receive(ANY, &m, NULL) != OK)
		return;
	for (i = 0; i < 56; i++)
		m.m_u8.data[i] = (uint8_t)(m.m_u8.data[i] + 1);
	m.m_type = PONG;
	ipc_send(m.m_source, &m);
}

int test_sendrec_roundtrip(void)
{
	endpoint_t srv = t_fork(echo_server, NULL);
	message m;
	int i;

	T_TRUE(srv != NONE);
	memset(&m, 0, sizeof(m));
	m.m_type = PING;
	for (i = 0; i < 56; i++)
		m.m_u8.data[i] = (uint8_t)(i * 7);
	T_EQ(ipc_sendrec(srv, &m), OK);
	T_EQ(m.m_source, srv);
	T_EQ(m.m_type, PONG);
	for (i = 0; i < 56; i++)
		T_EQ(m.m_u8.data[i], (uint8_t)(i * 7 + 1));
	return 0;
}

/* Messages that straddle a page boundary: 32 bytes before it, 32 after. */
static uint8_t straddle[2 * 4096] __attribute__((aligned(4096)));
#define STRADDLE ((message *)(straddle + 4096 - 32))

/* Echo n requests: receive into a buffer across two pages (odd rounds)
 * or on the stack (even rounds), add 1 to every byte, reply. */
static void echo_mixed(void *arg)
{
	message m, *mp;
	int i, k, n = (int)(long)arg;

	for (k = 0; k < n; k++) {
		mp = (k & 1) ? STRADDLE : &m;
		if (ipc_receive(ANY, mp, NULL) != OK)
			return;
		for (i = 0; i < 56; i++)
			mp->m_u8.data[i] = (uint8_t)(mp->m_u8.data[i] + 1);
		mp->m_type = PONG;
		ipc_send(mp->m_source, mp);
	}
}

static int check_echo(endpoint_t srv, message *mp, int seed)
{
	int i;

	memset(mp, 0, sizeof(*mp));
	mp->m_type = PING;
	for (i = 0; i < 56; i++)
		mp->m_u8.data[i] = (uint8_t)(i * 3 + seed);
	T_EQ(ipc_sendrec(srv, mp), OK);
	T_EQ(mp->m_source, srv);
	T_EQ(mp->m_type, PONG);
	for (i = 0; i < 56; i++)
		T_EQ(mp->m_u8.data[i], (uint8_t)(i * 3 + seed + 1));
	return 0;
}

/* The kernel's IPC fast path (a message within one writable page to a
 * waiting receiver) and the general path (a message across two pages, or
 * in a page shared copy-on-write since a fork) deliver the same: every
 * combination of the two on the sending and the receiving side. */
int test_ipc_fast_and_general_paths(void)
{
	endpoint_t srv = t_fork(echo_mixed, (void *)8);
	static message shared; /* in a data page the server still shares */
	message m;
	int k;

	T_TRUE(srv != NONE);
	for (k = 0; k < 8; k++) {
		t_sleep(1); /* the server waits in its receive */
		if (k % 4 < 2) {
			if (check_echo(srv, (k & 2) ? STRADDLE : &m, k))
				return 1;
		} else if (check_echo(srv, (k & 1) ? &shared : STRADDLE, k)) {
			return 1;
		}
	}
	return 0;
}

/* The fast reply (kernel/ipc.c, sched_lazy): the server's SEND wakes a
 * client blocked in SENDREC, which joins the run queue only when the
 * kernel is next entered.  Here the server, before it receives again,
 * makes a kernel call that looks at the client (it must be runnable) and
 * sends it what it saw; three rounds, the last with a busy third process
 * in the queue (the general order).  Replies and statuses exact. */
static void reply_then_look(void *arg)
{
	struct proc_info pi;
	message m;
	int k, i, st;

	(void)arg;
	for (k = 0; k < 3; k++) {
		if (ipc_receive(ANY, &m, &st) != OK)
			return;
		if (IPC_STATUS_CALL(st) != SENDREC)
			m.m_type = -1;
		else
			m.m_type = PONG;
		for (i = 0; i < 56; i++)
			m.m_u8.data[i] = (uint8_t)(m.m_u8.data[i] ^ 0x5a);
		ipc_send(m.m_source, &m);
		pi.pi_rts_flags = ~0u;
		sys_getproc(&pi, m.m_source);
		t_reply(m.m_source, GO, (int)pi.pi_rts_flags);
	}
}

static void spin_ticks(void *arg)
{
	t_spin((int)(long)arg);
}

int test_ipc_fast_reply_then_kernel_call(void)
{
	endpoint_t srv = t_fork(reply_then_look, NULL), spinner = NONE;
	message m;
	int k, i, st;

	T_TRUE(srv != NONE);
	for (k = 0; k < 3; k++) {
		if (k == 2)
			spinner = t_fork(spin_ticks, (void *)3);
		t_sleep(1); /* the server waits in its receive */
		memset(&m, 0, sizeof(m));
		m.m_type = PING;
		for (i = 0; i < 56; i++)
			m.m_u8.data[i] = (uint8_t)(i + k);
		T_EQ(ipc_sendrec(srv, &m), OK);
		T_EQ(m.m_source, srv);
		T_EQ(m.m_type, PONG);
		for (i = 0; i < 56; i++)
			T_EQ(m.m_u8.data[i], (uint8_t)((i + k) ^ 0x5a));
		T_EQ(ipc_receive(srv, &m, &st), OK);
		T_EQ(IPC_STATUS_CALL(st), SEND);
		T_EQ(m.m_type, GO);
		T_EQ(m.m1_i1, 0); /* runnable when the server looked */
	}
	T_TRUE(spinner != NONE);
	return 0;
}

/* A send to a process that waits in a receive from someone else takes
 * no fast path: the sender blocks until the receiver asks for it, and
 * each message reaches it exactly, in the order it asked. */
static void wait_parent_then_any(void *arg)
{
	message m;

	(void)arg;
	if (ipc_receive(parent, &m, NULL) != OK || m.m_type != GO)
		return;
	t_reply(parent, PONG, m.m1_i1);
	if (ipc_receive(ANY, &m, NULL) != OK)
		return;
	t_reply(parent, PONG, m.m_type == PING ? m.m1_i1 : -1);
}

static void send_to(void *arg)
{
	t_reply((endpoint_t)(long)arg, PING, 33);
}

int test_ipc_send_to_receiver_of_other(void)
{
	struct proc_info pi;
	endpoint_t c, x;
	int v;

	parent = t_self();
	c = t_fork(wait_parent_then_any, NULL);
	t_sleep(1); /* c waits for us only */
	x = t_fork(send_to, (void *)(long)c);
	t_sleep(2);
	T_EQ(sys_getproc(&pi, x), OK);
	T_TRUE(pi.pi_rts_flags & PI_SENDING); /* not delivered */
	T_EQ(sys_getproc(&pi, c), OK);
	T_TRUE(pi.pi_rts_flags & PI_RECEIVING);
	T_EQ(t_reply(c, GO, 44), OK);
	T_EQ(t_expect(c, PONG, &v), OK);
	T_EQ(v, 44);
	T_EQ(t_expect(c, PONG, &v), OK);
	T_EQ(v, 33);
	return 0;
}

static void send_value(void *arg)
{
	t_reply(parent, PING, (int)(long)arg);
}

int test_receive_any(void)
{
	endpoint_t a, b;
	message m;
	int seen_a = 0, seen_b = 0, i;

	parent = t_self();
	a = t_fork(send_value, (void *)11);
	b = t_fork(send_value, (void *)22);
	for (i = 0; i < 2; i++) {
		T_EQ(ipc_receive(ANY, &m, NULL), OK);
		T_EQ(m.m_type, PING);
		if (m.m_source == a && m.m1_i1 == 11)
			seen_a++;
		else if (m.m_source == b && m.m1_i1 == 22)
			seen_b++;
		else
			T_FAIL("unexpected source %d value %d", m.m_source, m.m1_i1);
	}
	T_EQ(seen_a, 1);
	T_EQ(seen_b, 1);
	return 0;
}

int test_receive_specific_while_other_waits(void)
{
	endpoint_t a, b;
	message m;
	struct proc_info pi;

	parent = t_self();
	a = t_fork(send_value, (void *)1);
	b = t_fork(send_value, (void *)2);
	t_sleep(3); /* both are now blocked sending to us */
	T_EQ(sys_getproc(&pi, a), OK);
	T_TRUE(pi.pi_rts_flags & PI_SENDING);
	T_EQ(ipc_receive(b, &m, NULL), OK);
	T_EQ(m.m_source, b);
	T_EQ(m.m1_i1, 2);
	T_EQ(sys_getproc(&pi, a), OK);
	T_TRUE(pi.pi_rts_flags & PI_SENDING); /* a still waits */
	T_EQ(ipc_receive(a, &m, NULL), OK);
	T_EQ(m.m_source, a);
	T_EQ(m.m1_i1, 1);
	return 0;
}

static void notify_twice_then_wait(void *arg)
{
	message m;

	(void)arg;
	ipc_notify(parent);
	ipc_notify(parent);
	ipc_receive(parent, &m, NULL); /* stay alive until told */
}

int test_notify_coalesces(void)
{
	endpoint_t c;
	message m;

	parent = t_self();
	c = t_fork(notify_twice_then_wait, NULL);
	t_sleep(3); /* two notifies arrive while we wait for CLOCK only */
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, c);
	T_EQ(m.m_type, NOTIFY_MESSAGE);
	/* The second notify was merged into the first: next comes CLOCK. */
	sys_setalarm(2, 0);
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, CLOCK);
	T_EQ(t_reply(c, GO, 0), OK);
	return 0;
}

static void notify_once_then_wait(void *arg)
{
	message m;

	(void)arg;
	ipc_notify(parent);
	t_reply(parent, PING, 5);
	ipc_receive(parent, &m, NULL);
}

int test_notify_busy_receiver(void)
{
	endpoint_t c;
	message m;
	clock_t t0;

	parent = t_self();
	c = t_fork(notify_once_then_wait, NULL);
	t0 = t_now();
	t_spin(3); /* busy: not receiving while the notify is sent */
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, c);
	T_EQ(m.m_type, NOTIFY_MESSAGE);
	T_TRUE(m.m_notify.timestamp >= t0 + 3); /* built at delivery */
	T_EQ(ipc_receive(c, &m, NULL), OK);
	T_EQ(m.m_type, PING);
	T_EQ(t_reply(c, GO, 0), OK);
	return 0;
}

static void receive_from_clock_then_any(void *arg)
{
	message m;

	(void)arg;
	t_sleep(5);
	if (ipc_receive(ANY, &m, NULL) == OK)
		t_reply(m.m_source, PONG, m.m1_i1);
}

int test_sendnb_not_ready(void)
{
	endpoint_t c;
	message m;
	int v;

	c = t_fork(receive_from_clock_then_any, NULL);
	t_sleep(1); /* c is in receive from CLOCK */
	memset(&m, 0, sizeof(m));
	m.m_type = PING;
	m.m1_i1 = 77;
	T_EQ(ipc_sendnb(c, &m), ENOTREADY);
	t_sleep(8); /* now c receives from ANY */
	T_EQ(ipc_sendnb(c, &m), OK);
	T_EQ(t_expect(c, PONG, &v), OK);
	T_EQ(v, 77);
	return 0;
}

static void receive_and_ack(void *arg)
{
	message m;
	int delay = (int)(long)arg;

	if (delay)
		t_sleep(delay);
	if (ipc_receive(ANY, &m, NULL) == OK)
		t_reply(parent, PONG, m.m1_i1 + (m.m_source == parent ? 1000 : 0));
}

/* Sleep 5 ticks (receiving from CLOCK only), then take three messages
 * and report their values in order as one number; then take one more
 * (waiting for anyone, so it is sent straight to us) and report it. */
static void asyn_receiver(void *arg)
{
	message m;
	int i, v = 0;

	(void)arg;
	t_sleep(5);
	for (i = 0; i < 3; i++) {
		if (ipc_receive(ANY, &m, NULL) != OK)
			return;
		v = v * 10 + m.m1_i1;
	}
	t_reply(parent, PONG, v);
	if (ipc_receive(ANY, &m, NULL) == OK)
		t_reply(parent, PONG, m.m1_i1 + (m.m_source == parent ? 1000 : 0));
}

/* libsys asynsend: to a busy destination the messages wait in the SENDA
 * table and arrive in the order sent (a later one never overtakes an
 * earlier one through the non-blocking send); to a destination that
 * waits for us, a message arrives at once. */
int test_asynsend_order(void)
{
	endpoint_t c;
	message m;
	int v, i;

	parent = t_self();
	c = t_fork(asyn_receiver, NULL);
	T_TRUE(c != NONE);
	t_sleep(1);     /* it sleeps now: not receiving from us */
	memset(&m, 0, sizeof(m));
	m.m_type = PING;
	for (i = 1; i <= 3; i++) {
		m.m1_i1 = i;
		T_EQ(asynsend(c, &m), OK);
	}
	T_EQ(t_expect(c, PONG, &v), OK);
	T_EQ(v, 123);
	t_sleep(1);     /* it waits for anyone now */
	m.m1_i1 = 4;
	T_EQ(asynsend(c, &m), OK);
	T_EQ(t_expect(c, PONG, &v), OK);
	T_EQ(v, 1004);
	return 0;
}

int test_senda_table(void)
{
	static asynmsg_t tab[4];
	endpoint_t now_c, later_c, dead;
	message m;
	int v, got_notify = 0, i;

	parent = t_self();
	dead = t_fork(receive_and_ack, (void *)0);
	t_reply(dead, PING, 0);
	T_EQ(t_expect(dead, PONG, NULL), OK);
	t_sleep(2); /* dead has exited */
	now_c = t_fork(receive_and_ack, (void *)0);
	later_c = t_fork(receive_and_ack, (void *)6);
	t_sleep(2); /* now_c receives from ANY; later_c sleeps */
	memset(tab, 0, sizeof(tab));
	for (i = 0; i < 3; i++) {
		tab[i].flags = AMF_VALID;
		tab[i].msg.m_type = PING;
		tab[i].msg.m1_i1 = i + 1;
	}
	tab[0].dst = now_c;
	tab[1].dst = later_c;
	tab[1].flags |= AMF_NOTIFY;
	tab[2].dst = dead;
	tab[3].flags = AMF_EMPTY;
	tab[3].dst = now_c;
	T_EQ(ipc_senda(tab, 4), OK);
	T_EQ(tab[0].flags, AMF_VALID | AMF_DONE);
	T_EQ(tab[0].result, OK);
	T_EQ(tab[1].flags, AMF_VALID | AMF_NOTIFY); /* pending */
	T_EQ(tab[2].flags, AMF_VALID | AMF_DONE);
	T_EQ(tab[2].result, EDEADSRCDST);
	T_EQ(tab[3].flags, AMF_EMPTY);
	T_EQ(t_expect(now_c, PONG, &v), OK);
	T_EQ(v, 1001);
	/* later_c receives after its sleep and gets entry 1 then. */
	for (i = 0; i < 2; i++) {
		T_EQ(ipc_receive(ANY, &m, NULL), OK);
		if (m.m_source == ASYNCM && m.m_type == NOTIFY_MESSAGE)
			got_notify++;
		else if (m.m_source == later_c && m.m_type == PONG)
			T_EQ(m.m1_i1, 1002);
		else
			T_FAIL("unexpected message from %d", m.m_source);
	}
	T_EQ(got_notify, 1);
	T_EQ(tab[1].flags, AMF_VALID | AMF_NOTIFY | AMF_DONE);
	T_EQ(tab[1].result, OK);
	T_EQ(ipc_senda(tab, NR_ASYNC_MSGS + 1), EINVAL);
	/* An entry for a process that dies before receiving it is completed
	 * with EDEADSRCDST, and AMF_NOTIFY says so. */
	later_c = t_fork(receive_and_ack, (void *)1000); /* sleeps 10 s */
	t_sleep(1);
	memset(tab, 0, sizeof(tab));
	tab[0].dst = later_c;
	tab[0].msg.m_type = PING;
	tab[0].flags = AMF_VALID | AMF_NOTIFY;
	T_EQ(ipc_senda(tab, 1), OK);
	T_EQ(tab[0].flags, AMF_VALID | AMF_NOTIFY);       /* waiting */
	T_EQ(sys_clear(later_c), OK);
	T_EQ(tab[0].flags, AMF_VALID | AMF_NOTIFY | AMF_DONE);
	T_EQ(tab[0].result, EDEADSRCDST);
	T_EQ(ipc_receive(ANY, &m, NULL), OK);
	T_EQ(m.m_source, ASYNCM);
	return 0;
}

static void exit_now(void *arg)
{
	(void)arg;
}

int test_send_dead_endpoint(void)
{
	endpoint_t c = t_fork(exit_now, NULL);
	message m;

	t_sleep(2);
	memset(&m, 0, sizeof(m));
	T_EQ(ipc_send(c, &m), EDEADSRCDST);
	T_EQ(ipc_sendrec(c, &m), EDEADSRCDST);
	T_EQ(ipc_notify(c), EDEADSRCDST);
	T_EQ(ipc_receive(c, &m, NULL), EDEADSRCDST);
	T_EQ(ipc_send(_ENDPOINT(0, NR_PROCS + 5), &m), EINVAL); /* no such slot */
	return 0;
}

int test_send_stale_endpoint(void)
{
	endpoint_t old, young;
	message m;
	int v;

	old = t_fork(exit_now, NULL);
	t_sleep(2);
	parent = t_self();
	young = t_fork(receive_and_ack, (void *)0);
	/* The freed slot is reused by the next process, one generation on. */
	T_EQ(_ENDPOINT_P(young), _ENDPOINT_P(old));
	T_EQ(_ENDPOINT_G(young), _ENDPOINT_G(old) + 1);
	memset(&m, 0, sizeof(m));
	m.m1_i1 = 3;
	T_EQ(ipc_send(old, &m), EDEADSRCDST);
	T_EQ(ipc_send(young, &m), OK);
	T_EQ(t_expect(young, PONG, &v), OK);
	T_EQ(v, 1003);
	return 0;
}

static void send_to_parent_blocking(void *arg)
{
	(void)arg;
	t_reply(parent, PING, 1); /* blocks: parent waits for CLOCK only */
}

int test_elocked_cycle(void)
{
	endpoint_t c;
	message m;

	parent = t_self();
	c = t_fork(send_to_parent_blocking, NULL);
	t_sleep(2); /* c is blocked sending to us */
	memset(&m, 0, sizeof(m));
	T_EQ(ipc_send(c, &m), ELOCKED);
	T_EQ(ipc_sendrec(c, &m), ELOCKED);
	T_EQ(ipc_send(t_self(), &m), ELOCKED); /* a cycle of one */
	T_EQ(ipc_receive(c, &m, NULL), OK);    /* the cycle is still usable */
	T_EQ(m.m_type, PING);
	return 0;
}

/* The kernel call trap without libsys (which would write m_type first). */
static int raw_kernel_call(message *m)
{
	int r;

	__asm__ volatile("int $0x20" : "=a"(r) : "a"(m) : "memory");
	return r;
}

int test_bad_message_pointer(void)
{
	endpoint_t srv;
	message *kernel_mem = (message *)0x100000; /* the kernel's text */
	message *unmapped = (message *)0x80000000;
	message *text = (message *)(void *)test_bad_message_pointer;
	message m;

	parent = t_self();
	srv = t_fork(receive_and_ack, (void *)0);
	T_EQ(ipc_send(srv, NULL), EFAULT);
	T_EQ(ipc_send(srv, kernel_mem), EFAULT);
	T_EQ(ipc_send(srv, unmapped), EFAULT);
	T_EQ(ipc_sendrec(srv, text), EFAULT);   /* reply would not fit */
	T_EQ(ipc_receive(ANY, unmapped, NULL), EFAULT);
	T_EQ(ipc_receive(ANY, text, NULL), EFAULT);
	T_EQ(ipc_senda((asynmsg_t *)unmapped, 1), EFAULT);
	T_EQ(raw_kernel_call(unmapped), EFAULT);
	T_EQ(raw_kernel_call(kernel_mem), EFAULT);
	T_EQ(raw_kernel_call(NULL), EFAULT);
	/* Still fine afterwards. */
	memset(&m, 0, sizeof(m));
	m.m1_i1 = 9;
	T_EQ(ipc_send(srv, &m), OK);
	T_EQ(t_expect(srv, PONG, NULL), OK);
	return 0;
}

static void die_in_sendrec_partner(void *arg)
{
	message m;

	(void)arg;
	ipc_receive(ANY, &m, NULL); /* take the request, never reply */
}

int test_partner_death_unblocks(void)
{
	endpoint_t c = t_fork(die_in_sendrec_partner, NULL);
	message m;

	memset(&m, 0, sizeof(m));
	/* c takes our request and exits without replying. */
	T_EQ(ipc_sendrec(c, &m), EDEADSRCDST);
	return 0;
}

int test_unknown_calls(void)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	T_EQ(_kernel_call(KERNEL_CALL + 59 + 100, &m), EBADREQUEST);
	__asm__ volatile("int $0x21" : "=a"(r) : "a"(99), "b"(ANY), "c"(&m) : "memory");
	T_EQ(r, EBADCALL);
	T_EQ(ipc_send(CLOCK, &m), ECALLDENIED);
	T_EQ(ipc_send(SYSTEM, &m), ECALLDENIED);
	T_EQ(ipc_send(ANY, &m), EINVAL);
	m.m_type = SYS_NULL;
	T_EQ(ipc_sendrec(SYSTEM, &m), OK); /* kernel call as a message */
	T_EQ(m.m_type, OK);
	T_EQ(m.m_source, SYSTEM);
	return 0;
}

/* The child of test_ipc_status: one message to the parent with every
 * primitive, in an order the parent's receives then see. */
static void send_every_way(void *arg)
{
	static asynmsg_t tab[1];
	message m;

	(void)arg;
	memset(&m, 0, sizeof(m));
	m.m_type = 1;
	ipc_send(parent, &m);                  /* SEND (waits for the receive) */
	ipc_notify(parent);                    /* pending notification */
	tab[0].flags = AMF_VALID;
	tab[0].dst = parent;
	tab[0].msg.m_type = 3;
	ipc_senda(tab, 1);                     /* pending asynchronous message */
	m.m_type = 4;
	ipc_sendrec(parent, &m);               /* queued SENDREC, then the reply */
	m.m_type = 5;
	while (ipc_sendnb(parent, &m) == ENOTREADY)
		;                              /* SENDNB once the parent waits */
}

/* ipc_receive's status says how each message was sent (MINIX's
 * IPC_STATUS_CALL, is_ipc_notify, is_ipc_asynch). */
int test_ipc_status(void)
{
	static const struct { int type, call; } want[] = {
		{ 1, SEND }, { NOTIFY_MESSAGE, NOTIFY }, { 3, SENDA },
		{ 4, SENDREC }, { 5, SENDNB },
	};
	endpoint_t c;
	message m;
	int i, st;

	parent = t_self();
	c = t_fork(send_every_way, NULL);
	t_sleep(2);                            /* the child blocks in SEND first */
	for (i = 0; i < 5; i++) {
		st = -1;
		T_EQ(ipc_receive(c, &m, &st), OK);
		T_EQ(m.m_source, c);
		T_EQ(m.m_type, want[i].type);
		T_EQ(IPC_STATUS_CALL(st), want[i].call);
		T_EQ(is_ipc_notify(st), want[i].call == NOTIFY);
		T_EQ(is_ipc_asynch(st), want[i].call == NOTIFY || want[i].call == SENDA);
		if (want[i].call == SENDREC)
			T_EQ(ipc_send(c, &m), OK);     /* its reply */
	}
	st = -1;
	T_EQ(ipc_receive(ANY, (message *)4, &st), EFAULT);
	T_EQ(st, 0);                           /* no message, no status */
	return 0;
}
