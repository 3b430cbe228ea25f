#!/usr/bin/env bash
# End to end on real toolchains: rustc 1.63 and 1.96 (build-std), emcc 3.1.6,
# node, Pyodide 0.26.4. Runs tests/e2e/small.json and asserts named cells pass
# and named cells fail at the expected stage, with the expected breakage class
# and error line. Toolchains come from scripts/setup-toolchains.sh (the test
# command installs them); finished nodes come from the cache on later runs.
#
#   run-small.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" run "$here/small.json" -o "$tmp/run" -j 2 --history "$tmp/history.db" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
cat "$tmp/out"
if [[ $rc -ne 1 ]]; then
	echo "FAIL: expected exit 1 (some cells fail), got $rc"
	cat "$tmp/err"
	exit 1
fi

PYTHONPATH=$here python3 - "$tmp/run/results.json" <<'PY'
import json, sys
from cells import expecter

r = json.load(open(sys.argv[1]))
cells = {c["id"]: c for c in r["cells"]}
failures = []

expect = expecter(cells, failures)

base = "emscripten=3.1.6"
# Works: i32 and i64 (BigInt on) across the JS boundary, in both hosts.
for rust in ("1.63", "1.96"):
    for loader in ("emcc-main", "pyodide-0.26.4"):
        expect(f"rust={rust},{base},probe=add,loader={loader}", "pass")
    expect(f"rust={rust},{base},probe=i64,loader=pyodide-0.26.4", "pass")
expect(f"rust=1.96,{base},probe=u128,loader=emcc-main", "pass")
# Rust >= 1.95's std uses wasm exception handling; a 3.1.6 host and Pyodide 0.26 do not.
for loader in ("emcc-main", "pyodide-0.26.4"):
    expect(f"rust=1.96,{base},probe=panic,loader={loader}", "fail", "load", "wasm_eh_tag_missing",
           'function="__cpp_exception" error: tag import requires a WebAssembly.Tag')
# ...and the inspector foresaw it from the binaries alone.
for loader in ("emcc-main", "pyodide-0.26.4"):
    c = cells.get(f"rust=1.96,{base},probe=panic,loader={loader}", {})
    if c.get("prediction") != "predicted" or not any(
            f["class"] == "eh_tag_import_mismatch" for f in c.get("findings", [])):
        failures.append(f"panic/{loader}: inspector prediction {c.get('prediction')!r}, findings {c.get('findings')}")
# i64 through a host built without WASM_BIGINT.
expect(f"rust=1.96,{base},probe=i64,loader=emcc-main,bigint=off", "fail", "run", "bigint_js_boundary",
       "TypeError: Cannot convert a BigInt value to a number")
# Rust 1.63 lays out u128 differently from clang (size 24, offset 8 vs 32, 16).
expect(f"rust=1.63,{base},probe=u128,loader=pyodide-0.26.4", "fail", "run", "u128_layout_mismatch",
       '"expected":32,"actual":24')
# Rust 1.63's std uses JS exception handling: its side modules need the C++ ABI
# symbols that a MAIN_MODULE=2 host does not export.
expect(f"rust=1.63,{base},probe=u128,loader=emcc-main", "fail", "load", "main_module_export_missing",
       "undefined symbol `_ZTVN10__cxxabiv117__class_type_infoE`")
# ...while Pyodide 0.26 (JS EH itself) runs 1.63's panics fine.
expect(f"rust=1.63,{base},probe=panic,loader=pyodide-0.26.4", "pass")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(f"1 passed, 0 failed ({len(cells)} cells checked against real toolchains)")
PY
python3 "$here/benign-logs.py" "$bin" "$tmp/run"

# Again, with every node in the cache: nothing runs, and no warm Pyodide
# runtime starts for nodes that cannot run (their dependency failed).
"$bin" run "$here/small.json" -o "$tmp/again" -j 2 --history "$tmp/history.db" >"$tmp/out2" 2>"$tmp/err2" && rc=0 || rc=$?
if [[ $rc -ne 1 ]] || [[ -s $tmp/again/journal.jsonl ]]; then
	echo "FAIL: a second run should take every node from the cache (exit $rc, $(wc -l <"$tmp/again/journal.jsonl") nodes ran)"
	exit 1
fi
if compgen -G "$tmp/again/logs/warm-*.log" >/dev/null; then
	echo "FAIL: a run with nothing to run started warm runtimes: $(ls "$tmp/again/logs/" | grep warm-)"
	exit 1
fi
echo "second run: every node from the cache, no warm runtime started"

# Both runs are in the history: the second was diffed against the first (nothing
# regressed), and the history tells the real toolchains' identities and nights.
grep -qF "diff: 0 regressed, 0 fixed, 0 changed" "$tmp/out2" || { echo "FAIL: no diff against the history's last run"; cat "$tmp/out2"; exit 1; }
"$bin" history "$tmp/history.db" --json >"$tmp/history.json" && rc=0 || rc=$?
[[ $rc -eq 1 ]] || { echo "FAIL: history should exit 1 (cells fail), got $rc"; exit 1; }
python3 - "$tmp/history.json" "$tmp/history.db" <<'PY'
import json, sqlite3, sys
h = json.load(open(sys.argv[1]))
assert h["recorded_runs"] == 2, h["recorded_runs"]
cells = {c["id"]: c for c in h["cells"]}
c = cells["rust=1.96,emscripten=3.1.6,probe=panic,loader=pyodide-0.26.4"]
assert c["statuses"] == ["fail", "fail"] and c["failing_runs"] == 2 and c["changed"] == [], c
assert c["class"] == "wasm_eh_tag_missing" and c["last_passed"] is None, c
db = sqlite3.connect(sys.argv[2])
ids = dict(((k, v), i) for k, v, i in db.execute("select kind, version, identity from toolchains"))
assert "rustc 1.96" in ids[("rust", "1.96")], ids
assert "3.1.6" in ids[("emscripten", "3.1.6")], ids
print("history: 2 runs recorded, identities of", sorted(ids))
PY
