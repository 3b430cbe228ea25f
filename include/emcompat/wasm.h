/*
 * wasm: a reader for what a Rust/Emscripten build produces — wasm objects
 * (.o), side modules and main modules (.wasm), LLVM bitcode (.bc, LTO
 * objects) and ar archives (.a, .rlib) — and the static checks that predict
 * whether a side module will load into a given main module.
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
 * is only read (checks, JSON) may be shared between threads.
 */
#ifndef EMCOMPAT_WASM_H
#define EMCOMPAT_WASM_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

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
	WASM_SEC_CUSTOM, WASM_SEC_TYPE, WASM_SEC_IMPORT, WASM_SEC_FUNCTION,
	WASM_SEC_TABLE, WASM_SEC_MEMORY, WASM_SEC_GLOBAL, WASM_SEC_EXPORT,
	WASM_SEC_START, WASM_SEC_ELEMENT, WASM_SEC_CODE, WASM_SEC_DATA,
	WASM_SEC_DATACOUNT, WASM_SEC_TAG,
};

/* "custom", "type", ... "datacount", "tag"; "unknown" past WASM_SEC_TAG. */
const char *wasm_section_name(unsigned id);

/* Import and export kinds, as encoded in the binary. */
enum wasm_extern {
	WASM_EXTERN_FUNC, WASM_EXTERN_TABLE, WASM_EXTERN_MEMORY,
	WASM_EXTERN_GLOBAL, WASM_EXTERN_TAG,
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
	WASM_SYMBOL_FUNCTION, WASM_SYMBOL_DATA, WASM_SYMBOL_GLOBAL,
	WASM_SYMBOL_SECTION, WASM_SYMBOL_TAG, WASM_SYMBOL_TABLE,
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

/* Compatibility facts, computed from the module alone while reading it. */
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
int wasm_inspect_buffer(const char *label, const uint8_t *data, size_t len,
			struct wasm_module *out);

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

/* ---- checks ---------------------------------------------------------- */

enum wasm_severity {
	WASM_SEVERITY_INFO,           /* a fact worth knowing; nothing fails */
	WASM_SEVERITY_WARNING,        /* fails unless something we cannot see provides it */
	WASM_SEVERITY_ERROR,          /* predicted to fail at load (or first call) */
};

/* "info", "warning", "error". */
const char *wasm_severity_name(enum wasm_severity s);

/*
 * A finding. CLASS_ID is a stable snake_case id:
 *   bigint_i64_boundary            i64 in an imported/exported function signature
 *                                  (needs WASM_BIGINT at the JS boundary)
 *   eh_wasm / eh_js / eh_mixed     the exception-handling kind a module uses (info)
 *   emscripten_get_now_misspelled  imports _emscripten_get_now (the JS name;
 *                                  the C symbol is emscripten_get_now)
 *   needs_dynamic_library          dylink.0 lists a needed library (info)
 *   missing_main_export            an import the main module's wasm neither exports
 *                                  nor imports (GOT.mem/GOT.func/global/tag: fails at
 *                                  load; a function: the loader installs a lazy stub,
 *                                  the first call fails, unless the main's JS has it)
 *   import_signature_mismatch      the main exports it with another signature
 *                                  (a LinkError at instantiation)
 *   import_kind_mismatch           the main exports it as another kind
 *   unknown_import_module          an import from a module the loader does not
 *                                  provide (only env, wasi_snapshot_preview1, GOT.*)
 *   eh_tag_import_mismatch         side imports a tag (__cpp_exception, __c_longjmp)
 *                                  the main does not export, or with another type
 *   eh_js_invoke_in_wasm_eh_host   side uses JS EH (invoke_*) in a wasm-EH main module,
 *                                  whose loader creates no invoke_* wrappers
 *   bigint_legalization_mismatch   one side legalizes i64 and the other does not
 *   memory_import_mismatch         shared / memory64 / max limits of env.memory differ
 *   table_import_mismatch          table limits or element type differ, or the main's
 *                                  table cannot grow by the side's table_size
 *   main_not_dynamic               the "main" has no dylink section: not MAIN_MODULE
 *   llvm_bitcode_newer_than_linker bitcode from a newer LLVM major than the linker's
 *   llvm_bitcode_unknown_producer  bitcode without an IDENTIFICATION producer (info)
 * SUBJECT is what it is about (an import "env.foo", an export, a member), or NULL.
 */
struct wasm_finding {
	const char *class_id;         /* static string */
	enum wasm_severity severity;
	char *subject;                /* owned; may be NULL */
	char *message;                /* owned */
};

/* Zero-initialise; wasm_findings_release() frees. */
struct wasm_findings {
	size_t n, cap;
	struct wasm_finding *items;
};

void wasm_findings_release(struct wasm_findings *f);

/* How many findings have severity at least S. */
size_t wasm_findings_count(const struct wasm_findings *f, enum wasm_severity s);

/*
 * Appends the findings M shows on its own (i64 boundary, EH kind,
 * _emscripten_get_now, needed libraries; for an archive, those of every
 * member, with the member as subject).
 */
void wasm_check_module(const struct wasm_module *m, struct wasm_findings *out);

/*
 * Appends the findings of loading SIDE (a side module, or an object,
 * module or archive of them) into MAIN (an Emscripten main module's .wasm
 * or pyodide.asm.wasm): every SIDE import the MAIN wasm does not satisfy,
 * EH and BigInt mismatches, memory and table limits, and, when MAIN names
 * its LLVM in a producers section, bitcode newer than it. Returns 0, or -1
 * with error(EC_EXIT_INPUT) when MAIN is an object, side module, bitcode or
 * archive (a plain module gives the finding main_not_dynamic instead).
 */
int wasm_check_against(const struct wasm_module *side, const struct wasm_module *main,
		       struct wasm_findings *out);

/*
 * Appends llvm_bitcode_newer_than_linker for each bitcode in M (the file,
 * archive members, .llvmbc sections) made by an LLVM whose major version
 * is newer than LINKER_LLVM ("14.0.6", "22"). Returns 0, or -1 with
 * error(EC_EXIT_INPUT) when LINKER_LLVM is not a version.
 */
int wasm_check_linker_llvm(const struct wasm_module *m, const char *linker_llvm,
			   struct wasm_findings *out);

/*
 * What `emcompat inspect PATH [--against AGAINST] [--llvm LINKER_LLVM]`
 * does before it prints: reads PATH into *M and, when AGAINST is not NULL,
 * the main module into *MAIN (zeroed otherwise), and fills *F with the
 * findings of wasm_check_module, wasm_check_against (AGAINST) and
 * wasm_check_linker_llvm (LINKER_LLVM not NULL). Returns 0; or -1 with
 * error() from the step that failed, and M, MAIN and F released.
 */
int wasm_inspect_checked(const char *path, const char *against, const char *linker_llvm,
			 struct wasm_module *m, struct wasm_module *main, struct wasm_findings *f);

/*
 * Parses "LLVM22.1.4-rust-1.97.0-nightly", "22.1.8" or "clang version 22.1.8"
 * into major, minor, patch (missing parts 0). Returns 0, or -1 (no error()).
 */
int wasm_parse_llvm_version(const char *s, unsigned *major, unsigned *minor, unsigned *patch);

/* ---- JSON ------------------------------------------------------------ */

/*
 * The stable JSON form of M and FINDINGS (FINDINGS may be NULL: []),
 * as `emcompat inspect --json` prints it. Keys, always present:
 *
 *   file             the label (path)
 *   kind             wasm_kind_name()
 *   kind_reason      why that kind
 *   size             bytes
 *   sections         [{"id","name","offset","size"}] in file order (wasm)
 *   custom_sections  [name] in file order
 *   imports          [{"module","name","kind","signature"}]
 *   exports          [{"name","kind","signature"}]
 *   functions        number of defined functions
 *   counts           {"types","imports","imported_functions","functions","tables",
 *                     "memories","globals","tags","exports","elements",
 *                     "data_segments","code_bytes","data_bytes"}
 *   start            function index, or null
 *   memories         [{"imported","min","max"(null: none),"shared","memory64"}]
 *   tables           [{"imported","type","min","max"}]
 *   producers        {"language":[{"name","version"}],"processed-by":[...],...}
 *   target_features  ["+bulk-memory", "-atomics", ...]
 *   dylink           null, or {"section","memory_size","memory_align","table_size",
 *                     "table_align","needed":[..],"export_info":[{"name","flags":[..]}],
 *                     "import_info":[{"module","name","flags":[..]}],"runtime_path":[..]}
 *                     (aligns are log2; flags are "weak","local","hidden",
 *                     "undefined","exported","explicit_name","no_strip","tls",
 *                     "absolute", or "0x.." for unknown bits)
 *   linking          null, or {"version","symbols":[{"kind","name","flags","index"}],
 *                     "segments":[{"name","align","flags"}],"init_funcs","comdats"}
 *   relocations      [{"section","target","target_name","count","types":{"R_WASM_..":n}}]
 *   relocation_types ["R_WASM_..."]: every type used, in type-code order
 *   bitcode          null, or {"producer","llvm_version","epoch","wrapper","offset","size"}
 *   members          archive: [{"name","kind","offset","size","module"}] (module: this
 *                    same object for wasm and bitcode members, else null); else []
 *   facts            {"exceptions","exceptions_evidence","bigint","bigint_evidence",
 *                     "i64_imports":[..],"i64_exports":[..],"imports_emscripten_get_now",
 *                     "imports__emscripten_get_now","embedded_bitcode"}
 *   notes            [string]
 *   findings         [{"class","severity","subject","message"}]
 *
 * Strings that are absent are null; arrays are never null. The caller
 * owns the tree (cJSON_Delete).
 */
cJSON *wasm_module_to_json(const struct wasm_module *m, const struct wasm_findings *findings);

#endif
