/* cmdutil.h - small helpers shared by the commands (lib/cmdutil,
 * linked into every program of /bin as libcmdutil.a).
 */
#ifndef CMDUTIL_H
#define CMDUTIL_H

/* The decimal integer S (all of it; leading blanks and one sign
 * allowed), at least MIN; else "PROG: invalid number: S" on stderr and
 * exit status 1.
 */
long long cmd_number(const char *prog, const char *s, long long min);

/* The escape at *PP, just after a backslash: \\ \a \b \f \n \r \t \v
 * or \N, \NN, \NNN in octal (the low 8 bits).  Its byte, with *PP moved
 * past it; -1, *PP untouched, if it is none of these.
 */
int cmd_escape(const char **pp);

#endif /* CMDUTIL_H */
