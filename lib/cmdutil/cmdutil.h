/* cmdutil.h - small helpers shared by the commands (lib/cmdutil,
 * linked into every program of /bin as libcmdutil.a).
 */
#ifndef CMDUTIL_H
#define CMDUTIL_H

#include <stdio.h>

/* The decimal integer S (all of it; leading blanks and one sign
 * allowed), at least MIN; else "PROG: invalid number: S" on stderr and
 * exit status 1.
 */
long long cmd_number(const char *prog, const char *s, long long min);

/* The historical count option of head and tail, "-N" as the first
 * argument ("head -3"): rewritten in argv as "-nN" for getopt.
 */
void cmd_count_option(int argc, char **argv);

/* The escape at *PP, just after a backslash: \\ \a \b \f \n \r \t \v
 * or \N, \NN, \NNN in octal (the low 8 bits).  Its byte, with *PP moved
 * past it; -1, *PP untouched, if it is none of these.
 */
int cmd_escape(const char **pp);

/* The options of kill in ARGV: -s SIG, -SIG or -N (SIG: a name as TERM
 * or SIGTERM, or a number), then an optional "--".  The index of the
 * first operand, with *SIG the signal (SIGTERM if none is given); -1 if
 * the option *NAME (NULL if none) names no signal.  -l is the caller's.
 */
int cmd_kill_opts(int argc, char **argv, int *sig, const char **name);

/* The file operands NAMES[0..N) of PROG ("-": stdin; none: stdin), each
 * opened and given to FN (0, or -1 with errno on a read error), with
 * "==> name <==" headers (an empty line between) when there are several.
 * Errors are "PROG: name: why" on stderr.  The exit status: 0, or 1 if a
 * file failed or stdout could not be flushed.
 */
int cmd_files(const char *prog, char **names, int n, int (*fn)(FILE *f));

/* The id of user (GROUP 0) or group (GROUP 1) NAME: a number, or a name
 * of /etc/passwd or /etc/group; -1 if neither.
 */
long cmd_id_of(const char *name, int group);

/* The name of user or group ID into BUF (SIZE bytes): 0, or -1 if the
 * file has none.
 */
int cmd_name_of(long id, int group, char *buf, size_t size);

#endif /* CMDUTIL_H */
