/*
 * test_wasm_check: the facts of a module (computed after reading, never by
 * the readers), the checks against a main module, LLVM versions, the
 * committed fixtures under tests/wasm/, and reading and checking on
 * several threads at once.
 */
#include <archive.h>
#include <archive_entry.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "emcompat/wasm_json.h"
#include "wasm_build.h"

/* ---- checks against a main module -------------------------------------- */

/*
 * A main module: memory (shared or not) and a growable table, exports
 * stackAlloc, host_i64 (i64) -> i64, data_sym (a global), __cpp_exception
 * (a tag, when WASM_EH), and imports env.js_impl (i64) -> i64 from its JS.
 */
static void build_main(struct strbuf *s, int wasm_eh, int shared)
{
	struct strbuf b = { 0 };

	header(s);
	add_dylink0(s, 0, 0, NULL);
	add_types(s);
	leb(&b, 2);
	str(&b, "env");
	str(&b, "js_impl");
	u8(&b, 0);
	leb(&b, 3);
	str(&b, "env");
	str(&b, "__indirect_function_table");
	u8(&b, 1);
	u8(&b, 0x70);
	u8(&b, 0);
	leb(&b, 1);
	section(s, 2, &b);
	leb(&b, 2);
	leb(&b, 0);
	leb(&b, 3);
	section(s, 3, &b);
	leb(&b, 1);
	if (shared) {
		u8(&b, 3);
		leb(&b, 1);
		leb(&b, 100);
	} else {
		u8(&b, 0);
		leb(&b, 1);
	}
	section(s, 5, &b);
	if (wasm_eh) {
		leb(&b, 1);
		u8(&b, 0);
		leb(&b, 2);
		section(s, 13, &b);
	}
	leb(&b, 1);
	u8(&b, 0x7f);
	u8(&b, 0);
	u8(&b, 0x41);
	sleb(&b, 1024);
	u8(&b, 0x0b);
	section(s, 6, &b);
	leb(&b, wasm_eh ? 5 : 4);
	str(&b, "memory");
	u8(&b, 2);
	leb(&b, 0);
	str(&b, "stackAlloc");
	u8(&b, 0);
	leb(&b, 1);
	str(&b, "host_i64");
	u8(&b, 0);
	leb(&b, 2);
	str(&b, "data_sym");
	u8(&b, 3);
	leb(&b, 0);
	if (wasm_eh) {
		str(&b, "__cpp_exception");
		u8(&b, 4);
		leb(&b, 0);
	}
	section(s, 7, &b);
	leb(&b, 2);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(s, 10, &b);
}

/* A main module without WASM_BIGINT: it exports orig$foo; its JS implements js_impl. */
static void build_legalized_main(struct strbuf *s)
{
	struct strbuf b = { 0 };

	header(s);
	add_dylink0(s, 0, 0, NULL);
	add_types(s);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "js_impl");
	u8(&b, 0);
	leb(&b, 3);
	section(s, 2, &b);
	leb(&b, 1);
	leb(&b, 3);
	section(s, 3, &b);
	leb(&b, 1);
	u8(&b, 0);
	leb(&b, 1);
	section(s, 5, &b);
	leb(&b, 2);
	str(&b, "memory");
	u8(&b, 2);
	leb(&b, 0);
	str(&b, "orig$foo");
	u8(&b, 0);
	leb(&b, 1);
	section(s, 7, &b);
	leb(&b, 1);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(s, 10, &b);
}

/*
 * A side module importing: env.memory (shared?), env.host_i64 with SIG
 * (type index), env.js_impl (i64) -> i64, env.missing_fn, env._ZN4core3fmt5write
 * (mangled), env.maybe (weak via dylink.0), GOT.mem.data_sym, GOT.mem.nowhere,
 * GOT.func.own_fn (its own export), env.invoke_vi, a tag env.__cpp_exception,
 * other.thing; exports own_fn.
 */
