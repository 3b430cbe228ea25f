#!/usr/bin/env bash
# Classifies every case of the corpus with the emcompat binary, as a user
# would (emcompat classify --json --stage S --axis K=V... FILE), and checks
# the class and the exit code (0 for a class or none, 1 for unclassified).
#
#   run-corpus.sh EMCOMPAT [DIR]      DIR defaults to this script's directory
#
# A case file starts with "# key: value" lines (source, stage, expect, and
# optionally axes, findings, line, note), then the log excerpt.
set -uo pipefail
bin=$1
dir=${2:-$(cd "$(dirname "$0")" && pwd)}
pass=0 fail=0
for f in "$dir"/*.log; do
	stage=$(sed -n 's/^# stage: //p' "$f" | head -1)
	expect=$(sed -n 's/^# expect: //p' "$f" | head -1)
	axes=$(sed -n 's/^# axes: //p' "$f" | head -1)
	findings=$(sed -n 's/^# findings: //p' "$f" | head -1)
	args=(classify --json)
	[[ -n $stage && $stage != any ]] && args+=(--stage "$stage")
	IFS=, read -r -a kvs <<<"$axes"
	for kv in "${kvs[@]}"; do args+=(--axis "$kv"); done
	IFS=, read -r -a fs <<<"$findings"
	for x in "${fs[@]}"; do args+=(--finding "$x"); done
	out=$("$bin" "${args[@]}" "$f" 2>&1)
	rc=$?
	got=$(grep -o '"class":"[^"]*"' <<<"$out" | head -1 | sed 's/"class":"\(.*\)"/\1/')
	want_rc=0
	[[ $expect == unclassified ]] && want_rc=1
	if [[ $got == "$expect" && $rc == "$want_rc" ]]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $(basename "$f"): class '$got' exit $rc, expected '$expect' exit $want_rc"
		echo "     $out" | head -c 600
		echo
	fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
