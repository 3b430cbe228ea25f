/*
 * test_wasm: the wasm reader: each section, each custom section, the kinds
 * of module, and every malformed case the header promises to reject with
 * an offset. Inputs are built as bytes (wasm_build.h), so each test shows
 * exactly what it feeds the reader.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_build.h"

/* ---- valid modules: each section -------------------------------------- */

static void test_empty_module(void)
{
	struct strbuf s = { 0 };
	struct wasm_module m;

	header(&s);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_INT(m.kind, WASM_KIND_MODULE);
	CHECK_INT(m.nsections, 0);
	CHECK_INT(m.version, 1);
	CHECK_INT(m.file_size, 8);
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_all_standard_sections(void)
{
	struct strbuf s = { 0 }, b = { 0 };
	struct wasm_module m;
	const struct wasm_export *ex;

	header(&s);
	add_types(&s);
	/* import: func, table, memory, global, tag */
	leb(&b, 5);
	str(&b, "env");
	str(&b, "f");
	u8(&b, 0);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "t");
	u8(&b, 1);
	u8(&b, 0x70);
	u8(&b, 1);
	leb(&b, 1);
	leb(&b, 10);
	str(&b, "env");
	str(&b, "memory");
	u8(&b, 2);
	u8(&b, 3);
	leb(&b, 1);
	leb(&b, 256);
	str(&b, "env");
	str(&b, "g");
	u8(&b, 3);
	u8(&b, 0x7e);
	u8(&b, 1);
	str(&b, "env");
	str(&b, "__cpp_exception");
	u8(&b, 4);
	u8(&b, 0);
	leb(&b, 2);
	section(&s, 2, &b);
	leb(&b, 2);
	leb(&b, 0);
	leb(&b, 3);              /* function */
	section(&s, 3, &b);
	leb(&b, 1);
	u8(&b, 0x70);
	u8(&b, 0);
	leb(&b, 2);  /* table */
	section(&s, 4, &b);
	leb(&b, 1);
	u8(&b, 4);
	leb(&b, 1);                /* memory: i64 */
	section(&s, 5, &b);
	leb(&b, 1);
	u8(&b, 0);
	leb(&b, 2);                /* tag */
	section(&s, 13, &b);
	leb(&b, 2);     /* global */
	u8(&b, 0x7f);
	u8(&b, 0);
	u8(&b, 0x41);
	sleb(&b, -5);
	u8(&b, 0x0b);
	u8(&b, 0x7e);
	u8(&b, 1);
	u8(&b, 0x23);
	leb(&b, 0);
	u8(&b, 0x0b);
	section(&s, 6, &b);
	leb(&b, 5);     /* export */
	str(&b, "run");
	u8(&b, 0);
	leb(&b, 1);
	str(&b, "sq");
	u8(&b, 0);
	leb(&b, 2);
	str(&b, "tab");
	u8(&b, 1);
	leb(&b, 1);
	str(&b, "counter");
	u8(&b, 3);
	leb(&b, 2);
	str(&b, "exc");
	u8(&b, 4);
	leb(&b, 1);
	section(&s, 7, &b);
	leb(&b, 1);     /* start */
	section(&s, 8, &b);
	leb(&b, 2);     /* element: active, passive exprs */
	leb(&b, 0);
	u8(&b, 0x41);
	sleb(&b, 0);
	u8(&b, 0x0b);
	leb(&b, 2);
	leb(&b, 1);
	leb(&b, 2);
	leb(&b, 5);
	u8(&b, 0x70);
	leb(&b, 1);
	u8(&b, 0xd2);
	leb(&b, 0);
	u8(&b, 0x0b);
	section(&s, 9, &b);
	leb(&b, 2);     /* datacount */
	section(&s, 12, &b);
	leb(&b, 2);     /* code */
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	leb(&b, 4);
	u8(&b, 0);
	u8(&b, 0x20);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(&s, 10, &b);
	leb(&b, 2);     /* data: active (i64 memory), passive */
	leb(&b, 0);
	u8(&b, 0x42);
	sleb(&b, 16);
	u8(&b, 0x0b);
	str(&b, "hello");
	leb(&b, 1);
	str(&b, "xy");
	section(&s, 11, &b);

	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(m.kind, WASM_KIND_MODULE);
	CHECK_INT(m.ntypes, 4);
	CHECK_INT(m.nimports, 5);
	CHECK_STR(m.imports[0].signature, "(i32, i64) -> i32");
	CHECK_STR(m.imports[1].signature, "funcref 1..10");
	CHECK_STR(m.imports[2].signature, "pages 1..256 shared");
	CHECK_STR(m.imports[3].signature, "mut i64");
	CHECK_STR(m.imports[4].signature, "(i32)");
	CHECK_INT(m.nimported_funcs, 1);
	CHECK_INT(m.nfuncs, 2);
	CHECK_INT(m.ntables, 1);
	CHECK_INT(m.nmemories, 1);
	CHECK_INT(m.memories[0].is64, 1);
	CHECK_INT(m.ntags, 1);
	CHECK_INT(m.nglobals, 2);
	CHECK_INT(m.nexports, 5);
	CHECK_STR(find_export(&m, "run")->signature, "() -> ()");
	CHECK_STR(find_export(&m, "sq")->signature, "(i64) -> i64");
	CHECK_STR(find_export(&m, "tab")->signature, "funcref 2..");
	ex = find_export(&m, "counter");
	CHECK(ex && ex->kind == WASM_EXTERN_GLOBAL);
	CHECK_STR(ex->signature, "mut i64");
	CHECK_STR(find_export(&m, "exc")->signature, "(i32)");
	CHECK_INT(m.has_start, 1);
	CHECK_INT(m.start, 1);
	CHECK_INT(m.nelem_segments, 2);
	CHECK_INT(m.nelements, 3);
	CHECK_INT(m.has_datacount, 1);
	CHECK_INT(m.ndata_segments, 2);
	CHECK_INT(m.data_bytes, 7);
	CHECK_INT(m.code_bytes, 6);
	CHECK_INT(m.nsections, 13);
	CHECK_STR(m.sections[5].name, "tag");
	CHECK_INT(m.facts.eh, WASM_EH_WASM);
	CHECK_STR(m.facts.eh_evidence, "imports tag env.__cpp_exception");
	CHECK_INT(m.facts.ni64_imports, 1);
	CHECK_STR(m.facts.i64_imports[0], "env.f");
	CHECK_INT(m.facts.ni64_exports, 1);
	CHECK_STR(m.facts.i64_exports[0], "sq");
	CHECK_INT(m.facts.bigint, WASM_BIGINT_ON);
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_reference_types_and_table_initialiser(void)
{
	struct strbuf s = { 0 }, b = { 0 };
	struct wasm_module m;

	header(&s);
	leb(&b, 2);
	/* (ref null func) -> externref; (ref 0) -> exnref */
	bytes(&b, "\x60\x01\x63\x70\x01\x6f", 6);
	bytes(&b, "\x60\x01\x64\x00\x01\x69", 6);
	section(&s, 1, &b);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "f");
	u8(&b, 0);
	leb(&b, 1);
	section(&s, 2, &b);
	leb(&b, 1);   /* a table with an initialiser: 0x40 0x00 reftype limits expr */
	u8(&b, 0x40);
	u8(&b, 0);
	u8(&b, 0x63);
	u8(&b, 0x70);
	u8(&b, 0);
	leb(&b, 1);
	u8(&b, 0xd0);
	u8(&b, 0x70);
	u8(&b, 0x0b);
	section(&s, 4, &b);
	leb(&b, 1);
	str(&b, "f");
	u8(&b, 0);
	leb(&b, 0);
	section(&s, 7, &b);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_STR(m.imports[0].signature, "((ref 0)) -> exnref");
	CHECK_STR(m.exports[0].signature, "((ref 0)) -> exnref");
	CHECK_INT(m.ntables, 1);
	CHECK_INT(m.table_types[0].code, 0x63);
	wasm_module_release(&m);
	strbuf_release(&s);
}

