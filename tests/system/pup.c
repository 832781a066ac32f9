/* pup.c - the puppet process of the grant tests (see pup.h). */
#include <stdarg.h>
#include "pup.h"

static cp_grant_t ptab[PUP_NENT];
static uint8_t pbuf[PUP_BUFSZ] __attribute__((aligned(4096)));

void g_direct(cp_grant_t *g, endpoint_t to, vir_bytes start, vir_bytes len, int access, int seq)
{
	memset(g, 0, sizeof(*g));
	g->cp_u.cp_direct.cp_who_to = to;
	g->cp_u.cp_direct.cp_start = start;
	g->cp_u.cp_direct.cp_len = len;
	g->cp_seq = seq;
	g->cp_flags = CPF_USED | CPF_VALID | CPF_DIRECT | access;
}

void g_indirect(cp_grant_t *g, endpoint_t to, endpoint_t from, cp_grant_id_t gr,
	vir_bytes off, vir_bytes len, int access, int seq)
{
	memset(g, 0, sizeof(*g));
	g->cp_u.cp_indirect.cp_who_to = to;
	g->cp_u.cp_indirect.cp_who_from = from;
	g->cp_u.cp_indirect.cp_grant = gr;
	g->cp_u.cp_indirect.cp_offset = off;
	g->cp_u.cp_indirect.cp_len = len;
	g->cp_seq = seq;
	g->cp_flags = CPF_USED | CPF_VALID | CPF_INDIRECT | access;
}

void g_magic(cp_grant_t *g, endpoint_t to, endpoint_t from, vir_bytes start,
	vir_bytes len, int access, int seq)
{
	memset(g, 0, sizeof(*g));
	g->cp_u.cp_magic.cp_who_to = to;
	g->cp_u.cp_magic.cp_who_from = from;
	g->cp_u.cp_magic.cp_start = start;
	g->cp_u.cp_magic.cp_len = len;
	g->cp_seq = seq;
	g->cp_flags = CPF_USED | CPF_VALID | CPF_MAGIC | access;
}

static void serve(void *arg)
{
	message m;

	(void)arg;
	for (;;) {
		uint32_t *d;
		int r = OK;
		endpoint_t who;

		if (ipc_receive(ANY, &m, NULL) != OK || m.m_type < 0x500 || m.m_type > 0x5fe)
			continue;
		who = m.m_source;
		d = m.m_u32.data;
		switch (m.m_type) {
		case PUP_SETGRANT:
			r = sys_setgrant(d[2] ? (cp_grant_t *)d[2] : ptab, (int)d[1]);
			break;
		case PUP_SET:
			if (d[1] >= PUP_NENT) { r = EINVAL; break; }
			memcpy(&ptab[d[1]], &d[2], sizeof(cp_grant_t));
			break;
		case PUP_COPYFROM:
			r = sys_safecopyfrom((endpoint_t)d[1], (cp_grant_id_t)d[2], d[3],
			    (vir_bytes)pbuf + d[5], d[4]);
			break;
		case PUP_COPYTO:
			r = sys_safecopyto((endpoint_t)d[1], (cp_grant_id_t)d[2], d[3],
			    (vir_bytes)pbuf + d[5], d[4]);
			break;
		case PUP_MEMSET:
			r = sys_safememset((endpoint_t)d[1], (cp_grant_id_t)d[2], d[3], (int)d[5], d[4]);
			break;
		case PUP_MAP:
			r = sys_safemap((endpoint_t)d[1], (cp_grant_id_t)d[2], d[3], d[5], d[4], (int)d[6]);
			break;
		case PUP_PEEK:
			d[1] = *(volatile uint32_t *)d[1];
			break;
		case PUP_POKE:
			*(volatile uint32_t *)d[1] = d[2];
			break;
		case PUP_UNMAP:
			r = sys_safeunmap(d[1]);
			break;
		case PUP_BUF:
			d[1] = (uint32_t)pbuf;
			break;
		case PUP_READBUF:
			memcpy(&d[1], pbuf + d[1], 52);
			break;
		case PUP_FILLBUF:
			memset(pbuf + d[1], (int)d[3], d[2]);
			break;
		case PUP_VUMAP: {
			struct vumap_vir v = { (int)d[2], d[3] };
			struct vumap_phys p[6];
			int n = 6;
			r = sys_vumap((endpoint_t)d[1], &v, 1, 0, VUA_READ, p, &n);
			if (r == OK) {
				d[1] = (uint32_t)n;
				memcpy(&d[2], p, sizeof(p));
			}
			break;
		}
		case PUP_CPF_DIRECT:
			d[1] = (uint32_t)cpf_grant_direct((endpoint_t)d[1],
			    (vir_bytes)pbuf + d[2], d[3], (int)d[4]);
			break;
		case PUP_CPF_INDIRECT:
			d[1] = (uint32_t)cpf_grant_indirect_range((endpoint_t)d[1],
			    (endpoint_t)d[2], (cp_grant_id_t)d[3], d[4], d[5], (int)d[6]);
			break;
		case PUP_CPF_REVOKE:
			r = cpf_revoke((cp_grant_id_t)d[1]);
			break;
		}
		d[0] = (uint32_t)r;
		m.m_type = PUP_REPLY;
		ipc_send(who, &m);
	}
}

endpoint_t pup_start(void)
{
	return t_fork(serve, NULL);
}

endpoint_t pup_start_priv(uint32_t drop)
{
	return pup_start_flags((SYS_PROC | PREEMPTIBLE | MAGIC_GRANT | DMA_OK) & ~drop);
}

/* A puppet with exactly these privilege flags (and every call and target). */
endpoint_t pup_start_flags(uint32_t flags)
{
	struct priv_desc d;
	struct proc_info pi;
	endpoint_t c = t_fork_stopped(serve, NULL);

	/* Our own privileges, less the flags in drop. */
	if (c == NONE || sys_getproc(&pi, c) != OK)
		return NONE;
	memset(&d, 0, sizeof(d));
	d.pd_flags = flags;
	d.pd_trap_mask = TRAPS_ALL;
	memset(d.pd_call_mask, 0xff, sizeof(d.pd_call_mask));
	memset(d.pd_ipc_to, 0xff, sizeof(d.pd_ipc_to));
	d.pd_sig_mgr = SELF;
	if (sys_privctl(c, SYS_PRIV_SET_SYS, &d) != OK ||
	    sys_privctl(c, SYS_PRIV_ALLOW, NULL) != OK)
		return NONE;
	return c;
}

int pup(endpoint_t p, int op, message *reply, int nargs, ...)
{
	message m;
	va_list ap;
	int i;

	memset(&m, 0, sizeof(m));
	m.m_type = op;
	va_start(ap, nargs);
	for (i = 0; i < nargs && i < 13; i++)
		m.m_u32.data[i + 1] = va_arg(ap, uint32_t);
	va_end(ap);
	if (ipc_sendrec(p, &m) != OK || m.m_type != PUP_REPLY)
		return EGENERIC;
	if (reply)
		*reply = m;
	return (int)m.m_u32.data[0];
}

int pup_set(endpoint_t p, int slot, const cp_grant_t *g)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = PUP_SET;
	m.m_u32.data[1] = (uint32_t)slot;
	memcpy(&m.m_u32.data[2], g, sizeof(*g));
	if (ipc_sendrec(p, &m) != OK || m.m_type != PUP_REPLY)
		return EGENERIC;
	return (int)m.m_u32.data[0];
}
