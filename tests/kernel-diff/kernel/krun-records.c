/*
 * krun's record consumers: libbpf's ring_buffer for every ringbuf map and perf_buffer for every
 * perf_event_array (which opens one perf event per CPU and stores it in the map, as user space
 * must before bpf_perf_event_output can succeed). Records are kept in arrival order, with the name
 * of the map they came from, until print_records() hands them out.
 */
#include "krun.h"
#include <bpf/bpf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONSUMERS 16
#define MAX_RECORDS 4096

struct source {
  char name[16];
  struct ring_buffer *ring;
  struct perf_buffer *perf;
};

struct record {
  const struct source *from;
  size_t size;
  unsigned char *data;
};

static struct source sources[MAX_CONSUMERS];
static int nsources;
static struct record records[MAX_RECORDS];
static int nrecords;

static void keep(const struct source *from, const void *data, size_t size) {
  if (nrecords == MAX_RECORDS) return;
  records[nrecords].from = from;
  records[nrecords].size = size;
  records[nrecords].data = malloc(size ? size : 1);
  memcpy(records[nrecords].data, data, size);
  nrecords++;
}

static int on_ring_record(void *ctx, void *data, size_t size) {
  keep(ctx, data, size);
  return 0;
}

static void on_perf_record(void *ctx, int cpu, void *data, __u32 size) { keep(ctx, data, size); }

static void on_perf_lost(void *ctx, int cpu, __u64 count) {
  fprintf(stderr, "perf buffer of %s lost %llu records on cpu %d\n", ((struct source *)ctx)->name, count, cpu);
}

int open_record_consumers(struct bpf_object *obj) {
  struct bpf_map *m;
  bpf_object__for_each_map(m, obj) {
    enum bpf_map_type type = bpf_map__type(m);
    if (type != BPF_MAP_TYPE_RINGBUF && type != BPF_MAP_TYPE_PERF_EVENT_ARRAY) continue;
    if (nsources == MAX_CONSUMERS) return fprintf(stderr, "too many record maps\n"), -1;
    struct source *s = &sources[nsources++];
    snprintf(s->name, sizeof(s->name), "%s", bpf_map__name(m));
    if (type == BPF_MAP_TYPE_RINGBUF) s->ring = ring_buffer__new(bpf_map__fd(m), on_ring_record, s, NULL);
    else s->perf = perf_buffer__new(bpf_map__fd(m), 8, on_perf_record, on_perf_lost, s, NULL);
    if (!s->ring && !s->perf) return fprintf(stderr, "cannot open a consumer for %s\n", s->name), -1;
  }
  return 0;
}

void print_records(void) {
  for (int i = 0; i < nsources; i++) {
    if (sources[i].ring) ring_buffer__consume(sources[i].ring);
    if (sources[i].perf) perf_buffer__consume(sources[i].perf);
  }
  printf("\"records\":[");
  for (int i = 0; i < nrecords; i++) {
    printf("%s{\"map\":", i ? "," : "");
    json_string(records[i].from->name);
    printf(",\"data\":");
    json_hex(records[i].data, records[i].size);
    printf("}");
    free(records[i].data);
  }
  printf("]");
  nrecords = 0;
}

void close_record_consumers(void) {
  for (int i = 0; i < nsources; i++) {
    ring_buffer__free(sources[i].ring);
    perf_buffer__free(sources[i].perf);
  }
}
