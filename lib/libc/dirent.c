/* dirent.c - directory streams: opendir, fdopendir, readdir, rewinddir,
 * closedir, dirfd.
 *
 * A DIR holds the directory's fd and a buffer of getdents() records (the
 * format is described in <dirent.h>).  readdir() hands out pointers into
 * that buffer, valid until the next readdir(), rewinddir() or closedir()
 * on the same stream.  Records with d_ino 0 are skipped.  A malformed
 * record (length not a multiple of 8, shorter than its fixed part, past
 * the bytes returned, or with no NUL in its name) ends the stream with EIO
 * rather than reading beyond it.
 */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minix/errno.h>

extern int errno;

#define DIR_BUF_SIZE	4096	/* bytes of records asked for at a time */

/* Where the name starts in a record. */
#define NAME_OFF	offsetof(struct dirent, d_name)

#if defined(__i386__)
/* The getdents record layout and struct stat are ABI shared with VFS. */
_Static_assert(offsetof(struct dirent, d_off) == 4, "d_off");
_Static_assert(offsetof(struct dirent, d_reclen) == 12, "d_reclen");
_Static_assert(offsetof(struct dirent, d_type) == 14, "d_type");
_Static_assert(offsetof(struct dirent, d_name) == 15, "d_name");
_Static_assert(sizeof(struct dirent) == 272, "struct dirent");
_Static_assert(DIRENT_RECLEN(255) == sizeof(struct dirent), "reclen");
_Static_assert(offsetof(struct stat, st_size) == 28, "st_size");
_Static_assert(sizeof(struct stat) == 60, "struct stat");
#endif

struct __dir {
	int d_fd;
	size_t d_pos;		/* next record in d_buf */
	size_t d_len;		/* bytes of records in d_buf */
	union {
		unsigned char bytes[DIR_BUF_SIZE];
		struct dirent align;	/* records start aligned */
	} d_buf;
};

DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *d;

	if (fstat(fd, &st) < 0)
		return NULL;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	if ((d = malloc(sizeof(*d))) == NULL)
		return NULL;
	d->d_fd = fd;
	d->d_pos = 0;
	d->d_len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	DIR *d;
	int fd, e;

	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if ((d = fdopendir(fd)) == NULL) {
		e = errno;
		close(fd);
		errno = e;
	}
	return d;
}

/* Stop reading a stream whose records make no sense. */
static struct dirent *bad_records(DIR *d)
{
	d->d_pos = d->d_len;
	errno = EIO;
	return NULL;
}

struct dirent *readdir(DIR *d)
{
	struct dirent *de;
	size_t left, reclen;
	int n;

	for (;;) {
		if (d->d_pos >= d->d_len) {
			n = getdents(d->d_fd, d->d_buf.bytes,
			    sizeof(d->d_buf.bytes));
			if (n <= 0)
				return NULL;	/* end (errno kept) or error */
			d->d_pos = 0;
			d->d_len = (size_t)n;
			if (d->d_len > sizeof(d->d_buf.bytes))
				return bad_records(d);
		}
		de = (struct dirent *)(void *)(d->d_buf.bytes + d->d_pos);
		left = d->d_len - d->d_pos;
		if (left < NAME_OFF + 1)
			return bad_records(d);
		reclen = de->d_reclen;
		if (reclen < NAME_OFF + 1 || reclen % 8 != 0 || reclen > left ||
		    reclen > sizeof(struct dirent) ||
		    memchr(de->d_name, '\0', reclen - NAME_OFF) == NULL)
			return bad_records(d);
		d->d_pos += reclen;
		if (de->d_ino != 0)
			return de;
	}
}

void rewinddir(DIR *d)
{
	lseek(d->d_fd, 0, SEEK_SET);
	d->d_pos = 0;
	d->d_len = 0;
}

int closedir(DIR *d)
{
	int r = close(d->d_fd);

	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->d_fd;
}
