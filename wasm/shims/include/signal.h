/* wasi-libc's <signal.h> (with -D_WASI_EMULATED_SIGNAL) offers signal() and raise() only;
 * sigaction, signal sets, sigprocmask, kill and sigaltstack sit behind
 * __wasilibc_unmodified_upstream. llvm/lib/Support/Unix/Signals.inc and Program.inc
 * call them to install crash/interrupt handlers and to time out children.
 * A WASI program receives no asynchronous signals at all, so:
 *   - signal sets are plain values (sigset_t is wasi-libc's 1-byte placeholder);
 *   - sigprocmask succeeds: masking signals that never arrive changes nothing;
 *   - sigaction, sigaltstack and kill fail with ENOSYS, and LLVM carries on without
 *     handlers (a crash in WebAssembly is a trap that ends the instance anyway). */
#ifndef EBPF_PLAYGROUND_SIGNAL_H
#define EBPF_PLAYGROUND_SIGNAL_H
#include_next <signal.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>
#include <__typedef_sigset_t.h>
#ifdef __cplusplus
extern "C" {
#endif
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

typedef struct {
  int si_signo, si_errno, si_code;
  pid_t si_pid;
  uid_t si_uid;
  void *si_addr;
  int si_status;
} siginfo_t;

typedef struct sigaltstack {
  void *ss_sp;
  int ss_flags;
  size_t ss_size;
} stack_t;

struct sigaction {
  void (*sa_handler)(int);
  void (*sa_sigaction)(int, siginfo_t *, void *);
  sigset_t sa_mask;
  int sa_flags;
};

static inline int sigemptyset(sigset_t *set) { *set = 0; return 0; }
static inline int sigfillset(sigset_t *set) { *set = (sigset_t)~(sigset_t)0; return 0; }
static inline int sigaddset(sigset_t *set, int sig) { (void)set; (void)sig; return 0; }
static inline int sigdelset(sigset_t *set, int sig) { (void)set; (void)sig; return 0; }
static inline int sigismember(const sigset_t *set, int sig) { (void)set; (void)sig; return 0; }
static inline int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  (void)how; (void)set;
  if (old) *old = 0;
  return 0;
}
static inline int pthread_sigmask(int how, const sigset_t *set, sigset_t *old) {
  return sigprocmask(how, set, old);
}
static inline int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  (void)sig; (void)act;
  if (old) memset(old, 0, sizeof *old);
  errno = ENOSYS;
  return -1;
}
static inline int sigaltstack(const stack_t *ss, stack_t *old) {
  (void)ss;
  if (old) memset(old, 0, sizeof *old);
  errno = ENOSYS;
  return -1;
}
static inline int kill(pid_t pid, int sig) { (void)pid; (void)sig; errno = ENOSYS; return -1; }
#ifdef __cplusplus
}
#endif
#endif
