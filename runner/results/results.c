#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/journal.h"
#include "emcompat/json.h"
#include "emcompat/results.h"
#include "emcompat/util.h"

#define SUMMARY_MAX 300

static const char *const cell_names[CELL_STATUS_COUNT] = {
	"pass", "fail", "error", "timeout", "blocked", "skipped", "flaky",
};

const char *cell_status_name(enum cell_status s)
{
	return (unsigned)s < CELL_STATUS_COUNT ? cell_names[s] : "?";
}

int cell_status_parse(const char *name)
{
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		if (strcmp(cell_names[s], name) == 0)
			return s;
	return -1;
}

enum cell_status results_cell_status(const struct plan *p, const struct sched_job *jobs, size_t c, size_t *node)
{
	int retried = 0;

	*node = PLAN_NONE;
	for (int s = 0; s < STAGE_COUNT; s++) {
		size_t n = p->cell_nodes[c * STAGE_COUNT + s];

		if (n == PLAN_NONE)
			continue;
		switch (jobs[n].status) {
		case JOB_PASS:
			retried |= jobs[n].attempts > 1;
			continue;
		case JOB_FAIL:
			*node = n;
			/* A package's download that found no wheel for the cell's Pyodide. */
			if (p->nodes[n].package && p->nodes[n].stage == STAGE_LINK &&
			    jobs[n].exit_code == RESULTS_EXIT_NO_WHEEL)
				return CELL_SKIPPED;
			/* A source package whose metadata names nothing sdist.py can build. */
			if (p->nodes[n].package && p->nodes[n].stage == STAGE_COMPILE && p->nodes[n].package->source &&
			    jobs[n].exit_code == RESULTS_EXIT_NOT_BUILDABLE)
				return CELL_ERROR;
			return CELL_FAIL;
		case JOB_ERROR:
			*node = n;
			return CELL_ERROR;
		case JOB_TIMEOUT:
			*node = n;
			return CELL_TIMEOUT;
		case JOB_BLOCKED:
			*node = n;
			return CELL_BLOCKED;
		case JOB_SKIPPED:
		case JOB_PENDING:
			*node = n;
			return CELL_SKIPPED;
		}
	}
	return retried ? CELL_FLAKY : CELL_PASS;
}

/*
 * LINE made fit for results.json and one line of a report: invalid UTF-8
 * bytes and control characters become '?', and a long line is cut at a
 * character boundary, ending in "...".
 */
static char *clean_line(const char *line)
{
	struct strbuf sb = { 0 };
	size_t n = strlen(line), i = 0;

	while (i < n && sb.len < SUMMARY_MAX) {
		size_t ok = utf8_valid_prefix(line + i, n - i), step;

		if (ok == 0) {
			strbuf_addch(&sb, '?');
			i++;
			continue;
		}
		/* One character at a time, so the cut never splits one. */
		for (step = 1; step < ok && ((unsigned char)line[i + step] & 0xc0) == 0x80; step++)
			;
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
			strbuf_addch(&sb, '?');
		else
			strbuf_add(&sb, line + i, step);
		i += step;
	}
	if (i < n) {
		while (sb.len > SUMMARY_MAX - 3)
			do
				sb.len--;
			while (sb.len > 0 && ((unsigned char)sb.buf[sb.len] & 0xc0) == 0x80);
		sb.buf[sb.len] = '\0';
		strbuf_addstr(&sb, "...");
	}
	return strbuf_detach(&sb);
}

/*
 * The last non-empty line of the file at PATH that is not the runner's own
 * "$ command" line (sched.h), or NULL.
 */
static char *last_line(const char *path)
{
	char buf[8192];
	FILE *f = fopen(path, "rb");
	long size;
	size_t n;
	char *end, *start;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, size > (long)sizeof(buf) - 1 ? size - (long)sizeof(buf) + 1 : 0, SEEK_SET);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	end = buf + n;
	for (;;) {
		while (end > buf && strchr("\r\n \t", end[-1]))
			end--;
		*end = '\0';
		if (end == buf)
			return NULL;
		for (start = end; start > buf && start[-1] != '\n'; start--)
			;
		if (strncmp(start, "$ ", 2) != 0)
			break;
		end = start;
	}
	while (*start == ' ' || *start == '\t')
		start++;
	return clean_line(start);
}

