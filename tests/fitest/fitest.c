/* fitest.c - a small service for the supervision tests (test.iso, and
 * /bin/fitest for `service up`):
 * it answers requests in the SEF loop, so RS's heartbeat and `service fi`
 * reach it, and on request it panics, exits, hangs or calls another.  It publishes its
 * label in DS at every start (chardriver_announce()); FIT_DMA and
 * FIT_KCALL reach the fault injector's hooks (docs/fault-injection.md); if the DS number
 * "fitest.crash" is set it panics at once (a service that crashes at
 * every start).  Started as "fitest spin" it hangs right after its start;
 * as "fitest initfail" its init callback returns EINVAL (`service up`
 * fails with it).
 */
#include <stdio.h>
#include <string.h>
#include <minix/syslib.h>
#include <minix/sef.h>
#include <minix/ds.h>
#include <minix/chardriver.h>
#include <minix/fi.h>
#include <minix/sysinfo.h>
#include "fitest.h"

static int start_type = -1;
static int init_fails;		/* "fitest initfail": init returns EINVAL */
static uint32_t starts;		/* how often it started: kept in DS */

static int init(int type, sef_init_info_t *info)
{
	uint32_t crash;

	(void)info;
	start_type = type;
	if (init_fails)
		return EINVAL;
	if (ds_retrieve_u32("fitest.crash", &crash) == OK && crash)
		panic("crash at start");
	/* State that outlives an instance: read back what the last one
	 * saved in DS (nothing on a fresh start). */
	if (type != SEF_INIT_RESTART || ds_retrieve_u32("fitest.starts", &starts) != OK)
		starts = 0;
	starts++;
	ds_publish_u32("fitest.starts", starts, DSF_OVERWRITE);
	return chardriver_announce();	/* its label in DS */
}

int main(int argc, char **argv)
{
	message m;
	int r;

	init_fails = argc > 1 && strcmp(argv[1], "initfail") == 0;
	sef_setcb_init_fresh(init);
	sef_setcb_init_restart(init);
	sef_startup();
	if (argc > 1 && strcmp(argv[1], "spin") == 0)
		for (;;)		/* "fitest spin": hangs at every start */
			__asm__ volatile("");
	for (;;) {
		if (sef_receive(ANY, &m) != OK)
			continue;
		switch (m.m_type) {
		case FIT_PING:
			m.m_u32.data[0] = (uint32_t)start_type;
			m.m_u32.data[1] = starts;
			r = OK;
			break;
		case FIT_PANIC:
			panic("asked to panic");
		case FIT_EXIT:
			sys_exit(7);
		case FIT_SPIN:
			for (;;)
				__asm__ volatile("");
		case FIT_CALL: {
			message c;
			endpoint_t to = (endpoint_t)m.m_u32.data[0];
			memset(&c, 0, sizeof(c));
			c.m_type = FIT_PING;
			r = ipc_sendrec(to, &c);
			if (r == OK)
				r = c.m_type;
			break;
		}
		case FIT_WHERE:
			m.m_u32.data[0] = (uint32_t)sef_receive_status;
			r = OK;
			break;
		case FIT_DMA:
			m.m_u32.data[0] = sef_fi_dma(m.m_u32.data[0]);
			r = OK;
			break;
		case FIT_KCALL: {
			extern uint32_t _fi_kcall;	/* lib/libsys/ipc.c */
			struct kinfo k;
			m.m_u32.data[0] = _fi_kcall;
			sys_null();		/* no argument words: stays armed */
			m.m_u32.data[1] = _fi_kcall;
			r = sys_getkinfo(&k);
			m.m_u32.data[2] = _fi_kcall;
			break;
		}
		default:
			r = ENOSYS;
		}
		m.m_type = r;
		ipc_sendnb(m.m_source, &m);
	}
}
