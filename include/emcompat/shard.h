/*
 * shard: a deterministic 1/N of a matrix's cells, so that N machines (the
 * jobs of a CI matrix) each run one shard (`emcompat run --shard I/N`) and
 * `emcompat merge` joins their run directories into the whole run.
 *
 * Shards are made of groups of cells, never of single cells: cells that
 * share a node are put in one group, so the node runs once, in one shard.
 * Every shard computes the same partition from the same matrix (and the
 * same --only filters): it depends only on the plan (cell order and which
 * cells share which node), nothing random, nothing about the machine.
 *
 * Grouping, from the coarsest: the first that balances wins.
 *   all      cells sharing any node: no node runs in two shards
 *   std      cells sharing any node but a main node. Every other stage
 *            depends on std (compile -> std, link -> compile or std,
 *            inspect/load -> link), so this keeps each std node's cells,
 *            and with them every compile and link node, together; only
 *            main nodes (an Emscripten host, a few seconds each, one per
 *            emscripten x host flags) may run in more than one shard.
 *   compile  cells sharing any node but a main or std node: std nodes
 *            (the most expensive, 30-90 s, one per rust x eh x emscripten)
 *            may be built in more than one shard too; compile and link
 *            nodes never are.
 * A matrix is usually one component under "all" (a main node joins the
 * cells of every rust, a std node those of every probe and loader), so
 * "std" is the usual answer for a real matrix and "all" for matrices that
 * fall apart by themselves. Giving up main before std keeps the costly
 * node in one place; never splitting compile groups keeps the "no compile
 * twice" promise, so a matrix with fewer compile groups than shards leaves
 * some shards empty (an empty shard is a valid, empty run).
 *
 * Balance: groups are placed largest first, each into the shard whose
 * node count grows least (ties: the lower shard), counting a node a shard
 * already has (a shared main or std node) once. A grouping balances when
 * its largest shard has at most 1.25 x (plan nodes / N) + 1 nodes; when
 * none does, the one with the smallest largest shard wins (ties: the
 * coarser). Nodes are counted, not weighed by expected seconds: costs
 * vary by orders of magnitude between machines and caches, counts do not.
 */
#ifndef EMCOMPAT_SHARD_H
#define EMCOMPAT_SHARD_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/matrix.h"
#include "emcompat/plan.h"

/* Most shards a matrix may be split into. */
#define SHARD_MAX 1000

/* "I/N": shard INDEX (1-based) of COUNT. COUNT 0: not sharded. */
struct shard_spec {
	size_t index, count;
};

enum shard_grouping {
	SHARD_BY_ALL,
	SHARD_BY_STD,
	SHARD_BY_COMPILE,
	SHARD_GROUPING_COUNT
};

/* "all", "std", "compile" (persisted in results.json: never rename). */
const char *shard_grouping_name(enum shard_grouping g);

/* Parses "I/N" (1 <= I <= N <= SHARD_MAX). 0, or -1 with error(EC_EXIT_INPUT). */
int shard_parse(const char *text, struct shard_spec *out);

/* The partition of a plan's cells into COUNT shards. */
struct shard_plan {
	size_t count;
	enum shard_grouping grouping;
	size_t *cell_shard;    /* per cell of the plan: its shard, 0-based */
	size_t *cells;         /* per shard: its cells */
	size_t *nodes;         /* per shard: the distinct nodes its cells need */
	size_t total_nodes;    /* the plan's nodes */
	size_t extra_runs;     /* sum of shard nodes - total: node runs done twice or more */
	size_t groups;         /* groups under the chosen grouping */
};

/* Partitions P's cells into COUNT (1..SHARD_MAX) shards, as described above. Never fails. */
void shard_assign(struct shard_plan *sp, const struct plan *p, size_t count);

void shard_plan_release(struct shard_plan *sp);

/*
 * What a shard's run records in results.json's run object under "shard":
 *   {"index":I,"count":N,"of":DIGEST,"cells":TOTAL,"grouping":"std"}
 * DIGEST is matrix_cells_digest() of the cells being sharded (after
 * --only): shards with equal "of" and "count" are parts of one whole.
 */
struct shard_info {
	struct shard_spec spec;
	char of[65];
	size_t total_cells;    /* cells of the matrix being sharded */
	size_t shard_nodes;    /* nodes this shard runs */
	struct shard_plan sp;
};

/*
 * Keeps in M only the cells of shard SPEC (planning M whole to partition
 * it) and fills INFO (released with shard_info_release). Returns 0, or -1
 * with error() when planning fails.
 */
int shard_select(struct matrix *m, const struct shard_spec *spec, struct shard_info *info);

/* INFO as the results.json object described above; caller deletes. */
cJSON *shard_info_json(const struct shard_info *info);

/* One line for people: "shard 1/2: 8 of 16 cells, grouped by std (...)". Caller frees. */
char *shard_info_describe(const struct shard_info *info);

void shard_info_release(struct shard_info *info);

#endif
