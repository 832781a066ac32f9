/* ps.c - list the processes PM knows (PM_GETPROCTAB).
 *
 *	  PID  PPID  PGRP ENDPOINT STATE NAME
 *
 * STATE: R running or ready (or in a call to VFS), S sleeping, W waiting
 * for a child, Z zombie.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <minix/pm.h>

static struct pm_procinfo tab[NR_SLOTS];

int main(void)
{
	int n, i;

	if ((n = minix_getproctab(tab, sizeof(tab))) < 0) {
		fprintf(stderr, "ps: %s\n", strerror(errno));
		return 1;
	}
	printf("  PID  PPID  PGRP ENDPOINT STATE NAME\n");
	for (i = 0; i < n; i++)
		printf("%5d %5d %5d %8d %5c %.*s\n", tab[i].pp_pid,
		    tab[i].pp_ppid, tab[i].pp_pgrp, tab[i].pp_endpoint,
		    tab[i].pp_state ? tab[i].pp_state : '?',
		    (int)sizeof(tab[i].pp_name), tab[i].pp_name);
	return 0;
}
