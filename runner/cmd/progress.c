#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/diff.h"
#include "emcompat/progress.h"
#include "emcompat/stage.h"
#include "emcompat/untrusted.h"

void progress_init(struct progress *p, FILE *out, FILE *err, int live, int quiet, double (*now)(void))
{
	p->out = out;
	p->err = err;
	p->live = live;
	p->quiet = quiet;
	p->now = now ? now : time_wall;
	p->t0 = p->now();
	p->last_draw = 0;
	p->line_drawn = 0;
	p->cells = p->done = p->bad = 0;
}

void progress_init_terminal(struct progress *p, int quiet)
{
	progress_init(p, stdout, stderr, isatty(STDOUT_FILENO) && !getenv("CI"), quiet, NULL);
}

void progress_clear(struct progress *p)
{
	if (p->line_drawn) {
		fputs("\r\033[K", p->out);
		p->line_drawn = 0;
	}
}

void progress_format_duration(double s, char *out, size_t n)
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(out, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(out, n, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(out, n, "%lds", t);
}

static void on_started(void *ctx, const struct run_start *s)
{
	struct progress *p = ctx;

	p->cells = s->cells;
	p->done = s->cells_done;
	if (p->quiet)
		return;
	fprintf(p->out, "emcompat: %zu cells, %zu nodes, -j %d, into %s\n", s->cells, s->nodes, s->jobs, s->dir);
	if (s->shard)
		fprintf(p->out, "emcompat: %s\n", s->shard);
	if (s->resumed)
		fprintf(p->out, "emcompat: resuming: %zu nodes finished earlier, %zu cells complete\n",
			s->resumed_nodes, s->cells_done);
	if (s->cached_nodes)
		fprintf(p->out, "emcompat: %zu of %zu nodes finished in earlier runs (cache %s)\n", s->cached_nodes,
			s->nodes, s->cache_dir);
	fflush(p->out);
}

static void on_warning(void *ctx, const char *message)
{
	struct progress *p = ctx;

	progress_clear(p);
	fputs("emcompat: ", p->err);
	untrusted_term_fputs(message, p->err);
	fputc('\n', p->err);
}

static void on_cell_done(void *ctx, const char *cell_id, const char *stage, const struct cell_outcome *o)
{
	struct progress *p = ctx;
	int bad = o->status != CELL_PASS && o->status != CELL_FLAKY;
	struct strbuf sb = { 0 };

	p->done++;
	p->bad += bad;
	if (p->quiet || (p->live && !bad))
		return;
	progress_clear(p);
	fprintf(p->out, "[%*zu/%zu] %-7s %s", p->live ? 1 : 4, p->done, p->cells, cell_status_name(o->status),
		untrusted_term(&sb, cell_id));
	if (stage) {
		/* The class and summary come from what the stage printed. */
		fprintf(p->out, "\n          at %s: ", stage);
		if (o->status == CELL_FAIL && o->cls) {
			untrusted_term_fputs(o->cls, p->out);
			fputs(": ", p->out);
		}
		untrusted_term_fputs(o->summary, p->out);
	}
	fputc('\n', p->out);
	strbuf_release(&sb);
	fflush(p->out);
}

static void on_tick(void *ctx, int running)
{
	struct progress *p = ctx;
	double now = p->now(), elapsed = now - p->t0;
	char el[32], eta[32] = "?";

	if (!p->live || p->quiet || now - p->last_draw < 0.1)
		return;
	p->last_draw = now;
	progress_format_duration(elapsed, el, sizeof(el));
	if (p->done > 0 && p->done < p->cells)
		progress_format_duration(elapsed / (double)p->done * (double)(p->cells - p->done), eta, sizeof(eta));
	fprintf(p->out, "\r\033[K[%zu/%zu cells] running %d, not passed %zu, elapsed %s, ETA %s", p->done, p->cells,
		running, p->bad, el, eta);
	fflush(p->out);
	p->line_drawn = 1;
}

static void on_interrupted(void *ctx, int signo, const char *dir, const char *matrix)
{
	struct progress *p = ctx;

	progress_clear(p);
	fprintf(p->err,
		"emcompat: interrupted by %s; every finished node is in %s/journal.jsonl\n"
		"emcompat: resume with: emcompat run%s%s --resume -o %s\n",
		signo == SIGINT ? "SIGINT" : "SIGTERM", dir, matrix ? " " : "", matrix ? matrix : "", dir);
}

static int on_finished(void *ctx, const struct run_end *e)
{
	struct progress *p = ctx;
	char took[32];

	progress_clear(p);
	if (e->baseline && !p->quiet)
		diff_print(p->out, e->baseline, DIFF_PRINT_REGRESSED);
	progress_format_duration(e->seconds, took, sizeof(took));
	fprintf(p->out, "emcompat: %zu cells in %s:", e->cells, took);
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		if (e->counts[s])
			fprintf(p->out, " %zu %s", e->counts[s], cell_status_name(s));
	fprintf(p->out,
		"\nemcompat: results: %s/results.json\nemcompat: reports: %s/report.html, junit.xml, summary.md\n",
		e->dir, e->dir);
	return fflush(p->out) != 0 ? -1 : 0;
}

void progress_events(struct progress *p, struct run_events *ev)
{
	ev->ctx = p;
	ev->started = on_started;
	ev->warning = on_warning;
	ev->cell_done = on_cell_done;
	ev->tick = on_tick;
	ev->interrupted = on_interrupted;
	ev->finished = on_finished;
}
