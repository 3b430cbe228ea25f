#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emcompat/error.h"
#include "emcompat/pool.h"
#include "emcompat/util.h"

/* A FIFO of tasks linked through next_. */
struct queue {
	struct pool_task *head, *tail;
};

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t work;       /* signalled when a task is queued or the pool stops */
	struct queue todo, done;   /* both under LOCK */
	int stopping;              /* under LOCK */
	int pipe[2];               /* a byte per finished task: wakes the loop's poll */
	pthread_t *threads;
	int nthreads;
};

static void queue_push(struct queue *q, struct pool_task *t)
{
	t->next_ = NULL;
	if (q->tail)
		q->tail->next_ = t;
	else
		q->head = t;
	q->tail = t;
}

static struct pool_task *queue_pop(struct queue *q)
{
	struct pool_task *t = q->head;

	if (t) {
		q->head = t->next_;
		if (!q->head)
			q->tail = NULL;
		t->next_ = NULL;
	}
	return t;
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	const char c = 0;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		struct pool_task *t = queue_pop(&p->todo);

		if (!t) {
			if (p->stopping)
				break;
			pthread_cond_wait(&p->work, &p->lock);
			continue;
		}
		pthread_mutex_unlock(&p->lock);
		t->run(t);
		pthread_mutex_lock(&p->lock);
		queue_push(&p->done, t);
		/* A full pipe already holds a wake-up: the reaper empties the whole list. */
		if (write(p->pipe[1], &c, 1) < 0 && errno != EAGAIN)
			abort();
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Stops and joins the first N workers; frees P. */
static void shut_down(struct pool *p, int n)
{
	pthread_mutex_lock(&p->lock);
	p->stopping = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < n; i++)
		pthread_join(p->threads[i], NULL);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	close(p->pipe[0]);
	close(p->pipe[1]);
	free(p->threads);
	free(p);
}

struct pool *pool_new(int nthreads)
{
	struct pool *p = xcalloc(1, sizeof(*p));
	sigset_t all, old;
	int rc = 0, n;

	if (nthreads < 1)
		nthreads = 1;
	if (pipe2(p->pipe, O_CLOEXEC | O_NONBLOCK)) {
		error(EC_EXIT_INTERNAL, "pool: cannot make a pipe: %s", xstrerror(errno));
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	p->threads = xcalloc((size_t)nthreads, sizeof(*p->threads));
	/* Threads inherit the creator's mask: block everything while making them. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (n = 0; n < nthreads && rc == 0; n++)
		rc = pthread_create(&p->threads[n], NULL, worker, p);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		shut_down(p, n - 1);
		error(EC_EXIT_INTERNAL, "pool: cannot start a thread: %s", xstrerror(rc));
		return NULL;
	}
	p->nthreads = nthreads;
	return p;
}

int pool_fd(const struct pool *p)
{
	return p->pipe[0];
}

void pool_submit(struct pool *p, struct pool_task *t)
{
	pthread_mutex_lock(&p->lock);
	queue_push(&p->todo, t);
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

struct pool_task *pool_reap(struct pool *p)
{
	struct pool_task *t;
	char buf[64];

	/* Empty the pipe first: a task finished after this point leaves a byte behind. */
	while (read(p->pipe[0], buf, sizeof(buf)) > 0)
		;
	pthread_mutex_lock(&p->lock);
	t = queue_pop(&p->done);
	pthread_mutex_unlock(&p->lock);
	return t;
}

void pool_free(struct pool *p)
{
	if (p)
		shut_down(p, p->nthreads);
}
