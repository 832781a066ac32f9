/* t_sched.c - the scheduler under CPU load (issue 13; the policy is in
 * docs/kernel.md, "Scheduling").  The "sched" group of /bin/tests: `init
 * test sched` in the stest image, which tools/test.sh boots under QEMU
 * with -icount shift=0, so guest time is counted in guest instructions
 * and the figures do not depend on the host's load.
 *
 * Latencies are measured with rdtsc and given in clock ticks: a tick is
 * measured first (rdtsc across ticks of the kernel's uptime).  Spinners
 * are children in an endless loop, removed with SIGKILL at the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <minix/config.h>
#include <minix/com.h>
#include <minix/pm.h>
#include <minix/sysinfo.h>
#include "tu.h"

#define SPINNERS	16
#define READS		200
#define READ_BYTES	100
#define SIGNALS		10
#define GIVE_UP		10	/* ticks: a failure is certain, stop early */
#define LOWEST_Q	(NR_SCHED_QUEUES - 1)	/* the kernel's MIN_USER_Q */
#define CACHED_FILE	"/test/4k"

static inline uint64_t rdtsc64(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static long uptime_now(void)
{
	struct kinfo k;

	if (minix_getsysinfo(GET_KINFO, 0, &k, sizeof(k)) < 0)
		return -1;
	return (long)k.uptime;
}

/* rdtsc counts in one clock tick, measured over 5 ticks (0 on an error). */
static uint64_t tsc_per_tick(void)
{
	long t, t0;
	uint64_t c0;

	if ((t = uptime_now()) < 0)
		return 0;
	while ((t0 = uptime_now()) == t)
		;
	c0 = rdtsc64();
	while ((t = uptime_now()) < t0 + 5)
		if (t < 0)
			return 0;
	return (rdtsc64() - c0) / (uint64_t)(t - t0);
}

static void spin(void)
{
	for (;;)
		;
}

/* Start n spinners; 0, or -1 with those started killed. */
static int start_spinners(pid_t *pids, int n)
{
	int i, j;

	fflush(stdout);
	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) == 0)
			spin();
		if (pids[i] < 0) {
			for (j = 0; j < i; j++)
				kill(pids[j], SIGKILL), waitpid(pids[j], NULL, 0);
			return -1;
		}
	}
	return 0;
}

static void stop_spinners(pid_t *pids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Hundredths of a tick, for the diagnostic lines. */
static unsigned centiticks(uint64_t c, uint64_t tick)
{
	return (unsigned)(c * 100 / tick);
}

/* With 16 spinners, 200 reads of 100 B from a cached file: the median
 * within one tick, the slowest within three. */
int test_sched_read_latency(void)
{
	static uint64_t lat[READS];
	static char buf[READ_BYTES];
	pid_t pids[SPINNERS];
	uint64_t tick, t0;
	int fd, i, bad = -1;

	T_TRUE((tick = tsc_per_tick()) > 0);
	T_TRUE((fd = open(CACHED_FILE, O_RDONLY)) >= 0);
	T_EQ(read(fd, buf, sizeof(buf)), READ_BYTES);	/* now it is cached */
	T_EQ(start_spinners(pids, SPINNERS), 0);
	for (i = 0; i < READS; i++) {
		if (lseek(fd, 0, SEEK_SET) != 0) {
			bad = i;
			break;
		}
		t0 = rdtsc64();
		if (read(fd, buf, sizeof(buf)) != READ_BYTES) {
			bad = i;
			break;
		}
		lat[i] = rdtsc64() - t0;
		if (lat[i] > GIVE_UP * tick)
			break;	/* it fails: no need to wait for the rest */
	}
	stop_spinners(pids, SPINNERS);
	close(fd);
	if (bad >= 0)
		T_FAIL("read %d failed (errno %d)", bad, errno);
	if (i < READS)
		T_FAIL("read %d took %u hundredths of a tick", i, centiticks(lat[i], tick));
	qsort(lat, READS, sizeof(lat[0]), cmp_u64);
	printf("# read %d B with %d spinners: median %llu, max %llu "
	    "(a tick is %llu): %u and %u hundredths of a tick\n", READ_BYTES,
	    SPINNERS, (unsigned long long)lat[READS / 2],
	    (unsigned long long)lat[READS - 1], (unsigned long long)tick,
	    centiticks(lat[READS / 2], tick), centiticks(lat[READS - 1], tick));
	T_TRUE(lat[READS / 2] <= tick);
	T_TRUE(lat[READS - 1] <= 3 * tick);
	return 0;
}

static int sig_pipe[2];

/* The sleeper's handler: when it ran, to the parent. */
static void on_usr1(int sig)
{
	uint64_t t = rdtsc64();

	(void)sig;
	if (write(sig_pipe[1], &t, sizeof(t)) != sizeof(t))
		_exit(3);
}

static void sleeper(void)
{
	struct sigaction sa;
	char c = 'r';

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || write(sig_pipe[1], &c, 1) != 1)
		_exit(2);
	for (;;)
		sleep(100);
}

/* With 16 spinners, a signal sent to a process in sleep() is handled
 * within one tick, 10 times out of 10. */
