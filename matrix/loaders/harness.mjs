#!/usr/bin/env node
// harness.mjs: loads a probe's side module into a host (an Emscripten main
// module, or a Pyodide runtime) under Node, then runs the probe's checks.
// It is the load and run stages' program; see matrix/loaders/README.md.
//
// Usage:
//   node harness.mjs --phase load|run --probe PROBE.json --side SIDE.wasm
//        --loader emcc-main --main MAIN.js          [--via js|dlopen]
//        --loader pyodide   --index-url DIR/        [--via ctypes|js]
//   Options: --quiet (no host output on stderr), --help.
//
// stdout: one JSON object per line, nothing else:
//   {"check":NAME,"ok":BOOL,"expected":V,"actual":V[,"threw":true][,"detail":S]}
//   then {"summary":{"passed":N,"failed":N,"phase":P,"loader":L,"via":V,
//                    "host_ms":N,"load_ms":N,"run_ms":N}}
//   V is a number, or a string for i64/u64 values and errors. The load phase
//   reports one check "load" and one "export:NAME" per probe.json export; the
//   run phase reports "load" and then the probe's checks.
//   A Python extension probe (probe.json "python": {"module": NAME}) loads
//   only into Pyodide: the side module is written into site-packages as
//   NAME + EXT_SUFFIX and imported; its checks are Python expressions
//   ("py"), compared as repr() of the value or "Type: message" of the
//   exception raised ("expect", or "expect_prefix").
// stderr: host output, and on a failed load the JS error's first line,
//   verbatim, as the last line (before it a line starting "harness:").
// Exit status:
//   0  every check passed
//   1  a check failed (a wrong value, a trap or exception in a call, a
//      missing export)
//   2  bad usage or a bad probe.json
//   3  the side module failed to load (instantiation, linking, relocation)
//   4  the host failed to start (main.js or Pyodide did not come up)
//   5  the harness itself failed (a bug here)
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const EXIT = { OK: 0, CHECK: 1, USAGE: 2, LOAD: 3, HOST: 4, INTERNAL: 5 };

class Exit extends Error {
  constructor(code, msg, showUsage = false) {
    super(msg);
    this.code = code;
    this.showUsage = showUsage;
  }
}
const usageError = (msg) => new Exit(EXIT.USAGE, `harness: ${msg}`, true);

// Where output goes: fds 1 and 2, or (in the warm server) one request's buffers.
const STDIO = { out: (s) => fs.writeSync(1, s), err: (s) => fs.writeSync(2, s) };
let sink = STDIO;
const out = (obj) => sink.out(JSON.stringify(obj) + '\n');
const err = (s) => sink.err(s + '\n');
const firstLine = (e) => {
  const s = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return s.split('\n')[0];
};

// ---- arguments ---------------------------------------------------------------

const USAGE = `usage: node harness.mjs --phase load|run --probe PROBE.json --side SIDE.wasm
       (--loader emcc-main --main MAIN.js [--via js|dlopen]
       | --loader pyodide --index-url DIR/ [--via ctypes|js]) [--quiet]
       node harness.mjs --serve SOCKET|fd:N --loader pyodide --index-url DIR/ [--quiet]`;

