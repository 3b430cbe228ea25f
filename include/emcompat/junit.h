/*
 * junit: DIR/junit.xml, a run as JUnit XML for CI test tabs (Jenkins,
 * GitLab, GitHub test reporters), written with libxml2's xmlTextWriter.
 *
 * The document is valid against reports/junit.xsd, which requires what
 * the Apache Ant schema requires and allows what the Jenkins schema allows
 * on the root (see the file's header):
 *
 *   <testsuites name tests failures errors time>      time: the run's wall time
 *     <testsuite name package="emcompat" id timestamp hostname
 *                tests failures errors skipped time>  one per probe, in
 *                                                     order of first appearance
 *       <properties>                                  run, matrix, toolchains,
 *                                                     baseline, flaky cells
 *       <testcase classname="emcompat.PROBE" name=CELL-ID time>
 *         <failure type=CLASS message=SUMMARY>TEXT    fail, timeout
 *         <error type=error message=SUMMARY>TEXT      error
 *         <skipped message="blocked: SUMMARY">        blocked, skipped
 *       <system-out>                                  flaky and baseline notes
 *       <system-err/>
 *
 * A suite is named after the cells' probe axis value, or after the matrix
 * (its name, else its file name without ".json") for cells without one;
 * the root is named after the matrix the same way. A testcase's time is
 * the sum of its stages' seconds that were not reused from another cell or
 * the cache: the work the cell itself cost. `pass` and `flaky` cells pass;
 * a flaky cell is listed in its suite's properties (name "flaky") and in
 * its system-out. TEXT is the stage that decided, the class's title and
 * fix when the class table is given, the classified log lines, and the
 * tail (at most JUNIT_TAIL_LINES lines, JUNIT_TAIL_BYTES bytes) of the
 * deciding stage's stderr log (its stdout log when stderr is empty).
 * With a baseline, a regressed cell's message starts with
 * "regressed since the baseline (was STATUS): " ("since last night" when
 * the baseline is a history's last run), and system-out lists the cells
 * regressed, fixed, changed and new since. With a history, a cell that
 * fails now and did in its last recorded run too says so: its message
 * starts with "still failing since DATE (N runs): " (N counts this run),
 * its TEXT names the first failing run, and system-out lists it.
 *
 * timestamp is the run's start in UTC without a zone suffix (the Ant
 * schema's pattern allows none). Every string goes through
 * untrusted_xml_add (untrusted.h): text the logs carry that XML 1.0 cannot
 * (control characters, invalid UTF-8), DEL and C1 controls become U+FFFD;
 * terminal colour sequences are dropped.
 */
#ifndef EMCOMPAT_JUNIT_H
#define EMCOMPAT_JUNIT_H

#include "emcompat/report_input.h"

#define JUNIT_TAIL_LINES 40
#define JUNIT_TAIL_BYTES 8192

/*
 * Writes IN->run as JUnit XML to PATH (through a temp file and rename).
 * Returns 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
int junit_write(const char *path, const struct report_input *in);

#endif
