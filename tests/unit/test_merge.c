/* Merge: shard runs joined in matrix order; toolchains, logs and journals; refusals. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/merge.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

static char root[] = "/tmp/emcompat-test-merge-XXXXXX";

/* A cell object: id "p=NAME", matrix INDEX, STATUS (and CLASS when failed). */
static char *cell(const char *name, int index, const char *status, const char *cls)
{
	return xasprintf("{\"id\":\"p=%s\",\"index\":%d,\"axes\":{\"p\":\"%s\"},\"status\":\"%s\"%s%s%s,"
			 "\"stages\":[{\"stage\":\"run\",\"node\":\"run-%s\",\"status\":\"%s\",\"log\":\"logs/"
			 "run-%s.stderr.log\"}]}",
			 name, index, name, status, cls ? ",\"class\":\"" : "", cls ? cls : "", cls ? "\"" : "", name,
			 status, name);
}

/* Writes ROOT/DIR: results.json (shard I/N of digest OF, or not a shard when N is 0), a log, a journal. */
static void make_run(const char *dir, const char *digest, int i, int n, const char *toolchains, const char *cells,
		     const char *log_name)
{
	char *path = xasprintf("%s/%s", root, dir), *file, *text, *shard;

	CHECK_INT(mkdir_p(path), 0);
	shard = n ? xasprintf(",\"shard\":{\"index\":%d,\"count\":%d,\"of\":\"cells-1\",\"cells\":5,\"grouping\":"
			      "\"std\"}",
			      i, n)
		  : xstrdup("");
	text = xasprintf(
		"{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"%s\",\"matrix\":\"m.json\","
		"\"started\":\"2026-11-27T0%d:00:00Z\",\"finished\":\"2026-11-27T0%d:30:00Z\",\"wall_seconds\":%d,"
		"\"jobs\":2,\"matrix_digest\":\"%s\"%s},\"toolchains\":%s,\"cells\":[%s]}",
		dir, i, i, 100 * i, digest, shard, toolchains, cells);
	file = xasprintf("%s/results.json", path);
	CHECK_INT(write_file_atomic(file, text, strlen(text), 0644), 0);
	free(file);
	free(text);
	file = xasprintf("%s/logs", path);
	CHECK_INT(mkdir_p(file), 0);
	free(file);
	file = xasprintf("%s/logs/%s", path, log_name);
	CHECK_INT(write_file_atomic(file, dir, strlen(dir), 0644), 0);
	free(file);
	file = xasprintf("%s/journal.jsonl", path);
	text = xasprintf("{\"node\":\"%s\"}\n", dir);
	CHECK_INT(write_file_atomic(file, text, strlen(text), 0644), 0);
	free(text);
	free(file);
	free(shard);
	free(path);
}

static int merge(const char *out, const char *const *runs, size_t n, int partial, struct merge_result *res)
{
	char *dirs[8], *out_dir = xasprintf("%s/%s", root, out);
	struct merge_opts o = { out_dir, (const char *const *)dirs, n, partial, NULL, NULL };
	int rc;

	for (size_t i = 0; i < n; i++)
		dirs[i] = xasprintf("%s/%s", root, runs[i]);
	error_clear();
	rc = merge_runs(&o, res);
	/* The counts stay; the reports read back are not needed here. */
	merge_result_release(res);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(out_dir);
	return rc;
}

static void setup(void)
{
	char *c0 = cell("a", 0, "pass", NULL), *c1 = cell("b", 1, "fail", "x"), *c2 = cell("c", 2, "pass", NULL);
	char *c3 = cell("d", 3, "fail", "y"), *c4 = cell("e", 4, "pass", NULL), *c4f = cell("e", 4, "fail", "z");
	char *s1 = xasprintf("%s,%s,%s", c0, c2, c4), *s2 = xasprintf("%s,%s", c1, c3);
	char *s2b = xasprintf("%s,%s,%s", c1, c3, c4), *s2c = xasprintf("%s,%s,%s", c1, c3, c4f);

	CHECK(mkdtemp(root) != NULL);
	make_run("s1", "m-1", 1, 2, "{\"rust\":{\"1.96\":{\"llvm\":\"22\"}}}", s1, "run-a.stderr.log");
	make_run("s2", "m-1", 2, 2, "{\"rust\":{\"1.63\":{\"llvm\":\"14\"}},\"node\":{\"20\":{}}}", s2,
		 "run-b.stderr.log");
	/* s2 again, overlapping s1 on cell e with the same result, then with another. */
	make_run("s2same", "m-1", 2, 2, "{}", s2b, "run-b.stderr.log");
	make_run("s2other", "m-1", 2, 2, "{}", s2c, "run-b.stderr.log");
	make_run("three", "m-1", 1, 3, "{}", s1, "run-a.stderr.log");
	make_run("whole", "m-1", 1, 0, "{}", s1, "run-a.stderr.log");
	make_run("othermatrix", "m-2", 2, 2, "{}", s2, "run-b.stderr.log");
	{
		char *made[] = { c0, c1, c2, c3, c4, c4f, s1, s2, s2b, s2c };

		for (size_t i = 0; i < sizeof(made) / sizeof(*made); i++)
			free(made[i]);
	}
}

