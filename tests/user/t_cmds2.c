/* t_cmds2.c - in-guest tests of the commands that change files and their
 * attributes (touch ln chmod chown stat sync truncate readlink dd du),
 * on the ext2 root under /tmp/cw2, exact output and exit status.  Block
 * counts are exact here, for the root's block size (statvfs): a file of
 * 1 byte up to a block has a block's sectors, a directory of a few names
 * one block, a fast symbolic link or a hole none.  The
 * same commands are tested on the host by tests/host/cmds-files.sh.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <time.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "tu.h"

#define D	"/tmp/cw2"
#define OUT_MAX	2048

static int sh(const char *cmd, char *out)
{
	char *argv[] = { "/bin/sh", "-c", (char *)cmd, NULL };
	int st = tu_capture(argv, NULL, 1, out, OUT_MAX);

	if (st < 0)
		return -1;
	return WIFSIGNALED(st) ? 256 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* SH(cmd, want, status), run in D. */
#define SH(cmd, want, status)						\
	do {								\
		static char out_[OUT_MAX];				\
		int st_ = sh("cd " D " && " cmd, out_);			\
		if (st_ != (status) || strcmp(out_, (want)) != 0)	\
			T_FAIL("%s: status %d (want %d), output \"%.100s\" " \
			    "(want \"%.100s\")", (cmd), st_, (status), out_, \
			    (want));					\
	} while (0)

/* SHW(cmd, status, format, ...): as SH, the output wanted made by
 * snprintf (block counts). */
#define SHW(cmd, status, ...)						\
	do {								\
		static char want_[OUT_MAX];				\
		snprintf(want_, sizeof(want_), __VA_ARGS__);		\
		SH(cmd, want_, status);					\
	} while (0)

static int bsize, sect;		/* the root's block size, its 512-byte sectors */

static int fresh(void)
{
	char out[OUT_MAX];

	struct statvfs sv;

	sh("rm -rf " D, out);
	T_EQ(mkdir(D, 0755), 0);
	T_EQ(statvfs(D, &sv), 0);
	bsize = (int)sv.f_bsize;
	sect = bsize / 512;
	return 0;
}

int test_cmd_touch_ln_chmod(void)
{
	if (fresh())
		return 1;
	SH("touch a && stat -c '%s %F %a' a", "0 regular empty file 644\n", 0);
	SH("touch -c none; ls", "a\n", 0);
	SH("touch -m a && touch -a a && touch a && echo ok", "ok\n", 0);
	SH("touch nodir/f", "touch: nodir/f: No such file or directory\n", 1);
	SH("echo x > f && ln f g && stat -c '%h %i' f | cut -d' ' -f1 && cat g",
	    "2\nx\n", 0);
	SH("ln -s f s && readlink s && stat -c '%F %N' s && stat -L -c %F s",
	    "f\nsymbolic link s -> f\nregular file\n", 0);
	SH("ln f g", "ln: g: File exists\n", 1);
	SH("ln -sf a s && readlink s", "a\n", 0);
	SH("mkdir d && ln f s d && ls d", "f\ns\n", 0);
	SH("chmod 751 f && stat -c %a f", "751\n", 0);
	SH("chmod u-x,g+w,o=r f && stat -c %A f", "-rw-rwxr--\n", 0);
	SH("chmod a=rX d && stat -c %a d", "555\n", 0);
	SH("chmod -w g && stat -c %a g", "474\n", 0);	/* g is f; umask 022 */
	SH("chmod 1777 d && stat -c %A d", "drwxrwxrwt\n", 0);
	SH("chmod u+q f", "chmod: invalid mode: u+q\n", 1);
	SH("chmod 644 none", "chmod: none: No such file or directory\n", 1);
	SH("chown 100:100 f && stat -c '%u %g %U %G' f", "100 100 user users\n", 0);
	SH("chown daemon f && stat -c '%U:%G' f", "daemon:users\n", 0);
	SH("chown -h :1 s && stat -c '%g' s && stat -L -c '%g' s", "1\n0\n", 0);
	SH("chown nobody f", "chown: invalid user: nobody\n", 1);
	return 0;
}

