/* minix/chardriver.h - libchardriver: the CDEV_* protocol for character
 * drivers, MINIX-compatible in spirit: fill in a struct chardriver and
 * call chardriver_task().  A read or ioctl that must wait returns
 * EDONTREPLY and is answered later with chardriver_reply_task().
 */
#ifndef _MINIX_CHARDRIVER_H
#define _MINIX_CHARDRIVER_H
#include <sys/types.h>
#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/safecopies.h>

typedef int devminor_t;
typedef uint32_t cdev_id_t;

struct chardriver {
	int (*cdr_open)(devminor_t minor, int access, endpoint_t user_endpt);
	int (*cdr_close)(devminor_t minor);
	ssize_t (*cdr_read)(devminor_t minor, uint64_t position, endpoint_t endpt,
		cp_grant_id_t grant, size_t size, int flags, cdev_id_t id);
	ssize_t (*cdr_write)(devminor_t minor, uint64_t position, endpoint_t endpt,
		cp_grant_id_t grant, size_t size, int flags, cdev_id_t id);
	int (*cdr_ioctl)(devminor_t minor, unsigned long request, endpoint_t endpt,
		cp_grant_id_t grant, int flags, endpoint_t user_endpt, cdev_id_t id);
	int (*cdr_cancel)(devminor_t minor, endpoint_t endpt, cdev_id_t id);
	void (*cdr_intr)(unsigned int mask);   /* NOTIFY from HARDWARE */
	void (*cdr_alarm)(clock_t stamp);      /* NOTIFY from CLOCK */
	void (*cdr_other)(message *m_ptr, int ipc_status); /* anything else */
};

/* Is m a request of the CDEV protocol? */
#define IS_CDEV_RQ(type) ((type) >= CDEV_OPEN && (type) <= CDEV_CANCEL)

void chardriver_task(const struct chardriver *cdp) __attribute__((noreturn));
void chardriver_process(const struct chardriver *cdp, message *m_ptr, int ipc_status);
void chardriver_reply_task(endpoint_t endpt, cdev_id_t id, int r);
/* Tell the system the driver is up: publish its label (its process name,
 * which RS sets to the label) -> endpoint in DS. */
int chardriver_announce(void);
#endif
