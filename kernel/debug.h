/* debug.h - console dump keys (see debug.c). */
#ifndef DEBUG_H
#define DEBUG_H
void debug_key(int c);
#endif
