/* test_regex.c - host unit tests for lib/libc/regex.c: compile errors,
 * matches and their exact offsets (whole match and groups 1 and 2), for
 * basic and extended REs and the flags.  The engine's names are mg_* on
 * the host (include/regex.h under HOST_TEST), so the host's own regex is
 * never involved.
 */
#include <stdio.h>
#include <string.h>
#include "../../include/regex.h"
#include "../../lib/libc/regex.c"
#include "tap.h"

#define B	0			/* basic */
#define E	REG_EXTENDED
#define I	REG_ICASE
#define NL	REG_NEWLINE
#define NM	REG_NOMATCH

struct rcase {
	const char *re;
	int cflags;
	const char *s;
	int eflags;
	int rc;			/* regexec's result */
	int so, eo;		/* match */
	int so1, eo1;		/* group 1 (-1 -1: unmatched or none) */
	int so2, eo2;		/* group 2 */
};

#define X	-1, -1
static const struct rcase cases[] = {
	/* ordinary characters, '.', anchors */
	{ "abc", B, "xxabcxx", 0, 0, 2, 5, X, X },
	{ "abc", B, "abxabd", 0, NM, X, X, X },
	{ "", B, "abc", 0, 0, 0, 0, X, X },
	{ "a.c", B, "zzabc", 0, 0, 2, 5, X, X },
	{ "a.c", B, "ac", 0, NM, X, X, X },
	{ "^ab", B, "abab", 0, 0, 0, 2, X, X },
	{ "^ab", B, "xab", 0, NM, X, X, X },
	{ "ab$", B, "abab", 0, 0, 2, 4, X, X },
	{ "^$", B, "", 0, 0, 0, 0, X, X },
	{ "^$", B, "x", 0, NM, X, X, X },
	{ "a^b", B, "a^b", 0, 0, 0, 3, X, X },	/* ^ not first: ordinary */
	{ "a$b", B, "a$b", 0, 0, 0, 3, X, X },	/* $ not last: ordinary */
	{ "^ab", B, "ab", REG_NOTBOL, NM, X, X, X },
	{ "ab$", B, "ab", REG_NOTEOL, NM, X, X, X },
	{ "\\.", B, "ab.c", 0, 0, 2, 3, X, X },
	{ "a\\*b", B, "aa*b", 0, 0, 1, 4, X, X },
	{ "\\[x", B, "a[x", 0, 0, 1, 3, X, X },
	/* star: greedy, leftmost-longest, ordinary when first */
	{ "ab*", B, "xabbbc", 0, 0, 1, 5, X, X },
	{ "ab*", B, "xac", 0, 0, 1, 2, X, X },
	{ "a*", B, "bbb", 0, 0, 0, 0, X, X },
	{ "a*", B, "aab", 0, 0, 0, 2, X, X },
	{ "*a", B, "x*a", 0, 0, 1, 3, X, X },
	{ "^*a", B, "*a", 0, 0, 0, 2, X, X },
	{ "\\(*a\\)", B, "*a", 0, 0, 0, 2, 0, 2, X },
	{ ".*c", B, "abcabc", 0, 0, 0, 6, X, X },
	{ "a.*b.*c", B, "xaxbxcxbx", 0, 0, 1, 6, X, X },
	{ "x*y*z*", B, "", 0, 0, 0, 0, X, X },
	{ "a**", B, "aaa", 0, 0, 0, 3, X, X },
	/* bracket expressions */
	{ "[abc]", B, "xxcb", 0, 0, 2, 3, X, X },
	{ "[^abc]", B, "abcd", 0, 0, 3, 4, X, X },
	{ "[a-c]*", B, "cabd", 0, 0, 0, 3, X, X },
	{ "[]a]", B, "x]", 0, 0, 1, 2, X, X },
	{ "[^]a]", B, "]ab", 0, 0, 2, 3, X, X },
	{ "[a-]", B, "x-", 0, 0, 1, 2, X, X },
	{ "[-a]", B, "x-", 0, 0, 1, 2, X, X },
	{ "[[:digit:]]*", B, "123x", 0, 0, 0, 3, X, X },
	{ "[[:alpha:]][[:alnum:]]*", B, "1 ab9 c", 0, 0, 2, 5, X, X },
	{ "[[:upper:][:space:]]", B, "ab C", 0, 0, 2, 3, X, X },
	{ "[[:punct:]]", B, "ab,c", 0, 0, 2, 3, X, X },
	{ "[[:xdigit:]]*", B, "fF0g", 0, 0, 0, 3, X, X },
	{ "[[:blank:]]", B, "a\tb", 0, 0, 1, 2, X, X },
	{ "[[.-.]a]", B, "b-", 0, 0, 1, 2, X, X },
	{ "[[=e=]]", B, "abe", 0, 0, 2, 3, X, X },
	{ "[\\n]", B, "a\\", 0, 0, 1, 2, X, X },	/* backslash literal */
	{ "[.]", B, "ab.", 0, 0, 2, 3, X, X },
	{ "[*]", B, "a*", 0, 0, 1, 2, X, X },
	/* intervals */
	{ "a\\{2\\}", B, "aaaa", 0, 0, 0, 2, X, X },
	{ "a\\{2,\\}", B, "baaaa", 0, 0, 1, 5, X, X },
	{ "a\\{1,3\\}", B, "aaaaa", 0, 0, 0, 3, X, X },
	{ "ba\\{0,2\\}c", B, "bc bac baac baaac", 0, 0, 0, 2, X, X },
	{ "ba\\{3\\}c", B, "bc bac baac baaac", 0, 0, 12, 17, X, X },
	{ "a\\{0\\}b", B, "ab", 0, 0, 1, 2, X, X },
	{ "[0-9]\\{4\\}", B, "12 2026", 0, 0, 3, 7, X, X },
	/* groups and back-references */
	{ "\\(ab\\)*", B, "ababx", 0, 0, 0, 4, 2, 4, X },
	{ "\\(a\\)\\(b\\)", B, "xab", 0, 0, 1, 3, 1, 2, 2, 3 },
	{ "\\(a*\\)b", B, "aab", 0, 0, 0, 3, 0, 2, X },
	{ "\\(x\\)*y", B, "y", 0, 0, 0, 1, X, X },
	{ "\\(.\\)\\1", B, "abccd", 0, 0, 2, 4, 2, 3, X },
	{ "\\(a*\\)\\1", B, "aaaa", 0, 0, 0, 4, 0, 2, X },
	{ "^\\(.*\\)-\\1$", B, "abc-abc", 0, 0, 0, 7, 0, 3, X },
	{ "^\\(.*\\)-\\1$", B, "abc-abd", 0, NM, X, X, X },
	{ "\\(^a\\)", B, "ab", 0, 0, 0, 1, 0, 1, X },
	{ "\\(a$\\)", B, "ba", 0, 0, 1, 2, 1, 2, X },
	{ "\\(\\(a\\)b\\)", B, "ab", 0, 0, 0, 2, 0, 2, 0, 1 },
	{ "\\(a*\\)*", B, "aa", 0, 0, 0, 2, 0, 2, X },	/* empty loop ends */
	{ "\\(a\\|b\\)", B, "xb|", 0, 0, 1, 2, 1, 2, X },	/* GNU \| */
	{ "^a\\|^b", B, "b", 0, 0, 0, 1, X, X },
	{ "a\\+", B, "baa", 0, 0, 1, 3, X, X },		/* GNU \+ */
	{ "ab\\?c", B, "ac", 0, 0, 0, 2, X, X },	/* GNU \? */
	/* extended REs */
	{ "a|bc", E, "xbc", 0, 0, 1, 3, X, X },
	{ "(a|ab)(c|bcd)", E, "abcd", 0, 0, 0, 4, 0, 1, 1, 4 },
	{ "a+", E, "baaa", 0, 0, 1, 4, X, X },
	{ "ab?c", E, "abc ac", 0, 0, 0, 3, X, X },
	{ "a{2,3}", E, "aaaa", 0, 0, 0, 3, X, X },
	{ "a{,", E, "a{,", 0, 0, 0, 3, X, X },		/* ordinary { */
	{ "(foo|foobar)", E, "foobar", 0, 0, 0, 6, 0, 6, X },
	{ "x(a|b)*y", E, "xabbay", 0, 0, 0, 6, 4, 5, X },
	{ "^(a|b)$", E, "b", 0, 0, 0, 1, 0, 1, X },
	{ "a\\|b", E, "a|b", 0, 0, 0, 3, X, X },
	{ "()", E, "x", 0, 0, 0, 0, 0, 0, X },
	{ "(a)|b", E, "b", 0, 0, 0, 1, X, X },
	{ "(.)\\1", E, "xyzzy", 0, 0, 2, 4, 2, 3, X },
	/* flags */
	{ "abc", I, "xABC", 0, 0, 1, 4, X, X },
	{ "[a-c]*", I, "BaCd", 0, 0, 0, 3, X, X },
	{ "[^a]", I, "Ab", 0, 0, 1, 2, X, X },
	{ "\\(a\\)\\1", I, "aA", 0, 0, 0, 2, 0, 1, X },
	{ "^b", NL, "a\nb", 0, 0, 2, 3, X, X },
	{ "a$", NL, "a\nb", 0, 0, 0, 1, X, X },
	{ "a.b", NL, "a\nb", 0, NM, X, X, X },
	{ "a[^x]b", NL, "a\nb", 0, NM, X, X, X },
	{ "a.b", B, "a\nb", 0, 0, 0, 3, X, X },
	{ "^b", B, "a\nb", 0, NM, X, X, X },
};

