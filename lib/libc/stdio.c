/* stdio.c - buffered streams over read(), write() and lseek().
 *
 * FILEs live in a fixed table of FOPEN_MAX: stdin, stdout and stderr
 * first, then the slots fopen() and fdopen() hand out.  A stream's buffer
 * is set up on its first read or write: a stream is line buffered if its
 * fd is a terminal (isatty), else fully buffered, and stderr unbuffered;
 * stdin and stdout use static buffers, other streams get BUFSIZ bytes
 * from malloc() (unbuffered if that fails).  setvbuf() may choose
 * otherwise before that.
 *
 * A buffer is in one of two modes: F_RDING, it holds read-ahead
 * [f_pos, f_len); F_WRING, it holds output [0, f_len) not yet written.  Going
 * from one to the other flushes the output, or seeks the fd back over the
 * read-ahead, so "r+" streams work without an fseek() in between.  Reads
 * and writes of at least a buffer's size bypass the buffer.  One
 * character of ungetc() push-back is kept apart in f_ungot.
 *
 * An output error sets the error indicator and drops the output that
 * could not be written.  The end-of-file indicator is sticky: once read()
 * returned 0, reads return EOF until clearerr(), fseek() or ungetc().
 * exit() calls __stdio_exit(), which flushes every output stream.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <minix/errno.h>

extern int errno;

#define LONG_MAX_	__LONG_MAX__

/* f_flags */
#define F_USED		0x0001	/* slot in use */
#define F_READ		0x0002	/* opened for reading */
#define F_WRITE		0x0004	/* opened for writing */
#define F_EOF		0x0008	/* end-of-file indicator */
#define F_ERR		0x0010	/* error indicator */
#define F_RDING		0x0020	/* buf holds read-ahead */
#define F_WRING		0x0040	/* buf holds output (or is ready to) */
#define F_NBF		0x0080	/* unbuffered */
#define F_LBF		0x0100	/* line buffered */
#define F_FBF		0x0200	/* fully buffered */
#define F_SETUP		0x0400	/* buffer in place */
#define F_MYBUF		0x0800	/* buf came from malloc(): free it */
#define F_MODES		(F_NBF | F_LBF | F_FBF)

struct __stdio_file {
	int f_fd;
	int f_flags;
	unsigned char *f_buf;
	size_t f_size;		/* bytes in f_buf (wanted size before setup) */
	size_t f_pos;		/* reading: next byte of f_buf */
	size_t f_len;		/* reading: end of the read-ahead; writing:
				 * bytes waiting to be written */
	int f_ungot;		/* pushed back by ungetc(), or EOF */
	unsigned char f_one;	/* the buffer of an unbuffered stream */
};

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static FILE files[FOPEN_MAX] = {
	{ .f_fd = 0, .f_flags = F_USED | F_READ, .f_ungot = EOF },
	{ .f_fd = 1, .f_flags = F_USED | F_WRITE, .f_ungot = EOF },
	{ .f_fd = 2, .f_flags = F_USED | F_WRITE | F_NBF, .f_ungot = EOF },
};

FILE *stdin = &files[0];
FILE *stdout = &files[1];
FILE *stderr = &files[2];

/* ---- buffers ---- */

/* Put the buffer in place before the first transfer. */
static void setup(FILE *f)
{
	int e;

	if (f->f_flags & F_SETUP)
		return;
	f->f_flags |= F_SETUP;
	if (!(f->f_flags & F_MODES)) {
		e = errno;		/* isatty's ENOTTY is no error here */
		f->f_flags |= isatty(f->f_fd) > 0 ? F_LBF : F_FBF;
		errno = e;
	}
	if (!(f->f_flags & F_NBF) && f->f_buf == NULL) {
		if (f->f_size == 0)
			f->f_size = BUFSIZ;
		if (f == &files[0] && f->f_size <= sizeof(stdin_buf)) {
			f->f_buf = stdin_buf;
		} else if (f == &files[1] && f->f_size <= sizeof(stdout_buf)) {
			f->f_buf = stdout_buf;
		} else if ((f->f_buf = malloc(f->f_size)) != NULL) {
			f->f_flags |= F_MYBUF;
		} else {
			f->f_flags &= ~F_MODES;
			f->f_flags |= F_NBF;
		}
	}
	if (f->f_flags & F_NBF) {
		f->f_buf = &f->f_one;
		f->f_size = 1;
	}
}

