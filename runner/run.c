#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/cache.h"
#include "emcompat/child.h"
#include "emcompat/diff.h"
#include "emcompat/embedded.h"
#include "emcompat/error.h"
#include "emcompat/fetch.h"
#include "emcompat/journal.h"
#include "emcompat/plan.h"
#include "emcompat/report.h"
#include "emcompat/results.h"
#include "emcompat/run.h"
#include "emcompat/sched.h"
#include "emcompat/stages.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"
#include "emcompat/warm.h"

/* Per-stage timeouts when the matrix sets none: generous, they catch hangs. */
static const double default_timeouts[STAGE_COUNT] = {
	[STAGE_STD] = 1800, [STAGE_COMPILE] = 900, [STAGE_LINK] = 600, [STAGE_MAIN] = 900,
	[STAGE_INSPECT] = 120, [STAGE_LOAD] = 300, [STAGE_RUN] = 300,
};

struct run_ctx {
	const struct run_opts *o;
	struct matrix m;
	struct plan p;
	struct sched_job *jobs;
	char **strings;            /* every argv/env string we made, to free */
	size_t nstrings, cap_strings;
	char *dir, *log_dir;
	char *fake;                /* absolute --fake-toolchains */
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
	size_t *cell_start, *node_cells;  /* CSR: cells of node n */
	size_t *cell_pending;      /* per cell: nodes not final yet */
	size_t cells_done, cells_bad, resumed_nodes;
	int tty, line_drawn;
	double t0, last_draw;
};

static double now_wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

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

static char *keep(struct run_ctx *r, char *s)
{
	xgrow(&r->strings, &r->cap_strings, r->nstrings + 1, sizeof(*r->strings));
	r->strings[r->nstrings++] = s;
	return s;
}

static const char *node_dir(struct run_ctx *r, size_t n)
{
	return keep(r, xasprintf("%s/nodes/%s", r->dir, r->p.nodes[n].id));
}

/* The fake-toolchain recipe (run.h): DIR/<stage> KEY=VALUE..., env, cwd. */
static int fake_recipe(struct run_ctx *r, size_t n)
{
	const struct plan_node *node = &r->p.nodes[n];
	const struct matrix_cell *c = &r->m.cells[node->cell];
	struct sched_job *job = &r->jobs[n];
	static const char *const ours[] = { "EMCOMPAT_*", NULL };
	const char **argv = xcalloc(r->m.nkeys + 2, sizeof(*argv));
	const char **set = xcalloc(node->ndeps + 4, sizeof(*set));
	const char *out = node_dir(r, n);
	size_t a = 0, e = 0;

	keep(r, (char *)argv);
	argv[a++] = keep(r, xasprintf("%s/%s", r->fake, stage_name(node->stage)));
	for (size_t k = 0; k < r->m.nkeys; k++)
		if (c->values[k] && plan_node_reads(&r->p, node, k))
			argv[a++] = keep(r, xasprintf("%s=%s", r->m.keys[k], c->values[k]));
	set[e++] = keep(r, xasprintf("EMCOMPAT_NODE=%s", node->id));
	set[e++] = keep(r, xasprintf("EMCOMPAT_STAGE=%s", stage_name(node->stage)));
	set[e++] = keep(r, xasprintf("EMCOMPAT_OUT=%s", out));
	for (size_t d = 0; d < node->ndeps; d++) {
		const struct plan_node *dep = &r->p.nodes[node->deps[d]];
		char upper[16];
		size_t i;

		for (i = 0; stage_name(dep->stage)[i] && i < sizeof(upper) - 1; i++)
			upper[i] = (char)(stage_name(dep->stage)[i] - 'a' + 'A');
		upper[i] = '\0';
		set[e++] = keep(r, xasprintf("EMCOMPAT_DEP_%s=%s/nodes/%s", upper, r->dir, dep->id));
	}
	/* The user's EMCOMPAT_* would steer the fake tool: only this node's reach it. */
	job->env = (const char *const *)keep(r, (char *)child_env_merge(ours, set));
	free(set);
	job->argv = argv;
	job->cwd = out;
	/* DIR/nodes exists (prepare_jobs): one mkdir, not one per path component. */
	if (mkdir(out, 0755) != 0 && errno != EEXIST)
		return error(EC_EXIT_INTERNAL, "%s: cannot create directory: %s", out, strerror(errno));
	return 0;
}

/*
 * One cache, one run at a time: two runs building the same node in the same
 * directory would trip over each other. A second run waits for the first.
 */
