/* worker.c - VFS's workers: every call runs on a worker of its own, a
 * small user-level thread with its own stack, so that VFS serves other
 * processes while one call waits for the file system server or for a
 * driver's answer to an open (MINIX's VFS design; docs/vfs.md).
 *
 * The main loop receives a message and either hands it to the worker that
 * waits for it (a file system's FS_REPLY, a driver's CDEV_REPLY to an
 * open, a BDEV_REPLY to a block device file's request) or makes it a job:
 * a user's call or one of PM's notices.  Jobs
 * start, in arrival order, on a free worker; a process has at most one job
 * running (its next one, PM's VFS_PM_EXIT for instance, waits for it).  A
 * worker runs until it waits (worker_wait) or ends; only the main loop
 * switches between workers, so VFS's tables change only between waits.
 *
 * Requests to a file system server go one at a time (the server serves
 * them one at a time anyway): a worker that finds the server busy queues
 * for it.  Each mount (mount.c) has its server, its owner and its queue.
 * A hung server stalls the workers that need it and no other.
 */
#include <stdio.h>
#include "vfs.h"

#define NR_WORKERS	16
#define WORKER_STACK	(24 * 1024)
#define NR_JOBS		(NR_PROCS + 16)

/* w_state */
#define W_FREE		0
#define W_RUNNING	1	/* on the CPU (the one `self`) */
#define W_WAITING	2	/* parked in worker_wait */
#define W_READY		3	/* woken, to be resumed by the main loop */
#define W_DONE		4	/* its job ended */

struct worker {
	int w_state;
	int w_wait;			/* WAIT_* while W_WAITING */
	uint32_t w_esp;			/* saved stack pointer */
	struct fproc *w_fp;		/* whose job, or NULL (PM's notices) */
	endpoint_t w_who;		/* the job's sender */
	message w_msg;			/* the job's message */
	message *w_reply;		/* where the awaited answer goes */
	endpoint_t w_dst;		/* whose answer it waits for */
	uint32_t w_id;			/* WAIT_DEV: the request id */
	clock_t w_deadline;		/* WAIT_BDEV, WAIT_DEV: the driver's time is up */
	const char *w_label;		/* the label it waits on (ps) */
	int w_result;			/* OK, or why the wait ended early */
	struct worker *w_next;		/* WAIT_FSQ: the file system's queue */
	struct worker_bufs w_bufs;
	uint8_t w_stack[WORKER_STACK] __attribute__((aligned(16)));
};

static struct worker workers[NR_WORKERS];
static struct worker *self;		/* the running worker, NULL: main */
static uint32_t main_esp;
static struct worker *fs_owner[NR_MNTS];	/* has a request at mount i's server */
static struct worker *fs_queue[NR_MNTS];	/* waits for mount i's server */

/* A file's read or write sent by the main loop itself (fs_loop_send):
 * the mount's server is its until the FS_REPLY, as a worker's. */
static struct fs_loop {
	int l_busy;
	endpoint_t l_fs_e;		/* the server asked */
	struct fproc *l_fp;		/* the caller; NULL once it exited */
	struct filp *l_filp;		/* its filp; NULL once it exited */
	int l_write;
	cp_grant_id_t l_grant;		/* the magic grant to its buffer */
} fs_loop[NR_MNTS];

static struct job {
	struct fproc *j_fp;
	message j_msg;
} jobs[NR_JOBS];
static int njobs;
static int nready;			/* workers in W_READY */

/* Save the callee-saved registers on this stack, store the stack pointer
 * in *save, load `to` and return on that stack. */
void vfs_ctx_switch(uint32_t *save, uint32_t to);
__asm__(
	".text\n"
	".globl vfs_ctx_switch\n"
	"vfs_ctx_switch:\n"
	"	movl 4(%esp), %eax\n"
	"	movl 8(%esp), %edx\n"
	"	pushl %ebp\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl %esp, (%eax)\n"
	"	movl %edx, %esp\n"
	"	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	popl %ebp\n"
	"	ret\n");

