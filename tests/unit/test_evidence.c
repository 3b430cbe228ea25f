/*
 * evidence: which lines are evidence and of which tool, the deciding line,
 * the tokens of each kind, the bounds (lines kept, line length, tokens), and
 * linear time on a hostile log.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "emcompat/evidence.h"
#include "emcompat/util.h"

/* The tokens of KIND in line L, joined by ",". */
static const char *tokens(const struct evidence_line *l, enum evidence_kind kind)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; l && i < l->ntokens; i++)
		if (l->tokens[i].kind == kind)
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", n ? "," : "", l->tokens[i].text);
	return buf;
}

/* Extracts TEXT's evidence into EV; its deciding line or NULL. */
static const struct evidence_line *extract(struct evidence *ev, const char *text)
{
	evidence_extract(ev, &text, NULL, 1);
	return ev->nlines ? &ev->lines[0] : NULL;
}

/*
 * The tool and weight of a line that only says in words that something failed
 * (failword.h): no tool's shape of an error, the last resort.
 */
#define PLAIN "error", 20

/* Lines of a log that goes on after a failure it survived (more than evidence.c's PLAIN_TAIL). */
#define GOES_ON                                                                                        \
	"   Compiling a v0.1.0\n   Compiling b v0.1.0\n   Compiling c v0.1.0\n   Compiling d v0.1.0\n" \
	"   Compiling e v0.1.0\n    Finished release [optimized] target(s) in 1.2s\n"

static void check_tool(const char *text, const char *tool, int weight)
{
	struct evidence ev;
	const struct evidence_line *l = extract(&ev, text);

	CHECK_STR(l ? l->tool : "(none)", tool);
	CHECK_INT(l ? l->weight : 0, weight);
	evidence_release(&ev);
}

static void test_tools(void)
{
	check_tool("wasm-ld: error: unknown file type: lib.rmeta\n", "linker", 80);
	check_tool("  = note: rust-lld: error: undefined symbol: foo\n", "linker", 80);
	check_tool("emcc: error: undefined exported symbol: \"_f\"\n", "emcc", 80);
	/* Node's fatal error (a root cause: the heap), cmake -E copy's and Trunk's download failure */
	check_tool("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n", "crash", 65);
	check_tool("Error copying file \"a.js\" to \"b/a.js\".\n", "error", 50);
	check_tool("error downloading archive file: 404\n", "error", 50);
	check_tool("error[E0514]: found crate `std` compiled by an incompatible version of rustc\n", "rustc", 80);
	check_tool("error: failed to select a version for `x`\n", "cargo", 80);
	check_tool("clang-16: error: unsupported option '-fwasm-exceptions'\n", "llvm", 80);
	/* rustc prints LLVM's fatal errors with its own prefix (rustc_llvm's error handler) */
	check_tool("rustc-LLVM ERROR: Cannot select: 0x1: i32 = X\n", "llvm", 80);
	/* Emscripten 1.38.21-1.39.11 printed errors through Python's logging, before them as root's */
	check_tool("shared:ERROR: Attempt to set a non-existent setting: 'X'\n", "emcc", 80);
	check_tool("emcc:ERROR: Compiler reported error\n", "emcc", 80);
	check_tool("  = note: shared:ERROR: Attempt to set a non-existent setting: 'X'\n", "emcc", 80);
	check_tool("ERROR    root: Assigning a non-existent settings attribute \"X\"\n", "emcc", 80);
	check_tool("shared:ERROR: '/e/fastcomp/bin/clang -c a.c' failed (1)\n", "wrapper", 40);
	/* another logger's ERROR is no emcc line; it still says a failure in words */
	check_tool("shared:WARNING: LLVM version appears incorrect\nnotalogger:ERROR: x\n", PLAIN);
	check_tool("pkg> error: the crate is broken\n", "error", 80);
	check_tool("[wasm-validator error in function 3] unexpected false: x\n", "binaryen", 80);
	/* binaryen's parse error comes before the "Fatal:" line it causes (older: "error in parsing input") */
	{
		struct evidence ev;
		const struct evidence_line *l = extract(
			&ev, "[parse exception: invalid code after misc prefix: 17 (at 0:1234)]\n"
			     "Fatal: error parsing wasm\n");

		CHECK_STR(l ? l->text : "(none)", "[parse exception: invalid code after misc prefix: 17 (at 0:1234)]");
		CHECK_STR(l ? l->tool : "(none)", "binaryen");
		evidence_release(&ev);
	}
	check_tool("Fatal: error in parsing input\n", "binaryen", 80);
	check_tool("Fatal: error in validating input\n", "binaryen", 80);
	check_tool(
		"LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"f\": function import requires a callable\n",
		"js", 90);
	check_tool("ImportError: dynamic module does not define module export function (PyInit_x)\n", "python", 90);
	check_tool("Aborted(missing function: invoke_vi)\n", "abort", 75);
	check_tool("missing function: invoke_vi\n", "js", 70);
	check_tool("This emscripten-generated code requires node v16.0.0 (detected v14.17.0)\n", "node", 70);
	check_tool("ERROR: x-1.0-cp312-cp312-pyodide_2024_0_wasm32.whl is not a supported wheel on this platform.\n",
		   "pip", 60);
	check_tool("error: linking with `emcc` failed: exit status: 1\n", "wrapper", 40);
	/* pip's diagnostics (src/pip/_internal/exceptions.py references) and its build summaries, distutils' */
	check_tool("error: subprocess-exited-with-error\n", "wrapper", 40);
	check_tool("error: failed-wheel-build-for-install\n", "wrapper", 40);
	check_tool("  ERROR: Failed building wheel for jiter\n", "wrapper", 40);
	check_tool(
		"ERROR: Could not build wheels for jiter, which is required to install pyproject.toml-based projects\n",
		"wrapper", 40);
	check_tool("  error: command '/usr/bin/x86_64-linux-gnu-g++' failed with exit code 1\n", "wrapper", 40);
	check_tool("ERROR: Failed to build jiter-0.5.0.tar.gz\n", "error", 50);
	/*
	 * lines that only say a step failed, whatever their form: pip's diagnostic
	 * (src/pip/_internal/exceptions.py), cargo install's, wasm-pack's context
	 * (src/build/mod.rs), Node's child_process, a CI runner's, Python's
	 * subprocess (also as a traceback's last line), npm's script failure
	 */
	check_tool("  error: subprocess-exited-with-error\n", "wrapper", 40);
	check_tool("error: metadata-generation-failed\n", "wrapper", 40);
	check_tool("error: failed to compile `wasm-bindgen-cli v0.2.92`, intermediate artifacts can be found at "
		   "`/tmp/cargo-installX`.\n",
		   "wrapper", 40);
	check_tool("Error: Compiling your crate to WebAssembly failed\n", "wrapper", 40);
	check_tool("Error: Command failed: cargo build --release --target wasm32-unknown-emscripten\n", "wrapper", 40);
	check_tool("Error: Process completed with exit code 1.\n", "wrapper", 40);
	check_tool("Traceback (most recent call last):\n  File \"b.py\", line 9, in <module>\n"
		   "subprocess.CalledProcessError: Command '['emcc', 'a.c']' returned non-zero exit status 1.\n",
		   "wrapper", 40);
	check_tool("npm ERR! code ELIFECYCLE\nnpm ERR! errno 1\n", "wrapper", 40);
	check_tool("npm error code 1\nnpm error command failed\nnpm error command sh -c node install.js\n", "wrapper",
		   40);
	/* setuptools' compiler call, just's recipe, Emscripten's abort() without a reason */
	check_tool("error: command '/usr/bin/clang' failed with exit code 1\n", "wrapper", 40);
	check_tool("error: Recipe `build` failed on line 5 with exit code 1\n", "wrapper", 40);
	/* cargo test's and wasm-pack test's (wasm-bindgen/wasm-bindgen#2522) */
	check_tool("error: test failed, to rerun pass `--lib`\n", "wrapper", 40);
	check_tool("Error: Running Wasm tests with wasm-bindgen-test failed\n", "wrapper", 40);
	check_tool("Uncaught RuntimeError: Aborted(). Build with -sASSERTIONS for more info.\n", "wrapper", 40);
	check_tool("Aborted()\n", "wrapper", 40);
	/* a cause chain whose last item is a wrapper too gives it nothing */
	check_tool("error: failed to compile `x v0.1.0`, intermediate artifacts can be found at `/t`.\n\nCaused by:\n"
		   "  could not compile `x` (lib) due to 1 previous error\n",
		   "wrapper", 40);
	/* other exceptions and npm codes are causes */
	check_tool("Error: Command not found: wasm-opt\n", "js", 90);
	check_tool("Error: Command failed with ENOENT: wasm-opt --version\n", "js", 90);
	check_tool("Error: Command failed with exit code 1: cargo build\n", "wrapper", 40);
	/* npm's code line weighs one below its message line (is_npm_code) */
	check_tool("npm ERR! code ENOENT\n", "npm", 59);
	/* a root cause weighs more than its tool's other lines; alone it is an error line of 55 */
	check_tool("npm ERR! code ECONNREFUSED\n", "npm", 64);
	check_tool("make: *** [all] Error 1\nld: cannot open output file a.out: Permission denied\n", "error", 55);
	/* memory exhausted: the OOM killer's signal as cargo prints it, Rust's allocation failure */
	check_tool("error: could not compile `foo` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc "
		   "--crate-name foo` (signal: 9, SIGKILL: kill)\n",
		   "error", 55);
	check_tool("memory allocation of 8589934592 bytes failed\nerror: could not compile `foo` (lib)\n", "error", 55);
	check_tool("##[debug]Sending SIGKILL to the runner\n", "(none)", 0);
	/* every root cause text, code and status is found (one pass over the line looks for all) */
	{
		static const char *const causes[] = {
			"No space left on device",
			"Disk quota exceeded",
			"Read-only file system",
			"Permission denied",
			"Connection refused",
			"Connection reset by peer",
			"Connection timed out",
			"Network is unreachable",
			"No route to host",
			"Too many open files",
			"Cannot allocate memory",
			"Temporary failure in name resolution",
			"Name or service not known",
			"Service Unavailable",
			"Bad Gateway",
			"Gateway Timeout",
			"Too Many Requests",
			"SIGKILL",
			"memory allocation of 8 bytes",
			"JavaScript heap out of memory",
			"ENOSPC",
			"EDQUOT",
			"EROFS",
			"EACCES",
			"ECONNREFUSED",
			"ECONNRESET",
			"ETIMEDOUT",
			"ENETUNREACH",
			"EHOSTUNREACH",
			"EMFILE",
			"ENOMEM",
			"EAI_AGAIN",
			"status code 503",
			"HTTP error 404",
			"HTTP Error 500",
			"HTTP status 429",
			"returned error: 502",
			"HTTP/1.1 503",
			"HTTP/2 404",
			"HTTP 500",
		};

		for (size_t i = 0; i < sizeof(causes) / sizeof(*causes); i++) {
			char *log = xasprintf("make: *** [all] Error 1\nfetch: %s\n", causes[i]);

			check_tool(log, "error", 55);
			free(log);
		}
		/* a code inside a word, a status that is no failure */
		check_tool("make: *** [all] Error 1\nxENOSPCx and HTTP 200\n", "wrapper", 40);
	}
	check_tool("Error: failed to parse WebAssembly module\n\nCaused by:\n    SIMD support is not enabled\n", "js",
		   91);
	/* JavaScriptCore's CompileError without its name */
	check_tool("WebAssembly.Module doesn't parse at byte 12: references are not enabled.\n", "js", 90);
	/* a traceback's exception beats everything, and is Python's even when JS has the name */
	check_tool("Traceback (most recent call last):\n  File \"x.py\", line 1\nTypeError: bad\nLinkError: x\n",
		   "python", 95);
	/* a poster's elision inside a traceback does not end it: the exception after it does */
	static const char *const cut[] = { "...", "\xe2\x80\xa6", "[...]", "....  " };

	for (size_t i = 0; i < sizeof(cut) / sizeof(*cut); i++) {
		char text[256];
		struct evidence ev;
		const struct evidence_line *l;

		snprintf(text, sizeof(text),
			 "Traceback (most recent call last):\n  File \"a.py\", line 1\n%s\n    import x\n"
			 "ImportError: cannot import name 'y' from 'x'\n",
			 cut[i]);
		l = extract(&ev, text);
		CHECK_STR(l ? l->tool : "(none)", "python");
		CHECK(l && !strncmp(l->text, "ImportError", 11));
		evidence_release(&ev);
	}
	check_tool("Traceback (most recent call last):\n  File \"a.py\", line 1\n... and more\n", "python", 95);
	/* not an error line: warnings, prose (only the last resort reads a failure word in prose) */
	check_tool("warning: unused variable: `x`\nan error in prose, error-prone: no\n", PLAIN);
	check_tool("Finished release [optimized] target(s) in 1.2s\n", "(none)", 0);
}

