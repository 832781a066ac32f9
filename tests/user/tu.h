/* tu.h - what the parts of /bin/tests (tests.c and every t_*.c)
 * share: the failure reason, the T_* assertions, and running a program
 * with its output captured (tu.c).
 */
#ifndef TU_H
#define TU_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

extern char reason[256];	/* tests.c: why a test failed */

/* ---- assertions: on failure fill reason and return 1 from the test ---- */

#define T_FAIL(...)							\
	do {								\
		int n_ = snprintf(reason, sizeof(reason), "line %d: ", __LINE__); \
		snprintf(reason + n_, sizeof(reason) - (size_t)n_, __VA_ARGS__); \
		return 1;						\
	} while (0)

#define T_EQ(got, want)							\
	do {								\
		long long g_ = (long long)(got), w_ = (long long)(want); \
		if (g_ != w_)						\
			T_FAIL("%s = %lld, want %lld (errno %d)", #got,	\
			    g_, w_, errno);				\
	} while (0)

#define T_TRUE(cond)							\
	do {								\
		if (!(cond))						\
			T_FAIL("%s is false (errno %d)", #cond, errno);	\
	} while (0)

/* call must fail with -1 and errno e. */
#define T_ERR(call, e)							\
	do {								\
		long long r_;						\
		errno = 0;						\
		r_ = (long long)(call);					\
		if (r_ != -1 || errno != (e))				\
			T_FAIL("%s = %lld errno %d (%s), want -1 errno %d (%s)", \
			    #call, r_, errno, strerror(errno), (e),	\
			    strerror(e));				\
	} while (0)

#define T_STR(got, want)						\
	do {								\
		if (strcmp((got), (want)) != 0)				\
			T_FAIL("%s = \"%s\", want \"%s\"", #got, (got), (want)); \
	} while (0)

/* Read the whole of fd into buf (at most max bytes); the count or -1. */
ssize_t tu_read_all(int fd, void *buf, size_t max);

/* Run argv (with env if not NULL) with stdout on a pipe, and stderr too
 * if with_stderr; what it printed goes to out (at most max - 1 bytes,
 * NUL-terminated).  Its status word, or -1.
 */
int tu_capture(char *const argv[], char *const env[], int with_stderr,
	char *out, size_t max);

#endif /* TU_H */
