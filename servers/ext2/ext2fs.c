/* ext2fs.c - read-only ext2 file-system logic for the ext2 server.
 *
 * Owns the block cache (LRU over caller-supplied memory, hashed by block
 * number), mounting (superblock and group descriptor checks), inode
 * decoding, block mapping through the indirect blocks, file reads (copying
 * or zero-copy by chunks), and directories: lookup, path resolution and
 * listing.  The API and the error codes are documented in ext2fs.h.
 *
 * Every number read from the disk is checked before it is used: block
 * pointers against the file system's size, inode numbers against the inode
 * count, directory records against their block.  Corrupt metadata gives
 * EIO (EINVAL at mount), never a read outside a buffer or an endless loop.
 * 64-bit arithmetic is limited to shifts, masks, additions and
 * multiplications, so no libgcc helper is needed on i386.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <minix/errno.h>

#include "ext2fs.h"

#ifndef OK
#define OK 0
#endif

#define DESC_SIZE	((uint32_t)sizeof(struct ext2_group_desc))
#define DIRENT_HEAD	((uint32_t)sizeof(struct ext2_dirent_head))

/* ---- block cache ---- */

static uint8_t *buf_data(const struct ext2_fs *fs, int32_t i)
{
	return fs->data + (size_t)i * fs->block_size;
}

static void lru_unlink(struct ext2_fs *fs, int32_t i)
{
	struct ext2_buf *b = &fs->bufs[i];

	if (b->lru_prev >= 0)
		fs->bufs[b->lru_prev].lru_next = b->lru_next;
	else
		fs->lru_head = b->lru_next;
	if (b->lru_next >= 0)
		fs->bufs[b->lru_next].lru_prev = b->lru_prev;
	else
		fs->lru_tail = b->lru_prev;
}

static void lru_push_head(struct ext2_fs *fs, int32_t i)
{
	struct ext2_buf *b = &fs->bufs[i];

	b->lru_prev = -1;
	b->lru_next = fs->lru_head;
	if (fs->lru_head >= 0)
		fs->bufs[fs->lru_head].lru_prev = i;
	else
		fs->lru_tail = i;
	fs->lru_head = i;
}

static void lru_push_tail(struct ext2_fs *fs, int32_t i)
{
	struct ext2_buf *b = &fs->bufs[i];

	b->lru_next = -1;
	b->lru_prev = fs->lru_tail;
	if (fs->lru_tail >= 0)
		fs->bufs[fs->lru_tail].lru_next = i;
	else
		fs->lru_head = i;
	fs->lru_tail = i;
}

static int32_t *hash_bucket(struct ext2_fs *fs, uint32_t block)
{
	return &fs->bufs[block % fs->nbuf].hash_head;
}

static void hash_remove(struct ext2_fs *fs, int32_t i)
{
	int32_t *pp = hash_bucket(fs, fs->bufs[i].block);

	while (*pp >= 0) {
		if (*pp == i) {
			*pp = fs->bufs[i].hash_next;
			break;
		}
		pp = &fs->bufs[*pp].hash_next;
	}
	fs->bufs[i].hash_next = -1;
}

void ext2_cache_invalidate(struct ext2_fs *fs)
{
	uint32_t i;

	fs->lru_head = fs->lru_tail = -1;
	for (i = 0; i < fs->nbuf; i++) {
		fs->bufs[i].block = 0;
		fs->bufs[i].flags = 0;
		fs->bufs[i].hash_next = -1;
		fs->bufs[i].hash_head = -1;
		lru_push_tail(fs, (int32_t)i);
	}
	fs->rd_ino = 0;
	fs->rd_pos = 0;
}

/* Carve the cache out of [mem, mem + bytes): bookkeeping, then the zero
 * block and the data, 64-byte aligned.
 */
