/*
 * probe: how a built-in probe (matrix/probes/<name>/, embedded into the
 * binary) is built, as its probe.json says (matrix/probes/README.md).
 *
 *   "build"   "rustc" (the default): lib.rs compiled by plain rustc, no
 *             dependencies. "cargo": the directory's Cargo.toml built by
 *             cargo, offline; its crates.io dependencies are pinned by the
 *             Cargo.lock beside it (kept in the repo) and vendored once into
 *             the cache by `scripts/setup-toolchains.sh crates` (the config
 *             cargo reads them through: probe_crates_dir).
 *   "python"  an object: a Python extension module (the pyo3 probe). Built by
 *             cargo against the cell's PyO3, whose lock and vendored crates
 *             come from the pyo3 toolchain, not from the probe's directory.
 *
 * A probe.json is persisted input (users read and copy it): add keys, never
 * change the meaning of one.
 */
#ifndef EMCOMPAT_PROBE_H
#define EMCOMPAT_PROBE_H

#include <cjson/cJSON.h>

enum probe_build {
	PROBE_BUILD_RUSTC,
	PROBE_BUILD_CARGO,
};

struct probe_spec {
	enum probe_build build;
	int python;    /* a Python extension module: cargo against the cell's PyO3 */
	/*
	 * "build": "cargo" without "python": the first 16 hex digits of the
	 * SHA-256 of the probe's Cargo.lock (what names its vendored crates in
	 * the cache); "" otherwise.
	 */
	char lock[17];
};

/*
 * Reads probe NAME's parsed probe.json PJ into *OUT. A "cargo" probe
 * without "python" must have a Cargo.toml and a Cargo.lock among the
 * embedded files. Returns 0, or -1 with error(EC_EXIT_INPUT) naming the
 * file and the key.
 */
int probe_spec_parse(const cJSON *pj, const char *name, struct probe_spec *out);

/*
 * CACHE_DIR/crates/NAME-<SPEC->lock>: where `scripts/setup-toolchains.sh
 * crates` writes, once it has vendored every crate of a "cargo" probe's
 * lock into the pool CACHE_DIR/crates/vendor/, cargo-config.toml: the cargo
 * --config file that replaces crates.io with the pool. A changed Cargo.lock
 * is another dir, so nodes built on the old crates are never taken for the
 * new ones. Caller frees; NULL when SPEC has no lock.
 */
char *probe_crates_dir(const char *cache_dir, const char *name, const struct probe_spec *spec);

#endif
