/*
 * toolchain: each manifest resolved once into struct toolchain (what
 * recipes read), a matrix's "toolchains" merged over it key by key, and a
 * key recipes read of the wrong type reported with its file and key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/matrix.h"
#include "emcompat/toolchain.h"
#include "emcompat/util.h"

static char dir[] = "/tmp/emcompat-test-toolchain-XXXXXX";

/* Writes <dir>/<name>/<kind>/<version>/toolchain.json; returns the cache dir (caller frees). */
static char *write_manifest(const char *name, const char *kind, const char *version, const char *text)
{
	char *cache = xasprintf("%s/%s", dir, name), *d = xasprintf("%s/%s/%s", cache, kind, version);
	char *path = xasprintf("%s/toolchain.json", d);

	CHECK_INT(mkdir_p(d), 0);
	CHECK_INT(write_file_atomic(path, text, strlen(text), 0644), 0);
	free(d);
	free(path);
	return cache;
}

static const char *const good[][3] = {
	{ "rust", "1.96",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"rust\",\"version\":\"1.96\","
	  "\"identity\":\"rustc 1.96.0\",\"installed\":\"2026-11-27T10:00:00Z\","
	  "\"env\":{\"LD_LIBRARY_PATH\":\"/r/lib\"},"
	  "\"root\":\"/r\",\"rustc\":\"/r/bin/rustc\",\"cargo\":\"/r/bin/cargo\",\"sysroot\":\"/r/sysroot\","
	  "\"rust_src\":\"/nonexistent/library\",\"llvm\":\"22.1.8\",\"release\":\"1.96.0\",\"std\":\"build-std\"}" },
	{ "emscripten", "3.1.69",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"emscripten\",\"version\":\"3.1.69\","
	  "\"identity\":\"emcc 3.1.69\",\"installed\":\"2026-11-27T10:00:01Z\","
	  "\"env\":{\"EM_CONFIG\":\"/e/config\",\"EM_CACHE\":\"/e/cache\"},\"root\":\"/e\","
	  "\"emcc\":[\"/usr/bin/python3\",\"/e/emcc.py\"],\"bin\":\"/e/bin\",\"llvm\":\"19.1.7\","
	  "\"binaryen\":\"120\"}" },
	{ "node", "22",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"node\",\"version\":\"22\",\"identity\":\"v22.1.0\","
	  "\"env\":{},\"node\":\"/n/bin/node\",\"release\":\"v22.1.0\"}" },
	{ "pyodide", "0.26.4",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"pyodide\",\"version\":\"0.26.4\","
	  "\"identity\":\"pyodide 0.26.4\",\"env\":{},\"index_url\":\"/p/\",\"emscripten\":\"3.1.58\","
	  "\"python\":\"3.12.1\",\"python_lib_dir\":\"/p/lib\"}" },
	{ "pyo3", "0.22",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"pyo3\",\"version\":\"0.22\",\"identity\":\"pyo3 0.22.6\","
	  "\"env\":{},\"resolved\":\"0.22.6\",\"rust_version\":\"1.63\",\"lock\":\"/y/Cargo.lock\","
	  "\"vendor\":\"/y/vendor\",\"cargo_config\":\"/y/cargo-config.toml\"}" },
	{ "binaryen", "120.0.0",
	  "{\"schema\":\"emcompat-toolchain/1\",\"kind\":\"binaryen\",\"version\":\"120.0.0\","
	  "\"identity\":\"wasm-opt version 120\",\"env\":{},\"bin\":\"/b/bin\",\"wasm_opt\":\"/b/bin/wasm-opt\"}" },
};

