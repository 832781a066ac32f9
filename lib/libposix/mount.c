/* mount.c - mount(), umount(), getmntinfo(): the file system process
 * through RS, the mount table through VFS (VFS_MOUNT, VFS_UMOUNT,
 * VFS_GETMNT).
 *
 * As MINIX's mount(): a file system is a service.  mount() asks RS
 * (RS_UP, what `service up /sbin/TYPE -label fs_DEV` does) to start the
 * program /sbin/TYPE with the privileges of /sbin/TYPE.conf, labelled
 * "fs_" and the device's last name ("fs_ram1"; other characters than
 * letters and digits become '_'), then asks VFS to mount it; if VFS
 * refuses, the process is stopped again (RS_DOWN).  umount() has VFS
 * unmount (VFS answers the label) and then RS stop the process.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <minix/rs.h>
#include "posix.h"

#define PROG_MAX	(4u << 20)	/* RS takes programs up to this */

/* A request to RS; its answer (OK or a negative E*). */
static int rs_call(int type, const char *label, message *m)
{
	int r;

	m->m_type = type;
	strncpy(m->m_rs.label, label, sizeof(m->m_rs.label) - 1);
	if ((r = ipc_sendrec(RS_PROC_NR, m)) != OK)
		return r;
	return m->m_type;
}

/* The whole file path in a malloc()ed buffer; NULL with errno. */
static char *slurp(const char *path, size_t *len, size_t max)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	char *buf;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size > max ||
	    (buf = malloc((size_t)st.st_size + 1)) == NULL) {
		if ((size_t)st.st_size > max)
			errno = -EFBIG;
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size &&
	    (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* Start /sbin/type as service label.  OK or a negative E*. */
static int start_fs(const char *type, const char *label)
{
	char path[64], conf_path[72];
	size_t img_len, conf_len;
	char *img, *conf;
	message m;
	int r;

	if (strlen(type) > 32 || strchr(type, '/'))
		return EINVAL;
	strcpy(path, "/sbin/");
	strcat(path, type);
	strcpy(conf_path, path);
	strcat(conf_path, ".conf");
	if ((img = slurp(path, &img_len, PROG_MAX)) == NULL)
		return errno == -EFBIG ? EFBIG : -errno;
	if ((conf = slurp(conf_path, &conf_len, 4095)) == NULL) {
		r = -errno;
		free(img);
		return r;
	}
	memset(&m, 0, sizeof(m));
	m.m_rs.buf = (vir_bytes)img;
	m.m_rs.len = img_len;
	m.m_rs.buf2 = (vir_bytes)conf;
	m.m_rs.len2 = conf_len;
	m.m_rs.args = (vir_bytes)"";
	m.m_rs.args_len = 1;
	r = rs_call(RS_UP, label, &m);
	free(img);
	free(conf);
	return r == EEXIST ? EBUSY : r;
}

static void stop_fs(const char *label)
{
	message m;

	memset(&m, 0, sizeof(m));
	rs_call(RS_DOWN, label, &m);
}

int mount(const char *special, const char *dir, int flags, const char *type)
{
	struct mnt_args args;
	const char *base, *s;
	message m = { 0 };
	size_t n;
	int r;

	if (special == NULL || dir == NULL)
		return __posix_err(EFAULT);
	if (type == NULL)
		type = "ext2";
	memset(&args, 0, sizeof(args));
	strncpy(args.ma_type, type, sizeof(args.ma_type) - 1);
	args.ma_flags = (uint32_t)flags;
	/* The label: "fs_" and the device's last name. */
	for (n = strlen(special); n > 1 && special[n - 1] == '/'; n--)
		;
	for (base = special + n; base > special && base[-1] != '/'; base--)
		;
	strcpy(args.ma_label, "fs_");
	for (s = base, n = 3; s < special + strlen(special) && *s != '/' &&
	    n < sizeof(args.ma_label) - 1; s++, n++) {
		char c = *s;
		args.ma_label[n] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ? c : '_';
	}
	args.ma_label[n] = '\0';
	if ((r = start_fs(type, args.ma_label)) != OK)
		return __posix_err(r);
	if ((r = __vfs_path(&m, special)) != OK) {
		stop_fs(args.ma_label);
		return __posix_err(r);
	}
	m.m_vfs.path2 = (vir_bytes)dir;
	m.m_vfs.path2_len = (vir_bytes)strlen(dir) + 1;
	m.m_vfs.off_lo = (uint32_t)(vir_bytes)&args;
	m.m_vfs.off_hi = sizeof(args);
	if ((r = _syscall(VFS_PROC_NR, VFS_MOUNT, &m)) < 0) {
		stop_fs(args.ma_label);
		return __posix_err(r);
	}
	return 0;
}

int umount(const char *dir)
{
	char label[MNT_LABEL_MAX];
	message m = { 0 };
	int r;

	if ((r = __vfs_path(&m, dir)) != OK)
		return __posix_err(r);
	memset(label, 0, sizeof(label));
	m.m_vfs.path2 = (vir_bytes)label;
	m.m_vfs.path2_len = sizeof(label);
	if (__vfs_call(VFS_UMOUNT, &m) < 0)
		return -1;
	label[sizeof(label) - 1] = '\0';
	stop_fs(label);
	return 0;
}

int getmntinfo(int idx, struct mnt_info *mi)
{
	message m = { 0 };

	m.m_vfs.fd = idx;
	m.m_vfs.buf = (vir_bytes)mi;
	m.m_vfs.len = sizeof(*mi);
	return __vfs_call(VFS_GETMNT, &m) < 0 ? -1 : 0;
}
