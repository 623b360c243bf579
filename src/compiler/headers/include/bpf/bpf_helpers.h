/* Playground <bpf/bpf_helpers.h>: the everyday macros of libbpf-style BPF C.
 *
 * Same API as libbpf 1.1's header of this name (the version Debian 12
 * ships): BTF map definition macros (__uint, __type, __array), SEC(),
 * bpf_printk() and friends, inlining and visibility attributes, extern
 * markers (__kconfig, __ksym) and bpf_tail_call_static().
 *
 * The legacy "struct bpf_map_def" with SEC("maps") is deliberately absent:
 * libbpf removed it in 1.0 and no longer loads such maps; programs that
 * still use it usually declare the struct themselves, and would clash with
 * a second definition here.
 *
 * Like libbpf's, this header needs __u64 and friends declared first: include
 * <linux/types.h> (or <linux/bpf.h>, or vmlinux.h) before it.
 */
#ifndef __BPF_HELPERS__
#define __BPF_HELPERS__

#include "bpf_helper_defs.h"

/* ---- BTF-defined maps ----
 * A map is a global struct in SEC(".maps") whose members only carry type
 * information: __uint(max_entries, 1024) becomes a pointer to an int array
 * of 1024 elements, so the number survives into BTF without taking space. */
#define __uint(name, val) int (*name)[val]
#define __type(name, val) typeof(val) *name
#define __array(name, val) typeof(val) *name[]

/* Put a program, map or variable in an ELF section; "used" keeps otherwise
 * unreferenced programs and maps in the object.  The pragmas silence the
 * warning clang gives when SEC() is applied to an extern declaration. */
#define SEC(name)                                                  \
	_Pragma("GCC diagnostic push")                             \
	_Pragma("GCC diagnostic ignored \"-Wignored-attributes\"") \
	__attribute__((section(name), used))                       \
	_Pragma("GCC diagnostic pop")

/* <linux/types.h> defines a weaker __always_inline; BPF code wants the
 * forcing one. */
#undef __always_inline
#define __always_inline inline __attribute__((always_inline))

#ifndef __noinline
#define __noinline __attribute__((noinline))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif

/* A global function with hidden visibility is verified with its caller's
 * context, like a static one. */
#define __hidden __attribute__((visibility("hidden")))

/* Conveniences that vmlinux.h users cannot get from system headers. */
#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef KERNEL_VERSION
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#endif

#ifndef offsetof
#define offsetof(TYPE, MEMBER) ((unsigned long)&((TYPE *)0)->MEMBER)
#endif
#ifndef container_of
#define container_of(ptr, type, member)                      \
	({                                                   \
		void *__mptr = (void *)(ptr);                \
		((type *)(__mptr - offsetof(type, member))); \
	})
#endif

/* Compiler barrier: memory may have changed behind the compiler's back. */
#ifndef barrier
#define barrier() asm volatile("" ::: "memory")
#endif

/* Per-variable barrier: the compiler must assume "var" was rewritten, which
 * stops it from merging or reordering computations on it in ways the
 * verifier cannot follow. */
#ifndef barrier_var
#define barrier_var(var) asm volatile("" : "=r"(var) : "0"(var))
#endif

/* The BPF backend has no trap instruction, so a __builtin_trap() that
 * survives optimisation is a compile error: use it to assert that a path is
 * dead. */
#ifndef __bpf_unreachable
#define __bpf_unreachable() __builtin_trap()
#endif

/* Tail call with a constant slot, emitted so that r1..r3 are set right
 * before the call (the form the verifier and JITs can patch directly). */
#if __clang_major__ >= 8 && defined(__bpf__)
static __always_inline void bpf_tail_call_static(void *ctx, const void *map, const __u32 slot)
{
	if (!__builtin_constant_p(slot))
		__bpf_unreachable();

	/* r0, r4 and r5 are clobbered by any BPF call. */
	asm volatile("r1 = %[ctx]\n\t"
		     "r2 = %[map]\n\t"
		     "r3 = %[slot]\n\t"
		     "call 12" ::[ctx] "r"(ctx),
		     [map] "r"(map), [slot] "i"(slot)
		     : "r0", "r1", "r2", "r3", "r4", "r5");
}
#endif

/* Values of the "pinning" member of a BTF map definition. */
enum libbpf_pin_type {
	LIBBPF_PIN_NONE,
	LIBBPF_PIN_BY_NAME, /* pin under the map's name in the BPF filesystem */
};

/* Type of tristate Kconfig externs (extern enum libbpf_tristate CONFIG_X). */
enum libbpf_tristate {
	TRI_NO = 0,
	TRI_YES = 1,
	TRI_MODULE = 2,
};

/* Extern variables resolved by the loader: Kconfig values and kernel
 * symbols; pointer tags for kptrs stored in map values. */
#define __kconfig __attribute__((section(".kconfig")))
#define __ksym __attribute__((section(".ksyms")))
#define __kptr __attribute__((btf_type_tag("kptr")))
#define __kptr_ref __attribute__((btf_type_tag("kptr_ref")))

/* ---- variadic-argument plumbing ----
 * ___bpf_narg(...) counts its arguments (0 to 12); ___bpf_apply(fn, n)
 * pastes fn and n together to pick the n-argument variant of a macro. */