int test_sched_signal_latency(void)
{
	pid_t pids[SPINNERS], child;
	uint64_t tick, t0, t1, worst = 0;
	char c;
	int i, st;

	T_TRUE((tick = tsc_per_tick()) > 0);
	T_EQ(pipe(sig_pipe), 0);
	fflush(stdout);
	if ((child = fork()) == 0)
		sleeper();
	T_TRUE(child > 0);
	T_EQ(read(sig_pipe[0], &c, 1), 1);
	if (start_spinners(pids, SPINNERS) < 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		T_FAIL("fork: %s", strerror(errno));
	}
	for (i = 0; i < SIGNALS; i++) {
		usleep(30000);	/* it is back in sleep() */
		t0 = rdtsc64();
		if (kill(child, SIGUSR1) < 0 ||
		    read(sig_pipe[0], &t1, sizeof(t1)) != sizeof(t1))
			break;
		if (t1 - t0 > worst)
			worst = t1 - t0;
		if (worst > GIVE_UP * tick)
			break;
	}
	stop_spinners(pids, SPINNERS);
	kill(child, SIGKILL);
	T_EQ(waitpid(child, &st, 0), child);
	T_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	if (worst > GIVE_UP * tick)
		T_FAIL("signal %d took %u hundredths of a tick", i, centiticks(worst, tick));
	T_EQ(i, SIGNALS);
	printf("# signal to a sleeping process with %d spinners: slowest %llu "
	    "(%u hundredths of a tick)\n", SPINNERS, (unsigned long long)worst,
	    centiticks(worst, tick));
	T_TRUE(worst <= tick);
	return 0;
}

/* The kernel's slot table (static: it is large). */
static struct proc_info ptab[NR_SLOTS];

static int load_ptab(void)
{
	return minix_getsysinfo(GET_PROCTAB, 0, ptab, sizeof(ptab));
}

/* The kernel's entry for the live process pid (PM's table), or NULL. */
static const struct proc_info *info_of(pid_t pid)
{
	static struct pm_procinfo pm[2 * NR_PROCS];
	int n, i, s;

	n = minix_getproctab(pm, sizeof(pm));
	for (i = 0; i < n; i++) {
		if (pm[i].pp_pid != pid || pm[i].pp_state == PP_ZOMBIE)
			continue;
		for (s = 0; s < NR_SLOTS; s++)
			if (!(ptab[s].pi_rts_flags & PI_SLOT_FREE) &&
			    ptab[s].pi_endpoint == pm[i].pp_endpoint)
				return &ptab[s];
	}
	return NULL;
}

/* pid's queue now, or -1. */
static int prio_of(pid_t pid)
{
	const struct proc_info *pi;

	if (load_ptab() < 0 || !(pi = info_of(pid)))
		return -1;
	return pi->pi_priority;
}

static volatile sig_atomic_t stop_spinning;

static void on_stop_spinning(int sig)
{
	(void)sig;
	stop_spinning = 1;
}

/* Spin until SIGUSR1, then make 10 blocking calls, say so, sleep. */
static void spin_then_block(void)
{
	struct sigaction sa;
	char c = 'd';
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_spinning;
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || write(sig_pipe[1], &c, 1) != 1)
		_exit(2);
	while (!stop_spinning)
		;
	for (i = 0; i < 10; i++)
		getppid();
	if (write(sig_pipe[1], &c, 1) != 1)
		_exit(2);
	for (;;)
		sleep(100);
}

/* Read 100 B of a cached file every 10 ms. */
static void blocker(void)
{
	char buf[READ_BYTES];
	int fd = open(CACHED_FILE, O_RDONLY);

	for (;;) {
		if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0 ||
		    read(fd, buf, sizeof(buf)) != READ_BYTES)
			_exit(2);
		usleep(10000);
	}
}

/* A spinner drifts to the lowest user queue while a process that blocks
 * stays at USER_Q, and the services keep their queues, all above USER_Q;
 * once the spinner blocks it comes back up to USER_Q. */
int test_sched_drift(void)
{
	static const endpoint_t services[] = {
		DS_PROC_NR, RS_PROC_NR, PM_PROC_NR, VFS_PROC_NR, MEM_PROC_NR,
		TTY_PROC_NR, FS_PROC_NR,
	};
	int before[sizeof(services) / sizeof(services[0])];
	pid_t sp, bp;
	char c;
	unsigned i;
	int tries, p = -1, q = -1, me = -1;

	T_EQ(load_ptab(), 0);
	for (i = 0; i < sizeof(services) / sizeof(services[0]); i++)
		before[i] = ptab[NR_TASKS + services[i]].pi_priority;
	T_EQ(pipe(sig_pipe), 0);
	fflush(stdout);
	if ((sp = fork()) == 0)
		spin_then_block();
	T_TRUE(sp > 0);
	if ((bp = fork()) == 0)
		blocker();
	T_TRUE(bp > 0);
	T_EQ(read(sig_pipe[0], &c, 1), 1);
	/* Seven whole quanta take it from USER_Q to the lowest queue. */
	for (tries = 0; tries < 200 && (p = prio_of(sp)) != LOWEST_Q; tries++)
		usleep(50000);
	if (p == LOWEST_Q) {
		q = prio_of(bp);
		me = prio_of(getpid());
	}
	if (p == LOWEST_Q && load_ptab() == 0)
		for (i = 0; i < sizeof(services) / sizeof(services[0]); i++)
			if (ptab[NR_TASKS + services[i]].pi_priority != before[i] ||
			    before[i] >= USER_Q)
				p = -100 - (int)i;
	/* Now it blocks: it comes back up. */
	kill(sp, SIGUSR1);
	if (read(sig_pipe[0], &c, 1) != 1)
		p = -2;
	i = (unsigned)prio_of(sp);
	kill(sp, SIGKILL);
	kill(bp, SIGKILL);
	waitpid(sp, NULL, 0);
	waitpid(bp, NULL, 0);
	if (p <= -100)
		T_FAIL("service %d: queue %d, was %d (USER_Q %d)", services[-100 - p],
		    ptab[NR_TASKS + services[-100 - p]].pi_priority,
		    before[-100 - p], USER_Q);
	T_EQ(p, LOWEST_Q);
	T_EQ(q, USER_Q);
	T_EQ(me, USER_Q);
	T_EQ(i, USER_Q);
	return 0;
}
