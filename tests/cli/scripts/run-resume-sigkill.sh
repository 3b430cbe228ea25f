#!/usr/bin/env bash
# Crash consistency: the runner killed with SIGKILL at 10 points of a run
# (from before the first record to after the last), then --resume: every
# final results.json equals the uninterrupted run's (timings aside), the
# journal never holds a half-written record that reads as whole, and no node
# the journal recorded as finished runs again. Then one run killed at 10
# points in a row, resuming after each kill.
source "$(dirname "$0")/lib.sh"
cat >"$tmp/m.json" <<'JSON'
{"name":"resume","axes":{"rust":["1.63","1.85","1.96"],"probe":["add","i64","data"],
 "loader":["emcc-main"],"behave":["ok","fail-link"],"sleep":["0.05"]}}
JSON

FAKE_TRACE=$tmp/a.trace "$bin" run "$tmp/m.json" -o "$tmp/a" --fake-toolchains "$fake" -j 2 -q >/dev/null && rc=0 || rc=$?
expect_eq "uninterrupted exit" "$rc" 1
total=$(wc -l <"$tmp/a/journal.jsonl")

records() { [[ -e $1/journal.jsonl ]] && wc -l <"$1/journal.jsonl" || echo -1; }
at_least() { (($(records "$1") >= $2)); }

# finished_nodes DIR: the nodes of whole records; fails on a torn record
# anywhere but the end, or a whole one that lacks a key.
finished_nodes() {
	python3 - "$1/journal.jsonl" <<'PY'
import json, sys
keys = {"v", "node", "key", "stage", "status", "exit", "attempts", "seconds", "started"}
for line in open(sys.argv[1], "rb"):
    if line.endswith(b"\n"):
        rec = json.loads(line)
        assert set(rec) == keys, rec
        print(rec["node"])
PY
}

# kill_at DIR RECORDS [ARGS...]: runs into DIR, SIGKILLs the runner once the
# journal holds RECORDS records (0: once it exists).
kill_at() {
	local dir=$1 want=$2 pid
	shift 2
	FAKE_TRACE=$dir.trace "$bin" run "$tmp/m.json" -o "$dir" --fake-toolchains "$fake" -j 2 -q "$@" \
		>/dev/null 2>>"$dir.err" &
	pid=$!
	wait_for 60 at_least "$dir" "$want" || fail "$dir: the journal never reached $want records"
	kill -KILL "$pid" 2>/dev/null || true  # the last point may find it finished
	wait "$pid" 2>/dev/null || true
}

# resume_check DIR WHAT: resumes DIR to the end and compares with the uninterrupted run.
resume_check() {
	local dir=$1 what=$2 finished rerun n rc
	finished=$(finished_nodes "$dir") || { fail "$what: a broken journal"; return; }
	n=$(grep -c . <<<"$finished" || true)
	FAKE_TRACE=$dir.resume.trace "$bin" run "$tmp/m.json" -o "$dir" --fake-toolchains "$fake" -j 2 --resume \
		>"$dir.resume.out" 2>>"$dir.err" && rc=0 || rc=$?
	expect_eq "$what: resumed exit" "$rc" 1
	grep -q "emcompat: resuming: $n nodes finished earlier" "$dir.resume.out" ||
		fail "$what: resume did not report $n finished nodes: $(head -3 "$dir.resume.out")"
	if [[ -n $finished && -e $dir.resume.trace ]]; then
		rerun=$(grep '^start ' "$dir.resume.trace" | cut -d' ' -f2 | grep -Fxf <(echo "$finished") || true)
		[[ -z $rerun ]] || fail "$what: resume re-ran finished nodes: $rerun"
	fi
	finished_nodes "$dir" >/dev/null || fail "$what: a broken journal after resume"
	diff <(normalized "$tmp/a/results.json") <(normalized "$dir/results.json") >"$dir.diff" ||
		fail "$what: resumed results.json differs: $(head -20 "$dir.diff")"
}

# Ten runs, each killed once: before any record, at every tenth of the
# run, and after the last record (results.json written or not).
points=(0)
for i in 1 2 3 4 5 6 7 8; do points+=($((i * total / 9))); done
points+=("$total")
for p in "${points[@]}"; do
	dir=$tmp/k$p
	kill_at "$dir" "$p"
	if (($(records "$dir") < total)); then
		[[ ! -e $dir/results.json ]] || fail "kill at $p: a killed run wrote results.json"
	fi
	resume_check "$dir" "kill at $p records"
done

# One run killed ten times in a row, resuming after each kill.
dir=$tmp/chain
kill_at "$dir" 1
for i in 2 3 4 5 6 7 8 9 10; do
	finished_nodes "$dir" >/dev/null || fail "chain: a broken journal before kill $i"
	kill_at "$dir" $((i * total / 11)) --resume
done
resume_check "$dir" "ten kills in a row"
if grep -v "ignoring a torn last record" "$tmp/chain.err" | grep . >/dev/null; then
	fail "chain: unexpected stderr: $(head -5 "$tmp/chain.err")"
fi
finish
