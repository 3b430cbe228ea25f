#!/usr/bin/env bash
# One toolchain value swapped (the fake toolchain's emscripten 3.1.6 for a
# build whose links fail): diff reports exactly the cells that changed, as
# regressed one way and fixed the other; run --baseline prints them, marks
# the reports and exits 1 only when something regressed.
source "$(dirname "$0")/lib.sh" "$1"
cat >"$tmp/m.json" <<'JSON'
{"axes":{"rust":["1.63","1.96"],"emscripten":["3.1.6","6.0.5"],"probe":["add","i64"],
 "loader":["emcc-main","pyodide-0.26.4"],"behave":["ok","fail-run"]}}
JSON
# The swapped toolchain: every stage as before, but link with emscripten=3.1.6 fails.
mkdir "$tmp/swapped"
for s in std compile main inspect load run; do
	printf '#!/bin/sh\nexec "%s/%s" "$@"\n' "$fake" "$s" >"$tmp/swapped/$s"
done
cat >"$tmp/swapped/link" <<SH
#!/bin/sh
for a; do [ "\$a" = emscripten=3.1.6 ] && exec "$fake/link" "\$@" behave=fail-link; done
exec "$fake/link" "\$@"
SH
chmod +x "$tmp/swapped/"*

"$bin" run "$tmp/m.json" -o "$tmp/base" --fake-toolchains "$fake" -q >/dev/null && rc=0 || rc=$?
expect_eq "base run" "$rc" 1
"$bin" run "$tmp/m.json" -o "$tmp/new" --fake-toolchains "$tmp/swapped" -q >/dev/null && rc=0 || rc=$?
expect_eq "swapped run" "$rc" 1

# What changed, computed from the two results.json independently of diff.
python3 - "$tmp/base/results.json" "$tmp/new/results.json" >"$tmp/expected" <<'PY'
import json, sys
base, new = ({c["id"]: c for c in json.load(open(p))["cells"]} for p in sys.argv[1:])
for id, c in base.items():
    n = new[id]
    if (c["status"], c.get("class")) != (n["status"], n.get("class")):
        print(id)
PY
[[ $(wc -l <"$tmp/expected") == 16 ]] || fail "expected the 16 cells of 3.1.6 to change, got: $(cat "$tmp/expected")"
grep -v 'emscripten=3.1.6' "$tmp/expected" && fail "a cell without emscripten=3.1.6 changed"

"$bin" diff --json "$tmp/base" "$tmp/new" >"$tmp/diff.json" && rc=0 || rc=$?
expect_eq "diff exit" "$rc" 1
python3 - "$tmp/diff.json" "$tmp/expected" <<'PY' || fail "diff --json does not report exactly the changed cells"
import json, sys
d = json.load(open(sys.argv[1]))
expected = set(open(sys.argv[2]).read().split())
kinds = {}
for c in d["cells"]:
    kinds.setdefault(c["kind"], set()).add(c["id"])
reported = set().union(*(v for k, v in kinds.items() if k not in ("unchanged", "still-failing")))
assert reported == expected, reported ^ expected
# The passing cells regressed; the failing ones fail with another class.
assert kinds["regressed"] == {i for i in expected if "behave=ok" in i}, kinds["regressed"]
assert kinds["changed"] == {i for i in expected if "behave=fail-run" in i}, kinds["changed"]
assert d["counts"]["regressed"] == 8 and d["regressed"] is True
assert [c["kind"] for c in d["cells"]][:8] == ["regressed"] * 8  # regressed first
for c in d["cells"]:
    if c["kind"] in ("regressed", "changed"):
        assert c["new"]["stage"] == "link" and c["new"]["class"] == "lib_rmeta_whole_archive", c
PY
"$bin" diff "$tmp/base" "$tmp/new" >"$tmp/out" && rc=0 || rc=$?
expect_eq "diff text exit" "$rc" 1
expect_eq "listed as regressed" "$(grep -c 'pass -> fail (lib_rmeta_whole_archive) at link' "$tmp/out")" 8
"$bin" diff "$tmp/new" "$tmp/base" >"$tmp/out" && rc=0 || rc=$?
expect_eq "reverse diff exit" "$rc" 0
grep -q '^diff: 0 regressed, 8 fixed, 8 changed, ' "$tmp/out" || fail "reverse diff: $(tail -1 "$tmp/out")"

# run --baseline: the swapped run regresses (exit 1, regressions printed),
# the same toolchain does not (exit 0 though cells fail).
"$bin" run "$tmp/m.json" -o "$tmp/again" --fake-toolchains "$tmp/swapped" --baseline "$tmp/base" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "run --baseline, regressed" "$rc" 1
grep -q '^regressed (8):' "$tmp/out" || fail "run --baseline did not print the regressions: $(cat "$tmp/out")"
grep -qi 'regress' "$tmp/again/summary.md" || fail "summary.md does not mark the regressions"
"$bin" run "$tmp/m.json" -o "$tmp/same" --fake-toolchains "$fake" --baseline "$tmp/base" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "run --baseline, nothing regressed" "$rc" 0
grep -q '^diff: 0 regressed, 0 fixed, 0 changed' "$tmp/out" || fail "run --baseline: $(tail -3 "$tmp/out")"
# A baseline that cannot be read is bad input before anything runs.
"$bin" run "$tmp/m.json" -o "$tmp/never" --fake-toolchains "$fake" --baseline "$tmp/nothing" >"$tmp/out" 2>&1 && rc=0 || rc=$?
expect_eq "run --baseline missing" "$rc" 2
[[ ! -e $tmp/never/journal.jsonl ]] || fail "a run with an unreadable baseline started"
finish
