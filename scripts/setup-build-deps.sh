#!/usr/bin/env bash
# Installs what building and testing emcompat needs on Debian 12 (bookworm).
# Idempotent: installs only the packages that are missing, so a second run
# touches nothing and takes a second.
set -euo pipefail

packages=(
	cmake ninja-build gcc make pkg-config python3
	python3-pip     # pip download: PyPI wheels of package cells (matrix/packages) and tests/wheels
	libcjson-dev libxml2-dev libcurl4-openssl-dev libssl-dev
	libarchive-dev  # toolchain archives (emcompat fetch)
	libsqlite3-dev  # the history of runs (emcompat history)
	libxml2-utils   # xmllint: the JUnit report is validated against its XSD
	python3-venv    # the JUnit consumer (junitparser) the junit test reads junit.xml with
	wabt            # wasm-objdump: the wasm reader is checked against it
	chromium        # report.html is tested in headless Chromium (tests/browser)
	python3-yaml    # docs/ci workflows are parsed in a test
	cmark-gfm       # GitHub's Markdown renderer: summary.md from hostile logs is rendered in a test
	clang libclang-rt-14-dev  # the fuzz targets (libFuzzer) and their CI runs
	clang-format-19 # scripts/check-format.sh (the version .clang-format is tuned for)
	valgrind        # memcheck over a run (tests/cli/scripts/run-valgrind.sh)
	jq              # tests/wheels/check.sh reads the inspector's JSON
)

missing=()
for p in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[[ $status == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
	command -v sudo >/dev/null || { echo "setup-build-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 3; }
	sudo=sudo
fi
echo "setup-build-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
