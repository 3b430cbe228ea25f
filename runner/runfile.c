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

static const char *str_or(const cJSON *o, const char *key, const char *dflt)
{
	const cJSON *v = member(o, key);

	return cJSON_IsString(v) ? v->valuestring : dflt;
}

/* KEY of O as a string, or an error located at O (or at the key when it is there). */
static int need_str(const struct runfile *rf, const cJSON *o, const char *key, const char **out)
{
	const cJSON *v = member(o, key);

	if (!cJSON_IsString(v))
		return json_doc_error(&rf->doc, v ? v : o, "\"%s\" must be a string", key);
	*out = v->valuestring;
	return 0;
}

static int load_stages(struct runfile *rf, const cJSON *o, struct runfile_cell *c)
{
	const cJSON *arr = member(o, "stages"), *e;
	size_t i = 0;

	if (!arr)
		return 0;
	if (!cJSON_IsArray(arr))
		return json_doc_error(&rf->doc, arr, "\"stages\" must be an array");
	c->nstages = (size_t)cJSON_GetArraySize(arr);
	c->stages = xcalloc(c->nstages + 1, sizeof(*c->stages));
	cJSON_ArrayForEach(e, arr) {
		struct runfile_stage *s = &c->stages[i++];
		const cJSON *v;

		if (!cJSON_IsObject(e))
			return json_doc_error(&rf->doc, e, "a stage must be an object");
		if (need_str(rf, e, "stage", &s->stage) || need_str(rf, e, "status", &s->status))
			return -1;
		s->node = str_or(e, "node", "");
		s->log = str_or(e, "log", NULL);
		s->seconds = cJSON_IsNumber(v = member(e, "seconds")) ? v->valuedouble : 0;
		s->reused = cJSON_IsTrue(member(e, "reused"));
		s->attempts = cJSON_IsNumber(v = member(e, "attempts")) ? v->valueint : 1;
		s->exit_code = cJSON_IsNumber(v = member(e, "exit")) ? v->valueint : -1;
	}
	return 0;
}

static int load_cell(struct runfile *rf, const cJSON *o, struct runfile_cell *c)
{
	const cJSON *axes = member(o, "axes"), *e;
	const char *status = NULL;
	size_t i = 0;
	int st;

	if (!cJSON_IsObject(o))
		return json_doc_error(&rf->doc, o, "a cell must be an object");
	c->json = o;
	e = member(o, "index");
	c->index = cJSON_IsNumber(e) && e->valuedouble >= 0 ? (long)e->valuedouble : -1;
	if (need_str(rf, o, "id", &c->id) || need_str(rf, o, "status", &status))
		return -1;
	if ((st = cell_status_parse(status)) < 0)
		return json_doc_error(&rf->doc, member(o, "status"), "unknown status \"%s\"", status);
	c->status = (enum cell_status)st;
	if (!cJSON_IsObject(axes))
		return json_doc_error(&rf->doc, axes ? axes : o, "\"axes\" must be an object");
	c->naxes = (size_t)cJSON_GetArraySize(axes);
	c->axis_keys = xcalloc(c->naxes + 1, sizeof(*c->axis_keys));
	c->axis_values = xcalloc(c->naxes + 1, sizeof(*c->axis_values));
	cJSON_ArrayForEach(e, axes) {
		if (!cJSON_IsString(e))
			return json_doc_error(&rf->doc, e, "axis \"%s\" must be a string", e->string);
		c->axis_keys[i] = e->string;
		c->axis_values[i++] = e->valuestring;
	}
	c->cls = str_or(o, "class", NULL);
	c->stage = str_or(o, "stage", NULL);
	c->summary = str_or(o, "summary", "");
	c->prediction = str_or(o, "prediction", NULL);
	if (cJSON_IsArray(e = member(o, "lines"))) {
		const cJSON *l;

		c->lines = xcalloc((size_t)cJSON_GetArraySize(e) + 1, sizeof(*c->lines));
		cJSON_ArrayForEach(l, e)
			if (cJSON_IsString(l))
				c->lines[c->nlines++] = l->valuestring;
	}
	if (cJSON_IsArray(e = member(o, "findings"))) {
		const cJSON *f;

		c->findings = xcalloc((size_t)cJSON_GetArraySize(e) + 1, sizeof(*c->findings));
		cJSON_ArrayForEach(f, e)
			c->findings[c->nfindings++] = (struct runfile_finding){
				str_or(f, "class", "?"), str_or(f, "severity", "?"), str_or(f, "message", "") };
	}
	return load_stages(rf, o, c);
}

