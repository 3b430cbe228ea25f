#!/usr/bin/env bash
# Runs one CLI case file against the emcompat binary.
#
#   run-case.sh EMCOMPAT CASE
#
# A case file holds lines "key: value" (blank lines and # comments ignored):
#   args: ...        the arguments, split on spaces; {data} is tests/cli/data,
#                    {src} the source tree, {tmp} a fresh empty directory
#   env: NAME=VALUE  set for the command (repeatable; placeholders as in args)
#   exit: N          the expected exit code (required)
#   stdout: TEXT     TEXT appears in stdout (repeatable; a fixed string)
#   stderr: TEXT     TEXT appears in stderr (repeatable)
#   stdout-not: TEXT / stderr-not: TEXT    TEXT does not appear
#   stdout-empty: yes / stderr-empty: yes  the stream is empty
set -uo pipefail
bin=$1 case=$2
data=$(cd "$(dirname "$case")/data" && pwd)
src=$(cd "$(dirname "$case")/../.." && pwd)
tmp=$(mktemp -d)
mkdir "$tmp/work"
trap 'rm -rf "$tmp"' EXIT

args=() envs=() want_exit="" fail=0
checks=()
while IFS= read -r line || [[ -n $line ]]; do
	[[ -z $line || $line == \#* ]] && continue
	key=${line%%:*} value=${line#*:} value=${value# }
	value=${value//\{data\}/$data}
	value=${value//\{src\}/$src}
	value=${value//\{tmp\}/$tmp/work}
	case $key in
	args) read -r -a args <<<"$value" ;;
	env) envs+=("$value") ;;
	exit) want_exit=$value ;;
	stdout|stderr|stdout-not|stderr-not|stdout-empty|stderr-empty) checks+=("$key" "$value") ;;
	*) echo "$case: unknown key '$key'" >&2; exit 2 ;;
	esac
done <"$case"
[[ -n $want_exit ]] || { echo "$case: no 'exit:' line" >&2; exit 2; }

env "${envs[@]}" "$bin" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
got_exit=$?
if [[ $got_exit != "$want_exit" ]]; then
	echo "exit code $got_exit, expected $want_exit"
	fail=1
fi
for ((i = 0; i < ${#checks[@]}; i += 2)); do
	key=${checks[i]} value=${checks[i + 1]}
	stream=${key%%-*}
	file=$tmp/${stream#std}
	case $key in
	stdout|stderr) grep -qF -- "$value" "$file" || { echo "$stream lacks: $value"; fail=1; } ;;
	*-not) ! grep -qF -- "$value" "$file" || { echo "$stream has: $value"; fail=1; } ;;
	*-empty) [[ ! -s $file ]] || { echo "$stream is not empty"; fail=1; } ;;
	esac
done
if [[ $fail -ne 0 ]]; then
	echo "--- command: $bin ${args[*]}"
	echo "--- stdout:"; head -c 4000 "$tmp/out"
	echo "--- stderr:"; head -c 4000 "$tmp/err"
	exit 1
fi
echo "1 passed, 0 failed"
