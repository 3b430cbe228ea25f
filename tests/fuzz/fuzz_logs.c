/*
 * fuzz_logs: libFuzzer target over what the runner reads from its
 * children: stage logs, the Node harness's JSON lines among them, through
 * the classifier with the embedded signature table (classify.c), split
 * into a stderr and a stdout log at the first NUL. A crash, a sanitizer
 * report or a leak is a bug; so is a summary that is empty or not one line.
 *
 *   build-fuzz/tests/fuzz_logs -dict=tests/fuzz/logs.dict tests/fuzz/corpus/logs
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/classify.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct classify_table *table;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul = memchr(text, '\0', size);
	size_t len0 = nul ? (size_t)(nul - text) : size;
	const char *logs[2] = { text, nul ? nul + 1 : "" };
	size_t lens[2] = { len0, nul ? size - len0 - 1 : 0 };
	static const struct classify_fact facts[] = { { "probe", "time" },
						      { "rust", "1.96.0" },
						      { "loader", "pyodide-0.26.4" } };
	char *line;

	if (!table && classify_load(&table, NULL))
		abort();
	for (int stage = -1; stage < 7; stage++) {
		struct classify_input in;
		struct classify_result r;

		memset(&in, 0, sizeof(in));
		in.stage = stage;
		in.logs = logs;
		in.lens = lens;
		in.nlogs = 2;
		in.facts = facts;
		in.nfacts = sizeof(facts) / sizeof(*facts);
		in.failed = stage & 1;
		if (classify_run(table, &in, &r) || !r.summary || !*r.summary || strchr(r.summary, '\n'))
			abort();
		classify_result_release(&r);
	}
	line = classify_telling_line(text, size);
	if (line && strchr(line, '\n'))
		abort();
	free(line);
	error_clear();
	return 0;
}
