/*
 * wasm_check: the compatibility facts of one module and the static checks
 * that predict whether a side module will load into a given main module.
 * The checks read what the readers (wasm.h) returned; they never read a
 * file's bytes themselves.
 *
 * Threads: as wasm.h: no global state, error() state is per thread.
 */
#ifndef EMCOMPAT_WASM_CHECK_H
#define EMCOMPAT_WASM_CHECK_H

#include <stddef.h>

#include "emcompat/pyext.h"
#include "emcompat/wasm.h"

/*
 * Sets m->facts from what was read, for M and, in an archive, for every
 * wasm member (bitcode has none; an archive's own stay zero). The checks
 * below and the JSON form read the facts, so this comes first, once after
 * reading. Allocates in M's arena.
 */
void wasm_compute_facts(struct wasm_module *m);

enum wasm_severity {
	WASM_SEVERITY_INFO,           /* a fact worth knowing; nothing fails */
	WASM_SEVERITY_WARNING,        /* fails unless something we cannot see provides it */
	WASM_SEVERITY_ERROR,          /* predicted to fail at load (or first call) */
};

/* "info", "warning", "error". */
const char *wasm_severity_name(enum wasm_severity s);

/*
 * A finding. CLASS_ID is a stable snake_case id:
 *   bigint_i64_boundary            i64 in an imported/exported function signature
 *                                  (needs WASM_BIGINT at the JS boundary)
 *   eh_wasm / eh_js / eh_mixed     the exception-handling kind a module uses (info)
 *   emscripten_get_now_misspelled  imports _emscripten_get_now (the JS name;
 *                                  the C symbol is emscripten_get_now)
 *   needs_dynamic_library          dylink.0 lists a needed library (info)
 *   missing_main_export            an import the main module's wasm neither exports
 *                                  nor imports (GOT.mem/GOT.func/global/tag: fails at
 *                                  load; a function: the loader installs a lazy stub,
 *                                  the first call fails, unless the main's JS has it)
 *   import_signature_mismatch      the main exports it with another signature
 *                                  (a LinkError at instantiation)
 *   import_kind_mismatch           the main exports it as another kind
 *   unknown_import_module          an import from a module the loader does not
 *                                  provide (only env, wasi_snapshot_preview1, GOT.*)
 *   eh_tag_import_mismatch         side imports a tag (__cpp_exception, __c_longjmp)
 *                                  the host provides neither from its wasm (an
 *                                  export) nor from its JS (an import of its wasm,
 *                                  or its JS loader's wasmImports), or with another type
 *   host_provides_import           a tag or global the host's JS provides: the main
 *                                  module imports it, or its JS loader has it (info;
 *                                  the message names the source)
 *   host_js_provides               functions only the host's JS library provides
 *                                  (Pyodide's wasmImports in pyodide.asm.js) (info)
 *   eh_js_invoke_in_wasm_eh_host   side uses JS EH (invoke_*) in a wasm-EH main module,
 *                                  whose loader creates no invoke_* wrappers
 *   bigint_legalization_mismatch   one side legalizes i64 and the other does not
 *   memory_import_mismatch         shared / memory64 / max limits of env.memory differ
 *   table_import_mismatch          table limits or element type differ, or the main's
 *                                  table cannot grow by the side's table_size
 *   main_not_dynamic               the "main" has no dylink section: not MAIN_MODULE
 *   llvm_bitcode_newer_than_linker bitcode from a newer LLVM major than the linker's
 *   llvm_bitcode_unknown_producer  bitcode without an IDENTIFICATION producer (info)
 * and, for a Python extension (it exports PyInit_*) in a Pyodide host:
 *   python_abi_tag_mismatch        its file's ABI tag is another Python's
 *                                  (cpython-314 in Python 3.13): Python never opens it
 *   python_abi3_too_new            an abi3 wheel whose minimum Python is newer
 *   wheel_platform_mismatch        the wheel's platform tag is none the runtime
 *                                  installs (warning: installers refuse it; unpacked
 *                                  by hand it may still load)
 *   python_api_missing             C-API functions it imports that the runtime's
 *                                  libpython lacks ("needs Python 3.14 API")
 *   wheel_several_extensions       a wheel with more than one .so: each is checked (info)
 * SUBJECT is what it is about (an import "env.foo", an export, a member), or NULL.
 */
