/*
 * html: DIR/report.html, the run as one self-contained page (CSS and JS
 * inline, nothing fetched), for people to click through.
 *
 * The page is the template reports/report.html (embedded into the binary)
 * with its one marker HTML_DATA_MARKER replaced by a JSON blob; the
 * template's script renders the blob: a grid per probe (rows: Rust
 * toolchains with their LLVM; columns: emscripten x loader, the flag axes
 * folded into each column or expanded), filters, a legend, the toolchain
 * identities, and a cell's details on a click. Every cell has an element
 * carrying its id in `data-cell`.
 *
 * The blob (not persisted: written and read by the same build):
 *   {"schema":"emcompat-report-data/1",
 *    "run":{"id","matrix","name","started","finished","wall_seconds","jobs"},
 *    "counts":{"<status>":N}, "toolchains":{...as in results.json},
 *    "cells":[{"id","axes":{},"status","class","stage","summary","lines",
 *              "findings":[{"class","severity","message"}],"prediction",
 *              "stages":[{"stage","node","status","seconds","reused",
 *                         "attempts","exit","log"}],
 *              with a baseline: "diff":"<diff kind>","flaky":bool,
 *              "was":{"status","class"}}],
 *    "classes":{"<id>":{"title","explain","fix","refs":["owner/repo#N"]}},
 *    "baseline":null | {"dir","night":bool,"counts":{"<diff kind>":N},
 *                       "flaky":N,"removed":[{"id","status","class"}]},
 *    "nights":null | the history's (history.h: history_nights)}
 * A history draws each cell's recent nights as a strip in its details
 * and "still failing since"; with "night" (the baseline is the history's
 * last run) the page has a section "Changed since last night": the
 * cells that regressed, were fixed, changed, are new, or still fail, and
 * since when.
 * `classes` holds the classes the cells name that the table knows. In the
 * page the blob sits in a <script type="application/json"> element; every
 * '<' and U+2028/U+2029 in it is written as a \u escape, so no string of
 * the run (a log line quoting "</script>") can end the element early.
 */
#ifndef EMCOMPAT_HTML_H
#define EMCOMPAT_HTML_H

#include "emcompat/report_input.h"

/* The template inside the source tree and the embedded files. */
#define HTML_TEMPLATE_PATH "reports/report.html"
/* The template's placeholder for the data blob. */
#define HTML_DATA_MARKER "@EMCOMPAT_REPORT_DATA@"

/*
 * Writes the page for IN to PATH (a temp file, renamed). Returns 0, or -1
 * with error() (EC_EXIT_INTERNAL: no usable template, or PATH could not
 * be written).
 */
int html_write(const char *path, const struct report_input *in);

#endif
