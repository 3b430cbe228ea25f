#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/bisect.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

const char *bisect_verdict_name(enum bisect_verdict v)
{
	static const char *const names[] = { "untested", "good", "bad", "skip" };

	return names[v];
}

size_t bisect_bound(size_t n)
{
	size_t log = 0;

	while (((size_t)1 << log) < n)
		log++;
	return log + 2;
}

struct walk {
	size_t good;
	int down;                 /* GOOD is the newer end: walk towards lower indexes */
	bisect_test_fn test;
	void *ctx;
	struct bisect_result *r;
};

/* The axis index at position P of the walk from GOOD (position 0) to BAD. */
static size_t walk_index(const struct walk *w, size_t p)
{
	return w->down ? w->good - p : w->good + p;
}

static int walk_test(struct walk *w, size_t p, enum bisect_verdict *v)
{
	size_t i = walk_index(w, p);

	*v = BISECT_SKIP;
	if (w->test(w->ctx, i, v))
		return -1;
	w->r->verdicts[i] = *v;
	w->r->order[w->r->tested++] = i;
	return 0;
}

/* The untested position strictly between LO and HI nearest their middle, or SIZE_MAX. */
static size_t next_probe(const struct walk *w, size_t lo, size_t hi)
{
	size_t mid = lo + (hi - lo) / 2;

	for (size_t d = 0; d <= (hi - lo) / 2; d++) {
		if (mid - d > lo && w->r->verdicts[walk_index(w, mid - d)] == BISECT_UNTESTED)
			return mid - d;
		if (d && mid + d < hi && w->r->verdicts[walk_index(w, mid + d)] == BISECT_UNTESTED)
			return mid + d;
	}
	return SIZE_MAX;
}

int bisect_search(size_t n, size_t good, size_t bad, bisect_test_fn test, void *ctx, struct bisect_result *r)
{
	struct walk w = { good, bad < good, test, ctx, r };
	size_t lo = 0, hi = w.down ? good - bad : bad - good, p;
	enum bisect_verdict v;

	memset(r, 0, sizeof(*r));
	r->n = n;
	r->verdicts = xcalloc(n, sizeof(*r->verdicts));
	r->order = xcalloc(n, sizeof(*r->order));
	/* Both ends first: a wrong label would make every later answer wrong. */
	if (walk_test(&w, lo, &v))
		return -1;
	if (v != BISECT_GOOD) {
		r->outcome = v == BISECT_BAD ? BISECT_GOOD_NOT_GOOD : BISECT_GOOD_UNTESTABLE;
		return 0;
	}
	if (walk_test(&w, hi, &v))
		return -1;
	if (v != BISECT_BAD) {
		r->outcome = v == BISECT_GOOD ? BISECT_BAD_NOT_BAD : BISECT_BAD_UNTESTABLE;
		return 0;
	}
	while ((p = next_probe(&w, lo, hi)) != SIZE_MAX) {
		if (walk_test(&w, p, &v))
			return -1;
		if (v == BISECT_GOOD)
			lo = p;
		else if (v == BISECT_BAD)
			hi = p;
	}
	r->outcome = hi - lo == 1 ? BISECT_FOUND : BISECT_RANGE;
	r->last_good = walk_index(&w, lo);
	r->first_bad = walk_index(&w, hi);
	return 0;
}

void bisect_result_release(struct bisect_result *r)
{
	free(r->verdicts);
	free(r->order);
	memset(r, 0, sizeof(*r));
}

enum bisect_verdict bisect_judge(const struct bisect_predicate *p, const struct runfile_cell *c)
{
	if (runfile_status_ok(c->status))
		return BISECT_GOOD;
	if (c->status != CELL_FAIL && c->status != CELL_TIMEOUT)
		return BISECT_SKIP;
	if (p->cls && (!c->cls || strcmp(p->cls, c->cls) != 0))
		return BISECT_SKIP;
	if (p->stage && (!c->stage || strcmp(p->stage, c->stage) != 0))
		return BISECT_SKIP;
	return BISECT_BAD;
}

