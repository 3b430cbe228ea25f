#include <stdlib.h>
#include <string.h>

#include "emcompat/diff.h"
#include "emcompat/untrusted.h"
#include "emcompat/util.h"

static const char *const kind_names[DIFF_KIND_COUNT] = {
	"regressed", "fixed", "changed", "still-failing", "unchanged", "new", "removed",
};

const char *diff_kind_name(enum diff_kind k)
{
	return (unsigned)k < DIFF_KIND_COUNT ? kind_names[k] : "?";
}

static int failed(enum cell_status s)
{
	return s == CELL_FAIL || s == CELL_TIMEOUT;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

enum diff_kind diff_cell(const struct runfile_cell *base, const struct runfile_cell *cur)
{
	int was_ok, is_ok;

	if (!base)
		return DIFF_NEW;
	if (!cur)
		return DIFF_REMOVED;
	was_ok = runfile_status_ok(base->status);
	is_ok = runfile_status_ok(cur->status);
	if (was_ok && is_ok)
		return DIFF_UNCHANGED;
	if (!was_ok && is_ok)
		return DIFF_FIXED;
	if (was_ok)
		return failed(cur->status) ? DIFF_REGRESSED : DIFF_CHANGED;
	if (base->status == cur->status && same_str(base->cls, cur->cls))
		return DIFF_STILL_FAILING;
	return DIFF_CHANGED;
}

static void add(struct diff *d, const struct runfile_cell *base, const struct runfile_cell *cur)
{
	struct diff_entry *e = &d->entries[d->n++];

	e->kind = diff_cell(base, cur);
	e->base = base;
	e->cur = cur;
	e->flaky = (base && base->status == CELL_FLAKY) || (cur && cur->status == CELL_FLAKY);
	d->counts[e->kind]++;
	d->flaky += (size_t)e->flaky;
}

void diff_runs(struct diff *d, const struct runfile *base, const struct runfile *cur)
{
	memset(d, 0, sizeof(*d));
	d->cur = cur;
	d->base = base;
	d->entries = xcalloc(base->ncells + cur->ncells + 1, sizeof(*d->entries));
	for (size_t i = 0; i < cur->ncells; i++)
		add(d, runfile_find(base, cur->cells[i].id), &cur->cells[i]);
	for (size_t i = 0; i < base->ncells; i++)
		if (!runfile_find(cur, base->cells[i].id))
			add(d, &base->cells[i], NULL);
}

const struct diff_entry *diff_find(const struct diff *d, const struct runfile_cell *cur)
{
	/* NEW's cells come first, in its order: a cell's index is its entry's. */
	if (!d->cur || cur < d->cur->cells || cur >= d->cur->cells + d->cur->ncells)
		return NULL;
	return &d->entries[cur - d->cur->cells];
}

void diff_release(struct diff *d)
{
	free(d->entries);
	memset(d, 0, sizeof(*d));
}

/* "pass", "fail (CLASS)", "timeout (CLASS)", "error", ... */
static void put_state(FILE *out, const struct runfile_cell *c)
{
	fputs(cell_status_name(c->status), out);
	if (c->cls) {
		fputs(" (", out);
		untrusted_term_fputs(c->cls, out);
		fputc(')', out);
	}
}

static void put_entry(FILE *out, const struct diff_entry *e)
{
	const struct runfile_cell *c = e->cur ? e->cur : e->base;

	fputs("  ", out);
	untrusted_term_fputs(c->id, out);
	fputs("  ", out);
	if (e->base && e->cur) {
		put_state(out, e->base);
		fputs(" -> ", out);
		put_state(out, e->cur);
	} else if (e->cur) {
		put_state(out, e->cur);
	} else {
		fputs("was ", out);
		put_state(out, e->base);
	}
	if (e->cur && !runfile_status_ok(e->cur->status) && e->cur->stage) {
		fputs(" at ", out);
		untrusted_term_fputs(e->cur->stage, out);
		fputs(": ", out);
		untrusted_term_fputs(e->cur->summary, out);
	}
	fputc('\n', out);
}

static void put_kind(FILE *out, const struct diff *d, enum diff_kind k)
{
	if (!d->counts[k])
		return;
	fprintf(out, "%s (%zu):\n", diff_kind_name(k), d->counts[k]);
	for (size_t i = 0; i < d->n; i++)
		if (d->entries[i].kind == k)
			put_entry(out, &d->entries[i]);
}

void diff_print(FILE *out, const struct diff *d, enum diff_print what)
{
	static const enum diff_kind listed[] = { DIFF_REGRESSED, DIFF_FIXED, DIFF_CHANGED, DIFF_NEW, DIFF_REMOVED };

	struct strbuf a = { 0 }, b = { 0 };

	fprintf(out, "diff: %s (%zu cells) -> %s (%zu cells)\n", untrusted_term(&a, d->base->dir), d->base->ncells,
		untrusted_term(&b, d->cur->dir), d->cur->ncells);
	strbuf_release(&a);
	strbuf_release(&b);
	for (size_t k = 0; k < sizeof(listed) / sizeof(*listed); k++)
		if (what == DIFF_PRINT_CHANGES || listed[k] == DIFF_REGRESSED)
			put_kind(out, d, listed[k]);
	if (what == DIFF_PRINT_CHANGES && d->flaky) {
		fprintf(out, "flaky, noted apart (passed only on a retry in one run) (%zu):\n", d->flaky);
		for (size_t i = 0; i < d->n; i++)
			if (d->entries[i].flaky) {
				fprintf(out, "  [%s]", diff_kind_name(d->entries[i].kind));
				put_entry(out, &d->entries[i]);
			}
	}
	fputs("diff:", out);
	for (int k = 0; k < DIFF_KIND_COUNT; k++)
		fprintf(out, "%s %zu %s", k ? "," : "", d->counts[k], diff_kind_name((enum diff_kind)k));
	fprintf(out, "; %zu flaky\n", d->flaky);
}

int diff_print_dirs(FILE *out, const char *base, const char *cur, enum diff_print what)
{
	struct runfile b, c;
	struct diff d;

	if (runfile_load(&b, base))
		return -1;
	if (runfile_load(&c, cur)) {
		runfile_release(&b);
		return -1;
	}
	diff_runs(&d, &b, &c);
	diff_print(out, &d, what);
	diff_release(&d);
	runfile_release(&c);
	runfile_release(&b);
	return 0;
}

static cJSON *run_json(const struct runfile *rf)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "path", rf->dir);
	cJSON_AddStringToObject(o, "id", rf->id);
	cJSON_AddNumberToObject(o, "cells", (double)rf->ncells);
	return o;
}

