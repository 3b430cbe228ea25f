/*
 * test_wasm: the wasm reader (each section, each custom section, bitcode,
 * archives), every malformed case the header promises to reject with an
 * offset, the checks against a main module, the JSON form, the committed
 * fixtures under tests/wasm/, and reading on several threads at once.
 * Inputs are built here as bytes with a small builder, so each test shows
 * exactly what it feeds the reader.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"
#include "emcompat/wasm_json.h"

/* ---- a byte builder ---------------------------------------------------- */

static void u8(struct strbuf *s, unsigned v)
{
	strbuf_addch(s, (int)(v & 0xff));
}

static void bytes(struct strbuf *s, const void *p, size_t n)
{
	strbuf_add(s, p, n);
}

static void leb(struct strbuf *s, uint64_t v)
{
	do {
		unsigned b = v & 0x7f;

		v >>= 7;
		u8(s, b | (v ? 0x80 : 0));
	} while (v);
}

static void sleb(struct strbuf *s, int64_t v)
{
	for (;;) {
		unsigned b = (unsigned)(v & 0x7f);

		v >>= 7;
		if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) {
			u8(s, b);
			return;
		}
		u8(s, b | 0x80);
	}
}

static void str(struct strbuf *s, const char *z)
{
	leb(s, strlen(z));
	bytes(s, z, strlen(z));
}

static void header(struct strbuf *s)
{
	bytes(s, "\0asm\1\0\0\0", 8);
}

/* Appends section ID holding BODY (released). */
static void section(struct strbuf *mod, unsigned id, struct strbuf *body)
{
	u8(mod, id);
	leb(mod, body->len);
	bytes(mod, body->buf ? body->buf : "", body->len);
	strbuf_release(body);
}

static void custom(struct strbuf *mod, const char *name, struct strbuf *body)
{
	struct strbuf c = {0};

	str(&c, name);
	bytes(&c, body->buf ? body->buf : "", body->len);
	strbuf_release(body);
	section(mod, 0, &c);
}

/* Appends subsection ID holding BODY (released): dylink.0, linking, name. */
static void subsection(struct strbuf *s, unsigned id, struct strbuf *body)
{
	section(s, id, body);
}

/* Reads S, and computes its facts as the checks and the JSON form need. */
static int inspect(const struct strbuf *s, struct wasm_module *m)
{
	if (wasm_inspect_buffer("t.wasm", (const uint8_t *)s->buf, s->len, m))
		return -1;
	wasm_compute_facts(m);
	return 0;
}

/* S must be rejected with a message containing WANT (and an offset). */
#define CHECK_REJECTS(s, want)                                                   \
	do {                                                                     \
		struct wasm_module m_;                                           \
		error_clear();                                                   \
		CHECK_INT(inspect((s), &m_), -1);                                \
		CHECK_HAS(error_message(), (want));                              \
		CHECK_HAS(error_message(), "offset 0x");                         \
		CHECK_INT(error_code(), EC_EXIT_INPUT);                          \
		error_clear();                                                   \
	} while (0)

static const struct wasm_export *find_export(const struct wasm_module *m, const char *name)
{
	for (size_t i = 0; i < m->nexports; i++)
		if (strcmp(m->exports[i].name, name) == 0)
			return &m->exports[i];
	return NULL;
}

static const struct wasm_finding *find_finding(const struct wasm_findings *f, const char *class_id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->items[i].class_id, class_id) == 0)
			return &f->items[i];
	return NULL;
}

static size_t count_findings(const struct wasm_findings *f, const char *class_id)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->items[i].class_id, class_id) == 0;
	return n;
}

/* A type section: 0 () -> (), 1 (i32, i64) -> i32, 2 (i32) -> (), 3 (i64) -> i64. */
static void add_types(struct strbuf *mod)
{
	struct strbuf b = {0};

	leb(&b, 4);
	bytes(&b, "\x60\x00\x00", 3);
	bytes(&b, "\x60\x02\x7f\x7e\x01\x7f", 6);
	bytes(&b, "\x60\x01\x7f\x00", 4);
	bytes(&b, "\x60\x01\x7e\x01\x7e", 5);
	section(mod, 1, &b);
}

/* ---- valid modules: each section -------------------------------------- */

