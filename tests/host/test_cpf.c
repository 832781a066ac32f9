/* test_cpf.c - host unit tests for lib/libsys/cpf.c (the libsys grant
 * table), and the library and the kernel's checker together.
 *
 * cpf.c is #included with fake sys_setgrant() / sys_saferevmap_gid() and
 * wrapped malloc()/free() (to inject failures and to catch a table freed
 * while still registered).  Its static state is one process's table; the
 * tests switch it between several "processes" to build the poster's
 * delegation scenario (A -> B -> C, D) and run kernel/grant_verify.c, the
 * kernel's one grant check, on the tables the library registered.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

/* The host's allocator, taken before the renaming below. */
static void *(*const host_malloc)(size_t) = malloc;
static void (*const host_free)(void *) = free;

/* CHECK() evaluates its condition twice; this evaluates it once. */
#define OK_(c, name)                                                     \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

/* ---- the fake kernel: one registered table per process ---- */

#define NP 6
enum { PA, PB, PC, PD, PE, PX }; /* PX: no table ever */

#include <minix/safecopies.h>
#include <minix/errno.h> /* _SYSTEM: E* are negative here */
#include <minix/const.h>

struct kproc {
	endpoint_t ep;
	int alive;
	cp_grant_t *tab;  /* registered with sys_setgrant */
	int n;
};
static struct kproc kp[NP];
static int cur;             /* the process the library runs as */

static int setgrant_calls, setgrant_fail;
static int revmap_calls, revmap_bad;
static int revmap_flags[4];  /* cp_flags of the entry at each revmap call */
static cp_grant_id_t revmap_gid[4];
static int malloc_fail, bad_free, printf_calls;

int lc_errno;

int sys_setgrant(cp_grant_t *grants, int ngrants)
{
	setgrant_calls++;
	if (setgrant_fail)
		return EPERM;
	kp[cur].tab = grants;
	kp[cur].n = ngrants;
	return OK;
}

int sys_saferevmap_gid(cp_grant_id_t gr)
{
	int slot = GRANT_SLOT(gr);

	if (gr < 0 || !kp[cur].tab || slot >= kp[cur].n) {
		revmap_bad++;
		return EINVAL;
	}
	if (revmap_calls < 4) {
		revmap_flags[revmap_calls] = kp[cur].tab[slot].cp_flags;
		revmap_gid[revmap_calls] = gr;
	}
	revmap_calls++;
	return OK;
}

static void *t_malloc(size_t n)
{
	return malloc_fail ? NULL : host_malloc(n);
}

static void t_free(void *p)
{
	int i;

	for (i = 0; p && i < NP; i++)
		if (kp[i].tab == p)
			bad_free++;
	host_free(p);
}

static int t_printf(const char *fmt, ...)
{
	(void)fmt;
	printf_calls++;
	return 0;
}

/* ---- From here on the names are ours. ---- */

#define malloc t_malloc
#define free t_free
#define printf t_printf
#define errno lc_errno
#include "../../lib/libsys/cpf.c"
#undef malloc
#undef free
#undef printf

/* ---- several processes' libraries ---- */

struct libstate {
	cp_grant_t *grants;
	int ngrants, free_head, free_tail, nfree;
};
static struct libstate ls[NP];

static void lib_reset(void)
{
	grants = NULL;
	ngrants = 0;
	free_head = free_tail = NIL;
	nfree = 0;
}

/* Run the library as process p from now on. */
static void as(int p)
{
	ls[cur] = (struct libstate){ grants, ngrants, free_head, free_tail,
		nfree };
	cur = p;
	grants = ls[p].grants;
	ngrants = ls[p].ngrants;
	free_head = ls[p].free_head;
	free_tail = ls[p].free_tail;
	nfree = ls[p].nfree;
}

static endpoint_t ep(int p)
{
	return kp[p].ep;
}

/* The kernel's view of the entry gr names in process p's table, or NULL
 * if it would refuse the ID outright (no table, out of range, unused,
 * invalid, sequence mismatch). */
static const cp_grant_t *kview(int p, cp_grant_id_t gr)
{
	const cp_grant_t *g;

	if (gr < 0 || !kp[p].tab || GRANT_SLOT(gr) >= kp[p].n)
		return NULL;
	g = &kp[p].tab[GRANT_SLOT(gr)];
	if ((g->cp_flags & (CPF_USED | CPF_VALID)) != (CPF_USED | CPF_VALID) ||
	    (g->cp_seq & GRANT_MAX_SEQ) != GRANT_SEQ(gr))
		return NULL;
	return g;
}

