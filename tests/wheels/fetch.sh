#!/usr/bin/env bash
# Downloads the wheels of corpus.tsv once into $EMCOMPAT_CACHE/wheels/
# (default ~/.cache/emcompat) with pip, checks each against its sha256, and
# re-uses them offline after that. Idempotent. Prints the directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}/wheels
mkdir -p "$dir"
while IFS=$'\t' read -r file sha req platform python abi _; do
	[[ -z $file || $file == \#* ]] && continue
	if [[ -f $dir/$file ]] && echo "$sha  $dir/$file" | sha256sum -c --status; then
		continue
	fi
	tmp=$(mktemp -d "$dir/.tmp.XXXXXX")
	args=(--no-deps --only-binary=:all: -d "$tmp")
	if [[ $platform != any ]]; then
		args+=(--platform "$platform" --python-version "$python" --implementation cp --abi "$abi")
	fi
	if ! python3 -m pip download -q "${args[@]}" "$req" >&2 || [[ ! -f $tmp/$file ]]; then
		rm -rf "$tmp"
		echo "fetch.sh: could not download $file ($req)" >&2
		exit 1
	fi
	if ! echo "$sha  $tmp/$file" | sha256sum -c --status; then
		rm -rf "$tmp"
		echo "fetch.sh: $file: sha256 differs from corpus.tsv" >&2
		exit 1
	fi
	mv "$tmp/$file" "$dir/$file"
	rm -rf "$tmp"
done <"$here/corpus.tsv"
echo "$dir"
