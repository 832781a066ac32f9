/* t_cow.c - copy-on-write fork (docs/kernel.md, "fork and copy-on-write"):
 * pages are shared after fork and copied at the first write, by the
 * process or by the kernel writing for it (a message delivered, a kernel
 * call's reply, a safecopy into a granted page); a page another process
 * has mapped, or a driver holds for DMA, is never replaced under the
 * mapping or the hold, whether it was mapped or held before the fork or
 * after it.
 */
#include "pup.h"

#define REPORT  0x410
#define GO      0x411
#define NPAGES  64
#define PG      4096
#define MAPADDR 0x90000000u
#define A(x)    ((vir_bytes)(x))

static uint8_t cow_buf[NPAGES * PG] __attribute__((aligned(4096)));
static uint8_t kbuf[3 * PG] __attribute__((aligned(4096)));
static cp_grant_t ctab[PUP_NENT];
static endpoint_t parent;

/* Write a few pages of stack, so that the stack pages this process
 * shares since a fork are its own before frames are counted. */
static void __attribute__((noinline)) touch_stack(void)
{
	volatile uint8_t a[3 * PG];
	unsigned i;

	for (i = 0; i < sizeof(a); i += 512)
		a[i] = (uint8_t)i;
}

static int free_frames(void)
{
	struct kinfo k;

	return sys_getkinfo(&k) == OK ? (int)k.frames_free : -1;
}

static void writer(void *arg)
{
	int i, v;

	(void)arg;
	touch_stack();
	t_reply(parent, REPORT, cow_buf[5 * PG]);
	t_expect(parent, GO, &v);
	for (i = 0; i < NPAGES; i++)
		cow_buf[i * PG + 7] = 0x77;
	t_reply(parent, REPORT, cow_buf[NPAGES * PG - PG + 7]);
	t_expect(parent, GO, &v);
}

/* Fork shares the pages; the child's first write to each takes exactly
 * one frame; once it has its own copies, our writes take none. */
int test_cow_fork_shares(void)
{
	int f1, f2, f3, v, i;
	endpoint_t c;

	parent = t_self();
	memset(cow_buf, 0x11, sizeof(cow_buf));
	c = t_fork(writer, NULL);
	T_TRUE(c != NONE);
	touch_stack();
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0x11);                  /* it sees our memory */
	f1 = free_frames();
	T_EQ(t_reply(c, GO, 0), OK);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0x77);
	f2 = free_frames();
	T_EQ(f1 - f2, NPAGES);          /* one copy per page written */
	for (i = 0; i < NPAGES; i++)
		T_EQ(cow_buf[i * PG + 7], 0x11);
	for (i = 0; i < NPAGES; i++)
		cow_buf[i * PG + 7] = 0x22; /* ours alone now: no copy */
	f3 = free_frames();
	T_EQ(f3, f2);
	T_EQ(t_reply(c, GO, 0), OK);
	return 0;
}

/* The child lets the kernel write into pages it shares with us. */
static void kernel_writer(void *arg)
{
	message *m = (message *)kbuf;
	struct kinfo *k = (struct kinfo *)(kbuf + PG);
	cp_grant_id_t g;
	int v;

	(void)arg;
	/* A message delivered into a shared page. */
	if (ipc_receive(parent, m, NULL) != OK)
		sys_exit(1);
	t_reply(parent, REPORT, m->m1_i1);
	/* A kernel call's reply into a shared page (our loaded space). */
	t_reply(parent, REPORT, sys_getkinfo(k) == OK ? (int)k->procs_in_use : -1);
	/* A safecopy by the parent into a shared page we grant it. */
	g = cpf_grant_direct(parent, A(kbuf + 2 * PG), PG, CPF_READ | CPF_WRITE);
	t_reply(parent, REPORT, g);
	t_expect(parent, GO, &v);
	t_reply(parent, REPORT, *(int *)(kbuf + 2 * PG + 12));
	t_expect(parent, GO, &v);
}

int test_cow_kernel_writes(void)
{
	struct kinfo k;
	message m;
	int v, gid, val = 0x4b1d;
	unsigned i;
	endpoint_t c;

	parent = t_self();
	memset(kbuf, 0x5a, sizeof(kbuf));
	c = t_fork(kernel_writer, NULL);
	T_TRUE(c != NONE);
	memset(&m, 0, sizeof(m));
	m.m_type = GO;
	m.m1_i1 = 0x1234;
	T_EQ(ipc_send(c, &m), OK);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0x1234);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(sys_getkinfo(&k), OK);
	T_EQ(v, (int)k.procs_in_use);
	T_EQ(t_expect(c, REPORT, &gid), OK);
	T_TRUE(gid >= 0);
	T_EQ(sys_safecopyto(c, gid, 12, A(&val), sizeof(val)), OK);
	T_EQ(t_reply(c, GO, 0), OK);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0x4b1d);
	for (i = 0; i < sizeof(kbuf); i++)
		T_EQ(kbuf[i], 0x5a);    /* none of it reached our pages */
	T_EQ(t_reply(c, GO, 0), OK);
	return 0;
}

