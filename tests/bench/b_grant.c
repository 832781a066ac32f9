/* b_grant.c - what grants cost: safecopy by size beside memcpy, the cost
 * of each indirect hop, vsafecopy against separate calls, and safemap +
 * touch + unmap against safecopy by page count.
 *
 * A child (the granter) holds a 1 MiB buffer and serves requests; the
 * parent is the grantee.  Indirect chains alternate between the two
 * processes' tables, so the user of an odd-depth chain is the child, which
 * times that copy itself and reports the median.
 */
#include <string.h>
#include <stdio.h>
#include "bench.h"

#define MIB (1024 * 1024)
#define MAPADDR 0xa0000000u
#define CMD_INDIRECT 0x700   /* d1 to, d2 from, d3 gr -> d1 gid */
#define CMD_TIME     0x701   /* d1 granter, d2 gid, d3 bytes -> d1 median */
#define CMD_GID0     0x702   /* -> d1 the direct grant of big to the parent */

static uint8_t big[MIB] __attribute__((aligned(4096)));
static uint8_t dst[MIB] __attribute__((aligned(4096)));
static uint64_t s[ITERS];

static int iters_for(size_t bytes) { return bytes >= 65536 ? 21 : ITERS; }

static uint64_t time_copy(endpoint_t granter, cp_grant_id_t g, size_t bytes)
{
	int i, n = iters_for(bytes);

	for (i = 0; i < n; i++) {
		uint64_t t0 = rdtsc64();
		sys_safecopyfrom(granter, g, 0, (vir_bytes)dst, bytes);
		s[i] = rdtsc64() - t0;
	}
	return settle(s, n);
}

static uint64_t time_memcpy(size_t bytes)
{
	int i, n = iters_for(bytes);

	for (i = 0; i < n; i++) {
		uint64_t t0 = rdtsc64();
		memcpy(dst, big, bytes);
		s[i] = rdtsc64() - t0;
	}
	return settle(s, n);
}

static void granter(endpoint_t parent)
{
	cp_grant_id_t g0 = cpf_grant_direct(parent, (vir_bytes)big, MIB,
	    CPF_READ | CPF_WRITE | CPF_MAP);
	message m;

	for (;;) {
		uint32_t *d = m.m_u32.data;
		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		switch (m.m_type) {
		case CMD_GID0: d[1] = (uint32_t)g0; break;
		case CMD_INDIRECT:
			d[1] = (uint32_t)cpf_grant_indirect_range((endpoint_t)d[1],
			    (endpoint_t)d[2], (cp_grant_id_t)d[3], 0, 4096,
			    CPF_READ | CPF_WRITE);
			break;
		case CMD_TIME:
			d[1] = (uint32_t)time_copy((endpoint_t)d[1], (cp_grant_id_t)d[2], d[3]);
			break;
		}
		ipc_send(m.m_source, &m);
	}
}

static uint32_t ask(endpoint_t c, int type, uint32_t a, uint32_t b, uint32_t x)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_u32.data[1] = a;
	m.m_u32.data[2] = b;
	m.m_u32.data[3] = x;
	ipc_sendrec(c, &m);
	return m.m_u32.data[1];
}

static void line(const char *name, uint64_t v)
{
	printf("bench %s median=%llu min=%llu max=%llu n=1\n", name,
	    (unsigned long long)v, (unsigned long long)v, (unsigned long long)v);
}

void bench_grant(void)
{
	static const size_t sizes[] = {
		16, 64, 256, 1024, 4096, 16384, 65536, 262144, MIB
	};
	endpoint_t me, c;
	cp_grant_id_t g0, g[6];
	struct vscp_vec v[16];
	char name[48];
	unsigned i, k;

	sys_whoami(&me, NULL, 0, NULL, NULL);
	if (sys_fork(0, &c) != OK)
		return;
	if (c == NONE)
		granter(me);
	g0 = (cp_grant_id_t)ask(c, CMD_GID0, 0, 0, 0);

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(name, sizeof(name), "safecopy_%u", (unsigned)sizes[i]);
		line(name, time_copy(c, g0, sizes[i]));
		snprintf(name, sizeof(name), "memcpy_%u", (unsigned)sizes[i]);
		line(name, time_memcpy(sizes[i]));
	}

	/* Indirect chains of depth k = 1..5, 64 bytes at a time. */
	g[0] = g0;
	for (k = 1; k <= 5; k++) {
		uint64_t t;
		if (k & 1) { /* our table: pass it to the child */
			g[k] = cpf_grant_indirect_range(c, c, g[k - 1], 0, 4096,
			    CPF_READ | CPF_WRITE);
			t = ask(c, CMD_TIME, me, (uint32_t)g[k], 64);
		} else {     /* the child's table: passed back to us */
			g[k] = (cp_grant_id_t)ask(c, CMD_INDIRECT, me, me, (uint32_t)g[k - 1]);
			t = time_copy(c, g[k], 64);
		}
		snprintf(name, sizeof(name), "safecopy_64_hops_%u", k);
		line(name, t);
	}

	/* 16 x 4 KiB: one vsafecopy against 16 calls. */
	for (i = 0; i < 16; i++)
		v[i] = (struct vscp_vec){ c, SELF, g0, i * 4096, (vir_bytes)dst + i * 4096, 4096 };
	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		sys_vsafecopy(v, 16);
		s[i] = rdtsc64() - t0;
	}
	line("vsafecopy_16x4k", settle(s, ITERS));
	for (i = 0; i < ITERS; i++) {
		uint64_t t0 = rdtsc64();
		for (k = 0; k < 16; k++)
			sys_safecopyfrom(c, g0, k * 4096, (vir_bytes)dst + k * 4096, 4096);
		s[i] = rdtsc64() - t0;
	}
	line("safecopy_16x4k_separate", settle(s, ITERS));

	/* safemap + touch every page + unmap, against safecopy, by pages. */
	for (k = 1; k <= 64; k *= 2) {
		for (i = 0; i < 51; i++) {
			volatile uint32_t sum = 0;
			unsigned p;
			uint64_t t0 = rdtsc64();
			sys_safemap(c, g0, 0, MAPADDR, k * 4096, 0);
			for (p = 0; p < k; p++)
				sum += *(volatile uint32_t *)(MAPADDR + p * 4096);
			sys_safeunmap(MAPADDR);
			s[i] = rdtsc64() - t0;
		}
		snprintf(name, sizeof(name), "safemap_touch_unmap_%upages", k);
		line(name, settle(s, 51));
		snprintf(name, sizeof(name), "safecopy_%upages", k);
		line(name, time_copy(c, g0, k * 4096));
	}
	sys_clear(c);
}
