/* more.c - page through files on the terminal.
 *
 *	more [file ...]
 *
 * When stdout is a terminal, more shows 23 lines, then a "--More--"
 * prompt and waits for one key, read from /dev/tty in non-canonical mode
 * without echo: space shows the next page, enter the next line, q quits.
 * Lines are counted by '\n' (long lines are not folded).  When stdout is
 * not a terminal more copies its input, like cat.  Several files are
 * shown one after the other, each under a ":::: name ::::" header when
 * paging.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define PAGE_LINES	23
#define PROMPT		"--More--"

static int tty_fd = -1;
static struct termios saved;
static int left = PAGE_LINES;	/* lines before the next prompt */

static void restore(void)
{
	if (tty_fd >= 0)
		tcsetattr(tty_fd, TCSANOW, &saved);
}

/* Prompt and read one key; the number of lines to show next, 0 to quit. */
static int ask(void)
{
	unsigned char c;
	ssize_t n;

	fputs(PROMPT, stdout);
	fflush(stdout);
	for (;;) {
		n = read(tty_fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || c == 'q' || c == 'Q')
			c = 'q';
		if (c == ' ' || c == '\n' || c == '\r' || c == 'q')
			break;
	}
	fputs("\r" "        " "\r", stdout);	/* erase the prompt */
	if (c == 'q')
		return 0;
	return c == ' ' ? PAGE_LINES : 1;
}

/* Show f, prompting every page; 0, 1 to quit, -1 on a read error. */
static int page(FILE *f)
{
	int c;

	while ((c = getc(f)) != EOF) {
		if (left == 0 && (left = ask()) == 0)
			return 1;
		putchar(c);
		if (c == '\n')
			left--;
	}
	return ferror(f) ? -1 : 0;
}

static int copy(FILE *f)
{
	char buf[4096];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	return ferror(f) ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct termios raw;
	int c, i, r, status = 0, paging;
	FILE *f;

	while ((c = getopt(argc, argv, "+")) != -1) {
		fprintf(stderr, "usage: more [file ...]\n");
		return 1;
	}
	paging = isatty(STDOUT_FILENO);
	if (paging) {
		if ((tty_fd = open("/dev/tty", O_RDONLY)) < 0 ||
		    tcgetattr(tty_fd, &saved) < 0) {
			if (tty_fd >= 0)
				close(tty_fd);
			tty_fd = -1;
			paging = 0;	/* no terminal to ask: copy */
		} else {
			raw = saved;
			raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
#ifdef VMIN
			raw.c_cc[VMIN] = 1;	/* the host's termios */
			raw.c_cc[VTIME] = 0;
#endif
			tcsetattr(tty_fd, TCSANOW, &raw);
			atexit(restore);
		}
	}
	for (i = optind; i < argc || i == optind; i++) {
		const char *name = i < argc ? argv[i] : "-";
		int std = strcmp(name, "-") == 0;

		if ((f = std ? stdin : fopen(name, "r")) == NULL) {
			fprintf(stderr, "more: %s: %s\n", name, strerror(errno));
			status = 1;
			continue;
		}
		if (paging && argc - optind > 1) {
			printf("::::::::::::::\n%s\n::::::::::::::\n", name);
			left -= 3;
			if (left < 0)
				left = 0;
		}
		r = paging ? page(f) : copy(f);
		if (r < 0) {
			fprintf(stderr, "more: %s: %s\n", name, strerror(errno));
			status = 1;
		}
		if (!std)
			fclose(f);
		if (r > 0)
			break;
	}
	return fflush(stdout) == 0 ? status : 1;
}
