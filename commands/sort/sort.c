/* sort.c - sort lines of text.
 *
 *	sort [-nru] [-t c] [-k field[,field]] ... [file ...]
 *
 * Lines are compared byte by byte (the C locale), or with -n by the
 * number at their start (optional blanks, '-', digits, '.' and a
 * fraction; no number counts as 0).  -k picks a key: fields field to
 * field (counted from 1; without the second, to the end of the line),
 * fields being separated by the character of -t, or else starting at
 * each run of blanks (which belong to the field, as POSIX says).  Lines
 * with equal keys are ordered by the whole line, except with -u, which
 * prints only the first line (in input order) of each run of equal keys.
 * -r reverses the order.  The output lines all end with '\n'.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_KEYS	8
#define blank(c)	((c) == ' ' || (c) == '\t')

struct line {
	char *s;
	size_t len;
	size_t index;		/* input order */
};

static int opt_n, opt_r, opt_u;
static int delim = -1;		/* -t, or -1: blanks */
static struct { int from, to; } keys[MAX_KEYS];	/* to 0: the end */
static int nkeys;

static void usage(void)
{
	fprintf(stderr, "usage: sort [-nru] [-t c] [-k field[,field]] [file ...]\n");
	exit(2);
}

static void oom(void)
{
	fprintf(stderr, "sort: out of memory\n");
	exit(2);
}

/* The end of the field at p (before end): up to the -t character, or
 * past leading blanks and then the non-blanks.
 */
static const char *past_field(const char *p, const char *end)
{
	if (delim >= 0) {
		while (p < end && *p != delim)
			p++;
	} else {
		while (p < end && blank(*p))
			p++;
		while (p < end && !blank(*p))
			p++;
	}
	return p;
}

/* The start of field f (from 1) of s[0..len), or s + len. */
static const char *field(const char *s, size_t len, int f)
{
	const char *p = s, *end = s + len;

	while (--f > 0 && p < end) {
		p = past_field(p, end);
		if (delim >= 0 && p < end)
			p++;
	}
	return p;
}

/* The end of field f (its separator excluded). */
static const char *field_end(const char *s, size_t len, int f)
{
	return past_field(field(s, len, f), s + len);
}

/* Compare numbers at the start of a and b (each ending at ae, be). */
static int numcmp(const char *a, const char *ae, const char *b, const char *be)
{
	int na = 0, nb = 0, sign, r;
	const char *ia, *ib, *ja, *jb;
	size_t la, lb;

	while (a < ae && blank(*a))
		a++;
	while (b < be && blank(*b))
		b++;
	if (a < ae && *a == '-')
		na = 1, a++;
	if (b < be && *b == '-')
		nb = 1, b++;
	while (a < ae && *a == '0')
		a++;
	while (b < be && *b == '0')
		b++;
	for (ia = a; ia < ae && isdigit((unsigned char)*ia); ia++)
		;
	for (ib = b; ib < be && isdigit((unsigned char)*ib); ib++)
		;
	/* the fractions */
	ja = ia < ae && *ia == '.' ? ia + 1 : ia;
	jb = ib < be && *ib == '.' ? ib + 1 : ib;
	la = (size_t)(ia - a), lb = (size_t)(ib - b);
	{
		/* -0 is 0: a negative sign only counts for a non-zero number */
		int za = la == 0, zb = lb == 0;
		const char *q;

		for (q = ja; za && q < ae && isdigit((unsigned char)*q); q++)
			if (*q != '0')
				za = 0;
		for (q = jb; zb && q < be && isdigit((unsigned char)*q); q++)
			if (*q != '0')
				zb = 0;
		if (za)
			na = 0;
		if (zb)
			nb = 0;
	}
	if (na != nb)
		return na ? -1 : 1;
	sign = na ? -1 : 1;
	if (la != lb)
		return la < lb ? -sign : sign;
	if ((r = memcmp(a, b, la)) != 0)
		return r < 0 ? -sign : sign;
	for (;;) {
		int da = ja < ae && isdigit((unsigned char)*ja) ? *ja : '0';
		int db = jb < be && isdigit((unsigned char)*jb) ? *jb : '0';

		if (da != db)
			return da < db ? -sign : sign;
		if (!(ja < ae && isdigit((unsigned char)*ja)) &&
		    !(jb < be && isdigit((unsigned char)*jb)))
			return 0;
		if (ja < ae && isdigit((unsigned char)*ja))
			ja++;
		if (jb < be && isdigit((unsigned char)*jb))
			jb++;
	}
}

