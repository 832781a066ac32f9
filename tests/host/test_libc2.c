/* test_libc2.c - host unit tests for the libc beyond its core: stdio
 * streams, directory streams, calendar time, getopt, the string2.c
 * functions, signal sets and names, the wait status macros, exit() and
 * atexit().
 *
 * As in test_libc.c, the libc sources are #included with every name they
 * define renamed to lc_* by macro, after the host headers they include,
 * so nothing of ours interposes on the host's libc, which serves as the
 * reference (gmtime_r, timegm, strftime, asctime_r, strcasecmp, the W*
 * macros, the O_* values).  The system calls underneath (open, read,
 * write, lseek, close, isatty, fstat, getdents, _exit) are a fake
 * in-memory file system defined here, with knobs for short transfers,
 * failures, terminals and unseekable files.  Our <stdio.h>, <dirent.h>,
 * <signal.h> and <sys/wait.h> are included by path: their types and
 * values are the ones under test.
 */

/* libc is built without _SYSTEM: the E* values it stores are positive. */
#undef _SYSTEM

#include <ctype.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <minix/errno.h>

#include "tap.h"

/* CHECK() evaluates its condition twice; this evaluates it once. */
#define OK(c, name)                                                      \
	do {                                                             \
		int ok_ = !!(c);                                         \
		CHECK(ok_, name);                                        \
	} while (0)

/* ---- The host's functions and values, taken before the renaming. ---- */

__attribute__((__format__(__printf__, 3, 4)))
static int host_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

__attribute__((__format__(__printf__, 1, 2)))
static void diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("# ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
}

static int host_streq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static void *(*const host_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*const host_memset)(void *, int, size_t) = memset;
static int (*const host_memcmp)(const void *, const void *, size_t) = memcmp;
static size_t (*const host_strlen)(const char *) = strlen;
static int (*const host_strncmp)(const char *, const char *, size_t) =
    strncmp;
static int (*const host_strcasecmp)(const char *, const char *) = strcasecmp;
static int (*const host_strncasecmp)(const char *, const char *, size_t) =
    strncasecmp;
static struct tm *(*const host_gmtime_r)(const time_t *, struct tm *) =
    gmtime_r;
static time_t (*const host_timegm)(struct tm *) = timegm;
static char *(*const host_asctime_r)(const struct tm *, char *) = asctime_r;
static char *(*const host_asctime)(const struct tm *) = asctime;

static size_t host_strftime(char *s, size_t n, const char *fmt,
	const struct tm *tm)
{
	return strftime(s, n, fmt, tm);
}

/* The W* macros of the host's <stdlib.h>: Linux encodes as we do. */
static int host_wifexited(int s) { return !!WIFEXITED(s); }
static int host_wexitstatus(int s) { return WEXITSTATUS(s); }
static int host_wifsignaled(int s) { return !!WIFSIGNALED(s); }
static int host_wtermsig(int s) { return WTERMSIG(s); }
static int host_wifstopped(int s) { return !!WIFSTOPPED(s); }
static int host_wstopsig(int s) { return WSTOPSIG(s); }
static int host_wifcontinued(int s) { return !!WIFCONTINUED(s); }

/* The host's (Linux's) <fcntl.h> values, to hold ours against. */
static const int host_fcntl_values[] = {
	O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE, O_CREAT, O_EXCL, O_NOCTTY,
	O_TRUNC, O_APPEND, O_NONBLOCK, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC,
	F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC,
	FD_CLOEXEC
};
static const int host_wait_values[] = { WNOHANG, WUNTRACED, WCONTINUED };

/* ---- From here on the names are ours. ---- */

#undef errno
#define errno lc_errno

/* ctype.c, string.c */
#undef isalnum
#define isalnum lc_isalnum
#undef isalpha
#define isalpha lc_isalpha
#undef iscntrl
#define iscntrl lc_iscntrl
#undef isdigit
#define isdigit lc_isdigit
#undef islower
#define islower lc_islower
#undef isprint
#define isprint lc_isprint
#undef ispunct
#define ispunct lc_ispunct
#undef isspace
#define isspace lc_isspace
#undef isupper
#define isupper lc_isupper
#undef isxdigit
#define isxdigit lc_isxdigit
#undef tolower
#define tolower lc_tolower
#undef toupper
#define toupper lc_toupper
#undef memcpy
#define memcpy lc_memcpy
#undef memmove
#define memmove lc_memmove
#undef memset
#define memset lc_memset
#undef memcmp
#define memcmp lc_memcmp
#undef memchr
#define memchr lc_memchr
#undef strlen
#define strlen lc_strlen
#undef strnlen
#define strnlen lc_strnlen
#undef strcpy
#define strcpy lc_strcpy
#undef strncpy
#define strncpy lc_strncpy
#undef strcat
#define strcat lc_strcat
#undef strncat
#define strncat lc_strncat
#undef strcmp
#define strcmp lc_strcmp
#undef strncmp
#define strncmp lc_strncmp
#undef strchr
#define strchr lc_strchr
#undef strrchr
#define strrchr lc_strrchr
#undef strstr
#define strstr lc_strstr
#undef strspn
#define strspn lc_strspn
#undef strcspn
#define strcspn lc_strcspn
#undef strtok_r
#define strtok_r lc_strtok_r
#undef strerror
#define strerror lc_strerror

/* string2.c */
#undef strdup
#define strdup lc_strdup
#undef strndup
#define strndup lc_strndup
#undef strcasecmp
#define strcasecmp lc_strcasecmp
#undef strncasecmp
#define strncasecmp lc_strncasecmp
#undef strsep
#define strsep lc_strsep
#undef strtok
#define strtok lc_strtok
#undef strpbrk
#define strpbrk lc_strpbrk
#undef stpcpy
#define stpcpy lc_stpcpy
#undef strlcpy
#define strlcpy lc_strlcpy
#undef strlcat
#define strlcat lc_strlcat
#undef strsignal
#define strsignal lc_strsignal

/* stdio.c, printf.c */
#undef FILE
#define FILE lc_FILE
#undef stdin
#define stdin lc_stdin
#undef stdout
#define stdout lc_stdout
#undef stderr
#define stderr lc_stderr
#undef snprintf
#define snprintf lc_snprintf
#undef vsnprintf
#define vsnprintf lc_vsnprintf
#undef printf
#define printf lc_printf
#undef vprintf
#define vprintf lc_vprintf
#undef fprintf
#define fprintf lc_fprintf
#undef vfprintf
#define vfprintf lc_vfprintf
#undef dprintf
#define dprintf lc_dprintf
#undef vdprintf
#define vdprintf lc_vdprintf
#undef fopen
#define fopen lc_fopen
#undef fdopen
#define fdopen lc_fdopen
#undef fclose
#define fclose lc_fclose
#undef fflush
#define fflush lc_fflush
#undef setvbuf
#define setvbuf lc_setvbuf
#undef setbuf
#define setbuf lc_setbuf
#undef fread
#define fread lc_fread
#undef fwrite
#define fwrite lc_fwrite
#undef fgetc
#define fgetc lc_fgetc
#undef getc
#define getc lc_getc
#undef getchar
#define getchar lc_getchar
#undef ungetc
#define ungetc lc_ungetc
#undef fgets
#define fgets lc_fgets
#define getenv lc_getenv
#undef getline
#define getline lc_getline
#undef getdelim
#define getdelim lc_getdelim
#undef fputc
#define fputc lc_fputc
#undef putc
#define putc lc_putc
#undef putchar
#define putchar lc_putchar
#undef fputs
#define fputs lc_fputs
#undef puts
#define puts lc_puts
#undef fseek
#define fseek lc_fseek
#undef fseeko
#define fseeko lc_fseeko
#undef ftell
#define ftell lc_ftell
#undef ftello
#define ftello lc_ftello
#undef rewind
#define rewind lc_rewind
#undef feof
#define feof lc_feof
#undef ferror
#define ferror lc_ferror
#undef clearerr
#define clearerr lc_clearerr
#undef fileno
#define fileno lc_fileno
#undef perror
#define perror lc_perror
#undef __stdio_exit
#define __stdio_exit lc___stdio_exit

/* exit.c */
#undef atexit
#define atexit lc_atexit
#undef exit
#define exit lc_exit
#undef _Exit
#define _Exit lc__Exit

/* dirent.c */
#undef DIR
#define DIR lc_DIR
#undef opendir
#define opendir lc_opendir
#undef fdopendir
#define fdopendir lc_fdopendir
#undef readdir
#define readdir lc_readdir
#undef rewinddir
#define rewinddir lc_rewinddir
#undef closedir
#define closedir lc_closedir
#undef dirfd
#define dirfd lc_dirfd

/* time.c */
#undef gmtime
#define gmtime lc_gmtime
#undef gmtime_r
#define gmtime_r lc_gmtime_r
#undef localtime
#define localtime lc_localtime
#undef localtime_r
#define localtime_r lc_localtime_r
#undef timegm
#define timegm lc_timegm
#undef mktime
#define mktime lc_mktime
#undef strftime
#define strftime lc_strftime
#undef asctime
#define asctime lc_asctime
#undef asctime_r
#define asctime_r lc_asctime_r
#undef ctime
#define ctime lc_ctime
#undef ctime_r
#define ctime_r lc_ctime_r

/* getopt.c */
#undef getopt
#define getopt lc_getopt
#undef optarg
#define optarg lc_optarg
#undef optind
#define optind lc_optind
#undef opterr
#define opterr lc_opterr
#undef optopt
#define optopt lc_optopt

/* signal.c and the rest of <signal.h>, <sys/wait.h> */
#undef sigset_t
#define sigset_t lc_sigset_t
#undef sigemptyset
#define sigemptyset lc_sigemptyset
#undef sigfillset
#define sigfillset lc_sigfillset
#undef sigaddset
#define sigaddset lc_sigaddset
#undef sigdelset
#define sigdelset lc_sigdelset
#undef sigismember
#define sigismember lc_sigismember
#undef signal
#define signal lc_signal
#undef sigaction
#define sigaction lc_sigaction
#undef sigprocmask
#define sigprocmask lc_sigprocmask
#undef sig2str
#define sig2str lc_sig2str
#undef str2sig
#define str2sig lc_str2sig
#undef kill
#define kill lc_kill
#undef raise
#define raise lc_raise
#undef wait
#define wait lc_wait
#undef waitpid
#define waitpid lc_waitpid

/* The system calls: the fakes below. */
#undef read
#define read lc_read
#undef write
#define write lc_write
#undef open
#define open lc_open
#undef close
#define close lc_close
#undef lseek
#define lseek lc_lseek
#undef isatty
#define isatty lc_isatty
#undef fstat
#define fstat lc_fstat
#undef getdents
#define getdents lc_getdents
#undef _exit
#define _exit lc__exit

/* Our headers, where their contents differ from the host's. */
#undef _STDIO_H
#undef EOF
#undef BUFSIZ
#undef FOPEN_MAX
#undef FILENAME_MAX
#undef _IOFBF
#undef _IOLBF
#undef _IONBF
#include "../../include/stdio.h"
#include "../../include/signal.h"
#undef WEXITSTATUS
#undef WTERMSIG
#undef WSTOPSIG
#undef WIFEXITED
#undef WIFSIGNALED
#undef WIFSTOPPED
#undef WIFCONTINUED
#undef WNOHANG
#undef WUNTRACED
#undef WCONTINUED
#include "../../include/sys/wait.h"
#include "../../include/dirent.h"

