/*
 * report: the human and CI reports of a finished run, written into its
 * run directory from its results.json (runfile.h), so `emcompat run`,
 * `emcompat merge` and `emcompat report` produce the same files:
 *
 *   DIR/summary.md   counts, regressions, failures by class, a compact
 *                    grid per probe; fit for $GITHUB_STEP_SUMMARY
 *   DIR/junit.xml    JUnit XML for CI test tabs (junit.h)
 *   DIR/report.html  one self-contained page (html.h)
 *
 * Each file is written to a temp name and renamed.
 */
#ifndef EMCOMPAT_REPORT_H
#define EMCOMPAT_REPORT_H

#include "emcompat/classify.h"
#include "emcompat/diff.h"
#include "emcompat/runfile.h"

/* What every report is made from. All borrowed. */
struct report_input {
	const struct runfile *run;
	const struct diff *baseline;             /* run against a baseline, or NULL */
	const char *baseline_dir;                /* the baseline's dir, or NULL */
	const struct classify_table *classes;    /* titles, explanations, fixes; may be NULL */
};

/*
 * Writes every report of IN->run into IN->run->dir. Returns 0, or -1 with
 * error() naming the file that could not be written (EC_EXIT_INTERNAL).
 * A report that fails does not stop the others; the first error wins.
 */
int report_write_all(const struct report_input *in);

/*
 * The whole job for a run directory: reads DIR/results.json (and
 * BASELINE_DIR's, when not NULL), diffs them, and writes every report.
 * *REGRESSED (may be NULL) gets the number of regressed cells. Returns 0,
 * or -1 with error(): EC_EXIT_INPUT for a missing or malformed
 * results.json, EC_EXIT_INTERNAL for a report that could not be written.
 */
int report_dir(const char *dir, const char *baseline_dir, size_t *regressed);

/* DIR/summary.md (see above). Returns 0 or -1. */
int report_write_summary(const char *path, const struct report_input *in);

#endif
