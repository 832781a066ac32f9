/* ext2fs.h - the ext2 file-system logic of the ext2 server, as a library.
 *
 * This file owns the on-disk ext2 structures (superblock, group descriptor,
 * inode, directory entry) and the API over them: mount, inodes, file data
 * (direct, single, double and triple indirect blocks, sparse holes),
 * directory lookup, path resolution and directory listing, and (second
 * half, "changing the file system") writing, truncating, names, links and
 * attributes, all on top of an LRU block cache with write-back and
 * read-ahead.  It has no server loop and no IPC: blocks come from and go
 * to caller-supplied callbacks, memory for the cache from the caller, and
 * it uses nothing of libc but memcpy, memset, memcmp and strlen, so the
 * same source runs in the server and in the host unit tests.
 *
 * Supported: revision 0 and 1 (dynamic inode size 128..block size), block
 * sizes 1, 2 and 4 KiB, sparse superblocks, the FILETYPE directory format
 * and directories with an htree index (read as plain linear directories).
 *
 * Errors: every function returns 0 (or a count) on success and a negative
 * E* code of <minix/errno.h> on failure:
 *   EINVAL        mount: not an ext2 file system we can read (bad magic,
 *                 block or inode size, revision, an INCOMPAT feature other
 *                 than FILETYPE, inconsistent counts, group descriptors out
 *                 of range); elsewhere: a bad argument (inode number 0 or
 *                 beyond the inode count, block beyond the file system).
 *   ENOMEM        mount: the cache memory holds fewer than 4 blocks.
 *   EIO           corrupt metadata found after mount (block pointer out of
 *                 range, bad rec_len or name_len, inode number out of range
 *                 in a directory, hole in a directory, bad inode mode), or a
 *                 read_block callback that returned a positive value.
 *   ENOENT        no such name; ext2_read_inode: the inode is free.
 *   ENOTDIR       a directory was needed.
 *   ENAMETOOLONG  a name component longer than EXT2_NAME_MAX.
 *   EFBIG         a file block beyond what triple indirection can map.
 *   anything else a negative code returned by the read_block callback is
 *                 passed on unchanged.
 * Nothing loops on corrupt data: every directory record advances by at least
 * 8 bytes and stays inside its block, indirection is at most 3 deep, and
 * every block and inode number read from disk is range-checked before use.
 */
#ifndef EXT2FS_H
#define EXT2FS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>	/* ssize_t */

/* ---- on-disk format (little-endian; the OS and its hosts are too) ---- */

#define EXT2_MAGIC		0xEF53
#define EXT2_SUPER_OFFSET	1024	/* byte offset of the superblock */
#define EXT2_SUPER_SIZE		1024
#define EXT2_ROOT_INO		2
#define EXT2_GOOD_OLD_REV	0	/* fixed 128-byte inodes, first_ino 11 */
#define EXT2_DYNAMIC_REV	1
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO	11
#define EXT2_N_BLOCKS		15	/* 12 direct, single, double, triple */
#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_NAME_MAX		255
#define EXT2_MIN_LOG_BLOCK	10	/* 1 KiB */
#define EXT2_MAX_LOG_BLOCK	12	/* 4 KiB */

/* Feature flags.  Only FILETYPE is accepted among the INCOMPAT ones; the
 * RO_COMPAT ones do not matter to a read-only mount and are all accepted
 * (ro_compat is kept in struct ext2_fs for the later write support).
 */
#define EXT2_FEATURE_COMPAT_DIR_INDEX		0x0020
#define EXT2_FEATURE_INCOMPAT_FILETYPE		0x0002
#define EXT2_FEATURE_INCOMPAT_SUPP		EXT2_FEATURE_INCOMPAT_FILETYPE
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER	0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE	0x0002
#define EXT2_INDEX_FL		0x1000	/* i_flags: an htree directory */
#define EXT2_LINK_MAX		32000	/* hard links to one inode */
#define EXT2_FAST_LINK_MAX	59	/* longest target kept in i_block */

