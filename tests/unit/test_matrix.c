/* Matrix expansion: GitHub Actions' include/exclude semantics, ids, order, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/util.h"

static int parse(struct matrix *m, const char *text)
{
	error_clear();
	return matrix_parse(m, "m.json", text, strlen(text));
}

/* The cell ids of TEXT joined by "|", or "ERR:<message>". */
static char *cells_of(const char *text)
{
	static char out[8192];
	struct matrix m;

	out[0] = '\0';
	if (parse(&m, text)) {
		snprintf(out, sizeof(out), "ERR:%s", error_message());
		return out;
	}
	for (size_t c = 0; c < m.ncells; c++) {
		if (c)
			strcat(out, "|");
		strcat(out, m.cells[c].id);
	}
	matrix_release(&m);
	return out;
}

static void test_cross_product_order(void)
{
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\",\"2\"],\"b\":[\"x\",\"y\",\"z\"]}}"),
		  "a=1,b=x|a=1,b=y|a=1,b=z|a=2,b=x|a=2,b=y|a=2,b=z");
	/* Axis order is file order, not alphabetical. */
	CHECK_STR(cells_of("{\"axes\":{\"z\":[\"1\"],\"a\":[\"2\",\"3\"]}}"), "z=1,a=2|z=1,a=3");
}

/* docs.github.com, "Expanding or adding matrix configurations". */
static void test_github_include_example(void)
{
	const char *text = "{\"axes\":{\"fruit\":[\"apple\",\"pear\"],\"animal\":[\"cat\",\"dog\"]},"
			   "\"include\":[{\"color\":\"green\"},"
			   "{\"color\":\"pink\",\"animal\":\"cat\"},"
			   "{\"fruit\":\"apple\",\"shape\":\"circle\"},"
			   "{\"fruit\":\"banana\"},"
			   "{\"fruit\":\"banana\",\"animal\":\"cat\"}]}";
	struct matrix m;

	CHECK_STR(cells_of(text), "fruit=apple,animal=cat,color=pink,shape=circle|"
				  "fruit=apple,animal=dog,color=green,shape=circle|"
				  "fruit=pear,animal=cat,color=pink|"
				  "fruit=pear,animal=dog,color=green|"
				  "fruit=banana|"
				  "fruit=banana,animal=cat");
	CHECK_INT(parse(&m, text), 0);
	CHECK_INT(m.naxes, 2);
	CHECK_INT(m.nkeys, 4);
	CHECK_STR(matrix_cell_get(&m, &m.cells[1], "shape"), "circle");
	CHECK(matrix_cell_get(&m, &m.cells[2], "shape") == NULL);
	CHECK(matrix_cell_get(&m, &m.cells[4], "animal") == NULL);
	matrix_release(&m);
}

/* docs.github.com, "Expanding or adding matrix configurations": os x node + npm. */
static void test_github_include_extends_one(void)
{
	CHECK_STR(cells_of("{\"axes\":{\"os\":[\"windows-latest\",\"ubuntu-latest\"],\"node\":[\"14\",\"16\"]},"
			   "\"include\":[{\"os\":\"windows-latest\",\"node\":\"16\",\"npm\":\"6\"}]}"),
		  "os=windows-latest,node=14|os=windows-latest,node=16,npm=6|"
		  "os=ubuntu-latest,node=14|os=ubuntu-latest,node=16");
}

/* docs.github.com, "Excluding matrix configurations": 12 - 1 - 2 = 9 jobs. */
static void test_github_exclude_example(void)
{
	const char *text = "{\"axes\":{\"os\":[\"macos-latest\",\"windows-latest\"],\"version\":[\"12\",\"14\",\"16\"],"
			   "\"environment\":[\"staging\",\"production\"]},"
			   "\"exclude\":[{\"os\":\"macos-latest\",\"version\":\"12\",\"environment\":\"production\"},"
			   "{\"os\":\"windows-latest\",\"version\":\"16\"}]}";
	struct matrix m;

	CHECK_INT(parse(&m, text), 0);
	CHECK_INT(m.ncells, 9);
	for (size_t c = 0; c < m.ncells; c++) {
		CHECK(strcmp(m.cells[c].id, "os=macos-latest,version=12,environment=production") != 0);
		CHECK(!strstr(m.cells[c].id, "os=windows-latest,version=16"));
	}
	CHECK_STR(m.cells[0].id, "os=macos-latest,version=12,environment=staging");
	CHECK_STR(m.cells[8].id, "os=windows-latest,version=14,environment=production");
	matrix_release(&m);
}

