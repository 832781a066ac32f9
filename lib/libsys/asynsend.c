/* asynsend.c - asynsend(): send a message without ever waiting, even when
 * the destination is busy.  If the destination already waits for us (a
 * caller blocked in SENDREC waiting for its reply, the common case) the
 * message goes at once with a non-blocking SENDNB.  Otherwise, or while an
 * earlier message to the same destination still waits in the table (order
 * is kept), it goes into the SENDA table that the kernel delivers from
 * when the destination next receives.  Only the used part of the table,
 * up to its last busy slot, is handed to the kernel, which reads every
 * entry it is given.  A slot is reused once the kernel marked it done.
 * Returns OK, or the error of the SENDNB (a dead destination:
 * EDEADSRCDST) or of SENDA.
 */
#include <string.h>
#include <minix/syslib.h>

#define ASYN_SLOTS 64

static asynmsg_t table[ASYN_SLOTS];
static unsigned top;	/* slots [top, ASYN_SLOTS) are all free */

static int slot_free(const asynmsg_t *a)
{
	return a->flags == AMF_EMPTY || (a->flags & AMF_DONE);
}

int asynsend(endpoint_t dst, const message *m)
{
	unsigned i, slot = ASYN_SLOTS;
	int queued = 0, r;

	for (i = 0; i < top; i++) {
		if (slot_free(&table[i])) {
			if (slot == ASYN_SLOTS)
				slot = i;
		} else if (table[i].dst == dst) {
			queued = 1;
		}
	}
	if (!queued) {
		r = ipc_sendnb(dst, (message *)m);
		if (r != ENOTREADY)
			return r;
	}
	if (slot == ASYN_SLOTS && (slot = top) == ASYN_SLOTS)
		return ENOSPC;
	table[slot].dst = dst;
	table[slot].msg = *m;
	table[slot].result = 0;
	table[slot].flags = AMF_VALID | AMF_NOREPLY;
	if (slot >= top)
		top = slot + 1;
	while (top > 0 && slot_free(&table[top - 1]))
		top--;
	return ipc_senda(table, top);
}
