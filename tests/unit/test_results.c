/*
 * Results: cell status from node statuses, failure summaries from logs,
 * and results.json as written.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/results.h"
#include "emcompat/util.h"

/* 2026-11-27T16:38:09Z */
#define T0 1795797489.0

/*
 * 2 rust x 1 emscripten x 1 probe x 2 loader = 4 cells, last axis fastest:
 *   0 rust=1.63 emcc-main   1 rust=1.63 pyodide   2 rust=1.96 emcc-main   3 rust=1.96 pyodide
 */
static const char matrix_text[] = "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"emscripten\":[\"3.1.6\"],"
				  "\"probe\":[\"add\"],\"loader\":[\"emcc-main\",\"pyodide-0.26.4\"]}}";

static struct matrix m;
static struct plan p;

static int setup(void)
{
	error_clear();
	if (matrix_parse(&m, "t.json", matrix_text, strlen(matrix_text))) {
		fprintf(stderr, "parse: %s\n", error_message());
		return -1;
	}
	if (plan_build(&p, &m)) {
		fprintf(stderr, "plan: %s\n", error_message());
		matrix_release(&m);
		return -1;
	}
	return 0;
}

static size_t node_of(size_t c, enum stage s)
{
	return p.cell_nodes[c * STAGE_COUNT + s];
}

/* One job per node of plan PL, all with STATUS and (passed) one attempt. */
static struct sched_job *plan_jobs_new(const struct plan *pl, enum job_status status)
{
	struct sched_job *jobs = xcalloc(pl->nnodes, sizeof(*jobs));

	for (size_t n = 0; n < pl->nnodes; n++) {
		jobs[n].name = pl->nodes[n].id;
		jobs[n].exit_code = status == JOB_PASS ? 0 : -1;
		jobs[n].status = status;
		jobs[n].attempts = status == JOB_PASS ? 1 : 0;
	}
	return jobs;
}

/* The same for the file's plan. */
static struct sched_job *jobs_new(enum job_status status)
{
	return plan_jobs_new(&p, status);
}

/* Node N did not pass (STATUS): the nodes of every later stage of its cells are blocked. */
static void set_failed(struct sched_job *jobs, size_t n, enum job_status status, int exit_code)
{
	jobs[n].status = status;
	jobs[n].exit_code = exit_code;
	jobs[n].attempts = 1;
	for (size_t c = 0; c < m.ncells; c++)
		if (node_of(c, p.nodes[n].stage) == n)
			for (int s = p.nodes[n].stage + 1; s < STAGE_COUNT; s++) {
				size_t d = node_of(c, s);

				/* main does not depend on link and friends. */
				if (d != PLAN_NONE && s != STAGE_MAIN) {
					jobs[d].status = JOB_BLOCKED;
					jobs[d].exit_code = -1;
					jobs[d].attempts = 0;
				}
			}
}

static void test_plan_shape(void)
{
	CHECK_INT(m.ncells, 4);
	CHECK_STR(m.cells[0].id, "rust=1.63,emscripten=3.1.6,probe=add,loader=emcc-main");
	CHECK_STR(m.cells[3].id, "rust=1.96,emscripten=3.1.6,probe=add,loader=pyodide-0.26.4");
	CHECK_INT(p.nnodes, 2 + 2 + 2 + 1 + 4 + 4 + 4);  /* inspect: per link and host */
	CHECK(node_of(1, STAGE_MAIN) == PLAN_NONE);
	CHECK(node_of(0, STAGE_LINK) == node_of(1, STAGE_LINK));
	CHECK(node_of(0, STAGE_MAIN) == node_of(2, STAGE_MAIN));
	CHECK(node_of(0, STAGE_LINK) != node_of(2, STAGE_LINK));
}

