/* sys_exec.c - SYS_EXEC: replace a managed process's program. */
#include <string.h>
#include <minix/syslib.h>

static int exec_call(endpoint_t proc_ep, const void *img, size_t img_len,
	const void *frame, size_t frame_len, const char *name, vir_bytes *ip, int flags)
{
	message m = { 0 };
	int r;

	m.m_exec.flags = flags;
	m.m_exec.endpt = proc_ep;
	m.m_exec.img = (vir_bytes)img;
	m.m_exec.img_len = img_len;
	m.m_exec.frame = (vir_bytes)frame;
	m.m_exec.frame_len = frame_len;
	if (name)
		strncpy(m.m_exec.name, name, sizeof(m.m_exec.name) - 1);
	r = _kernel_call(SYS_EXEC, &m);
	if (r == OK && ip)
		*ip = m.m_exec.ip;
	return r;
}

int sys_exec(endpoint_t proc_ep, const void *img, size_t img_len,
	const void *frame, size_t frame_len, const char *name, vir_bytes *ip)
{
	return exec_call(proc_ep, img, img_len, frame, frame_len, name, ip, 0);
}

int sys_exec_check(endpoint_t proc_ep, const void *img, size_t img_len,
	const void *frame, size_t frame_len)
{
	return exec_call(proc_ep, img, img_len, frame, frame_len, NULL, NULL, EXEC_CHECK);
}
