#!/usr/bin/env bash
# bisect --from: the cells of an earlier full run are used, not run again,
# and the answer agrees with that run; an error cell there is run again.
source "$(dirname "$0")/lib.sh"
m=$src/tests/cli/data/fake-bisect.json
"$bin" run "$m" -o "$tmp/full" --fake-toolchains "$fake" --only probe=panic -q >/dev/null && rc=0 || rc=$?
expect_eq "full run" "$rc" 1

FAKE_TRACE=$tmp/trace "$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic \
	--from "$tmp/full" -o "$tmp/b" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect from the full run" "$rc" 0
grep -q "cells tested: 5 (0 run, 5 from earlier runs)" "$tmp/out" || fail "not all from --from: $(cat "$tmp/out")"
grep -q "rust=1.60: good (pass), from $tmp/full" "$tmp/out" || fail "no 'from DIR': $(cat "$tmp/out")"
[[ ! -e $tmp/trace ]] || fail "a stage ran: $(cat "$tmp/trace")"

# The first bad value is the oldest rust whose panic cell failed in the full run.
want=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
order = ["1.6%d" % i for i in range(10)]
bad = [c["axes"]["rust"] for c in r["cells"] if c["status"] == "fail"]
print(min(bad, key=order.index))' "$tmp/full/results.json")
grep -q "^first bad: rust=$want: fail at load: wasm_eh_tag_missing" "$tmp/out" || fail "first bad is not $want: $(cat "$tmp/out")"

# A cell recorded as an error says nothing about the code: it is run again.
python3 - "$tmp/full/results.json" <<'PY'
import json, sys
p = sys.argv[1]
r = json.load(open(p))
for c in r["cells"]:
    if c["axes"]["rust"] == "1.60":
        c["status"] = "error"
        c["stage"] = "std"
        c.pop("class", None)
json.dump(r, open(p, "w"))
PY
"$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic \
	--from "$tmp/full" -o "$tmp/b2" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect over an error cell" "$rc" 0
grep -q "cells tested: 5 (1 run, 4 from earlier runs)" "$tmp/out" || fail "the error cell was not run: $(cat "$tmp/out")"
[[ -s $tmp/b2/rust=1.60/results.json ]] || fail "no run dir for rust=1.60"

# A second bisect into the same dir resumes its runs instead of refusing them.
"$bin" bisect "$m" --axis rust --good 1.60 --bad 1.69 --only probe=panic \
	-o "$tmp/b2" --fake-toolchains "$fake" >"$tmp/out" && rc=0 || rc=$?
expect_eq "bisect again into the same dir" "$rc" 0
finish
