/* panic.c - MINIX's libsys panic(): a service that cannot go on says why
 * on the console and exits with that reason, which its supervisor (RS)
 * reads from its memory (SYS_EXIT's reason, KSIG_EXIT) and keeps as the
 * service's last failure before restarting it.
 */
#include <stdio.h>
#include <stdarg.h>
#include <minix/syslib.h>

#define PANIC_LEN 64
#define PANIC_STATUS 1

static char reason[PANIC_LEN];

void panic(const char *fmt, ...)
{
	char name[PROC_NAME_LEN] = "?";
	endpoint_t me;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	sys_whoami(&me, name, sizeof(name), NULL, NULL);
	printf("%s: panic: %s\n", name, reason);
	sys_exit_why(PANIC_STATUS, reason);
}
