/*
 * report: the human and CI reports of a finished run, written into its
 * run directory from its results.json (runfile.h), so `emcompat run`,
 * `emcompat merge` and `emcompat report` produce the same files:
 *
 *   DIR/summary.md   counts, regressions, failures by class, a compact
 *                    grid per probe; fit for $GITHUB_STEP_SUMMARY (summary_md.h)
 *   DIR/junit.xml    JUnit XML for CI test tabs (junit.h)
 *   DIR/report.html  one self-contained page (html.h)
 *
 * Each file is written to a temp name and renamed. This module only
 * dispatches over the writers; their input is report_input.h.
 */
#ifndef EMCOMPAT_REPORT_H
#define EMCOMPAT_REPORT_H

#include <stddef.h>

#include "emcompat/classify.h"
#include "emcompat/diff.h"
#include "emcompat/report_input.h"
#include "emcompat/runfile.h"

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

/*
 * A run read back for its reports, with its baseline and their diff, so
 * that a caller who also prints the diff (`run --baseline`) reads each
 * results.json once.
 */
struct report_runs {
	struct runfile run;
	struct runfile base;          /* loaded when baseline_dir is set */
	struct diff diff;             /* base -> run, when baseline_dir is set */
	const char *baseline_dir;     /* borrowed, or NULL */
	/* Set by the caller (report_input.h): */
	const struct history_nights *nights;   /* borrowed, or NULL */
	int baseline_night;
};

/*
 * Reads DIR/results.json (and BASELINE_DIR's, when not NULL) into RR and
 * diffs them. Returns 0, or -1 with error() as report_dir (RR then holds
 * nothing to release).
 */
int report_runs_load(struct report_runs *rr, const char *dir, const char *baseline_dir);

/* Writes every report of RR, with CLASSES (may be NULL). 0, or -1 as report_write_all. */
int report_runs_write(const struct report_runs *rr, const struct classify_table *classes);

void report_runs_release(struct report_runs *rr);

#endif
