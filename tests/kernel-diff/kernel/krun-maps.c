/*
 * krun's user-space side of maps: dumps every map the way the `run --json` contract lists entries
 * (arrays every index, per-CPU values as the syscall returns them, queues/stacks by popping) and
 * consumes ringbuf and perf_event_array records. prog_array and map-in-map values are program and
 * map ids in the kernel; they are also printed as the name of the object's program or map with that
 * id, which both sides can agree on.
 */
#include "krun.h"
#include <bpf/bpf.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c == '\n') printf("\\n");
    else if (c < 0x20 || c >= 0x7f) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

void json_hex(const void *data, size_t size) {
  putchar('"');
  for (size_t i = 0; i < size; i++) printf("%02x", ((const unsigned char *)data)[i]);
  putchar('"');
}

static const char *program_with_id(struct bpf_object *obj, __u32 id) {
  struct bpf_program *p;
  bpf_object__for_each_program(p, obj) {
    struct bpf_prog_info info = {0};
    __u32 len = sizeof(info);
    if (bpf_obj_get_info_by_fd(bpf_program__fd(p), &info, &len) == 0 && info.id == id) return bpf_program__name(p);
  }
  return "?";
}

static const char *map_with_id(struct bpf_object *obj, __u32 id) {
  struct bpf_map *m;
  bpf_object__for_each_map(m, obj) {
    struct bpf_map_info info = {0};
    __u32 len = sizeof(info);
    if (bpf_obj_get_info_by_fd(bpf_map__fd(m), &info, &len) == 0 && info.id == id) return bpf_map__name(m);
  }
  return "?";
}

static void print_entry(struct bpf_object *obj, struct bpf_map_info *info, const void *key, const void *value,
                        size_t value_size) {
  printf("{\"key\":");
  json_hex(key, info->key_size);
  printf(",\"value\":");
  json_hex(value, value_size);
  if (info->type == BPF_MAP_TYPE_PROG_ARRAY) {
    printf(",\"program\":");
    json_string(program_with_id(obj, *(const __u32 *)value));
  }
  if (info->type == BPF_MAP_TYPE_ARRAY_OF_MAPS || info->type == BPF_MAP_TYPE_HASH_OF_MAPS) {
    printf(",\"map\":");
    json_string(map_with_id(obj, *(const __u32 *)value));
  }
  printf("}");
}

static void dump_entries(struct bpf_object *obj, int fd, struct bpf_map_info *info) {
  int percpu = info->type == BPF_MAP_TYPE_PERCPU_ARRAY || info->type == BPF_MAP_TYPE_PERCPU_HASH ||
               info->type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
  size_t value_size = percpu ? ((info->value_size + 7) & ~7u) * libbpf_num_possible_cpus() : info->value_size;
  unsigned char *key = calloc(1, info->key_size + 1), *next = calloc(1, info->key_size + 1);
  unsigned char *value = calloc(1, value_size + 8);
  int first = 1;
  if (info->type == BPF_MAP_TYPE_QUEUE || info->type == BPF_MAP_TYPE_STACK) {
    while (bpf_map_lookup_and_delete_elem(fd, NULL, value) == 0) {
      printf("%s{\"key\":\"\",\"value\":", first ? "" : ",");
      json_hex(value, value_size);
      printf("}");
      first = 0;
    }
  } else if (info->type != BPF_MAP_TYPE_RINGBUF) {
    /* A ringbuf has no keys (its records are consumed); other maps list what lookups return. */
    for (void *prev = NULL; bpf_map_get_next_key(fd, prev, next) == 0; prev = key) {
      memcpy(key, next, info->key_size);
      /* ENOENT: an empty fd-array slot; ENOTSUPP (524): perf_event_array slots are not readable. */
      if (bpf_map_lookup_elem(fd, key, value) != 0) continue;
      printf("%s", first ? "" : ",");
      print_entry(obj, info, key, value, value_size);
      first = 0;
    }
  }
  free(key);
  free(next);
  free(value);
}

void dump_maps(struct bpf_object *obj) {
  struct bpf_map *m;
  int first = 1;
  printf("\"maps\":[");
  bpf_object__for_each_map(m, obj) {
    struct bpf_map_info info = {0};
    __u32 len = sizeof(info);
    int fd = bpf_map__fd(m);
    if (bpf_obj_get_info_by_fd(fd, &info, &len) != 0) continue;
    printf("%s{\"name\":", first ? "" : ",");
    json_string(info.name);
    printf(",\"type\":%u,\"entries\":[", info.type);
    dump_entries(obj, fd, &info);
    printf("]}");
    first = 0;
  }
  printf("]");
}
