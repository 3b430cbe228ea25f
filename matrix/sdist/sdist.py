#!/usr/bin/env python3
# sdist.py: the build and link nodes of a package cell built from source
# ("build": "source"), and the test setup's download.
#
#   sdist.py fetch --store DIR --cargo CARGO [--cargo-home DIR] REQ | --path DIR
#   sdist.py build --store DIR --cargo CARGO [--cargo-home DIR] --target-dir DIR --out DIR REQ | --path DIR
#   sdist.py link --build DIR --out DIR --python-tag cpXY --platform TAG [--require REQ]... -- EMCC ARG...
#
# fetch: REQ ("name==version") once into the store: the sdist PyPI's
# simple index (PEP 691) lists, its sha256 checked against the index's, its
# crates vendored by `cargo vendor` from its Cargo.lock (--locked, but for
# features of dependencies the build names: resolved with them too; so the
# sdist's Cargo.lock is what is built); STORE/<name>-<version>.json names STORE/<sha256>/, which
# holds the sdist, vendor/ and vendor.toml. An sdist without a Cargo.lock
# gets one from `cargo generate-lockfile` (the fetching cargo, network),
# kept as STORE/<sha256>/Cargo.lock; its record says so (lock_generated:
# when, lock_cargo: which cargo, lock_path: where in the sdist). Under a
# lock; a second call reads the store, offline. --cargo-home: the
# CARGO_HOME cargo vendor downloads crates with (the build itself runs
# offline). --path DIR: a local project instead (a matrix's "path"), built
# from a fresh copy; its crates are vendored once per content of its
# Cargo.lock (STORE/lock-<sha256>/).
# What to build is read, never run, from the build backend's metadata:
# maturin's [tool.maturin] (manifest-path, module-name, features,
# python-source), else setuptools-rust's first extension module
# ([[tool.setuptools-rust.ext-modules]] in pyproject.toml, else
# RustExtension(...) in setup.py: target, path, features, py_limited_api).
# build: fetch, then the sdist unpacked afresh into the target dir and
# built by `cargo rustc --offline --locked --release --crate-type
# staticlib -p <the manifest's own package id>` for wasm32-unknown-emscripten
# (the recipe's environment carries the sysroot, PyO3's target Python and
# the rest); OUT gets libpackage.a, python/ (the package's Python files as
# its backend ships them, or the __init__.py maturin would generate) and
# build.json.
# link: EMCC ARG... -sEXPORTED_FUNCTIONS=_PyInit_<m> OUT/lib.a -o
# OUT/<m>.so, then the module packed as a wheel into OUT/wheel/, as its
# backend lays it out; prints {"wheel": the sdist's record}. --require REQ:
# a pure-Python requirement, its *-none-any.whl from PyPI (sha256 checked)
# into OUT/requires/<name>/, which the harness installs first.
# Exit 0; 78 when the metadata names nothing buildable (the cell is an
# `error`: the message says what was looked for); 1 on any other failure
# (the tools' output says which).
import argparse
import ast
import base64
import configparser
import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
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


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pypi_download(req, dest):
    """REQ's sdist from PyPI into DEST, by the file and sha256 its simple index (PEP 691) lists: its record.

    Not pip download: that prepares the sdist's metadata, running its build
    backend (setup.py, maturin and cargo, a rust-toolchain.toml's rustup)."""
    name, version = req.split("==", 1)

    def sdist(file):
        stem = file[:-len(".tar.gz")] if file.endswith(".tar.gz") else ""
        return stem and canonical(stem.rpartition("-")[0]) == canonical(name) and stem.rpartition("-")[2] == version
    return pypi_file(req, sdist, "sdist (.tar.gz)", dest)


