#!/usr/bin/env bash
# Prints the path of the Jenkins JUnit schema (junit-4.xsd of the Jenkins
# dtkit JUnit model) as the junit-report crate ships it in its tests
# (crates.io, junit-report 0.8.3, tests/JUnit.xsd), fetched once with cargo
# into EMCOMPAT_XSD_DIR (default ~/.cache/emcompat/junit-xsd).
# reports/junit.xsd is our own, stricter schema; this one is the check that
# the upstream schema agrees. Exit 77 when there is no cargo.
set -euo pipefail
command -v cargo >/dev/null || exit 77
dir=${EMCOMPAT_XSD_DIR:-$HOME/.cache/emcompat/junit-xsd}
mkdir -p "$dir/src"
exec 9>"$dir/.lock"
flock 9
xsd=$(find "$dir/home/registry/src" -path '*/junit-report-0.8.3/tests/JUnit.xsd' 2>/dev/null | head -1 || true)
if [[ -z $xsd ]]; then
	printf '[package]\nname = "junit-xsd"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\njunit-report = "=0.8.3"\n' >"$dir/Cargo.toml"
	echo 'fn main() {}' >"$dir/src/main.rs"
	CARGO_HOME=$dir/home cargo fetch -q --manifest-path "$dir/Cargo.toml" >&2
	xsd=$(find "$dir/home/registry/src" -path '*/junit-report-0.8.3/tests/JUnit.xsd' | head -1)
fi
[[ -n $xsd ]] || { echo "upstream-xsd: junit-report 0.8.3 has no tests/JUnit.xsd" >&2; exit 1; }
echo "$xsd"
