#!/usr/bin/env bash
# manual-pipeline.sh: the whole emcompat pipeline for ONE cell on the real
# toolchains, by hand: std -> compile -> link -> main -> load -> run. It prints
# every command as an argv (shell-quoted) with the environment it adds, runs it
# in its node directory, and times it. It is the reference the C `stages`
# module follows (it produces the same argv arrays; nothing here needs a shell
# except printing and the rlib copy, which the C side does natively).
#
# Usage: tests/e2e/manual-pipeline.sh [OPTIONS] RUST EMSCRIPTEN LOADER PROBE
#   RUST        a rust toolchain version with a manifest (1.63, 1.85, 1.96)
#   EMSCRIPTEN  an emscripten version with a manifest (3.1.6, 3.1.69, 6.0.5)
#   LOADER      emcc-main | pyodide-<version> (e.g. pyodide-0.26.4)
#   PROBE       a directory under matrix/probes (add, i64, fnptr, data, u128, panic, time)
# Options:
#   --link-mode emcc|rustc  emcc: rustc makes a staticlib, emcc links it (default);
#                           rustc: rustc links a cdylib, driving emcc itself
#   --std std|core          the sysroot: std (cargo -Zbuild-std; Rust 1.96 only) or
#                           core (core + stub compiler_builtins + alloc, plain rustc).
#                           Default: std when the probe needs it or the Rust is 1.96.
#   --eh wasm|js            exception-handling ABI of std and the probe (default: the
#                           Rust's own: wasm for >= 1.95, js before). Ignored for core.
#   --rustc-link-arg ARG    (link-mode rustc) add -C link-arg=ARG, repeatable; e.g.
#                           -sSIDE_MODULE=2, which rustc < 1.9x does not pass itself
#   --opt O0|O2             rustc -C opt-level and emcc -O of the side module (default O2)
#   --bigint on|off         -sWASM_BIGINT on the side-module link and the main (default on)
#   --main-emscripten V     the Emscripten that builds the emcc-main host (default EMSCRIPTEN)
#   --main-eh none|wasm|js  exception support of the emcc-main host (default none: a C host)
#   --main-opt O0|O2        (default O2; 6.0.5 -O2 needs --main-no-stack-first)
#   --main-no-stack-first   add -Wl,--no-stack-first to the main link (LLVM 22 wasm-ld)
#   --via MODE              harness load path (emcc-main: js|dlopen; pyodide: ctypes|js)
#   --node MAJOR            node toolchain (default 20)
#   --work DIR              node dirs live here (default /tmp/emcompat-manual); a node
#                           whose output exists is reused (delete it to redo it)
#   --stop-after STAGE      std|compile|link|main|load
#   --deadline SECS         kill a command after SECS (default 900; exit 124 = timeout)
#   --dry-run               print the commands, run nothing
# Environment: EMCOMPAT_CACHE (default ~/.cache/emcompat).
# Exit: 0 when every stage passed, else the failing command's exit status
# (the harness: 1 check failed, 3 load failed, 4 host failed), after a line
# "FAILED at STAGE".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CACHE=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
MANIFEST_PY=(/usr/bin/python3 "$REPO/scripts/lib/manifest.py")
TARGET=wasm32-unknown-emscripten

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "manual-pipeline: $*" >&2; exit 2; }