struct worker_bufs *worker_bufs(void)
{
	static struct worker_bufs main_bufs;

	return self ? &self->w_bufs : &main_bufs;
}

int in_worker(void)
{
	return self != NULL;
}

/* The job: a user's call (answered here unless it waits), or a notice of
 * PM (answered by do_pm_notice). */
static void run_job(struct worker *w)
{
	message *m = &w->w_msg;

	if (is_pm_notice(m))
		do_pm_notice(m);
	else
		do_call(w->w_fp, m);
}

static void worker_main(void)
{
	struct worker *w = self;

	run_job(w);
	w = self;
	w->w_state = W_DONE;
	vfs_ctx_switch(&w->w_esp, main_esp);
	for (;;)
		;		/* never resumed */
}

/* Back to the main loop until woken; OK, or why the wait was cut short. */
static int worker_wait(int why)
{
	struct worker *w = self;

	w->w_state = W_WAITING;
	w->w_wait = why;
	w->w_result = OK;
	if (why == WAIT_BDEV || why == WAIT_DEV)
		vfs_alarm_update();	/* its deadline (dev_sendrec_worker) */
	vfs_ctx_switch(&w->w_esp, main_esp);
	w->w_wait = WAIT_NONE;
	return w->w_result;
}

/* Run w (from the main loop) until it waits or ends. */
static void worker_resume(struct worker *w)
{
	if (w->w_state == W_READY)
		nready--;
	w->w_state = W_RUNNING;
	self = w;
	cur_fp = w->w_fp;
	vfs_ctx_switch(&main_esp, w->w_esp);
	self = NULL;
	cur_fp = NULL;
	if (w->w_state == W_DONE) {
		if (w->w_fp && w->w_fp->fp_worker == w)
			w->w_fp->fp_worker = NULL;
		w->w_state = W_FREE;
	}
}

static void worker_start(struct worker *w, struct job *j)
{
	uint32_t *sp = (uint32_t *)(w->w_stack + WORKER_STACK);

	*--sp = 0;			/* worker_main's return address */
	*--sp = (uint32_t)worker_main;	/* where vfs_ctx_switch returns */
	*--sp = 0;			/* ebp */
	*--sp = 0;			/* ebx */
	*--sp = 0;			/* esi */
	*--sp = 0;			/* edi */
	w->w_esp = (uint32_t)sp;
	w->w_fp = j->j_fp;
	w->w_who = j->j_msg.m_source;
	w->w_msg = j->j_msg;
	w->w_wait = WAIT_NONE;
	w->w_label = NULL;
	if (w->w_fp)
		w->w_fp->fp_worker = w;
	worker_resume(w);
}

/* Wake w now with result r (the main loop resumes it). */
static void worker_wake(struct worker *w, int r)
{
	w->w_result = r;
	if (w->w_state != W_READY)
		nready++;
	w->w_state = W_READY;
}

/* Queue a job: fp's call in m, or one of PM's notices (fp: the process
 * it is about, or NULL).  Fails (ENOSPC) only if the queue is full. */
int job_add(struct fproc *fp, const message *m)
{
	if (njobs == NR_JOBS)
		return ENOSPC;
	jobs[njobs].j_fp = fp;
	jobs[njobs].j_msg = *m;
	njobs++;
	if (fp)
		fp->fp_queued++;
	return OK;
}

int fproc_busy(const struct fproc *fp)
{
	return fp->fp_worker != NULL || fp->fp_queued > 0;
}

/* Take job i off the queue and start it on w. */
static void start_job(struct worker *w, int i)
{
	struct job j = jobs[i];

	memmove(&jobs[i], &jobs[i + 1], (size_t)(njobs - i - 1) * sizeof(jobs[0]));
	njobs--;
	if (j.j_fp)
		j.j_fp->fp_queued--;
	worker_start(w, &j);
}

static struct worker *free_worker(void)
{
	int i;

	for (i = 0; i < NR_WORKERS; i++)
		if (workers[i].w_state == W_FREE)
			return &workers[i];
	return NULL;
}

