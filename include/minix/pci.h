/* minix/pci.h - libpci: PCI configuration space for drivers (lib/libpci).
 *
 * A driver links libpci and finds its device itself; there is no PCI
 * server.  Configuration space is reached through the legacy mechanism #1
 * ports 0xCF8 (address) and 0xCFC (data) with SYS_DEVIO, so the driver's
 * .conf needs `system DEVIO;` and `io cf8:8;`.
 *
 * The names are MINIX's (pci_first_dev, pci_next_dev, pci_attr_r32,
 * pci_get_bar, ...) so MINIX driver authors recognize them; devind is an
 * index into the table pci_init() fills by scanning the buses.
 *
 *	if (pci_init() != OK) ...;            (EPERM: no cf8:8 in the .conf)
 *	if (pci_find_id(0x1af4, 0x1001, 0, &devind) != OK) ...;   (ENODEV)
 *	pci_get_bar(devind, PCI_BAR, &base, &size, &ioflag);
 *	irq = pci_attr_r8(devind, PCI_ILR);
 *	pci_enable(devind, PCI_CR_IO_EN | PCI_CR_MAST_EN);
 */
#ifndef _MINIX_PCI_H
#define _MINIX_PCI_H

#include <stdint.h>

/* Configuration space registers (type 0 header; MINIX's names). */
#define PCI_VID		0x00	/* vendor ID, 16 bits */
#define PCI_DID		0x02	/* device ID, 16 bits */
#define PCI_CR		0x04	/* command register, 16 bits */
#define PCI_SR		0x06	/* status register, 16 bits */
#define PCI_REV		0x08	/* revision ID */
#define PCI_PIFR	0x09	/* programming interface */
#define PCI_SCR		0x0A	/* subclass */
#define PCI_BCR		0x0B	/* base class */
#define PCI_HEADT	0x0E	/* header type; bit 7: multi-function */
#define PCI_BAR		0x10	/* BAR 0; BAR n at PCI_BAR + 4 * n */
#define PCI_BAR_2	0x14
#define PCI_BAR_3	0x18
#define PCI_BAR_4	0x1C
#define PCI_BAR_5	0x20
#define PCI_BAR_6	0x24
#define PCI_SUBVID	0x2C	/* subsystem vendor ID */
#define PCI_SUBDID	0x2E	/* subsystem ID */
#define PCI_ILR		0x3C	/* interrupt line (0xff: none) */
#define PCI_IPR		0x3D	/* interrupt pin (0: none, 1..4: INTA..INTD) */
#define PPB_SECBN	0x19	/* PCI-to-PCI bridge: secondary bus number */

/* Command register bits. */
#define PCI_CR_IO_EN	0x0001	/* decode I/O BARs */
#define PCI_CR_MEM_EN	0x0002	/* decode memory BARs */
#define PCI_CR_MAST_EN	0x0004	/* bus master (the device may DMA) */
#define PCI_CR_INTX_DIS	0x0400	/* INTx interrupts disabled */

#define PCI_MAX_DEVS	64	/* devices (functions) pci_init() records */
#define PCI_ILR_NONE	0xff

/* Scan every bus reachable from bus 0 (bridges followed).  OK, or the
 * SYS_DEVIO error (EPERM without cf8:8).  Later calls scan again. */
int pci_init(void);

/* Iterate over the devices found: OK with the first/next device, ENODEV
 * past the last. */
int pci_first_dev(int *devind, uint16_t *vid, uint16_t *did);
int pci_next_dev(int *devind, uint16_t *vid, uint16_t *did);

/* The index-th (0, 1, ...) device with this vendor/device ID, or with this
 * base class and subclass (pif -1: any programming interface).  OK or
 * ENODEV. */
int pci_find_id(uint16_t vid, uint16_t did, int index, int *devind);
int pci_find_class(int bclass, int subclass, int pif, int index, int *devind);

/* Where the device is: bus, device (slot) and function. */
int pci_location(int devind, int *bus, int *dev, int *func);

/* Configuration space reads and writes; port is a register offset,
 * aligned to the access size.  A bad devind or port reads as all ones
 * and writes nothing. */
uint8_t pci_attr_r8(int devind, int port);
uint16_t pci_attr_r16(int devind, int port);
uint32_t pci_attr_r32(int devind, int port);
void pci_attr_w8(int devind, int port, uint8_t value);
void pci_attr_w16(int devind, int port, uint16_t value);
void pci_attr_w32(int devind, int port, uint32_t value);

/* The BAR at configuration register port (PCI_BAR .. PCI_BAR_6): its base
 * address, its size (probed by writing all ones, with decoding off
 * meanwhile) and whether it is an I/O BAR (*ioflag 1) or memory (0).
 * OK; EINVAL for a bad devind or port; ENXIO for an unimplemented BAR
 * (size 0) or a 64-bit memory BAR above 4 GiB. */
int pci_get_bar(int devind, int port, uint32_t *base, uint32_t *size,
	int *ioflag);

/* The interrupt line the firmware routed to the device (PCI_ILR), or -1
 * when it has none (no pin, or line 0xff). */
int pci_irq(int devind);

/* Set bits (PCI_CR_IO_EN, PCI_CR_MEM_EN, PCI_CR_MAST_EN) in the command
 * register.  OK, or EINVAL for a bad devind. */
int pci_enable(int devind, uint16_t bits);

/* "bb:dd.f vvvv:dddd" in buf (at least 20 bytes): for messages. */
const char *pci_slot_name(int devind, char *buf);

#endif
