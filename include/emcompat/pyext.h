/*
 * pyext: what decides whether Python opens a compiled extension at all,
 * before any wasm is loaded, and what a Pyodide runtime provides beyond
 * its wasm. Pure facts, read from names and files; the findings they lead
 * to are wasm_check.h's.
 *
 *  - An extension's file name carries an ABI tag: Python 3.X opens
 *    "m.cpython-3X-wasm32-emscripten.so", "m.abi3.so" and "m.so", never
 *    another version's file (import fails with "No module named 'm'").
 *  - A wheel's name carries its Python, ABI and platform tags
 *    ("jiter-0.19.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl"); an abi3
 *    wheel's Python tag is its minimum ("cp310").
 *  - A Pyodide runtime (the directory of its pyodide.asm.wasm) names its
 *    Python and its platform in pyodide-lock.json (repodata.json before
 *    0.25), and its JS loader (pyodide.asm.js, pyodide.asm.mjs since 314)
 *    passes the wasm every JS library function in one object literal,
 *    "wasmImports={...}": the dynamic loader resolves side modules' imports
 *    against the same object.
 *
 * Ownership: every string and array in the structs below is owned by the
 * struct until its *_release().
 */
#ifndef EMCOMPAT_PYEXT_H
#define EMCOMPAT_PYEXT_H

#include <stddef.h>
#include <stdint.h>

struct py_runtime {
	char *wasm;                   /* the main module's path: AGAINST, or the pyodide.asm.wasm in it */
	char *meta;                   /* pyodide-lock.json / repodata.json it read; NULL: not a Pyodide */
	char *python;                 /* "3.13.2"; NULL when META is NULL */
	unsigned major, minor;
	size_t nplatforms;
	char **platforms;             /* wheel platform tags it installs, e.g. "pyodide_2025_0_wasm32" */
	char *js;       /* the JS loader it read; NULL: none found */
	size_t njs_names;
	const char **js_names;        /* its wasmImports' names, sorted (strcmp) */
};

/*
 * Fills *RT (which it initialises) for AGAINST: a main module's .wasm, or
 * a directory holding pyodide.asm.wasm (itself, or node_modules/pyodide/ in
 * it, as the toolchain store installs Pyodide). A file without Pyodide's
 * files beside it gives RT->meta NULL and no JS names. Returns 0, or -1
 * with error(EC_EXIT_INPUT) for a directory without pyodide.asm.wasm or a
 * metadata file that is not valid JSON, and *RT released.
 */
int py_runtime_load(const char *against, struct py_runtime *rt);
void py_runtime_release(struct py_runtime *rt);

enum py_abi_tag {
	PY_ABI_NONE,                  /* "m.so", or not an extension's name: every Python opens it */
	PY_ABI_CPYTHON,               /* "m.cpython-3XY-...so": only Python MAJOR.MINOR */
	PY_ABI_ABI3,                  /* "m.abi3.so": every Python 3 */
};

/* The tags of an extension: its file's and, when it came in one, its wheel's. */
struct py_tags {
	char *file;                   /* the file's name: "jiter.cpython-314-wasm32-emscripten.so" */
	char *module;                 /* dotted import name: "jiter.jiter" from "jiter/jiter.cpython-314-...so" */
	enum py_abi_tag abi;
	unsigned major, minor;        /* CPYTHON: its Python; ABI3: the wheel's minimum (0.0: unknown) */
	char *wheel;                  /* the wheel's file name; NULL: none */
	char *wheel_python, *wheel_abi, *wheel_platform;  /* "cp314", "cp314", "pyemscripten_2026_0_wasm32" */
};

/*
 * Reads the tags of the extension at PATH (a path inside the wheel, or a
 * file's path: only its last component counts) from WHEEL (the wheel's
 * path, or NULL). Unknown or missing tags are left NONE/NULL; never fails.
 */
void py_tags_parse(const char *path, const char *wheel, struct py_tags *t);
void py_tags_release(struct py_tags *t);

/*
 * Reads a compiled extension of the wheel (a zip) at WHEEL: number WHICH
 * (0: the first), in archive order, of its members whose name ends in
 * ".so". Sets *MEMBER to its path in the wheel, *DATA and *LEN to its
 * bytes, *NSO to how many ".so" members the wheel holds (caller frees
 * MEMBER and DATA). Returns 0, or -1 with error(EC_EXIT_INPUT) when WHEEL
 * cannot be read or holds no ".so" number WHICH.
 */
int py_wheel_read(const char *wheel, size_t which, char **member, uint8_t **data, size_t *len, size_t *nso);

/* Whether PATH names a wheel (ends in ".whl"). */
int py_is_wheel(const char *path);

#endif
