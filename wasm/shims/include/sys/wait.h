/* wasi-libc has no <sys/wait.h>: WASI has no child processes. llvm/lib/Support/Unix/
 * Program.inc (sys::Wait, used only when clang would spawn a subprocess, which our
 * in-process use never does) needs the macros and wait functions to compile. They fail
 * with ECHILD: there is never a child to wait for. */
#ifndef EBPF_PLAYGROUND_SYS_WAIT_H
#define EBPF_PLAYGROUND_SYS_WAIT_H
#include <errno.h>
#include <sys/types.h>
#include <sys/resource.h>
#ifdef __cplusplus
extern "C" {
#endif
#define WNOHANG 1
#define WUNTRACED 2
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSTOPPED(s) ((short)((((s) & 0xffff) * 0x10001U) >> 8) > 0x7f00)
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#define WCOREDUMP(s) ((s) & 0x80)
static inline pid_t wait(int *status) { (void)status; errno = ECHILD; return -1; }
static inline pid_t waitpid(pid_t pid, int *status, int options) {
  (void)pid; (void)status; (void)options; errno = ECHILD; return -1;
}
static inline pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage) {
  (void)pid; (void)status; (void)options; (void)usage; errno = ECHILD; return -1;
}
#ifdef __cplusplus
}
#endif
#endif