/* ---- the kernel's checker on the registered tables ---- */

#undef VMAX
#include "../../kernel/grant_verify.c"

static struct kproc *kfind(endpoint_t e)
{
	int i;

	for (i = 0; i < NP; i++)
		if (kp[i].alive && kp[i].ep == e)
			return &kp[i];
	return NULL;
}

static const cp_grant_t *k_read_entry(void *ctx, endpoint_t e, int slot, int *err)
{
	struct kproc *k = kfind(e);

	(void)ctx;
	*err = EPERM;
	if (!k || !k->tab || slot < 0 || slot >= k->n)
		return NULL;
	return &k->tab[slot];
}

static int k_alive(void *ctx, endpoint_t e)
{
	(void)ctx;
	return kfind(e) != NULL;
}

static int k_may_magic(void *ctx, endpoint_t e)
{
	(void)ctx;
	return e == ep(PE);
}

static const struct grant_env kenv = { NULL, k_read_entry, k_alive,
	k_may_magic };

/* verify_grant() for grantee p using grant gr of granter g. */
static int kcheck(int p, int g, cp_grant_id_t gr, vir_bytes off,
	vir_bytes len, int access, vir_bytes *addr)
{
	struct grant_result res;
	int r = verify_grant(&kenv, ep(g), ep(p), gr, off, len, access, &res);

	if (addr)
		*addr = r == OK ? res.addr : 0;
	return r;
}

/* Fresh processes; the tables of the old ones are freed. */
static void setup(void)
{
	int i;

	ls[cur] = (struct libstate){ grants, ngrants, free_head, free_tail,
		nfree };
	for (i = 0; i < NP; i++) {
		if (ls[i].grants != kp[i].tab)
			host_free(ls[i].grants);
		host_free(kp[i].tab);
		kp[i] = (struct kproc){ _ENDPOINT(1, 20 + i), 1, NULL, 0 };
		ls[i] = (struct libstate){ NULL, 0, NIL, NIL, 0 };
	}
	cur = PA;
	lib_reset();
}

/* ---- tests ---- */

static void test_empty(void)
{
	int size = -1;

	OK_(cpf_table(&size) == NULL && size == 0, "no table before a grant");
	CHECK_EQ(cpf_count_free(), 0, "no free slots before a grant");
	lc_errno = 0;
	CHECK_EQ(cpf_revoke(0), -1, "revoke without a table fails");
	CHECK_EQ(lc_errno, 22, "... errno EINVAL (positive)");
	cpf_reload();
	CHECK_EQ(setgrant_calls, 0, "reload without a table registers nothing");
}