/* Bytes the fd's offset is ahead of the stream's position. */
static size_t read_ahead(const FILE *f)
{
	return (f->f_flags & F_RDING ? f->f_len - f->f_pos : 0) +
	    (f->f_ungot != EOF);
}

/* Give up the read-ahead, seeking the fd back to the stream's position.
 * If the fd cannot seek (a pipe, a terminal), the read-ahead is dropped
 * anyway when force is set, else kept; errno is left alone.
 */
static void drop_input(FILE *f, int force)
{
	size_t ahead = read_ahead(f);
	int e = errno;

	if (ahead > 0 && lseek(f->f_fd, -(off_t)ahead, SEEK_CUR) < 0 &&
	    !force) {
		errno = e;
		return;
	}
	errno = e;
	f->f_flags &= ~F_RDING;
	f->f_pos = f->f_len = 0;
	f->f_ungot = EOF;
}

/* write() all n bytes; returns how many were written before an error. */
static size_t write_fd(FILE *f, const unsigned char *p, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = write(f->f_fd, p + done, n - done);
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			f->f_flags |= F_ERR;
			break;
		}
		done += (size_t)r;
	}
	return done;
}

/* Write out the buffered output.  On an error what is left is dropped. */
static int flush_out(FILE *f)
{
	size_t n = f->f_len;

	if (!(f->f_flags & F_WRING) || n == 0)
		return 0;
	f->f_len = 0;
	return write_fd(f, f->f_buf, n) == n ? 0 : EOF;
}

/* Before a read() on an unbuffered or line-buffered stream: write out the
 * line-buffered output streams, so that a prompt is seen.
 */
static void flush_lines(void)
{
	int i;

	for (i = 0; i < FOPEN_MAX; i++)
		if ((files[i].f_flags & (F_USED | F_LBF | F_WRING)) ==
		    (F_USED | F_LBF | F_WRING))
			flush_out(&files[i]);
}

/* ---- reading ---- */

static int prepare_read(FILE *f)
{
	if (!(f->f_flags & F_READ)) {
		f->f_flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->f_flags & F_WRING) {
		if (flush_out(f) == EOF)
			return EOF;
		f->f_flags &= ~F_WRING;
	}
	setup(f);
	return 0;
}

/* read() into p; sets the indicators on end of file or an error. */
static ssize_t read_fd(FILE *f, void *p, size_t n)
{
	ssize_t r;

	if (f->f_flags & (F_NBF | F_LBF))
		flush_lines();
	r = read(f->f_fd, p, n);
	if (r < 0)
		f->f_flags |= F_ERR;
	else if (r == 0)
		f->f_flags |= F_EOF;
	return r;
}

/* Refill the buffer; 0, or EOF at the end of the file or on an error. */
static int fill(FILE *f)
{
	ssize_t r;

	if (prepare_read(f) == EOF || (f->f_flags & F_EOF))
		return EOF;
	f->f_flags |= F_RDING;
	f->f_pos = f->f_len = 0;
	if ((r = read_fd(f, f->f_buf, f->f_size)) <= 0)
		return EOF;
	f->f_len = (size_t)r;
	return 0;
}

