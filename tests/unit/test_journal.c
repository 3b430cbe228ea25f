/*
 * The journal: round trip, missing file, torn last record (read and cut
 * on open), bad lines naming PATH:LINE, time format, append failures.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/journal.h"
#include "emcompat/util.h"

/* 2026-11-27T16:38:09Z */
#define T0 1795797489.0

static char dir[] = "/tmp/test_journal.XXXXXX";

static char *path_in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void write_text(const char *path, const char *text, int append)
{
	FILE *f = fopen(path, append ? "ab" : "wb");

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		abort();
	}
	fputs(text, f);
	fclose(f);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The statuses a journal records: a finished run of a node. */
static const enum job_status journaled[] = { JOB_PASS, JOB_FAIL, JOB_ERROR, JOB_TIMEOUT };

/* Entry I: stage I % 7, a journaled status that shifts with I / 7, a distinct key. */
static void make_entry(struct journal_entry *e, int i)
{
	static const char hex[] = "0123456789abcdef";

	memset(e, 0, sizeof(*e));
	e->stage = (enum stage)(i % STAGE_COUNT);
	e->status = journaled[(i + i / 7) % 4];
	snprintf(e->node, sizeof(e->node), "%s-%012x", stage_name(e->stage), 0xabc000u + (unsigned)i);
	for (int k = 0; k < 2 * PLAN_KEY_SIZE; k++)
		e->key[k] = hex[(i * 7 + k) % 16];
	e->key[2 * PLAN_KEY_SIZE] = '\0';
	e->exit_code = i == 0 ? -1 : i == 1 ? 0 : i == 2 ? 1 : 128 + 9;
	e->attempts = 1 + i % 3;
	e->seconds = 1.25 + i;        /* exact in %.3f */
	e->started = T0 + 60.0 * i + 0.75;  /* the fraction is lost: seconds only */
}

static long long millis(double s)
{
	return (long long)(s * 1000 + (s < 0 ? -0.5 : 0.5));
}

static void check_entry(const struct journal_entry *got, const struct journal_entry *want)
{
	CHECK_STR(got->node, want->node);
	CHECK_STR(got->key, want->key);
	CHECK_INT(got->stage, want->stage);
	CHECK_INT(got->status, want->status);
	CHECK_INT(got->exit_code, want->exit_code);
	CHECK_INT(got->attempts, want->attempts);
	CHECK_INT(millis(got->seconds), millis(want->seconds));
	CHECK_INT(millis(got->started), millis((double)(long long)want->started));
}

static int append_entries(const char *path, int from, int to)
{
	struct journal j;
	int rc = 0;

	if (journal_open(&j, path))
		return -1;
	for (int i = from; i < to; i++) {
		struct journal_entry e;

		make_entry(&e, i);
		if (journal_append(&j, &e))
			rc = -1;
		CHECK_INT(j.dirty, 1);
	}
	/* The group commit: one fsync covers every record appended since the last. */
	if (journal_sync(&j))
		rc = -1;
	CHECK_INT(j.dirty, 0);
	CHECK_INT(journal_sync(&j), 0);
	journal_close(&j);
	CHECK_INT(j.fd, -1);
	CHECK(j.path == NULL);
	return rc;
}

static void test_round_trip(void)
{
	char *path = path_in_dir("round.jsonl");
	struct journal_entry *out = NULL;
	size_t n = 99;
	int torn = 99;
	char *text;
	size_t len;

	error_clear();
	/* 14 entries: every stage twice, every journaled status. */
	CHECK_INT(append_entries(path, 0, 14), 0);
	CHECK(!error_pending());
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 14);
	CHECK_INT(torn, 0);
	for (size_t i = 0; out && i < n && i < 14; i++) {
		struct journal_entry want;

		make_entry(&want, (int)i);
		check_entry(&out[i], &want);
	}
	free(out);

	/* The persisted format: one line per record, time to the second. */
	CHECK_INT(read_file(path, &text, &len), 0);
	{
		size_t lines = 0;

		for (size_t i = 0; i < len; i++)
			lines += text[i] == '\n';
		CHECK_INT(lines, 14);
		CHECK(len > 0 && text[len - 1] == '\n');
	}
	CHECK(strncmp(text, "{\"v\":1,\"node\":\"std-000000abc000\",", 33) == 0);
	CHECK_HAS(text, "\"stage\":\"std\",\"status\":\"pass\",\"exit\":-1,\"attempts\":1,"
			"\"seconds\":1.250,\"started\":\"2026-11-27T16:38:09Z\"}\n");
	CHECK_HAS(text, "\"stage\":\"run\",\"status\":\"error\"");
	CHECK_HAS(text, "\"status\":\"timeout\"");
	free(text);

	/* Reopening appends after what is there. */
	CHECK_INT(append_entries(path, 14, 15), 0);
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 15);
	CHECK_INT(torn, 0);
	if (n == 15) {
		struct journal_entry want;

		make_entry(&want, 14);
		check_entry(&out[14], &want);
	}
	free(out);
	free(path);
}

