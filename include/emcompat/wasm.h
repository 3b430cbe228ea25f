/*
 * wasm: the readers of what a Rust/Emscripten build produces — wasm objects
 * (.o), side modules and main modules (.wasm), LLVM bitcode (.bc, LTO
 * objects) and ar archives (.a, .rlib) — and the module they return. One
 * reader per format: wasm.c, bitcode.c, ar.c; wasm_inspect.c tells the
 * formats apart. The readers return what the binary holds and nothing
 * more: the compatibility facts and the checks that predict whether a side
 * module will load into a given main module are wasm_check.h's, the stable
 * JSON form (emcompat inspect --json) is wasm_json.h's.
 *
 * The reader is strict and bounds-checked everywhere. Every length, count
 * and index is checked against the bytes that remain before anything is
 * read or allocated, so a truncated or hostile file gives an error naming
 * the file, the absolute offset and what was expected:
 *
 *   x.wasm: offset 0x1f3: section 10 (code) runs past the end of the file (size 0x1c0, 0x12 bytes left)
 *   lib.a(a.o): offset 0x9e: section 2 (import): import count 4000 is more than the 12 bytes left in the section can hold
 *
 * and never a crash or an overread. What wasm engines and wasm-ld reject is
 * rejected (sections out of order or repeated, unknown section ids, LEB128
 * over 5 bytes for a u32, names that are not UTF-8, type or function
 * indices out of range, function and code counts that differ, duplicate
 * export names); the known custom sections (name, producers,
 * target_features, linking, reloc.*, dylink.0, dylink) are read as strictly,
 * since the tool that consumes each one (wasm-ld, the dynamic loader)
 * rejects them too. Unknown custom sections and unknown subsections are
 * skipped by their size. A relocation type newer than this reader stops
 * that reloc section with a note in `notes` instead of failing the file.
 * Limits of the reader, not of wasm: names containing NUL are refused; GC
 * type definitions (struct, array, rec) are refused.
 *
 * Ownership: a struct wasm_module owns every string and array reachable
 * from it (they live in its arena), until wasm_module_release(). Nothing is
 * borrowed from the input buffer, which may be freed after the call.
 *
 * Threads: no global state. Separate modules may be read and checked on
 * separate threads at once; error() state is per thread. A module that
 * is only read (checks, JSON; after wasm_compute_facts()) may be shared
 * between threads.
 */
#ifndef EMCOMPAT_WASM_H
#define EMCOMPAT_WASM_H

#include <stddef.h>
#include <stdint.h>

enum wasm_kind {
	WASM_KIND_OBJECT,       /* relocatable object: has a "linking" section */
	WASM_KIND_SIDE_MODULE,  /* has dylink.0 (or dylink), no main-module runtime */
	WASM_KIND_MAIN_MODULE,  /* has dylink.0 and the Emscripten runtime (see kind_reason) */
	WASM_KIND_MODULE,       /* a plain module: neither linking nor dylink */
	WASM_KIND_BITCODE,      /* LLVM bitcode, raw ('BC' 0xC0DE) or wrapped (0x0B17C0DE) */
	WASM_KIND_ARCHIVE,      /* ar archive (.a, .rlib), GNU or BSD names */
};

/* "object", "side_module", "main_module", "module", "bitcode", "archive". */
const char *wasm_kind_name(enum wasm_kind kind);

/* Section ids (WASM_SEC_CUSTOM = 0 ... WASM_SEC_TAG = 13). */
enum wasm_section_id {
	WASM_SEC_CUSTOM,
	WASM_SEC_TYPE,
	WASM_SEC_IMPORT,
	WASM_SEC_FUNCTION,
	WASM_SEC_TABLE,
	WASM_SEC_MEMORY,
	WASM_SEC_GLOBAL,
	WASM_SEC_EXPORT,
	WASM_SEC_START,
	WASM_SEC_ELEMENT,
	WASM_SEC_CODE,
	WASM_SEC_DATA,
	WASM_SEC_DATACOUNT,
	WASM_SEC_TAG,
};

/* "custom", "type", ... "datacount", "tag"; "unknown" past WASM_SEC_TAG. */
const char *wasm_section_name(unsigned id);

