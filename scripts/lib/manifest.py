#!/usr/bin/python3
"""Read and write emcompat toolchain manifests (toolchain.json).

Used by scripts/setup-toolchains.sh and scripts/smoke-toolchains.sh so that no
shell code has to quote JSON by hand.  The manifest format itself is documented
at the top of setup-toolchains.sh.

  manifest.py write OUT KEY=STRING... KEY:=JSON...
      Writes OUT atomically (temp file in the same dir, fsync, rename), keys in
      the order given.  KEY=STRING stores a JSON string; KEY:=JSON stores a
      parsed JSON value (list, object, number, ...).
  manifest.py get FILE KEY[.SUBKEY...]
      Prints one value: strings raw, lists one item a line, objects as
      KEY=VALUE lines (handy for `env`).  Exit 1 when the key is missing.
  manifest.py matches FILE KEY VALUE
      Exit 0 when FILE exists, parses, and FILE[KEY] == VALUE (a string).
  manifest.py set FILE KEY=STRING...
      Adds or replaces top-level string keys of an existing FILE (atomically).
"""
import json
import os
import sys
import tempfile


def write(out, pairs):
    doc = {}
    for pair in pairs:
        key, value = pair.split("=", 1)
        if key.endswith(":"):
            doc[key[:-1]] = json.loads(value)
        else:
            doc[key] = value
    outdir = os.path.dirname(os.path.abspath(out))
    os.makedirs(outdir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".toolchain.", suffix=".tmp", dir=outdir)
    try:
        with os.fdopen(fd, "w") as fh:
            json.dump(doc, fh, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise


def lookup(path, dotted):
    with open(path) as fh:
        value = json.load(fh)
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(dotted)
        value = value[part]
    return value


def main(argv):
    if len(argv) >= 2 and argv[0] == "write":
        write(argv[1], argv[2:])
        return 0
    if len(argv) == 3 and argv[0] == "get":
        try:
            value = lookup(argv[1], argv[2])
        except (OSError, ValueError, KeyError) as exc:
            print(f"manifest.py: {argv[1]}: {exc}", file=sys.stderr)
            return 1
        if isinstance(value, list):
            print("\n".join(str(v) for v in value))
        elif isinstance(value, dict):
            print("\n".join(f"{k}={v}" for k, v in value.items()))
        else:
            print(value)
        return 0
    if len(argv) >= 3 and argv[0] == "set":
        with open(argv[1]) as fh:
            doc = json.load(fh)
        doc.update(pair.split("=", 1) for pair in argv[2:])
        write(argv[1], [f"{k}:={json.dumps(v)}" for k, v in doc.items()])
        return 0
    if len(argv) == 4 and argv[0] == "matches":
        try:
            return 0 if lookup(argv[1], argv[2]) == argv[3] else 1
        except (OSError, ValueError, KeyError):
            return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
