/*
 * pool: a few worker threads for CPU work that spawns nothing (wasm
 * inspection; docs/DESIGN.md, "Processes and threads"), handing finished work
 * back to one event loop.
 *
 * Modelled on redis's bio.c: submitted tasks go into a FIFO queue guarded
 * by a mutex, and idle workers sleep on a condition variable until there
 * is one. When a task's function returns, its worker moves it to the done
 * list and writes a byte to a pipe; the loop polls pool_fd() with its other
 * fds and collects finished tasks with pool_reap(). So everything that
 * follows a task (bookkeeping, logs, callbacks) runs on the loop's own
 * thread, which stays the only one that touches its state.
 *
 * Workers start with every signal blocked: SIGINT, SIGTERM and SIGCHLD
 * reach the loop thread, and a worker's syscalls are never interrupted.
 *
 * Ownership: the caller owns each task. From pool_submit until pool_reap
 * returns it, the task belongs to the pool and the worker running it;
 * the mutex orders the worker's writes before the reaper's reads, so the
 * reaper may read whatever the task wrote without more locking. pool_new,
 * pool_submit, pool_reap and pool_free are for one thread, the loop's.
 */
#ifndef EMCOMPAT_POOL_H
#define EMCOMPAT_POOL_H

struct pool_task {
	/* Set by the caller: runs on a worker thread. */
	void (*run)(struct pool_task *t);
	struct pool_task *next_;  /* private: queue link */
};

struct pool;

/*
 * Starts NTHREADS (>= 1) workers. Returns the pool, or NULL with
 * error(EC_EXIT_INTERNAL) when the pipe or a thread cannot be made
 * (nothing is left running then).
 */
struct pool *pool_new(int nthreads);

/* A non-blocking fd that polls readable (POLLIN) once a task has finished. */
int pool_fd(const struct pool *p);

/* Queues T; the first free worker calls T->run(T). Never blocks on a worker. */
void pool_submit(struct pool *p, struct pool_task *t);

/*
 * A finished task, the first to finish first, or NULL when none is
 * waiting; never blocks. Call it until NULL after pool_fd() polls readable.
 */
struct pool_task *pool_reap(struct pool *p);

/*
 * Lets the workers run what is queued, waits for them all to return and
 * frees P. Finished tasks that were not reaped are left as they are: the
 * caller owns them. P may be NULL.
 */
void pool_free(struct pool *p);

#endif
