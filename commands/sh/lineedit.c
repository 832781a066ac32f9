/* lineedit.c - console line editing for the shell (see lineedit.h).
 *
 * While a line is edited the terminal is in non-canonical mode without
 * echo (VMIN 1, VTIME 0; ISIG stays, so ^Z and ^\ still signal), and
 * every key is read with its own read() so nothing typed ahead of the
 * next command is taken from it.  The interrupt character (^C) alone is
 * read as a key instead of being sent as SIGINT: a signal that comes
 * between two read()s interrupts neither and would be lost, the key
 * cannot be.  It drops the line as a SIGINT would (LE_INTR, after "^C"
 * and a newline).  The line is redrawn with plain VT100
 * sequences only (\r, \b, ESC [K, ESC [nC, ESC [nD): the console is a
 * serial line into whatever terminal the host has.
 *
 * Keys: printable characters insert at the cursor; left, right, Home,
 * End, ^A, ^E move; backspace (DEL or ^H) and Delete erase; ^U kills to
 * the start, ^K to the end, ^W the word (delimited by spaces) before the
 * cursor; ^L redraws the prompt and line; up and down browse the history
 * (the line being typed comes back below the newest); Enter (\r or \n)
 * accepts; ^D deletes under the cursor, or on an empty line is the end
 * of input.  A full line rings the bell (\a).  Other escape sequences
 * are read whole and ignored; other control characters too.  Nothing is
 * printed at the end of input: the caller says what it does.
 *
 * Known limit: the terminal's width is not known, so editing the middle
 * of a line that wraps is not displayed right (what is accepted is).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "lineedit.h"

#define HIST_MAX 100
#define KEY_CTRL(c) ((c) & 0x1f)
#define ESC 0x1b
#define DEL 0x7f

/* Keys beyond bytes: what escape sequences mean. */
enum { K_NONE = 0x100, K_LEFT, K_RIGHT, K_UP, K_DOWN, K_HOME, K_END, K_DELETE };

static char *hist[HIST_MAX];
static int n_hist;

/* The line being edited; the terminal's cursor is always at pos. */
struct line {
	char *buf;
	size_t size, len, pos;
	const char *prompt;
	int h;		/* history entry shown; n_hist: the line being typed */
	int intr;	/* the terminal's interrupt character, or -1 */
	char *typed;	/* that line, kept while browsing */
};

/* Output is collected and written once per key. */
static char obuf[512];
static size_t olen;