static const struct {
	const char *re;
	int cflags;
	int err;
} errors[] = {
	{ "a\\", B, REG_EESCAPE },
	{ "[abc", B, REG_EBRACK },
	{ "[]", B, REG_EBRACK },
	{ "[[:nope:]]", B, REG_ECTYPE },
	{ "[[:alpha:", B, REG_EBRACK },
	{ "[z-a]", B, REG_ERANGE },
	{ "\\(a", B, REG_EPAREN },
	{ "a\\)", B, REG_EPAREN },
	{ "(a", E, REG_EPAREN },
	{ "a)", E, REG_EPAREN },
	{ "a\\{1", B, REG_EBRACE },
	{ "a\\{x\\}", B, REG_BADBR },
	{ "a\\{3,1\\}", B, REG_BADBR },
	{ "a\\{256\\}", B, REG_BADBR },
	{ "a{3,1}", E, REG_BADBR },
	{ "\\1", B, REG_ESUBREG },
	{ "\\(a\\1\\)", B, REG_ESUBREG },
	{ "\\(a\\)\\2", B, REG_ESUBREG },
	{ "*a", E, REG_BADRPT },
	{ "a|+", E, REG_BADRPT },
	{ "\\{1\\}", B, REG_BADRPT },
	{ "[[.ab.]]", B, REG_ECOLLATE },
};

