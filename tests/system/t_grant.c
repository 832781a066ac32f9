/* t_grant.c - memory grants: the poster scenario, every error code, fills,
 * vectors, mappings and DMA.  The test process (T) keeps a raw grant table
 * (ttab) or uses libsys cpf_*; puppets (pup.c) act as the other parties.
 * Every test checks the canary bytes of tbuf outside the windows it wrote.
 */
#include <errno.h>
#include "pup.h"

#define RW (CPF_READ | CPF_WRITE)
#define TBUF (8 * 4096)

static cp_grant_t ttab[PUP_NENT];
static uint8_t tbuf[TBUF] __attribute__((aligned(4096)));

static uint8_t canary(size_t i) { return (uint8_t)(i * 7 + 3); }

static void fill_canary(void)
{
	size_t i;

	for (i = 0; i < TBUF; i++)
		tbuf[i] = canary(i);
}

/* Index of the first byte of tbuf outside [lo, hi) that is not canary,
 * or -1. */
static long canary_broken(size_t lo, size_t hi)
{
	size_t i;

	for (i = 0; i < TBUF; i++)
		if ((i < lo || i >= hi) && tbuf[i] != canary(i))
			return (long)i;
	return -1;
}

static void table(int n)
{
	memset(ttab, 0, sizeof(ttab));
	sys_setgrant(ttab, n);
}

#define A(x) ((vir_bytes)(x))

int test_grant_poster_scenario(void)
{
	endpoint_t a = t_self(), b = pup_start(), c = pup_start(), d = pup_start();
	cp_grant_id_t ga, gbc, gbd;
	message r;
	int i;

	T_TRUE(b != NONE && c != NONE && d != NONE);
	fill_canary();
	/* A grants B [0x400, 0x600) read-write. */
	ga = cpf_grant_direct(b, A(tbuf) + 0x400, 0x200, RW);
	T_TRUE(ga >= 0);
	/* B passes it on, narrowed: to C [0x40, 0x140) RW, to D [0x100, 0x1C0) R. */
	T_EQ(pup(b, PUP_CPF_INDIRECT, &r, 6, c, a, ga, 0x40, 0x100, RW), OK);
	gbc = (cp_grant_id_t)r.m_u32.data[1];
	T_EQ(pup(b, PUP_CPF_INDIRECT, &r, 6, d, a, ga, 0x100, 0xC0, CPF_READ), OK);
	gbd = (cp_grant_id_t)r.m_u32.data[1];
	T_TRUE(gbc >= 0 && gbd >= 0 && gbc != gbd);

	/* C sees exactly A's [0x440, 0x540). */
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0, 0x100, 0), OK);
	T_EQ(pup(c, PUP_READBUF, &r, 1, 0), OK);
	T_EQ(memcmp(&r.m_u32.data[1], tbuf + 0x440, 52), 0);
	T_EQ(pup(c, PUP_READBUF, &r, 1, 0x100 - 52), OK);
	T_EQ(memcmp(&r.m_u32.data[1], tbuf + 0x540 - 52, 52), 0);
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0xff, 1, 0), OK);
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0x100, 1, 0), EPERM);
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0, 0x101, 0), EPERM);
	/* C writes 16 bytes at window offset 0x20: A's 0x460..0x470. */
	T_EQ(pup(c, PUP_FILLBUF, NULL, 3, 0x200, 0x10, 0xc5), OK);
	T_EQ(pup(c, PUP_COPYTO, NULL, 5, b, gbc, 0x20, 0x10, 0x200), OK);
	for (i = 0x460; i < 0x470; i++)
		T_EQ(tbuf[i], 0xc5);
	T_EQ(canary_broken(0x460, 0x470), -1);

	/* D sees exactly A's [0x500, 0x5C0), read-only. */
	T_EQ(pup(d, PUP_COPYFROM, NULL, 5, b, gbd, 0, 0xc0, 0), OK);
	T_EQ(pup(d, PUP_READBUF, &r, 1, 0xc0 - 52), OK);
	T_EQ(memcmp(&r.m_u32.data[1], tbuf + 0x5c0 - 52, 52), 0);
	T_EQ(pup(d, PUP_COPYFROM, NULL, 5, b, gbd, 0xc0, 1, 0), EPERM);
	T_EQ(pup(d, PUP_COPYTO, NULL, 5, b, gbd, 0, 1, 0), EPERM);
	T_EQ(pup(d, PUP_MEMSET, NULL, 5, b, gbd, 0, 1, 0), EPERM);
	T_EQ(pup(d, PUP_COPYFROM, NULL, 5, b, gbc, 0, 1, 0), EPERM); /* C's */
	T_EQ(pup(b, PUP_COPYFROM, NULL, 5, a, ga, 0, 0x200, 0), OK);

	/* Revoking A's grant cuts off B, C and D at once. */
	T_EQ(cpf_revoke(ga), 0);
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0, 1, 0), EPERM);
	T_EQ(pup(d, PUP_COPYFROM, NULL, 5, b, gbd, 0, 1, 0), EPERM);
	T_EQ(pup(b, PUP_COPYFROM, NULL, 5, a, ga, 0, 1, 0), EPERM);
	T_EQ(pup(c, PUP_COPYTO, NULL, 5, b, gbc, 0, 1, 0x200), EPERM);
	T_EQ(canary_broken(0x460, 0x470), -1);
	return 0;
}

