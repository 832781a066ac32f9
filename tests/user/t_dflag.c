/* t_dflag.c - the kernel clears the direction flag on every entry.
 *
 * A process may trap with EFLAGS.DF set: in the middle of a backward
 * memmove, or after an `std` of its own.  The kernel's C code (its
 * memcpy and memset: rep movs, rep stos) wants DF clear; before mpx.asm's
 * SAVE did `cld`, a page fault taken with DF set made the kernel copy
 * backwards over its own stack and panic (found by make fi: a tty fault
 * that broke its frame pointer inside memmove).  iret gives the process
 * its own flags back, DF included.
 */
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/callnr.h>
#include "tu.h"

/* SENDREC of PM_GETPID to PM with DF set across the trap; the flags
 * after it in *flags. */
static int getpid_df(message *m, unsigned *flags)
{
	int r, e = PM_PROC_NR;

	m->m_type = PM_GETPID;
	__asm__ volatile("std; int $0x21; pushf; pop %%edx; cld"
	    : "=a"(r), "+b"(e), "=d"(*flags) : "a"(SENDREC), "c"(m) : "memory", "cc");
	return r;
}

int test_df_syscall(void)
{
	message m;
	unsigned flags;
	int i;

	for (i = 0; i < 100; i++) {
		memset(&m, 0, sizeof(m));
		T_EQ(getpid_df(&m, &flags), 0);
		T_EQ(m.m_type, getpid());
		T_EQ(m.m_pm.i1, getppid());
		T_TRUE(flags & 0x400);	/* DF as the process left it */
	}
	return 0;
}

/* A page fault taken with DF set: the child dies of SIGSEGV, and the
 * kernel goes on. */
int test_df_fault(void)
{
	pid_t pid;
	int st, i;

	for (i = 0; i < 5; i++) {
		if ((pid = fork()) == 0) {
			__asm__ volatile("std; movl $1, 0" ::: "memory", "cc");
			_exit(0);
		}
		T_TRUE(pid > 0);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_TRUE(WIFSIGNALED(st));
		T_EQ(WTERMSIG(st), SIGSEGV);
	}
	T_TRUE(getpid() > 0);
	return 0;
}