static void test_missing(void)
{
	char *path = path_in_dir("absent.jsonl");
	char *deep = path_in_dir("no/such/dir/journal.jsonl");
	struct journal_entry *out = (struct journal_entry *)&out;
	size_t n = 5;
	int torn = 5;

	error_clear();
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK(out == NULL);
	CHECK_INT(n, 0);
	CHECK_INT(torn, 0);
	out = NULL;
	CHECK_INT(journal_read(deep, &out, &n, &torn), 0);
	CHECK_INT(n, 0);
	CHECK(!error_pending());
	free(out);
	/* An empty file (a run killed before its first record) is empty too. */
	write_text(path, "", 0);
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 0);
	CHECK_INT(torn, 0);
	free(out);
	free(path);
	free(deep);
}

static void test_torn(void)
{
	char *path = path_in_dir("torn.jsonl");
	struct journal_entry *out = NULL;
	size_t n;
	int torn;
	long whole;

	error_clear();
	CHECK_INT(append_entries(path, 0, 3), 0);
	whole = file_size(path);
	write_text(path, "{\"v\":1,\"node\":\"link-000000abc0", 1);
	CHECK_INT(file_size(path), whole + (long)strlen("{\"v\":1,\"node\":\"link-000000abc0"));

	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 3);
	CHECK_INT(torn, 1);
	if (n == 3) {
		struct journal_entry want;

		make_entry(&want, 2);
		check_entry(&out[2], &want);
	}
	free(out);
	CHECK(!error_pending());

	/* Opening cuts the tail: the next record has a line of its own. */
	CHECK_INT(append_entries(path, 3, 5), 0);
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 5);
	CHECK_INT(torn, 0);
	for (size_t i = 0; out && i < n && i < 5; i++) {
		struct journal_entry want;

		make_entry(&want, (int)i);
		check_entry(&out[i], &want);
	}
	free(out);

	/* Just opening (no append) cuts it too, back to the whole records. */
	whole = file_size(path);
	write_text(path, "{\"v\":1", 1);
	{
		struct journal j;

		CHECK_INT(journal_open(&j, path), 0);
		CHECK_INT(file_size(path), whole);
		journal_close(&j);
	}
	/* A journal that is all torn record is cut to nothing. */
	write_text(path, "{\"v\":1,\"node\":\"std-", 0);
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 0);
	CHECK_INT(torn, 1);
	free(out);
	CHECK_INT(append_entries(path, 0, 1), 0);
	CHECK_INT(journal_read(path, &out, &n, &torn), 0);
	CHECK_INT(n, 1);
	CHECK_INT(torn, 0);
	if (n == 1)
		CHECK_STR(out[0].node, "std-000000abc000");
	free(out);
	free(path);
}

/* A record as text with these key, stage, status and started; the rest good. */
static char *record(const char *key, const char *stage, const char *status, const char *started)
{
	return xasprintf("{\"v\":1,\"node\":\"link-3fa2c1d09b7e\",\"key\":\"%s\",\"stage\":\"%s\","
			 "\"status\":\"%s\",\"exit\":0,\"attempts\":1,\"seconds\":1.234,\"started\":\"%s\"}",
			 key, stage, status, started);
}

#define GOOD_KEY "3fa2c1d09b7e00112233445566778899aabbccddeeff00112233445566778899"

