#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/html.h"
#include "emcompat/json.h"
#include "emcompat/util.h"

/* Adds S as KEY, or null: the page tells "absent" from "empty". */
static void add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

static cJSON *run_json(const struct runfile *rf)
{
	cJSON *o = cJSON_CreateObject();

	add_str(o, "id", rf->id);
	add_str(o, "matrix", rf->matrix);
	add_str(o, "name", rf->name);
	add_str(o, "started", rf->started);
	add_str(o, "finished", rf->finished);
	cJSON_AddNumberToObject(o, "wall_seconds", rf->wall_seconds);
	cJSON_AddNumberToObject(o, "jobs", rf->jobs);
	return o;
}

/* A cell as results.h writes it for the report, with its change against the baseline D (may be NULL). */
static cJSON *cell_json(const struct runfile_cell *c, const struct diff *d)
{
	cJSON *o = results_cell_json(c, RESULTS_CELL_REPORT);

	if (d) {
		const struct diff_entry *e = diff_find(d, c);

		if (e) {
			cJSON_AddStringToObject(o, "diff", diff_kind_name(e->kind));
			cJSON_AddBoolToObject(o, "flaky", e->flaky);
			if (e->base) {
				cJSON *was = cJSON_AddObjectToObject(o, "was");

				cJSON_AddStringToObject(was, "status", cell_status_name(e->base->status));
				add_str(was, "class", e->base->cls);
			}
		}
	}
	return o;
}

/* The classes the cells name, as far as the table knows them. */
static cJSON *classes_json(const struct report_input *in)
{
	cJSON *o = cJSON_CreateObject();

	for (size_t i = 0; in->classes && i < in->run->ncells; i++) {
		const char *id = in->run->cells[i].cls;
		const struct classify_class *cc;
		cJSON *c, *refs;

		if (!id || cJSON_GetObjectItemCaseSensitive(o, id) || !(cc = classify_find(in->classes, id)))
			continue;
		c = cJSON_AddObjectToObject(o, id);
		add_str(c, "title", cc->title);
		add_str(c, "explain", cc->explain);
		add_str(c, "fix", cc->fix);
		refs = cJSON_AddArrayToObject(c, "refs");
		for (size_t k = 0; k < cc->nrefs; k++)
			cJSON_AddItemToArray(refs, cJSON_CreateString(cc->refs[k]));
	}
	return o;
}

static cJSON *baseline_json(const struct report_input *in)
{
	const struct diff *d = in->baseline;
	cJSON *o = cJSON_CreateObject(), *counts, *removed;

	add_str(o, "dir", in->baseline_dir);
	/* The history's last recorded run: the page has a section "changed since last night". */
	cJSON_AddBoolToObject(o, "night", in->baseline_night);
	counts = cJSON_AddObjectToObject(o, "counts");
	for (int k = 0; k < DIFF_KIND_COUNT; k++)
		cJSON_AddNumberToObject(counts, diff_kind_name(k), (double)d->counts[k]);
	cJSON_AddNumberToObject(o, "flaky", (double)d->flaky);
	removed = cJSON_AddArrayToObject(o, "removed");
	for (size_t i = 0; i < d->n; i++) {
		const struct runfile_cell *b = d->entries[i].base;
		cJSON *r;

		if (d->entries[i].kind != DIFF_REMOVED)
			continue;
		r = cJSON_CreateObject();
		add_str(r, "id", b->id);
		cJSON_AddStringToObject(r, "status", cell_status_name(b->status));
		add_str(r, "class", b->cls);
		cJSON_AddItemToArray(removed, r);
	}
	return o;
}

/*
 * The report's data, {"schema","run","counts","toolchains","cells",
 * "classes","baseline","nights"}, in two parts around "cells": the cells are
 * printed one at a time, so 10,000 of them never stand as one tree.
 */
