/*
 * Test-time helper for the verifier fuzzer: loads many raw programs into the running kernel in one
 * process (spawning kload per program would dominate the fuzzer's time) and prints one JSON line per
 * program with the verdict and the level-1 verifier log.
 *
 * usage: kbatch PROG_TYPE_ID MAP...   (MAP = type:key_size:value_size:max_entries)
 *   stdin: one program per line, hex of its instructions (8 bytes per slot, as in the ELF).
 *   Programs refer to maps with lddw src=5 (BPF_PSEUDO_MAP_IDX): imm is the index of the MAP
 *   argument, passed to the kernel through fd_array. License "GPL".
 */
#include <bpf/bpf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: kbatch PROG_TYPE_ID MAP...\n"); return 2; }
  int prog_type = atoi(argv[1]);
  int fds[16], nmaps = 0;
  for (int i = 2; i < argc && nmaps < 16; i++) {
    unsigned type, key, value, entries;
    if (sscanf(argv[i], "%u:%u:%u:%u", &type, &key, &value, &entries) != 4) { fprintf(stderr, "bad map %s\n", argv[i]); return 2; }
    int fd = bpf_map_create(type, NULL, key, value, entries, NULL);
    if (fd < 0) { fprintf(stderr, "map create failed: %s\n", strerror(errno)); return 3; }
    fds[nmaps++] = fd;
  }
  size_t log_size = 1u << 24;
  char *log = malloc(log_size);
  size_t cap = 1 << 20;
  char *line = malloc(cap);
  struct bpf_insn *insns = malloc(cap / 2);
  while (fgets(line, (int)cap, stdin)) {
    size_t len = strcspn(line, "\r\n");
    size_t n = len / 16;
    unsigned char *bytes = (unsigned char *)insns;
    for (size_t i = 0; i < n * 8; i++) bytes[i] = (unsigned char)(hexval(line[2 * i]) << 4 | hexval(line[2 * i + 1]));
    log[0] = 0;
    LIBBPF_OPTS(bpf_prog_load_opts, opts, .log_buf = log, .log_size = (unsigned)log_size, .log_level = 1,
                .fd_array = nmaps ? fds : NULL);
    int fd = bpf_prog_load(prog_type, "fuzz", "GPL", insns, n, &opts);
    int err = fd < 0 ? errno : 0;
    printf("{\"loaded\":%s,\"err\":%d,\"log\":", fd >= 0 ? "true" : "false", err);
    json_string(log);
    printf("}\n");
    fflush(stdout);
    if (fd >= 0) close(fd);
  }
  return 0;
}
