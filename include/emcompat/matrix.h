/*
 * matrix: a matrix file, parsed, validated and expanded into cells.
 *
 * The file format (JSON, UTF-8; every key but "axes" optional; any other
 * key is an error):
 *
 *   {
 *     "name": "nightly",
 *     "axes": { "rust": ["1.63", "1.96"], "emscripten": ["3.1.6", "6.0.5"] },
 *     "exclude": [ { "rust": "1.63", "emscripten": "6.0.5" } ],
 *     "include": [ { "rust": "1.96", "emscripten": "6.0.5", "opt": "O2" } ],
 *     "toolchains": { "rust": { "1.96": { ... } } },
 *     "timeouts": { "compile": 600, "load": 60 },
 *     "retries": 1,
 *     "provision": true,
 *     "packages": { "jiter": { "pypi": "jiter==0.19.0", "build": "wheel", ... } }
 *   }
 *
 * "packages" declares real packages from PyPI; a package's name is a value
 * of the "probe" axis (a name a built-in probe under matrix/probes/ has
 * is an error). Each is an object:
 *   "pypi"      "name==version", the requirement; or
 *   "path"      a local project (a PyO3 crate or maturin project with a
 *               Cargo.lock), relative to the matrix file's directory: built
 *               from source, its files' digest a node-key input;
 *   "build"     "wheel" (default): the prebuilt wheel from PyPI that matches
 *               the cell's Pyodide (its platform tags and Python ABI);
 *               "source": the sdist from PyPI, its crates vendored from its
 *               Cargo.lock, built by the cell's cargo (release) against the
 *               cell's std for its Pyodide's Python, linked by the cell's
 *               emcc (plan.h: the nodes);
 *   "platform"  "any": the newest Pyodide wheel PyPI has of the requirement
 *               (the newest platform tag, then the newest Python), forced
 *               onto every cell's Pyodide whatever its own tags, to ask
 *               whether it would load there; or a platform tag such as
 *               "pyemscripten_2026_0_wasm32": the newest wheel for that tag (a prebuilt
 *               wheel's: not with "build": "source");
 *   "import"    the module to import (required; a dotted Python name);
 *   "module"    the compiled module that must be loaded (dotted name);
 *               default: any module of "import"'s package with a .so file;
 *   "requires"  pure-Python requirements installed first, "name==version";
 *   "checks"    as the pyo3 probe's (matrix/probes/pyo3/probe.json): a
 *               non-empty array of {"name", "py", "expect" | "expect_prefix"};
 *   "note"      free text.
 *
 * "provision": true makes `emcompat run` fetch (fetch.h) every toolchain
 * the selected cells name that is not installed, before planning.
 *
 * Expansion follows GitHub Actions' matrix semantics: the cross product of
 * the axes in file order, the last axis varying fastest; then every exclude
 * object removes the combinations matching all of its keys; then each
 * include object, in order, is merged into every original combination none
 * of whose original axis values it would change (values that an earlier
 * include added may be overwritten), and where it merges into none it
 * becomes a new combination, appended in include order. A matrix without
 * axes is its includes, one combination each.
 *
 * A cell id is its axis=value pairs joined by ",": the axes in file order,
 * then keys that only includes add, in the order they first appear.
 *
 * Names and values are checked before anything is expanded, since they
 * reach cell ids, argv, environments, reports and (a probe) cache paths:
 * axis and key names are letters, digits, '_', '-' and '.', at most 64;
 * values are letters, digits and . _ + - @ : ~, at most 256 bytes, not
 * starting with '.' or '-' (so no '/', no shell word, no option); the
 * "name" is one line of at most 256 bytes. A matrix expanding to more
 * than MATRIX_MAX_CELLS cells is refused before any cell is allocated.
 */
#ifndef EMCOMPAT_MATRIX_H
#define EMCOMPAT_MATRIX_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/stage.h"

/* Most cells a matrix may expand to; larger ones are refused up front. */
#define MATRIX_MAX_CELLS 1000000

