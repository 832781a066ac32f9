/* t_fs.c - the ext2 server, driven by the test process in VFS's place:
 * mount the RAM disk, look names up one component at a time, stat, read
 * files byte-exact (also through a magic grant straight into another
 * process, the way VFS serves read()), list a 500-entry directory, and
 * every error.  The files come from tools/mkroot.sh.
 */
#include <stdlib.h>
#include <dirent.h>
#include <sys/stat.h>
#include "t.h"

static uint8_t pat(uint32_t i) { return (uint8_t)((i * 131 + i / 4096) & 255); }

static int fs_req(int type, uint32_t ino, uint64_t pos, cp_grant_id_t g, uint32_t count,
	message *m)
{
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_fs.ino = ino;
	m->m_fs.pos_lo = (uint32_t)pos;
	m->m_fs.pos_hi = (uint32_t)(pos >> 32);
	m->m_fs.grant = g;
	m->m_fs.count = count;
	m->m_fs.dev = MEM_PROC_NR;
	m->m_fs.minor = MEMORY_RAMDISK;
	if (ipc_sendrec(FS_PROC_NR, m) != OK || m->m_type != FS_REPLY)
		return EGENERIC;
	return m->m_fs.status;
}

/* The root inode, mounting on first use. */
static uint32_t fs_root(void)
{
	message m;
	int r = fs_req(REQ_READSUPER, 0, 0, GRANT_INVALID, 0, &m);

	return r == OK || r == EBUSY ? 2 : 0;
}

/* Look up one component; the inode, or a negative error. */
static long fs_lookup(uint32_t dir, const char *name, message *m)
{
	cp_grant_id_t g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)name, strlen(name), CPF_READ);
	int r = fs_req(REQ_LOOKUP, dir, 0, g, (uint32_t)strlen(name), m);

	cpf_revoke(g);
	return r == OK ? (long)m->m_fs.r_ino : r;
}

static long fs_path(const char *a, const char *b)
{
	message m;
	long d = fs_lookup(fs_root(), a, &m);

	return d < 0 || !b ? d : fs_lookup((uint32_t)d, b, &m);
}

int test_fs_lookup_stat_read(void)
{
	static char buf[64];
	static struct stat st;
	cp_grant_id_t g, gs;
	message m;
	long etc, motd;

	T_EQ(fs_root(), 2);
	etc = fs_lookup(2, "etc", &m);
	T_TRUE(etc > 2);
	T_EQ(m.m_fs.r_mode & S_IFMT, S_IFDIR);
	motd = fs_lookup((uint32_t)etc, "motd", &m);
	T_TRUE(motd > 2);
	T_EQ(m.m_fs.r_mode & S_IFMT, S_IFREG);
	T_EQ(m.m_fs.r_size_lo, 25);
	T_EQ(fs_lookup((uint32_t)etc, ".", &m), etc);
	T_EQ(fs_lookup((uint32_t)etc, "..", &m), 2);
	/* Read it all, then from the middle, then at the end. */
	memset(buf, '#', sizeof(buf));
	g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)buf, 40, CPF_WRITE);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 0, g, 40, &m), 25);
	T_EQ(memcmp(buf, "Welcome to minix-grants.\n", 25), 0);
	T_EQ(buf[25], '#');
	T_EQ(m.m_fs.pos_lo, 25);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 11, g, 40, &m), 14);
	T_EQ(memcmp(buf, "minix-grants.\n", 14), 0);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 25, g, 40, &m), 0);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 1ull << 40, g, 40, &m), 0);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 0, g, 41, &m), 25);     /* only 25 exist */
	T_EQ(fs_req(REQ_READ, (uint32_t)fs_path("test", "4k"), 0, g, 41, &m), EPERM); /* > grant */
	/* Stat. */
	gs = cpf_grant_direct(FS_PROC_NR, (vir_bytes)&st, sizeof(st), CPF_WRITE);
	T_EQ(fs_req(REQ_STAT, (uint32_t)motd, 0, gs, 0, &m), OK);
	T_EQ(st.st_ino, (ino_t)motd);
	T_EQ(st.st_size, 25);
	T_EQ(st.st_nlink, 1);
	T_EQ(S_ISREG(st.st_mode), 1);
	/* Errors. */
	T_EQ(fs_lookup(2, "nope", &m), ENOENT);
	T_EQ(fs_lookup((uint32_t)motd, "x", &m), ENOTDIR);
	{
		char longname[300];
		memset(longname, 'a', 256);
		longname[256] = '\0';
		T_EQ(fs_lookup(2, longname, &m), ENAMETOOLONG);
	}
	T_EQ(fs_req(REQ_READ, (uint32_t)etc, 0, g, 40, &m), EISDIR);
	/* A write through a grant ext2 may not read: nothing written (the
	 * stat below still sees 25 bytes); an empty name: ENOENT. */
	T_EQ(fs_req(REQ_WRITE, (uint32_t)motd, 0, g, 1, &m), EPERM);
	T_EQ(fs_req(REQ_MKDIR, 2, 0, g, 0, &m), ENOENT);
	T_EQ(fs_req(REQ_READSUPER, 0, 0, GRANT_INVALID, 0, &m), EBUSY);
	T_EQ(fs_req(0x7777, 2, 0, g, 1, &m), EBADREQUEST);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(cpf_revoke(gs), 0);
	return 0;
}