extern int errno;

/* ---- A fake file system under the system calls. ---- */

#define MF_MAX		48		/* files */
#define MF_DATA		65536		/* bytes a file holds */
#define FD_MAX		64		/* more than FOPEN_MAX */

struct mdirent {
	const char *name;
	unsigned int ino;
	unsigned char type;
};

struct mfile {
	char name[64];
	int used;
	int is_dir;
	unsigned char data[MF_DATA + 1];	/* kept NUL-terminated */
	size_t size;
	const struct mdirent *ents;	/* a directory's entries */
	int nents;
	const void *raw;	/* or: what getdents returns, once */
	size_t raw_len;
};

struct mfd {
	int used;
	struct mfile *f;
	long long off;		/* a directory: index of the next entry */
	int flags;
	int tty;
	int noseek;
};

static struct mfile mfiles[MF_MAX];
static struct mfd mfds[FD_MAX];

/* Knobs (reset by knobs_reset) and counters. */
static size_t rd_max, wr_max;	/* most bytes per call, 0: no limit */
static int rd_fail_fd = -1, wr_fail_fd = -1;
static int getdents_fail;
static int honor_o_directory;	/* open() checks O_DIRECTORY itself */
static int last_open_flags;
static size_t last_read_size;
static int n_read, n_write, n_lseek, n_getdents;
static char oplog[256];		/* 'r' or 'w' and the fd, per call */
static size_t oplog_len;

static void log_op(char op, int fd)
{
	if (oplog_len + 3 < sizeof(oplog)) {
		oplog[oplog_len++] = op;
		oplog[oplog_len++] = (char)('0' + fd % 10);
		oplog[oplog_len] = '\0';
	}
}

static void knobs_reset(void)
{
	rd_max = wr_max = 0;
	rd_fail_fd = wr_fail_fd = -1;
	getdents_fail = 0;
	honor_o_directory = 0;
	n_read = n_write = n_lseek = n_getdents = 0;
	oplog_len = 0;
	oplog[0] = '\0';
}

static struct mfile *mf_find(const char *name)
{
	int i;

	for (i = 0; i < MF_MAX; i++)
		if (mfiles[i].used && host_streq(mfiles[i].name, name))
			return &mfiles[i];
	return NULL;
}

static struct mfile *mf_create(const char *name)
{
	int i;

	for (i = 0; i < MF_MAX; i++) {
		if (!mfiles[i].used) {
			host_memset(&mfiles[i], 0, sizeof(mfiles[i]));
			mfiles[i].used = 1;
			host_snprintf(mfiles[i].name, sizeof(mfiles[i].name),
			    "%s", name);
			return &mfiles[i];
		}
	}
	diag("out of fake files for %s", name);
	abort();
}

/* A regular file with the given contents (n bytes). */
static struct mfile *mf_setn(const char *name, const void *p, size_t n)
{
	struct mfile *f = mf_find(name);

	if (f == NULL)
		f = mf_create(name);
	host_memcpy(f->data, p, n);
	f->data[n] = '\0';
	f->size = n;
	return f;
}

static struct mfile *mf_set(const char *name, const char *s)
{
	return mf_setn(name, s, host_strlen(s));
}

static void mf_append(const char *name, const char *s)
{
	struct mfile *f = mf_find(name);
	size_t n = host_strlen(s);

	host_memcpy(f->data + f->size, s, n);
	f->size += n;
	f->data[f->size] = '\0';
}

static struct mfile *mf_dir(const char *name, const struct mdirent *ents,
	int nents)
{
	struct mfile *f = mf_set(name, "");

	f->is_dir = 1;
	f->ents = ents;
	f->nents = nents;
	f->raw = NULL;
	return f;
}

/* The contents of a file as a string ("" if there is none). */
static const char *mf_text(const char *name)
{
	struct mfile *f = mf_find(name);

	return f != NULL ? (const char *)f->data : "";
}

static int mf_is(const char *name, const char *want)
{
	const char *got = mf_text(name);

	if (host_streq(got, want))
		return 1;
	diag("%s holds \"%s\", want \"%s\"", name, got, want);
	return 0;
}

static int fd_alloc(struct mfile *f, int flags)
{
	int fd;

	for (fd = 0; fd < FD_MAX; fd++) {
		if (!mfds[fd].used) {
			host_memset(&mfds[fd], 0, sizeof(mfds[fd]));
			mfds[fd].used = 1;
			mfds[fd].f = f;
			mfds[fd].flags = flags;
			return fd;
		}
	}
	errno = EMFILE;
	return -1;
}

/* Put a file behind fd (0, 1, 2 for the standard streams). */
static void fd_bind(int fd, const char *name, int flags, int tty, int noseek)
{
	struct mfile *f = mf_find(name);

	if (f == NULL)
		f = mf_set(name, "");
	host_memset(&mfds[fd], 0, sizeof(mfds[fd]));
	mfds[fd].used = 1;
	mfds[fd].f = f;
	mfds[fd].flags = flags;
	mfds[fd].tty = tty;
	mfds[fd].noseek = noseek;
}

/* A new fd open on a file, with the terminal and seek properties given. */
static int fd_new(const char *name, int flags, int tty, int noseek)
{
	struct mfile *f = mf_find(name);
	int fd;

	if (f == NULL)
		f = mf_set(name, "");
	fd = fd_alloc(f, flags);
	mfds[fd].tty = tty;
	mfds[fd].noseek = noseek;
	return fd;
}

static int fds_in_use(void)
{
	int fd, n = 0;

	for (fd = 0; fd < FD_MAX; fd++)
		n += mfds[fd].used;
	return n;
}

static struct mfd *fd_get(int fd)
{
	if (fd < 0 || fd >= FD_MAX || !mfds[fd].used) {
		errno = EBADF;
		return NULL;
	}
	return &mfds[fd];
}

static int open(const char *path, int flags, ...)
{
	struct mfile *f = mf_find(path);

	last_open_flags = flags;
	if (f == NULL) {
		if (!(flags & O_CREAT)) {
			errno = ENOENT;
			return -1;
		}
		f = mf_create(path);
	} else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
		errno = EEXIST;
		return -1;
	}
	if (honor_o_directory && (flags & O_DIRECTORY) && !f->is_dir) {
		errno = ENOTDIR;
		return -1;
	}
	if (f->is_dir && (flags & O_ACCMODE) != O_RDONLY) {
		errno = EISDIR;
		return -1;
	}
	if (flags & O_TRUNC) {
		f->size = 0;
		f->data[0] = '\0';
	}
	return fd_alloc(f, flags);
}

static int close(int fd)
{
	struct mfd *d = fd_get(fd);

	if (d == NULL)
		return -1;
	d->used = 0;
	return 0;
}

static ssize_t read(int fd, void *buf, size_t n)
{
	struct mfd *d = fd_get(fd);
	size_t k;

	n_read++;
	log_op('r', fd);
	last_read_size = n;
	if (d == NULL)
		return -1;
	if ((d->flags & O_ACCMODE) == O_WRONLY) {
		errno = EBADF;
		return -1;
	}
	if (d->f->is_dir) {
		errno = EISDIR;
		return -1;
	}
	if (fd == rd_fail_fd) {
		errno = EIO;
		return -1;
	}
	if (rd_max > 0 && n > rd_max)
		n = rd_max;
	k = d->off >= (long long)d->f->size ? 0 :
	    d->f->size - (size_t)d->off;
	if (k > n)
		k = n;
	host_memcpy(buf, d->f->data + d->off, k);
	d->off += (long long)k;
	return (ssize_t)k;
}

static ssize_t write(int fd, const void *buf, size_t n)
{
	struct mfd *d = fd_get(fd);
	struct mfile *f;

	n_write++;
	log_op('w', fd);
	if (d == NULL)
		return -1;
	f = d->f;
	if ((d->flags & O_ACCMODE) == O_RDONLY) {
		errno = EBADF;
		return -1;
	}
	if (fd == wr_fail_fd) {
		errno = EIO;
		return -1;
	}
	if (wr_max > 0 && n > wr_max)
		n = wr_max;
	if (d->flags & O_APPEND)
		d->off = (long long)f->size;
	if (d->off + (long long)n > MF_DATA) {
		errno = ENOSPC;
		return -1;
	}
	if (d->off > (long long)f->size)	/* a hole: zeros */
		host_memset(f->data + f->size, 0, (size_t)d->off - f->size);
	host_memcpy(f->data + d->off, buf, n);
	d->off += (long long)n;
	if ((size_t)d->off > f->size) {
		f->size = (size_t)d->off;
		f->data[f->size] = '\0';
	}
	return (ssize_t)n;
}

static off_t lseek(int fd, off_t off, int whence)
{
	struct mfd *d = fd_get(fd);
	long long pos;

	n_lseek++;
	if (d == NULL)
		return -1;
	if (d->noseek) {
		errno = ESPIPE;
		return -1;
	}
	switch (whence) {
	case SEEK_SET: pos = off; break;
	case SEEK_CUR: pos = d->off + off; break;
	case SEEK_END: pos = (long long)d->f->size + off; break;
	default: errno = EINVAL; return -1;
	}
	if (pos < 0) {
		errno = EINVAL;
		return -1;
	}
	d->off = pos;
	return pos;
}

static int isatty(int fd)
{
	struct mfd *d = fd_get(fd);

	if (d == NULL)
		return 0;
	if (!d->tty) {
		errno = ENOTTY;
		return 0;
	}
	return 1;
}

static int fstat(int fd, struct stat *st)
{
	struct mfd *d = fd_get(fd);

	if (d == NULL)
		return -1;
	host_memset(st, 0, sizeof(*st));
	st->st_mode = d->f->is_dir ? S_IFDIR | 0755 : S_IFREG | 0644;
	st->st_size = (off_t)d->f->size;
	st->st_ino = (ino_t)(d->f - mfiles) + 2;
	return 0;
}

/* getdents: whole records from entry d->off on, as many as fit. */
int getdents(int fd, void *buf, size_t nbytes)
{
	struct mfd *d = fd_get(fd);
	unsigned char *out = buf;
	struct dirent *de;
	size_t used = 0, len, reclen;
	int i;

	n_getdents++;
	if (d == NULL)
		return -1;
	if (!d->f->is_dir) {
		errno = ENOTDIR;
		return -1;
	}
	if (getdents_fail) {
		errno = EIO;
		return -1;
	}
	if (d->f->raw != NULL) {
		if (d->off > 0)
			return 0;
		d->off = 1;
		host_memcpy(buf, d->f->raw, d->f->raw_len);
		return (int)d->f->raw_len;
	}
	for (i = (int)d->off; i < d->f->nents; i++) {
		len = host_strlen(d->f->ents[i].name);
		reclen = DIRENT_RECLEN(len);
		if (used + reclen > nbytes)
			break;
		de = (struct dirent *)(void *)(out + used);
		host_memset(de, 0, reclen);
		de->d_ino = d->f->ents[i].ino;
		de->d_off = i + 1;
		de->d_reclen = (unsigned short)reclen;
		de->d_type = d->f->ents[i].type;
		host_memcpy(de->d_name, d->f->ents[i].name, len + 1);
		used += reclen;
	}
	if (used == 0 && i < d->f->nents) {
		errno = EINVAL;
		return -1;
	}
	d->off = i;
	return (int)used;
}

