// kprobe: tcp_v4_connect(sk, uaddr, addr_len) — who connects where, from pt_regs and kernel memory.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, u32);
	__type(value, u64);
	__uint(max_entries, 64);
} connects SEC(".maps");

SEC("kprobe/tcp_v4_connect")
int BPF_KPROBE(on_connect, struct sock *sk, struct sockaddr *uaddr, int addr_len)
{
	struct sockaddr_in sin = {};
	char comm[16];
	u32 pid = bpf_get_current_pid_tgid() >> 32;
	u64 one = 1, *n;

	bpf_get_current_comm(comm, sizeof(comm));
	bpf_probe_read_kernel(&sin, sizeof(sin), uaddr);
	bpf_printk("%s connects to %pI4:%d", comm, &sin.sin_addr.s_addr, bpf_ntohs(sin.sin_port));
	bpf_printk("  addr_len %d, family %d", addr_len, sin.sin_family);
	n = bpf_map_lookup_elem(&connects, &pid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&connects, &pid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
