/*
 * fake: the fake-toolchain seam, the scheduler's test seam (run.h:
 * FAKE_TOOLCHAINS). Instead of a real recipe (stages.h), a node runs
 * FAKE/<stage> with the axis values it reads as KEY=VALUE arguments, in
 * its node directory RUN_DIR/nodes/<node>, with the runner's environment
 * minus every EMCOMPAT_* variable, plus EMCOMPAT_NODE, EMCOMPAT_STAGE,
 * EMCOMPAT_OUT (the node directory) and EMCOMPAT_DEP_<STAGE> (each
 * dependency's node directory). Fake runs use no cache.
 */
#ifndef EMCOMPAT_FAKE_H
#define EMCOMPAT_FAKE_H

#include <stddef.h>

#include "emcompat/plan.h"
#include "emcompat/sched.h"

struct fake {
	const char *dir;          /* borrowed: absolute FAKE_TOOLCHAINS */
	const char *run_dir;      /* borrowed: absolute run directory */
	char **strings;           /* every argv/env string made, freed by fake_release */
	size_t nstrings, cap_strings;
};

/* Sets up F for the executables in DIR and the run in RUN_DIR (both absolute, borrowed). */
void fake_init(struct fake *f, const char *dir, const char *run_dir);

/*
 * Fills JOB's argv, env and cwd for node N of P (they live until
 * fake_release) and creates its node directory; RUN_DIR/nodes must exist.
 * Returns 0, or -1 with error() (EC_EXIT_INTERNAL).
 */
int fake_job(struct fake *f, const struct plan *p, size_t n, struct sched_job *job);

void fake_release(struct fake *f);

#endif
