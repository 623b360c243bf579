#!/usr/bin/env bash
# Build clang 19 (BPF backend only) as a wasm32-wasi binary from Debian's
# llvm-toolchain-19 source package, with Debian's own wasm32-wasi toolchain
# (clang-19 + lld-19 + wasi-libc + libc++-19-dev-wasm32).
#
# Usage:  bash wasm/build-clang.sh [STAGE...]
#   stages (default: all, in this order):
#     deps     apt-get install the toolchain (only what is missing)
#     source   fetch (apt-get source --download-only) and extract LLVM 19.1.7
#     patch    apply wasm/patches/*.patch to the extracted tree
#     native   build the host tablegens (llvm-tblgen, clang-tblgen, llvm-min-tblgen)
#     sysroot  make the wasm32-wasi sysroot folder of links
#     wasm     configure + ninja the `clang` target for wasm32-wasi
#     package  strip, optimise, brotli; write public/clang/{clang.wasm.br,manifest.json}
#     verify   compare the artifact's output with native clang-19 (wasm/verify-artifact.mjs)
#
# Resumable: every finished stage leaves a marker in $BUILD_CACHE/stamps, ninja only
# rebuilds what changed, and all compiles go through ccache ($BUILD_CACHE/ccache).
# Delete a marker (or the whole $BUILD_CACHE) to redo a stage.
#
# Environment:
#   BUILD_CACHE  out-of-repo work dir (default /work/build-cache); needs ~6 GB
#   JOBS         ninja parallelism (default: number of cores)
#   WASM_OPT     1 = also run binaryen's wasm-opt -Oz via npx (default 0; see README)
set -euo pipefail

REPO="${REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
WASM_DIR="$REPO/wasm"
BUILD_CACHE="${BUILD_CACHE:-/work/build-cache}"
JOBS="${JOBS:-$(nproc)}"
WASM_OPT="${WASM_OPT:-0}"

LLVM_VERSION=19.1.7
DEB_PKG=llvm-toolchain-19
SRC="$BUILD_CACHE/${DEB_PKG}_${LLVM_VERSION}"
TARBALL="$BUILD_CACHE/${DEB_PKG}_${LLVM_VERSION}.orig.tar.xz"
NATIVE="$BUILD_CACHE/native"
WBUILD="$BUILD_CACHE/wasm"
SYSROOT="$BUILD_CACHE/sysroot"
STUBS="$BUILD_CACHE/stubs"
STAMPS="$BUILD_CACHE/stamps"
OUT_RAW="$BUILD_CACHE/out/clang.wasm"
PUBLIC="$REPO/public/clang"

export CCACHE_DIR="${CCACHE_DIR:-$BUILD_CACHE/ccache}"
# Direct mode hashes only the files a compile read last time; a wrapper header added to
# wasm/shims later is not among them, so direct mode can hand back stale objects.
export CCACHE_NODIRECT=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"
# Paths differ between machines only by BUILD_CACHE; let ccache share hits across them.
export CCACHE_BASEDIR="$BUILD_CACHE"

log() { printf '\n=== [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
done_stage() { mkdir -p "$STAMPS"; date -u +%FT%TZ >"$STAMPS/$1"; }
have_stage() { [[ -f "$STAMPS/$1" ]]; }
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"

APT_PACKAGES=(clang-19 lld-19 llvm-19 wasi-libc libc++-19-dev-wasm32 libc++abi-19-dev-wasm32
  libclang-rt-19-dev-wasm32 cmake ninja-build ccache dpkg-dev xz-utils)

stage_deps() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
  fi
}

stage_source() {
  have_stage source && return 0
  mkdir -p "$BUILD_CACHE"
  if [[ ! -f "$TARBALL" ]]; then
    # apt-get source needs a deb-src line; Debian 12 images often ship without one.
    if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      log "adding a deb-src entry"
      $SUDO tee /etc/apt/sources.list.d/debian-src.sources >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
      $SUDO apt-get update
    fi
    log "downloading the $DEB_PKG source package"
    (cd "$BUILD_CACHE" && apt-get source --download-only "$DEB_PKG")
  fi
  [[ -f "$TARBALL" ]] || { echo "no $TARBALL (apt-get source gave another version?)" >&2; exit 1; }
  log "extracting llvm/ clang/ cmake/ third-party/ from $(basename "$TARBALL")"
  rm -rf "$SRC"
  tar -xJf "$TARBALL" -C "$BUILD_CACHE" --wildcards \
    "${DEB_PKG}_${LLVM_VERSION}/llvm/*" "${DEB_PKG}_${LLVM_VERSION}/clang/*" \
    "${DEB_PKG}_${LLVM_VERSION}/cmake/*" "${DEB_PKG}_${LLVM_VERSION}/third-party/*"
  rm -f "$STAMPS"/patch-*
  done_stage source
}

