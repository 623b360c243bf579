/* Functions that wasi-libc (2022) *declares* but its libc.a does not define, so a call
 * compiles and then fails to link. (Missing *declarations* are handled by the wrapper
 * headers in include/ instead.) Built by build-clang.sh into libwasi-compat-stubs.a.
 *   gethostname   - LLVM's LockFileManager builds a host id from it; WASI has no host
 *                   name, so fail with ENOSYS (the caller reports the error).
 *   posix_madvise - MemoryBuffer gives paging advice for mmapped files; advice is
 *                   optional, and WASI's emulated mmap is a plain copy, so "done".
 * (getrlimit is hidden in <sys/resource.h> *and* missing from libc.a; clang's only use
 * of it is switched off with -DCLANG_HAVE_RLIMITS=OFF.) */
#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

int gethostname(char *name, size_t len) {
  (void)name; (void)len;
  errno = ENOSYS;
  return -1;
}

int posix_madvise(void *addr, size_t len, int advice) {
  (void)addr; (void)len; (void)advice;
  return 0;
}
