/* sig2str-host.h - forced (-include) into the host builds of our
 * programs that call sig2str() and str2sig(): ours (lib/libc/sig2str.c,
 * compiled with them) renamed, so the host C library's are never used,
 * and declared, as host C libraries may lack them.
 */
#include <signal.h>

#define sig2str	mg_sig2str
#define str2sig	mg_str2sig
#undef SIG2STR_MAX
#define SIG2STR_MAX	8

int sig2str(int signum, char *str);
int str2sig(const char *restrict str, int *restrict pnum);
