/* pup.h - a puppet process for grant tests: it performs grant operations
 * on request, so one test can drive several grantees and granters.  Each
 * request is one message; the reply is m_type PUP_REPLY with the status in
 * data[0] and results after it.
 */
#ifndef PUP_H
#define PUP_H
#include "t.h"

#define PUP_REPLY     0x5ff
#define PUP_SETGRANT  0x501 /* d1 = size (0..PUP_NENT) of the raw table; d2 = address or 0 */
#define PUP_SET       0x502 /* d1 = slot, d2..d9 = a cp_grant_t */
#define PUP_COPYFROM  0x503 /* d1 granter, d2 gid, d3 offset, d4 bytes -> into pbuf+d5 */
#define PUP_COPYTO    0x504 /* same, from pbuf+d5 */
#define PUP_MEMSET    0x505 /* d1 granter, d2 gid, d3 offset, d4 bytes, d5 pattern */
#define PUP_MAP       0x506 /* d1 granter, d2 gid, d3 offset, d4 bytes, d5 addr, d6 writable */
#define PUP_PEEK      0x507 /* d1 addr -> d1 = the 32-bit word there */
#define PUP_POKE      0x508 /* d1 addr, d2 value */
#define PUP_UNMAP     0x509 /* d1 addr */
#define PUP_BUF       0x50a /* -> d1 = address of pbuf */
#define PUP_READBUF   0x50b /* d1 offset -> d1..d13 = 52 bytes of pbuf */
#define PUP_FILLBUF   0x50c /* d1 offset, d2 len, d3 byte */
#define PUP_VUMAP     0x50d /* d1 granter, d2 gid, d3 bytes -> d1 pcount, d2.. ranges */
#define PUP_CPF_DIRECT 0x50e   /* d1 who_to, d2 pbuf offset, d3 bytes, d4 access -> d1 gid */
#define PUP_CPF_INDIRECT 0x50f /* d1 who_to, d2 who_from, d3 gr, d4 off, d5 bytes, d6 access -> d1 gid */
#define PUP_CPF_REVOKE 0x510   /* d1 gid */
#define PUP_NENT 32
#define PUP_BUFSZ (4 * 4096)

endpoint_t pup_start(void);                 /* fork a puppet (runner privileges) */
endpoint_t pup_start_priv(uint32_t drop);   /* ...without these pd_flags */
endpoint_t pup_start_flags(uint32_t flags); /* ...with exactly these */
/* Send op with up to 13 words of arguments; return data[0] of the reply,
 * the whole reply in *reply if not NULL. */
int pup(endpoint_t p, int op, message *reply, int nargs, ...);
int pup_set(endpoint_t p, int slot, const cp_grant_t *g);

/* Grant entries for raw tables. */
void g_direct(cp_grant_t *g, endpoint_t to, vir_bytes start, vir_bytes len, int access, int seq);
void g_indirect(cp_grant_t *g, endpoint_t to, endpoint_t from, cp_grant_id_t gr,
	vir_bytes off, vir_bytes len, int access, int seq);
void g_magic(cp_grant_t *g, endpoint_t to, endpoint_t from, vir_bytes start,
	vir_bytes len, int access, int seq);
#endif
