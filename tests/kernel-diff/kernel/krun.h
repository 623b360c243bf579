/* Shared by krun.c (load and run) and krun-maps.c (map dumps, ringbuf/perf records): JSON output. */
#ifndef KRUN_H
#define KRUN_H
#include <bpf/libbpf.h>
#include <stddef.h>

void json_string(const char *s);
void json_hex(const void *data, size_t size);

/* Prints "maps":[...] for every map of the loaded object (prog_array slots named by program). */
void dump_maps(struct bpf_object *obj);

/* Opens consumers for every ringbuf and perf_event_array of the object (perf: one event per CPU). */
int open_record_consumers(struct bpf_object *obj);
/* Prints "records":[...]: what the consumers received since the last call, in arrival order. */
void print_records(void);
void close_record_consumers(void);
#endif
