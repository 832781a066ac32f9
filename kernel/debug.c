/* debug.c - dumps on the console, MINIX `is` style: while no driver owns
 * COM1's interrupt, a key typed on the serial console asks the kernel for
 * a dump.  'p' lists the processes, 'g' every registered grant table
 * (ID, type, grantee, granter or parent, range, rights, mappings), 'h'
 * lists the keys.
 */
#include "proc.h"
#include "memory.h"
#include "grant.h"
#include "debug.h"

static const char *rts_name(unsigned f)
{
	if (f & RTS_SLOT_FREE) return "free";
	if (f & RTS_SIG_PENDING) return "signal";
	if (f & RTS_NO_PRIV) return "stopped";
	if (f & RTS_PROC_STOP) return "stopped";
	if ((f & (RTS_SENDING | RTS_RECEIVING)) == (RTS_SENDING | RTS_RECEIVING)) return "sendrec";
	if (f & RTS_SENDING) return "send";
	if (f & RTS_RECEIVING) return "receive";
	return "ready";
}

static void dump_procs(void)
{
	struct proc *p;

	kprintf("%8s %-4s %-16s %-8s %s\n", "endpoint", "slot", "name", "state", "ticks");
	for (p = proc; p < proc + NR_SLOTS; p++) {
		if (isemptyp(p))
			continue;
		kprintf("%8d %4d %16s %8s %u\n", p->p_endpoint, p->p_nr, p->p_name,
		    iskernelp(p) ? "task" : rts_name(p->p_rts_flags), (unsigned)p->p_user_time);
	}
}

static void rights(const cp_grant_t *g, char *r)
{
	r[0] = (g->cp_flags & CPF_READ) ? 'r' : '-';
	r[1] = (g->cp_flags & CPF_WRITE) ? 'w' : '-';
	r[2] = (g->cp_flags & CPF_MAP) ? 'm' : '-';
	r[3] = (g->cp_flags & CPF_VALID) ? ' ' : '!';
	r[4] = '\0';
}

static void dump_grants(void)
{
	struct proc *p;

	for (p = proc + NR_TASKS; p < proc + NR_SLOTS; p++) {
		struct priv *pr = priv(p);
		int i;

		if (isemptyp(p) || !pr->s_grant_table)
			continue;
		kprintf("grants of %s (endpoint %d): %d entries at %p, %d mappings\n",
		    p->p_name, p->p_endpoint, pr->s_grant_entries, pr->s_grant_table,
		    grant_mappings_of(p->p_endpoint));
		for (i = 0; i < pr->s_grant_entries; i++) {
			cp_grant_t g;
			char r[5];
			cp_grant_id_t id;

			if (copy_from_proc(p, pr->s_grant_table + i * sizeof(g), &g, sizeof(g)) != OK) {
				kprintf("  table unreadable at entry %d\n", i);
				break;
			}
			if (!(g.cp_flags & CPF_USED))
				continue;
			id = GRANT_ID(i, g.cp_seq & GRANT_MAX_SEQ);
			rights(&g, r);
			if (g.cp_flags & CPF_DIRECT)
				kprintf("  %8x direct   to %6d  [%p, +%x) %s\n", id,
				    g.cp_u.cp_direct.cp_who_to, g.cp_u.cp_direct.cp_start,
				    g.cp_u.cp_direct.cp_len, r);
			else if (g.cp_flags & CPF_INDIRECT)
				kprintf("  %8x indirect to %6d  from %d grant %x [+%x, +%x) %s%s\n", id,
				    g.cp_u.cp_indirect.cp_who_to, g.cp_u.cp_indirect.cp_who_from,
				    g.cp_u.cp_indirect.cp_grant, g.cp_u.cp_indirect.cp_offset,
				    g.cp_u.cp_indirect.cp_len, r,
				    (g.cp_flags & CPF_WHOLE) ? " whole" : "");
			else if (g.cp_flags & CPF_MAGIC)
				kprintf("  %8x magic    to %6d  memory of %d [%p, +%x) %s\n", id,
				    g.cp_u.cp_magic.cp_who_to, g.cp_u.cp_magic.cp_who_from,
				    g.cp_u.cp_magic.cp_start, g.cp_u.cp_magic.cp_len, r);
			else
				kprintf("  %8x (flags %x)\n", id, g.cp_flags);
		}
	}
}

void debug_key(int c)
{
	switch (c) {
	case 'p': dump_procs(); break;
	case 'g': dump_grants(); break;
	case 'h': kprintf("keys: p processes, g grant tables, h help\n"); break;
	}
}
