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
#include <stdio.h>

#include <cjson/cJSON.h>

#include "emcompat/runfile.h"

enum diff_kind {
	DIFF_REGRESSED,
	DIFF_FIXED,
	DIFF_CHANGED,
	DIFF_STILL_FAILING,
	DIFF_UNCHANGED,
	DIFF_NEW,
	DIFF_REMOVED,
	DIFF_KIND_COUNT
};

/* "regressed", "fixed", "changed", "still-failing", "unchanged", "new", "removed". */
const char *diff_kind_name(enum diff_kind k);

/* The kind of one cell; BASE or NEW may be NULL (new, removed). */
enum diff_kind diff_cell(const struct runfile_cell *base, const struct runfile_cell *cur);

struct diff_entry {
	enum diff_kind kind;
	int flaky;    /* flaky in either run */
	const struct runfile_cell *base;   /* borrowed; NULL when new */
	const struct runfile_cell *cur;    /* borrowed; NULL when removed */
};

struct diff {
	size_t n;
	struct diff_entry *entries;        /* NEW's cells in its order, then the removed ones */
	size_t counts[DIFF_KIND_COUNT];
	size_t flaky;
	const struct runfile *cur;         /* borrowed */
	const struct runfile *base;        /* borrowed */
};

/* Compares BASE and CUR, which must outlive D. Never fails. */
void diff_runs(struct diff *d, const struct runfile *base, const struct runfile *cur);

/* The entry of NEW's cell C (matched by pointer), or NULL. */
const struct diff_entry *diff_find(const struct diff *d, const struct runfile_cell *cur);

void diff_release(struct diff *d);

/*
 * Text for people (`emcompat diff`, `run --baseline`): a header naming both
 * runs; then the cells of each kind that changed, regressed first, then
 * fixed, changed, new, removed, one line each:
 *   "  ID  pass -> fail (CLASS) at STAGE: SUMMARY"
 * then the flaky cells (noted apart, with their kind); then one line of
 * counts: "diff: N regressed, N fixed, ... ; N flaky". Still-failing and
 * unchanged cells are only counted. DIFF_PRINT_REGRESSED prints only the
 * regressed cells and the counts. What the runs hold (ids, classes,
 * summaries, dirs) is escaped for a terminal (untrusted.h).
 */
enum diff_print {
	DIFF_PRINT_CHANGES,
	DIFF_PRINT_REGRESSED
};
void diff_print(FILE *out, const struct diff *d, enum diff_print what);

/* Loads the runs in BASE and CUR (dirs or results.json), diffs and prints them. 0, or -1 as runfile_load. */
int diff_print_dirs(FILE *out, const char *base, const char *cur, enum diff_print what);

/*
 * The stable JSON form (`emcompat diff --json`):
 *   {"base":{"path","id","cells"},"new":{"path","id","cells"},
 *    "regressed":BOOL,
 *    "counts":{"regressed":N,"fixed":N,"changed":N,"still-failing":N,
 *              "unchanged":N,"new":N,"removed":N,"flaky":N},
 *    "cells":[{"id","kind","flaky":BOOL,
 *              "base":{"status","class","stage","summary"}|null,
 *              "new":{...}|null}]}
 * "cells" holds every cell of either run, by kind in the order above
 * (regressed first), within a kind in NEW's order (removed: BASE's);
 * "class" and "stage" are left out where the cell has none. Caller deletes.
 */
cJSON *diff_to_json(const struct diff *d);

#endif
