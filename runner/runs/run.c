#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/cache.h"
#include "emcompat/child.h"
#include "emcompat/diff.h"
#include "emcompat/error.h"
#include "emcompat/fake.h"
#include "emcompat/fetch.h"
#include "emcompat/history.h"
#include "emcompat/journal.h"
#include "emcompat/plan.h"
#include "emcompat/report.h"
#include "emcompat/results.h"
#include "emcompat/run.h"
#include "emcompat/runfile.h"
#include "emcompat/sched.h"
#include "emcompat/stages.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"
#include "emcompat/warm.h"

/* Per-stage timeouts when the matrix sets none: generous, they catch hangs. */
static const double default_timeouts[STAGE_COUNT] = {
	[STAGE_STD] = 1800,    [STAGE_COMPILE] = 900, [STAGE_LINK] = 600, [STAGE_MAIN] = 900,
	[STAGE_INSPECT] = 120, [STAGE_LOAD] = 300,    [STAGE_RUN] = 300,
};

struct run_ctx {
	const struct run_opts *o;
	struct matrix m;
	struct plan p;
	struct sched_job *jobs;
	char *dir, *log_dir;
	char *fake_dir;            /* absolute --fake-toolchains, or NULL */
	struct fake fake;          /* the fake recipes' argv and env (fake.h) */
	struct toolchain_set tc;
	struct shard_info shard;
	struct classify_table *classes;  /* the breakage signatures */
	struct stages stages;
	int have_stages;
	struct warm_set warm;      /* warm Pyodide runtimes (warm.h) */
	struct journal journal;
	int *preset;               /* per node: finished before this run started it */
	int *cached;               /* per node: taken from the cache (cache.h) */
	size_t cached_nodes;
	int cache_lock;            /* flock'd fd on the cache's nodes dir, or -1 */
	unsigned long cache_run;   /* this run's number in the cache (cache.h: cache_count_run) */
	struct plan_cell_index cells;     /* when a cell's last node is final */
	struct cell_outcome *outcomes;    /* per cell, once its nodes are final (summary set) */
	size_t resumed_nodes;
	double t0;
	const char *baseline;      /* --baseline, or a temp dir holding the history's last run */
	char *baseline_tmp;        /* that temp dir, removed at the end, or NULL */
	char *baseline_label;      /* how the reports name the history's last run */
};

