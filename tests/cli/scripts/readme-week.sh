#!/usr/bin/env bash
# The README's week of nights is what the tool prints: scripts/history-week.sh
# makes it, and the README holds its output verbatim, as one block.
source "$(dirname "$0")/lib.sh"
"$src/scripts/history-week.sh" "$bin" >"$tmp/week" || fail "history-week.sh failed"
python3 - "$tmp/week" "$src/README.md" <<'PY' || fail "README.md's week is not what scripts/history-week.sh prints: regenerate it"
import sys
week, readme = open(sys.argv[1]).read(), open(sys.argv[2]).read()
assert week.startswith("$ emcompat merge") and "failing since 2026-11-24 (3 runs)" in week, week
assert "```\n" + week + "```\n" in readme
PY
finish
