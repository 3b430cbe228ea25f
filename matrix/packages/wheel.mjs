#!/usr/bin/env node
// wheel.mjs: the load and run stages of a package cell (a prebuilt wheel):
// installs the wheel its download node fetched into a Pyodide runtime under
// Node, imports the package, checks that its compiled module is what got
// loaded, then (run phase) runs the package's checks.
//
//   node wheel.mjs --phase load|run --index-url DIR/ --fetched NODE_DIR --package PACKAGE.json [--quiet]
//
// NODE_DIR is the download node's directory (wheel/ holds the wheel,
// requires/*/ the pure-Python requirements, installed first). PACKAGE.json
// is the package's object from the matrix file ("import", "module",
// "checks": matrix.h). stdout and exit status are harness.mjs's: one JSON
// line per check ("load", then in the run phase each check), then
// {"summary":...}; exit 0 passed, 1 a check failed, 2 bad usage, 3 the
// package did not import or its compiled module was not loaded, 4 Pyodide
// did not start, 5 a bug here.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const EXIT = { OK: 0, CHECK: 1, USAGE: 2, LOAD: 3, HOST: 4, INTERNAL: 5 };
const out = (obj) => fs.writeSync(1, JSON.stringify(obj) + '\n');
const err = (s) => fs.writeSync(2, s + '\n');

class Exit extends Error {
  constructor(code, msg) {
    super(msg);
    this.code = code;
  }
}

