#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emcompat/error.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

static const cJSON *member(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* V as a whole count from 0 to 2^53 (a double holds every one), or -1: no cast of a huge value. */
static long long count_of(const cJSON *v)
{
	return cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble <= 9007199254740992.0
		       ? (long long)v->valuedouble
		       : -1;
}

static const char *str_or(const cJSON *o, const char *key, const char *dflt)
{
	const cJSON *v = member(o, key);

	return cJSON_IsString(v) ? v->valuestring : dflt;
}

/* KEY of O as a string, or an error located at O (or at the key when it is there). */
static int need_str(const struct json_doc *d, const cJSON *o, const char *key, const char **out)
{
	const cJSON *v = member(o, key);

	if (!cJSON_IsString(v))
		return json_doc_error(d, v ? v : o, "\"%s\" must be a string", key);
	*out = v->valuestring;
	return 0;
}

/* need_str, keeping a copy in A. */
static int keep_str(struct arena *a, const struct json_doc *d, const cJSON *o, const char *key, const char **out)
{
	if (need_str(d, o, key, out))
		return -1;
	*out = arena_strdup(a, *out);
	return 0;
}

static const char *keep_or(struct arena *a, const cJSON *o, const char *key, const char *dflt)
{
	const cJSON *v = member(o, key);

	return cJSON_IsString(v) ? arena_strdup(a, v->valuestring) : dflt;
}

static int load_stages(struct arena *a, const struct json_doc *d, const cJSON *o, struct runfile_cell *c)
{
	const cJSON *arr = member(o, "stages"), *e;
	size_t i = 0;

	if (!arr)
		return 0;
	if (!cJSON_IsArray(arr))
		return json_doc_error(d, arr, "\"stages\" must be an array");
	c->nstages = (size_t)cJSON_GetArraySize(arr);
	c->stages = arena_alloc(a, (c->nstages + 1) * sizeof(*c->stages));
	cJSON_ArrayForEach (e, arr) {
		struct runfile_stage *s = &c->stages[i++];
		const cJSON *v;

		if (!cJSON_IsObject(e))
			return json_doc_error(d, e, "a stage must be an object");
		if (keep_str(a, d, e, "stage", &s->stage) || keep_str(a, d, e, "status", &s->status))
			return -1;
		s->node = keep_or(a, e, "node", "");
		s->log = keep_or(a, e, "log", NULL);
		s->seconds = cJSON_IsNumber(v = member(e, "seconds")) ? v->valuedouble : 0;
		s->reused = cJSON_IsTrue(member(e, "reused"));
		s->attempts = cJSON_IsNumber(v = member(e, "attempts")) ? v->valueint : 1;
		s->exit_code = cJSON_IsNumber(v = member(e, "exit")) ? v->valueint : -1;
	}
	return 0;
}

/* The cell in D (its own document) into C, with everything it points to in A. */
static int load_cell(struct arena *a, const struct json_doc *d, struct runfile_cell *c)
{
	const cJSON *o = d->root, *axes = member(o, "axes"), *e;
	const char *status = NULL;
	size_t i = 0;
	int st;

	if (!cJSON_IsObject(o))
		return json_doc_error(d, o, "a cell must be an object");
	e = member(o, "index");
	c->index = (long)count_of(e);
	if (keep_str(a, d, o, "id", &c->id) || need_str(d, o, "status", &status))
		return -1;
	if ((st = cell_status_parse(status)) < 0)
		return json_doc_error(d, member(o, "status"), "unknown status \"%s\"", status);
	c->status = (enum cell_status)st;
	if (!cJSON_IsObject(axes))
		return json_doc_error(d, axes ? axes : o, "\"axes\" must be an object");
	c->naxes = (size_t)cJSON_GetArraySize(axes);
	c->axis_keys = arena_alloc(a, (c->naxes + 1) * sizeof(*c->axis_keys));
	c->axis_values = arena_alloc(a, (c->naxes + 1) * sizeof(*c->axis_values));
	cJSON_ArrayForEach (e, axes) {
		if (!cJSON_IsString(e))
			return json_doc_error(d, e, "axis \"%s\" must be a string", e->string);
		c->axis_keys[i] = arena_strdup(a, e->string);
		c->axis_values[i++] = arena_strdup(a, e->valuestring);
	}
	c->cls = keep_or(a, o, "class", NULL);
	c->stage = keep_or(a, o, "stage", NULL);
	c->summary = keep_or(a, o, "summary", "");
	c->prediction = keep_or(a, o, "prediction", NULL);
	if (cJSON_IsObject(e = member(o, "package"))) {
		c->package_pypi = keep_or(a, e, "pypi", NULL);
		c->package_version = keep_or(a, e, "version", NULL);
		c->package_platform = keep_or(a, e, "platform", NULL);
		c->package_file = keep_or(a, e, "file", NULL);
		c->package_url = keep_or(a, e, "url", NULL);
		c->package_sha256 = keep_or(a, e, "sha256", NULL);
		c->package_build = keep_or(a, e, "build", NULL);
		c->package_path = keep_or(a, e, "path", NULL);
		c->package_lock_generated = keep_or(a, e, "lock_generated", NULL);
		c->package_lock_cargo = keep_or(a, e, "lock_cargo", NULL);
	}
	if (cJSON_IsArray(e = member(o, "lines"))) {
		const cJSON *l;

		c->lines = arena_alloc(a, ((size_t)cJSON_GetArraySize(e) + 1) * sizeof(*c->lines));
		cJSON_ArrayForEach (l, e)
			if (cJSON_IsString(l))
				c->lines[c->nlines++] = arena_strdup(a, l->valuestring);
	}
	if (cJSON_IsArray(e = member(o, "findings"))) {
		const cJSON *f;

		c->findings = arena_alloc(a, ((size_t)cJSON_GetArraySize(e) + 1) * sizeof(*c->findings));
		cJSON_ArrayForEach (f, e)
			c->findings[c->nfindings++] = (struct runfile_finding){ keep_or(a, f, "class", "?"),
										keep_or(a, f, "severity", "?"),
										keep_or(a, f, "message", "") };
	}
	return load_stages(a, d, o, c);
}

/* "shard":{"index","count","of","cells","grouping"} (shard.h); merge relies on it. */
static int load_shard(struct runfile *rf, const cJSON *o)
{
	long long i = count_of(member(o, "index")), n = count_of(member(o, "count"));

	if (n < 1 || i < 1 || i > n)
		return json_doc_error(&rf->doc, o,
				      "\"shard\" must have \"index\" and \"count\" with 1 <= index <= count");
	if (need_str(&rf->doc, o, "of", &rf->shard.of))
		return -1;
	rf->shard.index = (size_t)i;
	rf->shard.count = (size_t)n;
	rf->shard.cells = count_of(member(o, "cells")) > 0 ? (size_t)count_of(member(o, "cells")) : 0;
	rf->shard.grouping = str_or(o, "grouping", "");
	rf->shard.json = o;
	return 0;
}

static int cmp_cell_id(const void *a, const void *b)
{
	return strcmp((*(const struct runfile_cell *const *)a)->id, (*(const struct runfile_cell *const *)b)->id);
}

/* The text of a cell, as a document of its own, into C. */
static int load_cell_span(struct runfile *rf, struct json_span span, struct runfile_cell *c)
{
	struct json_doc d;
	int rc;

	if (json_doc_parse_span(&d, rf->path, rf->text, span))
		return -1;
	rc = load_cell(&rf->arena, &d, c);
	json_doc_release(&d);
	c->span = span;
	return rc;
}

/* Two cells with one id: the later one is reported, at its "id". */
static int duplicate_id(struct runfile *rf, const struct runfile_cell *x, const struct runfile_cell *y)
{
	const struct runfile_cell *later = x->span.off > y->span.off ? x : y;
	struct json_doc d;

	if (json_doc_parse_span(&d, rf->path, rf->text, later->span))
		return -1;
	json_doc_error(&d, member(d.root, "id"), "cell \"%s\" appears twice", later->id);
	json_doc_release(&d);
	return -1;
}

/* The root, whose "cells" is empty in the stand-in text; then the cells, one at a time, from SPANS. */
static int load_doc(struct runfile *rf, const struct json_span *spans, size_t n)
{
	const cJSON *root = rf->doc.root, *run, *cells, *v;
	const char *schema = NULL;

	if (!cJSON_IsObject(root))
		return json_doc_error(&rf->doc, root, "results must be a JSON object");
	if (need_str(&rf->doc, root, "schema", &schema))
		return -1;
	if (strncmp(schema, "emcompat-results/", 17) != 0)
		return json_doc_error(&rf->doc, member(root, "schema"), "schema \"%s\" is not emcompat-results/N",
				      schema);
	run = member(root, "run");
	if (!cJSON_IsObject(run))
		return json_doc_error(&rf->doc, run ? run : root, "\"run\" must be an object");
	if (need_str(&rf->doc, run, "id", &rf->id))
		return -1;
	rf->matrix = str_or(run, "matrix", "");
	rf->name = str_or(run, "name", NULL);
	rf->started = str_or(run, "started", "");
	rf->finished = str_or(run, "finished", "");
	rf->wall_seconds = cJSON_IsNumber(v = member(run, "wall_seconds")) ? v->valuedouble : 0;
	rf->jobs = cJSON_IsNumber(v = member(run, "jobs")) ? v->valueint : 0;
	rf->toolchains = cJSON_IsObject(v = member(root, "toolchains")) ? v : NULL;
	rf->run = run;
	rf->matrix_digest = str_or(run, "matrix_digest", NULL);
	if (cJSON_IsObject(v = member(run, "shard")) && load_shard(rf, v))
		return -1;
	cells = member(root, "cells");
	if (!cJSON_IsArray(cells))
		return json_doc_error(&rf->doc, cells ? cells : root, "\"cells\" must be an array");
	rf->cells = xcalloc(n + 1, sizeof(*rf->cells));
	for (; rf->ncells < n; rf->ncells++) {
		if (load_cell_span(rf, spans[rf->ncells], &rf->cells[rf->ncells]))
			return -1;
		rf->counts[rf->cells[rf->ncells].status]++;
	}
	rf->by_id = xcalloc(n + 1, sizeof(*rf->by_id));
	for (size_t i = 0; i < n; i++)
		rf->by_id[i] = &rf->cells[i];
	qsort(rf->by_id, n, sizeof(*rf->by_id), cmp_cell_id);
	for (size_t i = 1; i < n; i++)
		if (strcmp(rf->by_id[i - 1]->id, rf->by_id[i]->id) == 0)
			return duplicate_id(rf, rf->by_id[i - 1], rf->by_id[i]);
	return 0;
}

/*
 * TEXT without the elements of the array at ARR, but with as many line
 * ends and then characters as they spanned: the root parses small and
 * every position outside the array keeps its line and column.
 */
static char *root_stand_in(const char *text, size_t len, struct json_span arr, size_t *out_len)
{
	const char *open = text + arr.off, *close = open + arr.len - 1, *last = open + 1;
	struct strbuf sb = { NULL, 0, 0 };

	strbuf_add(&sb, text, arr.off + 1);
	for (const char *p = open + 1; p < close; p++) {
		if (*p == '\n') {
			strbuf_addch(&sb, '\n');
			last = p + 1;
		}
	}
	for (const char *p = last; p < close; p++)
		if ((*p & 0xc0) != 0x80)
			strbuf_addch(&sb, ' ');
	strbuf_add(&sb, close, len - (size_t)(close - text));
	*out_len = sb.len;
	return strbuf_detach(&sb);
}

int runfile_parse(struct runfile *rf, const char *path, char *text, size_t len)
{
	const char *slash = strrchr(path, '/');
	struct json_span arr, *spans = NULL;
	char *root_text = NULL;
	size_t n = 0, root_len = len;
	int rc;

	memset(rf, 0, sizeof(*rf));
	rf->path = xstrdup(path);
	rf->dir = slash ? xstrndup(path, (size_t)(slash - path) + (slash == path)) : xstrdup(".");
	rf->text = text;
	rf->len = len;
	if (json_doc_check(rf->path, text, len)) {
		runfile_release(rf);
		return -1;
	}
	if (json_span_member(text, 0, "cells", &arr) && text[arr.off] == '[') {
		n = json_span_elements(text, arr.off, &spans);
		root_text = root_stand_in(text, len, arr, &root_len);
	}
	rc = json_doc_parse_span(&rf->doc, rf->path, root_text ? root_text : text, (struct json_span){ 0, root_len }) ||
	     load_doc(rf, spans, n);
	free(spans);
	free(root_text);
	/* Messages about the text are all given while loading; the tree owns its strings. */
	rf->doc.text = NULL;
	rf->doc.len = 0;
	if (rc) {
		runfile_release(rf);
		return -1;
	}
	return 0;
}

int runfile_load(struct runfile *rf, const char *dir)
{
	struct stat st;
	char *path, *text;
	size_t len;
	int rc;

	memset(rf, 0, sizeof(*rf));
	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode))
		path = xstrdup(dir);
	else
		path = xasprintf("%s/results.json", dir);
	rc = read_file(path, &text, &len) ? -1 : runfile_parse(rf, path, text, len);
	free(path);
	return rc;
}

