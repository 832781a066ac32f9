/* sys_devio.c - SYS_DEVIO: port I/O for drivers with the port ranges. */
#include <minix/syslib.h>

int sys_devio(int req, int port, uint32_t *value)
{
	message m = { 0 };
	int r;

	m.m_devio.request = req;
	m.m_devio.port = port;
	m.m_devio.value = (req & _DIO_OUTPUT) ? *value : 0;
	r = _kernel_call(SYS_DEVIO, &m);
	if (r == OK && (req & _DIO_INPUT))
		*value = m.m_devio.value;
	return r;
}

int sys_inb(int port, uint32_t *v) { return sys_devio(DIO_INPUT_BYTE, port, v); }
int sys_inw(int port, uint32_t *v) { return sys_devio(DIO_INPUT_WORD, port, v); }
int sys_inl(int port, uint32_t *v) { return sys_devio(DIO_INPUT_LONG, port, v); }
int sys_outb(int port, uint32_t v) { return sys_devio(DIO_OUTPUT_BYTE, port, &v); }
int sys_outw(int port, uint32_t v) { return sys_devio(DIO_OUTPUT_WORD, port, &v); }
int sys_outl(int port, uint32_t v) { return sys_devio(DIO_OUTPUT_LONG, port, &v); }

/* MINIX's sys_in/sys_out: type is _DIO_BYTE, _DIO_WORD or _DIO_LONG (the
 * kernel answers EINVAL to anything else). */
int sys_in(int port, u32_t *value, int type)
{
	return sys_devio(_DIO_INPUT | type, port, value);
}

int sys_out(int port, u32_t value, int type)
{
	return sys_devio(_DIO_OUTPUT | type, port, &value);
}
