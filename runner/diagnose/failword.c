/*
 * failword: a line that says in plain words that something failed
 * (failword.h). Words, not shapes: the shapes of the tools' error lines are
 * evidence.c's; this is what is left when a log shows none of them.
 */
#include "failword.h"

#include <ctype.h>
#include <string.h>

#include "textscan.h"

/* Longer lines are command lines, listings or data, not a message (a browser's CSP report runs past 300). */
#define FAILWORD_MAX_LINE 600

/* Lower case; a space in a phrase matches one space. */
static const char *const failures[] = {
	"error",
	"errors",
	"fatal",
	"failed",
	"failure",
	"fails",
	"panic",
	"panicked",
	"exception",
	"aborted",
	"abort",
	"crashed",
	"segfault",
	"segmentation fault",
	"core dumped",
	"killed",
	"cannot",
	"can't",
	"could not",
	"couldn't",
	"unable to",
	"not found",
	"no such file",
	"undefined",
	"unresolved",
	"invalid",
	"unsupported",
	"not supported",
	"denied",
	"refused",
	"out of bounds",
	"out of memory",
	"timed out",
	"unreachable",
	"exceeds the maximum",
	"incompatible",
	"blocked",
	"disallowed",
	"is not defined",
	"is not a function",
	"violates",
	"mismatch",
	"mismatched",
	"does not exist",
	"doesn't exist",
	"does not export",
	/* an ES module's import the module lacks (V8's and Firefox's SyntaxError) */
	"does not provide an export named",
	"import not found",
	"no module named",
	"must be set",
	"unknown option",
	"not implemented",
	"is not a valid",
	"must be less than",
	/* a child's exit as its parent reports it (cargo: "process didn't exit successfully: `...` (exit status: 1)") */
	"didn't exit successfully",
	"did not exit successfully",
	"non-zero exit",
	"nonzero exit",
	/* LLVM's option parser (CommandLine.cpp), a tool's name before it */
	"not enough positional command line arguments",
	"unknown command line argument",
	/* wasmtime's report of a trap ("wasm trap: wasm `unreachable` instruction executed") */
	"wasm trap:",
	/* wazero's ("wasm error: unreachable", then "wasm stack trace:") */
	"wasm error:",
	/* a package's exports map refusing a subpath (Node's, webpack's and esbuild's resolvers) */
	"is not exported from package",
	/* an assertion's own words (esbuild, React: "Invariant violation: ...") */
	"invariant violation",
	"is not installed",
	"are not installed",
	"no such",
	"is required",
	"is not satisfied",
	"uninitialized",
	"not been initialized",
	"unrecognized",
	"not defined",
	"is unknown",
	"leaked",
	"terminated",
};

/* The first letters of the failure words. */
#define FIRST_LETTERS "abcdefiklmnoprstuvw"

/* Words that make a line a notice: what follows them was survived, or is yet to fail. */
static const char *const notices[] = { "warn",    "warning",  "warnings",   "retrying",
				       "ignored", "ignoring", "will retry", "tries remaining" };

/*
 * Words of a line that says it is no error (winit's control-flow exception on
 * the web; JupyterLab's contents drive on a missing listing: "don't worry,
 * about SyntaxError: ... nothing's broken"; Flutter's advice after a build,
 * printed as "ERROR: Wasm dry run succeeded. Consider building ... --wasm").
 */
static const char *const denials[] = { "isn't actually an error", "is not an error",   "isn't an error",
				       "nothing's broken",        "nothing is broken", "wasm dry run succeeded",
				       "wasm dry run findings" };

/*
 * Lines that start with failure words but report what a tool went on from:
 * GitHub Actions' cache library (@actions/cache: core.info or core.warning),
 * Firefox's devtools on a missing source map, CMake before 3.31 on a platform
 * it has no module for (it goes on with the generic one), rustc's summary of
 * its error codes and its pointer to their explanation, under its errors,
 * wasm-ctor-eval's stop after the constructors it could evaluate.
 */
