/* Shard: parsing I/N, determinism, no build node in two shards, balance, selection. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/shard.h"
#include "emcompat/util.h"

static void test_parse(void)
{
	static const char *const bad[] = { "0/2", "3/2", "a/b", "1/", "/2", "1/1001", "1/2x", "12", "-1/2", "" };
	struct shard_spec s;

	CHECK_INT(shard_parse("1/2", &s), 0);
	CHECK_INT(s.index, 1);
	CHECK_INT(s.count, 2);
	CHECK_INT(shard_parse("1000/1000", &s), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		error_clear();
		CHECK_INT(shard_parse(bad[i], &s), -1);
		CHECK_INT(error_code(), EC_EXIT_INPUT);
		CHECK_HAS(error_message(), "expected I/N");
	}
	error_clear();
}

/*
 * Checks a partition of P into N shards against its promises: every cell
 * in one shard, per-shard node counts right, no compile/link (nor any
 * per-cell) node in two shards, std and main only where the grouping
 * allows. Returns the largest shard's node count.
 */
static size_t check_partition(const struct plan *p, const struct shard_plan *sp, size_t n)
{
	size_t nc = p->matrix->ncells, nn = p->nnodes, cells = 0, sum = 0, max = 0;
	size_t *owner = xcalloc(nn, sizeof(*owner));
	size_t *seen = xcalloc(nn, sizeof(*seen)), *shards_of = xcalloc(nn, sizeof(*shards_of));

	CHECK_INT(sp->count, n);
	for (size_t s = 0; s < n; s++) {
		size_t count = 0;

		for (size_t c = 0; c < nc; c++) {
			if (sp->cell_shard[c] != s)
				continue;
			cells++;
			for (int st = 0; st < STAGE_COUNT; st++) {
				size_t node = p->cell_nodes[c * STAGE_COUNT + st];

				if (node == PLAN_NONE || seen[node] == s + 1)
					continue;
				seen[node] = s + 1;
				count++;
				shards_of[node]++;
				owner[node] = s;
			}
		}
		CHECK_INT(sp->nodes[s], count);
		sum += count;
		if (count > max)
			max = count;
	}
	for (size_t c = 0; c < nc; c++)
		CHECK(sp->cell_shard[c] < n);
	CHECK_INT(cells, nc);
	CHECK_INT(sp->total_nodes, nn);
	CHECK_INT(sp->extra_runs, sum - nn);
	for (size_t node = 0; node < nn; node++) {
		enum stage st = p->nodes[node].stage;

		CHECK(shards_of[node] >= 1);
		if (st == STAGE_MAIN && sp->grouping != SHARD_BY_ALL)
			continue;
		if (st == STAGE_STD && sp->grouping == SHARD_BY_COMPILE)
			continue;
		if (shards_of[node] != 1)
			fprintf(stderr, "node %s in %zu shards (grouping %s)\n", p->nodes[node].id, shards_of[node],
				shard_grouping_name(sp->grouping));
		CHECK_INT(shards_of[node], 1);
	}
	free(owner);
	free(seen);
	free(shards_of);
	return max;
}

static void test_default_matrix(void)
{
	struct matrix m;
	struct plan p;

	CHECK_INT(matrix_load(&m, NULL), 0);
	CHECK_INT(plan_build(&p, &m), 0);
	for (size_t n = 1; n <= 8; n++) {
		struct shard_plan a, b;
		size_t max;

		shard_assign(&a, &p, n);
		shard_assign(&b, &p, n);
		/* Deterministic: the same plan gives the same partition. */
		CHECK(memcmp(a.cell_shard, b.cell_shard, m.ncells * sizeof(*a.cell_shard)) == 0);
		CHECK_INT(a.grouping, b.grouping);
		max = check_partition(&p, &a, n);
		/* Balanced within the documented bound: 1.25 x nodes / N + 1. */
		if ((double)max > 1.25 * (double)p.nnodes / (double)n + 1)
			fprintf(stderr, "N=%zu: largest shard %zu of %zu nodes\n", n, max, p.nnodes);
		CHECK((double)max <= 1.25 * (double)p.nnodes / (double)n + 1);
		/* The coarsest grouping that balances: the default matrix has enough std groups for 4 shards. */
		if (n <= 4)
			CHECK(a.grouping != SHARD_BY_COMPILE);
		if (n == 1) {
			CHECK_INT(a.grouping, SHARD_BY_ALL);
			CHECK_INT(a.extra_runs, 0);
		}
		shard_plan_release(&a);
		shard_plan_release(&b);
	}
	{
		struct shard_plan a;

		/* More shards than std groups: std may repeat, compile never. */
		shard_assign(&a, &p, 40);
		check_partition(&p, &a, 40);
		CHECK_INT(a.grouping, SHARD_BY_COMPILE);
		shard_plan_release(&a);
	}
	plan_release(&p);
	matrix_release(&m);
}

