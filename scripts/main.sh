#!/usr/bin/env bash
# The README's main command: installs what is needed (build dependencies,
# the real toolchains into ~/.cache/emcompat), builds emcompat, and runs the
# embedded default matrix into DIR (default: emcompat-run), ending with where
# results.json is. A cell that fails is a finding, not a failure of this
# script: it exits 0 when the run completed (emcompat's 0 or 1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-emcompat-run}
scripts/setup-build-deps.sh
scripts/setup-toolchains.sh --warm
scripts/build.sh
if [[ -e $out/journal.jsonl ]]; then
	# A finished or interrupted run is continued, not overwritten.
	resume=--resume
fi
build/emcompat run ${resume:-} -o "$out" && rc=0 || rc=$?
if [[ $rc -gt 1 ]]; then
	exit "$rc"
fi
dir=$(cd "$out" && pwd)
echo "report: $dir/report.html (open it in a browser); results: $dir/results.json;"
echo "        JUnit: $dir/junit.xml; Markdown summary: $dir/summary.md"
