/*
 * recommend: ranking an axis' values over hand-made runs: passes first,
 * newest among ties, a cell repeated in a later run counts from it,
 * constraints, the explanations and the JSON form, and the axis order.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/recommend.h"

static const char *keys[] = { "rust", "emscripten", "probe" };

struct fake_cell {
	const char *values[3];
	enum cell_status status;
	const char *cls, *stage, *summary;
};

static struct runfile_cell *make_cells(const struct fake_cell *f, size_t n)
{
	struct runfile_cell *c = calloc(n, sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		c[i].id = xasprintf("rust=%s,emscripten=%s,probe=%s", f[i].values[0], f[i].values[1], f[i].values[2]);
		c[i].naxes = 3;
		c[i].axis_keys = keys;
		c[i].axis_values = (const char **)f[i].values;
		c[i].status = f[i].status;
		c[i].cls = f[i].cls;
		c[i].stage = f[i].stage;
		c[i].summary = f[i].summary ? f[i].summary : "";
	}
	return c;
}

static void free_cells(struct runfile_cell *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)c[i].id);
	free(c);
}

static const struct fake_cell night1[] = {
	{ { "1.96", "3.1.6", "add" }, CELL_PASS, NULL, NULL, NULL },
	{ { "1.96", "3.1.6", "panic" }, CELL_FAIL, "wasm_eh_tag_missing", "load", "LinkError: tag" },
	{ { "1.96", "3.1.69", "add" }, CELL_PASS, NULL, NULL, NULL },
	{ { "1.96", "3.1.69", "panic" }, CELL_FAIL, "binaryen_unknown_feature", "link", "Unknown option" },
	{ { "1.96", "6.0.5", "add" }, CELL_PASS, NULL, NULL, NULL },
	{ { "1.96", "6.0.5", "panic" }, CELL_PASS, NULL, NULL, NULL },
	{ { "1.63", "6.0.5", "add" }, CELL_ERROR, NULL, "std", "cannot start" },
};

/* The next night: 3.1.69's panic cell passes now. */
static const struct fake_cell night2[] = {
	{ { "1.96", "3.1.69", "panic" }, CELL_FLAKY, NULL, NULL, NULL },
};

static void test_version_cmp(void)
{
	CHECK(recommend_version_cmp("3.1.6", "3.1.69") < 0);
	CHECK(recommend_version_cmp("3.1.69", "6.0.5") < 0);
	CHECK(recommend_version_cmp("1.9", "1.10") < 0);
	CHECK(recommend_version_cmp("pyodide-0.26.4", "pyodide-0.29.5") < 0);
	CHECK(recommend_version_cmp("314.0.7", "0.29.5") > 0);
	CHECK(recommend_version_cmp("1.96", "1.96") == 0);
	CHECK(recommend_version_cmp("1.96", "1.96.1") < 0);
	CHECK(recommend_version_cmp("1.02", "1.2") == 0);
	CHECK(recommend_version_cmp("b", "a") > 0);
}

