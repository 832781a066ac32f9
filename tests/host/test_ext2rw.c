/* test_ext2rw.c - host tests of the writing half of servers/ext2/ext2fs.c.
 *
 * For 1 KiB and 4 KiB blocks: mke2fs (Debian's defaults: revision 1,
 * filetype, sparse_super, large_file, resize_inode, dir_index, 256-byte
 * inodes) makes a 64 MiB image with a 300-entry directory that e2fsck -D
 * turns into an htree; the library, mounted read-write on the image file,
 * then creates, writes, extends, truncates, links, renames, removes and
 * changes attributes.  After ext2_sync() the external oracles judge:
 * `e2fsck -fn` must find the image clean, and `debugfs -R 'cat PATH'` and
 * `debugfs -R 'stat PATH'` must give exactly the bytes, sizes, link
 * counts, modes and owners written.  Files cross into double-indirect
 * (and, sparse, triple-indirect) blocks.  A filled disk gives ENOSPC with
 * the counters exact, and deleting everything brings the free counts back.
 * Errors are checked exactly (EEXIST, ENOTEMPTY, EISDIR, ENOTDIR, EMLINK,
 * EPERM, EINVAL, ENAMETOOLONG, EROFS).  A 16-buffer cache forces
 * write-back by eviction.
 */
#include "../../servers/ext2/ext2fs.c"

/* Paths in shell commands: a long one is cut, and the test fails. */
#pragma GCC diagnostic ignored "-Wformat-truncation"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

#define MiB (1024u * 1024u)
#define GiB (1024ull * MiB)
#define T0 1700000000u		/* the library's clock */
#define CACHE_BYTES EXT2_CACHE_BYTES(128, 4096)

#define OK_(c, name)                                                     \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, nm(name));                                    \
	} while (0)

static char label[64], dir[4200], img[4300];
static char what[300];

static const char *nm(const char *s)
{
	snprintf(what, sizeof(what), "%s: %s", label, s);
	return what;
}

static uint8_t pat(uint64_t i, unsigned seed)
{
	return (uint8_t)(i * 7 + seed + i / 1000);
}

/* ---- the device: the image file ---- */

static int fd = -1;

static unsigned dev_reads;	/* read requests: single blocks or runs */

static int rd(void *ctx, uint32_t b, uint32_t bs, void *buf)
{
	(void)ctx;
	dev_reads++;
	return pread(fd, buf, bs, (off_t)b * bs) == (ssize_t)bs ? OK : EIO;
}

static int rdv(void *ctx, uint32_t first, uint32_t bs, uint32_t count,
	void *const *bufs)
{
	uint32_t i;

	(void)ctx;
	if (count > EXT2_WRITE_RUN)
		return EINVAL;
	dev_reads++;
	for (i = 0; i < count; i++)
		if (pread(fd, bufs[i], bs, (off_t)(first + i) * bs) != (ssize_t)bs)
			return EIO;
	return OK;
}

/* With recording on, writes are kept in order instead of done (the
 * power-cut test replays a prefix of them). */
struct rec {
	uint32_t block, bs;
	uint8_t *data;
};
static struct rec recs[20000];
static int recording, nrec;

static int wr(void *ctx, uint32_t b, uint32_t bs, const void *buf)
{
	(void)ctx;
	if (recording) {
		if (nrec == (int)(sizeof(recs) / sizeof(recs[0])) ||
		    (recs[nrec].data = malloc(bs)) == NULL)
			return EIO;
		memcpy(recs[nrec].data, buf, bs);
		recs[nrec].block = b;
		recs[nrec++].bs = bs;
		return OK;
	}
	return pwrite(fd, buf, bs, (off_t)b * bs) == (ssize_t)bs ? OK : EIO;
}

/* Runs of consecutive blocks: each block as wr() would, and the longest
 * run seen (write-back sorts the dirty blocks and groups them). */
static uint32_t longest_run;

static int wrv(void *ctx, uint32_t first, uint32_t bs, uint32_t count,
	const void *const *bufs)
{
	uint32_t i;
	int r;

	if (count > EXT2_WRITE_RUN)
		return EINVAL;
	if (count > longest_run)
		longest_run = count;
	for (i = 0; i < count; i++)
		if ((r = wr(ctx, first + i, bs, bufs[i])) != OK)
			return r;
	return OK;
}

static uint32_t clk(void *ctx)
{
	(void)ctx;
	return T0;
}

static struct ext2_fs fs;
static uint8_t cache[CACHE_BYTES];

static int mount_rw(size_t bytes)
{
	struct ext2_dev d = { .read_block = rd, .read_blocks = rdv,
	    .write_block = wr, .write_blocks = wrv, .now = clk };

	fd = open(img, O_RDWR);
	if (fd < 0)
		return EIO;
	return ext2_mount(&fs, &d, cache, bytes);
}

static int umount_rw(void)
{
	int r = ext2_sync(&fs);

	close(fd);
	fd = -1;
	return r;
}

/* ---- oracles ---- */

static int sh(const char *fmt, const char *a)
{
	char cmd[9000];

	snprintf(cmd, sizeof(cmd), fmt, a, a);
	return system(cmd);
}

/* e2fsck -fn: clean?  Its report is shown on failure. */
static int fsck_clean(void)
{
	char cmd[9000];
	int r;

	snprintf(cmd, sizeof(cmd), "e2fsck -fn '%s' >'%s.log' 2>&1", img, img);
	r = system(cmd);
	if (r != 0) {
		snprintf(cmd, sizeof(cmd), "sed 's/^/# /' '%s.log' | head -30",
		    img);
		if (system(cmd) != 0)
			return 0;
	}
	return r == 0;
}

/* debugfs -R 'cat PATH': malloc'd bytes, *len. */
static uint8_t *dbg_cat(const char *path, size_t *len)
{
	char cmd[9000];
	size_t cap = 1 << 16, n = 0, k;
	uint8_t *buf = malloc(cap);
	FILE *f;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'cat %s' '%s' 2>/dev/null",
	    path, img);
	if (buf == NULL || (f = popen(cmd, "r")) == NULL) {
		free(buf);
		return NULL;
	}
	while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap && (buf = realloc(buf, cap *= 2)) == NULL)
			break;
	}
	pclose(f);
	*len = n;
	return buf;
}

/* A field of debugfs -R 'stat PATH' ("Links: " ...), or -1. */
static long long dbg_stat(const char *path, const char *field)
{
	char cmd[1600], out[8192], *s;
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'stat %s' '%s' 2>/dev/null",
	    path, img);
	if ((f = popen(cmd, "r")) == NULL)
		return -1;
	n = fread(out, 1, sizeof(out) - 1, f);
	pclose(f);
	out[n] = '\0';
	if ((s = strstr(out, field)) == NULL)
		return -1;
	return strtoll(s + strlen(field), NULL, 0);
}

