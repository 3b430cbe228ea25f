#!/usr/bin/env bash
# Runs a command and hides from its output what it says about the held-back
# test part of the corpus, so that whoever tunes signatures can run the
# checks without seeing the cases they must not tune on:
#
#   tests/classify/blind.sh ctest --test-dir build -R "classify|evidence" --output-on-failure
#   tests/classify/blind.sh tests/classify/run-corpus.sh build/emcompat
#
# A line naming a test-part case (test_classify's and run-corpus.sh's failure
# lines, known-misses.txt's, a path ending in its name) becomes "[a held-back case]", and the indented
# JSON result run-corpus.sh prints under it goes; per-family and per-part
# test figures are blanked (tuning toward them is tuning on the test part).
# The command's exit status is kept: that the test part changed still shows.
set -uo pipefail
[[ $# -gt 0 ]] || {
	echo "usage: blind.sh COMMAND [ARG...]" >&2
	exit 2
}
dir=$(cd "$(dirname "$0")" && pwd)
names=$(mktemp)
trap 'rm -f "$names"' EXIT
"$dir/run-corpus.sh" --split "$dir" | awk '$1 == "test" { print $2 }' >"$names"

"$@" 2>&1 | awk -v names="$names" '
BEGIN { while ((getline n < names) > 0) held[n] = 1 }
{
	if (skip && $0 ~ /^     [{]/) { skip = 0; next }
	skip = 0
	for (i = 1; i <= NF; i++) {
		w = $i
		sub(/^.*\//, "", w)
		sub(/^[^A-Za-z0-9_]+/, "", w)
		sub(/:$/, "", w)
		if (w in held) { print "[a held-back case]"; skip = 1; next }
	}
	if ($0 ~ /^test part: /) { print "test part: [held back]"; next }
	if ($0 ~ /^test part by /) { sub(/: .*/, ": [held back]"); print; next }
	if ($0 ~ / tune +[0-9]+\/[0-9]+ +test +[0-9]+\/[0-9]+$/) sub(/ +test +[0-9]+\/[0-9]+$/, "")
	print
}'
exit "${PIPESTATUS[0]}"
