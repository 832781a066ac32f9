/* test_grant_verify.c - host tests of kernel/grant_verify.c (verify_grant).
 *
 * A fake world of processes, each with an optional grant table, stands in
 * for the kernel; every rule of DESIGN.md section 5 that verify_grant()
 * decides is checked with its exact error code.
 */
/* minix/type.h's ssize_t (int) clashes with the 64-bit host's (long); the
 * code under test does not use it, so let the host's definition win. */
#define _SSIZE_T
#include "../../kernel/grant_verify.c"
#include "tap.h"

#include <string.h>

#define NPROC 16
#define NENT  16

struct fproc {
	endpoint_t ep;
	int gen;
	int alive;
	int magic;      /* holds the magic-grant privilege */
	int has_table;  /* registered a grant table */
	int unreadable; /* table memory not mapped */
	int nent;
	cp_grant_t tab[NENT];
};

struct world {
	struct fproc p[NPROC];
	int bad_calls;  /* read_entry/may_magic on a dead endpoint, wrong ctx */
	int reads;
	int lax_alive;  /* alive() wrongly accepts ANY, NONE and SELF */
	int odd_error;  /* read_entry fails with EIO, outside its contract */
};

static struct world w;

static struct fproc *find(struct world *wp, endpoint_t e)
{
	int p = _ENDPOINT_P(e);

	if (p < 0 || p >= NPROC || !wp->p[p].alive || wp->p[p].ep != e)
		return NULL;
	return &wp->p[p];
}

static const cp_grant_t *f_read_entry(void *ctx, endpoint_t e, int slot, int *err)
{
	struct world *wp = ctx;
	struct fproc *fp;

	*err = EPERM;
	if (wp != &w) {
		w.bad_calls++;
		return NULL;
	}
	wp->reads++;
	if ((fp = find(wp, e)) == NULL) {
		wp->bad_calls++;
		return NULL;
	}
	if (wp->odd_error) {
		*err = EIO;
		return NULL;
	}
	if (!fp->has_table || slot < 0 || slot >= fp->nent)
		return NULL;
	if (fp->unreadable) {
		*err = EFAULT;
		return NULL;
	}
	return &fp->tab[slot];
}

static int f_alive(void *ctx, endpoint_t e)
{
	if (ctx != &w)
		w.bad_calls++;
	if (w.lax_alive && (e == ANY || e == NONE || e == SELF))
		return 1;
	return find(ctx, e) != NULL;
}

static int f_may_magic(void *ctx, endpoint_t e)
{
	struct fproc *fp;

	if (ctx != &w || (fp = find(ctx, e)) == NULL) {
		w.bad_calls++;
		return 0;
	}
	return fp->magic;
}

static const struct grant_env env = { &w, f_read_entry, f_alive, f_may_magic };

/* Process slots used below. */
enum { PA = 1, PB, PC, PD, PE, PF, PG, PH, PVFS, PFS, PDRV, PUSR, PNOTAB };

static endpoint_t ep(int p)
{
	return w.p[p].ep;
}

static void spawn(int p, int with_table)
{
	struct fproc *fp = &w.p[p];

	memset(fp->tab, 0, sizeof(fp->tab));
	fp->gen++;
	fp->ep = _ENDPOINT(fp->gen, p);
	fp->alive = 1;
	fp->magic = 0;
	fp->has_table = with_table;
	fp->unreadable = 0;
	fp->nent = with_table ? NENT : 0;
}

static void kill_proc(int p)
{
	w.p[p].alive = 0;
}

static void reset_world(void)
{
	int p;

	w.lax_alive = 0;
	w.odd_error = 0;
	for (p = 0; p < NPROC; p++)
		w.p[p].gen = 0;
	for (p = 0; p < NPROC; p++)
		spawn(p, p != PNOTAB);
}

static cp_grant_id_t set_direct(int p, int slot, int seq, int flags,
	endpoint_t to, vir_bytes start, vir_bytes len)
{
	cp_grant_t *g = &w.p[p].tab[slot];

	memset(g, 0, sizeof(*g));
	g->cp_flags = flags | CPF_USED | CPF_VALID | CPF_DIRECT;
	g->cp_u.cp_direct.cp_who_to = to;
	g->cp_u.cp_direct.cp_start = start;
	g->cp_u.cp_direct.cp_len = len;
	g->cp_seq = seq;
	return GRANT_ID(slot, seq);
}

static cp_grant_id_t set_indirect(int p, int slot, int seq, int flags,
	endpoint_t to, endpoint_t from, cp_grant_id_t parent, vir_bytes off,
	vir_bytes len)
{
	cp_grant_t *g = &w.p[p].tab[slot];

	memset(g, 0, sizeof(*g));
	g->cp_flags = flags | CPF_USED | CPF_VALID | CPF_INDIRECT;
	g->cp_u.cp_indirect.cp_who_to = to;
	g->cp_u.cp_indirect.cp_who_from = from;
	g->cp_u.cp_indirect.cp_grant = parent;
	g->cp_u.cp_indirect.cp_offset = off;
	g->cp_u.cp_indirect.cp_len = len;
	g->cp_seq = seq;
	return GRANT_ID(slot, seq);
}

