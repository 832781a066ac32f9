/* memory.c - the memory driver: /dev/null and /dev/zero (character
 * minors MEMORY_NULL, MEMORY_ZERO) and the RAM disk (block minor
 * MEMORY_RAMDISK) that the kernel filled from the boot image's *.img
 * module at RAMDISK_BASE.  Data moves only through the caller's grants:
 * safecopy for reads and writes, safememset for /dev/zero.  Publishes
 * itself in DS as "memory".
 */
#include <string.h>
#include <stdio.h>
#include <minix/syslib.h>
#include <minix/ds.h>

#define MAX_IOVEC 16

static uint64_t disk_size;

static uint64_t pos_of(const message *m)
{
	return ((uint64_t)m->m_bdev.pos_hi << 32) | m->m_bdev.pos_lo;
}

/* Bytes of [pos, pos+count) that lie on the disk. */
static uint32_t clamp(uint64_t pos, uint32_t count)
{
	if (pos >= disk_size)
		return 0;
	return disk_size - pos < count ? (uint32_t)(disk_size - pos) : count;
}

static int disk_io(endpoint_t who, cp_grant_id_t g, vir_bytes goff, uint64_t pos,
	uint32_t n, int write)
{
	vir_bytes a = RAMDISK_BASE + (vir_bytes)pos;

	return write ? sys_safecopyfrom(who, g, goff, a, n) : sys_safecopyto(who, g, goff, a, n);
}

static int do_block(message *m)
{
	uint64_t pos = pos_of(m);
	uint32_t n;
	int r;

	if (m->m_bdev.minor != MEMORY_RAMDISK || !disk_size)
		return ENXIO;
	switch (m->m_type) {
	case BDEV_OPEN:
	case BDEV_CLOSE:
		return OK;
	case BDEV_READ:
	case BDEV_WRITE:
		n = clamp(pos, m->m_bdev.count);
		if (n && (r = disk_io(m->m_source, m->m_bdev.grant, 0, pos, n,
		    m->m_type == BDEV_WRITE)) != OK)
			return r;
		return (int)n;
	case BDEV_GATHER:
	case BDEV_SCATTER: {
		/* The grant names an array of {grant, bytes} of the caller. */
		struct vumap_vir iov[MAX_IOVEC];
		uint32_t k, total = 0;
		if (m->m_bdev.count == 0 || m->m_bdev.count > MAX_IOVEC)
			return EINVAL;
		if ((r = sys_safecopyfrom(m->m_source, m->m_bdev.grant, 0, (vir_bytes)iov,
		    m->m_bdev.count * sizeof(iov[0]))) != OK)
			return r;
		for (k = 0; k < m->m_bdev.count; k++) {
			n = clamp(pos + total, iov[k].vv_size);
			if (n && (r = disk_io(m->m_source, iov[k].vv_grant, 0, pos + total, n,
			    m->m_type == BDEV_SCATTER)) != OK)
				return total ? (int)total : r;
			total += n;
			if (n < iov[k].vv_size)
				break;
		}
		return (int)total;
	}
	}
	return EINVAL;
}

static int do_char(message *m)
{
	int minor = m->m_cdev.minor;
	int r;

	if (minor != MEMORY_NULL && minor != MEMORY_ZERO)
		return ENXIO;
	switch (m->m_type) {
	case CDEV_OPEN:
	case CDEV_CLOSE:
		return OK;
	case CDEV_READ:
		if (minor == MEMORY_NULL)
			return 0; /* end of file */
		if (m->m_cdev.count > 0x7fffffff)
			return EINVAL;
		if (m->m_cdev.count &&
		    (r = sys_safememset(m->m_source, m->m_cdev.grant, 0, 0, m->m_cdev.count)) != OK)
			return r;
		return (int)m->m_cdev.count;
	case CDEV_WRITE:
		if (m->m_cdev.count > 0x7fffffff)
			return EINVAL;
		return (int)m->m_cdev.count; /* swallowed */
	case CDEV_IOCTL:
		return ENOTTY;
	case CDEV_CANCEL:
		return EINTR;
	}
	return EINVAL;
}

int main(void)
{
	struct kinfo ki;
	endpoint_t me;
	message m;

	sys_getkinfo(&ki);
	disk_size = ki.ramdisk_size;
	sys_whoami(&me, NULL, 0);
	ds_publish_label("memory", me, DSF_OVERWRITE);
	for (;;) {
		int r, type;

		if (ipc_receive(ANY, &m, NULL) != OK || is_notify(m.m_type))
			continue;
		type = m.m_type;
		if (type >= BDEV_BASE && type <= BDEV_IOCTL) {
			r = do_block(&m);
			m.m_bdev.status = r;
			m.m_type = BDEV_REPLY;
		} else if (type >= CDEV_BASE && type <= CDEV_CANCEL) {
			r = do_char(&m);
			m.m_cdev.status = r;
			m.m_type = CDEV_REPLY;
		} else {
			m.m_type = EBADREQUEST;
		}
		ipc_sendnb(m.m_source, &m);
	}
}
