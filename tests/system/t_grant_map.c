/* t_grant_map.c - grants beyond copies: safemap, saferevmap, safeunmap,
 * vumap with DMA holds, the grant listing (GET_GRANTS), and a seeded fuzz
 * of grant kernel calls from two processes.
 */
#include "pup.h"

#define RW (CPF_READ | CPF_WRITE)
#define MAPADDR 0x90000000u
#define A(x) ((vir_bytes)(x))

static cp_grant_t mtab[PUP_NENT];
static uint32_t mpage[3 * 1024] __attribute__((aligned(4096)));

static void mtable(void)
{
	memset(mtab, 0, sizeof(mtab));
	sys_setgrant(mtab, PUP_NENT);
}

static int mappings_of(endpoint_t e)
{
	struct { struct grant_table_info gt; cp_grant_t g[4]; } info;

	if (sys_getinfo(GET_GRANTS, &info, sizeof(info), NULL, e) != OK)
		return -1;
	return info.gt.gt_mappings;
}

int test_grant_safemap(void)
{
	endpoint_t t = t_self(), h = pup_start();
	message r;

	T_TRUE(h != NONE);
	mtable();
	mpage[0] = 0xfeed0001;
	g_direct(&mtab[0], h, A(mpage), 4096, RW | CPF_MAP, 1);
	g_direct(&mtab[1], h, A(mpage), 4096, RW, 1);              /* no CPF_MAP */
	g_direct(&mtab[2], h, A(mpage), 4096, CPF_READ | CPF_MAP, 1);
	g_direct(&mtab[3], h, A(mpage) + 8, 4096, RW | CPF_MAP, 1); /* unaligned */
	/* Alignment and rights. */
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 1, 4096, MAPADDR, 0), EINVAL);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 4096, MAPADDR + 4, 0), EINVAL);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 100, MAPADDR, 0), EINVAL);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(3, 1), 0, 4096, MAPADDR, 0), EINVAL);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(1, 1), 0, 4096, MAPADDR, 0), EPERM);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(2, 1), 0, 4096, MAPADDR, 1), EPERM);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 8192, MAPADDR, 0), EPERM);
	/* Map it: the grantee sees our writes at once, and we see its. */
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 4096, MAPADDR, 1), OK);
	T_EQ(mappings_of(t), 1);
	T_EQ(pup(h, PUP_PEEK, &r, 1, MAPADDR), OK);
	T_EQ(r.m_u32.data[1], 0xfeed0001);
	mpage[0] = 0xfeed0002;
	T_EQ(pup(h, PUP_PEEK, &r, 1, MAPADDR), OK);
	T_EQ(r.m_u32.data[1], 0xfeed0002);
	T_EQ(pup(h, PUP_POKE, NULL, 2, MAPADDR + 8, 0xbeef), OK);
	T_EQ(mpage[2], 0xbeef);
	/* The place is taken now. */
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(2, 1), 0, 4096, MAPADDR, 0), EEXIST);
	/* Unmap by the grantee. */
	T_EQ(pup(h, PUP_UNMAP, NULL, 1, MAPADDR + 4096), EINVAL);
	T_EQ(pup(h, PUP_UNMAP, NULL, 1, MAPADDR), OK);
	T_EQ(mappings_of(t), 0);
	T_EQ(pup(h, PUP_UNMAP, NULL, 1, MAPADDR), EINVAL);
	/* Read-only mapping: a write faults the grantee only. */
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(2, 1), 0, 4096, MAPADDR, 0), OK);
	{
		message m;
		memset(&m, 0, sizeof(m));
		m.m_type = PUP_POKE;
		m.m_u32.data[1] = MAPADDR;
		m.m_u32.data[2] = 0xbad;
		T_EQ(ipc_send(h, &m), OK);
	}
	T_EQ(t_wait_ksig(h, 2 * sys_hz()), 1 << SIGSEGV);
	T_EQ(mpage[0], 0xfeed0002);
	T_EQ(sys_clear(h), OK);
	T_EQ(mappings_of(t), 0); /* its exit removed the mapping */
	return 0;
}

/* Map through T -> h1 -> h2; then remove it by revoking T's grant (how ==
 * 0) or by the exit of the middle process h1 (how == 1). */
