/* ext2fs.c - the ext2 file-system logic of the ext2 server.
 *
 * Owns the block cache (LRU over caller-supplied memory, hashed by block
 * number, read-ahead of runs, write-back ordered by kind of block),
 * mounting (superblock and group descriptor checks), inode decoding, block
 * mapping through the indirect blocks, file reads (copying or zero-copy by
 * chunks), directories (lookup, path resolution, listing), and, in the
 * second half, every change: allocation with exact bitmaps and counters,
 * writes and truncation, names, links, renames and attributes.  The API
 * and the error codes are documented in ext2fs.h, the design in
 * docs/storage.md.
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

int ext2_sync(struct ext2_fs *fs);

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
	fs->ndirty = 0;
	fs->im_phys = 0;
	fs->ic_ino = 0;
}

/* Carve the cache out of [mem, mem + bytes): bookkeeping, then the zero
 * block and the data, page-aligned.
 */
static int cache_init(struct ext2_fs *fs, void *mem, size_t bytes)
{
	size_t per = sizeof(struct ext2_buf) + fs->block_size;
	size_t n;
	uintptr_t p;

	if (mem == NULL || bytes < EXT2_CACHE_SLACK + (1 + EXT2_TX_MAX) *
	    (size_t)fs->block_size)
		return ENOMEM;
	n = (bytes - EXT2_CACHE_SLACK - (1 + EXT2_TX_MAX) *
	    (size_t)fs->block_size) / per;
	if (n < EXT2_CACHE_MIN_BUFS)
		return ENOMEM;
	if (n > 0x1000000)
		n = 0x1000000;
	p = ((uintptr_t)mem + 7) & ~(uintptr_t)7;
	fs->bufs = (struct ext2_buf *)p;
	p += n * sizeof(struct ext2_buf);
	/* The data page-aligned, so that a copy to a page-aligned user
	 * buffer is whole pages (the kernel's fast case). */
	p = ((p + fs->block_size + 4095) & ~(uintptr_t)4095) - fs->block_size;
	fs->zero = (uint8_t *)p;
	fs->data = fs->zero + fs->block_size;
	fs->nbuf = (uint32_t)n;
	fs->tx_data = fs->data + n * fs->block_size;
	fs->tx_depth = 0;
	fs->tx_n = 0;
	memset(fs->zero, 0, fs->block_size);
	ext2_cache_invalidate(fs);
	return OK;
}

/* Block `block` through the cache; the caller has range-checked it.  With
 * fresh, the block is new (just allocated): its buffer is zeroed instead
 * of read.
 */
static int cache_lookup(struct ext2_fs *fs, uint32_t block, int fresh,
	const uint8_t **data)
{
	int32_t i;
	int r;

	for (i = *hash_bucket(fs, block); i >= 0; i = fs->bufs[i].hash_next) {
		if (fs->bufs[i].block == block) {
			fs->cache_hits++;
			if (fresh)
				memset(buf_data(fs, i), 0, fs->block_size);
			if (fs->lru_head != i) {
				lru_unlink(fs, i);
				lru_push_head(fs, i);
			}
			*data = buf_data(fs, i);
			return OK;
		}
	}

	/* Miss: recycle the least recently used buffer.  It is invalid while
	 * the read is in flight and stays so (at the tail) if it fails.  A
	 * dirty buffer there means the cache is full of changes: write them
	 * all out first (ext2_sync's order), so eviction never breaks the
	 * write ordering.
	 */
	i = fs->lru_tail;
	if ((fs->bufs[i].flags & EXT2_BUF_DIRTY) && (r = ext2_sync(fs)) != OK)
		return r;
	if (fs->bufs[i].flags & EXT2_BUF_VALID)
		hash_remove(fs, i);
	fs->bufs[i].flags = 0;
	if (fresh) {
		/* A newly allocated block: nothing on disk worth reading. */
		memset(buf_data(fs, i), 0, fs->block_size);
	} else {
		fs->cache_misses++;
		r = fs->dev.read_block(fs->dev.ctx, block, fs->block_size,
			buf_data(fs, i));
		if (r != OK)
			return r < 0 ? r : EIO;
	}
	fs->bufs[i].block = block;
	fs->bufs[i].flags = EXT2_BUF_VALID;
	fs->bufs[i].hash_next = *hash_bucket(fs, block);
	*hash_bucket(fs, block) = i;
	lru_unlink(fs, i);
	lru_push_head(fs, i);
	*data = buf_data(fs, i);
	return OK;
}

static int cache_get(struct ext2_fs *fs, uint32_t block, const uint8_t **data)
{
	return cache_lookup(fs, block, 0, data);
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

static int get_inode(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out, int open_ok)
{
	struct ext2_group_desc gd;
	const struct ext2_inode *raw;
	const uint8_t *p;
	uint32_t idx;
	uint64_t byte;
	int r;

	if (ino == 0 || ino > fs->inodes_count) {
		memset(out, 0, sizeof(*out));
		return EINVAL;
	}
	if (ino == fs->ic_ino && fs->bufs[fs->ic_buf].block == fs->ic_blk &&
	    (fs->bufs[fs->ic_buf].flags & EXT2_BUF_VALID)) {
		/* The inode read last, still in the same buffer (every
		 * change to an inode goes through its buffer). */
		p = buf_data(fs, fs->ic_buf) + fs->ic_off;
	} else {
		memset(out, 0, sizeof(*out));
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
		fs->ic_ino = ino;
		fs->ic_blk = gd.bg_inode_table +
		    (uint32_t)(byte >> fs->log_block_size);
		fs->ic_buf = (int32_t)((size_t)(p - fs->data) >>
		    fs->log_block_size);
		fs->ic_off = (uint32_t)(byte & (fs->block_size - 1));
		p += fs->ic_off;
	}
	/* Read in place: an inode lies at a multiple of inode_size (128 or
	 * more) in a page-aligned buffer, so the struct is aligned.  Every
	 * field of *out is set. */
	raw = (const struct ext2_inode *)p;
	out->ino = ino;
	out->mode = raw->i_mode;
	out->links = raw->i_links_count;
	out->uid = raw->i_uid | (uint32_t)raw->i_uid_high << 16;
	out->gid = raw->i_gid | (uint32_t)raw->i_gid_high << 16;
	out->size = raw->i_size;
	if (EXT2_S_ISREG(raw->i_mode))
		out->size |= (uint64_t)raw->i_size_high << 32;
	out->atime = raw->i_atime;
	out->mtime = raw->i_mtime;
	out->ctime = raw->i_ctime;
	out->dtime = raw->i_dtime;
	out->blocks = raw->i_blocks;
	out->flags = raw->i_flags;
	out->generation = raw->i_generation;
	out->file_acl = raw->i_file_acl;
	memcpy(out->block, raw->i_block, sizeof(out->block));

	if (raw->i_mode == 0 || (raw->i_links_count == 0 &&
	    (!open_ok || raw->i_dtime != 0)))
		return ENOENT;
	if (!mode_ok(raw->i_mode))
		return EIO;
	return OK;
}

int ext2_read_inode(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out)
{
	return get_inode(fs, ino, out, 0);
}

int ext2_read_inode_open(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *out)
{
	return get_inode(fs, ino, out, 1);
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
	if (fs->im_phys && fs->im_ino == ip->ino &&
	    fb - fs->im_first < apb && fb >= fs->im_first &&
	    fs->bufs[fs->im_buf].block == fs->im_phys &&
	    (fs->bufs[fs->im_buf].flags & EXT2_BUF_VALID)) {
		/* The leaf indirect block the last mapping went through. */
		memcpy(&b, buf_data(fs, fs->im_buf) + 4 * (uint32_t)(fb -
		    fs->im_first), 4);
		if (b != 0 && !block_ok(fs, b))
			return EIO;
		*phys = b;
		return OK;
	}
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
		if (levels == 0) {
			fs->im_ino = ip->ino;
			fs->im_phys = b;
			fs->im_first = file_block - (fb & (apb - 1));
			fs->im_buf = (int32_t)((size_t)(p - fs->data) >>
			    fs->log_block_size);
		}
		memcpy(&b, p + 4 * ((fb >> (levels * shift)) & (apb - 1)), 4);
	}
	if (b != 0 && !block_ok(fs, b))
		return EIO;
	*phys = b;
	return OK;
}

/* The cache buffer holding block, or -1. */
static int32_t cache_find(struct ext2_fs *fs, uint32_t block)
{
	int32_t i;

	for (i = *hash_bucket(fs, block); i >= 0; i = fs->bufs[i].hash_next)
		if (fs->bufs[i].block == block)
			return i;
	return -1;
}

static void sort_idx(int32_t *idx, uint32_t n)
{
	uint32_t i, j;
	int32_t x;

	for (i = 1; i < n; i++) {
		x = idx[i];
		for (j = i; j > 0 && idx[j - 1] > x; j--)
			idx[j] = idx[j - 1];
		idx[j] = x;
	}
}

/* Read block phys (file block fb of ip, not cached) and the file blocks
 * after it that follow it on disk, are not cached and come before EOF,
 * up to want blocks (and the single indirect block when it lies among
 * them), in one read_blocks call.  The buffers come from the
 * least recently used end, as cache_lookup's do. */
