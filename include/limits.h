/* limits.h - gcc's own limits.h, with no libc one beneath it. */
#ifndef _LIMITS_H
#define _LIMITS_H
#define _LIBC_LIMITS_H_
#include_next <limits.h>
#endif
