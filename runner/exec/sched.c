#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "emcompat/child.h"
#include "emcompat/error.h"
#include "emcompat/logcap.h"
#include "emcompat/pool.h"
#include "emcompat/sched.h"
#include "emcompat/util.h"

/* How long output pipes may stay open after a job's process group is gone. */
#define DRAIN_SECONDS 2.0

static const char *const status_names[] = {
	"pending", "pass", "fail", "error", "timeout", "blocked", "skipped",
};

const char *job_status_name(enum job_status s)
{
	return (unsigned)s < sizeof(status_names) / sizeof(*status_names) ? status_names[s] : "?";
}

int job_status_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof(status_names) / sizeof(*status_names); i++)
		if (strcmp(status_names[i], name) == 0)
			return (int)i;
	return -1;
}

/* One attempt of an in-process job: the pool's, and its worker's, from submit to reap. */
struct sched_task {
	struct pool_task base;     /* first: the pool hands back &base */
	sched_fn *fn;
	void *arg;
	struct logcap *out, *err;  /* the slot's logs: the loop leaves them alone until the reap */
	int si;      /* the slot it runs in */
	int rc;      /* what FN returned */
	char *message;             /* rc == -1: the worker's error() */
};

struct slot {
	size_t job;
	size_t step;
	struct child child;
	struct sched_task *task;   /* an in-process job's attempt on the pool; NULL for a child */
	struct logcap out, err;
	double start, deadline, kill_at, drain_until;
	int term_sent, timed_out, exited, wstatus;
	int abandoned;             /* in-process, past its deadline: reported, left to finish */
};

/* A binary heap of job indexes: the highest priority on top, ties to the lowest index. */
struct heap {
	size_t *a, n, cap;
};

struct loop {
	struct sched_job *jobs;
	size_t n;
	const struct sched_opts *o;
	size_t *nwait;             /* per job: deps not passed yet */
	size_t *dep_start, *dependents;  /* CSR: dependents of j in [dep_start[j], dep_start[j+1]) */
	double *prio;              /* per job: expected seconds along the longest chain from it (sched.h) */
	struct heap ready;         /* jobs whose deps passed, not started */
	size_t *lock_id;           /* per job: index of its lock key, or -1 */
	struct heap *parked;       /* per lock key: ready jobs that found it held */
	size_t nlocks;
	struct slot *slots;
	struct pool *pool;         /* NULL when no job is in-process */
	int nrunning;
	int stop;    /* fail-fast tripped */
	int aborted;               /* on_finish failed: the run cannot go on */
};

/* Signals reach the loop through a self-pipe; the handler only writes. */
static int sig_pipe[2] = { -1, -1 };
static volatile sig_atomic_t sig_int_count;
static volatile sig_atomic_t sig_last;
/* Process groups to kill if a second SIGINT exits from inside the handler. */
static volatile pid_t *sig_pgids;
static volatile sig_atomic_t sig_npgids;

static void on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig == SIGINT || sig == SIGTERM) {
		sig_last = sig;
		if (sig == SIGINT && ++sig_int_count >= 2) {
			for (sig_atomic_t i = 0; i < sig_npgids; i++)
				if (sig_pgids[i] > 1)
					kill(-sig_pgids[i], SIGKILL);
			_exit(130);
		}
	}
	if (write(sig_pipe[1], &c, 1) < 0) {
		/* The pipe is full: the loop is already due to wake up. */
	}
	errno = saved;
}

static int is_final(enum job_status s)
{
	return s != JOB_PENDING;
}

static int heap_above(const struct loop *l, size_t a, size_t b)
{
	return l->prio[a] > l->prio[b] || (l->prio[a] == l->prio[b] && a < b);
}

static void heap_push(const struct loop *l, struct heap *h, size_t j)
{
	size_t i;

	xgrow(&h->a, &h->cap, h->n + 1, sizeof(*h->a));
	for (i = h->n++; i > 0 && heap_above(l, j, h->a[(i - 1) / 2]); i = (i - 1) / 2)
		h->a[i] = h->a[(i - 1) / 2];
	h->a[i] = j;
}

static size_t heap_pop(const struct loop *l, struct heap *h)
{
	size_t top = h->a[0], last = h->a[--h->n], i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n && heap_above(l, h->a[c + 1], h->a[c]))
			c++;
		if (!heap_above(l, h->a[c], last))
			break;
		h->a[i] = h->a[c];
		i = c;
	}
	if (h->n)
		h->a[i] = last;
	return top;
}

