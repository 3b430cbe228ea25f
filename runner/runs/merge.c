#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/classify.h"
#include "emcompat/error.h"
#include "emcompat/merge.h"
#include "emcompat/report.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

struct merge_ctx {
	const struct merge_opts *o;
	struct runfile *runs;
	size_t loaded;
	char *path_key;    /* history_key's, when the runs record no digest */
};

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int check_matrices(const struct merge_ctx *m)
{
	const struct runfile *a = &m->runs[0];

	for (size_t i = 1; i < m->o->nruns; i++) {
		const struct runfile *b = &m->runs[i];

		if (a->matrix_digest && b->matrix_digest) {
			if (strcmp(a->matrix_digest, b->matrix_digest) != 0)
				return error(EC_EXIT_INPUT,
					     "%s and %s are runs of different matrices (%s and %s expand to different "
					     "cells: matrix_digest %.12s and %.12s); their cells do not add up to one "
					     "matrix",
					     m->o->runs[0], m->o->runs[i], a->matrix, b->matrix, a->matrix_digest,
					     b->matrix_digest);
		} else if (strcmp(a->matrix, b->matrix) != 0 || !same_str(a->name, b->name)) {
			return error(EC_EXIT_INPUT,
				     "%s and %s are runs of different matrices (%s and %s); their cells do not add "
				     "up to one matrix",
				     m->o->runs[0], m->o->runs[i], a->matrix, b->matrix);
		}
	}
	return 0;
}

static int check_shards(const struct merge_ctx *m)
{
	const struct runfile *a = &m->runs[0];
	size_t n = a->shard.count;
	unsigned char *have;
	struct strbuf missing = { NULL, 0, 0 };

	for (size_t i = 0; i < m->o->nruns; i++) {
		const struct runfile *b = &m->runs[i];

		if ((a->shard.count == 0) != (b->shard.count == 0))
			return error(EC_EXIT_INPUT,
				     "%s is %s and %s %s: merge the shards of one split, or runs "
				     "that are not shards",
				     m->o->runs[0], a->shard.count ? "a shard" : "not a shard", m->o->runs[i],
				     b->shard.count ? "is" : "is not");
		if (n && (b->shard.count != n || strcmp(b->shard.of, a->shard.of) != 0))
			return error(EC_EXIT_INPUT,
				     "%s is shard %zu/%zu of cells %.12s, %s shard %zu/%zu of cells %.12s: shards of "
				     "different splits (another --shard N or other --only filters) do not merge",
				     m->o->runs[0], a->shard.index, n, a->shard.of, m->o->runs[i], b->shard.index,
				     b->shard.count, b->shard.of);
	}
	if (!n)
		return 0;
	have = xcalloc(n + 1, 1);
	for (size_t i = 0; i < m->o->nruns; i++)
		have[m->runs[i].shard.index - 1] = 1;
	for (size_t s = 0; s < n; s++)
		if (!have[s])
			strbuf_addf(&missing, "%s%zu/%zu", missing.len ? ", " : "", s + 1, n);
	free(have);
	if (missing.len && !m->o->partial) {
		error(EC_EXIT_INPUT,
		      "shard %s missing: pass the run directory of every shard "
		      "(or --partial to merge what is there)",
		      missing.buf);
		strbuf_release(&missing);
		return -1;
	}
	if (missing.len)
		fprintf(stderr, "emcompat merge: warning: shard %s missing: the merged run lacks its cells\n",
			missing.buf);
	strbuf_release(&missing);
	return 0;
}

struct pick {
	const struct runfile_cell *c;
	size_t run, pos;
	int dropped;
};

static int cmp_pick_id(const void *a, const void *b)
{
	const struct pick *x = *(const struct pick *const *)a, *y = *(const struct pick *const *)b;
	int c = strcmp(x->c->id, y->c->id);

	if (c)
		return c;
	return x->run != y->run ? (x->run < y->run ? -1 : 1) : (x->pos > y->pos) - (x->pos < y->pos);
}

