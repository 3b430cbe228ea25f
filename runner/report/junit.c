#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>

#include "emcompat/error.h"
#include "emcompat/junit.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

/* The writer and whether any of its calls failed: checked once at the end. */
struct jw {
	xmlTextWriterPtr w;
	struct strbuf clean;
	int failed;
};

/* S as XML character data: one stray byte of a log would make the whole file unreadable to every consumer. */
static const xmlChar *cleaned(struct jw *jw, const char *s)
{
	jw->clean.len = 0;
	strbuf_add(&jw->clean, "", 0);  /* empties it, terminator included */
	untrusted_xml_add(&jw->clean, s ? s : "", s ? strlen(s) : 0);
	return (const xmlChar *)strbuf_str(&jw->clean);
}

static void start(struct jw *jw, const char *name)
{
	if (xmlTextWriterStartElement(jw->w, (const xmlChar *)name) < 0)
		jw->failed = 1;
}

static void end(struct jw *jw)
{
	if (xmlTextWriterEndElement(jw->w) < 0)
		jw->failed = 1;
}

static void attr(struct jw *jw, const char *name, const char *value)
{
	if (xmlTextWriterWriteAttribute(jw->w, (const xmlChar *)name, cleaned(jw, value)) < 0)
		jw->failed = 1;
}

static void attr_count(struct jw *jw, const char *name, size_t n)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", n);
	attr(jw, name, buf);
}

static void attr_seconds(struct jw *jw, const char *name, double s)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.3f", s > 0 ? s : 0.0);
	attr(jw, name, buf);
}

static void text(struct jw *jw, const char *s)
{
	if (xmlTextWriterWriteString(jw->w, cleaned(jw, s)) < 0)
		jw->failed = 1;
}

static void property(struct jw *jw, const char *name, const char *value)
{
	start(jw, "property");
	attr(jw, "name", name);
	attr(jw, "value", value ? value : "");
	end(jw);
}

/* A cell's own work: the seconds of its stages that no other cell or run did for it. */
static double cell_seconds(const struct runfile_cell *c)
{
	double t = 0;

	for (size_t i = 0; i < c->nstages; i++)
		if (!c->stages[i].reused)
			t += c->stages[i].seconds;
	return t;
}

static const struct runfile_stage *deciding_stage(const struct runfile_cell *c)
{
	for (size_t i = 0; c->stage && i < c->nstages; i++)
		if (c->stages[i].stage && strcmp(c->stages[i].stage, c->stage) == 0)
			return &c->stages[i];
	return NULL;
}