static int map_chain(int how)
{
	endpoint_t t = t_self(), h1 = pup_start(), h2 = pup_start();
	cp_grant_t e;
	message r, m;

	T_TRUE(h1 != NONE && h2 != NONE);
	mtable();
	mpage[1024] = 0xc0ffee;
	g_direct(&mtab[0], h1, A(mpage) + 4096, 8192, RW | CPF_MAP, 1);
	T_EQ(pup(h1, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	g_indirect(&e, h2, t, GRANT_ID(0, 1), 0, 4096, CPF_READ | CPF_MAP, 1);
	T_EQ(pup_set(h1, 0, &e), OK);
	T_EQ(pup(h2, PUP_MAP, NULL, 6, h1, GRANT_ID(0, 1), 0, 4096, MAPADDR, 0), OK);
	T_EQ(pup(h1, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 8192, MAPADDR, 1), OK);
	T_EQ(mappings_of(t), 2);
	T_EQ(mappings_of(h1), 1);
	T_EQ(pup(h2, PUP_PEEK, &r, 1, MAPADDR), OK);
	T_EQ(r.m_u32.data[1], 0xc0ffee);
	if (how == 0) {
		T_EQ(sys_saferevmap_gid(GRANT_ID(0, 1)), OK);
		T_EQ(pup(h1, PUP_UNMAP, NULL, 1, MAPADDR), EINVAL); /* gone too */
	} else {
		T_EQ(sys_clear(h1), OK);
	}
	T_EQ(mappings_of(t), 0);
	memset(&m, 0, sizeof(m));
	m.m_type = PUP_PEEK;
	m.m_u32.data[1] = MAPADDR;
	T_EQ(ipc_send(h2, &m), OK);
	T_EQ(t_wait_ksig(h2, 2 * sys_hz()), 1 << SIGSEGV); /* the page is gone */
	return 0;
}

int test_grant_saferevmap_chain(void) { return map_chain(0); }
int test_grant_map_middle_exit(void) { return map_chain(1); }

int test_grant_saferevmap_addr(void)
{
	endpoint_t t = t_self(), h = pup_start();

	T_TRUE(h != NONE);
	mtable();
	g_direct(&mtab[0], h, A(mpage), 4096, RW | CPF_MAP, 1);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, 4096, MAPADDR, 0), OK);
	T_EQ(sys_saferevmap_addr(A(mpage) + 4096), OK); /* not mapped there */
	T_EQ(mappings_of(t), 1);
	T_EQ(sys_saferevmap_addr(A(mpage) + 100), OK);
	T_EQ(mappings_of(t), 0);
	T_EQ(pup(h, PUP_UNMAP, NULL, 1, MAPADDR), EINVAL);
	return 0;
}

