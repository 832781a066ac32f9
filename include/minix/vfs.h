/* minix/vfs.h - what VFS hands out to user programs beyond POSIX: the
 * list of processes waiting in VFS and on what (VFS_GETWAITS, for ps),
 * and the major -> driver table (VFS_MAPDRIVER, for service).  The stubs
 * are in lib/libposix (getwaits.c).
 */
#ifndef _MINIX_VFS_H
#define _MINIX_VFS_H

#include <stddef.h>
#include <minix/endpoint.h>

/* One process whose call waits in VFS. */
struct vfs_wait {
	endpoint_t vw_endpoint;
	int vw_what;			/* VW_* */
	char vw_label[16];		/* the driver or file system, NUL-ended */
};

#define VW_PIPE		1	/* a pipe (vw_label "pipe") */
#define VW_DEV		2	/* a character driver's answer */
#define VW_FS		3	/* the file system server's answer */
#define VW_SELECT	4	/* select() (vw_label "select") */

/* libposix: VFS_GETWAITS.  Entries written (as many as fit in size
 * bytes), or -1 and errno. */
int minix_getwaits(struct vfs_wait *buf, size_t size);

/* libposix: VFS_MAPDRIVER.  The driver with DS label `label` serves the
 * device nodes of major `major` from now on (seekable: reads and writes
 * advance the file position).  0, or -1 and errno. */
int minix_mapdriver(const char *label, int major, int seekable);

#endif /* _MINIX_VFS_H */
