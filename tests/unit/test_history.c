#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/history.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-history-XXXXXX";

/* When set, add_night records the nightly's channel_date: published two days after its commit. */
static int with_channel_date;

/* A nightly Rust's identity, as rustc -vV says it, committed on 2026-11-DAY. */
static char *nightly(int day, int commit)
{
	return xasprintf("rustc 1.97.0-nightly (abc%04d 2026-11-%02d)\\nbinary: rustc\\ncommit-hash: abc%04d\\n"
			 "commit-date: 2026-11-%02d\\nrelease: 1.97.0-nightly\\nLLVM version: 21.1.%d",
			 commit, day, commit, day, commit);
}

/*
 * Night N of a synthetic matrix: rust=nightly (a new identity each night
 * unless SAME_NIGHTLY) and rust=1.96 (never changes), STATUS[i] for cell i.
 */
static void add_night(struct history *h, int n, const char *const status[4], int same_nightly, const char *digest)
{
	static const char *const ids[4] = { "rust=nightly,probe=add", "rust=nightly,probe=panic", "rust=1.96,probe=add",
					    "rust=1.96,probe=flip" };
	struct strbuf sb = { 0 };
	struct runfile rf;
	char *text;
	char *ident = nightly(20 + (same_nightly ? 0 : n), same_nightly ? 0 : n);
	char cdate[48] = "";

	if (with_channel_date)
		snprintf(cdate, sizeof(cdate), ",\"channel_date\":\"2026-11-%02d\"", 22 + (same_nightly ? 0 : n));

	strbuf_addf(
		&sb,
		"{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"night-%d\",\"matrix\":\"m.json\","
		"\"name\":\"nightly\",\"started\":\"2026-11-%02dT01:00:00Z\",\"finished\":\"2026-11-%02dT01:10:00Z\","
		"\"wall_seconds\":600,\"jobs\":2,\"matrix_digest\":\"%s\"},"
		"\"toolchains\":{\"rust\":{\"nightly\":{\"identity\":\"%s\",\"source\":\"rustup\"%s},"
		"\"1.96\":{\"identity\":\"rustc 1.96.0\",\"source\":\"rustup\"}}},\"cells\":[",
		n, 21 + n, 21 + n, digest, ident, cdate);
	for (int i = 0; i < 4; i++) {
		const char *probe = strchr(ids[i], ',') + 7;
		int ok = strcmp(status[i], "pass") == 0;

		strbuf_addf(
			&sb,
			"%s{\"id\":\"%s\",\"index\":%d,\"axes\":{\"rust\":\"%.*s\",\"probe\":\"%s\"},\"status\":\"%s\"",
			i ? "," : "", ids[i], i, (int)(strchr(ids[i], ',') - ids[i] - 5), ids[i] + 5, probe, status[i]);
		if (!ok)
			strbuf_addstr(&sb,
				      ",\"class\":\"wasm_eh_tag_missing\",\"stage\":\"load\",\"summary\":\"no tag\"");
		strbuf_addstr(&sb, "}");
	}
	strbuf_addstr(&sb, "]}");
	free(ident);
	text = strbuf_detach(&sb);
	if (runfile_parse(&rf, "night/results.json", text, strlen(text))) {
		fprintf(stderr, "night %d: %s\n", n, error_message());
		CHECK(0);
		return;
	}
	CHECK_INT(history_add(h, &rf), 1);
	CHECK_INT(history_add(h, &rf), 0);
	runfile_release(&rf);
}

static const struct history_cell *find_cell(const struct history_report *r, const char *id)
{
	for (size_t i = 0; i < r->ncells; i++)
		if (strcmp(r->cells[i].id, id) == 0)
			return &r->cells[i];
	return NULL;
}