/* PATH made absolute and normalised when it exists; else joined to the cwd. */
static char *absolute_path(const char *path)
{
	char cwd[4096], *real = realpath(path, NULL);

	if (real)
		return real;
	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

static void warn(struct run_ctx *r, char *message)
{
	if (r->o->events.warning)
		r->o->events.warning(r->o->events.ctx, message);
	free(message);
}

static void waiting_for_cache(void *ctx, const char *nodes)
{
	warn(ctx, xasprintf("waiting for another run that uses %s", nodes));
}

/*
 * The real recipes (stages.h): toolchains from the cache and the matrix,
 * sources unpacked into DIR/src. A node that cannot run here (a toolchain
 * not installed) is an error before anything starts, with what to install.
 */
static int real_recipes(struct run_ctx *r)
{
	char *src, *nodes, *doomed;
	char self[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int rc = 0;

	self[len > 0 ? len : 0] = '\0';
	if (toolchain_scan(&r->tc, NULL, &r->m))
		return -1;
	src = xasprintf("%s/src", r->tc.cache_dir);
	nodes = xasprintf("%s/nodes", r->tc.cache_dir);
	if (cache_check_links(r->tc.cache_dir) || mkdir_p(nodes) ||
	    cache_lock(nodes, &r->cache_lock, waiting_for_cache, r) || cache_count_run(nodes, &r->cache_run)) {
		free(src);
		free(nodes);
		return -1;
	}
	doomed = xcalloc(r->p.nnodes + 1, 1);
	stages_init(&r->stages, &r->p, &r->tc, src, nodes, len > 0 ? self : "emcompat");
	r->have_stages = 1;
	r->stages.warm = &r->warm;
	free(src);
	free(nodes);
	for (size_t n = 0; n < r->p.nnodes && rc == 0; n++) {
		struct sched_job *job = &r->jobs[n];
		struct cache_record rec;
		char *why = NULL;

		rc = stages_job(&r->stages, n, job, &why);
		if (rc == 1) {
			if (!r->preset[n]) {
				job->status = JOB_ERROR;
				job->message = why;
				r->preset[n] = 1;
			} else {
				free(why);
			}
			rc = 0;
		} else if (rc == 0 && !r->preset[n] &&
			   cache_lookup(stages_node_dir(&r->stages, n), stages_fingerprint(&r->stages, n), &rec)) {
			job->status = rec.status;
			job->exit_code = rec.exit_code;
			job->attempts = rec.attempts;
			job->seconds = rec.seconds;
			r->preset[n] = r->cached[n] = 1;
			r->cached_nodes++;
			rc = cache_restore_logs(stages_node_dir(&r->stages, n), job->name, r->log_dir) ||
			     cache_mark_used(stages_node_dir(&r->stages, n), r->cache_run, time_wall());
		} else if (rc == 0 && !r->preset[n] && rec.seconds >= 0) {
			/* Changed since it last ran, but likely to take about as long. */
			job->expected = rec.seconds;
		}
		/* A dependency that is known not to pass (from the cache) dooms N to BLOCKED. */
		for (size_t d = 0; d < r->p.nodes[n].ndeps; d++) {
			size_t dep = r->p.nodes[n].deps[d];

			doomed[n] |= doomed[dep] || (r->preset[dep] && r->jobs[dep].status != JOB_PASS);
		}
		/* Started now, the runtime comes up while the builds before it run. */
		if (rc == 0 && !r->preset[n] && !doomed[n] && stages_warm_socket(&r->stages, n))
			rc = warm_start(&r->warm, stages_warm_socket(&r->stages, n));
	}
	free(doomed);
	return rc;
}

static int prepare_jobs(struct run_ctx *r)
{
	if (r->fake_dir) {
		char *nodes = xasprintf("%s/nodes", r->dir);
		int rc = mkdir_p(nodes);

		free(nodes);
		if (rc)
			return -1;
	}
	for (size_t n = 0; n < r->p.nnodes; n++) {
		const struct plan_node *node = &r->p.nodes[n];
		struct sched_job *job = &r->jobs[n];

		job->name = node->id;
		job->deps = node->deps;
		job->ndeps = node->ndeps;
		if (!r->preset[n])
			job->exit_code = -1;
		job->timeout = r->m.timeouts[node->stage] > 0 ? r->m.timeouts[node->stage]
							      : default_timeouts[node->stage];
		job->expected = stages_expected_seconds(&r->p, n);
		if (r->fake_dir && fake_job(&r->fake, &r->p, n, job))
			return -1;
	}
	return r->fake_dir ? 0 : real_recipes(r);
}

/* Presets the nodes an earlier run of DIR finished, from its journal. */
static int load_journal(struct run_ctx *r, const char *path)
{
	struct journal_index ix;
	struct journal_entry *e;
	size_t n;
	int torn;

	if (journal_read(path, &e, &n, &torn))
		return -1;
	if (torn)
		warn(r, xasprintf("warning: %s: ignoring a torn last record (the run was cut off while writing it)",
				  path));
	journal_index_init(&ix, e, n);
	for (size_t i = 0; i < r->p.nnodes; i++) {
		char key[2 * PLAN_KEY_SIZE + 1];
		const struct journal_entry *hit;

		plan_key_hex(r->p.nodes[i].key, key);
		hit = journal_lookup(&ix, key);
		if (!hit || hit->status == JOB_ERROR)
			continue;
		r->jobs[i].status = hit->status;
		r->jobs[i].exit_code = hit->exit_code;
		r->jobs[i].attempts = hit->attempts;
		r->jobs[i].seconds = hit->seconds;
		r->jobs[i].started = hit->started;
		r->preset[i] = 1;
		r->resumed_nodes++;
	}
	journal_index_release(&ix);
	return 0;
}

/* Cell C's nodes are all final: its outcome, once. */
static void cell_done(struct run_ctx *r, size_t c)
{
	const struct cell_outcome *o = &r->outcomes[c];

	results_cell_outcome(&r->outcomes[c], r->classes, r->log_dir, &r->p, r->jobs, c);
	if (r->o->events.cell_done)
		r->o->events.cell_done(r->o->events.ctx, r->m.cells[c].id,
				       o->node != PLAN_NONE ? stage_name(r->p.nodes[o->node].stage) : NULL, o);
}

/*
 * Records finished node N in the cache, then drops its intermediates: a
 * failed one keeps them with --keep-failed, for a person to look into.
 */
static int store_node(struct run_ctx *r, size_t n)
{
	const struct sched_job *job = &r->jobs[n];
	const char *dir = stages_node_dir(&r->stages, n);

	if (cache_store(dir, stages_fingerprint(&r->stages, n), job, r->log_dir) ||
	    cache_mark_used(dir, r->cache_run, time_wall()))
		return -1;
	if (job->status == JOB_FAIL && r->o->keep_failed)
		return 0;
	return cache_drop(dir, stages_intermediates(r->p.nodes[n].stage));
}

static int on_finish(void *ctx, size_t n)
{
	struct run_ctx *r = ctx;
	const struct sched_job *job = &r->jobs[n];

	if (job->status != JOB_BLOCKED && job->status != JOB_SKIPPED) {
		struct journal_entry e;

		memset(&e, 0, sizeof(e));
		snprintf(e.node, sizeof(e.node), "%s", r->p.nodes[n].id);
		plan_key_hex(r->p.nodes[n].key, e.key);
		e.stage = r->p.nodes[n].stage;
		e.status = job->status;
		e.exit_code = job->exit_code;
		e.attempts = job->attempts;
		e.seconds = job->seconds;
		e.started = job->started;
		if (journal_append(&r->journal, &e))
			return -1;
		if (r->have_stages && (job->status == JOB_PASS || job->status == JOB_FAIL) && store_node(r, n))
			return -1;
	}
	for (size_t k = r->cells.start[n]; k < r->cells.start[n + 1]; k++) {
		size_t c = r->cells.cells[k];

		if (--r->cells.pending[c] == 0)
			cell_done(r, c);
	}
	return 0;
}

/* The journal's group commit (journal.h): before anything starts after these nodes finished. */
static int on_batch(void *ctx)
{
	struct run_ctx *r = ctx;

	return journal_sync(&r->journal);
}

static void on_tick(void *ctx, int running)
{
	struct run_ctx *r = ctx;

	if (r->o->events.tick)
		r->o->events.tick(r->o->events.ctx, running);
}

static int setup_dir(struct run_ctx *r)
{
	char *journal = xasprintf("%s/journal.jsonl", r->dir), *fake_nodes = xasprintf("%s/nodes", r->dir);
	int rc = -1;

	if (!r->o->resume && access(journal, F_OK) == 0) {
		error(EC_EXIT_INPUT,
		      "%s already holds a run (journal.jsonl): add --resume to continue it, "
		      "or choose another -o DIR",
		      r->dir);
		goto out;
	}
	if (path_check_no_links(journal, 0) || path_check_no_links(r->log_dir, 1) ||
	    (r->fake_dir && path_check_no_links(fake_nodes, 1)) || mkdir_p(r->dir) || mkdir_p(r->log_dir))
		goto out;
	if (r->o->resume && load_journal(r, journal))
		goto out;
	rc = journal_open(&r->journal, journal);
out:
	free(journal);
	free(fake_nodes);
	return rc;
}

/* The warning for a process that escaped its node's group (child_reap_escaped). */
static void warn_escaped(void *ctx, pid_t pid, const char *comm, const char *cwd)
{
	warn(ctx, xasprintf("warning: process %d (%s, in %s) left its node's process group and outlived it; killed",
			    (int)pid, comm, cwd));
}

/* Frees the per-node state (jobs, their argv and env, the plan): the reports need none of it. */
static void release_nodes(struct run_ctx *r)
{
	warm_release(&r->warm);
	if (r->jobs)
		sched_jobs_release(r->jobs, r->p.nnodes);
	free(r->jobs);
	r->jobs = NULL;
	fake_release(&r->fake);
	free(r->preset);
	free(r->cached);
	r->preset = r->cached = NULL;
	plan_cell_index_release(&r->cells);
	if (r->have_stages)
		stages_release(&r->stages);
	r->have_stages = 0;
	plan_release(&r->p);
}

static void release_outcomes(struct run_ctx *r)
{
	for (size_t c = 0; r->outcomes && c < r->m.ncells; c++)
		cell_outcome_release(&r->outcomes[c]);
	free(r->outcomes);
	r->outcomes = NULL;
}

static void run_release(struct run_ctx *r)
{
	release_nodes(r);
	if (r->cache_lock >= 0)
		close(r->cache_lock);
	if (r->journal.path)
		journal_close(&r->journal);
	matrix_release(&r->m);
	free(r->dir);
	free(r->log_dir);
	free(r->fake_dir);
	release_outcomes(r);
	toolchain_set_release(&r->tc);
	shard_info_release(&r->shard);
	classify_free(r->classes);
	/* A temp dir that will not go is not worth an error of its own, and must
	 * not clear the one a failed run is returning with. */
	if (r->baseline_tmp) {
		int pending = error_pending();

		if (remove_tree(r->baseline_tmp) && !pending)
			error_clear();
	}
	free(r->baseline_tmp);
	free(r->baseline_label);
}

static int fail(struct run_ctx *r)
{
	run_release(r);
	return -1;
}

/* "provision": true: fetch what the selected cells need, before planning. */
static int provision(struct run_ctx *r)
{
	struct fetch_opts fo;

	if (!r->m.provision || r->o->fake_toolchains)
		return 0;
	fetch_opts_default(&fo);
	fo.quiet = r->o->quiet;
	if (r->o->quiet)
		fo.dl.progress = 0;
	return fetch_provision(&r->m, &fo);
}

static void on_sigxfsz(int sig)
{
	(void)sig;
}

/* Tells the run has started; cells complete before it (resumed, cached) get their outcomes now. */
static void start(struct run_ctx *r, int jobs)
{
	const struct run_events *ev = &r->o->events;
	struct run_start st;
	char *shard = r->o->shard.count ? shard_info_describe(&r->shard) : NULL;

	memset(&st, 0, sizeof(st));
	for (size_t c = 0; c < r->m.ncells; c++)
		if (r->cells.pending[c] == 0) {
			results_cell_outcome(&r->outcomes[c], r->classes, r->log_dir, &r->p, r->jobs, c);
			st.cells_done++;
		}
	st.cells = r->m.ncells;
	st.nodes = r->p.nnodes;
	st.jobs = jobs;
	st.dir = r->dir;
	st.shard = shard;
	st.resumed = r->o->resume;
	st.resumed_nodes = r->resumed_nodes;
	st.cached_nodes = r->cached_nodes;
	st.cache_dir = r->tc.cache_dir;
	if (ev->started)
		ev->started(ev->ctx, &st);
	free(shard);
}

/*
 * DIR/results.json, then the reports from it, diffed against the baseline
 * once; the events' finished reads the same diff. Returns the exit code, or -1.
 */
static int finish(struct run_ctx *r, int jobs)
{
	const struct run_opts *o = r->o;
	struct results_run rr;
	struct report_runs runs;
	struct run_end end;
	cJSON *tcjson = NULL, *shardjson = NULL;
	struct history_nights nights = { 0 };
	size_t count[CELL_STATUS_COUNT] = { 0 };
	char id[64];
	int rc;

	/* A cell a failed or cut-short run never completed is judged as it stands. */
	for (size_t c = 0; c < r->m.ncells; c++) {
		if (!r->outcomes[c].summary)
			results_cell_outcome(&r->outcomes[c], r->classes, r->log_dir, &r->p, r->jobs, c);
		count[r->outcomes[c].status]++;
	}
	snprintf(id, sizeof(id), "%.0f-%d", r->t0, (int)getpid());
	rr.id = id;
	rr.matrix = r->m.path;
	rr.name = r->m.name;
	rr.started = r->t0;
	rr.finished = time_wall();
	rr.jobs = jobs;
	rr.cached = r->cached;
	rr.toolchains = r->fake_dir ? NULL : (tcjson = toolchain_used_json(&r->tc, &r->m));
	rr.matrix_digest = r->m.digest;
	rr.shard = o->shard.count ? (shardjson = shard_info_json(&r->shard)) : NULL;
	rc = results_write(r->dir, &r->p, r->jobs, r->outcomes, &rr);
	cJSON_Delete(tcjson);
	cJSON_Delete(shardjson);
	/* The reports read results.json back: with 10,000 cells, not holding the nodes too halves the peak. */
	release_nodes(r);
	release_outcomes(r);
	if (rc || report_runs_load(&runs, r->dir, r->baseline))
		return -1;
	if (o->history && !o->shard.count) {
		int got = history_nights(o->history, r->m.digest, 13, &nights);

		if (got < 0) {
			report_runs_release(&runs);
			return -1;
		}
		runs.nights = got ? &nights : NULL;
		runs.baseline_night = r->baseline_label != NULL;
	}
	if (r->baseline_label) {
		/* The temp dir is gone at the end: what is shown names the history's run. */
		runs.baseline_dir = r->baseline_label;
		free(runs.base.dir);
		runs.base.dir = xstrdup(r->baseline_label);
	}
	rc = report_runs_write(&runs, r->classes);
	if (rc == 0) {
		memset(&end, 0, sizeof(end));
		end.cells = r->m.ncells;
		end.seconds = rr.finished - rr.started;
		end.counts = count;
		end.dir = r->dir;
		end.baseline = r->baseline ? &runs.diff : NULL;
		if (o->baseline)
			rc = runs.diff.counts[DIFF_REGRESSED] ? EC_EXIT_FAILED : EC_EXIT_OK;
		else
			rc = count[CELL_PASS] + count[CELL_FLAKY] == r->m.ncells ? EC_EXIT_OK : EC_EXIT_FAILED;
		if (o->events.finished && o->events.finished(o->events.ctx, &end))
			rc = EC_EXIT_INTERNAL;
	}
	report_runs_release(&runs);
	history_nights_release(&nights);
	return rc;
}

/*
 * With a history and no --baseline, the run is compared with the last
 * recorded run of its matrix (not for a shard: its merge is recorded),
 * written from the history into a temp dir as a results.json.
 */
static int history_baseline(struct run_ctx *r)
{
	const struct run_opts *o = r->o;

	r->baseline = o->baseline;
	if (!o->history || o->baseline || o->shard.count)
		return 0;
	if (history_last_run_dir(o->history, r->m.digest, &r->baseline_tmp, &r->baseline_label) < 0)
		return -1;
	if (r->baseline_tmp)
		r->baseline = r->baseline_tmp;
	return 0;
}

int run_main(const struct run_opts *o)
{
	struct run_ctx r;
	struct sched_opts so;
	int signo, rc, jobs = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.journal.fd = -1;
	r.cache_lock = -1;
	r.t0 = time_wall();
	/* Descendants that leave their group come back to us to be killed (child_reap_escaped). */
	child_become_subreaper();
	/*
	 * Past RLIMIT_FSIZE a write fails with EFBIG, reported like a full
	 * disk, instead of SIGXFSZ killing the runner mid-record. A handler,
	 * not SIG_IGN: exec resets it, so children keep the default.
	 */
	{
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigxfsz;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGXFSZ, &sa, NULL);
	}
	if (matrix_load(&r.m, o->matrix) || matrix_select(&r.m, o->only, o->nonly) ||
	    (o->shard.count && shard_select(&r.m, &o->shard, &r.shard)) ||
	    (o->baseline && runfile_check(o->baseline)) || provision(&r) || plan_build(&r.p, &r.m) ||
	    history_baseline(&r) || mkdir_p(o->out_dir))
		return fail(&r);
	/* Children run in their node directories: every path they get is absolute. */
	r.dir = absolute_path(o->out_dir);
	r.log_dir = xasprintf("%s/logs", r.dir);
	warm_init(&r.warm, r.log_dir);
	if (o->fake_toolchains)
		r.fake_dir = absolute_path(o->fake_toolchains);
	fake_init(&r.fake, r.fake_dir, r.dir);
	r.preset = xcalloc(r.p.nnodes, sizeof(*r.preset));
	r.cached = xcalloc(r.p.nnodes, sizeof(*r.cached));
	r.jobs = xcalloc(r.p.nnodes, sizeof(*r.jobs));
	r.outcomes = xcalloc(r.m.ncells + 1, sizeof(*r.outcomes));
	if (classify_load(&r.classes, NULL) || setup_dir(&r) || prepare_jobs(&r))
		return fail(&r);
	plan_cell_index_init(&r.cells, &r.p, r.preset);
	start(&r, jobs);

	memset(&so, 0, sizeof(so));
	so.jobs = jobs;
	so.retries = o->retries >= 0 ? o->retries : (r.m.retries > 0 ? r.m.retries : 0);
	so.fail_fast = o->fail_fast;
	so.log_dir = r.log_dir;
	so.log_cap = o->log_cap;
	so.kill_grace = o->kill_grace;
	so.on_finish = on_finish;
	so.on_batch = on_batch;
	so.on_tick = on_tick;
	so.ctx = &r;
	rc = sched_run(r.jobs, r.p.nnodes, &so, &signo);
	warm_release(&r.warm);
	child_reap_escaped(warn_escaped, &r);
	if (rc < 0)
		return fail(&r);
	if (rc == SCHED_INTERRUPTED) {
		if (o->events.interrupted)
			o->events.interrupted(o->events.ctx, signo, r.dir, o->matrix);
		run_release(&r);
		return signo == SIGINT ? 130 : 143;
	}
	rc = finish(&r, jobs);
	run_release(&r);
	return rc;
}