static int read_run(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t fb, uint32_t phys, uint64_t want)
{
	int32_t idx[EXT2_WRITE_RUN], b;
	void *bufs[EXT2_WRITE_RUN];
	uint64_t last = (ip->size - 1) >> fs->log_block_size, nf;
	uint32_t n, i, p2, cap;
	int r = OK, spec = 0;

	/* The remembered indirect block is used without the LRU hearing of
	 * it: keep it from being the one evicted now. */
	if (fs->im_phys && fs->bufs[fs->im_buf].block == fs->im_phys &&
	    fs->lru_head != fs->im_buf) {
		lru_unlink(fs, fs->im_buf);
		lru_push_head(fs, fs->im_buf);
	}
	cap = fs->nbuf / 4 < EXT2_WRITE_RUN ? fs->nbuf / 4 : EXT2_WRITE_RUN;
	if (want > cap)
		want = cap;
	for (n = 1, nf = 1; n < cap && nf < want && fb + nf <= last; n++, nf++) {
		if (!spec && fb + nf == EXT2_NDIR_BLOCKS &&
		    ip->block[EXT2_IND_BLOCK] == phys + n &&
		    block_ok(fs, phys + n) && cache_find(fs, phys + n) < 0) {
			/* The single indirect block lies right after the
			 * direct blocks, as a file written in order has it:
			 * it joins the request, and so do the blocks after
			 * it, taken for the file's next ones without reading
			 * it first.  Were they not, caching them is harmless:
			 * a block missing from the cache is as on disk. */
			spec = 1;
			if (++n >= cap)
				break;
		}
		if (spec)
			p2 = phys + n;
		else if (ext2_map_block(fs, ip, fb + nf, &p2) != OK)
			break;
		if (p2 != phys + n || !block_ok(fs, p2) ||
		    cache_find(fs, p2) >= 0)
			break;
	}
	if (n < 2)
		return OK;	/* one block: cache_get reads it */
	for (i = 0; i < n; i++) {
		b = fs->lru_tail;
		if ((fs->bufs[b].flags & EXT2_BUF_DIRTY) && (r = ext2_sync(fs)) != OK)
			break;
		if (fs->bufs[b].flags & EXT2_BUF_VALID)
			hash_remove(fs, b);
		fs->bufs[b].flags = 0;
		lru_unlink(fs, b);
		lru_push_head(fs, b);
		idx[i] = b;
	}
	/* Blocks in ascending buffer order: taken from a cache used in order,
	 * they lie one after the other in memory and a later read copies
	 * them in one piece (merge_next). */
	sort_idx(idx, i);
	for (p2 = 0; p2 < i; p2++)
		bufs[p2] = buf_data(fs, idx[p2]);
	if (r == OK) {
		fs->cache_misses += n;
		r = fs->dev.read_blocks(fs->dev.ctx, phys, fs->block_size, n, bufs);
		if (r > 0)
			r = EIO;
	}
	if (r != OK) {
		/* Nothing cached: the taken buffers go back, empty. */
		while (i-- > 0) {
			lru_unlink(fs, idx[i]);
			lru_push_tail(fs, idx[i]);
		}
		return r;
	}
	for (i = n; i-- > 0;) {
		b = idx[i];
		fs->bufs[b].block = phys + i;
		fs->bufs[b].flags = EXT2_BUF_VALID;
		fs->bufs[b].hash_next = *hash_bucket(fs, phys + i);
		*hash_bucket(fs, phys + i) = b;
		lru_unlink(fs, b);
		lru_push_head(fs, b);
	}
	return OK;
}

/* After file block *fb, held by buffer hit and read to its end: how many
 * more bytes (at most left, and at most to_eof) the piece can take from
 * the file's next blocks while they are cached in the buffers right
 * after hit in memory (read-ahead fills buffers in order), up to
 * EXT2_MERGE_MAX blocks in all.  *fb becomes the last block taken.  Each
 * block taken is used (LRU), as a piece of its own would be. */
static size_t merge_next(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t *fb, int32_t hit, uint64_t left, uint64_t to_eof)
{
	uint32_t bs = fs->block_size, phys, k, max = EXT2_MERGE_MAX;
	const uint8_t *leaf = NULL;
	size_t more = 0, take;
	uint64_t first = 0;
	struct ext2_buf *b;
	int32_t i;

	if (left > to_eof)
		left = to_eof;
	if (left == 0)
		return 0;
	if (fs->nbuf - (uint32_t)hit < max)
		max = fs->nbuf - (uint32_t)hit;
	/* The remembered leaf indirect block, read in place: taking cached
	 * blocks evicts nothing, so it stays valid through the loop. */
	if (fs->im_phys && fs->im_ino == ip->ino &&
	    fs->bufs[fs->im_buf].block == fs->im_phys &&
	    (fs->bufs[fs->im_buf].flags & EXT2_BUF_VALID)) {
		leaf = buf_data(fs, fs->im_buf);
		first = fs->im_first;
	}
	for (k = 1; k < max && left > 0; k++) {
		uint64_t nb = *fb + 1;
		i = hit + (int32_t)k;
		b = &fs->bufs[i];
		if (leaf && nb - first < fs->addr_per_block && nb >= first)
			memcpy(&phys, leaf + 4 * (uint32_t)(nb - first), 4);
		else if (nb < EXT2_NDIR_BLOCKS)
			phys = ip->block[nb];
		else if (ext2_map_block(fs, ip, nb, &phys) != OK)
			break;
		if (phys == 0 || b->block != phys ||
		    !(b->flags & EXT2_BUF_VALID) || !block_ok(fs, phys))
			break;
		fs->cache_hits++;
		lru_unlink(fs, i);
		lru_push_head(fs, i);
		take = left < bs ? (size_t)left : bs;
		more += take;
		left -= take;
		(*fb)++;
	}
	return more;
}