function parseArgs(argv) {
  const a = { phase: null, loader: null, main: null, indexUrl: null, side: null,
              probe: null, via: null, quiet: false, serve: null };
  const take = (i, name) => {
    if (i + 1 >= argv.length) throw usageError(`${name} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const o = argv[i];
    switch (o) {
      case '--phase': a.phase = take(i, o); i++; break;
      case '--loader': a.loader = take(i, o); i++; break;
      case '--main': a.main = take(i, o); i++; break;
      case '--index-url': a.indexUrl = take(i, o); i++; break;
      case '--side': a.side = take(i, o); i++; break;
      case '--probe': a.probe = take(i, o); i++; break;
      case '--via': a.via = take(i, o); i++; break;
      case '--quiet': a.quiet = true; break;
      case '--serve': a.serve = take(i, o); i++; break;
      case '--help': case '-h': fs.writeSync(1, USAGE + '\n'); process.exit(0);
      default: throw usageError(`unknown argument: ${o}`);
    }
  }
  if (a.serve !== null) {
    if (a.loader !== 'pyodide' || !a.indexUrl) throw usageError('--serve needs --loader pyodide --index-url DIR/');
    a.via = 'ctypes';
    return a;
  }
  if (a.phase !== 'load' && a.phase !== 'run') throw usageError('--phase must be load or run');
  if (!a.side) throw usageError('--side is required');
  if (!a.probe) throw usageError('--probe is required');
  if (a.loader === 'emcc-main') {
    if (!a.main) throw usageError('--loader emcc-main needs --main');
    a.via = a.via || 'js';
    if (a.via !== 'js' && a.via !== 'dlopen') throw usageError('--via for emcc-main: js or dlopen');
  } else if (a.loader === 'pyodide') {
    if (!a.indexUrl) throw usageError('--loader pyodide needs --index-url');
    a.via = a.via || 'ctypes';
    if (a.via !== 'js' && a.via !== 'ctypes') throw usageError('--via for pyodide: ctypes or js');
  } else {
    throw usageError('--loader must be emcc-main or pyodide');
  }
  return a;
}

// ---- probe.json ----------------------------------------------------------------

const INT_TYPES = new Set(['i32', 'u32', 'i64', 'u64', 'ptr', 'fnptr']);
const RET_TYPES = new Set([...INT_TYPES, 'f32', 'f64', 'cstr', 'void']);
const ARG_TYPES = new Set([...INT_TYPES, 'f32', 'f64']);

function loadProbe(file) {
  let p;
  try {
    p = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Exit(EXIT.USAGE, `harness: ${file}: ${firstLine(e)}`);
  }
  const bad = (msg) => { throw new Exit(EXIT.USAGE, `harness: ${file}: ${msg}`); };
  if (typeof p !== 'object' || p === null) bad('not an object');
  if (typeof p.name !== 'string') bad('"name" must be a string');
  if (!Array.isArray(p.exports) || p.exports.some((e) => typeof e !== 'string')) bad('"exports" must be an array of strings');
  if (p.needs !== 'core' && p.needs !== 'std') bad('"needs" must be "core" or "std"');
  if (!Array.isArray(p.checks) || p.checks.length === 0) bad('"checks" must be a non-empty array');
  const names = new Set();
  if ('python' in p) {
    if (typeof p.python !== 'object' || p.python === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.python.module || '')) {
      bad('"python" must be {"module": NAME}, NAME a Python identifier');
    }
    p.checks.forEach((c, i) => {
      const where = `check ${i}`;
      if (typeof c.name !== 'string' || !c.name) bad(`${where}: "name" must be a non-empty string`);
      if (names.has(c.name)) bad(`${where}: duplicate name "${c.name}"`);
      names.add(c.name);
      if (typeof c.py !== 'string') bad(`check "${c.name}": a Python probe's check needs "py" (an expression)`);
      if (typeof c.expect !== 'string' && typeof c.expect_prefix !== 'string') bad(`check "${c.name}": needs "expect" or "expect_prefix" (a string)`);
    });
    return p;
  }
  const checkCall = (c, where) => {
    if (typeof c.call !== 'string') bad(`${where}: "call" must be a string`);
    if (!p.exports.includes(c.call)) bad(`${where}: calls "${c.call}", which is not in "exports"`);
    const args = c.args || [];
    if (!Array.isArray(args)) bad(`${where}: "args" must be an array`);
    const t = c.types || {};
    const targs = t.args || [];
    if (!Array.isArray(targs) || targs.length !== args.length) bad(`${where}: "types.args" must list one type per argument`);
    targs.forEach((ty) => ARG_TYPES.has(ty) || bad(`${where}: unknown argument type "${ty}"`));
    if (!RET_TYPES.has(t.ret || 'void')) bad(`${where}: unknown return type "${t.ret}"`);
    args.forEach((arg, i) => {
      if (arg !== null && typeof arg === 'object') {
        if ('call' in arg) checkCall(arg, `${where} argument ${i}`);
        else if (typeof arg.js_fn !== 'string' || !arg.sig) bad(`${where} argument ${i}: an object argument is {"call",...} or {"js_fn","sig"}`);
      } else if (typeof arg !== 'number' && typeof arg !== 'string') {
        bad(`${where} argument ${i}: must be a number, a string (64-bit) or an object`);
      }
    });
  };
  p.checks.forEach((c, i) => {
    const where = `check ${i}`;
    if (typeof c.name !== 'string' || !c.name) bad(`${where}: "name" must be a non-empty string`);
    if (names.has(c.name)) bad(`${where}: duplicate name "${c.name}"`);
    names.add(c.name);
    checkCall(c, `check "${c.name}"`);
    if (!('expect' in c) && !('expect_range' in c)) bad(`check "${c.name}": needs "expect" or "expect_range"`);
    if ('expect_range' in c && (!Array.isArray(c.expect_range) || c.expect_range.length !== 2)) bad(`check "${c.name}": "expect_range" is [lo, hi]`);
    if (c.on_fail) checkCall(c.on_fail, `check "${c.name}" on_fail`);
  });
  return p;
}

