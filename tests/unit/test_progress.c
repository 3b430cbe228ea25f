/* The terminal's telling of a run: its lines, the live line and its ETA, on a fake clock. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/progress.h"

static double fake_now;

static double fake_clock(void)
{
	return fake_now;
}

struct capture {
	char *out, *err;
	size_t nout, nerr;
	FILE *fout, *ferr;
};

static void capture_open(struct capture *c)
{
	memset(c, 0, sizeof(*c));
	c->fout = open_memstream(&c->out, &c->nout);
	c->ferr = open_memstream(&c->err, &c->nerr);
}

static void capture_close(struct capture *c)
{
	fclose(c->fout);
	fclose(c->ferr);
	free(c->out);
	free(c->err);
}

static void test_duration(void)
{
	char buf[32];

	progress_format_duration(41.6, buf, sizeof(buf));
	CHECK_STR(buf, "42s");
	progress_format_duration(187, buf, sizeof(buf));
	CHECK_STR(buf, "3m07s");
	progress_format_duration(3900, buf, sizeof(buf));
	CHECK_STR(buf, "1h05m");
}

static struct cell_outcome outcome(enum cell_status st, const char *cls, char *summary)
{
	struct cell_outcome o;

	memset(&o, 0, sizeof(o));
	o.status = st;
	o.node = st == CELL_PASS ? PLAN_NONE : 0;
	o.cls = cls;
	o.summary = summary;
	return o;
}

/* Not a terminal: every cell gets its line, padded; no live line. */
static void test_lines(void)
{
	struct capture c;
	struct progress p;
	struct run_events ev;
	struct run_start st = { 12, 40, 2, "/r", "shard 1/2: 12 of 24 cells", 1, 5, 3, 7, "/cache" };
	struct cell_outcome pass = outcome(CELL_PASS, NULL, "passed");
	struct cell_outcome fail = outcome(CELL_FAIL, "some_class", "what broke");
	struct cell_outcome timeout = outcome(CELL_TIMEOUT, "other_class", "timed out after 1 s");
	size_t counts[CELL_STATUS_COUNT] = { [CELL_PASS] = 10, [CELL_FAIL] = 1, [CELL_TIMEOUT] = 1 };
	struct run_end end = { 12, 62, counts, "/r", NULL };

	capture_open(&c);
	progress_init(&p, c.fout, c.ferr, 0, 0, fake_clock);
	memset(&ev, 0, sizeof(ev));
	progress_events(&p, &ev);
	ev.started(ev.ctx, &st);
	ev.cell_done(ev.ctx, "a=1", NULL, &pass);
	ev.cell_done(ev.ctx, "a=2", "link", &fail);
	ev.cell_done(ev.ctx, "a=3", "run", &timeout);
	ev.tick(ev.ctx, 2);
	ev.warning(ev.ctx, "warning: something");
	CHECK_INT(ev.finished(ev.ctx, &end), 0);
	fflush(c.fout);
	fflush(c.ferr);
	CHECK_STR(c.out, "emcompat: 12 cells, 40 nodes, -j 2, into /r\n"
			 "emcompat: shard 1/2: 12 of 24 cells\n"
			 "emcompat: resuming: 5 nodes finished earlier, 3 cells complete\n"
			 "emcompat: 7 of 40 nodes finished in earlier runs (cache /cache)\n"
			 "[   4/12] pass    a=1\n"
			 "[   5/12] fail    a=2\n          at link: some_class: what broke\n"
			 "[   6/12] timeout a=3\n          at run: timed out after 1 s\n"
			 "emcompat: 12 cells in 1m02s: 10 pass 1 fail 1 timeout\n"
			 "emcompat: results: /r/results.json\n"
			 "emcompat: reports: /r/report.html, junit.xml, summary.md\n");
	CHECK_STR(c.err, "emcompat: warning: something\n");
	capture_close(&c);
}

