/* minix/ipc.h - the 64-byte message and the IPC primitives.
 *
 * A message is m_source (set by the kernel), m_type, and a 56-byte payload
 * union.  Every payload struct is checked to be exactly 56 bytes.
 */
#ifndef _MINIX_IPC_H
#define _MINIX_IPC_H

#include <minix/endpoint.h>
#include <minix/type.h>
#include <minix/config.h>

#define _ASSERT_MSG_SIZE(t) \
	_Static_assert(sizeof(t) == 56, "payload " #t " is not 56 bytes")

typedef struct { int m1i1, m1i2, m1i3; char *m1p1, *m1p2, *m1p3, *m1p4;
	uint8_t padding[28]; } mess_1;
_ASSERT_MSG_SIZE(mess_1);
typedef struct { int m2i1, m2i2, m2i3; long m2l1, m2l2; char *m2p1;
	uint32_t m2sigset; short m2s1; uint8_t padding[26]; } mess_2;
_ASSERT_MSG_SIZE(mess_2);
typedef struct { int m3i1, m3i2; char *m3p1; char m3ca1[44]; } mess_3;
_ASSERT_MSG_SIZE(mess_3);
typedef struct { uint8_t data[56]; } mess_u8;
_ASSERT_MSG_SIZE(mess_u8);
typedef struct { uint32_t data[14]; } mess_u32;
_ASSERT_MSG_SIZE(mess_u32);

/* Built by the kernel for NOTIFY: pending IRQ hooks / signals, uptime. */
typedef struct {
	uint32_t interrupts; /* HARDWARE: bit n = hook id n fired */
	uint32_t sigset;     /* SYSTEM: kernel signals are pending */
	clock_t timestamp;   /* uptime in ticks when built */
	uint8_t padding[44];
} mess_notify;
_ASSERT_MSG_SIZE(mess_notify);

/* SYS_FORK: in, parent endpoint and flags; out, child endpoint. */
typedef struct {
	endpoint_t endpt;
	uint32_t flags;
	endpoint_t child;
	uint8_t padding[44];
} mess_krn_fork;
_ASSERT_MSG_SIZE(mess_krn_fork);

/* SYS_EXIT, SYS_CLEAR, SYS_KILL, SYS_GETKSIG, SYS_ENDKSIG, SYS_PRIVCTL. */
typedef struct {
	endpoint_t endpt;
	int sig;          /* SYS_KILL: signal; SYS_GETKSIG: pending mask */
	int request;      /* SYS_PRIVCTL request */
	vir_bytes arg_ptr;/* SYS_PRIVCTL: struct priv_desc in caller memory;
	                   * SYS_EXIT, SYS_GETKSIG: the reason string, or 0 */
	int status;       /* SYS_EXIT: exit status (logged); SYS_GETKSIG too */
	vir_bytes pc;     /* SYS_GETKSIG: the process's instruction pointer */
	uint8_t padding[32];
} mess_krn_proc;
_ASSERT_MSG_SIZE(mess_krn_proc);

/* SYS_SETALARM. */
typedef struct {
	clock_t exp_time;  /* in: ticks (relative unless abs_time) */
	int abs_time;
	clock_t time_left; /* out: ticks left on the previous alarm, 0 if none */
	uint8_t padding[44];
} mess_krn_setalarm;
_ASSERT_MSG_SIZE(mess_krn_setalarm);

/* SYS_TIMES. */
typedef struct {
	endpoint_t endpt;
	clock_t user_time, system_time; /* ticks charged to endpt */
	clock_t boot_ticks;             /* uptime in ticks */
	time_t boot_time;               /* seconds since the epoch at boot */
	int hz;                         /* clock ticks per second */
	uint8_t padding[32];
} mess_krn_times;
_ASSERT_MSG_SIZE(mess_krn_times);

/* SYS_IRQCTL. */
typedef struct {
	int request;
	int vector;  /* IRQ line */
	int policy;
	int hook_id; /* in: bit number for notifications; out: hook handle */
	uint8_t padding[40];
} mess_krn_irqctl;
_ASSERT_MSG_SIZE(mess_krn_irqctl);

/* SYS_DEVIO. */
typedef struct {
	int request;
	int port;
	uint32_t value;
	uint8_t padding[44];
} mess_krn_devio;
_ASSERT_MSG_SIZE(mess_krn_devio);

/* SYS_SDEVIO: string port I/O between one port and memory, MINIX's
 * sys_insw/sys_outsw and, with _DIO_SAFE, sys_safe_insw/sys_safe_outsw. */
typedef struct {
	int request;       /* DIO_* | _DIO_SAFE */
	int port;
	endpoint_t vec_endpt; /* the granter (_DIO_SAFE) or SELF */
	vir_bytes vec_addr;   /* the grant id (_DIO_SAFE), else an address of ours */
	vir_bytes vec_size;   /* bytes: a multiple of the unit */
	vir_bytes offset;     /* into the grant (_DIO_SAFE) */
	uint8_t padding[32];
} mess_krn_sdevio;
_ASSERT_MSG_SIZE(mess_krn_sdevio);

/* SYS_GETINFO. */
typedef struct {
	int request;
	endpoint_t endpt;
	vir_bytes val_ptr;
	vir_bytes val_len;
	uint8_t padding[40];
} mess_krn_getinfo;
_ASSERT_MSG_SIZE(mess_krn_getinfo);

/* SYS_DIAGCTL, SYS_ABORT. */
typedef struct {
	int code;
	vir_bytes buf;
	vir_bytes len;
	int how;
	uint8_t padding[40];
} mess_krn_diag;
_ASSERT_MSG_SIZE(mess_krn_diag);

/* SYS_SETGRANT. */
typedef struct {
	vir_bytes addr;
	int size;
	uint8_t padding[48];
} mess_krn_setgrant;
_ASSERT_MSG_SIZE(mess_krn_setgrant);

/* SYS_SAFECOPYFROM, SYS_SAFECOPYTO. */
typedef struct {
	endpoint_t from_to; /* the granter */
	int gid;            /* cp_grant_id_t */
	vir_bytes offset;   /* into the grant */
	vir_bytes address;  /* in the caller */
	vir_bytes bytes;
	uint8_t padding[36];
} mess_krn_safecopy;
_ASSERT_MSG_SIZE(mess_krn_safecopy);

/* SYS_VSAFECOPY. */
typedef struct {
	vir_bytes vec_addr;
	int vec_size;
	int done; /* out: elements done before the failing one */
	uint8_t padding[44];
} mess_krn_vsafecopy;
_ASSERT_MSG_SIZE(mess_krn_vsafecopy);

/* SYS_SAFEMEMSET. */
typedef struct {
	endpoint_t ep;
	int gid;
	vir_bytes offset;
	int pattern;
	vir_bytes bytes;
	uint8_t padding[36];
} mess_krn_safememset;
_ASSERT_MSG_SIZE(mess_krn_safememset);

/* SYS_SAFEMAP, SYS_SAFEREVMAP, SYS_SAFEUNMAP. */
typedef struct {
	endpoint_t ep;      /* SAFEMAP: the granter */
	int gid;
	vir_bytes offset;
	vir_bytes address;  /* caller's address */
	vir_bytes bytes;
	int flag;           /* SAFEMAP: writable; SAFEREVMAP: by gid or address */
	int count;          /* out: mappings removed */
	uint8_t padding[28];
} mess_krn_safemap;
_ASSERT_MSG_SIZE(mess_krn_safemap);

/* SYS_VUMAP. */
typedef struct {
	endpoint_t endpt;   /* granter of the grants in the vector */
	vir_bytes vaddr;    /* struct vumap_vir[] in the caller */
	int vcount;
	vir_bytes offset;   /* into the first element */
	int access;         /* VUA_READ | VUA_WRITE */
	vir_bytes paddr;    /* struct vumap_phys[] in the caller */
	int pmax;
	int pcount;         /* out */
	uint8_t padding[24];
} mess_krn_vumap;
_ASSERT_MSG_SIZE(mess_krn_vumap);

/* SYS_VMCTL. */
typedef struct {
	endpoint_t endpt;  /* SELF or a managed process */
	int request;
	vir_bytes addr;
	vir_bytes len;
	int flags;         /* VMCTL_ALLOC_CONTIG: AC_* */
	phys_bytes phys;   /* VMCTL_ALLOC_CONTIG: out, the first frame;
	                    * VMCTL_MAP_PHYS: in, the device memory */
	uint8_t padding[32];
} mess_krn_vmctl;
_ASSERT_MSG_SIZE(mess_krn_vmctl);

/* SYS_EXEC: replace a managed process's program with the ELF image in
 * the caller's memory; the argument block goes to the top of the stack. */
typedef struct {
	endpoint_t endpt;
	vir_bytes img;       /* ELF image in the caller */
	vir_bytes img_len;
	vir_bytes frame;     /* initial stack block in the caller */
	vir_bytes frame_len; /* placed at (USER_STACK_TOP - len) & ~15 */
	vir_bytes ip;        /* out: entry point */
	char name[PROC_NAME_LEN];
	int flags;           /* EXEC_CHECK: only check the image, change nothing */
	uint8_t padding[12];
} mess_krn_exec;
_ASSERT_MSG_SIZE(mess_krn_exec);

/* SYS_VIRCOPY: copy between two processes (privileged). */
typedef struct {
	endpoint_t src_ep;
	vir_bytes src_addr;
	endpoint_t dst_ep;
	vir_bytes dst_addr;
	vir_bytes bytes;
	uint8_t padding[36];
} mess_krn_vircopy;
_ASSERT_MSG_SIZE(mess_krn_vircopy);

/* SYS_UMAP: the physical address of [vir_addr, vir_addr+bytes) of a
 * process, which must be mapped and physically contiguous. */
typedef struct {
	endpoint_t endpt;  /* SELF, or a process the caller manages */
	int seg;           /* VM_D */
	vir_bytes vir_addr;
	vir_bytes bytes;
	phys_bytes phys;   /* out */
	uint8_t padding[36];
} mess_krn_umap;
_ASSERT_MSG_SIZE(mess_krn_umap);

/* SYS_FIPATCH: read or patch the memory of a process the caller manages,
 * text included (its own copy of the page: docs/fault-injection.md). */
typedef struct {
	endpoint_t endpt;    /* the target */
	vir_bytes addr;      /* in the target */
	vir_bytes buf;       /* in the caller: what to write, or where to read to */
	vir_bytes bytes;     /* FIPATCH_READ up to FIPATCH_READ_MAX, WRITE up to FIPATCH_WRITE_MAX */
	int op;              /* FIPATCH_READ, FIPATCH_WRITE */
	uint8_t padding[36];
} mess_krn_fipatch;
_ASSERT_MSG_SIZE(mess_krn_fipatch);

/* SYS_SIGSEND and SYS_SIGRETURN. */
typedef struct {
	endpoint_t endpt;
	vir_bytes sigmsg;    /* struct sigmsg in the caller (SIGSEND) */
	vir_bytes scp;       /* struct sigcontext in endpt (SIGRETURN) */
	uint8_t padding[44];
} mess_krn_sigctx;
_ASSERT_MSG_SIZE(mess_krn_sigctx);

/* RS requests (<minix/rs.h>): a label, and a buffer in the caller's
 * memory that RS reads or fills with SYS_VIRCOPY. */
typedef struct {
	char label[16];         /* NUL-padded */
	vir_bytes buf;          /* RS_UP: the program (a bad .conf: RS writes
	                         * "LINE: why" over it); RS_STATUS: rs_status[] */
	uint32_t len;           /* its size in bytes */
	vir_bytes buf2;         /* RS_UP: the .conf text */
	uint32_t len2;
	int value;              /* RS_UP: period; RS_INIT reply: SEF_INIT_* */
	endpoint_t endpt;       /* replies: the service's endpoint */
	vir_bytes args;         /* RS_UP: its arguments, one string */
	uint32_t args_len;
	uint8_t padding[8];
} mess_rs;
_ASSERT_MSG_SIZE(mess_rs);

/* RS_FI with a fault type (<minix/fi.h>): one fault, chosen by (seed,
 * type, label, index), or a read of the target's memory (op FI_OP_READ).
 * The label is where mess_rs has it. */
typedef struct {
	char label[16];         /* NUL-padded */
	int type;               /* FI_* (0: FI_NEXT, crash at the next request) */
	uint32_t seed;
	uint32_t index;         /* the index-th candidate location (mod their count) */
	vir_bytes addr;         /* 0, or the one location to use (FI_OP_READ: where) */
	vir_bytes buf;          /* in the caller: struct fi_log out (READ: the bytes) */
	uint32_t len;           /* its size */
	int op;                 /* FI_OP_INJECT, FI_OP_PLAN (no change), FI_OP_READ */
	uint8_t padding[12];
} mess_rs_fi;
_ASSERT_MSG_SIZE(mess_rs_fi);

/* DS requests (m_ds_req) and replies (m_ds_reply), MINIX's layout.  The
 * key travels by grant (key_grant, key_len bytes counting the NUL); so do
 * string and memory values (val_in.grant, val_len). */
union ds_val {
	cp_grant_id_t grant;
	uint32_t u32;
	endpoint_t ep;
};
typedef struct {
	cp_grant_id_t key_grant;
	int key_len;
	int flags;              /* DSF_* */
	union ds_val val_in;
	int val_len;
	endpoint_t owner;       /* DS_CHECK reply: who published the key */
	uint8_t padding[32];
} mess_ds_req;
_ASSERT_MSG_SIZE(mess_ds_req);
typedef struct {
	union ds_val val_out;
	int val_len;
	uint8_t padding[48];
} mess_ds_reply;
_ASSERT_MSG_SIZE(mess_ds_reply);

/* Block driver requests (BDEV_*), MINIX's layout and names: minor and
 * id always; access (BDEV_R_BIT/BDEV_W_BIT) for BDEV_OPEN; pos, count
 * (bytes, or iovec elements for GATHER/SCATTER), grant (the buffer, or
 * the iovec_s_t vector) and flags (BDEV_NOFLAGS, BDEV_FORCEWRITE) for a
 * transfer; request, grant and user (the endpoint the ioctl is for) for
 * BDEV_IOCTL. */
typedef struct {
	u64_t pos;                /* byte position (MINIX: off_t) */
	devminor_t minor;
	int id;                   /* request id, echoed in the reply */
	int access;
	int count;
	cp_grant_id_t grant;
	int flags;
	endpoint_t user;
	int request;
	uint8_t padding[16];
} mess_lbdev_lblockdriver_msg;
_ASSERT_MSG_SIZE(mess_lbdev_lblockdriver_msg);

/* BDEV_REPLY: bytes transferred or an error, and the request's id. */
typedef struct {
	int status;
	int id;
	uint8_t padding[48];
} mess_lblockdriver_lbdev_reply;
_ASSERT_MSG_SIZE(mess_lblockdriver_lbdev_reply);

/* The character driver protocol (CDEV_*, <minix/com.h>), MINIX 3.4's
 * layouts and field names.  VFS -> driver: CDEV_OPEN, CDEV_CLOSE
 * (openclose), CDEV_READ, CDEV_WRITE, CDEV_IOCTL (readwrite), CDEV_CANCEL
 * (cancel), CDEV_SELECT (select).  Driver -> VFS: CDEV_REPLY (reply: the
 * request's id and its result), CDEV_SEL1_REPLY (sel1: the answer to a
 * CDEV_SELECT) and CDEV_SEL2_REPLY (sel2: later, the operations that
 * became ready).  MINIX declares the requests' id as endpoint_t; it is the
 * same 32 bits as cdev_id_t. */
typedef struct {
	endpoint_t id;            /* echoed in the CDEV_REPLY */
	endpoint_t user;          /* CDEV_OPEN: the process opening */
	devminor_t minor;
	int access;               /* CDEV_OPEN: CDEV_R_BIT, CDEV_W_BIT, CDEV_NOCTTY */
	uint8_t padding[40];
} mess_vfs_lchardriver_openclose;
_ASSERT_MSG_SIZE(mess_vfs_lchardriver_openclose);

typedef struct {
	off_t pos;                /* byte position (READ, WRITE) */
	cp_grant_id_t grant;      /* the buffer, or the ioctl's argument */
	size_t count;             /* bytes (READ, WRITE) */
	int request;              /* CDEV_IOCTL: the request */
	int flags;                /* CDEV_NONBLOCK or CDEV_NOFLAGS */
	endpoint_t id;            /* echoed in the CDEV_REPLY */
	endpoint_t user;          /* the process on whose behalf */
	devminor_t minor;
	uint8_t padding[20];
} mess_vfs_lchardriver_readwrite;
_ASSERT_MSG_SIZE(mess_vfs_lchardriver_readwrite);

typedef struct {
	endpoint_t id;            /* the request to cancel */
	devminor_t minor;
	uint8_t padding[48];
} mess_vfs_lchardriver_cancel;
_ASSERT_MSG_SIZE(mess_vfs_lchardriver_cancel);

typedef struct {
	devminor_t minor;
	int ops;                  /* CDEV_OP_RD, _WR, _ERR, and CDEV_NOTIFY */
	uint8_t padding[48];
} mess_vfs_lchardriver_select;
_ASSERT_MSG_SIZE(mess_vfs_lchardriver_select);

typedef struct {
	int status;               /* OK, the bytes, or an error */
	uint32_t id;              /* the request's */
	uint8_t padding[48];
} mess_lchardriver_vfs_reply;
_ASSERT_MSG_SIZE(mess_lchardriver_vfs_reply);

typedef struct {
	int status;               /* the CDEV_OP_* ready now, or an error */
	int32_t minor;
	uint8_t padding[48];
} mess_lchardriver_vfs_sel1;
_ASSERT_MSG_SIZE(mess_lchardriver_vfs_sel1);

typedef struct {
	int status;               /* the CDEV_OP_* that became ready */
	int32_t minor;
	uint8_t padding[48];
} mess_lchardriver_vfs_sel2;
_ASSERT_MSG_SIZE(mess_lchardriver_vfs_sel2);

/* VFS <-> file system requests (REQ_*) and their replies. */
typedef struct {
	uint32_t ino;             /* inode the request is about */
	uint32_t pos_lo, pos_hi;  /* byte position (read, write, getdents) */
	int grant;                /* buffer of VFS or (magic) of the user */
	uint32_t count;           /* bytes; REQ_LOOKUP: length of the name */
	uint32_t flags;
	union {
		struct {
			endpoint_t dev;   /* REQ_READSUPER: the block driver */
			int minor;        /* REQ_READSUPER: its minor */
		};
		struct {
			uint32_t uid;     /* requests: the caller's; replies */
			uint32_t gid;     /* with r_ino: the node's owner */
		};
	};
	/* reply */
	int status;               /* OK, bytes, or an error */
	uint32_t r_ino;           /* REQ_LOOKUP, REQ_READSUPER */
	uint32_t r_mode;
	uint32_t r_size_lo, r_size_hi;
	uint32_t r_nlink;
} mess_fs_req;
_ASSERT_MSG_SIZE(mess_fs_req);

/* System calls to PM (see <minix/callnr.h>). */
typedef struct {
	int i1, i2, i3, i4;
	vir_bytes p1, p2, p3;
	char name[PROC_NAME_LEN];
	uint8_t padding[12];
} mess_pm;
_ASSERT_MSG_SIZE(mess_pm);

/* System calls to VFS, and PM's notices to it. */
typedef struct {
	int fd, fd2;
	int flags;              /* open flags, ioctl request, fcntl command */
	int mode;               /* create mode, fcntl argument */
	vir_bytes buf;          /* user buffer or path */
	vir_bytes len;
	vir_bytes path2;        /* rename */
	vir_bytes path2_len;
	uint32_t off_lo, off_hi;/* lseek: in and out */
	int whence;
	endpoint_t who, who2;   /* PM notices */
	uint8_t padding[4];
} mess_vfs;
_ASSERT_MSG_SIZE(mess_vfs);

/* SYS_VUMAP_RELEASE. */
typedef struct {
	vir_bytes paddr;   /* struct vumap_phys[] in the caller */
	int pcount;        /* 0 with VUMAP_RELEASE_FROM */
	int flags;         /* VUMAP_RELEASE_FROM: every hold passed on from `from` */
	endpoint_t from;   /* a dead supervised driver (grant.c) */
	uint8_t padding[40];
} mess_krn_vumap_release;
_ASSERT_MSG_SIZE(mess_krn_vumap_release);

/* SYS_SCHEDCTL (MINIX's sys_schedctl). */
typedef struct {
	uint32_t flags;    /* SCHEDCTL_FLAG_KERNEL */
	endpoint_t endpt;
	int priority;      /* queue, 0 (highest) .. NR_SCHED_QUEUES-1 */
	int quantum;       /* ticks; 0: leave it */
	int cpu;           /* 0 (uniprocessor) */
	uint8_t padding[36];
} mess_krn_schedctl;
_ASSERT_MSG_SIZE(mess_krn_schedctl);

typedef struct {
	endpoint_t m_source; /* who sent it; set by the kernel */
	int m_type;          /* request or reply code */
	union {
		mess_1 m_m1;
		mess_2 m_m2;
		mess_3 m_m3;
		mess_u8 m_u8;
		mess_u32 m_u32;
		mess_notify m_notify;
		mess_krn_fork m_fork;
		mess_krn_proc m_proc;
		mess_krn_setalarm m_alarm;
		mess_krn_times m_times;
		mess_krn_irqctl m_irqctl;
		mess_krn_devio m_devio;
		mess_krn_sdevio m_sdevio;
		mess_krn_getinfo m_getinfo;
		mess_krn_umap m_umap;
		mess_krn_diag m_diag;
		mess_krn_setgrant m_setgrant;
		mess_krn_safecopy m_safecopy;
		mess_krn_vsafecopy m_vsafecopy;
		mess_krn_safememset m_safememset;
		mess_krn_safemap m_safemap;
		mess_krn_vumap m_vumap;
		mess_krn_vmctl m_vmctl;
		mess_krn_vumap_release m_vumap_release;
		mess_krn_exec m_exec;
		mess_krn_vircopy m_vircopy;
		mess_krn_fipatch m_fipatch;
		mess_krn_sigctx m_sigctx;
		mess_krn_schedctl m_schedctl;
		mess_ds_req m_ds_req;
		mess_ds_reply m_ds_reply;
		mess_rs m_rs;
		mess_rs_fi m_rs_fi;
		mess_lbdev_lblockdriver_msg m_lbdev_lblockdriver_msg;
		mess_lblockdriver_lbdev_reply m_lblockdriver_lbdev_reply;
		mess_vfs_lchardriver_openclose m_vfs_lchardriver_openclose;
		mess_vfs_lchardriver_readwrite m_vfs_lchardriver_readwrite;
		mess_vfs_lchardriver_cancel m_vfs_lchardriver_cancel;
		mess_vfs_lchardriver_select m_vfs_lchardriver_select;
		mess_lchardriver_vfs_reply m_lchardriver_vfs_reply;
		mess_lchardriver_vfs_sel1 m_lchardriver_vfs_sel1;
		mess_lchardriver_vfs_sel2 m_lchardriver_vfs_sel2;
		mess_fs_req m_fs;
		mess_pm m_pm;
		mess_vfs m_vfs;
		uint8_t size[56];
	};
} __attribute__((aligned(16))) message;
_Static_assert(sizeof(message) == 64, "message must be 64 bytes");

/* MINIX field shorthands. */
#define m1_i1 m_m1.m1i1
#define m1_i2 m_m1.m1i2
#define m1_i3 m_m1.m1i3
#define m1_p1 m_m1.m1p1
#define m1_p2 m_m1.m1p2
#define m1_p3 m_m1.m1p3
#define m1_p4 m_m1.m1p4
#define m2_i1 m_m2.m2i1
#define m2_i2 m_m2.m2i2
#define m2_i3 m_m2.m2i3
#define m2_l1 m_m2.m2l1
#define m2_l2 m_m2.m2l2
#define m2_p1 m_m2.m2p1
#define m3_i1 m_m3.m3i1
#define m3_i2 m_m3.m3i2
#define m3_p1 m_m3.m3p1
#define m3_ca1 m_m3.m3ca1

/* SENDA: one entry of the asynchronous message table in sender memory. */
typedef struct asynmsg {
	unsigned flags;
	endpoint_t dst;
	int result;
	message msg;
} asynmsg_t;
#define AMF_EMPTY      000 /* slot is not in use */
#define AMF_VALID      001 /* slot holds a message to send */
#define AMF_DONE       002 /* kernel processed it; result is valid */
#define AMF_NOTIFY     004 /* notify the sender when done */
#define AMF_NOREPLY    010 /* not a reply (affects nothing here) */
#define AMF_NOTIFY_ERR 020 /* notify only when delivery failed */
#define NR_ASYNC_MSGS  64  /* at most this many entries per table */

/* The IPC primitives (lib/libsys/ipc.c). Return OK or a negative E*. */
int ipc_send(endpoint_t dest, message *m_ptr);
int ipc_receive(endpoint_t src, message *m_ptr, int *status_ptr);
int ipc_sendrec(endpoint_t src_dest, message *m_ptr);
int ipc_notify(endpoint_t dest);
int ipc_sendnb(endpoint_t dest, message *m_ptr);
int ipc_senda(asynmsg_t *table, size_t count);
int _kernel_call(int syscallnr, message *m_ptr);

#endif
