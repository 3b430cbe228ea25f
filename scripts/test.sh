#!/usr/bin/env bash
# The README's test command: installs build dependencies, builds with
# -Werror, and runs every test (unit, CLI, and end to end on the real
# toolchains it installs) with ctest; then the unit and CLI tests again in an
# AddressSanitizer+UndefinedBehaviorSanitizer build and a ThreadSanitizer
# build (the executor's tests), so memory and thread errors fail CI; and
# each fuzz target for a short while in a clang build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-build-deps.sh
# The real toolchains the end-to-end tests cross, Node 20 included (their node
# axis; idempotent: seconds when present).
scripts/setup-toolchains.sh emscripten/3.1.6 emscripten/3.1.69 emscripten/6.0.5 rust/1.63 rust/1.85 rust/1.96 pyodide/0.26.4 pyodide/0.29.5 pyodide/314.0.7 node/20 pyo3/0.22 pyo3/0.30 crates
# The sdists e2e/sdists builds, fetched once into the cache (seconds when there).
tests/e2e/fetch-sdists.sh
jobs=$(nproc)

scripts/check-format.sh
BUILD_DIR=build scripts/build.sh
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
BUILD_DIR=build-asan CMAKE_ARGS=-DEMCOMPAT_SANITIZE=address,undefined scripts/build.sh
# the corpus's 3000 CLI processes take minutes under the sanitizers; unit/test_classify runs
# every case through the library here
ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "e2e|browser|net|corpus"

echo "== Fuzzing (clang, libFuzzer): each parser's target for 20 s"
BUILD_DIR=build-fuzz CMAKE_ARGS=-DCMAKE_C_COMPILER=clang scripts/build.sh
ctest --test-dir build-fuzz --output-on-failure -j"$jobs" -L fuzz

echo "== ThreadSanitizer (executor)"
BUILD_DIR=build-tsan CMAKE_ARGS=-DEMCOMPAT_SANITIZE=thread scripts/build.sh
ctest --test-dir build-tsan --output-on-failure -j"$jobs" -R 'unit/test_(sched|pool|child|logcap|journal|wasm|classify)|cli/run'