static cp_grant_id_t set_magic(int p, int slot, int seq, int flags,
	endpoint_t to, endpoint_t from, vir_bytes start, vir_bytes len)
{
	cp_grant_t *g = &w.p[p].tab[slot];

	memset(g, 0, sizeof(*g));
	g->cp_flags = flags | CPF_USED | CPF_VALID | CPF_MAGIC;
	g->cp_u.cp_magic.cp_who_to = to;
	g->cp_u.cp_magic.cp_who_from = from;
	g->cp_u.cp_magic.cp_start = start;
	g->cp_u.cp_magic.cp_len = len;
	g->cp_seq = seq;
	return GRANT_ID(slot, seq);
}

static struct grant_result res;
static int why_missing; /* errors that came back without res.why */

static int vg(endpoint_t granter, endpoint_t grantee, cp_grant_id_t gid,
	vir_bytes off, vir_bytes bytes, int access)
{
	int r;

	memset(&res, 0xA5, sizeof(res));
	r = verify_grant(&env, granter, grantee, gid, off, bytes, access, &res);
	if (r != OK && res.why == NULL)
		why_missing++;
	if (r != OK && (res.nhops < 0 || res.nhops > MAX_INDIRECT_DEPTH + 1))
		why_missing++;
	return r;
}

#define RW (CPF_READ | CPF_WRITE)

static void test_einval(void)
{
	cp_grant_id_t g;

	reset_world();
	g = set_direct(PA, 1, 1, RW, ep(PB), 0x1000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0x100, RW), OK, "baseline direct OK");

	CHECK_EQ(vg(ANY, ep(PB), g, 0, 1, CPF_READ), EINVAL, "granter ANY");
	CHECK_EQ(vg(NONE, ep(PB), g, 0, 1, CPF_READ), EINVAL, "granter NONE");
	CHECK_EQ(vg(SELF, ep(PB), g, 0, 1, CPF_READ), EINVAL, "granter SELF");
	CHECK_EQ(vg(_ENDPOINT(w.p[PA].gen + 1, PA), ep(PB), g, 0, 1, CPF_READ),
	    EINVAL, "granter wrong generation");
	CHECK_EQ(vg(_ENDPOINT(1, NPROC + 3), ep(PB), g, 0, 1, CPF_READ),
	    EINVAL, "granter no such process");
	CHECK_EQ(vg(ep(PA), ANY, g, 0, 1, CPF_READ), EINVAL, "grantee ANY");
	CHECK_EQ(vg(ep(PA), SELF, g, 0, 1, CPF_READ), EINVAL, "grantee SELF");
	CHECK_EQ(vg(ep(PA), NONE, g, 0, 1, CPF_READ), EINVAL, "grantee NONE");
	kill_proc(PB);
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EINVAL, "grantee dead");
	reset_world();
	g = set_direct(PA, 1, 1, RW | CPF_MAP, ep(PB), 0x1000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_INVALID, 0, 1, CPF_READ), EINVAL,
	    "GRANT_INVALID");
	CHECK_EQ(vg(ep(PA), ep(PB), INT32_MIN, 0, 1, CPF_READ), EINVAL,
	    "negative gid");
	CHECK_EQ(vg(ep(PA), ep(PB), (cp_grant_id_t)(0x80000000u | (unsigned)g),
	    0, 1, CPF_READ), EINVAL, "gid with sign bit set");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, 0), EINVAL, "access 0");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_MAP), EINVAL,
	    "access MAP alone");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ | CPF_TRY), EINVAL,
	    "access with TRY");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ | CPF_VALID), EINVAL,
	    "access with internal bit");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, (int)0x80000000u | CPF_READ),
	    EINVAL, "access with sign bit");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ | CPF_MAP), OK,
	    "access READ|MAP OK");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, 0), EINVAL,
	    "zero-length with access 0");
	/* EINVAL checks come before any table read. */
	w.reads = 0;
	vg(ep(PA), ep(PB), g, 0, 1, 0);
	vg(ANY, ep(PB), g, 0, 1, CPF_READ);
	CHECK_EQ(w.reads, 0, "EINVAL reads no grant table");
}

