#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/evidence.h"
#include "emcompat/json.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

#include "failword.h"
#include "logline.h"
#include "textscan.h"
#include "wasmfeature.h"

/* A candidate line while the logs are read: a span of its log. */
struct span {
	const char *start, *end;
	const char *tool;
	int weight;
	size_t log, lineno;
	int cause_only;             /* no error but for the cause it names (names_cause) */
	const char *loc, *loc_end;  /* a rustc error's "-->" location, or NULL */
	const char *label, *label_end;  /* its "expected `A`, found `B`" label, or NULL */
	const char *gate, *gate_end;    /* the cfg of an item its notes found configured out, or NULL */
	const char *codes, *codes_end;  /* cargo's "could not compile": rustc's code summary, or NULL */
};

/* Whether [S, END) ends in a ":LINE:COLUMN" of digits. */
static int ends_line_column(const char *s, const char *end)
{
	for (int part = 0; part < 2; part++) {
		const char *d = end;

		while (d > s && isdigit((unsigned char)d[-1]))
			d--;
		if (d == end || d == s || d[-1] != ':')
			return 0;
		end = d - 1;
	}
	return 1;
}

/* Whether [S, END) ends in the word W. */
static int ends_with_word(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(end - s) >= n && memcmp(end - n, w, n) == 0 &&
	       (end - n == s || !isalnum((unsigned char)*(end - n - 1)));
}

/*
 * Whether [S, END), a line's last word, is a script's location as Firefox's
 * console puts it after a message ("worker.3f2a.js:50:8", a URL's too).
 */
static int is_script_location(const char *s, const char *end)
{
	const char *d = end;

	/* a path or a URL only: a stack frame glued to the message ("f@url:1:2") is text */
	if (!ends_line_column(s, end))
		return 0;
	for (int part = 0; part < 2; part++) {
		while (d > s && isdigit((unsigned char)d[-1]))
			d--;
		d--;
	}
	return span_of(d, end, ":0123456789") == end && logline_names_script(s, d);
}

/*
 * The end of [S, END) before the source location a browser console's copy
 * puts after a message: as a Markdown link (" [app.js:914:40](http://...)"),
 * Chrome's " (at app.js:1:1)" or Firefox's bare " app.js:1:1" (not after
 * "at", "in" or "from", where it is what the message says); or END.
 */
static const char *before_console_location(const char *s, const char *end)
{
	const char *open, *close, *d;

	if (end - s >= 8 && end[-1] != ')') {
		for (open = end; open > s && open[-1] != ' '; open--)
			;
		for (d = open; d > s && d[-1] == ' '; d--)
			;
		if (open > s && d > s && is_script_location(open, end) && !ends_with_word(s, d, "at") &&
		    !ends_with_word(s, d, "in") && !ends_with_word(s, d, "from"))
			return d;
		return end;
	}
	if (end - s < 8)
		return end;
	/* the location has no space: the last space is the one of " (at " */
	for (open = end - 1; open > s && *open != ' '; open--)
		;
	if (open - s >= 4 && starts_with(open - 4, end, " (at ") && ends_line_column(open + 1, end - 1))
		return open - 4;
	for (close = end - 1; close > s && *close != ']'; close--)
		if (*close == '[' || *close == ' ')
			return end;
	if (close == s || close[1] != '(')
		return end;
	for (open = close; open > s && open[-1] != '['; open--)
		if (open[-1] == ']')
			return end;
	if (open == s || open - 1 == s || open[-2] != ' ')
		return end;
	for (d = close; d > open && isdigit((unsigned char)d[-1]); d--)
		;
	if (d == close || d == open || d[-1] != ':')
		return end;
	return open - 2;
}

/* S, a span of two lines (a panic and its message), as one: each break, blanks around it, one space. */
static void join_lines(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r != '\n' && *r != '\r') {
			*w++ = *r;
			continue;
		}
		while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
			w--;
		while (r[1] == '\n' || r[1] == '\r' || r[1] == ' ' || r[1] == '\t')
			r++;
		*w++ = ' ';
	}
	*w = '\0';
}

char *evidence_quote(const char *start, const char *end)
{
	struct strbuf sb = { 0 };
	char *copy;

	while (start < end && isspace((unsigned char)*start))
		start++;
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	end = before_console_location(start, end);
	if (end - start > EVIDENCE_LINE_MAX) {
		untrusted_utf8_add(&sb, start, utf8_valid_prefix(start, EVIDENCE_LINE_MAX));
		strbuf_addstr(&sb, "...");
	} else {
		untrusted_utf8_add(&sb, start, (size_t)(end - start));
	}
	copy = strbuf_detach(&sb);
	join_lines(copy);
	return copy;
}

/* ---- which lines are errors, of which tool, how telling ---- */

/*
 * Whether Node's error code stands at P before the ":" ending an exception's
 * name: "TypeError [ERR_UNKNOWN_FILE_EXTENSION]: ..." (lib/internal/errors.js).
 */
static int node_code_at(const char *p, const char *end)
{
	if (end - p < 8 || memcmp(p, " [ERR_", 6) != 0)
		return 0;
	for (p += 6; p < end && (isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'); p++)
		;
	return end - p >= 2 && p[0] == ']' && p[1] == ':';
}

/*
 * Where an exception name ("TypeError", "LinkError", "ImportError",
 * "pyodide.ffi.JsException", plain "Error"; a module's lowercase alias as
 * Python prints it: cffi's "ffi.error", "struct.error") followed by ":"
 * starts a word of the line, or NULL; its end in *NAME_END. Python warnings
 * ("DeprecationWarning:") are not exceptions, nor is a handler's "except
 * ImportError:" (source a frame or a paste quotes).
 */
static const char *exception_at(const char *s, const char *end, const char **name_end)
{
	for (const char *p = s; p < end; p++) {
		const char *q = p;

		/* a word start; or after a literal "\n" (a log pasted as a JS or JSON string) */
		if (p > s && !strchr(" ([\"'", p[-1]) && !(p - s >= 2 && p[-2] == '\\' && p[-1] == 'n'))
			continue;
		if (!isalpha((unsigned char)*p) || (p - s >= 7 && memcmp(p - 7, "except ", 7) == 0))
			continue;
		while (q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '.'))
			q++;
		if (q < end && *q != ':' && !node_code_at(q, end))
			continue;
		if ((q - p >= 5 && memcmp(q - 5, "Error", 5) == 0) ||
		    (q - p >= 9 && memcmp(q - 9, "Exception", 9) == 0) ||
		    (q - p > 6 && memcmp(q - 6, ".error", 6) == 0)) {
			*name_end = q;
			return p;
		}
	}
	return NULL;
}

/*
 * The last exception of a traceback folded onto one line [S, END) (S at its
 * "Traceback (most recent call last):"), after a frame ("... File "x.py",
 * line 5, in <module> import y ModuleNotFoundError: No module named 'y'"),
 * or NULL.
 */
static const char *folded_exception(const char *s, const char *end)
{
	const char *p = find_in(s, end, " File \""), *x, *xe, *last = NULL;

	if (!p)
		return NULL;
	while ((x = exception_at(p, end, &xe)) != NULL) {
		last = x;
		p = xe;
	}
	return last;
}

/* Whether [S, END) starts with an exception's name: "ValueError: ...", "KeyboardInterrupt". */
static int starts_exception(const char *s, const char *end)
{
	const char *xe, *p = s;

	if (exception_at(s, end, &xe) == s)
		return 1;
	while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '.'))
		p++;
	return p > s && p == end && isupper((unsigned char)*s);
}

/*
 * Whether V8's wasm error without its exception name starts a word of [S,
 * END): its ErrorThrower puts the API call first ("WebAssembly.instantiate():
 * Import #3 ...", "WebAssembly.Memory.grow(): ..."), and a page that shows
 * only an error's message drops the "LinkError: " before it.
 */
static int v8_wasm_error_at(const char *s, const char *end)
{
	for (const char *p = s; (p = find_in(p, end, "WebAssembly.")) != NULL; p++) {
		const char *q = p + 12;

		if (p > s && !strchr(" ([\"'", p[-1]))
			continue;
		/* the longest call V8 names is "WebAssembly.instantiateStreaming": a bound keeps this linear */
		while (q < end && q - p < 40 && (isalpha((unsigned char)*q) || *q == '.'))
			q++;
		if (q > p + 12 && starts_with(q, end, "(): "))
			return 1;
	}
	return 0;
}

/* Whether exception [P, Q) is one JavaScript throws (else Python's). */
static int is_js_exception(const char *p, const char *q)
{
	static const char *const names[] = {
		"Error",    "TypeError", "RangeError",   "ReferenceError", "SyntaxError",    "EvalError",
		"URIError", "LinkError", "CompileError", "RuntimeError",   "AggregateError", "InternalError",
	};

	if (q - p > 12 && memcmp(p, "WebAssembly.", 12) == 0)
		p += 12;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if ((size_t)(q - p) == strlen(names[i]) && memcmp(p, names[i], (size_t)(q - p)) == 0)
			return 1;
	return 0;
}

/*
 * Where "error:" (or "error[E0463]:", "fatal error:") starts a message, or
 * NULL: at the line's start, after "x: ", "pkg> " or a bracketed tag ("16:37:58
 * [cargo] error: ..." of a dev server); MSBuild's "wasm-ld : error : ..." too.
 */
static const char *error_word_at(const char *s, const char *end)
{
	for (const char *p = s; p + 6 <= end; p++) {
		const char *q;

		if (memcmp(p, "error", 5) != 0)
			continue;
		if (p != s && !(p - s >= 2 && p[-2] && strchr(":>]", p[-2]) && p[-1] == ' ') &&
		    !(p - s >= 6 && memcmp(p - 6, "fatal ", 6) == 0))
			continue;
		q = p + 5;
		if (q < end && *q == '[') {
			while (q < end && *q != ']')
				q++;
			q++;
		} else if (end - q >= 2 && q[0] == ' ' && q[1] == ':' && p - s >= 2 && p[-2] == ':') {
			q++;
		}
		if (q < end && *q == ':')
			return p;
	}
	return NULL;
}

/*
 * Where a warning's mark starts on [S, END), or NULL: "warning:", or the
 * upper-case "WARNING:" of C libraries' loggers (emscripten-glfw's "WARNING:
 * GLFW: Error: 0 Description: ..."), whose error words after it are the
 * warning's. Not pdf.js's "Warning:", under which it reports a decoder it
 * failed to load.
 */
static const char *warning_mark_at(const char *s, const char *end)
{
	const char *w = find_in(s, end, "warning:"), *u = find_in(s, end, "WARNING:");

	return u && (!w || u < w) ? u : w;
}

/* maturin's failure line; each cause of it follows on a "  Caused by: " line (src/main.rs) */
#define MATURIN_FAILED "\xf0\x9f\x92\xa5 maturin failed"
#define MATURIN_CAUSE "Caused by: "

/* Whether [S, END) is maturin's failure line, also as a copy without its emoji shows it. */
static int is_maturin_failed(const char *s, const char *end)
{
	return starts_with(s, end, MATURIN_FAILED) || (end - s == 14 && starts_with(s, end, "maturin failed"));
}

/* Whether maturin's cause [S, END) only says that cargo failed: its error is cargo's, above. */
static int is_maturin_wrapper(const char *s, const char *end)
{
	return starts_with(s, end, "Cargo build finished with") ||
	       (starts_with(s, end, "Failed to build a") && find_in(s, end, " through cargo"));
}

/* Error lines that only say a step failed; the cause is on another line. */
static int is_wrapper(const char *msg, const char *end)
{
	const char *p;
	static const char *const wrappers[] = {
		"linking with",
		"could not compile",
		"Could not compile",
		"aborting due to",
		"failed to run custom build command",
		"build failed",
		/* Nim's (and nlvm's) after the linker's own error */
		"linking failed",
		"could not build",
		"linker command failed",
		"process didn't exit successfully",
		/* cargo install's, after the errors of the crate it compiled */
		"failed to compile `",
		/* wasm-pack's context for a failed cargo build or wasm-bindgen run */
		"Compiling your crate to WebAssembly failed",
		"Running the wasm-bindgen CLI",
		/* pip's diagnostics (src/pip/_internal/exceptions.py) around a build's own output */
		"subprocess-exited-with-error",
		"metadata-generation-failed",
		"legacy-install-failure",
		"failed-wheel-build-for-install",
		/* just's; cargo test's after the test's own output */
		"Recipe `",
		"test failed, to rerun pass",
	};

	if (starts_with_any(msg, end, wrappers, sizeof(wrappers) / sizeof(*wrappers)))
		return 1;
	/* a compiler driver's step (clang's, swiftc's "emit-module command failed with exit code 1 (use -v ...)") */
	if (ends_with(msg, end, "(use -v to see invocation)"))
		return 1;
	/* setuptools (distutils): error: command '/usr/bin/gcc' failed with exit code 1 */
	if (starts_with(msg, end, "command '") && find_in(msg, end, "' failed with exit"))
		return 1;
	/* emcc: error: '/path/wasm-ld -o x.wasm ...' failed (returned 1) */
	if (msg < end && *msg == '\'' && (find_in(msg, end, "' failed (") || find_in(msg, end, "' failed")))
		return 1;
	/* setuptools: error: command '/usr/bin/clang' failed with exit code 1 */
	if (starts_with(msg, end, "command '") && find_in(msg, end, "' failed with exit "))
		return 1;
	/* Emscripten's dynamic loader (libdylink.js) prints its reason on the next line */
	if ((p = find_in(msg, end, "Could not load dynamic lib: ")) && !memchr(p + 28, ' ', (size_t)(end - p - 28)))
		return 1;
	return 0;
}

/*
 * Whether exception [X, XE) and its message MSG (up to END) only say that a
 * step failed: Python's subprocess.CalledProcessError ("Command '...'
 * returned non-zero exit status 1."), Node's child_process ("Error: Command
 * failed: cargo build", execa's "Command failed with exit code 1"), a CI
 * runner's "Error: Process completed with exit code 1.", Emscripten's
 * abort() without a reason ("RuntimeError: Aborted(). Build with
 * -sASSERTIONS for more info."), or a message is_wrapper() names (wasm-pack's
 * "Error: Compiling your crate to WebAssembly failed"). The cause is what
 * the step printed before.
 */
static int is_wrapper_exception(const char *x, const char *xe, const char *msg, const char *end)
{
	static const char *const messages[] = {
		/* not execa's "Command failed with ENOENT: x": that names the cause */
		"Command failed:",
		"Command failed with exit code",
		"Running Wasm tests with wasm-bindgen-test failed",
		"Process completed with exit code",
		/* Emscripten's abort() without a reason: what it printed before is the cause */
		"Aborted()",
	};

	if (xe - x >= 18 && memcmp(xe - 18, "CalledProcessError", 18) == 0)
		return 1;
	return starts_with_any(msg, end, messages, sizeof(messages) / sizeof(*messages)) || is_wrapper(msg, end);
}

/*
 * Whether [S, END) is only a poster's elision ("...", "…", "[...]"): a traceback
 * quoted with its middle cut goes on after it.
 */
static int is_elision(const char *s, const char *end)
{
	int dots = 0;

	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	if (end - s >= 2 && ((*s == '[' && end[-1] == ']') || (*s == '(' && end[-1] == ')'))) {
		s++;
		end--;
	}
	for (; s < end; s++) {
		if (*s == '.') {
			dots++;
		} else if (end - s >= 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0) {
			dots += 3;
			s += 2;
		} else {
			return 0;
		}
	}
	return dots >= 3;
}

/*
 * Whether [S, END) is only the markers Python 3.11+ puts under a traceback's
 * code ("^^^^", "~~~^^"), here a run of them a terminal wrapped onto a line of
 * its own: the traceback goes on after it.
 */
static int is_caret_line(const char *s, const char *end)
{
	const char *p = span_of(s, end, "^~ \t\r");

	return p == end && find_in(s, end, "^");
}

/* Crash banners: at a line's start, and anywhere in it (line_weight's "crash" lines). */
static const char *const crash_heads[] = { "Assertion failed",        "failure_message_object=0x",
					   "FATAL ERROR: ",           "UNREACHABLE executed",
					   "# Fatal error in ",       "Received signal ",
					   "PROCESS-CRASH | ",        "ASSERTION FAILED: ",
					   "SHOULD NEVER BE REACHED", "SegmentationFault at 0x" };
