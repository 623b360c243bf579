// Kernel pointer dereferences BCC turns into probe reads, in the forms the rewrite covers
// (tests/bcc/ast.test.ts checks that none is left as a direct load; derefs.test.ts runs it).
#include <uapi/linux/ptrace.h>
#include <linux/skbuff.h>
#include <net/sock.h>

static __always_inline u32 skb_len(void *skb) {
    return ((struct sk_buff *)skb)->len;
}

// A cast pointer, a chain through it ending in an array (an address), and a static helper's cast.
int kprobe____netif_receive_skb_core(struct pt_regs *ctx) {
    char name[16];
    u32 len = ((struct sk_buff *)PT_REGS_PARM1(ctx))->len;
    bpf_probe_read_kernel_str(name, sizeof(name), ((struct sk_buff *)PT_REGS_PARM1(ctx))->dev->name);
    bpf_trace_printk("rx %s len %d (%d)", name, len, skb_len((void *)PT_REGS_PARM1(ctx)));
    return 0;
}

// Pointers copied into locals, then dereferenced; chained arrows; a whole struct by *p.
int kprobe__wake_up_new_task(struct pt_regs *ctx, struct task_struct *p) {
    struct task_struct *parent;
    struct task_struct *grandparent = p->real_parent->real_parent;
    struct cred *creds;
    struct cred copy;

    parent = p->real_parent;
    creds = parent->cred;
    copy = *creds;
    struct cred mine = *p->cred;
    bpf_trace_printk("task %d parent %d grandparent %d", p->pid, parent->pid, grandparent->pid);
    bpf_trace_printk("parent uid %d gid %d", copy.uid.val, copy.gid.val);
    bpf_trace_printk("own uid %d", mine.uid.val);
    return 0;
}
