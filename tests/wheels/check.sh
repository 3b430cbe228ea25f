#!/usr/bin/env bash
# The inspector against the real outcomes of expected.tsv: for every wheel x
# installed Pyodide pair, `emcompat inspect --json --against` must predict
# what really happened (fail or pass) and, for a failure, name as its first
# error the class the real error means. Usage: check.sh EMCOMPAT
set -euo pipefail
emcompat=$1
here=$(cd "$(dirname "$0")" && pwd)
cache=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
dir=$("$here/fetch.sh")
pairs=0 bad=0
while IFS=$'\t' read -r wheel v outcome class _; do
	[[ -z $wheel || $wheel == \#* ]] && continue
	pdir=$cache/pyodide/$v
	if [[ ! -d $pdir ]]; then
		echo "skip $wheel in $v: Pyodide $v is not installed"
		continue
	fi
	pairs=$((pairs + 1))
	got=$("$emcompat" inspect --json --exit-zero --against "$pdir" "$dir/$wheel" |
		jq -r '[.prediction.result, (.prediction.class // "-")] | join(" ")')
	if [[ $got != "$outcome $class" ]]; then
		echo "FAIL $wheel in $v: really $outcome $class, inspector predicts $got"
		bad=$((bad + 1))
	else
		echo "ok   $wheel in $v: $got"
	fi
done <"$here/expected.tsv"
if ((pairs == 0)); then
	echo "no installed Pyodide to check against" >&2
	exit 77
fi
echo "$((pairs - bad)) passed, $bad failed"
((bad == 0))