static const char *const crash_words[] = { "Segmentation fault", "Assertion failure: ", "Hit MOZ_CRASH(",
					   " has panicked. This is a bug in ", "Bun has crashed" };

/* Whether [S, END) is a process's or an engine's crash banner. */
static int is_crash_banner(const char *s, const char *end)
{
	for (size_t i = 0; i < sizeof(crash_words) / sizeof(*crash_words); i++)
		if (find_in(s, end, crash_words[i]))
			return 1;
	return starts_with_any(s, end, crash_heads, sizeof(crash_heads) / sizeof(*crash_heads));
}

/*
 * Whether [S, END) is npm's line that gives the code of its error (lib/utils/
 * error-message.js: "code E404"); the message follows on its own line
 * ("404 Not Found - GET ..."), which tells more.
 */
static int is_npm_code(const char *s, const char *end)
{
	const char *m = starts_with(s, end, "npm ERR! ") ? s + 9 : starts_with(s, end, "npm error ") ? s + 10 : NULL;

	return m && starts_with(m, end, "code E") && end - m > 6 &&
	       (isupper((unsigned char)m[6]) || isdigit((unsigned char)m[6]));
}

/*
 * Whether [S, END) heads a list of the errors it counts ("Build failed with 2
 * errors:", esbuild's and so wrangler's): the errors listed under it tell more.
 */
static int is_error_count_head(const char *s, const char *end)
{
	const char *p;

	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	if (ends_with(s, end, " errors:"))
		p = end - 8;
	else if (ends_with(s, end, " error:"))
		p = end - 7;
	else
		return 0;
	while (p > s && isdigit((unsigned char)p[-1]))
		p--;
	return p - s >= 5 && !memcmp(p - 5, "with ", 5) && isdigit((unsigned char)*p);
}

/*
 * Whether [S, END) is autoconf's head over its error message (AC_MSG_ERROR's
 * "configure: error: in `DIR':", after the "checking ..." it interrupts): the
 * message is on the next line.
 */
static int is_autoconf_dir_head(const char *s, const char *end)
{
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return find_in(s, end, "configure: error: in `") && ends_with(s, end, "':");
}

/*
 * Whether npm's message [MSG, END) (after "npm ERR! ") says a failure: in
 * words, by a system error's code ("EISDIR: illegal operation"), or as one of
 * npm's own messages (lib/utils/error-message.js: "network Socket timeout",
 * "notsup ...").
 */
