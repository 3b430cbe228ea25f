#!/usr/bin/env bash
# The README's main command: installs what is needed, builds emcompat, and
# runs the embedded default matrix. Until the executor lands this plans the
# matrix (emcompat plan) and writes the plan where a run would write its report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-build-deps.sh
scripts/build.sh
out=${1:-emcompat-run}
mkdir -p "$out"
build/emcompat plan
build/emcompat plan --json >"$out/plan.json"
echo "plan written to $out/plan.json"
