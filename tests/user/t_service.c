/* t_service.c - /bin/tests, the service command and RS: a service started
 * at run time from the root file system (/bin/fitest with /bin/fitest.conf
 * beside it), its status, a restart (new endpoint), down, and the errors:
 * a bad .conf refused with its line and reason, an unknown label.  The
 * runner and its reason[] are in tests.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "tu.h"

/* Run /bin/service with up to 8 arguments, stdout and stderr into out;
 * its exit status, or -1. */
static int service(char *out, size_t max, const char *a1, const char *a2,
	const char *a3, const char *a4, const char *a5, const char *a6)
{
	char *argv[] = { "/bin/service", (char *)a1, (char *)a2, (char *)a3,
		(char *)a4, (char *)a5, (char *)a6, NULL };
	int p[2], st;
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[1]);
		execv(argv[0], argv);
		_exit(121);
	}
	close(p[1]);
	while (got < max - 1 && (n = read(p[0], out + got, max - 1 - got)) > 0)
		got += (size_t)n;
	out[got] = '\0';
	close(p[0]);
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* The fields of the status line of label in out (after the heading):
 * LABEL ENDPOINT PID RESTARTS UPTIME PERIOD LAST-FAILURE... */
static int status_line(const char *out, const char *label, int *ep, int *restarts,
	char *period, char *last)
{
	char line[256], *w[7], *save = NULL;
	const char *nl = strchr(out, '\n');
	int i;

	if (!nl || strncmp(out, "LABEL ", 6) != 0)
		return -1;
	strncpy(line, nl + 1, sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	if (strchr(line, '\n'))
		*strchr(line, '\n') = '\0';
	for (i = 0; i < 6; i++)
		if (!(w[i] = strtok_r(i ? NULL : line, " ", &save)))
			return -1;
	if (!(w[6] = strtok_r(NULL, "", &save)))
		return -1;
	while (*w[6] == ' ')
		w[6]++;
	if (strcmp(w[0], label) != 0 || strcmp(w[2], "-") != 0)
		return -1;
	*ep = atoi(w[1]);
	*restarts = atoi(w[3]);
	strcpy(period, w[5]);
	strcpy(last, w[6]);
	return 0;
}

int test_service_up_restart_down(void)
{
	char out[512], want[128], period[64], last[256];
	int ep0, ep1, restarts;

	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-label", "fit2",
	    "-period", "30"), 0);
	if (strncmp(out, "service: fit2 is up (endpoint ", 30) != 0)
		T_FAIL("output \"%s\"", out);
	ep0 = atoi(out + 30);
	T_EQ(service(out, sizeof(out), "status", "fit2", NULL, NULL, NULL, NULL), 0);
	T_EQ(status_line(out, "fit2", &ep1, &restarts, period, last), 0);
	T_EQ(ep1, ep0);
	T_EQ(restarts, 0);
	T_STR(period, "30");
	T_STR(last, "-");
	/* The same label twice: refused. */
	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-label", "fit2", NULL, NULL), 1);
	T_STR(out, "service: up fit2: File exists\n");
	T_EQ(service(out, sizeof(out), "restart", "fit2", NULL, NULL, NULL, NULL), 0);
	T_EQ(service(out, sizeof(out), "status", "fit2", NULL, NULL, NULL, NULL), 0);
	T_EQ(status_line(out, "fit2", &ep1, &restarts, period, last), 0);
	T_EQ(restarts, 1);
	if (ep1 == ep0 || ep1 <= 0)
		T_FAIL("endpoint %d after restart (was %d)", ep1, ep0);
	T_EQ(service(out, sizeof(out), "down", "fit2", NULL, NULL, NULL, NULL), 0);
	T_EQ(service(out, sizeof(out), "status", "fit2", NULL, NULL, NULL, NULL), 1);
	T_STR(out, "service: status fit2: no such service\n");
	snprintf(want, sizeof(want), "service: fi fit2: no such service\n");
	T_EQ(service(out, sizeof(out), "fi", "fit2", NULL, NULL, NULL, NULL), 1);
	T_STR(out, want);
	return 0;
}

/* A service whose init callback fails (fitest initfail: EINVAL): the
 * `service up` fails with the error, and RS removes the service instead
 * of restarting it; the label is free again. */