static void test_deciding(void)
{
	struct evidence ev;
	const struct evidence_line *l;
	const char *logs[2] = { "error: aborting due to 2 previous errors\nerror[E0463]: can't find crate for `core`\n",
				"TypeError: a heavier line in the second log\n" };

	/* the heaviest line of the first log with any, then the rest */
	evidence_extract(&ev, logs, NULL, 2);
	CHECK_INT(ev.nlines, 3);
	CHECK_STR(ev.lines[0].text, "error[E0463]: can't find crate for `core`");
	CHECK_INT(ev.lines[0].lineno, 2);
	CHECK_INT(ev.lines[0].log, 0);
	CHECK_STR(ev.lines[1].tool, "wrapper");
	CHECK_INT(ev.lines[2].log, 1);
	evidence_release(&ev);

	/* Rust >= 1.73: the panic message on the next line is part of it */
	l = extract(&ev, "thread 'main' panicked at src/lib.rs:1:5:\nattempt to add with overflow\n");
	CHECK_STR(l ? l->text : NULL, "thread 'main' panicked at src/lib.rs:1:5: attempt to add with overflow");
	evidence_release(&ev);

	/* a JS error's message a console's copy broke with an empty line (and a trailing space) goes on below it */
	l = extract(&ev, "RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): Compiling function #5 failed: "
			 "\n\nWasm SIMD unsupported @+17684).\n");
	CHECK_STR(l ? l->text : NULL,
		  "RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): Compiling function #5 failed: Wasm "
		  "SIMD unsupported @+17684).");
	evidence_release(&ev);

	/* a log pasted as a JS string: the exception after a literal \n */
	l = extract(&ev, "\"Could not load dynamic lib: /lib/python3.13/site-packages/some/long/path/x.abi3.so"
			 "\\nError: Dynamic linking error: cannot resolve symbol invoke_vii\"\n");
	CHECK_STR(l ? l->tool : NULL, "js");
	CHECK_STR(tokens(l, EVIDENCE_SYMBOL), "invoke_vii");
	evidence_release(&ev);

	/*
	 * the failure crate's chain (wasm-pack 0.x, as in wasm-pack#1404's log):
	 * unindented "Caused by: " lines, outermost first; the last is the root
	 */
	l = extract(&ev, "Error: failed to download from https://x/chromedriver.zip\n"
			 "Caused by: failed to download from https://x/chromedriver.zip\n"
			 "Caused by: https://x/chromedriver.zip: status code 404\n");
	CHECK_STR(l ? l->text : NULL, "Caused by: https://x/chromedriver.zip: status code 404");
	evidence_release(&ev);
	/* a cause the head quotes already adds nothing: the head decides */
	l = extract(&ev, "Error: failed to execute `cargo build`: exited with exit status: 101\n"
			 "Caused by: failed to execute `cargo build`: exited with exit status: 101\n");
	CHECK(l && !strncmp(l->text, "Error: failed to execute `cargo build`", 38));
	evidence_release(&ev);

	/* maturin's chain (src/main.rs: one "  Caused by: " line per cause, outermost first): the last one */
	l = extract(&ev, "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Couldn't find any python interpreters from "
			 "'python3.13'. Please check that both major and minor python version have been specified in "
			 "-i/--interpreter.\n");
	CHECK_STR(l ? l->tool : NULL, "error");
	CHECK_INT(l ? l->weight : 0, 50);
	CHECK(l && !strncmp(l->text, "Couldn't find any python interpreters from", 42));
	evidence_release(&ev);
	l = extract(&ev, "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Failed to run emcc to get the version\n"
			 "  Caused by: Permission denied (os error 13)\n");
	CHECK_STR(l ? l->text : NULL, "Permission denied (os error 13)");
	evidence_release(&ev);
	/* cargo's error above outweighs maturin's causes that only say cargo failed */
	l = extract(&ev,
		    "error: failed to run custom build command for `pyo3-ffi v0.20.3`\n"
		    "  error: the configured Python interpreter version (3.13) is newer than PyO3's maximum supported "
		    "version (3.12)\n"
		    "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Failed to build a native library through cargo\n"
		    "  Caused by: Cargo build finished with \"exit status: 101\": `cargo rustc --release`\n");
	CHECK(l && !strncmp(l->text, "error: the configured Python interpreter version", 48));
	CHECK_INT(ev.nlines, 4);
	CHECK_STR(ev.nlines == 4 ? ev.lines[2].tool : NULL, "wrapper");
	evidence_release(&ev);
	/* under pip: maturin's cause outweighs pip's summaries of the failed build */
	l = extract(
		&ev,
		"      \xf0\x9f\x92\xa5 maturin failed\n        Caused by: Failed to find a CPython 3.14 interpreter "
		"in known sysconfig\n  error: subprocess-exited-with-error\n  ERROR: Failed building wheel for x\n"
		"error: failed-wheel-build-for-install\n");
	CHECK_STR(l ? l->text : NULL, "Failed to find a CPython 3.14 interpreter in known sysconfig");
	evidence_release(&ev);
	/* "No module named 'pkg.mod'" and mod's file for another CPython than the one whose paths show */
	{
		static const char *const tb =
			"Traceback (most recent call last):\n"
			"  File \"/v/lib/python3.11/site-packages/samplerate/__init__.py\", line 1, in <module>\n"
			"ModuleNotFoundError: No module named 'samplerate._rate'\n";
		static const struct {
			const char *listing, *want;
		} files[] = {
			{ "__init__.py  _rate.cpython-314-x86_64-linux-gnu.so\n", "cpython-314" },
			{ "_rate.cpython-313t-x86_64-linux-gnu.so\n", "cpython-313" },
			/* a file for this Python too, another module's file, a tag that is no version */
			{ "_rate.cpython-311-x86_64-linux-gnu.so _rate.cpython-314-x86_64-linux-gnu.so\n", "" },
			{ "x_rate.cpython-314-x86_64-linux-gnu.so\n", "" },
			{ "_rate.cpython-3x.so\n", "" },
			/* two Pythons' paths: which raised it is not shown */
			{ "/v/lib/python3.12/site-packages/samplerate/_rate.cpython-312-x86_64-linux-gnu.so\n", "" },
		};

		for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
			char *log = xasprintf("%s%s", files[i].listing, tb);

			l = extract(&ev, log);
			CHECK_STR(tokens(l, EVIDENCE_TAG), files[i].want);
			evidence_release(&ev);
			free(log);
		}
		/* Pyodide's stdlib zip names its Python; no path at all names none */
		l = extract(&ev, "jiter.cpython-312-wasm32-emscripten.so\n  File \"/lib/python313.zip/a.py\", line 1\n"
				 "ImportError: No module named 'jiter.jiter'\n");
		CHECK_STR(tokens(l, EVIDENCE_TAG), "cpython-312");
		evidence_release(&ev);
		l = extract(
			&ev,
			"jiter.cpython-312-wasm32-emscripten.so\nModuleNotFoundError: No module named 'jiter.jiter'\n");
		CHECK_STR(tokens(l, EVIDENCE_TAG), "");
		evidence_release(&ev);
	}
	/* "Caused by: " lines without maturin's failure line above them are no chain of it */
	CHECK(!extract(&ev, "  Caused by: nothing failed\n"));
	evidence_release(&ev);
	CHECK(extract(&ev, "  Caused by: the download failed\n"));
	evidence_release(&ev);

	CHECK(!extract(&ev, ""));
	CHECK_INT(ev.nlines, 0);
	evidence_release(&ev);
}

static void check_tokens(const char *text, enum evidence_kind kind, const char *want)
{
	struct evidence ev;

	CHECK_STR(tokens(extract(&ev, text), kind), want);
	evidence_release(&ev);
}