static void test_entry_eperm(void)
{
	cp_grant_id_t g, old;
	cp_grant_t *e;
	const char *why;

	reset_world();
	g = set_direct(PNOTAB, 1, 1, RW, ep(PB), 0x1000, 0x100);
	w.p[PNOTAB].has_table = 0;
	CHECK_EQ(vg(ep(PNOTAB), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "granter has no table");
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_ID(NENT, 1), 0, 1, CPF_READ), EPERM,
	    "slot == entry count");
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_ID(GRANT_MAX_IDX, 1), 0, 1,
	    CPF_READ), EPERM, "slot 0xffff");

	/* An all-zero entry: never used. */
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_ID(3, 0), 0, 0, CPF_READ), EPERM,
	    "unused slot");
	g = set_direct(PA, 2, 1, RW, ep(PB), 0x1000, 0x100);
	e = &w.p[PA].tab[2];
	e->cp_flags &= ~CPF_USED;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "VALID without USED");
	e->cp_flags |= CPF_USED;
	e->cp_flags &= ~CPF_VALID;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "USED without VALID");
	e->cp_flags |= CPF_VALID;
	/* A flag bit no one defined makes the entry invalid, each bit. */
	{
		int bit, bad = 0;

		for (bit = 0; bit < 31; bit++) {
			if (CPF_ALL_FLAGS & (1 << bit))
				continue;
			e->cp_flags |= 1 << bit;
			bad += vg(ep(PA), ep(PB), g, 0, 1, CPF_READ) != EPERM;
			e->cp_flags &= ~(1 << bit);
		}
		CHECK_EQ(bad, 0, "any unknown flag bit: EPERM");
		CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), OK,
		    "without it, the same entry is a grant");
	}
	/* Type bits: the entry below reads as a fine direct grant, as a fine
	 * magic grant of C's memory (A is privileged) and as a fine indirect
	 * grant of C's grant GRANT_ID(2, 1), so only the "exactly one type"
	 * rule can refuse it. */
	w.p[PA].magic = 1;
	set_direct(PC, 2, 1, RW, ep(PA), 0x7000, 0x10);
	e->cp_u.cp_direct.cp_start = (vir_bytes)ep(PC);
	e->cp_u.cp_direct.cp_len = (vir_bytes)GRANT_ID(2, 1);
	e->cp_flags &= ~CPF_TYPE;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM, "no type bit");
	e->cp_flags |= CPF_DIRECT | CPF_INDIRECT;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM,
	    "DIRECT|INDIRECT");
	e->cp_flags = (e->cp_flags & ~CPF_TYPE) | CPF_DIRECT | CPF_MAGIC;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM,
	    "DIRECT|MAGIC");
	e->cp_flags = (e->cp_flags & ~CPF_TYPE) | CPF_INDIRECT | CPF_MAGIC;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM,
	    "INDIRECT|MAGIC");
	e->cp_flags |= CPF_TYPE;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM,
	    "all three type bits");
	e->cp_flags &= ~CPF_TYPE;
	e->cp_flags |= CPF_MAGIC;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), OK,
	    "same entry as magic");
	CHECK_EQ(res.owner, ep(PC), "same entry as magic: owner");
	e->cp_flags &= ~CPF_TYPE;
	e->cp_flags |= CPF_INDIRECT;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), OK,
	    "same entry as indirect");
	CHECK_EQ(res.addr, 0x7000, "same entry as indirect: address");
	e->cp_flags &= ~CPF_TYPE;
	e->cp_flags |= CPF_DIRECT;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), OK, "entry repaired");
	CHECK_EQ(res.owner, ep(PA), "same entry as direct: owner");
	w.p[PA].magic = 0;

	/* Sequence numbers: a revoked and reused slot. */
	old = set_direct(PA, 5, 3, RW, ep(PB), 0x2000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), old, 0, 1, CPF_READ), OK, "seq 3 OK");
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_ID(5, 4), 0, 1, CPF_READ), EPERM,
	    "sequence mismatch");
	w.p[PA].tab[5].cp_flags = 0;    /* cpf_revoke */
	CHECK_EQ(vg(ep(PA), ep(PB), old, 0, 1, CPF_READ), EPERM,
	    "revoked grant");
	g = set_direct(PA, 5, 4, RW, ep(PC), 0x3000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), old, 0, 1, CPF_READ), EPERM,
	    "stale id after reuse, old grantee");
	CHECK_EQ(vg(ep(PA), ep(PC), old, 0, 1, CPF_READ), EPERM,
	    "stale id after reuse, new grantee");
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 1, CPF_READ), OK,
	    "new id after reuse");
	CHECK_EQ(res.addr, 0x3000, "new id reaches new memory");
	CHECK_EQ(GRANT_SLOT(g), GRANT_SLOT(old), "reuse kept the slot");
	/* cp_seq bits above GRANT_MAX_SEQ are ignored. */
	w.p[PA].tab[5].cp_seq = 4 | 0x8000;
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 1, CPF_READ), OK,
	    "cp_seq compared masked");
	g = set_direct(PA, 6, GRANT_MAX_SEQ, RW, ep(PC), 0x3000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 1, CPF_READ), OK, "max seq");
	CHECK(g >= 0, "max seq id is not negative");

	/* Grantee. */
	g = set_direct(PA, 7, 1, RW, ep(PB), 0x1000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 1, CPF_READ), EPERM,
	    "wrong grantee");
	CHECK_EQ(vg(ep(PA), ep(PA), g, 0, 1, CPF_READ), EPERM,
	    "granter is not grantee");
	spawn(PB, 1);   /* B restarts: the old endpoint is stale */
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "grantee's new incarnation");
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 1, CPF_READ), EPERM,
	    "wrong grantee again");
	why = res.why;
	g = set_direct(PA, 8, 1, RW, ANY, 0x1000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "who_to ANY refused");
	CHECK(why != NULL && res.why != NULL && strcmp(why, res.why) != 0,
	    "who_to ANY has its own reason");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, CPF_READ), EPERM,
	    "who_to ANY refused, zero length");
}

