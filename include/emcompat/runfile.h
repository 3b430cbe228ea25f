/*
 * runfile: a finished run read back from its DIR/results.json (the format
 * is documented in results.h), for everything that works on runs after
 * the fact: the reports, diff, merge, bisect and recommend.
 *
 * Every string is borrowed from the parsed document and lives as long as
 * the runfile. Loading checks the shape it relies on (schema, run, cells
 * with id, axes and a known status) and reports anything else as
 * "FILE:LINE:COL: ..." with EC_EXIT_INPUT; keys it does not know are
 * ignored, so newer writers stay readable.
 */
#ifndef EMCOMPAT_RUNFILE_H
#define EMCOMPAT_RUNFILE_H

#include <stddef.h>

#include "emcompat/json.h"
#include "emcompat/results.h"

struct runfile_stage {
	const char *stage, *node, *status, *log;  /* log: relative to the run dir */
	double seconds;
	int reused;
	int attempts;
	int exit_code;                            /* -1: none recorded */
};

struct runfile_finding {
	const char *cls, *severity, *message;
};

struct runfile_cell {
	const char *id;
	long index;                      /* position in the expanded matrix; -1 when not recorded */
	size_t naxes;                    /* axes in file order */
	const char **axis_keys, **axis_values;
	enum cell_status status;
	const char *cls;                 /* NULL for a cell that did not fail or time out */
	const char *stage;               /* the deciding stage; NULL for a passing cell */
	const char *summary;             /* never NULL ("" when absent) */
	size_t nlines;
	const char **lines;              /* the log lines that decided it */
	size_t nfindings;
	struct runfile_finding *findings;
	const char *prediction;          /* "predicted", "missed", "false_alarm" or NULL */
	size_t nstages;
	struct runfile_stage *stages;    /* in stage order */
	const cJSON *json;               /* the cell's own object */
};

struct runfile {
	char *dir;                       /* owned: the run directory */
	char *path;                      /* owned: DIR/results.json */
	char *text;                      /* private: the file's bytes while loading; NULL after */
	struct json_doc doc;
	const char *id, *matrix, *name;  /* name may be NULL */
	const char *started, *finished;  /* as written (UTC, ISO 8601) */
	double wall_seconds;
	int jobs;
	const cJSON *toolchains;         /* {"kind":{"version":{...}}}, maybe empty */
	const cJSON *run;                /* the "run" object */
	const char *matrix_digest;       /* NULL when not recorded */
	struct {                         /* the run of one shard ("run":{"shard"}); count 0: not one */
		size_t index, count, cells;
		const char *of, *grouping;
		const cJSON *json;
	} shard;
	size_t counts[CELL_STATUS_COUNT];
	size_t ncells;
	struct runfile_cell *cells;      /* in file order */
	/* Private: the cells sorted by id, for runfile_find. */
	const struct runfile_cell **by_id;
};

/*
 * Reads DIR/results.json into RF (initialised here). DIR may also name the
 * results.json file itself. Returns 0, or -1 with error() (EC_EXIT_INPUT:
 * missing, unreadable or malformed, with its position); RF then holds
 * nothing to release.
 */
int runfile_load(struct runfile *rf, const char *dir);

/* Loads and releases DIR's results.json: 0 when it is readable, else -1 as runfile_load. */
int runfile_check(const char *dir);

/* The cell with id ID, or NULL (binary search over an index built at load). */
const struct runfile_cell *runfile_find(const struct runfile *rf, const char *id);

/* The value of axis KEY in cell C, or NULL when the cell has none. */
const char *runfile_cell_axis(const struct runfile_cell *c, const char *key);

/* True when status S counts as working (pass or flaky). */
int runfile_status_ok(enum cell_status s);

void runfile_release(struct runfile *rf);

#endif
