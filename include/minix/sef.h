/* minix/sef.h - the System Event Framework, small: a service's start-up
 * and its receive loop, with MINIX's names.  sef_startup() asks RS how
 * this instance starts (fresh, or restarted after a failure); the receive
 * loop answers RS's heartbeat and obeys `service fi` (lib/libsys/sef.c,
 * docs/services.md).  There is no live update: its callbacks are kept and
 * never called.
 */
#ifndef _MINIX_SEF_H
#define _MINIX_SEF_H
#include <minix/ipc.h>

#define SEF_INIT_FRESH   0
#define SEF_INIT_LU      1 /* live update: not yet */
#define SEF_INIT_RESTART 2

typedef struct { int flags; } sef_init_info_t;
typedef int (*sef_cb_init_t)(int type, sef_init_info_t *info);

typedef int (*sef_cb_lu_state_save_t)(int state, int flags);
typedef void (*sef_cb_signal_handler_t)(int signo);

/* MINIX's predefined init callbacks that mean the same here:
 * sef_cb_init_null() does nothing and returns OK.  Live update never
 * happens, so SEF_CB_INIT_LU_DEFAULT is never called.  (No
 * SEF_CB_INIT_RESTART_STATEFUL: a restarted instance here cannot take
 * the dead one's state.) */
int sef_cb_init_null(int type, sef_init_info_t *info);
#define SEF_CB_INIT_FRESH_NULL     sef_cb_init_null
#define SEF_CB_INIT_LU_NULL        sef_cb_init_null
#define SEF_CB_INIT_RESTART_NULL   sef_cb_init_null
#define SEF_CB_INIT_FRESH_DEFAULT  sef_cb_init_null
#define SEF_CB_INIT_LU_DEFAULT     sef_cb_init_null

void sef_setcb_init_fresh(sef_cb_init_t cb);
void sef_setcb_init_restart(sef_cb_init_t cb);
void sef_setcb_init_lu(sef_cb_init_t cb);                  /* never called */
void sef_setcb_lu_state_save(sef_cb_lu_state_save_t cb);   /* never called */
endpoint_t sef_self(void);
/* A signal from RS (SIGTERM: `service down`) runs cb in the receive loop;
 * without one, SIGTERM ends the service (exit status 0). */
void sef_setcb_signal_handler(sef_cb_signal_handler_t cb);    /* this service's endpoint (after sef_startup) */
void sef_startup(void);
/* Receive the next request; *status_ptr (if not NULL) gets the IPC status
 * (is_ipc_notify(), IPC_STATUS_CALL()). */
int sef_receive_status(endpoint_t src, message *m_ptr, int *status_ptr);
#define sef_receive(src, m) sef_receive_status((src), (m), NULL)
#endif