static void push_ready(struct loop *l, size_t j)
{
	heap_push(l, &l->ready, j);
}

/* J left its slot: the best job waiting for its lock may start again. */
static void unpark(struct loop *l, size_t j)
{
	size_t id = l->lock_id[j];

	if (id != (size_t)-1 && l->parked[id].n)
		push_ready(l, heap_pop(l, &l->parked[id]));
}

static void finish(struct loop *l, size_t j);

/* Marks J's pending dependents (and theirs) BLOCKED. */
static void block_dependents(struct loop *l, size_t j)
{
	for (size_t k = l->dep_start[j]; k < l->dep_start[j + 1]; k++) {
		struct sched_job *d = &l->jobs[l->dependents[k]];

		if (d->status != JOB_PENDING)
			continue;
		d->status = JOB_BLOCKED;
		d->exit_code = -1;
		finish(l, l->dependents[k]);
	}
}

/* J has reached its final status: tell the caller, release or block dependents. */
static void finish(struct loop *l, size_t j)
{
	struct sched_job *job = &l->jobs[j];

	if (l->o->on_finish && !l->aborted && l->o->on_finish(l->o->ctx, j))
		l->aborted = 1;
	if (job->status == JOB_SKIPPED)
		return;  /* its dependents are skipped too, by the same sweep */
	if (job->status == JOB_PASS) {
		for (size_t k = l->dep_start[j]; k < l->dep_start[j + 1]; k++) {
			size_t d = l->dependents[k];

			if (l->jobs[d].status == JOB_PENDING && --l->nwait[d] == 0)
				push_ready(l, d);
		}
		return;
	}
	if (job->status != JOB_BLOCKED && l->o->fail_fast)
		l->stop = 1;
	block_dependents(l, j);
}

struct lock_ref {
	const char *key;
	size_t job;
};

static int cmp_lock_ref(const void *a, const void *b)
{
	return strcmp(((const struct lock_ref *)a)->key, ((const struct lock_ref *)b)->key);
}

/* Numbers the distinct lock keys, so a job waiting for one can be parked with it. */
static void index_locks(struct loop *l)
{
	struct lock_ref *refs = xcalloc(l->n + 1, sizeof(*refs));
	size_t nrefs = 0;

	l->lock_id = xcalloc(l->n + 1, sizeof(*l->lock_id));
	for (size_t j = 0; j < l->n; j++) {
		l->lock_id[j] = (size_t)-1;
		if (l->jobs[j].lock)
			refs[nrefs++] = (struct lock_ref){ l->jobs[j].lock, j };
	}
	if (nrefs)
		qsort(refs, nrefs, sizeof(*refs), cmp_lock_ref);
	for (size_t i = 0; i < nrefs; i++) {
		if (i == 0 || strcmp(refs[i - 1].key, refs[i].key) != 0)
			l->nlocks++;
		l->lock_id[refs[i].job] = l->nlocks - 1;
	}
	l->parked = xcalloc(l->nlocks + 1, sizeof(*l->parked));
	free(refs);
}

/*
 * Priorities along the critical path: dependents come after their deps,
 * so one sweep from the end sees every dependent's before its own.
 */
static void compute_priorities(struct loop *l)
{
	l->prio = xcalloc(l->n + 1, sizeof(*l->prio));
	for (size_t j = l->n; j-- > 0;) {
		const struct sched_job *job = &l->jobs[j];
		double longest = 0;

		for (size_t k = l->dep_start[j]; k < l->dep_start[j + 1]; k++)
			if (l->prio[l->dependents[k]] > longest)
				longest = l->prio[l->dependents[k]];
		/* A job finished before the run (resume, cache) takes no time now. */
		l->prio[j] = longest + (is_final(job->status) || job->expected < 0 ? 0 : job->expected);
	}
}

