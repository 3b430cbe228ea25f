#!/usr/bin/env bash
# The history of runs: a week of synthetic nights (a Rust nightly with a new
# identity each night) read back as failing since, the changed identity and
# the commands that narrow it, flaky across nights; runs and merges recorded
# with --history; foreign and corrupt files refused and left as they were;
# two writers at once; a writer killed with SIGKILL mid-write, then a clean
# read.
source "$(dirname "$0")/lib.sh"

# history-nights.py OUT FIRST COUNT CELLS: COUNT nights of one matrix from night FIRST,
# the first four cells as the README's week, then CELLS-4 cells that pass.
nights() { python3 "$src/tests/cli/data/history-nights.py" "$@"; }
nights "$tmp/n" 0 7 6

h=$tmp/h.db
"$bin" history add "$h" "$tmp"/n/night-{0..6} >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "history add" "$rc" 0
grep -qF "recorded $tmp/n/night-6" "$tmp/out" || fail "add: $(cat "$tmp/out")"
"$bin" history add "$h" "$tmp/n/night-3/results.json" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "history add again" "$rc" 0
grep -qF "already recorded: $tmp/n/night-3/results.json" "$tmp/out" || fail "idempotent: $(cat "$tmp/out")"

"$bin" history "$h" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "history" "$rc" 1
cat "$tmp/out"
for want in \
	'emcompat history: matrix nightly.json ("nightly"), 7 of 7 recorded runs shown (2026-11-20 to 2026-11-26)' \
	'PPPPFFF  rust=nightly,probe=panic: fail at load: wasm_eh_tag_missing: tag import requires a WebAssembly.Tag' \
	'failing since 2026-11-24 (3 runs); last passed 2026-11-23' \
	'changed between the last good run (2026-11-23, night-3) and the first bad one (2026-11-24, night-4):' \
	'rust nightly: rustc 1.97.0-nightly (abc0003 2026-11-22), LLVM 21.1.3' \
	'-> rustc 1.97.0-nightly (abc0004 2026-11-23), LLVM 21.1.4' \
	'narrow it: emcompat fetch rust nightly-2026-11-23 nightly-2026-11-24' \
	'emcompat bisect nightly.json --axis rust --good nightly-2026-11-23 --bad nightly-2026-11-24 --cell rust=nightly,probe=panic' \
	'FFFFFFF  rust=1.96,probe=old: fail at load' \
	'failing since 2026-11-20 (7 runs); never passed in the 7 recorded runs' \
	'PFPFPFP  rust=1.96,probe=flip: pass' \
	'flaky across nights: 6 flips in 7 runs with none of its toolchains changed' \
	'3 cells passed in every run shown (--all shows them)'; do
	grep -qF -- "$want" "$tmp/out" || fail "history lacks: $want"
done

"$bin" history "$h" --last 3 --only probe=panic --json >"$tmp/out" && rc=0 || rc=$?
expect_eq "history --json" "$rc" 1
python3 - "$tmp/out" <<'PY' || fail "json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["name"] == "nightly" and r["recorded_runs"] == 7, r
assert [x["id"] for x in r["runs"]] == ["night-4", "night-5", "night-6"], r["runs"]
[c] = r["cells"]
assert c["id"] == "rust=nightly,probe=panic" and c["statuses"] == ["fail"] * 3, c
assert c["failing_runs"] == 3 and c["failing_since"]["id"] == "night-4", c
assert c["last_passed"]["id"] == "night-3" and c["first_bad"]["id"] == "night-4", c
assert c["flaky_across_nights"] is False, c
[ch] = c["changed"]
assert ch["axis"] == "rust" and ch["version"] == "nightly", ch
assert ch["good_value"] == "nightly-2026-11-23" and ch["bad_value"] == "nightly-2026-11-24", ch
assert "abc0003" in ch["good"] and "abc0004" in ch["bad"], ch
PY

"$bin" history "$h" --cell rust=nightly,probe=add >"$tmp/out" && rc=0 || rc=$?
expect_eq "history --cell" "$rc" 0
grep -qF "PPPPPPP  rust=nightly,probe=add: pass" "$tmp/out" || fail "--cell: $(cat "$tmp/out")"
EMCOMPAT_HISTORY=$h "$bin" history --cell nope=1 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "unknown cell" "$rc" 2
grep -qF "cell nope=1 is in no recorded run" "$tmp/err" || fail "unknown cell: $(cat "$tmp/err")"
"$bin" history 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "no file" "$rc" 2

