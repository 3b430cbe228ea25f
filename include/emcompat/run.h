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
 * them finished; the embedded sources are unpacked there too.
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
 * no cache.
 *
 * With a shard, the matrix (after --only) is partitioned as shard.h says
 * and only this shard's cells run; results.json's run object records the
 * shard, and `emcompat merge` joins the shards' run directories.
 */
#ifndef EMCOMPAT_RUN_H
#define EMCOMPAT_RUN_H

#include <stddef.h>

#include "emcompat/matrix.h"
#include "emcompat/shard.h"

struct run_opts {
	const char *matrix;           /* NULL: the embedded default */
	const char *out_dir;
	int jobs;                     /* <= 0: the number of CPUs */
	int retries;                  /* -1: the matrix's, else 0 */
	int resume;
	int fail_fast;
	int quiet;
	const struct matrix_only *only;
	size_t nonly;
	const char *fake_toolchains;  /* see above */
	double kill_grace;            /* 0: 5 s */
	size_t log_cap;               /* 0: 4 MiB a stream */
	struct shard_spec shard;      /* count 0: every cell; else only shard I/N (shard.h) */
	const char *baseline;         /* a run dir to diff against at the end, or NULL */
};

/*
 * Runs the matrix. Returns the process exit code: 0 every cell passed (or
 * was flaky), 1 some cell did not pass, 2 bad input, 3 the runner failed,
 * 130/143 interrupted by SIGINT/SIGTERM (finished nodes are in the journal).
 * With a baseline (checked before anything runs: a missing or malformed
 * results.json there is bad input) the run is diffed against it at the end
 * (diff.h), its regressions printed and marked in the reports, and 0/1 mean
 * instead: 0 nothing regressed (cells may fail as they failed in the
 * baseline), 1 some cell regressed.
 * Progress goes to stdout (a live line on a TTY), errors to stderr.
 */
int run_main(const struct run_opts *o);

#endif