static void test_rank(void)
{
	struct runfile runs[2];
	struct runfile_cell *c1 = make_cells(night1, 7), *c2 = make_cells(night2, 1);
	struct matrix_only rust196[1] = { { "rust", "1.96" } };
	struct matrix_only bad_key[1] = { { "pyo3", "0.22" } };
	struct matrix_only none_left[1] = { { "rust", "9.99" } };
	const char *order[] = { "3.1.6", "3.1.69", "6.0.5" };
	struct recommend r;
	struct strbuf sb = { 0 };
	cJSON *j;

	memset(runs, 0, sizeof(runs));
	runs[0].cells = c1;
	runs[0].ncells = 7;
	runs[0].started = "2026-11-26T02:00:00Z";
	runs[1].cells = c2;
	runs[1].ncells = 1;
	runs[1].started = "2026-11-27T02:00:00Z";

	/* One night: only 6.0.5 passes both probes; 3.1.69 ties 3.1.6 and is newer. */
	CHECK_INT(recommend_rank(&r, runs, 1, "emscripten", rust196, 1, order, 3), 0);
	CHECK_INT(r.nvalues, 3);
	CHECK_INT(r.ncells, 6);
	CHECK_STR(r.values[0].value, "6.0.5");
	CHECK(recommend_all_pass(&r.values[0]));
	CHECK_STR(r.values[1].value, "3.1.69");
	CHECK_STR(r.values[2].value, "3.1.6");
	recommend_explain(&r, &r.values[0], &sb);
	CHECK_STR(strbuf_str(&sb), "all 2 cells pass (probe add, panic)");
	strbuf_release(&sb);
	recommend_explain(&r, &r.values[2], &sb);
	CHECK_STR(strbuf_str(&sb), "1 of 2 pass; fails: wasm_eh_tag_missing at load (probe=panic)");
	strbuf_release(&sb);
	j = recommend_json(&r);
	CHECK_STR(cJSON_GetObjectItem(j, "recommended")->valuestring, "6.0.5");
	CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "with"), "rust")->valuestring, "1.96");
	{
		cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "values"), 2);
		cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(v, "failures"), 0);

		CHECK_STR(cJSON_GetObjectItem(f, "class")->valuestring, "wasm_eh_tag_missing");
		CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(f, "where"), "probe")->valuestring, "panic");
		CHECK_INT(cJSON_GetObjectItem(v, "rank")->valueint, 3);
	}
	cJSON_Delete(j);
	recommend_release(&r);

	/* Two nights: the repeated cell counts from the later run; now 3.1.69 and 6.0.5 tie, the newest wins. */
	CHECK_INT(recommend_rank(&r, runs, 2, "emscripten", rust196, 1, order, 3), 0);
	CHECK_INT(r.ncells, 6);
	CHECK_STR(r.values[0].value, "6.0.5");
	CHECK_STR(r.values[1].value, "3.1.69");
	CHECK(recommend_all_pass(&r.values[1]));
	recommend_release(&r);
	/* ...and with the order reversed, 3.1.69 counts as the newer. */
	{
		const char *rev[] = { "6.0.5", "3.1.69", "3.1.6" };

		CHECK_INT(recommend_rank(&r, runs, 2, "emscripten", rust196, 1, rev, 3), 0);
		CHECK_STR(r.values[0].value, "3.1.69");
		recommend_release(&r);
	}

	/* No constraint: rust varies too, and an error cell is untested, not a failure. */
	CHECK_INT(recommend_rank(&r, runs, 1, "emscripten", NULL, 0, NULL, 0), 0);
	CHECK(r.order_source == NULL);  /* no matrix recorded: version order */
	CHECK_STR(r.values[0].value, "6.0.5");
	CHECK_INT(r.values[0].untested, 1);
	CHECK(!recommend_all_pass(&r.values[0]));
	recommend_explain(&r, &r.values[0], &sb);
	CHECK_STR(strbuf_str(&sb), "2 of 2 pass on the shared settings, 2 of 3 in all; "
				   "untested: error at std (rust=1.63, probe=add)");
	strbuf_release(&sb);
	recommend_release(&r);

	error_clear();
	CHECK_INT(recommend_rank(&r, runs, 1, "emscripten", bad_key, 1, NULL, 0), -1);
	CHECK_HAS(error_message(), "--only pyo3=0.22: no cell of the runs has a key \"pyo3\"");
	error_clear();
	CHECK_INT(recommend_rank(&r, runs, 1, "emscripten", none_left, 1, NULL, 0), -1);
	CHECK_HAS(error_message(), "no cell of the runs has the axis \"emscripten\" and matches");
	CHECK_INT(error_code(), EC_EXIT_INPUT);
	error_clear();
	CHECK_INT(recommend_rank(&r, runs, 1, "loader", NULL, 0, NULL, 0), -1);
	error_clear();
	free_cells(c1, 7);
	free_cells(c2, 1);
}

