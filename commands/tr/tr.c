/* tr.c - translate, delete or squeeze characters.
 *
 *	tr [-c] string1 string2		translate
 *	tr [-c] -d string1		delete
 *	tr [-c] -s string1		squeeze
 *	tr [-c] -ds string1 string2	delete string1, squeeze string2
 *	tr [-c] -s string1 string2	translate, then squeeze string2
 *
 * Strings: characters, ranges "a-z", classes "[:alpha:]" (alnum alpha
 * blank cntrl digit graph lower print punct space upper xdigit), and the
 * escapes \\ \a \b \f \n \r \t \v \NNN (octal).  -c uses the complement
 * of string1 (in byte order).  When translating, string2 is padded with
 * its last character to the length of string1; a character listed twice
 * in string1 takes its last translation.  Squeezing (-s) writes a run of
 * one character of the last string as one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/cmdutil/cmdutil.h"

#define SET_MAX	4096

struct set {
	unsigned char c[SET_MAX];
	int n;
};

static void usage(void)
{
	fprintf(stderr, "usage: tr [-cds] string1 [string2]\n");
	exit(1);
}

static void add(struct set *s, int c)
{
	if (s->n == SET_MAX) {
		fprintf(stderr, "tr: string too long\n");
		exit(1);
	}
	s->c[s->n++] = (unsigned char)c;
}

/* One character of the string at *pp (an escape or not). */
static int one(const char **pp)
{
	const char *p = *pp;
	int c = (unsigned char)*p++;

	/* an escape, or the character after the backslash itself */
	if (c == '\\' && *p != '\0' && (c = cmd_escape(&p)) < 0)
		c = (unsigned char)*p++;
	*pp = p;
	return c;
}

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper },
	{ "xdigit", isxdigit }, { "blank", NULL }, { "graph", NULL },
};

static int in_class(int k, int c)
{
	if (classes[k].fn != NULL)
		return classes[k].fn(c) != 0;
	if (classes[k].name[0] == 'b')
		return c == ' ' || c == '\t';
	return isprint(c) && c != ' ';
}

static void parse(const char *str, struct set *s)
{
	const char *p = str, *e;
	int lo, hi, c;
	size_t k;

	s->n = 0;
	while (*p != '\0') {
		if (p[0] == '[' && p[1] == ':' && (e = strstr(p + 2, ":]")) != NULL) {
			for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
				if (strlen(classes[k].name) == (size_t)(e - p - 2) &&
				    strncmp(classes[k].name, p + 2, (size_t)(e - p - 2)) == 0)
					break;
			if (k == sizeof(classes) / sizeof(classes[0])) {
				fprintf(stderr, "tr: invalid class: %.*s\n",
				    (int)(e + 2 - p), p);
				exit(1);
			}
			for (c = 0; c < 256; c++)
				if (in_class((int)k, c))
					add(s, c);
			p = e + 2;
			continue;
		}
		lo = one(&p);
		if (p[0] == '-' && p[1] != '\0') {
			p++;
			hi = one(&p);
			if (hi < lo) {
				fprintf(stderr, "tr: range %c-%c is in reverse order\n",
				    lo, hi);
				exit(1);
			}
			for (c = lo; c <= hi; c++)
				add(s, c);
		} else {
			add(s, lo);
		}
	}
}

int main(int argc, char **argv)
{
	static struct set s1, s2;
	unsigned char map[256], del[256] = { 0 }, sq[256] = { 0 }, in1[256] = { 0 };
	int c, i, opt_c = 0, opt_d = 0, opt_s = 0, nops, last = -1, translate;

	while ((c = getopt(argc, argv, "+cCds")) != -1) {
		switch (c) {
		case 'c': case 'C': opt_c = 1; break;
		case 'd': opt_d = 1; break;
		case 's': opt_s = 1; break;
		default: usage();
		}
	}
	nops = argc - optind;
	translate = !opt_d && nops == 2;
	if (nops < 1 || nops > 2 || (opt_d && nops != 1 + opt_s) ||
	    (!opt_d && !opt_s && nops != 2))
		usage();
	parse(argv[optind], &s1);
	if (nops == 2)
		parse(argv[optind + 1], &s2);
	for (i = 0; i < s1.n; i++)
		in1[s1.c[i]] = 1;
	if (opt_c) {			/* the complement, in byte order */
		s1.n = 0;
		for (c = 0; c < 256; c++)
			if (!in1[c])
				add(&s1, c);
		for (c = 0; c < 256; c++)
			in1[c] = !in1[c];
	}
	for (c = 0; c < 256; c++)
		map[c] = (unsigned char)c;
	if (translate) {
		if (s2.n == 0) {
			fprintf(stderr, "tr: string2 must not be empty\n");
			return 1;
		}
		for (i = 0; i < s1.n; i++)
			map[s1.c[i]] = s2.c[i < s2.n ? i : s2.n - 1];
	}
	if (opt_d)
		memcpy(del, in1, sizeof(del));
	if (opt_s) {
		const struct set *s = nops == 2 ? &s2 : &s1;

		if (nops == 1)
			memcpy(sq, in1, sizeof(sq));
		else
			for (i = 0; i < s->n; i++)
				sq[s->c[i]] = 1;
	}
	while ((c = getchar()) != EOF) {
		if (del[c])
			continue;
		c = map[c];
		if (sq[c] && c == last)
			continue;
		last = c;
		putchar(c);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
