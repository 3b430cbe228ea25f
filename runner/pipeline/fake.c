#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emcompat/child.h"
#include "emcompat/error.h"
#include "emcompat/fake.h"
#include "emcompat/util.h"

void fake_init(struct fake *f, const char *dir, const char *run_dir)
{
	memset(f, 0, sizeof(*f));
	f->dir = dir;
	f->run_dir = run_dir;
}

static char *keep(struct fake *f, char *s)
{
	xgrow(&f->strings, &f->cap_strings, f->nstrings + 1, sizeof(*f->strings));
	f->strings[f->nstrings++] = s;
	return s;
}

static const char *node_dir(struct fake *f, const struct plan *p, size_t n)
{
	return keep(f, xasprintf("%s/nodes/%s", f->run_dir, p->nodes[n].id));
}

/* DIR/<stage> KEY=VALUE..., env, cwd. */
int fake_job(struct fake *f, const struct plan *p, size_t n, struct sched_job *job)
{
	const struct matrix *m = p->matrix;
	const struct plan_node *node = &p->nodes[n];
	const struct matrix_cell *c = &m->cells[node->cell];
	static const char *const ours[] = { "EMCOMPAT_*", NULL };
	const char **argv = xcalloc(m->nkeys + 2, sizeof(*argv));
	const char **set = xcalloc(node->ndeps + 4, sizeof(*set));
	const char *out = node_dir(f, p, n);
	size_t a = 0, e = 0;

	keep(f, (char *)argv);
	argv[a++] = keep(f, xasprintf("%s/%s", f->dir, stage_name(node->stage)));
	for (size_t k = 0; k < m->nkeys; k++)
		if (c->values[k] && plan_node_reads(p, node, k))
			argv[a++] = keep(f, xasprintf("%s=%s", m->keys[k], c->values[k]));
	set[e++] = keep(f, xasprintf("EMCOMPAT_NODE=%s", node->id));
	set[e++] = keep(f, xasprintf("EMCOMPAT_STAGE=%s", stage_name(node->stage)));
	set[e++] = keep(f, xasprintf("EMCOMPAT_OUT=%s", out));
	for (size_t d = 0; d < node->ndeps; d++) {
		const struct plan_node *dep = &p->nodes[node->deps[d]];
		char upper[16];
		size_t i;

		for (i = 0; stage_name(dep->stage)[i] && i < sizeof(upper) - 1; i++)
			upper[i] = (char)(stage_name(dep->stage)[i] - 'a' + 'A');
		upper[i] = '\0';
		set[e++] = keep(f, xasprintf("EMCOMPAT_DEP_%s=%s/nodes/%s", upper, f->run_dir, dep->id));
	}
	/* The user's EMCOMPAT_* would steer the fake tool: only this node's reach it. */
	job->env = (const char *const *)keep(f, (char *)child_env_merge(ours, set));
	free(set);
	job->argv = argv;
	job->cwd = out;
	/* DIR/nodes exists (the caller made it): one mkdir, not one per path component. */
	if (mkdir(out, 0755) != 0 && errno != EEXIST)
		return error(EC_EXIT_INTERNAL, "%s: cannot create directory: %s", out, strerror(errno));
	return 0;
}

void fake_release(struct fake *f)
{
	for (size_t i = 0; i < f->nstrings; i++)
		free(f->strings[i]);
	free(f->strings);
	f->strings = NULL;
	f->nstrings = f->cap_strings = 0;
}
