/* grant_verify.h - the kernel's one memory grant check (DESIGN.md section 5).
 *
 * verify_grant() walks a grant chain (leaf to root) and decides whether a
 * grantee may touch a byte range of it.  It is pure: the kernel supplies the
 * process and grant-table look-ups through struct grant_env, so the same code
 * runs in the host unit tests.
 */
#ifndef _KERNEL_GRANT_VERIFY_H
#define _KERNEL_GRANT_VERIFY_H

#include <minix/safecopies.h>
#include <minix/errno.h>

struct grant_env {
	void *ctx;
	/* Entry `slot` of the grant table registered by live process
	 * `granter`: a pointer valid until the next call, or NULL with *err
	 * EPERM if granter registered no table or slot >= its entry count,
	 * EFAULT if the table memory cannot be read.  Called only for
	 * endpoints that alive() accepted. */
	const cp_grant_t *(*read_entry)(void *ctx, endpoint_t granter, int slot,
		int *err);
	/* Non-zero if endpoint e names a live process (current generation). */
	int (*alive)(void *ctx, endpoint_t e);
	/* Non-zero if live process e holds the magic-grant privilege. */
	int (*may_magic)(void *ctx, endpoint_t e);
};

struct grant_hop {
	endpoint_t granter;
	cp_grant_id_t gid;
};

struct grant_result {
	endpoint_t owner;   /* process whose memory is accessed */
	vir_bytes addr;     /* address in owner's memory of byte `offset` */
	int access;         /* effective CPF_READ|CPF_WRITE|CPF_MAP of the chain */
	int try;            /* CPF_TRY was set on the leaf grant */
	int nhops;          /* number of grants in the chain, leaf first */
	struct grant_hop hop[MAX_INDIRECT_DEPTH + 1];
	const char *why;    /* on error: short static reason for the log */
};

/* Check that `grantee` may access [offset, offset+bytes) of grant `gid` made
 * by `granter` with the access bits in `access` (CPF_READ and/or CPF_WRITE,
 * optionally CPF_MAP).  Return OK and fill *res, or EINVAL, EPERM, ELOOP or
 * EFAULT.  On success [addr, addr+bytes) never wraps past 0xFFFFFFFF.
 * On error res->why says why and res->nhops/hop[] list the hops read so far.
 * res must not be NULL.  Changes nothing else. */
#ifndef VERIFY_GRANT_LINKAGE
int verify_grant(const struct grant_env *env, endpoint_t granter,
	endpoint_t grantee, cp_grant_id_t gid, vir_bytes offset, vir_bytes bytes,
	int access, struct grant_result *res);
#endif

#endif /* _KERNEL_GRANT_VERIFY_H */
