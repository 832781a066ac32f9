/* consreset.h - the console reset, BREAK then r (see consreset.c). */
#ifndef CONSRESET_H
#define CONSRESET_H
/* COM1's line status register, as a driver may read it: a BREAK and the
 * key after it taken (every read of that register goes through this). */
int cons_line_status(void);
/* Look at the console line (while a driver owns it): at each COM1
 * interrupt, before its driver hears of it, and at each clock tick. */
void cons_watch(void);
#endif
