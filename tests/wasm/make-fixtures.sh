#!/usr/bin/env bash
# Rebuilds the committed fixtures in tests/wasm/ from tests/wasm/src/. The
# tests never run this: they use the committed files, so they need no
# toolchain. It needs wat2wasm (wabt) and, for the real-toolchain files, the
# toolchains scripts/setup-toolchains.sh installs under ~/.cache/emcompat
# (Emscripten 3.1.6 and 6.0.5, Rust 1.96); each file is listed with the
# command that made it, which is what a reviewer should check.
#
#   tests/wasm/make-fixtures.sh [CACHE]     CACHE defaults to ~/.cache/emcompat
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-$HOME/.cache/emcompat}
src=$here/src
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# Hand-written modules.
wat2wasm --enable-exceptions --enable-multi-memory "$src/all-sections.wat" -o "$here/all-sections.wasm"
wat2wasm --enable-threads --enable-memory64 --enable-multi-memory "$src/limits.wat" -o "$here/limits.wasm"

# Emscripten: side modules, an object, bitcode and main modules.
em3=$cache/emscripten/3.1.6/bin/emcc
em6=$cache/emscripten/6.0.5/bin/emcc
$em6 -O0 -sSIDE_MODULE=2 -o "$here/emcc605-side.wasm" "$src/side.c"
$em3 -O0 -sSIDE_MODULE=2 -o "$here/emcc316-side-legalized.wasm" "$src/side.c"
$em6 -O0 -sSIDE_MODULE=2 -fwasm-exceptions -o "$here/emcc605-side-wasm-eh.wasm" "$src/eh.cpp"
$em6 -O0 -sSIDE_MODULE=2 -fexceptions -o "$here/emcc605-side-js-eh.wasm" "$src/eh.cpp"
$em6 -O0 -c -o "$here/emcc605-object.o" "$src/side.c"
$em6 -O0 -c -flto -o "$here/emcc605-object.bc" "$src/side.c"
# -Os -sFILESYSTEM=0 keeps main modules small; 6.0.5 with LLVM 22 needs a
# GLOBAL_BASE above the stack at -O1 and up.
$em3 -Oz -sMAIN_MODULE=2 -o main316.js "$src/main.c"
cp main316.wasm "$here/emcc316-main-legalized.wasm"
$em6 -Os -sGLOBAL_BASE=65536 -sFILESYSTEM=0 -sMAIN_MODULE=2 -o main605.js "$src/main.c"
cp main605.wasm "$here/emcc605-main.wasm"
$em6 -Os -sGLOBAL_BASE=65536 -sFILESYSTEM=0 -sMAIN_MODULE=2 -fwasm-exceptions -o main605eh.js "$src/main-eh.cpp"
cp main605eh.wasm "$here/emcc605-main-wasm-eh.wasm"
$em6 -Os -sGLOBAL_BASE=65536 -sFILESYSTEM=0 -sMAIN_MODULE=2 -fexceptions -o main605jseh.js "$src/main-eh.cpp"
cp main605jseh.wasm "$here/emcc605-main-js-eh.wasm"

# Rust 1.96 (LLVM 22): a no_core crate, since this rustc has no emscripten
# std. An rlib (GNU ar, long member names, lib.rmeta), an LTO rlib whose
# member is bitcode, and one whose object embeds bitcode (.llvmbc).
rust=$cache/rust/1.96
export LD_LIBRARY_PATH=$rust/root/usr/lib/x86_64-linux-gnu RUSTC_BOOTSTRAP=1
rustc=$rust/root/usr/bin/rustc
flags=(--target wasm32-unknown-emscripten -C panic=abort -O -A internal_features)
$rustc "${flags[@]}" --crate-name probe "$src/probe.rs"
$rustc "${flags[@]}" --crate-name probe_lto -C linker-plugin-lto "$src/probe.rs"
$rustc "${flags[@]}" --crate-name probe_bc -C embed-bitcode=yes "$src/probe.rs"
cp libprobe.rlib "$here/rust196-probe.rlib"
cp libprobe_lto.rlib "$here/rust196-probe-lto.rlib"
cp libprobe_bc.rlib "$here/rust196-probe-embed-bc.rlib"

# A BSD-format archive (names in "#1/N" headers) holding the object.
cp "$here/emcc605-object.o" a-member-with-a-long-name.o
llvm-ar rc --format=bsd "$here/bsd.a" a-member-with-a-long-name.o

# A truncated side module: it ends inside the code section.
head -c 400 "$here/emcc605-side.wasm" >"$here/truncated.wasm"
echo "fixtures written to $here"
