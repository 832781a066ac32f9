/* cpf.c - the caller's grant table: cpf_grant_*, cpf_revoke, cpf_prealloc,
 * cpf_reload, cpf_getgrants and cpf_setgrant_*.
 *
 * The table is an array of cp_grant_t in this process's heap, registered
 * with the kernel by sys_setgrant().  The kernel keeps only its address and
 * size and reads one entry on each use of a grant, so:
 *  - an entry is filled in with cp_flags written last (after a compiler
 *    barrier; x86 keeps stores in order), and revoked by clearing cp_flags
 *    first; the kernel never sees a half-made valid entry;
 *  - the table grows by doubling into a new heap block: the entries are
 *    copied, the new block is registered, and only then the old one freed.
 *
 * Grant IDs are GRANT_ID(slot, seq).  Each allocation of a slot bumps the
 * slot's 15-bit cp_seq, and free slots are reused first in, first out (the
 * free list runs through the free entries' cp_moved field), so a revoked ID
 * comes back only after every other free slot was used; a slot whose
 * sequence reached GRANT_MAX_SEQ is retired at its revocation instead of
 * wrapping to 0, so an ID is never valid twice.  (A process can thus make
 * about 2^31 grants in its life; then cpf_grant_* fail with ENOSPC.)
 *
 * Errors: a function returning a grant ID returns GRANT_INVALID, the others
 * -1, with errno set to a positive E* (this file is built with _SYSTEM,
 * where E* are negative).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <minix/safecopies.h> /* cpf_*, sys_setgrant, sys_saferevmap_gid */
#include <minix/errno.h>      /* negative E* (_SYSTEM) */
#include <minix/const.h>      /* OK */

extern int errno; /* <errno.h> would only add this to <minix/errno.h> */

#define CPF_INITIAL  16                /* entries of the first table */
#define CPF_MAXSLOTS (GRANT_MAX_IDX + 1)
#define VMAX         ((vir_bytes)0xFFFFFFFFu)
#define NIL          (-1)              /* end of the free list */
#define USER_ACCESS  (CPF_READ | CPF_WRITE | CPF_MAP | CPF_TRY)

/* Keep the compiler from moving memory accesses across this point. */
#define barrier() __asm__ __volatile__("" ::: "memory")

static cp_grant_t *grants;  /* the table, NULL until the first grant */
static int ngrants;         /* its entries */
static int free_head = NIL; /* free slots: taken at the head ... */
static int free_tail = NIL; /* ... and given back at the tail */
static int nfree;           /* slots on the free list */

/* ---- the free list, linked through cp_moved (the kernel counts only
 * through valid entries) ---- */

static int get_link(const cp_grant_t *tab, int slot)
{
	return (int)tab[slot].cp_moved;
}

static void set_link(cp_grant_t *tab, int slot, int next)
{
	tab[slot].cp_moved = (vir_bytes)next;
}

/* A revoked slot goes to the tail of the free list, unless its sequence
 * number is used up: then it is retired (left unused for good), so no ID
 * it ever had can be valid again. */
static void free_append(int slot)
{
	if ((grants[slot].cp_seq & GRANT_MAX_SEQ) == GRANT_MAX_SEQ)
		return;
	set_link(grants, slot, NIL);
	if (free_tail == NIL)
		free_head = slot;
	else
		set_link(grants, free_tail, slot);
	free_tail = slot;
	nfree++;
}

/* Double the table (CPF_INITIAL entries the first time).  The new slots go
 * to the tail of the free list in index order.  0, or -1 and errno; on
 * failure nothing changed. */