static int build_graph(struct loop *l)
{
	size_t total = 0, *fill;

	l->nwait = xcalloc(l->n, sizeof(*l->nwait));
	l->dep_start = xcalloc(l->n + 1, sizeof(*l->dep_start));
	for (size_t j = 0; j < l->n; j++) {
		for (size_t d = 0; d < l->jobs[j].ndeps; d++) {
			size_t dep = l->jobs[j].deps[d];

			if (dep >= j)
				return error(EC_EXIT_INTERNAL, "job %s: dependency %zu is not before it",
					     l->jobs[j].name, dep);
			l->dep_start[dep + 1]++;
			total++;
		}
	}
	for (size_t j = 0; j < l->n; j++)
		l->dep_start[j + 1] += l->dep_start[j];
	l->dependents = xcalloc(total, sizeof(*l->dependents));
	fill = xcalloc(l->n, sizeof(*fill));
	for (size_t j = 0; j < l->n; j++)
		for (size_t d = 0; d < l->jobs[j].ndeps; d++) {
			size_t dep = l->jobs[j].deps[d];

			l->dependents[l->dep_start[dep] + fill[dep]++] = j;
		}
	free(fill);
	compute_priorities(l);
	index_locks(l);
	/* Jobs finished earlier (resume) stay as they are; the rest wait or are ready. */
	for (size_t j = 0; j < l->n; j++) {
		struct sched_job *job = &l->jobs[j];

		if (is_final(job->status))
			continue;
		job->exit_code = -1;
		for (size_t d = 0; d < job->ndeps; d++) {
			enum job_status s = l->jobs[job->deps[d]].status;

			if (s == JOB_PENDING)
				l->nwait[j]++;
			else if (s != JOB_PASS)
				job->status = JOB_BLOCKED;
		}
		if (job->status == JOB_BLOCKED)
			finish(l, j);
		else if (l->nwait[j] == 0)
			push_ready(l, j);
	}
	return 0;
}

static int lock_held(const struct loop *l, const char *lock)
{
	if (!lock)
		return 0;
	for (int s = 0; s < l->o->jobs; s++)
		if (l->slots[s].job != (size_t)-1 && l->jobs[l->slots[s].job].lock &&
		    strcmp(l->jobs[l->slots[s].job].lock, lock) == 0)
			return 1;
	return 0;
}

static int open_logs(struct loop *l, struct slot *s, const struct sched_job *job)
{
	size_t cap = l->o->log_cap ? l->o->log_cap : 4u << 20;
	char *out = xasprintf("%s/%s.stdout.log", l->o->log_dir, job->name);
	char *err = xasprintf("%s/%s.stderr.log", l->o->log_dir, job->name);
	int rc = logcap_open(&s->out, out, cap);

	if (rc == 0 && logcap_open(&s->err, err, cap)) {
		logcap_close(&s->out);
		rc = -1;
	}
	free(out);
	free(err);
	return rc;
}

/* Keeps a failed attempt's logs as <name>.attempt<N>.<stream>.log before a retry. */
static void keep_attempt_logs(struct loop *l, const struct sched_job *job)
{
	static const char *const streams[] = { "stdout", "stderr" };

	for (int i = 0; i < 2; i++) {
		char *from = xasprintf("%s/%s.%s.log", l->o->log_dir, job->name, streams[i]);
		char *to = xasprintf("%s/%s.attempt%d.%s.log", l->o->log_dir, job->name, job->attempts, streams[i]);

		rename(from, to);
		free(from);
		free(to);
	}
}

static size_t job_nsteps(const struct sched_job *job)
{
	return job->nsteps ? job->nsteps : 1;
}

/* Writes "$ argv..." to the stdout log, so a log shows which command said what. */
static void log_command(struct slot *s, const char *const *argv)
{
	struct strbuf sb = { 0 };

	strbuf_addstr(&sb, "$");
	for (size_t i = 0; argv[i]; i++) {
		strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, argv[i]);
	}
	strbuf_addch(&sb, '\n');
	logcap_write(&s->out, sb.buf, sb.len);
	strbuf_release(&sb);
}

/*
 * Spawns step S->step of the slot's job. Returns 0 when it started, 1 when
 * it could not (the job is then an ERROR, its message in the stderr log).
 */
static int start_step(struct slot *s, struct sched_job *job)
{
	struct child_opts so = { .argv = job->argv, .env = job->env, .cwd = job->cwd };

	if (job->nsteps) {
		so.argv = job->steps[s->step].argv;
		so.env = job->steps[s->step].env;
		so.cwd = job->steps[s->step].cwd;
	}
	log_command(s, so.argv);
	memset(&s->child, 0, sizeof(s->child));
	s->exited = 0;
	s->drain_until = 0;
	if (child_start(&s->child, &so) == 0)
		return 0;
	free(job->message);
	job->message = xstrdup(error_message());
	error_clear();
	logcap_write(&s->err, job->message, strlen(job->message));
	logcap_write(&s->err, "\n", 1);
	return 1;
}

