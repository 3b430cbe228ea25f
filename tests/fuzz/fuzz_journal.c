/*
 * fuzz_journal: libFuzzer target over journal.jsonl (journal.c): what
 * --resume reads after a crash, a full disk or a hand edit. A crash, a
 * sanitizer report or a leak is a bug; so is a rejection that is not bad
 * input (exit 2) or names no PATH:LINE, and a record read as whole that
 * breaks the format (a key that is no 64-digit hex, an unknown status).
 *
 *   build-fuzz/tests/fuzz_journal -dict=tests/fuzz/journal.dict tests/fuzz/corpus/journal
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "emcompat/error.h"
#include "emcompat/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct journal_entry *e;
	size_t n;
	int torn;

	error_clear();
	if (journal_parse("journal.jsonl", (const char *)data, size, &e, &n, &torn)) {
		if (error_code() != EC_EXIT_INPUT || strncmp(error_message(), "journal.jsonl:", 14) != 0)
			abort();
		error_clear();
		return 0;
	}
	/* A torn record can only be the last line, without its newline. */
	if (torn && size && data[size - 1] == '\n')
		abort();
	for (size_t i = 0; i < n; i++) {
		if (strlen(e[i].key) != 64 || strspn(e[i].key, "0123456789abcdef") != 64)
			abort();
		if (e[i].status != JOB_PASS && e[i].status != JOB_FAIL && e[i].status != JOB_ERROR &&
		    e[i].status != JOB_TIMEOUT)
			abort();
		if ((unsigned)e[i].stage >= STAGE_COUNT || e[i].started < 0)
			abort();
	}
	free(e);
	return 0;
}
