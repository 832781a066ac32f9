/* ds.c - the data store: name -> endpoint (a label) or a small number,
 * published by their owners, retrieved by anyone, with subscriptions.
 *
 * A subscriber names a pattern (a key, or a prefix ending in '*'); every
 * change of a matching key (publish or delete) marks it for that
 * subscriber and sends it a NOTIFY; DS_CHECK hands out one marked key at a
 * time.  Only the owner of a key may change or delete it, or anyone once
 * the owner is dead (a restarted service republishes its label).  Every request
 * is validated before anything changes.
 */
#include <string.h>
#include <stdio.h>
#include <minix/syslib.h>

#define NR_ENTRIES 64
#define NR_SUBS    32

struct entry {
	int used;
	char key[DS_KEY_LEN + 1];
	endpoint_t owner;
	uint32_t flags, value;
};

struct sub {
	int used;
	endpoint_t who;
	char pattern[DS_KEY_LEN + 1];
	uint64_t changed; /* bit i: entry i changed since the last DS_CHECK */
};

static struct entry entries[NR_ENTRIES];
static struct sub subs[NR_SUBS];

/* Copy the key out of the message; EINVAL if empty or not terminated. */
static int get_key(const message *m, char *key)
{
	size_t n = strnlen(m->m_ds.key, DS_KEY_LEN);

	if (n == 0)
		return EINVAL;
	memcpy(key, m->m_ds.key, n);
	key[n] = '\0';
	return OK;
}

static int matches(const char *pattern, const char *key)
{
	size_t n = strlen(pattern);

	if (n && pattern[n - 1] == '*')
		return strncmp(pattern, key, n - 1) == 0;
	return strcmp(pattern, key) == 0;
}

static struct entry *find(const char *key)
{
	int i;

	for (i = 0; i < NR_ENTRIES; i++)
		if (entries[i].used && strcmp(entries[i].key, key) == 0)
			return &entries[i];
	return NULL;
}

static void changed(int idx)
{
	int i;

	for (i = 0; i < NR_SUBS; i++) {
		if (!subs[i].used || !matches(subs[i].pattern, entries[idx].key))
			continue;
		subs[i].changed |= 1ull << idx;
		ipc_notify(subs[i].who);
	}
}

/* Is the owner of a key still there?  A key whose owner died passes to
 * whoever publishes it next: a restarted service (new endpoint) takes
 * its label back. */
static int alive(endpoint_t owner)
{
	struct proc_info pi;

	return sys_getproc(&pi, owner) == OK;
}

static int do_publish(message *m)
{
	char key[DS_KEY_LEN + 1];
	uint32_t type = m->m_ds.flags & (DSF_TYPE_LABEL | DSF_TYPE_U32);
	struct entry *e;
	int i;

	if (get_key(m, key) != OK || (type != DSF_TYPE_LABEL && type != DSF_TYPE_U32) ||
	    (m->m_ds.flags & ~(DSF_TYPE_LABEL | DSF_TYPE_U32 | DSF_OVERWRITE)))
		return EINVAL;
	if ((e = find(key))) {
		if (e->owner != m->m_source && alive(e->owner))
			return EPERM;
		e->owner = m->m_source;
		if (!(m->m_ds.flags & DSF_OVERWRITE))
			return EEXIST;
	} else {
		for (i = 0; i < NR_ENTRIES && entries[i].used; i++)
			;
		if (i == NR_ENTRIES)
			return ENOSPC;
		e = &entries[i];
		memset(e, 0, sizeof(*e));
		strcpy(e->key, key);
		e->owner = m->m_source;
		e->used = 1;
	}
	e->flags = type;
	e->value = m->m_ds.value;
	changed((int)(e - entries));
	return OK;
}

/* The entry the message's key names: OK, EINVAL (bad key) or ESRCH. */
static int lookup(const message *m, struct entry **ep)
{
	char key[DS_KEY_LEN + 1];

	if (get_key(m, key) != OK)
		return EINVAL;
	return (*ep = find(key)) ? OK : ESRCH;
}

static int do_retrieve(message *m)
{
	struct entry *e;
	int r;

	if ((r = lookup(m, &e)) != OK)
		return r;
	m->m_ds.value = e->value;
	m->m_ds.flags = e->flags;
	return OK;
}

static int do_delete(message *m)
{
	struct entry *e;
	int r;

	if ((r = lookup(m, &e)) != OK)
		return r;
	if (e->owner != m->m_source && alive(e->owner))
		return EPERM;
	changed((int)(e - entries));
	e->used = 0;
	return OK;
}

static int do_subscribe(message *m)
{
	char pattern[DS_KEY_LEN + 1];
	int i, free_slot = -1;

	if (get_key(m, pattern) != OK)
		return EINVAL;
	for (i = 0; i < NR_SUBS; i++) {
		if (subs[i].used && subs[i].who == m->m_source &&
		    strcmp(subs[i].pattern, pattern) == 0)
			return OK; /* already */
		if (!subs[i].used && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0)
		return ENOSPC;
	subs[free_slot].used = 1;
	subs[free_slot].who = m->m_source;
	strcpy(subs[free_slot].pattern, pattern);
	subs[free_slot].changed = 0;
	/* What exists already counts as changed. */
	for (i = 0; i < NR_ENTRIES; i++)
		if (entries[i].used && matches(pattern, entries[i].key))
			subs[free_slot].changed |= 1ull << i;
	if (subs[free_slot].changed)
		ipc_notify(m->m_source);
	return OK;
}

static int do_check(message *m)
{
	int i, j;

	for (i = 0; i < NR_SUBS; i++) {
		if (!subs[i].used || subs[i].who != m->m_source || !subs[i].changed)
			continue;
		j = __builtin_ctzll(subs[i].changed);
		subs[i].changed &= ~(1ull << j);
		memset(&m->m_ds, 0, sizeof(m->m_ds));
		strncpy(m->m_ds.key, entries[j].key, DS_KEY_LEN);
		m->m_ds.flags = entries[j].used ? entries[j].flags : 0; /* 0: deleted */
		m->m_ds.value = entries[j].used ? entries[j].value : 0;
		return OK;
	}
	return ENOENT;
}

int main(void)
{
	message m;

	for (;;) {
		int r;

		if (ipc_receive(ANY, &m, NULL) != OK || is_notify(m.m_type))
			continue;
		switch (m.m_type) {
		case DS_PUBLISH: r = do_publish(&m); break;
		case DS_RETRIEVE: r = do_retrieve(&m); break;
		case DS_DELETE: r = do_delete(&m); break;
		case DS_SUBSCRIBE: r = do_subscribe(&m); break;
		case DS_CHECK: r = do_check(&m); break;
		default: r = EBADREQUEST; break;
		}
		m.m_type = r;
		ipc_sendnb(m.m_source, &m);
	}
}