static cJSON *data_head_json(const struct report_input *in)
{
	const struct runfile *rf = in->run;
	cJSON *o = cJSON_CreateObject(), *counts;

	cJSON_AddStringToObject(o, "schema", "emcompat-report-data/1");
	cJSON_AddItemToObject(o, "run", run_json(rf));
	counts = cJSON_AddObjectToObject(o, "counts");
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		cJSON_AddNumberToObject(counts, cell_status_name(s), (double)rf->counts[s]);
	cJSON_AddItemToObject(o, "toolchains",
			      rf->toolchains ? cJSON_Duplicate(rf->toolchains, 1) : cJSON_CreateObject());
	return o;
}

static cJSON *data_tail_json(const struct report_input *in)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "classes", classes_json(in));
	cJSON_AddItemToObject(o, "baseline", in->baseline ? baseline_json(in) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "nights", in->nights ? cJSON_Duplicate(in->nights->json, 1) : cJSON_CreateNull());
	return o;
}

/*
 * JSON text fit for a <script> element's raw text: '<' can start "</script"
 * or "<!--", and U+2028/U+2029 are line ends to older JS parsers. In JSON
 * text they can only stand inside strings, where a \u escape means the same.
 */
static void add_script_safe(struct strbuf *sb, const char *json, size_t len)
{
	for (const char *p = json, *end = json + len; p < end; p++) {
		if (*p == '<')
			strbuf_addstr(sb, "\\u003c");
		else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
			 ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
			strbuf_addstr(sb, (unsigned char)p[2] == 0xA8 ? "\\u2028" : "\\u2029");
			p += 2;
		} else
			strbuf_addch(sb, *p);
	}
}

/* Adds ITEM (deleted here) printed unformatted, without its first SKIP_HEAD and last SKIP_TAIL bytes. */
static int add_item(struct strbuf *sb, cJSON *item, size_t skip_head, size_t skip_tail)
{
	char *json = json_print(item, 0);
	size_t len;

	cJSON_Delete(item);
	if (!json)
		return -1;
	len = strlen(json);
	if (len >= skip_head + skip_tail)
		add_script_safe(sb, json + skip_head, len - skip_head - skip_tail);
	free(json);
	return 0;
}

int html_write(const char *path, const struct report_input *in)
{
	const struct embedded_file *tpl = embedded_find(HTML_TEMPLATE_PATH);
	const char *at = tpl ? strstr(tpl->data, HTML_DATA_MARKER) : NULL;
	const struct runfile *rf = in->run;
	struct strbuf sb = { NULL, 0, 0 };
	struct atomic_file af;
	int rc = 0;

	if (!at)
		return error(EC_EXIT_INTERNAL, "%s: %s", HTML_TEMPLATE_PATH,
			     tpl ? "no " HTML_DATA_MARKER " in the template" : "not embedded");
	if (atomic_file_open(&af, path, 0644))
		return -1;
	/* Written as it is made: the report of 10,000 cells is about 14 MB. */
	atomic_file_write(&af, tpl->data, (size_t)(at - tpl->data));
	/* {"schema":...,"toolchains":{...}  then  ,"cells":[{...},...]  then  ,"classes":...} */
	rc |= add_item(&sb, data_head_json(in), 0, 1);
	strbuf_addstr(&sb, ",\"cells\":[");
	for (size_t i = 0; i < rf->ncells && rc == 0; i++) {
		if (i)
			strbuf_addch(&sb, ',');
		rc |= add_item(&sb, cell_json(&rf->cells[i], in->baseline), 0, 0);
		if (sb.len >= 65536)
			atomic_file_write_buf(&af, &sb);
	}
	strbuf_addstr(&sb, "],");
	rc |= add_item(&sb, data_tail_json(in), 1, 0);
	if (rc) {
		strbuf_release(&sb);
		atomic_file_abort(&af);
		return error(EC_EXIT_INTERNAL, "%s: out of memory", path);
	}
	strbuf_addstr(&sb, at + strlen(HTML_DATA_MARKER));
	atomic_file_write_buf(&af, &sb);
	strbuf_release(&sb);
	return atomic_file_commit(&af);
}
