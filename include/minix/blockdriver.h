/* minix/blockdriver.h - libblockdriver: the BDEV_* protocol for block
 * drivers.  bdr_transfer gets a vector of (grant, size) pieces, already
 * read from the caller for BDEV_GATHER/SCATTER, or one piece for
 * BDEV_READ/WRITE.
 */
#ifndef _MINIX_BLOCKDRIVER_H
#define _MINIX_BLOCKDRIVER_H
#include <sys/types.h>
#include <minix/ipc.h>
#include <minix/com.h>
#include <minix/safecopies.h>

typedef struct { cp_grant_id_t iov_grant; vir_bytes iov_size; } iovec_s_t;
#define NR_IOREQS 64 /* pieces in one BDEV_GATHER/SCATTER */

struct blockdriver {
	int (*bdr_open)(devminor_t minor, int access);
	int (*bdr_close)(devminor_t minor);
	/* Bytes transferred, or an error.  endpt owns the grants. */
	ssize_t (*bdr_transfer)(devminor_t minor, int do_write, uint64_t pos,
		endpoint_t endpt, iovec_s_t *iov, unsigned int count, int flags);
	int (*bdr_ioctl)(devminor_t minor, unsigned long request, endpoint_t endpt,
		cp_grant_id_t grant);
	void (*bdr_intr)(unsigned int mask);
	void (*bdr_alarm)(clock_t stamp);
	void (*bdr_other)(message *m_ptr, int ipc_status);
};

#define IS_BDEV_RQ(type) ((type) >= BDEV_OPEN && (type) <= BDEV_IOCTL)

void blockdriver_task(const struct blockdriver *bdp) __attribute__((noreturn));
int blockdriver_announce(void);  /* as chardriver_announce() */
/* OK if every grant of iov lets the driver move its piece whole (write:
 * read from the grant), else the grant error; moves nothing. */
int blockdriver_check_iov(endpoint_t endpt, const iovec_s_t *iov,
	unsigned int count, int do_write);
void blockdriver_process(const struct blockdriver *bdp, message *m_ptr, int ipc_status);
#endif