/* Does debugfs -R 'stat PATH' say s? */
static int dbg_has(const char *path, const char *s)
{
	char cmd[9000], out[8192];
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'stat %s' '%s' 2>/dev/null",
	    path, img);
	if ((f = popen(cmd, "r")) == NULL)
		return 0;
	n = fread(out, 1, sizeof(out) - 1, f);
	pclose(f);
	out[n] = '\0';
	return strstr(out, s) != NULL;
}

/* Does PATH hold exactly len bytes of pattern seed (zeros outside the
 * ranges [r[2k], r[2k+1]) when r is given)? */
static int cat_is(const char *path, uint64_t len, unsigned seed,
	const uint64_t *r, int nr)
{
	size_t n, i;
	uint8_t *b = dbg_cat(path, &n);
	int ok = b != NULL && n == len, k;

	for (i = 0; ok && i < n; i++) {
		uint8_t want = r ? 0 : pat(i, seed);
		for (k = 0; r && k < nr; k++)
			if (i >= r[2 * k] && i < r[2 * k + 1])
				want = pat(i, seed);
		ok = b[i] == want;
	}
	free(b);
	return ok;
}

/* ---- helpers ---- */

static uint32_t ino_of(const char *path)
{
	uint32_t ino = 0;

	return ext2_namei(&fs, path, &ino) == OK ? ino : 0;
}

/* The parent directory of an absolute path and its last name. */
static uint32_t parent(const char *path, const char **name)
{
	char p[512];
	const char *s = strrchr(path, '/');

	*name = s + 1;
	if (s == path)
		return EXT2_ROOT_INO;
	snprintf(p, sizeof(p), "%.*s", (int)(s - path), path);
	return ino_of(p);
}

static int mk(const char *path)
{
	const char *n;
	uint32_t d = parent(path, &n), ino;

	return ext2_create(&fs, d, n, strlen(n), EXT2_S_IFREG | 0644, 0, 0, 0,
	    &ino);
}

static int mkd(const char *path)
{
	const char *n;
	uint32_t d = parent(path, &n), ino;

	return ext2_mkdir(&fs, d, n, strlen(n), 0755, 0, 0, &ino);
}

static int rm(const char *path)
{
	const char *n;
	uint32_t d = parent(path, &n);

	return ext2_unlink(&fs, d, n, strlen(n), 0, NULL);
}

static int rmd(const char *path)
{
	const char *n;
	uint32_t d = parent(path, &n);

	return ext2_rmdir(&fs, d, n, strlen(n));
}

static int mv(const char *from, const char *to)
{
	const char *a, *b;
	uint32_t da = parent(from, &a), db = parent(to, &b);

	return ext2_rename(&fs, da, a, strlen(a), db, b, strlen(b), 0, NULL);
}

/* Write len bytes of pattern seed at off of path, in pieces of `piece`. */
static int put(const char *path, uint64_t off, uint64_t len, unsigned seed,
	size_t piece)
{
	struct ext2_inode_info in;
	static uint8_t buf[MiB];
	uint64_t done = 0;
	size_t n, i;
	ssize_t w;

	if (ext2_read_inode(&fs, ino_of(path), &in) != OK)
		return 0;
	while (done < len) {
		n = len - done < piece ? (size_t)(len - done) : piece;
		for (i = 0; i < n; i++)
			buf[i] = pat(off + done + i, seed);
		w = ext2_write_data(&fs, &in, off + done, buf, n);
		if (w != (ssize_t)n)
			return 0;
		done += n;
	}
	return 1;
}

static int mkfile(const char *path, uint64_t len, unsigned seed)
{
	return mk(path) == OK && put(path, 0, len, seed, 65537);
}

static uint64_t size_of(const char *path)
{
	struct ext2_inode_info in;

	if (ext2_read_inode(&fs, ino_of(path), &in) != OK)
		return (uint64_t)-1;
	return in.size;
}

/* ---- the image ---- */

static int make_image_size(uint32_t bs, const char *size)
{
	char cmd[30000];

	snprintf(cmd, sizeof(cmd),
	    "rm -rf '%s/st' && mkdir -p '%s/st/big' && cd '%s/st/big' && "
	    "for i in $(seq 1 300); do echo $i > entry_with_a_long_name_$i; done"
	    " && mke2fs -q -F -t ext2 -b %u -d '%s/st' '%s' %s >/dev/null 2>&1"
	    " && e2fsck -fyD '%s' >/dev/null 2>&1; e2fsck -fn '%s' >/dev/null 2>&1",
	    dir, dir, dir, bs, dir, img, size, img, img);
	return system(cmd) == 0;
}

static int make_image(uint32_t bs)
{
	return make_image_size(bs, "64M");
}

/* Dirty buffers, counted one by one. */
static uint32_t dirty_bufs(void)
{
	uint32_t i, n = 0;

	for (i = 0; i < fs.nbuf; i++)
		n += (fs.bufs[i].flags & EXT2_BUF_DIRTY) != 0;
	return n;
}

/* ---- the tests ---- */

static void test_files(void)
{
	uint64_t tind = fs.block_size == 1024 ? 70ull * MiB : 5 * GiB;

	OK_(mkd("/w") == OK, "mkdir /w");
	OK_(mkfile("/w/f0", 0, 1) && mkfile("/w/f1", 1, 2) &&
	    mkfile("/w/f1023", 1023, 3) && mkfile("/w/f4k", 4096, 4) &&
	    mkfile("/w/f1m", MiB, 5) && mkfile("/w/f20m", 20 * MiB, 6),
	    "create and write 0 B, 1 B, 1023 B, 4 KiB, 1 MiB, 20 MiB");
	/* Sparse: pieces at 5000 and deep in the triple-indirect range. */
	OK_(mk("/w/sparse") == OK && put("/w/sparse", 5000, 4000, 7, 999) &&
	    put("/w/sparse", tind + 123, 5000, 7, 4096) &&
	    size_of("/w/sparse") == tind + 5123,
	    "sparse file into triple-indirect blocks");
	/* Extend by appending, overwrite in the middle. */
	OK_(mkfile("/w/grow", 3000, 8) && put("/w/grow", 3000, 200000, 8, 777) &&
	    put("/w/grow", 1000, 5000, 8, 100) && size_of("/w/grow") == 203000,
	    "append and overwrite");
	/* Bytes past the size in the last block (stale, as another
	 * implementation may leave them) read as zeros after a write past
	 * the end. */
	{
		struct ext2_inode_info in;
		OK_(mkfile("/w/gap", 1000, 16) &&
		    ext2_read_inode(&fs, ino_of("/w/gap"), &in) == OK &&
		    (in.size = 100, ext2_write_inode(&fs, &in)) == OK &&
		    put("/w/gap", 500, 10, 16, 10) && size_of("/w/gap") == 510,
		    "a write past the end of a block with stale bytes");
	}
	OK_(mkfile("/w/t", 300000, 9) &&
	    ext2_truncate(&fs, &(struct ext2_inode_info){ 0 }, 0) == EINVAL,
	    "truncate of a non-file: EINVAL");
}

