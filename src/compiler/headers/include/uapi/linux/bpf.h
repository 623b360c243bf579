/* Playground <uapi/linux/bpf.h>: kernel code names the UAPI headers by
 * their place in the kernel tree; it is the same header as <linux/bpf.h>.
 */
#include <linux/bpf.h>
