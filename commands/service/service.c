/* service.c - ask RS to start, stop, restart or inspect a service.
 *
 *	service up PATH [-label L] [-args "A ..."] [-period TICKS] [-config FILE]
 *		[-dev NODE]
 *	service down L
 *	service restart L
 *	service refresh L	(restart, forgetting its failures' backoff)
 *	service fi L		(it crashes at its next request: fault injection)
 *	service fi L -type T [-seed S] [-index I] [-addr A] [-plan]
 *				(one fault of type T: docs/fault-injection.md)
 *	service fi L -read ADDR LEN	(LEN bytes of its memory, in hex)
 *	service status [L]
 *
 * `up` reads the program and its .conf (FILE, else PATH.conf beside it)
 * and hands both to RS, which copies them with SYS_VIRCOPY.  The label
 * defaults to the program's file name.  -dev: the service is the
 * driver of NODE's major number (a character or block node) from now on
 * (VFS_MAPDRIVER: MINIX's mapdriver), with positions that move as the
 * device is read and written.  docs/services.md has the rest.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <minix/rs.h>
#include <minix/pm.h>
#include <minix/sysinfo.h>
#include <minix/vfs.h>
#include <minix/fi.h>

#define MAX_CONF 4096
#define NR_STATUS 24

static const char *prog = "service";

static void usage(void)
{
	fprintf(stderr, "usage: service up PATH [-label L] [-args \"A ...\"] [-period TICKS] "
	    "[-config FILE] [-dev NODE]\n"
	    "       service down|restart|refresh|fi LABEL\n"
	    "       service fi LABEL -type TYPE [-seed S] [-index I] [-addr A] [-plan]\n"
	    "       service fi LABEL -read ADDR LEN\n"
	    "  TYPE: next srcreg dstreg pointer interface loop bitflip nop panic hang\n"
	    "        wildwrite wilddma kcall drop\n"
	    "       service status [LABEL]\n");
	exit(2);
}

/* Send a request to RS; its answer as a positive errno, or 0. */
static int rs_request(int type, const char *label, message *m)
{
	int r;

	m->m_type = type;
	if (label)
		strncpy(m->m_rs.label, label, sizeof(m->m_rs.label) - 1);
	if ((r = ipc_sendrec(RS_PROC_NR, m)) != 0)
		return r < 0 ? -r : r;
	return m->m_type < 0 ? -m->m_type : m->m_type;
}

/* The whole file at path in a malloc()ed buffer (with a NUL after it). */
static char *read_file(const char *path, size_t *len, size_t max)
{
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size > max || !(buf = malloc((size_t)st.st_size + 1))) {
		if (errno == 0)
			errno = EFBIG;
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size && (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

static int do_up(int argc, char **argv)
{
	const char *path, *label = NULL, *args = "", *config = NULL, *base;
	char conf_path[256];
	size_t img_len, conf_len;
	char *img, *conf;
	const char *dev = NULL;
	struct stat st;
	message m;
	int i, period = 0, r;

	if (argc < 3)
		usage();
	path = argv[2];
	for (i = 3; i < argc; i += 2) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "-label") == 0)
			label = argv[i + 1];
		else if (strcmp(argv[i], "-args") == 0)
			args = argv[i + 1];
		else if (strcmp(argv[i], "-period") == 0)
			period = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "-config") == 0)
			config = argv[i + 1];
		else if (strcmp(argv[i], "-dev") == 0)
			dev = argv[i + 1];
		else
			usage();
	}
	if (dev && stat(dev, &st) < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog, dev, strerror(errno));
		return 1;
	}
	if (dev && !S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode)) {
		fprintf(stderr, "%s: %s: not a device node\n", prog, dev);
		return 1;
	}
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!label)
		label = base;
	if (strlen(label) >= sizeof(m.m_rs.label) || strlen(args) >= 64 || period < 0) {
		fprintf(stderr, "%s: label, arguments or period too long or bad\n", prog);
		return 1;
	}
	if (!config) {
		snprintf(conf_path, sizeof(conf_path), "%s.conf", path);
		config = conf_path;
	}
	if (!(img = read_file(path, &img_len, 4 << 20))) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		return 1;
	}
	if (!(conf = read_file(config, &conf_len, MAX_CONF - 1))) {
		fprintf(stderr, "%s: %s: %s\n", prog, config, strerror(errno));
		return 1;
	}
	memset(&m, 0, sizeof(m));
	m.m_rs.buf = (vir_bytes)img;
	m.m_rs.len = img_len;
	m.m_rs.buf2 = (vir_bytes)conf;
	m.m_rs.len2 = conf_len;
	m.m_rs.value = period;
	m.m_rs.args = (vir_bytes)args;
	m.m_rs.args_len = strlen(args) + 1;
	if ((r = rs_request(RS_UP, label, &m)) != 0) {
		if (r == EINVAL && m.m_rs.value > 0)	/* RS wrote "LINE: why" */
			fprintf(stderr, "%s: %s:%s\n", prog, config, img);
		else if (m.m_rs.value == -1)	/* its init callback's error */
			fprintf(stderr, "%s: up %s: its init failed: %s\n", prog, label, strerror(r));
		else if (m.m_rs.value == -2)
			fprintf(stderr, "%s: up %s: it died in its init\n", prog, label);
		else if (r == ESRCH)
			fprintf(stderr, "%s: %s: no service %s in it\n", prog, config, label);
		else
			fprintf(stderr, "%s: up %s: %s\n", prog, label, strerror(r));
		return 1;
	}
	printf("%s: %s is up (endpoint %d)\n", prog, label, m.m_rs.endpt);
	/* Seekable: reads and writes move the file position, as MINIX's VFS
	 * does for every character device (a driver that ignores it reads
	 * the same either way). */
	if (dev && minix_mapdriver(label, (int)major(st.st_rdev), 1) < 0) {
		fprintf(stderr, "%s: %s: major %u: %s\n", prog, dev,
		    (unsigned)major(st.st_rdev), strerror(errno));
		return 1;
	}
	return 0;
}