static void test_good(void)
{
	struct toolchain_set s;
	const struct toolchain *t;
	char *cache = NULL;

	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		free(cache);
		cache = write_manifest("good", good[i][0], good[i][1], good[i][2]);
	}
	error_clear();
	CHECK_INT(toolchain_scan(&s, cache, NULL), 0);
	CHECK_INT(s.n, sizeof(good) / sizeof(*good));

	CHECK((t = toolchain_find(&s, "rust", "1.96")) != NULL);
	if (t) {
		CHECK_STR(t->identity, "rustc 1.96.0");
		CHECK_STR(t->installed, "2026-11-27T10:00:00Z");
		CHECK_INT(t->nenv, 1);
		CHECK_STR(t->env[0].name, "LD_LIBRARY_PATH");
		CHECK_STR(t->env[0].value, "/r/lib");
		CHECK_STR(t->rust.rustc, "/r/bin/rustc");
		CHECK_STR(t->rust.cargo, "/r/bin/cargo");
		CHECK_STR(t->rust.sysroot, "/r/sysroot");
		CHECK_STR(t->rust.rust_src, "/nonexistent/library");
		CHECK_STR(toolchain_rust_std(t), "build-std");
		CHECK(t->emscripten.emcc == NULL && t->node.node == NULL);
	}
	CHECK((t = toolchain_find(&s, "emscripten", "3.1.69")) != NULL);
	if (t) {
		CHECK_INT(t->nenv, 2);
		CHECK_STR(t->env[1].name, "EM_CACHE");
		CHECK(t->emscripten.emcc != NULL);
		if (t->emscripten.emcc) {
			CHECK_STR(t->emscripten.emcc[0], "/usr/bin/python3");
			CHECK_STR(t->emscripten.emcc[1], "/e/emcc.py");
			CHECK(t->emscripten.emcc[2] == NULL);
		}
		CHECK_STR(t->emscripten.bin, "/e/bin");
		CHECK_STR(t->emscripten.llvm, "19.1.7");
		CHECK(t->installed && t->rust.rustc == NULL);
	}
	CHECK((t = toolchain_find(&s, "node", "22")) != NULL);
	if (t) {
		CHECK_STR(t->node.node, "/n/bin/node");
		CHECK_INT(t->nenv, 0);
		CHECK(t->installed == NULL);
	}
	CHECK((t = toolchain_find(&s, "pyodide", "0.26.4")) != NULL);
	if (t) {
		CHECK_STR(t->pyodide.index_url, "/p/");
		CHECK_STR(t->pyodide.python, "3.12.1");
		CHECK_STR(t->pyodide.python_lib_dir, "/p/lib");
		CHECK_STR(toolchain_str(t, "emscripten"), "3.1.58");
	}
	CHECK((t = toolchain_find(&s, "pyo3", "0.22")) != NULL);
	if (t) {
		CHECK_STR(t->pyo3.lock, "/y/Cargo.lock");
		CHECK_STR(t->pyo3.cargo_config, "/y/cargo-config.toml");
	}
	CHECK((t = toolchain_find(&s, "binaryen", "120.0.0")) != NULL);
	if (t) {
		/* Not a key recipes read of a binaryen: shown only. */
		CHECK(t->emscripten.bin == NULL);
		CHECK_STR(toolchain_str(t, "bin"), "/b/bin");
		CHECK_STR(t->identity, "wasm-opt version 120");
	}
	toolchain_set_release(&s);
	free(cache);
}

/* A matrix's "toolchains" over the cache's manifest, key by key, and a toolchain of its own. */
static void test_matrix(void)
{
	static const char text[] =
		"{\"axes\":{\"rust\":[\"1.96\",\"nightly\"],\"loader\":[\"pyodide-9.9\"]},"
		"\"toolchains\":{\"rust\":{\"1.96\":{\"env\":{\"A\":\"1\"},\"cargo\":\"/m/cargo\"},"
		"\"nightly\":{\"rustc\":\"/n/rustc\"}},\"loader\":{\"pyodide-9.9\":{\"index_url\":\"/q/\"}}}}";
	struct matrix m;
	struct toolchain_set s;
	const struct toolchain *t;
	char *cache = write_manifest("matrix", "rust", "1.96", good[0][2]);

	error_clear();
	CHECK_INT(matrix_parse(&m, "m.json", text, strlen(text)), 0);
	CHECK_INT(toolchain_scan(&s, cache, &m), 0);
	CHECK((t = toolchain_find(&s, "rust", "1.96")) != NULL);
	if (t) {
		CHECK_STR(t->rust.rustc, "/r/bin/rustc");
		CHECK_STR(t->rust.cargo, "/m/cargo");
		CHECK_INT(t->nenv, 1);
		CHECK_STR(t->env[0].name, "A");
	}
	CHECK((t = toolchain_find(&s, "rust", "nightly")) != NULL);
	if (t) {
		CHECK_STR(t->manifest, "<matrix>");
		CHECK_STR(t->rust.rustc, "/n/rustc");
		CHECK(t->identity == NULL && t->nenv == 0);
	}
	CHECK((t = toolchain_find(&s, "pyodide", "9.9")) != NULL);
	if (t)
		CHECK_STR(t->pyodide.index_url, "/q/");
	toolchain_set_release(&s);
	matrix_release(&m);
	free(cache);
}

