/* minix/com.h - process numbers, kernel call numbers, message types.
 *
 * Kernel call numbers follow MINIX's (KERNEL_CALL + n).  Boot processes get
 * fixed slots; their endpoints are generation 0, so slot == endpoint.
 */
#ifndef _MINIX_COM_H
#define _MINIX_COM_H

#include <minix/endpoint.h>

/* Kernel tasks (negative slots). */
#define ASYNCM     ((endpoint_t)-5) /* m_source of async completion notifies */
#define IDLE       ((endpoint_t)-4)
#define CLOCK      ((endpoint_t)-3)
#define SYSTEM     ((endpoint_t)-2)
#define KERNEL     ((endpoint_t)-1)
#define HARDWARE   KERNEL
#define NR_TASKS   5 /* ASYNCM, IDLE, CLOCK, SYSTEM, KERNEL: slots -5..-1 */

/* Boot processes (slots), in boot-image order. */
#define DS_PROC_NR     ((endpoint_t)0)
#define RS_PROC_NR     ((endpoint_t)1)
#define PM_PROC_NR     ((endpoint_t)2)
#define VFS_PROC_NR    ((endpoint_t)3)
#define MEM_PROC_NR    ((endpoint_t)4)
#define TTY_PROC_NR    ((endpoint_t)5)
#define DISK_PROC_NR   ((endpoint_t)6)
#define FS_PROC_NR     ((endpoint_t)7)
#define INIT_PROC_NR   ((endpoint_t)8)
#define TEST_PROC_NR   ((endpoint_t)9) /* the test runner or benchmark */
#define NR_BOOT_SLOTS  10 /* slots 0..9 are reserved for the boot image */

/* Notifications: m_type of a message built by NOTIFY. */
#define NOTIFY_MESSAGE 0x1000
#define is_notify(type) ((type) == NOTIFY_MESSAGE)

/* IPC primitives: the function code of the IPC trap. */
#define SEND     1
#define RECEIVE  2
#define SENDREC  3
#define NOTIFY   4
#define SENDNB   5
#define MINIX_KERNINFO 6
#define SENDA    16

/* The IPC status a receive returns (ipc_receive's status, MINIX's
 * macros): the primitive the message was sent with. */
#define IPC_STATUS_CALL_SHIFT 0
#define IPC_STATUS_CALL_MASK  0x3f
#define IPC_STATUS_CALL(status) (((status) >> IPC_STATUS_CALL_SHIFT) & IPC_STATUS_CALL_MASK)
#define IPC_STATUS_CALL_TO(call) (((call) & IPC_STATUS_CALL_MASK) << IPC_STATUS_CALL_SHIFT)
#define IPC_FLG_MSG_FROM_KERNEL 1 /* (never set here: no messages on a process's behalf) */
#define IPC_STATUS_FLAGS_SHIFT 16
#define IPC_STATUS_FLAGS(flgs) ((flgs) << IPC_STATUS_FLAGS_SHIFT)
#define IPC_STATUS_FLAGS_TEST(status, flgs) (((status) >> IPC_STATUS_FLAGS_SHIFT) & (flgs))
#define is_ipc_notify(status) (IPC_STATUS_CALL(status) == NOTIFY)
#define is_ipc_asynch(status) (is_ipc_notify(status) || IPC_STATUS_CALL(status) == SENDA)

