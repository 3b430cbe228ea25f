/*
 * bisect: the search driven by scripted verdicts (all good, all bad, the
 * boundary anywhere in either direction, skips around it and everywhere),
 * the bound on n = 1..40, the predicate, and picking the cells.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/bisect.h"
#include "emcompat/error.h"

struct script {
	const enum bisect_verdict *v;
	int calls[64];
	int fail_at;          /* index whose test returns -1, or -1 */
};

static int scripted(void *ctx, size_t i, enum bisect_verdict *v)
{
	struct script *s = ctx;

	s->calls[i]++;
	if ((int)i == s->fail_at)
		return -1;
	*v = s->v[i];
	return 0;
}

static int search(const enum bisect_verdict *v, size_t n, size_t good, size_t bad, struct bisect_result *r,
		  struct script *s)
{
	memset(s, 0, sizeof(*s));
	s->v = v;
	s->fail_at = -1;
	return bisect_search(n, good, bad, scripted, s, r);
}

/* No value was tested twice, and the result's order lists every test. */
static void check_once(const struct script *s, const struct bisect_result *r)
{
	size_t total = 0;

	for (size_t i = 0; i < r->n; i++) {
		CHECK(s->calls[i] <= 1);
		total += (size_t)s->calls[i];
	}
	CHECK_INT(total, r->tested);
}

static void test_bound(void)
{
	CHECK_INT(bisect_bound(1), 2);
	CHECK_INT(bisect_bound(2), 3);
	CHECK_INT(bisect_bound(3), 4);
	CHECK_INT(bisect_bound(4), 4);
	CHECK_INT(bisect_bound(5), 5);
	CHECK_INT(bisect_bound(32), 7);
	CHECK_INT(bisect_bound(33), 8);
	CHECK_INT(bisect_bound(40), 8);
}

/* Every boundary position for n = 1..40, walking up and walking down. */
static void test_boundary_everywhere(void)
{
	enum bisect_verdict v[40];
	struct bisect_result r;
	struct script s;
	size_t worst = 0;

	for (size_t n = 1; n <= 40; n++) {
		for (size_t k = 1; k < n; k++) {
			for (size_t i = 0; i < n; i++)
				v[i] = i < k ? BISECT_GOOD : BISECT_BAD;
			CHECK_INT(search(v, n, 0, n - 1, &r, &s), 0);
			CHECK_INT(r.outcome, BISECT_FOUND);
			CHECK_INT(r.last_good, k - 1);
			CHECK_INT(r.first_bad, k);
			CHECK(r.tested <= bisect_bound(n));
			check_once(&s, &r);
			worst = r.tested > worst ? r.tested : worst;
			bisect_result_release(&r);

			/* Fixed at k: bad before, good from k on; --good is the newer end. */
			for (size_t i = 0; i < n; i++)
				v[i] = i < k ? BISECT_BAD : BISECT_GOOD;
			CHECK_INT(search(v, n, n - 1, 0, &r, &s), 0);
			CHECK_INT(r.outcome, BISECT_FOUND);
			CHECK_INT(r.last_good, k);
			CHECK_INT(r.first_bad, k - 1);
			CHECK(r.tested <= bisect_bound(n));
			check_once(&s, &r);
			bisect_result_release(&r);
		}
		/* A sub-span of the axis: only its values count. */
		if (n >= 6) {
			for (size_t i = 0; i < n; i++)
				v[i] = i < n / 2 ? BISECT_GOOD : BISECT_BAD;
			CHECK_INT(search(v, n, 2, n - 2, &r, &s), 0);
			CHECK_INT(r.first_bad, n / 2);
			CHECK(r.tested <= bisect_bound(n - 3));
			CHECK_INT(s.calls[0] + s.calls[1] + s.calls[n - 1], 0);
			bisect_result_release(&r);
		}
	}
	/* The bound is reached, not just respected: 40 values need 8 tests at worst. */
	CHECK_INT(worst, 8);
}

