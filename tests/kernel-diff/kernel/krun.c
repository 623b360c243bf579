/*
 * Test-time kernel runner for corpus programs bpftool cannot express (tail calls, ring buffers,
 * perf events): opens the object with libbpf, which loads every program and fills prog_array
 * slots from their `values = {...}` initialisers, then runs one program with BPF_PROG_TEST_RUN on
 * each packet in order. After each run it reads the run's trace lines and the records ringbuf and
 * perf_event_array consumers received; at the end it dumps every map. Prints one JSON object.
 * Built with gcc by tests/kernel-diff/libbpf-runner.ts.
 *
 * usage: krun OBJ PROGRAM TRACE_DIR REPEAT [@MAP=KEY_HEX=VALUE_HEX]... [PACKET_HEX]...
 *   PROGRAM  function name of the program to run ("" = the object's first program)
 *   TRACE_DIR a tracefs instance recording bpf_trace_printk; its buffer is cleared before each run
 *   @...     map entries user space stores after loading, before the first run (devmap targets)
 */
#define _GNU_SOURCE
#include "krun.h"
#include <bpf/bpf.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The kernel's page-sized test_run frame bounds what a run can return. */
#define OUT_SIZE 4096

static char trace_path[4096];

static int quiet(enum libbpf_print_level level, const char *fmt, va_list args) {
  if (!getenv("KRUN_DEBUG")) return 0;
  return vfprintf(stderr, fmt, args);
}

static void clear_trace(void) {
  int fd = open(trace_path, O_WRONLY | O_TRUNC);
  if (fd >= 0) close(fd);
}

/* The whole trace buffer of the instance as a JSON string; the caller filters by pid. */
static void print_trace(void) {
  FILE *f = fopen(trace_path, "r");
  static char text[1 << 20];
  size_t n = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
  if (f) fclose(f);
  text[n] = 0;
  json_string(text);
}

static size_t parse_hex(const char *hex, unsigned char *out, size_t max) {
  size_t n = 0;
  for (; hex[0] && hex[1] && n < max; hex += 2) {
    char byte[3] = {hex[0], hex[1], 0};
    out[n++] = (unsigned char)strtoul(byte, NULL, 16);
  }
  return n;
}

static void run_packet(int prog_fd, const char *hex, int repeat) {
  static unsigned char in[OUT_SIZE], out[OUT_SIZE];
  size_t len = parse_hex(hex, in, sizeof(in));
  memset(out, 0, sizeof(out));
  LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = in, .data_size_in = (__u32)len, .data_out = out,
              .data_size_out = OUT_SIZE, .repeat = repeat);
  clear_trace();
  int err = bpf_prog_test_run_opts(prog_fd, &opts);
  int saved = errno;
  if (err) {
    /* Kernel-internal codes (ENOTSUPP, 524) have no name in libc. */
    const char *name = strerrorname_np(saved);
    printf("{\"error\":\"%s: %s\"", name ? name : "ERROR", strerror(saved));
  } else {
    printf("{\"retval\":%u,\"duration\":%u,\"packet\":", opts.retval, opts.duration);
    json_hex(out, opts.data_size_out);
  }
  printf(",\"traceText\":");
  print_trace();
  printf(",");
  print_records();
  printf("}");
}

/* "@MAP=KEY=VALUE": bpf_map_update_elem(BPF_ANY) on the object's map of that name. */
static int apply_update(struct bpf_object *obj, char *arg) {
  char *key = strchr(arg, '='), *value = key ? strchr(key + 1, '=') : NULL;
  if (!value) return fprintf(stderr, "bad update %s\n", arg), -1;
  *key++ = 0;
  *value++ = 0;
  struct bpf_map *map = bpf_object__find_map_by_name(obj, arg + 1);
  if (!map) return fprintf(stderr, "no map named %s\n", arg + 1), -1;
  static unsigned char k[512], v[4096];
  parse_hex(key, k, sizeof(k));
  parse_hex(value, v, sizeof(v));
  if (bpf_map_update_elem(bpf_map__fd(map), k, v, BPF_ANY) == 0) return 0;
  return fprintf(stderr, "update of %s failed: %s\n", arg + 1, strerror(errno)), -1;
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: krun OBJ PROGRAM TRACE_DIR REPEAT [PACKET_HEX]...\n");
    return 2;
  }
  libbpf_set_print(quiet);
  snprintf(trace_path, sizeof(trace_path), "%s/trace", argv[3]);
  /* Per-CPU values and perf events land on CPU 0, where the simulator runs programs. */
  cpu_set_t cpu0;
  CPU_ZERO(&cpu0);
  CPU_SET(0, &cpu0);
  if (sched_setaffinity(0, sizeof(cpu0), &cpu0)) perror("sched_setaffinity");

  struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
  if (!obj) {
    fprintf(stderr, "cannot open %s: %s\n", argv[1], strerror(errno));
    return 3;
  }
  static char log[1 << 20];
  struct bpf_program *prog = NULL, *p;
  bpf_object__for_each_program(p, obj) {
    bpf_program__set_log_buf(p, log, sizeof(log));
    if (!prog && (!argv[2][0] || strcmp(bpf_program__name(p), argv[2]) == 0)) prog = p;
  }
  if (!prog) {
    fprintf(stderr, "no program named '%s'\n", argv[2]);
    return 3;
  }
  int err = bpf_object__load(obj);
  printf("{\"pid\":%d,\"loaded\":%s,\"log\":", getpid(), err ? "false" : "true");
  json_string(err ? log : "");
  if (!err) {
    if (open_record_consumers(obj)) return 4;
    int first = 5;
    for (; first < argc && argv[first][0] == '@'; first++)
      if (apply_update(obj, argv[first])) return 5;
    printf(",\"runs\":[");
    for (int i = first; i < argc; i++) {
      if (i > first) printf(",");
      run_packet(bpf_program__fd(prog), argv[i], atoi(argv[4]));
    }
    printf("],");
    dump_maps(obj);
    close_record_consumers();
  }
  printf("}\n");
  bpf_object__close(obj);
  return 0;
}
