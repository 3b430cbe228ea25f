#!/usr/bin/env bash
# emcompat fetch's npm backend for real (labelled net: it reaches
# registry.npmjs.org): Pyodide 0.23.4 into a throwaway store, its
# dist.integrity verified, then started in the Node of the shared cache.
source "$(dirname "$0")/lib.sh"

shared=${HOME}/.cache/emcompat
node=$(python3 - "$shared" <<'PY'
import glob, json, sys
best = None
for f in glob.glob(sys.argv[1] + "/node/*/toolchain.json"):
    m = json.load(open(f))
    if best is None or int(m["version"]) > int(best["version"]):
        best = m
print(best["node"] if best else "")
PY
)
[[ -x $node ]] || node=$(command -v node)
export EMCOMPAT_CACHE=$tmp/cache EMCOMPAT_NODE=$node

"$bin" fetch -q pyodide 0.23.4 >"$tmp/out" 2>&1 || fail "fetch pyodide 0.23.4: $(cat "$tmp/out")"
m=$EMCOMPAT_CACHE/pyodide/0.23.4/toolchain.json
python3 - "$m" <<'PY' || fail "manifest: $(cat "$m")"
import json, sys
m = json.load(open(sys.argv[1]))
assert m["identity"] == "pyodide 0.23.4 (python 3.11.2, emscripten 3.1.32)", m["identity"]
assert m["integrity"].startswith("sha512-") and len(m["sha256"]) == 64
assert m["url"] == "https://registry.npmjs.org/pyodide/-/pyodide-0.23.4.tgz"
assert m["emscripten"] == "3.1.32" and m["index_url"].endswith("/node_modules/pyodide/")
PY
"$bin" toolchains | grep 'pyodide    0.23.4 .*built with Emscripten 3.1.32' >/dev/null \
	|| fail "toolchains: $("$bin" toolchains)"
# Start it once more, apart from fetch, and run Python in it.
out=$(cd "$tmp" && "$node" -e '
const { loadPyodide } = require(process.argv[1] + "pyodide.js");
loadPyodide({ indexURL: process.argv[1], stdout: () => {} })
  .then((py) => { console.log(py.runPython("6 * 7")); process.exit(0); });' \
	"$EMCOMPAT_CACHE/pyodide/0.23.4/node_modules/pyodide/" 2>&1)
expect_eq "pyodide runs Python" "$out" 42
finish
