/* sef.c - the System Event Framework, small (see <minix/sef.h>).
 *
 * sef_startup() asks RS how this instance starts (SEF_INIT_FRESH, or
 * SEF_INIT_RESTART after a crash), runs the matching callback and tells
 * RS its result (RS_INIT_DONE): an error fails the `service up` and the
 * service exits; a process RS does not know (or no RS) starts fresh and
 * exits if its init fails.  sef_receive_status()
 * answers RS's heartbeat (a NOTIFY from RS: an RS_PONG back, through
 * asynsend, the path the service's answers to its clients take, so that
 * a service that can send them nowhere fails its heartbeat), runs the
 * signal handler for RS's SEF_SIGNAL (SIGTERM: `service down`; by default
 * the service exits), and obeys SEF_FI (`service fi`, <minix/fi.h>): by
 * default the next request from anyone else crashes the service, on
 * purpose, with a page fault; FI_PANIC panics then, FI_HANG spins;
 * FI_WILDDMA arms sef_fi_dma(), FI_KCALL the next kernel call's message
 * (lib/libsys/ipc.c).  docs/fault-injection.md.
 */
#include <string.h>
#include <stdio.h>
#include <minix/sef.h>
#include <minix/rs.h>
#include <minix/errno.h>
#include <minix/syslib.h>
#include <minix/fi.h>

static sef_cb_init_t init_fresh, init_restart, init_lu;
static sef_cb_lu_state_save_t lu_state_save;
static sef_cb_signal_handler_t signal_handler;
static endpoint_t self = NONE;
static int fi_armed;		/* FI_NEXT, FI_PANIC, FI_HANG, FI_DROP + 1: at the next request */
static phys_bytes fi_dma;	/* FI_WILDDMA armed: the address, else 0 */
extern uint32_t _fi_kcall;	/* ipc.c */

/* A driver's DMA address, or the wild one once a FI_WILDDMA fault is armed. */
phys_bytes sef_fi_dma(phys_bytes pa)
{
	phys_bytes bad = fi_dma;

	if (!bad)
		return pa;
	fi_dma = 0;
	return bad;
}

static void fi_arm(const message *m)
{
	switch (m->m_rs.value) {
	case FI_WILDDMA:
		fi_dma = m->m_rs.len;
		break;
	case FI_KCALL:
		_fi_kcall = 0x80000000u | (m->m_rs.len & 0xffff);
		break;
	default:
		fi_armed = 1 + m->m_rs.value;
	}
}

static void fi_fire(void)
{
	switch (fi_armed - 1) {
	case FI_PANIC:
		panic("fault injection");
	case FI_HANG:
		for (;;)
			__asm__ volatile("");
	default:
		*(volatile int *)0 = 0;		/* crash */
	}
}

int sef_cb_init_null(int type, sef_init_info_t *info)
{
	(void)type, (void)info;
	return OK;
}

void sef_setcb_init_fresh(sef_cb_init_t cb) { init_fresh = cb; }
void sef_setcb_init_restart(sef_cb_init_t cb) { init_restart = cb; }
/* Live update does not exist yet: these are kept, never called. */
void sef_setcb_init_lu(sef_cb_init_t cb) { init_lu = cb; }
void sef_setcb_lu_state_save(sef_cb_lu_state_save_t cb) { lu_state_save = cb; }
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb) { signal_handler = cb; }

static void got_signal(int signo)
{
	if (signal_handler)
		signal_handler(signo);
	else if (signo == 15)		/* SIGTERM */
		sys_exit(0);
}

endpoint_t sef_self(void)
{
	if (self == NONE)
		sys_whoami(&self, NULL, 0, NULL, NULL);
	return self;
}

/* How RS started us (SEF_INIT_*), or -1 if RS does not know us. */
static int init_type(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	if (ipc_sendrec(RS_PROC_NR, &m) != OK || m.m_type != OK)
		return -1;
	return m.m_rs.value;
}

void sef_startup(void)
{
	sef_init_info_t info = { 0 };
	int type = init_type(), r = OK;
	message m;

	(void)init_lu, (void)lu_state_save;
	sef_self();
	if (type == SEF_INIT_RESTART && init_restart)
		r = init_restart(type, &info);
	else if (init_fresh)
		r = init_fresh(type < 0 ? SEF_INIT_FRESH : type, &info);
	if (type < 0) {		/* not RS's: nobody to tell */
		if (r != OK) {
			printf("sef: init failed: %d\n", r);
			sys_exit(1);
		}
		return;
	}
	/* Tell RS the result (MINIX's init reply): a failure fails the
	 * `service up` and RS removes us; after a restart, the device is
	 * reset and RS may give back the frames the dead instance held. */
	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT_DONE;
	m.m_rs.value = r;
	ipc_sendrec(RS_PROC_NR, &m);
	if (r != OK)
		sys_exit(1);	/* RS removes us first */
}

/* Answer RS's heartbeat the way answers to clients go (asynsend). */
static void pong(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_PONG;
	(void)asynsend(RS_PROC_NR, &m);
}

int sef_receive_status(endpoint_t src, message *m_ptr, int *status_ptr)
{
	int r;

	for (;;) {
		if ((r = ipc_receive(src, m_ptr, status_ptr)) != OK) {
			if (r == EFAULT)
				return r;
			continue;
		}
		if (m_ptr->m_source == RS_PROC_NR && is_notify(m_ptr->m_type)) {
			pong();				/* heartbeat */
			continue;
		}
		if (m_ptr->m_source == RS_PROC_NR && m_ptr->m_type == SEF_FI) {
			fi_arm(m_ptr);
			continue;
		}
		if (m_ptr->m_source == RS_PROC_NR && m_ptr->m_type == SEF_SIGNAL) {
			got_signal(m_ptr->m_rs.value);
			continue;
		}
		if (fi_armed == 1 + FI_DROP && !is_notify(m_ptr->m_type)) {
			fi_armed = 0;			/* a request lost */
			continue;
		}
		if (fi_armed && fi_armed != 1 + FI_DROP)
			fi_fire();			/* fault injection */
		return OK;
	}
}