static void test_ends(void)
{
	enum bisect_verdict good[5] = { BISECT_GOOD, BISECT_GOOD, BISECT_GOOD, BISECT_GOOD, BISECT_GOOD };
	enum bisect_verdict bad[5] = { BISECT_BAD, BISECT_BAD, BISECT_BAD, BISECT_BAD, BISECT_BAD };
	enum bisect_verdict skip0[5] = { BISECT_SKIP, BISECT_GOOD, BISECT_BAD, BISECT_BAD, BISECT_BAD };
	enum bisect_verdict skip4[5] = { BISECT_GOOD, BISECT_GOOD, BISECT_BAD, BISECT_BAD, BISECT_SKIP };
	struct bisect_result r;
	struct script s;

	search(good, 5, 0, 4, &r, &s);
	CHECK_INT(r.outcome, BISECT_BAD_NOT_BAD);
	CHECK_INT(r.tested, 2);
	bisect_result_release(&r);
	search(bad, 5, 0, 4, &r, &s);
	CHECK_INT(r.outcome, BISECT_GOOD_NOT_GOOD);
	CHECK_INT(r.tested, 1);
	bisect_result_release(&r);
	search(skip0, 5, 0, 4, &r, &s);
	CHECK_INT(r.outcome, BISECT_GOOD_UNTESTABLE);
	bisect_result_release(&r);
	search(skip4, 5, 0, 4, &r, &s);
	CHECK_INT(r.outcome, BISECT_BAD_UNTESTABLE);
	CHECK_INT(r.verdicts[4], BISECT_SKIP);
	CHECK_STR(bisect_verdict_name(r.verdicts[4]), "skip");
	bisect_result_release(&r);
}

static void test_skips(void)
{
	enum bisect_verdict G = BISECT_GOOD, B = BISECT_BAD, S = BISECT_SKIP;
	/* Boundary between 4 and 5 of 10. */
	enum bisect_verdict both[10] = { G, G, G, G, S, S, B, B, B, B };
	enum bisect_verdict bad_side[10] = { G, G, G, G, G, S, B, B, B, B };
	enum bisect_verdict good_side[10] = { G, G, G, G, S, B, B, B, B, B };
	enum bisect_verdict away[10] = { G, G, S, G, G, B, B, S, B, B };
	enum bisect_verdict all[10] = { G, S, S, S, S, S, S, S, S, B };
	enum bisect_verdict mostly[10] = { G, S, S, S, S, G, S, S, S, B };
	struct bisect_result r;
	struct script s;

	search(both, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_RANGE);
	CHECK_INT(r.last_good, 3);
	CHECK_INT(r.first_bad, 6);
	check_once(&s, &r);
	bisect_result_release(&r);

	search(bad_side, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_RANGE);
	CHECK_INT(r.last_good, 4);
	CHECK_INT(r.first_bad, 6);
	bisect_result_release(&r);

	search(good_side, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_RANGE);
	CHECK_INT(r.last_good, 3);
	CHECK_INT(r.first_bad, 5);
	bisect_result_release(&r);

	/* Skips away from the boundary cost a test or two, not the answer. */
	search(away, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_FOUND);
	CHECK_INT(r.last_good, 4);
	CHECK_INT(r.first_bad, 5);
	check_once(&s, &r);
	bisect_result_release(&r);

	/* Nothing in between can be tested: every value is tried once, then a range. */
	search(all, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_RANGE);
	CHECK_INT(r.last_good, 0);
	CHECK_INT(r.first_bad, 9);
	CHECK_INT(r.tested, 10);
	check_once(&s, &r);
	bisect_result_release(&r);

	search(mostly, 10, 0, 9, &r, &s);
	CHECK_INT(r.outcome, BISECT_RANGE);
	CHECK_INT(r.last_good, 5);
	CHECK_INT(r.first_bad, 9);
	CHECK_INT(s.calls[1] + s.calls[2], 0);
	check_once(&s, &r);
	bisect_result_release(&r);

	/* Walking down through skips. */
	search(both, 10, 9, 0, &r, &s);
	CHECK_INT(r.outcome, BISECT_GOOD_NOT_GOOD);
	bisect_result_release(&r);
}

static void test_callback_error(void)
{
	enum bisect_verdict v[8] = { BISECT_GOOD, BISECT_GOOD, BISECT_GOOD, BISECT_GOOD,
				     BISECT_BAD,  BISECT_BAD,  BISECT_BAD,  BISECT_BAD };
	struct bisect_result r;
	struct script s;

	memset(&s, 0, sizeof(s));
	s.v = v;
	s.fail_at = 3;
	CHECK_INT(bisect_search(8, 0, 7, scripted, &s, &r), -1);
	CHECK_INT(r.verdicts[0], BISECT_GOOD);
	CHECK_INT(r.verdicts[7], BISECT_BAD);
	CHECK_INT(r.verdicts[3], BISECT_UNTESTED);
	bisect_result_release(&r);
}