static int cache_init(struct ext2_fs *fs, void *mem, size_t bytes)
{
	size_t per = sizeof(struct ext2_buf) + fs->block_size;
	size_t n;
	uintptr_t p;

	if (mem == NULL || bytes < EXT2_CACHE_SLACK + fs->block_size)
		return ENOMEM;
	n = (bytes - EXT2_CACHE_SLACK - fs->block_size) / per;
	if (n < EXT2_CACHE_MIN_BUFS)
		return ENOMEM;
	if (n > 0x1000000)
		n = 0x1000000;
	p = ((uintptr_t)mem + 7) & ~(uintptr_t)7;
	fs->bufs = (struct ext2_buf *)p;
	p += n * sizeof(struct ext2_buf);
	p = (p + 63) & ~(uintptr_t)63;
	fs->zero = (uint8_t *)p;
	fs->data = fs->zero + fs->block_size;
	fs->nbuf = (uint32_t)n;
	memset(fs->zero, 0, fs->block_size);
	ext2_cache_invalidate(fs);
	return OK;
}

/* Block `block` through the cache; the caller has range-checked it. */
static int cache_get(struct ext2_fs *fs, uint32_t block, const uint8_t **data)
{
	int32_t i;
	int r;

	for (i = *hash_bucket(fs, block); i >= 0; i = fs->bufs[i].hash_next) {
		if (fs->bufs[i].block == block) {
			fs->cache_hits++;
			if (fs->lru_head != i) {
				lru_unlink(fs, i);
				lru_push_head(fs, i);
			}
			*data = buf_data(fs, i);
			return OK;
		}
	}

	/* Miss: recycle the least recently used buffer.  It is invalid while
	 * the read is in flight and stays so (at the tail) if it fails.
	 */
	i = fs->lru_tail;
	if (fs->bufs[i].flags & EXT2_BUF_VALID)
		hash_remove(fs, i);
	fs->bufs[i].flags = 0;
	fs->cache_misses++;
	r = fs->dev.read_block(fs->dev.ctx, block, fs->block_size,
		buf_data(fs, i));
	if (r != OK)
		return r < 0 ? r : EIO;
	fs->bufs[i].block = block;
	fs->bufs[i].flags = EXT2_BUF_VALID;
	fs->bufs[i].hash_next = *hash_bucket(fs, block);
	*hash_bucket(fs, block) = i;
	lru_unlink(fs, i);
	lru_push_head(fs, i);
	*data = buf_data(fs, i);
	return OK;
}

int ext2_get_block(struct ext2_fs *fs, uint32_t block, const void **data)
{
	const uint8_t *p;
	int r;

	*data = NULL;
	if (block >= fs->blocks_count)
		return EINVAL;
	if ((r = cache_get(fs, block, &p)) != OK)
		return r;
	*data = p;
	return OK;
}

const void *ext2_zero_block(const struct ext2_fs *fs)
{
	return fs->zero;
}

/* ---- mount ---- */

/* Can a block pointer found on disk be a data or indirect block?  Nothing
 * lives below the end of the group descriptors of group 0.
 */
static int block_ok(const struct ext2_fs *fs, uint32_t b)
{
	return b >= fs->gdt_block + fs->gdt_blocks && b < fs->blocks_count;
}

static int read_group_desc(struct ext2_fs *fs, uint32_t g,
	struct ext2_group_desc *gd)
{
	uint32_t per = fs->block_size / DESC_SIZE;
	const uint8_t *p;
	int r;

	if ((r = cache_get(fs, fs->gdt_block + g / per, &p)) != OK)
		return r;
	memcpy(gd, p + (g % per) * DESC_SIZE, DESC_SIZE);
	return OK;
}

/* Is the inode table of a group descriptor inside the file system? */
static int itable_ok(const struct ext2_fs *fs, const struct ext2_group_desc *gd)
{
	return block_ok(fs, gd->bg_inode_table) &&
	    (uint64_t)gd->bg_inode_table + fs->itable_blocks <= fs->blocks_count;
}

