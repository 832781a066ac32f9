/* asynsend.c - asynsend(): send a message without ever waiting, even when
 * the destination is busy: it goes into a SENDA table that the kernel
 * delivers from when the destination next receives.  Drivers answer late
 * requests (a tty read) this way.  A table slot is reused once the kernel
 * marked it done.
 */
#include <string.h>
#include <minix/syslib.h>

#define ASYN_SLOTS 64

static asynmsg_t table[ASYN_SLOTS];

int asynsend(endpoint_t dst, const message *m)
{
	int i;

	for (i = 0; i < ASYN_SLOTS; i++)
		if (table[i].flags == AMF_EMPTY || (table[i].flags & AMF_DONE))
			break;
	if (i == ASYN_SLOTS)
		return ENOSPC;
	table[i].dst = dst;
	table[i].msg = *m;
	table[i].result = 0;
	table[i].flags = AMF_VALID | AMF_NOREPLY;
	return ipc_senda(table, ASYN_SLOTS);
}
