/*
 * stages_internal: what the parts of the stages module share (stages.h is
 * its public face). stages.c builds each node's recipe (argv, env, cwd);
 * stages_sources.c unpacks the embedded files recipes read into
 * content-addressed dirs; stages_fingerprint.c says what a node runs.
 */
#ifndef EMCOMPAT_STAGES_INTERNAL_H
#define EMCOMPAT_STAGES_INTERNAL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "emcompat/sched.h"
#include "emcompat/stages.h"

/*
 * The directory holding the embedded files under PREFIX, unpacked into
 * SRC/<tag>-<digest>/ on first use: paths that change only when those
 * files do, so editing one probe re-runs that probe's nodes and nothing
 * else. Owned by S; NULL with error() when unpacking fails.
 */
const char *stages_src_root(struct stages *s, const char *prefix, const char *tag);

/* stages_src_root of matrix/probes/PROBE/ (SRC/probe-PROBE-<digest>). */
const char *stages_probe_root(struct stages *s, const char *probe);

/* stages_src_root of matrix/loaders/ (SRC/loaders-<digest>). */
const char *stages_loaders_root(struct stages *s);

/* The parsed, embedded probe.json of PROBE (owned by S), or NULL with *WHY (caller frees). */
const cJSON *stages_probe_json(struct stages *s, const char *probe, char **why);

/* Frees what the functions above made. */
void stages_sources_release(struct stages *s);

/*
 * The SHA-256 of this emcompat binary: what an in-process recipe runs, so
 * a rebuilt inspector does not pass for the old one. Read once; NULL with
 * error() when the binary cannot be read.
 */
const char *stages_self_digest(struct stages *s);

/*
 * Sets node N's fingerprint (stages_fingerprint) from its steps' argv, the
 * env its recipe set (S->env_fp), the toolchains it used (S->used), EXTRA
 * (or NULL), and its dependencies' fingerprints (stages_job is called in
 * plan order, dependencies first): a reinstalled toolchain reruns every
 * node downstream of the one it changed, not that node alone.
 */
void stages_fingerprint_node(struct stages *s, size_t n, const struct sched_step *steps, size_t nsteps,
			     const char *extra);

#endif