static void build_side(struct strbuf *s, int host_sig, int shared)
{
	struct strbuf b = { 0 };

	header(s);
	add_dylink0(s, 8, 2, NULL);
	add_types(s);
	leb(&b, 12);
	str(&b, "env");
	str(&b, "memory");
	u8(&b, 2);
	if (shared) {
		u8(&b, 3);
		leb(&b, 1);
		leb(&b, 100);
	} else {
		u8(&b, 0);
		leb(&b, 1);
	}
	str(&b, "env");
	str(&b, "host_i64");
	u8(&b, 0);
	leb(&b, (uint64_t)host_sig);
	str(&b, "env");
	str(&b, "js_impl");
	u8(&b, 0);
	leb(&b, 3);
	str(&b, "env");
	str(&b, "missing_fn");
	u8(&b, 0);
	leb(&b, 0);
	str(&b, "env");
	str(&b, "_ZN4core3fmt5write");
	u8(&b, 0);
	leb(&b, 0);
	str(&b, "env");
	str(&b, "maybe");
	u8(&b, 0);
	leb(&b, 0);
	str(&b, "GOT.mem");
	str(&b, "data_sym");
	u8(&b, 3);
	u8(&b, 0x7f);
	u8(&b, 1);
	str(&b, "GOT.mem");
	str(&b, "nowhere");
	u8(&b, 3);
	u8(&b, 0x7f);
	u8(&b, 1);
	str(&b, "GOT.func");
	str(&b, "own_fn");
	u8(&b, 3);
	u8(&b, 0x7f);
	u8(&b, 1);
	str(&b, "env");
	str(&b, "invoke_vi");
	u8(&b, 0);
	leb(&b, 2);
	str(&b, "env");
	str(&b, "__cpp_exception");
	u8(&b, 4);
	u8(&b, 0);
	leb(&b, 2);
	str(&b, "other");
	str(&b, "thing");
	u8(&b, 0);
	leb(&b, 0);
	section(s, 2, &b);
	leb(&b, 1);
	leb(&b, 0);
	section(s, 3, &b);
	leb(&b, 1);
	str(&b, "own_fn");
	u8(&b, 0);
	leb(&b, 7);  /* after 7 imported functions */
	section(s, 7, &b);
	leb(&b, 1);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(s, 10, &b);
}

