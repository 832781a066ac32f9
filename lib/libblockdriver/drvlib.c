/* drvlib.c - MBR partition tables for disk drivers: partition() reads a
 * device's table (and, for its primary partitions, the subpartition
 * table of a MINIX partition or the chain of an extended one) through
 * the driver's own bdr_transfer, and sets the struct devices bdr_part()
 * gives for the partitions' minors (MINIX's numbering, minix/drvlib.h).
 * Reading a disk's primary table first empties all its partitions and
 * subpartitions, so that a table gone or invalid leaves none (size 0).
 * A partition is cut to fit its device; an unused entry becomes an
 * empty device (every transfer moves 0 bytes).  The read goes through a grant of
 * ours to ourselves, so the driver's transfer code needs no special case.
 */
#include <string.h>
#include <minix/drvlib.h>

#define ext_part(s)	((s) == EXT_PART || (s) == EXT_PART_LBA)
#define MAX_LOGICAL	64	/* tables followed in one extended chain */

static u8_t table_buf[SECTOR_SIZE] __attribute__((aligned(SECTOR_SIZE)));

/* Read the table at sector `offset` of minor device: 1 and the four
 * entries, or 0 if it cannot be read or has no 55 AA signature. */
static int get_part_table(const struct blockdriver *bdp, int device,
	u32_t offset, struct part_entry *table)
{
	iovec_t iov;
	cp_grant_id_t g;
	ssize_t r;

	g = cpf_grant_direct(sef_self(), (vir_bytes)table_buf, sizeof(table_buf),
	    CPF_READ | CPF_WRITE);
	if (g < 0)
		return 0;
	iov.iov_addr = (vir_bytes)g;
	iov.iov_size = SECTOR_SIZE;
	r = bdp->bdr_transfer(device, 0, (u64_t)offset * SECTOR_SIZE, sef_self(),
	    &iov, 1, BDEV_NOFLAGS);
	cpf_revoke(g);
	if (r != SECTOR_SIZE || table_buf[510] != 0x55 || table_buf[511] != 0xaa)
		return 0;
	memcpy(table, table_buf + PART_TABLE_OFF, NR_PARTITIONS * sizeof(*table));
	return 1;
}

/* Used entries first, by first sector (MINIX sorts primary tables). */
static void sort(struct part_entry *t)
{
	struct part_entry tmp;
	int i, j;

	for (i = 0; i < NR_PARTITIONS - 1; i++)
		for (j = 0; j < NR_PARTITIONS - 1 - i; j++)
			if (t[j].sysind == NO_PART || (t[j + 1].sysind != NO_PART &&
			    t[j].lowsec > t[j + 1].lowsec)) {
				tmp = t[j], t[j] = t[j + 1], t[j + 1] = tmp;
			}
}

/* The first subpartition minor of primary partition minor dev. */
static int first_sub(int dev)
{
	int disk = dev / DEV_PER_DRIVE, par = dev % DEV_PER_DRIVE - 1;

	return MINOR_d0p0s0 + (disk * NR_PARTITIONS + par) * NR_PARTITIONS;
}

/* The logical partitions of extended partition extdev, which starts at
 * sector extbase: subpartitions in the order of the chain. */
static void extpartition(const struct blockdriver *bdp, int extdev, u32_t extbase)
{
	struct part_entry table[NR_PARTITIONS], *pe;
	int subdev = first_sub(extdev), par, hops = 0;
	u32_t offset = 0, next;
	struct device *dv;

	do {
		if (!get_part_table(bdp, extdev, offset, table))
			return;
		sort(table);
		next = 0;
		for (par = 0; par < NR_PARTITIONS; par++) {
			pe = &table[par];
			if (ext_part(pe->sysind)) {
				next = pe->lowsec;
			} else if (pe->sysind != NO_PART) {
				if ((dv = bdp->bdr_part(subdev)) == NULL)
					return;
				dv->dv_base = ((u64_t)extbase + offset + pe->lowsec) * SECTOR_SIZE;
				dv->dv_size = (u64_t)pe->size * SECTOR_SIZE;
				if (++subdev % NR_PARTITIONS == 0)
					return;
			}
		}
	} while ((offset = next) != 0 && ++hops < MAX_LOGICAL);
}