struct wasm_finding {
	const char *class_id;         /* static string */
	enum wasm_severity severity;
	char *subject;                /* owned; may be NULL */
	char *message;                /* owned */
};

/* Zero-initialise; wasm_findings_release() frees. */
struct wasm_findings {
	size_t n, cap;
	struct wasm_finding *items;
};

void wasm_findings_release(struct wasm_findings *f);

/* How many findings have severity at least S. */
size_t wasm_findings_count(const struct wasm_findings *f, enum wasm_severity s);

/*
 * Appends the findings M shows on its own (i64 boundary, EH kind,
 * _emscripten_get_now, needed libraries; for an archive, those of every
 * member, with the member as subject).
 */
void wasm_check_module(const struct wasm_module *m, struct wasm_findings *out);

/*
 * Appends the findings of loading SIDE (a side module, or an object,
 * module or archive of them) into MAIN (an Emscripten main module's .wasm
 * or pyodide.asm.wasm): every SIDE import the MAIN wasm does not satisfy,
 * EH and BigInt mismatches, memory and table limits, and, when MAIN names
 * its LLVM in a producers section, bitcode newer than it. Returns 0, or -1
 * with error(EC_EXIT_INPUT) when MAIN is an object, side module, bitcode or
 * archive (a plain module gives the finding main_not_dynamic instead).
 */
int wasm_check_against(const struct wasm_module *side, const struct wasm_module *main, struct wasm_findings *out);

/*
 * wasm_check_against, knowing more of the host and the side module: RT
 * (may be NULL) is the runtime MAIN belongs to (pyext.h): a Pyodide's JS
 * library names count as provided, and its Python and platform are checked
 * against TAGS (may be NULL), the side module's file and wheel tags.
 */
int wasm_check_against_host(const struct wasm_module *side, const struct wasm_module *main, const struct py_runtime *rt,
			    const struct py_tags *tags, struct wasm_findings *out);

/*
 * Orders F as a user meets them: errors first, and among them what fails
 * before any wasm is loaded (Python never opens the file), then what fails
 * at load, then at the first call; then warnings, then info. Stable.
 */
void wasm_findings_sort(struct wasm_findings *f);

/*
 * Appends llvm_bitcode_newer_than_linker for each bitcode in M (the file,
 * archive members, .llvmbc sections) made by an LLVM whose major version
 * is newer than LINKER_LLVM ("14.0.6", "22"). Returns 0, or -1 with
 * error(EC_EXIT_INPUT) when LINKER_LLVM is not a version.
 */
int wasm_check_linker_llvm(const struct wasm_module *m, const char *linker_llvm, struct wasm_findings *out);

/*
 * What `emcompat inspect PATH [--against AGAINST] [--llvm LINKER_LLVM]`
 * does before it prints: reads PATH into *M (a wheel, *.whl: its first
 * .so, labelled "WHEEL(MEMBER)"; a wheel's other .so files are checked
 * too, and with several every finding starts with its member's path, plus
 * an info finding wheel_several_extensions) and, when AGAINST is not NULL, the main
 * module into *MAIN (zeroed otherwise; AGAINST may be a Pyodide directory,
 * see py_runtime_load), computes their facts (wasm_compute_facts), fills
 * *F with the findings of wasm_check_module, wasm_check_against_host
 * (AGAINST, with the runtime's Python facts and PATH's tags) and
 * wasm_check_linker_llvm (LINKER_LLVM not NULL), and sorts them
 * (wasm_findings_sort). Returns 0; or -1 with error() from the step that
 * failed, and M, MAIN and F released.
 */
int wasm_inspect_checked(const char *path, const char *against, const char *linker_llvm, struct wasm_module *m,
			 struct wasm_module *main, struct wasm_findings *f);

/*
 * Parses "LLVM22.1.4-rust-1.97.0-nightly", "22.1.8" or "clang version 22.1.8"
 * into major, minor, patch (missing parts 0). Returns 0, or -1 (no error()).
 */
int wasm_parse_llvm_version(const char *s, unsigned *major, unsigned *minor, unsigned *patch);

#endif
