/* t_mapphys.c - vm_map_phys()/vm_unmap_phys(): a helper whose .conf would
 * say "pci device 1234/1111" (QEMU's VGA, a function no driver uses) maps
 * the VGA's framebuffer BAR and writes and reads it back; the refusals
 * (RAM, past the BAR, len 0, a device not in its .conf) with their errno;
 * the kernel refuses to copy from the pages (safecopy of a grant of them,
 * vircopy, umap); a fork's child shares the device pages (it writes, the
 * parent reads); an access after vm_unmap_phys faults.  The runner's leak
 * check (frames after every test) sees that exit drops no frame for them.
 */
#include <errno.h>
#include <string.h>
#include <signal.h>
#include <minix/syslib.h>
#include <minix/sysutil.h>
#include <minix/pci.h>
#include "t.h"

#define STD_VGA 0x12341111u
#define RES_OK  0
#define RES     1  /* report type: 0, or the line that failed */
#define MAGIC   0x5a17c0deu
#define CHECK(c) do { if (!(c)) return __LINE__; } while (0)

static endpoint_t parent;
static volatile uint32_t *fb;

/* The VGA's framebuffer BAR (BAR 0). */
static int vga_bar(uint32_t *base, uint32_t *size)
{
	int devind, io;

	if (pci_init() != OK || pci_find_id(0x1234, 0x1111, 0, &devind) != OK)
		return -1;
	if (pci_get_bar(devind, 0x10, base, size, &io) != OK || io)
		return -1;
	return 0;
}

static void fork_child(void *arg)
{
	(void)arg;
	fb[1024 + 1] = MAGIC;	/* through the mapping fork gave us */
}

static int mapper(void)
{
	uint32_t base, size, v;
	volatile uint32_t *q;
	cp_grant_id_t g;
	phys_bytes pa;
	endpoint_t c;
	struct vumap_vir vv;
	struct vumap_phys pv;
	char buf[16];
	int i, n;

	CHECK(vga_bar(&base, &size) == 0);
	CHECK(base >= 0x40000000u && size >= 2 * 4096);
	fb = vm_map_phys(SELF, (void *)base, 2 * 4096);
	CHECK(fb != MAP_FAILED);
	fb[0] = 0x11223344u;
	fb[1024] = 0x55667788u;
	CHECK(fb[0] == 0x11223344u && fb[1024] == 0x55667788u);
	/* Unaligned: mapped from its page, the address of the byte asked. */
	q = vm_map_phys(SELF, (void *)(base + 4), 4);
	CHECK(q != MAP_FAILED && ((vir_bytes)q & 4095) == 4 && *q == fb[1]);
	CHECK(vm_unmap_phys(SELF, (void *)q, 4) == OK);
	CHECK(vm_unmap_phys(SELF, (void *)q, 4) == EFAULT);
	/* Refusals. */
	errno = 0;
	CHECK(vm_map_phys(SELF, (void *)base, 0) == MAP_FAILED && errno == -EINVAL);
	CHECK(vm_map_phys(SELF, (void *)0x100000, 4096) == MAP_FAILED && errno == -EPERM);
	CHECK(vm_map_phys(SELF, (void *)(base + size - 4096), 8192) == MAP_FAILED &&
	    errno == -EPERM);
	CHECK(vm_map_phys(SELF, (void *)base, size + 4096) == MAP_FAILED && errno == -EPERM);
	/* The kernel copies nothing from or to device pages. */
	g = cpf_grant_direct(t_self(), (vir_bytes)fb, 4096, CPF_READ | CPF_WRITE);
	CHECK(g != GRANT_INVALID);
	CHECK(sys_safecopyfrom(t_self(), g, 0, (vir_bytes)buf, sizeof(buf)) == EFAULT);
	CHECK(sys_safecopyto(t_self(), g, 0, (vir_bytes)buf, sizeof(buf)) == EFAULT);
	vv.vv_grant = g;
	vv.vv_size = 4096;
	n = 1;
	CHECK(sys_vumap(t_self(), &vv, 1, 0, VUA_READ, &pv, &n) == EFAULT);
	cpf_revoke(g);
	CHECK(sys_vircopy(SELF, (vir_bytes)fb, SELF, (vir_bytes)buf, sizeof(buf), 0) == EFAULT);
	CHECK(sys_umap(SELF, VM_D, (vir_bytes)fb, 4, &pa) == EFAULT);
	/* fork: the child has the same device pages. */
	fb[1024 + 1] = 0;
	c = t_fork(fork_child, NULL);
	CHECK(c != NONE);
	for (i = 0; i < 200 && fb[1024 + 1] != MAGIC; i++)
		t_sleep(1);
	v = fb[1024 + 1];
	sys_clear(c);
	CHECK(v == MAGIC);
	return RES_OK;	/* exits with fb still mapped */
}