static int grow(void)
{
	cp_grant_t *nt, *old;
	int size, i, r;

	if (ngrants >= CPF_MAXSLOTS) {
		errno = -ENOSPC;
		return -1;
	}
	size = ngrants ? 2 * ngrants : CPF_INITIAL;
	if (size > CPF_MAXSLOTS)
		size = CPF_MAXSLOTS;
	if ((nt = malloc((size_t)size * sizeof(*nt))) == NULL) {
		errno = -ENOMEM;
		return -1;
	}
	if (ngrants)
		memcpy(nt, grants, (size_t)ngrants * sizeof(*nt));
	memset(nt + ngrants, 0, (size_t)(size - ngrants) * sizeof(*nt));
	for (i = ngrants; i < size; i++)
		set_link(nt, i, i + 1 < size ? i + 1 : NIL);
	if (free_tail != NIL)
		set_link(nt, free_tail, ngrants);

	barrier(); /* the copy is complete before the kernel may read it */
	if ((r = sys_setgrant(nt, size)) != OK) {
		free(nt);
		errno = r < 0 ? -r : -EGENERIC;
		return -1;
	}

	old = grants;
	grants = nt;
	if (free_head == NIL)
		free_head = ngrants;
	free_tail = size - 1;
	nfree += size - ngrants;
	ngrants = size;
	free(old);
	return 0;
}

/* Take the slot at the head of the free list (growing the table if the
 * list is empty) and give it its next sequence number.  The slot's
 * cp_flags is still 0.  The slot, or -1 and errno. */
static int alloc_slot(void)
{
	int slot;

	if (nfree == 0 && grow() != 0)
		return -1;
	slot = free_head;
	free_head = get_link(grants, slot);
	if (free_head == NIL)
		free_tail = NIL;
	nfree--;
	grants[slot].cp_seq = (grants[slot].cp_seq + 1) & GRANT_MAX_SEQ;
	return slot;
}

static cp_grant_id_t slot_id(int slot)
{
	return GRANT_ID(slot, grants[slot].cp_seq & GRANT_MAX_SEQ);
}

/* The slot of a live (CPF_USED) grant gr of ours, or -1. */
static int lookup(cp_grant_id_t gr)
{
	int slot;

	if (gr < 0 || grants == NULL)
		return -1;
	slot = GRANT_SLOT(gr);
	if (slot >= ngrants || !(grants[slot].cp_flags & CPF_USED) ||
	    (grants[slot].cp_seq & GRANT_MAX_SEQ) != GRANT_SEQ(gr))
		return -1;
	return slot;
}

/* Make slot hold *e with flags: the union first, cp_flags last.  If the
 * slot is valid already, it is made invalid before it changes. */
static void publish(int slot, const cp_grant_t *e, int flags)
{
	volatile int *fp = &grants[slot].cp_flags;

	if (*fp & CPF_VALID) {
		*fp = CPF_USED;
		barrier();
	}
	grants[slot].cp_u = e->cp_u;
	grants[slot].cp_moved = 0;
	barrier();
	*fp = flags;
	barrier();
}

/* ---- argument checks, before the table is touched ---- */

static int bad_endpoint(endpoint_t e)
{
	return e == ANY || e == NONE || e == SELF;
}

/* Only user access bits, and at least one of read and write: a grant
 * without either could never be used. */
static int bad_access(int access)
{
	return (access & ~USER_ACCESS) != 0 ||
	    (access & (CPF_READ | CPF_WRITE)) == 0;
}

/* [start, start+bytes) must not reach past the last address, which is the
 * kernel's rule for direct and magic grants. */
static int bad_range(vir_bytes start, size_t bytes)
{
	return bytes > (size_t)(VMAX - start);
}

static cp_grant_id_t invalid(void)
{
	errno = -EINVAL;
	return GRANT_INVALID;
}

/* Fill *e; return the flags, or -1 for bad arguments. */
static int make_direct(cp_grant_t *e, endpoint_t who_to, vir_bytes addr,
	size_t bytes, int access)
{
	if (bad_endpoint(who_to) || bad_access(access) || bad_range(addr, bytes))
		return -1;
	memset(e, 0, sizeof(*e));
	e->cp_u.cp_direct.cp_who_to = who_to;
	e->cp_u.cp_direct.cp_start = addr;
	e->cp_u.cp_direct.cp_len = (vir_bytes)bytes;
	return CPF_USED | CPF_VALID | CPF_DIRECT | access;
}

