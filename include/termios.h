/* termios.h - terminal settings (the subset the tty driver honours). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
#define NCCS 19 /* as Linux's kernel struct termios */

struct termios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_cc[NCCS];
};

/* c_lflag */
#define ISIG   0x0001 /* ^C, ^\ send signals */
#define ICANON 0x0002 /* line editing, lines on read */
#define ECHO   0x0008
#define ECHOE  0x0010 /* erase with backspace-space-backspace */
/* c_oflag */
#define OPOST  0x0001 /* \n -> \r\n */
/* c_iflag */
#define ICRNL  0x0100 /* \r -> \n on input */
/* c_cc */
#define VINTR  0
#define VQUIT  1
#define VERASE 2
#define VKILL  3
#define VEOF   4
#define VTIME  5  /* non-canonical: read timeout (not honoured: must be 0) */
#define VMIN   6  /* non-canonical: bytes a read waits for */
#define VSUSP  10 /* ^Z: SIGTSTP to the foreground group (with ISIG) */
#define VWERASE 14 /* ^W: erase the word before the cursor */
/* A c_cc entry set to this is disabled. */
#define _POSIX_VDISABLE 0

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int actions, const struct termios *t);
#define TCSANOW 0
#define TCOOFF 0 /* ioctl TCXONC: hold output, restart it */
#define TCOON 1
#endif
