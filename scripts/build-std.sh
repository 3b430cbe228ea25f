#!/usr/bin/env bash
# build-std.sh: build the best Rust standard library we can get for
# wasm32-unknown-emscripten with one Rust toolchain and one Emscripten, as a
# sysroot that plain rustc (no cargo) can use to compile probe crates.
#
# Usage: scripts/build-std.sh RUST_MANIFEST EMSCRIPTEN_MANIFEST OUT_DIR [--eh wasm|js] [--force]
#   RUST_MANIFEST        a rust toolchain.json written by setup-toolchains.sh, or
#                        `rustup:<toolchain>` (e.g. rustup:stable, rustup:nightly)
#                        for a rustup toolchain (these have no manifest).
#   EMSCRIPTEN_MANIFEST  an emscripten toolchain.json (its bin/ goes first in PATH:
#                        libc's build script runs `emcc -dumpversion` and picks
#                        the stat ABI from it, so the sysroot is per Emscripten).
#   OUT_DIR              everything is written here, nothing anywhere else.
#   --eh wasm|js         exception-handling ABI of the sysroot. Default: what the
#                        rustc does by default (wasm on Rust >= 1.95, js before;
#                        read from `rustc --print cfg`). A rustc without
#                        -Zemscripten-wasm-eh (1.63, 1.85) knows only js (exit 2
#                        for wasm); otherwise the flag is added, and recorded in
#                        std.json, only when the request differs from the default.
#   --force              rebuild even when OUT_DIR/std.json says it is current.
#
# Output:
#   OUT_DIR/sysroot/lib/rustlib/wasm32-unknown-emscripten/lib/*.rlib
#   OUT_DIR/rustc-args  the flags a probe compile needs, one per line (an
#                       @argfile for rustc): rustflags, plus the no_std cfg
#                       and panic=abort when the tier is core.
#   OUT_DIR/std.json  {"tier":"std"|"core"|"none","crates":[...],"how":"...",
#                      "rustflags":[...], "env":{...}, "eh":..., "attempts":[...], ...}
#   Use it as: [env from std.json "env"] rustc --sysroot OUT_DIR/sysroot
#       --target wasm32-unknown-emscripten <std.json "rustflags"> --crate-type staticlib ...
#   A staticlib needs no linker. For a cdylib rustc drives emcc (put its bin/
#   first in PATH): Debian's rustc-web 1.85/1.96 also need
#   `-C link-self-contained=no` (else "the self-contained linker was requested,
#   but it wasn't found"), and rustc 1.63/1.85 link a cdylib as a program
#   ("undefined symbol: main") unless given `-C link-arg=-sSIDE_MODULE=2
#   -C link-arg=-sEXPORTED_FUNCTIONS=_f,...` (SIDE_MODULE=1 breaks on 1.63:
#   wasm-ld "unknown file type: lib.rmeta"); 1.95+ emit a side module as is.
#   OUT_DIR/logs/*.log  full output of every attempt; OUT_DIR/work/ cargo's target
#   dir, the dummy crate and (when needed) a writable copy of rust-src; delete
#   OUT_DIR/work to reclaim space (the next run then starts cold).
#
# Exit: 0 tier std or core; 3 tier none (std.json still written: the toolchain
# can only compile #![no_core] probes); 2 usage; 1 any other failure.
#
# Environment:
#   EMCOMPAT_CARGO_HOME  CARGO_HOME to use (default OUT_DIR/cargo-home). Never the
#                        user's ~/.cargo: its config or a stale index could change
#                        the result, and build-std must not touch global state.
#   EMCOMPAT_STD_SKIP    space-separated attempts to skip, to exercise the
#                        fallbacks: cargo-std cargo-core rustc-core.
#
# Attempts, best first (the first that passes verification wins):
#   cargo-std   cargo -Zbuild-std=std,panic_unwind on an empty #![no_std] crate,
#               its panic_abort crate with -C panic=abort (as the Rust
#               distribution's is, so `panic = "abort"` crates link); tier
#               "std". Where rust-src has no Cargo.lock (Debian's rust-src
#               1.63) a writable copy gets a generated one, pinned to the
#               versions of that Rust's era; where it has a known bug (1.95.0
#               panic_unwind with --eh js) a copy gets the one-line fix; cargo
#               is pointed at the copy with __CARGO_TESTS_ONLY_SRC_ROOT.
#   cargo-core  cargo -Zbuild-std=core,alloc; tier "core" with the real
#               compiler_builtins.
#   rustc-core  plain rustc: core, a stub #![compiler_builtins] crate, alloc;
#               tier "core" (needs no crates.io at all).
# Each attempt is verified by compiling a probe with plain rustc --sysroot into
# a staticlib (std: Vec + format! + catch_unwind; core: a #![no_std] function).
# A std is also compiled against with -C panic=abort; a failure there is
# recorded (attempt verify-std-abort) but keeps tier std.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
MANIFEST=("$PY" "$SCRIPT_DIR/lib/manifest.py")
TARGET=wasm32-unknown-emscripten

