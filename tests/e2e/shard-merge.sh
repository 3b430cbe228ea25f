#!/usr/bin/env bash
# End to end on real toolchains: tests/e2e/small.json run whole, and run as
# 2 shards merged, give the same cells, statuses, classes and stages; no
# std, compile or link node is run by both shards. Quick on a warm cache
# (the nodes come from it); the toolchains come from scripts/setup-toolchains.sh.
#
#   shard-merge.sh EMCOMPAT
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

run() {  # NAME ARGS...: a run whose cells may fail (exit 1), nothing worse
	local name=$1 rc
	shift
	"$bin" run "$here/small.json" -o "$tmp/$name" -j 2 "$@" >"$tmp/$name.out" 2>&1 && rc=0 || rc=$?
	if [[ $rc -ne 0 && $rc -ne 1 ]]; then
		echo "FAIL: run $name exited $rc"
		cat "$tmp/$name.out"
		exit 1
	fi
}
run whole
run s1 --shard 1/2
run s2 --shard 2/2
grep -h '^emcompat: shard' "$tmp/s1.out" "$tmp/s2.out"
"$bin" merge -o "$tmp/merged" "$tmp/s1" "$tmp/s2" || [[ $? -eq 1 ]]

python3 - "$tmp/whole/results.json" "$tmp/merged/results.json" "$tmp/s1/results.json" "$tmp/s2/results.json" <<'PY'
import json, sys
whole, merged, s1, s2 = (json.load(open(p)) for p in sys.argv[1:])
failures = []
key = lambda c: (c["id"], c["status"], c.get("class"), c.get("stage"))
if [key(c) for c in whole["cells"]] != [key(c) for c in merged["cells"]]:
    failures.append("merged cells differ from the whole run:\n  " + "\n  ".join(
        f"{a} | {b}" for a, b in zip(map(key, whole["cells"]), map(key, merged["cells"])) if a != b))
if whole["counts"] != merged["counts"]:
    failures.append(f"counts {merged['counts']} != {whole['counts']}")
nodes = [{s["node"] for c in r["cells"] for s in c["stages"]} for r in (s1, s2)]
grouping = s1["run"]["shard"]["grouping"]
shared = {n for n in nodes[0] & nodes[1] if n.split("-")[0] in ("std", "compile", "link")}
if grouping == "compile":
    shared = {n for n in shared if not n.startswith("std-")}
if shared:
    failures.append(f"build nodes in both shards ({grouping}): {sorted(shared)}")
if len(s1["cells"]) + len(s2["cells"]) != len(whole["cells"]) or not s1["cells"] or not s2["cells"]:
    failures.append(f"shard sizes {len(s1['cells'])} + {len(s2['cells'])} for {len(whole['cells'])} cells")
if failures:
    print("\n".join("FAIL: " + f for f in failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
print(f"1 passed, 0 failed ({len(whole['cells'])} cells: shards of {len(s1['cells'])} and "
      f"{len(s2['cells'])} merged equal the whole run; grouping {grouping})")
PY
"$bin" diff "$tmp/whole" "$tmp/merged" | tail -1
