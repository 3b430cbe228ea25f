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

# Reads every case once (one awk over all files): writes each log without its
# header to $tmp/body/NAME, its emcompat arguments to $tmp/args/NAME (one a
# line) and its thread key to $tmp/key/NAME (as hashed: no newline), and
# prints a line per case: name, stage, expect, cause, cited (1/0), year,
# separated by 0x1f (a header may be empty; read would merge empty tab
# fields). A header's value is its first "# key: " line.
read_cases() {
	mkdir -p "$tmp/body" "$tmp/args" "$tmp/key"
	awk -v tmp="$tmp" '
	function flush() {
		if (name == "")
			return
		args = tmp "/args/" name
		printf "classify\n--json\n" > args
		if (h["stage"] != "" && h["stage"] != "any")
			printf "--stage\n%s\n", h["stage"] > args
		n = split(h["axes"], kv, ",")
		for (i = 1; i <= n; i++)
			printf "--axis\n%s\n", kv[i] > args
		n = split(h["findings"], kv, ",")
		for (i = 1; i <= n; i++)
			printf "--finding\n%s\n", kv[i] > args
		printf "-\n" > args
		close(args)
		close(tmp "/body/" name)
		key = h["source"]
		cited = match(key, /[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+#[0-9]+/) > 0
		if (cited)
			key = substr(key, RSTART, RLENGTH)
		printf "%s", key > (tmp "/key/" name)
		close(tmp "/key/" name)
		year = substr(h["date"], 1, 4)
		if (year !~ /^[0-9][0-9][0-9][0-9]$/)
			year = ""
		printf "%s\037%s\037%s\037%s\037%s\037%s\n", name, h["stage"], h["expect"], h["cause"], cited, year
	}
	FNR == 1 {
		flush()
		name = FILENAME
		sub(/^.*\//, "", name)
		split("", h)
		inbody = 0
		printf "" > (tmp "/body/" name)
	}
	match($0, /^# (source|stage|expect|cause|axes|findings|date): /) {
		k = substr($0, 3, RLENGTH - 4)
		if (!(k in h))
			h[k] = substr($0, RLENGTH + 1)
	}
	{
		if (!inbody && $0 ~ /^# [a-z]+:/)
			next
		if (!inbody && $0 == "") {
			inbody = 1
			next
		}
		inbody = 1
		print > (tmp "/body/" name)
	}
	END { flush() }
	' "$1"/*.log
}

# "part name" for every case read_cases read: one sha256sum over all keys.
case_parts() {
	(cd "$tmp/key" && sha256sum -- *) | awk '{ print (substr($1, 1, 1) ~ /[0-4]/ ? "test" : "tune"), $2 }'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ ${1-} == --split ]]; then
	read_cases "${2:-$(cd "$(dirname "$0")" && pwd)}" >/dev/null
	case_parts
	exit 0
fi

bin=$1
dir=${2:-$(cd "$(dirname "$0")" && pwd)}
declare -A known=() n=() ok=() fp=() fam_n=() fam_ok=() ok_thread=() part_of=()
if [[ -f $dir/known-misses.txt ]]; then
	while read -r name got _; do
		[[ -z $name || $name == \#* ]] || known[$name]=$got
	done <"$dir/known-misses.txt"
fi
read_cases "$dir" >"$tmp/cases"
while read -r part name; do part_of[$name]=$part; done < <(case_parts)

# Classifies the cases, as many at once as there are processors, each log
# without its header as test_classify reads it: a note written knowing the
# cause must never be what a pattern matched.
mkdir -p "$tmp/out"
classify_one() {
	local args
	mapfile -t args <"$tmp/args/$1"
	"$bin" "${args[@]}" <"$tmp/body/$1" >"$tmp/out/$1" 2>&1
	echo $? >"$tmp/out/$1.rc"
}
export -f classify_one
export bin tmp
(cd "$tmp/args" && printf '%s\0' *) | xargs -0 -n 16 -P "$(nproc)" bash -c 'for c; do classify_one "$c"; done' _

fail=0 threads=0 dated=0 recent=0 total=0
while IFS=$'\037' read -r name stage expect cause cited year; do
	part=${part_of[$name]}
	out=$(<"$tmp/out/$name")
	rc=$(<"$tmp/out/$name.rc")
	got=
	[[ $out =~ \"class\":\"([^\"]*)\" ]] && got=${BASH_REMATCH[1]}
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
		echo "     ${out:0:595}"
	fi
	# what the corpus is made of: cases cited to a public thread (an
	# owner/repo#N source), how many carry the thread's date, how many are
	# from 2024-2026
	total=$((total + 1))
	if [[ $cited == 1 ]]; then
		threads=$((threads + 1))
		if [[ -n $year ]]; then
			dated=$((dated + 1))
			((10#$year >= 2024 && 10#$year <= 2026)) && recent=$((recent + 1))
		fi
	fi
done <"$tmp/cases"
for name in "${!known[@]}"; do
	fail=$((fail + 1))
	echo "FAIL known-misses.txt names $name, which is not in the corpus"
done
echo "per family (expected class): right/cases in the tune part, in the test part"
for fam in $(printf '%s\n' "${!fam_n[@]}" | sed 's,/[a-z]*$,,' | sort -u); do
	printf '  %-32s tune %2d/%-2d  test %2d/%d\n' "$fam" "${fam_ok[$fam/tune]:-0}" "${fam_n[$fam/tune]:-0}" \
		"${fam_ok[$fam/test]:-0}" "${fam_n[$fam/test]:-0}"
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
