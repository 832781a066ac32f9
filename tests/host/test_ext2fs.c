/* test_ext2fs.c - host unit tests for servers/ext2/ext2fs.c.
 *
 * Runs tests/host/ext2-images.sh (images made by mke2fs -d from a staging
 * tree of known content), mounts each image through a read_block callback
 * on the image file, and checks exact results: sizes and byte-exact content
 * of every file (pattern files, a sparse file with holes up to triple
 * indirection, a 5 GiB sparse file), the 500-entry directory listed
 * completely, lookups and path resolution with their errors, inode fields
 * against the staging tree and `debugfs -R stat`, and the zero-copy API.
 * Then it corrupts in-memory copies of an image (superblock, group
 * descriptors, inodes, directory records, block pointers, device errors,
 * and a seeded random fuzz) and checks for the right error, no hang and
 * (under ASan) no bad access.
 *
 * The script is found through $EXT2_ROOT (the repository root) or by
 * trying ".", ".." and "../.." as the root.
 */
#include "../../servers/ext2/ext2fs.c"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

/* CHECK() with a condition that has side effects or is long. */
#define OK_(c, name)                                                     \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

#define MTIME 1600000000u	/* the staging tree's fixed times */
#define MiB (1024u * 1024u)
#define GiB (1024ull * MiB)
#define CACHE_BYTES EXT2_CACHE_BYTES(64, 4096)

static char root_dir[512];
static char label[64];		/* image name, prefixed to check names */

static const char *nm(const char *what)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s: %s", label, what);
	return buf;
}

static uint8_t pat(uint64_t i)
{
	return (uint8_t)(i * 131 + i / 4096 + 1);
}

/* The sparse file's data ranges; everything else reads as zeros. */
static const uint64_t sparse_size = 80ull * MiB + 777;
static const uint64_t sparse_ranges[][2] = {
	{ 5000, 9000 },
	{ 307200, 310200 },
	{ 70ull * MiB + 123, 70ull * MiB + 5123 },
	{ 80ull * MiB + 777 - 3000, 80ull * MiB + 777 },
};
static const uint64_t huge_size = 5 * GiB + 10000;
static const uint64_t huge_ranges[][2] = {
	{ 0, 100 },
	{ 5 * GiB + 1000, 5 * GiB + 10000 },
};

static uint8_t expect_in(const uint64_t (*r)[2], size_t n, uint64_t i)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (i >= r[k][0] && i < r[k][1])
			return pat(i);
	return 0;
}

/* buf holds bytes [off, off + n) of a file: do they match? */
static int match(const uint8_t *buf, uint64_t off, size_t n,
	const uint64_t (*r)[2], size_t nr)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint8_t want = r ? expect_in(r, nr, off + i) : pat(off + i);
		if (buf[i] != want)
			return 0;
	}
	return 1;
}

/* ---- devices ---- */

struct filedev {
	int fd;
	unsigned reads;
};

static int file_read_block(void *ctx, uint32_t block, uint32_t bs, void *buf)
{
	struct filedev *d = ctx;
	ssize_t n;

	d->reads++;
	n = pread(d->fd, buf, bs, (off_t)block * bs);
	return n == (ssize_t)bs ? OK : EIO;
}

struct memdev {
	uint8_t *img;
	size_t size;
	int64_t fail_block;	/* -1: none */
	int fail_code;
	unsigned reads;
};

static int mem_read_block(void *ctx, uint32_t block, uint32_t bs, void *buf)
{
	struct memdev *d = ctx;
	uint64_t off = (uint64_t)block * bs;

	d->reads++;
	if ((int64_t)block == d->fail_block)
		return d->fail_code;
	if (off > d->size || bs > d->size - off)
		return EIO;
	memcpy(buf, d->img + off, bs);
	return OK;
}

/* ---- helpers ---- */

static int find_root(void)
{
	static const char *cand[] = { NULL, ".", "..", "../.." };
	char path[600];
	size_t i;

	cand[0] = getenv("EXT2_ROOT");
	for (i = 0; i < sizeof(cand) / sizeof(cand[0]); i++) {
		if (cand[i] == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/tests/host/ext2-images.sh",
		    cand[i]);
		if (access(path, R_OK) == 0) {
			snprintf(root_dir, sizeof(root_dir), "%s", cand[i]);
			return 1;
		}
	}
	return 0;
}

static void img_path(char *buf, size_t len, const char *img)
{
	snprintf(buf, len, "%s/build/host/ext2/%s.img", root_dir, img);
}

/* lstat() of a path in the staging tree the image was made from. */
static int stage_stat(const char *stage, const char *path, struct stat *st)
{
	char p[700];

	snprintf(p, sizeof(p), "%s/build/host/ext2/%s%s", root_dir, stage,
	    path);
	return lstat(p, st);
}

/* Fields of `debugfs -R 'stat PATH' IMG`. */
struct dbg {
	unsigned long ino, links, blockcount, ctime;
	unsigned long long size;
};

static int debugfs_stat(const char *img, const char *path, struct dbg *d)
{
	char cmd[800], out[8192], *s;
	size_t n;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "debugfs -R 'stat %s' '%s' 2>/dev/null",
	    path, img);
	if ((f = popen(cmd, "r")) == NULL)
		return 0;
	n = fread(out, 1, sizeof(out) - 1, f);
	pclose(f);
	out[n] = '\0';
	memset(d, 0, sizeof(*d));
	if ((s = strstr(out, "Inode: ")) == NULL)
		return 0;
	d->ino = strtoul(s + 7, NULL, 10);
	if ((s = strstr(out, "Links: ")) == NULL)
		return 0;
	d->links = strtoul(s + 7, NULL, 10);
	if ((s = strstr(out, "Blockcount: ")) == NULL)
		return 0;
	d->blockcount = strtoul(s + 12, NULL, 10);
	if ((s = strstr(out, "Size: ")) == NULL)	/* the first: User line */
		return 0;
	d->size = strtoull(s + 6, NULL, 10);
	if ((s = strstr(out, "ctime: 0x")) == NULL)
		return 0;
	d->ctime = strtoul(s + 9, NULL, 16);
	return 1;
}

static uint32_t namei_or_0(struct ext2_fs *fs, const char *path)
{
	uint32_t ino = 0;

	return ext2_namei(fs, path, &ino) == OK ? ino : 0;
}

/* Read [off, off + len) of ino in one ext2_read() into a fresh buffer and
 * compare it with the pattern (or the sparse ranges); returns the count
 * read, or -1 on a mismatch.
 */
static ssize_t read_cmp(struct ext2_fs *fs, uint32_t ino, uint64_t off,
	size_t len, const uint64_t (*r)[2], size_t nr)
{
	uint8_t *buf = malloc(len + 1);
	ssize_t n;

	n = ext2_read(fs, ino, off, buf, len);
	if (n > 0 && !match(buf, off, (size_t)n, r, nr))
		n = -1000;
	free(buf);
	return n;
}