static void test_args(void)
{
	static const struct { endpoint_t to; vir_bytes a; size_t n; int acc;
		const char *name; } bad[] = {
		{ ANY, 0x1000, 16, CPF_READ, "direct to ANY" },
		{ NONE, 0x1000, 16, CPF_READ, "direct to NONE" },
		{ SELF, 0x1000, 16, CPF_READ, "direct to SELF" },
		{ 30, 0x1000, 16, 0, "access 0" },
		{ 30, 0x1000, 16, CPF_MAP, "access CPF_MAP alone" },
		{ 30, 0x1000, 16, CPF_TRY, "access CPF_TRY alone" },
		{ 30, 0x1000, 16, CPF_READ | CPF_VALID, "access with CPF_VALID" },
		{ 30, 0x1000, 16, CPF_READ | CPF_DIRECT, "access with CPF_DIRECT" },
		{ 30, 0x1000, 16, CPF_READ | CPF_WHOLE, "access with CPF_WHOLE" },
		{ 30, 0x1000, 16, CPF_READ | 0x40000000, "access with a high bit" },
		{ 30, 0xFFFFFFF0u, 0x10, CPF_READ, "range reaching 2^32" },
		{ 30, 0xFFFFFFF0u, 0xFFFFFFFFu, CPF_READ, "range wrapping" },
	};
	unsigned i;
	char name[120];

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lc_errno = 0;
		snprintf(name, sizeof(name), "cpf_grant_direct: %s", bad[i].name);
		CHECK_EQ(cpf_grant_direct(bad[i].to, bad[i].a, bad[i].n,
		    bad[i].acc), GRANT_INVALID, name);
		CHECK_EQ(lc_errno, 22, "... errno EINVAL");
	}
	CHECK_EQ(cpf_grant_magic(ANY, 31, 0, 1, CPF_READ), GRANT_INVALID,
	    "magic to ANY");
	CHECK_EQ(cpf_grant_magic(30, SELF, 0, 1, CPF_READ), GRANT_INVALID,
	    "magic from SELF");
	CHECK_EQ(cpf_grant_magic(30, 31, 0xFFFFFF00u, 0x100, CPF_READ),
	    GRANT_INVALID, "magic reaching 2^32");
	CHECK_EQ(cpf_grant_magic(30, 31, 0, 1, 0), GRANT_INVALID,
	    "magic with access 0");
	CHECK_EQ(cpf_grant_indirect(NONE, 31, 5), GRANT_INVALID,
	    "indirect to NONE");
	CHECK_EQ(cpf_grant_indirect(30, ANY, 5), GRANT_INVALID,
	    "indirect from ANY");
	CHECK_EQ(cpf_grant_indirect(30, 31, GRANT_INVALID), GRANT_INVALID,
	    "indirect of GRANT_INVALID");
	CHECK_EQ(cpf_grant_indirect_range(30, 31, 5, 0xFFFFFFF0u, 0x20,
	    CPF_READ), GRANT_INVALID, "indirect window wrapping");
	CHECK_EQ(cpf_grant_indirect_range(30, 31, 5, 0, 0x20, CPF_READ |
	    CPF_USED), GRANT_INVALID, "indirect with CPF_USED access");
	CHECK_EQ(cpf_grant_indirect_range(30, 31, -7, 0, 0x20, CPF_READ),
	    GRANT_INVALID, "indirect of a negative ID");
	CHECK_EQ(setgrant_calls, 0, "bad arguments create no table");
	OK_(cpf_table(NULL) == NULL, "... and allocate nothing");
}

static void test_entries(void)
{
	cp_grant_id_t d, m, i1, i2;
	const cp_grant_t *g;
	int size;

	d = cpf_grant_direct(30, 0x1000, 0x200, CPF_READ | CPF_TRY);
	OK_(d >= 0, "first direct grant");
	CHECK_EQ(GRANT_SLOT(d), 0, "... in slot 0");
	CHECK_EQ(GRANT_SEQ(d), 1, "... sequence 1");
	CHECK_EQ(setgrant_calls, 1, "first grant registers the table");
	OK_(cpf_table(&size) == kp[PA].tab && size == 16 && kp[PA].n == 16,
	    "... of 16 entries");
	CHECK_EQ(cpf_count_free(), 15, "15 free slots left");
	g = kview(PA, d);
	OK_(g != NULL, "kernel sees the direct grant");
	CHECK_EQ(g ? g->cp_flags : 0, CPF_USED | CPF_VALID | CPF_DIRECT |
	    CPF_READ | CPF_TRY, "... flags");
	OK_(g && g->cp_u.cp_direct.cp_who_to == 30 &&
	    g->cp_u.cp_direct.cp_start == 0x1000 &&
	    g->cp_u.cp_direct.cp_len == 0x200, "... who_to, start, len");
	OK_(cpf_grant_direct(30, 0xFFFFFF00u, 0xFF, CPF_WRITE) >= 0,
	    "direct grant ending at the last byte");
	OK_(cpf_grant_direct(30, 0x2000, 0, CPF_READ) >= 0,
	    "zero-length direct grant");

	m = cpf_grant_magic(30, 31, 0x4000, 0x100, CPF_READ | CPF_WRITE);
	g = kview(PA, m);
	OK_(g && g->cp_flags == (CPF_USED | CPF_VALID | CPF_MAGIC | CPF_READ |
	    CPF_WRITE), "magic grant flags");
	OK_(g && g->cp_u.cp_magic.cp_who_to == 30 &&
	    g->cp_u.cp_magic.cp_who_from == 31 &&
	    g->cp_u.cp_magic.cp_start == 0x4000 &&
	    g->cp_u.cp_magic.cp_len == 0x100, "magic grant fields");

	i1 = cpf_grant_indirect(30, 31, 77);
	g = kview(PA, i1);
	OK_(g && g->cp_flags == (CPF_USED | CPF_VALID | CPF_INDIRECT |
	    CPF_WHOLE | CPF_READ | CPF_WRITE | CPF_MAP),
	    "cpf_grant_indirect: CPF_WHOLE, all rights");
	OK_(g && g->cp_u.cp_indirect.cp_who_to == 30 &&
	    g->cp_u.cp_indirect.cp_who_from == 31 &&
	    g->cp_u.cp_indirect.cp_grant == 77 &&
	    g->cp_u.cp_indirect.cp_offset == 0 &&
	    g->cp_u.cp_indirect.cp_len == 0xFFFFFFFFu,
	    "cpf_grant_indirect: offset 0, len 0xFFFFFFFF");
	i2 = cpf_grant_indirect_range(30, 31, 77, 0x40, 0x100, CPF_READ);
	g = kview(PA, i2);
	OK_(g && g->cp_flags == (CPF_USED | CPF_VALID | CPF_INDIRECT |
	    CPF_READ), "cpf_grant_indirect_range flags");
	OK_(g && g->cp_u.cp_indirect.cp_offset == 0x40 &&
	    g->cp_u.cp_indirect.cp_len == 0x100 &&
	    g->cp_u.cp_indirect.cp_grant == 77,
	    "cpf_grant_indirect_range window");

	CHECK_EQ(cpf_revoke(d), 0, "revoke");
	OK_(kview(PA, d) == NULL, "kernel no longer sees it");
	CHECK_EQ(kp[PA].tab[GRANT_SLOT(d)].cp_flags, 0, "... flags cleared");
	lc_errno = 0;
	CHECK_EQ(cpf_revoke(d), -1, "second revoke fails");
	CHECK_EQ(lc_errno, 22, "... errno EINVAL");
	CHECK_EQ(cpf_revoke(-5), -1, "revoke of a negative ID fails");
	CHECK_EQ(cpf_revoke(GRANT_ID(1000, 1)), -1, "revoke past the table fails");
	CHECK_EQ(cpf_revoke(GRANT_ID(GRANT_SLOT(m), GRANT_SEQ(m) + 1)), -1,
	    "revoke with a wrong sequence fails");
	OK_(kview(PA, m) != NULL, "... and leaves the grant alone");
	CHECK_EQ(revmap_calls, 0, "no SAFEREVMAP for grants without CPF_MAP");
}

