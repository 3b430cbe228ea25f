/* Plan: node sharing, stage shapes, stable keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/plan.h"
#include "emcompat/util.h"

static int load(struct matrix *m, struct plan *p, const char *text)
{
	error_clear();
	if (matrix_parse(m, "t.json", text, strlen(text))) {
		fprintf(stderr, "parse: %s\n", error_message());
		return -1;
	}
	return plan_build(p, m);
}

static void test_sharing(void)
{
	struct matrix m;
	struct plan p;

	/* 2 rust x 2 emscripten x 3 probe x 2 loader = 24 cells. */
	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"emscripten\":[\"3.1.6\",\"6.0.5\"],"
		       "\"probe\":[\"add\",\"i64\",\"data\"],\"loader\":[\"emcc-main\",\"pyodide-0.26.4\"]}}"),
		  0);
	CHECK_INT(m.ncells, 24);
	CHECK_INT(p.count[STAGE_STD], 4);       /* per rust x emscripten (libc asks emcc) */
	CHECK_INT(p.count[STAGE_COMPILE], 12);  /* x probe */
	CHECK_INT(p.count[STAGE_LINK], 12);
	CHECK_INT(p.count[STAGE_MAIN], 2);      /* emscripten, emcc-main only */
	CHECK_INT(p.count[STAGE_INSPECT], 24);  /* per side module and host */
	CHECK_INT(p.count[STAGE_LOAD], 24);
	CHECK_INT(p.count[STAGE_RUN], 24);
	CHECK_INT(p.nnodes, 4 + 12 + 12 + 2 + 24 + 24 + 24);
	/* 12 emcc-main cells have 7 stages, 12 Pyodide cells 6. */
	CHECK_INT(p.stage_runs_unshared, 12 * 7 + 12 * 6);
	for (size_t n = 0; n < p.nnodes; n++)
		for (size_t d = 0; d < p.nodes[n].ndeps; d++)
			CHECK(p.nodes[n].deps[d] < n);  /* topological */
	{
		const struct plan_node *std = plan_cell_node(&p, 0, STAGE_STD);
		const struct plan_node *load_node = plan_cell_node(&p, 0, STAGE_LOAD);

		CHECK_INT(std->ncells, 6);
		CHECK_INT(load_node->ndeps, 2);  /* link and main */
		CHECK(strncmp(std->id, "std-", 4) == 0);
		CHECK_INT(strlen(std->id), 16);
	}
	CHECK(plan_cell_node(&p, 1, STAGE_MAIN) == NULL);  /* cell 1 is pyodide */
	CHECK_INT(plan_cell_node(&p, 1, STAGE_LOAD)->ndeps, 1);
	plan_release(&p);
	matrix_release(&m);
}

static void test_rustc_link_mode(void)
{
	struct matrix m;
	struct plan p;

	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\",\"6.0.5\"],"
		       "\"probe\":[\"add\"],\"link_mode\":[\"emcc\",\"rustc\"]}}"),
		  0);
	CHECK_INT(p.count[STAGE_COMPILE], 2);   /* only the emcc cells compile apart, per std */
	CHECK_INT(p.count[STAGE_LINK], 4);
	CHECK(plan_cell_node(&p, 1, STAGE_COMPILE) == NULL);
	CHECK_INT(plan_cell_node(&p, 1, STAGE_LINK)->ndeps, 1);
	CHECK(plan_cell_node(&p, 1, STAGE_LINK)->deps[0] == p.cell_nodes[1 * STAGE_COUNT + STAGE_STD]);
	plan_release(&p);
	matrix_release(&m);
}

static void test_unknown_axis_shares_nothing(void)
{
	struct matrix m;
	struct plan p;

	CHECK_INT(load(&m, &p, "{\"axes\":{\"rust\":[\"1.96\"],\"flavour\":[\"a\",\"b\"]}}"), 0);
	for (int s = 0; s < STAGE_COUNT; s++)
		CHECK_INT(p.count[s], 2);
	plan_release(&p);
	matrix_release(&m);
}

