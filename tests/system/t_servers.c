/* t_servers.c - the first servers of the user-mode OS, driven by the test
 * process as a client: DS (publish, retrieve, subscribe, ownership) and
 * the memory driver (/dev/null, /dev/zero, the RAM disk holding the boot
 * root image), all data through grants.
 */
#include <minix/ds.h>
#include <minix/chardriver.h>
#include "t.h"

#define REPORT 0x650

static endpoint_t parent;

static void try_steal(void *arg)
{
	(void)arg;
	t_reply(parent, REPORT, ds_publish_label("t.key", 1, DSF_OVERWRITE));
	t_reply(parent, REPORT, ds_delete_label("t.key"));
}

int test_ds_publish_retrieve(void)
{
	char key79[DS_MAX_KEYLEN + 1], name[DS_MAX_KEYLEN];
	endpoint_t me = t_self(), ep = NONE, c;
	uint32_t v = 0;
	int r;

	parent = me;
	T_EQ(ds_publish_label("t.key", me, 0), OK);
	T_EQ(ds_retrieve_label_endpt("t.key", &ep), OK);
	T_EQ(ep, me);
	T_EQ(ds_publish_label("t.key", me, 0), EEXIST);
	T_EQ(ds_publish_label("t.key", 12345, DSF_OVERWRITE), OK);
	T_EQ(ds_retrieve_label_endpt("t.key", &ep), OK);
	T_EQ(ep, 12345);
	T_EQ(ds_retrieve_u32("t.key", &v), EINVAL);          /* it is a label */
	T_EQ(ds_publish_u32("t.num", 0xdeadbeef, 0), OK);
	T_EQ(ds_retrieve_u32("t.num", &v), OK);
	T_EQ(v, 0xdeadbeef);
	T_EQ(ds_retrieve_label_endpt("t.none", &ep), ESRCH);
	/* Keys: up to DS_MAX_KEYLEN bytes with the NUL, not empty. */
	memset(key79, 'k', sizeof(key79));
	key79[DS_MAX_KEYLEN - 1] = '\0';
	T_EQ(ds_publish_u32(key79, 79, 0), OK);
	T_EQ(ds_retrieve_u32(key79, &v), OK);
	T_EQ(v, 79);
	T_EQ(ds_delete_u32(key79), OK);
	key79[DS_MAX_KEYLEN - 1] = 'k';
	key79[DS_MAX_KEYLEN] = '\0';
	T_EQ(ds_publish_u32(key79, 80, 0), EINVAL);
	T_EQ(ds_publish_label("", me, 0), EINVAL);
	T_EQ(ds_publish_u32("t.bad", 1, DSF_TYPE_STR), EINVAL); /* two types */
	/* Only the owner may change or delete a key. */
	c = t_fork(try_steal, NULL);
	T_EQ(t_expect(c, REPORT, &r), OK);
	T_EQ(r, EPERM);
	T_EQ(t_expect(c, REPORT, &r), OK);
	T_EQ(r, EPERM);
	T_EQ(ds_delete_u32("t.key"), EINVAL);                /* wrong type */
	T_EQ(ds_delete_label("t.key"), OK);
	T_EQ(ds_delete_u32("t.num"), OK);
	T_EQ(ds_retrieve_label_endpt("t.key", &ep), ESRCH);
	T_EQ(ds_delete_label("t.key"), ESRCH);
	/* The memory driver published itself at boot; its label back. */
	T_EQ(ds_retrieve_label_endpt("memory", &ep), OK);
	T_EQ(ep, MEM_PROC_NR);
	memset(name, 'x', sizeof(name));
	T_EQ(ds_retrieve_label_name(name, MEM_PROC_NR), OK);
	T_EQ(strcmp(name, "memory"), 0);
	T_EQ(ds_retrieve_label_name(name, 54321), ESRCH);
	return 0;
}