static void test_tokens(void)
{
	check_tokens("LinkError: WebAssembly.Instance(): Import #3 module=\"env\" function=\"__cpp_exception\" error: "
		     "tag import requires a WebAssembly.Tag\n",
		     EVIDENCE_SYMBOL, "env,__cpp_exception");
	check_tokens("Error: Dynamic linking error: cannot resolve symbol s_cmp\n", EVIDENCE_SYMBOL, "s_cmp");
	/* "function does not match": prose after "function", no name */
	check_tokens("LinkError: WebAssembly.Instance(): Import #69 module=\"env\" function=\"_PyLong_AsByteArray\" "
		     "error: imported function does not match the expected type\n",
		     EVIDENCE_SYMBOL, "env,_PyLong_AsByteArray");
	check_tokens("wasm-ld: error: a.o: undefined symbol: foo\n", EVIDENCE_SYMBOL, "foo");
	check_tokens("Error: cannot resolve symbol PyUnicode_AsUTF8AndSize\n", EVIDENCE_SYMBOL,
		     "PyUnicode_AsUTF8AndSize");
	check_tokens("error[E0432]: unresolved import `libc::c_int`\n", EVIDENCE_SYMBOL, "libc::c_int,c_int");
	check_tokens("error[E0432]: unresolved import `libc::c_int`\n", EVIDENCE_CODE, "E0432");
	/* JSON keys are not names (values may be) */
	check_tokens("{\"check\":\"x\",\"actual\":\"Error: cannot resolve symbol invoke_ii\"}\n", EVIDENCE_SYMBOL,
		     "x,invoke_ii");

	check_tokens("wasm-ld: error: --shared-memory is disallowed by a.o because it was not compiled with "
		     "'atomics' or 'bulk-memory' features\n",
		     EVIDENCE_FEATURE, "shared-memory,atomics,bulk-memory");
	check_tokens("[wasm-validator error in function 1] unexpected false: Bulk memory operations require bulk "
		     "memory [--enable-bulk-memory]\n",
		     EVIDENCE_FEATURE, "bulk-memory");
	check_tokens("CompileError: WebAssembly.Module(): invalid opcode (enable with --experimental-wasm-eh)\n",
		     EVIDENCE_FEATURE, "exception-handling");
	/* "simd" alone is a word, not a feature; -msimd128 and +simd128 are */
	check_tokens("error: simd is nice but -msimd128 +atomics\n", EVIDENCE_FEATURE, "simd128,atomics");

	check_tokens("error: Invalid record (Producer: 'LLVM17.0.0git' Reader: 'LLVM 16.0.6')\n", EVIDENCE_VERSION,
		     "producer llvm=17.0.0,reader llvm=16.0.6");
	check_tokens("This emscripten-generated code requires node v16.0.0 (detected v14.17.0)\n", EVIDENCE_VERSION,
		     "requires node=16.0.0,detected=14.17.0");
	check_tokens("error: package `x v1.2.0` cannot be built because it requires rustc 1.70 or newer\n",
		     EVIDENCE_VERSION, "=1.2.0,requires rustc=1.70");

	check_tokens("wasm-ld: error: unknown file type: lib.rmeta\n", EVIDENCE_FILE, "rmeta");
	check_tokens("error: cannot open /x/libfoo.rlib: and x.o.\n", EVIDENCE_FILE, "rlib,o");

	check_tokens("ERROR: x-1.0-cp312-cp312-pyodide_2024_0_wasm32.whl is not a supported wheel on this platform.\n",
		     EVIDENCE_TAG, "cp312,pyodide_2024_0_wasm32");
	check_tokens("ImportError: /lib/x.cpython-311-wasm32-emscripten.so: bad\n", EVIDENCE_TAG,
		     "cpython-311-wasm32-emscripten");
	check_tokens("error: the `wasm32-unknown-emscripten` target may not be installed\n", EVIDENCE_TAG,
		     "wasm32-unknown-emscripten");
	/* a log quoted in Markdown: \`std\` is the name std */
	check_tokens("error[E0463]: can't find crate for \\`std\\`\n", EVIDENCE_SYMBOL, "std");

	/* the dependency a rustc error is located in: registry, git checkout, vendor; none in the user's crate */
	check_tokens(
		"error[E0432]: unresolved import `crate::sys::fs`\n"
		" --> /home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/md-5-0.10.6/src/unix/mod.rs:12:5\n",
		EVIDENCE_CRATE, "md-5@0.10.6/src/unix/mod.rs");
	check_tokens("error[E0425]: cannot find value `X` in this scope\n"
		     "  --> C:\\Users\\me\\.cargo\\git\\checkouts\\mio-0123abcd\\a1b2c3d\\src\\sys\\mod.rs:3:1\n",
		     EVIDENCE_CRATE, "mio/src/sys/mod.rs");
	check_tokens("error: this target is not supported\n --> vendor/libc/src/lib.rs:9:1\n", EVIDENCE_CRATE,
		     "libc/src/lib.rs");
	check_tokens("error[E0308]: mismatched types\n --> src/main.rs:4:18\n", EVIDENCE_CRATE, "");
	/* a path's bytes are quoted like a line's: UTF-8 */
	check_tokens("error: x\n --> /r/.cargo/registry/src/i/a-1.0.0/src/\xff.rs:1:1\n", EVIDENCE_CRATE,
		     "a@1.0.0/src/\xef\xbf\xbd.rs");
	/* the cfg of an item rustc found configured out: under a label, or in a note's snippet */
	check_tokens("error[E0433]: cannot find `blocking` in `reqwest`\n --> src/fetch.rs:17:27\n"
		     "note: found an item that was configured out\n --> /r/reqwest-0.12.28/src/lib.rs:372:13\n    |\n"
		     "272 |         #[cfg(not(target_arch = \"wasm32\"))]\n"
		     "    |                  ------------------------ the item is gated here\n...\n"
		     "372 |     pub mod blocking;\n",
		     EVIDENCE_GATE, "not(target_arch = \"wasm32\")");
	check_tokens("error[E0432]: unresolved import `crate::parse::FromStr`\n --> src/datum_params.rs:8:5\n"
		     "note: the item is gated here\n  --> src/parse.rs:60:1\n   |\n"
		     "60 | #[cfg(all(target_arch = \"wasm32\", target_os = \"unknown\"))]\n",
		     EVIDENCE_GATE, "all(target_arch = \"wasm32\", target_os = \"unknown\")");
	/* a note under the next error is that error's, not the first's */
	check_tokens("error[E0425]: cannot find value `x` in this scope\n --> src/a.rs:1:1\n"
		     "error[E0433]: failed\n --> src/b.rs:2:2\nnote: the item is gated here\n --> src/c.rs:3:1\n"
		     "  |\n3 | #[cfg(unix)]\n",
		     EVIDENCE_GATE, "");
	/* a mismatch label's two types (rustc's snippet under the message) */
	check_tokens("error[E0308]: mismatched types\n --> src/lib.rs:10:5\n   |\n10 |     x\n"
		     "   |     ^ expected `u64`, found `usize`\n",
		     EVIDENCE_SYMBOL, "u64,usize");
	check_tokens("error[E0308]: mismatched types\nerror: next\n   |     ^ expected `u64`, found `usize`\n",
		     EVIDENCE_SYMBOL, "");
	/* the location must follow its own message, not a later one */
	check_tokens("error: x\nwarning: unused\n --> /r/.cargo/registry/src/i/a-1.0.0/src/lib.rs:1:1\n",
		     EVIDENCE_CRATE, "");

	/* emscripten_longjmp is a symbol, emscripten_3_1_58_wasm32 a tag */
	check_tokens("error: undefined symbol: emscripten_longjmp for emscripten_3_1_58_wasm32\n", EVIDENCE_TAG,
		     "emscripten_3_1_58_wasm32");
	check_tokens("error: undefined symbol: emscripten_longjmp for emscripten_3_1_58_wasm32\n", EVIDENCE_SYMBOL,
		     "emscripten_longjmp");
}

static void test_bounds(void)
{
	struct strbuf sb = { 0 };
	struct evidence ev;
	size_t big = 4u << 20;
	char *junk;
	clock_t t0;
	double secs;

	/* many distinct error lines: EVIDENCE_MAX_LINES kept, the first ones */
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&sb, "error: number %d\n", i);
	strbuf_addstr(&sb, "LinkError: the heaviest, last\n");
	evidence_extract(&ev, (const char *const *)&sb.buf, NULL, 1);
	CHECK_INT(ev.nlines, EVIDENCE_MAX_LINES);
	CHECK_STR(ev.lines[0].text, "LinkError: the heaviest, last");
	CHECK_STR(ev.lines[1].text, "error: number 0");
	evidence_release(&ev);
	strbuf_release(&sb);

	/* one huge line: cut, its tokens bounded */
	strbuf_addstr(&sb, "error: ");
	for (int i = 0; i < 20000; i++)
		strbuf_addf(&sb, "sym_%d ", i);
	evidence_extract(&ev, (const char *const *)&sb.buf, NULL, 1);
	CHECK_INT(ev.nlines, 1);
	CHECK(strlen(ev.lines[0].text) <= EVIDENCE_LINE_MAX + 3);
	CHECK(ev.lines[0].ntokens <= EVIDENCE_MAX_TOKENS);
	evidence_release(&ev);
	strbuf_release(&sb);

	/* hostile bytes, NULs included, in linear time: 4 MiB of a repeated near-miss */
	junk = xmalloc(big);
	for (size_t i = 0; i < big; i++)
		junk[i] = "error Error(Traceback 'x_ \\n\0\xff:v1.2 --enable-"[i % 44];
	t0 = clock();
	evidence_extract(&ev, (const char *const *)&junk, &big, 1);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 2.0);
	CHECK(ev.nlines <= EVIDENCE_MAX_LINES);
	for (size_t i = 0; i < ev.nlines; i++)
		CHECK(!strchr(ev.lines[i].text, '\n'));
	evidence_release(&ev);
	free(junk);
}

