/* rtc.c - example driver: the PC's CMOS real-time clock as a character
 * device, on libchardriver and SEF (docs/writing-drivers.md).
 *
 * A read of /dev/rtc (minor 0) answers one line, "YYYY-MM-DD HH:MM:SS\n"
 * (years 2000-2099, as the kernel reads the clock at boot),
 * read right after the clock's next update: the driver turns on the
 * update-ended interrupt (IRQ 8), holds the read (EDONTREPLY) and answers
 * it from the interrupt, when the clock's registers are stable for
 * almost a second (what MINIX's readclock gets by polling the
 * update-in-progress bit).  So a read takes up to a second, and every read
 * gives the time anew: `head -n 1 /dev/rtc` prints the time, `cat
 * /dev/rtc` a line a second until interrupted.  Writes are refused (EPERM:
 * the clock is read-only here).  A read that sees no interrupt within two
 * seconds fails with EIO.
 *
 * Its .conf (rtc.conf) gives it the ports 0x70-0x71 and IRQ 8; nothing
 * survives a restart but the clock itself.
 */
#include <stdio.h>
#include <minix/drivers.h>
#include <minix/chardriver.h>

#define RTC_INDEX  0x70  /* register number (bit 7 would mask NMIs) */
#define RTC_DATA   0x71
#define REG_SEC    0x00
#define REG_MIN    0x02
#define REG_HOUR   0x04
#define REG_DAY    0x07
#define REG_MONTH  0x08
#define REG_YEAR   0x09
#define REG_A      0x0a
#define REG_B      0x0b
#define REG_C      0x0c  /* interrupt flags: reading clears them */
#define B_UIE      0x10  /* update-ended interrupt enable */
#define B_DM       0x04  /* binary (not BCD) values */
#define B_24H      0x02
#define C_UF       0x10  /* an update ended */

#define RTC_IRQ    8
#define MAX_WAIT   8     /* reads waiting for the next update */

static int irq_hook = 0; /* in: bit 0 of the notification; out: the hook */
static struct { endpoint_t ep; cp_grant_id_t grant; size_t size; cdev_id_t id; } waiting[MAX_WAIT];
static int nwaiting;

static u32_t cmos_read(int reg)
{
	u32_t v = 0;

	if (sys_outb(RTC_INDEX, reg) != OK || sys_inb(RTC_DATA, &v) != OK)
		panic("rtc: CMOS register 0x%x: port I/O refused", reg);
	return v & 0xff;
}

static void cmos_write(int reg, u32_t v)
{
	if (sys_outb(RTC_INDEX, reg) != OK || sys_outb(RTC_DATA, v) != OK)
		panic("rtc: CMOS register 0x%x: port I/O refused", reg);
}

static int bcd(int v, int binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 0x0f);
}

/* The time now as text; the registers are stable right after an update. */
static int time_text(char *buf, size_t len)
{
	int b = (int)cmos_read(REG_B), bin = b & B_DM, hour;

	hour = (int)cmos_read(REG_HOUR);
	if (!(b & B_24H)) /* 12-hour mode: bit 7 is PM */
		hour = bcd(hour & 0x7f, bin) % 12 + ((hour & 0x80) ? 12 : 0);
	else
		hour = bcd(hour, bin);
	return snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d\n",
	    2000 + bcd((int)cmos_read(REG_YEAR), bin),
	    bcd((int)cmos_read(REG_MONTH), bin), bcd((int)cmos_read(REG_DAY), bin),
	    hour, bcd((int)cmos_read(REG_MIN), bin), bcd((int)cmos_read(REG_SEC), bin));
}

static void update_irq(int on)
{
	u32_t b = cmos_read(REG_B);

	cmos_write(REG_B, on ? (b | B_UIE) : (b & ~B_UIE));
	(void)cmos_read(REG_C); /* drop a flag left from before */
}

/* Answer every waiting read with r, or with the time if r is OK. */
static void answer_all(int r)
{
	char text[32];
	int i, n = time_text(text, sizeof(text)), res;

	for (i = 0; i < nwaiting; i++) {
		res = r;
		if (res == OK) {
			res = (size_t)n < waiting[i].size ? n : (int)waiting[i].size;
			if (sys_safecopyto(waiting[i].ep, waiting[i].grant, 0,
			    (vir_bytes)text, (size_t)res) != OK)
				res = EFAULT;
		}
		chardriver_reply_task(waiting[i].ep, waiting[i].id, res);
	}
	nwaiting = 0;
	update_irq(0);
	sys_setalarm(0, 0);
}

static int rtc_open(devminor_t minor, int access, endpoint_t user)
{
	return minor == 0 ? OK : ENXIO;
}

static int rtc_close(devminor_t minor)
{
	return OK;
}

static ssize_t rtc_read(devminor_t minor, u64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	if (minor != 0)
		return ENXIO;
	if (size == 0)
		return 0;
	if (nwaiting == MAX_WAIT)
		return EAGAIN;
	waiting[nwaiting].ep = endpt;
	waiting[nwaiting].grant = grant;
	waiting[nwaiting].size = size;
	waiting[nwaiting].id = id;
	if (nwaiting++ == 0) {
		update_irq(1);
		sys_setalarm(2 * sys_hz(), 0); /* no interrupt: EIO */
	}
	return EDONTREPLY;
}

static ssize_t rtc_write(devminor_t minor, u64_t pos, endpoint_t endpt,
	cp_grant_id_t grant, size_t size, int flags, cdev_id_t id)
{
	return EPERM;
}

static int rtc_cancel(devminor_t minor, endpoint_t endpt, cdev_id_t id)
{
	int i;

	for (i = 0; i < nwaiting; i++)
		if (waiting[i].ep == endpt && waiting[i].id == id) {
			waiting[i] = waiting[--nwaiting];
			if (nwaiting == 0)
				update_irq(0);
			return EINTR;
		}
	return EDONTREPLY; /* answered already */
}

static void rtc_intr(unsigned int mask)
{
	if (cmos_read(REG_C) & C_UF)
		answer_all(OK);
	if (sys_irqenable(&irq_hook) != OK)
		panic("rtc: sys_irqenable failed");
}

static void rtc_alarm(clock_t stamp)
{
	if (nwaiting > 0)
		answer_all(EIO);
}

static const struct chardriver rtc_tab = {
	.cdr_open   = rtc_open,
	.cdr_close  = rtc_close,
	.cdr_read   = rtc_read,
	.cdr_write  = rtc_write,
	.cdr_cancel = rtc_cancel,
	.cdr_intr   = rtc_intr,
	.cdr_alarm  = rtc_alarm,
};

/* Fresh start and restart alike: the interrupt off, the hook set, then
 * tell VFS (through DS) that the driver is up. */
static int rtc_init(int type, sef_init_info_t *info)
{
	int r;

	update_irq(0);
	if ((r = sys_irqsetpolicy(RTC_IRQ, 0, &irq_hook)) != OK)
		panic("rtc: sys_irqsetpolicy: %d", r);
	if ((r = sys_irqenable(&irq_hook)) != OK)
		panic("rtc: sys_irqenable: %d", r);
	return chardriver_announce();
}

int main(int argc, char **argv)
{
	env_setargs(argc, argv);
	sef_setcb_init_fresh(rtc_init);
	sef_setcb_init_restart(rtc_init);
	sef_startup();
	chardriver_task(&rtc_tab);
	return 0;
}