die() { echo "build-std.sh: error: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2; exit 2; }

# ---- arguments ---------------------------------------------------------------
EH_REQ="" FORCE=0 POS=()
while [ $# -gt 0 ]; do
  case $1 in
    --eh) [ $# -ge 2 ] || usage; EH_REQ=$2; shift 2 ;;
    --eh=*) EH_REQ=${1#--eh=}; shift ;;
    --force) FORCE=1; shift ;;
    -h|--help) usage ;;
    --) shift; POS+=("$@"); break ;;
    -*) echo "build-std.sh: unknown option $1" >&2; usage ;;
    *) POS+=("$1"); shift ;;
  esac
done
[ ${#POS[@]} -eq 3 ] || usage
RUST_SPEC=${POS[0]} EM_MANIFEST=${POS[1]} OUT=${POS[2]}
case $EH_REQ in ""|wasm|js) ;; *) echo "build-std.sh: --eh must be wasm or js" >&2; exit 2 ;; esac

# ---- toolchains ----------------------------------------------------------------
# A manifest's env (LD_LIBRARY_PATH for Debian's extracted rustc-web, RUSTC,
# RUSTDOC) must be in force for rustc, cargo and build scripts alike, so export it.
RUST_SRC=""
if [[ $RUST_SPEC == rustup:* ]]; then
  TC=${RUST_SPEC#rustup:}
  RUSTC_BIN=$(rustup which --toolchain "$TC" rustc 2>/dev/null) || die "no rustup toolchain '$TC'"
  CARGO_BIN=$(rustup which --toolchain "$TC" cargo 2>/dev/null) || die "rustup toolchain '$TC' has no cargo"
  export RUSTC=$RUSTC_BIN
else
  [ -f "$RUST_SPEC" ] || die "rust manifest not found: $RUST_SPEC"
  RUSTC_BIN=$("${MANIFEST[@]}" get "$RUST_SPEC" rustc) || die "$RUST_SPEC: no rustc"
  CARGO_BIN=$("${MANIFEST[@]}" get "$RUST_SPEC" cargo) || die "$RUST_SPEC: no cargo"
  RUST_SRC=$("${MANIFEST[@]}" get "$RUST_SPEC" rust_src 2>/dev/null || true)
  while IFS= read -r kv; do [ -n "$kv" ] && export "${kv?}"; done \
    < <("${MANIFEST[@]}" get "$RUST_SPEC" env 2>/dev/null || true)
  export RUSTC=$RUSTC_BIN
fi
[ -x "$RUSTC_BIN" ] || die "rustc not executable: $RUSTC_BIN"
[ -f "$EM_MANIFEST" ] || die "emscripten manifest not found: $EM_MANIFEST"
EM_BIN=$("${MANIFEST[@]}" get "$EM_MANIFEST" bin) || die "$EM_MANIFEST: no bin"
EM_VERSION=$("${MANIFEST[@]}" get "$EM_MANIFEST" version)
[ -x "$EM_BIN/emcc" ] || die "no emcc in $EM_BIN"

# Settings that would silently change what cargo/rustc build.
unset RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER RUSTFLAGS CARGO_ENCODED_RUSTFLAGS \
  CARGO_BUILD_RUSTFLAGS CARGO_BUILD_TARGET CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR \
  RUSTUP_TOOLCHAIN __CARGO_TESTS_ONLY_SRC_ROOT RUSTC_BOOTSTRAP CARGO_NET_OFFLINE
export PATH="$EM_BIN:$(dirname "$RUSTC_BIN"):$PATH"
export CARGO_HOME=${EMCOMPAT_CARGO_HOME:-$OUT/cargo-home}
export CARGO_TERM_COLOR=never

RUST_VV=$("$RUSTC_BIN" -vV) || die "$RUSTC_BIN -vV failed"
RELEASE=$(sed -n 's/^release: //p' <<<"$RUST_VV")
MINOR=$(cut -d. -f2 <<<"$RELEASE")
CARGO_V=$("$CARGO_BIN" -V) || die "$CARGO_BIN -V failed"
CARGO_MINOR=$(awk '{print $2}' <<<"$CARGO_V" | cut -d. -f2)
EMCC_V=$(emcc -dumpversion 2>/dev/null) || die "emcc -dumpversion failed ($EM_BIN)"
SYSROOT_HOST=$("$RUSTC_BIN" --print sysroot)
[ -n "$RUST_SRC" ] || RUST_SRC=$SYSROOT_HOST/lib/rustlib/src/rust/library

# ---- exception handling --------------------------------------------------------
# The EH ABI is baked into std (panic_unwind), and rustc does not reliably
# reject a mix (1.95 compiles a probe with the other EH against this sysroot
# without a word), so it is a property of the sysroot and probes must use
# std.json's rustflags. Read the default from rustc itself: with wasm EH,
# `--print cfg` has `emscripten_wasm_eh`.
RUSTFLAGS_LIST=(-C relocation-model=pic)   # side modules are PIC, and so must std be
NEED_BOOTSTRAP=0
# (Captured first: `rustc ... | grep -q` under pipefail fails at random when grep
# exits early and rustc dies of SIGPIPE.)
CFG_OUT=$(RUSTC_BOOTSTRAP=1 "$RUSTC_BIN" --print cfg --target $TARGET 2>/dev/null) ||
  die "$RUSTC_BIN does not know the target $TARGET"
ZHELP=$(RUSTC_BOOTSTRAP=1 "$RUSTC_BIN" -Z help 2>/dev/null || true)
if grep -qx emscripten_wasm_eh <<<"$CFG_OUT"; then
  EH_DEFAULT=wasm
else
  EH_DEFAULT=js
fi
EH=${EH_REQ:-$EH_DEFAULT}
if [ "$EH" != "$EH_DEFAULT" ]; then
  if grep -q 'emscripten-wasm-eh=' <<<"$ZHELP"; then
    if [ "$EH" = wasm ]; then RUSTFLAGS_LIST+=(-Zemscripten-wasm-eh=true); else RUSTFLAGS_LIST+=(-Zemscripten-wasm-eh=false); fi
    NEED_BOOTSTRAP=1
  else
    echo "build-std.sh: rustc $RELEASE has no -Zemscripten-wasm-eh: only --eh $EH_DEFAULT is possible" >&2
    exit 2
  fi
fi
export RUSTFLAGS="${RUSTFLAGS_LIST[*]}"

# ---- up to date? ----------------------------------------------------------------
# Only now, with both toolchains usable, is anything written.
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
mkdir -p "$OUT/logs" "$OUT/work"
# Two runs into one OUT_DIR would fight over the target dir and the sysroot.
exec 9>"$OUT/.lock"
flock 9
SELF_SUM=$(sha256sum "$0" | cut -c1-16)
INPUTS=$(printf '%s\n' "$RUST_VV" "$CARGO_V" "emcc $EMCC_V" "eh $EH" "src $RUST_SRC" "skip ${EMCOMPAT_STD_SKIP:-}" "script $SELF_SUM" | sha256sum | cut -c1-32)
if [ $FORCE = 0 ] && [ -f "$OUT/std.json" ] && "${MANIFEST[@]}" matches "$OUT/std.json" inputs "$INPUTS"; then
  TIER=$("${MANIFEST[@]}" get "$OUT/std.json" tier)
  echo "build-std.sh: $OUT/std.json is current (tier $TIER)" >&2
  [ "$TIER" = none ] && exit 3 || exit 0
fi

# A run that dies half way must not leave a std.json describing a sysroot that
# is no longer there.
rm -f "$OUT/std.json"
LIBDIR=$OUT/sysroot/lib/rustlib/$TARGET/lib
T_START=$(date +%s.%N)
ATTEMPTS_FILE=$OUT/work/attempts.jsonl
: >"$ATTEMPTS_FILE"
HOW="" TIER=none VERSIONS_FILE=$OUT/work/versions.json
echo '{}' >"$VERSIONS_FILE"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# record STEP OK SECONDS LOG COMMAND: one line of std.json's "attempts", with the
# error lines of a failed step so a reader does not need the log.
record() {
  STEP=$1 OK=$2 SECS=$3 LOGF=$4 CMD=$5 "$PY" - >>"$ATTEMPTS_FILE" <<'EOF'
import json, os, re
ok = os.environ["OK"] == "1"
err = []
if not ok and os.path.exists(os.environ["LOGF"]):
    lines = open(os.environ["LOGF"], errors="replace").read().splitlines()
    for i, l in enumerate(lines):
        if re.match(r"\s*(error|Caused by|fatal)", l) or "does not exist" in l or "requires rustc" in l:
            err.extend(x.rstrip() for x in lines[i:i + 3])
        if len(err) >= 12:
            break
    if not err:
        err = [x.rstrip() for x in lines[-6:]]
print(json.dumps({"step": os.environ["STEP"], "ok": ok, "seconds": round(float(os.environ["SECS"]), 1),
                  "command": os.environ["CMD"], "log": os.environ["LOGF"],
                  "error": "\n".join(dict.fromkeys(err))[:2000] if not ok else None}))
EOF
}
skipped() { [[ " ${EMCOMPAT_STD_SKIP:-} " == *" $1 "* ]]; }

# ---- verification probes ----------------------------------------------------------
mkdir -p "$OUT/work/verify"
cat >"$OUT/work/verify/std_probe.rs" <<'EOF'
use std::panic;
#[no_mangle]
pub extern "C" fn emcompat_std_probe(n: i32) -> i32 {
    let v: Vec<i32> = (0..n).collect();
    let s = format!("{:?}", v);
    let r = panic::catch_unwind(|| if n > 100 { panic!("big") } else { n * 2 });
    s.len() as i32 + r.unwrap_or(-1)
}
EOF
cat >"$OUT/work/verify/core_probe.rs" <<'EOF'
#![no_std]
#[panic_handler]
fn on_panic(_: &core::panic::PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn emcompat_core_probe(a: u64, b: u32) -> u64 { a.wrapping_mul(b as u64) / 7 }
EOF
# verify KIND: plain rustc, no cargo, only the sysroot; RUSTC_BOOTSTRAP only
# when a -Z flag is part of the ABI (the EH switch). std-abort: the std probe
# as a crate with `panic = "abort"` builds it (it links std's panic_abort).
verify() {
  local kind=$1 src=$1 extra=()
  [ "$kind" = core ] && extra=(-C panic=abort)
  [ "$kind" = std-abort ] && src=std extra=(-C panic=abort)
  local envs=(-u RUSTC_BOOTSTRAP)
  [ $NEED_BOOTSTRAP = 1 ] && envs=(RUSTC_BOOTSTRAP=1)
  env "${envs[@]}" "$RUSTC_BIN" --edition 2018 --sysroot "$OUT/sysroot" --target $TARGET \
    "${RUSTFLAGS_LIST[@]}" "${extra[@]}" -O --crate-type staticlib \
    -o "$OUT/work/verify/lib${kind}_probe.a" "$OUT/work/verify/${src}_probe.rs" \
    >"$OUT/logs/verify-$kind.log" 2>&1
}

reset_sysroot() { rm -rf "$OUT/sysroot"; mkdir -p "$LIBDIR"; }

# ---- rust-src for cargo -------------------------------------------------------------
# cargo -Zbuild-std reads std's sources from <sysroot>/lib/rustlib/src/rust and
# wants a Cargo.lock there. __CARGO_TESTS_ONLY_SRC_ROOT (read by every cargo
# with build-std) points it elsewhere: at the rust/ dir for an old cargo whose
# std was part of the compiler's workspace (1.63 with cargo 1.65), at
# rust/library where library/ is a workspace of its own (1.85+).
# A writable copy under OUT_DIR is made when
#  - rust-src has no Cargo.lock (Debian's rust-src 1.63: cargo 1.65 stops with
#    `"/usr/lib/rustlib/src/rust/Cargo.lock" does not exist`): the copy gets one
#    resolved from crates.io, pinned (below) to the versions of that Rust's era;
#  - the source has a known bug for the requested build (1.95.0 with --eh js:
#    panic_unwind says `cfg_attr(..., lang_items)` for `feature(lang_items)`:
#    "cannot find attribute `lang_items` in this scope"; fixed in 1.96).
# Pins: the newest semver-compatible releases no longer build with an old rustc
# (cc 1.11 wants 1.65, compiler_builtins 0.1.160 a far newer compiler) and libc
# decides ABI details (time_t, stat), so use what that Rust release shipped with.
declare -A PINS=(
  [63]="compiler_builtins=0.1.73 libc=0.2.126 memchr=2.5.0 rustc-demangle=0.1.21 cfg-if=1.0.0 getopts=0.2.21 cc=1.0.73"
)
# cargo < 1.68 only knows the git index (github.com is not reachable here); 1.68
# and 1.69 have the sparse protocol but not as default.
CARGO_NET=()
if [ "$CARGO_MINOR" -lt 68 ]; then CARGO_NET=(-Zsparse-registry)
elif [ "$CARGO_MINOR" -lt 70 ]; then export CARGO_REGISTRIES_CRATES_IO_PROTOCOL=sparse; fi
# Let a cargo that knows rust-version pick releases this rustc can build.
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback
SRC_ROOT_OVERRIDE="" SRC_NOTE=""
PANIC_UNWIND_BUG='not(emscripten_wasm_eh)), lang_items)]'

lib_is_workspace() { [ -f "$1/Cargo.toml" ] && grep -q '^\[workspace\]' "$1/Cargo.toml"; }

prepare_src() {
  local canon_lib=$SYSROOT_HOST/lib/rustlib/src/rust/library has_lock=0 fix=0
  rm -rf "$OUT/work/src"
  { [ -f "$RUST_SRC/../Cargo.lock" ] || [ -f "$RUST_SRC/Cargo.lock" ]; } && has_lock=1
  [ "$EH" = js ] && grep -qF "$PANIC_UNWIND_BUG" "$RUST_SRC/panic_unwind/src/lib.rs" && fix=1
  if [ $has_lock = 1 ] && [ $fix = 0 ]; then
    SRC_NOTE="rust-src $RUST_SRC with its own Cargo.lock"
    [ "$(readlink -f "$RUST_SRC")" = "$(readlink -f "$canon_lib")" ] && return 0
    if lib_is_workspace "$RUST_SRC"; then SRC_ROOT_OVERRIDE=$RUST_SRC; else SRC_ROOT_OVERRIDE=$(dirname "$RUST_SRC"); fi
    return 0
  fi
  local root=$OUT/work/src/rust log=$OUT/logs/lockfile.log
  mkdir -p "$root"
  cp -a "$RUST_SRC" "$root/library"
  [ -f "$RUST_SRC/../Cargo.lock" ] && cp "$RUST_SRC/../Cargo.lock" "$root/"
  # libunwind's C sources, for the llvm-libunwind feature of some targets
  [ -d "$RUST_SRC/../src/llvm-project" ] && mkdir -p "$root/src" && cp -a "$RUST_SRC/../src/llvm-project" "$root/src/"
  local lockdir=$root
  lib_is_workspace "$root/library" && lockdir=$root/library
  SRC_ROOT_OVERRIDE=$lockdir
  SRC_NOTE="writable copy of $RUST_SRC"
  if [ $fix = 1 ]; then
    sed -i 's/not(emscripten_wasm_eh)), lang_items)\]/not(emscripten_wasm_eh)), feature(lang_items))]/' \
      "$root/library/panic_unwind/src/lib.rs"
    SRC_NOTE="$SRC_NOTE with panic_unwind's cfg_attr(lang_items) fixed to feature(lang_items)"
  fi
  if [ $has_lock = 1 ]; then
    SRC_NOTE="$SRC_NOTE and its own Cargo.lock (cargo finds it via __CARGO_TESTS_ONLY_SRC_ROOT)"
    return 0
  fi

  local synth=0
  if [ "$lockdir" = "$root" ]; then
    # std was a member of the whole compiler workspace; a small workspace with
    # the same [patch] that build-std applies resolves the same graph.
    synth=1
    cat >"$root/Cargo.toml" <<'EOF'
[workspace]
members = ["library/std", "library/test"]
[patch.crates-io]
rustc-std-workspace-core = { path = "library/rustc-std-workspace-core" }
rustc-std-workspace-alloc = { path = "library/rustc-std-workspace-alloc" }
rustc-std-workspace-std = { path = "library/rustc-std-workspace-std" }
EOF
  fi
  (cd "$lockdir" && RUSTC_BOOTSTRAP=1 "$CARGO_BIN" generate-lockfile "${CARGO_NET[@]}") >"$log" 2>&1 ||
    { [ $synth = 1 ] && rm -f "$root/Cargo.toml"; return 1; }
  local pin name ver cur
  for pin in ${PINS[$MINOR]:-}; do
    name=${pin%=*} ver=${pin#*=}
    # the spec must name the version now in the lock when there are several
    # (cfg-if 0.1 and 1.x): take the one with the same semver-major as the pin
    cur=$("$PY" - "$lockdir/Cargo.lock" "$name" "$ver" <<'EOF'
import re, sys
lock, name, want = sys.argv[1:]
text = open(lock).read()
vers = re.findall(r'\[\[package\]\]\nname = "%s"\nversion = "([^"]+)"' % re.escape(name), text)
def major(v):
    p = v.split(".")
    return tuple(p[:2]) if p[0] == "0" else (p[0],)
m = [v for v in vers if major(v) == major(want)]
print(m[0] if m else "")
EOF
)
    [ -n "$cur" ] || continue
    [ "$cur" = "$ver" ] && continue
    (cd "$lockdir" && RUSTC_BOOTSTRAP=1 "$CARGO_BIN" update "${CARGO_NET[@]}" -p "$name@$cur" --precise "$ver") >>"$log" 2>&1 ||
      { [ $synth = 1 ] && rm -f "$root/Cargo.toml"; return 1; }
  done
  # build-std makes its own virtual workspace at the src root; a second
  # [workspace] there would be a conflicting root.
  [ $synth = 1 ] && rm -f "$root/Cargo.toml"
  SRC_NOTE="$SRC_NOTE with a generated Cargo.lock${PINS[$MINOR]:+ pinned to ${PINS[$MINOR]// /, }} (cargo finds it via __CARGO_TESTS_ONLY_SRC_ROOT)"
}

# ---- cargo -Zbuild-std ----------------------------------------------------------------
DUMMY=$OUT/work/dummy
mkdir -p "$DUMMY/src"
cat >"$DUMMY/Cargo.toml" <<'EOF'
[package]
name = "emcompat-std-dummy"
version = "0.0.0"
edition = "2018"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "unwind"
EOF
echo '#![no_std]' >"$DUMMY/src/lib.rs"

# The Rust distribution builds std for unwinding but its panic_abort crate with
# -C panic=abort: rust-lang/rust, src/bootstrap/src/bin/rustc.rs (the rustc
# shim; src/bootstrap/bin/rustc.rs in older trees) adds `-C panic=abort` when
# `crate_name == Some("panic_abort")`, for that crate alone. rustc links a
# `panic = "abort"` crate (orjson's release profile) against the panic runtime
# only if the runtime was built so (1.63 to 1.96: "the crate `panic_abort` does
# not have the panic strategy `abort`"), and cargo has no per-crate panic
# setting, so a wrapper does what the shim does.
PANIC_WRAPPER=$OUT/work/rustc-wrapper
cat >"$PANIC_WRAPPER" <<'EOF'
#!/bin/bash
# cargo runs `RUSTC_WRAPPER rustc ARGS...`; written by scripts/build-std.sh.
prev=
for a in "$@"; do
  [ "$prev" = --crate-name ] && [ "$a" = panic_abort ] && exec "$@" -C panic=abort
  prev=$a
done
exec "$@"
EOF
chmod 755 "$PANIC_WRAPPER"

# cargo_build STEP CRATES: run build-std, then copy exactly the rlibs cargo
# reported (the target dir's deps/ may hold stale ones from earlier runs).
cargo_build() {
  local step=$1 crates=$2 log=$OUT/logs/$1.log t0 rc
  t0=$(now)
  # an old cargo cannot read a newer lock format, and the dummy has no deps anyway
  rm -f "$DUMMY/Cargo.lock"
  local cmd=(env RUSTC_BOOTSTRAP=1 "RUSTC_WRAPPER=$PANIC_WRAPPER")
  [ -n "$SRC_ROOT_OVERRIDE" ] && cmd+=("__CARGO_TESTS_ONLY_SRC_ROOT=$SRC_ROOT_OVERRIDE")
  cmd+=("$CARGO_BIN" build "${CARGO_NET[@]}" --release -Zbuild-std="$crates" --target $TARGET
    --target-dir "$OUT/work/target" --message-format=json-render-diagnostics)
  set +e
  (cd "$DUMMY" && "${cmd[@]}") >"$OUT/work/$step.json" 2>"$log"
  rc=$?
  set -e
  local shown="cd $DUMMY && RUSTFLAGS='$RUSTFLAGS' PATH=$EM_BIN:\$PATH CARGO_HOME=$CARGO_HOME ${cmd[*]}"
  if [ $rc -ne 0 ]; then
    record "$step" 0 "$(since "$t0")" "$log" "$shown"
    return 1
  fi
  reset_sysroot
  "$PY" - "$OUT/work/$step.json" "$LIBDIR" "$VERSIONS_FILE" <<'EOF' || { record "$step" 0 "$(since "$t0")" "$log" "$shown"; return 1; }
import json, re, shutil, sys, os
msgs, libdir, vfile = sys.argv[1:]
versions = {}
n = 0
for line in open(msgs):
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") != "compiler-artifact":
        continue
    pid = m["package_id"]
    # old form "libc 0.2.126 (registry+...)", new "registry+...#libc@0.2.183"
    # or "path+file:///.../core#0.0.0"
    name = m["target"]["name"]
    if name.replace("-", "_") == "emcompat_std_dummy":
        continue
    old = re.match(r"\S+ (\S+) \(", pid)
    new = re.search(r"#(?:[^@#]+@)?([^@#]+)$", pid)
    ver = old.group(1) if old else (new.group(1) if new else "?")
    for f in m.get("filenames", []):
        # build-script deps (cc, autocfg) are host rlibs: keep only the target's
        if f.endswith(".rlib") and "/wasm32-unknown-emscripten/" in f:
            shutil.copy2(f, libdir)
            versions[name.replace("-", "_")] = ver
            n += 1
json.dump(versions, open(vfile, "w"), indent=1, sort_keys=True)
sys.exit(0 if n else 1)
EOF
  record "$step" 1 "$(since "$t0")" "$log" "$shown"
}

# ---- plain rustc core + alloc ------------------------------------------------------------
edition_of() { sed -n '/^edition *= *"/{s/^edition *= *"\([0-9]*\)".*/\1/p;q}' "$1/Cargo.toml"; }
rustc_core() {
  local step=rustc-core log=$OUT/logs/rustc-core.log t0
  t0=$(now)
  reset_sysroot
  local common=(--target $TARGET "${RUSTFLAGS_LIST[@]}" -O -C debug-assertions=off
    -Z force-unstable-if-unmarked --sysroot "$OUT/sysroot" --out-dir "$LIBDIR" -C metadata=emcompat)
  mkdir -p "$OUT/work/cb"
  # rustc wants exactly one crate marked #![compiler_builtins] in a no_std link;
  # a stub suffices for probes that do not need its intrinsics (128-bit division,
  # soft float), and needs nothing from crates.io.
  cat >"$OUT/work/cb/lib.rs" <<'EOF'
#![feature(compiler_builtins)]
#![compiler_builtins]
#![no_builtins]
#![no_std]
EOF
  local shown="RUSTC_BOOTSTRAP=1 rustc --crate-type rlib --crate-name {core,compiler_builtins,alloc} ${common[*]}"
  {
    RUSTC_BOOTSTRAP=1 "$RUSTC_BIN" --crate-name core --crate-type rlib --edition "$(edition_of "$RUST_SRC/core")" \
      "$RUST_SRC/core/src/lib.rs" "${common[@]}" &&
    RUSTC_BOOTSTRAP=1 "$RUSTC_BIN" --crate-name compiler_builtins --crate-type rlib --edition 2018 \
      "$OUT/work/cb/lib.rs" "${common[@]}" &&
    RUSTC_BOOTSTRAP=1 "$RUSTC_BIN" --crate-name alloc --crate-type rlib --edition "$(edition_of "$RUST_SRC/alloc")" \
      "$RUST_SRC/alloc/src/lib.rs" "${common[@]}"
  } >"$log" 2>&1 || { record $step 0 "$(since "$t0")" "$log" "$shown"; return 1; }
  echo '{"core":"src","alloc":"src","compiler_builtins":"stub"}' >"$VERSIONS_FILE"
  record $step 1 "$(since "$t0")" "$log" "$shown"
}

# ---- run the attempts ------------------------------------------------------------------
if [ ! -f "$RUST_SRC/core/src/lib.rs" ]; then
  HOW="no rust-src at $RUST_SRC (for a rustup toolchain: rustup component add rust-src --toolchain <tc>); only #![no_core] probes are possible"
  STEP=rust-src OK=0 SECS=0 "$PY" -c 'import json; print(json.dumps({"step":"rust-src","ok":False,"seconds":0,"command":None,"log":None,"error":"missing: '"$RUST_SRC"'"}))' >>"$ATTEMPTS_FILE"
else
  PREP_OK=1
  if ! skipped cargo-std || ! skipped cargo-core; then
    t0=$(now)
    if prepare_src; then
      [[ $SRC_ROOT_OVERRIDE == "$OUT/work/src"* ]] && record prepare-src 1 "$(since "$t0")" "$OUT/logs/lockfile.log" "$SRC_NOTE"
    else
      PREP_OK=0
      record prepare-src 0 "$(since "$t0")" "$OUT/logs/lockfile.log" "cargo generate-lockfile in a copy of $RUST_SRC"
    fi
  fi
  if [ $TIER = none ] && [ $PREP_OK = 1 ] && ! skipped cargo-std && cargo_build cargo-std std,panic_unwind; then
    if verify std; then
      TIER=std HOW="$CARGO_V -Zbuild-std=std,panic_unwind --release on an empty crate, panic_abort with -C panic=abort (as the Rust distribution builds it); $SRC_NOTE"
      # A std that only unwinding crates can use is still the best there is.
      verify std-abort ||
        record verify-std-abort 0 0 "$OUT/logs/verify-std-abort.log" "rustc --sysroot ... -C panic=abort std_probe.rs"
    else
      record verify-std 0 0 "$OUT/logs/verify-std.log" "rustc --sysroot ... std_probe.rs"
    fi
  fi
  if [ $TIER = none ] && [ $PREP_OK = 1 ] && ! skipped cargo-core && cargo_build cargo-core core,alloc; then
    if verify core; then
      TIER=core HOW="$CARGO_V -Zbuild-std=core,alloc --release on an empty crate; $SRC_NOTE"
    else
      record verify-core 0 0 "$OUT/logs/verify-core.log" "rustc --sysroot ... core_probe.rs"
    fi
  fi
  if [ $TIER = none ] && ! skipped rustc-core && rustc_core; then
    if verify core; then
      TIER=core HOW="plain rustc: core and alloc from $RUST_SRC plus a stub #![compiler_builtins] crate (no intrinsics: probes needing e.g. 128-bit division or soft-float helpers will not link)"
    else
      record verify-core 0 0 "$OUT/logs/verify-core.log" "rustc --sysroot ... core_probe.rs"
    fi
  fi
  if [ $TIER = none ]; then
    reset_sysroot
    HOW="every attempt failed (see attempts); only #![no_core] probes are possible"
  fi
fi
[ -d "$LIBDIR" ] || mkdir -p "$LIBDIR"
HOW="$HOW; RUSTFLAGS='$RUSTFLAGS'; emcc $EMCC_V first in PATH"

# ---- std.json --------------------------------------------------------------------------
TIER=$TIER HOW=$HOW EH=$EH EH_DEFAULT=$EH_DEFAULT INPUTS=$INPUTS NEED_BOOTSTRAP=$NEED_BOOTSTRAP \
RELEASE=$RELEASE RUSTC_BIN=$RUSTC_BIN RUST_SPEC=$RUST_SPEC EM_VERSION=$EM_VERSION EMCC_V=$EMCC_V \
LIBDIR=$LIBDIR OUTD=$OUT SECS=$(since "$T_START") RF="${RUSTFLAGS_LIST[*]}" \
ATT=$ATTEMPTS_FILE VERS=$VERSIONS_FILE "$PY" - <<'EOF'
import json, os, glob, re, time, tempfile
e = os.environ
rlibs = sorted(glob.glob(os.path.join(e["LIBDIR"], "*.rlib")))
crates = sorted({re.sub(r"^lib|-[0-9a-f]+$", "", os.path.basename(p)[:-5]) for p in rlibs})
vers = json.load(open(e["VERS"])) if e["TIER"] != "none" else {}
doc = {
    "tier": e["TIER"],
    "crates": crates if e["TIER"] != "none" else [],
    "how": e["HOW"],
    "target": "wasm32-unknown-emscripten",
    "sysroot": os.path.join(e["OUTD"], "sysroot"),
    "rustflags": e["RF"].split(),
    "env": {"RUSTC_BOOTSTRAP": "1"} if e["NEED_BOOTSTRAP"] == "1" else {},
    "eh": e["EH"], "eh_default": e["EH_DEFAULT"],
    "crate_versions": {k: v for k, v in vers.items() if k in crates},
    "rust": e["RELEASE"], "rustc": e["RUSTC_BIN"], "rust_manifest": e["RUST_SPEC"],
    "emscripten": e["EM_VERSION"], "emcc_dumpversion": e["EMCC_V"],
    "attempts": [json.loads(l) for l in open(e["ATT"]) if l.strip()],
    "seconds": round(float(e["SECS"]), 1),
    "inputs": e["INPUTS"],
    "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
}
out = os.path.join(e["OUTD"], "std.json")
fd, tmp = tempfile.mkstemp(dir=e["OUTD"], prefix=".std.", suffix=".tmp")
with os.fdopen(fd, "w") as fh:
    json.dump(doc, fh, indent=2)
    fh.write("\n")
os.chmod(tmp, 0o644)
os.replace(tmp, out)
# rustc-args: the same flags as an @argfile (one per line), so that a probe
# compile planned before this sysroot existed can use them: `rustc @OUT/rustc-args`.
# A core-only sysroot also selects the probes' #![no_std] variant.
args = doc["rustflags"] + (["--cfg", "emcompat_core", "-Cpanic=abort"] if doc["tier"] == "core" else [])
fd, tmp = tempfile.mkstemp(dir=e["OUTD"], prefix=".args.", suffix=".tmp")
with os.fdopen(fd, "w") as fh:
    fh.write("".join(a + "\n" for a in args))
os.chmod(tmp, 0o644)
os.replace(tmp, os.path.join(e["OUTD"], "rustc-args"))
EOF

echo "build-std.sh: tier $TIER ($RELEASE, emcc $EMCC_V, eh $EH) -> $OUT/std.json" >&2
if [ $TIER = none ]; then
  echo "build-std.sh: no standard library: $HOW (logs: $OUT/logs)" >&2
  exit 3
fi
exit 0