int test_ds_str_mem(void)
{
	char s[16], big[DS_MAX_STRLEN + 1];
	unsigned char mem[300], back[310];
	size_t len;
	int i;

	T_EQ(ds_publish_str("t.str", "hello, ds", 0), OK);
	memset(s, '#', sizeof(s));
	T_EQ(ds_retrieve_str("t.str", s, sizeof(s) - 1), OK);
	T_EQ(strcmp(s, "hello, ds"), 0);
	T_EQ(s[10], '#');                                  /* nothing past it */
	memset(s, '#', sizeof(s));
	T_EQ(ds_retrieve_str("t.str", s, 5), OK);          /* cut to 5 chars */
	T_EQ(strcmp(s, "hello"), 0);
	T_EQ(s[6], '#');
	T_EQ(ds_retrieve_u32("t.str", (uint32_t *)s), EINVAL);
	memset(big, 'b', sizeof(big));
	big[DS_MAX_STRLEN] = '\0';                        /* one too long */
	T_EQ(ds_publish_str("t.big", big, 0), EINVAL);
	T_EQ(ds_delete_str("t.str"), OK);
	for (i = 0; i < (int)sizeof(mem); i++)
		mem[i] = (unsigned char)(i * 7 + 1);
	T_EQ(ds_publish_mem("t.mem", mem, sizeof(mem), 0), OK);
	memset(back, 0xee, sizeof(back));
	len = sizeof(back);
	T_EQ(ds_retrieve_mem("t.mem", (char *)back, &len), OK);
	T_EQ(len, sizeof(mem));
	T_EQ(memcmp(back, mem, sizeof(mem)), 0);
	T_EQ(back[300], 0xee);
	len = 299;                                         /* too small */
	T_EQ(ds_retrieve_mem("t.mem", (char *)back, &len), EINVAL);
	T_EQ(ds_delete_mem("t.mem"), OK);
	return 0;
}

static void try_read_private(void *arg)
{
	uint32_t v = 0;

	(void)arg;
	t_reply(parent, REPORT, ds_retrieve_u32("t.priv", &v));
}

int test_ds_private(void)
{
	endpoint_t c;
	uint32_t v = 0;
	int r;

	parent = t_self();
	T_EQ(ds_publish_u32("t.priv", 42, DSF_PRIV_RETRIEVE), OK);
	T_EQ(ds_retrieve_u32("t.priv", &v), OK);
	T_EQ(v, 42);
	c = t_fork(try_read_private, NULL);
	T_EQ(t_expect(c, REPORT, &r), OK);
	T_EQ(r, EPERM);
	T_EQ(ds_delete_u32("t.priv"), OK);
	return 0;
}

int test_ds_subscribe(void)
{
	char name[DS_MAX_KEYLEN];
	endpoint_t owner;
	message m;
	int type;

	/* Without DSF_INITIAL, what exists already is not reported. */
	T_EQ(ds_subscribe("^mem", 0), OK);
	T_EQ(ds_check(name, &type, &owner), ENOENT);
	T_EQ(ds_subscribe("^memo(ry|\\.)", DSF_INITIAL), OK);
	T_EQ(ipc_receive(DS_PROC_NR, &m, NULL), OK);
	T_EQ(m.m_type, NOTIFY_MESSAGE);
	T_EQ(ds_check(name, &type, &owner), OK);
	T_EQ(strcmp(name, "memory"), 0);
	T_EQ(type, DSF_TYPE_LABEL);
	T_EQ(ds_check(name, &type, &owner), ENOENT);
	/* A new key that matches, then its deletion. */
	T_EQ(ds_publish_u32("memo.x", 7, 0), OK);
	T_EQ(ipc_receive(DS_PROC_NR, &m, NULL), OK);
	T_EQ(ds_check(name, &type, &owner), OK);
	T_EQ(strcmp(name, "memo.x"), 0);
	T_EQ(type, DSF_TYPE_U32);
	T_EQ(owner, t_self());
	T_EQ(ds_check(name, &type, &owner), ENOENT);       /* once, though two subs match */
	T_EQ(ds_publish_u32("other", 1, 0), OK);           /* does not match */
	T_EQ(ds_delete_u32("memo.x"), OK);
	T_EQ(ipc_receive(DS_PROC_NR, &m, NULL), OK);
	T_EQ(ds_check(name, &type, &owner), OK);
	T_EQ(strcmp(name, "memo.x"), 0);
	T_EQ(type, 0);                                     /* deleted */
	T_EQ(ds_check(name, &type, &owner), ENOENT);
	T_EQ(ds_delete_u32("other"), OK);
	T_EQ(ds_subscribe("(", 0), EINVAL);                /* not an expression */
	return 0;
}

