/* grant.c - memory grants in the kernel.
 *
 * Every use of a grant goes through grant_check(), which runs the one
 * checker, verify_grant(), against the live process table and the
 * granters' tables in their own memory (the kernel keeps only the
 * registered address and size).  On top of it: copies and fills, mappings
 * of granted pages (each recorded with the whole chain it came through, so
 * revoking any hop or the exit of any process in it removes the mapping),
 * and DMA holds (frames handed out by vumap keep a reference until the
 * driver releases them or exits).
 *
 * Every grant of a chain counts in its entry's cp_moved the bytes the
 * kernel moved through it (grant_count), so a granter can compare what a
 * driver claims it transferred with what it really did.
 *
 * Entry points: grant_check, grant_count, grant_copy, grant_memset, grant_map,
 * grant_revmap_gid, grant_revmap_addr, grant_unmap, grant_vumap,
 * grant_vumap_release, grant_proc_exit.
 */
#define VERIFY_GRANT_LINKAGE static inline __attribute__((always_inline))
#include "grant.h"
#include "kdiag.h"
#include "memory.h"
#include "clock.h"
#include "iommu.h"

/* ---- the environment verify_grant() runs in ---- */

static const cp_grant_t *env_read_entry(void *ctx, endpoint_t granter, int slot, int *err)
{
	static cp_grant_t scratch; /* an entry that straddles two pages */
	/* verify_grant asks only for endpoints env_alive() accepted during
	 * this check (grant_verify.h), and nothing changes meanwhile: the
	 * liveness look-up is not repeated (issue 11, the indirect hop). */
	struct proc *p = proc_addr(_ENDPOINT_P(granter));
	struct priv *pr;
	vir_bytes va;
	uint32_t pte;

	(void)ctx;
	*err = EPERM;
	pr = priv(p);
	if (!pr->s_grant_table || slot >= pr->s_grant_entries)
		return NULL;
	/* SYS_SETGRANT checked that the whole table is in user space. */
	va = pr->s_grant_table + (vir_bytes)slot * sizeof(cp_grant_t);
	*err = EFAULT;
	if ((va & ~PAGE_MASK) <= PAGE_SIZE - sizeof(cp_grant_t)) {
		/* The usual case: read it in place, through the physical map. */
		if (!(pte = pd_pte(p->p_cr3, va, 0)))
			return NULL;
		return (const cp_grant_t *)((pte & PAGE_MASK) | (va & ~PAGE_MASK));
	}
	if (copy_from_proc(p, va, &scratch, sizeof(scratch)) != OK)
		return NULL;
	return &scratch;
}

static int env_alive(void *ctx, endpoint_t e)
{
	struct proc *p = endpoint_lookup(e);

	(void)ctx;
	return p && !iskernelp(p);
}

static int env_may_magic(void *ctx, endpoint_t e)
{
	struct proc *p = endpoint_lookup(e);

	(void)ctx;
	return p && (priv(p)->s_desc.pd_flags & MAGIC_GRANT);
}

static const struct grant_env env = { NULL, env_read_entry, env_alive, env_may_magic };

/* The one checker, compiled here so that the look-ups above inline. */
#include "grant_verify.c"

/* Log a failed check (rate-limited, kdiag.c). */
static void grant_diag(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	int r, const char *why)
{
	kdiag(caller, "grant %d of %d refused: %s (%d)", gid, granter, why ? why : "?", r);
}

int grant_check(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes bytes, int access, struct grant_result *res)
{
	int r = verify_grant(&env, granter, caller->p_endpoint, gid, offset, bytes,
	    access, res);

	if (r != OK)
		grant_diag(caller, granter, gid, r, res->why);
	return r;
}

/* Add bytes to cp_moved of every grant of the chain in res (saturating).
 * The granter's page is unshared first if it is copy-on-write; a table in
 * memory the granter cannot write, or a counter across two pages, is not
 * counted. */
