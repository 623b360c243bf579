/* wasi-libc's <unistd.h> hides what WASI preview1 cannot do: processes (fork, exec*,
 * getppid, setsid, getsid), pipes, dup/dup2, alarm, fchown, and user/group ids. LLVM's Unix support code
 * (Program.inc, Process.inc, Path.inc, Signals.inc) references them in paths clang never
 * takes when it compiles in-process. They are declared here and fail cleanly: ENOSYS,
 * or a fixed answer where POSIX says the call cannot fail (ids are 0: WASI has no users). */
#ifndef EBPF_PLAYGROUND_UNISTD_H
#define EBPF_PLAYGROUND_UNISTD_H
#include_next <unistd.h>
#include <errno.h>
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
static inline pid_t fork(void) { errno = ENOSYS; return -1; }
static inline int execv(const char *path, char *const argv[]) {
  (void)path; (void)argv; errno = ENOSYS; return -1;
}
static inline int execve(const char *path, char *const argv[], char *const envp[]) {
  (void)path; (void)argv; (void)envp; errno = ENOSYS; return -1;
}
static inline int execvp(const char *file, char *const argv[]) {
  (void)file; (void)argv; errno = ENOSYS; return -1;
}
static inline unsigned alarm(unsigned seconds) { (void)seconds; return 0; }
static inline int pipe(int fds[2]) { (void)fds; errno = ENOSYS; return -1; }
static inline int dup(int fd) { (void)fd; errno = ENOSYS; return -1; }
static inline int dup2(int fd, int fd2) { (void)fd; (void)fd2; errno = ENOSYS; return -1; }
static inline pid_t getppid(void) { return 1; }
static inline pid_t setsid(void) { errno = ENOSYS; return -1; }
static inline pid_t getsid(pid_t pid) { (void)pid; errno = ENOSYS; return -1; }
static inline int fchown(int fd, uid_t owner, gid_t group) {
  (void)fd; (void)owner; (void)group; errno = ENOSYS; return -1;
}
static inline pid_t getpgid(pid_t pid) { (void)pid; errno = ENOSYS; return -1; }
static inline uid_t getuid(void) { return 0; }
static inline uid_t geteuid(void) { return 0; }
static inline gid_t getgid(void) { return 0; }
static inline gid_t getegid(void) { return 0; }
#ifdef __cplusplus
}
#endif
#endif