/* Resume the woken workers and start the jobs that can start, until
 * nothing more can run: the woken ones first, then the first job whose
 * process runs nothing (on a free worker), then again. */
void workers_run(void)
{
	struct worker *w;
	int i;

	for (;;) {
		if (nready > 0) {
			for (i = 0; i < NR_WORKERS; i++)
				if (workers[i].w_state == W_READY)
					worker_resume(&workers[i]);
			continue;
		}
		for (i = 0; i < njobs; i++)
			if (!jobs[i].j_fp || !jobs[i].j_fp->fp_worker)
				break;	/* else its process's last job runs */
		if (i == njobs || (w = free_worker()) == NULL)
			return;
		start_job(w, i);
	}
}

/* Mount mnt's server is free again: to the first worker queued for it. */
static void fs_hand_over(int mnt)
{
	fs_owner[mnt] = fs_queue[mnt];
	if (fs_queue[mnt]) {
		fs_queue[mnt] = fs_queue[mnt]->w_next;
		worker_wake(fs_owner[mnt], OK);
	}
}

/* Send m to the file system server of mount mnt (vmnt[mnt].m_fs_e, set
 * also while mount.c asks a new one for its superblock) and wait for its
 * FS_REPLY, which lands in m.  OK, or EIO if it cannot be sent (the answer
 * is in m->m_fs.status). */
int fs_sendrec(int mnt, message *m)
{
	struct worker *w = self, **q;
	int r;

	if (w == NULL) {
		printf("vfs: file system request %#x outside a worker\n", m->m_type);
		return EIO;
	}
	if (mnt < 0 || mnt >= NR_MNTS)
		return EIO;
	if (fs_owner[mnt] != NULL || fs_loop[mnt].l_busy) {
		/* Queue; the owner hands the server over when it is done. */
		w->w_next = NULL;
		for (q = &fs_queue[mnt]; *q; q = &(*q)->w_next)
			;
		*q = w;
		w->w_label = vmnt[mnt].m_label;
		worker_wait(WAIT_FSQ);
	}
	fs_owner[mnt] = w;
	w->w_reply = m;
	w->w_dst = vmnt[mnt].m_fs_e;
	w->w_label = vmnt[mnt].m_label;
	if ((r = asynsend(w->w_dst, m)) == OK)
		r = worker_wait(WAIT_FS);
	w->w_label = NULL;
	fs_hand_over(mnt);
	return r == OK ? OK : EIO;
}

/* Is mount mnt's server free: no request at it, no one queued for it? */
int fs_idle(int mnt)
{
	return mnt >= 0 && mnt < NR_MNTS && vmnt[mnt].m_used &&
	    !vmnt[mnt].m_dead && fs_owner[mnt] == NULL &&
	    fs_queue[mnt] == NULL && !fs_loop[mnt].l_busy;
}

/* Send fp's read or write m of filp f (through grant g) to the server of
 * mount mnt, free (fs_idle), from the loop: the FS_REPLY ends the call
 * (fs_rw_done) with no worker held meanwhile.  SUSPEND, or EIO if it
 * cannot be sent. */
int fs_loop_send(int mnt, struct fproc *fp, struct filp *f, int write,
	cp_grant_id_t g, message *m)
{
	struct fs_loop *l = &fs_loop[mnt];

	if (asynsend(vmnt[mnt].m_fs_e, m) != OK)
		return EIO;
	l->l_busy = 1;
	l->l_fs_e = vmnt[mnt].m_fs_e;
	l->l_fp = fp;
	l->l_filp = f;
	l->l_write = write;
	l->l_grant = g;
	fp->fp_blocked = BLK_FS_RW;
	fp->fp_blabel = vmnt[mnt].m_label;
	return SUSPEND;
}

/* The loop's request at mount mnt has its answer m (NULL: the server
 * died): end the call, hand the server to the next in its queue. */