/* Read a whole small file as a string. */
static int read_str(struct ext2_fs *fs, const char *path, char *buf,
	size_t len)
{
	uint32_t ino;
	ssize_t n;
	int r;

	if ((r = ext2_namei(fs, path, &ino)) != OK)
		return r;
	n = ext2_read(fs, ino, 0, buf, len - 1);
	if (n < 0)
		return (int)n;
	buf[n] = '\0';
	return OK;
}

/* ---- one image ---- */

struct image {
	const char *name, *stage;
	uint32_t block_size, inode_size;
	int rev0;
};

static void test_pattern_file(struct ext2_fs *fs, const char *stage,
	const char *path, uint64_t size, uint16_t links)
{
	struct ext2_inode_info in;
	struct stat st;
	uint32_t ino = namei_or_0(fs, path);
	char what[128];
	uint8_t *buf;
	ssize_t n;
	size_t step, off;
	int ok;

	snprintf(what, sizeof(what), "%s: inode, size, mode, owner, mtime, links",
	    path);
	OK_(ino != 0 && ext2_read_inode(fs, ino, &in) == OK &&
	    in.size == size && in.mode == (EXT2_S_IFREG | 0644) &&
	    stage_stat(stage, path, &st) == 0 && in.uid == st.st_uid &&
	    in.gid == st.st_gid && in.mtime == MTIME && in.links == links,
	    nm(what));

	/* Whole file in one read, asking for more than there is. */
	buf = malloc(size + 100);
	n = ext2_read(fs, ino, 0, buf, size + 100);
	snprintf(what, sizeof(what), "%s: whole read is exact", path);
	OK_(n == (ssize_t)size && match(buf, 0, size, NULL, 0), nm(what));

	/* Again in odd-sized pieces that straddle block boundaries. */
	ok = 1;
	memset(buf, 0xee, size + 100);
	for (step = 1, off = 0; off < size; off += (size_t)n, step += 997) {
		n = ext2_read(fs, ino, off, buf + off, step);
		if (n <= 0) {
			ok = 0;
			break;
		}
	}
	snprintf(what, sizeof(what), "%s: read in odd pieces is exact", path);
	OK_(ok && off == size && match(buf, 0, size, NULL, 0), nm(what));
	free(buf);

	snprintf(what, sizeof(what), "%s: read at and past EOF gives 0", path);
	OK_(ext2_read(fs, ino, size, what, 10) == 0 &&
	    ext2_read(fs, ino, size + 12345, what, 10) == 0, nm(what));
}

static void test_readdir500(struct ext2_fs *fs, const struct image *im)
{
	static char seen[500];
	struct ext2_dirent_info de;
	uint32_t dino = namei_or_0(fs, "/dir500"), ino;
	uint64_t pos = 0, save = 0;
	char names[2][60][8];
	int r, n = 0, bad = 0, dot = 0, dotdot = 0, types_ok = 1, i, k;

	memset(seen, 0, sizeof(seen));
	memset(names, 0, sizeof(names));
	while ((r = ext2_readdir(fs, dino, &pos, &de)) == 1 && n < 1000) {
		n++;
		if (strcmp(de.name, ".") == 0) {
			dot += de.ino == dino;
			types_ok &= de.file_type ==
			    (im->rev0 ? EXT2_FT_UNKNOWN : EXT2_FT_DIR);
			continue;
		}
		if (strcmp(de.name, "..") == 0) {
			dotdot += de.ino == EXT2_ROOT_INO;
			continue;
		}
		if (de.name_len != 4 || de.name[0] != 'f' ||
		    sscanf(de.name + 1, "%d", &k) != 1 || k < 0 || k > 499 ||
		    seen[k]++) {
			bad++;
			continue;
		}
		types_ok &= de.file_type ==
		    (im->rev0 ? EXT2_FT_UNKNOWN : EXT2_FT_REG_FILE);
		if (k % 50 == 7 &&
		    (ext2_lookup(fs, dino, de.name, 4, &ino) != OK ||
		    ino != de.ino))
			bad++;
	}
	for (k = 0; k < 500; k++)
		bad += seen[k] != 1;
	OK_(r == 0 && n == 502, nm("dir500: readdir returns 502 entries, then 0"));
	CHECK_EQ(bad, 0, nm("dir500: f000..f499 each exactly once"));
	OK_(dot == 1 && dotdot == 1, nm("dir500: . and .. with their inodes"));
	OK_(types_ok, nm("dir500: file types (unknown on revision 0)"));
	CHECK_EQ(ext2_readdir(fs, dino, &pos, &de), 0,
	    nm("dir500: readdir at the end stays at the end"));
	pos = 0;
	CHECK_EQ(ext2_readdir(fs, namei_or_0(fs, "/dir500/f123"), &pos, &de),
	    ENOTDIR, nm("readdir of a file: ENOTDIR"));

	/* Resume from a saved position: the same entries again. */
	pos = 0;
	for (i = 0; i < 200; i++)
		ext2_readdir(fs, dino, &pos, &de);
	save = pos;
	for (i = 0; i < 60; i++) {
		ext2_readdir(fs, dino, &pos, &de);
		snprintf(names[0][i], 8, "%.7s", de.name);
	}
	pos = save;
	for (i = 0; i < 60; i++) {
		ext2_readdir(fs, dino, &pos, &de);
		snprintf(names[1][i], 8, "%.7s", de.name);
	}
	OK_(memcmp(names[0], names[1], sizeof(names[0])) == 0,
	    nm("dir500: readdir resumes from a saved position"));
	/* A position inside a record moves on to the next record. */
	fs->rd_ino = 0;
	pos = save + 1;
	OK_(ext2_readdir(fs, dino, &pos, &de) == 1 &&
	    strcmp(de.name, names[0][1]) == 0,
	    nm("dir500: a position inside a record skips to the next"));
}

static void test_sparse(struct ext2_fs *fs, const struct image *im)
{
	struct ext2_inode_info in;
	uint32_t ino = namei_or_0(fs, "/sparse"), phys = 1;
	size_t k, e;
	int ok = 1;

	OK_(ext2_read_inode(fs, ino, &in) == OK && in.size == sparse_size &&
	    in.blocks * 512ull < 128 * 1024,
	    nm("sparse: size 80 MiB + 777, few blocks allocated"));
	/* Windows of 3 blocks around each range edge. */
	for (k = 0; k < 4; k++) {
		for (e = 0; e < 2; e++) {
			uint64_t edge = sparse_ranges[k][e];
			uint64_t len = 3 * im->block_size + 7;
			uint64_t a = edge > 2 * im->block_size + 3 ?
			    edge - 2 * im->block_size - 3 : 0;
			uint64_t want = a + len > sparse_size ?
			    sparse_size - a : len;

			if (read_cmp(fs, ino, a, len, sparse_ranges, 4) !=
			    (ssize_t)want)
				ok = 0;
		}
	}
	OK_(ok, nm("sparse: data and holes exact around every range edge"));
	OK_(read_cmp(fs, ino, 40 * MiB, 100000, sparse_ranges, 4) == 100000,
	    nm("sparse: a hole far from data reads as zeros"));
	OK_(ext2_map_block(fs, &in, (40 * MiB) / im->block_size, &phys) == OK &&
	    phys == 0, nm("sparse: map_block of a hole gives 0"));
	OK_(ext2_map_block(fs, &in, (70 * MiB + 200) / im->block_size,
	    &phys) == OK && phys != 0,
	    nm("sparse: map_block of data at 70 MiB (triple at 1 KiB)"));
}