/* i_mode: the file type in the top 4 bits, then the permission bits. */
#define EXT2_S_IFMT	0170000
#define EXT2_S_IFSOCK	0140000
#define EXT2_S_IFLNK	0120000
#define EXT2_S_IFREG	0100000
#define EXT2_S_IFBLK	0060000
#define EXT2_S_IFDIR	0040000
#define EXT2_S_IFCHR	0020000
#define EXT2_S_IFIFO	0010000
#define EXT2_S_ISDIR(m)	(((m) & EXT2_S_IFMT) == EXT2_S_IFDIR)
#define EXT2_S_ISREG(m)	(((m) & EXT2_S_IFMT) == EXT2_S_IFREG)
#define EXT2_S_ISLNK(m)	(((m) & EXT2_S_IFMT) == EXT2_S_IFLNK)

/* Directory entry file types (FILETYPE feature; 0 without it). */
#define EXT2_FT_UNKNOWN		0
#define EXT2_FT_REG_FILE	1
#define EXT2_FT_DIR		2
#define EXT2_FT_CHRDEV		3
#define EXT2_FT_BLKDEV		4
#define EXT2_FT_FIFO		5
#define EXT2_FT_SOCK		6
#define EXT2_FT_SYMLINK		7

struct ext2_super {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;	/* 1 with 1 KiB blocks, else 0 */
	uint32_t s_log_block_size;	/* block size = 1024 << this */
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;
	uint32_t s_wtime;
	uint16_t s_mnt_count;
	int16_t  s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* EXT2_DYNAMIC_REV only from here on */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t  s_uuid[16];
	char     s_volume_name[16];
	char     s_last_mounted[64];
	uint32_t s_algorithm_usage_bitmap;
	uint8_t  s_prealloc_blocks;
	uint8_t  s_prealloc_dir_blocks;
	uint16_t s_reserved_gdt_blocks;
	uint8_t  s_journal_uuid[16];
	uint32_t s_journal_inum;
	uint32_t s_journal_dev;
	uint32_t s_last_orphan;
	uint32_t s_hash_seed[4];
	uint8_t  s_def_hash_version;
	uint8_t  s_jnl_backup_type;
	uint16_t s_desc_size;
	uint32_t s_default_mount_opts;
	uint32_t s_first_meta_bg;
	uint32_t s_reserved[190];
};
_Static_assert(sizeof(struct ext2_super) == EXT2_SUPER_SIZE,
	"ext2 superblock is 1024 bytes");

struct ext2_group_desc {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;	/* first block of the inode table */
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_pad;
	uint32_t bg_reserved[3];
};
_Static_assert(sizeof(struct ext2_group_desc) == 32,
	"ext2 group descriptor is 32 bytes");

struct ext2_inode {
	uint16_t i_mode;
	uint16_t i_uid;			/* low 16 bits */
	uint32_t i_size;		/* low 32 bits */
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;
	uint16_t i_gid;			/* low 16 bits */
	uint16_t i_links_count;
	uint32_t i_blocks;		/* 512-byte units, indirect blocks too */
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_N_BLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;		/* extended attribute block */
	uint32_t i_size_high;		/* i_dir_acl: high 32 bits of a file */
	uint32_t i_faddr;
	uint16_t i_blocks_hi;		/* osd2 (Linux and Hurd layout) */
	uint16_t i_file_acl_high;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint32_t i_osd2_reserved;
};
_Static_assert(sizeof(struct ext2_inode) == EXT2_GOOD_OLD_INODE_SIZE,
	"ext2 inode is 128 bytes");

/* A directory record: this header, then name_len bytes of name (no NUL),
 * padded so that rec_len (multiple of 4) reaches the next record.  Without
 * the FILETYPE feature name_len is 16 bits wide and file_type its high byte.
 */