/* _exit: back to the test that called exit(). */
static jmp_buf exit_jmp;
static int exit_status = -1;

__attribute__((__noreturn__)) static void _exit(int status)
{
	exit_status = status;
	longjmp(exit_jmp, 1);
}

#include "../../lib/libc/errno.c"
#include "../../lib/libc/ctype.c"
#include "../../lib/libc/string.c"
#include "../../lib/libc/string2.c"
#include "../../lib/libc/exit.c"
#include "../../lib/libc/stdio.c"
#include "../../lib/libc/printf.c"
#include "../../lib/libc/dirent.c"
#include "../../lib/libc/time.c"
#include "../../lib/libc/getopt.c"
#include "../../lib/libc/signal.c"
#include "../../lib/libc/sig2str.c"
#include "../../lib/libc/getline.c"
extern char **environ;	/* the host's (its <unistd.h> hides it) */
#include "../../lib/libc/getenv.c"

/* ==== stdio ==== */

/* The first use of the standard streams: stdout and stdin are terminals. */
static void test_std_streams(void)
{
	char buf[64];
	int r;

	knobs_reset();
	r = printf("abc");
	OK(r == 3 && n_write == 0, "line-buffered stdout keeps a partial line");
	r = printf("def%d\n", 1);
	OK(r == 5 && n_write == 1 && mf_is("stdout", "abcdef1\n"),
	    "stdout on a terminal: a newline writes the line");

	r = fprintf(stderr, "err %d\n", 5);
	OK(r == 6 && n_write == 2 && mf_is("stderr", "err 5\n"),
	    "stderr is unbuffered: fprintf is one write");
	OK(fputc('x', stderr) == 'x' && n_write == 3 &&
	    mf_is("stderr", "err 5\nx"), "fputc on stderr writes at once");

	mf_set("stdin", "ls -l\nab");
	knobs_reset();
	printf("$ ");
	OK(n_write == 0, "prompt is buffered");
	OK(fgets(buf, sizeof(buf), stdin) == buf && host_streq(buf, "ls -l\n"),
	    "fgets from stdin");
	OK(host_streq(oplog, "w1r0"),
	    "reading a terminal stdin writes out the prompt first");
	OK(mf_is("stdout", "abcdef1\n$ "), "prompt written");
	CHECK_EQ(getchar(), 'a', "getchar");
	CHECK_EQ(getc(stdin), 'b', "getc");
	CHECK_EQ(getchar(), EOF, "getchar at the end");
	OK(feof(stdin) && !ferror(stdin), "feof(stdin)");
	clearerr(stdin);
	OK(!feof(stdin), "clearerr");

	knobs_reset();
	r = puts("hello");
	OK(r >= 0 && n_write == 1 && mf_is("stdout", "abcdef1\n$ hello\n"),
	    "puts: one line, one write");
	OK(putchar('q') == 'q' && n_write == 1, "putchar buffers");
	OK(putc('\n', stdout) == '\n' && n_write == 2 &&
	    mf_is("stdout", "abcdef1\n$ hello\nq\n"), "putc newline flushes");
	CHECK_EQ(fileno(stdin), 0, "fileno(stdin)");
	CHECK_EQ(fileno(stdout), 1, "fileno(stdout)");
	CHECK_EQ(fileno(stderr), 2, "fileno(stderr)");

	r = dprintf(2, "d%s", "p");
	OK(r == 2 && mf_is("stderr", "err 5\nxdp"), "dprintf still direct");
}

static void test_fopen(void)
{
	char buf[128];
	FILE *f;
	int r, i, c, fds = fds_in_use();

	knobs_reset();
	errno = 0;
	OK(fopen("nofile", "r") == NULL && errno == ENOENT,
	    "fopen of a missing file: ENOENT");

	f = fopen("a.txt", "w");
	OK(f != NULL && fileno(f) >= 3, "fopen w");
	CHECK_EQ(last_open_flags, O_WRONLY | O_CREAT | O_TRUNC, "w flags");
	r = fputs("hello ", f);
	OK(r >= 0, "fputs");
	r = fprintf(f, "%d-%s\n", 42, "x");
	CHECK_EQ(r, 5, "fprintf to a file returns the count");
	CHECK_EQ(fputc('!', f), '!', "fputc");
	OK(n_write == 0 && mf_is("a.txt", ""),
	    "a file is fully buffered: nothing written yet");
	CHECK_EQ(fclose(f), 0, "fclose");
	OK(n_write == 1 && mf_is("a.txt", "hello 42-x\n!"),
	    "fclose writes it all in one write");

	f = fopen("a.txt", "r");
	CHECK_EQ(last_open_flags, O_RDONLY, "r flags");
	for (i = 0; (c = fgetc(f)) != EOF && i < 100; i++)
		buf[i] = (char)c;
	buf[i] = '\0';
	OK(host_streq(buf, "hello 42-x\n!"), "fgetc reads it back");
	OK(feof(f) && !ferror(f), "feof at the end, no error");
	CHECK_EQ(fgetc(f), EOF, "EOF again");
	CHECK_EQ(fclose(f), 0, "fclose of a read stream");

	f = fopen("a.txt", "a");
	CHECK_EQ(last_open_flags, O_WRONLY | O_CREAT | O_APPEND, "a flags");
	fputs("more", f);
	fclose(f);
	OK(mf_is("a.txt", "hello 42-x\n!more"), "a appends");

	f = fopen("a.txt", "r+");
	CHECK_EQ(last_open_flags, O_RDWR, "r+ flags");
	fclose(f);
	f = fopen("b.txt", "w+");
	CHECK_EQ(last_open_flags, O_RDWR | O_CREAT | O_TRUNC, "w+ flags");
	fclose(f);
	f = fopen("b.txt", "a+");
	CHECK_EQ(last_open_flags, O_RDWR | O_CREAT | O_APPEND, "a+ flags");
	fclose(f);
	f = fopen("a.txt", "rb");
	CHECK_EQ(last_open_flags, O_RDONLY, "b is ignored");
	fclose(f);
	f = fopen("a.txt", "re");
	CHECK_EQ(last_open_flags, O_RDONLY | O_CLOEXEC, "e adds O_CLOEXEC");
	fclose(f);
	errno = 0;
	f = fopen("a.txt", "wx");
	OK(f == NULL && errno == EEXIST &&
	    last_open_flags == (O_WRONLY | O_CREAT | O_TRUNC | O_EXCL),
	    "x adds O_EXCL");
	errno = 0;
	OK(fopen("a.txt", "z") == NULL && errno == EINVAL, "bad mode: EINVAL");
	errno = 0;
	OK(fopen("a.txt", "") == NULL && errno == EINVAL, "empty mode: EINVAL");
	CHECK_EQ(fds_in_use(), fds, "no fd left open");
}

static void test_fdopen(void)
{
	FILE *f;
	int fd;

	errno = 0;
	OK(fdopen(-1, "r") == NULL && errno == EBADF, "fdopen(-1): EBADF");
	fd = fd_new("c.txt", O_RDWR, 0, 0);
	errno = 0;
	OK(fdopen(fd, "k") == NULL && errno == EINVAL, "fdopen bad mode");
	mf_set("c.txt", "xyz");
	f = fdopen(fd, "a");
	OK(f != NULL && fileno(f) == fd, "fdopen keeps the fd");
	fputs("!", f);
	fclose(f);
	OK(mf_is("c.txt", "xyz!"), "fdopen a starts at the end");
	OK(!mfds[fd].used, "fclose closes an fdopen'd fd");
}

static void test_fgets(void)
{
	char buf[64];
	FILE *f;

	mf_set("l.txt", "line1\nline22\n\nlast");
	f = fopen("l.txt", "r");
	OK(fgets(buf, sizeof(buf), f) == buf && host_streq(buf, "line1\n"),
	    "fgets line 1");
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "line22\n"),
	    "fgets line 2");
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "\n"),
	    "fgets empty line");
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "last"),
	    "fgets last line without newline");
	host_memcpy(buf, "keep", 5);
	OK(fgets(buf, sizeof(buf), f) == NULL && host_streq(buf, "keep"),
	    "fgets at EOF: NULL, buffer untouched");
	OK(feof(f), "feof after fgets");
	fclose(f);

	mf_set("l.txt", "abcdefg\nh");
	f = fopen("l.txt", "r");
	OK(fgets(buf, 4, f) && host_streq(buf, "abc"), "fgets n=4: 3 chars");
	OK(fgets(buf, 4, f) && host_streq(buf, "def"), "fgets continues");
	OK(fgets(buf, 4, f) && host_streq(buf, "g\n"),
	    "fgets stops at newline");
	OK(fgets(buf, 1, f) == buf && buf[0] == '\0',
	    "fgets n=1: empty string");
	OK(fgets(buf, 0, f) == NULL, "fgets n=0: NULL");
	fclose(f);

	knobs_reset();
	rd_max = 3;
	mf_set("l.txt", "alpha beta\ngamma\n");
	f = fopen("l.txt", "r");
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "alpha beta\n") &&
	    fgets(buf, sizeof(buf), f) && host_streq(buf, "gamma\n") &&
	    fgets(buf, sizeof(buf), f) == NULL,
	    "fgets across short reads");
	fclose(f);
	knobs_reset();
}

static void test_getline(void)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *f;
	int i;

	mf_set("l.txt", "one\n\nlast");
	f = fopen("l.txt", "r");
	OK(getline(&line, &cap, f) == 4 && host_streq(line, "one\n") && cap >= 5,
	    "getline: a line with its newline");
	OK(getline(&line, &cap, f) == 1 && host_streq(line, "\n"),
	    "getline: an empty line");
	OK(getline(&line, &cap, f) == 4 && host_streq(line, "last"),
	    "getline: last line without newline");
	OK(getline(&line, &cap, f) == -1, "getline: -1 at the end");
	fclose(f);
	mf_set("l.txt", "a:b:c");
	f = fopen("l.txt", "r");
	OK(getdelim(&line, &cap, ':', f) == 2 && host_streq(line, "a:"),
	    "getdelim: up to the delimiter");
	fclose(f);
	free(line);

	/* A line longer than the first buffer: it grows. */
	{
		static char big[3001];

		for (i = 0; i < 3000; i++)
			big[i] = (char)('a' + i % 26);
		mf_set("l.txt", big);
	}
	line = NULL;
	f = fopen("l.txt", "r");
	OK(getline(&line, &cap, f) == 3000 && line[2999] == 'a' + 2999 % 26 &&
	    line[3000] == '\0', "getline: a 3000-byte line");
	fclose(f);
	free(line);
	OK(getline(NULL, &cap, stdin) == -1 && errno == EINVAL,
	    "getline: NULL line pointer is EINVAL");
}

