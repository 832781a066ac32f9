/* table.c - the boot image as data: for each program GRUB may load (by
 * module name), its slot, scheduling and privileges.  Nothing is granted
 * in code.  Services started later get theirs from RS and a .conf file.
 */
#include "table.h"

static const int all_calls[] = { ALL_CALLS };
static const int all_ipc[] = { ALL_IPC };
static const int no_irqs[] = { 0 };
static const struct io_range no_io[] = { { 0, 0 } };

/* hello: a boot demo (a system process that prints through the kernel). */
static const int hello_calls[] = { SYS_DIAGCTL, SYS_TIMES, SYS_SETALARM,
	SYS_GETINFO, SYS_EXIT, 0 };

/* init: the first user process: no kernel calls, SENDREC to PM and VFS;
 * PM is its manager. */
static const int no_calls[] = { 0 };
static const int user_ipc[] = { PM_PROC_NR, VFS_PROC_NR, NONE };

/* pm: processes (fork, exec, signals, memory, time, reboot). */
static const int pm_calls[] = { SYS_FORK, SYS_EXEC, SYS_EXIT, SYS_CLEAR, SYS_KILL,
	SYS_GETKSIG, SYS_ENDKSIG, SYS_PRIVCTL, SYS_RUNCTL, SYS_SIGSEND, SYS_SIGRETURN,
	SYS_VIRCOPY, SYS_VMCTL, SYS_TIMES, SYS_SETALARM, SYS_GETINFO, SYS_DIAGCTL,
	SYS_ABORT, 0 };
/* vfs: user memory through magic grants and (paths) VIRCOPY. */
static const int vfs_calls[] = { SYS_VIRCOPY, SYS_SAFECOPYFROM, SYS_SAFECOPYTO,
	SYS_SETGRANT, SYS_VMCTL, SYS_GETINFO, SYS_DIAGCTL, SYS_EXIT, SYS_TIMES, 0 };

/* runner (tests) and bench: every call, every target, the debug-exit port
 * and the CMOS clock with its IRQ 8 (the IRQ test). */
static const struct io_range test_io[] = { { 0x70, 0x71 }, { 0xf4, 0xf7 }, { 0, 0 } };
static const int test_irqs[] = { 8, 0 };

/* ds: answers requests, notifies subscribers. */
static const int ds_calls[] = { SYS_GETINFO, SYS_DIAGCTL, SYS_EXIT, 0 };
/* memory: moves data through its callers' grants. */
static const int mem_calls[] = { SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_SAFEMEMSET,
	SYS_GETINFO, SYS_DIAGCTL, SYS_EXIT, 0 };

/* tty: the UARTs (COM1, or COM2 for the tests). */
static const int tty_calls[] = { SYS_DEVIO, SYS_IRQCTL, SYS_SAFECOPYFROM, SYS_SAFECOPYTO,
	SYS_GETINFO, SYS_DIAGCTL, SYS_EXIT, SYS_SETALARM, 0 };
static const struct io_range tty_io[] = { { 0x3f8, 0x3ff }, { 0x2f8, 0x2ff }, { 0, 0 } };
static const int tty_irqs[] = { 4, 3, 0 };

/* ext2: grants to the block driver (cpf_* needs a heap: VMCTL), the time
 * for inodes and the alarm of the periodic flush (TIMES, SETALARM). */
static const int fs_calls[] = { SYS_SAFECOPYFROM, SYS_SAFECOPYTO, SYS_VSAFECOPY, SYS_SETGRANT,
	SYS_TIMES, SYS_SETALARM,
	SYS_VMCTL, SYS_GETINFO, SYS_DIAGCTL, SYS_EXIT, 0 };

const struct boot_image boot_image[] = {
	{ FS_PROC_NR, "ext2", SYS_PROC | PREEMPTIBLE, TASK_Q + 3, DEFAULT_QUANTUM,
	  TRAPS_ALL, fs_calls, all_ipc, no_io, no_irqs, NONE },
	{ TTY_PROC_NR, "tty", SYS_PROC | PREEMPTIBLE, TASK_Q + 1, DEFAULT_QUANTUM,
	  TRAPS_ALL, tty_calls, all_ipc, tty_io, tty_irqs, NONE },
	{ DS_PROC_NR, "ds", SYS_PROC | PREEMPTIBLE, TASK_Q + 2, DEFAULT_QUANTUM,
	  TRAPS_ALL, ds_calls, all_ipc, no_io, no_irqs, NONE },
	{ MEM_PROC_NR, "memory", SYS_PROC | PREEMPTIBLE, TASK_Q + 1, DEFAULT_QUANTUM,
	  TRAPS_ALL, mem_calls, all_ipc, no_io, no_irqs, NONE },
	{ PM_PROC_NR, "pm", SYS_PROC | PREEMPTIBLE, TASK_Q + 3, DEFAULT_QUANTUM,
	  TRAPS_ALL, pm_calls, all_ipc, no_io, no_irqs, NONE },
	{ VFS_PROC_NR, "vfs", SYS_PROC | PREEMPTIBLE | MAGIC_GRANT, TASK_Q + 4, DEFAULT_QUANTUM,
	  TRAPS_ALL, vfs_calls, all_ipc, no_io, no_irqs, NONE },
	{ INIT_PROC_NR, "hello", SYS_PROC | PREEMPTIBLE, USER_Q, DEFAULT_QUANTUM,
	  TRAPS_ALL, hello_calls, all_ipc, no_io, no_irqs, NONE },
	{ INIT_PROC_NR, "init", PREEMPTIBLE, USER_Q, DEFAULT_QUANTUM,
	  TRAPS_USER, no_calls, user_ipc, no_io, no_irqs, PM_PROC_NR },
	{ TEST_PROC_NR, "runner", SYS_PROC | PREEMPTIBLE | MAGIC_GRANT | DMA_OK,
	  USER_Q, DEFAULT_QUANTUM, TRAPS_ALL, all_calls, all_ipc, test_io, test_irqs, NONE },
	{ TEST_PROC_NR, "bench", SYS_PROC | PREEMPTIBLE | MAGIC_GRANT | DMA_OK,
	  USER_Q, DEFAULT_QUANTUM, TRAPS_ALL, all_calls, all_ipc, test_io, test_irqs, NONE },
};
const int nr_boot_image = ARRAY_SIZE(boot_image);