/* A number argument (decimal, 0x hex); usage() if it is not one. */
static uint32_t number(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (!*s || *end || errno || *s == '-') {
		fprintf(stderr, "%s: fi: bad number '%s'\n", prog, s);
		exit(2);
	}
	return (uint32_t)v;
}

static const char *fi_error(int r)
{
	switch (r) {
	case ESRCH: return "no such service (or not running)";
	case EPERM: return "not a service RS manages";
	case EINVAL: return "no such location for this type (or a bad argument)";
	case ENOENT: return "no candidate location of this type";
	case EFAULT: return "address not mapped in the service";
	}
	return strerror(r);
}

/* service fi LABEL [options]: a fault through RS (RS_FI), its log line. */
static int do_fi(int argc, char **argv)
{
	static const char *names[] = FI_TYPE_NAMES;
	static struct fi_log log;
	static uint8_t bytes[FIPATCH_READ_MAX];
	const char *label = argv[2];
	message m;
	int i, r, t;

	memset(&m, 0, sizeof(m));
	m.m_rs_fi.op = FI_OP_INJECT;
	for (i = 3; i < argc; i++) {
		if (strcmp(argv[i], "-plan") == 0) {
			m.m_rs_fi.op = FI_OP_PLAN;
			continue;
		}
		if (strcmp(argv[i], "-read") == 0 && i + 2 == argc - 1) {
			m.m_rs_fi.op = FI_OP_READ;
			m.m_rs_fi.addr = number(argv[i + 1]);
			m.m_rs_fi.len = number(argv[i + 2]);
			break;
		}
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "-type") == 0) {
			for (t = 0; t < FI_NTYPES && strcmp(names[t], argv[i + 1]) != 0; t++)
				;
			if (t == FI_NTYPES) {
				fprintf(stderr, "%s: fi: unknown fault type '%s'\n", prog, argv[i + 1]);
				return 2;
			}
			m.m_rs_fi.type = t;
		} else if (strcmp(argv[i], "-seed") == 0) {
			m.m_rs_fi.seed = number(argv[i + 1]);
		} else if (strcmp(argv[i], "-index") == 0) {
			m.m_rs_fi.index = number(argv[i + 1]);
		} else if (strcmp(argv[i], "-addr") == 0) {
			m.m_rs_fi.addr = number(argv[i + 1]);
		} else {
			usage();
		}
		i++;
	}
	if (strlen(label) >= sizeof(m.m_rs_fi.label))
		usage();
	if (m.m_rs_fi.op == FI_OP_READ) {
		if (m.m_rs_fi.len == 0 || m.m_rs_fi.len > sizeof(bytes)) {
			fprintf(stderr, "%s: fi: LEN must be 1 to %u\n", prog, (unsigned)sizeof(bytes));
			return 2;
		}
		m.m_rs_fi.buf = (vir_bytes)bytes;
	} else {
		m.m_rs_fi.buf = (vir_bytes)&log;
		m.m_rs_fi.len = sizeof(log);
	}
	if ((r = rs_request(RS_FI, label, &m)) != 0) {
		fprintf(stderr, "%s: fi %s: %s\n", prog, label, fi_error(r));
		return 1;
	}
	if (m.m_rs_fi.op == FI_OP_READ) {
		for (i = 0; i < (int)m.m_rs_fi.len; i++)
			printf("%02x%c", bytes[i], i + 1 == (int)m.m_rs_fi.len || i % 16 == 15 ? '\n' : ' ');
		return 0;
	}
	printf("%s%s\n", log.text, m.m_rs_fi.op == FI_OP_PLAN ? " (plan)" : "");
	return 0;
}

