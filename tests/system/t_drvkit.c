/* t_drvkit.c - the libsys calls of a MINIX driver with MINIX's arguments
 * and results (issue 12): sys_whoami, sys_getinfo and its shorthands,
 * sys_getmachine, sys_setalarm2, sys_vircopy's flags, sys_in/sys_out,
 * sys_irqctl, sys_umap, cpf_prealloc and CPF_TRY's value.
 */
#include <errno.h>
#include <string.h>
#include <minix/syslib.h>
#include <minix/sysutil.h>
#include "t.h"

/* MINIX's values, fixed at compile time. */
_Static_assert(CPF_READ == 0x1 && CPF_WRITE == 0x2 && CPF_TRY == 0x10,
	"CPF_* as MINIX");
_Static_assert(CPF_MAP != CPF_TRY && (CPF_MAP & CPF_ALL_FLAGS) == CPF_MAP,
	"CPF_MAP is a bit of its own");
_Static_assert(CP_FLAG_TRY == 0x01 && VM_D == 0x1001 && VM_GRANT == 0x1003,
	"CP_FLAG_TRY, VM_D, VM_GRANT as MINIX");

int test_drvkit_whoami_getinfo(void)
{
	endpoint_t me = NONE;
	char name[16], small[4];
	int pflags = -1, iflags = -1;
	struct kinfo ki;
	struct proc_info pi;
	struct machine mach;

	T_EQ(sys_whoami(&me, name, sizeof(name), &pflags, &iflags), OK);
	T_EQ(me, t_self());
	T_EQ(sys_getproc(&pi, me), OK);
	T_TRUE(strlen(pi.pi_name) >= 4);
	T_EQ(strcmp(name, pi.pi_name), 0);
	T_EQ(pflags & (SYS_PROC | MAGIC_GRANT | DMA_OK), SYS_PROC | MAGIC_GRANT | DMA_OK);
	T_EQ(iflags, 0);
	T_EQ(sys_whoami(&me, small, sizeof(small), NULL, NULL), OK);
	T_EQ(strlen(small), 3);                        /* cut, NUL-ended */
	T_EQ(strncmp(small, pi.pi_name, 3), 0);
	T_EQ(sys_whoami(NULL, name, sizeof(name), NULL, NULL), EINVAL);
	T_EQ(sys_whoami(&me, name, 0, NULL, NULL), EINVAL);
	/* MINIX's macros pass a length of 0: the size of the result. */
	memset(&ki, 0, sizeof(ki));
	T_EQ(sys_getinfo(GET_KINFO, &ki, 0, NULL, 0), OK);
	T_EQ(ki.hz, sys_hz());
	T_EQ(sys_getinfo(GET_KINFO, &ki, 4, NULL, 0), EINVAL); /* no room */
	T_EQ(sys_getinfo(GET_KINFO, &ki, -1, NULL, 0), EINVAL);
	T_EQ(sys_getinfo(GET_PROC, &pi, 0, NULL, me), OK);      /* val_len2: who */
	T_EQ(pi.pi_endpoint, me);
	T_EQ(sys_getinfo(GET_PROC, &pi, 0, NULL, _ENDPOINT(5, NR_PROCS + 3)), EINVAL);
	T_EQ(sys_getinfo(999, &pi, sizeof(pi), NULL, 0), EINVAL);
	memset(&mach, 0xff, sizeof(mach));
	T_EQ(sys_getmachine(&mach), OK);
	T_EQ(mach.processors_count, 1);
	T_EQ(mach.bsp_id, 0);
	T_EQ(mach.apic_enabled, 0);
	return 0;
}

