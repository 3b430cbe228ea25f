// Loads wheels into one Pyodide runtime for real, as a user would by hand:
//   node load.mjs PYODIDE_DIR WHEEL=IMPORT... (IMPORT "-": a dependency, only unpacked; list it first)
// For each wheel with an import: unpack it (pyodide.unpackArchive), import the
// module and check it is the compiled .so. Prints one line per wheel:
//   {"wheel": NAME, "result": "pass" | "fail", "error": the error's last line naming an Error}
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const [dirArg, ...wheels] = process.argv.slice(2);
const dir = dirArg.endsWith('/') ? dirArg : dirArg + '/';
const mod = fs.existsSync(dir + 'pyodide.mjs')
  ? await import(pathToFileURL(dir + 'pyodide.mjs').href)
  : createRequire(import.meta.url)(dir + 'pyodide.js');
const py = await mod.loadPyodide({ indexURL: dir, stdout: () => {}, stderr: () => {} });
for (const w of wheels) {
  const eq = w.lastIndexOf('=');
  const path = w.slice(0, eq), name = w.slice(eq + 1);
  const out = { wheel: path.split('/').pop(), result: 'pass', error: null };
  try {
    py.unpackArchive(new Uint8Array(fs.readFileSync(path)), 'wheel');
    if (name === '-') continue;
    const file = py.runPython(`import importlib; getattr(importlib.import_module(${JSON.stringify(name)}), '__file__', None) or ''`);
    if (!file.endsWith('.so')) {
      out.result = 'fail';
      out.error = `${name} is not the compiled extension: ${file}`;
    }
  } catch (e) {
    const lines = String(e.message || e).trim().split('\n');
    out.result = 'fail';
    out.error = lines.filter((l) => /Error\b/.test(l)).pop() || lines[lines.length - 1];
  }
  console.log(JSON.stringify(out));
}
