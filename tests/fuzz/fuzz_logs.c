/*
 * fuzz_logs: libFuzzer target over what the runner reads from its
 * children: stage logs, the Node harness's JSON lines among them, through
 * the evidence reader (evidence.c) and the classifier with the embedded
 * signature table (classify.c), split into a stderr and a stdout log at the
 * first NUL. A crash, a sanitizer report or a leak is a bug; so is a
 * summary that is empty or not one line, and evidence out of its bounds
 * (evidence.h): too many lines or tokens, a line too long or of two lines,
 * an empty token, an unknown tool or kind.
 *
 *   build-fuzz/tests/fuzz_logs -dict=tests/fuzz/logs.dict tests/fuzz/corpus/logs
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/classify.h"
#include "emcompat/error.h"
#include "emcompat/evidence.h"
#include "emcompat/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct classify_table *table;

static void check_evidence(const struct evidence *ev)
{
	if (ev->nlines > EVIDENCE_MAX_LINES)
		abort();
	for (size_t i = 0; i < ev->nlines; i++) {
		const struct evidence_line *l = &ev->lines[i];

		if (!l->text || strchr(l->text, '\n') || strlen(l->text) > 3 * EVIDENCE_LINE_MAX + 3 ||
		    !evidence_is_tool(l->tool) || l->weight <= 0 || l->ntokens > EVIDENCE_MAX_TOKENS || l->log > 1)
			abort();
		for (size_t k = 0; k < l->ntokens; k++)
			if (!l->tokens[k].text || !*l->tokens[k].text || !evidence_kind_name(l->tokens[k].kind))
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul = memchr(text, '\0', size);
	size_t len0 = nul ? (size_t)(nul - text) : size;
	const char *logs[2] = { text, nul ? nul + 1 : "" };
	size_t lens[2] = { len0, nul ? size - len0 - 1 : 0 };
	static const struct classify_fact facts[] = { { "probe", "time" },
						      { "rust", "1.96.0" },
						      { "loader", "pyodide-0.26.4" } };
	struct evidence ev;
	char *line;

	if (!table && classify_load(&table, NULL))
		abort();
	evidence_extract(&ev, logs, lens, 2);
	check_evidence(&ev);
	evidence_release(&ev);
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
		check_evidence(&r.evidence);
		if (r.used && (r.used < r.evidence.lines || r.used >= r.evidence.lines + r.evidence.nlines))
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