// ---- values ----------------------------------------------------------------------

const is64 = (ty) => ty === 'i64' || ty === 'u64';

function toWasm(v, ty) {
  if (is64(ty)) return BigInt(v);
  if (ty === 'f32' || ty === 'f64') return Number(v);
  return Number(v) | 0;
}

function fromWasm(v, ty, host) {
  switch (ty) {
    case 'void': return null;
    case 'i32': return Number(v) | 0;
    case 'u32': case 'ptr': case 'fnptr': return Number(v) >>> 0;
    case 'i64': return BigInt.asIntN(64, BigInt(v)).toString();
    case 'u64': return BigInt.asUintN(64, BigInt(v)).toString();
    case 'f32': case 'f64': return Number(v);
    case 'cstr': return host.readCString(Number(v) >>> 0);
  }
  throw new Exit(EXIT.INTERNAL, `type ${ty}`);
}

// Canonical form for comparison: 64-bit values as decimal strings.
function canon(v, ty) {
  if (v === null || v === undefined) return v;
  if (is64(ty)) {
    const b = BigInt(v);
    return (ty === 'u64' ? BigInt.asUintN(64, b) : BigInt.asIntN(64, b)).toString();
  }
  return v;
}

// A JS function as a wasm function in the host's table, the way
// Emscripten's addFunction does it (a one-import module re-exporting it).
const WASM_TYPE = { i32: 0x7f, u32: 0x7f, ptr: 0x7f, fnptr: 0x7f, i64: 0x7e, u64: 0x7e, f32: 0x7d, f64: 0x7c };
function jsToWasmFunction(fn, sig) {
  const params = (sig.args || []).map((t) => WASM_TYPE[t]);
  const results = sig.ret && sig.ret !== 'void' ? [WASM_TYPE[sig.ret]] : [];
  const type = [0x60, params.length, ...params, results.length, ...results];
  const section = (id, body) => [id, body.length, ...body];
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, ...type]),
    ...section(2, [1, 1, 0x65, 1, 0x66, 0x00, 0x00]), // import "e" "f" (func type 0)
    ...section(7, [1, 1, 0x66, 0x00, 0x00]),          // export "f" (func 0)
  ]);
  const wrapped = (...args) => {
    const r = fn(...args.map((a, i) => fromWasm(a, sig.args[i], null)));
    return results.length ? toWasm(r, sig.ret) : undefined;
  };
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { f: wrapped } }).exports.f;
}

// ---- hosts -------------------------------------------------------------------------

