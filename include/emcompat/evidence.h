/*
 * evidence: the error lines of a log and the tokens in them, for the
 * classifier's rules (classify.h) and for showing a user what it decided on.
 *
 * A log is read line by line once. A line is evidence when it is an error
 * some tool printed; each such line gets the tool that printed it and a
 * weight (how telling it is):
 *
 *   tool       lines                                                   weight
 *   js         an error line (80 and up) right after a traceback ending in
 *              Pyodide's "ImportError: Could not evaluate dynamic lib: X"
 *              (before 0.18 the JS error it caught came next)             96
 *   python     the first unindented line after "Traceback (most
 *              recent call last):" (the exception the traceback ends in),
 *              and the "XError: ..." line ending IPython's traceback
 *              (Jupyter, JupyterLite, xeus-python) whose header "XError
 *              Traceback (most recent call last)" names it               95
 *   js         a JS exception ("LinkError: ...", "TypeError: ...",
 *              "CompileError: ...", "RuntimeError: ...", Node's
 *              with its code: "TypeError [ERR_UNKNOWN_FILE_EXTENSION]: ...",
 *              JavaScriptCore's "WebAssembly.Module doesn't parse at
 *              byte N: ..." and V8's "WebAssembly.instantiate(): ..."
 *              without their names, Node's "Cannot find module 'x'
 *              imported from y" without its own, a browser's failed
 *              import() without its name ("Failed to fetch dynamically
 *              imported module: URL", "Importing a module script
 *              failed."), the message Pyodide's
 *              loadPackage prints on the line after "The following error
 *              occurred while loading X:") or a Python one
 *              ("ImportError: ...") outside a traceback                  90
 *              (the tool is python for names JS does not have)
 *   panic      a Rust "panicked at" message (with its next line when
 *              the message follows it, Rust >= 1.73)                     85
 *   rustc      "error[E0514]: ..."                                       80
 *   linker     "wasm-ld: error: ...", "rust-lld: error: ..."              80
 *   emcc       "emcc: error: ...", "em++: error: ...", and the older
 *              Emscripten's logger lines ("shared:ERROR: ...",
 *              "emcc:ERROR: ..." of 1.38.21-1.39.11, "ERROR    root:
 *              ..." before)                                              80
 *   cargo      "error: failed to ...", "error: package ...", ...          80
 *   llvm       "LLVM ERROR: ...", rustc's "rustc-LLVM ERROR: ...",
 *              "clang: error: ...", "fatal error: ..."                    80
 *   binaryen   "Fatal: ...", "[wasm-validator error ...]",
 *              "[parse exception: ...]", also after rustc's "note: "      80
 *   error      any other "error: ..." message (also after "pkg> " or a
 *              tag: "[cargo] error: ..."; MSBuild's "x : error : ...")    80
 *   abort      Emscripten's "Aborted(...)" / "abort(...)"                 75
 *   js         "missing function: NAME" (Emscripten's stub)               70
 *   node       "... requires node vN ..." and Node's version checks, and
 *              Emscripten's of browsers ("requires Safari vN", "compiled
 *              without support for Firefox browser"); Node refusing a
 *              flag ("node: bad option: --experimental-wasm-eh")        70
 *   pip        "... is not a supported wheel on this platform"            60
 *   npm, crash "npm ERR!", "Segmentation fault", "Assertion failed", Node's
 *              "FATAL ERROR: ..." (a V8 heap exhausted, a failed check),
 *              LLVM's and binaryen's "UNREACHABLE executed at F:N!", the
 *              engines' crash banners: V8's "# Fatal error in F, line N"
 *              and "Received signal N", SpiderMonkey's "Assertion failure:
 *              ..." and "Hit MOZ_CRASH(...)", a harness's "PROCESS-CRASH |",
 *              JavaScriptCore's "ASSERTION FAILED: " and "SHOULD NEVER BE
 *              REACHED", Deno's "... has panicked. This is a bug in ...",
 *              Bun's "Bun has crashed" (1.0: "SegmentationFault at 0x..."),
 *              Jupyter's "The kernel appears to have died. It will
 *              restart automatically." (also "The kernel for X ...")     60
 *   error      glibc's loader: "...: symbol lookup error: ..."            60
 *   pip        "ERROR: ..." naming a wheel or a distribution             50
 *   error      any other "ERROR: ..." line, "Error while ...", "critical ...",
 *              cmake -E's "Error copying file ...", a download's "error
 *              downloading ...: 404" (Trunk's fetch of a tool)           50
 *   error      a program's error() line ending in an OS error that stops
 *              it ("cp: error copying 'a' to 'b': No space left on
 *              device"; not network errors or "Permission denied", which
 *              logs that succeed print), a logrus error (the Docker CLI's
 *              time="..." level=error msg="...")                          50
 *   error      a build or CI tool's own error: make's fatal "make: ***
 *              No rule to make target 'x'.  Stop." (any make: gmake,
 *              mingw32-make, "make[1]"), "CMake Error at F:N (cmd):",
 *              meson's "F:N:C: ERROR: ...", pnpm's "ERR_PNPM_X  ...",
 *              yarn 1's "error An unexpected error occurred: ...",
 *              GitHub Actions' "##[error]..." and "::error ...::...",
 *              the Docker daemon's "Error response from daemon: ..."      50
 *   panic      Go's runtime panic, "panic: ..."                          85
 *   js         Node's "[UnhandledPromiseRejection: ...]" (a promise
 *              rejected with no Error; the reason is inside)             90
 *   error      pyodide-build's Emscripten check, printed bare: "Incorrect
 *              Emscripten version X. Need ...", "Failed to determine
 *              Emscripten version.", "No Emscripten compiler found. ..."  50
 *   error      the last "  Caused by: ..." line after maturin's "💥 maturin
 *              failed" (its root cause; the lines before it are its
 *              context)                                                  50
 *   resolver   uv's "× No solution found when resolving dependencies"   50
 *   test       a test runner's failure: pytest's "FAILED t.py::test_x",
 *              Playwright's "Test timeout of Nms exceeded.", Jest's
 *              "● suite › name", Jest's and Vitest's "FAIL  file > name",
 *              TAP's (node --test) "not ok N - name"; no class reads the
 *              resolver's or a test's lines (a failure, not a breakage)   50
 *   wrapper    an error line that only says a step failed ("error:
 *              linking with `emcc` failed", "could not compile",
 *              "emcc: error: '.../wasm-ld ...' failed", make's "make:
 *              *** [x.o] Error 1" and "*** Waiting for unfinished jobs",
 *              ninja's "FAILED: x.o" and "ninja: build stopped: ...",
 *              BuildKit's "ERROR [stage 2/5] RUN ..." and "ERROR: failed
 *              to solve: process ... did not complete successfully",
 *              pnpm's " ELIFECYCLE  Command failed ..." and
 *              ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL, yarn 1's "error Command
 *              failed with exit code 1.", "##[error]Process completed
 *              with exit code 1.",
 *              cargo install's "failed to compile `x`", cargo test's
 *              "test failed, to rerun pass", maturin's failure line and a
 *              last cause of it that only says cargo failed ("Cargo build
 *              finished with ..."), pip's "error:
 *              subprocess-exited-with-error" (and its other references)
 *              and "ERROR: Failed building wheel for x", wasm-pack's
 *              "Error: Compiling your crate to WebAssembly failed",
 *              "Error: Running the wasm-bindgen CLI" and "Running Wasm
 *              tests with wasm-bindgen-test failed", Node's "Error:
 *              Command failed: ...", a CI runner's "Error: Process
 *              completed with exit code 1.", Python's
 *              "subprocess.CalledProcessError: ...", also as a
 *              traceback's last line, npm's "code ELIFECYCLE", "errno 1",
 *              "command failed", setuptools' and distutils' "error:
 *              command 'gcc' failed with exit code 1", Emscripten's
 *              reasonless "Aborted()", "PythonError: Traceback (most
 *              recent call last):", whose exception comes at the
 *              traceback's end)                                           40
 *
 * "warning:" before the error word makes a line no evidence, and so does
 * Emscripten's glue's "wasm streaming compile failed: TypeError: ..." (a
 * refused response: a MIME type other than application/wasm) when its
 * "falling back to ArrayBuffer instantiation" follows: the fallback reports
 * its own failure. A line that
 * names a root cause weighs 5 more than its tool's other lines, or 55 when
 * it is no error line else: an OS error (strerror's "No space left on
 * device", "Permission denied", "Connection refused", ..., or Node's
 * ENOSPC, EACCES, ECONNREFUSED, ...), memory exhausted (a SIGKILL, Rust's
 * "memory allocation of N bytes failed", Node's "JavaScript heap out of
 * memory") or an HTTP failure ("status code 503",
 * "HTTP error 404", "502 Bad Gateway"); not in a warning or a "#" comment,
 * and never alone (a log whose only evidence is such lines is clean). The
 * last item of a "Caused by:" chain (cargo's, anyhow's as in wasmtime's
 * "Error: ...", the failure crate's unindented "Caused by: ..." lines as
 * wasm-pack 0.x prints them) is the root cause of its head line: it gets the head's
 * tool and one more weight, unless the head is a wrapper or quotes it, or
 * the item is a wrapper itself ("could not compile `x`").
 * So is the last line uv quotes of a child's "[stderr]" (an interpreter
 * query, a build backend) up to a blank line, when none of its lines is an
 * error line itself.
 *
 * A line weighs, and reads, as the line it wraps after what a CI system,
 * a build frontend, a test runner or a paste put before it (GitLab's
 * timestamps and stream tags and section markers, Azure Pipelines'
 * "##[error]" and "##vso[task.logissue type=error]", Buildkite's and
 * Jenkins' timestamps, Travis' fold markers, BuildKit's "#12 3.456 ",
 * "nox > ", pytest's "E   " and "FAILED t.py::x - ", "[stderr] ",
 * "stderr: ", "stdout | ", "[ERROR] ", "ERROR - ", miette's "× ", "│ ",
 * "╰─▶ ", Markdown's "> ") or a JS console presents an uncaught error with
 * ("Uncaught ", "Uncaught (in promise) ", after DevTools' source location
 * "pyodide.asm.js:9 " or "VM123:1 "; Deno's "error: Uncaught ..."; WebKit's
 * "Unhandled Promise Rejection: ", Safari's "[Error] "; Emscripten's
 * "worker sent an error! URL:N: "; a test's "[browser] ", "pageerror: ");
 * one whose text is no error weighs as itself.
 * In a log with no evidence line of its own, the first error quoted in
 * prose (`ImportError: ...`, 'LinkError: ...', "error[E0463]: ...",
 * `Aborted(...)`: a quote that starts like a tool's error and weighs as an
 * error line) is one, of its tool, at weight 30. In a log with neither,
 * the last line that says in words that something failed (failword.h:
 * "download of x failed", "libfoo.so.1 => not found"; no warning, note,
 * retry, command, stack frame or listing, no failure counted as zero) is
 * one, of tool error, at weight 20, when it is among the log's last five
 * lines with text (a log that goes on longer survived it) and no "falling
 * back" follows it within three lines.
 *
 * The deciding line is the first line of the highest weight; the
 * classifier quotes it for an error no class names ("unclassified"), and a
 * log without any evidence line is clean ("none").
 *
 * Tokens of an evidence line, each a kind and a text:
 *
 *   symbol   a name the line quotes ('x', "x", `x`), names after "symbol",
 *            "function", "import", "export", "reading", and any word with
 *            an underscore in it: invoke_vi, dynCall_ii, __cpp_exception,
 *            PyUnicode_AsUTF8AndSize, _ZN4core9panicking5panic17h...E;
 *            for a rustc error, also the two types its snippet's label
 *            names ("^ expected `u64`, found `usize`": u64, usize)
 *   feature  a WebAssembly feature the line names, without a "--enable-",
 *            "+" or "-m" in front: atomics, bulk-memory, exception-handling,
 *            mutable-globals, sign-ext, nontrapping-fptoint, simd128,
 *            reference-types, multivalue, tail-call, extended-const,
 *            relaxed-simd, memory64, multimemory, gc, shared-memory; V8's
 *            --experimental-wasm-NAME flags (eh is exception-handling,
 *            threads atomics, ...) and prose ("bulk memory", "exception
 *            handling", "reference types") under the same names; an
 *            engine's own words for them (SpiderMonkey's v128, "Structure
 *            types", V8's "Wasm SIMD", old V8's s128, wasmparser's
 *            "exceptions proposal", "SIMD support", "threads must be
 *            enabled", JavaScriptCore's "references are not enabled",
 *            "wasm exceptions are not enabled", "Wasm GC is not enabled",
 *            "SIMD must be enabled"; V8's "unknown import kind 0x04", a
 *            tag import before exception handling; wazero's feature names
 *            ("sign-extension-ops", "bulk-memory-operations", ...) and
 *            WasmEdge's proposal names ("Fixed-width SIMD", "Sign-extension
 *            Operators", ...)); the feature of an opcode an engine refused
 *            by its number (V8's "Invalid opcode 0xc0", "invalid numeric
 *            opcode: 0xfc08", SpiderMonkey's "unrecognized opcode: fc 8",
 *            WAMR's "invalid opcode 0xfd 101", JavaScriptCore's "invalid
 *            0xfc extended op 10", parity-wasm's "UnknownOpcode(192)"):
 *            0xc0-0xc4 sign-ext, 0xfc 0-7 nontrapping-fptoint, 0xfc 8-14
 *            bulk-memory, 0xfc 15-17 and 0xd0-0xd2 reference-types, 0xfd
 *            simd128, 0xfe atomics, 0xfb gc, 0x06-0x0a, 0x18, 0x19 and
 *            0x1f exception-handling, 0x12, 0x13 and 0x15 tail-call (0xfc
 *            without its sub-opcode names none), 0x1c, 0x25, 0x26
 *            reference-types, 0xfd 0x100-0x113 relaxed-simd; binaryen's
 *            reader names them by prefix and decimal sub-opcode ("invalid
 *            code after misc prefix: 17", "bad node code 31"); the feature
 *            of a type byte a decoder refused (V8's "invalid value type
 *            0x7b", "unknown type form: 95", WAMR's "invalid local type
 *            0x7B", binaryen's signed LEB "invalid wasm type: -23", "bad
 *            type form -33"): 0x7b simd128, 0x70 and 0x6f reference-types,
 *            0x69 and 0x74 exception-handling, 0x63, 0x64, 0x6a-0x6e,
 *            0x71-0x73 and the forms 0x5e, 0x5f, 0x4e-0x50 gc; V8's
 *            "unexpected section <DataCount>" bulk-memory, "<Tag>" (once
 *            "<Exception>") exception-handling; limits flags 0x4-0x7
 *            memory64, memory's 0x2-0x3 atomics ("invalid memory limits
 *            flags 0x5");
 *            and bigint for an
 *            engine without JS BigInt integration refusing i64 at the JS
 *            boundary (V8's "wasm function signature contains illegal type",
 *            SpiderMonkey's "cannot pass i64 to or from JS", JavaScriptCore's
 *            "i64 not allowed as return type or argument ..." and "imported
 *            global M:N cannot be an i64") or without BigInt at all
 *            ("BigInt is not defined", "Can't find variable: BigInt64Array")
 *   version  "LABEL=VERSION" for a dotted version (or LLVM's "LLVM17"),
 *            LABEL the word before it in lower case when it is one of
 *            producer, reader, requires, required, detected, node, rustc,
 *            cargo, llvm, emscripten, emcc, python, pyodide, clang, pyo3,
 *            safari, firefox, chrome, else empty: "producer=17.0.0",
 *            "reader=16.0.6", "node=16.0.0", "=1.2.3"
 *   file     the kind of a file the line names, by its extension: rlib,
 *            rmeta, a, o, so, wasm, js, mjs, whl, bc, dylib, pyd
 *   tag      a Python or platform tag: cp312, abi3, cpython-312-...,
 *            pyodide_2024_0_wasm32, emscripten_3_1_58_wasm32,
 *            pyemscripten_2025_0_wasm32, manylinux..., wasm32-...,
 *            and target triples (wasm32-unknown-emscripten); for Python's
 *            "No module named 'pkg.mod'", the tag of mod's compiled file
 *            named anywhere in the logs (mod.cpython-312-...so) when the
 *            logs' library paths show one other Python ("lib/python3.13/",
 *            "/lib/python313.zip") and no file of mod for it
 *   code     a rustc error code (E0514); on cargo's "could not compile `x`",
 *            the codes of rustc's summary just before it ("Some errors have
 *            detailed explanations: E0412, E0425.") when the log kept only
 *            that of the errors
 *   crate    the dependency a rustc error is located in, from the "-->"
 *            line after it when that points into cargo's registry
 *            (.../registry/src/INDEX/NAME-VER/...), a git checkout
 *            (.../git/checkouts/NAME-HASH/REV/...) or a vendor directory
 *            (vendor/NAME/...): "NAME@VER/PATH" or "NAME/PATH", e.g.
 *            "libc@0.2.72/src/wasi.rs"; an error in the user's own crate
 *            has none
 *   gate     the cfg predicate of an item rustc found configured out, from
 *            the snippet its "the item is gated here" label or note points
 *            at under the error: `not(target_arch = "wasm32")` for
 *            "#[cfg(not(target_arch = \"wasm32\"))]"; the first such note
 *            only
 *
 * Bounds (logs can be huge and hostile): each line is read once and in
 * linear time (the logs once more for each kept "No module named" line);
 * at most EVIDENCE_MAX_LINES evidence lines are kept (the
 * heaviest, the earlier of equal weight, one copy of a repeated text),
 * each cut to EVIDENCE_LINE_MAX bytes of the log before tokens are taken
 * from it (so at most 3 * EVIDENCE_LINE_MAX + 3 bytes of text: an invalid
 * byte becomes the 3 bytes of U+FFFD, a cut line ends in "..."), at
 * most EVIDENCE_MAX_TOKENS tokens a line. Any bytes are accepted; texts
 * are UTF-8 (an invalid byte becomes U+FFFD) but otherwise the log's, to be
 * made safe by whoever shows them (untrusted.h).
 */
