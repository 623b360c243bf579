/* wasi-libc hides umask/chmod/fchmod: WASI files have no permission bits. LLVM's
 * Path.inc uses them when creating files and in setPermissions(). With no permissions
 * to change, chmod/fchmod succeed when the file exists (and fail like stat otherwise);
 * umask reports the conventional 022. */
#ifndef EBPF_PLAYGROUND_SYS_STAT_H
#define EBPF_PLAYGROUND_SYS_STAT_H
#include_next <sys/stat.h>
#ifdef __cplusplus
extern "C" {
#endif
static inline mode_t umask(mode_t mask) { (void)mask; return 022; }
static inline int chmod(const char *path, mode_t mode) {
  struct stat st;
  (void)mode;
  return stat(path, &st);
}
static inline int fchmod(int fd, mode_t mode) {
  struct stat st;
  (void)mode;
  return fstat(fd, &st);
}
#ifdef __cplusplus
}
#endif
#endif
