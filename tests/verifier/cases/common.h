/* Shared by the differential cases: kernel UAPI types, libbpf macros and an asm-function helper. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#define ASM_PROG(sec, body) \
  SEC(sec) __attribute__((naked)) void prog(void) { asm volatile(body ::: "memory"); }