function readCStringFrom(heap, ptr) {
  if (!heap) throw new Error('the host gives no access to its memory');
  if (ptr === 0) return null;
  let end = ptr;
  while (end < heap.length && heap[end] !== 0) end++;
  return Buffer.from(heap.subarray(ptr, end)).toString('utf8');
}

// Each host: { start(), load(side) -> exports, table(), readCString(ptr),
//              hostValue(name) -> number|undefined }
function emccMainHost(args) {
  let M;
  const hostOut = (s) => { if (!args.quiet) err(String(s)); };
  return {
    async start() {
      const file = path.resolve(args.main);
      let factory;
      try {
        factory = createRequire(import.meta.url)(file);
      } catch (e) {
        throw new Exit(EXIT.HOST, `harness: could not load the main module ${file}:\n${firstLine(e)}`);
      }
      if (typeof factory !== 'function') {
        throw new Exit(EXIT.HOST, `harness: ${file} does not export a module factory (build it with -sMODULARIZE=1)`);
      }
      try {
        // locateFile: absolute paths as they are (3.1.69's JS loader would
        // otherwise prefix the side module's path with main.js's directory).
        M = await factory({
          print: hostOut,
          printErr: hostOut,
          locateFile: (p, dir) => (path.isAbsolute(p) ? p : dir + p),
        });
      } catch (e) {
        throw new Exit(EXIT.HOST, `harness: the main module failed to start:\n${firstLine(e)}`);
      }
      if (!M.emcompat) throw new Exit(EXIT.HOST, `harness: ${file} was built without --post-js matrix/loaders/post.js`);
    },
    load(side) {
      const file = path.resolve(side);
      const E = M.emcompat;
      if (args.via === 'dlopen') {
        const h = M.ccall('emcompat_dlopen', 'number', ['string'], [file]);
        if (!h) {
          const msg = M.ccall('emcompat_dlerror', 'string', [], []);
          // "Could not load dynamic lib: PATH\nERROR": the JS error is the last line.
          const lines = msg.split('\n').filter((l) => l);
          throw new LoadError(lines[lines.length - 1] || msg, msg);
        }
        const dso = E.LDSO.loadedLibsByHandle[h];
        return dso.exports || dso.module;
      }
      if (!E.loadDynamicLibrary) throw new Exit(EXIT.HOST, 'harness: the main module has no loadDynamicLibrary');
      // As dlopen does: the flags of RTLD_GLOBAL | RTLD_NODELETE, and the FS
      // (NODERAWFS: the real one) to read the file from; without `fs` some
      // versions resolve the path against the main script's directory.
      E.loadDynamicLibrary(file, { global: true, nodelete: true, fs: E.FS });
      const dso = E.LDSO.loadedLibsByName[file];
      return dso.exports || dso.module;
    },
    table: () => M.emcompat.table(),
    readCString: (ptr) => readCStringFrom(M.emcompat.heapU8(), ptr),
    hostValue(name) {
      const f = M['_' + name];
      return typeof f === 'function' ? f() : undefined;
    },
  };
}