static void fs_loop_end(int mnt, const message *m)
{
	struct fs_loop *l = &fs_loop[mnt];

	l->l_busy = 0;
	fs_rw_done(l->l_fp, l->l_filp, l->l_write, l->l_grant, m);
	fs_hand_over(mnt);
}

/* fp exited while its loop request is at a server: the answer, when it
 * comes, only revokes the grant. */
void fs_loop_forget(struct fproc *fp)
{
	int i;

	for (i = 0; i < NR_MNTS; i++)
		if (fs_loop[i].l_busy && fs_loop[i].l_fp == fp) {
			fs_loop[i].l_fp = NULL;
			fs_loop[i].l_filp = NULL;
		}
}

/* A message from a file system server: the answer an owner waits for?
 * (1: taken.) */
int worker_fs_reply(const message *m)
{
	struct worker *o;
	int i;

	for (i = 0; i < NR_MNTS; i++)
		if (fs_loop[i].l_busy && m->m_source == fs_loop[i].l_fs_e) {
			fs_loop_end(i, m);
			return 1;
		}
	for (i = 0; i < NR_MNTS; i++) {
		o = fs_owner[i];
		if (o == NULL || o->w_state != W_WAITING ||
		    o->w_wait != WAIT_FS || m->m_source != o->w_dst)
			continue;
		*o->w_reply = *m;
		worker_wake(o, OK);
		return 1;
	}
	return 0;
}

/* Is m a block driver's request (BDEV_*)? */
static int is_bdev(int type)
{
	return type >= BDEV_OPEN && type <= BDEV_IOCTL;
}

/* Send m (a CDEV or BDEV request with its id) to driver ep and wait for
 * the CDEV_REPLY or BDEV_REPLY with that id, which lands in m: OK, or why
 * the wait ended (EINTR: a signal or an exit, EIO: the driver died,
 * EDEADSRCDST: there was no driver to send to).  A block request is not
 * cut short by a signal or an exit (block I/O is not interruptible).
 * Either has a deadline (BDEV_TIMEOUT, CDEV_TIMEOUT for a CDEV_OPEN):
 * worker_bdev_timeout. */
int dev_sendrec_worker(endpoint_t ep, const char *label, message *m)
{
	struct worker *w = self;
	int bdev = is_bdev(m->m_type), r;

	if (w == NULL)
		return EIO;
	w->w_reply = m;
	w->w_dst = ep;
	w->w_id = bdev ? (uint32_t)m->m_lbdev_lblockdriver_msg.id :
	    (uint32_t)m->m_vfs_lchardriver_openclose.id;	/* a CDEV_OPEN */
	w->w_label = label;
	w->w_deadline = getticks() + (bdev ? BDEV_TIMEOUT : CDEV_TIMEOUT) * sys_hz();
	if ((r = asynsend(ep, m)) == OK)
		r = worker_wait(bdev ? WAIT_BDEV : WAIT_DEV);
	w->w_label = NULL;
	return r;
}

/* A driver's CDEV_REPLY or BDEV_REPLY: for a worker waiting on that
 * request?  (1: taken.) */
int worker_dev_reply(const message *m)
{
	int bdev = m->m_type == BDEV_REPLY, i;
	uint32_t id = bdev ? (uint32_t)m->m_lblockdriver_lbdev_reply.id :
	    m->m_lchardriver_vfs_reply.id;

	for (i = 0; i < NR_WORKERS; i++) {
		struct worker *w = &workers[i];
		if (w->w_state == W_WAITING &&
		    w->w_wait == (bdev ? WAIT_BDEV : WAIT_DEV) &&
		    w->w_dst == m->m_source && w->w_id == id) {
			*w->w_reply = *m;
			worker_wake(w, OK);
			return 1;
		}
	}
	return 0;
}

/* End the wait of fp's worker for a driver now, with r: a signal, an
 * exit (EINTR), or the driver died (EIO).  driver: only a wait on that
 * driver (NONE: any).  The driver gets CDEV_CANCEL; its answer is
 * dropped.  1 if there was such a wait. */
