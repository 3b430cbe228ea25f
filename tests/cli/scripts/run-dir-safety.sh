#!/usr/bin/env bash
# A run directory is never overwritten by accident; a torn journal record
# (power loss mid-write) is ignored with a warning and nothing re-runs.
source "$(dirname "$0")/lib.sh"
cat >"$tmp/m.json" <<'JSON'
{"axes":{"rust":["1.63","1.96"],"probe":["add","i64"],"loader":["emcc-main"]}}
JSON
"$bin" run "$tmp/m.json" -o "$tmp/r" --fake-toolchains "$fake" -q && rc=0 || rc=$?
expect_eq "first run" "$rc" 0
cp "$tmp/r/results.json" "$tmp/first.json"

"$bin" run "$tmp/m.json" -o "$tmp/r" --fake-toolchains "$fake" -q 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "second run into the same dir" "$rc" 2
grep -q "already holds a run (journal.jsonl): add --resume" "$tmp/err" || fail "no clear refusal: $(cat "$tmp/err")"
cmp -s "$tmp/first.json" "$tmp/r/results.json" || fail "the refused run touched results.json"

printf '{"v":1,"node":"std-0000' >>"$tmp/r/journal.jsonl"
FAKE_TRACE=$tmp/trace "$bin" run "$tmp/m.json" -o "$tmp/r" --fake-toolchains "$fake" --resume -q 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "resume over a torn record" "$rc" 0
grep -q "warning: .*journal.jsonl: ignoring a torn last record" "$tmp/err" || fail "no torn-record warning: $(cat "$tmp/err")"
[[ ! -s $tmp/trace ]] || fail "resume of a finished run ran: $(cat "$tmp/trace")"
tail -c 1 "$tmp/r/journal.jsonl" | od -c | grep '\\n' >/dev/null || fail "the torn record was not cut"

# A garbled record in the middle is not guessed at: exit 2 with PATH:LINE.
sed -i '2s/.*/garbage/' "$tmp/r/journal.jsonl"
"$bin" run "$tmp/m.json" -o "$tmp/r" --fake-toolchains "$fake" --resume -q 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "resume over a garbled record" "$rc" 2
grep -q "journal.jsonl:2: not a JSON record" "$tmp/err" || fail "no PATH:LINE: $(cat "$tmp/err")"
finish