static int says_npm_failure(const char *msg, const char *end)
{
	static const char *const npm_own[] = { "network ", "notsup ", "enoent ", "peer " };
	const char *code = span_of(msg, end, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

	return failword_line(msg, end) || (msg < end && *msg == 'E' && code - msg >= 4 && code < end && *code == ':') ||
	       starts_with_any(msg, end, npm_own, sizeof(npm_own) / sizeof(*npm_own));
}

/*
 * Whether npm line [S, END) only reports that a script failed (npm 6's
 * "npm ERR! code ELIFECYCLE", "errno 1", "Failed at the x@1.0.0 build
 * script."; npm 7+'s "npm error code 1", "command failed", "command sh -c
 * ...") or where its log went: what the script printed before says why.
 */
static int is_npm_wrapper(const char *s, const char *end)
{
	static const char *const wrappers[] = {
		"code ELIFECYCLE",
		"errno ",
		"Exit status ",
		"Failed at the ",
		"command failed",
		"command sh -c",
		"A complete log of this run",
		"Log files were not written",
	};
	const char *msg = s + (starts_with(s, end, "npm ERR!") ? 8 : 10);

	while (msg < end && *msg == ' ')
		msg++;
	if (starts_with(msg, end, "code ") && end - msg > 5 && isdigit((unsigned char)msg[5]))
		return 1;
	if (starts_with_any(msg, end, wrappers, sizeof(wrappers) / sizeof(*wrappers)))
		return 1;
	return 0;
}

/* pip's "ERROR: ..." lines that only say a build failed (MSG after "ERROR:"): the build's error is above. */
static int is_pip_wrapper(const char *msg, const char *end)
{
	while (msg < end && *msg == ' ')
		msg++;
	return starts_with(msg, end, "Failed building wheel for ") ||
	       starts_with(msg, end, "Could not build wheels for ") ||
	       starts_with(msg, end, "Failed to build installable wheels");
}

/* The tool of an "error:" line: what stands before the error word, or what the message says. */
static const char *error_tool(const char *s, const char *e, const char *msg, const char *end)
{
	static const char *const cargo[] = {
		"failed to ",       "package `",       "no matching package",
		"could not find `", "the lock file",   "current package believes",
		"failed to select", "no such command", "cannot find a",
	};

	if (e[5] == '[')
		return "rustc";
	if (find_in(s, e, "wasm-ld") || find_in(s, e, "rust-lld") || find_in(s, e, "ld.lld"))
		return "linker";
	if (find_in(s, e, "emcc") || find_in(s, e, "em++"))
		return "emcc";
	if (find_in(s, e, "clang") || (e - s >= 6 && memcmp(e - 6, "fatal ", 6) == 0))
		return "llvm";
	return starts_with_any(msg, end, cargo, sizeof(cargo) / sizeof(*cargo)) ? "cargo" : "error";
}

/*
 * Emscripten's startup checks of a browser (src/minimum_runtime_check.js):
 * "This emscripten-generated code requires Safari v15.0.0 (detected v14.1)",
 * "This page was compiled without support for Firefox browser."
 */
static int is_engine_check(const char *s, const char *end)
{
	static const char *const checks[] = {
		"requires Safari v",          "requires Firefox v",          "requires Chrome v",
		"support for Safari browser", "support for Firefox browser", "support for Chrome browser",
	};

	/* every line of a log comes here: one search rules out almost all */
	if (!find_in(s, end, "requires ") && !find_in(s, end, " browser"))
		return 0;
	for (size_t i = 0; i < sizeof(checks) / sizeof(*checks); i++)
		if (find_in(s, end, checks[i]))
			return 1;
	return 0;
}

/*
 * The root causes names_cause knows: the machine's own refusals first (a full
 * disk, a permission, exhausted descriptors or memory; LOCAL_TEXTS and
 * LOCAL_CODES of them), then the network's and the rest.
 */
static const char *const cause_texts[] = {
	"No space left on device",
	"Disk quota exceeded",
	"Read-only file system",
	"Permission denied",
	"Too many open files",
	"Cannot allocate memory",
	"Connection refused",
	"Connection reset by peer",
	"Connection timed out",
	"Network is unreachable",
	"No route to host",
	"Temporary failure in name resolution",
	"Name or service not known",
	"Service Unavailable",
	"Bad Gateway",
	"Gateway Timeout",
	"Too Many Requests",
	/* out of memory: the kernel's killer (cargo, rustc, emcc print the signal), Rust's and Node's heaps */
	"SIGKILL",
	"memory allocation of ",
	"JavaScript heap out of memory",
};
static const char *const cause_codes[] = { "ENOSPC",    "EDQUOT",      "EROFS",        "EACCES",
					   "EMFILE",    "ENOMEM",      "ECONNREFUSED", "ECONNRESET",
					   "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "EAI_AGAIN" };
#define LOCAL_TEXTS 6
#define LOCAL_CODES 6

/*
 * Whether [S, END) names a root cause that the lines around it only wrap: an
 * OS error (strerror's text or Node's code: "No space left on device",
 * ECONNREFUSED), memory exhausted (a SIGKILL, Rust's "memory allocation of N
 * bytes failed", Node's "JavaScript heap out of memory") or an HTTP failure status ("status code 503", "HTTP error
 * 404", "502 Bad Gateway"). A line that names one outweighs the steps that
 * failed because of it ("linker command failed", "npm ERR! command sh -c").
 * Where the first one starts, or NULL.
 */
static const char *names_cause(const char *s, const char *end)
{
	static const char *const statuses[] = { "status code ",     "HTTP error ", "HTTP Error ", "HTTP status ",
						"returned error: ", "HTTP/1.1 ",   "HTTP/2 ",     "HTTP " };

	/* every line of a log comes here: one pass, looking closer only where one of them can start */
	static const unsigned char first[256] = {
		['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['G'] = 1, ['H'] = 1, ['J'] = 1, ['N'] = 1,
		['P'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['m'] = 1, ['r'] = 1, ['s'] = 1,
	};

	for (const char *p = s; p < end; p++) {
		if (!first[(unsigned char)*p])
			continue;
		for (size_t i = 0; i < sizeof(cause_texts) / sizeof(*cause_texts); i++)
			if (*p == cause_texts[i][0] && starts_with(p, end, cause_texts[i]))
				return p;
		for (size_t i = 0; i < sizeof(cause_codes) / sizeof(*cause_codes); i++) {
			const char *q;

			if (*p != cause_codes[i][0] || !starts_with(p, end, cause_codes[i]))
				continue;
			q = p + strlen(cause_codes[i]);
			if ((p == s || !is_ident(p[-1])) && (q == end || !is_ident(*q)))
				return p;
		}
		for (size_t i = 0; i < sizeof(statuses) / sizeof(*statuses); i++) {
			const char *d;

			if (*p != statuses[i][0] || !starts_with(p, end, statuses[i]))
				continue;
			d = p + strlen(statuses[i]);
			if (end - d >= 3 && (*d == '4' || *d == '5') && isdigit((unsigned char)d[1]) &&
			    isdigit((unsigned char)d[2]) && (end - d == 3 || !isalnum((unsigned char)d[3])))
				return p;
		}
	}
	return NULL;
}

/*
 * Whether the cause names_cause found at S is the machine's own refusal (a
 * full disk, a permission, exhausted memory or descriptors), not a network
 * failure: a wait loop's curl says in words that it failed to connect.
 */
static int names_local_refusal(const char *s, const char *end)
{
	return starts_with_any(s, end, cause_texts, LOCAL_TEXTS) || starts_with_any(s, end, cause_codes, LOCAL_CODES);
}

/*
 * The tool of a resolver's or a test runner's failure line as the tool
 * prints it, or NULL: uv's "× No solution found when resolving
 * dependencies", resolvo's (pixi, rattler-build) "Cannot solve the request
 * because of: ...", pytest's "FAILED tests/t.py::test_x", Playwright's "Test
 * timeout of 30000ms exceeded.", Jest's "● suite › name", Vitest's and
 * Jest's "FAIL  file > name", TAP's (node --test) "not ok 1 - name". Such a
 * failure is no compatibility breakage: no rule reads these tools, and the
 * line is what an unclassified log reports.
 */
static const char *runner_failure_tool(const char *s, const char *end)
{
	if (find_in(s, end, "No solution found when resolving dependencies") ||
	    find_in(s, end, "Cannot solve the request because of: "))
		return "resolver";
	if ((starts_with(s, end, "FAILED ") && find_in(s, end, "::")) ||
	    (starts_with(s, end, "Test timeout of ") && find_in(s, end, "ms exceeded")) ||
	    (starts_with(s, end, "\xe2\x97\x8f ") && find_in(s, end, " \xe2\x80\xba ")) ||
	    (starts_with(s, end, "FAIL  ") && find_in(s, end, " > ")) ||
	    (starts_with(s, end, "not ok ") && end - s > 7 && isdigit((unsigned char)s[7])))
		return "test";
	return NULL;
}

/*
 * Where the message of an error line of Emscripten 1.38.21 to 1.39.11
 * starts, or NULL: those printed errors through Python's logging as
 * "LOGGER:ERROR: message" ("shared:ERROR: ...", "emcc:ERROR: ..."), and
 * releases before them as "ERROR    root: message"; 1.39.12 brought the
 * "emcc: error: ..." that error_word_at finds. Under rustc's "= note: " too.
 */
static const char *emscripten_logger_error(const char *s, const char *end)
{
	static const char *const loggers[] = {
		"shared", "emcc",     "em++",  "emscripten", "system_libs",
		"cache",  "building", "ports", "embuilder",  "root",
	};
	const char *p;

	/* rustc quotes the linker's output under "= note: " */
	if (starts_with(s, end, "= note: "))
		s += 8;
	p = s;
	if (starts_with(s, end, "ERROR    root: "))
		return s + 15;
	while (p < end && p - s < 12 && (islower((unsigned char)*p) || *p == '_' || *p == '+'))
		p++;
	if (p == s || !starts_with(p, end, ":ERROR: "))
		return NULL;
	for (size_t i = 0; i < sizeof(loggers) / sizeof(*loggers); i++)
		if ((size_t)(p - s) == strlen(loggers[i]) && memcmp(s, loggers[i], (size_t)(p - s)) == 0)
			return p + 8;
	return NULL;
}

/*
 * Whether [S, END) is an error of pyodide-build's Emscripten check
 * (build_env.py, ensure_emscripten): `pyodide build` prints the
 * RuntimeError's message bare, without its name (cli/build.py), and exits.
 */
static int is_pyodide_emscripten_check(const char *s, const char *end)
{
	static const char *const messages[] = {
		"No Emscripten compiler found.",           "Emscripten activation failed.",
		"Failed to determine Emscripten version.", "Incorrect Emscripten version ",
		"Failed to apply Emscripten patches.",
	};

	/* every line of a log comes here: their first letters rule out most */
	if (s == end || !strchr("NEFI", *s))
		return 0;
	return starts_with_any(s, end, messages, sizeof(messages) / sizeof(*messages));
}

/*
 * Whether [S, END) is Node's ERR_MODULE_NOT_FOUND message shown without its
 * name ("Cannot find module '/x/pyodide.asm.js' imported from /x/pyodide.mjs";
 * "package" for a bare specifier: lib/internal/errors.js), as a program that
 * prints only an error's message shows it.
 */
static int is_esm_not_found(const char *s, const char *end)
{
	return (starts_with(s, end, "Cannot find module '") || starts_with(s, end, "Cannot find package '")) &&
	       find_in(s, end, "' imported from ");
}

/*
 * Whether [S, END) is a browser's failed dynamic import() shown without its
 * TypeError name, as a page that prints only an error's message shows it:
 * Blink's "Failed to fetch dynamically imported module: URL", SpiderMonkey's
 * "error loading dynamically imported module: URL" (js.msg), WebKit's
 * "Importing a module script failed.".
 */
static int is_dynamic_import_failed(const char *s, const char *end)
{
	static const char *const messages[] = {
		"Failed to fetch dynamically imported module",
		"error loading dynamically imported module",
		"Error loading dynamically imported module",
		"Importing a module script failed",
	};

	/* every line of a log comes here: their first letters rule out most */
	if (s == end || !strchr("FeEI", *s))
		return 0;
	return starts_with_any(s, end, messages, sizeof(messages) / sizeof(*messages));
}

/*
 * Pyodide's loadPackage reports a package it could not load as "The
 * following error occurred while loading NAME:" and the error's message
 * alone on the next line (src/js/load-package.ts), whatever it says ("fetch
 * failed"): that line is the error.
 */
#define PYODIDE_LOAD_FAILED "The following error occurred while loading "

/*
 * Pyodide's ImportError for an extension module it could not instantiate
 * ("Could not evaluate dynamic lib: X", "Could not load dynamic lib: X")
 * wraps the JS error it caught; Pyodide before 0.18 printed that error on
 * the next line, and there it is the cause the traceback's exception hides.
 */
static int is_pyodide_dynlib_error(const char *s, const char *end)
{
	return find_in(s, end, "Error: Could not evaluate dynamic lib: ") ||
	       find_in(s, end, "Error: Could not load dynamic lib: ");
}

static int is_trace_line(const char *s, const char *end);

/*
 * Whether one of the three lines after the one ending at EOL (within END)
 * has TEXT: a failure followed by what the program does instead. The stack
 * a console prints under the failure (Chrome's "f @ url:1", "Promise.then")
 * is the failure's own and does not count as a line.
 */
static int falls_back(const char *eol, const char *end, const char *text)
{
	const char *line = eol;

	for (int i = 0, frames = 0; i < 3 && frames < 40 && line < end;) {
		const char *next = line + 1, *next_end = memchr(next, '\n', (size_t)(end - next)), *t;

		line = next_end ? next_end : end;
		if (find_in(next, line, text))
			return 1;
		t = span_of(next, line, " \t");
		if (is_trace_line(t, line) || (line - t == 12 && starts_with(t, line, "Promise.then")))
			frames++;
		else
			i++;
	}
	return 0;
}

/*
 * Whether line [S, TE) (ending at EOL, within END), or one of the three after
 * it, says the program falls back: what failed was survived.
 */
static int goes_on_falling_back(const char *s, const char *te, const char *eol, const char *end)
{
	return find_in(s, te, "alling back") || falls_back(eol, end, "falling back") ||
	       falls_back(eol, end, "Falling back");
}

/*
 * wasm-bindgen's glue (cli-support's js/mod.rs) warns that streaming
 * compilation refused a response's MIME type and falls back, with the
 * TypeError on the next line: a notice, since the fallback goes on.
 */
#define BINDGEN_FALLBACK "Falling back to `WebAssembly.instantiate`"

/*
 * Whether JS error line [S, EOL) is the glue's notice that streaming
 * compilation refused the response with a TypeError (a MIME type other than
 * application/wasm, a status that is not ok: src/preamble.js) followed, within
 * END, by its "falling back to ArrayBuffer instantiation": the fallback
 * fetches again and reports its own failure ("failed to asynchronously
 * prepare wasm: ..."), so the notice is no error. A CompileError or LinkError
 * there stays one: the fallback would fail the same way; so does a TypeError
 * of the glue's own code ("Cannot read properties of undefined"), no refusal
 * of the response.
 */
static int is_stream_fallback(const char *s, const char *eol, const char *end)
{
	const char *reason = find_in(s, eol, "wasm streaming compile failed: TypeError");

	return reason && !find_in(reason, eol, "Cannot read propert") && !find_in(reason, eol, "is not a function") &&
	       falls_back(eol, end, "falling back to ArrayBuffer");
}

/*
 * Whether [S, END) is a program's error in glibc's error() format, "PROG:
 * MESSAGE: STRERROR", ending in an OS error that leaves it no way on
 * (coreutils' cp: "cp: error copying 'a' to 'b': No space left on device").
 * Network errors and "Permission denied" are left out: a wait loop's curl
 * and a find over /proc print them in logs that succeed.
 */
static int is_program_os_error(const char *s, const char *end)
{
	static const char *const errs[] = { ": No space left on device", ": Disk quota exceeded",
					    ": Read-only file system", ": Cannot allocate memory",
					    ": Too many open files" };
	const char *p = s;
	size_t i;

	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	for (i = 0; i < sizeof(errs) / sizeof(*errs); i++) {
		size_t n = strlen(errs[i]);

		if ((size_t)(end - s) > n && memcmp(end - n, errs[i], n) == 0)
			break;
	}
	if (i == sizeof(errs) / sizeof(*errs) || !islower((unsigned char)*s))
		return 0;
	while (p < end && p - s < 32 && (isalnum((unsigned char)*p) || (*p && strchr("_.+-", *p))))
		p++;
	return starts_with(p, end, ": ");
}

/*
 * Whether [S, END) is an error of a Go program logging with logrus's text
 * format, as the Docker CLI does: time="..." level=error msg="...".
 */
static int is_logrus_error(const char *s, const char *end)
{
	const char *level = s;

	if (starts_with(s, end, "time=\"") && (level = find_in(s, end, "\" level=")))
		level += 2;
	return level && (starts_with(level, end, "level=error msg=") || starts_with(level, end, "level=fatal msg="));
}

/*
 * Where make's ": *** " or meson's ": ERROR: " stands in the first 256 bytes
 * of [S, END), or NULL: one pass over the colons, as every line of a log comes here.
 */
static const char *build_tool_tag(const char *s, const char *end)
{
	const char *limit = end - s > 256 ? s + 256 : end;

	for (const char *p = s; (p = memchr(p, ':', (size_t)(limit - p))); p++)
		if (starts_with(p, end, ": *** ") || starts_with(p, end, ": ERROR: "))
			return p;
	return NULL;
}

/*
 * Whether [S, END), whose ": *** " stands at P, is GNU make's error line,
 * "PROG: *** ..." or, in a sub-make, "PROG[N]: *** ..." (src/output.c: "%s:
 * *** " and "%s[%u]: *** "), where PROG is the program's name ("make",
 * "gmake", "mingw32-make", a path).
 */
static int is_make_error(const char *s, const char *p)
{
	const char *q = p;

	if (q > s && q[-1] == ']') {
		q--;
		while (q > s && isdigit((unsigned char)q[-1]))
			q--;
		if (q == s || q[-1] != '[')
			return 0;
		q--;
	}
	return q - s >= 4 && memcmp(q - 4, "make", 4) == 0 &&
	       (q - 4 == s || q[-5] == '/' || q[-5] == '\\' || q[-5] == '-' || q[-5] == 'g');
}

/*
 * C, a CMake error's header ending at EOL, narrowed to the message under it:
 * the first line with text after it, when CMake indented it (cmMessenger.cxx
 * indents a message by two spaces); C as it was otherwise.
 */
static void cmake_message(struct span *c, const char *eol, const char *end)
{
	const char *p = eol, *e;
	size_t lineno = c->lineno;

	while (p < end) {
		const char *own;

		p++;
		lineno++;
		e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		own = logline_own_text(p, e);
		if (span_of(own, e, " \t\r") == e) {
			p = e;
			continue;
		}
		if (*own != ' ' && *own != '\t')
			return;
		c->start = span_of(own, e, " \t");
		c->end = e;
		c->lineno = lineno;
		return;
	}
}

/*
 * The weight of a build or CI tool's own error line [S, END) (0: none of
 * theirs), its tool in *TOOL: 40 for one that only says a step failed (its
 * output above or below says why), 50 for one that names the cause.
 */
static int build_tool_error(const char *s, const char *end, const char **tool)
{
	const char *tag = build_tool_tag(s, end), *m;

	*tool = "wrapper";
	if (tag && tag[2] == '*' && is_make_error(s, tag)) {
		/* "*** [x.o] Error 1", "*** Waiting for unfinished jobs....", "*** Deleting file 'x'" (src/job.c, commands.c) */
		m = tag + 6;
		if (starts_with(m, end, "[") || starts_with(m, end, "Waiting for ") || starts_with(m, end, "Deleting "))
			return 40;
		*tool = "error";
		return 50; /* a fatal error: "*** No rule to make target 'x'.  Stop." */
	}
	/*
	 * SCons' errors (SCons/Script/Main.py: "scons: *** [TARGET] MESSAGE", "scons: *** MESSAGE");
	 * a target's "Error N" only says that its command failed
	 */
	if (starts_with(s, end, "scons: *** ")) {
		m = s + 11;
		if (*m == '[' && (m = memchr(m, ']', (size_t)(end - m))) && starts_with(m, end, "] Error "))
			return 40;
		*tool = "error";
		return 50;
	}
	/*
	 * ninja's failed edge (src/status*.cc: "FAILED: " then its outputs; 1.12's "FAILED: [code=1] ")
	 * and its summary (src/ninja.cc: "ninja: build stopped: %s."): the command's output says why
	 */
	if (starts_with(s, end, "FAILED: ") || starts_with(s, end, "ninja: build stopped: "))
		return 40;
	/*
	 * BuildKit's failed step (buildx and docker build: "ERROR [stage 2/5] RUN ...", "ERROR:
	 * failed to solve: process \"...\" did not complete successfully: exit code: 2"), pnpm's
	 * failed script (" ELIFECYCLE  Command failed with exit code 1.",
	 * ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL) and yarn 1's ("error Command failed with exit code 1."
	 * of src/reporters/lang/en.js): what the step printed says why
	 */
	if (starts_with(s, end, "ERROR [") ||
	    ((starts_with(s, end, "ERROR: failed to solve: process ") ||
	      starts_with(s, end, "error: failed to solve: process ")) &&
	     find_in(s, end, "did not complete successfully")) ||
	    starts_with(s, end, "ELIFECYCLE ") || starts_with(s, end, "ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL") ||
	    starts_with(s, end, "ERR_PNPM_RECURSIVE_EXEC_FIRST_FAIL") ||
	    starts_with(s, end, "error Command failed with exit code "))
		return 40;
	/* GitHub Actions' error annotation, as the log shows it ("##[error]...") or as echoed ("::error ...::...") */
	if (starts_with(s, end, "##[error]") || starts_with(s, end, "::error::") || starts_with(s, end, "::error ")) {
		m = s + (*s == '#' ? 9 : 2);
		if (starts_with(m, end, "Process completed with exit code "))
			return 40;
		*tool = "error";
		return 50;
	}
	*tool = "error";
	/* Azure Pipelines' error annotation (task.logissue), what it says unread */
	if (starts_with(s, end, "##vso[task.logissue type=error"))
		return 50;
	/*
	 * CMake's messages (cmMessenger.cxx: "CMake Error at FILE:LINE (CMD):", "CMake Error in
	 * FILE:"; the message follows, indented), meson's ("FILE:LINE:COL: ERROR: ..."), pnpm's
	 * ("ERR_PNPM_CODE  message", after one space), yarn 1's other errors ("error An unexpected
	 * error occurred: ...", "error Couldn't find package ..."), the Docker daemon's refusal
	 * (docker/cli: "Error response from daemon: ...")
	 */
	if (starts_with(s, end, "CMake Error") || (tag && tag[2] == 'E') || starts_with(s, end, "ERR_PNPM_") ||
	    (starts_with(s, end, "error ") && end - s > 6 && isupper((unsigned char)s[6])) ||
	    starts_with(s, end, "Error response from daemon: "))
		return 50;
	/* Go's runtime (src/runtime/panic.go: printpanics' "panic: "), its message and goroutines follow */
	if (starts_with(s, end, "panic: ")) {
		*tool = "panic";
		return 85;
	}
	/* Node's rejection of a promise with no Error (lib/internal/process/promises.js), its reason inside */
	if (starts_with(s, end, "[UnhandledPromiseRejection: ")) {
		*tool = "js";
		return 90;
	}
	return 0;
}

/*
 * Whether [S, END) is Jupyter's notice that the kernel process died (a crash
 * of the interpreter, a wasm trap that took it down): the Notebook's "The
 * kernel appears to have died. It will restart automatically." and
 * JupyterLab's "The kernel for X appears to have died. ..." (its "Kernel
 * Restarting" dialog).
 */
static int is_kernel_death(const char *s, const char *end)
{
	return starts_with(s, end, "The kernel ") &&
	       find_in(s, end, " appears to have died. It will restart automatically") != NULL;
}

/*
 * Whether [S, END) starts with an engine's or a tool's error at an offset of a
 * module: "FILE.wasm:0x1f: message" (Wizard), "FILE.wasm:000001f: error: ..." (wabt).
 */
static int is_module_offset_error(const char *s, const char *end)
{
	const char *p = find_in(s, end, ".wasm:"), *h;

	if (!p || memchr(s, ' ', (size_t)(p - s)))
		return 0;
	p += 6;
	if (starts_with(p, end, "0x"))
		p += 2;
	h = p;
	while (p < end && isxdigit((unsigned char)*p))
		p++;
	return p > h && starts_with(p, end, ": ");
}

/*
 * Whether [S, END) is Python's http.server logging an error response it sent
 * (server.py's send_error: "[13/Sep/2025 16:39:30] code 404, message File not found").
 */
static int is_http_server_error(const char *s, const char *end)
{
	const char *p = find_in(s, end, "] code ");

	return p && p + 10 < end && (p[7] == '4' || p[7] == '5') && isdigit((unsigned char)p[8]) &&
	       isdigit((unsigned char)p[9]) && starts_with(p + 10, end, ", message ");
}

/* Whether [S, END) has a space, tab or other blank: a frame or a path has none. */
static int has_space(const char *s, const char *end)
{
	for (const char *p = s; p < end; p++)
		if (isspace((unsigned char)*p))
			return 1;
	return 0;
}

/*
 * The end of a list number at S ("12: "), or NULL: anyhow's and color-eyre's
 * numbered causes and a Rust backtrace's frames have one.
 */
static const char *number_mark_end(const char *s, const char *end)
{
	const char *d = span_of(s, end, "0123456789");

	return d > s && end - d >= 2 && d[0] == ':' && d[1] == ' ' ? d + 2 : NULL;
}

/* Whether [S, END) says only "Error:": color-eyre's head, its chain numbered under it. */
static int is_bare_error_head(const char *s, const char *end)
{
	return end - s == 6 && starts_with(s, end, "Error:");
}

/*
 * Whether [S, END) is a frame of a Rust backtrace (std's, color-eyre's):
 * "12: core::panicking::panic_fmt", "1: <T as Display>::fmt", a symbol, not
 * a numbered cause's message ("0: Failed to read module").
 */
static int is_rust_frame(const char *s, const char *end)
{
	const char *p = number_mark_end(s, end);

	if (!p)
		return 0;
	p = span_of(p, end, " ");
	return p < end && (*p == '<' || !has_space(p, end)) && find_in(p, end, "::");
}

/*
 * WHY after the number of an indented cause ("   3: [parse exception: ...]",
 * color-eyre's or anyhow's chain whose head a paste cut off), OWN its
 * line's text: the number is no part of what the cause says. A backtrace's
 * numbered frame keeps it.
 */
static const char *after_cause_number(const char *own, const char *why, const char *end)
{
	const char *p = number_mark_end(why, end);

	/* two digits at most: a longer number is a count or a code, not a list's */
	if (why == own || !p || p - why > 4 || p == end || is_rust_frame(why, end))
		return why;
	return span_of(p, end, " ");
}

/* The weight of line [S, END) (0: no error) and its tool; where it starts in *WHY. */
static int line_weight(const char *s, const char *end, const char **why, const char **tool)
{
	const char *w, *e, *x, *xe, *b, *start = s;
	int weight;

	while (s < end && isspace((unsigned char)*s))
		s++;
	s = after_cause_number(start, s, end);
	*why = s;
	*tool = "error";
	if (s == end)
		return 0;
	if (find_in(s, end, "panicked at")) {
		*tool = "panic";
		return 85;
	}
	/* rustc prints LLVM's fatal errors as "rustc-LLVM ERROR: ..." */
	if (starts_with(s, end, "LLVM ERROR:") || starts_with(s, end, "rustc-LLVM ERROR:")) {
		*tool = "llvm";
		return 80;
	}
	if ((x = emscripten_logger_error(s, end))) {
		*tool = is_wrapper(x, end) ? "wrapper" : "emcc";
		return is_wrapper(x, end) ? 40 : 80;
	}
	/*
	 * binaryen's validator, its parse errors (before the "Fatal: error parsing
	 * wasm" they cause); also as rustc quotes the linker's output ("note: ...")
	 */
	b = starts_with(s, end, "= note: ") ? s + 8 : starts_with(s, end, "note: ") ? s + 6 : s;
	if (starts_with(b, end, "Fatal: ") || starts_with(b, end, "[wasm-validator error") ||
	    starts_with(b, end, "[parse exception: ") || starts_with(b, end, "[map parse exception: ")) {
		*tool = "binaryen";
		return 80;
	}
	/* TypeScript's diagnostic code (tsc, ts-loader, AssemblyScript's asc) whose "error" a paste cut */
	if (starts_with(s, end, "TS") && (x = span_of(s + 2, end, "0123456789")) - s >= 6 && x - s <= 7 &&
	    starts_with(x, end, ": ")) {
		*tool = "error";
		return 80;
	}
	e = error_word_at(s, end);
	w = warning_mark_at(s, end);
	if (e && (!w || e < w)) {
		const char *msg = e + 5;

		while (msg < end && *msg != ':')
			msg++;
		if (msg < end) /* "error" ending the line has no message after it */
			msg++;
		while (msg < end && *msg == ' ')
			msg++;
		if (is_wrapper(msg, end)) {
			*tool = "wrapper";
			return 40;
		}
		*tool = error_tool(s, e, msg, end);
		return 80;
	}
	x = exception_at(s, end, &xe);
	/* far into the line only in a log pasted as a string, or a traceback folded onto one line */
	if (x && (!w || x < w) &&
	    ((x - s) < 80 || (x[-2] == '\\' && x[-1] == 'n') ||
	     starts_with(s, end, "Traceback (most recent call last):"))) {
		const char *msg = xe;

		while (msg < end && *msg != ':')
			msg++;
		while (msg < end && (*msg == ':' || *msg == ' '))
			msg++;
		if (is_wrapper_exception(x, xe, msg, end)) {
			*tool = "wrapper";
			return 40;
		}
		*tool = is_js_exception(x, xe) ? "js" : "python";
		return 90;
	}
	/* JavaScriptCore's CompileError, often shown without its name; V8's too */
	if (is_esm_not_found(s, end) || is_dynamic_import_failed(s, end) ||
	    find_in(s, end, "WebAssembly.Module doesn't parse") ||
	    find_in(s, end, "WebAssembly.Module doesn't validate") || (!w && v8_wasm_error_at(s, end))) {
		*tool = "js";
		return 90;
	}
	if (starts_with(s, end, "Aborted()")) {
		*tool = "wrapper";
		return 40;
	}
	if (starts_with(s, end, "Aborted(") || starts_with(s, end, "abort(")) {
		*tool = "abort";
		return 75;
	}
	if (starts_with(s, end, "missing function: ")) {
		*tool = "js";
		return 70;
	}
	/* Node's own check of its command line: "node: bad option: --experimental-wasm-eh" */
	if (find_in(s, end, "requires node v") || find_in(s, end, "requires Node.js") || is_engine_check(s, end) ||
	    starts_with(s, end, "node: bad option: ")) {
		*tool = "node";
		return 70;
	}
	/*
	 * glibc's loader: "python3: symbol lookup error: /x/m.so: undefined symbol: PyX", and a
	 * program that cannot start: "clang: error while loading shared libraries: libatomic.so.1:
	 * cannot open shared object file: No such file or directory" (elf/dl-error-skeleton.c)
	 */
	if (find_in(s, end, ": symbol lookup error: ") || find_in(s, end, "error while loading shared libraries: ")) {
		*tool = "error";
		return 60;
	}
	/*
	 * wasmtime's linker, also where an embedder glued its own text before it
	 * ("Unknown: src/plugins.rs:135:36unknown import: `m::f` has not been
	 * defined"), and Windows cmd's command not found
	 */
	if (find_in(s, end, "unknown import: `") ||
	    find_in(s, end, "is not recognized as an internal or external command")) {
		*tool = "error";
		return 80;
	}
	/*
	 * wasm-bindgen-test-runner's test that never reported (crates/cli/src/bin/wasm-bindgen-test-runner),
	 * Next.js' refusal of eval in its Edge Runtime, TinyGo's check of the Go it runs with, gzip
	 * given what is no archive (an error page downloaded in its place), xmake's refusal of packages
	 * for the platform (its package.lua says it at note level, then stops)
	 */
	if (starts_with(s, end, "Failed to detect test as having been run") ||
	    find_in(s, end, "not allowed in Edge Runtime") || starts_with(s, end, "requires go version ") ||
	    find_in(s, end, ": not in gzip format") ||
	    starts_with(s, end, "note: the following packages are unsupported on ")) {
		*tool = "error";
		/* the test runner's verdict outweighs its driver's SIGKILL that follows it */
		return 60;
	}
	/* lld's duplicate definition or undefined symbol with its "wasm-ld: error: " prefix lost */
	if (starts_with(s, end, "duplicate symbol: ") || starts_with(s, end, "undefined symbol: ")) {
		*tool = "linker";
		return 80;
	}
	if (find_in(s, end, "is not a supported wheel on this platform")) {
		*tool = "pip";
		return 60;
	}
	if (starts_with(s, end, "npm ERR!") || starts_with(s, end, "npm error ")) {
		if (is_npm_wrapper(s, end)) {
			*tool = "wrapper";
			return 40;
		}
		const char *msg = span_of(s + (s[4] == 'E' ? 8 : 10), end, " ");
		const char *own_why = *why, *own_tool = *tool;
		int own;

		/* npm 7+ relays a failed script's output ("npm ERR! error[E0425]: ..."): a tool's error line weighs as its own */
		if (msg < end && (own = line_weight(msg, end, &own_why, &own_tool)) > 60) {
			*why = own_why;
			*tool = own_tool;
			return own;
		}
		/* a relayed line that says no failure is no error of npm's */
		if (!is_npm_code(s, end) && !says_npm_failure(msg, end))
			return 0;
		*tool = "npm";
		return 60;
	}
	/*
	 * wasmtime's trap of an access its guard pages caught, and any trap it shows
	 * (crates/wasmtime/src/runtime/trap.rs: "wasm trap: %s");
	 * wazero's refusal of a function body (internal/wasm/module.go: "invalid function[%d]: %w");
	 * WAMR's iwasm (product-mini/platforms/posix/main.c: "WASM module load failed: %s"); an
	 * engine's error at a module offset; Pyodide's own errors' request to report them; Emscripten's
	 * dynamic linker (library_dylink.js: "Dynamic linking error: cannot resolve symbol %s"); a
	 * development server's error response; a shell that cannot find a program (bash's, sh's
	 * "NAME: command not found"); wazero's type section decoder
	 */
	if (starts_with(s, end, "memory fault at wasm address ") || starts_with(s, end, "wasm trap: ") ||
	    find_in(s, end, "invalid function[") || starts_with(s, end, "WASM module load failed: ") ||
	    starts_with(s, end, "WASM module instantiate failed: ") || is_module_offset_error(s, end) ||
	    find_in(s, end, "This is a problem with Pyodide, please open an issue") ||
	    starts_with(s, end, "Dynamic linking error: ") || is_http_server_error(s, end) ||
	    ends_with(s, end, ": command not found") || find_in(s, end, "-th type: invalid byte: ")) {
		*tool = "error";
		return 50;
	}
	/*
	 * Node's V8 fatal error handler (src/node_errors.cc: "FATAL ERROR: %s %s"): the process is gone;
	 * so is one at an llvm_unreachable or binaryen's WASM_UNREACHABLE ("UNREACHABLE executed at F:N!"),
	 * and V8 where it stops itself with its parameters' dump (isolate.cc's PushParamsAndDie:
	 * "Stacktrace:", "ptr1=0x...", "failure_message_object=0x...") or with its fatal banner
	 * (base/logging.cc: "# Fatal error in F, line N"; "Received signal N" of its stack dumper); the
	 * other engines' and runtimes' crash banners: SpiderMonkey's assertion and MOZ_CRASH (after a
	 * "[PID] " since Firefox 128) and a test harness's PROCESS-CRASH, JavaScriptCore's (WTF's
	 * "ASSERTION FAILED: ", "SHOULD NEVER BE REACHED"), Deno's and Bun's crash handlers (Bun 1.0:
	 * "SegmentationFault at 0x10")
	 */
	if (is_crash_banner(s, end) || is_kernel_death(s, end)) {
		*tool = "crash";
		return 60;
	}
	if (is_maturin_failed(s, end)) {
		*tool = "wrapper";
		return 40;
	}
	/*
	 * wasmtime's head of a trap's backtrace (crates/wasmtime/src/runtime/trap.rs), also after an
	 * embedder's own words ("pglite exited unexpectedly: "): the trap's reason, when shown, follows
	 */
	if (find_in(s, end, "error while executing at wasm backtrace:")) {
		*tool = "wrapper";
		return 40;
	}
	/*
	 * cmake -E copy's failure (cmcmd.cxx: "Error copying file \"%s\" to \"%s\".", also "(if different)"
	 * and "directory"), a downloader's: Trunk's "error downloading archive file: 404" (src/tools.rs)
	 */
	if (starts_with(s, end, "Error while ") || starts_with(s, end, "critical ") ||
	    starts_with(s, end, "Error copying file ") || starts_with(s, end, "Error copying directory ") ||
	    starts_with(s, end, "error downloading ") || starts_with(s, end, "Error downloading ") ||
	    is_pyodide_emscripten_check(s, end)) {
		*tool = "error";
		return 50;
	}
	if ((weight = build_tool_error(s, end, tool)))
		return weight;
	if (starts_with(s, end, "ERROR:") || starts_with(s, end, "ERROR ")) {
		if (is_pip_wrapper(s + 6, end)) {
			*tool = "wrapper";
			return 40;
		}
		*tool = find_in(s, end, "wheel") || find_in(s, end, "distribution") ? "pip" : "error";
		return 50;
	}
	if ((x = runner_failure_tool(s, end))) {
		*tool = x;
		return 50;
	}
	if (is_program_os_error(s, end) || is_logrus_error(s, end)) {
		*tool = "error";
		return 50;
	}
	return 0;
}

/*
 * The path of the "-->" line that follows rustc's error line ending at EOL
 * (within the next few lines, before the next message), or NULL; its end
 * (before ":LINE:COL") in *LOC_END.
 */
static const char *rustc_location(const char *eol, const char *end, const char **loc_end)
{
	const char *line = eol < end ? eol + 1 : end;

	for (int i = 0; i < 3 && line < end; i++) {
		const char *e = memchr(line, '\n', (size_t)(end - line)), *p, *q;

		if (!e)
			e = end;
		for (p = logline_own_text(line, e); p < e && isspace((unsigned char)*p); p++)
			;
		if (starts_with(p, e, "--> ")) {
			/* the rest of the line: a path can have spaces ("C:\\Users\\Jane Doe\\", a redacted "<my name>") */
			for (p += 4, q = e; q > p && isspace((unsigned char)q[-1]); q--)
				;
			/* path:LINE:COL; a Windows path has a drive colon of its own */
			for (int k = 0; k < 2 && q > p; k++) {
				const char *c = q;

				while (c > p && isdigit((unsigned char)c[-1]))
					c--;
				if (c > p && c < q && c[-1] == ':')
					q = c - 1;
			}
			*loc_end = q;
			return p;
		}
		if (error_word_at(p, e) || starts_with(p, e, "warning"))
			break;
		line = e + 1;
	}
	return NULL;
}

/*
 * The line of rustc's snippet under the error line ending at EOL (before
 * the next message, at most 12 lines on) that labels a type mismatch
 * ("^ expected `u64`, found `usize`"), or NULL; its end in *LABEL_END.
 */
static const char *rustc_type_label(const char *eol, const char *end, const char **label_end)
{
	const char *line = eol < end ? eol + 1 : end;

	for (int i = 0; i < 12 && line < end; i++) {
		const char *e = memchr(line, '\n', (size_t)(end - line)), *p = line, *x;

		if (!e)
			e = end;
		while (p < e && isspace((unsigned char)*p))
			p++;
		if (error_word_at(p, e) || starts_with(p, e, "warning"))
			break;
		if (memchr(p, '|', (size_t)(e - p)) && (x = find_in(p, e, "expected `")) &&
		    find_in(x, e, ", found `")) {
			*label_end = e;
			return x;
		}
		line = e + 1;
	}
	return NULL;
}

/*
 * The predicate of the "#[cfg(...)]" (or "#![cfg(...)]") at [P, E), or NULL;
 * its end (before the matching parenthesis) in *PRED_END.
 */
static const char *cfg_predicate(const char *p, const char *e, const char **pred_end)
{
	const char *c = find_in(p, e, "#[cfg("), *q;
	int depth = 1;

	if (!c && (c = find_in(p, e, "#![cfg(")))
		c++;
	if (!c)
		return NULL;
	for (q = c + 6; q < e; q++) {
		if (*q == '(')
			depth++;
		else if (*q == ')' && --depth == 0)
			break;
	}
	if (q == e || q == c + 6)
		return NULL;
	*pred_end = q;
	return c + 6;
}

/*
 * The cfg predicate of an item rustc found configured out, under the error
 * line ending at EOL (its notes, before the next message, at most 40 lines
 * on), or NULL; its end in *GATE_END. rustc points at the gate with a label
 * under the attribute's line ("------ the item is gated here") or with a
 * note whose snippet shows it within three lines.
 */
static const char *rustc_gate(const char *eol, const char *end, const char **gate_end)
{
	const char *line = eol < end ? eol + 1 : end, *prev = NULL, *prev_end = NULL;

	for (int i = 0; i < 40 && line < end; i++) {
		const char *e = memchr(line, '\n', (size_t)(end - line)), *p, *g;

		if (!e)
			e = end;
		/* a paste's decorations (a compose service's, a quote's) before rustc's own text */
		for (p = logline_own_text(line, e); p < e && isspace((unsigned char)*p); p++)
			;
		if (error_word_at(p, e) || starts_with(p, e, "warning"))
			break;
		if (find_in(p, e, "the item is gated here")) {
			if (!starts_with(p, e, "note:"))
				return prev ? cfg_predicate(prev, prev_end, gate_end) : NULL;
			for (int k = 0; k < 3 && e < end; k++) {
				const char *n = e + 1, *ne = memchr(n, '\n', (size_t)(end - n));

				if (!ne)
					ne = end;
				if ((g = cfg_predicate(n, ne, gate_end)))
					return g;
				e = ne;
			}
			return NULL;
		}
		prev = p;
		prev_end = e;
		line = e + 1;
	}
	return NULL;
}

/* ---- failures that are no breakage, in the tools' own words ---- */

/* Whether [S, END) is a Go compiler's error: "main.go:4:6: message" (a path ending in .go, then a place). */
static int is_go_error(const char *s, const char *end)
{
	const char *p = s, *d;

	while (p < end && p - s < 256 && *p != ' ' && !(*p == '.' && starts_with(p, end, ".go:")))
		p++;
	if (p == s || !starts_with(p, end, ".go:"))
		return 0;
	d = span_of(p + 4, end, "0123456789");
	if (d == p + 4 || d == end || *d != ':')
		return 0;
	p = span_of(d + 1, end, "0123456789");
	return p > d + 1 && end - p > 2 && p[0] == ':' && p[1] == ' ' && !isspace((unsigned char)p[2]);
}

/*
 * The weight of line [LINE, EOL), which line_weight reads as no error, as a
 * failure that names no breakage (0: none), its tool in *TOOL; OWN is its
 * text after the decorations, WHY past its indent. Each is taken only in its
 * tool's own shape: git's die() on a remote it cannot reach or log in to
 * (http.c "unable to access '%s': %s", prompt.c "could not read %s: %s",
 * connect.c "Could not read from remote repository.", remote-curl.c
 * "repository '%s' not found", "Authentication failed for '%s'"), ssh's
 * refusal (sshconnect2.c "Permission denied (%s)."), bash's fork that gave up
 * (jobs.c: sys_error("fork"); its "fork: retry: ..." tries again), miette's
 * report head ("× ..."), pytest's failed assertion (_pytest/_code/code.py:
 * "E       assert 3 == 4") and Jest's matcher hint (jest-matcher-utils
 * matcherHint: "expect(received).toBe(expected)").
 */
static int failure_weight(const char *line, const char *own, const char *why, const char *eol, const char **tool)
{
	static const char *const git[] = { "fatal: unable to access '",
					   "fatal: could not read Username for '",
					   "fatal: could not read Password for '",
					   "fatal: Could not read from remote repository.",
					   "fatal: Authentication failed for '",
					   "fatal: repository '" };
	const char *p = line, *te = eol;

	while (te > why && isspace((unsigned char)te[-1]))
		te--;
	while (p < own && isspace((unsigned char)*p))
		p++;
	if (why == te)
		return 0;
	*tool = "git";
	if (*why == 'f' && starts_with_any(why, te, git, sizeof(git) / sizeof(*git)) &&
	    (why[7] != 'r' || ends_with(why, te, "' not found")))
		return 50;
	*tool = "ssh";
	if (te[-1] == '.' && ends_with(why, te, ").") && find_in(why, te, ": Permission denied ("))
		return 50;
	*tool = "error";
	if (ends_with(why, te, ": fork: Resource temporarily unavailable"))
		return 50;
	if (ends_with(line, own, LOGLINE_MIETTE_HEAD))
		return 50;
	*tool = "python";
	/* the tag is the last decoration before the assertion, whatever a paste put before it */
	if (own - p >= 4 && memcmp(own - 4, "E   ", 4) == 0 && starts_with(why, te, "assert "))
		return 90;
	*tool = "test";
	if (starts_with(why, te, "expect(received).") || starts_with(why, te, "expect(jest.fn())."))
		return 51;
	/* Go's compilers (gc, TinyGo) say an error as "FILE.go:LINE:COL: message", no level word */
	*tool = "error";
	if (is_go_error(why, te))
		return 80;
	/* emcc's failed child ("'CMD' failed (returned N)") with its "emcc: error: " cut off in the paste */
	*tool = "wrapper";
	if (te[-1] == ')' && (find_in(why, te, "' failed (returned ") || find_in(why, te, "' failed (received ")))
		return 40;
	*tool = "error";
	return 0;
}

/*
 * Where the error a Node error's cause property holds starts in [S, END)
 * (util.inspect: "[cause]: Error: ...", or "cause: Error: ..." for one set
 * as an own property, as undici's fetch does), or NULL: the root cause of the
 * error above it ("TypeError: fetch failed").
 */
static const char *js_cause(const char *s, const char *end)
{
	if (starts_with(s, end, "[cause]: "))
		return s + 9;
	if (starts_with(s, end, "cause: "))
		return s + 7;
	return NULL;
}

/* Whether OWN, whose text starts at WHY, is indented by the two spaces of uv's "  Caused by: " lines. */
static int is_uv_cause(const char *own, const char *why)
{
	return why - own == 2 && own[0] == ' ' && own[1] == ' ';
}

/* ---- keeping the heaviest lines ---- */

/* Whether A goes before B: the earlier log, then the heavier, then the earlier line. */
static int span_before(const struct span *a, const struct span *b)
{
	if (a->log != b->log)
		return a->log < b->log;
	if (a->weight != b->weight)
		return a->weight > b->weight;
	return a->lineno < b->lineno;
}

static int same_text(const struct span *a, const struct span *b)
{
	size_t na = (size_t)(a->end - a->start), nb = (size_t)(b->end - b->start);

	if (na > EVIDENCE_LINE_MAX)
		na = EVIDENCE_LINE_MAX;
	if (nb > EVIDENCE_LINE_MAX)
		nb = EVIDENCE_LINE_MAX;
	return na == nb && memcmp(a->start, b->start, na) == 0;
}

/* Adds C to the N kept spans (at most EVIDENCE_MAX_LINES, kept in order). */
static void keep(struct span *kept, size_t *n, const struct span *c)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (same_text(&kept[i], c)) {
			/* a cause chain's last item, already kept as a plain line, outweighs it now */
			if (c->weight <= kept[i].weight) {
				/* a cause that its line says in words made something fail is an error of its own */
				kept[i].cause_only &= c->cause_only;
				return;
			}
			memmove(&kept[i], &kept[i + 1], (*n - i - 1) * sizeof(*kept));
			(*n)--;
			break;
		}
	if (*n == EVIDENCE_MAX_LINES) {
		if (!span_before(c, &kept[*n - 1]))
			return;
		(*n)--;
	}
	for (i = *n; i > 0 && span_before(c, &kept[i - 1]); i--)
		kept[i] = kept[i - 1];
	kept[i] = *c;
	(*n)++;
}

/* Whether [S, END) says it is a warning: its causes are no error. */
static int is_warning(const char *s, const char *end)
{
	return find_in(s, end, "warning") || find_in(s, end, "Warning") || find_in(s, end, "WARN");
}

/*
 * The item of a "Caused by:" chain (cargo's, anyhow's "Error: ..." of
 * wasmtime and other Rust tools) that line [S, END) starts, or NULL: an
 * indented line right after "Caused by:" (ITEM_OPEN 0; its indent goes to
 * *INDENT), or a numbered one ("    1: ...") at that indent. Other indented
 * lines continue the item before (a numbered backtrace under it, too),
 * except after wgpu's context items (ITEM, ITEM_END: "In a RenderPass",
 * "In Device::create_bind_group"): each line at their indent but a "note: "
 * is the next, the last the error itself.
 */
static const char *cause_item(const char *s, const char *end, int item_open, size_t *indent, const char *item,
			      const char *item_end)
{
	const char *p = s, *d;

	if (p == end || !isspace((unsigned char)*p))
		return NULL;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end)
		return NULL;
	if (!item_open)
		*indent = (size_t)(p - s);
	if ((d = number_mark_end(p, end)) && (size_t)(p - s) == *indent) {
		const char *t = span_of(d, end, " ");

		/* a frame of wasmtime's backtrace ("0:    0x629 - m.wasm!f") that lost its deeper indent */
		if (!(item_open && starts_with(t, end, "0x") && find_in(t, end, " - ")))
			return d;
	}
	if (item_open && item && (size_t)(p - s) == *indent && starts_with(item, item_end, "In ") &&
	    !starts_with(p, end, "note: "))
		return p;
	return item_open ? NULL : p;
}

/* Whether [S, END) is a "Caused by:" alone, a chain's label (the head of one a paste cut) */
static int is_bare_caused_by(const char *s, const char *end)
{
	return end - s == 10 && starts_with(s, end, "Caused by:");
}

/*
 * Keeps the last item of a cause chain, CAUSE, of head line HEAD: the root
 * cause of the error the head reports (each item is the context of the
 * next), so it outweighs the head, with the head's tool ("failed to get
 * `x` as a dependency" -> "[6] Could not resolve host"). A head that only
 * says a step failed (a wrapper), or that quotes its cause already, gives
 * it nothing, and so does a last item that is a wrapper itself (cargo
 * install's "failed to compile `x`" -> "could not compile `x`": the
 * compiler's errors above are the cause).
 */
static void keep_cause(struct span *kept, size_t *n, const struct span *head, struct span *cause)
{
	int weight = head->weight + 1;
	const char *msg = cause->start;

	/* a failure-crate cause is quoted with its "Caused by: ", its message compared without */
	if (msg && starts_with(msg, cause->end, "Caused by: "))
		msg += 11;
	if (msg && head->start && is_wrapper(msg, cause->end) && is_bare_caused_by(head->start, head->end)) {
		/* a chain whose head the paste cut off, its root only saying a step failed: nothing else says why */
		cause->cause_only = 0;
		cause->tool = "wrapper";
		cause->weight = 40;
		keep(kept, n, cause);
		return;
	}
	if (!msg || head->weight <= 40 || is_wrapper(msg, cause->end) ||
	    memmem(head->start, (size_t)(head->end - head->start), msg, (size_t)(cause->end - msg)))
		return;
	cause->cause_only = 0;
	if (cause->weight < weight) {
		/* color-eyre's bare "Error:" names no tool: a cause that names its own keeps it */
		if (!cause->weight || !is_bare_error_head(head->start, head->end))
			cause->tool = head->tool;
		cause->weight = weight;
	}
	keep(kept, n, cause);
}

/*
 * Keeps what a child said last, SAID, as the cause of head line HEAD: as a
 * cause chain's root (keep_cause), or, for a cargo build script (SCRIPT),
 * above cargo's "failed to run custom build command", which only says that
 * the script failed; an error line elsewhere still outweighs it.
 */
static void keep_child_cause(struct span *kept, size_t *n, const struct span *head, struct span *said, int script)
{
	if (!script || head->weight > 40) {
		keep_cause(kept, n, head, said);
		return;
	}
	if (!said->start || is_wrapper(said->start, said->end))
		return;
	said->weight = head->weight + 5;
	said->tool = "error";
	said->cause_only = 0;
	keep(kept, n, said);
}

/*
 * R's failure to load a package (library.R: "package or namespace load
 * failed for %s%s:\n %s") says why on its next line, indented by a space;
 * a hook that failed (namespace.R: "%s failed in %s() for '%s',
 * details:\n  call: %s\n  error: %s") says it in its "error: " line. That
 * line, after head line HEAD at [S, END) (S the start of the line after
 * it), is kept as the head's cause.
 */
static void keep_r_load_reason(struct span *kept, size_t *n, const struct span *head, const char *s, const char *end)
{
	struct span cause = *head;

	cause.cause_only = 0;
	cause.loc = cause.label = cause.codes = cause.gate = NULL;
	for (size_t k = 1; k <= 4 && s < end; k++) {
		const char *eol = memchr(s, '\n', (size_t)(end - s)), *te;

		if (!eol)
			eol = end;
		for (te = eol; te > s && isspace((unsigned char)te[-1]); te--)
			;
		if (k == 1 && (te - s < 2 || s[0] != ' ' || isspace((unsigned char)s[1])))
			return;
		if ((k == 1 && !ends_with(s, te, "details:")) || (k > 1 && starts_with(s, te, "  error: "))) {
			cause.start = k == 1 ? s + 1 : s + 2;
			cause.end = te;
			cause.lineno = head->lineno + k;
			keep_cause(kept, n, head, &cause);
			return;
		}
		s = eol + 1;
	}
}

/* ---- errors quoted in prose ---- */

/*
 * Whether [S, END) starts like an error a tool prints: rustc's "error:" and
 * "error[E...]", "TOOL: error" (emcc, wasm-ld, rust-lld), a JS or Python
 * exception ("LinkError: ", "ImportError: "), Emscripten's "Aborted(" and a
 * Rust panic. line_weight decides; this only keeps it off most quoted words.
 */
static int starts_like_error(const char *s, const char *end)
{
	const char *p = span_of(s, end, NAME_CHARS "+$");

	if (starts_with(s, end, "error:") || starts_with(s, end, "error[") || starts_with(p, end, ": error") ||
	    starts_with(s, end, "Aborted(") || starts_with(s, end, "thread '") || starts_with(s, end, "panicked at"))
		return 1;
	return p - s > 5 && p < end && *p == ':' &&
	       (memcmp(p - 5, "Error", 5) == 0 || (p - s > 9 && memcmp(p - 9, "Exception", 9) == 0));
}

/*
 * The end of the quote opened by the CHAR Q before S (a backtick, ' or "),
 * within END, or END: the first Q that closes more than opens, a Q after a
 * word and before none closing, one before a word opening ("`error: linker
 * `cc` not found`").
 */
static const char *quote_end(const char *s, const char *end, char q)
{
	int depth = 1;

	for (const char *p = s; p < end; p++) {
		if (*p != q)
			continue;
		if (p + 1 < end && is_ident(p[1]) && (p == s || !is_ident(p[-1])))
			depth++;
		else if ((p + 1 == end || !is_ident(p[1])) && --depth == 0)
			return p;
	}
	return end;
}

/*
 * An error quoted in the prose of line [S, END) (an issue's title, "fails
 * with `LinkError: ...`"): where it starts, or NULL; its end in *QEND, its
 * weight as a line in *WEIGHT and its tool in *TOOL. A quote opens after no
 * word (an apostrophe is no quote); a run of three backticks is a code fence.
 */
static const char *quoted_error(const char *s, const char *end, const char **qend, int *weight, const char **tool)
{
	size_t n = (size_t)(end - s);

	/* most lines quote nothing: memchr passes them faster than the loop below */
	if (!memchr(s, '`', n) && !memchr(s, '\'', n) && !memchr(s, '"', n))
		return NULL;
	for (const char *p = s; p < end; p++) {
		const char *open = p, *why;

		if ((*p != '`' && *p != '\'' && *p != '"') || (p > s && is_ident(p[-1])))
			continue;
		while (open < end && *open == *p)
			open++;
		if (open - p >= 3 || !starts_like_error(open, end)) {
			p = open - 1;
			continue;
		}
		*qend = quote_end(open, end, *p);
		*weight = line_weight(open, *qend, &why, tool);
		if (*qend - open >= 10 && *weight > 40 && why == open)
			return open;
		p = open - 1;
	}
	return NULL;
}

/*
 * The weight of line [LINE, END) whose own text starts at OWN (logline_own_text)
 * and its tool, where it starts in *WHY: a decorated line weighs as the line it
 * decorates, or else as itself ("##[error]Process completed ..."), or else as an
 * error when its decoration was an error level.
 */
static int decorated_weight(const char *line, const char *own, const char *end, const char **why, const char **tool)
{
	int weight;

	if (own != line && (weight = line_weight(own, end, why, tool)))
		return weight;
	/*
	 * a logger's error level before a message in words of its own (WasmEdge's
	 * "[error] validation failed: ..."): the level is no part of the message
	 */
	if (logline_error_level(line, own)) {
		*why = own;
		*tool = "error";
		return 50;
	}
	return line_weight(line, end, why, tool);
}

/* The weight of a value thrown by a name no exception word knows, its stack under it. */
#define THROWN_WEIGHT 70

/* The weight of an IPython traceback's header ("ValueError   Traceback (most recent call last)") alone. */
#define IPYTHON_CUT_WEIGHT 50

/* The weight of a Python traceback a paste cut after a frame, before its exception's line. */
#define PY_CUT_WEIGHT 50

/* The weight of an error quoted in prose: below any error line of a log's own, which always wins. */
#define QUOTED_WEIGHT 30

/* The weight of a line that only says in words that something failed (failword.h): the last resort. */
#define PLAIN_WEIGHT 20

/*
 * How near the end of its log such a line must be: a failure a log goes on
 * from for more lines (make's failed uname probe before the build, a debug
 * trace's "symbols not found") was survived. Stack frames ("at ...") under
 * it are not counted: they are its own trace. The log's first line is the
 * exception: a failure a log opens with counts unless a later line says a
 * step finished (failword_success: git's "fatal: not a git repository"
 * before a build that succeeds).
 */
#define PLAIN_TAIL 5

/*
 * The weight of such a line printed just before a wrapper (Emscripten's
 * "Aborted()", "Command failed: ...") when the log has no other error line:
 * above the wrapper's, whose cause it says (a failed assertion, Postgres's
 * "PANIC:", glog's "Check failed:").
 */
#define WRAPPED_PLAIN_WEIGHT 41

/*
 * Whether unindented line [S, END) in a Python traceback goes on with a
 * frame's head whose file name has line breaks in it (marimo's cells:
 * "  Cell ", "marimo://notebook.py#cell=cell-1", ", line 8, in <module>"):
 * a URL alone on its line, or the rest of the head after it.
 */
static int continues_frame(const char *s, const char *end)
{
	const char *p = span_of(s, end, "abcdefghijklmnopqrstuvwxyz");

	return starts_with(s, end, ", line ") || (p > s && starts_with(p, end, "://") && !has_space(p, end));
}

/*
 * Whether [S, END) is webpack's import trace under a module error ("Import
 * trace for requested module:" and the relative paths it lists, one a line):
 * the failure's own trace, like a stack.
 */
static int is_import_trace(const char *s, const char *end)
{
	if (starts_with(s, end, "Import trace for requested module"))
		return 1;
	return (starts_with(s, end, "./") || starts_with(s, end, "../")) && !has_space(s, end);
}

/* Whether [S, END) is a numbered native frame: "#3 0x55ef41d1c9b3 in wasm_parse_module src/x.c:12". */
static int is_numbered_frame(const char *s, const char *end)
{
	const char *p;

	if (s == end || *s != '#')
		return 0;
	p = span_of(s + 1, end, "0123456789");
	if (p == s + 1 || p == end || *p != ' ')
		return 0;
	p++;
	return starts_with(p, end, "0x") && find_in(p, end, " in ");
}

/*
 * Whether [S, END) is a frame of Node's native stack, under "----- Native stack trace -----"
 * (src/debug_utils.cc): "1: 0x100e7f388 node::NodePlatform::... [/usr/bin/node]"; its number
 * may already be cut as a cause chain's.
 */
static int is_node_native_frame(const char *s, const char *end)
{
	const char *p;

	s = span_of(s, end, " ");
	p = span_of(s, end, "0123456789");
	if (p > s && starts_with(p, end, ": "))
		s = span_of(p + 1, end, " ");
	if (!starts_with(s, end, "0x"))
		return 0;
	p = span_of(s + 2, end, "0123456789abcdefABCDEF");
	return p > s + 2 && p < end && *p == ' ' && end[-1] == ']' && memchr(p, '[', (size_t)(end - p));
}

/*
 * Whether [S, END) is a frame of SpiderMonkey's or JavaScriptCore's stack:
 * "name@url:line:column", "@url:line:column" for an anonymous function.
 */
static int is_at_sign_frame(const char *s, const char *end)
{
	const char *at = memchr(s, '@', (size_t)(end - s));

	return at && ends_line_column(at, end) && !has_space(s, end);
}

/*
 * Whether [S, END) is a frame of a stack copied from Chrome's DevTools console:
 * "name @ url:line[:column]" or a wasm function's "name @ x.wasm:0xe0d70", and
 * the async boundaries between frames ("await in f (async)", "Promise.then (async)").
 */
static int is_devtools_frame(const char *s, const char *end)
{
	const char *at = find_in(s, end, " @ "), *p;

	if (ends_with(s, end, " (async)"))
		return 1;
	if (!at || !(p = memrchr(at, ':', (size_t)(end - at))) || ++p == end)
		return 0;
	if (starts_with(p, end, "0x"))
		return p + 2 < end && span_of(p + 2, end, "0123456789abcdefABCDEF") == end;
	return span_of(p, end, "0123456789") == end;
}

/*
 * Whether [S, END) is the location Node prints over the source line of an
 * uncaught throw ("node:internal/errors:932", "/app/build.mjs:25"): a path or
 * URL and a line number, nothing else.
 */
static int is_throw_site(const char *s, const char *end)
{
	const char *d = end;

	while (d > s && isdigit((unsigned char)d[-1]))
		d--;
	return d < end && d - s > 1 && d[-1] == ':' && !has_space(s, end);
}

/*
 * The own text of the line after the one ending at EOL (within END), its end
 * in *NEXT_EOL; NULL at the log's end. A paste's prefix ("> ", "web-1  | ") on
 * every line is none of it.
 */
static const char *next_own_text(const char *eol, const char *end, const char **next_eol)
{
	if (eol >= end)
		return NULL;
	*next_eol = memchr(eol + 1, '\n', (size_t)(end - eol - 1));
	if (!*next_eol)
		*next_eol = end;
	return logline_own_text(eol + 1, *next_eol);
}

/* Whether the line after the one ending at EOL (within END) is only carets: it points into the line above. */
static int caret_follows(const char *eol, const char *end)
{
	const char *next_eol, *own = next_own_text(eol, end, &next_eol);

	return own && is_caret_line(own, next_eol);
}

/* Whether [S, END) is only a source location, "src/x.rs:192" (color-eyre's "Location:" under its error). */
static int is_bare_location(const char *s, const char *end)
{
	const char *d = end;

	while (d > s && isdigit((unsigned char)d[-1]))
		d--;
	return d < end && d - s > 1 && d[-1] == ':' && !has_space(s, end) && memchr(s, '.', (size_t)(d - s));
}

/*
 * Whether [S, END) is color-eyre's report after its error chain: the
 * "Location:" head, the banners of its backtrace and span trace ("━━━
 * BACKTRACE ━━━"), "⋮ 3 frames hidden ⋮", its hints how to see more.
 */
static int is_eyre_footer(const char *s, const char *end)
{
	return (end - s == 9 && starts_with(s, end, "Location:")) || starts_with(s, end, "━━") ||
	       (starts_with(s, end, "⋮ ") && find_in(s, end, " frames hidden ")) ||
	       starts_with(s, end, "Run with COLORBT_SHOW_HIDDEN=") || starts_with(s, end, "Run with RUST_BACKTRACE=");
}

/* Whether [S, END) is only the punctuation of a JSON object or array the failure was printed in ("}", "],"). */
static int is_json_punctuation(const char *s, const char *end)
{
	return span_of(s, end, "{}[], ") == end;
}

/*
 * Whether [S, END) is a line of a code frame under an error (Babel's, Jest's,
 * rustc's): "> 6 | import x;", "7 | ...", "| ^": source quoted, not said.
 */
static int is_code_frame(const char *s, const char *end)
{
	if (s < end && *s == '>')
		s = span_of(s + 1, end, " ");
	return is_listing_gutter(s, end);
}

/*
 * Whether [S, END) is a line of wazero's trace under its "wasm error: ..."
 * (wazero's internal/wasmdebug): "wasm stack trace:", a frame
 * ".runtime.lookupPanic()" or "env.log(i32,i32) i64", "(recovered by wazero)".
 */
static int is_wazero_frame(const char *s, const char *end)
{
	const char *p = span_of(s, end, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$/-");

	if (starts_with(s, end, "wasm stack trace:") || starts_with(s, end, "(recovered by wazero)"))
		return 1;
	if (p == s || p == end || *p != '(')
		return 0;
	/* the frame's parameter and result types: i32, i64, f32, f64, v128 */
	p = span_of(p + 1, end, "if0123456789v, ");
	if (p == end || *p != ')')
		return 0;
	p = span_of(p + 1, end, " if0123456789v,");
	return p == end || starts_with(p, end, "(recovered by wazero)");
}

/*
 * Whether [S, END) is a line of a failure's own trace, not a line the log went
 * on with: V8's "at ...", SpiderMonkey's and JavaScriptCore's "f@url:1:2", a
 * frame copied from DevTools, a sanitizer's or gdb's numbered frame, Node's native
 * frame, webpack's import trace, the brackets closing the JSON it was printed in,
 * a code frame's quoted source, wazero's trace.
 */
static int is_trace_line(const char *s, const char *end)
{
	return starts_with(s, end, "at ") || is_at_sign_frame(s, end) || is_devtools_frame(s, end) ||
	       is_numbered_frame(s, end) || is_node_native_frame(s, end) || is_rust_frame(s, end) ||
	       is_eyre_footer(s, end) || is_bare_location(s, end) || is_import_trace(s, end) ||
	       is_json_punctuation(s, end) || is_code_frame(s, end) || is_wazero_frame(s, end);
}

/*
 * IPython's traceback header (IPython/core/ultratb.py, as Jupyter, JupyterLite
 * and xeus-python show it): the exception's name, then spaces, then
 * "Traceback (most recent call last)" with no colon, its frames below and
 * "Name: message" at its end. The name's end, or NULL; its start is S.
 */
static const char *ipython_header(const char *s, const char *end)
{
	static const char tail[] = "Traceback (most recent call last)";
	const char *p = s, *t;

	if ((size_t)(end - s) < sizeof(tail) + 2)
		return NULL;
	t = end - (sizeof(tail) - 1);
	while (p < end && (is_ident(*p) || *p == '.'))
		p++;
	if (p == s || t - p < 2 || p[0] != ' ' || p[1] != ' ' || memcmp(t, tail, sizeof(tail) - 1) != 0)
		return NULL;
	if (span_of(p, t, " ") != t)
		return NULL;
	return p;
}

/* Names of a "Name: message" line that logs print before a stack with no failure: Node's console.trace, loggers' levels. */
static const char *const unthrown[] = { "Trace", "Note", "Info", "Debug", "Hint", "Help", "Deprecation" };

/*
 * Whether the line [S, EOL) is a JavaScript value thrown by a name its exception
 * words do not know ("BadResource: Bad resource ID", Deno's error classes; a
 * library's own class), shown as a thrown error is: the line after EOL starts its stack
 * ("    at f (file.js:1:2)"). The name is an identifier with a lower-case
 * letter, not a warning's.
 */
static int is_thrown_with_stack(const char *s, const char *eol, const char *end)
{
	const char *p = s, *next, *next_eol, *own;
	int lower = 0;

	if (s == eol || !isupper((unsigned char)*s))
		return 0;
	while (p < eol && p - s <= 40 && (isalnum((unsigned char)*p) || *p == '_')) {
		lower |= islower((unsigned char)*p);
		p++;
	}
	if (!lower || eol - p < 3 || p[0] != ':' || p[1] != ' ' || ends_with(s, p, "Warning"))
		return 0;
	for (size_t i = 0; i < sizeof(unthrown) / sizeof(*unthrown); i++)
		if ((size_t)(p - s) == strlen(unthrown[i]) && starts_with(s, p, unthrown[i]))
			return 0;
	if (!(own = next_own_text(eol, end, &next_eol)))
		return 0;
	next = span_of(own, next_eol, " \t");
	return next > own && starts_with(next, next_eol, "at ");
}

static void read_log(struct span *kept, size_t *n, const char *text, size_t len, size_t log)
{
	const char *end = text + len, *line = text;
	/* chain: 0 none, 1 after "Caused by:", 2 in an item, 3 in unindented "Caused by: ..." lines */
	/* flat_tb: the traceback's frames are not indented (a poster lost them): its exception is named */
	int in_traceback = 0, flat_tb = 0, chain = 0, eyre_chain = 0;
	int child = 0; /* in a child's stderr: 1 none of its lines an error yet, 2 one was */
	int child_script = 0; /* that child is a cargo build script, which a wrapper line reports */
	int maturin = 0; /* after maturin's failure line */
	int load_failed = 0; /* after Pyodide's "The following error occurred while loading X:" */
	int dynlib = 0; /* after Pyodide's dynamic-lib ImportError ending a traceback */
	int real = 0; /* an error line of the log's own was kept */
	const char *ipy = NULL, *ipy_end = NULL; /* the exception of IPython's traceback header */
	int miette = 0; /* after a miette report's head ("× "): its "╰─▶ " item is the root cause */
	int warning_open = 0; /* the last line was a warning whose message goes on in the next one */
	int r_warnings = 0; /* in R's "Warning messages:" list, which a blank line ends */
	struct span macro = { 0 }; /* rustc's error that a procedural macro panicked, until a blank line */
	int py_ignored = 0; /* after Python's "Exception ignored ...": the traceback that follows was survived */
	int bindgen_fallback = 0; /* the last line was wasm-bindgen's notice that it falls back, its error next */
	size_t said_lines = 0, plain_at = 0; /* lines with text so far; the count at the plain line */
	int success_after = 0; /* a line after the first plain one says a step finished */
	int unwrapped = 0; /* an error line of the log's own other than a wrapper's was kept */
	size_t wrap_gap = PLAIN_TAIL; /* said lines from the plain line to the first wrapper's */
	int ipy_followed = 0; /* a line came after IPython's header: its traceback, not a quote */
	int py_cut = 0; /* the log so far ends in a traceback's frame: 1 its "File" line, 2 its source line too */
	size_t py_indent = 0; /* that "File" line's indent: its source line is indented deeper */
	size_t lineno = 0, indent = 0, codes_lineno = 0;
	size_t site_line = 0; /* the line of the last location of a throw's source (is_throw_site) */
	struct span head = { 0 }, cause = { 0 }, said = { 0 }, last = { 0 }, quoted = { 0 }, plain = { 0 },
		    first_plain = { 0 }, ipy_head = { 0 }, py_frame = { 0 }, wrapped = { 0 };
	const char *codes = NULL, *codes_end = NULL; /* rustc's last summary of error codes */

	while (line < end) {
		const char *eol = memchr(line, '\n', (size_t)(end - line)), *why, *tool, *item, *te, *own, *q, *qe;
		struct span c;
		int base, weight, cause_only = 0, qw, in_warning, throw_source;
		const char *named, *tb;

		if (!eol)
			eol = end;
		lineno++;
		/* the line's own text, after what a CI system or a paste put before it; its indent kept */
		own = logline_own_text(line, eol);
		weight = base = decorated_weight(line, own, eol, &why, &tool);
		if (!weight) {
			for (why = own; why < eol && isspace((unsigned char)*why); why++)
				;
			why = after_cause_number(own, why, eol);
			weight = base = failure_weight(line, own, why, eol, &tool);
			if (!weight && is_thrown_with_stack(why, eol, end)) {
				weight = base = THROWN_WEIGHT;
				tool = "js";
			}
		}
		/* a Node error's cause reads as its own error, the root of the one above */
		if (weight >= 90 && (q = js_cause(why, eol))) {
			why = q;
			tool = "js";
			weight = weight > 91 ? weight : 91;
		}
		/* a line that says it is no error (failword.h): winit's exception that unwinds the JS stack */
		if ((base == 90 && (is_stream_fallback(why, eol, end) ||
				    (bindgen_fallback && starts_with(why, eol, "TypeError: ")))) ||
		    (weight && failword_denied(why, eol)))
			weight = base = 0;
		/* Node's report of an uncaught throw quotes the throwing line between its location and a caret */
		throw_source = site_line && site_line + 1 == lineno && caret_follows(eol, end);
		if (throw_source)
			weight = base = 0;
		/* a comment ("# ...": a shell's, a pasted header) names no cause */
		if ((named = names_cause(why, eol)) && !is_warning(line, eol) && *why != '#') {
			if (!weight)
				tool = "error";
			cause_only = !weight;
			weight = (weight ? weight : 50) + 5;
		}
		if (weight > 40 &&
		    (is_npm_code(why, eol) || is_error_count_head(why, eol) || is_autoconf_dir_head(why, eol)))
			weight--;
		for (te = eol; te > why && isspace((unsigned char)te[-1]); te--)
			;
		/* a line quoted whole (logline.c) ends before its closing quote */
		if (own > line && own[-1] == '"' && why == own && te > why && te[-1] == '"')
			te--;
		in_warning = warning_open || r_warnings || py_ignored || bindgen_fallback;
		site_line = why < te && is_throw_site(why, te) ? lineno : 0;
		if (why < te) {
			warning_open = is_warning(line, eol) && (te[-1] == ':' || te[-1] == ',');
			/* a Python traceback's frames and source lines are its failure's own trace too */
			ipy_followed |= ipy != NULL;
			if (!is_trace_line(why, te) && !in_traceback) {
				said_lines++;
				success_after |= first_plain.start && failword_success(why, te);
			}
			bindgen_fallback = find_in(why, te, BINDGEN_FALLBACK) != NULL;
			/* the frame's source line is its telling line; carets under it change nothing */
			if (starts_with(why, te, "File \"") && find_in(why, te, "\", line ")) {
				py_cut = 1;
				py_indent = (size_t)(why - own);
				py_frame = (struct span){ .start = why,
							  .end = te,
							  .tool = "python",
							  .weight = PY_CUT_WEIGHT,
							  .log = log,
							  .lineno = lineno };
			} else if (py_cut == 1 && (size_t)(why - own) > py_indent && !is_caret_line(why, te)) {
				py_cut = 2;
				py_frame.start = why;
				py_frame.end = te;
				py_frame.lineno = lineno;
			} else if (!py_cut || !is_caret_line(why, te)) {
				py_cut = 0;
			}
		}
		/* R prints the warnings it deferred as a list under this head (errors.c: PrintWarnings) */
		if (why == te || starts_with(why, te, "Error"))
			r_warnings = 0;
		else if ((te - why == 16 && starts_with(why, te, "Warning message:")) ||
			 (te - why == 17 && starts_with(why, te, "Warning messages:")))
			r_warnings = 1;
		/* rustc's summary of its error codes ("Some errors occurred: " before 1.35) */
		if (starts_with(why, te, "Some errors have detailed explanations: ") ||
		    starts_with(why, te, "Some errors occurred: ") ||
		    starts_with(why, te, "For more information about this error, try `rustc --explain E")) {
			codes = why;
			codes_end = te;
			codes_lineno = lineno;
		}
		/* maturin's cause chain, outermost first: the last is the root cause, an error of its own */
		if (maturin && starts_with(why, te, MATURIN_CAUSE)) {
			const char *m = why + strlen(MATURIN_CAUSE);

			weight = is_maturin_wrapper(m, te) ? 40 : names_cause(m, te) ? 55 : 50;
			last = (struct span){ .start = m,
					      .end = te,
					      .tool = weight == 40 ? "wrapper" : "error",
					      .weight = weight,
					      .log = log,
					      .lineno = lineno };
			line = eol + 1;
			continue;
		}
		if (maturin && last.start)
			keep(kept, n, &last);
		maturin = is_maturin_failed(why, te);
		last.start = NULL;
		if (is_bare_caused_by(why, te) && (head.weight || said_lines == 1)) {
			/* a chain whose head the paste cut off: its root cause is the log's error */
			if (!head.weight)
				head = (struct span){ .start = why,
						      .end = te,
						      .tool = "error",
						      .weight = 50,
						      .log = log,
						      .lineno = lineno };
			chain = 1;
			line = eol + 1;
			continue;
		}
		/*
		 * The failure crate's chain (wasm-pack 0.x): unindented "Caused by: ..."
		 * lines, one a cause, the last the root; uv's, indented by two
		 * (crates/uv/src/lib.rs: "  Caused by: ..."), too.
		 */
		if ((chain == 0 || chain == 3) && head.weight && (why == own || is_uv_cause(own, why)) &&
		    te - why > 11 && starts_with(why, te, "Caused by: ")) {
			/* uv's cause is told without its label; the failure crate's keeps it, as before */
			cause = (struct span){ .start = why == own ? why : why + 11,
					       .end = te,
					       .tool = tool,
					       .weight = weight,
					       .log = log,
					       .lineno = lineno,
					       .cause_only = cause_only };
			chain = 3;
			line = eol + 1;
			continue;
		}
		/*
		 * uv's error about a child (an interpreter query, a build backend)
		 * ends in the child's "[stderr]", cargo's about a build script in its
		 * "--- stderr": when none of its lines is an error, the last it said
		 * (before a blank line) is the cause.
		 */
		if (((te - why == 8 && starts_with(why, te, "[stderr]")) ||
		     (te - why == 10 && starts_with(why, te, "--- stderr"))) &&
		    head.weight) {
			/* the child's own output is the cause of uv's last "Caused by: " item */
			if (chain == 3) {
				chain = 0;
				cause.start = NULL;
			}
			child = 1;
			child_script = why[0] == '-';
			said.start = NULL;
			line = eol + 1;
			continue;
		}
		/* cargo's "--- stdout" under a build script's failure: the script's output follows, no more causes */
		if (chain == 2 && te - why == 10 && starts_with(why, te, "--- stdout")) {
			keep_cause(kept, n, &head, &cause);
			chain = 0;
			cause.start = NULL;
			line = eol + 1;
			continue;
		}
		if (child && why == te) {
			if (child == 1)
				keep_child_cause(kept, n, &head, &said, child_script);
			child = 0;
		} else if (child) {
			said = (struct span){ .start = why, .end = te, .tool = tool, .log = log, .lineno = lineno };
			if (weight > 0)
				child = 2;
		}
		if (chain && chain != 3 && why < te &&
		    (item = cause_item(own, te, chain == 2, &indent, cause.start, cause.end))) {
			cause = (struct span){ .start = item,
					       .end = te,
					       .tool = tool,
					       .weight = weight,
					       .log = log,
					       .lineno = lineno,
					       .cause_only = cause_only };
			chain = 2;
		} else if (chain && why < te && !isspace((unsigned char)*own) &&
			   /* wasmtime's note under a backtrace, its indent lost in a paste, ends no chain */
			   !(chain == 2 && starts_with(why, te, "note: "))) {
			keep_cause(kept, n, &head, &cause);
			chain = 0;
			cause.start = NULL;
		}
		/*
		 * miette's chain under its head ("├─▶ " each cause, "╰─▶ " the last): the last is the root;
		 * its marks end a line's decorations, whatever a paste put before them
		 */
		if (miette && ends_with(line, own, LOGLINE_MIETTE_LAST)) {
			struct span last_item = {
				.start = why, .end = te, .tool = tool, .weight = weight, .log = log, .lineno = lineno
			};

			keep_cause(kept, n, &head, &last_item);
			miette = 0;
		} else if (weight > 0 && ends_with(line, own, LOGLINE_MIETTE_HEAD)) {
			miette = strcmp(tool, "resolver") != 0;
		}
		if (load_failed && why < te) {
			load_failed = 0;
			if (weight < 90) {
				weight = 90;
				tool = "js";
			}
		}
		if (starts_with(logline_after_buildkit(why, te), te, PYODIDE_LOAD_FAILED) && te[-1] == ':')
			load_failed = 1;
		if (dynlib && why < te) {
			dynlib = 0;
			if (weight >= 80 && !in_traceback)
				weight = 96;
		}
		if (ipy && te - why >= ipy_end - ipy && memcmp(why, ipy, (size_t)(ipy_end - ipy)) == 0 &&
		    (te - why == ipy_end - ipy || why[ipy_end - ipy] == ':')) {
			/* IPython's traceback ends in its header's exception: Python's, whatever its name */
			ipy = NULL;
			if (strcmp(tool, "wrapper") != 0) {
				weight = 95;
				tool = "python";
			}
		} else if (!weight && (q = ipython_header(why, te))) {
			ipy = why;
			ipy_end = q;
			ipy_followed = 0;
			ipy_head = (struct span){ .start = why,
						  .end = te,
						  .tool = "python",
						  .weight = IPYTHON_CUT_WEIGHT,
						  .log = log,
						  .lineno = lineno };
		}
		/* CPython's unraisable exception ("Exception ignored in: ...", 3.13's "Exception ignored while ...") */
		if (why == own && starts_with(why, te, "Exception ignored "))
			py_ignored = 1;
		tb = find_in(why, eol, "Traceback (most recent call last):");
		if (tb && (q = folded_exception(tb, eol))) {
			/* a traceback folded onto one line: its exception is the line's last */
			why = q;
			weight = 95;
			tool = "python";
		} else if (tb) {
			/* "PythonError: Traceback ...": the exception comes at the end */
			in_traceback = 1;
			flat_tb = 0;
			weight = weight ? 40 : 0;
			tool = "wrapper";
		} else if (in_traceback && why == own && starts_with(why, eol, "File \"")) {
			flat_tb = 1;
		} else if (in_traceback && why == own && why < eol && !isspace((unsigned char)*why) &&
			   !is_elision(why, eol) && !is_caret_line(why, eol) && !continues_frame(why, eol) &&
			   (!flat_tb || starts_exception(why, eol))) {
			/* The first unindented line after a traceback: its exception (unless it wraps a step's). */
			in_traceback = 0;
			if (py_ignored) {
				/* sys.unraisablehook's report: Python printed it and went on */
				weight = 0;
				py_ignored = 0;
			} else if (strcmp(tool, "wrapper") != 0) {
				weight = 95;
				tool = "python";
				dynlib = is_pyodide_dynlib_error(why, eol);
			}
		} else if (!in_traceback && weight >= 90 && !strcmp(tool, "python")) {
			/* the same exception shown without its traceback (pytest's "E   " lines) */
			dynlib = is_pyodide_dynlib_error(why, eol);
		}
		/* the first error quoted in prose, for a log that shows none of its own */
		if (!weight && !real && !quoted.start && !throw_source && !is_warning(line, eol) &&
		    (q = quoted_error(own, eol, &qe, &qw, &tool)))
			quoted = (struct span){ .start = q,
						.end = qe,
						.tool = tool,
						.weight = QUOTED_WEIGHT,
						.log = log,
						.lineno = lineno };
		/*
		 * The last line that says in words that something failed, for a log
		 * with no error line; one that goes on to name the OS error why
		 * ("Checking X failed. Details: [Errno 13] Permission denied") too.
		 * A relay of a build script's line as cargo's warning ("warning:
		 * pkg@1.0: ") makes it a notice, as a warning word in it would.
		 * The log's first line is kept apart: a paste that opens with its
		 * failure, then what its reporter added (versions, a dump, a table).
		 */
		if ((!weight || (cause_only && names_local_refusal(named, te) && failword_line(why, named))) && !real &&
		    !in_warning && !throw_source && why < te && !find_in(line, why, "warning: ") &&
		    !logline_warning_level(line, why) && failword_line(why, te) &&
		    !goes_on_falling_back(why, te, eol, end)) {
			/* a parent's report of its child's exit after the child's own words ("pub finished with exit code 255") */
			if (!plain.start || !failword_exit(why, te) || said_lines - plain_at >= PLAIN_TAIL)
				plain = (struct span){ .start = why,
						       .end = te,
						       .tool = "error",
						       .weight = PLAIN_WEIGHT,
						       .log = log,
						       .lineno = lineno };
			plain_at = said_lines;
			if (said_lines == 1)
				first_plain = plain;
		}
		/* the macro's panic message, under rustc's error, is its cause */
		if (why == te) {
			macro.start = NULL;
		} else if (macro.start && starts_with(why, te, "= help: message: ")) {
			macro.start = why;
			macro.end = te;
			macro.weight++;
			macro.lineno = lineno;
			keep(kept, n, &macro);
			macro.start = NULL;
		}
		if (weight > 0) {
			if (!cause_only && strcmp(tool, "wrapper") != 0)
				unwrapped = 1;
			else if (!cause_only && !real && plain.start) {
				wrapped = plain;
				wrap_gap = said_lines - plain_at;
			}
			real |= !cause_only;
			c = (struct span){ .start = why,
					   .end = te,
					   .tool = tool,
					   .weight = weight,
					   .log = log,
					   .lineno = lineno,
					   .cause_only = cause_only };
			if (base == 80 && (!strcmp(tool, "rustc") || !strcmp(tool, "error"))) {
				c.loc = rustc_location(eol, end, &c.loc_end);
				c.label = rustc_type_label(eol, end, &c.label_end);
				c.gate = rustc_gate(eol, end, &c.gate_end);
			}
			/* the errors cargo's "could not compile `x`" sums up, when the log kept only their codes */
			if (!strcmp(tool, "wrapper") && codes && lineno - codes_lineno <= 3 &&
			    (find_in(why, eol, "could not compile `") || find_in(why, eol, "Could not compile `"))) {
				c.codes = codes;
				c.codes_end = codes_end;
			}
			/* CMake's header ("CMake Error at FILE:LINE (CMD):") says where; the indented line under it says what */
			if (starts_with(why, te, "CMake Error") && te[-1] == ':')
				cmake_message(&c, eol, end);
			/*
			 * Rust >= 1.73 prints the panic message on the next line; a JS error whose
			 * message a console broke after its API's name ("WebAssembly.instantiate():") too.
			 */
			if (((base == 85 && eol > why && eol[-1] == ':') ||
			     (base == 90 && !strcmp(tool, "js") && te > why && te[-1] == ':')) &&
			    eol < end) {
				const char *next = eol + 1, *next_end = memchr(next, '\n', (size_t)(end - next)),
					   *first;

				if (!next_end)
					next_end = end;
				/* a console's copy may break a JS error's message with an empty line: it goes on below */
				if (base == 90 &&
				    span_of(logline_own_text(next, next_end), next_end, " \t\r") == next_end &&
				    next_end < end) {
					next = next_end + 1;
					next_end = memchr(next, '\n', (size_t)(end - next));
					if (!next_end)
						next_end = end;
				}
				first = span_of(next, next_end, " ");
				/* color-eyre's "Error:" alone, its chain numbered under it ("   0: ..."): the last is the root */
				if (is_bare_error_head(why, te) && after_cause_number(next, first, next_end) != first)
					eyre_chain = 1;
				else
					c.end = next_end;
			}
			keep(kept, n, &c);
			if (!chain && !cause_only)
				head = c;
			if (eyre_chain) {
				chain = 1;
				eyre_chain = 0;
			}
			if (find_in(why, te, "custom attribute panicked") || find_in(why, te, "proc macro panicked") ||
			    find_in(why, te, "proc-macro derive panicked"))
				macro = c;
			if (starts_with(why, te, "Error: package or namespace load failed for ") && te[-1] == ':' &&
			    eol < end) {
				/* the head as printed, not joined to its next line as a JS error's is above */
				struct span h = c;

				h.end = eol;
				keep_r_load_reason(kept, n, &h, eol + 1, end);
			}
		}
		line = eol + 1;
	}
	if (chain)
		keep_cause(kept, n, &head, &cause);
	if (child == 1)
		keep_child_cause(kept, n, &head, &said, child_script);
	if (maturin && last.start)
		keep(kept, n, &last);
	/* an IPython traceback the paste cut before its exception's line (a frame shown): the header names the exception */
	if (!real && ipy && ipy_followed)
		keep(kept, n, &ipy_head);
	/* a wrapper says only that a step failed: the plain words just before it say why */
	if (real && !unwrapped && wrapped.start && wrap_gap <= PLAIN_TAIL) {
		wrapped.weight = WRAPPED_PLAIN_WEIGHT;
		keep(kept, n, &wrapped);
	}
	if (!real && quoted.start)
		keep(kept, n, &quoted);
	else if (!real && plain.start && said_lines - plain_at < PLAIN_TAIL)
		keep(kept, n, &plain);
	else if (!real && first_plain.start && !success_after)
		keep(kept, n, &first_plain);
	else if (!real && py_cut)
		keep(kept, n, &py_frame);
}

/* ---- tokens ---- */

static void add_token(struct evidence_line *l, enum evidence_kind kind, const char *s, size_t n)
{
	if (!n || l->ntokens == EVIDENCE_MAX_TOKENS)
		return;
	for (size_t i = 0; i < l->ntokens; i++)
		if (l->tokens[i].kind == kind && strlen(l->tokens[i].text) == n && !memcmp(l->tokens[i].text, s, n))
			return;
	if (!l->tokens)
		l->tokens = xcalloc(EVIDENCE_MAX_TOKENS, sizeof(*l->tokens));
	l->tokens[l->ntokens].kind = kind;
	l->tokens[l->ntokens++].text = xstrndup(s, n);
}

/* The codes of rustc's summary [P, END): "Some errors have detailed explanations: E0412, E0425." */
static void take_summary_codes(struct evidence_line *l, const char *start, const char *end)
{
	for (const char *p = start; p + 5 <= end; p++) {
		int digits = 0;

		while (digits < 4 && isdigit((unsigned char)p[1 + digits]))
			digits++;
		if (*p == 'E' && digits == 4 && (p == start || !is_ident(p[-1])) && (p + 5 == end || !is_ident(p[5])))
			add_token(l, EVIDENCE_CODE, p, 5);
	}
}

/* A rustc error code: error[E0514]. */
static void take_codes(struct evidence_line *l, const char *t)
{
	for (const char *p = strstr(t, "error[E"); p; p = strstr(p + 1, "error[E")) {
		size_t n = strspn(p + 7, "0123456789");

		if (n && p[7 + n] == ']')
			add_token(l, EVIDENCE_CODE, p + 6, n + 1);
	}
}

static int is_tag_word(const char *s, size_t n)
{
	static const char *const prefixes[] = { "pyodide_",  "pyemscripten_", "emscripten_", "manylinux",
						"musllinux", "macosx_",       "win_",        "linux_" };

	if (n >= 4 && s[0] == 'c' && s[1] == 'p' && s[2] == '3' && strspn(s + 3, "0123456789") == n - 3)
		return 1;
	if (word_is(s, n, "abi3"))
		return 1;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
		if (n > strlen(prefixes[i]) && !strncmp(s, prefixes[i], strlen(prefixes[i])) &&
		    (strncmp(s, "emscripten_", 11) != 0 || isdigit((unsigned char)s[11])))
			return 1;
	return 0;
}

/* Whether the quote at P in T follows another quoted text and a space ("env" "memory"). */
static int after_quoted(const char *t, const char *p)
{
	return p - t >= 2 && p[-1] == ' ' && p[-2] == '"';
}

/*
 * Symbols: quoted names, the name after a word that introduces one, and
 * every identifier with an underscore in it.
 */
static void take_symbols(struct evidence_line *l, const char *t)
{
	static const char *const intro[] = { "symbol", "function" };
	/* words that follow "function" or "symbol" in prose, not names */
	static const char *const prose[] = { "import",  "export", "requires", "is",    "not",       "was",  "in",
					     "of",      "the",    "a",        "an",    "signature", "type", "call",
					     "pointer", "name",   "table",    "index", "with",      "for",  "does" };
	const char *p = t;

	while (*p) {
		const char *q;

		if (*p == '\'' || *p == '"' || *p == '`') {
			char quote = *p == '`' ? '\'' : *p;
			size_t n = strcspn(p + 1, "'\"` "), m = n;

			/* a log quoted in Markdown or a JSON string: \`name\` */
			if (m && p[m] == '\\')
				m--;
			/*
			 * `name' (old GNU style) ends with ', `name` with `; "key": is
			 * JSON's, but V8's Import #1 "env" "memory": names an import
			 */
			if (m && (p[1 + n] == quote || p[1 + n] == *p) && (p[2 + n] != ':' || after_quoted(t, p)) &&
			    is_ident(p[1]) && !isdigit((unsigned char)p[1]) && n <= 200) {
				size_t k = 0;

				while (k < m && (is_ident(p[1 + k]) || strchr(".@:<>", p[1 + k])))
					k++;
				if (k == m)
					add_token(l, EVIDENCE_SYMBOL, p + 1, m);
			}
			p++;
			continue;
		}
		if (!is_ident(*p)) {
			p++;
			continue;
		}
		for (q = p; is_ident(*q); q++)
			;
		if (isdigit((unsigned char)*p)) {
			p = q;
			continue;
		}
		if (memchr(p, '_', (size_t)(q - p)) && !is_tag_word(p, (size_t)(q - p)))
			add_token(l, EVIDENCE_SYMBOL, p, (size_t)(q - p));
		for (size_t i = 0; i < sizeof(intro) / sizeof(*intro); i++)
			if (word_is(p, (size_t)(q - p), intro[i])) {
				const char *r = q;

				if (*r == ':')
					r++;
				while (*r == ' ')
					r++;
				if (is_ident(*r) && !isdigit((unsigned char)*r)) {
					const char *s = r;
					size_t k = 0;

					while (is_ident(*s))
						s++;
					while (k < sizeof(prose) / sizeof(*prose) &&
					       !word_is(r, (size_t)(s - r), prose[k]))
						k++;
					if (k == sizeof(prose) / sizeof(*prose))
						add_token(l, EVIDENCE_SYMBOL, r, (size_t)(s - r));
				}
			}
		p = q;
	}
}

/* The wasm features line L names (wasmfeature.c), as its tokens. */
static void take_features(struct evidence_line *l)
{
	const char *names[WASMFEATURE_MAX];
	size_t n = wasmfeature_names(l->text, names);

	for (size_t i = 0; i < n; i++)
		add_token(l, EVIDENCE_FEATURE, names[i], strlen(names[i]));
}

/* The label of a version at P: the known words among the two before it, in order. */
static void version_label(struct strbuf *sb, const char *t, const char *p)
{
	static const char *const labels[] = {
		"producer", "reader", "requires",   "required", "detected", "node",    "rustc",
		"cargo",    "llvm",   "emscripten", "emcc",     "python",   "pyodide", "clang",
		"pyo3",     "found",  "expected",   "got",      "safari",   "firefox", "chrome",
	};
	const char *words[2][2];
	int nw = 0;

	while (nw < 2 && p > t) {
		const char *e, *s;

		while (p > t && !isalnum((unsigned char)p[-1]))
			p--;
		e = p;
		while (p > t && isalpha((unsigned char)p[-1]))
			p--;
		s = p;
		if (s == e)
			break;
		/* "v16.0.0": the v is part of the version, not a word */
		if (e - s == 1 && (*s == 'v' || *s == 'V'))
			continue;
		words[nw][0] = s;
		words[nw++][1] = e;
		while (p > t && isdigit((unsigned char)p[-1]))
			p--;
	}
	for (int i = nw; i-- > 0;)
		for (size_t k = 0; k < sizeof(labels) / sizeof(*labels); k++)
			if (word_is(words[i][0], (size_t)(words[i][1] - words[i][0]), labels[k])) {
				if (sb->len)
					strbuf_addch(sb, ' ');
				strbuf_addstr(sb, labels[k]);
			}
}

static void take_versions(struct evidence_line *l, const char *t)
{
	const char *p = t;

	while (*p) {
		const char *q;
		int dots = 0, llvm;

		if (!isdigit((unsigned char)*p) || (p > t && (isdigit((unsigned char)p[-1]) || p[-1] == '.'))) {
			p++;
			continue;
		}
		llvm = p - t >= 4 && strncasecmp(p - 4, "LLVM", 4) == 0;
		if (!llvm && p > t && isalpha((unsigned char)p[-1]) &&
		    !((p[-1] == 'v' || p[-1] == 'V') && (p - 1 == t || !isalnum((unsigned char)p[-2])))) {
			while (isalnum((unsigned char)*p))
				p++;
			continue;
		}
		for (q = p; isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1])); q++)
			dots += *q == '.';
		if (dots || llvm) {
			struct strbuf sb = { 0 };

			version_label(&sb, t, p);
			strbuf_addch(&sb, '=');
			strbuf_add(&sb, p, (size_t)(q - p));
			add_token(l, EVIDENCE_VERSION, sb.buf, sb.len);
			strbuf_release(&sb);
		}
		p = q;
	}
}

