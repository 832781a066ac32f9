/* minix/const.h - small constants shared by the kernel and user space. */
#ifndef _MINIX_CONST_H
#define _MINIX_CONST_H
#ifndef OK
#define OK 0
#endif
#define TRUE  1
#define FALSE 0

/* Memory is allocated in clicks (MINIX's name): here one page. */
#define CLICK_SIZE  4096
#define CLICK_SHIFT 12
#define CLICK_CEIL(n) (((n) + CLICK_SIZE - 1) & ~(CLICK_SIZE - 1))
#define CLICK_FLOOR(n) ((n) & ~(CLICK_SIZE - 1))

/* sys_umap() segments (MINIX's values): virtual data addresses; grants
 * (VM_GRANT) are not taken here (sys_vumap maps grants). */
#define LOCAL_VM_SEG 0x1000
#define VM_D         (LOCAL_VM_SEG | 1)
#define VM_GRANT     (LOCAL_VM_SEG | 3)
#endif