/* Runtime-side wordings from the engines' and Emscripten's own message catalogues. */
static void test_runtime_catalogue(void)
{
	/* Emscripten's src/minimum_runtime_check.js, for browsers too */
	check_tool("This emscripten-generated code requires Safari v15.0.0 (detected v14.1)\n", "node", 70);
	check_tool("This page was compiled without support for Firefox browser. Pass -sMIN_FIREFOX_VERSION=120 or "
		   "lower to enable support for this browser.\n",
		   "node", 70);
	check_tokens("This emscripten-generated code requires Safari v15.0.0 (detected v14.1)\n", EVIDENCE_VERSION,
		     "requires safari=15.0.0,detected=14.1");
	/* glibc's loader on an extension */
	check_tool("python3: symbol lookup error: /x/m.so: undefined symbol: PyUnicode_AS_UNICODE\n", "error", 60);
	/* Pyodide's loadPackage failure behind Docker BuildKit's step and elapsed-seconds prefixes */
	check_tool("#12 7.310 The following error occurred while loading numpy:\n#12 7.313 fetch failed\n", "js", 90);
	check_tool("7.310 The following error occurred while loading numpy:\n7.313 fetch failed\n", "js", 90);
	/* ... and on a program that cannot start */
	check_tool(
		"clang: error while loading shared libraries: libatomic.so.1: cannot open shared object file: No such "
		"file or directory\n",
		"error", 60);

	/* V8's newer import format names the import before a colon */
	check_tokens("LinkError: WebAssembly.instantiate(): Import #1 \"env\" \"memory\": memory import must be a "
		     "WebAssembly.Memory object\n",
		     EVIDENCE_SYMBOL, "env,memory");
	/* i64 at the JS boundary without BigInt integration: V8, SpiderMonkey, JavaScriptCore */
	check_tokens("TypeError: wasm function signature contains illegal type\n", EVIDENCE_FEATURE, "bigint");
	check_tokens("TypeError: cannot pass i64 to or from JS\n", EVIDENCE_FEATURE, "bigint");
	check_tokens("TypeError: i64 not allowed as return type or argument to an imported function\n",
		     EVIDENCE_FEATURE, "bigint");
	/* V8's flags with '_' as with '-', its SIMD on an old CPU; SpiderMonkey's names */
	check_tokens("CompileError: Compiling wasm function \"f\" failed: Invalid opcode (enable with "
		     "--experimental-wasm-sat_f2i_conversions)\n",
		     EVIDENCE_FEATURE, "nontrapping-fptoint");
	check_tokens("CompileError: Compiling function #81 failed: Wasm SIMD unsupported @+1234\n", EVIDENCE_FEATURE,
		     "simd128");
	check_tokens("CompileError: wasm validation error: at offset 12: v128 not enabled\n", EVIDENCE_FEATURE,
		     "simd128");
	/*
	 * an opcode's number an engine refused: V8's one number (prefix and sub-opcode), SpiderMonkey's
	 * and WAMR's two, JavaScriptCore's decimal sub-opcode, parity-wasm's decimal byte; 0xfc alone
	 * names no feature (saturating conversions or bulk memory), nor does the kernel's "invalid opcode:"
	 */
	check_tokens("CompileError: Compiling function #1 failed: invalid numeric opcode: 0xfc0a @+9\n",
		     EVIDENCE_FEATURE, "bulk-memory");
	check_tokens("CompileError: Compiling function #1 failed: Invalid opcode 0xc2 @+9\n", EVIDENCE_FEATURE,
		     "sign-ext");
	check_tokens("CompileError: wasm validation error: at offset 9: unrecognized opcode: fc 2\n", EVIDENCE_FEATURE,
		     "nontrapping-fptoint");
	check_tokens("CompileError: wasm validation error: at offset 9: unrecognized opcode: 12 0\n", EVIDENCE_FEATURE,
		     "tail-call");
	check_tokens("Exception: WASM module load failed: invalid opcode 0x06.\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens(
		"CompileError: WebAssembly.Module doesn't parse at byte 7: invalid 0xfc extended op 17, in function "
		"at index 0\n",
		EVIDENCE_FEATURE, "reference-types");
	check_tokens("Error: deserialize module: UnknownOpcode(208)\n", EVIDENCE_FEATURE, "reference-types");
	check_tokens("CompileError: Compiling function #1 failed: Invalid opcode 0xfc @+9\n", EVIDENCE_FEATURE, "");
	check_tokens("invalid opcode: 00c0 [#1] SMP\n", EVIDENCE_FEATURE, "");
	/* wazero's names */
	check_tokens("Error: invalid function[0]: f32x4.add invalid as feature \"simd\" is disabled\n",
		     EVIDENCE_FEATURE, "simd128");
	/* wasmparser's and JavaScriptCore's words */
	check_tokens("Error: legacy exceptions support is not enabled (at offset 0x1c4843)\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens("Error: x\n\nCaused by:\n    exceptions proposal not enabled (at offset 0x4c7a)\n",
		     EVIDENCE_FEATURE, "exception-handling");
	check_tokens("Error: threads must be enabled for shared memories\n", EVIDENCE_FEATURE, "atomics");
	check_tokens("Error: saturating float to int conversions support is not enabled\n", EVIDENCE_FEATURE,
		     "nontrapping-fptoint");
	check_tokens("WebAssembly.Module doesn't parse at byte 1613: references are not enabled.\n", EVIDENCE_FEATURE,
		     "reference-types");
	check_tokens("CompileError: wasm validation error: at offset 9: Structure types not enabled\n",
		     EVIDENCE_FEATURE, "gc");
	check_tokens("CompileError: WebAssembly.Module(): invalid heap type 'exn', enable with "
		     "--experimental-wasm-exnref @+40\n",
		     EVIDENCE_FEATURE, "exception-handling");
	/* JavaScriptCore's WasmFunctionParser.h with a feature off; V8's tag import before EH */
	check_tokens("WebAssembly.Module doesn't parse at byte 9: wasm exceptions are not enabled\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens("WebAssembly.Module doesn't parse at byte 9: Wasm GC is not enabled\n", EVIDENCE_FEATURE, "gc");
	check_tokens("WebAssembly.Module doesn't parse at byte 9: SIMD must be enabled\n", EVIDENCE_FEATURE, "simd128");
	check_tokens("CompileError: WebAssembly.Module(): unknown import kind 0x04 @+233\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens(
		"CompileError: WebAssembly.Module(): Compiling function #3 failed: Invalid opcode 0x6 (enable with "
		"--experimental-wasm-legacy-eh) @+91\n",
		EVIDENCE_FEATURE, "exception-handling");
	/* no BigInt integration (JavaScriptCore's global import), no BigInt or its arrays at all */
	check_tokens("LinkError: imported global env:g cannot be an i64\n", EVIDENCE_FEATURE, "bigint");
	check_tokens("ReferenceError: Can't find variable: BigInt64Array\n", EVIDENCE_FEATURE, "bigint");
	check_tokens("ReferenceError: BigUint64Array is not defined\n", EVIDENCE_FEATURE, "bigint");
	/* a program's own BigInt errors name no feature */
	check_tokens("TypeError: Do not know how to serialize a BigInt\n", EVIDENCE_FEATURE, "");
	check_tokens("error  'BigInt' is not defined  no-undef\n", EVIDENCE_FEATURE, "");

	/* Node refusing a flag; wasm-pack's context lines wrap the cause */
	check_tool("node: bad option: --experimental-wasm-eh\n", "node", 70);
	check_tool("Error: Compiling your crate to WebAssembly failed\n", "wrapper", 40);
	check_tool("Error: Running the wasm-bindgen CLI\n", "wrapper", 40);
	/* Node's errors with a code (lib/internal/errors.js) are JS exceptions */
	check_tool("TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension \".wasm\" for /x/a.wasm\n", "js",
		   90);
	check_tool("Error [ERR_REQUIRE_ESM]: require() of ES Module /x/pkg.js not supported.\n", "js", 90);
	/* an error's cause outweighs the error it causes (js_cause) */
	check_tool("    [cause]: TypeError [ERR_INVALID_URL]: Invalid URL\n", "js", 91);
	/* a code without the name's colon after it, or in prose, is no exception (only words saying a failure) */
	check_tool("see Error [ERR_REQUIRE_ESM] in the docs\n", PLAIN);
	check_tool("Error [ERR_X: unterminated\n", PLAIN);
}

/*
 * Resolvers' and test runners' failure lines as the tools print them are
 * error lines (an unclassified log reports one); their success summaries
 * and warnings are not.
 */
/*
 * Catalogue round 30b: the feature of a byte a decoder refused outside the code, and binaryen's
 * reader's opcodes: V8's value type, type form and limits flags (value-type.h,
 * module-decoder-impl.h), WAMR's local type (wasm_loader.c), binaryen's prefixes, one-byte opcodes
 * and types as the signed LEB it reads (src/wasm/wasm-binary.cpp, versions 90-125). The MVP's types,
 * 0x40 and packed i8 (a tool's own encoding bug), an ordered section out of place, junk limits
 * flags and a byte outside the one-byte LEB name none.
 */
static void test_decoder_bytes(void)
{
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x7b @+33\n", EVIDENCE_FEATURE,
		     "simd128");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x6f @+33\n", EVIDENCE_FEATURE,
		     "reference-types");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x69 @+33\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x64 @+33\n", EVIDENCE_FEATURE, "gc");
	check_tokens("Error: WASM module load failed: invalid local type 0x7B\n", EVIDENCE_FEATURE, "simd128");
	check_tokens("CompileError: WebAssembly.Module(): unknown type form: 95 @+14\n", EVIDENCE_FEATURE, "gc");
	check_tokens("CompileError: WebAssembly.Module(): Expected signature definition 0x60, got 0x4e @+14\n",
		     EVIDENCE_FEATURE, "gc");
	check_tokens("CompileError: WebAssembly.Module(): unexpected section <DataCount> @+40\n", EVIDENCE_FEATURE,
		     "bulk-memory");
	check_tokens("CompileError: WebAssembly.Module(): unexpected section <Exception> @+40\n", EVIDENCE_FEATURE,
		     "exception-handling");
	check_tokens("CompileError: WebAssembly.Module(): invalid memory limits flags 0x5 @+40\n", EVIDENCE_FEATURE,
		     "memory64");
	check_tokens("CompileError: WebAssembly.Module(): invalid memory limits flags 0x3 @+40\n", EVIDENCE_FEATURE,
		     "atomics");
	check_tokens("CompileError: WebAssembly.Module(): invalid table limits flags 0x4 @+40\n", EVIDENCE_FEATURE,
		     "memory64");
	check_tokens("[parse exception: invalid code after misc prefix: 17 (at 0:20646)]\n", EVIDENCE_FEATURE,
		     "reference-types");
	check_tokens("[parse exception: invalid code after nontrapping float-to-int prefix: 10 (at 0:9)]\n",
		     EVIDENCE_FEATURE, "bulk-memory");
	check_tokens("[parse exception: invalid code after SIMD prefix: 256 (at 0:9)]\n", EVIDENCE_FEATURE,
		     "relaxed-simd");
	check_tokens("[parse exception: invalid code after SIMD prefix: 12 (at 0:9)]\n", EVIDENCE_FEATURE, "simd128");
	check_tokens("[parse exception: invalid code after atomic prefix: 3 (at 0:9)]\n", EVIDENCE_FEATURE, "atomics");
	check_tokens("[parse exception: invalid code after GC prefix: 20 (at 0:9)]\n", EVIDENCE_FEATURE, "gc");
	check_tokens("[parse exception: bad node code 31 (at 0:9)]\n", EVIDENCE_FEATURE, "exception-handling");
	check_tokens("[parse exception: bad node code 18 (at 0:9)]\n", EVIDENCE_FEATURE, "tail-call");
	check_tokens("[parse exception: invalid wasm type: -23 (at 0:9)]\n", EVIDENCE_FEATURE, "exception-handling");
	check_tokens("[parse exception: invalid wasm heap type: -20 (at 0:9)]\n", EVIDENCE_FEATURE, "gc");
	check_tokens("[parse exception: Bad type form -33 (at 0:9)]\n", EVIDENCE_FEATURE, "gc");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x7f @+33\n", EVIDENCE_FEATURE, "");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x40 @+33\n", EVIDENCE_FEATURE, "");
	check_tokens("CompileError: WebAssembly.instantiate(): invalid value type 0x78 @+33\n", EVIDENCE_FEATURE, "");
	check_tokens("CompileError: WebAssembly.Module(): unexpected section <Type> @+40\n", EVIDENCE_FEATURE, "");
	check_tokens("CompileError: WebAssembly.Module(): invalid memory limits flags 0x15 @+40\n", EVIDENCE_FEATURE,
		     "");
	check_tokens("[parse exception: invalid wasm type: -300 (at 0:9)]\n", EVIDENCE_FEATURE, "");
	check_tokens("[parse exception: bad node code 200 (at 0:9)]\n", EVIDENCE_FEATURE, "");
}

