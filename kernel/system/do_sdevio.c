/* do_sdevio.c - SYS_SDEVIO: string port I/O (rep ins/outs) between one
 * port of the caller's I/O ranges and memory: the caller's own (MINIX's
 * sys_insw/sys_outsw) or, with _DIO_SAFE, [offset, offset+bytes) of a
 * grant made to the caller (sys_safe_insw/sys_safe_outsw), checked like
 * every safecopy.  The data goes straight between the port and the
 * memory's frames: a disk driver's PIO lands in the file system's buffer
 * with no copy in the driver.  Everything is checked before the first
 * unit moves, so a refused call leaves the device and memory untouched.
 */
#include "../system.h"
#include "../memory.h"
#include "../grant.h"

static void port_in(int port, int unit, void *buf, size_t n)
{
	if (unit == 1)
		__asm__ volatile("rep insb" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
	else if (unit == 2)
		__asm__ volatile("rep insw" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
	else
		__asm__ volatile("rep insl" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
}

static void port_out(int port, int unit, const void *buf, size_t n)
{
	if (unit == 1)
		__asm__ volatile("rep outsb" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
	else if (unit == 2)
		__asm__ volatile("rep outsw" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
	else
		__asm__ volatile("rep outsl" : "+S"(buf), "+c"(n) : "d"(port) : "memory");
}

/* Move bytes (a multiple of unit) between port and [va, va+bytes) of p,
 * whose pages were checked: page by page through the physical map, a unit
 * that straddles two pages through a small buffer. */
static void transfer(struct proc *p, vir_bytes va, vir_bytes bytes, int port,
	int unit, int in)
{
	while (bytes > 0) {
		vir_bytes chunk = PAGE_SIZE - (va & ~PAGE_MASK);
		phys_bytes pa;

		if (chunk > bytes)
			chunk = bytes;
		if (chunk >= (vir_bytes)unit) {
			chunk -= chunk % unit;
			as_translate(p, va, in, &pa);
			if (in)
				port_in(port, unit, (void *)pa, chunk / unit);
			else
				port_out(port, unit, (const void *)pa, chunk / unit);
		} else {
			uint32_t tmp = 0;	/* one unit across a page end */
			chunk = unit;
			if (in) {
				port_in(port, unit, &tmp, 1);
				copy_to_proc(p, va, &tmp, chunk);
			} else {
				copy_from_proc(p, va, &tmp, chunk);
				port_out(port, unit, &tmp, 1);
			}
		}
		va += chunk;
		bytes -= chunk;
	}
}

int do_sdevio(struct proc *caller, message *m)
{
	const mess_krn_sdevio *s = &m->m_sdevio;
	int req = s->request, dir = req & (_DIO_INPUT | _DIO_OUTPUT), unit, r;
	struct grant_result res;
	struct proc *p = caller;
	vir_bytes va = s->vec_addr;

	switch (req & ~(_DIO_INPUT | _DIO_OUTPUT | _DIO_SAFE)) {
	case _DIO_BYTE: unit = 1; break;
	case _DIO_WORD: unit = 2; break;
	case _DIO_LONG: unit = 4; break;
	default: return EINVAL;
	}
	if ((dir != _DIO_INPUT && dir != _DIO_OUTPUT) || s->port < 0 ||
	    s->port > 0x10000 - unit || s->vec_size == 0 ||
	    s->vec_size % unit || s->vec_size > SDEVIO_MAX)
		return EINVAL;
	if (io_port_allowed(caller, s->port, unit, "SYS_SDEVIO") != OK)
		return EPERM;
	if (req & _DIO_SAFE) {
		/* Input writes into the granter's memory. */
		r = grant_check(caller, s->vec_endpt, (cp_grant_id_t)s->vec_addr,
		    s->offset, s->vec_size, dir == _DIO_INPUT ? CPF_WRITE : CPF_READ, &res);
		if (r != OK)
			return r;
		p = endpoint_lookup(res.owner);
		va = res.addr;
	} else if (s->vec_endpt != SELF && s->vec_endpt != caller->p_endpoint) {
		return EPERM;	/* only the caller's own memory without a grant */
	}
	if ((dir == _DIO_INPUT ? user_writable(p, va, s->vec_size)
	    : user_readable(p, va, s->vec_size)) != OK)
		return EFAULT;
	transfer(p, va, s->vec_size, s->port, unit, dir == _DIO_INPUT);
	if (req & _DIO_SAFE)
		grant_count(&res, s->vec_size);
	return OK;
}