static void test_huge(struct ext2_fs *fs, const struct image *im)
{
	struct ext2_inode_info in;
	uint32_t ino = namei_or_0(fs, "/huge"), phys = 0;
	uint64_t p, max;

	OK_(ext2_read_inode(fs, ino, &in) == OK && in.size == huge_size,
	    nm("huge: 64-bit size 5 GiB + 10000"));
	OK_(read_cmp(fs, ino, 0, 4096, huge_ranges, 2) == 4096,
	    nm("huge: first block"));
	OK_(read_cmp(fs, ino, 5 * GiB - 5000, 30000, huge_ranges, 2) ==
	    15000, nm("huge: last blocks (triple indirect), short at EOF"));
	OK_(read_cmp(fs, ino, 3 * GiB + 17, 9000, huge_ranges, 2) == 9000,
	    nm("huge: hole at 3 GiB reads as zeros"));
	p = im->block_size / 4;
	max = 12 + p + p * p + p * p * p;
	OK_(ext2_map_block(fs, &in, (huge_size - 1) / im->block_size,
	    &phys) == OK && phys != 0 &&
	    ext2_map_block(fs, &in, max - 1, &phys) == OK && phys == 0 &&
	    ext2_map_block(fs, &in, max, &phys) == EFBIG,
	    nm("huge: map_block of the last block; EFBIG past triple"));
}

static void test_zero_copy(struct ext2_fs *fs, const struct image *im)
{
	struct ext2_inode_info in;
	uint32_t ino = namei_or_0(fs, "/mega"), phys;
	uint64_t fb, off;
	const void *p;
	size_t n;
	int ok = 1, chunks = 0;

	ext2_read_inode(fs, ino, &in);
	for (fb = 0; fb < MiB / im->block_size && ok; fb++) {
		ok = ext2_map_block(fs, &in, fb, &phys) == OK && phys != 0 &&
		    ext2_get_block(fs, phys, &p) == OK &&
		    match(p, fb * im->block_size, im->block_size, NULL, 0);
	}
	OK_(ok, nm("mega: map_block + get_block give every block exactly"));

	ok = 1;
	for (off = 3; off < MiB && ok; off += n, chunks++) {
		ok = ext2_read_chunk(fs, &in, off, MiB, &p, &n) == OK &&
		    n > 0 && n <= im->block_size && match(p, off, n, NULL, 0);
	}
	OK_(ok && off == MiB && chunks == (int)(MiB / im->block_size),
	    nm("mega: read_chunk walks the file one block at a time"));
	OK_(ext2_read_chunk(fs, &in, MiB, 10, &p, &n) == OK && n == 0,
	    nm("mega: read_chunk at EOF gives 0 bytes"));

	ino = namei_or_0(fs, "/sparse");
	ext2_read_inode(fs, ino, &in);
	OK_(ext2_read_chunk(fs, &in, 40 * MiB + 1, 100000, &p, &n) == OK &&
	    p == ext2_zero_block(fs) && n == im->block_size - 1,
	    nm("sparse: read_chunk of a hole points at the zero block"));
}

