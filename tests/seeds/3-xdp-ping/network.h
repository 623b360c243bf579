/* Packet parsing for the ping detector: is this frame an IPv4 ICMP echo request? */
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/icmp.h>

static __always_inline int is_icmp_ping_request(void *data, void *data_end) {
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > data_end)
        return 0;
    if (eth->h_proto != bpf_htons(ETH_P_IP))
        return 0;

    struct iphdr *iph = (void *)(eth + 1);
    if ((void *)(iph + 1) > data_end)
        return 0;
    if (iph->protocol != IPPROTO_ICMP)
        return 0;

    struct icmphdr *icmp = (void *)iph + iph->ihl * 4;
    if ((void *)(icmp + 1) > data_end)
        return 0;
    return icmp->type == ICMP_ECHO;
}
