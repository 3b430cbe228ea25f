/*
 * util: allocation and small string helpers shared by every module.
 *
 * The x* allocators never return NULL: running out of memory is not an
 * outcome emcompat can report usefully, so they print a message and abort.
 */
#ifndef EMCOMPAT_UTIL_H
#define EMCOMPAT_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
/* Grows *P to hold at least NEED elements of SIZE bytes; *CAP tracks capacity. */
void xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated string built from a printf format. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * strerror(ERRNUM) that is safe on any thread: the text lives in a
 * per-thread buffer, valid until the thread's next call. Code that may run
 * on a pool thread (pool.h) uses this, never strerror(), which C and POSIX
 * allow to share one static buffer between threads.
 */
const char *xstrerror(int errnum);

/* DATA's N bytes as 2N lowercase hex digits into OUT, NUL-terminated (2N + 1 bytes). */
void hex_encode(const unsigned char *data, size_t n, char *out);

/* A growable NUL-terminated byte buffer. Zero-initialise, then append. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The buffer's string: "" for an empty buffer, never NULL. */
const char *strbuf_str(const struct strbuf *sb);
/* Hands the string to the caller (who frees it) and empties SB. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

/*
 * Reads the whole file at PATH into *OUT (NUL-terminated, caller frees)
 * and its size into *LEN. Returns 0, or -1 with error() set (EC_EXIT_INPUT:
 * a file the user named that cannot be read is bad input).
 */
int read_file(const char *path, char **out, size_t *len);

/*
 * Writes LEN bytes of DATA to PATH (mode MODE) through PATH.tmp<pid>,
 * fsync and rename, so readers see the old file or the whole new one.
 * Returns 0, or -1 with error() (EC_EXIT_INTERNAL) and no temp file left.
 */
int write_file_atomic(const char *path, const char *data, size_t len, unsigned mode);

/*
 * A file written the way write_file_atomic writes one, in pieces: open
 * creates PATH.tmp<pid>, write appends, commit fsyncs and renames it to
 * PATH, abort removes it. Write errors are kept and reported by commit,
 * which also aborts; after commit or abort the struct holds nothing.
 * All return 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
struct atomic_file {
	char *path, *tmp;
	int fd;
	int err;   /* errno of the first failed write, else 0 */
};

int atomic_file_open(struct atomic_file *af, const char *path, unsigned mode);
void atomic_file_write(struct atomic_file *af, const void *data, size_t len);
/* atomic_file_write of SB's bytes, then SB emptied (its memory kept for reuse). */
void atomic_file_write_buf(struct atomic_file *af, struct strbuf *sb);
int atomic_file_commit(struct atomic_file *af);
void atomic_file_abort(struct atomic_file *af);

/*
 * Many small allocations freed at once (a run read back holds tens of
 * thousands of short strings): blocks of 64 KiB, a larger request gets a
 * block of its own. Zero-initialise; memory is zeroed; release frees all.
 */
struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t n);
/* A copy of S in A; NULL for NULL. */
char *arena_strdup(struct arena *a, const char *s);
void arena_release(struct arena *a);

/* mkdir -p PATH (mode 0755). 0, or -1 with error() (EC_EXIT_INTERNAL). */
int mkdir_p(const char *path);

/*
 * Checks that PATH, and what lies under it down to DEPTH levels of
 * directories, holds no symbolic link: a link in a directory emcompat
 * writes into would carry its writes (and rm -rf of a node) elsewhere.
 * A missing PATH is fine. Returns 0, or -1 with error(EC_EXIT_INPUT,
 * "LINK: a symbolic link (to TARGET) ...").
 */
int path_check_no_links(const char *path, int depth);

/* rm -rf PATH (a symbolic link is removed, not followed). 0, or -1 with error() (EC_EXIT_INTERNAL). */
int remove_tree(const char *path);

/*
 * The disk space PATH takes (allocated blocks, as du counts them; links
 * not followed below PATH, PATH itself resolved): 0 when it is missing.
 * Not thread-safe.
 */
unsigned long long tree_size(const char *path);

/* Seconds on CLOCK_MONOTONIC: for durations and deadlines. */
double time_monotonic(void);

/* Seconds since the epoch (CLOCK_REALTIME): for what is recorded or shown as a date. */
double time_wall(void);

#endif
