/* sys_fork.c - SYS_FORK: copy the caller; *child is NONE in the child. */
#include <minix/syslib.h>

int sys_fork(int flags, endpoint_t *child)
{
	message m = { 0 };
	int r;

	m.m_fork.endpt = SELF;
	m.m_fork.flags = (uint32_t)flags;
	r = _kernel_call(SYS_FORK, &m);
	if (r == OK && child)
		*child = m.m_fork.child;
	return r;
}