static int lock_cache(struct run_ctx *r, const char *nodes)
{
	char *path = xasprintf("%s/.lock", nodes);

	r->cache_lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (r->cache_lock < 0) {
		error(EC_EXIT_INTERNAL, "%s: cannot open: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	if (flock(r->cache_lock, LOCK_EX | LOCK_NB) != 0) {
		fprintf(stderr, "emcompat: waiting for another run that uses %s\n", nodes);
		while (flock(r->cache_lock, LOCK_EX) != 0 && errno == EINTR)
			;
	}
	free(path);
	return 0;
}

/*
 * What a run writes in the cache holds no symbolic link (the cache dir
 * itself may be one): node dirs, unpacked sources and the crates cache.
 * Toolchain dirs are only read, and may link wherever they are installed.
 */
static int check_cache_links(const char *cache)
{
	static const struct { const char *sub; int depth; } parts[] = {
		{ "nodes", 2 }, { "src", 16 }, { "cargo-home", 1 }, { "cargo-target", 1 },
	};
	int rc = 0;

	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts) && rc == 0; i++) {
		char *path = xasprintf("%s/%s", cache, parts[i].sub);

		rc = path_check_no_links(path, parts[i].depth);
		free(path);
	}
	return rc;
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
	if (check_cache_links(r->tc.cache_dir) || mkdir_p(nodes) || lock_cache(r, nodes)) {
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
			rc = cache_restore_logs(stages_node_dir(&r->stages, n), job->name, r->log_dir);
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
	if (r->fake) {
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
		if (r->fake && fake_recipe(r, n))
			return -1;
	}
	return r->fake ? 0 : real_recipes(r);
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const struct journal_entry *)a)->key, ((const struct journal_entry *)b)->key);
}

/* Presets the nodes an earlier run of DIR finished, from its journal. */
static int load_journal(struct run_ctx *r, const char *path)
{
	struct journal_entry *e;
	size_t n;
	int torn;

	if (journal_read(path, &e, &n, &torn))
		return -1;
	if (torn)
		fprintf(stderr, "emcompat: warning: %s: ignoring a torn last record (the run was cut off while writing it)\n",
			path);
	/* The last record of a key wins: a node re-run after an error. */
	if (n)  /* an empty journal (killed before its first record) is NULL */
		qsort(e, n, sizeof(*e), cmp_key);
	for (size_t i = 0; i < r->p.nnodes; i++) {
		struct journal_entry probe, *hit = NULL;
		size_t lo = 0, hi = n;

		plan_key_hex(r->p.nodes[i].key, probe.key);
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			int c = strcmp(e[mid].key, probe.key);

			if (c < 0) {
				lo = mid + 1;
			} else {
				if (c == 0)
					hit = &e[mid];
				hi = mid;
			}
		}
		while (hit && hit + 1 < e + n && strcmp(hit[1].key, probe.key) == 0)
			hit++;
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
	free(e);
	return 0;
}

static void build_cell_index(struct run_ctx *r)
{
	size_t nc = r->m.ncells, nn = r->p.nnodes, *fill = xcalloc(nn, sizeof(*fill));

	r->cell_start = xcalloc(nn + 1, sizeof(*r->cell_start));
	r->cell_pending = xcalloc(nc, sizeof(*r->cell_pending));
	for (size_t c = 0; c < nc; c++)
		for (int s = 0; s < STAGE_COUNT; s++) {
			size_t n = r->p.cell_nodes[c * STAGE_COUNT + s];

			if (n == PLAN_NONE)
				continue;
			r->cell_start[n + 1]++;
			if (!r->preset[n])
				r->cell_pending[c]++;
		}
	for (size_t n = 0; n < nn; n++)
		r->cell_start[n + 1] += r->cell_start[n];
	r->node_cells = xcalloc(r->cell_start[nn] + 1, sizeof(*r->node_cells));
	for (size_t c = 0; c < nc; c++)
		for (int s = 0; s < STAGE_COUNT; s++) {
			size_t n = r->p.cell_nodes[c * STAGE_COUNT + s];

			if (n != PLAN_NONE)
				r->node_cells[r->cell_start[n] + fill[n]++] = c;
		}
	free(fill);
}

static void clear_line(struct run_ctx *r)
{
	if (r->line_drawn) {
		fputs("\r\033[K", stdout);
		r->line_drawn = 0;
	}
}