static void test_runner_failures(void)
{
	/* pip (already "ERROR: ..."), uv, micropip, cargo, npm */
	check_tool("ERROR: ResolutionImpossible: for help visit "
		   "https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts\n",
		   "error", 50);
	check_tool("ERROR: Cannot install foo==1.0 and bar==2.0 because these package versions have conflicting "
		   "dependencies.\n",
		   "error", 50);
	check_tool("  \xc3\x97 No solution found when resolving dependencies:\n  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 "
		   "Because foo was not found in the package registry and you require foo, we can conclude that "
		   "your requirements are unsatisfiable.\n",
		   "resolver", 50);
	check_tool("error: No solution found when resolving dependencies:\n", "error", 80);
	check_tool("ValueError: Requested 'numpy==1.26.0', but numpy==1.25.2 is already installed\n", "python", 90);
	check_tool("error: failed to select a version for `foo`.\n", "cargo", 80);
	check_tool("npm ERR! code ERESOLVE\n", "npm", 59);
	check_tool("npm error code ETARGET\n", "npm", 59);
	/* pytest, Playwright, Jest, Vitest, node --test (TAP) */
	check_tool("FAILED tests/test_basic.py::test_add - AssertionError: assert 3 == 4\n", "python", 90);
	check_tool("FAILED tests/test_basic.py::test_add\n", "test", 50);
	check_tool("E       AssertionError: assert 3 == 4\n", "python", 90);
	check_tool("    Test timeout of 30000ms exceeded.\n", "test", 50);
	check_tool("    Error: expect(received).toBe(expected) // Object.is equality\n", "js", 90);
	check_tool("  \xe2\x97\x8f sum \xe2\x80\xba adds 1 + 2 to equal 3\n", "test", 50);
	check_tool(" FAIL  src/sum.test.ts > sum > adds\n", "test", 50);
	check_tool("not ok 1 - adds numbers\n", "test", 50);
	/* not evidence: summaries of passing runs, a TAP plan, skipped tests */
	check_tool("=========================== 2 passed in 0.12s ============================\n", "(none)", 0);
	check_tool("  1 passed (2.3s)\n# pass 3\n# fail 0\nok 1 - adds numbers\n", "(none)", 0);
	check_tool("Tests:       2 passed, 2 total\n \xe2\x9c\x93 src/sum.test.ts (1 test) 2ms\n", "(none)", 0);
	check_tool("Resolved 12 packages in 40ms\n", "(none)", 0);
}

static void test_names(void)
{
	CHECK_STR(evidence_kind_name(EVIDENCE_TAG), "tag");
	CHECK_STR(evidence_kind_name(EVIDENCE_CRATE), "crate");
	CHECK_INT(evidence_kind_from_name("crate"), EVIDENCE_CRATE);
	CHECK(evidence_kind_name(EVIDENCE_KIND_COUNT) == NULL);
	CHECK_INT(evidence_kind_from_name("feature"), EVIDENCE_FEATURE);
	CHECK_INT(evidence_kind_from_name("line"), -1);
	CHECK(evidence_is_tool("linker"));
	CHECK(!evidence_is_tool("wasm-ld"));
	CHECK(evidence_is_tool("resolver") && evidence_is_tool("test"));
}

/*
 * Where tools put their error lines: a dev server's "[cargo] " tag, MSBuild's
 * "tool : error : ...", rustc's code summary before cargo's "could not
 * compile", uv's "[stderr]" of a child process.
 */
static void test_framings(void)
{
	struct evidence ev;
	const struct evidence_line *l;

	check_tool("16:37:58 [cargo] error: This wasm target is unsupported by mio.\n", "error", 80);
	check_tool("wasm-ld : error : initial memory too small, 19468624 bytes needed [x.proj]\n", "linker", 80);
	/* Emscripten before 2.0: Python logging's "LOGGER:ERROR: " (tools/shared.py) */
	check_tool("shared:ERROR: legacy setting used in strict mode: SPLIT_MEMORY\n", "emcc", 80);
	check_tool("emcc:ERROR: x.c: No such file or directory\n", "emcc", 80);
	check_tool("shared:ERROR: '/e/fastcomp/bin/clang -c x.c' failed (1)\n", "wrapper", 40);
	check_tool("shared:WARNING: LLVM version appears incorrect\nmyapp:ERROR: not Emscripten's\n", PLAIN);
	/* not an error line: prose, a word ending in "error", a warning */
	check_tool("[info] the error : none\n", "(none)", 0);
	check_tool("[cargo] warning: error: was a word here\n", "(none)", 0);

	/* the codes of the errors cargo's "could not compile" sums up, when only the summary is left */
	check_tokens("Some errors have detailed explanations: E0412, E0425, E0432.\n"
		     "For more information about an error, try `rustc --explain E0412`.\n"
		     "error: could not compile `mio` (lib) due to 27 previous errors\n",
		     EVIDENCE_CODE, "E0412,E0425,E0432");
	check_tokens("For more information about this error, try `rustc --explain E0433`.\n"
		     "error: could not compile `libc` (lib) due to 1 previous error\n",
		     EVIDENCE_CODE, "E0433");
	check_tokens("Some errors occurred: E0425, E0433.\n"
		     "error: Could not compile `libc`.\n",
		     EVIDENCE_CODE, "E0425,E0433");
	/* too far from it, or another wrapper: no codes */
	check_tokens("Some errors have detailed explanations: E0412.\n\n\n\n\n"
		     "error: could not compile `mio` (lib) due to 27 previous errors\n",
		     EVIDENCE_CODE, "");
	check_tokens("Some errors have detailed explanations: E0412.\nerror: linking with `cc` failed\n", EVIDENCE_CODE,
		     "");

	/* uv: the child's stderr, when none of its lines is an error, is the cause */
	l = extract(&ev, "error: Failed to inspect Python interpreter from managed installations at `/p/python`\n"
			 "  Caused by: Querying Python at `/p/python` failed with exit status exit status: 1\n\n"
			 "[stderr]\nNo node executable found on the path\n");
	CHECK_STR(l ? l->text : "(none)", "No node executable found on the path");
	evidence_release(&ev);
	l = extract(&ev, "error: Failed to build `x`\n  Caused by: The build backend returned an error\n\n"
			 "[stderr]\nsome output\nx.c:1:10: fatal error: y.h: No such file or directory\n"
			 "compilation terminated.\n");
	/* its own error line stands at its own weight; nothing of it is promoted */
	CHECK_STR(l ? l->text : "(none)", "error: Failed to build `x`");
	CHECK_INT(ev.nlines, 2);
	CHECK_INT(ev.nlines == 2 ? ev.lines[1].weight : 0, 80);
	evidence_release(&ev);
	/* a "[stderr]" with no error before it is no cause */
	check_tool("[stderr]\nhello\n", "(none)", 0);
}

/*
 * V8's wasm errors shown without their exception name: its ErrorThrower
 * (src/wasm/wasm-js.cc) starts the message with the API call, "%s: %s"
 * ("WebAssembly.instantiate()", "WebAssembly.Memory.grow()"), and a page that
 * prints only e.message drops the "LinkError: " (rolldown/repl#43).
 */
static void test_v8_nameless(void)
{
	check_tool("WebAssembly.instantiate(): Import #89 \"env\" \"_emnapi_async_worker\": function import requires "
		   "a callable\n",
		   "js", 90);
	check_tool("failed: WebAssembly.Memory.grow(): Maximum memory size exceeded\n", "js", 90);
	check_tokens("WebAssembly.instantiate(): Import #89 \"env\" \"_emnapi_async_worker\": function import "
		     "requires a callable\n",
		     EVIDENCE_SYMBOL, "env,_emnapi_async_worker");
	/* a stack frame, the API named in prose or inside a word, a warning: no error line */
	check_tool("    at WebAssembly.instantiate (<anonymous>)\n", "(none)", 0);
	check_tool("calling WebAssembly.instantiate() with a Response is slower\n", "(none)", 0);
	check_tool("myWebAssembly.instantiate(): done\n", "(none)", 0);
	check_tool("warning: WebAssembly.instantiate(): x\n", "(none)", 0);
}

/* TEXT's deciding line is LINE, of TOOL ("(none)": no evidence). */
static void check_line(const char *text, const char *line, const char *tool)
{
	struct evidence ev;
	const struct evidence_line *l = extract(&ev, text);

	CHECK_STR(l ? l->text : "(none)", line);
	CHECK_STR(l ? l->tool : "(none)", tool);
	evidence_release(&ev);
}

/*
 * What CI systems, build frontends, test runners and pastes put before a
 * child's line: the line weighs and reads as the bare line.
 */
