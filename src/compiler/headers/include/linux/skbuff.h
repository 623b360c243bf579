/* Playground <linux/skbuff.h> (kernel-internal): struct sk_buff of the
 * simulated kernel, with the fields and layout of the playground's vmlinux.h.
 * Only a subset of the real fields exists, so offsets are the simulation's.
 */
#ifndef _PLAYGROUND_LINUX_SKBUFF_H
#define _PLAYGROUND_LINUX_SKBUFF_H

#include <playground/kernel.h>

struct net_device;
struct sock;

/* Offsets of tail and end from head (64-bit kernels). */
typedef unsigned int sk_buff_data_t;

struct sk_buff {
	union {
		struct {
			struct sk_buff *next;
			struct sk_buff *prev;
			union {
				struct net_device *dev;
				unsigned long dev_scratch;
			};
		};
		struct list_head list;
	};
	struct sock *sk;
	ktime_t tstamp;
	char cb[48];
	unsigned int len;
	unsigned int data_len;
	__u16 mac_len;
	__u16 hdr_len;
	__u16 queue_mapping;
	__u8 cloned : 1;
	__u8 nohdr : 1;
	__u8 fclone : 2;
	__u8 peeked : 1;
	__u8 head_frag : 1;
	__u8 pfmemalloc : 1;
	__u8 pp_recycle : 1;
	__u8 pkt_type : 3;
	__u8 ignore_df : 1;
	__u8 ip_summed : 2;
	__u8 ooo_okay : 1;
	__u8 l4_hash : 1;
	__u16 tc_index;
	__u32 priority;
	int skb_iif;
	__u32 hash;
	__be16 vlan_proto;
	__u16 vlan_tci;
	__u32 mark;
	__be16 protocol;
	__u16 transport_header;
	__u16 network_header;
	__u16 mac_header;
	sk_buff_data_t tail;
	sk_buff_data_t end;
	unsigned char *head;
	unsigned char *data;
	unsigned int truesize;
	refcount_t users;
};

#endif /* _PLAYGROUND_LINUX_SKBUFF_H */
