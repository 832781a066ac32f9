/* minix/config.h - system-wide sizes that user space can see. */
#ifndef _MINIX_CONFIG_H
#define _MINIX_CONFIG_H
#define NR_PROCS 128      /* process slots for boot and user processes */
#define NR_SLOTS (5 + NR_PROCS) /* NR_TASKS + NR_PROCS: the whole table */
#define PROC_NAME_LEN 16

/* Scheduling queues (a .conf's priority): 0 is the highest. */
#define NR_SCHED_QUEUES 16
#define TASK_Q          0 /* the boot services */
#define USER_Q          8 /* user processes, and services by default */

/* User address space (boot/user.ld links programs at USER_BASE).  A new
 * program's stack ends at USER_STACK_TOP; SYS_EXEC puts the argument block
 * PM built just below it, 16-byte aligned. */
#define USER_BASE      0x40000000u
#define USER_TOP       0xf0000000u
#define USER_STACK_TOP 0xefff0000u
#define USER_STACK_PAGES 32
/* Where the kernel puts the boot RAM disk image in the memory driver. */
#define RAMDISK_BASE   0x80000000u
#endif