void grant_count(const struct grant_result *res, vir_bytes bytes)
{
	int i;

	for (i = 0; i < res->nhops; i++) {
		struct proc *p = proc_addr(_ENDPOINT_P(res->hop[i].granter));
		vir_bytes va = priv(p)->s_grant_table +
		    (vir_bytes)GRANT_SLOT(res->hop[i].gid) * sizeof(cp_grant_t) +
		    offsetof(cp_grant_t, cp_moved);
		phys_bytes pa;
		vir_bytes *c;

		if (((va ^ (va + sizeof(*c) - 1)) & PAGE_MASK) ||
		    as_translate(p, va, 1, &pa) != OK)
			continue;
		c = (vir_bytes *)pa;
		*c = *c > VMAX - bytes ? VMAX : *c + bytes;
	}
}

/* ---- copies and fills ---- */

int grant_copy(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, vir_bytes bytes, int to_granter)
{
	struct grant_result res;
	struct proc *owner;
	int r;

	r = grant_check(caller, granter, gid, offset, bytes,
	    to_granter ? CPF_WRITE : CPF_READ, &res);
	if (r != OK || bytes == 0)
		return r;
	owner = proc_addr(_ENDPOINT_P(res.owner)); /* alive: checked above */
	r = to_granter ? vir_copy(caller, addr, owner, res.addr, bytes)
	    : vir_copy(owner, res.addr, caller, addr, bytes);
	if (r == OK)
		grant_count(&res, bytes);
	return r;
}

int grant_memset(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, int pattern, vir_bytes bytes)
{
	struct grant_result res;
	int r;

	r = grant_check(caller, granter, gid, offset, bytes, CPF_WRITE, &res);
	if (r != OK || bytes == 0)
		return r;
	if ((r = vir_memset(endpoint_lookup(res.owner), res.addr, pattern, bytes)) == OK)
		grant_count(&res, bytes);
	return r;
}

/* ---- records of mappings and DMA holds ----
 * A static pool, then whole pages from the frame allocator when it runs
 * out: there is no fixed limit beyond memory. */

struct map_rec {
	endpoint_t grantee;        /* who has it mapped, at [vaddr, vaddr+len) */
	vir_bytes vaddr, len;
	endpoint_t owner;          /* whose memory, at owner_addr */
	vir_bytes owner_addr;
	int nhops;                 /* the chain it was mapped through */
	struct grant_hop hop[MAX_INDIRECT_DEPTH + 1];
};

/* A DMA hold sits in the list of the process that holds it (holds[] by
 * slot), so a driver's release or exit looks at its own holds only. */
struct hold_rec {
	endpoint_t from;           /* the dead driver it came from, or NONE */
	phys_bytes frame;
	int marked;                /* scratch for grant_vumap_release */
};

#define REC_MAP  1
#define REC_HOLD 2
struct rec {
	struct rec *next;
	int kind;                  /* 0 free, REC_MAP, REC_HOLD */
	union { struct map_rec m; struct hold_rec h; } u;
};

#define STATIC_RECS 256
static struct rec rec_pool[STATIC_RECS];
static struct rec *rec_free, *rec_used;   /* rec_used: the mappings */
static struct rec *holds[NR_SLOTS];        /* each process's DMA holds */
static int rec_ready;

/* A new record of kind, at the head of *list. */
static struct rec *rec_alloc(int kind, struct rec **list)
{
	struct rec *r;

	if (!rec_ready) {
		int i;
		for (i = 0; i < STATIC_RECS; i++) {
			rec_pool[i].next = rec_free;
			rec_free = &rec_pool[i];
		}
		rec_ready = 1;
	}
	if (!rec_free) {
		phys_bytes pg = frame_alloc();
		unsigned i;
		if (!pg)
			return NULL;
		for (i = 0; i < PAGE_SIZE / sizeof(struct rec); i++) {
			struct rec *x = (struct rec *)pg + i;
			x->next = rec_free;
			rec_free = x;
		}
	}
	r = rec_free;
	rec_free = r->next;
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->next = *list;
	*list = r;
	return r;
}

/* Unlink *rp from the used list and free it; *rp becomes its successor. */
static void rec_release(struct rec **rp)
{
	struct rec *r = *rp;

	*rp = r->next;
	r->kind = 0;
	r->next = rec_free;
	rec_free = r;
}

/* ---- mappings ---- */

