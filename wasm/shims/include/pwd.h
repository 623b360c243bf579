/* wasi-libc has no <pwd.h>: WASI has no users. llvm/lib/Support/Unix/Path.inc uses
 * getpwuid_r/getpwnam for "~" expansion and home_directory(); with no user database,
 * every lookup finds nothing (NULL / ENOENT) and LLVM falls back to $HOME or fails. */
#ifndef EBPF_PLAYGROUND_PWD_H
#define EBPF_PLAYGROUND_PWD_H
#include <errno.h>
#include <stddef.h>
#include <sys/types.h>
#ifdef __cplusplus
extern "C" {
#endif
struct passwd {
  char *pw_name;
  char *pw_passwd;
  uid_t pw_uid;
  gid_t pw_gid;
  char *pw_gecos;
  char *pw_dir;
  char *pw_shell;
};
static inline struct passwd *getpwuid(uid_t uid) { (void)uid; errno = ENOENT; return NULL; }
static inline struct passwd *getpwnam(const char *name) { (void)name; errno = ENOENT; return NULL; }
static inline int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len,
                             struct passwd **result) {
  (void)uid; (void)pw; (void)buf; (void)len; *result = NULL; return ENOENT;
}
static inline int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
                             struct passwd **result) {
  (void)name; (void)pw; (void)buf; (void)len; *result = NULL; return ENOENT;
}
#ifdef __cplusplus
}
#endif
#endif