static void one_case(const struct rcase *c)
{
	regex_t re;
	regmatch_t m[3];
	char name[200];
	char *p;
	int rc, ok;

	snprintf(name, sizeof(name), "/%s/%s%s%s on \"%s\"", c->re,
	    c->cflags & E ? "E" : "", c->cflags & I ? "i" : "",
	    c->cflags & NL ? "n" : "", c->s);
	while ((p = strchr(name, '\n')) != NULL)
		*p = '|';	/* one TAP line */
	if ((rc = regcomp(&re, c->re, c->cflags)) != 0) {
		tap_result(0, name, rc, 0);
		return;
	}
	memset(m, 0x55, sizeof(m));
	rc = regexec(&re, c->s, 3, m, c->eflags);
	if (rc != c->rc) {
		tap_result(0, name, rc, c->rc);
	} else if (rc != 0) {
		tap_result(1, name, 0, 0);
	} else {
		ok = m[0].rm_so == c->so && m[0].rm_eo == c->eo &&
		    m[1].rm_so == c->so1 && m[1].rm_eo == c->eo1 &&
		    m[2].rm_so == c->so2 && m[2].rm_eo == c->eo2;
		if (!ok)
			printf("# got %d %d, %d %d, %d %d\n", m[0].rm_so,
			    m[0].rm_eo, m[1].rm_so, m[1].rm_eo, m[2].rm_so,
			    m[2].rm_eo);
		tap_result(ok, name, 0, 0);
	}
	regfree(&re);
}

static void misc(void)
{
	regex_t re;
	regmatch_t m[1] = { { 7, 7 } };
	char buf[64], small[6];
	size_t n;
	int i;
	static char longline[20001];

	CHECK_EQ(regcomp(&re, "\\(a\\)\\(b\\(c\\)\\)", 0), 0, "compile 3 groups");
	CHECK_EQ(re.re_nsub, 3, "re_nsub counts the groups");
	regfree(&re);

	CHECK_EQ(regcomp(&re, "b", REG_NOSUB), 0, "compile with REG_NOSUB");
	CHECK_EQ(regexec(&re, "abc", 1, m, 0), 0, "REG_NOSUB matches");
	CHECK(m[0].rm_so == 7 && m[0].rm_eo == 7, "REG_NOSUB leaves pmatch alone");
	regfree(&re);

	n = regerror(REG_EBRACK, NULL, buf, sizeof(buf));
	CHECK(strcmp(buf, "brackets [ ] not balanced") == 0, "regerror text");
	CHECK_EQ(n, strlen(buf) + 1, "regerror returns the size needed");
	n = regerror(REG_NOMATCH, NULL, small, sizeof(small));
	CHECK(strcmp(small, "no ma") == 0 && n == 9, "regerror truncates");
	regerror(99, NULL, buf, sizeof(buf));
	CHECK(strcmp(buf, "unknown error") == 0, "regerror unknown code");

	/* A long line: no deep recursion, the longest match. */
	for (i = 0; i < 20000; i++)
		longline[i] = 'a';
	CHECK_EQ(regcomp(&re, "a*b\\{0,1\\}$", 0), 0, "compile a*b\\{0,1\\}$");
	CHECK_EQ(regexec(&re, longline, 1, m, 0), 0, "20000 a's match");
	CHECK(m[0].rm_so == 0 && m[0].rm_eo == 20000, "all 20000 a's");
	regfree(&re);
	CHECK_EQ(regcomp(&re, "^.*x", 0), 0, "compile ^.*x");
	CHECK_EQ(regexec(&re, longline, 0, NULL, 0), REG_NOMATCH,
	    "no x in 20000 a's");
	regfree(&re);
}

int main(void)
{
	regex_t re;
	char name[100];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		one_case(&cases[i]);
	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		snprintf(name, sizeof(name), "/%s/%s is error %d", errors[i].re,
		    errors[i].cflags & E ? "E" : "", errors[i].err);
		rc = regcomp(&re, errors[i].re, errors[i].cflags);
		tap_result(rc == errors[i].err, name, rc, errors[i].err);
		if (rc == 0)
			regfree(&re);
	}
	misc();
	return tap_done();
}
