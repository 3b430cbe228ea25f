/*
 * logline: where a log line's own text starts (logline.c). Internal to the
 * classifier (runner/diagnose/); lines are [S, END), not NUL-terminated.
 */
#ifndef EMCOMPAT_LOGLINE_H
#define EMCOMPAT_LOGLINE_H

/*
 * miette's marks (src/handlers/graphical.rs), which logline_own_text strips:
 * "× " heads a report, "╰─▶ " ends its chain of causes.
 */
#define LOGLINE_MIETTE_HEAD "\xc3\x97 "
#define LOGLINE_MIETTE_LAST "\xe2\x95\xb0\xe2\x94\x80\xe2\x96\xb6 "

/*
 * [S, END) after Docker BuildKit's plain-progress prefix ("#12 7.313 ": the
 * step, often cut when pasted, and the seconds since it started), or S.
 */
const char *logline_after_buildkit(const char *s, const char *end);

/*
 * Whether [S, END) names a script as a browser console shows a line's source:
 * a file name or URL ending in .js, .mjs, .cjs, .ts or .html.
 */
int logline_names_script(const char *s, const char *end);

/*
 * Where line [S, END)'s own text starts after the decorations before it (its
 * own indent kept), or S; END for a quoted blank line.
 */
const char *logline_own_text(const char *s, const char *end);
/*
 * Whether the last decoration before OWN (logline_own_text of LINE) is a
 * logger's level of error ("[error] ", "ERROR - ").
 */
int logline_error_level(const char *line, const char *own);
/*
 * Whether a logger's head before OWN on LINE gives a level below a warning
 * (env_logger's DEBUG or TRACE): what a program notes while it works, not a
 * failure it reports.
 */
int logline_quiet_level(const char *line, const char *own);
/*
 * Whether a structured log's level field before OWN on LINE is a warning's
 * ("\twarn\t"): what follows in failure words was survived.
 */
int logline_warning_level(const char *line, const char *own);

#endif
