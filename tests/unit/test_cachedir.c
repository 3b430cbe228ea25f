/*
 * The cache dir's inventory and gc over a synthetic cache: nodes/ holding
 * the nodes of a small matrix's plan and some no plan has, cargo-target/
 * dirs with and without their std node. Collection by matrix, by age, by
 * runs, by a size budget (least recently used first), --dry-run, and the
 * cache lock held by a run (refused, nothing removed). Also a node's
 * intermediates dropped once recorded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/cache.h"
#include "emcompat/cachedir.h"
#include "emcompat/error.h"
#include "emcompat/plan.h"
#include "emcompat/stages.h"
#include "emcompat/util.h"

static char root[] = "/tmp/test_cachedir.XXXXXX";
static const double now = 2e9;

static const char matrix_text[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],"
				  "\"probe\":[\"add\"],\"loader\":[\"emcc-main\"]}}";

/* A node dir NAME under CACHE with KB kilobytes of data, used by run RUN at time T. */
static void make_node(const char *cache, const char *name, size_t kb, unsigned long run, double t)
{
	char *dir = xasprintf("%s/nodes/%s", cache, name), *data = xasprintf("%s/out", dir);
	char *buf = xcalloc(kb ? kb * 1024 : 1, 1);

	CHECK_INT(mkdir_p(dir), 0);
	CHECK_INT(write_file_atomic(data, buf, kb * 1024, 0644), 0);
	CHECK_INT(cache_mark_used(dir, run, t), 0);
	free(buf);
	free(data);
	free(dir);
}

static int exists(const char *cache, const char *sub)
{
	char *path = xasprintf("%s/%s", cache, sub);
	int ok = access(path, F_OK) == 0;

	free(path);
	return ok;
}

static char *node_name(const struct plan *p, size_t n)
{
	char hex[2 * PLAN_KEY_SIZE + 1];

	plan_key_hex(p->nodes[n].key, hex);
	return xasprintf("%s-%s", stage_name(p->nodes[n].stage), hex);
}

static const char unplanned[] = "std-00000000000000000000000000000000000000000000000000000000000000aa";

