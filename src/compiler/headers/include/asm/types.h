/* Playground <asm/types.h>: the fixed-width integer types of the kernel ABI.
 *
 * The simulated kernel is 64-bit (LP64, like x86-64 and the BPF target):
 * char is 8 bits, short 16, int 32 and long long 64.
 */
#ifndef _ASM_GENERIC_INT_LL64_H
#define _ASM_GENERIC_INT_LL64_H

typedef __signed__ char __s8;
typedef unsigned char __u8;

typedef __signed__ short __s16;
typedef unsigned short __u16;

typedef __signed__ int __s32;
typedef unsigned int __u32;

__extension__ typedef __signed__ long long __s64;
__extension__ typedef unsigned long long __u64;

#endif /* _ASM_GENERIC_INT_LL64_H */