char *results_summary(const char *log_dir, const struct sched_job *job)
{
	static const char *const streams[] = { "stderr", "stdout" };

	if (job->status == JOB_BLOCKED)
		return xstrdup("blocked: a node it depends on did not pass");
	if (job->status == JOB_SKIPPED || job->status == JOB_PENDING)
		return xstrdup("not run");
	if (job->message && *job->message)
		return clean_line(job->message);
	for (int i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s.%s.log", log_dir, job->name, streams[i]);
		char *line = last_line(path);

		free(path);
		if (line)
			return line;
	}
	if (job->exit_code > 128)
		return xasprintf("killed by signal %d, no output", job->exit_code - 128);
	return xasprintf("exited with %d, no output", job->exit_code);
}

/* Removes the runner's "$ command" lines (sched.h) from TEXT; returns the new length. */
static size_t drop_command_lines(char *text, size_t len)
{
	size_t in = 0, out = 0;

	while (in < len) {
		size_t end = in;

		while (end < len && text[end] != '\n')
			end++;
		if (end < len)
			end++;
		if (!(end - in >= 2 && text[in] == '$' && text[in + 1] == ' ')) {
			memmove(text + out, text + in, end - in);
			out += end - in;
		}
		in = end;
	}
	text[out] = '\0';
	return out;
}

/*
 * The `emcompat inspect --json` document of cell C's inspect node (its
 * stdout log's first JSON line), or NULL when it has none or did not
 * pass. The caller deletes it.
 */
static cJSON *inspection_doc(const char *log_dir, const struct plan *p, const struct sched_job *jobs, size_t c)
{
	size_t n = p->cell_nodes[c * STAGE_COUNT + STAGE_INSPECT];
	char *path, *text = NULL, *line;
	cJSON *doc = NULL;
	size_t len;

	if (n == PLAN_NONE || jobs[n].status != JOB_PASS)
		return NULL;
	path = xasprintf("%s/%s.stdout.log", log_dir, jobs[n].name);
	if (access(path, F_OK) == 0 && read_file(path, &text, &len) == 0) {
		for (line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
			if (*line == '{') {
				doc = cJSON_Parse(line);
				break;
			}
	}
	error_clear();
	free(text);
	free(path);
	return doc;
}

int results_classify(const struct classify_table *t, const char *log_dir, const struct plan *p,
		     const struct sched_job *jobs, size_t c, size_t n, struct classify_result *r)
{
	static const char *const streams[] = { "stderr", "stdout" };
	const struct matrix *m = p->matrix;
	struct classify_fact *facts;
	struct classify_input in;
	char *logs[2] = { NULL, NULL };
	size_t lens[2] = { 0, 0 }, nfacts = 0, nfindings = 0;
	const char **findings;
	const cJSON *f, *all;
	cJSON *doc;
	int rc;

	memset(r, 0, sizeof(*r));
	if (!t)
		return -1;
	for (int i = 0; i < 2; i++) {
		char *path = xasprintf("%s/%s.%s.log", log_dir, jobs[n].name, streams[i]);

		if (access(path, F_OK) != 0 || read_file(path, &logs[i], &lens[i])) {
			error_clear();
			logs[i] = xstrdup("");
			lens[i] = 0;
		}
		free(path);
		lens[i] = drop_command_lines(logs[i], lens[i]);
	}
	doc = inspection_doc(log_dir, p, jobs, c);
	all = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	findings = xcalloc((size_t)cJSON_GetArraySize(all) + 1, sizeof(*findings));
	cJSON_ArrayForEach (f, all) {
		const char *sev = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "severity"));
		const char *cls = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "class"));

		if (sev && cls && strcmp(sev, "info") != 0)
			findings[nfindings++] = cls;
	}
	facts = xcalloc(m->nkeys + 1, sizeof(*facts));
	for (size_t k = 0; k < m->nkeys; k++)
		if (m->cells[c].values[k])
			facts[nfacts++] = (struct classify_fact){ m->keys[k], m->cells[c].values[k] };
	memset(&in, 0, sizeof(in));
	in.stage = (int)p->nodes[n].stage;
	in.logs = (const char *const *)logs;
	in.lens = lens;
	in.nlogs = 2;
	in.facts = facts;
	in.nfacts = nfacts;
	in.findings = findings;
	in.nfindings = nfindings;
	in.failed = 1;
	rc = classify_run(t, &in, r);
	if (rc == 0 && r->kind == CLASSIFY_UNKNOWN && lens[0] == 0 && lens[1] == 0) {
		/* Nothing printed: how it ended says more than an empty log. */
		free(r->summary);
		r->summary = results_summary(log_dir, &jobs[n]);
	}
	free(facts);
	free(findings);
	cJSON_Delete(doc);
	free(logs[0]);
	free(logs[1]);
	if (rc)
		memset(r, 0, sizeof(*r));
	return rc;
}

