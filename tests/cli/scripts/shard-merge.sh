#!/usr/bin/env bash
# Shards over the fake toolchain: N shards of a matrix cover it once, run no
# node twice where the grouping says so, and merged give the cells, statuses,
# classes and order of the whole run; merge refuses what does not add up.
source "$(dirname "$0")/lib.sh" "$1"
matrix=$src/tests/cli/data/fake-mixed.json

# cells, statuses and classes of a results.json, in its order
cells() {
	python3 -c '
import json, sys
for c in json.load(open(sys.argv[1]))["cells"]:
    print(c["id"], c["status"], c.get("class", "-"), c.get("stage", "-"))' "$1"
}

"$bin" run "$matrix" -o "$tmp/whole" --fake-toolchains "$fake" -q >/dev/null && rc=0 || rc=$?
expect_eq "whole run" "$rc" 1
for n in 2 3; do
	runs=()
	: >"$tmp/trace$n"
	for ((i = 1; i <= n; i++)); do
		FAKE_TRACE=$tmp/trace$n "$bin" run "$matrix" --shard "$i/$n" -o "$tmp/s$n-$i" \
			--fake-toolchains "$fake" -q >"$tmp/out" 2>&1 && rc=0 || rc=$?
		[[ $rc == 0 || $rc == 1 ]] || fail "shard $i/$n: exit $rc: $(cat "$tmp/out")"
		runs+=("$tmp/s$n-$i")
		python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["run"]["shard"]
assert (s["index"], s["count"], s["cells"]) == (int(sys.argv[2]), int(sys.argv[3]), 16), s' \
			"$tmp/s$n-$i/results.json" "$i" "$n" || fail "shard $i/$n: run.shard not recorded"
	done
	# No build node (std, compile, link) started in two shards: with a
	# grouping other than "compile" none at all but main.
	grouping=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"]["shard"]["grouping"])' "$tmp/s$n-1/results.json")
	dups=$(grep '^start ' "$tmp/trace$n" | sort | uniq -d | awk '{print $2}' | grep -v '^main-' || true)
	[[ $grouping == compile ]] && dups=$(grep -v '^std-' <<<"$dups" || true)
	[[ -z $dups ]] || fail "N=$n ($grouping): nodes run in two shards: $dups"
	"$bin" merge -o "$tmp/merged$n" "${runs[@]}" >"$tmp/out" 2>&1 && rc=0 || rc=$?
	expect_eq "merge of $n shards" "$rc" 1
	grep -q "merged $n runs into .*: 16 cells: 4 pass 12 fail" "$tmp/out" || fail "merge output: $(cat "$tmp/out")"
	cmp -s <(cells "$tmp/whole/results.json") <(cells "$tmp/merged$n/results.json") ||
		fail "N=$n: merged cells differ from the whole run: $(diff <(cells "$tmp/whole/results.json") <(cells "$tmp/merged$n/results.json"))"
	"$bin" diff "$tmp/whole" "$tmp/merged$n" >"$tmp/out" && rc=0 || rc=$?
	expect_eq "diff whole merged$n" "$rc" 0
	grep -q '^diff: 0 regressed, 0 fixed, 0 changed, 12 still-failing, 4 unchanged, 0 new, 0 removed' "$tmp/out" ||
		fail "diff whole merged$n: $(cat "$tmp/out")"
	# Every log the whole run has for a cell is there (blocked nodes have
	# none); the journals are all there; the reports were written.
	python3 -c '
import json, os, sys
whole, d = sys.argv[1:]
for c in json.load(open(d + "/results.json"))["cells"]:
    for s in c["stages"]:
        if os.path.exists(os.path.join(whole, s["log"])):
            assert os.path.exists(os.path.join(d, s["log"])), s["log"]' "$tmp/whole" "$tmp/merged$n" ||
		fail "merged$n: a log is missing"
	expect_eq "journal lines" "$(wc -l <"$tmp/merged$n/journal.jsonl")" "$(cat "${runs[@]/%//journal.jsonl}" | wc -l)"
	[[ -s $tmp/merged$n/summary.md ]] || fail "merged$n: no summary.md"
done

# Refusals: a missing shard (unless --partial), runs of another matrix,
# shards mixed with a whole run, a cell with two results, a DIR in use.
refused() {  # WHAT PATTERN ARGS...
	local what=$1 pattern=$2
	shift 2
	"$bin" merge "$@" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
	expect_eq "$what: exit" "$rc" 2
	grep -q -- "$pattern" "$tmp/err" || fail "$what: $(cat "$tmp/err")"
}
refused "missing shard" "shard 2/3 missing" -o "$tmp/m1" "$tmp/s3-1" "$tmp/s3-3"
"$bin" merge --partial -o "$tmp/m1" "$tmp/s3-1" "$tmp/s3-3" >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "--partial" "$rc" 1
grep -q "warning: shard 2/3 missing" "$tmp/err" || fail "--partial: no warning: $(cat "$tmp/err")"
echo '{"axes":{"rust":["1.63"],"probe":["add"],"loader":["emcc-main"]}}' >"$tmp/other.json"
"$bin" run "$tmp/other.json" -o "$tmp/other" --fake-toolchains "$fake" -q >/dev/null
refused "other matrix" "are runs of different matrices" -o "$tmp/m2" "$tmp/whole" "$tmp/other"
refused "mixed" "merge the shards of one split" -o "$tmp/m3" "$tmp/whole" "$tmp/s2-1"
refused "different splits" "shards of different splits" -o "$tmp/m4" "$tmp/s2-1" "$tmp/s3-2"
mkdir "$tmp/changed"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
c = next(c for c in r["cells"] if c["status"] == "pass")
c["status"], c["class"] = "fail", "unclassified"
json.dump(r, open(sys.argv[2], "w"))' "$tmp/whole/results.json" "$tmp/changed/results.json"
refused "two results" "is in two runs with different results (pass in .*whole, fail (unclassified) in" \
	-o "$tmp/m5" "$tmp/whole" "$tmp/changed"
refused "dir in use" "already holds a run" -o "$tmp/merged2" "$tmp/s2-1" "$tmp/s2-2"
# Overlapping cells with equal results are taken once.
"$bin" merge -o "$tmp/m6" "$tmp/whole" "$tmp/whole" >/dev/null && rc=0 || rc=$?
expect_eq "self merge" "$rc" 1
cmp -s <(cells "$tmp/whole/results.json") <(cells "$tmp/m6/results.json") || fail "self merge changed the cells"
# Against a baseline where one failing cell passed: the regression is named
# and the exit is 1; against the whole run itself nothing regressed.
mkdir "$tmp/better"
python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
c = next(c for c in r["cells"] if c["status"] == "fail")
c["status"] = "pass"
c.pop("class", None)
print(c["id"])
json.dump(r, open(sys.argv[2], "w"))' "$tmp/whole/results.json" "$tmp/better/results.json" >"$tmp/better-id"
"$bin" merge -o "$tmp/m7" --baseline "$tmp/better" "$tmp/s2-1" "$tmp/s2-2" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "merge against a better baseline" "$rc" 1
grep -qF "$(cat "$tmp/better-id")" "$tmp/out" || fail "the regressed cell is not named: $(cat "$tmp/out")"
grep -q "regressed" "$tmp/out" || fail "no regression said: $(cat "$tmp/out")"
"$bin" merge -o "$tmp/m8" --baseline "$tmp/whole" "$tmp/s2-1" "$tmp/s2-2" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "merge against the whole run" "$rc" 0
grep -q "nothing regressed against" "$tmp/out" || fail "no 'nothing regressed': $(cat "$tmp/out")"
finish
