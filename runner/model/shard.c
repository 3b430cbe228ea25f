#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/shard.h"
#include "emcompat/util.h"

static const char *const grouping_names[SHARD_GROUPING_COUNT] = { "all", "std", "compile" };

/* The stages whose nodes bind their cells into one group, per grouping. */
static int binds(enum shard_grouping g, enum stage s)
{
	switch (g) {
	case SHARD_BY_ALL:
		return 1;
	case SHARD_BY_STD:
		return s != STAGE_MAIN;
	default:
		return s != STAGE_MAIN && s != STAGE_STD;
	}
}

const char *shard_grouping_name(enum shard_grouping g)
{
	return (unsigned)g < SHARD_GROUPING_COUNT ? grouping_names[g] : "?";
}

static int parse_size(const char *s, const char *end, size_t *out)
{
	size_t v = 0;

	if (s == end || end - s > 6)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return 0;
}

int shard_parse(const char *text, struct shard_spec *out)
{
	const char *slash = strchr(text, '/');

	if (!slash || parse_size(text, slash, &out->index) ||
	    parse_size(slash + 1, slash + strlen(slash), &out->count) || out->count < 1 || out->count > SHARD_MAX ||
	    out->index < 1 || out->index > out->count)
		return error(EC_EXIT_INPUT, "--shard %s: expected I/N with 1 <= I <= N <= %d (e.g. 2/4)", text,
			     SHARD_MAX);
	return 0;
}