int test_cmd_stat_trunc_dd(void)
{
	if (fresh())
		return 1;
	/* stat's default layout; the times vary, so they are cut. */
	SHW("printf 12345 > f && chmod 640 f && stat f | grep -v -e ': 20' -e ^Device",
	    0, "  File: f\n"
	    "  Size: 5         \tBlocks: %-10d IO Block: %-6d regular file\n"
	    "Access: (0640/-rw-r-----)  Uid: (    0/    root)   Gid: (    0/    root)\n"
	    " Birth: -\n", sect, bsize);
	SH("stat f | grep -c '^Device: 2h/2d\tInode: [0-9]* *Links: 1$'", "1\n", 0);
	SH("stat f | grep -c '^Modify: 20[0-9-]* [0-9:]*\\.000000000 +0000$'", "1\n", 0);
	SHW("stat -c '%n|%-4s|%4h|%o|%B|%%|%q' f", 0, "f|5   |   1|%d|512|%%|%%q\n", bsize);
	SH("stat -c '%F %t,%T' /dev/null", "character special file 1,0\n", 0);
	SH("stat nofile", "stat: nofile: No such file or directory\n", 1);
	SH("stat -c '%Y' /etc/motd | grep -c '^[0-9][0-9]*$'", "1\n", 0);
	/* truncate: exact sizes, a hole costs no blocks. */
	SH("truncate -s 10M big && stat -c '%s %b' big", "10485760 0\n", 0);
	SH("truncate -s +1K big && truncate -s -10M big && stat -c %s big", "1024\n", 0);
	SHW("printf abcdef > t && truncate -s 3 t && cat t && truncate -s 1k t && "
	    "stat -c '%s %b' t", 0, "abc1024 %d\n", sect);
	SH("truncate -c -s 1 none; ls none", "ls: none: No such file or directory\n", 1);
	SH("truncate -s 1X t", "truncate: invalid size: 1X\n", 1);
	/* dd: records, skip, seek, notrunc, onto a device and back. */
	SH("dd if=/test/4k of=c bs=1000 2>&1 && od -x c > o1 && od -x /test/4k > o2 && "
	    "[ \"$(cat o1)\" = \"$(cat o2)\" ] && echo same",
	    "4+1 records in\n4+1 records out\nsame\n", 0);
	SH("printf XXXXXX > n && printf abcdefghij > i && "
	    "dd if=i of=n bs=2 skip=1 seek=1 count=1 conv=notrunc && cat n",
	    "1+0 records in\n1+0 records out\nXXcdXX", 0);
	SH("dd if=i of=n bs=2 skip=2 seek=1 count=1 2>/dev/null && cat n", "XXef", 0);
	SH("dd if=i ibs=4 obs=3 2>&1 >/dev/null", "2+1 records in\n3+1 records out\n", 0);
	SH("dd if=/dev/zero bs=1k count=3 | wc -c", "3+0 records in\n3+0 records out\n3072\n", 0);
	SH("dd if=/test/4k of=/dev/ram2 bs=512 seek=3 2>/dev/null && "
	    "dd if=/dev/ram2 bs=512 skip=3 count=8 2>/dev/null | od -x > o3 && "
	    "[ \"$(cat o3)\" = \"$(cat o2)\" ] && echo same",
	    "same\n", 0);
	SH("dd if=none", "dd: none: No such file or directory\n0+0 records in\n0+0 records out\n", 1);
	SH("dd bs=0", "dd: block sizes must be 1 to 64M\n", 1);
	SH("dd foo=1", "dd: unknown operand foo=1\nusage: dd [if=file] [of=file] [bs=n] "
	    "[ibs=n] [obs=n] [count=n] [skip=n] [seek=n] [conv=notrunc]\n", 1);
	SH("sync && sync x", "usage: sync\n", 1);
	return 0;
}

int test_cmd_readlink_du(void)
{
	if (fresh())
		return 1;
	SH("mkdir -p a/b && ln -s ../f a/up && ln -s /tmp/cw2/a ab && echo x > f && "
	    "readlink -f a/b/../up ab/b/../../f ./a//b/none", "/tmp/cw2/f\n/tmp/cw2/f\n"
	    "/tmp/cw2/a/b/none\n", 0);
	SH("readlink f; echo $?", "1\n", 0);
	SH("readlink -n ab", "/tmp/cw2/a", 0);
	SH("ln -s loop loop && readlink -f loop",
	    "readlink: loop: Too many levels of symbolic links\n", 1);
	SH("readlink -f none/x", "readlink: none/x: No such file or directory\n", 1);
	/* du: directories of one block, fast symbolic links of none. */
	SHW("rm -f loop && du a", 0, "%d\ta/b\n%d\ta\n", sect, 2 * sect);
	SHW("du -k a", 0, "%d\ta/b\n%d\ta\n", (sect + 1) / 2, sect);
	SHW("du -a a", 0, "%d\ta/b\n0\ta/up\n%d\ta\n", sect, 2 * sect);
	SHW("du -s . && du -sk .", 0, "%d\t.\n%d\t.\n", 4 * sect, 2 * sect);
	SHW("ln f g && du -s . && du -a . | grep -c g", 1, "%d\t.\n0\n", 4 * sect);
	SH("truncate -s 1M h && du h", "0\th\n", 0);
	SH("du none", "du: none: No such file or directory\n", 1);
	SH("du -a -s", "usage: du [-a | -s] [-k] [file ...]\n", 1);
	return 0;
}

/* utimes(): both times, whole seconds; NULL is now; bad microseconds. */
int test_utimes(void)
{
	struct timeval tv[2] = { { 1000, 999999 }, { 2000, 0 } };
	struct stat st;
	time_t now;

	if (fresh())
		return 1;
	T_EQ(close(creat(D "/u", 0644)), 0);
	T_EQ(utimes(D "/u", tv), 0);
	T_EQ(stat(D "/u", &st), 0);
	T_EQ(st.st_atime, 1000);
	T_EQ(st.st_mtime, 2000);
	now = time(NULL);
	T_EQ(utimes(D "/u", NULL), 0);
	T_EQ(stat(D "/u", &st), 0);
	T_TRUE(st.st_atime >= now && st.st_atime <= now + 2);
	T_EQ(st.st_mtime, st.st_atime);
	tv[1].tv_usec = 1000000;
	T_ERR(utimes(D "/u", tv), EINVAL);
	T_ERR(utimes(D "/none", NULL), ENOENT);
	return 0;
}