#ifndef ___bpf_concat
#define ___bpf_concat(a, b) a##b
#endif
#ifndef ___bpf_apply
#define ___bpf_apply(fn, n) ___bpf_concat(fn, n)
#endif
#ifndef ___bpf_nth
#define ___bpf_nth(_, _1, _2, _3, _4, _5, _6, _7, _8, _9, _a, _b, _c, N, ...) N
#endif
#ifndef ___bpf_narg
#define ___bpf_narg(...) ___bpf_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#endif

/* Store each argument into consecutive elements of arr, starting at p. */
#define ___bpf_fill0(arr, p, x) do {} while (0)
#define ___bpf_fill1(arr, p, x) arr[p] = x
#define ___bpf_fill2(arr, p, x, args...) arr[p] = x; ___bpf_fill1(arr, p + 1, args)
#define ___bpf_fill3(arr, p, x, args...) arr[p] = x; ___bpf_fill2(arr, p + 1, args)
#define ___bpf_fill4(arr, p, x, args...) arr[p] = x; ___bpf_fill3(arr, p + 1, args)
#define ___bpf_fill5(arr, p, x, args...) arr[p] = x; ___bpf_fill4(arr, p + 1, args)
#define ___bpf_fill6(arr, p, x, args...) arr[p] = x; ___bpf_fill5(arr, p + 1, args)
#define ___bpf_fill7(arr, p, x, args...) arr[p] = x; ___bpf_fill6(arr, p + 1, args)
#define ___bpf_fill8(arr, p, x, args...) arr[p] = x; ___bpf_fill7(arr, p + 1, args)
#define ___bpf_fill9(arr, p, x, args...) arr[p] = x; ___bpf_fill8(arr, p + 1, args)
#define ___bpf_fill10(arr, p, x, args...) arr[p] = x; ___bpf_fill9(arr, p + 1, args)
#define ___bpf_fill11(arr, p, x, args...) arr[p] = x; ___bpf_fill10(arr, p + 1, args)
#define ___bpf_fill12(arr, p, x, args...) arr[p] = x; ___bpf_fill11(arr, p + 1, args)
#define ___bpf_fill(arr, args...) ___bpf_apply(___bpf_fill, ___bpf_narg(args))(arr, 0, args)

/* ---- formatted output ----
 * The helpers taking a format want the arguments as an array of u64; these
 * wrappers build it from ordinary variadic arguments. */

/* bpf_seq_printf() for BPF iterators. */
#define BPF_SEQ_PRINTF(seq, fmt, args...)                                    \
	({                                                                   \
		static const char ___fmt[] = fmt;                            \
		unsigned long long ___param[___bpf_narg(args)];              \
                                                                             \
		_Pragma("GCC diagnostic push")                               \
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")       \
		___bpf_fill(___param, args);                                 \
		_Pragma("GCC diagnostic pop")                                \
                                                                             \
		bpf_seq_printf(seq, ___fmt, sizeof(___fmt), ___param, sizeof(___param)); \
	})

/* bpf_snprintf() into a buffer. */
#define BPF_SNPRINTF(out, out_size, fmt, args...)                            \
	({                                                                   \
		static const char ___fmt[] = fmt;                            \
		unsigned long long ___param[___bpf_narg(args)];              \
                                                                             \
		_Pragma("GCC diagnostic push")                               \
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")       \
		___bpf_fill(___param, args);                                 \
		_Pragma("GCC diagnostic pop")                                \
                                                                             \
		bpf_snprintf(out, out_size, ___fmt, ___param, sizeof(___param)); \
	})

/* Kernels without global data support need the format on the stack:
 * define BPF_NO_GLOBAL_DATA before including this header. */
#ifdef BPF_NO_GLOBAL_DATA
#define BPF_PRINTK_FMT_MOD
#else
#define BPF_PRINTK_FMT_MOD static const
#endif

/* Up to three arguments: bpf_trace_printk() takes them directly. */
#define __bpf_printk(fmt, ...)                                              \
	({                                                                  \
		BPF_PRINTK_FMT_MOD char ____fmt[] = fmt;                    \
		bpf_trace_printk(____fmt, sizeof(____fmt), ##__VA_ARGS__);  \
	})

/* More than three: bpf_trace_vprintk() with an argument array. */
#define __bpf_vprintk(fmt, args...)                                          \
	({                                                                   \
		static const char ___fmt[] = fmt;                            \
		unsigned long long ___param[___bpf_narg(args)];              \
                                                                             \
		_Pragma("GCC diagnostic push")                               \
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")       \
		___bpf_fill(___param, args);                                 \
		_Pragma("GCC diagnostic pop")                                \
                                                                             \
		bpf_trace_vprintk(___fmt, sizeof(___fmt), ___param, sizeof(___param)); \
	})

/* Picks __bpf_printk for 0..3 arguments and __bpf_vprintk above. */
#define ___bpf_pick_printk(...)                                                        \
	___bpf_nth(_, ##__VA_ARGS__, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk,     \
		   __bpf_vprintk, __bpf_vprintk, __bpf_vprintk, __bpf_vprintk,         \
		   __bpf_vprintk, __bpf_vprintk, __bpf_printk, __bpf_printk,           \
		   __bpf_printk, __bpf_printk)

/* printf-style debug output to the trace pipe. */
#define bpf_printk(fmt, args...) ___bpf_pick_printk(args)(fmt, ##args)

#endif /* __BPF_HELPERS__ */
