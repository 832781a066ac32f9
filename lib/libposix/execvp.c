/* execvp.c - the exec family over execve(): execv, execvp, execl, execlp.
 *
 * execvp and execlp look a name without a '/' up in the directories of
 * PATH (from environ; "/bin" if unset), trying each in turn.  A file that
 * is found but cannot run (EACCES) is remembered and the search goes on;
 * if nothing runs, that error wins over ENOENT.  A file that is not a
 * program (ENOEXEC) is run as a script by /bin/sh.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include "posix.h"

#define EXEC_PATH_MAX	1024
#define EXEC_ARGS_MAX	256	/* execl/execlp arguments */
#define DEFAULT_PATH	"/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

static const char *path_var(void)
{
	char **e;

	if (environ != NULL)
		for (e = environ; *e != NULL; e++)
			if (strncmp(*e, "PATH=", 5) == 0)
				return *e + 5;
	return DEFAULT_PATH;
}

/* A program that is no ELF image: hand it to the shell. */
static void exec_script(const char *path, char *const argv[])
{
	int argc = 0, i;
	char **nv;

	while (argv != NULL && argv[argc] != NULL)
		argc++;
	if ((nv = malloc((size_t)(argc + 3) * sizeof(*nv))) == NULL)
		return;
	nv[0] = "sh";
	nv[1] = (char *)path;
	for (i = 1; i < argc; i++)
		nv[i + 1] = argv[i];
	nv[argc < 1 ? 2 : argc + 1] = NULL;
	execve("/bin/sh", nv, environ);
	free(nv);
}

int execvp(const char *file, char *const argv[])
{
	char buf[EXEC_PATH_MAX];
	const char *p, *end;
	size_t dlen, flen;
	int err = ENOENT;	/* negative, as r */

	if (file == NULL)
		return __posix_err(EFAULT);
	if (*file == '\0')
		return __posix_err(ENOENT);
	if (strchr(file, '/') != NULL) {
		execve(file, argv, environ);
		if (errno == -ENOEXEC)
			exec_script(file, argv);
		return -1;
	}
	flen = strlen(file);
	for (p = path_var(); ; p = end + 1) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		dlen = (size_t)(end - p);
		if (dlen == 0) {	/* an empty entry is the current directory */
			p = ".";
			dlen = 1;
		}
		if (dlen + 1 + flen + 1 > sizeof(buf)) {
			err = ENAMETOOLONG;
		} else {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, environ);
			if (errno == -ENOEXEC) {
				exec_script(buf, argv);
				return -1;
			}
			if (errno != -ENOENT && errno != -ENOTDIR) {
				err = -errno;
				if (errno != -EACCES)
					return -1;
			}
		}
		if (*end == '\0')
			break;
	}
	return __posix_err(err);
}

/* Collect execl's arguments (up to the NULL) into v. */
static int collect(char **v, const char *arg, va_list ap)
{
	int n = 0;

	v[n++] = (char *)arg;
	while (arg != NULL) {
		if (n == EXEC_ARGS_MAX)
			return E2BIG;
		arg = va_arg(ap, const char *);
		v[n++] = (char *)arg;
	}
	return OK;
}

/* execl and execlp: collect the list, then exec by path or PATH search. */
static int exec_list(const char *file, int search, const char *arg, va_list ap)
{
	char *v[EXEC_ARGS_MAX];
	int r = collect(v, arg, ap);

	if (r != OK)
		return __posix_err(r);
	return search ? execvp(file, v) : execve(file, v, environ);
}

int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	int r;

	va_start(ap, arg);
	r = exec_list(path, 0, arg, ap);
	va_end(ap);
	return r;
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	int r;

	va_start(ap, arg);
	r = exec_list(file, 1, arg, ap);
	va_end(ap);
	return r;
}