function parseArgs(argv) {
  const a = { phase: null, indexUrl: null, fetched: null, pkg: null, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const take = () => {
      if (i + 1 >= argv.length) throw new Exit(EXIT.USAGE, `wheel.mjs: ${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--phase': a.phase = take(); break;
      case '--index-url': a.indexUrl = take(); break;
      case '--fetched': a.fetched = take(); break;
      case '--package': a.pkg = take(); break;
      case '--quiet': a.quiet = true; break;
      default: throw new Exit(EXIT.USAGE, `wheel.mjs: unknown argument ${argv[i]}`);
    }
  }
  if (!['load', 'run'].includes(a.phase) || !a.indexUrl || !a.fetched || !a.pkg) {
    throw new Exit(EXIT.USAGE, 'usage: node wheel.mjs --phase load|run --index-url DIR/ --fetched NODE_DIR --package PACKAGE.json');
  }
  return a;
}

const wheelsIn = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.whl')).sort() : [])
  .map((f) => path.join(dir, f));

// Python that imports the package and names the compiled module it loaded;
// raises ImportError when none was (a pure-Python fallback is no pass).
const IMPORT_PY = `
import importlib, sys
importlib.invalidate_caches()
_emcompat_m = importlib.import_module(_emcompat_import)
_emcompat_so = None
for _emcompat_n, _emcompat_v in list(sys.modules.items()):
    if _emcompat_want and _emcompat_n != _emcompat_want:
        continue
    if not _emcompat_want and _emcompat_n != _emcompat_top and not _emcompat_n.startswith(_emcompat_top + "."):
        continue
    _emcompat_f = getattr(_emcompat_v, "__file__", None) or ""
    if _emcompat_f.endswith(".so"):
        _emcompat_so = _emcompat_n + " from " + _emcompat_f
        break
if _emcompat_so is None:
    raise ImportError("the compiled module " + (_emcompat_want or "of " + _emcompat_top) + " was not loaded (" + _emcompat_import + " imported without it)")
_emcompat_so`;

const EVAL_PY = `
import json as _emcompat_json
try:
    _emcompat_r = ["value", repr(eval(_emcompat_expr))]
except BaseException as _emcompat_e:
    _emcompat_r = ["raised", type(_emcompat_e).__name__ + ": " + str(_emcompat_e)]
_emcompat_json.dumps(_emcompat_r)`;

async function main() {
  const a = parseArgs(process.argv.slice(2));
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(a.pkg, 'utf8'));
  } catch (e) {
    throw new Exit(EXIT.USAGE, `wheel.mjs: ${a.pkg}: ${e.message}`);
  }
  const wheels = wheelsIn(path.join(a.fetched, 'wheel'));
  if (wheels.length !== 1) throw new Exit(EXIT.USAGE, `wheel.mjs: no wheel in ${a.fetched}/wheel`);
  const reqDir = path.join(a.fetched, 'requires');
  const requires = fs.existsSync(reqDir)
    ? fs.readdirSync(reqDir).sort().flatMap((d) => wheelsIn(path.join(reqDir, d))) : [];

  const dir = a.indexUrl.endsWith('/') ? a.indexUrl : a.indexUrl + '/';
  const hostOut = (s) => { if (!a.quiet) err(String(s)); };
  const summary = { passed: 0, failed: 0, phase: a.phase, loader: 'pyodide', via: 'wheel' };
  let t = Date.now();
  let py;
  try {
    const mod = fs.existsSync(dir + 'pyodide.mjs')
      ? await import(pathToFileURL(dir + 'pyodide.mjs').href)
      : createRequire(import.meta.url)(dir + 'pyodide.js');
    py = await mod.loadPyodide({ indexURL: dir, stdout: hostOut, stderr: hostOut });
  } catch (e) {
    throw new Exit(EXIT.HOST, `wheel.mjs: Pyodide did not start from ${dir}:\n${e.name}: ${String(e.message).split('\n')[0]}`);
  }
  summary.host_ms = Date.now() - t;

  t = Date.now();
  let loaded;
  try {
    // As Pyodide's own micropip installs a wheel: unpacked into site-packages.
    for (const w of [...requires, wheels[0]]) py.unpackArchive(new Uint8Array(fs.readFileSync(w)), 'wheel');
    py.globals.set('_emcompat_import', pkg.import);
    py.globals.set('_emcompat_top', pkg.import.split('.')[0]);
    py.globals.set('_emcompat_want', pkg.module || '');
    loaded = py.runPython(IMPORT_PY);
  } catch (e) {
    const text = String(e.message || e);
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l);
    // The exception's line: Pyodide may add hints after it (how to install a missing package).
    const line = [...lines].reverse().find((l) => /^[A-Za-z_][\w.]*(Error|Exception)(:|$)/.test(l))
      || lines[lines.length - 1] || 'the import failed';
    summary.failed = 1;
    summary.load_ms = Date.now() - t;
    out({ check: 'load', ok: false, expected: 'loaded', actual: line });
    out({ summary });
    err(`wheel.mjs: importing ${pkg.import} from ${path.basename(wheels[0])} failed:`);
    err(text.trimEnd());
    return EXIT.LOAD;
  }
  summary.load_ms = Date.now() - t;
  out({ check: 'load', ok: true, expected: 'loaded', actual: 'loaded', detail: loaded });
  summary.passed = 1;
  err(`wheel.mjs: ${path.basename(wheels[0])}: loaded ${loaded}`);

  t = Date.now();
  if (a.phase === 'run') {
    py.runPython(`import ${pkg.import}`);
    for (const c of pkg.checks) {
      const expected = 'expect' in c ? c.expect : c.expect_prefix;
      const line = { check: c.name, ok: false, expected, actual: null };
      try {
        py.globals.set('_emcompat_expr', c.py);
        const [kind, text] = JSON.parse(py.runPython(EVAL_PY));
        line.actual = text;
        if (kind === 'raised') line.raised = true;
        line.ok = 'expect' in c ? text === c.expect : text.startsWith(c.expect_prefix);
      } catch (e) {
        line.actual = `${e.name}: ${String(e.message).split('\n')[0]}`;
        line.threw = true;
      }
      out(line);
      if (line.ok) summary.passed++;
      else summary.failed++;
    }
  }
  summary.run_ms = Date.now() - t;
  out({ summary });
  return summary.failed ? EXIT.CHECK : EXIT.OK;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof Exit) {
      err(e.message);
      process.exit(e.code);
    }
    err(`wheel.mjs: internal error: ${e && e.stack ? e.stack : e}`);
    process.exit(EXIT.INTERNAL);
  },
);