static void test_cell_status(void)
{
	struct sched_job *jobs;
	size_t node;

	/* All pass. */
	jobs = jobs_new(JOB_PASS);
	for (size_t c = 0; c < m.ncells; c++) {
		node = 12345;
		CHECK_INT(results_cell_status(&p, jobs, c, &node), CELL_PASS);
		CHECK(node == PLAN_NONE);
	}

	/* The shared main module passed on its 2nd attempt: both emcc-main cells are flaky. */
	jobs[node_of(0, STAGE_MAIN)].attempts = 2;
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_FLAKY);
	CHECK(node == PLAN_NONE);
	CHECK_INT(results_cell_status(&p, jobs, 2, &node), CELL_FLAKY);
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_PASS);
	CHECK_INT(results_cell_status(&p, jobs, 3, &node), CELL_PASS);
	/* A run node on its 3rd. */
	jobs[node_of(3, STAGE_RUN)].attempts = 3;
	CHECK_INT(results_cell_status(&p, jobs, 3, &node), CELL_FLAKY);
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_PASS);
	free(jobs);

	/* The rust 1.63 link fails: both its cells fail there, even when flaky before. */
	jobs = jobs_new(JOB_PASS);
	jobs[node_of(0, STAGE_STD)].attempts = 2;
	set_failed(jobs, node_of(0, STAGE_LINK), JOB_FAIL, 1);
	CHECK_INT(jobs[node_of(0, STAGE_RUN)].status, JOB_BLOCKED);
	CHECK_INT(jobs[node_of(0, STAGE_MAIN)].status, JOB_PASS);
	for (size_t c = 0; c < 2; c++) {
		node = PLAN_NONE;
		CHECK_INT(results_cell_status(&p, jobs, c, &node), CELL_FAIL);
		CHECK(node == node_of(0, STAGE_LINK));
		CHECK_INT(p.nodes[node_of(c, STAGE_LINK)].stage, STAGE_LINK);
	}
	CHECK_INT(results_cell_status(&p, jobs, 2, &node), CELL_PASS);
	CHECK(node == PLAN_NONE);
	/* The earliest stage decides: a later timeout does not. */
	jobs[node_of(0, STAGE_LOAD)].status = JOB_TIMEOUT;
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_FAIL);
	CHECK(node == node_of(0, STAGE_LINK));
	free(jobs);

	/* A link killed by a signal is a failure as well. */
	jobs = jobs_new(JOB_PASS);
	set_failed(jobs, node_of(2, STAGE_LINK), JOB_FAIL, 128 + 9);
	CHECK_INT(results_cell_status(&p, jobs, 3, &node), CELL_FAIL);
	CHECK(node == node_of(2, STAGE_LINK));
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_PASS);
	free(jobs);

	/* std could not start: every stage after it is blocked, the cells are errors. */
	jobs = jobs_new(JOB_PASS);
	set_failed(jobs, node_of(2, STAGE_STD), JOB_ERROR, -1);
	CHECK_INT(jobs[node_of(2, STAGE_COMPILE)].status, JOB_BLOCKED);
	for (size_t c = 2; c < 4; c++) {
		node = PLAN_NONE;
		CHECK_INT(results_cell_status(&p, jobs, c, &node), CELL_ERROR);
		CHECK(node == node_of(2, STAGE_STD));
		CHECK_INT(p.nodes[node].stage, STAGE_STD);
	}
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_PASS);
	free(jobs);

	/* A load timed out: that cell only. */
	jobs = jobs_new(JOB_PASS);
	set_failed(jobs, node_of(3, STAGE_LOAD), JOB_TIMEOUT, -1);
	CHECK_INT(jobs[node_of(3, STAGE_RUN)].status, JOB_BLOCKED);
	CHECK_INT(results_cell_status(&p, jobs, 3, &node), CELL_TIMEOUT);
	CHECK(node == node_of(3, STAGE_LOAD));
	CHECK_INT(results_cell_status(&p, jobs, 2, &node), CELL_PASS);
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_PASS);
	free(jobs);

	/* A node never reached (interrupted run) leaves its cell skipped. */
	jobs = jobs_new(JOB_PASS);
	jobs[node_of(1, STAGE_RUN)].status = JOB_PENDING;
	jobs[node_of(1, STAGE_RUN)].exit_code = -1;
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_SKIPPED);
	CHECK(node == node_of(1, STAGE_RUN));
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_PASS);
	/* --fail-fast skipped it: the same. */
	jobs[node_of(1, STAGE_RUN)].status = JOB_SKIPPED;
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_SKIPPED);
	CHECK(node == node_of(1, STAGE_RUN));
	/* Blocked with nothing failed before it in the cell (its failed dep is another cell's). */
	jobs[node_of(1, STAGE_RUN)].status = JOB_BLOCKED;
	CHECK_INT(results_cell_status(&p, jobs, 1, &node), CELL_BLOCKED);
	CHECK(node == node_of(1, STAGE_RUN));
	free(jobs);

	/* Nothing ran at all. */
	jobs = jobs_new(JOB_PENDING);
	CHECK_INT(results_cell_status(&p, jobs, 0, &node), CELL_SKIPPED);
	CHECK(node == node_of(0, STAGE_STD));
	free(jobs);

	CHECK_STR(cell_status_name(CELL_PASS), "pass");
	CHECK_STR(cell_status_name(CELL_FLAKY), "flaky");
	CHECK_STR(cell_status_name(CELL_TIMEOUT), "timeout");
	CHECK_STR(cell_status_name(CELL_STATUS_COUNT), "?");
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		abort();
	}
	fputs(text, f);
	fclose(f);
}

