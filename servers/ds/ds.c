/* ds.c - the data store: named values (a label's endpoint, a 32-bit
 * number, a string, a memory range) published by their owners and read
 * by anyone, with subscriptions.  MINIX's protocol: keys and large values
 * come by grant, subscriptions are extended regular expressions.
 *
 * Ownership goes by label, so a restarted service (new endpoint, same
 * label) still owns what it published and can read back state it saved
 * with DSF_PRIV_RETRIEVE.  A key whose owner is dead and had no label
 * passes to whoever publishes it next.  The label of an endpoint is the
 * key of the DSF_TYPE_LABEL entry whose value it is: RS publishes each
 * service's label before it runs (and may always change it), and the
 * service the label names may publish it again itself.
 *
 * A subscriber gets a NOTIFY when a key matching one of its expressions is
 * published, changed or deleted (and, with DSF_INITIAL, for what exists
 * already); DS_CHECK hands out one changed key at a time.  Subscriptions
 * of a dead subscriber are dropped, or taken over by its restarted
 * instance when that subscribes again.  Every request is checked in full
 * before anything changes.
 *
 * DS sends no requests to drivers, so a driver's answer that comes here
 * was meant for its client (VFS, a file system): a driver that sends its
 * answers to the wrong process (a fault: they often land here, endpoint
 * 0) would leave its client waiting for ever.  DS reports it to RS,
 * which restarts the driver (RS_DRIVER_FAULT).
 */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <regex.h>
#include <minix/syslib.h>
#include <minix/safecopies.h>
#include <minix/ds.h>
#include <minix/rs.h>

#define NR_ENTRIES 128
#define NR_SUBS    64
#define MAP_WORDS  (NR_ENTRIES / 32)

struct entry {
	int used;
	char key[DS_MAX_KEYLEN];
	endpoint_t owner;
	char owner_label[DS_MAX_KEYLEN];   /* "" if it had none */
	int flags;                         /* DSF_TYPE_* | DSF_PRIV_* */
	uint32_t u32;                      /* label and u32 values */
	char *data;                        /* string and memory values */
	size_t len;
};

struct sub {
	int used;
	endpoint_t who;
	char label[DS_MAX_KEYLEN];
	char expr[DS_MAX_KEYLEN];
	regex_t re;
	uint32_t changed[MAP_WORDS];       /* entries changed since DS_CHECK */
};

static struct entry entries[NR_ENTRIES];
static struct sub subs[NR_SUBS];

/* Copy the request's key in; EINVAL if empty, too long or unterminated. */
static int get_key(const message *m, char *key)
{
	int len = m->m_ds_req.key_len;

	if (len < 2 || len > DS_MAX_KEYLEN ||
	    sys_safecopyfrom(m->m_source, m->m_ds_req.key_grant, 0,
		(vir_bytes)key, (size_t)len) != OK)
		return EINVAL;
	return strnlen(key, (size_t)len) == (size_t)len - 1 ? OK : EINVAL;
}

/* Give the caller a key (DS_CHECK, DS_RETRIEVE_LABEL). */
static int put_key(const message *m, const char *key)
{
	size_t len = strlen(key) + 1;

	if (m->m_ds_req.key_len < (int)len)
		return EINVAL;
	return sys_safecopyto(m->m_source, m->m_ds_req.key_grant, 0,
		(vir_bytes)key, len) == OK ? OK : EINVAL;
}

static struct entry *find(const char *key)
{
	int i;

	for (i = 0; i < NR_ENTRIES; i++)
		if (entries[i].used && strcmp(entries[i].key, key) == 0)
			return &entries[i];
	return NULL;
}

/* The label under which ep is published, or NULL. */
static const char *label_of(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_ENTRIES; i++)
		if (entries[i].used && entries[i].flags & DSF_TYPE_LABEL &&
		    (endpoint_t)entries[i].u32 == ep)
			return entries[i].key;
	return NULL;
}

static int alive(endpoint_t ep)
{
	struct proc_info pi;

	return sys_getproc(&pi, ep) == OK;
}

/* May who act as the owner of e? */
static int owns(const struct entry *e, endpoint_t who)
{
	const char *l;

	if (e->owner == who)
		return 1;
	/* A label is RS's to set, and its service may announce it itself. */
	if (e->flags & DSF_TYPE_LABEL && (who == RS_PROC_NR || (endpoint_t)e->u32 == who))
		return 1;
	if (e->owner_label[0])
		return (l = label_of(who)) && strcmp(l, e->owner_label) == 0;
	return !alive(e->owner);
}

static void mark_changed(const struct entry *e)
{
	int idx = (int)(e - entries), i;

	for (i = 0; i < NR_SUBS; i++) {
		struct sub *s = &subs[i];

		if (!s->used || regexec(&s->re, e->key, 0, NULL, 0) != 0)
			continue;
		if (e->flags & DSF_PRIV_SUBSCRIBE && !owns(e, s->who))
			continue;
		s->changed[idx / 32] |= 1u << (idx % 32);
		if (ipc_notify(s->who) != OK) {   /* the subscriber is gone */
			regfree(&s->re);
			s->used = 0;
		}
	}
}