/* On a pool thread: one attempt of an in-process job. */
static void task_run(struct pool_task *pt)
{
	struct sched_task *t = (struct sched_task *)pt;

	t->rc = t->fn(t->arg, t->out, t->err);
	if (t->rc < 0)
		t->message = xstrdup(error_pending() ? error_message()
						     : "the in-process job failed without saying why");
	/* The thread's next task starts with no error of this one's. */
	error_clear();
}

/* Hands slot SI's job J, an in-process one, to the pool. */
static void start_task(struct loop *l, int si, size_t j)
{
	struct slot *s = &l->slots[si];
	const struct sched_job *job = &l->jobs[j];
	struct sched_task *t = xcalloc(1, sizeof(*t));

	if (job->argv)
		log_command(s, job->argv);
	s->child = (struct child){ .pid = -1, .out_fd = -1, .err_fd = -1 };
	t->base.run = task_run;
	t->fn = job->fn;
	t->arg = job->arg;
	t->out = &s->out;
	t->err = &s->err;
	t->si = si;
	s->task = t;
	pool_submit(l->pool, &t->base);
}

/* Starts J in slot S. Returns 0 (started, or could not start: JOB_ERROR), -1 on runner failure. */
static int start(struct loop *l, int si, size_t j)
{
	struct sched_job *job = &l->jobs[j];
	struct slot *s = &l->slots[si];

	memset(s, 0, sizeof(*s));
	s->job = (size_t)-1;
	job->attempts++;
	job->started = time_wall();
	free(job->message);
	job->message = NULL;
	if (open_logs(l, s, job))
		return -1;
	s->start = time_monotonic();
	if (job->fn) {
		start_task(l, si, j);
	} else if (start_step(s, job)) {
		if (logcap_close(&s->out) | logcap_close(&s->err))
			return -1;
		job->status = JOB_ERROR;
		job->exit_code = -1;
		job->seconds = 0;
		finish(l, j);
		return 0;
	}
	s->job = j;
	s->deadline = job->timeout > 0 ? s->start + job->timeout : 0;
	sig_pgids[si] = job->fn ? 0 : s->child.pid;
	l->nrunning++;
	return 0;
}

static int start_ready(struct loop *l)
{
	while (l->ready.n && l->nrunning < l->o->jobs && !l->stop) {
		size_t j = heap_pop(l, &l->ready);
		int si;

		if (lock_held(l, l->jobs[j].lock)) {
			heap_push(l, &l->parked[l->lock_id[j]], j);
			continue;
		}
		for (si = 0; l->slots[si].job != (size_t)-1; si++)
			;
		if (start(l, si, j))
			return -1;
	}
	return 0;
}

/* The slot's job has its outcome: close its logs, free the slot, then retry or finish the job. */
static int settle(struct loop *l, int si)
{
	struct slot *s = &l->slots[si];
	size_t j = s->job;
	struct sched_job *job = &l->jobs[j];

	if (logcap_close(&s->out) | logcap_close(&s->err))
		return -1;
	s->job = (size_t)-1;
	sig_pgids[si] = 0;
	l->nrunning--;
	unpark(l, j);
	if ((job->status == JOB_FAIL || job->status == JOB_TIMEOUT) && job->attempts <= l->o->retries && !l->stop) {
		keep_attempt_logs(l, job);
		job->status = JOB_PENDING;
		push_ready(l, j);
		return 0;
	}
	finish(l, j);
	return 0;
}