static size_t find(size_t *parent, size_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/* Unions by the smaller index, so a group's root is its first cell. */
static void unite(size_t *parent, size_t a, size_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

/* A grouping's groups: cells in CSR form, and each group's distinct nodes. */
struct groups {
	size_t n;
	size_t *of_cell;               /* per cell: its group */
	size_t *node_start, *node_ids; /* CSR: nodes of group g */
};

static void groups_build(struct groups *g, const struct plan *p, enum shard_grouping how)
{
	size_t nc = p->matrix->ncells, nn = p->nnodes;
	size_t *parent = xcalloc(nc, sizeof(*parent)), *first = xcalloc(nn, sizeof(*first));
	size_t *root_group = xcalloc(nc, sizeof(*root_group)), *stamp = xcalloc(nn, sizeof(*stamp));
	size_t *cell_start, *cells, *fill, total = 0;

	memset(g, 0, sizeof(*g));
	for (size_t c = 0; c < nc; c++)
		parent[c] = c;
	for (size_t n = 0; n < nn; n++)
		first[n] = PLAN_NONE;
	for (size_t c = 0; c < nc; c++)
		for (int s = 0; s < STAGE_COUNT; s++) {
			size_t n = p->cell_nodes[c * STAGE_COUNT + s];

			if (n == PLAN_NONE || !binds(how, (enum stage)s))
				continue;
			if (first[n] == PLAN_NONE)
				first[n] = c;
			else
				unite(parent, c, first[n]);
		}
	/* Groups numbered in the order of their first cell. */
	g->of_cell = xcalloc(nc, sizeof(*g->of_cell));
	for (size_t c = 0; c < nc; c++) {
		size_t r = find(parent, c);

		if (r == c)
			root_group[c] = g->n++;
		g->of_cell[c] = root_group[r];
	}
	cell_start = xcalloc(g->n + 1, sizeof(*cell_start));
	for (size_t c = 0; c < nc; c++)
		cell_start[g->of_cell[c] + 1]++;
	for (size_t i = 0; i < g->n; i++)
		cell_start[i + 1] += cell_start[i];
	cells = xcalloc(nc, sizeof(*cells));
	fill = xcalloc(g->n + 1, sizeof(*fill));
	for (size_t c = 0; c < nc; c++)
		cells[cell_start[g->of_cell[c]] + fill[g->of_cell[c]]++] = c;
	/* Each group's distinct nodes, every stage (bound or not). */
	g->node_start = xcalloc(g->n + 1, sizeof(*g->node_start));
	g->node_ids = xcalloc(nc * STAGE_COUNT + 1, sizeof(*g->node_ids));
	for (size_t i = 0; i < g->n; i++) {
		g->node_start[i] = total;
		for (size_t k = cell_start[i]; k < cell_start[i + 1]; k++)
			for (int s = 0; s < STAGE_COUNT; s++) {
				size_t n = p->cell_nodes[cells[k] * STAGE_COUNT + s];

				if (n != PLAN_NONE && stamp[n] != i + 1) {
					stamp[n] = i + 1;
					g->node_ids[total++] = n;
				}
			}
	}
	g->node_start[g->n] = total;
	free(parent);
	free(first);
	free(root_group);
	free(stamp);
	free(cell_start);
	free(cells);
	free(fill);
}

static void groups_release(struct groups *g)
{
	free(g->of_cell);
	free(g->node_start);
	free(g->node_ids);
}

/* Largest first; equal sizes in group order (the matrix's). */
static int cmp_group_size(const void *a, const void *b, void *groups)
{
	const struct groups *g = groups;
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	size_t sx = g->node_start[x + 1] - g->node_start[x];
	size_t sy = g->node_start[y + 1] - g->node_start[y];

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Places G's groups into COUNT shards; GROUP_SHARD, LOAD get the result. Returns the largest load. */
static size_t place(const struct groups *g, size_t nnodes, size_t count, size_t *group_shard, size_t *load)
{
	size_t *order = xcalloc(g->n + 1, sizeof(*order)), max = 0;
	unsigned char *has = xcalloc(count * nnodes + 1, 1);

	for (size_t i = 0; i < g->n; i++)
		order[i] = i;
	qsort_r(order, g->n, sizeof(*order), cmp_group_size, (void *)g);
	memset(load, 0, count * sizeof(*load));
	for (size_t i = 0; i < g->n; i++) {
		size_t grp = order[i], best = 0, best_load = (size_t)-1;

		for (size_t s = 0; s < count; s++) {
			size_t added = 0;

			for (size_t k = g->node_start[grp]; k < g->node_start[grp + 1]; k++)
				added += !has[s * nnodes + g->node_ids[k]];
			if (load[s] + added < best_load) {
				best_load = load[s] + added;
				best = s;
			}
		}
		group_shard[grp] = best;
		load[best] = best_load;
		for (size_t k = g->node_start[grp]; k < g->node_start[grp + 1]; k++)
			has[best * nnodes + g->node_ids[k]] = 1;
	}
	for (size_t s = 0; s < count; s++)
		if (load[s] > max)
			max = load[s];
	free(order);
	free(has);
	return max;
}

void shard_assign(struct shard_plan *sp, const struct plan *p, size_t count)
{
	size_t nc = p->matrix->ncells, best_max = (size_t)-1;
	size_t *load = xcalloc(count, sizeof(*load));
	double limit = 1.25 * (double)p->nnodes / (double)count + 1;

	memset(sp, 0, sizeof(*sp));
	sp->count = count;
	sp->total_nodes = p->nnodes;
	sp->cell_shard = xcalloc(nc + 1, sizeof(*sp->cell_shard));
	sp->cells = xcalloc(count, sizeof(*sp->cells));
	sp->nodes = xcalloc(count, sizeof(*sp->nodes));
	for (int how = 0; how < SHARD_GROUPING_COUNT; how++) {
		struct groups g;
		size_t *group_shard, max;

		groups_build(&g, p, (enum shard_grouping)how);
		group_shard = xcalloc(g.n + 1, sizeof(*group_shard));
		max = place(&g, p->nnodes, count, group_shard, load);
		if (max < best_max) {
			best_max = max;
			sp->grouping = (enum shard_grouping)how;
			sp->groups = g.n;
			memcpy(sp->nodes, load, count * sizeof(*load));
			for (size_t c = 0; c < nc; c++)
				sp->cell_shard[c] = group_shard[g.of_cell[c]];
		}
		free(group_shard);
		groups_release(&g);
		if ((double)best_max <= limit)
			break;
	}
	for (size_t c = 0; c < nc; c++)
		sp->cells[sp->cell_shard[c]]++;
	for (size_t s = 0; s < count; s++)
		sp->extra_runs += sp->nodes[s];
	sp->extra_runs -= sp->total_nodes;
	free(load);
}

void shard_plan_release(struct shard_plan *sp)
{
	free(sp->cell_shard);
	free(sp->cells);
	free(sp->nodes);
	memset(sp, 0, sizeof(*sp));
}

int shard_select(struct matrix *m, const struct shard_spec *spec, struct shard_info *info)
{
	unsigned char *keep;
	struct plan p;

	memset(info, 0, sizeof(*info));
	info->spec = *spec;
	info->total_cells = m->ncells;
	matrix_cells_digest(m, info->of);
	if (plan_build(&p, m))
		return -1;
	shard_assign(&info->sp, &p, spec->count);
	info->shard_nodes = info->sp.nodes[spec->index - 1];
	keep = xcalloc(m->ncells + 1, 1);
	for (size_t c = 0; c < m->ncells; c++)
		keep[c] = info->sp.cell_shard[c] == spec->index - 1;
	plan_release(&p);
	matrix_keep(m, keep);
	free(keep);
	return 0;
}

cJSON *shard_info_json(const struct shard_info *info)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "index", (double)info->spec.index);
	cJSON_AddNumberToObject(o, "count", (double)info->spec.count);
	cJSON_AddStringToObject(o, "of", info->of);
	cJSON_AddNumberToObject(o, "cells", (double)info->total_cells);
	cJSON_AddStringToObject(o, "grouping", shard_grouping_name(info->sp.grouping));
	return o;
}

char *shard_info_describe(const struct shard_info *info)
{
	static const char *const why[SHARD_GROUPING_COUNT] = {
		"no node runs in two shards",
		"main nodes may run in more than one shard",
		"std and main nodes may run in more than one shard",
	};
	const struct shard_plan *sp = &info->sp;

	return xasprintf("shard %zu/%zu: %zu of %zu cells, %zu of %zu nodes; grouped by %s (%zu groups: %s; "
			 "%zu node runs repeated over all shards)",
			 info->spec.index, info->spec.count, sp->cells[info->spec.index - 1], info->total_cells,
			 info->shard_nodes, sp->total_nodes, shard_grouping_name(sp->grouping), sp->groups,
			 why[sp->grouping], sp->extra_runs);
}

void shard_info_release(struct shard_info *info)
{
	shard_plan_release(&info->sp);
}
