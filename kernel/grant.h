/* grant.h - memory grants in the kernel: checks (through verify_grant),
 * copies, fills, mappings and DMA holds.  See grant.c.
 */
#ifndef GRANT_H
#define GRANT_H
#include "proc.h"
#include "grant_verify.h"


int grant_check(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes bytes, int access, struct grant_result *res);
void grant_count(const struct grant_result *res, vir_bytes bytes);
int grant_copy(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, vir_bytes bytes, int to_granter);
int grant_memset(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, int pattern, vir_bytes bytes);
int grant_map(struct proc *caller, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, vir_bytes bytes, int writable);
int grant_revmap_gid(struct proc *caller, cp_grant_id_t gid);
int grant_revmap_addr(struct proc *caller, vir_bytes addr);
int grant_unmap(struct proc *caller, vir_bytes addr);
int grant_mappings_of(endpoint_t granter);
int grant_vumap(struct proc *caller, endpoint_t granter, const struct vumap_vir *v,
	int vcount, vir_bytes offset, int access, struct vumap_phys *pv, int pmax,
	int *pcount);
int grant_vumap_release(struct proc *caller, const struct vumap_phys *pv, int pcount);
void grant_proc_exit(struct proc *p);
void grant_pass_holds(struct proc *p, struct proc *mgr);
int grant_release_from(struct proc *caller, endpoint_t dead);
#endif