# run --history and merge --history record fake runs; a shard's run alone is refused.
m=$src/tests/cli/data/fake-mixed.json
"$bin" run "$m" -o "$tmp/r1" --fake-toolchains "$fake" -q --history "$tmp/runs.db" >"$tmp/out" && rc=0 || rc=$?
expect_eq "run --history" "$rc" 1
grep -qF "emcompat: recorded in history $tmp/runs.db" "$tmp/out" || fail "run --history: $(cat "$tmp/out")"
EMCOMPAT_HISTORY=$tmp/runs.db "$bin" run "$m" -o "$tmp/r2" --fake-toolchains "$fake" -q >"$tmp/out" && rc=0 || rc=$?
expect_eq "run with EMCOMPAT_HISTORY" "$rc" 1
grep -qF "emcompat: recorded in history $tmp/runs.db" "$tmp/out" || fail "run env: $(cat "$tmp/out")"
for i in 1 2; do
	"$bin" run "$m" --shard $i/2 -o "$tmp/s$i" --fake-toolchains "$fake" -q >/dev/null || true
done
"$bin" history add "$tmp/runs.db" "$tmp/s1" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "a shard alone" "$rc" 2
grep -qF "record the merged run" "$tmp/err" || fail "shard: $(cat "$tmp/err")"
"$bin" merge -o "$tmp/merged" --history "$tmp/runs.db" "$tmp/s1" "$tmp/s2" >"$tmp/out" && rc=0 || rc=$?
expect_eq "merge --history" "$rc" 1
grep -qF "emcompat: recorded in history $tmp/runs.db" "$tmp/out" || fail "merge --history: $(cat "$tmp/out")"
"$bin" history "$tmp/runs.db" --json >"$tmp/out" && rc=0 || rc=$?
expect_eq "history of fake runs" "$rc" 1
python3 - "$tmp/out" <<'PY' || fail "fake runs json: $(cat "$tmp/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["name"] == "fake-mixed" and len(r["runs"]) == 3, r["runs"]
fails = [c for c in r["cells"] if c["status"] == "fail"]
assert fails and all(c["failing_runs"] == 3 and c["last_passed"] is None for c in fails), fails
PY

# With a history and no --baseline, a run is compared with the last recorded run of its matrix.
python3 - "$tmp/r1/results.json" "$tmp/older" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
r["run"]["id"] = "older"
r["run"]["started"] = "2026-01-01T00:00:00Z"
c = next(c for c in r["cells"] if c["status"] == "fail")
c["status"] = "pass"
c.pop("class"), c.pop("stage")
os.makedirs(sys.argv[2])
json.dump(r, open(sys.argv[2] + "/results.json", "w"))
print(c["id"], file=open(sys.argv[2] + "/cell", "w"))
PY
"$bin" history add "$tmp/base.db" "$tmp/older" >/dev/null
"$bin" run "$m" -o "$tmp/r4" --fake-toolchains "$fake" --history "$tmp/base.db" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "run against the history's last run" "$rc" 1
grep -qF "diff: the last recorded run older (2026-01-01) in $tmp/base.db (16 cells) -> $tmp/r4" "$tmp/out" || fail "diff line: $(cat "$tmp/out")"
grep -qF "  $(cat "$tmp/older/cell")  pass -> fail" "$tmp/out" || fail "regression: $(cat "$tmp/out")"
grep -qF 'regressed · 0 fixed' "$tmp/r4/summary.md" || fail "summary.md: $(cat "$tmp/r4/summary.md")"
grep -qF "### Changed since last night: \`the last recorded run older (2026-01-01) in $tmp/base.db\`" "$tmp/r4/summary.md" ||
	fail "summary.md baseline: $(grep -F '###' "$tmp/r4/summary.md")"
