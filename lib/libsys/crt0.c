/* crt0.c - entry point of programs started by the kernel or fork: clear
 * the frame pointer, run main, exit with its status.
 */
#include <minix/syslib.h>

int main(void);

void __attribute__((noreturn)) _start_c(void)
{
	sys_exit(main());
}

__asm__(".globl _start\n_start:\n\txor %ebp, %ebp\n\tand $-16, %esp\n\tcall _start_c\n");