int test_grant_vumap(void)
{
	endpoint_t t = t_self(), h = pup_start(), nodma = pup_start_priv(DMA_OK);
	struct vumap_vir v[2];
	struct vumap_phys p[8];
	struct kinfo k0, k1, k2;
	cp_grant_t e;
	message r;
	uint32_t hb, total = 0;
	int n = 8, i;

	T_TRUE(h != NONE && nodma != NONE);
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	T_EQ(pup(h, PUP_BUF, &r, 0), OK);
	hb = r.m_u32.data[1];
	g_direct(&e, t, hb + 0x800, 0x3000, CPF_READ, 1);
	T_EQ(pup_set(h, 0, &e), OK);
	g_direct(&e, nodma, hb, 0x100, CPF_READ, 1);
	T_EQ(pup_set(h, 1, &e), OK);
	v[0] = (struct vumap_vir){ GRANT_ID(0, 1), 0x3000 };
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), OK);
	T_TRUE(n >= 1 && n <= 4);
	T_EQ(p[0].vp_addr & 0xfff, 0x800);
	for (i = 0; i < n; i++)
		total += p[i].vp_size;
	T_EQ(total, 0x3000);
	T_EQ(sys_vumap_release(p, n), OK);
	T_EQ(sys_vumap_release(p, n), EINVAL); /* not held any more */
	/* MINIX's offset: into the first element, whose size counts from
	 * the grant's start; the next elements start at their offset 0. */
	v[0] = (struct vumap_vir){ GRANT_ID(0, 1), 0x300 };
	v[1] = (struct vumap_vir){ GRANT_ID(0, 1), 0x80 };
	n = 8;
	T_EQ(sys_vumap(h, v, 2, 0x100, VUA_READ, p, &n), OK);
	T_EQ(p[0].vp_addr & 0xfff, 0x900);
	T_EQ(p[0].vp_size, 0x200);
	T_EQ(p[n - 1].vp_addr & 0xfff, 0x800);
	for (i = 0, total = 0; i < n; i++)
		total += p[i].vp_size;
	T_EQ(total, 0x280);
	T_EQ(sys_vumap_release(p, n), OK);
	n = 8;
	T_EQ(sys_vumap(h, v, 1, 0x300, VUA_READ, p, &n), EINVAL); /* offset >= size */
	/* An entry with a flag bit no one knows is not a grant. */
	g_direct(&e, t, hb + 0x800, 0x100, CPF_READ, 1);
	e.cp_flags |= 0x4000000;
	T_EQ(pup_set(h, 3, &e), OK);
	v[0] = (struct vumap_vir){ GRANT_ID(3, 1), 0x100 };
	n = 8;
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), EPERM);
	e.cp_flags &= ~0x4000000;
	T_EQ(pup_set(h, 3, &e), OK);
	n = 8;
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), OK);         /* without it: a grant */
	T_EQ(sys_vumap_release(p, n), OK);
	/* vsafecopy of nothing is OK wherever its vector is. */
	T_EQ(sys_vsafecopy((struct vscp_vec *)0x10, 0), OK);
	T_EQ(sys_vsafecopy((struct vscp_vec *)0x10, 1), EFAULT);
	v[0] = (struct vumap_vir){ GRANT_ID(0, 1), 0x3000 };
	total = 0;
	/* Rights, privileges, bounds. */
	n = 8;
	T_EQ(sys_vumap(h, v, 1, 0, VUA_WRITE, p, &n), EPERM);
	v[0].vv_size = 0x3001;
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), EPERM);
	v[0].vv_size = 0x100;
	T_EQ(sys_vumap(h, v, 0, 0, VUA_READ, p, &n), EINVAL);
	T_EQ(sys_vumap(h, v, 1, 0, 0, p, &n), EINVAL);
	T_EQ(pup(nodma, PUP_VUMAP, NULL, 3, h, GRANT_ID(1, 1), 0x100), EPERM);
	/* pmax 1 on a range over two pages: the first page only. */
	v[0] = (struct vumap_vir){ GRANT_ID(0, 1), 0x3000 };
	n = 1;
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), OK);
	T_EQ(n, 1);
	T_TRUE(p[0].vp_size >= 0x800 && p[0].vp_size <= 0x3000);
	T_EQ(sys_vumap_release(p, n), OK);
	/* A driver's exit drops its holds (else the runner's leak check
	 * after this test finds h's frames still taken). */
	{
		endpoint_t drv = pup_start();
		T_TRUE(drv != NONE);
		g_direct(&e, drv, hb, 0x2000, CPF_READ, 1);
		T_EQ(pup_set(h, 2, &e), OK);
		T_EQ(pup(drv, PUP_VUMAP, &r, 3, h, GRANT_ID(2, 1), 0x2000), OK);
		T_TRUE(r.m_u32.data[1] >= 1);
		T_EQ(sys_clear(drv), OK);
	}
	/* Held frames outlive the granter until released. */
	n = 8;
	v[0] = (struct vumap_vir){ GRANT_ID(0, 1), 0x1800 }; /* 0x800..0x2000: 2 pages */
	T_EQ(sys_vumap(h, v, 1, 0, VUA_READ, p, &n), OK);
	T_EQ(sys_getkinfo(&k0), OK);
	T_EQ(sys_clear(h), OK);
	T_EQ(sys_getkinfo(&k1), OK);
	T_EQ(sys_vumap_release(p, n), OK);
	T_EQ(sys_getkinfo(&k2), OK);
	T_EQ(k2.frames_free - k1.frames_free, 2);
	T_TRUE(k1.frames_free > k0.frames_free);
	return 0;
}

int test_grant_listing(void)
{
	struct { struct grant_table_info gt; cp_grant_t g[4]; } info;
	endpoint_t h = pup_start();

	T_TRUE(h != NONE);
	mtable();
	g_direct(&mtab[0], h, A(mpage), 64, CPF_READ, 7);
	g_indirect(&mtab[2], h, h, GRANT_ID(3, 1), 4, 8, RW, 9);
	T_EQ(sys_getinfo(GET_GRANTS, &info, sizeof(info), NULL, SELF), OK);
	T_EQ(info.gt.gt_table, A(mtab));
	T_EQ(info.gt.gt_entries, PUP_NENT);
	T_EQ(info.gt.gt_copied, 4);
	T_EQ(info.g[0].cp_flags, CPF_USED | CPF_VALID | CPF_DIRECT | CPF_READ);
	T_EQ(info.g[0].cp_u.cp_direct.cp_who_to, h);
	T_EQ(info.g[0].cp_seq, 7);
	T_EQ(info.g[1].cp_flags, 0);
	T_EQ(info.g[2].cp_u.cp_indirect.cp_offset, 4);
	T_EQ(sys_getinfo(GET_GRANTS, &info, 4, NULL, SELF), EINVAL);
	T_EQ(sys_getinfo(GET_GRANTS, &info, sizeof(info), NULL, _ENDPOINT(0, NR_PROCS + 2)), EINVAL);
	return 0;
}

