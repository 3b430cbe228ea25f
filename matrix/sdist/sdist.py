#!/usr/bin/env python3
# sdist.py: the build and link nodes of a package cell built from source
# ("build": "source"), and the test setup's download.
#
#   sdist.py fetch --store DIR --cargo CARGO [--cargo-home DIR] REQ | --path DIR
#   sdist.py build --store DIR --cargo CARGO [--cargo-home DIR] --target-dir DIR --out DIR REQ | --path DIR
#   sdist.py link --build DIR --out DIR --python-tag cpXY --platform TAG -- EMCC ARG...
#
# fetch: REQ ("name==version") once into the store: the sdist by pip
# download, its sha256 checked against PyPI's simple index (PEP 691), its
# crates vendored by `cargo vendor --locked` (so the sdist's Cargo.lock is
# what is built); STORE/<name>-<version>.json names STORE/<sha256>/, which
# holds the sdist, vendor/ and vendor.toml. Under a lock; a second call
# reads the store, offline. --cargo-home: the CARGO_HOME cargo vendor
# downloads crates with (the build itself runs offline). --path DIR: a local
# project instead (a matrix's "path"), built from a fresh copy; its crates
# are vendored once per content of its Cargo.lock (STORE/lock-<sha256>/).
# build: fetch, then the sdist unpacked afresh into the target dir and
# built by `cargo rustc --offline --locked --release --crate-type
# staticlib` for wasm32-unknown-emscripten (the recipe's environment
# carries the sysroot, PyO3's target Python and the rest); OUT gets
# lib<module>.a, python/ (the package's Python files, or the __init__.py
# maturin would generate) and build.json.
# link: EMCC ARG... -sEXPORTED_FUNCTIONS=_PyInit_<m> OUT/lib.a -o
# OUT/<m>.so, then the module packed as a wheel into OUT/wheel/, as maturin
# lays it out; prints {"wheel": the sdist's record} (results.json reads it).
# Exit 0, 1 on any failure (the tools' output says which).
import argparse
import base64
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import urllib.request
import zipfile


def say(*args):
    print(*args, flush=True)


