#!/usr/bin/env bash
# fetch-wheel.py's choice for "platform": "any" or a tag, offline: from a
# made-up index, the newest Pyodide platform tag wins (pyemscripten_2026_0
# over pyodide_2025_0 over emscripten_3_1_58), then the newest Python; a
# named tag takes the newest Python for that tag; other versions, other
# platforms and sdists are never picked.
#
#   fetch-wheel-pick.sh EMCOMPAT   (the binary is not used)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python3 - "$here/../../../matrix/packages/fetch-wheel.py" <<'PY'
import importlib.util, sys

spec = importlib.util.spec_from_file_location("fetch_wheel", sys.argv[1])
fw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fw)

files = [{"filename": f} for f in (
    "p-1.0.tar.gz",
    "p-1.0-cp312-cp312-emscripten_3_1_58_wasm32.whl",
    "p-1.0-cp312-cp312-pyodide_2024_0_wasm32.whl",
    "p-1.0-cp313-cp313-pyodide_2025_0_wasm32.whl",
    "p-1.0-cp313-cp313-pyemscripten_2025_0_wasm32.whl",
    "p-1.0-cp310-abi3-pyemscripten_2026_0_wasm32.whl",
    "p-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
    "p-1.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "p-2.0-cp315-cp315-pyemscripten_2027_0_wasm32.whl",
)]
want = {
    ("any",): ("3.14", "cp314", "pyemscripten_2026_0_wasm32", "p-1.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl"),
    ("pyemscripten_2025_0_wasm32",): ("3.13", "cp313", "pyemscripten_2025_0_wasm32",
                                      "p-1.0-cp313-cp313-pyemscripten_2025_0_wasm32.whl"),
    ("pyodide_2024_0_wasm32",): ("3.12", "cp312", "pyodide_2024_0_wasm32", "p-1.0-cp312-cp312-pyodide_2024_0_wasm32.whl"),
    ("emscripten_3_1_58_wasm32",): ("3.12", "cp312", "emscripten_3_1_58_wasm32",
                                    "p-1.0-cp312-cp312-emscripten_3_1_58_wasm32.whl"),
    ("pyemscripten_2027_0_wasm32",): None,
    ("manylinux_2_17_x86_64",): None,
}
failures = []
for (tag,), expected in want.items():
    got = fw.forced_wheel(files, "1.0", tag)
    if got != expected:
        failures.append(f"{tag}: got {got}, expected {expected}")
# An abi3 wheel alone: its minimum Python is the one pip is told.
abi3 = [{"filename": "q-3.0-cp310-abi3-pyemscripten_2026_0_wasm32.whl"}]
got = fw.forced_wheel(abi3, "3.0", "any")
if got != ("3.10", "abi3", "pyemscripten_2026_0_wasm32", "q-3.0-cp310-abi3-pyemscripten_2026_0_wasm32.whl"):
    failures.append(f"abi3: got {got}")
if fw.forced_wheel([], "1.0", "any") is not None:
    failures.append("an empty index picked something")
if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("1 passed, 0 failed")
PY