/* Kernel calls. */
#define KERNEL_CALL 0x600
#define SYS_FORK         (KERNEL_CALL + 0)
#define SYS_EXEC         (KERNEL_CALL + 1)
#define SYS_CLEAR        (KERNEL_CALL + 2)
#define SYS_SCHEDULE     (KERNEL_CALL + 3)
#define SYS_PRIVCTL      (KERNEL_CALL + 4)
#define SYS_TRACE        (KERNEL_CALL + 5)
#define SYS_KILL         (KERNEL_CALL + 6)
#define SYS_GETKSIG      (KERNEL_CALL + 7)
#define SYS_ENDKSIG      (KERNEL_CALL + 8)
#define SYS_SIGSEND      (KERNEL_CALL + 9)
#define SYS_SIGRETURN    (KERNEL_CALL + 10)
#define SYS_MEMSET       (KERNEL_CALL + 13)
#define SYS_UMAP         (KERNEL_CALL + 14)
#define SYS_VIRCOPY      (KERNEL_CALL + 15)
#define SYS_PHYSCOPY     (KERNEL_CALL + 16)
#define SYS_UMAP_REMOTE  (KERNEL_CALL + 17)
#define SYS_VUMAP        (KERNEL_CALL + 18)
#define SYS_IRQCTL       (KERNEL_CALL + 19)
#define SYS_DEVIO        (KERNEL_CALL + 21)
#define SYS_SDEVIO       (KERNEL_CALL + 22)
#define SYS_VDEVIO       (KERNEL_CALL + 23)
#define SYS_SETALARM     (KERNEL_CALL + 24)
#define SYS_TIMES        (KERNEL_CALL + 25)
#define SYS_GETINFO      (KERNEL_CALL + 26)
#define SYS_ABORT        (KERNEL_CALL + 27)
#define SYS_IOPENABLE    (KERNEL_CALL + 28)
#define SYS_SAFECOPYFROM (KERNEL_CALL + 31)
#define SYS_SAFECOPYTO   (KERNEL_CALL + 32)
#define SYS_VSAFECOPY    (KERNEL_CALL + 33)
#define SYS_SETGRANT     (KERNEL_CALL + 34)
#define SYS_READBIOS     (KERNEL_CALL + 35)
#define SYS_SPROF        (KERNEL_CALL + 36)
#define SYS_STIME        (KERNEL_CALL + 39)
#define SYS_SETTIME      (KERNEL_CALL + 40)
#define SYS_VMCTL        (KERNEL_CALL + 43)
#define SYS_DIAGCTL      (KERNEL_CALL + 44)
#define SYS_VTIMER       (KERNEL_CALL + 45)
#define SYS_RUNCTL       (KERNEL_CALL + 46)
#define SYS_UPDATE       (KERNEL_CALL + 52)
#define SYS_EXIT         (KERNEL_CALL + 53)
#define SYS_SCHEDCTL     (KERNEL_CALL + 54)
#define SYS_STATECTL     (KERNEL_CALL + 55)
#define SYS_SAFEMEMSET   (KERNEL_CALL + 56)
#define SYS_SAFEMAP      (KERNEL_CALL + 57)
#define SYS_SAFEREVMAP   (KERNEL_CALL + 58)
#define SYS_SAFEUNMAP    (KERNEL_CALL + 59)
#define SYS_NULL         (KERNEL_CALL + 60) /* does nothing: for benchmarks */
#define SYS_VUMAP_RELEASE (KERNEL_CALL + 61) /* ours: end DMA holds from SYS_VUMAP */
#define SYS_FIPATCH      (KERNEL_CALL + 62) /* ours: fault injection, read/patch a
                                             * managed process (docs/fault-injection.md) */
#define NR_SYS_CALLS     63
#define SYS_CALL_NR(c)   ((c) - KERNEL_CALL)

/* SYS_GETKSIG: bit KSIG_EXIT of the mask (signal 0 is never sent) says
 * that a SUPERVISED process called SYS_EXIT; m_proc.status is its status
 * and m_proc.arg_ptr the address of its reason (libsys panic()) in its
 * memory, or 0.  m_proc.pc is where it was (a fault's instruction). */
#define KSIG_EXIT 0

/* SYS_FIPATCH ops and sizes. */
#define FIPATCH_READ      1
#define FIPATCH_WRITE     2
#define FIPATCH_READ_MAX  4096
#define FIPATCH_WRITE_MAX 64

/* SYS_PRIVCTL requests. */
#define SYS_PRIV_ALLOW     1 /* let a stopped (RTS_NO_PRIV) process run */
#define SYS_PRIV_DISALLOW  2 /* stop it again */
#define SYS_PRIV_SET_SYS   3 /* set privileges from a struct priv_desc */
#define SYS_PRIV_SET_USER  4 /* ordinary user privileges */