struct ext2_dirent_head {
	uint32_t inode;			/* 0: unused record */
	uint16_t rec_len;
	uint8_t  name_len;
	uint8_t  file_type;
};
_Static_assert(sizeof(struct ext2_dirent_head) == 8,
	"ext2 directory entry header is 8 bytes");

/* ---- the library ---- */

/* Block I/O.  read_block() reads block `block` of size `block_size` bytes
 * (byte offset block * block_size) into buf and returns 0 or a negative E*
 * code.  It is called with the file-system block size, except once during
 * ext2_mount(): block 1 with block_size 1024, to read the superblock.
 */
struct ext2_dev {
	void *ctx;
	int (*read_block)(void *ctx, uint32_t block, uint32_t block_size,
		void *buf);
	/* Write the block (same numbering; also block 1 of 1024 bytes for
	 * the superblock).  NULL: a read-only mount, changes give EROFS. */
	int (*write_block)(void *ctx, uint32_t block, uint32_t block_size,
		const void *buf);
	/* Optional: read count consecutive blocks from first on into
	 * bufs[0..count) (count <= EXT2_WRITE_RUN) in one request
	 * (BDEV_GATHER).  With it, a read that misses the cache reads ahead:
	 * the blocks of the request (all of a sequential reader's next 64)
	 * that follow on disk, are not cached, and come before EOF. */
	int (*read_blocks)(void *ctx, uint32_t first, uint32_t block_size,
		uint32_t count, void *const *bufs);
	/* Optional: write count consecutive blocks from first on, from
	 * bufs[0..count) (block_size each; count <= EXT2_WRITE_RUN), in one
	 * request (BDEV_SCATTER).  NULL: write_block for each. */
	int (*write_blocks)(void *ctx, uint32_t first, uint32_t block_size,
		uint32_t count, const void *const *bufs);
	/* Seconds since the epoch for inode times; NULL: 0. */
	uint32_t (*now)(void *ctx);
};

/* One cache buffer's bookkeeping; its data lives in the data area. */
struct ext2_buf {
	uint32_t block;			/* valid only with EXT2_BUF_VALID */
	uint32_t flags;
	int32_t hash_next;		/* chain of this buffer's bucket */
	int32_t hash_head;		/* first buffer of bucket (this index) */
	int32_t lru_prev;		/* towards the most recently used */
	int32_t lru_next;		/* towards the least recently used */
	int32_t sorted;			/* ext2_sync's work: bufs[k].sorted is
					   the k-th dirty buffer by block */
};
#define EXT2_BUF_VALID	0x1
#define EXT2_BUF_DIRTY	0x2		/* changed since it was last written */
#define EXT2_BUF_KIND(f) (((f) >> 8) & 0xf)	/* what a dirty block holds: */
#define EXT2_KIND_DATA	0		/* file data (and slow symlinks) */
#define EXT2_KIND_IND1	1		/* indirect: pointing to data */
#define EXT2_KIND_IND2	2		/* double indirect */
#define EXT2_KIND_IND3	3		/* triple indirect */
#define EXT2_KIND_INODE	4		/* inode table */
#define EXT2_KIND_DIR	5		/* directory */
#define EXT2_KIND_META	6		/* bitmaps, group descriptors */
#define EXT2_KINDS	7		/* ext2_sync writes them in this order */
#define EXT2_WRITE_RUN	64		/* blocks in one write_blocks call */
#define EXT2_MERGE_MAX	16		/* blocks in one ext2_read_chunk piece */
#define EXT2_TX_MAX	24		/* blocks a change can put back */

/* Bytes of cache memory for nbuf buffers of block_size bytes: the buffers'
 * bookkeeping, one zero-filled block (for holes), the data, the undo
 * blocks of a change, and alignment slack.  ext2_mount() makes as many
 * buffers as fit, at least 4; e.g. memory of EXT2_CACHE_BYTES(64, 4096)
 * gives 64 buffers on a 4 KiB file system and about 330 on a 1 KiB one.
 */