int ext2_read_chunk(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t offset, size_t len, const void **data, size_t *chunk)
{
	uint32_t boff, phys;
	uint64_t n, fb, want;
	const uint8_t *p;
	int32_t hit;
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
	fb = offset >> fs->log_block_size;
	r = ext2_map_block(fs, ip, fb, &phys);
	if (r != OK)
		return r;
	if (phys != 0) {
		if ((hit = cache_find(fs, phys)) >= 0) {
			fs->cache_hits++;
			if (fs->lru_head != hit) {
				lru_unlink(fs, hit);
				lru_push_head(fs, hit);
			}
			p = buf_data(fs, hit);
			*data = p + boff;
			/* The file's next blocks, when the next buffers
			 * hold them, join this piece: one copy. */
			n += merge_next(fs, ip, &fb, hit, len - n,
			    ip->size - offset - n);
			goto done;
		} else {
			if (fs->dev.read_blocks != NULL) {
				/* A miss: the request's blocks, or a
				 * sequential reader's next EXT2_WRITE_RUN,
				 * in one read. */
				want = ((uint64_t)boff + len + fs->block_size -
				    1) >> fs->log_block_size;
				if (fs->ra_ino == ip->ino && fs->ra_next == fb)
					want = EXT2_WRITE_RUN;
				if ((r = read_run(fs, ip, fb, phys, want)) != OK)
					return r;
			}
			if ((r = cache_get(fs, phys, &p)) != OK)
				return r;
		}
		*data = p + boff;
	}
done:
	fs->ra_ino = ip->ino;
	fs->ra_next = fb + 1;
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

/* ==== changing the file system ==== */

#define SB_BLOCK	(EXT2_SUPER_OFFSET / EXT2_SUPER_SIZE)
#define REC_LEN(nl)	((DIRENT_HEAD + (uint32_t)(nl) + 3) & ~3u)

static uint32_t now(const struct ext2_fs *fs)
{
	return fs->dev.now ? fs->dev.now(fs->dev.ctx) : 0;
}

static int writable(const struct ext2_fs *fs)
{
	return fs->dev.write_block != NULL;
}

/* Mark the cache buffer holding p (from cache_get) dirty, holding a
 * block of this kind (EXT2_KIND_*: its place in the write order). */
/* ---- changes as transactions ----
 * Every public call that changes the file system runs between tx_begin
 * and tx_end.  The first time it writes a buffer (cache_getw, cache_new)
 * the buffer's contents and flags are kept (tx_log); if the call fails,
 * tx_undo puts every one back, and the superblock copy too, so a failing
 * call (EIO on a corrupt image, ENOSPC) leaves the disk as it was.  A
 * call that writes more than EXT2_TX_MAX blocks (a large truncate) is not
 * put back. */

static void tx_begin(struct ext2_fs *fs)
{
	if (fs->tx_depth++ > 0)
		return;
	fs->tx_n = 0;
	fs->tx_overflow = fs->tx_synced = 0;
	fs->tx_sb = fs->sb;
	fs->tx_sb_dirty = fs->sb_dirty;
	fs->tx_ro_compat = fs->feature_ro_compat;
}

/* Keep block's contents before the change writes it: data (the buffer
 * holding it, with its flags), or NULL if it is not cached. */
static void tx_log(struct ext2_fs *fs, uint32_t block, const uint8_t *data,
	uint32_t flags)
{
	struct ext2_undo *e;
	uint32_t k;

	if (!fs->tx_depth || fs->tx_overflow)
		return;
	for (k = 0; k < fs->tx_n; k++)
		if (fs->tx_log[k].block == block)
			return;
	if (k == EXT2_TX_MAX) {
		fs->tx_overflow = 1;
		return;
	}
	e = &fs->tx_log[fs->tx_n++];
	e->block = block;
	e->absent = data == NULL;
	e->flags = flags;
	if (data)
		memcpy(fs->tx_data + (size_t)k * fs->block_size, data,
		    fs->block_size);
}

static void set_clean(struct ext2_fs *fs, int32_t i, uint32_t flags)
{
	if (fs->bufs[i].flags & EXT2_BUF_DIRTY)
		fs->ndirty--;
	fs->bufs[i].flags = flags & ~(uint32_t)EXT2_BUF_DIRTY;
}

static void mark_dirty(struct ext2_fs *fs, const uint8_t *p, int kind);

/* The call failed: every block it wrote gets its old contents back.  A
 * buffer written back meanwhile (an eviction's sync) is made dirty, so
 * that the old contents reach the disk again. */
static void tx_undo(struct ext2_fs *fs)
{
	const struct ext2_undo *e;
	const uint8_t *c;
	uint32_t k, kind;
	int32_t i;

	for (k = 0; k < fs->tx_n; k++) {
		e = &fs->tx_log[k];
		kind = (e->flags >> 8) & 0xff;
		i = cache_find(fs, e->block);
		if (e->absent) {
			/* A new block: never on disk, forget it. */
			if (i >= 0) {
				set_clean(fs, i, 0);
				hash_remove(fs, i);
				lru_unlink(fs, i);
				lru_push_tail(fs, i);
			}
			continue;
		}
		if (i < 0) {
			/* Evicted, so written back: bring it back. */
			if (cache_lookup(fs, e->block, 1, &c) != OK)
				continue;
			i = (int32_t)((size_t)(c - fs->data) >>
			    fs->log_block_size);
		}
		memcpy(buf_data(fs, i), fs->tx_data + (size_t)k * fs->block_size,
		    fs->block_size);
		if (e->flags & EXT2_BUF_DIRTY || fs->tx_synced ||
		    !(e->flags & EXT2_BUF_VALID))
			mark_dirty(fs, buf_data(fs, i), (int)kind);
		else
			set_clean(fs, i, e->flags);
	}
	fs->sb = fs->tx_sb;
	fs->sb_dirty = fs->tx_sb_dirty || fs->tx_synced;
	fs->feature_ro_compat = fs->tx_ro_compat;
	fs->im_phys = 0;
	fs->ic_ino = 0;
	fs->rd_ino = 0;
}

static int tx_end(struct ext2_fs *fs, int r)
{
	if (--fs->tx_depth > 0)
		return r;
	if (r != OK && !fs->tx_overflow)
		tx_undo(fs);
	fs->tx_n = 0;
	return r;
}

static void mark_dirty(struct ext2_fs *fs, const uint8_t *p, int kind)
{
	uint32_t i = (uint32_t)((size_t)(p - fs->data) / fs->block_size);

	if (!(fs->bufs[i].flags & EXT2_BUF_DIRTY))
		fs->ndirty++;
	fs->bufs[i].flags = (fs->bufs[i].flags & 0xff) | EXT2_BUF_DIRTY |
	    (uint32_t)kind << 8;
}

/* Block `block` through the cache, to be changed (marked dirty now). */
static int cache_getw(struct ext2_fs *fs, uint32_t block, int kind,
	uint8_t **p)
{
	const uint8_t *c;
	int r;

	if ((r = cache_lookup(fs, block, 0, &c)) != OK)
		return r;
	if (fs->tx_depth)
		tx_log(fs, block, c, fs->bufs[(size_t)(c - fs->data) >>
		    fs->log_block_size].flags);
	mark_dirty(fs, c, kind);
	*p = (uint8_t *)c;
	return OK;
}

/* A newly allocated block: a zeroed dirty buffer, nothing read. */
static int cache_new(struct ext2_fs *fs, uint32_t block, int kind,
	uint8_t **p)
{
	const uint8_t *c;
	int32_t i;
	int r;


	if (fs->tx_depth) {
		i = cache_find(fs, block);
		tx_log(fs, block, i >= 0 ? buf_data(fs, i) : NULL,
		    i >= 0 ? fs->bufs[i].flags : 0);
	}
	if ((r = cache_lookup(fs, block, 1, &c)) != OK)
		return r;
	mark_dirty(fs, c, kind);
	*p = (uint8_t *)c;
	return OK;
}

/* Sort the n buffer indices of bufs[].sorted by block number (Shell's
 * sort with Ciura's gaps: no recursion, no memory). */
static void sort_dirty(struct ext2_fs *fs, uint32_t n)
{
	static const uint32_t gaps[] = { 701, 301, 132, 57, 23, 10, 4, 1 };
	uint32_t g, i, j, gap;
	int32_t v;

	for (g = 0; g < sizeof(gaps) / sizeof(gaps[0]); g++) {
		gap = gaps[g];
		for (i = gap; i < n; i++) {
			v = fs->bufs[i].sorted;
			for (j = i; j >= gap && fs->bufs[fs->bufs[j - gap].sorted].block >
			    fs->bufs[v].block; j -= gap)
				fs->bufs[j].sorted = fs->bufs[j - gap].sorted;
			fs->bufs[j].sorted = v;
		}
	}
}

/* Write the run of n buffers sorted[k..k+n) (consecutive blocks). */
static int write_run(struct ext2_fs *fs, uint32_t k, uint32_t n)
{
	const void *bufs[EXT2_WRITE_RUN];
	uint32_t i;
	int32_t b;
	int r;

	for (i = 0; i < n; i++)
		bufs[i] = buf_data(fs, fs->bufs[k + i].sorted);
	fs->writes++;
	if (n == 1 || fs->dev.write_blocks == NULL) {
		for (i = 0, r = OK; i < n && r == OK; i++) {
			b = fs->bufs[k + i].sorted;
			r = fs->dev.write_block(fs->dev.ctx, fs->bufs[b].block,
			    fs->block_size, bufs[i]);
		}
	} else {
		r = fs->dev.write_blocks(fs->dev.ctx,
		    fs->bufs[fs->bufs[k].sorted].block, fs->block_size, n, bufs);
	}
	if (r != OK)
		return r < 0 ? r : EIO;
	for (i = 0; i < n; i++)
		fs->bufs[fs->bufs[k + i].sorted].flags &=
		    ~(uint32_t)EXT2_BUF_DIRTY;
	fs->ndirty -= n;
	return OK;
}

/* Write the dirty buffers of one kind, in block order. */
static int sync_pass(struct ext2_fs *fs, uint32_t kind)
{
	uint32_t i, n = 0, k, run, f;
	int r;

	for (i = 0; i < fs->nbuf; i++) {
		f = fs->bufs[i].flags;
		if ((f & EXT2_BUF_DIRTY) && (f & EXT2_BUF_VALID) &&
		    EXT2_BUF_KIND(f) == kind)
			fs->bufs[n++].sorted = (int32_t)i;
	}
	sort_dirty(fs, n);
	for (k = 0; k < n; k += run) {
		for (run = 1; k + run < n && run < EXT2_WRITE_RUN &&
		    fs->bufs[fs->bufs[k + run].sorted].block ==
		    fs->bufs[fs->bufs[k].sorted].block + run; run++)
			;
		if ((r = write_run(fs, k, run)) != OK)
			return r;
	}
	return OK;
}

int ext2_sync(struct ext2_fs *fs)
{
	uint32_t kind;
	int r;

	if (!writable(fs))
		return OK;
	if (fs->tx_depth)
		fs->tx_synced = 1;	/* a change's blocks may be written */
	for (kind = 0; kind < EXT2_KINDS; kind++)
		if ((r = sync_pass(fs, kind)) != OK)
			return r;
	if (fs->sb_dirty) {
		fs->sb.s_wtime = now(fs);
		fs->writes++;
		r = fs->dev.write_block(fs->dev.ctx, SB_BLOCK, EXT2_SUPER_SIZE,
		    &fs->sb);
		if (r != OK)
			return r < 0 ? r : EIO;
		fs->sb_dirty = 0;
	}
	return OK;
}

uint32_t ext2_dirty_count(const struct ext2_fs *fs)
{
	return fs->ndirty + (fs->sb_dirty ? 1 : 0);
}

/* ---- group descriptors, bitmaps, allocation ---- */

static int write_group_desc(struct ext2_fs *fs, uint32_t g,
	const struct ext2_group_desc *gd)
{
	uint32_t per = fs->block_size / DESC_SIZE;
	uint8_t *p;
	int r;

	if ((r = cache_getw(fs, fs->gdt_block + g / per, EXT2_KIND_META, &p)) != OK)
		return r;
	memcpy(p + (g % per) * DESC_SIZE, gd, DESC_SIZE);
	return OK;
}

static uint32_t group_blocks(const struct ext2_fs *fs, uint32_t g)
{
	uint32_t first = fs->first_data_block + g * fs->blocks_per_group;

	if (fs->blocks_count - first < fs->blocks_per_group)
		return fs->blocks_count - first;
	return fs->blocks_per_group;
}

/* The first clear bit in [from, n) of map, or -1. */
static int32_t find_clear(const uint8_t *map, uint32_t from, uint32_t n)
{
	uint32_t i = from;

	while (i < n) {
		if ((i & 7) == 0 && map[i >> 3] == 0xff) {
			i += 8;
			continue;
		}
		if (!(map[i >> 3] & (1u << (i & 7))))
			return (int32_t)i;
		i++;
	}
	return -1;
}

static int free_ok(const struct ext2_fs *fs, const struct ext2_group_desc *gd,
	uint32_t b);

/* Take the first clear bit at or after `from` in the bitmap at
 * `map_block` of n bits: set it, *bit = its index.  ENOSPC if none.  For
 * a block bitmap (gd given, base its group's first block) the block must
 * be one that can be handed out (EIO if not: a corrupt bitmap). */
static int take_bit(struct ext2_fs *fs, uint32_t map_block, uint32_t from,
	uint32_t n, const struct ext2_group_desc *gd, uint32_t base,
	uint32_t *bit)
{
	const uint8_t *p;
	uint8_t *w;
	int32_t b;
	int r;

	if (!block_ok(fs, map_block))
		return EIO;
	if ((r = cache_get(fs, map_block, &p)) != OK)
		return r;
	if ((b = find_clear(p, from, n)) < 0)
		return ENOSPC;
	if (gd != NULL && !free_ok(fs, gd, base + (uint32_t)b))
		return EIO;
	if ((r = cache_getw(fs, map_block, EXT2_KIND_META, &w)) != OK)
		return r;
	w[b >> 3] |= (uint8_t)(1u << (b & 7));
	*bit = (uint32_t)b;
	return OK;
}

/* Clear bit `bit` of the bitmap at map_block; EIO if it was clear. */
static int drop_bit(struct ext2_fs *fs, uint32_t map_block, uint32_t bit)
{
	uint8_t *w;
	int r;

	if (!block_ok(fs, map_block))
		return EIO;
	if ((r = cache_getw(fs, map_block, EXT2_KIND_META, &w)) != OK)
		return r;
	if (!(w[bit >> 3] & (1u << (bit & 7))))
		return EIO;
	w[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
	return OK;
}

/* Can block b, found free in the bitmap of the group gd describes, be
 * handed out?  Not below the group descriptors, and not the group's own
 * bitmaps or inode table (a corrupt bitmap could say so). */
static int free_ok(const struct ext2_fs *fs, const struct ext2_group_desc *gd,
	uint32_t b)
{
	return block_ok(fs, b) && b != gd->bg_block_bitmap &&
	    b != gd->bg_inode_bitmap && (b < gd->bg_inode_table ||
	    b - gd->bg_inode_table >= fs->itable_blocks);
}

/* Allocate a block, the first free one from goal on (wrapping around). */
static int alloc_block(struct ext2_fs *fs, uint32_t goal, uint32_t *out)
{
	struct ext2_group_desc gd;
	uint32_t g0, g, k, from, bit;
	int r;

	if (fs->sb.s_free_blocks_count == 0)
		return ENOSPC;
	if (goal < fs->first_data_block || goal >= fs->blocks_count)
		goal = fs->first_data_block;
	g0 = (goal - fs->first_data_block) / fs->blocks_per_group;
	for (k = 0; k <= fs->groups; k++) {
		g = (g0 + k) % fs->groups;
		from = k == 0 ? goal - fs->first_data_block -
		    g * fs->blocks_per_group : 0;
		if ((r = read_group_desc(fs, g, &gd)) != OK)
			return r;
		if (gd.bg_free_blocks_count == 0)
			continue;
		r = take_bit(fs, gd.bg_block_bitmap, from, group_blocks(fs, g),
		    &gd, fs->first_data_block + g * fs->blocks_per_group, &bit);
		if (r == ENOSPC)
			continue;
		if (r != OK)
			return r;
		*out = fs->first_data_block + g * fs->blocks_per_group + bit;
		gd.bg_free_blocks_count--;
		if ((r = write_group_desc(fs, g, &gd)) != OK)
			return r;
		fs->sb.s_free_blocks_count--;
		fs->sb_dirty = 1;
		return OK;
	}
	return ENOSPC;
}

static int free_block(struct ext2_fs *fs, uint32_t b)
{
	struct ext2_group_desc gd;
	uint32_t g;
	int r;

	if (!block_ok(fs, b))
		return EIO;
	fs->im_phys = 0;	/* it may be the remembered indirect block */
	g = (b - fs->first_data_block) / fs->blocks_per_group;
	if ((r = read_group_desc(fs, g, &gd)) != OK)
		return r;
	r = drop_bit(fs, gd.bg_block_bitmap,
	    b - fs->first_data_block - g * fs->blocks_per_group);
	if (r != OK)
		return r;
	gd.bg_free_blocks_count++;
	if ((r = write_group_desc(fs, g, &gd)) != OK)
		return r;
	fs->sb.s_free_blocks_count++;
	fs->sb_dirty = 1;
	return OK;
}

/* Allocate an inode, in the group of inode near or the next with one. */
static int alloc_inode(struct ext2_fs *fs, uint32_t near, int is_dir,
	uint32_t *out)
{
	struct ext2_group_desc gd;
	uint32_t g0, g, k, bit, from;
	int r;

	if (fs->sb.s_free_inodes_count == 0)
		return ENOSPC;
	g0 = (near - 1) / fs->inodes_per_group;
	for (k = 0; k < fs->groups; k++) {
		g = (g0 + k) % fs->groups;
		if ((r = read_group_desc(fs, g, &gd)) != OK)
			return r;
		if (gd.bg_free_inodes_count == 0)
			continue;
		from = g == 0 ? fs->first_ino - 1 : 0;
		r = take_bit(fs, gd.bg_inode_bitmap, from, fs->inodes_per_group,
		    NULL, 0, &bit);
		if (r == ENOSPC)
			continue;
		if (r != OK)
			return r;
		gd.bg_free_inodes_count--;
		if (is_dir)
			gd.bg_used_dirs_count++;
		if ((r = write_group_desc(fs, g, &gd)) != OK)
			return r;
		fs->sb.s_free_inodes_count--;
		fs->sb_dirty = 1;
		*out = g * fs->inodes_per_group + bit + 1;
		return OK;
	}
	return ENOSPC;
}

static int free_inode(struct ext2_fs *fs, uint32_t ino, int is_dir)
{
	struct ext2_group_desc gd;
	uint32_t g = (ino - 1) / fs->inodes_per_group;
	int r;

	if ((r = read_group_desc(fs, g, &gd)) != OK)
		return r;
	if ((r = drop_bit(fs, gd.bg_inode_bitmap,
	    (ino - 1) % fs->inodes_per_group)) != OK)
		return r;
	gd.bg_free_inodes_count++;
	if (is_dir && gd.bg_used_dirs_count > 0)
		gd.bg_used_dirs_count--;
	if ((r = write_group_desc(fs, g, &gd)) != OK)
		return r;
	fs->sb.s_free_inodes_count++;
	fs->sb_dirty = 1;
	return OK;
}

/* ---- inodes ---- */

/* Where inode ino lives: its itable block and the byte offset in it. */
static int inode_loc(struct ext2_fs *fs, uint32_t ino, uint32_t *blk,
	uint32_t *off)
{
	struct ext2_group_desc gd;
	uint64_t byte;
	int r;

	if (ino == 0 || ino > fs->inodes_count)
		return EINVAL;
	if ((r = read_group_desc(fs, (ino - 1) / fs->inodes_per_group,
	    &gd)) != OK)
		return r;
	if (!itable_ok(fs, &gd))
		return EIO;
	byte = (uint64_t)((ino - 1) % fs->inodes_per_group) * fs->inode_size;
	*blk = gd.bg_inode_table + (uint32_t)(byte >> fs->log_block_size);
	*off = (uint32_t)byte & (fs->block_size - 1);
	return OK;
}

int ext2_write_inode(struct ext2_fs *fs, const struct ext2_inode_info *ip)
{
	struct ext2_inode raw;
	uint32_t blk, off;
	uint8_t *p;
	int r;

	if (!writable(fs))
		return EROFS;
	if ((r = inode_loc(fs, ip->ino, &blk, &off)) != OK)
		return r;
	if ((r = cache_getw(fs, blk, EXT2_KIND_INODE, &p)) != OK)
		return r;
	memcpy(&raw, p + off, sizeof(raw));
	raw.i_mode = ip->mode;
	raw.i_uid = (uint16_t)ip->uid;
	raw.i_uid_high = (uint16_t)(ip->uid >> 16);
	raw.i_gid = (uint16_t)ip->gid;
	raw.i_gid_high = (uint16_t)(ip->gid >> 16);
	raw.i_size = (uint32_t)ip->size;
	if (EXT2_S_ISREG(ip->mode))
		raw.i_size_high = (uint32_t)(ip->size >> 32);
	raw.i_atime = ip->atime;
	raw.i_mtime = ip->mtime;
	raw.i_ctime = ip->ctime;
	raw.i_dtime = ip->dtime;
	raw.i_links_count = ip->links;
	raw.i_blocks = ip->blocks;
	raw.i_blocks_hi = 0;
	raw.i_flags = ip->flags;
	raw.i_generation = ip->generation;
	raw.i_file_acl = ip->file_acl;
	memcpy(raw.i_block, ip->block, sizeof(raw.i_block));
	memcpy(p + off, &raw, sizeof(raw));

	/* A file of 2 GiB or more needs the large_file feature. */
	if (EXT2_S_ISREG(ip->mode) && ip->size >= 0x80000000u &&
	    fs->sb.s_rev_level == EXT2_DYNAMIC_REV &&
	    !(fs->feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE)) {
		fs->feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
		fs->sb.s_feature_ro_compat = fs->feature_ro_compat;
		fs->sb_dirty = 1;
	}
	return OK;
}

/* A fresh on-disk inode ino: all zero but i_extra_isize (as mke2fs sets
 * it for large inodes), then *ip as given. */
static int new_inode(struct ext2_fs *fs, struct ext2_inode_info *ip)
{
	uint32_t blk, off;
	uint16_t extra;
	uint8_t *p;
	int r;

	if ((r = inode_loc(fs, ip->ino, &blk, &off)) != OK)
		return r;
	if ((r = cache_getw(fs, blk, EXT2_KIND_INODE, &p)) != OK)
		return r;
	memset(p + off, 0, fs->inode_size);
	if (fs->inode_size > EXT2_GOOD_OLD_INODE_SIZE + 4) {
		/* s_want_extra_isize at 0x15e, else the kernel's 32. */
		memcpy(&extra, (const uint8_t *)&fs->sb + 0x15e, 2);
		if (extra == 0 || extra > fs->inode_size - EXT2_GOOD_OLD_INODE_SIZE)
			extra = 32;
		memcpy(p + off + EXT2_GOOD_OLD_INODE_SIZE, &extra, 2);
	}
	return ext2_write_inode(fs, ip);
}

/* ---- block maps ---- */

/* The path to file block fb: the i_block slot, and the index at each of
 * `levels` indirect levels.  EFBIG past triple indirection. */
static int bmap_path(const struct ext2_fs *fs, uint64_t fb, uint32_t *slot,
	uint32_t idx[3], int *levels)
{
	uint64_t apb = fs->addr_per_block, m = apb - 1;
	uint32_t sh = fs->addr_shift;

	if (fb < EXT2_NDIR_BLOCKS) {
		*slot = (uint32_t)fb;
		*levels = 0;
		return OK;
	}
	fb -= EXT2_NDIR_BLOCKS;
	if (fb < apb) {
		*slot = EXT2_IND_BLOCK;
		*levels = 1;
		idx[0] = (uint32_t)fb;
		return OK;
	}
	fb -= apb;
	if (fb < apb << sh) {
		*slot = EXT2_DIND_BLOCK;
		*levels = 2;
		idx[0] = (uint32_t)(fb >> sh);
		idx[1] = (uint32_t)(fb & m);
		return OK;
	}
	fb -= apb << sh;
	if (fb < apb << (2 * sh)) {
		*slot = EXT2_TIND_BLOCK;
		*levels = 3;
		idx[0] = (uint32_t)(fb >> (2 * sh));
		idx[1] = (uint32_t)((fb >> sh) & m);
		idx[2] = (uint32_t)(fb & m);
		return OK;
	}
	return EFBIG;
}

static uint32_t entry_at(const uint8_t *p, uint32_t i)
{
	uint32_t v;

	memcpy(&v, p + 4 * i, 4);
	return v;
}

/* How many blocks mapping file block fb would allocate (0 to 4). */
static int blocks_needed(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t fb, uint32_t *need)
{
	uint32_t slot, idx[3], b;
	const uint8_t *p;
	int levels, l, r;

	if ((r = bmap_path(fs, fb, &slot, idx, &levels)) != OK)
		return r;
	b = ip->block[slot];
	for (l = 0; l < levels && b != 0; l++) {
		if (!block_ok(fs, b))
			return EIO;
		if ((r = cache_get(fs, b, &p)) != OK)
			return r;
		b = entry_at(p, idx[l]);
	}
	*need = b != 0 ? 0 : (uint32_t)(levels - l) + 1;
	return OK;
}

/* Where the next block of ip should go. */
static uint32_t alloc_goal(const struct ext2_fs *fs,
	const struct ext2_inode_info *ip)
{
	if (fs->goal_ino == ip->ino && fs->goal_block != 0)
		return fs->goal_block + 1;
	return fs->first_data_block + ((ip->ino - 1) / fs->inodes_per_group) *
	    fs->blocks_per_group;
}

/* One more block for ip: allocated near its others, counted in i_blocks,
 * and a zeroed buffer for it in the cache. */
static int grab_block(struct ext2_fs *fs, struct ext2_inode_info *ip,
	int kind, uint32_t *b)
{
	uint8_t *p;
	int r;

	if ((r = alloc_block(fs, alloc_goal(fs, ip), b)) != OK)
		return r;
	fs->goal_ino = ip->ino;
	fs->goal_block = *b;
	ip->blocks += fs->block_size / 512;
	return cache_new(fs, *b, kind, &p);
}

/* Map file block fb of ip, allocating the missing indirect blocks and the
 * block itself (of `kind`; *fresh = 1 then: a zeroed buffer).  The caller
 * has checked with blocks_needed() that there is room.  An indirect block
 * n levels above the data is of kind EXT2_KIND_IND1 + n - 1. */
static int bmap_alloc(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t fb, int kind, uint32_t *phys, int *fresh)
{
	uint32_t slot, idx[3], b, next;
	const uint8_t *p;
	uint8_t *w;
	int levels, l, r;

	*fresh = 0;
	if ((r = bmap_path(fs, fb, &slot, idx, &levels)) != OK)
		return r;
	if ((b = ip->block[slot]) == 0) {
		if ((r = grab_block(fs, ip, levels == 0 ? kind :
		    EXT2_KIND_IND1 + levels - 1, &b)) != OK)
			return r;
		ip->block[slot] = b;
		*fresh = levels == 0;
	}
	for (l = 0; l < levels; l++) {
		if (!block_ok(fs, b))
			return EIO;
		if ((r = cache_get(fs, b, &p)) != OK)
			return r;
		if ((next = entry_at(p, idx[l])) == 0) {
			r = grab_block(fs, ip, l == levels - 1 ? kind :
			    EXT2_KIND_IND1 + levels - l - 2, &next);
			if (r != OK)
				return r;
			if ((r = cache_getw(fs, b, EXT2_KIND_IND1 + levels - l - 1,
			    &w)) != OK)
				return r;
			memcpy(w + 4 * idx[l], &next, 4);
			*fresh = l == levels - 1;
		}
		b = next;
	}
	if (!block_ok(fs, b))
		return EIO;
	*phys = b;
	return OK;
}

/* Free the blocks of the tree under *ptr (an indirect block of `level`)
 * that map file blocks `start` on (relative to the tree); the tree's own
 * block goes too when start is 0. */
static int trim_tree(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint32_t *ptr, int level, uint64_t start)
{
	uint32_t sh = fs->addr_shift * (uint32_t)(level - 1), i, e, e2;
	uint64_t first = start >> sh;
	const uint8_t *p;
	uint8_t *w;
	int r;

	if (*ptr == 0)
		return OK;
	if (!block_ok(fs, *ptr))
		return EIO;
	for (i = (uint32_t)first; i < fs->addr_per_block; i++) {
		if ((r = cache_get(fs, *ptr, &p)) != OK)
			return r;
		if ((e = entry_at(p, i)) == 0)
			continue;
		e2 = e;
		if (level == 1) {
			if ((r = free_block(fs, e)) != OK)
				return r;
			ip->blocks -= fs->block_size / 512;
			e2 = 0;
		} else {
			r = trim_tree(fs, ip, &e2, level - 1, i == first ?
			    start - ((uint64_t)i << sh) : 0);
			if (r != OK)
				return r;
		}
		if (e2 != e && start != 0) {
			if ((r = cache_getw(fs, *ptr, EXT2_KIND_IND1 + level - 1,
			    &w)) != OK)
				return r;
			memcpy(w + 4 * i, &e2, 4);
		}
	}
	if (start == 0) {
		if ((r = free_block(fs, *ptr)) != OK)
			return r;
		ip->blocks -= fs->block_size / 512;
		*ptr = 0;
	}
	return OK;
}

/* Free every block of ip that maps file block `first` or later. */
static int trim_blocks(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t first)
{
	uint64_t apb = fs->addr_per_block, base = EXT2_NDIR_BLOCKS, span;
	uint32_t i;
	int level, r;

	if (ext2_is_fast_symlink(fs, ip))
		return OK;
	for (i = (uint32_t)(first < base ? first : base); i < base; i++) {
		if (ip->block[i] == 0)
			continue;
		if ((r = free_block(fs, ip->block[i])) != OK)
			return r;
		ip->blocks -= fs->block_size / 512;
		ip->block[i] = 0;
	}
	for (level = 1; level <= 3; level++) {
		span = apb << (fs->addr_shift * (uint32_t)(level - 1));
		if (first < base + span) {
			r = trim_tree(fs, ip, &ip->block[EXT2_IND_BLOCK + level - 1],
			    level, first > base ? first - base : 0);
			if (r != OK)
				return r;
		}
		base += span;
	}
	return OK;
}

/* ---- file data ---- */

static int zero_range(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t from, uint64_t to);

int ext2_write_chunk(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset, size_t len, void **data, size_t *chunk)
{
	uint32_t boff = (uint32_t)offset & (fs->block_size - 1), phys, need;
	uint64_t fb = offset >> fs->log_block_size;
	size_t n = fs->block_size - boff;
	const uint8_t *p;
	uint8_t *w;
	int fresh, r;

	*data = NULL;
	*chunk = 0;
	if (!writable(fs))
		return EROFS;
	if (!EXT2_S_ISREG(ip->mode))
		return EINVAL;
	if (n > len)
		n = len;
	if ((r = ext2_map_block(fs, ip, fb, &phys)) != OK)
		return r;
	if (phys != 0) {
		if ((r = cache_getw(fs, phys, EXT2_KIND_DATA, &w)) != OK)
			return r;
	} else {
		if ((r = blocks_needed(fs, ip, fb, &need)) != OK)
			return r;
		if (need > fs->sb.s_free_blocks_count)
			return ENOSPC;
		if ((r = bmap_alloc(fs, ip, fb, EXT2_KIND_DATA, &phys,
		    &fresh)) != OK)
			return r;
		if ((r = cache_lookup(fs, phys, 0, &p)) != OK)
			return r;
		w = (uint8_t *)p;
	}
	*data = w + boff;
	*chunk = n;
	return OK;
}

void ext2_redirty(struct ext2_fs *fs, const void *data)
{
	mark_dirty(fs, data, EXT2_KIND_DATA);
}

int ext2_write_begin(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset)
{
	uint64_t mask = fs->block_size - 1, end;

	if (!writable(fs))
		return EROFS;
	if (!EXT2_S_ISREG(ip->mode))
		return EINVAL;
	if (offset <= ip->size || (ip->size & mask) == 0)
		return OK;
	end = (ip->size | mask) + 1;
	return zero_range(fs, ip, ip->size, end < offset ? end : offset);
}

int ext2_write_finish(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t end, size_t written, int failed)
{
	uint64_t bs = fs->block_size;
	int r;

	if (end > ip->size)
		ip->size = end;
	if (written > 0)
		ip->mtime = ip->ctime = now(fs);
	if (failed && (r = trim_blocks(fs, ip,
	    (ip->size + bs - 1) >> fs->log_block_size)) != OK)
		return r;
	return ext2_write_inode(fs, ip);
}

ssize_t ext2_write_data(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t offset, const void *buf, size_t len)
{
	const uint8_t *src = buf;
	size_t done = 0, n;
	void *dst;
	int r = OK, r2;

	if (len > INT32_MAX)
		len = INT32_MAX;
	if ((r = ext2_write_begin(fs, ip, offset)) != OK)
		return r;
	while (done < len) {
		r = ext2_write_chunk(fs, ip, offset + done, len - done, &dst, &n);
		if (r != OK)
			break;
		memcpy(dst, src + done, n);
		done += n;
	}
	r2 = ext2_write_finish(fs, ip, done ? offset + done : 0, done,
	    r != OK);
	if (done == 0)
		return r != OK ? r : r2;
	return r2 != OK ? r2 : (ssize_t)done;
}

/* Zero bytes [from, to) of ip inside one block, if that block exists. */
static int zero_range(struct ext2_fs *fs, const struct ext2_inode_info *ip,
	uint64_t from, uint64_t to)
{
	uint32_t phys;
	uint8_t *w;
	int r;

	if (from >= to)
		return OK;
	if ((r = ext2_map_block(fs, ip, from >> fs->log_block_size,
	    &phys)) != OK || phys == 0)
		return r;
	if ((r = cache_getw(fs, phys, EXT2_KIND_DATA, &w)) != OK)
		return r;
	memset(w + (from & (fs->block_size - 1)), 0, (size_t)(to - from));
	return OK;
}

static int tx_truncate(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t size)
{
	uint64_t bs = fs->block_size, mask = bs - 1, end;
	uint32_t slot, idx[3];
	int levels, r;

	if (!writable(fs))
		return EROFS;
	if (EXT2_S_ISDIR(ip->mode))
		return EISDIR;
	if (!EXT2_S_ISREG(ip->mode))
		return EINVAL;
	if (size > 0 && bmap_path(fs, (size - 1) >> fs->log_block_size, &slot,
	    idx, &levels) != OK)
		return EFBIG;
	if (size < ip->size) {
		if ((r = trim_blocks(fs, ip, (size + mask) >>
		    fs->log_block_size)) != OK)
			return r;
		end = (size | mask) + 1;
		if ((size & mask) && (r = zero_range(fs, ip, size, end)) != OK)
			return r;
	} else if (size > ip->size && (ip->size & mask)) {
		end = (ip->size | mask) + 1;
		if ((r = zero_range(fs, ip, ip->size, end < size ? end : size)) != OK)
			return r;
	}
	ip->size = size;
	ip->mtime = ip->ctime = now(fs);
	return ext2_write_inode(fs, ip);
}

/* ---- directories ---- */

/* A place for a new record in a directory: block fb (nblocks: a new
 * block at the end), the record at off to split (or to reuse if free). */
struct dslot {
	uint64_t fb;
	uint32_t off;
	int newblock;
};

static int name_check(const char *name, size_t len)
{
	if (len == 0)
		return ENOENT;
	if (len > EXT2_NAME_MAX)
		return ENAMETOOLONG;
	if (memchr(name, '/', len) || memchr(name, '\0', len))
		return EINVAL;
	return OK;
}

static int is_dots(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.');
}

/* Find room for a record of name length nl in dir; *need = the blocks it
 * would allocate (0 if an existing block has room). */
static int dir_slot(struct ext2_fs *fs, const struct ext2_inode_info *dir,
	size_t nl, struct dslot *s, uint32_t *need)
{
	struct ext2_dirent_head h;
	const uint8_t *blk;
	uint64_t fb, nblocks = dir->size >> fs->log_block_size;
	uint32_t off, hnl, used, want = REC_LEN(nl);
	int r;

	if ((r = dir_check(fs, dir)) != OK)
		return r;
	for (fb = 0; fb < nblocks; fb++) {
		if ((r = dir_block(fs, dir, fb, &blk)) != OK)
			return r;
		for (off = 0; off < fs->block_size; off += h.rec_len) {
			if ((r = dirent_check(fs, blk, off, &h, &hnl)) != OK)
				return r;
			used = h.inode ? REC_LEN(hnl) : 0;
			if (h.rec_len >= used + want) {
				s->fb = fb;
				s->off = off;
				s->newblock = 0;
				*need = 0;
				return OK;
			}
		}
	}
	s->fb = nblocks;
	s->off = 0;
	s->newblock = 1;
	return blocks_needed(fs, dir, nblocks, need);
}

static uint8_t file_type_of(const struct ext2_fs *fs, uint16_t mode)
{
	if (!(fs->feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE))
		return 0;
	switch (mode & EXT2_S_IFMT) {
	case EXT2_S_IFREG: return EXT2_FT_REG_FILE;
	case EXT2_S_IFDIR: return EXT2_FT_DIR;
	case EXT2_S_IFCHR: return EXT2_FT_CHRDEV;
	case EXT2_S_IFBLK: return EXT2_FT_BLKDEV;
	case EXT2_S_IFIFO: return EXT2_FT_FIFO;
	case EXT2_S_IFSOCK: return EXT2_FT_SOCK;
	case EXT2_S_IFLNK: return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

static void put_record(uint8_t *p, uint32_t ino, uint32_t rec_len,
	const char *name, size_t nl, uint8_t ft)
{
	struct ext2_dirent_head h;

	h.inode = ino;
	h.rec_len = (uint16_t)rec_len;
	h.name_len = (uint8_t)nl;
	h.file_type = ft;
	memcpy(p, &h, DIRENT_HEAD);
	memcpy(p + DIRENT_HEAD, name, nl);
	memset(p + DIRENT_HEAD + nl, 0, REC_LEN(nl) - DIRENT_HEAD - nl);
}

/* Directory block fb of dir, to be changed. */
static int dir_block_w(struct ext2_fs *fs, const struct ext2_inode_info *dir,
	uint64_t fb, uint8_t **data)
{
	uint32_t phys;
	int r;

	if ((r = ext2_map_block(fs, dir, fb, &phys)) != OK)
		return r;
	if (phys == 0)
		return EIO;
	return cache_getw(fs, phys, EXT2_KIND_DIR, data);
}

/* Directory changes leave an htree index stale: it is dropped (the
 * directory reads as linear, as it always does here), and readdir's
 * remembered position may no longer start a record. */
static void dir_touch(struct ext2_fs *fs, struct ext2_inode_info *dir)
{
	dir->flags &= ~(uint32_t)EXT2_INDEX_FL;
	dir->mtime = dir->ctime = now(fs);
	/* A record readdir handed out may have been merged away. */
	fs->rd_ino = 0;
}

/* Put the record (name -> ino) at slot s of dir (from dir_slot). */
static int dir_put(struct ext2_fs *fs, struct ext2_inode_info *dir,
	const struct dslot *s, const char *name, size_t nl, uint32_t ino,
	uint8_t ft)
{
	struct ext2_dirent_head h;
	uint32_t phys, used, hnl, rest;
	uint8_t *w;
	int fresh, r;

	if (s->newblock) {
		if ((r = bmap_alloc(fs, dir, s->fb, EXT2_KIND_DIR, &phys,
		    &fresh)) != OK)
			return r;
		if ((r = cache_getw(fs, phys, EXT2_KIND_DIR, &w)) != OK)
			return r;
		put_record(w, ino, fs->block_size, name, nl, ft);
		dir->size += fs->block_size;
	} else {
		if ((r = dir_block_w(fs, dir, s->fb, &w)) != OK)
			return r;
		if ((r = dirent_check(fs, w, s->off, &h, &hnl)) != OK)
			return r;
		used = h.inode ? REC_LEN(hnl) : 0;
		rest = h.rec_len - used;
		if (used > 0) {
			/* Split: the old record keeps what it uses. */
			h.rec_len = (uint16_t)used;
			memcpy(w + s->off, &h, DIRENT_HEAD);
		}
		put_record(w + s->off + used, ino, rest, name, nl, ft);
	}
	dir_touch(fs, dir);
	return OK;
}

/* A name's record in dir: block, offset, the previous record in the same
 * block (or -1), and the header. */
struct dfind {
	uint64_t fb;
	uint32_t off;
	int32_t prev;
	struct ext2_dirent_head h;
};

static int dir_find(struct ext2_fs *fs, const struct ext2_inode_info *dir,
	const char *name, size_t len, struct dfind *f)
{
	const uint8_t *blk;
	uint64_t fb, nblocks = dir->size >> fs->log_block_size;
	uint32_t off, nl;
	int32_t prev;
	int r;

	if ((r = dir_check(fs, dir)) != OK)
		return r;
	for (fb = 0; fb < nblocks; fb++) {
		if ((r = dir_block(fs, dir, fb, &blk)) != OK)
			return r;
		prev = -1;
		for (off = 0; off < fs->block_size; off += f->h.rec_len) {
			if ((r = dirent_check(fs, blk, off, &f->h, &nl)) != OK)
				return r;
			if (f->h.inode != 0 && nl == len &&
			    memcmp(blk + off + DIRENT_HEAD, name, len) == 0) {
				f->fb = fb;
				f->off = off;
				f->prev = prev;
				return OK;
			}
			prev = (int32_t)off;
		}
	}
	return ENOENT;
}

/* Remove the record f found from dir. */
static int dir_remove(struct ext2_fs *fs, struct ext2_inode_info *dir,
	const struct dfind *f)
{
	struct ext2_dirent_head ph;
	uint8_t *w;
	int r;

	if ((r = dir_block_w(fs, dir, f->fb, &w)) != OK)
		return r;
	if (f->prev >= 0) {
		memcpy(&ph, w + f->prev, DIRENT_HEAD);
		ph.rec_len = (uint16_t)(ph.rec_len + f->h.rec_len);
		memcpy(w + f->prev, &ph, DIRENT_HEAD);
	} else {
		memset(w + f->off, 0, 4);	/* inode 0: a free record */
	}
	dir_touch(fs, dir);
	return OK;
}

/* Point the record f found at ino (file type ft). */
static int dir_repoint(struct ext2_fs *fs, struct ext2_inode_info *dir,
	const struct dfind *f, uint32_t ino, uint8_t ft)
{
	uint8_t *w;
	int r;

	if ((r = dir_block_w(fs, dir, f->fb, &w)) != OK)
		return r;
	memcpy(w + f->off, &ino, 4);
	if (fs->feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE)
		w[f->off + 7] = ft;
	dir_touch(fs, dir);
	return OK;
}

/* 1 if dir holds only "." and "..", 0 if not, or an error. */
static int dir_empty(struct ext2_fs *fs, const struct ext2_inode_info *dir)
{
	struct ext2_dirent_head h;
	const uint8_t *blk;
	uint64_t fb, nblocks = dir->size >> fs->log_block_size;
	uint32_t off, nl;
	int r;

	if ((r = dir_check(fs, dir)) != OK)
		return r;
	for (fb = 0; fb < nblocks; fb++) {
		if ((r = dir_block(fs, dir, fb, &blk)) != OK)
			return r;
		for (off = 0; off < fs->block_size; off += h.rec_len) {
			if ((r = dirent_check(fs, blk, off, &h, &nl)) != OK)
				return r;
			if (h.inode != 0 && !is_dots((const char *)blk + off +
			    DIRENT_HEAD, nl))
				return 0;
		}
	}
	return 1;
}

/* ---- names ---- */

/* Read directory dir for a change of name `name`: a directory, the name
 * valid, and the file system writable. */
static int dir_for_change(struct ext2_fs *fs, uint32_t dir_ino,
	const char *name, size_t len, struct ext2_inode_info *dir)
{
	int r;

	if (!writable(fs))
		return EROFS;
	if ((r = name_check(name, len)) != OK)
		return r;
	if ((r = ext2_read_inode(fs, dir_ino, dir)) != OK)
		return r;
	return EXT2_S_ISDIR(dir->mode) ? dir_check(fs, dir) : ENOTDIR;
}

/* The checks every new name needs: not there yet, and room for its
 * record (*slot) and `extra` more blocks and an inode (if want_ino). */
static int new_name_checks(struct ext2_fs *fs, struct ext2_inode_info *dir,
	const char *name, size_t len, uint32_t extra, int want_ino,
	struct dslot *slot)
{
	struct dfind f;
	uint32_t need;
	int r;

	if (is_dots(name, len))
		return EEXIST;
	if ((r = dir_find(fs, dir, name, len, &f)) != ENOENT)
		return r == OK ? EEXIST : r;
	if ((r = dir_slot(fs, dir, len, slot, &need)) != OK)
		return r;
	if (need + extra > fs->sb.s_free_blocks_count ||
	    (want_ino && fs->sb.s_free_inodes_count == 0))
		return ENOSPC;
	return OK;
}

/* Make a new inode of `mode` under name in dir; extra: its own blocks to
 * come (a directory's first block, a slow symlink's).  *ip is filled in
 * and written; the caller adds its content and writes it again. */
static int make_node(struct ext2_fs *fs, uint32_t dir_ino, const char *name,
	size_t len, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t extra,
	struct ext2_inode_info *dir, struct ext2_inode_info *ip)
{
	struct dslot slot;
	uint32_t t;
	int r;

	if ((r = dir_for_change(fs, dir_ino, name, len, dir)) != OK)
		return r;
	if (EXT2_S_ISDIR(mode) && dir->links >= EXT2_LINK_MAX)
		return EMLINK;
	if ((r = new_name_checks(fs, dir, name, len, extra, 1, &slot)) != OK)
		return r;
	memset(ip, 0, sizeof(*ip));
	if ((r = alloc_inode(fs, dir_ino, EXT2_S_ISDIR(mode), &ip->ino)) != OK)
		return r;
	t = now(fs);
	ip->mode = (uint16_t)mode;
	ip->uid = uid;
	ip->gid = gid;
	ip->links = 1;
	ip->atime = ip->mtime = ip->ctime = t;
	ip->generation = ip->ino * 2654435761u ^ t;
	if ((r = new_inode(fs, ip)) != OK)
		return r;
	if ((r = dir_put(fs, dir, &slot, name, len, ip->ino,
	    file_type_of(fs, (uint16_t)mode))) != OK)
		return r;
	if (EXT2_S_ISDIR(mode))
		dir->links++;
	return ext2_write_inode(fs, dir);
}

static int tx_create(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t rdev, uint32_t uid, uint32_t gid,
	uint32_t *ino)
{
	struct ext2_inode_info d, in;
	uint32_t type = mode & EXT2_S_IFMT;
	int r;

	if (type == 0)
		mode |= type = EXT2_S_IFREG;
	if (type == EXT2_S_IFDIR || type == EXT2_S_IFLNK || !mode_ok((uint16_t)mode))
		return EINVAL;
	if ((r = make_node(fs, dir, name, len, mode & 0177777, uid, gid, 0, &d,
	    &in)) != OK)
		return r;
	if (type == EXT2_S_IFCHR || type == EXT2_S_IFBLK) {
		in.block[1] = rdev;	/* Linux's new encoding slot */
		if ((r = ext2_write_inode(fs, &in)) != OK)
			return r;
	}
	*ino = in.ino;
	return OK;
}

static int tx_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino)
{
	struct ext2_inode_info d, in;
	uint8_t ft = file_type_of(fs, EXT2_S_IFDIR);
	uint32_t b;
	uint8_t *w;
	int r;

	mode = EXT2_S_IFDIR | (mode & 07777);
	if ((r = make_node(fs, dir, name, len, mode, uid, gid, 1, &d, &in)) != OK)
		return r;
	if ((r = grab_block(fs, &in, EXT2_KIND_DIR, &b)) != OK)
		return r;
	if ((r = cache_getw(fs, b, EXT2_KIND_DIR, &w)) != OK)
		return r;
	put_record(w, in.ino, 12, ".", 1, ft);
	put_record(w + 12, dir, fs->block_size - 12, "..", 2, ft);
	in.block[0] = b;
	in.size = fs->block_size;
	in.links = 2;
	if ((r = ext2_write_inode(fs, &in)) != OK)
		return r;
	*ino = in.ino;
	return OK;
}

static int tx_symlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, const char *target, size_t tlen, uint32_t uid,
	uint32_t gid, uint32_t *ino)
{
	struct ext2_inode_info d, in;
	int slow = tlen > EXT2_FAST_LINK_MAX;
	uint32_t b;
	uint8_t *w;
	int r;

	if (tlen == 0)
		return ENOENT;
	if (tlen >= fs->block_size)
		return ENAMETOOLONG;
	if ((r = make_node(fs, dir, name, len, EXT2_S_IFLNK | 0777, uid, gid,
	    (uint32_t)slow, &d, &in)) != OK)
		return r;
	if (slow) {
		if ((r = grab_block(fs, &in, EXT2_KIND_DATA, &b)) != OK)
			return r;
		if ((r = cache_getw(fs, b, EXT2_KIND_DATA, &w)) != OK)
			return r;
		memcpy(w, target, tlen);
		in.block[0] = b;
	} else {
		memcpy(in.block, target, tlen);
	}
	in.size = tlen;
	if ((r = ext2_write_inode(fs, &in)) != OK)
		return r;
	*ino = in.ino;
	return OK;
}

ssize_t ext2_readlink(struct ext2_fs *fs, uint32_t ino, char *buf,
	size_t len)
{
	struct ext2_inode_info in;
	int r;

	if ((r = ext2_read_inode(fs, ino, &in)) != OK)
		return r;
	if (!EXT2_S_ISLNK(in.mode))
		return EINVAL;
	if (in.size >= fs->block_size)
		return EIO;
	return ext2_read_data(fs, &in, 0, buf, len);
}

/* Drop ip's extended attribute block: one reference less, freed with
 * the last (the block may be shared by inodes with equal attributes). */
static int drop_ea(struct ext2_fs *fs, struct ext2_inode_info *ip)
{
	uint32_t b = ip->file_acl, magic, refs;
	uint8_t *w;
	int r;

	if (!block_ok(fs, b))
		return EIO;
	if ((r = cache_getw(fs, b, EXT2_KIND_META, &w)) != OK)
		return r;
	memcpy(&magic, w, 4);
	memcpy(&refs, w + 4, 4);
	if (magic != 0xEA020000u || refs == 0)
		return EIO;
	ip->file_acl = 0;
	ip->blocks -= fs->block_size / 512;
	if (refs > 1) {
		refs--;
		memcpy(w + 4, &refs, 4);
		return OK;
	}
	return free_block(fs, b);
}

/* The inode lost its last link: free its blocks and itself. */
static int destroy(struct ext2_fs *fs, struct ext2_inode_info *ip)
{
	int fast = ext2_is_fast_symlink(fs, ip), r;
	uint16_t type = ip->mode & EXT2_S_IFMT;

	/* A device node's i_block holds its number, not blocks. */
	if (type == EXT2_S_IFCHR || type == EXT2_S_IFBLK)
		fast = 1;
	else if ((r = trim_blocks(fs, ip, 0)) != OK)
		return r;
	if (ip->file_acl != 0 && (r = drop_ea(fs, ip)) != OK)
		return r;
	if (fast)
		memset(ip->block, 0, sizeof(ip->block));
	ip->links = 0;
	ip->dtime = now(fs);
	if (ip->dtime == 0)
		ip->dtime = 1;	/* dtime 0 would mean "still open" */
	if ((r = ext2_write_inode(fs, ip)) != OK)
		return r;
	return free_inode(fs, ip->ino, EXT2_S_ISDIR(ip->mode));
}

/* One link of ip less (ctime now); at none, destroy it unless keep_open.
 * *gone = its number if that was the last link. */
static int drop_link(struct ext2_fs *fs, struct ext2_inode_info *ip,
	int keep_open, uint32_t *gone)
{
	if (ip->links > 0)
		ip->links--;
	ip->ctime = now(fs);
	if (ip->links > 0)
		return ext2_write_inode(fs, ip);
	if (gone)
		*gone = ip->ino;
	if (keep_open)
		return ext2_write_inode(fs, ip);
	return destroy(fs, ip);
}

static int tx_unlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, int keep_open, uint32_t *ino)
{
	struct ext2_inode_info d, in;
	struct dfind f;
	int r;

	if ((r = dir_for_change(fs, dir, name, len, &d)) != OK)
		return r;
	if (is_dots(name, len))
		return EISDIR;
	if ((r = dir_find(fs, &d, name, len, &f)) != OK)
		return r;
	if ((r = ext2_read_inode(fs, f.h.inode, &in)) != OK)
		return r == ENOENT || r == EINVAL ? EIO : r;
	if (EXT2_S_ISDIR(in.mode))
		return EISDIR;
	if (ino)
		*ino = in.ino;
	if ((r = dir_remove(fs, &d, &f)) != OK ||
	    (r = ext2_write_inode(fs, &d)) != OK)
		return r;
	return drop_link(fs, &in, keep_open, NULL);
}

static int tx_release(struct ext2_fs *fs, uint32_t ino)
{
	struct ext2_inode_info in;
	int r;

	if (!writable(fs))
		return OK;
	if ((r = ext2_read_inode_open(fs, ino, &in)) != OK)
		return r == ENOENT ? OK : r;
	return in.links == 0 ? destroy(fs, &in) : OK;
}

static int tx_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len)
{
	struct ext2_inode_info d, in;
	struct dfind f;
	int r;

	if ((r = dir_for_change(fs, dir, name, len, &d)) != OK)
		return r;
	if (len == 1 && name[0] == '.')
		return EINVAL;
	if (is_dots(name, len))
		return ENOTEMPTY;
	if ((r = dir_find(fs, &d, name, len, &f)) != OK)
		return r;
	if ((r = ext2_read_inode(fs, f.h.inode, &in)) != OK)
		return r == ENOENT || r == EINVAL ? EIO : r;
	if (!EXT2_S_ISDIR(in.mode))
		return ENOTDIR;
	if (in.ino == EXT2_ROOT_INO)
		return EBUSY;
	if ((r = dir_empty(fs, &in)) < 0)
		return r;
	if (r == 0)
		return ENOTEMPTY;
	if ((r = dir_remove(fs, &d, &f)) != OK)
		return r;
	if (d.links > 1)
		d.links--;
	if ((r = ext2_write_inode(fs, &d)) != OK)
		return r;
	return destroy(fs, &in);
}