/* Adds S as KEY; when S is NULL, null in the report's form, nothing in the others. */
static void add_str(cJSON *o, const char *key, const char *s, enum results_cell_form form)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else if (form == RESULTS_CELL_REPORT)
		cJSON_AddNullToObject(o, key);
}

static cJSON *stage_json(const struct runfile_stage *st, enum results_cell_form form)
{
	cJSON *o = cJSON_CreateObject();

	add_str(o, "stage", st->stage, form);
	add_str(o, "node", st->node, form);
	add_str(o, "status", st->status, form);
	cJSON_AddNumberToObject(o, "seconds", st->seconds);
	cJSON_AddBoolToObject(o, "reused", st->reused);
	if (form == RESULTS_CELL_FILE)
		add_str(o, "log", st->log, form);
	cJSON_AddNumberToObject(o, "attempts", st->attempts);
	if (st->exit_code >= 0)
		cJSON_AddNumberToObject(o, "exit", st->exit_code);
	else if (form == RESULTS_CELL_REPORT)
		cJSON_AddNullToObject(o, "exit");
	if (form == RESULTS_CELL_REPORT)
		add_str(o, "log", st->log, form);
	return o;
}

cJSON *results_cell_json(const struct runfile_cell *c, enum results_cell_form form)
{
	cJSON *o = cJSON_CreateObject(), *axes, *stages;
	int report = form == RESULTS_CELL_REPORT;

	if (form == RESULTS_CELL_BRIEF) {
		cJSON_AddStringToObject(o, "status", cell_status_name(c->status));
		add_str(o, "class", c->cls, form);
		add_str(o, "stage", c->stage, form);
		add_str(o, "summary", c->summary, form);
		return o;
	}
	/* The report's cells have always had their axes first. */
	if (report)
		axes = cJSON_AddObjectToObject(o, "axes");
	add_str(o, "id", c->id, form);
	if (!report) {
		cJSON_AddNumberToObject(o, "index", (double)c->index);
		axes = cJSON_AddObjectToObject(o, "axes");
	}
	for (size_t k = 0; k < c->naxes; k++)
		cJSON_AddStringToObject(axes, c->axis_keys[k], c->axis_values[k]);
	cJSON_AddStringToObject(o, "status", cell_status_name(c->status));
	if (!report)
		add_str(o, "stage", c->stage, form);
	add_str(o, "class", c->cls, form);
	if (report)
		add_str(o, "stage", c->stage, form);
	add_str(o, "summary", c->summary, form);
	if (c->lines || report) {
		cJSON *lines = cJSON_AddArrayToObject(o, "lines");

		for (size_t k = 0; k < c->nlines; k++)
			cJSON_AddItemToArray(lines, cJSON_CreateString(c->lines[k]));
	}
	if (c->nfindings || report) {
		cJSON *findings = cJSON_AddArrayToObject(o, "findings");

		for (size_t k = 0; k < c->nfindings; k++) {
			cJSON *f = cJSON_CreateObject();

			add_str(f, "class", c->findings[k].cls, form);
			add_str(f, "severity", c->findings[k].severity, form);
			add_str(f, "message", c->findings[k].message, form);
			cJSON_AddItemToArray(findings, f);
		}
	}
	add_str(o, "prediction", c->prediction, form);
	if (c->package_pypi || c->package_path) {
		cJSON *pk = cJSON_AddObjectToObject(o, "package");

		add_str(pk, "pypi", c->package_pypi, RESULTS_CELL_FILE);
		add_str(pk, "version", c->package_version, RESULTS_CELL_FILE);
		add_str(pk, "platform", c->package_platform, RESULTS_CELL_FILE);
		add_str(pk, "file", c->package_file, RESULTS_CELL_FILE);
		add_str(pk, "url", c->package_url, RESULTS_CELL_FILE);
		add_str(pk, "sha256", c->package_sha256, RESULTS_CELL_FILE);
		add_str(pk, "build", c->package_build, RESULTS_CELL_FILE);
		add_str(pk, "path", c->package_path, RESULTS_CELL_FILE);
		add_str(pk, "lock_generated", c->package_lock_generated, RESULTS_CELL_FILE);
		add_str(pk, "lock_cargo", c->package_lock_cargo, RESULTS_CELL_FILE);
	}
	stages = cJSON_AddArrayToObject(o, "stages");
	for (size_t k = 0; k < c->nstages; k++)
		cJSON_AddItemToArray(stages, stage_json(&c->stages[k], form));
	return o;
}

