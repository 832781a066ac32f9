/* b_rs.c - driver restart time: from the fault (`service fi` armed, then
 * a request that makes the fitest service crash) to the first request
 * the new instance serves, found through DS as clients find it.  Each
 * sample starts with RS_REFRESH, so RS restarts at once (no backoff).
 */
#include <string.h>
#include <minix/rs.h>
#include <minix/ds.h>
#include "bench.h"
#include "../fitest/fitest.h"

#define RESTARTS 20

static int rs_call(int type, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	strcpy(m->m_rs.label, "fitest");
	if (ipc_sendrec(RS_PROC_NR, m) != OK)
		return EGENERIC;
	return m->m_type;
}

static int ping(endpoint_t ep)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = FIT_PING;
	return ipc_sendrec(ep, &m) == OK ? m.m_type : EGENERIC;
}

/* The first fitest endpoint other than old that answers. */
static endpoint_t wait_new(endpoint_t old)
{
	endpoint_t ep;

	for (;;)
		if (ds_retrieve_label_endpt("fitest", &ep) == OK && ep != old && ping(ep) == OK)
			return ep;
}

void bench_rs(void)
{
	static uint64_t s[RESTARTS];
	endpoint_t ep;
	message m;
	int i;

	if (ds_retrieve_label_endpt("fitest", &ep) != OK)
		return;		/* no fitest in this image */
	for (i = 0; i < RESTARTS; i++) {
		uint64_t t0;
		if (rs_call(RS_REFRESH, &m) != OK)
			return;
		ep = wait_new(ep);
		if (rs_call(RS_FI, &m) != OK)
			return;
		t0 = rdtsc64();
		ping(ep);			/* it crashes on this request */
		ep = wait_new(ep);
		s[i] = rdtsc64() - t0;
	}
	report("driver_restart", s, RESTARTS);
}
