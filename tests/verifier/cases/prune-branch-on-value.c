// expect: reject
// why: a value only compared in a later branch still matters to pruning
#include "common.h"

SEC("xdp") __attribute__((naked)) void prog(void)
{
	asm volatile("r6 = 0; call %[rnd]; r7 = r0; r8 = r0; if r7 > 5 goto lbad_%=;"
		"if r8 > 3 goto lb_%=; r8 = 1; lb_%=: if r8 > 2 goto lc_%=; r8 = 2; lc_%=: r8 += 1; r8 += 2; r8 += 3; r8 += 4; r8 += 5; r8 += 6; r8 += 7; r8 += 8; goto l1_%=;"
		"lbad_%=: r6 = 8;"
		"l1_%=: r0 = 2; if r6 != 8 goto l2_%=; r0 = *(u64 *)(r6 + 0); l2_%=: exit;"
		     :: [rnd] "i"(BPF_FUNC_get_prandom_u32) : "memory");
}
char LICENSE[] SEC("license") = "GPL";
