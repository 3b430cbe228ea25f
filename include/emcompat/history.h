/*
 * history: finished runs remembered in one SQLite file, night after night,
 * and what a cell's nights say: since when it fails, when it last passed,
 * whether it flips with no toolchain changed (flaky across nights), and
 * which toolchain identities changed between its last good and first bad
 * run, with the commands that narrow the change down.
 *
 * The file is an ordinary CI artifact, carried from night to night. Its
 * schema (version 1; PRAGMA user_version = 1, PRAGMA application_id =
 * 0x656d6370, "emcp"):
 *   meta(key PRIMARY KEY, value)   application = "emcompat-history", schema = "1"
 *   runs(id INTEGER PRIMARY KEY, run_id UNIQUE,  results.json's run id
 *        matrix_key,               the matrix_digest, else "path:" and the matrix path
 *        matrix, name, matrix_digest, started, finished, wall_seconds, cells, recorded)
 *        indexed by (matrix_key, started): the runs of one matrix in time order
 *   toolchains(run, kind, version, identity, entry, PRIMARY KEY(run, kind, version))
 *        entry: results.json's toolchains[kind][version] object as JSON text
 *   cell_ids(id INTEGER PRIMARY KEY, cell UNIQUE)   cell ids, stored once
 *   texts(id INTEGER PRIMARY KEY, text UNIQUE)      summaries, stored once
 *   cells(cell, run, status, class, stage, summary, PRIMARY KEY(cell, run))
 *        status, class and stage as in results.json; cell and summary name
 *        cell_ids and texts; WITHOUT ROWID, so one cell's runs are one range
 * A later schema adds a migration from each older version here; a file of
 * a newer version is refused, named.
 *
 * Safety: a path that is not a regular file (a symbolic link is not
 * followed), a file that is not an SQLite database, or one without the meta
 * table above (another application's), or that SQLite finds corrupt, is
 * refused with EC_EXIT_INPUT and never written. Each run is recorded in one
 * transaction (rollback journal, synchronous=FULL): a writer killed at any
 * point leaves the runs committed before it, which the next open finds
 * whole (SQLite rolls the hot journal back). A second writer waits for the
 * first (busy timeout, $EMCOMPAT_HISTORY_WAIT seconds, default 60), then
 * fails with EC_EXIT_BUSY.
 *
 * Errors: every function returns 0 (or a count) or -1 with error().
 */
#ifndef EMCOMPAT_HISTORY_H
#define EMCOMPAT_HISTORY_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/matrix.h"
#include "emcompat/runfile.h"

#define HISTORY_SCHEMA 1

struct sqlite3;

struct history {
	struct sqlite3 *db;
	char *path;   /* owned */
};

/*
 * Opens the history at PATH, creating it when it does not exist or is
 * empty, and checks that it is one (see above; an older schema is
 * migrated). Returns 0, or -1 with error() (EC_EXIT_INPUT: foreign,
 * corrupt, or a schema this emcompat does not know; EC_EXIT_INTERNAL:
 * I/O). H then holds nothing to close.
 */
int history_open(struct history *h, const char *path);

void history_close(struct history *h);

/*
 * Records the finished run RF in one transaction: the run, its toolchains'
 * identities and every cell. A run whose id is recorded already is left as
 * it is. A shard's run is refused (EC_EXIT_INPUT): its merge is recorded.
 * Returns 1 recorded, 0 already there, -1 with error().
 */
int history_add(struct history *h, const struct runfile *rf);

/* As history_add, for the run in DIR (or its results.json). */
int history_add_dir(struct history *h, const char *dir);

/*
 * Writes DIR/results.json (DIR exists) holding the newest recorded run of
 * the matrix with digest MATRIX_DIGEST as far as the history has it: its
 * run, toolchains and cells (id, index in recorded order, axes from the
 * id, status, class, stage, summary), to be diffed against as a baseline.
 * Returns 1 written, with that run's id and start in *RUN_ID and *STARTED
 * (caller frees), 0 no run of that matrix is recorded, -1 with error().
 */
int history_write_last(struct history *h, const char *matrix_digest, const char *dir, char **run_id, char **started);

/*
 * The last recorded run of the matrix MATRIX_KEY (a matrix_digest, else
 * "path:" and its path), written as by history_write_last into a new
 * temp dir under $TMPDIR, for a new run of the matrix to be diffed
 * against. *DIR: that dir (the caller removes it: remove_tree, and frees
 * it); *LABEL: how the reports name the run ("the last recorded run ID
 * (DATE) in FILE"; caller frees). Returns 1, 0 no run of the matrix is
 * recorded (both NULL), -1 with error().
 */
int history_last_run_dir(struct history *h, const char *matrix_key, char **dir, char **label);

