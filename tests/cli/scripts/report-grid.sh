#!/usr/bin/env bash
# The summary's grid from a hand-made results.json with uneven cells: one
# without a probe (in no table), one without the row axis (in no row), one
# without a column axis, one with an extra axis counted in its entry. The
# grid places each cell once (report.c); its tables must read as the
# cell-by-cell definition gives them.
source "$(dirname "$0")/lib.sh" "$1"

mkdir -p "$tmp/r"
python3 - "$tmp/r/results.json" <<'PY'
import json, sys
def cell(i, axes, status, cls=None):
    c = {"id": ",".join(f"{k}={v}" for k, v in axes.items()), "index": i, "axes": axes,
         "status": status, "summary": "x", "stages": []}
    if cls:
        c["class"], c["stage"] = cls, "load"
    return c
cells = [
    cell(0, {"rust": "1.63", "emscripten": "3.1.6", "probe": "add", "loader": "node"}, "pass"),
    cell(1, {"rust": "1.63", "emscripten": "3.1.6", "probe": "add", "loader": "pyodide"}, "fail", "abi-mismatch"),
    cell(2, {"rust": "1.85", "emscripten": "3.1.6", "probe": "add", "loader": "node"}, "flaky"),
    cell(3, {"rust": "1.85", "emscripten": "3.1.69", "probe": "i64", "loader": "node"}, "timeout"),
    cell(4, {"rust": "1.85", "emscripten": "3.1.69", "probe": "i64", "loader": "node", "flag": "b"}, "pass"),
    cell(5, {"rust": "1.63", "emscripten": "3.1.69", "loader": "node"}, "pass"),
    cell(6, {"rust": "1.96", "emscripten": "3.1.6", "probe": "add"}, "error"),
    cell(7, {"emscripten": "3.1.6", "probe": "i64", "loader": "node"}, "fail", "link-error"),
]
counts = dict.fromkeys(["pass", "fail", "error", "timeout", "blocked", "skipped", "flaky"], 0)
for c in cells:
    counts[c["status"]] += 1
json.dump({"schema": "emcompat-results/1",
           "run": {"id": "t", "matrix": "m.json", "started": "2026-01-01T00:00:00Z",
                   "finished": "2026-01-01T00:00:01Z", "wall_seconds": 1, "jobs": 2},
           "toolchains": {}, "counts": counts, "cells": cells}, open(sys.argv[1], "w"), indent=1)
PY
"$bin" report "$tmp/r" >"$tmp/out" 2>&1 || fail "report failed: $(cat "$tmp/out")"
sed -n '/^\*\*add\*\*/,$p' "$tmp/r/summary.md" >"$tmp/grid"
cat >"$tmp/want" <<'MD'
**add**

| rust | 3.1.6 · node | 3.1.6 · pyodide | 3.1.69 · node | 3.1.6 · — |
|---|---|---|---|---|
| 1.63 | ✅ 1/1 | ❌ 0/1 abi-mismatch | | |
| 1.85 | ✅ 1/1 | | | |
| 1.96 | | | | ⚠️ 0/1 error |

**i64**

| rust | 3.1.6 · node | 3.1.6 · pyodide | 3.1.69 · node | 3.1.6 · — |
|---|---|---|---|---|
| 1.63 | | | | |
| 1.85 | | | ❌ 1/2 timeout | |
| 1.96 | | | | |
MD
diff -u "$tmp/want" "$tmp/grid" || fail "the grid differs from the expected one"
finish
