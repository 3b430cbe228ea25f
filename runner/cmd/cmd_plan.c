#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/cli.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/options.h"
#include "emcompat/plan.h"
#include "emcompat/shard.h"
#include "emcompat/util.h"

static cJSON *plan_to_json(const struct plan *p, const struct shard_info *shard)
{
	const struct matrix *m = p->matrix;
	cJSON *root = cJSON_CreateObject(), *cells, *nodes, *counts, *per_stage;

	cJSON_AddStringToObject(root, "matrix", m->path);
	if (m->name)
		cJSON_AddStringToObject(root, "name", m->name);
	if (shard) {
		cJSON *o = shard_info_json(shard), *per = cJSON_AddArrayToObject(o, "shards");

		/* Every shard's size, so a CI author can pick N from one command. */
		for (size_t s = 0; s < shard->spec.count; s++) {
			cJSON *e = cJSON_CreateObject();

			cJSON_AddNumberToObject(e, "cells", (double)shard->sp.cells[s]);
			cJSON_AddNumberToObject(e, "nodes", (double)shard->sp.nodes[s]);
			cJSON_AddItemToArray(per, e);
		}
		cJSON_AddNumberToObject(o, "repeated_node_runs", (double)shard->sp.extra_runs);
		cJSON_AddItemToObject(root, "shard", o);
	}
	cells = cJSON_AddArrayToObject(root, "cells");
	for (size_t c = 0; c < m->ncells; c++) {
		cJSON *cell = cJSON_CreateObject(), *axes;

		cJSON_AddStringToObject(cell, "id", m->cells[c].id);
		axes = cJSON_AddObjectToObject(cell, "axes");
		for (size_t k = 0; k < m->nkeys; k++)
			if (m->cells[c].values[k])
				cJSON_AddStringToObject(axes, m->keys[k], m->cells[c].values[k]);
		cJSON_AddItemToArray(cells, cell);
	}
	nodes = cJSON_AddArrayToObject(root, "nodes");
	for (size_t n = 0; n < p->nnodes; n++) {
		const struct plan_node *node = &p->nodes[n];
		cJSON *o = cJSON_CreateObject(), *deps;
		char hex[2 * PLAN_KEY_SIZE + 1];

		plan_key_hex(node->key, hex);
		cJSON_AddStringToObject(o, "id", node->id);
		cJSON_AddStringToObject(o, "stage", stage_name(node->stage));
		cJSON_AddStringToObject(o, "key", hex);
		deps = cJSON_AddArrayToObject(o, "deps");
		for (size_t d = 0; d < node->ndeps; d++)
			cJSON_AddItemToArray(deps, cJSON_CreateString(p->nodes[node->deps[d]].id));
		cJSON_AddNumberToObject(o, "cells", (double)node->ncells);
		cJSON_AddItemToArray(nodes, o);
	}
	counts = cJSON_AddObjectToObject(root, "counts");
	cJSON_AddNumberToObject(counts, "cells", (double)m->ncells);
	per_stage = cJSON_AddObjectToObject(counts, "nodes");
	for (int s = 0; s < STAGE_COUNT; s++)
		cJSON_AddNumberToObject(per_stage, stage_name(s), (double)p->count[s]);
	cJSON_AddNumberToObject(counts, "nodes_total", (double)p->nnodes);
	cJSON_AddNumberToObject(counts, "stage_runs_unshared", (double)p->stage_runs_unshared);
	return root;
}

static void print_summary(const struct plan *p, const struct shard_info *shard)
{
	const struct matrix *m = p->matrix;
	size_t saved = p->stage_runs_unshared - p->nnodes;

	if (shard) {
		char *line = shard_info_describe(shard);

		printf("%s\nshards (cells/nodes):", line);
		for (size_t s = 0; s < shard->spec.count; s++)
			printf(" %zu/%zu", shard->sp.cells[s], shard->sp.nodes[s]);
		printf("\n");
		free(line);
	}
	printf("matrix %s%s%s%s: %zu cells", m->path, m->name ? " (\"" : "", m->name ? m->name : "",
	       m->name ? "\")" : "", m->ncells);
	if (m->naxes) {
		printf(" from axes ");
		for (size_t a = 0; a < m->naxes; a++)
			printf("%s%s[%zu]", a ? " x " : "", m->keys[a], m->naxis_values[a]);
	}
	printf("\nnodes: %zu (", p->nnodes);
	for (int s = 0; s < STAGE_COUNT; s++)
		printf("%s%s %zu", s ? ", " : "", stage_name(s), p->count[s]);
	printf(")\n");
	printf("stage runs: %zu if every cell ran on its own, %zu planned: sharing saves %zu (%.0f%%)\n",
	       p->stage_runs_unshared, p->nnodes, saved,
	       p->stage_runs_unshared ? 100.0 * (double)saved / (double)p->stage_runs_unshared : 0.0);
	printf("'emcompat plan --json' lists every cell and node.\n");
}

int cmd_plan(int argc, char **argv)
{
	struct option_pairs only = { 0 };
	struct shard_spec spec = { 0, 0 };
	int json = 0, first, rc;
	const struct option_spec opts[] = {
		OPT_FLAG(0, "json", &json),
		OPT_PAIRS(0, "only", &only, "AXIS=VALUE"),
		OPT_CALLBACK(0, "shard", &spec, options_read_shard),
		OPT_END(),
	};
	struct matrix m;
	struct plan p;
	struct shard_info shard;

	if ((first = options_parse(argc, argv, opts, 0)) < 0) {
		free(only.v);
		return EC_EXIT_INPUT;
	}
	if (argc - first > 1) {
		free(only.v);
		fprintf(stderr, "emcompat plan: one MATRIX at most, got '%s' and '%s'\n", argv[first], argv[first + 1]);
		return EC_EXIT_INPUT;
	}
	if (matrix_load(&m, first < argc ? argv[first] : NULL)) {
		free(only.v);
		return cli_report_error();
	}
	memset(&shard, 0, sizeof(shard));
	if (matrix_select(&m, only.v, only.n) || (spec.count && shard_select(&m, &spec, &shard)) ||
	    plan_build(&p, &m)) {
		free(only.v);
		shard_info_release(&shard);
		matrix_release(&m);
		return cli_report_error();
	}
	free(only.v);
	if (json) {
		cJSON *root = plan_to_json(&p, spec.count ? &shard : NULL);
		char *text = cJSON_PrintUnformatted(root);

		fputs(text, stdout);
		fputc('\n', stdout);
		free(text);
		cJSON_Delete(root);
	} else {
		print_summary(&p, spec.count ? &shard : NULL);
	}
	rc = fflush(stdout) ? error(EC_EXIT_INTERNAL, "writing to stdout failed") : 0;
	shard_info_release(&shard);
	plan_release(&p);
	matrix_release(&m);
	return rc ? cli_report_error() : EC_EXIT_OK;
}
