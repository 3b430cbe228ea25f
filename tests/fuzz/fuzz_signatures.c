/*
 * fuzz_signatures: libFuzzer target over signature tables
 * (matrix/signatures.json's format, classify.c through json.c): load and
 * compile, then classify a few fixed logs with what was loaded. A crash, a
 * sanitizer report or a leak is a bug; so is a rejection that is not bad
 * input (exit 2) or names no FILE:LINE:COL.
 *
 *   build-fuzz/tests/fuzz_signatures -dict=tests/fuzz/signatures.dict tests/fuzz/corpus/signatures
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/classify.h"
#include "emcompat/error.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const logs[] = {
	"wasm-ld: error: unknown file type: lib.rmeta\nerror: linking with `emcc` failed\n",
	"LinkError: WebAssembly.instantiate(): Import #3 \"env\" \"invoke_vi\": function import requires a callable\n",
	"thread 'main' panicked at src/lib.rs:3:5\n",
	"",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);
	struct classify_table *t;
	static const struct classify_fact facts[] = { { "probe", "u128" },
						      { "rust", "1.63.0" },
						      { "emscripten", "3.1.6" } };
	static const char *const findings[] = { "eh_tag_missing" };

	memcpy(text, data, size);
	text[size] = '\0';
	error_clear();
	if (classify_load_text(&t, "fuzz.json", text, size)) {
		if (error_code() != EC_EXIT_INPUT || strncmp(error_message(), "fuzz.json:", 10) != 0)
			abort();
		error_clear();
		free(text);
		return 0;
	}
	for (size_t i = 0; i < classify_count(t); i++)
		if (!classify_find(t, classify_class_at(t, i)->id))
			abort();
	for (int stage = -1; stage < 7; stage += 4) {
		struct classify_input in;
		struct classify_result r;

		memset(&in, 0, sizeof(in));
		in.stage = stage;
		in.logs = logs;
		in.nlogs = sizeof(logs) / sizeof(*logs);
		in.facts = facts;
		in.nfacts = sizeof(facts) / sizeof(*facts);
		in.findings = findings;
		in.nfindings = 1;
		in.failed = 1;
		if (classify_run(t, &in, &r) || !r.summary || !*r.summary)
			abort();
		classify_result_release(&r);
	}
	classify_free(t);
	free(text);
	return 0;
}