/* Take the pages of mapping m out of its grantee (if it is still alive). */
static void unmap_pages(const struct map_rec *m)
{
	struct proc *g = endpoint_lookup(m->grantee);
	vir_bytes va;

	if (!g)
		return; /* exiting: as_free drops its pages */
	for (va = m->vaddr; va < m->vaddr + m->len; va += PAGE_SIZE) {
		uint32_t *pte = as_pte(g, va);
		if (!pte || (*pte & (PTE_P | PTE_MAPPED)) != (PTE_P | PTE_MAPPED))
			continue;
		frame_unref(*pte & PAGE_MASK);
		*pte = 0;
		if (g->p_cr3 == read_cr3())
			invlpg(va);
	}
}

static int chain_has(const struct map_rec *m, endpoint_t e, cp_grant_id_t gid, int any_gid)
{
	int i;

	for (i = 0; i < m->nhops; i++)
		if (m->hop[i].granter == e && (any_gid || m->hop[i].gid == gid))
			return 1;
	return 0;
}

/* Remove every mapping for which pred(m, a, b) holds; return how many. */
static int remove_maps(int (*pred)(const struct map_rec *, endpoint_t, vir_bytes),
	endpoint_t a, vir_bytes b)
{
	struct rec **rp = &rec_used;
	int n = 0;

	while (*rp) {
		if ((*rp)->kind == REC_MAP && pred(&(*rp)->u.m, a, b)) {
			unmap_pages(&(*rp)->u.m);
			rec_release(rp);
			n++;
		} else {
			rp = &(*rp)->next;
		}
	}
	return n;
}

static int by_gid(const struct map_rec *m, endpoint_t granter, vir_bytes gid)
{
	return chain_has(m, granter, (cp_grant_id_t)gid, 0);
}

static int by_owner_addr(const struct map_rec *m, endpoint_t owner, vir_bytes addr)
{
	return m->owner == owner && addr >= m->owner_addr && addr - m->owner_addr < m->len;
}

static int by_grantee_addr(const struct map_rec *m, endpoint_t grantee, vir_bytes addr)
{
	return m->grantee == grantee && m->vaddr == addr;
}

static int involves(const struct map_rec *m, endpoint_t e, vir_bytes unused)
{
	(void)unused;
	return m->grantee == e || m->owner == e || chain_has(m, e, 0, 1);
}

int grant_map(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, vir_bytes bytes, int writable)
{
	struct grant_result res;
	struct proc *owner;
	struct rec *rec;
	vir_bytes i;
	int r;

	if (((offset | addr | bytes) & ~PAGE_MASK) || bytes == 0 ||
	    !user_range_ok(addr, bytes) || (writable != 0 && writable != 1))
		return EINVAL;
	r = grant_check(caller, granter, gid, offset, bytes,
	    CPF_READ | CPF_MAP | (writable ? CPF_WRITE : 0), &res);
	if (r != OK)
		return r;
	if (res.addr & ~PAGE_MASK)
		return EINVAL; /* the granted memory itself is not page-aligned */
	if (!user_range_ok(res.addr, bytes))
		return EFAULT; /* a grant of kernel addresses maps nothing */
	owner = endpoint_lookup(res.owner);
	for (i = 0; i < bytes; i += PAGE_SIZE) {
		uint32_t *pte = as_pte(caller, addr + i);
		uint32_t opte = pte_of(owner, res.addr + i, writable);
		if (!opte)
			return EFAULT;
		/* A page the owner has mapped from someone else: its record
		 * would not name that grant, so revoking it would not reach
		 * this mapping.  Map the original grant instead. */
		if (opte & PTE_MAPPED)
			return EPERM;
		if (pte && (*pte & PTE_P))
			return EEXIST;
	}
	if (!(rec = rec_alloc(REC_MAP, &rec_used)))
		return ENOMEM;
	rec->u.m = (struct map_rec){ caller->p_endpoint, addr, 0, res.owner,
		res.addr, res.nhops, { { 0, 0 } } };
	memcpy(rec->u.m.hop, res.hop, sizeof(res.hop));
	for (i = 0; i < bytes; i += PAGE_SIZE) {
		/* A page shared copy-on-write since a fork gets a frame of
		 * its own first: a write by the owner never moves it away
		 * from under the mapping. */
		uint32_t opte = pte_of(owner, res.addr + i, writable);
		phys_bytes pa;
		if (opte & PTE_COW)
			opte = as_unshare(owner, res.addr + i);
		pa = opte & PAGE_MASK;
		if (!opte) {
			remove_maps(by_grantee_addr, caller->p_endpoint, addr);
			return ENOMEM;
		}
		frame_ref(pa);
		if ((r = as_map_page(caller, addr + i, pa,
		    PTE_MAPPED | (writable ? PTE_W : 0))) != OK) {
			frame_unref(pa);
			/* Undo: unmaps what is mapped so far, frees the record. */
			remove_maps(by_grantee_addr, caller->p_endpoint, addr);
			return r;
		}
		rec->u.m.len = i + PAGE_SIZE;
	}
	grant_count(&res, bytes);
	return OK;
}