/* Exclude runs first: an include may re-add an excluded combination as a new one. */
static void test_exclude_then_include(void)
{
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\",\"2\"],\"b\":[\"x\",\"y\"]},"
			   "\"exclude\":[{\"a\":\"1\",\"b\":\"y\"}],"
			   "\"include\":[{\"a\":\"1\",\"b\":\"y\",\"extra\":\"e\"}]}"),
		  "a=1,b=x|a=2,b=x|a=2,b=y|a=1,b=y,extra=e");
	/* An include may overwrite a value an earlier include added. */
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\",\"2\"]},"
			   "\"include\":[{\"f\":\"x\"},{\"a\":\"2\",\"f\":\"y\"}]}"),
		  "a=1,f=x|a=2,f=y");
}

static void test_include_only(void)
{
	CHECK_STR(cells_of("{\"axes\":{},\"include\":[{\"a\":\"1\"},{\"a\":\"2\",\"b\":\"x\"}]}"), "a=1|a=2,b=x");
}

static void test_settings(void)
{
	struct matrix m;

	CHECK_INT(parse(&m, "{\"name\":\"n\",\"axes\":{\"a\":[\"1\"]},\"timeouts\":{\"link\":30,\"run\":1.5},"
			    "\"retries\":2,\"toolchains\":{\"a\":{\"1\":{\"path\":\"/x\"}}}}"),
		  0);
	CHECK_STR(m.name, "n");
	CHECK_INT(m.retries, 2);
	CHECK(m.timeouts[STAGE_LINK] == 30);
	CHECK(m.timeouts[STAGE_RUN] == 1.5);
	CHECK(m.timeouts[STAGE_STD] == 0);
	CHECK(cJSON_GetObjectItem(m.toolchains, "a") != NULL);
	matrix_release(&m);
	CHECK_INT(parse(&m, "{\"axes\":{\"a\":[\"1\"]}}"), 0);
	CHECK_INT(m.retries, -1);
	CHECK_INT(m.provision, 0);
	matrix_release(&m);
	CHECK_INT(parse(&m, "{\"axes\":{\"a\":[\"1\"]},\"provision\":true}"), 0);
	CHECK_INT(m.provision, 1);
	matrix_release(&m);
}

