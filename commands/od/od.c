/* od.c - dump files in octal, hexadecimal or as characters.
 *
 *	od [-bcdox] [-v] [file ...]
 *
 * The files are dumped as one stream, 16 bytes a line, as GNU od does:
 * the offset in 7 octal digits, then the bytes in the chosen format (the
 * last option given wins; one format at a time):
 *
 *	-o (default)	2-byte words in octal, " %06o" each
 *	-x		2-byte words in hexadecimal, " %04x" each
 *	-d		2-byte words in unsigned decimal, " %5u" each
 *	-b		bytes in octal, " %03o" each
 *	-c		bytes as characters, 4 columns each: "   a", the C
 *			escapes "  \0 \a \b \t \n \v \f \r", other bytes in
 *			octal " 377"
 *
 * Words are little-endian (i386); a last odd byte is padded with a zero.
 * A line equal to the line before it is shown as one "*" line (all of
 * them with -v).  The last line is the total length, in octal.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINE	16

static int fmt = 'o', verbose;
static char **files;
static int nfiles, status;
static FILE *cur;

/* Next byte of the stream of all the files, or EOF. */
static int next_byte(void)
{
	int c;

	for (;;) {
		if (cur == NULL) {
			if (nfiles == 0)
				return EOF;
			nfiles--;
			if (strcmp(*files, "-") == 0) {
				cur = stdin;
			} else if ((cur = fopen(*files, "r")) == NULL) {
				fprintf(stderr, "od: %s: %s\n", *files, strerror(errno));
				status = 1;
				files++;
				continue;
			}
			files++;
		}
		if ((c = getc(cur)) != EOF)
			return c;
		if (ferror(cur)) {
			fprintf(stderr, "od: %s: %s\n", files[-1], strerror(errno));
			status = 1;
		}
		if (cur != stdin)
			fclose(cur);
		cur = NULL;
	}
}

static void put_char(int c)
{
	static const char esc[] = "\0\a\b\t\n\v\f\r";
	static const char name[] = "0abtnvfr";
	const char *e;

	if (c != 0 && (e = memchr(esc + 1, c, sizeof(esc) - 2)) != NULL)
		printf("  \\%c", name[e - esc]);
	else if (c == 0)
		printf("  \\0");
	else if (c >= 32 && c < 127)
		printf("   %c", c);
	else
		printf(" %03o", c);
}

static void put_line(const unsigned char *b, int n)
{
	int i, w;

	for (i = 0; i < n; i++) {
		switch (fmt) {
		case 'c':
			put_char(b[i]);
			break;
		case 'b':
			printf(" %03o", b[i]);
			break;
		default:
			w = b[i] | (i + 1 < n ? b[i + 1] << 8 : 0);
			i++;
			printf(fmt == 'x' ? " %04x" : fmt == 'd' ? " %5u" :
			    " %06o", (unsigned)w);
		}
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	unsigned char line[LINE], prev[LINE];
	long long off = 0;
	int c, n, have_prev = 0, starred = 0;
	static char *dash[] = { "-", NULL };

	while ((c = getopt(argc, argv, "+bcdoxv")) != -1) {
		switch (c) {
		case 'b': case 'c': case 'd': case 'o': case 'x':
			fmt = c;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			fprintf(stderr, "usage: od [-bcdox] [-v] [file ...]\n");
			return 1;
		}
	}
	files = optind < argc ? argv + optind : dash;
	nfiles = optind < argc ? argc - optind : 1;
	for (;;) {
		for (n = 0; n < LINE && (c = next_byte()) != EOF; n++)
			line[n] = (unsigned char)c;
		if (n == 0)
			break;
		if (!verbose && n == LINE && have_prev && memcmp(line, prev, LINE) == 0) {
			if (!starred)
				printf("*\n");
			starred = 1;
		} else {
			starred = 0;
			printf("%07llo", off);
			put_line(line, n);
		}
		memcpy(prev, line, LINE);
		have_prev = n == LINE;
		off += n;
		if (n < LINE)
			break;
	}
	printf("%07llo\n", off);
	return fflush(stdout) == 0 ? status : 1;
}