static int trunc_to(const char *path, uint64_t size)
{
	struct ext2_inode_info in;

	if (ext2_read_inode(&fs, ino_of(path), &in) != OK)
		return EIO;
	return ext2_truncate(&fs, &in, size);
}

static void test_names(void)
{
	char target[200], buf[300];
	uint32_t ino, a;
	struct ext2_inode_info in;
	int i;

	/* Hard link. */
	OK_(ext2_link(&fs, ino_of("/w/f4k"), EXT2_ROOT_INO, "hard", 4) == OK &&
	    ino_of("/hard") == ino_of("/w/f4k"), "link /hard to /w/f4k");
	/* Symlinks, fast and slow. */
	OK_(ext2_symlink(&fs, ino_of("/w"), "fast", 4, "f4k", 3, 0, 0, &ino) == OK &&
	    ext2_readlink(&fs, ino, buf, sizeof(buf)) == 3 &&
	    memcmp(buf, "f4k", 3) == 0, "fast symlink and readlink");
	memset(target, 0, sizeof(target));
	strcpy(target, "..");
	for (i = 0; i < 60; i++)
		strcat(target, "/.");
	strcat(target, "/w/f1m");
	OK_(ext2_symlink(&fs, EXT2_ROOT_INO, "slow", 4, target, strlen(target),
	    0, 0, &ino) == OK && ext2_read_inode(&fs, ino, &in) == OK &&
	    in.blocks > 0 && ext2_readlink(&fs, ino, buf, sizeof(buf)) ==
	    (ssize_t)strlen(target) && memcmp(buf, target, strlen(target)) == 0,
	    "slow symlink (a data block) and readlink");
	OK_(ext2_readlink(&fs, ino_of("/w/f4k"), buf, 10) == EINVAL,
	    "readlink of a file: EINVAL");
	/* Renames. */
	OK_(mv("/w/f1", "/moved1") == OK && ino_of("/w/f1") == 0 &&
	    size_of("/moved1") == 1, "rename a file across directories");
	OK_(mkd("/d1") == OK && mkd("/d1/sub") == OK && mkfile("/d1/sub/x", 10, 10) &&
	    mv("/d1", "/w/d1moved") == OK && ino_of("/d1") == 0 &&
	    size_of("/w/d1moved/sub/x") == 10, "rename a directory across "
	    "directories");
	a = ino_of("/w/d1moved");
	OK_(ext2_lookup(&fs, a, "..", 2, &ino) == OK && ino == ino_of("/w"),
	    "the moved directory's .. is its new parent");
	OK_(mkfile("/w/r1", 3, 11) && mkfile("/w/r2", 4000, 12) &&
	    (a = ino_of("/w/r1")) != 0 && mv("/w/r1", "/w/r2") == OK &&
	    ino_of("/w/r2") == a && ino_of("/w/r1") == 0 &&
	    size_of("/w/r2") == 3, "rename replacing a file");
	OK_(mkd("/e1") == OK && mkd("/e2") == OK && (a = ino_of("/e1")) != 0 &&
	    mv("/e1", "/e2") == OK && ino_of("/e2") == a && ino_of("/e1") == 0,
	    "rename replacing an empty directory");
	OK_(mv("/w/f4k", "/hard") == OK && ino_of("/w/f4k") != 0,
	    "rename onto another name of the same file: nothing changes");
	/* Truncate. */
	OK_(trunc_to("/w/t", 5000) == OK && trunc_to("/w/t", 9000) == OK &&
	    size_of("/w/t") == 9000, "truncate 300000 -> 5000 -> 9000");
	OK_(mkfile("/w/t20", 20 * MiB, 13) && trunc_to("/w/t20", 100) == OK &&
	    size_of("/w/t20") == 100, "truncate 20 MiB -> 100 B");
	OK_(mkfile("/w/t0", 70000, 14) && trunc_to("/w/t0", 0) == OK &&
	    ext2_read_inode(&fs, ino_of("/w/t0"), &in) == OK && in.blocks == 0,
	    "truncate to 0 frees every block");
	/* Unlink, rmdir. */
	OK_(mkfile("/w/gone", 50000, 15) && rm("/w/gone") == OK &&
	    ino_of("/w/gone") == 0, "unlink");
	OK_(mkd("/w/rd") == OK && rmd("/w/rd") == OK && ino_of("/w/rd") == 0,
	    "rmdir");
	/* readdir while names go: a position handed out that a removal
	 * merged into the record before it must not give the gone name. */
	{
		struct ext2_dirent_info de;
		uint64_t pos = 0;
		uint32_t rd = 0;
		int r1, seen_b = 0;
		OK_(mkd("/rd") == OK && mk("/rd/a") == OK && mk("/rd/b") == OK &&
		    mk("/rd/c") == OK && (rd = ino_of("/rd")) != 0,
		    "a directory of a, b, c");
		while ((r1 = ext2_readdir(&fs, rd, &pos, &de)) == 1 &&
		    strcmp(de.name, "a") != 0)
			;
		OK_(r1 == 1 && rm("/rd/b") == OK, "readdir up to a; b removed");
		while ((r1 = ext2_readdir(&fs, rd, &pos, &de)) == 1)
			seen_b |= strcmp(de.name, "b") == 0;
		OK_(r1 == 0 && !seen_b, "readdir goes on without the gone b");
		OK_(rm("/rd/a") == OK && rm("/rd/c") == OK && rmd("/rd") == OK,
		    "and the directory goes");
	}
	/* Attributes. */
	OK_(ext2_chmod(&fs, ino_of("/w/f1023"), 0600, NULL) == OK &&
	    ext2_chown(&fs, ino_of("/w/f1023"), 1000, 100, NULL) == OK &&
	    ext2_utime(&fs, ino_of("/w/f1023"), 1234567, 7654321) == OK,
	    "chmod, chown, utime");
	/* The htree directory: entries added and removed. */
	OK_(ext2_read_inode(&fs, ino_of("/big"), &in) == OK &&
	    (in.flags & EXT2_INDEX_FL), "/big has an htree index");
	for (i = 0; i < 60; i++) {
		snprintf(buf, sizeof(buf), "/big/new_%d", i);
		if (mk(buf) != OK)
			break;
	}
	for (i = 1; i <= 300; i += 3) {
		snprintf(buf, sizeof(buf), "/big/entry_with_a_long_name_%d", i);
		if (rm(buf) != OK)
			break;
	}
	OK_(i > 300 && ino_of("/big/new_59") != 0 &&
	    ino_of("/big/entry_with_a_long_name_2") != 0 &&
	    ino_of("/big/entry_with_a_long_name_4") == 0,
	    "60 names added to the htree directory, 100 removed");
}

