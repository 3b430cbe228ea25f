/*
 * diff: every kind of change between two runs, cell by cell.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/diff.h"

static struct runfile_cell cell(const char *id, enum cell_status st, const char *cls)
{
	struct runfile_cell c;

	memset(&c, 0, sizeof(c));
	c.id = id;
	c.status = st;
	c.cls = cls;
	return c;
}

static void test_cell_kinds(void)
{
	struct runfile_cell pass = cell("a", CELL_PASS, NULL), flaky = cell("a", CELL_FLAKY, NULL);
	struct runfile_cell fail_x = cell("a", CELL_FAIL, "x"), fail_y = cell("a", CELL_FAIL, "y");
	struct runfile_cell timeout = cell("a", CELL_TIMEOUT, "timeout"), err = cell("a", CELL_ERROR, NULL);

	CHECK_INT(diff_cell(&pass, &pass), DIFF_UNCHANGED);
	CHECK_INT(diff_cell(&pass, &flaky), DIFF_UNCHANGED);
	CHECK_INT(diff_cell(&pass, &fail_x), DIFF_REGRESSED);
	CHECK_INT(diff_cell(&flaky, &timeout), DIFF_REGRESSED);
	CHECK_INT(diff_cell(&pass, &err), DIFF_CHANGED);
	CHECK_INT(diff_cell(&fail_x, &pass), DIFF_FIXED);
	CHECK_INT(diff_cell(&err, &flaky), DIFF_FIXED);
	CHECK_INT(diff_cell(&fail_x, &fail_x), DIFF_STILL_FAILING);
	CHECK_INT(diff_cell(&fail_x, &fail_y), DIFF_CHANGED);
	CHECK_INT(diff_cell(&fail_x, &timeout), DIFF_CHANGED);
	CHECK_INT(diff_cell(&err, &err), DIFF_STILL_FAILING);
	CHECK_INT(diff_cell(NULL, &pass), DIFF_NEW);
	CHECK_INT(diff_cell(&pass, NULL), DIFF_REMOVED);
	CHECK_STR(diff_kind_name(DIFF_STILL_FAILING), "still-failing");
}

static void test_runs(void)
{
	struct runfile_cell bc[3] = { cell("a", CELL_PASS, NULL), cell("b", CELL_FAIL, "x"),
				      cell("gone", CELL_PASS, NULL) };
	struct runfile_cell nc[3] = { cell("new", CELL_FAIL, "y"), cell("b", CELL_PASS, NULL),
				      cell("a", CELL_FLAKY, NULL) };
	const struct runfile_cell *bi[3] = { &bc[0], &bc[1], &bc[2] };
	const struct runfile_cell *ni[3] = { &nc[2], &nc[1], &nc[0] };
	struct runfile base, cur;
	struct diff d;

	memset(&base, 0, sizeof(base));
	memset(&cur, 0, sizeof(cur));
	base.cells = bc;
	base.ncells = 3;
	base.by_id = bi;   /* sorted by id */
	cur.cells = nc;
	cur.ncells = 3;
	cur.by_id = ni;
	diff_runs(&d, &base, &cur);
	CHECK_INT(d.n, 4);
	CHECK_INT(d.entries[0].kind, DIFF_NEW);
	CHECK_INT(d.entries[1].kind, DIFF_FIXED);
	CHECK_INT(d.entries[2].kind, DIFF_UNCHANGED);
	CHECK(d.entries[2].flaky);
	CHECK_INT(d.entries[3].kind, DIFF_REMOVED);
	CHECK(d.entries[3].base == &bc[2]);
	CHECK_INT(d.counts[DIFF_NEW], 1);
	CHECK_INT(d.counts[DIFF_REGRESSED], 0);
	CHECK_INT(d.flaky, 1);
	CHECK(diff_find(&d, &nc[1]) == &d.entries[1]);
	CHECK(diff_find(&d, &bc[0]) == NULL);
	diff_release(&d);
}

int main(void)
{
	test_cell_kinds();
	test_runs();
	return check_done();
}
