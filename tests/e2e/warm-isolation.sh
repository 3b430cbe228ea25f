#!/usr/bin/env bash
# The warm Pyodide runtime (matrix/loaders/README.md, "Warm runtime") on real
# toolchains: a cell that fails in the warm runtime but passes alone is a
# pass, decided by the fresh process, which says so; a cell that fails alone
# fails the same way whether or not a warm runtime answered first; modules
# exporting the same names load one after another in one runtime.
# Side modules come from tests/e2e/small.json's nodes (cached after
# run-small.sh; built here otherwise).
#
#   warm-isolation.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" run "$here/small.json" -o "$tmp/run" -j 2 -q --only loader=pyodide-0.26.4 --only rust=1.96 \
	>"$tmp/out" 2>&1 || true
# A cell's one-shot command: the harness line of its stage log.
command_of() {
	local log
	log=$(grep -l -- "--probe .*/probes/$2/probe.json" "$tmp/run/logs/$1"-*.stdout.log | head -1)
	[[ -n $log ]] || fail "no $1 log for probe $2"
	grep '^\$ .*harness.mjs' "$log" | head -1 | cut -c3-
}
read -ra add_run <<<"$(command_of run add)"
read -ra i64_run <<<"$(command_of run i64)"
read -ra panic_load <<<"$(command_of load panic)"
node=${add_run[0]} harness=${add_run[1]}
index_url=$(printf '%s\n' "${add_run[@]}" | grep -A1 -- --index-url | tail -1)

start_server() {  # start_server [ENV=VALUE]
	rm -f "$tmp/s.sock"
	env "$@" "$node" "$harness" --serve "$tmp/s.sock" --loader pyodide --index-url "$index_url" \
		>"$tmp/server.log" 2>&1 &
	server=$!
	for _ in $(seq 300); do [[ -S $tmp/s.sock ]] && return; sleep 0.1; done
	cat "$tmp/server.log"; fail "the warm server did not come up"
}
stop_server() { kill $server; wait $server 2>/dev/null || true; server=; }
cell() {  # cell NAME CMD...: runs it against the server; sets rc
	EMCOMPAT_HARNESS_SOCKET=$tmp/s.sock "${@:2}" >"$tmp/$1.out" 2>"$tmp/$1.err" && rc=0 || rc=$?
}
summary() { grep '"summary"' "$tmp/$1.out"; }

# Fails in the warm runtime, passes alone: recorded as a pass, with the note.
start_server EMCOMPAT_HARNESS_WARM_FAIL=1
cell seam "${add_run[@]}"
[[ $rc -eq 0 ]] || fail "add with a failing warm runtime: exit $rc, expected 0 (decided alone)"
grep -q 'failed in the warm runtime (.*exit 1: .*); re-running alone in a fresh process' "$tmp/seam.err" ||
	fail "no note that the fresh process decided: $(cat "$tmp/seam.err")"
summary seam | grep '"runtime":"fresh","warm_exit":1' >/dev/null || fail "summary: $(summary seam)"
stop_server

# A healthy warm runtime decides passes, for modules with clashing names too.
start_server
for probe in add i64 add; do
	[[ $probe == add ]] && cmd=("${add_run[@]}") || cmd=("${i64_run[@]}")
	cell warm "${cmd[@]}"
	[[ $rc -eq 0 ]] || fail "$probe in the warm runtime: exit $rc: $(cat "$tmp/warm.err")"
	grep -q 'decided in the warm runtime' "$tmp/warm.err" || fail "$probe: not decided warm"
	summary warm | grep '"runtime":"warm"' >/dev/null || fail "$probe summary: $(summary warm)"
done

# A real failure is re-run alone and recorded as the one-shot run records it.
"${panic_load[@]}" >"$tmp/oneshot.out" 2>"$tmp/oneshot.err" && want=0 || want=$?
cell panic "${panic_load[@]}"
[[ $rc -eq $want && $want -eq 3 ]] || fail "panic load: exit $rc warm, $want one-shot, expected 3"
[[ $(tail -1 "$tmp/panic.err") == "$(tail -1 "$tmp/oneshot.err")" ]] ||
	fail "panic load's last stderr line differs: $(tail -1 "$tmp/panic.err")"
grep -q 'failed in the warm runtime' "$tmp/panic.err" || fail "panic: no warm attempt noted"
diff <(grep -v summary "$tmp/panic.out") <(grep -v summary "$tmp/oneshot.out") >/dev/null ||
	fail "panic load's check lines differ from the one-shot run's"
stop_server
echo "warm-isolation: ok"