static void test_errors(void)
{
	char name[300];
	struct ext2_inode_info in;
	uint32_t ino, w = ino_of("/w");

	OK_(mk("/w/f0") == EEXIST && mkd("/w") == EEXIST &&
	    ext2_create(&fs, w, ".", 1, 0644, 0, 0, 0, &ino) == EEXIST,
	    "create, mkdir of an existing name: EEXIST");
	OK_(rmd("/w") == ENOTEMPTY && rmd("/w/f0") == ENOTDIR &&
	    ext2_rmdir(&fs, w, ".", 1) == EINVAL &&
	    ext2_rmdir(&fs, w, "..", 2) == ENOTEMPTY,
	    "rmdir: ENOTEMPTY, ENOTDIR, EINVAL");
	OK_(rm("/w") == EISDIR && rm("/w/nothing") == ENOENT,
	    "unlink: EISDIR, ENOENT");
	OK_(mk("/w/f0/x") == ENOTDIR || ext2_create(&fs, ino_of("/w/f0"), "x", 1,
	    0644, 0, 0, 0, &ino) == ENOTDIR, "create in a file: ENOTDIR");
	memset(name, 'n', 256);
	OK_(ext2_create(&fs, w, name, 256, 0644, 0, 0, 0, &ino) == ENAMETOOLONG &&
	    ext2_create(&fs, w, name, 255, 0644, 0, 0, 0, &ino) == OK,
	    "a 256-byte name: ENAMETOOLONG; 255 bytes is fine");
	OK_(ext2_create(&fs, w, "a/b", 3, 0644, 0, 0, 0, &ino) == EINVAL,
	    "a name with '/': EINVAL");
	OK_(mv("/w", "/w/d1moved/sub/into") == EINVAL && mv("/w", "/w/x") == EINVAL,
	    "a directory into itself: EINVAL");
	OK_(mv("/w/d1moved", "/w/f0") == ENOTDIR && mv("/w/f0", "/w/d1moved") ==
	    EISDIR && mv("/moved1", "/w") == EISDIR && mv("/e2", "/w") == ENOTEMPTY,
	    "rename: ENOTDIR, EISDIR, ENOTEMPTY");
	OK_(ext2_link(&fs, w, EXT2_ROOT_INO, "wl", 2) == EPERM,
	    "a hard link to a directory: EPERM");
	OK_(ext2_read_inode(&fs, ino_of("/w/f0"), &in) == OK &&
	    (in.links = EXT2_LINK_MAX - 1, ext2_write_inode(&fs, &in)) == OK &&
	    ext2_link(&fs, in.ino, w, "l1", 2) == OK &&
	    ext2_link(&fs, in.ino, w, "l2", 2) == EMLINK &&
	    rm("/w/l1") == OK && (in.links = 1, ext2_write_inode(&fs, &in)) == OK,
	    "the 32001st link: EMLINK");
	OK_(trunc_to("/w", 0) == EISDIR, "truncate a directory: EISDIR");
	OK_(ext2_symlink(&fs, w, "toolong", 7, name, fs.block_size, 0, 0, &ino) ==
	    ENAMETOOLONG || fs.block_size > 300, "a symlink target of a block: "
	    "ENAMETOOLONG");
}

static void check_oracles(void)
{
	uint64_t tind = fs.block_size == 1024 ? 70ull * MiB : 5 * GiB;
	uint64_t sr[] = { 5000, 9000, tind + 123, tind + 5123 };
	uint64_t tr[] = { 0, 5000 };

	OK_(fsck_clean(), "e2fsck -fn: clean");
	OK_(cat_is("/w/f0", 0, 1, NULL, 0) && cat_is("/moved1", 1, 2, NULL, 0) &&
	    cat_is("/w/f1023", 1023, 3, NULL, 0) &&
	    cat_is("/w/f4k", 4096, 4, NULL, 0) && cat_is("/w/f1m", MiB, 5, NULL, 0),
	    "debugfs cat: 0 B, 1 B, 1023 B, 4 KiB, 1 MiB exact");
	OK_(cat_is("/w/f20m", 20 * MiB, 6, NULL, 0),
	    "debugfs cat: 20 MiB exact (double indirect)");
	if (fs.block_size == 1024)
		OK_(cat_is("/w/sparse", tind + 5123, 7, sr, 2),
		    "debugfs cat: the sparse file, holes zero");
	OK_(dbg_stat("/w/sparse", "Size: ") == (long long)(tind + 5123),
	    "debugfs stat: the sparse file's size");
	{
		static const uint64_t gr[] = { 0, 100, 500, 510 };
		OK_(cat_is("/w/gap", 510, 16, gr, 2), "debugfs cat: the gap "
		    "before a write past the end reads as zeros");
	}
	OK_(cat_is("/w/t", 9000, 9, tr, 1), "debugfs cat: truncated and "
	    "extended file, zeros past the cut");
	OK_(cat_is("/w/t20", 100, 13, NULL, 0) && cat_is("/w/r2", 3, 11, NULL, 0) &&
	    cat_is("/w/d1moved/sub/x", 10, 10, NULL, 0),
	    "debugfs cat: truncated, replaced, moved files");
	OK_(dbg_stat("/hard", "Links: ") == 2 && dbg_stat("/w/f4k", "Links: ") == 2,
	    "debugfs stat: the hard link's count is 2");
	OK_(dbg_stat("/w", "Links: ") == 3 && dbg_stat("/", "Links: ") == 6,
	    "debugfs stat: directory link counts");
	OK_(dbg_stat("/w/f1023", "Mode:  ") == 0600 &&
	    dbg_stat("/w/f1023", "User: ") == 1000 &&
	    dbg_stat("/w/f1023", "Group: ") == 100,
	    "debugfs stat: mode, owner");
	OK_(dbg_stat("/w/t0", "Blockcount: ") == 0 &&
	    dbg_stat("/w/t20", "Size: ") == 100, "debugfs stat: truncated sizes");
	OK_(dbg_has("/w/fast", "Fast link dest: \"f4k\""),
	    "debugfs stat of the fast symlink: its target");
	{
		size_t n;
		uint8_t *b = dbg_cat("/slow", &n);
		OK_(b && n == 128 && memcmp(b, "../././", 7) == 0 &&
		    memcmp(b + 122, "/w/f1m", 6) == 0,
		    "debugfs cat of the slow symlink: its target");
		free(b);
	}
}

/* A cold sequential read of the 20 MiB file: exact bytes, and read ahead
 * in runs (a request per 64 blocks, plus the indirect blocks), not a
 * request per block. */
