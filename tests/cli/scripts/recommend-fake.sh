#!/usr/bin/env bash
# recommend over a fake run: the value whose cells all pass, newest first
# among ties, the runners-up with their failure classes and where; --json;
# exit 1 when no value passes everything; bad input exits 2.
source "$(dirname "$0")/lib.sh"
m=$src/tests/cli/data/fake-bisect.json
"$bin" run "$m" -o "$tmp/r" --fake-toolchains "$fake" -q >/dev/null && rc=0 || rc=$?
expect_eq "the run" "$rc" 1

"$bin" recommend "$tmp/r" --axis rust >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend rust" "$rc" 0
cat "$tmp/out"
grep -qF "emcompat recommend: 10 rust values from 1 run (29 cells) with emscripten=3.1.6, loader=emcc-main; newest by the axis order of $m" "$tmp/out" || fail "header"
grep -qF "recommended: rust=1.63: all 3 cells pass (probe add, panic, time) with emscripten=3.1.6, loader=emcc-main" "$tmp/out" || fail "recommendation"
grep -qF "  2. 1.65: 2 of 3 pass; fails: lib_rmeta_whole_archive at link (probe=add, behave=fail-link)" "$tmp/out" || fail "runner-up 1.65"
grep -qF "  6. 1.62: 1 of 2 pass; fails: bigint_js_boundary at run (probe=time, behave=fail-run)" "$tmp/out" || fail "runner-up 1.62"

# Among values that all pass, the newest; the tie is said.
"$bin" recommend "$tmp/r/results.json" --axis rust --only probe=panic --only probe=add --only rust=1.60 --only rust=1.61 >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend among ties" "$rc" 0
grep -qF "recommended: rust=1.61: all 2 cells pass (probe add, panic)" "$tmp/out" || fail "tie: $(cat "$tmp/out")"
grep -qF "(1.60 ties with it and is older: the newest is chosen)" "$tmp/out" || fail "tie note: $(cat "$tmp/out")"

# No value passes everything: the best is named, exit 1.
"$bin" recommend "$tmp/r" --axis probe --only rust=1.66 --only rust=1.60 >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend with no clean value" "$rc" 1
grep -qF "recommended: none passes every cell; the best is probe=time: 1 of 2 pass" "$tmp/out" || fail "no clean value: $(cat "$tmp/out")"

"$bin" recommend "$tmp/r" --axis rust --only probe=time --json >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend --json" "$rc" 0
python3 - "$tmp/out" <<'PY' || fail "json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["axis"] == "rust" and r["order"] == "matrix", r
assert r["recommended"] == "1.69" and r["all_pass"] is True, r
assert r["with"] == {"emscripten": "3.1.6", "probe": "time", "loader": "emcc-main"}, r["with"]
last = r["values"][-1]
assert last["value"] == "1.60" and last["fail"] == 1, last
assert last["failures"][0]["class"] == "bigint_js_boundary" and last["failures"][0]["stage"] == "run", last
assert last["failures"][0]["where"] == {"behave": "fail-run"}, last
PY

"$bin" recommend "$tmp/r" --only pyo3=0.22 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "unknown --only key" "$rc" 2
grep -qF -- '--only pyo3=0.22: no cell of the runs has a key "pyo3"' "$tmp/err" || fail "$(cat "$tmp/err")"
"$bin" recommend "$tmp/nowhere" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "missing run" "$rc" 2
"$bin" recommend 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "no run" "$rc" 2
grep -qF "name at least one RUN" "$tmp/err" || fail "$(cat "$tmp/err")"
finish