static void test_getenv(void)
{
	static char *fake[] = { "PATH=/bin:/x", "P=", "PATHX=no", "=odd", NULL };
	char **saved = environ;

	environ = fake;
	OK(host_streq(getenv("PATH"), "/bin:/x"), "getenv PATH");
	OK(host_streq(getenv("P"), ""), "getenv: an empty value");
	OK(getenv("PAT") == NULL, "getenv: a prefix of a name is no match");
	OK(getenv("") == NULL && getenv("A=B") == NULL,
	    "getenv: empty name or one with '=' is NULL");
	environ = NULL;
	OK(getenv("PATH") == NULL, "getenv: no environment");
	environ = saved;
}

static void test_ungetc(void)
{
	char buf[8];
	FILE *f;

	mf_set("u.txt", "xy");
	f = fopen("u.txt", "r");
	CHECK_EQ(fgetc(f), 'x', "fgetc x");
	CHECK_EQ(ungetc('x', f), 'x', "ungetc");
	CHECK_EQ(ungetc('z', f), EOF, "only one character of push-back");
	CHECK_EQ(ftell(f), 0, "ftell counts the pushed-back character");
	CHECK_EQ(fgetc(f), 'x', "pushed-back character read again");
	CHECK_EQ(fgetc(f), 'y', "then the rest");
	CHECK_EQ(fgetc(f), EOF, "then EOF");
	CHECK_EQ(ungetc(EOF, f), EOF, "ungetc(EOF) fails");
	CHECK_EQ(ungetc(0x151, f), 0x51, "ungetc takes an unsigned char");
	OK(!feof(f), "ungetc clears EOF");
	CHECK_EQ(fgetc(f), 0x51, "and is read back");
	CHECK_EQ(fgetc(f), EOF, "EOF after it");
	rewind(f);
	fgetc(f);
	ungetc('Q', f);
	OK(fread(buf, 1, 2, f) == 2 && buf[0] == 'Q' && buf[1] == 'y',
	    "fread starts with the pushed-back character");
	fclose(f);
	f = fopen("u.txt", "a");
	CHECK_EQ(ungetc('a', f), EOF, "no ungetc on a write-only stream");
	fclose(f);
}

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + i / 251);
}

static void test_fread_fwrite(void)
{
	static unsigned char data[5000], buf[5000];
	size_t i, n;
	FILE *f;
	int ok;

	for (i = 0; i < sizeof(data); i++)
		data[i] = pattern(i);
	mf_setn("big", data, sizeof(data));
	knobs_reset();
	f = fopen("big", "r");
	n = fread(buf, 1, 10, f);
	OK(n == 10 && host_memcmp(buf, data, 10) == 0, "fread 10 bytes");
	OK(n_read == 1 && last_read_size == BUFSIZ, "one read of BUFSIZ");
	n = fread(buf, 1, 3000, f);
	OK(n == 3000 && host_memcmp(buf, data + 10, 3000) == 0,
	    "fread 3000 bytes");
	OK(n_read == 2 && last_read_size == 3000 - (BUFSIZ - 10),
	    "a large fread reads straight into the caller's buffer");
	n = fread(buf, 7, 1000, f);
	OK(n == 1990 / 7 && host_memcmp(buf, data + 3010, 1988) == 0 &&
	    feof(f), "fread counts whole elements up to EOF");
	CHECK_EQ(fread(buf, 1, 10, f), 0, "fread at EOF");
	CHECK_EQ(fread(buf, 0, 10, f), 0, "fread of size 0");
	fclose(f);

	knobs_reset();
	rd_max = 100;
	f = fopen("big", "r");
	n = fread(buf, 1, sizeof(buf), f);
	OK(n == sizeof(buf) && host_memcmp(buf, data, sizeof(buf)) == 0 &&
	    n_read >= 50, "fread across short reads");
	fclose(f);

	knobs_reset();
	f = fopen("out", "w");
	n = fwrite(data, 1, 3000, f);
	OK(n == 3000 && n_write == 1, "a large fwrite writes at once");
	n = fwrite(data + 3000, 4, 3, f);
	OK(n == 3 && n_write == 1, "a small fwrite is buffered");
	CHECK_EQ(fwrite(data, 4, 0, f), 0, "fwrite of nothing");
	fclose(f);
	OK(n_write == 2 && mf_find("out")->size == 3012 &&
	    host_memcmp(mf_find("out")->data, data, 3012) == 0,
	    "fwrite contents");

	knobs_reset();
	f = fopen("out", "w");
	ok = 1;
	for (i = 0; i < 4000; i++)
		ok &= fputc(pattern(i), f) == pattern(i);
	OK(ok && n_write == 4000 / BUFSIZ, "fputc fills whole buffers");
	fclose(f);
	ok = mf_find("out")->size == 4000;
	for (i = 0; ok && i < 4000; i++)
		ok &= mf_find("out")->data[i] == pattern(i);
	OK(ok, "fputc contents");

	f = fopen("out", "r");
	errno = 0;
	OK(fwrite("x", 1, 1, f) == 0 && ferror(f) && errno == EBADF,
	    "fwrite on a read-only stream: error, EBADF");
	OK(fputc('x', f) == EOF, "fputc on a read-only stream");
	fclose(f);
	f = fopen("out", "a");
	errno = 0;
	OK(fread(buf, 1, 1, f) == 0 && ferror(f) && errno == EBADF,
	    "fread on a write-only stream: error, EBADF");
	OK(fgetc(f) == EOF, "fgetc on a write-only stream");
	fclose(f);
}

static void test_update_modes(void)
{
	char buf[32];
	FILE *f;

	mf_set("rw", "0123456789");
	f = fopen("rw", "r+");
	OK(fgetc(f) == '0' && fgetc(f) == '1' && fgetc(f) == '2', "r+ reads");
	fputs("AB", f);
	fflush(f);
	OK(mf_is("rw", "012AB56789"),
	    "r+ write after read lands at the stream position");
	CHECK_EQ(fgetc(f), '5', "read after write continues after it");
	fputc('z', f);
	CHECK_EQ(fgetc(f), '7', "write then read without fflush");
	fclose(f);
	OK(mf_is("rw", "012AB5z789"), "r+ contents");

	f = fopen("rw", "w+");
	fputs("hello", f);
	rewind(f);
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "hello"),
	    "w+ reads back after rewind");
	fclose(f);

	mf_set("rw", "abc");
	f = fopen("rw", "a+");
	fputs("def", f);
	rewind(f);
	OK(fgets(buf, sizeof(buf), f) && host_streq(buf, "abcdef"),
	    "a+ appends and reads from the start");
	fputs("g", f);
	fclose(f);
	OK(mf_is("rw", "abcdefg"), "a+ appends after reading");
}

static void test_seek(void)
{
	FILE *f;
	int fd;

	mf_set("s.txt", "abcdefghij");
	f = fopen("s.txt", "r");
	CHECK_EQ(fgetc(f), 'a', "fgetc a");
	CHECK_EQ(ftell(f), 1, "ftell allows for the read-ahead");
	CHECK_EQ(mfds[fileno(f)].off, 10, "fd read ahead to 10");
	CHECK_EQ(fseek(f, 2, SEEK_CUR), 0, "fseek SEEK_CUR");
	CHECK_EQ(fgetc(f), 'd', "SEEK_CUR is from the stream position");
	CHECK_EQ(fseek(f, -2, SEEK_END), 0, "fseek SEEK_END");
	CHECK_EQ(fgetc(f), 'i', "SEEK_END");
	CHECK_EQ(fseeko(f, 0, SEEK_SET), 0, "fseeko SEEK_SET");
	CHECK_EQ(fgetc(f), 'a', "SEEK_SET");
	CHECK_EQ(ftello(f), 1, "ftello");
	errno = 0;
	OK(fseek(f, 0, 7) == -1 && errno == EINVAL, "fseek bad whence");
	fflush(f);
	CHECK_EQ(mfds[fileno(f)].off, 1,
	    "fflush of an input stream seeks the fd back");
	while (fgetc(f) != EOF)
		;
	OK(feof(f), "at EOF");
	fseek(f, 3, SEEK_SET);
	OK(!feof(f) && fgetc(f) == 'd', "fseek clears EOF");
	fclose(f);

	f = fopen("s.txt", "w");
	fputs("12345", f);
	CHECK_EQ(ftell(f), 5, "ftell counts pending output");
	fseek(f, 1, SEEK_SET);
	fputc('X', f);
	fclose(f);
	OK(mf_is("s.txt", "1X345"), "fseek flushes, then writes land there");

	fd = fd_new("pipe", O_RDONLY, 0, 1);
	f = fdopen(fd, "r");
	errno = 0;
	OK(fseek(f, 0, SEEK_SET) == -1 && errno == ESPIPE, "fseek on a pipe");
	OK(ftell(f) == -1, "ftell on a pipe");
	fclose(f);
}

static void test_buffer_modes(void)
{
	char ubuf[8];
	FILE *f;
	int fd;

	knobs_reset();
	fd = fd_new("tty", O_WRONLY, 1, 1);
	f = fdopen(fd, "w");
	fputs("ab", f);
	OK(n_write == 0, "a terminal stream is line buffered: partial line");
	fputs("c\nd", f);
	OK(n_write == 1 && mf_is("tty", "ab"
	    "c\nd"), "line buffered: a newline writes");
	fclose(f);

	knobs_reset();
	fd = fd_new("notty", O_WRONLY, 0, 0);
	f = fdopen(fd, "w");
	fputs("ab\n", f);
	OK(n_write == 0, "other streams are fully buffered");
	CHECK_EQ(fflush(f), 0, "fflush");
	OK(n_write == 1 && mf_is("notty", "ab\n"), "fflush writes");
	CHECK_EQ(fflush(f), 0, "fflush with nothing pending");
	CHECK_EQ(n_write, 1, "writes nothing");

	CHECK_EQ(setvbuf(f, ubuf, _IOFBF, sizeof(ubuf)), 0,
	    "setvbuf user buffer");
	knobs_reset();
	fputs("xy", f);
	fputs("0123456789abcdefghij", f);
	OK(n_write == 2 && host_memcmp(ubuf, "xy012345", 8) == 0,
	    "8-byte user buffer: filled and written, the rest goes straight");
	fflush(f);
	OK(n_write == 2 && mf_is("notty", "ab\nxy0123456789abcdefghij"),
	    "user buffer contents");
	knobs_reset();
	fputs("0123456789abcdefghij", f);
	OK(n_write == 1 && mf_is("notty", "ab\nxy0123456789abcdefghij"
	    "0123456789abcdefghij"), "more than a buffer, empty: one write");
	knobs_reset();
	fputs("0123", f);
	fputs("4567", f);
	OK(n_write == 1 && host_memcmp(ubuf, "01234567", 8) == 0,
	    "a full user buffer is written");

	CHECK_EQ(setvbuf(f, NULL, _IONBF, 0), 0, "setvbuf _IONBF");
	knobs_reset();
	fputs("xyz", f);
	fputc('!', f);
	OK(n_write == 2, "unbuffered: each call writes");
	fprintf(f, "%s %d %s\n", "a long line", 12345, "for one write");
	OK(n_write == 3, "unbuffered fprintf: one write");

	CHECK_EQ(setvbuf(f, NULL, _IOLBF, 0), 0, "setvbuf _IOLBF");
	knobs_reset();
	fputs("no newline", f);
	OK(n_write == 0, "line buffered after setvbuf");
	fputs(" yet\n", f);
	OK(n_write == 1, "newline writes");
	OK(setvbuf(f, NULL, 99, 0) != 0, "setvbuf bad mode fails");
	setbuf(f, NULL);
	knobs_reset();
	fputc('1', f);
	OK(n_write == 1, "setbuf(NULL): unbuffered");
	fclose(f);

	mf_set("r.txt", "abc");
	f = fopen("r.txt", "r");
	setvbuf(f, NULL, _IONBF, 0);
	knobs_reset();
	OK(fgetc(f) == 'a' && last_read_size == 1 &&
	    mfds[fileno(f)].off == 1, "unbuffered input reads one byte");
	fclose(f);

	fd = fd_new("notty", O_WRONLY, 0, 0);
	f = fdopen(fd, "w");
	setvbuf(f, NULL, _IOFBF, 16);
	knobs_reset();
	fputs("0123456789", f);
	fputs("0123456789", f);
	OK(n_write == 1, "setvbuf size 16: allocated buffer");
	fclose(f);
}

