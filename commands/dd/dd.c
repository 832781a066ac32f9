/* dd.c - copy blocks.
 *
 *	dd [if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N]
 *	   [seek=N] [conv=notrunc]
 *
 * Reads input blocks of ibs bytes (bs sets both ibs and obs; default 512)
 * and writes them out.  With bs= (or ibs = obs) every block read is
 * written as it came, a short one too; otherwise the output is cut into
 * obs-byte blocks.  count= copies that many input blocks, skip= skips
 * input blocks first (lseek, or reads on a pipe), seek= skips output
 * blocks (lseek).  The output file is made if missing and, unless
 * conv=notrunc, cut to the seek= offset.  Numbers may end in c (1), w (2),
 * b (512), k or K (1024), M (1024^2), G (1024^3), and may be products
 * NxM.  At the end stderr gets POSIX's summary:
 *
 *	F+P records in
 *	F+P records out
 *
 * (full and partial blocks).  Exit status 0, or 1 after an error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *in_name, *out_name;
static long long ibs = 512, obs = 512, count = -1, skip, seek;
static int notrunc;
static long long in_full, in_part, out_full, out_part;

static void usage(void)
{
	fprintf(stderr, "usage: dd [if=file] [of=file] [bs=n] [ibs=n] [obs=n] "
	    "[count=n] [skip=n] [seek=n] [conv=notrunc]\n");
	exit(1);
}

/* A number with an optional multiplier suffix, and "x" products. */
static long long number(const char *op, const char *s)
{
	long long v = 0, mul = 1;
	const char *p = s;

	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (0x7fffffffffffffffLL - 9) / 10)
			goto bad;
		v = v * 10 + (*p - '0');
	}
	switch (*p) {
	case 'c': p++; break;
	case 'w': mul = 2; p++; break;
	case 'b': mul = 512; p++; break;
	case 'k': case 'K': mul = 1LL << 10; p++; break;
	case 'M': mul = 1LL << 20; p++; break;
	case 'G': mul = 1LL << 30; p++; break;
	}
	if (mul > 1 && v > 0x7fffffffffffffffLL / mul)
		goto bad;
	v *= mul;
	if (*p == 'x') {
		long long w = number(op, p + 1);
		if (w && v > 0x7fffffffffffffffLL / w)
			goto bad;
		return v * w;
	}
	if (*p == '\0')
		return v;
bad:
	fprintf(stderr, "dd: invalid number: %s=%s\n", op, s);
	exit(1);
}

static void operand(char *arg)
{
	char *eq = strchr(arg, '=');
	const char *v;

	if (eq == NULL) {
		fprintf(stderr, "dd: unknown operand %s\n", arg);
		usage();
	}
	*eq = '\0';
	v = eq + 1;
	if (strcmp(arg, "if") == 0)
		in_name = v;
	else if (strcmp(arg, "of") == 0)
		out_name = v;
	else if (strcmp(arg, "bs") == 0)
		ibs = obs = number(arg, v);
	else if (strcmp(arg, "ibs") == 0)
		ibs = number(arg, v);
	else if (strcmp(arg, "obs") == 0)
		obs = number(arg, v);
	else if (strcmp(arg, "count") == 0)
		count = number(arg, v);
	else if (strcmp(arg, "skip") == 0)
		skip = number(arg, v);
	else if (strcmp(arg, "seek") == 0)
		seek = number(arg, v);
	else if (strcmp(arg, "conv") == 0 && strcmp(v, "notrunc") == 0)
		notrunc = 1;
	else {
		fprintf(stderr, "dd: unknown operand %s=%s\n", arg, v);
		usage();
	}
}

static void summary(void)
{
	fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n",
	    in_full, in_part, out_full, out_part);
}

static void fail(const char *name, const char *what)
{
	fprintf(stderr, "dd: %s: %s%s\n", name, what, strerror(errno));
	summary();
	exit(1);
}

/* Write n bytes of buf in one record; counts it. */
static void put(int fd, const char *buf, size_t n)
{
	size_t done = 0;
	ssize_t w;

	while (done < n) {
		if ((w = write(fd, buf + done, n - done)) <= 0)
			fail(out_name ? out_name : "standard output", "write: ");
		done += (size_t)w;
	}
	if ((long long)n == obs)
		out_full++;
	else
		out_part++;
}

/* Read one input record of up to ibs bytes (a short read is a partial
 * record); its length, 0 at the end. */
static size_t get(int fd, char *buf)
{
	ssize_t r;

	while ((r = read(fd, buf, (size_t)ibs)) < 0 && errno == EINTR)
		;
	if (r < 0)
		fail(in_name ? in_name : "standard input", "read: ");
	return (size_t)r;
}

int main(int argc, char **argv)
{
	int c, i, in = 0, out = 1, same;
	char *ibuf, *obuf;
	size_t n, have = 0;
	long long k;

	while ((c = getopt(argc, argv, "")) != -1)
		usage();
	for (i = optind; i < argc; i++)
		operand(argv[i]);
	if (ibs <= 0 || obs <= 0 || ibs > (64 << 20) || obs > (64 << 20)) {
		fprintf(stderr, "dd: block sizes must be 1 to 64M\n");
		return 1;
	}
	same = ibs == obs;
	if (in_name && (in = open(in_name, O_RDONLY)) < 0)
		fail(in_name, "");
	if (out_name && (out = open(out_name, O_WRONLY | O_CREAT |
	    (notrunc || seek ? 0 : O_TRUNC), 0666)) < 0)
		fail(out_name, "");
	if ((ibuf = malloc((size_t)ibs)) == NULL ||
	    (obuf = same ? ibuf : malloc((size_t)obs)) == NULL) {
		fprintf(stderr, "dd: out of memory\n");
		return 1;
	}
	if (skip && lseek(in, (off_t)(skip * ibs), SEEK_SET) < 0) {
		for (k = 0; k < skip; k++)
			if (get(in, ibuf) == 0)
				break;
	}
	if (seek) {
		if (lseek(out, (off_t)(seek * obs), SEEK_SET) < 0)
			fail(out_name ? out_name : "standard output", "seek: ");
		if (out_name && !notrunc && ftruncate(out, (off_t)(seek * obs)) < 0 &&
		    errno != EINVAL)
			fail(out_name, "truncate: ");
	}
	for (k = 0; count < 0 || k < count; k++) {
		if ((n = get(in, ibuf)) == 0)
			break;
		if ((long long)n == ibs)
			in_full++;
		else
			in_part++;
		if (same) {
			put(out, ibuf, n);
			continue;
		}
		/* Reblock into obs-byte records. */
		for (size_t off = 0; off < n; ) {
			size_t take = n - off < (size_t)obs - have ? n - off :
			    (size_t)obs - have;
			memcpy(obuf + have, ibuf + off, take);
			have += take, off += take;
			if ((long long)have == obs) {
				put(out, obuf, have);
				have = 0;
			}
		}
	}
	if (!same && have)
		put(out, obuf, have);
	if (out_name && close(out) < 0)
		fail(out_name, "close: ");
	summary();
	return 0;
}
