#!/usr/bin/env bash
# Makes the Python venv with the JUnit consumer of requirements.txt, once,
# and prints its python. The venv is keyed by the requirements' hash under
# EMCOMPAT_VENV_DIR (default ~/.cache/emcompat/venv), so a second call
# takes a moment and a changed requirements.txt gets a new venv; callers on
# the same cache wait for each other on a lock.
set -euo pipefail
req=$(cd "$(dirname "$0")" && pwd)/requirements.txt
dir=${EMCOMPAT_VENV_DIR:-$HOME/.cache/emcompat/venv}
venv=$dir/junit-$(sha256sum "$req" | cut -c1-16)
mkdir -p "$dir"
exec 9>"$venv.lock"
flock 9
if [[ ! -e $venv/.complete ]]; then
	rm -rf "$venv"
	python3 -m venv "$venv" >&2
	"$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$req" >&2
	touch "$venv/.complete"
fi
echo "$venv/bin/python"
