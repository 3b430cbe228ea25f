/*
 * results: the outcome of each cell, and DIR/results.json.
 *
 * A cell's status comes from its nodes in stage order (std, compile,
 * link, main, inspect, load, run): the first node that did not pass gives
 * it (fail, error, timeout, blocked, skipped; a node never reached counts
 * as skipped) and names the failing `stage`. When every node passed the
 * cell is `pass`, or `flaky` when some node passed only on a retry.
 *
 * results.json (persisted: docs/DESIGN.md, "What is fixed"; add keys,
 * never change one):
 *   {"schema":"emcompat-results/1",
 *    "run":{"id","matrix","name","started","finished","wall_seconds","jobs","emcompat",
 *           "matrix_digest","shard":{"index","count","of","cells","grouping"},
 *           "merged":[{"id","dir","shard"}]},
 *    "toolchains":{},
 *    "counts":{"pass":N,"fail":N,...},
 *    "cells":[{"id","index","axes":{...},"status","class","stage","summary","lines",
 *              "findings":[{"class","severity","message"}],"prediction",
 *              "package":{"pypi","version","platform","file","url","sha256"},
 *              "stages":[{"stage","node","status","seconds","reused","log","attempts","exit"}]}]}
 * `stage` is present for a cell that did not pass, and `class` for one that
 * failed or timed out: the breakage class the classifier (classify.h) names
 * from the deciding node's logs and the cell's axis values, or
 * "unclassified"; `lines` holds the log lines that decided it. A stage's
 * `reused` is true when its node was shared with an earlier cell of the
 * run or came from the cache (cache.h); `log` is the node's stderr log
 * relative to DIR. `findings` are the inspector's warnings and errors for
 * loading the cell's side module into its host (wasm.h); `prediction` says
 * whether it foresaw the outcome: "predicted" (an error finding, and the
 * cell failed at load or run), "missed" (failed there without one) or
 * "false_alarm" (an error finding, and the cell passed).
 * `package` is a package cell's (matrix.h "packages"): its requirement, its
 * "platform" when the package forces one wheel onto every Pyodide ("any" or
 * a tag; absent otherwise), and once its wheel was downloaded the wheel's
 * file name, URL and sha256 (what its link node printed). Such a cell whose download found no wheel for
 * its Pyodide is `skipped` at link (RESULTS_EXIT_NO_WHEEL). A source
 * package's record adds "lock_generated" (UTC time) and "lock_cargo" (the
 * cargo's --version) when its sdist had no Cargo.lock and the fetch
 * generated the one it was built against; one whose metadata names nothing
 * buildable is an `error` at compile (RESULTS_EXIT_NOT_BUILDABLE).
 * A cell's `index` is its position in the expanded matrix (before --only
 * and --shard), so merged shards come back in matrix order. The run's
 * `matrix_digest` is matrix_cells_digest() of the expanded matrix (which
 * cells it has, wherever its file was); `shard` is present for a run of
 * one shard (shard.h); `merged` lists the runs `emcompat merge` joined.
 * Written to a temp file, fsync'd, renamed.
 */
#ifndef EMCOMPAT_RESULTS_H
#define EMCOMPAT_RESULTS_H

#include "emcompat/classify.h"
#include "emcompat/json.h"
#include "emcompat/plan.h"
#include "emcompat/sched.h"

enum cell_status {
	CELL_PASS,
	CELL_FAIL,
	CELL_ERROR,
	CELL_TIMEOUT,
	CELL_BLOCKED,
	CELL_SKIPPED,
	CELL_FLAKY,
	CELL_STATUS_COUNT
};

const char *cell_status_name(enum cell_status s);

/* The status named NAME, or -1. */
int cell_status_parse(const char *name);

/*
 * A cell of results.json in memory, as written here and read back by
 * runfile.h (which owns the strings of the cells it reads).
 */
struct runfile_stage {
	const char *stage, *node, *status, *log;  /* log: relative to the run dir */
	double seconds;
	int reused;
	int attempts;
	int exit_code;       /* -1: none recorded */
};

struct runfile_finding {
	const char *cls, *severity, *message;
};

struct runfile_cell {
	const char *id;
	long index;        /* position in the expanded matrix; -1 when not recorded */
	size_t naxes;                    /* axes in file order */
	const char **axis_keys, **axis_values;
	enum cell_status status;
	const char *cls;                 /* NULL for a cell that did not fail or time out */
	const char *stage;               /* the deciding stage; NULL for a passing cell */
	const char *summary;             /* never NULL ("" when absent) */
	size_t nlines;
	const char **lines;              /* the log lines that decided it; NULL: none recorded */
	size_t nfindings;
	struct runfile_finding *findings;
	const char *prediction;          /* "predicted", "missed", "false_alarm" or NULL */
	/*
	 * A package cell's (matrix.h "packages"): "package": {"pypi", "version",
	 * "platform", "file", "url", "sha256", "build", "path"}, file, url and
	 * sha256 once its wheel (or sdist) was fetched; platform NULL unless the
	 * package forces one; build "source" for a package built from its sdist
	 * or path, absent (NULL) for a prebuilt wheel. NULL pypi and path: not a
	 * package cell. lock_generated and lock_cargo: a source package whose sdist
	 * had no Cargo.lock, when its fetch generated one and by which cargo (else
	 * NULL).
	 */
	const char *package_pypi, *package_version, *package_platform, *package_file, *package_url, *package_sha256;
	const char *package_build;
	const char *package_lock_generated, *package_lock_cargo;
	const char *package_path;        /* a "path" package's directory ("path"; then no pypi) */
	size_t nstages;
	struct runfile_stage *stages;    /* in stage order */
	struct json_span span;           /* private to runfile: the cell's object in the file's text */
};