static void test_judge(void)
{
	struct runfile_cell c;
	struct bisect_predicate any = { NULL, NULL }, eh = { "wasm_eh_tag_missing", NULL }, at_run = { NULL, "run" };

	memset(&c, 0, sizeof(c));
	c.status = CELL_PASS;
	CHECK_INT(bisect_judge(&any, &c), BISECT_GOOD);
	CHECK_INT(bisect_judge(&eh, &c), BISECT_GOOD);
	c.status = CELL_FLAKY;
	CHECK_INT(bisect_judge(&any, &c), BISECT_GOOD);
	c.status = CELL_ERROR;
	CHECK_INT(bisect_judge(&any, &c), BISECT_SKIP);
	c.status = CELL_BLOCKED;
	CHECK_INT(bisect_judge(&any, &c), BISECT_SKIP);
	c.status = CELL_FAIL;
	c.cls = "wasm_eh_tag_missing";
	c.stage = "load";
	CHECK_INT(bisect_judge(&any, &c), BISECT_BAD);
	CHECK_INT(bisect_judge(&eh, &c), BISECT_BAD);
	CHECK_INT(bisect_judge(&at_run, &c), BISECT_SKIP);
	c.cls = "u128_layout_mismatch";
	c.stage = "run";
	CHECK_INT(bisect_judge(&eh, &c), BISECT_SKIP);
	CHECK_INT(bisect_judge(&at_run, &c), BISECT_BAD);
	c.status = CELL_TIMEOUT;
	c.cls = "timeout";
	CHECK_INT(bisect_judge(&any, &c), BISECT_BAD);
}

static const char matrix_text[] =
	"{\"axes\": {\"rust\": [\"1.63\", \"1.85\", \"1.96\"], \"probe\": [\"add\", \"panic\"],\n"
	" \"loader\": [\"emcc-main\", \"pyodide\"]},\n"
	" \"exclude\": [{\"rust\": \"1.85\", \"loader\": \"emcc-main\"}],\n"
	" \"include\": [{\"rust\": \"1.96\", \"extra\": \"x\"}]}\n";

static void load(struct matrix *m)
{
	CHECK_INT(matrix_parse(m, "m.json", matrix_text, strlen(matrix_text)), 0);
}

static void test_pick(void)
{
	struct matrix m;
	struct matrix_only only[2] = { { "probe", "panic" }, { "loader", "pyodide" } };
	struct matrix_only on_axis[1] = { { "rust", "1.63" } };
	size_t cells[3];

	load(&m);
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, "rust=1.63,probe=panic,loader=emcc-main", NULL, 0, cells), 0);
	CHECK_STR(m.cells[cells[0]].id, "rust=1.63,probe=panic,loader=emcc-main");
	CHECK(cells[1] == SIZE_MAX);  /* excluded */
	CHECK_STR(m.cells[cells[2]].id, "rust=1.96,probe=panic,loader=emcc-main,extra=x");
	matrix_release(&m);

	load(&m);
	CHECK_INT(bisect_pick_cells(&m, 0, 2, 0, NULL, only, 2, cells), 0);
	CHECK_STR(m.cells[cells[1]].id, "rust=1.85,probe=panic,loader=pyodide");
	CHECK_STR(m.cells[cells[2]].id, "rust=1.96,probe=panic,loader=pyodide,extra=x");
	matrix_release(&m);

	/* One open axis: only it is named (extra differs between values, not within one). */
	load(&m);
	error_clear();
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, NULL, only, 1, cells), -1);
	CHECK_HAS(error_message(), "still open: loader (emcc-main, pyodide);");
	CHECK(!strstr(error_message(), "extra"));
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	matrix_release(&m);

	load(&m);
	error_clear();
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, NULL, NULL, 0, cells), -1);
	CHECK_HAS(error_message(), "still open: probe (add, panic), loader (emcc-main, pyodide)");
	error_clear();
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, NULL, on_axis, 1, cells), -1);
	CHECK_HAS(error_message(), "rust is the axis being bisected");
	error_clear();
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, "rust=1.63,probe=add,loader=pyodide", only, 1, cells), -1);
	CHECK_HAS(error_message(), "--cell and --only");
	error_clear();
	CHECK_INT(bisect_pick_cells(&m, 0, 0, 2, "rust=9", NULL, 0, cells), -1);
	CHECK_HAS(error_message(), "--cell rust=9: no such cell in matrix m.json");
	error_clear();
	matrix_release(&m);
}

int main(void)
{
	test_bound();
	test_boundary_everywhere();
	test_ends();
	test_skips();
	test_callback_error();
	test_judge();
	test_pick();
	return check_done();
}