static int do_status(const char *label)
{
	static struct rs_status st[NR_STATUS];
	struct kinfo ki;
	message m;
	int i, r, hz = 100;

	if (minix_getsysinfo(GET_KINFO, 0, &ki, sizeof(ki)) == 0 && ki.hz > 0)
		hz = ki.hz;
	memset(&m, 0, sizeof(m));
	m.m_rs.buf = (vir_bytes)st;
	m.m_rs.len = sizeof(st);
	if ((r = rs_request(RS_STATUS, label, &m)) != 0) {
		fprintf(stderr, "%s: status%s%s: %s\n", prog, label ? " " : "",
		    label ? label : "", r == ESRCH ? "no such service" : strerror(r));
		return 1;
	}
	printf("%-12s %8s %4s %8s %8s %6s  %s\n", "LABEL", "ENDPOINT", "PID",
	    "RESTARTS", "UPTIME", "PERIOD", "LAST FAILURE");
	for (i = 0; i < m.m_rs.value; i++) {
		char ep[12], up[16], per[12];
		if (st[i].endpt == (endpoint_t)NONE)
			snprintf(ep, sizeof(ep), "-");
		else
			snprintf(ep, sizeof(ep), "%d", st[i].endpt);
		if (st[i].endpt == (endpoint_t)NONE)
			snprintf(up, sizeof(up), "down");
		else
			snprintf(up, sizeof(up), "%lds", (long)st[i].uptime / hz);
		if (st[i].period)
			snprintf(per, sizeof(per), "%d", st[i].period);
		else
			snprintf(per, sizeof(per), "-");
		printf("%-12s %8s %4s %8d %8s %6s  %s\n", st[i].label, ep, "-", st[i].restarts,
		    up, per, st[i].last_reason[0] ? st[i].last_reason : "-");
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct { const char *name; int type; } simple[] = {
		{ "down", RS_DOWN }, { "restart", RS_RESTART },
		{ "refresh", RS_REFRESH }, { "fi", RS_FI },
	};
	message m;
	size_t i;
	int r;

	if (argc < 2)
		usage();
	if (strcmp(argv[1], "up") == 0)
		return do_up(argc, argv);
	if (strcmp(argv[1], "fi") == 0 && argc > 3)
		return do_fi(argc, argv);
	if (strcmp(argv[1], "status") == 0) {
		if (argc > 3)
			usage();
		return do_status(argc == 3 ? argv[2] : NULL);
	}
	for (i = 0; i < sizeof(simple) / sizeof(simple[0]); i++) {
		if (strcmp(argv[1], simple[i].name) != 0)
			continue;
		if (argc != 3)
			usage();
		memset(&m, 0, sizeof(m));
		if ((r = rs_request(simple[i].type, argv[2], &m)) != 0) {
			fprintf(stderr, "%s: %s %s: %s\n", prog, argv[1], argv[2],
			    r == ESRCH ? "no such service" : r == EPERM ?
			    "not a service RS manages" : strerror(r));
			return 1;
		}
		return 0;
	}
	usage();
	return 2;
}
