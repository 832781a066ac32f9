/* test_sysutil.c - host unit tests for lib/libsys/env.c (env_get_param,
 * env_prefix, env_parse) and lib/libsys/optset.c (optset_parse), the
 * MINIX helpers a driver uses to read its arguments.  panic() is faked
 * with a longjmp so that the cases MINIX panics on are checked too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include <minix/errno.h>
#include <minix/const.h>

static jmp_buf panic_jb;
static char panic_msg[128];
void panic(const char *fmt, ...);
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	va_end(ap);
	longjmp(panic_jb, 1);
}

#include "../../lib/libsys/env.c"
#include "../../lib/libsys/optset.c"

/* env_parse, or -1 if it panicked. */
static int parse(const char *key, const char *fmt, int field, long *v, long min, long max)
{
	if (setjmp(panic_jb))
		return -1;
	return env_parse(key, fmt, field, v, min, max);
}

int main(void)
{
	char *argv[] = { "hello", "irq=5", "io=0x300:9,2", "mode=on", "off=off",
		"name=ide0", "long=0123456789", "empty=", "io=0x340:11", NULL };
	char buf[8];
	long v = -7;
	int flag = 0, num = 0, hex = 0;
	char str[6] = "zzzzz";
	char opts[] = "verbose,size=42,mask=ff,label=disk12345,junk=1,mask";
	struct optset tab[] = {
		{ "verbose", OPT_BOOL, &flag, 3 },
		{ "size", OPT_INT, &num, 10 },
		{ "mask", OPT_INT, &hex, 16 },
		{ "label", OPT_STRING, str, sizeof(str) },
		{ NULL, 0, NULL, 0 },
	};

	env_setargs(9, argv);
	CHECK_EQ(env_get_param("irq", buf, sizeof(buf)), OK, "env_get_param finds irq");
	CHECK(strcmp(buf, "5") == 0, "its value is 5");
	CHECK_EQ(env_get_param("io", buf, sizeof(buf)), E2BIG, "io=0x340:11 is too long for 8 bytes");
	CHECK_EQ(env_get_param("ir", buf, sizeof(buf)), ESRCH, "a prefix of a key is not the key");
	CHECK_EQ(env_get_param("hello", buf, sizeof(buf)), ESRCH, "argv[0] is not a parameter");
	CHECK_EQ(env_get_param("empty", buf, sizeof(buf)), OK, "an empty value is given");
	CHECK(buf[0] == '\0', "and empty");
	CHECK_EQ(env_get_param("", buf, sizeof(buf)), EINVAL, "an empty key is refused");
	CHECK_EQ(env_prefix("name", "ide"), 0, "ide0 does not have the prefix ide (no punctuation after)");
	CHECK_EQ(env_prefix("name", "ide0"), 1, "ide0 has the prefix ide0");
	CHECK_EQ(env_prefix("io", "0x340"), 1, "the last io= counts: 0x340:11");
	CHECK_EQ(parse("irq", "d", 0, &v, 0, 15), EP_SET, "irq=5 parses");
	CHECK_EQ(v, 5, "to 5");
	v = -7;
	CHECK_EQ(parse("nosuch", "d", 0, &v, 0, 15), EP_UNSET, "a missing key is EP_UNSET");
	CHECK_EQ(v, -7, "and leaves the value alone");
	CHECK_EQ(parse("mode", "d", 0, &v, 0, 15), EP_ON, "on is EP_ON");
	CHECK_EQ(parse("off", "d", 0, &v, 0, 15), EP_OFF, "off is EP_OFF");
	CHECK_EQ(parse("io", "xd", 0, &v, 0, 0xffff), EP_SET, "io field 0 in hex");
	CHECK_EQ(v, 0x340, "is 0x340");
	CHECK_EQ(parse("io", "xd", 1, &v, 0, 100), EP_SET, "io field 1 in decimal");
	CHECK_EQ(v, 11, "is 11");
	CHECK_EQ(parse("irq", "dd", 1, &v, 0, 15), EP_ON, "a field not given is EP_ON");
	CHECK_EQ(parse("irq", "d", 0, &v, 6, 15), -1, "out of range panics");
	CHECK(strstr(panic_msg, "irq=5") != NULL, "naming the argument");
	CHECK_EQ(parse("name", "d", 0, &v, 0, 15), -1, "not a number panics");
	CHECK_EQ(parse("irq", "q", 0, &v, 0, 15), -1, "a bad format panics");

	optset_parse(tab, opts);
	CHECK_EQ(flag, 3, "optset: a bare flag stores os_val");
	CHECK_EQ(num, 42, "optset: size=42 in base 10");
	CHECK_EQ(hex, 0xff, "optset: mask=ff in base 16; a later bare mask changes nothing");
	CHECK(strcmp(str, "disk1") == 0, "optset: a string is cut to its buffer");
	return tap_done();
}
