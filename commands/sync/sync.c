/* sync.c - write what the file systems hold in memory to their disks.
 *
 *	sync
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "usage: sync\n");
		return 1;
	}
	sync();
	return 0;
}