static void take_files(struct evidence_line *l, const char *t)
{
	static const char *const exts[] = { "rlib", "rmeta", "a",   "o",  "so",    "wasm",
					    "js",   "mjs",   "whl", "bc", "dylib", "pyd" };
	const char *p = t;

	while (*p) {
		const char *q, *dot;

		if (isspace((unsigned char)*p) || strchr("'\"`()[]{},;<>", *p)) {
			p++;
			continue;
		}
		for (q = p; *q && !isspace((unsigned char)*q) && !strchr("'\"`()[]{},;<>", *q); q++)
			;
		while (q > p && strchr(":.", q[-1]))
			q--;
		dot = q > p ? q - 1 : p;
		while (dot > p && *dot != '.')
			dot--;
		if (dot > p && dot < q)
			for (size_t i = 0; i < sizeof(exts) / sizeof(*exts); i++)
				if ((size_t)(q - dot - 1) == strlen(exts[i]) &&
				    !memcmp(dot + 1, exts[i], strlen(exts[i])))
					add_token(l, EVIDENCE_FILE, exts[i], strlen(exts[i]));
		while (*p && !isspace((unsigned char)*p) && !strchr("'\"`()[]{},;<>", *p))
			p++;
	}
}

static void take_tags(struct evidence_line *l, const char *t)
{
	const char *p = t;

	while (*p) {
		const char *q, *c;

		if (!isalnum((unsigned char)*p) && *p != '_') {
			p++;
			continue;
		}
		for (q = p; isalnum((unsigned char)*q) || *q == '_' || *q == '-'; q++)
			;
		while (q > p && q[-1] == '-')
			q--;
		/* whole words with dashes: target triples, cpython-312-wasm32-emscripten */
		if ((find_in(p, q, "-unknown-") || starts_with(p, q, "wasm32-") || starts_with(p, q, "wasm64-") ||
		     starts_with(p, q, "cpython-3")) &&
		    !find_in(p, q, "--"))
			add_token(l, EVIDENCE_TAG, p, (size_t)(q - p));
		else
			for (c = p; c < q;) {
				const char *d = c;

				while (d < q && *d != '-')
					d++;
				if (is_tag_word(c, (size_t)(d - c)))
					add_token(l, EVIDENCE_TAG, c, (size_t)(d - c));
				c = d + 1;
			}
		p = q > p ? q : p + 1;
	}
}