int test_service_init_fails(void)
{
	char out[512];

	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-label", "fit3",
	    "-args", "initfail"), 1);
	T_STR(out, "service: up fit3: its init failed: Invalid argument\n");
	T_EQ(service(out, sizeof(out), "status", "fit3", NULL, NULL, NULL, NULL), 1);
	T_STR(out, "service: status fit3: no such service\n");
	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-label", "fit3", NULL, NULL), 0);
	if (strncmp(out, "service: fit3 is up (endpoint ", 30) != 0 || atoi(out + 30) <= 0)
		T_FAIL("output \"%s\"", out);
	T_EQ(service(out, sizeof(out), "down", "fit3", NULL, NULL, NULL, NULL), 0);
	T_STR(out, "");
	return 0;
}

int test_service_bad_conf(void)
{
	char out[512];

	/* /etc/motd is no .conf: refused with its line and the reason. */
	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-config", "/etc/motd",
	    NULL, NULL), 1);
	T_STR(out, "service: /etc/motd:1: expected 'service', got 'Welcome'\n");
	T_EQ(service(out, sizeof(out), "up", "/bin/nosuch", NULL, NULL, NULL, NULL), 1);
	T_STR(out, "service: /bin/nosuch: No such file or directory\n");
	T_EQ(service(out, sizeof(out), "frob", "x", NULL, NULL, NULL, NULL), 2);
	/* init is PM's (its .conf hands it over): not RS's to restart. */
	T_EQ(service(out, sizeof(out), "restart", "init", NULL, NULL, NULL, NULL), 1);
	T_STR(out, "service: restart init: not a service RS manages\n");
	/* The boot services are RS's too. */
	T_EQ(service(out, sizeof(out), "status", "tty", NULL, NULL, NULL, NULL), 0);
	return 0;
}

