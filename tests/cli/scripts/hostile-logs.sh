#!/usr/bin/env bash
# Hostile logs through every writer (issue 22): a fake link stage fails
# printing terminal escape sequences (OSC title, CSI clear, DCS, an
# unterminated OSC 8 hyperlink, C1 bytes raw and in UTF-8), Markdown, HTML
# and backticks (tests/fake/toolchain/fake.sh, behave=hostile-link). Then:
# the run's terminal output on a pty (live line and plain) carries no ESC,
# BEL or C1 but the runner's own line clearing; summary.md holds none, and
# GitHub's renderer (cmark-gfm) makes no link, image, emphasis or HTML of
# it; junit.xml passes xmllint; results.json parses and keeps the text as
# data; classify, diff, recommend and bisect print no ESC, BEL or C1, with
# the logs' text and hostile strings in a results.json from elsewhere. The
# logs on disk keep the raw bytes.
source "$(dirname "$0")/lib.sh"
m=$tmp/hostile.json
printf '{"name":"hostile","axes":{"rust":["1.63"],"emscripten":["3.1.6"],"probe":["add"],"loader":["emcc-main"],"behave":["ok","hostile-link"]}}\n' >"$m"

# on_pty OUT CMD...: runs CMD on a pseudo-terminal (80x24), its output into OUT; returns its exit code.
on_pty() {
	python3 - "$@" <<'PY'
import os, pty, struct, sys, fcntl, termios
out, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
data = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
open(out, "wb").write(data)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

# safe WHAT FILE [OWN]: FILE is UTF-8 with no C0 control but tab, newline and
# CR, no DEL and no C1, once the runner's own sequence OWN (a regex of bytes) is taken out.
safe() {
	python3 - "$@" <<'PY' || fail "$1: unsafe bytes reach the terminal"
import re, sys
what, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if len(sys.argv) > 3:
    data = re.sub(sys.argv[3].encode(), b"", data)
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit(f"{what}: not UTF-8: {e}")
bad = [(i, hex(ord(c))) for i, c in enumerate(text) if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F]
if bad:
    sys.exit(f"{what}: control characters at {bad[:5]}: {text[max(0, bad[0][0] - 40):bad[0][0] + 40]!r}")
PY
}

# The run on a terminal, live (the redrawn progress line), then as in CI.
on_pty "$tmp/pty-live" env -u CI "$bin" run "$m" -o "$tmp/r" --fake-toolchains "$fake" -j 2 && rc=0 || rc=$?
expect_eq "live run" "$rc" 1
safe "live terminal" "$tmp/pty-live" $'\r\x1b\\[K'
grep -qF 'at link: unclassified: error: \e]0;HACKED\a' "$tmp/pty-live" || fail "live terminal: the failure line shows no visible escapes: $(cat -v "$tmp/pty-live")"
on_pty "$tmp/pty-ci" env CI=true "$bin" run "$m" -o "$tmp/r2" --fake-toolchains "$fake" -j 2 && rc=0 || rc=$?
expect_eq "CI run" "$rc" 1
safe "CI terminal" "$tmp/pty-ci"
grep -qF 'error: \e]0;HACKED\a  \eP+q\e\ ' "$tmp/pty-ci" || fail "CI terminal: $(cat -v "$tmp/pty-ci")"
grep -qF '\u009b 31m a|b [click](https://evil.example) **bold** <img src=https://evil.example/t.png> `tick` ``two`` \e]8;;http://x' \
	"$tmp/pty-ci" || fail "CI terminal: the line is not readable: $(cat -v "$tmp/pty-ci")"

# The logs are evidence: raw bytes.
grep -qaF $'\x1b]0;HACKED\x07' "$tmp/r"/logs/link-*.stderr.log || fail "the log lost its raw bytes"

# summary.md: no ESC, BEL or C1; rendered as GitHub does, nothing but text and code.
safe "summary.md" "$tmp/r/summary.md"
grep -qF '| ```error: \e]0;HACKED\a' "$tmp/r/summary.md" || fail "summary.md: $(cat -v "$tmp/r/summary.md")"
have_cmark=0
if command -v cmark-gfm >/dev/null; then
	have_cmark=1
	# --unsafe: raw HTML passes, so any that formed would show.
	cmark-gfm --unsafe -e table -e autolink -e strikethrough -e tagfilter "$tmp/r/summary.md" >"$tmp/summary.html"
	python3 - "$tmp/summary.html" <<'PY' || fail "summary.md renders markup from the log"
import re, sys
# The grid's own bold: a probe's name.
html = open(sys.argv[1], encoding="utf-8").read().replace("<p><strong>add</strong></p>", "")
found = [t for t in ("<a ", "<img", "<strong", "<em", "<del", "<script") if t in html]
if found:
    sys.exit(f"summary.md renders {found}: {html}")
tags = set(re.findall(r"</?([a-z0-9]+)", html))
extra = tags - {"h2", "h3", "p", "code", "table", "thead", "tbody", "tr", "th", "td"}
if extra:
    sys.exit(f"summary.md renders elements {extra}")
want = ("<code>error: \\e]0;HACKED\\a  \\eP+q\\e\\ \ufffd \\u009b 31m a|b [click](https://evil.example) **bold** "
        "&lt;img src=https://evil.example/t.png&gt; `tick` ``two`` \\e]8;;http://x</code>")
if want not in html:
    sys.exit(f"summary.md: the hostile line is not one literal code span: {html}")
PY
fi

# junit.xml: well-formed, no ESC or BEL.
xmllint --noout "$tmp/r/junit.xml" || fail "junit.xml is not well-formed"
safe "junit.xml" "$tmp/r/junit.xml"

# results.json: parses; the summary keeps the text as printed (as data, JSON-escaped).
python3 - "$tmp/r/results.json" <<'PY' || fail "results.json"
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
c = next(c for c in cells if c["status"] == "fail")
assert c["class"] == "unclassified", c
assert c["summary"].startswith("error: \x1b]0;HACKED\x07 "), c["summary"]
assert "\ufffd \x9b 31m" in c["summary"], c["summary"]
PY
grep -qF '\u001b]0;HACKED\u0007' "$tmp/r/results.json" || fail "results.json: controls are not JSON escapes"

# classify on the raw log, as text and as JSON.
log=$tmp/r/$(python3 -c 'import json, sys
c = next(c for c in json.load(open(sys.argv[1]))["cells"] if c["status"] == "fail")
print(next(s["log"] for s in c["stages"] if s["stage"] == "link"))' "$tmp/r/results.json")
"$bin" classify "$log" --stage link --failed >"$tmp/classify" && rc=0 || rc=$?
expect_eq "classify" "$rc" 1
safe "classify" "$tmp/classify"
grep -qF 'summary: error: \e]0;HACKED\a' "$tmp/classify" || fail "classify: $(cat -v "$tmp/classify")"
"$bin" classify "$log" --stage link --failed --json >"$tmp/classify.json" && rc=0 || rc=$?
expect_eq "classify --json" "$rc" 1
safe "classify --json" "$tmp/classify.json"
python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]; assert "\x1b]0;HACKED\x07" in s and "\x9b" in s, s' \
	"$tmp/classify.json" || fail "classify --json: $(cat -v "$tmp/classify.json")"

# A results.json from elsewhere with hostile strings where classes, stages, values and ids go.
mkdir "$tmp/evil"
python3 - "$tmp/r/results.json" "$tmp/evil/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = next(c for c in r["cells"] if c["status"] == "fail")
c["class"] = "\x1b]0;CLASS\x07[x](https://evil.example)"
c["stage"] = "link\x1b[2J"
c["summary"] = "\u009b31m\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\ <img src=x>"
json.dump(r, open(sys.argv[2], "w"))
PY
"$bin" diff "$tmp/r2" "$tmp/evil" >"$tmp/diff" && rc=0 || rc=$?
expect_eq "diff" "$rc" 0
safe "diff" "$tmp/diff"
grep -qF '(\e]0;CLASS\a[x](https://evil.example)) at link\e[2J: \u009b31m\e]8;;http://x\e\click\e]8;;\e\ <img src=x>' "$tmp/diff" ||
	fail "diff: $(cat -v "$tmp/diff")"
"$bin" diff "$tmp/r2" "$tmp/evil" --json >"$tmp/diff.json" || fail "diff --json"
safe "diff --json" "$tmp/diff.json"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/diff.json" || fail "diff --json does not parse"
"$bin" report "$tmp/evil" --baseline "$tmp/r2" >/dev/null || fail "report of the hostile results.json"
safe "summary.md of a hostile results.json" "$tmp/evil/summary.md"
if ((have_cmark)); then
	cmark-gfm --unsafe -e table -e autolink -e strikethrough -e tagfilter "$tmp/evil/summary.md" >"$tmp/evil.html"
	! grep -v '^<p><strong>add</strong></p>$' "$tmp/evil.html" | grep -qE '<a |<img|<strong|<em' || fail "summary.md of a hostile results.json: $(cat "$tmp/evil.html")"
fi
xmllint --noout "$tmp/evil/junit.xml" || fail "junit.xml of a hostile results.json"
safe "junit.xml of a hostile results.json" "$tmp/evil/junit.xml"

# recommend names classes and stages (--verbose lists the cells).
"$bin" recommend "$tmp/evil" --axis behave --verbose >"$tmp/recommend" && rc=0 || rc=$?
expect_eq "recommend" "$rc" 0
safe "recommend" "$tmp/recommend"
grep -qF '\e]0;CLASS\a[x](https://evil.example) at link\e[2J' "$tmp/recommend" || fail "recommend: $(cat -v "$tmp/recommend")"
"$bin" recommend "$tmp/evil" --axis behave --json >"$tmp/recommend.json" || fail "recommend --json"
safe "recommend --json" "$tmp/recommend.json"

# bisect runs the cells: its lines quote the failing stage's summary.
"$bin" bisect "$m" --axis behave --good ok --bad hostile-link -o "$tmp/b" --fake-toolchains "$fake" >"$tmp/bisect" 2>&1 &&
	rc=0 || rc=$?
expect_eq "bisect" "$rc" 0
safe "bisect" "$tmp/bisect"
grep -qF 'first bad: behave=hostile-link: fail at link: unclassified: error: \e]0;HACKED\a' "$tmp/bisect" ||
	fail "bisect: $(cat -v "$tmp/bisect")"

# A toolchain manifest is a file anyone could have written: toolchains shows its text as data.
mkdir -p "$tmp/evilcache/rust/1.96"
printf '{"schema":"emcompat-toolchain/1","kind":"rust","version":"1.96","identity":"rustc \\u001b]0;HACKED\\u0007 \\u009b2J","env":{},"llvm":"22\\u001b[2J"}\n' \
	>"$tmp/evilcache/rust/1.96/toolchain.json"
EMCOMPAT_CACHE=$tmp/evilcache "$bin" toolchains >"$tmp/toolchains" || fail "toolchains of a hostile manifest"
safe "toolchains" "$tmp/toolchains"
grep -qF 'rustc \e]0;HACKED\a \u009b2J; LLVM 22\e[2J' "$tmp/toolchains" || fail "toolchains: $(cat -v "$tmp/toolchains")"
EMCOMPAT_CACHE=$tmp/evilcache "$bin" toolchains --json >"$tmp/toolchains.json" || fail "toolchains --json of a hostile manifest"
safe "toolchains --json" "$tmp/toolchains.json"

if ((!have_cmark)); then
	[[ ${CI:-} != true ]] || fail "cmark-gfm is missing: scripts/setup-build-deps.sh installs it"
	((failures)) || { echo "skipped: cmark-gfm is missing (scripts/setup-build-deps.sh installs it)"; exit 77; }
fi
finish
