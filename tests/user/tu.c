/* tu.c - helpers shared by the parts of /bin/tests: reading a pipe to
 * its end, running a program with its output captured (see tu.h).
 */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

#include "tu.h"

ssize_t tu_read_all(int fd, void *buf, size_t max)
{
	size_t done = 0;
	ssize_t n;

	while (done < max) {
		if ((n = read(fd, (char *)buf + done, max - done)) < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

int tu_capture(char *const argv[], char *const env[], int with_stderr,
	char *out, size_t max)
{
	int p[2], st;
	ssize_t n;
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		if (dup2(p[1], 1) != 1 || (with_stderr && dup2(p[1], 2) != 2))
			_exit(120);
		close(p[1]);
		if (env != NULL)
			execve(argv[0], argv, env);
		else
			execv(argv[0], argv);
		_exit(121);
	}
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	n = tu_read_all(p[0], out, max - 1);
	out[n > 0 ? n : 0] = '\0';
	close(p[0]);
	if (waitpid(pid, &st, 0) != pid || n < 0)
		return -1;
	return st;
}
