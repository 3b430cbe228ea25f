/*
 * test_ar: the ar archive reader: GNU long names and BSD names, the
 * symbol table, Rust metadata, wasm and bitcode members read as modules
 * of their own, and malformed archives. (test_archive is libarchive's
 * unpacking of downloads, another module.)
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "wasm_build.h"

/* ---- archives ----------------------------------------------------------- */

static void ar_member(struct strbuf *a, const char *name, const void *data, size_t n)
{
	char hdr[61];

	snprintf(hdr, sizeof(hdr), "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", name, "0", "0", "0", "644", n);
	bytes(a, hdr, 60);
	bytes(a, data, n);
	if (n & 1)
		u8(a, '\n');
}

static void test_gnu_archive(void)
{
	struct strbuf a = { 0 }, obj = { 0 }, names = { 0 };
	struct wasm_module m;
	struct bw w;
	size_t n = make_bitcode(&w, "LLVM19.1.7", 1);
	const char *long1 = "probe.probe.0123456789abcdef-cgu.0.rcgu.o";
	const char *long2 = "probe_lto.probe_lto.0123456789abcdef-cgu.0.rcgu.o";

	build_object(&obj, 0);
	strbuf_addf(&names, "%s/\n%s/\n", long1, long2);
	bytes(&a, "!<arch>\n", 8);
	ar_member(&a, "/", "\0\0\0\0", 4);
	ar_member(&a, "//", names.buf, names.len);
	ar_member(&a, "lib.rmeta/", "rmeta", 5);
	ar_member(&a, "/0", obj.buf, obj.len);
	{
		char ref[16];

		snprintf(ref, sizeof(ref), "/%zu", strlen(long1) + 2);
		ar_member(&a, ref, w.buf, n);
	}
	ar_member(&a, "notes.txt/", "hello", 5);
	CHECK_INT(wasm_inspect_buffer("libprobe.rlib", (const uint8_t *)a.buf, a.len, &m), 0);
	CHECK_STR(error_message(), "");
	wasm_compute_facts(&m);
	CHECK_INT(m.kind, WASM_KIND_ARCHIVE);
	CHECK_INT(m.nmembers, 5);
	CHECK_INT(m.members[0].kind, WASM_MEMBER_SYMTAB);
	CHECK_STR(m.members[1].name, "lib.rmeta");
	CHECK_INT(m.members[1].kind, WASM_MEMBER_RMETA);
	CHECK_STR(m.members[2].name, long1);
	CHECK_INT(m.members[2].kind, WASM_MEMBER_WASM);
	CHECK(m.members[2].module && m.members[2].module->kind == WASM_KIND_OBJECT);
	CHECK_STR(m.members[2].module->path, "libprobe.rlib(probe.probe.0123456789abcdef-cgu.0.rcgu.o)");
	CHECK_STR(m.members[3].name, long2);
	CHECK_INT(m.members[3].kind, WASM_MEMBER_BITCODE);
	CHECK_STR(m.members[3].module->bitcode.llvm_version, "19.1.7");
	CHECK_INT(m.members[4].kind, WASM_MEMBER_OTHER);
	CHECK_STR(m.members[4].name, "notes.txt");
	{
		struct wasm_findings f = { 0 };

		wasm_check_module(&m, &f);
		CHECK(find_finding(&f, "emscripten_get_now_misspelled") != NULL);
		CHECK_HAS(find_finding(&f, "emscripten_get_now_misspelled")->subject, long1);
		CHECK_INT(wasm_check_linker_llvm(&m, "14.0.6", &f), 0);
		CHECK(find_finding(&f, "llvm_bitcode_newer_than_linker") != NULL);
		CHECK_INT(find_finding(&f, "llvm_bitcode_newer_than_linker")->severity, WASM_SEVERITY_ERROR);
		wasm_findings_release(&f);
		CHECK_INT(wasm_check_linker_llvm(&m, "19.1.7", &f), 0);
		CHECK_INT(f.n, 0);
		CHECK_INT(wasm_check_linker_llvm(&m, "not a version", &f), -1);
		CHECK_HAS(error_message(), "is not a version");
		error_clear();
		wasm_findings_release(&f);
	}
	wasm_module_release(&m);
	strbuf_release(&a);
	strbuf_release(&obj);
	strbuf_release(&names);
}

