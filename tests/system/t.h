/* t.h - the in-guest test framework.
 *
 * A test is `int test_x(void)` returning 0 on success; the T_* macros
 * return 1 with a reason (file:line and the values) on the first failed
 * check.  The runner runs every test in a fresh forked process, leaks are
 * checked after each (process slots and page frames), and helpers a test
 * forks are its own to clean up (the runner removes any left over).
 */
#ifndef T_H
#define T_H

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <minix/syslib.h>

#define T_REASON_LEN 52
extern char t_reason[T_REASON_LEN];
extern endpoint_t t_runner; /* the runner's endpoint */
extern int t_argc;          /* the runner's command line */
extern char **t_argv;

int t_failf(const char *file, int line, const char *fmt, ...);

#define T_FAIL(...) return t_failf(__FILE__, __LINE__, __VA_ARGS__)
#define T_EQ(a, b)                                                          \
	do {                                                                \
		long _a = (long)(a), _b = (long)(b);                        \
		if (_a != _b)                                               \
			T_FAIL("got %ld want %ld", _a, _b);                 \
	} while (0)
#define T_TRUE(c)                                                           \
	do {                                                                \
		if (!(c))                                                   \
			T_FAIL("%s", #c);                                   \
	} while (0)

/* Processes. */
endpoint_t t_self(void);
endpoint_t t_fork(void (*fn)(void *), void *arg); /* child runs fn, exits */
endpoint_t t_fork_stopped(void (*fn)(void *), void *arg);
int t_wait_ksig(endpoint_t ep, int ticks);  /* signal mask, 0 on timeout */
void t_sleep(int ticks);
clock_t t_now(void);
void t_spin(int ticks);                      /* busy for that many ticks */
int t_reply(endpoint_t to, int type, int value); /* send a small message */
int t_expect(endpoint_t from, int type, int *value); /* receive one */
/* One block-driver request to ep (SENDREC): the reply's status; the IPC
 * error if the driver is gone; EGENERIC for a reply that is not the
 * BDEV_REPLY of this request. */
int t_bdev(endpoint_t ep, int type, int minor, uint64_t pos, cp_grant_id_t g,
	uint32_t count);

/* Every test, declared once (tests.h lists them). */
#define T_DECL(name) int name(void);
#include "tests.h"
#undef T_DECL

#endif
