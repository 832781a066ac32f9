/* t.c - helpers for in-guest tests: forking helpers, sleeping, waiting for a
 * helper's kernel signal, and the failure reason.
 */
#include <stdarg.h>
#include "t.h"

char t_reason[T_REASON_LEN];
endpoint_t t_runner;

int t_failf(const char *file, int line, const char *fmt, ...)
{
	const char *base = strrchr(file, '/');
	va_list ap;
	int n;

	n = snprintf(t_reason, sizeof(t_reason), "%s:%d: ", base ? base + 1 : file, line);
	va_start(ap, fmt);
	vsnprintf(t_reason + n, sizeof(t_reason) - (size_t)n, fmt, ap);
	va_end(ap);
	return 1;
}

endpoint_t t_self(void)
{
	endpoint_t me;

	return sys_whoami(&me, NULL, 0, NULL, NULL) == OK ? me : NONE;
}

static endpoint_t fork_with(int flags, void (*fn)(void *), void *arg)
{
	endpoint_t child;

	if (sys_fork(flags, &child) != OK)
		return NONE;
	if (child == NONE) {
		fn(arg);
		sys_exit(0);
	}
	return child;
}

endpoint_t t_fork(void (*fn)(void *), void *arg) { return fork_with(0, fn, arg); }
endpoint_t t_fork_stopped(void (*fn)(void *), void *arg) { return fork_with(PFF_STOPPED, fn, arg); }

clock_t t_now(void)
{
	clock_t t = 0;

	t = getticks();
	return t;
}

void t_sleep(int ticks)
{
	clock_t end = t_now() + ticks;
	message m;

	while (t_now() < end) {
		sys_setalarm(end, 1);
		ipc_receive(CLOCK, &m, NULL);
	}
}

void t_spin(int ticks)
{
	clock_t end = t_now() + ticks;

	while (t_now() < end)
		;
}

int t_wait_ksig(endpoint_t ep, int ticks)
{
	clock_t end = t_now() + ticks;
	message m;
	int mask = 0;

	sys_setalarm(end, 1);
	while (!mask && t_now() < end) {
		endpoint_t who;
		int sigs;
		if (ipc_receive(ANY, &m, NULL) != OK)
			break;
		if (m.m_source != SYSTEM)
			continue;
		while (sys_getksig(&who, &sigs) == OK && who != NONE)
			if (who == ep)
				mask |= sigs;
	}
	sys_setalarm(0, 0);
	return mask;
}

int t_reply(endpoint_t to, int type, int value)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m1_i1 = value;
	return ipc_send(to, &m);
}

int t_expect(endpoint_t from, int type, int *value)
{
	message m;
	int r = ipc_receive(from, &m, NULL);

	if (r != OK)
		return r;
	if (value)
		*value = m.m1_i1;
	return m.m_type == type ? OK : EBADREQUEST;
}

int t_bdev(endpoint_t ep, int type, int minor, uint64_t pos, cp_grant_id_t g,
	uint32_t count)
{
	static uint32_t id = 1000;
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_lbdev_lblockdriver_msg.minor = minor;
	m.m_lbdev_lblockdriver_msg.pos = pos;
	m.m_lbdev_lblockdriver_msg.grant = g;
	if (type == BDEV_IOCTL)
		m.m_lbdev_lblockdriver_msg.request = (int)count;	/* count: the ioctl request */
	else
		m.m_lbdev_lblockdriver_msg.count = (int)count;
	m.m_lbdev_lblockdriver_msg.id = (int)++id;
	if ((r = ipc_sendrec(ep, &m)) != OK)
		return r;
	if (m.m_type != BDEV_REPLY || m.m_lblockdriver_lbdev_reply.id != (int)id)
		return EGENERIC;
	return m.m_lblockdriver_lbdev_reply.status;
}