static void test_paths(struct ext2_fs *fs, const struct image *im)
{
	struct ext2_inode_info in, a;
	char buf[300], longname[300];
	uint32_t ino = 0, deep, aino, dino;

	aino = namei_or_0(fs, "/a");
	deep = namei_or_0(fs, "/a/b/c/d/deep.txt");
	OK_(deep != 0 && read_str(fs, "/a/b/c/d/deep.txt", buf, sizeof(buf)) ==
	    OK && strcmp(buf, "deep file\n") == 0,
	    nm("namei /a/b/c/d/deep.txt and its content"));
	CHECK_EQ(namei_or_0(fs, "/a/./b/../b/c//d/./deep.txt"), deep,
	    nm("namei with ., .. and //"));
	CHECK_EQ(namei_or_0(fs, "//a///b/c/d/deep.txt"), deep,
	    nm("namei with leading and repeated slashes"));
	CHECK_EQ(namei_or_0(fs, "/"), EXT2_ROOT_INO, nm("namei / is the root"));
	CHECK_EQ(namei_or_0(fs, "/../.."), EXT2_ROOT_INO,
	    nm("namei /../.. stays at the root"));
	CHECK_EQ(namei_or_0(fs, "/a/b/c/d/../../../.."), EXT2_ROOT_INO,
	    nm("namei back up to the root with .."));
	CHECK_EQ(namei_or_0(fs, "/a/"), aino, nm("namei /a/ (trailing slash)"));
	OK_(ext2_namei_at(fs, aino, "b/sib.txt", &ino) == OK &&
	    read_str(fs, "/a/b/sib.txt", buf, sizeof(buf)) == OK &&
	    strcmp(buf, "sibling\n") == 0 &&
	    ino == namei_or_0(fs, "/a/b/sib.txt"),
	    nm("namei_at relative to /a"));
	CHECK_EQ(ext2_namei(fs, "/a/nothing", &ino), ENOENT,
	    nm("namei missing name: ENOENT"));
	CHECK_EQ(ext2_namei(fs, "/nothing/x", &ino), ENOENT,
	    nm("namei missing directory: ENOENT"));
	CHECK_EQ(ext2_namei(fs, "", &ino), ENOENT, nm("namei empty: ENOENT"));
	CHECK_EQ(ext2_namei(fs, "/one/x", &ino), ENOTDIR,
	    nm("namei through a file: ENOTDIR"));
	CHECK_EQ(ext2_namei(fs, "/one/", &ino), ENOTDIR,
	    nm("namei file with trailing slash: ENOTDIR"));
	CHECK_EQ(ext2_namei(fs, "/link/", &ino), ENOTDIR,
	    nm("namei symlink with trailing slash: ENOTDIR (not followed)"));
	memset(longname, 'x', 256);
	longname[0] = '/';
	longname[257] = '\0';
	longname[256] = 'x';
	CHECK_EQ(ext2_namei(fs, longname, &ino), ENAMETOOLONG,
	    nm("namei 256-byte component: ENAMETOOLONG"));
	longname[256] = '\0';
	CHECK_EQ(ext2_namei(fs, longname, &ino), ENOENT,
	    nm("namei 255-byte component: ENOENT"));
	CHECK_EQ(ext2_lookup(fs, EXT2_ROOT_INO, longname + 1, 256, &ino),
	    ENAMETOOLONG, nm("lookup 256 bytes: ENAMETOOLONG"));
	CHECK_EQ(ext2_lookup(fs, deep, "x", 1, &ino), ENOTDIR,
	    nm("lookup in a file: ENOTDIR"));
	CHECK_EQ(ext2_lookup(fs, aino, "", 0, &ino), ENOENT,
	    nm("lookup empty name: ENOENT"));
	dino = namei_or_0(fs, "/dir500");
	OK_(ext2_lookup(fs, dino, "f499", 4, &ino) == OK && ino != 0 &&
	    ext2_lookup(fs, dino, "f4990", 5, &ino) == ENOENT &&
	    ext2_lookup(fs, dino, "f49", 3, &ino) == ENOENT,
	    nm("lookup f499 in dir500; no prefix matches"));

	/* Link counts and modes. */
	OK_(ext2_read_inode(fs, EXT2_ROOT_INO, &in) == OK &&
	    EXT2_S_ISDIR(in.mode) && in.links == 5,
	    nm("root: a directory with 5 links"));
	OK_(ext2_read_inode(fs, aino, &a) == OK &&
	    a.mode == (EXT2_S_IFDIR | 0755) && a.links == 4 &&
	    a.mtime == MTIME, nm("/a: mode 040755, 4 links, mtime"));
	OK_(ext2_read_inode(fs, namei_or_0(fs, "/a/empty_dir"), &in) == OK &&
	    in.links == 2 && in.size == im->block_size,
	    nm("/a/empty_dir: 2 links, one block"));
	OK_(namei_or_0(fs, "/hard") == namei_or_0(fs, "/four_k") &&
	    ext2_read_inode(fs, namei_or_0(fs, "/hard"), &in) == OK &&
	    in.links == 2, nm("hard link: same inode, 2 links"));
	OK_(ext2_read_inode(fs, namei_or_0(fs, "/exec.sh"), &in) == OK &&
	    in.mode == (EXT2_S_IFREG | 0755) &&
	    read_str(fs, "/exec.sh", buf, sizeof(buf)) == OK &&
	    strcmp(buf, "#!/bin/sh\necho hi\n") == 0,
	    nm("exec.sh: mode 0100755 and content"));
	OK_(ext2_read_inode(fs, namei_or_0(fs, "/private"), &in) == OK &&
	    in.mode == (EXT2_S_IFREG | 0600) &&
	    read_str(fs, "/private", buf, sizeof(buf)) == OK &&
	    strcmp(buf, "secret\n") == 0,
	    nm("private: mode 0100600 and content"));

	/* Symlinks are files to namei; reading gives the target. */
	OK_(ext2_read_inode(fs, namei_or_0(fs, "/link"), &in) == OK &&
	    in.mode == (EXT2_S_IFLNK | 0777) && ext2_is_fast_symlink(fs, &in) &&
	    read_str(fs, "/link", buf, sizeof(buf)) == OK &&
	    strcmp(buf, "a/b/c/d/deep.txt") == 0,
	    nm("fast symlink: mode 0120777, target read from i_block"));
	OK_(ext2_read_inode(fs, namei_or_0(fs, "/longlink"), &in) == OK &&
	    EXT2_S_ISLNK(in.mode) && !ext2_is_fast_symlink(fs, &in) &&
	    in.size == 131 && read_str(fs, "/longlink", buf, sizeof(buf)) ==
	    OK && strlen(buf) == 131 && memcmp(buf, "a/./././", 8) == 0 &&
	    strcmp(buf + 122, "b/sib.txt") == 0,
	    nm("slow symlink: 131-byte target read from its block"));
	CHECK_EQ(ext2_map_block(fs, &(struct ext2_inode_info){ 0 }, 0, &ino),
	    OK, nm("map_block of an empty inode: a hole"));
}

static void test_debugfs(struct ext2_fs *fs, const char *img,
	const char *path)
{
	struct ext2_inode_info in;
	struct dbg d;
	char what[128];

	snprintf(what, sizeof(what), "%s: inode, links, blocks, size, ctime "
	    "as debugfs says", path);
	OK_(debugfs_stat(img, path, &d) &&
	    d.ino == namei_or_0(fs, path) &&
	    ext2_read_inode(fs, (uint32_t)d.ino, &in) == OK &&
	    in.links == d.links && in.blocks == d.blockcount &&
	    in.size == d.size && in.ctime == d.ctime, nm(what));
}

