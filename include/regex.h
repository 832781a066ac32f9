/* regex.h - POSIX regular expressions (lib/libc/regex.c).
 *
 * Basic REs by default, extended ones with REG_EXTENDED.  The constant
 * values are glibc's, so programs and tests written against Linux agree.
 * See lib/libc/regex.c for what is supported.
 */
#ifndef _REGEX_H
#define _REGEX_H

#include <stddef.h>	/* size_t */

/* Host builds of our programs and tests use this engine, not the host
 * C library's (nor the sanitizers' interceptors of it).
 */
#ifdef HOST_TEST
#define regcomp		mg_regcomp
#define regexec		mg_regexec
#define regerror	mg_regerror
#define regfree		mg_regfree
#endif

typedef int regoff_t;

typedef struct {
	size_t re_nsub;		/* number of \( \) groups */
	void *re_prog;		/* the compiled program (private) */
	int re_cflags;
} regex_t;

typedef struct {
	regoff_t rm_so;		/* start offset, -1 if unmatched */
	regoff_t rm_eo;		/* end offset (one past the last byte) */
} regmatch_t;

/* regcomp() flags */
#define REG_EXTENDED	1
#define REG_ICASE	2
#define REG_NEWLINE	4	/* . and [^ ] skip \n; ^ $ match at lines */
#define REG_NOSUB	8	/* regexec reports only match or no match */

/* regexec() flags */
#define REG_NOTBOL	1	/* the string does not start a line */
#define REG_NOTEOL	2	/* the string does not end a line */

/* Error codes */
#define REG_NOMATCH	1
#define REG_BADPAT	2
#define REG_ECOLLATE	3
#define REG_ECTYPE	4
#define REG_EESCAPE	5
#define REG_ESUBREG	6
#define REG_EBRACK	7
#define REG_EPAREN	8
#define REG_EBRACE	9
#define REG_BADBR	10
#define REG_ERANGE	11
#define REG_ESPACE	12
#define REG_BADRPT	13

#define RE_DUP_MAX	255	/* largest count in \{m,n\} */

int regcomp(regex_t *restrict re, const char *restrict pattern, int cflags);
int regexec(const regex_t *restrict re, const char *restrict s, size_t nmatch,
	regmatch_t pmatch[restrict], int eflags);
size_t regerror(int err, const regex_t *restrict re, char *restrict buf,
	size_t size);
void regfree(regex_t *re);

#endif /* _REGEX_H */
