/* sef.c - the System Event Framework, small (see <minix/sef.h>). */
#include <minix/sef.h>
#include <minix/errno.h>

static sef_cb_init_t init_fresh, init_restart;

void sef_setcb_init_fresh(sef_cb_init_t cb) { init_fresh = cb; }
void sef_setcb_init_restart(sef_cb_init_t cb) { init_restart = cb; }

void sef_startup(void)
{
	sef_init_info_t info = { 0 };

	/* Restarts are RS's business; until then every start is fresh. */
	if (init_fresh)
		init_fresh(SEF_INIT_FRESH, &info);
}

int sef_receive_status(endpoint_t src, message *m_ptr, int *status_ptr)
{
	int r;

	while ((r = ipc_receive(src, m_ptr, status_ptr)) != OK && r != EFAULT)
		;
	return r;
}
