/*
 * diff: two runs compared cell by cell (cells are matched by id).
 *
 * Each cell of either run gets one kind:
 *   regressed      worked in BASE (pass or flaky), fails or times out in NEW
 *   fixed          did not work in BASE, works in NEW
 *   changed        did not work in either, and the status or the class differs
 *                  (also: worked in BASE, error/blocked/skipped in NEW)
 *   still_failing  failed in both with the same status and class
 *   unchanged      worked in both
 *   new, removed   in one run only
 * `flaky` is noted apart: a cell flaky in either run keeps its kind and is
 * flagged, so "passed on a retry" is never mistaken for a regression.
 */
#ifndef EMCOMPAT_DIFF_H
#define EMCOMPAT_DIFF_H

#include <stddef.h>

#include "emcompat/runfile.h"

enum diff_kind {
	DIFF_REGRESSED, DIFF_FIXED, DIFF_CHANGED, DIFF_STILL_FAILING, DIFF_UNCHANGED,
	DIFF_NEW, DIFF_REMOVED,
	DIFF_KIND_COUNT
};

/* "regressed", "fixed", "changed", "still-failing", "unchanged", "new", "removed". */
const char *diff_kind_name(enum diff_kind k);

/* The kind of one cell; BASE or NEW may be NULL (new, removed). */
enum diff_kind diff_cell(const struct runfile_cell *base, const struct runfile_cell *cur);

struct diff_entry {
	enum diff_kind kind;
	int flaky;                         /* flaky in either run */
	const struct runfile_cell *base;   /* borrowed; NULL when new */
	const struct runfile_cell *cur;    /* borrowed; NULL when removed */
};

struct diff {
	size_t n;
	struct diff_entry *entries;        /* NEW's cells in its order, then the removed ones */
	size_t counts[DIFF_KIND_COUNT];
	size_t flaky;
	const struct runfile *cur;         /* borrowed */
};

/* Compares BASE and CUR, which must outlive D. Never fails. */
void diff_runs(struct diff *d, const struct runfile *base, const struct runfile *cur);

/* The entry of NEW's cell C (matched by pointer), or NULL. */
const struct diff_entry *diff_find(const struct diff *d, const struct runfile_cell *cur);

void diff_release(struct diff *d);

#endif