int test_drvkit_alarm_vircopy(void)
{
	clock_t left = -1, up = -1, before = getticks();
	static volatile uint32_t src = 0x12345678, dst;

	T_EQ(sys_setalarm2(50, 0, &left, &up), OK);
	T_EQ(left, 0);                                  /* none was set */
	T_TRUE(up >= before && up <= getticks());
	T_EQ(sys_setalarm2(0, 0, &left, NULL), OK);     /* cancel */
	T_TRUE(left > 0 && left <= 50);
	T_EQ(sys_setalarm(-1, 0), EINVAL);
	T_EQ(sys_setalarm(5, 2), EINVAL);
	dst = 0;
	T_EQ(sys_vircopy(SELF, (vir_bytes)&src, SELF, (vir_bytes)&dst, 4, 0), OK);
	T_EQ(dst, 0x12345678);
	dst = 0;
	T_EQ(sys_datacopy_try(SELF, (vir_bytes)&src, SELF, (vir_bytes)&dst, 4), OK);
	T_EQ(dst, 0x12345678);
	T_EQ(sys_vircopy(SELF, (vir_bytes)&src, SELF, (vir_bytes)&dst, 4, 2), EINVAL);
	T_EQ(sys_datacopy(SELF, 0x1000, SELF, (vir_bytes)&dst, 4), EFAULT);
	return 0;
}

int test_drvkit_port_irq(void)
{
	uint32_t a = 0, b = 0;
	int hook = 5;

	/* CMOS status register B, as sys_in and as sys_inb. */
	T_EQ(sys_out(0x70, 0x0b, _DIO_BYTE), OK);
	T_EQ(sys_in(0x71, &a, _DIO_BYTE), OK);
	T_EQ(sys_outb(0x70, 0x0b), OK);
	T_EQ(sys_inb(0x71, &b), OK);
	T_EQ(a, b);
	T_TRUE(a & 0x02);                               /* 24-hour mode */
	T_EQ(sys_in(0x71, &a, 0), EINVAL);              /* no size */
	T_EQ(sys_in(0x71, &a, _DIO_BYTE | _DIO_WORD), EINVAL);
	T_EQ(sys_in(0x60, &a, _DIO_BYTE), EPERM);       /* not in the .conf */
	T_EQ(sys_out(0x71, 0, _DIO_WORD), EPERM);       /* 0x71..0x72 */
	/* The hook id: in, the notification bit; out, the kernel's hook. */
	T_EQ(sys_irqctl(IRQ_SETPOLICY, 8, 0, &hook), OK);
	T_EQ(sys_irqctl(IRQ_DISABLE, 0, 0, &hook), OK);
	T_EQ(sys_irqctl(IRQ_ENABLE, 0, 0, &hook), OK);
	T_EQ(sys_irqctl(IRQ_RMPOLICY, 0, 0, &hook), OK);
	T_EQ(sys_irqdisable(&hook), EINVAL);            /* removed */
	T_EQ(sys_irqctl(99, 8, 0, &hook), EINVAL);
	return 0;
}

static uint8_t umap_buf[3 * 4096] __attribute__((aligned(4096)));

int test_drvkit_umap(void)
{
	vir_bytes a = (vir_bytes)umap_buf;
	phys_bytes pa = 0, pb = 0;
	struct vumap_vir v;
	struct vumap_phys p[4];
	cp_grant_id_t g;
	int n = 4;

	umap_buf[0x123] = 1; /* mapped, our own copy */
	T_EQ(sys_umap(SELF, VM_D, a + 0x123, 16, &pa), OK);
	T_EQ(pa & 0xfff, 0x123);
	/* The same frame as sys_vumap finds through a grant to ourselves. */
	g = cpf_grant_direct(t_self(), a, 4096, CPF_READ);
	T_TRUE(GRANT_VALID(g));
	v = (struct vumap_vir){ g, 4096 };
	T_EQ(sys_vumap(t_self(), &v, 1, 0, VUA_READ, p, &n), OK);
	T_EQ(n, 1);
	T_EQ(p[0].vp_addr + 0x123, pa);
	T_EQ(sys_vumap_release(p, n), OK);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(sys_umap(t_self(), VM_D, a, 4096, &pb), OK);
	T_EQ(pb + 0x123, pa);
	T_EQ(sys_umap(SELF, VM_GRANT, a, 16, &pa), EINVAL);
	T_EQ(sys_umap(SELF, VM_D, a, 0, &pa), EINVAL);
	T_EQ(sys_umap(SELF, VM_D, 0x1000, 16, &pa), EFAULT);       /* below user space */
	T_EQ(sys_umap(SELF, 0, a, 16, &pa), EINVAL);
	T_EQ(sys_umap(SYSTEM, VM_D, a, 16, &pa), EPERM);           /* not ours to ask */
	return 0;
}