static void test_map_revoke(void)
{
	cp_grant_id_t g;
	int before = printf_calls;

	revmap_calls = 0;
	g = cpf_grant_direct(30, 0x10000, 0x2000, CPF_READ | CPF_MAP);
	CHECK_EQ(cpf_revoke(g), 0, "revoke a CPF_MAP grant");
	OK_(revmap_calls >= 1 && revmap_gid[0] == g,
	    "... SAFEREVMAP by its ID");
	OK_(revmap_flags[0] & CPF_VALID, "... first while it is still valid");
	OK_(revmap_calls < 2 || revmap_flags[revmap_calls - 1] == 0,
	    "... any later call after the flags are cleared");
	CHECK_EQ(revmap_bad, 0, "SAFEREVMAP given a good ID");
	CHECK_EQ(printf_calls, before, "nothing reported");
	revmap_calls = 0;
	g = cpf_grant_indirect(30, 31, 9);
	CHECK_EQ(cpf_revoke(g), 0, "revoke a whole indirect grant");
	OK_(revmap_calls >= 1, "... takes its mappings back (it has CPF_MAP)");
}

/* Free slots come back first in, first out; IDs change on reuse. */
static void test_fifo(void)
{
	cp_grant_id_t id[16], old3, old5, a, b, c;
	int i, calls;

	as(PB);
	for (i = 0; i < 16; i++)
		id[i] = cpf_grant_direct(30, 0x1000 * (vir_bytes)i, 16, CPF_READ);
	for (i = 0; i < 16; i++)
		if (GRANT_SLOT(id[i]) != i)
			break;
	CHECK_EQ(i, 16, "slots handed out in order 0..15");
	CHECK_EQ(cpf_count_free(), 0, "table full");
	old3 = id[3];
	old5 = id[5];
	cpf_revoke(old3);
	cpf_revoke(old5);
	CHECK_EQ(cpf_count_free(), 2, "two free after two revokes");
	calls = setgrant_calls;
	a = cpf_grant_direct(30, 0, 1, CPF_READ);
	b = cpf_grant_direct(30, 0, 1, CPF_READ);
	CHECK_EQ(GRANT_SLOT(a), 3, "first revoked slot reused first");
	CHECK_EQ(GRANT_SLOT(b), 5, "then the second");
	OK_(a != old3 && GRANT_SEQ(a) == GRANT_SEQ(old3) + 1,
	    "reused slot gets the next sequence number");
	OK_(kview(PB, old3) == NULL, "old ID of the slot is refused");
	CHECK_EQ(setgrant_calls, calls, "no growth while slots were free");

	/* Full: the next grant doubles the table. */
	c = cpf_grant_direct(30, 0x9000, 1, CPF_WRITE);
	CHECK_EQ(GRANT_SLOT(c), 16, "growth: new grant in slot 16");
	CHECK_EQ(setgrant_calls, calls + 1, "growth registers the new table");
	CHECK_EQ(kp[PB].n, 32, "... of 32 entries");
	CHECK_EQ(cpf_count_free(), 15, "... 15 free");
	CHECK_EQ(bad_free, 0, "old table freed only after re-registering");
	for (i = 0; i < 16; i++)
		if (i != 3 && i != 5 && !kview(PB, id[i]))
			break;
	CHECK_EQ(i, 16, "grants survive the growth");
	OK_(kview(PB, a) && kview(PB, b) && kview(PB, c), "... new ones too");

	/* Revoke in a scrambled order: reuse follows that order after the
	 * slots that were free already. */
	{
		static const int order[] = { 9, 0, 15, 4, 7 };
		for (i = 0; i < 5; i++)
			cpf_revoke(id[order[i]]);
		for (i = 17; i < 32; i++)
			if (GRANT_SLOT(cpf_grant_direct(30, 0, 1, CPF_READ)) != i)
				break;
		CHECK_EQ(i, 32, "slots free before the revokes come first");
		for (i = 0; i < 5; i++)
			if (GRANT_SLOT(cpf_grant_direct(30, 0, 1, CPF_READ)) !=
			    order[i])
				break;
		CHECK_EQ(i, 5, "revoked slots reused in revoke order");
	}
}