/* Import and export kinds, as encoded in the binary. */
enum wasm_extern {
	WASM_EXTERN_FUNC,
	WASM_EXTERN_TABLE,
	WASM_EXTERN_MEMORY,
	WASM_EXTERN_GLOBAL,
	WASM_EXTERN_TAG,
};

/* "func", "table", "memory", "global", "tag". */
const char *wasm_extern_name(enum wasm_extern kind);

/*
 * A value type. CODE is the binary code: 0x7f i32, 0x7e i64, 0x7d f32,
 * 0x7c f64, 0x7b v128, 0x70 funcref, 0x6f externref, 0x69 exnref, the
 * other one-byte reference abbreviations, or 0x64 (ref HT) / 0x63
 * (ref null HT), where HEAP is the abstract heap type byte, or 0 when the
 * heap type is the type index INDEX.
 */
struct wasm_valtype {
	uint8_t code;
	uint8_t heap;
	uint32_t index;
};

struct wasm_functype {
	uint32_t nparams, nresults;
	struct wasm_valtype *params, *results;
};

/* Limits of a memory (in pages) or a table (in elements). */
struct wasm_limits {
	uint64_t min, max;
	int has_max, shared, is64;
	uint32_t page_log2;  /* memory: log2 of the page size (16 unless custom) */
};

struct wasm_import {
	const char *module, *name;
	enum wasm_extern kind;
	uint32_t type;                /* FUNC, TAG: index into types */
	struct wasm_valtype valtype;  /* GLOBAL: the value type; TABLE: element type */
	int is_mutable;               /* GLOBAL */
	struct wasm_limits limits;    /* TABLE, MEMORY */
	const char *signature;        /* see "Signatures" below */
};

struct wasm_export {
	const char *name;
	enum wasm_extern kind;
	uint32_t index;               /* in its kind's index space, imports first */
	const char *signature;
};

/* A section in file order. OFFSET is the absolute offset of its id byte. */
struct wasm_section {
	uint8_t id;
	const char *name;             /* custom: its name; else wasm_section_name(id) */
	size_t offset, size;          /* SIZE: of the payload, after the size LEB */
};

/* One producers entry: FIELD is "language", "processed-by" or "sdk". */
struct wasm_producer {
	const char *field, *name, *version;
};

/* One target_features entry: PREFIX '+' (used), '-' (disallowed), '=' (required). */
struct wasm_feature {
	char prefix;
	const char *name;
};

/* Symbol flags (linking symbol table; dylink.0 export and import info). */
enum {
	WASM_SYM_BINDING_WEAK = 0x1,
	WASM_SYM_BINDING_LOCAL = 0x2,
	WASM_SYM_VISIBILITY_HIDDEN = 0x4,
	WASM_SYM_UNDEFINED = 0x10,
	WASM_SYM_EXPORTED = 0x20,
	WASM_SYM_EXPLICIT_NAME = 0x40,
	WASM_SYM_NO_STRIP = 0x80,
	WASM_SYM_TLS = 0x100,
	WASM_SYM_ABSOLUTE = 0x200,
};

/* A dylink.0 export-info (MODULE NULL) or import-info entry. */
struct wasm_dylink_info {
	const char *module, *name;
	uint32_t flags;               /* WASM_SYM_* */
};

struct wasm_dylink {
	const char *section;          /* "dylink.0", "dylink" (legacy), or NULL: none */
	uint32_t mem_size, mem_p2align, table_size, table_p2align;
	size_t nneeded, nexport_info, nimport_info, nruntime_path;
	const char **needed;          /* dynamic libraries it needs, e.g. "libfoo.so" */
	struct wasm_dylink_info *export_info, *import_info;
	const char **runtime_path;
};

enum wasm_symbol_kind {
	WASM_SYMBOL_FUNCTION,
	WASM_SYMBOL_DATA,
	WASM_SYMBOL_GLOBAL,
	WASM_SYMBOL_SECTION,
	WASM_SYMBOL_TAG,
	WASM_SYMBOL_TABLE,
};