static void cell_done(struct run_ctx *r, size_t c)
{
	size_t decided;
	enum cell_status st = results_cell_status(&r->p, r->jobs, c, &decided);
	int bad = st != CELL_PASS && st != CELL_FLAKY;

	r->cells_done++;
	r->cells_bad += bad;
	if (r->o->quiet || (r->tty && !bad))
		return;
	clear_line(r);
	printf("[%*zu/%zu] %-7s %s", r->tty ? 1 : 4, r->cells_done, r->m.ncells, cell_status_name(st),
	       r->m.cells[c].id);
	if (decided != PLAN_NONE) {
		char *summary = results_summary(r->log_dir, &r->jobs[decided]);
		struct classify_result cr;

		printf("\n          at %s: ", stage_name(r->p.nodes[decided].stage));
		if (st == CELL_FAIL &&
		    results_classify(r->classes, r->log_dir, &r->p, r->jobs, c, decided, &cr) == 0) {
			printf("%s: %s", cr.id, cr.summary);
			classify_result_release(&cr);
		} else {
			fputs(summary, stdout);
		}
		free(summary);
	}
	putchar('\n');
	fflush(stdout);
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
		if (r->have_stages && (job->status == JOB_PASS || job->status == JOB_FAIL) &&
		    cache_store(stages_node_dir(&r->stages, n), stages_fingerprint(&r->stages, n), job,
				r->log_dir))
			return -1;
	}
	for (size_t k = r->cell_start[n]; k < r->cell_start[n + 1]; k++) {
		size_t c = r->node_cells[k];

		if (--r->cell_pending[c] == 0)
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

static void format_duration(double s, char *out, size_t n)
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(out, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(out, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(out, n, "%lds", t);
}

static void on_tick(void *ctx, int running)
{
	struct run_ctx *r = ctx;
	double now = now_wall(), elapsed = now - r->t0;
	char el[32], eta[32] = "?";

	if (!r->tty || r->o->quiet || now - r->last_draw < 0.1)
		return;
	r->last_draw = now;
	format_duration(elapsed, el, sizeof(el));
	if (r->cells_done > 0 && r->cells_done < r->m.ncells)
		format_duration(elapsed / (double)r->cells_done * (double)(r->m.ncells - r->cells_done),
				eta, sizeof(eta));
	printf("\r\033[K[%zu/%zu cells] running %d, not passed %zu, elapsed %s, ETA %s",
	       r->cells_done, r->m.ncells, running, r->cells_bad, el, eta);
	fflush(stdout);
	r->line_drawn = 1;
}

static int setup_dir(struct run_ctx *r)
{
	char *journal = xasprintf("%s/journal.jsonl", r->dir), *fake_nodes = xasprintf("%s/nodes", r->dir);
	int rc = -1;

	if (!r->o->resume && access(journal, F_OK) == 0) {
		error(EC_EXIT_INPUT, "%s already holds a run (journal.jsonl): add --resume to continue it, "
		      "or choose another -o DIR", r->dir);
		goto out;
	}
	if (path_check_no_links(journal, 0) || path_check_no_links(r->log_dir, 1) ||
	    (r->fake && path_check_no_links(fake_nodes, 1)) || mkdir_p(r->dir) || mkdir_p(r->log_dir))
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
	(void)ctx;
	fprintf(stderr, "emcompat: warning: process %d (%s, in %s) left its node's process "
		"group and outlived it; killed\n", (int)pid, comm, cwd);
}

/* Frees the per-node state (jobs, their argv and env, the plan): the reports need none of it. */
static void release_nodes(struct run_ctx *r)
{
	warm_release(&r->warm);
	if (r->jobs)
		sched_jobs_release(r->jobs, r->p.nnodes);
	free(r->jobs);
	r->jobs = NULL;
	for (size_t i = 0; i < r->nstrings; i++)
		free(r->strings[i]);
	free(r->strings);
	r->strings = NULL;
	r->nstrings = r->cap_strings = 0;
	free(r->preset);
	free(r->cached);
	free(r->cell_start);
	free(r->node_cells);
	free(r->cell_pending);
	r->preset = r->cached = NULL;
	r->cell_start = r->node_cells = r->cell_pending = NULL;
	if (r->have_stages)
		stages_release(&r->stages);
	r->have_stages = 0;
	plan_release(&r->p);
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
	free(r->fake);
	toolchain_set_release(&r->tc);
	shard_info_release(&r->shard);
	classify_free(r->classes);
}

static int fail(struct run_ctx *r)
{
	int code;

	clear_line(r);
	fprintf(stderr, "emcompat: %s\n", error_message());
	code = error_code();
	run_release(r);
	return code;
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

int run_main(const struct run_opts *o)
{
	struct run_ctx r;
	struct sched_opts so;
	struct results_run rr;
	cJSON *tcjson = NULL, *shardjson = NULL;
	size_t count[CELL_STATUS_COUNT] = {0}, regressed = 0;
	char id[64], took[32];
	int signo, rc, jobs = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.journal.fd = -1;
	r.cache_lock = -1;
	r.t0 = now_wall();
	r.tty = isatty(STDOUT_FILENO) && !getenv("CI");
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
	    (o->baseline && runfile_check(o->baseline)) ||
	    provision(&r) || plan_build(&r.p, &r.m) || mkdir_p(o->out_dir))
		return fail(&r);
	/* Children run in their node directories: every path they get is absolute. */
	r.dir = absolute_path(o->out_dir);
	r.log_dir = xasprintf("%s/logs", r.dir);
	warm_init(&r.warm, r.log_dir);
	if (o->fake_toolchains)
		r.fake = absolute_path(o->fake_toolchains);
	r.preset = xcalloc(r.p.nnodes, sizeof(*r.preset));
	r.cached = xcalloc(r.p.nnodes, sizeof(*r.cached));
	r.jobs = xcalloc(r.p.nnodes, sizeof(*r.jobs));
	if (classify_load(&r.classes, NULL) || setup_dir(&r) || prepare_jobs(&r))
		return fail(&r);
	build_cell_index(&r);
	for (size_t c = 0; c < r.m.ncells; c++)
		if (r.cell_pending[c] == 0)
			r.cells_done++;
	if (!o->quiet) {
		printf("emcompat: %zu cells, %zu nodes, -j %d, into %s\n", r.m.ncells, r.p.nnodes, jobs, r.dir);
		if (o->shard.count) {
			char *line = shard_info_describe(&r.shard);

			printf("emcompat: %s\n", line);
			free(line);
		}
		if (o->resume)
			printf("emcompat: resuming: %zu nodes finished earlier, %zu cells complete\n",
			       r.resumed_nodes, r.cells_done);
		if (r.cached_nodes)
			printf("emcompat: %zu of %zu nodes finished in earlier runs (cache %s)\n",
			       r.cached_nodes, r.p.nnodes, r.tc.cache_dir);
		fflush(stdout);
	}

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
	child_reap_escaped(warn_escaped, NULL);
	clear_line(&r);
	if (rc < 0)
		return fail(&r);
	if (rc == SCHED_INTERRUPTED) {
		fprintf(stderr, "emcompat: interrupted by %s; every finished node is in %s/journal.jsonl\n"
			"emcompat: resume with: emcompat run%s%s --resume -o %s\n",
			signo == SIGINT ? "SIGINT" : "SIGTERM", r.dir, o->matrix ? " " : "",
			o->matrix ? o->matrix : "", r.dir);
		run_release(&r);
		return signo == SIGINT ? 130 : 143;
	}

	snprintf(id, sizeof(id), "%.0f-%d", r.t0, (int)getpid());
	rr.id = id;
	rr.matrix = r.m.path;
	rr.name = r.m.name;
	rr.started = r.t0;
	rr.finished = now_wall();
	rr.jobs = jobs;
	rr.cached = r.cached;
	rr.toolchains = r.fake ? NULL : (tcjson = toolchain_used_json(&r.tc, &r.m));
	rr.matrix_digest = r.m.digest;
	rr.shard = o->shard.count ? (shardjson = shard_info_json(&r.shard)) : NULL;
	rc = results_write(r.dir, &r.p, r.jobs, &rr, r.classes);
	cJSON_Delete(tcjson);
	cJSON_Delete(shardjson);
	for (size_t c = 0; c < r.m.ncells; c++) {
		size_t ignored;

		count[results_cell_status(&r.p, r.jobs, c, &ignored)]++;
	}
	/* The reports read results.json back: with 10,000 cells, not holding the nodes too halves the peak. */
	release_nodes(&r);
	if (rc || report_dir(r.dir, o->baseline, &regressed) ||
	    (o->baseline && !o->quiet && diff_print_dirs(stdout, o->baseline, r.dir, DIFF_PRINT_REGRESSED)))
		return fail(&r);
	format_duration(rr.finished - rr.started, took, sizeof(took));
	printf("emcompat: %zu cells in %s:", r.m.ncells, took);
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		if (count[s])
			printf(" %zu %s", count[s], cell_status_name(s));
	printf("\nemcompat: results: %s/results.json\nemcompat: reports: %s/report.html, junit.xml, summary.md\n", r.dir, r.dir);
	if (o->baseline)
		rc = regressed ? EC_EXIT_FAILED : EC_EXIT_OK;
	else
		rc = count[CELL_PASS] + count[CELL_FLAKY] == r.m.ncells ? EC_EXIT_OK : EC_EXIT_FAILED;
	if (fflush(stdout) != 0)
		rc = EC_EXIT_INTERNAL;
	run_release(&r);
	return rc;
}
