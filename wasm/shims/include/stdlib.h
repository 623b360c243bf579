/* wasi-libc hides realpath() ("WASI has no absolute paths") and libc.a lacks it.
 * llvm::sys::fs::real_path calls it; clang falls back to the path it was given when
 * canonicalisation fails, so failing with ENOSYS is enough. */
#ifndef EBPF_PLAYGROUND_STDLIB_H
#define EBPF_PLAYGROUND_STDLIB_H
#include_next <stdlib.h>
#include <errno.h>
#ifdef __cplusplus
extern "C" {
#endif
static inline char *realpath(const char *__restrict path, char *__restrict resolved) {
  (void)path; (void)resolved; errno = ENOSYS; return 0;
}
#ifdef __cplusplus
}
#endif
#endif
