#!/usr/bin/env python3
# fetch-wheel.py: the download node of a package cell (a prebuilt wheel).
#
#   python3 fetch-wheel.py OUT REQ --python X.Y --abi cpXY --platform TAG...
#                          [--require REQ]...
#
# Downloads REQ ("name==version") with pip, the one wheel that matches the
# platform tags and Python ABI given (cpXY, abi3 or none), into OUT/wheel/,
# and each pure-Python requirement into OUT/requires/; checks every file
# against the sha256 PyPI's simple index (PEP 691 JSON) publishes for it; writes what it got
# to OUT/wheel.json and prints it as one JSON line (results.json reads it).
# Exit 0; 77 when PyPI has no wheel of REQ for these tags (the cell is
# skipped: the last line says so); 1 on any other failure.
import argparse
import hashlib
import json
import os
import subprocess
import sys
import urllib.request

SKIP = 77


def pip_download(req, dest, a):
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-input", "--python-version", a.python,
           "--implementation", "cp", "--abi", a.abi, "--abi", "abi3", "--abi", "none", "-d", dest]
    for p in a.platform:
        cmd += ["--platform", p]
    cmd.append(req)
    print("$ " + " ".join(cmd), flush=True)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(r.stdout)
    return r.returncode, r.stdout


def verify(path, req):
    """The file's record, its sha256 checked against PyPI's."""
    name, version = req.split("==", 1)
    data = open(path, "rb").read()
    sha = hashlib.sha256(data).hexdigest()
    file = os.path.basename(path)
    url = "https://pypi.org/simple/%s/" % name
    get = urllib.request.Request(url, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(get, timeout=60) as f:
        meta = json.load(f)
    for u in meta.get("files", []):
        if u.get("filename") == file:
            if u.get("hashes", {}).get("sha256") != sha:
                sys.exit("fetch-wheel: %s: sha256 %s differs from PyPI's %s" % (file, sha, u["hashes"].get("sha256")))
            return {"pypi": req, "version": version, "file": file, "url": u["url"], "sha256": sha}
    sys.exit("fetch-wheel: %s is not among the files PyPI lists for %s" % (file, req))


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
    ap.add_argument("--require", action="append", default=[])
    a = ap.parse_args()
    wheel_dir = os.path.join(a.out, "wheel")
    req_dir = os.path.join(a.out, "requires")
    os.makedirs(wheel_dir, exist_ok=True)
    os.makedirs(req_dir, exist_ok=True)
    rc, text = pip_download(a.req, wheel_dir, a)
    if rc != 0:
        name, version = a.req.split("==", 1)
        if "No matching distribution" in text or "Could not find a version" in text:
            print("no wheel of %s %s for %s / %s" % (name, version, " or ".join(a.platform), a.abi))
            return SKIP
        print("fetch-wheel: pip could not download %s (exit %d)" % (a.req, rc))
        return 1
    record = {"wheel": verify(one_file(wheel_dir), a.req), "requires": []}
    for req in a.require:
        sub = os.path.join(req_dir, req.split("==", 1)[0])
        os.makedirs(sub, exist_ok=True)
        rc, _ = pip_download(req, sub, a)
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
