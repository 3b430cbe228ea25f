/*
 * summary_md: the baseline section against a --baseline and against a
 * history's last run ("Changed since last night"), and the cells still
 * failing with since when, oldest breakage first, capped as every table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/summary_md.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-summary-XXXXXX";

/* A run of N cells c0..c(N-1), each failing when FAIL says so (cell i: FAIL[i % strlen] == 'F'). */
static int load_run(struct runfile *rf, const char *name, size_t n, const char *fail)
{
	struct strbuf sb = { 0 };
	char *text;

	strbuf_addf(&sb,
		    "{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"%s\",\"matrix\":\"m.json\","
		    "\"name\":\"nightly\",\"started\":\"2026-11-27T01:00:00Z\",\"finished\":\"2026-11-27T01:10:00Z\","
		    "\"wall_seconds\":600,\"jobs\":2},\"toolchains\":{},\"cells\":[",
		    name);
	for (size_t i = 0; i < n; i++) {
		int bad = fail[i % strlen(fail)] == 'F';

		strbuf_addf(&sb, "%s{\"id\":\"c%zu\",\"axes\":{\"probe\":\"p\",\"case\":\"c%zu\"},\"status\":\"%s\"",
			    i ? "," : "", i, i, bad ? "fail" : "pass");
		if (bad)
			strbuf_addstr(&sb,
				      ",\"class\":\"wasm_eh_tag_missing\",\"stage\":\"load\",\"summary\":\"no tag\"");
		strbuf_addch(&sb, '}');
	}
	strbuf_addstr(&sb, "]}");
	text = strbuf_detach(&sb);
	if (runfile_parse(rf, name, text, strlen(text))) {
		fprintf(stderr, "%s: %s\n", name, error_message());
		error_clear();
		return -1;
	}
	return 0;
}

static char *write_summary(const struct report_input *in)
{
	char *path = xasprintf("%s/summary.md", dir), *text = NULL;
	size_t len;

	CHECK_INT(summary_md_write(path, in), 0);
	if (read_file(path, &text, &len))
		error_clear();
	free(path);
	return text ? text : xstrdup("");
}

static void test_nights(void)
{
	struct runfile run, base;
	struct diff d;
	struct report_input in;
	struct history_streak sk[60];
	char ids[60][8], days[60][24];
	struct history_nights nights = { 0 };
	char *md;

	char base_fail[62];

	/* 61 failing cells now; in the baseline c0 passed (regressed). */
	memset(base_fail, 'F', sizeof(base_fail) - 1);
	base_fail[0] = 'P';
	base_fail[61] = '\0';
	if (load_run(&run, "run", 61, "F") || load_run(&base, "base", 61, base_fail)) {
		CHECK(0);
		return;
	}
	diff_runs(&d, &base, &run);
	memset(&in, 0, sizeof(in));
	in.run = &run;
	in.baseline = &d;
	in.baseline_dir = "the last recorded run n6 (2026-11-26) in h.db";

	md = write_summary(&in);
	CHECK_HAS(md, "### Against the baseline `the last recorded run n6 (2026-11-26) in h.db`\n");
	CHECK(!strstr(md, "Still failing"));
	free(md);

	/* c1..c59 failed last night too, the later ones since longer; sorted by id for the look-up. */
	for (int i = 1; i < 60; i++) {
		snprintf(ids[i], sizeof(ids[i]), "c%d", i);
		snprintf(days[i], sizeof(days[i]), "2026-%02d-%02dT01:00:00Z", i > 30 ? 9 : 10, 30 - i % 30);
		sk[i - 1] = (struct history_streak){ ids[i], days[i], ids[i], (size_t)i };
	}
	for (int i = 0; i < 59; i++)
		for (int j = i + 1; j < 59; j++)
			if (strcmp(sk[i].id, sk[j].id) > 0) {
				struct history_streak t = sk[i];

				sk[i] = sk[j];
				sk[j] = t;
			}
	nights.streaks = sk;
	nights.nstreaks = 59;
	in.nights = &nights;
	in.baseline_night = 1;
	md = write_summary(&in);
	CHECK_HAS(md, "### Changed since last night: `the last recorded run n6 (2026-11-26) in h.db`\n");
	CHECK_HAS(md, "| regressed | `c0` | pass | fail |");
	CHECK_HAS(md,
		  "### Still failing\n\n59 cells failed in the last recorded run too (runs counted with this one).\n");
	/*
	 * The oldest first: c59 since 2026-09-01 (60 runs with this one) ... c31 since 09-29, then
	 * c29 since 10-01 ...; 50 rows: the newest breakages, c1 (10-29) and c30 (10-30), are left out.
	 */
	CHECK_HAS(md, "|---|---|---|---|---|---|\n| `c59` | 2026-09-01 | 60 | fail | wasm_eh_tag_missing | load |\n");
	CHECK_HAS(md, "| `c31` | 2026-09-29 | 32 | fail | wasm_eh_tag_missing | load |\n| `c29` | 2026-10-01 | 30 |");
	CHECK(!strstr(md, "| `c1` |") && !strstr(md, "| `c30` |"));
	CHECK(!strstr(md, "| `c0` | 20"));
	CHECK_HAS(md, "\n9 more still failing cells: see report.html.\n");
	free(md);

	/* A history without a baseline (run --baseline DIR): still failing, no "last night". */
	in.baseline = NULL;
	in.baseline_dir = NULL;
	in.baseline_night = 0;
	md = write_summary(&in);
	CHECK(!strstr(md, "last night"));
	CHECK_HAS(md, "### Still failing");
	free(md);

	diff_release(&d);
	runfile_release(&base);
	runfile_release(&run);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	test_nights();
	if (remove_tree(dir))
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