static int same_value(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether cell C's AXIS value is among the axis values LO..HI. */
static int in_span(const struct matrix *m, size_t axis, size_t lo, size_t hi, size_t c)
{
	for (size_t v = lo; v <= hi; v++)
		if (same_value(m->cells[c].values[axis], m->axis_values[axis][v]))
			return 1;
	return 0;
}

/*
 * Names the axes on which two cells with the same AXIS value (one of LO..HI)
 * differ, with the values they take; keys that only includes add are named
 * only when no axis is open (narrowing the axes settles them).
 */
static int open_axes_error(const struct matrix *m, size_t axis, size_t lo, size_t hi)
{
	struct strbuf sb = { 0 };
	int rc;

	for (size_t k = 0; k < m->nkeys && !(k == m->naxes && sb.len); k++) {
		struct strbuf vals = { 0 };
		size_t nvals = 0;
		int open = 0;

		if (k == axis)
			continue;
		for (size_t c = 0; c < m->ncells; c++) {
			const char *av = m->cells[c].values[axis], *kv = m->cells[c].values[k];
			int seen = 0;

			if (!in_span(m, axis, lo, hi, c))
				continue;
			for (size_t d = 0; d < c; d++) {
				if (!in_span(m, axis, lo, hi, d))
					continue;
				open |= same_value(m->cells[d].values[axis], av) &&
					!same_value(m->cells[d].values[k], kv);
				seen |= same_value(m->cells[d].values[k], kv);
			}
			if (!seen && kv)
				strbuf_addf(&vals, "%s%s", nvals++ ? ", " : "", kv);
		}
		if (open)
			strbuf_addf(&sb, "%s%s (%s)", sb.len ? ", " : "", m->keys[k], strbuf_str(&vals));
		strbuf_release(&vals);
	}
	rc = error(EC_EXIT_INPUT,
		   "more than one cell of matrix %s per %s value: still open: %s; narrow them with "
		   "--only AXIS=VALUE, or name one cell with --cell ID",
		   m->path, m->keys[axis], strbuf_str(&sb));
	strbuf_release(&sb);
	return rc;
}

int bisect_pick_cells(struct matrix *m, size_t axis, size_t from, size_t to, const char *cell_id,
		      const struct matrix_only *only, size_t nonly, size_t *cells)
{
	const struct matrix_cell *ref = NULL;
	size_t nv = m->naxis_values[axis], lo = from < to ? from : to, hi = from < to ? to : from;

	if (cell_id && nonly)
		return error(EC_EXIT_INPUT, "--cell and --only do not go together: --cell names every axis");
	for (size_t i = 0; i < nonly; i++)
		if (strcmp(only[i].key, m->keys[axis]) == 0)
			return error(EC_EXIT_INPUT, "--only %s=%s: %s is the axis being bisected", only[i].key,
				     only[i].value, only[i].key);
	if (cell_id) {
		for (size_t c = 0; c < m->ncells && !ref; c++)
			if (strcmp(m->cells[c].id, cell_id) == 0)
				ref = &m->cells[c];
		if (!ref)
			return error(EC_EXIT_INPUT, "--cell %s: no such cell in matrix %s (see 'emcompat plan')",
				     cell_id, m->path);
	} else if (matrix_select(m, only, nonly)) {
		return -1;
	}
	for (size_t v = 0; v < nv; v++) {
		const char *value = m->axis_values[axis][v];

		cells[v] = SIZE_MAX;
		for (size_t c = 0; c < m->ncells; c++) {
			const struct matrix_cell *cell = &m->cells[c];
			int match = same_value(cell->values[axis], value);

			for (size_t a = 0; ref && match && a < m->naxes; a++)
				match = a == axis || same_value(cell->values[a], ref->values[a]);
			if (!match)
				continue;
			if (cells[v] == SIZE_MAX) {
				cells[v] = c;
			} else if (v >= lo && v <= hi) {
				if (ref)
					return error(EC_EXIT_INPUT,
						     "--cell %s: two cells have its axes with %s=%s: "
						     "%s and %s",
						     cell_id, m->keys[axis], value, m->cells[cells[v]].id, cell->id);
				return open_axes_error(m, axis, lo, hi);
			}
		}
	}
	return 0;
}