static void test_nights(void)
{
	char *path = xasprintf("%s/nights.db", dir);
	struct history h;
	struct history_report r;
	struct history_query q = { 0 };
	const struct history_cell *c;

	CHECK_INT(history_open(&h, path), 0);
	for (int n = 0; n < 7; n++) {
		const char *st[4] = { "pass", n < 4 ? "pass" : "fail", "pass", n % 2 ? "fail" : "pass" };

		add_night(&h, n, st, 0, "d1");
	}
	q.last = 14;
	CHECK_INT(history_report(&h, &q, &r), 0);
	CHECK_INT(r.nruns, 7);
	CHECK_INT(r.first, 0);
	CHECK_INT(r.ncells, 2);
	CHECK_INT(r.quiet, 2);
	/* Failing first. */
	CHECK_STR(r.cells[0].id, "rust=nightly,probe=panic");
	c = find_cell(&r, "rust=nightly,probe=panic");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->now, CELL_FAIL);
		CHECK_INT(c->failing, 3);
		CHECK_STR(c->since->run_id, "night-4");
		CHECK_STR(c->passed->run_id, "night-3");
		CHECK_STR(c->bad->run_id, "night-4");
		CHECK_STR(c->cls, "wasm_eh_tag_missing");
		CHECK_STR(c->summary, "no tag");
		CHECK_INT(c->flips, 1);
		CHECK_INT(c->unexplained, 0);
		CHECK(!history_cell_flaky(c));
		CHECK_INT(c->nchanges, 1);
		if (c->nchanges) {
			CHECK_STR(c->changes[0].axis, "rust");
			CHECK_STR(c->changes[0].kind, "rust");
			CHECK_STR(c->changes[0].version, "nightly");
			CHECK_HAS(c->changes[0].good, "abc0003 2026-11-23");
			CHECK_HAS(c->changes[0].bad, "abc0004 2026-11-24");
			/* rustup dates a nightly the day after its commit. */
			CHECK_STR(c->changes[0].good_value, "nightly-2026-11-24");
			CHECK_STR(c->changes[0].bad_value, "nightly-2026-11-25");
		}
	}
	c = find_cell(&r, "rust=1.96,probe=flip");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->now, CELL_PASS);
		CHECK_INT(c->flips, 6);
		CHECK_INT(c->unexplained, 6);
		CHECK(history_cell_flaky(c));
		CHECK_INT(c->failing, 0);
		CHECK_INT(c->status[1], CELL_FAIL);
	}
	history_report_release(&r);

	/* The window: the last 2 runs; failing since still counts every run. */
	q.last = 2;
	q.only = (const struct matrix_only[]){ { "probe", "panic" }, { "probe", "add" } };
	q.nonly = 2;
	CHECK_INT(history_report(&h, &q, &r), 0);
	CHECK_INT(r.first, 5);
	CHECK_INT(r.ncells, 1);
	if (r.ncells) {
		CHECK_STR(r.cells[0].id, "rust=nightly,probe=panic");
		CHECK_INT(r.cells[0].failing, 3);
		CHECK_INT(r.cells[0].flips, 0);
	}
	history_report_release(&r);

	/* One cell, news or not. */
	memset(&q, 0, sizeof(q));
	q.cell = "rust=1.96,probe=add";
	CHECK_INT(history_report(&h, &q, &r), 0);
	CHECK_INT(r.ncells, 1);
	if (r.ncells)
		CHECK_INT(r.cells[0].now, CELL_PASS);
	history_report_release(&r);
	q.cell = "rust=1.0,probe=add";
	CHECK_INT(history_report(&h, &q, &r), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	error_clear();
	history_close(&h);
	free(path);
}

