/* Playground <linux/ptrace.h>: struct pt_regs, the register file saved on
 * kernel entry, which kprobe programs receive as their context.
 *
 * The simulated kernel is x86-64, so this is the x86-64 layout with its
 * UAPI register names (rdi, rsi, ...); <bpf/bpf_tracing.h>'s
 * PT_REGS_PARM1() etc. know these names.  The ptrace(2) request numbers and
 * structs of the real header are for user space and are left out.
 */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/types.h>

/* Kernel code (see <playground/kernel.h>) has its own struct pt_regs with
 * the kernel's register names, as in Linux's UAPI header. */
#ifndef __KERNEL__
struct pt_regs {
	/* callee-saved registers, saved only on some entry paths */
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long rbp;
	unsigned long rbx;
	/* caller-saved registers, always saved */
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long rax; /* return value */
	unsigned long rcx; /* 4th argument */
	unsigned long rdx; /* 3rd argument */
	unsigned long rsi; /* 2nd argument */
	unsigned long rdi; /* 1st argument */
	unsigned long orig_rax; /* system call number on syscall entry */
	/* the hardware interrupt frame */
	unsigned long rip;
	unsigned long cs;
	unsigned long eflags;
	unsigned long rsp;
	unsigned long ss;
};
#endif /* __KERNEL__ */

#endif /* _LINUX_PTRACE_H */
