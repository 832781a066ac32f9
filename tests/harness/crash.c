/* crash.c - the harness self-check's broken host test: it prints passing
 * TAP lines, then crashes before its closing line.  tools/test.sh must
 * report it as a failure ("killed by signal 11"), never as a pass.
 */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	printf("ok 1 - before the crash\n");
	printf("ok 2 - still fine\n");
	fflush(stdout);
	raise(SIGSEGV);
	printf("2 passed, 0 failed\n");
	return 0;
}