static cJSON *side_json(const struct runfile_cell *c)
{
	return c ? results_cell_json(c, RESULTS_CELL_BRIEF) : cJSON_CreateNull();
}

cJSON *diff_to_json(const struct diff *d)
{
	cJSON *root = cJSON_CreateObject(), *counts, *cells;

	cJSON_AddItemToObject(root, "base", run_json(d->base));
	cJSON_AddItemToObject(root, "new", run_json(d->cur));
	cJSON_AddBoolToObject(root, "regressed", d->counts[DIFF_REGRESSED] > 0);
	counts = cJSON_AddObjectToObject(root, "counts");
	for (int k = 0; k < DIFF_KIND_COUNT; k++)
		cJSON_AddNumberToObject(counts, diff_kind_name((enum diff_kind)k), (double)d->counts[k]);
	cJSON_AddNumberToObject(counts, "flaky", (double)d->flaky);
	cells = cJSON_AddArrayToObject(root, "cells");
	for (int k = 0; k < DIFF_KIND_COUNT; k++)
		for (size_t i = 0; i < d->n; i++) {
			const struct diff_entry *e = &d->entries[i];
			cJSON *o;

			if (e->kind != (enum diff_kind)k)
				continue;
			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "id", (e->cur ? e->cur : e->base)->id);
			cJSON_AddStringToObject(o, "kind", diff_kind_name(e->kind));
			cJSON_AddBoolToObject(o, "flaky", e->flaky);
			cJSON_AddItemToObject(o, "base", side_json(e->base));
			cJSON_AddItemToObject(o, "new", side_json(e->cur));
			cJSON_AddItemToArray(cells, o);
		}
	return root;
}
