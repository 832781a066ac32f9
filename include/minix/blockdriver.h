/* minix/blockdriver.h - libblockdriver, MINIX's interface: a block
 * driver fills a struct blockdriver and calls blockdriver_task() (or its
 * own loop of sef_receive_status() and blockdriver_process()).  The
 * library decodes the BDEV_* requests (m_lbdev_lblockdriver_msg), fetches
 * a BDEV_GATHER/SCATTER vector from the caller, calls the driver and
 * replies (m_lblockdriver_lbdev_reply).  For a BLOCKDRIVER_TYPE_DISK
 * driver it answers DIOCGETP, DIOCSETP and DIOCOPENCT itself through
 * bdr_part() (and bdr_geometry()); partition() (minix/drvlib.h) reads
 * the MBR partition tables into the driver's struct devices.
 *
 * Single-threaded only: blockdriver_mt_* is not provided.  A driver that
 * must serve a request while another waits for its device keeps a queue
 * of its own (at_wini does: bdr_other gets what arrives meanwhile), or
 * calls blockdriver_mq_queue() and takes the requests back in order with
 * blockdriver_receive_mq(), as MINIX's single-threaded drivers do.
 */
#ifndef _MINIX_BLOCKDRIVER_H
#define _MINIX_BLOCKDRIVER_H
#include <minix/driver.h>
#include <minix/partition.h>

typedef int device_id_t;
typedef int thread_id_t;

/* What bdr_type says: a disk gets DIOCGETP/DIOCSETP/DIOCOPENCT answered
 * by the library; another driver gets every ioctl in bdr_ioctl. */
typedef enum {
	BLOCKDRIVER_TYPE_DISK,
	BLOCKDRIVER_TYPE_OTHER
} blockdriver_type_t;

/* A minor device's place on its disk, in bytes (MINIX's minix/driver.h). */
#ifndef _MINIX_STRUCT_DEVICE
#define _MINIX_STRUCT_DEVICE
struct device {
	u64_t dv_base;
	u64_t dv_size;
};
#endif

struct blockdriver {
	blockdriver_type_t bdr_type;
	int (*bdr_open)(devminor_t minor, int access);
	int (*bdr_close)(devminor_t minor);
	/* Bytes transferred, or an error.  iov[i].iov_addr is a grant of
	 * endpt's (endpt SELF: an address of ours, as partition() reads). */
	ssize_t (*bdr_transfer)(devminor_t minor, int do_write, u64_t pos,
		endpoint_t endpt, iovec_t *iov, unsigned int count, int flags);
	int (*bdr_ioctl)(devminor_t minor, unsigned long request,
		endpoint_t endpt, cp_grant_id_t grant, endpoint_t user_endpt);
	void (*bdr_cleanup)(void);
	struct device *(*bdr_part)(devminor_t minor);
	void (*bdr_geometry)(devminor_t minor, struct part_geom *part);
	void (*bdr_intr)(unsigned int mask);
	void (*bdr_alarm)(clock_t stamp);
	void (*bdr_other)(message *m_ptr, int ipc_status);
	int (*bdr_device)(devminor_t minor, device_id_t *id);
};

#define IS_BDEV_RQ(type) ((type) >= BDEV_OPEN && (type) <= BDEV_IOCTL)
#define NR_IOREQS 64 /* pieces in one BDEV_GATHER/SCATTER */

/* Sectors. */
#define SECTOR_SIZE	512
#define SECTOR_SHIFT	9
#define SECTOR_MASK	511
#define CD_SECTOR_SIZE	2048

/* Publish our label in DS (so VFS and the file systems find the new
 * endpoint after a restart).  type: SEF_INIT_FRESH or SEF_INIT_RESTART,
 * as the init callback got it.  Panics if DS refuses (as MINIX's). */
void blockdriver_announce(int type);
/* Serve requests until blockdriver_terminate(). */
void blockdriver_task(const struct blockdriver *bdp);
void blockdriver_process(const struct blockdriver *bdp, message *m_ptr,
	int ipc_status);
void blockdriver_reply(message *m_ptr, int ipc_status, int reply);
void blockdriver_terminate(void);
/* The one-at-a-time queue: keep a request for later (1, or 0 if the
 * queue is full); take the oldest kept one (OK), else receive a new
 * message (sef_receive_status()'s result). */
int blockdriver_mq_queue(message *m_ptr, int status);
int blockdriver_receive_mq(message *m_ptr, int *status_ptr);

/* Ours: OK if every grant of iov lets the driver move its piece whole
 * (a write reads from the grants), else the grant's error; moves
 * nothing.  Lets a driver refuse a vector before its device moves the
 * first byte.  A transfer of the driver's own (endpt itself) is OK. */
int blockdriver_check_iov(endpoint_t endpt, const iovec_t *iov,
	unsigned int count, int do_write);
/* Ours: the part of [pos, pos + *bytes) of partition dv, on a disk of
 * disk_size bytes, that lies inside both, as MINIX's drivers cut a
 * transfer: *bytes becomes 0 at or past the end (end of file), the bytes
 * up to the end across it; *abs is pos on the disk.  OK, or ENXIO if dv
 * is NULL. */
int blockdriver_range(const struct device *dv, u64_t disk_size, u64_t pos,
	u64_t *bytes, u64_t *abs);
/* Ours: cut the vector iov[0..count) to its first bytes bytes (bytes at
 * most its total): the number of elements left, the last one shortened. */
unsigned int blockdriver_clip(iovec_t *iov, unsigned int count, u64_t bytes);
#endif
