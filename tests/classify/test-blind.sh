#!/usr/bin/env bash
# blind.sh hides a held-back case's name, the JSON under it and the test
# part's figures, passes everything else, and keeps the exit status.
set -uo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
held=$("$dir/run-corpus.sh" --split "$dir" | awk '$1 == "test" { print $2; exit }')
tuned=$("$dir/run-corpus.sh" --split "$dir" | awk '$1 == "tune" { print $2; exit }')
out=$("$dir/blind.sh" bash -c 'printf "%s\n" "FAIL $1 (test): class x" "     {\"class\":\"x\"}" "$1: classified as x" \
	"FAIL $2 (tune): class y" "     {\"class\":\"y\"}" "  fam   tune  1/2   test  0/1" \
	"test part: 9 cases, 8 right" "tune part: 9 cases, 9 right" \
	"tune part by the thread'"'"'s cause: 9 right" "test part by the thread'"'"'s cause: 7 right"; exit 3' _ "$held" "$tuned")
rc=$?
fail=0
check() { grep -qxF -- "$1" <<<"$out" || { echo "missing: $1" >&2; fail=1; }; }
check "[a held-back case]"
check "FAIL $tuned (tune): class y"
check '     {"class":"y"}'
check "test part: [held back]"
check "tune part: 9 cases, 9 right"
check "tune part by the thread's cause: 9 right"
check "test part by the thread's cause: [held back]"
check "  fam   tune  1/2"
if grep -qF -e "$held" -e '"class":"x"' -e "0/1" -e "8 right" -e "7 right" <<<"$out"; then
	echo "blind.sh let held-back text through:" >&2
	echo "$out" >&2
	fail=1
fi
[[ $rc == 3 ]] || { echo "exit status $rc, expected 3" >&2; fail=1; }
exit $fail