/* A fresh cache CACHE: the plan's nodes (used by run 5 at NOW), one unplanned node, targets. */
static void make_cache(const char *cache, const struct plan *p, char ***names)
{
	char *path;

	path = xasprintf("%s/nodes", cache);
	CHECK_INT(remove_tree(cache), 0);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
	path = xasprintf("%s/nodes/.runs", cache);
	CHECK_INT(write_file_atomic(path, "6\n", 2, 0644), 0);
	free(path);
	*names = xcalloc(p->nnodes, sizeof(**names));
	for (size_t n = 0; n < p->nnodes; n++) {
		(*names)[n] = node_name(p, n);
		make_node(cache, (*names)[n], 8, 5, now - 60);
	}
	make_node(cache, unplanned, 8, 5, now - 60);
	for (size_t n = 0; n < p->nnodes; n++)
		if (p->nodes[n].stage == STAGE_STD) {
			path = xasprintf("%s/cargo-target/%s-pyo3-0.22/debug", cache, (*names)[n]);
			CHECK_INT(mkdir_p(path), 0);
			free(path);
			path = xasprintf("%s/cargo-target/%s-crates-chrono_0_4_19/debug", cache, (*names)[n]);
			CHECK_INT(mkdir_p(path), 0);
			free(path);
		}
	path = xasprintf("%s/cargo-target/%s-pyo3-0.22", cache, unplanned);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
	path = xasprintf("%s/toolchainless/x", cache);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static size_t removed_with(const struct cachedir_gc_result *res, const char *why)
{
	size_t n = 0;

	for (size_t i = 0; i < res->nremoved; i++)
		n += strcmp(res->removed[i].why, why) == 0;
	return n;
}

static int was_removed(const struct cachedir_gc_result *res, const char *name)
{
	for (size_t i = 0; i < res->nremoved; i++)
		if (strstr(res->removed[i].path, name))
			return 1;
	return 0;
}

static struct cachedir_gc_opts opts(const struct plan *const *plans)
{
	struct cachedir_gc_opts o;

	memset(&o, 0, sizeof(o));
	o.plans = plans;
	o.nplans = 1;
	o.unused_days = -1;
	o.unused_runs = -1;
	o.max_size = -1;
	o.now = now;
	return o;
}

static void test_gc(const struct plan *p)
{
	const struct plan *plans[] = { p };
	char *cache = xasprintf("%s/cache", root), *unplanned_dir = xasprintf("nodes/%s", unplanned), **names;
	char *target_dir, *crates_dir;
	struct cachedir_gc_result res;
	struct cachedir_gc_opts o;
	struct cachedir_usage u;
	size_t std_node = 0;
	int fd;
	char *src_target;

	for (size_t n = 0; n < p->nnodes; n++)
		if (p->nodes[n].stage == STAGE_STD)
			std_node = n;

	/* By matrix, dry run: says what would go, removes nothing. */
	make_cache(cache, p, &names);
	target_dir = xasprintf("cargo-target/%s-pyo3-0.22", names[std_node]);
	crates_dir = xasprintf("cargo-target/%s-crates-chrono_0_4_19", names[std_node]);
	/* A source package's target dir: its std node's too. */
	src_target = xasprintf("%s/cargo-target/%s-py3.14-rpds-py/release", cache, names[std_node]);
	CHECK_INT(mkdir_p(src_target), 0);
	o = opts(plans);
	o.dry_run = 1;
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK_INT(removed_with(&res, "not planned"), 2);  /* the node and its target */
	CHECK_INT(res.kept_nodes, p->nnodes);
	CHECK(exists(cache, unplanned_dir));
	cachedir_gc_result_release(&res);

	/* By matrix: the unplanned node and its target go, what the plan has stays. */
	o.dry_run = 0;
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK_INT(res.nremoved, 2);
	CHECK(!exists(cache, unplanned_dir));
	for (size_t n = 0; n < p->nnodes; n++) {
		char *sub = xasprintf("nodes/%s", names[n]);

		CHECK(exists(cache, sub));
		free(sub);
	}
	CHECK(exists(cache, target_dir));
	/* A crates probe's target dir (stages.h) belongs to its std node too. */
	CHECK(exists(cache, crates_dir));
	CHECK(access(src_target, F_OK) == 0);
	CHECK(exists(cache, "toolchainless/x"));
	cachedir_gc_result_release(&res);

	/* The inventory counts what is left, by stage. */
	CHECK_INT(cachedir_usage(cache, &u), 0);
	CHECK_INT(u.runs, 6);
	for (size_t i = 0; i < u.nparts; i++) {
		if (strcmp(u.parts[i].group, "nodes") == 0 && strcmp(u.parts[i].name, "std") == 0) {
			CHECK_INT(u.parts[i].count, p->count[STAGE_STD]);
			CHECK(u.parts[i].bytes >= 8 * 1024);
		}
		if (strcmp(u.parts[i].group, "cargo-target") == 0)
			CHECK_INT(u.parts[i].count, 3); /* the std node's pyo3, crates and source package dirs */
	}
	cachedir_usage_release(&u);

	/* By age: a node last used 40 days ago goes with --unused-days 30, its targets with it. */
	free_names(names, p->nnodes);
	make_cache(cache, p, &names);
	{
		char *dir = xasprintf("%s/nodes/%s", cache, names[std_node]);

		CHECK_INT(cache_mark_used(dir, 5, now - 40 * 86400), 0);
		free(dir);
	}
	o = opts(plans);
	o.unused_days = 30;
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK_INT(removed_with(&res, "unused"), 3);  /* the node and its two targets */
	CHECK(!exists(cache, target_dir));
	CHECK(!exists(cache, crates_dir));
	CHECK_INT(res.kept_nodes, p->nnodes - 1);
	cachedir_gc_result_release(&res);

	/* By runs: .runs is 6; a node last used by run 1 is 5 runs old. */
	free_names(names, p->nnodes);
	make_cache(cache, p, &names);
	{
		char *dir = xasprintf("%s/nodes/%s", cache, names[p->nnodes - 1]);  /* a run node */

		CHECK_INT(cache_mark_used(dir, 1, now), 0);
		free(dir);
	}
	o = opts(plans);
	o.nplans = 0;
	o.unused_runs = 5;
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK_INT(removed_with(&res, "unused"), 1);
	CHECK_INT(res.kept_nodes, p->nnodes);  /* with the unplanned one: no plan rule */
	cachedir_gc_result_release(&res);

	/* By size: the least recently used go first, until what is left fits. */
	free_names(names, p->nnodes);
	make_cache(cache, p, &names);
	make_node(cache, names[1], 256, 5, now - 300);
	make_node(cache, names[2], 256, 5, now - 200);
	o = opts(plans);
	o.max_size = 400 * 1024;
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK_INT(removed_with(&res, "over budget"), 1);
	CHECK(was_removed(&res, names[1]));
	CHECK(res.kept_bytes <= (unsigned long long)o.max_size);
	{
		char *sub = xasprintf("nodes/%s", names[2]);

		CHECK(exists(cache, sub));
		free(sub);
	}
	cachedir_gc_result_release(&res);

	/* A run holds the cache: refused with EC_EXIT_BUSY, nothing removed. */
	free_names(names, p->nnodes);
	make_cache(cache, p, &names);
	{
		char *nodes = xasprintf("%s/nodes", cache);

		CHECK_INT(cache_lock(nodes, &fd, NULL, NULL), 0);
		free(nodes);
	}
	o = opts(plans);
	error_clear();
	CHECK_INT(cachedir_gc(cache, &o, &res), -1);
	CHECK_INT(error_code(), EC_EXIT_BUSY);
	CHECK(strstr(error_message(), "a run is using this cache") != NULL);
	CHECK_INT(res.nremoved, 0);
	CHECK(exists(cache, unplanned_dir));
	error_clear();
	close(fd);
	cachedir_gc_result_release(&res);

	free_names(names, p->nnodes);
	free(target_dir);
	free(crates_dir);
	free(src_target);
	free(unplanned_dir);
	free(cache);
}

/* A std node drops work/ and keeps its sysroot and logs; last use is recorded and read back. */
static void test_drop_and_used(void)
{
	char *dir = xasprintf("%s/nodes/std-x", root), *path;
	unsigned long run;
	double t;

	path = xasprintf("%s/work/target/x", dir);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
	path = xasprintf("%s/sysroot/lib", dir);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
	path = xasprintf("%s/logs", dir);
	CHECK_INT(mkdir_p(path), 0);
	free(path);
	CHECK_INT(cache_drop(dir, stages_intermediates(STAGE_STD)), 0);
	path = xasprintf("%s/work", dir);
	CHECK(access(path, F_OK) != 0);
	free(path);
	path = xasprintf("%s/sysroot/lib", dir);
	CHECK(access(path, F_OK) == 0);
	free(path);
	path = xasprintf("%s/logs", dir);
	CHECK(access(path, F_OK) == 0);
	free(path);
	CHECK(stages_intermediates(STAGE_LINK) == NULL);

	cache_last_used(dir, &run, &t);
	CHECK_INT(run, 0);  /* never marked: the dir's time */
	CHECK(t > 0);
	CHECK_INT(cache_mark_used(dir, 7, 1234567), 0);
	cache_last_used(dir, &run, &t);
	CHECK_INT(run, 7);
	CHECK(t == 1234567);
	{
		char *nodes = xasprintf("%s/nodes", root);

		CHECK_INT(cache_count_run(nodes, &run), 0);
		CHECK_INT(run, 1);
		CHECK_INT(cache_count_run(nodes, &run), 0);
		CHECK_INT(cache_runs(nodes), 2);
		free(nodes);
	}
	free(dir);
}

static const char sdist_matrix[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"6.0.5\"],"
				   "\"probe\":[\"pkgone\"],\"loader\":[\"pyodide-0.29.5\"]},"
				   "\"packages\":{\"pkgone\":{\"pypi\":\"pkgone==1.0\",\"build\":\"source\","
				   "\"import\":\"pkgone\",\"checks\":[{\"name\":\"one\",\"py\":\"1\","
				   "\"expect\":\"1\"}]}}}";

static void write_text(const char *cache, const char *sub, const char *text)
{
	char *path = xasprintf("%s/%s", cache, sub);

	CHECK_INT(write_file_atomic(path, text, strlen(text), 0644), 0);
	free(path);
}

static void make_dir(const char *cache, const char *sub)
{
	char *path = xasprintf("%s/%s", cache, sub);

	CHECK_INT(mkdir_p(path), 0);
	free(path);
}

/*
 * The sdist store goes with the nodes: a planned package's record and its
 * dir stay, so do a record and dir a kept build node names; a record no
 * plan or node uses goes before its dir, and so does what an unfinished
 * fetch left; lock dirs go when no plan builds a path project.
 */
static void test_gc_sdists(void)
{
	const char *a = "aa00000000000000000000000000000000000000000000000000000000000000";
	const char *b = "bb00000000000000000000000000000000000000000000000000000000000000";
	const char *c = "cc00000000000000000000000000000000000000000000000000000000000000";
	char *cache = xasprintf("%s/sdcache", root), **names, *text, *sub, *record_at = NULL, *dir_at = NULL;
	const struct plan *plans[1];
	struct cachedir_gc_result res;
	struct cachedir_gc_opts o;
	struct matrix m;
	struct plan p;
	size_t build = 0;

	if (matrix_parse(&m, "sd.json", sdist_matrix, strlen(sdist_matrix)) || plan_build(&p, &m)) {
		CHECK_STR(error_message(), "");
		return;
	}
	plans[0] = &p;
	make_cache(cache, &p, &names);
	for (size_t n = 0; n < p.nnodes; n++)
		if (p.nodes[n].stage == STAGE_COMPILE && p.nodes[n].package)
			build = n + 1;
	CHECK(build > 0);
	make_dir(cache, "sdists");
	write_text(cache, "sdists/.lock", "");
	const char *const records[][2] = { { "pkgone-1.0.json", a }, { "older-2.0.json", b }, { "gone-3.0.json", c } };
	for (size_t i = 0; i < 3; i++) {
		text = xasprintf("{\"sha256\": \"%s\", \"file\": \"x.tar.gz\"}", records[i][1]);
		sub = xasprintf("sdists/%s", records[i][0]);
		write_text(cache, sub, text);
		free(sub);
		free(text);
		sub = xasprintf("sdists/%s/vendor", records[i][1]);
		make_dir(cache, sub);
		free(sub);
	}
	make_dir(cache, "sdists/.fetch-x1y2/store");
	make_dir(cache, "sdists/lock-dd00/vendor");
	/* The build node was built from older-2.0's sdist (a matrix since changed its version). */
	text = xasprintf("{\"sdist\": {\"sha256\": \"%s\"}, \"module\": \"pkgone\"}", b);
	sub = xasprintf("nodes/%s/build.json", names[build - 1]);
	write_text(cache, sub, text);
	free(sub);
	free(text);

	o = opts(plans);
	CHECK_INT(cachedir_gc(cache, &o, &res), 0);
	CHECK(exists(cache, "sdists/.lock"));
	CHECK(exists(cache, "sdists/pkgone-1.0.json"));
	CHECK(exists(cache, "sdists/aa00000000000000000000000000000000000000000000000000000000000000/vendor"));
	CHECK(exists(cache, "sdists/older-2.0.json"));
	CHECK(exists(cache, "sdists/bb00000000000000000000000000000000000000000000000000000000000000/vendor"));
	CHECK(!exists(cache, "sdists/gone-3.0.json"));
	CHECK(!exists(cache, "sdists/cc00000000000000000000000000000000000000000000000000000000000000"));
	CHECK(!exists(cache, "sdists/.fetch-x1y2"));
	CHECK(!exists(cache, "sdists/lock-dd00"));
	CHECK_INT(removed_with(&res, "no plan or node uses it"), 3);
	CHECK_INT(removed_with(&res, "an unfinished fetch"), 1);
	for (size_t i = 0; i < res.nremoved; i++) {
		if (strcmp(res.removed[i].path, "sdists/gone-3.0.json") == 0)
			record_at = res.removed[i].path;
		if (strcmp(res.removed[i].path,
			   "sdists/cc00000000000000000000000000000000000000000000000000000000000000") == 0)
			dir_at = res.removed[i].path;
	}
	CHECK(record_at && dir_at && record_at < dir_at);
	cachedir_gc_result_release(&res);
	free_names(names, p.nnodes);
	plan_release(&p);
	matrix_release(&m);
	free(cache);
}

int main(void)
{
	struct matrix m;
	struct plan p;

	if (!mkdtemp(root))
		return 1;
	if (matrix_parse(&m, "t.json", matrix_text, strlen(matrix_text)) || plan_build(&p, &m)) {
		fprintf(stderr, "matrix: %s\n", error_message());
		return 1;
	}
	test_gc(&p);
	test_gc_sdists();
	test_drop_and_used();
	plan_release(&p);
	matrix_release(&m);
	remove_tree(root);
	return check_done();
}
