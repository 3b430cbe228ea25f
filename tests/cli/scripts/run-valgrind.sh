#!/usr/bin/env bash
# valgrind memcheck over a small run (fake toolchains: the runner's own
# code, every child spawned, journaled, classified and reported) and over
# plan, classify and inspect: no invalid access, no use of uninitialised
# memory, no definite leak, no fd left open. Skipped (77) without valgrind
# and in sanitizer builds.
source "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null || { echo "valgrind not installed: skipped"; exit 77; }
# A sanitizer build checks memory itself, and cannot run under valgrind.
if ldd "$bin" | grep 'lib[at]san' >/dev/null; then echo "a sanitizer build: skipped"; exit 77; fi
src_data=$src/tests/cli/data

# vg NAME WANT_EXIT ARGS...: runs emcompat under memcheck.
vg() {
	local name=$1 want=$2 rc
	shift 2
	valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --track-fds=yes --log-file="$tmp/$name.vg" \
		"$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null && rc=0 || rc=$?
	expect_eq "$name: exit" "$rc" "$want"
	grep -q "ERROR SUMMARY: 0 errors" "$tmp/$name.vg" || fail "$name: memcheck: $(grep -A12 'Invalid\|uninitialised\|definitely lost' "$tmp/$name.vg" | head -30)"
	# Descriptors open at exit that the runner opened itself (not inherited).
	local leaked
	leaked=$(awk '/Open file descriptor/ { fd = $0; getline; if ($0 !~ /inherited from parent/) print fd }' "$tmp/$name.vg")
	[[ -z $leaked ]] || fail "$name: descriptors left open: $leaked"
}

vg run 1 run "$src_data/fake-mixed.json" -o "$tmp/r" --fake-toolchains "$fake" -j 2 -q
cat >"$tmp/faults.json" <<'JSON'
{"axes":{"rust":["1.63"],"probe":["add"],"loader":["emcc-main"],"behave":["crash-compile","daemon-compile"]}}
JSON
vg faults 1 run "$tmp/faults.json" -o "$tmp/f" --fake-toolchains "$fake" -q
vg resume 1 run "$src_data/fake-mixed.json" -o "$tmp/r" --fake-toolchains "$fake" -j 2 -q --resume
vg plan 0 plan --json
vg classify 0 classify --json "$src/tests/classify/lib_rmeta_whole_archive--rust-92738.log"
vg inspect 0 inspect --json --against "$src/tests/fuzz/corpus/wasm/emcc605-main.wasm" "$src/tests/fuzz/corpus/wasm/emcc605-side.wasm"
vg bad-matrix 2 plan "$src/tests/fuzz/corpus/matrix/regress-utf8-char-at-end.json"
finish
