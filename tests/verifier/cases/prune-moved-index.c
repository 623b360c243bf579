// expect: reject
// why: a value copied into a register later used as a map-value index matters to pruning
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 1); } m SEC(".maps");

SEC("xdp") __attribute__((naked)) void prog(void)
{
	asm volatile("r6 = 0; call %[rnd]; r7 = r0; r8 = r0; if r7 > 5 goto lbad_%=;"
		     "if r8 > 3 goto lb_%=; r8 = 1; lb_%=: if r8 > 2 goto lc_%=; r8 = 2; lc_%=: r8 += 1; r8 += 2; r8 += 3; r8 += 4; r8 += 5; r8 += 6; r8 += 7; r8 += 8; goto l1_%=;"
		     "lbad_%=: r6 = 8;"
		     "l1_%=: r9 = r6; r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = %[m] ll; call %[lookup]; if r0 == 0 goto l2_%=;"
		     "r0 += r9; r1 = *(u64 *)(r0 + 0); l2_%=: r0 = 2; exit;"
		     :: [rnd] "i"(BPF_FUNC_get_prandom_u32), [lookup] "i"(BPF_FUNC_map_lookup_elem), [m] "i"(&m) : "memory");
}
char LICENSE[] SEC("license") = "GPL";