#define EXT2_CACHE_SLACK	(128 + 4096)	/* alignment: data on a page */
#define EXT2_CACHE_BYTES(nbuf, block_size)                                \
	((size_t)(nbuf) * (sizeof(struct ext2_buf) + (block_size)) +      \
	    (1 + EXT2_TX_MAX) * (size_t)(block_size) + EXT2_CACHE_SLACK)
#define EXT2_CACHE_MIN_BUFS	4

/* A mounted file system.  Everything is filled in by ext2_mount(); the
 * fields are read-only for callers.
 */
struct ext2_fs {
	struct ext2_dev dev;
	struct ext2_super sb;		/* copy of the superblock */
	uint32_t block_size;		/* 1024, 2048 or 4096 */
	uint32_t log_block_size;	/* 10, 11 or 12 */
	uint32_t inode_size;
	uint32_t first_ino;		/* first non-reserved inode */
	uint32_t inodes_count;
	uint32_t blocks_count;
	uint32_t first_data_block;
	uint32_t inodes_per_group;
	uint32_t blocks_per_group;
	uint32_t groups;
	uint32_t gdt_block;		/* first block of the descriptors */
	uint32_t gdt_blocks;
	uint32_t itable_blocks;		/* inode table blocks per group */
	uint32_t addr_per_block;	/* block_size / 4 */
	uint32_t addr_shift;		/* log2(addr_per_block) */
	uint32_t feature_compat;	/* 0 on revision 0 */
	uint32_t feature_incompat;
	uint32_t feature_ro_compat;

	/* The block cache, carved out of the caller's memory. */
	struct ext2_buf *bufs;
	uint8_t *data;			/* nbuf * block_size bytes */
	uint8_t *zero;			/* one block of zeros */
	uint32_t nbuf;
	int32_t lru_head, lru_tail;	/* most / least recently used */

	/* Read-ahead: the file block a sequential reader of ra_ino reads
	 * next. */
	uint32_t ra_ino;
	uint64_t ra_next;

	/* The last leaf indirect block a mapping went through: file blocks
	 * [im_first, im_first + addr_per_block) of inode im_ino map through
	 * block im_phys, held by buffer im_buf while that buffer still
	 * holds it.  im_phys 0: none.  Forgotten when any block is freed. */
	uint32_t im_ino, im_phys;
	uint64_t im_first;
	int32_t im_buf;

	/* The inode read last: inode ic_ino is at byte ic_off of block
	 * ic_blk, held by buffer ic_buf while that buffer still holds it.
	 * ic_ino 0: none. */
	uint32_t ic_ino, ic_blk, ic_off;
	int32_t ic_buf;

	/* The change in progress (ext2fs.c's tx_begin .. tx_end): the first
	 * contents and flags of each block it wrote (or that it was not
	 * cached), put back if it fails.  tx_data: EXT2_TX_MAX blocks. */
	int tx_depth, tx_overflow, tx_synced, tx_sb_dirty;
	uint32_t tx_n, tx_ro_compat;
	struct ext2_undo {
		uint32_t block, flags;
		int absent;
	} tx_log[EXT2_TX_MAX];
	uint8_t *tx_data;
	struct ext2_super tx_sb;

	/* ext2_readdir(): a position known to start a record. */
	uint32_t rd_ino;
	uint64_t rd_pos;

	/* Writing: the superblock copy changed (counters), and where the
	 * last block of inode goal_ino went (the next one goes after it). */
	int sb_dirty;
	uint32_t ndirty;		/* dirty buffers */
	uint32_t goal_ino, goal_block;

	/* Statistics, for tests and the server's status output. */
	uint64_t cache_hits;
	uint64_t cache_misses;		/* blocks read from the device */
	uint64_t writes;		/* = write_block() calls */
};

