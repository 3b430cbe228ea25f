/*
 * logline: where a log line's own text starts, after what a CI system, a
 * build frontend, a test runner, a JS console or a paste put before it
 * (timestamps, stream tags, log levels, miette's gutters, Markdown quotes,
 * "Uncaught ..."). The evidence reader (evidence.c) weighs a line by its own
 * text, so a wrapped error reads as the bare one.
 */
#include <ctype.h>
#include <string.h>

#include "logline.h"
#include "textscan.h"

/*
 * [S, END) after Docker BuildKit's plain-progress prefix: the step ("#12 ",
 * often cut when pasted) and the seconds since it started, which BuildKit
 * puts before every line a step prints: three decimals under ten seconds
 * ("7.313 "), two under a hundred ("23.86 "), one from there ("106.6 ").
 */
const char *logline_after_buildkit(const char *s, const char *end)
{
	const char *p = s, *d;

	if (p < end && *p == '#') {
		for (d = ++p; p < end && isdigit((unsigned char)*p); p++)
			;
		if (p == d || p == end || *p != ' ')
			return s;
		p++;
	}
	for (d = p; p < end && isdigit((unsigned char)*p); p++)
		;
	if (p - d >= 3 && end - p >= 3 && *p == '.' && isdigit((unsigned char)p[1]) && p[2] == ' ')
		return p + 3;
	/* under a hundred seconds, two decimals or three (older BuildKit: two under ten, too) */
	if (p == d || end - p < 4 || *p != '.' || !isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
		return s;
	if (p[3] == ' ')
		return p + 4;
	return end - p >= 5 && isdigit((unsigned char)p[3]) && p[4] == ' ' ? p + 5 : s;
}

/*
 * The end of the shape SHAPE at S ('9' a digit, any other byte itself) within
 * END, or NULL.
 */
static const char *shape_end(const char *s, const char *end, const char *shape)
{
	for (; *shape; shape++, s++)
		if (s == end || (*shape == '9' ? !isdigit((unsigned char)*s) : *s != *shape))
			return NULL;
	return s;
}

/*
 * The end of a time at S, or NULL: ISO 8601's "YYYY-MM-DD[T ]HH:MM:SS" (Go's
 * log package: "YYYY/MM/DD HH:MM:SS") or a bare "HH:MM:SS", each with its
 * optional fraction (".123", ",123") and zone ("Z", "+01:00", " GMT"); or a 12-hour
 * clock's "H:MM:SS AM" (Netlify's deploy log: "3:41:52 PM: ").
 */
static const char *time_end(const char *s, const char *end)
{
	/* a zone's name after the time (PostgreSQL's log_line_prefix "%m": "14:44:37.831 GMT") */
	static const char *const zones[] = { "GMT", "UTC", "CET", "CEST", "PST", "PDT", "EST", "EDT" };
	const char *p = shape_end(s, end, "9999-99-99");

	if (!p)
		p = shape_end(s, end, "9999/99/99");
	if (p && p < end && (*p == 'T' || *p == ' '))
		s = p + 1;
	if (!(p = shape_end(s, end, "99:99:99")) && !(p = shape_end(s, end, "9:99:99")))
		return NULL;
	/* the 12-hour clock's half, with the colon Netlify puts after it */
	if (end - p >= 3 && *p == ' ' && (p[1] == 'A' || p[1] == 'P') && p[2] == 'M')
		return p + 3 < end && p[3] == ':' ? p + 4 : p + 3;
	if (p - s == 7)
		return NULL;
	if (p < end && (*p == '.' || *p == ',') && p + 1 < end && isdigit((unsigned char)p[1]))
		for (p++; p < end && isdigit((unsigned char)*p); p++)
			;
	/* Zephyr's microseconds after the milliseconds ("00:01:18.138,000") */
	if (p < end && *p == ',' && p + 1 < end && isdigit((unsigned char)p[1]))
		for (p++; p < end && isdigit((unsigned char)*p); p++)
			;
	if (p < end && *p == 'Z')
		p++;
	else if (p < end && (*p == '+' || *p == '-') && (s = shape_end(p + 1, end, "99:99")))
		p = s;
	else if (p < end && *p == ' ')
		for (size_t i = 0; i < sizeof(zones) / sizeof(*zones); i++)
			if (starts_with(p + 1, end, zones[i]) && p + 1 + strlen(zones[i]) < end &&
			    p[1 + strlen(zones[i])] == ' ')
				return p + 1 + strlen(zones[i]);
	return p;
}

/*
 * [P, END) after the "\r\x1b[0K" that ends a CI marker (a log read raw; a
 * cleaned one has lost it, and the marker's name runs into the text after).
 */
static const char *after_erase(const char *p, const char *end)
{
	if (p < end && *p == '\r')
		p++;
	return starts_with(p, end, "\x1b[0K") ? p + 4 : p;
}

/* Whether [S, END) starts with a JS error's name and its colon ("Error: ", "TypeError: ", "RangeError: "). */
static int is_error_name(const char *s, const char *end)
{
	const char *p = span_of(s, end, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

	return p - s >= 5 && isupper((unsigned char)*s) && !memcmp(p - 5, "Error", 5) && p < end && *p == ':';
}

int logline_names_script(const char *s, const char *end)
{
	static const char *const kinds[] = { ".js", ".mjs", ".cjs", ".ts", ".html" };

	if (span_of(s, end, NAME_CHARS "/:?=&%~+") != end || end == s)
		return 0;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		size_t n = strlen(kinds[i]);

		if ((size_t)(end - s) > n && memcmp(end - n, kinds[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Whether [S, END) is DevTools' name of an evaluated script ("VM8"). */
static int names_vm_script(const char *s, const char *end)
{
	return starts_with(s, end, "VM") && end - s > 2 && span_of(s + 2, end, "0123456789") == end;
}

/*
 * The end of how a JS console or a page's test presents an uncaught error at
 * S, before the error itself, or S. V8's inspector and Firefox's console say
 * "Uncaught " or "Uncaught (in promise) ", and a copy of DevTools' line puts
 * its source location first ("pyodide.asm.js:9 ", "VM123:1 ", also before an
 * error it logged); Deno prints
 * V8's as "error: Uncaught ..." (runtime/fmt_errors.rs); WebKit's
 * "Unhandled Promise Rejection: " (WebCore/dom/RejectedPromiseTracker.cpp)
 * and Safari's console level "[Error] "; Emscripten's pthread glue relays a
 * worker's as "worker sent an error! URL:LINE: ..." (library_pthread.js),
 * and the worker reports what it caught itself as "worker.js onmessage()
 * captured an uncaught exception: ..." ("worker: onmessage() ..." since 3.1.58);
 * a test forwarding a page's console tags it "[browser] " or "pageerror: "
 * (Playwright's and Puppeteer's event name); the SpiderMonkey embeddings
 * that componentize JS (js-compute-runtime, StarlingMonkey) report a rejection
 * left unhandled as "Promise rejected but never handled: "; Node's console.trace() of an
 * error says "Trace: " first; Servo's shell logs a page's error as "Error at
 * URL:LINE:COLUMN message" (its location first, as DevTools').
 */
static const char *console_prefix_end(const char *s, const char *end)
{
	static const char *const tags[] = {
		"Uncaught (in promise) ",
		"Uncaught ",
		"Unhandled Promise Rejection: ",
		"Promise rejected but never handled: ",
		"[Error] ",
		"[browser] ",
		"pageerror: ",
		/* trame's relay of its page's errors to the Python side */
		"JS Error => ",
	};
	const char *p, *q;

	for (size_t i = 0; i < sizeof(tags) / sizeof(*tags); i++)
		if (*s == *tags[i] && starts_with(s, end, tags[i]) && s + strlen(tags[i]) < end)
			return s + strlen(tags[i]);
	/* Deno's "error: " goes here, its "Uncaught " next */
	if (starts_with(s, end, "error: Uncaught "))
		return s + 7;
	if (starts_with(s, end, "worker sent an error! ") && (p = find_in(s + 22, end, ": ")))
		return p + 2;
	if ((p = find_in(s, end - s > 80 ? s + 80 : end, "onmessage() captured an uncaught exception: ")) &&
	    p + 44 < end)
		return p + 44;
	if (starts_with(s, end, "Trace: ") && is_error_name(s + 7, end))
		return s + 7;
	if (starts_with(s, end, "Error at ") && (p = memchr(s + 9, ' ', (size_t)(end - s - 9))) && p + 1 < end) {
		for (q = p; q > s + 9 && isdigit((unsigned char)q[-1]); q--)
			;
		if (q < p && q[-1] == ':' && q - 1 > s + 9 && isdigit((unsigned char)q[-2]))
			return p + 1;
	}
	/* DevTools' source location: one word ending in ":LINE", then "Uncaught " (bounded: most lines pass fast) */
	for (p = s; p < end && p - s < 200 && *p != ' '; p++)
		;
	for (q = p; q > s && isxdigit((unsigned char)q[-1]); q--)
		;
	/* a wasm function's place is its byte offset ("app.wasm:0xaa3") */
	if (q - s >= 4 && q[-1] == 'x' && q[-2] == '0' && q[-3] == ':')
		q -= 2;
	else
		for (q = p; q > s && isdigit((unsigned char)q[-1]); q--)
			;
	if (q < p && q - s >= 2 && q[-1] == ':' && starts_with(p, end, " Uncaught "))
		return p + 1;
	/* ... or a logged error itself ("pyodide.asm.js:10 TypeError: ...") */
	if (q < p && q - s >= 2 && q[-1] == ':' && p < end && is_error_name(p + 1, end))
		return p + 1;
	/* ... or anything a script logged, when the location names the script ("app.js:88 speed 1") */
	if (q < p && q - s >= 2 && q[-1] == ':' && p + 1 < end &&
	    (logline_names_script(s, q - 1) || names_vm_script(s, q - 1)))
		return p + 1;
	return s;
}

/*
 * The end of Docker Compose's service prefix at S ("web-1  | ", v1's
 * "proj_web_1  | ": the container's name, which ends in its replica number,
 * padded to the widest name, then "| "; on a blank line the "|" ends it),
 * or S.
 */
static const char *compose_prefix_end(const char *s, const char *end)
{
	const char *p = span_of(s, end, NAME_CHARS), *d = p;

	while (d > s && isdigit((unsigned char)d[-1]))
		d--;
	if (d == p || d - s < 2 || (d[-1] != '-' && d[-1] != '_') || p == end || *p != ' ')
		return s;
	p = span_of(p, end, " ");
	if (p == end || *p != '|')
		return s;
	if (p + 1 == end)
		return end;
	return p[1] == ' ' ? p + 2 : s;
}

/* Words a logger's level is spelt with: a "name:level: " head is a logger's, not a task's. */
static const char *const level_words[] = { "error",    "err",    "warning", "warn",     "info", "information",
					   "debug",    "trace",  "note",    "help",     "hint", "fatal",
					   "critical", "notice", "verbose", "exception" };

/* Whether [S, E) is a level word, without case. */
static int is_level_word(const char *s, const char *e)
{
	for (size_t i = 0; i < sizeof(level_words) / sizeof(*level_words); i++)
		if ((size_t)(e - s) == strlen(level_words[i]) && starts_with_ci(s, e, level_words[i]))
			return 1;
	return 0;
}

/*
 * The end of a structured log's fields at S, after its time and a tab: zap's
 * console encoder and Istio's proxy ("error\twasm\tmessage": a level, a scope
 * or caller, then the message; a scope is a field with a tab after it and no
 * ": " in it), or S when the line has no level field.
 */
static const char *tab_fields_end(const char *s, const char *end)
{
	const char *p = span_of(s, end, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), *t;

	if (p == end || *p != '\t' || !is_level_word(s, p))
		return s;
	s = p + 1;
	t = memchr(s, '\t', (size_t)(end - s));
	return t && t + 1 < end && !find_in(s, t, ": ") ? t + 1 : s;
}

/* Where the text after a label's colon at Q starts: after its space, END when none follows, or S (no label). */
static const char *after_label(const char *s, const char *q, const char *end)
{
	if (q == end || (*q == ' ' && q + 1 == end))
		return end;
	return *q == ' ' ? q + 1 : s;
}

/*
 * The end of a task runner's label at S, which it puts before every line a
 * workspace's task prints, or S: Turborepo's "PACKAGE:TASK: " ("web:build: ",
 * "@acme/ui:test: "), pnpm's recursive run "PATH TASK: " ("packages/core
 * build: ", "PATH TASK$ " before the command it runs), Google Cloud Build's
 * "Step #1: " and "Step #1 - \"build\": ", Yarn Berry's message code
 * ("\xe2\x9e\xa4 YN0000: "), git's sideband "remote: ". The label alone, its
 * space lost in the paste, is a blank line: END.
 */
static const char *task_label_end(const char *s, const char *end)
{
	const char *p, *t, *te;

	if (starts_with(s, end, "remote: "))
		return s + 8;
	if (starts_with(s, end, "\xe2\x9e\xa4 YN") && (p = shape_end(s + 6, end, "9999: ")))
		return p;
	if (starts_with(s, end, "Step #") && (p = span_of(s + 6, end, "0123456789")) > s + 6) {
		if (starts_with(p, end, " - \"") && (t = memchr(p + 4, '"', (size_t)(end - p - 4))))
			p = t + 1;
		return starts_with(p, end, ": ") ? p + 2 : s;
	}
	p = span_of(s, end, NAME_CHARS "@/");
	if (p == s || p == end || is_level_word(s, p) || (p - s > 5 && !memcmp(p - 5, "Error", 5)))
		return s;
	/* Turborepo's: a task name after a colon */
	if (*p == ':') {
		t = p + 1;
		te = span_of(t, end, NAME_CHARS);
		if (te - t < 2 || !isalpha((unsigned char)*t) || is_level_word(t, te) || te == end || *te != ':')
			return s;
		return after_label(s, te + 1, end);
	}
	/* pnpm's: a workspace path (".", or one with a slash) and a script name after a space */
	if (*p != ' ' || (!(p - s == 1 && *s == '.') && !memchr(s, '/', (size_t)(p - s))))
		return s;
	t = p + 1;
	te = span_of(t, end, NAME_CHARS ":");
	if (te - t < 2 || !islower((unsigned char)*t))
		return s;
	/* the command it runs ("packages/core build$ tsc"), which reads as a shell's */
	if (te < end && *te == '$' && !is_level_word(t, te))
		return te;
	if (te[-1] != ':' || is_level_word(t, te - 1))
		return s;
	return after_label(s, te, end);
}

/*
 * A logger's level of error before a line (WasmEdge's spdlog "[error] ",
 * Python logging's "ERROR - ", consola's badge "ERROR  " as a paste keeps it).
 */
static const char *const error_levels[] = { "[ERROR] ", "[error] ", "ERROR - ", "ERROR  " };

/*
 * The end of Nix's build-log prefix at S (nix 2.4+: "PNAME> " before each
 * line a derivation's builder prints; the name has no spaces), or S.
 */
static const char *nix_prefix_end(const char *s, const char *end)
{
	const char *p = span_of(s, end, NAME_CHARS "+");

	return p - s >= 2 && end - p > 2 && p[0] == '>' && p[1] == ' ' && p[-1] != '-' ? p + 2 : s;
}

/*
 * The end of Python unittest's verbose head at S ("test_name
 * (module.Class.test_name) ... ", what a test prints following it), or S.
 */
static const char *unittest_prefix_end(const char *s, const char *end)
{
	const char *p = span_of(s, end, NAME_CHARS), *q;

	if (p == s || end - p < 3 || p[0] != ' ' || p[1] != '(')
		return s;
	q = span_of(p + 2, end, NAME_CHARS);
	return q > p + 2 && end - q > 6 && starts_with(q, end, ") ... ") ? q + 6 : s;
}

/*
 * The end of the rest of Rust's env_logger head at P, after its time
 * ("[2026-07-10T04:43:31Z ERROR servoshell::window] ") or at its bracket
 * when it has none ("[ERROR rustpython_vm::compile] "): a level, an
 * optional target, "] "; or NULL.
 */
static const char *env_logger_end(const char *p, const char *end)
{
	static const char *const levels[] = { "ERROR", "WARN", "INFO", "DEBUG", "TRACE" };
	size_t i;

	/* after the time, or the head's own bracket when there is no time */
	if (p == end || (*p != ' ' && *p != '['))
		return NULL;
	p++;
	for (i = 0; i < sizeof(levels) / sizeof(*levels) && !starts_with(p, end, levels[i]); i++)
		;
	if (i == sizeof(levels) / sizeof(*levels))
		return NULL;
	p += strlen(levels[i]);
	if (p < end && *p == ' ')
		p = span_of(p + 1, end, NAME_CHARS ":");
	return end - p > 2 && p[0] == ']' && p[1] == ' ' ? p + 1 : NULL;
}

/*
 * The end of tracing-subscriber's head at S after its time, or S: a level
 * (padded to five), its spans ("run{id=7}:execute{app=a}:step: ") and then the
 * event's target ("linera_execution::wasm: "), as its default format
 * prints them (fmt/format/mod.rs). Taken only with a span, so a line that
 * starts with a level word and a Rust path keeps its text.
 */
static const char *tracing_head_end(const char *s, const char *end)
{
	static const char *const levels[] = { "ERROR ", "WARN ", "INFO ", "DEBUG ", "TRACE " };
	const char *p = NULL, *q;
	int spans = 0;

	for (size_t i = 0; i < sizeof(levels) / sizeof(*levels) && !p; i++)
		if (starts_with(s, end, levels[i]))
			p = s + strlen(levels[i]);
	if (!p)
		return s;
	while (p < end && *p == ' ')
		p++;
	/* spans joined by ':', each "name{fields}" or a bare "name", the last followed by ": " */
	for (;;) {
		q = span_of(p, end, NAME_CHARS);
		if (q == p)
			return s;
		if (q < end && *q == '{') {
			if (!(q = memchr(q, '}', (size_t)(end - q))))
				return s;
			q++;
			spans++;
		}
		if (starts_with(q, end, ": ")) {
			p = q + 2;
			break;
		}
		if (q + 1 >= end || *q != ':' || q[1] == ':')
			return s;
		p = q + 1;
	}
	if (!spans)
		return s;
	q = span_of(p, end, NAME_CHARS ":");
	if (q > p && find_in(p, q, "::") && starts_with(q - 1, end, ": ") && q[-1] == ':')
		return q + 1;
	return p;
}

/* Zephyr's log levels (include/zephyr/logging/log_output.h) */
static const char *const zephyr_levels[] = { "<err> ", "<wrn> ", "<inf> ", "<dbg> " };

/*
 * The end of Zephyr's log level at S and the module after it ("<err> os: ",
 * "<inf> net_dhcpv4: "), or S; the module is taken only with its ": ".
 */
static const char *zephyr_level_end(const char *s, const char *end)
{
	const char *p = NULL, *q;

	for (size_t i = 0; i < sizeof(zephyr_levels) / sizeof(*zephyr_levels) && !p; i++)
		if (starts_with(s, end, zephyr_levels[i]))
			p = s + strlen(zephyr_levels[i]);
	if (!p)
		return s;
	q = span_of(p, end, NAME_CHARS);
	return q > p && starts_with(q, end, ": ") && q + 2 < end ? q + 2 : p;
}

/*
 * The end of a symbol a tool marks its lines with at S (Next.js' dev server's
 * U+2A2F before an error, Vitest's U+26A1, U+2716, U+274C, U+2714, an emoji),
 * its spaces too; or S. Arrows, technical symbols, dingbats, math operators
 * and emoji; not the warning sign (U+26A0: what the line is), box drawing (a
 * gutter: LOGLINE_MIETTE_*), geometric shapes (a list's bullets, a tree's
 * nodes) or letterlike symbols (U+2139 is an information bullet: failword.c).
 */
static const char *symbol_mark_end(const char *s, const char *end)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long c;
	const char *p;

	if (end - s >= 4 && u[0] == 0xf0 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80 && (u[3] & 0xc0) == 0x80) {
		c = ((unsigned long)(u[1] & 0x3f) << 12) | ((unsigned long)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		p = s + 4;
		if (c < 0x1f300 || c > 0x1faff)
			return s;
	} else if (end - s >= 3 && u[0] == 0xe2 && (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
		c = 0x2000 | ((unsigned long)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		p = s + 3;
		if (c == 0x26a0 ||
		    !((c >= 0x2190 && c <= 0x23ff) || (c >= 0x2600 && c <= 0x27bf) || (c >= 0x2a00 && c <= 0x2bff)))
			return s;
	} else {
		return s;
	}
	/* an emoji's presentation selector */
	if (starts_with(p, end, "\xef\xb8\x8f"))
		p += 3;
	if (p == end || *p != ' ')
		return s;
	p = span_of(p, end, " ");
	return p < end ? p : s;
}

/*
 * The end of glog's head at S ("E1016 21:10:36.609999 2009696 file.cc:296] ":
 * level letter, month and day, time, thread id, source file and line, as
 * MediaPipe and other Google C++ libraries print their logs), or S.
 */
static const char *glog_prefix_end(const char *s, const char *end)
{
	const char *p, *q;

	if (!strchr("IWEF", *s) || !(p = shape_end(s + 1, end, "9999 99:99:99")))
		return s;
	if (p < end && *p == '.')
		p = span_of(p + 1, end, "0123456789");
	q = span_of(p, end, " ");
	p = span_of(q, end, "0123456789");
	if (q == p || p == end || *p != ' ')
		return s;
	q = span_of(p + 1, end, NAME_CHARS ".");
	if (q == p + 1 || q == end || *q != ':')
		return s;
	p = span_of(q + 1, end, "0123456789");
	return p > q + 1 && end - p > 2 && p[0] == ']' && p[1] == ' ' ? p + 2 : s;
}

/*
 * The end of syslog's head at S ("Oct 29 16:36:28 host containerd[1265]: ",
 * as journalctl prints it too), or S.
 */
static const char *syslog_prefix_end(const char *s, const char *end)
{
	static const char *const months[] = { "Jan ", "Feb ", "Mar ", "Apr ", "May ", "Jun ",
					      "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec " };
	const char *p, *q;

	if (!starts_with_any(s, end, months, sizeof(months) / sizeof(*months)))
		return s;
	p = span_of(s + 4, end, " ");
	q = span_of(p, end, "0123456789");
	if (q == p || q - p > 2 || q == end || *q != ' ' || !(p = shape_end(q + 1, end, "99:99:99")) || p == end ||
	    *p != ' ')
		return s;
	/* the host, then the program and its pid */
	q = span_of(p + 1, end, NAME_CHARS);
	if (q == p + 1 || q == end || *q != ' ')
		return s;
	p = span_of(q + 1, end, NAME_CHARS "/");
	if (p == q + 1)
		return s;
	if (p < end && *p == '[') {
		q = span_of(p + 1, end, "0123456789");
		if (q == p + 1 || q == end || *q != ']')
			return s;
		p = q + 1;
	}
	return end - p > 2 && p[0] == ':' && p[1] == ' ' ? p + 2 : s;
}

/*
 * The end of logfmt's fields before an error's message at S ('time="..."
 * level=error msg="': logrus' text format, as containerd and its shims print
 * it), or S: the message is the value of msg, its closing quote left at the
 * line's end.
 */
static const char *logfmt_prefix_end(const char *s, const char *end)
{
	const char *m, *l;

	if (!starts_with(s, end, "time=") && !starts_with(s, end, "level="))
		return s;
	m = find_in(s, end - s > 160 ? s + 160 : end, " msg=\"");
	if (!m || m + 6 >= end)
		return s;
	/* only an error's: a lower level is what the line is (a notice) */
	l = find_in(s, m, "level=");
	if (!l || (l != s && l[-1] != ' '))
		return s;
	return starts_with(l + 6, m, "error") || starts_with(l + 6, m, "fatal") || starts_with(l + 6, m, "panic")
		       ? m + 6
		       : s;
}

/*
 * The message of a row of kubectl describe's "Events:" table at S ("Warning
 * FailedCreatePodSandBox  3s (x23 over 4m)  kubelet  Failed to ..."): its
 * columns are set apart by two spaces or more, the message is the fifth; or
 * NULL.
 */
static const char *kube_event_message(const char *s, const char *end)
{
	const char *p = s;

	for (int column = 0; column < 4; column++) {
		const char *gap = find_in(p, end, "  ");

		if (!gap)
			return NULL;
		p = span_of(gap, end, " ");
		if (p == end)
			return NULL;
	}
	return p;
}

/*
 * cargo's relay of what a build script printed as "cargo:warning=" (cargo
 * 1.77 and later: "warning: zstd-sys@2.0.10+zstd.1.5.6: x.c:1:2: error: ..."):
 * after the package's name and version, the script's own line.
 */
static const char *cargo_relay_end(const char *s, const char *end)
{
	const char *p;

	if (!starts_with(s, end, "warning: "))
		return s;
	p = span_of(s + 9, end, NAME_CHARS);
	if (p == s + 9 || p + 1 >= end || *p != '@' || !isdigit((unsigned char)p[1]))
		return s;
	while (p < end && *p != ' ')
		p++;
	return p > s && p[-1] == ':' && p + 1 < end ? p + 1 : s;
}

/*
 * The end of one decoration that a CI system, a build frontend, a test runner
 * or a paste puts before a child's line, at S within END, or S: each is taken
 * only in its own shape, so a line that merely starts alike keeps its text.
 */
static const char *decoration_end(const char *s, const char *end)
{
	static const char *const tags[] = {
		/* Azure Pipelines' logging commands (docs: "Logging commands"): ##[error], ##vso[task.logissue type=error] */
		"##[error]",
		/* nox's logger (nox/logger.py: "nox > "), pytest's failure lines (_pytest/_code/code.py: "E   ") */
		"nox > ", "E   ",
		/* a runner's stream tags ("[stderr] ", "stderr: ", "stderr | ") */
		"[stderr] ", "[stdout] ", "stderr: ", "stdout: ", "stderr | ", "stdout | ",
		/* miette's reports (rattler-build, uv, pixi: src/handlers/graphical.rs) */
		LOGLINE_MIETTE_HEAD, "\xe2\x94\x82 ", "\xe2\x94\x9c\xe2\x94\x80\xe2\x96\xb6 ", LOGLINE_MIETTE_LAST,
		/*
		 * esbuild's message kind (internal/logger: "✘ [ERROR] "), which
		 * wrangler prints too; its "[ERROR] " still reads as a logger's
		 * error level (logline_error_level)
		 */
		"\xe2\x9c\x98 [ERROR] ",
		/* Markdown's block quote */
		"> ",
		/* a build script's relay of a compiler's output to cargo (cc-rs: "cargo:warning=x.c:1:2: error: ...") */
		"cargo:warning="
	};
	/* every line comes here: the bytes a decoration can start with (the tags', hex, times', the markers') */
	static const unsigned char first[256] = {
		['#'] = 1,
		['n'] = 1,
		['E'] = 1,
		['['] = 1,
		['s'] = 1,
		[0xc3] = 1,
		[0xe2] = 1,
		['>'] = 1,
		['0'] = 1,
		['1'] = 1,
		['2'] = 1,
		['3'] = 1,
		['4'] = 1,
		['5'] = 1,
		['6'] = 1,
		['7'] = 1,
		['8'] = 1,
		['9'] = 1,
		['a'] = 1,
		['b'] = 1,
		['c'] = 1,
		['d'] = 1,
		['e'] = 1,
		['f'] = 1,
		['t'] = 1,
		['\x1b'] = 1,
		['_'] = 1,
		['F'] = 1,
		/* syslog's months, kubectl's event types, logfmt's level, a symbol's first byte (0xe2 above) */
		['J'] = 1,
		['M'] = 1,
		['A'] = 1,
		['S'] = 1,
		['O'] = 1,
		['N'] = 1,
		['l'] = 1,
		[0xf0] = 1,
		['"'] = 1,
		/* tracing-subscriber's other levels (ERROR's E is above), glog's */
		['W'] = 1,
		['I'] = 1,
		['D'] = 1,
		['T'] = 1,
		/* Zephyr's log levels */
		['<'] = 1,
		/* cargo's relay of a build script's warnings */
		['w'] = 1,
	};
	const char *p, *q;

	if (s < end && (p = console_prefix_end(s, end)) != s)
		return p;
	if (s < end && isalnum((unsigned char)*s) &&
	    ((p = compose_prefix_end(s, end)) != s || (p = nix_prefix_end(s, end)) != s ||
	     (p = unittest_prefix_end(s, end)) != s))
		return p;
	if (s < end && (isalnum((unsigned char)*s) || *s == '@' || *s == '.' || *s == '\xe2') &&
	    (p = task_label_end(s, end)) != s)
		return p;
	if (s == end || !first[(unsigned char)*s])
		return s;
	for (size_t i = 0; i < sizeof(tags) / sizeof(*tags); i++)
		if (*s == *tags[i] && starts_with(s, end, tags[i]) && (s + strlen(tags[i]) < end))
			return s + strlen(tags[i]);
	for (size_t i = 0; i < sizeof(error_levels) / sizeof(*error_levels); i++) {
		size_t n = strlen(error_levels[i]);

		/* consola's badge padded further is another logger's column (Emscripten's "ERROR    root: ") */
		if (starts_with(s, end, error_levels[i]) && s + n < end &&
		    !(error_levels[i][n - 2] == ' ' && s[n] == ' '))
			return s + n;
	}
	if (starts_with(s, end, "##vso[task.logissue type=error") && (p = memchr(s, ']', (size_t)(end - s))))
		return p + 1;
	/* GitLab Runner's FF_TIMESTAMPS stream tag after the time: 2 hex digits, O or E, '+' (a continued line) or ' ' */
	if (end - s >= 4 && isxdigit((unsigned char)s[0]) && !isupper((unsigned char)s[0]) &&
	    isxdigit((unsigned char)s[1]) && !isupper((unsigned char)s[1]) && (s[2] == 'O' || s[2] == 'E') &&
	    (s[3] == '+' || s[3] == ' '))
		return s + 4;
	/* GitLab's section markers (section_start:TIME:NAME[options]), Travis' travis_fold/travis_time markers */
	if (starts_with(s, end, "section_start:") || starts_with(s, end, "section_end:")) {
		p = span_of(span_of(memchr(s, ':', (size_t)(end - s)) + 1, end, "0123456789:"), end, NAME_CHARS);
		if (p < end && *p == '[' && (q = memchr(p, ']', (size_t)(end - p))))
			p = q + 1;
		return after_erase(p, end);
	}
	if (starts_with(s, end, "travis_fold:") || starts_with(s, end, "travis_time:"))
		return after_erase(span_of(s + 12, end, NAME_CHARS ":=,"), end);
	/* Buildkite's timestamps (APC "\x1b_bk;t=MILLISECONDS\x07") */
	p = *s == '\x1b' ? s + 1 : s;
	if (starts_with(p, end, "_bk;t=")) {
		p = span_of(p + 6, end, "0123456789");
		return p < end && *p == '\a' ? p + 1 : s;
	}
	if (*s == 'w' && (p = cargo_relay_end(s, end)) != s)
		return p;
	/* env_logger's head without its time ("[ERROR rustpython_vm::compile] ") */
	if (*s == '[' && (p = env_logger_end(s, end)))
		return p;
	if (isupper((unsigned char)*s) && (p = tracing_head_end(s, end)) != s)
		return p;
	if ((p = symbol_mark_end(s, end)) != s)
		return p;
	/* a whole line a post put in quotes ("\"Fatal: ...\"": no quote inside, so no JSON pair) */
	if (*s == '"' && end - s > 3 && end[-1] == '"' && !memchr(s + 1, '"', (size_t)(end - s - 2)) &&
	    isalpha((unsigned char)s[1]))
		return s + 1;
	if (isupper((unsigned char)*s) && ((p = syslog_prefix_end(s, end)) != s || (p = glog_prefix_end(s, end)) != s))
		return p;
	if ((*s == 't' || *s == 'l') && (p = logfmt_prefix_end(s, end)) != s)
		return p;
	/* kubectl describe's events table: type, reason, age, source, then the event's message */
	if ((starts_with(s, end, "Warning ") || starts_with(s, end, "Normal ")) && (p = kube_event_message(s, end)))
		return p;
	/* Zephyr's log level and module after its time ("<err> os: "; subsys/logging) */
	if (*s == '<' && (p = zephyr_level_end(s, end)) != s)
		return p;
	/* a host's stream tag with its guest's name ("[WASI stderr] ", "[worker stdout] ") */
	if (*s == '[' && (p = span_of(s + 1, end, NAME_CHARS)) > s + 1 &&
	    (starts_with(p, end, " stderr] ") || starts_with(p, end, " stdout] ")) && p + 9 < end)
		return p + 9;
	/* a tool's tag before an error it reports ("[webpack-cli] RangeError: ...") */
	if (*s == '[' && (p = span_of(s + 1, end, NAME_CHARS)) > s + 1 && end - p > 2 && p[0] == ']' && p[1] == ' ' &&
	    is_error_name(p + 2, end))
		return p + 2;
	/* a timestamper's time (Jenkins': "[2024-01-02T03:04:05.678Z] ", "12:34:56 "), bare or bracketed */
	p = time_end(s + (*s == '['), end);
	if (p && *s == '[')
		p = p < end && *p == ']' ? p + 1 : env_logger_end(p, end);
	/* a tab after it: Cloudflare Pages' ("19:52:59.639\tCloning ..."), or a structured log's fields */
	if (p && p < end && *p == '\t')
		return tab_fields_end(p + 1, end);
	if (p && p < end && *p == ' ') {
		/* a process id after it (PostgreSQL's "%m [%p] ") */
		if (p + 1 < end && p[1] == '[' && (q = span_of(p + 2, end, "0123456789")) > p + 2 && end - q > 2 &&
		    q[0] == ']' && q[1] == ' ')
			return q + 2;
		return p + 1;
	}
	/* pytest's summary (_pytest/terminal.py: "FAILED nodeid - message") */
	if (starts_with(s, end, "FAILED ") && (p = find_in(s, end, "::")) && (p = find_in(p, end, " - ")))
		return p + 3;
	/* BuildKit's plain progress ("#12 3.456 ") */
	return logline_after_buildkit(s, end);
}

/*
 * Where line [S, END)'s own text starts after the decorations before it (its
 * own indent kept), or S.
 */
const char *logline_own_text(const char *s, const char *end)
{
	/*
	 * what a tag becomes on a blank line, its trailing space often lost in
	 * the paste: a blank line still; the bracketed stream tags only with
	 * their space, since uv heads a child's output with a bare "[stderr]"
	 * line (as "stderr:" alone may head what follows)
	 */
	static const char *const bare_tags[] = { "[stderr] ", "[stdout] ", "stderr |",    "stdout |",
						 "##[error]", "nox >",     "\xe2\x94\x82" };
	const char *e = end;

	/* a quoted blank line (">", "> >") has no text of its own */
	if (span_of(s, end, "> \t") == end && memchr(s, '>', (size_t)(end - s)))
		return end;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	for (;;) {
		const char *p = s, *d;

		while (p < end && isspace((unsigned char)*p))
			p++;
		for (size_t i = 0; i < sizeof(bare_tags) / sizeof(*bare_tags); i++) {
			size_t n = strlen(bare_tags[i]);
			const char *b = bare_tags[i][n - 1] == ' ' ? end : e;

			if ((size_t)(b - p) == n && memcmp(p, bare_tags[i], n) == 0)
				return end;
		}
		if ((d = decoration_end(p, end)) == p)
			return s;
		s = d;
	}
}

/* Whether an env_logger head with LEVEL comes before OWN on LINE. */
static int env_logger_level(const char *line, const char *own, const char *level)
{
	/* env_logger's level sits in its head, which other decorations may come before and after */
	for (const char *q = line; q < own && (q = memchr(q, '[', (size_t)(own - q))); q++) {
		const char *p = time_end(q + 1, own);

		/* the level follows the time, or the bracket itself when there is none */
		if (!p)
			p = q;
		if (starts_with(p + 1, own, level) && env_logger_end(p, own + 1))
			return 1;
	}
	return 0;
}

/* Whether a tab-separated field before OWN on LINE is one of LEVELS, without case ("\terror\t"). */
static int tab_level(const char *line, const char *own, const char *const *levels, size_t n)
{
	for (const char *q = line; q < own && (q = memchr(q, '\t', (size_t)(own - q))); q++)
		for (size_t i = 0; i < n; i++) {
			size_t k = strlen(levels[i]);

			if ((size_t)(own - q) > k + 1 && starts_with_ci(q + 1, own, levels[i]) && q[k + 1] == '\t')
				return 1;
		}
	return 0;
}

static const char *const tab_errors[] = { "error", "critical", "fatal" };
static const char *const tab_quiet[] = { "debug", "trace" };
static const char *const tab_warnings[] = { "warn", "warning" };

int logline_error_level(const char *line, const char *own)
{
	if (env_logger_level(line, own, "ERROR") || find_in(line, own, "<err> ") ||
	    tab_level(line, own, tab_errors, sizeof(tab_errors) / sizeof(*tab_errors)))
		return 1;
	for (size_t i = 0; i < sizeof(error_levels) / sizeof(*error_levels); i++) {
		size_t n = strlen(error_levels[i]);

		if ((size_t)(own - line) >= n && memcmp(own - n, error_levels[i], n) == 0)
			return 1;
	}
	return 0;
}

int logline_quiet_level(const char *line, const char *own)
{
	return env_logger_level(line, own, "DEBUG") || env_logger_level(line, own, "TRACE") ||
	       find_in(line, own, "<dbg> ") || tab_level(line, own, tab_quiet, sizeof(tab_quiet) / sizeof(*tab_quiet));
}

int logline_warning_level(const char *line, const char *own)
{
	return tab_level(line, own, tab_warnings, sizeof(tab_warnings) / sizeof(*tab_warnings));
}