static void test_image(const struct image *im)
{
	static uint8_t cache[CACHE_BYTES];
	struct ext2_fs fs;
	struct ext2_inode_info in;
	struct filedev dev;
	struct ext2_dev d = { .ctx = &dev, .read_block = file_read_block };
	char img[600];
	const void *p;
	uint64_t hits, misses;
	uint32_t ino;

	snprintf(label, sizeof(label), "%s", im->name);
	img_path(img, sizeof(img), im->name);
	dev.fd = open(img, O_RDONLY);
	dev.reads = 0;
	OK_(dev.fd >= 0 && ext2_mount(&fs, &d, cache, sizeof(cache)) == OK,
	    nm("mount"));
	if (dev.fd < 0)
		return;
	OK_(fs.block_size == im->block_size && fs.inode_size == im->inode_size &&
	    fs.sb.s_rev_level == (im->rev0 ? 0u : 1u) && fs.groups >= 2 &&
	    fs.nbuf >= 64, nm("geometry: block and inode size, revision, "
	    "groups, cache buffers"));

	test_pattern_file(&fs, im->stage, "/empty", 0, 1);
	test_pattern_file(&fs, im->stage, "/one", 1, 1);
	test_pattern_file(&fs, im->stage, "/four_k", 4096, 2);
	test_pattern_file(&fs, im->stage, "/odd", 300001, 1);
	test_pattern_file(&fs, im->stage, "/mega", MiB, 1);

	/* Reads across block boundaries and from direct to single indirect
	 * (and, with 1 KiB blocks, single to double) blocks.
	 */
	ino = namei_or_0(&fs, "/mega");
	OK_(read_cmp(&fs, ino, 12 * im->block_size - 3, 7, NULL, 0) == 7 &&
	    read_cmp(&fs, ino, 1023, 2, NULL, 0) == 2 &&
	    read_cmp(&fs, ino, 5 * im->block_size - 1, 2 * im->block_size + 2,
	    NULL, 0) == 2 * im->block_size + 2 &&
	    read_cmp(&fs, ino, MiB - 1, 5, NULL, 0) == 1,
	    nm("mega: reads at odd offsets across block boundaries"));
	if ((12 + im->block_size / 4) * im->block_size < MiB)
		OK_(read_cmp(&fs, ino, (12 + im->block_size / 4) *
		    im->block_size - 5, 11, NULL, 0) == 11,
		    nm("mega: a read across single and double indirect"));

	test_sparse(&fs, im);
	if (!im->rev0)
		test_huge(&fs, im);
	else
		CHECK_EQ(ext2_namei(&fs, "/huge", &ino), ENOENT,
		    nm("no /huge on revision 0"));
	test_zero_copy(&fs, im);
	test_readdir500(&fs, im);
	test_paths(&fs, im);
	test_debugfs(&fs, img, "/mega");
	test_debugfs(&fs, img, "/dir500");
	test_debugfs(&fs, img, "/sparse");

	/* Argument errors. */
	CHECK_EQ(ext2_read_inode(&fs, 0, &in), EINVAL, nm("inode 0: EINVAL"));
	CHECK_EQ(ext2_read_inode(&fs, fs.inodes_count + 1, &in), EINVAL,
	    nm("inode past the count: EINVAL"));
	CHECK_EQ(ext2_read_inode(&fs, fs.inodes_count, &in), ENOENT,
	    nm("a free inode: ENOENT"));
	CHECK_EQ(ext2_get_block(&fs, fs.blocks_count, &p), EINVAL,
	    nm("get_block past the end: EINVAL"));

	/* The cache: a second look at the same inode costs no I/O and no
	 * cache look-up (the inode read last is remembered in its buffer);
	 * another inode between them, two look-ups (descriptor, table). */
	ext2_read_inode(&fs, ino, &in);
	hits = fs.cache_hits;
	misses = fs.cache_misses;
	ext2_read_inode(&fs, ino, &in);
	OK_(fs.cache_misses == misses && fs.cache_hits == hits &&
	    fs.cache_misses == dev.reads - 1,
	    nm("cache: repeated inode read: remembered, no device read"));
	ext2_read_inode(&fs, EXT2_ROOT_INO, &in);
	hits = fs.cache_hits;
	ext2_read_inode(&fs, ino, &in);
	OK_(fs.cache_misses == misses && fs.cache_hits == hits + 2 &&
	    in.ino == ino, nm("cache: another inode: two hits, no device read"));
	close(dev.fd);
}

/* ---- a tiny cache ---- */

static void test_small_cache(void)
{
	static uint8_t cache[EXT2_CACHE_BYTES(4, 1024)];
	struct ext2_fs fs;
	struct filedev dev;
	struct ext2_dev d = { .ctx = &dev, .read_block = file_read_block };
	char img[600];
	uint32_t ino;

	snprintf(label, sizeof(label), "1k, 4 buffers");
	img_path(img, sizeof(img), "1k");
	dev.fd = open(img, O_RDONLY);
	CHECK_EQ(ext2_mount(&fs, &d, cache, sizeof(cache) - 1), ENOMEM,
	    nm("mount with memory for 3 buffers: ENOMEM"));
	OK_(ext2_mount(&fs, &d, cache, sizeof(cache)) == OK && fs.nbuf == 4,
	    nm("mount with memory for exactly 4 buffers"));
	ino = namei_or_0(&fs, "/mega");
	OK_(read_cmp(&fs, ino, 0, MiB, NULL, 0) == (ssize_t)MiB &&
	    read_cmp(&fs, namei_or_0(&fs, "/huge"), 5 * GiB, 10000,
	    huge_ranges, 2) == 10000,
	    nm("mega and huge read exactly through 4 buffers"));
	OK_(namei_or_0(&fs, "/dir500/f377") != 0 &&
	    namei_or_0(&fs, "/a/b/c/d/deep.txt") != 0,
	    nm("lookups through 4 buffers"));
	close(dev.fd);
}

/* ---- corruption ---- */

struct corrupt {
	uint8_t *orig;		/* the pristine image */
	struct memdev dev;
	struct ext2_dev d;
	struct ext2_fs fs;
	uint8_t cache[CACHE_BYTES];
};

static struct corrupt *cx;

static void reset(void)
{
	memcpy(cx->dev.img, cx->orig, cx->dev.size);
	cx->dev.fail_block = -1;
}

static int remount(void)
{
	return ext2_mount(&cx->fs, &cx->d, cx->cache, sizeof(cx->cache));
}

/* Byte offset of inode ino's raw inode in the image (mounted fs). */
static uint64_t inode_off(uint32_t ino)
{
	struct ext2_group_desc gd;
	struct ext2_fs *fs = &cx->fs;

	read_group_desc(fs, (ino - 1) / fs->inodes_per_group, &gd);
	return (uint64_t)gd.bg_inode_table * fs->block_size +
	    (uint64_t)((ino - 1) % fs->inodes_per_group) * fs->inode_size;
}

static struct ext2_inode *raw_inode(uint32_t ino)
{
	return (struct ext2_inode *)(cx->dev.img + inode_off(ino));
}

/* Byte offset of a directory's or file's block fb. */
static uint64_t block_off(uint32_t ino, uint64_t fb)
{
	struct ext2_inode_info in;
	uint32_t phys = 0;

	ext2_read_inode(&cx->fs, ino, &in);
	ext2_map_block(&cx->fs, &in, fb, &phys);
	return (uint64_t)phys * cx->fs.block_size;
}

static int load_image(const char *name)
{
	char img[600];
	struct stat st;
	FILE *f;

	img_path(img, sizeof(img), name);
	if (stat(img, &st) != 0 || (f = fopen(img, "rb")) == NULL)
		return 0;
	cx->dev.size = (size_t)st.st_size;
	cx->orig = malloc(cx->dev.size);
	cx->dev.img = malloc(cx->dev.size);
	if (fread(cx->orig, 1, cx->dev.size, f) != cx->dev.size) {
		fclose(f);
		return 0;
	}
	fclose(f);
	cx->d.ctx = &cx->dev;
	cx->d.read_block = mem_read_block;
	reset();
	return 1;
}

static void unload_image(void)
{
	free(cx->orig);
	free(cx->dev.img);
}

static struct ext2_super *sbp(void)
{
	return (struct ext2_super *)(cx->dev.img + 1024);
}