/* Check the superblock and derive the geometry; no I/O. */
static int check_super(struct ext2_fs *fs, const struct ext2_super *sb)
{
	uint64_t v;

	if (sb->s_magic != EXT2_MAGIC)
		return EINVAL;
	if (sb->s_log_block_size > EXT2_MAX_LOG_BLOCK - EXT2_MIN_LOG_BLOCK)
		return EINVAL;
	fs->log_block_size = EXT2_MIN_LOG_BLOCK + sb->s_log_block_size;
	fs->block_size = 1u << fs->log_block_size;
	fs->addr_per_block = fs->block_size / 4;
	fs->addr_shift = fs->log_block_size - 2;

	if (sb->s_rev_level == EXT2_GOOD_OLD_REV) {
		fs->inode_size = EXT2_GOOD_OLD_INODE_SIZE;
		fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
		fs->feature_compat = 0;
		fs->feature_incompat = 0;
		fs->feature_ro_compat = 0;
	} else if (sb->s_rev_level == EXT2_DYNAMIC_REV) {
		fs->inode_size = sb->s_inode_size;
		fs->first_ino = sb->s_first_ino;
		fs->feature_compat = sb->s_feature_compat;
		fs->feature_incompat = sb->s_feature_incompat;
		fs->feature_ro_compat = sb->s_feature_ro_compat;
	} else {
		return EINVAL;
	}
	if (fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
	    fs->inode_size > fs->block_size ||
	    (fs->inode_size & (fs->inode_size - 1)) != 0)
		return EINVAL;
	if (fs->feature_incompat & ~(uint32_t)EXT2_FEATURE_INCOMPAT_SUPP)
		return EINVAL;

	fs->inodes_count = sb->s_inodes_count;
	fs->blocks_count = sb->s_blocks_count;
	fs->first_data_block = sb->s_first_data_block;
	fs->blocks_per_group = sb->s_blocks_per_group;
	fs->inodes_per_group = sb->s_inodes_per_group;
	if (fs->first_data_block != (fs->block_size == 1024 ? 1u : 0u))
		return EINVAL;
	if (fs->blocks_count <= fs->first_data_block + 1 ||
	    fs->inodes_count <= EXT2_ROOT_INO ||
	    fs->first_ino <= EXT2_ROOT_INO)
		return EINVAL;
	if (fs->blocks_per_group < 8 || fs->blocks_per_group % 8 != 0 ||
	    fs->blocks_per_group > 8 * fs->block_size ||
	    fs->inodes_per_group == 0 ||
	    fs->inodes_per_group > 8 * fs->block_size)
		return EINVAL;

	fs->groups = (fs->blocks_count - fs->first_data_block - 1) /
	    fs->blocks_per_group + 1;
	if ((uint64_t)fs->groups * fs->inodes_per_group < fs->inodes_count)
		return EINVAL;
	v = (uint64_t)fs->inodes_per_group * fs->inode_size;
	fs->itable_blocks = (uint32_t)((v + fs->block_size - 1) >>
	    fs->log_block_size);
	fs->gdt_block = fs->first_data_block + 1;
	v = (uint64_t)fs->groups * DESC_SIZE;
	v = (v + fs->block_size - 1) >> fs->log_block_size;
	if (fs->gdt_block + v >= fs->blocks_count)
		return EINVAL;
	fs->gdt_blocks = (uint32_t)v;
	return OK;
}

int ext2_mount(struct ext2_fs *fs, const struct ext2_dev *dev,
	void *cache_mem, size_t cache_bytes)
{
	struct ext2_super sb;
	struct ext2_group_desc gd;
	struct ext2_inode_info root;
	uint32_t g;
	int r;

	memset(fs, 0, sizeof(*fs));
	if (dev == NULL || dev->read_block == NULL)
		return EINVAL;
	fs->dev = *dev;

	/* The superblock is the 1 KiB at byte 1024, whatever the block size. */
	r = dev->read_block(dev->ctx, EXT2_SUPER_OFFSET / EXT2_SUPER_SIZE,
		EXT2_SUPER_SIZE, &sb);
	if (r != OK)
		return r < 0 ? r : EIO;
	if ((r = check_super(fs, &sb)) != OK)
		return r;
	memcpy(&fs->sb, &sb, sizeof(sb));

	if ((r = cache_init(fs, cache_mem, cache_bytes)) != OK)
		return r;

	/* Every group's bitmaps and inode table must be inside the disk. */
	for (g = 0; g < fs->groups; g++) {
		if ((r = read_group_desc(fs, g, &gd)) != OK)
			return r;
		if (!block_ok(fs, gd.bg_block_bitmap) ||
		    !block_ok(fs, gd.bg_inode_bitmap) || !itable_ok(fs, &gd))
			return EINVAL;
	}

	r = ext2_read_inode(fs, EXT2_ROOT_INO, &root);
	if (r == ENOENT || r == EIO || (r == OK && !EXT2_S_ISDIR(root.mode)))
		return EINVAL;
	return r;
}

/* ---- inodes ---- */

