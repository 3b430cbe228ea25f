/*
 * The node cache: a stored node is a hit for its fingerprint only; a miss
 * still tells how long the recorded node took (the scheduler's estimate).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/cache.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/test_cache.XXXXXX";

static void test_hit_and_miss(void)
{
	struct sched_job job;
	struct cache_record rec;
	char *node = xasprintf("%s/nodes/std-1", dir), *logs = xasprintf("%s/logs", dir);

	CHECK_INT(mkdir_p(node), 0);
	CHECK_INT(mkdir_p(logs), 0);
	/* Nothing recorded: a miss with no estimate. */
	CHECK_INT(cache_lookup(node, "aa", &rec), 0);
	CHECK(rec.seconds < 0);
	memset(&job, 0, sizeof(job));
	job.name = "std-1";
	job.status = JOB_PASS;
	job.attempts = 1;
	job.seconds = 61.25;
	job.started = 1e9;
	CHECK_INT(cache_store(node, "aa", &job, logs), 0);
	CHECK_INT(cache_lookup(node, "aa", &rec), 1);
	CHECK_INT(rec.status, JOB_PASS);
	CHECK(rec.seconds == 61.25);
	/* Another fingerprint must run, and is expected to take as long. */
	rec.seconds = 0;
	CHECK_INT(cache_lookup(node, "bb", &rec), 0);
	CHECK(rec.seconds == 61.25);
	free(node);
	free(logs);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_hit_and_miss();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
