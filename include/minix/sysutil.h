/* minix/sysutil.h - libsys utilities with MINIX's names and signatures:
 * a service's arguments as "key=value" parameters (env_*), time (ticks,
 * delays, the TSC) and panic().
 */
#ifndef _MINIX_SYSUTIL_H
#define _MINIX_SYSUTIL_H
#include <minix/type.h>
#include <minix/const.h>

/* env_parse() results. */
#define EP_BUF_SIZE 128 /* the longest value env_parse() reads */
#define EP_UNSET    0   /* not given */
#define EP_OFF      1   /* key=off */
#define EP_ON       2   /* key=on, or the field left empty */
#define EP_SET      3   /* the field has a value: in *param */
#define EP_EGETKENV 4   /* (not used: there is no boot monitor environment) */

/* The arguments of the service (from `service up ... -args`, or the boot
 * module's line), set by env_setargs(): "key=value" words are parameters. */
extern int env_argc;
extern char **env_argv;
void env_setargs(int argc, char *argv[]);
/* The value of key: OK, ESRCH if not given, E2BIG if longer than max_size-1. */
int env_get_param(const char *key, char *value, int max_size);
/* Does the value of env start with prefix (followed by nothing or a
 * punctuation mark)? */
int env_prefix(const char *env, const char *prefix);
void env_panic(const char *key) __attribute__((__noreturn__));
/* Field `field` of key's value ("300:3,..."), fmt giving each field's radix
 * ('d' 10, 'o' 8, 'x' 16, 'c' any, '*' skip): EP_*; out of [min, max] or
 * malformed panics, as in MINIX. */
int env_parse(const char *env, const char *fmt, int field, long *param,
	long min, long max);

int printf(const char *fmt, ...);  /* libc's, as MINIX declares it here */
void panic(const char *fmt, ...) __attribute__((__noreturn__, __format__(__printf__, 1, 2)));

clock_t getticks(void);                  /* ticks since boot */
int getuptime(clock_t *ticks, clock_t *realtime, time_t *boottime);
int tickdelay(clock_t ticks);            /* sleep; other alarms are kept */
int micro_delay(u32_t micros);           /* busy wait, on the TSC */
int tsc_calibrate(void);
u32_t tsc_get_khz(void);
u32_t micros_to_ticks(u32_t micros);
int sys_hz(void);
#endif
