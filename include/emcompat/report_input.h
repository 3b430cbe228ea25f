/*
 * report_input: what every report of a finished run (report.h) is made
 * from, below the writers (summary_md.h, junit.h, html.h) and the
 * dispatcher over them, so each imports it and none imports another.
 */
#ifndef EMCOMPAT_REPORT_INPUT_H
#define EMCOMPAT_REPORT_INPUT_H

#include "emcompat/classify.h"
#include "emcompat/diff.h"
#include "emcompat/history.h"
#include "emcompat/runfile.h"

/* All borrowed. */
struct report_input {
	const struct runfile *run;
	const struct diff *baseline;             /* run against a baseline, or NULL */
	const char *baseline_dir;                /* the baseline's dir, or NULL */
	const struct classify_table *classes;    /* titles, explanations, fixes; may be NULL */
	/*
	 * What a history says of the run's matrix (history_nights), or NULL:
	 * report.html shows each cell's recent nights as a strip, and every
	 * report says since when a cell that fails now has failed ("still
	 * failing since DATE (N runs)", this run counted).
	 */
	const struct history_nights *nights;
	/*
	 * The baseline is the last recorded run of the history (NIGHTS'
	 * last_run): the reports say "since last night", and report.html
	 * has a section of what changed since.
	 */
	int baseline_night;
};

#endif
