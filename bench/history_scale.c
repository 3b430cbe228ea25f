/*
 * bench/history_scale: record R nights of a C-cell matrix in a history
 * (history.h) and print the time to record a night, to tell one cell's
 * nights (`history --cell`), to tell the whole matrix's news over the last
 * 14 nights (`history`), to write the last night as the baseline of the
 * next run (run --history), to read the nights and streaks the reports of
 * the next run show ("changed since last night", "still failing since"),
 * to write each cell's newest result (recommend/bisect --history), and the
 * file's size.
 *
 * The nights are synthetic: a Rust nightly with a new identity each night
 * and four fixed toolchains; 1 cell in 10 fails from night 0, 1 in 50
 * starts failing at some night, 1 in 100 flips every other night;
 * summaries come from 20 texts.
 *
 *   build/bench/bench_history_scale [--full | --runs R --cells C] [FILE]
 *
 * Default 100 nights x 10,000 cells (a minute or two); --full is the
 * target's 1,000 x 10,000. FILE defaults to a new file under $TMPDIR
 * (default /tmp), removed at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "emcompat/error.h"
#include "emcompat/history.h"
#include "emcompat/util.h"

static const char *cell_status(long c, int night)
{
	if (c % 10 == 0)
		return "fail";
	if (c % 50 == 1 && night >= (int)(c % 97))
		return "fail";
	if (c % 100 == 3 && night % 2)
		return "fail";
	return "pass";
}

/* Night N's results.json text. Caller frees. */
static char *night(int n, long cells)
{
	struct strbuf sb = { 0 };
	time_t t = 1767225600 + (time_t)n * 86400;  /* 2026-01-01 */
	struct tm tm;
	char day[16], commit[16];

	gmtime_r(&t, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	t -= 86400;
	gmtime_r(&t, &tm);
	strftime(commit, sizeof(commit), "%Y-%m-%d", &tm);
	strbuf_addf(
		&sb,
		"{\"schema\":\"emcompat-results/1\",\"run\":{\"id\":\"night-%d\",\"matrix\":\"nightly.json\","
		"\"name\":\"nightly\",\"started\":\"%sT01:00:00Z\",\"finished\":\"%sT03:00:00Z\",\"wall_seconds\":7200,"
		"\"jobs\":2,\"matrix_digest\":\"%064d\"},\"toolchains\":{\"rust\":{\"nightly\":{\"identity\":"
		"\"rustc 1.97.0-nightly (%07x %s)\\nbinary: rustc\\ncommit-hash: %07x\\ncommit-date: %s\\n"
		"LLVM version: 21.1.%d\",\"source\":\"rustup\"},\"1.96\":{\"identity\":\"rustc 1.96.0\\nLLVM version: "
		"21.1.0\"}},\"emscripten\":{\"3.1.69\":{\"identity\":\"emcc 3.1.69\"},\"6.0.5\":{\"identity\":\"emcc "
		"6.0.5\"}},\"node\":{\"22\":{\"identity\":\"v22.12.0\"}}},\"cells\":[",
		n, day, day, 0, n * 7919, commit, n * 7919, commit, n % 10);
	for (long c = 0; c < cells; c++) {
		const char *st = cell_status(c, n);

		strbuf_addf(&sb,
			    "%s{\"id\":\"rust=%s,emscripten=%s,node=22,probe=p%ld\",\"index\":%ld,\"axes\":{\"rust\":"
			    "\"%s\","
			    "\"emscripten\":\"%s\",\"node\":\"22\",\"probe\":\"p%ld\"},\"status\":\"%s\"",
			    c ? "," : "", c % 2 ? "nightly" : "1.96", c % 4 < 2 ? "3.1.69" : "6.0.5", c / 4, c,
			    c % 2 ? "nightly" : "1.96", c % 4 < 2 ? "3.1.69" : "6.0.5", c / 4, st);
		if (strcmp(st, "fail") == 0)
			strbuf_addf(&sb,
				    ",\"class\":\"wasm_eh_tag_missing\",\"stage\":\"load\",\"summary\":\"tag import "
				    "requires a WebAssembly.Tag (variant %ld)\"",
				    c % 20);
		strbuf_addch(&sb, '}');
	}
	strbuf_addstr(&sb, "]}");
	return strbuf_detach(&sb);
}

int main(int argc, char **argv)
{
	int runs = 100, own = 1;
	long cells = 10000;
	const char *path = NULL;
	char *tmp = NULL;
	struct history h;
	double add_s = 0, one[5], all[3], last[3], nights[3], newest;
	struct stat sb;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--full") == 0)
			runs = 1000;
		else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--cells") == 0 && i + 1 < argc)
			cells = atol(argv[++i]);
		else if (argv[i][0] != '-' && !path)
			path = argv[i], own = 0;
		else
			return fprintf(stderr, "usage: bench_history_scale [--full | --runs R --cells C] [FILE]\n"), 2;
	}
	if (!path)
		path = tmp = xasprintf("%s/emcompat-bench-history-%d.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
				       (int)getpid());
	if (history_open(&h, path)) {
		fprintf(stderr, "bench: %s\n", error_message());
		return 1;
	}
	for (int n = 0; n < runs; n++) {
		char *text = night(n, cells);
		struct runfile rf;
		double t0;

		if (runfile_parse(&rf, "night/results.json", text, strlen(text))) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		t0 = time_monotonic();
		if (history_add(&h, &rf) < 0) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		add_s += time_monotonic() - t0;
		runfile_release(&rf);
	}
	for (int i = 0; i < 5; i++) {
		struct history_query q = { .last = 14 };
		struct history_report r;
		char *id = xasprintf("rust=nightly,emscripten=3.1.69,node=22,probe=p%ld", (cells / 4) * i / 5 + 12);
		double t0 = time_monotonic();

		q.cell = id;
		if (history_report(&h, &q, &r)) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		one[i] = time_monotonic() - t0;
		history_report_release(&r);
		free(id);
	}
	for (int i = 0; i < 3; i++) {
		struct history_query q = { .last = 14 };
		struct history_report r;
		double t0 = time_monotonic();

		if (history_report(&h, &q, &r)) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		all[i] = time_monotonic() - t0;
		if (i == 0)
			printf("whole matrix: %zu cells with news, %zu quiet\n", r.ncells, r.quiet);
		history_report_release(&r);
	}
	for (int i = 0; i < 3; i++) {
		char *dir = xasprintf("%s.last", path), *id, *started;
		double t0;

		mkdir(dir, 0700);
		t0 = time_monotonic();
		if (history_write_last(&h, "0000000000000000000000000000000000000000000000000000000000000000", dir, &id,
				       &started) != 1) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		last[i] = time_monotonic() - t0;
		free(id);
		free(started);
		remove_tree(dir);
		free(dir);
	}
	for (int i = 0; i < 3; i++) {
		struct history_nights n;
		double t0 = time_monotonic();

		if (history_nights(&h, "0000000000000000000000000000000000000000000000000000000000000000", 13, &n) !=
		    1) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		nights[i] = time_monotonic() - t0;
		if (i == 0)
			printf("the reports' nights: %zu cells still failing\n", n.nstreaks);
		history_nights_release(&n);
	}
	{
		char *dir;
		size_t nd;
		double t0 = time_monotonic();

		if (history_newest_dir(&h, &dir, &nd)) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 1;
		}
		newest = time_monotonic() - t0;
		remove_tree(dir);
		free(dir);
	}
	history_close(&h);
	qsort(nights, 3, sizeof(double), bench_cmp_double);
	qsort(last, 3, sizeof(double), bench_cmp_double);
	qsort(one, 5, sizeof(double), bench_cmp_double);
	qsort(all, 3, sizeof(double), bench_cmp_double);
	if (stat(path, &sb) != 0)
		sb.st_size = 0;
	printf("%d nights x %ld cells: recording %.1f ms a night; one cell's history %.1f ms (median of 5); "
	       "the whole matrix over 14 nights %.2f s (median of 3); the last night as a baseline results.json "
	       "%.2f s (median of 3); the reports' nights and streaks (changed since last night) %.2f s (median "
	       "of 3); each cell's newest result (recommend/bisect --history) %.2f s; file %.1f MB\n",
	       runs, cells, 1000 * add_s / runs, 1000 * one[2], all[1], last[1], nights[1], newest,
	       (double)sb.st_size / 1e6);
	if (own)
		unlink(path);
	free(tmp);
	return 0;
}