/*
 * The newest recorded result of every cell, whatever its matrix (a later
 * start wins, then the later recorded), for the commands that read
 * earlier runs (`recommend`, `bisect --from`): written into a new temp
 * dir under $TMPDIR as one run dir per recorded run that holds some
 * cell's newest result, each as by history_write_last but with only those
 * cells: *DIR/0, *DIR/1, ... in the order the runs started, oldest first
 * (*N of them). The caller removes *DIR (remove_tree) and frees it.
 * Returns 0 (*N may be 0: nothing recorded), -1 with error().
 */
int history_newest_dir(struct history *h, char **dir, size_t *n);

/* A cell that did not work in the last recorded run of its matrix, and since when. */
struct history_streak {
	char *id;
	char *since, *since_run;   /* the start and run id of the first run of the streak */
	size_t runs;               /* recorded runs in a row it has not worked in, up to the last */
};

/*
 * What the reports of a new run of a matrix take from a history
 * (report_input.h), read by history_nights. All owned.
 */
struct history_nights {
	/*
	 * For report.html: the last runs recorded, oldest first, each cell's
	 * status in each (null: not in that run), and the streaks:
	 *   {"runs":[{"id","started"}],"cells":{"<cell id>":["pass",null,...]},
	 *    "failing":{"<cell id>":{"since","run","runs"}}}
	 */
	cJSON *json;
	char *last_run, *last_started;    /* the last recorded run of the matrix */
	struct history_streak *streaks;   /* the cells not working in it, by id */
	size_t nstreaks;
};

/*
 * Reads the last LAST runs of the matrix MATRIX_KEY and every cell's
 * streak (over every recorded run) into N (release it). Returns 1, 0 no
 * run of that matrix is recorded (N holds nothing), -1 with error().
 */
int history_nights(struct history *h, const char *matrix_key, size_t last, struct history_nights *n);

/* Cell ID's streak in N, or NULL: it worked in the last recorded run, or was not in it. */
const struct history_streak *history_nights_streak(const struct history_nights *n, const char *id);

void history_nights_release(struct history_nights *n);

/* What `emcompat history` asks. */
struct history_query {
	const char *matrix;               /* the matrix's name or digest (prefix); NULL: the newest run's */
	const struct matrix_only *only;   /* cells whose id has these values (as run --only: values
					   * of one axis are alternatives, axes must all match) */
	size_t nonly;
	const char *cell;                 /* one cell's id, or NULL */
	size_t last;        /* the runs shown: the last N of the matrix */
	int all;     /* every cell, not only those with news */
};

/* A recorded run. */
struct history_run {
	long long id;                     /* the row's */
	char *run_id, *started;           /* results.json's */
	char *matrix, *name;              /* name may be NULL */
};

/*
 * A toolchain of a cell whose identity changed between the last good run
 * and the first bad one. GOOD_VALUE and BAD_VALUE are values of its axis
 * naming the two ends, for `emcompat fetch` and `emcompat bisect`: a Rust
 * channel (nightly, beta) gives "<channel>-<date>", the nightly rustup
 * dates a day after its commit date; other versions the release its
 * identity names. NULL when none can be said.
 */
struct history_change {
	char *axis, *kind, *version;
	char *good, *bad;                 /* the identities, shown one line each; NULL: not recorded */
	char *good_value, *bad_value;
};

struct history_cell {
	char *id;
	int *status;        /* per run shown: enum cell_status, -1 not in that run */
	int now;     /* its status in the newest run shown, -1 absent */
	char *cls, *stage, *summary;      /* of that run; NULL when absent */
	size_t failing;                   /* runs in a row it has not passed, up to the newest (all recorded) */
	const struct history_run *since;  /* the first of them, or NULL */
	const struct history_run *passed; /* the last run it passed (or was flaky), or NULL */
	const struct history_run *bad;    /* the first bad run after PASSED, when the cell fails now */
	size_t flips;                     /* changes between working and not, over the runs shown */
	size_t unexplained;               /*   of those, with none of its toolchains changed */
	struct history_change *changes;   /* between PASSED and BAD */
	size_t nchanges;
};

struct history_report {
	char *matrix_key;
	const struct history_run *newest; /* the matrix's newest run */
	struct history_run *runs;         /* every run of the matrix, oldest first */
	size_t nruns;
	size_t first;                     /* runs[first..] are the ones shown */
	struct history_cell *cells;       /* those with news (or all), failing first, then by id */
	size_t ncells;
	size_t quiet;                     /* cells left out: they worked in every run shown */
};

/*
 * Answers Q from H into R (released with history_report_release). No
 * recorded run of the matrix, or a --cell never recorded, is EC_EXIT_INPUT.
 * A cell has news when it does not work in the newest run shown or its
 * status changed over the runs shown.
 */
int history_report(struct history *h, const struct history_query *q, struct history_report *r);

/* Whether cell C is flaky across nights: two or more flips, none explained by a toolchain change. */
int history_cell_flaky(const struct history_cell *c);

/*
 * The `emcompat history --json` form of R (format in cli.c's help text and
 * the README). The caller deletes it.
 */
cJSON *history_report_json(const struct history_report *r);

void history_report_release(struct history_report *r);

#endif
