/* select.c - select(): wait until descriptors are ready, or a time has
 * passed, without holding a worker.
 *
 * VFS_SELECT reads the caller's three sets, and looks at each descriptor
 * set in them: a pipe end is ready from the pipe's state (pipe.c:
 * pipe_select), a regular file, a directory or a block device always is,
 * a character device asks its driver (CDEV_SELECT, asynsend).  The call
 * is answered at once when something is ready or the timeout is zero;
 * else the caller is marked BLK_SELECT and answered when a pipe changes,
 * a driver says an operation became ready, the timeout passes, a signal
 * comes (EINTR) or a driver waited on dies (EIO, as MINIX's VFS).
 *
 * Drivers (MINIX's protocol): CDEV_SELECT carries the minor and the ops
 * (CDEV_OP_RD, _WR, _ERR), with CDEV_NOTIFY when the caller would wait;
 * the driver answers at once with CDEV_SEL1_REPLY (the ops ready now, or
 * an error) and, if it was asked to notify and nothing was ready, later
 * with CDEV_SEL2_REPLY (the ops that became ready; it then forgets the
 * request).  A CDEV_SEL1_REPLY names no request, so VFS has at most one
 * CDEV_SELECT in flight per driver (as MINIX's); the others wait their
 * turn (S_NEED).  A CDEV_SEL2_REPLY is for every select waiting on that
 * minor; one that wanted other ops asks again.  A select answers only
 * when all its CDEV_SEL1_REPLYs are in.
 *
 * Timeouts: each waiting select has a deadline in ticks; VFS keeps one
 * alarm (sys_setalarm) for the nearest, and its NOTIFY from CLOCK ends
 * the selects whose deadline has passed.  A timeout is rounded up to
 * whole ticks, plus one (the first tick may be about to come): a select
 * never returns early.
 */
#include <stdio.h>
#include <sys/select.h>
#include <minix/sysutil.h>
#include "vfs.h"

#define SEL_RD		CDEV_OP_RD	/* the ops, as the driver protocol has them */
#define SEL_WR		CDEV_OP_WR
#define SEL_ERR		CDEV_OP_ERR
#define SEL_WORDS	(FD_SETSIZE / __NFDBITS)

/* A device descriptor's state in its select. */
#define S_IDLE		0	/* not a device, or its answer is in */
#define S_NEED		1	/* a CDEV_SELECT to send (its driver is busy) */
#define S_SENT		2	/* CDEV_SELECT sent, CDEV_SEL1_REPLY not in */
#define S_NOTIFY	3	/* the driver will send CDEV_SEL2_REPLY */

struct selectentry {
	int nfds;
	vir_bytes addr[3];		/* the caller's sets (0: none) */
	uint32_t want[3][SEL_WORDS];	/* the sets as given */
	uint32_t ready[3][SEL_WORDS];	/* what will be written back */
	uint8_t st[VFS_OPEN_MAX];	/* S_* per descriptor */
	int block;			/* the timeout is not zero */
	int has_deadline;
	clock_t deadline;		/* in ticks */
	int expired;
	int error;			/* OK, or what the call ends with */
};

static struct selectentry sel[NR_PROCS];	/* by fproc_tab index */
static int nr_waiting;		/* processes in BLK_SELECT: 0 costs a pipe nothing */

/* The CDEV_SELECTs in flight: one per driver at most. */
#define NR_BUSY		16
static struct busy {
	endpoint_t b_driver;		/* NONE: a free slot */
	int b_proc;			/* the fproc_tab index, -1: forgotten */
	int b_fd;
} busy[NR_BUSY];

static int busy_init;

static int proc_index(const struct fproc *fp)
{
	return (int)(fp - fproc_tab);
}

static struct selectentry *entry_of(const struct fproc *fp)
{
	return &sel[proc_index(fp)];
}

static void busy_setup(void)
{
	int i;

	if (busy_init)
		return;
	for (i = 0; i < NR_BUSY; i++)
		busy[i].b_driver = NONE;
	busy_init = 1;
}

/* The slot of driver's CDEV_SELECT in flight (NONE: a free slot), or
 * NULL. */
static struct busy *busy_of(endpoint_t driver)
{
	int i;

	for (i = 0; i < NR_BUSY; i++)
		if (busy[i].b_driver == driver)
			return &busy[i];
	return NULL;
}

