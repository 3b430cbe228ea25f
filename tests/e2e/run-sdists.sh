#!/usr/bin/env bash
# End to end on real packages built from source (tests/e2e/sdists.json):
# the sdists of jiter 0.19.0 and rpds-py 2026.9.1 from PyPI, their crates
# vendored from their Cargo.lock, built by Rust 1.96 against the (1.96,
# 6.0.5) std for the Python of Pyodide 0.29.5 (3.13) and 314.0.7 (3.14),
# linked by emcc 6.0.5 at -O2: they load and their checks pass in both.
# rpds-py linked by emcc 3.1.69 at -O2 fails by name
# (binaryen_unknown_feature), jiter with Rust 1.85 (rust-version 1.88:
# rust_too_old_for_crate) and rpds-py with Rust 1.63 (a version-4 Cargo.lock:
# cargo_lockfile_too_new) too. A local PyO3 project ("path": data/hello-ext,
# PyO3 0.22) builds and passes in 0.29.5; one with #![feature(never_type)]
# (data/nightly-ext) fails at compile as on a user's stable Rust: E0554, and
# with eh js, where emcompat's -Zemscripten-wasm-eh needs RUSTC_BOOTSTRAP,
# E0725 (-Zallow-features=). Two setuptools-rust sdists, in
# 0.29.5: bcrypt 4.3.0 ([tool.setuptools-rust] in pyproject.toml, its crate
# under src/_bcrypt) passes; tiktoken 0.9.0 (RustExtension in setup.py, and
# no Cargo.lock: the fetch generates one, which its record names) builds,
# links and passes inspect, then fails at load by name: it imports regex, a
# package of Pyodide's distribution (python_requirement_missing). A second
# run runs nothing.
# The sdists are fetched by the test setup (tests/e2e/fetch-sdists.sh,
# called by scripts/test.sh); without it the build nodes fetch them (network).
# Needs Rust 1.63, 1.85, 1.96, Emscripten 3.1.69 and 6.0.5, Pyodide 0.29.5
# and 314.0.7, node 20 (scripts/setup-toolchains.sh).
#
#   run-sdists.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for run in 1 2; do
	"$bin" run "$here/sdists.json" -o "$tmp/run$run" -j 2 >"$tmp/out$run" 2>"$tmp/err$run" && rc=0 || rc=$?
	cat "$tmp/out$run"
	if [[ $rc -ne 1 ]]; then
		echo "FAIL: run $run: expected exit 1 (cells fail), got $rc"
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

    def cell(rust, em, probe, loader, eh="default"):
        return f"rust={rust},emscripten={em},probe={probe},loader=pyodide-{loader},node=20,opt=O2,eh={eh}"

    for probe in ("jiter", "rpds-py"):
        for loader in ("0.29.5", "314.0.7"):
            c = expect(cell("1.96", "6.0.5", probe, loader), "pass")
            pk = (c or {}).get("package", {})
            if not re.fullmatch(r"[0-9a-f]{64}", pk.get("sha256", "")) or pk.get("build") != "source" or \
                    not pk.get("url", "").startswith("https://files.pythonhosted.org/") or \
                    not pk.get("file", "").endswith(".tar.gz") or not pk.get("version"):
                failures.append(f"run {n}: {probe} in {loader}: package record {pk}")
            if "lock_generated" in pk or "lock_cargo" in pk:
                failures.append(f"run {n}: {probe} ships its Cargo.lock, but its record says one was generated: {pk}")
    expect(cell("1.96", "6.0.5", "bcrypt", "0.29.5"), "pass")
    c = expect(cell("1.96", "6.0.5", "tiktoken", "0.29.5"), "fail", "load", "python_requirement_missing",
               "No module named 'regex'")
    pk = (c or {}).get("package", {})
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", pk.get("lock_generated", "")) or \
            not pk.get("lock_cargo", "").startswith("cargo "):
        failures.append(f"run {n}: tiktoken has no Cargo.lock: its record should say when one was generated: {pk}")
    if [s["stage"] for s in (c or {}).get("stages", []) if s["status"] == "pass"] != ["std", "compile", "link", "inspect"]:
        failures.append(f"run {n}: tiktoken: std, compile, link and inspect should pass: {(c or {}).get('stages')}")
    expect(cell("1.96", "3.1.69", "rpds-py", "314.0.7"), "fail", "link", "binaryen_unknown_feature",
           "--enable-bulk-memory-opt")
    expect(cell("1.85", "3.1.69", "jiter", "0.29.5"), "fail", "compile", "rust_too_old_for_crate",
           "rustc 1.85")
    expect(cell("1.63", "3.1.69", "rpds-py", "0.29.5"), "fail", "compile", "cargo_lockfile_too_new",
           "lock file version")
    c = expect(cell("1.96", "6.0.5", "hello-ext", "0.29.5"), "pass")
    pk = (c or {}).get("package", {})
    if not pk.get("path", "").endswith("/tests/e2e/data/hello-ext") or pk.get("build") != "source" or "pypi" in pk:
        failures.append(f"run {n}: hello-ext: package record {pk}")
    # No nightly feature on a stable Rust, with (eh js) or without emcompat's own -Z flags.
    expect(cell("1.96", "6.0.5", "nightly-ext", "0.29.5"), "fail", "compile", "unclassified",
           "may not be used on the stable release channel")
    expect(cell("1.96", "6.0.5", "nightly-ext", "0.29.5", "js"), "fail", "compile", "unclassified",
           "not in the list of allowed features")
    if n == 2:
        ran = [f"{c['id']}: {s['stage']}" for c in r["cells"] for s in c["stages"]
               if s["status"] in ("pass", "fail") and not s["reused"]]
        if ran:
            failures.append(f"the second run ran nodes: {ran}")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print("1 passed, 0 failed (12 source package cells, twice: the second run from the cache)")
PY
python3 "$here/benign-logs.py" "$bin" "$tmp/run1"
