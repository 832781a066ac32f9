/* do_devio.c - SYS_DEVIO: one port read or write inside the caller's I/O
 * ranges.
 */
#include "../system.h"
#include "../kdiag.h"
#include "../consreset.h"

/* OK if [port, port+size) lies in one of the caller's I/O ranges; else
 * EPERM, with the refusal on the kernel log (call names the call). */
int io_port_allowed(struct proc *caller, int port, int size, const char *call)
{
	const struct priv_desc *d = &priv(caller)->s_desc;
	int i;

	for (i = 0; i < d->pd_nr_io; i++)
		if (port >= d->pd_io[i].ior_base && port + size - 1 <= d->pd_io[i].ior_limit)
			return OK;
	kdiag(caller, "%s port 0x%x not in its .conf", call, port);
	return EPERM;
}

int do_devio(struct proc *caller, message *m)
{
	int req = m->m_devio.request, port = m->m_devio.port, size;

	switch (req & ~(_DIO_INPUT | _DIO_OUTPUT)) {
	case _DIO_BYTE: size = 1; break;
	case _DIO_WORD: size = 2; break;
	case _DIO_LONG: size = 4; break;
	default: return EINVAL;
	}
	if ((req & (_DIO_INPUT | _DIO_OUTPUT)) == 0 ||
	    (req & (_DIO_INPUT | _DIO_OUTPUT)) == (_DIO_INPUT | _DIO_OUTPUT) ||
	    port < 0 || port > 0x10000 - size)
		return EINVAL;
	if (io_port_allowed(caller, port, size, "SYS_DEVIO") != OK)
		return EPERM;
	if ((req & _DIO_INPUT) && port == CONS_LSR_PORT && size == 1) {
		m->m_devio.value = (uint32_t)cons_line_status(); /* consreset.c */
	} else if (req & _DIO_INPUT) {
		m->m_devio.value = size == 1 ? inb(port) : size == 2 ? inw(port) : inl(port);
	} else if (size == 1) {
		outb(port, (uint8_t)m->m_devio.value);
	} else if (size == 2) {
		outw(port, (uint16_t)m->m_devio.value);
	} else {
		outl(port, m->m_devio.value);
	}
	return OK;
}
