#!/usr/bin/env bash
# Runs one libFuzzer binary for a while over its seed corpus, with new
# inputs in a scratch dir (the committed corpus stays as it is), and prints
# how many inputs it ran. A crash leaves its input in the current directory
# (crash-<sha1>): add it to tests/fuzz/corpus/<target>/ with the fix.
#
#   run-fuzzer.sh FUZZER SECONDS DICT CORPUS [MORE_SEEDS...]
set -euo pipefail
fuzzer=$1 seconds=$2 dict=$3
shift 3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dict_arg=()
[[ -f $dict ]] && dict_arg=(-dict="$dict")
"$fuzzer" "${dict_arg[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
	-max_len=65536 -print_final_stats=1 "$scratch" "$@" 2>"$scratch.log" && rc=0 || rc=$?
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$scratch.log" || true
if ((rc != 0)); then
	tail -60 "$scratch.log"
	rm -f "$scratch.log"
	exit "$rc"
fi
rm -f "$scratch.log"