int test_drvkit_cpf(void)
{
	static uint32_t word = 0xabcd;
	uint32_t got = 0;
	cp_grant_id_t g;

	cpf_prealloc(100); /* void, as MINIX's */
	T_TRUE(cpf_count_free() >= 100);
	/* A grant with CPF_TRY works as without it (nothing here is paged). */
	g = cpf_grant_direct(t_self(), (vir_bytes)&word, 4, CPF_READ | CPF_TRY);
	T_TRUE(GRANT_VALID(g));
	T_EQ(sys_safecopyfrom(t_self(), g, 0, (vir_bytes)&got, 4), OK);
	T_EQ(got, 0xabcd);
	/* A bit that is not a grant flag here (0x40) makes the entry
	 * invalid; CPF_TRY (0x10) and CPF_MAP (0x20) do not. */
	{
		int n;
		cp_grant_t *tab = cpf_table(&n);
		int slot = GRANT_SLOT(g), f = tab[slot].cp_flags;
		tab[slot].cp_flags = f | 0x40;
		T_EQ(sys_safecopyfrom(t_self(), g, 0, (vir_bytes)&got, 4), EPERM);
		tab[slot].cp_flags = f | CPF_MAP;
		T_EQ(sys_safecopyfrom(t_self(), g, 0, (vir_bytes)&got, 4), OK);
		tab[slot].cp_flags = f;
	}
	T_EQ(cpf_revoke(g), 0);
	return 0;
}

int test_drvkit_alloc_contig(void)
{
	struct kinfo k0, k1;
	phys_bytes ph = 1, pa = 0;
	uint8_t *p, *q;
	int i;

	/* Once first, so that the window's page table exists. */
	p = alloc_contig(4096, 0, &ph);
	T_TRUE(p != NULL);
	T_EQ(free_contig(p, 4096), 0);
	T_EQ(sys_getkinfo(&k0), OK);
	p = alloc_contig(3 * 4096 - 100, 0, &ph);
	T_TRUE(p != NULL);
	T_EQ(ph & 0xfff, 0);
	/* Contiguous: sys_umap takes the whole range only if it is. */
	T_EQ(sys_umap(SELF, VM_D, (vir_bytes)p, 3 * 4096, &pa), OK);
	T_EQ(pa, ph);
	for (i = 0; i < 3 * 4096; i++)
		T_EQ(p[i], 0);                           /* zeroed */
	p[3 * 4096 - 1] = 0x5a;
	q = alloc_contig(65536, AC_ALIGN64K | AC_LOWER16M, &ph);
	T_TRUE(q != NULL && q != p);
	T_EQ(ph & 0xffff, 0);
	T_TRUE(ph + 65536 <= (16u << 20));
	T_EQ(sys_umap(SELF, VM_D, (vir_bytes)q, 65536, &pa), OK);
	T_EQ(pa, ph);
	T_EQ(p[3 * 4096 - 1], 0x5a);
	errno = 0;
	T_TRUE(alloc_contig(4096, AC_LOWER1M, &ph) == NULL); /* all taken */
	T_EQ(errno, -ENOMEM);
	T_TRUE(alloc_contig(4096, 0x10, &ph) == NULL);
	T_EQ(errno, -EINVAL);
	T_TRUE(alloc_contig(0, 0, &ph) == NULL);
	T_EQ(errno, -EINVAL);
	T_EQ(free_contig(q, 65536), 0);
	T_EQ(free_contig(p, 3 * 4096 - 100), 0);
	T_EQ(free_contig(p, 3 * 4096), -1);              /* not any more */
	T_EQ(errno, -EINVAL);
	T_EQ(sys_umap(SELF, VM_D, (vir_bytes)p, 16, &pa), EFAULT); /* unmapped */
	T_EQ(sys_getkinfo(&k1), OK);
	T_EQ(k1.frames_free, k0.frames_free);
	return 0;
}