/* "function", "data", "global", "section", "tag", "table". */
const char *wasm_symbol_kind_name(enum wasm_symbol_kind kind);

struct wasm_symbol {
	enum wasm_symbol_kind kind;
	uint32_t flags;               /* WASM_SYM_* */
	const char *name;             /* undefined, no explicit name: the import's */
	uint32_t index;               /* FUNCTION/GLOBAL/TAG/TABLE/SECTION; DATA: segment */
	uint64_t offset, size;        /* DATA, when defined */
};

struct wasm_segment_info {
	const char *name;
	uint32_t p2align, flags;
};

struct wasm_linking {
	int present;
	uint32_t version;             /* 2 for every LLVM since 8 */
	size_t nsymbols, nsegments, ninit_funcs, ncomdats;
	struct wasm_symbol *symbols;
	struct wasm_segment_info *segments;
};

/* Relocation types R_WASM_* 0 .. WASM_RELOC_KNOWN - 1 are known. */
#define WASM_RELOC_KNOWN 27

/* "R_WASM_FUNCTION_INDEX_LEB" ...; NULL for an unknown type. */
const char *wasm_reloc_name(unsigned type);

struct wasm_reloc_section {
	const char *name;             /* "reloc.CODE", "reloc.DATA", "reloc..debug_info" */
	uint32_t target;              /* index of the section it applies to */
	uint32_t count;               /* entries read */
	uint32_t type_count[WASM_RELOC_KNOWN];
};

/* LLVM bitcode: a whole file, or embedded in a wasm object's .llvmbc section. */
struct wasm_bitcode {
	int present;
	int wrapper;                  /* inside a 0x0B17C0DE wrapper */
	size_t offset, size;          /* absolute, of the bitcode proper */
	const char *producer;         /* IDENTIFICATION string, e.g. "LLVM22.1.8"; NULL: none */
	const char *llvm_version;     /* from the producer: "22.1.8"; NULL: unknown */
	uint32_t epoch;
};

enum wasm_member_kind {
	WASM_MEMBER_SYMTAB,           /* "/", "/SYM64/", "__.SYMDEF" */
	WASM_MEMBER_RMETA,            /* Rust metadata: lib.rmeta */
	WASM_MEMBER_WASM,             /* a wasm file: see module */
	WASM_MEMBER_BITCODE,          /* LLVM bitcode: see module */
	WASM_MEMBER_OTHER,
};

/* "symtab", "rmeta", "wasm", "bitcode", "other". */
const char *wasm_member_kind_name(enum wasm_member_kind kind);

struct wasm_member {
	const char *name;             /* GNU "//" long names and BSD "#1/N" resolved */
	size_t offset, size;          /* absolute, of the member's data */
	enum wasm_member_kind kind;
	struct wasm_module *module;   /* WASM, BITCODE: read as its own module */
};

/* Exception handling a module uses, or (main module) provides. */
enum wasm_eh {
	WASM_EH_NONE,                 /* no sign of either */
	WASM_EH_JS,                   /* invoke_* imports (Emscripten JS exceptions/longjmp) */
	WASM_EH_WASM,                 /* tags: defined, imported or exported */
	WASM_EH_MIXED,                /* both */
};

/* "none", "js", "wasm", "mixed". */
const char *wasm_eh_name(enum wasm_eh eh);

/* Whether i64 crosses the JS boundary as BigInt (Emscripten WASM_BIGINT). */
enum wasm_bigint {
	WASM_BIGINT_UNKNOWN,          /* no i64 at the boundary, no legalization */
	WASM_BIGINT_ON,               /* i64 in signatures, no legalization */
	WASM_BIGINT_OFF,              /* legalized: orig$X / dynCall_*j* exports, legalstub$ names */
};

/* "unknown", "on", "off". */
const char *wasm_bigint_name(enum wasm_bigint b);

/*
 * Compatibility facts, computed from the module alone by wasm_compute_facts()
 * (wasm_check.h). The readers leave them zero.
 */