ls "${TMPDIR:-/tmp}" | grep -q "^emcompat-baseline-" && fail "a baseline temp dir was left"
# reports DIR DAY RUNS REGRESSED [NEWER...]: the reports of DIR say "since last night" and "still
# failing since DAY (RUNS runs)" for the cells failing in the history's last run and now (but the
# NEWER ones, which started failing later), REGRESSED (or "") regressed since it.
reports() {
	python3 - "$@" <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
d, day, runs, regressed, newer = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
cells = json.load(open(d + "/results.json"))["cells"]
still = [c["id"] for c in cells if c["status"] == "fail" and c["id"] != regressed and c["id"] not in newer]
assert still, cells
md = open(d + "/summary.md").read()
assert "### Still failing\n\n%d cells failed in the last recorded run too" % (len(still) + len(newer)) in md, md
for i in still:
    assert re.search(r"\| `%s` \| %s \| %s \| fail \|" % (re.escape(i), day, runs), md), (i, md)
cases = {t.get("name"): t for t in ET.parse(d + "/junit.xml").iter("testcase")}
out = "".join(s.text or "" for s in ET.parse(d + "/junit.xml").iter("system-out"))
for i in still:
    f = cases[i].find("failure")
    assert f.get("message").startswith("still failing since %s (%s runs): " % (day, runs)), f.get("message")
    assert "still failing since %s" % day in f.text and "the first failing run recorded" in f.text, f.text
    assert "still failing since %s (%s runs): %s\n" % (day, runs, i) in out, out
if regressed:
    assert cases[regressed].find("failure").get("message").startswith("regressed since last night (was pass): ")
    assert "regressed since last night: %s (was pass, now fail)" % regressed in out, out
html = open(d + "/report.html").read()
data = json.loads(re.search(r'id="emcompat-data">(.*?)</script>', html, re.S).group(1))
assert data["baseline"]["night"] is True, data["baseline"]
assert sorted(data["nights"]["failing"]) == sorted(still + newer), data["nights"]["failing"]
assert all(data["nights"]["failing"][i]["since"][:10] == day and data["nights"]["failing"][i]["runs"] == int(runs) - 1
           for i in still)
PY
}
reports "$tmp/r4" 2026-01-01 2 "$(cat "$tmp/older/cell")" || fail "the reports of a run against the history"

# merge --history: the merged run is compared with the last recorded run of the matrix too.
python3 - "$tmp/older/results.json" "$tmp/older2" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
r["run"]["id"] = "older2"
os.makedirs(sys.argv[2])
json.dump(r, open(sys.argv[2] + "/results.json", "w"))
PY
"$bin" history add "$tmp/merge.db" "$tmp/older2" >/dev/null
"$bin" merge -o "$tmp/merged2" --history "$tmp/merge.db" "$tmp/s1" "$tmp/s2" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "merge against the history's last run" "$rc" 1
grep -qF "diff: the last recorded run older2 (2026-01-01) in $tmp/merge.db (16 cells) -> $tmp/merged2" "$tmp/out" ||
	fail "merge diff line: $(cat "$tmp/out")"
grep -qF "  $(cat "$tmp/older/cell")  pass -> fail" "$tmp/out" || fail "merge regression: $(cat "$tmp/out")"
grep -qF "emcompat: recorded in history $tmp/merge.db" "$tmp/out" || fail "merge record: $(cat "$tmp/out")"
grep -qF "### Changed since last night: \`the last recorded run older2 (2026-01-01) in $tmp/merge.db\`" \
	"$tmp/merged2/summary.md" || fail "merged summary.md: $(grep -F '###' "$tmp/merged2/summary.md")"
reports "$tmp/merged2" 2026-01-01 2 "$(cat "$tmp/older/cell")" || fail "the reports of a merge against the history"
# The next merge: nothing regressed since the last one; the streaks go on.
"$bin" merge -o "$tmp/merged3" --history "$tmp/merge.db" "$tmp/s1" "$tmp/s2" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "the next merge" "$rc" 1
grep -qF "emcompat: nothing regressed against the last recorded run " "$tmp/out" || fail "next merge: $(cat "$tmp/out")"
reports "$tmp/merged3" 2026-01-01 3 "" "$(cat "$tmp/older/cell")" || fail "the reports of the next merge"
day2=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["run"]["started"][:10])' "$tmp/merged2/results.json")
grep -qF "| \`$(cat "$tmp/older/cell")\` | $day2 | 2 | fail |" "$tmp/merged3/summary.md" ||
	fail "the streak of the cell regressed in the merge before: $(cat "$tmp/merged3/summary.md")"
ls "${TMPDIR:-/tmp}" | grep -q "^emcompat-baseline-" && fail "a baseline temp dir was left by merge"

