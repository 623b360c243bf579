// sock_ops: enable RTT callbacks on established connections and keep the latest srtt per remote port.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u32);
} srtt_by_port SEC(".maps");

SEC("sockops")
int rtt_watch(struct bpf_sock_ops *skops)
{
	__u32 port;

	switch (skops->op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, skops->bpf_sock_ops_cb_flags | BPF_SOCK_OPS_RTT_CB_FLAG |
							 BPF_SOCK_OPS_STATE_CB_FLAG);
		break;
	case BPF_SOCK_OPS_RTT_CB:
		port = bpf_ntohl(skops->remote_port) >> 16;
		bpf_map_update_elem(&srtt_by_port, &port, &skops->srtt_us, BPF_ANY);
		break;
	case BPF_SOCK_OPS_STATE_CB:
		if (skops->args[1] == BPF_TCP_CLOSE) {
			port = bpf_ntohl(skops->remote_port) >> 16;
			bpf_map_delete_elem(&srtt_by_port, &port);
		}
		break;
	}
	skops->reply = 0;
	return 1;
}

char _license[] SEC("license") = "GPL";
