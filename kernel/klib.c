/* klib.c - the kernel's small library: formatted output to the kernel log
 * (port 0xE9) and the console (COM1), panic with a backtrace, and the
 * string/memory helpers the kernel needs.
 */
#include "kernel.h"

/* Where formatted output goes: console 0 the kernel log, 1 the log and
 * the console, OUT_BUF the buffer of kvsnprintf(). */
#define OUT_BUF 2
static char *obuf;
static size_t olen, osize;

static void out(int console, int c)
{
	if (console == OUT_BUF) {
		if (olen + 1 < osize)
			obuf[olen++] = (char)c;
		return;
	}
	klog_putc(c);
	if (console)
		cons_putc(c);
}

static void out_num(int console, uint32_t v, int base, int width, int zero, int neg)
{
	char buf[12];
	int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		width--;
	if (neg && zero)
		out(console, '-');
	while (width-- > n)
		out(console, zero ? '0' : ' ');
	if (neg && !zero)
		out(console, '-');
	while (n)
		out(console, buf[--n]);
}

/* %d %u %x %p %s %c with an optional 0 flag and width. */
void kvprintf(int console, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, zero = 0, left = 0;
		const char *s;

		if (*fmt != '%') {
			out(console, *fmt);
			continue;
		}
		if (*++fmt == '-')
			left = 1, fmt++;
		if (*fmt == '0')
			zero = 1, fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + *fmt++ - '0';
		switch (*fmt) {
		case 'd': {
			int v = va_arg(ap, int);
			out_num(console, v < 0 ? -(uint32_t)v : (uint32_t)v, 10, width, zero, v < 0);
			break;
		}
		case 'u': out_num(console, va_arg(ap, uint32_t), 10, width, zero, 0); break;
		case 'x': out_num(console, va_arg(ap, uint32_t), 16, width, zero, 0); break;
		case 'p': out_num(console, va_arg(ap, uint32_t), 16, 8, 1, 0); break;
		case 'c': out(console, va_arg(ap, int)); break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			width -= (int)strlen(s);
			while (!left && width-- > 0)
				out(console, ' ');
			while (*s)
				out(console, *s++);
			while (left && width-- > 0)
				out(console, ' ');
			break;
		case '\0': return;
		default: out(console, *fmt); break;
		}
	}
}

void kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kvprintf(1, fmt, ap);
	va_end(ap);
}

/* Format into buf (size bytes, always terminated); the length written. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	if (!size)
		return 0;
	obuf = buf, olen = 0, osize = size;
	kvprintf(OUT_BUF, fmt, ap);
	buf[olen] = '\0';
	return (int)olen;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

void klog(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kvprintf(0, fmt, ap);
	va_end(ap);
}

static void backtrace(uint32_t ebp)
{
	int depth = 0;

	kprintf("backtrace:");
	/* Frames live on the kernel stack, below 1 GiB, and grow upward. */
	while (ebp >= 0x1000 && ebp < USER_BASE && (ebp & 3) == 0 && depth++ < 16) {
		uint32_t *fp = (uint32_t *)ebp;
		kprintf(" %p", fp[1]);
		if (fp[0] <= ebp)
			break;
		ebp = fp[0];
	}
	kprintf("\n");
}

static void halt_machine(void) NORETURN;
static void halt_machine(void)
{
	outb(DEBUG_EXIT_PORT, EXIT_PANIC); /* leaves QEMU when the device exists */
	for (;;)
		__asm__ volatile("cli; hlt");
}

static int panicking;

static void vpanic(struct stackframe *f, const char *fmt, va_list ap) NORETURN;
static void vpanic(struct stackframe *f, const char *fmt, va_list ap)
{
	__asm__ volatile("cli");
	if (panicking++) {
		kprintf("\nrecursive panic\n");
		halt_machine();
	}
	kprintf("\nkernel panic: ");
	kvprintf(1, fmt, ap);
	kprintf("\n");
	if (f) {
		kprintf("eax %p ebx %p ecx %p edx %p esi %p edi %p\n", f->eax,
		    f->ebx, f->ecx, f->edx, f->esi, f->edi);
		kprintf("ebp %p eip %p cs %x eflags %p vector %d err %x cr2 %p\n",
		    f->ebp, f->eip, f->cs, f->eflags, f->vector, f->errcode, read_cr2());
		backtrace(f->ebp);
	} else {
		uint32_t ebp;
		__asm__ volatile("mov %%ebp, %0" : "=r"(ebp));
		backtrace(ebp);
	}
	halt_machine();
}

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vpanic(NULL, fmt, ap);
}

void panic_frame(struct stackframe *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vpanic(f, fmt, ap);
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n >> 2;
	__asm__ volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
	n &= 3;
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
	return d;
}

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;
	uint32_t v = (uint8_t)c * 0x01010101u;
	size_t words = n >> 2;
	__asm__ volatile("rep stosl" : "+D"(dst), "+c"(words) : "a"(v) : "memory");
	n &= 3;
	__asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(v) : "memory");
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (uint8_t)*a - (uint8_t)*b;
}

/* Does s contain w? */
int strstr_k(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; *s; s++)
		if (memcmp(s, w, n) == 0)
			return 1;
	return 0;
}

void strlcpy_k(char *dst, const char *src, size_t n)
{
	size_t i;
	for (i = 0; i + 1 < n && src[i]; i++)
		dst[i] = src[i];
	if (n)
		dst[i] = '\0';
}
