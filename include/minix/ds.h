/* minix/ds.h - the data store API (libsys), MINIX names. */
#ifndef _MINIX_DS_H
#define _MINIX_DS_H
#include <minix/ipc.h>
#include <minix/com.h>

int ds_publish_label(const char *ds_name, endpoint_t endpoint, int flags);
int ds_publish_u32(const char *ds_name, uint32_t value, int flags);
int ds_retrieve_label_endpt(const char *ds_name, endpoint_t *endpoint);
int ds_retrieve_u32(const char *ds_name, uint32_t *value);
int ds_delete_label(const char *ds_name);
int ds_delete_u32(const char *ds_name);
int ds_subscribe(const char *pattern, int flags);
/* A changed key of a subscription: OK with its name, type (DSF_TYPE_*, 0
 * if deleted) and value; ENOENT when there is none. */
int ds_check(char *ds_name, int *type, uint32_t *value);
#endif