/* Nights recorded newest first (a backfill): the order is the runs' start, not the recording's. */
static void test_backfill(void)
{
	char *path = xasprintf("%s/backfill.db", dir);
	struct history h;
	struct history_report r;
	struct history_query q = { .last = 3 };
	const struct history_cell *c;

	CHECK_INT(history_open(&h, path), 0);
	for (int n = 6; n >= 0; n--) {
		const char *st[4] = { "pass", n < 4 ? "pass" : "fail", "pass", n % 2 ? "fail" : "pass" };

		add_night(&h, n, st, 0, "d4");
	}
	CHECK_INT(history_report(&h, &q, &r), 0);
	CHECK_STR(r.runs[r.first].run_id, "night-4");
	c = find_cell(&r, "rust=nightly,probe=panic");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->failing, 3);
		CHECK_STR(c->passed->run_id, "night-3");
		CHECK_INT(c->nchanges, 1);
		if (c->nchanges)
			CHECK_STR(c->changes[0].bad_value, "nightly-2026-11-25");
	}
	c = find_cell(&r, "rust=1.96,probe=flip");
	CHECK(c != NULL);
	if (c) {
		CHECK_STR(c->passed->run_id, "night-6");
		CHECK_INT(c->flips, 2);
		CHECK(history_cell_flaky(c));
	}
	history_report_release(&r);
	history_close(&h);
	free(path);
}

/* A regression with the nightly unchanged: no change named, flaky after two flips. */
static void test_no_change(void)
{
	char *path = xasprintf("%s/same.db", dir);
	struct history h;
	struct history_report r;
	struct history_query q = { 0 };
	const struct history_cell *c;

	CHECK_INT(history_open(&h, path), 0);
	for (int n = 0; n < 4; n++) {
		const char *st[4] = { "pass", n == 1 || n == 3 ? "fail" : "pass", "pass", "pass" };

		add_night(&h, n, st, 1, "d2");
	}
	CHECK_INT(history_report(&h, &q, &r), 0);
	c = find_cell(&r, "rust=nightly,probe=panic");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->failing, 1);
		CHECK_STR(c->bad->run_id, "night-3");
		CHECK_STR(c->passed->run_id, "night-2");
		CHECK_INT(c->nchanges, 0);
		CHECK_INT(c->unexplained, 3);
		CHECK(history_cell_flaky(c));
	}
	history_report_release(&r);

	/* Runs of another matrix are apart: --matrix picks them. */
	q.matrix = "d1";
	CHECK_INT(history_report(&h, &q, &r), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	error_clear();
	history_close(&h);
	free(path);
}

/* A recorded channel_date names the nightly, not its commit date + 1 (a nightly skipped a day). */
static void test_channel_date(void)
{
	char *path = xasprintf("%s/dated.db", dir);
	struct history h;
	struct history_report r;
	struct history_query q = { 0 };
	const struct history_cell *c;

	CHECK_INT(history_open(&h, path), 0);
	with_channel_date = 1;
	for (int n = 0; n < 3; n++) {
		const char *st[4] = { "pass", n < 2 ? "pass" : "fail", "pass", "pass" };

		add_night(&h, n, st, 0, "d5");
	}
	with_channel_date = 0;
	CHECK_INT(history_report(&h, &q, &r), 0);
	c = find_cell(&r, "rust=nightly,probe=panic");
	CHECK(c != NULL);
	if (c && c->nchanges) {
		CHECK_HAS(c->changes[0].good, "2026-11-21");
		CHECK_STR(c->changes[0].good_value, "nightly-2026-11-23");
		CHECK_STR(c->changes[0].bad_value, "nightly-2026-11-24");
	} else {
		CHECK(0);
	}
	history_report_release(&r);
	history_close(&h);
	free(path);
}