/* Matrix order: by index (cells without one last), then argument order. */
static int cmp_pick_order(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;
	long ix = x->c->index < 0 ? LONG_MAX : x->c->index, iy = y->c->index < 0 ? LONG_MAX : y->c->index;

	if (ix != iy)
		return ix < iy ? -1 : 1;
	if (x->run != y->run)
		return x->run < y->run ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static void put_result(struct strbuf *sb, const struct runfile_cell *c)
{
	strbuf_addstr(sb, cell_status_name(c->status));
	if (c->cls)
		strbuf_addf(sb, " (%s)", c->cls);
}

/* Every run's cells in matrix order, each id once; refuses an id with two results. */
static int collect_cells(const struct merge_ctx *m, struct pick **out, size_t *nout)
{
	size_t n = 0, k = 0;
	struct pick *picks, **by_id;
	int rc = 0;

	for (size_t r = 0; r < m->o->nruns; r++)
		n += m->runs[r].ncells;
	picks = xcalloc(n + 1, sizeof(*picks));
	for (size_t r = 0; r < m->o->nruns; r++)
		for (size_t i = 0; i < m->runs[r].ncells; i++)
			picks[k++] = (struct pick){ &m->runs[r].cells[i], r, i, 0 };
	by_id = xcalloc(n + 1, sizeof(*by_id));
	for (size_t i = 0; i < n; i++)
		by_id[i] = &picks[i];
	qsort(by_id, n, sizeof(*by_id), cmp_pick_id);
	/* by_id groups equal ids, the first run's first: it is the one kept. */
	for (size_t i = 0, g = 0; i < n && rc == 0; i++) {
		const struct pick *first = by_id[g];

		if (i == 0 || strcmp(first->c->id, by_id[i]->c->id) != 0) {
			g = i;
			continue;
		}
		if (first->c->status != by_id[i]->c->status || !same_str(first->c->cls, by_id[i]->c->cls)) {
			struct strbuf sb = { NULL, 0, 0 };

			put_result(&sb, first->c);
			strbuf_addf(&sb, " in %s, ", m->o->runs[first->run]);
			put_result(&sb, by_id[i]->c);
			strbuf_addf(&sb, " in %s", m->o->runs[by_id[i]->run]);
			rc = error(EC_EXIT_INPUT,
				   "cell %s is in two runs with different results (%s): which one "
				   "holds cannot be told; merge runs of one build on one set of toolchains",
				   first->c->id, sb.buf);
			strbuf_release(&sb);
		}
		by_id[i]->dropped = 1;
	}
	free(by_id);
	if (rc) {
		free(picks);
		return -1;
	}
	qsort(picks, n, sizeof(*picks), cmp_pick_order);
	*out = picks;
	*nout = n;
	return 0;
}

/* The toolchains of every run: {"kind":{"version":{identity}}}. */
static cJSON *merged_toolchains(const struct merge_ctx *m)
{
	cJSON *out = cJSON_CreateObject();

	for (size_t r = 0; r < m->o->nruns; r++) {
		const cJSON *kind, *ver;

		cJSON_ArrayForEach (kind, m->runs[r].toolchains) {
			cJSON *into = cJSON_GetObjectItemCaseSensitive(out, kind->string);

			if (!cJSON_IsObject(kind))
				continue;
			if (!into)
				into = cJSON_AddObjectToObject(out, kind->string);
			cJSON_ArrayForEach (ver, kind) {
				const cJSON *had = cJSON_GetObjectItemCaseSensitive(into, ver->string);

				if (!had)
					cJSON_AddItemToObject(into, ver->string, cJSON_Duplicate(ver, 1));
				else if (!cJSON_Compare(had, ver, 1))
					fprintf(stderr,
						"emcompat merge: warning: %s %s is identified differently in %s; "
						"keeping the identity of an earlier run\n",
						kind->string, ver->string, m->o->runs[r]);
			}
		}
	}
	return out;
}

static cJSON *run_object(const struct merge_ctx *m)
{
	const struct runfile *first = &m->runs[0];
	const char *started = first->started, *finished = first->finished;
	double wall = 0;
	int jobs = 0;
	char id[64];
	cJSON *run = cJSON_CreateObject(), *merged;

	for (size_t r = 0; r < m->o->nruns; r++) {
		const struct runfile *rf = &m->runs[r];

		/* ISO 8601 UTC strings of one format order as the times do. */
		if (strcmp(rf->started, started) < 0)
			started = rf->started;
		if (strcmp(rf->finished, finished) > 0)
			finished = rf->finished;
		if (rf->wall_seconds > wall)
			wall = rf->wall_seconds;
		if (rf->jobs > jobs)
			jobs = rf->jobs;
	}
	snprintf(id, sizeof(id), "merge-%ld-%d", (long)time(NULL), (int)getpid());
	cJSON_AddStringToObject(run, "id", id);
	cJSON_AddStringToObject(run, "matrix", first->matrix);
	if (first->name)
		cJSON_AddStringToObject(run, "name", first->name);
	cJSON_AddStringToObject(run, "started", started);
	cJSON_AddStringToObject(run, "finished", finished);
	cJSON_AddNumberToObject(run, "wall_seconds", wall);
	cJSON_AddNumberToObject(run, "jobs", jobs);
	cJSON_AddStringToObject(run, "emcompat", EMCOMPAT_VERSION);
	if (first->matrix_digest)
		cJSON_AddStringToObject(run, "matrix_digest", first->matrix_digest);
	merged = cJSON_AddArrayToObject(run, "merged");
	for (size_t r = 0; r < m->o->nruns; r++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "id", m->runs[r].id);
		cJSON_AddStringToObject(e, "dir", m->runs[r].dir);
		if (m->runs[r].shard.json)
			cJSON_AddItemToObject(e, "shard", cJSON_Duplicate(m->runs[r].shard.json, 1));
		cJSON_AddItemToArray(merged, e);
	}
	return run;
}