static int tx_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir,
	const char *name, size_t len)
{
	struct ext2_inode_info d, in;
	struct dslot slot;
	int r;

	if ((r = dir_for_change(fs, dir, name, len, &d)) != OK)
		return r;
	if ((r = ext2_read_inode(fs, ino, &in)) != OK)
		return r;
	if (EXT2_S_ISDIR(in.mode))
		return EPERM;
	if (in.links >= EXT2_LINK_MAX)
		return EMLINK;
	if ((r = new_name_checks(fs, &d, name, len, 0, 0, &slot)) != OK)
		return r;
	if ((r = dir_put(fs, &d, &slot, name, len, ino,
	    file_type_of(fs, in.mode))) != OK ||
	    (r = ext2_write_inode(fs, &d)) != OK)
		return r;
	in.links++;
	in.ctime = now(fs);
	return ext2_write_inode(fs, &in);
}

/* Is directory ino inside directory anc (or anc itself)?  1, 0, or an
 * error.  Walks up by "..", at most a depth the disk could hold. */
static int dir_inside(struct ext2_fs *fs, uint32_t ino, uint32_t anc)
{
	uint32_t depth, up;
	int r;

	for (depth = 0; depth <= fs->inodes_count; depth++) {
		if (ino == anc)
			return 1;
		if (ino == EXT2_ROOT_INO)
			return 0;
		if ((r = ext2_lookup(fs, ino, "..", 2, &up)) != OK)
			return r;
		ino = up;
	}
	return EIO;
}

