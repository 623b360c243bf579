/* llvm/ADT/bit.h includes <machine/endian.h> on hosts it does not list (WASI is not
 * listed) to get BYTE_ORDER/LITTLE_ENDIAN. wasi-libc has them in <endian.h> only. */
#ifndef EBPF_PLAYGROUND_MACHINE_ENDIAN_H
#define EBPF_PLAYGROUND_MACHINE_ENDIAN_H
#include <endian.h>
#endif
