/* minix/sysinfo.h - what SYS_GETINFO returns. */
#ifndef _MINIX_SYSINFO_H
#define _MINIX_SYSINFO_H

#include <minix/type.h>
#include <minix/endpoint.h>
#include <minix/config.h>

struct kinfo {
	int nr_tasks, nr_procs;
	int hz;
	clock_t uptime;
	uint32_t frames_free, frames_total; /* 4 KiB page frames */
	int procs_in_use;                   /* live process slots */
	unsigned kdiag_lines;               /* refusals logged since boot */
};

/* sys_getmachine() (MINIX's struct machine, the fields drivers read). */
struct machine {
	unsigned processors_count; /* 1 */
	unsigned bsp_id;           /* 0 */
	int apic_enabled;          /* 0: the 8259 PICs */
	uint32_t acpi_rsdp;        /* 0: not looked for */
};

/* GET_KDIAG: the last refusal logged, "NAME (ENDPOINT): WHAT", NUL-ended. */
#define KDIAG_TEXT_LEN 128

/* p_rts_flags as reported. */
#define PI_SLOT_FREE   0x01
#define PI_SENDING     0x02
#define PI_RECEIVING   0x04
#define PI_NO_PRIV     0x08
#define PI_SIG_PENDING 0x10
#define PI_PROC_STOP   0x20 /* SYS_RUNCTL stop (SIGSTOP and friends) */

struct proc_info {
	endpoint_t pi_endpoint;
	int pi_slot;
	unsigned pi_rts_flags;
	int pi_priority;
	endpoint_t pi_sig_mgr;
	endpoint_t pi_getfrom, pi_sendto;
	uint32_t pi_flags;          /* privilege flags (SYS_PROC, ...) */
	clock_t pi_user_time, pi_sys_time;
	vir_bytes pi_grant_table;
	int pi_grant_entries;
	char pi_name[PROC_NAME_LEN];
	int pi_reply_pend;          /* in a SENDREC, waiting for pi_getfrom's answer */
	clock_t pi_reply_since;     /* then: the uptime (ticks) when it sent */
};

/* GET_GRANTS: this header, then up to (val_len - sizeof header) / 32 raw
 * cp_grant_t entries of the process's registered table. */
struct grant_table_info {
	vir_bytes gt_table;   /* address registered with SYS_SETGRANT, 0 if none */
	int gt_entries;       /* entries registered */
	int gt_copied;        /* entries copied after this header */
	int gt_mappings;      /* live safemap mappings made from its grants */
};

#endif