/* Forget proc's requests in flight: their answers will be dropped. */
static void busy_forget(int proc)
{
	int i;

	for (i = 0; i < NR_BUSY; i++)
		if (busy[i].b_driver != NONE && busy[i].b_proc == proc)
			busy[i].b_proc = -1;
}

/* The ops (SEL_*) wanted for fd in e. */
static int wanted(const struct selectentry *e, int fd)
{
	int ops = 0, k;
	static const int op[3] = { SEL_RD, SEL_WR, SEL_ERR };

	for (k = 0; k < 3; k++)
		if (e->want[k][fd / __NFDBITS] & (1u << (fd % __NFDBITS)))
			ops |= op[k];
	return ops;
}

static void mark_ready(struct selectentry *e, int fd, int ops)
{
	uint32_t bit = 1u << (fd % __NFDBITS);

	if (ops & SEL_RD)
		e->ready[0][fd / __NFDBITS] |= bit;
	if (ops & SEL_WR)
		e->ready[1][fd / __NFDBITS] |= bit;
	if (ops & SEL_ERR)
		e->ready[2][fd / __NFDBITS] |= bit;
}

static int count_ready(const struct selectentry *e)
{
	int k, w, n = 0;
	uint32_t x;

	for (k = 0; k < 3; k++)
		for (w = 0; w < SEL_WORDS; w++)
			for (x = e->ready[k][w]; x != 0; x &= x - 1)
				n++;
	return n;
}

static int is_cdev(const struct filp *f)
{
	return FILP_IS_DEV(f) && S_ISCHR(f->f_vn.v_mode);
}

/* The ops of a descriptor VFS answers for itself (not a character
 * device): a pipe end by its pipe, anything else is always ready to read
 * and write and never has an exceptional condition. */
static int local_ready(const struct filp *f, int ops)
{
	if (f->f_vn.v_kind == VN_PIPE)
		return pipe_select(f, ops);
	return ops & (SEL_RD | SEL_WR);
}

/* Look at the descriptors VFS answers for itself. */
static void scan_local(struct fproc *fp, struct selectentry *e)
{
	int fd, ops;

	for (fd = 0; fd < e->nfds && fd < VFS_OPEN_MAX; fd++) {
		struct filp *f = fp->fp_filp[fd];
		if (f == NULL || is_cdev(f) || (ops = wanted(e, fd)) == 0)
			continue;
		mark_ready(e, fd, local_ready(f, ops));
	}
}

/* The deadline of the nearest timeout (a select's, or a block request's:
 * worker.c), for the alarm. */
void vfs_alarm_update(void)
{
	clock_t now = getticks(), first = 0;
	int i, any = 0;

	for (i = 0; i < NR_PROCS; i++) {
		struct selectentry *e = &sel[i];
		if (fproc_tab[i].fp_endpoint == NONE ||
		    fproc_tab[i].fp_blocked != BLK_SELECT || !e->has_deadline ||
		    e->expired)
			continue;
		if (!any || e->deadline - first < 0)
			first = e->deadline;
		any = 1;
	}
	{
		clock_t b = first;
		if (worker_bdev_deadline(&b) && (!any || b - first < 0))
			first = b, any = 1;
	}
	if (any)
		sys_setalarm(first - now > 0 ? first - now : 1, 0);
}

/* Write the ready sets back to the caller: OK or EFAULT. */
static int copy_out(const struct fproc *fp, const struct selectentry *e)
{
	size_t len = (size_t)(e->nfds + __NFDBITS - 1) / __NFDBITS * 4;
	int k;

	for (k = 0; k < 3; k++)
		if (e->addr[k] != 0 && len > 0 &&
		    sys_vircopy(SELF, (vir_bytes)e->ready[k], fp->fp_endpoint,
		    e->addr[k], len, 0) != OK)
			return EFAULT;
	return OK;
}

/* The result of e: the count (the sets written back) or its error. */
static int result(const struct fproc *fp, const struct selectentry *e)
{
	int r;

	if (e->error != OK)
		return e->error;
	if ((r = copy_out(fp, e)) != OK)
		return r;
	return count_ready(e);
}

/* Is e's answer due (all driver answers in, and something to say)? */
static int done(const struct selectentry *e)
{
	int fd;

	for (fd = 0; fd < e->nfds && fd < VFS_OPEN_MAX; fd++)
		if (e->st[fd] == S_NEED || e->st[fd] == S_SENT)
			return 0;
	return e->error != OK || !e->block || e->expired || count_ready(e) > 0;
}

