// CO-RE kprobe: BPF_KPROBE on tcp_v4_connect with struct sock from vmlinux.h; addresses via BPF_CORE_READ,
// credentials via BPF_CORE_READ_INTO, and a kretprobe reading the result with PT_REGS_RC.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, u32);
	__type(value, struct sock *);
} sockets SEC(".maps");

SEC("kprobe/tcp_v4_connect")
int BPF_KPROBE(tcp_v4_connect_entry, struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();

	bpf_map_update_elem(&sockets, &tid, &sk, BPF_ANY);
	return 0;
}

SEC("kretprobe/tcp_v4_connect")
int BPF_KRETPROBE(tcp_v4_connect_exit, int ret)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct task_struct *task = bpf_get_current_task_btf();
	struct sock **skpp, *sk;
	kuid_t uid;
	__be32 daddr;
	u16 dport, family;

	skpp = bpf_map_lookup_elem(&sockets, &tid);
	if (!skpp)
		return 0;
	sk = *skpp;
	bpf_map_delete_elem(&sockets, &tid);
	if (ret)
		return 0;

	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family != AF_INET)
		return 0;
	daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	BPF_CORE_READ_INTO(&uid, task, cred, uid);
	bpf_printk("connect uid %u to %pI4:%u", uid.val, &daddr, dport);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
