/* at_wini.h - the ATA driver's registers, commands and state, shared by
 * at_wini.c (identify, PIO, the protocol) and dma.c (bus-master DMA).
 */
#ifndef AT_WINI_H
#define AT_WINI_H
#include <minix/syslib.h>
#include <minix/blockdriver.h>
#include <minix/drvlib.h>

/* The primary channel's legacy ports and line (at_wini.conf). */
#define REG_BASE      0x1f0
#define REG_DATA      (REG_BASE + 0)
#define REG_ERROR     (REG_BASE + 1)
#define REG_COUNT     (REG_BASE + 2)
#define REG_LBA0      (REG_BASE + 3)
#define REG_LBA1      (REG_BASE + 4)
#define REG_LBA2      (REG_BASE + 5)
#define REG_DEVICE    (REG_BASE + 6)
#define REG_STATUS    (REG_BASE + 7)  /* reading it acknowledges the IRQ */
#define REG_COMMAND   (REG_BASE + 7)
#define REG_CTL       0x3f6           /* write: device control */
#define REG_ALTSTATUS 0x3f6           /* read: status, acknowledging nothing */
#define W_IRQ         14
#define W_HOOK        0               /* bit of the IRQ's NOTIFY */

#define ST_BSY  0x80
#define ST_DRDY 0x40
#define ST_DF   0x20
#define ST_DRQ  0x08
#define ST_ERR  0x01
#define CTL_NIEN 0x02
#define CTL_SRST 0x04
#define DEV_LBA  0xe0                 /* master, LBA addressing */
#define DEV_SLAVE 0x10                /* with DEV_LBA: the slave */

#define CMD_READ       0x20
#define CMD_READ_EXT   0x24
#define CMD_WRITE      0x30
#define CMD_WRITE_EXT  0x34
#define CMD_READ_DMA      0xc8
#define CMD_READ_DMA_EXT  0x25
#define CMD_WRITE_DMA     0xca
#define CMD_WRITE_DMA_EXT 0x35
#define CMD_READ_MULT      0xc4
#define CMD_READ_MULT_EXT  0x29
#define CMD_WRITE_MULT     0xc5
#define CMD_WRITE_MULT_EXT 0x39
#define CMD_SET_MULT   0xc6
#define CMD_IDENTIFY   0xec

#define ID_CAP_DMA    0x0100          /* word 49 */
#define ID_CAP_LBA    0x0200          /* word 49 */
#define ID_CMD_LBA48  0x0400          /* word 83 */

#define LBA28_LIMIT     (1ull << 28)
#define MAX_PIO_SECTORS 256           /* one command */
#define W_TIMEOUT_S     5             /* seconds a command may take */

#define NR_DRIVES 2                   /* master (d0, minor 0), slave (d1, minor 5) */
struct drive {
	int present;          /* it answered IDENTIFY */
	int sel;              /* its bit in the device register */
	uint64_t sectors;     /* its size */
	int lba48;
	int dma;              /* it can do DMA (IDENTIFY word 49) */
	int max_multiple;     /* sectors a DRQ block may have (IDENTIFY word 47) */
	int multiple;         /* what SET MULTIPLE MODE set: 1, or up to 16 */
	char model[41];
};

struct wini {
	struct drive d[NR_DRIVES];
	int hook;             /* IRQ hook */
	int pio_only;         /* argument "pio" or ATAIOCSPIO: no DMA */
	int dma;              /* bus-master DMA in use on the channel */
	int bm_base;          /* the bus-master registers of the primary channel */
	clock_t deadline;     /* of the running command's alarm */
	unsigned long errors; /* device errors and timeouts */
};
extern struct wini wini;

/* The position in a request's vector: piece i, offset off. */
struct cursor { unsigned int i; vir_bytes off; };
void cursor_advance(struct cursor *c, const iovec_t *iov, vir_bytes n);

uint8_t w_in(int reg);
void w_alarm_start(void);
void w_alarm_stop(void);
void w_out(int reg, int v);
int w_intr_wait(void);
void w_reset(void);
int w_command(const struct drive *d, int cmd, uint64_t lba, unsigned int count,
	int ext);

/* dma.c */
void dma_init(void);
int dma_transfer(const struct drive *d, int do_write, uint64_t *lba, uint64_t *left,
	endpoint_t endpt, const iovec_t *iov, unsigned int count, struct cursor *c);
#endif