function pyodideHost(args) {
  let py;
  let M;
  const hostOut = (s) => { if (!args.quiet) err(String(s)); };
  return {
    async start() {
      const dir = args.indexUrl.endsWith('/') ? args.indexUrl : args.indexUrl + '/';
      let mod;
      try {
        mod = fs.existsSync(dir + 'pyodide.mjs')
          ? await import(pathToFileURL(dir + 'pyodide.mjs').href)
          : createRequire(import.meta.url)(dir + 'pyodide.js');
        py = await mod.loadPyodide({ indexURL: dir, stdout: hostOut, stderr: hostOut });
      } catch (e) {
        throw new Exit(EXIT.HOST, `harness: Pyodide did not start from ${dir}:\n${firstLine(e)}`);
      }
      M = py._module;
    },
    // TAG (the warm server's request number) gives each module its own
    // file, so the dynamic loader never takes it for one loaded before.
    load(side, probe, tag) {
      if (probe.python) return tag ? loadExtensionAt(side, probe.python.module, tag) : loadExtension(side, probe.python.module);
      const FS_PATH = tag ? `/tmp/emcompat-probe-${tag}.so` : '/tmp/emcompat-probe.so';
      py.FS.writeFile(FS_PATH, fs.readFileSync(side));
      if (args.via === 'js') {
        // Pyodide's own dynlib loading (loadDynlib) calls this with the FS.
        M.loadDynamicLibrary(FS_PATH, { global: true, nodelete: true, fs: M.FS });
      } else {
        try {
          py.runPython(`import ctypes\n_emcompat_lib = ctypes.CDLL(${JSON.stringify(FS_PATH)})`);
        } catch (e) {
          // A PythonError: the traceback ends with "OSError: <dlerror>", and
          // dlerror is "Could not load dynamic lib: PATH\n<JS error>".
          const text = String(e.message || e);
          const lines = text.split('\n').map((l) => l.trim()).filter((l) => l);
          const i = lines.findIndex((l) => l.startsWith('OSError:'));
          const js = i >= 0 && i + 1 < lines.length ? lines[i + 1] : (i >= 0 ? lines[i] : lines[lines.length - 1]);
          throw new LoadError(js, text);
        }
      }
      const dso = M.LDSO.loadedLibsByName[FS_PATH];
      if (!dso) throw new Exit(EXIT.INTERNAL, `harness: ${FS_PATH} loaded but is not in LDSO.loadedLibsByName`);
      return dso.exports || dso.module;
    },
    table: () => M.wasmTable,
    readCString: (ptr) => readCStringFrom(M.HEAPU8, ptr),
    hostValue: () => undefined,
    evalPython,
  };

  // As pip would install it: site-packages/NAME + EXT_SUFFIX, then import.
  function loadExtension(side, name) {
    const file = py.runPython(
      `import sysconfig\nsysconfig.get_path("platlib") + "/${name}" + sysconfig.get_config_var("EXT_SUFFIX")`);
    return importExtension(side, name, file, `import importlib\nimportlib.invalidate_caches()\nimport ${name}`);
  }

  // The warm server's way: the module is imported from a directory of its
  // own (/tmp/emcompat-ext-TAG/NAME + EXT_SUFFIX) by the same extension
  // loader, and bound as NAME, replacing any earlier module of that name.
  function loadExtensionAt(side, name, tag) {
    const file = py.runPython(
      `import sysconfig\n"/tmp/emcompat-ext-${tag}/${name}" + sysconfig.get_config_var("EXT_SUFFIX")`);
    py.FS.mkdirTree(path.dirname(file));
    return importExtension(side, name, file, `import importlib.util, sys
_emcompat_spec = importlib.util.spec_from_file_location(${JSON.stringify(name)}, ${JSON.stringify(file)})
${name} = importlib.util.module_from_spec(_emcompat_spec)
_emcompat_spec.loader.exec_module(${name})
sys.modules[${JSON.stringify(name)}] = ${name}`);
  }

  function importExtension(side, name, file, code) {
    py.FS.writeFile(file, fs.readFileSync(side));
    try {
      py.runPython(code);
    } catch (e) {
      // An ImportError whose message is dlerror's "Could not load dynamic
      // lib: PATH" followed by the JS error; or any other Python exception
      // the module's init raised (its last traceback line).
      const text = String(e.message || e);
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => l);
      let i = -1;
      lines.forEach((l, k) => { if (/^(ImportError|OSError): Could not load dynamic lib/.test(l)) i = k; });
      const js = i >= 0 && i + 1 < lines.length ? lines[i + 1] : lines[lines.length - 1];
      throw new LoadError(js, text);
    }
    const tail = '/' + path.basename(path.dirname(file)) + '/' + path.basename(file);
    const dso = M.LDSO.loadedLibsByName[file]
      || Object.entries(M.LDSO.loadedLibsByName).find(([k]) => k.endsWith(tail))?.[1];
    if (!dso) throw new Exit(EXIT.INTERNAL, `harness: ${name} imported, but ${file} is not in LDSO.loadedLibsByName`);
    return dso.exports || dso.module;
  }

  // [kind, text]: kind "value" (text is repr()) or "raised" ("Type: message").
  function evalPython(expr) {
    py.globals.set('_emcompat_expr', expr);
    return JSON.parse(py.runPython(`
import json as _emcompat_json
try:
    _emcompat_r = ["value", repr(eval(_emcompat_expr))]
except BaseException as _emcompat_e:
    _emcompat_r = ["raised", type(_emcompat_e).__name__ + ": " + str(_emcompat_e)]
_emcompat_json.dumps(_emcompat_r)`));
  }
}