/* SYS_SCHEDCTL flags. */
#define SCHEDCTL_FLAG_KERNEL 0x01 /* the kernel schedules it, at this priority */

/* SYS_RUNCTL requests (m_proc.request). */
#define RC_STOP    1 /* the process runs no more until RC_RESUME */
#define RC_RESUME  2

/* SYS_EXEC flags. */
#define EXEC_CHECK 0x01 /* check image and argument block; replace nothing */

/* SYS_FORK flags. */
#define PFF_STOPPED 0x01 /* child starts stopped until SYS_PRIV_ALLOW */
#define PFF_EMPTY   0x02 /* with PFF_STOPPED, of SELF: the child gets no
                          * memory (RS fills it with SYS_EXEC) */

/* SYS_IRQCTL requests and policy flags. */
#define IRQ_SETPOLICY 1
#define IRQ_RMPOLICY  2
#define IRQ_ENABLE    3
#define IRQ_DISABLE   4
#define IRQ_REENABLE  0x001 /* re-enable the line after each interrupt */

/* SYS_DEVIO requests. */
#define _DIO_INPUT   0x001
#define _DIO_OUTPUT  0x002
#define _DIO_BYTE    0x100
#define _DIO_WORD    0x200
#define _DIO_LONG    0x400
#define DIO_INPUT_BYTE  (_DIO_INPUT | _DIO_BYTE)
#define DIO_INPUT_WORD  (_DIO_INPUT | _DIO_WORD)
#define DIO_INPUT_LONG  (_DIO_INPUT | _DIO_LONG)
#define DIO_OUTPUT_BYTE (_DIO_OUTPUT | _DIO_BYTE)
#define DIO_OUTPUT_WORD (_DIO_OUTPUT | _DIO_WORD)
#define DIO_OUTPUT_LONG (_DIO_OUTPUT | _DIO_LONG)
#define _DIO_SAFE    0x1000 /* SYS_SDEVIO: the memory is a grant */
#define DIO_SAFE_INPUT_BYTE  (_DIO_SAFE | DIO_INPUT_BYTE)
#define DIO_SAFE_INPUT_WORD  (_DIO_SAFE | DIO_INPUT_WORD)
#define DIO_SAFE_OUTPUT_BYTE (_DIO_SAFE | DIO_OUTPUT_BYTE)
#define DIO_SAFE_OUTPUT_WORD (_DIO_SAFE | DIO_OUTPUT_WORD)
#define SDEVIO_MAX   65536  /* bytes in one SYS_SDEVIO */

/* SYS_VMCTL requests (memory of a process; used by sbrk and later PM). */
#define VMCTL_ALLOC 1 /* map zeroed writable pages over [addr, addr+len) */
#define VMCTL_FREE  2 /* unmap the pages of [addr, addr+len) */
#define VMCTL_ALLOC_CONTIG 3 /* alloc_contig: physically contiguous pages (AC_* in flags) */
#define VMCTL_MAP_PHYS   4 /* vm_map_phys: device memory at phys (a memory BAR
                            * of a PCI device its .conf names) at addr */
#define VMCTL_UNMAP_PHYS 5 /* vm_unmap_phys: take out such a mapping */
/* alloc_contig() flags (MINIX's values). */
#define AC_ALIGN4K  0x01 /* (every allocation is page-aligned) */
#define AC_LOWER16M 0x02 /* below 16 MiB (ISA DMA) */
#define AC_ALIGN64K 0x04 /* the first frame on a 64 KiB boundary */
#define AC_LOWER1M  0x08 /* below 1 MiB */

/* SYS_GETINFO requests. */
#define GET_KINFO    1 /* struct kinfo */
#define GET_PROC     2 /* struct proc_info of one slot */
#define GET_PROCTAB  3 /* array of struct proc_info, all slots */
#define GET_GRANTS   4 /* a process's grant table registration */
#define GET_WHOAMI   5 /* caller's endpoint and name */
#define GET_FRAMES   6 /* free and total page frames */
#define GET_KDIAG    7 /* the last refusal on the kernel log (kdiag) */
#define GET_MONPARAMS 8 /* the kernel's command line, NUL-ended (MINIX's name) */

