/* pipe.c - pipes: a 4096-byte ring in VFS memory per pipe, and the
 * readers and writers that wait on it.
 *
 * This is the one place where VFS copies data itself: bytes move between
 * the ring and the caller's buffer with sys_vircopy (there is no other
 * process to grant the buffer to).  A reader with nothing to read waits
 * while a writer exists, and reads 0 once none is left.  A writer puts in
 * what fits and waits for room for the rest (POSIX's atomic writes of up
 * to PIPE_BUF are not kept); with no reader it gets EPIPE and SIGPIPE (PM
 * is asked, see main.c).  A waiting call is kept in its fproc
 * (BLK_PIPE_READ, BLK_PIPE_WRITE), on its pipe's list of waiters in
 * arrival order, and answered by pipe_wake() whenever the pipe changes:
 * data in or out, an end closed.  O_NONBLOCK gives EAGAIN instead of
 * waiting.
 */
#include "vfs.h"

struct pipe {
	int p_used;
	char *p_buf;			/* PIPE_SIZE bytes, malloc'd */
	size_t p_start, p_len;		/* the bytes in the ring */
	struct filp *p_rd, *p_wr;	/* the ends; NULL once closed */
	struct fproc *p_waiters;	/* waiting calls, through fp_pnext */
};

static struct pipe pipes[NR_PIPES];

int do_pipe(struct fproc *fp, message *m)
{
	struct filp *rf, *wf;
	struct pipe *p;
	int i, rfd, wfd;

	for (i = 0; i < NR_PIPES && pipes[i].p_used; i++)
		;
	if (i == NR_PIPES)
		return ENFILE;
	p = &pipes[i];
	if ((rfd = fd_free(fp, 0)) < 0 || (wfd = fd_free(fp, rfd + 1)) < 0)
		return EMFILE;
	if ((rf = filp_alloc()) == NULL)
		return ENFILE;
	if ((wf = filp_alloc()) == NULL) {
		rf->f_count = 0;
		return ENFILE;
	}
	if ((p->p_buf = malloc(PIPE_SIZE)) == NULL) {
		rf->f_count = wf->f_count = 0;
		return ENOMEM;
	}
	p->p_used = 1;
	p->p_start = p->p_len = 0;
	p->p_rd = rf;
	p->p_wr = wf;
	rf->f_vn.v_kind = wf->f_vn.v_kind = VN_PIPE;
	rf->f_vn.v_ino = wf->f_vn.v_ino = (uint32_t)i;
	rf->f_vn.v_mode = wf->f_vn.v_mode = S_IFIFO | 0600;
	rf->f_vn.v_nlink = wf->f_vn.v_nlink = 1;
	rf->f_pipe = wf->f_pipe = p;
	rf->f_flags = O_RDONLY;
	wf->f_flags = O_WRONLY;
	fd_install(fp, rfd, rf, 0);
	fd_install(fp, wfd, wf, 0);
	m->m_vfs.fd = rfd;
	m->m_vfs.fd2 = wfd;
	return OK;
}

size_t pipe_bytes(const struct filp *f)
{
	return f->f_pipe ? f->f_pipe->p_len : 0;
}

/* Ring -> who's buf: up to len bytes; how many, or EFAULT. */
static int copy_out(struct pipe *p, endpoint_t who, vir_bytes buf, size_t len)
{
	size_t n = len < p->p_len ? len : p->p_len;
	size_t first = n < PIPE_SIZE - p->p_start ? n : PIPE_SIZE - p->p_start;
	size_t done;

	if (sys_vircopy(SELF, (vir_bytes)(p->p_buf + p->p_start), who, buf, first, 0) != OK)
		return EFAULT;
	done = first;
	if (n > first && sys_vircopy(SELF, (vir_bytes)p->p_buf, who, buf + first,
	    n - first, 0) == OK)
		done = n;
	p->p_start = (p->p_start + done) % PIPE_SIZE;
	if ((p->p_len -= done) == 0)
		p->p_start = 0;
	return (int)done;
}

/* who's buf -> ring: what fits of len bytes; how many (0 if full), or
 * EFAULT. */
static int copy_in(struct pipe *p, endpoint_t who, vir_bytes buf, size_t len)
{
	size_t room = PIPE_SIZE - p->p_len, n = len < room ? len : room;
	size_t end = (p->p_start + p->p_len) % PIPE_SIZE;
	size_t first = n < PIPE_SIZE - end ? n : PIPE_SIZE - end;
	size_t done;

	if (n == 0)
		return 0;
	if (sys_vircopy(who, buf, SELF, (vir_bytes)(p->p_buf + end), first, 0) != OK)
		return EFAULT;
	done = first;
	if (n > first && sys_vircopy(who, buf + first, SELF, (vir_bytes)p->p_buf,
	    n - first, 0) == OK)
		done = n;
	p->p_len += done;
	return (int)done;
}

/* fp waits on p from now on: last on its list. */
static void wait_add(struct pipe *p, struct fproc *fp)
{
	struct fproc **q;

	for (q = &p->p_waiters; *q; q = &(*q)->fp_pnext)
		;
	fp->fp_pnext = NULL;
	fp->fp_bpipe = p;
	*q = fp;
}

/* fp waits no more: off its pipe's list. */
static void wait_del(struct fproc *fp)
{
	struct fproc **q;

	if (fp->fp_bpipe == NULL)
		return;
	for (q = &fp->fp_bpipe->p_waiters; *q; q = &(*q)->fp_pnext)
		if (*q == fp) {
			*q = fp->fp_pnext;
			break;
		}
	fp->fp_bpipe = NULL;
	fp->fp_pnext = NULL;
}

