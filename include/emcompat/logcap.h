/*
 * logcap: one child stream written to a log file, with a size cap.
 *
 * A child can print without limit (a linker listing every symbol, a test
 * stuck in a loop), while both the disk and the runner's memory must stay
 * bounded. A logcap keeps at most CAP bytes of a stream: the head, the
 * first CAP/2 bytes, goes to the file as it comes; the tail, the last
 * CAP - CAP/2 bytes, lives in a ring buffer and reaches the file at
 * logcap_close, after a line that says how much was cut between them:
 *
 *   <head>
 *   [emcompat: N bytes cut here; the first H and the last T bytes are kept]
 *   <tail>
 *
 * (the line starts with its own "\n", so it stands alone even when the
 * head ends mid-line). The first error a process prints is in the head,
 * the verdict of a test runner and the last error are in the tail; the
 * middle is what a cap can lose. A stream that fits in CAP is kept
 * verbatim, with no line added.
 *
 * Memory: the ring grows with the output past the head, up to CAP - CAP/2
 * bytes, and never beyond, whatever the child prints. Until close the file
 * holds only the head: a crashed runner leaves the tail unwritten.
 *
 * The struct is visible so that a caller can embed it (the scheduler has
 * one per stream per slot); its fields are read-only outside logcap.c.
 */
#ifndef EMCOMPAT_LOGCAP_H
#define EMCOMPAT_LOGCAP_H

#include <stddef.h>
#include <stdint.h>

struct logcap {
	int fd;              /* -1 once closed */
	char *path;          /* owned copy, for messages */
	size_t head_cap;     /* CAP/2 */
	size_t tail_cap;     /* CAP - CAP/2 */
	size_t head_len;     /* bytes of head in the file */
	char *ring;          /* the tail, ring_alloc bytes, grown up to tail_cap */
	size_t ring_alloc;
	size_t ring_start;   /* oldest tail byte; stays 0 until the ring is full */
	size_t ring_len;     /* tail bytes held */
	uint64_t total;      /* bytes given to logcap_write, kept or not */
	uint64_t cut;        /* bytes dropped between head and tail; set by close */
	int write_errno;     /* the errno of a failed write, 0 if none */
};

/*
 * Opens PATH for writing (O_CREAT|O_TRUNC|O_CLOEXEC, mode 0644, minus the
 * umask) and sets L up to keep CAP bytes at most; CAP must be at least 1.
 * Returns 0, or -1 with error(EC_EXIT_INTERNAL, ...) and nothing to close.
 */
int logcap_open(struct logcap *l, const char *path, size_t cap);

/*
 * Takes N bytes of the stream. Handles EINTR and short writes. Returns 0,
 * or -1 with error() set when the file cannot be written (ENOSPC, EFBIG
 * under RLIMIT_FSIZE, EIO). After a failure the file stays as it is and
 * every later write returns -1 too; L->total still counts what came, so
 * the caller may keep draining the child's pipe into it.
 */
int logcap_write(struct logcap *l, const void *data, size_t n);

/*
 * Writes the cut line (when bytes were cut) and the tail, closes the file
 * and frees the ring. Returns 0, or -1 with error() set when that fails or
 * an earlier write failed. Always releases everything; closing again is a
 * no-op returning 0. Afterwards L->total, L->cut, L->head_len (H) and
 * L->ring_len (T) stay readable for the caller's report.
 */
int logcap_close(struct logcap *l);

#endif