/* Keys depend on what a node reads, not on axis order or unrelated axes. */
static void test_stable_keys(void)
{
	struct matrix m1, m2;
	struct plan p1, p2;

	CHECK_INT(load(&m1, &p1, "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],\"probe\":[\"add\"]}}"), 0);
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"probe\":[\"add\"],\"emscripten\":[\"3.1.6\",\"6.0.5\"],\"rust\":[\"1.96\"]}}"),
		  0);
	for (int s = 0; s < STAGE_COUNT; s++) {
		const struct plan_node *a = plan_cell_node(&p1, 0, s), *b = plan_cell_node(&p2, 0, s);

		CHECK(a && b && memcmp(a->key, b->key, PLAN_KEY_SIZE) == 0);
	}
	/* A different emscripten changes std (and so compile) and link; a probe changes neither std nor main. */
	CHECK(memcmp(plan_cell_node(&p2, 0, STAGE_STD)->key, plan_cell_node(&p2, 1, STAGE_STD)->key, PLAN_KEY_SIZE) !=
	      0);
	CHECK(memcmp(plan_cell_node(&p2, 0, STAGE_LINK)->key, plan_cell_node(&p2, 1, STAGE_LINK)->key, PLAN_KEY_SIZE) !=
	      0);
	plan_release(&p1);
	matrix_release(&m1);
	plan_release(&p2);
	matrix_release(&m2);
}

/* A flag axis at its default shares the nodes of a matrix without it. */
static void test_flag_defaults(void)
{
	struct matrix m1, m2;
	struct plan p1, p2;

	CHECK_INT(load(&m1, &p1, "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],\"probe\":[\"add\"]}}"), 0);
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],\"probe\":[\"add\"],"
		       "\"opt\":[\"O0\",\"O2\"],\"lto\":[\"off\"],\"bigint\":[\"on\"],"
		       "\"link_mode\":[\"emcc\"],\"pyo3\":[\"none\"]}}"),
		  0);
	for (int s = 0; s < STAGE_COUNT; s++) {
		const struct plan_node *a = plan_cell_node(&p1, 0, s), *b = plan_cell_node(&p2, 0, s);

		CHECK(a && b && memcmp(a->key, b->key, PLAN_KEY_SIZE) == 0);
	}
	/* opt=O2 is not the default: its link node (and what follows) differs. */
	CHECK(memcmp(plan_cell_node(&p2, 0, STAGE_LINK)->key, plan_cell_node(&p2, 1, STAGE_LINK)->key, PLAN_KEY_SIZE) !=
	      0);
	CHECK(plan_cell_node(&p2, 0, STAGE_COMPILE) == plan_cell_node(&p2, 1, STAGE_COMPILE));
	plan_release(&p1);
	matrix_release(&m1);
	plan_release(&p2);
	matrix_release(&m2);
}

/* A host built by another Emscripten is that Emscripten's own host. */
static void test_host_of_another_emscripten(void)
{
	struct matrix m1, m2;
	struct plan p1, p2;

	CHECK_INT(load(&m1, &p1,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],\"probe\":[\"add\"],"
		       "\"loader\":[\"emcc-main\"]}}"),
		  0);
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],\"probe\":[\"add\"],"
		       "\"loader\":[\"emcc-main-3.1.6\",\"emcc-main-6.0.5\"]}}"),
		  0);
	CHECK(memcmp(plan_cell_node(&p1, 0, STAGE_MAIN)->key, plan_cell_node(&p2, 0, STAGE_MAIN)->key, PLAN_KEY_SIZE) ==
	      0);
	CHECK(plan_cell_node(&p2, 0, STAGE_MAIN) != plan_cell_node(&p2, 1, STAGE_MAIN));
	/* The side module is the cell's own Emscripten's, whatever the host. */
	CHECK(memcmp(plan_cell_node(&p1, 0, STAGE_LINK)->key, plan_cell_node(&p2, 0, STAGE_LINK)->key, PLAN_KEY_SIZE) !=
	      0);
	CHECK(plan_cell_node(&p2, 0, STAGE_LINK) == plan_cell_node(&p2, 1, STAGE_LINK));
	CHECK(plan_cell_node(&p2, 0, STAGE_LOAD) != plan_cell_node(&p2, 1, STAGE_LOAD));
	plan_release(&p1);
	matrix_release(&m1);
	plan_release(&p2);
	matrix_release(&m2);
}

