/* arch/i386/i8253.c - the programmable interval timer, channel 0, at HZ. */
#include "arch.h"

#define PIT_FREQ 1193182

void pit_init(int hz)
{
	uint32_t div = (PIT_FREQ + hz / 2) / hz;

	outb(0x43, 0x34); /* channel 0, lobyte/hibyte, rate generator */
	outb(0x40, div & 0xff);
	outb(0x40, (div >> 8) & 0xff);
}
