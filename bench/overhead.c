/*
 * bench/overhead: the runner's own cost per node. A matrix of 10,000
 * cells (rust x emscripten x probe x loader, 10 values each) runs with
 * --fake-toolchains whose every stage is /bin/true, so what is left is
 * emcompat's work: planning, spawning, polling, logs, journal, results.
 * The baseline, run alternately in the same invocation (this machine is
 * noisy), spawns /bin/true as many times, -j at a time, and waits: the
 * spawn cost no runner avoids. Prints medians of 3 of each, the overhead
 * per node ((emcompat - baseline) / nodes) and emcompat's peak RSS.
 *
 *   build/bench/bench_overhead EMCOMPAT [-j N] [--cells-per-axis N]
 *
 * The run dir is made under $TMPDIR (default /tmp). Each run writes and the
 * next removes about 100,000 files; on this machine's ext4 (mounted with
 * discard) the third run is often much slower than the first two while the
 * file system catches up, which TMPDIR=/dev/shm (tmpfs) shows is not the
 * runner's time.
 */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/plan.h"
#include "emcompat/stage.h"
#include "emcompat/util.h"

extern char **environ;

/* Spawns /bin/true N times, J at a time. Returns the wall seconds, or -1. */
static double baseline(size_t n, int j)
{
	char *argv[] = { "true", NULL };
	size_t started = 0, running = 0;
	double t0 = time_monotonic();

	while (started < n || running) {
		pid_t pid;
		int st;

		while (running < (size_t)j && started < n) {
			if (posix_spawn(&pid, "/bin/true", NULL, NULL, argv, environ) != 0)
				return -1;
			started++;
			running++;
		}
		if (wait(&st) < 0)
			return -1;
		running--;
	}
	return time_monotonic() - t0;
}

/* Runs emcompat on MATRIX into OUT; fills the wall seconds and peak RSS (KiB). */
static int run_emcompat(const char *bin, const char *matrix, const char *fake, const char *out, int j, double *wall,
			long *rss_kb)
{
	char jobs[16], *cmd;
	char *argv[] = { (char *)bin, "run", (char *)matrix, "--fake-toolchains", (char *)fake, "-q",
			 "-j",        jobs,  "-o",           (char *)out,         NULL };
	struct rusage ru;
	pid_t pid;
	double t0;
	int st;

	cmd = xasprintf("rm -rf '%s'", out);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: could not remove %s\n", out);
	free(cmd);
	snprintf(jobs, sizeof(jobs), "%d", j);
	t0 = time_monotonic();
	if (posix_spawn(&pid, bin, NULL, NULL, argv, environ) != 0 || wait4(pid, &st, 0, &ru) < 0)
		return -1;
	*wall = time_monotonic() - t0;
	*rss_kb = ru.ru_maxrss;
	/* 0: every cell passed. Anything else means the numbers are not of this bench. */
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	static const char *const axes[] = { "rust", "emscripten", "probe", "loader" };
	const char *tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *dir = xasprintf("%s/emcompat-bench-overhead-XXXXXX", tmpdir);
	double ours[3], base[3];
	long rss[3];
	int j = 2, per_axis = 10;
	struct strbuf text = { 0 };
	struct matrix m;
	struct plan p;
	char *matrix_path, *fake, *out, *cmd;
	size_t cells, nodes;

	if (argc < 2) {
		fprintf(stderr, "usage: bench_overhead EMCOMPAT [-j N] [--cells-per-axis N]\n");
		return 2;
	}
	for (int i = 2; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-j") == 0)
			j = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--cells-per-axis") == 0)
			per_axis = atoi(argv[i + 1]);
	}
	if (!mkdtemp(dir))
		return 3;
	strbuf_addstr(&text, "{\"axes\":{");
	for (int a = 0; a < 4; a++) {
		strbuf_addf(&text, "%s\"%s\":[", a ? "," : "", axes[a]);
		for (int v = 0; v < per_axis; v++)
			strbuf_addf(&text, "%s\"%s-%d\"", v ? "," : "", axes[a], v);
		strbuf_addch(&text, ']');
	}
	strbuf_addstr(&text, "}}\n");
	if (matrix_parse(&m, "bench.json", text.buf, text.len) || plan_build(&p, &m)) {
		fprintf(stderr, "bench: %s\n", error_message());
		return 3;
	}
	cells = m.ncells;
	nodes = p.nnodes;
	plan_release(&p);
	matrix_release(&m);

	matrix_path = xasprintf("%s/matrix.json", dir);
	fake = xasprintf("%s/fake", dir);
	out = xasprintf("%s/run", dir);
	if (write_file_atomic(matrix_path, text.buf, text.len, 0644) || mkdir_p(fake)) {
		fprintf(stderr, "bench: %s\n", error_message());
		return 3;
	}
	for (int s = 0; s < STAGE_COUNT; s++) {
		char *link = xasprintf("%s/%s", fake, stage_name(s));

		if (symlink("/bin/true", link) != 0 && errno != EEXIST)
			return 3;
		free(link);
	}
	printf("overhead: %zu cells, %zu nodes, -j %d; every stage is /bin/true\n", cells, nodes, j);
	fflush(stdout);
	for (int r = 0; r < 3; r++) {
		if ((base[r] = baseline(nodes, j)) < 0 ||
		    run_emcompat(argv[1], matrix_path, fake, out, j, &ours[r], &rss[r])) {
			fprintf(stderr, "bench: run %d failed\n", r + 1);
			return 3;
		}
		printf("  run %d: baseline %.2f s, emcompat %.2f s, peak RSS %.1f MB\n", r + 1, base[r], ours[r],
		       (double)rss[r] / 1024.0);
		fflush(stdout);
	}
	qsort(ours, 3, sizeof(double), bench_cmp_double);
	qsort(base, 3, sizeof(double), bench_cmp_double);
	printf("median: baseline (spawn /bin/true only) %.2f s, emcompat %.2f s: ratio %.2f\n", base[1], ours[1],
	       ours[1] / base[1]);
	printf("runner overhead per node: %.3f ms (target < 2 ms); emcompat per node in all: %.3f ms\n",
	       (ours[1] - base[1]) * 1e3 / (double)nodes, ours[1] * 1e3 / (double)nodes);
	printf("peak RSS: %.1f MB (target < 100 MB)\n",
	       (double)(rss[0] > rss[1] ? (rss[0] > rss[2] ? rss[0] : rss[2]) : (rss[1] > rss[2] ? rss[1] : rss[2])) /
		       1024.0);
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: could not remove %s\n", dir);
	free(cmd);
	free(dir);
	free(matrix_path);
	free(fake);
	free(out);
	strbuf_release(&text);
	return 0;
}
