/* t_fs2.c - /bin/tests, files part 2: the writable root.  Create, write
 * and read back (0 B to 3 MiB, crossing into double-indirect blocks with
 * the root's 1 KiB blocks), O_APPEND, O_TRUNC, O_EXCL, truncate and
 * ftruncate, sparse files, rename (across directories, replacing a file
 * or an empty directory, a directory's ".."), mkdir and rmdir, hard links,
 * symbolic links (fast and slow, readlink, lstat, ELOOP past 8, dangling,
 * O_NOFOLLOW), a file unlinked while open, modes, owners and permissions
 * (EACCES, EPERM as a non-root user, sticky directories), times, umask,
 * fsync and sync, statvfs, a full disk (ENOSPC, and the space comes
 * back), and exact errnos.  Every
 * test works under /tmp/fs2 and removes what it made.  The runner and
 * its reason[] are in tests.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>

#include "tu.h"

#define D "/tmp/fs2"

static unsigned char pat(size_t i, unsigned seed)
{
	return (unsigned char)(i * 7 + seed + i / 1000);
}

/* Write n bytes of pattern seed to path (created or emptied), in pieces
 * of `piece` bytes.  0 or -1. */
static int put_file(const char *path, size_t n, unsigned seed, size_t piece)
{
	static unsigned char buf[65536];
	size_t done = 0, k, i;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	while (done < n) {
		k = n - done < piece ? n - done : piece;
		if (k > sizeof(buf))
			k = sizeof(buf);
		for (i = 0; i < k; i++)
			buf[i] = pat(done + i, seed);
		if (write(fd, buf, k) != (ssize_t)k) {
			close(fd);
			return -1;
		}
		done += k;
	}
	return close(fd);
}

/* Does path hold exactly n bytes of pattern seed?  1 or 0. */
static int check_file(const char *path, size_t n, unsigned seed)
{
	static unsigned char buf[8192];
	size_t done = 0, i;
	ssize_t k;
	int fd = open(path, O_RDONLY), ok = fd >= 0;

	while (ok && (k = read(fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < (size_t)k && ok; i++)
			ok = buf[i] == pat(done + i, seed);
		done += (size_t)k;
	}
	if (fd >= 0)
		close(fd);
	return ok && done == n;
}

static int start(void)
{
	mkdir(D, 0755);
	return 0;
}

static long long ino_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_ino : -1;
}

static long long nlink_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_nlink : -1;
}

static long long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

int test_fs2_write_read(void)
{
	static const size_t sizes[] = { 0, 1, 1023, 1024, 4096, 300001,
	    1048576, 3 * 1048576 };
	char path[64];
	unsigned i;

	start();
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(path, sizeof(path), D "/f%u", i);
		T_EQ(put_file(path, sizes[i], i, i & 1 ? 4096 : 1000), 0);
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		snprintf(path, sizeof(path), D "/f%u", i);
		if (!check_file(path, sizes[i], i))
			T_FAIL("%s: not the %zu bytes written", path, sizes[i]);
		T_EQ(size_of(path), sizes[i]);
		T_EQ(unlink(path), 0);
		T_ERR(open(path, O_RDONLY), ENOENT);
	}
	return 0;
}

int test_fs2_append_trunc(void)
{
	char buf[64];
	int a, b;

	start();
	T_TRUE((a = open(D "/ap", O_WRONLY | O_CREAT | O_APPEND, 0644)) >= 0);
	T_TRUE((b = open(D "/ap", O_WRONLY)) >= 0);
	T_EQ(write(b, "hello", 5), 5);
	T_EQ(write(a, "world", 5), 5);	/* at the end, after b's bytes */
	T_EQ(write(b, "J", 1), 1);	/* b's own position: 5 */
	T_EQ(lseek(b, 0, SEEK_END), 10);
	close(a);
	close(b);
	T_TRUE((a = open(D "/ap", O_RDONLY)) >= 0);
	T_EQ(read(a, buf, sizeof(buf)), 10);
	T_EQ(memcmp(buf, "helloJorld", 10), 0);
	close(a);
	/* O_TRUNC empties; truncate and ftruncate grow with zeros. */
	T_TRUE((a = open(D "/ap", O_RDWR | O_TRUNC)) >= 0);
	T_EQ(size_of(D "/ap"), 0);
	T_EQ(write(a, "abcdef", 6), 6);
	T_EQ(ftruncate(a, 3), 0);
	T_EQ(truncate(D "/ap", 5000), 0);
	T_EQ(size_of(D "/ap"), 5000);
	T_EQ(lseek(a, 0, SEEK_SET), 0);
	memset(buf, 'x', sizeof(buf));
	T_EQ(read(a, buf, 8), 8);
	T_EQ(memcmp(buf, "abc\0\0\0\0\0", 8), 0);
	T_EQ(lseek(a, 4990, SEEK_SET), 4990);
	T_EQ(read(a, buf, 64), 10);
	T_EQ(buf[9], 0);
	close(a);
	T_TRUE((a = open(D "/ap", O_RDONLY)) >= 0);
	T_ERR(ftruncate(a, 0), EINVAL);		/* not open for writing */
	close(a);
	T_ERR(truncate(D "/ap", -1), EINVAL);
	T_ERR(truncate(D, 0), EISDIR);
	T_ERR(truncate(D "/nothing", 0), ENOENT);
	T_EQ(unlink(D "/ap"), 0);
	return 0;
}