static void test_corrupt_super(void)
{
	struct ext2_group_desc *gd;
	uint32_t gdt;

	reset();
	CHECK_EQ(remount(), OK, nm("pristine copy mounts"));
	sbp()->s_magic ^= 0x0100;
	CHECK_EQ(remount(), EINVAL, nm("flipped magic: EINVAL"));
	reset();
	sbp()->s_log_block_size = 3;
	CHECK_EQ(remount(), EINVAL, nm("8 KiB block size: EINVAL"));
	reset();
	sbp()->s_log_block_size = 0xffffffff;
	CHECK_EQ(remount(), EINVAL, nm("absurd block size: EINVAL"));
	reset();
	sbp()->s_feature_incompat |= 0x40;
	CHECK_EQ(remount(), EINVAL, nm("INCOMPAT extents: EINVAL"));
	reset();
	sbp()->s_rev_level = 2;
	CHECK_EQ(remount(), EINVAL, nm("revision 2: EINVAL"));
	reset();
	sbp()->s_inode_size = 192;
	CHECK_EQ(remount(), EINVAL, nm("inode size 192: EINVAL"));
	reset();
	sbp()->s_inodes_per_group = 0;
	CHECK_EQ(remount(), EINVAL, nm("0 inodes per group: EINVAL"));
	reset();
	sbp()->s_blocks_per_group = 0;
	CHECK_EQ(remount(), EINVAL, nm("0 blocks per group: EINVAL"));
	reset();
	sbp()->s_inodes_count = 0xffffffff;
	CHECK_EQ(remount(), EINVAL, nm("inode count beyond the groups: EINVAL"));
	reset();
	sbp()->s_first_data_block = 0;
	CHECK_EQ(remount(), EINVAL, nm("first data block 0 with 1 KiB: EINVAL"));

	/* Group descriptors: the last group's inode table off the disk. */
	reset();
	remount();
	gdt = cx->fs.gdt_block * cx->fs.block_size;
	gd = (struct ext2_group_desc *)(cx->dev.img + gdt) +
	    (cx->fs.groups - 1);
	gd->bg_inode_table = cx->fs.blocks_count - 2;
	CHECK_EQ(remount(), EINVAL, nm("inode table past the end: EINVAL"));
	reset();
	gd->bg_block_bitmap = 0;
	CHECK_EQ(remount(), EINVAL, nm("block bitmap at block 0: EINVAL"));

	/* The root must be a directory. */
	reset();
	remount();
	raw_inode(EXT2_ROOT_INO)->i_mode = EXT2_S_IFREG | 0644;
	CHECK_EQ(remount(), EINVAL, nm("root not a directory: EINVAL"));
	reset();
	remount();
	raw_inode(EXT2_ROOT_INO)->i_links_count = 0;
	CHECK_EQ(remount(), EINVAL, nm("root inode free: EINVAL"));

	/* Device errors are passed on. */
	reset();
	cx->dev.fail_block = 1;
	cx->dev.fail_code = ENXIO;
	CHECK_EQ(remount(), ENXIO, nm("superblock read error passed on"));
}

static void test_corrupt_dirs(void)
{
	struct ext2_dirent_info de;
	struct ext2_dirent_head *h;
	uint32_t dino, ino, bs;
	uint64_t pos, boff;
	int r, n;

	reset();
	remount();
	bs = cx->fs.block_size;
	dino = namei_or_0(&cx->fs, "/dir500");
	boff = block_off(dino, 0);
	/* The third record of dir500's first block (after . and ..). */
	h = (struct ext2_dirent_head *)(cx->dev.img + boff);
	h = (struct ext2_dirent_head *)((uint8_t *)h + h->rec_len);
	h = (struct ext2_dirent_head *)((uint8_t *)h + h->rec_len);

	h->rec_len = 0;
	remount();
	pos = 0;
	n = 0;
	while ((r = ext2_readdir(&cx->fs, dino, &pos, &de)) == 1 && n < 10000)
		n++;
	OK_(r == EIO && n == 2, nm("rec_len 0: readdir gives . and .. then EIO"));
	CHECK_EQ(ext2_lookup(&cx->fs, dino, "f499", 4, &ino), EIO,
	    nm("rec_len 0: lookup EIO"));
	CHECK_EQ(ext2_namei(&cx->fs, "/dir500/f499", &ino), EIO,
	    nm("rec_len 0: namei EIO"));

	reset();
	h->rec_len = 14;
	remount();
	pos = 0;
	while ((r = ext2_readdir(&cx->fs, dino, &pos, &de)) == 1)
		;
	CHECK_EQ(r, EIO, nm("rec_len not a multiple of 4: EIO"));
	reset();
	h->rec_len = (uint16_t)(bs + 4);
	remount();
	CHECK_EQ(ext2_lookup(&cx->fs, dino, "f499", 4, &ino), EIO,
	    nm("rec_len past the block: EIO"));
	reset();
	h->name_len = (uint8_t)(h->rec_len - 7);
	remount();
	CHECK_EQ(ext2_lookup(&cx->fs, dino, "f499", 4, &ino), EIO,
	    nm("name_len past rec_len: EIO"));
	reset();
	h->inode = cx->fs.inodes_count + 1;
	remount();
	pos = 0;
	while ((r = ext2_readdir(&cx->fs, dino, &pos, &de)) == 1)
		;
	CHECK_EQ(r, EIO, nm("entry inode past the count: EIO"));
	reset();
	h->inode = cx->fs.inodes_count;	/* a free inode */
	remount();
	memcpy(de.name, (uint8_t *)(h + 1), h->name_len);
	de.name[h->name_len] = '\0';
	{
		char path[300];

		snprintf(path, sizeof(path), "/dir500/%s", de.name);
		CHECK_EQ(ext2_namei(&cx->fs, path, &ino), EIO,
		    nm("entry naming a free inode: namei EIO"));
	}

	/* A hole in the directory, an odd size, a size beyond i_blocks. */
	reset();
	remount();
	raw_inode(dino)->i_block[1] = 0;
	remount();
	pos = 0;
	n = 0;
	while ((r = ext2_readdir(&cx->fs, dino, &pos, &de)) == 1)
		n++;
	OK_(r == EIO && n > 2, nm("hole in a directory: EIO at the hole"));
	reset();
	raw_inode(dino)->i_size += 100;
	remount();
	CHECK_EQ(ext2_lookup(&cx->fs, dino, "f000", 4, &ino), EIO,
	    nm("directory size not whole blocks: EIO"));
	reset();
	raw_inode(dino)->i_size = 0xfffffc00;
	remount();
	pos = 0;
	CHECK_EQ(ext2_readdir(&cx->fs, dino, &pos, &de), EIO,
	    nm("directory size beyond its blocks: EIO"));
	reset();
	raw_inode(dino)->i_mode = 0170755;
	remount();
	CHECK_EQ(ext2_namei(&cx->fs, "/dir500/f000", &ino), EIO,
	    nm("unknown file type in an inode: EIO"));
}

