// section: xdp
// packets: ipv4-udp
/* probe_read_user/kernel(_str) on BPF-owned (kernel) memory, strncmp, snprintf and bpf_loop. */
#include "helpers.h"

static const char name[] = "playground";
static char text[48];

static long add_index(__u64 i, void *ctx)
{
	*(__u64 *)ctx += i;
	return i == 5;
}

SEC("xdp")
int xdp_reads(struct xdp_md *ctx)
{
	__u64 src = 0x1122334455667788ULL, dst = 0xaaaaaaaaaaaaaaaaULL;
	char str[16] = "kernel", out[8];
	__u64 args[3] = { 42, (__u64)-7, (__u64)name };
	__u64 sum = 0;

	rec(0, bpf_probe_read_user(&dst, 8, &src));
	rec(1, dst);
	rec(2, bpf_probe_read_kernel(&dst, 8, &src));
	rec(3, dst);
	rec(4, bpf_probe_read_user_str(out, sizeof(out), str));
	rec(5, *(__u64 *)out);
	rec(6, bpf_probe_read_kernel_str(out, sizeof(out), str));
	rec(7, *(__u64 *)out);
	rec(8, bpf_probe_read_kernel_str(out, 4, name));
	rec(9, *(__u32 *)out);
	rec(10, bpf_probe_read_kernel(&dst, 8, 0));
	rec(15, bpf_probe_read_kernel_str(out, sizeof(out), (void *)0x1000));
	rec(16, bpf_probe_read_user(&dst, 8, 0));
	rec(17, bpf_probe_read_user_str(out, sizeof(out), (void *)0x1000));
	rec(18, bpf_probe_read_kernel(&dst, 8, (void *)0xffffffffffff0000ULL));
	rec(11, bpf_strncmp(str, 6, "kernel"));
	rec(12, bpf_strncmp(str, 7, "kern"));
	rec(13, bpf_strncmp(str, 3, "abc"));
	rec(14, bpf_strncmp(str, 16, "kernel!"));
	rec(20, bpf_snprintf(text, sizeof(text), "%d|%lld|%s", args, sizeof(args)));
	rec(21, bpf_snprintf(text, 4, "%u-%x", args, 16));
	rec(23, bpf_snprintf(0, 0, "%s!", &args[2], 8));
	rec(30, bpf_loop(10, add_index, &sum, 0));
	rec(31, sum);
	rec(32, bpf_loop(3, add_index, &sum, 1));
	rec(33, bpf_loop(1 << 24, add_index, &sum, 0));
	return XDP_PASS;
}
