/*
 * stage: the kinds of node a plan is made of, in pipeline order.
 *
 *   std      a standard library for the target, per Rust toolchain and target flags
 *   compile  a probe crate compiled to a wasm object or staticlib
 *   link     the object linked by emcc into a side module (link_mode=rustc:
 *            compile and link are this one node, rustc driving emcc)
 *   main     an Emscripten main module, per Emscripten and main-module flags
 *   inspect  the side module read by the wasm inspector (no child process)
 *   load     the side module loaded into the loader under a Node version
 *   run      the probe's checks run in the loaded module
 *
 * Stage names are persisted (plan --json, journal, results.json): never
 * rename one.
 */
#ifndef EMCOMPAT_STAGE_H
#define EMCOMPAT_STAGE_H

enum stage {
	STAGE_STD,
	STAGE_COMPILE,
	STAGE_LINK,
	STAGE_MAIN,
	STAGE_INSPECT,
	STAGE_LOAD,
	STAGE_RUN,
	STAGE_COUNT
};

/* "std", "compile", ...; STAGE_COUNT and out-of-range values give "?". */
const char *stage_name(enum stage s);

/* The stage called NAME, or -1. */
int stage_from_name(const char *name);

#endif