/* Two independent halves (no main node, one std per emscripten): nothing is repeated. */
static void test_components(void)
{
	static const char text[] = "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\",\"6.0.5\"],"
				   "\"probe\":[\"add\",\"i64\",\"u128\"],\"loader\":[\"pyodide-0.26.4\"]}}";
	struct matrix m;
	struct plan p;
	struct shard_plan a;

	CHECK_INT(matrix_parse(&m, "t.json", text, strlen(text)), 0);
	CHECK_INT(plan_build(&p, &m), 0);
	shard_assign(&a, &p, 2);
	check_partition(&p, &a, 2);
	CHECK_INT(a.grouping, SHARD_BY_ALL);
	CHECK_INT(a.groups, 2);
	CHECK_INT(a.extra_runs, 0);
	CHECK_INT(a.nodes[0], a.nodes[1]);
	CHECK(a.cell_shard[0] != a.cell_shard[3]);  /* 3.1.6 and 6.0.5 apart */
	shard_plan_release(&a);
	/* More shards than groups under every grouping: some stay empty. */
	shard_assign(&a, &p, 9);
	check_partition(&p, &a, 9);
	CHECK_INT(a.groups, 6);  /* one per compile node */
	{
		size_t empty = 0;

		for (size_t s = 0; s < 9; s++)
			empty += a.cells[s] == 0;
		CHECK_INT(empty, 3);
	}
	shard_plan_release(&a);
	plan_release(&p);
	matrix_release(&m);
}

/* shard_select: the N shards of a matrix are disjoint, cover it, and keep matrix positions. */
static void test_select(void)
{
	static const char text[] = "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"emscripten\":[\"3.1.6\",\"6.0.5\"],"
				   "\"probe\":[\"add\",\"i64\"],\"loader\":[\"emcc-main\",\"pyodide-0.26.4\"]}}";
	struct matrix whole;
	unsigned char *hit;
	char of[65] = "";

	CHECK_INT(matrix_parse(&whole, "t.json", text, strlen(text)), 0);
	hit = xcalloc(whole.ncells, 1);
	for (size_t i = 1; i <= 3; i++) {
		struct shard_spec spec = { i, 3 };
		struct shard_info info;
		struct matrix m;
		cJSON *j;
		char *line;

		CHECK_INT(matrix_parse(&m, "t.json", text, strlen(text)), 0);
		CHECK_INT(shard_select(&m, &spec, &info), 0);
		CHECK_INT(info.total_cells, whole.ncells);
		if (i > 1)
			CHECK_STR(info.of, of);
		memcpy(of, info.of, sizeof(of));
		CHECK_STR(info.of, whole.digest);  /* no --only: the selection is the matrix */
		CHECK_INT(m.ncells, info.sp.cells[i - 1]);
		for (size_t c = 0; c < m.ncells; c++) {
			size_t at = m.cells[c].index;

			CHECK(at < whole.ncells);
			CHECK_STR(m.cells[c].id, whole.cells[at].id);
			CHECK(!hit[at]);
			hit[at] = 1;
			if (c > 0)
				CHECK(m.cells[c - 1].index < at);  /* matrix order kept */
		}
		j = shard_info_json(&info);
		CHECK_INT(cJSON_GetObjectItem(j, "index")->valueint, (int)i);
		CHECK_INT(cJSON_GetObjectItem(j, "count")->valueint, 3);
		CHECK_STR(cJSON_GetObjectItem(j, "grouping")->valuestring, shard_grouping_name(info.sp.grouping));
		cJSON_Delete(j);
		line = shard_info_describe(&info);
		CHECK_HAS(line, "of 16 cells");
		free(line);
		shard_info_release(&info);
		matrix_release(&m);
	}
	for (size_t c = 0; c < whole.ncells; c++)
		CHECK(hit[c]);
	free(hit);
	matrix_release(&whole);
}

int main(void)
{
	test_parse();
	test_default_matrix();
	test_components();
	test_select();
	return check_done();
}
