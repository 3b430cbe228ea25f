/*
 * fuzz_results: libFuzzer target over results.json as runfile.c reads it
 * back (reports, diff, merge, bisect and recommend read runs someone may
 * have edited, truncated or merged by hand). The root is parsed without
 * its cells and every cell on its own, so a whole-tree parse is the
 * reference: a crash, a sanitizer report or a leak is a bug; so is a
 * rejection that is not bad input (exit 2) with a FILE:LINE:COL, a run
 * read whose cell count differs from the whole tree's array, a cell that
 * runfile_find or runfile_cell_json cannot give back, or counts that do
 * not add up.
 *
 *   build-fuzz/tests/fuzz_results -dict=tests/fuzz/results.dict tests/fuzz/corpus/results
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/runfile.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_run(const struct runfile *rf, const char *text, size_t size)
{
	struct json_doc whole;
	const cJSON *cells;
	size_t total = 0;

	/* What the runfile accepted, a whole-tree parse accepts too, with as many cells. */
	if (json_doc_parse(&whole, "results.json", text, size))
		abort();
	cells = cJSON_GetObjectItemCaseSensitive(whole.root, "cells");
	if (!cJSON_IsArray(cells) || (size_t)cJSON_GetArraySize(cells) != rf->ncells)
		abort();
	json_doc_release(&whole);
	for (int s = 0; s < CELL_STATUS_COUNT; s++)
		total += rf->counts[s];
	if (total != rf->ncells)
		abort();
	for (size_t i = 0; i < rf->ncells; i++) {
		const struct runfile_cell *c = &rf->cells[i];
		cJSON *o = runfile_cell_json(rf, c);
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");

		if (!c->id || !c->summary || runfile_find(rf, c->id) != c || !cJSON_IsString(id) ||
		    strcmp(id->valuestring, c->id) != 0)
			abort();
		for (size_t k = 0; k < c->naxes; k++)
			if (!c->axis_keys[k] || runfile_cell_axis(c, c->axis_keys[k]) == NULL)
				abort();
		for (size_t k = 0; k < c->nstages; k++)
			if (!c->stages[k].stage || !c->stages[k].status || !c->stages[k].node)
				abort();
		cJSON_Delete(o);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct runfile rf;
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	error_clear();
	if (runfile_parse(&rf, "run/results.json", text, size)) {
		if (error_code() != EC_EXIT_INPUT || strncmp(error_message(), "run/results.json", 16) != 0)
			abort();
		error_clear();
		return 0;
	}
	check_run(&rf, rf.text, rf.len);
	runfile_release(&rf);
	return 0;
}
