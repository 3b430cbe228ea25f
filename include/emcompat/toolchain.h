/*
 * toolchain: the real toolchains on this machine, found through their
 * manifests, and how a matrix axis value maps to one.
 *
 * scripts/setup-toolchains.sh installs each toolchain under the cache dir
 * ($EMCOMPAT_CACHE, default ~/.cache/emcompat) and writes
 * <cache>/<kind>/<version>/toolchain.json (schema "emcompat-toolchain/1",
 * documented at the top of that script): kind, version, identity (what the
 * tool said about itself when installed), env, root, and kind-specific
 * paths (rust: rustc, cargo, rust_src, llvm; emscripten: emcc (argv list),
 * llvm, binaryen; node: node; pyodide: index_url, emscripten, python;
 * pyo3: resolved, rust_version, lock, vendor, cargo_config: a PyO3 minor
 * series vendored from crates.io for offline builds of the pyo3 probe).
 *
 * A matrix may add or override toolchains in its "toolchains" key:
 *   "toolchains": { "rust": { "nightly": { "rustc": "...", "cargo": "..." } } }
 * Each such object is a manifest (its kind and version come from where it
 * stands), merged over the one found in the cache, key by key.
 *
 * Axis values map to kinds: rust -> rust, emscripten -> emscripten,
 * node -> node, pyo3 -> pyo3 ("none": no PyO3), and loader "pyodide-<v>"
 * -> pyodide <v> (the loader "emcc-main" needs no toolchain of its own: it
 * is the cell's emscripten).
 */
#ifndef EMCOMPAT_TOOLCHAIN_H
#define EMCOMPAT_TOOLCHAIN_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/matrix.h"

/* A variable of a manifest's "env": its strings point into the manifest. */
struct toolchain_var {
	const char *name;
	const char *value;
};

/*
 * One toolchain. The keys recipes read are resolved once by
 * toolchain_scan, after the matrix's overrides are merged, so no recipe
 * reads JSON: each string points into JSON and is NULL where the manifest
 * has no such key; only the block of the toolchain's own kind is filled.
 * A manifest where one of these keys has another type is an error naming
 * the file (or the matrix) and the key.
 */
struct toolchain {
	char *kind;
	char *version;
	char *manifest;      /* the file it came from, or "<matrix>" */
	cJSON *json;         /* owned: the whole manifest, for what shows it */
	const char *identity;          /* what the tool said about itself */
	const char *installed;         /* when the manifest was written */
	struct toolchain_var *env;     /* owned array: "env", in the manifest's order */
	size_t nenv;
	struct {
		const char *rustc, *cargo;
		const char *sysroot;
		const char *rust_src;  /* std's library/ dir */
		const char *std;       /* what the setup script found to work (toolchain_rust_std) */
	} rust;
	struct {
		const char **emcc;     /* owned, NULL-terminated: the "emcc" argv list, or NULL */
		const char *bin;       /* the wrapper dir (emcc, em++, ...) */
		const char *llvm;      /* its clang's version */
	} emscripten;
	struct {
		const char *node;
	} node;
	struct {
		const char *index_url;       /* a dir, with its trailing / */
		const char *python;          /* "3.12.1" */
		const char *python_lib_dir;  /* PyO3's PYO3_CROSS_LIB_DIR */
	} pyodide;
	struct {
		const char *lock;            /* Cargo.lock of the pyo3 probe crate */
		const char *cargo_config;    /* a cargo --config file: vendored crates, offline */
	} pyo3;
};

struct toolchain_set {
	char *cache_dir;
	struct toolchain *items;
	size_t n, cap;
};

/* The cache dir: $EMCOMPAT_CACHE, else $HOME/.cache/emcompat. Caller frees. */
char *toolchain_cache_dir(void);

/*
 * Reads every <cache>/<kind>/<version>/toolchain.json, then the matrix's
 * "toolchains" (M may be NULL), and resolves each toolchain (struct
 * toolchain). A manifest that is not valid JSON, lacks kind/version or
 * has a key recipes read of the wrong type is an error naming its file
 * and the key (EC_EXIT_INPUT); a missing cache dir is an empty set.
 * Returns 0 or -1.
 */
int toolchain_scan(struct toolchain_set *s, const char *cache_dir, const struct matrix *m);

/* The toolchain of KIND and VERSION, or NULL. */
const struct toolchain *toolchain_find(const struct toolchain_set *s, const char *kind, const char *version);

/* String key KEY of T's manifest, or NULL: for keys that are only shown. */
const char *toolchain_str(const struct toolchain *t, const char *key);

/*
 * The toolchain KIND and VERSION that value VALUE of axis AXIS names
 * (pointing into static strings or VALUE): 1, or 0 when it needs none.
 */
int toolchain_axis_value(const char *axis, const char *value, const char **kind, const char **version);

/*
 * Resolves the value VALUE of matrix axis AXIS to its toolchain. Returns
 * the toolchain; NULL with *NONE set when the axis needs none (a probe, a
 * flag axis, "emcc-main", pyo3 "none"); NULL with *NONE clear when it needs
 * one that is not installed, with a message saying what to install in
 * WHY (caller frees).
 */
const struct toolchain *toolchain_resolve(const struct toolchain_set *s, const char *axis, const char *value, int *none,
					  char **why);

/*
 * Where a Rust toolchain's standard library for wasm32-unknown-emscripten
 * comes from: the manifest's "std" key when it has one (the setup script
 * records what it found to work), else "prebuilt" when the sysroot ships
 * the target, "build-std" when there is a rust_src to build from, "none".
 */
const char *toolchain_rust_std(const struct toolchain *t);

/*
 * The identities of the toolchains M's cells use, for results.json:
 *   {"<kind>": {"<version>": {"identity", "source", and where the manifest
 *    has them "llvm", "release", "emscripten", "python", "channel_date" (a
 *    rustup toolchain's manifest date, which names a nightly), "std"}}}
 * Values that resolve to nothing are left out (their cells are errors that
 * say so). Caller owns the object.
 */
cJSON *toolchain_used_json(const struct toolchain_set *s, const struct matrix *m);

void toolchain_set_release(struct toolchain_set *s);

#endif
