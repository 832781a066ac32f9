/* sys/wait.h - wait(), waitpid() and the status they return.
 *
 * The status word is encoded as on Linux (PM builds it, W_EXITCODE and
 * W_STOPCODE below):
 *
 *	exited		exit code << 8			low 7 bits 0
 *	killed		signal number, | 0x80 if core	low 7 bits 1..126
 *	stopped		signal number << 8 | 0x7f	low 8 bits 0x7f
 *	continued	0xffff
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>	/* pid_t */

#define WIFEXITED(s)	(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)	((s) & 0x7f)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WIFCONTINUED(s)	((s) == 0xffff)

/* Building a status (PM). */
#define W_EXITCODE(code, sig)	(((code) & 0xff) << 8 | ((sig) & 0x7f))
#define W_STOPCODE(sig)		(((sig) & 0xff) << 8 | 0x7f)

/* waitpid() options. */
#define WNOHANG		1	/* return 0 at once if no child is done */
#define WUNTRACED	2	/* also report stopped children */
#define WCONTINUED	8	/* also report continued children */

/* Calls to PM (stubs in lib/libposix). */
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

#endif /* _SYS_WAIT_H */
