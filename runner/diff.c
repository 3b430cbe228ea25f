#include <stdlib.h>
#include <string.h>

#include "emcompat/diff.h"
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