# Foreign and corrupt files: exit 2, a message, the bytes as they were, nothing run.
printf 'not a database, just some notes of a night\n' >"$tmp/notes"
cp "$tmp/notes" "$tmp/notes.orig"
"$bin" run "$m" -o "$tmp/r3" --fake-toolchains "$fake" -q --history "$tmp/notes" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "run --history foreign" "$rc" 2
grep -qF "not an emcompat history (not an SQLite database): refused, left as it is" "$tmp/err" || fail "$(cat "$tmp/err")"
[[ ! -e $tmp/r3 ]] || fail "a run started with a foreign history"
cmp -s "$tmp/notes" "$tmp/notes.orig" || fail "the foreign file was changed"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); c.commit()' "$tmp/other.db"
cp "$tmp/other.db" "$tmp/other.orig"
"$bin" history add "$tmp/other.db" "$tmp/r1" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "history add to another application's database" "$rc" 2
grep -qF "an SQLite database of another application" "$tmp/err" || fail "$(cat "$tmp/err")"
cmp -s "$tmp/other.db" "$tmp/other.orig" || fail "another application's database was changed"
cp "$h" "$tmp/corrupt.db"
python3 -c '
import sys
with open(sys.argv[1], "r+b") as f:
    f.seek(4096)
    f.write(b"\xa5" * 8192)' "$tmp/corrupt.db"
cp "$tmp/corrupt.db" "$tmp/corrupt.orig"
"$bin" history "$tmp/corrupt.db" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "corrupt history" "$rc" 2
grep -qF "not a usable emcompat history" "$tmp/err" || fail "corrupt: $(cat "$tmp/err")"
"$bin" history add "$tmp/corrupt.db" "$tmp/n/night-0" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "history add to a corrupt history" "$rc" 2
cmp -s "$tmp/corrupt.db" "$tmp/corrupt.orig" || fail "the corrupt history was changed"

ln -s "$h" "$tmp/link.db"
"$bin" history "$tmp/link.db" 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "a link to a history" "$rc" 2
grep -qF "not a regular file (a link?): refused" "$tmp/err" || fail "link: $(cat "$tmp/err")"

# runs FILE: how many runs it records, and whether each has all its cells.
runs() {
	python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
bad = db.execute("select r.run_id from runs r where r.cells != (select count(*) from cells c where c.run = r.id)").fetchall()
assert not bad, bad
print(db.execute("select count(*) from runs").fetchone()[0])
PY
}

# Two writers at once: the second waits for the first; both finish.
nights "$tmp/w" 0 40 500
"$bin" history add "$tmp/two.db" "$tmp"/w/night-{0..19} >/dev/null 2>"$tmp/err1" &
p1=$!
"$bin" history add "$tmp/two.db" "$tmp"/w/night-{20..39} >/dev/null 2>"$tmp/err2" &
p2=$!
wait $p1 && rc1=0 || rc1=$?
wait $p2 && rc2=0 || rc2=$?
expect_eq "first writer" "$rc1" 0
expect_eq "second writer" "$rc2" 0
expect_eq "runs of two writers" "$(runs "$tmp/two.db")" 40

# SIGKILL a writer mid-write: the runs committed before it are whole, the file reads cleanly.
nights "$tmp/k" 0 30 5000
"$bin" history add "$tmp/kill.db" "$tmp"/k/night-{0..29} >/dev/null 2>&1 &
pk=$!
# Some runs are in, more are being written: waiting for the first commit, not for a time, keeps a
# slow machine (a sanitizer build under load) from killing the writer before any run is in.
committed() {
	python3 - "$1" <<'PY'
import sqlite3, sys
try:
    db = sqlite3.connect(sys.argv[1], timeout=0.05)
    sys.exit(0 if db.execute("select count(*) from runs").fetchone()[0] >= 1 else 1)
except sqlite3.Error:
    sys.exit(1)
PY
}
wait_for 120 committed "$tmp/kill.db" || fail "no run committed"
kill -KILL $pk
wait $pk 2>/dev/null || true
n=$(runs "$tmp/kill.db") || fail "integrity after SIGKILL"
echo "runs recorded before SIGKILL: $n"
((n < 30)) || fail "the writer was not killed mid-write ($n runs)"
"$bin" history "$tmp/kill.db" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "history after SIGKILL" "$rc" 1
grep -qF "rust=1.96,probe=old" "$tmp/out" || fail "after SIGKILL: $(cat "$tmp/out")"
"$bin" history add "$tmp/kill.db" "$tmp"/k/night-{0..29} >/dev/null && rc=0 || rc=$?
expect_eq "adding again after SIGKILL" "$rc" 0
expect_eq "runs after adding again" "$(runs "$tmp/kill.db")" 30
finish
