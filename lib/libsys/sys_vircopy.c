/* sys_vircopy.c - SYS_VIRCOPY: copy between two processes (privileged),
 * with MINIX's arguments; and SYS_UMAP (sys_umap), the other call on
 * plain virtual addresses.
 */
#include <minix/syslib.h>

int sys_vircopy(endpoint_t src_proc, vir_bytes src_vir, endpoint_t dst_proc,
	vir_bytes dst_vir, phys_bytes bytes, int flags)
{
	message m = { 0 };

	if (flags & ~CP_FLAG_TRY)
		return EINVAL;
	m.m_vircopy.src_ep = src_proc;
	m.m_vircopy.src_addr = src_vir;
	m.m_vircopy.dst_ep = dst_proc;
	m.m_vircopy.dst_addr = dst_vir;
	m.m_vircopy.bytes = bytes;
	return _kernel_call(SYS_VIRCOPY, &m);
}

int sys_umap(endpoint_t proc_ep, int seg, vir_bytes vir_addr, vir_bytes bytes,
	phys_bytes *phys_addr)
{
	message m = { 0 };
	int r;

	m.m_umap.endpt = proc_ep;
	m.m_umap.seg = seg;
	m.m_umap.vir_addr = vir_addr;
	m.m_umap.bytes = bytes;
	r = _kernel_call(SYS_UMAP, &m);
	if (r == OK && phys_addr)
		*phys_addr = m.m_umap.phys;
	return r;
}
