/*
 * The scheduler, driven with small real commands (sh, sleep, head) as its
 * fake runner: deadlines and process groups, capped output, start
 * failures, parallelism, locks, blocking, retries, the start order along
 * the critical path; and with fake
 * in-process jobs on its pool, alone and mixed with children: outcomes,
 * logs, a deadline, Ctrl-C and an aborted run while one runs.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/sched.h"

static char dir[] = "/tmp/test_sched.XXXXXX";

static void job(struct sched_job *j, const char *name, const char *script)
{
	const char **argv = calloc(4, sizeof(*argv));

	memset(j, 0, sizeof(*j));
	argv[0] = "/bin/sh";
	argv[1] = "-c";
	argv[2] = script;
	j->name = name;
	j->argv = argv;
}

static int run(struct sched_job *jobs, size_t n, int slots, int retries, double grace)
{
	struct sched_opts o;
	int signo, rc;

	memset(&o, 0, sizeof(o));
	o.jobs = slots;
	o.retries = retries;
	o.log_dir = dir;
	o.kill_grace = grace;
	error_clear();
	rc = sched_run(jobs, n, &o, &signo);
	if (rc < 0)
		fprintf(stderr, "sched_run: %s\n", error_message());
	return rc;
}

static void release(struct sched_job *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!jobs[i].fn)  /* an in-process job's argv is static */
			free((void *)jobs[i].argv);
	sched_jobs_release(jobs, n);
}

