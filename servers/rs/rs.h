/* rs.h - RS, the reincarnation server: its table of services and the
 * functions of main.c (boot, requests) and manage.c (starting,
 * supervising and restarting services).
 */
#ifndef RS_H
#define RS_H

#include <minix/syslib.h>
#include <minix/bootmods.h>
#include <minix/rs.h>
#include <minix/sef.h>
#include <minix/safecopies.h>
#include "conf.h"

#define NR_SERVICES 24
#define NR_CONFS    32
#define RS_ARGS_LEN 512
#define RS_IMG_BASE 0xb0000000u /* programs of RS_UP services, one slot each */
#define RS_IMG_MAX  (4u << 20)

struct rproc {
	int in_use;
	char label[RS_LABEL_LEN];
	endpoint_t endpt;          /* NONE while it waits to be restarted */
	struct rs_conf conf;
	const void *img;           /* its program: a boot module copy, or ours */
	size_t img_size;
	int img_owned;             /* img was malloc()ed (RS_UP) */
	char args[RS_ARGS_LEN];    /* its arguments after its name */
	int period;                /* heartbeat (ticks), 0: none */
	int init_type;             /* SEF_INIT_* for its next RS_INIT */
	int restarts;
	int backoff;               /* failures in a row since it last ran long */
	clock_t started;           /* uptime when its current instance started */
	clock_t next_restart;      /* restart due (uptime), 0: none */
	clock_t next_ping;         /* next heartbeat due, 0: none */
	int ping_out, missed;      /* heartbeat state */
	int down;                  /* RS_DOWN: not to be restarted */
	endpoint_t down_caller;    /* who waits for the RS_DOWN reply, or NONE */
	endpoint_t up_caller;      /* who waits for the RS_UP reply (its init), or NONE */
	clock_t down_deadline;     /* removed then if it has not exited */
	endpoint_t dma_from[4];    /* dead instances whose DMA holds RS keeps (0: none) */
	char last_reason[RS_REASON_LEN];
};

extern struct rproc rproc[NR_SERVICES];
extern int hz;

struct rproc *rp_by_ep(endpoint_t ep);
struct rproc *rp_by_label(const char *label);
struct rproc *rp_alloc(void);
int rs_start_proc(struct rproc *rp);
int rs_create(struct rproc *rp, int init_type);
void rs_died(struct rproc *rp, const char *why);
void rs_up_reply(struct rproc *rp, int result);
void rs_init_done(struct rproc *rp, int result);
void rs_stop(struct rproc *rp);
void rs_do_ksig(void);
void rs_do_timers(void);
int rs_is_fs(const struct rproc *rp);
int rs_is_driver(const struct rproc *rp);
void rs_pong(struct rproc *rp);
void rs_release_dma(struct rproc *rp);
int rs_down(struct rproc *rp, endpoint_t caller);
void *rs_img_alloc(struct rproc *rp, size_t len);
void rs_img_free(struct rproc *rp, const void *img, size_t len);
void rs_img_init(void);
void rs_set_alarm(void);
clock_t rs_now(void);
int rs_fi(struct rproc *rp, message *m);

#endif