int test_grant_errors(void)
{
	endpoint_t t = t_self(), h;
	cp_grant_id_t g0 = GRANT_ID(0, 1), gwo = GRANT_ID(1, 1);
	message r;
	int i;

	fill_canary();
	table(8);
	g_direct(&ttab[0], 0, A(tbuf) + 0x100, 0x100, CPF_READ, 1);
	h = pup_start();
	T_TRUE(h != NONE);
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, 0), OK); /* drop its inherited table */
	g_direct(&ttab[0], h, A(tbuf) + 0x100, 0x100, CPF_READ, 1);
	g_direct(&ttab[1], h, A(tbuf) + 0x300, 0x100, CPF_WRITE, 1);
	g_direct(&ttab[3], ANY, A(tbuf) + 0x100, 0x10, RW, 1);
	g_direct(&ttab[4], h, A(tbuf) + 0x500, 0x10, RW, 5);

	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0, 0x100, 0), OK);
	T_EQ(pup(h, PUP_READBUF, &r, 1, 0x100 - 52), OK);
	T_EQ(memcmp(&r.m_u32.data[1], tbuf + 0x200 - 52, 52), 0);
	/* Bad endpoints, bad IDs. */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, _ENDPOINT(0, NR_PROCS + 3), g0, 0, 4, 0), EINVAL);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, ANY, g0, 0, 4, 0), EINVAL);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, NONE, g0, 0, 4, 0), EINVAL);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, -1, 0, 4, 0), EINVAL);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, (uint32_t)0x80000000, 0, 4, 0), EINVAL);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(8, 1), 0, 4, 0), EPERM);   /* past table */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(0xffff, 1), 0, 4, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(2, 0), 0, 4, 0), EPERM);   /* unused */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(0, 2), 0, 4, 0), EPERM);   /* sequence */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(3, 1), 0, 4, 0), EPERM);   /* ANY */
	T_EQ(sys_safecopyfrom(t, g0, 0, A(tbuf) + 0x2000, 4), EPERM);             /* not ours */
	/* Access. */
	T_EQ(pup(h, PUP_COPYTO, NULL, 5, t, g0, 0, 4, 0), EPERM);
	T_EQ(pup(h, PUP_MEMSET, NULL, 5, t, g0, 0, 4, 0x11), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, gwo, 0, 4, 0), EPERM);
	T_EQ(pup(h, PUP_FILLBUF, NULL, 3, 0, 64, 0x5a), OK);
	T_EQ(pup(h, PUP_COPYTO, NULL, 5, t, gwo, 0xf0, 0x10, 0), OK);             /* last 16 */
	for (i = 0x3f0; i < 0x400; i++)
		T_EQ(tbuf[i], 0x5a);
	/* Ranges. */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0xff, 1, 0), OK);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0xf0, 0x11, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0x100, 1, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0x100, 0, 0), OK);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0x101, 0, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0xfffffff0, 0x20, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0x10, 0xfffffff8, 0), EPERM);
	T_EQ(pup(h, PUP_COPYTO, NULL, 5, t, gwo, 0x10, 0xffffffff, 0), EPERM);
	/* Zero length: verified, nothing touched. */
	T_EQ(pup(h, PUP_COPYTO, NULL, 5, t, gwo, 0x10, 0, 0), OK);
	T_EQ(pup(h, PUP_COPYTO, NULL, 5, t, GRANT_ID(2, 0), 0, 0, 0), EPERM);
	/* A bad buffer on the grantee's side is EFAULT. */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, g0, 0, 16, 0x80000000u - 0x40000000u), EFAULT);
	/* Stale after revoke and re-allocation of the same slot. */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(4, 5), 0, 4, 0), OK);
	ttab[4].cp_flags = 0;
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(4, 5), 0, 4, 0), EPERM);
	g_direct(&ttab[4], h, A(tbuf) + 0x500, 0x10, RW, 6);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(4, 5), 0, 4, 0), EPERM);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(4, 6), 0, 4, 0), OK);
	T_EQ(canary_broken(0x3f0, 0x400), -1);
	T_EQ(sys_clear(h), OK);
	return 0;
}