static void test_errors(void)
{
	FILE *f;
	int fd, i, n;
	FILE *open_files[FOPEN_MAX + 1];

	knobs_reset();
	fd = fd_new("bad", O_WRONLY, 0, 0);
	f = fdopen(fd, "w");
	wr_fail_fd = fd;
	OK(fputs("abc\n", f) >= 0 && !ferror(f),
	    "buffered output: no error until written");
	errno = 0;
	OK(fflush(f) == EOF && ferror(f) && errno == EIO,
	    "fflush reports the write error");
	clearerr(f);
	OK(!ferror(f), "clearerr clears it");
	fputs("def", f);
	CHECK_EQ(fclose(f), EOF, "fclose reports the write error");
	OK(!mfds[fd].used, "fclose closes the fd all the same");

	fd = fd_new("bad", O_WRONLY, 0, 0);
	f = fdopen(fd, "w");
	setvbuf(f, NULL, _IONBF, 0);
	wr_fail_fd = fd;
	CHECK_EQ(fprintf(f, "x%d", 1), -1, "fprintf fails when write fails");
	CHECK_EQ(fputs("x", f), EOF, "fputs fails when write fails");
	CHECK_EQ(fputc('x', f), EOF, "fputc fails when write fails");
	CHECK_EQ(fwrite("xy", 1, 2, f), 0, "fwrite fails when write fails");
	wr_fail_fd = -1;
	CHECK_EQ(fprintf(f, "ok"), 2, "fprintf works again");
	fclose(f);

	knobs_reset();
	wr_max = 3;
	f = fopen("short", "w");
	fputs("0123456789", f);
	fflush(f);
	OK(mf_is("short", "0123456789") && n_write == 4,
	    "short writes are continued");
	fclose(f);

	knobs_reset();
	mf_set("rerr", "abc");
	f = fopen("rerr", "r");
	rd_fail_fd = fileno(f);
	OK(fgetc(f) == EOF && ferror(f) && !feof(f),
	    "read error: EOF with the error indicator");
	fclose(f);
	knobs_reset();

	/* FOPEN_MAX streams at once, the standard three included. */
	n = 0;
	for (i = 0; i <= FOPEN_MAX; i++) {
		open_files[i] = fopen("a.txt", "r");
		if (open_files[i] == NULL)
			break;
		n++;
	}
	OK(n == FOPEN_MAX - 3 && errno == EMFILE,
	    "FOPEN_MAX - 3 more streams, then EMFILE");
	OK(fds_in_use() == 3 + n, "no fd opened for the refused stream");
	for (i = 0; i < n; i++)
		fclose(open_files[i]);
	f = fopen("a.txt", "r");
	OK(f != NULL, "a slot is free again after fclose");
	fclose(f);
}

static void test_sticky_eof(void)
{
	FILE *f;
	int fd;

	fd = fd_new("term", O_RDONLY, 1, 1);
	mf_set("term", "a");
	f = fdopen(fd, "r");
	CHECK_EQ(fgetc(f), 'a', "terminal input");
	CHECK_EQ(fgetc(f), EOF, "end of input (^D)");
	mf_append("term", "b");
	CHECK_EQ(fgetc(f), EOF, "EOF is sticky");
	clearerr(f);
	CHECK_EQ(fgetc(f), 'b', "after clearerr input is read again");
	fclose(f);
}

static void test_perror(void)
{
	int before;

	mf_set("stderr", "");
	mfds[2].off = 0;
	knobs_reset();
	errno = ENOENT;
	perror("cat");
	OK(mf_is("stderr", "cat: No such file or directory\n") && n_write == 1,
	    "perror: prefix and message in one write");
	CHECK_EQ(errno, ENOENT, "perror keeps errno");
	before = n_write;
	errno = EACCES;
	perror(NULL);
	OK(mf_is("stderr", "cat: No such file or directory\n"
	    "Permission denied\n") && n_write == before + 1, "perror(NULL)");
	errno = EBADF;
	perror("");
	OK(mf_is("stderr", "cat: No such file or directory\n"
	    "Permission denied\nBad file descriptor\n"), "perror(\"\")");
}

static void test_printf_stream(void)
{
	char want[1200], big[1000];
	FILE *f;
	int r, i;

	for (i = 0; i < 999; i++)
		big[i] = (char)('a' + i % 26);
	big[999] = '\0';
	f = fopen("p.txt", "w");
	r = fprintf(f, "<%s|%-5d|%x>", big, 42, 255u);
	host_snprintf(want, sizeof(want), "<%s|%-5d|%x>", big, 42, 255u);
	CHECK_EQ(r, (int)host_strlen(want), "long fprintf returns its length");
	fclose(f);
	OK(mf_is("p.txt", want), "long fprintf contents");

	f = fopen("p.txt", "w");
	fputs("x", f);
	fflush(NULL);
	OK(mf_is("p.txt", "x"), "fflush(NULL) flushes every stream");
	fclose(f);
}

/* ---- exit, atexit ---- */

static int exit_order[4], n_exit_order;
static FILE *exit_file;

static void at_exit_1(void)
{
	exit_order[n_exit_order++] = 1;
}

static void at_exit_2(void)
{
	exit_order[n_exit_order++] = 2;
	fputs(" from 2", exit_file);
}

static void at_exit_nop(void)
{
}

static void test_exit(void)
{
	int i, r;

	exit_file = fopen("exit.txt", "w");
	fputs("pending", exit_file);
	printf("no newline");
	CHECK_EQ(atexit(at_exit_1), 0, "atexit");
	CHECK_EQ(atexit(at_exit_2), 0, "atexit again");
	if (setjmp(exit_jmp) == 0)
		exit(7);
	CHECK_EQ(exit_status, 7, "exit passes its status to _exit");
	OK(n_exit_order == 2 && exit_order[0] == 2 && exit_order[1] == 1,
	    "atexit functions run last first");
	OK(mf_is("exit.txt", "pending from 2"),
	    "exit flushes streams after the atexit functions");
	OK(mf_is("stdout", "abcdef1\n$ hello\nq\nno newline"),
	    "exit flushes stdout's partial line");
	fclose(exit_file);

	r = 0;
	for (i = 0; i < 32; i++)
		r |= atexit(at_exit_nop);
	OK(r == 0, "32 atexit functions");
	CHECK_EQ(atexit(at_exit_nop), -1, "the 33rd is refused");
	if (setjmp(exit_jmp) == 0)
		_Exit(3);
	CHECK_EQ(exit_status, 3, "_Exit");
}

/* ==== dirent ==== */

static const struct mdirent dir_ents[] = {
	{ ".", 2, DT_DIR },
	{ "..", 1, DT_DIR },
	{ "hello.txt", 12, DT_REG },
	{ "deleted", 0, DT_REG },
	{ "sub", 13, DT_DIR },
	{ "a-much-longer-file-name.c", 14, DT_REG },
	{ "l", 15, DT_LNK },
};

static struct mdirent many_ents[300];
static char many_names[300][120];
static char long_name[256];

