/* tty.c - the terminal driver: a 16550 UART (COM1, or COM2 with the
 * argument "com2"), interrupt-driven input with a line discipline, on
 * libchardriver.  Minor 0 is the line.
 *
 * Canonical mode (like Linux's n_tty): typed characters are echoed and
 * collected into a line of at most 4095 bytes plus the newline (past that
 * the bell rings and the character is dropped); backspace erases, ^W
 * erases the word before the cursor, ^U kills the line, Enter ends it, ^D
 * ends input (a read at the start of a line returns 0).  With ISIG, ^C,
 * ^\ and ^Z discard the line and typed-ahead input and ask PM to send
 * SIGINT, SIGQUIT or SIGTSTP to the foreground process group (TIOCSPGRP).
 * Non-canonical mode: bytes are readable as they arrive; a read waits for
 * VMIN of them (VMIN 0: returns at once; VTIME is not honoured).
 * Readers wait (EDONTREPLY) in order; each is answered when its input is
 * ready, or with EINTR on CDEV_CANCEL.  Output turns \n into \r\n.
 *
 * Output is interrupt driven: writes and echo go to an output queue
 * (OQ_SIZE bytes); the THRE interrupt moves it to the UART, a FIFO's
 * worth (16 bytes, or 1 without a FIFO) at a time, so the UART is never
 * polled while a request is handled.  A write is answered once its bytes
 * (at most WRITE_MAX of them) are queued; when the queue is full the
 * writer waits (EDONTREPLY) and is answered as the queue drains, or on
 * CDEV_CANCEL with the bytes queued so far (EINTR if none).  Writes
 * leave the last OQ_ECHO bytes to echo and bells (a ^C typed during a
 * long output is echoed at once); echo that finds the queue full is
 * dropped.  ioctl TCXONC (an int: TCOOFF, TCOON)
 * holds and restarts output, as tcflow() does.
 *
 * Input overflow: a canonical line is queued whole when its newline (or
 * ^D) comes, or dropped whole if the input queue has no room for all of
 * it; a dropped line rings the bell and is counted.  In non-canonical
 * mode the last byte of the queue is kept for a newline, so a line can
 * lose its tail but never its newline (lines are not merged); the bell
 * rings once per run of dropped bytes.  ioctl TIOCGLINES gives the
 * counts: lines typed, lines dropped, bytes waiting in each queue.
 *
 * select (CDEV_SELECT): readable when a read would not wait (a whole
 * line, or VMIN bytes, and no reader ahead), always writable.  Asked to
 * notify (CDEV_NOTIFY) while not readable, the driver tells VFS with
 * CDEV_SEL2_REPLY once input makes it so.
 *
 * Console reset (as Linux's magic SysRq on a serial console): a BREAK on
 * the line followed by 'r' stops this driver, so that RS starts a fresh
 * copy of it: the way back in when it is alive but broken (it lost the
 * shell's read, or garbles input).  The kernel does it
 * (kernel/consreset.c), so that nothing of ours has to work: we never
 * see a BREAK, nor the key after it.
 */
#include <string.h>
#include <stdlib.h>
#include <termios.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <ctype.h>
#include <minix/syslib.h>
#include <minix/ds.h>
#include <minix/sef.h>
#include <minix/chardriver.h>
#include <minix/callnr.h>

#define RBR 0 /* UART registers, from the port base */
#define THR 0
#define IER 1
#define LCR 3
#define MCR 4
#define LSR 5
#define LSR_DR 0x01 /* a byte is ready */
#define DLL 0
#define DLM 1

#define CTRL(c) ((c) & 0x1f)
#define LINE_MAX 4096 /* a canonical line: 4095 bytes and the newline */
#define QUEUE_MAX 8192
#define TTY_HOOK 0 /* bit of our interrupt in the NOTIFY */
#define WRITE_MAX 4096
#define OQ_SIZE 16384 /* the output queue */
#define OQ_ECHO 256   /* of it, kept for echo and bells (not for writes) */
#define IER_RX 0x01
#define IER_THRE 0x02
#define IIR 2