static int make_indirect(cp_grant_t *e, endpoint_t who_to,
	endpoint_t who_from, cp_grant_id_t gr, vir_bytes offset, size_t bytes,
	int access, int whole)
{
	if (bad_endpoint(who_to) || bad_endpoint(who_from) || gr < 0 ||
	    bad_access(access) || bad_range(offset, bytes))
		return -1;
	memset(e, 0, sizeof(*e));
	e->cp_u.cp_indirect.cp_who_to = who_to;
	e->cp_u.cp_indirect.cp_who_from = who_from;
	e->cp_u.cp_indirect.cp_grant = gr;
	e->cp_u.cp_indirect.cp_offset = offset;
	e->cp_u.cp_indirect.cp_len = (vir_bytes)bytes;
	return CPF_USED | CPF_VALID | CPF_INDIRECT | access |
	    (whole ? CPF_WHOLE : 0);
}

static int make_magic(cp_grant_t *e, endpoint_t who_to, endpoint_t who_from,
	vir_bytes addr, size_t bytes, int access)
{
	if (bad_endpoint(who_to) || bad_endpoint(who_from) ||
	    bad_access(access) || bad_range(addr, bytes))
		return -1;
	memset(e, 0, sizeof(*e));
	e->cp_u.cp_magic.cp_who_to = who_to;
	e->cp_u.cp_magic.cp_who_from = who_from;
	e->cp_u.cp_magic.cp_start = addr;
	e->cp_u.cp_magic.cp_len = (vir_bytes)bytes;
	return CPF_USED | CPF_VALID | CPF_MAGIC | access;
}

/* A new grant holding *e with flags (or bad arguments if flags < 0). */
static cp_grant_id_t new_grant(const cp_grant_t *e, int flags)
{
	int slot;

	if (flags < 0)
		return invalid();
	if ((slot = alloc_slot()) < 0)
		return GRANT_INVALID;
	publish(slot, e, flags);
	return slot_id(slot);
}

/* ---- making grants ---- */

/* who_to may access [addr, addr+bytes) of our memory. */
cp_grant_id_t cpf_grant_direct(endpoint_t who_to, vir_bytes addr,
	size_t bytes, int access)
{
	cp_grant_t e;

	return new_grant(&e, make_direct(&e, who_to, addr, bytes, access));
}

/* who_to may use all of grant gr that who_from gave us, with the rights
 * it gives us (CPF_WHOLE: the kernel takes window and rights from it). */
cp_grant_id_t cpf_grant_indirect(endpoint_t who_to, endpoint_t who_from,
	cp_grant_id_t gr)
{
	cp_grant_t e;

	return new_grant(&e, make_indirect(&e, who_to, who_from, gr, 0,
	    (size_t)VMAX, CPF_READ | CPF_WRITE | CPF_MAP, 1));
}

/* who_to may use [offset, offset+bytes) of grant gr that who_from gave us,
 * with access bits that the kernel intersects with those of the chain. */
cp_grant_id_t cpf_grant_indirect_range(endpoint_t who_to,
	endpoint_t who_from, cp_grant_id_t gr, vir_bytes offset, size_t bytes,
	int access)
{
	cp_grant_t e;

	return new_grant(&e, make_indirect(&e, who_to, who_from, gr, offset,
	    bytes, access, 0));
}

/* who_to may access [addr, addr+bytes) of who_from's memory; honoured
 * only if we hold the magic-grant privilege. */
cp_grant_id_t cpf_grant_magic(endpoint_t who_to, endpoint_t who_from,
	vir_bytes addr, size_t bytes, int access)
{
	cp_grant_t e;

	return new_grant(&e, make_magic(&e, who_to, who_from, addr, bytes,
	    access));
}

/* Take back the mappings made from grant gr of ours (SYS_SAFEREVMAP). */
static void revmap(cp_grant_id_t gr, int report)
{
	int r = sys_saferevmap_gid(gr);

	if (r != OK && report)
		printf("cpf_revoke: unmapping grant %d failed: %d\n", gr, r);
}

/* End grant gr: it and every grant derived from it stop working at once.
 * 0, or -1 and errno EINVAL if gr is not a live grant of ours. */