static void flush(void)
{
	size_t done = 0;
	ssize_t n;

	while (done < olen) {
		n = write(1, obuf + done, olen - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	olen = 0;
}

static void out(const char *s, size_t n)
{
	while (n-- > 0) {
		if (olen == sizeof(obuf))
			flush();
		obuf[olen++] = *s++;
	}
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

/* ESC [ n C or ESC [ n D (one left is a \b). */
static void cursor(size_t n, char dir)
{
	char s[16], *p = s + sizeof(s);

	if (n == 0)
		return;
	if (n == 1 && dir == 'D') {
		out("\b", 1);
		return;
	}
	*--p = dir;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	*--p = '[';
	*--p = ESC;
	out(p, (size_t)(s + sizeof(s) - p));
}

static void move_to(struct line *l, size_t pos)
{
	if (pos < l->pos)
		cursor(l->pos - pos, 'D');
	else
		cursor(pos - l->pos, 'C');
	l->pos = pos;
}

/* The text from `from' on changed: redraw it, erase what is left of the
 * old line, and put the cursor at pos. */
static void refresh(struct line *l, size_t from, size_t pos)
{
	move_to(l, from);
	out(l->buf + from, l->len - from);
	outs("\033[K");
	l->pos = l->len;
	move_to(l, pos);
}

/* One byte from fd 0: the byte, LE_EOF, or LE_INTR. */
static int get_byte(void)
{
	unsigned char c;
	ssize_t n = read(0, &c, 1);

	if (n == 1)
		return c;
	if (n < 0 && errno == EINTR)
		return LE_INTR;
	return LE_EOF;
}

/* The key of an arrow, Home or End final byte; K_NONE for others. */
static int cursor_key(int c)
{
	switch (c) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	}
	return K_NONE;
}

/* After an ESC: read the rest of the sequence.  A key (K_*, K_NONE for
 * one we do not know), a control character that broke the sequence off
 * (handled as typed), or LE_EOF / LE_INTR. */
static int escape(void)
{
	char par[8];
	size_t n = 0;
	int c = get_byte(), k;

	if (c < 0)
		return c;
	if (c == 'O') {		/* SS3: one more byte */
		if ((c = get_byte()) < 0)
			return c;
		if ((k = cursor_key(c)) != K_NONE)
			return k;
		return c < 0x20 ? c : K_NONE;
	}
	if (c != '[')		/* ESC and one byte (Alt-key): ignored */
		return c < 0x20 ? c : K_NONE;
	/* CSI: parameter and intermediate bytes, then a final byte. */
	for (;;) {
		if ((c = get_byte()) < 0)
			return c;
		if (c < 0x20 || c > 0x7e)
			return c < 0x20 ? c : K_NONE;
		if (c >= 0x40)
			break;
		if (n < sizeof(par) - 1)
			par[n++] = (char)c;
		else
			n = sizeof(par); /* too long to be ours */
	}
	if (n == sizeof(par))
		return K_NONE;
	par[n] = '\0';
	if (n == 0)
		return cursor_key(c);
	if (c != '~')
		return K_NONE;
	if (strcmp(par, "1") == 0 || strcmp(par, "7") == 0)
		return K_HOME;
	if (strcmp(par, "4") == 0 || strcmp(par, "8") == 0)
		return K_END;
	if (strcmp(par, "3") == 0)
		return K_DELETE;
	return K_NONE;
}

static void insert(struct line *l, int c)
{
	size_t pos = l->pos + 1;

	if (l->len + 1 >= l->size) {
		outs("\a");
		return;
	}
	memmove(l->buf + pos, l->buf + l->pos, l->len - l->pos);
	l->buf[l->pos] = (char)c;
	l->len++;
	out(l->buf + l->pos, l->len - l->pos);	/* no erasing: it grew */
	l->pos = l->len;
	move_to(l, pos);
}

/* Remove the text in [from, to) and leave the cursor at from. */
static void cut(struct line *l, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(l->buf + from, l->buf + to, l->len - to);
	l->len -= to - from;
	refresh(l, from, from);
}

/* Replace the whole line by s (cut to fit), cursor at its end. */
static void set_line(struct line *l, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n > l->size - 1)
		n = l->size - 1;
	memcpy(l->buf, s ? s : "", n);
	l->len = n;
	refresh(l, 0, n);
}

static void history_move(struct line *l, int dir)
{
	int h = l->h + dir;

	if (h < 0 || h > n_hist)
		return;
	if (l->h == n_hist) {	/* leaving the line being typed: keep it */
		free(l->typed);
		if ((l->typed = malloc(l->len + 1)) != NULL) {
			memcpy(l->typed, l->buf, l->len);
			l->typed[l->len] = '\0';
		}
	}
	l->h = h;
	set_line(l, h == n_hist ? l->typed : hist[h]);
}

static size_t word_start(const struct line *l)
{
	size_t w = l->pos;

	while (w > 0 && l->buf[w - 1] == ' ')
		w--;
	while (w > 0 && l->buf[w - 1] != ' ')
		w--;
	return w;
}

/* Handle one key: 1 when the line is accepted, LE_EOF at the end,
 * LE_INTR for ^C. */
static int key(struct line *l, int c)
{
	if (c == l->intr) {
		outs("^C\n");
		return LE_INTR;
	}
	switch (c) {
	case '\r':
	case '\n':
		outs("\n");
		return 1;
	case KEY_CTRL('d'):
		if (l->len == 0)
			return LE_EOF;
		/* fall through */
	case K_DELETE:
		if (l->pos < l->len)
			cut(l, l->pos, l->pos + 1);
		break;
	case DEL:
	case KEY_CTRL('h'):
		if (l->pos > 0) {
			move_to(l, l->pos - 1);
			cut(l, l->pos, l->pos + 1);
		}
		break;
	case KEY_CTRL('a'):
	case K_HOME:
		move_to(l, 0);
		break;
	case KEY_CTRL('e'):
	case K_END:
		move_to(l, l->len);
		break;
	case K_LEFT:
		if (l->pos > 0)
			move_to(l, l->pos - 1);
		break;
	case K_RIGHT:
		if (l->pos < l->len)
			move_to(l, l->pos + 1);
		break;
	case KEY_CTRL('u'):
		cut(l, 0, l->pos);
		break;
	case KEY_CTRL('k'):
		if (l->pos < l->len) {
			l->len = l->pos;
			refresh(l, l->pos, l->pos);
		}
		break;
	case KEY_CTRL('w'):
		cut(l, word_start(l), l->pos);
		break;
	case KEY_CTRL('l'): {
		size_t pos = l->pos;
		outs("\r");
		outs(l->prompt);
		l->pos = 0;
		refresh(l, 0, pos);
		break;
	}
	case K_UP:
		history_move(l, -1);
		break;
	case K_DOWN:
		history_move(l, 1);
		break;
	default:
		if (c >= 0x20 && c < DEL)
			insert(l, c);
		break;
	}
	return 0;
}

static int edit(struct line *l)
{
	int c, r = 0;

	outs(l->prompt);
	flush();
	while (r == 0) {
		c = get_byte();
		while (c == ESC)	/* an ESC breaking one off starts one */
			c = escape();
		if (c == LE_INTR)
			outs("\n");
		if (c < 0)
			r = c;
		else
			r = key(l, c);
		flush();
	}
	if (r < 0)
		return r;
	l->buf[l->len] = '\0';
	return (int)l->len;
}

/* Not a terminal: the prompt, then bytes up to a newline (one read()
 * each: what follows is for whoever reads next).  A line too long for
 * buf is reported on fd 2 and skipped; a last line without a newline
 * counts. */
static int plain(const char *prompt, char *buf, size_t size)
{
	static const char msg[] = "line too long: skipped\n";
	size_t len = 0;
	int c, too_long = 0;

	outs(prompt);
	flush();
	for (;;) {
		c = get_byte();
		if (c == LE_INTR)
			return c;
		if (c == '\n' || (c == LE_EOF && (len > 0 || too_long))) {
			if (!too_long) {
				buf[len] = '\0';
				return (int)len;
			}
			if (write(2, msg, sizeof(msg) - 1) < 0)
				return LE_EOF;
			if (c == LE_EOF)
				return c;
			len = 0;
			too_long = 0;
			continue;
		}
		if (c == LE_EOF)
			return c;
		if (len + 1 < size)
			buf[len++] = (char)c;
		else
			too_long = 1;
	}
}

int le_readline(const char *prompt, char *buf, size_t size)
{
	struct termios old, raw;
	struct line l;
	int r;

	if (size == 0)
		return LE_EOF;
	if (prompt == NULL)
		prompt = "";
	if (tcgetattr(0, &old) < 0)
		return plain(prompt, buf, size);
	memset(&l, 0, sizeof(l));
	l.intr = -1;
	raw = old;
	if ((old.c_lflag & ISIG) && old.c_cc[VINTR] != _POSIX_VDISABLE) {
		l.intr = old.c_cc[VINTR];
		raw.c_cc[VINTR] = _POSIX_VDISABLE;
	}
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(0, TCSANOW, &raw) < 0)
		return plain(prompt, buf, size);
	l.buf = buf;
	l.size = size;
	l.prompt = prompt;
	l.h = n_hist;
	r = edit(&l);
	free(l.typed);
	tcsetattr(0, TCSANOW, &old);
	return r;
}

void le_history_add(const char *line)
{
	size_t n;
	char *copy;

	if (line == NULL || *line == '\0')
		return;
	if (n_hist > 0 && strcmp(hist[n_hist - 1], line) == 0)
		return;
	n = strlen(line);
	if ((copy = malloc(n + 1)) == NULL)
		return;
	memcpy(copy, line, n + 1);
	if (n_hist == HIST_MAX) {
		free(hist[0]);
		memmove(hist, hist + 1, (HIST_MAX - 1) * sizeof(hist[0]));
		n_hist--;
	}
	hist[n_hist++] = copy;
}
