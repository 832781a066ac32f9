/* string2.c - the <string.h> functions beyond the core of string.c:
 * copies on the heap (strdup, strndup), case-blind comparison
 * (strcasecmp, strncasecmp), tokenizing (strsep, strtok, strpbrk),
 * bounded copies (stpcpy, strlcpy, strlcat) and signal names (strsignal).
 */

#include <stddef.h>
#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

char *strndup(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	char *p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

/* Compare as if both strings were lower case (C locale). */
int strncasecmp(const char *a, const char *b, size_t n)
{
	int ca, cb;

	for (; n > 0; n--, a++, b++) {
		ca = tolower((unsigned char)*a);
		cb = tolower((unsigned char)*b);
		if (ca != cb)
			return ca - cb;
		if (ca == '\0')
			break;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

/* The token at *sp up to the first delimiter, which becomes a NUL; *sp
 * moves past it (NULL after the last token).  Empty tokens are returned.
 */
char *strsep(char **sp, const char *delim)
{
	char *tok = *sp, *end;

	if (tok == NULL)
		return NULL;
	end = tok + strcspn(tok, delim);
	if (*end == '\0') {
		*sp = NULL;
	} else {
		*end = '\0';
		*sp = end + 1;
	}
	return tok;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *)s : NULL;
}

/* Copy src with its NUL; return the address of the NUL in dst. */
char *stpcpy(char *restrict dst, const char *restrict src)
{
	while ((*dst = *src++) != '\0')
		dst++;
	return dst;
}

/* Copy at most size - 1 bytes and always terminate (if size > 0); return
 * strlen(src), so a result >= size means the copy was cut short.
 */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t n = strlen(src), k;

	if (size > 0) {
		k = n < size - 1 ? n : size - 1;
		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

/* Append src to the string in dst, a buffer of size bytes; return the
 * length the whole string would have.
 */
size_t strlcat(char *restrict dst, const char *restrict src, size_t size)
{
	size_t d = strnlen(dst, size);

	if (d == size)		/* no NUL in dst: nothing appended */
		return size + strlen(src);
	return d + strlcpy(dst + d, src, size - d);
}

static const char *const sig_names[_NSIG] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/BPT trap",
	[SIGABRT] = "Abort trap",
	[SIGEMT] = "EMT trap",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGBUS] = "Bus error",
	[SIGSEGV] = "Segmentation fault",
	[SIGSYS] = "Bad system call",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGURG] = "Urgent I/O condition",
	[SIGSTOP] = "Suspended (signal)",
	[SIGTSTP] = "Suspended",
	[SIGCONT] = "Continued",
	[SIGCHLD] = "Child exited",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGIO] = "I/O possible",
	[SIGXCPU] = "Cputime limit exceeded",
	[SIGXFSZ] = "Filesize limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window size changes",
	[SIGINFO] = "Information request",
	[SIGUSR1] = "User defined signal 1",
	[SIGUSR2] = "User defined signal 2",
};

/* The description of a signal; "Unknown signal N" (in a static buffer,
 * overwritten by the next such call) for numbers without one.
 */
char *strsignal(int signo)
{
	static char unknown[32];
	char digits[12], *d = digits + sizeof(digits);
	unsigned int v;
	size_t k;

	if (signo > 0 && signo < _NSIG && sig_names[signo] != NULL)
		return (char *)sig_names[signo];

	v = signo < 0 ? 0u - (unsigned int)signo : (unsigned int)signo;
	do {
		*--d = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	if (signo < 0)
		*--d = '-';
	k = strlen("Unknown signal ");
	memcpy(unknown, "Unknown signal ", k);
	memcpy(unknown + k, d, (size_t)(digits + sizeof(digits) - d));
	unknown[k + (size_t)(digits + sizeof(digits) - d)] = '\0';
	return unknown;
}