/* The value of a string or memory publish, copied in; or an error. */
static int get_value(const message *m, int type, char **data, size_t *len)
{
	int n = m->m_ds_req.val_len;
	int max = type == DSF_TYPE_STR ? DS_MAX_STRLEN : DS_MAX_MEMLEN;

	if (n < (type == DSF_TYPE_STR) || n > max)
		return EINVAL;
	if ((*data = malloc(n ? (size_t)n : 1)) == NULL)
		return ENOMEM;
	if (sys_safecopyfrom(m->m_source, m->m_ds_req.val_in.grant, 0,
		(vir_bytes)*data, (size_t)n) != OK ||
	    (type == DSF_TYPE_STR && (*data)[n - 1] != '\0')) {
		free(*data);
		return EINVAL;
	}
	*len = (size_t)n;
	return OK;
}

static int type_of(int flags)
{
	int t = flags & DSF_MASK_TYPE;

	return t == DSF_TYPE_U32 || t == DSF_TYPE_STR || t == DSF_TYPE_MEM ||
		t == DSF_TYPE_LABEL ? t : 0;
}

static int do_publish(message *m)
{
	char key[DS_MAX_KEYLEN];
	int flags = m->m_ds_req.flags, type = type_of(flags), i;
	const char *l;
	struct entry *e;
	char *data = NULL;
	size_t len = 0;
	int r;

	if (!type || (flags & ~(DSF_MASK_INTERNAL | DSF_OVERWRITE)) ||
	    (flags & DSF_IN_USE) || (r = get_key(m, key)) != OK)
		return EINVAL;
	if ((e = find(key))) {
		if (!owns(e, m->m_source))
			return EPERM;
		if (!(flags & DSF_OVERWRITE))
			return EEXIST;
	} else {
		for (i = 0; i < NR_ENTRIES && entries[i].used; i++)
			;
		if (i == NR_ENTRIES)
			return ENOSPC;
		e = &entries[i];
	}
	if ((type == DSF_TYPE_STR || type == DSF_TYPE_MEM) &&
	    (r = get_value(m, type, &data, &len)) != OK)
		return r;
	free(e->data);
	memset(e, 0, sizeof(*e));
	e->used = 1;
	strcpy(e->key, key);
	e->owner = m->m_source;
	e->flags = flags & (DSF_MASK_TYPE | DSF_PRIV_RETRIEVE | DSF_PRIV_OVERWRITE |
		DSF_PRIV_SUBSCRIBE);
	e->u32 = m->m_ds_req.val_in.u32;
	e->data = data;
	e->len = len;
	/* Published labels name their own endpoint's owner. */
	if ((l = type == DSF_TYPE_LABEL ? NULL : label_of(m->m_source)))
		strcpy(e->owner_label, l);
	mark_changed(e);
	return OK;
}

/* The entry the request names, if the caller may read it as `type`. */
static int lookup(const message *m, int type, struct entry **ep)
{
	char key[DS_MAX_KEYLEN];

	if (!type || get_key(m, key) != OK)
		return EINVAL;
	if (!(*ep = find(key)))
		return ESRCH;
	if ((*ep)->flags & DSF_PRIV_RETRIEVE && !owns(*ep, m->m_source))
		return EPERM;
	return ((*ep)->flags & DSF_MASK_TYPE) == type ? OK : EINVAL;
}

static int do_retrieve(message *m)
{
	int type = type_of(m->m_ds_req.flags);
	struct entry *e;
	int r;

	if ((r = lookup(m, type, &e)) != OK)
		return r;
	if (type == DSF_TYPE_STR || type == DSF_TYPE_MEM) {
		size_t n = e->len;

		if (m->m_ds_req.val_len < 0)
			return EINVAL;
		if (n > (size_t)m->m_ds_req.val_len) {
			if (type == DSF_TYPE_MEM)
				return EINVAL;   /* MINIX: the buffer is too small */
			n = (size_t)m->m_ds_req.val_len;  /* a string is cut */
		}
		if (n && sys_safecopyto(m->m_source, m->m_ds_req.val_in.grant,
			0, (vir_bytes)e->data, n) != OK)
			return EINVAL;
		memset(&m->m_ds_reply, 0, sizeof(m->m_ds_reply));
		m->m_ds_reply.val_len = (int)n;
		return OK;
	}
	memset(&m->m_ds_reply, 0, sizeof(m->m_ds_reply));
	m->m_ds_reply.val_out.u32 = e->u32;
	return OK;
}

static int do_retrieve_label(message *m)
{
	const char *l = label_of(m->m_ds_req.val_in.ep);

	return l ? put_key(m, l) : ESRCH;
}

static int do_delete(message *m)
{
	struct entry *e;
	int r;

	if ((r = lookup(m, type_of(m->m_ds_req.flags), &e)) != OK)
		return r;
	if (!owns(e, m->m_source))
		return EPERM;
	e->flags &= ~DSF_MASK_TYPE;        /* DS_CHECK reports type 0 */
	mark_changed(e);
	free(e->data);
	e->data = NULL;
	e->used = 0;
	return OK;
}