static void test_bsd_archive(void)
{
	struct strbuf a = { 0 }, data = { 0 };
	struct wasm_module m;
	const char *name = "a-member-with-a-long-name.o";

	header(&data);
	bytes(&a, "!<arch>\n", 8);
	ar_member(&a, "__.SYMDEF", "\0\0\0\0", 4);
	{
		struct strbuf body = { 0 };
		char hdr[20];

		bytes(&body, name, strlen(name));
		u8(&body, 0);  /* BSD names may be NUL-padded */
		bytes(&body, data.buf, data.len);
		snprintf(hdr, sizeof(hdr), "#1/%zu", strlen(name) + 1);
		ar_member(&a, hdr, body.buf, body.len);
		strbuf_release(&body);
	}
	CHECK_INT(wasm_inspect_buffer("bsd.a", (const uint8_t *)a.buf, a.len, &m), 0);
	CHECK_INT(m.nmembers, 2);
	CHECK_INT(m.members[0].kind, WASM_MEMBER_SYMTAB);
	CHECK_STR(m.members[1].name, name);
	CHECK_INT(m.members[1].kind, WASM_MEMBER_WASM);
	CHECK_INT(m.members[1].size, 8);
	wasm_module_release(&m);
	strbuf_release(&a);
	strbuf_release(&data);
}

static void test_archive_malformed(void)
{
	struct strbuf a = { 0 }, bad = { 0 };
	struct wasm_module m;

	bytes(&a, "!<arch>\n", 8);
	ar_member(&a, "x.o/", "\0asm\1\0\0\0", 8);

	/* A truncated header. */
	bytes(&bad, a.buf, 40);
	CHECK_REJECTS(&bad, "truncated archive member header: 32 of 60 bytes");
	strbuf_release(&bad);
	/* A size past the end. */
	bytes(&bad, a.buf, a.len);
	memcpy(bad.buf + 8 + 48, "999       ", 10);
	CHECK_REJECTS(&bad, "runs past the end of the file");
	/* A size that is not a number. */
	memcpy(bad.buf + 8 + 48, "12x       ", 10);
	CHECK_REJECTS(&bad, "is not a decimal number");
	/* No "`\n" at the end of the header. */
	memcpy(bad.buf + 8 + 48, "8         ", 10);
	bad.buf[8 + 58] = 'x';
	CHECK_REJECTS(&bad, "offset 0x42: archive member header does not end with");
	strbuf_release(&bad);
	/* A long name without a name table. */
	bytes(&bad, "!<arch>\n", 8);
	ar_member(&bad, "/7", "abc", 3);
	CHECK_REJECTS(&bad, "GNU archive long name /7 is outside the name table");
	strbuf_release(&bad);
	/* A member that is a broken wasm file: named with the archive. */
	bytes(&bad, "!<arch>\n", 8);
	ar_member(&bad, "x.o/", "\0asm\1\0\0\0\x0a\x05", 10);
	error_clear();
	CHECK_INT(wasm_inspect_buffer("lib.a", (const uint8_t *)bad.buf, bad.len, &m), -1);
	CHECK_HAS(error_message(), "lib.a(x.o): offset 0x4c: section 10 (code) runs past the end of the file");
	error_clear();
	strbuf_release(&bad);
	/* A thin archive. */
	bytes(&bad, "!<thin>\n", 8);
	CHECK_REJECTS(&bad, "thin archive");
	strbuf_release(&bad);
	strbuf_release(&a);
}

int main(void)
{
	test_gnu_archive();
	test_bsd_archive();
	test_archive_malformed();
	return check_done();
}