static void test_read_ahead(void)
{
	static uint8_t buf[65536];
	struct ext2_inode_info in;
	uint64_t off, blocks = 20 * MiB / fs.block_size;
	unsigned before = dev_reads, run;
	ssize_t n;
	int ok = ext2_read_inode(&fs, ino_of("/w/f20m"), &in) == OK;
	size_t i;

	/* A cold 64 KiB read from the start: the direct blocks, the single
	 * indirect block after them and the next blocks, in one request
	 * when a run holds them all (4 KiB blocks: 16 + 1). */
	run = fs.nbuf / 4 < EXT2_WRITE_RUN ? fs.nbuf / 4 : EXT2_WRITE_RUN;
	before = dev_reads;
	n = ok ? ext2_read_data(&fs, &in, 0, buf, sizeof(buf)) : -1;
	for (i = 0, ok = n == (ssize_t)sizeof(buf); ok && i < sizeof(buf); i++)
		ok = buf[i] == pat(i, 6);
	OK_(ok && dev_reads - before == (65536 / fs.block_size + 1 + run - 1) /
	    run, "a cold 64 KiB read: exact, in one request per run of 64 "
	    "blocks (the indirect block among them)");
	printf("# 64 KiB cold: %u device reads\n", dev_reads - before);
	ext2_cache_invalidate(&fs);
	before = dev_reads;
	for (off = 0; ok && off < 20 * MiB; off += (uint64_t)n) {
		n = ext2_read_data(&fs, &in, off, buf, sizeof(buf));
		ok = n > 0;
		for (i = 0; ok && i < (size_t)n; i++)
			ok = buf[i] == pat(off + i, 6);
	}
	OK_(ok, "a cold read of the 20 MiB file through read-ahead: exact");
	printf("# 20 MiB cold: %u device reads for %llu blocks\n",
	    dev_reads - before, (unsigned long long)blocks);
	OK_(dev_reads - before < blocks / run + blocks / (fs.block_size / 4) + 20,
	    "a request per run of 64 blocks (a quarter of the cache at most; "
	    "and per indirect block)");
}

/* The whole image as the device has it now (malloc'd), or NULL. */
static uint8_t *disk_copy(size_t *len)
{
	off_t end = lseek(fd, 0, SEEK_END);
	uint8_t *p;

	if (end <= 0 || (p = malloc((size_t)end)) == NULL)
		return NULL;
	if (pread(fd, p, (size_t)end, 0) != (ssize_t)end) {
		free(p);
		return NULL;
	}
	*len = (size_t)end;
	return p;
}

static void test_enospc(void)
{
	uint32_t fb0 = fs.sb.s_free_blocks_count, fi0 = fs.sb.s_free_inodes_count;
	struct ext2_inode_info in, d;
	static uint8_t buf[MiB];
	uint32_t fb, fi, ino;
	ssize_t w = 0;
	uint64_t off = 0;
	uint8_t *snap, *now_img;
	size_t snap_len = 0, now_len = 0;

	memset(buf, 0x5a, sizeof(buf));
	OK_(mkd("/fill") == OK && mk("/fill/a") == OK &&
	    ext2_read_inode(&fs, ino_of("/fill/a"), &in) == OK, "fill: start");
	while ((w = ext2_write_data(&fs, &in, off, buf, sizeof(buf))) ==
	    (ssize_t)sizeof(buf))
		off += (uint64_t)w;
	if (w > 0)
		off += (uint64_t)w;
	OK_(fs.sb.s_free_blocks_count == 0 &&
	    ext2_write_data(&fs, &in, off, buf, 1) == ENOSPC,
	    "the disk fills; the next write: ENOSPC");
	OK_(in.size == off && size_of("/fill/a") == off,
	    "the size is what was written");
	fb = fs.sb.s_free_blocks_count;
	fi = fs.sb.s_free_inodes_count;
	ext2_read_inode(&fs, ino_of("/fill"), &d);
	ext2_sync(&fs);
	snap = disk_copy(&snap_len);
	OK_(mkd("/fill/nodir") == ENOSPC && ext2_symlink(&fs, d.ino, "s", 1,
	    (const char *)buf, 200, 0, 0, &ino) == ENOSPC, "mkdir, slow symlink on a full "
	    "disk: ENOSPC");
	ext2_sync(&fs);
	now_img = disk_copy(&now_len);
	OK_(snap && now_img && snap_len == now_len &&
	    memcmp(snap, now_img, snap_len) == 0, "the failing mkdir and "
	    "symlink changed no byte of the disk");
	free(snap);
	free(now_img);
	/* Files with no block need only the inode and a directory slot. */
	OK_(mk("/fill/b") == OK && ext2_read_inode(&fs, ino_of("/fill/b"), &in) ==
	    OK && ext2_write_data(&fs, &in, 0, buf, 10) == ENOSPC &&
	    size_of("/fill/b") == 0 && fs.sb.s_free_blocks_count == fb &&
	    fs.sb.s_free_inodes_count == fi - 1, "a write to an empty file: "
	    "ENOSPC, size 0, counters unchanged");
	OK_(umount_rw() == OK && fsck_clean(), "full disk: e2fsck -fn clean");
	OK_(mount_rw(sizeof(cache)) == OK && rm("/fill/a") == OK &&
	    rm("/fill/b") == OK && rmd("/fill") == OK &&
	    fs.sb.s_free_blocks_count == fb0 && fs.sb.s_free_inodes_count == fi0,
	    "everything deleted: free counts back where they started");
	OK_(umount_rw() == OK && fsck_clean(), "after the deletes: e2fsck -fn "
	    "clean");
}

static void test_small_cache(void)
{
	static uint8_t small[EXT2_CACHE_BYTES(16, 4096)];
	struct ext2_dev d = { .read_block = rd, .write_block = wr, .now = clk };
	char p[64];
	int i, ok = 1;

	fd = open(img, O_RDWR);
	OK_(ext2_mount(&fs, &d, small, EXT2_CACHE_BYTES(16, fs.block_size)) ==
	    OK && fs.nbuf <= 20, "mount with 16 buffers");
	OK_(mkd("/sc") == OK && mkfile("/sc/two", 2 * MiB, 21), "16 buffers: "
	    "a 2 MiB file");
	for (i = 0; i < 100 && ok; i++) {
		snprintf(p, sizeof(p), "/sc/f%d", i);
		ok = mkfile(p, (uint64_t)i * 37, 22);
	}
	OK_(ok && fs.writes > 0, "16 buffers: 100 files, written back by "
	    "eviction");
	OK_(umount_rw() == OK && fsck_clean() &&
	    cat_is("/sc/two", 2 * MiB, 21, NULL, 0) &&
	    cat_is("/sc/f99", 99 * 37, 22, NULL, 0), "16 buffers: e2fsck clean, "
	    "bytes exact");
}

