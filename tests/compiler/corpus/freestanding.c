/* clang's own freestanding headers (the resource dir): stdint, stddef, stdbool, limits, stdarg, float, stdalign. */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <limits.h>
#include <stdarg.h>
#include <float.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct rec { uint8_t tag; alignas(8) uint64_t value; };
_Static_assert(offsetof(struct rec, value) == 8, "layout");
_Static_assert(INT_MAX == 2147483647, "limits");
_Static_assert(UINT64_MAX == 0xffffffffffffffffULL, "stdint");
_Static_assert(FLT_RADIX == 2, "float");
_Static_assert(sizeof(size_t) == 8 && sizeof(ptrdiff_t) == 8, "stddef");

volatile uint64_t total;
const volatile bool enabled = true;

static __attribute__((noinline)) uint64_t sum(int n, ...)
{
	/* variadic arguments are not supported by the BPF backend, so only va_list types are used */
	uint64_t s = 0;
	for (int i = 0; i < n && i < 8; i++)
		s += (uint64_t)i * 3;
	return s;
}

SEC("xdp")
int freestanding(struct xdp_md *ctx)
{
	va_list *unused = NULL;
	(void)unused;
	if (!enabled)
		return XDP_PASS;
	total += sum(ctx->ingress_ifindex & 7, 0);
	return total > SIZE_MAX / 2 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