/* What rename must check before it changes anything. */
static int rename_checks(struct ext2_fs *fs, struct ext2_inode_info *o,
	struct ext2_inode_info *nd, const char *nname, size_t nlen,
	struct dfind *tf, struct ext2_inode_info *t, struct dslot *slot)
{
	uint32_t need;
	int r;

	if ((r = dir_find(fs, nd, nname, nlen, tf)) == OK) {
		if ((r = ext2_read_inode(fs, tf->h.inode, t)) != OK)
			return r == ENOENT || r == EINVAL ? EIO : r;
		if (t->ino == o->ino)
			return OK;
		if (EXT2_S_ISDIR(o->mode) && !EXT2_S_ISDIR(t->mode))
			return ENOTDIR;
		if (!EXT2_S_ISDIR(o->mode) && EXT2_S_ISDIR(t->mode))
			return EISDIR;
		if (EXT2_S_ISDIR(t->mode)) {
			if (t->ino == EXT2_ROOT_INO)
				return EBUSY;
			if ((r = dir_empty(fs, t)) < 0)
				return r;
			if (r == 0)
				return ENOTEMPTY;
		}
		return OK;
	}
	if (r != ENOENT)
		return r;
	t->ino = 0;
	if (EXT2_S_ISDIR(o->mode) && nd->ino != o->ino &&
	    nd->links >= EXT2_LINK_MAX)
		return EMLINK;
	if ((r = dir_slot(fs, nd, nlen, slot, &need)) != OK)
		return r;
	return need > fs->sb.s_free_blocks_count ? ENOSPC : OK;
}

