/* tap.h - tiny TAP helpers for the host unit tests.
 *
 * CHECK_EQ(a, b, name) prints "ok N - name" or "not ok N - name: got X want Y".
 * tap_done() prints "N passed, N failed" and returns the exit code.
 */
#ifndef TAP_H
#define TAP_H
#include <stdio.h>

static int tap_n, tap_fail;

static inline void tap_result(int ok, const char *name, long got, long want)
{
	tap_n++;
	if (ok) {
		printf("ok %d - %s\n", tap_n, name);
	} else {
		tap_fail++;
		printf("not ok %d - %s: got %ld want %ld\n", tap_n, name, got,
		    want);
	}
}

#define CHECK_EQ(a, b, name)                                         \
	do {                                                         \
		long _a = (long)(a), _b = (long)(b);                 \
		tap_result(_a == _b, (name), _a, _b);                \
	} while (0)
#define CHECK(c, name)                                               \
	do {                                                         \
		int _c = !!(c);                                      \
		tap_result(_c, (name), _c, 1);                       \
	} while (0)

static inline int tap_done(void)
{
	printf("%d passed, %d failed\n", tap_n - tap_fail, tap_fail);
	return tap_fail ? 1 : 0;
}
#endif