/*
 * The inspector's word on cell C (decided by node DECIDED, PLAN_NONE
 * when it passed), into RC: the warning and error findings of its inspect
 * node (whose stdout log holds `emcompat inspect --json`), pointing into
 * the document returned (the caller deletes it; NULL when the node did
 * not pass or printed none), and whether it predicted how loading went:
 * "predicted" (an error finding, and the cell failed at load or run),
 * "missed" (it failed there with no error finding), "false_alarm" (an
 * error finding, and the cell passed).
 */
static cJSON *add_inspection(struct runfile_cell *rc, const char *log_dir, const struct plan *p,
			     const struct sched_job *jobs, size_t c, enum cell_status st, size_t decided)
{
	cJSON *doc = inspection_doc(log_dir, p, jobs, c);
	const cJSON *f, *all;
	int errors = 0, at_load;

	if (!doc)
		return NULL;
	all = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	rc->findings = xcalloc((size_t)cJSON_GetArraySize(all) + 1, sizeof(*rc->findings));
	cJSON_ArrayForEach (f, all) {
		const cJSON *sev = cJSON_GetObjectItemCaseSensitive(f, "severity");
		const cJSON *cls = cJSON_GetObjectItemCaseSensitive(f, "class");
		const cJSON *msg = cJSON_GetObjectItemCaseSensitive(f, "message");

		if (!cJSON_IsString(sev) || strcmp(sev->valuestring, "info") == 0)
			continue;
		rc->findings[rc->nfindings++] = (struct runfile_finding){
			cJSON_IsString(cls) ? cls->valuestring : NULL,
			sev->valuestring,
			cJSON_IsString(msg) ? msg->valuestring : NULL,
		};
		errors |= strcmp(sev->valuestring, "error") == 0;
	}
	at_load = decided != PLAN_NONE && (st == CELL_FAIL || st == CELL_TIMEOUT) &&
		  (p->nodes[decided].stage == STAGE_LOAD || p->nodes[decided].stage == STAGE_RUN);
	if (at_load)
		rc->prediction = errors ? "predicted" : "missed";
	else if (errors && (st == CELL_PASS || st == CELL_FLAKY))
		rc->prediction = "false_alarm";
	return doc;
}

void results_cell_outcome(struct cell_outcome *o, const struct classify_table *t, const char *log_dir,
			  const struct plan *p, const struct sched_job *jobs, size_t c)
{
	struct classify_result cr;

	memset(o, 0, sizeof(*o));
	o->status = results_cell_status(p, jobs, c, &o->node);
	if (o->node == PLAN_NONE) {
		o->summary = xstrdup(o->status == CELL_FLAKY ? "passed after a retry" : "passed");
		return;
	}
	o->summary = results_summary(log_dir, &jobs[o->node]);
	if ((o->status != CELL_FAIL && o->status != CELL_TIMEOUT) ||
	    results_classify(t, log_dir, p, jobs, c, o->node, &cr) != 0)
		return;
	o->cls = cr.id;
	/* A timeout's own message says more than the last line it printed. */
	if (o->status == CELL_FAIL) {
		free(o->summary);
		o->summary = cr.summary;
		cr.summary = NULL;
	}
	o->lines = cr.lines;
	o->nlines = cr.nlines;
	cr.lines = NULL;
	cr.nlines = 0;
	classify_result_release(&cr);
}

void cell_outcome_release(struct cell_outcome *o)
{
	for (size_t i = 0; i < o->nlines; i++)
		free(o->lines[i]);
	free(o->lines);
	free(o->summary);
	memset(o, 0, sizeof(*o));
}

static const char *no_lines[1];

/*
 * A package cell's record into RC: its requirement, and what its download
 * printed as its one {"wheel": ...} line (the link node of a prebuilt
 * wheel) or {"sdist": ...} line (the build node of a source package): the
 * file's name, URL and sha256. Returns the parsed line (the caller deletes
 * it; NULL when there is none: the node did not pass, or is no package's).
 */