/* The end of a semver at P ("0.2.72", "1.0.0-alpha.1"), or NULL. */
static const char *semver_end(const char *p, const char *end)
{
	for (int part = 0; part < 3; part++) {
		const char *d = p;

		while (p < end && isdigit((unsigned char)*p))
			p++;
		if (p == d || (part < 2 && (p == end || *p++ != '.')))
			return NULL;
	}
	while (p < end && *p != '/')
		p++;
	return p;
}

/*
 * The dependency a rustc error is located in, from its "-->" path [P, END)
 * when that points into cargo's registry (.../registry/src/INDEX/NAME-VER/),
 * a git checkout (.../git/checkouts/NAME-HASH/REV/), a vendor directory
 * (vendor/NAME/) or rust-src's library (-Zbuild-std's std, core, alloc:
 * .../rustlib/src/rust/library/NAME/): "NAME@VER/PATH" or "NAME/PATH"
 * ("libc@0.2.72/src/wasi.rs", "std/src/sys/wasm/mod.rs").
 */
static void take_crate(struct evidence_line *l, const char *p, const char *end)
{
	struct strbuf out = { 0 };
	char *s;
	const char *name, *name_end, *rest, *ver = NULL, *ver_end = NULL;

	/* quoted like the line: UTF-8 and bounded; a longer path is no evidence */
	if (end - p > EVIDENCE_LINE_MAX)
		return;
	s = evidence_quote(p, end);
	for (char *c = s; *c; c++)
		if (*c == '\\')
			*c = '/';
	if ((name = strstr(s, "/registry/src/")) && (name = strchr(name + 14, '/'))) {
		name++;
		rest = strchr(name, '/');
		for (const char *d = name; rest && (d = memchr(d, '-', (size_t)(rest - d))); d++)
			if ((ver_end = semver_end(d + 1, rest)) == rest) {
				ver = d + 1;
				break;
			}
		name_end = ver ? ver - 1 : rest;
	} else if ((name = strstr(s, "/git/checkouts/"))) {
		name += 15;
		rest = strchr(name, '/');
		name_end = rest;
		for (const char *d = name; rest && d < rest; d++)
			if (*d == '-')
				name_end = d;
		rest = rest ? strchr(rest + 1, '/') : NULL;
	} else if ((name = strstr(s, "vendor/")) && (name == s || name[-1] == '/')) {
		name += 7;
		rest = name_end = strchr(name, '/');
	} else if ((name = strstr(s, "/rustlib/src/rust/library/"))) {
		name += 26;
		rest = name_end = strchr(name, '/');
	} else {
		rest = name_end = NULL;
	}
	if (rest && name_end && name_end > name) {
		strbuf_add(&out, name, (size_t)(name_end - name));
		if (ver) {
			strbuf_addch(&out, '@');
			strbuf_add(&out, ver, (size_t)(ver_end - ver));
		}
		strbuf_addstr(&out, rest);
		add_token(l, EVIDENCE_CRATE, out.buf, out.len);
	}
	strbuf_release(&out);
	free(s);
}