static void run(const char *name, uint32_t bs)
{
	struct ext2_dev ro = { .read_block = rd };
	uint32_t ino;

	snprintf(label, sizeof(label), "%s", name);
	snprintf(img, sizeof(img), "%s/%s.img", dir, name);
	if (!make_image(bs)) {
		CHECK(0, nm("mke2fs and e2fsck -D make the image"));
		return;
	}
	longest_run = 0;
	OK_(mount_rw(sizeof(cache)) == OK && fs.block_size == bs,
	    "mount read-write");
	test_files();
	test_names();
	test_errors();
	OK_(ext2_dirty_count(&fs) > 0 && ext2_dirty_count(&fs) == dirty_bufs() +
	    (fs.sb_dirty ? 1u : 0u), "the dirty count: the dirty buffers and "
	    "the superblock");
	OK_(umount_rw() == OK, "sync");
	OK_(ext2_dirty_count(&fs) == 0 && dirty_bufs() == 0,
	    "after sync nothing is dirty");
	OK_(longest_run == EXT2_WRITE_RUN, "write-back: runs of 64 consecutive "
	    "blocks in one write_blocks call");
	check_oracles();
	OK_(mount_rw(sizeof(cache)) == OK, "mount again");
	test_read_ahead();
	test_enospc();
	test_small_cache();

	fd = open(img, O_RDONLY);
	OK_(ext2_mount(&fs, &ro, cache, sizeof(cache)) == OK &&
	    ext2_mkdir(&fs, EXT2_ROOT_INO, "x", 1, 0755, 0, 0, &ino) == EROFS &&
	    mk("/w/new") == EROFS && rm("/w/f0") == EROFS,
	    "mounted without write_block: EROFS");
	close(fd);
}

/* Power cut: files synced before stay intact whatever prefix of the
 * next write-back reached the disk, and, data going before metadata, a
 * new file whose inode made it has its own bytes, never those of the
 * deleted file whose blocks it reused. */
static void test_power_cut(void)
{
	char cmd[9000], cut[4400];
	int k, ok_keep = 1, ok_new = 1, ok_fsck = 1, cfd;
	size_t n;
	uint8_t *b;

	snprintf(label, sizeof(label), "power cut");
	snprintf(img, sizeof(img), "%s/cut.img", dir);
	if (!make_image_size(1024, "4M")) {
		CHECK(0, nm("mke2fs makes the image"));
		return;
	}
	OK_(mount_rw(sizeof(cache)) == OK && mkd("/keep") == OK &&
	    mkfile("/keep/a", 300000, 41) && mkfile("/keep/b", 20000, 42) &&
	    mkfile("/old", 200000, 43) && ext2_sync(&fs) == OK,
	    "synced: /keep/a, /keep/b, /old");
	OK_(rm("/old") == OK && mkfile("/new", 200000, 44) && mkd("/d") == OK &&
	    mkfile("/d/x", 5000, 45) && mv("/keep", "/d/keep2") == OK &&
	    mv("/d/keep2", "/keep") == OK, "then: /old deleted, /new written "
	    "in its blocks, more changes");
	recording = 1;
	nrec = 0;
	OK_(ext2_sync(&fs) == OK && nrec > 10, "the write-back, recorded");
	printf("# %d block writes in the write-back\n", nrec);
	recording = 0;
	close(fd);
	snprintf(cut, sizeof(cut), "%s/cut-k.img", dir);
	/* Every cut near either end (where data and metadata meet, in the
	 * right order or the wrong one), every 16th in between. */
	for (k = 0; k <= nrec; k += k < 16 || k >= nrec - 16 ? 1 : 16) {
		int i;
		snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", img, cut);
		if (system(cmd) != 0 || (cfd = open(cut, O_RDWR)) < 0) {
			ok_fsck = 0;
			break;
		}
		for (i = 0; i < k; i++)
			if (pwrite(cfd, recs[i].data, recs[i].bs,
			    (off_t)recs[i].block * recs[i].bs) != (ssize_t)recs[i].bs)
				ok_fsck = 0;
		close(cfd);
		snprintf(cmd, sizeof(cmd), "e2fsck -fy '%s' >/dev/null 2>&1;"
		    " e2fsck -fn '%s' >/dev/null 2>&1", cut, cut);
		if (system(cmd) != 0)
			ok_fsck = 0;
		snprintf(img, sizeof(img), "%s", cut);
		if (!cat_is("/keep/a", 300000, 41, NULL, 0) ||
		    !cat_is("/keep/b", 20000, 42, NULL, 0))
			ok_keep = 0;
		if ((b = dbg_cat("/new", &n)) != NULL && n > 0) {
			size_t j;
			for (j = 0; j < n && ok_new; j++)
				ok_new = b[j] == pat(j, 44);
		}
		free(b);
		snprintf(img, sizeof(img), "%s/cut.img", dir);
	}
	OK_(ok_fsck, "every cut: e2fsck -fy repairs it, then -fn is clean");
	OK_(ok_keep, "every cut: the files synced before are intact");
	OK_(ok_new, "every cut: /new, if there, has its own bytes");
	for (k = 0; k < nrec; k++)
		free(recs[k].data);
}

/* Out of inodes: empty files until ENOSPC; the failing create changes
 * nothing, e2fsck is clean, and deleting them all brings the counts
 * back. */
static void test_out_of_inodes(void)
{
	uint32_t fb0, fi0, fb1, n = 0, i, ino;
	char p[64];
	int r = OK;

	snprintf(label, sizeof(label), "inodes");
	snprintf(img, sizeof(img), "%s/ino.img", dir);
	if (!make_image_size(1024, "4M")) {
		CHECK(0, nm("mke2fs makes the image"));
		return;
	}
	OK_(mount_rw(sizeof(cache)) == OK && mkd("/many") == OK, "mount, mkdir");
	fb0 = fs.sb.s_free_blocks_count;
	fi0 = fs.sb.s_free_inodes_count;
	while (r == OK) {
		snprintf(p, sizeof(p), "/many/file_number_%u", n);
		if ((r = mk(p)) == OK)
			n++;
	}
	fb1 = fs.sb.s_free_blocks_count;
	OK_(r == ENOSPC && fs.sb.s_free_inodes_count == 0 && n == fi0,
	    "creates until ENOSPC: every free inode used");
	OK_(ext2_mkdir(&fs, EXT2_ROOT_INO, "d", 1, 0755, 0, 0, &ino) == ENOSPC &&
	    ext2_symlink(&fs, EXT2_ROOT_INO, "s", 1, "x", 1, 0, 0, &ino) ==
	    ENOSPC && fs.sb.s_free_blocks_count == fb1 &&
	    ino_of("/d") == 0 && ino_of("/s") == 0,
	    "mkdir, symlink: ENOSPC, nothing changed");
	OK_(umount_rw() == OK && fsck_clean(), "no inodes left: e2fsck clean");
	OK_(mount_rw(sizeof(cache)) == OK, "mount again");
	for (i = 0, r = OK; i < n && r == OK; i++) {
		snprintf(p, sizeof(p), "/many/file_number_%u", i);
		r = rm(p);
	}
	/* The directory keeps its grown blocks: ext2 directories never
	 * shrink. */
	OK_(r == OK && fs.sb.s_free_inodes_count == fi0 &&
	    fs.sb.s_free_blocks_count == fb1, "all deleted: the inodes are "
	    "back (the directory keeps its blocks)");
	OK_(rmd("/many") == OK && fs.sb.s_free_blocks_count == fb0 + 1 &&
	    umount_rw() == OK && fsck_clean(), "the directory goes too: "
	    "e2fsck clean");
}

