/* Playground <linux/ipv6.h>: the IPv6 header and its extension headers. */
#ifndef _IPV6_H
#define _IPV6_H

#include <linux/types.h>
#include <linux/in6.h>
#include <asm/byteorder.h>

#define IPV6_MIN_MTU 1280

struct in6_pktinfo {
	struct in6_addr ipi6_addr;
	int ipi6_ifindex;
};

struct in6_ifreq {
	struct in6_addr ifr6_addr;
	__u32 ifr6_prefixlen;
	int ifr6_ifindex;
};

/* Routing header types. */
#define IPV6_SRCRT_STRICT 0x01
#define IPV6_SRCRT_TYPE_0 0
#define IPV6_SRCRT_TYPE_2 2
#define IPV6_SRCRT_TYPE_3 3
#define IPV6_SRCRT_TYPE_4 4

/* Common start of every routing header. */
struct ipv6_rt_hdr {
	__u8 nexthdr;
	__u8 hdrlen; /* in 8-byte units, not counting the first 8 bytes */
	__u8 type;
	__u8 segments_left;
};

/* Common start of hop-by-hop and destination options headers. */
struct ipv6_opt_hdr {
	__u8 nexthdr;
	__u8 hdrlen;
} __attribute__((packed));

#define ipv6_destopt_hdr ipv6_opt_hdr
#define ipv6_hopopt_hdr ipv6_opt_hdr

#define IPV6_OPT_ROUTERALERT_MLD 0x0000

/* Type 0 (deprecated) and type 2 (mobile IPv6) routing headers. */
struct rt0_hdr {
	struct ipv6_rt_hdr rt_hdr;
	__u32 reserved;
	struct in6_addr addr[0];
#define rt0_type rt_hdr.type
};

struct rt2_hdr {
	struct ipv6_rt_hdr rt_hdr;
	__u32 reserved;
	struct in6_addr addr;
#define rt2_type rt_hdr.type
};

/* Home address destination option. */
struct ipv6_destopt_hao {
	__u8 type;
	__u8 length;
	struct in6_addr addr;
} __attribute__((packed));

/* The 40-byte IPv6 header. */
struct ipv6hdr {
#if defined(__LITTLE_ENDIAN_BITFIELD)
	__u8 priority : 4, version : 4;
#elif defined(__BIG_ENDIAN_BITFIELD)
	__u8 version : 4, priority : 4;
#else
#error "<asm/byteorder.h> defines neither bitfield order"
#endif
	__u8 flow_lbl[3]; /* low 4 bits of the traffic class, then the flow label */
	__be16 payload_len;
	__u8 nexthdr;     /* IPPROTO_* of the next header */
	__u8 hop_limit;
	/* The two addresses are also reachable together as "addrs". */
	union {
		struct {
			struct in6_addr saddr;
			struct in6_addr daddr;
		};
		struct {
			struct in6_addr saddr;
			struct in6_addr daddr;
		} addrs;
	};
};

#endif /* _IPV6_H */