static cJSON *add_package(struct runfile_cell *rc, const char *log_dir, const struct plan *p,
			  const struct sched_job *jobs, size_t c)
{
	size_t n = p->cell_nodes[c * STAGE_COUNT + STAGE_LINK];
	const struct matrix_package *pk = n == PLAN_NONE ? NULL : p->nodes[n].package;
	char *path, *text = NULL, *line;
	const cJSON *w;
	cJSON *doc = NULL;
	size_t len;

	if (!pk)
		return NULL;
	rc->package_pypi = pk->pypi;
	rc->package_path = pk->path;
	rc->package_version = pk->version;
	rc->package_platform = pk->platform;
	if (pk->source) {
		rc->package_build = "source";
		n = p->cell_nodes[c * STAGE_COUNT + STAGE_COMPILE];
	}
	if (jobs[n].status != JOB_PASS)
		return NULL;
	path = xasprintf("%s/%s.stdout.log", log_dir, jobs[n].name);
	if (access(path, F_OK) == 0 && read_file(path, &text, &len) == 0) {
		for (line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
			if (strncmp(line, "{\"", 2) == 0 && (doc = cJSON_Parse(line)))
				break;
	}
	error_clear();
	free(text);
	free(path);
	w = cJSON_GetObjectItemCaseSensitive(doc, pk->source ? "sdist" : "wheel");
	rc->package_file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "file"));
	rc->package_url = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "url"));
	rc->package_sha256 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "sha256"));
	rc->package_lock_generated = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "lock_generated"));
	rc->package_lock_cargo = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(w, "lock_cargo"));
	return doc;
}

/* Cell C of the run as results.json has it, from its nodes' jobs and its outcome OC. */
static cJSON *cell_json(const char *dir, const struct plan *p, const struct sched_job *jobs, size_t c,
			const struct cell_outcome *oc, const int *cached)
{
	const struct matrix *m = p->matrix;
	const char **keys = xcalloc(m->nkeys + 1, sizeof(*keys)), **values = xcalloc(m->nkeys + 1, sizeof(*values));
	struct runfile_stage stages[STAGE_COUNT];
	struct runfile_cell rc;
	char *log_dir = xasprintf("%s/logs", dir), *logs[STAGE_COUNT];
	cJSON *o, *inspection, *package;

	memset(&rc, 0, sizeof(rc));
	rc.id = m->cells[c].id;
	rc.index = (long)m->cells[c].index;
	rc.axis_keys = keys;
	rc.axis_values = values;
	for (size_t k = 0; k < m->nkeys; k++)
		if (m->cells[c].values[k]) {
			keys[rc.naxes] = m->keys[k];
			values[rc.naxes++] = m->cells[c].values[k];
		}
	rc.status = oc->status;
	if (oc->node != PLAN_NONE)
		rc.stage = stage_name(p->nodes[oc->node].stage);
	rc.cls = oc->cls ? oc->cls : oc->status == CELL_FAIL || oc->status == CELL_TIMEOUT ? "unclassified" : NULL;
	rc.summary = oc->summary;
	/* Only a classified cell has lines (maybe none). */
	if (oc->cls)
		rc.lines = oc->lines ? (const char **)oc->lines : no_lines;
	rc.nlines = oc->nlines;
	inspection = add_inspection(&rc, log_dir, p, jobs, c, oc->status, oc->node);
	package = add_package(&rc, log_dir, p, jobs, c);
	rc.stages = stages;
	for (int s = 0; s < STAGE_COUNT; s++) {
		size_t n = p->cell_nodes[c * STAGE_COUNT + s];
		struct runfile_stage *st = &stages[rc.nstages];

		if (n == PLAN_NONE)
			continue;
		st->stage = stage_name(s);
		st->node = p->nodes[n].id;
		st->status = job_status_name(jobs[n].status);
		st->seconds = (double)(long long)(jobs[n].seconds * 1000) / 1000;
		st->reused = p->nodes[n].cell != c || (cached && cached[n]);
		st->log = logs[rc.nstages] = xasprintf("logs/%s.stderr.log", p->nodes[n].id);
		st->attempts = jobs[n].attempts;
		st->exit_code = jobs[n].exit_code >= 0 ? jobs[n].exit_code : -1;
		rc.nstages++;
	}
	o = results_cell_json(&rc, RESULTS_CELL_FILE);
	for (size_t i = 0; i < rc.nstages; i++)
		free(logs[i]);
	cJSON_Delete(inspection);
	cJSON_Delete(package);
	free(rc.findings);
	free(keys);
	free(values);
	free(log_dir);
	return o;
}