static const char *const survived[] = {
	"Failed to save: ",           "Failed to restore: ",           "Source map error: ",
	"System is unknown to cmake", "For more information about ",   "Some errors have detailed explanations: ",
	"Some errors occurred: ",     "...partial evalling successful"
};

/* A line's first word that makes it a logger's lower level than an error. */
static const char *const levels[] = { "note", "help", "hint", "info", "debug", "trace" };

/* The keys of a JSON object's message (a console's copy of an error object, rustc's and cargo's JSON diagnostics). */
static const char *const json_keys[] = { "\"message\": \"", "\"msg\": \"", "\"error\": \"" };

/* Words before a failure word that count it as none ("0 errors", "no errors"). */
static const char *const zeros[] = { "0 ", "no ", "zero ", "without ", "nothing ", "not a ", "not an " };

/* Words after a failure word that make it a topic, not a failure ("error handling"). */
static const char *const topics[] = { " handling", " handler" };

static int is_word_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Whether [S, END) has W as a word of its own, without case. */
static int has_word_ci(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = s; p + n <= end; p++)
		if (starts_with_ci(p, end, w) && (p == s || !is_word_char((unsigned char)p[-1])) &&
		    (p + n == end || !is_word_char((unsigned char)p[n])))
			return 1;
	return 0;
}

/*
 * Whether the failure word [P, Q) stands on its own: not inside a flag, a
 * path, a file name or an identifier ("-Werror", "error.rs", "on_error",
 * "errors=strict").
 */
static int stands_alone(const char *s, const char *p, const char *q, const char *end)
{
	/* after a quote it is a word mentioned ("the `error:` prefix"), not said */
	if (p > s && (is_word_char((unsigned char)p[-1]) || strchr("-/.=`'\"", p[-1])))
		return 0;
	for (size_t i = 0; i < sizeof(topics) / sizeof(*topics); i++)
		if (starts_with_ci(q, end, topics[i]))
			return 0;
	if (q == end)
		return 1;
	if (is_word_char((unsigned char)*q) || strchr("-/=", *q))
		return 0;
	return !(*q == '.' && q + 1 < end && isalnum((unsigned char)q[1]));
}

/* Whether the failure word [P, Q) is a value an object's print shows ("{ bitDepth: undefined, length: 6 }"). */
static int is_printed_value(const char *s, const char *p, const char *q, const char *end)
{
	if (p - s < 2 || p[-2] != ':' || p[-1] != ' ')
		return 0;
	while (q < end && *q == ' ')
		q++;
	return q < end && (*q == ',' || *q == '}');
}

/*
 * Whether the failure word [P, Q) is counted as none: "0 errors", "no errors",
 * "failed: 0", "\"failed\":0", an empty list after it or after its noun
 * ("page errors: []", "failed requests: []").
 */
static int counted_zero(const char *s, const char *p, const char *q, const char *end)
{
	for (size_t i = 0; i < sizeof(zeros) / sizeof(*zeros); i++) {
		size_t n = strlen(zeros[i]);
		const char *z;

		if ((size_t)(p - s) < n)
			continue;
		z = p - n;
		if (starts_with_ci(z, p, zeros[i]) && (z == s || !is_word_char((unsigned char)z[-1])))
			return 1;
	}
	if (q < end && (*q == '"' || *q == '\''))
		q++;
	if (q < end && *q == ' ' && q + 1 < end && isalpha((unsigned char)q[1])) {
		const char *w = q + 1;

		while (w < end && isalpha((unsigned char)*w))
			w++;
		if (w < end && *w == ':')
			q = w;
	}
	while (q < end && *q == ' ')
		q++;
	if (q == end || (*q != ':' && *q != '='))
		return 0;
	for (q++; q < end && *q == ' '; q++)
		;
	if (starts_with(q, end, "[]") || starts_with(q, end, "{}"))
		return 1;
	return q < end && *q == '0' && (q + 1 == end || !isdigit((unsigned char)q[1]));
}

