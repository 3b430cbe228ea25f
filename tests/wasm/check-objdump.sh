#!/usr/bin/env bash
# Cross-checks emcompat's wasm reader against wabt's wasm-objdump: for every
# wasm file (.wasm, .o starting with "\0asm") under DIR, the counts of
# imports, exports, defined functions and custom sections (and the custom
# section names, in order) must agree.
#
#   check-objdump.sh EMCOMPAT DIR...
#
# Exit 0: all agree; 1: a difference (printed); 2: bad usage; 77: skipped
# (no wasm-objdump or python3 on this machine; ctest reports it as skipped).
set -uo pipefail
if [[ $# -lt 2 ]]; then
	echo "usage: check-objdump.sh EMCOMPAT DIR..." >&2
	exit 2
fi
bin=$1
shift
for tool in wasm-objdump python3; do
	if ! command -v "$tool" >/dev/null; then
		echo "check-objdump: $tool not found (apt-get install wabt python3): skipped"
		exit 77
	fi
done

checked=0 failed=0
while IFS= read -r -d '' f; do
	[[ $(head -c 4 "$f" | od -An -tx1 | tr -d ' \n') == 0061736d ]] || continue
	ours=$("$bin" inspect --json "$f" 2>&1)
	rc=$?
	theirs=$(wasm-objdump -h "$f" 2>&1)
	theirs_rc=$?
	checked=$((checked + 1))
	# A file both reject (e.g. truncated) agrees; one only one rejects does not.
	if [[ $rc -eq 2 && $theirs_rc -ne 0 ]]; then
		continue
	elif [[ $rc -ne 0 && $rc -ne 1 ]]; then
		echo "FAIL $f: emcompat inspect exited $rc, wasm-objdump accepts it: $ours"
		failed=$((failed + 1))
		continue
	elif [[ $theirs_rc -ne 0 ]]; then
		echo "FAIL $f: emcompat accepts it, wasm-objdump fails: $theirs"
		failed=$((failed + 1))
		continue
	fi
	# Both sides as "key value" lines, compared as text.
	want=$(printf '%s\n' "$theirs" | python3 -c '
import re, sys
counts = {"imports": 0, "exports": 0, "functions": 0}
customs = []
for line in sys.stdin:
    m = re.match(r"\s*(\w+) start=.*?(?:count: (\d+)|\"(.*)\")?\s*$", line)
    if not m:
        continue
    kind, count, name = m.groups()
    if kind == "Custom":
        customs.append(name)
    elif kind in ("Import", "Export", "Function"):
        counts[{"Import": "imports", "Export": "exports", "Function": "functions"}[kind]] = int(count)
for k in ("imports", "exports", "functions"):
    print(k, counts[k])
print("custom_sections", len(customs), " ".join(customs))
')
	got=$(printf '%s\n' "$ours" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("imports", len(d["imports"]))
print("exports", len(d["exports"]))
print("functions", d["functions"])
print("custom_sections", len(d["custom_sections"]), " ".join(d["custom_sections"]))
')
	if [[ $want != "$got" ]]; then
		echo "FAIL $f"
		diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | sed 's/^</  wasm-objdump:/; s/^>/  emcompat:   /'
		failed=$((failed + 1))
	fi
done < <(find "$@" -type f \( -name '*.wasm' -o -name '*.o' \) -print0 | sort -z)

echo "check-objdump: $checked files checked, $failed differ"
[[ $checked -gt 0 ]] || { echo "check-objdump: no wasm files under $*"; exit 1; }
[[ $failed -eq 0 ]]