int test_grant_tables_and_lifetimes(void)
{
	endpoint_t t = t_self(), h, g, h2;
	message r;

	fill_canary();
	table(4);
	h = pup_start();
	T_TRUE(h != NONE);
	/* No table at all. */
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, 0), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(0, 0), 0, A(tbuf), 4), EPERM);
	/* A table in unmapped memory. */
	T_EQ(pup(h, PUP_SETGRANT, NULL, 2, 4, 0x80000000u), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(0, 0), 0, A(tbuf), 4), EFAULT);
	/* Registration checks. */
	T_EQ(sys_setgrant((cp_grant_t *)0x1000, 4), EFAULT);
	T_EQ(sys_setgrant(ttab, -1), EINVAL);
	T_EQ(sys_setgrant(ttab, GRANT_MAX_IDX + 2), EINVAL);
	T_EQ(sys_setgrant(ttab, 4), OK);
	/* The granter exits: its endpoint is dead. */
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	T_EQ(pup(h, PUP_BUF, &r, 0), OK);
	{
		cp_grant_t e;
		g_direct(&e, t, r.m_u32.data[1], 64, RW, 3);
		T_EQ(pup_set(h, 0, &e), OK);
	}
	T_EQ(sys_safecopyfrom(h, GRANT_ID(0, 3), 0, A(tbuf) + 0x1000, 64), OK);
	T_EQ(sys_clear(h), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(0, 3), 0, A(tbuf) + 0x1000, 64), EINVAL);
	/* The grantee is replaced by a new process in the same slot. */
	g = pup_start();
	T_TRUE(g != NONE);
	g_direct(&ttab[1], g, A(tbuf) + 0x100, 0x40, CPF_READ, 1);
	T_EQ(pup(g, PUP_COPYFROM, NULL, 5, t, GRANT_ID(1, 1), 0, 4, 0), OK);
	T_EQ(sys_clear(g), OK);
	h2 = pup_start();
	T_EQ(_ENDPOINT_P(h2), _ENDPOINT_P(g));
	T_TRUE(h2 != g);
	T_EQ(pup(h2, PUP_COPYFROM, NULL, 5, t, GRANT_ID(1, 1), 0, 4, 0), EPERM);
	T_EQ(canary_broken(0x1000, 0x1040), -1);
	T_EQ(sys_clear(h2), OK);
	return 0;
}

int test_grant_magic(void)
{
	endpoint_t t = t_self(), h = pup_start(), owner = pup_start();
	endpoint_t weak = pup_start_priv(MAGIC_GRANT);
	cp_grant_t e;
	message r;
	uint32_t obuf;

	T_TRUE(h != NONE && owner != NONE && weak != NONE);
	table(4);
	T_EQ(pup(owner, PUP_FILLBUF, NULL, 3, 0, 64, 0x77), OK);
	T_EQ(pup(owner, PUP_BUF, &r, 0), OK);
	obuf = r.m_u32.data[1];
	/* We hold the magic-grant privilege: h may read owner's memory. */
	g_magic(&ttab[0], h, owner, obuf, 64, CPF_READ, 1);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(0, 1), 0, 64, 0), OK);
	T_EQ(pup(h, PUP_READBUF, &r, 1, 0), OK);
	T_EQ(r.m_u32.data[1], 0x77777777);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(0, 1), 0, 65, 0), EPERM);
	/* weak has no such privilege: the same entry in its table is refused. */
	g_magic(&e, h, owner, obuf, 64, CPF_READ, 1);
	T_EQ(pup(weak, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	T_EQ(pup_set(weak, 0, &e), OK);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, weak, GRANT_ID(0, 1), 0, 4, 0), EPERM);
	/* A magic grant of a dead process. */
	T_EQ(sys_clear(owner), OK);
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(0, 1), 0, 4, 0), EPERM);
	return 0;
}

