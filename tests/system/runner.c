/* runner.c - the in-guest test runner (boot module "runner").
 *
 * Runs every test of tests.h in a fresh forked process under a timeout,
 * prints "ok N - name" or "not ok N - name: reason", checks after each test
 * that process slots and page frames are back where they were, prints
 * "N passed, N failed" and leaves QEMU through isa-debug-exit (0x10 pass,
 * 0x11 fail).
 *
 * "runner selfcheck" runs instead the harness's own check: a test that
 * hangs and a test that crashes, under a short timeout.  Both must be
 * reported as failures (tools/test.sh expects exactly "0 passed, 2
 * failed"), so a hung or crashed test can never pass unnoticed.
 */
#include "t.h"

#define T_RESULT   0x7e57
#define T_TIMEOUT  (20 * sys_hz()) /* ticks per test */
#define T_SELFCHECK_TIMEOUT (2 * sys_hz())
#define DEBUG_EXIT 0xf4

int t_argc;
char **t_argv;

struct test { const char *name; int (*fn)(void); };
static const struct test tests[] = {
#define T_DECL(name) { #name, name },
#include "tests.h"
#undef T_DECL
};

static int selfcheck_hang(void)
{
	for (;;)
		__asm__ volatile("");
	return 0;
}

static int selfcheck_crash(void)
{
	return *(volatile int *)0;	/* page fault: killed */
}

static const struct test selfcheck[] = {
	{ "selfcheck_hang", selfcheck_hang },
	{ "selfcheck_crash", selfcheck_crash },
};
/* "runner iommu": iommu.iso under QEMU's IOMMU (t_iommu.c); "runner
 * iommu-off": the same image without one, where the wild DMA lands. */
int test_iommu_disk_io(void);
int test_iommu_wild_dma(void);
int test_iommu_wild_dma_unconfined(void);
int test_iommu_vumap_cost(void);
int test_iommu_vblk_disk_io(void);
int test_iommu_vblk_wild_dma(void);
static const struct test iommu[] = {
	{ "iommu_disk_io", test_iommu_disk_io },
	{ "iommu_wild_dma", test_iommu_wild_dma },
	{ "iommu_vblk_disk_io", test_iommu_vblk_disk_io },
	{ "iommu_vblk_wild_dma", test_iommu_vblk_wild_dma },
	{ "iommu_vumap_cost", test_iommu_vumap_cost },
};
static const struct test iommu_off[] = {
	{ "iommu_off_disk_io", test_iommu_disk_io },
	{ "iommu_off_wild_dma_lands", test_iommu_wild_dma_unconfined },
	{ "iommu_off_vumap_cost", test_iommu_vumap_cost },
};
static clock_t timeout;

/* Remove every process the runner manages (helpers left by a test). */
static void reap_all(void)
{
	static struct proc_info tab[NR_SLOTS];
	int i;

	if (sys_getproctab(tab) != OK)
		return;
	for (i = 0; i < NR_SLOTS; i++)
		if (!(tab[i].pi_rts_flags & PI_SLOT_FREE) && tab[i].pi_sig_mgr == t_runner &&
		    tab[i].pi_endpoint != t_runner)
			sys_clear(tab[i].pi_endpoint);
}

/* Run one test; 0 on pass, else t_reason says why. */
static int run_one(const struct test *t)
{
	struct kinfo before, after;
	endpoint_t child;
	message m;
	int result = -1;

	sys_getkinfo(&before);
	if (sys_fork(0, &child) != OK) {
		snprintf(t_reason, sizeof(t_reason), "fork failed");
		return 1;
	}
	if (child == NONE) {
		t_reason[0] = '\0';
		memset(&m, 0, sizeof(m));
		m.m_type = T_RESULT;
		m.m_u32.data[0] = (uint32_t)t->fn();
		memcpy(&m.m_u8.data[4], t_reason, T_REASON_LEN);
		ipc_send(t_runner, &m);
		sys_exit(0);
	}
	sys_setalarm(timeout, 0);
	while (result < 0) {
		endpoint_t who;
		int sigs;

		if (ipc_receive(ANY, &m, NULL) != OK)
			continue;
		if (m.m_source == child && m.m_type == T_RESULT) {
			result = (int)m.m_u32.data[0] != 0;
			memcpy(t_reason, &m.m_u8.data[4], T_REASON_LEN);
			t_reason[T_REASON_LEN - 1] = '\0';
		} else if (m.m_source == SYSTEM) {
			while (sys_getksig(&who, &sigs) == OK && who != NONE) {
				if (who == child) {
					snprintf(t_reason, sizeof(t_reason),
					    "test process killed (signal mask %x)", sigs);
					result = 1;
				}
				sys_clear(who);
			}
		} else if (m.m_source == CLOCK) {
			snprintf(t_reason, sizeof(t_reason), "timed out");
			result = 1;
		}
	}
	sys_setalarm(0, 0);
	reap_all();
	t_sleep(1); /* let an exiting child finish */
	reap_all();
	sys_getkinfo(&after);
	if (result == 0 && (after.procs_in_use != before.procs_in_use ||
	    after.frames_free != before.frames_free)) {
		snprintf(t_reason, sizeof(t_reason), "leak: %d procs, %d frames",
		    after.procs_in_use - before.procs_in_use,
		    (int)before.frames_free - (int)after.frames_free);
		result = 1;
	}
	return result;
}

int main(int argc, char **argv)
{
	const struct test *list = tests;
	int i, n = (int)(sizeof(tests) / sizeof(tests[0])), failed = 0;

	t_argc = argc;
	t_argv = argv;
	t_runner = t_self();
	timeout = T_TIMEOUT;
	if (argc > 1 && strcmp(argv[1], "selfcheck") == 0) {
		list = selfcheck;
		n = (int)(sizeof(selfcheck) / sizeof(selfcheck[0]));
		timeout = T_SELFCHECK_TIMEOUT;
	} else if (argc > 1 && strcmp(argv[1], "iommu") == 0) {
		list = iommu;
		n = (int)(sizeof(iommu) / sizeof(iommu[0]));
	} else if (argc > 1 && strcmp(argv[1], "iommu-off") == 0) {
		list = iommu_off;
		n = (int)(sizeof(iommu_off) / sizeof(iommu_off[0]));
	}
	printf("runner: %d tests\n", n);
	for (i = 0; i < n; i++) {
		if (run_one(&list[i]) == 0) {
			printf("ok %d - %s\n", i + 1, list[i].name);
		} else {
			printf("not ok %d - %s: %s\n", i + 1, list[i].name, t_reason);
			failed++;
		}
	}
	printf("%d passed, %d failed\n", n - failed, failed);
	sys_outb(DEBUG_EXIT, failed ? 0x11 : 0x10);
	return failed != 0;
}
