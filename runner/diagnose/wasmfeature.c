#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "textscan.h"
#include "wasmfeature.h"

/* The features found so far, each once. */
struct found {
	const char **names;
	size_t n;
};

static void add(struct found *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->names[i], name) == 0)
			return;
	if (f->n < WASMFEATURE_MAX)
		f->names[f->n++] = name;
}

/* A feature under another name: V8's --experimental-wasm-NAME flags, words of prose. */
static const struct {
	const char *alias, *name;
} feature_aliases[] = {
	{ "eh", "exception-handling" },
	{ "exnref", "exception-handling" },
	{ "legacy-eh", "exception-handling" },
	{ "exceptions", "exception-handling" },
	{ "simd", "simd128" },
	{ "threads", "atomics" },
	{ "return-call", "tail-call" },
	{ "mv", "multivalue" },
	{ "multi-value", "multivalue" },
	{ "reftypes", "reference-types" },
	{ "anyref", "reference-types" },
	{ "sat-f2i-conversions", "nontrapping-fptoint" },
	{ "se", "sign-ext" },
	{ "bigint", "bigint" },
	{ "type-reflection", "type-reflection" },
	{ "stringref", "stringref" },
	{ "memory64", "memory64" },
	{ "gc", "gc" },
	{ "bulk-memory", "bulk-memory" },
	{ "tail-call", "tail-call" },
	{ "typed-funcref", "reference-types" },
	{ "multi-memory", "multimemory" },
	{ "extended-const", "extended-const" },
	{ "relaxed-simd", "relaxed-simd" },
	{ "jspi", "jspi" },
	{ "stack-switching", "jspi" },
	{ "wasmfx", "stack-switching" },
	{ "imported-strings", "imported-strings" },
	{ "custom-descriptors", "custom-descriptors" },
	{ "fp16", "fp16" },
};

/* Whether flag word [S, S+N) is ALIAS, '_' and '-' alike (V8 takes both: sat_f2i_conversions). */
static int flag_is(const char *s, size_t n, const char *alias)
{
	if (strlen(alias) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);

		if (c != alias[i])
			return 0;
	}
	return 1;
}

