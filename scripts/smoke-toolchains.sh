#!/usr/bin/env bash
# smoke-toolchains.sh: check that the toolchains set up by setup-toolchains.sh
# really work, using only what their manifests say.
#
# Usage: scripts/smoke-toolchains.sh [SELECTOR...]   (KIND or KIND/VERSION; default all)
# Environment: EMCOMPAT_CACHE (as for setup-toolchains.sh), KEEP=1 keeps the work dir.
#
# Per Emscripten: `emcc --version`; a C side module links (-sSIDE_MODULE=2, and
# -sWASM_BIGINT where the npm binaryen lacks wasm-emscripten-finalize); a main
# module (-sMAIN_MODULE=2 -sNODERAWFS=1) links, then dlopen()s every version's
# side module and calls add(2,3) in node (3.1.6 output needs
# --no-experimental-fetch on node >= 18). Per Rust: `rustc -vV`. Per node:
# `node --version`. Per Pyodide: an offline start (no network namespace
# needed: nothing is fetched) that evaluates 1+1.
# Prints one line per check and closes with "N passed, N failed".
set -uo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
MANIFEST=(/usr/bin/python3 "$SCRIPT_DIR/lib/manifest.py")
SELECTORS=("$@")
PASSED=0 FAILED=0
WORK=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then echo "work dir: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

want() {
  ((${#SELECTORS[@]} == 0)) && return 0
  local s
  for s in "${SELECTORS[@]}"; do [[ $s == "$1" || $s == "$1/$2" ]] && return 0; done
  return 1
}
get() { "${MANIFEST[@]}" get "$1" "$2"; }

# check NAME CMD...: run, time, record; on failure show the most telling line.
check() {
  local name=$1 log t0 t1 rc
  shift
  log=$WORK/$(tr -c 'A-Za-z0-9._-' '_' <<<"$name").log
  t0=$(date +%s.%N)
  "$@" >"$log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  if ((rc == 0)); then
    PASSED=$((PASSED + 1))
    printf 'PASS %-48s %6.2fs\n' "$name" "$(echo "$t1 - $t0" | bc)"
  else
    FAILED=$((FAILED + 1))
    printf 'FAIL %-48s %6.2fs  rc=%d\n' "$name" "$(echo "$t1 - $t0" | bc)" "$rc"
    { grep -m3 -iE 'error|exception|failed' "$log" || tail -3 "$log"; } | sed 's/^/     | /'
  fi
  return "$rc"
}

manifests() { find "$CACHE/$1" -mindepth 2 -maxdepth 2 -name toolchain.json 2>/dev/null | sort -V; }

cat >"$WORK/side.c" <<'EOF'
int add(int a, int b) { return a + b; }
EOF
cat >"$WORK/main.c" <<'EOF'
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
  if (argc < 2) return 64;
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) { printf("dlopen failed: %s\n", dlerror()); return 1; }
  int (*add)(int, int) = (int (*)(int, int))dlsym(h, "add");
  if (!add) { printf("dlsym failed: %s\n", dlerror()); return 1; }
  printf("add(2,3)=%d\n", add(2, 3));
  return add(2, 3) == 5 ? 0 : 2;
}
EOF

# ---- emscripten: link everything first, then cross-load.
EMS=()
while read -r m; do
  [[ -n $m ]] || continue
  v=$(get "$m" version)
  want emscripten "$v" || continue
  EMS+=("$v")
  emcc=$(get "$m" bin)/emcc
  flags=()
  [[ $v == 3.1.6 ]] || flags+=(-sWASM_BIGINT)
  check "emscripten/$v emcc --version" "$emcc" --version
  check "emscripten/$v side module link" \
    "$emcc" -O2 -sSIDE_MODULE=2 "${flags[@]}" -sEXPORTED_FUNCTIONS=_add \
    "$WORK/side.c" -o "$WORK/side-$v.wasm"
  # The first main-module link of a version may build its PIC system libraries.
  check "emscripten/$v main module link" \
    "$emcc" -sMAIN_MODULE=2 -sNODERAWFS=1 "${flags[@]}" \
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free "$WORK/main.c" -o "$WORK/main-$v.js"
done < <(manifests emscripten)

node_flags() { [[ $1 == 3.1.6 ]] && echo --no-experimental-fetch; }
for mv in "${EMS[@]}"; do
  [[ -f $WORK/main-$mv.js ]] || continue
  for sv in "${EMS[@]}"; do
    [[ -f $WORK/side-$sv.wasm ]] || continue
    # shellcheck disable=SC2046  # node_flags prints zero or one word
    check "emscripten main $mv loads side $sv" \
      /usr/bin/node $(node_flags "$mv") "$WORK/main-$mv.js" "$WORK/side-$sv.wasm"
  done
done

# ---- rust
while read -r m; do
  [[ -n $m ]] || continue
  v=$(get "$m" version)
  want rust "$v" || continue
  mapfile -t envs < <(get "$m" env)
  check "rust/$v rustc -vV" env "${envs[@]}" "$(get "$m" rustc)" -vV
  check "rust/$v cargo --version" env "${envs[@]}" "$(get "$m" cargo)" --version
done < <(manifests rust)

# ---- node
while read -r m; do
  [[ -n $m ]] || continue
  v=$(get "$m" version)
  want node "$v" || continue
  check "node/$v --version" "$(get "$m" node)" --version
done < <(manifests node)

# ---- pyodide
while read -r m; do
  [[ -n $m ]] || continue
  v=$(get "$m" version)
  want pyodide "$v" || continue
  check "pyodide/$v start + 1+1" /usr/bin/node -e '
    const dir = process.argv[1];
    require(dir + "pyodide.js").loadPyodide({ indexURL: dir, stdout: () => {} })
      .then((py) => { const r = py.runPython("1+1"); console.log("1+1 =", r); process.exit(r === 2 ? 0 : 1); })
      .catch((e) => { console.error(String(e)); process.exit(1); });' "$(get "$m" index_url)"
done < <(manifests pyodide)

echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