static int tx_rename(struct ext2_fs *fs, uint32_t odir, const char *oname,
	size_t olen, uint32_t ndir, const char *nname, size_t nlen,
	int keep_open, uint32_t *gone)
{
	struct ext2_inode_info od, ndbuf, *nd = &ndbuf, o, t;
	struct dfind of, tf;
	struct dslot slot;
	int isdir, r;

	if (gone)
		*gone = 0;
	if ((r = dir_for_change(fs, odir, oname, olen, &od)) != OK)
		return r;
	if ((r = name_check(nname, nlen)) != OK)
		return r;
	if (is_dots(oname, olen) || is_dots(nname, nlen))
		return EINVAL;
	if (ndir == odir)
		nd = &od;
	else if ((r = dir_for_change(fs, ndir, nname, nlen, nd)) != OK)
		return r;
	if ((r = dir_find(fs, &od, oname, olen, &of)) != OK)
		return r;
	if ((r = ext2_read_inode(fs, of.h.inode, &o)) != OK)
		return r == ENOENT || r == EINVAL ? EIO : r;
	isdir = EXT2_S_ISDIR(o.mode);
	if (isdir && ndir != odir) {
		if ((r = dir_inside(fs, ndir, o.ino)) < 0)
			return r;
		if (r)
			return EINVAL;
	}
	if ((r = rename_checks(fs, &o, nd, nname, nlen, &tf, &t, &slot)) != OK)
		return r;
	if (t.ino == o.ino)
		return OK;	/* two names of one file: nothing to do */

	/* The new name first (replacing the old target in one record),
	 * then the old name goes. */
	if (t.ino != 0)
		r = dir_repoint(fs, nd, &tf, o.ino, file_type_of(fs, o.mode));
	else
		r = dir_put(fs, nd, &slot, nname, nlen, o.ino,
		    file_type_of(fs, o.mode));
	if (r != OK)
		return r;
	if ((r = dir_find(fs, &od, oname, olen, &of)) != OK ||
	    (r = dir_remove(fs, &od, &of)) != OK)
		return r;
	if (isdir && ndir != odir) {
		struct dfind pf;
		if ((r = dir_find(fs, &o, "..", 2, &pf)) != OK ||
		    (r = dir_repoint(fs, &o, &pf, ndir,
		    file_type_of(fs, EXT2_S_IFDIR))) != OK)
			return r;
		od.links--;
		nd->links++;
	}
	if (t.ino != 0 && EXT2_S_ISDIR(t.mode))
		nd->links--;
	o.ctime = now(fs);
	if ((r = ext2_write_inode(fs, &o)) != OK ||
	    (r = ext2_write_inode(fs, &od)) != OK ||
	    (nd != &od && (r = ext2_write_inode(fs, nd)) != OK))
		return r;
	if (t.ino == 0)
		return OK;
	if (EXT2_S_ISDIR(t.mode)) {
		t.links = 1;	/* "." goes with the name */
		return drop_link(fs, &t, 0, gone);
	}
	return drop_link(fs, &t, keep_open, gone);
}