int test_grant_indirect_chain(void)
{
	endpoint_t t = t_self(), h = pup_start(), h2, h3;
	cp_grant_t e;
	uint32_t v;
	int k;

	T_TRUE(h != NONE);
	fill_canary();
	table(PUP_NENT);
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	/* Hop 0: T -> h, direct [0x1000, 0x1100).  Hops 1..6 alternate
	 * between h's table (odd) and ours (even), each 0x10 narrower. */
	g_direct(&ttab[0], h, A(tbuf) + 0x1000, 0x100, RW, 1);
	for (k = 1; k <= 6; k++) {
		endpoint_t to = (k & 1) ? t : h, from = (k & 1) ? t : h;
		g_indirect(&e, to, from, GRANT_ID(k - 1, 1), 0x10, 0x100 - 0x10 * k, RW, 1);
		if (k & 1)
			T_EQ(pup_set(h, k, &e), OK);
		else
			ttab[k] = e;
	}
	/* Five indirect hops: fine, and the address is the sum of offsets. */
	T_EQ(sys_safecopyfrom(h, GRANT_ID(5, 1), 0, A(&v), 4), OK);
	T_EQ(memcmp(&v, tbuf + 0x1050, 4), 0);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(5, 1), 0x100 - 0x50 - 1, A(&v), 1), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(5, 1), 0x100 - 0x50, A(&v), 1), EPERM);
	/* Six: ELOOP. */
	T_EQ(pup(h, PUP_COPYFROM, NULL, 5, t, GRANT_ID(6, 1), 0, 4, 0), ELOOP);
	/* A hop wider than its parent. */
	g_indirect(&e, t, t, GRANT_ID(0, 1), 0x80, 0x81, RW, 1);
	T_EQ(pup_set(h, 7, &e), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(7, 1), 0, A(&v), 1), EPERM);
	/* A hop claiming rights its parent lacks. */
	g_direct(&ttab[8], h, A(tbuf) + 0x1200, 0x100, CPF_READ, 1);
	g_indirect(&e, t, t, GRANT_ID(8, 1), 0, 0x100, RW, 1);
	T_EQ(pup_set(h, 9, &e), OK);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(9, 1), 0, A(&v), 4), OK);
	T_EQ(sys_safecopyto(h, GRANT_ID(9, 1), 0, A(&v), 4), EPERM);
	/* Revoking the root cuts off every hop. */
	ttab[0].cp_flags &= ~CPF_VALID;
	T_EQ(sys_safecopyfrom(h, GRANT_ID(5, 1), 0, A(&v), 4), EPERM);
	T_EQ(sys_safecopyfrom(h, GRANT_ID(1, 1), 0, A(&v), 4), EPERM);
	/* A dead process in the middle of a chain: T -> h -> h2 -> h3. */
	h2 = pup_start();
	h3 = pup_start();
	g_direct(&ttab[10], h, A(tbuf) + 0x1400, 0x40, RW, 1);
	g_indirect(&e, h2, t, GRANT_ID(10, 1), 0, 0x40, RW, 1);
	T_EQ(pup_set(h, 10, &e), OK);
	T_EQ(pup(h2, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	g_indirect(&e, h3, h, GRANT_ID(10, 1), 0, 0x40, RW, 1);
	T_EQ(pup_set(h2, 10, &e), OK);
	T_EQ(pup(h3, PUP_COPYFROM, NULL, 5, h2, GRANT_ID(10, 1), 0, 0x40, 0), OK);
	T_EQ(sys_clear(h), OK);
	T_EQ(pup(h3, PUP_COPYFROM, NULL, 5, h2, GRANT_ID(10, 1), 0, 0x40, 0), EPERM);
	T_EQ(canary_broken(0, 0), -1);
	return 0;
}

int test_grant_safememset(void)
{
	endpoint_t t = t_self(), h = pup_start();
	int i;

	T_TRUE(h != NONE);
	fill_canary();
	table(4);
	g_direct(&ttab[0], h, A(tbuf) + 0x2000, 0x100, RW, 1);
	g_direct(&ttab[1], h, A(tbuf) + 0x2200, 0x100, CPF_READ, 1);
	T_EQ(pup(h, PUP_MEMSET, NULL, 5, t, GRANT_ID(0, 1), 0x10, 0x20, 0xab), OK);
	for (i = 0x2010; i < 0x2030; i++)
		T_EQ(tbuf[i], 0xab);
	T_EQ(pup(h, PUP_MEMSET, NULL, 5, t, GRANT_ID(0, 1), 0xf0, 0x11, 0xab), EPERM);
	T_EQ(pup(h, PUP_MEMSET, NULL, 5, t, GRANT_ID(1, 1), 0, 1, 0xab), EPERM);
	T_EQ(pup(h, PUP_MEMSET, NULL, 5, t, GRANT_ID(0, 1), 0x100, 0, 0xab), OK);
	T_EQ(canary_broken(0x2010, 0x2030), -1);
	return 0;
}

/* The count the kernel set, from its reply: a flipped count (libsys's
 * FI_KCALL hook, armed by hand: argument 4 of 4, bit 4) turns a fill of
 * 0x30 bytes into one of 0x20.  sys_safememset_done() says 0x20 and OK;
 * sys_safememset() fails with EFAULT.  Either way 0x20 bytes are set and
 * not one more. */
int test_grant_safememset_count(void)
{
	extern uint32_t _fi_kcall;	/* lib/libsys/ipc.c */
	endpoint_t t = t_self();
	size_t done = 99;
	int i;

	fill_canary();
	table(4);
	g_direct(&ttab[2], t, A(tbuf) + 0x2400, 0x40, RW, 1);
	_fi_kcall = 0x80000000u | 3u << 8 | 4;
	T_EQ(sys_safememset_done(t, GRANT_ID(2, 1), 0, 0xcd, 0x30, &done), OK);
	T_EQ(done, 0x20);
	T_EQ(_fi_kcall, 0);			/* it fired, once */
	_fi_kcall = 0x80000000u | 3u << 8 | 4;
	T_EQ(sys_safememset(t, GRANT_ID(2, 1), 0x20, 0xce, 0x10), EFAULT);
	for (i = 0x2400; i < 0x2420; i++)
		T_EQ(tbuf[i], 0xcd);
	T_EQ(canary_broken(0x2400, 0x2420), -1);	/* the second set 0 */
	T_EQ(sys_safememset_done(t, GRANT_ID(2, 1), 0, 0xcd, 0x30, &done), OK);
	T_EQ(done, 0x30);
	T_EQ(canary_broken(0x2400, 0x2430), -1);
	return 0;
}

/* cp_moved: the kernel counts in every grant of a chain the bytes moved
 * through it (copies, fills, DMA ranges); a failed copy adds nothing;
 * the count saturates; cpf_moved() reads it for live grants only. */
int test_grant_moved(void)
{
	endpoint_t a = t_self(), b = pup_start(), c = pup_start();
	cp_grant_id_t ga, gbc;
	vir_bytes mv = 1;
	message r;
	int i;

	T_TRUE(b != NONE && c != NONE);
	fill_canary();
	ga = cpf_grant_direct(b, A(tbuf) + 0x400, 0x200, RW);
	T_TRUE(ga >= 0);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0);
	T_EQ(pup(b, PUP_COPYFROM, NULL, 5, a, ga, 0, 0x80, 0), OK);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0x80);
	/* Refused: outside the grant, or no write access asked: nothing. */
	T_EQ(pup(b, PUP_COPYFROM, NULL, 5, a, ga, 0x1ff, 2, 0), EPERM);
	T_EQ(pup(b, PUP_COPYFROM, NULL, 5, a, ga + 1, 0, 2, 0), EPERM);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0x80);
	T_EQ(pup(b, PUP_MEMSET, NULL, 5, a, ga, 0x100, 0x10, 0xa5), OK);
	T_EQ(pup(b, PUP_FILLBUF, NULL, 3, 0x200, 0x20, 0x5a), OK);
	T_EQ(pup(b, PUP_COPYTO, NULL, 5, a, ga, 0x120, 0x20, 0x200), OK);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0xb0);
	/* Through B's grant to C: counted at the root as well. */
	T_EQ(pup(b, PUP_CPF_INDIRECT, &r, 6, c, a, ga, 0x40, 0x100, RW), OK);
	gbc = (cp_grant_id_t)r.m_u32.data[1];
	T_EQ(pup(c, PUP_COPYFROM, NULL, 5, b, gbc, 0x10, 0x40, 0), OK);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0xf0);
	/* Handed out for DMA: the range counts. */
	T_EQ(pup(b, PUP_VUMAP, &r, 3, a, ga, 0x100), OK);
	T_EQ(cpf_moved(ga, &mv), 0);
	T_EQ(mv, 0x1f0);
	for (i = 0; i < 0x40; i++)
		T_EQ(tbuf[0x500 + i], i < 0x10 ? 0xa5 : i < 0x20 ?
		    canary(0x500 + (size_t)i) : 0x5a);
	T_EQ(canary_broken(0x500, 0x540), -1);
	T_EQ(cpf_revoke(ga), 0);
	mv = 7;
	T_EQ(cpf_moved(ga, &mv), -1);
	T_EQ(errno, -EINVAL);
	T_EQ(mv, 7);
	T_EQ(cpf_moved(GRANT_INVALID, &mv), -1);

	/* A raw table: the count saturates at 0xFFFFFFFF. */
	table(4);
	g_direct(&ttab[2], a, A(tbuf) + 0x2400, 0x400, RW, 1);
	ttab[2].cp_moved = 0xFFFFFE00u;
	T_EQ(sys_safecopyfrom(a, GRANT_ID(2, 1), 0, A(tbuf) + 0x3000, 0x100), OK);
	T_EQ(ttab[2].cp_moved, 0xFFFFFF00u);
	T_EQ(sys_safecopyto(a, GRANT_ID(2, 1), 0x200, A(tbuf) + 0x3000, 0x200), OK);
	T_EQ(ttab[2].cp_moved, 0xFFFFFFFFu);
	T_EQ(sys_safememset(a, GRANT_ID(2, 1), 0, 0, 0x10), OK);
	T_EQ(ttab[2].cp_moved, 0xFFFFFFFFu);
	table(0);
	return 0;
}