def pypi_file(req, wanted, what, dest):
    """The first file of REQ's project on PyPI's simple index that WANTED(filename) accepts, into DEST, its
    sha256 checked against the index's: its record."""
    name, version = req.split("==", 1)
    get = urllib.request.Request("https://pypi.org/simple/%s/" % canonical(name),
                                 headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    say("$ GET %s" % get.full_url)
    with urllib.request.urlopen(get, timeout=60) as f:
        meta = json.load(f)
    for u in meta.get("files", []):
        if wanted(u.get("filename", "")):
            break
    else:
        sys.exit("sdist: PyPI lists no %s of %s" % (what, req))
    file = os.path.basename(u["filename"])
    path = os.path.join(dest, file)
    say("$ GET %s" % u["url"])
    with urllib.request.urlopen(u["url"], timeout=300) as f, open(path, "wb") as out:
        shutil.copyfileobj(f, out)
    sha = sha256_of(path)
    if u.get("hashes", {}).get("sha256") != sha:
        sys.exit("sdist: %s: sha256 %s differs from PyPI's %s" % (file, sha, u.get("hashes", {}).get("sha256")))
    return {"pypi": req, "version": version, "file": file, "url": u["url"], "sha256": sha}


def pure_wheel(req, dest):
    """REQ's pure-Python wheel (*-none-any.whl) from PyPI into DEST: its record."""
    name, version = req.split("==", 1)

    def pure(file):
        parts = file[:-len(".whl")].split("-") if file.endswith("-none-any.whl") else []
        return len(parts) >= 5 and canonical(parts[0]) == canonical(name) and parts[1] == version
    return pypi_file(req, pure, "pure-Python wheel (*-none-any.whl)", dest)


def unpack(sdist, dest):
    """The sdist's one top directory, unpacked under DEST."""
    with tarfile.open(sdist) as t:
        t.extractall(dest, filter="data")
    tops = os.listdir(dest)
    if len(tops) != 1:
        sys.exit("sdist: %s: %d top directories, not one" % (sdist, len(tops)))
    return os.path.join(dest, tops[0])


class NotBuildable(Exception):
    """The project's build metadata names no Rust extension sdist.py can build: a runner-side problem."""


# sdist.py's exit status when a project is NotBuildable: the cell is an
# `error`, not a failure (RESULTS_EXIT_NOT_BUILDABLE in results.h).
EXIT_NOT_BUILDABLE = 78

HOW_TO_POINT = ("a matrix \"path\" package of a local copy with [tool.maturin] (manifest-path, module-name) "
                "or [[tool.setuptools-rust.ext-modules]] (target, path) in its pyproject.toml builds it")


def read_toml(path):
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        return tomllib.load(f)


def literal(node, what):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError):
        raise NotBuildable("setup.py: %s is not a literal (%s): sdist.py reads setup.py without running it"
                           % (what, ast.unparse(node)))


def setup_py(src):
    """setup.py's RustExtension(...) calls and setup(...)'s literal packages and package_dir, read (never run)."""
    path = os.path.join(src, "setup.py")
    if not os.path.exists(path):
        return [], {}
    with open(path, "rb") as f:
        try:
            tree = ast.parse(f.read(), filename=path)
        except (SyntaxError, ValueError) as e:
            raise NotBuildable("setup.py does not parse as Python 3 (%s): %s" % (e, HOW_TO_POINT))
    exts, setup = [], {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if name == "RustExtension":
            # RustExtension(target, path="Cargo.toml", ..., features=(), binding=Binding.PyO3, py_limited_api="auto")
            pos = ["target", "path"]
            args = dict(zip(pos, node.args), **kw)
            if "target" not in args:
                raise NotBuildable("setup.py: a RustExtension(...) without its target")
            ext = {"target": literal(args["target"], "RustExtension's target"),
                   "path": literal(args["path"], "RustExtension's path") if "path" in args else "Cargo.toml",
                   "features": list(literal(args["features"], "RustExtension's features"))
                   if "features" in args else []}
            if "binding" in args:
                b = args["binding"]
                ext["binding"] = b.attr if isinstance(b, ast.Attribute) else literal(b, "RustExtension's binding")
            if "py_limited_api" in args:
                ext["py-limited-api"] = literal(args["py_limited_api"], "RustExtension's py_limited_api")
            exts.append(ext)
        elif name == "setup":
            for k in ("packages", "package_dir"):
                if k in kw:
                    try:
                        setup[k] = ast.literal_eval(kw[k])
                    except (ValueError, TypeError, SyntaxError):
                        pass  # find_packages() and the like: the target's package is found on disk
    return exts, setup


def limited_api(src, ext):
    """Whether setuptools-rust builds EXT for the limited API (an .abi3.so).

    "auto" follows bdist_wheel's py_limited_api (setup.cfg)."""
    v = ext.get("py-limited-api", "auto")
    if v != "auto":
        return bool(v)
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(src, "setup.cfg"))
    return bool(cfg.get("bdist_wheel", "py_limited_api", fallback="") or cfg.get("bdist_wheel", "py-limited-api",
                                                                                fallback=""))