static void test_decorations(void)
{
	static const char bare[] = "error[E0425]: cannot find function `f` in this scope";
	/* each wrapper's shape, as its source or documentation gives it */
	static const char *const decorated[] = {
		/* GitLab Runner's FF_TIMESTAMPS (docs: ci_job_log_timestamps; stream tag "00O", "00E", "+" continues) */
		"2024-05-30T14:30:00.000000Z 00E ",
		"00O ",
		"01E+",
		/* GitLab's section markers (docs: "Custom collapsible sections"), with or without their CR ESC[0K */
		"section_start:1560896352:build_step[collapsed=true]",
		"section_end:1560896353:build_step\r\x1b[0K",
		/* Azure Pipelines' logging commands (docs: "Logging commands") */
		"##[error]",
		"##vso[task.logissue type=error;sourcepath=src/lib.rs;]",
		/* Buildkite's timestamps (agent: process/timestamper: ESC _bk;t=MS BEL) */
		"\x1b_bk;t=1700000000000\a",
		/* Jenkins' Timestamper plugin (elapsed or system clock, bracketed in Pipeline logs) */
		"[2024-01-02T03:04:05.678Z] ",
		"12:34:56 ",
		"[12:34:56] ",
		/* Travis' fold and time markers (travis-build: travis_fold:start:NAME, travis_time:end:ID:...) */
		"travis_fold:start:script.1\r\x1b[0K",
		"travis_time:end:0a1b2c:start=1,finish=2,duration=1,event=script\r",
		/* BuildKit's plain progress (#STEP SECONDS: %.3f under ten, %.2f under a hundred, %.1f from there) */
		"#12 3.456 ",
		"#68 23.86 ",
		"#6 106.6 ",
		/* nox's logger (nox/logger.py), pytest's failure lines (_pytest/_code/code.py fail_marker "E") */
		"nox > ",
		"E       ",
		/* stream tags and error log levels */
		"[stderr] ",
		"stderr: ",
		"stdout | ",
		"[ERROR] ",
		"ERROR - ",
		/* miette's graphical reports (rattler-build, uv, pixi; a cargo log in a recipe), Markdown quotes */
		"  \xc3\x97 ",
		"  \xe2\x94\x82 \xe2\x94\x82 ",
		"  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 ",
		"> ",
		"> > ",
		/* Docker Compose's service prefix (v2 "NAME-N", v1 "PROJECT_NAME_N", padded before "| ") */
		"web-1  | ",
		"proj_builder_1 | ",
		/* task runners' labels: Turborepo's PACKAGE:TASK, pnpm's recursive run, Google Cloud Build, Yarn Berry */
		"web:build: ",
		"@acme/ui:test: ",
		"packages/core build: ",
		". test: ",
		"Step #1: ",
		"Step #0 - \"compile\": ",
		"\xe2\x9e\xa4 YN0000: ",
		/* git's sideband (a push to a build host), Netlify's 12-hour clock, Cloudflare Pages' tab, Go's log date */
		"remote: ",
		"3:41:52 PM: ",
		"11:02:07 AM ",
		"19:52:59.639\t",
		"2024-07-21T14:47:22.608222Z\t",
		"2022/06/26 21:48:19 ",
		/* a structured log's tab-separated level and scope (zap's console encoder, Istio's proxy) */
		"2026-04-01T10:48:40.414979Z\terror\twasm\t",
		"2024-01-02T03:04:05.678Z\tERROR\t",
	};
	char buf[512];

	for (size_t i = 0; i < sizeof(decorated) / sizeof(*decorated); i++) {
		snprintf(buf, sizeof(buf), "%s%s\n", decorated[i], bare);
		check_line(buf, bare, "rustc");
	}
	/* pytest's summary line and its E lines after the failing source */
	check_line("FAILED tests/test_load.py::test_import - ImportError: libfoo.so: cannot open shared object "
		   "file\n",
		   "ImportError: libfoo.so: cannot open shared object file", "python");
	check_line("E       LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"f\": function import requires "
		   "a callable\n",
		   "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"f\": function import requires a callable",
		   "js");
	/* a timestamped traceback ends at its exception, whose indented frames stay inside it */
	check_line("00O Traceback (most recent call last):\n00O   File \"x.py\", line 1, in <module>\n"
		   "00O     import m\n00O ImportError: no m\n",
		   "ImportError: no m", "python");
	check_tool("00O Traceback (most recent call last):\n00O   File \"x.py\", line 1, in <module>\n"
		   "00O ImportError: no m\n",
		   "python", 95);
	/* a decoration that is an error of its own keeps its weight when its text is none */
	check_tool("##[error]Process completed with exit code 1.\n", "wrapper", 40);
	check_tool("##vso[task.logissue type=error]The build failed\n", "error", 50);
	check_line("FAILED tests/t.py::test_x - assert 1 == 2\n", "FAILED tests/t.py::test_x - assert 1 == 2", "test");

	/* near misses: warnings and their prefixes, passing output, look-alikes that wrap no error */
	check_tool("##[warning]error: this is only a warning\n", "(none)", 0);
	check_tool("[WARN]  retrying the download\n", "(none)", 0);
	check_tool("##vso[task.logissue type=warning]error: x\n", "(none)", 0);
	check_tool("tests/test_x.py::test_a PASSED\n======== 3 passed in 0.12s ========\n", "(none)", 0);
	check_tool("E is the fifth letter\nE   \n", "(none)", 0);
	check_tool("py312: commands[0]> pytest\npy312: OK (1.00=setup[0.50]+cmd[0.50] seconds)\n", "(none)", 0);
	check_tool("nox > Running session tests\nnox > Session tests was successful.\n", "(none)", 0);
	check_tool("Step 3/5 : RUN cargo build --release\n ---> Running in 0123abcd\n ---> 89ab01cd\n", "(none)", 0);
	check_tool("travis_fold:start:install\ntravis_fold:end:install\nsection_end:1560896353:x\n", "(none)", 0);
	check_tool("12:34:56 Build finished\n[2024-01-02T03:04:05Z] all good\n", "(none)", 0);
	check_tool("> I looked at the error handling\n> no error here\n", "(none)", 0);
	check_tool("[stderr] compiling foo\nstdout | done\n", "(none)", 0);
	/* a path's line and column, a logger's level or a tool's path before a level is no task label */
	check_line("src/lib.rs:12:5: x failed\n", "src/lib.rs:12:5: x failed", "error");
	check_tool("shared:warning: x failed\n", "(none)", 0);
	check_line("node_modules/.bin/tsc error: x\n", "node_modules/.bin/tsc error: x", "error");
	/* npm 7+'s relay of a failed script's output: the script's error line weighs as its own */
	check_line("npm ERR! error[E0425]: cannot find function `f` in this scope\n",
		   "error[E0425]: cannot find function `f` in this scope", "rustc");
	check_tool(
		"npm error LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"f\": function import requires a "
		"callable\n",
		"js", 90);
	/* what npm relays and says no failure is none of npm's errors; npm's own, by a system error's code, is */
	check_tool("npm ERR! > app@1.0.0 build\nnpm ERR! > wasm-pack build\nnpm ERR! [INFO]: Compiling to Wasm...\nnpm "
		   "ERR!\n",
		   "(none)", 0);
	check_line("npm ERR! code EISDIR\nnpm ERR! EISDIR: illegal operation on a directory, symlink 'a' -> 'b'\n",
		   "npm ERR! EISDIR: illegal operation on a directory, symlink 'a' -> 'b'", "npm");
	/* a structured log's level below an error keeps its message a notice */
	check_tool("2026-06-24T03:02:14.460965Z\twarn\tfailed to fetch token from file: no such file\n", "(none)", 0);
	/* the label alone, its space lost in the paste, is a blank line */
	check_tool("web:build: Download of foo.tar.gz failed\nweb:build:\nweb:build: \nweb:build:\n", "error", 20);
	check_tool("packages/a build$ tsc\npackages/a build: all good\n", "(none)", 0);
	/* rustc's numbered source lines and names without a replica number or "| " are no service name */
	check_tool("12 | error[E0425]: cannot find function `f` in this scope\n", "(none)", 0);
	check_line("web- | error[E0425]: x\n", "web- | error[E0425]: x", "error");
	check_line("foo-1 |error[E0425]: x\n", "foo-1 |error[E0425]: x", "error");
	/* a quoted blank line says nothing: the failure said in words stays within the log's last lines */
	check_tool("> Download of foo.tar.gz failed\n>\n> \n>>\n", "error", 20);
	/* ... as a tag alone (its space kept, or a tag that ends in no space) or a Compose prefix alone */
	check_tool("[stderr] Download of foo.tar.gz failed\n[stderr] \n[stderr] \n[stderr] \n", "error", 20);
	check_tool("stderr | Download of foo.tar.gz failed\nstderr |\nstderr |\nstderr |\n", "error", 20);
	check_tool("web-1  | Download of foo.tar.gz failed\nweb-1  |\nweb-1  | \nweb-1  |\n", "error", 20);
	/* rustc's own gutters are not miette's: a note under an error stays a note */
	check_line("error[E0308]: mismatched types\n --> src/lib.rs:1:5\n  |\n1 |     error: x\n  |     ^ expected\n",
		   "error[E0308]: mismatched types", "rustc");
	check_tool("BEE hive\nace of spades\n", "(none)", 0);
}

/*
 * How JS consoles, runtimes and notebook front ends present an error a wasm
 * module or Pyodide raised: the reader takes the exception itself, as bare.
 */
