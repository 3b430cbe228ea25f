/*
 * sched: run a DAG of jobs as child processes, or as functions on a small
 * thread pool, in parallel, from one event-loop thread (docs/DESIGN.md,
 * "Processes and threads").
 *
 * The caller fills an array of jobs in topological order (every dep's
 * index below the job's own). sched_run() starts a job when all its deps
 * passed and a slot is free (-j N), and when no running job holds the
 * same lock key; a job whose dep did not pass is BLOCKED and never runs,
 * while independent work goes on. Each child's stdout and stderr go to
 * LOG_DIR/<name>.stdout.log and .stderr.log through logcap (head and tail
 * kept, memory bounded whatever a child prints).
 *
 * Deadlines are monotonic: at a job's timeout its whole process group
 * gets SIGTERM, then SIGKILL after the grace period. When a job's main
 * process exits, whatever is left of its process group is killed too, so
 * no grandchild outlives its node. Children are started, killed and
 * reaped through child.h, one pid at a time, never waitpid(-1).
 *
 * Among the jobs ready to start, the one that leads the longest remaining
 * chain starts first: its priority is its `expected` seconds plus the
 * largest priority among its dependents (the critical path through it;
 * jobs preset as finished count 0), so long nodes and what waits on them
 * start early and the slots stay busy to the end. Equal priorities start
 * in array order, so a run's order is deterministic. The ready queue is a
 * binary heap; a job whose lock is held waits aside, in a heap of its
 * lock's, until a holder of that lock leaves its slot.
 *
 * A failed or timed-out job is re-run up to `retries` times; a job that
 * passes after a failure has attempts > 1 (its cells are "flaky").
 *
 * SIGINT and SIGTERM during sched_run kill every running group and make
 * sched_run return SCHED_INTERRUPTED with the signal in *signo; jobs that
 * were running are left PENDING (not finished, so not journaled). A second
 * SIGINT kills the groups and exits the process at once with 130.
 *
 * In-process jobs (FN set) are CPU work that spawns nothing, such as the
 * wasm inspector: FN runs on a pool thread (pool.h: as many threads as
 * such jobs could run at once, at most -j), and only FN runs there;
 * the loop learns of its return through the pool's pipe and does all the
 * bookkeeping itself, so the job array, on_finish and the journal stay on
 * the loop thread (FN writes its two logs, which the loop opens before it
 * and closes after it). Such a job takes a slot and honours locks like a
 * child; its
 * logs are the same two files, with argv (when set: the equivalent
 * command) as the "$ command" line; it gets a status, exit_code, attempts
 * and seconds the same way. What differs is that a thread cannot be
 * killed:
 *   - deadline: the job is TIMEOUT at once (on_finish runs, dependents are
 *     blocked), but FN is left to finish. Its slot stays taken until it
 *     returns (a thread is still busy), and then what it returned is
 *     discarded and its stderr log ends with a note that says so. A timed
 *     out in-process job is not retried: the first attempt still runs.
 *   - interrupt, or a run that cannot go on: sched_run waits for every
 *     running FN to return before it returns (a second SIGINT still exits
 *     at once), and leaves those jobs PENDING.
 * So FN must be bounded: it must end in a time its inputs bound, never
 * wait on anything outside the process.
 */
#ifndef EMCOMPAT_SCHED_H
#define EMCOMPAT_SCHED_H

#include <stddef.h>

enum job_status {
	JOB_PENDING,   /* not run (yet) */
	JOB_PASS,      /* exited 0 */
	JOB_FAIL,      /* exited non-zero, or killed by a signal (exit_code 128+N) */
	JOB_ERROR,     /* could not start: missing binary, exec error, bad cwd */
	JOB_TIMEOUT,   /* killed at its deadline */
	JOB_BLOCKED,   /* a dependency did not pass */
	JOB_SKIPPED,   /* not started: --fail-fast stopped the run */
};

/* "pending", "pass", "fail", ... (persisted in journal and results). */
const char *job_status_name(enum job_status s);
/* The status called NAME, or -1. */
int job_status_from_name(const char *name);

struct logcap;

