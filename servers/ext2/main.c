/* main.c - the ext2 file system server: answers VFS's REQ_* requests
 * with the ext2fs.c library, reading and writing the disk through a
 * block driver (BDEV_READ / BDEV_WRITE with a direct grant to a cache
 * buffer).
 *
 * Runs of consecutive blocks go in one BDEV_GATHER (read-ahead) or
 * BDEV_SCATTER (write-back) request.  A driver that dies under a request
 * is waited for and asked again; one that answers a read it did not do
 * (the buffers' poison is still there) or fails a request has RS restart
 * it and is asked once more (bdev_io, docs/storage.md).
 *
 * File data goes between the block cache and the grant VFS passed (a
 * magic grant to the user's buffer) and nowhere else, in sys_vsafecopy
 * batches of block pieces, straight from or into the cache buffers.  Changes stay in the cache
 * until REQ_SYNC (sync, fsync, unmount, power-off), a dirty buffer's
 * eviction, or the periodic flush every FLUSH_SECS seconds (a kernel
 * alarm; the NOTIFY from CLOCK writes everything back).  Permissions are
 * VFS's business; the requests carry the caller's uid and gid only to
 * own what it makes.
 */
#include <stdio.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/blockdriver.h>
#include <minix/ds.h>
#include <minix/rs.h>
#include <minix/minlib.h>
#include "ext2fs.h"

/* 512 buffers of 4 KiB, or about 2000 of 1 KiB: a few MiB of files stay
 * cached (the RAM disk is 16 MiB). */
#define CACHE_BYTES EXT2_CACHE_BYTES(512, 4096)

#define FLUSH_SECS 5

static struct ext2_fs fs;
static uint8_t cache[CACHE_BYTES] __attribute__((aligned(16)));
static int mounted;
static endpoint_t dev_ep;
static int dev_minor;
static time_t boot_time;
static int hz = 100;
static int alarm_set;
static unsigned bdev_requests, bdev_restarts;

/* The disk driver: its label (its process name, which RS sets; DS maps
 * it to the current endpoint) and the endpoint we send to. */
static char dev_label[DS_MAX_KEYLEN];

/* DS told us something changed: take the driver's endpoint if its label
 * was published again (a restart). */
static void ds_news(void)
{
	char key[DS_MAX_KEYLEN];
	endpoint_t owner, ep;
	int type;

	while (ds_check(key, &type, &owner) == OK)
		if (dev_label[0] && strcmp(key, dev_label) == 0 &&
		    (type & DSF_MASK_TYPE) == DSF_TYPE_LABEL &&
		    ds_retrieve_label_endpt(dev_label, &ep) == OK)
			dev_ep = ep;
}

/* The driver died under a request: wait until RS has started it again
 * and it has published its label with a new endpoint (DS's NOTIFY), so
 * the request can be sent again.  A driver taken down for good loses its
 * label (RS deletes it): EIO then, at once for every later request too,
 * until a driver publishes the label again. */
static int wait_driver(endpoint_t dead)
{
	endpoint_t ep;
	message m;
	int status;

	if (!dev_label[0])
		return EIO;
	for (;;) {
		ds_news();
		if (dev_ep == dead) {
			if (ds_retrieve_label_endpt(dev_label, &ep) != OK)
				return EIO;	/* down for good */
			dev_ep = ep;
		}
		if (dev_ep != dead)
			return OK;
		/* Nothing new yet: sleep until DS has news for us. */
		if (ipc_receive(DS_PROC_NR, &m, &status) != OK)
			return EIO;
	}
}

/* How a block request ended (bdev_once). */
enum { B_OK, B_DIED, B_LIED, B_SKIPPED, B_ERROR, B_LOCAL };

static int req_id;		/* the last request's id */
static uint64_t poison_nonce;	/* per instance: the read poison */
static unsigned bdev_lies, bdev_errors;
/* The last request that failed on two driver instances: its error is
 * the device's, not a fault; the same failure again is not retried. */
static struct { int type; uint32_t first, count; } last_bad = { -1, 0, 0 };

/* splitmix64's step: the nonce from the time-stamp counter, the uptime
 * and our endpoint, mixed. */
