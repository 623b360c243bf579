// SPDX-License-Identifier: GPL-2.0
/*
 * Atomic operations on shared memory (global variables live in one map shared by all CPUs):
 * fetch-and-add for counters, exchange to remember the latest value, compare-and-swap to keep a
 * maximum without locks. -mcpu=v3 (the default here) is needed for everything but plain add.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u64 packets = 0;
__u64 total_bytes = 0;
__u64 last_len = 0;
__u64 max_len = 0;
__u64 flags_seen = 0;

SEC("xdp")
int atomics(struct xdp_md *ctx)
{
	__u64 len = ctx->data_end - ctx->data;
	__u64 old;

	__sync_fetch_and_add(&packets, 1);
	__sync_fetch_and_add(&total_bytes, len);
	__atomic_exchange_n(&last_len, len, __ATOMIC_SEQ_CST);
	__sync_fetch_and_or(&flags_seen, len > 60 ? 2 : 1);

	/* A CAS loop: retry if another CPU changed max_len between our read and our swap.
	 * Bounded, so the verifier can see the loop ends. */
	for (int tries = 0; tries < 4; tries++) {
		old = max_len;
		if (len <= old)
			break;
		if (__sync_val_compare_and_swap(&max_len, old, len) == old)
			break;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