/* The two types of a mismatch label [P, END): "expected `A`, found `B`" (as symbols). */
static void take_label_types(struct evidence_line *l, const char *p, const char *end)
{
	static const char *const words[] = { "expected `", ", found `" };
	char *label = evidence_quote(p, end);
	const char *q = label;

	for (size_t i = 0; i < 2 && q; i++) {
		const char *a = strstr(q, words[i]), *b = a ? strchr(a + strlen(words[i]), '`') : NULL;

		if (b) {
			a += strlen(words[i]);
			add_token(l, EVIDENCE_SYMBOL, a, (size_t)(b - a));
		}
		q = b;
	}
	free(label);
}

static void take_tokens(struct evidence_line *l)
{
	take_codes(l, l->text);
	take_symbols(l, l->text);
	take_features(l);
	take_versions(l, l->text);
	take_files(l, l->text);
	take_tags(l, l->text);
}

/*
 * The minor version of the one Python 3 whose library paths the logs show
 * (".../lib/python3.13/...", Pyodide's "/lib/python313.zip"), 0 when they
 * show none or several (a build's Python and a runtime's: no telling which
 * raised the error).
 */
static int logs_python_minor(const char *const *logs, const size_t *lens, size_t nlogs)
{
	int minor = 0;

	for (size_t i = 0; i < nlogs; i++) {
		const char *s = logs[i] ? logs[i] : "", *end = s + (lens ? lens[i] : strlen(s)), *p = s;

		while ((p = find_in(p, end, "lib/python3"))) {
			const char *d = p + 11;
			int m = 0, dotted = d < end && *d == '.';

			d += dotted;
			while (d < end && isdigit((unsigned char)*d) && m < 1000)
				m = m * 10 + (*d++ - '0');
			p += 11;
			if (!m || d == end || (dotted ? *d != '/' : !starts_with(d, end, ".zip")))
				continue;
			if (minor && minor != m)
				return 0;
			minor = m;
		}
	}
	return minor;
}