static void test_errors(void)
{
	/* Invalid JSON: FILE:LINE:COL. */
	CHECK_HAS(cells_of("{\n  \"axes\": {\n    \"a\": [\"1\",]\n  }\n}"),
		  "ERR:m.json:3:15: invalid JSON: unexpected ']'");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]}"), "ERR:m.json:1:20: invalid JSON: unexpected end of text");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]}} x"), "ERR:m.json:1:22: invalid JSON: unexpected 'x'");
	CHECK_HAS(cells_of(""), "ERR:m.json:1:1: invalid JSON: unexpected end of text");
	/* Semantic errors name the key, at its position. */
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\"]},\n \"exlude\":[]}"),
		  "ERR:m.json:2:2: unknown key \"exlude\" (known: name, axes, include, exclude, toolchains, timeouts, "
		  "retries, provision, packages)");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[]}}"),
		  "ERR:m.json:1:10: axis \"a\": empty (an axis needs at least one value)");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\",\n\"2\", \"1\"]}}"),
		  "ERR:m.json:2:6: axis \"a\": duplicate value \"1\"");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\", 2]}}"), "ERR:m.json:1:20: axis \"a\": a value must be a string");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\"]},\"exclude\":[{\"b\":\"1\"}]}"),
		  "ERR:m.json:1:33: exclude[0].b: \"b\" is not an axis of this matrix");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]},\"exclude\":[{\"a\":\"9\"}]}"),
		  "\"9\" is not a value of axis \"a\"");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\"]},\"exclude\":[{\"a\":\"1\"}]}"),
		  "ERR:m.json:1:21: the matrix is empty: \"exclude\" removes every combination and \"include\" adds "
		  "none");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"],\"a\":[\"2\"]}}"), "ERR:m.json:1:20: duplicate key \"a\"");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"x,y\"]}}"), "contains ','");
	CHECK_HAS(cells_of("{\"axes\":{\"a b\":[\"1\"]}}"), "axis \"a b\": only letters");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]},\"timeouts\":{\"lnk\":3}}"), "unknown stage \"lnk\"");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]},\"timeouts\":{\"link\":-3}}"), "timeouts.link: must be");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]},\"retries\":1.5}"), "\"retries\" must be an integer");
	CHECK_STR(cells_of("{\"axes\":{\"a\":[\"1\"]},\"provision\":1}"),
		  "ERR:m.json:1:21: \"provision\" must be true or false");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"1\"]},\"toolchains\":{\"rust\":{}}}"),
		  "toolchains: \"rust\" is not an axis");
	CHECK_HAS(cells_of("{\"name\":\"x\"}"), "missing key \"axes\"");
	CHECK_HAS(cells_of("[1]"), "a matrix must be a JSON object");
	CHECK_HAS(cells_of("{\"axes\":{},\"include\":[{\"a\":\"1\"},{\"a\":\"1\"}]}"),
		  "include[1]: adds the same combination as include[0]");
	CHECK_HAS(cells_of("{\"axes\":{\"a\":[\"\\u00e9\xff\"]}}"), "ERR:m.json:1:22: invalid UTF-8");
	CHECK_INT(error_code(), EC_EXIT_INPUT);
}

static void test_too_large(void)
{
	/* 10 axes of 10 values: 10^10 combinations, refused before allocating. */
	char text[2048] = "{\"axes\":{";

	for (int a = 0; a < 10; a++) {
		char axis[256];

		snprintf(axis, sizeof(axis), "%s\"a%d\":[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]",
			 a ? "," : "", a);
		strcat(text, axis);
	}
	strcat(text, "}}");
	CHECK_HAS(cells_of(text), "has 10000000000 combinations; at most 1000000 cells");
}

static void test_select(void)
{
	struct matrix m;
	struct matrix_only only[] = { { "a", "1" }, { "a", "3" }, { "b", "y" } };

	CHECK_INT(parse(&m, "{\"axes\":{\"a\":[\"1\",\"2\",\"3\"],\"b\":[\"x\",\"y\"]}}"), 0);
	CHECK_INT(matrix_select(&m, only, 3), 0);
	CHECK_INT(m.ncells, 2);
	CHECK_STR(m.cells[0].id, "a=1,b=y");
	CHECK_STR(m.cells[1].id, "a=3,b=y");
	only[0].key = "c";
	error_clear();
	CHECK_INT(matrix_select(&m, only, 1), -1);
	CHECK_HAS(error_message(), "\"c\" is not a key");
	only[0].key = "a";
	only[0].value = "2";
	error_clear();
	CHECK_INT(matrix_select(&m, only, 1), -1);
	CHECK_HAS(error_message(), "no cell");
	matrix_release(&m);
}

static void test_default_matrix(void)
{
	struct matrix m;

	error_clear();
	CHECK_INT(matrix_load(&m, NULL), 0);
	CHECK(m.ncells > 0);
	CHECK_STR(m.path, "<default>");
	CHECK_STR(m.keys[0], "rust");
	matrix_release(&m);
	error_clear();
	CHECK_INT(matrix_load(&m, "/nonexistent/m.json"), -1);
	CHECK_HAS(error_message(), "/nonexistent/m.json: cannot open");
}

