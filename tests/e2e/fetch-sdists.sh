#!/usr/bin/env bash
# The test setup's download for e2e/sdists: the sdists of tests/e2e/sdists.json
# (and the crates of its local project) fetched once into the cache's sdist store (matrix/sdist/sdist.py fetch: the
# file PyPI's index lists, sha256 checked against it, crates vendored from the sdist's
# Cargo.lock, or from one it generates when the sdist has none, by Rust
# 1.96's cargo, which reads the version-4 format), so the
# test's build nodes run offline. Seconds when the store has them.
#
#   fetch-sdists.sh            (EMCOMPAT_CACHE: the cache, default ~/.cache/emcompat)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${EMCOMPAT_CACHE:-$HOME/.cache/emcompat}
manifest=$cache/rust/1.96/toolchain.json
if [[ ! -f $manifest ]]; then
	echo "fetch-sdists: no Rust 1.96 in $cache (scripts/setup-toolchains.sh rust/1.96)" >&2
	exit 1
fi
# A requirement, or --path DIR for a local project (its crates vendored).
python3 -c 'import json, os, sys
for p in json.load(open(sys.argv[1]))["packages"].values():
    print(p["pypi"] if "pypi" in p else "--path=" + os.path.join(os.path.dirname(sys.argv[1]), p["path"]))' \
	"$here/sdists.json" | while read -r req; do
	# The toolchain's env (its LD_LIBRARY_PATH) for its cargo.
	python3 - "$manifest" "$here/../../matrix/sdist/sdist.py" "$cache" "$req" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1]))
os.environ.update(m.get("env", {}))
cache = sys.argv[3]
os.execvp("python3", ["python3", sys.argv[2], "fetch", "--store", cache + "/sdists", "--cargo", m["cargo"],
                      "--cargo-home", cache + "/cargo-home", sys.argv[4]])
PY
done
