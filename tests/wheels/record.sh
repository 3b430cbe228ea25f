#!/usr/bin/env bash
# Loads every wheel of corpus.tsv into every installed Pyodide for real
# (load.mjs) and writes expected.tsv: the outcome and the finding class the
# real error means. Run it again when corpus.tsv or the runtimes change.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
dir=$("$here/fetch.sh")
node=${NODE:-node}
deps=() wheels=()
while IFS=$'\t' read -r file _ _ _ _ _ import; do
	[[ -z $file || $file == \#* ]] && continue
	if [[ $import == - ]]; then
		deps+=("$dir/$file=-")
	else
		wheels+=("$dir/$file=$import")
	fi
done <"$here/corpus.tsv"
# The class that names what the real error means ('-': it passed).
cause() {
	case $1 in
	*"No module named"* | *"(unknown location)"*) echo python_abi_tag_mismatch ;;
	*"tag import requires"*) echo eh_tag_import_mismatch ;;
	*"cannot resolve symbol Py"*) echo python_api_missing ;;
	*"cannot resolve symbol"* | *"undefined symbol"*) echo missing_main_export ;;
	*) echo "?" ;;
	esac
}
out=$(mktemp)
printf '# wheel\tpyodide\treal outcome\tclass the real error means\treal error (written by record.sh)\n' >"$out"
for v in $(ls "$cache/pyodide" | sort -V); do
	pdir=$cache/pyodide/$v/node_modules/pyodide
	[[ -f $pdir/pyodide.asm.wasm ]] || continue
	# One fresh runtime per wheel: two builds of one package must not meet.
	for w in "${wheels[@]}"; do
		"$node" "$here/load.mjs" "$pdir" "${deps[@]}" "$w"
	done | while read -r line; do
		wheel=$(jq -r .wheel <<<"$line") result=$(jq -r .result <<<"$line") err=$(jq -r '.error // ""' <<<"$line")
		class=-
		[[ $result == fail ]] && class=$(cause "$err")
		printf '%s\t%s\t%s\t%s\t%s\n' "$wheel" "$v" "$result" "$class" "$err"
	done >>"$out"
done
mv "$out" "$here/expected.tsv"