/*
 * The pyo3 probe (a Python extension) compiles per pyo3 version and per
 * loader (its Python); other probes ignore the pyo3 axis and share one
 * compile across loaders.
 */
static void test_python_extension_reads_pyo3_and_loader(void)
{
	struct matrix m;
	struct plan p;
	size_t k_loader, k_pyo3;

	/* 2 probe x 2 pyo3 x 2 loader = 8 cells. */
	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],"
		       "\"probe\":[\"add\",\"pyo3\"],\"pyo3\":[\"0.22\",\"0.30\"],"
		       "\"loader\":[\"pyodide-0.26.4\",\"pyodide-0.29.5\"]}}"),
		  0);
	CHECK_INT(m.ncells, 8);
	CHECK_INT(p.count[STAGE_COMPILE], 1 + 4);  /* add once; pyo3 per version x loader */
	CHECK_INT(p.count[STAGE_LINK], 1 + 4);
	CHECK_INT(p.count[STAGE_LOAD], 2 + 4);
	k_loader = (size_t)matrix_key_index(&m, "loader");
	k_pyo3 = (size_t)matrix_key_index(&m, "pyo3");
	/* cells 0..3 are add, 4..7 pyo3 (the last axis varies fastest). */
	CHECK(!plan_node_reads(&p, plan_cell_node(&p, 0, STAGE_COMPILE), k_pyo3));
	CHECK(!plan_node_reads(&p, plan_cell_node(&p, 0, STAGE_COMPILE), k_loader));
	CHECK(plan_cell_node(&p, 0, STAGE_COMPILE) == plan_cell_node(&p, 3, STAGE_COMPILE));
	CHECK(plan_node_reads(&p, plan_cell_node(&p, 4, STAGE_COMPILE), k_pyo3));
	CHECK(plan_node_reads(&p, plan_cell_node(&p, 4, STAGE_COMPILE), k_loader));
	CHECK(plan_cell_node(&p, 4, STAGE_COMPILE) != plan_cell_node(&p, 5, STAGE_COMPILE));
	CHECK(plan_cell_node(&p, 4, STAGE_COMPILE) != plan_cell_node(&p, 6, STAGE_COMPILE));
	plan_release(&p);
	matrix_release(&m);
}

static void test_key_hex(void)
{
	unsigned char key[PLAN_KEY_SIZE] = { 0x00, 0x1f, 0xa0, 0xff };
	char hex[2 * PLAN_KEY_SIZE + 1];

	plan_key_hex(key, hex);
	CHECK_INT(strlen(hex), 64);
	CHECK(strncmp(hex, "001fa0ff0000", 12) == 0);
}

/* The cells of each node, and the count that says when a cell's last node is final. */
static void test_cell_index(void)
{
	struct matrix m;
	struct plan p;
	struct plan_cell_index ix;
	int *done;
	size_t std, total = 0;

	/* 2 probe x 2 loader = 4 cells; one std node for all. */
	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.6\"],"
		       "\"probe\":[\"add\",\"i64\"],\"loader\":[\"emcc-main\",\"pyodide-0.26.4\"]}}"),
		  0);
	std = p.cell_nodes[0 * STAGE_COUNT + STAGE_STD];
	done = calloc(p.nnodes, sizeof(*done));
	done[std] = 1;
	plan_cell_index_init(&ix, &p, done);
	CHECK_INT(ix.start[std + 1] - ix.start[std], 4);
	for (size_t k = ix.start[std]; k < ix.start[std + 1]; k++)
		CHECK_INT(ix.cells[k], k - ix.start[std]);  /* in cell order */
	for (size_t n = 0; n < p.nnodes; n++)
		total += ix.start[n + 1] - ix.start[n];
	CHECK_INT(total, 2 * 7 + 2 * 6);              /* every (cell, stage) once */
	CHECK_INT(ix.pending[0], 6);                  /* emcc-main: 7 stages, std done */
	CHECK_INT(ix.pending[1], 5);                  /* Pyodide: no main */
	plan_cell_index_release(&ix);
	/* Nothing done: every stage of a cell is pending. */
	plan_cell_index_init(&ix, &p, NULL);
	CHECK_INT(ix.pending[0], 7);
	CHECK_INT(ix.pending[3], 6);
	plan_cell_index_release(&ix);
	free(done);
	plan_release(&p);
	matrix_release(&m);
}

