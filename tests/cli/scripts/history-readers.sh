#!/usr/bin/env bash
# recommend --history and bisect --history: the newest recorded result of
# each cell is read as an earlier run (a later start wins, whichever run it
# is in); $EMCOMPAT_HISTORY does the same; a missing or foreign file is
# refused and not made or changed.
source "$(dirname "$0")/lib.sh"
m=$src/tests/cli/data/fake-bisect.json
h=$tmp/h.db
"$bin" run "$m" -o "$tmp/full" --fake-toolchains "$fake" --only probe=panic -q --history "$h" >/dev/null && rc=0 || rc=$?
expect_eq "the recorded run" "$rc" 1
full_id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["run"]["id"])' "$tmp/full/results.json")

# run ID STARTED OUT CHANGES...: a copy of the full run as run ID started at STARTED, with each
# CHANGE "rust=STATUS" setting that rust's cell's status; "only" keeps the changed cells alone.
run() {
	python3 - "$tmp/full/results.json" "$@" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
rid, started, out, changes = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
r["run"]["id"], r["run"]["started"] = rid, started
want = dict(c.split("=") for c in changes if c != "only")
for c in r["cells"]:
    s = want.get(c["axes"]["rust"])
    if s == "pass":
        c["status"] = "pass"
        c["summary"] = "passed"
        c.pop("class", None), c.pop("stage", None)
    elif s == "fail":
        c.update(status="fail", **{"class": "wasm_eh_tag_missing", "stage": "load", "summary": "no tag"})
if "only" in changes:
    r["cells"] = [c for c in r["cells"] if c["axes"]["rust"] in want]
os.makedirs(out)
json.dump(r, open(out + "/results.json", "w"))
PY
}
# An older run in which 1.64 failed and 1.66 passed: the full run is newer, it wins.
run old 2026-01-01T00:00:00Z "$tmp/old" 1.64=fail 1.66=pass
"$bin" history add "$h" "$tmp/old" >/dev/null

FAKE_TRACE=$tmp/trace "$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic --history "$h" \
	-o "$tmp/b1" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect --history" "$rc" 0
grep -qF "cells tested: 5 (0 run, 5 from earlier runs)" "$tmp/out" || fail "not all from the history: $(cat "$tmp/out")"
grep -qF "rust=1.64: good (pass), from $h: run $full_id" "$tmp/out" || fail "the newest result: $(cat "$tmp/out")"
grep -q "^first bad: rust=1.66: fail at load" "$tmp/out" || fail "first bad: $(cat "$tmp/out")"
[[ ! -e $tmp/trace ]] || fail "a stage ran: $(cat "$tmp/trace")"

# A newer run of one cell: 1.66 passes now. Its result wins; the other cells come from the full run.
run newer 2099-01-01T00:00:00Z "$tmp/newer" 1.66=pass only
"$bin" history add "$h" "$tmp/newer" >/dev/null
"$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic --history "$h" \
	-o "$tmp/b2" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect --history, a newer night" "$rc" 0
cat "$tmp/out"
grep -qF "rust=1.66: good (pass), from $h: run newer" "$tmp/out" || fail "1.66 from the newer run: $(cat "$tmp/out")"
grep -qF "rust=1.67: bad (fail at load" "$tmp/out" || fail "1.67: $(cat "$tmp/out")"
grep -q "^first bad: rust=1.67: fail at load" "$tmp/out" || fail "first bad: $(cat "$tmp/out")"
# --from comes first: the full run's 1.66 fails.
"$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic --history "$h" --from "$tmp/full" \
	-o "$tmp/b3" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect --from and --history" "$rc" 0
grep -q "^first bad: rust=1.66: fail at load" "$tmp/out" || fail "--from first: $(cat "$tmp/out")"

# recommend: the newest result of each cell; 1.66 passes in the newest night, so it is the newest all-pass value.
"$bin" recommend --history "$h" --axis rust --only probe=panic >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend --history" "$rc" 0
cat "$tmp/out"
grep -qF "emcompat recommend: 10 rust values from 2 runs (10 cells)" "$tmp/out" || fail "header: $(cat "$tmp/out")"
grep -qF "recommended: rust=1.66: its cell passes" "$tmp/out" || fail "recommended: $(cat "$tmp/out")"
"$bin" recommend "$tmp/full" --axis rust --only probe=panic >"$tmp/out" && rc=0 || rc=$?
grep -qF "recommended: rust=1.65" "$tmp/out" || fail "the full run alone: $(cat "$tmp/out")"
# A RUN named too counts by its start: the newer night still wins for 1.66.
EMCOMPAT_HISTORY=$h "$bin" recommend "$tmp/full" --axis rust --only probe=panic --json >"$tmp/out" && rc=0 || rc=$?
expect_eq "recommend RUN with \$EMCOMPAT_HISTORY" "$rc" 0
python3 - "$tmp/out" <<'PY' || fail "json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["recommended"] == "1.66" and r["cells"] == 10, r
v = {x["value"]: x for x in r["values"]}
assert v["1.64"]["pass"] == 1 and v["1.66"]["pass"] == 1 and v["1.67"]["fail"] == 1, v
PY

# A missing history is not made; a foreign file is refused and left as it was.
"$bin" recommend --history "$tmp/none.db" --axis rust 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "recommend, no such history" "$rc" 2
grep -qF "$tmp/none.db: no such history" "$tmp/err" || fail "missing: $(cat "$tmp/err")"
[[ ! -e $tmp/none.db ]] || fail "a reader made a history"
printf 'notes\n' >"$tmp/notes"
"$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic --history "$tmp/notes" \
	-o "$tmp/b4" --fake-toolchains "$fake" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "bisect, a foreign history" "$rc" 2
grep -qF "not an emcompat history" "$tmp/err" || fail "foreign: $(cat "$tmp/err")"
[[ $(cat "$tmp/notes") == notes ]] || fail "the foreign file was changed"
"$bin" history add "$tmp/empty.db" "$tmp/full" >/dev/null
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("delete from cells"); c.execute("delete from toolchains"); c.execute("delete from runs"); c.commit()' "$tmp/empty.db"
"$bin" recommend --history "$tmp/empty.db" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "recommend, an empty history" "$rc" 2
grep -qF "$tmp/empty.db: no run recorded" "$tmp/err" || fail "empty: $(cat "$tmp/err")"
ls "${TMPDIR:-/tmp}" | grep -q "^emcompat-history-" && fail "a temp dir was left"
finish