static long long ms_now(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* A service that hangs (it spins at every start, below the user
 * processes): while it hangs, processes fork, exec, exit and are waited
 * for as ever; RS finds the hang within two heartbeat periods (10 ticks)
 * and restarts it; `service down` of a service that cannot answer
 * SIGTERM removes it after its second of grace. */
int test_service_hang(void)
{
	char out[512], period[64], last[256];
	char *argv[] = { "/bin/true", NULL };
	long long t0;
	int i, st, ep, restarts = 0;
	pid_t pid;

	{
		char *up[] = { "/bin/service", "up", "/bin/fitest", "-label", "hang",
			"-args", "spin", "-config", "/bin/fitest-low.conf", NULL };
		int p[2];
		T_EQ(pipe(p), 0);
		if ((pid = fork()) == 0) {
			dup2(p[1], 1);
			execv(up[0], up);
			_exit(121);
		}
		close(p[1]);
		close(p[0]);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_EQ(WEXITSTATUS(st), 0);
	}
	t0 = ms_now();
	for (i = 0; i < 5; i++) {
		if ((pid = fork()) == 0) {
			execv(argv[0], argv);
			_exit(121);
		}
		T_TRUE(pid > 0);
		T_EQ(waitpid(pid, &st, 0), pid);
		T_EQ(WEXITSTATUS(st), 0);
	}
	while (ms_now() - t0 < 5000) {
		T_EQ(service(out, sizeof(out), "status", "hang", NULL, NULL, NULL, NULL), 0);
		T_EQ(status_line(out, "hang", &ep, &restarts, period, last), 0);
		if (restarts >= 1)
			break;
		usleep(20000);
	}
	T_TRUE(restarts >= 1);
	T_STR(last, "hung: no heartbeat reply");
	T_STR(period, "10");
	if (ms_now() - t0 > 2000)
		T_FAIL("hang found after %lld ms", ms_now() - t0);
	t0 = ms_now();
	T_EQ(service(out, sizeof(out), "down", "hang", NULL, NULL, NULL, NULL), 0);
	if (ms_now() - t0 < 900)
		T_FAIL("down took %lld ms: a hung service cannot exit on SIGTERM",
		    ms_now() - t0);
	T_EQ(service(out, sizeof(out), "status", "hang", NULL, NULL, NULL, NULL), 1);
	return 0;
}

/* Run /bin/service with the words of line (split at spaces), output in out. */
static int svc(char *out, size_t max, const char *line)
{
	char buf[256], *w[12], *save = NULL;
	int n = 0;

	strncpy(buf, line, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	for (w[n] = strtok_r(buf, " ", &save); w[n] && n < 11; w[++n] = strtok_r(NULL, " ", &save))
		;
	while (n < 7)
		w[n++] = NULL;
	if (w[7]) {	/* more than 6 words: through sh */
		char *argv[] = { "/bin/sh", "-c", NULL, NULL };
		char cmd[300];
		int p[2], st;
		size_t got = 0;
		ssize_t k;
		pid_t pid;
		snprintf(cmd, sizeof(cmd), "/bin/service %s 2>&1", line);
		argv[2] = cmd;
		if (pipe(p) < 0)
			return -1;
		if ((pid = fork()) == 0) {
			close(p[0]);
			dup2(p[1], 1);
			close(p[1]);
			execv(argv[0], argv);
			_exit(121);
		}
		close(p[1]);
		while (got < max - 1 && (k = read(p[0], out + got, max - 1 - got)) > 0)
			got += (size_t)k;
		out[got] = '\0';
		close(p[0]);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
			return -1;
		return WEXITSTATUS(st);
	}
	return service(out, max, w[0], w[1], w[2], w[3], w[4], w[5]);
}

/* `service fi` with a type (docs/fault-injection.md): the plan and the
 * injection say the same line, the bytes read back are the new ones,
 * a restart (from RS's pristine copy) brings the old ones back, and bad
 * arguments are refused with their reason and exit status. */
int test_service_fi(void)
{
	char out[512], plan[512], cmd[128], hex[64], *p;
	unsigned addr;
	int len, i;

	T_EQ(service(out, sizeof(out), "up", "/bin/fitest", "-label", "fit3", NULL, NULL), 0);
	T_EQ(svc(plan, sizeof(plan), "fi fit3 -type nop -seed 4 -index 10 -plan"), 0);
	if (strncmp(plan, "fi: fit3 nop seed=4 index=10 at 0x", 34) != 0 ||
	    !strstr(plan, " len=") || !strstr(plan, " insn=") || !strstr(plan, " (plan)\n"))
		T_FAIL("plan \"%s\"", plan);
	addr = (unsigned)strtoul(plan + 34, NULL, 16);
	len = atoi(strstr(plan, " len=") + 5);
	i = atoi(strstr(plan, " insn=") + 6);
	if (len != i || len < 1 || addr < 0x40000000u)
		T_FAIL("plan \"%s\"", plan);
	T_EQ(svc(out, sizeof(out), "fi fit3 -type nop -seed 4 -index 10 -plan"), 0);
	T_STR(out, plan);
	T_EQ(svc(out, sizeof(out), "fi fit3 -type nop -seed 4 -index 10"), 0);
	strcpy(strstr(plan, " (plan)"), "\n");
	T_STR(out, plan);
	snprintf(cmd, sizeof(cmd), "fi fit3 -read 0x%x %d", addr, len);
	T_EQ(svc(out, sizeof(out), cmd), 0);
	for (hex[0] = '\0', i = 0; i < len; i++)
		strcat(hex, i + 1 < len ? "90 " : "90\n");
	T_STR(out, hex);
	T_EQ(service(out, sizeof(out), "refresh", "fit3", NULL, NULL, NULL, NULL), 0);
	T_EQ(svc(out, sizeof(out), cmd), 0);
	p = strchr(plan, ':');			/* the old bytes: after "insn=N:" */
	p = strchr(p + 1, ':') + 1;
	*strstr(p, " ->") = '\0';
	strcat(p, "\n");
	T_TRUE(strcmp(p + 1, hex) != 0);	/* there was something to change */
	T_STR(out, p + 1);
	/* Refusals. */
	T_EQ(svc(out, sizeof(out), "fi fit3 -type bogus"), 2);
	T_STR(out, "service: fi: unknown fault type 'bogus'\n");
	T_EQ(svc(out, sizeof(out), "fi fit3 -type nop -seed x"), 2);
	T_STR(out, "service: fi: bad number 'x'\n");
	T_EQ(svc(out, sizeof(out), "fi fit3 -type nop -addr 0x10"), 1);
	T_STR(out, "service: fi fit3: no such location for this type (or a bad argument)\n");
	T_EQ(svc(out, sizeof(out), "fi nosuch -type nop"), 1);
	T_STR(out, "service: fi nosuch: no such service (or not running)\n");
	T_EQ(svc(out, sizeof(out), "fi fit3 -read 0xc0000000 4"), 1);
	T_STR(out, "service: fi fit3: address not mapped in the service\n");
	T_EQ(svc(out, sizeof(out), cmd), 0);	/* the refusals changed nothing */
	T_STR(out, p + 1);
	T_EQ(service(out, sizeof(out), "down", "fit3", NULL, NULL, NULL, NULL), 0);
	return 0;
}