int test_fs_files_exact(void)
{
	static const struct { const char *name; uint32_t size; } files[] = {
		{ "empty", 0 }, { "one", 1 }, { "4k", 4096 }, { "1m", 1048576 },
	};
	uint8_t *buf = malloc(1048576 + 64);
	unsigned f;

	T_TRUE(buf != NULL);
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		long ino = fs_path("test", files[f].name);
		uint32_t done = 0, i;
		message m;

		T_TRUE(ino > 2);
		T_EQ(fs_lookup((uint32_t)fs_path("test", NULL), files[f].name, &m), ino);
		T_EQ(m.m_fs.r_size_lo, files[f].size);
		memset(buf, 0xee, files[f].size + 64);
		/* In pieces of 60 KiB: an odd size, across block boundaries. */
		for (;;) {
			uint32_t want = files[f].size + 64 - done;
			cp_grant_id_t g;
			int n;
			if (want > 61440)
				want = 61440;
			g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)buf + done, want, CPF_WRITE);
			n = fs_req(REQ_READ, (uint32_t)ino, done, g, want, &m);
			T_EQ(cpf_revoke(g), 0);
			T_TRUE(n >= 0);
			if (n == 0)
				break;
			T_EQ(m.m_fs.pos_lo, done + (uint32_t)n);
			done += (uint32_t)n;
		}
		T_EQ(done, files[f].size);
		for (i = 0; i < files[f].size; i++)
			if (buf[i] != (files[f].size == 1 ? 'x' : pat(i)))
				T_FAIL("%s: byte %u is %u", files[f].name, i, buf[i]);
		T_EQ(buf[files[f].size], 0xee);
	}
	free(buf);
	return 0;
}

/* VFS's data path: a magic grant to another process's buffer; the file
 * system copies straight into it. */
static char mbuf[128];
static endpoint_t tester;

static void show_buffer(void *arg)
{
	message m;

	(void)arg;
	memset(mbuf, '#', sizeof(mbuf));
	t_reply(tester, 1, 0);                       /* ready */
	ipc_receive(tester, &m, NULL);               /* the read is done */
	memset(&m, 0, sizeof(m));
	memcpy(m.m_u8.data, mbuf, 56);
	m.m_type = 2;
	ipc_send(tester, &m);
}

int test_fs_magic_grant_read(void)
{
	endpoint_t u;
	cp_grant_id_t g;
	message m;
	long motd = fs_path("etc", "motd");

	tester = t_self();
	u = t_fork(show_buffer, NULL);
	T_EQ(t_expect(u, 1, NULL), OK);
	g = cpf_grant_magic(FS_PROC_NR, u, (vir_bytes)mbuf + 4, 30, CPF_WRITE);
	T_TRUE(g >= 0);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 0, g, 30, &m), 25);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(fs_req(REQ_READ, (uint32_t)motd, 0, g, 30, &m), EPERM); /* revoked */
	T_EQ(t_reply(u, 0, 0), OK);
	T_EQ(ipc_receive(u, &m, NULL), OK);
	T_EQ(m.m_type, 2);
	T_EQ(memcmp(m.m_u8.data, "####Welcome to minix-grants.\n###", 32), 0);
	T_EQ(mbuf[4], 0);                                /* ours is untouched */
	return 0;
}

int test_fs_getdents_500(void)
{
	static uint8_t buf[1024] __attribute__((aligned(8)));
	static char seen[500];
	long dir = fs_path("test", "dir500");
	uint64_t pos = 0;
	int dots = 0, n_files = 0, i;
	cp_grant_id_t g;
	message m;

	T_TRUE(dir > 2);
	memset(seen, 0, sizeof(seen));
	g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
	for (;;) {
		int n = fs_req(REQ_GETDENTS, (uint32_t)dir, pos, g, sizeof(buf), &m), off = 0;
		T_TRUE(n >= 0);
		if (n == 0)
			break;
		while (off < n) {
			struct dirent *d = (struct dirent *)(buf + off);
			if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) {
				T_EQ(d->d_type, DT_DIR);
				dots++;
			} else {
				int k = atoi(d->d_name + 1);
				T_EQ(d->d_name[0], 'f');
				T_TRUE(k >= 0 && k < 500 && !seen[k]);
				T_EQ(d->d_type, DT_REG);
				seen[k] = 1;
				n_files++;
			}
			T_EQ(d->d_reclen % 8, 0);
			off += d->d_reclen;
		}
		T_EQ(off, n);
		pos = ((uint64_t)m.m_fs.pos_hi << 32) | m.m_fs.pos_lo;
	}
	T_EQ(dots, 2);
	T_EQ(n_files, 500);
	for (i = 0; i < 500; i++)
		T_EQ(seen[i], 1);
	T_EQ(fs_req(REQ_GETDENTS, (uint32_t)dir, 0, g, 8, &m), EINVAL);  /* no room */
	T_EQ(cpf_revoke(g), 0);
	return 0;
}

