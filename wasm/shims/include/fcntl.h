/* wasi-libc's <fcntl.h> declares struct flock but hides the lock types F_RDLCK/F_WRLCK/
 * F_UNLCK and the F_GETLK/F_SETLK/F_SETLKW commands (WASI has no POSIX locks). LLVM's Path.inc
 * (fs::lockFile/tryLockFile) needs the names; wasi-libc's fcntl() answers unknown
 * commands with EINVAL, so a lock attempt fails cleanly. Values are musl's. */
#ifndef EBPF_PLAYGROUND_FCNTL_H
#define EBPF_PLAYGROUND_FCNTL_H
#include_next <fcntl.h>
#ifndef F_WRLCK
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#endif
#ifndef F_GETLK
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#endif
#endif
