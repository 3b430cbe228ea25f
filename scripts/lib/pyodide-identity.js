// Start one Pyodide runtime from a local npm package dir (no network) and
// print what it really is, as one JSON line:
//   {"pyodide":"0.26.4","python":"3.12.1","emscripten":"3.1.58","one_plus_one":2}
// usage: node pyodide-identity.js PACKAGE_DIR
// Exit 1 (message on stderr) when the runtime does not start.
"use strict";
const path = require("path");

const dir = path.resolve(process.argv[2] || ".") + path.sep;
// pyodide.js is the UMD build: require() works on every version we install.
const { loadPyodide } = require(path.join(dir, "pyodide.js"));

(async () => {
  const py = await loadPyodide({
    indexURL: dir,
    // Keep stdout for our JSON line only.
    stdout: () => {},
    stderr: () => {},
  });
  const raw = py.runPython(`
import json, sys
json.dumps({
    "python": sys.version.split()[0],
    "emscripten": ".".join(map(str, sys._emscripten_info.emscripten_version)),
    "one_plus_one": 1 + 1,
})`);
  const info = JSON.parse(raw);
  process.stdout.write(JSON.stringify({ pyodide: py.version, ...info }) + "\n");
  // Some versions keep timers alive; we are done.
  process.exit(0);
})().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(1);
});
