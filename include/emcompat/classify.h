/*
 * classify: name the breakage class of a failed stage from its logs.
 *
 * A signature table (matrix/signatures.json, embedded into the binary)
 * lists the breakage classes emcompat knows: how each shows in a log, what
 * causes it, how a user fixes it, and the upstream threads about it. Given a
 * stage's log texts and what else is known about the cell (its axis values,
 * its toolchains' identities, the inspector's findings), classify_run first
 * reads the logs' evidence (evidence.h: the error lines per tool and the
 * symbols, features, versions, file kinds, tags, codes and dependencies in them), then
 * names the class, quotes the line(s) it rests on and writes a one-line
 * summary.
 *
 * The table file (JSON, UTF-8; persisted: add keys, never change one):
 *
 *   {
 *     "schema": "emcompat-signatures/1",
 *     "classes": [
 *       {
 *         "id": "lib_rmeta_whole_archive",     stable snake_case, unique
 *         "stages": ["link"],                  where it can appear (stage.h names)
 *         "evidence": [{"tool": "linker", "file": "^rmeta$"}],   rules, see below
 *         "patterns": ["unknown file type: lib\\.rmeta"],
 *         "also": ["..."],                     optional: must match too
 *         "unless": ["..."],                   optional: must not match
 *         "requires": { "probe": "u128" },     optional: other evidence
 *         "title": "...",                      one line
 *         "explain": "...",                    the cause, 2-3 sentences
 *         "fix": "...",                        what a user does
 *         "refs": ["rust-lang/rust#80775"]     upstream threads, owner/repo#N
 *       }
 *     ]
 *   }
 *
 * Patterns are POSIX extended regular expressions, compiled once with
 * REG_EXTENDED | REG_NEWLINE (so `.` never crosses a line and ^/$ match at
 * every line), case-sensitive; a pattern that starts with "(?i)" is
 * compiled with REG_ICASE instead (the prefix is not part of the regex).
 * A pattern whose nested repetitions would make regcomp build more than
 * 20000 nodes (glibc copies a repeated group once per repetition) is
 * refused as a bad table, and so is one that starts with a repeated class
 * (".+", "[a-z]*", "\S{2,}"): glibc's regexec would take time quadratic
 * in a line's length on it (58 s for one 200 KB line of a hostile log).
 * A pattern may be an object instead, {"regex": R, "requires": {...},
 * "with": W}: R counts only where its own "requires" hold (as below) and W,
 * a regex too, matches somewhere in the logs (evidence of where the failing
 * thing comes from: emcc's own lines above a standalone engine's unknown
 * import of env).
 * Evidence rules decide where a family is structural, whatever the
 * wording: a rule holds on an evidence line when the line's tool is one of
 * "tool" (a tool name of evidence.h or an array of them; absent: any), every
 * regex given under a token kind ("symbol", "feature", "version", "file",
 * "tag", "code", "crate", "gate": a regex or an array of them, each on its own) matches a
 * token of that kind in the line, a "line" regex matches the line's text,
 * and its "requires" (as below) holds. {"tool": ["js", "abort"], "symbol":
 * "^invoke_[a-z]+$"} names "LinkError: ... \"invoke_vi\"", "cannot resolve
 * symbol invoke_vi" and "Aborted(missing function: invoke_vi)" alike. A
 * class needs "evidence" or "patterns" (or both).
 *
 * A class matches when any of its `patterns` matches a line of any log
 * (the first pattern's line is quoted) or, failing that, a rule of its
 * `evidence` holds on an evidence line (the first such line in the logs),
 * every `also` pattern matches somewhere in the logs (evidence spread over
 * several lines, e.g. an exception and a stack frame), no `unless` pattern
 * matches anywhere in them (a text that shows another cause behind the same
 * symptom: a compiler killed for want of memory is no toolchain bug), and
 * every key of `requires` holds:
 *
 *   "finding": "ID" or ["ID", ...]   one of these inspector findings was reported
 *   "<fact>":  "VALUE" or [...]      the cell's axis value or toolchain identity
 *                                    named <fact> (probe, rust, emscripten, pyo3,
 *                                    node, loader, eh, bigint, ...) equals one
 *                                    of the values; a value starting with <, <=,
 *                                    >, >=, = or != compares versions instead:
 *                                    dotted numbers, compared over the parts the
 *                                    condition gives ("=1.63" holds for 1.63.0
 *                                    and 1.63.2, "<1.77" for 1.76.9), the fact's
 *                                    leading digits only ("1.97.0-nightly" is
 *                                    1.97.0). An unknown fact, or one that is no
 *                                    version, never holds.
 *   "stage": "NAME" or [...]         the stage the log is classified for (none
 *                                    given, or a user's own stage: never holds)
 *
 * Classes are tried in file order and the first that matches wins: a class
 * that must win over a more general one with the same text comes first (a
 * time_t probe's out-of-bounds trap before a plain trap). With a stage
 * given, only classes listing it are tried.
 *
 * No class matching gives "unclassified" with the evidence's deciding line
 * (evidence.h: a JS exception such as "LinkError: ...", the last line of a
 * Python traceback, a Rust "panicked at" message, the first "error:" line
 * that is not a wrapper like "error: linking with `emcc` failed"; a line
 * naming a root cause, an OS error, an HTTP failure or the last item of a
 * "Caused by:" chain, over the lines that wrap it) as its
 * summary, never a guess; a log with no evidence line at all gives "none",
 * unless the caller says the stage failed (then it is "unclassified" with
 * the last line of output).
 *
 * Logs are read after dropping ANSI colour sequences (complete CSI
 * sequences, untrusted.h), carriage returns and CI timestamps
 * ("2024-05-01T10:00:00.1234567Z ") at line starts, so that a log pasted
 * from a CI page matches like the raw one. The lines and summary of a
 * result are UTF-8 (a byte that is not becomes U+FFFD) but otherwise the
 * log's text, other escape sequences included: they are data, made safe
 * by whoever shows them (untrusted.h).
 *
 * Thread safety: loading is not; once loaded, a table is read-only and
 * classify_run may be called from any number of threads at once.
 */