static void test_empty_module(void)
{
	struct strbuf s = {0};
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
	struct strbuf s = {0}, b = {0};
	struct wasm_module m;
	const struct wasm_export *ex;

	header(&s);
	add_types(&s);
	/* import: func, table, memory, global, tag */
	leb(&b, 5);
	str(&b, "env"); str(&b, "f"); u8(&b, 0); leb(&b, 1);
	str(&b, "env"); str(&b, "t"); u8(&b, 1); u8(&b, 0x70); u8(&b, 1); leb(&b, 1); leb(&b, 10);
	str(&b, "env"); str(&b, "memory"); u8(&b, 2); u8(&b, 3); leb(&b, 1); leb(&b, 256);
	str(&b, "env"); str(&b, "g"); u8(&b, 3); u8(&b, 0x7e); u8(&b, 1);
	str(&b, "env"); str(&b, "__cpp_exception"); u8(&b, 4); u8(&b, 0); leb(&b, 2);
	section(&s, 2, &b);
	leb(&b, 2); leb(&b, 0); leb(&b, 3);              /* function */
	section(&s, 3, &b);
	leb(&b, 1); u8(&b, 0x70); u8(&b, 0); leb(&b, 2);  /* table */
	section(&s, 4, &b);
	leb(&b, 1); u8(&b, 4); leb(&b, 1);                /* memory: i64 */
	section(&s, 5, &b);
	leb(&b, 1); u8(&b, 0); leb(&b, 2);                /* tag */
	section(&s, 13, &b);
	leb(&b, 2);                                        /* global */
	u8(&b, 0x7f); u8(&b, 0); u8(&b, 0x41); sleb(&b, -5); u8(&b, 0x0b);
	u8(&b, 0x7e); u8(&b, 1); u8(&b, 0x23); leb(&b, 0); u8(&b, 0x0b);
	section(&s, 6, &b);
	leb(&b, 5);                                        /* export */
	str(&b, "run"); u8(&b, 0); leb(&b, 1);
	str(&b, "sq"); u8(&b, 0); leb(&b, 2);
	str(&b, "tab"); u8(&b, 1); leb(&b, 1);
	str(&b, "counter"); u8(&b, 3); leb(&b, 2);
	str(&b, "exc"); u8(&b, 4); leb(&b, 1);
	section(&s, 7, &b);
	leb(&b, 1);                                        /* start */
	section(&s, 8, &b);
	leb(&b, 2);                                        /* element: active, passive exprs */
	leb(&b, 0); u8(&b, 0x41); sleb(&b, 0); u8(&b, 0x0b); leb(&b, 2); leb(&b, 1); leb(&b, 2);
	leb(&b, 5); u8(&b, 0x70); leb(&b, 1); u8(&b, 0xd2); leb(&b, 0); u8(&b, 0x0b);
	section(&s, 9, &b);
	leb(&b, 2);                                        /* datacount */
	section(&s, 12, &b);
	leb(&b, 2);                                        /* code */
	leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	leb(&b, 4); u8(&b, 0); u8(&b, 0x20); u8(&b, 0); u8(&b, 0x0b);
	section(&s, 10, &b);
	leb(&b, 2);                                        /* data: active (i64 memory), passive */
	leb(&b, 0); u8(&b, 0x42); sleb(&b, 16); u8(&b, 0x0b); str(&b, "hello");
	leb(&b, 1); str(&b, "xy");
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
	struct strbuf s = {0}, b = {0};
	struct wasm_module m;

	header(&s);
	leb(&b, 2);
	/* (ref null func) -> externref; (ref 0) -> exnref */
	bytes(&b, "\x60\x01\x63\x70\x01\x6f", 6);
	bytes(&b, "\x60\x01\x64\x00\x01\x69", 6);
	section(&s, 1, &b);
	leb(&b, 1);
	str(&b, "env"); str(&b, "f"); u8(&b, 0); leb(&b, 1);
	section(&s, 2, &b);
	leb(&b, 1);   /* a table with an initialiser: 0x40 0x00 reftype limits expr */
	u8(&b, 0x40); u8(&b, 0); u8(&b, 0x63); u8(&b, 0x70); u8(&b, 0); leb(&b, 1);
	u8(&b, 0xd0); u8(&b, 0x70); u8(&b, 0x0b);
	section(&s, 4, &b);
	leb(&b, 1);
	str(&b, "f"); u8(&b, 0); leb(&b, 0);
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

static void add_dylink0(struct strbuf *s, uint32_t mem, uint32_t table, const char *needed)
{
	struct strbuf c = {0}, sub = {0};

	leb(&sub, mem); leb(&sub, 2); leb(&sub, table); leb(&sub, 0);
	subsection(&c, 1, &sub);
	if (needed) {
		leb(&sub, 1); str(&sub, needed);
		subsection(&c, 2, &sub);
	}
	leb(&sub, 1); str(&sub, "exported_tls"); leb(&sub, WASM_SYM_TLS);
	subsection(&c, 3, &sub);
	leb(&sub, 1); str(&sub, "env"); str(&sub, "maybe"); leb(&sub, WASM_SYM_BINDING_WEAK);
	subsection(&c, 4, &sub);
	bytes(&sub, "\x07\x00", 2);  /* an unknown subsection, skipped by its size */
	subsection(&c, 9, &sub);
	custom(s, "dylink.0", &c);
}

static void test_dylink0_side_module(void)
{
	struct strbuf s = {0}, b = {0};
	struct wasm_module m;

	header(&s);
	add_dylink0(&s, 4, 1, "libfoo.so");
	add_types(&s);
	leb(&b, 3);
	str(&b, "env"); str(&b, "memory"); u8(&b, 2); u8(&b, 0); leb(&b, 1);
	str(&b, "env"); str(&b, "__memory_base"); u8(&b, 3); u8(&b, 0x7f); u8(&b, 0);
	str(&b, "env"); str(&b, "maybe"); u8(&b, 0); leb(&b, 0);
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
	struct strbuf s = {0}, c = {0};
	struct wasm_module m;

	header(&s);
	leb(&c, 16); leb(&c, 3); leb(&c, 2); leb(&c, 0); leb(&c, 2); str(&c, "liba.so"); str(&c, "libb.so");
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
	struct strbuf s = {0}, b = {0};
	struct wasm_module m;

	header(&s);
	add_dylink0(&s, 0, 0, NULL);
	add_types(&s);
	leb(&b, 1); leb(&b, 0);
	section(&s, 3, &b);
	leb(&b, 1); str(&b, "stackAlloc"); u8(&b, 0); leb(&b, 0);
	section(&s, 7, &b);
	leb(&b, 1); leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	section(&s, 10, &b);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_INT(m.kind, WASM_KIND_MAIN_MODULE);
	CHECK_HAS(m.kind_reason, "stackAlloc");
	wasm_module_release(&m);
	strbuf_release(&s);
}

static void test_producers_features_name(void)
{
	struct strbuf s = {0}, c = {0}, sub = {0}, b = {0};
	struct wasm_module m;

	header(&s);
	add_types(&s);
	leb(&b, 3); leb(&b, 0); leb(&b, 0); leb(&b, 0);
	section(&s, 3, &b);
	leb(&b, 3);
	for (int i = 0; i < 3; i++) {
		leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	}
	section(&s, 10, &b);
	str(&sub, "probe");
	subsection(&c, 0, &sub);
	leb(&sub, 3);
	leb(&sub, 0); str(&sub, "legalstub$add64");
	leb(&sub, 1); str(&sub, "legalfunc$host");
	leb(&sub, 2); str(&sub, "plain");
	subsection(&c, 1, &sub);
	bytes(&sub, "\x01\x00\x00", 3);  /* local names: skipped */
	subsection(&c, 2, &sub);
	custom(&s, "name", &c);
	leb(&c, 2);
	str(&c, "language"); leb(&c, 1); str(&c, "Rust"); str(&c, "");
	str(&c, "processed-by"); leb(&c, 2); str(&c, "rustc"); str(&c, "1.96.0"); str(&c, "clang"); str(&c, "22.1.8");
	custom(&s, "producers", &c);
	leb(&c, 2);
	u8(&c, '+'); str(&c, "bulk-memory");
	u8(&c, '-'); str(&c, "atomics");
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

/* An object: imports (undefined symbols), a linking section, reloc.CODE. */
static void build_object(struct strbuf *s, int with_unknown_reloc)
{
	struct strbuf b = {0}, c = {0}, sub = {0};

	header(s);
	add_types(s);
	leb(&b, 3);
	str(&b, "env"); str(&b, "__linear_memory"); u8(&b, 2); u8(&b, 0); leb(&b, 1);
	str(&b, "env"); str(&b, "host_i64"); u8(&b, 0); leb(&b, 3);
	str(&b, "env"); str(&b, "_emscripten_get_now"); u8(&b, 0); leb(&b, 0);
	section(s, 2, &b);
	leb(&b, 1); leb(&b, 1);
	section(s, 3, &b);
	leb(&b, 1); leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	section(s, 10, &b);                 /* section index 4 */
	leb(&b, 1); leb(&b, 0); u8(&b, 0x41); sleb(&b, 0); u8(&b, 0x0b); str(&b, "abcd");
	section(s, 11, &b);

	leb(&c, 2);                          /* linking version */
	leb(&sub, 5);                        /* symbol table */
	u8(&sub, 0); leb(&sub, WASM_SYM_EXPORTED); leb(&sub, 2); str(&sub, "probe");
	u8(&sub, 0); leb(&sub, WASM_SYM_UNDEFINED); leb(&sub, 0);
	u8(&sub, 0); leb(&sub, WASM_SYM_UNDEFINED | WASM_SYM_BINDING_WEAK | WASM_SYM_EXPLICIT_NAME);
	leb(&sub, 1); str(&sub, "now_renamed");
	u8(&sub, 1); leb(&sub, 0); str(&sub, "data_sym"); leb(&sub, 0); leb(&sub, 0); leb(&sub, 4);
	u8(&sub, 3); leb(&sub, WASM_SYM_BINDING_LOCAL); leb(&sub, 4);
	subsection(&c, 8, &sub);
	leb(&sub, 1); str(&sub, ".data.data_sym"); leb(&sub, 2); leb(&sub, 0);
	subsection(&c, 5, &sub);
	leb(&sub, 1); leb(&sub, 65535); leb(&sub, 0);
	subsection(&c, 6, &sub);
	leb(&sub, 1); str(&sub, "comdat"); leb(&sub, 0); leb(&sub, 1); u8(&sub, 0); leb(&sub, 2);
	subsection(&c, 7, &sub);
	custom(s, "linking", &c);

	leb(&c, 4);                          /* reloc.CODE applies to section 4 */
	leb(&c, with_unknown_reloc ? 3 : 2);
	u8(&c, 0); leb(&c, 1); leb(&c, 1);                       /* FUNCTION_INDEX_LEB */
	u8(&c, 4); leb(&c, 3); leb(&c, 3); sleb(&c, -8);        /* MEMORY_ADDR_SLEB + addend */
	if (with_unknown_reloc) {
		u8(&c, 99); leb(&c, 0); leb(&c, 0);
	}
	custom(s, "reloc.CODE", &c);
}

static void test_object_linking_relocs(void)
{
	struct strbuf s = {0};
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

/* ---- bitcode ------------------------------------------------------------ */

struct bw {
	unsigned char buf[512];
	size_t bits;
};

static void bw_put(struct bw *w, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++, w->bits++)
		if ((v >> i) & 1)
			w->buf[w->bits / 8] |= (unsigned char)(1u << (w->bits % 8));
}

static void bw_vbr(struct bw *w, uint64_t v, unsigned n)
{
	uint64_t hi = 1u << (n - 1);

	while (v >= hi) {
		bw_put(w, (v & (hi - 1)) | hi, n);
		v >>= n - 1;
	}
	bw_put(w, v, n);
}

static void bw_align32(struct bw *w)
{
	w->bits = (w->bits + 31) & ~(size_t)31;
}

static unsigned char6(char c)
{
	if (c >= 'a' && c <= 'z')
		return (unsigned)(c - 'a');
	if (c >= 'A' && c <= 'Z')
		return (unsigned)(c - 'A') + 26;
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0') + 52;
	return c == '.' ? 62 : 63;
}

/*
 * Bitcode with an IDENTIFICATION block holding PRODUCER: as LLVM writes
 * it (a char6 array abbreviation) when ABBREV, else unabbreviated (what
 * LLVM falls back to for strings with '-', like Rust's producer).
 */
static size_t make_bitcode(struct bw *w, const char *producer, int abbrev)
{
	size_t len_at, start;

	memset(w, 0, sizeof(*w));
	bw_put(w, 'B', 8); bw_put(w, 'C', 8); bw_put(w, 0xc0, 8); bw_put(w, 0xde, 8);
	bw_put(w, 1, 2);          /* ENTER_SUBBLOCK */
	bw_vbr(w, 13, 8);         /* IDENTIFICATION_BLOCK_ID */
	bw_vbr(w, 5, 4);          /* abbreviation width */
	bw_align32(w);
	len_at = w->bits;
	bw_put(w, 0, 32);         /* block length, patched below */
	start = w->bits;
	if (abbrev) {
		bw_put(w, 2, 5);  /* DEFINE_ABBREV [literal 1, array, char6] */
		bw_vbr(w, 3, 5);
		bw_put(w, 1, 1); bw_vbr(w, 1, 8);
		bw_put(w, 0, 1); bw_put(w, 3, 3);
		bw_put(w, 0, 1); bw_put(w, 4, 3);
		bw_put(w, 2, 5);  /* DEFINE_ABBREV [literal 2, vbr6] */
		bw_vbr(w, 2, 5);
		bw_put(w, 1, 1); bw_vbr(w, 2, 8);
		bw_put(w, 0, 1); bw_put(w, 2, 3); bw_vbr(w, 6, 5);
		bw_put(w, 4, 5);  /* STRING via abbreviation 4 */
		bw_vbr(w, strlen(producer), 6);
		for (const char *p = producer; *p; p++)
			bw_put(w, char6(*p), 6);
		bw_put(w, 5, 5);  /* EPOCH via abbreviation 5 */
		bw_vbr(w, 0, 6);
	} else {
		bw_put(w, 3, 5);  /* UNABBREV_RECORD STRING */
		bw_vbr(w, 1, 6);
		bw_vbr(w, strlen(producer), 6);
		for (const char *p = producer; *p; p++)
			bw_vbr(w, (unsigned char)*p, 6);
		bw_put(w, 3, 5);  /* UNABBREV_RECORD EPOCH */
		bw_vbr(w, 2, 6);
		bw_vbr(w, 1, 6);
		bw_vbr(w, 0, 6);
	}
	bw_put(w, 0, 5);          /* END_BLOCK */
	bw_align32(w);
	{
		size_t words = (w->bits - start) / 32, save = w->bits;

		w->bits = len_at;
		bw_put(w, words, 32);
		w->bits = save;
	}
	return w->bits / 8;
}

static void test_bitcode(void)
{
	struct wasm_module m;
	struct bw w;
	size_t n;
	unsigned char wrapped[600];

	n = make_bitcode(&w, "LLVM22.1.8", 1);
	CHECK_INT(wasm_inspect_buffer("a.bc", w.buf, n, &m), 0);
	CHECK_STR(error_message(), "");
	CHECK_INT(m.kind, WASM_KIND_BITCODE);
	CHECK_STR(m.bitcode.producer, "LLVM22.1.8");
	CHECK_STR(m.bitcode.llvm_version, "22.1.8");
	CHECK_INT(m.bitcode.wrapper, 0);
	wasm_module_release(&m);

	n = make_bitcode(&w, "LLVM22.1.4-rust-1.97.0-nightly", 0);
	CHECK_INT(wasm_inspect_buffer("b.bc", w.buf, n, &m), 0);
	CHECK_STR(m.bitcode.producer, "LLVM22.1.4-rust-1.97.0-nightly");
	CHECK_STR(m.bitcode.llvm_version, "22.1.4");
	wasm_module_release(&m);

	/* The 0x0B17C0DE wrapper: magic, version, offset, size, cputype. */
	memset(wrapped, 0, sizeof(wrapped));
	memcpy(wrapped, "\xde\xc0\x17\x0b\x00\x00\x00\x00\x14\x00\x00\x00", 12);
	wrapped[12] = (unsigned char)(n & 0xff);
	wrapped[13] = (unsigned char)(n >> 8);
	memcpy(wrapped + 20, w.buf, n);
	CHECK_INT(wasm_inspect_buffer("c.bc", wrapped, n + 20, &m), 0);
	CHECK_INT(m.bitcode.wrapper, 1);
	CHECK_INT(m.bitcode.offset, 20);
	CHECK_STR(m.bitcode.llvm_version, "22.1.4");
	wasm_module_release(&m);

	/* A wrapper that points past the end. */
	wrapped[12] = 0xff;
	wrapped[13] = 0xff;
	error_clear();
	CHECK_INT(wasm_inspect_buffer("d.bc", wrapped, n + 20, &m), -1);
	CHECK_HAS(error_message(), "d.bc: offset 0x8: bitcode wrapper says offset 0x14 size 0xffff");
	error_clear();

	/* Truncated inside the IDENTIFICATION block. */
	n = make_bitcode(&w, "LLVM22.1.8", 1);
	CHECK_INT(wasm_inspect_buffer("e.bc", w.buf, n - 8, &m), -1);
	CHECK_HAS(error_message(), "e.bc: offset 0x");
	CHECK_HAS(error_message(), "runs past the end");
	error_clear();

	/* A garbled abbreviation id. */
	n = make_bitcode(&w, "LLVM22.1.8", 1);
	w.buf[12] = 0xff;
	CHECK_INT(wasm_inspect_buffer("f.bc", w.buf, n, &m), -1);
	CHECK_HAS(error_message(), "bitcode:");
	error_clear();
}

static void test_embedded_bitcode(void)
{
	struct strbuf s = {0}, c = {0};
	struct wasm_module m;
	struct bw w;
	size_t n = make_bitcode(&w, "LLVM22.1.8", 1);

	header(&s);
	bytes(&c, w.buf, n);
	custom(&s, ".llvmbc", &c);
	CHECK_INT(inspect(&s, &m), 0);
	CHECK_INT(m.facts.has_embedded_bitcode, 1);
	CHECK_STR(m.bitcode.producer, "LLVM22.1.8");
	CHECK_INT(m.bitcode.offset, 8 + 2 + 8);  /* header, id and size, name */
	wasm_module_release(&m);
	strbuf_release(&s);
}

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
	struct strbuf a = {0}, obj = {0}, names = {0};
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
		struct wasm_findings f = {0};

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
	struct strbuf a = {0}, data = {0};
	struct wasm_module m;
	const char *name = "a-member-with-a-long-name.o";

	header(&data);
	bytes(&a, "!<arch>\n", 8);
	ar_member(&a, "__.SYMDEF", "\0\0\0\0", 4);
	{
		struct strbuf body = {0};
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
	struct strbuf a = {0}, bad = {0};
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

/* ---- malformed wasm ----------------------------------------------------- */

static void test_malformed_header(void)
{
	struct strbuf s = {0};

	bytes(&s, "\0asm\1\0", 6);
	CHECK_REJECTS(&s, "t.wasm: offset 0x6: truncated wasm header: 6 of 8 bytes");
	strbuf_release(&s);
	bytes(&s, "\0asm\2\0\0\0", 8);
	CHECK_REJECTS(&s, "offset 0x4: wasm version 2 is not 1");
	strbuf_release(&s);
	bytes(&s, "\0asm\x0d\0\1\0", 8);
	CHECK_REJECTS(&s, "a WebAssembly component");
	strbuf_release(&s);
	bytes(&s, "\x7f" "ELF", 4);
	CHECK_REJECTS(&s, "offset 0x0: not a wasm file, LLVM bitcode or ar archive");
	strbuf_release(&s);
	CHECK_REJECTS(&s, "not a wasm file");  /* empty */
}

static void test_malformed_leb(void)
{
	struct strbuf s = {0};

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
	struct strbuf s = {0}, b = {0};

	/* The section runs past the end of the file: the brief's example. */
	header(&s);
	bytes(&s, "\x0a\x40\x01", 3);
	CHECK_REJECTS(&s, "t.wasm: offset 0x8: section 10 (code) runs past the end of the file (size 0x40, 0x1 bytes left)");
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
	CHECK_REJECTS(&s, "offset 0xa: section 2 (import): import count 4294967295 is more than the 1 bytes left in the section can hold");
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
	leb(&b, 1); str(&b, "env"); str(&b, "x"); u8(&b, 7);
	section(&s, 2, &b);
	CHECK_REJECTS(&s, "import 0 (env.x): unknown import kind 0x07");
	strbuf_release(&s);
	header(&s);
	leb(&b, 1); str(&b, "env"); str(&b, "g"); u8(&b, 3); u8(&b, 0x7f); u8(&b, 2);
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
	leb(&b, 1); str(&b, "f"); u8(&b, 0); leb(&b, 0);
	section(&s, 7, &b);
	CHECK_REJECTS(&s, "export 0 (\"f\"): func index 0 is out of range (0)");
	strbuf_release(&s);
	header(&s);
	bytes(&s, "\x05\x03\x01\x00\x01", 5);
	leb(&b, 2); str(&b, "m"); u8(&b, 2); leb(&b, 0); str(&b, "m"); u8(&b, 2); leb(&b, 0);
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
	struct strbuf s = {0}, b = {0};

	/* An import name that is not UTF-8 (a lone continuation byte). */
	header(&s);
	leb(&b, 1); str(&b, "env"); leb(&b, 2); bytes(&b, "a\x80", 2); u8(&b, 0); leb(&b, 0);
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
	leb(&b, 1); leb(&b, 2); bytes(&b, "a\0", 2); u8(&b, 2); leb(&b, 0);
	section(&s, 7, &b);
	CHECK_REJECTS(&s, "export name contains a NUL byte");
	strbuf_release(&s);
}

static void test_malformed_custom_sections(void)
{
	struct strbuf s = {0}, c = {0}, sub = {0};

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
	leb(&c, 2); leb(&sub, 1); u8(&sub, 9); leb(&sub, 0);
	subsection(&c, 8, &sub);
	custom(&s, "linking", &c);
	CHECK_REJECTS(&s, "symbol 0: unknown symbol kind 9");
	strbuf_release(&s);
	header(&s);
	leb(&c, 2); leb(&sub, 1); u8(&sub, 0); leb(&sub, 0); leb(&sub, 3); str(&sub, "f");
	subsection(&c, 8, &sub);
	custom(&s, "linking", &c);
	CHECK_REJECTS(&s, "symbol 0: function index 3 is out of range (0)");
	strbuf_release(&s);
	/* reloc: a target section that does not precede it. */
	header(&s);
	leb(&c, 5); leb(&c, 0);
	custom(&s, "reloc.CODE", &c);
	CHECK_REJECTS(&s, "relocation target section 5 does not precede this section");
	strbuf_release(&s);
	/* reloc: truncated entries. */
	header(&s);
	add_types(&s);
	leb(&c, 0); leb(&c, 1); u8(&c, 4); leb(&c, 1); leb(&c, 2);
	custom(&s, "reloc.CODE", &c);
	CHECK_REJECTS(&s, "truncated LEB128 (relocation addend)");
	strbuf_release(&s);
	/* target_features: a bad prefix. */
	header(&s);
	leb(&c, 1); u8(&c, '?'); str(&c, "simd128");
	custom(&s, "target_features", &c);
	CHECK_REJECTS(&s, "feature 0: prefix 0x3f is not '+', '-' or '='");
	strbuf_release(&s);
	/* producers: a value count larger than the bytes left. */
	header(&s);
	leb(&c, 1); str(&c, "language"); leb(&c, 1000);
	custom(&s, "producers", &c);
	CHECK_REJECTS(&s, "producers value count 1000 is more than the 0 bytes left");
	strbuf_release(&s);
	/* name: a function-name subsection with a bad name. */
	header(&s);
	leb(&sub, 1); leb(&sub, 0); leb(&sub, 1); u8(&sub, 0xff);
	subsection(&c, 1, &sub);
	custom(&s, "name", &c);
	CHECK_REJECTS(&s, "function name is not valid UTF-8");
	strbuf_release(&s);
}

/* Truncating a valid module anywhere must give an error, never a crash. */
static void test_every_truncation(void)
{
	struct strbuf s = {0};
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

/* ---- checks against a main module -------------------------------------- */

/*
 * A main module: memory (shared or not) and a growable table, exports
 * stackAlloc, host_i64 (i64) -> i64, data_sym (a global), __cpp_exception
 * (a tag, when WASM_EH), and imports env.js_impl (i64) -> i64 from its JS.
 */
static void build_main(struct strbuf *s, int wasm_eh, int shared)
{
	struct strbuf b = {0};

	header(s);
	add_dylink0(s, 0, 0, NULL);
	add_types(s);
	leb(&b, 2);
	str(&b, "env"); str(&b, "js_impl"); u8(&b, 0); leb(&b, 3);
	str(&b, "env"); str(&b, "__indirect_function_table"); u8(&b, 1); u8(&b, 0x70); u8(&b, 0); leb(&b, 1);
	section(s, 2, &b);
	leb(&b, 2); leb(&b, 0); leb(&b, 3);
	section(s, 3, &b);
	leb(&b, 1);
	if (shared) {
		u8(&b, 3); leb(&b, 1); leb(&b, 100);
	} else {
		u8(&b, 0); leb(&b, 1);
	}
	section(s, 5, &b);
	if (wasm_eh) {
		leb(&b, 1); u8(&b, 0); leb(&b, 2);
		section(s, 13, &b);
	}
	leb(&b, 1); u8(&b, 0x7f); u8(&b, 0); u8(&b, 0x41); sleb(&b, 1024); u8(&b, 0x0b);
	section(s, 6, &b);
	leb(&b, wasm_eh ? 5 : 4);
	str(&b, "memory"); u8(&b, 2); leb(&b, 0);
	str(&b, "stackAlloc"); u8(&b, 0); leb(&b, 1);
	str(&b, "host_i64"); u8(&b, 0); leb(&b, 2);
	str(&b, "data_sym"); u8(&b, 3); leb(&b, 0);
	if (wasm_eh) {
		str(&b, "__cpp_exception"); u8(&b, 4); leb(&b, 0);
	}
	section(s, 7, &b);
	leb(&b, 2);
	leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	section(s, 10, &b);
}

/* A main module without WASM_BIGINT: it exports orig$foo; its JS implements js_impl. */
static void build_legalized_main(struct strbuf *s)
{
	struct strbuf b = {0};

	header(s);
	add_dylink0(s, 0, 0, NULL);
	add_types(s);
	leb(&b, 1); str(&b, "env"); str(&b, "js_impl"); u8(&b, 0); leb(&b, 3);
	section(s, 2, &b);
	leb(&b, 1); leb(&b, 3);
	section(s, 3, &b);
	leb(&b, 1); u8(&b, 0); leb(&b, 1);
	section(s, 5, &b);
	leb(&b, 2); str(&b, "memory"); u8(&b, 2); leb(&b, 0); str(&b, "orig$foo"); u8(&b, 0); leb(&b, 1);
	section(s, 7, &b);
	leb(&b, 1); leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
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
	struct strbuf b = {0};

	header(s);
	add_dylink0(s, 8, 2, NULL);
	add_types(s);
	leb(&b, 12);
	str(&b, "env"); str(&b, "memory"); u8(&b, 2);
	if (shared) {
		u8(&b, 3); leb(&b, 1); leb(&b, 100);
	} else {
		u8(&b, 0); leb(&b, 1);
	}
	str(&b, "env"); str(&b, "host_i64"); u8(&b, 0); leb(&b, (uint64_t)host_sig);
	str(&b, "env"); str(&b, "js_impl"); u8(&b, 0); leb(&b, 3);
	str(&b, "env"); str(&b, "missing_fn"); u8(&b, 0); leb(&b, 0);
	str(&b, "env"); str(&b, "_ZN4core3fmt5write"); u8(&b, 0); leb(&b, 0);
	str(&b, "env"); str(&b, "maybe"); u8(&b, 0); leb(&b, 0);
	str(&b, "GOT.mem"); str(&b, "data_sym"); u8(&b, 3); u8(&b, 0x7f); u8(&b, 1);
	str(&b, "GOT.mem"); str(&b, "nowhere"); u8(&b, 3); u8(&b, 0x7f); u8(&b, 1);
	str(&b, "GOT.func"); str(&b, "own_fn"); u8(&b, 3); u8(&b, 0x7f); u8(&b, 1);
	str(&b, "env"); str(&b, "invoke_vi"); u8(&b, 0); leb(&b, 2);
	str(&b, "env"); str(&b, "__cpp_exception"); u8(&b, 4); u8(&b, 0); leb(&b, 2);
	str(&b, "other"); str(&b, "thing"); u8(&b, 0); leb(&b, 0);
	section(s, 2, &b);
	leb(&b, 1); leb(&b, 0);
	section(s, 3, &b);
	leb(&b, 1); str(&b, "own_fn"); u8(&b, 0); leb(&b, 7);  /* after 7 imported functions */
	section(s, 7, &b);
	leb(&b, 1); leb(&b, 2); u8(&b, 0); u8(&b, 0x0b);
	section(s, 10, &b);
}

static void test_against(void)
{
	struct strbuf ms = {0}, ss = {0};
	struct wasm_module main, side;
	struct wasm_findings f = {0};
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
		CHECK_HAS(fd->message, "imports env.host_i64 (i32) -> (), but the main module exports host_i64 (i64) -> i64");
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

/* ---- JSON --------------------------------------------------------------- */

static void test_json(void)
{
	static const char *const keys[] = {
		"file", "kind", "kind_reason", "size", "sections", "custom_sections", "imports", "exports",
		"functions", "counts", "start", "memories", "tables", "producers", "target_features",
		"dylink", "linking", "relocations", "relocation_types", "bitcode", "members", "facts",
		"notes", "findings",
	};
	struct strbuf s = {0};
	struct wasm_module m;
	struct wasm_findings f = {0};
	cJSON *root, *item;

	build_object(&s, 0);
	CHECK_INT(inspect(&s, &m), 0);
	wasm_check_module(&m, &f);
	root = wasm_module_to_json(&m, &f);
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		CHECK(cJSON_GetObjectItemCaseSensitive(root, keys[i]) != NULL);
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(root, "kind")->valuestring, "object");
	item = cJSON_GetObjectItemCaseSensitive(root, "custom_sections");
	CHECK_INT(cJSON_GetArraySize(item), 2);
	CHECK_STR(cJSON_GetArrayItem(item, 0)->valuestring, "linking");
	CHECK_STR(cJSON_GetArrayItem(item, 1)->valuestring, "reloc.CODE");
	item = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "imports"), 1);
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "module")->valuestring, "env");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "name")->valuestring, "host_i64");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "kind")->valuestring, "func");
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(item, "signature")->valuestring, "(i64) -> i64");
	CHECK_INT(cJSON_GetObjectItemCaseSensitive(root, "functions")->valueint, 1);
	item = cJSON_GetObjectItemCaseSensitive(root, "relocation_types");
	CHECK_INT(cJSON_GetArraySize(item), 2);
	CHECK_STR(cJSON_GetArrayItem(item, 0)->valuestring, "R_WASM_FUNCTION_INDEX_LEB");
	CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(root, "dylink")));
	item = cJSON_GetObjectItemCaseSensitive(root, "linking");
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(item, "symbols")), 5);
	item = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "findings"), 0);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "class") != NULL);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "message") != NULL);
	CHECK(cJSON_GetObjectItemCaseSensitive(item, "severity") != NULL);
	cJSON_Delete(root);
	wasm_findings_release(&f);

	root = wasm_module_to_json(&m, NULL);
	CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "findings")), 0);
	cJSON_Delete(root);
	wasm_module_release(&m);
	strbuf_release(&s);
}

