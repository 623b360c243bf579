/* wasi-libc's <dirent.h> pulls in <__header_dirent.h> *before* its extern "C" block, so
 * in C++ __wasilibc_dttoif/__wasilibc_iftodt (behind the DTTOIF/IFTODT macros that
 * llvm/lib/Support/Unix/Path.inc uses) get C++ linkage and the link fails with an
 * undefined mangled symbol. Declaring them extern "C" first fixes the linkage: a later
 * plain redeclaration keeps it. */
#ifndef EBPF_PLAYGROUND_DIRENT_H
#define EBPF_PLAYGROUND_DIRENT_H
#ifdef __cplusplus
extern "C" {
int __wasilibc_iftodt(int x);
int __wasilibc_dttoif(int x);
}
#endif
#include_next <dirent.h>
#endif
