// expect: reject
// why: a value that reaches a helper's size argument still matters to pruning
#include "common.h"

SEC("kprobe/foo") __attribute__((naked)) void prog(void)
{
	asm volatile("r6 = 8; call %[rnd]; r7 = r0; r8 = r0; if r7 > 5 goto lbad_%=;"
		"if r8 > 3 goto lb_%=; r8 = 1; lb_%=: if r8 > 2 goto lc_%=; r8 = 2; lc_%=: r8 += 1; r8 += 2; r8 += 3; r8 += 4; r8 += 5; r8 += 6; r8 += 7; r8 += 8; goto l1_%=;"
		"lbad_%=: r6 = 64;"
		"l1_%=: r1 = r10; r1 += -8; r2 = r6; r3 = 0; call %[read]; r0 = 0; exit;"
		     :: [rnd] "i"(BPF_FUNC_get_prandom_u32), [read] "i"(BPF_FUNC_probe_read_kernel) : "memory");
}
char LICENSE[] SEC("license") = "GPL";