static int keycmp(const char *a, const char *ae, const char *b, const char *be)
{
	size_t la = (size_t)(ae - a), lb = (size_t)(be - b);
	int r;

	if (opt_n)
		return numcmp(a, ae, b, be);
	r = memcmp(a, b, la < lb ? la : lb);
	if (r != 0)
		return r < 0 ? -1 : 1;
	return la < lb ? -1 : la > lb;
}

/* Compare by the keys only. */
static int by_keys(const struct line *x, const struct line *y)
{
	const char *a, *ae, *b, *be;
	int k, r;

	if (nkeys == 0)
		return keycmp(x->s, x->s + x->len, y->s, y->s + y->len);
	for (k = 0; k < nkeys; k++) {
		a = field(x->s, x->len, keys[k].from);
		b = field(y->s, y->len, keys[k].from);
		ae = keys[k].to ? field_end(x->s, x->len, keys[k].to) : x->s + x->len;
		be = keys[k].to ? field_end(y->s, y->len, keys[k].to) : y->s + y->len;
		if (ae < a)
			ae = a;
		if (be < b)
			be = b;
		if ((r = keycmp(a, ae, b, be)) != 0)
			return r;
	}
	return 0;
}

static int compare(const void *pa, const void *pb)
{
	const struct line *x = pa, *y = pb;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = by_keys(x, y);

	if (r == 0 && !opt_u) {		/* the last resort: the whole line */
		r = memcmp(x->s, y->s, n);
		if (r == 0)
			r = x->len < y->len ? -1 : x->len > y->len;
		r = r < 0 ? -1 : r > 0;
	}
	if (opt_r)
		r = -r;
	if (r == 0)			/* stable: the input order */
		r = x->index < y->index ? -1 : x->index > y->index;
	return r;
}

static int parse_key(const char *s)
{
	char *end;
	long a, b = 0;

	a = strtol(s, &end, 10);
	if (*end == ',')
		b = strtol(end + 1, &end, 10);
	if (*end != '\0' || a < 1 || b < 0 || nkeys == MAX_KEYS)
		return -1;
	keys[nkeys].from = (int)a;
	keys[nkeys].to = (int)b;
	nkeys++;
	return 0;
}

int main(int argc, char **argv)
{
	struct line *lines = NULL, *more;
	size_t n = 0, cap = 0, i, lcap;
	char *buf;
	ssize_t len;
	int c, status = 0, fi;
	FILE *f;

	while ((c = getopt(argc, argv, "+nruk:t:")) != -1) {
		switch (c) {
		case 'n': opt_n = 1; break;
		case 'r': opt_r = 1; break;
		case 'u': opt_u = 1; break;
		case 't':
			if (optarg[0] == '\0' || optarg[1] != '\0')
				usage();
			delim = (unsigned char)optarg[0];
			break;
		case 'k':
			if (parse_key(optarg) < 0) {
				fprintf(stderr, "sort: invalid key: %s\n", optarg);
				exit(2);
			}
			break;
		default:
			usage();
		}
	}
	for (fi = optind; fi < argc || fi == optind; fi++) {
		const char *name = fi < argc ? argv[fi] : "-";
		int std = strcmp(name, "-") == 0;

		if ((f = std ? stdin : fopen(name, "r")) == NULL) {
			fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
			status = 2;
			continue;
		}
		for (;;) {
			buf = NULL;
			lcap = 0;
			if ((len = getline(&buf, &lcap, f)) <= 0) {
				free(buf);
				break;
			}
			if (buf[len - 1] == '\n')
				len--;
			if (n == cap) {
				cap = cap ? 2 * cap : 256;
				if ((more = realloc(lines, cap * sizeof(*lines))) == NULL)
					oom();
				lines = more;
			}
			lines[n].s = buf;
			lines[n].len = (size_t)len;
			lines[n].index = n;
			n++;
		}
		if (ferror(f)) {
			fprintf(stderr, "sort: %s: %s\n", name, strerror(errno));
			status = 2;
		}
		if (!std)
			fclose(f);
	}
	if (n > 0)
		qsort(lines, n, sizeof(*lines), compare);
	for (i = 0; i < n; i++) {
		if (opt_u && i > 0 && by_keys(&lines[i - 1], &lines[i]) == 0)
			continue;
		fwrite(lines[i].s, 1, lines[i].len, stdout);
		putchar('\n');
	}
	if (fflush(stdout) != 0)
		status = 2;
	return status;
}