/* The slot's child is over: start the job's next step, or record its outcome. */
static int complete(struct loop *l, int si)
{
	struct slot *s = &l->slots[si];
	size_t j = s->job;
	struct sched_job *job = &l->jobs[j];

	if (s->child.out_fd >= 0 || s->child.err_fd >= 0) {
		/* Something outside the group (a daemon that called setsid) holds the pipes. */
		const char *note = "\n[emcompat: output still open after the job's process group was gone; "
				   "a process that left the group holds it]\n";

		logcap_write(&s->err, note, strlen(note));
	}
	child_close(&s->child);
	if (!s->timed_out && child_exit_code(s->wstatus) == 0 && s->step + 1 < job_nsteps(job)) {
		s->step++;
		if (start_step(s, job) == 0) {
			sig_pgids[si] = s->child.pid;
			return 0;
		}
		/* The next step could not start: the job is an ERROR. */
		job->seconds = time_monotonic() - s->start;
		job->status = JOB_ERROR;
		job->exit_code = -1;
		return settle(l, si);
	}
	job->seconds = time_monotonic() - s->start;
	if (s->timed_out) {
		job->status = JOB_TIMEOUT;
		job->exit_code = -1;
		free(job->message);
		job->message = xasprintf("timed out after %.0f s", job->timeout);
	} else {
		job->exit_code = child_exit_code(s->wstatus);
		job->status = job->exit_code == 0 ? JOB_PASS : JOB_FAIL;
	}
	return settle(l, si);
}

/* The pool handed back T, an in-process job's attempt: record its outcome. */
static int complete_task(struct loop *l, struct sched_task *t)
{
	int si = t->si;
	struct slot *s = &l->slots[si];
	struct sched_job *job = &l->jobs[s->job];

	s->task = NULL;
	s->exited = 1;
	if (s->abandoned) {
		/* Reported TIMEOUT at its deadline: what it returned now is not its result. */
		static const char note[] = "\n[emcompat: the in-process job returned after its deadline; "
					   "its result is discarded]\n";

		free(t->message);
		free(t);
		logcap_write(&s->err, note, sizeof(note) - 1);
		if (logcap_close(&s->out) | logcap_close(&s->err))
			return -1;
		unpark(l, s->job);
		s->job = (size_t)-1;
		l->nrunning--;
		return 0;
	}
	job->seconds = time_monotonic() - s->start;
	if (t->rc < 0) {
		job->status = JOB_ERROR;
		job->exit_code = -1;
		free(job->message);
		job->message = t->message;
		logcap_write(&s->err, job->message, strlen(job->message));
		logcap_write(&s->err, "\n", 1);
	} else {
		job->status = t->rc == 0 ? JOB_PASS : JOB_FAIL;
		job->exit_code = t->rc;
		free(t->message);
	}
	free(t);
	return settle(l, si);
}

/*
 * An in-process job past its deadline cannot be stopped: report it TIMEOUT
 * now, and let it finish in its slot (sched.h).
 */
static void check_task_deadline(struct loop *l, struct slot *s, double now)
{
	struct sched_job *job = &l->jobs[s->job];

	if (s->abandoned || !s->deadline || now < s->deadline)
		return;
	s->abandoned = 1;
	job->status = JOB_TIMEOUT;
	job->exit_code = -1;
	job->seconds = now - s->start;
	free(job->message);
	job->message = xasprintf("timed out after %.0f s (an in-process job cannot be killed: it was left "
				 "to finish, and its result discarded)",
				 job->timeout);
	finish(l, s->job);
}

/*
 * Signals a slot's group. A group that cannot be signalled (EPERM) is not a
 * reason to stop the run: its failure is dropped, unless it is the error
 * being reported anyway.
 */
static void kill_group(struct slot *s, int sig)
{
	int had = error_pending();

	if (child_kill_group(&s->child, sig) && !had)
		error_clear();
}

/* Has the slot's main process exited? Then kill what is left of its group, and reap it. */
static void check_exit(struct slot *s, double now)
{
	int had;

	if (s->exited || !child_exited(&s->child))
		return;
	kill_group(s, SIGKILL);
	had = error_pending();
	/* Cannot fail for a child only we reap; if it did, like kill_group's, it is no reason to stop. */
	if (child_wait(&s->child, &s->wstatus) && !had)
		error_clear();
	s->exited = 1;
	s->drain_until = now + DRAIN_SECONDS;
}

static void check_deadline(struct loop *l, struct slot *s, double now)
{
	if (s->exited)
		return;
	if (s->deadline && !s->term_sent && now >= s->deadline) {
		kill_group(s, SIGTERM);
		s->term_sent = s->timed_out = 1;
		s->kill_at = now + (l->o->kill_grace > 0 ? l->o->kill_grace : 5.0);
	} else if (s->term_sent && now >= s->kill_at) {
		kill_group(s, SIGKILL);
		s->kill_at = now + 3600;
	}
}

