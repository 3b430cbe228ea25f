#!/usr/bin/env bash
# Classifies every case of the corpus with the emcompat binary, as a user
# would (emcompat classify --json --stage S --axis K=V... FILE), and checks
# the class and the exit code (0 for a class or none, 1 for unclassified).
#
#   run-corpus.sh EMCOMPAT [DIR]      DIR defaults to this script's directory
#   run-corpus.sh --split [DIR]       prints "part case" for every case
#
# A case file starts with "# key: value" lines (source, stage, expect, and
# optionally date, axes, findings, line, cause, note), then the log excerpt.
#
# The split (README.md): a case's part is decided by its thread, the first
# owner/repo#N in its source header (else the whole source string): the first
# hex digit of the SHA-256 of that text, 0-4 is "test" (5/16), the rest
# "tune". Every case of a thread falls in the same part.
#
# known-misses.txt lists cases that are knowingly wrong, one "case got" a
# line: each must give exactly that class, and no other case may be wrong. A
# case listed with its own expected class misses only its telling line (the
# `# line:` header, which tests/unit/test_classify.c checks); it counts as right.
# Accuracy counts them as wrong; a false positive is a case named with a
# class of the table other than its expected one. A second figure counts a
# case right by the thread's cause instead (its `cause` header where it has one,
# README.md "Labels"): what naming every thread's cause would need.
set -uo pipefail

case_part() {
	local src key
	src=$(sed -n 's/^# source: //p' "$1" | head -1)
	key=$(grep -oE '[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+' <<<"$src" | head -1)
	[[ -n $key ]] || key=$src
	case $(printf '%s' "$key" | sha256sum | cut -c1) in
	[0-4]) echo test ;;
	*) echo tune ;;
	esac
}

if [[ ${1-} == --split ]]; then
	dir=${2:-$(cd "$(dirname "$0")" && pwd)}
	for f in "$dir"/*.log; do echo "$(case_part "$f") $(basename "$f")"; done
	exit 0
fi

bin=$1
dir=${2:-$(cd "$(dirname "$0")" && pwd)}
declare -A known=() n=() ok=() fp=() fam_n=() fam_ok=() ok_thread=()
if [[ -f $dir/known-misses.txt ]]; then
	while read -r name got _; do
		[[ -z $name || $name == \#* ]] || known[$name]=$got
	done <"$dir/known-misses.txt"
fi
fail=0
for f in "$dir"/*.log; do
	name=$(basename "$f")
	part=$(case_part "$f")
	stage=$(sed -n 's/^# stage: //p' "$f" | head -1)
	expect=$(sed -n 's/^# expect: //p' "$f" | head -1)
	cause=$(sed -n 's/^# cause: //p' "$f" | head -1)
	axes=$(sed -n 's/^# axes: //p' "$f" | head -1)
	findings=$(sed -n 's/^# findings: //p' "$f" | head -1)
	args=(classify --json)
	[[ -n $stage && $stage != any ]] && args+=(--stage "$stage")
	IFS=, read -r -a kvs <<<"$axes"
	for kv in "${kvs[@]}"; do args+=(--axis "$kv"); done
	IFS=, read -r -a fs <<<"$findings"
	for x in "${fs[@]}"; do args+=(--finding "$x"); done
	# the log without its header, as test_classify reads it: a note written
	# knowing the cause must never be what a pattern matched
	out=$(awk 'h == 0 && /^# [a-z]+:/ { next } h == 0 && /^$/ { h = 1; next } { h = 1; print }' "$f" |
		"$bin" "${args[@]}" - 2>&1)
	rc=$?
	got=$(grep -o '"class":"[^"]*"' <<<"$out" | head -1 | sed 's/"class":"\(.*\)"/\1/')
	want_rc=0
	[[ $expect == unclassified ]] && want_rc=1
	n[$part]=$((${n[$part]:-0} + 1))
	fam_n[$expect/$part]=$((${fam_n[$expect/$part]:-0} + 1))
	right=0
	[[ $got == "$expect" && $rc == "$want_rc" ]] && right=1
	if [[ -n $cause ]]; then
		[[ $got == "$cause" && $rc == 0 ]] && ok_thread[$part]=$((${ok_thread[$part]:-0} + 1))
	elif [[ $right == 1 ]]; then
		ok_thread[$part]=$((${ok_thread[$part]:-0} + 1))
	fi
	if [[ $right == 1 ]]; then
		ok[$part]=$((${ok[$part]:-0} + 1))
		fam_ok[$expect/$part]=$((${fam_ok[$expect/$part]:-0} + 1))
	elif [[ $got != none && $got != unclassified ]]; then
		fp[$part]=$((${fp[$part]:-0} + 1))
	fi
	if [[ -n ${known[$name]+x} ]]; then
		# listed with its own class: only its telling line is missed (test_classify checks lines)
		if [[ ($right == 1 && ${known[$name]} != "$expect") || $got != "${known[$name]}" ]]; then
			fail=$((fail + 1))
			echo "FAIL $name ($part): listed in known-misses.txt as '${known[$name]}', now '$got' (update the list)"
		fi
		unset "known[$name]"
	elif [[ $right == 0 ]]; then
		fail=$((fail + 1))
		echo "FAIL $name ($part): class '$got' exit $rc, expected '$expect' exit $want_rc"
		echo "     $out" | head -c 600
		echo
	fi
done
for name in "${!known[@]}"; do
	fail=$((fail + 1))
	echo "FAIL known-misses.txt names $name, which is not in the corpus"
done
echo "per family (expected class): right/cases in the tune part, in the test part"
for fam in $(printf '%s\n' "${!fam_n[@]}" | sed 's,/[a-z]*$,,' | sort -u); do
	printf '  %-32s tune %2d/%-2d  test %2d/%d\n' "$fam" "${fam_ok[$fam/tune]:-0}" "${fam_n[$fam/tune]:-0}" \
		"${fam_ok[$fam/test]:-0}" "${fam_n[$fam/test]:-0}"
done
# what the corpus is made of: cases cited to a public thread (an owner/repo#N
# source), how many carry the thread's date, how many are from 2024-2026
threads=0 dated=0 recent=0 total=0
for f in "$dir"/*.log; do
	total=$((total + 1))
	grep -qE '^# source: .*[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+' "$f" || continue
	threads=$((threads + 1))
	year=$(sed -n 's/^# date: \([0-9]\{4\}\).*/\1/p' "$f" | head -1)
	[[ -n $year ]] || continue
	dated=$((dated + 1))
	((year >= 2024 && year <= 2026)) && recent=$((recent + 1))
done
printf 'corpus: %d cases, %d cited to a thread, %d of them dated, %d from 2024-2026 (%d%% of all cases)\n' \
	"$total" "$threads" "$dated" "$recent" $((total > 0 ? recent * 100 / total : 0))
for part in tune test; do
	c=${n[$part]:-0} r=${ok[$part]:-0}
	pct=0
	((c > 0)) && pct=$((r * 1000 / c))
	printf '%s part: %d cases, %d right (%d.%d%%), %d false positives\n' "$part" "$c" "$r" \
		$((pct / 10)) $((pct % 10)) "${fp[$part]:-0}"
done
for part in tune test; do
	c=${n[$part]:-0} r=${ok_thread[$part]:-0}
	pct=0
	((c > 0)) && pct=$((r * 1000 / c))
	printf '%s part by the thread'"'"'s cause: %d right (%d.%d%%)\n' "$part" "$r" $((pct / 10)) $((pct % 10))
done
echo "$fail unexpected"
[[ $fail -eq 0 ]]
