/* exectest.c - the program the exec test loads with SYS_EXEC (it is
 * linked into the runner as a blob).  argv[1] is the tester's endpoint,
 * argv[2] a number; it reports argc * 1000 + that number + the length of
 * the environment string, then checks that its text is read-only by
 * writing to it (the tester expects SIGSEGV).
 */
#include <stdlib.h>
#include <string.h>
#include <minix/syslib.h>

#define EXEC_REPORT 0x600

int main(int argc, char **argv, char **envp)
{
	message m;
	endpoint_t tester;

	if (argc < 3)
		return 1;
	tester = (endpoint_t)atoi(argv[1]);
	memset(&m, 0, sizeof(m));
	m.m_type = EXEC_REPORT;
	m.m1_i1 = argc * 1000 + atoi(argv[2]) + (envp[0] ? (int)strlen(envp[0]) : 0);
	ipc_sendrec(tester, &m);
	*(volatile char *)(void *)main = 0; /* text is read-only */
	return 0;
}