/* A matrix with one package JIT (its object's members) on the probe axis. */
static char *with_package(const char *members)
{
	static char text[4096];

	snprintf(text, sizeof(text),
		 "{\"axes\":{\"probe\":[\"add\",\"jiter\"],\"loader\":[\"pyodide-314.0.7\"]},\n"
		 "\"packages\":{\"jiter\":{%s}}}",
		 members);
	return cells_of(text);
}

#define CHECKS "\"checks\":[{\"name\":\"a\",\"py\":\"jiter.from_json(b'1')\",\"expect\":\"1\"}]"

static void test_packages(void)
{
	const char *text = "{\"axes\":{\"probe\":[\"jiter\"]},\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\","
			   "\"build\":\"wheel\",\"import\":\"jiter\",\"module\":\"jiter.jiter\","
			   "\"requires\":[\"typing-extensions==4.15.0\"]," CHECKS "}}}";
	const struct matrix_package *pk;
	struct matrix m;

	CHECK_INT(parse(&m, text), 0);
	CHECK_INT((long)m.npackages, 1);
	pk = matrix_package_find(&m, "jiter");
	CHECK(pk != NULL);
	CHECK(matrix_package_find(&m, "add") == NULL);
	if (pk) {
		CHECK_STR(pk->project, "jiter");
		CHECK_STR(pk->version, "0.19.0");
		CHECK_STR(pk->import, "jiter");
		CHECK_STR(pk->module, "jiter.jiter");
		CHECK_INT((long)pk->nrequires, 1);
		CHECK_STR(pk->requires[0], "typing-extensions==4.15.0");
		CHECK_INT((long)strlen(pk->digest), 64);
	}
	matrix_release(&m);
	/* "build": "source" is a package built from its sdist. */
	CHECK_INT(parse(&m, "{\"axes\":{\"probe\":[\"jiter\"]},\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\","
			    "\"build\":\"source\",\"import\":\"jiter\"," CHECKS "}}}"),
		  0);
	CHECK(m.npackages == 1 && m.packages[0].source == 1);
	matrix_release(&m);
	CHECK_INT(parse(&m, text), 0);
	CHECK(m.npackages == 1 && m.packages[0].source == 0);
	matrix_release(&m);
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"build\":\"source\",\"import\":\"jiter\"," CHECKS),
		  "probe=add,loader=pyodide-314.0.7|probe=jiter,loader=pyodide-314.0.7");
	/* "build" defaults to wheel; "module" is optional. */
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\"," CHECKS),
		  "probe=add,loader=pyodide-314.0.7|probe=jiter,loader=pyodide-314.0.7");
	/* Errors name FILE:LINE:COL. */
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"build\":\"source\",\"platform\":\"any\","
			       "\"import\":\"jiter\"," CHECKS),
		  "packages.jiter.platform: forces a prebuilt wheel: not with \"build\": \"source\"");
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"build\":1,\"import\":\"jiter\"," CHECKS),
		  "ERR:m.json:2:45: packages.jiter.build: must be \"wheel\" or \"source\"");
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"build\":\"egg\",\"import\":\"jiter\"," CHECKS),
		  "ERR:m.json:2:45: packages.jiter.build: must be \"wheel\" or \"source\"");
	CHECK_STR(with_package("\"pypi\":\"jiter\",\"import\":\"jiter\"," CHECKS),
		  "ERR:m.json:2:22: packages.jiter.pypi: must be a string \"name==version\"");
	CHECK_HAS(with_package("\"pypi\":\"ji ter==1\",\"import\":\"jiter\"," CHECKS),
		  "ERR:m.json:2:22: packages.jiter.pypi: \"ji ter==1\" is not \"name==version\"");
	CHECK_STR(with_package("\"import\":\"jiter\"," CHECKS),
		  "ERR:m.json:2:13: packages.jiter: missing key \"pypi\" (\"name==version\") or \"path\" (a "
		  "local project)");
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\"," CHECKS),
		  "ERR:m.json:2:13: packages.jiter: missing key \"import\" (the module to import)");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter.\"," CHECKS),
		  "ERR:m.json:2:45: packages.jiter.import: \"jiter.\" is not a dotted Python module name");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"module\":\"1x\"," CHECKS),
		  "packages.jiter.module: \"1x\" is not a dotted Python module name");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"requires\":[\"x\"]," CHECKS),
		  "packages.jiter.requires[0]: must be a string \"name==version\"");
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\""),
		  "ERR:m.json:2:13: packages.jiter: missing key \"checks\"");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"checks\":[]"),
		  "packages.jiter.checks: must be a non-empty array");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"checks\":[{\"name\":\"a\","
			       "\"py\":\"1\"}]"),
		  "packages.jiter.checks[0]: needs \"expect\" or \"expect_prefix\" (a string)");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"checks\":[{\"name\":\"a\","
			       "\"py\":\"1\",\"expect\":\"1\"},{\"name\":\"a\",\"py\":\"2\",\"expect\":\"2\"}]"),
		  "packages.jiter.checks[1]: duplicate name \"a\"");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"path\":\".\"," CHECKS),
		  "packages.jiter: \"pypi\" and \"path\" exclude each other");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"impot\":\"x\"," CHECKS),
		  "packages.jiter: unknown key \"impot\"");
	/* "platform": "any" or a Pyodide platform tag, forced onto every loader. */
	CHECK_INT(parse(&m, "{\"axes\":{\"probe\":[\"jiter\"]},\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\","
			    "\"import\":\"jiter\",\"platform\":\"any\"," CHECKS "}}}"),
		  0);
	pk = matrix_package_find(&m, "jiter");
	CHECK(pk && pk->platform && strcmp(pk->platform, "any") == 0);
	matrix_release(&m);
	CHECK_INT(parse(&m, "{\"axes\":{\"probe\":[\"jiter\"]},\"packages\":{\"jiter\":{\"pypi\":\"jiter==0.19.0\","
			    "\"import\":\"jiter\"," CHECKS "}}}"),
		  0);
	pk = matrix_package_find(&m, "jiter");
	CHECK(pk && pk->platform == NULL);
	matrix_release(&m);
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\","
			       "\"platform\":\"pyemscripten_2026_0_wasm32\"," CHECKS),
		  "jiter");
	CHECK_STR(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"platform\":\"linux_x86_64\"," CHECKS),
		  "ERR:m.json:2:62: packages.jiter.platform: must be \"any\" (the newest Pyodide wheel on PyPI) or a "
		  "wheel platform tag such as \"pyemscripten_2026_0_wasm32\"");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"platform\":\"--x_wasm32\"," CHECKS),
		  "packages.jiter.platform: must be");
	CHECK_HAS(with_package("\"pypi\":\"jiter==0.19.0\",\"import\":\"jiter\",\"platform\":1," CHECKS),
		  "packages.jiter.platform: must be");
	/* A built-in probe's name is taken. */
	CHECK_STR(cells_of("{\"axes\":{\"probe\":[\"add\"]},\n\"packages\":{\"add\":{\"pypi\":\"a==1\"}}}"),
		  "ERR:m.json:2:13: packages: \"add\" is the name of a built-in probe: name it otherwise");
	CHECK_HAS(cells_of("{\"axes\":{\"probe\":[\"add\"]},\"packages\":[]}"),
		  "\"packages\" must be an object keyed by package name");
}

