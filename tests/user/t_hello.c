/* t_hello.c - /bin/tests, the example driver drivers/examples/hello:
 * made a node with mknod, started at run time with `service up /bin/hello
 * -dev /dev/hello`, read ("Hello, World! (open N)\n", then end of file),
 * selected on (always ready), crashed with `service fi`, and read again
 * from the restarted instance: the open counter, kept in DS, went on from
 * where it was.  After `service down` an open is ENXIO.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "tu.h"

/* Run /bin/service with up to four arguments; 0 if it exited 0. */
static int service(const char *a1, const char *a2, const char *a3, const char *a4)
{
	char *argv[] = { "/bin/service", (char *)a1, (char *)a2, (char *)a3,
		(char *)a4, NULL };
	char out[256];
	int st = tu_capture(argv, NULL, 1, out, sizeof(out));

	if (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		printf("# service %s %s: %s", a1, a2, out);
		return -1;
	}
	return 0;
}

/* Open /dev/hello and read it to the end into buf: the bytes, or -1. */
static int read_hello(char *buf, size_t max)
{
	ssize_t n, got = 0;
	int fd;

	if ((fd = open("/dev/hello", O_RDONLY)) < 0)
		return -1;
	while ((size_t)got < max - 1 && (n = read(fd, buf + got, max - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = '\0';
	close(fd);
	return (int)got;
}

int test_hello_driver(void)
{
	struct timeval zero = { 0, 0 };
	fd_set rs, ws;
	char buf[64];
	int fd, i;

	T_EQ(mknod("/dev/hello", S_IFCHR | 0666, makedev(17, 0)), 0);
	T_ERR(open("/dev/hello", O_RDONLY), ENXIO);	/* no driver yet */
	T_EQ(service("up", "/bin/hello", "-dev", "/dev/hello"), 0);
	T_EQ(read_hello(buf, sizeof(buf)), 23);
	T_STR(buf, "Hello, World! (open 1)\n");
	T_EQ(read_hello(buf, sizeof(buf)), 23);
	T_STR(buf, "Hello, World! (open 2)\n");

	/* select: always ready to read (and to write: a write fails at once). */
	T_TRUE((fd = open("/dev/hello", O_RDWR)) >= 0);	/* open 3 */
	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(fd, &rs);
	FD_SET(fd, &ws);
	T_EQ(select(fd + 1, &rs, &ws, NULL, NULL), 2);
	T_TRUE(FD_ISSET(fd, &rs) && FD_ISSET(fd, &ws));
	FD_CLR(fd, &ws);
	T_EQ(select(fd + 1, &rs, &ws, NULL, &zero), 1);
	T_TRUE(FD_ISSET(fd, &rs));
	T_EQ(close(fd), 0);

	/* A crash at its next request (this open): RS restarts it, and the
	 * counter comes back from DS. */
	T_EQ(service("fi", "hello", NULL, NULL), 0);
	T_ERR(open("/dev/hello", O_RDONLY), EIO);
	for (i = 0; i < 500 && read_hello(buf, sizeof(buf)) < 0; i++)
		usleep(10000);			/* until it is back */
	T_STR(buf, "Hello, World! (open 4)\n");
	T_EQ(read_hello(buf, sizeof(buf)), 23);
	T_STR(buf, "Hello, World! (open 5)\n");

	T_EQ(service("down", "hello", NULL, NULL), 0);
	T_ERR(open("/dev/hello", O_RDONLY), ENXIO);
	T_EQ(unlink("/dev/hello"), 0);
	return 0;
}
