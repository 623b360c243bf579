// section: tc
// loader: libbpf
// packets: ipv4-udp ipv4-tcp ipv6-udp
/*
 * Filling a ring buffer: 1000-byte records (from a map value, too big for the stack) are output
 * until the 4096-byte ring is full and bpf_ringbuf_output fails with -EAGAIN; user space consumes
 * between runs, so every run starts with an empty ring.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} ring SEC(".maps");

struct blob {
	__u8 bytes[1000];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct blob);
} scratch SEC(".maps");

SEC("tc")
int tc_ringbuf_full(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct blob *b = bpf_map_lookup_elem(&scratch, &key);
	if (!b)
		return TC_ACT_SHOT;
	if (bpf_skb_load_bytes(skb, 0, b->bytes, 14) < 0)
		return TC_ACT_SHOT;
	int ok = 0;
	for (int i = 0; i < 6; i++) {
		b->bytes[999] = i;
		long err = bpf_ringbuf_output(&ring, b, sizeof(*b), 0);
		if (err == 0)
			ok++;
		else
			bpf_printk("record %d: %ld", i, err);
	}
	return ok;
}