def cargo_package(manifest):
    with open(manifest, "rb") as f:
        cargo = tomllib.load(f)
    crate = cargo.get("package", {}).get("name")
    if not crate:
        raise NotBuildable("%s names no [package]" % manifest)
    return crate, cargo.get("lib", {}).get("name", crate.replace("-", "_"))


def project(src):
    """How the project's build backend builds its Rust extension: maturin's [tool.maturin], else
    setuptools-rust's [tool.setuptools-rust] ext-modules or setup.py's RustExtension(...)."""
    pyproject = read_toml(os.path.join(src, "pyproject.toml"))
    tool = pyproject.get("tool", {})
    backend = pyproject.get("build-system", {}).get("build-backend", "")
    exts = tool.get("setuptools-rust", {}).get("ext-modules", [])
    setup = {}
    if "maturin" not in tool and not backend.startswith("maturin") and not exts:
        exts, setup = setup_py(src)
    if "maturin" in tool or backend.startswith("maturin") or (not exts and os.path.exists(
            os.path.join(src, "Cargo.toml"))):
        maturin = tool.get("maturin", {})
        manifest = os.path.join(src, maturin.get("manifest-path", "Cargo.toml"))
        if not os.path.exists(manifest):
            raise NotBuildable("no %s (maturin's manifest-path): %s" % (manifest, HOW_TO_POINT))
        crate, lib = cargo_package(manifest)
        module = maturin.get("module-name", lib)
        return {"backend": "maturin", "manifest": manifest, "crate": crate, "lib": lib, "module": module,
                "features": maturin.get("features", []),
                "python_source": os.path.join(src, maturin.get("python-source", ""))}
    if not exts:
        raise NotBuildable("neither maturin ([tool.maturin], build-backend maturin, a Cargo.toml at the top) nor "
                           "setuptools-rust ([[tool.setuptools-rust.ext-modules]] in pyproject.toml, "
                           "RustExtension(...) in setup.py) says how to build a Rust extension of %s: %s"
                           % (os.path.basename(src), HOW_TO_POINT))
    ext = exts[0]
    if len(exts) > 1:
        say("sdist: %d Rust extensions; building the first, %s" % (len(exts), ext.get("target")))
    if not isinstance(ext.get("target"), str):
        raise NotBuildable("setuptools-rust: an extension's target is not a module name: %r" % (ext.get("target"),))
    if ext.get("binding", "PyO3") not in ("PyO3", "RustCPython"):
        raise NotBuildable("setuptools-rust: %s is built with binding %s, not a Python extension module"
                           % (ext["target"], ext["binding"]))
    manifest = os.path.join(src, ext.get("path", "Cargo.toml"))
    if not os.path.exists(manifest):
        raise NotBuildable("no %s (setuptools-rust's path of %s): %s" % (manifest, ext["target"], HOW_TO_POINT))
    crate, lib = cargo_package(manifest)
    st = tool.get("setuptools", {})
    packages = st.get("packages", setup.get("packages"))
    package_dir = st.get("package-dir", setup.get("package_dir", {}))
    return {"backend": "setuptools-rust", "manifest": manifest, "crate": crate, "lib": lib,
            "module": ext["target"], "features": list(ext.get("features", [])),
            "abi3": limited_api(src, ext),
            "packages": packages if isinstance(packages, list) else None,
            "package_dir": package_dir if isinstance(package_dir, dict) else {}}