/* ---- fuzz ---- */

#define FZ_BUF  8192
#define FZ_WIN_LO 2048   /* the only bytes a legitimate grant may reach */
#define FZ_WIN_HI 6144
#define FZ_CALLS 50000   /* per process: 100,000 in all */
#define FZ_DONE 0x5e0

static uint8_t fbuf[FZ_BUF];
static cp_grant_t ftab[16];
static endpoint_t fz_peer;
static uint32_t fz_seed;

static uint32_t rnd(void)
{
	fz_seed ^= fz_seed << 13;
	fz_seed ^= fz_seed >> 17;
	fz_seed ^= fz_seed << 5;
	return fz_seed;
}

static uint8_t fz_canary(int i) { return (uint8_t)(i * 13 + 5); }

static int fz_canaries_ok(void)
{
	int i;

	for (i = 0; i < FZ_BUF; i++)
		if ((i < FZ_WIN_LO || i >= FZ_WIN_HI) && fbuf[i] != fz_canary(i))
			return 0;
	return 1;
}

/* Something random but never a valid grant of bytes outside our window. */
static void fz_entry(cp_grant_t *g, endpoint_t me)
{
	static const int types[] = { CPF_DIRECT, CPF_INDIRECT, CPF_MAGIC, 0,
		CPF_DIRECT | CPF_INDIRECT };
	endpoint_t who[] = { fz_peer, me, ANY, NONE, (endpoint_t)rnd() };
	vir_bytes start, len;

	memset(g, 0, sizeof(*g));
	g->cp_flags = (int)((rnd() & (CPF_READ | CPF_WRITE | CPF_MAP | CPF_TRY | CPF_WHOLE)) |
	    ((rnd() & 7) ? CPF_USED | CPF_VALID : rnd() & (CPF_USED | CPF_VALID)) |
	    types[rnd() % 5]);
	g->cp_seq = (int)(rnd() & 3);
	g->cp_u.cp_indirect.cp_who_to = who[rnd() % 5];
	g->cp_u.cp_indirect.cp_who_from = who[rnd() % 5];
	switch (rnd() & 3) {
	case 0: start = A(fbuf) + FZ_WIN_LO + (rnd() % 4096); len = rnd() % 8192; break;
	case 1: start = rnd(); len = rnd(); break;
	case 2: start = A(fbuf) + (rnd() % FZ_BUF); len = rnd() % 16; break;
	default: start = 0xfffffff0u + (rnd() & 15); len = rnd() & 63; break;
	}
	if (g->cp_flags & (CPF_DIRECT | CPF_MAGIC)) {
		/* Clamp a direct grant into the window: that is the rule.  A
		 * magic one too: we may make magic grants (the runner may), and
		 * one of our own or the peer's memory outside the window would
		 * let a legitimate copy overwrite canaries. */
		if (start < A(fbuf) + FZ_WIN_LO || start >= A(fbuf) + FZ_WIN_HI)
			start = A(fbuf) + FZ_WIN_LO;
		if (len > A(fbuf) + FZ_WIN_HI - start)
			len = A(fbuf) + FZ_WIN_HI - start;
		if (g->cp_flags & CPF_DIRECT) {
			g->cp_u.cp_direct.cp_start = start;
			g->cp_u.cp_direct.cp_len = len;
		} else {
			g->cp_u.cp_magic.cp_start = start;
			g->cp_u.cp_magic.cp_len = len;
		}
	} else if (g->cp_flags & CPF_INDIRECT) {
		g->cp_u.cp_indirect.cp_grant = (rnd() & 1) ?
		    GRANT_ID(rnd() % 18, rnd() & 3) : (cp_grant_id_t)rnd();
		g->cp_u.cp_indirect.cp_offset = (rnd() & 1) ? rnd() % 4096 : rnd();
		g->cp_u.cp_indirect.cp_len = (rnd() & 1) ? rnd() % 4096 : rnd();
	} else {
		g->cp_u.cp_magic.cp_start = start;
		g->cp_u.cp_magic.cp_len = len;
	}
}

