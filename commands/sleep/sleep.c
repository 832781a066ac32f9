/* sleep.c - wait a while.
 *
 *	sleep seconds		(a decimal fraction is allowed: sleep 0.25)
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long secs = 0, usec = 0, scale = 100000;
	const char *p;

	if (argc != 2 || argv[1][0] == '\0')
		goto usage;
	for (p = argv[1]; *p >= '0' && *p <= '9'; p++)
		secs = secs * 10 + (unsigned long)(*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			usec += (unsigned long)(*p - '0') * scale;
	if (*p != '\0')
		goto usage;
	if (secs > 0 && sleep((unsigned int)secs) != 0)
		return 1;
	if (usec > 0 && usleep((unsigned int)usec) < 0)
		return 1;
	return 0;
usage:
	fprintf(stderr, "usage: sleep seconds\n");
	return 2;
}
