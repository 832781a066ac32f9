/* sys/ioctl.h - ioctl requests of the tty (Linux numbers). */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
#define TCGETS     0x5401 /* struct termios */
#define TCSETS     0x5402
#define TCXONC     0x540a /* int: TCOOFF or TCOON (termios.h) */
#define TIOCGPGRP  0x540f /* pid_t: the foreground process group */
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413
/* Ours: the tty's counts (lines typed, lines dropped whole because the
 * input queue was full, bytes waiting to be read, bytes waiting to be
 * sent). */
#define TIOCGLINES 0x54e0
struct tty_lines {
	unsigned typed, dropped;
	int queued, out_queued;
};
int ioctl(int fd, unsigned long request, ...);
#endif
