/* assert.h - assert(expr): if expr is false, print it with its file, line
 * and function on stderr and abort() (a service: panic).  NDEBUG turns it
 * off; the header may be included again with another NDEBUG. */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif
#ifndef _ASSERT_H_DECL
#define _ASSERT_H_DECL
void __assert_fail(const char *expr, const char *file, int line,
	const char *func) __attribute__((__noreturn__));
#endif