class LoadError extends Error {
  constructor(line, full) {
    super(line);
    this.line = line;
    this.full = full;
  }
}

// ---- checks --------------------------------------------------------------------------

function makeCaller(host, exportsObj) {
  const fnOf = (name) => {
    const f = exportsObj[name];
    if (typeof f !== 'function') throw new Error(`missing export: ${name}`);
    return f;
  };
  const argValue = (arg, ty) => {
    if (arg !== null && typeof arg === 'object') {
      if ('call' in arg) return toWasm(invoke(arg).raw, ty);
      const table = host.table();
      if (!table) throw new Error('the host gives no access to its function table');
      const fn = new Function(`return (${arg.js_fn});`)();
      const idx = table.grow(1);
      table.set(idx, jsToWasmFunction(fn, arg.sig));
      return idx;
    }
    return toWasm(arg, ty);
  };
  const invoke = (c) => {
    const t = c.types || {};
    const targs = t.args || [];
    const f = fnOf(c.call);
    const argv = (c.args || []).map((a, i) => argValue(a, targs[i]));
    const raw = f(...argv);
    return { raw, value: fromWasm(raw, t.ret || 'void', host) };
  };
  return invoke;
}

function inRange(v, [lo, hi], ty) {
  if (is64(ty)) return BigInt(v) >= BigInt(lo) && BigInt(v) <= BigInt(hi);
  return v >= Number(lo) && v <= Number(hi);
}