static void test_dirent(void)
{
	static const char *const want[] = { ".", "..", "hello.txt", "sub",
		"a-much-longer-file-name.c", "l" };
	static const unsigned int want_ino[] = { 2, 1, 12, 13, 14, 15 };
	static const unsigned char want_type[] = { DT_DIR, DT_DIR, DT_REG,
		DT_DIR, DT_REG, DT_LNK };
	struct dirent *de;
	long long last_off = 0;
	int i, ok, fds = fds_in_use(), fd;
	DIR *d;

	mf_dir("d", dir_ents, 7);
	knobs_reset();
	d = opendir("d");
	OK(d != NULL, "opendir");
	CHECK_EQ(last_open_flags, O_RDONLY | O_DIRECTORY | O_CLOEXEC,
	    "opendir opens with O_DIRECTORY | O_CLOEXEC");
	ok = 1;
	for (i = 0; i < 6; i++) {
		de = readdir(d);
		if (de == NULL) {
			ok = 0;
			break;
		}
		ok &= host_streq(de->d_name, want[i]) &&
		    de->d_ino == want_ino[i] && de->d_type == want_type[i] &&
		    de->d_reclen % 8 == 0 && de->d_off > last_off &&
		    de->d_reclen == DIRENT_RECLEN(host_strlen(want[i]));
		last_off = de->d_off;
	}
	OK(ok, "readdir returns each entry, skipping d_ino 0");
	errno = 1234;
	OK(readdir(d) == NULL && errno == 1234,
	    "readdir at the end: NULL, errno kept");
	CHECK_EQ(n_getdents, 2,
	    "one getdents for the entries, one for the end");
	rewinddir(d);
	de = readdir(d);
	OK(de != NULL && host_streq(de->d_name, "."), "rewinddir starts over");
	fd = dirfd(d);
	OK(fd >= 3 && mfds[fd].used && mfds[fd].f == mf_find("d"), "dirfd");
	CHECK_EQ(closedir(d), 0, "closedir");
	OK(!mfds[fd].used && fds_in_use() == fds, "closedir closes the fd");

	errno = 0;
	OK(opendir("nothere") == NULL && errno == ENOENT, "opendir: ENOENT");
	mf_set("plain", "x");
	errno = 0;
	OK(opendir("plain") == NULL && errno == ENOTDIR,
	    "opendir of a file: ENOTDIR (by fstat)");
	CHECK_EQ(fds_in_use(), fds, "and its fd is closed");
	honor_o_directory = 1;
	errno = 0;
	OK(opendir("plain") == NULL && errno == ENOTDIR,
	    "opendir of a file: ENOTDIR (by open)");
	honor_o_directory = 0;

	fd = fd_new("d", O_RDONLY, 0, 0);
	d = fdopendir(fd);
	OK(d != NULL && dirfd(d) == fd && readdir(d) != NULL, "fdopendir");
	closedir(d);
	fd = fd_new("plain", O_RDONLY, 0, 0);
	errno = 0;
	OK(fdopendir(fd) == NULL && errno == ENOTDIR && mfds[fd].used,
	    "fdopendir of a file: ENOTDIR, fd left open");
	close(fd);

	/* A directory bigger than one getdents buffer. */
	for (i = 0; i < 300; i++) {
		host_snprintf(many_names[i], sizeof(many_names[i]),
		    "file-%03d-%.*s", i, i % 100,
		    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		many_ents[i].name = many_names[i];
		many_ents[i].ino = (unsigned int)(100 + i);
		many_ents[i].type = DT_REG;
	}
	mf_dir("big-dir", many_ents, 300);
	knobs_reset();
	d = opendir("big-dir");
	ok = 1;
	for (i = 0; (de = readdir(d)) != NULL; i++)
		ok &= i < 300 && host_streq(de->d_name, many_names[i]) &&
		    de->d_ino == 100u + (unsigned int)i;
	OK(ok && i == 300, "readdir of 300 entries");
	OK(n_getdents > 5, "over several getdents calls");
	closedir(d);

	for (i = 0; i < 255; i++)
		long_name[i] = (char)('A' + i % 26);
	long_name[255] = '\0';
	many_ents[0].name = long_name;
	mf_dir("long-dir", many_ents, 1);
	d = opendir("long-dir");
	de = readdir(d);
	OK(de != NULL && host_strlen(de->d_name) == 255 &&
	    host_streq(de->d_name, long_name), "a 255-byte name");
	OK(de != NULL && de->d_reclen == DIRENT_RECLEN(255) &&
	    DIRENT_RECLEN(255) <= sizeof(struct dirent),
	    "the longest record fits a struct dirent");
	closedir(d);

	knobs_reset();
	d = opendir("d");
	getdents_fail = 1;
	errno = 0;
	OK(readdir(d) == NULL && errno == EIO, "getdents error: NULL, errno");
	closedir(d);
	knobs_reset();

	CHECK_EQ(DIRENT_RECLEN(1), (offsetof(struct dirent, d_name) + 2 + 7) &
	    ~(size_t)7, "DIRENT_RECLEN(1)");
	CHECK_EQ(DIRENT_RECLEN(0) % 8, 0, "DIRENT_RECLEN is 8-aligned");
	CHECK_EQ(IFTODT(S_IFDIR | 0755), DT_DIR, "IFTODT");
	CHECK_EQ(DTTOIF(DT_REG), S_IFREG, "DTTOIF");
	OK(DT_FIFO == 1 && DT_CHR == 2 && DT_DIR == 4 && DT_BLK == 6 &&
	    DT_REG == 8 && DT_LNK == 10 && DT_SOCK == 12 && DT_UNKNOWN == 0,
	    "DT_* values");
}

/* Hand-made records: readdir must not trust them. */
static _Alignas(8) unsigned char raw[1024];

static size_t raw_record(size_t at, unsigned int ino, size_t reclen,
	const char *name)
{
	struct dirent *de = (struct dirent *)(void *)(raw + at);

	host_memset(raw + at, 'Z', reclen < 64 ? 64 : reclen);
	de->d_ino = ino;
	de->d_off = 1;
	de->d_reclen = (unsigned short)reclen;
	de->d_type = DT_REG;
	if (name != NULL)
		host_memcpy(de->d_name, name, host_strlen(name) + 1);
	return at + reclen;
}

static int raw_dir_fails(size_t len, const char *first)
{
	struct mfile *f = mf_dir("raw-dir", NULL, 0);
	struct dirent *de;
	DIR *d;
	int ok = 1;

	f->raw = raw;
	f->raw_len = len;
	d = opendir("raw-dir");
	if (first != NULL) {
		de = readdir(d);
		ok &= de != NULL && host_streq(de->d_name, first);
	}
	errno = 0;
	ok &= readdir(d) == NULL && errno == EIO;
	errno = 0;
	ok &= readdir(d) == NULL && errno == 0;	/* and stays ended */
	closedir(d);
	return ok;
}

static void test_dirent_bad_records(void)
{
	size_t name_off = offsetof(struct dirent, d_name), n;

	n = raw_record(0, 5, 0, "x");
	OK(raw_dir_fails(64, NULL), "record length 0: EIO");
	n = raw_record(0, 5, DIRENT_RECLEN(1) + 4, "x");
	OK(raw_dir_fails(n, NULL), "record length not 8-aligned: EIO");
	n = raw_record(0, 5, DIRENT_RECLEN(1), "x");
	OK(raw_dir_fails(n - 8, NULL), "record past the bytes returned: EIO");
	raw_record(0, 5, DIRENT_RECLEN(1), "x");
	OK(raw_dir_fails(name_off - 4, NULL), "a cut fixed part: EIO");
	n = raw_record(0, 5, DIRENT_RECLEN(6), NULL);	/* 'Z's, no NUL */
	OK(raw_dir_fails(n, NULL), "a name without NUL: EIO");
	n = raw_record(0, 5, DIRENT_RECLEN(3), "abc");
	n = raw_record(n, 6, 8, "y");
	OK(raw_dir_fails(n, "abc"), "good record, then a bad one");
	n = raw_record(0, 5, DIRENT_RECLEN(6) + 16, "padded");
	n = raw_record(n, 6, 512, "long");
	OK(raw_dir_fails(n, "padded"),
	    "extra padding is accepted; a record longer than a struct dirent "
	    "is EIO");
}

/* ==== time ==== */

static int tm_eq(const struct tm *a, const struct tm *b)
{
	return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min &&
	    a->tm_hour == b->tm_hour && a->tm_mday == b->tm_mday &&
	    a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
	    a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday &&
	    a->tm_isdst == b->tm_isdst;
}

static void diag_tm(const char *what, const struct tm *t)
{
	diag("%s: %d-%02d-%02d %02d:%02d:%02d wday %d yday %d", what,
	    t->tm_year + 1900, t->tm_mon + 1, t->tm_mday, t->tm_hour,
	    t->tm_min, t->tm_sec, t->tm_wday, t->tm_yday);
}

/* Our gmtime_r against the host's for every t in [from, to) by step. */
static int gmtime_range(long long from, long long to, long long step)
{
	struct tm a, b;
	long long v;
	time_t t;

	for (v = from; v < to; v += step) {
		t = (time_t)v;
		if (gmtime_r(&t, &a) == NULL || host_gmtime_r(&t, &b) == NULL ||
		    !tm_eq(&a, &b)) {
			diag("t = %lld", v);
			diag_tm("ours", &a);
			diag_tm("host", &b);
			return 0;
		}
	}
	return 1;
}

static void test_gmtime(void)
{
	static const long long points[] = {
		0, -1, 1, 59, 60, 86399, 86400, 951782400 /* 2000-02-29 */,
		951868800, 978307199, 1700000000, 2147483647LL,
		-2147483648LL, 68169600 /* 1972-02-29 */, 4107542400LL,
		-62135596800LL /* 0001-01-01 */, 253402300799LL /* 9999 */,
		-11676096000LL /* 1600-01-01 */, 13569465600LL /* 2400 */,
	};
	struct tm a, b, *p;
	char name[64];
	time_t t;
	size_t i;

	for (i = 0; i < sizeof(points) / sizeof(points[0]); i++) {
		t = (time_t)points[i];
		host_gmtime_r(&t, &b);
		p = gmtime_r(&t, &a);
		host_snprintf(name, sizeof(name), "gmtime_r(%lld)", points[i]);
		OK(p == &a && tm_eq(&a, &b), name);
	}
	OK(gmtime_range(-2147483648LL, 2147483647LL, 86400 * 3 + 3607),
	    "gmtime_r matches the host over the 32-bit range");
	OK(gmtime_range(-1000000, 1000000, 613), "gmtime_r around the epoch");
	OK(gmtime_range(-100000000000LL, 100000000000LL, 86400LL * 97 + 13),
	    "gmtime_r matches the host for +-3000 years");
	t = 1700000000;
	p = gmtime(&t);
	OK(p != NULL && tm_eq(p, host_gmtime_r(&t, &b)), "gmtime");
	p = localtime(&t);
	OK(p != NULL && tm_eq(p, &b), "localtime is UTC");
	OK(localtime_r(&t, &a) == &a && tm_eq(&a, &b), "localtime_r is UTC");
	t = (time_t)1 << 62;
	errno = 0;
	OK(gmtime_r(&t, &a) == NULL && errno == ERANGE,
	    "gmtime_r: year beyond int: NULL, ERANGE");
}

static unsigned int lcg_state = 12345;

static int lcg(int lo, int hi)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lo + (int)((lcg_state >> 8) % (unsigned int)(hi - lo + 1));
}

static void test_mktime(void)
{
	struct tm a, b;
	long long v;
	time_t t, ta, tb;
	int i, ok;

	ok = 1;
	for (v = -2147483648LL; v < 2147483647LL; v += 86400 * 5 + 1234) {
		t = (time_t)v;
		gmtime_r(&t, &a);
		ok &= timegm(&a) == t;
	}
	OK(ok, "timegm(gmtime(t)) == t");

	ok = 1;
	for (i = 0; i < 20000 && ok; i++) {
		a.tm_year = lcg(-300, 300);
		a.tm_mon = lcg(-30, 30);
		a.tm_mday = lcg(-40, 70);
		a.tm_hour = lcg(-50, 50);
		a.tm_min = lcg(-200, 200);
		a.tm_sec = lcg(-5000, 5000);
		a.tm_wday = 9;
		a.tm_yday = 999;
		a.tm_isdst = 0;
		b = a;
		ta = timegm(&a);
		tb = host_timegm(&b);
		b.tm_isdst = 0;
		if (ta != tb || !tm_eq(&a, &b)) {
			diag("timegm %lld, host %lld", (long long)ta,
			    (long long)tb);
			diag_tm("ours", &a);
			diag_tm("host", &b);
			ok = 0;
		}
	}
	OK(ok, "timegm normalizes out-of-range fields as the host does");

	host_memset(&a, 0, sizeof(a));
	a.tm_year = 126;
	a.tm_mon = 10;
	a.tm_mday = 23;
	a.tm_hour = 12;
	t = mktime(&a);
	OK(t == 1795435200 && a.tm_wday == 1 && a.tm_yday == 326,
	    "mktime: 2026-11-23 12:00 is a Monday, wday and yday set");
	a.tm_mon = 12;
	a.tm_mday = 0;
	t = mktime(&a);
	OK(a.tm_year == 126 && a.tm_mon == 11 && a.tm_mday == 31,
	    "mktime: month 12 day 0 is December 31st");
}

struct ftest {
	int year, mon, mday, hour, min, sec;
};

