/* grants.c - list grant tables (PM_GETSYSINFO GET_GRANTS).
 *
 *	grants			every process that registered a grant table
 *	grants ENDPOINT ...	those processes (an endpoint, or a name)
 *
 * For each process a title, then one line per entry in use:
 *
 *	vfs (endpoint 3): 16 entries, 0 mappings
 *	        ID TYPE     GRANTEE  GRANTER / RANGE                          RIGHTS      MOVED
 *	     40003 magic          5  memory of 32779 [0x400052c0, +0x1000)    -w-           512
 *
 * ID is the grant ID, GRANT_ID(slot, sequence), in hex.  TYPE: direct,
 * indirect, magic, or whole (an indirect grant of the whole parent window
 * with the parent's rights).  The range is the granter's memory (direct),
 * another process's memory (magic), or a window of the parent grant
 * (indirect: "from E grant G [+offset, +length)").  RIGHTS: r read,
 * w write, m map; a trailing "!" marks an entry in use but not valid (being
 * filled in, or disabled).  MOVED: the bytes the kernel has moved through
 * the grant so far (cp_moved: copies, fills, mappings, DMA ranges; the
 * "uses" of a grant).  Mappings: live safemap mappings of the
 * process's grants.  A bad endpoint: a message and exit status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <minix/pm.h>
#include <minix/safecopies.h>

static struct proc_info tab[NR_SLOTS];
static struct {
	struct grant_table_info h;
	cp_grant_t e[MINIX_GRANTS_MAX];
} gbuf;

static const char *ep_str(endpoint_t ep, char *buf, size_t len)
{
	if (ep == ANY)
		return "any";
	if (ep == NONE)
		return "none";
	snprintf(buf, len, "%d", ep);
	return buf;
}

static void rights(const cp_grant_t *g, char *r)
{
	r[0] = (g->cp_flags & CPF_READ) ? 'r' : '-';
	r[1] = (g->cp_flags & CPF_WRITE) ? 'w' : '-';
	r[2] = (g->cp_flags & CPF_MAP) ? 'm' : '-';
	r[3] = (g->cp_flags & CPF_VALID) ? '\0' : '!';
	r[4] = '\0';
}

/* One entry in use: slot i of the table. */
static void print_entry(int i, const cp_grant_t *g)
{
	char info[80], r[5], to[16];
	const char *type;
	endpoint_t who_to;

	if (g->cp_flags & CPF_DIRECT) {
		type = "direct";
		who_to = g->cp_u.cp_direct.cp_who_to;
		snprintf(info, sizeof(info), "[%#x, +%#x)",
		    (unsigned)g->cp_u.cp_direct.cp_start,
		    (unsigned)g->cp_u.cp_direct.cp_len);
	} else if (g->cp_flags & CPF_INDIRECT) {
		who_to = g->cp_u.cp_indirect.cp_who_to;
		if (g->cp_flags & CPF_WHOLE) {
			type = "whole";
			snprintf(info, sizeof(info), "from %d grant %x",
			    g->cp_u.cp_indirect.cp_who_from,
			    (unsigned)g->cp_u.cp_indirect.cp_grant);
		} else {
			type = "indirect";
			snprintf(info, sizeof(info), "from %d grant %x [+%#x, +%#x)",
			    g->cp_u.cp_indirect.cp_who_from,
			    (unsigned)g->cp_u.cp_indirect.cp_grant,
			    (unsigned)g->cp_u.cp_indirect.cp_offset,
			    (unsigned)g->cp_u.cp_indirect.cp_len);
		}
	} else if (g->cp_flags & CPF_MAGIC) {
		type = "magic";
		who_to = g->cp_u.cp_magic.cp_who_to;
		snprintf(info, sizeof(info), "memory of %d [%#x, +%#x)",
		    g->cp_u.cp_magic.cp_who_from,
		    (unsigned)g->cp_u.cp_magic.cp_start,
		    (unsigned)g->cp_u.cp_magic.cp_len);
	} else {
		printf("  %8x (flags %#x)\n",
		    (unsigned)GRANT_ID(i, g->cp_seq & GRANT_MAX_SEQ), g->cp_flags);
		return;
	}
	rights(g, r);
	printf("  %8x %-8s %7s  %-40s %-6s %10u\n",
	    (unsigned)GRANT_ID(i, g->cp_seq & GRANT_MAX_SEQ), type,
	    ep_str(who_to, to, sizeof(to)), info, r, (unsigned)g->cp_moved);
}

/* The grant table of ep (name for the title); 0, or -1 after a message.
 * quiet: a process gone meanwhile is no error (the list of all). */
static int show(endpoint_t ep, const char *name, int quiet)
{
	int i, used = 0;

	if (minix_getsysinfo(GET_GRANTS, ep, &gbuf, sizeof(gbuf)) < 0) {
		if (quiet && errno == ESRCH)
			return 0;
		fprintf(stderr, "grants: endpoint %d: %s\n", ep, strerror(errno));
		return -1;
	}
	printf("%.*s (endpoint %d): %d entries, %d mappings\n", PROC_NAME_LEN,
	    name, ep, gbuf.h.gt_entries, gbuf.h.gt_mappings);
	for (i = 0; i < gbuf.h.gt_copied; i++) {
		if (!(gbuf.e[i].cp_flags & CPF_USED))
			continue;
		if (used++ == 0)
			printf("  %8s %-8s %7s  %-40s %-6s %10s\n", "ID", "TYPE",
			    "GRANTEE", "GRANTER / RANGE", "RIGHTS", "MOVED");
		print_entry(i, &gbuf.e[i]);
	}
	if (gbuf.h.gt_copied < gbuf.h.gt_entries)
		printf("  (only the first %d entries shown)\n", gbuf.h.gt_copied);
	return 0;
}

/* The live process named by arg: an endpoint or a process name. */
static const struct proc_info *lookup(const char *arg)
{
	char *end;
	long n;
	int i;

	n = strtol(arg, &end, 10);
	for (i = 0; i < NR_SLOTS; i++) {
		if (tab[i].pi_rts_flags & PI_SLOT_FREE)
			continue;
		if (*arg != '\0' && *end == '\0' ? tab[i].pi_endpoint == n :
		    strncmp(tab[i].pi_name, arg, PROC_NAME_LEN) == 0)
			return &tab[i];
	}
	return NULL;
}

int main(int argc, char *argv[])
{
	const struct proc_info *pi;
	int i, status = 0;

	if (minix_getsysinfo(GET_PROCTAB, 0, tab, sizeof(tab)) < 0) {
		fprintf(stderr, "grants: process table: %s\n", strerror(errno));
		return 1;
	}
	if (argc < 2) {
		for (i = 0; i < NR_SLOTS; i++)
			if (!(tab[i].pi_rts_flags & PI_SLOT_FREE) &&
			    tab[i].pi_grant_entries > 0 &&
			    show(tab[i].pi_endpoint, tab[i].pi_name, 1) < 0)
				status = 1;
		return status;
	}
	for (i = 1; i < argc; i++) {
		if (!(pi = lookup(argv[i]))) {
			fprintf(stderr, "grants: %s: no such process\n", argv[i]);
			status = 1;
		} else if (show(pi->pi_endpoint, pi->pi_name, 0) < 0) {
			status = 1;
		}
	}
	return status;
}