static char *slurp(const char *name)
{
	static char buf[65536];
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_outcomes(void)
{
	struct sched_job j[4];

	job(&j[0], "ok", "echo out; echo err >&2");
	job(&j[1], "exit3", "exit 3");
	job(&j[2], "segv", "kill -SEGV $$");
	job(&j[3], "missing", "");
	((const char **)j[3].argv)[0] = "/nonexistent/emcompat-no-such-tool";
	CHECK_INT(run(j, 4, 2, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_INT(j[0].exit_code, 0);
	CHECK_STR(slurp("ok.stdout.log"), "$ /bin/sh -c echo out; echo err >&2\nout\n");
	CHECK_STR(slurp("ok.stderr.log"), "err\n");
	CHECK_INT(j[1].status, JOB_FAIL);
	CHECK_INT(j[1].exit_code, 3);
	CHECK_INT(j[2].status, JOB_FAIL);
	CHECK_INT(j[2].exit_code, 128 + SIGSEGV);
	/* Could not start: error, not fail, with the reason in its log. */
	CHECK_INT(j[3].status, JOB_ERROR);
	CHECK_HAS(j[3].message, "cannot start '/nonexistent/emcompat-no-such-tool'");
	CHECK_HAS(slurp("missing.stderr.log"), "No such file or directory");
	release(j, 4);
}

/* A child that forks a grandchild and sleeps: both die at the deadline. */
static void test_deadline_kills_group(void)
{
	struct sched_job j[1];
	char script[512], *pidtext;
	pid_t grandchild;
	int status;
	struct timespec t0, t1;

	/* exec: the shell becomes the sleeping child, so the grandchild is the only orphan. */
	snprintf(script, sizeof(script), "sleep 100 & echo $! > %s/gc.pid; exec sleep 100", dir);
	job(&j[0], "hang", script);
	j[0].timeout = 0.5;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_INT(run(j, 1, 1, 0, 1), SCHED_DONE);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK_INT(j[0].status, JOB_TIMEOUT);
	CHECK_HAS(j[0].message, "timed out");
	CHECK((t1.tv_sec - t0.tv_sec) < 5);
	pidtext = slurp("gc.pid");
	CHECK(pidtext != NULL);
	grandchild = pidtext ? (pid_t)atoi(pidtext) : 0;
	CHECK(grandchild > 1);
	/* We are the subreaper: the orphaned grandchild is ours to reap, dead by SIGTERM. */
	if (grandchild > 1) {
		CHECK_INT(waitpid(grandchild, &status, 0), grandchild);
		CHECK(WIFSIGNALED(status));
		CHECK_INT(kill(grandchild, 0), -1);
	}
	/* No zombie of ours is left. */
	CHECK_INT(waitpid(-1, &status, WNOHANG), -1);
	CHECK_INT(errno, ECHILD);
	release(j, 1);
}

/* A child that ignores SIGTERM gets SIGKILL after the grace period. */
static void test_sigterm_ignored(void)
{
	struct sched_job j[1];

	job(&j[0], "stubborn", "trap '' TERM; sleep 100 & wait; sleep 100");
	j[0].timeout = 0.3;
	CHECK_INT(run(j, 1, 1, 0, 0.3), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_TIMEOUT);
	release(j, 1);
}

/* A leader that exits leaves no helper behind: the group dies with it. */
static void test_stragglers_killed(void)
{
	struct sched_job j[1];
	char script[512], *pidtext;
	int status;

	snprintf(script, sizeof(script), "sleep 100 & echo $! > %s/straggler.pid; exit 0", dir);
	job(&j[0], "straggler", script);
	CHECK_INT(run(j, 1, 1, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	pidtext = slurp("straggler.pid");
	if (pidtext && atoi(pidtext) > 1) {
		CHECK_INT(waitpid(atoi(pidtext), &status, 0), atoi(pidtext));
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	} else {
		CHECK(!"no straggler pid");
	}
	release(j, 1);
}

/* 1 GiB of output: the log is capped and the runner's memory stays small. */
static void test_output_capped(void)
{
	struct sched_job j[1];
	struct sched_opts o;
	struct rusage ru;
	struct stat st;
	char path[512];
	int signo;

	job(&j[0], "spew", "head -c 1073741824 /dev/zero");
	memset(&o, 0, sizeof(o));
	o.jobs = 1;
	o.log_dir = dir;
	o.log_cap = 4u << 20;
	CHECK_INT(sched_run(j, 1, &o, &signo), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	snprintf(path, sizeof(path), "%s/spew.stdout.log", dir);
	CHECK_INT(stat(path, &st), 0);
	CHECK(st.st_size >= (4 << 20) && st.st_size < (4 << 20) + 512);
	getrusage(RUSAGE_SELF, &ru);
	CHECK(ru.ru_maxrss < 64 * 1024);  /* KiB */
	release(j, 1);
}

/* With -j 2, two jobs run at once and never three. */
static void test_parallelism(void)
{
	struct sched_job j[6];
	char scripts[6][1200], trace[256], *t;
	int running = 0, most = 0;

	snprintf(trace, sizeof(trace), "%s/trace", dir);
	unlink(trace);
	for (int i = 0; i < 6; i++) {
		snprintf(scripts[i], sizeof(scripts[i]), "echo start >> %s; sleep 0.3; echo end >> %s", trace, trace);
		job(&j[i], (const char *[]){ "p0", "p1", "p2", "p3", "p4", "p5" }[i], scripts[i]);
	}
	CHECK_INT(run(j, 6, 2, 0, 0), SCHED_DONE);
	t = slurp("trace");
	for (char *line = t ? strtok(t, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		running += strcmp(line, "start") == 0 ? 1 : -1;
		if (running > most)
			most = running;
	}
	CHECK_INT(most, 2);
	release(j, 6);
}

/* Jobs sharing a lock key never overlap, even with free slots. */
static void test_locks(void)
{
	struct sched_job j[3];
	char scripts[3][1200], trace[256], *t;
	int running = 0, most = 0;

	snprintf(trace, sizeof(trace), "%s/locktrace", dir);
	unlink(trace);
	for (int i = 0; i < 3; i++) {
		snprintf(scripts[i], sizeof(scripts[i]), "echo start >> %s; sleep 0.2; echo end >> %s", trace, trace);
		job(&j[i], (const char *[]){ "l0", "l1", "l2" }[i], scripts[i]);
		j[i].lock = "cargo-target";
	}
	CHECK_INT(run(j, 3, 3, 0, 0), SCHED_DONE);
	t = slurp("locktrace");
	for (char *line = t ? strtok(t, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		running += strcmp(line, "start") == 0 ? 1 : -1;
		if (running > most)
			most = running;
	}
	CHECK_INT(most, 1);
	CHECK_INT(j[2].status, JOB_PASS);
	release(j, 3);
}

/* a fails: b (needs a) and c (needs b) are blocked; d goes on. */
static void test_blocked(void)
{
	struct sched_job j[4];
	size_t dep_a[] = { 0 }, dep_b[] = { 1 };

	job(&j[0], "a", "exit 1");
	job(&j[1], "b", "echo should-not-run");
	j[1].deps = dep_a;
	j[1].ndeps = 1;
	job(&j[2], "c", "echo should-not-run");
	j[2].deps = dep_b;
	j[2].ndeps = 1;
	job(&j[3], "d", "true");
	CHECK_INT(run(j, 4, 2, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_FAIL);
	CHECK_INT(j[1].status, JOB_BLOCKED);
	CHECK_INT(j[2].status, JOB_BLOCKED);
	CHECK_INT(j[1].attempts, 0);
	CHECK_INT(j[3].status, JOB_PASS);
	release(j, 4);
}

/* Fails once, then passes: PASS after 2 attempts; the failed attempt's log is kept. */
static void test_retry(void)
{
	struct sched_job j[2];
	char script[1400], marker[256];

	snprintf(marker, sizeof(marker), "%s/flaky.marker", dir);
	unlink(marker);
	snprintf(script, sizeof(script),
		 "if [ -e %s ]; then echo second; else touch %s; echo first-failed >&2; exit 1; fi", marker, marker);
	job(&j[0], "flaky", script);
	job(&j[1], "always", "exit 2");
	CHECK_INT(run(j, 2, 1, 2, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_INT(j[0].attempts, 2);
	CHECK_STR(slurp("flaky.attempt1.stderr.log"), "first-failed\n");
	CHECK_HAS(slurp("flaky.stdout.log"), "\nsecond\n");
	CHECK_INT(j[1].status, JOB_FAIL);
	CHECK_INT(j[1].attempts, 3);
	release(j, 2);
}

/* Steps run in order in one job; the first failing step decides it and stops it. */
static void test_steps(void)
{
	static const char *const a[] = { "/bin/sh", "-c", "echo one", NULL };
	static const char *const b[] = { "/bin/sh", "-c", "echo two; exit 4", NULL };
	static const char *const c[] = { "/bin/sh", "-c", "echo three", NULL };
	static const char *const missing[] = { "/nonexistent/emcc", NULL };
	const struct sched_step ok[] = { { a, NULL, NULL }, { c, NULL, "/tmp" } };
	const struct sched_step bad[] = { { a, NULL, NULL }, { b, NULL, NULL }, { c, NULL, NULL } };
	const struct sched_step gone[] = { { a, NULL, NULL }, { missing, NULL, NULL } };
	struct sched_job j[3];

	memset(j, 0, sizeof(j));
	j[0].name = "steps-ok";
	j[0].steps = ok;
	j[0].nsteps = 2;
	j[1].name = "steps-bad";
	j[1].steps = bad;
	j[1].nsteps = 3;
	j[2].name = "steps-gone";
	j[2].steps = gone;
	j[2].nsteps = 2;
	CHECK_INT(run(j, 3, 2, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_STR(slurp("steps-ok.stdout.log"), "$ /bin/sh -c echo one\none\n$ /bin/sh -c echo three\nthree\n");
	CHECK_INT(j[1].status, JOB_FAIL);
	CHECK_INT(j[1].exit_code, 4);
	CHECK_STR(slurp("steps-bad.stdout.log"), "$ /bin/sh -c echo one\none\n$ /bin/sh -c echo two; exit 4\ntwo\n");
	CHECK_INT(j[2].status, JOB_ERROR);
	CHECK_HAS(j[2].message, "cannot start '/nonexistent/emcc'");
	CHECK_HAS(slurp("steps-gone.stderr.log"), "cannot start '/nonexistent/emcc'");
	sched_jobs_release(j, 3);
}

/* Jobs preset as finished (a resumed run) are not run again. */
static void test_preset(void)
{
	struct sched_job j[2];
	size_t dep[] = { 0 };

	job(&j[0], "done-before", "exit 7");
	j[0].status = JOB_PASS;
	j[0].exit_code = 0;
	j[0].attempts = 1;
	job(&j[1], "after", "true");
	j[1].deps = dep;
	j[1].ndeps = 1;
	CHECK_INT(run(j, 2, 1, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_INT(j[0].exit_code, 0);
	CHECK(slurp("done-before.stdout.log") == NULL);
	CHECK_INT(j[1].status, JOB_PASS);
	release(j, 2);
}

/* Appends NAME to the trace file when it runs: the start order with -j 1. */
static void traced(struct sched_job *j, const char *name, double expected, char *script, size_t len)
{
	snprintf(script, len, "printf '%%s ' %s >> %s/order", name, dir);
	job(j, name, script);
	j->expected = expected;
}

/*
 * With one slot, the job that leads the longest chain starts first: c1 is
 * short but c2 (30 s, like a std build) waits on it. A job preset as
 * finished counts nothing, whatever it was expected to take.
 */
static void test_critical_path(void)
{
	struct sched_job j[7];
	char scripts[7][512], path[512];
	size_t dep_c1[] = { 1 }, dep_c2[] = { 3 }, dep_done[] = { 5 };

	snprintf(path, sizeof(path), "%s/order", dir);
	unlink(path);
	traced(&j[0], "s0", 2, scripts[0], sizeof(scripts[0]));
	traced(&j[1], "c1", 1, scripts[1], sizeof(scripts[1]));
	traced(&j[2], "s2", 2, scripts[2], sizeof(scripts[2]));
	traced(&j[3], "c2", 30, scripts[3], sizeof(scripts[3]));
	j[3].deps = dep_c1;
	j[3].ndeps = 1;
	traced(&j[4], "c3", 4, scripts[4], sizeof(scripts[4]));
	j[4].deps = dep_c2;
	j[4].ndeps = 1;
	traced(&j[5], "done", 100, scripts[5], sizeof(scripts[5]));
	j[5].status = JOB_PASS;
	j[5].exit_code = 0;
	j[5].attempts = 1;
	traced(&j[6], "after-done", 3, scripts[6], sizeof(scripts[6]));
	j[6].deps = dep_done;
	j[6].ndeps = 1;
	CHECK_INT(run(j, 7, 1, 0, 0), SCHED_DONE);
	CHECK_STR(slurp("order"), "c1 c2 c3 after-done s0 s2 ");
	release(j, 7);
}

/* Equal priorities (none given) start in plan order, not in the order they became ready. */
static void test_ties_plan_order(void)
{
	struct sched_job j[4];
	char scripts[4][512], path[512];
	size_t dep_a[] = { 0 }, dep_b[] = { 1 };

	snprintf(path, sizeof(path), "%s/order", dir);
	unlink(path);
	traced(&j[0], "a", 0, scripts[0], sizeof(scripts[0]));
	traced(&j[1], "b", 0, scripts[1], sizeof(scripts[1]));
	j[1].deps = dep_a;
	j[1].ndeps = 1;
	traced(&j[2], "c", 0, scripts[2], sizeof(scripts[2]));
	j[2].deps = dep_b;
	j[2].ndeps = 1;
	traced(&j[3], "d", 0, scripts[3], sizeof(scripts[3]));
	CHECK_INT(run(j, 4, 1, 0, 0), SCHED_DONE);
	CHECK_STR(slurp("order"), "a b c d ");
	release(j, 4);
}

/* Jobs waiting for a held lock start by priority too, one at a time, though slots are free. */
static void test_lock_order(void)
{
	struct sched_job j[4];
	char scripts[3][512], path[512];

	snprintf(path, sizeof(path), "%s/order", dir);
	unlink(path);
	traced(&j[0], "k0", 1, scripts[0], sizeof(scripts[0]));
	traced(&j[1], "k1", 5, scripts[1], sizeof(scripts[1]));
	traced(&j[2], "k2", 3, scripts[2], sizeof(scripts[2]));
	/* Another lock: it does not wait (not traced: it races k1). */
	job(&j[3], "k3", "true");
	j[3].expected = 4;
	for (int i = 0; i < 3; i++)
		j[i].lock = "target-dir";
	j[3].lock = "other";
	CHECK_INT(run(j, 4, 3, 0, 0), SCHED_DONE);
	CHECK_STR(slurp("order"), "k1 k2 k0 ");
	CHECK_INT(j[3].status, JOB_PASS);
	release(j, 4);
}

static void test_bad_log_dir(void)
{
	struct sched_job j[1];
	struct sched_opts o;
	int signo;

	job(&j[0], "x", "true");
	memset(&o, 0, sizeof(o));
	o.jobs = 1;
	o.log_dir = "/nonexistent/logs";
	error_clear();
	CHECK_INT(sched_run(j, 1, &o, &signo), -1);
	CHECK_HAS(error_message(), "/nonexistent/logs/x.stdout.log");
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	release(j, 1);
}

/* ---- in-process jobs ---------------------------------------------------- */

static pthread_t main_thread;

/* A fake in-process job: what it prints, returns, and how long it takes. */
struct fake {
	const char *out, *err;
	int rc;      /* -1: error() "fake: no such input" */
	int fail_first;            /* the first call fails with 1 */
	int sigint;                /* sends us SIGINT first, like a Ctrl-C */
	double sleep;
	atomic_int calls, returned, on_main;
};

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fake_fn(void *arg, struct logcap *out, struct logcap *err)
{
	struct fake *f = arg;
	int call = atomic_fetch_add(&f->calls, 1) + 1;
	struct timespec ts = { (time_t)f->sleep, (long)((f->sleep - (double)(time_t)f->sleep) * 1e9) };

	atomic_store(&f->on_main, pthread_equal(pthread_self(), main_thread));
	if (f->sigint)
		kill(getpid(), SIGINT);
	if (f->out)
		logcap_write(out, f->out, strlen(f->out));
	if (f->err)
		logcap_write(err, f->err, strlen(f->err));
	nanosleep(&ts, NULL);
	atomic_store(&f->returned, 1);
	if (f->fail_first && call == 1)
		return 1;
	if (f->rc < 0)
		return error(EC_EXIT_INPUT, "fake: no such input");
	return f->rc;
}

static void inproc(struct sched_job *j, const char *name, struct fake *f)
{
	static const char *const argv[] = { "emcompat", "inspect", "--json", "x.wasm", NULL };

	memset(j, 0, sizeof(*j));
	j->name = name;
	j->fn = fake_fn;
	j->arg = f;
	j->argv = argv;
}

/* An in-process job that records its index in the start order. */
#define ORDER_N 600
static size_t order[ORDER_N];
static atomic_size_t norder;

static int order_fn(void *arg, struct logcap *out, struct logcap *err)
{
	(void)out;
	(void)err;
	order[atomic_fetch_add(&norder, 1)] = *(const size_t *)arg;
	return 0;
}

/*
 * A random DAG of in-process jobs with random expected times (many equal),
 * one slot: the heap starts them in the order a plain search of the ready
 * set for the highest priority (lowest index on ties) gives.
 */
static void test_order_matches_reference(void)
{
	static const double durations[] = { 0, 0.05, 0.5, 2, 3, 4, 10, 60 };
	static struct sched_job j[ORDER_N];
	static size_t deps[ORDER_N][3], want[ORDER_N], ids[ORDER_N];
	static double prio[ORDER_N];
	static char names[ORDER_N][16];
	static int done[ORDER_N];
	unsigned long long seed = 42;

	for (size_t i = 0; i < ORDER_N; i++) {
		memset(&j[i], 0, sizeof(j[i]));
		snprintf(names[i], sizeof(names[i]), "o%zu", i);
		j[i].name = names[i];
		j[i].fn = order_fn;
		ids[i] = i;
		j[i].arg = &ids[i];
		for (int d = 0; d < 3 && i > 0; d++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			if ((seed >> 33) % 3 == 0)
				continue;
			deps[i][j[i].ndeps++] = (size_t)((seed >> 20) % i);
		}
		j[i].deps = deps[i];
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		j[i].expected = durations[(seed >> 40) % (sizeof(durations) / sizeof(*durations))];
	}
	/* The reference: priorities by the definition, then the best ready job, one at a time. */
	for (size_t i = ORDER_N; i-- > 0;) {
		double longest = 0;

		for (size_t k = i + 1; k < ORDER_N; k++)
			for (size_t d = 0; d < j[k].ndeps; d++)
				if (j[k].deps[d] == i && prio[k] > longest)
					longest = prio[k];
		prio[i] = longest + j[i].expected;
	}
	for (size_t step = 0; step < ORDER_N; step++) {
		size_t best = ORDER_N;

		for (size_t i = 0; i < ORDER_N; i++) {
			int ready = !done[i];

			for (size_t d = 0; d < j[i].ndeps && ready; d++)
				ready = done[j[i].deps[d]];
			if (ready && (best == ORDER_N || prio[i] > prio[best]))
				best = i;
		}
		want[step] = best;
		done[best] = 1;
	}
	atomic_store(&norder, 0);
	CHECK_INT(run(j, ORDER_N, 1, 0, 0), SCHED_DONE);
	CHECK_INT(atomic_load(&norder), ORDER_N);
	for (size_t i = 0; i < ORDER_N; i++)
		if (order[i] != want[i]) {
			CHECK_INT(order[i], want[i]);
			break;
		}
	sched_jobs_release(j, ORDER_N);
}

/* Pass, fail, error and a retried failure, between child jobs that depend on them. */
static void test_inproc_outcomes(void)
{
	struct fake ok = { .out = "{\"findings\":[]}\n", .err = "note\n" }, bad = { .rc = 3 }, broken = { .rc = -1 },
		    flaky = { .fail_first = 1 };
	size_t dep_first[] = { 0 }, dep_ok[] = { 1 }, dep_bad[] = { 2 };
	struct sched_job j[7];

	job(&j[0], "first-child", "echo child");
	inproc(&j[1], "ip-ok", &ok);
	j[1].deps = dep_first;
	j[1].ndeps = 1;
	inproc(&j[2], "ip-bad", &bad);
	inproc(&j[3], "ip-broken", &broken);
	inproc(&j[4], "ip-flaky", &flaky);
	job(&j[5], "after-ok", "echo after");
	j[5].deps = dep_ok;
	j[5].ndeps = 1;
	job(&j[6], "after-bad", "echo should-not-run");
	j[6].deps = dep_bad;
	j[6].ndeps = 1;
	CHECK_INT(run(j, 7, 2, 1, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_INT(j[1].status, JOB_PASS);
	CHECK_INT(j[1].exit_code, 0);
	CHECK_INT(j[1].attempts, 1);
	CHECK(j[1].started > 0);
	CHECK(!atomic_load(&ok.on_main));
	CHECK_STR(slurp("ip-ok.stdout.log"), "$ emcompat inspect --json x.wasm\n{\"findings\":[]}\n");
	CHECK_STR(slurp("ip-ok.stderr.log"), "note\n");
	/* A failure is a failure, retried like a child's. */
	CHECK_INT(j[2].status, JOB_FAIL);
	CHECK_INT(j[2].exit_code, 3);
	CHECK_INT(j[2].attempts, 2);
	/* Could not run: an error, with error()'s message from the worker thread. */
	CHECK_INT(j[3].status, JOB_ERROR);
	CHECK_INT(j[3].exit_code, -1);
	CHECK_STR(j[3].message, "fake: no such input");
	CHECK_HAS(slurp("ip-broken.stderr.log"), "fake: no such input");
	CHECK_INT(atomic_load(&broken.calls), 1);
	CHECK_INT(j[4].status, JOB_PASS);
	CHECK_INT(j[4].attempts, 2);
	CHECK(slurp("ip-flaky.attempt1.stdout.log") != NULL);
	CHECK_INT(j[5].status, JOB_PASS);
	CHECK_INT(j[6].status, JOB_BLOCKED);
	error_clear();
	release(j, 7);
}

/* An in-process job and a child run side by side, each in its own slot. */
static void test_inproc_parallel(void)
{
	struct fake slow = { .sleep = 0.4 };
	struct sched_job j[2];
	double t0 = mono();

	inproc(&j[0], "ip-slow", &slow);
	job(&j[1], "child-slow", "sleep 0.4");
	CHECK_INT(run(j, 2, 2, 0, 0), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_PASS);
	CHECK_INT(j[1].status, JOB_PASS);
	CHECK(j[0].seconds >= 0.35 && j[0].seconds < 2);
	CHECK(mono() - t0 < 0.75);
	release(j, 2);
}

struct deadline_ctx {
	struct fake *f;
	double t0, timeout_at;
	int returned_at_timeout;
};

static int on_finish_deadline(void *ctx, size_t n)
{
	struct deadline_ctx *d = ctx;

	if (n == 0) {
		d->timeout_at = mono() - d->t0;
		d->returned_at_timeout = atomic_load(&d->f->returned);
	}
	return 0;
}

/*
 * Past its deadline an in-process job is TIMEOUT at once, is not retried,
 * and blocks its dependents; its function is left to finish, and sched_run
 * returns only after it did.
 */
static void test_inproc_deadline(void)
{
	struct fake hang = { .out = "late\n", .sleep = 0.8 };
	struct deadline_ctx d = { .f = &hang };
	size_t dep[] = { 0 };
	struct sched_job j[3];
	struct sched_opts o;
	int signo;

	inproc(&j[0], "ip-hang", &hang);
	j[0].timeout = 0.2;
	job(&j[1], "after-hang", "echo should-not-run");
	j[1].deps = dep;
	j[1].ndeps = 1;
	job(&j[2], "other", "true");
	memset(&o, 0, sizeof(o));
	o.jobs = 2;
	o.retries = 2;
	o.log_dir = dir;
	o.on_finish = on_finish_deadline;
	o.ctx = &d;
	d.t0 = mono();
	CHECK_INT(sched_run(j, 3, &o, &signo), SCHED_DONE);
	CHECK_INT(j[0].status, JOB_TIMEOUT);
	CHECK_INT(j[0].attempts, 1);
	CHECK_INT(atomic_load(&hang.calls), 1);
	CHECK(d.timeout_at >= 0.2 && d.timeout_at < 0.6);
	CHECK(!d.returned_at_timeout);
	CHECK(atomic_load(&hang.returned));
	CHECK(j[0].seconds >= 0.2 && j[0].seconds < 0.6);
	CHECK_HAS(j[0].message, "left to finish");
	CHECK_HAS(slurp("ip-hang.stderr.log"), "result is discarded");
	CHECK_INT(j[1].status, JOB_BLOCKED);
	CHECK_INT(j[2].status, JOB_PASS);
	release(j, 3);
}

/*
 * Ctrl-C while an in-process job and a child run: the child's group is
 * killed, the function is waited for, and both stay PENDING.
 */
static void test_inproc_interrupt(void)
{
	struct fake ctrl_c = { .sigint = 1, .sleep = 0.3 };
	struct sched_job j[2];
	struct sched_opts o;
	int signo = 0;
	double t0 = mono();

	inproc(&j[0], "ip-interrupted", &ctrl_c);
	job(&j[1], "child-interrupted", "sleep 100");
	memset(&o, 0, sizeof(o));
	o.jobs = 2;
	o.log_dir = dir;
	o.kill_grace = 0.2;
	CHECK_INT(sched_run(j, 2, &o, &signo), SCHED_INTERRUPTED);
	CHECK_INT(signo, SIGINT);
	CHECK(atomic_load(&ctrl_c.returned));
	CHECK_INT(j[0].status, JOB_PENDING);
	CHECK_INT(j[1].status, JOB_PENDING);
	CHECK(mono() - t0 < 5);
	release(j, 2);
}

static int on_finish_abort(void *ctx, size_t n)
{
	(void)ctx;
	if (n == 1)
		return error(EC_EXIT_INTERNAL, "journal full");
	return 0;
}

/* The run cannot go on (on_finish failed) while an in-process job runs: it is waited for, left PENDING. */
static void test_inproc_abort(void)
{
	struct fake slow = { .sleep = 0.3 };
	struct sched_job j[2];
	struct sched_opts o;
	int signo;

	inproc(&j[0], "ip-aborted", &slow);
	job(&j[1], "quick", "true");
	memset(&o, 0, sizeof(o));
	o.jobs = 2;
	o.log_dir = dir;
	o.on_finish = on_finish_abort;
	error_clear();
	CHECK_INT(sched_run(j, 2, &o, &signo), -1);
	CHECK_STR(error_message(), "journal full");
	CHECK(atomic_load(&slow.returned));
	CHECK_INT(j[0].status, JOB_PENDING);
	CHECK_INT(j[1].status, JOB_PASS);
	error_clear();
	release(j, 2);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	/* Orphaned grandchildren come to us, so the tests can see how they died. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	test_outcomes();
	test_deadline_kills_group();
	test_sigterm_ignored();
	test_stragglers_killed();
	test_output_capped();
	test_parallelism();
	test_locks();
	test_blocked();
	test_retry();
	test_steps();
	test_preset();
	test_critical_path();
	test_ties_plan_order();
	test_lock_order();
	test_bad_log_dir();
	main_thread = pthread_self();
	test_inproc_outcomes();
	test_inproc_parallel();
	test_inproc_deadline();
	test_inproc_interrupt();
	test_inproc_abort();
	test_order_matches_reference();
	return check_done();
}
