/* dma.c - at_wini's bus-master DMA (PIIX IDE function, BAR4): not yet;
 * dma_init() leaves wini.dma 0 and every transfer goes by PIO.
 */
#include "at_wini.h"

void dma_init(void)
{
}

ssize_t dma_transfer(int do_write, uint64_t lba, uint64_t bytes,
	endpoint_t endpt, const iovec_s_t *iov, unsigned int count)
{
	(void)do_write, (void)lba, (void)bytes, (void)endpt, (void)iov, (void)count;
	return EIO;
}