/* ---- custom sections ---------------------------------------------------- */

static void test_dylink0_side_module(void)
{
	struct strbuf s = { 0 }, b = { 0 };
	struct wasm_module m;

	header(&s);
	add_dylink0(&s, 4, 1, "libfoo.so");
	add_types(&s);
	leb(&b, 3);
	str(&b, "env");
	str(&b, "memory");
	u8(&b, 2);
	u8(&b, 0);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "__memory_base");
	u8(&b, 3);
	u8(&b, 0x7f);
	u8(&b, 0);
	str(&b, "env");
	str(&b, "maybe");
	u8(&b, 0);
	leb(&b, 0);
	section(&s, 2, &b);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(m.kind, WASM_KIND_SIDE_MODULE);
	CHECK_HAS(m.kind_reason, "dylink.0");
	CHECK_STR(m.dylink.section, "dylink.0");
	CHECK_INT(m.dylink.mem_size, 4);
	CHECK_INT(m.dylink.mem_p2align, 2);
	CHECK_INT(m.dylink.table_size, 1);
	CHECK_INT(m.dylink.nneeded, 1);
	CHECK_STR(m.dylink.needed[0], "libfoo.so");
	CHECK_INT(m.dylink.nexport_info, 1);
	CHECK_INT(m.dylink.export_info[0].flags, WASM_SYM_TLS);
	CHECK_INT(m.dylink.nimport_info, 1);
	CHECK_STR(m.dylink.import_info[0].name, "maybe");
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_legacy_dylink(void)
{
	struct strbuf s = { 0 }, c = { 0 };
	struct wasm_module m;

	header(&s);
	leb(&c, 16);
	leb(&c, 3);
	leb(&c, 2);
	leb(&c, 0);
	leb(&c, 2);
	str(&c, "liba.so");
	str(&c, "libb.so");
	custom(&s, "dylink", &c);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(m.dylink.section, "dylink");
	CHECK_INT(m.dylink.mem_size, 16);
	CHECK_INT(m.dylink.mem_p2align, 3);
	CHECK_INT(m.dylink.table_size, 2);
	CHECK_INT(m.dylink.nneeded, 2);
	CHECK_STR(m.dylink.needed[1], "libb.so");
	CHECK_INT(m.kind, WASM_KIND_SIDE_MODULE);
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_main_module_kind(void)
{
	struct strbuf s = { 0 }, b = { 0 };
	struct wasm_module m;

	header(&s);
	add_dylink0(&s, 0, 0, NULL);
	add_types(&s);
	leb(&b, 1);
	leb(&b, 0);
	section(&s, 3, &b);
	leb(&b, 1);
	str(&b, "stackAlloc");
	u8(&b, 0);
	leb(&b, 0);
	section(&s, 7, &b);
	leb(&b, 1);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(&s, 10, &b);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_INT(m.kind, WASM_KIND_MAIN_MODULE);
	CHECK_HAS(m.kind_reason, "stackAlloc");
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_producers_features_name(void)
{
	struct strbuf s = { 0 }, c = { 0 }, sub = { 0 }, b = { 0 };
	struct wasm_module m;

	header(&s);
	add_types(&s);
	leb(&b, 3);
	leb(&b, 0);
	leb(&b, 0);
	leb(&b, 0);
	section(&s, 3, &b);
	leb(&b, 3);
	for (int i = 0; i < 3; i++) {
		leb(&b, 2);
		u8(&b, 0);
		u8(&b, 0x0b);
	}
	section(&s, 10, &b);
	str(&sub, "probe");
	subsection(&c, 0, &sub);
	leb(&sub, 3);
	leb(&sub, 0);
	str(&sub, "legalstub$add64");
	leb(&sub, 1);
	str(&sub, "legalfunc$host");
	leb(&sub, 2);
	str(&sub, "plain");
	subsection(&c, 1, &sub);
	bytes(&sub, "\x01\x00\x00", 3);  /* local names: skipped */
	subsection(&c, 2, &sub);
	custom(&s, "name", &c);
	leb(&c, 2);
	str(&c, "language");
	leb(&c, 1);
	str(&c, "Rust");
	str(&c, "");
	str(&c, "processed-by");
	leb(&c, 2);
	str(&c, "rustc");
	str(&c, "1.96.0");
	str(&c, "clang");
	str(&c, "22.1.8");
	custom(&s, "producers", &c);
	leb(&c, 2);
	u8(&c, '+');
	str(&c, "bulk-memory");
	u8(&c, '-');
	str(&c, "atomics");
	custom(&s, "target_features", &c);
	bytes(&c, "opaque", 6);
	custom(&s, "something.else", &c);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_STR(m.module_name, "probe");
	CHECK_INT(m.nfunction_names, 3);
	CHECK_INT(m.nlegal_names, 2);
	CHECK_INT(m.facts.bigint, WASM_BIGINT_OFF);
	CHECK_HAS(m.facts.bigint_evidence, "legalstub$");
	CHECK_INT(m.nproducers, 3);
	CHECK_STR(m.producers[0].field, "language");
	CHECK_STR(m.producers[0].name, "Rust");
	CHECK_STR(m.producers[2].name, "clang");
	CHECK_STR(m.producers[2].version, "22.1.8");
	CHECK_INT(m.nfeatures, 2);
	CHECK_INT(m.features[1].prefix, '-');
	CHECK_STR(m.features[1].name, "atomics");
	CHECK_STR(m.sections[m.nsections - 1].name, "something.else");
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_object_linking_relocs(void)
{
	struct strbuf s = { 0 };
	struct wasm_module m;

	build_object(&s, 0);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(m.kind, WASM_KIND_OBJECT);
	CHECK_INT(m.linking.present, 1);
	CHECK_INT(m.linking.version, 2);
	CHECK_INT(m.linking.nsymbols, 5);
	CHECK_STR(m.linking.symbols[0].name, "probe");
	CHECK_STR(m.linking.symbols[1].name, "host_i64");  /* from the import */
	CHECK_STR(m.linking.symbols[2].name, "now_renamed");
	CHECK_INT(m.linking.symbols[3].kind, WASM_SYMBOL_DATA);
	CHECK_INT(m.linking.symbols[3].size, 4);
	CHECK_INT(m.linking.symbols[4].kind, WASM_SYMBOL_SECTION);
	CHECK_INT(m.linking.nsegments, 1);
	CHECK_STR(m.linking.segments[0].name, ".data.data_sym");
	CHECK_INT(m.linking.ninit_funcs, 1);
	CHECK_INT(m.linking.ncomdats, 1);
	CHECK_INT(m.nrelocs, 1);
	CHECK_STR(m.relocs[0].name, "reloc.CODE");
	CHECK_INT(m.relocs[0].target, 4);
	CHECK_INT(m.relocs[0].count, 2);
	CHECK_INT(m.relocs[0].type_count[0], 1);
	CHECK_INT(m.relocs[0].type_count[4], 1);
	CHECK_STR(wasm_reloc_name(4), "R_WASM_MEMORY_ADDR_SLEB");
	CHECK(wasm_reloc_name(WASM_RELOC_KNOWN) == NULL);
	CHECK_INT(m.facts.bigint, WASM_BIGINT_UNKNOWN);
	CHECK_INT(m.facts.imports_get_now_underscore, 1);
	CHECK_INT(m.nnotes, 0);
	wasm_module_release(&m);
	strbuf_release(&s);

	/* A relocation type newer than the reader stops that section, with a note. */
	build_object(&s, 1);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_INT(m.relocs[0].count, 2);
	CHECK_INT(m.nnotes, 1);
	CHECK_HAS(m.notes[0], "relocation type 99 is newer than this reader");
	wasm_module_release(&m);
	strbuf_release(&s);
}

/* ---- malformed wasm ----------------------------------------------------- */

static void test_malformed_header(void)
{
	struct strbuf s = { 0 };

	bytes(&s, "\0asm\1\0", 6);
	CHECK_REJECTS(&s, "t.wasm: offset 0x6: truncated wasm header: 6 of 8 bytes");
	strbuf_release(&s);
	bytes(&s, "\0asm\2\0\0\0", 8);
	CHECK_REJECTS(&s, "offset 0x4: wasm version 2 is not 1");
	strbuf_release(&s);
	bytes(&s, "\0asm\x0d\0\1\0", 8);
	CHECK_REJECTS(&s, "a WebAssembly component");
	strbuf_release(&s);
	bytes(&s,
	      "\x7f"
	      "ELF",
	      4);
	CHECK_REJECTS(&s, "offset 0x0: not a wasm file, LLVM bitcode or ar archive");
	strbuf_release(&s);
	CHECK_REJECTS(&s, "not a wasm file");  /* empty */
}

static void test_malformed_leb(void)
{
	struct strbuf s = { 0 };

	/* Truncated: the section size LEB runs into the end of the file. */
	header(&s);
	bytes(&s, "\x01\x80\x80", 3);
	CHECK_REJECTS(&s, "offset 0x9: section 1 (type): truncated LEB128 (section size): the file ends at 0xb");
	strbuf_release(&s);
	/* Overlong: more than 5 bytes for a u32. */
	header(&s);
	bytes(&s, "\x01\x80\x80\x80\x80\x80\x00", 7);
	CHECK_REJECTS(&s, "offset 0x9: section 1 (type): LEB128 longer than 5 bytes (section size)");
	strbuf_release(&s);
	/* Five bytes, but the last one has bits past 32. */
	header(&s);
	bytes(&s, "\x01\xff\xff\xff\xff\x1f", 6);
	CHECK_REJECTS(&s, "LEB128 value does not fit in 32 bits (section size)");
	strbuf_release(&s);
	/* A signed LEB (i32.const) with bad sign bits in its fifth byte. */
	header(&s);
	bytes(&s, "\x06\x09\x01\x7f\x00\x41\x80\x80\x80\x80\x40\x0b", 12);
	CHECK_REJECTS(&s, "offset 0xe: section 6 (global): LEB128 value does not fit in 32 bits");
	strbuf_release(&s);
}

static void test_malformed_sections(void)
{
	struct strbuf s = { 0 }, b = { 0 };

	/* The section runs past the end of the file: the brief's example. */
	header(&s);
	bytes(&s, "\x0a\x40\x01", 3);
	CHECK_REJECTS(
		&s, "t.wasm: offset 0x8: section 10 (code) runs past the end of the file (size 0x40, 0x1 bytes left)");
	strbuf_release(&s);
	/* An unknown id. */
	header(&s);
	bytes(&s, "\x0e\x00", 2);
	CHECK_REJECTS(&s, "offset 0x8: unknown section id 14");
	strbuf_release(&s);
	/* Out of order, and repeated. */
	header(&s);
	bytes(&s, "\x03\x01\x00\x01\x01\x00", 6);
	CHECK_REJECTS(&s, "offset 0xb: section 1 (type): out of order or repeated");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x01\x01\x00\x01\x01\x00", 6);
	CHECK_REJECTS(&s, "out of order or repeated");
	strbuf_release(&s);
	/* Bytes left over after the last entry. */
	header(&s);
	bytes(&s, "\x01\x02\x00\x00", 4);
	CHECK_REJECTS(&s, "offset 0xb: section 1 (type): 1 bytes left over at the end of the section");
	strbuf_release(&s);
	/* A vector count larger than the bytes left: refused before allocating. */
	header(&s);
	bytes(&s, "\x02\x06\xff\xff\xff\xff\x0f\x00", 8);
	CHECK_REJECTS(&s, "offset 0xa: section 2 (import): import count 4294967295 is more than the 1 bytes left in "
			  "the section can hold");
	strbuf_release(&s);
	/* Function and code counts differ. */
	header(&s);
	add_types(&s);
	bytes(&s, "\x03\x02\x01\x00\x0a\x01\x00", 7);
	CHECK_REJECTS(&s, "section 10 (code): 0 function bodies, but the function section declares 1 functions");
	strbuf_release(&s);
	header(&s);
	add_types(&s);
	bytes(&s, "\x03\x02\x01\x00", 4);
	CHECK_REJECTS(&s, "declares 1 functions, but there is no code section");
	strbuf_release(&s);
	/* A type index out of range. */
	header(&s);
	add_types(&s);
	bytes(&s, "\x03\x02\x01\x09", 4);
	CHECK_REJECTS(&s, "section 3 (function): function type index 9 is out of range (4 types)");
	strbuf_release(&s);
	/* An unknown import kind; a bad global mutability. */
	header(&s);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "x");
	u8(&b, 7);
	section(&s, 2, &b);
	CHECK_REJECTS(&s, "import 0 (env.x): unknown import kind 0x07");
	strbuf_release(&s);
	header(&s);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "g");
	u8(&b, 3);
	u8(&b, 0x7f);
	u8(&b, 2);
	section(&s, 2, &b);
	CHECK_REJECTS(&s, "global mutability 2 is not 0 or 1");
	strbuf_release(&s);
	/* An unknown value type; a GC type definition. */
	header(&s);
	bytes(&s, "\x01\x04\x01\x60\x01\x55", 6);
	CHECK_REJECTS(&s, "unknown value type 0x55");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x01\x03\x01\x5f\x00", 5);
	CHECK_REJECTS(&s, "GC type definitions (form 0x5f) are not supported");
	strbuf_release(&s);
	/* Limits: unknown flags, max below min, shared without max. */
	header(&s);
	bytes(&s, "\x05\x03\x01\x10\x01", 5);
	CHECK_REJECTS(&s, "unknown limits flags 0x10");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x05\x04\x01\x01\x05\x02", 6);
	CHECK_REJECTS(&s, "maximum 2 is below the minimum 5");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x05\x03\x01\x02\x01", 5);
	CHECK_REJECTS(&s, "shared memory without a maximum");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x05\x05\x01\x00\x81\x80\x04", 7);
	CHECK_REJECTS(&s, "memory size is larger than 65536 pages");
	strbuf_release(&s);
	/* A constant expression with an instruction it may not hold. */
	header(&s);
	bytes(&s, "\x06\x06\x01\x7f\x00\x41\x00\x1a", 8);
	CHECK_REJECTS(&s, "unsupported instruction 0x1a in a constant expression");
	strbuf_release(&s);
	/* Exports: an index out of range; a name twice. */
	header(&s);
	leb(&b, 1);
	str(&b, "f");
	u8(&b, 0);
	leb(&b, 0);
	section(&s, 7, &b);
	CHECK_REJECTS(&s, "export 0 (\"f\"): func index 0 is out of range (0)");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x05\x03\x01\x00\x01", 5);
	leb(&b, 2);
	str(&b, "m");
	u8(&b, 2);
	leb(&b, 0);
	str(&b, "m");
	u8(&b, 2);
	leb(&b, 0);
	section(&s, 7, &b);
	CHECK_REJECTS(&s, "offset 0xd: section 7 (export): export name \"m\" appears twice");
	strbuf_release(&s);
	/* A start function that does not exist. */
	header(&s);
	bytes(&s, "\x08\x01\x00", 3);
	CHECK_REJECTS(&s, "start function 0 is out of range (0 functions)");
	strbuf_release(&s);
	/* A function body that runs past its section. */
	header(&s);
	add_types(&s);
	bytes(&s, "\x03\x02\x01\x00\x0a\x03\x01\x09\x00", 9);
	CHECK_REJECTS(&s, "function body 0 runs past the end of the section (size 0x9, 0x1 bytes left)");
	strbuf_release(&s);
	/* Data count and data disagree. */
	header(&s);
	bytes(&s, "\x05\x03\x01\x00\x01\x0c\x01\x02\x0b\x07\x01\x00\x41\x00\x0b\x01\x61", 17);
	CHECK_REJECTS(&s, "1 data segments, but the data count section says 2");
	strbuf_release(&s);
	/* A tag whose type has results. */
	header(&s);
	add_types(&s);
	bytes(&s, "\x0d\x03\x01\x00\x01", 5);
	CHECK_REJECTS(&s, "tag type 1 has results");
	strbuf_release(&s);
}

static void test_malformed_names(void)
{
	struct strbuf s = { 0 }, b = { 0 };

	/* An import name that is not UTF-8 (a lone continuation byte). */
	header(&s);
	leb(&b, 1);
	str(&b, "env");
	leb(&b, 2);
	bytes(&b, "a\x80", 2);
	u8(&b, 0);
	leb(&b, 0);
	section(&s, 2, &b);
	CHECK_REJECTS(&s, "offset 0x11: section 2 (import): import name is not valid UTF-8 (byte 0x80)");
	strbuf_release(&s);
	/* An overlong encoding in a custom section name. */
	header(&s);
	bytes(&s, "\x00\x03\x02\xc0\xaf", 5);
	CHECK_REJECTS(&s, "custom section name is not valid UTF-8 (byte 0xc0)");
	strbuf_release(&s);
	/* A name longer than its section. */
	header(&s);
	bytes(&s, "\x00\x02\x09\x61", 4);
	CHECK_REJECTS(&s, "custom section name is 9 bytes long, but only 1 bytes are left in the section");
	strbuf_release(&s);
	/* NUL inside a name. */
	header(&s);
	leb(&b, 1);
	leb(&b, 2);
	bytes(&b, "a\0", 2);
	u8(&b, 2);
	leb(&b, 0);
	section(&s, 7, &b);
	CHECK_REJECTS(&s, "export name contains a NUL byte");
	strbuf_release(&s);
}

static void test_malformed_custom_sections(void)
{
	struct strbuf s = { 0 }, c = { 0 }, sub = { 0 };

	/* dylink.0: a subsection that runs past the section. */
	header(&s);
	bytes(&c, "\x01\x10\x00", 3);
	custom(&s, "dylink.0", &c);
	CHECK_REJECTS(&s, "custom section \"dylink.0\": dylink.0 subsection runs past the end of the section");
	strbuf_release(&s);
	/* Two dylink sections. */
	header(&s);
	add_dylink0(&s, 0, 0, NULL);
	add_dylink0(&s, 0, 0, NULL);
	CHECK_REJECTS(&s, "a second dylink section");
	strbuf_release(&s);
	/* linking: version 1. */
	header(&s);
	leb(&c, 1);
	custom(&s, "linking", &c);
	CHECK_REJECTS(&s, "custom section \"linking\": linking metadata version 1 is not 2");
	strbuf_release(&s);
	/* linking: a symbol of an unknown kind; a function symbol out of range. */
	header(&s);
	leb(&c, 2);
	leb(&sub, 1);
	u8(&sub, 9);
	leb(&sub, 0);
	subsection(&c, 8, &sub);
	custom(&s, "linking", &c);
	CHECK_REJECTS(&s, "symbol 0: unknown symbol kind 9");
	strbuf_release(&s);
	header(&s);
	leb(&c, 2);
	leb(&sub, 1);
	u8(&sub, 0);
	leb(&sub, 0);
	leb(&sub, 3);
	str(&sub, "f");
	subsection(&c, 8, &sub);
	custom(&s, "linking", &c);
	CHECK_REJECTS(&s, "symbol 0: function index 3 is out of range (0)");
	strbuf_release(&s);
	/* reloc: a target section that does not precede it. */
	header(&s);
	leb(&c, 5);
	leb(&c, 0);
	custom(&s, "reloc.CODE", &c);
	CHECK_REJECTS(&s, "relocation target section 5 does not precede this section");
	strbuf_release(&s);
	/* reloc: truncated entries. */
	header(&s);
	add_types(&s);
	leb(&c, 0);
	leb(&c, 1);
	u8(&c, 4);
	leb(&c, 1);
	leb(&c, 2);
	custom(&s, "reloc.CODE", &c);
	CHECK_REJECTS(&s, "truncated LEB128 (relocation addend)");
	strbuf_release(&s);
	/* target_features: a bad prefix. */
	header(&s);
	leb(&c, 1);
	u8(&c, '?');
	str(&c, "simd128");
	custom(&s, "target_features", &c);
	CHECK_REJECTS(&s, "feature 0: prefix 0x3f is not '+', '-' or '='");
	strbuf_release(&s);
	/* producers: a value count larger than the bytes left. */
	header(&s);
	leb(&c, 1);
	str(&c, "language");
	leb(&c, 1000);
	custom(&s, "producers", &c);
	CHECK_REJECTS(&s, "producers value count 1000 is more than the 0 bytes left");
	strbuf_release(&s);
	/* name: a function-name subsection with a bad name. */
	header(&s);
	leb(&sub, 1);
	leb(&sub, 0);
	leb(&sub, 1);
	u8(&sub, 0xff);
	subsection(&c, 1, &sub);
	custom(&s, "name", &c);
	CHECK_REJECTS(&s, "function name is not valid UTF-8");
	strbuf_release(&s);
}

/* Truncating a valid module anywhere must give an error, never a crash. */
static void test_every_truncation(void)
{
	struct strbuf s = { 0 };
	struct wasm_module m;
	size_t rejected = 0;

	build_object(&s, 0);
	for (size_t n = 0; n < s.len; n++) {
		error_clear();
		if (wasm_inspect_buffer("t.o", (const uint8_t *)s.buf, n, &m) == 0) {
			wasm_module_release(&m);  /* ends exactly between sections */
		} else {
			rejected++;
			if (!strstr(error_message(), "offset 0x"))
				CHECK_HAS(error_message(), "offset 0x");
		}
	}
	error_clear();
	CHECK(rejected > s.len - 10);
	strbuf_release(&s);
}

int main(void)
{
	test_empty_module();
	test_all_standard_sections();
	test_reference_types_and_table_initialiser();
	test_dylink0_side_module();
	test_legacy_dylink();
	test_main_module_kind();
	test_producers_features_name();
	test_object_linking_relocs();
	test_malformed_header();
	test_malformed_leb();
	test_malformed_sections();
	test_malformed_names();
	test_malformed_custom_sections();
	test_every_truncation();
	return check_done();
}
