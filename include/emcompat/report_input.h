/*
 * report_input: what every report of a finished run (report.h) is made
 * from, below the writers (summary_md.h, junit.h, html.h) and the
 * dispatcher over them, so each imports it and none imports another.
 */
#ifndef EMCOMPAT_REPORT_INPUT_H
#define EMCOMPAT_REPORT_INPUT_H

#include "emcompat/classify.h"
#include "emcompat/diff.h"
#include "emcompat/runfile.h"

/* All borrowed. */
struct report_input {
	const struct runfile *run;
	const struct diff *baseline;             /* run against a baseline, or NULL */
	const char *baseline_dir;                /* the baseline's dir, or NULL */
	const struct classify_table *classes;    /* titles, explanations, fixes; may be NULL */
	/*
	 * The cells' recent nights from a history (history_nights_json), or
	 * NULL: report.html shows each cell's as a strip.
	 */
	const cJSON *nights;
};

#endif
