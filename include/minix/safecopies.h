/* minix/safecopies.h - memory grants: the grant entry, grant IDs, flags and
 * the libsys cpf_* and sys_safe* API (MINIX-compatible names).
 *
 * A process keeps an array of cp_grant_t in its own memory and registers it
 * with sys_setgrant(); grantees name an entry by its cp_grant_id_t.
 */
#ifndef _MINIX_SAFECOPIES_H
#define _MINIX_SAFECOPIES_H

#include <minix/type.h>
#include <minix/endpoint.h>


typedef struct {
	int cp_flags; /* CPF_* */
	union {
		struct {
			endpoint_t cp_who_to; /* grantee */
			vir_bytes cp_start;   /* granter memory */
			vir_bytes cp_len;
			char cp_reserved[8];
		} cp_direct;
		struct {
			endpoint_t cp_who_to;   /* grantee of this hop */
			endpoint_t cp_who_from; /* who gave us cp_grant */
			cp_grant_id_t cp_grant; /* the parent grant */
			vir_bytes cp_offset;    /* narrowed window of the parent */
			vir_bytes cp_len;
		} cp_indirect;
		struct {
			endpoint_t cp_who_to;   /* grantee */
			endpoint_t cp_who_from; /* owner of the memory */
			vir_bytes cp_start;
			vir_bytes cp_len;
			char cp_reserved[4];
		} cp_magic;
	} cp_u;
	int cp_seq; /* sequence number of the slot's current grant */
	/* Bytes moved through this grant since it was made (ours; Xen keeps
	 * similar use bits in its grant entries): the kernel adds every copy,
	 * fill, mapping and DMA range (vumap) made through it or through a
	 * grant derived from it, saturating at 0xFFFFFFFF.  A granter compares
	 * it with the count a driver answers with (cpf_moved).  Not counted if
	 * the table is in memory the granter cannot write.  libsys sets it to
	 * 0 when it fills a slot; a free slot keeps its free-list link here. */
	vir_bytes cp_moved;
} cp_grant_t;
_Static_assert(sizeof(cp_grant_t) == 32, "cp_grant_t must be 32 bytes");

/* Access bits a grant gives. */
#define CPF_READ     0x000001 /* grantee may read */
#define CPF_WRITE    0x000002 /* grantee may write */
#define CPF_TRY      0x000010 /* fail with EFAULT rather than wait (MINIX's value) */
#define CPF_MAP      0x000020 /* grantee may map, not only copy (ours) */
/* Internal state bits, kept by libsys. */
#define CPF_USED     0x000100 /* slot in use */
#define CPF_DIRECT   0x000200
#define CPF_INDIRECT 0x000400
#define CPF_MAGIC    0x000800
#define CPF_VALID    0x001000 /* grant may be used */
#define CPF_WHOLE    0x002000 /* indirect: the whole parent window, inherited rights */
#define CPF_ACCESS   (CPF_READ | CPF_WRITE | CPF_MAP)
/* Every flag an entry may have; an entry with any other bit is invalid. */
#define CPF_ALL_FLAGS (CPF_ACCESS | CPF_TRY | CPF_USED | CPF_DIRECT | CPF_INDIRECT | \
	CPF_MAGIC | CPF_VALID | CPF_WHOLE)
#define CPF_TYPE     (CPF_DIRECT | CPF_INDIRECT | CPF_MAGIC)

/* Grant ID: slot in the low GRANT_SHIFT bits, a 15-bit sequence above. */
#define GRANT_INVALID  ((cp_grant_id_t)-1)
#define GRANT_SHIFT    16
#define GRANT_MAX_SEQ  0x7fff
#define GRANT_MAX_IDX  ((1 << GRANT_SHIFT) - 1)
#define GRANT_ID(slot, seq) \
	((cp_grant_id_t)(((unsigned)(seq) << GRANT_SHIFT) | (unsigned)(slot)))
#define GRANT_SLOT(id) ((int)((unsigned)(id) & GRANT_MAX_IDX))
#define GRANT_SEQ(id)  ((int)(((unsigned)(id) >> GRANT_SHIFT) & GRANT_MAX_SEQ))
#define GRANT_VALID(id) ((id) != GRANT_INVALID)

/* Indirect chains deeper than this fail with ELOOP. */
#define MAX_INDIRECT_DEPTH 5

