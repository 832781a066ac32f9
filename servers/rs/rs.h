/* rs.h - RS, the reincarnation server: its table of services. */
#ifndef RS_H
#define RS_H

#include <minix/syslib.h>
#include <minix/bootmods.h>
#include "conf.h"

#define NR_SERVICES 24
#define NR_CONFS    32

struct rproc {
	int in_use;
	char label[RS_LABEL_LEN];
	endpoint_t endpt;
	struct rs_conf conf;
	int boot_mod;          /* index in the boot module table, -1: none */
	int restarts;
	clock_t started;       /* uptime in ticks when it last started */
	char last_reason[64];
};

extern struct rproc rproc[NR_SERVICES];

struct rproc *rp_by_ep(endpoint_t ep);
struct rproc *rp_by_label(const char *label);
int rs_priv_desc(const struct rs_conf *c, struct priv_desc *d);
int rs_start_proc(struct rproc *rp);

#endif
