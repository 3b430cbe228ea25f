/*
 * The worker pool: every task runs once, on a worker, at most N at once;
 * finished tasks come back through pool_fd/pool_reap in the order they
 * finished; workers block signals and have their own error() state;
 * pool_free runs what is still queued.
 */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/pool.h"

static atomic_int running, most;

struct task {
	struct pool_task base;
	int id;
	int runs;
	int on_main;
	int sigint_blocked;
	int saw_own_error;
	double sleep;
};

static pthread_t main_thread;

static void nap(double seconds)
{
	struct timespec ts = { (time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9) };

	nanosleep(&ts, NULL);
}

static void run_task(struct pool_task *pt)
{
	struct task *t = (struct task *)pt;
	int now = atomic_fetch_add(&running, 1) + 1, seen = atomic_load(&most);
	sigset_t mask;
	char want[32];

	while (now > seen && !atomic_compare_exchange_weak(&most, &seen, now))
		;
	t->runs++;
	t->on_main = pthread_equal(pthread_self(), main_thread);
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	t->sigint_blocked = sigismember(&mask, SIGINT) == 1;
	/* error() state is the worker's own: the main thread's error is not here, nor this one there. */
	snprintf(want, sizeof(want), "task %d", t->id);
	error_clear();
	error(EC_EXIT_INPUT, "%s", want);
	t->saw_own_error = strcmp(error_message(), want) == 0;
	error_clear();
	nap(t->sleep);
	atomic_fetch_sub(&running, 1);
}

/* Waits on pool_fd and reaps until N tasks came back; returns how many did. */
static int reap_all(struct pool *p, struct task **order, int n)
{
	int got = 0;

	while (got < n) {
		struct pollfd pfd = { .fd = pool_fd(p), .events = POLLIN };
		struct pool_task *pt;

		if (poll(&pfd, 1, 5000) <= 0)
			break;
		while ((pt = pool_reap(p)))
			order[got++] = (struct task *)pt;
	}
	return got;
}

static void test_runs_each_once(void)
{
	struct task t[12], *order[12];
	struct pool *p = pool_new(3);

	CHECK(p != NULL);
	if (!p)
		return;
	atomic_store(&running, 0);
	atomic_store(&most, 0);
	memset(t, 0, sizeof(t));
	for (int i = 0; i < 12; i++) {
		t[i].base.run = run_task;
		t[i].id = i;
		t[i].sleep = 0.03;
		pool_submit(p, &t[i].base);
	}
	error_clear();
	error(EC_EXIT_INTERNAL, "main");
	CHECK_INT(reap_all(p, order, 12), 12);
	CHECK(pool_reap(p) == NULL);
	CHECK_STR(error_message(), "main");
	error_clear();
	for (int i = 0; i < 12; i++) {
		CHECK_INT(t[i].runs, 1);
		CHECK(!t[i].on_main);
		CHECK(t[i].sigint_blocked);
		CHECK(t[i].saw_own_error);
	}
	/* Three workers, twelve tasks of 30 ms: never more than three at once, and overlap happened. */
	CHECK(atomic_load(&most) <= 3);
	CHECK(atomic_load(&most) >= 2);
	pool_free(p);
}

/* A quick task submitted after a slow one comes back first. */
static void test_reap_order(void)
{
	struct task slow, quick, *order[2] = { NULL, NULL };
	struct pool *p = pool_new(2);

	CHECK(p != NULL);
	if (!p)
		return;
	memset(&slow, 0, sizeof(slow));
	memset(&quick, 0, sizeof(quick));
	slow.base.run = quick.base.run = run_task;
	slow.sleep = 0.3;
	pool_submit(p, &slow.base);
	pool_submit(p, &quick.base);
	CHECK_INT(reap_all(p, order, 2), 2);
	CHECK(order[0] == &quick);
	CHECK(order[1] == &slow);
	pool_free(p);
}

/* pool_free lets queued tasks run and waits for them. */
static void test_free_runs_queue(void)
{
	struct task t[5];
	struct pool *p = pool_new(1);

	CHECK(p != NULL);
	if (!p)
		return;
	memset(t, 0, sizeof(t));
	for (int i = 0; i < 5; i++) {
		t[i].base.run = run_task;
		t[i].sleep = 0.01;
		pool_submit(p, &t[i].base);
	}
	pool_free(p);
	for (int i = 0; i < 5; i++)
		CHECK_INT(t[i].runs, 1);
	pool_free(NULL);
}

int main(void)
{
	main_thread = pthread_self();
	test_runs_each_once();
	test_reap_order();
	test_free_runs_queue();
	return check_done();
}