struct kept_cells {
	const struct merge_ctx *m;
	const struct pick **kept;
};

static cJSON *kept_cell(void *arg, size_t i)
{
	const struct kept_cells *k = arg;

	return runfile_cell_json(&k->m->runs[k->kept[i]->run], k->kept[i]->c);
}

static int write_results(const struct merge_ctx *m, struct merge_result *res)
{
	cJSON *root = cJSON_CreateObject(), *counts;
	struct pick *picks = NULL;
	struct kept_cells k = { m, NULL };
	size_t n = 0;
	char *path;
	int rc;

	if (collect_cells(m, &picks, &n)) {
		cJSON_Delete(root);
		return -1;
	}
	cJSON_AddStringToObject(root, "schema", "emcompat-results/1");
	cJSON_AddItemToObject(root, "run", run_object(m));
	cJSON_AddItemToObject(root, "toolchains", merged_toolchains(m));
	counts = cJSON_AddObjectToObject(root, "counts");
	k.kept = xcalloc(n + 1, sizeof(*k.kept));
	for (size_t i = 0; i < n; i++) {
		if (picks[i].dropped)
			continue;
		k.kept[res->cells++] = &picks[i];
		res->counts[picks[i].c->status]++;
	}
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		cJSON_AddNumberToObject(counts, cell_status_name(s), (double)res->counts[s]);
	cJSON_AddArrayToObject(root, "cells");
	path = xasprintf("%s/results.json", m->o->out_dir);
	rc = results_write_file(path, root, res->cells, kept_cell, &k);
	free(path);
	free(k.kept);
	free(picks);
	return rc;
}

/* Hard-links (else copies) the files of FROM/logs into TO/logs, keeping files already there. */
static int merge_logs(const char *from, const char *to)
{
	char *src_dir = xasprintf("%s/logs", from);
	DIR *d = opendir(src_dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		free(src_dir);
		return 0;  /* a run whose nodes all came from its journal may have none */
	}
	while (rc == 0 && (e = readdir(d))) {
		char *src, *dst, *data;
		size_t len;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		src = xasprintf("%s/%s", src_dir, e->d_name);
		dst = xasprintf("%s/logs/%s", to, e->d_name);
		if (stat(src, &st) == 0 && S_ISREG(st.st_mode) && access(dst, F_OK) != 0 && link(src, dst) != 0) {
			if (read_file(src, &data, &len) == 0) {
				rc = write_file_atomic(dst, data, len, 0644);
				free(data);
			} else {
				rc = -1;
			}
		}
		free(src);
		free(dst);
	}
	closedir(d);
	free(src_dir);
	return rc;
}

static int merge_journals(const struct merge_ctx *m)
{
	struct strbuf all = { NULL, 0, 0 };
	char *path;
	int rc = 0;

	for (size_t r = 0; r < m->o->nruns && rc == 0; r++) {
		char *src = xasprintf("%s/journal.jsonl", m->runs[r].dir), *data;
		size_t len;

		if (access(src, F_OK) == 0) {
			rc = read_file(src, &data, &len);
			if (rc == 0) {
				strbuf_add(&all, data, len);
				/* A torn last record must not glue onto the next run's first. */
				if (len && data[len - 1] != '\n')
					strbuf_addch(&all, '\n');
				free(data);
			}
		}
		free(src);
	}
	path = xasprintf("%s/journal.jsonl", m->o->out_dir);
	if (rc == 0)
		rc = write_file_atomic(path, strbuf_str(&all), all.len, 0644);
	free(path);
	strbuf_release(&all);
	return rc;
}

