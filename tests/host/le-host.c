/* le-host.c - host driver of the line editor tests (tests/host/lineedit.sh,
 * built with the host compiler): reads lines with le_readline() until the
 * end of input and prints each as "[line]", adding it to the history;
 * "<intr>" for ^C or an interrupted read, "<eof>" at the end; SIGINT and
 * SIGTSTP are caught (no SA_RESTART), SIGTSTP printing "<tstp>".  "!termios" if a
 * call left the terminal settings changed, "!len" if the length returned
 * is not the string's.  argv[1]: the buffer size (default 64).  With
 * "once", only one line is read, then the rest of the input is copied
 * with read() as "rest: ..." (nothing after the line was taken from it).
 *
 *	le-host [SIZE [once]]
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "../../commands/sh/lineedit.h"

static void on_int(int sig)
{
	(void)sig;
}

static void on_tstp(int sig)
{
	(void)sig;
	if (write(1, "<tstp>", 6) < 0)
		_exit(1);
}

static int same(const struct termios *a, const struct termios *b)
{
	return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag &&
	    a->c_lflag == b->c_lflag &&
	    memcmp(a->c_cc, b->c_cc, sizeof(a->c_cc)) == 0;
}

int main(int argc, char **argv)
{
	size_t size = argc > 1 ? (size_t)atoi(argv[1]) : 64;
	char *buf = malloc(size ? size : 1);
	struct sigaction sa;
	struct termios before, after;
	int tty = tcgetattr(0, &before) == 0, once = argc > 2, n;
	char rest[256];
	ssize_t r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_int;	/* no SA_RESTART: read() gives EINTR */
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
	setvbuf(stdout, NULL, _IONBF, 0);
	for (;;) {
		n = le_readline("> ", buf, size);
		if (tty && (tcgetattr(0, &after) != 0 || !same(&before, &after)))
			printf("!termios\n");
		if (n == LE_EOF) {
			printf("<eof>\n");
			break;
		}
		if (n == LE_INTR) {
			printf("<intr>\n");
			continue;
		}
		if (n < 0 || (size_t)n != strlen(buf))
			printf("!len %d\n", n);
		printf("[%s]\n", buf);
		le_history_add(buf);
		if (once) {
			size_t got = 0;
			while (got < sizeof(rest) &&
			    (r = read(0, rest + got, sizeof(rest) - got)) > 0)
				got += (size_t)r;
			printf("rest: %.*s", (int)got, rest);
			break;
		}
	}
	free(buf);
	return 0;
}
