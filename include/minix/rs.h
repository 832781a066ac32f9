/* minix/rs.h - requests to RS, the reincarnation server (m_rs), and what
 * it tells about its services.  The `service` command speaks this.
 */
#ifndef _MINIX_RS_H
#define _MINIX_RS_H

#include <minix/ipc.h>
#include <minix/com.h>

#define RS_BASE      0x0b00
#define RS_UP        (RS_BASE + 0)  /* start a program as service `label` */
#define RS_DOWN      (RS_BASE + 1)  /* stop it for good */
#define RS_RESTART   (RS_BASE + 2)  /* stop it and start it again */
#define RS_REFRESH   (RS_BASE + 3)  /* the same: a fresh instance */
#define RS_FI        (RS_BASE + 4)  /* fault injection (m_rs_fi, <minix/fi.h>); type
                                     * 0: it crashes at its next request */
#define RS_STATUS    (RS_BASE + 5)  /* rs_status[] of all (or one) to buf */
#define RS_INIT      (RS_BASE + 6)  /* SEF: how am I starting? (value) */
#define RS_PONG      (RS_BASE + 7)  /* SEF: the answer to a heartbeat (asynsend) */
#define SEF_FI       (RS_BASE + 8)  /* RS -> service: arm fault m_rs.value (FI_*,
                                     * 0: crash at the next request), argument len */
#define RS_INIT_DONE (RS_BASE + 9)  /* SEF: init callback done (value: its result) */
#define SEF_SIGNAL   (RS_BASE + 11) /* RS -> service: signal m_rs.value (SIGTERM:
                                     * `service down`); SEF's handler runs */
#define RS_RAMDISK   (RS_BASE + 10) /* memory: the boot RAM disk, lent as a map
                                     * grant (buf), len bytes, len2 to map */
#define RS_DRIVER_FAULT (RS_BASE + 12) /* VFS or ext2: driver `label` broke the
                                     * protocol (or hangs): restart it as if it
                                     * had died (docs/vfs.md, driver faults) */

#define RS_REASON_LEN 48

struct rs_status {
	char label[16];
	endpoint_t endpt;        /* NONE: not running now */
	int restarts;            /* since it was started by boot or RS_UP */
	clock_t uptime;          /* ticks since its current instance started */
	int period;              /* heartbeat, ticks (0: none) */
	clock_t next_restart;    /* uptime tick of a restart waiting for its backoff, 0 */
	char last_reason[RS_REASON_LEN]; /* "" if it never failed */
};

#endif
