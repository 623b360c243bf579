/* wasi-libc (2022) ships no <setjmp.h>: WebAssembly had no way to unwind the stack.
 * llvm/lib/Support/CrashRecoveryContext.cpp uses setjmp/longjmp only to escape from a
 * signal handler after a crash, and a WASI program never gets such a signal (a trap
 * ends the instance). So setjmp always takes the normal path and longjmp aborts. */
#ifndef EBPF_PLAYGROUND_SETJMP_H
#define EBPF_PLAYGROUND_SETJMP_H
#include <stdlib.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef long jmp_buf[1];
typedef long sigjmp_buf[1];
static inline int setjmp(jmp_buf env) { (void)env; return 0; }
static inline int sigsetjmp(sigjmp_buf env, int savesigs) { (void)env; (void)savesigs; return 0; }
__attribute__((noreturn)) static inline void longjmp(jmp_buf env, int val) {
  (void)env; (void)val; abort();
}
__attribute__((noreturn)) static inline void siglongjmp(sigjmp_buf env, int val) {
  (void)env; (void)val; abort();
}
#ifdef __cplusplus
}
#endif
#endif
