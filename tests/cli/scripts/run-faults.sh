#!/usr/bin/env bash
# Children that misbehave, and a full disk. A child that segfaults fails its
# cell with the signal named; one that closes stdout early still passes; one
# that ignores SIGTERM is killed at its deadline; one that leaves a daemon in
# a session of its own gets it killed, with a warning. A file size limit hit
# while writing a log or the journal (RLIMIT_FSIZE: a full disk, as far as
# the runner can tell) stops the run with exit 3 and the file named; the
# journal holds only whole records (a torn last one at most), and --resume
# without the limit ends with the results of a run that never hit it.
source "$(dirname "$0")/lib.sh"

# journal_whole FILE: every line with its newline is a whole record.
journal_whole() {
	python3 - "$1" <<'PY'
import json, sys
keys = {"v", "node", "key", "stage", "status", "exit", "attempts", "seconds", "started"}
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    if not line.endswith(b"\n"):
        continue  # a torn last record: cut on resume
    rec = json.loads(line)
    assert set(rec) == keys, (n, rec)
PY
}

cat >"$tmp/faults.json" <<'JSON'
{"axes":{"rust":["1.63"],"probe":["add"],"loader":["emcc-main"],
 "behave":["ok","crash-compile","closeout-link","stubborn-link","daemon-compile"]},
 "timeouts":{"link":2}}
JSON
EMCOMPAT_KILL_GRACE=1 "$bin" run "$tmp/faults.json" -o "$tmp/f" --fake-toolchains "$fake" -j 2 -q \
	>"$tmp/f.out" 2>"$tmp/f.err" && rc=0 || rc=$?
expect_eq "faults exit" "$rc" 1
status() {
	python3 -c '
import json, sys
for c in json.load(open(sys.argv[1]))["cells"]:
    if c["axes"]["behave"] == sys.argv[2]:
        print(c["status"], c.get("stage", "-"), c.get("summary", "-"))' "$tmp/f/results.json" "$1"
}
expect_eq "segfault" "$(status crash-compile)" "fail compile killed by signal 11, no output"
expect_eq "stdout closed early" "$(status closeout-link)" "pass - passed"
expect_eq "SIGTERM ignored" "$(status stubborn-link)" "timeout link timed out after 2 s"
expect_eq "daemon left behind" "$(status daemon-compile)" "pass - passed"
daemon=$(cat "$tmp"/f/nodes/compile-*/daemon.pid)
grep -q "warning: process $daemon (sleep, in $tmp/f/nodes/compile-[0-9a-f]*) left its node's process group and outlived it; killed" \
	"$tmp/f.err" || fail "no warning about the daemon: $(cat "$tmp/f.err")"
gone "$daemon" || { fail "the daemon $daemon outlived the run"; kill -9 "$daemon"; }
for gc in $(cat "$tmp"/f/nodes/link-*/grandchild.pid); do
	wait_for 5 gone "$gc" || fail "the stubborn stage's grandchild $gc outlived the run"
done

# A log past the limit: 1 MiB, and spew-compile prints 20 MB (2 MiB kept).
cat >"$tmp/spew.json" <<'JSON'
{"axes":{"rust":["1.63"],"probe":["add"],"loader":["emcc-main"],"behave":["ok","spew-compile"]}}
JSON
"$bin" run "$tmp/spew.json" -o "$tmp/spew-ref" --fake-toolchains "$fake" -j 2 -q >/dev/null && rc=0 || rc=$?
expect_eq "spew reference exit" "$rc" 0
(ulimit -f 1024; exec "$bin" run "$tmp/spew.json" -o "$tmp/spew" --fake-toolchains "$fake" -j 2 -q) \
	>/dev/null 2>"$tmp/spew.err" && rc=0 || rc=$?
expect_eq "log past the size limit" "$rc" 3
grep -q "^emcompat: $tmp/spew/logs/compile-[0-9a-f]*.stdout.log: cannot write log: File too large$" "$tmp/spew.err" ||
	fail "no clear log error: $(cat "$tmp/spew.err")"
journal_whole "$tmp/spew/journal.jsonl" || fail "spew: a broken journal"
"$bin" run "$tmp/spew.json" -o "$tmp/spew" --fake-toolchains "$fake" -j 2 -q --resume >/dev/null && rc=0 || rc=$?
expect_eq "spew resumed without the limit" "$rc" 0
diff <(normalized "$tmp/spew-ref/results.json") <(normalized "$tmp/spew/results.json") >"$tmp/diff" ||
	fail "spew: resumed results.json differs: $(head -20 "$tmp/diff")"

# The journal past the limit: 4 KiB holds about 20 records of 38 nodes.
cat >"$tmp/m.json" <<'JSON'
{"axes":{"rust":["1.63","1.85","1.96"],"probe":["add","i64","data"],"loader":["emcc-main"],
 "behave":["ok","fail-link"]}}
JSON
"$bin" run "$tmp/m.json" -o "$tmp/ref" --fake-toolchains "$fake" -j 2 -q >/dev/null && rc=0 || rc=$?
expect_eq "journal reference exit" "$rc" 1
(ulimit -f 4; exec "$bin" run "$tmp/m.json" -o "$tmp/j" --fake-toolchains "$fake" -j 2 -q) \
	>/dev/null 2>"$tmp/j.err" && rc=0 || rc=$?
expect_eq "journal past the size limit" "$rc" 3
grep -qx "emcompat: $tmp/j/journal.jsonl: cannot append to the journal: File too large" "$tmp/j.err" ||
	fail "no clear journal error: $(cat "$tmp/j.err")"
expect_eq "journal cut at the limit" "$(stat -c %s "$tmp/j/journal.jsonl")" 4096
journal_whole "$tmp/j/journal.jsonl" || fail "a broken journal at the limit"
[[ ! -e $tmp/j/results.json ]] || fail "a run that failed wrote results.json"
"$bin" run "$tmp/m.json" -o "$tmp/j" --fake-toolchains "$fake" -j 2 -q --resume >/dev/null 2>"$tmp/j2.err" && rc=0 || rc=$?
expect_eq "journal resumed without the limit" "$rc" 1
journal_whole "$tmp/j/journal.jsonl" || fail "a broken journal after resume"
diff <(normalized "$tmp/ref/results.json") <(normalized "$tmp/j/results.json") >"$tmp/diff" ||
	fail "journal: resumed results.json differs: $(head -20 "$tmp/diff")"
finish
