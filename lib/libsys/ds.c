/* ds.c - libsys: requests to the data store (SENDREC to DS_PROC_NR). */
#include <string.h>
#include <minix/syslib.h>
#include <minix/ds.h>

static int ds_call(int type, const char *key, uint32_t flags, uint32_t value, message *m)
{
	int r;

	memset(m, 0, sizeof(*m));
	if (key && strlen(key) > DS_KEY_LEN)
		return EINVAL;
	if (key)
		strncpy(m->m_ds.key, key, DS_KEY_LEN);
	m->m_ds.flags = flags;
	m->m_ds.value = value;
	m->m_type = type;
	if ((r = ipc_sendrec(DS_PROC_NR, m)) != OK)
		return r;
	return m->m_type;
}

int ds_publish_label(const char *ds_name, endpoint_t endpoint, int flags)
{
	message m;
	return ds_call(DS_PUBLISH, ds_name, DSF_TYPE_LABEL | (uint32_t)flags, (uint32_t)endpoint, &m);
}

int ds_publish_u32(const char *ds_name, uint32_t value, int flags)
{
	message m;
	return ds_call(DS_PUBLISH, ds_name, DSF_TYPE_U32 | (uint32_t)flags, value, &m);
}

static int retrieve(const char *ds_name, uint32_t type, uint32_t *value)
{
	message m;
	int r = ds_call(DS_RETRIEVE, ds_name, 0, 0, &m);

	if (r != OK)
		return r;
	if (m.m_ds.flags != type)
		return EINVAL; /* a key of the other type */
	*value = m.m_ds.value;
	return OK;
}

int ds_retrieve_label_endpt(const char *ds_name, endpoint_t *endpoint)
{
	return retrieve(ds_name, DSF_TYPE_LABEL, (uint32_t *)endpoint);
}

int ds_retrieve_u32(const char *ds_name, uint32_t *value)
{
	return retrieve(ds_name, DSF_TYPE_U32, value);
}

int ds_delete_label(const char *ds_name)
{
	message m;
	return ds_call(DS_DELETE, ds_name, 0, 0, &m);
}

int ds_delete_u32(const char *ds_name)
{
	return ds_delete_label(ds_name);
}

int ds_subscribe(const char *pattern, int flags)
{
	message m;
	(void)flags;
	return ds_call(DS_SUBSCRIBE, pattern, 0, 0, &m);
}

int ds_check(char *ds_name, int *type, uint32_t *value)
{
	message m;
	int r = ds_call(DS_CHECK, NULL, 0, 0, &m);

	if (r != OK)
		return r;
	memcpy(ds_name, m.m_ds.key, DS_KEY_LEN);
	ds_name[DS_KEY_LEN] = '\0';
	*type = (int)m.m_ds.flags;
	*value = m.m_ds.value;
	return OK;
}