/* The embedded default matrix a run recorded gives the axis order. */
static void test_matrix_order(void)
{
	static const struct fake_cell cells[] = {
		{ { "1.96", "6.0.5", "add" }, CELL_PASS, NULL, NULL, NULL },
		{ { "1.96", "3.1.69", "add" }, CELL_PASS, NULL, NULL, NULL },
	};
	struct runfile run;
	struct runfile_cell *c = make_cells(cells, 2);
	struct recommend r;

	memset(&run, 0, sizeof(run));
	run.cells = c;
	run.ncells = 2;
	run.started = "";
	run.matrix = "<default>";
	CHECK_INT(recommend_rank(&r, &run, 1, "emscripten", NULL, 0, NULL, 0), 0);
	CHECK_STR(r.order_source, "<default>");
	CHECK_STR(r.values[0].value, "6.0.5");
	{
		cJSON *j = recommend_json(&r);

		CHECK_STR(cJSON_GetObjectItem(j, "order")->valuestring, "matrix");
		CHECK_STR(cJSON_GetObjectItem(j, "matrix")->valuestring, "<default>");
		cJSON_Delete(j);
	}
	recommend_release(&r);
	/* A recorded matrix that cannot be read: version order, no error left behind. */
	run.matrix = "/nonexistent/matrix.json";
	CHECK_INT(recommend_rank(&r, &run, 1, "emscripten", NULL, 0, NULL, 0), 0);
	CHECK(r.order_source == NULL);
	CHECK(!error_pending());
	CHECK_STR(r.values[0].value, "6.0.5");
	recommend_release(&r);
	free_cells(c, 2);
}


/*
 * Cells over keys loader, emscripten, opt, lto; a NULL value leaves the
 * key out of the cell (as an include cell of the default matrix does).
 */
static const char *wide_keys[] = { "loader", "emscripten", "opt", "lto" };

struct wide_cell {
	const char *values[4];
	enum cell_status status;
	const char *cls;
};

struct wide_run {
	struct runfile run;
	struct runfile_cell *cells;
	const char *(*keys)[4];
	const char *(*values)[4];
};

static void wide_make(struct wide_run *w, const struct wide_cell *f, size_t n)
{
	memset(w, 0, sizeof(*w));
	w->cells = calloc(n, sizeof(*w->cells));
	w->keys = calloc(n, sizeof(*w->keys));
	w->values = calloc(n, sizeof(*w->values));
	for (size_t i = 0; i < n; i++) {
		struct strbuf id = { 0 };

		for (size_t k = 0; k < 4; k++)
			if (f[i].values[k]) {
				w->keys[i][w->cells[i].naxes] = wide_keys[k];
				w->values[i][w->cells[i].naxes++] = f[i].values[k];
				strbuf_addf(&id, "%s%s=%s", id.len ? "," : "", wide_keys[k], f[i].values[k]);
			}
		w->cells[i].id = strbuf_detach(&id);
		w->cells[i].axis_keys = w->keys[i];
		w->cells[i].axis_values = w->values[i];
		w->cells[i].status = f[i].status;
		w->cells[i].cls = f[i].cls;
		w->cells[i].stage = f[i].status == CELL_PASS ? NULL : f[i].status == CELL_ERROR ? "std" : "load";
		w->cells[i].summary = "";
	}
	w->run.cells = w->cells;
	w->run.ncells = n;
	w->run.started = "";
}

static void wide_free(struct wide_run *w)
{
	for (size_t i = 0; i < w->run.ncells; i++)
		free((char *)w->cells[i].id);
	free(w->cells);
	free(w->keys);
	free(w->values);
}

/*
 * The case a new user met: emcc-main was tested on six settings and passes
 * two; pyodide-314.0.7 on one (its flag axes left out: their defaults) and
 * passes it. The value that passes everything it was tested on wins,
 * whatever the counts, and values are compared on the setting they share.
 */
