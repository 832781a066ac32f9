/* sys_fork.c - SYS_FORK: copy the caller (*child is NONE in the child),
 * or a managed process that waits for our reply. */
#include <minix/syslib.h>

int sys_fork_of(endpoint_t parent, int flags, endpoint_t *child)
{
	message m = { 0 };
	int r;

	m.m_fork.endpt = parent;
	m.m_fork.flags = (uint32_t)flags;
	r = _kernel_call(SYS_FORK, &m);
	if (r == OK && child)
		*child = m.m_fork.child;
	return r;
}

int sys_fork(int flags, endpoint_t *child)
{
	return sys_fork_of(SELF, flags, child);
}