LINK_MODE=emcc STD_KIND='' EH='' OPT=O2 BIGINT=on MAIN_EM='' MAIN_EH=none MAIN_OPT=O2
MAIN_NSF=0 VIA='' NODE_V=20 DEADLINE=900
RUSTC_LINK_ARGS=() WORK=/tmp/emcompat-manual STOP_AFTER='' DRY=0
ARGS=()
while (($#)); do
  case $1 in
  --link-mode) LINK_MODE=$2; shift 2 ;;
  --std) STD_KIND=$2; shift 2 ;;
  --eh) EH=$2; shift 2 ;;
  --opt) OPT=$2; shift 2 ;;
  --bigint) BIGINT=$2; shift 2 ;;
  --rustc-link-arg) RUSTC_LINK_ARGS+=("$2"); shift 2 ;;
  --main-emscripten) MAIN_EM=$2; shift 2 ;;
  --main-eh) MAIN_EH=$2; shift 2 ;;
  --main-opt) MAIN_OPT=$2; shift 2 ;;
  --main-no-stack-first) MAIN_NSF=1; shift ;;
  --via) VIA=$2; shift 2 ;;
  --node) NODE_V=$2; shift 2 ;;
  --work) WORK=$2; shift 2 ;;
  --stop-after) STOP_AFTER=$2; shift 2 ;;
  --deadline) DEADLINE=$2; shift 2 ;;
  --dry-run) DRY=1; shift ;;
  -h | --help) usage 0 ;;
  -*) die "unknown option $1" ;;
  *) ARGS+=("$1"); shift ;;
  esac
done
((${#ARGS[@]} == 4)) || usage
RUST=${ARGS[0]} EM=${ARGS[1]} LOADER=${ARGS[2]} PROBE=${ARGS[3]}
MAIN_EM=${MAIN_EM:-$EM}
PROBE_DIR=$REPO/matrix/probes/$PROBE
[[ -f $PROBE_DIR/probe.json && -f $PROBE_DIR/lib.rs ]] || die "no probe $PROBE_DIR"
case $OPT in O0 | O2) ;; *) die "--opt O0|O2" ;; esac
case $MAIN_OPT in O0 | O2) ;; *) die "--main-opt O0|O2" ;; esac
case $LINK_MODE in emcc | rustc) ;; *) die "--link-mode emcc|rustc" ;; esac

# ---- manifests -----------------------------------------------------------------
manifest() { echo "$CACHE/$1/$2/toolchain.json"; }
mget() { "${MANIFEST_PY[@]}" get "$(manifest "$1" "$2")" "$3"; }
for m in "rust/$RUST" "emscripten/$EM" "emscripten/$MAIN_EM" "node/$NODE_V"; do
  [[ -f $CACHE/$m/toolchain.json ]] || die "no toolchain $m (scripts/setup-toolchains.sh $m)"