cJSON *runfile_cell_json(const struct runfile *rf, const struct runfile_cell *c)
{
	struct json_doc d;
	cJSON *o;

	if (json_doc_parse_span(&d, rf->path, rf->text, c->span))
		return NULL;
	o = d.root;
	d.root = NULL;
	return o;
}

int runfile_check(const char *dir)
{
	struct runfile rf;

	if (runfile_load(&rf, dir))
		return -1;
	runfile_release(&rf);
	return 0;
}

const struct runfile_cell *runfile_find(const struct runfile *rf, const char *id)
{
	size_t lo = 0, hi = rf->ncells;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rf->by_id[mid]->id, id);

		if (c == 0)
			return rf->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *runfile_cell_axis(const struct runfile_cell *c, const char *key)
{
	for (size_t i = 0; i < c->naxes; i++)
		if (strcmp(c->axis_keys[i], key) == 0)
			return c->axis_values[i];
	return NULL;
}

int runfile_status_ok(enum cell_status s)
{
	return s == CELL_PASS || s == CELL_FLAKY;
}

void runfile_release(struct runfile *rf)
{
	free(rf->cells);
	arena_release(&rf->arena);
	free(rf->by_id);
	json_doc_release(&rf->doc);
	free(rf->text);
	free(rf->path);
	free(rf->dir);
	memset(rf, 0, sizeof(*rf));
}
