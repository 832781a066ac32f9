/* hello.c - the example character driver (docs/writing-drivers.md):
 * /dev/hello (major 17, minor 0) reads as "Hello, World! (open N)\n",
 * N the number of opens so far, and then end of file.  The count outlives
 * a crash: it is kept in DS (ds_publish_u32 at every open) and read back
 * when RS restarts the driver (SEF_INIT_RESTART).  select() finds the
 * device always ready.  Not a boot service: started at run time,
 *
 *	mknod /dev/hello c 17 0
 *	service up /bin/hello -dev /dev/hello
 *
 * with hello.conf beside the program.
 */
#include <stdio.h>
#include <string.h>
#include <minix/drivers.h>
#include <minix/chardriver.h>
#include <minix/ds.h>

#define COUNTER_KEY	"hello.opens"	/* DS key of the open counter */

static u32_t opens;

static int hello_open(devminor_t minor, int access, endpoint_t user)
{
	int r;

	(void)access, (void)user;
	if (minor != 0)
		return ENXIO;
	opens++;
	/* Save it now: a crash gives no chance later. */
	if ((r = ds_publish_u32(COUNTER_KEY, opens, DSF_OVERWRITE)) != OK)
		printf("hello: cannot save the counter: %d\n", r);
	return OK;
}

static int hello_close(devminor_t minor)
{
	(void)minor;
	return OK;
}

/* The text from position pos on: the whole of it, then end of file. */
static ssize_t hello_read(devminor_t minor, u64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	char text[48];
	size_t len, n;
	int r;

	(void)flags, (void)id;
	if (minor != 0)
		return ENXIO;
	snprintf(text, sizeof(text), "Hello, World! (open %u)\n", (unsigned)opens);
	len = strlen(text);
	if (pos >= len)
		return 0;
	n = len - (size_t)pos < size ? len - (size_t)pos : size;
	if ((r = sys_safecopyto(endpt, grant, 0, (vir_bytes)(text + pos), n)) != OK)
		return r;
	return (ssize_t)n;
}

/* Reads never wait: always ready (and a write fails at once). */
static int hello_select(devminor_t minor, unsigned int ops, endpoint_t endpt)
{
	(void)endpt;
	if (minor != 0)
		return ENXIO;
	return (int)(ops & (CDEV_OP_RD | CDEV_OP_WR));
}

static struct chardriver hello_tab = {
	.cdr_open = hello_open,
	.cdr_close = hello_close,
	.cdr_read = hello_read,
	.cdr_select = hello_select,
};

/* A fresh start counts from 0; a restart goes on from what DS kept. */
static int hello_init(int type, sef_init_info_t *info)
{
	(void)info;
	opens = 0;
	if (type == SEF_INIT_RESTART && ds_retrieve_u32(COUNTER_KEY, &opens) != OK)
		opens = 0;
	ds_publish_u32(COUNTER_KEY, opens, DSF_OVERWRITE);
	printf("hello: %s, %u opens so far\n",
	    type == SEF_INIT_RESTART ? "restarted" : "started", (unsigned)opens);
	return chardriver_announce();	/* "hello" in DS: VFS finds it */
}

int main(void)
{
	sef_setcb_init_fresh(hello_init);
	sef_setcb_init_restart(hello_init);
	sef_startup();
	chardriver_task(&hello_tab);
	return 0;
}
