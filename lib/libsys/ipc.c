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

/* Fault injection (FI_KCALL, armed by sef.c): bit 31 set, then the next
 * kernel call's message word (bits 8-15) gets bit (0-4) flipped, once. */
uint32_t _fi_kcall;

/* Make kernel call nr with *m_ptr; the reply replaces it. */
int _kernel_call(int nr, message *m_ptr)
{
	int r;

	m_ptr->m_type = nr;
	if (__builtin_expect(_fi_kcall != 0, 0)) {
		((uint32_t *)m_ptr)[(_fi_kcall >> 8) & 15] ^= 1u << (_fi_kcall & 31);
		_fi_kcall = 0;
	}
	__asm__ volatile("int $0x20" : "=a"(r) : "a"(m_ptr) : "memory");
	return r != OK ? r : m_ptr->m_type;
}