/* What ext2_read_inode() returns: the inode decoded. */
struct ext2_inode_info {
	uint32_t ino;
	uint16_t mode;			/* EXT2_S_IF* | permissions */
	uint16_t links;
	uint32_t uid;			/* 32 bits: i_uid | i_uid_high << 16 */
	uint32_t gid;
	uint64_t size;			/* 64 bits for regular files */
	uint32_t atime, mtime, ctime, dtime;
	uint32_t blocks;		/* i_blocks: 512-byte units */
	uint32_t flags;
	uint32_t generation;
	uint32_t file_acl;
	uint32_t block[EXT2_N_BLOCKS];	/* raw; a fast symlink's target */
};

/* What ext2_readdir() returns: one entry. */
struct ext2_dirent_info {
	uint32_t ino;
	uint8_t file_type;		/* EXT2_FT_*, UNKNOWN without FILETYPE */
	uint8_t name_len;
	char name[EXT2_NAME_MAX + 1];	/* NUL-terminated */
};

/* Mount: read and check the superblock and all group descriptors, and set
 * up the block cache in cache_mem (cache_bytes long, any alignment; see
 * EXT2_CACHE_BYTES).  The cache memory must stay valid while fs is used;
 * dev is copied.  Returns 0, EINVAL, ENOMEM or a callback error.
 */
int ext2_mount(struct ext2_fs *fs, const struct ext2_dev *dev,
	void *cache_mem, size_t cache_bytes);

/* Forget every cached block (e.g. after the device changed under us). */
void ext2_cache_invalidate(struct ext2_fs *fs);

/* Block `block` of the file system through the cache: *data points into
 * the cache and stays valid until the next call into this library with fs.
 * Returns 0, EINVAL (block beyond the file system) or a callback error.
 */
int ext2_get_block(struct ext2_fs *fs, uint32_t block, const void **data);

/* One block_size block of zeros, valid while fs is mounted (for holes). */
const void *ext2_zero_block(const struct ext2_fs *fs);

/* Read and decode inode ino.  Returns 0, EINVAL (ino 0 or beyond the inode
 * count), ENOENT (a free inode: mode 0 or no links), EIO (unknown file type
 * or corrupt group descriptor) or a callback error.
 */
int ext2_read_inode(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out);

/* Is ip a symlink whose target is stored in ip->block (no data block)? */
int ext2_is_fast_symlink(const struct ext2_fs *fs,
	const struct ext2_inode_info *ip);

/* The physical block holding file block file_block of ip, through the
 * indirect blocks; *phys = 0 for a hole.  Returns 0, EIO (a pointer out of
 * range), EFBIG (beyond triple indirection), EINVAL (a fast symlink) or a
 * callback error.  File size is not checked.
 */
int ext2_map_block(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t file_block, uint32_t *phys);

/* Zero-copy read step for the server: the file bytes at offset as one
 * contiguous chunk, *data pointing into the cache (or the zero block for a
 * hole, or ip->block for a fast symlink) and *chunk its length, at most
 * len, never crossing a block boundary or EOF; *chunk = 0 at or past EOF or
 * for len 0.  *data is valid until the next call into the library (and
 * while *ip lives, for a fast symlink).  Returns 0 or an error as
 * ext2_map_block().  The server loops: chunk, safecopy, advance.
 */
int ext2_read_chunk(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t offset, size_t len, const void **data, size_t *chunk);

/* Copy up to len bytes of file data at offset into buf.  Returns the count
 * (short at EOF, 0 at or past it; at most INT32_MAX) or an error if nothing
 * was copied.  ext2_read() reads the inode first; ext2_read_data() uses
 * one already read.  A fast symlink reads as its target.
 */
ssize_t ext2_read_data(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t offset, void *buf, size_t len);
ssize_t ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t offset,
	void *buf, size_t len);

/* Look name[0..namelen) up in directory dir_ino ("." and ".." are ordinary
 * entries).  Returns 0 with *ino set, ENOENT, ENOTDIR, ENAMETOOLONG, EIO or
 * a callback error.  The inode found is not read.
 */
int ext2_lookup(struct ext2_fs *fs, uint32_t dir_ino, const char *name,
	size_t namelen, uint32_t *ino);