/* sys_vsafecopy(): one element; v_from or v_to is SELF. */
struct vscp_vec {
	endpoint_t v_from;
	endpoint_t v_to;
	cp_grant_id_t v_gid;
	vir_bytes v_offset;
	vir_bytes v_addr;
	vir_bytes v_bytes;
};
#define SCPVEC_NR 64

/* sys_saferevmap_*: what the argument is. */
#define SAFEREVMAP_GID  0
#define SAFEREVMAP_ADDR 1

/* sys_vumap access. */
#define VUA_READ  0x01
#define VUA_WRITE 0x02

/* libsys: grant table management. */
cp_grant_id_t cpf_grant_direct(endpoint_t who_to, vir_bytes addr,
	size_t bytes, int access);
cp_grant_id_t cpf_grant_indirect(endpoint_t who_to, endpoint_t who_from,
	cp_grant_id_t gr);
cp_grant_id_t cpf_grant_indirect_range(endpoint_t who_to,
	endpoint_t who_from, cp_grant_id_t gr, vir_bytes offset, size_t bytes,
	int access);
cp_grant_id_t cpf_grant_magic(endpoint_t who_to, endpoint_t who_from,
	vir_bytes addr, size_t bytes, int access);
int cpf_revoke(cp_grant_id_t gr);
/* Grow the table until count slots are free (MINIX: void; if it cannot,
 * the table stays as it was and errno says why). */
void cpf_prealloc(unsigned int count);
void cpf_reload(void);
int cpf_getgrants(cp_grant_id_t *grant_ids, int n); /* n free IDs */
/* Fill in (or disable again) an ID reserved by cpf_getgrants(); 0, or -1
 * and errno (EINVAL) for a bad ID or argument. */
int cpf_setgrant_direct(cp_grant_id_t gr, endpoint_t who_to, vir_bytes addr,
	size_t bytes, int access);
int cpf_setgrant_indirect(cp_grant_id_t gr, endpoint_t who_to,
	endpoint_t who_from, cp_grant_id_t his_gr);
int cpf_setgrant_magic(cp_grant_id_t gr, endpoint_t who_to,
	endpoint_t who_from, vir_bytes addr, size_t bytes, int access);
int cpf_setgrant_disable(cp_grant_id_t gr);
/* *moved = the bytes moved through live grant gr of ours so far (its
 * cp_moved): 0, or -1 and errno EINVAL if gr is not one. */
int cpf_moved(cp_grant_id_t gr, vir_bytes *moved);

/* libsys introspection (tests): free slots, and the table and its size. */
int cpf_count_free(void);
cp_grant_t *cpf_table(int *size);

/* libsys: kernel calls. Return OK or a negative E*. */
int sys_setgrant(cp_grant_t *grants, int ngrants);
int sys_safecopyfrom(endpoint_t src_e, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes address, size_t bytes);
int sys_safecopyto(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes address, size_t bytes);
int sys_vsafecopy(struct vscp_vec *vec, int count);
/* As sys_vsafecopy(); *done = elements completed before a failure. */
int sys_vsafecopy_done(struct vscp_vec *vec, int count, int *done);
int sys_safememset(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes);
/* As sys_safememset(), but OK whatever the count the kernel set, and
 * *done = that count (its reply): what to answer a reader for. */
int sys_safememset_done(endpoint_t dst_e, cp_grant_id_t gr, vir_bytes offset,
	int pattern, size_t bytes, size_t *done);
int sys_safemap(endpoint_t grantor, cp_grant_id_t gr, vir_bytes offset,
	vir_bytes my_address, size_t bytes, int writable);
int sys_saferevmap_gid(cp_grant_id_t gr);
int sys_saferevmap_gid_count(cp_grant_id_t gr, int *count); /* mappings removed */
int sys_saferevmap_addr(vir_bytes addr);
int sys_safeunmap(vir_bytes my_address);
int sys_vumap(endpoint_t endpt, struct vumap_vir *vvec, int vcount,
	size_t offset, int access, struct vumap_phys *pvec, int *pcount);
int sys_vumap_release(struct vumap_phys *pvec, int pcount);
/* The holds of a dead SUPERVISED driver pass to its manager (RS), which
 * gives them back with this once the new instance has reset the device. */
#define VUMAP_RELEASE_FROM 0x1
int sys_vumap_release_from(endpoint_t dead);

#endif