/* Answer fp's waiting select. */
static void finish(struct fproc *fp)
{
	struct selectentry *e = entry_of(fp);

	busy_forget(proc_index(fp));
	fp->fp_blocked = BLK_NONE;
	nr_waiting--;
	reply(fp->fp_endpoint, result(fp, e));
}

/* Send the CDEV_SELECTs whose drivers are free. */
static void pump(void)
{
	int i, fd;
	message m;

	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		struct selectentry *e = &sel[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_SELECT)
			continue;
		for (fd = 0; fd < e->nfds && fd < VFS_OPEN_MAX; fd++) {
			struct filp *f = fp->fp_filp[fd];
			struct busy *b;
			if (e->st[fd] != S_NEED)
				continue;
			if (f == NULL || f->f_driver == NONE) {
				e->st[fd] = S_IDLE;
				e->error = EIO;		/* its driver died */
				continue;
			}
			if (busy_of(f->f_driver) != NULL || (b = busy_of(NONE)) == NULL)
				continue;	/* its turn comes */
			memset(&m, 0, sizeof(m));
			m.m_type = CDEV_SELECT;
			m.m_vfs_lchardriver_select.minor = f->f_minor;
			m.m_vfs_lchardriver_select.ops = wanted(e, fd) |
			    (e->block ? CDEV_NOTIFY : 0);
			if (asynsend(f->f_driver, &m) != OK) {
				e->st[fd] = S_IDLE;
				e->error = EIO;
				continue;
			}
			e->st[fd] = S_SENT;
			b->b_driver = f->f_driver;
			b->b_proc = i;
			b->b_fd = fd;
		}
		if (done(e))
			finish(fp);
	}
}

/* Re-check everything: answer the selects that are due, send what can be
 * sent, set the alarm. */
static void settle(void)
{
	pump();
	vfs_alarm_update();
}

/* Read the caller's set k (addr, nfds bits) into e: OK or EFAULT. */
static int copy_in(const struct fproc *fp, struct selectentry *e, int k)
{
	size_t len = (size_t)(e->nfds + __NFDBITS - 1) / __NFDBITS * 4;
	int fd;

	if (e->addr[k] == 0 || len == 0)
		return OK;
	if (sys_vircopy(fp->fp_endpoint, e->addr[k], SELF,
	    (vir_bytes)e->want[k], len, 0) != OK)
		return EFAULT;
	for (fd = e->nfds; fd < (int)len * 8; fd++)	/* bits past nfds */
		e->want[k][fd / __NFDBITS] &= ~(1u << (fd % __NFDBITS));
	return OK;
}

/* The timeout in ticks: rounded up, plus one. */
static clock_t timeout_ticks(uint32_t s, uint32_t us)
{
	uint32_t hz = (uint32_t)sys_hz();

	if (s > 10000000)
		s = 10000000;		/* about four months: forever enough */
	return (clock_t)(s * hz + (us * hz + 999999) / 1000000 + 1);
}

/* VFS_SELECT: fd nfds, buf/len/path2 the sets, mode 1: a timeout of
 * off_lo seconds and off_hi microseconds. */
int do_select(struct fproc *fp, message *m)
{
	struct selectentry *e = entry_of(fp);
	int fd, k, r, ops;

	busy_setup();
	if (m->m_vfs.fd < 0 || m->m_vfs.fd > FD_SETSIZE)
		return EINVAL;
	if (m->m_vfs.mode && (m->m_vfs.off_lo > 0x7fffffff || m->m_vfs.off_hi >= 1000000))
		return EINVAL;
	memset(e, 0, sizeof(*e));
	e->nfds = m->m_vfs.fd;
	e->addr[0] = m->m_vfs.buf;
	e->addr[1] = m->m_vfs.len;
	e->addr[2] = m->m_vfs.path2;
	for (k = 0; k < 3; k++)
		if ((r = copy_in(fp, e, k)) != OK)
			return r;
	for (fd = 0; fd < e->nfds; fd++) {
		if ((ops = wanted(e, fd)) == 0)
			continue;
		if (fd >= VFS_OPEN_MAX || fp->fp_filp[fd] == NULL)
			return EBADF;
		if (is_cdev(fp->fp_filp[fd])) {
			if (fp->fp_filp[fd]->f_driver == NONE)
				return EIO;	/* its driver died: open it again */
			e->st[fd] = S_NEED;
		}
	}
	e->block = !m->m_vfs.mode || m->m_vfs.off_lo != 0 || m->m_vfs.off_hi != 0;
	if (m->m_vfs.mode && e->block) {
		e->has_deadline = 1;
		e->deadline = getticks() + timeout_ticks(m->m_vfs.off_lo, m->m_vfs.off_hi);
	}
	scan_local(fp, e);
	if (done(e))
		return result(fp, e);
	fp->fp_blocked = BLK_SELECT;
	nr_waiting++;
	settle();
	return SUSPEND;
}

