/* Shared by the kernel-differential corpus: UAPI headers plus libbpf's bpf_helpers.h (Debian's). */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

char LICENSE[] SEC("license") = "GPL";

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};
