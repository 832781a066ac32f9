/* fitest.h - requests of the fitest service (tests/fitest/fitest.c). */
#ifndef FITEST_H
#define FITEST_H
#define FIT_PING  0x7f00 /* reply OK, m_u32.data[0] = how it started (SEF_INIT_*),
                          * data[1] = its starts, kept in DS across restarts */
#define FIT_PANIC 0x7f01 /* panic("asked to panic") */
#define FIT_EXIT  0x7f02 /* sys_exit(7) */
#define FIT_SPIN  0x7f03 /* hang: spin forever (send with SEND, no reply) */
#define FIT_CALL  0x7f04 /* FIT_PING endpoint m_u32.data[0]; reply: its result */
#define FIT_DMA   0x7f05 /* reply data[0] = sef_fi_dma(data[0]) (FI_WILDDMA's hook) */
#define FIT_WHERE 0x7f07 /* reply data[0] = &sef_receive_status (code every request runs) */
#define FIT_KCALL 0x7f06 /* SYS_NULL, then SYS_GETINFO; reply: the latter's result,
                          * data[0..2] = the FI_KCALL hook before, between, after */
#endif
