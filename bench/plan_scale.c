/*
 * bench/plan_scale: expand and plan a matrix of 5 axes x 10 values
 * (100,000 cells), 3 times, and print the median times and peak RSS.
 *
 * The axes are named after real ones (rust, emscripten, probe, loader,
 * node) so the plan's sharing is what a real matrix gets; with --unknown
 * they are free flag axes, which every stage reads: no sharing, the worst
 * case for the plan's node table.
 *
 *   build/bench/bench_plan_scale [--unknown]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bench.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/plan.h"
#include "emcompat/util.h"

int main(int argc, char **argv)
{
	static const char *const real[] = { "rust", "emscripten", "probe", "loader", "node" };
	static const char *const unknown[] = { "f1", "f2", "f3", "f4", "f5" };
	const char *const *names = argc > 1 && strcmp(argv[1], "--unknown") == 0 ? unknown : real;
	double expand_s[3], plan_s[3], total_s[3];
	struct strbuf text = { 0 };
	struct rusage ru;
	size_t nodes = 0, cells = 0;

	strbuf_addstr(&text, "{\"axes\":{");
	for (int a = 0; a < 5; a++) {
		strbuf_addf(&text, "%s\"%s\":[", a ? "," : "", names[a]);
		for (int v = 0; v < 10; v++)
			strbuf_addf(&text, "%s\"%s-%d\"", v ? "," : "", names[a], v);
		strbuf_addch(&text, ']');
	}
	strbuf_addstr(&text, "}}");

	for (int run = 0; run < 3; run++) {
		struct matrix m;
		struct plan p;
		double t0 = time_monotonic(), t1, t2;

		if (matrix_parse(&m, "bench.json", text.buf, text.len)) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 3;
		}
		t1 = time_monotonic();
		if (plan_build(&p, &m)) {
			fprintf(stderr, "bench: %s\n", error_message());
			return 3;
		}
		t2 = time_monotonic();
		cells = m.ncells;
		nodes = p.nnodes;
		plan_release(&p);
		matrix_release(&m);
		expand_s[run] = t1 - t0;
		plan_s[run] = t2 - t1;
		total_s[run] = t2 - t0;
	}
	qsort(expand_s, 3, sizeof(double), bench_cmp_double);
	qsort(plan_s, 3, sizeof(double), bench_cmp_double);
	qsort(total_s, 3, sizeof(double), bench_cmp_double);
	getrusage(RUSAGE_SELF, &ru);
	printf("plan_scale (%s axes): %zu cells, %zu nodes\n", names == real ? "real" : "unknown", cells, nodes);
	printf("median of 3: expand %.3f s, plan %.3f s, total %.3f s (%.2f us per cell)\n", expand_s[1], plan_s[1],
	       total_s[1], total_s[1] * 1e6 / (double)cells);
	printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	strbuf_release(&text);
	return 0;
}
