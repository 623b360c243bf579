/* Playground <playground/kernel.h>: the base of the kernel-internal headers
 * (<linux/skbuff.h>, <linux/netdevice.h>).  It has no counterpart in Linux:
 * it gathers what those headers need from the kernel's own <linux/types.h>,
 * <linux/list.h> and <asm/ptrace.h>, with the simulated kernel's layouts
 * (the same as in the playground's vmlinux.h; tests/kernel-sim checks both).
 *
 * Old kernel samples (samples/bpf/*_kern.c) include kernel-internal headers
 * and are built by kbuild with -D__KERNEL__.  Here the headers define it
 * themselves, so <bpf/bpf_tracing.h> picks the kernel's register names
 * (di, si, ...) of the struct pt_regs declared below.  When the UAPI
 * <linux/ptrace.h> came first, its struct pt_regs (rdi, rsi, ...) is kept
 * and so are its names.
 */
#ifndef __PLAYGROUND_KERNEL_H
#define __PLAYGROUND_KERNEL_H

#include <linux/types.h>

/* The kernel's short integer names (kernel <linux/types.h>). */
typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

typedef s64 ktime_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

struct list_head {
	struct list_head *next, *prev;
};

#ifndef _LINUX_PTRACE_H
#ifndef __KERNEL__
#define __KERNEL__ 1
#endif
/* The x86-64 register frame with the kernel's names. */
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long bp;
	unsigned long bx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long ax;
	unsigned long cx;
	unsigned long dx;
	unsigned long si;
	unsigned long di;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};
#endif

#endif /* __PLAYGROUND_KERNEL_H */
