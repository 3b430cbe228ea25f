#!/usr/bin/env bash
# Hostile input: axis values and probe names that are paths, NULs, invalid
# UTF-8, shell words, newlines or 10 MB long; matrices of 10^7 cells; JSON
# nested 100000 deep; symbolic links in the cache and run dirs pointing
# outside. Each is refused with its exact message and exit 2, and nothing is
# written anywhere (with HOME, the cache and the cwd all inside the test's
# own directory, which is checked for new files).
source "$(dirname "$0")/lib.sh"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$tmp/in" "$tmp/work" "$tmp/home" "$tmp/cache" "$tmp/outside"
export HOME=$tmp/home EMCOMPAT_CACHE=$tmp/cache
cd "$tmp/work"

# matrix NAME: writes stdin (a Python expression) as $tmp/in/NAME.json, bytes exact.
matrix() {
	python3 -c 'import sys; sys.stdout.buffer.write(eval(sys.stdin.read()))' >"$tmp/in/$1.json"
}

# refused NAME MESSAGE [ARGS...]: `run` of in/NAME.json exits 2 with exactly
# MESSAGE on stderr (after "emcompat: ") and writes nothing.
refused() {
	local name=$1 want=$2 got rc
	shift 2
	touch "$tmp/stamp"
	sleep 0.01
	"$bin" run "$tmp/in/$name.json" -o "$tmp/work/run" --fake-toolchains "$fake" -q "$@" \
		>"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
	expect_eq "$name: exit" "$rc" 2
	got=$(head -c 2000 "$tmp/err")
	expect_eq "$name: message" "$got" "emcompat: $want"
	new=$(find "$tmp" -newer "$tmp/stamp" ! -path "$tmp/out" ! -path "$tmp/err" ! -path "$tmp" ! -path "$tmp/work" \
		! -path "$tmp/home" ! -path "$tmp/cache" ! -path "$tmp/outside" | head -5)
	[[ -z $new ]] || fail "$name: wrote $new"
	rm -rf "$tmp/work/run"
}

M=$tmp/in
matrix dotdot <<<'b"""{"axes":{"probe":["../../../outside/x"]}}"""'
refused dotdot "$M/dotdot.json:1:19: axis \"probe\": value \"../../../outside/x\" starts with '.' (a value is no hidden name or option)"
matrix slash <<<'b"""{"axes":{"rust":["1.63"],"probe":["add/../../x"]}}"""'
refused slash "$M/slash.json:1:35: axis \"probe\": value contains '/' at byte 3: only letters, digits, '.', '_', '+', '-', '@', ':' and '~' are allowed"
matrix absolute <<<'b"""{"axes":{"probe":["add"]},"include":[{"probe":"add","loader":"/etc/passwd"}]}"""'
refused absolute "$M/absolute.json:1:53: include[0].loader: value contains '/' at byte 0: only letters, digits, '.', '_', '+', '-', '@', ':' and '~' are allowed"
matrix option <<<'b"""{"axes":{"opt":["--help"]}}"""'
refused option "$M/option.json:1:17: axis \"opt\": value \"--help\" starts with '-' (a value is no hidden name or option)"
matrix nul <<<'b"""{"axes":{"probe":["a\x00b"]}}"""'
refused nul "$M/nul.json:1:21: NUL byte in JSON text"
matrix nul_escape <<<'b"""{"axes":{"probe":["a\\u0000b"]}}"""'
refused nul_escape "$M/nul_escape.json:1:21: invalid JSON: unexpected '\\' (expected an escape other than \\u0000 (a NUL cannot be carried in a string))"
matrix utf8 <<<'b"""{"axes":{"probe":["a\xc3\x28"]}}"""'
refused utf8 "$M/utf8.json:1:21: invalid UTF-8 (JSON text must be UTF-8)"
matrix overlong <<<'b"""{"axes":{"probe":["\xc0\xaf"]}}"""'
refused overlong "$M/overlong.json:1:20: invalid UTF-8 (JSON text must be UTF-8)"
matrix surrogate <<<'b"""{"axes":{"probe":["\\udc00"]}}"""'
refused surrogate "$M/surrogate.json:1:20: invalid JSON: unexpected '\\' (expected a character, not a lone low surrogate \\uDC00-\\uDFFF)"
matrix shell <<<'b"""{"axes":{"probe":["add$(touch pwned)"]}}"""'
refused shell "$M/shell.json:1:19: axis \"probe\": value contains '\$' at byte 3: only letters, digits, '.', '_', '+', '-', '@', ':' and '~' are allowed"
matrix semicolon <<<'b"""{"axes":{"behave":["ok;touch pwned"]}}"""'
refused semicolon "$M/semicolon.json:1:20: axis \"behave\": value contains ';' at byte 2: only letters, digits, '.', '_', '+', '-', '@', ':' and '~' are allowed"
matrix newline <<<'b"""{"axes":{"probe":["add\nx"]}}"""'
refused newline "$M/newline.json:1:23: invalid JSON: unexpected '
' (expected no control character inside a string (escape it))"
matrix newline_escape <<<'b"""{"axes":{"probe":["add\\nx"]}}"""'
refused newline_escape "$M/newline_escape.json:1:19: axis \"probe\": value contains \\x0a at byte 3: only letters, digits, '.', '_', '+', '-', '@', ':' and '~' are allowed"
matrix name_newline <<<'b"""{"name":"a\\nb","axes":{"probe":["add"]}}"""'
refused name_newline "$M/name_newline.json:1:2: \"name\": control character \\x0a at byte 1"
matrix axis_slash <<<'b"""{"axes":{"../x":["add"]}}"""'
refused axis_slash "$M/axis_slash.json:1:10: axis \"../x\": only letters, digits, '_', '-' and '.' are allowed"
matrix long_value <<<"b'{\"axes\":{\"probe\":[\"' + b'x' * 10**7 + b'\"]}}'"
refused long_value "$M/long_value.json:1:19: axis \"probe\": value longer than 256 bytes"
matrix long_axis <<<"b'{\"axes\":{\"' + b'x' * 10**7 + b'\":[\"add\"]}}'"
refused long_axis "$M/long_axis.json:1:10: axis \"$(printf 'x%.0s' {1..64})...\": longer than 64 characters"
matrix long_name <<<"b'{\"name\":\"' + b'x' * 10**7 + b'\",\"axes\":{\"probe\":[\"add\"]}}'"
refused long_name "$M/long_name.json:1:2: \"name\": longer than 256 bytes"
matrix cells <<<"b'{\"axes\":{' + b','.join(b'\"a%d\":[%s]' % (i, b','.join(b'\"%d\"' % v for v in range(10))) for i in range(7)) + b'}}'"
refused cells "$M/cells.json:1:2: the axes' cross product has 10000000 combinations; at most 1000000 cells are allowed (narrow the axes, or use --only or --shard)"
matrix deep <<<"b'{\"axes\":{\"probe\":' + b'[' * 100000 + b']' * 100000 + b'}}'"
refused deep "$M/deep.json:1:528: invalid JSON: unexpected '[' (expected nesting no deeper than 512 levels)"