static void test_access(void)
{
	cp_grant_id_t ro, wo, rw, rwm;

	reset_world();
	ro = set_direct(PA, 1, 1, CPF_READ, ep(PB), 0x1000, 0x100);
	wo = set_direct(PA, 2, 1, CPF_WRITE, ep(PB), 0x1000, 0x100);
	rw = set_direct(PA, 3, 1, RW, ep(PB), 0x1000, 0x100);
	rwm = set_direct(PA, 4, 1, RW | CPF_MAP | CPF_TRY, ep(PB), 0x1000,
	    0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), ro, 0, 1, CPF_READ), OK, "read RO");
	CHECK_EQ(res.access, CPF_READ, "RO effective access");
	CHECK_EQ(vg(ep(PA), ep(PB), ro, 0, 1, CPF_WRITE), EPERM,
	    "write through RO");
	CHECK_EQ(vg(ep(PA), ep(PB), ro, 0, 1, RW), EPERM, "RW through RO");
	CHECK_EQ(vg(ep(PA), ep(PB), wo, 0, 1, CPF_WRITE), OK, "write WO");
	CHECK_EQ(vg(ep(PA), ep(PB), wo, 0, 1, CPF_READ), EPERM,
	    "read through WO");
	CHECK_EQ(vg(ep(PA), ep(PB), rw, 0, 1, RW), OK, "RW through RW");
	CHECK_EQ(res.try, 0, "no TRY");
	CHECK_EQ(vg(ep(PA), ep(PB), rw, 0, 1, CPF_READ | CPF_MAP), EPERM,
	    "map without CPF_MAP");
	CHECK_EQ(vg(ep(PA), ep(PB), rwm, 0, 1, CPF_WRITE | CPF_MAP), OK,
	    "map with CPF_MAP");
	CHECK_EQ(res.access, RW | CPF_MAP, "access has no TRY bit");
	CHECK_EQ(res.try, 1, "TRY reported");
	CHECK_EQ(vg(ep(PA), ep(PB), ro, 0, 0, CPF_WRITE), EPERM,
	    "zero-length write through RO");
}

static void test_range(void)
{
	cp_grant_id_t g, big, top, wrap, full;

	reset_world();
	g = set_direct(PA, 1, 1, RW, ep(PB), 0x1000, 0x100);
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0x100, CPF_READ), OK, "whole grant");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0xff, 1, CPF_READ), OK, "last byte");
	CHECK_EQ(res.addr, 0x10ff, "last byte address");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0x100, 1, CPF_READ), EPERM,
	    "one past the end");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0x101, CPF_READ), EPERM,
	    "one byte too long");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0x80, 0x81, CPF_READ), EPERM,
	    "offset+len past the end");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0xFFFFFFFFu, 2, CPF_READ), EPERM,
	    "offset+len wraps to 1");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0x10, 0xFFFFFFF0u, CPF_READ), EPERM,
	    "offset+len wraps to 0");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 1, 0xFFFFFFFFu, CPF_READ), EPERM,
	    "huge length");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0xFFFFFFFFu, 0, CPF_READ), EPERM,
	    "huge offset, zero length");

	/* Zero-length requests. */
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0x100, 0, CPF_READ), OK,
	    "zero length at the end");
	CHECK_EQ(res.addr, 0x1100, "zero length at the end: address");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0x101, 0, CPF_READ), EPERM,
	    "zero length past the end");
	CHECK_EQ(vg(ep(PA), ep(PC), g, 0, 0, CPF_READ), EPERM,
	    "zero length, wrong grantee");
	CHECK_EQ(vg(ep(PA), ep(PB), GRANT_ID(1, 2), 0, 0, CPF_READ), EPERM,
	    "zero length, stale id");
	g = set_direct(PA, 2, 1, RW, ep(PB), 0x5000, 0);
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 0, RW), OK,
	    "zero length on an empty grant");
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, RW), EPERM,
	    "one byte of an empty grant");

	/* Grants near the top of the address space. */
	big = set_direct(PA, 3, 1, RW, ep(PB), 0, 0xFFFFFFFFu);
	CHECK_EQ(vg(ep(PA), ep(PB), big, 0xFFFFFFFEu, 1, CPF_READ), OK,
	    "4G grant, byte 0xfffffffe");
	CHECK_EQ(res.addr, 0xFFFFFFFEu, "4G grant address");
	CHECK_EQ(vg(ep(PA), ep(PB), big, 0xFFFFFFFFu, 1, CPF_READ), EPERM,
	    "4G grant, one past the end");
	CHECK_EQ(vg(ep(PA), ep(PB), big, 0xFFFFFFFFu, 0, CPF_READ), OK,
	    "4G grant, zero length at the end");
	CHECK_EQ(vg(ep(PA), ep(PB), big, 1, 0xFFFFFFFFu, CPF_READ), EPERM,
	    "4G grant, offset 1 length 4G-1");
	top = set_direct(PA, 4, 1, RW, ep(PB), 0xFFFFF000u, 0xFFF);
	CHECK_EQ(vg(ep(PA), ep(PB), top, 0xFFE, 1, CPF_READ), OK,
	    "grant ending at 0xffffffff");
	CHECK_EQ(res.addr, 0xFFFFFFFEu, "address near the top");
	wrap = set_direct(PA, 5, 1, RW, ep(PB), 0xFFFFF000u, 0x1000);
	CHECK_EQ(vg(ep(PA), ep(PB), wrap, 0, 1, CPF_READ), EPERM,
	    "start+len wraps to 0");
	wrap = set_direct(PA, 6, 1, RW, ep(PB), 0x80000000u, 0x80000001u);
	CHECK_EQ(vg(ep(PA), ep(PB), wrap, 0, 0, CPF_READ), EPERM,
	    "start+len wraps, zero-length request");
	full = set_direct(PA, 7, 1, RW, ep(PB), 0xFFFFFFFFu, 0);
	CHECK_EQ(vg(ep(PA), ep(PB), full, 0, 0, CPF_READ), OK,
	    "empty grant at 0xffffffff");
	full = set_direct(PA, 8, 1, RW, ep(PB), 0xFFFFFFFFu, 1);
	CHECK_EQ(vg(ep(PA), ep(PB), full, 0, 1, CPF_READ), EPERM,
	    "one byte at 0xffffffff wraps");
}

