/* b_ipc.c - the cost of a null kernel call and of a SENDREC round trip. */
#include <string.h>
#include "bench.h"

static void echo_server(void)
{
	message m;

	for (;;) {
		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		ipc_send(m.m_source, &m);
	}
}

void bench_ipc(void)
{
	static uint64_t s[ITERS];
	endpoint_t srv;
	message m;
	int i;

	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		sys_null();
		s[i] = rdtsc64() - t0;
	}
	report("null_kernel_call", s, ITERS);

	if (sys_fork(0, &srv) != OK)
		return;
	if (srv == NONE)
		echo_server();
	memset(&m, 0, sizeof(m));
	ipc_sendrec(srv, &m); /* warm up */
	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		ipc_sendrec(srv, &m);
		s[i] = rdtsc64() - t0;
	}
	report("sendrec_roundtrip", s, ITERS);
	sys_clear(srv);
}

void bench_calib(void)
{
	static uint64_t s[ITERS];
	static uint32_t a[256], b[256];
	message m;
	int i;

	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		__asm__ volatile(".rept 100\n\tnop\n\t.endr");
		s[i] = rdtsc64() - t0;
	}
	report("calib_100_nops", s, ITERS);
	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		memcpy(a, b, sizeof(a));
		s[i] = rdtsc64() - t0;
	}
	report("calib_memcpy_1k", s, ITERS);
	m.m_type = SYS_NULL;
	for (i = 0; i < ITERS; i++) {
		int r;
		uint64_t t0 = rdtsc64();
		__asm__ volatile("int $0x20" : "=a"(r) : "a"(&m) : "memory");
		s[i] = rdtsc64() - t0;
		m.m_type = SYS_NULL;
	}
	report("calib_raw_kcall_trap", s, ITERS);
}
