/*
 * runfile: a finished run read back from its DIR/results.json (the format
 * is documented in results.h), for everything that works on runs after
 * the fact: the reports, diff, merge, bisect and recommend.
 *
 * Every string lives as long as the runfile. Loading checks the shape it
 * relies on (schema, run, cells with id, axes and a known status) and
 * reports anything else as "FILE:LINE:COL: ..." with EC_EXIT_INPUT; keys
 * it does not know are ignored, so newer writers stay readable.
 *
 * Memory: the cells are parsed one at a time from the file's text and
 * kept as the structs below (one arena), never as one JSON tree for the
 * whole file: a tree of 10,000 cells costs about 80 MB, these and the text
 * about 30 MB. The text stays for runfile_cell_json. A cell is a struct
 * runfile_cell (results.h, where its format is).
 */
#ifndef EMCOMPAT_RUNFILE_H
#define EMCOMPAT_RUNFILE_H

#include <stddef.h>

#include "emcompat/json.h"
#include "emcompat/results.h"
#include "emcompat/util.h"

struct runfile {
	char *dir;         /* owned: the run directory */
	char *path;        /* owned: DIR/results.json */
	char *text;        /* private: the file's bytes */
	size_t len;
	struct json_doc doc;             /* the file without its cells: run, toolchains, shard */
	const char *id, *matrix, *name;  /* name may be NULL */
	const char *started, *finished;  /* as written (UTC, ISO 8601) */
	double wall_seconds;
	int jobs;
	const cJSON *toolchains;         /* {"kind":{"version":{...}}}, maybe empty */
	const cJSON *run;                /* the "run" object */
	const char *matrix_digest;       /* NULL when not recorded */
	struct {    /* the run of one shard ("run":{"shard"}); count 0: not one */
		size_t index, count, cells;
		const char *of, *grouping;
		const cJSON *json;
	} shard;
	size_t counts[CELL_STATUS_COUNT];
	size_t ncells;
	struct runfile_cell *cells;      /* in file order */
	/* Private: the cells sorted by id, for runfile_find; what the cells point to. */
	const struct runfile_cell **by_id;
	struct arena arena;
};

/*
 * Reads DIR/results.json into RF (initialised here). DIR may also name the
 * results.json file itself. Returns 0, or -1 with error() (EC_EXIT_INPUT:
 * missing, unreadable or malformed, with its position); RF then holds
 * nothing to release.
 */
int runfile_load(struct runfile *rf, const char *dir);

/*
 * As runfile_load, for TEXT read from PATH (LEN bytes, NUL-terminated at
 * TEXT[LEN]; taken over: released with RF, or here on failure). PATH names
 * the file in messages and its directory is the run's.
 */
int runfile_parse(struct runfile *rf, const char *path, char *text, size_t len);

/* Loads and releases DIR's results.json: 0 when it is readable, else -1 as runfile_load. */
int runfile_check(const char *dir);

/* The cell with id ID, or NULL (binary search over an index built at load). */
const struct runfile_cell *runfile_find(const struct runfile *rf, const char *id);

/*
 * Cell C's own object, parsed again from the file's text, for a caller
 * that copies it whole (merge). The caller cJSON_Deletes it; NULL with
 * error() when the text cannot be parsed (it could when loading).
 */
cJSON *runfile_cell_json(const struct runfile *rf, const struct runfile_cell *c);

/* The value of axis KEY in cell C, or NULL when the cell has none. */
const char *runfile_cell_axis(const struct runfile_cell *c, const char *key);

/* True when status S counts as working (pass or flaky). */
int runfile_status_ok(enum cell_status s);

void runfile_release(struct runfile *rf);

#endif
