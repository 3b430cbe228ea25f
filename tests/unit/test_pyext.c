/*
 * test_pyext: extension and wheel tags, a Pyodide runtime's files (Python,
 * platform tags, its JS loader's wasmImports), and what the checks make of
 * them: a tag the host's JS provides is no error, and findings come in the
 * order a user meets them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/pyext.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"

static void test_tags(void)
{
	struct py_tags t;

	py_tags_parse("jiter/jiter.cpython-314-wasm32-emscripten.so",
		      "/x/jiter-0.19.0-cp314-cp314-pyemscripten_2026_0_wasm32.whl", &t);
	CHECK_INT(t.abi, PY_ABI_CPYTHON);
	CHECK_INT(t.major, 3);
	CHECK_INT(t.minor, 14);
	CHECK_STR(t.module, "jiter.jiter");
	CHECK_STR(t.file, "jiter.cpython-314-wasm32-emscripten.so");
	CHECK_STR(t.wheel_python, "cp314");
	CHECK_STR(t.wheel_abi, "cp314");
	CHECK_STR(t.wheel_platform, "pyemscripten_2026_0_wasm32");
	py_tags_release(&t);

	py_tags_parse("css_inline/css_inline.abi3.so", "css_inline-0.24.0-cp310-abi3-pyemscripten_2026_0_wasm32.whl",
		      &t);
	CHECK_INT(t.abi, PY_ABI_ABI3);
	CHECK_INT(t.major, 3);
	CHECK_INT(t.minor, 10);
	py_tags_release(&t);

	py_tags_parse("/tmp/build/probe.wasm", NULL, &t);
	CHECK_INT(t.abi, PY_ABI_NONE);
	CHECK_STR(t.module, "probe");
	CHECK(t.wheel == NULL && t.wheel_platform == NULL);
	py_tags_release(&t);

	CHECK(py_is_wheel("a-1-py3-none-any.whl"));
	CHECK(!py_is_wheel("a.so"));
}

static void write_text(const char *path, const char *text)
{
	CHECK_INT(write_file_atomic(path, text, strlen(text), 0644), 0);
}

static void copy_file(const char *from, const char *to)
{
	char *data;
	size_t len;

	CHECK_INT(read_file(from, &data, &len), 0);
	CHECK_INT(write_file_atomic(to, data, len, 0644), 0);
	free(data);
}

/* A Pyodide directory whose main module (a JS-EH one) gets __cpp_exception from its JS. */
static void test_runtime(void)
{
	const char *src = getenv("EMCOMPAT_SOURCE_DIR");
	char dir[] = "/tmp/test_pyext.XXXXXX", *p, *side;
	struct py_runtime rt;
	struct wasm_module m, main;
	struct wasm_findings f;
	const struct wasm_finding *fd = NULL;

	CHECK(src != NULL && mkdtemp(dir) != NULL);
	p = xasprintf("%s/tests/wasm/emcc605-main-js-eh.wasm", src);
	side = xasprintf("%s/%s", dir, "pyodide.asm.wasm");
	copy_file(p, side);
	free(p);
	free(side);
	p = xasprintf("%s/pyodide-lock.json", dir);
	write_text(
		p,
		"{\"info\": {\"python\": \"3.13.2\", \"platform\": \"emscripten_4_0_9\", \"abi_version\": \"2025_0\"},"
		" \"packages\": {\"a\": {\"file_name\": \"a-1-cp313-cp313-pyodide_2025_0_wasm32.whl\"}}}");
	free(p);
	p = xasprintf("%s/pyodide.asm.js", dir);
	write_text(p, "var x;wasmImports={a:_a,\"__cpp_exception\":___cpp_exception,b};var y={};");
	free(p);

	CHECK_INT(py_runtime_load(dir, &rt), 0);
	CHECK_STR(rt.python, "3.13.2");
	CHECK_INT(rt.minor, 13);
	CHECK_INT((int)rt.nplatforms, 2);
	CHECK_STR(rt.platforms[0], "emscripten_4_0_9_wasm32");
	CHECK_STR(rt.platforms[1], "pyodide_2025_0_wasm32");
	CHECK_INT((int)rt.njs_names, 3);
	CHECK_STR(rt.js_names[0], "__cpp_exception");
	CHECK_STR(rt.js_names[2], "b");
	py_runtime_release(&rt);

	side = xasprintf("%s/tests/wasm/emcc605-side-wasm-eh.wasm", src);
	CHECK_INT(wasm_inspect_checked(side, dir, NULL, &m, &main, &f), 0);
	for (size_t i = 0; i < f.n; i++) {
		CHECK(strcmp(f.items[i].class_id, "eh_tag_import_mismatch") != 0);
		if (strcmp(f.items[i].class_id, "host_provides_import") == 0)
			fd = &f.items[i];
		/* Sorted: severities never rise. */
		CHECK(i == 0 || f.items[i].severity <= f.items[i - 1].severity);
	}
	CHECK(fd != NULL);
	if (fd)
		CHECK_HAS(fd->message, "pyodide.asm.js, whose wasmImports has __cpp_exception");
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);
	free(side);

	for (size_t i = 0; i < 3; i++) {
		static const char *const files[] = { "pyodide.asm.wasm", "pyodide-lock.json", "pyodide.asm.js" };

		p = xasprintf("%s/%s", dir, files[i]);
		CHECK_INT(unlink(p), 0);
		free(p);
	}
	CHECK_INT(rmdir(dir), 0);

	CHECK_INT(py_runtime_load("/nonexistent-dir-for-test/", &rt), 0);
	CHECK(rt.meta == NULL);
	py_runtime_release(&rt);
	CHECK_INT(py_runtime_load("/tmp", &rt), -1);
	CHECK_HAS(error_message(), "a directory without pyodide.asm.wasm");
	error_clear();
}

static void test_sort(void)
{
	struct wasm_findings f = { 0 };
	const char *classes[] = { "eh_wasm", "python_api_missing", "eh_tag_import_mismatch", "python_abi_tag_mismatch",
				  "wheel_platform_mismatch" };
	enum wasm_severity sev[] = { WASM_SEVERITY_INFO, WASM_SEVERITY_ERROR, WASM_SEVERITY_ERROR, WASM_SEVERITY_ERROR,
				     WASM_SEVERITY_WARNING };

	f.n = f.cap = 5;
	f.items = xcalloc(5, sizeof(*f.items));
	for (size_t i = 0; i < 5; i++)
		f.items[i] = (struct wasm_finding){
			classes[i], sev[i], NULL, xasprintf("%s%s", classes[i], i == 1 ? ": the first call fails" : "")
		};
	wasm_findings_sort(&f);
	CHECK_STR(f.items[0].class_id, "python_abi_tag_mismatch");
	CHECK_STR(f.items[1].class_id, "eh_tag_import_mismatch");
	CHECK_STR(f.items[2].class_id, "python_api_missing");
	CHECK_STR(f.items[3].class_id, "wheel_platform_mismatch");
	CHECK_STR(f.items[4].class_id, "eh_wasm");
	wasm_findings_release(&f);
}

int main(void)
{
	test_tags();
	test_runtime();
	test_sort();
	return check_done();
}