/* A journal of a good line, BAD, a good line: an error at PATH:2:. */
static void check_bad_middle(const char *bad)
{
	char *path = path_in_dir("bad.jsonl");
	char *good = record(GOOD_KEY, "link", "pass", "2026-11-27T16:38:09Z");
	char *text = xasprintf("%s\n%s\n%s\n", good, bad, good);
	char *where = xasprintf("%s:2:", path);
	struct journal_entry *out = (struct journal_entry *)&out;
	size_t n = 7;
	int torn = 0;

	write_text(path, text, 0);
	error_clear();
	CHECK_INT(journal_read(path, &out, &n, &torn), -1);
	CHECK(error_pending());
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	CHECK_HAS(error_message(), where);
	CHECK(out == NULL);
	CHECK_INT(n, 0);
	if (!error_pending() || !strstr(error_message(), where))
		fprintf(stderr, "  (bad line was: %s)\n", bad);
	if (out != (struct journal_entry *)&out)
		free(out);
	error_clear();
	free(path);
	free(good);
	free(text);
	free(where);
}

static void test_bad_lines(void)
{
	static const char *const bad_keys[] = {
		"3fa2c1d09b7e00112233445566778899aabbccddeeff0011223344556677889",    /* 63 */
		"3fa2c1d09b7e00112233445566778899aabbccddeeff001122334455667788990",  /* 65 */
		"3FA2C1D09B7E00112233445566778899AABBCCDDEEFF00112233445566778899",   /* upper */
		"3fa2c1d09b7e00112233445566778899aabbccddeeff00112233445566778g99",   /* 'g' */
		"",
	};
	char *s;

	/* The good record itself reads. */
	{
		char *path = path_in_dir("good.jsonl");
		char *good = record(GOOD_KEY, "link", "pass", "2026-11-27T16:38:09Z");
		char *text = xasprintf("%s\n\n%s\n", good, good);
		struct journal_entry *out = NULL;
		size_t n;
		int torn;

		write_text(path, text, 0);
		error_clear();
		CHECK_INT(journal_read(path, &out, &n, &torn), 0);
		CHECK_INT(n, 2);
		if (n == 2) {
			CHECK_STR(out[1].node, "link-3fa2c1d09b7e");
			CHECK_STR(out[1].key, GOOD_KEY);
			CHECK_INT(out[1].stage, STAGE_LINK);
			CHECK_INT(out[1].status, JOB_PASS);
			CHECK_INT(millis(out[1].started), millis(T0));
		}
		free(out);
		free(path);
		free(good);
		free(text);
	}

	check_bad_middle("not json at all");
	check_bad_middle("{\"v\":1,\"node\":\"link-3fa2c1d09b7e\"");
	check_bad_middle("[1,2,3]");
	check_bad_middle("{\"v\":1,\"node\":\"link-3fa2c1d09b7e\",\"stage\":\"link\",\"status\":\"pass\","
			 "\"exit\":0,\"attempts\":1,\"seconds\":1.234,\"started\":\"2026-11-27T16:38:09Z\"}");
	check_bad_middle("{\"v\":1,\"node\":\"link-3fa2c1d09b7e\",\"key\":7,\"stage\":\"link\",\"status\":\"pass\","
			 "\"exit\":0,\"attempts\":1,\"seconds\":1.234,\"started\":\"2026-11-27T16:38:09Z\"}");
	for (size_t i = 0; i < sizeof(bad_keys) / sizeof(*bad_keys); i++) {
		s = record(bad_keys[i], "link", "pass", "2026-11-27T16:38:09Z");
		check_bad_middle(s);
		free(s);
	}
	s = record(GOOD_KEY, "link", "bogus", "2026-11-27T16:38:09Z");
	check_bad_middle(s);
	free(s);
	/* Blocked, skipped and pending nodes never ran: a journal never records them. */
	s = record(GOOD_KEY, "link", "blocked", "2026-11-27T16:38:09Z");
	check_bad_middle(s);
	free(s);
	s = record(GOOD_KEY, "link", "PASS", "2026-11-27T16:38:09Z");
	check_bad_middle(s);
	free(s);
	s = record(GOOD_KEY, "build", "pass", "2026-11-27T16:38:09Z");
	check_bad_middle(s);
	free(s);
	s = record(GOOD_KEY, "link", "pass", "yesterday");
	check_bad_middle(s);
	free(s);
	s = record(GOOD_KEY, "link", "pass", "2026-13-40T99:00:00Z");
	check_bad_middle(s);
	free(s);
	/* A node id too long for PLAN_ID_SIZE. */
	check_bad_middle("{\"v\":1,\"node\":\"link-3fa2c1d09b7e0123456789\",\"key\":\"" GOOD_KEY "\","
			 "\"stage\":\"link\",\"status\":\"pass\",\"exit\":0,\"attempts\":1,\"seconds\":1.234,"
			 "\"started\":\"2026-11-27T16:38:09Z\"}");
	/* exit given as a string. */
	check_bad_middle("{\"v\":1,\"node\":\"link-3fa2c1d09b7e\",\"key\":\"" GOOD_KEY "\","
			 "\"stage\":\"link\",\"status\":\"pass\",\"exit\":\"0\",\"attempts\":1,\"seconds\":1.234,"
			 "\"started\":\"2026-11-27T16:38:09Z\"}");

	/* The line number counts blank lines and names the 4th line. */
	{
		char *path = path_in_dir("bad4.jsonl");
		char *good = record(GOOD_KEY, "link", "pass", "2026-11-27T16:38:09Z");
		char *text = xasprintf("%s\n\n%s\n{oops}\n%s\n", good, good, good);
		char *where = xasprintf("%s:4:", path);
		struct journal_entry *out = NULL;
		size_t n;
		int torn;

		write_text(path, text, 0);
		error_clear();
		CHECK_INT(journal_read(path, &out, &n, &torn), -1);
		CHECK_HAS(error_message(), where);
		CHECK_INT(error_code(), EC_EXIT_INPUT);
		error_clear();
		free(out);
		free(path);
		free(good);
		free(text);
		free(where);
	}
}

