/* errno.c - the errno variable of a user program.
 *
 * Library functions store positive E* values here (libc is built without
 * _SYSTEM); <errno.h> declares it.
 */

int errno;