static int mode_ok(uint16_t mode)
{
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFSOCK:
	case EXT2_S_IFLNK:
	case EXT2_S_IFREG:
	case EXT2_S_IFBLK:
	case EXT2_S_IFDIR:
	case EXT2_S_IFCHR:
	case EXT2_S_IFIFO:
		return 1;
	}
	return 0;
}

int ext2_read_inode(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out)
{
	struct ext2_group_desc gd;
	struct ext2_inode raw;
	const uint8_t *p;
	uint32_t idx;
	uint64_t byte;
	int r;

	memset(out, 0, sizeof(*out));
	if (ino == 0 || ino > fs->inodes_count)
		return EINVAL;
	if ((r = read_group_desc(fs, (ino - 1) / fs->inodes_per_group,
	    &gd)) != OK)
		return r;
	if (!itable_ok(fs, &gd))
		return EIO;
	idx = (ino - 1) % fs->inodes_per_group;
	byte = (uint64_t)idx * fs->inode_size;
	r = cache_get(fs, gd.bg_inode_table +
	    (uint32_t)(byte >> fs->log_block_size), &p);
	if (r != OK)
		return r;
	memcpy(&raw, p + (byte & (fs->block_size - 1)), sizeof(raw));

	out->ino = ino;
	out->mode = raw.i_mode;
	out->links = raw.i_links_count;
	out->uid = raw.i_uid | (uint32_t)raw.i_uid_high << 16;
	out->gid = raw.i_gid | (uint32_t)raw.i_gid_high << 16;
	out->size = raw.i_size;
	if (EXT2_S_ISREG(raw.i_mode))
		out->size |= (uint64_t)raw.i_size_high << 32;
	out->atime = raw.i_atime;
	out->mtime = raw.i_mtime;
	out->ctime = raw.i_ctime;
	out->dtime = raw.i_dtime;
	out->blocks = raw.i_blocks;
	out->flags = raw.i_flags;
	out->generation = raw.i_generation;
	out->file_acl = raw.i_file_acl;
	memcpy(out->block, raw.i_block, sizeof(out->block));

	if (raw.i_mode == 0 || raw.i_links_count == 0)
		return ENOENT;
	if (!mode_ok(raw.i_mode))
		return EIO;
	return OK;
}

int ext2_is_fast_symlink(const struct ext2_fs *fs,
	const struct ext2_inode_info *ip)
{
	uint32_t ea_blocks = ip->file_acl != 0 ? fs->block_size / 512 : 0;

	return EXT2_S_ISLNK(ip->mode) && ip->blocks == ea_blocks;
}

/* ---- file data ---- */

int ext2_map_block(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t file_block, uint32_t *phys)
{
	uint32_t shift = fs->addr_shift, b;
	uint64_t apb = fs->addr_per_block, fb = file_block;
	const uint8_t *p;
	int levels, r;

	*phys = 0;
	if (ext2_is_fast_symlink(fs, ip))
		return EINVAL;
	if (fb < EXT2_NDIR_BLOCKS) {
		b = ip->block[fb];
		levels = 0;
	} else if ((fb -= EXT2_NDIR_BLOCKS) < apb) {
		b = ip->block[EXT2_IND_BLOCK];
		levels = 1;
	} else if ((fb -= apb) < apb << shift) {
		b = ip->block[EXT2_DIND_BLOCK];
		levels = 2;
	} else if ((fb -= apb << shift) < apb << (2 * shift)) {
		b = ip->block[EXT2_TIND_BLOCK];
		levels = 3;
	} else {
		return EFBIG;
	}

	/* Walk down: at each level the index is the next `shift` bits. */
	while (levels > 0) {
		if (b == 0)
			return OK;	/* a hole above the data block */
		if (!block_ok(fs, b))
			return EIO;
		if ((r = cache_get(fs, b, &p)) != OK)
			return r;
		levels--;
		memcpy(&b, p + 4 * ((fb >> (levels * shift)) & (apb - 1)), 4);
	}
	if (b != 0 && !block_ok(fs, b))
		return EIO;
	*phys = b;
	return OK;
}

