/* cdevtest.c - a small character driver for VFS's tests, started with
 * `service up /bin/cdevtest` (its .conf beside it) and reached as
 * /dev/cdevtest (minor 0) and /dev/cdevhang (minor 1).
 *
 *	minor 0	reads give "cdevtest N\n" (N: how often this instance
 *		started, kept in DS), writes take everything
 *	minor 1	reads are never answered (a stuck driver); a CDEV_CANCEL
 *		ends such a read with EINTR, as a driver must
 *	minor 2	reads give "open=A read=F\n": the flags of its last open
 *		(CDEV_R_BIT, CDEV_W_BIT, CDEV_NOCTTY) and of this read
 *		(CDEV_NONBLOCK), as VFS sent them
 *	minor 3	reads are answered with a wrong id (a protocol violation)
 *	minor 4	reads are never answered, nor their CDEV_CANCEL (a driver
 *		whose answers go nowhere: VFS restarts it after CDEV_TIMEOUT)
 *	minor 5	opens are never answered (likewise)
 *	minor 6	reads are answered to DS instead of VFS (a driver whose
 *		answers go to the wrong process: DS reports it to RS)
 *	minor 7	reads are answered with a message of a type VFS does not
 *		know (an answer whose type a fault changed)
 *	minor 8	reads are answered to a process that does not exist
 *		(libchardriver stops the driver: RS restarts it)
 *	minor 9	reads copy 4 bytes and are answered for the whole buffer
 *		(a driver that claims a transfer it did not make: VFS sees
 *		it in the grant's count and restarts it)
 *
 * select (CDEV_SELECT): minors 0 and 2 are always ready to read and
 * write; minor 1 never is (a CDEV_NOTIFY is taken and never acted on).
 *
 * Opens and closes of the others are answered at once.  libchardriver answers
 * with asynsend, so VFS never waits for it.
 */
#include <stdio.h>
#include <string.h>
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/ds.h>
#include <minix/chardriver.h>

#define HUNG_MAX 16

static uint32_t starts;
static int last_access;		/* of minor 2's last open */
static struct { endpoint_t ep; cdev_id_t id; int used; } hung[HUNG_MAX];

static int ct_open(devminor_t minor, int access, endpoint_t user)
{
	(void)user;
	if (minor == 2)
		last_access = access;
	if (minor == 5)
		return EDONTREPLY;	/* never answered */
	return minor >= 0 && minor <= 9 ? OK : ENXIO;
}

static int ct_close(devminor_t minor)
{
	(void)minor;
	return OK;
}

static ssize_t ct_read(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	char text[32];
	size_t n;
	int i;

	(void)pos;
	if (minor == 1) {
		for (i = 0; i < HUNG_MAX; i++)
			if (!hung[i].used) {
				hung[i].used = 1;
				hung[i].ep = endpt;
				hung[i].id = id;
				return EDONTREPLY;	/* never answered */
			}
		return EAGAIN;
	}
	if (minor == 4)
		return EDONTREPLY;	/* never answered, nor cancelled */
	if (minor == 6) {
		chardriver_reply_task(DS_PROC_NR, id, 0);
		return EDONTREPLY;	/* answered, to the wrong process */
	}
	if (minor == 8) {
		chardriver_reply_task(_ENDPOINT(_ENDPOINT_MAX_GENERATION,
		    NR_PROCS - 1), id, 0);
		return EDONTREPLY;	/* not reached */
	}
	if (minor == 7) {
		message m;

		memset(&m, 0, sizeof(m));
		m.m_type = CDEV_REPLY + 0x20;	/* no such type */
		m.m_lchardriver_vfs_reply.id = id;
		asynsend(endpt, &m);
		return EDONTREPLY;
	}
	if (minor == 9) {
		if (size < 4 || sys_safecopyto(endpt, grant, 0, (vir_bytes)"lie!", 4) != OK)
			return EINVAL;
		return (ssize_t)size;
	}
	if (minor == 3) {
		chardriver_reply_task(endpt, id + 0x40000000, 0);
		return EDONTREPLY;	/* the right id is never answered */
	}
	if (minor == 2)
		snprintf(text, sizeof(text), "open=%d read=%d\n", last_access, flags);
	else
		snprintf(text, sizeof(text), "cdevtest %u\n", (unsigned)starts);
	n = strlen(text) < size ? strlen(text) : size;
	if (sys_safecopyto(endpt, grant, 0, (vir_bytes)text, n) != OK)
		return EFAULT;
	return (ssize_t)n;
}

static ssize_t ct_write(devminor_t minor, uint64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	(void)minor, (void)pos, (void)endpt, (void)grant, (void)flags, (void)id;
	return (ssize_t)size;
}

static int ct_cancel(devminor_t minor, endpoint_t endpt, cdev_id_t id)
{
	int i;

	if (minor == 4)
		return EDONTREPLY;	/* the cancel is never answered */
	for (i = 0; i < HUNG_MAX; i++)
		if (hung[i].used && hung[i].ep == endpt && hung[i].id == id) {
			hung[i].used = 0;
			return EINTR;
		}
	return EDONTREPLY;	/* answered already */
}

static int ct_select(devminor_t minor, unsigned int ops, endpoint_t endpt)
{
	(void)endpt;
	if (minor < 0 || minor > 4)
		return ENXIO;
	return minor == 1 ? 0 : (int)(ops & (CDEV_OP_RD | CDEV_OP_WR));
}

static const struct chardriver ct_tab = {
	.cdr_open = ct_open,
	.cdr_close = ct_close,
	.cdr_read = ct_read,
	.cdr_write = ct_write,
	.cdr_cancel = ct_cancel,
	.cdr_select = ct_select,
};

static int init(int type, sef_init_info_t *info)
{
	(void)info;
	if (type != SEF_INIT_RESTART ||
	    ds_retrieve_u32("cdevtest.starts", &starts) != OK)
		starts = 0;
	starts++;
	ds_publish_u32("cdevtest.starts", starts, DSF_OVERWRITE);
	return chardriver_announce();
}

int main(void)
{
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	chardriver_task(&ct_tab);
	return 0;
}
