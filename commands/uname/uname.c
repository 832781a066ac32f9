/* uname.c - print the name of the system.
 *
 *	uname [-amnrsv]
 *
 * The fields (there is no uname() system call yet; they are fixed here):
 *	-s  Minix		the system's name, as MINIX 3 prints it
 *	-n  minix		the node name (no host names yet)
 *	-r  0.7			the release (this tree's issue number)
 *	-v  minix-grants	the version: which MINIX-style system
 *	-m  i386		the machine (32-bit x86)
 * -a prints all five in the order s n r v m; no option means -s.
 */
#include <stdio.h>
#include <unistd.h>

#define SYSNAME		"Minix"
#define NODENAME	"minix"
#define RELEASE		"0.7"
#define VERSION		"minix-grants"
#define MACHINE		"i386"

int main(int argc, char **argv)
{
	static const struct {
		int opt;
		const char *value;
	} fields[] = {
		{ 's', SYSNAME }, { 'n', NODENAME }, { 'r', RELEASE },
		{ 'v', VERSION }, { 'm', MACHINE },
	};
	unsigned int want = 0, i;
	const char *sep = "";
	int c;

	while ((c = getopt(argc, argv, "+amnrsv")) != -1) {
		if (c == 'a') {
			want = 0x1f;
			continue;
		}
		for (i = 0; i < 5; i++)
			if (fields[i].opt == c)
				want |= 1u << i;
		if (c == '?') {
			fprintf(stderr, "usage: uname [-amnrsv]\n");
			return 1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "usage: uname [-amnrsv]\n");
		return 1;
	}
	if (want == 0)
		want = 1;
	for (i = 0; i < 5; i++) {
		if (want & (1u << i)) {
			printf("%s%s", sep, fields[i].value);
			sep = " ";
		}
	}
	putchar('\n');
	return fflush(stdout) == 0 ? 0 : 1;
}