static void write_log(const char *dir, const char *name, const char *stream, const char *text)
{
	char *path = xasprintf("%s/%s.%s.log", dir, name, stream);

	write_text(path, text);
	free(path);
}

static void remove_log(const char *dir, const char *name, const char *stream)
{
	char *path = xasprintf("%s/%s.%s.log", dir, name, stream);

	unlink(path);
	free(path);
}

static int valid_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u) {
		int more = *u < 0x80             ? 0
			   : (*u & 0xe0) == 0xc0 ? 1
			   : (*u & 0xf0) == 0xe0 ? 2
			   : (*u & 0xf8) == 0xf0 ? 3
						 : -1;

		if (more < 0)
			return 0;
		u++;
		while (more--)
			if ((*u++ & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

static void check_summary(const char *dir, const struct sched_job *job, const char *want)
{
	char *s = results_summary(dir, job);

	CHECK_STR(s, want);
	free(s);
}

static void test_summary(void)
{
	char dir[] = "/tmp/test_results_logs.XXXXXX";
	struct sched_job job;
	char *s;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		check_failures++;
		return;
	}
	memset(&job, 0, sizeof(job));
	job.name = "link-000000abc123";
	job.status = JOB_FAIL;
	job.exit_code = 1;
	job.attempts = 1;

	/* No log, no message. */
	check_summary(dir, &job, "exited with 1, no output");
	job.exit_code = 128 + 9;
	check_summary(dir, &job, "killed by signal 9, no output");
	job.exit_code = 128 + 15;
	check_summary(dir, &job, "killed by signal 15, no output");
	job.exit_code = 2;
	check_summary(dir, &job, "exited with 2, no output");

	/* The message wins over any log. */
	write_log(dir, job.name, "stderr", "from the log\n");
	job.message = "timed out after 60 s";
	check_summary(dir, &job, "timed out after 60 s");
	job.message = NULL;

	/* The last non-empty line, trailing blank lines and leading blanks ignored. */
	write_log(dir, job.name, "stderr", "warning: first\nerror: the real cause\n\n   \n\t\n\n");
	check_summary(dir, &job, "error: the real cause");
	write_log(dir, job.name, "stderr", "one\n    indented last");
	check_summary(dir, &job, "indented last");
	write_log(dir, job.name, "stderr", "a\r\nb is last\r\n\r\n");
	check_summary(dir, &job, "b is last");
	write_log(dir, job.name, "stderr", "only line");
	check_summary(dir, &job, "only line");

	/* A long line is cut to 300 characters, the last three "...". */
	{
		char line[401];
		char *text;

		memset(line, 'x', 400);
		line[0] = 'E';
		line[400] = '\0';
		text = xasprintf("before\n%s\n\n\n", line);
		write_log(dir, job.name, "stderr", text);
		s = results_summary(dir, &job);
		CHECK_INT(strlen(s), 300);
		CHECK(strncmp(s, line, 297) == 0);
		CHECK_STR(s + 297, "...");
		free(s);
		free(text);
	}
	/* A line of exactly 300 is kept whole. */
	{
		char line[301];

		memset(line, 'y', 300);
		line[300] = '\0';
		write_log(dir, job.name, "stderr", line);
		check_summary(dir, &job, line);
	}
	/* A big log: the last line is found at its end. */
	{
		struct strbuf sb = { 0 };

		for (int i = 0; i < 5000; i++)
			strbuf_addf(&sb, "noise line %d\n", i);
		strbuf_addstr(&sb, "error[E0425]: cannot find value `x`\n\n");
		write_log(dir, job.name, "stderr", strbuf_str(&sb));
		check_summary(dir, &job, "error[E0425]: cannot find value `x`");
		strbuf_release(&sb);
	}
	/* A last line longer than any read buffer is still cut to 300. */
	{
		char *line = xmalloc(20001);

		memset(line, 'z', 20000);
		line[20000] = '\0';
		write_log(dir, job.name, "stderr", line);
		s = results_summary(dir, &job);
		CHECK_INT(strlen(s), 300);
		CHECK_STR(s + 297, "...");
		free(s);
		free(line);
	}

	/* stderr comes first when both logs have a line. */
	write_log(dir, job.name, "stderr", "error: from stderr\n");
	write_log(dir, job.name, "stdout", "from stdout\n");
	check_summary(dir, &job, "error: from stderr");
	/* An empty or blank stderr log falls back to the stdout log. */
	write_log(dir, job.name, "stderr", "\n \n\n");
	write_log(dir, job.name, "stdout", "test add ... FAILED\nstdout last\n");
	check_summary(dir, &job, "stdout last");
	remove_log(dir, job.name, "stderr");
	check_summary(dir, &job, "stdout last");
	/* Both blank: the exit code. */
	write_log(dir, job.name, "stdout", "");
	write_log(dir, job.name, "stderr", "\n");
	job.exit_code = 101;
	check_summary(dir, &job, "exited with 101, no output");
	remove_log(dir, job.name, "stdout");
	remove_log(dir, job.name, "stderr");

	/* Statuses that did not run. */
	job.status = JOB_BLOCKED;
	s = results_summary(dir, &job);
	CHECK_HAS(s, "blocked");
	free(s);
	job.status = JOB_PENDING;
	check_summary(dir, &job, "not run");
	job.status = JOB_SKIPPED;
	check_summary(dir, &job, "not run");

	/*
	 * The cut keeps the summary valid UTF-8 (results.json is JSON, which
	 * is UTF-8): a line of 2-byte characters is not cut inside one.
	 */
	{
		struct strbuf sb = { 0 };

		for (int i = 0; i < 200; i++)
			strbuf_addstr(&sb, "\xc3\xa9");  /* U+00E9 */
		strbuf_addch(&sb, '\n');
		job.status = JOB_FAIL;
		write_log(dir, job.name, "stderr", strbuf_str(&sb));
		s = results_summary(dir, &job);
		CHECK(strlen(s) <= 300);
		CHECK(valid_utf8(s));
		CHECK(strlen(s) >= 3 && strcmp(s + strlen(s) - 3, "...") == 0);
		free(s);
		strbuf_release(&sb);
		remove_log(dir, job.name, "stderr");
	}
	rmdir(dir);
}

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *get_str(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static long long get_int(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);

	return cJSON_IsNumber(v) ? (long long)v->valuedouble : -999;
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/*
 * The run written: cells 0 and 1 fail at the rust 1.63 link, cell 2
 * passes, cell 3 times out at its load.
 */
/* As the runner does: each cell's outcome once, then results.json from them. */
static int write_results(const char *dir, const struct sched_job *jobs, const struct results_run *run,
			 const struct classify_table *t)
{
	struct cell_outcome *o = xcalloc(m.ncells, sizeof(*o));
	char *log_dir = xasprintf("%s/logs", dir);
	int rc;

	for (size_t c = 0; c < m.ncells; c++)
		results_cell_outcome(&o[c], t, log_dir, &p, jobs, c);
	rc = results_write(dir, &p, jobs, o, run);
	for (size_t c = 0; c < m.ncells; c++)
		cell_outcome_release(&o[c]);
	free(o);
	free(log_dir);
	return rc;
}

static void test_write(void)
{
	char dir[] = "/tmp/test_results.XXXXXX";
	struct sched_job *jobs = jobs_new(JOB_PASS);
	struct results_run run = {
		.id = "20261127-163809-abcd",
		.matrix = "matrix/t.json",
		.name = NULL,
		.started = T0,
		.finished = T0 + 125.5,
		.jobs = 4,
	};
	size_t link = node_of(0, STAGE_LINK), load = node_of(3, STAGE_LOAD);
	char *logs, *path, *text = NULL;
	size_t len;
	cJSON *root;
	int *seen = xcalloc(p.nnodes, sizeof(*seen));

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		check_failures++;
		free(jobs);
		free(seen);
		return;
	}
	for (size_t n = 0; n < p.nnodes; n++)
		jobs[n].seconds = 1.23456 + (double)n;
	set_failed(jobs, link, JOB_FAIL, 1);
	set_failed(jobs, load, JOB_TIMEOUT, -1);
	jobs[load].message = "timed out after 60 s";
	logs = xasprintf("%s/logs", dir);
	CHECK_INT(mkdir(logs, 0755), 0);
	write_log(logs, p.nodes[link].id, "stderr",
		  "   Compiling probe\nwasm-ld: error: undefined symbol: __cxa_thrown\n\n");

	error_clear();
	CHECK_INT(write_results(dir, jobs, &run, NULL), 0);
	CHECK(!error_pending());
	path = xasprintf("%s/results.json", dir);
	CHECK_INT(read_file(path, &text, &len), 0);
	free(path);
	path = xasprintf("%s/results.json.tmp", dir);
	CHECK(access(path, F_OK) != 0 && errno == ENOENT);
	free(path);
	CHECK_INT(count_entries(dir), 2);  /* results.json and logs */

	root = text ? cJSON_Parse(text) : NULL;
	CHECK(root != NULL);
	if (!root)
		goto out;
	CHECK_STR(get_str(root, "schema"), "emcompat-results/1");
	{
		const cJSON *r = get(root, "run");

		CHECK(cJSON_IsObject(r));
		CHECK_STR(get_str(r, "id"), "20261127-163809-abcd");
		CHECK_STR(get_str(r, "matrix"), "matrix/t.json");
		CHECK(get(r, "name") == NULL);
		CHECK_STR(get_str(r, "started"), "2026-11-27T16:38:09Z");
		CHECK_STR(get_str(r, "finished"), "2026-11-27T16:40:14Z");
		CHECK_INT(get_int(r, "jobs"), 4);
		CHECK(cJSON_IsNumber(get(r, "wall_seconds")) && get(r, "wall_seconds")->valuedouble == 125.5);
		CHECK_STR(get_str(r, "emcompat"), EMCOMPAT_VERSION);
	}
	CHECK(cJSON_IsObject(get(root, "toolchains")));
	{
		const cJSON *c = get(root, "counts");
		static const char *const names[] = {
			"pass", "fail", "error", "timeout", "blocked", "skipped", "flaky"
		};
		static const int want[] = { 1, 2, 0, 1, 0, 0, 0 };

		CHECK(cJSON_IsObject(c));
		CHECK_INT(cJSON_GetArraySize(c), 7);
		for (int i = 0; i < 7; i++) {
			CHECK_INT(get_int(c, names[i]), want[i]);
			if (get_int(c, names[i]) != want[i])
				fprintf(stderr, "  (count of %s)\n", names[i]);
		}
	}
	{
		const cJSON *cells = get(root, "cells");
		static const char *const status[] = { "fail", "fail", "pass", "timeout" };

		CHECK(cJSON_IsArray(cells));
		CHECK_INT(cJSON_GetArraySize(cells), (long long)m.ncells);
		for (size_t c = 0; c < m.ncells && c < (size_t)cJSON_GetArraySize(cells); c++) {
			const cJSON *cell = cJSON_GetArrayItem(cells, (int)c);
			const cJSON *stages = get(cell, "stages"), *axes = get(cell, "axes");
			int i = 0;

			CHECK_STR(get_str(cell, "id"), m.cells[c].id);
			CHECK_STR(get_str(cell, "status"), status[c]);
			CHECK(cJSON_IsObject(axes));
			CHECK_INT(cJSON_GetArraySize(axes), 4);
			CHECK_STR(get_str(axes, "rust"), c < 2 ? "1.63" : "1.96");
			CHECK_STR(get_str(axes, "emscripten"), "3.1.6");
			CHECK_STR(get_str(axes, "probe"), "add");
			CHECK_STR(get_str(axes, "loader"), c % 2 ? "pyodide-0.26.4" : "emcc-main");
			CHECK(get_str(cell, "summary") && *get_str(cell, "summary"));
			if (c == 2) {
				CHECK(get(cell, "class") == NULL);
				CHECK(get(cell, "stage") == NULL);
				CHECK_STR(get_str(cell, "summary"), "passed");
			} else {
				CHECK_STR(get_str(cell, "class"), "unclassified");
				CHECK_STR(get_str(cell, "stage"), c == 3 ? "load" : "link");
				CHECK_STR(get_str(cell, "summary"),
					  c == 3 ? "timed out after 60 s"
						 : "wasm-ld: error: undefined symbol: __cxa_thrown");
			}
			CHECK(cJSON_IsArray(stages));
			CHECK_INT(cJSON_GetArraySize(stages), c % 2 ? 6 : 7);
			for (int s = 0; s < STAGE_COUNT; s++) {
				size_t n = node_of(c, s);
				const cJSON *e = cJSON_GetArrayItem(stages, i);
				char *log;

				if (n == PLAN_NONE)
					continue;
				i++;
				CHECK(cJSON_IsObject(e));
				if (!e)
					continue;
				CHECK_STR(get_str(e, "stage"), stage_name(s));
				CHECK_STR(get_str(e, "node"), p.nodes[n].id);
				CHECK_STR(get_str(e, "status"), job_status_name(jobs[n].status));
				CHECK(cJSON_IsBool(get(e, "reused")));
				CHECK_INT(cJSON_IsTrue(get(e, "reused")), seen[n]);
				seen[n] = 1;
				log = xasprintf("logs/%s.stderr.log", p.nodes[n].id);
				CHECK_STR(get_str(e, "log"), log);
				free(log);
				CHECK_INT(get_int(e, "attempts"), jobs[n].attempts);
				CHECK(cJSON_IsNumber(get(e, "seconds")) &&
				      get(e, "seconds")->valuedouble ==
					      (double)(long long)(jobs[n].seconds * 1000) / 1000);
				if (jobs[n].exit_code >= 0)
					CHECK_INT(get_int(e, "exit"), jobs[n].exit_code);
				else
					CHECK(get(e, "exit") == NULL);
			}
			CHECK_INT(i, cJSON_GetArraySize(stages));
		}
		/* Spelled out: which stage entries are reused. */
		{
			const cJSON *c1 = get(cJSON_GetArrayItem(cells, 1), "stages");
			const cJSON *c2 = get(cJSON_GetArrayItem(cells, 2), "stages");
			static const int want1[] = { 1, 1, 1, 0, 0, 0 };    /* std compile link | inspect load run */
			static const int want2[] = { 0, 0, 0, 1, 0, 0, 0 }; /* main shared with cell 0 */

			for (int k = 0; k < 6; k++)
				CHECK_INT(cJSON_IsTrue(get(cJSON_GetArrayItem(c1, k), "reused")), want1[k]);
			for (int k = 0; k < 7; k++)
				CHECK_INT(cJSON_IsTrue(get(cJSON_GetArrayItem(c2, k), "reused")), want2[k]);
			CHECK_STR(get_str(cJSON_GetArrayItem(c1, 2), "status"), "fail");
			CHECK_STR(get_str(cJSON_GetArrayItem(c1, 3), "status"), "blocked");
			CHECK_INT(get_int(cJSON_GetArrayItem(c1, 2), "exit"), 1);
		}
	}
	cJSON_Delete(root);

	/* Written again, with a name: replaced whole, still no temp file. */
	run.name = "nightly";
	CHECK_INT(write_results(dir, jobs, &run, NULL), 0);
	free(text);
	text = NULL;
	path = xasprintf("%s/results.json", dir);
	CHECK_INT(read_file(path, &text, &len), 0);
	free(path);
	root = text ? cJSON_Parse(text) : NULL;
	CHECK(root != NULL);
	CHECK_STR(get_str(get(root, "run"), "name"), "nightly");
	cJSON_Delete(root);
	CHECK_INT(count_entries(dir), 2);

	/* With the signature table the link failure gets its class and the line that names it. */
	{
		struct classify_table *t = NULL;
		const cJSON *cell, *lines;

		CHECK_INT(classify_load(&t, NULL), 0);
		CHECK_INT(write_results(dir, jobs, &run, t), 0);
		free(text);
		text = NULL;
		path = xasprintf("%s/results.json", dir);
		CHECK_INT(read_file(path, &text, &len), 0);
		free(path);
		root = text ? cJSON_Parse(text) : NULL;
		cell = cJSON_GetArrayItem(get(root, "cells"), 0);
		CHECK_STR(get_str(cell, "class"), "undefined_symbol_at_link");
		CHECK_STR(get_str(cell, "stage"), "link");
		CHECK_HAS(get_str(cell, "summary"), "wasm-ld: error: undefined symbol: __cxa_thrown");
		lines = get(cell, "lines");
		CHECK_INT(cJSON_GetArraySize(lines), 1);
		CHECK_STR(cJSON_GetArrayItem(lines, 0) ? cJSON_GetArrayItem(lines, 0)->valuestring : NULL,
			  "wasm-ld: error: undefined symbol: __cxa_thrown");
		/* The timeout keeps its own message. */
		CHECK_STR(get_str(cJSON_GetArrayItem(get(root, "cells"), 3), "summary"), "timed out after 60 s");
		cJSON_Delete(root);
		classify_free(t);
	}

out:
	free(text);
	{
		char *p1 = xasprintf("%s/%s.stderr.log", logs, p.nodes[link].id);
		char *p2 = xasprintf("%s/results.json", dir);

		unlink(p1);
		unlink(p2);
		free(p1);
		free(p2);
	}
	rmdir(logs);
	rmdir(dir);
	free(logs);
	free(seen);
	free(jobs);
}

static void test_write_fails(void)
{
	struct sched_job *jobs = jobs_new(JOB_PASS);
	struct results_run run = {
		.id = "x",
		.matrix = "m.json",
		.started = T0,
		.finished = T0,
		.jobs = 1,
	};

	error_clear();
	CHECK_INT(write_results("/tmp/test_results.no/such/dir", jobs, &run, NULL), -1);
	CHECK(error_pending());
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), "/tmp/test_results.no/such/dir/results.json");
	error_clear();
	free(jobs);
}