/*
 * Whether the line starts as something other than a message: CMake's
 * status ("-- "), where its configure checks print their results ("--
 * Performing Test X - Failed") and find_package a package it may go without
 * ("-- Could NOT find X"), but for the one that says the configure failed;
 * a lower logger level, an information bullet ("\xe2\x84\xb9 ": R's cli,
 * consola, rich), a shell command ("$ ", set -x's "+ "), a stack frame ("at "),
 * a source listing's gutter ("12 | ", "|").
 */
static int is_not_message(const char *s, const char *end)
{
	const char *p;

	/* a level in brackets too ("[info] ") */
	p = *s == '[' ? s + 1 : s;
	for (size_t i = 0; i < sizeof(levels) / sizeof(*levels); i++) {
		size_t n = strlen(levels[i]);

		if (starts_with_ci(p, end, levels[i]) && (p + n == end || !is_word_char((unsigned char)p[n])))
			return 1;
	}
	return starts_with(s, end, "$ ") || starts_with(s, end, "+ ") || starts_with(s, end, "at ") ||
	       (starts_with(s, end, "-- ") && !starts_with(s, end, "-- Configuring incomplete")) ||
	       starts_with(s, end, "\xe2\x84\xb9 ") || is_listing_gutter(s, end);
}

/* Phrases a parent says a child's exit with; a number other than 0 after them is its failure. */
static const char *const exits[] = { "returned ",    "exit code ",       "exit code: ",    "exited with code ",
				     "exit status ", "exit status: ",    "exit status = ", "exited with status ",
				     "signal: ",     "killed by signal " };

int failword_exit(const char *s, const char *end)
{
	for (size_t i = 0; i < sizeof(exits) / sizeof(*exits); i++) {
		size_t n = strlen(exits[i]);

		for (const char *p = s; p + n < end; p++) {
			const char *q = p + n;

			if (!starts_with_ci(p, end, exits[i]) || (p > s && is_word_char((unsigned char)p[-1])))
				continue;
			if (*q == '-')
				q++;
			if (q == end || !isdigit((unsigned char)*q) || *q == '0')
				continue;
			while (q < end && isdigit((unsigned char)*q))
				q++;
			if (q == end)
				return 1;
			/* not a count ("1 rows"), a decimal, a percentage or a word of its own */
			if (is_word_char((unsigned char)*q) || *q == '%' ||
			    (*q == '.' && q + 1 < end && isdigit((unsigned char)q[1])) ||
			    (*q == ' ' && q + 1 < end && isalpha((unsigned char)q[1])))
				continue;
			return 1;
		}
	}
	return 0;
}

/*
 * Whether the line names a thing its reader does not know, then the thing:
 * "unknown variable: python_version", "unknown field `foo`", "unknown command
 * 'x'" (a parser's refusal; "Version: unknown" names nothing after it).
 */
static int says_unknown_thing(const char *s, const char *end)
{
	for (const char *p = s; p + 8 < end; p++) {
		const char *q = p + 8;

		if (!starts_with_ci(p, end, "unknown ") || (p > s && is_word_char((unsigned char)p[-1])))
			continue;
		while (q < end && islower((unsigned char)*q))
			q++;
		if (q == p + 8 || q + 1 >= end)
			continue;
		if ((q[0] == ':' && q[1] == ' ') || (q[0] == ' ' && q[1] && strchr("`'\"", q[1])))
			return 1;
	}
	return 0;
}

/* What a search finds none of without anything failing ("No issues found", "No vulnerabilities found"). */
static const char *const found_fine[] = { "error",      "issue", "problem", "vulnerabilit", "warning", "change",
					  "difference", "leak",  "update",  "outdated",     "match",   "test" };

