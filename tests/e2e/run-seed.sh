#!/usr/bin/env bash
# End to end on real toolchains: the seed's time-crate breakages, rebuilt from
# probes with crates.io dependencies (matrix/probes/README.md): chrono 0.4.19
# does not compile for wasm32-unknown-emscripten (crate_target_cfg_overlap) and
# 0.4.20 passes; parking_lot 0.11.2 with instant 0.1.12 imports
# _emscripten_get_now and fails at the first call that reads the clock
# (emscripten_get_now_binding) and parking_lot 0.12 passes. Checks that the
# compile nodes built offline against the crates vendored for each probe's
# Cargo.lock, and that a second run reuses every node. Needs
# scripts/setup-toolchains.sh (rust/1.63 rust/1.96 emscripten/3.1.69
# pyodide/0.26.4 crates); finished nodes come from the cache.
#
#   run-seed.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for run in run again; do
	"$bin" run "$here/seed.json" -o "$tmp/$run" -j 2 >"$tmp/$run.out" 2>"$tmp/$run.err" && rc=0 || rc=$?
	cat "$tmp/$run.out"
	if [[ $rc -ne 1 ]]; then
		echo "FAIL: $run: expected exit 1 (some cells fail), got $rc"
		cat "$tmp/$run.err"
		exit 1
	fi
done

PYTHONPATH=$here python3 - "$tmp/run/results.json" "$tmp/again/results.json" "$here/../.." <<'PY'
import hashlib, json, os, re, sys
from cells import expecter

r = json.load(open(sys.argv[1]))
again = json.load(open(sys.argv[2]))
repo = sys.argv[3]
cells = {c["id"]: c for c in r["cells"]}
failures = []

expect = expecter(cells, failures)

def cell(rust, probe, loader):
    return f"rust={rust},emscripten=3.1.69,probe={probe},loader={loader},node=20,eh=default"

# The seed's compile error: Emscripten is both unix and wasm32 to chrono 0.4.19.
for rust, loader in (("1.63", "pyodide-0.26.4"), ("1.96", "pyodide-0.26.4")):
    expect(cell(rust, "chrono_0_4_19", loader), "fail", "compile", "crate_target_cfg_overlap",
           "error[E0428]: the name `inner` is defined multiple times")
expect(cell("1.63", "chrono_0_4_20", "pyodide-0.26.4"), "pass")
# The seed's _emscripten_get_now: today the module loads, and the first lock
# that waits with a deadline calls the missing symbol.
expect(cell("1.63", "instant_0_1_12", "pyodide-0.26.4"), "fail", "run", "emscripten_get_now_binding",
       "cannot resolve symbol _emscripten_get_now")
c = cells.get(cell("1.63", "instant_0_1_12", "pyodide-0.26.4"), {})
if not any(f.get("class") == "emscripten_get_now_misspelled" for f in c.get("findings", [])):
    failures.append("instant_0_1_12: the inspector did not report emscripten_get_now_misspelled")
expect(cell("1.63", "parking_lot_0_12", "pyodide-0.26.4"), "pass")

# Each compile node built offline against its probe's vendored crates: the
# --config of its "$ cargo" line is crates/<probe>-<16 hex of the lock's sha256>/
# cargo-config.toml.
for probe in ("chrono_0_4_19", "chrono_0_4_20", "instant_0_1_12", "parking_lot_0_12"):
    c = cells.get(cell("1.63", probe, "pyodide-0.26.4"), {})
    nodes = {s["stage"]: s for s in c.get("stages", [])}
    if "compile" not in nodes:
        failures.append(f"{probe}: no compile stage")
        continue
    log = os.path.join(os.path.dirname(sys.argv[1]), nodes["compile"]["log"].replace(".stderr.", ".stdout."))
    text = open(log, errors="replace").read()
    m = re.search(r"--config (\S+/crates/" + probe + r"-([0-9a-f]{16})/cargo-config\.toml)", text)
    if not m or "--offline" not in text:
        failures.append(f"{probe}: its cargo line has no --offline or no --config of crates/{probe}-<digest>")
        continue
    digest = hashlib.sha256(open(f"{repo}/matrix/probes/{probe}/Cargo.lock", "rb").read()).hexdigest()[:16]
    if m.group(2) != digest:
        failures.append(f"{probe}: built against crates/{probe}-{m.group(2)}, its Cargo.lock is {digest}")
    # The config points at the pool of vendored crates, which holds every crate the lock pins.
    pool = re.search(r'^directory = "(.*)"$', open(m.group(1)).read(), re.M)
    lock = open(f"{repo}/matrix/probes/{probe}/Cargo.lock").read()
    crates = re.findall(r'name = "([^"]+)"\nversion = "([^"]+)"\nsource = "registry', lock)
    missing = [f"{n}-{v}" for n, v in crates if not (pool and os.path.isdir(f"{pool.group(1)}/{n}-{v}"))]
    if not crates or missing:
        failures.append(f"{probe}: {m.group(1)}: vendored crates missing: {missing or 'no crates in the lock'}")

reran = [f"{c['id']} {s['stage']}" for c in again["cells"] for s in c.get("stages", [])
         if s.get("status") in ("pass", "fail") and not s.get("reused")]
if reran:
    failures.append(f"the second run ran {len(reran)} nodes, expected none: {reran[:3]}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(f"1 passed, 0 failed ({len(cells)} seed-probe cells checked against real toolchains)")
PY
python3 "$here/benign-logs.py" "$bin" "$tmp/run"