/*
 * A line holding a record and then more text is a bad line too: the
 * journal is "not guessed at" (journal.h). Two records glued on one line
 * must not read as one.
 */
static void test_bad_trailing_text(void)
{
	char *good = record(GOOD_KEY, "link", "pass", "2026-11-27T16:38:09Z");
	char *glued = xasprintf("%s%s", good, good);
	char *junk = xasprintf("%s garbage", good);

	check_bad_middle(glued);
	check_bad_middle(junk);
	free(good);
	free(glued);
	free(junk);
}

static void test_time(void)
{
	char buf[32];

	journal_format_time(T0, buf);
	CHECK_STR(buf, "2026-11-27T16:38:09Z");
	journal_format_time(T0 + 0.999, buf);
	CHECK_STR(buf, "2026-11-27T16:38:09Z");
	journal_format_time(0, buf);
	CHECK_STR(buf, "1970-01-01T00:00:00Z");
	journal_format_time(951782400.0, buf);  /* a leap day */
	CHECK_STR(buf, "2000-02-29T00:00:00Z");

	CHECK_INT(millis(journal_parse_time("2026-11-27T16:38:09Z")), millis(T0));
	CHECK_INT(millis(journal_parse_time("1970-01-01T00:00:00Z")), 0);
	CHECK_INT(millis(journal_parse_time("2000-02-29T00:00:00Z")), 951782400000LL);
	/* Round trip over a spread of times. */
	for (double t = 0; t < 4.2e9; t += 123456789.0) {
		journal_format_time(t, buf);
		CHECK_INT(millis(journal_parse_time(buf)), millis(t));
	}

	CHECK(journal_parse_time("2026-13-40T99:00:00Z") < 0);
	CHECK(journal_parse_time("2026-11-27T99:00:00Z") < 0);
	CHECK(journal_parse_time("2026-11-40T16:38:09Z") < 0);
	CHECK(journal_parse_time("2026-11-27T16:38:09Z trailing") < 0);
	CHECK(journal_parse_time("2026-11-27T16:38:09ZZ") < 0);
	CHECK(journal_parse_time("2026-11-27T16:38:09Z ") < 0);
	CHECK(journal_parse_time("2026-11-27T16:38:09") < 0);
	CHECK(journal_parse_time("2026-11-27 16:38:09Z") < 0);
	CHECK(journal_parse_time("2026-11-27") < 0);
	CHECK(journal_parse_time("") < 0);
	CHECK(journal_parse_time("yesterday") < 0);
}

/*
 * "Parses that format; -1 if malformed": dates that do not exist and
 * fields that are not the format's fixed width are malformed, not
 * normalised into some other time.
 */
static void test_time_strict(void)
{
	char buf[32];
	double t;

	t = journal_parse_time("2026-02-31T00:00:00Z");
	if (t >= 0) {
		journal_format_time(t, buf);
		fprintf(stderr, "  2026-02-31T00:00:00Z parsed as %s\n", buf);
	}
	CHECK(t < 0);
	CHECK(journal_parse_time("2026-11-27T16:38:61Z") < 0);
	CHECK(journal_parse_time("2026-1-2T3:4:5Z") < 0);
	CHECK(journal_parse_time(" 2026-11-27T16:38:09Z") < 0);
}

