/* termios.h - terminal settings (the subset the tty driver honours). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
#define NCCS 12

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

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int actions, const struct termios *t);
#define TCSANOW 0
#endif