#define PKG(checks_expect)                                                                                      \
	"\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"checks\":[{\"name\":\"a\"," \
	"\"py\":\"1\",\"expect\":\"" checks_expect "\"}]}}"

/* A package cell: download (link), inspect, load, run; no build axis read; its object is an input. */
static void test_package_cells(void)
{
	struct matrix m, m2;
	struct plan p, p2;
	const struct plan_node *link, *run;

	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"probe\":[\"add\",\"jiter\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"]}," PKG("1") "}"),
		  0);
	CHECK_INT(m.ncells, 8);
	/* jiter: one download per loader, shared by both rust values; no std, compile or main. */
	CHECK_INT(p.count[STAGE_STD], 2);
	CHECK_INT(p.count[STAGE_COMPILE], 2);
	CHECK_INT(p.count[STAGE_LINK], 2 + 2);
	CHECK_INT(p.count[STAGE_MAIN], 0);
	CHECK_INT(p.count[STAGE_LOAD], 4 + 2);
	/* Cell 3: rust=1.63, probe=jiter, loader=pyodide-314.0.7. */
	CHECK(plan_cell_node(&p, 3, STAGE_STD) == NULL);
	CHECK(plan_cell_node(&p, 3, STAGE_COMPILE) == NULL);
	CHECK(plan_cell_node(&p, 3, STAGE_MAIN) == NULL);
	link = plan_cell_node(&p, 3, STAGE_LINK);
	run = plan_cell_node(&p, 3, STAGE_RUN);
	CHECK(link && link->package && strcmp(link->package->name, "jiter") == 0 && link->ndeps == 0);
	CHECK(run && run->package && run->ncells == 2);
	CHECK(plan_cell_node(&p, 1, STAGE_LINK)->package == NULL);
	/* Another check: the same download and inspection, other load and run nodes. */
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"probe\":[\"add\",\"jiter\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"]}," PKG("2") "}"),
		  0);
	CHECK(memcmp(plan_cell_node(&p2, 3, STAGE_LINK)->key, link->key, PLAN_KEY_SIZE) == 0);
	CHECK(memcmp(plan_cell_node(&p2, 3, STAGE_INSPECT)->key, plan_cell_node(&p, 3, STAGE_INSPECT)->key,
		     PLAN_KEY_SIZE) == 0);
	CHECK(memcmp(plan_cell_node(&p2, 3, STAGE_LOAD)->key, plan_cell_node(&p, 3, STAGE_LOAD)->key, PLAN_KEY_SIZE) !=
	      0);
	/* The probe cells are the same nodes. */
	CHECK(memcmp(plan_cell_node(&p2, 1, STAGE_RUN)->key, plan_cell_node(&p, 1, STAGE_RUN)->key, PLAN_KEY_SIZE) ==
	      0);
	plan_release(&p2);
	matrix_release(&m2);
	/* "platform" changes what is downloaded: other download, inspect, load and run nodes. */
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.63\",\"1.96\"],\"probe\":[\"add\",\"jiter\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"]},"
		       "\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"platform\":\"any\","
		       "\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}"),
		  0);
	CHECK_INT(p2.count[STAGE_LINK], 2 + 2);
	for (int s = STAGE_LINK; s < STAGE_COUNT; s++)
		if (s != STAGE_MAIN)
			CHECK(memcmp(plan_cell_node(&p2, 3, (enum stage)s)->key,
				     plan_cell_node(&p, 3, (enum stage)s)->key, PLAN_KEY_SIZE) != 0);
	CHECK(memcmp(plan_cell_node(&p2, 1, STAGE_RUN)->key, plan_cell_node(&p, 1, STAGE_RUN)->key, PLAN_KEY_SIZE) ==
	      0);
	plan_release(&p2);
	matrix_release(&m2);
	plan_release(&p);
	matrix_release(&m);
}

