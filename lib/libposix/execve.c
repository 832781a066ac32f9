/* execve.c - execve(): read the program, build its argument block, and ask
 * PM to start it (PM_EXEC).
 *
 * The program file is read whole into the heap (open, fstat for its size,
 * read, close: VFS calls).  The argument block is what the new program's
 * crt0 finds at its stack pointer:
 *
 *	argc, argv[0..argc-1], NULL, envp[0..envc-1], NULL, the strings
 *
 * with every pointer already the address it will have in the new program:
 * the kernel copies the block to (USER_STACK_TOP - len) & ~15, so the
 * block is built for that address.  PM copies image and block into its own
 * memory, and SYS_EXEC replaces the program: on success there is no reply
 * and nothing here returns.  On failure both buffers are freed and the
 * caller gets -1 and errno (ENOEXEC for a bad image, E2BIG for a block
 * over 64 KiB, EACCES for a file that is not regular).
 */
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minix/config.h>
#include "posix.h"

#define EXEC_BLOCK_MAX	(USER_STACK_PAGES * 4096 / 2)	/* the kernel's limit */

/* Read the whole file at path into a malloc'd buffer. OK or a negative E*. */
static int read_image(const char *path, char **img, size_t *len)
{
	struct stat st;
	size_t done = 0;
	ssize_t n;
	char *buf;
	int fd, r = OK;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		r = -errno;
	} else if (!S_ISREG(st.st_mode)) {
		r = EACCES;
	} else if (st.st_size <= 0 || st.st_size > 0x10000000) {
		r = ENOEXEC;
	} else if ((buf = malloc((size_t)st.st_size)) == NULL) {
		r = ENOMEM;
	} else {
		while (done < (size_t)st.st_size) {
			n = read(fd, buf + done, (size_t)st.st_size - done);
			if (n < 0) {
				r = -errno;
				break;
			}
			if (n == 0)
				break;	/* shorter than it said: ELF check decides */
			done += (size_t)n;
		}
		if (r != OK || done == 0) {
			free(buf);
			if (r == OK)
				r = ENOEXEC;
		} else {
			*img = buf;
			*len = done;
		}
	}
	close(fd);
	return r;
}

static int count(char *const v[])
{
	int n = 0;

	if (v != NULL)
		while (v[n] != NULL)
			n++;
	return n;
}

/* Build the argument block in a malloc'd buffer. OK or a negative E*. */
static int build_block(char *const argv[], char *const envp[],
	uint32_t **blockp, size_t *lenp)
{
	int argc = count(argv), envc = count(envp), i;
	size_t len, strings = 0;
	uint32_t *f, base, *vec;
	char *str;

	for (i = 0; i < argc; i++)
		strings += strlen(argv[i]) + 1;
	for (i = 0; i < envc; i++)
		strings += strlen(envp[i]) + 1;
	len = (size_t)(argc + envc + 3) * sizeof(uint32_t) + strings;
	len = (len + 15) & ~(size_t)15;
	if (len > EXEC_BLOCK_MAX)
		return E2BIG;
	if ((f = malloc(len)) == NULL)
		return ENOMEM;
	memset(f, 0, len);
	base = (USER_STACK_TOP - (uint32_t)len) & ~15u;
	str = (char *)&f[argc + envc + 3];
	f[0] = (uint32_t)argc;
	vec = &f[1];
	for (i = 0; i < argc; i++) {
		*vec++ = base + (uint32_t)(str - (char *)f);
		strcpy(str, argv[i]);
		str += strlen(argv[i]) + 1;
	}
	*vec++ = 0;
	for (i = 0; i < envc; i++) {
		*vec++ = base + (uint32_t)(str - (char *)f);
		strcpy(str, envp[i]);
		str += strlen(envp[i]) + 1;
	}
	*vec = 0;
	*blockp = f;
	*lenp = len;
	return OK;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	const char *name;
	uint32_t *block = NULL;
	char *img = NULL;
	size_t img_len = 0, block_len = 0;
	message m = { 0 };
	int r;

	if (path == NULL)
		return __posix_err(EFAULT);
	if ((r = read_image(path, &img, &img_len)) != OK)
		return __posix_err(r);
	if ((r = build_block(argv, envp, &block, &block_len)) != OK) {
		free(img);
		return __posix_err(r);
	}
	name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	m.m_pm.p1 = (vir_bytes)img;
	m.m_pm.i1 = (int)img_len;
	m.m_pm.p2 = (vir_bytes)block;
	m.m_pm.i2 = (int)block_len;
	strncpy(m.m_pm.name, name, sizeof(m.m_pm.name) - 1);
	r = _syscall(PM_PROC_NR, PM_EXEC, &m);
	/* Still here: it failed. */
	free(block);
	free(img);
	return __posix_err(r < 0 ? r : EGENERIC);
}