/* Each malformed manifest is an error naming its file and, for a mistyped key, the key. */
static void test_malformed(void)
{
	static const char *const bad[][4] = {
		{ "rust", "1.96", "{\"kind\":\"rust\",\"version\":\"1.96\",\"rustc\":5}",
		  "\"rustc\" must be a string" },
		{ "rust", "1.96", "{\"kind\":\"rust\",\"version\":\"1.96\",\"env\":{\"A\":1}}",
		  "\"env\" must be an object of strings" },
		{ "emscripten", "3.1.69", "{\"kind\":\"emscripten\",\"version\":\"3.1.69\",\"emcc\":\"/e/emcc\"}",
		  "\"emcc\" must be a list of strings" },
		{ "node", "22", "{\"kind\":\"node\",\"version\":\"22\",\"identity\":[\"v22\"]}",
		  "\"identity\" must be a string" },
		{ "pyodide", "0.26.4", "{\"kind\":\"pyodide\",\"version\":\"0.26.4\",\"index_url\":null}",
		  "\"index_url\" must be a string" },
		{ "pyo3", "0.22", "{\"kind\":\"pyo3\",\"version\":\"0.22\",\"lock\":{}}", "\"lock\" must be a string" },
		{ "rust", "1.96", "{\"kind\":\"rust\"}", "needs string keys \"kind\" and \"version\"" },
		{ "rust", "1.96", "{\"kind\":\"rust\",", "" },
	};
	static const char matrix_text[] =
		"{\"axes\":{\"rust\":[\"1.96\"]},\"toolchains\":{\"rust\":{\"1.96\":{\"cargo\":true}}}}";
	struct toolchain_set s;
	struct matrix m;

	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *name = xasprintf("bad%zu", i), *cache = write_manifest(name, bad[i][0], bad[i][1], bad[i][2]);
		char *path = xasprintf("%s/%s/%s/toolchain.json:", cache, bad[i][0], bad[i][1]);

		error_clear();
		CHECK_INT(toolchain_scan(&s, cache, NULL), -1);
		CHECK_INT(error_code(), EC_EXIT_INPUT);
		CHECK_HAS(error_message(), path);
		CHECK_HAS(error_message(), bad[i][3]);
		free(name);
		free(cache);
		free(path);
	}
	/* A key of another kind's block is not checked: the binaryen's "node" is only shown. */
	{
		char *cache = write_manifest("other", "binaryen", "1",
					     "{\"kind\":\"binaryen\",\"version\":\"1\",\"node\":2}");

		error_clear();
		CHECK_INT(toolchain_scan(&s, cache, NULL), 0);
		toolchain_set_release(&s);
		free(cache);
	}
	error_clear();
	CHECK_INT(matrix_parse(&m, "m.json", matrix_text, strlen(matrix_text)), 0);
	CHECK_INT(toolchain_scan(&s, "/nonexistent", &m), -1);
	CHECK_STR(error_message(), "m.json: toolchains.rust.1.96.cargo must be a string");
	matrix_release(&m);
	error_clear();
}

/* What a cell that names a toolchain not installed says to do. */
static void test_missing(void)
{
	struct toolchain_set s;
	char *why, *want;
	int none;

	error_clear();
	CHECK_INT(toolchain_scan(&s, "/nonexistent", NULL), 0);
	CHECK(toolchain_resolve(&s, "rust", "1.96", &none, &why) == NULL);
	CHECK_INT(none, 0);
	want = xstrdup("rust 1.96 is not installed (no /nonexistent/rust/1.96/toolchain.json): run emcompat "
		       "fetch rust 1.96 (or set \"provision\": true in the matrix), or "
		       "scripts/setup-toolchains.sh rust/1.96, or describe it under \"toolchains\" in the matrix");
	CHECK_STR(why, want);
	free(why);
	free(want);
	CHECK(toolchain_resolve(&s, "pyo3", "0.22", &none, &why) == NULL);
	CHECK_STR(why, "pyo3 0.22 is not installed (no /nonexistent/pyo3/0.22/toolchain.json): run "
		       "scripts/setup-toolchains.sh pyo3/0.22");
	free(why);
	CHECK(toolchain_resolve(&s, "pyo3", "none", &none, &why) == NULL);
	CHECK_INT(none, 1);
	CHECK(why == NULL);
	toolchain_set_release(&s);
}

int main(void)
{
	char *cmd;

	if (!mkdtemp(dir))
		return 1;
	test_good();
	test_matrix();
	test_malformed();
	test_missing();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return check_done();
}