int ext2_read_chunk(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t offset, size_t len, const void **data, size_t *chunk)
{
	uint32_t boff, phys;
	uint64_t n;
	const uint8_t *p;
	int r;

	*data = fs->zero;
	*chunk = 0;
	if (len == 0 || offset >= ip->size)
		return OK;
	n = ip->size - offset;
	if (n > len)
		n = len;

	if (ext2_is_fast_symlink(fs, ip)) {
		/* The target is stored in i_block itself. */
		if (ip->size > sizeof(ip->block))
			return EIO;
		*data = (const uint8_t *)ip->block + offset;
		*chunk = (size_t)n;
		return OK;
	}

	boff = (uint32_t)offset & (fs->block_size - 1);
	if (n > fs->block_size - boff)
		n = fs->block_size - boff;
	r = ext2_map_block(fs, ip, offset >> fs->log_block_size, &phys);
	if (r != OK)
		return r;
	if (phys != 0) {
		if ((r = cache_get(fs, phys, &p)) != OK)
			return r;
		*data = p + boff;
	}
	*chunk = (size_t)n;
	return OK;
}

ssize_t ext2_read_data(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t offset, void *buf, size_t len)
{
	uint8_t *dst = buf;
	const void *src;
	size_t done = 0, n;
	int r;

	if (len > INT32_MAX)
		len = INT32_MAX;
	while (done < len) {
		r = ext2_read_chunk(fs, ip, offset + done, len - done, &src, &n);
		if (r != OK)
			return done > 0 ? (ssize_t)done : r;
		if (n == 0)
			break;
		memcpy(dst + done, src, n);
		done += n;
	}
	return (ssize_t)done;
}

ssize_t ext2_read(struct ext2_fs *fs, uint32_t ino, uint64_t offset,
	void *buf, size_t len)
{
	struct ext2_inode_info info;
	int r;

	if ((r = ext2_read_inode(fs, ino, &info)) != OK)
		return r;
	return ext2_read_data(fs, &info, offset, buf, len);
}

/* ---- directories ---- */

/* A directory must be a whole number of blocks, all of them allocated. */
static int dir_check(const struct ext2_fs *fs, const struct ext2_inode_info *ip)
{
	if (!EXT2_S_ISDIR(ip->mode))
		return ENOTDIR;
	if ((ip->size & (fs->block_size - 1)) != 0 ||
	    ip->size > (uint64_t)ip->blocks * 512)
		return EIO;
	return OK;
}

/* Directory block file_block of dir, which must not be a hole. */
static int dir_block(struct ext2_fs *fs, const struct ext2_inode_info *dir,
	uint64_t file_block, const uint8_t **data)
{
	uint32_t phys;
	int r;

	if ((r = ext2_map_block(fs, dir, file_block, &phys)) != OK)
		return r;
	if (phys == 0)
		return EIO;
	return cache_get(fs, phys, data);
}

/* Check the record at off in directory block blk: header inside the block,
 * rec_len a multiple of 4 of at least a header and within the block, and
 * for a used record a name that fits and an inode number in range.
 */
static int dirent_check(const struct ext2_fs *fs, const uint8_t *blk,
	uint32_t off, struct ext2_dirent_head *h, uint32_t *name_len)
{
	uint32_t nl;

	if (off > fs->block_size - DIRENT_HEAD)
		return EIO;
	memcpy(h, blk + off, DIRENT_HEAD);
	if (h->rec_len < DIRENT_HEAD || (h->rec_len & 3) != 0 ||
	    h->rec_len > fs->block_size - off)
		return EIO;
	nl = h->name_len;
	if (!(fs->feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE))
		nl |= (uint32_t)h->file_type << 8;
	if (h->inode != 0 && (nl == 0 || nl > EXT2_NAME_MAX ||
	    DIRENT_HEAD + nl > h->rec_len || h->inode > fs->inodes_count))
		return EIO;
	*name_len = nl;
	return OK;
}

static int lookup_in(struct ext2_fs *fs, const struct ext2_inode_info *dir,
	const char *name, size_t namelen, uint32_t *ino)
{
	struct ext2_dirent_head h;
	const uint8_t *blk;
	uint64_t fb, nblocks;
	uint32_t off, nl;
	int r;

	if ((r = dir_check(fs, dir)) != OK)
		return r;
	if (namelen == 0)
		return ENOENT;
	nblocks = dir->size >> fs->log_block_size;
	for (fb = 0; fb < nblocks; fb++) {
		if ((r = dir_block(fs, dir, fb, &blk)) != OK)
			return r;
		for (off = 0; off < fs->block_size; off += h.rec_len) {
			if ((r = dirent_check(fs, blk, off, &h, &nl)) != OK)
				return r;
			if (h.inode != 0 && nl == namelen &&
			    memcmp(blk + off + DIRENT_HEAD, name, nl) == 0) {
				*ino = h.inode;
				return OK;
			}
		}
	}
	return ENOENT;
}