static void test_merge(void)
{
	static const char *const runs[] = { "s2", "s1" };
	struct merge_result res;
	struct runfile rf;
	char *path, *text;
	size_t len;

	CHECK_INT(merge("out", runs, 2, 0, &res), 0);
	CHECK_INT(res.cells, 5);
	CHECK_INT(res.counts[CELL_PASS], 3);
	CHECK_INT(res.counts[CELL_FAIL], 2);
	path = xasprintf("%s/out", root);
	CHECK_INT(runfile_load(&rf, path), 0);
	CHECK_INT(rf.ncells, 5);
	/* Matrix order, whatever the order of the runs. */
	for (size_t i = 0; i < rf.ncells; i++)
		CHECK_INT(rf.cells[i].index, (long)i);
	CHECK_STR(rf.cells[1].cls, "x");
	CHECK_STR(rf.matrix_digest, "m-1");
	CHECK_INT(rf.shard.count, 0);          /* the merged run is whole */
	CHECK_STR(rf.started, "2026-11-27T01:00:00Z");
	CHECK_STR(rf.finished, "2026-11-27T02:30:00Z");
	CHECK(rf.wall_seconds == 200);
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(rf.run, "merged")), 2);
	CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(rf.toolchains, "rust"), "1.96") != NULL);
	CHECK(cJSON_GetObjectItem(cJSON_GetObjectItem(rf.toolchains, "rust"), "1.63") != NULL);
	CHECK(cJSON_GetObjectItem(rf.toolchains, "node") != NULL);
	runfile_release(&rf);
	free(path);
	/* Logs of both runs; journals one after the other, in argument order. */
	path = xasprintf("%s/out/logs/run-a.stderr.log", root);
	CHECK(access(path, F_OK) == 0);
	free(path);
	path = xasprintf("%s/out/logs/run-b.stderr.log", root);
	CHECK(access(path, F_OK) == 0);
	free(path);
	path = xasprintf("%s/out/journal.jsonl", root);
	CHECK_INT(read_file(path, &text, &len), 0);
	CHECK_STR(text, "{\"node\":\"s2\"}\n{\"node\":\"s1\"}\n");
	free(text);
	free(path);
	path = xasprintf("%s/out/summary.md", root);
	CHECK(access(path, F_OK) == 0);
	free(path);
	/* Not again into the same directory. */
	CHECK_INT(merge("out", runs, 2, 0, &res), -1);
	CHECK_HAS(error_message(), "already holds a run");
}

static void test_overlap(void)
{
	static const char *const same[] = { "s1", "s2same" }, *const other[] = { "s1", "s2other" };
	struct merge_result res;

	CHECK_INT(merge("same", same, 2, 0, &res), 0);
	CHECK_INT(res.cells, 5);  /* e once */
	CHECK_INT(merge("other", other, 2, 0, &res), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	CHECK_HAS(error_message(), "cell p=e is in two runs with different results (pass in ");
	CHECK_HAS(error_message(), "fail (z) in ");
}

static void test_refusals(void)
{
	static const char *const missing[] = { "s1" }, *const matrices[] = { "s1", "othermatrix" };
	static const char *const splits[] = { "s1", "three" }, *const mixed[] = { "s1", "whole" };
	struct merge_result res;

	CHECK_INT(merge("r1", missing, 1, 0, &res), -1);
	CHECK_HAS(error_message(), "shard 2/2 missing");
	CHECK_INT(merge("r1", missing, 1, 1, &res), 0);  /* --partial */
	CHECK_INT(res.cells, 3);
	CHECK_INT(merge("r2", matrices, 2, 0, &res), -1);
	CHECK_HAS(error_message(), "are runs of different matrices");
	CHECK_INT(merge("r3", splits, 2, 0, &res), -1);
	CHECK_HAS(error_message(), "shards of different splits");
	CHECK_INT(merge("r4", mixed, 2, 0, &res), -1);
	CHECK_HAS(error_message(), "merge the shards of one split");
	CHECK_INT(merge("r5", NULL, 0, 0, &res), -1);
	CHECK_HAS(error_message(), "nothing to merge");
}

int main(void)
{
	char *cmd;

	setup();
	test_merge();
	test_overlap();
	test_refusals();
	cmd = xasprintf("rm -rf '%s'", root);
	CHECK_INT(system(cmd), 0);
	free(cmd);
	return check_done();
}