static void parse_part_table(const struct blockdriver *bdp, int device, int style)
{
	struct part_entry table[NR_PARTITIONS], *pe;
	struct device *dv;
	u32_t base, limit, part_limit;
	int par, s, first;

	if ((dv = bdp->bdr_part(device)) == NULL || dv->dv_size == 0)
		return;
	base = (u32_t)(dv->dv_base / SECTOR_SIZE);
	limit = base + (u32_t)(dv->dv_size / SECTOR_SIZE);
	if (!get_part_table(bdp, device, 0, table))
		return;
	if (style == P_PRIMARY) {
		sort(table);
		first = device + 1;
	} else if (style == P_SUB) {
		first = first_sub(device);
	} else {
		first = device + MINOR_fd0p0;
	}
	for (par = 0; par < NR_PARTITIONS; par++) {
		pe = &table[par];
		if ((dv = bdp->bdr_part(first + par)) == NULL)
			return;
		part_limit = pe->lowsec + pe->size;
		if (part_limit < pe->lowsec || part_limit > limit)
			part_limit = limit;
		if (pe->lowsec < base)
			pe->lowsec = base;
		if (part_limit < pe->lowsec)
			part_limit = pe->lowsec;
		dv->dv_base = (u64_t)pe->lowsec * SECTOR_SIZE;
		dv->dv_size = (u64_t)(part_limit - pe->lowsec) * SECTOR_SIZE;
		if (pe->sysind == NO_PART)
			dv->dv_size = 0;
		if (style != P_PRIMARY)
			continue;
		/* Forget what the partition's subpartitions were. */
		for (s = 0; s < NR_PARTITIONS; s++) {
			struct device *sdv = bdp->bdr_part(first_sub(first + par) + s);
			if (sdv != NULL)
				sdv->dv_base = sdv->dv_size = 0;
		}
		if (pe->sysind == MINIX_PART)
			parse_part_table(bdp, first + par, P_SUB);
		else if (ext_part(pe->sysind))
			extpartition(bdp, first + par, pe->lowsec);
	}
}

/* The primary partitions of disk minor device and their subpartitions
 * become empty: what a table that cannot be read leaves. */
static void clear_primary(const struct blockdriver *bdp, int device)
{
	struct device *dv;
	int par, s;

	for (par = 1; par <= NR_PARTITIONS; par++) {
		if ((dv = bdp->bdr_part(device + par)) != NULL)
			dv->dv_base = dv->dv_size = 0;
		for (s = 0; s < NR_PARTITIONS; s++)
			if ((dv = bdp->bdr_part(first_sub(device + par) + s)) != NULL)
				dv->dv_base = dv->dv_size = 0;
	}
}

void partition(const struct blockdriver *bdp, int device, int style, int atapi)
{
	(void)atapi;	/* tables are read in 512-byte sectors */
	if (bdp->bdr_part == NULL || bdp->bdr_part(device) == NULL)
		return;
	/* Partitions set before (an earlier table, DIOCSETP) go first: a disk
	 * whose table is gone or invalid has none (size 0), as MINIX's
	 * drivers clear them before partition() at the first open. */
	if (style == P_PRIMARY)
		clear_primary(bdp, device);
	parse_part_table(bdp, device, style);
}

struct device *drvlib_minor(struct device (*part)[DEV_PER_DRIVE],
	struct device (*subpart)[SUB_PER_DRIVE], int ndrives, devminor_t minor,
	int *drive)
{
	if (minor >= 0 && minor < ndrives * DEV_PER_DRIVE) {
		*drive = minor / DEV_PER_DRIVE;
		return &part[*drive][minor % DEV_PER_DRIVE];
	}
	minor -= MINOR_d0p0s0;
	if (minor >= 0 && minor < ndrives * SUB_PER_DRIVE) {
		*drive = minor / SUB_PER_DRIVE;
		return &subpart[*drive][minor % SUB_PER_DRIVE];
	}
	return NULL;
}
