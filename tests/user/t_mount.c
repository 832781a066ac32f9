/* t_mount.c - in-guest tests of the mount table (servers/vfs/mount.c):
 * a second ext2 image (/test/fs1.img, made by tools/mkroot.sh) copied by
 * dd onto the memory driver's RAM disk /dev/ram1 (or the device named
 * in /test/mount.dev: `make MOUNT_DEV=label:minor`, a second disk), mounted on /tmp/mnt by mount(), which
 * starts a second ext2 process through RS.  Checked exactly: the listing
 * of mount, df's figures against /test/fs1.df (from dumpe2fs -h on the
 * host), crossing the mount point with ".." both ways, stat of the mount
 * point, EBUSY for a busy file system, the errors of mount and umount,
 * and that what was written comes back after umount and mount; reads
 * and writes of the block device file /dev/ram2 itself.  Every
 * test unmounts what it mounted: the file system process must be gone
 * (the runner's leak check counts processes).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
#include "tu.h"

#define MNT	"/tmp/mnt"
#define OUT_MAX	2048

/* The device to mount: /test/mount.dev's line, a RAM disk of the memory
 * driver by default. */
static const char *dev(void)
{
	static char d[64];
	FILE *f;

	if (d[0] == '\0') {
		strcpy(d, "/dev/ram1");
		if ((f = fopen("/test/mount.dev", "r")) != NULL) {
			if (fgets(d, sizeof(d), f) == NULL || d[0] == '\n')
				strcpy(d, "/dev/ram1");
			d[strcspn(d, "\n")] = '\0';
			fclose(f);
		}
	}
	return d;
}

/* The RS label mount() gives the file system of dev(): "fs_" and its
 * last name, other characters than letters and digits made '_'. */
static const char *label(void)
{
	static char l[16];
	const char *s = strrchr(dev(), '/') ? strrchr(dev(), '/') + 1 : dev();
	size_t n;

	strcpy(l, "fs_");
	for (n = 3; *s && n < sizeof(l) - 1; s++, n++)
		l[n] = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') ? *s : '_';
	l[n] = '\0';
	return l;
}

/* /bin/sh -c cmd with stdout and stderr captured: the exit status (or
 * 256 + signal, or -1) and the output in out. */
