/* string.c - the <string.h> functions: memory blocks, strings, strerror.
 *
 * memcpy, memmove and memset move 32-bit words with rep movsl/stosl and the
 * tail with rep movsb/stosb on i386; elsewhere (host tests) plain C loops.
 * Everything else is simple byte-at-a-time C.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <minix/errno.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
#if defined(__i386__)
	int ecx, edi, esi;

	__asm__ __volatile__(
		"rep movsl\n\t"
		"movl %4, %%ecx\n\t"
		"rep movsb"
		: "=&c" (ecx), "=&D" (edi), "=&S" (esi)
		: "0" (n >> 2), "rm" (n & 3), "1" (dst), "2" (src)
		: "memory");
#else
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n-- > 0)
		*d++ = *s++;
#endif
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		/* d is below s or past the end of s: copying upwards is safe
		 * (for dwords too, each is read before it is written).
		 */
#if defined(__i386__)
		return memcpy(dst, src, n);
#else
		while (n-- > 0)
			*d++ = *s++;
#endif
	} else {
		/* d overlaps the end of s: copy downwards. */
#if defined(__i386__)
		int ecx, edi, esi;

		__asm__ __volatile__(
			"std\n\t"
			"rep movsb\n\t"		/* the n & 3 top bytes */
			"movl %4, %%ecx\n\t"
			"subl $3, %%esi\n\t"
			"subl $3, %%edi\n\t"
			"rep movsl\n\t"		/* then whole dwords */
			"cld"
			: "=&c" (ecx), "=&D" (edi), "=&S" (esi)
			: "0" (n & 3), "rm" (n >> 2), "1" (d + n - 1),
			  "2" (s + n - 1)
			: "memory", "cc");
#else
		d += n;
		s += n;
		while (n-- > 0)
			*--d = *--s;
#endif
	}
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
#if defined(__i386__)
	int ecx, edi;

	__asm__ __volatile__(
		"rep stosl\n\t"
		"movl %3, %%ecx\n\t"
		"rep stosb"
		: "=&c" (ecx), "=&D" (edi)
		: "0" (n >> 2), "rm" (n & 3), "1" (dst),
		  "a" ((unsigned char)c * 0x01010101u)
		: "memory");
#else
	unsigned char *d = dst;

	while (n-- > 0)
		*d++ = (unsigned char)c;
#endif
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n > 0; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;

	while ((*d++ = *src++) != '\0')
		;
	return dst;
}

/* Copy at most n bytes of src and pad the rest of dst with NULs. */
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst;

	for (; n > 0 && *src != '\0'; n--)
		*d++ = *src++;
	for (; n > 0; n--)
		*d++ = '\0';
	return dst;
}

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Append at most n bytes of src, always followed by a NUL. */
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);

	for (; n > 0 && *src != '\0'; n--)
		*d++ = *src++;
	*d = '\0';
	return dst;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p != '\0' && *p == *q) {
		p++;
		q++;
	}
	return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n > 0; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
		if (*p == '\0')
			break;
	}
	return 0;
}

/* The terminating NUL counts as part of the string: strchr(s, 0) finds it. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return (char *)hay;
	for (; *hay != '\0'; hay++) {
		if (*hay == *needle && strncmp(hay, needle, n) == 0)
			return (char *)hay;
	}
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
		n++;
	return n;
}

/* Split s into tokens separated by runs of delim bytes; *save remembers
 * where to go on when s is NULL.
 */
char *strtok_r(char *restrict s, const char *restrict delim,
	char **restrict save)
{
	char *tok;

	if (s == NULL)
		s = *save;
	if (s == NULL)
		return NULL;
	s += strspn(s, delim);
	if (*s == '\0') {
		*save = NULL;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s != '\0')
		*s++ = '\0';
	else
		s = NULL;
	*save = s;
	return tok;
}

/* strerror() takes the positive numbers user programs see in errno; the
 * table folds the sign away in case this file is built with _SYSTEM.
 */
#define ERR(e, msg)	{ (e) < 0 ? -(e) : (e), msg }

static const struct err_msg {
	int num;
	const char *msg;
} err_msgs[] = {
	ERR(EPERM, "Operation not permitted"),
	ERR(ENOENT, "No such file or directory"),
	ERR(ESRCH, "No such process"),
	ERR(EINTR, "Interrupted system call"),
	ERR(EIO, "Input/output error"),
	ERR(ENXIO, "Device not configured"),
	ERR(E2BIG, "Argument list too long"),
	ERR(ENOEXEC, "Exec format error"),
	ERR(EBADF, "Bad file descriptor"),
	ERR(ECHILD, "No child processes"),
	ERR(EAGAIN, "Resource temporarily unavailable"),
	ERR(ENOMEM, "Cannot allocate memory"),
	ERR(EACCES, "Permission denied"),
	ERR(EFAULT, "Bad address"),
	ERR(ENOTBLK, "Block device required"),
	ERR(EBUSY, "Device or resource busy"),
	ERR(EEXIST, "File exists"),
	ERR(EXDEV, "Cross-device link"),
	ERR(ENODEV, "No such device"),
	ERR(ENOTDIR, "Not a directory"),
	ERR(EISDIR, "Is a directory"),
	ERR(EINVAL, "Invalid argument"),
	ERR(ENFILE, "Too many open files in system"),
	ERR(EMFILE, "Too many open files"),
	ERR(ENOTTY, "Inappropriate ioctl for device"),
	ERR(ETXTBSY, "Text file busy"),
	ERR(EFBIG, "File too large"),
	ERR(ENOSPC, "No space left on device"),
	ERR(ESPIPE, "Illegal seek"),
	ERR(EROFS, "Read-only file system"),
	ERR(EMLINK, "Too many links"),
	ERR(EPIPE, "Broken pipe"),
	ERR(EDOM, "Numerical argument out of domain"),
	ERR(ERANGE, "Result too large"),
	ERR(EDEADLK, "Resource deadlock avoided"),
	ERR(ENAMETOOLONG, "File name too long"),
	ERR(ENOLCK, "No locks available"),
	ERR(ENOSYS, "Function not implemented"),
	ERR(ENOTEMPTY, "Directory not empty"),
	ERR(ELOOP, "Too many levels of symbolic links"),
	ERR(ENOTSUP, "Operation not supported"),
	ERR(ETIMEDOUT, "Operation timed out"),
	ERR(EGENERIC, "Generic error"),
	ERR(ERESTART, "Restart system call"),
	ERR(ELOCKED, "Send would deadlock"),
	ERR(EBADCALL, "Bad kernel call or IPC primitive"),
	ERR(ECALLDENIED, "Call not permitted"),
	ERR(EDEADSRCDST, "Source or destination is dead"),
	ERR(ENOTREADY, "Destination not ready"),
	ERR(EBADREQUEST, "Destination cannot handle request"),
	ERR(ETRAPDENIED, "IPC trap not allowed"),
	ERR(EDONTREPLY, "Do not reply"),
};

char *strerror(int errnum)
{
	size_t i;

	for (i = 0; i < sizeof(err_msgs) / sizeof(err_msgs[0]); i++) {
		if (err_msgs[i].num == errnum)
			return (char *)err_msgs[i].msg;
	}
	return (char *)"Unknown error";
}