int worker_dev_abort(struct fproc *fp, endpoint_t driver, int r)
{
	struct worker *w = fp ? fp->fp_worker : NULL;
	message m;

	if (w == NULL || w->w_state != W_WAITING || w->w_wait != WAIT_DEV ||
	    (driver != NONE && w->w_dst != driver))
		return 0;
	if (r != EIO) {
		memset(&m, 0, sizeof(m));
		m.m_type = CDEV_CANCEL;
		m.m_vfs_lchardriver_cancel.minor =
		    w->w_reply->m_vfs_lchardriver_openclose.minor;
		m.m_vfs_lchardriver_cancel.id = (endpoint_t)w->w_id;
		if (asynsend(w->w_dst, &m) == OK)
			dev_forget(w->w_dst, w->w_id);	/* its answer comes */
	}
	worker_wake(w, r);
	return 1;
}

/* Every worker waiting for file system server ep (it died), and the
 * loop's request at it: EIO. */
void worker_fs_dead(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_MNTS; i++)
		if (fs_loop[i].l_busy && fs_loop[i].l_fs_e == ep)
			fs_loop_end(i, NULL);

	for (i = 0; i < NR_WORKERS; i++)
		if (workers[i].w_state == W_WAITING &&
		    workers[i].w_wait == WAIT_FS && workers[i].w_dst == ep)
			worker_wake(&workers[i], EIO);
}

/* Every worker waiting on driver ep (it died): EIO. */
void worker_dev_dead(endpoint_t ep)
{
	int i;

	for (i = 0; i < NR_WORKERS; i++)
		if (workers[i].w_state == W_WAITING &&
		    (workers[i].w_wait == WAIT_DEV ||
		    workers[i].w_wait == WAIT_BDEV) && workers[i].w_dst == ep)
			worker_wake(&workers[i], EIO);
}

/* The nearest deadline of a block request or a character open in flight,
 * or of a cancel (dev.c) (1), or 0 if none. */
int worker_bdev_deadline(clock_t *first)
{
	int i, any = 0;

	for (i = 0; i < NR_WORKERS; i++) {
		struct worker *w = &workers[i];
		if (w->w_state != W_WAITING ||
		    (w->w_wait != WAIT_BDEV && w->w_wait != WAIT_DEV))
			continue;
		if (!any || w->w_deadline - *first < 0)
			*first = w->w_deadline;
		any = 1;
	}
	{
		clock_t c;
		if (dev_cancel_deadline(&c) && (!any || c - *first < 0))
			*first = c, any = 1;
	}
	return any;
}

/* The alarm rang: a block request or a character open unanswered past
 * its deadline means a driver that is alive (it may still answer RS's
 * heartbeats) but lost the request.  Those must be answered promptly, so
 * that is a driver fault: RS restarts the driver, and the wait ends with
 * EIO.  (The cancels' deadlines: dev_cancel_timeout.) */
void worker_bdev_timeout(void)
{
	clock_t now = getticks();
	int i;

	for (i = 0; i < NR_WORKERS; i++) {
		struct worker *w = &workers[i];
		if (w->w_state == W_WAITING && (w->w_wait == WAIT_BDEV ||
		    w->w_wait == WAIT_DEV) && w->w_deadline - now <= 0) {
			dev_driver_fault(w->w_dst, w->w_wait == WAIT_BDEV ?
			    "a block request unanswered in time" :
			    "an open unanswered in time");
			/* Still waiting (RS would not): give it time again. */
			w->w_deadline = now + (w->w_wait == WAIT_BDEV ?
			    BDEV_TIMEOUT : CDEV_TIMEOUT) * sys_hz();
		}
	}
	dev_cancel_timeout();
}

/* What fp's worker waits on, for ps: a label, or NULL. */
const char *worker_wait_label(const struct fproc *fp, int *what)
{
	struct worker *w = fp->fp_worker;

	if (w == NULL || w->w_state != W_WAITING || w->w_label == NULL)
		return NULL;
	*what = w->w_wait;
	return w->w_label;
}