/*
 * Whether the line says a thing it needed is not there: "No output files
 * found.", "no provider found for i18n", "No kernel available": a line that
 * opens with "No", then at most four words, then "found" or "available".
 */
static int says_none_found(const char *s, const char *end)
{
	const char *p = s + 3;

	if (!starts_with_ci(s, end, "no ") || p >= end)
		return 0;
	for (size_t i = 0; i < sizeof(found_fine) / sizeof(*found_fine); i++)
		if (starts_with_ci(p, end, found_fine[i]))
			return 0;
	for (int words = 0; words < 5 && p < end; words++) {
		const char *w = p;

		while (p < end && *p != ' ')
			p++;
		if (words > 0 &&
		    (word_is(w, (size_t)(p - w), "found") || word_is(w, (size_t)(p - w), "found.") ||
		     word_is(w, (size_t)(p - w), "available") || word_is(w, (size_t)(p - w), "available.")))
			return 1;
		while (p < end && *p == ' ')
			p++;
	}
	return 0;
}

/* Words a tool says it got to its end with ("Finished release", "Successfully installed", "done in 3s"). */
static const char *const successes[] = { "finished", "successfully", "succeeded", "success", "passed", "done" };

int failword_success(const char *s, const char *end)
{
	if (failword_line(s, end))
		return 0;
	for (size_t i = 0; i < sizeof(successes) / sizeof(*successes); i++)
		if (has_word_ci(s, end, successes[i]))
			return 1;
	return 0;
}

int failword_denied(const char *s, const char *end)
{
	for (size_t i = 0; i < sizeof(denials) / sizeof(*denials); i++)
		if (has_word_ci(s, end, denials[i]))
			return 1;
	return 0;
}

int failword_line(const char *s, const char *end)
{
	int failures_said = 0;

	while (s < end && isspace((unsigned char)*s))
		s++;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	if (s == end || end - s > FAILWORD_MAX_LINE || is_not_message(s, end) ||
	    starts_with_any(s, end, survived, sizeof(survived) / sizeof(*survived)))
		return 0;
	if (failword_denied(s, end))
		return 0;
	/* a JSON object's message ("message": "No such file or directory"): its value is said, not mentioned */
	for (size_t i = 0; i < sizeof(json_keys) / sizeof(*json_keys); i++)
		if (starts_with(s, end, json_keys[i])) {
			s += strlen(json_keys[i]);
			break;
		}
	for (size_t i = 0; i < sizeof(notices) / sizeof(*notices); i++)
		if (has_word_ci(s, end, notices[i]))
			return 0;
	if (find_in(s, end, "eprecat"))
		return 0;
	/* advice, not a failure ("If you want to throw an explicit error instead ..., use -sX") */
	if (starts_with_ci(s, end, "if you want "))
		return 0;
	/* a sanitizer's report ("==4108==ERROR: AddressSanitizer: heap-buffer-overflow"): "==" hides the word */
	if (find_in(s, end, "==ERROR: ") && find_in(s, end, "Sanitizer"))
		return 1;
	/* Chromium's network error codes ("GET app://x/a.wasm net::ERR_FILE_NOT_FOUND") */
	if (find_in(s, end, "net::ERR_") || failword_exit(s, end) || says_none_found(s, end) ||
	    says_unknown_thing(s, end))
		return 1;
	for (const char *p = s; p < end; p++) {
		/* every line of a log can come here: look closer only where a failure word can start */
		if (!strchr(FIRST_LETTERS, tolower((unsigned char)*p)) || !*p)
			continue;
		for (size_t i = 0; i < sizeof(failures) / sizeof(*failures); i++) {
			const char *q = p + strlen(failures[i]);

			if (starts_with_ci(p, end, failures[i]) && stands_alone(s, p, q, end) &&
			    !counted_zero(s, p, q, end) && !is_printed_value(s, p, q, end))
				failures_said++;
		}
	}
	return failures_said > 0;
}