COPY_SKIP = shutil.ignore_patterns("target", ".git", "__pycache__")


def lockfile(src, manifest):
    """The Cargo.lock of MANIFEST's workspace: the first one from its directory up to SRC; None: none."""
    d = os.path.dirname(os.path.abspath(manifest))
    while True:
        if os.path.exists(os.path.join(d, "Cargo.lock")):
            return os.path.join(d, "Cargo.lock")
        if d == os.path.abspath(src) or d == os.path.dirname(d):
            return None
        d = os.path.dirname(d)


def generate_lock(cargo, src, manifest, env):
    """A Cargo.lock for an sdist that ships none, resolved now by CARGO (as pip's build would): its record."""
    run([cargo, "generate-lockfile", "--manifest-path", manifest], cwd=src, env=env,
        stdout=sys.stdout, stderr=subprocess.STDOUT)
    lock = lockfile(src, manifest)
    if not lock:
        sys.exit("sdist: cargo generate-lockfile wrote no Cargo.lock above %s" % manifest)
    version = subprocess.run([cargo, "--version"], stdout=subprocess.PIPE, text=True, env=env).stdout.strip()
    return lock, {"lock_generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "lock_cargo": version,
                  "lock_path": os.path.relpath(lock, src)}


def vendor_crates(cargo, src, p, dest, env):
    """The crates of the project P (unpacked in SRC, a scratch copy) vendored into DEST; returns cargo's config.

    Its Cargo.lock lists the optional dependencies its own features may
    enable, not those a feature of a dependency named by the build
    ("pyo3/generate-import-lib") enables, yet cargo looks those up in the
    vendored source too: such features are added to the copy's manifest,
    and the lock resolved against it (what a build with them would fetch)."""
    dep_features = [f for f in p["features"] if "/" in f]
    lock = ["--locked"]
    if dep_features:
        with open(p["manifest"]) as f:
            text = f.read()
        entry = "emcompat-vendor = %s\n" % json.dumps(dep_features)
        head = re.search(r"^\[features\][ \t]*(#.*)?\n", text, re.M)
        text = text[:head.end()] + entry + text[head.end():] if head else text + "\n[features]\n" + entry
        with open(p["manifest"], "w") as f:
            f.write(text)
        lock = []
    cmd = [cargo, "vendor"] + lock + ["--versioned-dirs", "--manifest-path", p["manifest"], dest]
    say("$ " + " ".join(cmd))
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=src, env=env)
    if out.returncode != 0:
        shutil.rmtree(os.path.dirname(dest), ignore_errors=True)
        sys.exit("sdist: cargo vendor exited %d" % out.returncode)
    return out.stdout


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
            dest = os.path.join(tmp, "store")
            os.makedirs(dest)
            rec = pypi_download(req, dest)
            src = unpack(os.path.join(dest, rec["file"]), os.path.join(tmp, "src"))
            p = project(src)
            final = os.path.join(store, rec["sha256"])
            shutil.rmtree(final, ignore_errors=True)
            if not lockfile(src, p["manifest"]):
                lock, generated = generate_lock(cargo, src, p["manifest"], dict(os.environ, **env))
                rec.update(generated)
                shutil.copyfile(lock, os.path.join(dest, "Cargo.lock"))
            # The vendor dir's final path: cargo writes it into its config.
            config = vendor_crates(cargo, src, p, os.path.join(final, "vendor"), dict(os.environ, **env))
            with open(os.path.join(dest, "vendor.toml"), "w") as f:
                f.write(config)
            for e in os.listdir(dest):
                os.rename(os.path.join(dest, e), os.path.join(final, e))
            with open(index + ".tmp", "w") as f:
                json.dump(rec, f, sort_keys=True)
            os.rename(index + ".tmp", index)
            say("sdist: %s fetched (%s, sha256 %s)" % (req, rec["url"], rec["sha256"]))
            return rec
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def fetch_path(store, cargo, path, cargo_home=None):
    """The vendor dir of the local project PATH: STORE/lock-<sha256 of its Cargo.lock>/, made once."""
    env = {"CARGO_HOME": cargo_home} if cargo_home else {}
    p = project(path)
    lock_file = lockfile(path, p["manifest"])
    if not lock_file:
        sys.exit("sdist: %s has no Cargo.lock: run `cargo generate-lockfile` in it" % path)
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
            config = vendor_crates(cargo, src, dict(p, manifest=manifest), os.path.join(final, "vendor"),
                                   dict(os.environ, **env))
            with open(os.path.join(final, "vendor.toml.tmp"), "w") as f:
                f.write(config)
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
        if rec.get("lock_path"):
            shutil.copyfile(os.path.join(base, "Cargo.lock"), os.path.join(src, rec["lock_path"]))
    # On the command line, over the project's own cargo config: that may
    # name a source of its own for crates.io (orjson's include/cargo).
    vendor = ["--config", os.path.join(base, "vendor.toml")]
    p = project(src)
    # The lockfile first: a cargo too old for its format says so here,
    # before any option of the build it may not know.
    say("$ %s metadata %s --offline --locked --format-version 1 --manifest-path %s"
        % (a.cargo, " ".join(vendor), p["manifest"]))
    r = subprocess.run([a.cargo, "metadata"] + vendor + ["--offline", "--locked", "--format-version", "1",
                                                         "--manifest-path", p["manifest"]],
                       cwd=src, stdout=subprocess.DEVNULL)
    if r.returncode != 0:
        sys.exit("sdist: cargo metadata exited %d" % r.returncode)
    # The manifest's own package by its full id: a dependency may share its
    # name (blake3), and every cargo takes back the spec it prints.
    say("$ %s pkgid %s --offline --locked --manifest-path %s" % (a.cargo, " ".join(vendor), p["manifest"]))
    r = subprocess.run([a.cargo, "pkgid"] + vendor + ["--offline", "--locked", "--manifest-path", p["manifest"]],
                       cwd=src, stdout=subprocess.PIPE, text=True)
    if r.returncode != 0 or not r.stdout.strip():
        sys.exit("sdist: cargo pkgid exited %d" % r.returncode)
    cmd = [a.cargo, "rustc"] + vendor + ["--offline", "--locked", "--manifest-path", p["manifest"],
                                         "-p", r.stdout.strip(), "--lib", "--release", "--crate-type", "staticlib",
                                         "--target", "wasm32-unknown-emscripten", "--target-dir", a.target_dir]
    if p["features"]:
        cmd += ["--features", ",".join(p["features"])]
    run(cmd, cwd=src, stdout=sys.stdout, stderr=subprocess.STDOUT)
    lib = os.path.join(a.target_dir, "wasm32-unknown-emscripten", "release", "lib%s.a" % p["lib"])
    shutil.copyfile(lib, os.path.join(a.out, "libpackage.a"))
    py = os.path.join(a.out, "python")
    so = python_files(src, p, py)
    with open(os.path.join(a.out, "build.json"), "w") as f:
        json.dump({"sdist": rec, "module": p["module"], "so": so, "abi3": p.get("abi3", False), "name": name}, f,
                  sort_keys=True)
        f.write("\n")
    say(json.dumps({"sdist": rec}, sort_keys=True))