/* The package of a matrix at DIR/m.json whose members are MEMBERS, parsed into *M. */
static int parse_at(struct matrix *m, const char *dir, const char *members)
{
	char *name = xasprintf("%s/m.json", dir);
	char *text = xasprintf("{\"axes\":{\"probe\":[\"hello\"]},\"packages\":{\"hello\":{%s," CHECKS "}}}", members);
	int rc;

	error_clear();
	rc = matrix_parse(m, name, text, strlen(text));
	free(name);
	free(text);
	return rc;
}

/* "path": a local project, relative to the matrix file, built from source; its files' digest. */
static void test_package_path(void)
{
	char tmpl[] = "/tmp/emcompat-test-matrix-XXXXXX", *dir = mkdtemp(tmpl);
	char *src = xasprintf("%s/proj/src", dir), *lib = xasprintf("%s/proj/src/lib.rs", dir);
	char *lock = xasprintf("%s/proj/Cargo.lock", dir);
	char *target = xasprintf("%s/proj/target", dir), *junk = xasprintf("%s/proj/target/x", dir);
	char *real = NULL, first[65] = "";
	struct matrix m;

	CHECK(dir != NULL);
	CHECK_INT(mkdir_p(src), 0);
	CHECK_INT(mkdir_p(target), 0);
	CHECK_INT(write_file_atomic(lib, "fn a() {}\n", 10, 0644), 0);
	/* The build is offline and locked: a project without a lock is refused up front. */
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"import\":\"hello\""), -1);
	CHECK_HAS(error_message(), "/proj has no Cargo.lock");
	CHECK_HAS(error_message(), "run `cargo generate-lockfile` in it");
	CHECK_INT(write_file_atomic(lock, "version = 3\n", 12, 0644), 0);
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"import\":\"hello\""), 0);
	if (m.npackages == 1) {
		real = realpath(dir, NULL);
		CHECK(m.packages[0].source == 1 && m.packages[0].pypi == NULL && m.packages[0].version == NULL);
		CHECK_STR(m.packages[0].project, "hello");
		CHECK(real && strncmp(m.packages[0].path, real, strlen(real)) == 0 &&
		      strcmp(m.packages[0].path + strlen(real), "/proj") == 0);
		CHECK_INT((long)strlen(m.packages[0].tree_digest), 64);
		memcpy(first, m.packages[0].tree_digest, 65);
		free(real);
		matrix_release(&m);
	}
	/* What a build leaves in target/ changes nothing; an edited source does. */
	CHECK_INT(write_file_atomic(junk, "x", 1, 0644), 0);
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"build\":\"source\",\"import\":\"hello\""), 0);
	if (m.npackages == 1) {
		CHECK_STR(m.packages[0].tree_digest, first);
		matrix_release(&m);
	}
	CHECK_INT(write_file_atomic(lib, "fn b() {}\n", 10, 0644), 0);
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"import\":\"hello\""), 0);
	if (m.npackages == 1) {
		CHECK(strcmp(m.packages[0].tree_digest, first) != 0);
		matrix_release(&m);
	}
	/* Errors. */
	CHECK_INT(parse_at(&m, dir, "\"path\":\"nope\",\"import\":\"hello\""), -1);
	CHECK_HAS(error_message(), "packages.hello.path: ");
	CHECK_HAS(error_message(), "/nope is not a directory");
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"pypi\":\"hello==1\",\"import\":\"hello\""), -1);
	CHECK_HAS(error_message(), "packages.hello: \"pypi\" and \"path\" exclude each other");
	CHECK_INT(parse_at(&m, dir, "\"path\":\"proj\",\"build\":\"wheel\",\"import\":\"hello\""), -1);
	CHECK_HAS(error_message(), "packages.hello.build: a \"path\" is built from source: must be \"source\"");
	CHECK_INT(parse_at(&m, dir, "\"import\":\"hello\""), -1);
	CHECK_HAS(error_message(), "missing key \"pypi\" (\"name==version\") or \"path\" (a local project)");
	remove(junk);
	remove(lib);
	remove(lock);
	free(lock);
	rmdir(target);
	rmdir(src);
	{
		char *proj = xasprintf("%s/proj", dir);

		rmdir(proj);
		free(proj);
	}
	rmdir(dir);
	free(src);
	free(lib);
	free(target);
	free(junk);
}

int main(void)
{
	test_cross_product_order();
	test_package_path();
	test_github_include_example();
	test_github_include_extends_one();
	test_github_exclude_example();
	test_exclude_then_include();
	test_include_only();
	test_settings();
	test_errors();
	test_too_large();
	test_select();
	test_default_matrix();
	test_packages();
	return check_done();
}
