#!/usr/bin/env bash
# Checks that the C sources are formatted as .clang-format says, with
# clang-format 19 (scripts/setup-build-deps.sh installs it; other versions
# format some constructs differently). Lists the files that are not and
# exits 1; exits 0 when all are; 3 when no clang-format 19 is found.
#
#   scripts/check-format.sh          check
#   scripts/check-format.sh --fix    format those files in place
#
# Checked: the C of runner/, include/, tests/unit/, tests/fuzz/ and bench/.
# Not: matrix/ (embedded sources: their bytes are node-key inputs, so a
# reformat would re-run every cached node) and tests/wasm/src/ (the sources
# of checked-in binary fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
case ${1:-} in
--fix) fix=1 ;;
"") ;;
*) echo "usage: scripts/check-format.sh [--fix]" >&2; exit 2 ;;
esac

cf=${CLANG_FORMAT:-}
if [[ -z $cf ]]; then
	for c in clang-format-19 clang-format; do
		if command -v "$c" >/dev/null && [[ $("$c" --version) == *"version 19."* ]]; then
			cf=$c
			break
		fi
	done
fi
if [[ -z $cf ]]; then
	echo "check-format: no clang-format 19 (run scripts/setup-build-deps.sh, or set CLANG_FORMAT)" >&2
	exit 3
fi

# git's pathspec '*' crosses '/', so files in subfolders of these count too.
mapfile -t files < <(git ls-files -- 'runner/*.[ch]' 'include/*.h' 'tests/unit/*.[ch]' 'tests/fuzz/*.[ch]' 'bench/*.[ch]')
bad=()
for f in "${files[@]}"; do
	"$cf" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [[ ${#bad[@]} -eq 0 ]]; then
	echo "check-format: ${#files[@]} files formatted"
	exit 0
fi
if [[ $fix -eq 1 ]]; then
	# One pass does not always reach clang-format's fixed point (aligned
	# trailing comments move again once the code before them has): repeat.
	for _ in 1 2 3 4 5; do
		"$cf" -i "${bad[@]}"
		again=()
		for f in "${bad[@]}"; do
			"$cf" --dry-run --Werror "$f" >/dev/null 2>&1 || again+=("$f")
		done
		[[ ${#again[@]} -eq 0 ]] && break
		bad=("${again[@]}")
	done
	echo "check-format: formatted ${#bad[@]} files"
	exit 0
fi
echo "check-format: ${#bad[@]} of ${#files[@]} files are not formatted as .clang-format says:" >&2
printf '  %s\n' "${bad[@]}" >&2
echo "check-format: 'scripts/check-format.sh --fix' formats them" >&2
exit 1
