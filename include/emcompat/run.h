/*
 * run: `emcompat run`, the whole job: load and plan the matrix, turn each
 * plan node into a job through a stage recipe, run the jobs (sched),
 * journal every finished node, and write DIR/results.json.
 *
 * Run directory (names fixed: docs/DESIGN.md, "Run directory"):
 *   DIR/results.json   written at the end (results.h)
 *   DIR/journal.jsonl  one line per finished node (journal.h)
 *   DIR/logs/          <node>.stdout.log and <node>.stderr.log
 * Nodes work in the cache (stages.h, cache.h), where a later run finds
 * them finished; the embedded sources are unpacked there too. A recorded
 * node drops its intermediates (stages_intermediates: std's work/); a
 * failed one keeps them with KEEP_FAILED. Logs are always kept.
 *
 * A DIR that already holds a journal is refused unless resuming, so a run
 * is never overwritten by accident. No symbolic link is followed where a
 * run writes (DIR/journal.jsonl, DIR/logs/, DIR/nodes/, the cache's nodes/,
 * src/, cargo-home/ and cargo-target/): one found there is bad input (exit 2). The runner
 * is a child subreaper: a process that left its node's group (a daemon) is
 * killed when the jobs are done, with a warning. Past RLIMIT_FSIZE writes
 * fail with EFBIG (SIGXFSZ is caught), so a full disk or a file size limit
 * ends the run with exit 3 naming the file, the journal holding whole
 * records only (a torn last one is cut on resume). With resume, nodes the journal records
 * as pass, fail or timeout are not run again; nodes that could not start
 * (error) are, since that is about this machine, not about the code.
 *
 * Recipes: the real ones (stages.h) from the toolchains in the cache and
 * the matrix; a toolchain that is not installed makes its nodes errors
 * that say what to install. Load and run nodes of pyodide-* loaders ask a warm
 * Pyodide runtime (warm.h) started before the jobs, one per (node,
 * Pyodide) that a node to run needs, and killed after them (on an
 * interrupt too); a cell failing there is decided alone. FAKE_TOOLCHAINS, the scheduler's test seam,
 * names a directory of executables, one per stage (std, compile, ...): a
 * node runs FAKE/<stage> with the axis values it reads as KEY=VALUE
 * arguments, and the environment EMCOMPAT_NODE, EMCOMPAT_STAGE,
 * EMCOMPAT_OUT (its node directory, DIR/nodes/<node>, also its cwd) and
 * EMCOMPAT_DEP_<STAGE> (each dependency's node directory); fake runs use
 * no cache (fake.h).
 *
 * Each cell's outcome (results.h: struct cell_outcome) is computed once,
 * when its last node is final (for a cell complete before the run, as it
 * starts); the events and results.json read it. The reports are made from
 * results.json read back (report.h), with the baseline read and diffed
 * once, and the run's signature table.
 *
 * With a shard, the matrix (after --only) is partitioned as shard.h says
 * and only this shard's cells run; results.json's run object records the
 * shard, and `emcompat merge` joins the shards' run directories.
 */
#ifndef EMCOMPAT_RUN_H
#define EMCOMPAT_RUN_H

#include <stddef.h>

#include "emcompat/matrix.h"
#include "emcompat/results.h"
#include "emcompat/shard.h"

struct diff;
struct history;

/* What a run has to say when its jobs start. */
struct run_start {
	size_t cells, nodes;
	int jobs;
	const char *dir;             /* the run directory, absolute */
	const char *shard;           /* shard_info_describe(), or NULL: not a shard */
	int resumed;                 /* --resume: */
	size_t resumed_nodes;        /*   nodes the journal records as finished */
	size_t cells_done;           /* cells complete before anything runs */
	size_t cached_nodes;         /* nodes taken from the cache */
	const char *cache_dir;       /* NULL for a fake run */
};

/* What a run has to say when it is done. */
struct run_end {
	size_t cells;
	double seconds;              /* wall time */
	const size_t *counts;        /* cells per enum cell_status */
	const char *dir;
	const struct diff *baseline; /* against --baseline, or NULL */
};

/*
 * How a run tells what it does: the command layer owns the telling (the
 * terminal's is progress.h), the run only calls these. Every member may
 * be NULL; the pointers passed live for the call only.
 */
struct run_events {
	void *ctx;
	/* The jobs are about to start. */
	void (*started)(void *ctx, const struct run_start *s);
	/* Something the user should know that does not stop the run (one line). */
	void (*warning)(void *ctx, const char *message);
	/* Cell CELL_ID's last node is final: its outcome, decided at STAGE (NULL: passed). */
	void (*cell_done)(void *ctx, const char *cell_id, const char *stage, const struct cell_outcome *o);
	/* Once per scheduler loop iteration, with the number of jobs running. */
	void (*tick)(void *ctx, int running);
	/* SIGINT or SIGTERM (SIGNO) stopped the run; its journal is in DIR. */
	void (*interrupted)(void *ctx, int signo, const char *dir, const char *matrix);
	/* Results and reports are written. Returns 0, or -1 when telling failed (exit 3). */
	int (*finished)(void *ctx, const struct run_end *e);
};

struct run_opts {
	const char *matrix;           /* NULL: the embedded default */
	const char *out_dir;
	int jobs;       /* <= 0: the number of CPUs */
	int retries;                  /* -1: the matrix's, else 0 */
	int resume;
	int fail_fast;
	int quiet;      /* provisioning says nothing (the events are the caller's) */
	const struct matrix_only *only;
	size_t nonly;
	const char *fake_toolchains;  /* see above */
	double kill_grace;            /* 0: 5 s */
	size_t log_cap;               /* 0: 4 MiB a stream */
	struct shard_spec shard;      /* count 0: every cell; else only shard I/N (shard.h) */
	const char *baseline;         /* a run dir to diff against at the end, or NULL */
	int keep_failed;              /* a failed node keeps its intermediates (cache.h) */
	/*
	 * An open history (history.h; borrowed), or NULL. Without a baseline
	 * the run is compared with the last run of its matrix recorded there
	 * (not for a shard): its regressions printed and marked in the
	 * reports, the exit code as without a baseline. Recording the run
	 * is the caller's.
	 */
	struct history *history;
	struct run_events events;     /* all NULL: the run tells nothing */
};

/*
 * Runs the matrix. Returns the process exit code: 0 every cell passed (or
 * was flaky), 1 some cell did not pass, 130/143 interrupted by
 * SIGINT/SIGTERM (finished nodes are in the journal); or -1 with error():
 * EC_EXIT_INPUT bad input, EC_EXIT_INTERNAL the runner failed.
 * With a baseline (checked before anything runs: a missing or malformed
 * results.json there is bad input) the run is diffed against it at the end
 * (diff.h), its regressions printed and marked in the reports, and 0/1 mean
 * instead: 0 nothing regressed (cells may fail as they failed in the
 * baseline), 1 some cell regressed.
 * What it does is told through O->events; it prints nothing itself.
 */
int run_main(const struct run_opts *o);

#endif
