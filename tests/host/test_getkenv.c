/* test_getkenv.c - host unit tests for lib/libsys/sys_getkenv.c: the
 * "key=value" words of the kernel's command line (root=LABEL:MINOR).
 *
 * sys_getkenv.c is #included with a fake sys_getinfo() that answers
 * GET_MONPARAMS with a command line the test sets.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

#define _MINIX_SYSLIB_H   /* the fake below stands in for libsys */
#include <minix/errno.h>
#include <minix/com.h>
#include <minix/endpoint.h>

static const char *cmdline;
static int getinfo_fail;

int sys_getinfo(int request, void *ptr, int len, void *ptr2, int len2)
{
	(void)ptr2;
	(void)len2;
	if (getinfo_fail)
		return EPERM;
	if (request != GET_MONPARAMS || len < 256)
		return EINVAL;
	memset(ptr, 'z', (size_t)len);          /* a full buffer with no NUL... */
	strncpy(ptr, cmdline, (size_t)len);     /* ...unless the line ends */
	return OK;
}

#include "../../lib/libsys/sys_getkenv.c"

int main(void)
{
	char v[16];
	static char longline[300];

	cmdline = "root=virtio_blk:0 quiet x=";
	CHECK_EQ(sys_getkenv("root", v, sizeof(v)), OK, "root= found");
	CHECK(strcmp(v, "virtio_blk:0") == 0, "its value");
	CHECK_EQ(sys_getkenv("x", v, sizeof(v)), OK, "an empty value");
	CHECK(strcmp(v, "") == 0, "is empty");
	CHECK_EQ(sys_getkenv("quiet", v, sizeof(v)), ESRCH, "a word without = is no parameter");
	CHECK_EQ(sys_getkenv("roo", v, sizeof(v)), ESRCH, "a prefix of a key does not match");
	CHECK_EQ(sys_getkenv("ro", v, sizeof(v)), ESRCH, "nor a shorter one");
	CHECK_EQ(sys_getkenv("root", v, 12), E2BIG, "value and NUL in 13 bytes, not 12");
	CHECK_EQ(sys_getkenv("root", v, 13), OK, "13 bytes hold it");
	cmdline = "  a=1   root=memory:2  ";
	CHECK_EQ(sys_getkenv("root", v, sizeof(v)), OK, "blanks around words");
	CHECK(strcmp(v, "memory:2") == 0, "its value, without the blanks");
	cmdline = "";
	CHECK_EQ(sys_getkenv("root", v, sizeof(v)), ESRCH, "an empty command line");
	memset(longline, 'y', sizeof(longline) - 1);
	memcpy(longline + 259, " root=x", 7);
	cmdline = longline;
	CHECK_EQ(sys_getkenv("root", v, sizeof(v)), ESRCH,
	    "a word past byte 255 of the line is not seen");
	getinfo_fail = 1;
	CHECK_EQ(sys_getkenv("root", v, sizeof(v)), EPERM, "the kernel call's error");
	return tap_done();
}
