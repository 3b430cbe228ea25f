/*
 * recommend: the values of one axis ranked from finished runs, for
 * `emcompat recommend` ("which Emscripten should I use with Rust X and
 * PyO3 Y?").
 *
 * The cells considered are those of every run (runfile.h) that have the
 * axis and match the constraints (--only: constraints on one key are
 * alternatives, on different keys all must hold, as for `run`). A cell id
 * found in several runs counts once, from the run that started last (ties:
 * the one given last), so a nightly history can be passed whole.
 *
 * Each value's cells are counted: pass (pass or flaky), fail (fail or
 * timeout) and untested (error, blocked, skipped: never read as a pass).
 *
 * Like is compared with like. A cell's setting is the values of every key
 * but the axis (a flag axis a cell lacks counts as its default, as the
 * plan builds it: plan_axis_default). The shared settings are those every
 * value has a cell in; a value's shared cells are its cells there. The
 * ranking: a value that passes every cell it has first, whatever the
 * counts (among those, the one tested on more settings, then the newer);
 * the others by the share of their shared cells that pass, then of those
 * that fail (fewer first), then the share of all their cells that pass,
 * then the newer. A value's other cells are reported apart, never ranked
 * against cells the others lack. "Newer" is the axis order of a matrix
 * file: the matrix a run recorded (the embedded default for "<default>",
 * else its path as recorded, relative to the current directory), tried
 * from the last run given to the first, used when its axis lists every
 * value seen; else version order (runs of digits compared as numbers:
 * 3.1.6 < 3.1.69 < 6.0.5).
 *
 * A failing cell is described by the keys whose values differ among the
 * cells considered (e.g. "probe=panic"); the keys with one value across
 * them all are the context ("with emscripten=3.1.6, loader=pyodide-0.26.4").
 */
#ifndef EMCOMPAT_RECOMMEND_H
#define EMCOMPAT_RECOMMEND_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/matrix.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

struct recommend_value {
	const char *value;                 /* borrowed from a run */
	size_t order;        /* its position in the axis order (0 = oldest) */
	size_t cells, pass, fail, untested;
	size_t shared_cells, shared_pass, shared_fail;  /* on the shared settings */
	size_t settings;                   /* settings it was tested on (a cell that passed or failed) */
	const struct runfile_cell **cellv; /* owned array: its cells, in run order */
	unsigned char *shared;             /* owned array: per cellv entry, 1 on a shared setting */
};

struct recommend {
	const char *axis;
	char *order_source;                /* owned: the matrix the order came from, or NULL
	                                      (version order, or the caller's ORDER) */
	size_t ncells;                     /* cells considered, after dropping repeats */
	size_t nsettings;                  /* distinct settings of the other keys */
	size_t nshared;                    /* settings every value has a cell in */
	size_t nkeys;
	const char **keys;                 /* owned array: every key of the cells but the axis */
	const char **common;               /* owned array: per key, its one value, or NULL if it varies */
	size_t nvalues;
	struct recommend_value *values;    /* owned: best first */
};

/*
 * Ranks the values of AXIS over RUNS (N of them) under ONLY. ORDER (NORDER
 * values, oldest first; NULL: find it as described above) gives "newer".
 * Fills R (release it). Returns 0, or -1 with error(EC_EXIT_INPUT): a
 * constraint on a key no cell has, or no cell left to rank.
 */
int recommend_rank(struct recommend *r, const struct runfile *runs, size_t n, const char *axis,
		   const struct matrix_only *only, size_t nonly, const char *const *order, size_t norder);

/* Whether V passed every one of its cells. */
int recommend_all_pass(const struct recommend_value *v);

/* Whether A and B rank equal but for which is newer. */
int recommend_ties(const struct recommend_value *a, const struct recommend_value *b);

/*
 * Appends to SB why V ranks where it does, in one line: "all 3 cells pass
 * (probe add, u128, panic)", or "2 of 3 pass; fails: wasm_eh_tag_missing
 * at load (probe=panic)". Failures are grouped by status, class and
 * stage, each group with its count ("x4") and the settings all its cells
 * have in common, the largest groups first, at most three ("+2 more").
 * With settings not every value has, the shared cells are counted first
 * ("0 of 1 pass on the shared settings, 2 of 6 in all").
 */
void recommend_explain(const struct recommend *r, const struct recommend_value *v, struct strbuf *sb);

/* Appends V's coverage, "; tested on 1 of 6 settings", when it lacks some settings; else nothing. */
void recommend_coverage(const struct recommend *r, const struct recommend_value *v, struct strbuf *sb);

/*
 * When the best value does not pass every cell: appends to SB where it
 * fails and which other value passes those settings ("emscripten=6.0.5
 * fails link_mode=rustc (2 cells); 3.1.69 passes them") and returns 1;
 * else appends nothing and returns 0.
 */
int recommend_alternative(const struct recommend *r, struct strbuf *sb);

/* Appends one line per cell of V, each "    <id>: <status>[: <class> at <stage>]\n". */
void recommend_list_cells(const struct recommend_value *v, struct strbuf *sb);

/* The ranking as JSON (the --json form; see cli.c's help). Caller deletes. */
cJSON *recommend_json(const struct recommend *r);

/* strcmp for versions: runs of digits compare as numbers. */
int recommend_version_cmp(const char *a, const char *b);

void recommend_release(struct recommend *r);

#endif