#define SRC_PKG                                                                                            \
	"\"packages\":{\"rpds\":{\"pypi\":\"rpds-py==2026.9.1\",\"build\":\"source\",\"import\":\"rpds\"," \
	"\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}"

/*
 * A source package's cell: std (a probe's), build (compile), link, inspect,
 * load, run; no main. The build reads Rust (through std) and the loader,
 * not the link's Emscripten flags: one build serves every opt.
 */
static void test_source_package_cells(void)
{
	struct matrix m, m2;
	struct plan p, p2;
	const struct plan_node *build, *link;

	CHECK_INT(load(&m, &p,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"6.0.5\"],\"probe\":[\"add\",\"rpds\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"],\"opt\":[\"O0\",\"O2\"]}," SRC_PKG "}"),
		  0);
	CHECK_INT(m.ncells, 8);
	/* One std shared by the probe and the package. */
	CHECK_INT(p.count[STAGE_STD], 1);
	/* add: 1 compile; rpds: one build per loader (its Python), shared by both opts. */
	CHECK_INT(p.count[STAGE_COMPILE], 1 + 2);
	CHECK_INT(p.count[STAGE_LINK], 2 + 4);
	CHECK_INT(p.count[STAGE_MAIN], 0);
	/* Cell 4: probe=rpds, loader=pyodide-0.29.5, opt=O0; cell 5 the same at O2. */
	build = plan_cell_node(&p, 4, STAGE_COMPILE);
	link = plan_cell_node(&p, 4, STAGE_LINK);
	CHECK(build && build->package && build->package->source && build->ncells == 2);
	CHECK(build && build->ndeps == 1 && build->deps[0] == (size_t)(plan_cell_node(&p, 0, STAGE_STD) - p.nodes));
	CHECK(build == plan_cell_node(&p, 5, STAGE_COMPILE));
	CHECK(link && link->package && link != plan_cell_node(&p, 5, STAGE_LINK));
	CHECK(link && link->ndeps == 1 && link->deps[0] == (size_t)(build - p.nodes));
	CHECK(plan_cell_node(&p, 4, STAGE_MAIN) == NULL);
	CHECK(plan_cell_node(&p, 4, STAGE_INSPECT)->deps[0] == (size_t)(link - p.nodes));
	CHECK(plan_cell_node(&p, 4, STAGE_RUN)->package != NULL);
	/* Another Emscripten: another std, hence other build and link nodes. */
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"3.1.69\"],\"probe\":[\"add\",\"rpds\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"],\"opt\":[\"O0\",\"O2\"]}," SRC_PKG "}"),
		  0);
	CHECK(memcmp(plan_cell_node(&p2, 4, STAGE_COMPILE)->key, build->key, PLAN_KEY_SIZE) != 0);
	CHECK(memcmp(plan_cell_node(&p2, 4, STAGE_STD)->key, plan_cell_node(&p, 4, STAGE_STD)->key, PLAN_KEY_SIZE) !=
	      0);
	plan_release(&p2);
	matrix_release(&m2);
	/* The same requirement as a wheel: none of its nodes is the source build's. */
	CHECK_INT(load(&m2, &p2,
		       "{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"6.0.5\"],\"probe\":[\"add\",\"rpds\"],"
		       "\"loader\":[\"pyodide-0.29.5\",\"pyodide-314.0.7\"],\"opt\":[\"O0\",\"O2\"]},"
		       "\"packages\":{\"rpds\":{\"pypi\":\"rpds-py==2026.9.1\",\"import\":\"rpds\","
		       "\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}"),
		  0);
	CHECK(plan_cell_node(&p2, 4, STAGE_COMPILE) == NULL);
	CHECK(memcmp(plan_cell_node(&p2, 4, STAGE_LINK)->key, link->key, PLAN_KEY_SIZE) != 0);
	plan_release(&p2);
	matrix_release(&m2);
	plan_release(&p);
	matrix_release(&m);
}

