#!/usr/bin/env python3
# fetch-wheel.py: the download node of a package cell (a prebuilt wheel).
#
#   python3 fetch-wheel.py OUT REQ --python X.Y --abi cpXY --platform TAG...
#                          [--force-platform any|TAG] [--require REQ]...
#
# Downloads REQ ("name==version") with pip, the one wheel that matches the
# platform tags and Python ABI given (cpXY, abi3 or none), into OUT/wheel/;
# with --force-platform, the newest Pyodide wheel of REQ PyPI lists instead
# (any: the newest platform tag, then the newest Python; TAG: the newest
# Python for that platform tag), whatever the runtime's own tags are,
# and each pure-Python requirement into OUT/requires/; checks every file
# against the sha256 PyPI's simple index (PEP 691 JSON) publishes for it; writes what it got
# to OUT/wheel.json and prints it as one JSON line (results.json reads it).
# Exit 0; 77 when PyPI has no wheel of REQ for these tags (the cell is
# skipped: the last line says so); 1 on any other failure.
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.request

SKIP = 77


def pip_download(req, dest, python, abis, platforms):
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-input", "--python-version", python,
           "--implementation", "cp", "-d", dest]
    for b in abis:
        cmd += ["--abi", b]
    for p in platforms:
        cmd += ["--platform", p]
    cmd.append(req)
    print("$ " + " ".join(cmd), flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(r.stdout)
    return r.returncode, r.stdout


def index(name):
    """PyPI's simple index of NAME (PEP 691 JSON)."""
    url = "https://pypi.org/simple/%s/" % name
    get = urllib.request.Request(url, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(get, timeout=60) as f:
        return json.load(f)


def verify(path, req):
    """The file's record, its sha256 checked against PyPI's."""
    name, version = req.split("==", 1)
    data = open(path, "rb").read()
    sha = hashlib.sha256(data).hexdigest()
    file = os.path.basename(path)
    meta = index(name)
    for u in meta.get("files", []):
        if u.get("filename") == file:
            if u.get("hashes", {}).get("sha256") != sha:
                sys.exit("fetch-wheel: %s: sha256 %s differs from PyPI's %s" % (file, sha, u["hashes"].get("sha256")))
            return {"pypi": req, "version": version, "file": file, "url": u["url"], "sha256": sha}
    sys.exit("fetch-wheel: %s is not among the files PyPI lists for %s" % (file, req))


def platform_rank(tag):
    """How new a Pyodide platform tag is, or None for another platform."""
    m = re.fullmatch(r"(pyemscripten|pyodide)_(\d+)_(\d+)_wasm32", tag)
    if m:
        return (1, int(m.group(2)), int(m.group(3)), m.group(1) == "pyemscripten")
    m = re.fullmatch(r"emscripten_(\d+)_(\d+)_(\d+)_wasm32", tag)
    if m:
        return (0, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def python_rank(tag):
    m = re.fullmatch(r"(?:cp|py)(\d)(\d*)", tag)
    return (int(m.group(1)), int(m.group(2) or 0)) if m else None


def forced_wheel(files, version, want):
    """(python X.Y, abi, platform, file) of the wheel --force-platform WANT picks
    among FILES (an index's "files") of VERSION, or None."""
    best = None
    for u in files:
        file = u.get("filename", "")
        parts = file[:-4].split("-") if file.endswith(".whl") else []
        if len(parts) < 5 or parts[1] != version:
            continue
        for py in parts[-3].split("."):
            for plat in parts[-1].split("."):
                pr, yr = platform_rank(plat), python_rank(py)
                if pr is None or yr is None or (want != "any" and plat != want):
                    continue
                key = (pr, yr)
                if best is None or key > best[0]:
                    best = (key, ("%d.%d" % yr, parts[-2].split(".")[0], plat, file))
    return best[1] if best else None


def one_file(dest):
    files = [f for f in os.listdir(dest) if f.endswith(".whl")]
    if len(files) != 1:
        sys.exit("fetch-wheel: expected one wheel in %s, found %d" % (dest, len(files)))
    return os.path.join(dest, files[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("req")
    ap.add_argument("--python", required=True)
    ap.add_argument("--abi", required=True)
    ap.add_argument("--platform", action="append", required=True)
    ap.add_argument("--force-platform")
    ap.add_argument("--require", action="append", default=[])
    a = ap.parse_args()
    wheel_dir = os.path.join(a.out, "wheel")
    req_dir = os.path.join(a.out, "requires")
    os.makedirs(wheel_dir, exist_ok=True)
    os.makedirs(req_dir, exist_ok=True)
    own = (a.python, [a.abi, "abi3", "none"], a.platform)
    name, version = a.req.split("==", 1)
    if a.force_platform:
        pick = forced_wheel(index(name).get("files", []), version, a.force_platform)
        if pick is None:
            print("no Pyodide wheel of %s %s on PyPI%s" % (
                name, version, "" if a.force_platform == "any" else " for " + a.force_platform))
            return SKIP
        print("platform %s: %s, forced onto this runtime (Python %s, platforms %s)" % (
            a.force_platform, pick[3], a.python, ", ".join(a.platform)), flush=True)
        rc, text = pip_download(a.req, wheel_dir, pick[0], [pick[1]], [pick[2]])
    else:
        rc, text = pip_download(a.req, wheel_dir, *own)
    if rc != 0:
        if "No matching distribution" in text or "Could not find a version" in text:
            print("no wheel of %s %s for %s / %s" % (name, version, " or ".join(a.platform), a.abi))
            return SKIP
        print("fetch-wheel: pip could not download %s (exit %d)" % (a.req, rc))
        return 1
    record = {"wheel": verify(one_file(wheel_dir), a.req), "requires": []}
    if a.force_platform:
        record["wheel"]["forced"] = a.force_platform
    for req in a.require:
        sub = os.path.join(req_dir, req.split("==", 1)[0])
        os.makedirs(sub, exist_ok=True)
        rc, _ = pip_download(req, sub, *own)
        if rc != 0:
            print("fetch-wheel: pip could not download the requirement %s (exit %d)" % (req, rc))
            return 1
        record["requires"].append(verify(one_file(sub), req))
    line = json.dumps(record, sort_keys=True)
    with open(os.path.join(a.out, "wheel.json"), "w") as f:
        f.write(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