static void mapper_main(void *arg)
{
	(void)arg;
	t_reply(parent, RES, mapper());
	for (;;)
		t_sleep(100);
}

/* Maps, unmaps, then touches the page: killed by the page fault. */
static void unmapped_main(void *arg)
{
	uint32_t base, size;
	volatile uint32_t *p;

	(void)arg;
	if (vga_bar(&base, &size) != 0 ||
	    (p = vm_map_phys(SELF, (void *)base, 4096)) == MAP_FAILED ||
	    vm_unmap_phys(SELF, (void *)p, 4096) != OK) {
		t_reply(parent, RES, __LINE__);
		return;
	}
	t_reply(parent, RES, RES_OK);
	(void)*p;
	t_reply(parent, RES, __LINE__);	/* not reached */
}

/* Without the VGA in its .conf: EPERM. */
static void stranger_main(void *arg)
{
	uint32_t base, size;

	(void)arg;
	errno = 0;
	if (vga_bar(&base, &size) != 0)
		t_reply(parent, RES, __LINE__);
	else if (vm_map_phys(SELF, (void *)base, 4096) != MAP_FAILED || errno != -EPERM)
		t_reply(parent, RES, __LINE__);
	else
		t_reply(parent, RES, RES_OK);
	for (;;)
		t_sleep(100);
}

static int start_err;

static endpoint_t start(void (*fn)(void *), int vga)
{
	struct priv_desc d;
	endpoint_t c;

	if ((start_err = sys_fork(PFF_STOPPED, &c)) != OK)
		return NONE;
	if (c == NONE) {
		fn(NULL);
		sys_exit(0);
	}
	memset(&d, 0, sizeof(d));
	d.pd_flags = SYS_PROC | PREEMPTIBLE | DMA_OK;
	d.pd_trap_mask = TRAPS_ALL;
	memset(d.pd_call_mask, 0xff, sizeof(d.pd_call_mask));
	memset(d.pd_ipc_to, 0xff, sizeof(d.pd_ipc_to));
	d.pd_nr_io = 1;
	d.pd_io[0].ior_base = 0xcf8;	/* PCI configuration, for its BAR */
	d.pd_io[0].ior_limit = 0xcff;
	d.pd_nr_pci = vga ? 1 : 0;
	d.pd_pci[0] = STD_VGA;
	d.pd_sig_mgr = SELF;
	if ((start_err = sys_privctl(c, SYS_PRIV_SET_SYS, &d)) != OK ||
	    (start_err = sys_privctl(c, SYS_PRIV_ALLOW, NULL)) != OK)
		return NONE;
	return c;
}

int test_mapphys(void)
{
	endpoint_t c;
	int v = -1;

	parent = t_self();
	c = start(mapper_main, 1);
	T_EQ(start_err, OK);
	T_EQ(t_expect(c, RES, &v), OK);
	T_EQ(v, RES_OK);
	T_EQ(sys_clear(c), OK);	/* exit with a device mapping */

	c = start(stranger_main, 0);
	T_EQ(start_err, OK);
	T_EQ(t_expect(c, RES, &v), OK);
	T_EQ(v, RES_OK);
	T_EQ(sys_clear(c), OK);

	c = start(unmapped_main, 1);
	T_EQ(start_err, OK);
	T_EQ(t_expect(c, RES, &v), OK);
	T_EQ(v, RES_OK);
	T_EQ(t_wait_ksig(c, 5 * sys_hz()), 1 << SIGSEGV);
	T_EQ(sys_clear(c), OK);
	return 0;
}