/*
 * Python's "No module named 'pkg.mod'" while the logs name mod's compiled
 * file with another CPython version than the Python that raised it (its
 * library paths): the tag of that file ("cpython-312"), which that Python
 * does not open. *MINOR caches that Python (-1: not looked for yet); each
 * such error line reads the logs once more.
 */
static void take_module_file_tag(struct evidence_line *l, const char *const *logs, const size_t *lens, size_t nlogs,
				 int *minor)
{
	const char *name = strstr(l->text, "No module named '"), *dot = NULL, *q;
	char needle[96], tag[16] = "";
	int other = 0;

	if (!name || (strcmp(l->tool, "python") != 0 && strcmp(l->tool, "js") != 0))
		return;
	name += 17;
	for (q = name; *q && *q != '\''; q++)
		if (*q == '.')
			dot = q;
		else if (!is_ident((unsigned char)*q))
			return;
	if (!dot || *q != '\'' || q - dot - 1 < 1 || q - dot - 1 > 64)
		return;
	snprintf(needle, sizeof(needle), "%.*s.cpython-3", (int)(q - dot - 1), dot + 1);
	if (*minor < 0)
		*minor = logs_python_minor(logs, lens, nlogs);
	if (!*minor)
		return;
	for (size_t i = 0; i < nlogs; i++) {
		const char *s = logs[i] ? logs[i] : "", *end = s + (lens ? lens[i] : strlen(s)), *p = s;

		while ((p = find_in(p, end, needle))) {
			const char *d = p + strlen(needle);
			int m = 0;

			int whole = p == s || !is_ident((unsigned char)p[-1]);

			while (d < end && isdigit((unsigned char)*d) && m < 1000)
				m = m * 10 + (*d++ - '0');
			p = d;
			while (d < end && islower((unsigned char)*d)) /* ABI flags: d, t */
				d++;
			if (!whole || !m || (d < end && *d != '-' && *d != '.'))
				continue;
			if (m == *minor)
				return; /* a file this Python opens is there too: no mismatch shown */
			other = m;
		}
	}
	if (other) {
		snprintf(tag, sizeof(tag), "cpython-3%d", other);
		add_token(l, EVIDENCE_TAG, tag, strlen(tag));
	}
}