/* One request to the memory driver; the reply's status. */
static int mem_req(int type, int minor, uint64_t pos, cp_grant_id_t g, uint32_t count)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	if (type >= BDEV_BASE && type < BDEV_REPLY)
		return t_bdev(MEM_PROC_NR, type, minor, pos, g, count);
	if (type == CDEV_OPEN || type == CDEV_CLOSE) {
		m.m_vfs_lchardriver_openclose.minor = minor;
	} else {
		m.m_vfs_lchardriver_readwrite.minor = minor;
		m.m_vfs_lchardriver_readwrite.pos = (off_t)pos;
		m.m_vfs_lchardriver_readwrite.grant = g;
		m.m_vfs_lchardriver_readwrite.count = count;
	}
	if (ipc_sendrec(MEM_PROC_NR, &m) != OK || m.m_type != CDEV_REPLY)
		return EGENERIC;
	return m.m_lchardriver_vfs_reply.status;
}

/* CDEV_SELECT straight to the memory driver (MINIX's message layout):
 * /dev/null is ready to read and write at once, never exceptional; an
 * unknown minor is ENXIO; the answer is CDEV_SEL1_REPLY with the minor.
 * And libchardriver's chardriver_get_minor on each request layout. */
int test_memory_select(void)
{
	static const int types[] = { CDEV_OPEN, CDEV_CLOSE, CDEV_READ,
		CDEV_WRITE, CDEV_IOCTL, CDEV_CANCEL, CDEV_SELECT };
	devminor_t minor;
	message m;
	unsigned i;

	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_SELECT;
	m.m_vfs_lchardriver_select.minor = 0;
	m.m_vfs_lchardriver_select.ops = CDEV_OP_RD | CDEV_OP_WR | CDEV_OP_ERR |
	    CDEV_NOTIFY;
	T_EQ(ipc_sendrec(MEM_PROC_NR, &m), OK);
	T_EQ(m.m_type, CDEV_SEL1_REPLY);
	T_EQ(m.m_lchardriver_vfs_sel1.status, CDEV_OP_RD | CDEV_OP_WR);
	T_EQ(m.m_lchardriver_vfs_sel1.minor, 0);
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_SELECT;
	m.m_vfs_lchardriver_select.minor = 9;
	m.m_vfs_lchardriver_select.ops = CDEV_OP_RD;
	T_EQ(ipc_sendrec(MEM_PROC_NR, &m), OK);
	T_EQ(m.m_type, CDEV_SEL1_REPLY);
	T_EQ(m.m_lchardriver_vfs_sel1.status, ENXIO);
	T_EQ(m.m_lchardriver_vfs_sel1.minor, 9);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		memset(&m, 0, sizeof(m));
		m.m_type = types[i];
		switch (types[i]) {
		case CDEV_OPEN: case CDEV_CLOSE:
			m.m_vfs_lchardriver_openclose.minor = 10 + (int)i; break;
		case CDEV_CANCEL:
			m.m_vfs_lchardriver_cancel.minor = 10 + (int)i; break;
		case CDEV_SELECT:
			m.m_vfs_lchardriver_select.minor = 10 + (int)i; break;
		default:
			m.m_vfs_lchardriver_readwrite.minor = 10 + (int)i;
		}
		minor = -1;
		T_EQ(chardriver_get_minor(&m, &minor), OK);
		T_EQ(minor, 10 + (int)i);
	}
	m.m_type = CDEV_REPLY;
	T_EQ(chardriver_get_minor(&m, &minor), EINVAL);
	return 0;
}