int test_fs2_create_errors(void)
{
	char name[300];
	int fd;

	start();
	T_TRUE((fd = open(D "/c", O_WRONLY | O_CREAT | O_EXCL, 0644)) >= 0);
	close(fd);
	T_ERR(open(D "/c", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	T_ERR(open(D, O_WRONLY | O_CREAT, 0644), EISDIR);
	T_ERR(open(D "/new/", O_WRONLY | O_CREAT, 0644), EISDIR);
	T_ERR(open(D "/c/x", O_WRONLY | O_CREAT, 0644), ENOTDIR);
	T_ERR(open(D "/no/x", O_WRONLY | O_CREAT, 0644), ENOENT);
	memset(name, 'n', sizeof(name));
	memcpy(name, D "/", 9);
	name[9 + 256] = '\0';
	T_ERR(open(name, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	name[9 + 255] = '\0';
	T_TRUE((fd = open(name, O_WRONLY | O_CREAT, 0644)) >= 0);	/* 255: fine */
	close(fd);
	T_EQ(unlink(name), 0);
	T_ERR(mkdir(D "/c", 0755), EEXIST);
	T_ERR(unlink(D), EISDIR);
	T_EQ(unlink(D "/c"), 0);
	return 0;
}

int test_fs2_mkdir_rmdir(void)
{
	long long n;
	int fd;

	start();
	n = nlink_of(D);
	T_EQ(mkdir(D "/d", 0755), 0);
	T_EQ(nlink_of(D), n + 1);
	T_EQ(nlink_of(D "/d"), 2);
	T_EQ(mkdir(D "/d/e", 0700), 0);
	T_ERR(rmdir(D "/d"), ENOTEMPTY);
	T_ERR(rmdir(D "/d/e/."), EINVAL);
	T_TRUE((fd = creat(D "/d/file", 0644)) >= 0);
	close(fd);
	T_ERR(rmdir(D "/d/file"), ENOTDIR);
	T_ERR(mkdir(D "/d/file/x", 0755), ENOTDIR);
	T_EQ(unlink(D "/d/file"), 0);
	T_EQ(rmdir(D "/d/e"), 0);
	T_EQ(rmdir(D "/d"), 0);
	T_EQ(nlink_of(D), n);
	T_ERR(rmdir(D "/d"), ENOENT);
	return 0;
}

int test_fs2_rename(void)
{
	long long i1, ib;

	start();
	mkdir(D "/a", 0755);
	mkdir(D "/b", 0755);
	T_EQ(put_file(D "/a/f", 5000, 1, 777), 0);
	i1 = ino_of(D "/a/f");
	T_EQ(rename(D "/a/f", D "/b/g"), 0);	/* across directories */
	T_ERR(open(D "/a/f", O_RDONLY), ENOENT);
	T_EQ(ino_of(D "/b/g"), i1);
	T_TRUE(check_file(D "/b/g", 5000, 1));
	/* Replacing a file: one step, the old one's content gone. */
	T_EQ(put_file(D "/a/h", 10, 2, 10), 0);
	i1 = ino_of(D "/a/h");
	T_EQ(rename(D "/a/h", D "/b/g"), 0);
	T_EQ(ino_of(D "/b/g"), i1);
	T_TRUE(check_file(D "/b/g", 10, 2));
	/* A directory moves, with its "..". */
	mkdir(D "/a/sub", 0755);
	mkdir(D "/a/sub/deep", 0755);
	T_EQ(rename(D "/a/sub", D "/b/sub2"), 0);
	ib = ino_of(D "/b");
	T_EQ(ino_of(D "/b/sub2/.."), ib);
	T_EQ(ino_of(D "/b/sub2/deep/../.."), ib);
	T_EQ(nlink_of(D "/a"), 2);
	T_EQ(nlink_of(D "/b"), 3);
	T_ERR(rename(D "/b", D "/b/sub2/deep/x"), EINVAL);
	/* Replacing an empty directory; the errors. */
	mkdir(D "/a/empty", 0755);
	T_EQ(rename(D "/b/sub2/deep", D "/a/empty"), 0);
	T_ERR(rename(D "/a", D "/b"), ENOTEMPTY);
	T_ERR(rename(D "/b/g", D "/a"), EISDIR);
	T_ERR(rename(D "/a", D "/b/g"), ENOTDIR);
	T_ERR(rename(D "/nothing", D "/x"), ENOENT);
	T_EQ(unlink(D "/b/g"), 0);
	T_EQ(rmdir(D "/a/empty"), 0);
	T_EQ(rmdir(D "/b/sub2"), 0);
	T_EQ(rmdir(D "/a"), 0);
	T_EQ(rmdir(D "/b"), 0);
	return 0;
}

int test_fs2_links(void)
{
	start();
	T_EQ(put_file(D "/l1", 100, 3, 100), 0);
	T_EQ(link(D "/l1", D "/l2"), 0);
	T_EQ(ino_of(D "/l2"), ino_of(D "/l1"));
	T_EQ(nlink_of(D "/l1"), 2);
	T_ERR(link(D "/l1", D "/l2"), EEXIST);
	T_ERR(link(D, D "/dirlink"), EPERM);
	T_ERR(link(D "/none", D "/l3"), ENOENT);
	T_EQ(unlink(D "/l1"), 0);
	T_EQ(nlink_of(D "/l2"), 1);
	T_TRUE(check_file(D "/l2", 100, 3));
	T_EQ(unlink(D "/l2"), 0);
	return 0;
}

int test_fs2_symlinks(void)
{
	char buf[300], target[200], p[64];
	struct stat st;
	int fd, i;

	start();
	T_EQ(put_file(D "/t", 2000, 4, 2000), 0);
	T_EQ(symlink("t", D "/fast"), 0);
	T_EQ(readlink(D "/fast", buf, sizeof(buf)), 1);
	T_EQ(buf[0], 't');
	T_TRUE(check_file(D "/fast", 2000, 4));	/* open follows */
	T_EQ(lstat(D "/fast", &st), 0);
	T_TRUE(S_ISLNK(st.st_mode));
	T_EQ(st.st_size, 1);
	T_EQ(stat(D "/fast", &st), 0);
	T_TRUE(S_ISREG(st.st_mode));
	T_EQ(st.st_size, 2000);
	/* A slow symlink (over 59 bytes: a data block), absolute. */
	strcpy(target, D);
	for (i = 0; i < 40; i++)
		strcat(target, "/.");
	strcat(target, "/t");
	T_EQ(symlink(target, D "/slow"), 0);
	T_EQ(readlink(D "/slow", buf, sizeof(buf)), (long long)strlen(target));
	T_EQ(memcmp(buf, target, strlen(target)), 0);
	T_EQ(readlink(D "/slow", buf, 5), 5);		/* truncated, no NUL */
	T_TRUE(check_file(D "/slow", 2000, 4));
	/* A symlink to a directory, in the middle of a path. */
	mkdir(D "/dir", 0755);
	T_EQ(put_file(D "/dir/in", 3, 5, 3), 0);
	T_EQ(symlink("dir", D "/dl"), 0);
	T_TRUE(check_file(D "/dl/in", 3, 5));
	T_EQ(ino_of(D "/dl/"), ino_of(D "/dir"));
	/* Dangling, loops, a chain of 8 links and one of 9. */
	T_EQ(symlink("nowhere", D "/dang"), 0);
	T_ERR(open(D "/dang", O_RDONLY), ENOENT);
	T_EQ(symlink("loop2", D "/loop1"), 0);
	T_EQ(symlink("loop1", D "/loop2"), 0);
	T_ERR(open(D "/loop1", O_RDONLY), ELOOP);
	T_ERR(stat(D "/loop1/x", &st), ELOOP);
	for (i = 1; i <= 9; i++) {
		snprintf(p, sizeof(p), D "/c%d", i);
		snprintf(buf, sizeof(buf), i == 1 ? "t" : "c%d", i - 1);
		T_EQ(symlink(buf, p), 0);
	}
	T_TRUE(check_file(D "/c8", 2000, 4));	/* 8 links: fine */
	T_ERR(open(D "/c9", O_RDONLY), ELOOP);	/* 9: too many */
	T_ERR(open(D "/fast", O_RDONLY | O_NOFOLLOW), ELOOP);
	T_ERR(readlink(D "/t", buf, sizeof(buf)), EINVAL);
	T_ERR(symlink("x", D "/t"), EEXIST);
	/* O_CREAT through a dangling link creates its target. */
	T_TRUE((fd = open(D "/dang", O_WRONLY | O_CREAT, 0644)) >= 0);
	close(fd);
	T_EQ(size_of(D "/nowhere"), 0);
	/* unlink and rename act on the link, not its target. */
	T_EQ(rename(D "/fast", D "/fast2"), 0);
	T_EQ(unlink(D "/fast2"), 0);
	T_EQ(size_of(D "/t"), 2000);
	for (i = 1; i <= 9; i++) {
		snprintf(p, sizeof(p), D "/c%d", i);
		T_EQ(unlink(p), 0);
	}
	unlink(D "/slow"), unlink(D "/dl"), unlink(D "/dang");
	unlink(D "/nowhere"), unlink(D "/loop1"), unlink(D "/loop2");
	unlink(D "/dir/in"), rmdir(D "/dir");
	T_EQ(unlink(D "/t"), 0);
	return 0;
}

int test_fs2_unlink_open(void)
{
	struct stat st;
	char buf[16];
	int fd;

	start();
	T_TRUE((fd = open(D "/u", O_RDWR | O_CREAT, 0644)) >= 0);
	T_EQ(write(fd, "still here", 10), 10);
	T_EQ(unlink(D "/u"), 0);
	T_ERR(stat(D "/u", &st), ENOENT);
	T_EQ(fstat(fd, &st), 0);
	T_EQ(st.st_nlink, 0);
	T_EQ(write(fd, "!", 1), 1);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(read(fd, buf, sizeof(buf)), 11);
	T_EQ(memcmp(buf, "still here!", 11), 0);
	T_EQ(close(fd), 0);
	/* A new file may get the freed inode: it starts empty. */
	T_TRUE((fd = open(D "/u", O_RDWR | O_CREAT, 0644)) >= 0);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	close(fd);
	T_EQ(unlink(D "/u"), 0);
	return 0;
}

/* As user 1000 (group 100): what a non-root user may not do. */
static int as_user(void)
{
	struct stat st;

	if (setuid(0) != 0 || setgid(100) != 0 || setuid(1000) != 0)
		return 10;
	if (getuid() != 1000 || getgid() != 100 || setuid(0) != -1 ||
	    errno != EPERM)
		return 11;
	if (open(D "/p/secret", O_RDONLY) != -1 || errno != EACCES)
		return 12;
	if (open(D "/p/ro", O_WRONLY) != -1 || errno != EACCES)
		return 13;
	if (open(D "/p/new", O_WRONLY | O_CREAT, 0644) != -1 || errno != EACCES)
		return 14;
	if (mkdir(D "/p/newdir", 0755) != -1 || errno != EACCES)
		return 15;
	if (unlink(D "/p/ro") != -1 || errno != EACCES)
		return 16;
	if (stat(D "/p/closed/x", &st) != -1 || errno != EACCES)
		return 17;
	if (chmod(D "/p/ro", 0777) != -1 || errno != EPERM)
		return 18;
	if (chown(D "/p/ro", 1000, 100) != -1 || errno != EPERM)
		return 19;
	if (chdir(D "/p/closed") != -1 || errno != EACCES)
		return 20;
	/* In a sticky directory: its own files only. */
	if (unlink(D "/p/sticky/roots") != -1 || errno != EPERM)
		return 23;
	if (rename(D "/p/sticky/roots", D "/p/sticky/x") != -1 || errno != EPERM)
		return 24;
	if (close(open(D "/p/sticky/users", O_WRONLY | O_CREAT, 0644)) != 0 ||
	    rename(D "/p/sticky/users", D "/p/sticky/u2") != 0 ||
	    unlink(D "/p/sticky/u2") != 0)
		return 25;
	/* What it owns, it may change. */
	if (chmod(D "/p/mine", 0600) != 0 || open(D "/p/mine", O_RDWR) < 0)
		return 21;
	if (open(D "/p/ro", O_RDONLY) < 0)
		return 22;
	return 0;
}

int test_fs2_perms(void)
{
	struct stat st;
	int fd, status;
	pid_t pid;

	start();
	T_EQ(mkdir(D "/p", 0755), 0);
	T_EQ(put_file(D "/p/secret", 5, 6, 5), 0);
	T_EQ(chmod(D "/p/secret", 0600), 0);
	T_EQ(put_file(D "/p/ro", 5, 6, 5), 0);
	T_EQ(mkdir(D "/p/closed", 0700), 0);
	T_EQ(put_file(D "/p/mine", 5, 6, 5), 0);
	T_EQ(chown(D "/p/mine", 1000, 100), 0);
	T_EQ(mkdir(D "/p/sticky", 0777), 0);
	T_EQ(chmod(D "/p/sticky", 01777), 0);
	T_EQ(put_file(D "/p/sticky/roots", 5, 6, 5), 0);
	T_EQ(chmod(D "/p/sticky/roots", 0666), 0);
	T_EQ(stat(D "/p/mine", &st), 0);
	T_EQ(st.st_uid, 1000);
	T_EQ(st.st_gid, 100);
	T_TRUE((fd = open(D "/p/ro", O_RDONLY)) >= 0);
	T_EQ(fchmod(fd, 0444), 0);
	close(fd);
	T_EQ(stat(D "/p/ro", &st), 0);
	T_EQ(st.st_mode, S_IFREG | 0444);
	/* umask takes bits off a new file's mode. */
	T_EQ(umask(027), 022);
	T_TRUE((fd = open(D "/p/masked", O_WRONLY | O_CREAT, 0777)) >= 0);
	close(fd);
	T_EQ(umask(022), 027);
	T_EQ(stat(D "/p/masked", &st), 0);
	T_EQ(st.st_mode, S_IFREG | 0750);
	if ((pid = fork()) == 0)
		_exit(as_user());
	T_EQ(waitpid(pid, &status, 0), pid);
	T_EQ(status, 0);
	T_EQ(getuid(), 0);	/* the parent is still root */
	unlink(D "/p/secret"), unlink(D "/p/ro"), unlink(D "/p/mine");
	unlink(D "/p/masked"), rmdir(D "/p/closed");
	T_EQ(unlink(D "/p/sticky/roots"), 0);
	T_EQ(rmdir(D "/p/sticky"), 0);
	T_EQ(rmdir(D "/p"), 0);
	return 0;
}

int test_fs2_times(void)
{
	struct utimbuf ut = { 1000000, 2000000 };
	struct stat st;
	time_t now = time(NULL);
	char c;
	int fd;

	start();
	T_EQ(put_file(D "/tm", 10, 7, 10), 0);
	T_EQ(stat(D "/tm", &st), 0);
	T_TRUE(st.st_mtime >= now - 2 && st.st_mtime <= now + 2);
	T_TRUE(st.st_ctime >= now - 2 && st.st_ctime <= now + 2);
	T_EQ(utime(D "/tm", &ut), 0);
	T_EQ(stat(D "/tm", &st), 0);
	T_EQ(st.st_atime, 1000000);
	T_EQ(st.st_mtime, 2000000);
	/* A read of a file whose atime is older than its mtime sets it. */
	T_TRUE((fd = open(D "/tm", O_RDONLY)) >= 0);
	T_EQ(read(fd, &c, 1), 1);
	close(fd);
	T_EQ(stat(D "/tm", &st), 0);
	T_TRUE(st.st_atime >= now - 2 && st.st_atime <= now + 2);
	T_EQ(st.st_mtime, 2000000);
	T_TRUE((fd = open(D "/tm", O_WRONLY)) >= 0);
	T_EQ(write(fd, "x", 1), 1);
	close(fd);
	T_EQ(stat(D "/tm", &st), 0);
	T_TRUE(st.st_mtime >= now - 2 && st.st_mtime <= now + 2);
	T_EQ(utime(D "/tm", NULL), 0);
	T_EQ(stat(D "/tm", &st), 0);
	T_TRUE(st.st_atime >= now - 2 && st.st_atime <= now + 2);
	T_ERR(utime(D "/none", NULL), ENOENT);
	T_EQ(unlink(D "/tm"), 0);
	return 0;
}

int test_fs2_sparse(void)
{
	static unsigned char buf[4096];
	struct stat st;
	size_t i;
	int fd;

	start();
	T_TRUE((fd = open(D "/sp", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
	T_EQ(lseek(fd, 10 * 1048576, SEEK_SET), 10 * 1048576);
	T_EQ(write(fd, "end", 3), 3);
	T_EQ(fstat(fd, &st), 0);
	T_EQ(st.st_size, 10 * 1048576 + 3);
	/* The block, its indirect and double indirect block. */
	T_EQ(st.st_blocks, 3 * (st.st_blksize / 512));
	T_EQ(lseek(fd, 5 * 1048576 - 100, SEEK_SET), 5 * 1048576 - 100);
	memset(buf, 0xff, sizeof(buf));
	T_EQ(read(fd, buf, sizeof(buf)), sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		if (buf[i] != 0)
			T_FAIL("byte %zu of the hole is %d", i, buf[i]);
	T_EQ(fsync(fd), 0);
	close(fd);
	T_EQ(unlink(D "/sp"), 0);
	sync();
	return 0;
}

/* Fill the disk: ENOSPC, nothing half-made, and the space comes back. */
int test_fs2_enospc(void)
{
	static unsigned char buf[65536];
	long long total = 0, again = 0;
	ssize_t n;
	int fd;

	start();
	memset(buf, 0xa5, sizeof(buf));
	T_TRUE((fd = open(D "/full", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	while ((n = write(fd, buf, sizeof(buf))) > 0)
		total += n;
	T_EQ(n, -1);
	T_EQ(errno, ENOSPC);
	T_ERR(write(fd, buf, 1), ENOSPC);
	close(fd);
	T_EQ(size_of(D "/full"), total);
	/* The last write may have needed an indirect block too: a small
	 * file takes what is left. */
	T_TRUE((fd = open(D "/full2", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	while (write(fd, buf, 1024) > 0)
		;
	close(fd);
	T_ERR(mkdir(D "/nodir", 0755), ENOSPC);
	T_ERR(stat(D "/nodir", &(struct stat){ 0 }), ENOENT);
	T_EQ(unlink(D "/full"), 0);
	T_EQ(unlink(D "/full2"), 0);
	/* The same amount fits again. */
	T_TRUE((fd = open(D "/full", O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	while (again < total && (n = write(fd, buf, sizeof(buf))) > 0)
		again += n;
	close(fd);
	T_TRUE(again >= total);
	T_EQ(unlink(D "/full"), 0);
	T_EQ(rmdir(D), 0);	/* the last test: nothing left behind */
	sync();
	return 0;
}

/* statvfs: the root's sizes; the blocks a file takes come back when it
 * goes. */
int test_fs2_statvfs(void)
{
	struct statvfs a, b, c;

	start();
	T_EQ(statvfs("/", &a), 0);
	T_TRUE(a.f_bsize == 1024 || a.f_bsize == 4096);
	T_EQ(a.f_frsize, a.f_bsize);
	T_TRUE(a.f_blocks > 0 && a.f_bfree < a.f_blocks && a.f_bavail <= a.f_bfree);
	T_TRUE(a.f_files > 0 && a.f_ffree < a.f_files);
	T_EQ(a.f_namemax, 255);
	T_EQ(a.f_flag, 0);
	T_EQ(put_file(D "/sv", 100 * 1024, 8, 4096), 0);
	T_EQ(statvfs(D "/sv", &b), 0);
	T_TRUE(b.f_bfree + 100 * 1024 / a.f_bsize <= a.f_bfree);
	T_EQ(b.f_ffree, a.f_ffree - 1);
	T_EQ(unlink(D "/sv"), 0);
	T_EQ(statvfs(D, &c), 0);
	T_EQ(c.f_bfree, a.f_bfree);
	T_EQ(c.f_ffree, a.f_ffree);
	T_EQ(statvfs("/dev/null", &c), 0);	/* a node of the root */
	T_EQ(c.f_flag, 0);
	T_ERR(statvfs("/nothing", &c), ENOENT);
	return 0;
}