/* String port I/O on the CMOS ports: the index out of our memory, the
 * data into it, then into a grant (the safe variants). */
int test_drvkit_sdevio(void)
{
	static uint8_t buf[8];
	uint8_t idx = 0x0b;
	uint32_t regb = 0;
	cp_grant_id_t g;

	T_EQ(sys_outb(0x70, 0x0b), OK);
	T_EQ(sys_inb(0x71, &regb), OK);
	memset(buf, 0xee, sizeof(buf));
	T_EQ(sys_outsb(0x70, SELF, &idx, 1), OK);
	T_EQ(sys_insb(0x71, SELF, buf, 1), OK);
	T_EQ(buf[0], regb);
	T_EQ(buf[1], 0xee);                                /* one byte only */
	g = cpf_grant_direct(t_self(), (vir_bytes)buf, sizeof(buf), CPF_READ | CPF_WRITE);
	T_TRUE(GRANT_VALID(g));
	buf[5] = 0x0b;
	T_EQ(sys_safe_outsb(0x70, t_self(), g, 5, 1), OK);
	T_EQ(sys_safe_insb(0x71, t_self(), g, 3, 1), OK);
	T_EQ(buf[3], regb);
	T_EQ(buf[4], 0xee);
	T_EQ(sys_safe_insb(0x71, t_self(), g, 8, 1), EPERM);  /* past the grant */
	T_EQ(sys_insw(0x70, SELF, buf, 3), EINVAL);          /* not whole words */
	T_EQ(sys_insw(0x71, SELF, buf, 2), EPERM);           /* 0x71..0x72 */
	T_EQ(sys_insb(0x60, SELF, buf, 1), EPERM);           /* not in the .conf */
	T_EQ(sys_insb(0x71, SELF, (void *)0x1000, 1), EFAULT);
	T_EQ(cpf_revoke(g), 0);
	T_EQ(sys_safe_insb(0x71, t_self(), g, 0, 1), EPERM);  /* revoked */
	return 0;
}

/* Without the DMA flag: no physical addresses, from sys_umap or
 * alloc_contig (EPERM). */
static endpoint_t nodma_parent;

static void nodma_child(void *arg)
{
	static uint8_t page[64];
	phys_bytes pa;
	void *p;

	(void)arg;
	t_reply(nodma_parent, 1, sys_umap(SELF, VM_D, (vir_bytes)page, 16, &pa));
	errno = 0;
	p = alloc_contig(4096, 0, &pa);
	t_reply(nodma_parent, 2, p == NULL ? errno : 0);
}

int test_drvkit_no_dma(void)
{
	struct priv_desc d;
	endpoint_t c;
	int v = 0;

	nodma_parent = t_self();
	c = t_fork_stopped(nodma_child, NULL);
	T_TRUE(c != NONE);
	memset(&d, 0, sizeof(d));
	d.pd_flags = SYS_PROC | PREEMPTIBLE;          /* no DMA_OK */
	d.pd_trap_mask = TRAPS_ALL;
	memset(d.pd_call_mask, 0xff, sizeof(d.pd_call_mask));
	memset(d.pd_ipc_to, 0xff, sizeof(d.pd_ipc_to));
	d.pd_sig_mgr = SELF;
	T_EQ(sys_privctl(c, SYS_PRIV_SET_SYS, &d), OK);
	T_EQ(sys_privctl(c, SYS_PRIV_ALLOW, NULL), OK);
	T_EQ(t_expect(c, 1, &v), OK);
	T_EQ(v, EPERM);
	T_EQ(t_expect(c, 2, &v), OK);
	T_EQ(v, -EPERM);                              /* errno, positive */
	return 0;
}
