/*
 * classify: the signature table's format and errors, requires, the
 * telling-line extraction, none/unclassified, log cleaning, threads, and the
 * corpus of real logs in tests/classify/ (each file's header says what it
 * must classify as).
 */
#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "emcompat/classify.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/stage.h"
#include "emcompat/util.h"

static const char *source_dir(void)
{
	const char *d = getenv("EMCOMPAT_SOURCE_DIR");

	return d && *d ? d : ".";
}

static struct classify_table *load_text(const char *text)
{
	struct classify_table *t;

	error_clear();
	if (classify_load_text(&t, "sig.json", text, strlen(text)))
		return NULL;
	return t;
}

static const char *load_error(const char *text)
{
	struct classify_table *t = load_text(text);

	if (t) {
		classify_free(t);
		return "ok";
	}
	return error_message();
}

/* Classifies LOG (stage S, facts "k=v,k=v", findings "a,b") and returns the class id. */
static const char *run1(const struct classify_table *t, int stage, const char *log, const char *facts,
			const char *findings, struct classify_result *r)
{
	static struct classify_fact fv[16];
	static const char *fd[16];
	static char fbuf[512], dbuf[512];
	struct classify_input in = { .stage = stage, .logs = &log, .nlogs = 1 };
	char *save;

	if (facts) {
		snprintf(fbuf, sizeof(fbuf), "%s", facts);
		for (char *kv = strtok_r(fbuf, ",", &save); kv && in.nfacts < 16; kv = strtok_r(NULL, ",", &save)) {
			char *eq = strchr(kv, '=');

			*eq = '\0';
			fv[in.nfacts].key = kv;
			fv[in.nfacts++].value = eq + 1;
		}
		in.facts = fv;
	}
	if (findings) {
		snprintf(dbuf, sizeof(dbuf), "%s", findings);
		for (char *f = strtok_r(dbuf, ",", &save); f && in.nfindings < 16; f = strtok_r(NULL, ",", &save))
			fd[in.nfindings++] = f;
		in.findings = fd;
	}
	if (classify_run(t, &in, r))
		return "(error)";
	return r->id;
}

static const char *classify1(const struct classify_table *t, int stage, const char *log, const char *facts,
			     const char *findings)
{
	static char id[64];
	struct classify_result r;

	snprintf(id, sizeof(id), "%s", run1(t, stage, log, facts, findings, &r));
	classify_result_release(&r);
	return id;
}

#define CLASS(extra) \
	"{\"id\":\"c_" #extra "\",\"stages\":[\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\"refs\":[]"

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

/* A log and the class it must get (stage unknown, no facts). */
struct wording {
	const char *log, *want;
};

/* A log that must not get NOT_ID: it shares a token with the class, not its cause. */
struct near_miss {
	const char *log, *not_id;
};

/* TEXT with its typographic quotes as ASCII ones, as the classifier reads a log (a new string). */
static char *ascii_quotes(const char *text)
{
	char *out = xstrdup(text), *o = out;

	for (const char *p = text; *p;) {
		if (strncmp(p, "\xe2\x80\x98", 3) == 0 || strncmp(p, "\xe2\x80\x99", 3) == 0) {
			*o++ = '\'';
			p += 3;
		} else if (strncmp(p, "\xe2\x80\x9c", 3) == 0 || strncmp(p, "\xe2\x80\x9d", 3) == 0) {
			*o++ = '"';
			p += 3;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/*
 * Whether the reported telling line GOT is the line WANT as the classifier
 * reads it (typographic quotes as ASCII ones): equal, or WANT cut where the
 * classifier cuts a long line ("..." after its first bytes).
 */
static int line_is(const char *got, const char *want)
{
	size_t n = strlen(got);
	char *w = ascii_quotes(want);
	int same = strcmp(got, w) == 0 ||
		   (n > 3 && strcmp(got + n - 3, "...") == 0 && strlen(w) > n - 3 && strncmp(got, w, n - 3) == 0);

	free(w);
	return same;
}

/* A log no class knows, and the telling line it must report. */
struct unknown_wording {
	const char *log, *line;
};

static void check_named(const struct classify_table *t, const struct wording *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		CHECK_STR(classify1(t, -1, w[i].log, NULL, NULL), w[i].want);
}

static void check_near_misses(const struct classify_table *t, const struct near_miss *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *id = classify1(t, -1, m[i].log, NULL, NULL);

		if (!strcmp(id, m[i].not_id))
			fprintf(stderr, "named %s: %s", id, m[i].log);
		CHECK(strcmp(id, m[i].not_id) != 0);
	}
}

/* LOGS get no class: unclassified or none. */
static void check_unnamed(const struct classify_table *t, const char *const *logs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *id = classify1(t, -1, logs[i], NULL, NULL);

		if (strcmp(id, "unclassified") != 0 && strcmp(id, "none") != 0)
			fprintf(stderr, "named %s: %s", id, logs[i]);
		CHECK(!strcmp(id, "unclassified") || !strcmp(id, "none"));
	}
}

/* LOGS hold no error at all. */
static void check_clean(const struct classify_table *t, const char *const *logs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *id = classify1(t, -1, logs[i], NULL, NULL);

		if (strcmp(id, "none") != 0)
			fprintf(stderr, "not clean (%s): %s", id, logs[i]);
		CHECK_STR(id, "none");
	}
}

static void check_unknown(const struct classify_table *t, const struct unknown_wording *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct classify_result r;

		CHECK_STR(run1(t, -1, u[i].log, NULL, NULL, &r), "unclassified");
		CHECK_STR(r.nlines ? r.lines[0] : "(none)", u[i].line);
		classify_result_release(&r);
	}
}

static void test_bad_tables(void)
{
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[}"),
		  "sig.json:1:46: invalid JSON: unexpected '}' (expected a value)");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/2\",\"classes\":[]}"),
		  "sig.json:1:2: \"schema\" must be \"emcompat-signatures/1\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[],\"x\":1}"),
		  "sig.json:1:48: unknown key \"x\" (expected schema, classes, comment)");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "  {\"id\":\"a\",\"stages\":[\"link\",\"linker\"],\"patterns\":[\"x\"],\n"
			     "   \"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\"refs\":[]}]}"),
		  "sig.json:2:30: unknown stage (expected std, compile, link, main, inspect, load or run)");
	/* The message after the position is the C library's regerror(). */
	CHECK_HAS(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "  {\"id\":\"a\",\"stages\":[\"link\"],\"patterns\":[\"x(\"],\n"
			     "   \"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\"refs\":[]}]}"),
		  "sig.json:2:43: bad regular expression: ");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"x\"]},\n" CLASS(a) ",\"patterns\":[\"y\"]}]}"),
		  "sig.json:3:2: duplicate class id \"c_a\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "{\"id\":\"a\",\"stages\":[\"run\"],\"title\":\"T\",\"fix\":\"F\",\"refs\":[],"
			     "\"patterns\":[\"x\"]}]}"),
		  "sig.json:2:1: a class needs \"explain\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"x\"],\"refs\":[\"rust#1\"]}]}"),
		  "sig.json:2:93: duplicate key \"refs\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "{\"id\":\"a\",\"stages\":[\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\n"
			     " \"refs\":[\"rust-lang/rust\"],\"patterns\":[\"x\"]}]}"),
		  "sig.json:3:10: a ref must be \"owner/repo#N\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"x\"],\n"
			     " \"requires\":{\"rust\":\"<one\"}}]}"),
		  "sig.json:3:14: '<one': expected a version after the operator, like \"<1.77\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[{\"regex\":\"x\",\"when\":{}}]}]}"),
		  "sig.json:2:101: unknown key \"when\" (a pattern object has regex, requires and with)");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "{\"id\":\"Bad-Id\",\"stages\":[\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\","
			     "\"refs\":[],\"patterns\":[\"x\"]}]}"),
		  "sig.json:2:2: id \"Bad-Id\" is not snake_case ([a-z][a-z0-9_]*)");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
			     "{\"id\":\"none\",\"stages\":[\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\","
			     "\"refs\":[],\"patterns\":[\"x\"]}]}"),
		  "sig.json:2:2: id \"none\" is reserved");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(a) ",\"patterns\":[]}]}"),
		  "sig.json:2:76: \"patterns\" must be a non-empty array of regular expressions");
	/* Nested repetitions that would make regcomp take gigabytes (found by fuzz_signatures). */
	CHECK_HAS(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"a++++++++++++++++++++++++++++++++++++++++\"]}]}"),
		  "sig.json:2:88: pattern too complex: nested repetitions would make regcomp build more than 20000 "
		  "nodes");
	CHECK_HAS(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"((a{99}){99}){99}\"]}]}"),
		  "pattern too complex");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"patterns\":[\"(a{1,50}b+[+*{}]){0,3}\\\\++\"]}]}"),
		  "ok");
	/* A file that cannot be read: its name and the reason. */
	{
		struct classify_table *t;

		error_clear();
		CHECK_INT(classify_load(&t, "/nonexistent/signatures.json"), -1);
		CHECK_HAS(error_message(), "/nonexistent/signatures.json");
		CHECK_INT(error_code(), EC_EXIT_INPUT);
	}
}

static void test_requires(void)
{
	struct
		classify_table *t = load_text("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(old_rust) ",\"patterns\":[\"boom\"],\"requires\":{\"rust\":\"<1.77\"}},\n" CLASS(
			exact) ",\"patterns\":[\"boom\"],\"requires\":{\"rust\":\"=1.80\",\"probe\":[\"u128\",\"i128\"]"
			       "}},\n" CLASS(
				       finding) ",\"patterns\":[\"boom\"],\"requires\":{\"finding\":[\"f1\","
						"\"f2\"]}},\n" CLASS(
							ne) ",\"patterns\":[\"boom\"],\"requires\":{"
							    "\"emscripten\":[\">=4\",\"!=3.1.6\"]}},"
							    "\n" CLASS(per_pattern) ",\"patterns\":["
										    "\"check "
										    "failed\",{"
										    "\"regex\":\"(?"
										    "i)TRAP\","
										    "\"requires\":{"
										    "\"probe\":"
										    "\"x\"}}]},"
										    "\n" CLASS(
											    also) ",\"patterns\":["
												  "\"Cannot "
												  "read\"],\"also\":["
												  "\"dynCallLegacy\"]},"
												  "\n" CLASS(
													  plain) ",\"pa"
														 "ttern"
														 "s\":["
														 "\"boo"
														 "m|"
														 "trap|"
														 "Canno"
														 "t "
														 "read"
														 "\"]}"
														 "\n"
														 "]}");

	CHECK(t != NULL);
	if (!t)
		return;
	CHECK_INT(classify_count(t), 7);
	CHECK_STR(classify_class_at(t, 0)->id, "c_old_rust");
	CHECK(classify_find(t, "c_also") != NULL);
	CHECK(classify_find(t, "c_nope") == NULL);
	CHECK_INT(classify_find(t, "c_plain")->stages, 1u << STAGE_RUN);

	/* Versions compare numerically over the parts the condition gives. */
	CHECK_STR(classify1(t, -1, "boom", "rust=1.63", NULL), "c_old_rust");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.76.9", NULL), "c_old_rust");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.77", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.100.0", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "boom", "rust=nightly", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "boom", NULL, NULL), "c_plain");
	/* "=1.80" holds for 1.80.x; every key must hold; arrays are alternatives. */
	CHECK_STR(classify1(t, -1, "boom", "rust=1.80.1,probe=i128", NULL), "c_exact");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.80.1,probe=add", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "boom", "probe=u128", NULL), "c_plain");
	/* Findings: any of the listed ids. */
	CHECK_STR(classify1(t, -1, "boom", "rust=1.90", "x,f2"), "c_finding");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.90", "x"), "c_plain");
	/* Leading digits only: "1.97.0-nightly" is 1.97.0. */
	CHECK_STR(classify1(t, -1, "boom", "rust=1.97.0-nightly,emscripten=3.1.6", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "boom", "rust=1.97.0-nightly,emscripten=3.1.69", NULL), "c_ne");
	/* A pattern's own requires; (?i) makes it case-insensitive. */
	CHECK_STR(classify1(t, -1, "a Trap here", "probe=x", NULL), "c_per_pattern");
	CHECK_STR(classify1(t, -1, "a trap here", "probe=y", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "check failed", NULL, NULL), "c_per_pattern");
	/* "also": evidence on another line. */
	CHECK_STR(classify1(t, -1, "TypeError: Cannot read x\n    at dynCallLegacy (a.js:1)\n", NULL, NULL), "c_also");
	CHECK_STR(classify1(t, -1, "TypeError: Cannot read x\n    at other (a.js:1)\n", NULL, NULL), "c_plain");
	/* Stage filter: these classes are all "run". */
	CHECK_STR(classify1(t, STAGE_LINK, "error: boom", NULL, NULL), "unclassified");
	CHECK_STR(classify1(t, STAGE_RUN, "error: boom", NULL, NULL), "c_plain");
	classify_free(t);
}

/* "unless": a text that shows another cause keeps a class from matching, by pattern or by rule. */
static void test_unless(void)
{
	static const char *const table = "{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
		crash) ",\"patterns\":[\"PLEASE submit\"],\"evidence\":[{\"tool\":\"llvm\",\"line\":\"Cannot\"}],"
		       "\"unless\":[\"out of memory\",{\"regex\":\"disk "
		       "full\",\"requires\":{\"probe\":\"x\"}}]},\n" CLASS(plain) ",\"patterns\":[\"PLEASE\"]}\n]}";
	struct classify_table *t = load_text(table);

	CHECK(t != NULL);
	if (!t)
		return;
	CHECK_STR(classify1(t, -1, "PLEASE submit a bug report\n", NULL, NULL), "c_crash");
	CHECK_STR(classify1(t, -1, "LLVM ERROR: out of memory\nPLEASE submit a bug report\n", NULL, NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "LLVM ERROR: Cannot select: x\n", NULL, NULL), "c_crash");
	CHECK_STR(classify1(t, -1, "LLVM ERROR: Cannot select: x\nout of memory\n", NULL, NULL), "unclassified");
	/* an unless pattern's own requires */
	CHECK_STR(classify1(t, -1, "PLEASE submit\ndisk full\n", "probe=x", NULL), "c_plain");
	CHECK_STR(classify1(t, -1, "PLEASE submit\ndisk full\n", "probe=y", NULL), "c_crash");
	classify_free(t);
	CHECK(strstr(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[" CLASS(x) ",\"patterns\":[\"a\"],"
											       "\"unless\":\"b\"}]}"),
		     "\"unless\" must be a non-empty array") != NULL);
	CHECK(strstr(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[" CLASS(x) ",\"patterns\":[\"a\"],"
											       "\"unless\":[\"(\"]}]}"),
		     "sig.json") != NULL);
}

/* Evidence rules: their format, their errors, and what they match. */
static void test_rules(void)
{
	static const char *const table =
		"{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
		"{\"id\":\"js_eh\",\"stages\":[\"load\",\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\","
		"\"refs\":[],\"evidence\":[{\"tool\":[\"js\",\"abort\"],\"symbol\":\"^invoke_[a-z]+$\"}]},\n"
		"{\"id\":\"pair\",\"stages\":[\"link\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\"refs\":[],"
		"\"evidence\":[{\"version\":[\"^producer\",\"^reader\"]}]},\n"
		"{\"id\":\"old_rust\",\"stages\":[\"link\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\"refs\":[]"
		","
		"\"evidence\":[{\"tool\":\"linker\",\"line\":\"boom\",\"requires\":{\"rust\":\"<1.77\"}}],"
		"\"patterns\":[\"never\"]}\n"
		"]}";
	struct classify_table *t = load_text(table);
	struct classify_result r;

	CHECK(t != NULL);
	if (!t)
		return;
	CHECK_STR(classify1(t, -1, "LinkError: import object field 'invoke_vi' is not a Function\n", NULL, NULL),
		  "js_eh");
	CHECK_STR(classify1(t, -1, "Aborted(missing function: invoke_iiii)\n", NULL, NULL), "js_eh");
	/* a warning or prose naming the symbol is no evidence; another tool is not the rule's */
	CHECK_STR(classify1(t, -1, "warning: invoke_vi is slow\n", NULL, NULL), "none");
	CHECK_STR(classify1(t, -1, "wasm-ld: error: a.o: undefined symbol: invoke_vi\n", NULL, NULL), "unclassified");
	/* the stage filter applies to rules too */
	CHECK_STR(classify1(t, 2, "Aborted(missing function: invoke_vi)\n", NULL, NULL), "unclassified");
	CHECK_STR(classify1(t, -1,
			    "error: Unknown attribute kind (86) (Producer: 'LLVM18.1.2' Reader: 'LLVM 17.0.1')\n", NULL,
			    NULL),
		  "pair");
	CHECK_STR(classify1(t, -1, "error: (Producer: 'LLVM18.1.2')\n", NULL, NULL), "unclassified");
	CHECK_STR(classify1(t, -1, "wasm-ld: error: boom\n", "rust=1.70", NULL), "old_rust");
	CHECK_STR(classify1(t, -1, "wasm-ld: error: boom\n", "rust=1.80", NULL), "unclassified");

	/* the result says what decided and on which line */
	CHECK_STR(run1(t, -1, "hello\nAborted(missing function: invoke_vi)\n", NULL, NULL, &r), "js_eh");
	CHECK_INT(r.basis, CLASSIFY_BY_RULE);
	CHECK(r.used != NULL);
	CHECK_STR(r.used ? r.used->text : NULL, "Aborted(missing function: invoke_vi)");
	CHECK_INT(r.used ? r.used->lineno : 0, 2);
	CHECK_INT(r.nlines, 1);
	CHECK_STR(r.lines[0], "Aborted(missing function: invoke_vi)");
	classify_result_release(&r);
	CHECK_STR(run1(t, -1, "TypeError: x is not a function\n", NULL, NULL, &r), "unclassified");
	CHECK_INT(r.basis, CLASSIFY_BY_NOTHING);
	CHECK_STR(r.used ? r.used->text : NULL, "TypeError: x is not a function");
	CHECK_STR(r.summary, "TypeError: x is not a function");
	classify_result_release(&r);
	/* a console's presentation (DevTools' copy) is no part of the line the rules read */
	CHECK_STR(run1(t, -1,
		       "pyodide.asm.js:9 Uncaught (in promise) LinkError: import object field 'invoke_vi' is not a "
		       "Function\n",
		       NULL, NULL, &r),
		  "js_eh");
	CHECK_STR(r.used ? r.used->text : NULL, "LinkError: import object field 'invoke_vi' is not a Function");
	classify_result_release(&r);
	/* IPython's ANSI-coloured traceback (IPython/core/ultratb.py): its last line, Python's, without colours */
	CHECK_STR(run1(t, -1,
		       "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m\n"
		       "\x1b[0;31mRuntimeError\x1b[0m                              Traceback (most recent call last)\n"
		       "Cell \x1b[0;32mIn[1], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m f()\n\n"
		       "\x1b[0;31mRuntimeError\x1b[0m: boom\n",
		       NULL, NULL, &r),
		  "unclassified");
	CHECK_STR(r.used ? r.used->text : NULL, "RuntimeError: boom");
	CHECK_STR(r.used ? r.used->tool : NULL, "python");
	CHECK_INT(r.used ? r.used->weight : 0, 95);
	classify_result_release(&r);
	classify_free(t);

	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(a) ",\"evidence\":[]}]}"),
		  "sig.json:2:76: \"evidence\" must be a non-empty array of rules");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"evidence\":[{\"tool\":\"wasm-ld\",\"symbol\":\"x\"}]}]}"),
		  "sig.json:2:89: unknown tool \"wasm-ld\"");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"evidence\":[{\"symbl\":\"x\"}]}]}"),
		  "sig.json:2:89: unknown key \"symbl\" (a rule has tool, symbol, feature, version, file, tag, code, "
		  "crate, line, requires)");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"evidence\":[{\"tool\":\"js\"}]}]}"),
		  "sig.json:2:88: a rule needs a test (symbol, feature, version, file, tag, code, crate or line)");
	CHECK_HAS(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(
			  a) ",\"evidence\":[{\"symbol\":[\"x\",\"(\"]}]}]}"),
		  "bad regular expression: ");
	CHECK_STR(load_error("{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n" CLASS(a) "}]}"),
		  "sig.json:2:1: a class needs \"patterns\" (or \"evidence\")");
}

/* The real table on wordings of structural families that its patterns do not spell. */
static void test_rules_generalize(const struct classify_table *t)
{
	CHECK_STR(
		classify1(t, STAGE_LOAD, "LinkError: import object field '__cpp_exception' is not a Tag\n", NULL, NULL),
		"wasm_eh_tag_missing");
	CHECK_STR(classify1(t, STAGE_LOAD, "Aborted(missing function: invoke_viii)\n", NULL, NULL),
		  "js_eh_invoke_missing");
	CHECK_STR(classify1(t, STAGE_LINK, "wasm-ld: error: lib.o: undefined symbol: invoke_vii\n", NULL, NULL),
		  "eh_abi_link_mismatch");
	CHECK_STR(
		classify1(t, STAGE_LOAD,
			  "CompileError: WebAssembly.instantiate(): Compiling function #3 failed: invalid opcode 0x1f "
			  "(enable with --experimental-wasm-eh)\n",
			  NULL, NULL),
		"engine_lacks_wasm_feature");
	CHECK_STR(classify1(t, STAGE_LINK,
			    "wasm-ld: error: b.o: target feature 'sign-ext' is used but not enabled by a.o\n", NULL,
			    NULL),
		  "target_feature_disallowed");
	CHECK_STR(classify1(t, STAGE_COMPILE,
			    "error[E0514]: found crate `alloc` compiled by an incompatible version of rustc\n", NULL,
			    NULL),
		  "std_built_by_other_rustc");
	CHECK_STR(classify1(t, STAGE_RUN,
			    "TypeError: can't convert BigInt to number\n    _fd_write@http://x/main.js:1:2\n"
			    "    @http://x/main.wasm:wasm-function[12]:0x3a1\n",
			    NULL, NULL),
		  "bigint_js_boundary");
	/* alone, any JS code's arithmetic on a BigInt prints it: no boundary in sight */
	CHECK_STR(classify1(t, STAGE_RUN, "TypeError: can't convert BigInt to number\n", NULL, NULL), "unclassified");
	CHECK_STR(classify1(t, STAGE_RUN, "TypeError: Cannot convert a BigInt value to a number\n", NULL, NULL),
		  "unclassified");
	CHECK_STR(classify1(t, STAGE_RUN, "This emscripten-generated code requires node v18.3.0 (detected v16.20.2)\n",
			    NULL, NULL),
		  "engine_lacks_wasm_feature");
	/* no guess: an unknown JS error stays unclassified */
	CHECK_STR(classify1(t, STAGE_LOAD, "TypeError: e is not a function\n", NULL, NULL), "unclassified");
}

/*
 * The real table on the runtime side's wordings as the tools' own message
 * catalogues spell them (V8, SpiderMonkey, JavaScriptCore, Emscripten's src/,
 * Pyodide, micropip, pyodide-build, CPython, pybind11, undici, uv), not as a
 * corpus log does.
 */
static void test_runtime_catalogue(const struct classify_table *t)
{
	static const struct {
		int stage;
		const char *log, *want;
	} cases[] = {
		/* engine_lacks_wasm_feature */
		{ STAGE_RUN, "TypeError: wasm function signature contains illegal type\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_RUN, "TypeError: cannot pass i64 to or from JS\n", "engine_lacks_wasm_feature" },
		{ STAGE_RUN, "TypeError: i64 not allowed as return type or argument to an imported function\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "CompileError: WebAssembly.instantiate(): invalid memory limits flags 0x3 @+54\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "CompileError: Compiling function #81 failed: Wasm SIMD unsupported @+1234\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "CompileError: wasm validation error: at offset 12: v128 not enabled\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "Error: wasm validation error: at offset 9: Structure types not enabled\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module(): Compiling function #2 failed: invalid heap type 'exn', "
		  "enable with --experimental-wasm-exnref @+40\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "CompileError: WebAssembly.Module(): unknown section code #0x0d @+1234\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "Aborted(Assertion failed: JSPI not supported by current environment. Perhaps it needs to "
		  "be enabled via flags?)\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "TypeError: WebAssembly.Suspending is not a constructor\n", "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "Error: This emscripten-generated code requires Safari v15.0.0 (detected v14.1)\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "This page was compiled without support for Chrome browser. Pass -sMIN_CHROME_VERSION=80 or "
		  "lower to enable support for this browser.\n",
		  "engine_lacks_wasm_feature" },
		/* bigint_js_boundary in SpiderMonkey's and JavaScriptCore's words */
		{ STAGE_RUN, "TypeError: can't convert 5 to BigInt\n", "bigint_js_boundary" },
		{ STAGE_RUN, "TypeError: Invalid argument type in ToBigInt operation\n", "bigint_js_boundary" },
		/* memory_growth_limit, initial_memory_too_small, wasm_stack_overflow */
		{ STAGE_RUN,
		  "growMemory: Attempted to grow heap from 16777216 bytes to 2147483648 bytes, but got error: "
		  "RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded\n",
		  "memory_growth_limit" },
		{ STAGE_RUN, "Failed to grow the heap from 16777216 bytes to 33554432 bytes, not enough memory!\n",
		  "memory_growth_limit" },
		{ STAGE_RUN, "abort(OOM). Build with -s ASSERTIONS=1 for more info.\n", "memory_growth_limit" },
		{ STAGE_RUN, "RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded\n",
		  "memory_growth_limit" },
		{ STAGE_LOAD,
		  "Aborted(Assertion failed: INITIAL_MEMORY should be larger than STACK_SIZE, was 65536! "
		  "(STACK_SIZE=5242880))\n",
		  "initial_memory_too_small" },
		{ STAGE_LOAD, "LinkError: imported Memory with incompatible size\n", "initial_memory_too_small" },
		{ STAGE_LOAD, "LinkError: Memory import provided an 'initial' that is too small\n",
		  "initial_memory_too_small" },
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.Instance(): memory import 0 is smaller than initial 256, got 16\n",
		  "initial_memory_too_small" },
		{ STAGE_RUN, "Stack overflow detected.  You can try increasing -sSTACK_SIZE (currently set to 65536)\n",
		  "wasm_stack_overflow" },
		/* wasmtime: with no maximum expected, only a smaller minimum fails the match */
		{ STAGE_LOAD,
		  "Error: incompatible import type for `env::memory`\n\nCaused by:\n    0: memory types "
		  "incompatible\n    1: expected memory limits (min: 20, max: none) doesn't match provided "
		  "memory limits (min: 17, max: none)\n",
		  "initial_memory_too_small" },
		/* shared_memory_mismatch in each engine's words */
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"memory\": mismatch in shared state "
		  "of memory, declared = 1, imported = 0\n",
		  "shared_memory_mismatch" },
		{ STAGE_LOAD, "LinkError: imported unshared memory but shared required\n", "shared_memory_mismatch" },
		{ STAGE_LOAD, "LinkError: imported shared memory but unshared required\n", "shared_memory_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: Memory import env:memory provided a 'shared' that is different from the "
		  "module's declared 'shared' import memory attribute\n",
		  "shared_memory_mismatch" },
		{ STAGE_LOAD,
		  "Error: incompatible import type for `env::memory`\n\nCaused by:\n    memory types "
		  "incompatible: expected shared memory, found unshared memory\n",
		  "shared_memory_mismatch" },
		/* wasmparser's and JavaScriptCore's feature refusals */
		{ STAGE_RUN,
		  "Error: failed to compile\n\nCaused by:\n    0: WebAssembly translation error\n"
		  "    1: Invalid input WebAssembly code at offset 123: SIMD support is not enabled\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "WebAssembly.Module doesn't parse at byte 88: references are not enabled.\n",
		  "engine_lacks_wasm_feature" },
		/*
		 * call_indirect's table index as a 5-byte LEB (reference types) in engines before them: V8's
		 * "expected table index 0, found %u" (function-body-decoder-impl.h) and JavaScriptCore's
		 * reserved byte (WasmFunctionParser.h)
		 */
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.instantiate(): Compiling function #325:\"_ZN104_$LT$diplomat_runtime..."
		  "\" failed: expected table index 0, found 0 @+53778\n",
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "CompileError: expected table index 0, found 128\n", "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module doesn't parse at byte 6: call_indirect's 'reserved' varuint1 "
		  "must be 0x0, in function at index 0\n",
		  "engine_lacks_wasm_feature" },
		/* memory64's final JS API (BigInt sizes) in an engine before it, at the glue's Memory */
		{ STAGE_RUN,
		  "/x/out.js:700\n    wasmMemory = new WebAssembly.Memory({\n                 ^\n\n"
		  "TypeError: Cannot convert a BigInt value to a number\n    at Object.<anonymous> "
		  "(/x/out.js:700:18)\n",
		  "engine_lacks_wasm_feature" },
		/* ... but elsewhere a BigInt where a Number is wanted is the boundary's */
		{ STAGE_RUN,
		  "/x/out.js:900\n    HEAP32[ptr >> 2] = value;\n                     ^\n\n"
		  "TypeError: Cannot convert a BigInt value to a number\n",
		  "bigint_js_boundary" },
		/* side modules and their loading */
		{ STAGE_LOAD,
		  "Aborted(Assertion failed: external symbol 'memmove' is missing. perhaps a side module "
		  "was not linked in? if this function was expected to arrive from a system library, try "
		  "to build the MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "main_module_export_missing" },
		{ STAGE_LOAD,
		  "Error: libfoo.so: file not found, and synchronous loading of external files is not "
		  "available\n",
		  "needed_library_missing" },
		{ STAGE_LOAD, "CompileError: wasm validation error: at offset 0: failed to match magic number\n",
		  "not_a_wasm_module" },
		{ STAGE_LOAD, "CompileError: WebAssembly.instantiate(): BufferSource argument is empty\n",
		  "not_a_wasm_module" },
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module doesn't parse at byte 0: module doesn't start with "
		  "'\\0asm'\n",
		  "not_a_wasm_module" },
		/* glue and wasm of different builds */
		{ STAGE_LOAD,
		  "Aborted(Assertion failed: No EM_ASM constant found at address 1234.  The loaded "
		  "WebAssembly file is likely out of sync with the generated JavaScript.)\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "Error: Pyodide version does not match: '0.27.2' <==> '0.26.4'. If you updated the Pyodide "
		  "version, make sure you also updated the 'indexURL' parameter passed to loadPyodide.\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "Error: Lock file ABI version doesn't match Pyodide ABI version.\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "TypeError: wasm.__wbindgen_add_to_stack_pointer is not a function\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.instantiate(): Import #1 \"env\" \"memory\": memory import must be "
		  "a WebAssembly.Memory object\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"memory\": memory import has no "
		  "maximum limit, expected at most 32768\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.Instance(): table import 1 is smaller than initial 1024, got 512\n",
		  "glue_wasm_version_mismatch" },
		/* minified Emscripten glue imports module "a": another build's .wasm wants other imports */
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.instantiate(): Import #12 \"a\" \"M\": function import requires "
		  "a callable\n",
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.Instance(): Import #3 module=\"a\" function=\"d\" error: imported "
		  "function does not match the expected type\n",
		  "glue_wasm_version_mismatch" },
		/* Node's fetch on a file: URL (undici) */
		{ STAGE_LOAD, "TypeError: fetch failed\n  [cause]: Error: not implemented... yet...\n",
		  "node_fetch_file_url" },
		/* the same refusal of wasm-bindgen's web glue (its init among the frames) is no Emscripten output's */
		{ STAGE_LOAD,
		  "TypeError: fetch failed\nCaused by: Error: not implemented... yet...\n \xe2\x9d\xaf __wbg_init "
		  "node_modules/parquet-wasm/esm/parquet_wasm.js:2930:26\n",
		  "unclassified" },
		/* wheels and Python versions */
		{ STAGE_LOAD,
		  "ValueError: Wheel abi 'cp311' is not supported. Supported abis are 'abi3' and 'cp312'.\n",
		  "wheel_platform_refused" },
		{ STAGE_LOAD, "ValueError: Wheel interpreter version 'pp310' is not supported.\n",
		  "wheel_platform_refused" },
		{ STAGE_LOAD,
		  "error: Distribution `numpy==2.0.0 @ registry+https://pypi.org/simple` can't be installed "
		  "because it doesn't have a source distribution or wheel for the current platform\n",
		  "wheel_platform_refused" },
		{ STAGE_LOAD,
		  "ImportError: Python version mismatch: module was compiled for Python 3.11, but the "
		  "interpreter version is incompatible: 3.12.1.\n",
		  "extension_python_mismatch" },
		{ STAGE_LOAD, "ImportError: Module use of python311.dll conflicts with this version of Python.\n",
		  "extension_python_mismatch" },
		{ STAGE_RUN, "python3: symbol lookup error: /x/_m.so: undefined symbol: PyUnicode_AS_UNICODE\n",
		  "python_capi_missing" },
		/* macOS's dyld */
		{ STAGE_LOAD, "ImportError: dlopen(/x/_m.so, 2): Symbol not found: _PyUnicode_AS_UNICODE\n",
		  "python_capi_missing" },
		{ STAGE_COMPILE, "Expected host Python version to be 3.11 but got version 3.12\n",
		  "host_python_mismatch" },
		{ STAGE_COMPILE,
		  "ValueError: Python version 3.11.9 is not compatible with pyodide build version 0.29.0\n",
		  "host_python_mismatch" },
		{ STAGE_COMPILE,
		  "ValueError: Python version 3.14.0 is not yet supported. The newest supported version of "
		  "Python is 3.13.\n",
		  "host_python_mismatch" },
		{ STAGE_COMPILE,
		  "ValueError: Python version 3.10.4 is too old. The oldest supported version of Python is "
		  "3.12.\n",
		  "host_python_mismatch" },
		{ STAGE_COMPILE,
		  "/x/include/python3.12/Python.h:12:10: fatal error: pyconfig.h: No such file or "
		  "directory\n",
		  "python_headers_missing" },
		{ STAGE_COMPILE, "-- Could NOT find PythonLibs (missing: PYTHON_LIBRARIES PYTHON_INCLUDE_DIRS)\n",
		  "python_headers_missing" },
		/* no guess: traps alone, other syntax errors, network and resolver errors */
		{ STAGE_RUN, "RuntimeError: memory access out of bounds\n", "unclassified" },
		{ STAGE_RUN, "RuntimeError: unreachable\n", "unclassified" },
		{ STAGE_LOAD, "SyntaxError: Unexpected token '}'\n", "unclassified" },
		{ STAGE_LOAD, "TypeError: fetch failed\n  [cause]: Error: getaddrinfo ENOTFOUND cdn.example.org\n",
		  "unclassified" },
		{ STAGE_LOAD,
		  "ERROR: Could not find a version that satisfies the requirement foo (from versions: none)\n",
		  "unclassified" },
		{ STAGE_LOAD, "CompileError: WebAssembly.instantiate(): section was shorter than expected size\n",
		  "unclassified" },
		/* a maximum in the expected limits: either bound may be the mismatch */
		{ STAGE_LOAD,
		  "Error: memory types incompatible: expected memory limits (min: 20, max: 100) doesn't match "
		  "provided memory limits (min: 20, max: 200)\n",
		  "unclassified" },
		/* a feature named without a refusal, a mismatch of something else */
		{ STAGE_RUN, "Error: failed to run main module\n\nCaused by:\n    SIMD support detected\n",
		  "unclassified" },
		{ STAGE_LOAD, "Error: version mismatch in shared library libfoo.so\n", "unclassified" },
		/* a user's own import object: names nothing */
		{ STAGE_LOAD,
		  "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"log\": function import requires "
		  "a callable\n",
		  "unclassified" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		CHECK_STR(classify1(t, cases[i].stage, cases[i].log, NULL, NULL), cases[i].want);

	/*
	 * An old engine's SyntaxError on the glue's modern syntax (V8): named
	 * only when the cell's Node is known to be older than the syntax; any
	 * other program's SyntaxError is not the glue's.
	 */
	CHECK_STR(
		classify1(
			t, STAGE_LOAD,
			"/x/out.js:1234\n    Module ?\?= {};\n           ^^^\n\nSyntaxError: Unexpected token '?\?='\n",
			"node=14.21.3", NULL),
		"engine_lacks_wasm_feature");
	CHECK_STR(classify1(t, STAGE_LOAD, "SyntaxError: Unexpected token '?'\n", NULL, NULL), "unclassified");
	CHECK_STR(classify1(t, STAGE_LOAD, "SyntaxError: Unexpected token '?'\n", "node=22.11.0", NULL),
		  "unclassified");
}

/*
 * The real table on the engines' and the JS-side tools' own message
 * catalogues, one case per wording family (V8's src/wasm/module-decoder-impl.h,
 * function-body-decoder-impl.h and module-instantiate.cc; SpiderMonkey's
 * js.msg; JavaScriptCore's WasmFunctionParser.h and JSWebAssemblyInstance.cpp;
 * Emscripten's src/lib/libdylink.js, src/lib/libcore.js, src/preamble.js and
 * tools/emscripten.py, 2.0-4.x; wasm-bindgen's crates/cli-support, 0.2.50
 * on; Node's lib/internal/errors.js), and the generic JS errors that look
 * alike but whose cause a log does not show: those stay unclassified.
 */
static char *telling(const char *text);

static void test_engine_catalogues(const struct classify_table *t)
{
	static const struct {
		int stage;
		const char *log, *facts, *want;
	} cases[] = {
		/* engine_lacks_wasm_feature: V8 before exception handling reads a tag import (kind 4) */
		{ STAGE_LOAD, "CompileError: WebAssembly.Module(): unknown import kind 0x04 @+233\n", NULL,
		  "engine_lacks_wasm_feature" },
		/* V8: a prefixed (0xfc) opcode it does not know: bulk memory before 7.5 */
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.instantiate(): Compiling function #7 failed: invalid numeric "
		  "opcode @+777\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* V8: a memory beyond the engine's limit (2 GiB before V8 8.x) */
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module(): initial memory size (40000 pages) is larger than "
		  "implementation limit (32767 pages) @+30\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* JavaScriptCore's parser with a feature off */
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module doesn't parse at byte 1234: wasm exceptions are not enabled, "
		  "in function at index 17\n",
		  NULL, "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "WebAssembly.Module doesn't parse at byte 88: Wasm GC is not enabled, in function at index 3\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "WebAssembly.Module doesn't parse at byte 60: SIMD must be enabled\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "CompileError: WebAssembly.Module doesn't parse at byte 301: invalid 0xfc extended op 10, in "
		  "function at index 2\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* JavaScriptCore before BigInt integration; engines without BigInt or its arrays */
		{ STAGE_LOAD, "LinkError: imported global env:__memory_base cannot be an i64\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "ReferenceError: Can't find variable: BigInt64Array\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "ReferenceError: BigInt is not defined\n", NULL, "engine_lacks_wasm_feature" },
		/* no exception-handling JS API: V8's and SpiderMonkey's words, JavaScriptCore's */
		{ STAGE_RUN, "TypeError: WebAssembly.Tag is not a constructor\n", NULL, "engine_lacks_wasm_feature" },
		{ STAGE_RUN, "TypeError: WebAssembly.Exception is not a constructor\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_RUN,
		  "TypeError: undefined is not a constructor (evaluating 'new WebAssembly.Tag({parameters: "
		  "[\"i32\"]})')\n",
		  NULL, "engine_lacks_wasm_feature" },
		/*
		 * Node's module loader refusing a .wasm import is no engine feature: a runtime loader
		 * without wasm modules (NEW-CLASSES.md: runtime_wasm_esm_import_unsupported), a wrong file
		 * given a .wasm name print it alike
		 */
		{ STAGE_LOAD,
		  "TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension \".wasm\" for "
		  "/app/pkg/pkg_bg.wasm\n",
		  NULL, "unclassified" },
		/* JavaScriptCore cannot read a local's type (v128 on a Safari without SIMD) */
		{ STAGE_LOAD,
		  "RuntimeError: Aborted(CompileError: WebAssembly.Module doesn't parse at byte 3: can't get Function "
		  "local's type in group 0, in function at index 583)\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* Emscripten 4.x's browser check, its Error: shown */
		{ STAGE_LOAD,
		  "Uncaught Error: This page was compiled without support for Firefox browser. Pass "
		  "-sMIN_FIREFOX_VERSION=115 or lower to enable support for this browser.\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* wasmparser's check_enabled ("{desc} support is not enabled") as engines wrap it (wasmtime's
		 * "Invalid input WebAssembly code", wasmi's Debug, wasmer's "Validation error"), its older
		 * call_indirect check, WAMR's loader, parity-wasm's Debug form in substrate's executor */
		{ STAGE_LOAD,
		  "Error: failed to compile\n\nCaused by:\n    0: WebAssembly translation error\n"
		  "    1: Invalid input WebAssembly code at offset 512: bulk memory support is not enabled\n",
		  NULL, "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "Error: Translation(Validate(BinaryReaderError { message: \"tail calls support is not enabled\", "
		  "offset: 901 }))\n",
		  NULL, "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "RuntimeError: Validation error: exceptions support is not enabled (at offset 0x1f4)\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* CosmWasm's VM (wasmvm's static validation, CosmWasm/wasmd threads) */
		{ STAGE_LOAD,
		  "Error calling the VM: Error during static Wasm validation: Wasm bytecode could not be deserialized. "
		  "Deserialization error: \"bulk memory support is not enabled (at offset 0xa6a0)\"\n",
		  NULL, "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "Caused by:\n    Invalid input WebAssembly code at offset 120: reference-types not enabled: zero "
		  "byte "
		  "expected\n",
		  NULL, "engine_lacks_wasm_feature" },
		{ STAGE_LOAD, "Error: WASM module load failed: zero byte expected\n", NULL,
		  "engine_lacks_wasm_feature" },
		{ STAGE_LOAD,
		  "WARN wasm-runtime: Cannot create a runtime error=Other(\"cannot deserialize module: "
		  "UnknownSimdOpcode(12)\")\n",
		  NULL, "wasm_tool_feature_not_enabled" },
		{ STAGE_LOAD, "Error: Failed to deserialize wasm module with Unknown opcode 192\n", NULL,
		  "engine_lacks_wasm_feature" },
		/* wasm_engine_crash: V8's FATAL when Liftoff bails out on a platform it should compile for */
		{ STAGE_LOAD,
		  "#\n# Fatal error in , line 0\n# Liftoff bailout should not happen. Cause: Armv6 not supported\n"
		  "#\n#\n#\n#FailureMessage Object: 0x7ffd2a40\nIllegal instruction\n",
		  NULL, "wasm_engine_crash" },
		/* cross_origin_isolation_missing: SpiderMonkey's structured clone (JSMSG_SC_NOT_CLONABLE*) */
		{ STAGE_LOAD,
		  "DataCloneError: The SharedArrayBuffer object cannot be serialized. The Cross-Origin-Opener-Policy "
		  "and Cross-Origin-Embedder-Policy HTTP headers will enable this in the future.\n",
		  NULL, "cross_origin_isolation_missing" },
		/* node_fetch_file_url: undici reads a Windows path's drive letter as a scheme it does not know,
		 * the user's frames under the cause (Node 18.1) or over it */
		{ STAGE_LOAD,
		  "TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:11457:11)\n"
		  "    at async instantiateAsync (C:\\app\\node_modules\\pkg\\dist\\glue.js:700:25) {\n"
		  "  [cause]: Error: unknown scheme\n"
		  "      at makeNetworkError (node:internal/deps/undici/undici:6940:35)\n",
		  NULL, "node_fetch_file_url" },
		/* glue_wasm_version_mismatch: the module's import namespace is missing, per engine */
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #0 \"wbg\": module is not an object or function\n",
		  NULL, "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.Instance(): Import #0 module=\"a\" error: module is not an object or "
		  "function\n",
		  NULL, "glue_wasm_version_mismatch" },
		/* the bundler target's "./x_bg.js" missing: no imports given, glue of another target or build */
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #0 \"./hello_bg.js\": module is not an object or "
		  "function\n",
		  NULL, "unclassified" },
		{ STAGE_LOAD, "TypeError: import object field 'wbg' is not an Object\n", NULL,
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "LinkError: import function a:c must be callable\n", NULL, "glue_wasm_version_mismatch" },
		/* SpiderMonkey names no module: Emscripten's minified import names (a, b, ..., aa) tell it */
		{ STAGE_LOAD, "LinkError: import object field 'ab' is not a Function\n", NULL,
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "LinkError: import object field 'log' is not a Function\n", NULL, "unclassified" },
		/* a memory or table of another shape: JavaScriptCore's and SpiderMonkey's words */
		{ STAGE_LOAD,
		  "LinkError: Memory import env:memory did not have a 'maximum' but the module requires that it does\n",
		  NULL, "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: Table import env:__indirect_function_table provided an 'initial' that is too small\n",
		  NULL, "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "LinkError: imported Memory with incompatible maximum size\n", NULL,
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "LinkError: imported Table with incompatible size\n", NULL,
		  "glue_wasm_version_mismatch" },
		/* a memory or table import given no Memory or Table: SpiderMonkey's and JavaScriptCore's words */
		{ STAGE_LOAD, "LinkError: import object field 'memory' is not a Memory\n", NULL,
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD,
		  "LinkError: Table import env:__indirect_function_table is not an instance of WebAssembly.Table\n",
		  NULL, "glue_wasm_version_mismatch" },
		/* a user's own import object names nothing of a glue */
		{ STAGE_LOAD, "LinkError: import object field 'counter' is not a Global\n", NULL, "unclassified" },
		/* Emscripten's glue expecting an export the module lacks: 2.0-4.0.x, 4.0.17 on */
		{ STAGE_RUN, "Aborted(Assertion failed: exported native function `main` not found)\n", NULL,
		  "glue_wasm_version_mismatch" },
		{ STAGE_LOAD, "Aborted(Assertion failed: missing Wasm export: _emscripten_stack_init)\n", NULL,
		  "glue_wasm_version_mismatch" },
		/* wasm-bindgen's CLI and the crate's schema: before 0.2.74, 0.2.74 on, 2024 on */
		{ STAGE_MAIN,
		  "error: \n\nit looks like the Rust project used to create this wasm file was linked against\n"
		  "a different version of wasm-bindgen than this binary:\n\n  rust wasm file: 0.2.55\n"
		  "     this binary: 0.2.54\n",
		  NULL, "wasm_bindgen_cli_mismatch" },
		{ STAGE_MAIN,
		  "error: \n\nit looks like the Rust project used to create this wasm file was linked against\n"
		  "version of wasm-bindgen that uses a different bindgen format than this binary:\n\n"
		  "  rust wasm file schema version: 0.2.84\n     this binary schema version: 0.2.83\n",
		  NULL, "wasm_bindgen_cli_mismatch" },
		{ STAGE_MAIN, "  rust Wasm file schema version: 0.2.100\n     this binary schema version: 0.2.99\n",
		  NULL, "wasm_bindgen_cli_mismatch" },
		/* not_a_wasm_module: the spec interpreter's wording, as wasmparser, wasmtime and WAMR print it */
		{ STAGE_LOAD,
		  "Error: magic header not detected: bad magic number - expected=[0x0, 0x61, 0x73, 0x6d] "
		  "actual=[0x7f, 0x45, 0x4c, 0x46] (at offset 0x0)\n",
		  NULL, "not_a_wasm_module" },
		/* initial_memory_too_small: JavaScriptCore's older wording */
		{ STAGE_LOAD,
		  "LinkError: Memory import env:memory provided an 'initial' that is smaller than the module's "
		  "declared 'initial' import memory size\n",
		  NULL, "initial_memory_too_small" },
		/*
		 * main_module_export_missing: libdylink's GOT entry the main module does not export, for a
		 * runtime or libc symbol; a library's own global may come from another side module
		 */
		{ STAGE_LOAD, "Error: bad export type for '__THREW__': undefined\n", NULL,
		  "main_module_export_missing" },
		{ STAGE_LOAD, "Error: bad export type for `__THREW__`: undefined\n", NULL,
		  "main_module_export_missing" },
		{ STAGE_LOAD, "Error: bad export type for 'g_state': undefined\n", NULL, "unclassified" },
		/* dyncall_legacy_missing: dynCallLegacy's assertions, 2.0 to 4.x */
		{ STAGE_RUN, "Aborted(Assertion failed: bad function pointer type - sig is not in dynCalls: 'vij')\n",
		  NULL, "dyncall_legacy_missing" },
		{ STAGE_RUN,
		  "Aborted(Assertion failed: bad function pointer type - dynCall function not found for sig 'jii')\n",
		  NULL, "dyncall_legacy_missing" },
		/* cxx_exceptions_disabled at run time: Emscripten's throw without catching, 3.1.35 on, before */
		{ STAGE_RUN,
		  "Aborted(Assertion failed: Exception thrown, but exception catching is not enabled. Compile with "
		  "-sNO_DISABLE_EXCEPTION_CATCHING or -sEXCEPTION_CATCHING_ALLOWED=[..] to catch.)\n",
		  NULL, "cxx_exceptions_disabled" },
		{ STAGE_RUN,
		  "exception thrown: 5246024 - Exception catching is disabled, this exception cannot be caught. "
		  "Compile with -s NO_DISABLE_EXCEPTION_CATCHING or -s EXCEPTION_CATCHING_ALLOWED=[..] to catch.\n",
		  NULL, "cxx_exceptions_disabled" },
		/* wasm-pack's check of the target (src/build/wasm_target.rs) */
		{ STAGE_COMPILE,
		  "Error: wasm32-unknown-unknown target not found in sysroot: "
		  "\"/home/u/.rustup/toolchains/stable-x86_64-unknown-linux-gnu\"\n",
		  NULL, "std_missing_for_target" },
		/* a probe's trap in SpiderMonkey's and JavaScriptCore's words, with the cell's facts */
		{ STAGE_RUN, "RuntimeError: index out of bounds\n", "probe=u128,rust=1.80", "u128_layout_mismatch" },
		{ STAGE_RUN, "RuntimeError: Out of bounds memory access\n", "probe=time_t,emscripten=3.1.10",
		  "time_t_layout_mismatch" },

		/* near misses: generic JS errors whose cause the log does not show */
		{ STAGE_RUN, "TypeError: Do not know how to serialize a BigInt\n", NULL, "unclassified" },
		{ STAGE_RUN, "TypeError: Cannot mix BigInt and other types, use explicit conversions\n", NULL,
		  "unclassified" },
		{ STAGE_RUN,
		  "RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer\n", NULL,
		  "unclassified" },
		{ STAGE_RUN, "RangeError: Maximum call stack size exceeded\n", NULL, "unclassified" },
		{ STAGE_RUN, "InternalError: too much recursion\n", NULL, "unclassified" },
		{ STAGE_RUN, "RuntimeError: Out of bounds memory access\n", NULL, "unclassified" },
		{ STAGE_RUN, "RuntimeError: index out of bounds\n", NULL, "unclassified" },
		{ STAGE_RUN, "RuntimeError: null function or function signature mismatch\n", NULL, "unclassified" },
		{ STAGE_RUN, "RuntimeError: indirect call signature mismatch\n", NULL, "unclassified" },
		{ STAGE_RUN, "RuntimeError: unreachable executed\n", NULL, "unclassified" },
		{ STAGE_LOAD, "RangeError: WebAssembly.Memory(): could not allocate memory\n", NULL, "unclassified" },
		{ STAGE_LOAD,
		  "RangeError: WebAssembly.Instance(): Out of memory: Cannot allocate Wasm memory for new instance\n",
		  NULL, "unclassified" },
		{ STAGE_RUN, "Aborted(Assertion failed: missing table entry in dynCall: 5)\n", NULL, "unclassified" },
		{ STAGE_LOAD, "Error: bad export type for 'g_ptr': bigint (5n)\n", NULL, "unclassified" },
		/* a host without wasm EH does not provide the tag: Emscripten's dylink and Pyodide's words */
		{ STAGE_LOAD,
		  "RuntimeError: Aborted(Assertion failed: undefined symbol '__cpp_exception'. perhaps a side "
		  "module was not linked in? if this global was expected to arrive from a system library, try "
		  "to build the MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  NULL, "wasm_eh_tag_missing" },
		{ STAGE_LOAD, "Error: Dynamic linking error: cannot resolve symbol __c_longjmp\n", NULL,
		  "wasm_eh_tag_missing" },
		{ STAGE_LOAD,
		  "Aborted(external symbol '__cpp_exception' is missing. perhaps a side module was not linked "
		  "in? if this global was expected to arrive from a system library, try to build the "
		  "MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  NULL, "wasm_eh_tag_missing" },
		/* another runtime symbol missing stays the main module's export */
		{ STAGE_LOAD, "Error: Dynamic linking error: cannot resolve symbol __cxa_demangle\n", NULL,
		  "main_module_export_missing" },
		/* the tag of a host without wasm EH is another thing than no Tag in the engine */
		{ STAGE_LOAD, "LinkError: import object field '__cpp_exception' is not a Tag\n", NULL,
		  "wasm_eh_tag_missing" },
		/*
		 * a WASI module whose host gave imports (#0 resolved) but no WASI; with no imports at all (#0)
		 * it may be any toolchain's module loaded without its glue
		 */
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #1 \"wasi_snapshot_preview1\": module is not an "
		  "object or function\n",
		  NULL, "wasi_host_import_missing" },
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #0 \"wasi_snapshot_preview1\": module is not an "
		  "object or function\n",
		  NULL, "unclassified" },
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #0 \"string_constants\": module is not an object "
		  "or function\n",
		  NULL, "unclassified" },
		{ STAGE_LOAD,
		  "TypeError: WebAssembly.instantiate(): Import #0 \"env\": module is not an object or function\n",
		  NULL, "unclassified" },
		/* wasm-bindgen's glue before its init() ran: `wasm` is undefined, nothing mismatched */
		{ STAGE_RUN,
		  "TypeError: Cannot read properties of undefined (reading '__wbindgen_add_to_stack_pointer')\n", NULL,
		  "unclassified" },
		/* a V8 flag this Node does not know yet (JSPI's): too old for it, or too new, the line does not say */
		{ STAGE_RUN, "node: bad option: --experimental-wasm-jspi\n", NULL, "unclassified" },
		/* "support is not enabled" of other tools (f2fs in Linux, libreswan's pluto, cpp_dbc) */
		{ STAGE_LOAD, "F2FS-fs (sdb): Zoned block device support is not enabled\n", NULL, "none" },
		{ STAGE_LOAD, "efence support is not enabled; option --efence-protect ignored\n", NULL, "none" },
		{ STAGE_LOAD, "DBException: MongoDB support is not enabled in this build\n", NULL, "unclassified" },
		/* wasm-bindgen's test runner refusing the module in walrus (its wasmparser): the tool, not the engine */
		{ STAGE_RUN,
		  "Error: failed to deserialize wasm module\n\nCaused by:\n    0: failed to parse code section\n"
		  "    1: reference types support is not enabled (at offset 738889)\n",
		  NULL, "unclassified" },
		/* a wasm parser's other refusals: no module at all, a truncated one */
		{ STAGE_LOAD,
		  "Caused by:\n    Invalid input WebAssembly code at offset 0: magic header not detected: bad magic "
		  "number\n",
		  NULL, "not_a_wasm_module" },
		{ STAGE_LOAD, "Error: WASM module load failed: unexpected end\n", NULL, "unclassified" },
		/* an EVM's unknown opcode (no wasm on the line) */
		{ STAGE_RUN, "Error: EvmError(UnknownOpcode(239))\n", NULL, "unclassified" },
		/* V8's other FATALs: a string or array past its size limit, no wasm: a crash, of no class */
		{ STAGE_RUN,
		  "#\n# Fatal error in , line 0\n# Fatal JavaScript invalid size error 169220804\n#\n#\n#\n"
		  "#FailureMessage Object: 0x7ffc\nTrace/breakpoint trap (core dumped)\n",
		  NULL, "unclassified" },
		/* SpiderMonkey's and V8's clone refusals of things no header allows */
		{ STAGE_LOAD, "Uncaught DOMException: The object could not be cloned.\n", NULL, "unclassified" },
		{ STAGE_LOAD,
		  "DataCloneError: Failed to execute 'postMessage' on 'Worker': function f() {} could not be "
		  "cloned.\n",
		  NULL, "unclassified" },
		/* undici's unknown scheme for a URL without one (fetch("localhost:3000/api")), other fetch causes */
		{ STAGE_RUN,
		  "TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:11457:11)\n"
		  "    at async main (/app/index.js:3:15) {\n  [cause]: Error: unknown scheme\n"
		  "      at makeNetworkError (node:internal/deps/undici/undici:6940:35)\n",
		  NULL, "unclassified" },
		{ STAGE_RUN,
		  "TypeError: fetch failed\n    at async main (C:\\app\\index.js:3:15) {\n"
		  "  [cause]: Error: connect ECONNREFUSED 127.0.0.1:3000\n",
		  NULL, "unclassified" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		CHECK_STR(classify1(t, cases[i].stage, cases[i].log, cases[i].facts, NULL), cases[i].want);

	/* wasm-pack's context lines wrap the cause: the rustc error is the telling line */
	CHECK_STR(telling("error[E0425]: cannot find function `foo` in this scope\n --> src/lib.rs:3:5\n"
			  "Error: Compiling your crate to WebAssembly failed\n"
			  "Caused by: failed to execute `cargo build`: exited with exit status: 101\n"),
		  "error[E0425]: cannot find function `foo` in this scope");
	CHECK_STR(telling("Error: Running the wasm-bindgen CLI\n"), "Error: Running the wasm-bindgen CLI");
	/* a V8 flag Node refuses is an error line, not a clean log */
	CHECK_STR(telling("node: bad option: --experimental-wasm-eh\n"), "node: bad option: --experimental-wasm-eh");
}

/*
 * The real table on the compile/link tools' own message texts (rustc's
 * rustc_metadata and rustc_driver catalogues, rustup, cargo, cc-rs, clang's
 * driver, LLVM, wasm-ld, emcc, binaryen), one per wording family: what a
 * user's log of the same breakage says although no corpus case does.
 */
static void test_catalogue_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* rustc_metadata: E0463 and its notes, in any quoting; rustup's missing rust-std */
		{ "error[E0463]: can't find crate for \\`core\\`\n", "std_missing_for_target" },
		{ "error[E0463]: can't find crate for `compiler_builtins`\n", "std_missing_for_target" },
		{ "\"error[E0463]: can\\'t find crate for \\\\\\`std\\\\\\`\"\n", "std_missing_for_target" },
		{ "  = note: the `wasm32-wasip2` target may not support the standard library\n",
		  "std_missing_for_target" },
		{ "  = help: consider downloading the target with `rustup target add wasm32-wasip1`\n",
		  "std_missing_for_target" },
		{ "error: toolchain 'stable-x86_64-unknown-linux-gnu' does not contain component 'rust-std' for target "
		  "'wasm32-unknown-emscripten'\n",
		  "std_missing_for_target" },
		{ "error: component 'rust-std' for target 'wasm32-unknown-emscripten' is unavailable for download for "
		  "channel 'nightly-2024-01-01'\n",
		  "std_missing_for_target" },
		{ "error: toolchain 'nightly-x86_64-unknown-linux-gnu' does not contain component 'rust-src'\n",
		  "build_std_source_missing" },
		{ "error[E0460]: found possibly newer version of crate `std` which `foo` depends on\n",
		  "std_built_by_other_rustc" },
		{ "error: cannot link together two panic runtimes: panic_abort and panic_unwind\n",
		  "panic_strategy_mismatch" },
		/* rustc_driver, cargo, cc-rs, clang's driver, LLVM, emcc: crashes */
		{ "note: the compiler unexpectedly panicked. this is a bug.\n", "toolchain_crash" },
		{ "thread 'rustc' panicked at compiler/rustc_codegen_llvm/src/back/write.rs:12:5:\n",
		  "toolchain_crash" },
		{ "query stack during panic:\n", "toolchain_crash" },
		{ "thread 'rustc' has overflowed its stack\nfatal runtime error: stack overflow\n", "toolchain_crash" },
		{ "  process didn't exit successfully: `/r/bin/rustc --crate-name foo src/lib.rs` (signal: 11, "
		  "SIGSEGV: "
		  "invalid memory reference)\n",
		  "toolchain_crash" },
		{ "  process didn't exit successfully: `C:\\r\\bin\\rustc.exe --crate-name foo` (exit code: "
		  "0xc0000005, "
		  "STATUS_ACCESS_VIOLATION)\n",
		  "toolchain_crash" },
		{ "emcc: error: '/e/upstream/bin/clang++ -c x.cpp' failed (received SIGSEGV (-11))\n",
		  "toolchain_crash" },
		{ "clang: error: linker command failed due to signal (use -v to see invocation)\n", "toolchain_crash" },
		{ "clang++: error: clang frontend command failed with exit code 139 (use -v to see invocation)\n",
		  "toolchain_crash" },
		{ "LLVM ERROR: Broken function found, compilation aborted!\n", "toolchain_crash" },
		{ "Assertion failed: (isa<X>(Val) && \"cast<Ty>() argument of incompatible type!\"), function cast, "
		  "file "
		  "/b/llvm-project/llvm/include/llvm/Support/Casting.h, line 578.\n",
		  "toolchain_crash" },
		{ "note: please attach the file at `/p/rustc-ice-2024-05-01T10_00_00-123.txt` to your bug report\n",
		  "toolchain_crash" },
		{ "wasm-ld: /b/llvm-project/lld/wasm/InputChunks.cpp:412: void f(): Assertion `x' failed.\n",
		  "toolchain_crash" },
		{ "/bin/sh: line 1:  4242 Segmentation fault      (core dumped) /e/upstream/bin/wasm-ld -o a.wasm "
		  "a.o\n",
		  "toolchain_crash" },
		/* rustc's resolver and compile_error! inside a dependency (the --> path) */
		{ "error[E0432]: unresolved import `crate::fs::Metadata`\n"
		  " --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/filetime-0.2.1/src/unix/mod.rs:3:5\n",
		  "crate_no_target_code" },
		{ "error[E0425]: cannot find function `sysconf` in this scope\n"
		  " --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/num_cpus-1.0.0/src/lib.rs:3:5\n",
		  "crate_no_target_code" },
		{ "error: Unsupported architecture\n --> vendor/foo/src/lib.rs:9:1\n", "crate_no_target_code" },
		{ "error[E0428]: the name `imp` is defined multiple times\n"
		  " --> /h/.cargo/registry/src/i/foo-1.0.0/src/lib.rs:9:1\n",
		  "crate_target_cfg_overlap" },
		/* rustc's overflow lints and const eval, naming the 32-bit width */
		{ "error: this arithmetic operation will overflow\n"
		  "   |     ^^^^ attempt to compute `4294967295_usize + 1_usize`, which would overflow\n",
		  "pointer_width_assumption" },
		{ "error[E0308]: mismatched types\n  --> /h/.cargo/registry/src/i/foo-1.0.0/src/lib.rs:10:5\n   |\n"
		  "10 |     len\n   |     ^^^ expected `u64`, found `usize`\n",
		  "pointer_width_assumption" },
		{ "   |     ^^^^^^ expected an array with a fixed size of 4 elements, found one with 8 elements\n"
		  "error: aborting due to 1 previous error\n",
		  "pointer_width_assumption" },
		{ "  = note: the literal `4294967296` does not fit into the type `usize` whose range is "
		  "`0..=4294967295`\n",
		  "pointer_width_assumption" },
		/* rustc_codegen_ssa, shells, cc-rs, emcc: missing tools */
		{ "error: could not exec the linker `cc`\n", "host_linker_missing" },
		{ "bash: emcc: command not found\n", "emcc_not_found" },
		{ "'emcc' is not recognized as an internal or external command,\n", "emcc_not_found" },
		{ "  error occurred: Failed to find tool. Is `emcc` installed?\n", "emcc_not_found" },
		{ "  failed to execute command: No such file or directory (os error 2)\n  is `emcmake` not "
		  "installed?\n",
		  "emcc_not_found" },
		{ "emcc: error: binaryen executable not found (/usr/bin/wasm-opt). Please check your binaryen "
		  "installation\n",
		  "binaryen_tool_missing" },
		{ "shared:ERROR: BINARYEN_ROOT is set to empty value in /h/.emscripten\n", "binaryen_tool_missing" },
		/* cargo, wasm-ld, emcc, binaryen */
		{ "error: unknown `-Z` flag specified: build-std-features\n", "rustc_unknown_unstable_option" },
		{ "  invalid serialized PackageId for key `package.dependencies`\n", "cargo_lockfile_too_new" },
		{ "wasm-ld: error: 'atomics' feature is used by a.o, so --shared-memory must be used\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: x.o: undefined symbol: __wasm_lpad_context\n", "eh_abi_link_mismatch" },
		{ "emcc: error: SUPPORT_LONGJMP=emscripten is not compatible with -fwasm-exceptions\n",
		  "eh_abi_link_mismatch" },
		/* pyo3-build-config */
		{ "  error: Could not find _sysconfigdata*.py in /x/lib\n", "pyo3_cross_config" },
		{ "  error: PYO3_CROSS_PYTHON_VERSION or an abi3-py3* feature must be specified when cross-compiling "
		  "and "
		  "PYO3_CROSS_LIB_DIR is not set.\n",
		  "pyo3_cross_config" },
		{ "  error: the configured PyPy interpreter version (3.11) is newer than PyO3's maximum supported "
		  "version "
		  "(3.10)\n",
		  "pyo3_python_too_new" },
		/* cargo's manifest parser, rustc's options and feature gates */
		{ "error: failed to parse manifest at `/p/Cargo.toml`\n\nCaused by:\n  failed to parse the `edition` "
		  "key\n\n"
		  "Caused by:\n  supported edition values are `2015`, `2018`, or `2021`, but `2024` is unknown\n",
		  "rust_too_old_for_crate" },
		{ "error: argument for `--edition` must be one of: 2015|2018. (instead was `2021`)\n",
		  "rust_too_old_for_crate" },
		{ "error[E0635]: unknown feature `proc_macro_span_shrink`\n"
		  "  --> /h/.cargo/registry/src/i/proc-macro2-1.0.56/src/lib.rs:92:30\n",
		  "crate_too_old_for_rust" },
		{ "error[E0557]: feature has been removed\n", "crate_too_old_for_rust" },
		{ "[wasm-validator error in module] unexpected false: Only 1 table definition allowed in MVP (use "
		  "--enable-reference-types)\n",
		  "wasm_opt_feature_validation" },
	};
	/*
	 * benign: a lint in a dependency, the user's program crashing or panicking, a build script's exit,
	 * the user's own type error, a type error in a dependency that names no integer width
	 */
	static const char *const benign[] = {
		"error: unused variable: `platform`\n --> /r/.cargo/registry/src/i/foo-1.0.0/src/lib.rs:1:5\n",
		"/bin/sh: line 1:    99 Segmentation fault      (core dumped) ./a.out\n",
		"Assertion failed: x == 1, file main.c, line 3\n",
		"thread 'main' panicked at src/lib.rs:3:5:\nattempt to add with overflow\n",
		"error[E0308]: mismatched types\n --> /r/.cargo/registry/src/i/foo-1.0.0/src/lib.rs:1:5\n",
		("error[E0308]: mismatched types\n --> src/lib.rs:1:5\n  |\n1 | x\n  | ^ expected `u64`, found "
		 "`usize`\n"),
		("error[E0308]: mismatched types\n --> /r/.cargo/registry/src/i/foo-1.0.0/src/lib.rs:1:5\n  |\n1 | x\n"
		 "  | ^ expected `usize`, found `String`\n"),
		"  process didn't exit successfully: `/t/debug/build/foo-1/build-script-build` (exit status: 101)\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unnamed(t, benign, COUNT(benign));
}

/*
 * The third batch's families, one message in each wording its tool released:
 * emcc's -s settings (emscripten tools/settings.py LEGACY_SETTINGS: "Invalid
 * command line option -s X=V: ..." from 1.38.27, "invalid command line setting
 * `-sX=V`: ..." from 3.1.51; strict mode's legacy settings since 1.38.28;
 * settings_internal.js since 1.39.0), wasm-bindgen's schema check
 * (crates/cli-support/src/wit/mod.rs: "a different version of wasm-bindgen"
 * 2018-2021, "schema version" after, "Wasm" from 0.2.94), its descriptor
 * interpreter (crates/wasm-interpreter, later cli-support/src/interpreter) and
 * its glue's argument checks (cli-support/src/js/mod.rs), Emscripten's pointer
 * assertions (src/lib/libstrings.js, libcore.js), LLVM's EH option errors
 * (llvm/test/CodeGen/WebAssembly/eh-option-errors.ll), webpack's wasm parser
 * (webassemblyjs packages/wasm-parser/src/decoder.js), the xbuildenv checks of
 * cibuildwheel (platforms/pyodide.py) and pyodide-build (xbuildenv.py), and
 * LLVM's crash handler. Near misses stay unnamed or keep their own class.
 */
static void test_batch3_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "em++: error: invalid command line setting `-sUSE_ES6_IMPORT_META=0`: Disabling is no longer "
		  "supported\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Invalid command line option -s MEMFS_APPEND_TO_TYPED_ARRAYS=0: Starting from "
		  "Emscripten 1.38.26, MEMFS_APPEND_TO_TYPED_ARRAYS=0 is no longer supported\n",
		  "emcc_setting_removed" },
		{ "emcc: error: legacy setting used in strict mode: SPLIT_MEMORY\n", "emcc_setting_removed" },
		{ "shared:ERROR: Invalid command line option -s BINARYEN_METHOD=asmjs: Starting from Emscripten "
		  "1.38.23, Emscripten now always builds either to Wasm (-s WASM=1 - default), or to JavaScript (-s "
		  "WASM=0), other methods are not supported\n",
		  "emcc_setting_removed" },
		{ "emcc: error: LOAD_SOURCE_MAP is an internal setting and cannot be set from command line\n",
		  "emcc_setting_removed" },
		{ "it looks like the Rust project used to create this Wasm file was linked against\n"
		  "version of wasm-bindgen that uses a different bindgen format than this binary:\n\n"
		  "  rust Wasm file schema version: 0.2.93\n     this binary schema version: 0.2.94\n",
		  "wasm_bindgen_cli_mismatch" },
		{ "it looks like the Rust project used to create this wasm file was linked against\n"
		  "a different version of wasm-bindgen than this binary:\n\n  rust wasm file: 0.2.21\n"
		  "     this binary: 0.2.22\n",
		  "wasm_bindgen_cli_mismatch" },
		{ "  rust wasm file schema version: 0.2.92 (c108c7520)\n     this binary schema version: 0.2.92\n",
		  "wasm_bindgen_cli_mismatch" },
		{ "Uncaught RuntimeError: Aborted(Assertion failed: UTF8ToString expects a number (got bigint))\n",
		  "bigint_js_boundary" },
		{ "Aborted(Assertion failed: ptrToString expects a number, got bigint)\n", "bigint_js_boundary" },
		{ "wasm-bindgen: imported JS function that was not marked as `catch` threw an error: expected a bigint "
		  "argument, found number\n",
		  "bigint_js_boundary" },
		{ "Error: expected a number argument, found bigint\n", "bigint_js_boundary" },
		{ "Aborted(Assertion failed: native promises can only handle numeric results (5 bigint))\n",
		  "bigint_js_boundary" },
		{ "Some errors occurred: E0412, E0425.\nFor more information about an error, try `rustc --explain "
		  "E0412`.\nerror: Could not compile `libc`.\n",
		  "crate_no_target_code" },
		{ "Some errors have detailed explanations: E0412, E0425, E0432, E0433, E0583.\n"
		  "For more information about an error, try `rustc --explain E0412`.\n"
		  "error: could not compile `mio` (lib) due to 27 previous errors\n",
		  "crate_no_target_code" },
		{ "thread 'main' panicked at /b/wasm-bindgen-wasm-interpreter-0.2.100/src/lib.rs:245:21:\n"
		  "x::__ctor::h1: Read a negative address value from the stack. Did we run out of memory?\n",
		  "crate_too_old_for_rust" },
		{ "thread 'main' panicked at /h/.cargo/registry/src/i/wasm-bindgen-cli-support-0.2.105/src/interpreter/"
		  "mod.rs:324:17:\nf: unknown instruction MemoryFill\n",
		  "crate_too_old_for_rust" },
		{ "LLVM ERROR: -enable-emscripten-cxx-exceptions not allowed with -wasm-enable-eh\n",
		  "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -enable-emscripten-sjlj not allowed with -wasm-enable-sjlj\n", "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -exception-model=wasm not allowed with -enable-emscripten-cxx-exceptions\n",
		  "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -exception-model=wasm only allowed with at least one of -wasm-enable-eh or "
		  "-wasm-enable-sjlj\n",
		  "eh_abi_link_mismatch" },
		{ "ERROR in ./pkg/index_bg.wasm\nModule parse failed: Internal failure: parseVec could not cast the "
		  "value\n",
		  "engine_lacks_wasm_feature" },
		{ "Module parse failed: Unexpected section: 0xd\n", "engine_lacks_wasm_feature" },
		{ "CompileError: Unknown element type in table: 0x6f\n", "engine_lacks_wasm_feature" },
		{ "TypeError: WebAssembly.Function.type is not a function\n", "engine_lacks_wasm_feature" },
		{ "TypeError: WebAssembly.instantiateStreaming is not a function\n", "engine_lacks_wasm_feature" },
		{ "Error: cibuildwheel: The Pyodide xbuildenv version 314.0.0 is not compatible with the pyodide-build "
		  "version 0.35.0. Please use the 'pyodide xbuildenv search --all' command to find a compatible "
		  "version.\n",
		  "host_python_mismatch" },
		{ "ValueError: Version 0.27.0 is not compatible with the current environment.\n",
		  "host_python_mismatch" },
		{ "wasm-ld : error : initial memory too small, 19468624 bytes needed [x.proj]\n",
		  "initial_memory_too_small" },
		{ " #0 0x0000574add0e7b88 llvm::sys::PrintStackTrace(llvm::raw_ostream&, int) (/e/bin/wasm-ld+0x1)\n",
		  "toolchain_crash" },
		{ "0.\tProgram arguments: /e/bin/clang -cc1 -triple wasm32 x.c\n", "toolchain_crash" },
		{ "error: linking with `rust-lld` failed: signal: 11 (SIGSEGV) (core dumped)\n", "toolchain_crash" },
		{ "error: linking with `emcc` failed: exit code: 0xc0000005\n", "toolchain_crash" },
		/* near misses that keep their own class */
		{ "LLVM ERROR: Cannot select: t42: i32,ch = AtomicLoad<(volatile load (s32))> t39, t48\n"
		  "PLEASE submit a bug report to https://bugs.llvm.org/\n",
		  "toolchain_crash" },
		{ "error: older versions of the `wasm-bindgen` crate are incompatible with current versions of Rust\n",
		  "crate_too_old_for_rust" },
	};
	/*
	 * benign or unknown: a legacy setting's warning, an unknown setting (a typo, or a setting too new for
	 * this emcc), a wasm-bindgen decode error, assertions on other types, other crates' resolution errors,
	 * the user's own panic, webpack's JS parser, a linker killed by the OOM killer or failing plainly
	 */
	static const char *const unnamed[] = {
		"emcc: warning: use of legacy setting: LLD_REPORT_UNDEFINED (Disabling is no longer supported) "
		"[-Wlegacy-settings]\n",
		"emcc: error: Attempt to set a non-existent setting: 'WASM_BIGINTS'\n - did you mean one of "
		"WASM_BIGINT?\n",
		"error: failed to decode what looked like wasm-bindgen data\n",
		"Aborted(Assertion failed: UTF8ToString expects a number (got undefined))\n",
		"Error: expected a string argument, found number\n",
		("Some errors have detailed explanations: E0412, E0425.\n"
		 "error: could not compile `serde_json` (lib) due to 2 previous errors\n"),
		("Some errors have detailed explanations: E0308, E0599.\n"
		 "error: could not compile `mio` (lib) due to 2 previous errors\n"),
		"thread 'main' panicked at src/main.rs:3:5:\nunknown instruction\n",
		"Module parse failed: Unexpected token (1:4)\n",
		"TypeError: wasm.greet is not a function\n",
		"LinkError: import object field 'log' is not a Function\n",
		"error: linking with `cc` failed: signal: 9 (SIGKILL)\n",
		"error: linking with `emcc` failed: exit status: 1\n",
		"ERROR: Could not find Pyodide cross-build environment version 0.99.0\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unnamed(t, unnamed, COUNT(unnamed));
}

/*
 * The tools' own wordings behind batch 20's tune misses: substrate's
 * wasm-builder checking for rust-src before -Zbuild-std
 * (substrate-wasm-builder's prerequisites.rs, with and without the sysroot
 * path), rustc's wasm_c_abi lint where it is denied (the hard error's "are
 * incompatible with current versions" came later) and its note on the time
 * 0.3 break of Rust 1.80 (rustc_trait_selection's
 * type_annotations_needed_error_time; a log cut before the note still shows
 * E0282 inside time < 0.3.35), Emscripten 1.39's refusals of fastcomp-only
 * settings (emcc.py, tools/shared.py at 1.39.10) and crossenv's check of the
 * build Python against the target's (crossenv/__init__.py, logged as
 * "ERROR: %s"). Each has near misses: the same words from other tools or for
 * other causes.
 */
static void test_batch20_tune_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "  Cannot compile the WASM runtime: no standard library sources found!\n"
		  "  You can install them with `rustup component add rust-src` if you're using `rustup`.\n",
		  "build_std_source_missing" },
		{ "  --- stderr\n  Cannot compile the WASM runtime: no standard library sources found at "
		  "/home/u/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/src/rust!\n",
		  "build_std_source_missing" },
		{ "error: older versions of the `wasm-bindgen` crate will be incompatible with future versions of "
		  "Rust; "
		  "please update to `wasm-bindgen` v0.2.88\n  = note: `#[deny(wasm_c_abi)]` on by default\n",
		  "crate_too_old_for_rust" },
		{ "error[E0282]: type annotations needed for `Box<_>`\n  --> /root/.cargo/registry/src/"
		  "index.crates.io-1949cf8c6b5b557f/time-0.3.30/src/format_description/parse/mod.rs:83:9\n",
		  "crate_too_old_for_rust" },
		{ "   = note: this is an inference error on crate time caused by an API change in Rust 1.80.0; update "
		  "time to version >=0.3.35 by calling cargo update\n",
		  "crate_too_old_for_rust" },
		{ "emcc:ERROR: BINARYEN_TRAP_MODE is not supported by the LLVM wasm backend\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: emcc: EMTERPRETIFY is not supported by the LLVM wasm backend\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: emcc: CYBERDWARF is not supported by the LLVM wasm backend\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: emcc: EMULATED_FUNCTION_POINTERS is not meaningful with the wasm backend.\n",
		  "emcc_setting_removed" },
		{ "Setting up cross-python\nERROR: Version mismatch: host=3.12, build=3.13\n", "host_python_mismatch" },
		{ "ValueError: Version mismatch: host=3.10, build=3.11\n", "host_python_mismatch" },
		{ "error: undefined symbol: ___getTypeName (referenced by root reference (e.g. compiled C/C++ code))\n",
		  "undefined_symbol_at_link" },
	};
	/*
	 * near misses, each with the class it must not get: wasm-builder's other checks, an IDE's notice,
	 * the lint as a warning or in cargo's future-incompat report (cargo's future_incompat.rs puts each
	 * line of a dependency's diagnostic after "> "), E0282 in the user's code, in a fixed time or
	 * another crate, what 1.39's LLVM backend did not support yet and what only it had, other programs'
	 * version handshakes
	 */
	static const struct near_miss misses[] = {
		{ "Cannot compile the WASM runtime: the `wasm32-unknown-unknown` target is not installed!\n",
		  "build_std_source_missing" },
		{ "No standard library sources found, some code insight will not work\n", "build_std_source_missing" },
		{ "The package `wasm-bindgen v0.2.84` currently triggers the following future incompatibility lints:\n"
		  "> warning: older versions of the `wasm-bindgen` crate will be incompatible with future versions of "
		  "Rust; please update to `wasm-bindgen` v0.2.88\n",
		  "crate_too_old_for_rust" },
		{ "warning: older versions of the `wasm-bindgen` crate will be incompatible with future versions of "
		  "Rust; "
		  "please update to `wasm-bindgen` v0.2.88\nerror: linking with `rust-lld` failed: exit status: 1\n",
		  "crate_too_old_for_rust" },
		{ "error[E0282]: type annotations needed\n --> src/main.rs:4:9\n", "crate_too_old_for_rust" },
		{ "error[E0282]: type annotations needed for `Box<_>`\n  --> /r/.cargo/registry/src/index.crates.io-1/"
		  "time-0.3.36/src/format_description/parse/mod.rs:83:9\n",
		  "crate_too_old_for_rust" },
		{ "error[E0282]: type annotations needed\n  --> /r/.cargo/registry/src/index.crates.io-1/"
		  "serde_json-1.0.1/src/de.rs:10:9\n",
		  "crate_too_old_for_rust" },
		{ "shared:ERROR: emcc: MAIN_MODULE and SIDE_MODULE are not yet supported by the LLVM wasm backend\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: wasm2js is only available in the upstream wasm backend path\n",
		  "emcc_setting_removed" },
		{ "ERROR: API version mismatch: host=3, plugin=2\n", "host_python_mismatch" },
		{ "Error: protocol version mismatch: host=1 requested=2\n", "host_python_mismatch" },
		{ "ERROR: Version mismatch: host=2, client=1\n", "host_python_mismatch" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * One message in every wording its tool released: Emscripten's side-module
 * assertion (asm.js era "missing linked global NAME", 1.39's "missing linked
 * function `x`", 2.0's "undefined symbol `x`", 3.1's 'x'; "external function"
 * before "external symbol") and binaryen's feature checks (before version_116
 * "(atomics are disabled)", "(multivalue is not enabled)", after it "require
 * threads [--enable-threads]"), wasm-ld's shared-memory check (before LLVM
 * 10 "'atomics' feature is disallowed by X, so --shared-memory must not be
 * used") and rustc's -Z options ("unknown debugging option" before "unknown
 * unstable option") and V8's tag imports ("exception import requires a
 * WebAssembly.Exception" before "tag import requires a WebAssembly.Tag").
 * Other messages around them stay unnamed.
 */
static void test_drifted_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Assertion failed: missing linked global __threwValue. perhaps a side module was not linked in? if "
		  "this "
		  "global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment\n",
		  "main_module_export_missing" },
		{ "Assertion failed: missing linked function `memmove`. perhaps a side module was not linked in? if "
		  "this global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment\n",
		  "main_module_export_missing" },
		{ "Aborted(Assertion failed: undefined symbol `memmove`. perhaps a side module was not linked in? if "
		  "this global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "main_module_export_missing" },
		{ "Aborted(Assertion failed: undefined symbol 'memmove'. perhaps a side module was not linked in? if "
		  "this global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "main_module_export_missing" },
		{ "abort(\"external function 'emscripten_asm_const_int' is missing. perhaps a side module was not "
		  "linked in? if this "
		  "function was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment\")\n",
		  "main_module_export_missing" },
		{ "Aborted(external global '__THREW__' is missing. perhaps a side module was not linked in? if this "
		  "function was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "main_module_export_missing" },
		{ "[wasm-validator error in function f] unexpected false: Atomic operation (atomics are disabled), "
		  "on \n(i32.atomic.load\n (i32.const 0)\n)\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function f] unexpected false: Atomic operations require threads "
		  "[--enable-threads], on \n(i32.atomic.load\n (i32.const 0)\n)\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: memory is shared, but atomics are disabled, on "
		  "\nmemory\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: shared memory requires threads "
		  "[--enable-threads], on \nmemory\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function f] unexpected false: Multivalue block type (multivalue is not "
		  "enabled), on \n(block\n)\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function f] unexpected false: Multivalue block type require multivalue "
		  "[--enable-multivalue], on \n(block\n)\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: Only funcref is valid for table type (when "
		  "reference types are disabled), on \ntable\n",
		  "wasm_opt_feature_validation" },
		/* wasm-ld before and after LLVM 10 */
		{ "wasm-ld: error: 'atomics' feature is disallowed by foo.o, so --shared-memory must not be used\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: --shared-memory is disallowed by foo.o because it was not compiled with 'atomics' "
		  "or 'bulk-memory' features.\n",
		  "target_feature_disallowed" },
		/* V8 named wasm tags "exceptions" before 9.5 */
		{ "LinkError: WebAssembly.instantiate(): Import #3 module=\"env\" function=\"foo\": exception import "
		  "requires a WebAssembly.Exception\n",
		  "wasm_eh_tag_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #3 \"env\" \"foo\": tag import requires a "
		  "WebAssembly.Tag\n",
		  "wasm_eh_tag_missing" },
		/* rustc's -Z options were "debugging" options before they were "unstable" ones */
		{ "error: unknown debugging option: `emit-mir-validate`\n", "rustc_unknown_unstable_option" },
		{ "error: unknown unstable option: `emscripten-wasm-eh`\n", "rustc_unknown_unstable_option" },
	};
	/* the user's own assertions and other validator complaints are no such breakage */
	static const char *const benign[] = {
		"Assertion failed: missing linked list head, file main.c, line 3\n",
		"Aborted(Assertion failed: external state is missing)\n",
		"[wasm-validator error in function f] unexpected false: i32.add must have type i32, on \n(i32.add)\n",
		"error: unknown codegen option: `foo`\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unnamed(t, benign, COUNT(benign));
}

/*
 * Real errors that are no compatibility breakage (network, registry and login
 * failures, CI runners, permissions and a user's paths, the user's own tests)
 * are unclassified and report the message, the innermost cause of a chain;
 * each log's wording is its tool's own (the sources named above each group).
 */
static void test_no_breakage_failures(const struct classify_table *t)
{
	static const struct unknown_wording cases[] = {
		/* cargo's network failures (src/cargo/util/network, sources/registry: "failed to get `x` as a dependency", "failed to download", "spurious network error"); the innermost cause */
		{ "error: failed to get `serde` as a dependency of package `foo v0.1.0 (/home/u/foo)`\n\nCaused by:\n  "
		  "failed to load source for dependency `serde`\n\nCaused by:\n  Unable to update registry "
		  "`crates-io`\n\nCaused by:\n  failed to fetch "
		  "`https://github.com/rust-lang/crates.io-index`\n\nCaused by:\n  network failure seems to have "
		  "happened\n  if a proxy or similar is necessary `net.git-fetch-with-cli` may help here\n  "
		  "https://doc.rust-lang.org/cargo/reference/config.html#netgit-fetch-with-cli\n\nCaused by:\n  SSL "
		  "error: received early EOF; class=Ssl (16)\n",
		  "SSL error: received early EOF; class=Ssl (16)" },
		{ "    Updating crates.io index\nwarning: spurious network error (3 tries remaining): [6] Couldn't "
		  "resolve host name (Could not resolve host: index.crates.io)\nerror: failed to download from "
		  "`https://static.crates.io/crates/libc/0.2.150/download`\n\nCaused by:\n  [6] Couldn't resolve host "
		  "name (Could not resolve host: static.crates.io)\n",
		  "[6] Couldn't resolve host name (Could not resolve host: static.crates.io)" },
		{ "error: failed to download `wasm-bindgen v0.2.89`\n\nCaused by:\n  unable to get packages from "
		  "source\n\nCaused by:\n  [35] SSL connect error (schannel: failed to receive handshake, SSL/TLS "
		  "connection failed)\n",
		  "[35] SSL connect error (schannel: failed to receive handshake, SSL/TLS connection failed)" },
		/* pip's (src/pip/_internal/resolution, network) and uv's (crates/uv/src/lib.rs "Caused by", miette's report) registry and network failures; a 404 for a wheel is no wheel refused */
		{ "ERROR: Could not find a version that satisfies the requirement numpy==1.99 (from versions: 1.26.0, "
		  "1.26.1)\nERROR: No matching distribution found for numpy==1.99\n",
		  "ERROR: Could not find a version that satisfies the requirement numpy==1.99 (from versions: 1.26.0, "
		  "1.26.1)" },
		{ "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
		  "connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed "
		  "out. (read timeout=15)\")': /simple/numpy/\nERROR: Could not find a version that satisfies the "
		  "requirement numpy (from versions: none)\nERROR: No matching distribution found for numpy\n",
		  "ERROR: Could not find a version that satisfies the requirement numpy (from versions: none)" },
		{ "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after "
		  "connection broken by 'ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 "
		  "Proxy Authentication Required'))': /simple/requests/\nERROR: Could not install packages due to an "
		  "OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with "
		  "url: /packages/x/requests.whl (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel "
		  "connection failed: 407 Proxy Authentication Required')))\n",
		  "ERROR: Could not install packages due to an OSError: "
		  "HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with url: "
		  "/packages/x/requests.whl (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel "
		  "connection failed: 407 Proxy Authentication Required')))" },
		{ "Could not fetch URL https://pypi.org/simple/pip/: There was a problem confirming the ssl "
		  "certificate: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: "
		  "/simple/pip/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
		  "certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)'))) - "
		  "skipping\nERROR: Could not find a version that satisfies the requirement wheel (from versions: "
		  "none)\nERROR: No matching distribution found for wheel\n",
		  "ERROR: Could not find a version that satisfies the requirement wheel (from versions: none)" },
		{ "error: Failed to download `pyodide_build-0.25.0-py3-none-any.whl`\n  Caused by: HTTP status client "
		  "error (404 Not Found) for url "
		  "(https://files.pythonhosted.org/packages/xx/pyodide_build-0.25.0-py3-none-any.whl)\n",
		  "HTTP status client error (404 Not Found) for url "
		  "(https://files.pythonhosted.org/packages/xx/pyodide_build-0.25.0-py3-none-any.whl)" },
		{ "  \xc3\x97 Failed to download and build `numpy==1.26.4`\n  \xe2\x94\x9c\xe2\x94\x80\xe2\x96\xb6 "
		  "Failed to fetch: `https://files.pythonhosted.org/packages/numpy-1.26.4.tar.gz`\n  "
		  "\xe2\x94\x9c\xe2\x94\x80\xe2\x96\xb6 Request failed after 3 retries\n  "
		  "\xe2\x94\x9c\xe2\x94\x80\xe2\x96\xb6 error sending request for url "
		  "(https://files.pythonhosted.org/packages/numpy-1.26.4.tar.gz)\n  "
		  "\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 operation timed out\n",
		  "operation timed out" },
		{ "error: Request failed after 3 retries\n  Caused by: Failed to fetch: "
		  "`https://pypi.org/simple/numpy/`\n  Caused by: error sending request for url "
		  "(https://pypi.org/simple/numpy/)\n  Caused by: client error (Connect)\n  Caused by: dns error: "
		  "failed to lookup address information: Temporary failure in name resolution\n",
		  "dns error: failed to lookup address information: Temporary failure in name resolution" },
		{ "error: Failed to download `numpy==1.26.4`\n  Caused by: HTTP status client error (404 Not Found) "
		  "for url "
		  "(https://cdn.jsdelivr.net/pyodide/v0.26.0/full/"
		  "numpy-1.26.4-cp312-cp312-pyodide_2024_0_wasm32.whl)\n",
		  "HTTP status client error (404 Not Found) for url "
		  "(https://cdn.jsdelivr.net/pyodide/v0.26.0/full/"
		  "numpy-1.26.4-cp312-cp312-pyodide_2024_0_wasm32.whl)" },
		{ "ERROR: Could not find a version that satisfies the requirement tensorflow (from versions: "
		  "none)\nERROR: No matching distribution found for tensorflow\n",
		  "ERROR: Could not find a version that satisfies the requirement tensorflow (from versions: none)" },
		/* npm's (lib/utils/error-message.js), yarn 1's (src/reporters/lang/en.js) and pnpm's (ERR_PNPM_FETCH_404) network and registry errors */
		{ "npm ERR! code ERR_SOCKET_TIMEOUT\nnpm ERR! network Socket timeout\nnpm ERR! network This is a "
		  "problem related to network connectivity.\n",
		  "npm ERR! network Socket timeout" },
		{ "npm ERR! code ETIMEDOUT\nnpm ERR! syscall connect\nnpm ERR! errno ETIMEDOUT\nnpm ERR! network "
		  "request to https://registry.npmjs.org/emscripten failed, reason: connect ETIMEDOUT "
		  "104.16.0.35:443\nnpm ERR! network This is a problem related to network connectivity.\n",
		  "npm ERR! network request to https://registry.npmjs.org/emscripten failed, reason: connect ETIMEDOUT "
		  "104.16.0.35:443" },
		{ "npm error code ECONNRESET\nnpm error network aborted\nnpm error network This is a problem related "
		  "to network connectivity.\n",
		  "npm error code ECONNRESET" },
		{ "npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/@emscripten%2fnot-a-pkg "
		  "- Not found\nnpm ERR! 404\nnpm ERR! 404  '@emscripten/not-a-pkg@*' is not in this registry.\n",
		  "npm ERR! 404 Not Found - GET https://registry.npmjs.org/@emscripten%2fnot-a-pkg - Not found" },
		{ "npm ERR! code EAI_AGAIN\nnpm ERR! syscall getaddrinfo\nnpm ERR! errno EAI_AGAIN\nnpm ERR! request "
		  "to https://registry.npmjs.org/wasm-pack failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org\n",
		  "npm ERR! request to https://registry.npmjs.org/wasm-pack failed, reason: getaddrinfo EAI_AGAIN "
		  "registry.npmjs.org" },
		{ "npm ERR! code E404\nnpm ERR! 404 Not Found - GET "
		  "https://registry.npmjs.org/@rollup%2frollup-wasm32-wasi - Not found\nnpm ERR! 404\nnpm ERR! 404  "
		  "'@rollup/rollup-wasm32-wasi@4.9.0' is not in this registry.\n",
		  "npm ERR! 404 Not Found - GET https://registry.npmjs.org/@rollup%2frollup-wasm32-wasi - Not found" },
		{ "error An unexpected error occurred: \"https://registry.yarnpkg.com/react: ETIMEDOUT\".\n",
		  "error An unexpected error occurred: \"https://registry.yarnpkg.com/react: ETIMEDOUT\"." },
		{ "info There appears to be trouble with your network connection. Retrying...\nerror An unexpected "
		  "error occurred: \"https://registry.yarnpkg.com/wasm-pack/-/wasm-pack-0.12.1.tgz: "
		  "ESOCKETTIMEDOUT\".\n",
		  "error An unexpected error occurred: "
		  "\"https://registry.yarnpkg.com/wasm-pack/-/wasm-pack-0.12.1.tgz: ESOCKETTIMEDOUT\"." },
		{ " ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/@wasm%2Fnope: Not Found - 404\n\nThis error "
		  "happened while installing a direct dependency of /home/u/app\n",
		  "ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/@wasm%2Fnope: Not Found - 404" },
		/* git's and ssh's (http.c, prompt.c, connect.c, sshconnect2.c), rustup's (src/errors.rs: "component download failed", "could not download file") */
		{ "fatal: unable to access 'https://github.com/emscripten-core/emsdk.git/': Could not resolve host: "
		  "github.com\n",
		  "fatal: unable to access 'https://github.com/emscripten-core/emsdk.git/': Could not resolve host: "
		  "github.com" },
		{ "git@github.com: Permission denied (publickey).\nfatal: Could not read from remote "
		  "repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
		  "git@github.com: Permission denied (publickey)." },
		{ "fatal: could not read Username for 'https://github.com': terminal prompts disabled\n",
		  "fatal: could not read Username for 'https://github.com': terminal prompts disabled" },
		{ "fatal: unable to access 'https://github.com/emscripten-core/emsdk.git/': SSL certificate problem: "
		  "unable to get local issuer certificate\n",
		  "fatal: unable to access 'https://github.com/emscripten-core/emsdk.git/': SSL certificate problem: "
		  "unable to get local issuer certificate" },
		{ "info: downloading component 'rust-std' for 'wasm32-unknown-unknown'\nerror: component download "
		  "failed for rust-std-wasm32-unknown-unknown\nCaused by:\n  could not download file from "
		  "'https://static.rust-lang.org/dist/2024-01-01/rust-std-1.75.0-wasm32-unknown-unknown.tar.xz' to "
		  "'/home/u/.rustup/downloads/abc.partial'\nCaused by:\n  error during download\nCaused by:\n  [28] "
		  "Timeout was reached (Operation timed out after 30000 milliseconds with 0 bytes received)\n",
		  "[28] Timeout was reached (Operation timed out after 30000 milliseconds with 0 bytes received)" },
		{ "rustup target add wasm32-unknown-unknown\nerror: component download failed for "
		  "rust-std-wasm32-unknown-unknown: could not download file from "
		  "'https://static.rust-lang.org/dist/rust-std-nightly-wasm32-unknown-unknown.tar.xz'\n",
		  "error: component download failed for rust-std-wasm32-unknown-unknown: could not download file from "
		  "'https://static.rust-lang.org/dist/rust-std-nightly-wasm32-unknown-unknown.tar.xz'" },
		/* Node's fetch (undici) with its cause; GitHub's API rate limit and refusal */
		{ "TypeError: fetch failed\n    at node:internal/deps/undici/undici:12345:11\n    at async main "
		  "(/home/u/app/index.mjs:3:15) {\n  cause: Error: connect ECONNREFUSED 127.0.0.1:8080\n      at "
		  "TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n    errno: -111,\n    code: "
		  "'ECONNREFUSED',\n    syscall: 'connect',\n    address: '127.0.0.1',\n    port: 8080\n  }\n}\n",
		  "Error: connect ECONNREFUSED 127.0.0.1:8080" },
		{ "TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:11372:11) {\n  "
		  "cause: Error: getaddrinfo ENOTFOUND example.invalid\n      at GetAddrInfoReqWrap.onlookup [as "
		  "oncomplete] (node:dns:107:26) {\n    errno: -3008,\n    code: 'ENOTFOUND',\n    syscall: "
		  "'getaddrinfo',\n    hostname: 'example.invalid'\n  }\n}\n",
		  "Error: getaddrinfo ENOTFOUND example.invalid" },
		{ "TypeError: fetch failed\n    at node:internal/deps/undici/undici:13178:13 {\n  [cause]: "
		  "ConnectTimeoutError: Connect Timeout Error (attempted address: github.com:443, timeout: 10000ms)\n  "
		  "    at onConnectTimeout (node:internal/deps/undici/undici:2331:28) {\n    code: "
		  "'UND_ERR_CONNECT_TIMEOUT'\n  }\n}\n",
		  "ConnectTimeoutError: Connect Timeout Error (attempted address: github.com:443, timeout: 10000ms)" },
		{ "Error: API rate limit exceeded for 20.1.2.3. (But here's the good news: Authenticated requests get "
		  "a higher rate limit. Check out the documentation for more details.)\n",
		  "Error: API rate limit exceeded for 20.1.2.3. (But here's the good news: Authenticated requests get "
		  "a higher rate limit. Check out the documentation for more details.)" },
		{ "##[error]Request failed with status code 403 Forbidden\n",
		  "##[error]Request failed with status code 403 Forbidden" },
		/* CI runners (GitHub Actions' annotations), the OOM killer and a fork that gave up: "Killed" is no toolchain crash */
		{ "##[error]The runner has received a shutdown signal. This can happen when the runner service is "
		  "stopped, or a manually started runner is canceled.\n",
		  "##[error]The runner has received a shutdown signal. This can happen when the runner service is "
		  "stopped, or a manually started runner is canceled." },
		{ "##[error]The operation was canceled.\n", "##[error]The operation was canceled." },
		{ "##[error]The job running on runner GitHub Actions 5 has exceeded the maximum execution time of 360 "
		  "minutes.\n",
		  "##[error]The job running on runner GitHub Actions 5 has exceeded the maximum execution time of 360 "
		  "minutes." },
		{ "em++: error: '/emsdk/upstream/bin/clang++ -target wasm32 foo.cpp' failed (received SIGKILL "
		  "(-9))\nKilled\nmake: *** [Makefile:12: foo.o] Error 137\n",
		  "em++: error: '/emsdk/upstream/bin/clang++ -target wasm32 foo.cpp' failed (received SIGKILL (-9))" },
		{ "c++: fatal error: Killed signal terminated program cc1plus\ncompilation terminated.\n",
		  "c++: fatal error: Killed signal terminated program cc1plus" },
		{ "Error: Process completed with exit code 137.\n", "Error: Process completed with exit code 137." },
		{ "error: could not compile `foo` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc "
		  "--crate-name foo` (signal: 9, SIGKILL: kill)\n",
		  "process didn't exit successfully: `rustc --crate-name foo` (signal: 9, SIGKILL: kill)" },
		{ "bash: fork: Resource temporarily unavailable\n", "bash: fork: Resource temporarily unavailable" },
		{ "clang: error: unable to execute command: Killed\nclang: error: clang frontend command failed due to "
		  "signal (use -v to see invocation)\nemcc: error: compiler frontend failed to generate LLVM bitcode, "
		  "halting\n",
		  "clang: error: unable to execute command: Killed" },
		/* permissions and a user's missing path (npm's EACCES, Rust's io::Error "(os error 13)", "(os error 2)"): no missing toolchain */
		{ "npm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/local/lib/node_modules/emsdk\nnpm "
		  "ERR! errno -13\nnpm ERR! Error: EACCES: permission denied, mkdir "
		  "'/usr/local/lib/node_modules/emsdk'\n",
		  "npm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/emsdk'" },
		{ "error: failed to create directory `/target/wasm32-unknown-unknown`\n\nCaused by:\n  Permission "
		  "denied (os error 13)\n",
		  "Permission denied (os error 13)" },
		{ "error: couldn't read src/main.rs: No such file or directory (os error 2)\n",
		  "error: couldn't read src/main.rs: No such file or directory (os error 2)" },
		{ "Error: No such file or directory (os error 2)\n", "Error: No such file or directory (os error 2)" },
		{ "Error: EACCES: permission denied, open '/home/u/.npm/_cacache/tmp/abc'\n",
		  "Error: EACCES: permission denied, open '/home/u/.npm/_cacache/tmp/abc'" },
		{ "error: could not execute process `wasm-opt /home/u/proj/pkg/foo_bg.wasm -o out.wasm` (never "
		  "executed)\n\nCaused by:\n  No such file or directory (os error 2)\n",
		  "No such file or directory (os error 2)" },
		{ "emcc: error: '/home/u/proj/src/main.c': No such file or directory\n",
		  "emcc: error: '/home/u/proj/src/main.c': No such file or directory" },
		/* the user's own tests: pytest, a Rust assert_eq! (library/core/src/panicking.rs), Jest and Vitest */
		{ "    def test_add():\n>       assert add(1, 2) == 4\nE       assert 3 == 4\nE        +  where 3 = "
		  "add(1, 2)\n\ntests/test_math.py:5: AssertionError\n=========================== short test summary "
		  "info ============================\nFAILED tests/test_math.py::test_add - assert 3 == "
		  "4\n========================= 1 failed, 3 passed in 0.12s ==========================\n",
		  "assert 3 == 4" },
		{ "---- tests::it_works stdout ----\nthread 'tests::it_works' panicked at src/lib.rs:10:9:\nassertion "
		  "`left == right` failed\n  left: 4\n right: 5\nnote: run with `RUST_BACKTRACE=1` environment "
		  "variable to display a backtrace\n\n\nfailures:\n    tests::it_works\n\ntest result: FAILED. 0 "
		  "passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n",
		  "thread 'tests::it_works' panicked at src/lib.rs:10:9: assertion `left == right` failed" },
		{ " FAIL  src/sum.test.js\n  \xe2\x97\x8f sum \xe2\x80\xba adds 1 + 2 to equal 3\n\n    "
		  "expect(received).toBe(expected) // Object.is equality\n\n    Expected: 3\n    Received: 4\n\n      "
		  "3 | test(\"adds 1 + 2 to equal 3\", () => {\n    > 4 |   expect(sum(1, 2)).toBe(3);\n\nTests:       "
		  "1 failed, 1 total\n",
		  "expect(received).toBe(expected) // Object.is equality" },
		{ " FAIL  src/sum.test.ts > sum > adds\nAssertionError: expected 4 to be 3 // Object.is equality\n\n- "
		  "Expected\n+ Received\n\n- 3\n+ 4\n\n \xe2\x9d\xaf src/sum.test.ts:5:22\n",
		  "AssertionError: expected 4 to be 3 // Object.is equality" },
	};
	/*
	 * near misses: git's fatals in logs that succeed (going on for more lines than a
	 * failure said in words may end a log with: evidence.c's PLAIN_TAIL), a fork retried,
	 * a find over /proc
	 */
#define GOES_ON                                                                                        \
	"   Compiling a v0.1.0\n   Compiling b v0.1.0\n   Compiling c v0.1.0\n   Compiling d v0.1.0\n" \
	"   Compiling e v0.1.0\n    Finished release [optimized] target(s) in 1.2s\n"
	static const char *const clean[] = {
		"fatal: not a git repository (or any of the parent directories): .git\n" GOES_ON,
		"fatal: No names found, cannot describe anything.\n" GOES_ON,
		"bash: fork: retry: Resource temporarily unavailable\n",
		"find: '/proc/1/fd': Permission denied\n",
	};

	check_unknown(t, cases, COUNT(cases));
	check_clean(t, clean, COUNT(clean));
#undef GOES_ON
}

/*
 * Resolvers' and test runners' failures are no compatibility breakage: a log
 * that ends in one is unclassified and reports that line (uv, pip, cargo,
 * npm, pytest, Playwright, Jest, Vitest, node --test); their passing runs
 * are clean.
 */
static void test_runner_failures(const struct classify_table *t)
{
	static const struct unknown_wording cases[] = {
		{ "Using CPython 3.12.1\n  \xc3\x97 No solution found when resolving dependencies:\n  "
		  "\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 Because foo was not found in the package registry and you "
		  "require foo, we can conclude that your requirements are unsatisfiable.\n",
		  "No solution found when resolving dependencies:" },
		{ "ERROR: Cannot install foo==1.0 and bar==2.0 because these package versions have conflicting "
		  "dependencies.\nERROR: ResolutionImpossible: for help visit "
		  "https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts\n",
		  "ERROR: Cannot install foo==1.0 and bar==2.0 because these package versions have conflicting "
		  "dependencies." },
		/* pip's resolver before 20.3 */
		{ "ERROR: Could not find a version that satisfies the requirement foo==9 (from versions: 1.0, 1.1)\n"
		  "ERROR: No matching distribution found for foo==9\n",
		  "ERROR: Could not find a version that satisfies the requirement foo==9 (from versions: 1.0, 1.1)" },
		{ "ValueError: Requested 'numpy==1.26.0', but numpy==1.25.2 is already installed\n",
		  "ValueError: Requested 'numpy==1.26.0', but numpy==1.25.2 is already installed" },
		{ "    Updating crates.io index\nerror: failed to select a version for `foo`.\n",
		  "error: failed to select a version for `foo`." },
		/* npm's message line tells more than its code line */
		{ "npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\n",
		  "npm ERR! ERESOLVE unable to resolve dependency tree" },
		{ "tests/test_basic.py F.                                                   [100%]\n"
		  "FAILED tests/test_basic.py::test_add\n========== 1 failed, 1 passed in 0.12s ==========\n",
		  "FAILED tests/test_basic.py::test_add" },
		{ "  1) [chromium] \xe2\x80\xba example.spec.ts:3:5 \xe2\x80\xba loads\n\n"
		  "    Test timeout of 30000ms exceeded.\n\n  1 failed\n",
		  "Test timeout of 30000ms exceeded." },
		{ "  \xe2\x97\x8f sum \xe2\x80\xba adds 1 + 2 to equal 3\n\n"
		  "    expect(received).toBe(expected) // Object.is equality\n",
		  "expect(received).toBe(expected) // Object.is equality" },
		{ " FAIL  src/sum.test.ts > sum > adds\n", "FAIL  src/sum.test.ts > sum > adds" },
		{ "TAP version 13\nok 1 - loads\nnot ok 2 - adds numbers\n# pass 1\n# fail 1\n",
		  "not ok 2 - adds numbers" },
	};
	static const char *const benign[] = {
		("tests/test_basic.py ..                                                   [100%]\n"
		 "========== 2 passed in 0.12s ==========\n"),
		"Running 1 test using 1 worker\n  1 passed (2.3s)\n",
		"TAP version 13\nok 1 - adds numbers\n1..1\n# tests 1\n# pass 1\n# fail 0\n",
		"Tests:       2 passed, 2 total\n",
		" Test Files  1 passed (1)\n      Tests  3 passed | 0 failed (3)\n",
		"Ran 3 tests in 0.002s\n\nOK\n",
		"Resolved 12 packages in 40ms\nInstalled 12 packages in 30ms\n",
		"WARNING: pip is configured with locations that require TLS/SSL\n",
	};

	check_unknown(t, cases, COUNT(cases));
	check_clean(t, benign, COUNT(benign));
}

/*
 * A C compiler without a wasm backend and a nightly-only option on a stable
 * toolchain, in the wordings of their catalogues (LLVM's target registry
 * through clang, clang's driver, gcc's driver, cargo's and rustc's channel
 * checks), as printed and as cc-rs and cargo forward them. Each class keeps
 * its meaning: a rustc whose LLVM lacks wasm, a crate that needs nightly, an
 * unstable option on a nightly, a host CPU name for wasm are not named by them.
 */
static void test_target_and_channel_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "  cargo:warning=error: unable to create target: 'No available targets are compatible with triple "
		  "\"wasm32-unknown-unknown\"'\n",
		  "c_compiler_lacks_wasm_target" },
		{ "warning: zstd-sys@2.0.9: error: unable to create target: 'No available targets are compatible "
		  "with triple \"wasm32-unknown-wasip1\"'\n",
		  "c_compiler_lacks_wasm_target" },
		{ "error: unknown target triple 'wasm32-unknown-unknown'\n", "c_compiler_lacks_wasm_target" },
		{ "clang: error: unknown target triple 'wasm32-unknown-unknown', please use -triple or -arch\n",
		  "c_compiler_lacks_wasm_target" },
		{ "  cargo:warning=gcc: error: unrecognized command-line option '--target=wasm32-wasip2'\n",
		  "c_compiler_lacks_wasm_target" },
		{ "gcc-8: error: unrecognized command line option '--target=wasm32-wasi'\n",
		  "c_compiler_lacks_wasm_target" },
		{ "cc: error: unrecognized command-line option "
		  "\xe2\x80\x98--target=wasm32-unknown-unknown\xe2\x80\x99; "
		  "did you mean \xe2\x80\x98--target-help\xe2\x80\x99?\n",
		  "c_compiler_lacks_wasm_target" },
		{ "error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `beta` "
		  "channel\n",
		  "nightly_flag_on_stable" },
		{ "error: the `--out-dir` flag is unstable, and only available on the nightly channel of Cargo, but "
		  "this is the `stable` channel\n",
		  "nightly_flag_on_stable" },
		{ "error: the option `Z` is only accepted on the nightly compiler\n", "nightly_flag_on_stable" },
		/* MSVC's assert() message, its path wrapped onto the next line by a terminal */
		{ "Assertion failed: !isa<Constant>(V), file\nC:\\src\\llvm-project\\llvm\\lib\\IR\\Value.cpp, line "
		  "512\n",
		  "toolchain_crash" },
	};
	static const struct near_miss others[] = {
		{ "error: Could not create LLVM TargetMachine for triple: wasm32-unknown-unknown: No available targets "
		  "are compatible with triple \"wasm32-unknown-unknown\"\n",
		  "c_compiler_lacks_wasm_target" },
		{ "error: unable to create target: 'No available targets are compatible with triple "
		  "\"x86_64-unknown-linux-gnu\"'\n",
		  "c_compiler_lacks_wasm_target" },
		{ "error[E0554]: `#![feature]` may not be used on the stable release channel\n",
		  "nightly_flag_on_stable" },
		{ "error: the `--out-dir` flag is unstable, pass `-Z unstable-options` to enable it\n",
		  "nightly_flag_on_stable" },
	};
	/* benign: cc-rs's command line, rustc's warnings on stable, a user's assert wrapped */
	static const char *const benign[] = {
		"  running: \"clang\" \"-O3\" \"--target=wasm32-unknown-unknown\" \"-c\" \"src/a.c\"\n",
		/* one log of two lines (parenthesised: one element, not two) */
		("warning: unstable feature specified for `-Ctarget-feature`: `atomics`\n"
		 "  = note: this feature is not stably supported; its behavior can change in the future\n"),
		"'haswell' is not a recognized processor for this target (ignoring processor)\n",
		"Assertion failed: x == 1, file\nmain.c, line 3\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	check_unnamed(t, benign, COUNT(benign));
}

/*
 * A V8 wasm flag the engine no longer has, and a shared library in a static
 * link, in their tools' own words. Node: "bad option: " + the flag, printed
 * after argv[0] (src/node.cc, ProcessGlobalArgs; exit code 9, node.cc since
 * 0.x); Deno: "error: V8 did not recognize flag '...'" (cli); d8: "Error:
 * unrecognized flag ..." (V8 src/flags/flags.cc). wasm-ld: "attempted static
 * link of dynamic object " + path (lld/wasm/Driver.cpp addFile, LLVM 20+;
 * emscripten test/test_other.py test_side_module_ignore), and before it
 * "<file>: not a relocatable wasm file" (lld/wasm/InputFiles.cpp
 * ObjFile::parse). Near misses: a flag that is not a V8 wasm flag or one V8 has not removed, Node's
 * NODE_OPTIONS allow-list, GNU ld's and ELF lld's static link of a host
 * library, a host ELF .so given to wasm-ld.
 */
static void test_flag_and_dylib_wordings(const struct classify_table *t)
{
	static const struct {
		int stage;
		const char *log, *want;
	} cases[] = {
		{ STAGE_RUN, "node: bad option: --experimental-wasm-stack-switching\n", "node_flag_removed" },
		{ -1, "/home/u/.nvm/versions/node/v16.13.0/bin/node: bad option: --experimental-wasm-bigint\n",
		  "node_flag_removed" },
		{ -1, "node.exe: bad option: --experimental-wasm-simd\nnode.exe: bad option: --experimental-wasm-eh\n",
		  "node_flag_removed" },
		{ STAGE_LOAD, "node: bad option: --experimental_wasm_threads\n", "node_flag_removed" },
		{ -1, "nodejs: bad option: --wasm-simd-post-mvp\n", "node_flag_removed" },
		{ -1,
		  "error: V8 did not recognize flag '--experimental-wasm-return-call'\n\nFor a list of V8 flags, "
		  "use '--v8-flags=--help'\n",
		  "node_flag_removed" },
		{ -1, "Error: unrecognized flag --experimental-wasm-anyref\nTry --help for options\n",
		  "node_flag_removed" },
		{ STAGE_LINK, "wasm-ld: error: attempted static link of dynamic object ./libside.so\n",
		  "static_link_dynamic_object" },
		{ STAGE_MAIN,
		  ("wasm-ld: error: attempted static link of dynamic object deps/lib/libz.so\n"
		   "emcc: error: '/emsdk/upstream/bin/wasm-ld -o main.wasm main.o -Ldeps/lib deps/lib/libz.so' "
		   "failed (returned 1)\n"),
		  "static_link_dynamic_object" },
		{ STAGE_COMPILE, "  = note: rust-lld: error: attempted static link of dynamic object /t/libfoo.so\n",
		  "static_link_dynamic_object" },
		{ STAGE_LINK, "wasm-ld: error: libside.so: not a relocatable wasm file\n",
		  "static_link_dynamic_object" },
	};
	static const struct near_miss others[] = {
		{ "node: bad option: --openssl-legacy-provider\n", "node_flag_removed" },
		{ "node: bad option: --experimental-wasi-unstable-preview1\n", "node_flag_removed" },
		/* flags V8 still has (or had not yet): a bad option there may be a Node too old for them */
		{ "node: bad option: --experimental-wasm-memory64\n", "node_flag_removed" },
		{ "node: bad option: --experimental-wasm-jspi\n", "node_flag_removed" },
		{ "node: bad option: --experimental-wasm-simdx\n", "node_flag_removed" },
		{ "node: --experimental-wasm-threads is not allowed in NODE_OPTIONS\n", "node_flag_removed" },
		{ "/usr/bin/ld: attempted static link of dynamic object `/usr/lib/libz.so'\n"
		  "collect2: error: ld returned 1 exit status\n",
		  "static_link_dynamic_object" },
		{ "ld.lld: error: attempted static link of dynamic object liburandom_read.so\n",
		  "static_link_dynamic_object" },
		{ "wasm-ld: error: unknown file type: /usr/lib/x86_64-linux-gnu/libz.so\n",
		  "static_link_dynamic_object" },
		{ "wasm-ld: error: main.wasm: not a relocatable wasm file\n", "static_link_dynamic_object" },
	};
	/* benign: the command lines that pass the flag and the library */
	static const char *const benign[] = {
		"$ node --experimental-wasm-stack-switching --stack-size=2048 python.mjs\n",
		"em++ -O2 main.o -L. -lside -o main.js -sMAIN_MODULE=2 libside.so\n",
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		CHECK_STR(classify1(t, cases[i].stage, cases[i].log, NULL, NULL), cases[i].want);
	check_near_misses(t, others, COUNT(others));
	check_unnamed(t, benign, COUNT(benign));
}

/*
 * The compile and link side's own catalogues, across versions: rustc_metadata
 * (E0461, E0786, the panic strategy checks), rustup (src/errors.rs,
 * src/dist/manifest.rs), LLVM's WebAssembly backend (report_fatal_error on EH
 * modes, instruction selection) and rustc's "rustc-LLVM ERROR:" prefix for
 * them, lld/wasm (Relocations.cpp: "againt" before LLVM 10, TLS relocations;
 * Writer.cpp's feature checks), binaryen's wasm-binary.cpp (opcodes it
 * cannot read). The negatives: a compiler out of memory or killed is no
 * crash, a user crate's E0461/E0786 no std, Emscripten's settings errors
 * (tools/settings.py, and shared.py of 1.38.21-1.39.11 with its
 * "shared:ERROR:" lines), rustup's missing toolchain and cargo's
 * -Zbuild-std usage error stay unclassified with their own line.
 */
static void test_toolchain_catalogue(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error[E0461]: couldn't find crate `std` with expected target triple wasm32-unknown-emscripten\n",
		  "std_missing_for_target" },
		{ "error[E0461]: couldn't find crate `core` with expected target triple wasm32-unknown-unknown\n"
		  "  = note: the following crate versions were found:\n"
		  "          crate `core`, target triple x86_64-unknown-linux-gnu: /r/lib/libcore-1.rlib\n",
		  "std_missing_for_target" },
		{ "error: toolchain 'nightly-x86_64-unknown-linux-gnu' has no prebuilt artifacts available for target "
		  "'wasm64-unknown-unknown'\n",
		  "std_missing_for_target" },
		{ "error: target 'wasm32-unknown-emscripten' not found in channel.  Perhaps check "
		  "https://doc.rust-lang.org/nightly/rustc/platform-support.html for available targets\n",
		  "std_missing_for_target" },
		/* wasm-pack's own check of the sysroot (src/build/wasm_target.rs, and its first wording of 2019) */
		{ "Error: wasm32-unknown-unknown target not found in sysroot: \"/usr\"\n\nUsed rustc from the "
		  "following "
		  "path: \"/usr/bin/rustc\"\n",
		  "std_missing_for_target" },
		{ "Error: wasm32-unknown-unknown target not found!\n", "std_missing_for_target" },
		{ "error[E0786]: found invalid metadata files for crate `core` which `std` depends on\n"
		  "  = note: invalid metadata version found: "
		  "/r/lib/rustlib/wasm32-unknown-emscripten/lib/libcore-1.rlib\n",
		  "std_built_by_other_rustc" },
		{ "error: the crate `core` requires panic strategy `unwind` which is incompatible with this crate's "
		  "strategy of `abort`\n",
		  "panic_strategy_mismatch" },
		{ "error: the linked panic runtime `panic_unwind` is not compiled with this crate's panic strategy "
		  "`abort`\n",
		  "panic_strategy_mismatch" },
		{ "error: the crate `std` was compiled with a panic strategy which is incompatible with "
		  "`immediate-abort`\n",
		  "panic_strategy_mismatch" },
		{ "error: language item required, but not found: `eh_personality`\n", "panic_strategy_mismatch" },
		{ "error: the compiler unexpectedly panicked. this is a bug.\n", "toolchain_crash" },
		/* a tool killed by a crash signal: emcc before 3.0 (shared.py's "failed (%d)"), its parallel
		 * compiles, rustc's linker status (std's ExitStatus) */
		{ "emcc: error: '/e/upstream/bin/clang -c a.c' failed (-11)\n", "toolchain_crash" },
		{ "shared:ERROR: '/e/fastcomp/bin/llc a.bc' failed (-6)\n", "toolchain_crash" },
		{ "error: linking with `emcc` failed: exit code: 1\n  = note: shared:ERROR: '/e/fastcomp/bin/llc a.bc' "
		  "failed (-11)\n",
		  "toolchain_crash" },
		{ "Exception: Subprocess 2/8 failed (received SIGSEGV (-11))! (cmdline: /e/bin/clang -c a.c)\n",
		  "toolchain_crash" },
		{ "error: linking with `rust-lld` failed: signal: 11 (SIGSEGV) (core dumped)\n", "toolchain_crash" },
		{ "rustc-LLVM ERROR: Cannot select: 0x1: i32 = WebAssemblyISD::Wrapper\nIn function: f\n",
		  "toolchain_crash" },
		{ "LLVM ERROR: -enable-emscripten-cxx-exceptions not allowed with -wasm-enable-eh\n",
		  "eh_abi_link_mismatch" },
		{ "rustc-LLVM ERROR: -exception-model=wasm only allowed with at least one of -wasm-enable-eh or "
		  "-wasm-enable-sjlj\n",
		  "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -wasm-enable-sjlj only allowed with -exception-model=wasm\n", "eh_abi_link_mismatch" },
		/* emcc's memory settings (emcc.py before 3.1, tools/link.py after) and lld's Writer.cpp */
		{ "emcc: error: INITIAL_MEMORY must be larger than STACK_SIZE, was 65536 (STACK_SIZE=5242880)\n",
		  "initial_memory_too_small" },
		{ "shared:ERROR: TOTAL_MEMORY must be larger than TOTAL_STACK, was 1048576 (TOTAL_STACK=5242880)\n",
		  "initial_memory_too_small" },
		{ "emcc: error: INITIAL_MEMORY must be at least 16MB, was 1048576\n", "initial_memory_too_small" },
		{ "wasm-ld: error: maximum memory too small, 17825792 bytes needed\n", "initial_memory_too_small" },
		/* LLVM's IRMover under LTO, a warning that rustc's -Wl,--fatal-warnings (Rust 1.4x-1.7x) made fatal */
		{ "wasm-ld: error: Linking two modules of different data layouts: 'a.o' is "
		  "'e-m:e-p:32:32-i64:64-n32:64-S128' whereas 'ld-temp.o' is "
		  "'e-m:e-p:32:32-i64:64-i128:128-n32:64-S128'\n",
		  "llvm_bitcode_mismatch" },
		{ "clang-14: error: unable to execute command: Illegal instruction (core dumped)\n",
		  "toolchain_crash" },
		/* Emscripten's tools/emscripten.py, its js-compiler warning made an error */
		{ "emcc: error: export name is not a valid JS symbol: \"_my.func\".  Use `Module` or `wasmExports` to "
		  "access this symbol [-Wjs-compiler] [-Werror]\n",
		  "invalid_export_name" },
		/* binaryen version_90's tool-options.h, features given against the target features section */
		{ "Fatal: module features do not match specified features. Use --detect-features to resolve.\n",
		  "wasm_opt_feature_validation" },
		/* clang's driver (ToolChains/WebAssembly.cpp, err_drv_argument_not_allowed_with) */
		{ "clang: error: invalid argument '-fwasm-exceptions' not allowed with '-mllvm "
		  "-enable-emscripten-cxx-exceptions'\n",
		  "eh_abi_link_mismatch" },
		{ "clang++: error: invalid argument '-mllvm -wasm-enable-sjlj' not allowed with '-mllvm "
		  "-enable-emscripten-sjlj'\n",
		  "eh_abi_link_mismatch" },
		{ "wasm-ld: error: a.o: relocation R_WASM_MEMORY_ADDR_SLEB cannot be used againt symbol x; recompile "
		  "with -fPIC\n",
		  "non_pic_relocation" },
		{ "wasm-ld: error: a.o: relocation R_WASM_TABLE_INDEX_SLEB64 cannot be used against symbol `f`\n",
		  "non_pic_relocation" },
		{ "wasm-ld: error: a.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against `tls` in "
		  "non-TLS section: .bss\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: 'atomics' feature must be used in order to use shared memory\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: 'bulk-memory' feature must be used in order to use thread-local storage\n",
		  "target_feature_disallowed" },
		{ "rust-lld: error: 'atomics' feature is used by a.o, so --shared-memory must be used\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: Target feature 'exception-handling' used by a.o is not allowed.\n",
		  "target_feature_disallowed" },
		{ "wasm-ld: error: Missing target feature 'bulk-memory' in b.o, required by a.o. Use "
		  "--no-check-features to suppress.\n",
		  "target_feature_disallowed" },
	};
	static const struct unknown_wording unknown[] = {
		{ "rustc-LLVM ERROR: out of memory\nAllocation failed\nerror: could not compile `foo` (lib)\n\nCaused "
		  "by:\n  process didn't exit successfully: `/r/bin/rustc --crate-name foo` (signal: 6, SIGABRT: "
		  "process abort signal)\n",
		  "rustc-LLVM ERROR: out of memory" },
		{ "memory allocation of 8589934592 bytes failed\nerror: could not compile `foo` (lib)\n\nCaused by:\n"
		  "  process didn't exit successfully: `/r/bin/rustc --crate-name foo` (signal: 6, SIGABRT: process "
		  "abort signal)\n",
		  "memory allocation of 8589934592 bytes failed" },
		{ "LLVM ERROR: out of memory\nAllocation failed\nPLEASE submit a bug report to "
		  "https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.\nStack dump:\n",
		  "LLVM ERROR: out of memory" },
		{ "error: could not compile `foo` (lib)\n\nCaused by:\n  process didn't exit successfully: "
		  "`/r/bin/rustc "
		  "--crate-name foo` (signal: 9, SIGKILL: kill)\n",
		  "process didn't exit successfully: `/r/bin/rustc --crate-name foo` (signal: 9, SIGKILL: kill)" },
		{ "error[E0786]: found invalid metadata files for crate `std`\n  = note: failed to mmap file "
		  "'/r/libstd-1.rlib': The paging file is too small for this operation to complete. (os error 1455)\n",
		  "error[E0786]: found invalid metadata files for crate `std`" },
		{ "error[E0461]: couldn't find crate `foo` with expected target triple wasm32-unknown-unknown\n",
		  "error[E0461]: couldn't find crate `foo` with expected target triple wasm32-unknown-unknown" },
		{ "error[E0786]: found invalid metadata files for crate `foo`\n",
		  "error[E0786]: found invalid metadata files for crate `foo`" },
		{ "emcc: error: Attempt to set a non-existent setting: 'BINARYEN_TRAP_MODE'\n - did you mean one of "
		  "BINARYEN_EXTRA_PASSES?\n - perhaps a typo in emcc's  -sX=Y notation?\n - (see src/settings.js for "
		  "valid values)\n",
		  "emcc: error: Attempt to set a non-existent setting: 'BINARYEN_TRAP_MODE'" },
		{ "shared:ERROR: Attempt to set a non-existent setting: 'WASM_BIGINT'\n - perhaps a typo in emcc's  -s "
		  "X=Y  notation?\n",
		  "shared:ERROR: Attempt to set a non-existent setting: 'WASM_BIGINT'" },
		{ "error: toolchain 'nightly-2024-01-01-x86_64-unknown-linux-gnu' is not installed\nhelp: run `rustup "
		  "toolchain install nightly-2024-01-01` to install it\n",
		  "error: toolchain 'nightly-2024-01-01-x86_64-unknown-linux-gnu' is not installed" },
		{ "error: -Zbuild-std requires --target\n", "error: -Zbuild-std requires --target" },
		{ "emcc: error: '/e/upstream/bin/wasm-ld -o a.wasm a.o' failed (-9)\n",
		  "emcc: error: '/e/upstream/bin/wasm-ld -o a.wasm a.o' failed (-9)" },
		{ "emcc: error: '/e/upstream/bin/clang -c a.c' failed (1)\n",
		  "emcc: error: '/e/upstream/bin/clang -c a.c' failed (1)" },
		{ "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\nemcc: error: "
		  "'/usr/bin/node /e/src/compiler.mjs /tmp/a.json' failed (received SIGABRT (-6))\n",
		  "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" },
		{ "clang-16: error: unable to execute command: Killed\n",
		  "clang-16: error: unable to execute command: Killed" },
		{ "error: linking with `emcc` failed: signal: 9 (SIGKILL)\n",
		  "error: linking with `emcc` failed: signal: 9 (SIGKILL)" },
		{ "emcc: error: MAXIMUM_MEMORY cannot be less than INITIAL_MEMORY\n",
		  "emcc: error: MAXIMUM_MEMORY cannot be less than INITIAL_MEMORY" },
		{ "clang: error: invalid argument '-fwasm-exceptions' not allowed with '-mno-multivalue'\n",
		  "clang: error: invalid argument '-fwasm-exceptions' not allowed with '-mno-multivalue'" },
	};
	/* warnings of the same catalogues (the old logger's too) are no error */
	static const char *const benign[] = {
		("emcc: warning: use of legacy setting: TOTAL_MEMORY (setting renamed to INITIAL_MEMORY) "
		 "[-Wlegacy-settings]\n"),
		"shared:WARNING: emcc: cannot find library \"foo\"\n",
		("emcc: warning: export name is not a valid JS symbol: \"_my.func\".  Use `Module` or `wasmExports` to "
		 "access this symbol [-Wjs-compiler]\n"),
		"warning: dropping unsupported crate type `cdylib` for target `wasm32-unknown-emscripten`\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unknown(t, unknown, COUNT(unknown));
	check_clean(t, benign, COUNT(benign));
}

/*
 * The Python packaging side in the wordings its tools released: PyO3's build
 * scripts (pyo3-ffi/build.rs's version check from 0.20.3 to 0.26, "The
 * configured" for a free-threaded Python in 0.24-0.26, pyo3-build-config's
 * MaximumVersionExceeded since 0.27 naming "Python", "PyPy", "GraalPy";
 * impl_.rs's cross-compile checks of 0.13 to 0.29), maturin's bundled
 * sysconfig for a cross target (python_interpreter/resolver.rs), its emcc
 * probe and its Emscripten refusal before 0.13 (src/target.rs),
 * pyodide-build's Emscripten check (build_env.py), meson's Python dependency
 * (modules/python.py, dependency()), CPython's sysconfig importing a
 * target's _sysconfigdata that is not there (Lib/sysconfig.py),
 * setuptools-rust before 1.5 globbing *NAME.so (build.py), Cython's
 * __Pyx_VersionSanityCheck, micropip's refusals since Pyodide 0.17
 * (_micropip.py, transaction.py), uv's wheel-only refusal and its
 * resolver's tag incompatibilities (wrapped as printed), and the C-API as
 * macOS's dyld, Emscripten's loader (library_dylink.js) and V8 report it.
 * Messages with more than one cause stay unclassified: pip's "No matching
 * distribution" (no such version, no wheel for the platform or no index),
 * micropip's metadata fetch (a wrong name or the network), Pyodide's
 * unknown package, PyO3's minimum version check (the Python is too old, not
 * missing), pyodide-build's Emscripten of another version, maturin finding
 * no interpreter (a cross build without -i, or no host Python of the
 * version requires-python asks).
 */
static void test_python_packaging_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "  error: The configured Python interpreter version (3.13) is newer than PyO3's maximum supported "
		  "version (3.12)\n  = help: The free-threaded build of CPython does not support the limited API so "
		  "this check cannot be suppressed.\n",
		  "pyo3_python_too_new" },
		{ "  error: the configured Python version (3.15) is newer than PyO3's maximum supported version "
		  "(3.14)\n  = help: this package is being built with PyO3 version 0.28.0\n",
		  "pyo3_python_too_new" },
		{ "  error: the configured GraalPy version (25.1) is newer than PyO3's maximum supported version "
		  "(25.0)\n",
		  "pyo3_python_too_new" },
		{ "  error: The PYO3_CROSS_LIB_DIR environment variable must be set when cross-compiling\n",
		  "pyo3_cross_config" },
		{ "  error: PYO3_CROSS_PYTHON_VERSION or either an abi3-py3* or abi3t-py3* feature must be specified "
		  "when cross-compiling and PYO3_CROSS_LIB_DIR is not set.\n",
		  "pyo3_cross_config" },
		{ "  error: Could not find either libpython.so or _sysconfigdata*.py in /opt/py/lib\n",
		  "pyo3_cross_config" },
		{ "  error: Your Rust target architecture (32-bit) does not match your python interpreter (64-bit)\n",
		  "pyo3_cross_config" },
		{ "  error: failed to parse PYO3_CROSS_PYTHON_VERSION\n  caused by:\n    - 0: expected major.minor "
		  "version\n",
		  "pyo3_cross_config" },
		{ "  error: Expected major.minor version (e.g. 3.9) for PYO3_CROSS_PYTHON_VERSION, got `313`\n",
		  "pyo3_cross_config" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Failed to find a CPython 3.14 interpreter in known "
		  "sysconfig\n",
		  "pyo3_cross_config" },
		{ "  error: Unsupported target OS family for cross-compilation: \"unix,wasm\"\n",
		  "pyo3_target_unsupported" },
		{ "  error: Unknown target OS family for cross-compilation: \"wasm\".\n", "pyo3_target_unsupported" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: The operating system Emscripten is not supported\n",
		  "pyo3_target_unsupported" },
		{ "../meson.build:23:31: ERROR: Python dependency not found\n", "python_headers_missing" },
		{ "ModuleNotFoundError: No module named '_sysconfigdata__emscripten_wasm32-emscripten'\n",
		  "python_headers_missing" },
		{ "meson.build:5:0: ERROR: Dependency \"python3-embed\" not found, tried pkgconfig and sysconfig\n",
		  "python_headers_missing" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Failed to run emcc to get the version\n  Caused by: "
		  "No "
		  "such file or directory (os error 2)\n",
		  "emcc_not_found" },
		{ "RuntimeError: No Emscripten compiler found. Need Emscripten version 3.1.58\n", "emcc_not_found" },
		{ "error: Rust build failed; unable to find any *libfoo.so in "
		  "/p/target/wasm32-unknown-emscripten/release\n",
		  "artifact_extension_mismatch" },
		{ "ImportError: Module was compiled with a debug version of Python but imported into a non-debug "
		  "version.\n",
		  "extension_python_mismatch" },
		{ "ImportError: Module was compiled with a non-freethreading build of Python but imported into a "
		  "freethreading build.\n",
		  "extension_python_mismatch" },
		{ "ImportError: Runtime and compile-time PyObject size do not match.\n", "extension_python_mismatch" },
		{ "$ ls .venv/lib/python3.11/site-packages | grep samplerate\nsamplerate-0.2.3.dist-info\n"
		  "samplerate.cpython-314-x86_64-linux-gnu.so\n$ python -c 'import pkg.samplerate'\n"
		  "Traceback (most recent call last):\n"
		  "  File \"/p/.venv/lib/python3.11/site-packages/pkg/__init__.py\", line 1, in <module>\n"
		  "ModuleNotFoundError: No module named 'pkg.samplerate'\n",
		  "extension_python_mismatch" },
		/* no tag refused: an sdist-only package, or no release matching, says the same */
		{ "ValueError: Couldn't find a pure Python 3 wheel for 'regex'\n", "unclassified" },
		{ "ValueError: Can't find a pure Python 3 wheel for: 'pyzmq>=20', 'psutil'\n", "unclassified" },
		{ "ValueError: 'numpy-1.21.0-cp39-cp39-manylinux_2_17_x86_64.whl' is not a pure Python 3 wheel\n",
		  "wheel_platform_refused" },
		{ "error: Distribution `cffi==1.17.1 @ direct+https://f/cffi-1.17.1-cp310-cp310-macosx_11_0_arm64.whl` "
		  "can't be installed because the binary distribution is incompatible with the current platform\n",
		  "wheel_platform_refused" },
		{ "  \xc3\x97 No solution found when resolving dependencies:\n  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 "
		  "Because faiss-cpu==1.8.0 has no wheels with a matching Python\n      ABI tag (e.g., `cp313`) and "
		  "you "
		  "require faiss-cpu==1.8.0, we can\n      conclude that your requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
		{ "  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 Because onnxruntime==1.20.1 has no wheels with a matching "
		  "platform tag (e.g., `macosx_12_0_x86_64`)\n",
		  "wheel_platform_refused" },
		{ "  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 Because only numpy<=1.21.0 is available and numpy<=1.21.0 "
		  "has no wheels with a\n"
		  "      matching platform tag, we can conclude that numpy>1.20 cannot be used.\n",
		  "wheel_platform_refused" },
		{ "ImportError: dlopen(/p/_core.cpython-312-darwin.so, 0x0002): symbol not found in flat namespace "
		  "'_PyUnicode_AsUTF8AndSize'\n",
		  "python_capi_missing" },
		{ "Error: bad export type for 'PyExc_EncodingWarning': undefined\n", "python_capi_missing" },
		{ "Assertion failed: missing linked function `PyUnicode_AsUTF8AndSize`. perhaps a side module was not "
		  "linked in? if this global was expected to arrive from a system library, try to build the "
		  "MAIN_MODULE "
		  "with EMCC_FORCE_STDLIBS=1\n",
		  "python_capi_missing" },
		{ "Aborted(Assertion failed: external symbol 'PyLong_AsInt' is missing. perhaps a side module was not "
		  "linked in? if this symbol was expected to arrive from a system library, try to build the "
		  "MAIN_MODULE "
		  "with EMCC_FORCE_STDLIBS=1)\n",
		  "python_capi_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #12 module=\"env\" "
		  "function=\"PyUnicode_AsUTF8AndSize\" "
		  "error: function import requires a callable\n",
		  "python_capi_missing" },
		/*
		 * a function the runtime's Python has with another signature: orjson 3.10.15 (its own
		 * declaration of _PyLong_AsByteArray) in Pyodide 0.29.5's Python 3.13, this project's own
		 * load log; V8 (wasm-js.cc), SpiderMonkey (JSMSG_WASM_BAD_IMPORT_SIG) and JavaScriptCore
		 * (WebAssemblyModuleRecord.cpp) each word the refused import their way
		 */
		{ "ImportError: Could not load dynamic lib: "
		  "/home/pyodide/orjson/orjson.cpython-313-wasm32-emscripten.so\n"
		  "LinkError: WebAssembly.Instance(): Import #69 module=\"env\" function=\"_PyLong_AsByteArray\" "
		  "error: imported function does not match the expected type\n",
		  "python_capi_missing" },
		{ "LinkError: imported function 'env._PyLong_AsByteArray' signature mismatch\n",
		  "python_capi_missing" },
		{ "LinkError: imported function env:_PyLong_AsByteArray signature doesn't match the provided "
		  "WebAssembly function's signature\n",
		  "python_capi_missing" },
	};
	/*
	 * the same checks on a symbol that is no C-API function, a Python too old rather than too new; a
	 * compiled module missing where its file for this very Python is there (a source checkout shadowing the
	 * installed package)
	 */
	static const struct near_miss others[] = {
		{ "/v/lib/python3.12/site-packages/pkg/_core.cpython-312-x86_64-linux-gnu.so\n"
		  "Traceback (most recent call last):\n  File \"/src/pkg/__init__.py\", line 1, in <module>\n"
		  "ModuleNotFoundError: No module named 'pkg._core'\n",
		  "extension_python_mismatch" },
		{ "Error: bad export type for 'sqlite3_open_v2': undefined\n", "python_capi_missing" },
		{ "  error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported "
		  "version (3.7)\n",
		  "pyo3_python_too_new" },
		{ "ImportError: /p/_ssl.cpython-311-x86_64-linux-gnu.so: undefined symbol: SSL_get1_peer_certificate\n",
		  "python_capi_missing" },
		{ "LinkError: WebAssembly.Instance(): Import #3 module=\"env\" function=\"memcpy\" error: imported "
		  "function does not match the expected type\n",
		  "python_capi_missing" },
	};
	static const char *const benign[] = {
		("ERROR: Could not find a version that satisfies the requirement foo==1.0 (from versions: none)\n"
		 "ERROR: No matching distribution found for foo==1.0\n"),
		("ValueError: Can't fetch metadata for 'foo'. Please make sure you have entered a correct package "
		 "name and correctly specified index_urls (if you changed them).\n"),
		"Error: No known package with name 'foo'\n",
		("  error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported "
		 "version (3.7)\n"),
		"RuntimeError: Incorrect Emscripten version 3.1.46. Need Emscripten version 3.1.58\n",
		("\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Couldn't find any python interpreters with version >= "
		 "3.9. Please specify at least one with -i\n"),
		"error: Rust build failed; unable to find any *libfoo.so in /p/target/release\n",
		"  Unsupported target OS family for cross-compilation: \"windows\"\n",
		"meson.build:9:0: ERROR: Dependency \"zlib\" not found, tried pkgconfig and cmake\n",
		"\xf0\x9f\x92\xa5 maturin failed\n  Caused by: The operating system Haiku is not supported\n",
		"ImportError: DLL load failed while importing _core: The specified module could not be found.\n",
		"ImportError: DLL load failed while importing _core: The specified procedure could not be found.\n",
		("  \xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 Because there is no version of foo==9.9 and you require "
		 "foo==9.9, "
		 "we can conclude that your requirements are unsatisfiable.\n"),
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	check_unnamed(t, benign, COUNT(benign));
}

/*
 * Precision: messages that share a token or a phrase with a class but mean
 * another cause stay unnamed (a false positive is worse than
 * "unclassified"). Each is quoted from a public thread or built from its
 * tool's format string, cited; the class it must not get is named.
 */
static void test_near_misses(const struct classify_table *t)
{
	static const struct near_miss cases[] = {
		/*
		 * call_indirect's other checks, a module that is wrong in any engine: V8's table that holds no
		 * functions, JavaScriptCore's unknown signature (function-body-decoder-impl.h,
		 * WasmFunctionParser.h format strings)
		 */
		{ "CompileError: WebAssembly.Module(): Compiling function #3 failed: call_indirect: immediate table #1 "
		  "is not of a function type @+120\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module doesn't parse at byte 6: call_indirect's signature index 5 exceeds "
		  "known signatures 3, in function at index 0\n",
		  "engine_lacks_wasm_feature" },
		/* JSON.stringify of a BigInt in plain JS (nodejs/node#36377) */
		{ "Uncaught TypeError: Do not know how to serialize a BigInt\n    at JSON.stringify (<anonymous>)\n",
		  "bigint_js_boundary" },
		{ "TypeError: BigInt value can't be serialized in JSON\n", "bigint_js_boundary" },
		/* Fedora's pyconfig.h includes pyconfig-64.h: its macro warnings (sbinet/go-python#79,
		 * SergeySatskiy/cdm-pythonparser#3) say nothing about the host Python */
		{ ("In file included from /usr/include/python2.7/pyconfig.h:6:0,\n"
		   "                 from /usr/include/python2.7/Python.h:8,\n"
		   "/usr/include/python2.7/pyconfig-64.h:1188:0: warning: \"_POSIX_C_SOURCE\" redefined [enabled by "
		   "default]\n"
		   "src/cdmpyparser.c:40:5: error: unknown type name 'node'\n"),
		  "host_python_mismatch" },
		/* Emscripten's invoke_ trampolines are named by a signature (v, i, j, f, d, p, e); other
		 * invoke_ names are the program's own */
		{ "TypeError: this.invoke_callback is not a function\n", "js_eh_invoke_missing" },
		/* an Emscripten runtime import missing from the env object without an import number (Firefox's
		 * and JavaScriptCore's LinkError, built from their format strings): a glue of another build
		 * prints it, and so do a hand-written import object and a non-Emscripten host instantiating the
		 * .wasm; V8's numbered import is named (the first: emscripten_glue_missing, as the session-16
		 * audit's readers read the web-assembly-introduction codelab's; past the first:
		 * test_tune31_wordings, the imports before it resolved) */
		{ "LinkError: import object field 'emscripten_resize_heap' is not a Function\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: import function env:__syscall_openat must be callable\n", "glue_wasm_version_mismatch" },
		/* an invoke_* import of a main module (no dynamic linker) the env object lacks: Emscripten
		 * generates every invoke_* the module imports into its own glue, so a stale glue or a
		 * hand-written import object lacks it, not a host built with wasm EH (V8's format string) */
		{ "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"invoke_vi\": function import requires "
		  "a callable\n",
		  "js_eh_invoke_missing" },
		{ "LinkError: import object field 'invoke_viiii' is not a Function\n", "js_eh_invoke_missing" },
		/* no WebAssembly global at all: an engine without wasm prints it, and so do a browser whose
		 * setting or policy removed it (iOS Lockdown Mode, holzschu/a-shell#805; Edge's enhanced
		 * security; Firefox's javascript.options.wasm=false) and Emscripten's startup check in either
		 * (preamble.js: typeof WebAssembly != 'object') */
		{ "ReferenceError: WebAssembly is not defined\n", "engine_lacks_wasm_feature" },
		{ "ReferenceError: Can't find variable: WebAssembly\n", "engine_lacks_wasm_feature" },
		{ "no native wasm support detected\n", "engine_lacks_wasm_feature" },
		/* glibc's heap check in the user's Python, not in a compiler (pytries/datrie#51) */
		{ "*** Error in `python': free(): invalid pointer: 0x0000559f334fde80 ***\n======= Backtrace: "
		  "=========\n",
		  "toolchain_crash" },
		/* a pyo3 build script that failed for another reason: no Python at all on the host
		 * (vllm-project/router#38), a Python older than PyO3's minimum (pyo3-build-config/src/impl_.rs) */
		{ ("error: failed to run custom build command for `pyo3-build-config v0.25.1`\n\nCaused by:\n"
		   "  process didn't exit successfully: "
		   "`/router/target/release/build/pyo3-build-config-8fb679ba41d58ce7/"
		   "build-script-build` (exit status: 1)\n  --- stderr\n  error: no Python 3.x interpreter found\n"),
		  "pyo3_cross_config" },
		{ ("error: failed to run custom build command for `pyo3-ffi v0.16.5`\n\nCaused by:\n  --- stderr\n"
		   "  error: the configured Python interpreter version (3.6) is lower than PyO3's minimum supported "
		   "version (3.7)\n"),
		  "pyo3_cross_config" },
		/* a JS tool's own TypeError, not a side module's import (SimonDegraeve/hapi-webpack-plugin#6):
		 * only a log known to come from an Emscripten load (--axis emscripten=...) reads it so */
		{ ("TypeError: Cannot read property 'apply' of undefined\n    at Compiler.apply "
		   "(/Users/k/clab/node_modules/tapable/lib/Tapable.js:164:15)\n"),
		  "main_module_export_missing" },
		{ "TypeError: Cannot read properties of undefined (reading 'apply')\n", "main_module_export_missing" },
		/* CPython 3.14's C stack protection (InternalDocs/stack_protection.md) is Python's recursion,
		 * not the wasm shadow stack */
		{ ("Traceback (most recent call last):\n  File \"x.py\", line 3, in f\n"
		   "RecursionError: Stack overflow (used 2912 kB)\n"),
		  "wasm_stack_overflow" },
		/* a wasm target's own linker missing is not the host's C linker (rust-lang/rust#49709) */
		{ "error: linker `lld` not found\n  |\n  = note: No such file or directory (os error 2)\n",
		  "host_linker_missing" },
		{ "error: linker `wasm-ld` not found\n", "host_linker_missing" },
		/* Emscripten's -Wundefined demoted with -Wno-error=undefined (emscripten-core/emscripten#11604):
		 * a warning, the link goes on */
		{ ("emcc: warning: undefined exported symbol: \"_foo\" [-Wundefined]\n"
		   "Uncaught TypeError: Module._foo is not a function\n"),
		  "undefined_symbol_at_link" },
		/* LLVM's object reader (lib/Object/WasmObjectFile.cpp) given an object of a newer LLVM: the
		 * linker's age, not the engine's */
		{ "wasm-ld: error: /t/x.o: invalid opcode in init_expr: 35\n", "engine_lacks_wasm_feature" },
		/* wheel's tag check on a native platform it does not know (pypa/wheel#305, pypa/wheel#364):
		 * no cross build's host Python */
		{ "AssertionError: would build wheel with unsupported tag ('cp35', 'abi3', 'linux_x86_64')\n",
		  "host_python_mismatch" },
		{ "  AssertionError: would build wheel with unsupported tag ('cp37', 'cp37m', "
		  "'freebsd_12_1_RELEASE_amd64')\n",
		  "host_python_mismatch" },
		/* the user's own crate without `use std::ffi::c_char` (rustc's E0412), not a dependency
		 * without code for the target */
		{ "error[E0412]: cannot find type `c_char` in this scope\n --> src/lib.rs:3:20\n",
		  "crate_no_target_code" }, /* a host Python's sysconfig missing Fedora's pyconfig-64.h under a cross-build: host and target may
		 * be one version (pyodide/pyodide#1272, the label audit), so no version mismatch shows */
		{ "FileNotFoundError: [Errno 2] No such file or directory: '/b/Python-3.8.2/pyconfig-64.h'\n",
		  "host_python_mismatch" },
	};
	/* the same texts where they do mean the class, and near misses that belong to another */
	static const struct {
		const char *log, *facts, *want;
	} named[] = {
		/* a build script built in a container with a newer glibc than the host's (PyO3/pyo3#3261): no
		 * cross-compilation setting, a host program that cannot start */
		{ ("error: failed to run custom build command for `pyo3-build-config v0.19.0`\n\nCaused by:\n"
		   "  process didn't exit successfully: `/target/debug/build/pyo3-build-config-6833074d719a3ea0/"
		   "build-script-build` (exit status: 1)\n  --- stderr\n"
		   "  /target/debug/build/pyo3-build-config-6833074d719a3ea0/build-script-build: "
		   "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.33' not found (required by "
		   "/target/debug/build/pyo3-build-config-6833074d719a3ea0/build-script-build)\n"),
		  NULL, "host_glibc_too_old" },
		/* rustc's self-contained linker of wasm32-wasip2 (rustc_target's wasm32_wasip2.rs), absent from a
		 * distribution's rustc (termux-user-repository/tur#1675); the host linkers keep their class */
		{ "error: linker `wasm-component-ld` not found\n", NULL, "self_contained_linker_missing" },
		{ "error: linker `x86_64-linux-gnu-gcc` not found\n", NULL, "host_linker_missing" },
		{ "error: linker `link.exe` not found\n", NULL, "host_linker_missing" },
		{ "Aborted(stack overflow (Attempt to set SP to 0xfff103d0, with stack limits [0x410 - 0x10410]))\n",
		  NULL, "wasm_stack_overflow" },
		/* ELF lld (rust-lld is the host linker of x86_64 Linux since Rust 1.90) links a host build script's
		 * C++ without libstdc++: "undefined symbol: X" then ">>> referenced by" (lld/ELF/Relocations.cpp);
		 * wasm-ld names the object first ("FILE: undefined symbol: X", lld/wasm/Relocations.cpp) */
		{ ("rust-lld: error: undefined symbol: __gxx_personality_v0\n>>> referenced by foo.cc\n"
		   ">>>               foo.o:(DW.ref.__gxx_personality_v0) in archive /t/libfoo.a\n"),
		  NULL, "undefined_symbol_at_link" },
		{ "  = note: rust-lld: error: /t/x.rcgu.o: undefined symbol: __cxa_begin_catch\n", NULL,
		  "eh_abi_link_mismatch" },
		{ "emcc: error: undefined symbol: setThrew\n", NULL, "eh_abi_link_mismatch" },
		{ "CompileError: WebAssembly.Module doesn't parse at byte 444: invalid opcode 192, in function at "
		  "index 31\n",
		  NULL, "engine_lacks_wasm_feature" },
		/* an engine without wasm EH has no WebAssembly.Tag or Exception constructor at all (the EH
		 * proposal's JS API; V8's "%s is not a constructor"): no host without the tag */
		{ "TypeError: WebAssembly.Tag is not a constructor\n", NULL, "engine_lacks_wasm_feature" },
		{ "TypeError: WebAssembly.Exception is not a constructor\n", NULL, "engine_lacks_wasm_feature" },
		/* a missing symbol that is no trampoline and no runtime function: its own library's, from a side module not loaded */
		{ "Error: Dynamic linking error: cannot resolve symbol invoke_handler\n", NULL, "unclassified" },
		{ "Error: Dynamic linking error: cannot resolve symbol memmove\n", NULL, "main_module_export_missing" },
		/* Py* undefined when linking: libpython is not on the link line (bytecodealliance/componentize-py#143),
		 * the runtime's Python is not asked yet */
		{ "wasm-ld: error: build/etree.o: undefined symbol: PyExc_TypeError\n", NULL,
		  "undefined_symbol_at_link" },
		{ "  = note: rust-lld: error: undefined symbol: PyUnicode_AsUTF8AndSize\n", NULL,
		  "undefined_symbol_at_link" },
		/* V8's words for any call of an undefined function's .apply: an Emscripten version in the log
		 * does not make it a side-module import the main module lacks (dynCallLegacy's missing
		 * dynCall_*, a program's own undefined callback say the same) */
		{ "TypeError: Cannot read properties of undefined (reading 'apply')\n", "emscripten=3.1.6",
		  "unclassified" },
		{ "python3: symbol lookup error: /x/ext.cpython-312-x86_64-linux-gnu.so: undefined symbol: "
		  "PyUnicode_AsUTF8AndSize\n",
		  NULL, "python_capi_missing" },
		{ "LinkError: import object field '__cpp_exception' is not a Tag\n", NULL, "wasm_eh_tag_missing" },
		{ "TypeError: can't convert BigInt to number\n", "bigint=off", "bigint_js_boundary" },
		{ "Error: Dynamic linking error: cannot resolve symbol invoke_vij\n", NULL, "js_eh_invoke_missing" },
		{ "*** Error in `/opt/emsdk/upstream/bin/wasm-ld': double free or corruption: 0x1 ***\n"
		  "*** Error in `/opt/emsdk/upstream/bin/wasm-ld': free(): invalid pointer: 0x1 ***\n",
		  NULL, "toolchain_crash" },
		/* pyo3-build-config's cross-compilation errors across releases (src/impl_.rs, 0.14 to 0.28) */
		{ "  error: The PYO3_CROSS_LIB_DIR environment variable must be set when cross-compiling\n", NULL,
		  "pyo3_cross_config" },
		{ "  error: Could not find either libpython.so or _sysconfigdata*.py in /x/lib\n", NULL,
		  "pyo3_cross_config" },
		{ "  error: SOABI not found in sysconfigdata file\n", NULL, "pyo3_cross_config" },
		{ "  error: PYO3_CROSS_PYTHON_VERSION or either an abi3-py3* or abi3t-py3* feature must be specified "
		  "when "
		  "cross-compiling and PYO3_CROSS_LIB_DIR is not set.\n",
		  NULL, "pyo3_cross_config" },
		{ "  error: failed to parse PYO3_CROSS_PYTHON_VERSION\n", NULL, "pyo3_cross_config" },
		/* build.rs before pyo3-build-config (0.9 to 0.13) */
		{ "Error: \"Your Rust target architecture (32-bit) does not match your python interpreter (64-bit)\"\n",
		  NULL, "pyo3_cross_config" },
		{ "AssertionError: would build wheel with unsupported tag ('cp310', 'cp311', "
		  "'emscripten_3_1_45_wasm32')\n",
		  NULL, "host_python_mismatch" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *id = classify1(t, -1, cases[i].log, NULL, NULL);

		if (strcmp(id, "unclassified") != 0 && strcmp(id, "none") != 0)
			fprintf(stderr, "named %s: %s", id, cases[i].log);
		CHECK(strcmp(id, cases[i].not_id) != 0);
		CHECK(!strcmp(id, "unclassified") || !strcmp(id, "none"));
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(*named); i++)
		CHECK_STR(classify1(t, -1, named[i].log, named[i].facts, NULL), named[i].want);
}

/*
 * The label audit and batch 31 (tune part): Emscripten's runtime functions missing after the first
 * import (the glue resolved those before it: another build's glue); wazero's refusal of an opcode
 * (internal/wasm/module.go "invalid function[%d]: %w" around func_validation.go's "invalid
 * instruction 0x%x"); a wasm optimizer's signal as fish (its job-status message) and Trunk
 * (src/tools.rs: "call to executable ... returned a bad status") report it; a panic inside
 * wasmtime's runtime or Cranelift's code generator; and errors that are errors though no class
 * names them: a logger's "[error] " level (WasmEdge's validator), wasmtime's guard-page trap
 * ("memory fault at wasm address"), a traceback folded onto one line, cffi's "ffi.error".
 */
static void test_tune31_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "wasm streaming compile failed: LinkError: WebAssembly.instantiate(): Import #33 \"env\" "
		  "\"_tzset_js\": function import requires a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): Import #5 module=\"env\" function=\"__syscall_openat\" "
		  "error: function import requires a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "loadBytes: compile module: invalid function[2]: invalid instruction 0x12\n",
		  "engine_lacks_wasm_feature" },
		{ "fish: Job 1, '~/code/binaryen/bin/wasm-opt -O\xe2\x80\xa6' terminated by signal SIGSEGV (Address "
		  "boundary error)\n",
		  "toolchain_crash" },
		{ "    2: wasm-opt call to executable '/u/.cargo/bin/wasm-opt' with args: '[\"-Oz\", \"a.wasm\"]' "
		  "returned a bad status: signal: 11 (SIGSEGV)\n",
		  "toolchain_crash" },
		{ "thread 'main' panicked at crates/wasmtime/src/runtime/vm/instance.rs:971:72:\n"
		  "called `Result::unwrap()` on an `Err` value: type mismatch\n",
		  "wasm_engine_crash" },
		{ "thread 'main' panicked at /r/.cargo/registry/src/index.crates.io-1/cranelift-codegen-0.110.1/src/"
		  "machinst/lower.rs:766:21:\nno entry found for key\n",
		  "wasm_engine_crash" },
	};
	static const char *const unnamed[] = {
		"[warning] GC proposal is enabled, this is experimental.\n"
		"[error] validation failed: type mismatch, Code: 0x201\n",
		"memory fault at wasm address 0x80010000 in linear memory of size 0x80010000\n",
		"Traceback (most recent call last): ... File \"/lib/python3.12/site-packages/m/a.py\", line 18, in "
		"<module> import narwhals.stable.v2 as nw ModuleNotFoundError: No module named 'narwhals.stable.v2'\n",
		"ffi.error: symbol 'revindex_free' not found in library '/lib/python3.13/site-packages/s/l.so'\n",
	};
	/*
	 * near misses: import #0 refused (no glue at all may say it too), a function of the user's own after
	 * the first import, a crash of a program that is no toolchain under fish and Trunk, a panic in the
	 * embedder's own code that merely calls wasmtime
	 */
	static const struct near_miss misses[] = {
		{ "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"emscripten_resize_heap\": function "
		  "import requires a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): Import #4 \"env\" \"my_callback\": function import requires "
		  "a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "fish: Job 1, 'python3 run.py' terminated by signal SIGSEGV (Address boundary error)\n",
		  "toolchain_crash" },
		{ "    2: tailwindcss call to executable '/u/bin/tailwindcss' with args: '[]' returned a bad status: "
		  "signal: 11 (SIGSEGV)\n",
		  "toolchain_crash" },
		{ "thread 'main' panicked at src/main.rs:12:40:\ncalled `Result::unwrap()` on an `Err` value: "
		  "failed to instantiate wasmtime module\n",
		  "wasm_engine_crash" },
	};

	check_named(t, cases, COUNT(cases));
	for (size_t i = 0; i < sizeof(unnamed) / sizeof(*unnamed); i++)
		CHECK_STR(classify1(t, -1, unnamed[i], NULL, NULL), "unclassified");
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 32 (tune part): std built by -Zbuild-std lacking code for its target configuration (an
 * error located in rust-src's library/std); an environment variable emcc no longer reads; WAMR's
 * "unsupported opcode 1f" under iwasm's "WASM module load failed"; WasmEdge refusing the legacy
 * exception-handling instructions; a wasm object archived by the host's archiver; Cranelift's
 * generated lowering (a build directory's isle_*.rs) panicking; and errors that name no class:
 * an engine's error at a module offset, Pyodide's own internal errors, Emscripten's dynamic
 * linker missing a C++ symbol of another library's namespace.
 */
static void test_tune32_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error[E0425]: cannot find function `current_os_id` in module `imp`\n"
		  "   --> /h/.rustup/toolchains/nightly-x86_64-unknown-linux-gnu/lib/rustlib/src/rust/library/std/src/"
		  "thread/current.rs:159:10\n",
		  "crate_no_target_code" },
		{ "error[E0432]: unresolved imports `futex::Mutex`, `futex::Condvar`\n"
		  "  --> /r/lib/rustlib/src/rust/library/std/src/sys/wasm/mod.rs:57:36\n",
		  "crate_no_target_code" },
		{ "emcc: error: `EMMAKEN_CFLAGS` is no longer supported, please use `EMCC_CFLAGS` instead\n",
		  "emcc_setting_removed" },
		{ "WASM module load failed: unsupported opcode 1f\n", "engine_lacks_wasm_feature" },
		{ "WASM module load failed: unsupported opcode 12\n", "engine_lacks_wasm_feature" },
		{ "[2024-07-30 21:16:36.534] [error] loading failed: illegal opcode, Code: 0x117\n"
		  "[2024-07-30 21:16:36.534] [error]     Deprecated `delegate` instruction.\n",
		  "engine_lacks_wasm_feature" },
		{ "error: failed to build archive at `/t/wasm32-unknown-unknown/release/deps/libpsm-36af2f.rlib`: LLVM "
		  "error: section too large\n",
		  "host_archiver_not_wasm" },
		{ "thread '<unnamed>' panicked at /p/target/release/build/cranelift-codegen-d3b2ca6c16e3c234/out/"
		  "isle_riscv64.rs:8324:5:\ninternal error: entered unreachable code: no rule matched for term "
		  "gen_bitcast\n",
		  "wasm_engine_crash" },
		{ "Could not load dynamic lib: /tmp/incr_module_2.wasm\n"
		  "Error: bad export type for 'PyExc_ValueError': undefined\n",
		  "main_module_export_missing" },
	};
	static const char *const unnamed[] = {
		"/b/wamr#2561.wasm:0x0: out of memory allocating memory\n",
		"Unknown typed array type 'BigInt64Array'. This is a problem with Pyodide, please open an issue about "
		"it here: https://github.com/pyodide/pyodide/issues/new\n",
		"Dynamic linking error: cannot resolve symbol _ZN6duckdb15ExtensionLoader19GetDatabaseInstanceEv\n",
		/* the same library's typeinfo and vtable in Emscripten's other wording */
		"Error: bad export type for '_ZTIN3foo4NodeE': undefined\n",
		"Error: bad export type for `_ZTV3Bar`: undefined\n",
		/* wasmi's missing import of a host's own module: no WASI, no glue */
		"error: cannot find definition for import typst_env::wasm_minimal_protocol_send_result_to_host with "
		"type Func(FuncType { params: [I32], results: [] })\n",
		/* Node's check failing elsewhere (its file system code) */
		"  #  node[4242]: void node::fs::Read(const FunctionCallbackInfo<Value> &) at "
		"../src/node_file.cc:2200\n"
		"  #  Assertion failed: args[1]->IsInt32()\n",
		/* Python's refusal of a stale .pyc */
		"ImportError: bad magic number in 'mod': b'\\x03\\xf3\\r\\n'\n",
		/* the same stub in a native test run: no wasm host at all */
		"thread 'tests::it_works' panicked at /r/js-sys-0.3.77/src/lib.rs:3441:1:\ncannot call wasm-bindgen "
		"imported functions on non-wasm targets\ntest tests::it_works ... FAILED\n",
		/* the first import a libc function any toolchain imports: no glue, another glue, hand-made imports */
		"LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"pthread_self\": function import requires a "
		"callable\n",
		/* clang's refusal of an atomics builtin in a file compiled without the feature: no link yet */
		"atomic.h:225:10: error: '__builtin_wasm_memory_atomic_notify' needs target feature atomics\n",
		/* the same TypeError on the program's own object */
		"/x/test.js:47\n  state.buffer.set(encoded, 0);\n               ^\n\nTypeError: Cannot read properties "
		"of "
		"undefined (reading 'set')\n",
		/* an MVP opcode where it does not belong: a corrupt module, no feature */
		"0000100: error: unexpected opcode: 0x41 0x0\n",
		/* a component parser's refusal is no engine feature; a subprocess that failed without a signal */
		"Exception: Subprocess 3/8 failed with return code 1! (cmdline: /e/clang -c memcpy.c)\n",
		/* an item configured out by a feature of the crate: a feature off, not the target */
		"error[E0433]: cannot find `blocking` in `myhttp`\n --> src/fetch.rs:17:27\n"
		"note: found an item that was configured out\n --> /r/myhttp-0.1.0/src/lib.rs:72:13\n    |\n"
		"70 |     #[cfg(feature = \"blocking\")]\n    |           ------------------ the item is gated here\n",
		"Unhandled Promise Rejection: CompileError: WebAssembly.Module doesn't validate: tail call function "
		"index 674 return type mismatch: expected (ref eq), got (ref <array:0>), in function at index 485\n",
	};
	/*
	 * near misses: the project's own crate's error outside rust-src, a C-API function newer than the
	 * runtime's Python (still python_capi_missing), a libc++ symbol (still the main module's), an
	 * archive LLVM builds for a host target with another error
	 */
	static const struct near_miss misses[] = {
		{ "error[E0425]: cannot find function `helper` in this scope\n  --> src/thread/current.rs:3:5\n",
		  "crate_no_target_code" },
		{ "error: failed to build archive at `/t/debug/deps/libfoo.rlib`: No space left on device\n",
		  "host_archiver_not_wasm" },
	};
	static const struct wording still[] = {
		{ "Error: bad export type for 'PyExceptionInstance_Class': undefined\n"
		  "Could not load dynamic lib: /lib/python3.12/site-packages/m/_m.so\n",
		  "python_capi_missing" },
		{ "Dynamic linking error: cannot resolve symbol _ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_"
		  "9allocatorIcEEE6appendEPKc\n",
		  "main_module_export_missing" },
		/* wasmi's linker (Typst's plugins): a WASI import, an Emscripten glue's import */
		{ "error: cannot find definition for import wasi_snapshot_preview1::fd_write with type Func(FuncType "
		  "{ params: [I32, I32, I32, I32], results: [I32] })\n",
		  "wasi_host_import_missing" },
		{ "error: cannot find definition for import env::emscripten_notify_memory_growth with type "
		  "Func(FuncType { params: [I32], results: [] })\n",
		  "emscripten_glue_missing" },
		/* old wasmparser's refusal (ic-wasm, walrus) of bytes that are no module at all */
		{ "Error: Failed to parse bytes as wasm: Could not parse the data as WASM module. Bad magic number (at "
		  "offset 0)\n",
		  "not_a_wasm_module" },
		/* Node's own check failing in its wasm streaming code (node::Assert's report) */
		{ "  #  node[4242]: void node::wasm_web_api::StartStreamingCompilation(const "
		  "FunctionCallbackInfo<Value> "
		  "&) at ../src/node_wasm_web_api.cc:175\n  #  Assertion failed: !impl.IsEmpty()\n",
		  "wasm_engine_crash" },
		/* js-sys's stub for a WASI build panicking under wasmtime */
		{ "thread 'main' panicked at /r/js-sys-0.3.77/src/lib.rs:3441:1:\ncannot call wasm-bindgen imported "
		  "functions on non-wasm targets\nError: failed to run main module "
		  "`target/wasm32-wasip1/debug/t.wasm`\n",
		  "wasm_bindgen_outside_js" },
		/* V8's first import refused: an Emscripten runtime function no import object had (not an
		 * invoke_*, which a stale glue lacks as often: js_eh_invoke_missing's near miss) */
		{ "LinkError: WebAssembly.instantiate(): Import #0 module=\"env\" function=\"emscripten_resize_heap\" "
		  "error: function import requires a callable\n",
		  "emscripten_glue_missing" },
		/* Node's report of the glue's HEAP view missing from Module (its source line, its caret) */
		{ "/x/test.js:47\n  jxlModule.HEAP8.set(encoded, buffer);\n                  ^\n\nTypeError: Cannot "
		  "read "
		  "properties of undefined (reading 'set')\n    at testSdr (/x/test.js:47:19)\n",
		  "emscripten_runtime_helper_removed" },
		/* wabt's reader on a post-MVP opcode its flags leave off (0x12 return_call: tail calls) */
		{ "0003931: error: unexpected opcode: 0x12\n", "wasm_tool_feature_not_enabled" },
		/* webpack's wasm parser (webassemblyjs) failing in the type section, its message cut off */
		{ "    at parseTypeSection (/a/node_modules/@webassemblyjs/wasm-parser/lib/decoder.js:375:22)\n"
		  "    at parseSection (/a/node_modules/@webassemblyjs/wasm-parser/lib/decoder.js:1379:23)\n"
		  "webpack 5.94.0 compiled with 1 error in 16766 ms\n",
		  "engine_lacks_wasm_feature" },
		/*
		 * the catalogue of the session-16 round, from the tools' sources: crates' own refusals of
		 * the target, engines' feature and limit refusals (not wasmparser's bare message: wasm-tools and
		 * wasm-bindgen print it too), rustc's stack
		 * overflow, old emcc's and wasm-pack's children killed by a signal, binaryen's broken pass
		 */
		{ "thread 'main' panicked at src/main.rs:4:5:\ncould not initialize thread_rng: getrandom: this target "
		  "is not supported\n",
		  "crate_no_target_code" },
		{ "thread '<unnamed>' panicked at /r/parking_lot_core-0.9.9/src/thread_parker/generic.rs:30:9:\n"
		  "Parking not supported on this platform\n",
		  "crate_no_target_code" },
		{ "error: to use `uuid` on `wasm32-unknown-unknown`, specify a source of randomness using one of the "
		  "`js`, `rng-getrandom`, or `rng-rand` features\n",
		  "crate_no_target_code" },
		{ "Error: memory64 must be enabled for 64-bit memories (at offset 0x2e)\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: func type returns multiple values but the multi-value feature is not enabled (at offset "
		  "0xe)\n",
		  "engine_lacks_wasm_feature" },
		{ "error: Feature threads is not yet supported\n", "engine_lacks_wasm_feature" },
		{ "Error: Unsupported feature: legacy exception handling proposal is not supported\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: the wasm_gc feature is not supported on this compiler configuration\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: only one memory per module is supported\n", "engine_lacks_wasm_feature" },
		{ "Exception: unsupported opcode\n", "engine_lacks_wasm_feature" },
		{ "CompileError: wasm validation error: at offset 1234: already have default memory\n",
		  "engine_lacks_wasm_feature" },
		{ "error: shared memory requested but threads feature not enabled\n", "engine_lacks_wasm_feature" },
		{ "[error] validation failed: multiple memories, Code: 0x216\n", "engine_lacks_wasm_feature" },
		{ "Error: functions count exceeds limit of 1000000 (at offset 0x1a)\n", "engine_implementation_limit" },
		{ "CompileError: WebAssembly.instantiate(): param count of 1001 exceeds internal limit of 1000 @+14\n",
		  "engine_implementation_limit" },
		{ "RuntimeError: The memory could not grow: current size 16384 pages, requested increase: 1 pages\n",
		  "memory_growth_limit" },
		{ "[error] Memory Instance: Memory grow page failed, exceeded limited 1024 page size in "
		  "configuration.\n",
		  "memory_growth_limit" },
		{ "LinkError: Memory import env:memory provided a 'size' that is smaller than the module's declared "
		  "'initial' import memory size\n",
		  "initial_memory_too_small" },
		{ "error: rustc interrupted by SIGSEGV, printing backtrace\nhelp: you can increase rustc's stack size "
		  "by "
		  "setting RUST_MIN_STACK=16777216\n",
		  "toolchain_crash" },
		{ "Exception: Subprocess 3/8 failed with return code -11! (cmdline: /e/clang -c memcpy.c)\n",
		  "toolchain_crash" },
		{ "Error: failed to execute `wasm-opt`: exited with signal: 11 (SIGSEGV) (core dumped)\n",
		  "toolchain_crash" },
		{ "Fatal: Last pass (asyncify) broke validation. Run with BINARYEN_PASS_DEBUG=2 in the env to see the "
		  "earlier state\n",
		  "toolchain_crash" },
		/* an item rustc found configured out by a target cfg, in the user's own crate */
		{ "error[E0433]: cannot find `blocking` in `reqwest`\n --> src/fetch.rs:17:27\n"
		  "note: found an item that was configured out\n --> /r/reqwest-0.12.28/src/lib.rs:372:13\n    |\n"
		  "272 |         #[cfg(not(target_arch = \"wasm32\"))]\n"
		  "    |                  ------------------------ the item is gated here\n",
		  "crate_no_target_code" },
		{ "Error: bad export type for '_ZTISt9exception': undefined\n", "main_module_export_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_named(t, still, COUNT(still));
	for (size_t i = 0; i < sizeof(unnamed) / sizeof(*unnamed); i++)
		CHECK_STR(classify1(t, -1, unnamed[i], NULL, NULL), "unclassified");
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 33 (tune part): a component given to a host that reads only core modules (WAMR's,
 * objdump's and wasmer's version refusals, wasmtime's and V8's words); WASI imports the host did
 * not link (wasmtime's for a module and for a component); an Emscripten port's placeholder header
 * (include/fakesdl's #error); dx's missing wasm-opt; Godot's web loader's feature check; a panic
 * anywhere in wasmtime's runtime; lld's undefined symbol without its prefix, named at a link stage;
 * Python's http.server logging an error response and a shell's "command not found", errors no
 * class names.
 */
static void test_tune33_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "WASM module load failed: unknown binary version\n", "component_loaded_as_module" },
		{ "objdump: error: 'a.wasm': invalid version number: 65549\n", "component_loaded_as_module" },
		{ "error: Unable to compile \"c.wasm\"\n\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 1: Validation error: "
		  "unknown "
		  "binary version (at offset 0x4)\n",
		  "component_loaded_as_module" },
		{ "Error: expected a WebAssembly module but was given a WebAssembly component\n",
		  "component_loaded_as_module" },
		{ "CompileError: WebAssembly.Module(): expected version <01 00 00 00>, found <0d 00 01 00> @+4\n",
		  "component_loaded_as_module" },
		{ "Error: Failed to instantiate the example world\n\nCaused by:\n    0: component imports instance "
		  "`wasi:io/error@0.2.2`, but a matching implementation was not found in the linker\n",
		  "wasi_host_import_missing" },
		{ "wasmtime._error.WasmtimeError: unknown import: `wasi_snapshot_preview1::sched_yield` has not been "
		  "defined\n",
		  "wasi_host_import_missing" },
		{ "/e/cache/sysroot/include/fakesdl/SDL.h:1:2: error: \"To use the emscripten port of SDL use "
		  "-sUSE_SDL "
		  "or -sUSE_SDL=2\"\n    1 | #error \"To use the emscripten port of SDL use -sUSE_SDL or "
		  "-sUSE_SDL=2\"\n",
		  "emscripten_port_not_enabled" },
		{ "penguin> ERROR dx build: Failed to write executable\npenguin>\npenguin> Caused by:\npenguin>     0: "
		  "Failed to create wasm-opt instance\npenguin>     1: Missing wasm-opt\n",
		  "binaryen_tool_missing" },
		{ "The following features required to run Godot projects on the Web are missing:\nCross-Origin "
		  "Isolation - Check that the web server configuration sends the correct headers.\n",
		  "cross_origin_isolation_missing" },
		{ "thread 'main' panicked at crates/wasmtime/src/runtime/instantiate.rs:179:17:\nassertion `left == "
		  "right` failed\n",
		  "wasm_engine_crash" },
	};
	static const char *const unnamed[] = {
		"::1 - - [13/Sep/2025 16:39:30] code 404, message File not found\n"
		"::1 - - [13/Sep/2025 16:39:30] \"GET /wasm/controller.js?version=0.15.3 HTTP/1.1\" 404 -\n",
		"$ pyodide venv .venv-pyodide\npyodide: command not found\n",
	};

	check_named(t, cases, COUNT(cases));
	for (size_t i = 0; i < sizeof(unnamed) / sizeof(*unnamed); i++)
		CHECK_STR(classify1(t, -1, unnamed[i], NULL, NULL), "unclassified");
	/* lld's line without its prefix is the linker's only where the log is a link's (a JS loader says it too) */
	CHECK_STR(classify1(t, STAGE_LINK, "undefined symbol: __ubsan_handle_type_mismatch_v1\n", NULL, NULL),
		  "undefined_symbol_at_link");
	CHECK_STR(classify1(t, STAGE_LINK, "undefined symbol: __cxa_find_matching_catch_2\n", NULL, NULL),
		  "eh_abi_link_mismatch");
	CHECK(strcmp(classify1(t, STAGE_LOAD, "undefined symbol: my_function\n", NULL, NULL),
		     "undefined_symbol_at_link") != 0);
}

/*
 * Batches 21 and 22 (tune part): three classes (wabt reading a module without a feature it uses;
 * Chromium refusing a large synchronous compile on the main thread; a Python on wasm that cannot
 * reach its standard library); a shell's crash report right after a toolchain command; a frontend's
 * "wasm-opt failed with status ... signal"; a WASI import the host links nothing for; Emscripten's
 * compat x86 intrinsics; a native wheel handed to micropip; an install without emscan-deps;
 * Godot's web toolchain check; Apple's libtool on wasm objects; a line that says nothing is broken.
 */
/*
 * The forty-fifth round's wordings (batches 31-32, tune part), their near misses and the lines
 * said with a decoration before or after them.
 */
static void test_tune46_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Unknown: src/plugins.rs:135:36unknown import: "
		  "`__wbindgen_placeholder__::__wbindgen_object_clone_ref` "
		  "has not been defined\n",
		  "wasm_bindgen_outside_js" },
		{ "Failed to load module script: Expected a JavaScript module script but the server responded with a "
		  "MIME type of \"application/wasm\". Strict MIME type checking is enforced for module scripts per "
		  "HTML spec.\n",
		  "bundler_wasm_import_unsupported" },
		{ "Traceback (most recent call last): File \"/lib/python312.zip/_pyodide/_base.py\", line 523, in "
		  "eval_code .run(globals, locals) File \"/lib/python3.12/site-packages/m/_mpl.py\", line 20, in "
		  "<module> from starlette.responses import HTMLResponse ModuleNotFoundError: No module named "
		  "'starlette'\n",
		  "python_requirement_missing" },
		{ "running 2 tests\nStacktrace:\n    ptr1=0x21b9a677ec71\n    ptr2=(nil)\n    "
		  "failure_message_object=0x7ffd6ba2f110\n==== JS stack trace ====\n    2: /* anonymous */ "
		  "[wasm-bindgen-test.js:677] (this=0x3b52 <JSGlobalProxy>,0x21b9 <Other heap object "
		  "(WASM_INTERNAL_FUNCTION_TYPE)>)\n",
		  "wasm_engine_crash" },
		{ "2023/01/03 17:26:13 failed to create WASM module: Validation error: threads must be enabled for "
		  "shared memories (at offset 112)\n",
		  "engine_lacks_wasm_feature" },
		{ "TypeError: WebAssembly.Exception(): Argument 0 must be an exception type with 'parameters'\n",
		  "engine_lacks_wasm_feature" },
		{ "Error message: wasm validation error: at offset 28: bad type\n", "engine_lacks_wasm_feature" },
		{ "cargo build --target=wasm32-wasip2\ntwiggy top a.wasm\nerror: WASM error: Bad version number (at "
		  "offset "
		  "4)\n",
		  "component_loaded_as_module" },
		{ "error[E0658]: use of unstable library feature 'stdarch_wasm_atomic_wait'\nerror[E0635]: unknown "
		  "feature "
		  "`stdsimd`\n --> /r/.cargo/registry/src/x/wasm-bindgen-futures-0.4.39/src/lib.rs:33:49\n",
		  "crate_too_old_for_rust" },
		{ "Uncaught RuntimeError: unreachable\n    at app.wasm.__rg_oom (app.wasm-0817:0x1631efb)\n    at "
		  "app.wasm.alloc::alloc::handle_alloc_error::h24 (app.wasm-0817:0x1648050)\n",
		  "memory_growth_limit" },
		{ "10:44:40 AM: \xe2\x9c\x98 [ERROR] No loader is configured for \".wasm\" files: "
		  ".netlify/server/wasm/r.wasm\n",
		  "bundler_wasm_import_unsupported" },
		{ "org.graalvm.polyglot.PolyglotException: Only function types are supported in the type section\n",
		  "engine_lacks_wasm_feature" },
		{ "error: failed to build archive: 'wasm32.o': section too large\n", "host_archiver_not_wasm" },
		{ "Whoops, the AssemblyScript compiler has crashed during optimize :-(\n", "toolchain_crash" },
		{ "[2024-04-15 10:47:48.818][1][error][wasm] [source/extensions/common/wasm/wasm_vm.cc:39] Failed to "
		  "load "
		  "Wasm module due to a missing import: wasi_snapshot_preview1.sched_yield\n",
		  "wasi_host_import_missing" },
		{ "Pagefind JS version doesn't match the version the index was built with.\nFailed to load the "
		  "Pagefind "
		  "WASM:\nTypeError: WebAssembly.instantiate():\nImport #0 \"./pagefind_web_bg.js\": module is not an "
		  "object or function\n",
		  "glue_wasm_version_mismatch" },
	};
	/*
	 * near misses: V8's dump with no wasm object in its stack; old wasmparser's version refusal with no
	 * sign of a component; an allocation failure handler's frame with no trap
	 */
	static const struct near_miss misses[] = {
		{ "Stacktrace:\n    ptr1=0x21b9a677ec71\n    failure_message_object=0x7ffd6ba2f110\n==== JS stack "
		  "trace ====\n    2: /* anonymous */ [a.js:677] (this=0x3b52 <JSGlobalProxy>)\n",
		  "wasm_engine_crash" },
		/* wasm-bindgen's interpreter on an MVP instruction: no version pair */
		{ "thread 'main' panicked at /h/wasm-bindgen-cli-support-0.2.104/src/interpreter/mod.rs:218:21:\n"
		  "f::h1: unknown instruction Block(Block { seq: Id { idx: 1 } })\n",
		  "crate_too_old_for_rust" },
		/* old wasmparser's version refusal with no sign of a component */
		{ "error: WASM error: Bad version number (at offset 4)\n", "component_loaded_as_module" },
		/* an allocation failure handler's frame with no trap */
		{ "at app.wasm.__rg_oom (app.wasm-0817:0x1631efb)\nError: failed\n", "memory_growth_limit" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/* wgpu's contexts, each on a line of the chain: the last is the error */
	CHECK_STR(telling("wgpu error: Validation Error\n\nCaused by:\n    In a RenderPass\n      note: encoder = "
			  "`<CommandBuffer-(0, 1, Gl)>`\n    In a draw command, indexed:false indirect:false\n    "
			  "Buffer is bound with size 64 where the shader expects 4096\n"),
		  "Buffer is bound with size 64 where the shader expects 4096");
	/* Chrome's " (at file:L:C)" after a message is no part of it */
	CHECK_STR(telling("Uncaught SyntaxError: Unexpected token '<' (at 814.ffmpeg.js:1:1)\n"),
		  "SyntaxError: Unexpected token '<'");
	CHECK_STR(telling("Error: bad value (at the start)\n"), "Error: bad value (at the start)");
	/* a traceback whose indentation a poster lost: its frames and source lines are no exception */
	CHECK_STR(telling("Traceback (most recent call last):\nFile \"/lib/micropip/install.py\", line 57, in "
			  "install\nraise ValueError(\nValueError: Can't find a pure Python 3 wheel for: 'x'\n"),
		  "ValueError: Can't find a pure Python 3 wheel for: 'x'");
	CHECK_STR(telling("Traceback (most recent call last): File \"a.py\", line 5, in f except ImportError: pass "
			  "File \"b.py\", line 2, in g KeyError: 'k'\n"),
		  "KeyError: 'k'");
	/* maturin's failure line as a copy without its emoji shows it; its cause is the error */
	CHECK_STR(telling("maturin failed\n  Caused by: Cargo didn't build a cdylib\n"), "Cargo didn't build a cdylib");
	/* a procedural macro's panic: its message under rustc's error */
	CHECK_STR(telling("error: custom attribute panicked\n --> src/lib.rs:2:1\n  |\n2 | #[wasm_bindgen(js_name = "
			  "\"$x\")]\n  |\n  = help: message: `\"$x\"` is not a valid identifier\n"),
		  "= help: message: `\"$x\"` is not a valid identifier");
	/* wasmtime's trap alone; its backtrace's frames and note, their indent lost, are no cause */
	CHECK_STR(telling("Caused by:\n    wasm trap: wasm `unreachable` instruction executed\n"),
		  "wasm trap: wasm `unreachable` instruction executed");
	CHECK_STR(telling("Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to invoke command "
			  "default\n"
			  "    1: error while executing at wasm backtrace:\n    0:    0x629 - a.wasm!f\n    1:    "
			  "0x361 - "
			  "a.wasm!_start\nnote: using the `WASMTIME_BACKTRACE_DETAILS=1` environment variable may show "
			  "more "
			  "debugging information\n    2: wasm trap: out of bounds memory access\n"),
		  "wasm trap: out of bounds memory access");
	/* tracing-subscriber's head (level, spans, target) before a panic */
	CHECK_STR(telling("2026-02-28T16:37:16.842997Z ERROR run{id=7}:exec{a=b}:step: lin::wasm::api: panicked at "
			  "src/c.rs:9:17:\nassertion failed: x\n"),
		  "panicked at src/c.rs:9:17: assertion failed: x");
	CHECK_STR(telling("ERROR lin::wasm: something failed\n"), "ERROR lin::wasm: something failed");
	/* an empty list after a failure word, CMake's check results: no failure */
	CHECK_STR(classify1(t, -1, "log: Loaded micropip\npage errors: []       failed requests: []\n", NULL, NULL),
		  "none");
	CHECK_STR(classify1(t, -1, "-- Performing Test CXX_SUPPORTS_FNO_EXCEPTIONS_FLAG - Failed\n", NULL, NULL),
		  "none");
	/* a cargo build script's last word on stderr, under cargo's wrapper line */
	CHECK_STR(telling("error: failed to run custom build command for `aws-lc-sys v0.19.0`\n\nCaused by:\n  process "
			  "didn't exit successfully: `/t/build-script-main` (exit status: 101)\n  --- stdout\n  "
			  "cargo:rerun-if-env-changed=X\n\n  --- stderr\n  Failure invoking external bindgen! \n"),
		  "Failure invoking external bindgen!");
	/* cc-rs' relay to cargo is no text; a compiler driver's step failing is a wrapper */
	CHECK_STR(telling("cargo:warning=src/a.c:9:10: fatal error: 'stdio.h' file not found\n"),
		  "src/a.c:9:10: fatal error: 'stdio.h' file not found");
	/* wasmtime's trap head after an embedder's words, a backtrace after it; xmake's refusal at note level */
	CHECK_STR(telling("pglite exited unexpectedly: error while executing at wasm backtrace:\n    0: 0x59fed6 - "
			  "<wasm function 11139>\n    1: 0x2408f9 - <wasm function 3146>\n    2: 0x23e95c - <wasm "
			  "function 3144>\n    3: 0x50c033 - <wasm function 9716>\n    4: 0x50c1ae - <wasm function "
			  "9719>\n    5: 0x1c15ff - <wasm function 2534>\n"),
		  "pglite exited unexpectedly: error while executing at wasm backtrace:");
	CHECK_STR(telling("error while executing at wasm backtrace:\n    0: 0x1 - <wasm function 1>\nwasm trap: wasm "
			  "`unreachable` instruction executed\n"),
		  "wasm trap: wasm `unreachable` instruction executed");
	CHECK_STR(telling("checking for architecture ... wasm32\nnote: the following packages are unsupported on "
			  "wasm/wasm32:\n  -> emscripten 3.1.25\n"),
		  "note: the following packages are unsupported on wasm/wasm32:");
	CHECK_STR(telling("    Canister's Wasm module is not valid: \n    Wasm module code section size of 11656074 "
			  "exceeds "
			  "the maximum allowed size of 11534336.\n    See documentation: https://x.org/docs\n}))\n"),
		  "Wasm module code section size of 11656074 exceeds the maximum allowed size of 11534336.");
	/* a mismatch or a missing thing said without an error word: wasmtime's import check, webpack's shared scope */
	CHECK_STR(telling("incompatible import type for `env::memory`\n"),
		  "incompatible import type for `env::memory`");
	CHECK_STR(telling("Shared module @jupyterlite/server doesn't exist in shared scope default\n"),
		  "Shared module @jupyterlite/server doesn't exist in shared scope default");
	CHECK_STR(telling("Checking versions... no mismatch\n"), "(none)");
	CHECK_STR(telling("wasm-ld: error: unknown argument: -rpath\nerror: link command failed with exit code 1 (use "
			  "-v to "
			  "see invocation)\n"),
		  "wasm-ld: error: unknown argument: -rpath");
	/* wasm-bindgen-test-runner's verdict over its driver's kill; TinyGo's Go check; gzip on an error page */
	CHECK_STR(telling("Failed to detect test as having been run. It might have timed out.\noutput div contained:\n "
			  "   "
			  "running 38 tests\n\ndriver status: signal: 9 (SIGKILL)\n"),
		  "Failed to detect test as having been run. It might have timed out.");
	CHECK_STR(telling("$ tinygo build -o t.wasm .\nrequires go version 1.19 through 1.23, got go1.24\n"),
		  "requires go version 1.19 through 1.23, got go1.24");
	CHECK_STR(
		telling("gzip: stdin: not in gzip format\ntar: Child returned status 1\nError: Process completed with "
			"exit code 2.\n"),
		"gzip: stdin: not in gzip format");
	/* Windows cmd's command not found */
	CHECK_STR(telling("call python \"D:\\emsdk\\emsdk.py\" construct_env\n'python' is not recognized as an "
			  "internal or external command,\noperable program or batch file\n"),
		  "'python' is not recognized as an internal or external command,");
}

static void test_tune45_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "thread 'main' panicked at src/bootstrap/src/core/build_steps/compile.rs:427:13:\nTarget "
		  "\"wasm32-wasip1\" does not have a \"wasi-root\" key in bootstrap.toml or `$WASI_SDK_PATH` set\n",
		  "rust_wasi_root_missing" },
		{ "  --- stderr\n/usr/lib/llvm-10/lib/clang/10.0.0/include/inttypes.h:21:15: fatal error: 'inttypes.h' "
		  "file not found\nerror: failed to run custom build command for `openssl-sys v0.9.103`\n"
		  "make[1]: Leaving directory '/w/target/wasm32-wasip1/release/build/openssl-sys-41b7/out'\n",
		  "wasm_c_sysroot_missing" },
		{ "/w/target/wasm32-unknown-unknown/debug/deps/foo-e65e.wasm: 1: /w/target/wasm32-unknown-unknown/"
		  "debug/deps/foo-e65e.wasm: Syntax error: end of file unexpected\n",
		  "wasm_runner_not_configured" },
		{ "error: could not execute process `target\\wasm32-unknown-unknown\\debug\\a.wasm` (never "
		  "executed)\n\nCaused by:\n  %1 is not a valid Win32 application. (os error 193)\n",
		  "wasm_runner_not_configured" },
		{ "error[E0412]: cannot find type `GpuRenderPipeline` in crate `web_sys`\n",
		  "web_sys_unstable_apis_missing" },
		{ "error[E0432]: unresolved import `web_sys::GpuTextureFormat`\n", "web_sys_unstable_apis_missing" },
		{ "Error\nThe following features required to run Godot projects on the Web are missing:\nCross Origin "
		  "Isolation - Check web server configuration (send correct headers)\n",
		  "cross_origin_isolation_missing" },
		{ "error : Exception: FROZEN_CACHE is set, but cache file is missing: \"sysroot_install.stamp\"\n",
		  "emscripten_cache_not_writable" },
		{ "TypeError: Module.dynCall_vi is not a function\n", "emscripten_runtime_helper_removed" },
		{ "    1: Invalid input WebAssembly code at offset 21608869: legacy_exceptions feature required for "
		  "try "
		  "instruction\n",
		  "engine_lacks_wasm_feature" },
		{ "LinkError: WebAssembly.instantiate(): Import #16 \"wasi_snapshot_preview1\" \"fd_prestat_get\": "
		  "function import requires a callable\n",
		  "wasi_host_import_missing" },
		{ "RuntimeError: Error while importing \"wasi_unstable\".\"args_get\": unknown import. Expected "
		  "Function(FunctionType { params: [I32, I32], results: [I32] })\n",
		  "wasi_host_import_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #21 \"dart\" \"changeset_apply_filter\": function "
		  "import requires a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "Oops, the compiler has encountered an unexpected situation.\nThis is a bug in the compiler.\n",
		  "toolchain_crash" },
		{ "lib/src/svg/_tessellator_ffi.dart:6:1: Error: 'dart:ffi' can't be imported when\ncompiling to "
		  "Wasm.\n",
		  "crate_no_target_code" },
	};
	/*
	 * near misses: a host build missing its libc headers; a cargo run without a .wasm; the first
	 * import missing from env (a hand-written import object); a web-sys type of a stable API
	 */
	static const struct near_miss misses[] = {
		{ "src/a.c:1:10: fatal error: 'stdlib.h' file not found\n", "wasm_c_sysroot_missing" },
		{ "error: could not execute process `target\\x86_64-kernel\\debug\\kernel` (never executed)\n\n"
		  "Caused by:\n  %1 is not a valid Win32 application. (os error 193)\n",
		  "wasm_runner_not_configured" },
		{ "LinkError: WebAssembly.instantiate(): Import #3 \"env\" \"my_callback\": function import requires a "
		  "callable\n",
		  "glue_wasm_version_mismatch" },
		{ "error[E0412]: cannot find type `HtmlCanvasElement` in crate `web_sys`\n",
		  "web_sys_unstable_apis_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/* Go's compiler errors have no level word; env_logger without its time, a tool's tag, wasm offsets */
	CHECK_STR(telling("$ GOOS=wasip1 GOARCH=wasm tinygo build -o main.wasm main.go\nmain.go:4:6: can only use "
			  "//go:wasmimport on declarations\n"),
		  "main.go:4:6: can only use //go:wasmimport on declarations");
	CHECK_STR(telling("[ERROR rustpython_vm::vm::compile] Failed reading file 'a.py': No such file or directory "
			  "(os error 44)\n"),
		  "Failed reading file 'a.py': No such file or directory (os error 44)");
	CHECK_STR(telling("[webpack-cli] RangeError: WebAssembly.Instance(): Out of memory: wasm memory\n"),
		  "RangeError: WebAssembly.Instance(): Out of memory: wasm memory");
	CHECK_STR(telling("tfjs-backend-wasm-simd.wasm:0xaa3 Uncaught (in promise) RuntimeError: memory access out of "
			  "bounds\n"),
		  "RuntimeError: memory access out of bounds");
	CHECK_STR(telling("#26 78.36 Killed\n"), "Killed");
	/* a guest's stream tag; DevTools' location before any line a script logged; CMake's optional package */
	CHECK_STR(telling("[WASI stderr] pdflatex: runInteractiveProcess: unsupported operation\n"),
		  "pdflatex: runInteractiveProcess: unsupported operation");
	CHECK_STR(telling("loader-Bu7s.js:1 Loading the script 'blob:x' violates the following Content Security "
			  "Policy directive\n"),
		  "Loading the script 'blob:x' violates the following Content Security Policy directive");
	CHECK_STR(telling("-- Could NOT find BZip2 (missing: BZIP2_LIBRARIES BZIP2_INCLUDE_DIR)\n"), "(none)");
	CHECK_STR(telling("src/a.c:12 error: x\n"), "src/a.c:12 error: x");
	/* a line that starts with a location's colon has no script name before it (read in bounds) */
	CHECK_STR(telling(":1 failed to load\n"), ":1 failed to load");
	/* a line a post quoted whole; JS's "is not defined" in words; Firefox's missing source map */
	CHECK_STR(telling("\"Fatal: Unexpected arg0 type (select) in call to: f\"\n"),
		  "Fatal: Unexpected arg0 type (select) in call to: f");
	CHECK_STR(telling("window is not defined\n"), "window is not defined");
	CHECK_STR(telling("Source map error: request failed with status 404\n"), "(none)");
	CHECK_STR(telling("\"error\": \"x\"\n"), "(none)");
	/* a tool's symbol mark; syslog's head and logfmt's fields before an error's message */
	CHECK_STR(telling("\xe2\x9a\xa1 RuntimeError: function signature mismatch\n"),
		  "RuntimeError: function signature mismatch");
	CHECK_STR(telling("Oct 29 16:36:28 host containerd[1265664]: time=\"2024-10-29T23:36:28Z\" level=error "
			  "msg=\"precompilation failed: failed to validate component output\"\n"),
		  "precompilation failed: failed to validate component output");
	/* kubectl's events table; wasm-bindgen's fallback notice and its TypeError; Nim's link wrapper */
	CHECK_STR(telling("  Warning  FailedCreatePodSandBox  3s (x23 over 4m38s)  kubelet  Failed to create pod "
			  "sandbox: no runtime for \"spin\" is configured\n"),
		  "Failed to create pod sandbox: no runtime for \"spin\" is configured");
	CHECK_STR(telling("  Normal   Scheduled  9s  default-scheduler  Successfully assigned default/a to b\n"),
		  "(none)");
	CHECK_STR(telling("import() is disallowed on ServiceWorkerGlobalScope by the HTML specification.\n"),
		  "import() is disallowed on ServiceWorkerGlobalScope by the HTML specification.");
	CHECK_STR(telling("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with "
			  "`application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. "
			  "Original error:\n TypeError: Failed to execute 'compile' on 'WebAssembly': Incorrect "
			  "response MIME type. Expected 'application/wasm'.\n"),
		  "(none)");
	CHECK_STR(telling("wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): _start\n"
			  "Error: linking failed\n"),
		  "wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): _start");
	/* Next.js' error mark; Firefox's source location after the message, not one the message names */
	CHECK_STR(telling(" \xe2\xa8\xaf Error: ffmpeg.wasm does not support nodejs\n"),
		  "Error: ffmpeg.wasm does not support nodejs");
	CHECK_STR(telling("ERROR: CGAL error in applyHull(): assertion violation! worker.cc2a606e.js:50:8\n"),
		  "ERROR: CGAL error in applyHull(): assertion violation!");
	CHECK_STR(telling("Error: failed to load module at https://x.org/app.js:50:8\n"),
		  "Error: failed to load module at https://x.org/app.js:50:8");
	CHECK_STR(telling("TypeError: undefined has no properties,get/obj[prop]@http://x.org/a.js:9:25\n"),
		  "TypeError: undefined has no properties,get/obj[prop]@http://x.org/a.js:9:25");
	CHECK_STR(telling("Aborted(Assertion failed: mutex, at: mutex_posix.cpp,62,Lock) "
			  "[dmloader.js:914:40](http://localhost:52218/html5/dmloader.js)\n"),
		  "Aborted(Assertion failed: mutex, at: mutex_posix.cpp,62,Lock)");
}

/*
 * A missing import whose module (or function) belongs to a glue or host names its class in any
 * runtime's words: a rule over the evidence line's symbol, one vocabulary of "missing import".
 */
static void test_import_module_rules(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "panic: Missing import: `wasi_snapshot_preview1`.`sock_accept`\n", "wasi_host_import_missing" },
		{ "ModuleNotFoundError: No module named '__wbindgen_placeholder__'\n", "wasm_bindgen_outside_js" },
		{ "panic: Missing import: `env`.`syscall/js.valueGet`\n", "go_js_glue_missing" },
		{ "Error: Missing import: `go`.`runtime.wasmExit`\n", "go_js_glue_missing" },
		{ "Error: unknown import `javy_quickjs_provider_v3`.`canonical_abi_realloc`\n",
		  "javy_provider_import_missing" },
		{ "Error: Missing import: `env`.`emscripten_notify_memory_growth`\n", "emscripten_glue_missing" },
	};
	/*
	 * near misses: V8 refusing one function of a module the glue provides (the glue is another
	 * release's); webpack's "imported as" an export a .wasm lacks, whatever its exports are called
	 */
	static const struct near_miss misses[] = {
		{ "LinkError: WebAssembly.instantiate(): Import #0 \"go\" \"runtime.wasmExit\": function import "
		  "requires a callable\n",
		  "go_js_glue_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #33 \"env\" \"_tzset_js\": function import requires a "
		  "callable\n",
		  "emscripten_glue_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #3 \"__wbindgen_placeholder__\" \"__wbg_new_8a6f\": "
		  "function import requires a callable\n",
		  "wasm_bindgen_outside_js" },
		{ "ERROR in ./src/worker.js 96:38-48 export 'default' (imported as 'SorterWasm') was not found in "
		  "'./sorter.wasm' (possible exports: __wasm_call_ctors, emscripten_tls_init, sortIndexes)\n",
		  "emscripten_glue_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/* Go's runtime killed by a signal in wazero's own code (its first frame), not in the program's */
static void test_go_signal_in_wazero(const struct classify_table *t)
{
	static const struct wording crashes[] = {
		{ "SIGILL: illegal instruction\nPC=0x163a0b0 m=0 sigcode=1\n\ngoroutine 1 gp=0x40000021c0 m=0 "
		  "[running, locked to thread]:\ngithub.com/tetratelabs/wazero/internal/platform.getisar0()\n",
		  "wasm_engine_crash" },
	};
	static const struct near_miss crash_misses[] = {
		{ "SIGSEGV: segmentation violation\nPC=0x4a0b0 m=0 sigcode=1\n\ngoroutine 1 [running]:\n"
		  "main.hostLog(0x0)\n\t/app/main.go:20\n"
		  "github.com/tetratelabs/wazero/internal/engine/compiler.(*callEngine).call()\n",
		  "wasm_engine_crash" },
	};

	check_named(t, crashes, COUNT(crashes));
	check_near_misses(t, crash_misses, COUNT(crash_misses));
}

/*
 * A standalone engine's own process crashing (batch 87's tune logs, session 27): a wasm module
 * cannot crash its sandbox, so a native crash or LLVM's fatal error right after the engine's
 * command line is the engine's; not the guest's own trap, a kill for memory, or another tool.
 */
static void test_engine_process_crash(const struct classify_table *t)
{
	static const struct wording crashes[] = {
		{ "$ wasmtime run --dir . app.wasm\nloading\nSegmentation fault (core dumped)\n", "wasm_engine_crash" },
		{ "zsh: segmentation fault  wasmer run fuzz.wat\n", "wasm_engine_crash" },
		{ "iwasm --interp test.wasm\nbash: line 1: 4242 Illegal instruction (core dumped) iwasm test.wasm\n",
		  "wasm_engine_crash" },
		{ "[1]    48856 segmentation fault  wasm-opt App_bg.wasm -o test.wasm --debug\n", "toolchain_crash" },
	};
	static const struct near_miss crash_misses[] = {
		{ "$ cargo run --release\n   Compiling app v0.1.0\nSegmentation fault (core dumped)\n",
		  "wasm_engine_crash" },
		{ "$ wasmtime run app.wasm\nKilled\n", "wasm_engine_crash" },
		{ "$ wasmtime run app.wasm\nthread 'main' panicked at src/main.rs:3:5:\nboom\n"
		  "Error: failed to run main module `app.wasm`\n\nCaused by:\n    0: wasm trap: wasm `unreachable` "
		  "instruction executed\n",
		  "wasm_engine_crash" },
		{ "wasm-ld: error: duplicate symbol: foo\n>>> defined in lib/libc++abi-debug-noexcept.a(a.o)\n"
		  ">>> defined in lib/libc++abi-noexcept.a(b.o)\n",
		  "eh_abi_link_mismatch" },
	};

	check_named(t, crashes, COUNT(crashes));
	check_near_misses(t, crash_misses, COUNT(crash_misses));
}

/*
 * Batch 91's tune logs (session 28): gdb's report of a signal in a toolchain tool or a standalone
 * engine it started (binaryen-6671), not in the user's own program; WasmEdge's unknown import of a
 * WASI proposal's module (wasi_ephemeral_nn, a plugin the runtime was started without:
 * WasmEdge-3354), not of a module the guest's own host functions should give.
 */
static void test_debugger_crash_and_wasi_proposal(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Starting program: /opt/binaryen/bin/wasm-opt -O3 crash.wasm\n\nProgram received signal SIGSEGV, "
		  "Segmentation fault.\n0x00007ffff78906a8 in wasm::WATParser::Lexer::position ()\n",
		  "toolchain_crash" },
		{ "Starting program: /usr/local/bin/iwasm --interp test.wasm\n\nProgram received signal SIGABRT, "
		  "Aborted.\n",
		  "wasm_engine_crash" },
		{ "[2024-04-23 10:01:26.938] [error] instantiation failed: unknown import, Code: 0x62\n"
		  "[2024-04-23 10:01:26.938] [error]     When linking module: \"wasi_ephemeral_nn\" , function name: "
		  "\"load_by_name_with_config\"\n",
		  "wasi_host_import_missing" },
	};
	static const struct near_miss misses[] = {
		{ "Starting program: /home/u/app/build/game --level 3\n\nProgram received signal SIGSEGV, "
		  "Segmentation fault.\n",
		  "toolchain_crash" },
		{ "Starting program: /home/u/app/build/game --level 3\n\nProgram received signal SIGSEGV, "
		  "Segmentation fault.\n",
		  "wasm_engine_crash" },
		{ "[error] instantiation failed: unknown import, Code: 0x62\n"
		  "[error]     When linking module: \"rustls_client\" , function name: \"new_codec\"\n",
		  "wasi_host_import_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * zig test for a wasm target with no runner (session 28, tune log zig-18885): Zig warns that the
 * host cannot execute the target's binaries and then fails to execute the .wasm ('InvalidExe'),
 * as cargo does without target.<triple>.runner; the same for another foreign target is no wasm's.
 */
static void test_zig_test_without_wasm_runner(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "warning: the host system (x86_64-linux.6.1...6.1-gnu.2.36) does not appear to be capable of "
		  "executing binaries from the target (wasm32-wasi-musl). Consider using '--test-cmd wasmtime "
		  "--test-cmd-bin' to run the test\nerror: the following command failed with 'InvalidExe':\n"
		  "/home/u/zig-cache/o/b628/test.wasm\n",
		  "wasm_runner_not_configured" },
	};
	static const struct near_miss misses[] = {
		{ "warning: the host system (x86_64-linux.6.1...6.1-gnu.2.36) does not appear to be capable of "
		  "executing binaries from the target (aarch64-linux-musl). Consider using '--test-cmd qemu-aarch64 "
		  "--test-cmd-bin' to run the test\nerror: the following command failed with 'InvalidExe':\n"
		  "/home/u/zig-cache/o/b628/test\n",
		  "wasm_runner_not_configured" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 92's tune logs (session 28): Rust's allocation failure ended by a wasm unreachable trap
 * (reg-cli-668) and Safari's frames of Rust's allocation error handler (rerun-2335) are memory that
 * could not grow; a V8 error whose message a console's copy broke with an empty line reads on
 * below it (silk-wasm-4); the Kotlin/Wasm compiler's internal error and a stack in the Kotlin
 * compiler's own packages (okio-1724, kotlinx.serialization-2870). An allocation failure the log
 * goes on from without a trap, and a frame of the Kotlin Gradle plugin, are not.
 */
static void test_oom_trap_split_js_error_and_kotlin_crash(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "memory allocation of 42787360 bytes failed\nnote: run with `RUST_BACKTRACE=1` environment variable "
		  "to display a backtrace\nunreachable\n",
		  "memory_growth_limit" },
		{ "[Error] RuntimeError: Unreachable code should not be executed (evaluating 'wasm.run(a)')\n"
		  "\t<?>.wasm-function[std::alloc::rust_oom::hc4a15e24f24fdc8f] (app.js:238:137)\n"
		  "\t<?>.wasm-function[__rust_alloc_error_handler]\n",
		  "memory_growth_limit" },
		{ "RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): Compiling function #55 failed: \n\n"
		  "Wasm SIMD unsupported @+17684). Build with -sASSERTIONS for more info.\n",
		  "engine_lacks_wasm_feature" },
		{ "Execution failed for task ':compileProductionLibraryKotlinWasmJs'.\n> A failure occurred while "
		  "executing "
		  "org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWork"
		  "Action\n   > Internal compiler error. See log for more details\n",
		  "toolchain_crash" },
		{ "\tat org.jetbrains.kotlin.fir.backend.IrBuiltInsOverFir.getArrayOf(IrBuiltInsOverFir.kt:284)\n\t... "
		  "62 "
		  "more\n\nFAILURE: Build failed with an exception.\n",
		  "toolchain_crash" },
	};
	static const struct near_miss misses[] = {
		{ "memory allocation of 66568 bytes failed\nSTDOUT:\ntemplate instances: 230\nFAIL:\nENOENT: no such "
		  "file "
		  "or directory, open 'main_js/main.wasm'\n",
		  "memory_growth_limit" },
		{ "\tat org.jetbrains.kotlin.gradle.tasks.KotlinCompile.callCompilerAsync(Tasks.kt:10)\n\nFAILURE: "
		  "Build "
		  "failed with an exception.\n",
		  "toolchain_crash" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 93's tune logs (session 28): a compiler-rt builtin left as an import of env that no host
 * gives (WasmEdge-3816) is a symbol the link left undefined, not a glue's function; a Spin trigger
 * environment without the component's wasi: imports (spin-3555) and Node loading a jco transpile's
 * unresolved wasi: imports (jco-401) are WASI the host does not give.
 */
static void test_builtin_import_and_component_hosts(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "[error] instantiation failed: unknown import, Code: 0x302\n"
		  "[error]     When linking module: \"env\" , function name: \"__extenddftf2\"\n",
		  "undefined_symbol_at_link" },
		{ "Error: failed to run main module `app.wasm`\n\nCaused by:\n    0: unknown import: `env::__multi3` "
		  "has "
		  "not been defined\n",
		  "undefined_symbol_at_link" },
		{ "Error: Component app (file \"app.wasm\") can't run in environment wasi-http-0.2 because world "
		  "spin:wasi-http/http-trigger@0.2.0 ...\n... requires imports named\n  - wasi:cli/environment@0.2.3\n"
		  "  - wasi:filesystem/types@0.2.3\n",
		  "wasi_host_import_missing" },
		{ "Error [ERR_UNSUPPORTED_ESM_URL_SCHEME]: Only URLs with a scheme in: file, data, and node are "
		  "supported "
		  "by the default ESM loader. Received protocol 'wasi:'\n",
		  "wasi_host_import_missing" },
	};
	static const struct near_miss misses[] = {
		{ "[error] instantiation failed: unknown import, Code: 0x62\n"
		  "[error]     When linking module: \"env\" , function name: \"my_host_log\"\n",
		  "undefined_symbol_at_link" },
		{ "Error [ERR_UNSUPPORTED_ESM_URL_SCHEME]: Only URLs with a scheme in: file, data, and node are "
		  "supported "
		  "by the default ESM loader. On Windows, absolute paths must be valid file:// URLs. Received protocol "
		  "'c:'\n",
		  "wasi_host_import_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 94's tune logs (session 29): js_of_ocaml's and wasm_of_ocaml's report of their own failed
 * assertion (wasm_of_ocaml-74); proxy-wasm's refusal of a module for a missing import of one of
 * Emscripten's glue functions, abseil's EM_JS HaveOffsetConverter among them (proxy-wasm-cpp-sdk-194).
 * A missing import of the host's own (env.proxy_log) names no glue.
 */
static void test_ocaml_crash_and_proxy_wasm_glue(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "bin/wasm_of_ocaml: You found a bug. Please report it at "
		  "https://github.com/ocsigen/js_of_ocaml/issues :\n"
		  "Error: File \"compiler/lib/wasm/wa_link.ml\", line 617, characters 8-14: Assertion failed\n",
		  "toolchain_crash" },
		{ "[2025-12-21 00:32:01.922][286][error][wasm] Failed to load Wasm module due to a missing import: "
		  "env.HaveOffsetConverter\n",
		  "emscripten_glue_missing" },
		{ "[wasm] Failed to load Wasm module due to a missing import: env._emscripten_memcpy_js\n",
		  "emscripten_glue_missing" },
	};
	static const struct near_miss misses[] = {
		{ "[2025-12-21 00:32:01.922][286][error][wasm] Failed to load Wasm module due to a missing import: "
		  "env.proxy_log\n",
		  "emscripten_glue_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 96's tune logs (session 29): a wasm-bindgen module's glue imports refused by wasmer-go
 * ("Missing import: `./x_bg.js`.`__wbg_...`", old-docs.wasmer.io-89) and by CosmWasm's static
 * validation, whose message a paste wrapped before the import (osmosis-rust-17), are the glue
 * missing; parity-wasm's "UnknownOpcode(192)" where substrate's wasm-builder reads the runtime it
 * built (space-acres-85) or a node's loader deserializes it is a reader without the feature (a
 * consistency audit's two readers: polkadot-sdk-3192, substrate-contracts-node-176); an upper-case "WARNING:" line whose text carries "Error: 0" is a warning
 * (emscripten-glfw-10), while pdf.js's "Warning: ...: Error: Failed to fetch" still reads as a failure.
 */
static void test_standalone_glue_imports_and_warning_marks(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "failed to create module instance: Missing import: "
		  "`./calculator_bg.js`.`__wbg_log_b500d075b2228a75`\n",
		  "wasm_bindgen_outside_js" },
		{ "Error calling the VM: Error during static Wasm validation: \nWasm contract requires unsupported "
		  "import: \n"
		  "\"__wbindgen_placeholder__.__wbindgen_describe\". Required imports: \n",
		  "wasm_bindgen_outside_js" },
		{ "  Failed to deserialize "
		  "`C:\\Users\\u\\app\\target\\debug\\wbuild\\node-runtime\\node_runtime.wasm`: "
		  "UnknownOpcode(192)\n",
		  "wasm_tool_feature_not_enabled" },
		{ "WARN main wasm-runtime: Cannot create a runtime error=Other(\"cannot deserialize module: "
		  "UnknownOpcode(192)\")\n",
		  "wasm_tool_feature_not_enabled" },
	};
	static const char *const clean[] = {
		"WARNING: GLFW: Error: 0 Description: [Warning] glfwSwapBuffers is not implemented on this platform\n",
	};
	static const char *const failed[] = {
		"pdf.worker.min.mjs:25 Warning: JpxImage#instantiateWasm: Error: Failed to fetch file "
		"\"../web/wasm/openjpeg.wasm\" with \"Not Found\".\n",
	};

	check_named(t, cases, COUNT(cases));
	check_clean(t, clean, COUNT(clean));
	for (size_t i = 0; i < COUNT(failed); i++)
		CHECK_STR(classify1(t, -1, failed[i], NULL, NULL), "unclassified");
}

/*
 * A wrapper's cause said in words just before it (session 30's tune logs): glog's fatal check and
 * PostgreSQL's PANIC before Emscripten's bare "Aborted()" (their heads cut: glog's level, time,
 * thread and source; PostgreSQL's time, zone and pid); rustc's pointer to an error code's
 * explanation and a value an object's print shows are no such words. swift-build's Xcode-style
 * link hands ld64's dependency_info file to wasm-ld. An exception a warning quotes (.NET's
 * WASM0001 on a P/Invoke it skips) is no error of the log's, nor is a handler's "except
 * Exception:" in quoted source; a traceback frame whose file name has line breaks (marimo's
 * cells) goes on to its exception (batch 99). core's refusal of the retired
 * panic_immediate_abort feature is no mix of panic strategies; wasm-ctor-eval's stop after the
 * constructors it evaluated is no failure (batch 100).
 */
static void test_wrapped_causes_and_log_heads(const struct classify_table *t)
{
	static const struct unknown_wording unknown[] = {
		{ "F0108 11:43:54.385000 1820112 gl_texture_buffer.cc:205] Check failed: prod_token\nAborted()\n"
		  "[Error] Unhandled Promise Rejection: RuntimeError: Aborted(). Build with -sASSERTIONS for more "
		  "info.\n",
		  "Check failed: prod_token" },
		{ "2024-09-16 14:44:37.831 GMT [42] LOG:  invalid resource manager ID in checkpoint record\n"
		  "2024-09-16 14:44:37.831 GMT [42] PANIC:  could not locate a valid checkpoint record\n"
		  "Aborted()\nRuntimeError: Aborted(). Build with -sASSERTIONS for more info.\n",
		  "PANIC:  could not locate a valid checkpoint record" },
		{ "Decoded 576: { width: 1500, height: 1000, bitDepth: undefined, length: 6000000 }\nAborted()\n",
		  "Aborted()" },
		{ "For more information about this error, try `rustc --explain E0308`.\n"
		  "error: could not compile `ctrlc` (lib) due to 7 previous errors\n",
		  "error: could not compile `ctrlc` (lib) due to 7 previous errors" },
		{ "Traceback (most recent call last):\n"
		  "  File \"/lib/python3.12/site-packages/marimo/_runtime/executor.py\", line 122, in execute_cell\n"
		  "    exec(cell.body, glbls)\n  Cell \nmarimo://notebook.py#cell=cell-1\n, line 8, in <module>\n"
		  "    lz = pl.scan_parquet(URL)\n"
		  "AttributeError: type object 'builtins.PyLazyFrame' has no attribute 'new_from_parquet'\n",
		  "AttributeError: type object 'builtins.PyLazyFrame' has no attribute 'new_from_parquet'" },
		{ "../scipy/meson.build:62:17: ERROR: Command `/tmp/env/bin/python\n-c 'import numpy as np\ntry:\n"
		  "  incdir = np.get_include()\nexcept Exception:\n  incdir = None\n",
		  "../scipy/meson.build:62:17: ERROR: Command `/tmp/env/bin/python" },
	};
	static const struct wording cases[] = {
		{ "Package.swift: runtime: wasm-ld: error: cannot open /app/.build/out/Intermediates.noindex/"
		  "F.build/Release-none-wasm32/runtime-t.build/Objects-normal/wasm32/runtime_dependency_info.dat: "
		  "No such file or directory\n",
		  "macho_linker_flag_to_wasm_ld" },
		{ "error: the crate 'panic_unwind' does not have the panic strategy 'unwind'\n",
		  "panic_strategy_mismatch" },
	};
	static const char *const unnamed[] = {
		"error: panic_immediate_abort is now a real panic strategy! Enable it with `panic = "
		"\"immediate-abort\"` in Cargo.toml\n",
	};

	static const char *const clean[] = {
		"warning WASM0001: Could not get pinvoke, or callbacks for method 'NativeMethods::GetModuleFileName' "
		"because 'System.NotSupportedException: Unsupported parameter type in method "
		"'NativeMethods.GetModuleFileName'\n"
		"warning WASM0001:    at PInvokeCollector.CollectPInvokes(List`1 pinvokes, HashSet`1 signatures, Type "
		"type)'\n",
		"  ...partial evalling successful, but stopping since could not eval: call import: "
		"env._embind_register_std_string\n  ...stopping\n",
	};

	check_unknown(t, unknown, COUNT(unknown));
	check_named(t, cases, COUNT(cases));
	check_unnamed(t, unnamed, COUNT(unnamed));
	check_clean(t, clean, COUNT(clean));
}

/*
 * LLVM's "Cannot select" on an exception-handling instruction: wasm EH lowered in
 * code compiled without the feature. At a link (LTO) that is objects of another EH
 * mode than the link's; in a lone compile, or with no stage, it shows no cause
 * (consistency audit 30), and it is no crash of the tool either.
 */
static void test_stage_bound_eh_selection(const struct classify_table *t)
{
	static const char *const logs[] = {
		"LLVM ERROR: Cannot select: 0x5ace594345d0: ch = catchret 0x5ace593f9cc8, BasicBlock:ch< 0x1>, "
		"BasicBlock:ch< 0x2>\nIn function: f\nPLEASE submit a bug report to "
		"https://github.com/llvm/llvm-project/issues/\nStack dump:\n",
		"LLVM ERROR: Cannot select: 0x5a: ch = catchret 0x5b\n",
		"fatal error: error in backend: Cannot select: 0x55d0: ch = catchret 0x55c8, BasicBlock:ch<bb 3>\n",
	};

	for (size_t i = 0; i < COUNT(logs); i++) {
		CHECK_STR(classify1(t, STAGE_LINK, logs[i], NULL, NULL), "eh_abi_link_mismatch");
		CHECK_STR(classify1(t, STAGE_MAIN, logs[i], NULL, NULL), "eh_abi_link_mismatch");
		CHECK_STR(classify1(t, STAGE_COMPILE, logs[i], NULL, NULL), "unclassified");
		CHECK_STR(classify1(t, -1, logs[i], NULL, NULL), "unclassified");
	}
	/* another node stays the backend's crash at every stage */
	CHECK_STR(
		classify1(t, STAGE_LINK, "LLVM ERROR: Cannot select: 0x1: i32 = WebAssemblyISD::Wrapper\n", NULL, NULL),
		"toolchain_crash");
}

/*
 * Crash reports in other formats (session 27's tune logs): LLVM's unsymbolized Windows stack of
 * an LLVM tool, Mono's AOT compiler killed by a Windows crash status (MSBuild wraps the line),
 * Deno's panic report whose Args run a .wasm, Mozilla's crash-stats frames in js/src/wasm; the
 * Dart VM's unhandled exception with a frame of the Dart compiler's own packages (vm, kernel,
 * front_end, dart2wasm: session 28), not of the user's script. A default import of a .wasm that
 * webpack's wasm modules do not export stays unclassified, as the readers labelled
 * GaussianSplats3D-58 (the import's convention, not the bundler, may be at fault).
 */
static void test_crash_report_formats(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "0x00007FF7D23780A5, C:\\emsdk\\upstream\\bin\\wasm-ld.exe(0x00007FF7D22D0000) + 0xA80A5 byte(s)\n"
		  "0x00007FFC4F262851, C:\\Windows\\System32\\ucrtbase.dll(0x00007FFC4F1F0000) + 0x72851 byte(s), "
		  "abort() + 0x31 byte(s)\n",
		  "toolchain_crash" },
		{ "WasmApp.Common.targets(706,5): error : Precompiling failed for "
		  "D:\\app\\obj\\Release\\net9.0\\browse\n"
		  "r-wasm\\aot-in\\System.Private.CoreLib.dll with exit code -1073741819. [D:\\app\\App.csproj]\n",
		  "toolchain_crash" },
		{ "Platform: linux x86_64\nVersion: 1.45.5\nArgs: [\"deno\", \"run\", \"main.mjs\", \"app.wasm\"]\n\n"
		  "thread 'main' panicked at /src/deno_core/error.rs:1245:36:\ncalled `Option::unwrap()` on a `None` "
		  "value\n",
		  "wasm_engine_crash" },
		{ "0 libxul.so js::jit::MacroAssembler::callWithABI js/src/jit/MacroAssembler.cpp:3174\n"
		  "1 libxul.so js::wasm::IonCompileFunctions js/src/wasm/WasmIonCompile.cpp:5458\n",
		  "wasm_engine_crash" },
		{ "Target dart2wasm failed: ProcessException: Process exited abnormally with exit code 64:\n"
		  "Unhandled exception:\nNull check operator used on a null value\n#0      "
		  "SummaryCollector.visitFunctionExpression (package:vm/transformations/type_flow/"
		  "summary_collector.dart:1763)\n",
		  "toolchain_crash" },
	};
	static const struct near_miss misses[] = {
		{ "Unhandled exception:\nRangeError (index): Invalid value: Valid value range is empty: 0\n#0      "
		  "main (file:///home/u/app/bin/setup.dart:98:32)\n",
		  "toolchain_crash" },
		{ "0x00007FF7D23780A5, C:\\app\\game.exe(0x00007FF7D22D0000) + 0xA80A5 byte(s)\n", "toolchain_crash" },
		{ "error : Precompiling failed for D:\\app\\obj\\Foo.dll with exit code 1.\n", "toolchain_crash" },
		{ "Platform: linux x86_64\nVersion: 1.45.5\nArgs: [\"deno\", \"lsp\"]\n\nthread 'main' panicked at "
		  "/src/cli/lsp/documents.rs:10:5:\nboom\n",
		  "wasm_engine_crash" },
		{ "0 libxul.so js::jit::MacroAssembler::callWithABI js/src/jit/MacroAssembler.cpp:3174\n"
		  "1 libxul.so js::jit::CodeGenerator::generateBody js/src/jit/CodeGenerator.cpp:7299\n",
		  "wasm_engine_crash" },
		{ "export 'default' (imported as 'wasm') was not found in './pkg/app_bg.wasm' (possible exports: "
		  "memory)\n",
		  "bundler_wasm_import_unsupported" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * A Go dependency with no code for the target: a module cache or vendored file using a syscall
 * the target's syscall package lacks, or a dependency whose files all exclude it (session 27, tune
 * log permify-1844); the project's own file or the host's GOROOT stay what they were.
 */
static void test_go_dependency_without_target(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "../../go/pkg/mod/github.com/gofrs/flock@v0.8.1/flock_unix.go:57:20: undefined: syscall.Flock\n",
		  "crate_no_target_code" },
		{ "vendor/github.com/coreos/bbolt/bolt_unix.go:53:12: undefined: syscall.Mmap\n",
		  "crate_no_target_code" },
		{ "app imports\n\tgolang.org/x/sys/unix: build constraints exclude all Go files in "
		  "/home/runner/go/pkg/mod/golang.org/x/sys@v0.15.0/unix\n",
		  "crate_no_target_code" },
	};
	static const struct near_miss misses[] = {
		{ "pocketbase/core/base.go:776:18: undefined: syscall.Exec\n", "crate_no_target_code" },
		{ "app imports\n\tsyscall/js: build constraints exclude all Go files in /usr/local/go/src/syscall/js\n",
		  "crate_no_target_code" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * The forty-fourth round's wordings (batches 29-30, tune part), their near misses, prefixes and
 * the lines said in words.
 */
static void test_tune44_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught Please compile your program with async support in order to use asynchronous operations "
		  "like emscripten_sleep\n",
		  "asyncify_not_enabled" },
		{ "RuntimeError: Aborted(Please compile your program with async support in order to use "
		  "asynchronous operations like emscripten_wget)\n",
		  "asyncify_not_enabled" },
		{ "[2022-06-06 23:42:53.904] [error] instantiation failed: unknown import, Code: 0x62\n"
		  "[2022-06-06 23:42:53.921] [error]     When linking module: \"go\" , function name: \"debug\"\n",
		  "go_js_glue_missing" },
		{ "error: Error while importing \"gojs\".\"runtime.ticks\": unknown import\n", "go_js_glue_missing" },
		{ "Failed to load contract Wasm module: Invalid table reference (128) during Operation(0)\n",
		  "engine_lacks_wasm_feature" },
		{ "Unexpected byte 0x80. Expected 0x00\n", "engine_lacks_wasm_feature" },
		{ "Error: typeof min === \"number\" error: Argument min must be of type number, given: undefined\n"
		  "    at parseLimits (node_modules/@webassemblyjs/wasm-parser/lib/decoder.js:996:14)\n",
		  "engine_lacks_wasm_feature" },
		{ "Persistence failed, so app.sqlite will not be saved. For origin private file system persistence, "
		  "make sure your web server is configured to use the correct HTTP response headers (See "
		  "https://sqlocal.dev/guide/setup#cross-origin-isolation).\n",
		  "cross_origin_isolation_missing" },
		{ "emcc: warning: liblua.a: archive is missing an index; Use emar when creating libraries to ensure "
		  "an index is created [-Wemcc]\n$ wasmtime lua.wasm\nError: failed to run main module `lua.wasm`\n\n"
		  "Caused by:\n    0: failed to instantiate \"lua.wasm\"\n    1: unknown import: `env::abort` has "
		  "not been defined\n",
		  "emscripten_glue_missing" },
		{ "$ emcc -O2 main.c -o main.wasm\n$ wasmer main.wasm\nerror: Error while importing \"env\".\"exit\": "
		  "unknown import. Expected Function(FunctionType { params: [I32], results: [] })\n",
		  "emscripten_glue_missing" },
	};
	/*
	 * near misses: env's abort unknown to wasmtime with no sign of Emscripten (AssemblyScript
	 * imports it too); SQLite going on without OPFS; a Go import of another module
	 */
	static const struct near_miss misses[] = {
		{ "$ asc index.ts -o index.wasm\n$ wasmtime index.wasm\nError: failed to run main module "
		  "`index.wasm`\n\nCaused by:\n    0: failed to instantiate \"index.wasm\"\n    1: unknown import: "
		  "`env::abort` has not been defined\n",
		  "emscripten_glue_missing" },
		{ "Ignoring inability to install OPFS sqlite3_vfs: Cannot install OPFS: Missing SharedArrayBuffer "
		  "and/or Atomics.\n",
		  "cross_origin_isolation_missing" },
		{ "When linking module: \"gox\" , function name: \"debug\"\n", "go_js_glue_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/* Emscripten's worker relay, env_logger's head with Servo's location, unittest's head are no text */
	CHECK_STR(telling("worker.js onmessage() captured an uncaught exception: RuntimeError: Aborted(x)\n"),
		  "RuntimeError: Aborted(x)");
	CHECK_STR(telling("[2026-07-10T04:43:31Z ERROR servoshell::desktop::headed_window] Error at "
			  "https://a.dev/app.js:1:581153 Atomics is not defined\n"),
		  "Atomics is not defined");
	CHECK_STR(telling("test_x (test_core.wasm64.test_x) ... Fatal: Memory64 not supported by lowering\n"
			  "em++: error: '/b/wasm-opt a.wasm -o a.wasm' failed (returned 1)\n"),
		  "Fatal: Memory64 not supported by lowering");
	/* R's reason for a package that did not load, and a hook's error under "details:" */
	CHECK_STR(telling("Error: package or namespace load failed for \xe2\x80\x98ggplot2\xe2\x80\x99 in "
			  "loadNamespace(i):\n there is no package called \xe2\x80\x98munsell\xe2\x80\x99\n"),
		  "there is no package called \xe2\x80\x98munsell\xe2\x80\x99");
	CHECK_STR(telling("Error: package or namespace load failed for 'TMB':\n .onAttach failed in "
			  "attachNamespace() for 'TMB', details:\n  call: if (nzchar(cxx)) {\n  error: argument is of "
			  "length zero\n"),
		  "error: argument is of length zero");
	/* a line that says in words that something failed, then the OS refusal why; not a wait loop's curl */
	CHECK_STR(telling("Checking JS engine /n/bin failed. Check /h/.emscripten. Details: [Errno 13] Permission "
			  "denied\n"),
		  "Checking JS engine /n/bin failed. Check /h/.emscripten. Details: [Errno 13] Permission denied");
	CHECK_STR(telling("curl: (7) Failed to connect to localhost port 8000 after 0 ms: Connection refused\n"),
		  "(none)");
}

/* The forty-third round's wordings (batches 27-28, tune part), their near misses and prefixes. */
static void test_tune43_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "warning: `stringToNewUTF8` is a library symbol and not included by default; add it to your "
		  "library.js __deps or to DEFAULT_LIBRARY_FUNCS_TO_INCLUDE on the command line\n"
		  "TypeError: stringToNewUTF8 is not a function\n",
		  "emscripten_runtime_helper_removed" },
		{ "  = note: rust-lld: error: unknown argument: -Wl,-undefined,dynamic_lookup\n",
		  "macho_linker_flag_to_wasm_ld" },
		{ "/opt/conda/include/python3.7m/pyport.h:699:2: error: \"LONG_BIT definition appears wrong for "
		  "platform (bad gcc/glibc config?).\"\n",
		  "python_headers_missing" },
		{ "  It looks like you don't have the emscripten toolchain: "
		  "https://emscripten.org/docs/getting_started/downloads.html,\n",
		  "emcc_not_found" },
		{ "wasm-ld: error: unknown argument: -retain-symbols-file\nwasm-ld: error: unknown file type: "
		  "./fdk-aac.sym\n",
		  "libtool_export_symbols_to_wasm_ld" },
		{ "wasm-ld: error: unknown argument: --version-script\n", "libtool_export_symbols_to_wasm_ld" },
		{ "shared:ERROR: SIDE_MODULE must only be used when compiling to an executable shared library, and "
		  "not\nwhen emitting an object file.\n",
		  "side_module_object_output" },
		{ "src/main.cpp:182:7: error: no member named 'source' in 'WGPUShaderModuleWGSLDescriptor'\n",
		  "webgpu_header_version_mismatch" },
		{ "webgpu_utils.cc:159:58: error: no type named 'StringView' in namespace 'wgpu'\n",
		  "webgpu_header_version_mismatch" },
		{ "main.c:9:1: error: unknown type name 'WGPUTexelCopyBufferLayout'; did you mean "
		  "'WGPUVertexBufferLayout'?\n",
		  "webgpu_header_version_mismatch" },
	};
	/*
	 * near misses: the wasm-bindgen CLI's own refusal of an intrinsic it does not know (no glue at
	 * load); a project's own member missing; Apple's flag in a native link; another file wasm-ld cannot
	 * read
	 */
	static const struct near_miss misses[] = {
		{ "Error: executing `wasm-bindgen` over the Wasm file\n\nCaused by:\n    import of "
		  "`__wbindgen_describe_cast` doesn't have an adapter listed\n",
		  "glue_wasm_version_mismatch" },
		{ "src/app.cpp:12:7: error: no member named 'source' in 'ShaderDesc'\n",
		  "webgpu_header_version_mismatch" },
		{ "ld: unknown option: -Wl,-undefined,dynamic_lookup\n", "macho_linker_flag_to_wasm_ld" },
		{ "wasm-ld: error: unknown file type: libfoo.dylib\n", "libtool_export_symbols_to_wasm_ld" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/* Node's console.trace() of an error, esbuild's message kind and Nix's build-log prefix are no text */
	CHECK_STR(telling("Trace: RangeError: WebAssembly.instantiate(): Out of memory\n"),
		  "RangeError: WebAssembly.instantiate(): Out of memory");
	CHECK_STR(telling("Trace: some message\n"), "(none)");
	CHECK_STR(telling("\xe2\x9c\x98 [ERROR] RuntimeError: unreachable\n"), "RuntimeError: unreachable");
	CHECK_STR(telling("wasm-test-ci>         Error: Insufficient balance\n"), "Error: Insufficient balance");
}

/* The forty-second round's wordings (batches 25-26, tune part), their near misses and benign look-alikes. */
static void test_tune42_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught abort(\"To use dlopen, you need to use Emscripten's linking support, see "
		  "https://github.com/kripken/emscripten/wiki/Linking\")\n",
		  "dlopen_without_dynamic_linking" },
		{ "pyproxy.gen.ts:237 Uncaught Error: This borrowed proxy was automatically destroyed at the end of a "
		  "function call. Try using create_proxy or create_once_callable.\n",
		  "pyproxy_borrowed_destroyed" },
		{ "Unexpected child type\nUNREACHABLE executed at opfs_backend.cpp:292\n", "wasmfs_opfs_cannot_wait" },
		{ "debug.cpp:46:85: error: macro 'EM_LOG_DEMANGLE' has been marked as deprecated "
		  "[-Werror,-Wdeprecated-pragma]\n",
		  "emscripten_legacy_macro" },
		{ "emcc: warning: LLVM version for clang executable \"/e/bin/clang\" appears incorrect (seeing "
		  "\"13.0\", "
		  "expected \"18\") [-Wversion-check]\nwasm-ld: error: unknown argument: --table-base=1\n",
		  "emscripten_llvm_version_mismatch" },
		{ "PermissionError: [Errno 13] Permission denied: "
		  "'/nix/store/h0m1-emscripten-3.1.42/share/emscripten/cache/symbol_lists.lock'\n",
		  "emscripten_cache_not_writable" },
		{ "SuspendError: JavaScript frames found between WebAssembly.Suspending and WebAssembly.promising\n",
		  "jspi_suspend_outside_promising" },
		{ "RuntimeError: Cannot stack switch because the Python entrypoint was a synchronous function\n",
		  "jspi_suspend_outside_promising" },
		{ "/Users/runner/hostedtoolcache/node/26.0.0/arm64/bin/node: bad option: --experimental-wasm-jspi\n",
		  "node_flag_removed" },
		{ "python.exe: can't open file '\\emcc.py': [Errno 2] No such file or directory\n", "emcc_not_found" },
		{ "error[E0583]: file not found for module `sys`\n  --> /Users/<my name>/.cargo/registry/src/"
		  "github.com-1ecc6299db9ec823/errno-0.2.8/src/lib.rs:33:1\n",
		  "crate_no_target_code" },
		{ "wasm-ld: error: Invalid record (Producer: 'LLVM18.0.0git' Reader: 'LLVM 18.0.0git')\n",
		  "llvm_bitcode_mismatch" },
		{ "toolchain 'nightly-x86_64-unknown-linux-gnu' does not support target 'wasm64-unknown-unknown'; did "
		  "you mean 'wasm32-unknown-unknown'?\n",
		  "std_missing_for_target" },
	};
	/*
	 * near misses: the same deprecation as a warning; the version warning with a build that goes on or
	 * fails otherwise; a permission error outside Emscripten's cache; JSPI's flag on a Node of before
	 * it; a release LLVM reading its own bitcode; a toolchain from before a target's rename
	 */
	static const struct near_miss misses[] = {
		{ "debug.cpp:46:85: warning: macro 'EM_LOG_DEMANGLE' has been marked as deprecated "
		  "[-Wdeprecated-pragma]\n",
		  "emscripten_legacy_macro" },
		{ "emcc: warning: LLVM version for clang executable \"/c/clang\" appears incorrect (seeing \"19.1\", "
		  "expected \"20\") [-Wversion-check]\nbulkmem.S:19:5: error: instruction requires: bulk-memory\n",
		  "emscripten_llvm_version_mismatch" },
		{ "PermissionError: [Errno 13] Permission denied: '/home/u/project/build/out.wasm'\n",
		  "emscripten_cache_not_writable" },
		{ "/opt/hostedtoolcache/node/18.20.4/x64/bin/node: bad option: --experimental-wasm-jspi\n",
		  "node_flag_removed" },
		{ "opt: beacon.o: error: Invalid cast (Producer: 'LLVM18.0.1' Reader: 'LLVM 18.0.1')\n",
		  "llvm_bitcode_mismatch" },
		{ "error: toolchain '1.64.0-x86_64-unknown-linux-gnu' does not support target 'wasm32-wasip1'; did you "
		  "mean 'wasm32-wasi'?\n",
		  "std_missing_for_target" },
	};
	/* CPython's report of an exception it ignored, and a deprecation warning without -Werror */
	static const char *const clean[] = {
		"Exception ignored in: <function WeakSet.__init__.<locals>._remove at 0xce6da8>\n"
		"Traceback (most recent call last):\n  File \"/lib/python313.zip/_weakrefset.py\", line 39, in "
		"_remove\n"
		"KeyboardInterrupt: \n",
		"miniaudio.h:41459:6: warning: macro '__EMSCRIPTEN_major__' has been marked as deprecated: Use "
		"__EMSCRIPTEN_MAJOR__ instead [-Wdeprecated-pragma]\n",
	};
	/* a traceback after the ignored one is a failure again */
	static const char *const unnamed[] = {
		"Exception ignored in: <function f at 0x1>\nTraceback (most recent call last):\n  File \"a.py\", line "
		"1\n"
		"KeyboardInterrupt: \nTraceback (most recent call last):\n  File \"b.py\", line 2\nValueError: bad\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	check_clean(t, clean, COUNT(clean));
	check_unnamed(t, unnamed, COUNT(unnamed));
	CHECK_STR(classify1(t, -1, unnamed[0], NULL, NULL), "unclassified");
}

/* The forty-first round's wordings (batches 23-24, tune part), their near misses and benign look-alikes. */
static void test_tune41_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught SuspendError: trying to suspend without WebAssembly.promising\n",
		  "jspi_suspend_outside_promising" },
		{ "> Uncaught SuspendError: trying to suspend JS frames\n    at m.wasm.f "
		  "(wasm://wasm/m.wasm:wasm-function[1]:0x1)\n",
		  "jspi_suspend_outside_promising" },
		{ "wasm-ld: error: function signature mismatch: _FortranAioOutputInteger64\n"
		  ">>> defined as (i32, i32) -> i32 in t.o\n>>> defined as (i32, i64) -> i32 in "
		  "lib/libflang_rt.runtime.so\n",
		  "flang_wasm32_int64_runtime_abi" },
		{ "wasm-ld: warning: function signature mismatch: _FortranAioInquireLogical\n"
		  ">>> defined as (i32, i32, i32) -> i32 in inq.o\n"
		  ">>> defined as (i32, i64, i32) -> i32 in libFortranRuntime.a(io-api.o)\nRuntimeError: unreachable\n",
		  "flang_wasm32_int64_runtime_abi" },
		{ "wasm-ld: error: unknown argument: -headerpad_max_install_names\n", "macho_linker_flag_to_wasm_ld" },
		{ "wasm-ld: error: unknown argument: -search_paths_first\nclang: error: linker command failed with "
		  "exit "
		  "code 1\n",
		  "macho_linker_flag_to_wasm_ld" },
		{ "rust-lld: error: unknown argument: -undefined\n", "macho_linker_flag_to_wasm_ld" },
		{ "  TARGET = Some(\"wasm32-unknown-unknown\")\n  running: \"clang\" \"-O3\" "
		  "\"--target=wasm32-unknown-unknown\" \"-c\" \"x.cc\"\n\n  error occurred: Failed to find tool. Is "
		  "`clang` installed? (see https://github.com/rust-lang/cc-rs#compile-time-requirements for help)\n",
		  "wasm_c_compiler_not_found" },
		{ "borted(stack overflow (Attempt to set SP to 0xfffffff0, with stack limits [0x00000000 - "
		  "0x00010000]). "
		  "If you require more stack space build with -sSTACK_SIZE=<bytes>)\n",
		  "wasm_stack_overflow" },
		{ "RuntimeError: WebAssembly stack switching not supported in this JavaScript runtime\n",
		  "engine_lacks_wasm_feature" },
		{ "Hello\nWASM module instantiate failed: Exception: unsupported opcode\n",
		  "engine_lacks_wasm_feature" },
		{ "Uncaught Unsupported operation: Missing support for Atomics or SharedArrayBuffer! Isolated: false\n",
		  "cross_origin_isolation_missing" },
		{ "Caused by:\n    type mismatch for export `memory` of module instantiation argument `env`\n"
		  "    mismatch in the shared flag for memories (at offset 0x7fd8)\n",
		  "shared_memory_mismatch" },
		{ "[Error [CompileError]: WebAssembly.instantiate(): maximum memory size (4294967296 pages) is larger "
		  "than implementation limit (262144 pages) @+85]\n",
		  "engine_implementation_limit" },
		{ "thread '<unnamed>' panicked at crates/cranelift/src/translate/code_translator.rs:3162:45:\n"
		  "called `Option::unwrap()` on a `None` value\n",
		  "wasm_engine_crash" },
		{ "thread 'main' panicked at /b/wasm-bindgen-cli-support-0.2.106/src/interpreter/mod.rs:209:17:\n"
		  "f::h1: unknown instruction TryTable(TryTable { seq: Id { idx: 3 }, catches: [] })\n",
		  "toolchain_crash" },
		{ "error: unknown target triple 'wasm32-unknown-unknown'\n", "c_compiler_lacks_wasm_target" },
		{ "emcc: error: '/e/bin/wasm-opt --asyncify a.wasm -o a.wasm' failed (returned 3221225477)\n",
		  "toolchain_crash" },
	};
	/*
	 * near misses: the engine without JSPI; a signature mismatch of the user's own function or without
	 * an i64 on the runtime's side; flags wasm-ld does not know that are no Mach-O linker's; an ELF
	 * lld; cc-rs without clang for the host or for Emscripten (emcc); wasm-bindgen's interpreter on an
	 * older rustc's code; a triple only rustc knows
	 */
	static const struct near_miss misses[] = {
		{ "TypeError: WebAssembly.Suspending is not a constructor\n", "jspi_suspend_outside_promising" },
		{ "wasm-ld: error: function signature mismatch: compute\n>>> defined as (i32, i32) -> i32 in a.o\n"
		  ">>> defined as (i32, i64) -> i32 in b.o\n",
		  "flang_wasm32_int64_runtime_abi" },
		{ "wasm-ld: error: function signature mismatch: _FortranAioBeginExternalListOutput\n"
		  ">>> defined as (i32, i32) -> i32 in a.o\n>>> defined as (i32, i32, i32) -> i32 in "
		  "libFortranRuntime.a(io-api.o)\n",
		  "flang_wasm32_int64_runtime_abi" },
		{ "wasm-ld: error: unknown argument: --stack-first\n", "macho_linker_flag_to_wasm_ld" },
		{ "wasm-ld: error: unknown argument: -fwasm-exception\n", "macho_linker_flag_to_wasm_ld" },
		{ "ld.lld: error: unknown argument: -headerpad_max_install_names\n", "macho_linker_flag_to_wasm_ld" },
		{ "  TARGET = Some(\"x86_64-unknown-linux-gnu\")\n  error occurred: Failed to find tool. Is `clang` "
		  "installed?\n",
		  "wasm_c_compiler_not_found" },
		{ "  TARGET = Some(\"wasm32-unknown-emscripten\")\n  error occurred: Failed to find tool. Is `clang` "
		  "installed?\n",
		  "wasm_c_compiler_not_found" },
		{ "thread 'main' panicked at /b/wasm-bindgen-wasm-interpreter-0.2.100/src/lib.rs:245:21:\n"
		  "Read a negative address value from the stack. Did we run out of memory?\n",
		  "toolchain_crash" },
		{ "warning: compiler_builtins@0.1.138: error: unknown target triple 'wasm32v1-none'\n",
		  "c_compiler_lacks_wasm_target" },
	};
	/* an abort on Windows (fail-fast) that a compiler's bug and running out of memory print alike */
	static const struct unknown_wording unknown[] = {
		{ "D:/emsdk/upstream\\bin\\wasm-opt --asyncify VIEW.wasm -o VIEW.wasm' failed (returned 3221226505)\n",
		  "D:/emsdk/upstream\\bin\\wasm-opt --asyncify VIEW.wasm -o VIEW.wasm' failed (returned 3221226505)" },
	};
	/* R's deferred warnings, and cli's information bullet */
	static const char *const clean[] = {
		"Warning messages:\n1: Package version mismatch for lattice, ensure the versions below are "
		"compatible.\n"
		"! Installed version: 0.20-45, WebAssembly version: 0.22-6.\n2: Can't find MASS in webR binary "
		"repository.\n",
		"\xe2\x84\xb9 Install a package version matching the WebAssembly version to silence this error.\n",
	};
	/* the list of warnings ends at a blank line; R's error after it is a failure */
	static const char *const unnamed[] = {
		"Warning message:\nIn f() : x\n\nCan't find MASS in webR binary repository.\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	check_unknown(t, unknown, COUNT(unknown));
	check_clean(t, clean, COUNT(clean));
	check_unnamed(t, unnamed, COUNT(unnamed));
	CHECK_STR(classify1(t, -1, unnamed[0], NULL, NULL), "unclassified");
}

/*
 * A pattern across a blank line holds when every line of the log is behind a
 * tag or a service name, the blank one too (its trailing space kept or lost).
 */
static void test_pasted_blank_lines(const struct classify_table *t)
{
	static const char *const before[] = { "[stderr] ", "stderr |", "web-1  |", "web-1  | " };
	static const char log[] = "    wasmMemory = new WebAssembly.Memory({\n                 ^\n\n"
				  "TypeError: Cannot convert a BigInt value to a number\n";
	char buf[512];

	CHECK_STR(classify1(t, -1, log, NULL, NULL), "engine_lacks_wasm_feature");
	for (size_t i = 0; i < COUNT(before); i++) {
		const char *b = before[i], *sp = b[strlen(b) - 1] == ' ' ? "" : " ";

		snprintf(buf, sizeof(buf),
			 "%s%s    wasmMemory = new WebAssembly.Memory({\n%s%s                 ^\n%s\n"
			 "%s%sTypeError: Cannot convert a BigInt value to a number\n",
			 b, sp, b, sp, b, b, sp);
		CHECK_STR(classify1(t, -1, buf, NULL, NULL), "engine_lacks_wasm_feature");
	}
}

/* concurrently's process labels go when they head half the lines; cargo's quote of curl's code stays */
static void test_process_labels(const struct classify_table *t)
{
	struct classify_result r;

	run1(t, -1,
	     "[0] vite v5.0.0 dev server running\n[1]     Finished dev [unoptimized] target(s)\n[0] \n"
	     "[1] error[E0425]: cannot find function `f` in this scope\n",
	     NULL, NULL, &r);
	CHECK(r.nlines && strcmp(r.lines[0], "error[E0425]: cannot find function `f` in this scope") == 0);
	classify_result_release(&r);
	run1(t, -1,
	     "warning: spurious network error (2 tries remaining): [6] Could not resolve hostname\n"
	     "error: failed to download from `https://index.crates.io/config.json`\n\nCaused by:\n"
	     "  [6] Could not resolve hostname (Could not resolve host: index.crates.io)\n",
	     NULL, NULL, &r);
	CHECK(r.nlines && strncmp(r.lines[0], "[6] Could not resolve hostname", 30) == 0);
	classify_result_release(&r);
	/* a one-line log behind its label: the label goes, so the line reads as the error it is */
	run1(t, -1, "[0] [ERROR] Failed to execute goal org.example:plugin:1.0:compile on project app\n", NULL, NULL,
	     &r);
	CHECK(r.kind == CLASSIFY_UNKNOWN && r.nlines &&
	      strcmp(r.lines[0], "Failed to execute goal org.example:plugin:1.0:compile on project app") == 0);
	classify_result_release(&r);
}

static void test_tune40_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "$ wasm-validate m.wasm\n001a344: error: unexpected opcode: 0xfe 0x25\n",
		  "wasm_tool_feature_not_enabled" },
		{ "RangeError: WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger "
		  "than 4KB. Use WebAssembly.compile, or compile on a worker thread.\n",
		  "wasm_sync_compile_on_main_thread" },
		{ "Could not find platform independent libraries <prefix>\nFatal Python error: init_fs_encoding: "
		  "failed to get the Python codec of the filesystem encoding\nModuleNotFoundError: No module named "
		  "'encodings'\n",
		  "python_stdlib_unreachable" },
		{ "$ wasm-opt -O2 --enable-gc -o out.wasm in.wasm\nSegmentation fault (core dumped)\n",
		  "toolchain_crash" },
		{ "100.893s ERROR wasm-opt failed with status code signal: 6 (SIGABRT) (core dumped)\n",
		  "toolchain_crash" },
		{ "Error: import `wasi:cli/environment@0.2.0` has the wrong type\n\nCaused by:\n    0: instance "
		  "export `get-environment` has the wrong type\n    1: expected func found nothing\n",
		  "wasi_host_import_missing" },
		{ "/e/cache/sysroot/include/compat/emmintrin.h:11:2: error: \n      \"SSE2 instruction set not "
		  "enabled\"\n",
		  "wasm_simd_not_enabled" },
		{ "(PY1001): Unable to install package(s) '/static/wheels/numpy-2.0.0-cp311-cp311-win_amd64.whl'\n",
		  "wheel_platform_refused" },
		{ "sh: line 1: /nix/store/x-emscripten-4.0.23/share/emscripten/emscan-deps: No such file or "
		  "directory\n",
		  "cxx_module_scan_unsupported" },
		{ "ValueError: Required toolchain not found for platform web\n", "emcc_not_found" },
		{ "error: /Library/Developer/CommandLineTools/usr/bin/libtool: file: src/a.o is not an object file "
		  "(not allowed in a library)\n",
		  "host_archiver_not_wasm" },
	};
	/*
	 * near misses: an engine's opcode refusal; a bare encodings error (a host Python's broken venv
	 * prints it too); a program of the user's crashing; a WASI import of another type; a wheel built
	 * for Pyodide
	 */
	static const struct near_miss misses[] = {
		{ "CompileError: WebAssembly.Module(): Compiling function #3 failed: invalid atomic opcode: 0xfe25\n",
		  "wasm_tool_feature_not_enabled" },
		{ "ModuleNotFoundError: No module named 'encodings'\n", "python_stdlib_unreachable" },
		{ "$ ./build/my_app --run\nSegmentation fault (core dumped)\n", "toolchain_crash" },
		{ "Error: import `wasi:cli/environment@0.2.0` has the wrong type\n\nCaused by:\n    0: expected func "
		  "found func\n",
		  "wasi_host_import_missing" },
		{ "(PY1001): Unable to install package(s) '/static/wheels/x-1.0-cp312-cp312-pyodide_2024_0_wasm32.whl'"
		  "\n",
		  "wheel_platform_refused" },
	};
	static const char *const clean[] = {
		"don't worry, about SyntaxError: JSON.parse: unexpected character at line 1 column 1 of the JSON "
		"data... nothing's broken.\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	check_clean(t, clean, COUNT(clean));
}

/*
 * Batch 20 (tune part): three classes (CMake's C++ module scan through emscan-deps; LLVM's wasm
 * backend refusing llvm.clear_cache; std's unsupported clock and threads on wasm32-unknown-unknown);
 * LLVM's SmallVector overflow as a compiler failure; winit's control-flow exception, which says it
 * is no error.
 */
static void test_tune39_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "[build] \"/e/emsdk/upstream/emscripten/emscan-deps\" -format=p1689 -- /e/em++ -c App.ixx\n"
		  "[build] Error while scanning dependencies for /w/Source/App.ixx:\n"
		  "[build] /w/Source/App.ixx:6:10: fatal error: 'SDL3/SDL.h' file not found\n",
		  "cxx_module_scan_unsupported" },
		{ "fatal error: error in backend: llvm.clear_cache is not supported on wasm\nPLEASE submit a bug "
		  "report "
		  "to https://github.com/llvm/llvm-project/issues/\n",
		  "wasm_clear_cache_unsupported" },
		{ "panicked at library/std/src/sys/pal/wasm/../unsupported/time.rs:13:9:\ntime not implemented on this "
		  "platform\n",
		  "std_unsupported_on_target" },
		{ "value: ThreadPoolBuildError { kind: IOError(Error { kind: Unsupported, message: \"operation not "
		  "supported on this platform\"})}\n",
		  "std_unsupported_on_target" },
		{ "LLVM ERROR: SmallVector unable to grow. Requested capacity (18446744072885119280) is larger than "
		  "maximum value for size type (4294967295)\n",
		  "toolchain_crash" },
	};
	/* near misses: a dependency scan of a native build; another backend's unsupported intrinsic */
	static const struct near_miss misses[] = {
		{ "Error while scanning dependencies for /w/src/main.cpp:\n/w/src/main.cpp:1:10: fatal error: "
		  "'fmt/core.h' file not found\n",
		  "cxx_module_scan_unsupported" },
		{ "fatal error: error in backend: llvm.clear_cache is not supported on this target\n",
		  "wasm_clear_cache_unsupported" },
	};
	static const char *const clean[] = {
		"Uncaught (in promise) Error: Using exceptions for control flow, don't mind me. This isn't actually an "
		"error!\n    __wbindgen_throw http://127.0.0.1:1334/api/wasm.js:1666\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	check_clean(t, clean, COUNT(clean));
}

/*
 * Batch 19 (tune part): four classes (wasm-bindgen's externref table bound to the fixed function
 * table, V8's "failed to grow table by 4" or a failure in __wbindgen_init_externref_table's frame;
 * wasm_bindgen::module() with an output target that lacks it; a blocking Atomics.wait on the
 * browser's main thread, in V8's, JavaScriptCore's and SpiderMonkey's words; Bun's node:wasi without
 * initialize()); a panic inside pyo3-build-config; a JS error whose message a console broke after
 * its API's name.
 */
static void test_tune38_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught (in promise) RangeError: WebAssembly.Table.grow(): failed to grow table by 4\n",
		  "externref_table_misbound" },
		{ "RangeError: failed to grow table\n    at __wbindgen_init_externref_table (app_bg.js:10:5)\n",
		  "externref_table_misbound" },
		{ "error: failed to generate bindings for import of `__wbindgen_placeholder__::__wbindgen_module`\n"
		  "Caused by:\n    `wasm_bindgen::module` is currently only supported with `--target no-modules` "
		  "and `--target web`\n",
		  "wasm_bindgen_target_unsupported" },
		{ "Uncaught RuntimeError: Atomics.wait cannot be called in this context\n",
		  "atomics_wait_on_main_thread" },
		{ "TypeError: waiting is not allowed on this thread\n", "atomics_wait_on_main_thread" },
		{ "TypeError: wasip1.initialize is not a function. (In 'wasip1.initialize(instance)', "
		  "'wasip1.initialize' is undefined)\n",
		  "node_wasi_method_missing" },
		{ "  thread 'main' panicked at /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/"
		  "pyo3-build-config-0.20.2/src/impl_.rs:1286:33:\n  Path does not exist: Os { code: 2 }\n",
		  "pyo3_cross_config" },
		{ "Failed to load the Pagefind WASM:\nTypeError: WebAssembly.instantiate():\n"
		  "Import #0 \"./snippets/p-1/inline0.js\": module is not an object or function\n",
		  "glue_wasm_version_mismatch" },
	};
	/* near misses: a table grown by another count; another object's initialize; a panic in the user's build script */
	static const struct near_miss misses[] = {
		{ "RangeError: WebAssembly.Table.grow(): failed to grow table by 100\n", "externref_table_misbound" },
		{ "TypeError: app.initialize is not a function\n", "node_wasi_method_missing" },
		{ "  thread 'main' panicked at build.rs:12:5:\n  Path does not exist\n", "pyo3_cross_config" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 18 (tune part): a C-API function with a 64-bit integer in its signature refused at the JS
 * boundary (PyLong_AsLongLong); a wasm-bindgen snippet module the glue does not provide; rustup's
 * refusal of a target its toolchain has no std for; a crate using another target's core::arch
 * module, std's own target code under -Zbuild-std (sys_common); a Javy module's QuickJS provider
 * missing from the host; two copies of core under -Zbuild-std (E0152).
 */
static void test_tune37_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "LinkError: WebAssembly.instantiate(): Import #244 module=\"env\" function=\"PyLong_AsLongLong\" "
		  "error: imported function does not match the expected type\n",
		  "bigint_js_boundary" },
		{ "Uncaught TypeError: WebAssembly.Instance(): Import #14 "
		  "\"./snippets/w-87768594daa86c07/inline0.js\": "
		  "module is not an object or function\n",
		  "glue_wasm_version_mismatch" },
		{ "toolchain 'nightly-x86_64-unknown-linux-gnu' does not support target 'wasm64-unknown-unknown'; did "
		  "you mean 'wasm32-unknown-unknown'?\n",
		  "std_missing_for_target" },
		{ "error[E0433]: cannot find `wasm32` in `arch`\n  --> "
		  "js-sys-0.3.104/src/futures/task/multithread.rs:41:25\n",
		  "crate_no_target_code" },
		{ "error[E0599]: no function or associated item named `get_name` found for struct `Thread` in the "
		  "current "
		  "scope\n  --> /r/lib/rustlib/src/rust/library/std/src/sys_common/thread_info.rs:28:88\n",
		  "crate_no_target_code" },
		{ "Error: unknown import: `javy_quickjs_provider_v3::canonical_abi_realloc` has not been defined\n",
		  "javy_provider_import_missing" },
		{ "error[E0152]: duplicate lang item in crate `core`: `sized`\n  |\n  = note: the lang item is first "
		  "defined in crate `core` (which `std` depends on)\n",
		  "build_std_duplicate_core" },
	};
	/* near misses: a C-API function without a 64-bit integer; another crate's lang item */
	static const struct near_miss misses[] = {
		{ "LinkError: WebAssembly.instantiate(): Import #2 module=\"env\" function=\"PyLong_AsLong\" error: "
		  "imported function does not match the expected type\n",
		  "bigint_js_boundary" },
		{ "error[E0152]: found duplicate lang item `panic_impl`\n  = note: the lang item is first defined in "
		  "crate "
		  "`std` (which `app` depends on)\n",
		  "build_std_duplicate_core" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/* Pyodide's dynamic-lib error without its traceback (pytest's lines): the JS error after it is the cause */
	CHECK_STR(telling("E           OSError: Could not load dynamic lib: /p/lib/libawkward.so\n"
			  "E           RangeError: WebAssembly.Compile is disallowed on the main thread, if the buffer "
			  "size is larger than 4KB.\n"),
		  "RangeError: WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger "
		  "than 4KB.");
}

/*
 * Batch 17 (tune part): a host program of the toolchain built against a newer glibc or libstdc++
 * (glibc's loader: "version `GLIBC_2.33' not found (required by X)", also with glibc 2.37's plain
 * quotes) or for a newer macOS (dyld: "(which was built for Mac OS X 10.15)", dyld 4's "built for
 * macOS 13.0 which is newer than running OS"); wasmparser's locals limit under wasm-bindgen.
 */
/*
 * Engines refusing a module for an opcode their decoder does not know, and engines crashing in their
 * own wasm code, from the tools' format strings: wasmparser (wasm-tools crates/wasmparser/src/
 * binary_reader.rs, in wasmtime, wasmer and wasmi) "illegal opcode: 0x{code:x}" ("Unknown opcode:
 * 0x{:x}" before 0.80), "unknown 0x{fb,fc,fd,fe} subopcode: 0x{code:x}" ("Unknown 0xfe subopcode"
 * before), "unexpected SIMD opcode: 0x{code:x}" (built without its "simd" feature), under wasmtime's
 * "Invalid input WebAssembly code at offset {}: {}"; V8's FATAL (src/base/logging.cc "# Fatal error
 * in %s, line %d") in its wasm sources; SpiderMonkey's MOZ_ReportAssertionFailure ("Assertion
 * failure: %s, at %s:%d") and MOZ_ReportCrash ("Hit MOZ_CRASH(%s) at %s:%d", mfbt/Assertions.h) in
 * js/src/wasm/; JavaScriptCore's WTFReportAssertionFailure ("ASSERTION FAILED: %s" then the call
 * site "%s(%d) : %s", WTF/wtf/Assertions.cpp) in Source/JavaScriptCore/wasm/.
 */
static void test_engine_opcode_and_crash_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Error: failed to compile module\n\nCaused by:\n    0: WebAssembly translation error\n    1: Invalid "
		  "input WebAssembly code at offset 312: illegal opcode: 0x12\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 88: Unknown opcode: 0x6\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 312376: unknown 0xfd subopcode: 0x105\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 40: Unknown 0xfe subopcode: 0x10\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 40: unknown 0xfc subopcode: 0x8\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 40: unknown 0xfb subopcode: 0x1\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 120: unexpected SIMD opcode: 0xc\n",
		  "engine_lacks_wasm_feature" },
		{ "#\n# Fatal error in ../../src/wasm/function-body-decoder-impl.h, line 1234\n# Check failed: "
		  "!decoding_error.\n#\n#\n#\nTrace/breakpoint trap (core dumped)\n",
		  "wasm_engine_crash" },
		{ "Assertion failure: !isTypeRef(), at /builds/worker/js/src/wasm/WasmValType.h:401\n"
		  "Segmentation fault\n",
		  "wasm_engine_crash" },
		{ "Hit MOZ_CRASH(unexpected type) at /builds/worker/js/src/wasm/WasmIonCompile.cpp:1234\n",
		  "wasm_engine_crash" },
		{ "ASSERTION FAILED: !m_error\n/Users/me/WebKit/Source/JavaScriptCore/wasm/WasmBBQJIT.cpp(812) : void "
		  "JSC::Wasm::BBQJIT::emit()\n",
		  "wasm_engine_crash" },
	};
	/*
	 * near misses: an emulator's own "Illegal opcode: 0x%02X" (no wasm); wasmparser refusing a byte that
	 * no feature gives (a corrupt or misread module); wasm-bindgen's walrus under its "failed to
	 * deserialize wasm module" (a build tool's parser); V8's FATAL outside its wasm sources and
	 * SpiderMonkey's assertion in its interpreter, both with wasm at work (not the wasm tiers)
	 */
	static const struct near_miss misses[] = {
		{ "Illegal opcode: 0xfd at PC=0x0200\nSegmentation fault\n", "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 5: illegal opcode: 0xff\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Invalid input WebAssembly code at offset 5: unknown 0xfc subopcode: 0x40\n",
		  "engine_lacks_wasm_feature" },
		{ "error: failed to deserialize wasm module\n\nCaused by:\n    0: failed to parse code section\n    1: "
		  "Unknown 0xfd subopcode: 0x105 (at offset 312376)\n",
		  "engine_lacks_wasm_feature" },
		{ "#\n# Fatal error in ../../src/heap/heap.cc, line 400\n# Check failed: x.\n#\nloading app.wasm\n"
		  "Trace/breakpoint trap\n",
		  "wasm_engine_crash" },
		{ "Assertion failure: !cx->isExceptionPending(), at /builds/worker/js/src/vm/Interpreter.cpp:123\n"
		  "WebAssembly.instantiate\nSegmentation fault\n",
		  "wasm_engine_crash" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

static void test_tune36_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "trunk: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.29' not found (required by trunk)\n",
		  "host_glibc_too_old" },
		{ "/e/upstream/bin/clang: /lib64/libstdc++.so.6: version `GLIBCXX_3.4.21' not found (required by "
		  "/e/upstream/bin/clang)\n",
		  "host_glibc_too_old" },
		{ "node: /lib/x86_64-linux-gnu/libc.so.6: version 'GLIBC_2.28' not found (required by node)\n",
		  "host_glibc_too_old" },
		{ "dyld: Symbol not found: ____chkstk_darwin\n  Referenced from: /w/wasi-sdk-10.0/bin/clang (which "
		  "was built for Mac OS X 10.15)\n  Expected in: /usr/lib/libSystem.B.dylib\n\nAbort trap: 6\n",
		  "host_macos_too_old" },
		{ "dyld[812]: Symbol not found: _getentropy\n  Referenced from: <0A1B> /e/python3 (built for macOS "
		  "13.0 which is newer than running OS)\n  Expected in: /usr/lib/libSystem.B.dylib\n",
		  "host_macos_too_old" },
		{ "error: failed to parse input file as wasm\n\nCaused by:\n    locals exceed maximum (at offset "
		  "10564186)\n",
		  "engine_implementation_limit" },
	};
	/* near misses: a library missing, not too old; a symbol dyld misses in a program built for this macOS */
	static const struct near_miss misses[] = {
		{ "clang: error while loading shared libraries: libatomic.so.1: cannot open shared object file: No "
		  "such file or directory\n",
		  "host_glibc_too_old" },
		{ "dyld: Symbol not found: _PyUnicode_AsUTF8\n  Referenced from: /t/ext.so\n  Expected in: flat "
		  "namespace\n",
		  "host_macos_too_old" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 34c, each wording built from its tool's format string:
 * - emcc (tools/settings.py Settings.__setattr__, "Attempt to set a non-existent setting: '%s'";
 *   tools/shared.py 1.38.17-1.39, logger.error 'Assigning a non-existent settings attribute "%s"')
 *   for settings src/settings.js had and a release deleted with no LEGACY_SETTINGS entry;
 *   emcc.py 1.38-2.0 "do not set -s WASM_BACKEND, ..." and 2.0-4.0 "cannot --separate-asm with the
 *   wasm backend, since not emitting asm.js" (before 2.0: "when emitting wasm");
 * - emcc's binaryen check (tools/building.py check_binaryen, "unexpected binaryen version: %s
 *   (expected %s)" under -Werror) and binaryen's reader of a target_features section
 *   (src/wasm/wasm-binary.cpp readFeatures: "Unrecognized feature policy prefix", in 2019
 *   "Required features not supported");
 * - binaryen's validator (src/wasm/wasm-validator.cpp: "... requires additional features " and
 *   getMissingFeaturesList's "[--enable-X]", the MVP table checks) and wasm-opt's feature checks
 *   of 2019-2021 (src/tools/tool-options.h: "module uses features not explicitly specified",
 *   "features section is not a subset of specified features");
 * - Emscripten's dynamic linker (src/lib/libdylink.js: "unhandled export type for '%s': %s", the
 *   newer wording of "bad export type for") and dyld's "Symbol not found: __Py..." for a private
 *   CPython symbol (_Py_NoneStruct with Mach-O's leading underscore).
 */
static void test_catalogue34c_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "emcc: error: Attempt to set a non-existent setting: 'EMTERPRETIFY'\n - perhaps a typo in emcc's  "
		  "-sX=Y  notation?\n - (see src/settings.js for valid values)\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Attempt to set a non-existent setting: 'EMTERPRETIFY_ASYNC'\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: Attempt to set a non-existent setting: 'MODULARIZE_INSTANCE'\n - perhaps a typo in "
		  "emcc's  -s X=Y  notation?\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Attempt to set a non-existent setting: 'USE_OFFSET_CONVERTER'\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Attempt to set a non-existent setting: 'WASM2C'\n", "emcc_setting_removed" },
		{ "shared:ERROR: Assigning a non-existent settings attribute \"ASYNCIFY_FUNCTIONS\"\n"
		  "shared:ERROR:  - perhaps a typo in emcc's  -s X=Y  notation?\n",
		  "emcc_setting_removed" },
		{ "ERROR:root:Assigning a non-existent settings attribute \"USE_TYPED_ARRAYS\"\n",
		  "emcc_setting_removed" },
		{ "shared:ERROR: do not set -s WASM_BACKEND, instead set EMCC_WASM_BACKEND=1 in the environment\n",
		  "emcc_setting_removed" },
		{ "emcc: error: do not set -s WASM_BACKEND, this is detected based on the llvm version in use\n",
		  "emcc_setting_removed" },
		{ "emcc: error: cannot --separate-asm with the wasm backend, since not emitting asm.js\n",
		  "emcc_setting_removed" },
		{ "emcc: error: unexpected binaryen version: 105 (expected 112) [-Wversion-check] [-Werror]\n",
		  "binaryen_version_mismatch" },
		{ "[parse exception: Unrecognized feature policy prefix (at 0:1234)]\nFatal: error in parsing input\n",
		  "binaryen_version_mismatch" },
		{ "[parse exception: Required features not supported (at 0:611)]\nFatal: error in parsing input\n",
		  "binaryen_version_mismatch" },
		{ "[wasm-validator error in function 12] unexpected false: ref.null requires additional features , on\n"
		  "(ref.null func)\n[--enable-reference-types]\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: , on\n$g\nglobal type requires additional "
		  "features [--enable-gc]\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: all element segments should refer to a single "
		  "table in MVP., on\nelem\n",
		  "wasm_opt_feature_validation" },
		{ "Fatal: module uses features not explicitly specified, use --detect-features to resolve\n",
		  "wasm_opt_feature_validation" },
		{ "Fatal: features section is not a subset of specified features. Use --detect-features to resolve.\n",
		  "wasm_opt_feature_validation" },
		{ "Error: unhandled export type for 'PyLong_AsInt': undefined\n", "python_capi_missing" },
		{ "ImportError: dlopen(/x/_m.so, 2): Symbol not found: __Py_NoneStruct\n  Referenced from: /x/_m.so\n"
		  "  Expected in: flat namespace\n",
		  "python_capi_missing" },
	};
	/*
	 * near misses, each with the class it must not get: a typo of a deleted setting, a setting too
	 * new for this emcc (WASM_EXNREF, 3.1.60 on) and the pre-1.38.17 WARNING that stopped nothing;
	 * emcc's warnings without -Werror; binaryen's reader on a truncated or corrupt module or a
	 * component (no version skew in the text); a validator check of no feature; the same export
	 * wording for the project's own symbol and for a C++ or BLAS symbol; V8's TypeError from an
	 * unresolved stub before Pyodide's patch named the symbol.
	 */
	static const struct near_miss misses[] = {
		{ "emcc: error: Attempt to set a non-existent setting: 'EMTERPRETIFY_ASYNCC'\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Attempt to set a non-existent setting: 'WASM_EXNREF'\n", "emcc_setting_removed" },
		{ "WARNING:root:Assigning a non-existent settings attribute \"USE_TYPED_ARRAYS\"\n",
		  "emcc_setting_removed" },
		{ "emcc: warning: --separate-asm is no longer supported [-Wdeprecated]\n", "emcc_setting_removed" },
		{ "emcc: warning: unexpected binaryen version: 105 (expected 112) [-Wversion-check]\n",
		  "binaryen_version_mismatch" },
		{ "[parse exception: surprising value (at 0:1234)]\nFatal: error in parsing input\n",
		  "binaryen_version_mismatch" },
		{ "[parse exception: bad section size, started at 8 plus payload 100 not being equal to new position "
		  "120 (at 0:120)]\n",
		  "binaryen_version_mismatch" },
		{ "[parse exception: Section extends beyond end of input (at 0:42)]\n", "binaryen_version_mismatch" },
		{ "[parse exception: this looks like a wasm component, which Binaryen does not support yet (at 0:8)]\n",
		  "binaryen_version_mismatch" },
		{ "[wasm-validator error in function f] unexpected false: ref.null types must be nullable, on\n",
		  "wasm_opt_feature_validation" },
		{ "Error: unhandled export type for 'my_helper': undefined\n", "python_capi_missing" },
		{ "ImportError: /x/_m.so: undefined symbol: _ZN8pybind116detail11get_internalsEv\n",
		  "python_capi_missing" },
		{ "ImportError: /x/_m.so: undefined symbol: cblas_dgemm\n", "python_capi_missing" },
		{ "TypeError: Cannot read properties of undefined (reading 'apply')\n", "python_capi_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 16 (tune part): clang's refusal of a wasm triple without its quotes; emcc's removal of a
 * command-line flag (not a -s setting); a runtime helper the page calls that the glue no longer
 * defines (ccall, cwrap, as dynCall); rustup's rust-std for wasm32-wasi unavailable from 1.84 on;
 * __cxa_throw undefined beside libc++'s own std:: symbols (libc++ not linked, no EH mode mismatch);
 * a traceback whose carets a terminal wrapped onto a line of their own.
 */
static void test_tune35_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error: unable to create target: No available targets are compatible with triple "
		  "wasm32-unknown-unknown\n",
		  "c_compiler_lacks_wasm_target" },
		{ "emcc: error: --memory-init-file is no longer supported\n", "emcc_setting_removed" },
		{ "ReferenceError: ccall is not defined\n", "emscripten_runtime_helper_removed" },
		{ "info: latest update on 2025-01-09, rust version 1.84.0 (9fc6b4312 2025-01-07)\n"
		  "error: component 'rust-std' for target 'wasm32-wasi' is unavailable for download for channel "
		  "'stable'\n",
		  "rust_target_removed" },
		{ "wasm-ld: error: l.a(w.o): undefined symbol: typeinfo for std::bad_optional_access\n"
		  "wasm-ld: error: l.a(w.o): undefined symbol: __cxa_throw\n",
		  "undefined_symbol_at_link" },
	};
	/* near misses: another target's rust-std, an older rustup; another name; an EH symbol alone */
	static const struct near_miss misses[] = {
		{ "error: component 'rust-std' for target 'wasm32-wasip1' is unavailable for download for channel "
		  "'nightly-2025-01-01'\n",
		  "rust_target_removed" },
		{ "info: latest update on 2024-06-13, rust version 1.79.0 (129f3b996 2024-06-10)\n"
		  "error: component 'rust-std' for target 'wasm32-wasi' is unavailable for download for channel "
		  "'stable'\n",
		  "rust_target_removed" },
		{ "ReferenceError: myccall is not defined\n", "emscripten_runtime_helper_removed" },
		{ "emcc: error: --memory-init-file 0 was given\n", "emcc_setting_removed" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	CHECK_STR(classify1(t, -1, "wasm-ld: error: l.a(w.o): undefined symbol: __cxa_throw\n", NULL, NULL),
		  "eh_abi_link_mismatch");
	CHECK_STR(telling("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
			  "    import sys; from python.info import\n      main; main()\n"
			  "                                  ^^^^^^^^^^^^^^^^\n^^^\n\n"
			  "ModuleNotFoundError: No module named 'python'\n"),
		  "ModuleNotFoundError: No module named 'python'");
}

/*
 * Batch 34 (tune part): an engine's implementation limit (V8's array.new_fixed operand count); a
 * Go module for JavaScript in a standalone engine (wasmtime's unknown gojs import); an import with a
 * 64-bit parameter (a mangled long long) refused for its signature at the JS boundary; wazero's
 * type section refusing a GC type form.
 */
static void test_tune34_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught (in promise) CompileError: WebAssembly.compileStreaming(): Requested length 10890 for "
		  "array.new_fixed too large, maximum is 10000 @+4396589\n",
		  "engine_implementation_limit" },
		{ "Error: failed to run main module `main.wasm`\n\nCaused by:\n    0: failed to instantiate "
		  "\"main.wasm\"\n"
		  "    1: unknown import: `gojs::runtime.scheduleTimeoutEvent` has not been defined\n",
		  "go_js_glue_missing" },
		{ "Error: unknown import: `go::debug` has not been defined\n", "go_js_glue_missing" },
		{ "Uncaught (in promise) LinkError: imported function 'env._ZNSt3__29to_stringEx' signature mismatch\n",
		  "bigint_js_boundary" },
		{ "read 0-th type: invalid byte: 0x5e != 0x60\n", "engine_lacks_wasm_feature" },
	};
	/* near misses: a mangled import whose parameters hold no 64-bit integer; a type byte of no feature */
	static const struct near_miss misses[] = {
		{ "LinkError: imported function 'env._ZNSt3__29to_stringEi' signature mismatch\n",
		  "bigint_js_boundary" },
		{ "read 0-th type: invalid byte: 0x40 != 0x60\n", "engine_lacks_wasm_feature" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 20 (tune part, a): a BigInt mixed into Number arithmetic inside
 * Emscripten's runtime (V8's kBigIntMixedTypes "Cannot mix BigInt and other
 * types, use explicit conversions", JavaScriptCore's "Invalid mix of BigInt
 * and other type in addition."), and emnapi's runtime imports missing from an
 * older @emnapi/core (its _emnapi_* host functions, emnapi_common.h's "env"
 * and "emnapi" import modules) in each engine's words, V8's also without the
 * exception name.
 */
static void test_tune20a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* emscripten-core/emscripten#17595: a MEMORY64 offset reaching library_wasi.js */
		{ "TypeError: Cannot mix BigInt and other types, use explicit conversions\n"
		  "    at doWritev (/t/pwrite.js:4016:40)\n    at _fd_pwrite (/t/pwrite.js:4037:17)\n",
		  "bigint_js_boundary" },
		{ "Uncaught TypeError: Cannot mix BigInt and other types, use explicit conversions\n"
		  "    at Object.write (x.js:10:3)\n    at ___syscall_openat (x.js:20:5)\n",
		  "bigint_js_boundary" },
		/* a JS import of the user's (EM_JS, --js-library) given an i64 as a BigInt, called from wasm */
		{ "TypeError: Cannot mix BigInt and other types, use explicit conversions\n"
		  "    at _my_import (a.js:1:2)\n    at wasm://wasm/0012abcd:wasm-function[42]:0x1f2e\n",
		  "bigint_js_boundary" },
		{ "TypeError: Invalid mix of BigInt and other type in addition.\n"
		  "_fd_write@http://localhost/a.js:1:2\n",
		  "bigint_js_boundary" },
		/* rolldown/repl#43 and the other engines' words for the same import */
		{ "WebAssembly.instantiate(): Import #89 \"env\" \"_emnapi_async_worker\": function import requires "
		  "a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): Import #7 module=\"env\" function=\"_emnapi_spawn_worker\" "
		  "error: function import requires a callable\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: import object field '_emnapi_get_now' is not a Function\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: import function env:_emnapi_runtime_keepalive_push must be callable\n",
		  "glue_wasm_version_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): Import #3 \"emnapi\" \"emnapi_sync_memory\": function import "
		  "requires a callable\n",
		  "glue_wasm_version_mismatch" },
	};
	/*
	 * near misses: the same BigInt error in plain JS (MDN's reference page of "TypeError: can't convert
	 * BigInt to number" quotes V8's and Safari's words for 1n + 1), a shift of two BigInts (the glue's
	 * own BigInt arithmetic, no value of the wrong kind); Node-API functions themselves (napi_*: a
	 * runtime that lacks one may never implement it, and the wasm is not link-checked against it), a
	 * name that only contains emnapi_, a WASI module without a WASI host and V8's allocation failure,
	 * built from V8's format string
	 */
	static const char *const unnamed[] = {
		"TypeError: Cannot mix BigInt and other types, use explicit conversions\n"
		"    at sum (/app/index.js:3:12)\n    at Object.<anonymous> (/app/index.js:6:1)\n",
		"TypeError: Invalid mix of BigInt and other type in multiplication.\nf@/app/a.js:1:2\n",
		"TypeError: BigInts have no unsigned right shift, use >> instead\n    at _fd_write (a.js:1:2)\n",
		"WebAssembly.instantiate(): Import #12 \"env\" \"napi_create_external_buffer\": function import "
		"requires a callable\n",
		"WebAssembly.instantiate(): Import #0 \"env\" \"my_emnapi_helper\": function import requires a "
		"callable\n",
		"WebAssembly.instantiate(): Import #0 \"wasi_snapshot_preview1\": module is not an object or "
		"function\n",
		"WebAssembly.Memory(): could not allocate memory\n",
	};

	check_named(t, cases, COUNT(cases));
	for (size_t i = 0; i < sizeof(unnamed) / sizeof(*unnamed); i++)
		CHECK_STR(classify1(t, -1, unnamed[i], NULL, NULL), "unclassified");
}

/*
 * Batch 21 (tune part, a): shared memory on a page that is not cross-origin
 * isolated (each engine's words for the missing SharedArrayBuffer, Blink's
 * refusal to post one), a library wasm-ld cannot find (lld/wasm/Driver.cpp's
 * "unable to find library -l" + name), clang's form of LLVM's fatal backend
 * errors ("error in backend: %0", clang's DiagnosticFrontendKinds.td),
 * wasm-opt's validation after its passes failing (wasm-opt.cpp's "error after
 * opts"), ccache's lookup of emcc ("Could not find compiler \"{}\" in PATH"),
 * and emcc's own diagnosis of a C link lacking the whole C++ runtime
 * (libusb/libusb#1934), which is no EH mix. A bare "undefined symbol: NAME"
 * line is no link's: a JS loader of wasm side modules throws it at load time.
 */
static void test_tune21a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Uncaught ReferenceError: SharedArrayBuffer is not defined\n    at https://example.org/a.js:1:2\n",
		  "cross_origin_isolation_missing" },
		{ "ReferenceError: Can't find variable: SharedArrayBuffer\n", "cross_origin_isolation_missing" },
		{ "Uncaught DataCloneError: Failed to execute 'postMessage' on 'Worker': SharedArrayBuffer transfer "
		  "requires self.crossOriginIsolated.\n",
		  "cross_origin_isolation_missing" },
		{ "wasm-ld: error: unable to find library -lssl\n", "link_library_not_found" },
		{ "/opt/wasi-sdk/bin/wasm-ld: error: unable to find library -lm\n", "link_library_not_found" },
		{ "  = note: wasm-ld-19: error: unable to find library -lz\n", "link_library_not_found" },
		/* rustc's -lc for a side module keeps its class */
		{ "wasm-ld: error: unable to find library -lc-debug\n", "libc_in_side_module" },
		{ "fatal error: error in backend: Broken function found, compilation aborted!\n", "toolchain_crash" },
		{ "clang-19: fatal error: error in backend: Do not know how to split the result of this operator!\n",
		  "toolchain_crash" },
		{ "[wasm-validator error in function 3] unexpected false: offset must be u32, on \n(i32.load)\n"
		  "Fatal: error after opts\n",
		  "toolchain_crash" },
		{ "ccache: error: Could not find compiler \"em++\" in PATH\n", "emcc_not_found" },
		{ "wasm-ld: error: a.o: undefined symbol: __cxa_allocate_exception\n"
		  "emcc: warning: link failed with undefined C++ symbols. Try linking with 'em++' or passing "
		  "'-sDEFAULT_TO_CXX'\n",
		  "undefined_symbol_at_link" },
		/* without emcc's diagnosis an undefined EH runtime symbol stays an EH mismatch */
		{ "wasm-ld: error: a.o: undefined symbol: __cxa_throw\n", "eh_abi_link_mismatch" },
	};
	/*
	 * near misses: a linter's or a compiler's complaint about the name (ESLint's no-undef message
	 * "'{{name}}' is not defined.", TypeScript's TS2304), a Node process that lacks it (Node's CJS
	 * loader frame, the "Node.js vNN" line Node 18+ prints after an uncaught exception; not a
	 * browser page's headers); GNU ld's and ELF lld's words for a host link ("cannot find -l%s",
	 * lld/ELF/Driver.cpp's "unable to find library -l"); LLVM's I/O failure in clang's words;
	 * wasm-opt refusing its input ("error validating input", wasm-opt.cpp); ccache missing another
	 * compiler; Emscripten's dynamic linker at run time (library_dylink.js's "undefined symbol
	 * '%s'. perhaps a side module was not linked in?"), the glibc loader's and Emscripten's
	 * warning (emscripten-core/emscripten#14999)
	 */
	static const struct near_miss misses[] = {
		{ "  3:1  error  'SharedArrayBuffer' is not defined  no-undef\n", "cross_origin_isolation_missing" },
		{ "src/a.ts(3,11): error TS2304: Cannot find name 'SharedArrayBuffer'.\n",
		  "cross_origin_isolation_missing" },
		{ "ReferenceError: SharedArrayBuffer is not defined\n    at Object.<anonymous> (/app/x.js:1:1)\n"
		  "    at Module._compile (module.js:643:30)\n",
		  "cross_origin_isolation_missing" },
		{ "ReferenceError: SharedArrayBuffer is not defined\n    at /app/x.js:1:1\n\nNode.js v18.12.0\n",
		  "cross_origin_isolation_missing" },
		{ "/usr/bin/ld: cannot find -latomic: No such file or directory\n", "link_library_not_found" },
		{ "ld.lld: error: unable to find library -lssl\n", "link_library_not_found" },
		{ "fatal error: error in backend: IO failure on output stream: No space left on device\n",
		  "toolchain_crash" },
		{ "[wasm-validator error in function 3] unexpected false: memory.fill operations require bulk memory "
		  "[--enable-bulk-memory], on \n(memory.fill)\nFatal: error validating input\n",
		  "toolchain_crash" },
		{ "ccache: error: Could not find compiler \"gcc\" in PATH\n", "emcc_not_found" },
		{ "Aborted(Assertion failed: undefined symbol 'foo'. perhaps a side module was not linked in? if this "
		  "global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "undefined_symbol_at_link" },
		{ "ImportError: /x/m.so: undefined symbol: PyFoo\n", "undefined_symbol_at_link" },
		{ "warning: undefined symbol: _longjmp (referenced by top-level compiled C/C++ code)\n",
		  "undefined_symbol_at_link" },
		/* a JS dynamic loader of wasm side modules, an import the program lacks at load time, its
		 * message printed without its name (throw new Error(`undefined symbol: ${name}`), public code) */
		{ "undefined symbol: my_function\n", "undefined_symbol_at_link" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 21 (tune part, b): Emscripten's glue refusing an i64 without
 * WASM_BIGINT (src/lib/libgetvalue.js, libaddfunction.js), PyO3's maximum
 * version check wrapped by a log's width (pyo3-build-config), pybind11's
 * legacy lookup finding the host's Python (tools/FindPythonLibsNew.cmake),
 * pyodide-build's Emscripten check printed bare (build_env.py,
 * cli/build.py) and the glue's streaming fallback (src/preamble.js).
 */
static void test_tune21b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Aborted(to do setValue(i64) use WASM_BIGINT). Build with -sASSERTIONS for more info\n",
		  "bigint_js_boundary" },
		{ "RuntimeError: Aborted(to do getValue(i64) use WASM_BIGINT). Build with -sASSERTIONS for more "
		  "info.\n",
		  "bigint_js_boundary" },
		{ "Aborted(Assertion failed: i64 not permitted in function signatures when WASM_BIGINT is "
		  "disabled)\n",
		  "bigint_js_boundary" },
		{ "  error: the configured Python interpreter version (3.13) is newer than\n"
		  "  PyO3's maximum supported version (3.12)\n",
		  "pyo3_python_too_new" },
		{ "  error: the configured Python version (3.15) is newer than PyO3's\n"
		  "  maximum supported version (3.14)\n",
		  "pyo3_python_too_new" },
		{ "CMake Error at pybind11/tools/FindPythonLibsNew.cmake:224 (message):\n"
		  "  Python config failure: Python is 64-bit, chosen compiler is 32-bit\n",
		  "python_headers_missing" },
		/* pyodide-build's two "emcc is missing" messages, bare as `pyodide build` prints them */
		{ "No Emscripten compiler found. Need Emscripten version 3.1.58\n", "emcc_not_found" },
		{ "Emscripten activation failed. emcc not found after setup. Need Emscripten version 4.0.9\n",
		  "emcc_not_found" },
	};
	/*
	 * near misses: the glue's warning of a STANDALONE_WASM build without WASM_BIGINT
	 * (src/runtime_debug.js: nothing failed), PyO3's minimum version check, and pybind11's other
	 * "Python config failure" (FindPythonLibsNew.cmake:163, the host Python's query failing: here
	 * Python 3.12 without distutils), built from their format strings
	 */
	static const struct near_miss others[] = {
		{ "warning: running JS from STANDALONE_WASM without WASM_BIGINT will fail if a syscall with i64 is "
		  "used (in standalone mode we cannot legalize syscalls)\n",
		  "bigint_js_boundary" },
		{ "  error: the configured Python interpreter version (3.6) is lower than\n"
		  "  PyO3's minimum supported version (3.7)\n",
		  "pyo3_python_too_new" },
		{ "CMake Error at pybind11/tools/FindPythonLibsNew.cmake:163 (message):\n  Python config failure:\n\n"
		  "  Traceback (most recent call last):\n    File \"<string>\", line 1, in <module>\n"
		  "  ModuleNotFoundError: No module named 'distutils'\n",
		  "python_headers_missing" },
		/* the same refusal in a Windows build whose Visual Studio generator defaults to Win32 with a
		 * 64-bit host Python (CMake's "Building for:" line, the message of FindPythonLibsNew.cmake) */
		{ "-- Building for: Visual Studio 15 2017\n-- The CXX compiler identification is MSVC 19.16.27045.0\n"
		  "CMake Error at pybind11/tools/FindPythonLibsNew.cmake:127 (message):\n"
		  "  Python config failure: Python is 64-bit, chosen compiler is 32-bit\n",
		  "python_headers_missing" },
	};
	/* pyodide-build's other Emscripten errors: the version check itself, not a breakage of the table */
	static const struct unknown_wording unknown[] = {
		{ "$ pyodide build .\nFailed to determine Emscripten version.\n",
		  "Failed to determine Emscripten version." },
		{ "Incorrect Emscripten version 3.1.46. Need Emscripten version 3.1.58\n",
		  "Incorrect Emscripten version 3.1.46. Need Emscripten version 3.1.58" },
		{ "Failed to apply Emscripten patches. This may occur if the Emscripten version (4.0.9) does not "
		  "match the version for which the patches were generated.\n",
		  "Failed to apply Emscripten patches. This may occur if the Emscripten version (4.0.9) does not "
		  "match the version for which the patches were generated." },
	};
	/* a refused response (V8's and JavaScriptCore's MIME wordings) whose ArrayBuffer fallback works */
	static const char *const fallback[] = {
		"wasm streaming compile failed: TypeError: Failed to execute 'compile' on 'WebAssembly': Incorrect "
		"response MIME type. Expected 'application/wasm'.\nfalling back to ArrayBuffer instantiation\n",
		"[Error] wasm streaming compile failed: TypeError: Unexpected response MIME type. Expected "
		"'application/wasm'\n\t(anonymous function) (index.js:708)\n"
		"[Error] falling back to ArrayBuffer instantiation\n",
	};
	/*
	 * still errors: the streaming line alone (a log cut before the fallback), a module the fallback
	 * fails on too (a CompileError), a fallback that fails itself (a 404 both times), and a TypeError
	 * of the glue's own code, no refusal of the response
	 */
	static const char *const failed[] = {
		"wasm streaming compile failed: TypeError: Failed to execute 'compile' on 'WebAssembly': Incorrect "
		"response MIME type. Expected 'application/wasm'.\n",
		"wasm streaming compile failed: CompileError: WebAssembly.instantiateStreaming(): invalid value "
		"type 0x7b @+23\nfalling back to ArrayBuffer instantiation\n",
		"wasm streaming compile failed: TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP "
		"status code is not ok\nfalling back to ArrayBuffer instantiation\n"
		"failed to asynchronously prepare wasm: both async and sync fetching of the wasm failed\n"
		"Aborted(both async and sync fetching of the wasm failed)\n",
		"wasm streaming compile failed: TypeError: Cannot read properties of undefined (reading "
		"'arguments')\nfalling back to ArrayBuffer instantiation\n",
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	check_unknown(t, unknown, COUNT(unknown));
	for (size_t i = 0; i < COUNT(fallback); i++)
		CHECK_STR(classify1(t, -1, fallback[i], NULL, NULL), "none");
	for (size_t i = 0; i < COUNT(failed); i++)
		CHECK(strcmp(classify1(t, -1, failed[i], NULL, NULL), "none") != 0);
}

/*
 * Batch 22 (tune part, a): a host that forbids compiling wasm (V8's
 * "Wasm code generation disallowed by embedder" of workerd and Electron;
 * the CSP refusals of Blink, WebKit's ContentSecurityPolicyDirectiveList.cpp
 * and SpiderMonkey's "call to %s() blocked by CSP"), a JS runtime crashing
 * in its own code (Bun's crash handler, Deno's panic hook, JavaScriptCore's
 * wasm trampolines in a crash trace), an Emscripten module without its glue
 * (each engine's unknown import: wasmer's "Error while importing", wasmtime's
 * "unknown import: `%s::%s` has not been defined", wazero's "%q is not
 * exported in module %q", WAMR's "failed to call unlinked import function
 * (%s, %s)", WasmEdge's "When linking module: \"{}\" , {} name: \"{}\"")
 * and the worker libraries' words for a SharedArrayBuffer a page without
 * cross-origin isolation lacks (coincident/polyscript, PyScript's worker
 * fallback).
 */
static void test_tune22a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "CompileError: WebAssembly.instantiate(): Wasm code generation disallowed by embedder\n",
		  "wasm_codegen_disallowed" },
		{ "Uncaught (in promise) RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): Refused to "
		  "compile "
		  "or instantiate WebAssembly module because neither 'wasm-eval' nor 'unsafe-eval' is an allowed "
		  "source of "
		  "script in the following Content Security Policy directive: \"script-src 'self'\"). Build with "
		  "-sASSERTIONS for more info.\n",
		  "wasm_codegen_disallowed" },
		{ "CompileError: WebAssembly.compile(): Compiling or instantiating WebAssembly module violates the "
		  "following "
		  "Content Security policy directive because neither 'wasm-eval' nor 'unsafe-eval' is an allowed "
		  "source of "
		  "script in the following Content Security Policy directive: \"script-src 'self'\".\n",
		  "wasm_codegen_disallowed" },
		{ "CompileError: Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' is "
		  "not an "
		  "allowed source of script in the following Content Security Policy directive: \"script-src "
		  "'self'\"\n",
		  "wasm_codegen_disallowed" },
		{ "CompileError: call to WebAssembly.instantiate() blocked by CSP\n", "wasm_codegen_disallowed" },
		{ "$ bun run load.ts ./x.wasm\npanic(main thread): Illegal instruction at address 0x7FF6B271CDB0\n"
		  "oh no: Bun has crashed. This indicates a bug in Bun, not your code.\n",
		  "wasm_engine_crash" },
		{ "    at async WebAssembly.instantiate (ext:deno_web/...)\n"
		  "============================================================\n"
		  "Deno has panicked. This is a bug in Deno. Please report this\n"
		  "at https://github.com/denoland/deno/issues/new.\n",
		  "wasm_engine_crash" },
		{ "Segmentation fault at address 0x00000010\n- `wasm_trampoline_wasm_ipint_call`\n- `llint_op_call`\n",
		  "wasm_engine_crash" },
		{ "Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to instantiate \"a.wasm\"\n"
		  "    1: unknown import: `env::invoke_vii` has not been defined\n",
		  "emscripten_glue_missing" },
		{ "error: Instantiation failed\n"
		  "╰─▶ 1: Error while importing \"env\".\"_emscripten_memcpy_js\": unknown import. Expected "
		  "Function(FunctionType { params: [I32, I32, I32], results: [] })\n",
		  "emscripten_glue_missing" },
		{ "failed to instantiate module: \"emscripten_resize_heap\" is not exported in module \"env\"\n",
		  "emscripten_glue_missing" },
		{ "Exception: failed to call unlinked import function (env, invoke_ii)\n", "emscripten_glue_missing" },
		{ "[error] instantiation failed: unknown import, Code: 0x62\n"
		  "[error]     When linking module: \"env\" , function name: \"__syscall_openat\"\n",
		  "emscripten_glue_missing" },
		{ "Uncaught Error: Unable to use SharedArrayBuffer due insecure environment.\nPlease read requirements "
		  "in "
		  "MDN: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/"
		  "SharedArrayBuffer#security_requirements\n",
		  "cross_origin_isolation_missing" },
		{ "Unable to use `window` or `document` -> https://docs.pyscript.net/latest/faq/#sharedarraybuffer\n",
		  "cross_origin_isolation_missing" },
		{ "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: "
		  "https://docs.pyscript.net/latest/faq/#sharedarraybuffer\n",
		  "cross_origin_isolation_missing" },
	};
	/*
	 * near misses, each with the class it must not get: a CSP refusing JS eval or a fetch, not wasm
	 * (Blink's "Refused to evaluate a string as JavaScript", SpiderMonkey's "call to eval() blocked by
	 * CSP", V8's kCodeGenFromStrings, Blink's connect-src refusal); a compiler's crash, a bare
	 * segfault, Node's internal assertion (a bug or a misuse of its internals) and JSC's frame names in
	 * a profile without a crash; the imports of WASI, AssemblyScript and Go's wasm_exec.js a
	 * standalone engine lacks (WasmEdge's report of a Go module, WasmEdge/WasmEdge docs), a glue of
	 * another build lacking one Emscripten function (V8's "function import requires a callable"), the
	 * minified "a" module; Atomics.wait on a plain buffer (V8's kNotSharedTypedArray)
	 */
	static const struct near_miss misses[] = {
		{ "Uncaught EvalError: Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an "
		  "allowed "
		  "source of script in the following Content Security Policy directive: \"script-src 'self'\".\n",
		  "wasm_codegen_disallowed" },
		{ "EvalError: call to eval() blocked by CSP\n", "wasm_codegen_disallowed" },
		{ "EvalError: Code generation from strings disallowed for this context\n", "wasm_codegen_disallowed" },
		{ "Refused to connect to 'https://cdn.example.com/a.wasm' because it violates the following Content "
		  "Security Policy directive: \"connect-src 'self'\".\n",
		  "wasm_codegen_disallowed" },
		{ "clang: error: unable to execute command: Segmentation fault (core dumped)\n", "wasm_engine_crash" },
		{ "Segmentation fault (core dumped)\n", "wasm_engine_crash" },
		{ "Error [ERR_INTERNAL_ASSERTION]: This is caused by either a bug in Node.js or incorrect usage of "
		  "Node.js "
		  "internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n",
		  "wasm_engine_crash" },
		{ "  12.3%  wasm_trampoline_wasm_ipint_call_wide32\nerror: test failed\n", "wasm_engine_crash" },
		/* Bun's crash handler says the same of any native crash, a N-API addon's own segfault too
		 * (its frames in binding.cpp: a public reproduction of napi_get_buffer_info on a bad value),
		 * and Deno panics outside any engine (its LSP): no wasm in the log */
		{ "panic(main thread): Segmentation fault at address 0x0\n"
		  "oh no: Bun has crashed. This indicates a bug in Bun, not your code.\n",
		  "wasm_engine_crash" },
		{ "Deno has panicked. This is a bug in Deno. Please report this\n"
		  "at https://github.com/denoland/deno/issues/new.\n"
		  "thread 'tokio-runtime-worker' panicked at cli/lsp/documents.rs:1234:5\n",
		  "wasm_engine_crash" },
		/* a -sSTANDALONE_WASM build with memory growth keeps this one import for its host
		 * (emscripten-core/emscripten#20106, #18197); wasi-sdk's C++ throw linked with
		 * --allow-undefined leaves __cxa_throw an env import (WebAssembly/wasi-sdk#249 undefined) */
		{ "Error: failed to run main module `/home/u/test.wasm`\nCaused by:\n    0: failed to instantiate "
		  "\"/home/u/test.wasm\"\n    1: unknown import: `env::emscripten_notify_memory_growth` has not been "
		  "defined\n",
		  "emscripten_glue_missing" },
		{ "failed to instantiate module: \"emscripten_notify_memory_growth\" is not exported in module "
		  "\"env\"\n",
		  "emscripten_glue_missing" },
		{ "Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to instantiate \"a.wasm\"\n"
		  "    1: unknown import: `env::__cxa_throw` has not been defined\n",
		  "emscripten_glue_missing" },
		{ "Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to instantiate \"a.wasm\"\n"
		  "    1: unknown import: `wasi_snapshot_preview1::fd_write` has not been defined\n",
		  "emscripten_glue_missing" },
		{ "error: Instantiation failed\n╰─▶ 1: Error while importing \"env\".\"abort\": unknown import. "
		  "Expected "
		  "Function(FunctionType { params: [I32, I32, I32, I32], results: [] })\n",
		  "emscripten_glue_missing" },
		{ "[error] instantiation failed: unknown import, Code: 0x62\n"
		  "[error]     When linking module: \"env\" , function name: \"time.resetTimer\"\n",
		  "emscripten_glue_missing" },
		{ "failed to instantiate module: \"fd_write\" is not exported in module \"wasi_snapshot_preview1\"\n",
		  "emscripten_glue_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #3 \"env\" \"_emscripten_get_now\": function import "
		  "requires "
		  "a callable\n",
		  "emscripten_glue_missing" },
		{ "TypeError: WebAssembly.instantiate(): Import #0 module=\"a\" error: module is not an object or "
		  "function\n",
		  "emscripten_glue_missing" },
		{ "TypeError: [object Int32Array] is not a shared typed array.\n", "cross_origin_isolation_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batch 22 (tune part, b): rustup's and rustc's refusals of a removed target name (rustup's
 * UnknownTarget and older UnknownComponent format strings, rustc_target's "Could not find
 * specification for target {:?}"), a wasm-bindgen module in a host without its glue (wasmtime's
 * "unknown import: `M::N` has not been defined", wasmi's "cannot find definition for import",
 * wasmer's LinkError "Error while importing {0:?}.{1:?}: {2}", wazero's "module[%s] not
 * instantiated", WAMR's "failed to call unlinked import function (%s, %s)", wasm-bindgen's
 * "import of {} requires JS glue" and "... when generating a standalone WebAssembly module with no
 * JS glue" of cli-support's wit/standard.rs), binaryen's MVP reader ("Only 1 table definition
 * allowed in MVP", "ElementType must be funcref in MVP" of wasm-binary.cpp), wasm2js's "modules
 * with multiple tables are not supported yet" and tokio's compile_error! on wasm (src/lib.rs).
 */
static void test_tune22b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error: Error loading target specification: Could not find specification for target "
		  "\"wasm32-wasi\". Run `rustc --print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		{ "error: toolchain 'stable-x86_64-unknown-linux-gnu' does not contain component 'rust-std' for "
		  "target 'wasm32-wasi'; did you mean 'wasm32-wasip1'?\n",
		  "rust_target_removed" },
		{ "error: toolchain 'nightly-x86_64-unknown-linux-gnu' does not support target "
		  "'wasm32-wasi-preview1-threads'; did you mean 'wasm32-wasip1-threads'?\n",
		  "rust_target_removed" },
		{ "Error: failed to run main module `app.wasm`\n\nCaused by:\n    0: failed to instantiate "
		  "\"app.wasm\"\n    1: unknown import: `__wbindgen_placeholder__::__wbindgen_describe` has not "
		  "been defined\n",
		  "wasm_bindgen_outside_js" },
		{ "Error: failed to instantiate and start the Wasm module: cannot find definition for import "
		  "__wbindgen_externref_xform__::__wbindgen_externref_table_grow with type Func(FuncType { "
		  "params: [I32], results: [I32] })\n",
		  "wasm_bindgen_outside_js" },
		{ "error: Instantiation failed\n\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 1: Error while importing "
		  "\"__wbindgen_placeholder__\".\"__wbindgen_describe\": unknown import. Expected "
		  "Function(FunctionType { params: [I32], results: [] })\n",
		  "wasm_bindgen_outside_js" },
		{ "Error: import[0] func[__wbindgen_placeholder__.__wbindgen_describe]: "
		  "module[__wbindgen_placeholder__] not instantiated\n",
		  "wasm_bindgen_outside_js" },
		{ "Exception: failed to call unlinked import function (__wbindgen_placeholder__, "
		  "__wbindgen_object_drop_ref)\n",
		  "wasm_bindgen_outside_js" },
		{ "error: import of creating a `Closure` wrapper requires JS glue\n", "wasm_bindgen_outside_js" },
		{ "error: cannot export `Counter` constructor function when generating a standalone WebAssembly "
		  "module with no JS glue\n",
		  "wasm_bindgen_outside_js" },
		{ "[parse exception: ElementType must be funcref in MVP (at 0:412)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: Only 1 table definition allowed in MVP (at 0:9858)]\n"
		  "Fatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "Fatal: error: modules with multiple tables are not supported yet.\n", "engine_lacks_wasm_feature" },
		{ "   Compiling tokio v1.35.1\nerror: Only features sync,macros,io-util,rt,time are supported on "
		  "wasm.\n   --> /home/u/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.35.1/src/"
		  "lib.rs:471:1\n",
		  "crate_no_target_code" },
	};
	/*
	 * near misses, from the same format strings: a target too new for the toolchain (wasm32-wasip2
	 * before Rust 1.82), a misspelt target, a custom target without its JSON spec (a Solana
	 * toolchain's sbpf-solana-solana), a target that exists but is not installed; another module's
	 * unknown import in wasmtime and wasmer (no wasm-bindgen in it); binaryen's other reader and
	 * wasm2js's validation failures; tokio's compile_error! text in the user's own crate
	 */
	static const struct near_miss others[] = {
		{ "error: toolchain '1.78-x86_64-unknown-linux-gnu' does not support target 'wasm32-wasip2'\n",
		  "rust_target_removed" },
		{ "error: toolchain 'stable-x86_64-unknown-linux-gnu' does not support target "
		  "'wasm32-unknown-unknwon'; did you mean 'wasm32-unknown-unknown'?\n",
		  "rust_target_removed" },
		{ "error: Error loading target specification: Could not find specification for target "
		  "\"sbpf-solana-solana\". Run `rustc --print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		{ "error: Error loading target specification: Could not find specification for target "
		  "\"wasm32-wasip2\". Run `rustc --print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		{ "error: toolchain 'stable-x86_64-unknown-linux-gnu' does not have target 'wasm32-wasi' installed\n",
		  "rust_target_removed" },
		{ "Error: failed to run main module `app.wasm`\n\nCaused by:\n    0: failed to instantiate "
		  "\"app.wasm\"\n    1: unknown import: `env::emscripten_memcpy_js` has not been defined\n",
		  "wasm_bindgen_outside_js" },
		{ "Error while importing \"wasi_snapshot_preview1\".\"fd_write\": unknown import. Expected "
		  "Function(FunctionType { params: [I32, I32, I32, I32], results: [I32] })\n",
		  "wasm_bindgen_outside_js" },
		{ "Exception: failed to call unlinked import function (env, abort)\n", "wasm_bindgen_outside_js" },
		{ "[parse exception: Table cannot be both imported and defined (at 0:300)]\n"
		  "Fatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "wasm2js -o out.js in.wasm\nFatal: error in validating input\n", "engine_lacks_wasm_feature" },
		{ "error: Only features sync,macros,io-util,rt,time are supported on wasm.\n   --> src/lib.rs:3:1\n",
		  "crate_no_target_code" },
		/* a toolchain older than the target says the same: rustup on a stable before wasm32-wasi
		 * (rust-lang/flate2-rs#194 quotes it for its earlier name), rustc's two-line form of 2017-2019
		 * (mgattozzi/cargo-wasm#8 quotes it for wasm32-unknown-unknown), a rustc before the threads
		 * target, a log that shows a rustc that still has it */
		{ "error: toolchain 'stable-x86_64-unknown-linux-gnu' does not contain component 'rust-std' for "
		  "target 'wasm32-wasi'\n",
		  "rust_target_removed" },
		{ "error: Error loading target specification: Could not find specification for target "
		  "\"wasm32-wasi\"\n  |\n  = help: Use `--print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		{ "error: Error loading target specification: Could not find specification for target "
		  "\"wasm32-wasi-preview1-threads\". Run `rustc --print target-list` for a list of built-in "
		  "targets\n",
		  "rust_target_removed" },
		{ "rustc 1.70.0 (90c541806 2023-05-31)\nerror: Error loading target specification: Could not find "
		  "specification for target \"wasm32-wasi\". Run `rustc --print target-list` for a list of "
		  "built-in targets\n",
		  "rust_target_removed" },
		/* a wasm-bindgen --target nodejs glue of another build keys its imports by the same module */
		{ "LinkError: WebAssembly.Instance(): Import #3 module=\"__wbindgen_placeholder__\" "
		  "function=\"__wbg_new_8a6f238a6ece86ea\": function import requires a callable\n",
		  "wasm_bindgen_outside_js" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	/* a wasm-bindgen glue of another build keeps its class: the module was processed, its glue differs */
	CHECK_STR(classify1(t, -1,
			    "LinkError: WebAssembly.instantiate(): Import #5 module=\"wbg\" "
			    "function=\"__wbg_new_8a6f238a6ece86ea\": function import requires a callable\n",
			    NULL, NULL),
		  "glue_wasm_version_mismatch");
}

/*
 * Batch 6 (tune22c): emcc's x86 SIMD flag check and clang's SIMD feature errors, an argument
 * unused in its phase under -Werror, a symbol trace of the JS-SjLj helpers Emscripten 3.1.57
 * removed, and a package's own import of a requirement a Pyodide session lacks; each built from
 * its tool's format string.
 */
static void test_tune22c_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* emcc.py / tools/compile.py: the list of the newest release, with -mavx2 and -mfma */
		{ "em++: error: passing any of -msse, -msse2, -msse3, -mssse3, -msse4.1, -msse4.2, -msse4, -mavx, "
		  "-mavx2, -mfma, -mfpu=neon flags also requires passing -msimd128 (or -mrelaxed-simd)!\n",
		  "wasm_simd_not_enabled" },
		/* clang's err_function_needs_feature and err_builtin_needs_feature */
		{ "src/codec.c:12:10: error: always_inline function 'wasm_i32x4_add' requires target feature "
		  "'simd128', but would be inlined into function 'add4' that is compiled without support for "
		  "'simd128'\n",
		  "wasm_simd_not_enabled" },
		{ "src/lane.c:3:10: error: '__builtin_wasm_extract_lane_s_i8x16' needs target feature simd128\n",
		  "wasm_simd_not_enabled" },
		/* emcc's tools/diagnostics.py as -Werror makes it; clang's warn_drv_input_file_unused */
		{ "emcc: error: linker setting ignored during compilation: 'MODULARIZE' "
		  "[-Wunused-command-line-argument] [-Werror]\n",
		  "emcc_unused_argument_error" },
		{ "clang: error: -lm: 'linker' input unused [-Werror,-Wunused-command-line-argument]\n",
		  "emcc_unused_argument_error" },
		/* lld's printTraceSymbol ("FILE: reference to NAME") under -Wl,--trace-symbol=testSetjmp */
		{ "[100%] Linking CXX executable app.js\n/qt/lib/libQt6Core.a(qlogging.cpp.o): reference to "
		  "testSetjmp\n",
		  "eh_abi_link_mismatch" },
		/* Pyodide's _pyodide/_importhook.py, as the exception (before 0.25) and as a note */
		{ "  File \"<exec>\", line 1, in <module>\nModuleNotFoundError: The module 'numpy' is included in the "
		  "Pyodide distribution, but it is not installed.\nYou can install it by calling:\n",
		  "python_requirement_missing" },
		{ "  File \"<exec>\", line 1, in <module>\nModuleNotFoundError: No module named 'micropip'\nThe module "
		  "'micropip' is included in the Pyodide distribution, but it is not installed.\n",
		  "python_requirement_missing" },
		{ "Traceback (most recent call last):\n  File \"/lib/python3.13/site-packages/app/cli.py\", line 7, in "
		  "main\n    from rich import print\nModuleNotFoundError: No module named 'rich'\n",
		  "python_requirement_missing" },
	};
	static const struct near_miss others[] = {
		/* clang's builtin check for other features, and the engine refusing SIMD code */
		{ "a.c:2:3: error: '__builtin_wasm_memory_atomic_wait32' needs target feature atomics\n",
		  "wasm_simd_not_enabled" },
		{ "a.c:2:3: error: '__builtin_wasm_relaxed_madd_f32x4' needs target feature relaxed-simd\n",
		  "wasm_simd_not_enabled" },
		{ "CompileError: WebAssembly.instantiate(): Compiling function #3 failed: Wasm SIMD unsupported "
		  "@+1234\n",
		  "wasm_simd_not_enabled" },
		{ "node: bad option: --experimental-wasm-simd\n", "wasm_simd_not_enabled" },
		/* the same diagnostics without -Werror, and another warning made an error */
		{ "clang: warning: argument unused during compilation: '-pthread' [-Wunused-command-line-argument]\n"
		  "wasm-ld: error: undefined symbol: main\n",
		  "emcc_unused_argument_error" },
		{ "em++: warning: linker setting ignored during compilation: 'TOTAL_STACK' "
		  "[-Wunused-command-line-argument]\nem++: error: '-c' and '-o -' cannot be used together\n",
		  "emcc_unused_argument_error" },
		{ "src/x.c:3:7: error: unused variable 'y' [-Werror,-Wunused-variable]\n",
		  "emcc_unused_argument_error" },
		/* a trace that finds the helper defined (an Emscripten before 3.1.57), and other symbols */
		{ "/x/libfoo.a(png.c.o): reference to saveSetjmp\n/emsdk/cache/libc.a(setjmp.o): definition of "
		  "saveSetjmp\n",
		  "eh_abi_link_mismatch" },
		{ "main.o: reference to __cxa_throw\n", "eh_abi_link_mismatch" },
		/* a standard-library module Pyodide removes or unvendors, a native venv, a compiled submodule */
		{ "  File \"/lib/python3.12/site-packages/pkg/setup_helpers.py\", line 3, in <module>\n    import "
		  "distutils\nModuleNotFoundError: No module named 'distutils'\n",
		  "python_requirement_missing" },
		{ "  File \"/lib/python3.12/site-packages/pkg/net.py\", line 3, in <module>\n    import ssl\n"
		  "ModuleNotFoundError: No module named 'ssl'\nThe module 'ssl' is unvendored from the Python "
		  "standard library in the Pyodide distribution.\n",
		  "python_requirement_missing" },
		{ "  File \"/home/u/.venv/lib/python3.12/site-packages/marimo/x.py\", line 3, in f\n    import yaml\n"
		  "ModuleNotFoundError: No module named 'yaml'\n",
		  "python_requirement_missing" },
		{ "  File \"/lib/python3.12/site-packages/pkg/__init__.py\", line 1, in <module>\n    from pkg import "
		  "_core\nModuleNotFoundError: No module named 'pkg._core'\n",
		  "python_requirement_missing" },
		/* a wheel without its own extension (a pure fallback's private top-level module), a module
		 * Emscripten's CPython does not build (configure.ac's py_cv_module_*=n/a for Emscripten) */
		{ "  File \"/lib/python3.12/site-packages/brotli.py\", line 8, in <module>\n    import _brotli\n"
		  "ModuleNotFoundError: No module named '_brotli'\n",
		  "python_requirement_missing" },
		{ "  File \"/lib/python3.12/site-packages/pexpect/pty_spawn.py\", line 3, in <module>\n    import "
		  "termios\nModuleNotFoundError: No module named 'termios'\n",
		  "python_requirement_missing" },
		/* a package whose download failed first (Pyodide's load-package.ts prints the error after
		 * "The following error occurred while loading NAME:"): its import then fails the same way */
		{ "The following error occurred while loading numpy:\nfetch failed\n"
		  "  File \"<exec>\", line 1, in <module>\nModuleNotFoundError: No module named 'numpy'\nThe module "
		  "'numpy' is included in the Pyodide distribution, but it is not installed.\n",
		  "python_requirement_missing" },
	};
	/* Node's ERR_MODULE_NOT_FOUND (lib/internal/errors.js) and Pyodide's loadPackage, shown bare */
	static const struct unknown_wording unknown[] = {
		{ "Cannot find package 'pyodide' imported from /srv/app/run.mjs\n",
		  "Cannot find package 'pyodide' imported from /srv/app/run.mjs" },
		{ "Loading scipy\nFailed to load scipy\nThe following error occurred while loading scipy:\n"
		  "fetch failed\n",
		  "fetch failed" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	check_unknown(t, unknown, COUNT(unknown));
}

/*
 * Batch 7's tune part: a fastcomp Emscripten given Rust 1.40's wasm objects, JS written for an
 * older Emscripten's runtime helpers, rustup's older "for 'TARGET'" wording, and a wasm-bindgen CLI
 * panic that calls itself a bug.
 */
static void test_tune23a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* fastcomp's emcc.py (arg + ' is not valid LLVM bitcode') and tools/shared.py's
		 * consider_object ('object %s is not valid according to llvm-nm, cannot link', and 'object %s
		 * is not a valid object file for emscripten, cannot link') on Rust's codegen units */
		{ "WARNING:root:/p/target/wasm32-unknown-emscripten/release/deps/app-0123456789abcdef.app.1a2b3c4d-"
		  "cgu.0.rcgu.o is not valid LLVM bitcode\n",
		  "emscripten_fastcomp_backend" },
		{ "WARNING:root:object /tmp/emscripten_temp_ab12cd_archive_contents/core-5e42171377e616dd.core."
		  "7ijpxdtg-cgu.0.rcgu.o is not valid according to llvm-nm, cannot link\n",
		  "emscripten_fastcomp_backend" },
		{ "WARNING:root:object /tmp/emscripten_temp_ab12cd_archive_contents/alloc-1337ba99f4510b64.alloc."
		  "djyzo3c5-cgu.0.rcgu.o is not a valid object file for emscripten, cannot link\n",
		  "emscripten_fastcomp_backend" },
		/* V8 on a removed Runtime method; the stubs of Emscripten 1.38's preamble.js (ASSERTIONS) */
		{ "TypeError: Runtime.stackAlloc is not a function\n", "emscripten_runtime_helper_removed" },
		{ "abort(\"stackAlloc() is now a top-level function, after removing the Runtime object. Remove "
		  "\\\"Runtime.\\\"\") at Error\n",
		  "emscripten_runtime_helper_removed" },
		/* dynCall not included: V8, JavaScriptCore, and the ASSERTIONS messages of runtime_debug.js
		 * (missingLibrarySymbol, unexportedRuntimeSymbol) */
		{ "ReferenceError: dynCall is not defined\n    at _js_call (app.js:120:5)\n",
		  "emscripten_runtime_helper_removed" },
		{ "ReferenceError: Can't find variable: dynCall\n", "emscripten_runtime_helper_removed" },
		{ "warning: `dynCall` is a library symbol and not included by default; add it to your library.js "
		  "__deps or to DEFAULT_LIBRARY_FUNCS_TO_INCLUDE on the command line (e.g. "
		  "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE='$dynCall')\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted('dynCall' was not exported. add it to EXPORTED_RUNTIME_METHODS (see the FAQ))\n",
		  "emscripten_runtime_helper_removed" },
		/* rustup's component_unavailable message, before and after it said "for target" */
		{ "error: component 'rust-std' for 'wasm32-unknown-emscripten' is unavailable for download\n",
		  "std_missing_for_target" },
		{ "error: component 'rust-std' for target 'wasm32-unknown-emscripten' is unavailable for download "
		  "for channel 'nightly-2019-12-01'\n",
		  "std_missing_for_target" },
		/* wasm-bindgen's cli-support interpreter (src/interpreter/mod.rs) */
		{ "thread 'main' panicked at /h/.cargo/registry/src/x/wasm-bindgen-cli-support-0.2.100/src/"
		  "interpreter/mod.rs:280:25:\nglobal Id { idx: 5 } not found, this is a bug in wasm-bindgen\n",
		  "toolchain_crash" },
	};
	/*
	 * near misses: the warnings every fastcomp link of Rust prints for an rlib's metadata and its
	 * compressed bitcode member (a rust-lang/rust CI log of 2019-08, Emscripten 1.38.15, whose link
	 * failed for another reason), a native C object given to fastcomp (emcc.py's format); the
	 * dynCallLegacy trace of a missing dynCall_<sig> wrapper (emscripten-core/emscripten#14802) and
	 * other undefined names; another component rustup lacks (its format, as rustup 1.29 prints it);
	 * a Rust program's own panic that names wasm-bindgen (wasm-bindgen's stub for non-wasm targets)
	 */
	static const struct near_miss others[] = {
		{ "WARNING:root:object /tmp/emscripten_temp_EExgNq_archive_contents/rust.metadata.bin is not LLVM "
		  "bitcode, cannot link\nWARNING:root:object /tmp/emscripten_temp_EExgNq_archive_contents/std-"
		  "49535a7c5c4859d3.std.86ql6qcu-cgu.0.rcgu.bc.z is not valid according to llvm-nm, cannot link\n"
		  "LLVM ERROR: Instruction not yet supported for integer types larger than 64 bits\n",
		  "emscripten_fastcomp_backend" },
		{ "WARNING:root:object /tmp/emscripten_temp_x_archive_contents/lib.rmeta is not valid according "
		  "to llvm-nm, cannot link\n",
		  "emscripten_fastcomp_backend" },
		{ "WARNING:root:src/zlib/adler32.o is not valid LLVM bitcode\nerror: undefined symbol: adler32\n",
		  "emscripten_fastcomp_backend" },
		{ "TypeError: Cannot read properties of undefined (reading 'apply')\n    at dynCallLegacy "
		  "(a.js:1819)\n    at dynCall (a.js:1823)\n    at invoke_vij (a.js:2001)\n",
		  "emscripten_runtime_helper_removed" },
		{ "ReferenceError: getTempRet0 is not defined\n", "emscripten_runtime_helper_removed" },
		{ "ReferenceError: Runtime is not defined\n", "emscripten_runtime_helper_removed" },
		{ "TypeError: chrome.runtime.sendMessage is not a function\n", "emscripten_runtime_helper_removed" },
		{ "error: component 'rustfmt' for target 'x86_64-unknown-linux-gnu' is unavailable for download "
		  "for channel '1.98.1-x86_64-unknown-linux-gnu'\n",
		  "std_missing_for_target" },
		{ "thread 'main' panicked at src/main.rs:10:5:\ncannot call wasm-bindgen imported functions on "
		  "non-wasm targets\n",
		  "toolchain_crash" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	CHECK_STR(classify1(t, -1, others[3].log, NULL, NULL), "dyncall_legacy_missing");
}

/*
 * Batch 7 (tune23b): the glue's EM_ASM table lookup without assertions, emcc's stub for a
 * symbol left undefined at link, and a browser's failed dynamic import(); each built from its
 * tool's format string.
 */
static void test_tune23b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* runEmAsmFunction's ASM_CONSTS[code](...args): V8, JavaScriptCore ("X is not a
		 * function. (In 'E', 'X' is undefined)"); the older ASM_CONSTS[code].apply(null, args):
		 * SpiderMonkey (simonw/datasette-lite#24 quotes it), JavaScriptCore */
		{ "TypeError: ASM_CONSTS[code] is not a function\n", "glue_wasm_version_mismatch" },
		{ "TypeError: ASM_CONSTS[code] is not a function. (In 'ASM_CONSTS[code](...args)', "
		  "'ASM_CONSTS[code]' is undefined)\n",
		  "glue_wasm_version_mismatch" },
		{ "exception thrown: TypeError: ASM_CONSTS[code] is undefined\n", "glue_wasm_version_mismatch" },
		{ "TypeError: undefined is not an object (evaluating 'ASM_CONSTS[code].apply')\n",
		  "glue_wasm_version_mismatch" },
		/* src/jsifier.js: abort('missing function: NAME'); before, err('missing function: NAME') and
		 * abort(-1), whose message the glue of the time printed as "abort(-1)" */
		{ "RuntimeError: Aborted(missing function: emscripten_set_mousemove_callback)\n",
		  "undefined_symbol_at_link" },
		{ "missing function: glGetInternalformativ\nabort(-1) at Error\n", "undefined_symbol_at_link" },
		{ "app.js:1234 missing function: SDL_GetWindowWMInfo\n", "undefined_symbol_at_link" },
	};
	/* Blink (dynamic_module_resolver), SpiderMonkey (js.msg), WebKit: named, or their message alone */
	static const struct unknown_wording unknown[] = {
		{ "TypeError: Failed to fetch dynamically imported module: https://cdn.example/pyodide.asm.js\n",
		  "TypeError: Failed to fetch dynamically imported module: https://cdn.example/pyodide.asm.js" },
		{ "Failed to fetch dynamically imported module: https://cdn.example/pyodide.asm.js\n",
		  "Failed to fetch dynamically imported module: https://cdn.example/pyodide.asm.js" },
		{ "error loading dynamically imported module: https://cdn.example/pyodide.asm.js\n",
		  "error loading dynamically imported module: https://cdn.example/pyodide.asm.js" },
		{ "Importing a module script failed.\n", "Importing a module script failed." },
	};
	/*
	 * near misses, each with the class it must not get: a call through an empty table slot or an
	 * export the build did not keep ("is not a function" of other glue names); JS exception
	 * handling's invoke_* stub; a side module's import the main module lacks (the dynamic linker's
	 * own words); the same words printed by other programs' own checks (a Postgres script's RAISE
	 * WARNING 'Missing function: %', a test script's "missing function: " + name)
	 */
	static const struct near_miss misses[] = {
		{ "TypeError: getWasmTableEntry(...) is not a function\n", "glue_wasm_version_mismatch" },
		/* a wasi or bare wasm32 link whose sysroot has no libc (lld/wasm/Driver.cpp's "unable to find
		 * library -l" + name), not rustc's -lc in an Emscripten side module */
		{ "wasm-ld: error: unable to find library -lc\nclang: error: linker command failed with exit code 1\n",
		  "libc_in_side_module" },
		{ "TypeError: Module._malloc is not a function\n", "glue_wasm_version_mismatch" },
		{ "Aborted(missing function: invoke_vii)\n", "undefined_symbol_at_link" },
		{ "Error: Dynamic linking error: cannot resolve symbol s_cmp\n", "undefined_symbol_at_link" },
		{ "Aborted(Assertion failed: undefined symbol `PyFoo_Bar`. perhaps a side module was not linked in? "
		  "if this global was expected to arrive from a system library, try to build the MAIN_MODULE "
		  "with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "undefined_symbol_at_link" },
		{ "WARNING:  Missing function: trigger_set_updated_at\n", "undefined_symbol_at_link" },
		{ "error: missing function: func Missing(\n", "undefined_symbol_at_link" },
	};
	/* Vite's build notice names a dynamic import and is no error */
	static const char *const clean[] = {
		"(!) src/a.js is dynamically imported by src/b.js but also statically imported by src/c.js, "
		"dynamic import will not move module into another chunk.\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unknown(t, unknown, COUNT(unknown));
	check_near_misses(t, misses, COUNT(misses));
	check_clean(t, clean, COUNT(clean));
}

/*
 * Batch 8's tune part: wasm32 and wasm64 parts mixed, a host program that cannot start, emcc's JS
 * compiler without the C++ exception runtime, uv's plural wording, BuildKit's line prefixes.
 */
static void test_tune24_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* lld/wasm/InputFiles.cpp, InputFile::checkArch: both directions */
		{ "wasm-ld: error: lib.a(a.o): wasm32 object file can't be linked in wasm64 mode\n",
		  "memory64_object_mismatch" },
		{ "wasm-ld: error: CMakeFiles/x.dir/main.cpp.o: must specify -mwasm64 to process wasm64 object files\n",
		  "memory64_object_mismatch" },
		/* V8's module-instantiate.cc ("cannot import %s memory as %s"), the other direction;
		 * wasmtime's matching (its memory64 wast test expects this text) */
		{ "LinkError: WebAssembly.instantiate(): cannot import i32 memory as i64\n",
		  "memory64_object_mismatch" },
		{ "Error: incompatible import type for `env::memory`\n\nCaused by:\n"
		  "    memory types incompatible: expected 64-bit memory, found 32-bit memory\n",
		  "memory64_object_mismatch" },
		/* glibc's loader (elf/dl-error-skeleton.c: "%s: %s: %s%s%s%s%s"), as issue titles cut it */
		{ "/usr/bin/node: error while loading shared libraries: libnode.so.115: cannot open shared object "
		  "file: No such file or directory\n",
		  "host_shared_library_missing" },
		{ "wasm-opt: error while loading shared libraries: libbinaryen.so\n", "host_shared_library_missing" },
		/* src/jsifier.mjs of later releases calls compileTimeContext.addCxaCatch(num) */
		{ "Internal compiler error in src/compiler.js!\nException message: \"TypeError: "
		  "compileTimeContext.addCxaCatch is not a function\n",
		  "eh_abi_link_mismatch" },
		/* uv's resolver: one version ("has") or a range ("have"), wrapped */
		{ "  ╰─▶ Because foo==1.0 has no wheels with a matching Python ABI tag (e.g., `cp313`) and you\n"
		  "      require foo==1.0, we can conclude that your requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
		{ "  ╰─▶ Because all versions of foo have no wheels with a matching platform tag (e.g.,\n"
		  "      `manylinux_2_28_x86_64`) and you require foo, we can conclude that your requirements are\n"
		  "      unsatisfiable.\n",
		  "wheel_platform_refused" },
	};
	/* Pyodide's loadPackage failure in a Docker build (BuildKit's "#N" and elapsed-seconds prefixes, not reported) */
	static const struct unknown_wording unknown[] = {
		{ "#12 7.310 The following error occurred while loading numpy:\n#12 7.313 fetch failed\n",
		  "fetch failed" },
	};
	/*
	 * near misses, each with the class it must not get: the loader finding a library of the wrong
	 * kind (present, not missing) or a too old glibc; dlopen of an extension or a Node addon (the
	 * program started: the library is the package's, not a toolchain binary's); memory imports
	 * refused for their size or their shared flag (V8's module-instantiate.cc); another runtime
	 * helper missing from emcc's JS compiler; uv's resolver failing for a reason other than tags
	 */
	static const struct near_miss misses[] = {
		{ "python3: error while loading shared libraries: libpython3.12.so.1.0: wrong ELF class: ELFCLASS32\n",
		  "host_shared_library_missing" },
		{ "node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.28' not found (required by node)\n",
		  "host_shared_library_missing" },
		{ "ImportError: libatomic.so.1: cannot open shared object file: No such file or directory\n",
		  "host_shared_library_missing" },
		{ "Error: libfoo.so.1: cannot open shared object file: No such file or directory\n"
		  "    at Module._extensions..node (node:internal/modules/cjs/loader:1340:18)\n",
		  "host_shared_library_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"memory\": memory import has 256 pages "
		  "which "
		  "is smaller than the declared initial of 512\n",
		  "memory64_object_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): mismatch in shared state of memory, declared = 1, imported = "
		  "0\n",
		  "memory64_object_mismatch" },
		{ "LinkError: WebAssembly.instantiate(): Import #0 \"env\" \"memory\": memory import must be a "
		  "WebAssembly.Memory object\n",
		  "memory64_object_mismatch" },
		/* the glue's instantiation of its own main module (src/preamble.js): glue and module disagree */
		{ "failed to asynchronously prepare wasm: LinkError: WebAssembly.instantiate(): cannot import i64 "
		  "memory "
		  "as i32\n",
		  "memory64_object_mismatch" },
		{ "Exception message: \"ReferenceError: addFunction is not defined\n", "eh_abi_link_mismatch" },
		{ "  ╰─▶ Because foo was not found in the package registry and you require foo, we can conclude that\n"
		  "      your requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
		{ "  ╰─▶ Because only foo<=1.0 is available and you require foo>1.0, we can conclude that your\n"
		  "      requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
	};

	check_named(t, cases, COUNT(cases));
	check_unknown(t, unknown, COUNT(unknown));
	check_near_misses(t, misses, COUNT(misses));
}

static void test_tune25b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* LLVM's Signals.cpp, printSymbolizedStackTrace: "#N 0xPC FUNCTION (MODULE+0xOFF)", or the
		 * module alone when it has no symbol; an excerpt of the frames is still a crash */
		{ "#16 0x00000001099204e0 llvm::FPPassManager::runOnFunction(llvm::Function&) "
		  "(/e/upstream/lib/libLLVM.dylib+0x3704e0)\n",
		  "toolchain_crash" },
		{ "#15 0x00005a6693014dd3 lld::wasm::BitcodeCompiler::compile() (/e/upstream/bin/wasm-ld+0x1534dd3)\n",
		  "toolchain_crash" },
		{ "#4 0x000055d5c7a1b2c3 (/e/upstream/bin/clang-20+0x1b2c3)\n", "toolchain_crash" },
		/* Emscripten's logger form of the JS compiler's "undefined symbol: X (referenced by ...)" */
		{ "emscripten:ERROR: undefined symbol: __resumeException (referenced by top-level compiled C/C++ "
		  "code)\n",
		  "eh_abi_link_mismatch" },
		{ "emscripten:ERROR: undefined symbol: llvm_eh_typeid_for (referenced by top-level compiled C/C++ "
		  "code)\n",
		  "eh_abi_link_mismatch" },
		/* getrandom 0.2's compile_error!s (src/lib.rs) as rustc's snippet shows them */
		{ "285 | /         compile_error!(\"the wasm*-unknown-unknown targets are not supported by \\\n",
		  "crate_no_target_code" },
		{ "    |         compile_error!(\"target is not supported, for more information see: \\\n",
		  "crate_no_target_code" },
		/* pyo3-build-config 0.16 (impl_.rs, search_lib_dir: read_dir(path).expect("Path does not exist")),
		 * before Rust 1.73 and after it (the location first) */
		{ "thread 'main' panicked at 'Path does not exist: Os { code: 2, kind: NotFound, message: \"No such "
		  "file or directory\" }', /h/.cargo/registry/src/github.com-1ecc6299db9ec823/"
		  "pyo3-build-config-0.16.5/src/impl_.rs:992:33\n",
		  "pyo3_cross_config" },
		{ "thread 'main' panicked at /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/"
		  "pyo3-build-config-0.16.6/src/impl_.rs:992:33:\nPath does not exist: Os { code: 2, kind: NotFound, "
		  "message: \"No such file or directory\" }\n",
		  "pyo3_cross_config" },
	};
	/* a program's error() line ending in an OS error that stops it (coreutils' cp, GNU tar's "%s: Cannot
	 * write: %s"); logrus's text format (the Docker CLI) */
	static const struct unknown_wording unknown[] = {
		{ "+ cp a.wasm out/a.wasm\ncp: error copying 'a.wasm' to 'out/a.wasm': No space left on device\n",
		  "cp: error copying 'a.wasm' to 'out/a.wasm': No space left on device" },
		{ "tar: out.tar: Cannot write: No space left on device\n",
		  "tar: out.tar: Cannot write: No space left on device" },
		{ "mkdir: cannot create directory 'build': Read-only file system\n",
		  "mkdir: cannot create directory 'build': Read-only file system" },
		{ "cache:INFO:  - ok\ntime=\"2024-05-06T17:56:17+10:00\" level=error msg=\"error waiting for "
		  "container: "
		  "unexpected EOF\"\n",
		  "time=\"2024-05-06T17:56:17+10:00\" level=error msg=\"error waiting for container: unexpected "
		  "EOF\"" },
	};
	/*
	 * near misses, each with the class it must not get: gdb's and a program's own frames (gdb's
	 * "#N  0xPC in F () from LIB"; LLVM's format for a program that is no toolchain tool); another
	 * symbol or a warning of emcc's JS compiler; compile_error!s about features, not targets; the
	 * same panic text from another program
	 */
	static const struct near_miss misses[] = {
		{ "#1  0x00007ffff5e3a2b4 in llvm::FPPassManager::runOnFunction(llvm::Function&) () from "
		  "/usr/lib/libLLVM-17.so.1\n",
		  "toolchain_crash" },
		{ "#3 0x000055d5c7a1b2c3 main (/home/u/app+0x1b2c3)\n", "toolchain_crash" },
		{ "emscripten:ERROR: undefined symbol: glfwInit (referenced by top-level compiled C/C++ code)\n",
		  "eh_abi_link_mismatch" },
		{ "emscripten:WARNING: undefined symbol: __cxa_find_matching_catch_3\n", "eh_abi_link_mismatch" },
		{ "  |     compile_error!(\"the `serde` and `miniserde` features are not supported together\");\n",
		  "crate_no_target_code" },
		{ "thread 'main' panicked at 'Path does not exist: Os { code: 2, kind: NotFound, message: \"No such "
		  "file or directory\" }', src/main.rs:12:40\n",
		  "pyo3_cross_config" },
	};
	/* what logs that succeed print: a wait loop's curl, a find over /proc, logrus's other levels */
	static const char *const clean[] = {
		"curl: (7) Failed to connect to localhost port 8000 after 0 ms: Connection refused\n",
		"find: '/proc/1/map_files': Permission denied\n",
		"time=\"2024-05-06T17:56:17+10:00\" level=warning msg=\"error reading config: unexpected EOF\"\n",
	};

	check_named(t, cases, COUNT(cases));
	check_unknown(t, unknown, COUNT(unknown));
	check_near_misses(t, misses, COUNT(misses));
	for (size_t i = 0; i < COUNT(clean); i++)
		CHECK_STR(classify1(t, -1, clean[i], NULL, NULL), "none");
}

/*
 * Batch 10 (tune part, b): a platform crate's own item whose type did not
 * resolve for the target (rustc's E0599 "the method `%s` exists for %s `%s`,
 * but its trait bounds were not satisfied", rustc_hir_typeck's method
 * suggestions, there over socket2's SockAddr of an unresolved libc type);
 * rust-lld's wasm flavor missing a library (lld/wasm/Driver.cpp's "unable to
 * find library -l" + name). Error lines that are no class's: Node's fatal
 * error (node_errors.cc's "FATAL ERROR: %s %s"), cmake -E copy's failure
 * (cmcmd.cxx), Trunk's download of a tool ("error downloading archive file:
 * {:?}\n{}", src/tools.rs).
 */
static void test_tune26b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error[E0599]: the method `ok` exists for enum `Result<SockAddr, Error>`, but its trait bounds were "
		  "not satisfied\n   --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/socket2-0.4.10/src/"
		  "sockref.rs:144:58\n",
		  "crate_no_target_code" },
		/* a wasm32 target in the link: a wasi or bare wasm32 link without a libc in its sysroot is a
		 * library missing from the search path, not rustc's -lc for a side module */
		{ "error: linking with `rust-lld` failed: exit status: 1\n  = note: \"rust-lld\" \"-flavor\" \"wasm\" "
		  "\"/t/target/wasm32-wasip2/debug/deps/x.o\" \"-lc\"\n  = note: rust-lld: error: unable to find "
		  "library -lc\n",
		  "link_library_not_found" },
		{ "error: linking with `rust-lld` failed: exit status: 1\n  = note: \"rust-lld\" \"-flavor\" \"wasm\" "
		  "\"/t/x.o\" \"-lsqlite3\"\n  = note: rust-lld: error: unable to find library -lsqlite3\n",
		  "link_library_not_found" },
	};
	static const struct unknown_wording unknown[] = {
		{ "<--- JS stacktrace --->\n\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed "
		  "- JavaScript heap out of memory\n",
		  "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of "
		  "memory" },
		{ "FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\n",
		  "FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal" },
		{ "Error copying file (if different) from \"/b/a.worker.js\" to \"/b/js/a.worker.js\".\n",
		  "Error copying file (if different) from \"/b/a.worker.js\" to \"/b/js/a.worker.js\"." },
		{ "Error copying directory from \"/b/assets\" to \"/b/dist/assets\".\n",
		  "Error copying directory from \"/b/assets\" to \"/b/dist/assets\"." },
		{ "error downloading archive file: 502\nhttps://github.com/WebAssembly/binaryen/releases/download/"
		  "version_116/binaryen-version_116-x86_64-linux.tar.gz\n",
		  "error downloading archive file: 502" },
	};
	/*
	 * near misses, each with the class it must not get: the same E0599 in the user's own code, and
	 * rustc's "no method named `%s` found for %s `%s` in the current scope" in a platform crate
	 * built by a rustc older than it needs (a method of a newer std); rust-lld as a host's linker
	 * (x86_64 Linux since Rust 1.90, through cc and its gcc-ld directory) and as an embedded
	 * target's ELF linker ("-flavor" "gnu"), whose missing library is no wasm link's
	 */
	static const struct near_miss misses[] = {
		{ "error[E0599]: the method `ok` exists for enum `Result<Addr, Error>`, but its trait bounds were not "
		  "satisfied\n  --> src/main.rs:10:5\n",
		  "crate_no_target_code" },
		{ "error[E0599]: no method named `is_some_and` found for enum `Option` in the current scope\n   --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/rustix-0.38.34/src/fs/at.rs:12:9\n",
		  "crate_no_target_code" },
		{ "error: linking with `cc` failed: exit status: 1\n  = note: \"cc\" \"-m64\" \"/t/x.o\" "
		  "\"-B/h/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/x86_64-unknown-linux-gnu/"
		  "bin/gcc-ld\" \"-fuse-ld=lld\"\n  = note: rust-lld: error: unable to find library -lssl\n",
		  "link_library_not_found" },
		{ "error: linking with `rust-lld` failed: exit status: 1\n  = note: \"rust-lld\" \"-flavor\" \"gnu\" "
		  "\"/t/x.o\" \"-lfoo\"\n  = note: rust-lld: error: unable to find library -lfoo\n",
		  "link_library_not_found" },
		/*
		 * rust-lld's line alone: lld's ELF and wasm ports print the same "unable to find library -l%s"
		 * (lld/ELF/DriverUtils.cpp, lld/wasm/Driver.cpp), and embedded targets (thumbv7em-none-eabihf,
		 * riscv32imac) link with rust-lld too; nothing says the link was wasm's
		 */
		{ "  = note: rust-lld: error: unable to find library -lc++\n", "link_library_not_found" },
		{ "error: linking with `rust-lld` failed: exit status: 1\n  = note: rust-lld: error: unable to find "
		  "library -lc\n",
		  "link_library_not_found" },
	};

	check_named(t, cases, COUNT(cases));
	check_unknown(t, unknown, COUNT(unknown));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Wordings of the 27b round, from the tools' message catalogues, each from its format string.
 * Exceptions disabled: GCC's doing_eh (gcc/cp/except.cc, "exception handling disabled, use
 * %<-fexceptions%> to enable": plain quotes in the C locale, typographic ones in UTF-8, none before
 * GCC 4.8); libc++'s __throw_* without exceptions (libcxx/include/stdexcept, new, ios.cpp:
 * _LIBCPP_VERBOSE_ABORT("%s was thrown in -fno-exceptions mode[ with message \"%s\"]"), 15 on);
 * Emscripten's __cxa_throw without ASSERTIONS throwing the exception's address, which the browser
 * reports as a thrown number (Chrome's "Uncaught %s", Firefox's "uncaught exception: %s").
 * pyo3-build-config's checks of the PYO3_CROSS_* variables (src/impl_.rs: "%s is not valid a UTF-8
 * string" 0.15 on, "is not valid utf-8." 0.14, "PYO3_CROSS_LIB_DIR variable value is not a valid UTF-8
 * string"); maturin's (src/build_options.rs 0.15: context "Failed to find a {python_impl}
 * {major}.{minor} interpreter" over the bundled sysconfig; 1.x: "Python interpreter should be a kind of
 * interpreter (e.g. 'python3.8' or 'pypy3.9') when cross-compiling, got path to interpreter: {}",
 * "Unsupported Python interpreter for cross-compilation: {}; supported interpreters are ...").
 * cibuildwheel's validate_pyodide_target_python (cibuildwheel/platforms/pyodide.py: "The
 * `pyodide-version` option is set to {}, which provides Python {}, but the {} build needs Python {}.").
 * A missing Python.h in GCC's ("%s: No such file or directory"), clang's (err_pp_file_not_found,
 * "'%0' file not found") and MSVC's C1083 words.
 */
static void test_tune27b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "noexc.cpp:12:39: error: exception handling disabled, use '-fexceptions' to enable\n",
		  "cxx_exceptions_disabled" },
		{ "a.cpp:8:26: error: exception handling disabled, use \xe2\x80\x98-fexceptions\xe2\x80\x99 to "
		  "enable\n",
		  "cxx_exceptions_disabled" },
		{ "a.cpp: In function 'void f()':\na.cpp:3: error: exception handling disabled, use -fexceptions to "
		  "enable\n",
		  "cxx_exceptions_disabled" },
		{ "out_of_range was thrown in -fno-exceptions mode with message \"vector\"\nAborted(native code called "
		  "abort())\n",
		  "cxx_exceptions_disabled" },
		{ "bad_alloc was thrown in -fno-exceptions mode\n", "cxx_exceptions_disabled" },
		{ "ios_base::failure was thrown in -fno-exceptions mode with message \"basic_ios::clear\"\n",
		  "cxx_exceptions_disabled" },
		{ "Uncaught 5251064\n", "cxx_exceptions_disabled" },
		{ "uncaught exception: 5246032\n", "cxx_exceptions_disabled" },
		{ "  error: PYO3_CROSS_PYTHON_VERSION is not valid a UTF-8 string\n", "pyo3_cross_config" },
		{ "  error: PYO3_CROSS_PYTHON_VERSION is not valid utf-8.\n", "pyo3_cross_config" },
		{ "  error: PYO3_CROSS_LIB_DIR variable value is not a valid UTF-8 string\n", "pyo3_cross_config" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Failed to find a CPython 3.11 interpreter\n",
		  "pyo3_cross_config" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Python interpreter should be a kind of interpreter "
		  "(e.g. 'python3.8' or 'pypy3.9') when cross-compiling, got path to interpreter: /usr/bin/python3\n",
		  "pyo3_cross_config" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Unsupported Python interpreter for cross-compilation: "
		  "jython; supported interpreters are pypy, graalpy, and python (cpython)\n",
		  "pyo3_cross_config" },
		{ "cibuildwheel: error: The `pyodide-version` option is set to 0.27.7, which provides Python 3.12, but "
		  "the cp313-pyodide_wasm32 build needs Python 3.13.\n",
		  "host_python_mismatch" },
		/* the missing header in GCC's, clang's and MSVC's words, under setuptools' wrapper */
		{ "x.c:1:10: fatal error: Python.h: No such file or directory\n", "python_headers_missing" },
		{ "x.c:1:10: fatal error: 'Python.h' file not found\n#include <Python.h>\n         ^~~~~~~~~~\n1 error "
		  "generated.\nerror: command '/emsdk/upstream/emscripten/emcc' failed with exit code 1\n",
		  "python_headers_missing" },
		{ "x.c(1): fatal error C1083: Cannot open include file: 'Python.h': No such file or directory\n",
		  "python_headers_missing" },
	};
	/*
	 * near misses, each with the class it must not get: clang's Objective-C refusal
	 * (err_objc_exceptions_disabled, "cannot use '%0' with Objective-C exceptions disabled"); an
	 * exception thrown with exceptions on and not caught (libc++abi's "terminating due to uncaught
	 * exception of type %s: %s", libstdc++'s "terminate called without an active exception" for a
	 * joinable std::thread destroyed); a small number or an Error thrown from JS; a host without any Python
	 * (pyo3-build-config's run_python_script "failed to run the Python interpreter at {}: {}",
	 * find_interpreter's "no Python 3.x interpreter found", maturin's "Couldn't find any python
	 * interpreters. Please specify at least one with -i"), which native builds print too;
	 * cibuildwheel's PATH check, which is no version; another header whose name ends in Python.h, or
	 * another missing header before setuptools' "error: command 'emcc' failed"
	 */
	static const struct near_miss misses[] = {
		{ "a.m:3:3: error: cannot use '@try' with Objective-C exceptions disabled\n",
		  "cxx_exceptions_disabled" },
		{ "libc++abi: terminating due to uncaught exception of type std::out_of_range: vector\n",
		  "cxx_exceptions_disabled" },
		{ "terminate called without an active exception\nAborted (core dumped)\n", "cxx_exceptions_disabled" },
		{ "Uncaught 404\n", "cxx_exceptions_disabled" },
		{ "Uncaught Error: 5251064 bytes requested\n", "cxx_exceptions_disabled" },
		{ "  error: failed to run the Python interpreter at /usr/bin/python3: No such file or directory (os "
		  "error 2)\n",
		  "pyo3_cross_config" },
		{ "  error: no Python 3.x interpreter found\n", "pyo3_cross_config" },
		{ "\xf0\x9f\x92\xa5 maturin failed\n  Caused by: Couldn't find any python interpreters. Please specify "
		  "at least one with -i\n",
		  "pyo3_cross_config" },
		{ "Error: Failed to find a CPython 3.11 interpreter: run `uv python install 3.11`\n",
		  "pyo3_cross_config" },
		{ "cibuildwheel: error: python available on PATH doesn't match our venv instance. If you have modified "
		  "PATH, ensure that you don't overwrite cibuildwheel's entry or insert python above it.\n",
		  "host_python_mismatch" },
		{ "src/embed.c:3:10: fatal error: embedPython.h: No such file or directory\n",
		  "python_headers_missing" },
		{ "x.c:2:10: fatal error: 'numpy/arrayobject.h' file not found\nerror: command 'emcc' failed with exit "
		  "code 1\n",
		  "python_headers_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
	/*
	 * Emscripten's link refusal under DISABLE_EXCEPTION_THROWING (src/lib/libexceptions_stub.js):
	 * code that throws, linked with exceptions off (two readers of the label audit, 2026-12-06)
	 */
	CHECK_STR(classify1(t, -1,
			    "emscripten:ERROR: DISABLE_EXCEPTION_THROWING was set (likely due to -fno-exceptions), "
			    "which means no C++ exception throwing support code is linked in, but such support is "
			    "required by symbol '__cxa_throw'.\n",
			    NULL, NULL),
		  "cxx_exceptions_disabled");
}

/*
 * The 28th catalogue round: crash banners of the toolchain, Emscripten's memory and stack
 * wordings, each built from the format string of the tool's source (cited per group).
 */
static void test_tune28b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* llvm/lib/Support/ErrorHandling.cpp llvm_unreachable_internal: "UNREACHABLE executed at %s:%u!" */
		{ "UNREACHABLE executed at /b/s/w/ir/cache/builder/emscripten-releases/llvm-project/llvm/lib/"
		  "CodeGen/SelectionDAG/LegalizeTypes.cpp:954!\n",
		  "toolchain_crash" },
		/* binaryen src/support/utilities.cpp handle_unreachable: the same words */
		{ "unexpected type\nUNREACHABLE executed at /src/binaryen/src/wasm/wasm-type.cpp:612!\n",
		  "toolchain_crash" },
		/* clang/lib/Driver/Driver.cpp: err_drv_command_failed (exit code 128+SIGSEGV, 128+SIGABRT) */
		{ "clang-16: error: clang frontend command failed with exit code 139 (use -v to see invocation)\n",
		  "toolchain_crash" },
		{ "clang++: error: clang frontend command failed with exit code 134 (use -v to see invocation)\n",
		  "toolchain_crash" },
		/* llvm/lib/Support/Unix/Program.inc: "unable to execute command: " + strsignal(), macOS's words */
		{ "clang: error: unable to execute command: Abort trap: 6\n", "toolchain_crash" },
		{ "clang: error: unable to execute command: Segmentation fault: 11\n", "toolchain_crash" },
		/* emscripten tools/shared.py returncode_to_str: "returned %d", Windows' access violation 0xC0000005 */
		{ "emcc: error: 'C:/emsdk/upstream/bin/clang.exe -target wasm32-unknown-emscripten -c x.c' failed "
		  "(returned 3221225477)\n",
		  "toolchain_crash" },
		{ "em++: error: '/emsdk/upstream/bin/wasm-ld -o a.wasm a.o' failed (received SIGSEGV (-11))\n",
		  "toolchain_crash" },
		/* wasm-opt-rs (binaryen's Rust binding): OptimizationError::ValidateWasmOutput */
		{ "Error: Failed to validate wasm: error after opts\n", "toolchain_crash" },
		/* src/runtime_stack_check.js (and 1.38's preamble.js) checkStackCookie, bare as err() prints it */
		{ "Stack overflow! Stack cookie has been overwritten, expected hex dwords 0x89BACDFE and 0x02135467, "
		  "but received 0x00000000 0x00000000\n",
		  "wasm_stack_overflow" },
		/* fastcomp's src/preamble.js (1.38, 1.39 library.js) abortStackOverflow */
		{ "Stack overflow! Attempted to allocate 131088 bytes on the stack, but stack has only 65520 bytes "
		  "available!\n",
		  "wasm_stack_overflow" },
		/* 1.39-3.1 src/library.js: abort('stack overflow') */
		{ "Aborted(stack overflow)\n", "wasm_stack_overflow" },
		/* src/lib/libcore.js abortOnCannotGrowMemory with growth on, at MAXIMUM_MEMORY */
		{ "Aborted(Cannot enlarge memory arrays to size 2147549184 bytes (OOM). If you want malloc to return "
		  "NULL (0) instead of this abort, do not link with -sABORTING_MALLOC (that is, the default when "
		  "growth is enabled is to not abort, but you have overridden that))\n",
		  "memory_growth_limit" },
		/* 1.38's emcc.py and 1.39's src/preamble.js assert */
		{ "shared:ERROR: TOTAL_MEMORY must be larger than TOTAL_STACK, was 1048576 (TOTAL_STACK=5242880)\n",
		  "initial_memory_too_small" },
		{ "Assertion failed: INITIAL_MEMORY should be larger than TOTAL_STACK, was 1048576! "
		  "(TOTAL_STACK=5242880)\n",
		  "initial_memory_too_small" },
	};
	/*
	 * near misses, each with the class it must not get: a compiler killed for want of memory
	 * (clang's driver prints strsignal(SIGKILL), "Killed", then err_drv_command_signalled; 137 is
	 * 128+SIGKILL; emcc's returncode_to_str; cargo's "signal: 9, SIGKILL"; LLVM's bad-alloc handler
	 * before its own stack dump; libstdc++'s bad_alloc), a full disk, a timeout's SIGTERM, a user's
	 * own panic (a program's, a build script's), WasmFS's handle_unreachable inside the user's
	 * program; an engine's own call stack exhausted by deep recursion (V8's kStackOverflow,
	 * SpiderMonkey's JSMSG_OVER_RECURSED, wasmtime's and wasmer's Trap::StackOverflow), which no
	 * STACK_SIZE fixes, and a host's Rust stack; Emscripten's null-pointer write check next to the
	 * stack cookie's; an engine that cannot reserve a memory (too large, not too small) and one over
	 * its page limit; link.py's MAXIMUM_MEMORY below INITIAL_MEMORY
	 */
	static const struct near_miss misses[] = {
		{ "clang: error: unable to execute command: Killed\nclang: error: clang frontend command failed due "
		  "to signal (use -v to see invocation)\n",
		  "toolchain_crash" },
		{ "clang: error: clang frontend command failed with exit code 137 (use -v to see invocation)\n",
		  "toolchain_crash" },
		{ "emcc: error: '/emsdk/upstream/bin/wasm-opt a.wasm -O3' failed (received SIGKILL (-9))\n",
		  "toolchain_crash" },
		{ "error: could not compile `x` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc "
		  "--crate-name x` (signal: 9, SIGKILL: kill)\n",
		  "toolchain_crash" },
		{ "LLVM ERROR: out of memory\nAllocation failed\nPLEASE submit a bug report to "
		  "https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.\nStack dump:\n",
		  "toolchain_crash" },
		{ "terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc\n"
		  "Aborted (core dumped)\n",
		  "toolchain_crash" },
		{ "Killed\n", "toolchain_crash" },
		{ "LLVM ERROR: IO failure on output stream: No space left on device\n", "toolchain_crash" },
		{ "error: could not compile `x` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc "
		  "--crate-name x` (signal: 15, SIGTERM: termination signal)\n",
		  "toolchain_crash" },
		{ "thread 'main' panicked at src/main.rs:3:5:\nindex out of bounds: the len is 3 but the index is 5\n",
		  "toolchain_crash" },
		{ "thread 'main' panicked at build.rs:12:9:\nEMSDK not set\n", "toolchain_crash" },
		{ "UNREACHABLE executed at /emsdk/upstream/emscripten/system/lib/wasmfs/file.cpp:120!\n",
		  "toolchain_crash" },
		{ "RangeError: Maximum call stack size exceeded\n    at "
		  "wasm://wasm/0a1b2c3d:wasm-function[12]:0x1234\n",
		  "wasm_stack_overflow" },
		{ "InternalError: too much recursion\nf@http://localhost/a.wasm:wasm-function[3]:0x10\n",
		  "wasm_stack_overflow" },
		{ "Error: failed to run main module `x.wasm`\n\nCaused by:\n    0: failed to invoke command default\n"
		  "    1: error while executing at wasm backtrace:\n    2: wasm trap: call stack exhausted\n",
		  "wasm_stack_overflow" },
		{ "RuntimeError: call stack exhausted\n", "wasm_stack_overflow" },
		{ "thread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
		  "wasm_stack_overflow" },
		{ "Aborted(Runtime error: The application has corrupted its heap memory area (address zero)!)\n",
		  "wasm_stack_overflow" },
		{ "RangeError: WebAssembly.Memory(): could not allocate memory\n", "initial_memory_too_small" },
		{ "RangeError: WebAssembly.Memory(): could not allocate memory\n", "memory_growth_limit" },
		{ "RangeError: WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new "
		  "instance\n",
		  "memory_growth_limit" },
		{ "RangeError: WebAssembly.Memory(): Maximum memory size exceeded\n", "initial_memory_too_small" },
		{ "emcc: error: MAXIMUM_MEMORY cannot be less than INITIAL_MEMORY\n", "initial_memory_too_small" },
		{ "RuntimeError: memory access out of bounds\n", "memory_growth_limit" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Build and CI tools' own error lines (each tool's source cited at evidence.c's line_weight): with
 * nothing naming a class they are read as errors ("unclassified", the line told), a step's
 * failure as a wrapper under its cause; their warnings are no error.
 */
/* Batch 11's tune part: new classes' and families' wordings, from the tools' format strings. */
static void test_tune30_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* vite packages/vite/src/node/plugins/wasm.ts: a .wasm imported as an ES module */
		{ "Error: \"ESM integration proposal for Wasm\" is not supported currently. Use vite-plugin-wasm or "
		  "other "
		  "community plugins to handle this. Alternatively, you can use `.wasm?init` or `.wasm?url`.\n",
		  "bundler_wasm_import_unsupported" },
		/* webpack lib/ModuleParseError.js: a .wasm without a WebAssembly experiment (webpack 5) */
		{ "Module parse failed: Unexpected character '\\0' (1:0)\nThe module seem to be a WebAssembly module, "
		  "but "
		  "module is not flagged as WebAssembly module for webpack.\nBREAKING CHANGE: Since webpack 5 "
		  "WebAssembly "
		  "is not enabled by default and flagged as experimental feature.\n",
		  "bundler_wasm_import_unsupported" },
		/* glibc's loader tracing for ldd (elf/dl-load.c): "\t%s => not found\n" */
		{ "$ ldd /emsdk/upstream/bin/wasm-opt\n\tlinux-vdso.so.1 (0x00007ffd)\n\tlibatomic.so.1 => not found\n",
		  "host_shared_library_missing" },
		/* musl ldso/dynlink.c: "Error loading shared library %s: %m (needed by %s)" */
		{ "Error loading shared library libstdc++.so.6: No such file or directory (needed by /usr/bin/node)\n",
		  "host_shared_library_missing" },
		/* JavaScriptCore wasm/WasmSectionParser.cpp parseFunctionType: a value type it does not know */
		{ "CompileError: WebAssembly.Module doesn't parse at byte 23: can't get 1th Type's return value\n",
		  "engine_lacks_wasm_feature" },
		/* llvm/lib/Support/Unix/Signals.inc PrintStackTrace, its Linux frame form */
		{ "#9 0x000055d0c1a7f5e4 cc1_main(llvm::ArrayRef<char const*>, char const*, void*) "
		  "(/emsdk/upstream/bin/clang-19+0x1c7f5e4)\n",
		  "toolchain_crash" },
		/* rustc_resolve's E0659 ("`{}` could refer to the {} imported here") for globs of two platforms */
		{ "error[E0659]: `stdin` is ambiguous\n  = note: ambiguous because of multiple glob imports of a name "
		  "in "
		  "the same module\nnote: `stdin` could refer to the function imported here\n  --> src/sys/mod.rs:4:9\n"
		  "   |\n4  | pub use self::windows::*;\n   |         ^^^^^^^^^^^^^^^^\n",
		  "crate_target_cfg_overlap" },
	};
	static const struct near_miss others[] = {
		/* musl ldso/dynlink.c "Error relocating %s: %s: symbol not found": a symbol, not a library */
		{ "Error relocating /emsdk/upstream/bin/clang: backtrace: symbol not found\n",
		  "host_shared_library_missing" },
		/* CMake's check_library_exists: "Looking for %s in %s - not found" */
		{ "-- Looking for pthread_create in pthreads - not found\n", "host_shared_library_missing" },
		/* JavaScriptCore WasmSectionParser.cpp: a truncated module, no value type */
		{ "CompileError: WebAssembly.Module doesn't parse at byte 8: can't get Type section's count\n",
		  "engine_lacks_wasm_feature" },
		/* building clang itself names its driver's source file */
		{ "[ 12%] Building CXX object tools/clang/tools/driver/CMakeFiles/clang.dir/cc1_main.cpp.o\n"
		  "error: cannot open output file\n",
		  "toolchain_crash" },
		/* E0659 between two glob imports of the standard library: the crate's own imports */
		{ "error[E0659]: `Error` is ambiguous\nnote: `Error` could refer to the trait imported here\n"
		  "  --> src/lib.rs:3:5\n   |\n3  | use std::fmt::*;\n   |     ^^^^^^^^^^^\n",
		  "crate_target_cfg_overlap" },
		{ "error[E0659]: `parse` is ambiguous\nnote: `parse` could refer to the function imported here\n"
		  "  --> src/lib.rs:5:9\n   |\n5  | pub use crate::json::*;\n   |         ^^^^^^^^^^^^^^\n",
		  "crate_target_cfg_overlap" },
	};
	/* errors of the user's own setup: unclassified, with their line */
	static const struct unknown_wording unknown[] = {
		{ "  duplicate symbol: std::__2::__hash_memory(void const*, unsigned long)\n  >>> a.a(shim.cpp.o)\n",
		  "duplicate symbol: std::__2::__hash_memory(void const*, unsigned long)" },
		/* resolvo (pixi, rattler-build): src/conflict.rs */
		{ "  × Cannot solve the request because of: No candidates were found for zlib 9.9.*.\n",
		  "Cannot solve the request because of: No candidates were found for zlib 9.9.*." },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
	check_unknown(t, unknown, COUNT(unknown));
}

static void test_build_tool_error_lines(const struct classify_table *t)
{
	static const struct {
		const char *log, *line;
	} errors[] = {
		{ "gmake: *** No rule to make target 'install'.  Stop.\n",
		  "gmake: *** No rule to make target 'install'.  Stop." },
		{ "mingw32-make: *** [all] Error 2\n", "mingw32-make: *** [all] Error 2" },
		{ "/usr/bin/make[1]: *** [Makefile:12: x.o] Error 1\n",
		  "/usr/bin/make[1]: *** [Makefile:12: x.o] Error 1" },
		{ "[3/9] Building C object x.o\nFAILED: CMakeFiles/x.dir/x.c.o \nninja: build stopped: subcommand "
		  "failed.\n",
		  "FAILED: CMakeFiles/x.dir/x.c.o" },
		{ "CMake Error at CMakeLists.txt:3 (project):\n  No CMAKE_C_COMPILER could be found.\n",
		  "No CMAKE_C_COMPILER could be found." },
		/* the header alone, or a message CMake did not indent: the header is told */
		{ "CMake Error at CMakeLists.txt:3 (project):\n", "CMake Error at CMakeLists.txt:3 (project):" },
		{ "CMake Error in CMakeLists.txt:\nsomething else\n", "CMake Error in CMakeLists.txt:" },
		/* SCons' own error names its cause; a target's "Error 1" only says its command failed */
		{ "gcc -o x.o -c x.c\nscons: *** [bin/x.js] bin/y.js: No such file or directory\n"
		  "scons: building terminated because of errors.\n",
		  "scons: *** [bin/x.js] bin/y.js: No such file or directory" },
		{ "meson.build:3:0: ERROR: Dependency \"zlib\" not found, tried pkgconfig\n",
		  "meson.build:3:0: ERROR: Dependency \"zlib\" not found, tried pkgconfig" },
		{ "error An unexpected error occurred: \"https://registry.yarnpkg.com/x: Not found\".\n",
		  "error An unexpected error occurred: \"https://registry.yarnpkg.com/x: Not found\"." },
		{ "$ tsc\nerror Command failed with exit code 2.\n", "error Command failed with exit code 2." },
		{ " ERR_PNPM_NO_MATCHING_VERSION  No matching version found for x@9\n",
		  "ERR_PNPM_NO_MATCHING_VERSION  No matching version found for x@9" },
		{ " ELIFECYCLE  Command failed with exit code 1.\n", "ELIFECYCLE  Command failed with exit code 1." },
		{ "node:internal/process/promises:288\n            triggerUncaughtException(err, true /* fromPromise "
		  "*/);\n            ^\n\n[UnhandledPromiseRejection: This error originated either by throwing inside "
		  "of an async function without a catch block, or by rejecting a promise which was not handled with "
		  ".catch(). The promise rejected with the reason \"oops\".] {\n",
		  "[UnhandledPromiseRejection: This error originated either by throwing inside of an async function "
		  "without a catch block, or by rejecting a promise which was not handled with .catch(). The promise "
		  "rejected with the reason \"oops\".] {" },
		{ "##[error]Unable to locate executable file: emcc\n",
		  "##[error]Unable to locate executable file: emcc" },
		{ "##[error]Process completed with exit code 1.\n", "##[error]Process completed with exit code 1." },
		{ "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2\n",
		  "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2" },
		{ "Error response from daemon: pull access denied for x, repository does not exist\n",
		  "Error response from daemon: pull access denied for x, repository does not exist" },
		{ "panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\n",
		  "panic: runtime error: index out of range [3] with length 3" },
		{ "Exception in thread \"main\" java.lang.IllegalStateException: boom\n",
		  "Exception in thread \"main\" java.lang.IllegalStateException: boom" },
	};
	static const char *const clean[] = {
		"npm WARN deprecated x@1.0.0: use y\n",
		"CMake Warning at CMakeLists.txt:3 (message):\n  x\n",
		"meson.build:3: WARNING: Project targets '>=1' but uses feature deprecated since '0.5'\n",
		"##[warning]Node.js 16 actions are deprecated.\n",
		"warning Resolution field \"x@1\" is incompatible with requested version \"x@2\"\n",
		" WARN  deprecated x@1.0.0\n",
		"make: Nothing to be done for 'all'.\n",
		"ninja: no work to do.\n",
	};

	for (size_t i = 0; i < COUNT(errors); i++) {
		CHECK_STR(classify1(t, -1, errors[i].log, NULL, NULL), "unclassified");
		CHECK_STR(telling(errors[i].log), errors[i].line);
	}
	for (size_t i = 0; i < COUNT(clean); i++)
		CHECK_STR(classify1(t, -1, clean[i], NULL, NULL), "none");
	/* a step's failure is a wrapper: the compiler's error above it is told */
	CHECK_STR(telling("x.c:1:1: error: unknown type name 'foo'\nninja: build stopped: subcommand failed.\n"
			  "make: *** [all] Error 1\n"),
		  "x.c:1:1: error: unknown type name 'foo'");
}

/*
 * Near misses of the ninth and tenth batches' wordings: another cause that prints the same text,
 * each with the class it must not get.
 */
static void test_batch9_10_near_misses(const struct classify_table *t)
{
	static const struct near_miss misses[] = {
		/*
		 * wasm-bindgen's CLI refusing a module: walrus's (wasmparser's) error under its context
		 * "failed to deserialize wasm module" (crates/cli-support), printed by main as "error: {:?}";
		 * a build tool's parser, not an engine
		 */
		{ "error: failed to deserialize wasm module\n\nCaused by:\n    0: failed to parse code section\n    1: "
		  "bulk memory support is not enabled (at offset 0x2b1)\n",
		  "engine_lacks_wasm_feature" },
		/*
		 * wasm-tools validate (its context "func {} failed to validate", wasm-tools#668) without the
		 * feature among its --features: a validator's options, not an engine
		 */
		{ "error: func 3 failed to validate\n\nCaused by:\n    0: exceptions support is not enabled (at offset "
		  "0x1f4)\n",
		  "engine_lacks_wasm_feature" },
		/*
		 * cargo-contract's post-processing with parity-wasm (its contexts "Loading of original wasm
		 * failed", "Loading of wasm module at '%s' failed", with parity-wasm's Debug of the error): a
		 * build tool, not the node that runs the contract
		 */
		{ "ERROR: Loading of original wasm failed: Loading of wasm module at '/p/target/ink/"
		  "wasm32-unknown-unknown/release/oracle.wasm' failed: UnknownOpcode(192)\n",
		  "wasm_tool_feature_not_enabled" },
		/*
		 * Firefox's structured clone refusing shared memory on a window's postMessage (js.msg
		 * JSMSG_SC_NOT_CLONABLE_WITH_COOP_COEP, "The %s object cannot be serialized. ..." with its DOM
		 * binding's "Window.postMessage: " prefix): an isolated page posting to a cross-origin frame, of
		 * another agent cluster, is refused the same; only a worker of the page says the headers lack
		 */
		{ "Uncaught DOMException: Window.postMessage: The SharedArrayBuffer object cannot be serialized. The "
		  "Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy HTTP headers can be used to enable "
		  "this.\n",
		  "cross_origin_isolation_missing" },
		/*
		 * undici's "unknown scheme" for any URL whose scheme it lacks: a Windows user's own
		 * fetch("localhost:3000/api") (the host read as a scheme), Node 18's trace format
		 * (ceifa/wasmoon#50); no Emscripten glue fetches a .wasm in it
		 */
		{ "TypeError: fetch failed\n    at Object.processResponse (node:internal/deps/undici/undici:5575:34)\n "
		  "   "
		  "at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {\n  cause: Error: "
		  "unknown scheme\n      at makeNetworkError (node:internal/deps/undici/undici:4675:51)\n      at "
		  "schemeFetch (node:internal/deps/undici/undici:5877:18)\n      at fetch "
		  "(node:internal/bootstrap/pre_execution:199:25)\n      at main (C:\\Users\\me\\app\\index.js:3:21)\n",
		  "node_fetch_file_url" },
	};
	static const struct wording cases[] = {
		/* the old glue's own fetch of its .wasm, on Windows */
		{ "TypeError: fetch failed\n    at Object.processResponse (node:internal/deps/undici/undici:5575:34) "
		  "{\n  "
		  "cause: Error: unknown scheme\n      at makeNetworkError (node:internal/deps/undici/undici:4675:51)\n"
		  "      at fetch (node:internal/bootstrap/pre_execution:199:25)\n      at instantiateAsync "
		  "(C:\\w\\build\\app.js:1421:16)\n",
		  "node_fetch_file_url" },
	};

	check_near_misses(t, misses, COUNT(misses));
	check_named(t, cases, COUNT(cases));
}

/*
 * The telling line is a cause, not a step that failed because of it:
 * wrappers of every form weigh less than any error a tool printed.
 */
static void test_wrappers_tell_nothing(const struct classify_table *t)
{
	static const struct unknown_wording cases[] = {
		/* wasm-pack (src/build/mod.rs) after cargo's errors */
		{ ("error[E0432]: unresolved import `foo`\n --> src/lib.rs:1:5\n"
		   "error: could not compile `bar` (lib) due to 1 previous error\n"
		   "Error: Compiling your crate to WebAssembly failed\n"
		   "Caused by: failed to execute `cargo build`: exited with exit status: 101\n"),
		  "error[E0432]: unresolved import `foo`" },
		/* cargo install: its chain ends in another wrapper */
		{ ("error[E0432]: unresolved import `foo`\n --> src/lib.rs:1:5\n"
		   "error: failed to compile `bar v0.1.0`, intermediate artifacts can be found at `/tmp/x`.\n\n"
		   "Caused by:\n  could not compile `bar` (lib) due to 1 previous error\n"),
		  "error[E0432]: unresolved import `foo`" },
		/* pip around a build's output (src/pip/_internal/exceptions.py) */
		{ ("  error: subprocess-exited-with-error\n  \n"
		   "  \xc3\x97 Building wheel for foo (pyproject.toml) did not run successfully.\n  \xe2\x94\x82 exit "
		   "code: 1\n"
		   "  \xe2\x95\xb0\xe2\x94\x80> [1 lines of output]\n      src/a.c:1:2: error: unknown type name "
		   "'foo'\n"),
		  "src/a.c:1:2: error: unknown type name 'foo'" },
		/* Node's child_process, Python's subprocess, a CI runner's step */
		{ "a.c:1:2: error: unknown type name 'foo'\nError: Command failed: emcc a.c\n",
		  "a.c:1:2: error: unknown type name 'foo'" },
		{ ("a.c:1:2: error: unknown type name 'foo'\nTraceback (most recent call last):\n"
		   "  File \"b.py\", line 1, in <module>\n"
		   "subprocess.CalledProcessError: Command '['emcc', 'a.c']' returned non-zero exit status 1.\n"),
		  "a.c:1:2: error: unknown type name 'foo'" },
		{ "a.c:1:2: error: unknown type name 'foo'\nError: Process completed with exit code 1.\n",
		  "a.c:1:2: error: unknown type name 'foo'" },
		/* what Emscripten printed before an abort() without a reason */
		{ "Assertion failed: x > 0, file a.c, line 3\nUncaught RuntimeError: Aborted(). Build with "
		  "-sASSERTIONS for "
		  "more info.\n",
		  "Assertion failed: x > 0, file a.c, line 3" },
		/* npm's script failure under the script's own error */
		{ "ERROR: wasm-opt failed\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 1\n", "ERROR: wasm-opt failed" },
	};
	struct classify_result r;

	check_unknown(t, cases, COUNT(cases));
	/* a wrapper alone is still what a log tells */
	CHECK_STR(run1(t, -1, "Error: Compiling your crate to WebAssembly failed\n", NULL, NULL, &r), "unclassified");
	CHECK_STR(r.nlines ? r.lines[0] : "(none)", "Error: Compiling your crate to WebAssembly failed");
	classify_result_release(&r);
}

/*
 * A pattern is skipped on a log without the text every match of it contains,
 * and sees lines of at most 4 KiB: neither may lose a match. Each pattern
 * (JSON-escaped) with a log it matches whose text differs from the pattern's
 * plain runs where they are optional, repeated, escaped or in another case.
 */
static void test_required_text(void)
{
	static const struct {
		const char *regex, *log;
	} cases[] = {
		{ "abc\\\\.?def", "xx abcdef yy" },
		{ "abc\\\\.?def", "abc.def" },
		{ "colou?r mismatch", "color mismatch" },
		{ "x(yz|w)+ end", "xwyzw end" },
		{ "(?i)Hello World", "HELLO WORLD" },
		{ "a[.]bc+d", "a.bcccd" },
		{ "lib\\\\+\\\\+ missing", "lib++ missing" },
		{ "ab{2}c", "abbc" },
		{ "one|two words", "two words" },
		{ "error: .*undefined symbol: f", "error: x undefined symbol: f" },
		{ "^start here", "start here" },
		{ "tail here$", "a tail here" },
		{ "new line\\nnext", "new line\nnext" },
	};
	char table[512];
	struct strbuf log = { 0 };
	struct classify_table *t;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		snprintf(table, sizeof(table),
			 "{\"schema\":\"emcompat-signatures/1\",\"classes\":[" CLASS(x) ",\"patterns\":[\"%s\"]}]}",
			 cases[i].regex);
		t = load_text(table);
		CHECK(t != NULL);
		if (!t)
			continue;
		if (strcmp(classify1(t, -1, cases[i].log, NULL, NULL), "c_x") != 0)
			fprintf(stderr, "required text: /%s/ lost %s\n", cases[i].regex, cases[i].log);
		CHECK_STR(classify1(t, -1, cases[i].log, NULL, NULL), "c_x");
		classify_free(t);
	}

	/* the cause at the end of a 1 MiB line of junk, and at its start */
	t = load_text("{\"schema\":\"emcompat-signatures/1\",\"classes\":[" CLASS(x) ",\"patterns\":[\"error: "
										     ".*undefined symbol: f\"]}]}");
	CHECK(t != NULL);
	while (log.len < 1 << 20)
		strbuf_addstr(&log, "error: noise ");
	strbuf_addstr(&log, "error: x undefined symbol: f\n");
	CHECK_STR(t ? classify1(t, -1, strbuf_str(&log), NULL, NULL) : "(no table)", "c_x");
	strbuf_release(&log);
	strbuf_addstr(&log, "error: x undefined symbol: f ");
	while (log.len < 1 << 20)
		strbuf_addstr(&log, "error: noise ");
	CHECK_STR(t ? classify1(t, -1, strbuf_str(&log), NULL, NULL) : "(no table)", "c_x");
	strbuf_release(&log);
	classify_free(t);
}

static void test_result_shape(void)
{
	struct classify_table *t = load_text(
		"{\"schema\":\"emcompat-signatures/1\",\"classes\":[\n"
		"{\"id\":\"c_two\",\"stages\":[\"run\"],\"title\":\"T\",\"explain\":\"E\",\"fix\":\"F\",\n"
		" \"refs\":[\"a/b#1\"],\"patterns\":[\"first thing\",\"second thing\"]}\n"
		"]}");
	struct classify_result r;

	if (!t) {
		CHECK(t != NULL);
		return;
	}
	CHECK_STR(run1(t, -1, "noise\n  second thing here  \nfirst thing there\n", NULL, NULL, &r), "c_two");
	CHECK_INT(r.kind, CLASSIFY_MATCHED);
	CHECK(r.cls == classify_find(t, "c_two"));
	CHECK_INT(r.nlines, 2);
	if (r.nlines == 2) {
		CHECK_STR(r.lines[0], "first thing there");
		CHECK_STR(r.lines[1], "second thing here");
	}
	CHECK_STR(r.summary, "T: first thing there");
	CHECK_STR(r.cls->refs[0], "a/b#1");
	classify_result_release(&r);

	/* Colours, CRs and CI timestamps are dropped before matching and quoting. */
	CHECK_STR(run1(t, -1, "2024-05-01T10:00:00.1234567Z \x1b[1m\x1b[31mfirst\x1b[0m thing\r\n", NULL, NULL, &r),
		  "c_two");
	CHECK_STR(r.lines[0], "first thing");
	classify_result_release(&r);

	/* A NUL byte does not hide what follows it. */
	{
		const char log[] = "x\0y\nfirst thing\n";
		const char *logs[] = { log };
		size_t lens[] = { sizeof(log) - 1 };
		struct classify_input in = { .stage = -1, .logs = logs, .lens = lens, .nlogs = 1 };

		CHECK_INT(classify_run(t, &in, &r), 0);
		CHECK_STR(r.id, "c_two");
		classify_result_release(&r);
	}

	/* Unclassified and none. */
	CHECK_STR(run1(t, -1, "all good\nwarning: unused variable: `x`\n", NULL, NULL, &r), "none");
	CHECK_INT(r.kind, CLASSIFY_CLEAN);
	CHECK_STR(r.summary, "no error in the log");
	CHECK_INT(r.nlines, 0);
	classify_result_release(&r);
	{
		const char *log = "step 1\nstep 2 went wrong somehow\n\n";
		struct classify_input in = { .stage = -1, .logs = &log, .nlogs = 1, .failed = 1 };

		CHECK_INT(classify_run(t, &in, &r), 0);
		CHECK_STR(r.id, "unclassified");
		CHECK_STR(r.summary, "step 2 went wrong somehow");
		classify_result_release(&r);
		log = "";
		CHECK_INT(classify_run(t, &in, &r), 0);
		CHECK_STR(r.id, "unclassified");
		CHECK_STR(r.summary, "failed without any output");
		classify_result_release(&r);
		in.stage = STAGE_COUNT;
		error_clear();
		CHECK_INT(classify_run(t, &in, &r), -1);
		classify_result_release(&r);
	}
	CHECK_STR(run1(t, -1, "LinkError: import object field 'x' is not a Function\n", NULL, NULL, &r),
		  "unclassified");
	CHECK_INT(r.kind, CLASSIFY_UNKNOWN);
	CHECK_STR(r.summary, "LinkError: import object field 'x' is not a Function");
	classify_result_release(&r);
	classify_free(t);
}

static char *telling(const char *text)
{
	static char buf[1024];
	char *s = classify_telling_line(text, strlen(text));

	snprintf(buf, sizeof(buf), "%s", s ? s : "(none)");
	free(s);
	return buf;
}

static void test_telling_line(void)
{
	/* The cause beats the wrapper that reports it. */
	CHECK_STR(telling("error: linking with `emcc` failed: exit status: 1\n"
			  "  = note: \"emcc\" \"-o\" \"x.wasm\"\n"
			  "  = note: wasm-ld: error: duplicate symbol: foo\n"
			  "error: could not compile `probe` (lib) due to 1 previous error\n"),
		  "= note: wasm-ld: error: duplicate symbol: foo");
	CHECK_STR(telling("emcc: error: '/usr/bin/wasm-ld -o a.wasm' failed (returned 1)\n"),
		  "emcc: error: '/usr/bin/wasm-ld -o a.wasm' failed (returned 1)");
	/* An error word at the very end of a log that is not NUL-terminated
	 * (ASan catches a read past it; found by fuzz_logs). */
	{
		char *b = malloc(10), *line;

		memcpy(b, "x: error: ", 10);
		line = classify_telling_line(b, 10);
		CHECK_STR(line, "x: error:");
		free(line);
		free(b);
	}
	/* The first error line wins among equals. */
	CHECK_STR(telling("a.c:1:2: error: first\nb.c:3:4: error: second\n"), "a.c:1:2: error: first");
	CHECK_STR(telling("error[E0425]: cannot find value `x` in this scope\n"),
		  "error[E0425]: cannot find value `x` in this scope");
	/* A JS exception beats an error: line; the console's "Uncaught (in promise) " is no part of it. */
	CHECK_STR(telling("error: something\nUncaught (in promise) RuntimeError: unreachable\n    at f (a.js:1)\n"),
		  "RuntimeError: unreachable");

	/* A Python traceback's last line. */
	CHECK_STR(telling("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
			  "    import foo\nModuleNotFoundError: No module named 'foo'\n"),
		  "ModuleNotFoundError: No module named 'foo'");
	/* Rust panics, old and new format. */
	CHECK_STR(telling("thread 'main' panicked at 'explicit panic', src/main.rs:2:5\n"),
		  "thread 'main' panicked at 'explicit panic', src/main.rs:2:5");
	CHECK_STR(telling("  Compiling x\nthread 'main' panicked at src/main.rs:4:5:\nattempt to add with "
			  "overflow\nnote: run with\n"),
		  "thread 'main' panicked at src/main.rs:4:5: attempt to add with overflow");
	CHECK_STR(telling("LLVM ERROR: Cannot select: intrinsic %llvm.wasm.throw\n"),
		  "LLVM ERROR: Cannot select: intrinsic %llvm.wasm.throw");
	CHECK_STR(telling("npm ERR! code ENOENT\n"), "npm ERR! code ENOENT");
	/* A root cause (an OS error, an HTTP failure, a chain's last cause) beats what wraps it. */
	CHECK_STR(telling("/usr/bin/ld: final link failed: No space left on device\n"
			  "clang: error: linker command failed with exit code 1\nmake: *** [all] Error 1\n"),
		  "/usr/bin/ld: final link failed: No space left on device");
	CHECK_STR(telling("npm ERR! command sh -c node ./install.js\n"
			  "npm ERR! Error fetching release: Request failed with status code 502\n"),
		  "npm ERR! Error fetching release: Request failed with status code 502");
	CHECK_STR(telling("error: failed to get `x` as a dependency of package `y v0.1.0`\n\nCaused by:\n"
			  "  failed to load source for dependency `x`\n\nCaused by:\n  Unable to update registry\n"
			  "\nCaused by:\n  [6] Could not resolve hostname (Could not resolve host: example.org)\n"),
		  "[6] Could not resolve hostname (Could not resolve host: example.org)");
	CHECK_STR(telling("Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to invoke\n"
			  "    1: error while executing at wasm backtrace:\n           0:  0x9 - <unknown>!f\n"
			  "    2: wasm trap: call stack exhausted\n"),
		  "wasm trap: call stack exhausted");
	/* a wrapper's causes, and a head that already quotes its cause, stay under it */
	CHECK_STR(telling("error: failed to run custom build command for `x v1.0.0`\n\nCaused by:\n"
			  "  process didn't exit successfully: `build-script-build` (exit status: 1)\n"),
		  "error: failed to run custom build command for `x v1.0.0`");
	CHECK_STR(telling("ERROR fetch failed err=registry error: denied\n\nCaused by:\n    registry error: denied\n"),
		  "ERROR fetch failed err=registry error: denied");
	/* under a failure said in words, a cause is the telling line; as a warning or a comment, no error */
	CHECK_STR(telling("download failed\nCaused by: [56] Recv failure: Connection reset by peer\n"),
		  "Caused by: [56] Recv failure: Connection reset by peer");
	CHECK_STR(telling("warning: spurious network error: Connection refused\n# note: No space left on device\n"
			  "HTTP 200 OK\nstatus code 2044 of 4040\n"),
		  "(none)");
	/* Warnings, notices and successes are no errors. */
	CHECK_STR(telling("warning: unused variable: `error`\nDeprecationWarning: x is deprecated\n"
			  "npm notice New minor version\n    Finished `release` profile\n"
			  "test result: ok. 3 passed; 0 failed\n(node:1) ExperimentalWarning: fetch\n"
			  "emcc: warning: foo [-Wversion-check]\nclang: warning: argument unused: -x error\n"),
		  "(none)");
	/* Long lines are cut. */
	{
		char big[2000];

		memset(big, 'x', sizeof(big));
		memcpy(big, "TypeError: ", 11);
		big[sizeof(big) - 1] = '\0';
		CHECK_INT((long long)strlen(telling(big)), 303);
	}
}

struct thread_arg {
	const struct classify_table *t;
	int mismatches;
};

static void *thread_main(void *p)
{
	struct thread_arg *a = p;
	static const char *const logs[] = {
		"wasm-ld: error: unknown file type: lib.rmeta\n",
		"TypeError: Failed to parse URL from /x/main.wasm\n",
		"Error: Dynamic linking error: cannot resolve symbol invoke_iii\n",
		"all fine\n",
	};
	static const char *const want[] = {
		"lib_rmeta_whole_archive",
		"node_fetch_file_url",
		"js_eh_invoke_missing",
		"none",
	};

	for (int i = 0; i < 400; i++) {
		struct classify_result r;
		struct classify_input in = { .stage = -1, .logs = &logs[i % 4], .nlogs = 1 };

		if (classify_run(a->t, &in, &r) || strcmp(r.id, want[i % 4]) != 0)
			a->mismatches++;
		classify_result_release(&r);
	}
	return NULL;
}

static void test_threads_and_speed(const struct classify_table *t)
{
	pthread_t th[4];
	struct thread_arg args[4];
	struct strbuf big = { 0 };
	struct classify_result r;
	struct timespec t0, t1;
	const char *log;
	struct classify_input in = { .stage = -1, .nlogs = 1, .failed = 1 };

	for (int i = 0; i < 4; i++) {
		args[i].t = t;
		args[i].mismatches = 0;
		pthread_create(&th[i], NULL, thread_main, &args[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		CHECK_INT(args[i].mismatches, 0);
	}

	/* A capped 4 MiB log of noise with the cause at the end: reported, not asserted. */
	while (big.len < 4 << 20)
		strbuf_addstr(&big,
			      "   Compiling some-crate v0.1.0 (/src/some-crate): note: lorem ipsum dolor sit amet\n");
	strbuf_addstr(&big, "wasm-ld: error: unknown file type: lib.rmeta\n");
	log = strbuf_str(&big);
	in.logs = &log;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(classify_run(t, &in, &r), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK_STR(r.id, "lib_rmeta_whole_archive");
	printf("classifying a 4 MiB log against %zu classes: %.0f ms\n", classify_count(t),
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	classify_result_release(&r);
	strbuf_release(&big);
}

/* ---- the corpus ---- */

struct corpus_case {
	char *file;
	char *source, *stage, *expect, *axes, *findings, *line, *date, *cause;
	const char *body;
	size_t body_len;
	char *text;
};

static int parse_case(struct corpus_case *c, const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *p;
	size_t len;

	memset(c, 0, sizeof(*c));
	c->file = xstrdup(name);
	error_clear();
	if (read_file(path, &c->text, &len)) {
		fprintf(stderr, "%s\n", error_message());
		free(path);
		return -1;
	}
	free(path);
	p = c->text;
	while (strncmp(p, "# ", 2) == 0) {
		char *eol = strchr(p, '\n'), *colon = strchr(p, ':'), **slot = NULL;

		if (!eol || !colon || colon > eol)
			break;
		*eol = '\0';
		if (strncmp(p + 2, "source:", 7) == 0)
			slot = &c->source;
		else if (strncmp(p + 2, "stage:", 6) == 0)
			slot = &c->stage;
		else if (strncmp(p + 2, "expect:", 7) == 0)
			slot = &c->expect;
		else if (strncmp(p + 2, "axes:", 5) == 0)
			slot = &c->axes;
		else if (strncmp(p + 2, "findings:", 9) == 0)
			slot = &c->findings;
		else if (strncmp(p + 2, "line:", 5) == 0)
			slot = &c->line;
		else if (strncmp(p + 2, "date:", 5) == 0)
			slot = &c->date;
		else if (strncmp(p + 2, "cause:", 6) == 0)
			slot = &c->cause;
		else if (strncmp(p + 2, "note:", 5) != 0)
			fprintf(stderr, "%s: unknown header '%s'\n", name, p);
		if (slot)
			*slot = colon + 2;
		p = eol + 1;
	}
	if (*p == '\n')
		p++;
	c->body = p;
	c->body_len = len - (size_t)(p - c->text);
	return c->source && c->stage && c->expect ? 0 : -1;
}

/*
 * The class that tests/classify/known-misses.txt says NAME gets instead of
 * its expected one (a "case got why" line), or NULL. Caller frees.
 */
static char *known_miss(const char *list, const char *name)
{
	size_t n = strlen(name);

	const char *p = list;

	while (p && *p) {
		const char *got = p + n;

		if (strncmp(p, name, n) == 0 && (*got == ' ' || *got == '\t')) {
			got += strspn(got, " \t");
			return xstrndup(got, strcspn(got, " \t\n"));
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

/*
 * Whether ID is a class that tests/classify/NEW-CLASSES.md (its text in LIST)
 * proposes ("## ID" heading): a case may expect it, and a `cause` may name it,
 * before the table has it (the class is added from tune cases only).
 */
static int is_proposed(const char *list, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = list; p && *p;) {
		if (strncmp(p, "## ", 3) == 0 && strncmp(p + 3, id, n) == 0 && (p[3 + n] == '\n' || p[3 + n] == '\0'))
			return 1;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in DIR that end in SUFFIX, sorted, in a new array of *N new
 * strings (caller frees each and the array); NULL if DIR cannot be read.
 */
static char **names_ending(const char *dir, const char *suffix, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0, sl = strlen(suffix);

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if (l > sl && strcmp(e->d_name + l - sl, suffix) == 0) {
			xgrow(&names, &cap, *n + 1, sizeof(*names));
			names[(*n)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (!names)
		names = xcalloc(1, sizeof(*names));
	qsort(names, *n, sizeof(*names), by_name);
	return names;
}

/*
 * What a paste may put before every line: a quote, a Compose service, a
 * stream tag, an indent, BuildKit's step, a task runner's label (Turborepo,
 * pnpm, Yarn Berry, Cloud Build), git's sideband, a host's clock (Netlify,
 * Cloudflare Pages, Go's log), concurrently's process label.
 */
static const char *const paste_prefixes[] = {
	"> ",
	"web-1  | ",
	"[stderr] ",
	"    ",
	"#12 3.456 ",
	"web:build: ",
	"packages/core build: ",
	"\xe2\x9e\xa4 YN0000: ",
	"Step #1: ",
	"remote: ",
	"3:41:52 PM: ",
	"19:52:59.639\t",
	"2022/06/26 21:48:19 ",
	"[0] ",
};

/* The ways of pasting: each prefix, then typographic quotes, then colors whose ESC was lost. */
#define PASTE_WAYS (sizeof(paste_prefixes) / sizeof(*paste_prefixes) + 2)

/* Byte C of a log pasted by WAY, appended to B. */
static void paste_byte(struct strbuf *b, char c, size_t way)
{
	size_t np = sizeof(paste_prefixes) / sizeof(*paste_prefixes);

	if (way == np && c == '\'')
		strbuf_addstr(b, "\xe2\x80\x99");
	else if (way == np && c == '"')
		strbuf_addstr(b, "\xe2\x80\x9d");
	else if (way == np + 1 && c == ':')
		strbuf_addstr(b, "[0m:[1m");
	else
		strbuf_addch(b, c);
}

/* BODY as a user may paste it (by WAY, 0 to PASTE_WAYS - 1), in a new string. */
static char *repaste(const char *body, size_t len, size_t way)
{
	struct strbuf b = { 0 };

	way %= PASTE_WAYS;
	for (const char *p = body, *end = body + len; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (!eol)
			eol = end;
		if (way < PASTE_WAYS - 2)
			strbuf_addstr(&b, paste_prefixes[way]);
		for (const char *q = p; q < eol; q++)
			paste_byte(&b, *q, way);
		strbuf_addch(&b, '\n');
		p = eol + 1;
	}
	return b.len ? strbuf_detach(&b) : xstrdup("");
}

/* Whether INPUT's log, pasted by WAY, gets the class ID. */
static int same_when_repasted(const struct classify_table *t, const struct classify_input *input, size_t way,
			      const char *id)
{
	struct classify_input in = *input;
	struct classify_result r;
	char *text = repaste(input->logs[0], input->lens[0], way);
	const char *logs[1] = { text };
	size_t lens[1] = { strlen(text) };
	int same;

	in.logs = logs;
	in.lens = lens;
	same = classify_run(t, &in, &r) == 0 && strcmp(r.id, id) == 0;
	if (!same)
		fprintf(stderr, "pasted by way %zu: classified as %s, as printed %s\n", way % PASTE_WAYS,
			r.id ? r.id : "-", id);
	classify_result_release(&r);
	free(text);
	return same;
}

/* Each case is listed in known-misses.txt at most once (run-corpus.sh keeps the last, this file the first). */
static void check_misses_listed_once(const char *list)
{
	for (const char *p = list; p && *p;) {
		const char *eol = strchr(p, '\n'), *sp = strchr(p, ' ');

		if (*p != '#' && sp && (!eol || sp < eol)) {
			size_t n = (size_t)(sp - p);

			for (const char *q = eol ? eol + 1 : NULL; q && *q;) {
				const char *qe = strchr(q, '\n');

				if (strncmp(q, p, n) == 0 && q[n] == ' ') {
					fprintf(stderr, "known-misses.txt lists %.*s twice\n", (int)n, p);
					check_failures++;
				}
				q = qe ? qe + 1 : NULL;
			}
		}
		p = eol ? eol + 1 : NULL;
	}
}

static void test_corpus(const struct classify_table *t)
{
	char *dir = xasprintf("%s/tests/classify", source_dir());
	char *misses_path = xasprintf("%s/known-misses.txt", dir), *misses = NULL;
	char *proposed_path = xasprintf("%s/NEW-CLASSES.md", dir), *proposed = NULL;
	size_t misses_len, proposed_len;
	size_t n = 0, benign = 0, false_pos = 0, unclassified = 0;
	char **names = names_ending(dir, ".log", &n);
	size_t *per_class = xcalloc(classify_count(t), sizeof(*per_class));

	CHECK(names != NULL);
	if (!names) {
		free(dir);
		free(per_class);
		return;
	}
	CHECK_INT(read_file(misses_path, &misses, &misses_len), 0);
	check_misses_listed_once(misses);
	CHECK_INT(read_file(proposed_path, &proposed, &proposed_len), 0);

	for (size_t i = 0; i < n; i++) {
		struct corpus_case c;
		struct classify_result r;
		const char *logs[1];
		size_t lens[1];
		struct classify_input in = { .stage = -1, .logs = logs, .lens = lens, .nlogs = 1 };
		struct classify_fact facts[16];
		const char *findings[16];
		char *save, *axes, *fl, *miss;
		const struct classify_class *want;

		if (parse_case(&c, dir, names[i])) {
			fprintf(stderr, "%s: needs '# source:', '# stage:' and '# expect:' headers\n", names[i]);
			check_failures++;
			free(c.file);
			free(c.text);
			continue;
		}
		/* the corpus's share of 2024-2026 threads is counted from it (README.md) */
		if (c.date && !(strlen(c.date) >= 4 && isdigit((unsigned char)c.date[0]) &&
				isdigit((unsigned char)c.date[1]) && isdigit((unsigned char)c.date[2]) &&
				isdigit((unsigned char)c.date[3]) && (c.date[4] == '\0' || c.date[4] == '-'))) {
			fprintf(stderr, "%s: date '%s' is not YYYY or YYYY-MM[-DD]\n", names[i], c.date);
			check_failures++;
		}
		/* a stage of the user's own pipeline restricts nothing (as classify --stage) */
		if (strcmp(c.stage, "any") != 0 && strcmp(c.stage, "configure") != 0 && strcmp(c.stage, "build") != 0 &&
		    strcmp(c.stage, "install") != 0 && strcmp(c.stage, "test") != 0 && strcmp(c.stage, "none") != 0) {
			in.stage = stage_from_name(c.stage);
			if (in.stage < 0) {
				fprintf(stderr, "%s: unknown stage '%s'\n", names[i], c.stage);
				check_failures++;
			}
		}
		axes = c.axes ? xstrdup(c.axes) : NULL;
		for (char *kv = axes ? strtok_r(axes, ",", &save) : NULL; kv && in.nfacts < 16;
		     kv = strtok_r(NULL, ",", &save)) {
			char *eq = strchr(kv, '=');

			if (!eq)
				continue;
			*eq = '\0';
			facts[in.nfacts].key = kv;
			facts[in.nfacts++].value = eq + 1;
		}
		in.facts = facts;
		fl = c.findings ? xstrdup(c.findings) : NULL;
		for (char *f = fl ? strtok_r(fl, ",", &save) : NULL; f && in.nfindings < 16;
		     f = strtok_r(NULL, ",", &save))
			findings[in.nfindings++] = f;
		in.findings = findings;
		logs[0] = c.body;
		lens[0] = c.body_len;

		want = classify_find(t, c.expect);
		if (!want && strcmp(c.expect, CLASSIFY_NONE) != 0 && strcmp(c.expect, CLASSIFY_UNCLASSIFIED) != 0 &&
		    !is_proposed(proposed, c.expect)) {
			fprintf(stderr, "%s: expects '%s', which neither the table nor NEW-CLASSES.md has\n", names[i],
				c.expect);
			check_failures++;
		}
		/* the thread's cause is recorded only where the log does not show it (README.md, "Labels") */
		if (c.cause && ((!classify_find(t, c.cause) && !is_proposed(proposed, c.cause)) || want ||
				is_proposed(proposed, c.expect))) {
			fprintf(stderr,
				"%s: cause '%s' needs a class of the table (or of NEW-CLASSES.md) and expect "
				"unclassified or none\n",
				names[i], c.cause);
			check_failures++;
		}
		if (want && in.stage >= 0 && !(want->stages & (1u << in.stage))) {
			fprintf(stderr, "%s: class %s does not list stage %s\n", names[i], c.expect, c.stage);
			check_failures++;
		}
		for (size_t k = 0; want && k < classify_count(t); k++)
			if (classify_class_at(t, k) == want)
				per_class[k]++;
		if (strcmp(c.expect, CLASSIFY_NONE) == 0)
			benign++;
		if (strcmp(c.expect, CLASSIFY_UNCLASSIFIED) == 0)
			unclassified++;

		check_count++;
		miss = known_miss(misses, names[i]);
		if (classify_run(t, &in, &r)) {
			fprintf(stderr, "%s: %s\n", names[i], error_message());
			check_failures++;
		} else if (miss) {
			if (strcmp(r.id, miss) != 0) {
				fprintf(stderr, "%s: known-misses.txt says %s, classified as %s\n", names[i], miss,
					r.id);
				check_failures++;
			}
			/* listed with its own class: the class is right, its telling line is not (yet) */
			if (strcmp(miss, c.expect) == 0 && c.line && r.nlines && line_is(r.lines[0], c.line)) {
				fprintf(stderr,
					"%s: known-misses.txt lists its telling line as missed, but it is right now\n",
					names[i]);
				check_failures++;
			}
		} else {
			if (strcmp(r.id, c.expect) != 0) {
				fprintf(stderr, "%s: classified as %s, expected %s (summary: %s)\n", names[i], r.id,
					c.expect, r.summary);
				check_failures++;
				if (strcmp(c.expect, CLASSIFY_NONE) == 0)
					false_pos++;
			}
			if (c.line) {
				check_count++;
				if (!r.nlines || !line_is(r.lines[0], c.line)) {
					fprintf(stderr, "%s: telling line \"%s\", expected \"%s\"\n", names[i],
						r.nlines ? r.lines[0] : "(none)", c.line);
					check_failures++;
				}
			}
			CHECK(r.summary && *r.summary && !strchr(r.summary, '\n'));
		}
		/* a log reads the same however it was pasted (one way per case, in turn) */
		if (r.id) {
			check_count++;
			if (!same_when_repasted(t, &in, i, r.id)) {
				fprintf(stderr, "%s: not the same when pasted\n", names[i]);
				check_failures++;
			}
		}
		classify_result_release(&r);
		free(miss);
		free(axes);
		free(fl);
		free(c.file);
		free(c.text);
	}

	/* Every class has at least two cases; the corpus is big enough. */
	for (size_t i = 0; i < classify_count(t); i++) {
		check_count++;
		if (per_class[i] < 2) {
			fprintf(stderr, "class %s has %zu corpus case(s), needs 2\n", classify_class_at(t, i)->id,
				per_class[i]);
			check_failures++;
		}
	}
	CHECK(n >= 60);
	CHECK(benign >= 10);
	CHECK_INT(false_pos, 0);
	printf("corpus: %zu cases (%zu classes, %zu benign, %zu unclassified); benign false positives: %zu\n", n,
	       classify_count(t), benign, unclassified, false_pos);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(per_class);
	free(misses);
	free(misses_path);
	free(proposed);
	free(proposed_path);
	free(dir);
}

static void test_embedded_matches_file(const struct classify_table *t)
{
	const struct embedded_file *f = embedded_find(CLASSIFY_TABLE_PATH);
	char *path = xasprintf("%s/%s", source_dir(), CLASSIFY_TABLE_PATH), *text;
	size_t len;

	if (!f) {
		printf("note: %s is not embedded in this build yet\n", CLASSIFY_TABLE_PATH);
	} else {
		struct classify_table *e;

		CHECK_INT(read_file(path, &text, &len), 0);
		CHECK(f->size == len && memcmp(f->data, text, len) == 0);
		free(text);
		CHECK_INT(classify_load(&e, NULL), 0);
		if (e) {
			CHECK_INT(classify_count(e), classify_count(t));
			classify_free(e);
		}
	}
	free(path);
}

/*
 * An engine refusing a feature in each engine's words, and binaryen's validator across versions
 * 90-125. Engines: V8's unknown opcodes (src/wasm/function-body-decoder-impl.h: "Invalid opcode
 * 0x%x", "invalid numeric opcode: 0x%x" with prefix and sub-opcode in one number, "invalid SIMD
 * opcode", "invalid atomic opcode"), SpiderMonkey's (js/src/wasm/WasmOpIter.h: "unrecognized
 * opcode: %x %x"), JavaScriptCore's (wasm/WasmFunctionParser.h: "invalid 0xfc extended op N"),
 * WAMR's (core/iwasm/interpreter/wasm_loader.c: "invalid opcode 0x%02x %02x."), wazero's
 * (api/features.go: "feature %q is disabled", its feature names), WasmEdge's
 * (lib/common/errinfo.cpp: "This instruction or syntax requires enabling {} proposal", the names
 * of include/common/enum.inc), wasm3's (source/m3_exception.h: "no compiler found for opcode").
 * binaryen (src/wasm/wasm-validator.cpp): "requires X to be enabled" (version_100 to 110),
 * "unless multivalue is enabled", "(atomics are disabled)", "all used types should be allowed",
 * "[--enable-bulk-memory-opt]", "[--enable-fp16]", and before version_100 a mutable global
 * import or export refused as "unexpected true: Exported global cannot be mutable".
 */
static void test_feature_refusal_catalogues(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "CompileError: WebAssembly.instantiate(): Compiling function #12 failed: invalid numeric opcode: "
		  "0xfc08 @+345\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.instantiate(): Compiling function #3 failed: Invalid opcode 0xc0 @+120\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): Compiling function #5 failed: invalid SIMD opcode @+99\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.instantiate(): Compiling function #5 failed: invalid atomic opcode @+99\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: wasm validation error: at offset 1234: unrecognized opcode: fc 8\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: wasm validation error: at offset 88: unrecognized opcode: c0 0\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module doesn't parse at byte 77: invalid 0xfc extended op 10, in function "
		  "at index 3\n",
		  "engine_lacks_wasm_feature" },
		{ "WASM module load failed: invalid opcode 0xfd 101.\n", "engine_lacks_wasm_feature" },
		{ "Error: invalid function[0]: i32.extend8_s invalid as feature \"sign-extension-ops\" is disabled\n",
		  "engine_lacks_wasm_feature" },
		{ "panic: section code: invalid function[3]: memory.copy invalid as feature \"bulk-memory-operations\" "
		  "is disabled\n",
		  "engine_lacks_wasm_feature" },
		{ "[2024-05-01 10:00:00.000] [error] loading failed: illegal opcode, Code: 0x117\n"
		  "[2024-05-01 10:00:00.000] [error]     This instruction or syntax requires enabling Fixed-width "
		  "SIMD proposal\n",
		  "engine_lacks_wasm_feature" },
		{ "[error]     This instruction or syntax requires enabling Tail Call proposal\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: no compiler found for opcode\n", "engine_lacks_wasm_feature" },
		{ "[wasm-validator error in function 7] unexpected false: ref.func requires reference-types to be "
		  "enabled, on \n(ref.func $f)\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 7] unexpected false: i31.new requires gc to be enabled, on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function $f] unexpected false: Tuples are not allowed unless multivalue is "
		  "enabled, on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function $f] unexpected false: Multivalue block type (multivalue is not "
		  "enabled), on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: all used types should be allowed, on \n$f\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 3] unexpected false: memory.fill operations require bulk memory "
		  "[--enable-bulk-memory-opt], on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 2] unexpected false: Atomic operation (atomics are disabled), on "
		  "\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected false: memory is shared, but atomics are disabled, on "
		  "\n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 2] unexpected false: FP16 operations require FP16 "
		  "[--enable-fp16], on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 2] unexpected false: call_ref requires typed-function-references "
		  "to be enabled, on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in module] unexpected true: Exported global cannot be mutable, on \n"
		  "__stack_pointer\nFatal: error validating input\n",
		  "wasm_opt_feature_validation" },
	};
	/*
	 * near misses, each with the class it must not get: the Linux kernel's oops and the eBPF verifier
	 * ("invalid opcode: 0000", "BPF_ATOMIC uses invalid atomic opcode"), an emulator's unknown opcode,
	 * V8 refusing a module for another cause, other programs' disabled features, WasmEdge's other loader
	 * errors, binaryen's validator on other faults (a call's types, global.set of an immutable global)
	 * and its bare "error validating input"
	 */
	static const struct near_miss misses[] = {
		{ "invalid opcode: 0000 [#1] PREEMPT SMP NOPTI\n", "engine_lacks_wasm_feature" },
		{ "BPF_ATOMIC uses invalid atomic opcode 10\n", "engine_lacks_wasm_feature" },
		{ "Error: Unrecognized opcode: fe\n", "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.instantiate(): Compiling function #3 failed: invalid local index: 5 "
		  "@+120\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: feature \"dark-mode\" is disabled\n", "engine_lacks_wasm_feature" },
		{ "[error] loading failed: magic header not detected, Code: 0x23\n", "engine_lacks_wasm_feature" },
		{ "[wasm-validator error in function 2] unexpected false: call param types must match, on \n",
		  "wasm_opt_feature_validation" },
		{ "[wasm-validator error in function 2] unexpected false: global.set global must be mutable, on \n",
		  "wasm_opt_feature_validation" },
		{ "Fatal: error validating input\n", "wasm_opt_feature_validation" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 30b: a decoder refusing a newer feature's encoding outside the code, by the
 * byte, section or prefix it names. Engines: V8's "invalid value type 0x%x" (value-type.h),
 * "unexpected section <%s>", "Expected signature definition 0x%02x, got 0x%02x", "Unknown type code
 * 0x%02x, enable with --experimental-wasm-gc", "unknown type form: %d", "invalid memory limits
 * flags 0x%x" (module-decoder-impl.h), as Node, Emscripten's abort and a Go host's panic print it;
 * WAMR's "invalid local type 0x%02X" and "v128 value type requires simd feature"
 * (core/iwasm/interpreter/wasm_loader.c, after its "WASM module load failed: "). binaryen's own
 * reader, older than the module's feature (src/wasm/wasm-binary.cpp, versions 90-125): "invalid code
 * after misc prefix: " (before version 92 "nontrapping float-to-int prefix"), "SIMD prefix",
 * "atomic prefix", "GC prefix" with the sub-opcode in decimal, "bad node code N", "invalid wasm
 * type: -N" and "invalid wasm heap type: -N" (the signed LEB of the byte), "bad type form -N"
 * ("Bad type form" since version 110), under "[parse exception: ... (at 0:N)]" and "Fatal: error in
 * parsing input" (wasm-opt, wasm-pack) or "Fatal: error parsing wasm" with emcc's wrapper.
 */
static void test_cat30b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): invalid value type 0x69 @+33). "
		  "Build with -sASSERTIONS for more info.\n",
		  "engine_lacks_wasm_feature" },
		{ "panic: failed to compile module: invalid value type 0x70 @+22\n", "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): unexpected section <DataCount> @+1234\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): unexpected section <Tag> @+45\n", "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): Expected signature definition 0x60, got 0x5f @+14\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.instantiate(): Unknown type code 0x4e, enable with --experimental-wasm-gc "
		  "@+14\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): unknown type form: 95 @+14\n", "engine_lacks_wasm_feature" },
		{ "panic: failed to compile module: CompileError: WebAssembly.Module(): invalid memory limits flags "
		  "0x5 "
		  "@+40\n",
		  "engine_lacks_wasm_feature" },
		{ "WASM module load failed: invalid local type 0x7B\n", "engine_lacks_wasm_feature" },
		{ "Error: WASM module load failed: v128 value type requires simd feature\n",
		  "engine_lacks_wasm_feature" },
		{ "[INFO]: Optimizing wasm binaries with `wasm-opt`...\n[parse exception: invalid code after misc "
		  "prefix: 17 (at 0:20646)]\nFatal: error in parsing input\nError: failed to execute `wasm-opt`: "
		  "exited with exit status: 1\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid code after nontrapping float-to-int prefix: 10 (at 0:1234)]\n"
		  "Fatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid code after SIMD prefix: 256 (at 0:1234)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid code after atomic prefix: 3 (at 0:1234)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid code after GC prefix: 20 (at 0:1234)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: bad node code 18 (at 0:1234)]\nFatal: error parsing wasm (try --debug for more "
		  "info)\nemcc: error: '/emsdk/upstream/bin/wasm-opt --strip-dwarf a.wasm -o a.wasm' failed "
		  "(returned 1)\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid wasm type: -23 (at 0:120)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: invalid wasm heap type: -23 (at 0:120)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: Bad type form -33 (at 0:20)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
	};
	/*
	 * near misses, each with the class it must not get: a file that is no module or is cut short
	 * (V8's magic word, binaryen's "unexpected end of input", a section's length), an ordered section
	 * out of place and bytes no feature gives (a tool's own encoding bug: 0x40, a byte outside the
	 * one-byte LEB, an opcode number that is none), a module for WASI's imports, WAT typos in wabt's
	 * and binaryen's text parsers, binaryen's bare "error parsing wasm", other programs' "invalid value
	 * type 0x.." and "invalid section id"
	 */
	static const struct near_miss misses[] = {
		{ "CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 44 4f @+0\n",
		  "engine_lacks_wasm_feature" },
		{ "[parse exception: unexpected end of input (at 0:100)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "CompileError: WebAssembly.Module(): section was shorter than expected size (8 bytes expected, 4 "
		  "decoded) @+20\n",
		  "engine_lacks_wasm_feature" },
		{ "CompileError: WebAssembly.Module(): unexpected section <Type> @+40\n", "engine_lacks_wasm_feature" },
		{ "WASM module load failed: invalid local type 0x40\n", "engine_lacks_wasm_feature" },
		{ "[parse exception: invalid wasm type: -64 (at 0:20)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "[parse exception: bad node code 200 (at 0:20)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "LinkError: WebAssembly.instantiate(): Import #0 module=\"wasi_snapshot_preview1\" "
		  "function=\"fd_write\": function import requires a callable\n",
		  "engine_lacks_wasm_feature" },
		{ "x.wat:3:5: error: unexpected token \"i32.ad\", expected an instr.\n", "engine_lacks_wasm_feature" },
		{ "[parse exception: unknown operator: i32.ad (at 3:5)]\nFatal: error in parsing input\n",
		  "wasm_opt_feature_validation" },
		{ "Fatal: error parsing wasm (try --debug for more info)\n", "wasm_opt_feature_validation" },
		{ "error: invalid value type 0x7b in config key \"simd\"\n", "engine_lacks_wasm_feature" },
		{ "Error: invalid section id\n", "engine_lacks_wasm_feature" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 29a: rustc's, cargo's and the platform crates' wordings for a
 * target or toolchain the build cannot use, from their format strings.
 */
static void test_cat29a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* rustc_session/src/config.rs "error loading target specification: {e}" (help: the target
		 * list) with rustc_target/src/spec/mod.rs "could not find specification for target {:?}" */
		{ "error: error loading target specification: could not find specification for target "
		  "\"wasm32-wasi\"\n  |\n  = help: run `rustc --print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		{ "error: error loading target specification: could not find specification for target "
		  "\"wasm32-wasi-preview1-threads\"\n  |\n  = help: run `rustc --print target-list` for a list of "
		  "built-in targets\n",
		  "rust_target_removed" },
		/* cargo src/cargo/ops/cargo_install.rs: "cannot install package `{name} {ver}`, it requires
		 * rustc {msrv} or newer, while the currently active rustc version is {current}" */
		{ "error: cannot install package `wasm-bindgen-cli 0.2.100`, it requires rustc 1.76 or newer, while "
		  "the currently active rustc version is 1.70.0\n",
		  "rust_too_old_for_crate" },
		/* cargo src/cargo/core/compiler/mod.rs (rust-version check before 1.80): "package `{}` cannot be
		 * built because it requires rustc {} or newer, while the currently active rustc version is {}" */
		{ "error: package `pyo3 v0.23.0` cannot be built because it requires rustc 1.63 or newer, while "
		  "the currently active rustc version is 1.60.0\n",
		  "rust_too_old_for_crate" },
		/* cargo src/cargo/ops/cargo_compile (1.80+): "rustc {} is not supported by the following
		 * package{}:" then "  {}@{} requires rustc {}" */
		{ "error: rustc 1.70.0 is not supported by the following package:\n  pyo3@0.25.0 requires rustc "
		  "1.74\n",
		  "rust_too_old_for_crate" },
		/* mio src/lib.rs: compile_error!("This wasm target is unsupported by mio. If using Tokio,
		 * disable the net feature.") */
		{ "error: This wasm target is unsupported by mio. If using Tokio, disable the net feature.\n  --> "
		  "/root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/mio-0.8.11/src/lib.rs:44:1\n",
		  "crate_no_target_code" },
		/* socket2 src/lib.rs: compile_error!("Socket2 doesn't support the compile target") */
		{ "error: Socket2 doesn't support the compile target\n   --> "
		  "/root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/socket2-0.5.7/src/lib.rs:127:1\n",
		  "crate_no_target_code" },
		/* getrandom 0.3 src/backends.rs: the wasm32-unknown-unknown and the no-backend compile_error!s */
		{ "error: The wasm32-unknown-unknown targets are not supported by default; you may need to enable "
		  "the \"wasm_js\" configuration flag. Note that enabling the `wasm_js` feature flag alone is "
		  "insufficient. For more information see: https://docs.rs/getrandom/0.3.3/#webassembly-support\n",
		  "crate_no_target_code" },
		{ "error: target is not supported. You may need to define a custom backend see: "
		  "https://docs.rs/getrandom/0.3.3/#custom-backend\n",
		  "crate_no_target_code" },
	};
	static const struct near_miss others[] = {
		/* a target newer than the toolchain, in the same newest form: not a removed name */
		{ "error: error loading target specification: could not find specification for target "
		  "\"wasm32-wasip3\"\n  |\n  = help: run `rustc --print target-list` for a list of built-in targets\n",
		  "rust_target_removed" },
		/* a custom target file rustc cannot read: same message head, another cause */
		{ "error: error loading target specification: wasm32-wasi.json: No such file or directory (os error "
		  "2)\n",
		  "rust_target_removed" },
		/* rustc on nightly: an unstable -C/--print needs -Z unstable-options, the channel is right */
		{ "error: the `-Z unstable-options` flag must also be passed to enable the flag `check-cfg`\n",
		  "nightly_flag_on_stable" },
		/* rustc E0635: a #![feature] a newer nightly removed, not the channel */
		{ "error[E0635]: unknown feature `stdsimd`\n", "nightly_flag_on_stable" },
		{ "error[E0635]: unknown feature `stdsimd`\n", "rustc_unknown_unstable_option" },
		/* rustc's unknown -C option: a codegen option, not an unstable one */
		{ "error: unknown codegen option: `linker-flavor`\n", "rustc_unknown_unstable_option" },
		/* cargo install of a crate whose own build fails: not its MSRV */
		{ "error: failed to compile `wasm-bindgen-cli v0.2.100`, intermediate artifacts can be found at "
		  "`/tmp/cargo-installXYZ`.\n",
		  "rust_too_old_for_crate" },
		/* cargo-features on stable: the manifest's nightly-only key, not an old toolchain */
		{ "error: the cargo feature `profile-rustflags` requires a nightly version of Cargo, but this is "
		  "the `stable` channel\n",
		  "rust_too_old_for_crate" },
		/* a linker that is not the self-contained one */
		{ "error: linker `cc` not found\n  |\n  = note: No such file or directory (os error 2)\n",
		  "self_contained_linker_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, others, COUNT(others));
}

/*
 * The catalogue round on exception handling and symbols at link and load: every wording the
 * dynamic linker, the link step and the engines print for these families, decided by the symbol
 * where the wording carries one. Emscripten's dynamic linker (src/lib/libdylink.js, before 3.1.53
 * src/library_dylink.js): resolveSymbol's "undefined symbol '%s'. perhaps a side module was not
 * linked in? ..." (backquotes before 3.1.4x), the 2.0 proxy's "missing linked " + type + " `%s`.
 * perhaps ...", reportUndefinedSymbols' "bad export type for '%s': %s", Pyodide's patched stub
 * "Dynamic linking error: cannot resolve symbol %s" (its loadDynlib, src/js/dynload.ts, loads with
 * allowUndefined, so a missing symbol shows at its first call). The engines' LinkErrors for an
 * import the linker could not give: V8 (src/wasm/module-instantiate.cc, "Import #%d \"%s\" \"%s\":
 * function import requires a callable", before 2021 'module="%s" function="%s" error: ...', "tag
 * import requires a WebAssembly.Tag"), SpiderMonkey (js.msg: "import object field '%s' is not a
 * Function", "... is not a Tag"), JavaScriptCore (WebAssemblyModuleRecord.cpp importFailMessage:
 * "import function %s:%s must be callable", "Tag import %s:%s is not an instance of
 * WebAssembly.Tag"). The link step: wasm-ld's "%s: undefined symbol: %s" for the EH runtime's
 * names (JS EH's invoke_*, __cxa_find_matching_catch_N, setThrew, __THREW__, emscripten_longjmp;
 * wasm EH's __cpp_exception, __c_longjmp, __wasm_lpad_context, _Unwind_CallPersonality; not the
 * setjmp helpers both modes use) and "symbol exported via --export not found: %s"
 * (lld/wasm/Driver.cpp); emcc's settings checks (tools/link.py: "DISABLE_EXCEPTION_CATCHING=0 is
 * not compatible with -fwasm-exceptions", "SUPPORT_LONGJMP=emscripten is not compatible with
 * -fwasm-exceptions", "SUPPORT_LONGJMP=wasm cannot be used with DISABLE_EXCEPTION_THROWING=0").
 */
static void test_cat28a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* js_eh_invoke_missing: an invoke_* trampoline the dynamic linker could not give */
		{ "Error: Dynamic linking error: cannot resolve symbol invoke_vi\n", "js_eh_invoke_missing" },
		{ "Aborted(Assertion failed: undefined symbol 'invoke_vi'. perhaps a side module was not linked in? "
		  "if this global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "js_eh_invoke_missing" },
		{ "Aborted(Assertion failed: missing linked function `invoke_vii`. perhaps a side module was not "
		  "linked in? if this function was expected to arrive from a system library, try to build the "
		  "MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "js_eh_invoke_missing" },
		{ "Aborted(external function 'invoke_vi' is missing. perhaps a side module was not linked in? if "
		  "this function was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "js_eh_invoke_missing" },
		{ "Error: bad export type for 'invoke_vi': undefined\n", "js_eh_invoke_missing" },
		{ "Error: bad export type for `invoke_iii`: undefined\n", "js_eh_invoke_missing" },
		/* wasm_eh_tag_missing: the exception or longjmp tag */
		{ "LinkError: Tag import env:__cpp_exception is not an instance of WebAssembly.Tag\n",
		  "wasm_eh_tag_missing" },
		{ "LinkError: Tag import env:my_tag is not an instance of WebAssembly.Tag\n", "wasm_eh_tag_missing" },
		{ "LinkError: import object field '__cpp_exception' is not a Tag\n", "wasm_eh_tag_missing" },
		{ "Aborted(Assertion failed: undefined symbol '__c_longjmp'. perhaps a side module was not linked in? "
		  "if this global was expected to arrive from a system library, try to build the MAIN_MODULE with "
		  "EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "wasm_eh_tag_missing" },
		/* python_capi_missing: a C-API function by any engine's words */
		{ "LinkError: import object field 'PyIter_NextItem' is not a Function\n", "python_capi_missing" },
		{ "LinkError: import function env:PyUnicodeWriter_Create must be callable\n", "python_capi_missing" },
		{ "Error: bad export type for 'PyLong_AsInt': undefined\n", "python_capi_missing" },
		/* main_module_export_missing: libc and runtime names */
		{ "Error: bad export type for 'strtoul': undefined\n", "main_module_export_missing" },
		{ "Aborted(Assertion failed: missing linked function `malloc`. perhaps a side module was not linked "
		  "in? if this function was expected to arrive from a system library, try to build the MAIN_MODULE "
		  "with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "main_module_export_missing" },
		/* undefined_symbol_at_link: an export list naming what nobody defines */
		{ "wasm-ld: error: symbol exported via --export not found: foo\n", "undefined_symbol_at_link" },
		{ "rust-lld: error: symbol exported via --export not found: run_lua\n", "undefined_symbol_at_link" },
		/* eh_abi_link_mismatch: the EH runtime's names undefined at link, the settings checks */
		/* the setjmp helpers both modes use: a release skew, no EH mode (consistency audit 31) */
		{ "wasm-ld: error: x.o: undefined symbol: __wasm_setjmp_test\n", "undefined_symbol_at_link" },
		{ "error: undefined symbol: saveSetjmp (referenced by root reference (e.g. compiled C/C++ code))\n",
		  "undefined_symbol_at_link" },
		{ "wasm-ld: error: x.o: undefined symbol: __wasm_lpad_context\n", "eh_abi_link_mismatch" },
		{ "wasm-ld: error: x.o: undefined symbol: _Unwind_CallPersonality\n", "eh_abi_link_mismatch" },
		{ "wasm-ld: error: lib.a(x.o): undefined symbol: __cxa_find_matching_catch_3\n",
		  "eh_abi_link_mismatch" },
		{ "wasm-ld: error: x.o: undefined symbol: __THREW__\n", "eh_abi_link_mismatch" },
		{ "emcc: error: SUPPORT_LONGJMP=wasm cannot be used with DISABLE_EXCEPTION_CATCHING=0\n",
		  "eh_abi_link_mismatch" },
		{ "em++: error: SUPPORT_LONGJMP=wasm cannot be used with DISABLE_EXCEPTION_THROWING=0\n",
		  "eh_abi_link_mismatch" },
		{ "emcc: error: SUPPORT_LONGJMP=emscripten is not compatible with -fwasm-exceptions\n",
		  "eh_abi_link_mismatch" },
	};
	/*
	 * near misses, each with the class it must not get: the same invoke_* undefined at link (an
	 * object, not the host: eh_abi_link_mismatch's); an engine's LinkError for an invoke_* import
	 * (JavaScriptCore's, old V8's): the dynamic linker hands a side module a stub for every import,
	 * so only a main module's stale glue or a hand-written import object lacks one (test_near_misses
	 * holds V8's and SpiderMonkey's); a libc name in SpiderMonkey's words; V8's tag
	 * of another signature (the host has a tag: "imported tag does not match the expected type");
	 * emcc's warning that ASYNCIFY and wasm exceptions do not mix (tools/link.py), then the
	 * asyncify pass failing, which is no EH ABI mix; IntelliJ's and other tools' capitalised
	 * "Cannot resolve symbol"; dynCall's missing table entry (a null function pointer, not a
	 * missing wrapper: src/lib/libcore.js "missing table entry in dynCall: %s"); wasm-ld's warning
	 * for an --export-if-defined name; a Python name not found in a module (no C-API symbol)
	 */
	static const struct near_miss misses[] = {
		{ "wasm-ld: error: x.o: undefined symbol: invoke_vi\n", "js_eh_invoke_missing" },
		{ "LinkError: import function env:invoke_vii must be callable\n", "js_eh_invoke_missing" },
		{ "LinkError: WebAssembly.Instance(): Import #4 module=\"env\" function=\"invoke_vii\" error: function "
		  "import requires a callable\n",
		  "js_eh_invoke_missing" },
		{ "LinkError: import object field 'memcpy' is not a Function\n", "js_eh_invoke_missing" },
		{ "LinkError: WebAssembly.Instance(): Import #0 \"env\" \"__cpp_exception\": imported tag does not "
		  "match the expected type\n",
		  "wasm_eh_tag_missing" },
		{ "em++: warning: ASYNCIFY=1 is not compatible with -fwasm-exceptions. Parts of the program that mix "
		  "ASYNCIFY and exceptions will not compile.\nFatal: Module::getFunction: __asyncify_get_call_index "
		  "does not exist\n",
		  "eh_abi_link_mismatch" },
		{ "Error: Cannot resolve symbol 'String'\n", "main_module_export_missing" },
		{ "Aborted(Assertion failed: missing table entry in dynCall: 0)\n", "dyncall_legacy_missing" },
		{ "wasm-ld: warning: symbol exported via --export not found: foo\n", "undefined_symbol_at_link" },
		{ "ImportError: cannot import name 'Py_Foo' from 'mod'\n", "python_capi_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 29b, written from the tools' sources: emcc's refusals of settings it no longer
 * has, the glue's stubs for helpers it no longer exports, micropip's, pip's and uv's tag refusals.
 */
static void test_cat29b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* tools/settings.py: diagnostics.warning('legacy-settings', ...) made an error by -Werror */
		{ "emcc: error: use of legacy setting: USE_PTHREADS (No longer needed. Use -pthread instead) "
		  "[-Wlegacy-settings] [-Werror]\n",
		  "emcc_setting_removed" },
		/* tools/cmdline.py LEGACY_FLAGS/LEGACY_ARGS and tools/link.py's deprecated settings, -Werror */
		{ "emcc: error: --memory-init-file is no longer supported [-Wdeprecated] [-Werror]\n",
		  "emcc_setting_removed" },
		{ "em++: error: RUNTIME_LINKED_LIBS is deprecated (you can simply list the libraries directly on the "
		  "commandline now). Please open a bug if you have a continuing need for this setting [-Wdeprecated] "
		  "[-Werror]\n",
		  "emcc_setting_removed" },
		/* tools/shared.py of 1.38 (removed by 096e9f9d44): ASM_JS=0 and other pre-fastcomp settings */
		{ "emcc: error: Very old compiler settings (pre-fastcomp) are no longer supported.\n",
		  "emcc_setting_removed" },
		/* src/runtime_debug.js unexportedRuntimeSymbol (before 2021: EXTRA_EXPORTED_RUNTIME_METHODS) */
		{ "Aborted('ccall' was not exported. add it to EXPORTED_RUNTIME_METHODS (see the Emscripten FAQ))\n",
		  "emscripten_runtime_helper_removed" },
		{ "abort(\"'UTF8ToString' was not exported. add it to EXTRA_EXPORTED_RUNTIME_METHODS (see the FAQ)\") "
		  "at Error\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted('HEAPU8' was not exported. add it to EXPORTED_RUNTIME_METHODS (see the Emscripten FAQ))\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted('FS_createDataFile' was not exported. add it to EXPORTED_RUNTIME_METHODS (see the "
		  "Emscripten "
		  "FAQ). Alternatively, forcing filesystem support (-sFORCE_FILESYSTEM) can export this for you)\n",
		  "emscripten_runtime_helper_removed" },
		/* src/runtime_debug.js missingLibrarySymbol */
		{ "`UTF8ToString` is a library symbol and not included by default; add it to your library.js __deps "
		  "or to DEFAULT_LIBRARY_FUNCS_TO_INCLUDE on the command line (e.g. "
		  "-sDEFAULT_LIBRARY_FUNCS_TO_INCLUDE='$UTF8ToString')\n",
		  "emscripten_runtime_helper_removed" },
		/* src/postlibrary.js: Module options the glue dropped */
		{ "Aborted(Assertion failed: Module.read option was removed)\n", "emscripten_runtime_helper_removed" },
		{ "Aborted(Assertion failed: Module.readAsync option was removed (modify readAsync in JS))\n",
		  "emscripten_runtime_helper_removed" },
		/* src/runtime_debug.js legacyModuleProp: 2019-2022, then 2022-2025; lib/libbrowser.js, libfs.js */
		{ "Aborted(Module.read has been replaced with plain read (the initial value can be provided on Module, "
		  "but after startup the value is only looked for on a local variable of that name))\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted(`Module.arguments` has been replaced by `arguments_` (the initial value can be provided on "
		  "Module, but after startup the value is only looked for on a local variable of that name))\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted(Module.requestFullScreen has been replaced by Module.requestFullscreen (without a capital "
		  "S))\n",
		  "emscripten_runtime_helper_removed" },
		{ "Aborted(FS.mmapAlloc has been replaced by the top level function mmapAlloc)\n",
		  "emscripten_runtime_helper_removed" },
		/* micropip/_utils.py check_compatible, transaction.py find_wheel */
		{ "ValueError: Wheel platform 'emscripten_3_1_45_wasm32' is not compatible with Pyodide's platform "
		  "'emscripten_3_1_58_wasm32'\n",
		  "wheel_platform_refused" },
		{ "ValueError: Wheel was built with Emscripten v3.1.45 but Pyodide was built with Emscripten v3.1.58\n",
		  "wheel_platform_refused" },
		{ "ValueError: Wheel abi 'cp311' is not supported. Supported abis are 'abi3' and 'cp312'.\n",
		  "wheel_platform_refused" },
		{ "ValueError: Wheel interpreter version 'pp39' is not supported.\n", "wheel_platform_refused" },
		/* uv's resolver (crates/uv-resolver): the tag it found no wheel for */
		{ "  ╰─▶ Because demo==1.0 has no wheels with a matching Python ABI tag (e.g., `cp312`) and you "
		  "require demo==1.0, we can conclude that your requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
		{ "error: Distribution `kaleido==0.2.1.post1 @ registry+https://pypi.org/simple` can't be installed "
		  "because it doesn't have a source distribution or wheel for the current platform\n",
		  "wheel_platform_refused" },
		/* pip's InstallRequirement for a wheel file (pip/_internal/req/constructors.py) */
		{ "ERROR: numpy-2.0.0-cp312-cp312-pyodide_2024_0_wasm32.whl is not a supported wheel on this "
		  "platform.\n",
		  "wheel_platform_refused" },
	};
	/*
	 * near misses, each with the class it must not get: emcc's warnings (no -Werror) for a legacy
	 * setting or flag, which stop nothing; an unknown setting (tools/settings.py "Attempt to set a
	 * non-existent setting", tools/shared.py before 1.39 "Assigning a non-existent settings
	 * attribute", a WARNING in older releases), which a typo or a setting too new for this emcc
	 * prints as well as a removed one; clang's own -Wdeprecated error; the glue's stub for a name of the project's own that was
	 * never exported; a MODULARIZE factory used as the module (Module.ccall is not a function); a
	 * Module property the build's INCOMING_MODULE_JS_API leaves out (a setting, nothing removed);
	 * pip's and uv's version pins nothing satisfies, micropip's private or mistyped package (no
	 * metadata) and its already-installed version
	 */
	static const struct near_miss misses[] = {
		{ "emcc: warning: use of legacy setting: USE_PTHREADS (No longer needed. Use -pthread instead) "
		  "[-Wlegacy-settings]\n",
		  "emcc_setting_removed" },
		{ "emcc: warning: --memory-init-file is no longer supported [-Wdeprecated]\n", "emcc_setting_removed" },
		{ "WARNING:root:Assigning a non-existent settings attribute \"EXPORT_ES6\"\n", "emcc_setting_removed" },
		{ "ERROR:root:Assigning a non-existent settings attribute \"EXPORT_ES6\"\n"
		  "ERROR:root: - perhaps a typo in emcc's  -s X=Y  notation?\n",
		  "emcc_setting_removed" },
		{ "emcc: error: Attempt to set a non-existent setting: 'STACK_SIZE'\n"
		  " - perhaps a typo in emcc's  -sX=Y  notation?\n"
		  " - (see src/settings.js for valid values)\n",
		  "emcc_setting_removed" },
		{ "x.cpp:3:1: error: 'register' storage class specifier is deprecated [-Werror,-Wdeprecated]\n",
		  "emcc_setting_removed" },
		{ "Aborted('myFunc' was not exported. add it to EXPORTED_RUNTIME_METHODS (see the Emscripten FAQ))\n",
		  "emscripten_runtime_helper_removed" },
		{ "TypeError: Module.ccall is not a function\n", "emscripten_runtime_helper_removed" },
		{ "Aborted(`Module.print` was supplied but `print` not included in INCOMING_MODULE_JS_API)\n",
		  "emscripten_runtime_helper_removed" },
		{ "ERROR: Could not find a version that satisfies the requirement foo==9.9 (from versions: 1.0, 1.1)\n"
		  "ERROR: No matching distribution found for foo==9.9\n",
		  "wheel_platform_refused" },
		{ "  ╰─▶ Because there is no version of demo==1.0 and you require demo==1.0, we can conclude that your "
		  "requirements are unsatisfiable.\n",
		  "wheel_platform_refused" },
		{ "ValueError: Can't fetch metadata for 'mypriv'. Please make sure you have entered a correct package "
		  "name and correctly specified index_urls (if you changed them).\n",
		  "wheel_platform_refused" },
		{ "ValueError: Requested 'numpy==2.0', but numpy==1.26.4 is already installed. If you want to "
		  "reinstall the package with a different version, use micropip.uninstall() to remove the existing "
		  "package first.\n",
		  "wheel_platform_refused" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

static void test_cat30c_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/* JavaScriptCore's WebAssembly.Memory.grow (Source/JavaScriptCore/wasm/js/JSWebAssemblyMemory.cpp) */
		{ "RangeError: WebAssembly.Memory.grow would exceed the memory's declared maximum size\n",
		  "memory_growth_limit" },
		/* src/lib/libcore.js growMemory's err() with JavaScriptCore's wording in it */
		{ "growMemory: Attempted to grow heap from 16777216 bytes to 2147483648 bytes, but got error: "
		  "RangeError: WebAssembly.Memory.grow would exceed the memory's declared maximum size\n",
		  "memory_growth_limit" },
		/* pyodide 0.22-0.27 src/js/dynload.ts createDynlibFS's debug line for a needed library */
		{ "Failed to find a library: /lib/python3.11/site-packages/foo/libbar.so\n", "needed_library_missing" },
		/* pyodide 0.28+ src/js/dynload.ts loadDynlib over src/js/pyodide.ts's locateFile */
		{ "Error: Failed to load dynamic library /lib/python3.12/site-packages/foo/_ext.so: could not load "
		  "dynamic lib: /lib/python3.12/site-packages/foo/_ext.so\n"
		  "Error: Failed to find dynamic library \"libbar.so\"\n",
		  "needed_library_missing" },
	};
	/*
	 * near misses, each with the class it must not get: a JS program's own recursion, the JS engine's
	 * own stack exhausted by wasm frames (the corpus holds it unclassified: no STACK_SIZE to raise),
	 * Python's own RecursionError, a MemoryError or numpy's allocation failure (a huge list or array
	 * the program asked for), V8's ArrayBuffer allocation failure and WebAssembly.Memory() refusal (the
	 * browser's memory, not the module's limit), a package that is not installed, Pyodide fetching a
	 * package from its CDN and a failed fetch, a dlopen without dynamic linking
	 * (libc/emscripten_libc_stubs.c, libdylink.js dlopenMissingError), a script without the glue's
	 * global and Node's missing file
	 */
	static const struct near_miss misses[] = {
		{ "RangeError: Maximum call stack size exceeded\n    at walk (file:///app/tree.js:12:5)\n",
		  "wasm_stack_overflow" },
		{ "InternalError: too much recursion\nwalk@https://example.org/app.js:12:5\n", "wasm_stack_overflow" },
		/* the engine's own stack exhausted in wasm frames (V8's kStackOverflow; SpiderMonkey's
		 * JSMSG_OVER_RECURSED) under pyodide's fatal_error banner (src/core/error_handling.ts):
		 * an engine limit, not STACK_SIZE */
		{ "Pyodide has suffered a fatal error. Please report this to the Pyodide maintainers.\n"
		  "The cause of the fatal error was:\n"
		  "RangeError: Maximum call stack size exceeded\n"
		  "    at wasm://wasm/0a1b2c3d:wasm-function[314]:0xea36e\n",
		  "wasm_stack_overflow" },
		{ "InternalError: too much recursion\n"
		  "_PyEval_EvalFrameDefault@https://cdn.jsdelivr.net/pyodide/v0.26.0/full/pyodide.asm.wasm:"
		  "wasm-function[3021]:0x1b2c3\n",
		  "wasm_stack_overflow" },
		{ "Traceback (most recent call last):\n  File \"<exec>\", line 2, in f\n"
		  "RecursionError: maximum recursion depth exceeded\n",
		  "wasm_stack_overflow" },
		{ "Traceback (most recent call last):\n  File \"<exec>\", line 1, in <module>\nMemoryError\n",
		  "memory_growth_limit" },
		{ "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 8.00 GiB for an array with shape "
		  "(1073741824,) and data type float64\n",
		  "memory_growth_limit" },
		{ "RangeError: Array buffer allocation failed\n", "memory_growth_limit" },
		{ "RangeError: WebAssembly.Memory(): could not allocate memory\n", "memory_growth_limit" },
		{ "Traceback (most recent call last):\n  File \"<exec>\", line 1, in <module>\n"
		  "ModuleNotFoundError: No module named 'requests'\n",
		  "extension_python_mismatch" },
		{ "Didn't find package numpy-1.26.4-cp312-cp312-pyodide_2024_0_wasm32.whl locally, attempting to load "
		  "from https://cdn.jsdelivr.net/pyodide/v0.26.0/full/\n",
		  "needed_library_missing" },
		{ "Error: Failed to load numpy-1.26.4-cp312-cp312-pyodide_2024_0_wasm32.whl: Failed to fetch\n",
		  "needed_library_missing" },
		{ "OSError: dynamic linking not enabled\n", "needed_library_missing" },
		{ "OSError: dynamic linking not enabled\n", "main_module_export_missing" },
		{ "Aborted('To use dlopen, you need enable dynamic linking, see "
		  "https://github.com/emscripten-core/emscripten/wiki/Linking')\n",
		  "main_module_export_missing" },
		{ "ReferenceError: Module is not defined\n", "emscripten_glue_missing" },
		{ "Error: Cannot find module './pyodide.asm.js'\n", "emscripten_glue_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Loaders' and libraries' own checks of the engine or page before instantiating, built from their
 * format strings: .NET's wasm loader (dotnet/runtime src/mono/browser/runtime/loader/run.ts and the
 * newer loader's validateEngineFeatures), onnxruntime-web (js/web/lib/wasm/wasm-factory.ts),
 * Emscripten's shared memory check (src/runtime_init_memory.js, preamble.js before it), Firefox's
 * CSP console message (dom/locales/en-US/chrome/security/csp.properties, CSPWasmEvalScriptViolation)
 * and SQLite's OPFS VFS (ext/wasm/api/sqlite3-vfs-opfs.c-pp.js).
 */
static void test_cat32a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Error: Assert failed: This browser/engine doesn't support WASM SIMD. Please use a modern version. "
		  "See also https://aka.ms/dotnet-wasm-features\n",
		  "engine_lacks_wasm_feature" },
		{ "Uncaught (in promise) Error: Assert failed: This browser/engine doesn't support WASM exception "
		  "handling. Please use a modern version. See also "
		  "https://learn.microsoft.com/aspnet/core/blazor/supported-platforms\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Assert failed: Node.js version 16.20.2 is not supported. Please use Node.js 18 or later.\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: WebAssembly SIMD is not supported in the current environment.\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Relaxed WebAssembly SIMD is not supported in the current environment.\n",
		  "engine_lacks_wasm_feature" },
		{ "requested a shared WebAssembly.Memory but the returned buffer is not a SharedArrayBuffer, "
		  "indicating that while the browser has SharedArrayBuffer it does not have WebAssembly threads "
		  "support - you may need to set a flag\n"
		  "(on node you may need: --experimental-wasm-threads --experimental-wasm-bulk-memory and/or recent "
		  "version)\nError: bad memory\n",
		  "engine_lacks_wasm_feature" },
		{ "Content-Security-Policy: The page\u2019s settings blocked WebAssembly (script-src) from being "
		  "executed because it violates the following directive: \u201cscript-src 'self'\u201d (Missing "
		  "'wasm-unsafe-eval' or 'unsafe-eval')\n",
		  "wasm_codegen_disallowed" },
		{ "Error: Cannot install OPFS: Missing SharedArrayBuffer and/or Atomics. The server must emit the "
		  "COOP/COEP response headers to enable those. See "
		  "https://sqlite.org/wasm/doc/trunk/persistence.md#coop-coep\n",
		  "cross_origin_isolation_missing" },
	};
	/*
	 * near misses, each with the class it must not get: an engine without SIMD or threads is no build
	 * without -msimd128 and no page without COOP/COEP; onnxruntime-web's and SQLite's warnings that
	 * they fall back (to one thread, to a VFS without OPFS) and go on; Firefox's Report-Only policy
	 * (it blocks nothing), its refusals of a JS eval and of a script's URL; SQLite's OPFS missing for
	 * another reason; a tool's own Node requirement (Vite) and .NET's missing crypto in Node
	 */
	static const struct near_miss misses[] = {
		{ "Error: Assert failed: This browser/engine doesn't support WASM SIMD. Please use a modern version. "
		  "See also https://aka.ms/dotnet-wasm-features\n",
		  "wasm_simd_not_enabled" },
		{ "Error: WebAssembly SIMD is not supported in the current environment.\n", "wasm_simd_not_enabled" },
		{ "requested a shared WebAssembly.Memory but the returned buffer is not a SharedArrayBuffer, "
		  "indicating that while the browser has SharedArrayBuffer it does not have WebAssembly threads "
		  "support - you may need to set a flag\n",
		  "cross_origin_isolation_missing" },
		{ "env.wasm.numThreads is set to 4, but this will not work unless you enable crossOriginIsolated "
		  "mode. See https://web.dev/cross-origin-isolation-guide/ for more info.\n"
		  "WebAssembly multi-threading is not supported in the current environment. Falling back to "
		  "single-threading.\n",
		  "cross_origin_isolation_missing" },
		{ "WebAssembly multi-threading is not supported in the current environment. Falling back to "
		  "single-threading.\n",
		  "engine_lacks_wasm_feature" },
		{ "Ignoring inability to install OPFS sqlite3_vfs: Cannot install OPFS: Missing SharedArrayBuffer "
		  "and/or Atomics. The server must emit the COOP/COEP response headers to enable those. See "
		  "https://sqlite.org/wasm/doc/trunk/persistence.md#coop-coep\n",
		  "cross_origin_isolation_missing" },
		{ "Error: Cannot install OPFS: Missing required OPFS APIs.\n", "cross_origin_isolation_missing" },
		{ "Content-Security-Policy: (Report-Only policy) The page\u2019s settings would block WebAssembly "
		  "(script-src) from being executed because it violates the following directive: \u201cscript-src "
		  "'self'\u201d (Missing 'wasm-unsafe-eval' or 'unsafe-eval')\n",
		  "wasm_codegen_disallowed" },
		{ "Content-Security-Policy: The page\u2019s settings blocked a JavaScript eval (script-src) from "
		  "being executed because it violates the following directive: \u201cscript-src 'self'\u201d "
		  "(Missing 'unsafe-eval')\n",
		  "wasm_codegen_disallowed" },
		{ "Content-Security-Policy: The page\u2019s settings blocked the loading of a resource "
		  "(script-src-elem) at https://cdn.example.org/a.js because it violates the following directive: "
		  "\u201cscript-src 'self'\u201d\n",
		  "wasm_codegen_disallowed" },
		{ "You are using Node.js 16.20.2. Vite requires Node.js version 18+ or 20+. Please upgrade your "
		  "Node.js version.\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: Using node without crypto support. To enable current operation, either provide polyfill "
		  "for 'globalThis.crypto.getRandomValues' or enable 'node:crypto' module.\n",
		  "engine_lacks_wasm_feature" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 32b: Rust's panic strategy and the exception-handling ABI of Rust, its std and
 * the C/C++ it links, from the tools' format strings. rustc_metadata (messages.ftl, errors.rs; before
 * the fluent move dependency_format.rs): "the crate `{}` requires panic strategy `{}` which is
 * incompatible with this crate's strategy of `{}`" (before it "is compiled with the panic strategy"),
 * "the crate `{}` was compiled with a panic strategy which is incompatible with `immediate-abort`",
 * "the linked panic runtime `{}` is not compiled with this crate's panic strategy `{}`", "the crate
 * `{}` does not have the panic strategy `{}`", with or without rustc's "error: " (cargo's JSON
 * messages carry the bare text). rustc_codegen_llvm's llvm_util.rs names LLVM's program "rustc
 * -Cllvm-args=\"...\" with", so LLVM's CommandLine.cpp prints "%s: Unknown command line argument
 * '%s'.  Try: '%s --help'" (older LLVM "-help") for an EH option this rustc's LLVM lacks. emcc.py's
 * settings checks ("DISABLE_EXCEPTION_CATCHING is not compatible with -fwasm-exceptions" before the
 * "=0" form, "DISABLE_EXCEPTION_THROWING was set (probably from -fno-exceptions) but is not
 * compatible with enabling exception catching"); LLVM's WebAssemblyTargetMachine.cpp
 * basicCheckForEHAndSjLj ("-exception-model should be either 'none' or 'wasm'"). Emscripten's
 * dynamic linker (src/lib/libdylink.js resolveSymbol) makes invoke_* and __cxa_find_matching_catch_N
 * on demand only in a host with JS exception catching, and __resumeException is JS EH's own
 * (src/lib/libexceptions.js), so a side module that finds none of them was built for JS EH.
 */
static void test_cat32b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "the crate `core` requires panic strategy `unwind` which is incompatible with this crate's "
		  "strategy of `abort`\n",
		  "panic_strategy_mismatch" },
		{ "{\"$message_type\":\"diagnostic\",\"message\":\"the crate `std` requires panic strategy `unwind` "
		  "which is incompatible with this crate's strategy of `abort`\",\"code\":null,\"level\":\"error\"}\n",
		  "panic_strategy_mismatch" },
		{ "error: the crate `core` was compiled with a panic strategy which is incompatible with "
		  "`immediate-abort`\n",
		  "panic_strategy_mismatch" },
		{ "error: the crate `foo` is compiled with the panic strategy `abort` which is incompatible with "
		  "this crate's strategy of `unwind`\n",
		  "panic_strategy_mismatch" },
		{ "error: the linked panic runtime `panic_unwind` is not compiled with this crate's panic strategy "
		  "`abort`\n",
		  "panic_strategy_mismatch" },
		{ "error: the crate `core` does not have the panic strategy `abort`\n", "panic_strategy_mismatch" },
		{ "rustc -Cllvm-args=\"...\" with: Unknown command line argument '-wasm-enable-eh'.  Try: 'rustc "
		  "-Cllvm-args=\"...\" with --help'\nrustc -Cllvm-args=\"...\" with: Did you mean "
		  "'--wasm-enable-sjlj'?\n",
		  "rustc_unknown_unstable_option" },
		{ "error: failed to run `rustc` to learn about target-specific information\n\nCaused by:\n  process "
		  "didn't exit successfully: `rustc - --crate-name ___ --print=file-names "
		  "-Cllvm-args=-wasm-use-legacy-eh=false --target wasm32-unknown-emscripten` (exit status: 1)\n  --- "
		  "stderr\n  rustc -Cllvm-args=\"...\" with: Unknown command line argument "
		  "'-wasm-use-legacy-eh=false'.  Try: 'rustc -Cllvm-args=\"...\" with -help'\n",
		  "rustc_unknown_unstable_option" },
		{ "error: failed to run `rustc` to learn about target-specific information\n\nCaused by:\n  process "
		  "didn't exit successfully: `rustc - --crate-name ___ --print=file-names -Zemscripten-wasm-eh "
		  "--target wasm32-unknown-emscripten` (exit status: 1)\n  --- stderr\n  error: unknown unstable "
		  "option: `emscripten-wasm-eh`\n",
		  "rustc_unknown_unstable_option" },
		{ "error: the option `Z` is only accepted on the nightly compiler\n\nhelp: consider switching to a "
		  "nightly toolchain: `rustup default nightly`\n\nnote: for more information about Rust's stability "
		  "policy, see <https://doc.rust-lang.org/book/appendix-07-nightly-rust.html#unstable-features>\n\n"
		  "error: 1 nightly option were parsed\n",
		  "nightly_flag_on_stable" },
		{ "error: the `-Z` flag is only accepted on the nightly channel of Cargo, but this is the `beta` "
		  "channel\n",
		  "nightly_flag_on_stable" },
		{ "emcc: error: DISABLE_EXCEPTION_CATCHING is not compatible with -fwasm-exceptions\n",
		  "eh_abi_link_mismatch" },
		{ "emcc: error: DISABLE_EXCEPTION_THROWING is not compatible with -fwasm-exceptions\n",
		  "eh_abi_link_mismatch" },
		{ "emcc: error: DISABLE_EXCEPTION_THROWING was set (probably from -fno-exceptions) but is not "
		  "compatible with enabling exception catching (DISABLE_EXCEPTION_CATCHING=0). If you don't want "
		  "exceptions, set DISABLE_EXCEPTION_CATCHING to 1; if you do want exceptions, don't link with "
		  "-fno-exceptions\n",
		  "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -exception-model should be either 'none' or 'wasm'\n", "eh_abi_link_mismatch" },
		{ "fatal error: error in backend: -exception-model should be either 'none' or 'wasm'\n",
		  "eh_abi_link_mismatch" },
		{ "LLVM ERROR: -enable-emscripten-cxx-exceptions not allowed with -wasm-enable-sjlj\n",
		  "eh_abi_link_mismatch" },
		{ "wasm-ld: error: /tmp/x.o: undefined symbol: __resumeException\n", "eh_abi_link_mismatch" },
		{ "wasm-ld: error: libfoo.a(bar.o): undefined symbol: emscripten_longjmp\n", "eh_abi_link_mismatch" },
		{ "wasm-ld: error: /tmp/x.o: undefined symbol: _Unwind_RaiseException\n", "eh_abi_link_mismatch" },
		{ "Error: Dynamic linking error: cannot resolve symbol __cxa_find_matching_catch_2\n",
		  "js_eh_invoke_missing" },
		{ "Error: Dynamic linking error: cannot resolve symbol __resumeException\n", "js_eh_invoke_missing" },
		{ "Aborted(Assertion failed: undefined symbol '__cxa_find_matching_catch_3'. perhaps a side module "
		  "was not linked in? if this global was expected to arrive from a system library, try to build the "
		  "MAIN_MODULE with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "js_eh_invoke_missing" },
		{ "Aborted(external function '__resumeException' is missing. perhaps a side module was not linked "
		  "in? if this function was expected to arrive from a system library, try to build the MAIN_MODULE "
		  "with EMCC_FORCE_STDLIBS=1 in the environment)\n",
		  "js_eh_invoke_missing" },
		{ "Error: bad export type for '__cxa_find_matching_catch_2': undefined\n", "js_eh_invoke_missing" },
		{ "LinkError: WebAssembly.instantiate(): Import #12 \"env\" \"__cpp_exception\": tag import requires "
		  "a WebAssembly.Tag\n",
		  "wasm_eh_tag_missing" },
		{ "Error: Dynamic linking error: cannot resolve symbol __cpp_exception\n", "wasm_eh_tag_missing" },
		{ "LinkError: import object field '__c_longjmp' is not a Tag\n", "wasm_eh_tag_missing" },
	};
	/*
	 * near misses, each with the class it must not get: E0463 for a panic runtime (cargo -Zbuild-std
	 * without it: no class names that), rustc's gate on -Cpanic=immediate-abort and a crate given
	 * as a panic runtime that is none, a program's own panic, cargo's warning on a test profile's
	 * panic; clang's LLVM refusing an option (no rustc), a -Z option given a bad value or a -C option
	 * misspelt, a -Z option the nightly does not know (not the channel); emcc's settings checks that
	 * are no EH ABI mix (EXCEPTION_CATCHING_ALLOWED with DISABLE_EXCEPTION_CATCHING, wasm SjLj with wasm
	 * exceptions in emcc before it had both, EXCEPTION_STACK_TRACES without exceptions, MEMORY64 with
	 * JS longjmp), a JS helper left undefined by a warning only (ERROR_ON_UNDEFINED_SYMBOLS=0) or
	 * missing at load (the host's, not the objects'); the JS helpers missing at link (the objects'),
	 * libc++abi's own __cxa_begin_catch at load (both EH modes have it); the tag undefined at link
	 */
	static const struct near_miss misses[] = {
		{ "error[E0463]: can't find crate for `panic_abort`\n", "panic_strategy_mismatch" },
		{ "error: `-Cpanic=immediate-abort` requires `-Zunstable-options` and a nightly compiler\n",
		  "panic_strategy_mismatch" },
		{ "error: the crate `panic_abort` is not a panic runtime\n", "panic_strategy_mismatch" },
		{ "thread 'main' panicked at src/main.rs:3:5:\nexplicit panic\n", "panic_strategy_mismatch" },
		{ "warning: `panic` setting is ignored for `test` profile\n", "panic_strategy_mismatch" },
		{ "clang (LLVM option parsing): Unknown command line argument '-wasm-enable-eh'.  Try: 'clang (LLVM "
		  "option parsing) --help'\n",
		  "rustc_unknown_unstable_option" },
		{ "error: incorrect value `yes` for unstable option `emscripten-wasm-eh` - a boolean was expected\n",
		  "rustc_unknown_unstable_option" },
		{ "error: unknown codegen option: `llvm-arg`\n", "rustc_unknown_unstable_option" },
		{ "error: the option `Z` is only accepted on the nightly compiler\n", "rustc_unknown_unstable_option" },
		{ "error: unknown unstable option: `emscripten-wasm-eh`\n", "nightly_flag_on_stable" },
		{ "emcc: error: DISABLE_EXCEPTION_CATCHING and EXCEPTION_CATCHING_ALLOWED are mutually exclusive\n",
		  "eh_abi_link_mismatch" },
		{ "emcc: error: Wasm SjLj is not supported with Wasm exceptions yet\n", "eh_abi_link_mismatch" },
		{ "emcc: error: EXCEPTION_STACK_TRACES requires either of -fexceptions or -fwasm-exceptions\n",
		  "eh_abi_link_mismatch" },
		{ "emcc: error: MEMORY64 is not compatible with SUPPORT_LONGJMP\n", "eh_abi_link_mismatch" },
		{ "warning: undefined symbol: __cxa_find_matching_catch_2 (referenced by top-level compiled C/C++ "
		  "code)\n",
		  "eh_abi_link_mismatch" },
		{ "Error: Dynamic linking error: cannot resolve symbol __cxa_find_matching_catch_2\n",
		  "eh_abi_link_mismatch" },
		{ "wasm-ld: error: x.o: undefined symbol: __cxa_find_matching_catch_2\n", "js_eh_invoke_missing" },
		{ "Error: Dynamic linking error: cannot resolve symbol __cxa_begin_catch\n", "js_eh_invoke_missing" },
		{ "wasm-ld: error: x.o: undefined symbol: __cpp_exception\n", "wasm_eh_tag_missing" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 33a: rustc's diagnostics that show a crate assuming a 64-bit or a known target when
 * built for wasm32-unknown-emscripten (32-bit usize and pointers, 32-bit c_long/c_ulong, a target_os
 * the crate's cfgs do not know), from the format strings. rustc_hir_typeck's intrinsicck.rs: E0512
 * "cannot transmute between types of different sizes, or dependently-sized types" (before 2018
 * "transmute called with types of different sizes") with its notes "source type: `{}` ({} bits)";
 * rustc_middle's LayoutError::SizeOverflow: "values of the type `{}` are too big for the target
 * architecture" (before 1.77 "the type `{}` is too big for the current architecture"); rustc_lint's
 * arithmetic_overflow ("this arithmetic operation will overflow", the label from rustc_middle's
 * AssertKind: "attempt to shift left by `{}`, which would overflow"); rustc_const_eval's E0080 for a
 * size assertion ("evaluation panicked: {}" since 1.88, "the evaluated program panicked at '{}'"
 * before); rustc_hir_typeck's E0308 labels ("expected `{}`, found `{}`", c_ulong resolved to u32);
 * rustc_expand's module.rs E0583 "file not found for module `{}`"; rustc_hir_typeck's method/suggest.rs
 * E0599 "no function or associated item named `{}` found for struct `{}` in the current scope"
 * (before 1.41 "for type"); rustc_resolve's E0425 "cannot find function `{}` in module `{}`", E0433
 * "failed to resolve: could not find `{}` in `{}`" (and "use of undeclared crate or module `{}`", since
 * 1.85 "use of unresolved module or unlinked crate `{}`"); rustc_const_eval's 1.89 E0080 headline
 * "attempt to compute `{}`, which would overflow" (static_assertions' const_assert!); rustc_resolve's E0252/E0428 "the name `{}` is
 * defined multiple times" and rustc_hir_analysis' E0592 "duplicate definitions with name `{}`" and
 * E0201 "duplicate definitions with name `{}`:" where two cfg branches both apply.
 */
static void test_cat33a_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "error[E0512]: cannot transmute between types of different sizes, or dependently-sized types\n"
		  "  --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-0.1.0/src/hash.rs:9:5\n",
		  "pointer_width_assumption" },
		{ "error[E0512]: transmute called with types of different sizes\n"
		  "  --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-0.1.0/src/hash.rs:9:5\n",
		  "pointer_width_assumption" },
		{ "error[E0512]: cannot transmute between types of different sizes, or dependently-sized types\n"
		  " --> src/main.rs:4:22\n  |\n4 |     let x: u64 = transmute(n);\n  |                  ^^^^^^^^^\n"
		  "  |\n  = note: source type: `usize` (32 bits)\n  = note: target type: `u64` (64 bits)\n",
		  "pointer_width_assumption" },
		{ "  = note: source type: `[u8; 8]` (64 bits)\n  = note: target type: `*const u8` (32 bits)\n",
		  "pointer_width_assumption" },
		{ "  = note: source type: `&Foo` (32 bits)\n", "pointer_width_assumption" },
		{ "error: values of the type `[u8; 4294967296]` are too big for the target architecture\n",
		  "pointer_width_assumption" },
		{ "error: the type `[u64; 1073741824]` is too big for the current architecture\n",
		  "pointer_width_assumption" },
		{ "error: this arithmetic operation will overflow\n  --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/hash.rs:12:9\n   |\n"
		  "12 |         x << 32\n   |         ^^^^^^^ attempt to shift left by `32_i32`, which would "
		  "overflow\n",
		  "pointer_width_assumption" },
		{ "error[E0080]: evaluation panicked: assertion failed: core::mem::size_of::<usize>() == 8\n",
		  "pointer_width_assumption" },
		{ "error[E0080]: evaluation of constant value failed\n --> src/lib.rs:3:15\n  |\n3 | const _: () = "
		  "assert!(std::mem::size_of::<usize>() == 8);\n  |               ^ the evaluated program panicked "
		  "at 'assertion failed: std::mem::size_of::<usize>() == 8', src/lib.rs:3:15\n",
		  "pointer_width_assumption" },
		{ "error[E0080]: evaluation panicked: assertion failed: usize::BITS >= 64\n",
		  "pointer_width_assumption" },
		{ "error[E0308]: mismatched types\n  --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/lib.rs:10:5\n   |\n10 |     "
		  "f(p)\n"
		  "   |       ^ expected `*mut u64`, found `*mut usize`\n",
		  "pointer_width_assumption" },
		{ "error[E0308]: mismatched types\n  --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/unix.rs:10:5\n   |\n10 |     "
		  "st.st_size\n"
		  "   |     ^^^^^^^^^^ expected `u64`, found `u32`\n",
		  "pointer_width_assumption" },
		{ "error[E0583]: file not found for module `sys`\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-0.1.0/src/lib.rs:5:1\n",
		  "crate_no_target_code" },
		{ "error[E0599]: no function or associated item named `from_raw_fd` found for struct `Socket` in the "
		  "current scope\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-0.3.0/src/sys/unix.rs:40:17\n",
		  "crate_no_target_code" },
		{ "error[E0599]: no function or associated item named `new` found for type `imp::Timer` in the "
		  "current scope\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-0.1.0/src/imp.rs:40:17\n",
		  "crate_no_target_code" },
		{ "error[E0425]: cannot find function `now` in module `sys`\n --> src/time.rs:4:5\n",
		  "crate_no_target_code" },
		{ "error[E0433]: failed to resolve: could not find `unix` in `os`\n --> src/fd.rs:4:14\n",
		  "crate_no_target_code" },
		{ "error[E0433]: failed to resolve: use of unresolved module or unlinked crate `imp`\n"
		  " --> src/lib.rs:4:5\n",
		  "crate_no_target_code" },
		{ "error[E0433]: failed to resolve: use of undeclared crate or module `sys`\n --> src/lib.rs:4:5\n",
		  "crate_no_target_code" },
		{ "error[E0080]: attempt to compute `0_usize - 1_usize`, which would overflow\n",
		  "pointer_width_assumption" },
		{ "error[E0592]: duplicate definitions with name `now`\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/sys.rs:20:5\n",
		  "crate_target_cfg_overlap" },
		{ "error[E0201]: duplicate definitions with name `now`:\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/sys.rs:20:5\n",
		  "crate_target_cfg_overlap" },
		{ "error[E0252]: the name `imp` is defined multiple times\n --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/lib.rs:20:5\n",
		  "crate_target_cfg_overlap" },
	};
	/*
	 * near misses, each with the class it must not get: a user's own type errors and transmutes with no
	 * pointer width in them (usize against u64 fails on every target; u64 to u32; a generic size), an
	 * overflow in the user's own code whose label names no usize (a u32 shifted by 32 fails
	 * everywhere), a size assertion about the user's own struct, a mismatch of other types inside a
	 * dependency; a module file missing from the user's own crate, a method missing in a dependency's
	 * non-platform code (an API change between versions of its dependencies) or in the user's own
	 * platform module; a duplicate definition in the user's own crate, conflicting trait impls in a
	 * dependency (a semver change as often as a cfg)
	 */
	static const struct near_miss misses[] = {
		{ "error[E0308]: mismatched types\n --> src/main.rs:10:5\n   |\n10 |     len\n"
		  "   |     ^^^ expected `u64`, found `usize`\n",
		  "pointer_width_assumption" },
		{ "error[E0512]: cannot transmute between types of different sizes, or dependently-sized types\n"
		  " --> src/main.rs:4:22\n  |\n  = note: source type: `u64` (64 bits)\n"
		  "  = note: target type: `u32` (32 bits)\n",
		  "pointer_width_assumption" },
		{ "error[E0512]: cannot transmute between types of different sizes, or dependently-sized types\n"
		  " --> src/main.rs:4:22\n  |\n  = note: source type: `T` (this type does not have a fixed size)\n"
		  "  = note: target type: `i32` (32 bits)\n",
		  "pointer_width_assumption" },
		{ "error: this arithmetic operation will overflow\n --> src/main.rs:3:13\n  |\n3 |     let y = x << "
		  "32;\n  |             ^^^^^^^ attempt to shift left by `32_i32`, which would overflow\n",
		  "pointer_width_assumption" },
		{ "error[E0080]: evaluation panicked: assertion failed: size_of::<Header>() == 16\n",
		  "pointer_width_assumption" },
		{ "error[E0308]: mismatched types\n  --> "
		  "/h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/lib.rs:10:5\n   |\n10 |     "
		  "f(s)\n"
		  "   |       ^ expected `String`, found `&str`\n",
		  "pointer_width_assumption" },
		{ "error[E0583]: file not found for module `utils`\n --> src/main.rs:1:1\n", "crate_no_target_code" },
		{ "error[E0599]: no method named `as_str` found for struct `Name` in the current scope\n"
		  " --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/lib.rs:40:17\n",
		  "crate_no_target_code" },
		{ "error[E0599]: no function or associated item named `new` found for struct `Timer` in the current "
		  "scope\n --> src/sys/unix.rs:40:17\n",
		  "crate_no_target_code" },
		{ "error[E0592]: duplicate definitions with name `bar`\n --> src/lib.rs:9:5\n",
		  "crate_target_cfg_overlap" },
		{ "error[E0119]: conflicting implementations of trait `From<i32>` for type `Value`\n"
		  " --> /h/.cargo/registry/src/index.crates.io-6f17d22bba15001f/foo-1.0.0/src/value.rs:9:1\n",
		  "crate_target_cfg_overlap" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * The environment checks of the frontends that build Python packages for Pyodide, from their
 * format strings: pyodide-build (pyodide_build/build_env.py activate_emscripten_env,
 * ensure_emscripten; xbuildenv.py _find_latest_version; cli/xbuildenv.py search), meson
 * (mesonbuild/compilers/detect.py _handle_exceptions, a Python FileNotFoundError's str on POSIX and
 * Windows) and CMake (Modules/CMakeDetermineSystem.cmake, cmake.cxx: "Could not find toolchain
 * file: ${CMAKE_TOOLCHAIN_FILE}", wrapped under "CMake Error at" or not).
 */
static void test_cat33b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "FileNotFoundError: emsdk_env.sh not found at "
		  "/home/u/.cache/.pyodide-xbuildenv-0.30.0/0.28.0/emsdk/emsdk_env.sh\n",
		  "emcc_not_found" },
		{ "FileNotFoundError: emsdk_env.bat not found at C:\\Users\\u\\emsdk\\emsdk_env.bat\n",
		  "emcc_not_found" },
		{ "../meson.build:1:0: ERROR: Unknown compiler(s): [['emcc']]\nThe following exception(s) were "
		  "encountered:\nRunning `emcc --version` gave \"[Errno 2] No such file or directory\"\n",
		  "emcc_not_found" },
		{ "meson.build:1:0: ERROR: Unknown compiler(s): [['em++.bat']]\nThe following exception(s) were "
		  "encountered:\nRunning `em++.bat --version` gave \"[WinError 2] The system cannot find the file "
		  "specified\"\n",
		  "emcc_not_found" },
		{ "CMake Error at /usr/share/cmake-3.28/Modules/CMakeDetermineSystem.cmake:154 (message):\n  Could "
		  "not find toolchain file:\n  /upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake\n",
		  "emcc_not_found" },
		{ "CMake Error: Could not find toolchain file: "
		  "\"/emsdk/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake\"\n",
		  "emcc_not_found" },
		{ "ValueError: No compatible cross-build environment found\n", "host_python_mismatch" },
		{ "No compatible cross-build environment found for your system. Try using --all to see all "
		  "versions.\n",
		  "host_python_mismatch" },
		/*
		 * causes no class names, read as errors: emcc of another version (not missing), an emcc -v
		 * it cannot parse, an xbuildenv or Pyodide version asked for that does not exist (pyodide-build
		 * xbuildenv.py, cibuildwheel platforms/pyodide.py), no xbuildenv installed, no PYODIDE_ROOT,
		 * emsdk.py's refusals of a version it does not know or has not installed, meson's cross file
		 * without a C compiler and its Ninja check
		 */
		{ "RuntimeError: Incorrect Emscripten version 3.1.45. Need Emscripten version 3.1.58\n",
		  "unclassified" },
		{ "RuntimeError: Failed to determine Emscripten version.\n", "unclassified" },
		{ "ValueError: Cannot find cross-build environment version 0.27.0, available versions: "
		  "['0.26.0']\n",
		  "unclassified" },
		{ "cibuildwheel: error: Could not find Pyodide cross-build environment version 0.99.0 in the "
		  "available versions as reported by pyodide-build v0.29.0. Available pyodide xbuildenv versions "
		  "are: 0.27.0, 0.27.1\n",
		  "unclassified" },
		{ "ValueError: No active xbuildenv. Run `pyodide xbuildenv install` first.\n", "unclassified" },
		{ "ValueError: Could not find Pyodide root directory. If you are not in the Pyodide directory, set "
		  "`PYODIDE_ROOT=<pyodide-root-directory>`.\n",
		  "unclassified" },
		{ "error: tool or SDK not found: '3.1.99'\n", "unclassified" },
		{ "error: tool is not installed and therefore cannot be activated: 'sdk-3.1.58-64bit'\n",
		  "unclassified" },
		{ "ERROR: 'c' compiler binary not defined in cross file [binaries] section\n", "unclassified" },
		{ "ERROR: Could not detect Ninja v1.8.2 or newer\n", "unclassified" },
	};
	/*
	 * near misses, each with the class it must not get: pyodide-build's wrong Emscripten version
	 * (emcc found) and its other "not found at" (the xbuildenv's Python); meson's emcc that ran but
	 * was not recognised (no exception) and another compiler missing; CMake's vcpkg toolchain file
	 * missing; cibuildwheel's xbuildenv version unknown to its pyodide-build and its "CPython 3.12 is
	 * not installed" (macos.py prints the same for a host without that Python); pyodide-build's
	 * metadata without releases (no host Python compared)
	 */
	static const struct near_miss misses[] = {
		{ "RuntimeError: Incorrect Emscripten version 3.1.45. Need Emscripten version 3.1.58\n",
		  "emcc_not_found" },
		{ "RuntimeError: Pyodide python interpreter not found at /x/xbuildenv/pyodide-root/dist/python\n",
		  "emcc_not_found" },
		{ "meson.build:1:0: ERROR: Unknown compiler(s): [['emcc']]\n", "emcc_not_found" },
		{ "meson.build:1:0: ERROR: Unknown compiler(s): [['gcc']]\nThe following exception(s) were "
		  "encountered:\nRunning `gcc --version` gave \"[WinError 2] The system cannot find the file "
		  "specified\"\n",
		  "emcc_not_found" },
		{ "CMake Error at /usr/share/cmake-3.28/Modules/CMakeDetermineSystem.cmake:154 (message):\n  Could "
		  "not find toolchain file:\n  /opt/vcpkg/scripts/buildsystems/vcpkg.cmake\n",
		  "emcc_not_found" },
		{ "error: tool or SDK not found: '3.1.99'\n", "emcc_not_found" },
		{ "cibuildwheel: error: Could not find Pyodide cross-build environment version 0.99.0 in the "
		  "available versions as reported by pyodide-build v0.29.0.\n",
		  "host_python_mismatch" },
		{ "Error: CPython 3.12 is not installed.\n", "host_python_mismatch" },
		{ "ValueError: No cross-build environment releases are available in the metadata at "
		  "https://example.org/x.json.\n",
		  "host_python_mismatch" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Catalogue round 34b: growth refusals, crash banners and stack exhaustion
 * in the tools' own words, each with the other causes that print alike.
 */
static void test_cat34b_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		/*
		 * Emscripten's preamble.js before 1.38.27 (reallocBuffer) and before 1.38.25 (WASM_MEM_MAX);
		 * a grow the glue allowed and the engine refused is the host's allocation, not the module's
		 * limit (the glue checks its maximum first)
		 */
		{ "Module.reallocBuffer: Attempted to grow from 16777216 bytes to 33554432 bytes, but got error: "
		  "RangeError: out of memory\n",
		  "unclassified" },
		{ "Failed to grow the heap from 16777216, as we reached the WASM_MEM_MAX limit (268435456) set "
		  "during compilation\n",
		  "memory_growth_limit" },
		/*
		 * V8's wasm-js.cc WebAssemblyMemoryGrow, with and without the older trailing period: past the
		 * declared maximum it says "Maximum memory size exceeded"; this is an allocation that failed
		 * below it, the host's memory and not the module's limit
		 */
		{ "RangeError: WebAssembly.Memory.grow(): Unable to grow instance memory\n", "unclassified" },
		{ "RangeError: WebAssembly.Memory.grow(): Unable to grow instance memory.\n", "unclassified" },
		/* SpiderMonkey's js.msg JSMSG_WASM_BAD_GROW ("failed to grow {0}") for a memory */
		{ "RangeError: failed to grow memory\n", "memory_growth_limit" },
		/* rustc_driver_impl's signal_handler.rs after its SIGSEGV banner */
		{ "error: rustc interrupted by SIGSEGV, printing backtrace\n\n"
		  "note: rustc unexpectedly overflowed its stack! this is a bug\n",
		  "toolchain_crash" },
		{ "note: rustc unexpectedly overflowed its stack! this is a bug\n", "toolchain_crash" },
		/* std's panic hook on rustc's own thread, the location in its sysroot sources */
		{ "thread 'rustc' panicked at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/"
		  "slice/index.rs:76:9:\n",
		  "toolchain_crash" },
		{ "thread 'rustc' panicked at 'called `Option::unwrap()` on a `None` value', "
		  "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/option.rs:1:1\n",
		  "toolchain_crash" },
		/* emcc's shared.py since 3.1.52 (#20928 lowercased its errors): a parallel compile crashed */
		{ "emcc: error: subprocess 2/8 failed (received SIGSEGV (-11))! (cmdline: /e/bin/clang -c a.c)\n",
		  "toolchain_crash" },
		/* WAMR's auxiliary stack is the shadow stack (__stack_pointer) */
		{ "Exception: wasm auxiliary stack overflow\n", "wasm_stack_overflow" },
	};
	/*
	 * near misses: the same words for a table, a first reservation or an instance refused (address
	 * space, not the declared maximum), CPython's own MemoryError; lld's and emcc's limits set too
	 * high; engines' own stacks (WAMR's guard page and operand stack, wasm3's, V8, SpiderMonkey, wasmtime); a user's program
	 * or build script crashing, tools killed for memory or short of disk, binaryen refusing its input
	 */
	static const struct near_miss misses[] = {
		{ "RangeError: failed to grow table\n", "memory_growth_limit" },
		/* JavaScriptCore's createOutOfMemoryError (any allocation) and a grow() given a bad delta */
		{ "RangeError: Out of memory\n", "memory_growth_limit" },
		{ "RangeError: WebAssembly.Memory.grow expects the grown size to be a valid page count\n",
		  "memory_growth_limit" },
		{ "emcc: error: subprocess 2/8 failed (received SIGKILL (-9))! (cmdline: /e/bin/clang -c a.c)\n",
		  "toolchain_crash" },
		{ "RangeError: WebAssembly.Memory(): could not allocate memory\n", "memory_growth_limit" },
		{ "RangeError: WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new "
		  "instance\n",
		  "memory_growth_limit" },
		{ "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nMemoryError\n",
		  "memory_growth_limit" },
		{ "wasm-ld: error: initial memory too large, cannot be greater than 4294967296\n",
		  "initial_memory_too_small" },
		{ "wasm-ld: error: maximum memory too large, cannot be greater than 4294967296\n",
		  "initial_memory_too_small" },
		{ "emcc: error: MAXIMUM_MEMORY cannot be less than INITIAL_MEMORY\n", "initial_memory_too_small" },
		{ "Exception: native stack overflow\n", "wasm_stack_overflow" },
		{ "Exception: wasm operand stack overflow\n", "wasm_stack_overflow" },
		{ "Error: [trap] stack overflow\n", "wasm_stack_overflow" },
		{ "RangeError: Maximum call stack size exceeded\n", "wasm_stack_overflow" },
		{ "InternalError: too much recursion\n", "wasm_stack_overflow" },
		{ "Error: failed to run main module `a.wasm`\n\nCaused by:\n    0: failed to invoke command default\n"
		  "    1: wasm trap: call stack exhausted\n",
		  "wasm_stack_overflow" },
		{ "thread 'main' panicked at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/"
		  "slice/index.rs:76:9:\n",
		  "toolchain_crash" },
		{ "error: failed to run custom build command for `foo v0.1.0`\n\nCaused by:\n  process didn't exit "
		  "successfully: `/t/debug/build/foo-1/build-script-build` (signal: 11, SIGSEGV: invalid memory "
		  "reference)\n",
		  "toolchain_crash" },
		{ "error: could not compile `foo` (lib)\n\nCaused by:\n  process didn't exit successfully: `rustc "
		  "--crate-name foo` (signal: 9, SIGKILL: kill)\n",
		  "toolchain_crash" },
		{ "clang: error: unable to execute command: Killed\n", "toolchain_crash" },
		{ "emcc: error: '/e/upstream/bin/clang -c a.c' failed (received SIGKILL (-9))\n", "toolchain_crash" },
		{ "LLVM ERROR: out of memory\nAllocation failed\n", "toolchain_crash" },
		{ "LLVM ERROR: IO failure on output stream: No space left on device\n", "toolchain_crash" },
		{ "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n",
		  "toolchain_crash" },
		{ "Fatal: error in validating input\n", "toolchain_crash" },
		{ "RuntimeError: unreachable executed\n", "toolchain_crash" },
		{ "Fatal Python error: Segmentation fault\n", "toolchain_crash" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * The 35th catalogue round, from the sources: other languages' wasm loaders (.NET's dotnet.js,
 * Flutter's flutter.js, Kotlin/Wasm's), bundlers (webpack, Vite 8, Next.js' Edge runtime), and the
 * runtimes' wordings of an import the host lacks (GraalWasm, Chicory, wasmi, wazero, WAMR, wabt,
 * wasmer 0.x, wasmer-js), read by the import's module: WASI's, Go's, Emscripten's env functions.
 */
static void test_cat35_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "MONO_WASM: Assert failed: This browser/engine doesn't support WASM exception handling. Please "
		  "use a modern version. See also https://aka.ms/dotnet-wasm-features\n",
		  "engine_lacks_wasm_feature" },
		{ "Error: NodeJS at '/usr/bin/node' has too low version '12.22.9', please use at least 14.\n",
		  "engine_lacks_wasm_feature" },
		{ "Flutter Web: build dart2wasm/skwasm was rejected: dart2wasm requires WasmGC support; this "
		  "browser does not implement it yet.\n",
		  "engine_lacks_wasm_feature" },
		{ "ERROR: Threads and atomics are not enabled (opcode: 0xfe)\n", "engine_lacks_wasm_feature" },
		{ "ERROR: Legacy exception handling is not supported (opcode: 0x06)\n", "engine_lacks_wasm_feature" },
		{ "BREAKING CHANGE: Since webpack 5 WebAssembly is not enabled by default and flagged as "
		  "experimental feature.\n",
		  "bundler_wasm_import_unsupported" },
		{ "[plugin builtin:vite-wasm-fallback] ESM integration proposal for Wasm is not supported "
		  "currently.\n",
		  "bundler_wasm_import_unsupported" },
		{ "UnsupportedWebAssemblyFeatureError: Export \"add_u64\" with i64 as parameter can only be used "
		  "for direct wasm to wasm dependencies\n",
		  "bigint_js_boundary" },
		{ "DynamicWasmCodeGenerationWarning: Dynamic WASM code generation ('WebAssembly.instantiate' with "
		  "a buffer parameter) not allowed in Edge Runtime.\n",
		  "wasm_codegen_disallowed" },
		{ "ERROR: The module 'wasi_snapshot_preview1', referenced by the import 'fd_write' in the module "
		  "'main', does not exist.\n",
		  "wasi_host_import_missing" },
		{ "com.dylibso.chicory.wasm.UnlinkableException: unknown import, could not find host function for "
		  "import number: 0 named wasi_unstable.fd_write\n",
		  "wasi_host_import_missing" },
		{ "Exception: failed to call unlinked import function (wasi, thread-spawn)\n",
		  "wasi_host_import_missing" },
		{ "error instantiating wasm binary: module[gojs] not instantiated\n", "go_js_glue_missing" },
		{ "error initializing module: invalid import \"env.emscripten_memcpy_big\"\n",
		  "emscripten_glue_missing" },
		{ "translation requires more registers for a function than available\n",
		  "engine_implementation_limit" },
		/* wasmtime's Winch compiler panicking; Emscripten's old Runtime object gone */
		{ "thread '<unnamed>' panicked at /src/wasmtime/winch/codegen/src/isa/x64/masm.rs:318:14:\n"
		  "Scratch register to be available: Winch internal error\n",
		  "wasm_engine_crash" },
		{ "exception thrown: ReferenceError: Runtime is not defined\n", "emscripten_runtime_helper_removed" },
		/* wabt's reader on a component; binaryen's validator line without its bracket (a paste) */
		{ "0000008: error: bad wasm file version: 0x1000d (expected 0x1)\n", "component_loaded_as_module" },
		{ "wasm-validator error in function 1] unexpected false: all used features should be allowed\n"
		  "Fatal: error validating input\n",
		  "wasm_opt_feature_validation" },
		{ "com.dylibso.chicory.wasm.MalformedException: section size mismatch, unexpected end of section "
		  "or function, unknown binary version, found: [13, 0, 1, 0] expected: [1, 0, 0, 0]\n",
		  "component_loaded_as_module" },
	};
	/*
	 * near misses: .NET's checks of JS APIs that are no wasm feature; a page instantiating an Emscripten module by hand (its wasi_snapshot_preview1
	 * namespace absent: Emscripten's own imports); Node's and Deno's own .wasm import refusals; an
	 * import of env a module of any toolchain may have; wasm-ld's missing entry point
	 */
	static const struct near_miss misses[] = {
		{ "MONO_WASM: Assert failed: This browser/engine doesn't support URL API. Please use a modern "
		  "version.\n",
		  "engine_lacks_wasm_feature" },
		{ "TypeError: WebAssembly.instantiate(): Import #0 module=\"wasi_snapshot_preview1\": module is not "
		  "an object or function\n",
		  "wasi_host_import_missing" },
		{ "TypeError [ERR_UNKNOWN_FILE_EXTENSION]: Unknown file extension \".wasm\" for /app/pkg/a_bg.wasm\n",
		  "bundler_wasm_import_unsupported" },
		{ "error initializing module: invalid import \"env.abort\"\n", "emscripten_glue_missing" },
		/* a page's own script without Emscripten's glue around it */
		{ "ReferenceError: Runtime is not defined\n", "emscripten_runtime_helper_removed" },
		/* a program's entry point the link was not told to go without (--no-entry, a crate type) */
		{ "wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): main\n",
		  "undefined_symbol_at_link" },
	};

	check_named(t, cases, COUNT(cases));
	check_near_misses(t, misses, COUNT(misses));
}

/*
 * Batches 51-52 (tune part): LFortran's internal compiler error; wabt's tools asserting (glibc's
 * form, zsh's abort); wabt's data-count section without bulk memory; cranelift's build script
 * without an ISA for wasm; Windows' missing DLL (0xc0000135) for rust-lld; rollup parsing a .wasm;
 * a C header for zig's wasm32-freestanding. LLVM refusing a target it does not implement, and a
 * C library's own symbol the dynamic linker cannot resolve (an f2c helper), name no class.
 */
static void test_tune51_wordings(const struct classify_table *t)
{
	static const struct wording cases[] = {
		{ "Internal Compiler Error: Unhandled exception\nTraceback (most recent call last):\n",
		  "toolchain_crash" },
		{ "wasm-validate: /w/wabt/include/wabt/intrusive-list.h:400: wabt::intrusive_list<T>::back(): "
		  "Assertion `!empty()' failed.\nAborted\n",
		  "toolchain_crash" },
		{ "zsh: abort      ./wabt/bin/wasm2c crash.wasm\n", "toolchain_crash" },
		{ "0000270: error: invalid section code: 12\n", "wasm_tool_feature_not_enabled" },
		{ "thread 'main' panicked at 'error when identifying target: \"no supported isa found for arch "
		  "`wasm32`\"', /r/cranelift-codegen-0.76.0/build.rs:42:53\n",
		  "crate_no_target_code" },
		{ "error: linking with `rust-lld` failed: exit code: 0xc0000135\n", "host_shared_library_missing" },
		{ "ERROR  Rollup error: Unexpected character '' (Note that you need plugins to import files that are "
		  "not JavaScript)\nrollup-plugin-inject: failed to parse /p/node_modules/x/x_bg.wasm\n",
		  "bundler_wasm_import_unsupported" },
		{ "$ zig cc --target=wasm32-freestanding-musl -g main.c\nmain.c:3:10: fatal error: 'stdlib.h' file "
		  "not found\n",
		  "wasm_c_sysroot_missing" },
		{ "LLVM ERROR: target not implemented\nPLEASE submit a bug report to "
		  "https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.\nStack dump:\n",
		  "unclassified" },
		{ "Error: Dynamic linking error: cannot resolve symbol s_cmp\n", "unclassified" },
		/* python -m on a module that is not there; a CMake script's requirement: failures, no class */
		{ "/p/.venv/bin/python3: No module named wasmtime.bindgen\n", "unclassified" },
		{ "  The EMSCRIPTEN environment variable must be set.\n", "unclassified" },
		/*
		 * webpack's WebAssemblyInInitialChunkError: a .wasm imported synchronously as an ES module, which
		 * webpack takes only behind an async split point (two readers, the fifth consistency audit)
		 */
		{ "WebAssembly module is included in initial chunk.\nThis is not allowed, because WebAssembly download "
		  "and compilation must happen asynchronous.\n",
		  "bundler_wasm_import_unsupported" },
		/* JavaScriptCore's decoder on a feature it has off; an LLVM intrinsic LTO left undefined */
		{ "CompileError: WebAssembly.Module doesn't  parse at byte 14259: references are not enabled.\n",
		  "engine_lacks_wasm_feature" },
		{ "wasm-ld: error: a.wasm.lto.o: undefined symbol: llvm.wasm.sub.sat.unsigned.v16i8\n",
		  "unclassified" },
		/* Chromium's network error code: a failure, no class */
		{ "GET app://obsidian.md/assets/recipe_rs_bg.wasm net::ERR_FILE_NOT_FOUND\n", "unclassified" },
		/* -Zbuild-std without panic_abort in its list (the target's std is there: core built) */
		{ "error[E0463]: can't find crate for `panic_abort`\n", "unclassified" },
		{ "error[E0463]: can't find crate for `core`\n  = note: the `wasm32-unknown-unknown` target may not "
		  "be installed\n",
		  "std_missing_for_target" },
		/* an engine that refuses a growth below the module's maximum: the host's memory */
		{ "emscripten_realloc_buffer: Attempted to grow heap from 251658240 bytes to 301989888 bytes, but "
		  "got error: RangeError: WebAssembly.Memory.grow(): Unable to grow instance memory.\n",
		  "unclassified" },
		{ "Error: Dynamic linking error: cannot resolve symbol emscripten_start_fetch\n",
		  "main_module_export_missing" },
		{ "LLVM ERROR: Cannot select: 0x5581 t5: nxv2i32 = vscale\nPLEASE submit a bug report to "
		  "https://github.com/llvm/llvm-project/issues/\n",
		  "toolchain_crash" },
	};

	check_named(t, cases, COUNT(cases));
}

/*
 * A logger's debug or trace line notes what a program tried while it worked (wasmtime's fuzzer
 * tries raw bytes as a module before it builds one from them): a pattern passes over it, and
 * still names the same words at an error level or with no logger at all. Zephyr's "<err>" is an
 * error level, its "<dbg>" a debug one.
 */
static void test_logger_quiet_levels(const struct classify_table *t)
{
	static const char debug[] = "[2025-08-25T14:40:56Z DEBUG wasmtime_fuzzing::single_module_fuzzer] fuzz input "
				    "not a valid module: magic header not detected: bad magic number - expected=[\n"
				    "[2025-08-25T14:40:56Z TRACE wasmtime_fuzzing::generators] bad magic number\n";
	static const char error[] = "[2025-08-25T14:40:56Z ERROR wasmtime_cli] failed to parse module: magic header "
				    "not detected: bad magic number - expected=[\n";

	static const char quoted[] = "> [2025-08-25T14:40:56Z DEBUG wasmtime_fuzzing] fuzz input not a valid module: "
				     "magic header not detected: bad magic number - expected=[\n"
				     "> [2025-08-25T14:40:56Z DEBUG wasmtime_fuzzing] writing `testcase0.dna`\n";

	CHECK_STR(classify1(t, -1, debug, NULL, NULL), "none");
	CHECK_STR(classify1(t, -1, quoted, NULL, NULL), "none");
	/* Zephyr's levels after its time (microseconds after a comma): an error, notes */
	CHECK_STR(classify1(t, -1,
			    "[00:01:18.138,000] <err> os: ***** USAGE FAULT *****\n"
			    "[00:01:18.138,000] <err> os:   No coprocessor instructions\n",
			    NULL, NULL),
		  "unclassified");
	CHECK_STR(classify1(t, -1,
			    "[00:00:00.010,000] <inf> wamr: loading module\n"
			    "[00:00:00.011,000] <dbg> wamr: bad magic number\n",
			    NULL, NULL),
		  "none");
	CHECK_STR(classify1(t, -1, error, NULL, NULL), "not_a_wasm_module");
	CHECK_STR(classify1(t, -1, "Error: magic header not detected: bad magic number\n", NULL, NULL),
		  "not_a_wasm_module");
}

/*
 * A browser's Content Security Policy report runs past 300 characters (the directive
 * quoted whole, then a note on fallbacks): still a message, so a failure, where a command line
 * of thousands of characters with "-Werror" in it is not.
 */
static void test_long_message_lines(const struct classify_table *t)
{
	static const char csp[] =
		"Loading the script 'blob:https://example.com/6b53f60c-5294-4f28-8c78-afe630b08270' violates the "
		"following Content Security Policy directive: \"script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval' "
		"https://cdn.jsdelivr.net\". Note that 'script-src-elem' was not explicitly set, so 'script-src' is "
		"used as a fallback. The action has been blocked.\n";
	struct strbuf cmd = { 0 };

	CHECK(strlen(csp) > 300);
	CHECK_STR(classify1(t, -1, csp, NULL, NULL), "unclassified");
	strbuf_addstr(&cmd, "/usr/bin/cc -Werror -Wall");
	for (int i = 0; i < 60; i++)
		strbuf_addstr(&cmd, " -I/src/third_party/include");
	strbuf_addstr(&cmd, " -c error.c -o error.o\nok\n");
	CHECK_STR(classify1(t, -1, cmd.buf, NULL, NULL), "none");
	strbuf_release(&cmd);
}

/*
 * tests/classify/wordings/NAME.tsv: the tools' own error messages as their
 * sources spell them (README.md there), one a line: "CLASS<TAB>LINE<TAB>SOURCE".
 * LINE is the message as a log shows it, "\n" between lines where it needs
 * the ones around it; CLASS is the class it must get with no stage given
 * (none and unclassified for the look-alikes that must stay unnamed).
 */
static void check_wording_file(const struct classify_table *t, const char *path)
{
	char *text = NULL, *save = NULL;
	size_t len, lineno = 0, rows = 0;

	CHECK_INT(read_file(path, &text, &len), 0);
	if (!text)
		return;
	for (char *row = strtok_r(text, "\n", &save); row; row = strtok_r(NULL, "\n", &save)) {
		char *cls = row, *msg, *src, *log, *w;
		const char *got;

		lineno++;
		if (*row == '#' || *row == '\0')
			continue;
		msg = strchr(cls, '\t');
		src = msg ? strchr(msg + 1, '\t') : NULL;
		if (!src) {
			fprintf(stderr, "%s:%zu: needs CLASS<TAB>LINE<TAB>SOURCE\n", path, lineno);
			check_failures++;
			continue;
		}
		*msg++ = '\0';
		*src = '\0';
		if (!classify_find(t, cls) && strcmp(cls, CLASSIFY_NONE) != 0 &&
		    strcmp(cls, CLASSIFY_UNCLASSIFIED) != 0) {
			fprintf(stderr, "%s:%zu: class '%s' is not in the table\n", path, lineno, cls);
			check_failures++;
			continue;
		}
		log = w = xmalloc(strlen(msg) + 2);
		for (const char *r = msg; *r; r++) {
			if (r[0] == '\\' && r[1] == 'n') {
				*w++ = '\n';
				r++;
			} else if (r[0] == '\\' && r[1] == 't') {
				*w++ = '\t';
				r++;
			} else {
				*w++ = *r;
			}
		}
		*w++ = '\n';
		*w = '\0';
		got = classify1(t, -1, log, NULL, NULL);
		if (strcmp(got, cls) != 0) {
			fprintf(stderr, "%s:%zu: %s, want %s: %s\n", path, lineno, got, cls, msg);
			check_failures++;
		}
		rows++;
		free(log);
	}
	CHECK(rows > 0);
	free(text);
}

static void test_wording_files(const struct classify_table *t)
{
	char *dir = xasprintf("%s/tests/classify/wordings", source_dir());
	size_t n = 0;
	char **names = names_ending(dir, ".tsv", &n);

	CHECK(n > 0);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);

		check_wording_file(t, path);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
}

int main(void)
{
	char *path = xasprintf("%s/%s", source_dir(), CLASSIFY_TABLE_PATH);
	struct classify_table *t = NULL;

	test_bad_tables();
	test_requires();
	test_unless();
	test_rules();
	test_required_text();
	test_result_shape();
	test_telling_line();

	error_clear();
	if (classify_load(&t, path)) {
		fprintf(stderr, "%s\n", error_message());
		CHECK(!"matrix/signatures.json loads");
	} else {
		CHECK(classify_count(t) >= 20);
		test_embedded_matches_file(t);
		test_rules_generalize(t);
		test_runtime_catalogue(t);
		test_engine_catalogues(t);
		test_catalogue_wordings(t);
		test_target_and_channel_wordings(t);
		test_flag_and_dylib_wordings(t);
		test_toolchain_catalogue(t);
		test_drifted_wordings(t);
		test_batch3_wordings(t);
		test_batch20_tune_wordings(t);
		test_python_packaging_wordings(t);
		test_runner_failures(t);
		test_no_breakage_failures(t);
		test_near_misses(t);
		test_tune20a_wordings(t);
		test_tune31_wordings(t);
		test_tune32_wordings(t);
		test_tune33_wordings(t);
		test_logger_quiet_levels(t);
		test_tune51_wordings(t);
		test_long_message_lines(t);
		test_tune34_wordings(t);
		test_tune35_wordings(t);
		test_tune36_wordings(t);
		test_tune37_wordings(t);
		test_tune38_wordings(t);
		test_tune39_wordings(t);
		test_tune40_wordings(t);
		test_pasted_blank_lines(t);
		test_process_labels(t);
		test_tune41_wordings(t);
		test_tune42_wordings(t);
		test_tune43_wordings(t);
		test_tune44_wordings(t);
		test_import_module_rules(t);
		test_go_signal_in_wazero(t);
		test_engine_process_crash(t);
		test_go_dependency_without_target(t);
		test_crash_report_formats(t);
		test_debugger_crash_and_wasi_proposal(t);
		test_zig_test_without_wasm_runner(t);
		test_oom_trap_split_js_error_and_kotlin_crash(t);
		test_builtin_import_and_component_hosts(t);
		test_ocaml_crash_and_proxy_wasm_glue(t);
		test_standalone_glue_imports_and_warning_marks(t);
		test_wrapped_causes_and_log_heads(t);
		test_stage_bound_eh_selection(t);
		test_tune45_wordings(t);
		test_tune46_wordings(t);
		test_engine_opcode_and_crash_wordings(t);
		test_catalogue34c_wordings(t);
		test_tune21a_wordings(t);
		test_tune21b_wordings(t);
		test_tune22a_wordings(t);
		test_tune22b_wordings(t);
		test_tune22c_wordings(t);
		test_tune23a_wordings(t);
		test_tune23b_wordings(t);
		test_tune24_wordings(t);
		test_tune25b_wordings(t);
		test_tune26b_wordings(t);
		test_tune27b_wordings(t);
		test_cat28a_wordings(t);
		test_cat29a_wordings(t);
		test_cat29b_wordings(t);
		test_cat30b_wordings(t);
		test_cat30c_wordings(t);
		test_cat32a_wordings(t);
		test_cat32b_wordings(t);
		test_cat33a_wordings(t);
		test_cat33b_wordings(t);
		test_tune28b_wordings(t);
		test_tune30_wordings(t);
		test_build_tool_error_lines(t);
		test_batch9_10_near_misses(t);
		test_feature_refusal_catalogues(t);
		test_wrappers_tell_nothing(t);
		test_threads_and_speed(t);
		test_cat34b_wordings(t);
		test_cat35_wordings(t);
		test_wording_files(t);
		test_corpus(t);
		classify_free(t);
	}
	free(path);
	return check_done();
}
