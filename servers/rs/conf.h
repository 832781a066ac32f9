/* conf.h - a service's .conf, parsed (conf.c): MINIX system.conf syntax.
 *
 *   service NAME { KEY VALUE ...; ... };
 *
 * The keys are MINIX's (system, ipc, io, irq, uid, sigmgr, scheduler,
 * priority, quantum, cpu, pci, vm, control) plus ours: period (heartbeat,
 * in ticks) and flags (MAGIC_GRANT, DMA, USER).  docs/services.md has
 * the meaning of each.  One parser serves boot (system.conf, all the boot
 * services' files put together) and `service up`.
 */
#ifndef RS_CONF_H
#define RS_CONF_H

#include <stddef.h>
#include <stdint.h>
#include <minix/priv.h>

#define RS_LABEL_LEN   16   /* with its NUL, like a process name */
#define RS_NR_IPC      24
#define RS_NR_CONTROL  4
#define RS_NR_PCI      8

/* ipc_mode */
#define RS_IPC_LIST    0    /* the labels in ipc[] (and kernel tasks) */
#define RS_IPC_ALL     1    /* every process */
#define RS_IPC_ALL_SYS 2    /* every system process (not user processes) */

/* flags */
#define RSF_MAGIC_GRANT 0x01 /* may make magic grants (VFS) */
#define RSF_DMA         0x02 /* may use SYS_VUMAP */
#define RSF_USER        0x04 /* a user process: SENDREC only, no kernel calls */

struct rs_conf {
	char label[RS_LABEL_LEN];
	int line;                          /* of its "service" */
	uint32_t calls[CALL_MASK_WORDS];   /* bit SYS_CALL_NR(call) */
	int ipc_mode;
	int nr_ipc;
	char ipc[RS_NR_IPC][RS_LABEL_LEN]; /* labels, or SYSTEM, CLOCK, ... */
	int nr_io;
	struct io_range io[NR_IO_RANGE];
	int nr_irq;
	int irq[NR_IRQ_LINE];
	int uid;
	int priority;                      /* 0..NR_SCHED_QUEUES-1 */
	int quantum;                       /* milliseconds; 0: the default */
	int period;                        /* heartbeat in ticks; 0: none */
	char sigmgr[RS_LABEL_LEN];         /* "" or "SELF": RS itself */
	uint32_t flags;
	int nr_control;
	char control[RS_NR_CONTROL][RS_LABEL_LEN];
	int nr_pci;
	uint32_t pci_id[RS_NR_PCI];        /* vendor << 16 | device */
};

struct rs_conf_error {
	int line;
	char why[96];
};

/* Parse text (len bytes) into at most max entries; the number of services,
 * or -1 with err saying where and why (nothing is half-parsed then). */
int rs_conf_parse(const char *text, size_t len, struct rs_conf *confs, int max,
	struct rs_conf_error *err);
const struct rs_conf *rs_conf_find(const struct rs_conf *confs, int n, const char *label);
/* The kernel call with this .conf name ("DEVIO", no SYS_), or 0. */
int rs_call_by_name(const char *name);
const char *rs_call_name(int call);
/* The privileges c gives, but its IPC targets; the caller as manager. */
void rs_conf_desc(const struct rs_conf *c, struct priv_desc *d);

#endif
