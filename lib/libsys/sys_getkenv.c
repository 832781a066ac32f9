/* sys_getkenv.c - the kernel's command line (SYS_GETINFO GET_MONPARAMS)
 * and its "key=value" words, as MINIX's sys_getmonparams() and
 * sys_getkenv(): how VFS learns its root device ("root=virtio_blk:0").
 * (A service's own arguments are env_get_param()'s, env.c.)
 */
#include <string.h>
#include <minix/syslib.h>

int sys_getmonparams(char *buf, size_t len)
{
	return sys_getinfo(GET_MONPARAMS, buf, (int)len, NULL, 0);
}

int sys_getkenv(const char *key, char *value, int max_len)
{
	static char line[256];
	size_t k = strlen(key), n;
	const char *p, *e;
	int r;

	if ((r = sys_getmonparams(line, sizeof(line))) != OK)
		return r;
	line[sizeof(line) - 1] = '\0';
	for (p = line; *p; p = e) {
		while (*p == ' ')
			p++;
		for (e = p; *e && *e != ' '; e++)
			;
		if ((size_t)(e - p) <= k || strncmp(p, key, k) != 0 || p[k] != '=')
			continue;
		n = (size_t)(e - p) - k - 1;
		if (max_len <= 0 || n + 1 > (size_t)max_len)
			return E2BIG;
		memcpy(value, p + k + 1, n);
		value[n] = '\0';
		return OK;
	}
	return ESRCH;
}
