#!/usr/bin/env bash
# Configures and builds emcompat into ${BUILD_DIR:-build} with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DEMCOMPAT_WERROR=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -- -j"$(nproc)" >/dev/null
