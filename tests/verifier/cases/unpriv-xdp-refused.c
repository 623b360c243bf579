// expect: reject
// mode: unprivileged
// why: without CAP_BPF the kernel loads only socket filters and cgroup_skb programs; bpf() refuses XDP with EPERM before the verifier runs
#include "common.h"
SEC("xdp")
int pass_all(struct xdp_md *ctx)
{
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