int cpf_revoke(cp_grant_id_t gr)
{
	int slot, flags;

	if ((slot = lookup(gr)) < 0) {
		errno = -EINVAL;
		return -1;
	}
	flags = grants[slot].cp_flags;
	if (flags & CPF_MAP)
		revmap(gr, 1);
	*(volatile int *)&grants[slot].cp_flags = 0;
	barrier();
	/* A grantee may have mapped between the first call and the clearing
	 * of the flags; none can now. */
	if (flags & CPF_MAP)
		revmap(gr, 0);
	free_append(slot);
	return 0;
}

/* Grow the table until at least count slots are free, so that making that
 * many grants later needs no allocation.  Returns nothing, as MINIX's: when
 * the table cannot grow, errno is ENOMEM or ENOSPC and the caller finds
 * fewer free slots. */
void cpf_prealloc(unsigned int count)
{
	while ((unsigned int)nfree < count) {
		if (grow() != 0)
			return; /* errno says why; the table is as it was */
	}
}

/* Register the table again, e.g. in a child after fork or after a
 * restart. */
void cpf_reload(void)
{
	if (grants != NULL)
		sys_setgrant(grants, ngrants);
}

/* Reserve up to n grant IDs: used but not valid until cpf_setgrant_*().
 * Returns how many were reserved (fewer only if the table cannot grow). */
int cpf_getgrants(cp_grant_id_t *grant_ids, int n)
{
	int i, slot;

	for (i = 0; i < n; i++) {
		if ((slot = alloc_slot()) < 0)
			break;
		grants[slot].cp_moved = 0;
		*(volatile int *)&grants[slot].cp_flags = CPF_USED;
		grant_ids[i] = slot_id(slot);
	}
	return i;
}

/* Fill in a reserved (or existing) ID; flags < 0: bad arguments. */
static int set_grant(cp_grant_id_t gr, const cp_grant_t *e, int flags)
{
	int slot, old;

	if (flags < 0 || (slot = lookup(gr)) < 0) {
		errno = -EINVAL;
		return -1;
	}
	old = grants[slot].cp_flags;
	if ((old & (CPF_VALID | CPF_MAP)) == (CPF_VALID | CPF_MAP)) {
		*(volatile int *)&grants[slot].cp_flags = CPF_USED;
		barrier();
		revmap(gr, 1);
	}
	publish(slot, e, flags);
	return 0;
}

int cpf_setgrant_direct(cp_grant_id_t gr, endpoint_t who_to, vir_bytes addr,
	size_t bytes, int access)
{
	cp_grant_t e;

	return set_grant(gr, &e, make_direct(&e, who_to, addr, bytes, access));
}

int cpf_setgrant_indirect(cp_grant_id_t gr, endpoint_t who_to,
	endpoint_t who_from, cp_grant_id_t his_gr)
{
	cp_grant_t e;

	return set_grant(gr, &e, make_indirect(&e, who_to, who_from, his_gr, 0,
	    (size_t)VMAX, CPF_READ | CPF_WRITE | CPF_MAP, 1));
}

int cpf_setgrant_magic(cp_grant_id_t gr, endpoint_t who_to,
	endpoint_t who_from, vir_bytes addr, size_t bytes, int access)
{
	cp_grant_t e;

	return set_grant(gr, &e, make_magic(&e, who_to, who_from, addr, bytes,
	    access));
}

/* Make gr unusable but keep the ID reserved. */
int cpf_setgrant_disable(cp_grant_id_t gr)
{
	int slot, old;

	if ((slot = lookup(gr)) < 0) {
		errno = -EINVAL;
		return -1;
	}
	old = grants[slot].cp_flags;
	*(volatile int *)&grants[slot].cp_flags = CPF_USED;
	barrier();
	if ((old & (CPF_VALID | CPF_MAP)) == (CPF_VALID | CPF_MAP))
		revmap(gr, 1);
	return 0;
}

int cpf_moved(cp_grant_id_t gr, vir_bytes *moved)
{
	int slot;

	if ((slot = lookup(gr)) < 0) {
		errno = -EINVAL;
		return -1;
	}
	*moved = *(volatile vir_bytes *)&grants[slot].cp_moved;
	return 0;
}

/* ---- introspection, for tests ---- */

int cpf_count_free(void)
{
	return nfree;
}

cp_grant_t *cpf_table(int *size)
{
	if (size)
		*size = ngrants;
	return grants;
}