/* A pipe changed: look again at the waiting selects' pipes. */
void select_pipe_event(void)
{
	int i, any = 0;

	if (nr_waiting == 0)
		return;
	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_SELECT)
			continue;
		scan_local(fp, &sel[i]);
		any = 1;
	}
	if (any)
		settle();
}

/* CDEV_SEL1_REPLY: the answer to the driver's one CDEV_SELECT in flight. */
void select_reply1(const message *m)
{
	struct busy *b;
	struct selectentry *e;
	int status = m->m_lchardriver_vfs_sel1.status, proc, fd;

	busy_setup();
	if (m->m_source == NONE || (b = busy_of(m->m_source)) == NULL)
		return;			/* a stray answer */
	proc = b->b_proc, fd = b->b_fd;
	b->b_driver = NONE;
	if (proc >= 0 && fproc_tab[proc].fp_blocked == BLK_SELECT &&
	    (e = &sel[proc])->st[fd] == S_SENT) {
		if (status < 0) {
			e->error = status;
			e->st[fd] = S_IDLE;
		} else {
			status &= wanted(e, fd);
			mark_ready(e, fd, status);
			e->st[fd] = status == 0 && e->block ? S_NOTIFY : S_IDLE;
		}
	}
	settle();
}

/* CDEV_SEL2_REPLY: ops of a minor became ready, for every select waiting
 * on it; one that wanted other ops asks again. */
void select_reply2(const message *m)
{
	int status = m->m_lchardriver_vfs_sel2.status, i, fd, ops;

	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		struct selectentry *e = &sel[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_SELECT)
			continue;
		for (fd = 0; fd < e->nfds && fd < VFS_OPEN_MAX; fd++) {
			struct filp *f = fp->fp_filp[fd];
			if (e->st[fd] != S_NOTIFY || f == NULL ||
			    f->f_driver != m->m_source ||
			    f->f_minor != m->m_lchardriver_vfs_sel2.minor)
				continue;
			ops = status < 0 ? 0 : status & wanted(e, fd);
			mark_ready(e, fd, ops);
			e->st[fd] = ops ? S_IDLE : S_NEED;
		}
	}
	settle();
}

/* The alarm rang: end the selects whose time is up. */
void select_timeout(void)
{
	clock_t now = getticks();
	int i;

	for (i = 0; i < NR_PROCS; i++) {
		struct selectentry *e = &sel[i];
		if (fproc_tab[i].fp_endpoint != NONE &&
		    fproc_tab[i].fp_blocked == BLK_SELECT && e->has_deadline &&
		    e->deadline - now <= 0)
			e->expired = 1;
	}
	settle();
}

/* Driver ep died: the selects waiting on one of its devices fail with
 * EIO (once their other drivers' answers are in). */
void select_driver_dead(endpoint_t ep)
{
	struct busy *b;
	int i, fd;

	busy_setup();
	if (ep != NONE && (b = busy_of(ep)) != NULL)
		b->b_driver = NONE;	/* its answer will not come */
	for (i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &fproc_tab[i];
		struct selectentry *e = &sel[i];
		if (fp->fp_endpoint == NONE || fp->fp_blocked != BLK_SELECT)
			continue;
		for (fd = 0; fd < e->nfds && fd < VFS_OPEN_MAX; fd++) {
			struct filp *f = fp->fp_filp[fd];
			if (e->st[fd] == S_IDLE || f == NULL || f->f_driver != ep)
				continue;
			e->st[fd] = S_IDLE;
			e->error = EIO;
		}
	}
	settle();
}

/* End fp's waiting select: EINTR for a signal, nothing for an exit. */
void select_unblock(struct fproc *fp, int exiting)
{
	if (fp->fp_blocked != BLK_SELECT)
		return;
	busy_forget(proc_index(fp));
	fp->fp_blocked = BLK_NONE;
	nr_waiting--;
	if (!exiting)
		reply(fp->fp_endpoint, EINTR);
}
