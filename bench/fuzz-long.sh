#!/usr/bin/env bash
# The long fuzz runs: builds the libFuzzer targets with clang into
# build-fuzz and runs each for SECONDS (default 600), one after another,
# printing executions per target. New corpus inputs and crash inputs go to
# build-fuzz/fuzz-long/<target>/; a crash stops with its input named (add it
# to tests/fuzz/corpus/<target>/ with the fix).
#
#   bench/fuzz-long.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(wasm matrix signatures journal logs results)
BUILD_DIR=build-fuzz CMAKE_ARGS="-DCMAKE_C_COMPILER=clang" scripts/build.sh
for t in "${targets[@]}"; do
	out=build-fuzz/fuzz-long/$t
	mkdir -p "$out/corpus"
	seeds=(tests/fuzz/corpus/"$t")
	[[ $t == wasm ]] && seeds+=(tests/wasm)
	dict=()
	[[ -f tests/fuzz/$t.dict ]] && dict=(-dict=tests/fuzz/$t.dict)
	echo "== fuzz_$t, $seconds s"
	(cd "$out" && ../../tests/fuzz_"$t" "${dict[@]/#-dict=/-dict=../../../}" -max_total_time="$seconds" \
		-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix=./ \
		corpus "${seeds[@]/#/../../../}" 2>log) ||
		{ tail -40 "$out/log"; echo "fuzz_$t: crashed, input in $out"; exit 1; }
	grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$out/log"
done
