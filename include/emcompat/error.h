/*
 * error: the one way a library function reports what went wrong.
 *
 * A failing function calls error() once, where the cause is known, and
 * returns -1 (or its failure enum). Callers up the stack propagate the -1
 * without adding messages of their own: the first error wins, so the
 * message the user sees names the real cause, not a consequence of it.
 * Only the CLI edge (main.c / cmd_*.c) reads the message and exits.
 *
 * The state is per thread, so worker threads may report independently.
 */
#ifndef EMCOMPAT_ERROR_H
#define EMCOMPAT_ERROR_H

/* Exit codes of the emcompat binary (documented in README and --help). */
enum ec_exit {
	EC_EXIT_OK = 0,        /* all cells passed; diff: no regression */
	EC_EXIT_FAILED = 1,    /* some cell failed; diff: a regression */
	EC_EXIT_INPUT = 2,     /* bad usage or bad input (matrix, wasm, log...) */
	EC_EXIT_INTERNAL = 3,  /* the runner itself failed (I/O, resources) */
	EC_EXIT_BUSY = 4,      /* cache --gc: a run holds the cache; nothing was removed */
};

/*
 * Record a message (printf format) and its exit code, unless an error is
 * already recorded on this thread. Always returns -1. errno is preserved,
 * so `return error(...)` after a failed syscall keeps errno for the caller.
 */
int error(enum ec_exit code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whether an error is recorded on this thread. */
int error_pending(void);

/* The recorded message ("" when none); valid until error_clear(). */
const char *error_message(void);

/* The recorded exit code (EC_EXIT_INTERNAL if none was recorded). */
enum ec_exit error_code(void);

/* Forget the recorded error, e.g. after a caller handled it. */
void error_clear(void);

#endif