/* A forked child: report the word at page 0 of cow_buf, write its own
 * value there, report again, wait. */
static void child_view(void *arg)
{
	uint32_t *w = (uint32_t *)cow_buf;
	int v;

	(void)arg;
	t_reply(parent, REPORT, (int)*w);
	*w = 0xc41d;
	t_reply(parent, REPORT, (int)*w);
	t_expect(parent, GO, &v);
}

static int peek(endpoint_t h, uint32_t *val)
{
	message r;
	int s = pup(h, PUP_PEEK, &r, 1, MAPADDR);

	*val = r.m_u32.data[1];
	return s;
}

/* A page that h maps keeps being our page across a fork: mapped
 * writable before the fork (how == 0), after it (how == 1), or read-only
 * after it (how == 2). */
static int map_and_fork(int how)
{
	endpoint_t t = t_self(), h = pup_start(), c = NONE;
	uint32_t *w = (uint32_t *)cow_buf, seen;
	int v, wr = how != 2;

	T_TRUE(h != NONE);
	parent = t;
	memset(ctab, 0, sizeof(ctab));
	T_EQ(sys_setgrant(ctab, PUP_NENT), OK);
	g_direct(&ctab[0], h, A(cow_buf), PG, CPF_READ | CPF_WRITE | CPF_MAP, 1);
	*w = 0xa1;
	if (how != 0)
		T_TRUE((c = t_fork(child_view, NULL)) != NONE);
	T_EQ(pup(h, PUP_MAP, NULL, 6, t, GRANT_ID(0, 1), 0, PG, MAPADDR, wr), OK);
	if (how == 0)
		T_TRUE((c = t_fork(child_view, NULL)) != NONE);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0xa1);                  /* the child saw the page as it was */
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0xc41d);
	T_EQ(*w, 0xa1);                 /* its write stayed its own */
	T_EQ(peek(h, &seen), OK);
	T_EQ(seen, 0xa1);
	*w = 0xa2;                      /* our write reaches the mapping */
	T_EQ(peek(h, &seen), OK);
	T_EQ(seen, 0xa2);
	if (wr) {
		T_EQ(pup(h, PUP_POKE, NULL, 2, MAPADDR + 4, 0xb0b), OK);
		T_EQ(w[1], 0xb0b);      /* and its write reaches us */
	}
	T_EQ(t_reply(c, GO, 0), OK);
	T_EQ(sys_clear(h), OK);
	return 0;
}

int test_cow_map_before_fork(void) { return map_and_fork(0); }
int test_cow_map_after_fork(void) { return map_and_fork(1); }
int test_cow_map_readonly_after_fork(void) { return map_and_fork(2); }

/* A page a driver holds for DMA stays the same frame across a fork and
 * our writes after it: held before the fork (how == 0) or after (1). */
static int hold_and_fork(int how)
{
	endpoint_t t = t_self(), h = pup_start(), c = NONE;
	uint32_t *w = (uint32_t *)cow_buf;
	message r1, r2;
	int v;

	T_TRUE(h != NONE);
	parent = t;
	memset(ctab, 0, sizeof(ctab));
	T_EQ(sys_setgrant(ctab, PUP_NENT), OK);
	g_direct(&ctab[0], h, A(cow_buf), PG, CPF_READ | CPF_WRITE, 1);
	*w = 0xd1;
	if (how == 1)
		T_TRUE((c = t_fork(child_view, NULL)) != NONE);
	T_EQ(pup(h, PUP_VUMAP, &r1, 3, t, GRANT_ID(0, 1), PG), OK);
	T_EQ(r1.m_u32.data[1], 1);
	if (how == 0)
		T_TRUE((c = t_fork(child_view, NULL)) != NONE);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0xd1);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 0xc41d);
	*w = 0xd2;                      /* our write: the frame stays */
	T_EQ(*w, 0xd2);
	T_EQ(pup(h, PUP_VUMAP, &r2, 3, t, GRANT_ID(0, 1), PG), OK);
	T_EQ(r2.m_u32.data[1], 1);
	T_EQ(r2.m_u32.data[2], r1.m_u32.data[2]); /* the same physical page */
	T_EQ(r2.m_u32.data[3], PG);
	T_EQ(t_reply(c, GO, 0), OK);
	T_EQ(sys_clear(h), OK);         /* its exit drops the holds */
	return 0;
}

int test_cow_dma_hold_before_fork(void) { return hold_and_fork(0); }
int test_cow_dma_hold_after_fork(void) { return hold_and_fork(1); }

/* A read-only page (text) stays read-only in the child: a write faults. */
static void write_text(void *arg)
{
	(void)arg;
	*(volatile uint8_t *)(vir_bytes)write_text = 0xc3;
}

int test_cow_text_stays_readonly(void)
{
	endpoint_t c = t_fork(write_text, NULL);

	T_TRUE(c != NONE);
	T_EQ(t_wait_ksig(c, 2 * sys_hz()), 1 << SIGSEGV);
	T_EQ(sys_clear(c), OK);
	return 0;
}