/* ---- attributes ---- */

static int attr_begin(struct ext2_fs *fs, uint32_t ino,
	struct ext2_inode_info *in)
{
	if (!writable(fs))
		return EROFS;
	return ext2_read_inode_open(fs, ino, in);
}

static int attr_end(struct ext2_fs *fs, struct ext2_inode_info *in,
	struct ext2_inode_info *out)
{
	int r;

	in->ctime = now(fs);
	if ((r = ext2_write_inode(fs, in)) != OK)
		return r;
	if (out)
		*out = *in;
	return OK;
}

static int tx_chmod(struct ext2_fs *fs, uint32_t ino, uint32_t mode,
	struct ext2_inode_info *out)
{
	struct ext2_inode_info in;
	int r;

	if ((r = attr_begin(fs, ino, &in)) != OK)
		return r;
	in.mode = (uint16_t)((in.mode & EXT2_S_IFMT) | (mode & 07777));
	return attr_end(fs, &in, out);
}

static int tx_chown(struct ext2_fs *fs, uint32_t ino, uint32_t uid, uint32_t gid,
	struct ext2_inode_info *out)
{
	struct ext2_inode_info in;
	int r;

	if ((r = attr_begin(fs, ino, &in)) != OK)
		return r;
	if (uid != (uint32_t)-1)
		in.uid = uid;
	if (gid != (uint32_t)-1)
		in.gid = gid;
	return attr_end(fs, &in, out);
}

