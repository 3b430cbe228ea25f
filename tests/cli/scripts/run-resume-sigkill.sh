#!/usr/bin/env bash
# The runner killed with SIGKILL mid-run, then --resume: the same results.json
# as an uninterrupted run (timings aside), and no node the journal recorded
# as finished runs again.
source "$(dirname "$0")/lib.sh"
cat >"$tmp/m.json" <<'JSON'
{"name":"resume","axes":{"rust":["1.63","1.85","1.96"],"probe":["add","i64","data"],
 "loader":["emcc-main"],"behave":["ok","fail-link"],"sleep":["0.08"]}}
JSON

FAKE_TRACE=$tmp/a.trace "$bin" run "$tmp/m.json" -o "$tmp/a" --fake-toolchains "$fake" -j 2 -q && rc=0 || rc=$?
expect_eq "uninterrupted exit" "$rc" 1

FAKE_TRACE=$tmp/b.trace "$bin" run "$tmp/m.json" -o "$tmp/b" --fake-toolchains "$fake" -j 2 -q &
pid=$!
wait_for 30 bash -c "[[ \$(wc -l <'$tmp/b/journal.jsonl' 2>/dev/null || echo 0) -ge 25 ]]" ||
	fail "the journal never reached 25 records"
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
[[ ! -e $tmp/b/results.json ]] || fail "a killed run wrote results.json"
finished=$(python3 -c '
import json, sys
print("\n".join(json.loads(l)["node"] for l in open(sys.argv[1]) if l.endswith("\n")))' "$tmp/b/journal.jsonl")
n_finished=$(echo "$finished" | wc -l)
total=$(wc -l <"$tmp/a/journal.jsonl")
((n_finished < total)) || fail "the kill came too late: $n_finished of $total nodes had finished"

FAKE_TRACE=$tmp/c.trace "$bin" run "$tmp/m.json" -o "$tmp/b" --fake-toolchains "$fake" -j 2 --resume >"$tmp/resume.out" && rc=0 || rc=$?
expect_eq "resumed exit" "$rc" 1
grep -q "emcompat: resuming: $n_finished nodes finished earlier" "$tmp/resume.out" ||
	fail "resume did not report $n_finished finished nodes: $(head -3 "$tmp/resume.out")"
rerun=$(grep '^start ' "$tmp/c.trace" | cut -d' ' -f2 | grep -Fxf <(echo "$finished") || true)
[[ -z $rerun ]] || fail "resume re-ran finished nodes: $rerun"
ran=$(grep -c '^start ' "$tmp/c.trace" || true)
((ran > 0)) || fail "resume ran nothing"
diff <(normalized "$tmp/a/results.json") <(normalized "$tmp/b/results.json") >"$tmp/diff" ||
	fail "resumed results.json differs: $(head -20 "$tmp/diff")"
finish