/* What the reports take from a history: the strip, and since when the failing cells fail. */
static void test_nights_for_reports(void)
{
	char *path = xasprintf("%s/reports.db", dir);
	struct history h;
	struct history_nights n;
	const struct history_streak *sk;
	const cJSON *f;
	char *tmp = NULL, *label = NULL;
	struct runfile rf;

	CHECK_INT(history_open(&h, path), 0);
	CHECK_INT(history_nights(&h, "d6", 13, &n), 0);
	CHECK(n.json == NULL);
	CHECK_INT(history_last_run_dir(&h, "d6", &tmp, &label), 0);
	CHECK(tmp == NULL && label == NULL);
	for (int i = 0; i < 7; i++) {
		const char *st[4] = { "pass", i < 4 ? "pass" : "fail", "fail", i % 2 ? "fail" : "pass" };

		add_night(&h, i, st, 0, "d6");
	}
	CHECK_INT(history_nights(&h, "d6", 3, &n), 1);
	CHECK_STR(n.last_run, "night-6");
	CHECK_STR(n.last_started, "2026-11-27T01:00:00Z");
	/* Failing in the last run: panic since night-4 (3 runs), 1.96 add since the first (7); flip passed. */
	CHECK_INT(n.nstreaks, 2);
	sk = history_nights_streak(&n, "rust=nightly,probe=panic");
	CHECK(sk != NULL);
	if (sk) {
		CHECK_STR(sk->since, "2026-11-25T01:00:00Z");
		CHECK_STR(sk->since_run, "night-4");
		CHECK_INT(sk->runs, 3);
	}
	sk = history_nights_streak(&n, "rust=1.96,probe=add");
	CHECK(sk != NULL && sk->runs == 7 && strcmp(sk->since_run, "night-0") == 0);
	CHECK(history_nights_streak(&n, "rust=1.96,probe=flip") == NULL);
	CHECK(history_nights_streak(&n, "rust=nightly,probe=add") == NULL);
	CHECK(history_nights_streak(NULL, "rust=1.96,probe=add") == NULL);
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(n.json, "runs")), 3);
	f = cJSON_GetObjectItem(cJSON_GetObjectItem(n.json, "failing"), "rust=nightly,probe=panic");
	CHECK(f && cJSON_GetObjectItem(f, "runs")->valuedouble == 3);
	CHECK_STR(cJSON_GetObjectItem(f, "run")->valuestring, "night-4");
	f = cJSON_GetObjectItem(cJSON_GetObjectItem(n.json, "cells"), "rust=1.96,probe=flip");
	CHECK(f && cJSON_GetArraySize(f) == 3 && strcmp(cJSON_GetArrayItem(f, 1)->valuestring, "fail") == 0);
	history_nights_release(&n);

	/* The last run written out as a baseline, named. */
	CHECK_INT(history_last_run_dir(&h, "d6", &tmp, &label), 1);
	CHECK(tmp != NULL);
	if (tmp) {
		CHECK_HAS(label, "the last recorded run night-6 (2026-11-27) in ");
		CHECK_INT(runfile_load(&rf, tmp), 0);
		CHECK_STR(rf.id, "night-6");
		CHECK_INT(rf.ncells, 4);
		CHECK_INT(rf.counts[CELL_FAIL], 2);
		runfile_release(&rf);
		CHECK_INT(remove_tree(tmp), 0);
	}
	free(tmp);
	free(label);
	history_close(&h);
	free(path);
}

