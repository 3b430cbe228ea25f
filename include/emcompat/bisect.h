/*
 * bisect: the first bad value along one axis, for `emcompat bisect`.
 *
 * The search walks the axis' values from --good to --bad in matrix-file
 * order (oldest first; --good may also be the newer end, to find where a
 * breakage was fixed). It first checks both ends (--good must test good,
 * --bad bad), then halves the span between the last good and the first bad
 * value seen. A value that cannot be tested (BISECT_SKIP) is stepped
 * around: the next value tried is the untested one nearest the middle. So
 * for a span of n values, every one testable, at most ceil(log2(n)) + 2
 * values are tested; with skips the answer may be a range: the first bad
 * value is one of the skipped values after the last good one, or the bad
 * value after them.
 *
 * The tester is a callback, so the search knows nothing about running:
 * cmd_bisect.c runs one matrix cell per value through run_main (reusing
 * every node in the cache), and the unit tests script the verdicts.
 *
 * The other helpers here map a cell to a verdict (the predicate) and pick
 * the cell to test for each axis value from a matrix.
 */
#ifndef EMCOMPAT_BISECT_H
#define EMCOMPAT_BISECT_H

#include <stddef.h>

#include "emcompat/matrix.h"
#include "emcompat/runfile.h"

enum bisect_verdict {
	BISECT_UNTESTED,  /* not tried (yet) */
	BISECT_GOOD,
	BISECT_BAD,
	BISECT_SKIP,      /* could not be tested, or failed in a way the predicate ignores */
};

/* "untested", "good", "bad", "skip". */
const char *bisect_verdict_name(enum bisect_verdict v);

enum bisect_outcome {
	BISECT_FOUND,           /* last_good and first_bad are neighbours */
	BISECT_RANGE,           /* only skipped values lie between them */
	BISECT_GOOD_NOT_GOOD,   /* the --good end tested bad */
	BISECT_GOOD_UNTESTABLE, /* the --good end could not be tested */
	BISECT_BAD_NOT_BAD,     /* the --bad end tested good */
	BISECT_BAD_UNTESTABLE,  /* the --bad end could not be tested */
};

/*
 * Tests the axis value at INDEX (its position in the axis): sets *V to
 * good, bad or skip. Returns 0, or -1 to stop the search (the callback
 * keeps its own account of why).
 */
typedef int (*bisect_test_fn)(void *ctx, size_t index, enum bisect_verdict *v);

struct bisect_result {
	enum bisect_outcome outcome;
	size_t last_good, first_bad;    /* axis indexes; for FOUND and RANGE */
	size_t tested;                  /* callbacks made */
	size_t n;
	enum bisect_verdict *verdicts;  /* owned: per axis index */
	size_t *order;                  /* owned: the indexes in the order tested */
};

/*
 * Searches the N values of an axis between GOOD and BAD (indexes, GOOD !=
 * BAD, both < N) calling TEST. Fills R (release it). Returns 0, or -1 when
 * TEST returned -1 (R then holds the verdicts so far).
 */
int bisect_search(size_t n, size_t good, size_t bad, bisect_test_fn test, void *ctx, struct bisect_result *r);

/* ceil(log2(N)) + 2: the most values the search tests when none is skipped. */
size_t bisect_bound(size_t n);

void bisect_result_release(struct bisect_result *r);

/*
 * The predicate. A cell that passed (or was flaky) is good; one that failed
 * or timed out is bad, but with CLS set only a failure of that breakage
 * class is bad and with STAGE set only a failure at that stage (both when
 * both are set): other failures are skip. error, blocked and skipped cells
 * are skip (nothing was learnt about the code).
 */
struct bisect_predicate {
	const char *cls;    /* NULL: any class */
	const char *stage;  /* NULL: any stage */
};

enum bisect_verdict bisect_judge(const struct bisect_predicate *p, const struct runfile_cell *c);

/*
 * Picks the cell to test for each value of axis AXIS (an index < m->naxes)
 * of M: CELLS[v] is the index into m->cells of the cell with the v-th
 * value, or (size_t)-1 where the matrix has none. With CELL_ID the other
 * axes take that cell's values. Otherwise M's cells are first narrowed by
 * ONLY (matrix_select; M is changed) and must then leave one cell per
 * value of the axis in [FROM, TO] (inclusive axis indexes, either order).
 * Returns 0, or -1 with error(EC_EXIT_INPUT): an unknown CELL_ID, both
 * CELL_ID and ONLY, a constraint on AXIS itself, or axes still open (the
 * message names them and their values).
 */
int bisect_pick_cells(struct matrix *m, size_t axis, size_t from, size_t to, const char *cell_id,
		      const struct matrix_only *only, size_t nonly, size_t *cells);

#endif
