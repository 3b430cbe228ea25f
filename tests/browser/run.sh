#!/usr/bin/env bash
# report.html in a real headless Chromium (Debian's chromium, driven by
# playwright-core from npm): fake runs of tests/cli/data/fake-mixed.json,
# the same against a baseline, one with hostile strings in its results,
# one whose failing stage printed escape sequences, Markdown and HTML,
# and one of a matrix without rust/emscripten/loader axes; report.test.mjs
# checks each page. Screenshots go to ARTIFACT_DIR.
#
# Usage: run.sh EMCOMPAT_BIN ARTIFACT_DIR
# playwright-core is installed with `npm ci` from package-lock.json into
# $EMCOMPAT_NPM_CACHE (default ~/.cache/emcompat/npm-browser), once per
# lock file content.
set -euo pipefail
bin=$1
artifacts=$2
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
chromium=${EMCOMPAT_CHROMIUM:-/usr/bin/chromium}
npmdir=${EMCOMPAT_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/emcompat/npm-browser}

[[ -x $chromium ]] || { echo "FAIL: $chromium is missing: scripts/setup-build-deps.sh installs Debian's chromium"; exit 1; }
command -v npm >/dev/null || { echo "FAIL: npm is missing (Debian: nodejs, npm)"; exit 1; }

mkdir -p "$npmdir" "$artifacts"
(
	flock 9
	if ! cmp -s "$here/package-lock.json" "$npmdir/node_modules/.emcompat-lock.json"; then
		cp "$here/package.json" "$here/package-lock.json" "$npmdir/"
		npm ci --prefix "$npmdir" --no-audit --no-fund --loglevel=error
		cp "$here/package-lock.json" "$npmdir/node_modules/.emcompat-lock.json"
	fi
) 9>"$npmdir/.lock"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fake=$src/tests/fake/toolchain

# A run exits 1 when a cell failed: these runs have failing cells on purpose.
"$bin" run "$src/tests/cli/data/fake-mixed.json" -o "$tmp/plain" --fake-toolchains "$fake" -j 2 -q >/dev/null || true
[[ -f $tmp/plain/report.html ]] || { echo "FAIL: emcompat run wrote no report.html"; exit 1; }

# Against a baseline in which a failing cell passed and a passing cell failed.
cp -r "$tmp/plain" "$tmp/marked"
mkdir "$tmp/base"
python3 - "$tmp/plain/results.json" "$tmp/base/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
failing = next(c for c in r["cells"] if c["status"] == "fail")
passing = next(c for c in r["cells"] if c["status"] == "pass")
failing["status"] = "pass"
for k in ("class", "stage", "lines"):
    failing.pop(k, None)
passing["status"] = "fail"
passing["class"] = "unclassified"
json.dump(r, open(sys.argv[2], "w"))
json.dump({"regressed": failing["id"], "fixed": passing["id"]}, open(sys.argv[2] + ".ids", "w"))
PY
"$bin" report "$tmp/marked" --baseline "$tmp/base" >/dev/null

# Three nights in a history: the third run's report shows each cell's nights as a strip and
# what changed since the second, in which one failing cell passed and one passing cell failed.
"$bin" run "$src/tests/cli/data/fake-mixed.json" -o "$tmp/night1" --fake-toolchains "$fake" -j 2 -q --history "$tmp/history.db" >/dev/null || true
mkdir "$tmp/night2"
python3 - "$tmp/night1/results.json" "$tmp/night2/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["run"]["id"] = "night2"
r["run"]["started"] = r["run"]["finished"]
failing = [c for c in r["cells"] if c["status"] == "fail"]
passing = next(c for c in r["cells"] if c["status"] == "pass")
failing[-1]["status"] = "pass"
for k in ("class", "stage"):
    failing[-1].pop(k, None)
passing["status"] = "fail"
passing["class"] = "unclassified"
passing["stage"] = "run"
json.dump(r, open(sys.argv[2], "w"))
json.dump({"regressed": failing[-1]["id"], "fixed": passing["id"]}, open(sys.argv[2] + ".ids", "w"))
PY
"$bin" history add "$tmp/history.db" "$tmp/night2" >/dev/null
"$bin" run "$src/tests/cli/data/fake-mixed.json" -o "$tmp/nights" --fake-toolchains "$fake" -j 2 -q --history "$tmp/history.db" >/dev/null || true

# Strings of a run that must stay text: a log line that closes the script
# element, markup, U+2028/U+2029 line ends.
cp -r "$tmp/plain" "$tmp/hostile"
python3 - "$tmp/hostile/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = next(c for c in r["cells"] if c["status"] == "fail")
c["summary"] = "</script><script>window.pwned = 1</script> <img src=x onerror=window.pwned=2> \u2028end\u2029"
c["lines"] = ["</SCRIPT><!-- <script>window.pwned = 3</script>"]
json.dump(r, open(sys.argv[1], "w"))
PY
"$bin" report "$tmp/hostile" >/dev/null

# A stage that fails printing terminal escape sequences, Markdown and HTML (tests/fake: hostile-<stage>).
printf '{"name":"hostile-log","axes":{"rust":["1.63"],"emscripten":["3.1.6"],"probe":["add"],"loader":["emcc-main"],"behave":["ok","hostile-link"]}}\n' >"$tmp/hostile-log.json"
"$bin" run "$tmp/hostile-log.json" -o "$tmp/hostile-log" --fake-toolchains "$fake" -j 2 -q >/dev/null || true

# No rust, emscripten or loader axis: the first axis gives the rows.
printf '{"name":"fake-axes","axes":{"alpha":["a1","a2"],"behave":["ok","fail-link","fail-run"],"gamma":["g1","g2"]}}\n' >"$tmp/axes.json"
"$bin" run "$tmp/axes.json" -o "$tmp/axes" --fake-toolchains "$fake" -j 2 -q >/dev/null || true

REPORT_DIRS="$tmp" ARTIFACTS=$artifacts CHROMIUM=$chromium NPM_DIR=$npmdir SIGNATURES=$src/matrix/signatures.json \
	node --test --test-reporter=spec "$here/report.test.mjs"
