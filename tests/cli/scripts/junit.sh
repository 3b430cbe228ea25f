#!/usr/bin/env bash
# junit.xml from a fake run: valid against reports/junit.xsd and the Jenkins
# junit-4.xsd (xmllint; tests/cli/junit/upstream-xsd.sh fetches that) and
# read by a real JUnit consumer (junitparser from PyPI, set up by
# tests/cli/junit/setup-venv.sh) with the counts of the run; then every
# status and a regression against a baseline, through `emcompat report`.
source "$(dirname "$0")/lib.sh" "$1"
py=$("$src/tests/cli/junit/setup-venv.sh") || { echo "FAIL: cannot set up the junitparser venv"; exit 1; }
consumer() { "$py" "$src/tests/cli/junit/counts.py" "$1"; }
# The Jenkins schema itself too, where cargo can fetch it (77: no cargo).
rc=0
upstream=$("$src/tests/cli/junit/upstream-xsd.sh") || rc=$?
case $rc in
0) ;;
77) echo "note: no cargo: junit.xml is not checked against the upstream Jenkins schema" ;;
*) fail "cannot fetch the upstream Jenkins schema" ;;
esac
# junit-4.xsd predates the message attribute of <skipped> (the Ant schema and
# Jenkins' junit-10.xsd allow it): that one attribute is taken out for it.
validate() {
	xmllint --noout --schema "$src/reports/junit.xsd" "$1" >"$tmp/xmllint" 2>&1 ||
		fail "$1 does not validate against reports/junit.xsd: $(head -5 "$tmp/xmllint")"
	[[ -n $upstream ]] || return 0
	sed -E 's/<skipped message="[^"]*"/<skipped/' "$1" >"$tmp/junit-4.xml"
	xmllint --noout --schema "$upstream" "$tmp/junit-4.xml" >"$tmp/xmllint" 2>&1 ||
		fail "$1 does not validate against $upstream: $(head -5 "$tmp/xmllint")"
}

"$bin" run "$src/tests/cli/data/fake-mixed.json" -o "$tmp/run" --fake-toolchains "$fake" -j 2 --retries 1 >"$tmp/out" 2>&1 || true
grep -q '4 pass 8 fail 4 flaky' "$tmp/out" || fail "fake run outcome: $(tail -2 "$tmp/out")"
junit=$tmp/run/junit.xml
[[ -f $junit ]] || fail "run wrote no junit.xml"
validate "$junit"
consumer "$junit" >"$tmp/seen" || fail "junitparser cannot read junit.xml: $(tail -3 "$tmp/seen")"
grep -qx 'suites=1 tests=16 failures=8 errors=0 skipped=0' "$tmp/seen" || fail "consumer counts: $(cat "$tmp/seen")"
grep -qx 'suite add: flaky 4' "$tmp/seen" || fail "flaky cells not listed: $(cat "$tmp/seen")"
grep -q 'declares' "$tmp/seen" && fail "declared counts differ from the testcases: $(grep declares "$tmp/seen")"
grep -qx 'case rust=1.63,emscripten=3.1.6,probe=add,loader=emcc-main,behave=fail-link Failure type=lib_rmeta_whole_archive message=Rust metadata .*' "$tmp/seen" ||
	fail "fail-link cell's failure: $(grep fail-link "$tmp/seen" | head -1)"

# Every status: four passing cells become error, blocked, skipped and a
# timeout; against the original run the timeout is a regression.
mkdir "$tmp/base"
cp "$tmp/run/results.json" "$tmp/base/results.json"
python3 - "$tmp/run/results.json" <<'PY'
import json, sys
path = sys.argv[1]
r = json.load(open(path))
ok = [c for c in r["cells"] if c["status"] == "pass"]
for c, status, summary in zip(ok, ["error", "blocked", "skipped", "timeout"],
                              ["rust 9.99 is not installed", "blocked by std", "not reached", "timed out after 60 s"]):
    c["status"], c["stage"], c["summary"] = status, "run", summary
ok[3]["class"] = "timeout"
json.dump(r, open(path, "w"))
print(ok[3]["id"], file=open(path + ".timeout", "w"))
PY
read -r timeout_cell <"$tmp/run/results.json.timeout"
"$bin" report "$tmp/run" --baseline "$tmp/base" >"$tmp/out" 2>&1
expect_eq "report --baseline exit" $? 0
grep -q 'reports in .*/run: .*junit.xml' "$tmp/out" || fail "report does not name junit.xml: $(cat "$tmp/out")"
validate "$junit"
consumer "$junit" >"$tmp/seen" || fail "junitparser cannot read junit.xml: $(tail -3 "$tmp/seen")"
grep -qx 'suites=1 tests=16 failures=9 errors=1 skipped=2' "$tmp/seen" || fail "consumer counts: $(cat "$tmp/seen")"
grep -qxF "case $timeout_cell Failure type=timeout message=regressed since the baseline (was pass): timed out after 60 s" "$tmp/seen" ||
	fail "the regressed timeout: $(grep "$timeout_cell" "$tmp/seen")"
grep -qx 'case .* Error type=error message=rust 9.99 is not installed' "$tmp/seen" || fail "the error cell: $(grep Error "$tmp/seen")"
grep -qx 'case .* Skipped type=None message=blocked: blocked by std' "$tmp/seen" || fail "the blocked cell: $(grep Skipped "$tmp/seen")"
grep -qx 'case .* Skipped type=None message=skipped: not reached' "$tmp/seen" || fail "the skipped cell: $(grep Skipped "$tmp/seen")"
grep -q 'declares' "$tmp/seen" && fail "declared counts differ from the testcases: $(grep declares "$tmp/seen")"
finish