/*
 * The exit status of a package's download node (plan.h) when PyPI has no
 * wheel of it for the cell's Pyodide: the cell is `skipped`, with the
 * node's last line ("no wheel of jiter 0.19.0 for ... / cp313") as its
 * summary.
 */
#define RESULTS_EXIT_NO_WHEEL 77

/*
 * The exit status of a source package's build node (matrix/sdist/sdist.py)
 * when the project's build metadata names no Rust extension it can build
 * (neither maturin's nor setuptools-rust's): a runner-side problem, so the
 * cell is an `error`, with the node's last line (what was looked for) as
 * its summary.
 */
#define RESULTS_EXIT_NOT_BUILDABLE 78

/* The JSON forms of a cell; each is written by results_cell_json only. */
enum results_cell_form {
	/* results.json (above): keys without a value are left out. */
	RESULTS_CELL_FILE,
	/*
	 * report.html's data (html.h): no index; class, stage, prediction
	 * and a stage's exit are null when absent; lines and findings are
	 * always arrays; a stage's log comes last.
	 */
	RESULTS_CELL_REPORT,
	/* `emcompat diff --json` (diff.h): status, class, stage, summary. */
	RESULTS_CELL_BRIEF,
};

/* Cell C as a new JSON object in FORM; the caller deletes it. */
cJSON *results_cell_json(const struct runfile_cell *c, enum results_cell_form form);

/*
 * The outcome of cell C given the jobs (one per plan node, same index):
 * its status, and for a cell that did not pass the node that decided it
 * in *NODE (else PLAN_NONE).
 */
enum cell_status results_cell_status(const struct plan *p, const struct sched_job *jobs, size_t c, size_t *node);

/*
 * A one-line summary of why JOB did not pass: its message, or the last
 * non-empty line of its stderr log (else stdout log) under LOG_DIR.
 * Never empty. Caller frees.
 */
char *results_summary(const char *log_dir, const struct sched_job *job);

/*
 * Names the breakage of cell C, which node N decided, from N's logs under
 * LOG_DIR, the cell's axis values (as classifier facts) and the ids of its
 * inspect node's warning and error findings (a class's "requires":
 * {"finding": ...}). Fills R, which
 * the caller releases with classify_result_release. Returns 0, or -1 when
 * the table is NULL or classification fails (R is then zeroed).
 */
int results_classify(const struct classify_table *t, const char *log_dir, const struct plan *p,
		     const struct sched_job *jobs, size_t c, size_t n, struct classify_result *r);

/*
 * The outcome of one cell, computed once when its last node is final;
 * the progress line, results.json and (through it) every report read it.
 */
struct cell_outcome {
	enum cell_status status;
	size_t node;          /* the node that decided it (results_cell_status), or PLAN_NONE */
	const char *cls;      /* borrowed from the class table: the class results_classify
			       * names for a cell that failed or timed out; NULL when not classified */
	char *summary;        /* owned, never NULL: for a cell classified as failed, the
			       * classifier's; else results_summary of the deciding node;
			       * "passed" or "passed after a retry" */
	char **lines;         /* owned: the log lines that decided it (when cls is set) */
	size_t nlines;
};

/*
 * Fills O for cell C, whose nodes are final, classifying with T (may be
 * NULL) from the logs under LOG_DIR. Never fails: a cell that cannot be
 * classified has no cls.
 */
void results_cell_outcome(struct cell_outcome *o, const struct classify_table *t, const char *log_dir,
			  const struct plan *p, const struct sched_job *jobs, size_t c);

void cell_outcome_release(struct cell_outcome *o);

struct results_run {
	const char *id;
	const char *matrix;
	const char *name;     /* NULL if the matrix has none */
	double started;       /* Unix times */
	double finished;
	int jobs;
	const int *cached;    /* per node: from an earlier run's cache (NULL: none) */
	const cJSON *toolchains;  /* toolchain_used_json(), copied in; NULL: {} */
	const char *matrix_digest;  /* NULL: not written */
	const cJSON *shard;   /* shard_info_json(), copied in; NULL: not a shard */
};

/*
 * Writes a results.json to PATH (temp, fsync, rename) in pieces: ROOT,
 * whose last member is an empty "cells" array, then each of the N cells
 * CELL(ARG, I) returns in its place, one at a time and then deleted, so
 * 10,000 cells never stand as one tree or one buffer. The text is what
 * printing the whole tree formatted gives. ROOT is deleted here. A NULL
 * from CELL stops with -1 (CELL has reported why); else 0, or -1 with
 * error() (EC_EXIT_INTERNAL).
 */
int results_write_file(const char *path, cJSON *root, size_t n, cJSON *(*cell)(void *arg, size_t i), void *arg);

/*
 * Writes DIR/results.json from the jobs and each cell's OUTCOMES (one per
 * cell of P's matrix). Returns 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
int results_write(const char *dir, const struct plan *p, const struct sched_job *jobs,
		  const struct cell_outcome *outcomes, const struct results_run *r);

#endif
