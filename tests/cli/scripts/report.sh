#!/usr/bin/env bash
# Reports from a finished run: summary.md from a fake run, the same again
# through `emcompat report`, marked against a baseline where one cell
# regressed and one was fixed, and a malformed results.json refused with
# its position.
source "$(dirname "$0")/lib.sh" "$1"

"$bin" run "$src/tests/cli/data/fake-mixed.json" -o "$tmp/run" --fake-toolchains "$fake" -j 2 >"$tmp/out" 2>&1 || true
grep -q 'reports: .*/run/report.html, junit.xml, summary.md' "$tmp/out" || fail "run does not say where the reports are: $(tail -2 "$tmp/out")"
summary=$tmp/run/summary.md
[[ -f $summary ]] || fail "run wrote no summary.md"
grep -q '^## emcompat: .* — 16 cells: 4 pass, 12 fail$' "$summary" || fail "summary headline: $(head -1 "$summary")"
grep -q '^| `lib_rmeta_whole_archive` | ' "$summary" || fail "summary lacks the lib_rmeta_whole_archive class row"
grep -q '^| 1.63 |' "$summary" || fail "summary lacks the grid row for rust 1.63"
grep -q 'Against the baseline' "$summary" && fail "a run without a baseline mentions one"

# A baseline in which a failing cell passed and a passing cell failed.
mkdir "$tmp/base"
python3 - "$tmp/run/results.json" "$tmp/base/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
failing = next(c for c in r["cells"] if c["status"] == "fail")
passing = next(c for c in r["cells"] if c["status"] == "pass")
failing["status"] = "pass"
for k in ("class", "stage", "lines"):
    failing.pop(k, None)
passing["status"] = "fail"
passing["class"] = "unclassified"
json.dump(r, open(sys.argv[2], "w"))
print(failing["id"], passing["id"], file=open(sys.argv[2] + ".ids", "w"))
PY
read -r regressed fixed <"$tmp/base/results.json.ids"
"$bin" report "$tmp/run" --baseline "$tmp/base" >"$tmp/out" 2>&1
expect_eq "report --baseline exit" $? 0
grep -q '1 cells regressed' "$tmp/out" || fail "report does not count the regression: $(cat "$tmp/out")"
grep -q '^1 regressed · 1 fixed · 0 changed · 11 still-failing · 3 unchanged · 0 new · 0 removed' "$summary" ||
	fail "baseline counts: $(grep -A2 'Against the baseline' "$summary")"
grep -qF "| regressed | \`$regressed\` | pass | fail |" "$summary" || fail "regressed cell $regressed not listed"
grep -qF "| fixed | \`$fixed\` | fail | pass |" "$summary" || fail "fixed cell $fixed not listed"

# Malformed results: the position and exit 2, and nothing written.
mkdir "$tmp/bad"
printf '{"schema":"emcompat-results/1",\n "run":{"id":"x"},\n "cells":[{"id":"a","axes":{},"status":"great"}]}\n' >"$tmp/bad/results.json"
rc=0
"$bin" report "$tmp/bad" >"$tmp/out" 2>&1 || rc=$?
expect_eq "malformed results exit" "$rc" 2
grep -q 'bad/results.json:3:31: unknown status "great"' "$tmp/out" || fail "malformed results message: $(cat "$tmp/out")"
[[ -e $tmp/bad/summary.md ]] && fail "summary.md written for malformed results"
rc=0
"$bin" report "$tmp/nothing" >"$tmp/out" 2>&1 || rc=$?
expect_eq "missing run exit" "$rc" 2
finish
