/*
 * bench/classify_lines: the classifier on long lines, against a baseline of
 * the same size in short lines, with the embedded signature table (or FILE).
 *
 * regexec tries a pattern at every start in a line, so a pattern whose first
 * words recur along one long line ("wasm" in minified Emscripten glue, which
 * Node prints whole above a SyntaxError) costs each such start the rest of
 * the line. Prints, per shape, the median of 3 runs and its ratio to the
 * baseline (same size, same words, short lines); each round runs every shape.
 *
 *   build/bench/bench_classify_lines [--mib N] [FILE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "emcompat/classify.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

#define ROUNDS 3

struct shape {
	const char *name;
	const char *unit; /* repeated until the log has the size */
	int one_line;     /* one line, else a newline after each unit */
};

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *make_log(const struct shape *s, size_t size)
{
	struct strbuf b = { 0 };

	while (b.len < size) {
		strbuf_addstr(&b, s->unit);
		if (!s->one_line)
			strbuf_addch(&b, '\n');
	}
	strbuf_addstr(&b, "\nSyntaxError: Unexpected token '?'\n");
	return strbuf_detach(&b);
}

static double classify_once(const struct classify_table *t, const char *log)
{
	struct classify_input in = { .stage = -1, .nlogs = 1, .failed = 1, .logs = &log };
	struct classify_result r;
	double t0 = now_s();

	if (classify_run(t, &in, &r)) {
		fprintf(stderr, "bench_classify_lines: %s\n", error_message());
		exit(1);
	}
	classify_result_release(&r);
	return now_s() - t0;
}

int main(int argc, char **argv)
{
	static const struct shape shapes[] = {
		{ "short lines (baseline)", "var wasmMemory=wasmExports.memory;compileWasm(WebAssembly.Module)", 0 },
		{ "one line, minified glue", "var wasmMemory=wasmExports.memory;compileWasm(WebAssembly.Module)", 1 },
		{ "one line, \"WebAssembly.\"", "WebAssembly.", 1 },
		{ "one line, \"error: \"", "error: ", 1 },
	};
	enum {
		NSHAPES = sizeof(shapes) / sizeof(*shapes)
	};
	double secs[NSHAPES][ROUNDS];
	char *logs[NSHAPES];
	struct classify_table *t;
	const char *file = NULL;
	size_t mib = 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--mib") == 0 && i + 1 < argc)
			mib = strtoul(argv[++i], NULL, 10);
		else
			file = argv[i];
	}
	if (!mib || classify_load(&t, file)) {
		fprintf(stderr, "usage: bench_classify_lines [--mib N] [FILE]%s%s\n", mib ? ": " : "",
			mib ? error_message() : "");
		return 2;
	}
	for (int s = 0; s < NSHAPES; s++)
		logs[s] = make_log(&shapes[s], mib << 20);
	for (int round = 0; round < ROUNDS; round++)
		for (int s = 0; s < NSHAPES; s++)
			secs[s][round] = classify_once(t, logs[s]);
	printf("classifying %zu MiB against %zu classes, median of %d:\n", mib, classify_count(t), ROUNDS);
	for (int s = 0; s < NSHAPES; s++)
		qsort(secs[s], ROUNDS, sizeof(double), bench_cmp_double);
	for (int s = 0; s < NSHAPES; s++)
		printf("  %-28s %8.3f s  %6.1fx\n", shapes[s].name, secs[s][ROUNDS / 2],
		       secs[s][ROUNDS / 2] / secs[0][ROUNDS / 2]);
	for (int s = 0; s < NSHAPES; s++)
		free(logs[s]);
	classify_free(t);
	return 0;
}
