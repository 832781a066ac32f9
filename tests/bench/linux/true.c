/* true.c - the Linux peer's /bin/true: a tiny static program (no libc),
 * so fork + exec + wait measures the kernel, not glibc's start-up.
 */
void _start(void)
{
	__asm__ volatile("int $0x80" : : "a"(1), "b"(0)); /* exit(0) */
	for (;;)
		;
}
