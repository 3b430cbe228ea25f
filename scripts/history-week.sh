#!/usr/bin/env bash
# The README's "week of nights", made by the tool: seven synthetic nights of a
# matrix (tests/cli/data/history-nights.py: a Rust nightly with a new identity
# each night, as the history's tests use) recorded in a history, the first six
# with `history add`, the seventh merged with `merge --history` as a nightly
# job records its run, then what a user reads: `emcompat history` and the
# seventh night's summary.md. Prints the README's block (the commands and their
# output); tests/cli/scripts/readme-week.sh checks that the README holds it.
#
# Usage: scripts/history-week.sh [EMCOMPAT]   (default: build/emcompat)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$src/build/emcompat}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
python3 "$src/tests/cli/data/history-nights.py" . 0 7 6

# say COMMAND...: the command as a user types it, then what it prints (its exit code is the week's, not ours).
say() {
	printf '$ %s\n' "$*"
	"$@" || true
}
emcompat() { "$bin" "$@"; }

emcompat history add nightly.db night-{0..5} >/dev/null
{
	say emcompat merge -o night-6-reports --history nightly.db night-6
	say emcompat history nightly.db
	echo '$ sed -n '\''/^### Changed/,/^### Failures/p'\'' night-6-reports/summary.md'
	sed -n '/^### Changed/,/^### Failures/p' night-6-reports/summary.md
} >out 2>&1
cat out