stage_patch() {
  # Each patch is applied once; its marker holds a copy so that an edited patch can be
  # reverse-applied (old copy) and re-applied (new version) without re-extracting.
  local p name
  for p in "$WASM_DIR"/patches/*.patch; do
    name="patch-$(basename "$p")"
    if have_stage "$name"; then
      cmp -s "$p" "$STAMPS/$name" && continue
      log "patch $(basename "$p") changed: reverting the old version"
      patch -d "$SRC" -p1 -R --forward <"$STAMPS/$name"
      rm -f "$STAMPS/$name"
    fi
    log "applying $(basename "$p")"
    patch -d "$SRC" -p1 --forward <"$p"
    mkdir -p "$STAMPS"; cp "$p" "$STAMPS/$name"
  done
}

stage_native() {
  have_stage native && return 0
  log "native tablegens"
  cmake -G Ninja -S "$SRC/llvm" -B "$NATIVE" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DLLVM_ENABLE_PROJECTS=clang -DLLVM_TARGETS_TO_BUILD=BPF \
    -DLLVM_INCLUDE_TESTS=OFF -DLLVM_INCLUDE_BENCHMARKS=OFF -DLLVM_INCLUDE_EXAMPLES=OFF \
    -DCLANG_INCLUDE_TESTS=OFF -DLLVM_ENABLE_ZLIB=OFF -DLLVM_ENABLE_ZSTD=OFF \
    -DLLVM_ENABLE_LIBXML2=OFF -DLLVM_ENABLE_TERMINFO=OFF -DLLVM_ENABLE_LIBEDIT=OFF
  nice -n 10 ninja -C "$NATIVE" -j "$JOBS" llvm-tblgen clang-tblgen llvm-min-tblgen
  done_stage native
}

stage_sysroot() {
  # Debian's clang treats /usr as the wasm sysroot and would then put /usr/include (glibc)
  # on the search path after the wasm32-wasi dirs. A sysroot holding only links to the
  # wasm32-wasi dirs keeps glibc headers out entirely.
  mkdir -p "$SYSROOT/include" "$SYSROOT/lib"
  ln -sfn /usr/include/wasm32-wasi "$SYSROOT/include/wasm32-wasi"
  ln -sfn /usr/lib/wasm32-wasi "$SYSROOT/lib/wasm32-wasi"
  # Definitions for functions wasi-libc declares but does not implement (see the file).
  mkdir -p "$STUBS"
  clang-19 --target=wasm32-wasi --sysroot="$SYSROOT" -Os -Wall -Werror \
    -D_WASI_EMULATED_MMAN \
    -c "$WASM_DIR/shims/wasi-stubs.c" -o "$STUBS/wasi-stubs.o"
  rm -f "$STUBS/libwasi-compat-stubs.a"
  llvm-ar-19 rcs "$STUBS/libwasi-compat-stubs.a" "$STUBS/wasi-stubs.o"
}

# Flags for the cross build; package writes exactly this list into manifest.json.
wasm_cmake_flags() {
  local shims="$WASM_DIR/shims"
  local defs="-D_WASI_EMULATED_MMAN -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID"
  local cflags="$defs -isystem $shims/include"
  cat <<EOF
-DCMAKE_TOOLCHAIN_FILE=$WASM_DIR/cmake/wasi-toolchain.cmake
-DWASI_SYSROOT=$SYSROOT
-DCMAKE_BUILD_TYPE=MinSizeRel
-DCMAKE_C_COMPILER_LAUNCHER=ccache
-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
-DCMAKE_C_FLAGS=$cflags
-DCMAKE_CXX_FLAGS=$cflags -include $shims/wasi-compat.h
-DCMAKE_EXE_LINKER_FLAGS=-Wl,-z,stack-size=8388608 -Wl,--stack-first -L$STUBS -lwasi-compat-stubs -lwasi-emulated-mman -lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid
-DLLVM_ENABLE_PROJECTS=clang
-DLLVM_TARGETS_TO_BUILD=BPF
-DLLVM_HOST_TRIPLE=wasm32-unknown-wasi
-DLLVM_DEFAULT_TARGET_TRIPLE=bpfel
-DLLVM_NATIVE_TOOL_DIR=$NATIVE/bin
-DLLVM_TABLEGEN=$NATIVE/bin/llvm-tblgen
-DCLANG_TABLEGEN=$NATIVE/bin/clang-tblgen
-DLLVM_ENABLE_THREADS=OFF
-DLLVM_ENABLE_PIC=OFF
-DBUILD_SHARED_LIBS=OFF
-DLLVM_BUILD_LLVM_DYLIB=OFF
-DLLVM_ENABLE_PLUGINS=OFF
-DLLVM_ENABLE_ZLIB=OFF
-DLLVM_ENABLE_ZSTD=OFF
-DLLVM_ENABLE_LIBXML2=OFF
-DLLVM_ENABLE_TERMINFO=OFF
-DLLVM_ENABLE_LIBEDIT=OFF
-DLLVM_ENABLE_LIBPFM=OFF
-DLLVM_ENABLE_BACKTRACES=OFF
-DLLVM_ENABLE_CRASH_OVERRIDES=OFF
-DLLVM_ENABLE_UNWIND_TABLES=OFF
-DLLVM_INCLUDE_TESTS=OFF
-DLLVM_INCLUDE_EXAMPLES=OFF
-DLLVM_INCLUDE_BENCHMARKS=OFF
-DLLVM_INCLUDE_DOCS=OFF
-DLLVM_BUILD_TOOLS=OFF
-DLLVM_BUILD_UTILS=OFF
-DCLANG_INCLUDE_TESTS=OFF
-DCLANG_INCLUDE_DOCS=OFF
-DCLANG_BUILD_TOOLS=OFF
-DCLANG_ENABLE_STATIC_ANALYZER=OFF
-DCLANG_ENABLE_ARCMT=OFF
-DCLANG_PLUGIN_SUPPORT=OFF
-DCLANG_HAVE_RLIMITS=OFF
-DPACKAGE_VENDOR=Debian
-DCLANG_REPOSITORY_STRING=$(deb_revision)
EOF
}

# "3~deb12u1" from the .dsc version "1:19.1.7-3~deb12u1": Debian's clang-19 embeds it in
# its version string (and so in DW_AT_producer); matching it keeps -g output identical.
deb_full_version() {
  local dsc
  dsc=$(ls "$BUILD_CACHE"/${DEB_PKG}_${LLVM_VERSION}-*.dsc 2>/dev/null | head -1)
  if [[ -n "$dsc" ]]; then sed -n 's/^Version: //p' "$dsc"; else echo "1:${LLVM_VERSION}-3~deb12u1"; fi
}
deb_revision() { deb_full_version | sed -E 's/^[0-9]+:[0-9.]+[-~]//'; }

stage_wasm() {
  local -a flags=()
  mapfile -t flags < <(wasm_cmake_flags)
  local sig; sig=$(printf '%s\n' "${flags[@]}" | sha256sum | cut -c1-16)
  if [[ ! -f "$WBUILD/build.ninja" || "$(cat "$STAMPS/wasm-configured" 2>/dev/null)" != "$sig" ]]; then
    log "configuring the wasm32-wasi build"
    cmake -G Ninja -S "$SRC/llvm" -B "$WBUILD" "${flags[@]}"
    mkdir -p "$STAMPS"; echo "$sig" >"$STAMPS/wasm-configured"
  fi
  log "ninja clang (wasm32-wasi), -j$JOBS"
  local t0=$SECONDS
  nice -n 10 ninja -C "$WBUILD" -j "$JOBS" ${NINJA_FLAGS:-} clang
  log "ninja finished in $((SECONDS - t0)) s"
  mkdir -p "$(dirname "$OUT_RAW")"
  cp "$WBUILD/bin/clang.wasm-19" "$OUT_RAW.unstripped"
  done_stage wasm
}

stage_package() {
  log "packaging"
  node "$WASM_DIR/package-artifact.mjs" --unstripped "$OUT_RAW.unstripped" --raw "$OUT_RAW" \
    --out "$PUBLIC" --wasm-opt "$WASM_OPT" --llvm-version "$LLVM_VERSION" \
    --debian-version "$(deb_full_version)" --flags-file <(wasm_cmake_flags | sed "s|$BUILD_CACHE|\$BUILD_CACHE|g; s|$REPO|\$REPO|g")
  done_stage package
}

stage_verify() {
  log "verifying against native clang-19"
  node "$WASM_DIR/verify-artifact.mjs" "$PUBLIC/clang.wasm.br"
}

main() {
  local stages=("$@")
  ((${#stages[@]})) || stages=(deps source patch native sysroot wasm package verify)
  for s in "${stages[@]}"; do "stage_$s"; done
}
main "$@"