/* The poster: A grants B [0x400,0x600) RW; B passes it on to C (0x40, 0x100,
 * RW) and D (0x100, 0xC0, R). */
static void test_poster(void)
{
	cp_grant_id_t a4, b4, b1;

	reset_world();
	a4 = set_direct(PA, 4, 1, RW, ep(PB), 0x400, 0x200);
	b4 = set_indirect(PB, 4, 1, RW, ep(PC), ep(PA), a4, 0x40, 0x100);
	b1 = set_indirect(PB, 1, 1, CPF_READ, ep(PD), ep(PA), a4, 0x100, 0xC0);

	CHECK_EQ(vg(ep(PA), ep(PB), a4, 0, 0x200, RW), OK, "B: whole grant");
	CHECK_EQ(res.addr, 0x400, "B: address 0x400");
	CHECK_EQ(vg(ep(PA), ep(PB), a4, 0x200, 1, CPF_READ), EPERM,
	    "B: 0x600 is outside");

	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0, 0x100, RW), OK, "C: whole window");
	CHECK_EQ(res.owner, ep(PA), "C: owner A");
	CHECK_EQ(res.addr, 0x440, "C: address 0x440");
	CHECK_EQ(res.access, RW, "C: access RW");
	CHECK_EQ(res.nhops, 2, "C: two hops");
	CHECK_EQ(res.hop[0].granter, ep(PB), "C: hop 0 granter B");
	CHECK_EQ(res.hop[0].gid, b4, "C: hop 0 gid");
	CHECK_EQ(res.hop[1].granter, ep(PA), "C: hop 1 granter A");
	CHECK_EQ(res.hop[1].gid, a4, "C: hop 1 gid");
	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0xff, 1, CPF_WRITE), OK,
	    "C: last byte");
	CHECK_EQ(res.addr, 0x53f, "C: last byte at 0x53f");
	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0x100, 1, CPF_READ), EPERM,
	    "C: one past the window");
	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0, 0x101, CPF_READ), EPERM,
	    "C: window plus one");
	CHECK_EQ(vg(ep(PB), ep(PC), b1, 0, 1, CPF_READ), EPERM,
	    "C: cannot use D's grant");

	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0, 0xC0, CPF_READ), OK,
	    "D: whole window");
	CHECK_EQ(res.addr, 0x500, "D: address 0x500");
	CHECK_EQ(res.access, CPF_READ, "D: access R");
	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0xbf, 1, CPF_READ), OK,
	    "D: last byte");
	CHECK_EQ(res.addr, 0x5bf, "D: last byte at 0x5bf");
	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0xc0, 1, CPF_READ), EPERM,
	    "D: one past the window");
	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0, 1, CPF_WRITE), EPERM,
	    "D: cannot write");
	CHECK_EQ(vg(ep(PA), ep(PD), a4, 0, 1, CPF_READ), EPERM,
	    "D: cannot use A's grant directly");

	/* A revokes: B, C and D are cut off at once. */
	w.p[PA].tab[4].cp_flags &= ~CPF_VALID;
	CHECK_EQ(vg(ep(PA), ep(PB), a4, 0, 1, CPF_READ), EPERM,
	    "revoked: B cut off");
	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0, 1, CPF_READ), EPERM,
	    "revoked: C cut off");
	CHECK_EQ(res.nhops, 2, "revoked: failed at the root hop");
	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0, 1, CPF_READ), EPERM,
	    "revoked: D cut off");
	CHECK_EQ(vg(ep(PB), ep(PD), b1, 0, 0, CPF_READ), EPERM,
	    "revoked: D cut off, zero length");
	/* Revoke and reuse A's slot for someone else: the chain stays dead. */
	set_direct(PA, 4, 2, RW, ep(PB), 0x400, 0x200);
	CHECK_EQ(vg(ep(PB), ep(PC), b4, 0, 1, CPF_READ), EPERM,
	    "reused root slot: C still cut off");
}