int fgetc(FILE *f)
{
	int c;

	if (f->f_ungot != EOF) {
		c = f->f_ungot;
		f->f_ungot = EOF;
		return c;
	}
	if (!(f->f_flags & F_RDING) || f->f_pos >= f->f_len) {
		if (fill(f) == EOF)
			return EOF;
	}
	return f->f_buf[f->f_pos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
	if (c == EOF || f->f_ungot != EOF || !(f->f_flags & F_READ))
		return EOF;
	if (f->f_flags & F_WRING) {
		if (flush_out(f) == EOF)
			return EOF;
		f->f_flags &= ~F_WRING;
	}
	f->f_ungot = (unsigned char)c;
	f->f_flags &= ~F_EOF;
	return (unsigned char)c;
}

size_t fread(void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	unsigned char *dst = p;
	size_t want, done = 0, k;
	ssize_t r;

	if (size == 0 || n == 0)
		return 0;
	if (n > SIZE_MAX / size) {
		f->f_flags |= F_ERR;
		errno = EINVAL;
		return 0;
	}
	want = size * n;
	if (f->f_ungot != EOF) {
		dst[done++] = (unsigned char)f->f_ungot;
		f->f_ungot = EOF;
	}
	while (done < want) {
		if (f->f_flags & F_RDING && f->f_pos < f->f_len) {
			k = f->f_len - f->f_pos;
			if (k > want - done)
				k = want - done;
			memcpy(dst + done, f->f_buf + f->f_pos, k);
			f->f_pos += k;
			done += k;
		} else if (prepare_read(f) == EOF || (f->f_flags & F_EOF)) {
			break;
		} else if (want - done >= f->f_size) {
			/* A buffer's worth or more: straight into p. */
			f->f_flags |= F_RDING;
			f->f_pos = f->f_len = 0;
			if ((r = read_fd(f, dst + done, want - done)) <= 0)
				break;
			done += (size_t)r;
		} else if (fill(f) == EOF) {
			break;
		}
	}
	return done / size;
}

char *fgets(char *restrict s, int n, FILE *restrict f)
{
	size_t i = 0, k, room;
	unsigned char *nl;
	int c, had_error = f->f_flags & F_ERR;

	if (n <= 0)
		return NULL;
	room = (size_t)n - 1;
	while (i < room) {
		if (f->f_ungot == EOF && f->f_flags & F_RDING &&
		    f->f_pos < f->f_len) {
			/* Copy from the buffer up to a newline. */
			k = f->f_len - f->f_pos;
			if (k > room - i)
				k = room - i;
			nl = memchr(f->f_buf + f->f_pos, '\n', k);
			if (nl != NULL)
				k = (size_t)(nl - (f->f_buf + f->f_pos)) + 1;
			memcpy(s + i, f->f_buf + f->f_pos, k);
			f->f_pos += k;
			i += k;
			if (nl != NULL)
				break;
			continue;
		}
		if ((c = fgetc(f)) == EOF) {
			if (i == 0 || (!had_error && f->f_flags & F_ERR))
				return NULL;	/* nothing read, or an error */
			break;
		}
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	s[i] = '\0';
	return s;
}

/* ---- writing ---- */

static int prepare_write(FILE *f)
{
	if (!(f->f_flags & F_WRITE)) {
		f->f_flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	if (f->f_flags & F_RDING || f->f_ungot != EOF)
		drop_input(f, 1);
	setup(f);
	f->f_flags |= F_WRING;
	return 0;
}

/* Write n bytes through the buffer.  Returns n, or after an error the
 * number of bytes of p known to have been written.
 */
static size_t stream_write(FILE *f, const unsigned char *p, size_t n)
{
	size_t done = 0, safe = 0, k;

	if (n == 0 || prepare_write(f) == EOF)
		return 0;
	if (f->f_flags & F_NBF)
		return write_fd(f, p, n);
	while (done < n) {
		if (f->f_len == 0 && n - done >= f->f_size) {
			/* A buffer's worth or more: straight from p. */
			k = write_fd(f, p + done, n - done);
			return done + k;
		}
		k = f->f_size - f->f_len;
		if (k > n - done)
			k = n - done;
		memcpy(f->f_buf + f->f_len, p + done, k);
		f->f_len += k;
		done += k;
		if (f->f_len == f->f_size) {
			if (flush_out(f) == EOF)
				return safe;
			safe = done;
		}
	}
	if (f->f_flags & F_LBF && memchr(p, '\n', n) != NULL &&
	    flush_out(f) == EOF)
		return safe;
	return n;
}

size_t fwrite(const void *restrict p, size_t size, size_t n,
	FILE *restrict f)
{
	if (size == 0 || n == 0)
		return 0;
	if (n > SIZE_MAX / size) {
		f->f_flags |= F_ERR;
		errno = EINVAL;
		return 0;
	}
	return stream_write(f, p, size * n) / size;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	/* The common case: room in a buffer already in write mode. */
	if ((f->f_flags & (F_WRING | F_NBF)) == F_WRING &&
	    f->f_len < f->f_size) {
		f->f_buf[f->f_len++] = ch;
		if ((f->f_len == f->f_size || (ch == '\n' &&
		    f->f_flags & F_LBF)) && flush_out(f) == EOF)
			return EOF;
		return ch;
	}
	return stream_write(f, &ch, 1) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int fputs(const char *restrict s, FILE *restrict f)
{
	size_t n = strlen(s);

	return stream_write(f, (const unsigned char *)s, n) == n ? 0 : EOF;
}

/* ---- opening, closing, buffering ---- */

/* The open() flags and stream flags of an fopen() mode, or -1 (EINVAL). */
static int parse_mode(const char *mode, int *oflags, int *fflags)
{
	switch (*mode++) {
	case 'r':
		*oflags = O_RDONLY;
		*fflags = F_READ;
		break;
	case 'w':
		*oflags = O_WRONLY | O_CREAT | O_TRUNC;
		*fflags = F_WRITE;
		break;
	case 'a':
		*oflags = O_WRONLY | O_CREAT | O_APPEND;
		*fflags = F_WRITE;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (; *mode != '\0'; mode++) {
		if (*mode == '+') {
			*oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
			*fflags = F_READ | F_WRITE;
		} else if (*mode == 'x') {
			*oflags |= O_EXCL;
		} else if (*mode == 'e') {
			*oflags |= O_CLOEXEC;
		}			/* 'b' and the rest: ignored */
	}
	return 0;
}

/* A free slot (never one of the standard three), or NULL (EMFILE). */
static FILE *free_slot(void)
{
	int i;

	for (i = 3; i < FOPEN_MAX; i++)
		if (!(files[i].f_flags & F_USED))
			return &files[i];
	errno = EMFILE;
	return NULL;
}

static FILE *init_slot(FILE *f, int fd, int fflags)
{
	memset(f, 0, sizeof(*f));
	f->f_fd = fd;
	f->f_flags = F_USED | fflags;
	f->f_ungot = EOF;
	return f;
}

FILE *fopen(const char *restrict path, const char *restrict mode)
{
	int oflags, fflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &fflags) < 0 || (f = free_slot()) == NULL)
		return NULL;
	if ((fd = open(path, oflags, 0666)) < 0)
		return NULL;
	return init_slot(f, fd, fflags);
}

FILE *fdopen(int fd, const char *mode)
{
	int oflags, fflags, e;
	FILE *f;

	if (fd < 0) {
		errno = EBADF;
		return NULL;
	}
	if (parse_mode(mode, &oflags, &fflags) < 0 || (f = free_slot()) == NULL)
		return NULL;
	if (oflags & O_APPEND) {
		e = errno;	/* an fd that cannot seek stays where it is */
		lseek(fd, 0, SEEK_END);
		errno = e;
	}
	return init_slot(f, fd, fflags);
}

int fclose(FILE *f)
{
	int r = 0;

	if (!(f->f_flags & F_USED)) {
		errno = EBADF;
		return EOF;
	}
	if (f->f_flags & F_WRING)
		r = flush_out(f);
	else
		drop_input(f, 0);	/* leave a shared fd where we were */
	if (close(f->f_fd) < 0)
		r = EOF;
	if (f->f_flags & F_MYBUF)
		free(f->f_buf);
	init_slot(f, -1, 0);
	f->f_flags = 0;
	return r;
}

int fflush(FILE *f)
{
	int i, r = 0;

	if (f == NULL) {
		for (i = 0; i < FOPEN_MAX; i++)
			if (files[i].f_flags & F_USED &&
			    flush_out(&files[i]) == EOF)
				r = EOF;
		return r;
	}
	if (!(f->f_flags & F_USED)) {
		errno = EBADF;
		return EOF;
	}
	if (f->f_flags & F_WRING)
		return flush_out(f);
	drop_input(f, 0);
	return 0;
}

int setvbuf(FILE *restrict f, char *restrict buf, int mode, size_t size)
{
	if (!(f->f_flags & F_USED) ||
	    (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)) {
		errno = EINVAL;
		return EOF;
	}
	/* Normally called before any I/O; otherwise start afresh. */
	if (f->f_flags & F_WRING && flush_out(f) == EOF)
		return EOF;
	drop_input(f, 1);
	if (f->f_flags & F_MYBUF)
		free(f->f_buf);
	f->f_flags &= ~(F_MODES | F_SETUP | F_MYBUF | F_WRING);
	f->f_buf = NULL;
	f->f_size = 0;
	if (mode == _IONBF) {
		f->f_flags |= F_NBF;
	} else {
		f->f_flags |= mode == _IOLBF ? F_LBF : F_FBF;
		if (buf != NULL && size > 0)
			f->f_buf = (unsigned char *)buf;
		f->f_size = size;	/* 0: BUFSIZ */
	}
	return 0;
}

void setbuf(FILE *restrict f, char *restrict buf)
{
	setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

/* ---- position and state ---- */

int fseeko(FILE *f, off_t offset, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (f->f_flags & F_WRING) {
		if (flush_out(f) == EOF)
			return -1;
		f->f_flags &= ~F_WRING;
	}
	if (whence == SEEK_CUR)
		offset -= (off_t)read_ahead(f);
	if (lseek(f->f_fd, offset, whence) < 0)
		return -1;
	f->f_flags &= ~(F_RDING | F_EOF);
	f->f_pos = f->f_len = 0;
	f->f_ungot = EOF;
	return 0;
}

int fseek(FILE *f, long offset, int whence)
{
	return fseeko(f, offset, whence);
}

off_t ftello(FILE *f)
{
	off_t pos = lseek(f->f_fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	if (f->f_flags & F_WRING)
		return pos + (off_t)f->f_len;
	return pos - (off_t)read_ahead(f);
}

long ftell(FILE *f)
{
	off_t pos = ftello(f);

	if (pos > LONG_MAX_) {
		errno = ERANGE;
		return -1;
	}
	return (long)pos;
}

void rewind(FILE *f)
{
	fseeko(f, 0, SEEK_SET);
	f->f_flags &= ~F_ERR;
}

int feof(FILE *f)
{
	return (f->f_flags & F_EOF) != 0;
}

int ferror(FILE *f)
{
	return (f->f_flags & F_ERR) != 0;
}

void clearerr(FILE *f)
{
	f->f_flags &= ~(F_EOF | F_ERR);
}

int fileno(FILE *f)
{
	if (!(f->f_flags & F_USED)) {
		errno = EBADF;
		return -1;
	}
	return f->f_fd;
}

void perror(const char *s)
{
	int e = errno;

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, strerror(e));
	else
		fprintf(stderr, "%s\n", strerror(e));
	errno = e;
}

/* Called by exit(): write out what every stream still holds. */
void __stdio_exit(void)
{
	fflush(NULL);
}