/* The history's key of the runs' matrix (history.h): its digest, else its path. */
static const char *history_key(struct merge_ctx *m)
{
	const struct runfile *rf = &m->runs[0];

	if (rf->matrix_digest)
		return rf->matrix_digest;
	if (!m->path_key)
		m->path_key = xasprintf("path:%s", rf->matrix);
	return m->path_key;
}

/* With a history and no baseline, the last recorded run of the matrix is the baseline. */
static int history_baseline(struct merge_ctx *m, struct merge_result *res)
{
	if (!m->o->history || m->o->baseline)
		return 0;
	if (history_last_run_dir(m->o->history, history_key(m), &res->baseline_tmp, &res->baseline_label) < 0)
		return -1;
	return 0;
}

int merge_runs(const struct merge_opts *o, struct merge_result *res)
{
	struct merge_ctx m;
	char *existing = xasprintf("%s/results.json", o->out_dir), *journal = xasprintf("%s/journal.jsonl", o->out_dir);
	char *logs = xasprintf("%s/logs", o->out_dir);
	struct classify_table *classes = NULL;
	int rc = -1;

	memset(res, 0, sizeof(*res));
	memset(&m, 0, sizeof(m));
	m.o = o;
	m.runs = xcalloc(o->nruns + 1, sizeof(*m.runs));
	if (o->nruns == 0) {
		error(EC_EXIT_INPUT, "nothing to merge: name the run directories of the shards");
		goto out;
	}
	if (access(existing, F_OK) == 0 || access(journal, F_OK) == 0) {
		error(EC_EXIT_INPUT, "%s already holds a run: merge into a new directory", o->out_dir);
		goto out;
	}
	for (; m.loaded < o->nruns; m.loaded++)
		if (runfile_load(&m.runs[m.loaded], o->runs[m.loaded]))
			goto out;
	if (o->baseline && runfile_check(o->baseline))
		goto out;
	if (check_matrices(&m) || check_shards(&m) || mkdir_p(logs))
		goto out;
	if (write_results(&m, res))
		goto out;
	for (size_t r = 0; r < o->nruns; r++)
		if (merge_logs(m.runs[r].dir, o->out_dir))
			goto out;
	if (merge_journals(&m) || history_baseline(&m, res) ||
	    report_runs_load(&res->reports, o->out_dir, o->baseline ? o->baseline : res->baseline_tmp))
		goto out;
	res->have_reports = 1;
	if (res->baseline_label) {
		/* The temp dir goes with the result: what is shown names the history's run. */
		res->reports.baseline_dir = res->baseline_label;
		free(res->reports.base.dir);
		res->reports.base.dir = xstrdup(res->baseline_label);
		res->reports.baseline_night = 1;
	}
	if (res->reports.baseline_dir)
		res->regressed = res->reports.diff.counts[DIFF_REGRESSED];
	if (o->history && history_nights(o->history, history_key(&m), 13, &res->nights) < 0)
		goto out;
	if (res->nights.json)
		res->reports.nights = &res->nights;
	/* Without the class table the reports still stand; they only lose the explanations. */
	if (classify_load(&classes, NULL))
		error_clear();
	if (report_runs_write(&res->reports, classes))
		goto out;
	rc = 0;
out:
	classify_free(classes);
	for (size_t r = 0; r < m.loaded; r++)
		runfile_release(&m.runs[r]);
	free(m.runs);
	free(m.path_key);
	free(existing);
	free(journal);
	free(logs);
	return rc;
}

void merge_result_release(struct merge_result *res)
{
	int had = error_pending();

	if (res->have_reports)
		report_runs_release(&res->reports);
	res->have_reports = 0;
	history_nights_release(&res->nights);
	/* A temp dir that will not go is no reason to fail, nor to hide the error that ended the merge. */
	if (res->baseline_tmp && remove_tree(res->baseline_tmp) && !had)
		error_clear();
	free(res->baseline_tmp);
	free(res->baseline_label);
	res->baseline_tmp = res->baseline_label = NULL;
}