static void test_append_fails(void)
{
	struct journal j;
	struct journal_entry e;
	char *path;

	make_entry(&e, 1);

	/* A full disk. */
	error_clear();
	if (access("/dev/full", W_OK) == 0) {
		CHECK_INT(journal_open(&j, "/dev/full"), 0);
		CHECK_INT(journal_append(&j, &e), -1);
		CHECK(error_pending());
		CHECK_INT(error_code(), EC_EXIT_INTERNAL);
		CHECK_HAS(error_message(), "/dev/full");
		journal_close(&j);
	} else {
		fprintf(stderr, "note: /dev/full not writable, skipped\n");
	}

	/* A descriptor that cannot be written. */
	path = path_in_dir("readonly.jsonl");
	error_clear();
	CHECK_INT(journal_open(&j, path), 0);
	close(j.fd);
	j.fd = open(path, O_RDONLY | O_CLOEXEC);
	CHECK(j.fd >= 0);
	CHECK_INT(journal_append(&j, &e), -1);
	CHECK(error_pending());
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), path);
	journal_close(&j);
	CHECK_INT(file_size(path), 0);
	free(path);

	/* A journal that cannot be created. */
	path = path_in_dir("no/such/dir/journal.jsonl");
	error_clear();
	j.fd = 42;
	CHECK_INT(journal_open(&j, path), -1);
	CHECK(error_pending());
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	CHECK_HAS(error_message(), path);
	CHECK(j.path == NULL);
	CHECK_INT(j.fd, -1);
	error_clear();
	free(path);
}

static struct journal_entry entry(const char *key_prefix, enum job_status status, int attempts)
{
	struct journal_entry e;

	memset(&e, 0, sizeof(e));
	memset(e.key, 'a', 2 * PLAN_KEY_SIZE);
	memcpy(e.key, key_prefix, strlen(key_prefix));
	e.status = status;
	e.attempts = attempts;
	return e;
}

/*
 * Looked up by key, whatever the order written; of a key recorded more
 * than once, the record written last wins (a node re-run after an error),
 * however the sort arranged them.
 */
static void test_index(void)
{
	enum {
		N = 64
	};
	struct journal_index ix;
	struct journal_entry *e = calloc(N, sizeof(*e));
	struct journal_entry probe = entry("ff", JOB_PASS, 1);
	const struct journal_entry *hit;

	e[0] = entry("c0", JOB_PASS, 1);
	e[1] = entry("0b", JOB_FAIL, 1);
	/* Many records of one key among others: only the last, attempts N, may win. */
	for (int i = 2; i < N; i++)
		e[i] = i % 3 ? entry("7e", i == N - 1 ? JOB_PASS : JOB_ERROR, i)
			     : entry(i % 2 ? "11" : "e0", JOB_PASS, i);
	e[N - 1] = entry("7e", JOB_PASS, N);
	journal_index_init(&ix, e, N);
	CHECK_INT(ix.n, N);
	for (size_t i = 1; i < ix.n; i++)
		CHECK(strcmp(ix.by_key[i - 1]->key, ix.by_key[i]->key) <= 0);
	hit = journal_lookup(&ix, entry("0b", JOB_PASS, 1).key);
	CHECK(hit && hit->status == JOB_FAIL);
	hit = journal_lookup(&ix, entry("c0", JOB_FAIL, 1).key);
	CHECK(hit && hit->status == JOB_PASS);
	hit = journal_lookup(&ix, entry("7e", JOB_ERROR, 1).key);
	CHECK(hit == &ix.entries[N - 1]);
	CHECK(hit && hit->status == JOB_PASS && hit->attempts == N);
	CHECK(journal_lookup(&ix, probe.key) == NULL);
	journal_index_release(&ix);
	CHECK(ix.entries == NULL && ix.n == 0);
	/* An empty journal (NULL from journal_read) has no records. */
	journal_index_init(&ix, NULL, 0);
	CHECK(journal_lookup(&ix, probe.key) == NULL);
	journal_index_release(&ix);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_round_trip();
	test_index();
	test_missing();
	test_torn();
	test_bad_lines();
	test_bad_trailing_text();
	test_time();
	test_time_strict();
	test_append_fails();
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			fprintf(stderr, "note: could not remove %s\n", dir);
		free(cmd);
	}
	return check_done();
}