function runPythonChecks(probe, host) {
  let passed = 0;
  let failed = 0;
  for (const c of probe.checks) {
    const expected = 'expect' in c ? c.expect : c.expect_prefix;
    const line = { check: c.name, ok: false, expected, actual: null };
    try {
      const [kind, text] = host.evalPython(c.py);
      line.actual = text;
      if (kind === 'raised') line.raised = true;
      line.ok = 'expect' in c ? text === c.expect : text.startsWith(c.expect_prefix);
    } catch (e) {
      // The runtime itself failed (a trap Pyodide turned into a fatal error).
      line.actual = firstLine(e);
      line.threw = true;
    }
    out(line);
    if (line.ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

function runChecks(probe, host, exportsObj) {
  if (probe.python) return runPythonChecks(probe, host);
  const invoke = makeCaller(host, exportsObj);
  let passed = 0;
  let failed = 0;
  for (const c of probe.checks) {
    const ty = (c.types || {}).ret || 'void';
    let expected;
    if ('expect_range' in c) {
      expected = c.expect_range.map((x) => canon(x, ty));
    } else {
      expected = canon(c.expect, ty);
      if (c.expect_host) {
        const hv = host.hostValue(c.expect_host);
        if (hv !== undefined) expected = canon(hv, ty);
      }
    }
    const line = { check: c.name, ok: false, expected, actual: null };
    try {
      const { value } = invoke(c);
      line.actual = value;
      line.ok = 'expect_range' in c ? value !== null && inRange(value, c.expect_range, ty) : value === expected;
    } catch (e) {
      line.actual = firstLine(e);
      line.threw = true;
    }
    if (!line.ok && c.on_fail) {
      try {
        const d = invoke(c.on_fail).value;
        if (d !== null && d !== '') line.detail = String(d);
      } catch (e) {
        line.detail = `(${c.on_fail.call} failed: ${firstLine(e)})`;
      }
    }
    out(line);
    if (line.ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

// ---- one cell -------------------------------------------------------------------------

// Loads ARGS.side into the started HOST and runs the phase's checks; returns
// the exit status. EXTRA goes into the summary.
function runCell(args, probe, host, hostMs, tag, extra) {
  const summary = { passed: 0, failed: 0, phase: args.phase, loader: args.loader,
                    via: probe.python ? 'import' : args.via, host_ms: hostMs, ...extra };
  let t = Date.now();
  let exportsObj;
  try {
    exportsObj = host.load(args.side, probe, tag);
  } catch (e) {
    if (e instanceof Exit) throw e;
    const line = e instanceof LoadError ? e.line : firstLine(e);
    out({ check: 'load', ok: false, expected: 'loaded', actual: line });
    summary.failed = 1;
    summary.load_ms = Date.now() - t;
    out({ summary });
    err(`harness: loading ${args.side} into ${args.loader} (via ${args.via}) failed:`);
    if (e instanceof LoadError && e.full !== e.line) err(e.full.trimEnd());
    else if (e.stack && !args.quiet) err(e.stack.split('\n').slice(1).join('\n'));
    err(line);
    return EXIT.LOAD;
  }
  summary.load_ms = Date.now() - t;
  out({ check: 'load', ok: true, expected: 'loaded', actual: 'loaded' });
  summary.passed = 1;

  t = Date.now();
  if (args.phase === 'load') {
    for (const name of probe.exports) {
      const ok = typeof exportsObj[name] === 'function';
      out({ check: `export:${name}`, ok, expected: 'function', actual: typeof exportsObj[name] });
      if (ok) summary.passed++;
      else summary.failed++;
    }
  } else {
    const r = runChecks(probe, host, exportsObj);
    summary.passed += r.passed;
    summary.failed += r.failed;
  }
  summary.run_ms = Date.now() - t;
  out({ summary });
  return summary.failed ? EXIT.CHECK : EXIT.OK;
}

// ---- the warm runtime -------------------------------------------------------------------
//
// --serve SOCKET (a Unix socket path, or fd:N, a listening socket the runner
// made) starts Pyodide once and answers one request a connection, in
// arrival order: the client sends one JSON line {phase, side, probe, quiet}
// (absolute paths); the server answers {"started":true,"pid":P,"request":K}
// when it takes the request up, then {"code":C,"stdout":S,"stderr":S}: what
// the one-shot harness would exit with and print (summary "runtime":"warm").

// A taken-up request with no answer after this long hangs the runtime: the
// client kills the server and runs the cell alone (the stage deadline
// still bounds that).
const WARM_LIMIT_MS = 60000;

async function serve(args) {
  const host = pyodideHost(args);
  await host.start();
  // Test seam (tests/e2e/warm-isolation.sh): every request fails here.
  const failAll = process.env.EMCOMPAT_HARNESS_WARM_FAIL === '1';
  let count = 0;
  let chain = Promise.resolve();
  const answer = async (conn, line) => {
    const k = ++count;
    const bufs = { out: '', err: '' };
    conn.write(JSON.stringify({ started: true, pid: process.pid, request: k }) + '\n');
    let code;
    sink = { out: (s) => { bufs.out += s; }, err: (s) => { bufs.err += s; } };
    try {
      const req = JSON.parse(line);
      const a = { ...args, phase: req.phase, side: req.side, probe: req.probe, quiet: !!req.quiet };
      if (failAll) {
        err('harness: EMCOMPAT_HARNESS_WARM_FAIL=1: failing in the warm runtime');
        code = EXIT.CHECK;
      } else {
        code = runCell(a, loadProbe(a.probe), host, 0, k, { runtime: 'warm' });
      }
    } catch (e) {
      err(e instanceof Exit ? e.message : `harness: internal error: ${e && e.stack ? e.stack : e}`);
      code = e instanceof Exit ? e.code : EXIT.INTERNAL;
    }
    sink = STDIO;
    conn.end(JSON.stringify({ code, stdout: bufs.out, stderr: bufs.err }) + '\n');
    // A failure may have left the runtime broken (a failed dlopen leaves
    // every later one failing): replace it rather than reuse it.
    if (code !== EXIT.OK) {
      err(`harness: request ${k} failed (exit ${code}); starting a new runtime`);
      await host.start();
    }
  };
  const server = net.createServer((conn) => {
    let buf = '';
    conn.on('error', () => {});
    conn.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = '';
      chain = chain.then(() => answer(conn, line));
    });
  });
  const where = args.serve.startsWith('fd:') ? { fd: Number(args.serve.slice(3)) } : { path: args.serve };
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, resolve);
  });
  return new Promise(() => {});  // serves until killed
}

// One request to the warm runtime at SOCKET: its answer, or {error}.
function askWarm(socket, req) {
  return new Promise((resolve) => {
    let buf = '';
    let started = null;
    let timer = null;
    const done = (r) => { clearTimeout(timer); conn.destroy(); resolve(r); };
    const conn = net.connect(socket);
    conn.on('connect', () => conn.write(JSON.stringify(req) + '\n'));
    conn.on('error', (e) => done({ error: firstLine(e) }));
    conn.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (msg.started) {
          started = msg;
          timer = setTimeout(() => {
            try { process.kill(msg.pid, 'SIGKILL'); } catch { /* gone already */ }
            done({ error: `no answer within ${WARM_LIMIT_MS / 1000} s (killed the warm runtime, pid ${msg.pid})` });
          }, WARM_LIMIT_MS);
        } else {
          done({ ...msg, pid: started && started.pid, request: started && started.request });
        }
      }
    });
    conn.on('end', () => done({ error: 'the warm runtime closed the connection without an answer' }));
  });
}

