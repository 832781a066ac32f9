/* uprof.c - the program tools/vfs-profile/run.sh profiles: ubench.c's
 * helpers with another main, which runs each operation NP times between
 * two marker functions (pm_NAME_b, pm_NAME_e) that prof.py opens and
 * closes its windows on: pipe (a 1-byte ping-pong round trip), zero (a
 * 1 B read of /dev/zero), f1 and f4k (a 1 B and a 4 KiB cached read of
 * /test/1m, the read alone), ex (fork + exec /bin/true + wait), fe
 * (fork + exit + wait).
 * Not part of the system: built only by run.sh.
 */
#define main ubench_main
#include "../../commands/ubench/ubench.c"
#undef main

#define NP	20	/* operations per window (prof.py's N) */

/* The markers: empty, never inlined, so that their first instruction is
 * executed at every call. */
#define MARK(name) \
	__attribute__((noinline)) void pm_##name##_b(void) { __asm__ volatile(""); } \
	__attribute__((noinline)) void pm_##name##_e(void) { __asm__ volatile(""); }
MARK(pipe)
MARK(zero)
MARK(f1)
MARK(f4k)
MARK(ex)
MARK(fe)

static char pbuf[8192];

static void pingpong(int to, int from, int n)
{
	char c = 'x';
	int i;

	for (i = 0; i < n; i++)
		if (write(to, &c, 1) != 1 || read(from, &c, 1) != 1)
			fail("pipe");
}

/* n times fork, the child execs /bin/true (or, exec 0, exits), wait. */
static void spawn_true(int n, int exec)
{
	char *argv[] = { TRUE_PATH, NULL };
	int i, st;
	pid_t pid;

	for (i = 0; i < n; i++) {
		if ((pid = fork()) == 0) {
			if (exec)
				execv(TRUE_PATH, argv);
			_exit(exec ? 127 : 0);
		}
		if (pid < 0 || waitpid(pid, &st, 0) != pid)
			fail("fork");
	}
}

int main(void)
{
	int to_child[2], to_parent[2], i, fd;
	char c;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0)
		fail("pipe");
	if (fork() == 0) {
		while (read(to_child[0], &c, 1) == 1)
			if (write(to_parent[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	pingpong(to_child[1], to_parent[0], 5);		/* warm-up */
	pm_pipe_b();
	pingpong(to_child[1], to_parent[0], NP);
	pm_pipe_e();

	if ((fd = open(ZERO_PATH, O_RDONLY)) < 0)
		fail(ZERO_PATH);
	for (i = 0; i < 5; i++)
		read(fd, pbuf, 1);
	pm_zero_b();
	for (i = 0; i < NP; i++)
		read(fd, pbuf, 1);
	pm_zero_e();
	close(fd);

	if ((fd = open(FILE_PATH, O_RDONLY)) < 0)
		fail(FILE_PATH);
	for (i = 0; i < 5; i++) {
		lseek(fd, 0, SEEK_SET);
		read(fd, pbuf, 4096);
	}
	for (i = 0; i < NP; i++) {
		lseek(fd, 0, SEEK_SET);
		pm_f1_b();
		read(fd, pbuf, 1);
		pm_f1_e();
	}
	for (i = 0; i < NP; i++) {
		lseek(fd, 0, SEEK_SET);
		pm_f4k_b();
		read(fd, pbuf, 4096);
		pm_f4k_e();
	}
	close(fd);

	spawn_true(3, 1);
	pm_ex_b();
	spawn_true(NP, 1);
	pm_ex_e();
	pm_fe_b();
	spawn_true(NP, 0);
	pm_fe_e();
	printf("bench done\n");
	fflush(stdout);
	return 0;
}