static uint64_t mix64(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void make_nonce(void)
{
	uint64_t t;

	read_tsc_64(&t);
	poison_nonce = mix64(t ^ mix64((uint64_t)getticks() << 32 |
	    (uint32_t)sef_self()));
	if (poison_nonce == 0)
		poison_nonce = 0x5045584932534543ULL;
}

/* Before a read: the first 16 bytes of every 512-byte sector of the
 * buffers get the poison of that sector (the nonce, the sector number).
 * After a read answered as whole, a sector that still has it was never
 * written: the driver lied.  1 if one has, else 0. */
static int poison(int check, uint64_t pos, uint32_t bsize, uint32_t count,
	void *const *bufs)
{
	uint64_t sec = pos / 512, mark[2];
	uint32_t n, s;

	mark[0] = poison_nonce;
	for (n = 0; n < count; n++)
		for (s = 0; s < bsize; s += 512, sec++) {
			uint8_t *p = (uint8_t *)bufs[n] + s;
			mark[1] = sec;
			if (!check)
				memcpy(p, mark, sizeof(mark));
			else if (memcmp(p, mark, sizeof(mark)) == 0)
				return 1;
		}
	return 0;
}

/* Did the driver move every byte of the count blocks through their
 * grants (the kernel's count, cp_moved: copies, port I/O and DMA
 * ranges)?  1 if it did. */
static int moved_all(const iovec_s_t *iov, uint32_t count, uint32_t bsize)
{
	vir_bytes moved;
	uint32_t i;

	for (i = 0; i < count; i++)
		if (cpf_moved(iov[i].iov_grant, &moved) != 0 || moved < bsize)
			return 0;
	return 1;
}

/* One block request, grants made for the current driver endpoint:
 * BDEV_READ / BDEV_WRITE of one block (a direct grant to the buffer), or
 * BDEV_GATHER / BDEV_SCATTER of count consecutive blocks (a vector of
 * direct grants, itself granted).  How it ended (B_*), and in *rp the
 * error: B_DIED if the driver died before it answered (EDEADSRCDST: it
 * died holding the request, or was already dead); B_ERROR if it answered
 * with an error, a short count (EIO: it cut the transfer at its device's
 * end, as MINIX's do, or it failed; the buffers are not used) or not
 * this request's answer; B_LIED if a read's buffers, poisoned before it,
 * still hold the poison after an answer that says all was read;
 * B_SKIPPED if an answer says all was done but the kernel moved fewer
 * bytes through the buffers' grants (a write the driver never took, a
 * copy a fault cut short).  Both are lies, dealt with alike. */
static int bdev_once(int type, uint32_t first, uint32_t bsize,
	uint32_t count, void *const *bufs, int *rp)
{
	static iovec_s_t iov[EXT2_WRITE_RUN];
	uint64_t pos = (uint64_t)first * bsize;
	int vec = type == BDEV_GATHER || type == BDEV_SCATTER;
	int rd = type == BDEV_READ || type == BDEV_GATHER;
	int access = rd ? CPF_WRITE : CPF_READ;
	cp_grant_id_t gv = GRANT_INVALID;
	uint32_t i, n, want = count * bsize;
	endpoint_t ep = dev_ep;
	message m;
	int r, kind = B_LOCAL;

	*rp = ENOMEM;
	for (n = 0; n < count; n++) {
		iov[n].iov_grant = cpf_grant_direct(ep, (vir_bytes)bufs[n],
		    bsize, access);
		iov[n].iov_size = bsize;
		if (iov[n].iov_grant < 0)
			goto out;
	}
	if (vec && (gv = cpf_grant_direct(ep, (vir_bytes)iov,
	    count * sizeof(iov[0]), CPF_READ)) < 0)
		goto out;
	if (rd)
		poison(0, pos, bsize, count, bufs);
	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_lbdev_lblockdriver_msg.minor = dev_minor;
	m.m_lbdev_lblockdriver_msg.pos = pos;
	m.m_lbdev_lblockdriver_msg.grant = vec ? gv : iov[0].iov_grant;
	m.m_lbdev_lblockdriver_msg.count = (int)(vec ? count : bsize);
	if (++req_id <= 0)
		req_id = 1;
	m.m_lbdev_lblockdriver_msg.id = req_id;
	bdev_requests++;
	if ((r = ipc_sendrec(ep, &m)) == EDEADSRCDST) {
		kind = B_DIED;
		*rp = r;
		goto out;
	}
	kind = B_ERROR;
	if (r != OK || m.m_type != BDEV_REPLY ||
	    m.m_lblockdriver_lbdev_reply.id != req_id) {
		*rp = EIO;	/* not an answer to this request */
	} else if ((r = m.m_lblockdriver_lbdev_reply.status) != (int)want) {
		*rp = r < 0 ? r : EIO;
	} else if (rd && poison(1, pos, bsize, count, bufs)) {
		kind = B_LIED;
	} else if (!moved_all(iov, count, bsize)) {
		kind = B_SKIPPED;
	} else {
		kind = B_OK;
		*rp = OK;
	}
out:
	if (gv >= 0)
		cpf_revoke(gv);
	for (i = 0; i < n; i++)
		cpf_revoke(iov[i].iov_grant);
	return kind;
}

/* Driver ep broke the rule of block requests (why): have RS restart it
 * (RS_DRIVER_FAULT, as VFS does), as if it had died.  OK if RS took it. */
static int driver_fault(endpoint_t ep, const char *why)
{
	message m;
	int r;

	if (!dev_label[0] || dev_ep != ep)
		return ESRCH;
	printf("ext2: driver %s: %s; restarting it\n", dev_label, why);
	memset(&m, 0, sizeof(m));
	m.m_type = RS_DRIVER_FAULT;
	strncpy(m.m_rs.label, dev_label, sizeof(m.m_rs.label) - 1);
	if ((r = ipc_sendrec(RS_PROC_NR, &m)) == OK)
		r = m.m_type;
	if (r != OK)
		printf("ext2: RS did not restart %s: %d\n", dev_label, r);
	return r;
}

/* A block request, sent again to the driver's next instance if the
 * driver dies before it answers: the caller never sees the restart.
 * Reads and writes of whole blocks are idempotent, so sending one twice
 * does no harm.  A driver that is alive but fails the request is
 * restarted (driver_fault) and asked once more, the new instance
 * (docs/storage.md "When the disk driver fails"):
 * - a read answered as done whose buffers still hold the poison: a lie;
 *   EIO if the new instance lies too;
 * - an error or a short count: maybe a fault (a kernel call with a bad
 *   argument fails with EINVAL); if the new instance fails the same way,
 *   it is the device's error, which the caller gets, and the same
 *   request failing again later gets it at once, with no restart. */
static int bdev_io(int type, uint32_t first, uint32_t bsize, uint32_t count,
	void *const *bufs)
{
	static const char *const whys[] = { [B_LIED] =
	    "a read answered but not done", [B_SKIPPED] =
	    "a transfer answered but not made", [B_ERROR] =
	    "a block request failed" };
	endpoint_t ep;
	int r, kind, tries = 0;

	if (count == 0 || count > EXT2_WRITE_RUN || count > NR_IOREQS)
		return EINVAL;
	for (;;) {
		ep = dev_ep;
		kind = bdev_once(type, first, bsize, count, bufs, &r);
		if (kind == B_OK) {
			if (last_bad.type == type && last_bad.first == first)
				last_bad.type = -1;
			return OK;
		}
		if (kind == B_LOCAL)
			return r;	/* ours: no grant, no send */
		if (kind == B_ERROR) {
			if (last_bad.type == type && last_bad.first == first &&
			    last_bad.count == count)
				return r;	/* the device's, known */
			bdev_errors++;
		} else if (kind == B_LIED || kind == B_SKIPPED) {
			bdev_lies++;
		}
		if (kind != B_DIED) {
			if (kind == B_ERROR && tries > 0) {
				last_bad.type = type;
				last_bad.first = first;
				last_bad.count = count;
				printf("ext2: driver %s: a block request "
				    "failed again (%d): the device's error\n",
				    dev_label, r);
				return r;
			}
			if (driver_fault(ep, whys[kind]) != OK)
				return kind == B_ERROR ? r : EIO;
			if (tries++ > 0) {
				(void)wait_driver(ep);
				return EIO;	/* lied twice */
			}
		}
		bdev_restarts++;
		if ((r = wait_driver(ep)) != OK)
			return r;
	}
}

/* The library's block reader and writer: one block. */
static int read_block(void *ctx, uint32_t block, uint32_t bsize, void *buf)
{
	(void)ctx;
	return bdev_io(BDEV_READ, block, bsize, 1, &buf);
}

static int write_block(void *ctx, uint32_t block, uint32_t bsize,
	const void *buf)
{
	void *b = (void *)buf;

	(void)ctx;
	return bdev_io(BDEV_WRITE, block, bsize, 1, &b);
}

/* The library's run writer and reader (write-back, read-ahead): count
 * consecutive blocks from first on, in one BDEV_SCATTER or BDEV_GATHER. */
static int write_blocks(void *ctx, uint32_t first, uint32_t bsize,
	uint32_t count, const void *const *bufs)
{
	(void)ctx;
	return bdev_io(BDEV_SCATTER, first, bsize, count, (void *const *)bufs);
}

static int read_blocks(void *ctx, uint32_t first, uint32_t bsize,
	uint32_t count, void *const *bufs)
{
	(void)ctx;
	return bdev_io(BDEV_GATHER, first, bsize, count, bufs);
}

/* Seconds since the epoch: the boot time plus the uptime. */
static uint32_t now(void *ctx)
{
	clock_t up = 0;

	(void)ctx;
	if (sys_times(SELF, NULL, NULL, &up, NULL) != OK)
		return (uint32_t)boot_time;
	return (uint32_t)(boot_time + up / hz);
}

/* Changes reach the disk within FLUSH_SECS: the alarm is armed when
 * something is dirty, and its NOTIFY writes everything back. */
static void arm_flush(void)
{
	if (!alarm_set && ext2_dirty_count(&fs) > 0 &&
	    sys_setalarm((clock_t)(FLUSH_SECS * hz), 0) == OK)
		alarm_set = 1;
}

static void flush_alarm(void)
{
	int r;

	alarm_set = 0;
	if (mounted && (r = ext2_sync(&fs)) != OK)
		printf("ext2: periodic flush failed: %d\n", r);
}

static uint64_t pos_of(const message *m)
{
	return ((uint64_t)m->m_fs.pos_hi << 32) | m->m_fs.pos_lo;
}

static void set_pos(message *m, uint64_t pos)
{
	m->m_fs.pos_lo = (uint32_t)pos;
	m->m_fs.pos_hi = (uint32_t)(pos >> 32);
}

/* Describe inode ino in the reply. */
static int describe(message *m, uint32_t ino)
{
	struct ext2_inode_info in;
	int r;

	if ((r = ext2_read_inode(&fs, ino, &in)) != OK)
		return r;
	m->m_fs.r_ino = ino;
	m->m_fs.r_mode = in.mode;
	m->m_fs.r_size_lo = (uint32_t)in.size;
	m->m_fs.r_size_hi = (uint32_t)(in.size >> 32);
	m->m_fs.r_nlink = in.links;
	m->m_fs.uid = in.uid;
	m->m_fs.gid = in.gid;
	return OK;
}

/* The driver's label, from DS (the name it published its endpoint
 * under); DS tells us when it is published again, with a new endpoint
 * after a restart.  Without a label (a driver DS does not know), a
 * driver's death is an EIO. */
static void learn_label(void)
{
	char re[DS_MAX_KEYLEN + 2];

	dev_label[0] = '\0';
	if (ds_retrieve_label_name(dev_label, dev_ep) != OK ||
	    strlen(dev_label) + 3 > sizeof(re)) {
		dev_label[0] = '\0';
		return;
	}
	snprintf(re, sizeof(re), "^%s$", dev_label);
	if (ds_subscribe(re, 0) != OK) {
		dev_label[0] = '\0';
		return;
	}
	ds_news();	/* forget what changed before */
}

static int do_readsuper(message *m)
{
	struct ext2_dev dev = { .read_block = read_block,
	    .read_blocks = read_blocks, .write_block = write_block,
	    .write_blocks = write_blocks, .now = now };
	clock_t up;
	int r;

	if (mounted)
		return EBUSY;
	dev_ep = m->m_fs.dev;
	dev_minor = m->m_fs.minor;
	learn_label();
	hz = sys_hz();
	if (sys_times(SELF, NULL, NULL, &up, &boot_time) != OK)
		boot_time = 0;
	if ((r = ext2_mount(&fs, &dev, cache, sizeof(cache))) != OK)
		return r;
	mounted = 1;
	return describe(m, 2 /* the root directory */);
}

static int do_lookup(message *m)
{
	char name[EXT2_NAME_MAX + 1];
	uint32_t ino;
	int r;

	if (m->m_fs.count == 0)
		return EINVAL;
	if (m->m_fs.count > EXT2_NAME_MAX)
		return ENAMETOOLONG;
	if ((r = sys_safecopyfrom(m->m_source, m->m_fs.grant, 0, (vir_bytes)name,
	    m->m_fs.count)) != OK)
		return r;
	if (memchr(name, '/', m->m_fs.count) || memchr(name, '\0', m->m_fs.count))
		return EINVAL;
	if ((r = ext2_lookup(&fs, m->m_fs.ino, name, m->m_fs.count, &ino)) != OK)
		return r;
	return describe(m, ino);
}

/* A device inode's number as e2fsprogs reads it: the old encoding in
 * i_block[0] (major << 8 | minor), else the new one in i_block[1] (minor
 * bits 0-7 and 20-31, major bits 8-19); ours is major << 8 | minor. */
static uint32_t dev_number(const struct ext2_inode_info *in)
{
	uint32_t b = in->block[0], ma, mi;

	if (b != 0)
		return ((b >> 8) & 0xff) << 8 | (b & 0xff);
	b = in->block[1];
	ma = (b & 0xfff00) >> 8;
	mi = (b & 0xff) | ((b >> 12) & 0xfff00);
	return (ma & 0xff) << 8 | (mi & 0xff);
}

static int do_stat(message *m)
{
	struct ext2_inode_info in;
	struct stat st;
	int r;

	if ((r = ext2_read_inode_open(&fs, m->m_fs.ino, &in)) != OK)
		return r;
	memset(&st, 0, sizeof(st));
	st.st_dev = (dev_t)dev_minor;
	st.st_ino = in.ino;
	st.st_mode = in.mode;
	st.st_nlink = in.links;
	st.st_uid = in.uid;
	st.st_gid = in.gid;
	st.st_size = (off_t)in.size;
	st.st_atime = in.atime;
	st.st_mtime = in.mtime;
	st.st_ctime = in.ctime;
	st.st_blksize = fs.block_size;
	st.st_blocks = in.blocks;
	if ((in.mode & EXT2_S_IFMT) == EXT2_S_IFCHR || (in.mode & EXT2_S_IFMT) == EXT2_S_IFBLK)
		st.st_rdev = dev_number(&in);
	return sys_safecopyto(m->m_source, m->m_fs.grant, 0, (vir_bytes)&st, sizeof(st));
}

/* Access times as Linux's relatime, less its daily update: a read sets
 * atime only when it is not later than mtime or ctime, so reading a file
 * again costs no clock call and dirties nothing. */
static void touch_atime(struct ext2_inode_info *in)
{
	if (in->atime > in->mtime && in->atime > in->ctime)
		return;
	in->atime = now(NULL);
	(void)ext2_write_inode(&fs, in);
}

/* Read: pieces from the cache straight into the caller's grant, up to
 * BATCH pieces per kernel call (vsafecopy); a piece is one block, or up
 * to EXT2_MERGE_MAX cached blocks of the file that lie one after the
 * other in the cache's memory.  The cache pointers of a batch must stay
 * valid until it is sent: a piece touches at most EXT2_MERGE_MAX data
 * blocks and three indirect ones and reads ahead at most EXT2_WRITE_RUN,
 * and the cache evicts the least recently used of its buffers, so with
 * more than (EXT2_MERGE_MAX + 3) * BATCH + EXT2_WRITE_RUN buffers none of
 * the batch's blocks can go.  With fewer, pieces go one at a time. */
#define BATCH 16

static int do_read(message *m)
{
	struct vscp_vec v[BATCH];
	struct ext2_inode_info in;
	uint64_t pos = pos_of(m);
	size_t done = 0, sent = 0, want = m->m_fs.count;
	int batch = fs.nbuf > (EXT2_MERGE_MAX + 3) * BATCH + EXT2_WRITE_RUN ?
	    BATCH : 1;
	int n = 0, r = OK, k, i;

	if ((r = ext2_read_inode_open(&fs, m->m_fs.ino, &in)) != OK)
		return r;
	if (EXT2_S_ISDIR(in.mode))
		return EISDIR;
	for (;;) {
		const void *data;
		size_t chunk = 0;
		if (done < want &&
		    (r = ext2_read_chunk(&fs, &in, pos, want - done, &data, &chunk)) == OK &&
		    chunk) {
			v[n++] = (struct vscp_vec){ SELF, m->m_source, m->m_fs.grant, done,
			    (vir_bytes)data, chunk };
			done += chunk, pos += chunk;
		}
		/* Send a full batch, or what is left at the end. */
		if (n && (n == batch || chunk == 0)) {
			/* One piece (a small read): a plain safecopy,
			 * no vector for the kernel to fetch. */
			int rv;
			k = 0;
			rv = n == 1 ? sys_safecopyto(m->m_source,
			    m->m_fs.grant, v[0].v_offset, v[0].v_addr,
			    v[0].v_bytes) : sys_vsafecopy_done(v, n, &k);
			if (rv != OK) {
				/* The pieces before the failing one arrived. */
				for (i = 0; i < k; i++)
					sent += v[i].v_bytes;
				return sent ? (int)sent : rv;
			}
			sent = done;
			n = 0;
		}
		if (chunk == 0)
			break; /* end of file, the count reached, or an error */
	}
	if (r != OK && sent == 0)
		return r;
	set_pos(m, (uint64_t)pos_of(m) + sent);
	if (sent > 0)
		touch_atime(&in);
	return (int)sent;
}

/* Statvfs: sizes and free counts from the superblock. */
static int do_statvfs(message *m)
{
	const struct ext2_super *sb = &fs.sb;
	struct statvfs sv;

	memset(&sv, 0, sizeof(sv));
	sv.f_bsize = sv.f_frsize = fs.block_size;
	sv.f_blocks = sb->s_blocks_count;
	sv.f_bfree = sb->s_free_blocks_count;
	sv.f_bavail = sb->s_free_blocks_count > sb->s_r_blocks_count ?
	    sb->s_free_blocks_count - sb->s_r_blocks_count : 0;
	sv.f_files = sb->s_inodes_count;
	sv.f_ffree = sv.f_favail = sb->s_free_inodes_count;
	sv.f_fsid = (unsigned long)dev_minor;
	sv.f_namemax = EXT2_NAME_MAX;
	return sys_safecopyto(m->m_source, m->m_fs.grant, 0, (vir_bytes)&sv,
	    sizeof(sv));
}

/* Getdents: whole <dirent.h> records while they fit. */
static int do_getdents(message *m)
{
	static uint8_t buf[4096] __attribute__((aligned(8)));
	struct ext2_dirent_info de;
	uint64_t pos = pos_of(m), next;
	size_t used = 0, room = m->m_fs.count < sizeof(buf) ? m->m_fs.count : sizeof(buf);
	int r;

	for (;;) {
		struct dirent *d;
		size_t len;
		next = pos;
		if ((r = ext2_readdir(&fs, m->m_fs.ino, &next, &de)) < 0) {
			if (!used)
				return r;
			break; /* hand out what was read before the error */
		}
		if (r == 0)
			break;
		len = DIRENT_RECLEN(de.name_len);
		if (used + len > room) {
			if (used == 0)
				return EINVAL; /* not even one record fits */
			break;
		}
		d = (struct dirent *)(buf + used);
		memset(d, 0, len);
		d->d_ino = de.ino;
		d->d_off = (off_t)next;
		d->d_reclen = (unsigned short)len;
		d->d_type = de.file_type == EXT2_FT_DIR ? DT_DIR :
		    de.file_type == EXT2_FT_REG_FILE ? DT_REG :
		    de.file_type == EXT2_FT_SYMLINK ? DT_LNK :
		    de.file_type == EXT2_FT_CHRDEV ? DT_CHR :
		    de.file_type == EXT2_FT_BLKDEV ? DT_BLK :
		    de.file_type == EXT2_FT_FIFO ? DT_FIFO : DT_UNKNOWN;
		memcpy(d->d_name, de.name, de.name_len);
		used += len;
		pos = next;
	}
	if (used && (r = sys_safecopyto(m->m_source, m->m_fs.grant, 0, (vir_bytes)buf, used)) != OK)
		return r;
	set_pos(m, pos);
	return (int)used;
}

/* Write: block pieces are copied from the caller's grant straight into
 * their cache buffers (allocated first if they were holes), up to BATCH
 * pieces per kernel call (vsafecopy).  Preparing a piece touches at most
 * 8 buffers (data, indirect, bitmap, descriptor), so with more than
 * 8 * BATCH buffers none of a batch's is reused before its copy; a
 * write-back in between may write a buffer before its copy, so each is
 * marked dirty again after it.  A failed copy leaves no block allocated
 * past the size. */
static int do_write(message *m)
{
	struct vscp_vec v[BATCH];
	struct ext2_inode_info in;
	uint64_t pos = pos_of(m), start;
	size_t done = 0, queued = 0, want = m->m_fs.count, chunk;
	int batch = fs.nbuf > 8 * BATCH + 16 ? BATCH : 1, n = 0, k, i;
	void *data;
	int r = OK, rv, r2;

	if ((r = ext2_read_inode_open(&fs, m->m_fs.ino, &in)) != OK)
		return r;
	if (EXT2_S_ISDIR(in.mode))
		return EISDIR;
	if (m->m_fs.flags & FS_APPEND)
		pos = in.size;
	start = pos;
	if ((r = ext2_write_begin(&fs, &in, pos)) != OK)
		return r;
	for (;;) {
		chunk = 0;
		if (queued < want && (r = ext2_write_chunk(&fs, &in,
		    start + queued, want - queued, &data, &chunk)) == OK) {
			v[n++] = (struct vscp_vec){ m->m_source, SELF,
			    m->m_fs.grant, queued, (vir_bytes)data, chunk };
			queued += chunk;
		}
		/* Send a full batch, or what is left at the end. */
		if (n && (n == batch || chunk == 0 || queued == want)) {
			rv = sys_vsafecopy_done(v, n, &k);
			for (i = 0; i < (rv == OK ? n : k); i++) {
				ext2_redirty(&fs, (const void *)v[i].v_addr);
				done += v[i].v_bytes;
			}
			n = 0;
			if (rv != OK) {
				r = rv;
				break;
			}
		}
		if (chunk == 0 || queued == want)
			break;	/* all of it, or an error */
	}
	pos = start + done;
	r2 = ext2_write_finish(&fs, &in, done ? pos : 0, done, r != OK);
	if (done == 0)
		return r != OK ? r : r2;
	set_pos(m, pos);
	m->m_fs.r_size_lo = (uint32_t)in.size;
	m->m_fs.r_size_hi = (uint32_t)(in.size >> 32);
	return (int)done;
}

/* The name (count bytes) from the request's grant, NUL-terminated. */
static int get_name(const message *m, char *buf, size_t size)
{
	int r;

	if (m->m_fs.count == 0)
		return ENOENT;
	if (m->m_fs.count >= size)
		return ENAMETOOLONG;
	if ((r = sys_safecopyfrom(m->m_source, m->m_fs.grant, 0,
	    (vir_bytes)buf, m->m_fs.count)) != OK)
		return r;
	buf[m->m_fs.count] = '\0';
	return OK;
}

static char names[2 * EXT2_NAME_MAX + 4096 + 4];


static int do_create(message *m)
{
	uint32_t ino;
	int r;

	if ((r = get_name(m, names, EXT2_NAME_MAX + 2)) != OK)
		return r;
	if (m->m_type == REQ_MKDIR)
		r = ext2_mkdir(&fs, m->m_fs.ino, names, m->m_fs.count,
		    m->m_fs.flags, m->m_fs.uid, m->m_fs.gid, &ino);
	else
		r = ext2_create(&fs, m->m_fs.ino, names, m->m_fs.count,
		    m->m_fs.flags, m->m_fs.pos_lo, m->m_fs.uid, m->m_fs.gid, &ino);
	return r != OK ? r : describe(m, ino);
}

/* After a name went: r_ino = the inode if it has no links left but is
 * kept for VFS's open files, else 0. */
static void orphan_reply(message *m, uint32_t ino)
{
	struct ext2_inode_info in;

	m->m_fs.r_ino = ino && ext2_read_inode_open(&fs, ino, &in) == OK &&
	    in.links == 0 ? ino : 0;
}

static int do_unlink(message *m)
{
	uint32_t ino = 0;
	int r;

	if ((r = get_name(m, names, EXT2_NAME_MAX + 2)) != OK)
		return r;
	if (m->m_type == REQ_RMDIR)
		return ext2_rmdir(&fs, m->m_fs.ino, names, m->m_fs.count);
	r = ext2_unlink(&fs, m->m_fs.ino, names, m->m_fs.count,
	    m->m_fs.flags & FS_KEEP_OPEN, &ino);
	if (r == OK)
		orphan_reply(m, ino);
	return r;
}

static int do_rename(message *m)
{
	uint32_t gone = 0;
	size_t n1;
	int r;

	if ((r = get_name(m, names, 2 * EXT2_NAME_MAX + 3)) != OK)
		return r;
	n1 = strlen(names);
	if (n1 >= m->m_fs.count)
		return EINVAL;
	r = ext2_rename(&fs, m->m_fs.ino, names, n1, m->m_fs.pos_lo,
	    names + n1 + 1, m->m_fs.count - n1 - 1,
	    m->m_fs.flags & FS_KEEP_OPEN, &gone);
	if (r == OK)
		orphan_reply(m, gone);
	return r;
}

static int do_link(message *m)
{
	int r;

	if ((r = get_name(m, names, EXT2_NAME_MAX + 2)) != OK)
		return r;
	return ext2_link(&fs, m->m_fs.flags, m->m_fs.ino, names, m->m_fs.count);
}

static int do_slink(message *m)
{
	size_t nl = m->m_fs.pos_lo;
	uint32_t ino;
	int r;

	if ((r = get_name(m, names, sizeof(names))) != OK)
		return r;
	if (nl == 0 || nl >= m->m_fs.count || names[nl] != '\0')
		return EINVAL;
	r = ext2_symlink(&fs, m->m_fs.ino, names, nl, names + nl + 1,
	    m->m_fs.count - nl - 1, m->m_fs.uid, m->m_fs.gid, &ino);
	return r != OK ? r : describe(m, ino);
}

static int do_rdlink(message *m)
{
	static char buf[4096];
	ssize_t n;
	int r;

	n = ext2_readlink(&fs, m->m_fs.ino, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	if ((size_t)n > m->m_fs.count)
		n = (ssize_t)m->m_fs.count;
	if (n > 0 && (r = sys_safecopyto(m->m_source, m->m_fs.grant, 0,
	    (vir_bytes)buf, (size_t)n)) != OK)
		return r;
	return (int)n;
}

static int do_ftrunc(message *m)
{
	struct ext2_inode_info in;
	int r;

	if ((r = ext2_read_inode_open(&fs, m->m_fs.ino, &in)) != OK)
		return r;
	if ((r = ext2_truncate(&fs, &in, pos_of(m))) != OK)
		return r;
	m->m_fs.r_size_lo = (uint32_t)in.size;
	m->m_fs.r_size_hi = (uint32_t)(in.size >> 32);
	return OK;
}

static int do_attr(message *m)
{
	struct ext2_inode_info in;
	int r;

	switch (m->m_type) {
	case REQ_CHMOD:
		r = ext2_chmod(&fs, m->m_fs.ino, m->m_fs.flags, &in);
		break;
	case REQ_CHOWN:
		r = ext2_chown(&fs, m->m_fs.ino, m->m_fs.uid, m->m_fs.gid, &in);
		break;
	default:
		return ext2_utime(&fs, m->m_fs.ino, m->m_fs.pos_lo,
		    m->m_fs.pos_hi);
	}
	return r != OK ? r : describe(m, in.ino);
}

static int handle(message *m)
{
	int r;

	if (m->m_type == REQ_READSUPER)
		return do_readsuper(m);
	if (!mounted)
		return EINVAL;
	switch (m->m_type) {
	case REQ_LOOKUP: return do_lookup(m);
	case REQ_STAT: return do_stat(m);
	case REQ_READ: return do_read(m);
	case REQ_GETDENTS: return do_getdents(m);
	case REQ_PUTNODE: return ext2_release(&fs, m->m_fs.ino);
	case REQ_SYNC: return ext2_sync(&fs);
	case REQ_UNMOUNT:
		if ((r = ext2_sync(&fs)) == OK)
			mounted = 0;
		return r;
	case REQ_WRITE: return do_write(m);
	case REQ_CREATE:
	case REQ_MKDIR: return do_create(m);
	case REQ_UNLINK:
	case REQ_RMDIR: return do_unlink(m);
	case REQ_RENAME: return do_rename(m);
	case REQ_LINK: return do_link(m);
	case REQ_SLINK: return do_slink(m);
	case REQ_RDLINK: return do_rdlink(m);
	case REQ_FTRUNC: return do_ftrunc(m);
	case REQ_CHMOD:
	case REQ_CHOWN:
	case REQ_UTIME: return do_attr(m);
	case REQ_STATVFS: return do_statvfs(m);
	}
	return EBADREQUEST;
}

int main(void)
{
	message m;
	int status;

	sef_startup();
	make_nonce();
	/* The grant table's memory now rather than mid-request: a run of
	 * EXT2_WRITE_RUN blocks takes a grant each, and one for the vector. */
	cpf_prealloc(EXT2_WRITE_RUN + 8);
	for (;;) {
		if (sef_receive_status(ANY, &m, &status) != OK)
			continue;
		if (is_notify(m.m_type)) {
			if (m.m_source == CLOCK)
				flush_alarm();
			else if (m.m_source == DS_PROC_NR)
				ds_news();
			continue;
		}
		m.m_fs.status = handle(&m);
		m.m_type = FS_REPLY;
		/* VFS does not wait in SENDREC (docs/vfs.md): asynsend. */
		asynsend(m.m_source, &m);
		if (mounted)
			arm_flush();
	}
}
