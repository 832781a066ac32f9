/* stat.c - show the status of files, as Linux's stat does.
 *
 *	stat [-L] [-c format] file ...
 *
 * Without -c, GNU's default layout (sizes, blocks, inode, links, mode,
 * owner, times; device numbers as hex/decimal).  A symbolic link is
 * described itself unless -L.  -c prints format for each file, with a
 * newline, taking these of GNU's conversions, each with optional printf
 * flags and width (%-10s):
 *
 *	%a mode in octal	%A mode as ls shows it	%b blocks (512 bytes)
 *	%B 512			%d device (decimal)	%D device (hex)
 *	%f raw mode (hex)	%F file type		%g gid	%G group name
 *	%h links		%i inode		%n name
 *	%N name, -> target for a link			%o I/O block size
 *	%s size			%t %T major, minor of a device (hex)
 *	%u uid	%U user name	%x %y %z access, modify, change times
 *	%X %Y %Z the same in seconds since the epoch	%% a percent sign
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "../../lib/cmdutil/cmdutil.h"

#define DEFAULT_FMT \
	"  File: %N\n" \
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" \
	"Device: %Dh/%dd\tInode: %-11i Links: %h\n" \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" \
	"Access: %x\n" \
	"Modify: %y\n" \
	"Change: %z\n" \
	" Birth: -"
#define DEVICE_FMT \
	"  File: %N\n" \
	"  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" \
	"Device: %Dh/%dd\tInode: %-11i Links: %-5h Device type: %t,%T\n" \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" \
	"Access: %x\n" \
	"Modify: %y\n" \
	"Change: %z\n" \
	" Birth: -"

static void usage(void)
{
	fprintf(stderr, "usage: stat [-L] [-c format] file ...\n");
	exit(1);
}

static const char *file_type(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG: return st->st_size ? "regular file" : "regular empty file";
	case S_IFDIR: return "directory";
	case S_IFLNK: return "symbolic link";
	case S_IFCHR: return "character special file";
	case S_IFBLK: return "block special file";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "socket";
	}
	return "weird file";
}

/* The mode as ls -l shows it: "-rw-r--r--". */
static void mode_string(mode_t m, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";

	s[0] = types[(m >> 12) & 15];
	s[1] = m & S_IRUSR ? 'r' : '-';
	s[2] = m & S_IWUSR ? 'w' : '-';
	s[3] = m & S_ISUID ? (m & S_IXUSR ? 's' : 'S') : (m & S_IXUSR ? 'x' : '-');
	s[4] = m & S_IRGRP ? 'r' : '-';
	s[5] = m & S_IWGRP ? 'w' : '-';
	s[6] = m & S_ISGID ? (m & S_IXGRP ? 's' : 'S') : (m & S_IXGRP ? 'x' : '-');
	s[7] = m & S_IROTH ? 'r' : '-';
	s[8] = m & S_IWOTH ? 'w' : '-';
	s[9] = m & S_ISVTX ? (m & S_IXOTH ? 't' : 'T') : (m & S_IXOTH ? 'x' : '-');
	s[10] = '\0';
}

/* A time as GNU prints it (we have whole seconds and UTC only). */
static void time_string(time_t t, char *buf, size_t size)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M:%S.000000000 +0000", &tm);
}

/* Print one conversion c with the printf flags and width in spec. */
static void conv(char c, const char *spec, const char *name,
	const struct stat *st)
{
	char fmt[32], buf[1100], target[1024];
	long long num = 0;
	int is_num = 1, hex = 0;
	ssize_t n;

	switch (c) {
	case 'a': num = st->st_mode & 07777; hex = 8; break;
	case 'b': num = st->st_blocks; break;
	case 'B': num = 512; break;
	case 'd': num = st->st_dev; break;
	case 'D': num = st->st_dev; hex = 16; break;
	case 'f': num = st->st_mode; hex = 16; break;
	case 'g': num = st->st_gid; break;
	case 'h': num = st->st_nlink; break;
	case 'i': num = st->st_ino; break;
	case 'o': num = st->st_blksize; break;
	case 's': num = st->st_size; break;
	case 't': num = (st->st_rdev >> 8) & 0xff; hex = 16; break;
	case 'T': num = st->st_rdev & 0xff; hex = 16; break;
	case 'u': num = st->st_uid; break;
	case 'X': num = st->st_atime; break;
	case 'Y': num = st->st_mtime; break;
	case 'Z': num = st->st_ctime; break;
	default: is_num = 0; break;
	}
	if (is_num) {
		snprintf(fmt, sizeof(fmt), "%%%sll%c", spec,
		    hex == 8 ? 'o' : hex == 16 ? 'x' : 'd');
		printf(fmt, num);
		return;
	}
	switch (c) {
	case 'A': mode_string(st->st_mode, buf); break;
	case 'F': snprintf(buf, sizeof(buf), "%s", file_type(st)); break;
	case 'n': snprintf(buf, sizeof(buf), "%s", name); break;
	case 'N':
		if (S_ISLNK(st->st_mode) &&
		    (n = readlink(name, target, sizeof(target) - 1)) >= 0) {
			target[n] = '\0';
			snprintf(buf, sizeof(buf), "%s -> %s", name, target);
		} else {
			snprintf(buf, sizeof(buf), "%s", name);
		}
		break;
	case 'U':
	case 'G':
		if (cmd_name_of(c == 'U' ? (long)st->st_uid : (long)st->st_gid,
		    c == 'G', buf, sizeof(buf)) < 0)
			strcpy(buf, "UNKNOWN");
		break;
	case 'x': time_string(st->st_atime, buf, sizeof(buf)); break;
	case 'y': time_string(st->st_mtime, buf, sizeof(buf)); break;
	case 'z': time_string(st->st_ctime, buf, sizeof(buf)); break;
	default:
		/* Not a conversion: printed as it is, as GNU does. */
		printf("%%%s%c", spec, c);
		return;
	}
	snprintf(fmt, sizeof(fmt), "%%%ss", spec);
	printf(fmt, buf);
}

/* Print format for one file. */
static void show(const char *format, const char *name, const struct stat *st)
{
	char spec[16];
	const char *p;
	size_t n;

	for (p = format; *p; p++) {
		if (*p != '%') {
			putchar(*p);
			continue;
		}
		if (p[1] == '%') {
			putchar('%');
			p++;
			continue;
		}
		/* Flags, width and precision, then the conversion letter. */
		n = strspn(p + 1, "-+ #0123456789.");
		if (n >= sizeof(spec) || p[1 + n] == '\0') {
			fputs(p, stdout);
			break;
		}
		memcpy(spec, p + 1, n);
		spec[n] = '\0';
		p += 1 + n;
		conv(*p, spec, name, st);
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	const char *format = NULL;
	struct stat st;
	int c, i, opt_L = 0, status = 0;

	while ((c = getopt(argc, argv, "Lc:")) != -1) {
		switch (c) {
		case 'L': opt_L = 1; break;
		case 'c': format = optarg; break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (i = optind; i < argc; i++) {
		if ((opt_L ? stat : lstat)(argv[i], &st) < 0) {
			fprintf(stderr, "stat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		show(format ? format : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ?
		    DEVICE_FMT : DEFAULT_FMT, argv[i], &st);
	}
	if (fflush(stdout) == EOF)
		status = 1;
	return status;
}
