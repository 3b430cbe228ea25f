#!/usr/bin/env bash
# bisect and recommend on real toolchains: tests/e2e/bisect.json crosses Rust
# 1.63, 1.85 and 1.96 with emcc 3.1.6 and Pyodide 0.26.4. Its full run shows
# two breakages that depend on the Rust version: panic breaks at 1.96 (std
# switched to wasm exception handling: wasm_eh_tag_missing) and u128 is fixed
# from 1.85 on (u128_layout_mismatch on 1.63). Bisecting the rust axis must
# find both boundaries, agree with the full run, and stay within
# ceil(log2(3)) + 2 = 4 cells; recommend must name 1.85 (all cells pass) and
# explain the runners-up. Nodes come from the cache after the full run.
#
#   run-bisect.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
m=$here/bisect.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$bin" run "$m" -o "$tmp/full" -j 2 >"$tmp/out" 2>&1 && rc=0 || rc=$?
cat "$tmp/out"
[[ $rc -eq 1 ]] || { echo "FAIL: the full run exited $rc, expected 1"; exit 1; }

# What the full run says, walking the rust axis in matrix order for one probe:
# "LAST_GOOD FIRST_BAD CLASS" between the two given ends.
boundary() {
	python3 - "$tmp/full/results.json" "$@" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
probe, good, bad = sys.argv[2:5]
order = ["1.63", "1.85", "1.96"]
walk = order[order.index(good):order.index(bad) + 1] if order.index(good) < order.index(bad) \
    else order[order.index(bad):order.index(good) + 1][::-1]
cells = {c["axes"]["rust"]: c for c in r["cells"] if c["axes"]["probe"] == probe}
prev = None
for v in walk:
    if cells[v]["status"] == "fail":
        print(prev, v, cells[v]["class"])
        break
    prev = v
PY
}

# check_bisect NAME EXPECTED_BOUNDARY OUTPUT_FILE
check_bisect() {
	local good bad cls n
	read -r good bad cls <<<"$2"
	grep -q "^first bad: rust=$bad: fail at [a-z]*: $cls: " "$3" || fail "$1: first bad is not $bad ($cls)"
	grep -q "^last good: rust=$good: pass" "$3" || fail "$1: last good is not $good"
	n=$(sed -n 's/^cells tested: \([0-9]*\) .*/\1/p' "$3")
	[[ -n $n && $n -le 4 ]] || fail "$1: $n cells tested, more than ceil(log2(3)) + 2 = 4"
	grep -q "^reproduce: emcompat run $m --only rust=$bad " "$3" || fail "$1: no reproduction line"
}

want=$(boundary panic 1.63 1.96)
[[ $want == "1.85 1.96 wasm_eh_tag_missing" ]] || fail "the full run's panic boundary is '$want'"
"$bin" bisect "$m" --axis rust --good 1.63 --bad 1.96 --only probe=panic -o "$tmp/b" -j 2 >"$tmp/panic" && rc=0 || rc=$?
cat "$tmp/panic"
[[ $rc -eq 0 ]] || fail "bisect panic exited $rc"
check_bisect "panic" "$want" "$tmp/panic"

# Where was the u128 layout fixed? --good is the newer end; only that class counts.
want=$(boundary u128 1.96 1.63)
[[ $want == "1.85 1.63 u128_layout_mismatch" ]] || fail "the full run's u128 boundary is '$want'"
"$bin" bisect "$m" --axis rust --good 1.96 --bad 1.63 --only probe=u128 --class u128_layout_mismatch \
	-o "$tmp/b" -j 2 >"$tmp/u128" && rc=0 || rc=$?
cat "$tmp/u128"
[[ $rc -eq 0 ]] || fail "bisect u128 exited $rc"
check_bisect "u128" "$want" "$tmp/u128"
grep -q "^fixed in: rust=1.85" "$tmp/u128" || fail "u128: not 'fixed in: rust=1.85'"

# From the full run nothing needs to run.
"$bin" bisect "$m" --axis rust --good 1.63 --bad 1.96 --only probe=panic --from "$tmp/full" -o "$tmp/b2" >"$tmp/from" && rc=0 || rc=$?
[[ $rc -eq 0 ]] || fail "bisect --from exited $rc"
grep -q "^cells tested: 3 (0 run, 3 from earlier runs)" "$tmp/from" || fail "bisect --from ran cells: $(cat "$tmp/from")"

"$bin" recommend "$tmp/full" --axis rust >"$tmp/rec" && rc=0 || rc=$?
cat "$tmp/rec"
[[ $rc -eq 0 ]] || fail "recommend exited $rc"
grep -qF "recommended: rust=1.85: all 3 cells pass (probe add, u128, panic) with emscripten=3.1.6, loader=pyodide-0.26.4" "$tmp/rec" ||
	fail "recommend does not name 1.85"
grep -qF "  2. 1.96: 2 of 3 pass; fails: wasm_eh_tag_missing at load (probe=panic)" "$tmp/rec" || fail "runner-up 1.96"
grep -qF "  3. 1.63: 2 of 3 pass; fails: u128_layout_mismatch at run (probe=u128)" "$tmp/rec" || fail "runner-up 1.63"

if ((failures)); then
	echo "0 passed, $failures failed"
	exit 1
fi
echo "1 passed, 0 failed"