struct wasm_facts {
	enum wasm_eh eh;
	const char *eh_evidence;      /* e.g. "imports tag env.__cpp_exception"; NULL: none */
	enum wasm_bigint bigint;
	const char *bigint_evidence;  /* e.g. "exports orig$add64"; NULL: none */
	size_t ni64_imports, ni64_exports;  /* functions with i64 in their signature */
	const char **i64_imports;     /* "env.host_i64" */
	const char **i64_exports;     /* "add64" (orig$ and dynCall_ exports left out) */
	int imports_get_now;          /* imports env.emscripten_get_now */
	int imports_get_now_underscore; /* imports env._emscripten_get_now */
	int has_embedded_bitcode;     /* object with a .llvmbc section (see bitcode) */
};

struct wasm_module {
	const char *path;             /* the label used in messages: "x.wasm", "lib.a(a.o)" */
	enum wasm_kind kind;
	const char *kind_reason;      /* why this kind, e.g. "has a dylink.0 section and exports stackAlloc" */
	size_t file_size;
	uint32_t version;             /* wasm: 1 */

	size_t nsections;
	struct wasm_section *sections;

	size_t ntypes;
	struct wasm_functype *types;
	size_t nimports;
	struct wasm_import *imports;
	size_t nexports;
	struct wasm_export *exports;

	/* Index spaces: imported entries first, then defined ones. */
	size_t nimported_funcs, nfuncs;           /* NFUNCS: defined functions */
	uint32_t *func_types;                     /* defined functions' type indices */
	size_t nimported_tables, ntables;
	struct wasm_valtype *table_types;
	struct wasm_limits *table_limits;
	size_t nimported_memories, nmemories;
	struct wasm_limits *memories;
	size_t nimported_globals, nglobals;
	struct wasm_valtype *global_types;
	int *global_mutable;
	size_t nimported_tags, ntags;
	uint32_t *tag_types;

	int has_start;
	uint32_t start;
	size_t nelem_segments, nelements;
	int has_datacount;
	uint32_t datacount;
	size_t ndata_segments;
	uint64_t data_bytes, code_bytes;

	const char *module_name;      /* name section: module name, or NULL */
	size_t nfunction_names;       /* name section: named functions */
	size_t nlegal_names;          /* ...named legalstub$ / legalfunc$ / legalimport$ */

	size_t nproducers;
	struct wasm_producer *producers;
	size_t nfeatures;
	struct wasm_feature *features;
	struct wasm_dylink dylink;
	struct wasm_linking linking;
	size_t nrelocs;
	struct wasm_reloc_section *relocs;
	struct wasm_bitcode bitcode;  /* BITCODE kind, or an object's .llvmbc */

	size_t nmembers;              /* ARCHIVE */
	struct wasm_member *members;

	struct wasm_facts facts;

	size_t nnotes;                /* non-fatal oddities, e.g. an unknown reloc type */
	const char **notes;

	void *arena_;                 /* private: owns everything above */
};

/*
 * Reads the file at PATH into *OUT (which it initialises). Recognises wasm
 * ("\0asm" version 1), bitcode and ar archives by their magic; anything else
 * is an error. Returns 0, or -1 with error(EC_EXIT_INPUT, "PATH: offset
 * 0x..: ...") and *OUT released: a file that cannot be read or is not
 * valid is bad input.
 */
int wasm_inspect_file(const char *path, struct wasm_module *out);

/*
 * The same for the LEN bytes at DATA, named LABEL in messages. DATA is
 * only read during the call.
 */
int wasm_inspect_buffer(const char *label, const uint8_t *data, size_t len, struct wasm_module *out);

/* Frees everything *M owns (also archive members); M may be zeroed or released. */
void wasm_module_release(struct wasm_module *m);

/*
 * Signatures, as wasm_import.signature and wasm_export.signature hold them:
 *   func    "(i32, i64) -> i32", "() -> ()", "(f64) -> (i32, i32)"
 *   tag     "(i32)" (the tag's parameters)
 *   global  "i32", "mut i64"
 *   memory  "pages 1..256", "pages 1.. shared", "pages 1.. i64"
 *   table   "funcref 0..", "funcref 5..5"
 * Reference types print as funcref, externref, exnref, "(ref null func)",
 * "(ref 3)". Equal function types print equal, so they compare as strings.
 */

#endif