/* One random call; our own buffer is the only memory we pass. */
static int fz_call(endpoint_t me)
{
	endpoint_t eps[] = { fz_peer, me, ANY, SELF, (endpoint_t)rnd(), _ENDPOINT(0, NR_PROCS + 1) };
	endpoint_t granter = eps[(rnd() & 7) < 5 ? 0 : rnd() % 6];
	cp_grant_id_t gid = (rnd() & 3) ? GRANT_ID(rnd() % 18, rnd() & 3) : (cp_grant_id_t)rnd();
	vir_bytes off = (rnd() & 3) ? rnd() % 4200 : rnd();
	vir_bytes len = (rnd() & 3) ? rnd() % 4200 : rnd();
	vir_bytes local = A(fbuf) + FZ_WIN_LO + rnd() % 4096;
	vir_bytes room = A(fbuf) + FZ_WIN_HI - local;
	/* What the kernel may write into our own memory stays in our window
	 * (a copy into our own buffer is legitimate); reads and the peer's
	 * side get any length. */
	vir_bytes own = len > room ? room : len;
	/* Wild buffers never land in our own memory: kernel space, an
	 * unmapped hole, or past user space. */
	vir_bytes wild[] = { rnd() % USER_BASE, 0x80000000u + rnd() % 0x08000000u,
		USER_TOP + rnd() % (0u - USER_TOP) };
	struct vscp_vec v[4];
	int i;

	switch (rnd() % 8) {
	case 0: return sys_safecopyfrom(granter, gid, off, local, own);
	case 1: return sys_safecopyto(granter, gid, off, local, len);
	case 2: return sys_safememset(granter, gid, off, (int)rnd(), len);
	case 3:
		for (i = 0; i < 4; i++)
			v[i] = (struct vscp_vec){ (rnd() & 1) ? SELF : granter,
				(rnd() & 1) ? SELF : granter, gid + i, off, local,
				own > 64 ? 64 : own };
		return sys_vsafecopy(v, (int)(rnd() % 6) - 1);
	case 4: fz_entry(&ftab[rnd() % 16], me); return OK;
	case 5: return sys_setgrant((rnd() & 1) ? ftab : (cp_grant_t *)rnd(), (int)(rnd() % 20));
	case 6: return sys_setgrant(ftab, 16);
	default: return sys_safecopyfrom(granter, gid, off, wild[rnd() % 3], len);
	}
}

static int fz_run(uint32_t seed)
{
	endpoint_t me = t_self();
	int i, stats[5] = { 0 };

	fz_seed = seed;
	for (i = 0; i < FZ_BUF; i++)
		fbuf[i] = fz_canary(i);
	for (i = 0; i < 16; i++)
		fz_entry(&ftab[i], me);
	sys_setgrant(ftab, 16);
	for (i = 0; i < FZ_CALLS; i++) {
		int r = fz_call(me);
		switch (r) {
		case OK: stats[0]++; break;
		case EINVAL: stats[1]++; break;
		case EPERM: stats[2]++; break;
		case EFAULT: stats[3]++; break;
		case ELOOP: stats[4]++; break;
		default: return i + 1;       /* an error code outside the contract */
		}
		if ((i & 63) == 0 && !fz_canaries_ok())
			return -(i + 1);
	}
	sys_setgrant(ftab, 0);
	printf("# fuzz %d: OK %d, EINVAL %d, EPERM %d, EFAULT %d, ELOOP %d\n", me,
	    stats[0], stats[1], stats[2], stats[3], stats[4]);
	return fz_canaries_ok() ? 0 : -FZ_CALLS;
}

static endpoint_t fz_parent;
static void fz_child(void *arg)
{
	fz_peer = fz_parent;
	t_reply(fz_parent, FZ_DONE, fz_run((uint32_t)(long)arg));
}

