/*
 * fuzz_matrix: libFuzzer target over matrix files (matrix.c through
 * json.c): parse, validate, expand, select, plan. A crash, a sanitizer
 * report or a leak is a bug; so is a rejection that is not bad input
 * (exit 2) or names no FILE:LINE:COL, and a cell id or value that breaks
 * the rules matrix.h promises (the runner puts them in argv and paths).
 *
 *   build-fuzz/tests/fuzz_matrix -dict=tests/fuzz/matrix.dict tests/fuzz/corpus/matrix
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/plan.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Plans of many cells are fine but slow: a fuzzer wants many small inputs. */
#define PLAN_MAX_CELLS 2000

static void check_value(const char *v)
{
	if (!*v || strlen(v) > 256 || *v == '.' || *v == '-')
		abort();
	for (const char *p = v; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-@:~", *p))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	struct matrix m;
	struct plan p;

	memcpy(text, data, size);
	text[size] = '\0';
	error_clear();
	if (matrix_parse(&m, "fuzz.json", text, size)) {
		if (error_code() != EC_EXIT_INPUT || strncmp(error_message(), "fuzz.json:", 10) != 0)
			abort();
		error_clear();
		free(text);
		return 0;
	}
	if (m.ncells == 0 || m.ncells > MATRIX_MAX_CELLS)
		abort();
	for (size_t c = 0; c < m.ncells && c < PLAN_MAX_CELLS; c++) {
		for (size_t k = 0; k < m.nkeys; k++)
			if (m.cells[c].values[k])
				check_value(m.cells[c].values[k]);
		if (strchr(m.cells[c].id, '\n') || strchr(m.cells[c].id, '/'))
			abort();
	}
	if (m.ncells <= PLAN_MAX_CELLS) {
		if (plan_build(&p, &m))
			abort();
		plan_release(&p);
	}
	/* The first cell's first value, as --only would give it. */
	if (m.nkeys && m.cells[0].values[0]) {
		struct matrix_only only = { m.keys[0], m.cells[0].values[0] };

		if (matrix_select(&m, &only, 1) || m.ncells == 0)
			abort();
	}
	matrix_release(&m);
	free(text);
	return 0;
}
