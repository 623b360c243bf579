# Minimal CMake platform description for WASI (CMake 3.25 ships none).
#
# UNIX must be set: LLVM's CMake only knows UNIX and WIN32 hosts ("Unable to determine
# platform" otherwise), and LLVM_ON_UNIX selects lib/Support/Unix/*.inc, which mostly
# works on wasi-libc (a musl derivative) with the shims in wasm/shims.
set(UNIX 1)
set(WASI 1)

set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_SHARED_LIBRARY_PREFIX "lib")
set(CMAKE_SHARED_LIBRARY_SUFFIX ".so")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
set(CMAKE_DL_LIBS "")

# Everything is linked statically into one module.
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)
set(CMAKE_SKIP_RPATH TRUE)