/* The poll timeout in ms: until the nearest deadline, kill or drain time. */
static int next_timeout(const struct loop *l, double now)
{
	double next = -1;

	for (int si = 0; si < l->o->jobs; si++) {
		const struct slot *s = &l->slots[si];
		double t;

		if (s->job == (size_t)-1)
			continue;
		if (s->task)
			t = s->abandoned ? 0 : s->deadline;  /* its return wakes the poll through the pool's pipe */
		else if (s->exited)
			t = s->drain_until;
		else if (s->term_sent)
			t = s->kill_at;
		else if (s->deadline)
			t = s->deadline;
		else
			continue;  /* its exit wakes the poll through SIGCHLD and the self-pipe */
		if (t == 0)
			continue;
		if (next < 0 || t < next)
			next = t;
	}
	if (next < 0)
		return -1;
	return next <= now ? 0 : (int)((next - now) * 1000) + 1;
}

/* Collects the in-process attempts that returned, without recording them (interrupt or runner failure). */
static void drop_tasks(struct loop *l)
{
	struct pool_task *pt;

	while (l->pool && (pt = pool_reap(l->pool))) {
		struct sched_task *t = (struct sched_task *)pt;

		l->slots[t->si].task = NULL;
		l->slots[t->si].exited = 1;
		free(t->message);
		free(t);
	}
}

/*
 * Kills every running group and reaps the children, and waits for every
 * in-process job to return (interrupt or runner failure).
 */
static void kill_all(struct loop *l, double grace)
{
	double until = time_monotonic() + grace;

	for (int si = 0; si < l->o->jobs; si++)
		if (l->slots[si].job != (size_t)-1 && !l->slots[si].exited && !l->slots[si].task)
			kill_group(&l->slots[si], SIGTERM);
	for (;;) {
		int alive = 0;

		drop_tasks(l);
		for (int si = 0; si < l->o->jobs; si++) {
			struct slot *s = &l->slots[si];

			if (s->job == (size_t)-1)
				continue;
			if (!s->task)
				check_exit(s, time_monotonic());
			alive |= !s->exited;
		}
		if (!alive)
			break;
		if (time_monotonic() >= until) {
			for (int si = 0; si < l->o->jobs; si++)
				if (l->slots[si].job != (size_t)-1 && !l->slots[si].exited && !l->slots[si].task)
					kill_group(&l->slots[si], SIGKILL);
			until = time_monotonic() + 3600;
		}
		poll(NULL, 0, 10);
	}
	for (int si = 0; si < l->o->jobs; si++) {
		struct slot *s = &l->slots[si];

		if (s->job == (size_t)-1)
			continue;
		child_close(&s->child);
		logcap_close(&s->out);
		logcap_close(&s->err);
		/* A job reported TIMEOUT at its deadline keeps that status. */
		if (!s->abandoned)
			l->jobs[s->job].status = JOB_PENDING;
		s->job = (size_t)-1;
		sig_pgids[si] = 0;
	}
	l->nrunning = 0;
}