int grant_revmap_gid(struct proc *caller, cp_grant_id_t gid)
{
	if (gid < 0)
		return EINVAL;
	return remove_maps(by_gid, caller->p_endpoint, (vir_bytes)gid);
}

int grant_revmap_addr(struct proc *caller, vir_bytes addr)
{
	return remove_maps(by_owner_addr, caller->p_endpoint, addr);
}

int grant_unmap(struct proc *caller, vir_bytes addr)
{
	if (addr & ~PAGE_MASK)
		return EINVAL;
	return remove_maps(by_grantee_addr, caller->p_endpoint, addr) ? OK : EINVAL;
}

int grant_mappings_of(endpoint_t granter)
{
	struct rec *r;
	int n = 0;

	for (r = rec_used; r; r = r->next)
		n += r->kind == REC_MAP && chain_has(&r->u.m, granter, 0, 1);
	return n;
}

/* ---- DMA: vumap ---- */

int grant_vumap(struct proc *caller, endpoint_t granter, const struct vumap_vir *v,
	int vcount, vir_bytes offset, int access, struct vumap_phys *pv, int pmax,
	int *pcount)
{
	int cpf = ((access & VUA_READ) ? CPF_READ : 0) | ((access & VUA_WRITE) ? CPF_WRITE : 0);
	int pass, i, n = 0, r, need_hold;

	/* Pass 0 checks everything and counts; pass 1 fills and holds. */
	for (pass = 0; pass < 2; pass++) {
		phys_bytes last_end = 0;

		n = 0;
		for (i = 0; i < vcount; i++) {
			struct grant_result res;
			vir_bytes off = i == 0 ? offset : 0, size = v[i].vv_size, done;
			struct proc *owner;

			/* MINIX's rule: the offset is into the first element,
			 * whose vv_size counts from the grant's start. */
			if (size <= off)
				return EINVAL;
			size -= off;
			r = grant_check(caller, granter, v[i].vv_grant, off, size, cpf, &res);
			if (r != OK)
				return r;
			owner = endpoint_lookup(res.owner);
			for (done = 0; done < size; ) {
				vir_bytes va = res.addr + done;
				vir_bytes chunk = PAGE_SIZE - (va & ~PAGE_MASK);
				uint32_t pte;
				phys_bytes pa;

				if (chunk > size - done)
					chunk = size - done;
				if (!user_range_ok(va, chunk) ||
				    !(pte = pte_of(owner, va, access & VUA_WRITE)))
					return EFAULT;
				/* Held frames are never shared copy-on-write
				 * (the owner's next write would leave the
				 * device with the other copy). */
				if ((pte & PTE_COW) && !(pte = as_unshare(owner, va)))
					return ENOMEM;
				pa = (pte & PAGE_MASK) | (va & ~PAGE_MASK);
				/* One hold per page of each range handed out,
				 * as grant_vumap_release counts them. */
				if (n > 0 && last_end == pa) {
					need_hold = ((last_end - 1) & PAGE_MASK) != (pa & PAGE_MASK);
					if (pass)
						pv[n - 1].vp_size += chunk;
				} else if (n == pmax) {
					if (pass)
						grant_count(&res, done);
					goto full; /* the rest does not fit: a prefix */
				} else {
					need_hold = 1;
					if (pass)
						pv[n] = (struct vumap_phys){ pa, chunk };
					n++;
				}
				last_end = pa + chunk;
				if (pass && need_hold) {
					/* The driver's devices may reach the frame
					 * from now on (iommu.c). */
					int ir = iommu_hold(caller, pa & PAGE_MASK, access & VUA_WRITE);
					struct rec *h = ir == OK ?
					    rec_alloc(REC_HOLD, &holds[proc_index(caller)]) : NULL;
					if (!h) {
						if (ir == OK) {
							iommu_unhold(caller, pa & PAGE_MASK);
							iommu_flush(caller);
						}
						if (!(pv[n - 1].vp_size -= chunk))
							n--; /* this page is not held */
						grant_vumap_release(caller, pv, n);
						return ENOMEM;
					}
					h->u.h.from = NONE;
					h->u.h.frame = pa & PAGE_MASK;
					frame_ref(pa & PAGE_MASK);
				}
				done += chunk;
			}
			if (pass)
				grant_count(&res, size);
		}
full:
		;
	}
	*pcount = n;
	return OK;
}

