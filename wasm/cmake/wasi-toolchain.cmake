# CMake toolchain file: cross-compile for wasm32-wasi with Debian's clang-19/lld-19,
# wasi-libc and libc++-19-dev-wasm32.
#
# CMake 3.25 has no "WASI" platform, so CMAKE_SYSTEM_NAME=WASI would fail with
# "System is unknown to cmake"; our own Platform/WASI.cmake (next to this file) fills
# the gap and is found through CMAKE_MODULE_PATH.
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")

set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)

set(triple wasm32-unknown-wasi)
set(CMAKE_C_COMPILER clang-19)
set(CMAKE_CXX_COMPILER clang++-19)
set(CMAKE_C_COMPILER_TARGET ${triple})
set(CMAKE_CXX_COMPILER_TARGET ${triple})
set(CMAKE_ASM_COMPILER_TARGET ${triple})
set(CMAKE_AR llvm-ar-19 CACHE FILEPATH "")
set(CMAKE_RANLIB llvm-ranlib-19 CACHE FILEPATH "")
set(CMAKE_NM llvm-nm-19 CACHE FILEPATH "")
set(CMAKE_STRIP llvm-strip-19 CACHE FILEPATH "")

# WASI_SYSROOT: a folder of links to /usr/{include,lib}/wasm32-wasi only (see
# build-clang.sh stage_sysroot). With the default sysroot (/usr) Debian's clang would
# also search /usr/include, i.e. glibc's x86-64 headers.
if(NOT WASI_SYSROOT)
  message(FATAL_ERROR "pass -DWASI_SYSROOT=<dir> (made by build-clang.sh sysroot)")
endif()
set(CMAKE_SYSROOT "${WASI_SYSROOT}")
# Keep the variable in try_compile() projects (CMake checks) too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES WASI_SYSROOT)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# A wasm module is not a shared library host: no -fPIC, no .so.
set(CMAKE_POSITION_INDEPENDENT_CODE OFF)