/* Features named in prose ("Bulk memory operations require bulk memory"), lower case. */
static const struct {
	const char *phrase, *name;
} feature_phrases[] = {
	{ "bulk memory", "bulk-memory" },
	{ "exception handling", "exception-handling" },
	{ "reference types", "reference-types" },
	{ "sign extension", "sign-ext" },
	{ "tail call", "tail-call" },
	{ "multi value", "multivalue" },
	{ "shared memory", "shared-memory" },
	{ "nontrapping float-to-int", "nontrapping-fptoint" },
	{ "multi-value", "multivalue" },
	/* SpiderMonkey: "(Structure|reference) types not enabled", "v128 not enabled" */
	{ "structure types", "gc" },
	/* V8 on a CPU without SSE4.1: "Wasm SIMD unsupported" */
	{ "wasm simd", "simd128" },
	/*
	 * wasmparser (wasmtime, wasmer, wasm-tools): "<feature> support is not
	 * enabled", "exceptions proposal not enabled", "threads must be enabled
	 * for shared memories"
	 */
	{ "simd support", "simd128" },
	{ "relaxed simd", "relaxed-simd" },
	{ "threads support", "atomics" },
	{ "threads must be enabled", "atomics" },
	{ "saturating float to int", "nontrapping-fptoint" },
	{ "exceptions support", "exception-handling" },
	{ "exceptions proposal", "exception-handling" },
	{ "function references", "reference-types" },
	{ "mutable global support", "mutable-globals" },
	{ "gc support", "gc" },
	{ "gc proposal", "gc" },
	/* JavaScriptCore: "WebAssembly.Module doesn't parse at byte N: references are not enabled" */
	{ "references are not enabled", "reference-types" },
	/* and its "wasm exceptions are not enabled", "Wasm GC is not enabled", "SIMD must be enabled" */
	{ "wasm exceptions are not enabled", "exception-handling" },
	{ "wasm gc is not enabled", "gc" },
	{ "simd must be enabled", "simd128" },
	/*
	 * i64 at the JS boundary in an engine without BigInt integration
	 * (Node < 15, Chrome < 85, Firefox < 78, Safari < 14.1): V8's "wasm
	 * function signature contains illegal type", SpiderMonkey's "cannot pass
	 * i64 to or from JS", JavaScriptCore's "i64 not allowed as return type or
	 * argument to an imported function".
	 */
	{ "signature contains illegal type", "bigint" },
	{ "cannot pass i64 to or from js", "bigint" },
	{ "i64 not allowed as return type or argument", "bigint" },
	/* JavaScriptCore before BigInt integration: "imported global env:g cannot be an i64" */
	{ "cannot be an i64", "bigint" },
	/*
	 * An engine without BigInt (Safari < 14) or its typed arrays (Safari <
	 * 15), which glue built with WASM_BIGINT uses: V8's and SpiderMonkey's
	 * "BigInt64Array is not defined", JavaScriptCore's "Can't find variable: BigInt"
	 */
	{ "bigint is not defined", "bigint" },
	{ "bigint64array is not defined", "bigint" },
	{ "biguint64array is not defined", "bigint" },
	{ "can't find variable: bigint", "bigint" },
	/* V8 before the feature: the data count section (12) of bulk memory, the tag section (13) */
	{ "unknown section code #0x0c", "bulk-memory" },
	{ "unknown section code #0x0d", "exception-handling" },
	/* V8 before the feature: a tag import (kind 4) of exception handling */
	{ "unknown import kind 0x04", "exception-handling" },
	/*
	 * call_indirect's table index as the MVP's one reserved zero byte: LLVM with reference types
	 * writes it as a 5-byte LEB (80 80 80 80 00), which V8 without reftypes refuses ("expected
	 * table index 0, found %u") and JavaScriptCore before them too
	 */
	{ "expected table index 0, found", "reference-types" },
	{ "call_indirect's 'reserved' varuint1 must be 0x0", "reference-types" },
	/*
	 * wazero's feature names (api/features.go), as its validator refuses one: "feature
	 * \"sign-extension-ops\" is disabled"; the quoted "simd" and "threads" are no common words
	 */
	{ "sign-extension-ops", "sign-ext" },
	{ "nontrapping-float-to-int-conversion", "nontrapping-fptoint" },
	{ "bulk-memory-operations", "bulk-memory" },
	{ "mutable-global", "mutable-globals" },
	{ "feature \"simd\"", "simd128" },
	{ "feature \"threads\"", "atomics" },
	/*
	 * WasmEdge's proposal names (include/common/enum.inc) in its loader's "This instruction or
	 * syntax requires enabling <name> proposal" (lib/common/errinfo.cpp)
	 */
	{ "sign-extension operators", "sign-ext" },
	{ "non-trapping float-to-int", "nontrapping-fptoint" },
	{ "fixed-width simd", "simd128" },
	{ "import/export of mutable globals", "mutable-globals" },
	{ "enabling threads proposal", "atomics" },
	{ "enabling garbage collection", "gc" },
	{ "enabling multiple memories", "multimemory" },
	/* WasmEdge 0.14+ takes only the final exception handling: the legacy instructions are refused */
	{ "deprecated `try` instruction", "exception-handling" },
	{ "deprecated `catch` instruction", "exception-handling" },
	{ "deprecated `catch_all` instruction", "exception-handling" },
	{ "deprecated `delegate` instruction", "exception-handling" },
	{ "deprecated `rethrow` instruction", "exception-handling" },
	/*
	 * V8 before the feature refuses the section it knows by name but does not decode
	 * (module-decoder-impl.h: "unexpected section <%s>", SectionName: DataCount, Tag, once
	 * Exception); an ordered section out of place has no such name
	 */
	{ "unexpected section <datacount>", "bulk-memory" },
	{ "unexpected section <tag>", "exception-handling" },
	{ "unexpected section <exception>", "exception-handling" },
	/* V8's prefixed opcodes it does not know (function-body-decoder-impl.h) */
	{ "invalid simd opcode", "simd128" },
	{ "invalid atomic opcode", "atomics" },
	/* wasmparser built without its "simd" cargo feature (binary_reader.rs: "unexpected SIMD opcode: 0x%x") */
	{ "unexpected simd opcode", "simd128" },
	/* parity-wasm's (wasmi before 0.14, older Substrate): Error::UnknownSimdOpcode */
	{ "unknownsimdopcode(", "simd128" },
};

