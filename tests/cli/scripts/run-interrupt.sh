#!/usr/bin/env bash
# SIGINT and SIGTERM: every child group is killed, finished nodes stay in the
# journal, exit 130/143 with the resume command; a second SIGINT exits at once
# even while a child ignores SIGTERM.
source "$(dirname "$0")/lib.sh"
cat >"$tmp/m.json" <<'JSON'
{"axes":{"rust":["1.63","1.96"],"probe":["add"],"behave":["hang-compile"]}}
JSON
cat >"$tmp/stubborn.json" <<'JSON'
{"axes":{"rust":["1.63"],"probe":["add"],"behave":["stubborn-compile"]}}
JSON

# grandchild_pids DIR: the pids the hanging stages wrote.
grandchild_pids() { cat "$1"/nodes/compile-*/grandchild.pid 2>/dev/null || true; }
two_hanging() { [[ $(grandchild_pids "$1" | wc -l) -eq 2 ]]; }

for sig in INT TERM; do
	out=$tmp/$sig
	"$bin" run "$tmp/m.json" -o "$out" --fake-toolchains "$fake" -j 2 -q 2>"$tmp/$sig.err" &
	pid=$!
	wait_for 20 two_hanging "$out" || fail "$sig: the hanging stages did not start"
	kill -"$sig" "$pid"
	wait "$pid" && rc=0 || rc=$?
	expect_eq "exit after SIG$sig" "$rc" "$([[ $sig == INT ]] && echo 130 || echo 143)"
	grep -q "interrupted by SIG$sig" "$tmp/$sig.err" || fail "$sig: no 'interrupted' message"
	grep -q -- "--resume -o $out" "$tmp/$sig.err" || fail "$sig: no resume command"
	expect_eq "$sig: std nodes journaled" "$(grep -c '"stage":"std","status":"pass"' "$out/journal.jsonl")" 2
	grep -q '"stage":"compile"' "$out/journal.jsonl" && fail "$sig: an interrupted node was journaled"
	for gc in $(grandchild_pids "$out"); do
		wait_for 5 gone "$gc" || fail "$sig: grandchild $gc outlived the run"
	done
done

# A second SIGINT does not wait for the grace period of a child ignoring SIGTERM.
out=$tmp/twice
EMCOMPAT_KILL_GRACE=30 "$bin" run "$tmp/stubborn.json" -o "$out" --fake-toolchains "$fake" -q 2>/dev/null &
pid=$!
one_hanging() { [[ -n $(grandchild_pids "$out") ]]; }
wait_for 20 one_hanging || fail "the stubborn stage did not start"
start=$(date +%s)
kill -INT "$pid"
sleep 0.3
kill -INT "$pid"
wait "$pid" && rc=0 || rc=$?
expect_eq "exit after two SIGINTs" "$rc" 130
(($(date +%s) - start < 10)) || fail "the second SIGINT did not exit at once"
for gc in $(grandchild_pids "$out"); do
	wait_for 5 gone "$gc" || fail "grandchild $gc outlived the second SIGINT"
done
finish
