/* grant_verify.c - verify_grant(): every grant check of the kernel.
 *
 * The chain is walked from the leaf grant (the one the grantee names) up to
 * its root, a direct or magic grant.  At each hop we know the process that
 * uses the grant (`user`), the process whose table holds it (`owner`) and
 * the window of the grant that the hop below needs (`w_off`, `w_len`; for
 * the leaf that is the requested range).  `acc` is the offset of the
 * requested byte within the current hop; it never exceeds the hop's length,
 * so nothing overflows and the root's start + acc is the final address.
 * Pure C: no libc, no kernel state; the caller passes look-ups in *env.
 */
#include <stddef.h>
#include <stdint.h>
#include "grant_verify.h"

#define VMAX ((vir_bytes)0xFFFFFFFFu)

static int is_special(endpoint_t e)
{
	return e == ANY || e == NONE || e == SELF;
}

/* Fail with code `err` and reason `reason`. */
#define FAIL(err, reason) do { res->why = (reason); return (err); } while (0)

/* The kernel includes this file into grant.c with VERIFY_GRANT_LINKAGE
 * "static inline", so that its constant env's look-ups inline. */
#ifndef VERIFY_GRANT_LINKAGE
#define VERIFY_GRANT_LINKAGE
#endif

VERIFY_GRANT_LINKAGE int verify_grant(const struct grant_env *env, endpoint_t granter,
	endpoint_t grantee, cp_grant_id_t gid, vir_bytes offset, vir_bytes bytes,
	int access, struct grant_result *res)
{
	endpoint_t user, owner, who;
	cp_grant_id_t id;
	const cp_grant_t *gp;
	vir_bytes w_off, w_len, len, acc;
	int eff, type, whole, r, i;

	res->owner = NONE;
	res->addr = 0;
	res->access = 0;
	res->try = 0;
	res->nhops = 0;
	res->why = NULL;

	/* The request itself. */
	if (is_special(granter) || !env->alive(env->ctx, granter))
		FAIL(EINVAL, "bad granter endpoint");
	if (is_special(grantee) || !env->alive(env->ctx, grantee))
		FAIL(EINVAL, "bad grantee endpoint");
	if (gid < 0)
		FAIL(EINVAL, "invalid grant id");
	if ((access & ~CPF_ACCESS) != 0 ||
	    (access & (CPF_READ | CPF_WRITE)) == 0)
		FAIL(EINVAL, "bad access mode");

	user = grantee;
	owner = granter;
	id = gid;
	w_off = offset;
	w_len = bytes;
	acc = 0;
	eff = CPF_ACCESS;

	for (i = 0; i <= MAX_INDIRECT_DEPTH; i++) {
		res->hop[i].granter = owner;
		res->hop[i].gid = id;
		res->nhops = i + 1;

		gp = env->read_entry(env->ctx, owner, GRANT_SLOT(id), &r);
		if (!gp && r == EFAULT)
			FAIL(EFAULT, "grant table unreadable");
		if (!gp)
			FAIL(EPERM, "no such grant slot");

		if ((gp->cp_flags & CPF_USED) == 0)
			FAIL(EPERM, "grant slot unused");
		if ((gp->cp_flags & CPF_VALID) == 0)
			FAIL(EPERM, "grant not valid");
		if (gp->cp_flags & ~CPF_ALL_FLAGS)
			FAIL(EPERM, "unknown flag bits");
		type = gp->cp_flags & CPF_TYPE;
		if (type != CPF_DIRECT && type != CPF_INDIRECT &&
		    type != CPF_MAGIC)
			FAIL(EPERM, "bad grant type");
		if (GRANT_SEQ(id) != (gp->cp_seq & GRANT_MAX_SEQ))
			FAIL(EPERM, "sequence mismatch");
		if (i == 0 && (gp->cp_flags & CPF_TRY))
			res->try = 1;

		/* who_to sits at the same place in all three union members,
		 * but name each one rather than rely on that. */
		switch (type) {
		case CPF_DIRECT:
			who = gp->cp_u.cp_direct.cp_who_to;
			len = gp->cp_u.cp_direct.cp_len;
			break;
		case CPF_INDIRECT:
			who = gp->cp_u.cp_indirect.cp_who_to;
			len = gp->cp_u.cp_indirect.cp_len;
			break;
		default:
			who = gp->cp_u.cp_magic.cp_who_to;
			len = gp->cp_u.cp_magic.cp_len;
			break;
		}
		if (who == ANY)
			FAIL(EPERM, "grant names no grantee");
		if (who != user)
			FAIL(EPERM, "wrong grantee");

		/* CPF_WHOLE (cpf_grant_indirect): this hop passes on the
		 * parent's whole window with the parent's rights, so the
		 * window asked of it is asked of the parent unchanged. */
		whole = type == CPF_INDIRECT && (gp->cp_flags & CPF_WHOLE);
		if (!whole)
			eff &= gp->cp_flags & CPF_ACCESS;
		if ((access & ~eff) != 0)
			FAIL(EPERM, "access not granted");

		if (!whole) {
			if (w_off > len || w_len > len - w_off)
				FAIL(EPERM, i == 0 ? "range outside grant" :
				    "indirect window outside parent");
			acc += w_off;	/* acc <= len: cannot overflow */
		}

		if (type == CPF_DIRECT) {
			if (len > VMAX - gp->cp_u.cp_direct.cp_start)
				FAIL(EPERM, "grant wraps address space");
			res->owner = owner;
			res->addr = gp->cp_u.cp_direct.cp_start + acc;
			res->access = eff;
			return OK;
		}
		if (type == CPF_MAGIC) {
			if (!env->may_magic(env->ctx, owner))
				FAIL(EPERM, "magic grant without privilege");
			who = gp->cp_u.cp_magic.cp_who_from;
			if (is_special(who) || !env->alive(env->ctx, who))
				FAIL(EPERM, "magic grant of dead process");
			if (len > VMAX - gp->cp_u.cp_magic.cp_start)
				FAIL(EPERM, "grant wraps address space");
			res->owner = who;
			res->addr = gp->cp_u.cp_magic.cp_start + acc;
			res->access = eff;
			return OK;
		}

		/* Indirect: go up to the parent grant. */
		if (i == MAX_INDIRECT_DEPTH)
			FAIL(ELOOP, "indirect chain too deep");
		who = gp->cp_u.cp_indirect.cp_who_from;
		if (is_special(who) || !env->alive(env->ctx, who))
			FAIL(EPERM, "indirect grant from dead process");
		if (gp->cp_u.cp_indirect.cp_grant < 0)
			FAIL(EPERM, "indirect grant names invalid id");
		user = owner;
		owner = who;
		id = gp->cp_u.cp_indirect.cp_grant;
		if (!whole) {
			w_off = gp->cp_u.cp_indirect.cp_offset;
			w_len = gp->cp_u.cp_indirect.cp_len;
		}
	}
	/* Not reached: the last pass either returns or fails with ELOOP. */
	FAIL(ELOOP, "indirect chain too deep");
}