/* "shard":{"index","count","of","cells","grouping"} (shard.h); merge relies on it. */
static int load_shard(struct runfile *rf, const cJSON *o)
{
	const cJSON *index = member(o, "index"), *count = member(o, "count"), *cells = member(o, "cells");

	if (!cJSON_IsNumber(count) || count->valuedouble < 1 || !cJSON_IsNumber(index) ||
	    index->valuedouble < 1 || index->valuedouble > count->valuedouble)
		return json_doc_error(&rf->doc, o, "\"shard\" must have \"index\" and \"count\" with 1 <= index <= count");
	if (need_str(rf, o, "of", &rf->shard.of))
		return -1;
	rf->shard.index = (size_t)index->valuedouble;
	rf->shard.count = (size_t)count->valuedouble;
	rf->shard.cells = cJSON_IsNumber(cells) && cells->valuedouble > 0 ? (size_t)cells->valuedouble : 0;
	rf->shard.grouping = str_or(o, "grouping", "");
	rf->shard.json = o;
	return 0;
}

static int cmp_cell_id(const void *a, const void *b)
{
	return strcmp((*(const struct runfile_cell *const *)a)->id, (*(const struct runfile_cell *const *)b)->id);
}

static int load_doc(struct runfile *rf)
{
	const cJSON *root = rf->doc.root, *run, *cells, *e, *v;
	const char *schema = NULL;
	size_t i = 0;

	if (!cJSON_IsObject(root))
		return json_doc_error(&rf->doc, root, "results must be a JSON object");
	if (need_str(rf, root, "schema", &schema))
		return -1;
	if (strncmp(schema, "emcompat-results/", 17) != 0)
		return json_doc_error(&rf->doc, member(root, "schema"),
				      "schema \"%s\" is not emcompat-results/N", schema);
	run = member(root, "run");
	if (!cJSON_IsObject(run))
		return json_doc_error(&rf->doc, run ? run : root, "\"run\" must be an object");
	if (need_str(rf, run, "id", &rf->id))
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
	rf->ncells = (size_t)cJSON_GetArraySize(cells);
	rf->cells = xcalloc(rf->ncells + 1, sizeof(*rf->cells));
	cJSON_ArrayForEach(e, cells) {
		if (load_cell(rf, e, &rf->cells[i]))
			return -1;
		rf->counts[rf->cells[i++].status]++;
	}
	rf->by_id = xcalloc(rf->ncells + 1, sizeof(*rf->by_id));
	for (i = 0; i < rf->ncells; i++)
		rf->by_id[i] = &rf->cells[i];
	qsort(rf->by_id, rf->ncells, sizeof(*rf->by_id), cmp_cell_id);
	for (i = 1; i < rf->ncells; i++)
		if (strcmp(rf->by_id[i - 1]->id, rf->by_id[i]->id) == 0)
			return json_doc_error(&rf->doc, member(rf->by_id[i]->json, "id"),
					      "cell \"%s\" appears twice", rf->by_id[i]->id);
	return 0;
}

int runfile_load(struct runfile *rf, const char *dir)
{
	struct stat st;
	size_t len;

	memset(rf, 0, sizeof(*rf));
	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode)) {
		const char *slash = strrchr(dir, '/');

		rf->path = xstrdup(dir);
		rf->dir = slash ? xstrndup(dir, (size_t)(slash - dir) + (slash == dir)) : xstrdup(".");
	} else {
		rf->dir = xstrdup(dir);
		rf->path = xasprintf("%s/results.json", dir);
	}
	if (read_file(rf->path, &rf->text, &len) ||
	    json_doc_parse(&rf->doc, rf->path, rf->text, len) || load_doc(rf)) {
		runfile_release(rf);
		return -1;
	}
	/* Messages about the text are all given while loading; the tree owns its strings. */
	free(rf->text);
	rf->text = NULL;
	rf->doc.text = NULL;
	rf->doc.len = 0;
	return 0;
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
	for (size_t i = 0; i < rf->ncells; i++) {
		free(rf->cells[i].axis_keys);
		free(rf->cells[i].axis_values);
		free(rf->cells[i].lines);
		free(rf->cells[i].findings);
		free(rf->cells[i].stages);
	}
	free(rf->cells);
	free(rf->by_id);
	json_doc_release(&rf->doc);
	free(rf->text);
	free(rf->path);
	free(rf->dir);
	memset(rf, 0, sizeof(*rf));
}
