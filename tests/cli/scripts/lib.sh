# Helpers for the scripted CLI tests: sourced with the emcompat binary as $1.
set -euo pipefail
bin=$1
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
fake=$src/tests/fake/toolchain
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[[ $2 == "$3" ]] || fail "$1: got '$2', expected '$3'"
}

# wait_for SECONDS COMMAND...: polls until COMMAND succeeds.
wait_for() {
	local limit=$1
	shift
	for ((i = 0; i < limit * 20; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# Whether process PID is gone (or only a zombie nobody reaped).
gone() {
	[[ ! -e /proc/$1 ]] || [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) == Z ]]
}

# results.json without what differs between two runs of the same cells: timings and run info.
normalized() {
	python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
del r["run"]
for c in r["cells"]:
    for s in c["stages"]:
        del s["seconds"]
print(json.dumps(r, indent=1, sort_keys=True))' "$1"
}

finish() {
	if ((failures)); then
		echo "0 passed, $failures failed"
		exit 1
	fi
	echo "1 passed, 0 failed"
}