static void test_against(void)
{
	struct strbuf ms = { 0 }, ss = { 0 };
	struct wasm_module main, side;
	struct wasm_findings f = { 0 };
	const struct wasm_finding *fd;

	build_main(&ms, 0, 0);
	build_side(&ss, 3, 0);
	CHECK_INT(inspect(&ms, &main), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(inspect(&ss, &side), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(main.kind, WASM_KIND_MAIN_MODULE);
	CHECK_INT(side.kind, WASM_KIND_SIDE_MODULE);
	CHECK_INT(side.facts.eh, WASM_EH_MIXED);
	CHECK_INT(wasm_check_against(&side, &main, &f), 0);

	/* A plain function: a warning (its JS may have it). */
	fd = find_finding(&f, "missing_main_export");
	CHECK(fd != NULL);
	CHECK_STR(fd->subject, "env.missing_fn");
	CHECK_INT(fd->severity, WASM_SEVERITY_WARNING);
	CHECK_HAS(fd->message, "may still be provided by the main module's JS");
	CHECK_HAS(fd->message, "cannot resolve symbol missing_fn");
	/* A mangled Rust symbol: an error; GOT.mem without a definition: an error. */
	CHECK_INT(count_findings(&f, "missing_main_export"), 3);
	for (size_t i = 0; i < f.n; i++) {
		if (strcmp(f.items[i].class_id, "missing_main_export") != 0)
			continue;
		if (strcmp(f.items[i].subject, "env._ZN4core3fmt5write") == 0)
			CHECK_INT(f.items[i].severity, WASM_SEVERITY_ERROR);
		else if (strcmp(f.items[i].subject, "GOT.mem.nowhere") == 0)
			CHECK_HAS(f.items[i].message, "undefined symbol 'nowhere'");
		else
			CHECK_STR(f.items[i].subject, "env.missing_fn");
	}
	/* Resolved ones say nothing: host_i64, js_impl (its JS), maybe (weak),
	 * GOT.mem.data_sym, GOT.func.own_fn (own export), memory. */
	for (size_t i = 0; i < f.n; i++) {
		const char *subj = f.items[i].subject ? f.items[i].subject : "";

		CHECK(strcmp(subj, "env.host_i64") != 0);
		CHECK(strcmp(subj, "env.js_impl") != 0);
		CHECK(strcmp(subj, "env.maybe") != 0);
		CHECK(strcmp(subj, "GOT.mem.data_sym") != 0);
		CHECK(strcmp(subj, "GOT.func.own_fn") != 0);
		CHECK(strcmp(subj, "env.memory") != 0);
	}
	fd = find_finding(&f, "eh_tag_import_mismatch");
	CHECK(fd && fd->severity == WASM_SEVERITY_ERROR);
	CHECK_HAS(fd->message, "exports no tag __cpp_exception");
	CHECK(find_finding(&f, "eh_js_invoke_in_wasm_eh_host") == NULL);
	fd = find_finding(&f, "unknown_import_module");
	CHECK(fd && strcmp(fd->subject, "other.thing") == 0);
	CHECK_INT(wasm_findings_count(&f, WASM_SEVERITY_ERROR), 4);
	wasm_findings_release(&f);
	wasm_module_release(&main);
	strbuf_release(&ms);

	/* A wasm-EH, shared-memory main: the tag resolves, invoke_* cannot,
	 * and the memory's sharedness differs. */
	build_main(&ms, 1, 1);
	CHECK_INT(inspect(&ms, &main), 0);
	CHECK_INT(main.facts.eh, WASM_EH_WASM);
	CHECK_INT(wasm_check_against(&side, &main, &f), 0);
	CHECK(find_finding(&f, "eh_tag_import_mismatch") == NULL);
	fd = find_finding(&f, "eh_js_invoke_in_wasm_eh_host");
	CHECK(fd != NULL);
	CHECK_HAS(fd->message, "invoke_vi");
	fd = find_finding(&f, "memory_import_mismatch");
	CHECK(fd != NULL);
	CHECK_HAS(fd->message, "not shared");
	wasm_findings_release(&f);
	wasm_module_release(&main);
	strbuf_release(&ms);
	wasm_module_release(&side);
	strbuf_release(&ss);

	/* The side imports host_i64 legalized, the main exports it with i64. */
	build_main(&ms, 0, 0);
	build_side(&ss, 2, 0);
	CHECK_INT(inspect(&ms, &main), 0);
	CHECK_INT(inspect(&ss, &side), 0);
	CHECK_INT(wasm_check_against(&side, &main, &f), 0);
	fd = find_finding(&f, "bigint_legalization_mismatch");
	CHECK(fd != NULL);
	if (fd) {
		CHECK_STR(fd->subject, "env.host_i64");
		CHECK_HAS(fd->message,
			  "imports env.host_i64 (i32) -> (), but the main module exports host_i64 (i64) -> i64");
	}
	wasm_findings_release(&f);
	wasm_module_release(&main);
	wasm_module_release(&side);
	strbuf_release(&ms);
	strbuf_release(&ss);

	/* A legalized main (orig$ export): i64 into its JS is an error. */
	build_legalized_main(&ms);
	build_side(&ss, 3, 0);
	CHECK_INT(inspect(&ms, &main), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(main.facts.bigint, WASM_BIGINT_OFF);
	CHECK_INT(inspect(&ss, &side), 0);
	CHECK_INT(wasm_check_against(&side, &main, &f), 0);
	fd = find_finding(&f, "bigint_i64_boundary");
	CHECK(fd && fd->severity == WASM_SEVERITY_ERROR);
	CHECK_STR(fd->subject, "env.js_impl");
	wasm_findings_release(&f);

	/* MAIN must be a main module. */
	CHECK_INT(wasm_check_against(&main, &side, &f), -1);
	CHECK_HAS(error_message(), "is a side_module, not a main module");
	error_clear();
	CHECK_INT(wasm_check_against(&main, &main, &f), -1);
	CHECK_HAS(error_message(), "--against checks a side module");
	error_clear();
	wasm_findings_release(&f);
	wasm_module_release(&main);
	wasm_module_release(&side);
	strbuf_release(&ms);
	strbuf_release(&ss);

	/* A plain module cannot host side modules. */
	header(&ms);
	build_side(&ss, 3, 0);
	CHECK_INT(inspect(&ms, &main), 0);
	CHECK_INT(inspect(&ss, &side), 0);
	CHECK_INT(wasm_check_against(&side, &main, &f), 0);
	CHECK(find_finding(&f, "main_not_dynamic") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&main);
	wasm_module_release(&side);
	strbuf_release(&ms);
	strbuf_release(&ss);
}

static void test_parse_llvm_version(void)
{
	unsigned a, b, c;

	CHECK_INT(wasm_parse_llvm_version("LLVM22.1.4-rust-1.97.0-nightly", &a, &b, &c), 0);
	CHECK(a == 22 && b == 1 && c == 4);
	CHECK_INT(wasm_parse_llvm_version("14.0.6", &a, &b, &c), 0);
	CHECK(a == 14 && b == 0 && c == 6);
	CHECK_INT(wasm_parse_llvm_version("clang version 19", &a, &b, &c), 0);
	CHECK(a == 19 && b == 0 && c == 0);
	CHECK_INT(wasm_parse_llvm_version("none", &a, &b, &c), -1);
}

/* The readers return what the binary holds: the facts are the checker's,
 * computed when asked (and the same when asked twice). */
static void test_reader_leaves_facts(void)
{
	struct strbuf ss = { 0 };
	struct wasm_module side, rlib;
	char *path = fixture("rust196-probe-embed-bc.rlib");

	build_side(&ss, 3, 0);
	CHECK_INT(wasm_inspect_buffer("side.wasm", (const uint8_t *)ss.buf, ss.len, &side), 0);
	CHECK_INT(side.kind, WASM_KIND_SIDE_MODULE);
	CHECK_INT(side.facts.eh, WASM_EH_NONE);
	CHECK(side.facts.eh_evidence == NULL);
	CHECK_INT(side.facts.ni64_imports, 0);
	for (int round = 0; round < 2; round++) {
		wasm_compute_facts(&side);
		CHECK_INT(side.facts.eh, WASM_EH_MIXED);
		CHECK_INT(side.facts.ni64_imports, 2);
	}
	wasm_module_release(&side);
	strbuf_release(&ss);

	CHECK_INT(wasm_inspect_file(path, &rlib), 0);
	CHECK_INT(rlib.members[2].module->facts.has_embedded_bitcode, 0);
	CHECK_INT(rlib.members[2].module->bitcode.present, 1);
	wasm_compute_facts(&rlib);
	CHECK_INT(rlib.members[2].module->facts.has_embedded_bitcode, 1);
	CHECK_INT(rlib.facts.has_embedded_bitcode, 0);
	wasm_module_release(&rlib);
	free(path);
}

static void test_fixtures(void)
{
	struct wasm_module m, main;
	struct wasm_findings f = { 0 };

	CHECK_INT(load("emcc605-side.wasm", &m), 0);
	CHECK_INT(m.kind, WASM_KIND_SIDE_MODULE);
	CHECK_INT(m.facts.bigint, WASM_BIGINT_ON);
	CHECK_STR(find_export(&m, "add64")->signature, "(i64, i32) -> i64");
	wasm_module_release(&m);

	CHECK_INT(load("emcc316-side-legalized.wasm", &m), 0);
	CHECK_INT(m.facts.bigint, WASM_BIGINT_OFF);
	CHECK_STR(find_export(&m, "add64")->signature, "(i32, i32, i32) -> i32");
	CHECK_STR(find_export(&m, "orig$add64")->signature, "(i64, i32) -> i64");
	CHECK_INT(m.facts.ni64_exports, 0);

	CHECK_INT(load("emcc605-main.wasm", &main), 0);
	CHECK_INT(main.kind, WASM_KIND_MAIN_MODULE);
	CHECK_INT(wasm_check_against(&m, &main, &f), 0);
	CHECK(find_finding(&f, "bigint_legalization_mismatch") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);

	CHECK_INT(load("emcc605-side-wasm-eh.wasm", &m), 0);
	CHECK_INT(m.facts.eh, WASM_EH_WASM);
	CHECK_INT(load("emcc605-main-js-eh.wasm", &main), 0);
	CHECK_INT(main.facts.eh, WASM_EH_JS);
	CHECK_INT(wasm_check_against(&m, &main, &f), 0);
	CHECK(find_finding(&f, "eh_tag_import_mismatch") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);

	CHECK_INT(load("emcc605-side-js-eh.wasm", &m), 0);
	CHECK_INT(m.facts.eh, WASM_EH_JS);
	CHECK_INT(load("emcc605-main-wasm-eh.wasm", &main), 0);
	CHECK_INT(main.facts.eh, WASM_EH_WASM);
	CHECK_INT(wasm_check_against(&m, &main, &f), 0);
	CHECK(find_finding(&f, "eh_js_invoke_in_wasm_eh_host") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);

	CHECK_INT(load("emcc605-object.o", &m), 0);
	CHECK_INT(m.kind, WASM_KIND_OBJECT);
	CHECK(m.nrelocs == 1 && m.relocs[0].count == 10);
	wasm_module_release(&m);

	CHECK_INT(load("emcc605-object.bc", &m), 0);
	CHECK_INT(m.kind, WASM_KIND_BITCODE);
	CHECK_STR(m.bitcode.producer, "LLVM22.1.8");
	wasm_module_release(&m);

	CHECK_INT(load("rust196-probe.rlib", &m), 0);
	CHECK_INT(m.kind, WASM_KIND_ARCHIVE);
	CHECK_INT(m.nmembers, 3);
	CHECK_STR(m.members[1].name, "lib.rmeta");
	CHECK_INT(m.members[2].kind, WASM_MEMBER_WASM);
	CHECK_HAS(m.members[2].name, ".rcgu.o");
	wasm_check_module(&m, &f);
	CHECK(find_finding(&f, "emscripten_get_now_misspelled") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&m);

	CHECK_INT(load("rust196-probe-lto.rlib", &m), 0);
	CHECK_INT(m.members[2].kind, WASM_MEMBER_BITCODE);
	CHECK_INT(wasm_check_linker_llvm(&m, "14.0.6", &f), 0);
	CHECK(find_finding(&f, "llvm_bitcode_newer_than_linker") != NULL);
	wasm_findings_release(&f);
	wasm_module_release(&m);

	CHECK_INT(load("rust196-probe-embed-bc.rlib", &m), 0);
	CHECK_INT(m.members[2].module->facts.has_embedded_bitcode, 1);
	wasm_module_release(&m);

	CHECK_INT(load("all-sections.wasm", &m), 0);
	CHECK_INT(m.nsections, 13);
	wasm_module_release(&m);

	CHECK_INT(load("limits.wasm", &m), 0);
	CHECK_INT(m.imports[0].limits.shared, 1);
	CHECK_INT(m.memories[0].is64, 1);
	wasm_module_release(&m);

	error_clear();
	{
		char *path = fixture("truncated.wasm");

		CHECK_INT(wasm_inspect_file(path, &m), -1);
		CHECK_HAS(error_message(),
			  "truncated.wasm: offset 0x14d: section 10 (code) runs past the end of the file");
		error_clear();
		free(path);
	}
}

/* ---- threads ------------------------------------------------------------ */

struct job {
	const char *name;
	char *expect;    /* JSON read on the main thread */
	int mismatches;
};

static void *worker(void *arg)
{
	struct job *jobs = arg;

	for (int round = 0; round < 20; round++) {
		for (struct job *j = jobs; j->name; j++) {
			struct wasm_module m;
			struct wasm_findings f = { 0 };
			cJSON *root;
			char *text;

			if (load(j->name, &m)) {
				j->mismatches++;
				continue;
			}
			wasm_check_module(&m, &f);
			root = wasm_module_to_json(&m, &f);
			text = cJSON_PrintUnformatted(root);
			if (strcmp(text, j->expect) != 0)
				__atomic_add_fetch(&j->mismatches, 1, __ATOMIC_RELAXED);
			free(text);
			cJSON_Delete(root);
			wasm_findings_release(&f);
			wasm_module_release(&m);
		}
	}
	return NULL;
}

static void test_threads(void)
{
	struct job jobs[] = {
		{ "emcc605-side.wasm", NULL, 0 },
		{ "rust196-probe.rlib", NULL, 0 },
		{ "emcc605-main-wasm-eh.wasm", NULL, 0 },
		{ "emcc605-object.bc", NULL, 0 },
		{ NULL, NULL, 0 },
	};
	pthread_t t[6];

	for (struct job *j = jobs; j->name; j++) {
		struct wasm_module m;
		struct wasm_findings f = { 0 };
		cJSON *root;

		CHECK_INT(load(j->name, &m), 0);
		wasm_check_module(&m, &f);
		root = wasm_module_to_json(&m, &f);
		j->expect = cJSON_PrintUnformatted(root);
		cJSON_Delete(root);
		wasm_findings_release(&f);
		wasm_module_release(&m);
	}
	for (int i = 0; i < 6; i++)
		CHECK_INT(pthread_create(&t[i], NULL, worker, jobs), 0);
	for (int i = 0; i < 6; i++)
		pthread_join(t[i], NULL);
	for (struct job *j = jobs; j->name; j++) {
		CHECK_INT(j->mismatches, 0);
		free(j->expect);
	}
}

/* Writes a zip at PATH with the N members NAMES holding DATA. */
static void write_zip(const char *path, const char *const *names, const struct strbuf *data, size_t n)
{
	struct archive *a = archive_write_new();

	archive_write_set_format_zip(a);
	archive_write_open_filename(a, path);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *ae = archive_entry_new();

		archive_entry_set_pathname(ae, names[i]);
		archive_entry_set_filetype(ae, AE_IFREG);
		archive_entry_set_perm(ae, 0644);
		archive_entry_set_size(ae, (la_int64_t)data[i].len);
		archive_write_header(a, ae);
		archive_write_data(a, data[i].buf, data[i].len);
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
}

/* A wheel with two extensions: both are checked, each finding names its member. */
static void test_wheel_extensions(void)
{
	static const char *const names[] = { "pkg/__init__.py", "pkg/a.cpython-313-wasm32-emscripten.so",
					     "pkg/b.cpython-313-wasm32-emscripten.so" };
	char dir[] = "/tmp/emcompat-test-wheel-XXXXXX";
	struct strbuf data[3] = { { 0 } }, ms = { 0 };
	struct wasm_module m, main;
	struct wasm_findings f;
	char *wheel, *host;
	size_t a = 0, b = 0;
	FILE *out;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		check_failures++;
		return;
	}
	strbuf_addstr(&data[0], "");
	build_side(&data[1], 3, 0);
	build_side(&data[2], 3, 0);
	build_main(&ms, 0, 0);
	wheel = xasprintf("%s/pkg-1.0-cp313-cp313-pyodide_2025_0_wasm32.whl", dir);
	host = xasprintf("%s/main.wasm", dir);
	write_zip(wheel, names, data, 3);
	out = fopen(host, "wb");
	CHECK(out != NULL);
	if (out) {
		fwrite(ms.buf, 1, ms.len, out);
		fclose(out);
	}
	CHECK_INT(wasm_inspect_checked(wheel, host, NULL, &m, &main, &f), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(m.kind, WASM_KIND_SIDE_MODULE);
	for (size_t i = 0; i < f.n; i++) {
		if (strcmp(f.items[i].class_id, "missing_main_export") != 0)
			continue;
		a += strncmp(f.items[i].message, "pkg/a.cpython-313-wasm32-emscripten.so: ", 40) == 0;
		b += strncmp(f.items[i].message, "pkg/b.cpython-313-wasm32-emscripten.so: ", 40) == 0;
	}
	CHECK_INT((long)a, 3);
	CHECK_INT((long)b, 3);
	CHECK_INT((long)count_findings(&f, "missing_main_export"), 6);
	CHECK(find_finding(&f, "wheel_several_extensions") != NULL);
	if (find_finding(&f, "wheel_several_extensions"))
		CHECK_HAS(find_finding(&f, "wheel_several_extensions")->message, "holds 2 compiled extensions");
	wasm_findings_release(&f);
	wasm_module_release(&m);
	wasm_module_release(&main);
	/* A wheel without one. */
	write_zip(wheel, names, data, 1);
	CHECK_INT(wasm_inspect_checked(wheel, NULL, NULL, &m, &main, &f), -1);
	CHECK_HAS(error_message(), "a wheel without a compiled extension");
	error_clear();
	unlink(wheel);
	unlink(host);
	rmdir(dir);
	free(wheel);
	free(host);
	for (size_t i = 0; i < 3; i++)
		strbuf_release(&data[i]);
	strbuf_release(&ms);
}

int main(void)
{
	test_wheel_extensions();
	test_against();
	test_parse_llvm_version();
	test_reader_leaves_facts();
	test_fixtures();
	test_threads();
	return check_done();
}