int ext2_lookup(struct ext2_fs *fs, uint32_t dir_ino, const char *name,
	size_t namelen, uint32_t *ino)
{
	struct ext2_inode_info dir;
	int r;

	if (namelen > EXT2_NAME_MAX)
		return ENAMETOOLONG;
	if ((r = ext2_read_inode(fs, dir_ino, &dir)) != OK)
		return r;
	return lookup_in(fs, &dir, name, namelen, ino);
}

int ext2_namei_at(struct ext2_fs *fs, uint32_t dir_ino, const char *path,
	uint32_t *ino)
{
	struct ext2_inode_info cur;
	const char *p = path, *q;
	uint32_t at = dir_ino, next;
	int from_disk = 0, want_dir = 0, r;

	if (*p == '\0')
		return ENOENT;
	if (*p == '/')
		at = EXT2_ROOT_INO;
	for (;;) {
		/* Read the inode we are at: a number found in a directory
		 * that names no inode means a corrupt directory.
		 */
		r = ext2_read_inode(fs, at, &cur);
		if (r != OK)
			return from_disk && (r == ENOENT || r == EINVAL) ?
			    EIO : r;

		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		if (q - p > EXT2_NAME_MAX)
			return ENAMETOOLONG;
		if ((r = lookup_in(fs, &cur, p, (size_t)(q - p), &next)) != OK)
			return r;
		at = next;
		from_disk = 1;
		want_dir = *q == '/';
		p = q;
	}
	if (want_dir && !EXT2_S_ISDIR(cur.mode))
		return ENOTDIR;
	*ino = at;
	return OK;
}

int ext2_namei(struct ext2_fs *fs, const char *path, uint32_t *ino)
{
	return ext2_namei_at(fs, EXT2_ROOT_INO, path, ino);
}

int ext2_readdir(struct ext2_fs *fs, uint32_t dir_ino, uint64_t *pos,
	struct ext2_dirent_info *out)
{
	struct ext2_inode_info dir;
	struct ext2_dirent_head h;
	const uint8_t *blk;
	uint64_t fb;
	uint32_t off, nl;
	int r;

	if ((r = ext2_read_inode(fs, dir_ino, &dir)) != OK)
		return r;
	if ((r = dir_check(fs, &dir)) != OK)
		return r;

	while (*pos < dir.size) {
		fb = *pos >> fs->log_block_size;
		off = (uint32_t)*pos & (fs->block_size - 1);
		if ((r = dir_block(fs, &dir, fb, &blk)) != OK)
			return r;

		/* Not a position we handed out: walk the block's records
		 * from its start to the first one at or after *pos.
		 */
		if (off != 0 && !(fs->rd_ino == dir_ino && fs->rd_pos == *pos)) {
			uint32_t cur = 0;

			while (cur < off) {
				r = dirent_check(fs, blk, cur, &h, &nl);
				if (r != OK)
					return r;
				cur += h.rec_len;
			}
			off = cur;
		}

		for (; off < fs->block_size; off += h.rec_len) {
			if ((r = dirent_check(fs, blk, off, &h, &nl)) != OK)
				return r;
			if (h.inode == 0)
				continue;
			out->ino = h.inode;
			out->name_len = (uint8_t)nl;
			out->file_type = (fs->feature_incompat &
			    EXT2_FEATURE_INCOMPAT_FILETYPE) ? h.file_type :
			    EXT2_FT_UNKNOWN;
			memcpy(out->name, blk + off + DIRENT_HEAD, nl);
			out->name[nl] = '\0';
			*pos = (fb << fs->log_block_size) + off + h.rec_len;
			fs->rd_ino = dir_ino;
			fs->rd_pos = *pos;
			return 1;
		}
		*pos = (fb + 1) << fs->log_block_size;
	}
	return 0;
}