/*
 * An in-process job's work, called on a pool thread with the job's ARG
 * and its two logs (logcap.h). It writes what a child would print to OUT
 * and ERR with logcap_write (a failed write needs no handling here: the
 * scheduler reports it when it closes the log), and returns what a child's
 * exit code would be: 0 for PASS, > 0 for FAIL with that exit_code; or -1
 * with error() set (error state is per thread) when it could not run at
 * all: ERROR, with the message as the job's message and in its stderr
 * log. It may use only ARG, the logs, and code that is safe on any thread
 * (no strerror, no cJSON_Print: see util.h and json.h); the job array and
 * the caller's state belong to the loop thread.
 */
typedef int sched_fn(void *arg, struct logcap *out, struct logcap *err);

/* One command of a job. */
struct sched_step {
	const char *const *argv;
	const char *const *env;     /* NULL: inherit */
	const char *cwd;            /* NULL: inherit */
};

/*
 * A job runs its steps in order, in one slot, each after the previous one
 * exited 0 (a build, then a copy of its artifact). The first step that
 * fails, or cannot start, decides the job; the timeout covers them all, and
 * a retry starts again from the first. Both logs are shared by the steps;
 * the stdout log gets a "$ command" line before each. A job without steps
 * (nsteps 0) runs argv/env/cwd as its only step.
 */
struct sched_job {
	/* Set by the caller; borrowed, must outlive sched_run. */
	const char *name;           /* unique; names the log files */
	const struct sched_step *steps;
	size_t nsteps;
	const char *const *argv;
	const char *const *env;     /* NULL: inherit */
	const char *cwd;            /* NULL: inherit */
	/*
	 * In-process (see the top): FN(ARG, ...) runs on a pool thread instead
	 * of the steps; argv, when set, is only logged. ARG is borrowed; the
	 * loop never touches it, so it is FN's while the job runs.
	 */
	sched_fn *fn;
	void *arg;
	const char *lock;           /* NULL, or a key no two running jobs share */
	double timeout;             /* seconds; 0: none */
	double expected;            /* seconds it is expected to take (>= 0): orders the start (above) */
	const size_t *deps;
	size_t ndeps;
	/*
	 * Status and outcome. A caller resuming a run presets a finished
	 * status (with exit_code, attempts, seconds) for jobs the journal
	 * records; sched_run leaves those alone and never runs them.
	 */
	enum job_status status;
	int exit_code;              /* for PASS/FAIL; -1 otherwise */
	int attempts;               /* times started */
	double seconds;             /* wall time of the last attempt */
	double started;             /* Unix time of the last attempt's start */
	char *message;              /* owned: why it could not start, or timed out */
};

struct sched_opts {
	int jobs;     /* parallel slots (>= 1) */
	int retries;                /* re-runs of a failed job */
	int fail_fast;              /* after a failure start nothing new: the rest is SKIPPED */
	const char *log_dir;        /* existing directory for the logs */
	size_t log_cap;             /* bytes kept per stream; 0: 4 MiB */
	double kill_grace;          /* seconds between SIGTERM and SIGKILL; 0: 5 */
	/*
	 * Called on the loop thread when a job reaches a final status, blocked
	 * and skipped included (not for jobs preset as finished). Returning -1
	 * (with error() set, e.g. the journal could not be written) stops the
	 * run: every child is killed and sched_run returns -1.
	 */
	int (*on_finish)(void *ctx, size_t job);
	/*
	 * Optional. Called once per loop iteration, after that iteration's
	 * on_finish calls and before any job starts (also before the loop
	 * ends): the point to make their effects durable as one group (the
	 * journal's fsync). Nonzero (with error() set) stops the run like
	 * on_finish.
	 */
	int (*on_batch)(void *ctx);
	/* Called after every event, with the number of jobs running: a chance to redraw progress. */
	void (*on_tick)(void *ctx, int running);
	void *ctx;
};

enum sched_result {
	SCHED_DONE = 0,             /* every job has a final status */
	SCHED_INTERRUPTED = 1,      /* SIGINT/SIGTERM: see *signo */
};

/*
 * Runs JOBS. Returns SCHED_DONE, SCHED_INTERRUPTED (with the signal in
 * *SIGNO), or -1 when the runner itself failed (a log could not be
 * written, poll failed, the pool could not start): then error() is set,
 * every child is killed and reaped, every in-process job has returned,
 * and finished jobs keep their statuses.
 */
int sched_run(struct sched_job *jobs, size_t n, const struct sched_opts *o, int *signo);

/* Frees what sched_run allocated in JOBS (messages). */
void sched_jobs_release(struct sched_job *jobs, size_t n);

#endif
