/* dirent.h - directory streams (lib/libc/dirent.c) over getdents().
 *
 * The getdents() record format.  getdents(fd, buf, nbytes) fills buf with
 * whole records, one per directory entry, and returns the number of bytes
 * used: 0 at the end of the directory, -1 with errno set on an error
 * (EINVAL if nbytes cannot hold even the next record, ENOTDIR if fd is no
 * directory).  Each record is a struct dirent cut short after its name:
 *
 *	d_ino		inode number (0 records are skipped by readdir)
 *	d_off		opaque position of the NEXT record: lseek(fd, d_off,
 *			SEEK_SET) resumes reading after this one
 *	d_reclen	length of this record in bytes, including padding:
 *			DIRENT_RECLEN(strlen(d_name)), always a multiple of 8
 *	d_type		DT_* file type, or DT_UNKNOWN
 *	d_name		the name and its terminating NUL, then 0 to 7 bytes
 *			of padding to the record length
 *
 * The next record starts d_reclen bytes after this one, so records are
 * 8-aligned when buf is.  On i386 the fields are at offsets 0, 4, 12, 14
 * and 15 (struct dirent is 272 bytes, the longest record, with a 255-byte
 * name); lib/libc/dirent.c asserts this.  The file offset of fd after a
 * call is the d_off of the last record returned.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stddef.h>	/* offsetof */
#include <sys/types.h>

#ifndef NAME_MAX
#define NAME_MAX	255	/* bytes in a name, without the NUL */
#endif

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];	/* NAME_MAX + 1 */
};

/* The length of a getdents record holding a name of namelen bytes. */
#define DIRENT_RECLEN(namelen) \
	((offsetof(struct dirent, d_name) + (namelen) + 1 + 7) & ~(size_t)7)

/* d_type values (as Linux and NetBSD: the S_IFMT bits shifted down 12). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define IFTODT(mode)	(((mode) & 0170000) >> 12)
#define DTTOIF(type)	((type) << 12)

/* A directory stream; opaque. */
typedef struct __dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);		/* takes over fd; closedir closes it */
struct dirent *readdir(DIR *d);	/* NULL at the end (errno kept) or on error */
void rewinddir(DIR *d);
int closedir(DIR *d);
int dirfd(DIR *d);

/* The system call (stub in lib/libposix). */
int getdents(int fd, void *buf, size_t nbytes);

#endif /* _DIRENT_H */
