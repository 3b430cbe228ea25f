/*
 * journal: DIR/journal.jsonl, one JSON line per finished node, appended
 * as each node finishes, and fsync'd in groups (group commit): the runner
 * calls journal_sync once per scheduler loop iteration, after that
 * iteration's finished nodes were appended and before any job starts
 * (sched.h: on_batch). So no job starts before the records of every node
 * that finished in an earlier iteration are on disk (the one exception:
 * a node that could not even start is an ERROR recorded as the loop
 * starts the next ready job; --resume re-runs ERROR nodes anyway). A run
 * killed at any point loses: on SIGKILL, nothing appended (the page cache
 * keeps it); on power loss, at most the nodes that were running and those
 * that finished in the last loop iteration, none of whose dependents had
 * started. One fsync per iteration instead of per node: with many short
 * nodes, several finish in one iteration. `emcompat run --resume` reads
 * the journal and runs nothing it records.
 *
 * Format (persisted; add keys, never change one), one object per line:
 *   {"v":1,"node":"compile-3fa2c1d09b7e","key":"<64 hex: the plan key>",
 *    "stage":"compile","status":"pass","exit":0,"attempts":1,
 *    "seconds":1.234,"started":"2026-11-27T16:38:09Z"}
 * status is a job status name (sched.h): pass, fail, error or timeout.
 * Nodes are matched by key, so a changed matrix or recipe re-runs them.
 *
 * Each record is written with one write() of the whole line: a torn
 * record can only be the last line, without its newline. Reading ignores
 * it with a warning, and opening for append cuts it off first, so the
 * next record starts on a line of its own.
 */
#ifndef EMCOMPAT_JOURNAL_H
#define EMCOMPAT_JOURNAL_H

#include <stddef.h>

#include "emcompat/plan.h"
#include "emcompat/sched.h"

struct journal_entry {
	char node[PLAN_ID_SIZE];
	char key[2 * PLAN_KEY_SIZE + 1];
	enum stage stage;
	enum job_status status;
	int exit_code;
	int attempts;
	double seconds;
	double started;   /* Unix time */
};

struct journal {
	int fd;
	char *path;
	int dirty;        /* records appended since the last fsync */
};

/*
 * Reads the journal at PATH into *OUT (caller frees), *N records. A
 * missing file is an empty journal. A torn last line is skipped and
 * counted in *TORN (the caller warns). Any other bad line is an error
 * naming PATH:LINE (EC_EXIT_INPUT): a journal edited by hand or from
 * another tool is not guessed at.
 */
int journal_read(const char *path, struct journal_entry **out, size_t *n, int *torn);

/* As journal_read, for TEXT (LEN bytes, any content) named PATH in messages. */
int journal_parse(const char *path, const char *text, size_t len, struct journal_entry **out, size_t *n, int *torn);

/*
 * The records of a journal by plan key, for a run that resumes: a node is
 * looked up by its key (plan_key_hex), and the last record of a key wins
 * (a node re-run after an error).
 */
struct journal_index {
	struct journal_entry *entries;  /* owned: the records, in journal order */
	const struct journal_entry **by_key;  /* owned: ENTRIES sorted by key, then journal order */
	size_t n;
};

/* Indexes the N records E (taken over: from journal_read). Never fails. */
void journal_index_init(struct journal_index *ix, struct journal_entry *e, size_t n);

/* The record of KEY (64 hex digits), or NULL (binary search). */
const struct journal_entry *journal_lookup(const struct journal_index *ix, const char *key);

void journal_index_release(struct journal_index *ix);

/* Opens (creating) PATH for appending, cutting a torn last line. 0 or -1. */
int journal_open(struct journal *j, const char *path);

/*
 * Appends E as one line, with one write(); journal_sync makes it durable.
 * 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
int journal_append(struct journal *j, const struct journal_entry *e);

/* fsyncs the records appended since the last sync, if any. 0, or -1 with error() (EC_EXIT_INTERNAL). */
int journal_sync(struct journal *j);

/* Syncs what is left (best effort: a failure here has no one to report to) and closes. */
void journal_close(struct journal *j);

/* Unix time T as "YYYY-MM-DDTHH:MM:SSZ" (UTC) into OUT (>= 21 bytes). */
void journal_format_time(double t, char out[32]);

/* Parses that format; -1 if malformed. */
double journal_parse_time(const char *s);

#endif
