// CO-RE block I/O latency: struct request from vmlinux.h, disk found through rq->rq_disk or rq->q->disk
// depending on bpf_core_field_exists(), disk name copied with BPF_CORE_READ_STR_INTO.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define DISK_NAME_LEN 32

struct start_key {
	struct request *rq;
};

struct io_event {
	u64 delta_us;
	u32 bytes;
	u32 major;
	char disk[DISK_NAME_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, struct start_key);
	__type(value, u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(u32));
	__uint(value_size, sizeof(u32));
} events SEC(".maps");

static __always_inline struct gendisk *get_disk(struct request *rq)
{
	if (bpf_core_field_exists(rq->rq_disk))
		return BPF_CORE_READ(rq, rq_disk);
	return BPF_CORE_READ(rq, q, disk);
}

SEC("kprobe/blk_account_io_start")
int BPF_KPROBE(io_start, struct request *rq)
{
	struct start_key key = { .rq = rq };
	u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &key, &ts, BPF_ANY);
	return 0;
}

SEC("kprobe/blk_account_io_done")
int BPF_KPROBE(io_done, struct request *rq, u64 now)
{
	struct start_key key = { .rq = rq };
	struct io_event ev = {};
	struct gendisk *disk;
	u64 *tsp;

	tsp = bpf_map_lookup_elem(&start, &key);
	if (!tsp)
		return 0;
	ev.delta_us = (bpf_ktime_get_ns() - *tsp) / 1000;
	ev.bytes = BPF_CORE_READ(rq, __data_len);
	disk = get_disk(rq);
	ev.major = BPF_CORE_READ(disk, major);
	BPF_CORE_READ_STR_INTO(&ev.disk, disk, disk_name);
	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, &ev, sizeof(ev));
	bpf_map_delete_elem(&start, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