static void test_indirect(void)
{
	cp_grant_id_t root, gi, g2;

	reset_world();
	root = set_direct(PA, 1, 1, CPF_READ | CPF_MAP, ep(PB), 0x1000, 0x100);

	/* Window checks against the parent. */
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0x80, 0x81);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "indirect wider than parent");
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0, 0x101);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 0, CPF_READ), EPERM,
	    "indirect longer than parent, zero length");
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0x101, 0);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 0, CPF_READ), EPERM,
	    "indirect starts past the parent");
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0xFFFFFFF0u,
	    0x20);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "indirect offset+len wraps");
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0x20,
	    0xFFFFFFF0u);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "indirect huge length");
	gi = set_indirect(PB, 1, 1, RW | CPF_MAP, ep(PC), ep(PA), root, 0x100,
	    0);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 0, CPF_READ), OK,
	    "empty indirect at the parent's end");
	CHECK_EQ(res.addr, 0x1100, "empty indirect address");
	gi = set_indirect(PB, 1, 1, RW | CPF_MAP, ep(PC), ep(PA), root, 0x80,
	    0x80);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0x7f, 1, CPF_READ), OK,
	    "indirect ending at the parent's end");
	CHECK_EQ(res.addr, 0x10ff, "indirect tail address");

	/* Rights: the indirect says RW, the parent only R|MAP. */
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_WRITE), EPERM,
	    "indirect claims write the parent lacks");
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ | CPF_MAP), OK,
	    "indirect read+map");
	CHECK_EQ(res.access, CPF_READ | CPF_MAP, "access intersected");
	gi = set_indirect(PB, 1, 1, CPF_READ, ep(PC), ep(PA), root, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ | CPF_MAP), EPERM,
	    "indirect without MAP cannot map");

	/* The parent must name the indirect grant's granter as grantee. */
	g2 = set_direct(PA, 2, 1, RW, ep(PD), 0x2000, 0x100);
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA), g2, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent granted to someone else");
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PD), g2, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent in the wrong table");
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA), GRANT_ID(1, 7), 0,
	    0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent id stale");
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA), GRANT_INVALID, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent id GRANT_INVALID");
	set_direct(PA, 3, 0, RW, ep(PB), 0x3000, 0x100);
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA),
	    (cp_grant_id_t)(0x80000000u | (unsigned)GRANT_ID(3, 0)), 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent id negative, slot bits name a fine grant");
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA), GRANT_ID(3, 0), 0,
	    0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), OK,
	    "same parent with its real id");
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ANY, root, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "indirect from ANY");
	gi = set_indirect(PB, 2, 1, RW, ANY, ep(PA), root, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "indirect to ANY");
	w.p[PA].tab[1].cp_u.cp_direct.cp_who_to = ANY;
	gi = set_indirect(PB, 2, 1, RW, ep(PC), ep(PA), root, 0, 0x10);
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "parent to ANY");

	/* Self-referencing indirect grant: a loop ends in ELOOP. */
	gi = set_indirect(PB, 3, 1, RW, ep(PB), ep(PB), GRANT_ID(3, 1), 0, 1);
	CHECK_EQ(vg(ep(PB), ep(PB), gi, 0, 1, CPF_READ), ELOOP,
	    "self loop");
	CHECK_EQ(res.nhops, MAX_INDIRECT_DEPTH + 1, "loop stopped at depth");
}

/* A chain: P(PA) direct to PB, then indirect hops PB->PC->... */
static cp_grant_id_t build_chain(int nind, endpoint_t *leaf_granter,
	endpoint_t *leaf_grantee, cp_grant_id_t *ids)
{
	static const int who[] = { PA, PB, PC, PD, PE, PF, PG, PH };
	cp_grant_id_t g;
	int i;

	g = set_direct(PA, 2, 5, RW | CPF_MAP, ep(PB), 0x10000, 0x1000);
	ids[0] = g;
	for (i = 1; i <= nind; i++) {
		g = set_indirect(who[i], 3, 9, RW | CPF_MAP, ep(who[i + 1]),
		    ep(who[i - 1]), g, 0x10, 0x1000 - 0x20 * i);
		ids[i] = g;
	}
	*leaf_granter = ep(who[nind]);
	*leaf_grantee = ep(who[nind + 1]);
	return g;
}

static void test_depth(void)
{
	endpoint_t gr, ge;
	cp_grant_id_t g, ids[8];
	int i, ok;

	reset_world();
	g = build_chain(MAX_INDIRECT_DEPTH, &gr, &ge, ids);
	CHECK_EQ(vg(gr, ge, g, 0x8, 0x10, RW | CPF_MAP), OK,
	    "direct + 5 indirect OK");
	CHECK_EQ(res.nhops, MAX_INDIRECT_DEPTH + 1, "six hops");
	CHECK_EQ(res.owner, ep(PA), "deep chain owner");
	CHECK_EQ(res.addr, 0x10000 + 5 * 0x10 + 0x8, "offsets accumulate");
	CHECK_EQ(res.access, RW | CPF_MAP, "deep chain access");
	ok = 1;
	for (i = 0; i <= MAX_INDIRECT_DEPTH; i++)
		if (res.hop[i].gid != ids[MAX_INDIRECT_DEPTH - i])
			ok = 0;
	CHECK(ok, "hops listed leaf first");
	CHECK_EQ(res.hop[0].granter, gr, "hop 0 is the leaf granter");
	CHECK_EQ(res.hop[5].granter, ep(PA), "hop 5 is the root granter");
	/* Window of the 5th hop: length 0x1000 - 0xa0 = 0xf60. */
	CHECK_EQ(vg(gr, ge, g, 0xf5f, 1, CPF_READ), OK, "deep last byte");
	CHECK_EQ(res.addr, 0x10000 + 0x50 + 0xf5f, "deep last byte address");
	CHECK_EQ(vg(gr, ge, g, 0xf60, 1, CPF_READ), EPERM,
	    "deep one past the end");
	/* A middle hop loses write: the whole chain loses it. */
	w.p[PC].tab[3].cp_flags &= ~CPF_WRITE;
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_WRITE), EPERM,
	    "middle hop without write");
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), OK, "middle hop read");
	CHECK_EQ(res.access, CPF_READ | CPF_MAP, "middle hop narrows access");
	/* Dead middle process. */
	kill_proc(PD);
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), EPERM, "dead middle process");
	spawn(PD, 1);   /* restarted: same slot, new generation, new table */
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), EPERM,
	    "restarted middle process");
	/* Root granter dead. */
	reset_world();
	g = build_chain(2, &gr, &ge, ids);
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), OK, "short chain OK");
	kill_proc(PA);
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), EPERM, "dead root granter");
	/* Dead leaf granter: the request itself is bad. */
	reset_world();
	g = build_chain(2, &gr, &ge, ids);
	kill_proc(PC);
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), EINVAL, "dead leaf granter");

	/* Six indirect hops: ELOOP. */
	reset_world();
	g = build_chain(MAX_INDIRECT_DEPTH + 1, &gr, &ge, ids);
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), ELOOP, "6 indirect: ELOOP");
	CHECK_EQ(vg(gr, ge, g, 0, 0, CPF_READ), ELOOP,
	    "6 indirect, zero length: ELOOP");
	/* One hop up the same chain has 5 indirect hops: fine. */
	CHECK_EQ(vg(ep(PF), ep(PG), ids[MAX_INDIRECT_DEPTH], 0, 1, CPF_READ),
	    OK, "5 of the 6 are fine");

	/* Revoking the root cuts off every hop. */
	reset_world();
	g = build_chain(MAX_INDIRECT_DEPTH, &gr, &ge, ids);
	w.p[PA].tab[2].cp_flags &= ~CPF_VALID;
	ok = 1;
	for (i = 0; i < MAX_INDIRECT_DEPTH; i++) {
		static const int who[] = { PA, PB, PC, PD, PE, PF, PG };

		if (vg(ep(who[i]), ep(who[i + 1]), ids[i], 0, 1, CPF_READ) !=
		    EPERM)
			ok = 0;
	}
	CHECK(ok, "root revoked: every hop cut off");
	CHECK_EQ(vg(gr, ge, g, 0, 1, CPF_READ), EPERM,
	    "root revoked: leaf cut off");
	CHECK_EQ(res.nhops, MAX_INDIRECT_DEPTH + 1, "failed at the root");
}

