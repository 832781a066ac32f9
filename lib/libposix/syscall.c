/* syscall.c - _syscall(): one system call is one SENDREC to PM or VFS.
 *
 * The request type goes in m_type; the server's reply overwrites the
 * message, and its m_type is the result: >= 0 (a count, a descriptor, a
 * pid, OK) or a negative E*.  An IPC failure (the server is gone, the call
 * is not allowed) is returned the same way.
 */
#include "posix.h"

int _syscall(endpoint_t who, int type, message *m)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(who, m)) != OK)
		return r;
	return m->m_type;
}