/* Whether LOG stays inside the run dir: results.json is input, and a report must not quote /etc. */
static int log_path_ok(const char *log)
{
	const char *p = log;

	if (!log || !*log || *log == '/')
		return 0;
	for (; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == log || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 0;
	return 1;
}

/*
 * The last JUNIT_TAIL_LINES lines of the file at PATH, reading at most
 * its last JUNIT_TAIL_BYTES bytes, into OUT. Returns the number of lines
 * kept (0 for an empty file), or -1 when it cannot be read.
 */
static int read_tail(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char buf[JUNIT_TAIL_BYTES];
	size_t n, end, from = 0;
	int lines = 0, cut;
	long size;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, (cut = size > JUNIT_TAIL_BYTES) ? size - JUNIT_TAIL_BYTES : 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	for (end = n; end && buf[end - 1] == '\n'; end--)
		;
	/* After the K-th newline from the end come exactly K lines. */
	for (size_t i = end; i > 0 && !from; i--)
		if (buf[i - 1] == '\n' && ++lines == JUNIT_TAIL_LINES)
			from = i;
	if (!from) {
		/* A window that starts inside a line drops that part line, unless it is all there is. */
		const char *nl = cut ? memchr(buf, '\n', end) : NULL;

		if (nl)
			from = (size_t)(nl - buf) + 1;
		else
			lines++;
	}
	if (from >= end)
		return 0;
	strbuf_add(out, buf + from, end - from);
	strbuf_addch(out, '\n');
	return lines;
}

/* The tail of the deciding stage's log: stderr, else stdout (the Node harness reports there). */
static void add_log_tail(struct strbuf *sb, const struct runfile *rf, const struct runfile_stage *st)
{
	static const char suffix[] = ".stderr.log";
	const size_t slen = sizeof(suffix) - 1;
	struct strbuf tail = { NULL, 0, 0 };
	char *rel, *path;
	size_t len;
	int n;

	if (!st || !log_path_ok(st->log))
		return;
	rel = xstrdup(st->log);
	path = xasprintf("%s/%s", rf->dir, rel);
	n = read_tail(path, &tail);
	len = strlen(rel);
	if (n <= 0 && len > slen && strcmp(rel + len - slen, suffix) == 0) {
		char *other = xasprintf("%.*s.stdout.log", (int)(len - slen), rel);

		free(rel);
		free(path);
		rel = other;
		path = xasprintf("%s/%s", rf->dir, rel);
		n = read_tail(path, &tail);
	}
	if (n > 0)
		strbuf_addf(sb, "\n%s (last %d line%s):\n%s", rel, n, n == 1 ? "" : "s", strbuf_str(&tail));
	strbuf_release(&tail);
	free(path);
	free(rel);
}

static const char *case_type(const struct runfile_cell *c)
{
	return c->cls ? c->cls : cell_status_name(c->status);
}

/* What the run is compared with: the history's last run, or a --baseline. */
static const char *since_what(const struct report_input *in)
{
	return in->baseline_night ? "last night" : "the baseline";
}

/* Cell C's streak in the history, when it does not work now either. */
static const struct history_streak *still_failing(const struct report_input *in, const struct runfile_cell *c)
{
	return runfile_status_ok(c->status) ? NULL : history_nights_streak(in->nights, c->id);
}

static char *case_message(const struct report_input *in, const struct runfile_cell *c, const struct diff_entry *e)
{
	const char *summary = *c->summary ? c->summary : cell_status_name(c->status);
	const struct history_streak *sk = still_failing(in, c);

	if (e && e->kind == DIFF_REGRESSED)
		return xasprintf("regressed since %s (was %s): %s", since_what(in), cell_status_name(e->base->status),
				 summary);
	/* This run is one more of the streak. */
	if (sk)
		return xasprintf("still failing since %.10s (%zu runs): %s", sk->since, sk->runs + 1, summary);
	return xstrdup(summary);
}

/* What a CI page shows under a failed test: where, which class and its fix, the matching lines, the log. */
static char *case_text(const struct report_input *in, const struct runfile_cell *c, const struct diff_entry *e)
{
	const struct runfile_stage *st = deciding_stage(c);
	const struct classify_class *cc = c->cls && in->classes ? classify_find(in->classes, c->cls) : NULL;
	struct strbuf sb = { NULL, 0, 0 };

	strbuf_addf(&sb, "%s at stage %s", cell_status_name(c->status), c->stage ? c->stage : "(none)");
	if (st) {
		strbuf_addf(&sb, " (node %s", st->node ? st->node : "?");
		if (st->exit_code >= 0)
			strbuf_addf(&sb, ", exit %d", st->exit_code);
		strbuf_addf(&sb, ", %d attempt%s)", st->attempts, st->attempts == 1 ? "" : "s");
	}
	strbuf_addch(&sb, '\n');
	if (c->cls)
		strbuf_addf(&sb, "class %s%s%s\n", c->cls, cc ? ": " : "", cc ? cc->title : "");
	if (cc && cc->fix && *cc->fix)
		strbuf_addf(&sb, "fix: %s\n", cc->fix);
	if (e && e->kind == DIFF_REGRESSED)
		strbuf_addf(&sb, "regressed since %s%s%s (was %s)\n", since_what(in), in->baseline_night ? ", " : " ",
			    in->baseline_dir ? in->baseline_dir : "", cell_status_name(e->base->status));
	if (still_failing(in, c))
		strbuf_addf(&sb, "still failing since %s (%zu runs; the first failing run recorded: %s)\n",
			    still_failing(in, c)->since, still_failing(in, c)->runs + 1,
			    still_failing(in, c)->since_run);
	if (c->nlines)
		strbuf_addstr(&sb, "matching lines:\n");
	for (size_t i = 0; i < c->nlines; i++)
		strbuf_addf(&sb, "  %s\n", c->lines[i]);
	add_log_tail(&sb, in->run, st);
	return strbuf_detach(&sb);
}

static void write_case(struct jw *jw, const struct report_input *in, const struct runfile_cell *c,
		       const char *classname)
{
	const struct diff_entry *e = in->baseline ? diff_find(in->baseline, c) : NULL;
	const char *outcome = NULL;
	char *message, *body;

	start(jw, "testcase");
	attr(jw, "name", c->id);
	attr(jw, "classname", classname);
	attr_seconds(jw, "time", cell_seconds(c));
	switch (c->status) {
	case CELL_FAIL:
	case CELL_TIMEOUT:
		outcome = "failure";
		break;
	case CELL_ERROR:
		outcome = "error";
		break;
	case CELL_BLOCKED:
	case CELL_SKIPPED:
		message = xasprintf("%s: %s", cell_status_name(c->status), c->summary);
		start(jw, "skipped");
		attr(jw, "message", message);
		end(jw);
		free(message);
		break;
	default:
		break;
	}
	if (outcome) {
		message = case_message(in, c, e);
		body = case_text(in, c, e);
		start(jw, outcome);
		attr(jw, "type", case_type(c));
		attr(jw, "message", message);
		text(jw, body);
		end(jw);
		free(body);
		free(message);
	}
	end(jw);
}

/* The properties the Ant schema can only hold per suite: the run, its toolchains, the baseline. */
static void write_run_properties(struct jw *jw, const struct report_input *in)
{
	const struct runfile *rf = in->run;
	const cJSON *kind, *version, *key;

	property(jw, "emcompat.run", rf->id);
	property(jw, "emcompat.matrix", rf->matrix);
	if (rf->name)
		property(jw, "emcompat.name", rf->name);
	property(jw, "emcompat.started", rf->started);
	property(jw, "emcompat.finished", rf->finished);
	cJSON_ArrayForEach (kind, rf->toolchains) {
		cJSON_ArrayForEach (version, kind) {
			if (!cJSON_IsObject(kind) || !cJSON_IsObject(version))
				continue;
			cJSON_ArrayForEach (key, version) {
				char *name = xasprintf("toolchain.%s.%s.%s", kind->string, version->string,
						       key->string);
				char *value = cJSON_IsString(key) ? NULL : cJSON_PrintUnformatted(key);

				property(jw, name, value ? value : key->valuestring);
				cJSON_free(value);
				free(name);
			}
		}
	}
	if (in->baseline) {
		char buf[32];

		property(jw, "emcompat.baseline", in->baseline_dir ? in->baseline_dir : "");
		snprintf(buf, sizeof(buf), "%zu", in->baseline->counts[DIFF_REGRESSED]);
		property(jw, "emcompat.baseline.regressed", buf);
	}
}

/* The stage a flaky cell retried: the first with more than one attempt. */
static const struct runfile_stage *retried_stage(const struct runfile_cell *c)
{
	for (size_t i = 0; i < c->nstages; i++)
		if (c->stages[i].attempts > 1)
			return &c->stages[i];
	return NULL;
}

/* Cell C belongs to the suite of probe PROBE (NULL: the cells without a probe axis). */
static int in_suite(const struct runfile_cell *c, const char *probe)
{
	const char *v = runfile_cell_axis(c, "probe");

	return probe ? v && strcmp(v, probe) == 0 : !v;
}

static void write_suite(struct jw *jw, const struct report_input *in, const char *probe, const char *name, size_t id,
			const char *timestamp, const char *hostname)
{
	const struct runfile *rf = in->run;
	size_t tests = 0, failures = 0, errors = 0, skipped = 0;
	struct strbuf out = { NULL, 0, 0 };
	char *classname = xasprintf("emcompat.%s", name);
	double seconds = 0;

	for (size_t i = 0; i < rf->ncells; i++) {
		const struct runfile_cell *c = &rf->cells[i];

		if (!in_suite(c, probe))
			continue;
		tests++;
		failures += c->status == CELL_FAIL || c->status == CELL_TIMEOUT;
		errors += c->status == CELL_ERROR;
		skipped += c->status == CELL_BLOCKED || c->status == CELL_SKIPPED;
		seconds += cell_seconds(c);
	}
	start(jw, "testsuite");
	attr(jw, "name", name);
	attr(jw, "package", "emcompat");
	attr_count(jw, "id", id);
	attr(jw, "timestamp", timestamp);
	attr(jw, "hostname", hostname);
	attr_count(jw, "tests", tests);
	attr_count(jw, "failures", failures);
	attr_count(jw, "errors", errors);
	attr_count(jw, "skipped", skipped);
	attr_seconds(jw, "time", seconds);

	start(jw, "properties");
	write_run_properties(jw, in);
	for (size_t i = 0; i < rf->ncells; i++) {
		const struct runfile_cell *c = &rf->cells[i];
		const struct diff_entry *e = in->baseline ? diff_find(in->baseline, c) : NULL;
		const struct runfile_stage *st = retried_stage(c);

		if (!in_suite(c, probe))
			continue;
		if (c->status == CELL_FLAKY) {
			property(jw, "flaky", c->id);
			strbuf_addf(&out, "flaky: %s passed on a retry", c->id);
			if (st)
				strbuf_addf(&out, " (stage %s, %d attempts)", st->stage, st->attempts);
			strbuf_addch(&out, '\n');
		}
		if (e && e->kind == DIFF_REGRESSED)
			property(jw, "regressed", c->id);
		if (e && (e->kind == DIFF_REGRESSED || e->kind == DIFF_FIXED || e->kind == DIFF_CHANGED))
			strbuf_addf(&out, "%s since %s: %s (was %s, now %s)\n", diff_kind_name(e->kind), since_what(in),
				    c->id, cell_status_name(e->base->status), cell_status_name(c->status));
		else if (e && e->kind == DIFF_NEW)
			strbuf_addf(&out, "new since %s: %s (%s)\n", since_what(in), c->id,
				    cell_status_name(c->status));
		if (still_failing(in, c))
			strbuf_addf(&out, "still failing since %.10s (%zu runs): %s\n", still_failing(in, c)->since,
				    still_failing(in, c)->runs + 1, c->id);
	}
	end(jw);

	for (size_t i = 0; i < rf->ncells; i++)
		if (in_suite(&rf->cells[i], probe))
			write_case(jw, in, &rf->cells[i], classname);
	start(jw, "system-out");
	text(jw, strbuf_str(&out));
	end(jw);
	start(jw, "system-err");
	end(jw);
	end(jw);
	strbuf_release(&out);
	free(classname);
}

/* The run's start as the Ant schema wants it: UTC, seconds, no zone suffix. */
static void run_timestamp(const struct runfile *rf, char *buf, size_t size)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	const char *s = rf->started;
	size_t i;
	time_t now;
	struct tm tm;

	for (i = 0; s && s[i] && shape[i]; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			break;
	if (shape[i] == '\0') {
		snprintf(buf, size, "%.19s", s);
		return;
	}
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
}

/* The matrix's name, else its file's name without directory and ".json": a suite name, not a path. */
static char *matrix_label(const struct runfile *rf)
{
	const char *m = rf->matrix ? rf->matrix : "", *slash = strrchr(m, '/');
	size_t len;

	if (rf->name && *rf->name)
		return xstrdup(rf->name);
	m = slash ? slash + 1 : m;
	len = strlen(m);
	if (len > 5 && strcmp(m + len - 5, ".json") == 0)
		len -= 5;
	return len ? xstrndup(m, len) : xstrdup("emcompat");
}

int junit_write(const char *path, const struct report_input *in)
{
	const struct runfile *rf = in->run;
	const char **probes = xcalloc(rf->ncells + 1, sizeof(*probes));
	char *fallback = matrix_label(rf);
	size_t nsuites = 0, failures = rf->counts[CELL_FAIL] + rf->counts[CELL_TIMEOUT];
	int have_unprobed = 0, rc = -1;
	char timestamp[32], hostname[256];
	xmlBufferPtr buf = xmlBufferCreate();
	struct jw jw = { NULL, { NULL, 0, 0 }, 0 };

	/* Suites in the order their probes first appear; the cells without a probe last. */
	for (size_t i = 0; i < rf->ncells; i++) {
		const char *v = runfile_cell_axis(&rf->cells[i], "probe");
		size_t j;

		if (!v) {
			have_unprobed = 1;
			continue;
		}
		for (j = 0; j < nsuites && strcmp(probes[j], v) != 0; j++)
			;
		if (j == nsuites)
			probes[nsuites++] = v;
	}
	run_timestamp(rf, timestamp, sizeof(timestamp));
	if (gethostname(hostname, sizeof(hostname)) != 0 || !hostname[0])
		snprintf(hostname, sizeof(hostname), "localhost");
	hostname[sizeof(hostname) - 1] = '\0';

	jw.w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	if (!jw.w) {
		error(EC_EXIT_INTERNAL, "%s: cannot start the XML writer", path);
		goto out;
	}
	if (xmlTextWriterSetIndent(jw.w, 1) < 0 || xmlTextWriterStartDocument(jw.w, NULL, "UTF-8", NULL) < 0)
		jw.failed = 1;
	start(&jw, "testsuites");
	attr(&jw, "name", fallback);
	attr_count(&jw, "tests", rf->ncells);
	attr_count(&jw, "failures", failures);
	attr_count(&jw, "errors", rf->counts[CELL_ERROR]);
	attr_seconds(&jw, "time", rf->wall_seconds);
	for (size_t s = 0; s < nsuites; s++)
		write_suite(&jw, in, probes[s], probes[s], s, timestamp, hostname);
	if (have_unprobed)
		write_suite(&jw, in, NULL, fallback, nsuites, timestamp, hostname);
	end(&jw);
	if (xmlTextWriterEndDocument(jw.w) < 0)
		jw.failed = 1;
	xmlFreeTextWriter(jw.w);
	if (jw.failed) {
		error(EC_EXIT_INTERNAL, "%s: the XML writer failed", path);
		goto out;
	}
	rc = write_file_atomic(path, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf), 0644);
out:
	if (buf)
		xmlBufferFree(buf);
	strbuf_release(&jw.clean);
	free(fallback);
	free(probes);
	return rc;
}