/* A model of the free list, random grants and revokes. */
static void test_random(void)
{
	enum { N = 3000 };
	static cp_grant_id_t live[N];
	static int queue[1 << 17];
	int qh = 0, qt = 0, nlive = 0, i, k, bad = 0, badk = 0, size;
	cp_grant_id_t g;
	uint32_t x = 12345;

	as(PC);
	for (i = 0; i < 200000; i++) {
		x = x * 1103515245u + 12345u;
		if (nlive < N && ((x >> 16) % 3 != 0 || nlive == 0)) {
			int expect = qh < qt ? queue[qh] : -1;
			g = cpf_grant_direct(30, (vir_bytes)i, 8, CPF_READ);
			if (g < 0) {
				bad++;
				continue;
			}
			if (expect >= 0) {
				qh++;
				if (GRANT_SLOT(g) != expect)
					bad++;
			} else {
				/* The table grew: its new slots join the model. */
				cpf_table(&size);
				for (k = GRANT_SLOT(g) + 1; k < size; k++)
					queue[qt++] = k;
			}
			live[nlive++] = g;
		} else {
			k = (int)((x >> 8) % (uint32_t)nlive);
			g = live[k];
			live[k] = live[--nlive];
			if (cpf_revoke(g) != 0)
				bad++;
			if (kview(PC, g))
				badk++;
			queue[qt++] = GRANT_SLOT(g);
		}
		if (qt > (1 << 17) - 4100) { /* compact the model queue */
			memmove(queue, queue + qh, (size_t)(qt - qh) * sizeof(int));
			qt -= qh;
			qh = 0;
		}
	}
	CHECK_EQ(bad, 0, "random: every grant from the FIFO head, revokes succeed");
	CHECK_EQ(badk, 0, "random: revoked IDs refused by the kernel");
	CHECK_EQ(cpf_count_free(), qt - qh, "random: free count matches");
	for (k = 0; k < nlive; k++)
		if (!kview(PC, live[k]) || live[k] < 0)
			break;
	CHECK_EQ(k, nlive, "random: every live grant valid to the kernel");
	CHECK_EQ(bad_free, 0, "random: no registered table freed");
}

/* A slot whose sequence number is used up is retired, never wrapped: an
 * ID is never valid twice (a stale ID held anywhere stays refused). */
