/*
 * summary_md: DIR/summary.md, a finished run for people and for
 * $GITHUB_STEP_SUMMARY: counts, regressions against a baseline ("Changed
 * since last night" when it is a history's last run), with a history the
 * cells still failing and since when (oldest first), failures by class, a
 * compact grid per probe. Tables stop at 50 rows (the rest
 * are counted; report.html has them all).
 */
#ifndef EMCOMPAT_SUMMARY_MD_H
#define EMCOMPAT_SUMMARY_MD_H

#include "emcompat/report_input.h"

/*
 * Writes the summary of IN to PATH (a temp file, renamed). Returns 0, or
 * -1 with error() (EC_EXIT_INTERNAL).
 */
int summary_md_write(const char *path, const struct report_input *in);

#endif