static void test_strftime(void)
{
	static const char *const fmts[] = {
		"%a %A %b %B %h", "%c", "%C %y %Y", "%d %e %j", "%D %F",
		"%H %I %k %l %p", "%M %S", "%n%t%%", "%r %R %T", "%u %w",
		"%U %W %V %G %g", "%x %X", "%z", "plain text", "%Ey %Od",
		"[%Y-%m-%dT%H:%M:%S]",
	};
	static const struct ftest dates[] = {
		{ 2026, 11, 23, 12, 0, 0 }, { 1970, 1, 1, 0, 0, 0 },
		{ 2000, 2, 29, 23, 59, 59 }, { 1999, 12, 31, 13, 5, 9 },
		{ 2004, 1, 1, 0, 30, 0 }, { 2010, 1, 3, 11, 11, 11 },
		{ 1905, 6, 15, 7, 8, 9 }, { 2038, 1, 19, 3, 14, 7 },
		{ 2021, 1, 3, 12, 0, 0 }, { 2020, 12, 31, 12, 0, 0 },
	};
	char ours[256], host[256], name[300];
	struct tm tm;
	size_t i, j, r1, r2;
	long long day;
	time_t t;
	int ok;

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		host_memset(&tm, 0, sizeof(tm));
		tm.tm_year = dates[i].year - 1900;
		tm.tm_mon = dates[i].mon - 1;
		tm.tm_mday = dates[i].mday;
		tm.tm_hour = dates[i].hour;
		tm.tm_min = dates[i].min;
		tm.tm_sec = dates[i].sec;
		host_timegm(&tm);
		ok = 1;
		for (j = 0; j < sizeof(fmts) / sizeof(fmts[0]); j++) {
			r1 = strftime(ours, sizeof(ours), fmts[j], &tm);
			r2 = host_strftime(host, sizeof(host), fmts[j], &tm);
			if (r1 != r2 || !host_streq(ours, host)) {
				diag("\"%s\": \"%s\", host \"%s\"", fmts[j],
				    ours, host);
				ok = 0;
			}
		}
		host_snprintf(name, sizeof(name),
		    "strftime matches the host on %04d-%02d-%02d",
		    dates[i].year, dates[i].mon, dates[i].mday);
		OK(ok, name);
	}

	/* Week numbers over every day of 32 years. */
	ok = 1;
	for (day = 10950; day < 10950 + 32 * 366 && ok; day++) {
		t = (time_t)(day * 86400);
		host_gmtime_r(&t, &tm);
		r1 = strftime(ours, sizeof(ours), "%G %g %V %U %W %u %w %j",
		    &tm);
		r2 = host_strftime(host, sizeof(host),
		    "%G %g %V %U %W %u %w %j", &tm);
		if (r1 != r2 || !host_streq(ours, host)) {
			diag("day %lld: \"%s\", host \"%s\"", day, ours, host);
			ok = 0;
		}
	}
	OK(ok, "week numbers (%U %W %V %G) match the host for 32 years");

	t = 1795435200;
	gmtime_r(&t, &tm);
	OK(strftime(ours, sizeof(ours), "%s %Z", &tm) == 14 &&
	    host_streq(ours, "1795435200 UTC"), "%s and %Z");
	OK(strftime(ours, 8, "%Y-%m", &tm) == 7 && host_streq(ours, "2026-11"),
	    "strftime exact fit");
	CHECK_EQ(strftime(ours, 7, "%Y-%m", &tm), 0, "strftime one too short");
	CHECK_EQ(strftime(ours, 0, "%Y", &tm), 0, "strftime max 0");
	OK(strftime(ours, sizeof(ours), "", &tm) == 0 && ours[0] == '\0',
	    "empty format");
	OK(strftime(ours, sizeof(ours), "%q|%", &tm) == 4 &&
	    host_streq(ours, "%q|%"), "unknown conversion copied");
	tm.tm_mon = 12;
	tm.tm_wday = -1;
	OK(strftime(ours, sizeof(ours), "%b %A", &tm) == 3 &&
	    host_streq(ours, "? ?"), "out-of-range names: ?");
}

static void test_asctime(void)
{
	char ours[64], host[64];
	struct tm tm;
	time_t t;
	int ok;
	long long v;

	t = 1795435200;
	gmtime_r(&t, &tm);
	OK(host_streq(asctime(&tm), "Mon Nov 23 12:00:00 2026\n"),
	    "asctime: \"Mon Nov 23 12:00:00 2026\\n\"");
	OK(asctime_r(&tm, ours) == ours &&
	    host_streq(ours, host_asctime_r(&tm, host)), "asctime_r");
	t = 0;
	OK(host_streq(ctime(&t), "Thu Jan  1 00:00:00 1970\n"),
	    "ctime pads the day with a space");
	ok = 1;
	for (v = -2147483648LL; v < 2147483647LL && ok;
	    v += 86400 * 11 + 4321) {
		t = (time_t)v;
		host_gmtime_r(&t, &tm);
		ok &= ctime_r(&t, ours) == ours &&
		    host_streq(ours, host_asctime_r(&tm, host));
	}
	OK(ok, "ctime_r matches the host's asctime of gmtime");
	gmtime_r(&t, &tm);
	tm.tm_year = 10000 - 1900;
	errno = 0;
	OK(asctime_r(&tm, ours) == NULL && errno == ERANGE,
	    "asctime_r: a 5-digit year does not fit 26 bytes");
	OK(host_streq(asctime(&tm), host_asctime(&tm)),
	    "asctime has room for it");
}

/* ==== getopt ==== */

static void getopt_reset(void)
{
	optind = 1;
	opterr = 1;
	mf_set("stderr", "");
	mfds[2].off = 0;
}

static void test_getopt(void)
{
	char *av1[] = { "prog", "-a", "-b", "val", "-c", "file", "-a", NULL };
	char *av2[] = { "prog", "-abval", "-cb", "x", "--", "-a", NULL };
	char *av3[] = { "prog", "-x", "-b", NULL };
	char *av4[] = { "prog", "-", "-a", NULL };
	char *av5[] = { "prog", "-o", "-oarg", "rest", NULL };
	char *av6[] = { "prog", "-a", "-:", NULL };
	int c;

	getopt_reset();
	c = getopt(7, av1, "ab:c");
	OK(c == 'a' && optarg == NULL && optind == 2, "getopt -a");
	c = getopt(7, av1, "ab:c");
	OK(c == 'b' && host_streq(optarg, "val") && optind == 4,
	    "getopt -b val");
	c = getopt(7, av1, "ab:c");
	OK(c == 'c' && optind == 5, "getopt -c");
	c = getopt(7, av1, "ab:c");
	OK(c == -1 && optind == 5, "getopt stops at the first operand");

	getopt_reset();
	OK(getopt(6, av2, "ab:c") == 'a' && optind == 1,
	    "grouped: -a of -abval");
	OK(getopt(6, av2, "ab:c") == 'b' && host_streq(optarg, "val") &&
	    optind == 2, "grouped: attached argument");
	OK(getopt(6, av2, "ab:c") == 'c', "grouped: -c of -cb");
	OK(getopt(6, av2, "ab:c") == 'b' && host_streq(optarg, "x") &&
	    optind == 4, "grouped: last letter takes the next element");
	OK(getopt(6, av2, "ab:c") == -1 && optind == 5, "-- ends the options");

	getopt_reset();
	c = getopt(3, av3, "ab:");
	OK(c == '?' && optopt == 'x', "unknown option: ?, optopt");
	OK(mf_is("stderr", "prog: illegal option -- x\n"),
	    "unknown option message");
	c = getopt(3, av3, "ab:");
	OK(c == '?' && optopt == 'b' && optind == 3,
	    "missing argument: ?");
	OK(mf_is("stderr", "prog: illegal option -- x\n"
	    "prog: option requires an argument -- b\n"),
	    "missing argument message");

	getopt_reset();
	c = getopt(3, av3, ":ab:");
	OK(c == '?' && optopt == 'x', "leading ':': unknown is still ?");
	c = getopt(3, av3, ":ab:");
	OK(c == ':' && optopt == 'b', "leading ':': missing argument is :");
	OK(mf_is("stderr", ""), "leading ':': no messages");

	getopt_reset();
	opterr = 0;
	getopt(3, av3, "ab:");
	OK(mf_is("stderr", ""), "opterr 0: no messages");

	getopt_reset();
	OK(getopt(3, av4, "a") == -1 && optind == 1, "\"-\" is an operand");

	getopt_reset();
	OK(getopt(4, av5, "o::") == 'o' && optarg == NULL && optind == 2,
	    "optional argument absent");
	OK(getopt(4, av5, "o::") == 'o' && host_streq(optarg, "arg") &&
	    optind == 3, "optional argument attached");
	OK(getopt(4, av5, "o::") == -1 && optind == 3, "then the operand");

	getopt_reset();
	OK(getopt(3, av6, "+a") == 'a', "leading + is ignored");
	OK(getopt(3, av6, "+a") == '?' && optopt == ':',
	    "':' is never an option");

	getopt_reset();
	while (getopt(7, av1, "ab:c") != -1)
		;
	optind = 1;
	OK(getopt(7, av1, "ab:c") == 'a' && optind == 2,
	    "optind = 1 restarts a finished scan");
	getopt(6, av2, "ab:c");		/* stops inside -cb */
	optind = 0;
	OK(getopt(6, av2, "ab:c") == 'a' && optind == 1,
	    "optind = 0 restarts even inside a group");
	OK(getopt(1, av1, "a") == -1, "no arguments");
	getopt_reset();
}

/* ==== string2.c ==== */

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void test_string2(void)
{
	static const char *const words[] = { "", "a", "A", "abc", "ABD",
		"abC", "zeta", "Zeta", "ab", "[", "_", "`" };
	char buf[32], *p, *s, *tok;
	size_t i, j;
	int ok;

	p = strdup("hello");
	OK(p != NULL && host_streq(p, "hello"), "strdup");
	free(p);
	p = strdup("");
	OK(p != NULL && p[0] == '\0', "strdup of empty");
	free(p);
	p = strndup("hello", 3);
	OK(p != NULL && host_streq(p, "hel"), "strndup cuts");
	free(p);
	p = strndup("hi", 10);
	OK(p != NULL && host_streq(p, "hi"), "strndup shorter string");
	free(p);

	ok = 1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		for (j = 0; j < sizeof(words) / sizeof(words[0]); j++) {
			ok &= sign(strcasecmp(words[i], words[j])) ==
			    sign(host_strcasecmp(words[i], words[j]));
			ok &= sign(strncasecmp(words[i], words[j], 2)) ==
			    sign(host_strncasecmp(words[i], words[j], 2));
		}
	OK(ok, "strcasecmp, strncasecmp agree with the host");
	CHECK_EQ(strncasecmp("abc", "xyz", 0), 0, "strncasecmp n=0");
	CHECK_EQ(strcasecmp("HeLLo", "hello"), 0, "strcasecmp equal");

	host_memcpy(buf, "a,b,,c", 7);
	s = buf;
	OK((tok = strsep(&s, ",")) && host_streq(tok, "a"), "strsep 1");
	OK((tok = strsep(&s, ",")) && host_streq(tok, "b"), "strsep 2");
	OK((tok = strsep(&s, ",")) && host_streq(tok, ""),
	    "strsep empty field");
	OK((tok = strsep(&s, ",")) && host_streq(tok, "c") && s == NULL,
	    "strsep last field");
	OK(strsep(&s, ",") == NULL, "strsep after the end");

	host_memcpy(buf, "  one two\tthree ", 17);
	OK((tok = strtok(buf, " \t")) && host_streq(tok, "one"), "strtok");
	OK((tok = strtok(NULL, " \t")) && host_streq(tok, "two"), "strtok 2");
	OK((tok = strtok(NULL, " \t")) && host_streq(tok, "three"), "strtok 3");
	OK(strtok(NULL, " \t") == NULL, "strtok end");

	s = "hello world";
	OK(strpbrk(s, "ow") == s + 4, "strpbrk");
	OK(strpbrk(s, "xyz") == NULL, "strpbrk none");
	OK(stpcpy(buf, "abc") == buf + 3 && host_streq(buf, "abc"), "stpcpy");

	OK(strlcpy(buf, "hello", sizeof(buf)) == 5 && host_streq(buf, "hello"),
	    "strlcpy");
	OK(strlcpy(buf, "hello", 3) == 5 && host_streq(buf, "he"),
	    "strlcpy cuts and terminates");
	buf[0] = 'X';
	OK(strlcpy(buf, "hello", 0) == 5 && buf[0] == 'X', "strlcpy size 0");
	host_memcpy(buf, "ab", 3);
	OK(strlcat(buf, "cd", sizeof(buf)) == 4 && host_streq(buf, "abcd"),
	    "strlcat");
	OK(strlcat(buf, "efgh", 6) == 8 && host_streq(buf, "abcde"),
	    "strlcat cuts");
	OK(strlcat(buf, "x", 3) == 3 + 1 && host_streq(buf, "abcde"),
	    "strlcat with no NUL in size");

	OK(host_streq(strsignal(SIGINT), "Interrupt"), "strsignal SIGINT");
	OK(host_streq(strsignal(SIGKILL), "Killed"), "strsignal SIGKILL");
	OK(host_streq(strsignal(SIGUSR2), "User defined signal 2"),
	    "strsignal SIGUSR2");
	ok = 1;
	for (i = 1; i < _NSIG; i++)
		ok &= host_strlen(strsignal((int)i)) >= 4 &&
		    host_strncmp(strsignal((int)i), "Unknown", 7) != 0;
	OK(ok, "every signal 1..31 has a name");
	OK(host_streq(strsignal(0), "Unknown signal 0"), "strsignal 0");
	OK(host_streq(strsignal(99), "Unknown signal 99"), "strsignal 99");
	OK(host_streq(strsignal(-7), "Unknown signal -7"), "strsignal -7");
	OK(host_streq(strsignal(INT_MIN), "Unknown signal -2147483648"),
	    "strsignal INT_MIN");
}