/* Resolve path component by component from dir_ino, or from the root if
 * path starts with '/'.  Repeated slashes are one; "." and ".." are looked
 * up as entries (the root's ".." is the root); symlinks are not followed.
 * A trailing slash requires a directory.  The empty path is ENOENT.
 * Returns 0 with *ino set (an existing inode), ENOENT, ENOTDIR (a non-final
 * component, or a final one before a trailing slash, is not a directory),
 * ENAMETOOLONG (a component > EXT2_NAME_MAX), EIO or a callback error.
 */
int ext2_namei_at(struct ext2_fs *fs, uint32_t dir_ino, const char *path,
	uint32_t *ino);
int ext2_namei(struct ext2_fs *fs, const char *path, uint32_t *ino);

/* Directory listing: the next used entry at or after byte *pos of
 * directory dir_ino.  Start with *pos = 0; each call returns 1 with *out
 * filled and *pos moved past the entry, and 0 at the end.  A *pos inside a
 * record moves on to the next record.  Returns ENOTDIR, EIO (corrupt
 * records, a hole, an inode number out of range) or a callback error.
 */
int ext2_readdir(struct ext2_fs *fs, uint32_t dir_ino, uint64_t *pos,
	struct ext2_dirent_info *out);

/* ---- changing the file system ----
 *
 * Every change goes to the block cache only (buffers marked dirty) and
 * reaches the disk through write_block at ext2_sync() or when a dirty
 * buffer would be evicted (then everything is written, as by ext2_sync).
 * Free counts in the superblock and group descriptors and both bitmaps
 * are updated together with every allocation, so after ext2_sync() the
 * image is consistent (e2fsck -fn clean).  Before changing anything, each
 * call checks that all the blocks and inodes it needs are free: a call
 * that fails with ENOSPC (or any check) has changed nothing.
 *
 * More errors than the read side's: EROFS (mounted without write_block),
 * ENOSPC, EEXIST, ENOTEMPTY, EISDIR, EMLINK (EXT2_LINK_MAX), EPERM (a hard
 * link to a directory), EINVAL (a directory moved into itself, a name
 * with '/' or NUL, "." or ".." where a new name is needed), EFBIG.
 * Names are (name, len) pairs; len 0 is ENOENT, over 255 ENAMETOOLONG.
 * Permissions are not checked here: VFS does, as it knows the caller.
 */

/* Write every dirty buffer, what is pointed to before what points to
 * it: file data, indirect blocks (single, double, triple), inode tables,
 * directories, then bitmaps and group descriptors, and the superblock
 * last.  Within each kind blocks go in ascending order, runs of
 * consecutive ones through write_blocks when the device has it.  Returns
 * 0 or the first write error (the buffers not written stay dirty).
 */
int ext2_sync(struct ext2_fs *fs);

/* How many cache buffers hold unwritten changes (the superblock counts
 * as one more when its counters changed). */
uint32_t ext2_dirty_count(const struct ext2_fs *fs);

/* As ext2_read_inode(), but an inode with no links that is not deleted
 * (dtime 0, mode set: unlinked while open, see ext2_unlink) is returned
 * too. */
int ext2_read_inode_open(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out);

/* Write the decoded inode back (mode, owner, size, times, links, blocks,
 * flags, block pointers). */
int ext2_write_inode(struct ext2_fs *fs, const struct ext2_inode_info *ip);

/* Zero-copy write step: the cache bytes for file bytes [offset, offset +
 * *chunk), *chunk <= len and inside one block; the block is allocated if
 * it was a hole (zeroed) and the buffer marked dirty.  The caller copies
 * the data in.  ext2_write_begin() comes first, ext2_write_finish() at
 * the end.  ip (a regular
 * file) is updated in memory (block pointers, i_blocks).  Returns 0,
 * ENOSPC, EFBIG, EIO or a callback error.
 */
int ext2_write_chunk(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset, size_t len, void **data, size_t *chunk);