/* Drop one hold of the caller for every page of pv; all or nothing. */
int grant_vumap_release(struct proc *caller, const struct vumap_phys *pv, int pcount)
{
	struct rec **list = &holds[proc_index(caller)], **rp, *r;
	int i, ok = 1;

	for (i = 0; i < pcount && ok; i++) {
		phys_bytes pg = pv[i].vp_addr & PAGE_MASK;
		phys_bytes end = pv[i].vp_addr + pv[i].vp_size;
		if (pv[i].vp_size == 0 || end < pv[i].vp_addr)
			ok = 0;
		for (; ok && pg < end; pg += PAGE_SIZE) {
			for (r = *list; r; r = r->next)
				if (!r->u.h.marked && r->u.h.from == NONE && r->u.h.frame == pg)
					break;
			if (r)
				r->u.h.marked = 1;
			else
				ok = 0;
		}
	}
	/* The device loses the frames (and its IOTLB forgets them) before
	 * any of them can go back to the allocator. */
	if (ok) {
		for (r = *list; r; r = r->next)
			if (r->u.h.marked)
				iommu_unhold(caller, r->u.h.frame);
		iommu_flush(caller);
	}
	for (rp = list; *rp;) {
		if ((*rp)->u.h.marked) {
			(*rp)->u.h.marked = 0;
			if (ok) {
				frame_unref((*rp)->u.h.frame);
				rec_release(rp);
				continue;
			}
		}
		rp = &(*rp)->next;
	}
	return ok ? OK : EINVAL;
}

/* A supervised driver p died: its DMA holds pass to its manager mgr, so
 * that no frame its device may still write goes back to the allocator
 * before the new instance has reset the device (docs/services.md). */
void grant_pass_holds(struct proc *p, struct proc *mgr)
{
	struct rec **from = &holds[proc_index(p)], **to = &holds[proc_index(mgr)], *r;

	if (!*from || p == mgr)
		return;
	for (r = *from; ; r = r->next) {
		r->u.h.from = p->p_endpoint;
		if (!r->next)
			break;
	}
	r->next = *to;
	*to = *from;
	*from = NULL;
}

/* Free the holds of owner's list for which from matches (any, if all);
 * their count.  Its own holds (from NONE) leave its devices' reach, and
 * their IOTLB, before any frame goes back. */
static int drop_holds(struct proc *owner, endpoint_t from, int all)
{
	struct rec **list = &holds[proc_index(owner)], *r;
	int n = 0;

	for (r = *list; r; r = r->next)
		if ((all || r->u.h.from == from) && r->u.h.from == NONE)
			iommu_unhold(owner, r->u.h.frame);
	iommu_flush(owner);
	while (*list) {
		if (all || (*list)->u.h.from == from) {
			frame_unref((*list)->u.h.frame);
			rec_release(list);
			n++;
		} else {
			list = &(*list)->next;
		}
	}
	return n;
}

/* The manager gives back every hold passed on to it from dead; EINVAL if
 * there is none. */
int grant_release_from(struct proc *caller, endpoint_t dead)
{
	if (dead == NONE)
		return EINVAL;
	return drop_holds(caller, dead, 0) ? OK : EINVAL;
}

/* p is exiting: its mappings (as grantee, owner or any hop) go, and so do
 * the DMA holds it took. */
void grant_proc_exit(struct proc *p)
{
	kdiag_flush(p);

	remove_maps(involves, p->p_endpoint, 0);
	drop_holds(p, NONE, 1);
	priv(p)->s_grant_table = 0;
	priv(p)->s_grant_entries = 0;
}
