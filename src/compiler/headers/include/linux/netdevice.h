/* Playground <linux/netdevice.h> (kernel-internal): struct net_device of the
 * simulated kernel, with the fields and layout of the playground's vmlinux.h.
 * Only a subset of the real fields exists, so offsets are the simulation's.
 */
#ifndef _PLAYGROUND_LINUX_NETDEVICE_H
#define _PLAYGROUND_LINUX_NETDEVICE_H

#include <playground/kernel.h>
#include <linux/skbuff.h>

/* Interface names are at most 15 characters plus the NUL (<linux/if.h>). */
#ifndef IFNAMSIZ
#define IFNAMSIZ 16
#endif

struct net_device {
	char name[IFNAMSIZ];
	unsigned long state;
	unsigned int flags;
	int ifindex;
	unsigned int mtu;
	unsigned short type;
	unsigned char addr_len;
	const unsigned char *dev_addr;
	unsigned int promiscuity;
	unsigned int num_rx_queues;
	unsigned int num_tx_queues;
};

#endif /* _PLAYGROUND_LINUX_NETDEVICE_H */
