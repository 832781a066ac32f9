/* crt0.c - entry point of programs started by the kernel: clear the frame
 * pointer, hand main the argument block that SYS_EXEC put at the top of
 * the stack (argc, argv[], NULL, envp[], NULL; all zero for boot modules),
 * and exit with main's status (exit() flushes stdio first).
 */
#include <stdlib.h>
#include <minix/syslib.h>

int main(int argc, char **argv, char **envp);
char **environ;

void __attribute__((noreturn)) _start_c(int *frame)
{
	int argc = frame[0];
	char **argv = (char **)&frame[1];

	environ = argv + argc + 1;
	exit(main(argc, argv, environ)); /* flushes stdio, runs atexit */
}

__asm__(".globl _start\n_start:\n\txor %ebp, %ebp\n\tmov %esp, %eax\n"
	"\tand $-16, %esp\n\tpush %eax\n\tcall _start_c\n");