int test_memory_null_zero(void)
{
	static uint8_t buf[300];
	cp_grant_id_t g, ro;
	int i;

	memset(buf, 0xaa, sizeof(buf));
	g = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)buf + 50, 200, CPF_READ | CPF_WRITE);
	ro = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)buf + 50, 200, CPF_READ);
	T_TRUE(g >= 0 && ro >= 0);
	T_EQ(mem_req(CDEV_OPEN, MEMORY_ZERO, 0, GRANT_INVALID, 0), OK);
	T_EQ(mem_req(CDEV_READ, MEMORY_ZERO, 0, g, 100), 100);
	for (i = 0; i < 300; i++)
		T_EQ(buf[i], (i >= 50 && i < 150) ? 0 : 0xaa);
	T_EQ(mem_req(CDEV_READ, MEMORY_ZERO, 0, g, 201), EPERM);   /* past the grant */
	T_EQ(mem_req(CDEV_READ, MEMORY_ZERO, 0, ro, 10), EPERM);   /* read-only */
	T_EQ(mem_req(CDEV_READ, MEMORY_NULL, 0, g, 100), 0);       /* end of file */
	T_EQ(mem_req(CDEV_WRITE, MEMORY_NULL, 0, ro, 200), 200);
	T_EQ(mem_req(CDEV_READ, 7, 0, g, 1), ENXIO);
	T_EQ(mem_req(CDEV_IOCTL, MEMORY_NULL, 0, g, 1), ENOTTY);
	T_EQ(buf[150], 0xaa);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(mem_req(CDEV_READ, MEMORY_ZERO, 0, g, 1), EPERM);      /* revoked */
	T_EQ(cpf_revoke(ro), 0);
	return 0;
}

int test_memory_ramdisk(void)
{
	static uint8_t blk[2048], save[16];
	struct { struct vumap_vir v[2]; } iov;
	cp_grant_id_t g, gi, g1, g2;
	uint64_t end = 16384 * 1024;                           /* tools/mkroot.sh */

	g = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)blk, sizeof(blk), CPF_READ | CPF_WRITE);
	T_TRUE(g >= 0);
	/* The ext2 superblock of the root image, byte 1024 on. */
	T_EQ(mem_req(BDEV_OPEN, MEMORY_RAMDISK, 0, GRANT_INVALID, 0), OK);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, 1024, g, 1024), 1024);
	T_EQ(blk[56] | (blk[57] << 8), 0xef53);                /* s_magic */
	/* s_blocks_count << (10 + s_log_block_size): the image's 16 MiB */
	T_EQ((uint64_t)*(uint32_t *)(blk + 4) << (10 + *(uint32_t *)(blk + 24)),
	    16u << 20);
	/* At and far past the end: 0 bytes; across it: cut short there
	 * (MINIX's; t_bdev.c checks the bytes). */
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end, g, 512), 0);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end - 100, g, 512), 100);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end - 100, g, 100), 100);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end + (1ull << 32), g, 512), 0);
	T_EQ(mem_req(BDEV_READ, MEMORY_NULL, 0, g, 512), ENXIO);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, 0, g, 4096), EPERM); /* > grant */
	/* Write and read back the last 16 bytes, then put them back. */
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end - 16, g, 16), 16);
	memcpy(save, blk, 16);
	memset(blk, 0x5c, 16);
	T_EQ(mem_req(BDEV_WRITE, MEMORY_RAMDISK, end - 16, g, 16), 16);
	memset(blk, 0, 16);
	T_EQ(mem_req(BDEV_READ, MEMORY_RAMDISK, end - 16, g, 16), 16);
	T_EQ(blk[0], 0x5c);
	T_EQ(blk[15], 0x5c);
	memcpy(blk, save, 16);
	T_EQ(mem_req(BDEV_WRITE, MEMORY_RAMDISK, end - 16, g, 16), 16);
	/* Gather: two pieces through a granted vector of grants. */
	g1 = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)blk, 1000, CPF_WRITE);
	g2 = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)blk + 1000, 24, CPF_WRITE);
	iov.v[0] = (struct vumap_vir){ g1, 1000 };
	iov.v[1] = (struct vumap_vir){ g2, 24 };
	gi = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)&iov, sizeof(iov), CPF_READ);
	memset(blk, 0, sizeof(blk));
	T_EQ(mem_req(BDEV_GATHER, MEMORY_RAMDISK, 1024, gi, 2), 1024);
	T_EQ(blk[56] | (blk[57] << 8), 0xef53);
	T_EQ(mem_req(BDEV_GATHER, MEMORY_RAMDISK, 1024, gi, 0), EINVAL);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(gi), 0);
	T_EQ(cpf_revoke(g1), 0);
	T_EQ(cpf_revoke(g2), 0);
	return 0;
}