static int tx_utime(struct ext2_fs *fs, uint32_t ino, uint32_t atime,
	uint32_t mtime)
{
	struct ext2_inode_info in;
	int r;

	if ((r = attr_begin(fs, ino, &in)) != OK)
		return r;
	in.atime = atime;
	in.mtime = mtime;
	return attr_end(fs, &in, NULL);
}

/* The changes, each one transaction: all of it or, on an error, none
 * (tx_begin, tx_end). */

int ext2_truncate(struct ext2_fs *fs, struct ext2_inode_info *ip,
	uint64_t size)
{
	tx_begin(fs);
	return tx_end(fs, tx_truncate(fs, ip, size));
}

int ext2_create(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t rdev, uint32_t uid, uint32_t gid,
	uint32_t *ino)
{
	tx_begin(fs);
	return tx_end(fs, tx_create(fs, dir, name, len, mode, rdev, uid, gid,
	    ino));
}

int ext2_mkdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino)
{
	tx_begin(fs);
	return tx_end(fs, tx_mkdir(fs, dir, name, len, mode, uid, gid, ino));
}

int ext2_symlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, const char *target, size_t tlen, uint32_t uid,
	uint32_t gid, uint32_t *ino)
{
	tx_begin(fs);
	return tx_end(fs, tx_symlink(fs, dir, name, len, target, tlen, uid,
	    gid, ino));
}

int ext2_unlink(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len, int keep_open, uint32_t *ino)
{
	tx_begin(fs);
	return tx_end(fs, tx_unlink(fs, dir, name, len, keep_open, ino));
}

int ext2_release(struct ext2_fs *fs, uint32_t ino)
{
	tx_begin(fs);
	return tx_end(fs, tx_release(fs, ino));
}

int ext2_rmdir(struct ext2_fs *fs, uint32_t dir, const char *name,
	size_t len)
{
	tx_begin(fs);
	return tx_end(fs, tx_rmdir(fs, dir, name, len));
}

int ext2_link(struct ext2_fs *fs, uint32_t ino, uint32_t dir,
	const char *name, size_t len)
{
	tx_begin(fs);
	return tx_end(fs, tx_link(fs, ino, dir, name, len));
}

int ext2_rename(struct ext2_fs *fs, uint32_t odir, const char *oname,
	size_t olen, uint32_t ndir, const char *nname, size_t nlen,
	int keep_open, uint32_t *gone)
{
	tx_begin(fs);
	return tx_end(fs, tx_rename(fs, odir, oname, olen, ndir, nname, nlen,
	    keep_open, gone));
}

int ext2_chmod(struct ext2_fs *fs, uint32_t ino, uint32_t mode,
	struct ext2_inode_info *out)
{
	tx_begin(fs);
	return tx_end(fs, tx_chmod(fs, ino, mode, out));
}

int ext2_chown(struct ext2_fs *fs, uint32_t ino, uint32_t uid, uint32_t gid,
	struct ext2_inode_info *out)
{
	tx_begin(fs);
	return tx_end(fs, tx_chown(fs, ino, uid, gid, out));
}

int ext2_utime(struct ext2_fs *fs, uint32_t ino, uint32_t atime,
	uint32_t mtime)
{
	tx_begin(fs);
	return tx_end(fs, tx_utime(fs, ino, atime, mtime));
}