static void test_magic(void)
{
	cp_grant_id_t m, gi;

	reset_world();
	m = set_magic(PVFS, 1, 1, RW | CPF_TRY, ep(PFS), ep(PUSR), 0x8000,
	    0x1000);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0x10, 0x20, CPF_READ), EPERM,
	    "magic without privilege");
	w.p[PVFS].magic = 1;
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0x10, 0x20, CPF_READ), OK,
	    "magic with privilege");
	CHECK_EQ(res.owner, ep(PUSR), "magic owner is who_from");
	CHECK_EQ(res.addr, 0x8010, "magic address");
	CHECK_EQ(res.try, 1, "magic TRY");
	CHECK_EQ(res.nhops, 1, "magic one hop");
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0xff0, 0x11, CPF_READ), EPERM,
	    "magic range");
	CHECK_EQ(vg(ep(PVFS), ep(PDRV), m, 0, 1, CPF_READ), EPERM,
	    "magic wrong grantee");

	/* VFS -> FS magic, FS -> driver indirect. */
	gi = set_indirect(PFS, 1, 1, CPF_WRITE, ep(PDRV), ep(PVFS), m, 0x200,
	    0x200);
	CHECK_EQ(vg(ep(PFS), ep(PDRV), gi, 0x1ff, 1, CPF_WRITE), OK,
	    "magic root of indirect chain");
	CHECK_EQ(res.owner, ep(PUSR), "chain owner is the user");
	CHECK_EQ(res.addr, 0x8000 + 0x200 + 0x1ff, "chain address");
	CHECK_EQ(res.access, CPF_WRITE, "chain access");
	CHECK_EQ(res.try, 0, "TRY only from the leaf");
	CHECK_EQ(res.nhops, 2, "chain two hops");
	CHECK_EQ(vg(ep(PFS), ep(PDRV), gi, 0, 1, CPF_READ), EPERM,
	    "driver cannot read");
	w.p[PVFS].magic = 0;
	CHECK_EQ(vg(ep(PFS), ep(PDRV), gi, 0, 1, CPF_WRITE), EPERM,
	    "chain root lost privilege");
	w.p[PVFS].magic = 1;
	w.p[PFS].magic = 1;     /* FS's privilege does not matter */
	kill_proc(PUSR);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 1, CPF_READ), EPERM,
	    "magic of dead process");
	CHECK_EQ(vg(ep(PFS), ep(PDRV), gi, 0, 1, CPF_WRITE), EPERM,
	    "chain to dead user");
	spawn(PUSR, 1);
	m = set_magic(PVFS, 2, 1, RW, ep(PFS), ANY, 0x8000, 0x1000);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 1, CPF_READ), EPERM,
	    "magic from ANY");
	m = set_magic(PVFS, 2, 1, RW, ANY, ep(PUSR), 0x8000, 0x1000);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 1, CPF_READ), EPERM,
	    "magic to ANY");
	m = set_magic(PVFS, 2, 1, RW, ep(PFS), ep(PUSR), 0xFFFFFF00u, 0x100);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 1, CPF_READ), EPERM,
	    "magic start+len wraps");
	/* Without privilege, a magic entry is refused even for a zero-length
	 * request that is otherwise fine. */
	w.p[PVFS].magic = 0;
	m = set_magic(PVFS, 2, 1, RW, ep(PFS), ep(PUSR), 0x8000, 0x10);
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 0, CPF_READ), EPERM,
	    "magic zero length without privilege");
}

static void test_efault(void)
{
	cp_grant_id_t root, gi;

	reset_world();
	root = set_direct(PA, 1, 1, RW, ep(PB), 0x1000, 0x100);
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0, 0x10);
	w.p[PB].unreadable = 1;
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EFAULT,
	    "leaf table unreadable");
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 0, CPF_READ), EFAULT,
	    "leaf table unreadable, zero length");
	w.p[PB].unreadable = 0;
	w.p[PA].unreadable = 1;
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EFAULT,
	    "parent table unreadable");
	CHECK_EQ(res.nhops, 2, "EFAULT at hop 2");
	w.p[PA].unreadable = 0;
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), OK,
	    "readable again");
}