static void test_console_presentations(void)
{
	static const char bare[] = "RuntimeError: memory access out of bounds";
	static const char *const presented[] = {
		/* V8's inspector and Firefox's console; DevTools' copy puts the source location first */
		"Uncaught ",
		"Uncaught (in promise) ",
		"pyodide.asm.js:9 Uncaught (in promise) ",
		"VM123:1 Uncaught ",
		"localhost/:1 Uncaught (in promise) ",
		/* Deno (runtime/fmt_errors.rs: "error: " before V8's "Uncaught ...") */
		"error: Uncaught (in promise) ",
		/* WebKit (WebCore/dom/RejectedPromiseTracker.cpp) and Safari's console level */
		"Unhandled Promise Rejection: ",
		"[Error] Unhandled Promise Rejection: ",
		/* Emscripten's pthread glue relaying a worker's onerror (src/library_pthread.js) */
		"worker sent an error! http://localhost:8000/a.worker.js:1: Uncaught ",
		/* a test forwarding a page's console (Playwright's and Puppeteer's "pageerror" event) */
		"[browser] Uncaught (in promise) ",
		"pageerror: ",
		/* trame's relay of its page's errors to the Python side (trame-vtklocal) */
		"JS Error => ",
	};
	char buf[512];

	for (size_t i = 0; i < sizeof(presented) / sizeof(*presented); i++) {
		snprintf(buf, sizeof(buf), "%s%s\n    at wasm://wasm/0a1b2c3d:wasm-function[12]:0x345\n", presented[i],
			 bare);
		check_line(buf, bare, "js");
	}
	/* IPython's traceback (IPython/core/ultratb.py): the header names the exception, the last line has it */
	check_line("-----------------------------------------------------------------------\nRuntimeError"
		   "                              Traceback (most recent call last)\nCell In[1], line 1\n"
		   "----> 1 f()\n\nFile /lib/a.py:2, in f()\n----> 2     raise RuntimeError(\"boom\")\n\n"
		   "RuntimeError: boom\n",
		   "RuntimeError: boom", "python");
	check_tool("ModuleNotFoundError                       Traceback (most recent call last)\n"
		   "Cell In[1], line 1\n----> 1 import numpy\n\nModuleNotFoundError: No module named 'numpy'\n",
		   "python", 95);
	/* a Python traceback the paste cut after a frame, before its exception: the frame's source line tells */
	check_line(
		"  File \"/venv/lib/python3.13/site-packages/pip/_vendor/urllib3/__init__.py\", line 209, in <module>\n"
		"    from .contrib.emscripten import inject_into_urllib3\n"
		"  File \"/venv/lib/python3.13/site-packages/pip/_vendor/urllib3/contrib/emscripten/connection.py\", "
		"line 17, in <module>\n    from .fetch import send_request\n",
		"from .fetch import send_request", "python");
	check_tool("Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n    f()\n"
		   "    ^^^\n",
		   "python", 50);
	check_tool("Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n", "python", 50);
	/* Jupyter's notice of a dead kernel (Notebook's kernel.js, JupyterLab's "Kernel Restarting" dialog) */
	check_tool("Kernel Restarting\nThe kernel appears to have died. It will restart automatically.\n", "crash", 60);
	check_tool("The kernel for Untitled.ipynb appears to have died. It will restart automatically.\n", "crash", 60);
	/* a logged plain Error after DevTools' source location, as a TypeError after it */
	check_line("15:22:42.756 emcc-exception/:26 Error: test exception\n    at js (cfunc.mjs:930:23)\n",
		   "Error: test exception", "js");

	/* near misses: the same words around no exception, or in prose, keep what they were (or say a failure in words) */
	check_line("error: Uncaught (in promise) 'failed'\n", "error: Uncaught (in promise) 'failed'", "error");
	check_tool("Uncaught (in promise) undefined\n", PLAIN);
	check_tool("Uncaught exceptions are reported below\n", "(none)", 0);
	check_tool("worker sent an error! http://localhost:8000/a.worker.js:1: Script error.\n", PLAIN);
	check_tool("src/main.rs:12 Uncaught panic is not an error here\n", "(none)", 0);
	check_tool("[browser] warning: error: deprecated\n", "(none)", 0);
	check_tool("Unhandled Promise Rejection: [object Object]\n", "(none)", 0);
	check_tool("ValueError                                Traceback (most recent call last)\n", "(none)", 0);
	check_tool("see the Traceback (most recent call last) above\n", "(none)", 0);
	/* a frame the log goes on from, and CPython's report of an exception it ignored, are no cut traceback */
	check_tool("  File \"a.py\", line 3, in <module>\n    f()\nDone in 2 s\n", "(none)", 0);
	check_tool("Exception ignored in: <function _remove at 0xce6da8>\nTraceback (most recent call last):\n"
		   "  File \"/lib/python313.zip/_weakrefset.py\", line 39, in _remove\nKeyboardInterrupt: \n",
		   "(none)", 0);
	check_tool("Kernel Restarting\n", "(none)", 0);
	check_tool("the kernel appears to have died when I import numpy\n", "(none)", 0);
	check_tool("The kernel for a.ipynb appears to have started\n", "(none)", 0);
}

/*
 * An error quoted in prose (an issue's title, "fails with 'LinkError: ...'")
 * is the evidence of a log that shows no error line of its own, below any
 * that it shows.
 */
static void test_quoted(void)
{
	struct evidence ev;

	check_line("When importing I get `ImportError: libz.so.1: cannot open shared object file`\n",
		   "ImportError: libz.so.1: cannot open shared object file", "python");
	check_line("After upgrading to the latest release of the toolchain, loading the module in our test suite "
		   "fails with 'LinkError: import object field \"f\" is not a Function' in Node 20\n",
		   "LinkError: import object field \"f\" is not a Function", "js");
	check_line("Building for wasm32 gives ``error: linker `emcc` not found`` here.\n",
		   "error: linker `emcc` not found", "error");
	check_line("cargo says \"error[E0463]: can't find crate for `std`\" on wasm32-unknown-emscripten\n",
		   "error[E0463]: can't find crate for `std`", "rustc");
	check_line("The page shows `Aborted(Assertion failed: missing Wasm export)` after loading\n",
		   "Aborted(Assertion failed: missing Wasm export)", "abort");
	/* near its line's start an exception is an error line already, and a "TOOL: error" anywhere */
	check_tool("fails with 'LinkError: x' in Node 20\n", "js", 90);
	check_tool("the test runs into `wasm-ld: error: duplicate symbol: main` at link time\n", "linker", 80);
	check_tool("I get `ImportError: no m` here\n", "python", 30);
	/* a real error line always wins, before or after the quote */
	check_line("I get `ImportError: no m`\nerror: could not find `Cargo.toml`\n",
		   "error: could not find `Cargo.toml`", "cargo");
	extract(&ev, "make: *** [all] Error 2\nIt says `ImportError: no m`\n");
	CHECK_INT(ev.nlines, 1);
	evidence_release(&ev);
	/* near misses: prose about errors, quoted words, apostrophes, code fences, a warning quoted */
	check_tool("There is no error in the log; error handling works, errors = 0.\n", "(none)", 0);
	check_tool("The `error:` prefix and the 'Error' class are documented\n", "(none)", 0);
	check_tool("It's the user's `LinkError` type that we don't export\n", "(none)", 0);
	check_tool("```\nerror: x\n", "error", 80);
	check_tool("```error: quoted fence\n", "(none)", 0);
	check_tool("it printed `warning: unused variable: x` only\n", "(none)", 0);
	check_tool("set `RUST_LOG=error: everything` please\n", "(none)", 0);
}

/*
 * Failures that are no compatibility breakage (a network, a login, a CI
 * runner, the user's own test) read as errors, their telling line the
 * message, the innermost cause where a chain gives one.
 */
/*
 * Rust tools' reports around their error: color-eyre's numbered chain and the
 * sections after it, a "Caused by:" chain whose head a paste cut, a Rust
 * backtrace's numbered frames; a Python traceback cut before its exception.
 */
static void test_rust_reports(void)
{
	static const char eyre_tail[] =
		"\nLocation:\n   src/compile/front.rs:192\n\n"
		"  \xe2\x94\x81\xe2\x94\x81 BACKTRACE \xe2\x94\x81\xe2\x94\x81\n"
		"                    \xe2\x8b\xae 3 frames hidden \xe2\x8b\xae\n"
		"   4: cargo_leptos::compile::front::optimize::h66fdecc2462e3562\n"
		"      at <unknown source file>:<unknown line>\n"
		"   5: <core::pin::Pin<P> as core::future::Future>::poll::h0a1\n"
		"Run with COLORBT_SHOW_HIDDEN=1 environment variable to disable frame filtering.\n";
	char text[1024];

	/* color-eyre's "Error:" alone, then its chain: the last item is the root cause, of its own tool */
	snprintf(text, sizeof(text),
		 "Error: \n   0: Failed to read module\n   1: [parse exception: invalid code "
		 "after misc prefix: 17 (at 0:1300036)]\n%s",
		 eyre_tail);
	check_line(text, "[parse exception: invalid code after misc prefix: 17 (at 0:1300036)]", "binaryen");
	/* the same with its head cut: the item's number is no part of it, the sections after it its own trace */
	snprintf(text, sizeof(text), "   2: Failed to read module\n   3: Failed to parse the wasm file\n%s", eyre_tail);
	check_line(text, "Failed to parse the wasm file", "error");
	check_line("Caused by:\n    0: module was not valid\n    1: module requires an import interface named "
		   "`miden::account`\n",
		   "module requires an import interface named `miden::account`", "error");
	/*
	 * cargo's chain for a build script, its head cut: its root only says the script failed, and
	 * what the script printed after "--- stdout" is no cause
	 */
	check_line("Caused by:\n  process didn't exit successfully: `/t/build-script-build` (exit status: 1)\n"
		   "  --- stdout\n  cargo:rerun-if-env-changed=A\n  cargo:rerun-if-env-changed=B\n"
		   "  cargo:rerun-if-env-changed=C\n  cargo:rerun-if-env-changed=D\n  cargo:rustc-cfg=e\n",
		   "process didn't exit successfully: `/t/build-script-build` (exit status: 1)", "wrapper");
	/* with its head, the head still decides */
	check_line("error: failed to run custom build command for `x v0.1.0`\n\nCaused by:\n"
		   "  process didn't exit successfully: `/t/build-script-build` (exit status: 1)\n  --- stdout\n"
		   "  cargo:rerun-if-env-changed=A\n",
		   "error: failed to run custom build command for `x v0.1.0`", "wrapper");
	/* a child's exit as its parent tells it, and LLVM's option parser, are failures in words */
	check_tool("process didn't exit successfully: `x` (exit status: 101)\n", PLAIN);
	check_tool("Process 'command 'wasm-bindgen'' finished with non-zero exit value 1\n", PLAIN);
	check_tool("llvm-link.exe: Not enough positional command line arguments specified!\n", PLAIN);
	check_tool("wasm-opt: Unknown command line argument '--x'.  Try: 'wasm-opt --help'\n", PLAIN);
	/* wazero's trap and its trace: the frames are no said lines, so the trap is still the log's last words */
	check_line(
		"2022/11/12 14:42:05 wasm error: unreachable\nwasm stack trace:\n\t.runtime.runtimePanic(i32,i32)\n"
		"\t.runtime.lookupPanic()\n\t.malloc(i32) i32 (recovered by wazero)\nwasm stack trace:\n"
		"\tenv.log(i32,i32) i64\n\t.greeter_greet(i32,i32) i64\n\tenv.hostGetExitError(i32,i32)\n\t.OnExit()\n",
		"wasm error: unreachable", "error");
	check_tool("throw, errcode=2 wasm trap: wasm `unreachable` instruction executed\n", PLAIN);
	check_tool("Package path ./dist/esm/x.js is not exported from package /p/node_modules/h5wasm\n", PLAIN);
	check_tool(
		"Invariant violation: \"new TextEncoder().encode(\"\") instanceof Uint8Array\" is incorrectly false\n",
		PLAIN);
	/* a code frame's quoted source is no said line: the failure above it is still the log's last words */
	check_line("  \xe2\x97\x8f Test suite failed to run\n\n    Must use import to load ES Module: /a/index.js\n\n"
		   "      4 | import a from 'a';\n      5 | import b from 'b';\n    > 6 | import 'c';\n        | ^\n"
		   "      7 | import d from 'd';\n      8 |\n      9 | /* e */\n\n      at Runtime.requireModule "
		   "(x.js:1:2)\n",
		   "\xe2\x97\x8f Test suite failed to run", "error");
	/* only a chain that opens the log lost its head: one under other lines is no error of its own */
	check_line("   Compiling a v0.1.0\nCaused by:\n    0: while reading the manifest\n", "(none)", "(none)");
	/* a backtrace's numbered frame is no cause */
	check_line("   12: core::panicking::panic_fmt\n", "(none)", "(none)");
	/* TypeScript's code whose "error" a paste cut (asc, ts-loader) */
	check_tool("TS2322: Type 'u128 | null' is not assignable to type 'u128'.\n", "error", 80);
	check_tool("TS23: x\n", "(none)", 0);
	/* a JS TypeError's message without its name is a failure in words */
	check_tool("emscriptenModule.writeAsciiToMemory is not a function\n", PLAIN);
	/* an ES module's import its module lacks, V8's SyntaxError without its name, is a failure in words */
	check_tool("The requested module '/x_bg.wasm?import' does not provide an export named '__wbg_f'\n", PLAIN);
	/* consola's badge is a level, not the message; Emscripten's padded logger column is not it */
	check_line("ERROR  FAILED GraphvizWasmAdapter: svg graphviz-wasm\n",
		   "FAILED GraphvizWasmAdapter: svg graphviz-wasm", "error");
	/* pdm's failure, then the traceback it printed, cut before its exception */
	check_line("  \xe2\x9c\x96 Install wasmtime 30.0.0 failed\n\nERRORS:\nadd wasmtime failed:\n"
		   "Traceback (most recent call last):\n  File \"a.py\", line 59, in run\n    result = f()\n"
		   "  File \"b.py\", line 29, in install\n    self.manager.install(can)\n"
		   "  File \"c.py\", line 442, in _obtain\n    raise CandidateNotFound(\n",
		   "add wasmtime failed:", "error");
}