int test_grant_fuzz(void)
{
	uint32_t seed = 0x6a09e667;
	endpoint_t c;
	int mine, theirs = -1, i;

	fz_parent = t_self();
	printf("# grant fuzz: seed %x, %d calls from each of 2 processes\n", seed, FZ_CALLS);
	c = t_fork(fz_child, (void *)(long)(seed * 2654435761u));
	T_TRUE(c != NONE);
	fz_peer = c;
	mine = fz_run(seed);
	T_EQ(t_expect(c, FZ_DONE, &theirs), OK);
	T_EQ(mine, 0);
	T_EQ(theirs, 0);
	/* The kernel is alive and the peer is gone cleanly. */
	for (i = 0; i < 3; i++)
		T_EQ(sys_null(), OK);
	return 0;
}

/* Holes a review found, closed: each must stay closed. */
int test_grant_map_holes(void)
{
	endpoint_t t = t_self(), h = pup_start();
	message r;

	T_TRUE(h != NONE);
	mtable();
	/* A grant of kernel addresses maps nothing. */
	g_direct(&mtab[0], t, 0x100000, 4096, CPF_READ | CPF_MAP, 1);
	T_EQ(sys_safemap(t, GRANT_ID(0, 1), 0, MAPADDR, 4096, 0), EFAULT);
	/* A mapping of a mapping is refused (revoking the first could not
	 * reach it). */
	g_direct(&mtab[1], h, A(mpage), 4096, RW | CPF_MAP, 1);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(1, 1), 0, 4096, MAPADDR, 0), OK);
	{
		cp_grant_t e;
		g_direct(&e, h, MAPADDR, 4096, CPF_READ | CPF_MAP, 1);
		T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
		T_EQ(pup_set(h, 0, &e), OK);
	}
	T_EQ(pup(h, PUP_MAP, NULL, 6, h, GRANT_ID(0, 1), 0, 4096, MAPADDR + 0x10000, 0), EPERM);
	/* Memory over a read-only mapping cannot be made writable. */
	T_EQ(pup(h, PUP_UNMAP, NULL, 1, MAPADDR), OK);
	g_direct(&mtab[2], t, A(mpage), 4096, CPF_READ | CPF_MAP, 1);
	T_EQ(sys_safemap(t, GRANT_ID(2, 1), 0, MAPADDR, 4096, 0), OK);
	T_EQ(sys_vmctl(SELF, VMCTL_ALLOC, MAPADDR, 4096), EEXIST);
	T_EQ(sys_vmctl(SELF, VMCTL_FREE, MAPADDR, 4096), EINVAL);
	T_EQ(sys_safeunmap(MAPADDR), OK);
	(void)r;
	return 0;
}

/* A SUPERVISED driver that dies while it holds frames for DMA: the holds
 * pass to its manager (RS, here the test), so the frames stay out of the
 * allocator after the granter is gone too, until the manager gives them
 * back (sys_vumap_release_from) once the device is reset. */
int test_vumap_holds_pass_to_manager(void)
{
	endpoint_t h = pup_start(), drv = pup_start_flags(SYS_PROC | PREEMPTIBLE |
	    DMA_OK | SUPERVISED);
	struct kinfo k1, k2;
	cp_grant_t e;
	message r;
	uint32_t hb;

	T_TRUE(h != NONE && drv != NONE);
	T_EQ(pup(h, PUP_SETGRANT, NULL, 1, PUP_NENT), OK);
	T_EQ(pup(h, PUP_BUF, &r, 0), OK);
	hb = r.m_u32.data[1];
	T_EQ(pup(h, PUP_FILLBUF, NULL, 3, 0, 0x2000, 0x5a), OK); /* two pages present */
	g_direct(&e, drv, hb, 0x2000, CPF_READ, 1);
	T_EQ(pup_set(h, 0, &e), OK);
	T_EQ(pup(drv, PUP_VUMAP, &r, 3, h, GRANT_ID(0, 1), 0x2000), OK);
	T_TRUE(r.m_u32.data[1] >= 1);
	T_EQ(sys_vumap_release_from(drv), EINVAL);	/* nothing passed on yet */
	T_EQ(sys_kill(drv, SIGKILL), OK);		/* it dies ... */
	T_EQ(t_wait_ksig(drv, 100) != 0, 1);
	T_EQ(sys_clear(drv), OK);			/* ... and is removed */
	T_EQ(sys_clear(h), OK);				/* the granter goes too */
	T_EQ(sys_getkinfo(&k1), OK);
	T_EQ(sys_vumap_release_from(drv), OK);		/* device reset: give back */
	T_EQ(sys_getkinfo(&k2), OK);
	T_EQ(k2.frames_free - k1.frames_free, 2);
	T_EQ(sys_vumap_release_from(drv), EINVAL);
	return 0;
}