struct matrix_cell {
	const char **values;  /* one per matrix key; NULL where the cell lacks it */
	char *id;             /* owned */
	size_t index;         /* its position in the expanded matrix, kept by
	                       * select and keep: merge restores the order by it */
};

/* A key=value constraint, as given by --only. */
struct matrix_only {
	const char *key;
	const char *value;
};

/* One entry of "packages" (see the top); every string is owned. */
struct matrix_package {
	char *name;            /* its probe value */
	char *pypi;            /* "jiter==0.19.0", or NULL for a "path" */
	char *path;            /* the "path" resolved (realpath), or NULL */
	char tree_digest[65];  /* with a path: the SHA-256 of its files (node-key input) */
	char *project;         /* "jiter"; a path's: the package's name */
	char *version;         /* "0.19.0"; NULL for a path */
	char *import;          /* "jiter" */
	char *module;          /* the compiled module to verify, or NULL */
	int source;            /* "build": "source" (else a prebuilt wheel) */
	char *platform;        /* "any" or a platform tag: the wheel forced onto
	                        * every loader; NULL: the one matching each loader */
	char **
		requires;       /* "typing-extensions==4.15.0", ... */
	size_t nrequires;
	cJSON *json;           /* the object as written: what the harness reads */
	char digest[65];       /* SHA-256 of it printed unformatted: a node-key input */
};

struct matrix {
	char *path;            /* the name used in messages; "<default>" when embedded */
	char *name;            /* "name", or NULL */
	size_t naxes;          /* keys[0..naxes) are the axes, in file order */
	size_t nkeys;          /* then keys that only includes add */
	char **keys;
	size_t cap_keys;
	char ***axis_values;   /* axis_values[a][0..naxis_values[a]) */
	size_t *naxis_values;
	struct matrix_cell *cells;
	size_t ncells;
	cJSON *toolchains;     /* owned copy of "toolchains", or NULL */
	double timeouts[STAGE_COUNT];  /* seconds; 0 = the runner's default */
	int retries;           /* -1 when the file does not say */
	int provision;         /* "provision": true */
	struct matrix_package *packages;
	size_t npackages;
	char digest[65];       /* matrix_cells_digest() of the expanded matrix:
	                        * which matrix a run ran, wherever its file was */
	/* Private: the strings that includes and excludes own. */
	char **strings;
	size_t nstrings, cap_strings;
};

/*
 * Parses and expands the matrix file at PATH, or the embedded default
 * matrix when PATH is NULL. M is initialised here. Returns 0, or -1 with
 * error(EC_EXIT_INPUT, "FILE:LINE:COL: ...") naming what is wrong.
 * On failure M holds nothing to release.
 */
int matrix_load(struct matrix *m, const char *path);

/* As matrix_load, for TEXT (LEN bytes, NUL-terminated) named NAME. */
int matrix_parse(struct matrix *m, const char *name, const char *text, size_t len);

/*
 * Keeps only the cells matching ONLY: constraints on one key are
 * alternatives, constraints on different keys must all hold. A key that
 * is not in the matrix, or a filter that keeps no cell, is an error.
 */
int matrix_select(struct matrix *m, const struct matrix_only *only, size_t nonly);

/*
 * Keeps the cells whose KEEP[c] is nonzero (ncells entries), in order.
 * Keeping none leaves an empty matrix; callers decide if that is an error.
 */
void matrix_keep(struct matrix *m, const unsigned char *keep);

/*
 * SHA-256 over the ids of M's cells, in order, as 64 hex digits: equal
 * for two matrices with the same cells in the same order.
 */
void matrix_cells_digest(const struct matrix *m, char out[65]);

/* The package whose name is PROBE (a probe axis value), or NULL. */
const struct matrix_package *matrix_package_find(const struct matrix *m, const char *probe);

/* Index of KEY among m->keys, or -1. */
int matrix_key_index(const struct matrix *m, const char *key);

/* The value of KEY in cell C, or NULL when the cell lacks it. */
const char *matrix_cell_get(const struct matrix *m, const struct matrix_cell *c, const char *key);

void matrix_release(struct matrix *m);

#endif
