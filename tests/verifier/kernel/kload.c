/*
 * Test-time helper: loads one BPF object into the running kernel with libbpf and prints, as JSON,
 * the verdict, the verifier log and the exact instructions and maps the kernel saw, so that the
 * playground's verifier can be run on the same input. Built with gcc by the differential suite.
 *
 * usage: kload OBJ LOG_LEVEL [PROG_TYPE_NAME]
 *   PROG_TYPE_NAME overrides the type libbpf derives from the section name (e.g. "xdp").
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c == '\n') printf("\\n");
    else if (c == '\t') printf("\\t");
    else if (c < 0x20 || c >= 0x7f) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

/* libbpf's own messages go to stderr only when KLOAD_DEBUG is set; stdout stays pure JSON. */
static int print_libbpf(enum libbpf_print_level level, const char *fmt, va_list args) {
  if (!getenv("KLOAD_DEBUG") || level == LIBBPF_DEBUG) return 0;
  return vfprintf(stderr, fmt, args);
}

/* What libbpf does for a global-data map it creates: one value with the section's bytes. */
static int fill_internal_map(const struct bpf_map *m, int fd) {
  size_t size = 0;
  const void *init = bpf_map__initial_value(m, &size);
  int zero = 0;
  if (init && size && bpf_map_update_elem(fd, &zero, init, 0) != 0) return -1;
  if ((bpf_map__map_flags(m) & BPF_F_RDONLY_PROG) && bpf_map_freeze(fd) != 0) return -1;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: kload OBJ LOG_LEVEL [PROG_TYPE]\n"); return 2; }
  libbpf_set_print(print_libbpf);
  struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
  if (!obj) { fprintf(stderr, "open failed: %s\n", strerror(errno)); return 3; }
  struct bpf_program *prog = NULL, *p;
  int nprogs = 0;
  bpf_object__for_each_program(p, obj) { if (!prog) prog = p; nprogs++; }
  if (!prog) { fprintf(stderr, "no program\n"); return 3; }
  if (argc > 3) {
    enum bpf_prog_type t;
    if (libbpf_prog_type_by_name(argv[3], &t, &(enum bpf_attach_type){0}) != 0) {
      fprintf(stderr, "unknown prog type %s\n", argv[3]); return 3;
    }
    bpf_program__set_type(prog, t);
  }
  size_t log_size = (1u << 30) - 1; /* the kernel caps log_size at UINT_MAX >> 2 */
  char *log = calloc(1, log_size);
  bpf_program__set_log_level(prog, atoi(argv[2]));
  bpf_program__set_log_buf(prog, log, log_size);
  /*
   * Create the program's maps here and hand them to libbpf, so that their fds (which appear in the
   * lddw instructions) are known even when the load fails and libbpf closes its copies. libbpf
   * neither fills nor freezes a map it is handed, so internal maps (.rodata, .bss, ...) get their
   * initial contents here, and read-only ones are frozen, as libbpf would do.
   */
  int fds[64], nfds = 0;
  struct bpf_map *m;
  bpf_object__for_each_map(m, obj) {
    int fd = -1;
    if (nfds < 64) {
      LIBBPF_OPTS(bpf_map_create_opts, mopts, .map_flags = bpf_map__map_flags(m));
      fd = bpf_map_create(bpf_map__type(m), bpf_map__name(m), bpf_map__key_size(m), bpf_map__value_size(m),
                          bpf_map__max_entries(m), &mopts);
      if (fd >= 0 && bpf_map__is_internal(m) && fill_internal_map(m, fd) != 0) fd = -1;
      if (fd >= 0 && bpf_map__reuse_fd(m, fd) == 0) fd = bpf_map__fd(m);
      else fd = -1;
    }
    fds[nfds++] = fd;
  }
  int err = bpf_object__load(obj);
  printf("{\"loaded\":%s,\"err\":%d,\"progType\":%d,\"name\":", err ? "false" : "true", err,
         (int)bpf_program__type(prog));
  json_string(bpf_program__name(prog));
  printf(",\"log\":");
  json_string(log);
  printf(",\"insns\":\"");
  const struct bpf_insn *insns = bpf_program__insns(prog);
  size_t n = bpf_program__insn_cnt(prog);
  for (size_t i = 0; insns && i < n; i++) {
    const unsigned char *b = (const unsigned char *)&insns[i];
    for (int k = 0; k < 8; k++) printf("%02x", b[k]);
  }
  printf("\",\"maps\":[");
  int first = 1, k = 0;
  bpf_object__for_each_map(m, obj) {
    int fd = k < nfds && fds[k] >= 0 ? fds[k] : bpf_map__fd(m);
    k++;
    printf("%s{\"fd\":%d,\"internal\":%s,\"name\":", first ? "" : ",", fd, bpf_map__is_internal(m) ? "true" : "false");
    json_string(bpf_map__name(m));
    printf(",\"type\":%d,\"keySize\":%u,\"valueSize\":%u,\"maxEntries\":%u,\"flags\":%u}", (int)bpf_map__type(m),
           bpf_map__key_size(m), bpf_map__value_size(m), bpf_map__max_entries(m), bpf_map__map_flags(m));
    first = 0;
  }
  printf("]}\n");
  bpf_object__close(obj);
  return 0;
}