/* The feature of opcode PREFIX (with SUB after a prefix byte, -1 when the text gives none), or NULL. */
static const char *opcode_feature(unsigned long prefix, long sub)
{
	if (prefix >= 0xc0 && prefix <= 0xc4)
		return "sign-ext";
	/* try, catch, throw, rethrow, throw_ref, delegate, catch_all, try_table */
	if ((prefix >= 0x06 && prefix <= 0x0a) || prefix == 0x18 || prefix == 0x19 || prefix == 0x1f)
		return "exception-handling";
	/* return_call, return_call_indirect, return_call_ref */
	if (prefix == 0x12 || prefix == 0x13 || prefix == 0x15)
		return "tail-call";
	/* ref.null, ref.is_null, ref.func; select with types, table.get, table.set */
	if ((prefix >= 0xd0 && prefix <= 0xd2) || prefix == 0x1c || prefix == 0x25 || prefix == 0x26)
		return "reference-types";
	if (prefix == 0xfb)
		return "gc";
	/* relaxed SIMD's are the SIMD prefix's sub-opcodes 0x100-0x113 */
	if (prefix == 0xfd && sub >= 0x100 && sub <= 0x113)
		return "relaxed-simd";
	if (prefix == 0xfd)
		return "simd128";
	if (prefix == 0xfe)
		return "atomics";
	/* 0xfc alone is one of several features: only its sub-opcode tells */
	if (prefix == 0xfc && sub >= 0 && sub <= 0x07)
		return "nontrapping-fptoint";
	if (prefix == 0xfc && sub >= 0x08 && sub <= 0x0e)
		return "bulk-memory";
	if (prefix == 0xfc && sub >= 0x0f && sub <= 0x11)
		return "reference-types";
	/* the wide-arithmetic proposal's i64.add128, i64.sub128, i64.mul_wide_s and i64.mul_wide_u */
	if (prefix == 0xfc && sub >= 0x13 && sub <= 0x16)
		return "wide-arithmetic";
	return NULL;
}

/* The number at *P in BASE (a "0x" before it taken in base 16); -1 without digits. */
static long opcode_number(const char **p, int base)
{
	const char *s = *p;
	char *e;
	long v;

	if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (!(base == 16 ? isxdigit((unsigned char)*s) : isdigit((unsigned char)*s)))
		return -1;
	v = strtol(s, &e, base);
	if (e - s > 6)
		return -1;
	*p = e;
	return v;
}

/*
 * The feature of an opcode an engine refused, from its number: V8's "Invalid opcode 0xc0" and
 * "invalid numeric opcode: 0xfc08" (prefix and sub-opcode in one number, the sub shifted by 12 bits
 * when above 0xff), SpiderMonkey's "unrecognized opcode: fc 8" (WasmOpIter.h; "fc08" before),
 * WAMR's "invalid opcode 0xfd 101." (wasm_loader.c), JavaScriptCore's "invalid 0xfc extended op 8"
 * (WasmFunctionParser.h, the sub in decimal), parity-wasm's "UnknownOpcode(192)" (decimal), and
 * binaryen's reader older than the opcode (src/wasm/wasm-binary.cpp, versions 90-125: "invalid
 * code after misc prefix: 17", the sub in decimal after its prefix's name, 0xfc's "nontrapping
 * float-to-int prefix" before version 92; "bad node code 31" for a one-byte opcode), wazero's
 * "invalid instruction 0x12" (internal/wasm/func_validation.go), WAMR's loader's "unsupported opcode
 * 1f" (core/iwasm/interpreter/wasm_loader.c, as iwasm's "WASM module load failed: %s" shows it),
 * wasmparser's (wasmtime, wasmer, wasmi; crates/wasmparser/src/binary_reader.rs) "illegal opcode:
 * 0x12" ("Unknown opcode: 0x12" before 0.80) and "unknown 0xfd subopcode: 0x105" (the sub in hex
 * after its prefix; "Unknown 0xfd subopcode" before).
 */
