/* proto.h - PM's globals and the functions its files share.
 *
 * A request handler gets the request message (which it may fill with reply
 * fields) and the caller's table entry (NULL when the caller is not a
 * process PM manages), and returns the reply's m_type, or EDONTREPLY when
 * the caller gets no reply now (exit, a successful exec, sigreturn, or a
 * call that waits).
 */
#ifndef PM_PROTO_H
#define PM_PROTO_H

#include <minix/syslib.h>
#include "mproc.h"

extern int hz; /* clock ticks per second */

/* main.c */
void reply(endpoint_t to, int result, message *m);
void reply_to(struct mproc *rmp, int result, message *m);
int vfs_tell(int type, endpoint_t who, endpoint_t who2, int fd);
int defer_signal(endpoint_t ep, int sig);

/* forkexit.c */
int do_fork(message *m, struct mproc *rmp);
int do_exec(message *m, struct mproc *rmp);
int do_exit(message *m, struct mproc *rmp);
int do_waitpid(message *m, struct mproc *rmp);
void exit_proc(struct mproc *rmp, int wstatus);
void fork_finish(endpoint_t child, int r);
void exec_finish(endpoint_t ep, int r);
void exit_finish(endpoint_t ep);
void wait_recheck(struct mproc *pp);

/* signal.c */
int do_kill(message *m, struct mproc *rmp);
int do_sigaction(message *m, struct mproc *rmp);
int do_sigprocmask(message *m, struct mproc *rmp);
int do_sigpending(message *m, struct mproc *rmp);
int do_sigreturn(message *m, struct mproc *rmp);
int do_tty_signal(message *m, struct mproc *rmp);
void do_ksig(void);
void sig_proc(struct mproc *rmp, int sig);
void check_pending(struct mproc *rmp);
void reset_signals_on_exec(struct mproc *rmp);

/* time.c */
int do_time(message *m, struct mproc *rmp);
int do_sleep(message *m, struct mproc *rmp);
void do_alarm(clock_t timestamp);
void sleep_interrupt(struct mproc *rmp);
void set_next_alarm(void);

/* misc.c */
int do_getpid(message *m, struct mproc *rmp);
int do_getpgrp(message *m, struct mproc *rmp);
int do_setpgid(message *m, struct mproc *rmp);
int do_setsid(message *m, struct mproc *rmp);
int do_getproctab(message *m, struct mproc *rmp);
int do_getsysinfo(message *m, struct mproc *rmp);
int do_reboot(message *m, struct mproc *rmp);
void reboot_finish(void);
int do_brk(message *m, struct mproc *rmp);

#endif