/* Extended attributes: a file whose attributes fill a block (set by
 * debugfs) frees that block with it. */
static void test_xattr_block(void)
{
	char cmd[9000];
	uint32_t fb;
	struct ext2_inode_info in;

	snprintf(label, sizeof(label), "xattr");
	snprintf(img, sizeof(img), "%s/ea.img", dir);
	snprintf(cmd, sizeof(cmd), "(head -c 400 /dev/zero | tr '\\0' x > "
	    "'%s/ea.val' && debugfs -w -R 'write %s/ea.val /f' '%s' && "
	    "debugfs -w -R 'ea_set -f %s/ea.val /f user.big' '%s')"
	    " >/dev/null 2>&1", dir, dir, img, dir, img);
	if (!make_image_size(1024, "4M") || system(cmd) != 0) {
		CHECK(0, nm("an image with an attribute block"));
		return;
	}
	OK_(mount_rw(sizeof(cache)) == OK &&
	    ext2_read_inode(&fs, ino_of("/f"), &in) == OK && in.file_acl != 0,
	    "/f has an attribute block");
	fb = fs.sb.s_free_blocks_count;
	OK_(rm("/f") == OK && fs.sb.s_free_blocks_count == fb + 2 &&
	    umount_rw() == OK && fsck_clean(), "unlink frees its data and "
	    "attribute blocks; e2fsck clean");
}

/* A loop of ".." entries (/x/.. names /x/y, whose .. names /x): a
 * rename into it looks for its own subtree up the chain, which never
 * reaches the root; it must end (EIO) and change no byte. */
static void test_dotdot_loop(void)
{
	struct ext2_inode_info x, y;
	uint32_t b;
	uint8_t *snap, *after;
	size_t n1 = 0, n2 = 0;
	int r;

	snprintf(label, sizeof(label), "loop");
	snprintf(img, sizeof(img), "%s/loop.img", dir);
	if (!make_image_size(1024, "4M")) {
		CHECK(0, nm("make the image"));
		return;
	}
	OK_(mount_rw(sizeof(cache)) == OK && mkd("/x") == OK &&
	    mkd("/x/y") == OK && mkd("/z") == OK &&
	    ext2_read_inode(&fs, ino_of("/x"), &x) == OK &&
	    ext2_read_inode(&fs, ino_of("/x/y"), &y) == OK &&
	    ext2_map_block(&fs, &x, 0, &b) == OK && umount_rw() == OK,
	    "/x, /x/y and /z made");
	/* /x's ".." record is the second of its first block, at 12. */
	if (pwrite(fd = open(img, O_RDWR), &y.ino, 4, (off_t)b * 1024 + 12) != 4)
		CHECK(0, nm("corrupt /x/.."));
	close(fd);
	fd = -1;
	if (mount_rw(sizeof(cache)) != OK) {
		CHECK(0, nm("mount the corrupt image"));
		return;
	}
	ext2_sync(&fs);
	snap = disk_copy(&n1);
	r = mv("/z", "/x/y/z");
	ext2_sync(&fs);
	after = disk_copy(&n2);
	OK_(r == EIO, "rename into a loop of \"..\": EIO, no hang");
	OK_(snap && after && n1 == n2 && memcmp(snap, after, n1) == 0,
	    "rename into a loop of \"..\": no byte changed");
	free(snap);
	free(after);
	umount_rw();
}

/* ---- fuzz: changes on corrupt images ---- */

static uint8_t *mimg;		/* the image being changed, in memory */
static size_t msize;

static int mrd(void *ctx, uint32_t b, uint32_t bs, void *buf)
{
	uint64_t off = (uint64_t)b * bs;

	(void)ctx;
	if (off > msize || bs > msize - off)
		return EIO;
	memcpy(buf, mimg + off, bs);
	return OK;
}

static int mwr(void *ctx, uint32_t b, uint32_t bs, const void *buf)
{
	uint64_t off = (uint64_t)b * bs;

	(void)ctx;
	if (off > msize || bs > msize - off)
		return EIO;
	memcpy(mimg + off, buf, bs);
	return OK;
}

static uint32_t rnd_state;

static uint32_t rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

/* Corrupt a few bytes of the metadata (superblock, descriptors, bitmaps,
 * inode table, the first directory blocks), mount read-write, and make
 * every kind of change: nothing may crash (ASan watches), hang, or write
 * outside the disk; errors are fine. */
static void fz_report(int seed, const char *call, int r, const uint8_t *snap)
{
	size_t i;

	fprintf(stderr, "seed %d: %s: %d, the disk changed:", seed, call, r);
	for (i = 0; i < msize; i++)
		if (snap[i] != mimg[i])
			fprintf(stderr, " %zu(blk %zu)", i, i / 1024);
	fprintf(stderr, "\n");
}

/* Run a change on the fuzzed image: if it fails, the disk (written back)
 * must be byte for byte what it was before it. */