static int do_subscribe(message *m)
{
	char expr[DS_MAX_KEYLEN];
	const char *l = label_of(m->m_source);
	struct sub *s = NULL;
	int i;

	if (get_key(m, expr) != OK ||
	    (m->m_ds_req.flags & ~(DSF_INITIAL | DSF_OVERWRITE | DSF_MASK_TYPE)))
		return EINVAL;
	for (i = 0; i < NR_SUBS; i++) {
		struct sub *t = &subs[i];

		if (t->used && strcmp(t->expr, expr) == 0 &&
		    (t->who == m->m_source || (l && strcmp(t->label, l) == 0))) {
			t->who = m->m_source;  /* a restarted subscriber takes it over */
			s = t;
			break;
		}
		if (!t->used && !s)
			s = t;
	}
	if (!s)
		return ENOSPC;
	if (!s->used) {
		if (regcomp(&s->re, expr, REG_EXTENDED | REG_NOSUB) != 0)
			return EINVAL;
		s->used = 1;
		s->who = m->m_source;
		strcpy(s->expr, expr);
		strcpy(s->label, l ? l : "");
		memset(s->changed, 0, sizeof(s->changed));
	}
	if (m->m_ds_req.flags & DSF_INITIAL) {
		for (i = 0; i < NR_ENTRIES; i++)
			if (entries[i].used && regexec(&s->re, entries[i].key, 0, NULL, 0) == 0 &&
			    !(entries[i].flags & DSF_PRIV_SUBSCRIBE && !owns(&entries[i], s->who)))
				s->changed[i / 32] |= 1u << (i % 32);
		for (i = 0; i < MAP_WORDS; i++)
			if (s->changed[i]) {
				ipc_notify(s->who);
				break;
			}
	}
	return OK;
}

/* Key j is reported to who: unmark it in all of who's subscriptions. */
static void clear_mark(endpoint_t who, int j)
{
	int i;

	for (i = 0; i < NR_SUBS; i++)
		if (subs[i].used && subs[i].who == who)
			subs[i].changed[j / 32] &= ~(1u << (j % 32));
}

static int do_check(message *m)
{
	int i, w, j, r;

	for (i = 0; i < NR_SUBS; i++) {
		struct sub *s = &subs[i];

		if (!s->used || s->who != m->m_source)
			continue;
		for (w = 0; w < MAP_WORDS; w++) {
			if (!s->changed[w])
				continue;
			j = w * 32 + __builtin_ctz(s->changed[w]);
			if ((r = put_key(m, entries[j].key)) != OK)
				return r;
			clear_mark(m->m_source, j);
			m->m_ds_req.flags = entries[j].used ? entries[j].flags & DSF_MASK_TYPE : 0;
			m->m_ds_req.owner = entries[j].owner;
			return OK;
		}
	}
	return ENOENT;
}

/* String and memory values live on the heap.  It is grown once, here, to
 * what a full store of typical values needs, so that publishing does not
 * take frames from the system at run time (DS keeps what it grows). */
#define HEAP_RESERVE (64 * 1024)

/* A driver's answer (m) sent to DS: report the driver to RS, without
 * waiting for RS (which sends requests to DS itself). */
static void misdirected(const message *m)
{
	const char *l = label_of(m->m_source);
	message r;

	if (l == NULL)
		return;
	printf("ds: %s sent DS an answer (type 0x%x) meant for its client; "
	    "reporting it\n", l, (unsigned)m->m_type);
	memset(&r, 0, sizeof(r));
	r.m_type = RS_DRIVER_FAULT;
	strncpy(r.m_rs.label, l, sizeof(r.m_rs.label) - 1);
	r.m_rs.endpt = m->m_source;
	asynsend(RS_PROC_NR, &r);
}

int main(void)
{
	message m;
	char *reserve = malloc(HEAP_RESERVE);

	if (reserve)
		memset(reserve, 0, HEAP_RESERVE);
	free(reserve);

	for (;;) {
		int r;

		if (ipc_receive(ANY, &m, NULL) != OK || is_notify(m.m_type))
			continue;
		if (m.m_type == BDEV_REPLY || IS_CDEV_RS(m.m_type)) {
			misdirected(&m);
			continue;
		}
		if (m.m_type <= 0)
			continue;	/* an answer (RS's to a report): none back */
		switch (m.m_type) {
		case DS_PUBLISH: r = do_publish(&m); break;
		case DS_RETRIEVE: r = do_retrieve(&m); break;
		case DS_RETRIEVE_LABEL: r = do_retrieve_label(&m); break;
		case DS_DELETE: r = do_delete(&m); break;
		case DS_SUBSCRIBE: r = do_subscribe(&m); break;
		case DS_CHECK: r = do_check(&m); break;
		case DS_SNAPSHOT: r = ENOSYS; break;
		default: r = EBADREQUEST; break;
		}
		m.m_type = r;
		ipc_sendnb(m.m_source, &m);
	}
}
