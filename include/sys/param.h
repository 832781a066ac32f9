/* sys/param.h - the BSD arithmetic macros a MINIX driver gets through
 * <minix/driver.h>: roundup(), rounddown(), howmany(), powerof2(), MIN(),
 * MAX() and NBBY.  Each argument may be evaluated more than once.
 */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#define NBBY 8                                  /* bits in a byte */
#define howmany(x, y)   (((x) + ((y) - 1)) / (y))   /* units of y to hold x */
#define roundup(x, y)   ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) (((x) / (y)) * (y))
#define powerof2(x)     ((((x) - 1) & (x)) == 0)    /* true for 0, as BSD's */
#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#endif