static void test_seq_retire(void)
{
	cp_grant_id_t g, first, last = GRANT_INVALID;
	int i, bad = 0, slot;

	as(PD);
	for (i = 0; i < 15; i++)
		cpf_grant_direct(30, 0, 1, CPF_READ);
	first = cpf_grant_direct(30, 0, 1, CPF_READ);
	slot = GRANT_SLOT(first);
	CHECK_EQ(GRANT_SEQ(first), 1, "a slot's first ID has sequence 1");
	cpf_revoke(first);
	for (i = 2; i <= GRANT_MAX_SEQ; i++) {
		g = cpf_grant_direct(30, 0, 1, CPF_READ);
		if (g < 0 || GRANT_SLOT(g) != slot || GRANT_SEQ(g) != i || !kview(PD, g))
			bad++;
		last = g;
		cpf_revoke(g);
	}
	CHECK_EQ(bad, 0, "the slot is reused with sequences 2 .. 0x7fff");
	CHECK_EQ(kp[PD].n, 16, "... without growing the table");
	g = cpf_grant_direct(30, 0, 1, CPF_READ);
	CHECK(g >= 0 && GRANT_SLOT(g) != slot, "then the slot is retired: the next grant takes another");
	CHECK_EQ(kp[PD].n, 32, "... from a grown table");
	CHECK(!kview(PD, first) && !kview(PD, last), "no ID of the retired slot is valid");
	CHECK_EQ(cpf_revoke(first), -1, "revoking a retired slot's ID fails");
	cpf_revoke(g);
}

static void test_failures(void)
{
	int calls, size, r;
	cp_grant_t *t;
	cp_grant_id_t g;

	as(PD); /* a table of 16, all used */
	cpf_grant_direct(30, 0, 1, CPF_READ);
	while (cpf_count_free() > 0)
		cpf_grant_direct(30, 0, 1, CPF_READ);
	t = cpf_table(&size);
	calls = setgrant_calls;

	malloc_fail = 1;
	lc_errno = 0;
	CHECK_EQ(cpf_grant_direct(30, 0, 1, CPF_READ), GRANT_INVALID,
	    "table cannot grow (no memory): GRANT_INVALID");
	CHECK_EQ(lc_errno, 12, "... errno ENOMEM");
	CHECK_EQ(cpf_getgrants(&g, 1), 0, "cpf_getgrants reserves none");
	lc_errno = 0;
	cpf_prealloc(1); /* void, as MINIX's: nothing changes */
	CHECK_EQ(cpf_count_free(), 0, "cpf_prealloc without memory adds nothing");
	CHECK_EQ(lc_errno, 12, "... errno ENOMEM");
	malloc_fail = 0;

	setgrant_fail = 1;
	lc_errno = 0;
	CHECK_EQ(cpf_grant_direct(30, 0, 1, CPF_READ), GRANT_INVALID,
	    "table cannot grow (SETGRANT refused): GRANT_INVALID");
	CHECK_EQ(lc_errno, 1, "... errno EPERM from the kernel call");
	setgrant_fail = 0;
	OK_(cpf_table(&size) == t && size == 16 && kp[PD].tab == t,
	    "failed growth leaves the table as it was");
	CHECK_EQ(cpf_count_free(), 0, "... and no free slots");

	cpf_prealloc(40);
	OK_(cpf_count_free() >= 40, "... leaves at least 40 free");
	calls = setgrant_calls;
	for (r = 0; r < 40; r++)
		cpf_grant_direct(30, 0, 1, CPF_READ);
	CHECK_EQ(setgrant_calls, calls, "40 grants then need no growth");

	cpf_reload();
	CHECK_EQ(setgrant_calls, calls + 1, "cpf_reload registers again");
	OK_(kp[PD].tab == cpf_table(&size) && kp[PD].n == size,
	    "... the current table and size");

	lc_errno = 0;
	cpf_prealloc(70000);
	CHECK_EQ(lc_errno, 28, "cpf_prealloc beyond 65536 slots: errno ENOSPC");
	cpf_table(&size);
	CHECK_EQ(size, GRANT_MAX_IDX + 1, "table stops at 65536 slots");
	while (cpf_count_free() > 0)
		cpf_grant_direct(30, 0, 1, CPF_READ);
	lc_errno = 0;
	g = cpf_grant_direct(30, 0, 1, CPF_READ);
	CHECK_EQ(g, GRANT_INVALID, "no slot left: GRANT_INVALID");
	CHECK_EQ(lc_errno, 28, "... errno ENOSPC");
	CHECK_EQ(bad_free, 0, "no registered table freed");
}

