/* minix/config.h - system-wide sizes that user space can see. */
#ifndef _MINIX_CONFIG_H
#define _MINIX_CONFIG_H
#define NR_PROCS 128      /* process slots for boot and user processes */
#define NR_SLOTS (5 + NR_PROCS) /* NR_TASKS + NR_PROCS: the whole table */
#define PROC_NAME_LEN 16
#endif