#ifndef EMCOMPAT_CLASSIFY_H
#define EMCOMPAT_CLASSIFY_H

#include <stddef.h>

#include "emcompat/evidence.h"

/* The path of the table inside the source tree and the embedded files. */
#define CLASSIFY_TABLE_PATH "matrix/signatures.json"

/* Class ids the classifier gives when no class of the table does. */
#define CLASSIFY_UNCLASSIFIED "unclassified"
#define CLASSIFY_NONE "none"

struct classify_table;

/* One class of a loaded table: read-only, owned by the table. */
struct classify_class {
	const char *id;
	const char *title;
	const char *explain;
	const char *fix;
	unsigned stages;            /* bit (1u << enum stage) per stage listed */
	const char *const *refs;    /* owner/repo#N */
	size_t nrefs;
};

/*
 * Loads the table at PATH, or the embedded copy when PATH is NULL, and
 * compiles every pattern. Returns 0 with *OUT set (free it with
 * classify_free), or -1 with error(): EC_EXIT_INPUT and "FILE:LINE:COL:
 * message" for a bad table (invalid JSON, a missing or ill-typed key, a
 * duplicate id, an unknown stage, a regex regcomp rejects).
 */
int classify_load(struct classify_table **out, const char *path);

/* As classify_load, from TEXT (LEN bytes, TEXT[LEN] == '\0'); NAME is for messages. */
int classify_load_text(struct classify_table **out, const char *name, const char *text, size_t len);

void classify_free(struct classify_table *t);

size_t classify_count(const struct classify_table *t);
const struct classify_class *classify_class_at(const struct classify_table *t, size_t i);
/* The class called ID, or NULL. */
const struct classify_class *classify_find(const struct classify_table *t, const char *id);

/* A named fact about the cell: an axis value or a toolchain identity. */
struct classify_fact {
	const char *key;     /* "rust", "probe", ... */
	const char *value;   /* "1.63", "u128", "1.97.0-nightly", ... */
};

/* What is known about one failed (or suspect) stage. All borrowed. */
struct classify_input {
	int stage;     /* enum stage, or -1: any stage */
	const char *const *logs;            /* log texts, e.g. stderr and stdout */
	const size_t *lens;                 /* their lengths; NULL: NUL-terminated */
	size_t nlogs;
	const struct classify_fact *facts;
	size_t nfacts;
	const char *const *findings;        /* inspector finding ids */
	size_t nfindings;
	int failed;    /* the stage failed: never "none" */
};

enum classify_kind {
	CLASSIFY_MATCHED,       /* a class of the table */
	CLASSIFY_UNKNOWN,       /* "unclassified": an error no class knows */
	CLASSIFY_CLEAN,         /* "none": no error in the logs */
};

/* What named the class. */
enum classify_basis {
	CLASSIFY_BY_NOTHING,    /* no class matched */
	CLASSIFY_BY_RULE,       /* an evidence rule, on the line in `used` */
	CLASSIFY_BY_SIGNATURE,  /* a pattern (regex) of the class */
};

struct classify_result {
	enum classify_kind kind;
	const char *id;                     /* the class id, "unclassified" or "none" */
	const struct classify_class *cls;   /* the class (owned by the table), or NULL */
	char **lines;         /* owned: the matching / telling lines, trimmed */
	size_t nlines;
	char *summary;                      /* owned: one line, never empty */
	enum classify_basis basis;
	struct evidence evidence;           /* owned: the logs' error lines and tokens */
	/*
	 * The evidence line the result rests on: the one a rule held on, or,
	 * for "unclassified", the deciding line; NULL otherwise. Points into
	 * `evidence`.
	 */
	const struct evidence_line *used;
};

/*
 * Classifies IN against T into *R (release it with classify_result_release).
 * Returns 0; -1 only with error() for a bad stage number.
 */
int classify_run(const struct classify_table *t, const struct classify_input *in, struct classify_result *r);

void classify_result_release(struct classify_result *r);

/*
 * The deciding evidence line of TEXT (LEN bytes, evidence.h), trimmed and
 * cut to a sane length, or NULL when TEXT shows no error. Caller frees.
 */
char *classify_telling_line(const char *text, size_t len);

#endif
