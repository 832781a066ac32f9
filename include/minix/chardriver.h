/* minix/chardriver.h - libchardriver: the CDEV_* protocol for character
 * drivers, as MINIX's: fill in a struct chardriver and call
 * chardriver_task().  A read, write or ioctl that must wait returns
 * EDONTREPLY and is answered later with chardriver_reply_task().  A
 * CDEV_SELECT is answered at once (CDEV_SEL1_REPLY) with what cdr_select
 * returns; a driver asked with CDEV_NOTIFY for operations not ready yet
 * says when they are with chardriver_reply_select() (CDEV_SEL2_REPLY).
 * docs/writing-drivers.md lists what is supported.
 */
#ifndef _MINIX_CHARDRIVER_H
#define _MINIX_CHARDRIVER_H
#include <sys/types.h>
#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/safecopies.h>

/* devminor_t and cdev_id_t are in <minix/type.h>. */
struct chardriver {
	int (*cdr_open)(devminor_t minor, int access, endpoint_t user_endpt);
	int (*cdr_close)(devminor_t minor);
	ssize_t (*cdr_read)(devminor_t minor, u64_t position, endpoint_t endpt,
		cp_grant_id_t grant, size_t size, int flags, cdev_id_t id);
	ssize_t (*cdr_write)(devminor_t minor, u64_t position, endpoint_t endpt,
		cp_grant_id_t grant, size_t size, int flags, cdev_id_t id);
	int (*cdr_ioctl)(devminor_t minor, unsigned long request, endpoint_t endpt,
		cp_grant_id_t grant, int flags, endpoint_t user_endpt, cdev_id_t id);
	int (*cdr_cancel)(devminor_t minor, endpoint_t endpt, cdev_id_t id);
	/* The CDEV_OP_* of ops ready now, or an error; with CDEV_NOTIFY in
	 * ops, remember endpt and call chardriver_reply_select() later. */
	int (*cdr_select)(devminor_t minor, unsigned int ops, endpoint_t endpt);
	void (*cdr_intr)(unsigned int mask);   /* NOTIFY from HARDWARE */
	void (*cdr_alarm)(clock_t stamp);      /* NOTIFY from CLOCK */
	void (*cdr_other)(message *m_ptr, int ipc_status); /* anything else */
};

/* Publish the driver's label (its process name, which RS sets to the
 * label) -> endpoint in DS, so VFS finds it.  OK or the error (MINIX's
 * returns nothing and panics; a MINIX source's `chardriver_announce();`
 * builds the same, and an init callback may return the result). */
int chardriver_announce(void);
/* The minor a CDEV request is for: OK, or EINVAL for another message. */
int chardriver_get_minor(message *m, devminor_t *minor);
void chardriver_process(const struct chardriver *cdp, message *m_ptr,
	int ipc_status);
/* Make chardriver_task() return after the message being handled. */
void chardriver_terminate(void);
/* Receive and handle messages until chardriver_terminate(). */
void chardriver_task(const struct chardriver *cdp);
void chardriver_reply_task(endpoint_t endpt, cdev_id_t id, int r);
/* CDEV_SEL2_REPLY: the ops (CDEV_OP_*) of minor that became ready. */
void chardriver_reply_select(endpoint_t endpt, devminor_t minor, int ops);
#endif