/* Each cell's newest result, over every matrix: one run dir per run that holds one. */
static void test_newest(void)
{
	char *path = xasprintf("%s/newest.db", dir), *out = NULL, *sub;
	/* Another matrix's run, later, of one cell the nights have too and one they have not. */
	const char *json = "{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"later\",\"matrix\":\"o.json\","
			   "\"started\":\"2026-12-30T00:00:00Z\",\"finished\":\"2026-12-30T00:00:01Z\","
			   "\"matrix_digest\":\"d8\"},\"toolchains\":{},\"cells\":["
			   "{\"id\":\"rust=1.96,probe=add\",\"axes\":{\"rust\":\"1.96\",\"probe\":\"add\"},"
			   "\"status\":\"fail\",\"class\":\"x\",\"stage\":\"run\",\"summary\":\"broke\"},"
			   "{\"id\":\"rust=1.96,probe=new\",\"axes\":{\"rust\":\"1.96\",\"probe\":\"new\"},"
			   "\"status\":\"pass\"}]}";
	struct history h;
	struct runfile rf;
	size_t n = 9;

	CHECK_INT(history_open(&h, path), 0);
	CHECK_INT(history_newest_dir(&h, &out, &n), 0);
	CHECK_INT(n, 0);
	CHECK_INT(remove_tree(out), 0);
	free(out);
	for (int i = 0; i < 3; i++) {
		const char *st[4] = { "pass", i < 2 ? "pass" : "fail", "pass", "pass" };

		add_night(&h, i, st, 0, "d7");
	}
	if (runfile_parse(&rf, "later/results.json", xstrdup(json), strlen(json)) == 0) {
		CHECK_INT(history_add(&h, &rf), 1);
		runfile_release(&rf);
	} else {
		CHECK(0);
	}
	CHECK_INT(history_newest_dir(&h, &out, &n), 0);
	CHECK_INT(n, 2);
	sub = xasprintf("%s/0", out);
	if (runfile_load(&rf, sub) == 0) {
		CHECK_STR(rf.id, "night-2");
		CHECK_INT(rf.ncells, 3);
		CHECK(runfile_find(&rf, "rust=1.96,probe=add") == NULL);
		CHECK(runfile_find(&rf, "rust=nightly,probe=panic") != NULL &&
		      runfile_find(&rf, "rust=nightly,probe=panic")->status == CELL_FAIL);
		runfile_release(&rf);
	} else {
		CHECK(0);
	}
	free(sub);
	sub = xasprintf("%s/1", out);
	if (runfile_load(&rf, sub) == 0) {
		CHECK_STR(rf.id, "later");
		CHECK_STR(rf.matrix, "o.json");
		CHECK_INT(rf.ncells, 2);
		CHECK(runfile_find(&rf, "rust=1.96,probe=add") != NULL &&
		      runfile_find(&rf, "rust=1.96,probe=add")->status == CELL_FAIL);
		runfile_release(&rf);
	} else {
		CHECK(0);
	}
	free(sub);
	CHECK_INT(remove_tree(out), 0);
	free(out);

	/* A cell only in an old run, behind more than the runs read one by one: looked up alone. */
	json = "{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"ancient\",\"matrix\":\"o.json\","
	       "\"started\":\"2026-01-01T00:00:00Z\"},\"toolchains\":{},\"cells\":["
	       "{\"id\":\"rust=1.0,probe=gone\",\"axes\":{\"rust\":\"1.0\",\"probe\":\"gone\"},\"status\":\"pass\"}]}";
	if (runfile_parse(&rf, "ancient/results.json", xstrdup(json), strlen(json)) == 0) {
		CHECK_INT(history_add(&h, &rf), 1);
		runfile_release(&rf);
	}
	for (int i = 3; i < 20; i++) {
		const char *st[4] = { "pass", "pass", "pass", "pass" };

		add_night(&h, i, st, 0, "d7");
	}
	CHECK_INT(history_newest_dir(&h, &out, &n), 0);
	CHECK_INT(n, 3);
	sub = xasprintf("%s/0", out);
	if (runfile_load(&rf, sub) == 0) {
		CHECK_STR(rf.id, "ancient");
		CHECK_INT(rf.ncells, 1);
		runfile_release(&rf);
	} else {
		CHECK(0);
	}
	free(sub);
	sub = xasprintf("%s/1", out);
	if (runfile_load(&rf, sub) == 0) {
		CHECK_STR(rf.id, "night-19");
		CHECK_INT(rf.ncells, 3);
		runfile_release(&rf);
	} else {
		CHECK(0);
	}
	free(sub);
	CHECK_INT(remove_tree(out), 0);
	free(out);
	history_close(&h);
	free(path);
}

static char *slurp(const char *path, size_t *len)
{
	char *text = NULL;

	*len = 0;
	if (read_file(path, &text, len))
		error_clear();
	return text;
}

