/*
 * plan: the cells of a matrix as a DAG of stage nodes, deduplicated.
 *
 * Every cell needs the stages std -> compile -> link -> inspect, a main
 * module (unless its loader is a Pyodide runtime, "pyodide-*", which is
 * its own main module), and load -> run. Each node is keyed by a SHA-256
 * of everything that can change its output: its stage, the axis values
 * it reads directly, and the keys of the nodes it depends on. Cells whose
 * nodes have equal keys share them, so each distinct piece of work runs
 * once.
 *
 * Which axes a stage reads directly:
 *   std      rust, eh, emscripten (libc's build script asks emcc its version)
 *   compile  rust, probe, link_mode, eh, lto            (+ std)
 *            and, for a Python extension probe (probe.json "python":
 *            the pyo3 probe), pyo3 and loader: PyO3 builds for the
 *            Python of the cell's Pyodide. Other probes ignore pyo3.
 *   link     emscripten, link_mode, eh, lto, opt, bigint (+ compile)
 *   main     emscripten, loader, eh, bigint; loader emcc-main-<version> (a
 *            host built by another Emscripten) is read as emscripten=<version>
 *            and loader=emcc-main, so it shares that Emscripten's own host
 *   inspect  loader                                     (+ link, main: it predicts
 *                                                        loading into that host)
 *   load     loader, node                               (+ link, main)
 *   run      (load)
 * Any other axis (a free flag axis, or a key only an include adds) is
 * read by every stage, so an unknown flag can never make two different
 * builds share a node. With link_mode=rustc there is no compile node:
 * rustc compiles and drives emcc in one step, the link node, which reads
 * the compile axes too and depends on std directly.
 *
 * A flag axis at its default value (opt=O0, lto=off, bigint=on,
 * link_mode=emcc, pyo3=none) is left out of a node's contents: that is
 * what the recipes do without the axis, so a matrix that names the
 * default shares its nodes (and the cache) with one that does not. eh has
 * no such default: without it emcc's own applies, which varies by version.
 *
 * The sources a recipe reads are inputs as well: the digest of the
 * embedded matrix/probes/<probe>/ for compile, and of matrix/loaders/ for
 * main, load and run, and of scripts/ (the std builder) for std
 * (embedded.h; notes, *.md, are not part of it), so an edited probe or
 * harness never reuses a stale node.
 *
 * A cell whose probe names a package of the matrix (matrix.h, "packages")
 * with build "wheel" has no std, compile or main node: its link node
 * downloads the package's wheel for the cell's Pyodide, then inspect, load
 * and run as for a probe. Its link and inspect nodes read what is
 * downloaded ("pypi" and "requires": packages that fetch the same share
 * them), its load and run nodes the package (its name and the digest of
 * its object, checks included); all read loader, node (load and run only),
 * any axis no stage names, and the digest of the embedded matrix/packages/
 * (fetcher and harness); never rust, emscripten or the flag axes.
 *
 * With build "source" the cell has the std node a probe of its rust,
 * emscripten and eh has, then compile (the build: the sdist fetched and
 * built by cargo) reading the requirement, loader (its Python) and any axis
 * no stage names, plus the std node's key; link (emcc, the wheel packed)
 * reading the requirement, emscripten, opt, bigint, eh, loader and any axis
 * no stage names, plus the build's key; both also read the digest of the
 * embedded matrix/sdist/ (flag axes at their default left out, as above).
 * A "path" package's nodes read its files' digest where others read the
 * requirement (matrix.h).
 * Inspect, load and run are a wheel's, on the link node. No main node.
 *
 * Node order is topological: every node comes after its dependencies.
 */
#ifndef EMCOMPAT_PLAN_H
#define EMCOMPAT_PLAN_H

#include <stddef.h>

#include "emcompat/matrix.h"
#include "emcompat/stage.h"

#define PLAN_KEY_SIZE 32
/* "<stage>-<first 12 hex digits of the key>" */
#define PLAN_ID_SIZE 24

struct plan_node {
	char id[PLAN_ID_SIZE];
	enum stage stage;
	unsigned char key[PLAN_KEY_SIZE];
	size_t deps[2];   /* indices into plan.nodes */
	size_t ndeps;
	size_t ncells;    /* cells that use this node */
	size_t cell;      /* the first cell using it: its axis values drive the recipe */
	unsigned reads;   /* stage bits whose axes it reads (1 << STAGE_x) */
	int python;       /* its cells' probe is a Python extension (see above) */
	const struct matrix_package *package;  /* a package cell's node (below), or NULL; borrowed */
};

struct plan {
	const struct matrix *matrix;  /* borrowed */
	struct plan_node *nodes;
	size_t nnodes;
	/* cell_nodes[c * STAGE_COUNT + s]: node of stage s for cell c, or PLAN_NONE */
	size_t *cell_nodes;
	size_t count[STAGE_COUNT];    /* nodes per stage */
	size_t stage_runs_unshared;   /* stage runs if every cell ran alone */
};

#define PLAN_NONE ((size_t)-1)

/* Builds P from the cells of M (borrowed for P's life). Returns 0 or -1. */
int plan_build(struct plan *p, const struct matrix *m);

/* The node of stage S for cell C, or NULL when that cell has no such stage. */
const struct plan_node *plan_cell_node(const struct plan *p, size_t cell, enum stage s);

/*
 * The value a recipe behaves as when a cell lacks the flag axis AXIS
 * ("O0" for opt, "off" for lto...), or NULL: no such default (eh, and
 * every non-flag axis).
 */
const char *plan_axis_default(const char *axis);

/* Whether node N reads matrix key K (so its value is an input of N). */
int plan_node_reads(const struct plan *p, const struct plan_node *n, size_t k);

/* KEY as 64 lowercase hex digits plus NUL in OUT. */
void plan_key_hex(const unsigned char key[PLAN_KEY_SIZE], char out[2 * PLAN_KEY_SIZE + 1]);

void plan_release(struct plan *p);

/*
 * The cells each node belongs to (CSR: node N's cells are
 * cells[start[N]] .. cells[start[N + 1] - 1]), and per cell how many of
 * its nodes are still to finish: when a node becomes final the runner
 * counts it off its cells, and a cell whose count reaches 0 is done.
 */
struct plan_cell_index {
	size_t *start;    /* nnodes + 1 */
	size_t *cells;
	size_t *pending;  /* per cell: nodes not final yet */
};

/*
 * Builds IX for P; a node with DONE[n] set (may be NULL: none) is final
 * already and not counted pending. Never fails.
 */
void plan_cell_index_init(struct plan_cell_index *ix, const struct plan *p, const int *done);

void plan_cell_index_release(struct plan_cell_index *ix);

#endif