static void take_opcode_features(struct found *f, const char *t)
{
	static const struct {
		const char *lead;
		int base;
		int hex_mark; /* 1: the number must start with "0x" (not the Linux kernel's "invalid opcode: 0000") */
		const char *sub_lead; /* what comes between a prefix byte and its sub-opcode */
		int sub_base;
		unsigned long prefix; /* the prefix the lead names, its number then the sub-opcode; 0: none */
	} leads[] = {
		{ "invalid opcode ", 16, 1, " ", 16, 0 },
		{ "invalid instruction ", 16, 1, NULL, 0, 0 },
		{ "load failed: unsupported opcode ", 16, 0, " ", 16, 0 },
		{ "invalid numeric opcode: ", 16, 1, NULL, 0, 0 },
		{ "unrecognized opcode: ", 16, 0, " ", 16, 0 },
		{ "invalid 0x", 16, 0, " extended op ", 10, 0 },
		{ "unknownopcode(", 10, 0, NULL, 0, 0 },
		{ "invalid code after misc prefix: ", 10, 0, NULL, 0, 0xfc },
		{ "invalid code after nontrapping float-to-int prefix: ", 10, 0, NULL, 0, 0xfc },
		{ "invalid code after simd prefix: ", 10, 0, NULL, 0, 0xfd },
		{ "invalid code after atomic prefix: ", 10, 0, NULL, 0, 0xfe },
		{ "invalid code after gc prefix: ", 10, 0, NULL, 0, 0xfb },
		{ "bad node code ", 10, 0, NULL, 0, 0 },
		{ "illegal opcode: ", 16, 1, NULL, 0, 0 },
		{ "unknown opcode: ", 16, 1, NULL, 0, 0 },
		{ "unknown 0xfb subopcode: ", 16, 1, NULL, 0, 0xfb },
		{ "unknown 0xfc subopcode: ", 16, 1, NULL, 0, 0xfc },
		{ "unknown 0xfd subopcode: ", 16, 1, NULL, 0, 0xfd },
		{ "unknown 0xfe subopcode: ", 16, 1, NULL, 0, 0xfe },
	};

	for (size_t i = 0; i < sizeof(leads) / sizeof(*leads); i++) {
		const char *p = strcasestr(t, leads[i].lead), *name;
		long v, sub = -1;

		if (!p)
			continue;
		p += strlen(leads[i].lead);
		if (leads[i].hex_mark && !(p[0] == '0' && (p[1] == 'x' || p[1] == 'X')))
			continue;
		if ((v = opcode_number(&p, leads[i].base)) < 0)
			continue;
		if (leads[i].prefix) {
			sub = v;
			v = (long)leads[i].prefix;
		} else if (v > 0xffff) {
			sub = v & 0xfff;
			v >>= 12;
		} else if (v > 0xff) {
			sub = v & 0xff;
			v >>= 8;
		} else if (leads[i].sub_lead && !strncmp(p, leads[i].sub_lead, strlen(leads[i].sub_lead))) {
			p += strlen(leads[i].sub_lead);
			sub = opcode_number(&p, leads[i].sub_base);
		}
		if ((name = opcode_feature((unsigned long)v, sub)))
			add(f, name);
	}
}

/*
 * The feature of a type byte a decoder refused where a value type, a heap type or a type
 * definition's form goes; NULL for the MVP's and for bytes no feature gives (0x40, the empty block
 * type, and GC's packed i8/i16 0x78/0x77 come from a tool's own encoding bug).
 */
static const char *type_feature(long b)
{
	if (b == 0x7b)
		return "simd128";
	/* funcref and externref where the MVP allows neither */
	if (b == 0x70 || b == 0x6f)
		return "reference-types";
	/* exnref and its bottom type noexn */
	if (b == 0x69 || b == 0x74)
		return "exception-handling";
	/* (ref null ht), (ref ht), the abstract heap types any..array and none..nofunc, the forms
	 * struct, array, sub, sub final and rec */
	if (b == 0x64 || b == 0x63 || (b >= 0x6a && b <= 0x6e) || (b >= 0x71 && b <= 0x73) || b == 0x5f || b == 0x5e ||
	    (b >= 0x4e && b <= 0x50))
		return "gc";
	return NULL;
}

/*
 * The feature of a type byte, a section or a limits flag a decoder refused, from its number: V8's
 * "invalid value type 0x7b" (value-type.h), "Unknown type code 0x5f, enable with ...", "Expected
 * signature definition 0x60, got 0x5f" and "unknown type form: 95" (module-decoder-impl.h, decimal),
 * "invalid memory limits flags 0x5" and "invalid table limits flags 0x4"; WAMR's "invalid local
 * type 0x7B" (wasm_loader.c); binaryen's reader (wasm-binary.cpp, versions 90-125) printing the
 * byte as the signed LEB it reads: "invalid wasm type: -23" (0x69), "invalid wasm heap type: -23",
 * "bad type form -33" ("Bad type form" since version 110); wazero's type section
 * (internal/wasm/binary/types.go: "read 0-th type: invalid byte: 0x5e != 0x60").
 */