/* PATH is refused with EC_EXIT_INPUT and a message holding WHAT, and its bytes are as they were. */
static void check_refused(const char *path, const char *what)
{
	struct history h;
	size_t before_len, after_len;
	char *before = slurp(path, &before_len), *after;

	CHECK_INT(history_open(&h, path), -1);
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	CHECK_HAS(error_message(), what);
	error_clear();
	after = slurp(path, &after_len);
	CHECK(before && after && before_len == after_len && memcmp(before, after, before_len) == 0);
	free(before);
	free(after);
}

static void test_refused(void)
{
	char *text = xasprintf("%s/notes.txt", dir), *other = xasprintf("%s/other.db", dir);
	char *newer = xasprintf("%s/newer.db", dir), *corrupt = xasprintf("%s/corrupt.db", dir);
	struct history h;
	sqlite3 *db;
	FILE *f = fopen(text, "w");
	int fd;

	fputs("a file that is no database at all, long enough to have a header\n", f);
	fclose(f);
	check_refused(text, "not an SQLite database");

	CHECK_INT(sqlite3_open(other, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "CREATE TABLE x(a); INSERT INTO x VALUES(1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	check_refused(other, "another application");
	CHECK_INT(sqlite3_open(other, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "CREATE TABLE meta(key, value); INSERT INTO meta VALUES('application', 'x')", NULL,
			       NULL, NULL),
		  SQLITE_OK);
	sqlite3_close(db);
	check_refused(other, "another application");

	CHECK_INT(history_open(&h, newer), 0);
	history_close(&h);
	CHECK_INT(sqlite3_open(newer, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 2", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	check_refused(newer, "history schema 2 is newer than this emcompat's (1)");
	CHECK_INT(sqlite3_open(newer, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 0", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	check_refused(newer, "history schema 0 is older than 1");

	/* Garbage over the second page on: the header is SQLite's, the rest is not. */
	CHECK_INT(history_open(&h, corrupt), 0);
	{
		const char *st[4] = { "pass", "pass", "pass", "pass" };

		add_night(&h, 0, st, 0, "d3");
	}
	history_close(&h);
	fd = open(corrupt, O_WRONLY);
	CHECK(fd >= 0);
	if (fd >= 0) {
		char junk[8192];

		memset(junk, 0xa5, sizeof(junk));
		CHECK_INT(pwrite(fd, junk, sizeof(junk), 100), (long long)sizeof(junk));
		close(fd);
	}
	check_refused(corrupt, "not a usable emcompat history");
	free(text);
	free(other);
	free(newer);
	free(corrupt);
}

static void test_shard_refused(void)
{
	char *path = xasprintf("%s/shard.db", dir);
	const char *json = "{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"s1\",\"matrix\":\"m\","
			   "\"started\":\"2026-11-01T00:00:00Z\",\"finished\":\"2026-11-01T00:00:01Z\","
			   "\"shard\":{\"index\":1,\"count\":2,\"of\":\"x\",\"cells\":1,\"grouping\":\"all\"}},"
			   "\"toolchains\":{},\"cells\":[]}";
	struct history h;
	struct runfile rf;

	CHECK_INT(history_open(&h, path), 0);
	if (runfile_parse(&rf, "shard/results.json", xstrdup(json), strlen(json)) == 0) {
		CHECK_INT(history_add(&h, &rf), -1);
		CHECK_INT(error_code(), EC_EXIT_INPUT);
		CHECK_HAS(error_message(), "record the merged run");
		error_clear();
		runfile_release(&rf);
	} else {
		fprintf(stderr, "shard run: %s\n", error_message());
		CHECK(0);
		error_clear();
	}
	history_close(&h);
	free(path);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	test_nights();
	test_backfill();
	test_no_change();
	test_channel_date();
	test_nights_for_reports();
	test_newest();
	test_refused();
	test_shard_refused();
	if (remove_tree(dir))
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
