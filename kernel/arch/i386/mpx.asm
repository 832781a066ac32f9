; mpx.asm - trap entry and exit.
;
; Every entry builds a struct stackframe (arch.h).  From user mode the TSS
; esp0 points just past the current process's frame in the process table,
; so the frame is saved in place; the stub then switches to the kernel stack
; and calls C, which never returns but leaves through restart_frame().
; Traps taken in kernel mode (the idle loop, a kernel bug, a fault in
; ucopy) run on the kernel stack and return with iret.

FRAME_CS equ 60
KERN_DS  equ 0x10

extern k_stack_top
extern trap_user, trap_kernel, ipc_trap, kcall_trap

section .text

; The direction flag is the interrupted code's (a process may trap in the
; middle of a backward memmove, or after an std of its own): C wants it
; clear, or every string instruction of the kernel runs backwards.  iret
; gives the process its own EFLAGS back.
%macro SAVE 0
	pushad
	push ds
	push es
	push fs
	push gs
	mov ax, KERN_DS
	mov ds, ax
	mov es, ax
	cld
%endmacro

%macro EXC_NOERR 1
global exc%1
exc%1:
	push dword 0
	push dword %1
	jmp trap_common
%endmacro
%macro EXC_ERR 1
global exc%1
exc%1:
	push dword %1
	jmp trap_common
%endmacro
%macro IRQ 1
global irq%1
irq%1:
	push dword 0
	push dword 0x50 + %1
	jmp trap_common
%endmacro

EXC_NOERR 0
EXC_NOERR 1
EXC_NOERR 2
EXC_NOERR 3
EXC_NOERR 4
EXC_NOERR 5
EXC_NOERR 6
EXC_NOERR 7
EXC_ERR   8
EXC_NOERR 9
EXC_ERR   10
EXC_ERR   11
EXC_ERR   12
EXC_ERR   13
EXC_ERR   14
EXC_NOERR 15
EXC_NOERR 16
EXC_ERR   17
EXC_NOERR 18
EXC_NOERR 19
%assign i 0
%rep 16
IRQ i
%assign i i + 1
%endrep

trap_common:
	SAVE
	mov eax, esp
	test dword [eax + FRAME_CS], 3
	jz .kernel
	mov esp, k_stack_top
	push eax
	call trap_user                  ; does not return
.kernel:
	push eax
	call trap_kernel
	add esp, 4
	pop gs
	pop fs
	pop es
	pop ds
	popad
	add esp, 8
	iretd

; int 0x21: IPC.  eax = primitive, ebx = endpoint or count, ecx = buffer.
global ipc_entry
ipc_entry:
	push dword 0
	push dword 0x21
	SAVE
	mov eax, esp
	mov esp, k_stack_top
	push eax
	call ipc_trap                   ; does not return

; int 0x20: kernel call.  eax = message address.
global kcall_entry
kcall_entry:
	push dword 0
	push dword 0x20
	SAVE
	mov eax, esp
	mov esp, k_stack_top
	push eax
	call kcall_trap                 ; does not return

; restart_frame(struct stackframe *f): resume the process saved in f.
; The caller has loaded its page directory and set the TSS esp0.
global restart_frame, restart_regs
restart_frame:
	mov esp, [esp + 4]
restart_regs:                           ; esp = the frame (switch_to_user)
	pop gs
	pop fs
	pop es
	pop ds
	popad
	add esp, 8
	iretd

; idle_halt(): wait for one interrupt with interrupts enabled.
global idle_halt
idle_halt:
	sti
	hlt
	cli
	ret

; ucopy(dst, src, n): copy that may fault on user memory.  Returns 0, or -1
; if a page fault hit between ucopy_start and ucopy_end (the page-fault
; handler moves eip to ucopy_fault).
global ucopy, ucopy_start, ucopy_end, ucopy_fault
ucopy:
	push esi
	push edi
	mov edi, [esp + 12]
	mov esi, [esp + 16]
	mov ecx, [esp + 20]
	mov edx, ecx
	shr ecx, 2
ucopy_start:
	rep movsd
	mov ecx, edx
	and ecx, 3
	rep movsb
ucopy_end:
	xor eax, eax
	pop edi
	pop esi
	ret
ucopy_fault:
	mov eax, -1
	pop edi
	pop esi
	ret
