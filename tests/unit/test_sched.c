/*
 * The scheduler, driven with small real commands (sh, sleep, head) as its
 * fake runner: deadlines and process groups, capped output, start
 * failures, parallelism, locks, blocking, retries.
 */
#include <errno.h>
#include <signal.h>
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
		snprintf(scripts[i], sizeof(scripts[i]),
			 "echo start >> %s; sleep 0.3; echo end >> %s", trace, trace);
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
		snprintf(scripts[i], sizeof(scripts[i]),
			 "echo start >> %s; sleep 0.2; echo end >> %s", trace, trace);
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
		 "if [ -e %s ]; then echo second; else touch %s; echo first-failed >&2; exit 1; fi",
		 marker, marker);
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
	test_bad_log_dir();
	return check_done();
}
