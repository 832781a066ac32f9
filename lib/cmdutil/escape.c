/* escape.c - cmd_escape(): the backslash escapes that printf and tr
 * share (see cmdutil.h).
 */
#include "cmdutil.h"

int cmd_escape(const char **pp)
{
	const char *p = *pp;
	int c = (unsigned char)*p++, v, n;

	switch (c) {
	case '\\': break;
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'v': c = '\v'; break;
	default:
		if (c < '0' || c > '7')
			return -1;
		v = c - '0';
		for (n = 1; n < 3 && *p >= '0' && *p <= '7'; n++)
			v = v * 8 + (*p++ - '0');
		c = v & 0xff;
	}
	*pp = p;
	return c;
}
