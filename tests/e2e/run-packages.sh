#!/usr/bin/env bash
# End to end on real packages from PyPI: prebuilt wheels as cells
# (tests/e2e/packages.json). jiter 0.19.0, css-inline 0.24.0 and
# pydantic-core 2.50.5 pass their checks in the Pyodide their wheels are
# for (314.0.7; css-inline's abi3 wheel in 0.29.5 too); pydantic-core
# without its typing-extensions fails by name; jiter has no wheel for
# Pyodide 0.26.4: skipped, saying so. jiter-any forces jiter's newest
# Pyodide wheel (cp314, pyemscripten_2026_0) onto every loader ("platform":
# "any"): it passes in 314.0.7 and fails by name in 0.29.5 (Python 3.13
# never opens a cpython-314 extension: extension_python_mismatch), as the
# inspector predicted from its tags and its 3.14 C-API imports. The wheels are downloaded once into
# the cache (the download nodes); a second run runs nothing and needs no
# network. Needs Pyodide 0.26.4, 0.29.5 and 314.0.7 and node 20
# (scripts/setup-toolchains.sh), and PyPI the first time.
#
#   run-packages.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for run in 1 2; do
	"$bin" run "$here/packages.json" -o "$tmp/run$run" -j 2 >"$tmp/out$run" 2>"$tmp/err$run" && rc=0 || rc=$?
	cat "$tmp/out$run"
	if [[ $rc -ne 1 ]]; then
		echo "FAIL: run $run: expected exit 1 (a cell fails), got $rc"
		cat "$tmp/err$run"
		exit 1
	fi
done

PYTHONPATH=$here python3 - "$tmp/run1/results.json" "$tmp/run2/results.json" <<'PY'
import json, re, sys
from cells import exact_expecter

failures = []
for n, path in enumerate(sys.argv[1:], 1):
    r = json.load(open(path))
    cells = {c["id"]: c for c in r["cells"]}

    expect = exact_expecter(cells, failures, f"run {n}: ")

    for probe, loader in (("jiter", "314.0.7"), ("css-inline", "314.0.7"), ("css-inline", "0.29.5"),
                          ("pydantic-core", "314.0.7"), ("jiter-any", "314.0.7")):
        c = expect(f"probe={probe},loader=pyodide-{loader},node=20", "pass")
        pk = (c or {}).get("package", {})
        if not re.fullmatch(r"[0-9a-f]{64}", pk.get("sha256", "")) or \
                not pk.get("url", "").startswith("https://files.pythonhosted.org/") or \
                not pk.get("file", "").endswith(".whl") or not pk.get("version"):
            failures.append(f"run {n}: {probe} in {loader}: package record {pk}")
    expect("probe=pydantic-core-bare,loader=pyodide-314.0.7,node=20", "fail", "load", "python_requirement_missing",
           "No module named 'typing_extensions'")
    expect("probe=jiter,loader=pyodide-0.26.4,node=20", "skipped", "link", None,
           "no wheel of jiter 0.19.0 for ")
    c = expect("probe=jiter-any,loader=pyodide-0.29.5,node=20", "fail", "load", "extension_python_mismatch",
               "No module named 'jiter.jiter'")
    if c:
        found = {f["class"] for f in c.get("findings") or []}
        if c.get("prediction") != "predicted" or not {"python_abi_tag_mismatch", "python_api_missing"} <= found:
            failures.append(f"run {n}: jiter-any in 0.29.5: prediction {c.get('prediction')}, findings {sorted(found)}")
        if c.get("package", {}).get("file") != "jiter-0.19.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl" or \
                c.get("package", {}).get("platform") != "any":
            failures.append(f"run {n}: jiter-any in 0.29.5: forced wheel {c.get('package')}")
    if "platform" in cells.get("probe=jiter,loader=pyodide-314.0.7,node=20", {}).get("package", {}):
        failures.append(f"run {n}: jiter (matching wheel) has a platform in its package record")
    if '"platform":"any"' not in open(path.replace("results.json", "report.html")).read():
        failures.append(f"run {n}: report.html does not carry jiter-any's platform")
    if n == 2:
        ran = [f"{c['id']}: {s['stage']}" for c in r["cells"] for s in c["stages"]
               if s["status"] in ("pass", "fail") and not s["reused"]]
        if ran:
            failures.append(f"the second run ran nodes: {ran}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("1 passed, 0 failed (8 package cells, twice: the second run from the cache)")
PY
python3 "$here/benign-logs.py" "$bin" "$tmp/run1"