static void test_corrupt_blocks(void)
{
	struct ext2_inode_info in;
	struct ext2_inode *raw;
	uint32_t ino, ind, bs;
	static uint8_t buf[8192];
	uint64_t hits;

	reset();
	remount();
	bs = cx->fs.block_size;
	ino = namei_or_0(&cx->fs, "/mega");
	raw = raw_inode(ino);
	ind = raw->i_block[EXT2_IND_BLOCK];

	raw->i_block[0] = cx->fs.blocks_count + 5;
	remount();
	CHECK_EQ(ext2_read(&cx->fs, ino, 0, buf, 10), EIO,
	    nm("direct pointer past the end: EIO"));
	OK_(ext2_read(&cx->fs, ino, bs, buf, 10) == 10 && match(buf, bs, 10,
	    NULL, 0), nm("... the next block still reads"));
	CHECK_EQ(ext2_read(&cx->fs, ino, bs - 5, buf, 10), EIO,
	    nm("... a read that starts in the bad block: EIO"));
	OK_(ext2_read(&cx->fs, ino, 0, buf, 0) == 0,
	    nm("... a zero-length read: 0"));
	reset();
	raw->i_block[0] = 1;
	remount();
	CHECK_EQ(ext2_read(&cx->fs, ino, 0, buf, 10), EIO,
	    nm("pointer into the superblock: EIO"));
	reset();
	raw->i_block[EXT2_IND_BLOCK] = 0xffffffff;
	remount();
	CHECK_EQ(ext2_read(&cx->fs, ino, 12 * bs, buf, 10), EIO,
	    nm("indirect pointer past the end: EIO"));
	reset();
	((uint32_t *)(cx->dev.img + (uint64_t)ind * bs))[3] =
	    cx->fs.blocks_count;
	remount();
	OK_(ext2_read(&cx->fs, ino, 15 * bs, buf, 10) == EIO &&
	    ext2_read(&cx->fs, ino, 16 * bs, buf, 10) == 10,
	    nm("bad entry in an indirect block: EIO for that block only"));
	ext2_read_inode(&cx->fs, ino, &in);
	OK_(ext2_read_data(&cx->fs, &in, 14 * bs, buf, bs + 10) == (ssize_t)bs,
	    nm("a read running into a bad block stops short before it"));

	/* Device errors: passed on, and not cached. */
	reset();
	remount();
	cx->dev.fail_block = raw->i_block[2];
	cx->dev.fail_code = ENXIO;
	CHECK_EQ(ext2_read(&cx->fs, ino, 2 * bs, buf, 10), ENXIO,
	    nm("data block read error passed on"));
	cx->dev.fail_block = -1;
	OK_(ext2_read(&cx->fs, ino, 2 * bs, buf, 10) == 10 &&
	    match(buf, 2 * bs, 10, NULL, 0),
	    nm("after the error the block reads fine (nothing cached)"));
	cx->dev.fail_block = raw->i_block[2];
	hits = cx->fs.cache_hits;
	OK_(ext2_read(&cx->fs, ino, 2 * bs + 20, buf, 10) == 10 &&
	    cx->fs.cache_hits > hits, nm("... and is then served from the cache"));
	cx->dev.fail_block = -1;

	/* A fast symlink with an impossible size. */
	reset();
	remount();
	ino = namei_or_0(&cx->fs, "/link");
	raw_inode(ino)->i_size = 200;
	remount();
	CHECK_EQ(ext2_read(&cx->fs, ino, 0, buf, 10), EIO,
	    nm("fast symlink longer than i_block: EIO"));
	ext2_read_inode(&cx->fs, ino, &in);
	CHECK_EQ(ext2_map_block(&cx->fs, &in, 0, &ind), EINVAL,
	    nm("map_block of a fast symlink: EINVAL"));
}

/* Walk the whole tree, reading a little of every file; returns 0 if some
 * call returned a code outside what a corrupt image may give.
 */
static int walk(struct ext2_fs *fs, uint32_t dir, int depth, int *calls)
{
	static uint8_t buf[8192];
	struct ext2_dirent_info de;
	struct ext2_inode_info in;
	uint64_t pos = 0;
	uint32_t ino;
	ssize_t n;
	int r, k = 0;

	while ((r = ext2_readdir(fs, dir, &pos, &de)) == 1 && k++ < 1000 &&
	    (*calls)++ < 20000) {
		if (strcmp(de.name, ".") == 0 || strcmp(de.name, "..") == 0)
			continue;
		r = k % 32 == 1 ? ext2_lookup(fs, dir, de.name, de.name_len,
		    &ino) : OK;
		if (r != OK && r != EIO && r != ENOENT)
			return 0;
		r = ext2_read_inode(fs, de.ino, &in);
		if (r != OK && r != EIO && r != ENOENT)
			return 0;
		if (r != OK)
			continue;
		if (EXT2_S_ISDIR(in.mode)) {
			if (depth < 6 && !walk(fs, de.ino, depth + 1, calls))
				return 0;
			continue;
		}
		n = ext2_read_data(fs, &in, 0, buf, sizeof(buf));
		if (n < 0 && n != EIO && n != EFBIG)
			return 0;
		n = ext2_read_data(fs, &in, in.size > 100 ? in.size - 100 : 0,
		    buf, sizeof(buf));
		if (n < 0 && n != EIO && n != EFBIG)
			return 0;
	}
	return r == 0 || r == 1 || r == EIO || r == ENOTDIR || r == ENOENT;
}

/* Metadata regions of the pristine image, by kind, for the fuzz. */
enum { R_SUPER, R_GDT, R_INODE, R_DIR, R_IND, R_KINDS };
struct region {
	uint64_t off;
	uint32_t len;
};
static struct region regions[R_KINDS][2048];
static int nregions[R_KINDS];

static void add_region(int kind, uint64_t off, uint32_t len)
{
	if (nregions[kind] < 2048)
		regions[kind][nregions[kind]++] = (struct region){ off, len };
}

/* Indirect block b of `level` and the indirect blocks below it. */
static void add_ind(uint32_t b, int level)
{
	uint32_t bs = cx->fs.block_size, i, e;

	if (b == 0 || level == 0)
		return;
	add_region(R_IND, (uint64_t)b * bs, bs);
	for (i = 0; level > 1 && i < bs / 4; i++) {
		memcpy(&e, cx->dev.img + (uint64_t)b * bs + 4 * i, 4);
		add_ind(e, level - 1);
	}
}

