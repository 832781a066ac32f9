/* signal.h - signal numbers (MINIX/NetBSD numbering), signal sets and
 * handlers.
 *
 * A sigset_t has bit (1 << signo) for each signal, as the kernel's pending
 * masks do; bit 0 is unused.  The set functions are in lib/libc/signal.c;
 * signal(), sigaction(), sigprocmask(), kill() and raise() are calls to PM
 * (stubs in lib/libposix).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stdint.h>
#include <sys/types.h>	/* pid_t */

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGILL   4
#define SIGTRAP  5
#define SIGABRT  6
#define SIGIOT   SIGABRT
#define SIGEMT   7
#define SIGFPE   8
#define SIGKILL  9
#define SIGBUS   10
#define SIGSEGV  11
#define SIGSYS   12
#define SIGPIPE  13
#define SIGALRM  14
#define SIGTERM  15
#define SIGURG   16
#define SIGSTOP  17
#define SIGTSTP  18
#define SIGCONT  19
#define SIGCHLD  20
#define SIGTTIN  21
#define SIGTTOU  22
#define SIGIO    23
#define SIGXCPU  24
#define SIGXFSZ  25
#define SIGVTALRM 26
#define SIGPROF  27
#define SIGWINCH 28
#define SIGINFO  29
#define SIGUSR1  30
#define SIGUSR2  31
#define _NSIG    32
#define NSIG     _NSIG	/* signals are 1 .. NSIG - 1 */

typedef int sig_atomic_t;
typedef uint32_t sigset_t;
typedef void (*sighandler_t)(int);

#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

struct sigaction {
	sighandler_t sa_handler;	/* SIG_DFL, SIG_IGN or a function */
	sigset_t sa_mask;		/* also blocked while it runs */
	int sa_flags;			/* SA_* */
};

/* sa_flags (NetBSD values). */
#define SA_ONSTACK	0x0001
#define SA_RESTART	0x0002	/* restart interrupted system calls */
#define SA_RESETHAND	0x0004	/* back to SIG_DFL when caught */
#define SA_NOCLDSTOP	0x0008	/* no SIGCHLD for stopped children */
#define SA_NODEFER	0x0010	/* do not block the signal in its handler */
#define SA_NOCLDWAIT	0x0020	/* children leave no zombies */

/* sigprocmask() how (NetBSD values). */
#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3

/* Signal sets (lib/libc/signal.c): 0 or -1 with EINVAL for a bad signo. */
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signo);
int sigdelset(sigset_t *set, int signo);
int sigismember(const sigset_t *set, int signo);

/* Signal names without "SIG" (lib/libc/sig2str.c): 0, or -1 for an
 * unknown signal.  str2sig() also takes a decimal number 0 .. NSIG - 1.
 */
#define SIG2STR_MAX	8	/* bytes of the longest name: "VTALRM" */
int sig2str(int signum, char *str);
int str2sig(const char *restrict str, int *restrict pnum);

/* Calls to PM (stubs in lib/libposix). */
sighandler_t signal(int signo, sighandler_t handler);
int sigaction(int signo, const struct sigaction *restrict act,
	struct sigaction *restrict oact);
int sigprocmask(int how, const sigset_t *restrict set,
	sigset_t *restrict oset);
int sigpending(sigset_t *set);
int kill(pid_t pid, int signo);
int raise(int signo);

#endif /* _SIGNAL_H */
