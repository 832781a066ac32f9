/* t_boot.c - a boot module's command line reaches it whole: the test
 * image gives the runner 20 arguments (Makefile, RUNNER_ARGS), more
 * words and bytes than the kernel used to keep (8 words of 15 bytes). */
#include "t.h"

int test_boot_module_args(void)
{
	char want[16];
	int i;

	T_EQ(t_argc, 21);
	T_TRUE(strcmp(t_argv[0], "runner") == 0);
	for (i = 1; i <= 20; i++) {
		snprintf(want, sizeof(want), "argument-%02d", i);
		if (strcmp(t_argv[i], want) != 0)
			T_FAIL("argv[%d] is '%s'", i, t_argv[i]);
	}
	T_TRUE(t_argv[21] == NULL);
	return 0;
}