def run(cmd, **kw):
    say("$ " + " ".join(cmd))
    r = subprocess.run(cmd, **kw)
    if r.returncode != 0:
        sys.exit("sdist: %s exited %d" % (os.path.basename(cmd[0]), r.returncode))


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pypi_record(path, req):
    """The sdist's record, its sha256 checked against the one PyPI publishes."""
    name, version = req.split("==", 1)
    sha = sha256_of(path)
    file = os.path.basename(path)
    get = urllib.request.Request("https://pypi.org/simple/%s/" % name,
                                 headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(get, timeout=60) as f:
        meta = json.load(f)
    for u in meta.get("files", []):
        if u.get("filename") == file:
            if u.get("hashes", {}).get("sha256") != sha:
                sys.exit("sdist: %s: sha256 %s differs from PyPI's %s" % (file, sha, u["hashes"].get("sha256")))
            return {"pypi": req, "version": version, "file": file, "url": u["url"], "sha256": sha}
    sys.exit("sdist: %s is not among the files PyPI lists for %s" % (file, req))


def unpack(sdist, dest):
    """The sdist's one top directory, unpacked under DEST."""
    with tarfile.open(sdist) as t:
        t.extractall(dest, filter="data")
    tops = os.listdir(dest)
    if len(tops) != 1:
        sys.exit("sdist: %s: %d top directories, not one" % (sdist, len(tops)))
    return os.path.join(dest, tops[0])


def project(src):
    """What maturin reads of pyproject.toml: manifest, module name, features, python-source."""
    maturin = {}
    if os.path.exists(os.path.join(src, "pyproject.toml")):
        with open(os.path.join(src, "pyproject.toml"), "rb") as f:
            maturin = tomllib.load(f).get("tool", {}).get("maturin", {})
    manifest = os.path.join(src, maturin.get("manifest-path", "Cargo.toml"))
    with open(manifest, "rb") as f:
        cargo = tomllib.load(f)
    crate = cargo.get("package", {}).get("name")
    if not crate:
        sys.exit("sdist: %s names no [package]" % manifest)
    lib = cargo.get("lib", {}).get("name", crate.replace("-", "_"))
    module = maturin.get("module-name", lib)
    return {"manifest": manifest, "crate": crate, "lib": lib, "module": module,
            "features": maturin.get("features", []),
            "python_source": os.path.join(src, maturin.get("python-source", ""))}


def fetch(store, cargo, req, cargo_home=None):
    """The store's record of REQ, downloading and vendoring it first when missing."""
    env = {"CARGO_HOME": cargo_home} if cargo_home else {}
    os.makedirs(store, exist_ok=True)
    index = os.path.join(store, req.replace("==", "-") + ".json")
    with open(os.path.join(store, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(index):
            with open(index) as f:
                rec = json.load(f)
            path = os.path.join(store, rec["sha256"], rec["file"])
            if sha256_of(path) != rec["sha256"]:
                sys.exit("sdist: %s: its sha256 is no longer %s: remove %s" % (path, rec["sha256"], index))
            say("sdist: %s from the cache (%s)" % (req, path))
            return rec
        tmp = tempfile.mkdtemp(prefix=".fetch-", dir=store)
        try:
            name = req.split("==", 1)[0]
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", name,
                 "--disable-pip-version-check", "--no-input", "-d", os.path.join(tmp, "dl"), req],
                stdout=sys.stdout, stderr=subprocess.STDOUT)
            files = os.listdir(os.path.join(tmp, "dl"))
            if len(files) != 1 or not files[0].endswith((".tar.gz", ".tgz")):
                sys.exit("sdist: pip download of %s gave %s, not one sdist" % (req, files))
            rec = pypi_record(os.path.join(tmp, "dl", files[0]), req)
            dest = os.path.join(tmp, "store")
            os.makedirs(dest)
            os.rename(os.path.join(tmp, "dl", files[0]), os.path.join(dest, rec["file"]))
            src = unpack(os.path.join(dest, rec["file"]), os.path.join(tmp, "src"))
            p = project(src)
            final = os.path.join(store, rec["sha256"])
            shutil.rmtree(final, ignore_errors=True)
            # The vendor dir's final path: cargo writes it into its config.
            out = subprocess.run([cargo, "vendor", "--locked", "--versioned-dirs", "--manifest-path",
                                  p["manifest"], os.path.join(final, "vendor")],
                                 stdout=subprocess.PIPE, text=True, cwd=src, env=dict(os.environ, **env))
            say("$ %s vendor --locked --versioned-dirs --manifest-path %s %s/vendor" % (cargo, p["manifest"], final))
            if out.returncode != 0:
                shutil.rmtree(final, ignore_errors=True)
                sys.exit("sdist: cargo vendor exited %d" % out.returncode)
            with open(os.path.join(dest, "vendor.toml"), "w") as f:
                f.write(out.stdout)
            for e in os.listdir(dest):
                os.rename(os.path.join(dest, e), os.path.join(final, e))
            with open(index + ".tmp", "w") as f:
                json.dump(rec, f, sort_keys=True)
            os.rename(index + ".tmp", index)
            say("sdist: %s fetched (%s, sha256 %s)" % (req, rec["url"], rec["sha256"]))
            return rec
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


COPY_SKIP = shutil.ignore_patterns("target", ".git", "__pycache__")


def lockfile(src, manifest):
    """The Cargo.lock of MANIFEST's workspace: the first one from its directory up to SRC."""
    d = os.path.dirname(os.path.abspath(manifest))
    while True:
        if os.path.exists(os.path.join(d, "Cargo.lock")):
            return os.path.join(d, "Cargo.lock")
        if d == os.path.abspath(src) or d == os.path.dirname(d):
            sys.exit("sdist: %s has no Cargo.lock: run `cargo generate-lockfile` in it" % src)
        d = os.path.dirname(d)


def fetch_path(store, cargo, path, cargo_home=None):
    """The vendor dir of the local project PATH: STORE/lock-<sha256 of its Cargo.lock>/, made once."""
    env = {"CARGO_HOME": cargo_home} if cargo_home else {}
    p = project(path)
    lock_file = lockfile(path, p["manifest"])
    final = os.path.join(store, "lock-" + sha256_of(lock_file))
    os.makedirs(store, exist_ok=True)
    with open(os.path.join(store, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(os.path.join(final, "vendor.toml")):
            say("sdist: the crates of %s from the cache (%s)" % (lock_file, final))
            return final
        tmp = tempfile.mkdtemp(prefix=".fetch-", dir=store)
        try:
            src = os.path.join(tmp, "src")
            shutil.copytree(path, src, ignore=COPY_SKIP)
            manifest = os.path.join(src, os.path.relpath(p["manifest"], path))
            shutil.rmtree(final, ignore_errors=True)
            say("$ %s vendor --locked --versioned-dirs --manifest-path %s %s/vendor" % (cargo, manifest, final))
            out = subprocess.run([cargo, "vendor", "--locked", "--versioned-dirs", "--manifest-path", manifest,
                                  os.path.join(final, "vendor")],
                                 stdout=subprocess.PIPE, text=True, cwd=src, env=dict(os.environ, **env))
            if out.returncode != 0:
                shutil.rmtree(final, ignore_errors=True)
                sys.exit("sdist: cargo vendor exited %d" % out.returncode)
            with open(os.path.join(final, "vendor.toml.tmp"), "w") as f:
                f.write(out.stdout)
            os.rename(os.path.join(final, "vendor.toml.tmp"), os.path.join(final, "vendor.toml"))
            return final
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def metadata(src):
    """A local project's distribution name and version: pyproject's [project], else Cargo's [package]."""
    proj = {}
    if os.path.exists(os.path.join(src, "pyproject.toml")):
        with open(os.path.join(src, "pyproject.toml"), "rb") as f:
            proj = tomllib.load(f).get("project", {})
    with open(project(src)["manifest"], "rb") as f:
        pkg = tomllib.load(f).get("package", {})
    version = proj.get("version") or pkg.get("version")
    return proj.get("name") or pkg["name"], version if isinstance(version, str) else "0"


def build(a):
    # Unpacked (or copied) afresh in one place per target dir: cargo leaves
    # a root package's path out of its fingerprints, and fresh files are
    # newer than the last build, so the package is always rebuilt, its deps
    # not.
    if a.path:
        base = fetch_path(a.store, a.cargo, a.path, a.cargo_home)
        name, version = metadata(a.path)
        rec = {"path": a.path, "version": version}
        work = os.path.join(a.target_dir, "src-" + name)
        shutil.rmtree(work, ignore_errors=True)
        src = os.path.join(work, os.path.basename(a.path))
        shutil.copytree(a.path, src, ignore=COPY_SKIP)
    else:
        rec = fetch(a.store, a.cargo, a.req, a.cargo_home)
        base = os.path.join(a.store, rec["sha256"])
        name = a.req.split("==", 1)[0]
        work = os.path.join(a.target_dir, "src-" + name)
        shutil.rmtree(work, ignore_errors=True)
        src = unpack(os.path.join(base, rec["file"]), work)
    os.makedirs(os.path.join(src, ".cargo"), exist_ok=True)
    with open(os.path.join(base, "vendor.toml")) as f:
        vendor = f.read()
    # After the project's own cargo config, if it has one.
    with open(os.path.join(src, ".cargo", "config.toml"), "a") as f:
        f.write("\n" + vendor)
    p = project(src)
    # The lockfile first: a cargo too old for its format says so here,
    # before any option of the build it may not know.
    say("$ %s metadata --offline --locked --format-version 1 --manifest-path %s" % (a.cargo, p["manifest"]))
    r = subprocess.run([a.cargo, "metadata", "--offline", "--locked", "--format-version", "1", "--manifest-path",
                        p["manifest"]], cwd=src, stdout=subprocess.DEVNULL)
    if r.returncode != 0:
        sys.exit("sdist: cargo metadata exited %d" % r.returncode)
    cmd = [a.cargo, "rustc", "--offline", "--locked", "--manifest-path", p["manifest"], "-p", p["crate"], "--lib",
           "--release", "--crate-type", "staticlib", "--target", "wasm32-unknown-emscripten",
           "--target-dir", a.target_dir]
    if p["features"]:
        cmd += ["--features", ",".join(p["features"])]
    run(cmd, cwd=src, stdout=sys.stdout, stderr=subprocess.STDOUT)
    lib = os.path.join(a.target_dir, "wasm32-unknown-emscripten", "release", "lib%s.a" % p["lib"])
    shutil.copyfile(lib, os.path.join(a.out, "libpackage.a"))
    module = p["module"]
    top, last = module.split(".")[0], module.split(".")[-1]
    py = os.path.join(a.out, "python")
    if os.path.isdir(os.path.join(p["python_source"], top)):
        shutil.copytree(os.path.join(p["python_source"], top), os.path.join(py, top),
                        ignore=lambda d, names: [n for n in names if n == "__pycache__" or n.endswith(".so")])
    else:
        # What maturin generates for a project without Python sources.
        os.makedirs(os.path.join(py, top))
        with open(os.path.join(py, top, "__init__.py"), "w") as f:
            f.write("from .%s import *\n\n__doc__ = %s.__doc__\nif hasattr(%s, \"__all__\"):\n"
                    "    __all__ = %s.__all__\n" % (last, last, last, last))
    so = module.replace(".", "/") if "." in module else "%s/%s" % (module, module)
    with open(os.path.join(a.out, "build.json"), "w") as f:
        json.dump({"sdist": rec, "module": module, "so": so, "name": name}, f, sort_keys=True)
        f.write("\n")
    say(json.dumps({"sdist": rec}, sort_keys=True))


def link(a):
    with open(os.path.join(a.build, "build.json")) as f:
        b = json.load(f)
    last = b["module"].split(".")[-1]
    so = os.path.join(a.out, last + ".so")
    run(a.emcc + ["-sEXPORTED_FUNCTIONS=_PyInit_" + last, os.path.join(a.build, "libpackage.a"), "-o", so],
        stdout=sys.stdout, stderr=subprocess.STDOUT)
    rec = b["sdist"]
    dist = b["name"].replace("-", "_")
    tag = "%s-%s-%s" % (a.python_tag, a.python_tag, a.platform)
    info = "%s-%s.dist-info" % (dist, rec["version"])
    files = []
    py = os.path.join(a.build, "python")
    for d, _, names in os.walk(py):
        for n in sorted(names):
            files.append((os.path.relpath(os.path.join(d, n), py), open(os.path.join(d, n), "rb").read()))
    files.append(("%s.cpython-%s-wasm32-emscripten.so" % (b["so"], a.python_tag[2:]), open(so, "rb").read()))
    files.append((info + "/METADATA", ("Metadata-Version: 2.1\nName: %s\nVersion: %s\n" %
                                       (b["name"], rec["version"])).encode()))
    files.append((info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: emcompat\nRoot-Is-Purelib: false\nTag: %s\n" %
                                    tag).encode()))
    os.makedirs(os.path.join(a.out, "wheel"))
    whl = os.path.join(a.out, "wheel", "%s-%s-%s.whl" % (dist, rec["version"], tag))
    record = []
    with zipfile.ZipFile(whl, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files:
            z.writestr(path, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append("%s,sha256=%s,%d" % (path, digest, len(data)))
        record.append(info + "/RECORD,,")
        z.writestr(info + "/RECORD", "\n".join(record) + "\n")
    say("sdist: packed %s" % os.path.basename(whl))
    say(json.dumps({"wheel": rec}, sort_keys=True))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fetch")
    f.add_argument("--store", required=True)
    f.add_argument("--cargo", required=True)
    f.add_argument("--cargo-home")
    f.add_argument("req", nargs="?")
    f.add_argument("--path")
    b = sub.add_parser("build")
    b.add_argument("--store", required=True)
    b.add_argument("--cargo", required=True)
    b.add_argument("--cargo-home")
    b.add_argument("--target-dir", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("req", nargs="?")
    b.add_argument("--path")
    k = sub.add_parser("link")
    k.add_argument("--build", required=True)
    k.add_argument("--out", required=True)
    k.add_argument("--python-tag", required=True)
    k.add_argument("--platform", required=True)
    k.add_argument("emcc", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if a.cmd in ("fetch", "build") and bool(a.req) == bool(a.path):
        sys.exit("sdist: %s needs a requirement NAME==VERSION or --path DIR, not both" % a.cmd)
    if a.cmd == "fetch" and a.path:
        fetch_path(a.store, a.cargo, a.path, a.cargo_home)
    elif a.cmd == "fetch":
        say(json.dumps({"sdist": fetch(a.store, a.cargo, a.req, a.cargo_home)}, sort_keys=True))
    elif a.cmd == "build":
        build(a)
    else:
        if a.emcc[:1] == ["--"]:
            a.emcc = a.emcc[1:]
        if not a.emcc:
            sys.exit("sdist: link needs an emcc command after --")
        link(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