static void test_getgrants(void)
{
	cp_grant_id_t ids[3];
	const cp_grant_t *g;

	as(PE);
	CHECK_EQ(cpf_getgrants(ids, 3), 3, "cpf_getgrants(3)");
	OK_(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] >= 0 &&
	    ids[1] >= 0 && ids[2] >= 0, "... three distinct IDs");
	CHECK_EQ(kp[PE].tab[GRANT_SLOT(ids[0])].cp_flags, CPF_USED,
	    "reserved: used, not valid");
	OK_(kview(PE, ids[0]) == NULL, "kernel refuses a reserved ID");
	CHECK_EQ(cpf_setgrant_direct(ids[0], 30, 0x3000, 0x10, CPF_READ), 0,
	    "cpf_setgrant_direct");
	g = kview(PE, ids[0]);
	OK_(g && g->cp_u.cp_direct.cp_start == 0x3000 &&
	    g->cp_flags == (CPF_USED | CPF_VALID | CPF_DIRECT | CPF_READ),
	    "... makes it valid");
	CHECK_EQ(cpf_setgrant_disable(ids[0]), 0, "cpf_setgrant_disable");
	OK_(kview(PE, ids[0]) == NULL, "... kernel refuses it");
	CHECK_EQ(cpf_setgrant_magic(ids[1], 30, 31, 0x5000, 0x10, CPF_WRITE), 0,
	    "cpf_setgrant_magic");
	CHECK_EQ(cpf_setgrant_indirect(ids[2], 30, 31, 4), 0,
	    "cpf_setgrant_indirect");
	OK_(kview(PE, ids[2]) && (kview(PE, ids[2])->cp_flags & CPF_WHOLE),
	    "... whole window");
	CHECK_EQ(cpf_setgrant_direct(ids[1], ANY, 0, 1, CPF_READ), -1,
	    "cpf_setgrant_direct to ANY fails");
	CHECK_EQ(cpf_setgrant_direct(GRANT_ID(13, 1), 30, 0, 1, CPF_READ), -1,
	    "cpf_setgrant_direct of an unreserved ID fails");
	CHECK_EQ(cpf_revoke(ids[0]), 0, "revoke a reserved ID");
	CHECK_EQ(cpf_revoke(ids[1]), 0, "revoke a set ID");
}

/* cpf_moved(): 0 for a fresh grant whatever the slot held (a free slot's
 * cp_moved is its free-list link), what the kernel counted after, and
 * EINVAL for an ID that is not live. */
static void test_moved(void)
{
	cp_grant_id_t g, ids[1], g2;
	vir_bytes mv = 99;

	as(PE);
	g = cpf_grant_direct(30, 0x4000, 0x100, CPF_READ);
	OK_(g >= 0, "a grant");
	OK_(cpf_moved(g, &mv) == 0 && mv == 0, "cpf_moved: 0 for a new grant");
	kp[PE].tab[GRANT_SLOT(g)].cp_moved = 0x40;	/* the kernel's count */
	OK_(cpf_moved(g, &mv) == 0 && mv == 0x40, "... the kernel's count");
	CHECK_EQ(cpf_setgrant_direct(g, 30, 0x4000, 0x80, CPF_READ), 0,
	    "the grant filled in again");
	OK_(cpf_moved(g, &mv) == 0 && mv == 0, "... counts from 0 again");
	CHECK_EQ(cpf_getgrants(ids, 1), 1, "a reserved ID");
	OK_(cpf_moved(ids[0], &mv) == 0 && mv == 0, "... moved 0");
	CHECK_EQ(cpf_revoke(g), 0, "revoked");
	mv = 5;
	lc_errno = 0;
	OK_(cpf_moved(g, &mv) == -1 && lc_errno == -EINVAL && mv == 5,
	    "cpf_moved of a revoked grant: EINVAL, nothing written");
	OK_(cpf_moved(GRANT_INVALID, &mv) == -1 && lc_errno == -EINVAL,
	    "cpf_moved(GRANT_INVALID): EINVAL");
	g2 = cpf_grant_direct(30, 0x4000, 0x100, CPF_READ);
	OK_(g2 >= 0 && cpf_moved(g2, &mv) == 0 && mv == 0,
	    "the next grant: 0");
	CHECK_EQ(cpf_revoke(ids[0]), 0, "revoke the reserved ID");
	CHECK_EQ(cpf_revoke(g2), 0, "revoke the next grant");
}

