#!/usr/bin/env bash
# emcompat cache: the inventory by kind; --gc by matrix (the embedded one by
# default), --dry-run removes nothing, a run holding the cache lock makes it
# refuse with exit 4 and remove nothing. run --keep-failed: a failed std
# node keeps its work/ dir (fake toolchains that make build-std.sh fail after
# it made work/); without it the node keeps its logs only.
source "$(dirname "$0")/lib.sh" "$1"
command -v flock >/dev/null || { echo "no flock: skipped"; exit 77; }

cache=$tmp/cache
key=$(printf 'a%.0s' {1..64})
planned=$("$bin" plan --json | python3 -c '
import json, sys
n = json.load(sys.stdin)["nodes"][0]
print(n["stage"] + "-" + n["key"])')
mkdir -p "$cache/nodes/std-$key/work" "$cache/nodes/$planned" "$cache/cargo-target/std-$key-pyo3-0.22" "$cache/downloads"
head -c 100000 /dev/zero >"$cache/nodes/std-$key/work/big"
export EMCOMPAT_CACHE=$cache

out=$("$bin" cache) || fail "cache: exit $?"
grep -q "^nodes  *2 " <<<"$out" || fail "cache: no 'nodes 2' line in: $out"
grep -q "^  std  *2 " <<<"$out" || fail "cache: no std line in: $out"
grep -q "^cargo-target  *1 " <<<"$out" || fail "cache: no cargo-target line in: $out"
grep -q "^  downloads " <<<"$out" || fail "cache: downloads not listed: $out"
"$bin" cache --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["parts"] and "runs" in d' ||
	fail "cache --json"

# A run holds the cache: refused, exit 4, nothing removed.
# (-o: the lock is flock's own, so it goes with flock; sleep is killed apart.)
flock -o "$cache/nodes/.lock" sleep 30 &
locker=$!
wait_for 5 bash -c "! flock -n '$cache/nodes/.lock' true" || fail "the lock was not taken"
rc=0
"$bin" cache --gc >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_eq "gc while a run holds the cache: exit" "$rc" 4
grep -q "a run is using this cache; nothing removed" "$tmp/err" || fail "gc while locked: $(cat "$tmp/err")"
[[ -d $cache/nodes/std-$key ]] || fail "gc while locked removed a node"
sleeper=$(pgrep -P "$locker" || true)
kill "$locker" $sleeper
wait "$locker" 2>/dev/null || true

# --dry-run says what would go and removes nothing.
out=$("$bin" cache --gc --dry-run) || fail "gc --dry-run: exit $?"
grep -q "would remove nodes/std-$key (not planned" <<<"$out" || fail "gc --dry-run: $out"
grep -q "would remove cargo-target/std-$key-pyo3-0.22 (not planned" <<<"$out" || fail "gc --dry-run: $out"
[[ -d $cache/nodes/std-$key ]] || fail "gc --dry-run removed a node"

# By the embedded matrix: what it does not plan goes, with its cargo target; what it plans stays.
out=$("$bin" cache --gc) || fail "gc: exit $?"
grep -q "removed nodes/std-$key (not planned" <<<"$out" || fail "gc: $out"
[[ ! -e $cache/nodes/std-$key && ! -e $cache/cargo-target/std-$key-pyo3-0.22 ]] || fail "gc left the unplanned node"
[[ -d $cache/nodes/$planned ]] || fail "gc removed a planned node"
rc=0
"$bin" cache --gc --max-size 12Q 2>"$tmp/err" || rc=$?
expect_eq "--max-size 12Q: exit" "$rc" 2

# --keep-failed: fake Rust and Emscripten whose std build fails after build-std.sh made work/.
fakes=$tmp/fakebin
mkdir -p "$fakes/em" "$fakes/src/library"
cat >"$fakes/rustc" <<'SH'
#!/bin/sh
case "$*" in
*-vV*) printf 'rustc 9.1.0 (fake)\nrelease: 9.1.0\nLLVM version: 22.1.8\n' ;;
*"--print sysroot"*) echo /nonexistent ;;
*"--print cfg"*|*"-Z help"*) ;;
*) echo "error: a fake rustc compiles nothing" >&2; exit 1 ;;
esac
SH
cat >"$fakes/cargo" <<'SH'
#!/bin/sh
case "$*" in
-V) echo "cargo 9.1.0 (fake)" ;;
*) echo "error: a fake cargo builds nothing" >&2; exit 101 ;;
esac
SH
printf '#!/bin/sh\necho 3.1.6\n' >"$fakes/em/emcc"
chmod +x "$fakes/rustc" "$fakes/cargo" "$fakes/em/emcc"
for kind in rust emscripten; do mkdir -p "$cache/$kind/9.1"; done
cat >"$cache/rust/9.1/toolchain.json" <<JSON
{"schema":"emcompat-toolchain/1","kind":"rust","version":"9.1","identity":"rustc 9.1.0 (fake)","env":{},
 "root":"$fakes","rustc":"$fakes/rustc","cargo":"$fakes/cargo","rust_src":"$fakes/src/library","llvm":"22.1.8"}
JSON
cat >"$cache/emscripten/9.1/toolchain.json" <<JSON
{"schema":"emcompat-toolchain/1","kind":"emscripten","version":"9.1","identity":"emcc 3.1.6 (fake)","env":{},
 "root":"$fakes/em","bin":"$fakes/em","emcc":["$fakes/em/emcc"],"llvm":"22.1.8"}
JSON
cat >"$tmp/m.json" <<'JSON'
{"axes":{"rust":["9.1"],"emscripten":["9.1"],"probe":["add"],"loader":["emcc-main"]},"timeouts":{"std":120}}
JSON
# the run's std node, not the empty one planted for the embedded matrix above
std_dir() { ls -d "$cache"/nodes/std-* | grep -v "/$planned\$" | head -1; }
rc=0
"$bin" run "$tmp/m.json" -o "$tmp/run1" -j 1 --keep-failed >"$tmp/out" 2>&1 || rc=$?
expect_eq "a failing std: exit" "$rc" 1
grep -q '"stage":"std","status":"fail"' "$tmp/run1/journal.jsonl" || fail "std did not fail: $(cat "$tmp/run1/journal.jsonl" "$tmp/out")"
[[ -d $(std_dir)/work ]] || fail "--keep-failed: the failed std node lost its work dir"
[[ -s $(std_dir)/node.json && -s $(std_dir)/used ]] || fail "the failed std node has no node.json or used"
rm -rf "$cache/nodes"
"$bin" run "$tmp/m.json" -o "$tmp/run2" -j 1 >"$tmp/out" 2>&1 || true
[[ ! -e $(std_dir)/work ]] || fail "without --keep-failed the failed std node kept its work dir"
[[ -d $(std_dir)/logs && -s $(std_dir)/node.json ]] || fail "the failed std node lost its logs or node.json"
# A reuse notes the run that used the node: the second since nodes/ was emptied.
"$bin" run "$tmp/m.json" -o "$tmp/run3" -j 1 >"$tmp/out" 2>&1 || true
[[ ! -s $tmp/run3/journal.jsonl ]] || fail "the recorded failure was run again: $(cat "$tmp/run3/journal.jsonl")"
expect_eq "runs of the cache" "$(cat "$cache/nodes/.runs")" 2
grep -q '"run":2,' "$(std_dir)/used" || fail "the reuse was not noted: $(cat "$(std_dir)/used")"
finish
