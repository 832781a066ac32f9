; head.asm - multiboot (v1) header and the kernel entry point.
; GRUB jumps to _start in 32-bit protected mode, paging off, with
; eax = multiboot magic and ebx = physical address of the multiboot info.

MB_MAGIC equ 0x1BADB002
MB_FLAGS equ 0x00000003          ; page-align modules, give a memory map

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .bss
align 16
global k_stack, k_stack_top
k_stack:
	resb 16384
k_stack_top:

section .text
global _start
extern kmain
_start:
	mov esp, k_stack_top
	xor ebp, ebp                 ; end of the backtrace chain
	push ebx
	push eax
	call kmain
.hang:	cli
	hlt
	jmp .hang
