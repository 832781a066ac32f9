/* execve.c - execve(): read the program, build its argument block, and ask
 * PM to start it (PM_EXEC).
 *
 * The program file is opened with O_EXEC (VFS: EACCES unless a regular
 * file with an x bit) and read whole into the heap (fstat for its size,
 * read).  PM_EXEC names that descriptor, and VFS refuses the exec unless
 * it was opened with O_EXEC; it is close-on-exec, so the new program does
 * not see it.
 *
 * A file that starts with "#!" is a script: the rest of its first line
 * (up to 255 bytes after the "#!", else ENOEXEC) names an interpreter and
 * at most one argument (everything after the name, blanks trimmed), and
 * the interpreter runs instead with argv
 *
 *	interpreter [argument] path argv[1] ...
 *
 * as on Linux.  An interpreter may itself be a script, up to
 * EXEC_NEST_MAX levels (then ELOOP).
 *
 * The argument block is what the new program's
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
 * over 64 KiB, EACCES for a file that is not regular or has no x bit).
 */
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <minix/config.h>
#include "posix.h"

#define EXEC_BLOCK_MAX	(USER_STACK_PAGES * 4096 / 2)	/* the kernel's limit */
#define EXEC_NEST_MAX	4	/* scripts as interpreters (Linux: 4) */
#define SHEBANG_MAX	256	/* "#!" line, "#!" included (Linux: 256) */

/* Open path as a program and read it whole into a malloc'd buffer; *fd
 * stays open (close-on-exec) for PM_EXEC. OK or a negative E*. */
static int read_image(const char *path, int *fdp, char **img, size_t *len)
{
	struct stat st;
	size_t done = 0;
	ssize_t n;
	char *buf;
	int fd, r = OK;

	if ((fd = open(path, O_RDONLY | O_EXEC | O_CLOEXEC)) < 0)
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
	if (r != OK)
		close(fd);
	else
		*fdp = fd;
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

static int exec_at(const char *path, char *const argv[], char *const envp[],
	const char *name, int depth);

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* img (len bytes) starts with "#!": run its interpreter with argv
 * "interpreter [argument] path argv[1] ...".  A negative E*. */
static int exec_script(const char *path, const char *img, size_t len,
	char *const argv[], char *const envp[], const char *name, int depth)
{
	char line[SHEBANG_MAX], *interp, *arg = NULL, *p, *end, **nv;
	size_t n;
	int argc = count(argv), i, k, r;

	if (depth >= EXEC_NEST_MAX)
		return ELOOP;
	for (n = 2; n < len && n < SHEBANG_MAX && img[n] != '\n'; n++)
		;
	if (n == SHEBANG_MAX)
		return ENOEXEC;	/* the line does not fit (Linux: ENOEXEC) */
	memcpy(line, img + 2, n - 2);
	line[n - 2] = '\0';
	for (interp = line; is_blank(*interp); interp++)
		;
	for (p = interp; *p != '\0' && !is_blank(*p); p++)
		;
	if (p == interp)
		return ENOEXEC;	/* no interpreter named */
	if (*p != '\0') {
		*p++ = '\0';
		while (is_blank(*p))
			p++;
		for (end = p + strlen(p); end > p && (is_blank(end[-1]) ||
		    end[-1] == '\r'); end--)
			;
		*end = '\0';
		if (*p != '\0')
			arg = p;
	}
	if ((nv = malloc((size_t)(argc + 3) * sizeof(*nv))) == NULL)
		return ENOMEM;
	k = 0;
	nv[k++] = interp;
	if (arg != NULL)
		nv[k++] = arg;
	nv[k++] = (char *)path;
	for (i = 1; i < argc; i++)
		nv[k++] = argv[i];
	nv[k] = NULL;
	r = exec_at(interp, nv, envp, name, depth + 1);
	free(nv);
	return r;
}

/* execve of path at script depth depth; name is what ps shows (the first
 * path's last component).  Returns only on failure: a negative E*. */
static int exec_at(const char *path, char *const argv[], char *const envp[],
	const char *name, int depth)
{
	uint32_t *block = NULL;
	char *img = NULL;
	size_t img_len = 0, block_len = 0;
	message m = { 0 };
	int fd = -1, r;

	if ((r = read_image(path, &fd, &img, &img_len)) != OK)
		return r;
	if (img_len >= 2 && img[0] == '#' && img[1] == '!') {
		close(fd);
		r = exec_script(path, img, img_len, argv, envp, name, depth);
		free(img);
		return r;
	}
	if ((r = build_block(argv, envp, &block, &block_len)) != OK) {
		close(fd);
		free(img);
		return r;
	}
	m.m_pm.p1 = (vir_bytes)img;
	m.m_pm.i1 = (int)img_len;
	m.m_pm.p2 = (vir_bytes)block;
	m.m_pm.i2 = (int)block_len;
	m.m_pm.i3 = fd;
	strncpy(m.m_pm.name, name, sizeof(m.m_pm.name) - 1);
	r = _syscall(PM_PROC_NR, PM_EXEC, &m);
	/* Still here: it failed. */
	close(fd);
	free(block);
	free(img);
	return r < 0 ? r : EGENERIC;
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	const char *name;

	if (path == NULL)
		return __posix_err(EFAULT);
	name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	return __posix_err(exec_at(path, argv, envp, name, 0));
}