# Refused before allocating: 10^7 cells stay in a few MB.
rss=$( { /usr/bin/time -f %M "$bin" plan "$M/cells.json" >/dev/null 2>/dev/null; } 2>&1 || true)
[[ -z $rss ]] || ((rss < 200000)) || fail "10^7 cells: $rss KB resident before refusing"

# Symbolic links in the cache pointing outside: nothing written through them.
cat >"$M/ok.json" <<'JSON'
{"axes":{"rust":["1.63"],"probe":["add"],"loader":["emcc-main"]}}
JSON
ln -s "$tmp/outside" "$tmp/cache/nodes"
# refused without --fake-toolchains: the real recipes use the cache.
touch "$tmp/stamp"
"$bin" run "$M/ok.json" -o "$tmp/work/run" -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "cache nodes link: exit" "$rc" 2
expect_eq "cache nodes link: message" "$(cat "$tmp/err")" \
	"emcompat: $tmp/cache/nodes: a symbolic link (to $tmp/outside) where emcompat writes: it follows no link in its cache or run directory; remove it"
rm "$tmp/cache/nodes"
mkdir -p "$tmp/cache/nodes" "$tmp/cache/src/probe-add-0123/matrix"
ln -s "$tmp/outside" "$tmp/cache/src/probe-add-0123/matrix/probes"
"$bin" run "$M/ok.json" -o "$tmp/work/run2" -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "cache src link: exit" "$rc" 2
grep -qF "emcompat: $tmp/cache/src/probe-add-0123/matrix/probes: a symbolic link (to $tmp/outside)" "$tmp/err" ||
	fail "cache src link: $(cat "$tmp/err")"
rm -rf "$tmp/cache/src"
# A run dir whose logs dir, or a log in it, points outside.
mkdir -p "$tmp/work/run3"
ln -s "$tmp/outside" "$tmp/work/run3/logs"
"$bin" run "$M/ok.json" -o "$tmp/work/run3" --fake-toolchains "$fake" -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "run logs link: exit" "$rc" 2
grep -qF "emcompat: $tmp/work/run3/logs: a symbolic link (to $tmp/outside)" "$tmp/err" || fail "run logs link: $(cat "$tmp/err")"
rm "$tmp/work/run3/logs"
mkdir "$tmp/work/run3/logs"
echo precious >"$tmp/outside/victim"
ln -s "$tmp/outside/victim" "$tmp/work/run3/logs/std-0.stdout.log"
"$bin" run "$M/ok.json" -o "$tmp/work/run3" --fake-toolchains "$fake" -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "run log file link: exit" "$rc" 2
grep -qF "emcompat: $tmp/work/run3/logs/std-0.stdout.log: a symbolic link (to $tmp/outside/victim)" "$tmp/err" ||
	fail "run log file link: $(cat "$tmp/err")"
ln -s "$tmp/outside/victim" "$tmp/work/run4-journal"
mkdir -p "$tmp/work/run4"
ln -s "$tmp/outside/victim" "$tmp/work/run4/journal.jsonl"
"$bin" run "$M/ok.json" -o "$tmp/work/run4" --fake-toolchains "$fake" --resume -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "journal link: exit" "$rc" 2
expect_eq "outside untouched" "$(ls "$tmp/outside")" victim
expect_eq "victim untouched" "$(cat "$tmp/outside/victim")" precious

# A journal record nested 100000 deep is a bad record, not a crash.
"$bin" run "$M/ok.json" -o "$tmp/work/run5" --fake-toolchains "$fake" -q >/dev/null && rc=0 || rc=$?
expect_eq "plain run" "$rc" 0
python3 -c 'print("[" * 100000 + "]" * 100000)' >>"$tmp/work/run5/journal.jsonl"
"$bin" run "$M/ok.json" -o "$tmp/work/run5" --fake-toolchains "$fake" --resume -q >/dev/null 2>"$tmp/err" && rc=0 || rc=$?
expect_eq "deep journal record: exit" "$rc" 2
n=$(wc -l <"$tmp/work/run5/journal.jsonl")
expect_eq "deep journal record: message" "$(cat "$tmp/err")" "emcompat: $tmp/work/run5/journal.jsonl:$n: not a JSON record"
[[ ! -e $tmp/work/pwned && ! -e $tmp/pwned ]] || fail "a shell word ran"
finish