/* Does the RAM disk hold pat (len bytes) at the start of a 1 KiB block?
 * Read straight from the memory driver, under the file system. */
static int disk_has(const uint8_t *pat, size_t len)
{
	static uint8_t buf[8192];
	uint64_t pos;
	cp_grant_id_t g;
	message m;
	int off, r;

	for (pos = 0;; pos += sizeof(buf)) {
		g = cpf_grant_direct(MEM_PROC_NR, (vir_bytes)buf, sizeof(buf), CPF_WRITE);
		memset(&m, 0, sizeof(m));
		m.m_type = BDEV_READ;
		m.m_lbdev_lblockdriver_msg.minor = MEMORY_RAMDISK;
		m.m_lbdev_lblockdriver_msg.pos = pos;
		m.m_lbdev_lblockdriver_msg.grant = g;
		m.m_lbdev_lblockdriver_msg.count = sizeof(buf);
		r = ipc_sendrec(MEM_PROC_NR, &m);
		cpf_revoke(g);
		if (r != OK || m.m_lblockdriver_lbdev_reply.status <= 0)
			return 0;
		for (off = 0; off + 1024 <= m.m_lblockdriver_lbdev_reply.status; off += 1024)
			if (memcmp(buf + off, pat, len) == 0)
				return 1;
	}
}

/* Write len bytes of buf at pos of ino through a direct grant. */
static int fs_write(uint32_t ino, uint64_t pos, const void *buf, uint32_t len)
{
	cp_grant_id_t g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)buf, len, CPF_READ);
	message m;
	int r = fs_req(REQ_WRITE, ino, pos, g, len, &m);

	cpf_revoke(g);
	return r;
}

/* A request naming `name` in the root (CREATE, UNLINK). */
static int fs_name(int type, const char *name, uint32_t flags, message *m)
{
	cp_grant_id_t g = cpf_grant_direct(FS_PROC_NR, (vir_bytes)name, strlen(name), CPF_READ);
	int r;

	memset(m, 0, sizeof(*m));
	m->m_type = type;
	m->m_fs.ino = 2;
	m->m_fs.grant = g;
	m->m_fs.count = (uint32_t)strlen(name);
	m->m_fs.flags = flags;
	r = ipc_sendrec(FS_PROC_NR, m) != OK || m->m_type != FS_REPLY ? EGENERIC :
	    m->m_fs.status;
	cpf_revoke(g);
	return r;
}

/* Write-back: a write stays in ext2's cache, reaches the disk by itself
 * within the periodic flush's 5 s, and at once on REQ_SYNC. */
int test_fs_write_back(void)
{
	static uint8_t a[1024], b[1024];
	clock_t t0;
	message m;
	uint32_t ino, i;
	int found = 0;

	for (i = 0; i < sizeof(a); i++) {
		a[i] = (uint8_t)(i * 29 + 'W');
		b[i] = (uint8_t)(i * 31 + 'S');
	}
	T_EQ(fs_root(), 2);
	T_EQ(fs_name(REQ_CREATE, "wbtest", S_IFREG | 0644, &m), OK);
	ino = m.m_fs.r_ino;
	t0 = t_now();
	T_EQ(fs_write(ino, 0, a, sizeof(a)), sizeof(a));
	T_EQ(disk_has(a, sizeof(a)), 0);	/* in the cache only */
	while (!found && t_now() - t0 < 8 * sys_hz()) {
		t_sleep(sys_hz() / 2);
		found = disk_has(a, sizeof(a));
	}
	T_EQ(found, 1);
	T_TRUE(t_now() - t0 >= 4 * sys_hz());	/* not before its time */
	T_EQ(fs_write(ino, 1024, b, sizeof(b)), sizeof(b));
	T_EQ(disk_has(b, sizeof(b)), 0);
	T_EQ(fs_req(REQ_SYNC, 0, 0, GRANT_INVALID, 0, &m), OK);
	T_EQ(disk_has(b, sizeof(b)), 1);
	T_EQ(fs_name(REQ_UNLINK, "wbtest", 0, &m), OK);
	T_EQ(fs_req(REQ_SYNC, 0, 0, GRANT_INVALID, 0, &m), OK);
	return 0;
}