/* SYS_DIAGCTL requests. */
#define DIAGCTL_CODE_DIAG 1 /* print a string on the console */

/* SYS_ABORT how (PM_REBOOT too). */
#define RBT_HALT     0 /* "System halted.", the CPU idles */
#define RBT_POWEROFF 1 /* code != 0: QEMU's isa-debug-exit (tests); else ACPI */
#define RBT_PANIC    2
#define RBT_REBOOT   3 /* reset the machine */

/* DS (data store): m_ds_req, m_ds_reply; MINIX's numbers.  Flags and
 * limits are in <minix/ds.h>. */
#define DS_RQ_BASE        0x0800
#define DS_PUBLISH        (DS_RQ_BASE + 0) /* key, value, flags -> status */
#define DS_RETRIEVE       (DS_RQ_BASE + 1) /* key, type -> value */
#define DS_SUBSCRIBE      (DS_RQ_BASE + 2) /* regular expression, flags */
#define DS_CHECK          (DS_RQ_BASE + 3) /* -> a changed key, type, owner */
#define DS_DELETE         (DS_RQ_BASE + 4) /* key, type */
#define DS_SNAPSHOT       (DS_RQ_BASE + 5) /* not supported: ENOSYS */
#define DS_RETRIEVE_LABEL (DS_RQ_BASE + 6) /* endpoint -> its label */

/* Block drivers: m_lbdev_lblockdriver_msg, replies
 * m_lblockdriver_lbdev_reply (minix/ipc.h). */
#define BDEV_BASE    0x0500
#define BDEV_OPEN    (BDEV_BASE + 0)
#define BDEV_CLOSE   (BDEV_BASE + 1)
#define BDEV_READ    (BDEV_BASE + 2)
#define BDEV_WRITE   (BDEV_BASE + 3)
#define BDEV_GATHER  (BDEV_BASE + 4)
#define BDEV_SCATTER (BDEV_BASE + 5)
#define BDEV_IOCTL   (BDEV_BASE + 6)
#define BDEV_REPLY   (BDEV_BASE + 0x80)
#define BDEV_R_BIT   0x01 /* BDEV_OPEN access: open for reading */
#define BDEV_W_BIT   0x02 /* and for writing */
#define BDEV_NOFLAGS    0x00 /* transfer flags: none */
#define BDEV_FORCEWRITE 0x01 /* write through any cache (MINIX's value) */

/* Character drivers (MINIX's numbers): the requests' and replies'
 * layouts are m_vfs_lchardriver_* and m_lchardriver_vfs_* (<minix/ipc.h>). */
#define CDEV_BASE    0x0400
#define CDEV_OPEN    (CDEV_BASE + 0)
#define CDEV_CLOSE   (CDEV_BASE + 1)
#define CDEV_READ    (CDEV_BASE + 2)
#define CDEV_WRITE   (CDEV_BASE + 3)
#define CDEV_IOCTL   (CDEV_BASE + 4)
#define CDEV_CANCEL  (CDEV_BASE + 5)
#define CDEV_SELECT  (CDEV_BASE + 6)     /* which operations are ready */
#define CDEV_REPLY   (CDEV_BASE + 0x80)
#define CDEV_SEL1_REPLY (CDEV_BASE + 0x81) /* the answer to a CDEV_SELECT */
#define CDEV_SEL2_REPLY (CDEV_BASE + 0x82) /* later: operations now ready */
#define IS_CDEV_RQ(type) ((type) >= CDEV_OPEN && (type) <= CDEV_SELECT)
#define IS_CDEV_RS(type) ((type) >= CDEV_REPLY && (type) <= CDEV_SEL2_REPLY)
/* CDEV_OPEN's flags: the access asked for (MINIX's bits, not O_*). */
#define CDEV_R_BIT    0x01 /* open for reading */
#define CDEV_W_BIT    0x02 /* open for writing */
#define CDEV_NOCTTY   0x04 /* do not become the controlling terminal */
/* CDEV_READ, CDEV_WRITE and CDEV_IOCTL's flags. */
#define CDEV_NOFLAGS  0x00
#define CDEV_NONBLOCK 0x01 /* do not wait: EAGAIN instead */
/* CDEV_SELECT's ops, and the status of its replies. */
#define CDEV_OP_RD    0x01 /* ready to read */
#define CDEV_OP_WR    0x02 /* ready to write */
#define CDEV_OP_ERR   0x04 /* an exceptional condition */
#define CDEV_NOTIFY   0x08 /* not ready: send CDEV_SEL2_REPLY when it is */

