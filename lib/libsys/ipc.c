/* ipc.c - the IPC traps (int 0x21) and the kernel call trap (int 0x20). */
#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/errno.h>

/* The kernel returns the result in eax and, for a message received, the
 * IPC status in ebx (how it was sent: IPC_STATUS_CALL). */
static inline int ipc_trap_status(int call, endpoint_t e, void *buf, int *status)
{
	int r;
	__asm__ volatile("int $0x21" : "=a"(r), "+b"(e) : "a"(call), "c"(buf) : "memory");
	*status = e;
	return r;
}

static inline int ipc_trap(int call, endpoint_t e, void *buf)
{
	int status;
	return ipc_trap_status(call, e, buf, &status);
}

int ipc_send(endpoint_t dest, message *m_ptr) { return ipc_trap(SEND, dest, m_ptr); }
int ipc_sendnb(endpoint_t dest, message *m_ptr) { return ipc_trap(SENDNB, dest, m_ptr); }
int ipc_sendrec(endpoint_t src_dest, message *m_ptr) { return ipc_trap(SENDREC, src_dest, m_ptr); }
int ipc_notify(endpoint_t dest) { return ipc_trap(NOTIFY, dest, NULL); }
int ipc_senda(asynmsg_t *table, size_t count) { return ipc_trap(SENDA, (endpoint_t)count, table); }

int ipc_receive(endpoint_t src, message *m_ptr, int *status_ptr)
{
	int status, r = ipc_trap_status(RECEIVE, src, m_ptr, &status);

	if (status_ptr)
		*status_ptr = r == OK ? status : 0;
	return r;
}

/* Fault injection (FI_KCALL, armed by sef.c): bit 31 set, then one
 * argument word of the next kernel call that has one gets bit (0-4)
 * flipped, once: the (sel mod n)-th of its n argument words, sel being
 * bits 8-15.  Argument words are the ones an interface fault is about:
 * an endpoint, a grant ID, an offset, an address, a length, a port or a
 * count, never data (a memset's pattern, a value written to a port), a
 * request code or flags.  Calls without one leave the fault armed. */
uint32_t _fi_kcall;

#include <stddef.h>
#define ARG(type, f)	(1u << (2 + offsetof(type, f) / 4))

static uint32_t kcall_args(int nr)
{
	switch (nr) {
	case SYS_SAFECOPYFROM: case SYS_SAFECOPYTO:
		return ARG(mess_krn_safecopy, from_to) | ARG(mess_krn_safecopy, gid) |
		    ARG(mess_krn_safecopy, offset) | ARG(mess_krn_safecopy, address) |
		    ARG(mess_krn_safecopy, bytes);
	case SYS_VSAFECOPY:
		return ARG(mess_krn_vsafecopy, vec_addr) | ARG(mess_krn_vsafecopy, vec_size);
	case SYS_SAFEMEMSET:
		return ARG(mess_krn_safememset, ep) | ARG(mess_krn_safememset, gid) |
		    ARG(mess_krn_safememset, offset) | ARG(mess_krn_safememset, bytes);
	case SYS_SDEVIO:
		return ARG(mess_krn_sdevio, port) | ARG(mess_krn_sdevio, vec_endpt) |
		    ARG(mess_krn_sdevio, vec_addr) | ARG(mess_krn_sdevio, vec_size) |
		    ARG(mess_krn_sdevio, offset);
	case SYS_DEVIO:
		return ARG(mess_krn_devio, port);
	case SYS_VUMAP:
		return ARG(mess_krn_vumap, endpt) | ARG(mess_krn_vumap, vaddr) |
		    ARG(mess_krn_vumap, vcount) | ARG(mess_krn_vumap, offset) |
		    ARG(mess_krn_vumap, paddr) | ARG(mess_krn_vumap, pmax);
	case SYS_VUMAP_RELEASE:
		return ARG(mess_krn_vumap_release, paddr) | ARG(mess_krn_vumap_release, pcount);
	case SYS_VIRCOPY:
		return ARG(mess_krn_vircopy, src_ep) | ARG(mess_krn_vircopy, src_addr) |
		    ARG(mess_krn_vircopy, dst_ep) | ARG(mess_krn_vircopy, dst_addr) |
		    ARG(mess_krn_vircopy, bytes);
	case SYS_UMAP:
		return ARG(mess_krn_umap, endpt) | ARG(mess_krn_umap, vir_addr) |
		    ARG(mess_krn_umap, bytes);
	case SYS_VMCTL:
		return ARG(mess_krn_vmctl, endpt) | ARG(mess_krn_vmctl, addr) |
		    ARG(mess_krn_vmctl, len) | ARG(mess_krn_vmctl, phys);
	case SYS_GETINFO:
		return ARG(mess_krn_getinfo, endpt) | ARG(mess_krn_getinfo, val_ptr) |
		    ARG(mess_krn_getinfo, val_len);
	case SYS_IRQCTL:
		return ARG(mess_krn_irqctl, hook_id);
	case SYS_KILL:
		return ARG(mess_krn_proc, endpt);
	case SYS_TIMES:
		return ARG(mess_krn_times, endpt);
	default:
		return 0;
	}
}

static void fi_kcall_fire(message *m_ptr)
{
	uint32_t args = kcall_args(m_ptr->m_type), a;
	unsigned n = (unsigned)__builtin_popcount(args), k, w;

	if (n == 0)
		return;		/* still armed: the next call */
	k = ((_fi_kcall >> 8) & 0xff) % n;
	for (a = args, w = 0; a; a &= a - 1, w++)
		if (w == k)
			break;
	((uint32_t *)m_ptr)[__builtin_ctz(a)] ^= 1u << (_fi_kcall & 31);
	_fi_kcall = 0;
}

/* Make kernel call nr with *m_ptr; the reply replaces it. */
int _kernel_call(int nr, message *m_ptr)
{
	int r;

	m_ptr->m_type = nr;
	if (__builtin_expect(_fi_kcall != 0, 0))
		fi_kcall_fire(m_ptr);
	__asm__ volatile("int $0x20" : "=a"(r) : "a"(m_ptr) : "memory");
	return r != OK ? r : m_ptr->m_type;
}