/* The plan of one "path" package cell at DIR (absolute), into *M and *P. */
static int load_path(struct matrix *m, struct plan *p, const char *dir)
{
	char *text = xasprintf("{\"axes\":{\"rust\":[\"1.96\"],\"emscripten\":[\"6.0.5\"],\"probe\":[\"hello\"],"
			       "\"loader\":[\"pyodide-0.29.5\"]},\"packages\":{\"hello\":{\"path\":\"%s\","
			       "\"import\":\"hello\",\"checks\":[{\"name\":\"a\",\"py\":\"1\",\"expect\":\"1\"}]}}}",
			       dir);
	int rc = load(m, p, text);

	free(text);
	return rc;
}

/* A "path" package: its nodes follow its files' content, not where they are. */
static void test_path_package_keys(void)
{
	char t1[] = "/tmp/emcompat-test-plan-XXXXXX", t2[] = "/tmp/emcompat-test-plan-XXXXXX";
	char *d1 = mkdtemp(t1), *d2 = mkdtemp(t2), *f1 = xasprintf("%s/lib.rs", d1), *f2 = xasprintf("%s/lib.rs", d2);
	char *l1 = xasprintf("%s/Cargo.lock", d1), *l2 = xasprintf("%s/Cargo.lock", d2);
	unsigned char build[PLAN_KEY_SIZE];
	struct matrix m;
	struct plan p;
	int rc;

	CHECK(d1 && d2);
	CHECK_INT(write_file_atomic(f1, "a", 1, 0644), 0);
	CHECK_INT(write_file_atomic(f2, "a", 1, 0644), 0);
	CHECK_INT(write_file_atomic(l1, "version = 3\n", 12, 0644), 0);
	CHECK_INT(write_file_atomic(l2, "version = 3\n", 12, 0644), 0);
	rc = load_path(&m, &p, d1);
	CHECK_INT(rc, 0);
	if (rc)
		return;
	CHECK(plan_cell_node(&p, 0, STAGE_COMPILE) && plan_cell_node(&p, 0, STAGE_MAIN) == NULL);
	memcpy(build, plan_cell_node(&p, 0, STAGE_COMPILE)->key, PLAN_KEY_SIZE);
	plan_release(&p);
	matrix_release(&m);
	/* The same files elsewhere: the same build. */
	CHECK_INT(load_path(&m, &p, d2), 0);
	CHECK(memcmp(plan_cell_node(&p, 0, STAGE_COMPILE)->key, build, PLAN_KEY_SIZE) == 0);
	plan_release(&p);
	matrix_release(&m);
	/* An edit: another build, and another link. */
	CHECK_INT(write_file_atomic(f2, "b", 1, 0644), 0);
	CHECK_INT(load_path(&m, &p, d2), 0);
	CHECK(memcmp(plan_cell_node(&p, 0, STAGE_COMPILE)->key, build, PLAN_KEY_SIZE) != 0);
	plan_release(&p);
	matrix_release(&m);
	remove(f1);
	remove(f2);
	remove(l1);
	remove(l2);
	rmdir(d1);
	rmdir(d2);
	free(f1);
	free(f2);
	free(l1);
	free(l2);
}

int main(void)
{
	test_path_package_keys();
	test_cell_index();
	test_package_cells();
	test_source_package_cells();
	test_sharing();
	test_rustc_link_mode();
	test_python_extension_reads_pyo3_and_loader();
	test_unknown_axis_shares_nothing();
	test_stable_keys();
	test_flag_defaults();
	test_host_of_another_emscripten();
	test_key_hex();
	return check_done();
}