SKIP_BUILT = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")


def python_files(src, p, py):
    """The project's Python files into PY as its backend lays out its wheel; returns the module's path there."""
    module = p["module"]
    top, last = module.split(".")[0], module.split(".")[-1]
    if p["backend"] == "setuptools-rust":
        # setuptools-rust puts the module at its dotted target's path; the
        # packages are setuptools' (package-dir, packages), nothing generated.
        dirs = p["package_dir"]
        # setuptools' automatic discovery: src/ when the package is there.
        if "" not in dirs and not os.path.isdir(os.path.join(src, top)) and \
                os.path.isdir(os.path.join(src, "src", top)):
            dirs = dict(dirs, **{"": "src"})

        def where(pkg):
            if pkg in dirs:
                return os.path.join(src, dirs[pkg])
            return os.path.join(src, dirs.get("", ""), *pkg.split("."))
        if p["packages"] is None:
            if "." in module and os.path.isdir(where(top)):
                shutil.copytree(where(top), os.path.join(py, top), ignore=SKIP_BUILT)
        else:
            for pkg in p["packages"]:
                d = where(pkg)
                if not os.path.isdir(d):
                    continue
                out = os.path.join(py, *pkg.split("."))
                os.makedirs(out, exist_ok=True)
                for n in sorted(os.listdir(d)):
                    if os.path.isfile(os.path.join(d, n)) and not n.endswith((".so", ".pyd", ".pyc")):
                        shutil.copyfile(os.path.join(d, n), os.path.join(out, n))
                    elif os.path.isdir(os.path.join(d, n)) and n != "__pycache__" and \
                            not os.path.exists(os.path.join(d, n, "__init__.py")):
                        # A data directory (package_data), not a package.
                        shutil.copytree(os.path.join(d, n), os.path.join(out, n), ignore=SKIP_BUILT)
        return module.replace(".", "/")
    if os.path.isdir(os.path.join(p["python_source"], top)):
        shutil.copytree(os.path.join(p["python_source"], top), os.path.join(py, top), ignore=SKIP_BUILT)
    else:
        # What maturin generates for a project without Python sources.
        os.makedirs(os.path.join(py, top))
        with open(os.path.join(py, top, "__init__.py"), "w") as f:
            f.write("from .%s import *\n\n__doc__ = %s.__doc__\nif hasattr(%s, \"__all__\"):\n"
                    "    __all__ = %s.__all__\n" % (last, last, last, last))
    return module.replace(".", "/") if "." in module else "%s/%s" % (module, module)


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
    suffix = ".abi3.so" if b.get("abi3") else ".cpython-%s-wasm32-emscripten.so" % a.python_tag[2:]
    files.append((b["so"] + suffix, open(so, "rb").read()))
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
    # The package's pure-Python requirements, where the harness installs them first.
    for req in a.require:
        sub = os.path.join(a.out, "requires", req.split("==", 1)[0])
        os.makedirs(sub)
        pure_wheel(req, sub)
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
    k.add_argument("--require", action="append", default=[])
    k.add_argument("emcc", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if a.cmd in ("fetch", "build") and bool(a.req) == bool(a.path):
        sys.exit("sdist: %s needs a requirement NAME==VERSION or --path DIR, not both" % a.cmd)
    try:
        if a.cmd == "fetch" and a.path:
            fetch_path(a.store, a.cargo, a.path, a.cargo_home)
        elif a.cmd == "fetch":
            say(json.dumps({"sdist": fetch(a.store, a.cargo, a.req, a.cargo_home)}, sort_keys=True))
        elif a.cmd == "build":
            build(a)
    except NotBuildable as e:
        print("sdist: %s" % e, file=sys.stderr, flush=True)
        return EXIT_NOT_BUILDABLE
    if a.cmd == "link":
        if a.emcc[:1] == ["--"]:
            a.emcc = a.emcc[1:]
        if not a.emcc:
            sys.exit("sdist: link needs an emcc command after --")
        link(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