static void test_no_breakage(void)
{
	/* git's die() (http.c, prompt.c, connect.c, remote-curl.c) and ssh's refusal (sshconnect2.c) */
	check_line("Cloning into 'emsdk'...\nfatal: unable to access 'https://github.com/e/emsdk.git/': Could not "
		   "resolve host: github.com\n",
		   "fatal: unable to access 'https://github.com/e/emsdk.git/': Could not resolve host: github.com",
		   "git");
	check_line("fatal: could not read Username for 'https://github.com': terminal prompts disabled\n",
		   "fatal: could not read Username for 'https://github.com': terminal prompts disabled", "git");
	check_line("remote: Repository not found.\nfatal: repository 'https://github.com/a/b.git/' not found\n",
		   "fatal: repository 'https://github.com/a/b.git/' not found", "git");
	check_line("git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n",
		   "git@github.com: Permission denied (publickey).", "ssh");
	/* bash's fork that gave up (jobs.c) */
	check_line("bash: fork: Resource temporarily unavailable\n", "bash: fork: Resource temporarily unavailable",
		   "error");
	/* near misses: git's fatals in logs that succeed (a version script's describe), a fork retried,
	 * a shell's or find's "Permission denied" without ssh's methods */
	check_tool("fatal: not a git repository (or any of the parent directories): .git\n" GOES_ON, "(none)", 0);
	check_tool("fatal: No names found, cannot describe anything.\n" GOES_ON, "(none)", 0);
	check_tool("fatal: repository 'x' is shallow\n" GOES_ON, "(none)", 0);
	/* the last thing a paste says, they are what failed (failword.h) */
	check_tool("fatal: repository 'x' is shallow\n", PLAIN);
	/* cargo's relay of a build script's line: a compiler's error in it is the error, its plain words a notice */
	check_line("The following warnings were emitted during compilation:\n\n"
		   "warning: zstd-sys@2.0.10+zstd.1.5.6: x.h:31:22: error: called object type 'int' is not a function\n"
		   "warning: zstd-sys@2.0.10+zstd.1.5.6: 1 error generated.\n",
		   "x.h:31:22: error: called object type 'int' is not a function", "error");
	check_tool("warning: ring@0.17.8: Compiler family detection failed due to error: ToolNotFound: failed to find "
		   "tool \"clang\": No such file or directory (os error 2)\n",
		   "(none)", 0);
	/* an error object's message in JSON, its closing brace and a stack copied from DevTools under it */
	check_line("{\n    \"name\": \"ErrnoError\",\n    \"errno\": 44,\n    \"message\": \"No such file or "
		   "directory\"\n}\n\n"
		   "Ln @ custom.js:167\nawait in Ln (async)\ndefine @ custom.js:251\n(anonymous) @ core.js:291\n"
		   "Promise.then (async)\n(anonymous) @ core.js:164\n",
		   "\"message\": \"No such file or directory\"", "error");
	check_tool("{\n    \"code\": \"ENOENT\",\n    \"note\": \"No such file or directory\"\n}\n", "(none)", 0);
	/* SpiderMonkey's and JavaScriptCore's frames under it are its own stack, not lines the log went on with */
	check_tool("fatal: repository 'x' is shallow\nStack:\n  BindingsError@source.bindings.js:16:5\n"
		   "  @source.bindings.js:77:7\n  f@a.js:1:2\n  g@a.js:3:4\n  h@a.js:5:6\n",
		   PLAIN);
	check_tool("bash: fork: retry: Resource temporarily unavailable\n", "(none)", 0);
	check_tool("find: '/proc/1/fd': Permission denied\n", "(none)", 0);
	check_tool("/bin/sh: 1: ./configure: Permission denied\n", "(none)", 0);

	/* uv's chain (crates/uv/src/lib.rs: "  Caused by: ..."): the last is the root, told without its label */
	check_line("error: Failed to download `numpy==1.26.4`\n  Caused by: Request failed after 3 retries\n"
		   "  Caused by: HTTP status client error (404 Not Found) for url (https://x/numpy-1.26.4-cp312-cp312-"
		   "pyodide_2024_0_wasm32.whl)\n",
		   "HTTP status client error (404 Not Found) for url (https://x/numpy-1.26.4-cp312-cp312-"
		   "pyodide_2024_0_wasm32.whl)",
		   "error");
	/* miette's report (uv, rattler-build: src/handlers/graphical.rs): its last item is the root */
	check_line("  \xc3\x97 Failed to download and build `numpy==1.26.4`\n  \xe2\x94\x9c\xe2\x94\x80\xe2\x96\xb6 "
		   "Request failed after 3 retries\n  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 operation timed out\n",
		   "operation timed out", "error");
	check_line("  \xc3\x97 Failed to build `x`\n", "Failed to build `x`", "error");
	/* near misses: miette's warning and advice marks, and the resolver's derivation stay as they were */
	check_tool("  \xe2\x9a\xa0 Ignoring dangling temporary directory\n", "(none)", 0);
	check_line("  \xc3\x97 No solution found when resolving dependencies:\n  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 "
		   "Because foo was not found in the package registry, we can conclude that your requirements "
		   "are unsatisfiable.\n",
		   "No solution found when resolving dependencies:", "resolver");

	/* Node's fetch (undici) and the cause util.inspect shows under it */
	check_line("TypeError: fetch failed\n    at node:internal/deps/undici/undici:12345:11 {\n"
		   "  cause: Error: getaddrinfo ENOTFOUND example.invalid\n      at GetAddrInfoReqWrap.onlookup "
		   "(node:dns:107:26) {\n",
		   "Error: getaddrinfo ENOTFOUND example.invalid", "js");
	check_line("TypeError: fetch failed\n    at node:internal/deps/undici/undici:13178:13 {\n  [cause]: "
		   "ConnectTimeoutError: Connect Timeout Error (attempted address: github.com:443, timeout: 10000ms)\n",
		   "ConnectTimeoutError: Connect Timeout Error (attempted address: github.com:443, timeout: 10000ms)",
		   "js");
	/* near miss: a cause that is no error leaves the error */
	check_line("TypeError: fetch failed\n  cause: 'unknown'\n", "TypeError: fetch failed", "js");

	/* npm's message after its code (lib/utils/error-message.js) */
	check_line("npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/x - Not found\n",
		   "npm ERR! 404 Not Found - GET https://registry.npmjs.org/x - Not found", "npm");
	check_line("npm ERR! code ERR_SOCKET_TIMEOUT\nnpm ERR! network Socket timeout\n",
		   "npm ERR! network Socket timeout", "npm");
	/* near miss: a script's exit code stays a wrapper */
	check_tool("npm error code 1\n", "wrapper", 40);

	/* pytest's failed assertion (_pytest/_code/code.py "E   "), Jest's matcher hint (jest-matcher-utils) */
	check_line(">       assert add(1, 2) == 4\nE       assert 3 == 4\n\ntests/test_m.py:5: AssertionError\n",
		   "assert 3 == 4", "python");
	check_line(
		"  \xe2\x97\x8f sum \xe2\x80\xba adds\n\n    expect(received).toBe(expected) // Object.is equality\n",
		"expect(received).toBe(expected) // Object.is equality", "test");
	/* near misses: the assertion and the expectation in source code */
	check_tool("    assert add(1, 2) == 3\n", "(none)", 0);
	check_tool("    expect(sum(1, 2)).toBe(3);\n", "(none)", 0);
}

int main(void)
{
	test_tools();
	test_deciding();
	test_tokens();
	test_bounds();
	test_runtime_catalogue();
	test_decoder_bytes();
	test_runner_failures();
	test_names();
	test_framings();
	test_v8_nameless();
	test_decorations();
	test_console_presentations();
	test_quoted();
	test_rust_reports();
	test_no_breakage();
	return check_done();
}