static void test_fair_counts(void)
{
	static const struct wide_cell cells[] = {
		{ { "emcc-main", "3.1.69", "O0", "off" }, CELL_FAIL, "wasm_eh_tag_missing" },
		{ { "emcc-main", "3.1.69", "O2", "off" }, CELL_FAIL, "wasm_eh_tag_missing" },
		{ { "emcc-main", "3.1.69", "O0", "linker-plugin" }, CELL_FAIL, "llvm_bitcode_mismatch" },
		{ { "emcc-main", "6.0.5", "O0", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "6.0.5", "O2", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "3.1.6", "O0", "off" }, CELL_FAIL, "wasm_eh_tag_missing" },
		{ { "pyodide-0.26.4", "3.1.69", "O0", "off" }, CELL_FAIL, "wasm_eh_tag_missing" },
		{ { "pyodide-314.0.7", "3.1.69", NULL, NULL }, CELL_PASS, NULL },
	};
	const char *order[] = { "emcc-main", "pyodide-0.26.4", "pyodide-314.0.7" };
	struct wide_run w;
	struct recommend r;
	struct strbuf sb = { 0 };

	wide_make(&w, cells, sizeof(cells) / sizeof(*cells));
	CHECK_INT(recommend_rank(&r, &w.run, 1, "loader", NULL, 0, order, 3), 0);
	CHECK_INT(r.nsettings, 6);
	CHECK_INT(r.nshared, 1);   /* emscripten 3.1.69, opt O0, lto off */
	CHECK_STR(r.values[0].value, "pyodide-314.0.7");
	CHECK_INT(r.values[0].settings, 1);
	/* Both fail the shared cell; emcc-main passes more of the rest. */
	CHECK_STR(r.values[1].value, "emcc-main");
	CHECK_INT(r.values[1].shared_cells, 1);
	CHECK_INT(r.values[1].shared_pass, 0);
	CHECK_STR(r.values[2].value, "pyodide-0.26.4");
	recommend_explain(&r, &r.values[1], &sb);
	/* Grouped by class, the largest group first, with what its cells have in common (a flag
	 * at its default is left out). */
	CHECK_STR(strbuf_str(&sb), "0 of 1 pass on the shared settings, 2 of 6 in all; "
				   "fails: wasm_eh_tag_missing at load (3 cells); "
				   "fails: llvm_bitcode_mismatch at load (emscripten=3.1.69, lto=linker-plugin)");
	strbuf_release(&sb);
	recommend_coverage(&r, &r.values[0], &sb);
	CHECK_STR(strbuf_str(&sb), "; tested on 1 of 6 settings");
	strbuf_release(&sb);
	CHECK(!recommend_alternative(&r, &sb));
	CHECK_INT(sb.len, 0);
	recommend_release(&r);
	wide_free(&w);
}

/*
 * A value with more cells, more of them failing, but every shared one
 * passing ranks above one that fails a shared cell; untested cells are
 * never passes; when no value passes everything, the answer says where
 * the best fails and who passes there.
 */
