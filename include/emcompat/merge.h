/*
 * merge: the run directories of a matrix's shards (`run --shard I/N`)
 * joined into one run directory, as if the matrix had run whole
 * (`emcompat merge -o DIR RUN...`).
 *
 * DIR gets:
 *   results.json   every cell of every run, in matrix order (the cells'
 *                  "index"; cells without one follow in argument order),
 *                  counts recomputed, the toolchains of all runs (a kind
 *                  and version two runs identify differently keeps the
 *                  first run's identity, with a warning), and the run
 *                  object: a new id, the matrix, matrix_digest, the
 *                  earliest start, the latest finish, wall_seconds and
 *                  jobs of the longest / widest run, and "merged": the
 *                  id, dir and shard of each run
 *   logs/          every run's logs, hard-linked (copied across file
 *                  systems); a node that ran in two shards keeps the first
 *   journal.jsonl  the runs' journals, one after the other (resume reads
 *                  the last record of a node)
 *   the reports    report.h, against BASELINE when one is given
 *
 * Refused, with EC_EXIT_INPUT and why:
 *   - runs of different matrices: their matrix_digest (the cells the
 *     matrix expands to) differ, or, for runs that record none, their
 *     matrix path and name; their cells would not add up to one matrix;
 *   - shards of different splits (a shard count or the "of" digest of the
 *     cells being split differ), or shards mixed with whole runs;
 *   - a shard of the N missing, unless PARTIAL;
 *   - a cell in two runs with a different status or class: which one is
 *     true cannot be told (two machines, two toolchain builds?);
 *   - a DIR that already holds a run.
 * A cell in two runs with the same result is taken once (from the first).
 */
#ifndef EMCOMPAT_MERGE_H
#define EMCOMPAT_MERGE_H

#include <stddef.h>

#include "emcompat/history.h"
#include "emcompat/report.h"
#include "emcompat/results.h"

struct merge_opts {
	const char *out_dir;
	const char *const *runs;     /* run dirs or results.json files */
	size_t nruns;
	int partial;                 /* allow missing shards */
	const char *baseline;        /* a run dir to mark the reports against, or NULL */
	/*
	 * An open history (history.h; borrowed), or NULL. Without a baseline
	 * the merged run is compared with the last run of its matrix recorded
	 * there, as `run --history` does (the reports say "since last
	 * night"), and report.html shows each cell's recent nights. Recording
	 * the merged run is the caller's.
	 */
	struct history *history;
};

struct merge_result {
	size_t cells;
	size_t counts[CELL_STATUS_COUNT];
	size_t regressed;            /* against the baseline */
	/*
	 * The merged run read back for its reports, with the baseline and
	 * their diff (reports.diff, when there is a baseline): a caller that
	 * prints the regressions reads no file again. Owned: merge_result_release.
	 */
	struct report_runs reports;
	int have_reports;
	struct history_nights nights;      /* from the history, for the reports (owned) */
	char *baseline_tmp;                /* the history's last run, written out; removed on release */
	char *baseline_label;              /* how the reports name it, or NULL: no run recorded */
};

/*
 * Merges as above. Returns 0, or -1 with error(). Warnings go to stderr.
 * Release RES either way.
 */
int merge_runs(const struct merge_opts *o, struct merge_result *res);

void merge_result_release(struct merge_result *res);

#endif
