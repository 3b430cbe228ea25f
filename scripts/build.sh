#!/usr/bin/env bash
# Configures and builds emcompat into ${BUILD_DIR:-build} with warnings as errors.
# Quiet when it works; on a failure the configure or build output is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Word splitting of CMAKE_ARGS is intended: a list of cmake arguments.
# shellcheck disable=SC2086
if ! cmake -S . -B "$build" -G Ninja -DEMCOMPAT_WERROR=ON ${CMAKE_ARGS:-} >"$log" 2>&1 ||
	! cmake --build "$build" -- -j"$(nproc)" >>"$log" 2>&1; then
	cat "$log" >&2
	echo "build.sh: the build in $build failed (output above)" >&2
	exit 1
fi