#ifndef EMCOMPAT_EVIDENCE_H
#define EMCOMPAT_EVIDENCE_H

#include <stddef.h>

#define EVIDENCE_MAX_LINES 16
#define EVIDENCE_LINE_MAX 300
#define EVIDENCE_MAX_TOKENS 24

enum evidence_kind {
	EVIDENCE_SYMBOL,
	EVIDENCE_FEATURE,
	EVIDENCE_VERSION,
	EVIDENCE_FILE,
	EVIDENCE_TAG,
	EVIDENCE_CODE,
	EVIDENCE_CRATE,
	EVIDENCE_GATE,
	EVIDENCE_KIND_COUNT
};

struct evidence_token {
	enum evidence_kind kind;
	char *text;                 /* owned */
};

struct evidence_line {
	const char *tool;           /* static: "rustc", "linker", "js", ... (table above) */
	int weight;
	size_t lineno;              /* 1-based, in its log */
	size_t log;                 /* which of the logs given */
	char *text;                 /* owned: trimmed, cut, UTF-8, one line */
	struct evidence_token *tokens;   /* owned */
	size_t ntokens;
};

struct evidence {
	struct evidence_line *lines;   /* owned: heaviest first, then log order */
	size_t nlines;                 /* lines[0] is the deciding line */
};

/*
 * Reads the NLOGS logs (LOGS[i] of LENS[i] bytes; LENS NULL: NUL-terminated)
 * into *EV (release it with evidence_release). Logs are read as given: the
 * classifier passes them cleaned of colour codes and CI timestamps. Cannot
 * fail.
 */
void evidence_extract(struct evidence *ev, const char *const *logs, const size_t *lens, size_t nlogs);

void evidence_release(struct evidence *ev);

/*
 * The text [START, END) as evidence is quoted: trimmed, line ends as
 * spaces, cut to EVIDENCE_LINE_MAX bytes ("..." added), UTF-8. Caller frees.
 */
char *evidence_quote(const char *start, const char *end);

/* The name of token kind K ("symbol", "feature", ...), or NULL. */
const char *evidence_kind_name(enum evidence_kind k);
/* The kind called NAME, or -1. */
int evidence_kind_from_name(const char *name);
/* Whether NAME is a tool evidence_extract gives ("rustc", "js", ...). */
int evidence_is_tool(const char *name);

#endif
