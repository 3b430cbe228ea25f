#!/usr/bin/env bash
# The README's test command: installs build dependencies, builds with
# -Werror, and runs every test (unit and CLI) with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-build-deps.sh
scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
