/* minix/ds.h - the data store API (libsys), MINIX's names, flags and
 * signatures.  Keys are strings of up to DS_MAX_KEYLEN bytes counting the
 * NUL; values are labels (an endpoint), 32-bit numbers, strings or memory
 * ranges.  Subscriptions are POSIX extended regular expressions.
 */
#ifndef _MINIX_DS_H
#define _MINIX_DS_H
#include <stddef.h>
#include <minix/ipc.h>
#include <minix/com.h>

#define DSF_IN_USE         0x001  /* (DS's own) */
#define DSF_PRIV_RETRIEVE  0x002  /* only the owner may retrieve */
#define DSF_PRIV_OVERWRITE 0x004  /* (accepted; only the owner overwrites anyway) */
#define DSF_PRIV_SUBSCRIBE 0x008  /* only the owner sees it in DS_CHECK */
#define DSF_TYPE_U32       0x010
#define DSF_TYPE_STR       0x020
#define DSF_TYPE_MEM       0x040
#define DSF_TYPE_LABEL     0x100
#define DSF_MASK_TYPE      0xff0
#define DSF_MASK_INTERNAL  0xfff
#define DSF_OVERWRITE      0x01000 /* replace the key if it exists */
#define DSF_INITIAL        0x02000 /* subscribe: report existing keys too */

#define DS_MAX_KEYLEN 80    /* a key's length, counting its NUL */
#define DS_MAX_STRLEN 1024  /* ours: a string value, counting its NUL */
#define DS_MAX_MEMLEN 4096  /* ours: a memory value */

int ds_publish_label(const char *ds_name, endpoint_t endpoint, int flags);
int ds_publish_u32(const char *ds_name, uint32_t value, int flags);
int ds_publish_str(const char *ds_name, char *value, int flags);
int ds_publish_mem(const char *ds_name, void *vaddr, size_t length, int flags);
int ds_retrieve_label_endpt(const char *ds_name, endpoint_t *endpoint);
int ds_retrieve_label_name(char *ds_name, endpoint_t endpoint);
int ds_retrieve_u32(const char *ds_name, uint32_t *value);
int ds_retrieve_str(const char *ds_name, char *value, size_t len_str);
int ds_retrieve_mem(const char *ds_name, char *vaddr, size_t *length);
int ds_delete_label(const char *ds_name);
int ds_delete_u32(const char *ds_name);
int ds_delete_str(const char *ds_name);
int ds_delete_mem(const char *ds_name);
/* Be notified (NOTIFY from DS) when a key matching regexp changes. */
int ds_subscribe(const char *regexp, int flags);
/* One changed key of this process's subscriptions: OK with its name (a
 * buffer of DS_MAX_KEYLEN), type (DSF_TYPE_*; 0 if it was deleted) and
 * owner; ENOENT when none is left. */
int ds_check(char *ds_key, int *type, endpoint_t *owner_e);
#endif