/* The buffer holding data (from ext2_write_chunk) is dirty again: for a
 * caller that copies into several chunks' buffers at once, after the
 * copy (a write-back in between may have written them unfilled). */
void ext2_redirty(struct ext2_fs *fs, const void *data);

/* Before writing at offset past the end: zero the bytes of the last
 * block between the size and offset (they must read as zeros). */
int ext2_write_begin(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset);

/* After writing `written` bytes ending at `end`: grow the size to end,
 * set mtime and ctime if anything was written, free blocks allocated past
 * the size if the write failed (failed != 0), and write the inode. */
int ext2_write_finish(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t end, size_t written, int failed);

/* Copy len bytes from buf to the file at offset (allocating as needed).
 * Returns the count (short on ENOSPC after a first piece) or an error. */
ssize_t ext2_write_data(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset, const void *buf, size_t len);

/* Set a regular file's size: blocks past it are freed (indirect ones
 * too), the bytes of its last block past it zeroed; growing makes a hole.
 * mtime and ctime change.  EISDIR for a directory, EINVAL for others. */
int ext2_truncate(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t size);

/* Make name in directory dir: a regular file, FIFO, socket or device
 * (ext2_create, mode with its S_IF* type; rdev for devices), a
 * directory (ext2_mkdir; "." and ".." in its first block), or a symlink
 * to target (ext2_symlink; up to 59 bytes in i_block, longer ones in a
 * block; ENAMETOOLONG from block_size on).  *ino is the new inode.
 */
int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t rdev, uint32_t uid, uint32_t gid,
	uint32_t *ino);
int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino);
int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, const char *target, size_t tlen, uint32_t uid,
	uint32_t gid, uint32_t *ino);

/* The target of symlink ino into buf (no NUL): its length (at most len),
 * EINVAL if ino is not a symlink. */
ssize_t ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf,
	size_t len);

/* Remove the name of a non-directory (EISDIR for a directory).  When its
 * last link goes: with keep_open the inode stays allocated (links 0,
 * dtime 0) until ext2_release(), else it is freed now.  *ino (if not NULL)
 * is the inode the name had. */
int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, int keep_open, uint32_t *ino);

/* Free inode ino if it has no links left (an unlinked file closed last). */
int ext2_release(struct ext2_fs *fs, uint32_t ino);

/* Remove an empty directory: ENOTDIR, ENOTEMPTY, EINVAL for ".",
 * ENOTEMPTY for "..", EBUSY for the root. */
int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len);

/* A new name for inode ino in dir (EPERM for a directory). */
int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir,
	const char *name, size_t len);

/* Move odir/oname to ndir/nname, replacing an existing nname in one step
 * (a file by a file, a directory by an empty directory: else EISDIR,
 * ENOTDIR, ENOTEMPTY).  A directory moved elsewhere gets its ".." changed;
 * into its own subtree is EINVAL.  The same inode under both names: done,
 * nothing changes.  *gone (if not NULL) is the inode whose last link the
 * replacement removed, left allocated with keep_open as in ext2_unlink,
 * or 0. */
int ext2_rename(struct ext2_fs *fs, uint32_t odir, const char *oname,
	size_t olen, uint32_t ndir, const char *nname, size_t nlen,
	int keep_open, uint32_t *gone);

/* Attributes: the permission bits (07777; the type stays), the owner
 * ((uint32_t)-1 keeps one), the times.  ctime becomes now.  The inode is
 * read and written; *out (if not NULL) gets the result. */
int ext2_chmod(struct ext2_fs *fs, uint32_t ino, uint32_t mode,
	struct ext2_inode_info *out);
int ext2_chown(struct ext2_fs *fs, uint32_t ino, uint32_t uid, uint32_t gid,
	struct ext2_inode_info *out);
int ext2_utime(struct ext2_fs *fs, uint32_t ino, uint32_t atime,
	uint32_t mtime);

#endif /* EXT2FS_H */
