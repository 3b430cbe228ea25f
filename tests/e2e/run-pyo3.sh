#!/usr/bin/env bash
# End to end on real toolchains: the pyo3 probe (a #[pymodule]) built by
# Rust 1.96's cargo against vendored PyO3 0.22 and 0.30, linked by emcc 3.1.69,
# imported and called from Python in Pyodide 0.26.4 and 314.0.7. Runs
# tests/e2e/pyo3.json and asserts named cells pass, named cells fail at the
# expected stage with the expected class and line, and cells that cannot run
# are `error` with what to do. Needs scripts/setup-toolchains.sh (rust/1.96
# emscripten/3.1.69 pyodide pyo3); finished nodes come from the cache.
#
#   run-pyo3.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" run "$here/pyo3.json" -o "$tmp/run" -j 2 >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
cat "$tmp/out"
if [[ $rc -ne 1 ]]; then
	echo "FAIL: expected exit 1 (some cells fail), got $rc"
	cat "$tmp/err"
	exit 1
fi

PYTHONPATH=$here python3 - "$tmp/run/results.json" <<'PY'
import glob, json, os, re, sys
from cells import expecter

r = json.load(open(sys.argv[1]))
cells = {c["id"]: c for c in r["cells"]}
failures = []

expect = expecter(cells, failures)

base = "rust=1.96,emscripten=3.1.69,probe=pyo3"
# Works: import, calls, a Rust error as ValueError and a panic as PanicException,
# with JS exception handling as Pyodide 0.26 has it.
for v in ("0.22", "0.30"):
    expect(f"{base},pyo3={v},loader=pyodide-0.26.4,eh=js", "pass")
# PyO3 0.22 knows Python up to 3.13; Pyodide 314 is Python 3.14.
expect(f"{base},pyo3=0.22,loader=pyodide-314.0.7,eh=js", "fail", "compile", "pyo3_python_too_new",
       "error: the configured Python interpreter version (3.14) is newer than PyO3's maximum supported version (3.13)")
# Rust 1.96's own EH mode is wasm exceptions; Pyodide 0.26 has JS exceptions only.
expect(f"{base},pyo3=0.22,loader=pyodide-0.26.4,eh=default", "fail", "load", "wasm_eh_tag_missing",
       'function="__cpp_exception" error: tag import requires a WebAssembly.Tag')
# A PyO3 version the cache does not hold: error, saying what to install.
expect(f"{base},pyo3=0.99,loader=pyodide-0.26.4,eh=js", "error", "compile", None,
       "run scripts/setup-toolchains.sh pyo3/0.99")
# A Python extension has no place in the emcc-main host.
expect(f"{base},pyo3=0.22,loader=emcc-main,eh=js", "error", "compile", None,
       "it loads only into a pyodide-* loader")

# The compile nodes on one std node and PyO3 version share a cargo target
# dir in the cache, so cargo builds PyO3 and its dependencies once for them
# (stages.h): the 0.22 cells in Pyodide 0.26.4 and 314.0.7 share one.
def target_dir(cell, v):
    """The cargo target dir cell's compile node built in, from its "$ cargo" line."""
    nodes = {s["stage"]: s for s in cells.get(cell, {}).get("stages", [])}
    if "std" not in nodes or "compile" not in nodes:
        failures.append(f"{cell}: no std and compile stages")
        return None
    log = os.path.join(os.path.dirname(sys.argv[1]), nodes["compile"]["log"].replace(".stderr.", ".stdout."))
    m = re.search(r"--target-dir=(\S+)", open(log, errors="replace").read())
    d = os.path.normpath(m.group(1)) if m else ""
    # Results name a node by a prefix of its directory's plan key.
    if not re.fullmatch(re.escape(nodes["std"]["node"]) + f"[0-9a-f]*-pyo3-{re.escape(v)}", os.path.basename(d)):
        failures.append(f"{cell}: cargo built in {d or 'no --target-dir'}, not its std node's dir for pyo3 {v}")
        return None
    return d

a22 = target_dir(f"{base},pyo3=0.22,loader=pyodide-0.26.4,eh=js", "0.22")
b22 = target_dir(f"{base},pyo3=0.22,loader=pyodide-314.0.7,eh=js", "0.22")
c30 = target_dir(f"{base},pyo3=0.30,loader=pyodide-0.26.4,eh=js", "0.30")
if a22 and b22 and a22 != b22:
    failures.append(f"the two pyo3 0.22 cells on one std node built in two dirs: {a22} {b22}")
if a22 and c30 and a22 == c30:
    failures.append(f"pyo3 0.22 and 0.30 built in one dir: {a22}")
if a22 and not glob.glob(f"{a22}/wasm32-unknown-emscripten/debug/deps/libpyo3-*.rlib"):
    failures.append(f"{a22} holds no build of pyo3")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(f"1 passed, 0 failed ({len(cells)} pyo3 cells checked against real toolchains)")
PY
python3 "$here/benign-logs.py" "$bin" "$tmp/run"
