/* getopt.c - POSIX getopt(): single-letter options from argv.
 *
 * Options are scanned up to the first operand ("-" alone is an operand)
 * or "--" (skipped); argv is never permuted.  Letters may be grouped
 * ("-ab"); an option's argument ("x:" in optstring) is the rest of its
 * element or the next element; "x::" takes only an attached argument.  A
 * leading '+' in optstring is accepted and ignored, a leading ':' (after
 * it) makes a missing argument return ':' and silences the messages.
 * Setting optind to 0 restarts the scan (as in glibc); setting it to 1
 * does too, unless the last call stopped inside a group in argv[1].
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt;

static int next_char;	/* where in argv[scan_ind] the next letter is */
static int scan_ind;	/* the optind next_char belongs to */

/* Done with argv[optind]: the next letter is in the next element. */
static void next_element(int skip)
{
	optind += skip;
	next_char = 0;
}

static int complain(const char *prog, const char *what, int c, int quiet)
{
	if (opterr && !quiet)
		fprintf(stderr, "%s: %s -- %c\n", prog, what, c);
	return '?';
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *arg, *spec, *prog;
	int c, quiet, r;

	if (optind == 0) {
		optind = 1;
		scan_ind = 0;
	}
	optarg = NULL;
	if (optind >= argc || argv[optind] == NULL) {
		next_char = 0;
		return -1;
	}
	/* optind moved by the caller, or another argv: start over. */
	if (optind != scan_ind || strlen(argv[optind]) <= (size_t)next_char)
		next_char = 0;
	if (*optstring == '+')
		optstring++;
	quiet = *optstring == ':';
	prog = argc > 0 && argv[0] != NULL ? argv[0] : "getopt";

	if (next_char == 0) {
		arg = argv[optind];
		if (arg[0] != '-' || arg[1] == '\0')
			return -1;		/* an operand */
		if (arg[1] == '-' && arg[2] == '\0') {
			optind++;		/* "--" ends the options */
			return -1;
		}
		next_char = 1;
	}

	arg = argv[optind];
	c = (unsigned char)arg[next_char++];
	spec = c != ':' && c != '+' ? strchr(optstring, c) : NULL;
	if (spec == NULL) {
		optopt = c;
		if (arg[next_char] == '\0')
			next_element(1);
		r = complain(prog, "illegal option", c, quiet);
	} else if (spec[1] != ':') {		/* no argument */
		if (arg[next_char] == '\0')
			next_element(1);
		r = c;
	} else if (arg[next_char] != '\0') {	/* attached argument */
		optarg = (char *)&arg[next_char];
		next_element(1);
		r = c;
	} else if (spec[2] == ':') {		/* optional, and absent */
		next_element(1);
		r = c;
	} else if (optind + 1 < argc) {	/* argument in the next element */
		optarg = argv[optind + 1];
		next_element(2);
		r = c;
	} else {
		optopt = c;
		next_element(1);
		r = quiet ? ':' :
		    complain(prog, "option requires an argument", c, quiet);
	}
	scan_ind = optind;
	return r;
}
