/*
 * cache: finished nodes kept across runs, so a second run of an unchanged
 * matrix runs nothing.
 *
 * A real node works in its own directory under the cache,
 * <cache>/nodes/<stage>-<plan key>/, and when it ends passing or failing
 * the runner records it there in node.json:
 *   {"v":1,"node":"compile-3fa2c1d09b7e","fingerprint":"<64 hex>",
 *    "status":"pass","exit":0,"attempts":1,"seconds":1.234,
 *    "finished":"2026-11-27T16:38:09Z"}
 * with copies of its logs (stdout.log, stderr.log). The plan key covers the
 * axis values and sources a node reads; the fingerprint adds what the
 * recipe really runs (every step's argv) and the identities of the
 * toolchains behind it, and the fingerprints of its dependencies, so a
 * reinstalled toolchain is not mistaken for the old one anywhere
 * downstream of what it built. A later run takes a recorded node with an equal fingerprint as
 * finished. Timeouts and errors are not recorded: they say more about that
 * moment than about the code. node.json is written to a temp name and
 * renamed; a node that starts again first empties its directory, so
 * nothing of an interrupted attempt is ever read as a result.
 *
 * Once recorded, a node drops what its recipe calls intermediates
 * (stages.h: stages_intermediates, e.g. a std node's cargo work dir):
 * nothing later reads them, and a reuse reads node.json only. Each use of
 * a node (run or reused) is written to DIR/used, {"v":1,"run":N,"time":T}
 * (N the cache's run count, T seconds since the epoch): not part of any
 * fingerprint, read by `emcompat cache --gc` (cachedir.h) to collect what
 * no run used for long. NODES/.runs counts the runs of the cache.
 */
#ifndef EMCOMPAT_CACHE_H
#define EMCOMPAT_CACHE_H

#include "emcompat/sched.h"

struct cache_record {
	enum job_status status;
	int exit_code;
	int attempts;
	double seconds;
};

/*
 * Reads DIR/node.json. Returns 1 and fills R when it records a finished
 * node with FINGERPRINT; 0 when there is none, it is torn, or it is for
 * another fingerprint (the node must run): then R->seconds is what the
 * recorded node took, an estimate of what this one will (the scheduler's
 * `expected`), or -1 when there is no readable record.
 */
int cache_lookup(const char *dir, const char *fingerprint, struct cache_record *r);

/*
 * Records JOB (pass or fail) in DIR/node.json, with copies of its logs
 * LOG_DIR/<name>.stdout.log and .stderr.log. Returns 0, or -1 with error()
 * (EC_EXIT_INTERNAL).
 */
int cache_store(const char *dir, const char *fingerprint, const struct sched_job *job, const char *log_dir);

/* Copies DIR's recorded logs to LOG_DIR/<name>.<stream>.log. 0 or -1. */
int cache_restore_logs(const char *dir, const char *name, const char *log_dir);

/*
 * One cache, one run at a time: two runs building the same node in the
 * same directory would trip over each other. Takes an exclusive lock on
 * NODES_DIR/.lock into *FD (close it to unlock); when another run holds
 * it, calls WAITING(CTX, NODES_DIR) (may be NULL) once and waits for it.
 * Returns 0, or -1 with error() (EC_EXIT_INTERNAL) when the lock file
 * cannot be opened.
 */
int cache_lock(const char *nodes_dir, int *fd, void (*waiting)(void *ctx, const char *nodes_dir), void *ctx);

/*
 * Like cache_lock, never waiting: 0 with the lock in *FD, 1 when a run
 * holds it (*FD -1), or -1 with error() (EC_EXIT_INTERNAL).
 */
int cache_trylock(const char *nodes_dir, int *fd);

/*
 * Counts a run of the cache: increments NODES_DIR/.runs (a decimal number,
 * 0 when missing) into *RUN. Call with the cache lock held. 0 or -1 with
 * error() (EC_EXIT_INTERNAL).
 */
int cache_count_run(const char *nodes_dir, unsigned long *run);

/* The number NODES_DIR/.runs holds (0 when missing or unreadable). */
unsigned long cache_runs(const char *nodes_dir);

/*
 * Writes DIR/used: the node was used by run RUN at time NOW (seconds).
 * One small write, not synced: a lost or torn one only makes the node
 * look older to gc. 0 or -1 with error() (EC_EXIT_INTERNAL).
 */
int cache_mark_used(const char *dir, unsigned long run, double now);

/*
 * When node DIR was last used: *RUN and *TIME from DIR/used; without a
 * readable one, run 0 and the time node.json (else DIR) was last changed.
 */
void cache_last_used(const char *dir, unsigned long *run, double *time);

/*
 * Removes DIR/<path> for each of PATHS (NULL-terminated, relative, as
 * stages_intermediates gives them). 0 or -1 with error().
 */
int cache_drop(const char *dir, const char *const *paths);

/*
 * Checks that nothing a run writes in CACHE_DIR (nodes/, src/,
 * cargo-home/, cargo-target/) holds a symbolic link (util.h:
 * path_check_no_links); CACHE_DIR itself may be one. 0, or -1 with error().
 */
int cache_check_links(const char *cache_dir);

#endif