int test_grant_vsafecopy(void)
{
	endpoint_t h = pup_start();
	struct vscp_vec v[SCPVEC_NR + 1];
	cp_grant_t e;
	message r;
	uint32_t hb;
	int done = -1, i;

	T_TRUE(h != NONE);
	fill_canary();
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	T_EQ(pup(h, PUP_FILLBUF, NULL, 3, 0, 0x200, 0x3c), OK);
	T_EQ(pup(h, PUP_BUF, &r, 0), OK);
	hb = r.m_u32.data[1];
	g_direct(&e, t_self(), hb, 0x100, RW, 1);
	T_EQ(pup_set(h, 0, &e), OK);
	g_direct(&e, t_self(), hb + 0x100, 0x100, CPF_READ, 1);
	T_EQ(pup_set(h, 1, &e), OK);
	memset(v, 0, sizeof(v));
	v[0] = (struct vscp_vec){ h, SELF, GRANT_ID(0, 1), 0, A(tbuf) + 0x3000, 16 };
	v[1] = (struct vscp_vec){ SELF, h, GRANT_ID(0, 1), 0x40, A(tbuf) + 0x3100, 16 };
	v[2] = (struct vscp_vec){ SELF, h, GRANT_ID(1, 1), 0, A(tbuf) + 0x3100, 16 }; /* RO */
	v[3] = (struct vscp_vec){ h, SELF, GRANT_ID(1, 1), 0, A(tbuf) + 0x3200, 16 };
	T_EQ(sys_vsafecopy_done(v, 4, &done), EPERM);
	T_EQ(done, 2);
	for (i = 0; i < 16; i++)
		T_EQ(tbuf[0x3000 + i], 0x3c);
	T_EQ(pup(h, PUP_READBUF, &r, 1, 0x40), OK);
	T_EQ(memcmp(&r.m_u32.data[1], tbuf + 0x3100, 16), 0);
	T_EQ(canary_broken(0x3000, 0x3010), -1); /* v[3] was not done */
	/* Bounds on the count, and the caller must be one side. */
	T_EQ(sys_vsafecopy(v, SCPVEC_NR + 1), EINVAL);
	T_EQ(sys_vsafecopy(v, -1), EINVAL);
	T_EQ(sys_vsafecopy(v, 0), OK);
	v[0].v_to = h;
	T_EQ(sys_vsafecopy(v, 1), EINVAL);
	for (i = 0; i < SCPVEC_NR; i++)
		v[i] = (struct vscp_vec){ h, SELF, GRANT_ID(0, 1), (vir_bytes)i, A(tbuf) + 0x4000 + i, 1 };
	T_EQ(sys_vsafecopy_done(v, SCPVEC_NR, &done), OK);
	T_EQ(done, SCPVEC_NR);
	T_EQ(tbuf[0x4000 + SCPVEC_NR - 1], 0x3c);
	T_EQ(canary_broken(0x3000, 0x4000 + SCPVEC_NR), -1);
	return 0;
}