static int sh(const char *cmd, char *out)
{
	char *argv[] = { "/bin/sh", "-c", (char *)cmd, NULL };
	int st = tu_capture(argv, NULL, 1, out, OUT_MAX);

	if (st < 0)
		return -1;
	return WIFSIGNALED(st) ? 256 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* SH(cmd, want, status): cmd prints exactly want and exits with status. */
#define SH(cmd, want, status)						\
	do {								\
		static char out_[OUT_MAX];				\
		int st_ = sh((cmd), out_);				\
		if (st_ != (status) || strcmp(out_, (want)) != 0)	\
			T_FAIL("%s: status %d (want %d), output \"%.90s\" " \
			    "(want \"%.90s\")", (cmd), st_, (status), out_, \
			    (want));					\
	} while (0)

static char cmd[512], want[512];

/* What mount prints for the root: entry 0 of the table (the device VFS
 * mounted at start-up, memory:2 for the RAM disk). */
static const char *root_line(void)
{
	static char line[100];
	struct mnt_info mi;

	if (getmntinfo(0, &mi) != 0)
		return "(no root)";
	snprintf(line, sizeof(line), "%s on / type ext2 (rw)\n", mi.mi_dev);
	return line;
}

/* A fresh copy of fs1.img on the device, mounted on MNT.  A device named
 * label:minor has no name in /dev to write to: the host attached it with
 * fs1.img on it (the tests leave its counts as they found them). */
static int mount_fresh(void)
{
	if (dev()[0] == '/') {
		snprintf(cmd, sizeof(cmd), "dd if=/test/fs1.img of=%s bs=64k "
		    "conv=notrunc", dev());
		SH(cmd, "32+0 records in\n32+0 records out\n", 0);
	}
	mkdir(MNT, 0755);
	T_EQ(mount(dev(), MNT, 0, NULL), 0);
	return 0;
}

/* The figures of /test/fs1.df: 1 KiB blocks, used, available. */
static int fs1_figures(long *total, long *used, long *avail)
{
	FILE *f = fopen("/test/fs1.df", "r");
	char line[100], *p = line;

	T_TRUE(f != NULL);
	T_TRUE(fgets(line, sizeof(line), f) != NULL);
	fclose(f);
	*total = strtol(p, &p, 10);
	*used = strtol(p, &p, 10);
	*avail = strtol(p, &p, 10);
	T_TRUE(*total > 0 && *used > 0 && *avail > 0 && *p == '\n');
	return 0;
}

/* df -k of MNT, its line as df prints it with used blocks `used`. */
static void df_line(char *buf, size_t size, long total, long used, long avail)
{
	long pct = (used * 100 + used + avail - 1) / (used + avail);

	snprintf(buf, size, "%-18s %10ld %10ld %10ld %7ld%% %s\n", dev(), total,
	    used, avail, pct, MNT);
}

int test_mount_cross(void)
{
	struct stat st, root, tmp, dot;
	struct mnt_info mi;
	long total, used, avail;
	char line[200];

	if (mount_fresh() || fs1_figures(&total, &used, &avail))
		return 1;
	/* mount lists both, the root first. */
	snprintf(want, sizeof(want), "%s%s on " MNT " type ext2 (rw)\n",
	    root_line(), dev());
	SH("mount", want, 0);
	SH("cat " MNT "/hello " MNT "/sub/deep", "hello from fs1\ndeep\n", 0);
	/* df: the figures dumpe2fs gave on the host. */
	df_line(line, sizeof(line), total, used, avail);
	snprintf(want, sizeof(want), "%-18s %10s %10s %10s %8s %s\n%s", "Filesystem",
	    "1024-blocks", "Used", "Available", "Capacity", "Mounted on", line);
	SH("df -k " MNT "/sub", want, 0);
	SH("df -k | grep -c ' /$'", "1\n", 0);
	T_EQ(getmntinfo(2, &mi), -1);
	T_EQ(errno, ENOENT);
	T_EQ(getmntinfo(1, &mi), 0);
	T_STR(mi.mi_dir, MNT);
	T_STR(mi.mi_type, "ext2");
	T_STR(mi.mi_label, label());
	/* The mount point is the mounted root; ".." crosses back. */
	T_EQ(stat(MNT, &st), 0);
	T_EQ(stat("/", &root), 0);
	T_EQ(stat("/tmp", &tmp), 0);
	T_EQ(st.st_ino, 2);
	T_TRUE(st.st_dev != root.st_dev);
	T_EQ(stat(MNT "/..", &dot), 0);
	T_EQ(dot.st_ino, tmp.st_ino);
	T_EQ(dot.st_dev, tmp.st_dev);
	T_EQ(stat(MNT "/sub/../..", &dot), 0);
	T_EQ(dot.st_ino, tmp.st_ino);
	T_EQ(stat(MNT "/../mnt/sub/../hello", &dot), 0);
	T_EQ(dot.st_dev, st.st_dev);
	T_EQ(dot.st_size, 15);
	SH("cd " MNT "/sub && cat ../hello && ls ../.. | grep -x mnt && cd ../.. && pwd",
	    "hello from fs1\nmnt\n/tmp\n", 0);
	/* A statvfs through the mount point asks the mounted file system. */
	struct statvfs sv;
	T_EQ(statvfs(MNT "/sub", &sv), 0);
	T_EQ(sv.f_blocks * sv.f_frsize / 1024, total);
	T_EQ((sv.f_blocks - sv.f_bfree) * sv.f_frsize / 1024, used);
	T_EQ(umount(MNT), 0);
	SH("mount", root_line(), 0);
	snprintf(cmd, sizeof(cmd), "service status %s", label());
	snprintf(want, sizeof(want), "service: status %s: no such service\n", label());
	SH(cmd, want, 1);
	T_EQ(stat(MNT, &dot), 0);
	T_EQ(dot.st_dev, root.st_dev);	/* the empty directory again */
	return 0;
}

int test_mount_busy(void)
{
	int fd;

	if (mount_fresh())
		return 1;
	/* An open file, a working directory, a mount on top: EBUSY. */
	T_TRUE((fd = open(MNT "/hello", O_RDONLY)) >= 0);
	T_ERR(umount(MNT), EBUSY);
	close(fd);
	snprintf(cmd, sizeof(cmd), "cd " MNT " && umount " MNT);
	SH(cmd, "umount: " MNT ": Device or resource busy\n", 1);
	SH("dd if=/dev/zero of=/dev/ram2 bs=1k count=4 2>/dev/null && "
	    "dd if=/test/fs1.img of=/dev/ram2 bs=64k 2>/dev/null && "
	    "mount /dev/ram2 " MNT "/sub && cat " MNT "/sub/hello", "hello from fs1\n", 0);
	T_ERR(umount(MNT), EBUSY);
	SH("mount | tail -n 1", "/dev/ram2 on " MNT "/sub type ext2 (rw)\n", 0);
	/* ".." of the inner root is the outer file system's sub's parent. */
	SH("cd " MNT "/sub/.. && ls sub/hello && cd sub/../.. && pwd",
	    "sub/hello\n/tmp\n", 0);
	/* rmdir and rename of a mount point, links and renames across. */
	T_ERR(rmdir(MNT "/sub"), EBUSY);
	T_ERR(rename(MNT "/sub", MNT "/sub2"), EBUSY);
	T_ERR(rename(MNT "/hello", MNT "/sub/hello2"), EXDEV);
	T_ERR(link(MNT "/hello", MNT "/sub/hello2"), EXDEV);
	T_EQ(umount("/dev/ram2"), 0);	/* by its device */
	T_EQ(umount(MNT), 0);
	SH("mount", root_line(), 0);
	return 0;
}

int test_mount_errors(void)
{
	int st;
	pid_t pid;

	mkdir(MNT, 0755);
	T_ERR(mount("/dev/null", MNT, 0, NULL), ENOTBLK);
	T_ERR(mount("/etc/motd", MNT, 0, NULL), ENOTBLK);
	T_ERR(mount("/dev/nothing", MNT, 0, NULL), ENOENT);
	T_ERR(mount("nolabel:1", MNT, 0, NULL), ENXIO);
	/* A block device node of a major no driver serves. */
	T_EQ(mknod("/tmp/blk99", S_IFBLK | 0600, makedev(99, 0)), 0);
	T_ERR(mount("/tmp/blk99", MNT, 0, NULL), ENXIO);
	T_ERR(open("/tmp/blk99", O_RDWR), ENXIO);
	T_EQ(unlink("/tmp/blk99"), 0);
	T_ERR(mount(dev(), "/etc/motd", 0, NULL), ENOTDIR);
	T_ERR(mount(dev(), "/nothing", 0, NULL), ENOENT);
	T_ERR(mount(dev(), "/", 0, NULL), EBUSY);
	T_ERR(mount(dev(), MNT, 0, "nofs"), ENOENT);	/* no /sbin/nofs */
	T_ERR(umount(MNT), EINVAL);	/* not a mount point */
	T_ERR(umount("/"), EBUSY);
	T_ERR(umount("/nothing"), ENOENT);
	/* Not an ext2 image: refused, and its process is stopped again. */
	SH("dd if=/dev/zero of=/dev/ram2 bs=1k count=4", "4+0 records in\n4+0 records out\n", 0);
	T_ERR(mount("/dev/ram2", MNT, 0, NULL), EINVAL);
	SH("mount /dev/ram2 " MNT, "mount: /dev/ram2 on " MNT ": Invalid argument\n", 1);
	SH("service status fs_ram2", "service: status fs_ram2: no such service\n", 1);
	/* Twice the same device or the same directory: EBUSY. */
	if (mount_fresh())
		return 1;
	T_ERR(mount(dev(), "/tmp", 0, NULL), EBUSY);
	SH("dd if=/test/fs1.img of=/dev/ram2 bs=64k 2>/dev/null; mount /dev/ram2 " MNT,
	    "mount: /dev/ram2 on " MNT ": Device or resource busy\n", 1);
	/* Only root mounts and unmounts. */
	if ((pid = fork()) == 0) {
		if (setuid(100) < 0)
			_exit(10);
		if (umount(MNT) != -1 || errno != EPERM)
			_exit(11);
		if (mount("/dev/ram2", "/tmp", 0, NULL) != -1 || errno != EPERM)
			_exit(12);
		_exit(0);
	}
	T_TRUE(pid > 0);
	T_EQ(waitpid(pid, &st, 0), pid);
	T_EQ(st, 0);
	SH("umount", "usage: umount dir|device ...\n", 1);
	SH("mount /dev/ram1", "usage: mount [-t type] device dir\n       mount\n", 1);
	T_EQ(umount(MNT), 0);
	SH("mount", root_line(), 0);
	return 0;
}

int test_mount_write(void)
{
	long total, used, avail;
	char line[200];

	if (mount_fresh() || fs1_figures(&total, &used, &avail))
		return 1;
	/* One block of data: one more used, one less available. */
	SH("echo kept > " MNT "/new && mkdir " MNT "/d && cat " MNT "/new", "kept\n", 0);
	SH("umount " MNT " && mount " MNT " 2>&1; cat " MNT "/new",
	    "usage: mount [-t type] device dir\n       mount\n"
	    "cat: " MNT "/new: No such file or directory\n", 1);
	snprintf(cmd, sizeof(cmd), "mount %s " MNT " && cat " MNT "/new && ls " MNT,
	    dev());
	SH(cmd, "kept\nd\nhello\nlost+found\nnew\nsub\n", 0);
	/* new's block, and d's. */
	df_line(line, sizeof(line), total, used + 2, avail - 2);
	snprintf(cmd, sizeof(cmd), "df -k " MNT " | tail -n 1");
	SH(cmd, line, 0);
	SH("rm -r " MNT "/new " MNT "/d", "", 0);
	df_line(line, sizeof(line), total, used, avail);
	SH(cmd, line, 0);
	T_EQ(umount(MNT), 0);
	return 0;
}

/* The file system process dies (service fi): its files give EIO, and
 * umount still takes the mount away (and RS's restarted instance). */
int test_mount_fs_crash(void)
{
	if (mount_fresh())
		return 1;
	snprintf(cmd, sizeof(cmd), "service fi %s", label());
	SH(cmd, "", 0);
	T_ERR(open(MNT "/hello", O_RDONLY), EIO);
	T_ERR(open(MNT "/hello", O_RDONLY), EIO);
	T_EQ(umount(MNT), 0);
	SH("mount", root_line(), 0);
	snprintf(cmd, sizeof(cmd), "service status %s", label());
	snprintf(want, sizeof(want), "service: status %s: no such service\n", label());
	SH(cmd, want, 1);
	return 0;
}

/* /dev/ram2 as a file: BDEV requests to the memory driver at any
 * position, what is written read back through another open, a short
 * write at the end of the device and ENOSPC past it, 0 bytes read there,
 * no ioctls, its device number, and root's only (mode 600). */
int test_mount_blockdev(void)
{
	static const char msg[] = "block device file";
	char buf[32];
	struct stat st;
	pid_t pid;
	int fd, fd2, status;

	T_EQ(stat("/dev/ram2", &st), 0);
	T_TRUE(S_ISBLK(st.st_mode));
	T_EQ(major(st.st_rdev), 1);
	T_EQ(minor(st.st_rdev), 4);
	T_TRUE((fd = open("/dev/ram2", O_RDWR)) >= 0);
	T_TRUE((fd2 = open("/dev/ram2", O_RDONLY)) >= 0);
	T_EQ(lseek(fd, 1001, SEEK_SET), 1001);
	T_EQ(write(fd, msg, sizeof(msg)), (long)sizeof(msg));
	T_EQ(lseek(fd, 0, SEEK_CUR), 1001 + (long)sizeof(msg));
	T_EQ(lseek(fd2, 1001, SEEK_SET), 1001);
	memset(buf, 0, sizeof(buf));
	T_EQ(read(fd2, buf, sizeof(msg)), (long)sizeof(msg));
	T_STR(buf, msg);
	T_EQ(lseek(fd, 4 * 1024 * 1024 - 3, SEEK_SET), 4 * 1024 * 1024 - 3);
	T_EQ(write(fd, "abcdef", 6), 3);
	T_ERR(write(fd, "abcdef", 6), ENOSPC);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_EQ(lseek(fd2, -3, SEEK_CUR), 1001 + (long)sizeof(msg) - 3);
	T_EQ(lseek(fd2, 4 * 1024 * 1024 - 3, SEEK_SET), 4 * 1024 * 1024 - 3);
	T_EQ(read(fd2, buf, sizeof(buf)), 3);
	T_EQ(memcmp(buf, "abc", 3), 0);
	T_EQ(isatty(fd), 0);
	T_EQ(errno, ENOTTY);
	T_EQ(close(fd2), 0);
	T_EQ(close(fd), 0);
	SH("dd if=/dev/ram2 bs=1 skip=1001 count=5 2>/dev/null", "block", 0);
	if ((pid = fork()) == 0) {
		if (setuid(100) < 0)
			_exit(10);
		if (open("/dev/ram2", O_RDONLY) != -1 || errno != EACCES)
			_exit(11);
		_exit(0);
	}
	T_TRUE(pid > 0);
	T_EQ(waitpid(pid, &status, 0), pid);
	T_EQ(status, 0);
	return 0;
}
