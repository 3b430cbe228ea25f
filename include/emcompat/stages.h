/*
 * stages: the recipe of each plan node, as steps of argv and env (never a
 * shell string), from the matrix cell's axis values and the toolchains'
 * manifests (toolchain.h).
 *
 * Node outputs live in NODES/<stage>-<plan key>/ (the node's cwd, emptied
 * by the node's first steps so no earlier attempt's files are read as its
 * own); a node reads its dependencies' outputs from theirs. NODES is meant
 * to be the cache's (cache.h), so runs share finished nodes. Sources come
 * from content-addressed dirs under SRC, unpacked from the embedded files
 * on first use: SRC/scripts-<digest> (the std builder), SRC/loaders-<digest>,
 * SRC/probe-<name>-<digest>. Paths change only with those files, so a
 * recipe's argv stays the same from run to run until what it reads changes.
 *
 *   std      scripts/build-std.sh RUST.json EMSCRIPTEN.json OUT [--eh E]
 *            -> OUT/sysroot (a sysroot for wasm32-unknown-emscripten: std,
 *            or core+alloc where std cannot be built) and OUT/std.json
 *   compile  rustc --crate-type staticlib --sysroot STD/sysroot ... probe/lib.rs
 *            -> OUT/libprobe.a; a Python extension probe (probe.json "python":
 *            pyo3): cargo build --offline against the cell's vendored PyO3
 *            (pyo3 manifest: lock, cargo_config) with CARGO_ENCODED_RUSTFLAGS
 *            of the std node and PYO3_CROSS_* of the cell's Pyodide (via
 *            --config env.*) in the cache's cargo-target/<std node>-pyo3-<v>[-lto]
 *            (shared by the compile nodes on those, lock key "cargo-target:DIR";
 *            the crate is copied into DIR/crate-<probe> first), then its
 *            libprobe.a copied to OUT; such cells
 *            need a pyo3 value and a pyodide-* loader, else `error`. A probe
 *            with crates.io dependencies ("build": "cargo", probe.h) is built
 *            the same way with its own Cargo.lock and the crates vendored for
 *            it (--config CACHE/crates/<probe>-<lock digest>/cargo-config.toml), in
 *            cargo-target/<std node>-crates-<probe>[-lto]; not vendored yet:
 *            `error` naming the setup command
 *   link     emcc -sSIDE_MODULE=2 -sEXPORTED_FUNCTIONS=... libprobe.a -> OUT/probe.wasm
 *            (link_mode=rustc: rustc --crate-type cdylib -C linker=emcc, one step
 *            from source to side module)
 *   main     emcc matrix/loaders/main.c -sMAIN_MODULE=2 -> OUT/main.js (loader emcc-main)
 *   inspect  the wasm inspector, in-process on the scheduler's pool (no
 *            child, no clean steps): what `emcompat inspect --json
 *            --exit-zero --against HOST.wasm --llvm V probe.wasm` prints,
 *            that command logged as its "$" line, into its stdout log
 *   load     node matrix/loaders/harness.mjs --phase load ...: dlopen the side module
 *   run      node matrix/loaders/harness.mjs --phase run ...: and run the probe's checks
 *            (pyodide-* loaders, with S->warm set: the same command asks the
 *            warm runtime first and re-runs a failure alone; see warm.h)
 *
 * A package cell's nodes (plan.h; matrix.h "packages", build "wheel"):
 *   link     python3 matrix/packages/fetch-wheel.py OUT NAME==VERSION --python X.Y
 *            --abi cpXY --platform TAG... [--require REQ]...: pip downloads the
 *            wheel matching the cell's Pyodide (its Python and platform tags
 *            from the runtime's files, pyext.h) into OUT/wheel/, each
 *            requirement into OUT/requires/NAME/, checks their sha256 against
 *            PyPI's index and prints {"wheel": {...}, "requires": [...]}
 *            (results.json's "package"); exit 77: PyPI has no such wheel
 *   inspect  the same in-process inspector on the one wheel in LINK/wheel/
 *   load/run node matrix/packages/wheel.mjs --phase P --index-url PYODIDE/
 *            --fetched LINK --package SRC/package-NAME-<digest>.json, in a
 *            fresh Pyodide (no warm runtime)
 *
 * Flag axes (the first value is what an absent axis means): eh (default |
 * wasm | js: default is the Rust toolchain's own mode), bigint (on | off),
 * opt (O0 | O2), lto (off | linker-plugin), link_mode (emcc | rustc).
 */
