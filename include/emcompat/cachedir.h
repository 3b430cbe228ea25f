/*
 * cachedir: what the cache dir ($EMCOMPAT_CACHE, default ~/.cache/emcompat)
 * holds, by kind, and its garbage collection: `emcompat cache`.
 *
 * Kinds (docs/DESIGN.md, "Cache" and "Toolchain store"):
 *   toolchains    <kind>/<version>/toolchain.json, per kind (a kind dir may
 *                 be a symbolic link: it is measured where it points)
 *   nodes         nodes/<stage>-<plan key, 64 hex>/, per stage (cache.h)
 *   cargo-target  cargo-target/<std node>-pyo3-<v>[-lto]/ and
 *                 <std node>-crates-<probe>[-lto]/ (stages.h): the build dir
 *                 of cargo-built probes' compile nodes on that std node
 *   other         every other top-level dir (sdists, crates, src, cargo-home, ...)
 *
 * Collection removes node dirs and sdists, never toolchains (`fetch --gc`
 * does those):
 *   - a node no plan of O->plans has (matched by dir name: stage and plan key);
 *   - a node last used (cache.h: cache_last_used) more than O->unused_days
 *     days ago, or O->unused_runs or more runs of the cache ago;
 *   - then, while nodes/ and cargo-target/ together exceed O->max_size
 *     bytes, the least recently used node left;
 *   - a cargo-target dir goes with its std node (its size counts as that
 *     node's), and one whose std node is gone goes too;
 *   - then the sdist store (sdists/, stages.c's source packages): a record
 *     and the dir it names stay while a plan builds that package (by name
 *     and version) or a node left was built from it (its build.json's
 *     sdist sha256); a path project's lock-<sha256>/ dirs while a plan
 *     builds a path project; the rest goes, a record before its dir, and
 *     so does what an unfinished fetch left (.fetch-*, *.tmp).
 * The probes' crates pool (crates/) is setup's (scripts/setup-toolchains.sh
 * crates), like the toolchains: collection leaves it.
 * A removed node is rebuilt by the next run that plans it; what is kept is
 * whole (a node dir goes entirely or not at all), so a later run never reads
 * half a node. Collection holds the cache lock (cache.h) throughout: while a
 * run holds it, nothing is removed and the error is EC_EXIT_BUSY.
 */
#ifndef EMCOMPAT_CACHEDIR_H
#define EMCOMPAT_CACHEDIR_H

#include <stddef.h>

#include "emcompat/plan.h"

/* One line of the inventory. */
struct cachedir_part {
	const char *group;        /* "toolchains", "nodes", "cargo-target", "other" (static) */
	char *name;               /* a toolchain kind, a stage, a dir name; NULL for cargo-target */
	unsigned long long bytes; /* disk space, as du counts it */
	size_t count;             /* versions, node dirs, target dirs; 0 for "other" */
};

struct cachedir_usage {
	char *cache_dir;
	struct cachedir_part *parts;  /* toolchains by kind, nodes by stage, cargo-target, others */
	size_t nparts;
	unsigned long runs;           /* runs of this cache so far (cache.h: cache_runs) */
};

/*
 * Measures CACHE_DIR (NULL: toolchain_cache_dir()) into U (release with
 * cachedir_usage_release). Reads only; takes no lock. 0, or -1 with error().
 */
int cachedir_usage(const char *cache_dir, struct cachedir_usage *u);
void cachedir_usage_release(struct cachedir_usage *u);

struct cachedir_gc_opts {
	const struct plan *const *plans;  /* nodes none of these plans go; NULL/0: no such rule */
	size_t nplans;
	double unused_days;               /* < 0: no such rule */
	long unused_runs;                 /* < 0: no such rule */
	long long max_size;               /* bytes; < 0: no budget */
	int dry_run;        /* say what would go, remove nothing */
	double now;         /* seconds since the epoch */
};

/* One removed (or, dry run, removable) dir. */
struct cachedir_removed {
	char *path;               /* relative to the cache dir: nodes/, cargo-target/ or sdists/<...> */
	unsigned long long bytes;
	const char *why;          /* "not planned", "unused", "over budget", "its std node is gone",
	                           * "no plan or node uses it" (sdists), "an unfinished fetch" */
};

struct cachedir_gc_result {
	struct cachedir_removed *removed;  /* in the order removed */
	size_t nremoved;
	unsigned long long kept_bytes;     /* nodes/ + cargo-target/ left */
	size_t kept_nodes;
};

/*
 * Collects CACHE_DIR (NULL: toolchain_cache_dir()) as above into RES
 * (release with cachedir_gc_result_release; filled as far as it got on
 * failure). 0; or -1 with error(): EC_EXIT_BUSY when a run holds the
 * cache, EC_EXIT_INTERNAL when a removal failed.
 */
int cachedir_gc(const char *cache_dir, const struct cachedir_gc_opts *o, struct cachedir_gc_result *res);
void cachedir_gc_result_release(struct cachedir_gc_result *res);

#endif