static void test_fair_shares(void)
{
	static const struct wide_cell cells[] = {
		/* 6.0.5: 4 shared cells pass; 3 extra settings fail. */
		{ { "emcc-main", "6.0.5", "O0", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "6.0.5", "O2", "off" }, CELL_PASS, NULL },
		{ { "pyodide-0.29.5", "6.0.5", "O0", "off" }, CELL_PASS, NULL },
		{ { "pyodide-0.29.5", "6.0.5", "O2", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "6.0.5", "O0", "linker-plugin" }, CELL_FAIL, "llvm_bitcode_mismatch" },
		{ { "emcc-main", "6.0.5", "O2", "linker-plugin" }, CELL_FAIL, "llvm_bitcode_mismatch" },
		{ { "pyodide-0.29.5", "6.0.5", "O2", "linker-plugin" }, CELL_FAIL, "llvm_bitcode_mismatch" },
		/* 3.1.69: 3 of the 4 shared pass. */
		{ { "emcc-main", "3.1.69", "O0", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "3.1.69", "O2", "off" }, CELL_FAIL, "binaryen_unknown_feature" },
		{ { "pyodide-0.29.5", "3.1.69", "O0", "off" }, CELL_PASS, NULL },
		{ { "pyodide-0.29.5", "3.1.69", NULL, NULL }, CELL_PASS, NULL },  /* = O0, off: a repeat */
		{ { "pyodide-0.29.5", "3.1.69", "O2", "off" }, CELL_PASS, NULL },
		/* 3.1.6: 2 shared pass, 2 untested (a toolchain missing). */
		{ { "emcc-main", "3.1.6", "O0", "off" }, CELL_PASS, NULL },
		{ { "emcc-main", "3.1.6", "O2", "off" }, CELL_ERROR, NULL },
		{ { "pyodide-0.29.5", "3.1.6", "O0", "off" }, CELL_PASS, NULL },
		{ { "pyodide-0.29.5", "3.1.6", "O2", "off" }, CELL_ERROR, NULL },
	};
	const char *order[] = { "3.1.6", "3.1.69", "6.0.5" };
	struct wide_run w;
	struct recommend r;
	struct strbuf sb = { 0 };
	cJSON *j, *groups;

	wide_make(&w, cells, sizeof(cells) / sizeof(*cells));
	CHECK_INT(recommend_rank(&r, &w.run, 1, "emscripten", NULL, 0, order, 3), 0);
	CHECK_INT(r.nsettings, 7);
	CHECK_INT(r.nshared, 4);
	CHECK_STR(r.values[0].value, "6.0.5");
	CHECK_INT(r.values[0].fail, 3);
	CHECK_INT(r.values[0].shared_pass, 4);
	CHECK_STR(r.values[1].value, "3.1.69");
	CHECK_INT(r.values[1].shared_cells, 5);  /* the repeat of a shared setting counts too */
	CHECK_INT(r.values[1].shared_pass, 4);
	CHECK_STR(r.values[2].value, "3.1.6");
	CHECK_INT(r.values[2].untested, 2);
	CHECK_INT(r.values[2].shared_pass, 2);
	CHECK(!recommend_all_pass(&r.values[2]));
	CHECK(!recommend_ties(&r.values[1], &r.values[2]));
	CHECK(recommend_alternative(&r, &sb));
	CHECK_STR(strbuf_str(&sb),
		  "emscripten=6.0.5 fails lto=linker-plugin (3 cells); no other value passes those settings");
	strbuf_release(&sb);
	recommend_explain(&r, &r.values[2], &sb);
	CHECK_STR(strbuf_str(&sb),
		  "2 of 4 pass on the shared settings, 2 of 4 in all; untested: error at std (2 cells: opt=O2)");
	strbuf_release(&sb);
	j = recommend_json(&r);
	CHECK_INT(cJSON_GetObjectItem(j, "shared_settings")->valueint, 4);
	CHECK_STR(cJSON_GetObjectItem(j, "alternative")->valuestring,
		  "emscripten=6.0.5 fails lto=linker-plugin (3 cells); no other value passes those settings");
	groups = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "values"), 0), "groups");
	CHECK_INT(cJSON_GetArraySize(groups), 1);
	CHECK_INT(cJSON_GetObjectItem(cJSON_GetArrayItem(groups, 0), "cells")->valueint, 3);
	CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(groups, 0), "where"), "lto")->valuestring,
		  "linker-plugin");
	cJSON_Delete(j);
	recommend_release(&r);

	/* Where another value passes the best one's failing settings, it is named. */
	{
		static const struct wide_cell two[] = {
			{ { "emcc-main", "6.0.5", "O0", "off" }, CELL_PASS, NULL },
			{ { "emcc-main", "6.0.5", "O2", "off" }, CELL_PASS, NULL },
			{ { "emcc-main", "6.0.5", "O0", "linker-plugin" }, CELL_FAIL, "llvm_bitcode_mismatch" },
			{ { "emcc-main", "3.1.69", "O0", "off" }, CELL_PASS, NULL },
			{ { "emcc-main", "3.1.69", "O2", "off" }, CELL_FAIL, "binaryen_unknown_feature" },
			{ { "emcc-main", "3.1.69", "O0", "linker-plugin" }, CELL_PASS, NULL },
		};
		struct wide_run w2;

		wide_make(&w2, two, sizeof(two) / sizeof(*two));
		CHECK_INT(recommend_rank(&r, &w2.run, 1, "emscripten", NULL, 0, order, 3), 0);
		CHECK_STR(r.values[0].value, "6.0.5");  /* a tie on every share: the newer */
		CHECK(recommend_ties(&r.values[0], &r.values[1]));
		CHECK(recommend_alternative(&r, &sb));
		CHECK_STR(strbuf_str(&sb), "emscripten=6.0.5 fails lto=linker-plugin (1 cell); 3.1.69 passes it");
		strbuf_release(&sb);
		recommend_release(&r);
		wide_free(&w2);
	}
	wide_free(&w);
}

int main(void)
{
	test_version_cmp();
	test_rank();
	test_matrix_order();
	test_fair_counts();
	test_fair_shares();
	return check_done();
}