static int loop_run(struct loop *l, int *signo)
{
	struct pollfd *fds = xcalloc((size_t)l->o->jobs * 2 + 2, sizeof(*fds));
	int rc = SCHED_DONE;

	for (;;) {
		double now;
		nfds_t nfds = 1;

		if (l->o->on_batch && !l->aborted && l->o->on_batch(l->o->ctx))
			l->aborted = 1;
		if (l->aborted || start_ready(l) || l->aborted) {
			rc = -1;
			break;
		}
		if (l->o->on_tick)
			l->o->on_tick(l->o->ctx, l->nrunning);
		if (l->nrunning == 0)
			break;
		fds[0].fd = sig_pipe[0];
		fds[0].events = POLLIN;
		if (l->pool)
			fds[nfds++] = (struct pollfd){ .fd = pool_fd(l->pool), .events = POLLIN };
		for (int si = 0; si < l->o->jobs; si++) {
			struct slot *s = &l->slots[si];

			if (s->job == (size_t)-1)
				continue;
			if (s->child.out_fd >= 0)
				fds[nfds++] = (struct pollfd){ .fd = s->child.out_fd, .events = POLLIN };
			if (s->child.err_fd >= 0)
				fds[nfds++] = (struct pollfd){ .fd = s->child.err_fd, .events = POLLIN };
		}
		if (poll(fds, nfds, next_timeout(l, time_monotonic())) < 0 && errno != EINTR) {
			rc = error(EC_EXIT_INTERNAL, "poll: %s", strerror(errno));
			break;
		}
		if (fds[0].revents) {
			char buf[64];

			while (read(sig_pipe[0], buf, sizeof(buf)) > 0)
				;
		}
		if (sig_last) {
			*signo = sig_last;
			rc = SCHED_INTERRUPTED;
			break;
		}
		if (l->pool) {
			struct pool_task *pt;

			while (rc == SCHED_DONE && (pt = pool_reap(l->pool)))
				if (complete_task(l, (struct sched_task *)pt))
					rc = -1;
		}
		now = time_monotonic();
		for (int si = 0; si < l->o->jobs && rc == SCHED_DONE; si++) {
			struct slot *s = &l->slots[si];

			if (s->job == (size_t)-1)
				continue;
			if (s->task) {
				check_task_deadline(l, s, now);
				continue;
			}
			if (child_drain(&s->child.out_fd, &s->out) || child_drain(&s->child.err_fd, &s->err)) {
				rc = -1;
				break;
			}
			check_exit(s, now);
			check_deadline(l, s, now);
			if (s->exited && ((s->child.out_fd < 0 && s->child.err_fd < 0) || now >= s->drain_until) &&
			    complete(l, si))
				rc = -1;
		}
		if (l->aborted)
			rc = -1;
		if (rc != SCHED_DONE)
			break;
	}
	if (rc != SCHED_DONE)
		kill_all(l, rc == SCHED_INTERRUPTED ? 2.0 : 0.5);
	free(fds);
	return rc;
}

int sched_run(struct sched_job *jobs, size_t n, const struct sched_opts *o, int *signo)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGCHLD };
	struct sigaction sa, old[3];
	struct loop l;
	int rc;

	memset(&l, 0, sizeof(l));
	l.jobs = jobs;
	l.n = n;
	l.o = o;
	*signo = 0;
	if (o->jobs < 1)
		return error(EC_EXIT_INPUT, "-j must be at least 1");
	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK))
		return error(EC_EXIT_INTERNAL, "pipe: %s", strerror(errno));
	l.slots = xcalloc((size_t)o->jobs, sizeof(*l.slots));
	for (int si = 0; si < o->jobs; si++)
		l.slots[si].job = (size_t)-1;
	sig_pgids = xcalloc((size_t)o->jobs, sizeof(*sig_pgids));
	sig_npgids = o->jobs;
	sig_int_count = 0;
	sig_last = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);

	rc = build_graph(&l);
	if (rc == 0 && l.aborted)
		rc = -1;
	if (rc == 0) {
		size_t ntasks = 0;

		for (size_t j = 0; j < n; j++)
			ntasks += jobs[j].fn && jobs[j].status == JOB_PENDING;
		/* No more threads than could run at once: a task never waits in the queue. */
		if (ntasks && !(l.pool = pool_new(ntasks < (size_t)o->jobs ? (int)ntasks : o->jobs)))
			rc = -1;
	}
	if (rc == 0)
		rc = loop_run(&l, signo);
	/* Fail-fast, or a run that could not go on: what never started is SKIPPED. */
	if (rc == SCHED_DONE)
		for (size_t j = 0; j < n; j++)
			if (jobs[j].status == JOB_PENDING) {
				jobs[j].status = JOB_SKIPPED;
				jobs[j].exit_code = -1;
				finish(&l, j);
			}

	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	sig_npgids = 0;
	free((void *)sig_pgids);
	sig_pgids = NULL;
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
	/* Every in-process job has returned and been reaped by now. */
	pool_free(l.pool);
	free(l.slots);
	free(l.nwait);
	free(l.dep_start);
	free(l.dependents);
	free(l.prio);
	free(l.ready.a);
	for (size_t i = 0; i < l.nlocks; i++)
		free(l.parked[i].a);
	free(l.parked);
	free(l.lock_id);
	return rc;
}

void sched_jobs_release(struct sched_job *jobs, size_t n)
{
	for (size_t j = 0; j < n; j++) {
		free(jobs[j].message);
		jobs[j].message = NULL;
	}
}
