/* minix/drivers.h - what a MINIX driver's source includes to get the
 * whole driver API: types, IPC, kernel calls, grants, SEF, DS and the
 * libsys utilities. */
#ifndef _MINIX_DRIVERS_H
#define _MINIX_DRIVERS_H
#include <sys/cdefs.h>
#include <stddef.h>
#include <string.h>
#include <limits.h>
#include <errno.h>
#include <minix/config.h>
#include <minix/const.h>
#include <minix/type.h>
#include <minix/com.h>
#include <minix/ipc.h>
#include <minix/syslib.h>
#include <minix/sysutil.h>
#include <minix/safecopies.h>
#include <minix/sef.h>
#include <minix/ds.h>
#include <minix/minlib.h>
#endif
