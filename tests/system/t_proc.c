/* t_proc.c - fork, address-space isolation, exit, leak-free teardown. */
#include "t.h"

#define REPORT 0x400

static int shared_looking = 1234;
static endpoint_t parent;

static void modify_and_report(void *arg)
{
	(void)arg;
	t_reply(parent, REPORT, shared_looking);
	shared_looking = 99;
	t_reply(parent, REPORT, shared_looking);
}

int test_fork_isolation(void)
{
	endpoint_t c;
	int v;

	parent = t_self();
	shared_looking = 5678;
	c = t_fork(modify_and_report, NULL);
	T_TRUE(c != NONE && c != parent);
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 5678);      /* the child sees the parent's memory as it was */
	T_EQ(t_expect(c, REPORT, &v), OK);
	T_EQ(v, 99);
	T_EQ(shared_looking, 5678); /* its write stayed in its own copy */
	return 0;
}

static void quit(void *arg) { (void)arg; }

int test_fork_exit_no_leak(void)
{
	struct kinfo before, after;
	int i;

	T_EQ(sys_getkinfo(&before), OK);
	for (i = 0; i < 40; i++) {
		endpoint_t c = t_fork(quit, NULL);
		T_TRUE(c != NONE);
		t_sleep(1);
	}
	t_sleep(2);
	T_EQ(sys_getkinfo(&after), OK);
	T_EQ(after.procs_in_use, before.procs_in_use);
	T_EQ(after.frames_free, before.frames_free);
	T_EQ(sys_fork(0x80, NULL), EINVAL);
	return 0;
}

int test_getinfo(void)
{
	struct proc_info pi;
	static struct proc_info tab[NR_SLOTS];
	endpoint_t me;
	char name[PROC_NAME_LEN];
	int i, found = 0;

	T_EQ(sys_whoami(&me, name, sizeof(name), NULL, NULL), OK);
	T_EQ(strcmp(name, "runner"), 0);
	T_EQ(sys_getproc(&pi, me), OK);
	T_EQ(pi.pi_endpoint, me);
	T_EQ(pi.pi_sig_mgr, t_runner);
	T_EQ(sys_getproctab(tab), OK);
	for (i = 0; i < NR_SLOTS; i++)
		if (tab[i].pi_endpoint == me && !(tab[i].pi_rts_flags & PI_SLOT_FREE))
			found++;
	T_EQ(found, 1);
	T_EQ(tab[SYSTEM + NR_TASKS].pi_endpoint, SYSTEM);
	T_EQ(sys_getinfo(GET_PROCTAB, tab, sizeof(tab) - 1, NULL, 0), EINVAL);
	T_EQ(sys_getinfo(GET_KINFO, (void *)0x1000, sizeof(struct kinfo), NULL, 0), EFAULT);
	T_EQ(sys_getinfo(77, tab, sizeof(tab), NULL, 0), EINVAL);
	return 0;
}