/* A terminal: one live line, redrawn at most every 0.1 s, cleared before any other line. */
static void test_live(void)
{
	struct capture c;
	struct progress p;
	struct run_events ev;
	struct run_start st = { 4, 10, 1, "/r", NULL, 0, 0, 0, 0, NULL };
	struct cell_outcome pass = outcome(CELL_PASS, NULL, "passed");
	struct cell_outcome error = outcome(CELL_ERROR, NULL, "no emcc");

	capture_open(&c);
	fake_now = 1000;
	progress_init(&p, c.fout, c.ferr, 1, 0, fake_clock);
	memset(&ev, 0, sizeof(ev));
	progress_events(&p, &ev);
	ev.started(ev.ctx, &st);
	ev.tick(ev.ctx, 1);                   /* drawn: no ETA before a cell is done */
	fake_now += 0.05;
	ev.tick(ev.ctx, 1);                   /* too soon */
	fake_now += 10;
	ev.cell_done(ev.ctx, "a=1", NULL, &pass);   /* passed: no line on a terminal */
	ev.tick(ev.ctx, 1);                   /* 10 s for 1 cell: 30 s for the 3 left */
	ev.cell_done(ev.ctx, "a=2", "std", &error);
	ev.interrupted(ev.ctx, SIGINT, "/r", NULL);
	fflush(c.fout);
	fflush(c.ferr);
	CHECK_STR(c.out, "emcompat: 4 cells, 10 nodes, -j 1, into /r\n"
			 "\r\033[K[0/4 cells] running 1, not passed 0, elapsed 0s, ETA ?"
			 "\r\033[K[1/4 cells] running 1, not passed 0, elapsed 10s, ETA 30s"
			 "\r\033[K[2/4] error   a=2\n          at std: no emcc\n");
	CHECK_STR(c.err, "emcompat: interrupted by SIGINT; every finished node is in /r/journal.jsonl\n"
			 "emcompat: resume with: emcompat run --resume -o /r\n");
	capture_close(&c);
}

/* Quiet: only the last three lines, and what goes to stderr. */
static void test_quiet(void)
{
	struct capture c;
	struct progress p;
	struct run_events ev;
	struct run_start st = { 1, 7, 1, "/r", NULL, 0, 0, 0, 0, NULL };
	struct cell_outcome fail = outcome(CELL_FAIL, NULL, "exited with 1, no output");
	size_t counts[CELL_STATUS_COUNT] = { [CELL_FAIL] = 1 };
	struct run_end end = { 1, 3, counts, "/r", NULL };

	capture_open(&c);
	progress_init(&p, c.fout, c.ferr, 1, 1, fake_clock);
	memset(&ev, 0, sizeof(ev));
	progress_events(&p, &ev);
	ev.started(ev.ctx, &st);
	ev.tick(ev.ctx, 1);
	ev.cell_done(ev.ctx, "a=1", "run", &fail);
	progress_clear(&p);
	CHECK_INT(ev.finished(ev.ctx, &end), 0);
	fflush(c.fout);
	CHECK_STR(c.out, "emcompat: 1 cells in 3s: 1 fail\n"
			 "emcompat: results: /r/results.json\n"
			 "emcompat: reports: /r/report.html, junit.xml, summary.md\n");
	capture_close(&c);
}

/* What a stage printed reaches the terminal as visible escapes, never as control sequences. */
static void test_hostile(void)
{
	struct capture c;
	struct progress p;
	struct run_events ev;
	struct cell_outcome fail = outcome(CELL_FAIL, "x\x1b[2J",
					   "error: \x1b]0;HACKED\x07 \x1bP+q\x1b\\ \xc2\x9b"
					   "1m\r");

	capture_open(&c);
	progress_init(&p, c.fout, c.ferr, 0, 0, fake_clock);
	memset(&ev, 0, sizeof(ev));
	progress_events(&p, &ev);
	p.cells = 1;
	ev.cell_done(ev.ctx, "a=\x07", "link", &fail);
	ev.warning(ev.ctx, "killed \x1b]8;;http://x");
	fflush(c.fout);
	fflush(c.ferr);
	CHECK_STR(c.out, "[   1/1] fail    a=\\a\n          at link: x\\e[2J: error: \\e]0;HACKED\\a \\eP+q\\e\\ "
			 "\\u009b1m\\r\n");
	CHECK_STR(c.err, "emcompat: killed \\e]8;;http://x\n");
	capture_close(&c);
}

int main(void)
{
	test_duration();
	test_lines();
	test_live();
	test_quiet();
	test_hostile();
	return check_done();
}
