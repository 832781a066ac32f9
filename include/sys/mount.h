/* sys/mount.h - mounting file systems (lib/libposix/mount.c; VFS_MOUNT,
 * VFS_UMOUNT, VFS_GETMNT; docs/storage.md "Mounting").
 *
 * mount() starts a file system process for the device through RS (the
 * program /sbin/TYPE with its /sbin/TYPE.conf, label "fs_" and the
 * device's last name, as MINIX's mount does with `service up`), then asks
 * VFS to mount it on dir; umount() asks VFS to unmount it and RS to stop
 * the process.  The device is a block device of /dev (/dev/ram1) or a
 * driver label and minor ("memory:3").  Only root may mount and unmount.
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H
#include <sys/types.h>

#define MNT_LABEL_MAX	16	/* an RS label with its NUL */

/* What mount() tells VFS besides the two paths. */
struct mnt_args {
	char ma_label[MNT_LABEL_MAX];	/* the file system process (RS label) */
	char ma_type[16];		/* "ext2" */
	uint32_t ma_flags;		/* none yet */
};

/* One entry of the mount table (getmntinfo()). */
struct mnt_info {
	char mi_dev[32];		/* the device as it was named */
	char mi_dir[256];		/* the mount point */
	char mi_type[16];
	char mi_label[MNT_LABEL_MAX];
	uint32_t mi_flags;
};

/* Mount the file system of type (NULL: "ext2") on device special at dir. */
int mount(const char *special, const char *dir, int flags, const char *type);
/* Unmount the file system mounted at dir (or from device dir). */
int umount(const char *dir);
/* Entry idx of the mount table (0: the root): 0, or -1 with ENOENT past
 * the last. */
int getmntinfo(int idx, struct mnt_info *mi);

#endif /* _SYS_MOUNT_H */