// ---- main ------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.serve !== null) return serve(args);
  const probe = loadProbe(args.probe);
  if (!fs.existsSync(args.side)) throw new Exit(EXIT.USAGE, `harness: no such side module: ${args.side}`);
  if (probe.python && args.loader !== 'pyodide') {
    throw new Exit(EXIT.USAGE, `harness: probe ${probe.name} is a Python extension module: it needs --loader pyodide`);
  }
  // A warm runtime decides a pass; anything else is decided alone, here.
  const socket = process.env.EMCOMPAT_HARNESS_SOCKET;
  const extra = {};
  if (socket && args.loader === 'pyodide' && args.via === 'ctypes') {
    const r = await askWarm(socket, { phase: args.phase, side: path.resolve(args.side),
                                      probe: path.resolve(args.probe), quiet: args.quiet });
    if (r.code === EXIT.OK) {
      err(`harness: decided in the warm runtime (pid ${r.pid}, request ${r.request}): passed`);
      sink.err(r.stderr);
      sink.out(r.stdout);
      return EXIT.OK;
    }
    extra.runtime = 'fresh';
    if (r.error) {
      err(`harness: the warm runtime gave no answer (${r.error}); running alone in a fresh process`);
    } else {
      extra.warm_exit = r.code;
      const last = r.stderr.trimEnd().split('\n').pop();
      err(`harness: failed in the warm runtime (pid ${r.pid}, request ${r.request}, exit ${r.code}: ${last}); ` +
          're-running alone in a fresh process, which decides:');
    }
  }
  const host = args.loader === 'emcc-main' ? emccMainHost(args) : pyodideHost(args);
  const t = Date.now();
  await host.start();
  return runCell(args, probe, host, Date.now() - t, 0, extra);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof Exit) {
      err(e.message);
      if (e.showUsage) err(USAGE);
      process.exit(e.code);
    }
    err(`harness: internal error: ${e && e.stack ? e.stack : e}`);
    process.exit(EXIT.INTERNAL);
  },
);