static void collect_regions(void)
{
	static const char *dirs[] = { "/", "/a", "/a/b", "/a/b/c",
		"/a/b/c/d", "/a/empty_dir", "/dir500", "/lost+found" };
	static const char *files[] = { "/mega", "/odd", "/sparse", "/huge" };
	struct ext2_inode_info in;
	uint32_t ino, max = 0;
	uint64_t fb;
	size_t i;

	memset(nregions, 0, sizeof(nregions));
	add_region(R_SUPER, 1024, 1024);
	add_region(R_GDT, (uint64_t)cx->fs.gdt_block * cx->fs.block_size,
	    cx->fs.groups * 32);
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		ino = namei_or_0(&cx->fs, dirs[i]);
		ext2_read_inode(&cx->fs, ino, &in);
		for (fb = 0; fb < in.size / cx->fs.block_size; fb++)
			add_region(R_DIR, block_off(ino, fb),
			    cx->fs.block_size);
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		ino = namei_or_0(&cx->fs, files[i]);
		if (ext2_read_inode(&cx->fs, ino, &in) != OK)
			continue;
		add_ind(in.block[EXT2_IND_BLOCK], 1);
		add_ind(in.block[EXT2_DIND_BLOCK], 2);
		add_ind(in.block[EXT2_TIND_BLOCK], 3);
	}
	for (ino = 1; ino <= cx->fs.inodes_count; ino++)
		if (ext2_read_inode(&cx->fs, ino, &in) != ENOENT)
			max = ino;
	for (ino = 1; ino <= max; ino++)
		add_region(R_INODE, inode_off(ino), EXT2_GOOD_OLD_INODE_SIZE);
}

/* Rounds of a few random bit flips in metadata (kind chosen uniformly,
 * then a region and a bit), each undone afterwards; every mount that
 * succeeds gets its whole tree walked.
 */
static void test_fuzz(void)
{
	enum { ROUNDS = 1000, FLIPS = 3 };
	static uint64_t seed = 0x9e3779b97f4a7c15ull;
	uint64_t at[FLIPS];
	uint8_t was[FLIPS];
	int round, f, ok = 1, mounted = 0, calls = 0, c, r, kind, flips;
	uint32_t ino;
	struct region *rg;

	reset();
	remount();
	collect_regions();
	for (round = 0; round < ROUNDS && ok; round++) {
		flips = 1 + round % FLIPS;
		for (f = 0; f < flips; f++) {
			seed = seed * 6364136223846793005ull +
			    1442695040888963407ull;
			kind = (int)((seed >> 59) % R_KINDS);
			rg = &regions[kind][(seed >> 40) % nregions[kind]];
			at[f] = rg->off + (seed >> 12) % rg->len;
			was[f] = cx->dev.img[at[f]];
			cx->dev.img[at[f]] ^= (uint8_t)(1u << ((seed >> 8) & 7));
		}
		r = remount();
		if (r == OK) {
			mounted++;
			c = 0;
			ok &= walk(&cx->fs, EXT2_ROOT_INO, 0, &c);
			calls += c;
			r = ext2_namei(&cx->fs, "/a/b/c/d/deep.txt", &ino);
			ok &= r == OK || r == EIO || r == ENOENT ||
			    r == ENOTDIR;
		} else {
			ok &= r == EINVAL;
		}
		while (f-- > 0)
			cx->dev.img[at[f]] = was[f];
	}
	OK_(ok && mounted > ROUNDS / 2 && memcmp(cx->dev.img, cx->orig,
	    cx->dev.size) == 0, nm("fuzz: 1000 images with 1-3 flipped "
	    "metadata bits: only EINVAL/EIO/ENOENT/ENOTDIR, no crash"));
	printf("# fuzz: %d of %d mounted, %d directory entries walked; "
	    "regions: %d super, %d gdt, %d inodes, %d dir blocks, "
	    "%d indirect\n", mounted, ROUNDS, calls, nregions[R_SUPER],
	    nregions[R_GDT], nregions[R_INODE], nregions[R_DIR],
	    nregions[R_IND]);
}

static void test_corruption(void)
{
	cx = calloc(1, sizeof(*cx));
	snprintf(label, sizeof(label), "corrupt 1k");
	if (!load_image("1k")) {
		CHECK(0, nm("load image"));
		free(cx);
		return;
	}
	test_corrupt_super();
	test_corrupt_dirs();
	test_corrupt_blocks();
	test_fuzz();
	unload_image();

	snprintf(label, sizeof(label), "corrupt 4k");
	if (load_image("4k")) {
		uint32_t ino;

		reset();
		CHECK_EQ(remount(), OK, nm("pristine copy mounts"));
		sbp()->s_first_data_block = 1;
		CHECK_EQ(remount(), EINVAL,
		    nm("first data block 1 with 4 KiB: EINVAL"));
		reset();
		sbp()->s_inode_size = 8192;
		CHECK_EQ(remount(), EINVAL, nm("inode size > block: EINVAL"));
		reset();
		remount();
		ino = namei_or_0(&cx->fs, "/huge");
		raw_inode(ino)->i_block[EXT2_TIND_BLOCK] = 1;
		remount();
		{
			uint8_t buf[16];

			CHECK_EQ(ext2_read(&cx->fs, ino, 5 * GiB + 2000, buf, 16),
			    EIO, nm("triple indirect pointer to the group "
			    "descriptors: EIO"));
		}
		test_fuzz();
		unload_image();
	} else {
		CHECK(0, nm("load image"));
	}

	/* Revision 0: name_len is 16 bits, so a set "file_type" byte makes
	 * the name longer than any record.
	 */
	snprintf(label, sizeof(label), "corrupt r0");
	if (load_image("r0")) {
		struct ext2_dirent_head *h;
		struct ext2_dirent_info de;
		uint32_t dino, ino;
		uint64_t pos = 0;
		int r, n = 0;

		reset();
		remount();
		dino = namei_or_0(&cx->fs, "/dir500");
		h = (struct ext2_dirent_head *)(cx->dev.img + block_off(dino, 0));
		h = (struct ext2_dirent_head *)((uint8_t *)h + h->rec_len);
		h = (struct ext2_dirent_head *)((uint8_t *)h + h->rec_len);
		h->file_type = 1;
		remount();
		while ((r = ext2_readdir(&cx->fs, dino, &pos, &de)) == 1)
			n++;
		OK_(r == EIO && n == 2 && ext2_lookup(&cx->fs, dino, "f499", 4,
		    &ino) == EIO, nm("16-bit name_len of 260: EIO"));
		unload_image();
	} else {
		CHECK(0, nm("load image"));
	}
	free(cx);
}

int main(void)
{
	static const struct image images[] = {
		{ "1k", "stage-r1", 1024, 128, 0 },
		{ "2k", "stage-r1", 2048, 256, 0 },
		{ "4k", "stage-r1", 4096, 256, 0 },
		{ "r0", "stage-r0", 1024, 128, 1 },
	};
	char cmd[700];
	size_t i;

	if (!find_root()) {
		CHECK(0, "find tests/host/ext2-images.sh (set EXT2_ROOT)");
		return tap_done();
	}
	snprintf(cmd, sizeof(cmd), "sh '%s/tests/host/ext2-images.sh'",
	    root_dir);
	if (system(cmd) != 0) {
		CHECK(0, "tests/host/ext2-images.sh builds the images");
		return tap_done();
	}
	for (i = 0; i < sizeof(images) / sizeof(images[0]); i++)
		test_image(&images[i]);
	test_small_cache();
	test_corruption();
	return tap_done();
}