/* ---- the module's interface ---- */

void evidence_extract(struct evidence *ev, const char *const *logs, const size_t *lens, size_t nlogs)
{
	struct span kept[EVIDENCE_MAX_LINES];
	size_t n = 0, i;
	int minor = -1;

	memset(ev, 0, sizeof(*ev));
	for (i = 0; i < nlogs; i++) {
		const char *s = logs[i] ? logs[i] : "";

		read_log(kept, &n, s, lens ? lens[i] : strlen(s), i);
	}
	/* a cause is told apart from noise by the error it explains: alone it is none */
	for (i = 0; i < n && kept[i].cause_only; i++)
		;
	if (i == n)
		return;
	ev->lines = xcalloc(n, sizeof(*ev->lines));
	for (i = 0; i < n; i++) {
		struct evidence_line *l = &ev->lines[ev->nlines++];

		l->tool = kept[i].tool;
		l->weight = kept[i].weight;
		l->lineno = kept[i].lineno;
		l->log = kept[i].log;
		l->text = evidence_quote(kept[i].start, kept[i].end);
		take_tokens(l);
		take_module_file_tag(l, logs, lens, nlogs, &minor);
		if (kept[i].loc)
			take_crate(l, kept[i].loc, kept[i].loc_end);
		if (kept[i].label)
			take_label_types(l, kept[i].label, kept[i].label_end);
		if (kept[i].codes)
			take_summary_codes(l, kept[i].codes, kept[i].codes_end);
		if (kept[i].gate) {
			char *gate = evidence_quote(kept[i].gate, kept[i].gate_end);

			add_token(l, EVIDENCE_GATE, gate, strlen(gate));
			free(gate);
		}
	}
}

void evidence_release(struct evidence *ev)
{
	for (size_t i = 0; i < ev->nlines; i++) {
		for (size_t k = 0; k < ev->lines[i].ntokens; k++)
			free(ev->lines[i].tokens[k].text);
		free(ev->lines[i].tokens);
		free(ev->lines[i].text);
	}
	free(ev->lines);
	memset(ev, 0, sizeof(*ev));
}

static const char *const kind_names[EVIDENCE_KIND_COUNT] = { "symbol", "feature", "version", "file",
							     "tag",    "code",    "crate",   "gate" };

const char *evidence_kind_name(enum evidence_kind k)
{
	return (unsigned)k < EVIDENCE_KIND_COUNT ? kind_names[k] : NULL;
}

int evidence_kind_from_name(const char *name)
{
	for (int k = 0; k < EVIDENCE_KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

int evidence_is_tool(const char *name)
{
	static const char *const tools[] = { "python", "js",   "panic",    "rustc",   "linker",   "emcc",
					     "cargo",  "llvm", "binaryen", "error",   "abort",    "node",
					     "pip",    "npm",  "crash",    "wrapper", "resolver", "test" };

	for (size_t i = 0; i < sizeof(tools) / sizeof(*tools); i++)
		if (strcmp(tools[i], name) == 0)
			return 1;
	return 0;
}