done
RUSTC=$(mget rust "$RUST" rustc)
CARGO=$(mget rust "$RUST" cargo)
RUST_SRC=$(mget rust "$RUST" rust_src)
RELEASE=$(mget rust "$RUST" release)
mapfile -t RUST_ENV < <(mget rust "$RUST" env | grep -v '^RUSTDOC=')
mapfile -t EMCC < <(mget emscripten "$EM" emcc)          # argv: python3 emcc.py
mapfile -t EM_ENV < <(mget emscripten "$EM" env)
EM_BIN=$(mget emscripten "$EM" bin)                      # wrappers with the env baked in
mapfile -t MEMCC < <(mget emscripten "$MAIN_EM" emcc)
mapfile -t MEM_ENV < <(mget emscripten "$MAIN_EM" env)
NODE=$(mget node "$NODE_V" node)
if [[ $LOADER == pyodide-* ]]; then
  PYV=${LOADER#pyodide-}
  [[ -f $(manifest pyodide "$PYV") ]] || die "no toolchain pyodide/$PYV"
  INDEX_URL=$(mget pyodide "$PYV" index_url)
elif [[ $LOADER != emcc-main ]]; then
  die "LOADER: emcc-main or pyodide-<version>"
fi

minor=${RELEASE#1.}; minor=${minor%%.*}
NEEDS=$(jq -r .needs "$PROBE_DIR/probe.json")
mapfile -t EXPORTS < <(jq -r '.exports[]' "$PROBE_DIR/probe.json")
[[ -n $STD_KIND ]] || { if [[ $NEEDS == std || $minor -ge 96 ]]; then STD_KIND=std; else STD_KIND=core; fi; }
[[ -n $EH ]] || { if ((minor >= 95)); then EH=wasm; else EH=js; fi; }
[[ $STD_KIND == core ]] && EH=none
if [[ $NEEDS == std && $STD_KIND == core ]]; then
  echo "SKIP: probe $PROBE needs std; rust $RUST has only a core sysroot" >&2
  exit 77
fi
OPTLEVEL=${OPT#O}

# ---- running ---------------------------------------------------------------------
STAGE=
declare -A TIMES=()
show() { # ENV... -- ARGV...
  local e=() a=()
  while [[ $1 != -- ]]; do e+=("$1"); shift; done
  shift
  a=("$@")
  printf '  $'
  ((${#e[@]})) && printf ' %q' env "${e[@]}"
  printf ' %q' "${a[@]}"
  printf '\n'
}
# run NODEDIR LOGNAME ENV... -- ARGV...: runs in NODEDIR, logs to NODEDIR/LOGNAME.{stdout,stderr}
run() {
  local dir=$1 log=$2
  shift 2
  show "$@"
  ((DRY)) && return 0
  local e=()
  while [[ $1 != -- ]]; do e+=("$1"); shift; done
  shift
  mkdir -p "$dir"
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  # The deadline is this script's stand-in for the runner's (not part of the argv).
  (cd "$dir" && timeout -k 5 "$DEADLINE" env ${e[@]+"${e[@]}"} "$@" >"$dir/$log.stdout" 2>"$dir/$log.stderr") || rc=$?
  ((rc == 124)) && echo "    TIMEOUT after ${DEADLINE}s" 
  t1=$(date +%s.%N)
  local dt
  dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  TIMES[$STAGE]=$(awk -v a="${TIMES[$STAGE]:-0}" -v b="$dt" 'BEGIN { printf "%.2f", a + b }')
  echo "    -> exit $rc in ${dt}s (logs: $dir/$log.{stdout,stderr})"
  if ((rc != 0)); then
    echo "    stderr (last 15 lines):"
    { grep -v 'warning: LLVM version\|not yet stable\|unexpected binaryen' "$dir/$log.stderr" || true; } |
      tail -15 | sed 's/^/      | /'
    if [[ -s $dir/$log.stdout && $log == harness* ]]; then sed 's/^/      > /' "$dir/$log.stdout"; fi
    echo "FAILED at $STAGE"
    summary
    exit "$rc"
  fi
}
stage() {
  STAGE=$1
  echo "== $1: ${2:-}"
}
summary() {
  local s
  printf 'times:'
  for s in std compile link main load run; do [[ -n ${TIMES[$s]:-} ]] && printf ' %s=%ss' "$s" "${TIMES[$s]}"; done
  printf '\n'
}
done_if() { [[ $STOP_AFTER == "$1" ]] && { summary; exit 0; }; return 0; }

echo "cell: rust=$RUST emscripten=$EM loader=$LOADER probe=$PROBE link_mode=$LINK_MODE std=$STD_KIND eh=$EH opt=$OPT bigint=$BIGINT main=$MAIN_EM/$MAIN_EH/$MAIN_OPT node=$NODE_V"

# ---- std ---------------------------------------------------------------------------
# std kind depends on the Emscripten: libc's build script runs `emcc -dumpversion`
# (emscripten_old_stat_abi below 3.1.42). core kind does not.
if [[ $STD_KIND == std ]]; then
  STD_OUT=$WORK/std/rust$RUST-std-eh$EH-em$EM
else
  STD_OUT=$WORK/std/rust$RUST-core
fi
SYSROOT=$STD_OUT/sysroot
SYSLIB=$SYSROOT/lib/rustlib/$TARGET/lib
# -Zemscripten-wasm-eh exists only in newer rustc (1.96 has it, Debian's 1.85
# and 1.63 do not): ask the compiler. Without it, std uses JS EH.
EH_FLAGS=()
HAS_EH_FLAG=0
ZHELP=$(env "${RUST_ENV[@]}" RUSTC_BOOTSTRAP=1 "$RUSTC" -Z help 2>/dev/null || true)
[[ $ZHELP == *emscripten-wasm-eh* ]] && HAS_EH_FLAG=1
if ((HAS_EH_FLAG)); then
  [[ $EH == js ]] && EH_FLAGS=(-Zemscripten-wasm-eh=false)
  [[ $EH == wasm && $minor -lt 95 ]] && EH_FLAGS=(-Zemscripten-wasm-eh)
elif [[ $EH == wasm ]]; then
  die "rust $RUST has no -Zemscripten-wasm-eh: only --eh js"
fi
stage std "$STD_OUT"
if [[ -f $STD_OUT/.done ]]; then
  echo "  (reused: $STD_OUT/.done exists)"
elif [[ $STD_KIND == std ]]; then
  ((DRY)) || {
    mkdir -p "$STD_OUT/build/src" "$SYSLIB"
    printf '[package]\nname = "emcompat_sysroot"\nversion = "0.0.0"\nedition = "2021"\n\n[lib]\npath = "src/lib.rs"\n\n[profile.release]\npanic = "unwind"\n' >"$STD_OUT/build/Cargo.toml"
    printf '// Empty: built only so that cargo -Zbuild-std builds std for the target.\n' >"$STD_OUT/build/src/lib.rs"
  }
  echo "  (wrote $STD_OUT/build/Cargo.toml: package emcompat_sysroot, [profile.release] panic = \"unwind\"; src/lib.rs empty)"
  run "$STD_OUT" cargo "${RUST_ENV[@]}" "PATH=$EM_BIN:$PATH" RUSTC_BOOTSTRAP=1 \
    "RUSTFLAGS=-C relocation-model=pic${EH_FLAGS:+ ${EH_FLAGS[*]}}" \
    "CARGO_HOME=$STD_OUT/cargo-home" "CARGO_TARGET_DIR=$STD_OUT/target" -- \
    "$CARGO" build -Zbuild-std=std,panic_unwind --target "$TARGET" --release \
    --manifest-path "$STD_OUT/build/Cargo.toml"
  # The runner copies these natively; here cp with the glob expanded.
  if ((DRY)); then
    echo "  \$ cp $STD_OUT/target/$TARGET/release/deps/*.rlib (but libemcompat_sysroot-*) $SYSLIB/"
  else
    rlibs=()
    for f in "$STD_OUT/target/$TARGET/release/deps/"*.rlib; do
      [[ $(basename "$f") == libemcompat_sysroot-* ]] || rlibs+=("$f")
    done
    run "$STD_OUT" copy -- cp "${rlibs[@]}" "$SYSLIB/"
    touch "$STD_OUT/.done"
  fi
else
  ((DRY)) || mkdir -p "$SYSLIB"
  edition() { sed -n '/^edition *= *"/{s/^edition *= *"\([0-9]*\)".*/\1/p;q;}' "$RUST_SRC/$1/Cargo.toml"; }
  CORE_FLAGS=(--target "$TARGET" -C relocation-model=pic -C opt-level=2 -C embed-bitcode=no
    -Z force-unstable-if-unmarked --out-dir "$SYSLIB")
  run "$STD_OUT" core "${RUST_ENV[@]}" RUSTC_BOOTSTRAP=1 -- "$RUSTC" --edition "$(edition core)" \
    --crate-type rlib --crate-name core "${CORE_FLAGS[@]}" "$RUST_SRC/core/src/lib.rs"
  run "$STD_OUT" compiler_builtins "${RUST_ENV[@]}" RUSTC_BOOTSTRAP=1 -- "$RUSTC" --edition 2021 \
    --crate-type rlib --crate-name compiler_builtins --sysroot "$SYSROOT" "${CORE_FLAGS[@]}" \
    "$REPO/matrix/probes/_sysroot/compiler_builtins_stub.rs"
  run "$STD_OUT" alloc "${RUST_ENV[@]}" RUSTC_BOOTSTRAP=1 -- "$RUSTC" --edition "$(edition alloc)" \
    --crate-type rlib --crate-name alloc --sysroot "$SYSROOT" "${CORE_FLAGS[@]}" \
    "$RUST_SRC/alloc/src/lib.rs"
  ((DRY)) || touch "$STD_OUT/.done"
fi
done_if std

# ---- compile + link --------------------------------------------------------------------
PROBE_FLAGS=(--edition 2021 --target "$TARGET" --sysroot "$SYSROOT" -C relocation-model=pic
  -C "opt-level=$OPTLEVEL")
[[ $STD_KIND == core ]] && PROBE_FLAGS+=(--cfg emcompat_core -C panic=abort)
PROBE_ENV=("${RUST_ENV[@]}")
if ((${#EH_FLAGS[@]})); then
  # RUSTC_BOOTSTRAP for the -Z flag, but no nightly feature for the crate
  PROBE_FLAGS+=("${EH_FLAGS[@]}" -Zallow-features=)
  PROBE_ENV+=(RUSTC_BOOTSTRAP=1)
fi
EXPORTED=$(printf '_%s,' "${EXPORTS[@]}"); EXPORTED=${EXPORTED%,}
BIGINT_FLAG=()
[[ $BIGINT == on ]] && BIGINT_FLAG=(-sWASM_BIGINT)
CELLKEY=$(basename "$STD_OUT")-$OPT-$PROBE
if [[ $LINK_MODE == emcc ]]; then
  COMPILE_OUT=$WORK/compile/$CELLKEY
  stage compile "$COMPILE_OUT"
  run "$COMPILE_OUT" rustc "${PROBE_ENV[@]}" -- "$RUSTC" "${PROBE_FLAGS[@]}" --crate-type staticlib \
    --crate-name probe "$PROBE_DIR/lib.rs" -o "$COMPILE_OUT/libprobe.a"
  done_if compile
  LINK_OUT=$WORK/link/$CELLKEY-em$EM-emcc-bigint$BIGINT
  stage link "$LINK_OUT"
  run "$LINK_OUT" emcc "${EM_ENV[@]}" -- "${EMCC[@]}" -sSIDE_MODULE=2 "-sEXPORTED_FUNCTIONS=$EXPORTED" \
    ${BIGINT_FLAG[@]+"${BIGINT_FLAG[@]}"} "-$OPT" "$COMPILE_OUT/libprobe.a" -o "$LINK_OUT/probe.wasm"
else
  # rustc drives emcc: it passes -sSIDE_MODULE=2, -sEXPORTED_FUNCTIONS from the
  # #[no_mangle] items, the rlibs, -O<n>, and the target spec's post-link args.
  # Debian's 1.85/1.96 need -C link-self-contained=no (else "the self-contained
  # linker was requested, but it wasn't found"); -C linker must be one
  # executable, so it is the manifest's bin/emcc wrapper (env baked in).
  LINK_FLAGS=(-C "linker=$EM_BIN/emcc")
  ((minor >= 85)) && LINK_FLAGS+=(-C link-self-contained=no)
  [[ $BIGINT == on ]] && LINK_FLAGS+=(-C link-arg=-sWASM_BIGINT)
  for a in ${RUSTC_LINK_ARGS[@]+"${RUSTC_LINK_ARGS[@]}"}; do LINK_FLAGS+=(-C "link-arg=$a"); done
  RL_SUFFIX=$(printf '%s' "${RUSTC_LINK_ARGS[@]+"${RUSTC_LINK_ARGS[@]}"}" | tr -c 'A-Za-z0-9' '_')
  LINK_OUT=$WORK/link/$CELLKEY-em$EM-rustc$RL_SUFFIX
  stage compile "(link_mode=rustc: compile and link are one rustc command, below)"
  done_if compile
  stage link "$LINK_OUT"
  run "$LINK_OUT" rustc "${PROBE_ENV[@]}" -- "$RUSTC" "${PROBE_FLAGS[@]}" --crate-type cdylib \
    --crate-name probe "${LINK_FLAGS[@]}" "$PROBE_DIR/lib.rs" -o "$LINK_OUT/probe.wasm"
fi
done_if link

# ---- main (emcc-main only) ----------------------------------------------------------------
NODE_FLAGS=()
if [[ $LOADER == emcc-main ]]; then
  NSF_SUFFIX=
  ((MAIN_NSF)) && NSF_SUFFIX=-nsf
  MAIN_OUT=$WORK/main/em$MAIN_EM-eh$MAIN_EH-bigint$BIGINT-$MAIN_OPT$NSF_SUFFIX
  stage main "$MAIN_OUT"
  HOST_EXPORTS=$(grep -v '^#' "$REPO/matrix/loaders/host-exports.txt" | grep . | sed 's/^/_/' | paste -sd,)
  MAIN_FLAGS=(-sMAIN_MODULE=2)
  case $MAIN_EH in
  none) ;;
  wasm) MAIN_FLAGS+=(-fwasm-exceptions); HOST_EXPORTS+=",__Unwind_RaiseException,__Unwind_DeleteException" ;;
  js) MAIN_FLAGS=(-sMAIN_MODULE=1 -fexceptions) ;;
  *) die "--main-eh none|wasm|js" ;;
  esac
  MAIN_FLAGS+=(-sNODERAWFS=1 -sMODULARIZE=1 -sEXPORT_NAME=emcompatMain "-sEXPORTED_FUNCTIONS=$HOST_EXPORTS"
    -sEXPORTED_RUNTIME_METHODS=ccall -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0
    --post-js "$REPO/matrix/loaders/post.js")
  [[ $BIGINT == on ]] && MAIN_FLAGS+=(-sWASM_BIGINT)
  MAIN_FLAGS+=("-$MAIN_OPT")
  ((MAIN_NSF)) && MAIN_FLAGS+=('-Wl,--no-stack-first')
  if [[ -f $MAIN_OUT/main.js && -f $MAIN_OUT/.done ]]; then
    echo "  (reused: $MAIN_OUT/main.js)"
  else
    run "$MAIN_OUT" emcc "${MEM_ENV[@]}" -- "${MEMCC[@]}" "$REPO/matrix/loaders/main.c" \
      "$REPO/matrix/loaders/layout.c" "${MAIN_FLAGS[@]}" -o "$MAIN_OUT/main.js"
    ((DRY)) || touch "$MAIN_OUT/.done"
  fi
  # Emscripten 3.1.6's JS fetches main.wasm with Node's global fetch (Node >= 18).
  [[ $MAIN_EM == 3.1.6 ]] && NODE_FLAGS=(--no-experimental-fetch)
  HOST_ARGS=(--loader emcc-main --main "$MAIN_OUT/main.js")
else
  stage main "(loader $LOADER: no main node)"
  HOST_ARGS=(--loader pyodide --index-url "$INDEX_URL")
fi
[[ -n $VIA ]] && HOST_ARGS+=(--via "$VIA")
done_if main

# ---- load + run ----------------------------------------------------------------------------
CELL_OUT=$WORK/cells/$CELLKEY-em$EM-$LINK_MODE-bigint$BIGINT-$LOADER-main$MAIN_EM$MAIN_EH$MAIN_OPT${VIA:+-$VIA}
for phase in load run; do
  stage "$phase" "$CELL_OUT"
  run "$CELL_OUT" "harness-$phase" -- "$NODE" ${NODE_FLAGS[@]+"${NODE_FLAGS[@]}"} \
    "$REPO/matrix/loaders/harness.mjs" --phase "$phase" "${HOST_ARGS[@]}" \
    --side "$LINK_OUT/probe.wasm" --probe "$PROBE_DIR/probe.json"
  ((DRY)) || sed 's/^/    /' "$CELL_OUT/harness-$phase.stdout" | tail -1
  done_if "$phase"
done
((DRY)) || sed 's/^/    /' "$CELL_OUT/harness-run.stdout"
echo "PASSED"
summary