static void take_type_features(struct found *f, const char *t)
{
	static const struct {
		const char *lead;
		int base;
		int kind; /* 0: a type byte, 1: memory limits flags, 2: table limits flags */
	} leads[] = {
		{ "invalid value type 0x", 16, 0 },         { "invalid local type 0x", 16, 0 },
		{ "unknown type code 0x", 16, 0 },          { "expected signature definition 0x60, got 0x", 16, 0 },
		{ "unknown type form: ", 10, 0 },           { "invalid wasm type: -", 10, 0 },
		{ "invalid wasm heap type: -", 10, 0 },     { "bad type form -", 10, 0 },
		{ "-th type: invalid byte: 0x", 16, 0 },    { "invalid memory limits flags 0x", 16, 1 },
		{ "invalid table limits flags 0x", 16, 2 },
	};

	for (size_t i = 0; i < sizeof(leads) / sizeof(*leads); i++) {
		const char *p = strcasestr(t, leads[i].lead), *name = NULL;
		long v;

		if (!p)
			continue;
		p += strlen(leads[i].lead);
		if ((v = opcode_number(&p, leads[i].base)) < 0)
			continue;
		/* binaryen's "-N" is the byte 0x80 - N of a one-byte signed LEB */
		if (leads[i].lead[strlen(leads[i].lead) - 1] == '-')
			v = v <= 0x40 ? 0x80 - v : -1;
		if (leads[i].kind == 0)
			name = type_feature(v);
		/* bits: 1 a maximum, 2 shared (threads), 4 64-bit; 8 and up no feature named here */
		else if (v <= 7 && (v & 4))
			name = "memory64";
		else if (leads[i].kind == 1 && v <= 7 && (v & 2))
			name = "atomics";
		if (name)
			add(f, name);
	}
}

static void take_features(struct found *f, const char *t)
{
	static const struct {
		const char *name;
		int needs_flag; /* a common word: only as --enable-NAME, +NAME or -mNAME */
		const char *as; /* the feature's name, when NAME is another word for it */
	} features[] = {
		{ "atomics", 0, NULL },
		{ "bulk-memory", 0, NULL },
		{ "exception-handling", 0, NULL },
		{ "mutable-globals", 0, NULL },
		{ "sign-ext", 0, NULL },
		{ "nontrapping-fptoint", 0, NULL },
		{ "simd128", 0, NULL },
		{ "reference-types", 0, NULL },
		{ "multivalue", 0, NULL },
		{ "tail-call", 0, NULL },
		{ "extended-const", 0, NULL },
		{ "relaxed-simd", 0, NULL },
		{ "memory64", 0, NULL },
		{ "multimemory", 0, NULL },
		{ "shared-memory", 0, NULL },
		{ "v128", 0, "simd128" }, /* SpiderMonkey's and the text format's name of its type */
		{ "s128", 0, "simd128" }, /* V8's, before 2020 */
		{ "gc", 1, NULL },
		{ "simd", 1, NULL },
		{ "threads", 1, NULL },
	};
	const char *p = t;

	while (*p) {
		const char *q, *w;
		int flagged = 0;

		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '+') {
			p++;
			continue;
		}
		for (q = p; isalnum((unsigned char)*q) || *q == '-' || *q == '+' || *q == '_'; q++)
			;
		w = p;
		if (starts_with(w, q, "--experimental-wasm-")) {
			w += 20;
			for (size_t i = 0; i < sizeof(feature_aliases) / sizeof(*feature_aliases); i++)
				if (flag_is(w, (size_t)(q - w), feature_aliases[i].alias))
					add(f, feature_aliases[i].name);
			p = q;
			continue;
		}
		if (starts_with(w, q, "--enable-") || starts_with(w, q, "--disable-")) {
			w += w[2] == 'e' ? 9 : 10;
			flagged = 1;
		} else if (starts_with(w, q, "-m") || *w == '+') {
			w += *w == '+' ? 1 : 2;
			flagged = 1;
		}
		while (w < q && *w == '-')
			w++;
		for (size_t i = 0; i < sizeof(features) / sizeof(*features); i++)
			if (word_is(w, (size_t)(q - w), features[i].name) && (flagged || !features[i].needs_flag)) {
				const char *name = features[i].as ? features[i].as : features[i].name;

				add(f, name);
			}
		p = q;
	}
	for (size_t i = 0; i < sizeof(feature_phrases) / sizeof(*feature_phrases); i++) {
		const char *m = strcasestr(t, feature_phrases[i].phrase);

		/* binaryen's reader before version 92 named the 0xfc prefix "nontrapping float-to-int
		 * prefix": its sub-opcode tells the feature (take_opcode_features) */
		if (m && strncasecmp(m + strlen(feature_phrases[i].phrase), " prefix", 7) != 0)
			add(f, feature_phrases[i].name);
	}
	take_opcode_features(f, t);
	take_type_features(f, t);
}

size_t wasmfeature_names(const char *text, const char **names)
{
	struct found f = { names, 0 };

	take_features(&f, text);
	return f.n;
}