static void finish(struct fproc *fp, int result)
{
	fp->fp_blocked = BLK_NONE;
	reply(fp->fp_endpoint, result);
}

/* Move what can be moved for fp's waiting call.  0: nothing happened;
 * 1: bytes moved, still waiting; 2: the call ended (answered). */
static int serve(struct fproc *fp)
{
	struct pipe *p = fp->fp_bfilp->f_pipe;
	int r;

	if (fp->fp_blocked == BLK_PIPE_READ) {
		if (p->p_len > 0)
			r = copy_out(p, fp->fp_endpoint, fp->fp_bbuf, fp->fp_blen);
		else if (p->p_wr == NULL)
			r = 0;		/* end of file */
		else
			return 0;
		finish(fp, r);
		return 2;
	}
	if (p->p_rd == NULL) {
		if (fp->fp_bdone > 0) {
			finish(fp, (int)fp->fp_bdone);
		} else {
			queue_sigpipe(fp->fp_endpoint);
			finish(fp, EPIPE);
		}
		return 2;
	}
	r = copy_in(p, fp->fp_endpoint, fp->fp_bbuf + fp->fp_bdone,
	    fp->fp_blen - fp->fp_bdone);
	if (r < 0) {
		finish(fp, fp->fp_bdone > 0 ? (int)fp->fp_bdone : r);
		return 2;
	}
	fp->fp_bdone += (size_t)r;
	if (fp->fp_bdone == fp->fp_blen) {
		finish(fp, (int)fp->fp_bdone);
		return 2;
	}
	return r > 0;
}

/* Serve everyone waiting on p, in arrival order, until nothing more can
 * happen; an answered call leaves the list. */
static void pipe_wake(struct pipe *p)
{
	struct fproc **q, *fp;
	int progress, r;

	do {
		progress = 0;
		for (q = &p->p_waiters; (fp = *q) != NULL; ) {
			if ((r = serve(fp)) == 2) {
				*q = fp->fp_pnext;
				fp->fp_bpipe = NULL;
				fp->fp_pnext = NULL;
			} else {
				q = &fp->fp_pnext;
			}
			if (r)
				progress = 1;
		}
	} while (progress);
	select_pipe_event();	/* select.c: a waiting select may be due */
}

/* Start fp's call as a waiting one, let the pipe serve it, and see. */
static int start(struct fproc *fp, struct filp *f, int what, vir_bytes buf,
	size_t len)
{
	int r;

	fp->fp_blocked = what;
	fp->fp_bfilp = f;
	fp->fp_bbuf = buf;
	fp->fp_blen = len;
	fp->fp_bdone = 0;
	wait_add(f->f_pipe, fp);
	pipe_wake(f->f_pipe);
	if (fp->fp_blocked == BLK_NONE)
		return SUSPEND;		/* answered already */
	if (!(f->f_flags & O_NONBLOCK))
		return SUSPEND;		/* waits */
	r = what == BLK_PIPE_WRITE && fp->fp_bdone > 0 ? (int)fp->fp_bdone : EAGAIN;
	wait_del(fp);
	fp->fp_blocked = BLK_NONE;
	return r;
}

int pipe_read(struct fproc *fp, struct filp *f, vir_bytes buf, size_t len)
{
	if (len == 0)
		return 0;
	return start(fp, f, BLK_PIPE_READ, buf, len);
}

int pipe_write(struct fproc *fp, struct filp *f, vir_bytes buf, size_t len)
{
	if (f->f_pipe->p_rd == NULL) {
		queue_sigpipe(fp->fp_endpoint);
		return EPIPE;
	}
	if (len == 0)
		return 0;
	return start(fp, f, BLK_PIPE_WRITE, buf, len);
}

/* select(): which of ops (CDEV_OP_RD, CDEV_OP_WR) end f could do now
 * without waiting: read with bytes in or no writer left (end of file),
 * write with room or no reader left (EPIPE).  A pipe has no exceptional
 * condition. */
int pipe_select(const struct filp *f, int ops)
{
	const struct pipe *p = f->f_pipe;
	int r = 0;

	if (p == NULL)
		return 0;
	if ((ops & CDEV_OP_RD) && p->p_rd == f && (p->p_len > 0 || p->p_wr == NULL))
		r |= CDEV_OP_RD;
	if ((ops & CDEV_OP_WR) && p->p_wr == f && (p->p_len < PIPE_SIZE || p->p_rd == NULL))
		r |= CDEV_OP_WR;
	return r;
}

/* The last reference to an end is gone. */
void pipe_close_end(struct filp *f)
{
	struct pipe *p = f->f_pipe;

	if (p == NULL)
		return;
	if (p->p_rd == f)
		p->p_rd = NULL;
	if (p->p_wr == f)
		p->p_wr = NULL;
	f->f_pipe = NULL;
	if (p->p_rd == NULL && p->p_wr == NULL) {
		free(p->p_buf);
		memset(p, 0, sizeof(*p));
		return;
	}
	pipe_wake(p);
}

/* End fp's waiting pipe call: EINTR for a signal (a writer that wrote
 * some bytes gets their count, as POSIX has it), nothing for an exit. */
void pipe_unblock(struct fproc *fp, int exiting)
{
	int r = fp->fp_blocked == BLK_PIPE_WRITE && fp->fp_bdone > 0 ?
	    (int)fp->fp_bdone : EINTR;

	if (fp->fp_blocked != BLK_PIPE_READ && fp->fp_blocked != BLK_PIPE_WRITE)
		return;
	wait_del(fp);
	fp->fp_blocked = BLK_NONE;
	if (!exiting)
		reply(fp->fp_endpoint, r);
}