/* VFS -> file system requests: m_fs.  The reply has m_type FS_REPLY and
 * the result in m_fs.status (and the r_* fields). */
#define FS_BASE       0x0700
#define REQ_READSUPER (FS_BASE + 0)  /* dev, minor -> r_ino (root), r_mode */
#define REQ_LOOKUP    (FS_BASE + 1)  /* ino (a directory), grant = name, count */
#define REQ_STAT      (FS_BASE + 2)  /* ino, grant -> a struct stat */
#define REQ_READ      (FS_BASE + 3)  /* ino, pos, grant, count -> bytes */
#define REQ_WRITE     (FS_BASE + 4)  /* ino, pos, grant, count, flags FS_APPEND
					-> bytes, new pos, r_size */
#define REQ_GETDENTS  (FS_BASE + 5)  /* ino, pos, grant, count -> bytes, new pos */
#define REQ_PUTNODE   (FS_BASE + 6)  /* ino: its last open file closed (frees
					an inode unlinked while open) */
/* The name-changing requests: ino = the directory, grant = the name
 * (count bytes, no NUL), uid/gid = the caller's (owner of what is made).
 * CREATE, MKDIR, SLINK reply with the new node (r_*); UNLINK and RENAME
 * take flags FS_KEEP_OPEN and reply r_ino = an inode whose last link went
 * while VFS holds it open (VFS sends REQ_PUTNODE at its last close). */
#define REQ_CREATE    (FS_BASE + 7)  /* flags = mode (S_IFREG...) */
#define REQ_MKDIR     (FS_BASE + 8)  /* flags = mode */
#define REQ_UNLINK    (FS_BASE + 9)
#define REQ_RMDIR     (FS_BASE + 10)
#define REQ_RENAME    (FS_BASE + 11) /* ino old dir, pos_lo new dir, grant
					"old\0new", count, flags */
#define REQ_SYNC      (FS_BASE + 12) /* write back everything */
#define REQ_UNMOUNT   (FS_BASE + 13)
#define REQ_LINK      (FS_BASE + 14) /* ino dir, grant name, flags = the inode */
#define REQ_SLINK     (FS_BASE + 15) /* ino dir, grant "name\0target", count,
					pos_lo = the name's length */
#define REQ_RDLINK    (FS_BASE + 16) /* ino, grant, count -> bytes */
#define REQ_FTRUNC    (FS_BASE + 17) /* ino, pos = the new size -> r_size */
#define REQ_CHMOD     (FS_BASE + 18) /* ino, flags = mode bits -> r_mode */
#define REQ_CHOWN     (FS_BASE + 19) /* ino, uid, gid ((uint32_t)-1 keeps) */
#define REQ_UTIME     (FS_BASE + 20) /* ino, pos_lo atime, pos_hi mtime */
#define REQ_STATVFS   (FS_BASE + 21) /* grant -> a struct statvfs */
#define FS_APPEND     0x1            /* REQ_WRITE: at the end of the file */
#define FS_KEEP_OPEN  0x1            /* REQ_UNLINK, REQ_RENAME */
#define FS_REPLY      (FS_BASE + 0x80)

/* memory driver minors. */
#define MEMORY_NULL    0 /* character: /dev/null */
#define MEMORY_ZERO    1 /* character: /dev/zero */
#define MEMORY_RAMDISK 2 /* block: the RAM disk (the boot root image) */
#define MEMORY_RAM1    3 /* block and character: /dev/ram1, an empty RAM disk */
#define MEMORY_RAM2    4 /* /dev/ram2, another (MEMORY_RAM_SIZE each) */
#define MEMORY_RAM_SIZE (4u << 20)

#endif