/* ==== signal sets, wait status, header values ==== */

static void test_sigset(void)
{
	sigset_t s;
	int i, ok;

	CHECK_EQ(sizeof(sigset_t), 4, "sigset_t is 32 bits");
	sigemptyset(&s);
	ok = s == 0;
	for (i = 1; i < _NSIG; i++)
		ok &= sigismember(&s, i) == 0;
	OK(ok, "sigemptyset: no members");
	sigfillset(&s);
	ok = 1;
	for (i = 1; i < _NSIG; i++)
		ok &= sigismember(&s, i) == 1;
	OK(ok && s == 0xfffffffeu, "sigfillset: signals 1..31");
	sigemptyset(&s);
	OK(sigaddset(&s, SIGINT) == 0 && s == 1u << SIGINT,
	    "sigaddset sets bit 1 << signo");
	sigaddset(&s, SIGUSR2);
	OK(sigismember(&s, SIGUSR2) == 1 && sigismember(&s, SIGUSR1) == 0,
	    "sigismember");
	OK(sigdelset(&s, SIGINT) == 0 && s == 1u << SIGUSR2, "sigdelset");
	errno = 0;
	OK(sigaddset(&s, 0) == -1 && errno == EINVAL, "sigaddset 0: EINVAL");
	errno = 0;
	OK(sigdelset(&s, _NSIG) == -1 && errno == EINVAL,
	    "sigdelset _NSIG: EINVAL");
	errno = 0;
	OK(sigismember(&s, -1) == -1 && errno == EINVAL,
	    "sigismember -1: EINVAL");
	OK(SIG_DFL == (sighandler_t)0 && SIG_IGN == (sighandler_t)1 &&
	    SIG_ERR == (sighandler_t)-1, "SIG_DFL, SIG_IGN, SIG_ERR");
	OK(SIGHUP == 1 && SIGKILL == 9 && SIGSEGV == 11 && SIGTERM == 15 &&
	    SIGCHLD == 20 && SIGUSR1 == 30 && SIGUSR2 == 31 && _NSIG == 32,
	    "signal numbers kept");
}

static void test_sig2str(void)
{
	static const char *const names[] = { NULL,
		"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT", "FPE",
		"KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG",
		"STOP", "TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO", "XCPU",
		"XFSZ", "VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2"
	};
	char buf[SIG2STR_MAX];
	int i, sig, ok;

	OK(sig2str(SIGHUP, buf) == 0 && strcmp(buf, "HUP") == 0,
	    "sig2str HUP");
	OK(sig2str(SIGVTALRM, buf) == 0 && strcmp(buf, "VTALRM") == 0,
	    "sig2str VTALRM (the longest name)");
	OK(sig2str(SIGINFO, buf) == 0 && strcmp(buf, "INFO") == 0,
	    "sig2str INFO");
	OK(sig2str(0, buf) == -1 && sig2str(_NSIG, buf) == -1 &&
	    sig2str(-1, buf) == -1, "sig2str 0, _NSIG, -1: -1");
	ok = 1;
	for (i = 1; i < _NSIG; i++)
		ok &= sig2str(i, buf) == 0 && strcmp(buf, names[i]) == 0 &&
		    str2sig(buf, &sig) == 0 && sig == i;
	OK(ok, "sig2str and str2sig: every signal 1.._NSIG-1, both ways");
	OK(str2sig("KILL", &sig) == 0 && sig == SIGKILL, "str2sig KILL");
	OK(str2sig("USR2", &sig) == 0 && sig == 31, "str2sig USR2 is 31");
	OK(str2sig("9", &sig) == 0 && sig == 9, "str2sig 9");
	OK(str2sig("0", &sig) == 0 && sig == 0, "str2sig 0: the null signal");
	OK(str2sig("31", &sig) == 0 && sig == 31, "str2sig 31");
	sig = 77;
	OK(str2sig("32", &sig) == -1 && str2sig("99999999999", &sig) == -1 &&
	    str2sig("9x", &sig) == -1 && str2sig("-1", &sig) == -1 &&
	    str2sig("", &sig) == -1 && str2sig("SIGKILL", &sig) == -1 &&
	    str2sig("kill", &sig) == -1 && str2sig("KIL", &sig) == -1 &&
	    sig == 77, "str2sig: bad names -1, *pnum untouched");
}

static void test_wait_status(void)
{
	int code, sig, s, ok;

	ok = 1;
	for (code = 0; code < 256; code++) {
		s = W_EXITCODE(code, 0);
		ok &= s == code << 8;
		ok &= (!!WIFEXITED(s)) == host_wifexited(s) && WIFEXITED(s);
		ok &= WEXITSTATUS(s) == host_wexitstatus(s) &&
		    WEXITSTATUS(s) == code;
		ok &= (!!WIFSIGNALED(s)) == host_wifsignaled(s);
		ok &= (!!WIFSTOPPED(s)) == host_wifstopped(s);
	}
	OK(ok, "exit statuses: code << 8, as Linux");
	ok = 1;
	for (sig = 1; sig < 127; sig++) {
		s = W_EXITCODE(0, sig);
		ok &= s == sig;
		ok &= WIFSIGNALED(s) && !WIFEXITED(s) && !WIFSTOPPED(s);
		ok &= (!!WIFSIGNALED(s)) == host_wifsignaled(s);
		ok &= WTERMSIG(s) == host_wtermsig(s) && WTERMSIG(s) == sig;
		ok &= (!!WIFSIGNALED(s | 0x80)) == host_wifsignaled(s | 0x80) &&
		    WCOREDUMP(s | 0x80) && !WCOREDUMP(s);
	}
	OK(ok, "killed statuses: the signal number, as Linux");
	ok = 1;
	for (sig = 1; sig < 32; sig++) {
		s = W_STOPCODE(sig);
		ok &= WIFSTOPPED(s) && !WIFEXITED(s) && !WIFSIGNALED(s);
		ok &= (!!WIFSTOPPED(s)) == host_wifstopped(s);
		ok &= WSTOPSIG(s) == host_wstopsig(s) && WSTOPSIG(s) == sig;
	}
	OK(ok, "stopped statuses: sig << 8 | 0x7f, as Linux");
	OK(WIFCONTINUED(0xffff) && host_wifcontinued(0xffff) &&
	    !WIFCONTINUED(0), "WIFCONTINUED");
	OK(WNOHANG == host_wait_values[0] && WUNTRACED == host_wait_values[1] &&
	    WCONTINUED == host_wait_values[2], "waitpid options as Linux");
}

/* Our <fcntl.h> against the host's values captured above. */
#undef _FCNTL_H
#undef O_RDONLY
#undef O_WRONLY
#undef O_RDWR
#undef O_ACCMODE
#undef O_CREAT
#undef O_EXCL
#undef O_NOCTTY
#undef O_TRUNC
#undef O_APPEND
#undef O_NONBLOCK
#undef O_NDELAY
#undef O_DIRECTORY
#undef O_NOFOLLOW
#undef O_CLOEXEC
#undef F_DUPFD
#undef F_GETFD
#undef F_SETFD
#undef F_GETFL
#undef F_SETFL
#undef F_DUPFD_CLOEXEC
#undef FD_CLOEXEC
#define creat lc_creat
#define fcntl lc_fcntl
#include "../../include/fcntl.h"

static void test_fcntl_values(void)
{
	static const int ours[] = {
		O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE, O_CREAT, O_EXCL,
		O_NOCTTY, O_TRUNC, O_APPEND, O_NONBLOCK, O_DIRECTORY,
		O_NOFOLLOW, O_CLOEXEC, F_DUPFD, F_GETFD, F_SETFD, F_GETFL,
		F_SETFL, F_DUPFD_CLOEXEC, FD_CLOEXEC
	};

	OK(sizeof(ours) == sizeof(host_fcntl_values) &&
	    host_memcmp(ours, host_fcntl_values, sizeof(ours)) == 0,
	    "<fcntl.h> values are Linux's");
	OK(O_CREAT == 0100 && O_TRUNC == 01000 && O_APPEND == 02000 &&
	    O_CLOEXEC == 02000000, "O_* octal values");
}

int main(void)
{
	/* The standard streams: terminals, as an interactive shell has. */
	fd_bind(0, "stdin", O_RDONLY, 1, 1);
	fd_bind(1, "stdout", O_WRONLY, 1, 1);
	fd_bind(2, "stderr", O_WRONLY, 1, 1);

	test_std_streams();
	test_fopen();
	test_fdopen();
	test_fgets();
	test_getline();
	test_getenv();
	test_ungetc();
	test_fread_fwrite();
	test_update_modes();
	test_seek();
	test_buffer_modes();
	test_errors();
	test_sticky_eof();
	test_perror();
	test_printf_stream();
	test_exit();
	test_dirent();
	test_dirent_bad_records();
	test_gmtime();
	test_mktime();
	test_strftime();
	test_asctime();
	test_getopt();
	test_string2();
	test_sigset();
	test_sig2str();
	test_wait_status();
	test_fcntl_values();
	return tap_done();
}