#ifndef EMCOMPAT_STAGES_H
#define EMCOMPAT_STAGES_H

#include <stddef.h>

#include "emcompat/plan.h"
#include "emcompat/sched.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"
#include "emcompat/warm.h"

struct stages {
	const struct plan *plan;            /* borrowed */
	const struct toolchain_set *tc;     /* borrowed */
	char *src;     /* where matrix/ was unpacked */
	char *nodes;   /* parent of the node directories */
	char *self;    /* this emcompat binary, for in-house steps */
	/*
	 * Warm Pyodide runtimes (warm.h), borrowed; NULL: none. When set,
	 * load/run recipes of pyodide-* loaders register theirs and get
	 * EMCOMPAT_HARNESS_SOCKET (not part of the fingerprint: a cell's result
	 * does not depend on it, failures being decided alone).
	 */
	struct warm_set *warm;
	/* Private: every string and array the recipes made. */
	void **owned;
	size_t nowned, cap_owned;
	char (*fingerprints)[65];           /* per node, set by stages_job */
	const char **warm_sockets;          /* per node: its warm runtime's socket, or NULL */
	char self_digest[65];               /* SHA-256 of SELF, once read ("" before) */
	char **roots;         /* source dirs unpacked so far */
	size_t nroots, cap_roots;
	const struct toolchain *used[4];    /* toolchains the recipe being built used */
	size_t nused;
	struct strbuf env_fp;               /* the env the recipe being built set, for its fingerprint */
	cJSON **probe_json;                 /* parsed probe.json, by probe value */
	char **probe_names;
	size_t nprobes, cap_probes;
};

/* Sets S up; SRC, NODES and SELF are copied. */
void stages_init(struct stages *s, const struct plan *p, const struct toolchain_set *tc, const char *src,
		 const char *nodes, const char *self);

/*
 * Fills JOB (steps, lock, cwd) with the recipe of node N. Returns 0; or 1
 * when the node cannot run here, with *WHY (caller frees) saying what to
 * install or fix (a toolchain that is not installed, a probe that does not
 * exist): its cells are `error`, never `fail`. -1 with error() on runner
 * failure. The job's strings belong to S.
 */
int stages_job(struct stages *s, size_t n, struct sched_job *job, char **why);

/* The directory of node N's outputs (owned by S). */
const char *stages_node_dir(struct stages *s, size_t n);

/*
 * What node N really runs, as 64 hex digits: its steps' argv, the
 * variables its recipe sets in their env (not those it passes on from
 * emcompat's own environment, nor the warm runtime's socket; of PATH, the
 * dirs put in front), and the identities (and install times) of the
 * toolchains its recipe used; for
 * the in-process inspect node, its logged argv but the binary's path, the
 * toolchains whose files it reads (Emscripten, a Pyodide loader) and the
 * SHA-256 of the emcompat binary itself, so a rebuilt inspector re-runs
 * it and a copy of the same binary elsewhere does not. Each adds
 * the fingerprints of the node's dependencies, so a change reruns every
 * node downstream of it. Valid after stages_job(N) returned 0 (called in
 * plan order); owned by S.
 */
const char *stages_fingerprint(const struct stages *s, size_t n);

/*
 * About how many seconds node N of P takes when nothing better is known
 * (the cache records what it took last: cache.h): what the scheduler
 * orders starts by (sched.h, `expected`). A std build is about a minute,
 * an emcc main module 10 s, a Pyodide load or run 4 s (most of it
 * Pyodide's start-up), the rest a few seconds or less.
 */
double stages_expected_seconds(const struct plan *p, size_t n);

/*
 * What a node of stage ST leaves in its directory that nothing reads once
 * it is recorded (cache.h): paths relative to the node dir, NULL-terminated,
 * static; NULL when none. No later stage, report or reuse reads them: std's
 * work/ (cargo's target dir, the dummy crate, a copy of rust-src: 150-270
 * MB; compile reads sysroot/ and rustc-args, the reports logs/), compile's
 * cargo-home/ (an offline CARGO_HOME, empty; the pyo3 build's target dir is
 * the shared cargo-target/, kept).
 */
const char *const *stages_intermediates(enum stage st);

/* The socket of node N's warm runtime (warm.h), or NULL; after stages_job(N). */
const char *stages_warm_socket(const struct stages *s, size_t n);

void stages_release(struct stages *s);

#endif