/* A package's download that found no wheel (exit 77) skips its cell; a probe's link exiting 77 fails. */
static void test_package_no_wheel(void)
{
	static const char text[] = "{\"axes\":{\"probe\":[\"add\",\"jiter\"],\"loader\":[\"pyodide-0.26.4\"]},"
				   "\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\","
				   "\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}";
	struct matrix pm;
	struct plan pp;
	struct sched_job *jobs;
	size_t node, add_link, jiter_link;

	CHECK_INT(matrix_parse(&pm, "p.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(&pp, &pm), 0);
	jobs = plan_jobs_new(&pp, JOB_PASS);
	add_link = pp.cell_nodes[0 * STAGE_COUNT + STAGE_LINK];
	jiter_link = pp.cell_nodes[1 * STAGE_COUNT + STAGE_LINK];
	jobs[jiter_link].status = JOB_FAIL;
	jobs[jiter_link].exit_code = RESULTS_EXIT_NO_WHEEL;
	CHECK_INT(results_cell_status(&pp, jobs, 1, &node), CELL_SKIPPED);
	CHECK(node == jiter_link);
	jobs[jiter_link].exit_code = 1;
	CHECK_INT(results_cell_status(&pp, jobs, 1, &node), CELL_FAIL);
	jobs[add_link].status = JOB_FAIL;
	jobs[add_link].exit_code = RESULTS_EXIT_NO_WHEEL;
	CHECK_INT(results_cell_status(&pp, jobs, 0, &node), CELL_FAIL);
	free(jobs);
	plan_release(&pp);
	matrix_release(&pm);
}

/* A source package's build that names nothing buildable (exit 78) is an error; a wheel package's link exiting 78 fails. */
static void test_package_not_buildable(void)
{
	static const char text[] =
		"{\"axes\":{\"probe\":[\"tk\",\"jiter\"],\"loader\":[\"pyodide-0.29.5\"]},"
		"\"packages\":{\"tk\":{\"pypi\":\"tiktoken==0.9.0\",\"build\":\"source\","
		"\"import\":\"tiktoken\",\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]},"
		"\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\","
		"\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}";
	struct matrix pm;
	struct plan pp;
	struct sched_job *jobs;
	size_t node, build, jiter_link;

	CHECK_INT(matrix_parse(&pm, "p.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(&pp, &pm), 0);
	jobs = plan_jobs_new(&pp, JOB_PASS);
	build = pp.cell_nodes[0 * STAGE_COUNT + STAGE_COMPILE];
	jiter_link = pp.cell_nodes[1 * STAGE_COUNT + STAGE_LINK];
	CHECK(build != PLAN_NONE);
	jobs[build].status = JOB_FAIL;
	jobs[build].exit_code = RESULTS_EXIT_NOT_BUILDABLE;
	CHECK_INT(results_cell_status(&pp, jobs, 0, &node), CELL_ERROR);
	CHECK(node == build);
	jobs[build].exit_code = 1;
	CHECK_INT(results_cell_status(&pp, jobs, 0, &node), CELL_FAIL);
	jobs[jiter_link].status = JOB_FAIL;
	jobs[jiter_link].exit_code = RESULTS_EXIT_NOT_BUILDABLE;
	CHECK_INT(results_cell_status(&pp, jobs, 1, &node), CELL_FAIL);
	free(jobs);
	plan_release(&pp);
	matrix_release(&pm);
}

/*
 * The inspect node's findings reach the classifier: "No module named
 * 'jiter.jiter'" at load is extension_python_mismatch when the inspector
 * found the extension's ABI tag wrong (its "requires"), else the general
 * python_requirement_missing.
 */
static void test_classify_findings(void)
{
	static const char text[] =
		"{\"axes\":{\"probe\":[\"jiter\"],\"loader\":[\"pyodide-0.29.5\"]},"
		"\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\","
		"\"platform\":\"any\",\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}";
	char dir[] = "/tmp/emcompat-test-findings-XXXXXX";
	struct classify_table *t = NULL;
	struct classify_result r;
	struct matrix pm;
	struct plan pp;
	struct sched_job *jobs;
	size_t load, inspect;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		check_failures++;
		return;
	}
	CHECK_INT(classify_load(&t, NULL), 0);
	CHECK_INT(matrix_parse(&pm, "p.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(&pp, &pm), 0);
	jobs = plan_jobs_new(&pp, JOB_PASS);
	load = pp.cell_nodes[STAGE_LOAD];
	inspect = pp.cell_nodes[STAGE_INSPECT];
	jobs[load].status = JOB_FAIL;
	jobs[load].exit_code = 3;
	write_log(dir, jobs[load].name, "stderr",
		  "wheel.mjs: importing jiter from jiter-0.19.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl failed:\n"
		  "ModuleNotFoundError: No module named 'jiter.jiter'\n");
	write_log(dir, jobs[inspect].name, "stdout",
		  "{\"findings\":[{\"class\":\"python_abi_tag_mismatch\",\"severity\":\"error\",\"message\":\"m\"},"
		  "{\"class\":\"eh_wasm\",\"severity\":\"info\",\"message\":\"i\"}]}\n");
	CHECK_INT(results_classify(t, dir, &pp, jobs, 0, load, &r), 0);
	CHECK_STR(r.id, "extension_python_mismatch");
	classify_result_release(&r);
	/*
	 * An inspect node that did not pass says nothing: the log alone is left,
	 * and the package's own submodule missing names no requirement.
	 */
	jobs[inspect].status = JOB_FAIL;
	CHECK_INT(results_classify(t, dir, &pp, jobs, 0, load, &r), 0);
	CHECK_STR(r.id, "unclassified");
	classify_result_release(&r);
	/* An info finding is not one a class can require. */
	jobs[inspect].status = JOB_PASS;
	write_log(dir, jobs[inspect].name, "stdout",
		  "{\"findings\":[{\"class\":\"python_abi_tag_mismatch\",\"severity\":\"info\"}]}\n");
	CHECK_INT(results_classify(t, dir, &pp, jobs, 0, load, &r), 0);
	CHECK_STR(r.id, "unclassified");
	classify_result_release(&r);
	remove_log(dir, jobs[load].name, "stderr");
	remove_log(dir, jobs[inspect].name, "stdout");
	rmdir(dir);
	free(jobs);
	plan_release(&pp);
	matrix_release(&pm);
	classify_free(t);
}

int main(void)
{
	test_package_no_wheel();
	test_package_not_buildable();
	test_classify_findings();
	if (setup()) {
		check_failures++;
		return check_done();
	}
	test_plan_shape();
	test_cell_status();
	test_summary();
	test_write();
	test_write_fails();
	plan_release(&p);
	matrix_release(&m);
	return check_done();
}
