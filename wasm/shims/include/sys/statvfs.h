/* wasi-libc has no <sys/statvfs.h>. llvm/lib/Support/Unix/Path.inc includes it on hosts
 * that are not Linux/BSD/macOS/AIX (WASI is none of these) for sys::fs::disk_space and
 * is_local. WASI cannot report file system sizes: the calls fail with ENOSYS (is_local
 * itself is answered without them by wasm/patches/llvm-support-wasi.patch). */
#ifndef EBPF_PLAYGROUND_SYS_STATVFS_H
#define EBPF_PLAYGROUND_SYS_STATVFS_H
#include <errno.h>
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned long long fsblkcnt_t;
typedef unsigned long long fsfilcnt_t;
struct statvfs {
  unsigned long f_bsize, f_frsize;
  fsblkcnt_t f_blocks, f_bfree, f_bavail;
  fsfilcnt_t f_files, f_ffree, f_favail;
  unsigned long f_fsid, f_flag, f_namemax;
};
#define ST_RDONLY 1
#define ST_NOSUID 2
static inline int statvfs(const char *path, struct statvfs *buf) {
  (void)path; (void)buf; errno = ENOSYS; return -1;
}
static inline int fstatvfs(int fd, struct statvfs *buf) {
  (void)fd; (void)buf; errno = ENOSYS; return -1;
}
#ifdef __cplusplus
}
#endif
#endif