static int port = 0x3f8, irq = 4, hook;
static struct termios tio = {
	ICRNL, OPOST, 0, ISIG | ICANON | ECHO | ECHOE,
	{ [VINTR] = CTRL('c'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7f,
	  [VKILL] = CTRL('u'), [VEOF] = CTRL('d'), [VMIN] = 1, [VTIME] = 0,
	  [VSUSP] = CTRL('z'), [VWERASE] = CTRL('w') }
};
static int fg_pgrp;

/* Cooked input: complete lines (canonical) or raw bytes; a line ended by
 * ^D is stored without a newline and with eof_mark set at its end. */
static char queue[QUEUE_MAX];
static int q_head, q_len;
static int q_eofs[QUEUE_MAX / 1]; /* positions (mod QUEUE_MAX) where ^D ended input */
static int n_eofs;
static char line[LINE_MAX];
static int line_len;
static unsigned lines_typed, lines_dropped; /* TIOCGLINES */
static int raw_dropping; /* non-canonical: dropping bytes, bell rung */

/* The output queue, and whether the THRE interrupt is on (the UART is
 * sending from it). */
static char oq[OQ_SIZE];
static int oq_head, oq_len, tx_on, tx_burst = 1;
static int tx_stopped; /* ioctl TCXONC TCOOFF: output held until TCOON */

/* Writers waiting for room in the output queue, served in order. */
#define NR_WRITERS 8
static struct writer {
	endpoint_t endpt;
	cp_grant_id_t grant;
	size_t size, done;
	cdev_id_t id;
} writers[NR_WRITERS];
static int nr_writers;

/* Readers waiting for input, served in order (a background job reading
 * the terminal waits its turn behind the shell). */
#define NR_READERS 8
static struct reader {
	endpoint_t endpt;
	cp_grant_id_t grant;
	size_t size;
	cdev_id_t id;
	int nonblock;
} readers[NR_READERS];
static int nr_readers;

/* Start the UART on the output queue: the THRE interrupt (raised at
 * once if the transmitter is empty) does the sending. */
static void tx_start(void)
{
	if (oq_len > 0 && !tx_on && !tx_stopped) {
		tx_on = 1;
		sys_outb(port + IER, IER_RX | IER_THRE);
	}
}

/* Queue one output character (\n as \r\n with OPOST) if the queue stays
 * within limit bytes; 0 if no room. */
static int out_char_to(int c, int limit)
{
	int crlf = c == '\n' && (tio.c_oflag & OPOST);

	if (oq_len + 1 + crlf > limit)
		return 0;
	if (crlf)
		oq[(oq_head + oq_len++) % OQ_SIZE] = '\r';
	oq[(oq_head + oq_len++) % OQ_SIZE] = (char)c;
	tx_start();
	return 1;
}

static int out_char(int c)
{
	return out_char_to(c, OQ_SIZE);
}

/* The transmitter is empty: give it the next burst.  With the queue
 * empty, the THRE interrupt goes off. */
static void tx_fill(void)
{
	uint32_t lsr;
	int n;

	if (!tx_on || sys_inb(port + LSR, &lsr) != OK)
		return;
	if (!(lsr & 0x20))
		return;
	for (n = 0; n < tx_burst && oq_len > 0; n++) {
		sys_outb(port + THR, (uint32_t)(uint8_t)oq[oq_head]);
		oq_head = (oq_head + 1) % OQ_SIZE;
		oq_len--;
	}
	if (oq_len == 0) {
		tx_on = 0;
		sys_outb(port + IER, IER_RX);
	}
}

/* Queue what fits of w's bytes; 1 when all are queued (or the copy
 * failed: then w->done is the answer if not 0, else the error in *r). */
static int write_some(struct writer *w, int *r)
{
	char buf[256];

	*r = OK;
	while (w->done < w->size) {
		size_t n = w->size - w->done, i;
		if (n > sizeof(buf))
			n = sizeof(buf);
		if (oq_len >= OQ_SIZE - OQ_ECHO)
			return 0;
		if (n > (size_t)(OQ_SIZE - OQ_ECHO - oq_len))
			n = (size_t)(OQ_SIZE - OQ_ECHO - oq_len);
		if ((*r = sys_safecopyfrom(w->endpt, w->grant, w->done, (vir_bytes)buf, n)) != OK)
			return 1;
		for (i = 0; i < n && out_char_to(buf[i], OQ_SIZE - OQ_ECHO); i++)
			;
		w->done += i;
		if (i < n) /* a \n needing 2 bytes did not fit */
			return 0;
	}
	return 1;
}

/* Room in the output queue: answer the writers whose bytes now fit. */
static void serve_writers(void)
{
	int r;

	while (nr_writers > 0 && write_some(&writers[0], &r)) {
		struct writer *w = &writers[0];
		chardriver_reply_task(w->endpt, w->id,
		    r == OK || w->done ? (int)w->done : r);
		memmove(writers, writers + 1, (size_t)--nr_writers * sizeof(writers[0]));
	}
}

static void echo_str(const char *s)
{
	if (tio.c_lflag & ECHO)
		while (*s)
			out_char(*s++);
}

static void queue_put(int c)
{
	if (q_len < QUEUE_MAX)
		queue[(q_head + q_len++) % QUEUE_MAX] = (char)c;
}

/* Non-canonical input: the last byte of the queue is kept for a
 * newline, so what overflows is a line's tail, never its end. */
static void raw_put(int c)
{
	if (q_len < QUEUE_MAX - (c != '\n')) {
		queue_put(c);
		raw_dropping = 0;
	} else if (!raw_dropping) {
		raw_dropping = 1;
		out_char('\a');
	}
	if (c == '\n')
		lines_typed++;
}

/* Is input ready for a read of size bytes: a whole line (canonical), or
 * VMIN bytes (fewer if the read wants fewer; VMIN 0: always)? */
static int input_ready(size_t size)
{
	size_t min = tio.c_cc[VMIN];
	int i;

	if (n_eofs)
		return 1;
	if (!(tio.c_lflag & ICANON))
		return (size_t)q_len >= (min < size ? min : size);
	for (i = 0; i < q_len; i++)
		if (queue[(q_head + i) % QUEUE_MAX] == '\n')
			return 1;
	return 0;
}

/* select(): a read would not wait (a whole line or a ^D, or VMIN bytes
 * in non-canonical mode) and no reader is ahead in line. */
static int read_ready(void)
{
	return nr_readers == 0 && input_ready((size_t)-1);
}

/* A select asked to be told (CDEV_NOTIFY) when input is ready: the
 * process that waits (VFS), and the ops it waits for. */
static endpoint_t sel_proc = NONE;
static unsigned int sel_ops;

/* Tell VFS when what a select waits for has become ready. */
static void select_retry(void)
{
	if ((sel_ops & CDEV_OP_RD) && read_ready()) {
		chardriver_reply_select(sel_proc, 0, CDEV_OP_RD);
		sel_ops = 0;
	}
}

/* Hand the first waiting reader what is ready: up to the end of one
 * line; a ^D ends the line without being part of it.  Repeats while
 * readers and input remain. */
static void serve_reader(void)
{
	static char buf[LINE_MAX];

	while (nr_readers > 0 && input_ready(readers[0].size)) {
		struct reader *rd = &readers[0];
		size_t n = 0;
		int r, at_eof = 0, line_end = 0;

		while (n < rd->size && n < sizeof(buf) && q_len > 0) {
			if (n_eofs && q_eofs[0] == q_head) {
				at_eof = 1;
				break;
			}
			buf[n] = queue[q_head];
			q_head = (q_head + 1) % QUEUE_MAX;
			q_len--;
			if (buf[n++] == '\n' && (tio.c_lflag & ICANON)) {
				line_end = 1;
				break;
			}
		}
		/* Text ended by ^D: the ^D goes with it (the next read waits). */
		if (!at_eof && !line_end && n_eofs && q_eofs[0] == q_head && n < rd->size)
			at_eof = 1;
		if (at_eof) /* the ^D is used up: by this read, data or not */
			memmove(q_eofs, q_eofs + 1, (size_t)--n_eofs * sizeof(q_eofs[0]));
		r = n ? sys_safecopyto(rd->endpt, rd->grant, 0, (vir_bytes)buf, n) : OK;
		chardriver_reply_task(rd->endpt, rd->id, r == OK ? (int)n : r);
		memmove(readers, readers + 1, (size_t)--nr_readers * sizeof(readers[0]));
	}
	select_retry();
}

/* Ask PM to signal the foreground group, without ever waiting for PM
 * (asynsend: the one SENDA table of this process). */
static void signal_group(int sig)
{
	message m;

	if (fg_pgrp <= 0)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = PM_TTY_SIGNAL;
	m.m1_i1 = -fg_pgrp;
	m.m1_i2 = sig;
	asynsend(PM_PROC_NR, &m);
}

/* Is c the control character cc[i] (and that one not disabled)? */
static int is_cc(int c, int i)
{
	return tio.c_cc[i] != _POSIX_VDISABLE && c == tio.c_cc[i];
}

/* ^C, ^\, ^Z with ISIG: echo, drop the line and typed-ahead input,
 * signal the foreground group. */
static void in_signal(const char *echo, int sig)
{
	echo_str(echo);
	line_len = 0;
	q_head = q_len = n_eofs = 0;
	signal_group(sig);
}

/* Erase the last character of the line being typed. */
static void rub_out(void)
{
	line_len--;
	echo_str((tio.c_lflag & ECHOE) ? "\b \b" : "\b");
}

/* ^W, as Linux's n_tty: erase back over what is not a letter, digit or
 * _, then over the letters, digits and _ before it ("ls foo/" becomes
 * "ls ", "cp a.c " becomes "cp a."). */
static void word_erase(void)
{
	int seen = 0;

	while (line_len > 0) {
		int c = (unsigned char)line[line_len - 1];
		if (isalnum(c) || c == '_')
			seen = 1;
		else if (seen)
			break;
		rub_out();
	}
}

/* Enter or ^D: the line goes to the queue whole, or (no room for all of
 * it, or for its ^D mark) is dropped whole with a bell. */
static void end_line(int c)
{
	int i, eof = c != '\n';

	if (!eof)
		line[line_len++] = '\n'; /* room is always kept for it */
	if (!eof)
		lines_typed++;
	if (q_len + line_len > QUEUE_MAX ||
	    (eof && n_eofs == (int)(sizeof(q_eofs) / sizeof(q_eofs[0])))) {
		if (!eof)
			lines_dropped++;
		out_char('\a');
	} else {
		for (i = 0; i < line_len; i++)
			queue_put(line[i]);
		if (eof)
			q_eofs[n_eofs++] = (q_head + q_len) % QUEUE_MAX;
	}
	if (!eof)
		echo_str("\n");
	line_len = 0;
}

static void in_char(int c)
{
	if ((tio.c_iflag & ICRNL) && c == '\r')
		c = '\n';
	if ((tio.c_lflag & ISIG) &&
	    (is_cc(c, VINTR) || is_cc(c, VQUIT) || is_cc(c, VSUSP))) {
		if (is_cc(c, VINTR))
			in_signal("^C\n", SIGINT);
		else if (is_cc(c, VQUIT))
			in_signal("^\\\n", SIGQUIT);
		else
			in_signal("^Z\n", SIGTSTP);
		return;
	}
	if (!(tio.c_lflag & ICANON)) {
		raw_put(c);
		if (tio.c_lflag & ECHO)
			out_char(c);
		return;
	}
	if (is_cc(c, VERASE) || c == '\b') {
		if (line_len > 0)
			rub_out();
		return;
	}
	if (is_cc(c, VWERASE)) {
		word_erase();
		return;
	}
	if (is_cc(c, VKILL)) {
		while (line_len > 0)
			rub_out();
		return;
	}
	if (is_cc(c, VEOF) || c == '\n') {
		end_line(c);
		return;
	}
	/* The line is full: ring, drop. */
	if (line_len >= LINE_MAX - 1) {
		out_char('\a');
		return;
	}
	line[line_len++] = (char)c;
	if (tio.c_lflag & ECHO)
		out_char(c);
}

/* The UART's line enabled again.  It cannot fail for a hook we hold: if
 * it does (a fault), input and output would stop for good while we go on
 * answering heartbeats, so we stop instead and RS starts us again, as
 * MINIX's drivers do. */
static void irq_on(void)
{
	int r;

	if ((r = sys_irqenable(&hook)) != OK)
		panic("sys_irqenable failed: %d", r);
}

/* TCSETS.  Leaving canonical mode, the line being typed becomes readable
 * bytes; entering it, bytes after the last newline become the line being
 * typed (what was typed ahead of the switch is kept, in order). */
static void set_termios(const struct termios *t)
{
	int was_canon = tio.c_lflag & ICANON, i;

	tio = *t;
	if (was_canon && !(tio.c_lflag & ICANON)) {
		for (i = 0; i < line_len; i++)
			queue_put(line[i]);
		line_len = 0;
	} else if (!was_canon && (tio.c_lflag & ICANON)) {
		int n = 0;
		while (n < q_len && n < LINE_MAX - 1 - line_len &&
		    queue[(q_head + q_len - 1 - n) % QUEUE_MAX] != '\n')
			n++;
		memmove(line + n, line, (size_t)line_len);
		for (i = 0; i < n; i++)
			line[i] = queue[(q_head + q_len - n + i) % QUEUE_MAX];
		line_len += n;
		q_len -= n;
	}
	serve_reader();
}

static void t_intr(unsigned int mask)
{
	uint32_t lsr, c;

	(void)mask;
	while (sys_inb(port + LSR, &lsr) == OK && (lsr & LSR_DR) &&
	    sys_inb(port + RBR, &c) == OK) {
		in_char((int)c);
	}
	serve_reader();
	tx_fill();
	if (nr_writers > 0 && oq_len <= OQ_SIZE / 2)
		serve_writers();
	/* The PIC sees edges: if the UART still asks (data came after the
	 * loop, or the THRE of the burst just sent), its line is already
	 * high.  Switching its interrupts off and on makes a new edge. */
	sys_outb(port + IER, 0);
	sys_outb(port + IER, tx_on ? IER_RX | IER_THRE : IER_RX);
	irq_on();
}

static int t_open(devminor_t minor, int access, endpoint_t user)
{
	(void)access, (void)user;
	return minor == 0 ? OK : ENXIO;
}

static ssize_t t_read(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	(void)pos;
	if (minor != 0)
		return ENXIO;
	if (size == 0)
		return 0;
	if ((flags & CDEV_NONBLOCK) && (nr_readers > 0 || !input_ready(size)))
		return EAGAIN;
	if (nr_readers == NR_READERS)
		return EBUSY;
	readers[nr_readers++] = (struct reader){ endpt, grant, size, id, 0 };
	serve_reader(); /* answers at once if input is ready */
	return EDONTREPLY;
}

static ssize_t t_write(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	struct writer w = { endpt, grant, size, 0, id };
	int r;

	(void)pos, (void)flags;
	if (minor != 0)
		return ENXIO;
	/* At most WRITE_MAX per request (the caller loops on a short count),
	 * so one writer does not hold the others for long. */
	if (w.size > WRITE_MAX)
		w.size = WRITE_MAX;
	if (nr_writers == 0 && write_some(&w, &r))
		return r == OK || w.done ? (ssize_t)w.done : r;
	if (nr_writers == NR_WRITERS)
		return w.done ? (ssize_t)w.done : EBUSY;
	writers[nr_writers++] = w; /* the rest when the queue drains */
	return EDONTREPLY;
}

static int t_ioctl(devminor_t minor, unsigned long request, endpoint_t endpt,
	cp_grant_id_t grant, int flags, endpoint_t user, cdev_id_t id)
{
	struct termios t;
	struct tty_lines tl;
	int r, arg;

	(void)flags, (void)user, (void)id;
	if (minor != 0)
		return ENXIO;
	switch (request) {
	case TCGETS: return sys_safecopyto(endpt, grant, 0, (vir_bytes)&tio, sizeof(tio));
	case TCSETS:
		if ((r = sys_safecopyfrom(endpt, grant, 0, (vir_bytes)&t, sizeof(t))) == OK)
			set_termios(&t);
		return r;
	case TIOCGPGRP: return sys_safecopyto(endpt, grant, 0, (vir_bytes)&fg_pgrp, sizeof(fg_pgrp));
	case TIOCSPGRP: return sys_safecopyfrom(endpt, grant, 0, (vir_bytes)&fg_pgrp, sizeof(fg_pgrp));
	case TCXONC:
		if ((r = sys_safecopyfrom(endpt, grant, 0, (vir_bytes)&arg, sizeof(arg))) != OK)
			return r;
		if (arg != TCOOFF && arg != TCOON)
			return EINVAL;
		tx_stopped = arg == TCOOFF;
		if (tx_stopped && tx_on) {
			tx_on = 0;
			sys_outb(port + IER, IER_RX);
		}
		tx_start();
		return OK;
	case TIOCGLINES:
		tl.typed = lines_typed;
		tl.dropped = lines_dropped;
		tl.queued = q_len;
		tl.out_queued = oq_len;
		return sys_safecopyto(endpt, grant, 0, (vir_bytes)&tl, sizeof(tl));
	}
	return ENOTTY;
}

static int t_cancel(devminor_t minor, endpoint_t endpt, cdev_id_t id)
{
	int i;

	(void)minor;
	for (i = 0; i < nr_readers; i++) {
		if (readers[i].endpt != endpt || readers[i].id != id)
			continue;
		memmove(readers + i, readers + i + 1,
		    (size_t)(--nr_readers - i) * sizeof(readers[0]));
		return EINTR;
	}
	for (i = 0; i < nr_writers; i++) {
		int done = (int)writers[i].done;
		if (writers[i].endpt != endpt || writers[i].id != id)
			continue;
		memmove(writers + i, writers + i + 1,
		    (size_t)(--nr_writers - i) * sizeof(writers[0]));
		return done ? done : EINTR;
	}
	return EDONTREPLY; /* nothing of theirs was waiting */
}

/* CDEV_SELECT: readable when a read would not wait, always writable
 * (a write waits only for room in the output queue, briefly); no
 * exceptional conditions.  With CDEV_NOTIFY and input not ready, VFS is
 * told later (select_retry). */
static int t_select(devminor_t minor, unsigned int ops, endpoint_t endpt)
{
	int ready = 0;

	if (minor != 0)
		return ENXIO;
	if ((ops & CDEV_OP_RD) && read_ready())
		ready |= CDEV_OP_RD;
	if (ops & CDEV_OP_WR)
		ready |= CDEV_OP_WR;
	if ((ops & CDEV_NOTIFY) && (ops & CDEV_OP_RD) && !(ready & CDEV_OP_RD)) {
		sel_proc = endpt;
		sel_ops |= CDEV_OP_RD;
	}
	return ready;
}

static const struct chardriver tty_cdr = {
	.cdr_open = t_open,
	.cdr_read = t_read,
	.cdr_write = t_write,
	.cdr_ioctl = t_ioctl,
	.cdr_cancel = t_cancel,
	.cdr_select = t_select,
	.cdr_intr = t_intr,
};

static int init_fresh(int type, sef_init_info_t *info)
{
	uint32_t iir;

	(void)type, (void)info;
	sys_outb(port + IER, 0);
	sys_outb(port + LCR, 0x80);      /* divisor latch */
	sys_outb(port + DLL, 1);         /* 115200 baud */
	sys_outb(port + DLM, 0);
	sys_outb(port + LCR, 0x03);      /* 8N1 */
	/* The FIFO is left as it is: switching it on or off empties it, and
	 * what was typed before we started would be lost. */
	if (sys_inb(port + IIR, &iir) == OK && (iir & 0xc0) == 0xc0)
		tx_burst = 16;           /* the FIFO is on: 16 bytes a time */
	sys_outb(port + MCR, 0x0b);      /* DTR, RTS, OUT2 */
	hook = TTY_HOOK;
	if (sys_irqsetpolicy(irq, 0, &hook) != OK)
		return EIO;
	sys_outb(port + IER, IER_RX);    /* interrupt on received data */
	t_intr(0);                       /* what arrived before */
	return chardriver_announce();    /* "tty" in DS */
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "com2") == 0)
		port = 0x2f8, irq = 3;
	sef_setcb_init_fresh(init_fresh);
	sef_startup();
	chardriver_task(&tty_cdr);
	return 0;
}