/* verify_grant() refuses special endpoints itself, even if the kernel's
 * alive() were to accept them, and maps unexpected read_entry() errors to
 * EPERM. */
static void test_defensive(void)
{
	cp_grant_id_t g, gi, m;

	reset_world();
	g = set_direct(PA, 1, 1, RW, ep(PB), 0x1000, 0x100);
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ANY, g, 0, 0x10);
	m = set_magic(PVFS, 1, 1, RW, ep(PFS), NONE, 0x1000, 0x100);
	w.p[PVFS].magic = 1;
	w.lax_alive = 1;
	CHECK_EQ(vg(ANY, ep(PB), g, 0, 1, CPF_READ), EINVAL,
	    "lax alive: granter ANY");
	CHECK_EQ(vg(SELF, ep(PB), g, 0, 1, CPF_READ), EINVAL,
	    "lax alive: granter SELF");
	CHECK_EQ(vg(ep(PA), NONE, g, 0, 1, CPF_READ), EINVAL,
	    "lax alive: grantee NONE");
	CHECK_EQ(vg(ep(PA), ANY, g, 0, 1, CPF_READ), EINVAL,
	    "lax alive: grantee ANY");
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), EPERM,
	    "lax alive: indirect from ANY");
	CHECK_EQ(vg(ep(PVFS), ep(PFS), m, 0, 1, CPF_READ), EPERM,
	    "lax alive: magic from NONE");
	w.lax_alive = 0;
	w.odd_error = 1;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), EPERM,
	    "unexpected read_entry error gives EPERM");
	w.odd_error = 0;
	CHECK_EQ(vg(ep(PA), ep(PB), g, 0, 1, CPF_READ), OK,
	    "back to normal");
}

static void test_no_side_effects(void)
{
	struct world before;
	cp_grant_id_t root, gi;

	reset_world();
	root = set_direct(PA, 1, 1, RW, ep(PB), 0x1000, 0x100);
	gi = set_indirect(PB, 1, 1, RW, ep(PC), ep(PA), root, 0, 0x10);
	before = w;
	vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ);
	vg(ep(PB), ep(PC), gi, 0, 1, CPF_WRITE | CPF_MAP);
	vg(ep(PB), ep(PD), gi, 0, 1, CPF_READ);
	before.reads = w.reads;
	CHECK(memcmp(&before, &w, sizeof(w)) == 0, "tables left unchanged");
	CHECK_EQ(vg(ep(PB), ep(PC), gi, 0, 1, CPF_READ), OK, "OK result");
	CHECK(res.why == NULL, "why is NULL on success");
}

/* CPF_WHOLE (cpf_grant_indirect): the parent's whole window, its rights. */
static void test_whole(void)
{
	cp_grant_id_t g0, g1, g2;

	reset_world();
	g0 = set_direct(0, 1, 1, CPF_READ, ep(1), 0x1000, 0x100);
	g1 = set_indirect(1, 2, 1, CPF_WHOLE | RW | CPF_MAP, ep(2), ep(0), g0, 0, 0xFFFFFFFF);
	CHECK_EQ(vg(ep(1), ep(2), g1, 0, 0x100, CPF_READ), OK, "whole: parent window");
	CHECK_EQ(res.addr, 0x1000, "whole: address of byte 0");
	CHECK_EQ(res.access, CPF_READ, "whole: parent's rights only");
	CHECK_EQ(vg(ep(1), ep(2), g1, 0xFF, 1, CPF_READ), OK, "whole: last byte");
	CHECK_EQ(res.addr, 0x10FF, "whole: address of the last byte");
	CHECK_EQ(vg(ep(1), ep(2), g1, 0x100, 1, CPF_READ), EPERM, "whole: one past the parent");
	CHECK_EQ(vg(ep(1), ep(2), g1, 0, 1, CPF_WRITE), EPERM, "whole: no write the parent lacks");
	/* A narrowed hop under a whole hop. */
	g2 = set_indirect(2, 3, 1, RW, ep(3), ep(1), g1, 0x80, 0x10);
	CHECK_EQ(vg(ep(2), ep(3), g2, 0, 0x10, CPF_READ), OK, "whole then narrow");
	CHECK_EQ(res.addr, 0x1080, "whole then narrow: address");
	CHECK_EQ(res.nhops, 3, "whole then narrow: hops");
	CHECK_EQ(vg(ep(2), ep(3), g2, 0, 0x11, CPF_READ), EPERM, "whole then narrow: bound");
	set_indirect(2, 4, 1, RW, ep(3), ep(1), g1, 0xF8, 0x10);
	CHECK_EQ(vg(ep(2), ep(3), GRANT_ID(4, 1), 0, 1, CPF_READ), EPERM,
	    "narrow hop past a whole parent's window");
}

int main(void)
{
	test_einval();
	test_entry_eperm();
	test_access();
	test_range();
	test_poster();
	test_indirect();
	test_depth();
	test_magic();
	test_efault();
	test_defensive();
	test_no_side_effects();
	test_whole();
	CHECK_EQ(why_missing, 0, "every error set why and a sane nhops");
	CHECK_EQ(w.bad_calls, 0, "callbacks only for live endpoints");
	return tap_done();
}
