/*
 * progress: how `emcompat run` tells the terminal what it does, as the
 * run's events (run.h: struct run_events), which the command layer wires.
 *
 * On OUT (stdout):
 *   emcompat: N cells, N nodes, -j N, into DIR
 *   emcompat: <shard line>                                  a shard
 *   emcompat: resuming: N nodes finished earlier, N cells complete
 *   emcompat: N of N nodes finished in earlier runs (cache DIR)
 *   [  D/N] STATUS  CELL                   each finished cell; on a live
 *             at STAGE: [CLASS: ]SUMMARY   terminal only those that did
 *                                          not pass ([D/N], no padding)
 *   a live line, redrawn at most every 0.1 s:
 *     [D/N cells] running R, not passed B, elapsed 1m02s, ETA 3m10s
 *   the regressed cells against a baseline (diff.h)
 *   emcompat: N cells in 1m02s: N pass N fail ...
 *   emcompat: results: DIR/results.json
 *   emcompat: reports: DIR/report.html, junit.xml, summary.md
 * Quiet keeps only the last three lines. On ERR (stderr), whatever the
 * quietness: "emcompat: MESSAGE" for warnings, and for an interrupt where
 * the journal is and how to resume. The live line is cleared before
 * anything else is printed. Cell ids, classes, summaries and warnings are
 * escaped for a terminal (untrusted.h): the live line's "\r ESC [K" is the
 * only control sequence written.
 */
#ifndef EMCOMPAT_PROGRESS_H
#define EMCOMPAT_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#include "emcompat/run.h"

struct progress {
	FILE *out, *err;          /* borrowed */
	int live;                 /* OUT is a terminal: one live line */
	int quiet;
	double (*now)(void);      /* a clock in seconds */
	double t0, last_draw;
	int line_drawn;
	size_t cells, done, bad;
};

/*
 * Sets up P for OUT and ERR. LIVE: draw the live line; NOW: the clock
 * (NULL: the wall clock). The elapsed time counts from here.
 */
void progress_init(struct progress *p, FILE *out, FILE *err, int live, int quiet, double (*now)(void));

/* As progress_init on stdout and stderr, live when stdout is a terminal and $CI is not set. */
void progress_init_terminal(struct progress *p, int quiet);

/* Points EV's members at P. */
void progress_events(struct progress *p, struct run_events *ev);

/* Clears the live line, if one is drawn (before an error is printed). */
void progress_clear(struct progress *p);

/* S seconds as "42s", "3m07s" or "1h05m" into OUT. */
void progress_format_duration(double s, char *out, size_t n);

#endif
