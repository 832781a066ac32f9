/* sys_getmonparams.c - the kernel's command line (SYS_GETINFO
 * GET_MONPARAMS), MINIX's name; env_get_param() falls back to it.
 */
#include <minix/syslib.h>

int sys_getmonparams(char *buf, size_t len)
{
	return sys_getinfo(GET_MONPARAMS, SELF, buf, len);
}
