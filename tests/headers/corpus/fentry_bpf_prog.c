// fentry/fexit-style BPF_PROG and BPF_PROG2 wrappers, BPF_SNPRINTF, a spin lock in a map value, and Kconfig externs.
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct sock;

extern int LINUX_KERNEL_VERSION __kconfig;
extern enum libbpf_tristate CONFIG_BPF_JIT __kconfig __weak;

struct stats {
	struct bpf_spin_lock lock;
	__u64 calls;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} totals SEC(".maps");

char last_msg[64];

SEC("fentry/tcp_sendmsg")
int BPF_PROG(on_sendmsg, struct sock *sk, void *msg, __u64 size)
{
	__u32 zero = 0;
	struct stats *s = bpf_map_lookup_elem(&totals, &zero);

	if (!s)
		return 0;
	bpf_spin_lock(&s->lock);
	s->calls++;
	s->bytes += size;
	bpf_spin_unlock(&s->lock);
	if (LINUX_KERNEL_VERSION >= KERNEL_VERSION(5, 10, 0) && CONFIG_BPF_JIT == TRI_YES)
		BPF_SNPRINTF(last_msg, sizeof(last_msg), "%llu bytes via %p", size, sk);
	return 0;
}

SEC("fexit/tcp_recvmsg")
int BPF_PROG2(on_recvmsg, struct sock *, sk, void *, msg, __u64, len, int, flags, int, ret)
{
	if (ret > 0)
		bpf_printk("received %d of %llu", ret, len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