/* The poster's scenario through the library and the kernel's checker:
 * A grants B [0x400, 0x600) RW; B passes to C offset 0x40 len 0x100 RW
 * and to D offset 0x100 len 0xC0 R. */
static void test_poster(void)
{
	cp_grant_id_t ga, gc, gd, gw;
	vir_bytes addr;

	setup();
	as(PA);
	ga = cpf_grant_direct(ep(PB), 0x400, 0x200, CPF_READ | CPF_WRITE);
	as(PB);
	gc = cpf_grant_indirect_range(ep(PC), ep(PA), ga, 0x40, 0x100,
	    CPF_READ | CPF_WRITE);
	gd = cpf_grant_indirect_range(ep(PD), ep(PA), ga, 0x100, 0xC0,
	    CPF_READ);
	gw = cpf_grant_indirect(ep(PE), ep(PA), ga);
	OK_(ga >= 0 && gc >= 0 && gd >= 0 && gw >= 0, "poster: grants made");

	CHECK_EQ(kcheck(PB, PA, ga, 0, 0x200, CPF_READ | CPF_WRITE, &addr), OK,
	    "poster: B reads and writes all of A's grant");
	CHECK_EQ(addr, 0x400, "... at 0x400");
	CHECK_EQ(kcheck(PC, PB, gc, 0, 0x100, CPF_WRITE, &addr), OK,
	    "poster: C writes its window");
	CHECK_EQ(addr, 0x440, "... which is A's 0x440");
	CHECK_EQ(kcheck(PC, PB, gc, 0xFF, 1, CPF_READ, &addr), OK,
	    "poster: C's last byte");
	CHECK_EQ(addr, 0x53F, "... is A's 0x53F");
	CHECK_EQ(kcheck(PC, PB, gc, 0, 0x101, CPF_READ, NULL), EPERM,
	    "poster: C one byte too many: EPERM");
	CHECK_EQ(kcheck(PD, PB, gd, 0, 0xC0, CPF_READ, &addr), OK,
	    "poster: D reads its window");
	CHECK_EQ(addr, 0x500, "... which is A's 0x500");
	CHECK_EQ(kcheck(PD, PB, gd, 0, 1, CPF_WRITE, NULL), EPERM,
	    "poster: D cannot write: EPERM");
	CHECK_EQ(kcheck(PD, PB, gd, 0xC0, 1, CPF_READ, NULL), EPERM,
	    "poster: D past its window: EPERM");
	CHECK_EQ(kcheck(PC, PB, gd, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: C using D's grant: EPERM");
	CHECK_EQ(kcheck(PE, PB, gw, 0x1FF, 1, CPF_WRITE, &addr), OK,
	    "poster: whole indirect grant inherits the window and RW");
	CHECK_EQ(addr, 0x5FF, "... A's 0x5FF");
	CHECK_EQ(kcheck(PE, PB, gw, 0x200, 1, CPF_READ, NULL), EPERM,
	    "poster: whole indirect grant stops at the parent's end");

	as(PA);
	CHECK_EQ(cpf_revoke(ga), 0, "poster: A revokes");
	CHECK_EQ(kcheck(PB, PA, ga, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: then B: EPERM");
	CHECK_EQ(kcheck(PC, PB, gc, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: then C: EPERM");
	CHECK_EQ(kcheck(PD, PB, gd, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: then D: EPERM");
	CHECK_EQ(kcheck(PE, PB, gw, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: then E: EPERM");

	/* A's next grant reuses no slot B's grants name with the old ID. */
	ga = cpf_grant_direct(ep(PB), 0x400, 0x200, CPF_READ | CPF_WRITE);
	CHECK_EQ(kcheck(PC, PB, gc, 0, 1, CPF_READ, NULL), EPERM,
	    "poster: a new grant of A does not revive C's");
}

int main(void)
{
	int i;

	for (i = 0; i < NP; i++)
		ls[i] = (struct libstate){ NULL, 0, NIL, NIL, 0 };
	setup();
	test_empty();
	test_args();
	test_entries();
	test_map_revoke();
	test_fifo();
	test_random();
	test_failures();
	test_getgrants();
	test_moved();
	test_poster();
	setup();
	test_seq_retire();	/* last: it grows PD's table */
	return tap_done();
}