int results_write_file(const char *path, cJSON *root, size_t n, cJSON *(*cell)(void *arg, size_t i), void *arg)
{
	struct strbuf out = { NULL, 0, 0 };
	struct atomic_file af;
	char *text = json_print(root, 1);
	size_t len = text ? strlen(text) : 0;

	cJSON_Delete(root);
	/*
	 * The cells are printed one at a time into the place of the empty
	 * "cells" (the last member); each is indented two levels deeper (the
	 * root object and the array), which gives the same text as printing
	 * the whole tree.
	 */
	if (len < 4 || strcmp(text + len - 4, "[]\n}") != 0) {
		free(text);
		return error(EC_EXIT_INTERNAL, "%s: unexpected printed form of the results", path);
	}
	if (atomic_file_open(&af, path, 0644)) {
		free(text);
		return -1;
	}
	atomic_file_write(&af, text, len - 3);
	free(text);
	for (size_t i = 0; i < n; i++) {
		cJSON *o = cell(arg, i);

		if (!o) {
			strbuf_release(&out);
			atomic_file_abort(&af);
			return -1;
		}
		text = json_print(o, 1);
		cJSON_Delete(o);
		if (i)
			strbuf_addstr(&out, ", ");
		for (const char *q = text; *q; q++) {
			strbuf_addch(&out, *q);
			if (*q == '\n')
				strbuf_addstr(&out, "\t\t");
		}
		free(text);
		if (out.len >= 65536)
			atomic_file_write_buf(&af, &out);
	}
	strbuf_addstr(&out, "]\n}");
	atomic_file_write_buf(&af, &out);
	strbuf_release(&out);
	return atomic_file_commit(&af);
}

struct write_cells {
	const char *dir;
	const struct plan *p;
	const struct sched_job *jobs;
	const struct cell_outcome *outcomes;
	const int *cached;
};

static cJSON *write_cell(void *arg, size_t c)
{
	const struct write_cells *wc = arg;

	return cell_json(wc->dir, wc->p, wc->jobs, c, &wc->outcomes[c], wc->cached);
}

int results_write(const char *dir, const struct plan *p, const struct sched_job *jobs,
		  const struct cell_outcome *outcomes, const struct results_run *r)
{
	cJSON *root = cJSON_CreateObject(), *run, *counts;
	size_t count[CELL_STATUS_COUNT] = { 0 };
	struct write_cells wc = { dir, p, jobs, outcomes, r->cached };
	char started[32], finished[32], *path;
	int rc;

	cJSON_AddStringToObject(root, "schema", "emcompat-results/1");
	run = cJSON_AddObjectToObject(root, "run");
	cJSON_AddStringToObject(run, "id", r->id);
	cJSON_AddStringToObject(run, "matrix", r->matrix);
	if (r->name)
		cJSON_AddStringToObject(run, "name", r->name);
	journal_format_time(r->started, started);
	journal_format_time(r->finished, finished);
	cJSON_AddStringToObject(run, "started", started);
	cJSON_AddStringToObject(run, "finished", finished);
	cJSON_AddNumberToObject(run, "wall_seconds", (double)(long long)((r->finished - r->started) * 1000) / 1000);
	cJSON_AddNumberToObject(run, "jobs", r->jobs);
	cJSON_AddStringToObject(run, "emcompat", EMCOMPAT_VERSION);
	if (r->matrix_digest)
		cJSON_AddStringToObject(run, "matrix_digest", r->matrix_digest);
	if (r->shard)
		cJSON_AddItemToObject(run, "shard", cJSON_Duplicate(r->shard, 1));
	if (r->toolchains)
		cJSON_AddItemToObject(root, "toolchains", cJSON_Duplicate(r->toolchains, 1));
	else
		cJSON_AddObjectToObject(root, "toolchains");
	counts = cJSON_AddObjectToObject(root, "counts");
	for (size_t c = 0; c < p->matrix->ncells; c++)
		count[outcomes[c].status]++;
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		cJSON_AddNumberToObject(counts, cell_status_name(s), (double)count[s]);
	cJSON_AddArrayToObject(root, "cells");
	path = xasprintf("%s/results.json", dir);
	rc = results_write_file(path, root, p->matrix->ncells, write_cell, &wc);
	free(path);
	return rc;
}
