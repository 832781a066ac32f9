/* assert.c - the failure half of assert() (<assert.h>). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	fflush(stdout);
	fprintf(stderr, "assertion \"%s\" failed: file \"%s\", line %d, function \"%s\"\n",
		expr, file, line, func);
	abort();
}
