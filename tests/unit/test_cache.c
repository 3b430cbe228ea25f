/*
 * The node cache: a stored node is a hit for its fingerprint only; a miss
 * still tells how long the recorded node took (the scheduler's estimate).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void on_waiting(void *ctx, const char *nodes)
{
	(void)nodes;
	(*(int *)ctx)++;
}

struct locker {
	const char *nodes;
	int fd, rc;
	atomic_int waited;
};

static void on_waiting_atomic(void *ctx, const char *nodes)
{
	(void)nodes;
	atomic_fetch_add((atomic_int *)ctx, 1);
}

static void *lock_second(void *arg)
{
	struct locker *l = arg;

	l->rc = cache_lock(l->nodes, &l->fd, on_waiting_atomic, &l->waited);
	return NULL;
}

/*
 * One run at a time: a second lock on the same nodes dir (flock locks
 * belong to the open file, so a thread of ours is another run) says it
 * waits, and gets the lock once the first is closed.
 */
static void test_lock(void)
{
	char *nodes = xasprintf("%s/lock-nodes", dir);
	struct locker second = { nodes, -1, -1, 0 };
	int fd = -1, waited = 0;
	pthread_t t;

	CHECK_INT(mkdir_p(nodes), 0);
	CHECK_INT(cache_lock(nodes, &fd, on_waiting, &waited), 0);
	CHECK(fd >= 0);
	CHECK_INT(waited, 0);
	CHECK_INT(pthread_create(&t, NULL, lock_second, &second), 0);
	for (int i = 0; i < 1000 && atomic_load(&second.waited) == 0; i++)
		usleep(10000);
	close(fd);
	pthread_join(t, NULL);
	CHECK_INT(second.rc, 0);
	CHECK_INT(atomic_load(&second.waited), 1);
	CHECK(second.fd >= 0);
	close(second.fd);
	/* No lock file can be made: an error naming it. */
	error_clear();
	CHECK_INT(cache_lock("/nonexistent/nodes", &fd, NULL, NULL), -1);
	CHECK_INT(error_code(), EC_EXIT_INTERNAL);
	error_clear();
	free(nodes);
}

/* The cache dir may be a link; what a run writes under it may not. */
static void test_links(void)
{
	char *cache = xasprintf("%s/links", dir), *src = xasprintf("%s/links/src", dir);
	char *target = xasprintf("%s/elsewhere", dir);

	CHECK_INT(mkdir_p(cache), 0);
	CHECK_INT(cache_check_links(cache), 0);   /* nothing there yet */
	CHECK_INT(mkdir_p(target), 0);
	CHECK_INT(symlink(target, src), 0);
	error_clear();
	CHECK_INT(cache_check_links(cache), -1);
	CHECK(error_pending());
	error_clear();
	free(cache);
	free(src);
	free(target);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_hit_and_miss();
	test_lock();
	test_links();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
