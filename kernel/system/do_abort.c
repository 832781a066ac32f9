/* do_abort.c - SYS_ABORT: PM stops the machine, after init has ended the
 * user processes and VFS has synced the file systems.
 *
 *	RBT_POWEROFF	code != 0 (a test run): the code goes to QEMU's
 *			isa-debug-exit port (QEMU exits with (code << 1) | 1).
 *			Then ACPI soft-off (S5) through the PIIX4 power
 *			management registers: QEMU exits with status 0.
 *	RBT_REBOOT	reset: the PIIX reset control register (0xcf9), then
 *			the keyboard controller, then a triple fault.  QEMU's
 *			-no-reboot makes a reset leave QEMU with status 0.
 *	RBT_HALT	"System halted.", interrupts off, the CPU halts.
 *	RBT_PANIC	panics.
 *
 * The PIIX4 PM function (PCI 0:1.3, Intel 8086:7113) has its I/O base
 * (PMBA) at config offset 0x40, set up by the BIOS (SeaBIOS: 0x600 on
 * current QEMU, 0xb000 on old ones); PM1a_CNT is at PMBA + 4, and soft-off
 * is SLP_TYP 0 (QEMU's DSDT _S5) with SLP_EN (bit 13).  Reading PMBA from
 * PCI instead of guessing a port keeps us off unknown hardware.  On the
 * q35 machine (make run IOMMU=1) the same registers are the ICH9 LPC
 * bridge's (0:1f.0, 8086:2918): PMBASE at 0x40, ACPI on in bit 7 of 0x44.
 */
#include "../system.h"

#define PCI_ADDR	0xcf8
#define PCI_DATA	0xcfc
#define PIIX4_PM	(0x80000000u | (0 << 16) | (1 << 11) | (3 << 8))
#define PIIX4_PM_ID	0x71138086u	/* device << 16 | vendor */
#define PMBA		0x40
#define PMREGMISC	0x80		/* bit 0: the PM I/O space is on */
#define ICH9_LPC	(0x80000000u | (0 << 16) | (31 << 11) | (0 << 8))
#define ICH9_LPC_ID	0x29188086u
#define ICH9_ACPI_CNTL	0x44		/* bit 7: the PM I/O space is on */
#define PM1_CNT		4
#define SLP_EN		(1u << 13)
#define RESET_CONTROL	0xcf9
#define KBC_COMMAND	0x64
#define KBC_PULSE_RESET	0xfe

/* About a second of port 0x80 reads: the machine acts on a power-off or
 * reset a little after the write (QEMU too), so wait before trying the
 * next way or saying it failed. */
static void settle(void)
{
	int i;

	for (i = 0; i < 1000000; i++)
		(void)inb(0x80);
}

static uint32_t pci_read(uint32_t fn, int reg)
{
	outl(PCI_ADDR, fn | (uint32_t)reg);
	return inl(PCI_DATA);
}

/* ACPI soft-off on a PIIX4 or an ICH9; returns if there is none (or it did not act). */
static void acpi_poweroff(void)
{
	uint32_t base;

	if (pci_read(PIIX4_PM, 0) == PIIX4_PM_ID && (pci_read(PIIX4_PM, PMREGMISC) & 1))
		base = pci_read(PIIX4_PM, PMBA) & 0xffc0;
	else if (pci_read(ICH9_LPC, 0) == ICH9_LPC_ID && (pci_read(ICH9_LPC, ICH9_ACPI_CNTL) & 0x80))
		base = pci_read(ICH9_LPC, PMBA) & 0xff80;
	else
		return;
	if (base == 0)
		return;
	klog("kernel: ACPI soft-off, PM1a_CNT at 0x%x\n", base + PM1_CNT);
	outw((uint16_t)(base + PM1_CNT), (uint16_t)SLP_EN);
	settle();
}

static void reset(void)
{
	static const uint32_t no_idt[2] = { 0, 0 };
	int i;

	outb(RESET_CONTROL, 0x02);
	outb(RESET_CONTROL, 0x06);	/* hard reset */
	settle();
	for (i = 0; i < 100000 && (inb(KBC_COMMAND) & 0x02); i++)
		;
	outb(KBC_COMMAND, KBC_PULSE_RESET);
	settle();
	/* Still here: an empty IDT and an interrupt make a triple fault. */
	__asm__ volatile("lidt (%0); int3" : : "r"(no_idt));
}

int do_abort(struct proc *caller, message *m)
{
	int how = m->m_diag.how, code = m->m_diag.code;

	if (how != RBT_HALT && how != RBT_POWEROFF && how != RBT_PANIC &&
	    how != RBT_REBOOT)
		return EINVAL;
	if (code < 0 || code > 0xff)
		return EINVAL;
	kprintf("kernel: %s asked to %s (code %d)\n", caller->p_name,
	    how == RBT_HALT ? "halt" : how == RBT_POWEROFF ? "power off" :
	    how == RBT_REBOOT ? "reboot" : "panic", code);
	if (how == RBT_PANIC)
		panic("SYS_ABORT from %s", caller->p_name);
	__asm__ volatile("cli");
	if (how == RBT_POWEROFF) {
		if (code != 0)
			outb(DEBUG_EXIT_PORT, (uint8_t)code);
		acpi_poweroff();
		kprintf("kernel: no ACPI power-off, halting instead\n");
	} else if (how == RBT_REBOOT) {
		reset();
	}
	kprintf("System halted.\n");
	for (;;)
		__asm__ volatile("cli; hlt");
}
