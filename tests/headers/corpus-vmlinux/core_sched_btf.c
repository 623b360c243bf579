// BTF-typed programs: tp_btf/sched_switch with BPF_PROG and direct task_struct access, a CO-RE bitfield read of
// sk_buff's pkt_type, type/enum existence checks, and a file path read through f_path.dentry->d_name.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, pid_t);
	__type(value, u64);
} oncpu_since SEC(".maps");

u64 runtime_total_ns;
u64 host_packets;

SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	pid_t prev_pid = prev->pid, next_pid = next->pid;
	u64 now = bpf_ktime_get_ns(), *since;

	since = bpf_map_lookup_elem(&oncpu_since, &prev_pid);
	if (since) {
		__sync_fetch_and_add(&runtime_total_ns, now - *since);
		bpf_map_delete_elem(&oncpu_since, &prev_pid);
	}
	if (next_pid && bpf_core_type_exists(struct task_struct))
		bpf_map_update_elem(&oncpu_since, &next_pid, &now, BPF_ANY);
	return 0;
}

SEC("kprobe/netif_receive_skb")
int BPF_KPROBE(rx, struct sk_buff *skb)
{
	/* PACKET_HOST is 0 */
	if (BPF_CORE_READ_BITFIELD_PROBED(skb, pkt_type) == 0)
		__sync_fetch_and_add(&host_packets, 1);
	if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_ringbuf_output))
		bpf_printk("ringbuf helper id %d", bpf_core_enum_value(enum bpf_func_id, BPF_FUNC_ringbuf_output));
	return 0;
}

SEC("kprobe/vfs_open")
int BPF_KPROBE(on_vfs_open, const struct path *path, struct file *file)
{
	char name[32];
	const unsigned char *qname;

	qname = BPF_CORE_READ(file, f_path.dentry, d_name.name);
	bpf_probe_read_kernel_str(name, sizeof(name), qname);
	bpf_printk("open %s size %d", name, bpf_core_field_size(file->f_inode));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