#define FZ(call)							\
	do {								\
		int r_;							\
		ext2_sync(&fs);						\
		memcpy(snap, mimg, msize);				\
		r_ = (call);						\
		ext2_sync(&fs);						\
		if (r_ != OK) {						\
			failed++;					\
			if (memcmp(snap, mimg, msize) != 0) {		\
				changed++;				\
				if (getenv("FZ_DEBUG"))			\
					fz_report(seed, #call, r_, snap); \
			}						\
		}							\
	} while (0)

static void test_fuzz_writes(void)
{
	int failed = 0, changed = 0;
	uint8_t *snap;
	static uint8_t small[EXT2_CACHE_BYTES(32, 1024)];
	struct ext2_dev d = { .read_block = mrd, .write_block = mwr, .now = clk };
	struct ext2_dirent_info de;
	uint8_t *pristine;
	uint32_t reg[16][2], nreg, ino;
	int seed, k, mounted = 0, i;
	uint64_t pos;
	char p[64];
	FILE *f;

	snprintf(label, sizeof(label), "fuzz");
	snprintf(img, sizeof(img), "%s/fz.img", dir);
	if (!make_image_size(1024, "4M") || (f = fopen(img, "rb")) == NULL) {
		CHECK(0, nm("make the image"));
		return;
	}
	msize = 4 * MiB;
	pristine = malloc(msize);
	mimg = malloc(msize);
	snap = malloc(msize);
	if (!pristine || !mimg || !snap || fread(pristine, 1, msize, f) != msize) {
		CHECK(0, nm("read the image"));
		fclose(f);
		return;
	}
	fclose(f);
	memcpy(mimg, pristine, msize);
	if (ext2_mount(&fs, &d, small, sizeof(small)) != OK) {
		CHECK(0, nm("mount the pristine image"));
		return;
	}
	/* Regions: the superblock's fields, the descriptor, both bitmaps,
	 * the used inodes, the root's and /big's directory blocks. */
	{
		struct ext2_group_desc gd;
		struct ext2_inode_info in;
		uint32_t b, n = 0, fb;
		read_group_desc(&fs, 0, &gd);
		reg[n][0] = 1024, reg[n++][1] = 264;
		reg[n][0] = 2048, reg[n++][1] = 32;
		reg[n][0] = gd.bg_block_bitmap * 1024u, reg[n++][1] = 1024;
		reg[n][0] = gd.bg_inode_bitmap * 1024u, reg[n++][1] = 1024;
		reg[n][0] = gd.bg_inode_table * 1024u, reg[n++][1] = 330 * fs.inode_size;
		ext2_read_inode(&fs, EXT2_ROOT_INO, &in);
		ext2_map_block(&fs, &in, 0, &b);
		reg[n][0] = b * 1024u, reg[n++][1] = 1024;
		ext2_read_inode(&fs, ino_of("/big"), &in);
		for (fb = 0; fb < 4 && fb < in.size / 1024; fb++) {
			ext2_map_block(&fs, &in, fb, &b);
			reg[n][0] = b * 1024u, reg[n++][1] = 1024;
		}
		nreg = n;
	}
	for (seed = 1; seed <= 300; seed++) {
		rnd_state = (uint32_t)seed;
		memcpy(mimg, pristine, msize);
		for (k = (int)(rnd() % 4) + 1; k > 0; k--) {
			uint32_t r = rnd() % nreg;
			mimg[reg[r][0] + rnd() % reg[r][1]] = (uint8_t)rnd();
		}
		if (ext2_mount(&fs, &d, small, sizeof(small)) != OK)
			continue;
		mounted++;
		FZ(mkd("/fz"));
		FZ(mk("/fz/a"));
		put("/fz/a", 0, 20000, 1, 65537);
		for (i = 0; i < 20; i++) {
			snprintf(p, sizeof(p), "/big/n%d", i);
			FZ(mk(p));
		}
		FZ(ext2_symlink(&fs, EXT2_ROOT_INO, "sl", 2, p, strlen(p), 0, 0,
		    &ino));
		FZ(mv("/big/entry_with_a_long_name_7", "/fz/moved"));
		FZ(mv("/fz", "/big/fz2"));
		FZ(rm("/big/entry_with_a_long_name_9"));
		FZ(trunc_to("/big/fz2/a", 100));
		for (pos = 0, i = 0; i < 1000 &&
		    ext2_readdir(&fs, ino_of("/big"), &pos, &de) == 1; i++)
			;
		FZ(rm("/big/fz2/a"));
		FZ(rmd("/big/fz2"));
		ext2_sync(&fs);
	}
	OK_(changed == 0, "corrupt images: a change that fails (EIO, ENOENT, "
	    "...) leaves every byte of the disk as it was");
	printf("# fuzz: %d failing changes, %d of them changed the disk\n",
	    failed, changed);
	OK_(mounted > 50, "300 corrupt images: changes end without a crash "
	    "or a hang (under ASan)");
	printf("# fuzz: %d of 300 corrupt images mounted and changed\n",
	    mounted);
	free(pristine);
	free(mimg);
	free(snap);
}

/* The read tests' images (tests/host/ext2-images.sh): 128-byte inodes,
 * 2 KiB blocks without sparse_super, revision 0 without filetype.  A copy
 * gets a round of changes, then e2fsck and debugfs judge. */
static void run_copy(const char *name)
{
	char cmd[9000];
	uint32_t ino;

	snprintf(label, sizeof(label), "%s copy", name);
	snprintf(img, sizeof(img), "%s/copy-%s.img", dir, name);
	snprintf(cmd, sizeof(cmd), "cp '%s/../ext2/%s.img' '%s'", dir, name, img);
	if (system(cmd) != 0) {
		CHECK(0, nm("copy the image"));
		return;
	}
	OK_(mount_rw(sizeof(cache)) == OK && mkd("/n") == OK &&
	    mkfile("/n/big", 2 * MiB, 31) && mkfile("/n/small", 77, 32) &&
	    ext2_symlink(&fs, ino_of("/n"), "s", 1, "small", 5, 0, 0, &ino) == OK &&
	    mv("/n/small", "/a/b/moved") == OK && mv("/a/b/c", "/n/c") == OK &&
	    rm("/one") == OK && rmd("/a/empty_dir") == OK &&
	    trunc_to("/mega", 12345) == OK && mk("/dir500/f500") == OK &&
	    rm("/dir500/f007") == OK && umount_rw() == OK,
	    "changes: mkdir, write, symlink, renames, unlink, rmdir, truncate");
	OK_(fsck_clean(), "e2fsck -fn: clean");
	OK_(cat_is("/n/big", 2 * MiB, 31, NULL, 0) &&
	    cat_is("/a/b/moved", 77, 32, NULL, 0) &&
	    dbg_stat("/mega", "Size: ") == 12345 &&
	    dbg_stat("/n/c/d/deep.txt", "Size: ") == 10,
	    "debugfs: the bytes and sizes written, the moved tree");
}

int main(void)
{
	const char *root = getenv("EXT2_ROOT");
	char cmd[4200];

	if (root == NULL)
		root = access("tests/host/ext2-images.sh", R_OK) == 0 ? "." : "../..";
	snprintf(dir, sizeof(dir), "%s/build/host/ext2rw", root);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
	if (system(cmd) != 0 || realpath(dir, cmd) == NULL) {
		CHECK(0, "mkdir build/host/ext2rw");
		return tap_done();
	}
	snprintf(dir, sizeof(dir), "%s", cmd);
	(void)sh;
	run("1k", 1024);
	run("4k", 4096);
	snprintf(cmd, sizeof(cmd), "sh '%s/../../../tests/host/ext2-images.sh'", dir);
	if (system(cmd) != 0) {
		CHECK(0, "tests/host/ext2-images.sh builds the images");
		return tap_done();
	}
	test_power_cut();
	test_out_of_inodes();
	test_xattr_block();
	test_dotdot_loop();
	test_fuzz_writes();
	run_copy("1k");
	run_copy("2k");
	run_copy("r0");
	return tap_done();
}