/* ---- committed fixtures (tests/wasm) ----------------------------------- */

static char *fixture(const char *name)
{
	const char *src = getenv("EMCOMPAT_SOURCE_DIR");

	return xasprintf("%s/tests/wasm/%s", src ? src : ".", name);
}

/* Reads the fixture NAME, and computes its facts as inspect() does. */
static int load(const char *name, struct wasm_module *m)
{
	char *path = fixture(name);
	int rc = wasm_inspect_file(path, m);

	if (rc)
		fprintf(stderr, "%s\n", error_message());
	else
		wasm_compute_facts(m);
	free(path);
	return rc;
}

/* The readers return what the binary holds: the facts are the checker's,
 * computed when asked (and the same when asked twice). */
static void test_reader_leaves_facts(void)
{
	struct strbuf ss = {0};
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
	struct wasm_findings f = {0};

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
		CHECK_HAS(error_message(), "truncated.wasm: offset 0x14d: section 10 (code) runs past the end of the file");
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
			struct wasm_findings f = {0};
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
		{ "emcc605-side.wasm", NULL, 0 }, { "rust196-probe.rlib", NULL, 0 },
		{ "emcc605-main-wasm-eh.wasm", NULL, 0 }, { "emcc605-object.bc", NULL, 0 },
		{ NULL, NULL, 0 },
	};
	pthread_t t[6];

	for (struct job *j = jobs; j->name; j++) {
		struct wasm_module m;
		struct wasm_findings f = {0};
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
	test_bitcode();
	test_embedded_bitcode();
	test_gnu_archive();
	test_bsd_archive();
	test_archive_malformed();
	test_malformed_header();
	test_malformed_leb();
	test_malformed_sections();
	test_malformed_names();
	test_malformed_custom_sections();
	test_every_truncation();
	test_against();
	test_parse_llvm_version();
	test_json();
	test_reader_leaves_facts();
	test_fixtures();
	test_threads();
	return check_done();
}
