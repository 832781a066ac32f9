/* ds.c - libsys: requests to the data store.  The key goes by a direct
 * grant to DS (written by DS for DS_CHECK and DS_RETRIEVE_LABEL); string
 * and memory values go by a second grant.  Every call returns OK or the
 * error DS answered with.
 */
#include <string.h>
#include <minix/syslib.h>
#include <minix/safecopies.h>
#include <minix/ds.h>

/* Send m (its value fields already set) as request `type` about key. */
static int ds_request(int type, const char *key, int writable, message *m)
{
	size_t len = writable ? DS_MAX_KEYLEN : strlen(key) + 1;
	cp_grant_id_t g;
	int r;

	if (!writable && len > DS_MAX_KEYLEN)
		return EINVAL;
	g = cpf_grant_direct(DS_PROC_NR, (vir_bytes)key, len,
		writable ? CPF_WRITE : CPF_READ);
	if (!GRANT_VALID(g))
		return ENOMEM;
	m->m_type = type;
	m->m_ds_req.key_grant = g;
	m->m_ds_req.key_len = (int)len;
	r = ipc_sendrec(DS_PROC_NR, m);
	cpf_revoke(g);
	return r != OK ? r : m->m_type;
}

static int ds_simple(int type, const char *key, int flags, uint32_t value, message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_ds_req.flags = flags;
	m->m_ds_req.val_in.u32 = value;
	return ds_request(type, key, 0, m);
}

/* A request whose value is the buffer [buf, buf+len). */
static int ds_buffer(int type, const char *key, int flags, void *buf,
	size_t *len, int access)
{
	cp_grant_id_t g;
	message m;
	int r;

	if ((g = cpf_grant_direct(DS_PROC_NR, (vir_bytes)buf, *len, access)) == GRANT_INVALID)
		return ENOMEM;
	memset(&m, 0, sizeof(m));
	m.m_ds_req.flags = flags;
	m.m_ds_req.val_in.grant = g;
	m.m_ds_req.val_len = (int)*len;
	r = ds_request(type, key, 0, &m);
	cpf_revoke(g);
	if (r == OK && type == DS_RETRIEVE)
		*len = (size_t)m.m_ds_reply.val_len;
	return r;
}

int ds_publish_label(const char *ds_name, endpoint_t endpoint, int flags)
{
	message m;
	return ds_simple(DS_PUBLISH, ds_name, DSF_TYPE_LABEL | flags, (uint32_t)endpoint, &m);
}

int ds_publish_u32(const char *ds_name, uint32_t value, int flags)
{
	message m;
	return ds_simple(DS_PUBLISH, ds_name, DSF_TYPE_U32 | flags, value, &m);
}

int ds_publish_str(const char *ds_name, char *value, int flags)
{
	size_t len = strlen(value) + 1;
	return ds_buffer(DS_PUBLISH, ds_name, DSF_TYPE_STR | flags, value, &len, CPF_READ);
}

int ds_publish_mem(const char *ds_name, void *vaddr, size_t length, int flags)
{
	return ds_buffer(DS_PUBLISH, ds_name, DSF_TYPE_MEM | flags, vaddr, &length, CPF_READ);
}

static int ds_get(const char *ds_name, int type, uint32_t *value)
{
	message m;
	int r = ds_simple(DS_RETRIEVE, ds_name, type, 0, &m);

	if (r == OK)
		*value = m.m_ds_reply.val_out.u32;
	return r;
}

int ds_retrieve_label_endpt(const char *ds_name, endpoint_t *endpoint)
{
	return ds_get(ds_name, DSF_TYPE_LABEL, (uint32_t *)endpoint);
}

int ds_retrieve_u32(const char *ds_name, uint32_t *value)
{
	return ds_get(ds_name, DSF_TYPE_U32, value);
}

int ds_retrieve_str(const char *ds_name, char *value, size_t len_str)
{
	size_t len = len_str + 1;
	int r = ds_buffer(DS_RETRIEVE, ds_name, DSF_TYPE_STR, value, &len, CPF_WRITE);

	value[r == OK ? len - 1 : 0] = '\0';
	return r;
}

int ds_retrieve_mem(const char *ds_name, char *vaddr, size_t *length)
{
	return ds_buffer(DS_RETRIEVE, ds_name, DSF_TYPE_MEM, vaddr, length, CPF_WRITE);
}

int ds_retrieve_label_name(char *ds_name, endpoint_t endpoint)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_ds_req.val_in.ep = endpoint;
	return ds_request(DS_RETRIEVE_LABEL, ds_name, 1, &m);
}

static int ds_delete(const char *ds_name, int type)
{
	message m;
	return ds_simple(DS_DELETE, ds_name, type, 0, &m);
}

int ds_delete_label(const char *ds_name) { return ds_delete(ds_name, DSF_TYPE_LABEL); }
int ds_delete_u32(const char *ds_name) { return ds_delete(ds_name, DSF_TYPE_U32); }
int ds_delete_str(const char *ds_name) { return ds_delete(ds_name, DSF_TYPE_STR); }
int ds_delete_mem(const char *ds_name) { return ds_delete(ds_name, DSF_TYPE_MEM); }

int ds_subscribe(const char *regexp, int flags)
{
	message m;
	return ds_simple(DS_SUBSCRIBE, regexp, flags, 0, &m);
}

int ds_check(char *ds_key, int *type, endpoint_t *owner_e)
{
	message m;
	int r;

	memset(&m, 0, sizeof(m));
	if ((r = ds_request(DS_CHECK, ds_key, 1, &m)) != OK)
		return r;
	if (type)
		*type = m.m_ds_req.flags;
	if (owner_e)
		*owner_e = m.m_ds_req.owner;
	return OK;
}
