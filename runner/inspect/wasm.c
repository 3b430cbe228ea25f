/*
 * wasm: the reader of wasm binaries (objects, side, main and plain
 * modules). One cursor (struct rd) walks the buffer; every read checks
 * what is left in the current region (file, section, subsection) first,
 * and every count is checked against the bytes left before anything is
 * allocated for it. An embedded .llvmbc section goes to the bitcode
 * reader. See include/emcompat/wasm.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitcode.h"
#include "emcompat/error.h"
#include "emcompat/json.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_internal.h"

const char *wasm_section_name(unsigned id)
{
	static const char *const names[] = {
		"custom", "type",  "import",  "function", "table", "memory",    "global",
		"export", "start", "element", "code",     "data",  "datacount", "tag",
	};

	return id < sizeof(names) / sizeof(*names) ? names[id] : "unknown";
}

const char *wasm_extern_name(enum wasm_extern kind)
{
	static const char *const names[] = { "func", "table", "memory", "global", "tag" };

	return (unsigned)kind < sizeof(names) / sizeof(*names) ? names[kind] : "unknown";
}

const char *wasm_symbol_kind_name(enum wasm_symbol_kind kind)
{
	static const char *const names[] = {
		"function", "data", "global", "section", "tag", "table",
	};

	return (unsigned)kind < sizeof(names) / sizeof(*names) ? names[kind] : "unknown";
}


const char *wasm_reloc_name(unsigned type)
{
	static const char *const names[WASM_RELOC_KNOWN] = {
		"R_WASM_FUNCTION_INDEX_LEB",     "R_WASM_TABLE_INDEX_SLEB",       "R_WASM_TABLE_INDEX_I32",
		"R_WASM_MEMORY_ADDR_LEB",        "R_WASM_MEMORY_ADDR_SLEB",       "R_WASM_MEMORY_ADDR_I32",
		"R_WASM_TYPE_INDEX_LEB",         "R_WASM_GLOBAL_INDEX_LEB",       "R_WASM_FUNCTION_OFFSET_I32",
		"R_WASM_SECTION_OFFSET_I32",     "R_WASM_TAG_INDEX_LEB",          "R_WASM_MEMORY_ADDR_REL_SLEB",
		"R_WASM_TABLE_INDEX_REL_SLEB",   "R_WASM_GLOBAL_INDEX_I32",       "R_WASM_MEMORY_ADDR_LEB64",
		"R_WASM_MEMORY_ADDR_SLEB64",     "R_WASM_MEMORY_ADDR_I64",        "R_WASM_MEMORY_ADDR_REL_SLEB64",
		"R_WASM_TABLE_INDEX_SLEB64",     "R_WASM_TABLE_INDEX_I64",        "R_WASM_TABLE_NUMBER_LEB",
		"R_WASM_MEMORY_ADDR_TLS_SLEB",   "R_WASM_FUNCTION_OFFSET_I64",    "R_WASM_MEMORY_ADDR_LOCREL_I32",
		"R_WASM_TABLE_INDEX_REL_SLEB64", "R_WASM_MEMORY_ADDR_TLS_SLEB64", "R_WASM_FUNCTION_INDEX_I32",
	};

	return type < WASM_RELOC_KNOWN ? names[type] : NULL;
}

/* 0: no addend; 32 or 64: a signed LEB addend of that width follows. */
static int reloc_addend_bits(unsigned type)
{
	switch (type) {
	case 3:
	case 4:
	case 5:
	case 8:
	case 9:
	case 11:
	case 21:
	case 23:
		return 32;
	case 14:
	case 15:
	case 16:
	case 17:
	case 22:
	case 25:
		return 64;
	default:
		return 0;
	}
}

/* ---- the cursor --------------------------------------------------------- */

struct rd {
	const uint8_t *p;     /* the buffer */
	size_t len;           /* its length */
	size_t pos, end;      /* cursor, end of the current region */
	size_t base;          /* absolute file offset of p[0] (archive members) */
	const char *label;    /* file name for messages */
	const char *region;   /* "file", "section", "subsection": what END ends */
	char ctx[160];        /* "section 2 (import)": prefixed to messages */
	struct wasm_module *m;
};

static void rd_report(struct rd *r, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Records the error and is -1: a macro, so the compiler sees every
 * failure path return nonzero (no false "may be used uninitialized"). */
#define rd_fail(...) (rd_report(__VA_ARGS__), -1)

static void rd_report(struct rd *r, size_t at, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (r->ctx[0])
		error(EC_EXIT_INPUT, "%s: offset 0x%zx: %s: %s", r->label, r->base + at, r->ctx, msg);
	else
		error(EC_EXIT_INPUT, "%s: offset 0x%zx: %s", r->label, r->base + at, msg);
}

static size_t rd_left(const struct rd *r)
{
	return r->end - r->pos;
}

static int rd_truncated(struct rd *r, const char *what, size_t need)
{
	return rd_fail(r, r->pos, "truncated %s: needs %zu bytes, %zu left before the end of the %s at 0x%zx", what,
		       need, rd_left(r), r->region, r->base + r->end);
}

static int rd_byte(struct rd *r, uint8_t *out, const char *what)
{
	if (r->pos >= r->end)
		return rd_truncated(r, what, 1);
	*out = r->p[r->pos++];
	return 0;
}

static int rd_bytes(struct rd *r, size_t n, const uint8_t **out, const char *what)
{
	if (n > rd_left(r))
		return rd_truncated(r, what, n);
	if (out)
		*out = r->p + r->pos;
	r->pos += n;
	return 0;
}

/* An unsigned LEB128 of at most BITS (32 or 64) bits. */
static int rd_uleb(struct rd *r, unsigned bits, uint64_t *out, const char *what)
{
	size_t start = r->pos;
	unsigned maxbytes = (bits + 6) / 7;
	uint64_t v = 0;

	for (unsigned i = 0;; i++) {
		uint8_t b;

		if (r->pos >= r->end)
			return rd_fail(r, start, "truncated LEB128 (%s): the %s ends at 0x%zx", what, r->region,
				       r->base + r->end);
		b = r->p[r->pos++];
		if (i == maxbytes - 1) {
			unsigned used = bits - 7 * i;

			if (b & 0x80)
				return rd_fail(r, start, "LEB128 longer than %u bytes (%s)", maxbytes, what);
			if (b >> used)
				return rd_fail(r, start, "LEB128 value does not fit in %u bits (%s)", bits, what);
		}
		v |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80))
			break;
	}
	*out = v;
	return 0;
}

/* A signed LEB128 of at most BITS (32, 33 or 64) bits. */
static int rd_sleb(struct rd *r, unsigned bits, int64_t *out, const char *what)
{
	size_t start = r->pos;
	unsigned maxbytes = (bits + 6) / 7, shift = 0;
	uint64_t v = 0;

	for (unsigned i = 0;; i++) {
		uint8_t b;

		if (r->pos >= r->end)
			return rd_fail(r, start, "truncated LEB128 (%s): the %s ends at 0x%zx", what, r->region,
				       r->base + r->end);
		b = r->p[r->pos++];
		if (i == maxbytes - 1) {
			unsigned used = bits - 7 * i;
			unsigned mask = 0x7fu >> (used - 1);
			unsigned rest = (b >> (used - 1)) & mask;

			if (b & 0x80)
				return rd_fail(r, start, "LEB128 longer than %u bytes (%s)", maxbytes, what);
			if (rest != 0 && rest != mask)
				return rd_fail(r, start, "LEB128 value does not fit in %u bits (%s)", bits, what);
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80)) {
			if (shift < 64 && (b & 0x40))
				v |= ~(uint64_t)0 << shift;
			break;
		}
	}
	*out = (int64_t)v;
	return 0;
}

static int rd_u32(struct rd *r, uint32_t *out, const char *what)
{
	uint64_t v;

	if (rd_uleb(r, 32, &v, what))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* A vector count: each item takes at least MIN_ITEM bytes, so a count
 * larger than what is left is refused before anything is allocated. */
static int rd_count(struct rd *r, uint32_t *out, size_t min_item, const char *what)
{
	size_t at = r->pos;

	if (rd_u32(r, out, what))
		return -1;
	if (min_item && *out > rd_left(r) / min_item)
		return rd_fail(r, at, "%s %u is more than the %zu bytes left in the %s can hold", what, *out,
			       rd_left(r), r->region);
	return 0;
}

/* A name: length, then UTF-8 bytes. *PTR points into the buffer. */
static int rd_name_raw(struct rd *r, const uint8_t **ptr, uint32_t *len, const char *what)
{
	size_t at = r->pos, ok;

	if (rd_u32(r, len, what))
		return -1;
	if (*len > rd_left(r))
		return rd_fail(r, at, "%s is %u bytes long, but only %zu bytes are left in the %s", what, *len,
			       rd_left(r), r->region);
	*ptr = r->p + r->pos;
	ok = utf8_valid_prefix((const char *)*ptr, *len);
	if (ok < *len)
		return rd_fail(r, r->pos + ok, "%s is not valid UTF-8 (byte 0x%02x)", what, (*ptr)[ok]);
	if (memchr(*ptr, 0, *len))
		return rd_fail(r, at, "%s contains a NUL byte (not supported)", what);
	r->pos += *len;
	return 0;
}

static int rd_name(struct rd *r, const char **out, const char *what)
{
	const uint8_t *p;
	uint32_t n;

	if (rd_name_raw(r, &p, &n, what))
		return -1;
	*out = wasm_arena_strndup(r->m, p, n);
	return 0;
}

/* Narrows the region to the next SIZE bytes; *SAVED restores it. */
static int rd_enter(struct rd *r, size_t at, uint32_t size, size_t *saved, const char **saved_region,
		    const char *region, const char *what)
{
	if (size > rd_left(r))
		return rd_fail(r, at, "%s runs past the end of the %s (size 0x%x, 0x%zx bytes left)", what, r->region,
			       size, rd_left(r));
	*saved = r->end;
	*saved_region = r->region;
	r->end = r->pos + size;
	r->region = region;
	return 0;
}

static void rd_leave(struct rd *r, size_t saved, const char *saved_region)
{
	r->end = saved;
	r->region = saved_region;
}

static int rd_expect_end(struct rd *r, const char *what)
{
	if (r->pos != r->end)
		return rd_fail(r, r->pos, "%zu bytes left over at the end of %s", rd_left(r), what);
	return 0;
}

/* ---- types -------------------------------------------------------------- */

static int is_abstract_heap(uint8_t b)
{
	return (b >= 0x69 && b <= 0x74);
}

static int rd_heaptype(struct rd *r, struct wasm_valtype *vt, const char *what)
{
	size_t at = r->pos;
	int64_t v;

	if (rd_sleb(r, 33, &v, what))
		return -1;
	if (v < 0) {
		uint8_t b = (uint8_t)(v & 0x7f);

		if (v < -64 || !is_abstract_heap(b))
			return rd_fail(r, at, "unknown heap type %lld (%s)", (long long)v, what);
		vt->heap = b;
		return 0;
	}
	if ((uint64_t)v >= r->m->ntypes)
		return rd_fail(r, at, "heap type index %lld is out of range (%zu types) (%s)", (long long)v,
			       r->m->ntypes, what);
	vt->heap = 0;
	vt->index = (uint32_t)v;
	return 0;
}

static int rd_valtype(struct rd *r, struct wasm_valtype *vt, const char *what)
{
	size_t at = r->pos;
	uint8_t b;

	memset(vt, 0, sizeof(*vt));
	if (rd_byte(r, &b, what))
		return -1;
	vt->code = b;
	if ((b >= 0x7b && b <= 0x7f) || is_abstract_heap(b))
		return 0;
	if (b == 0x63 || b == 0x64)
		return rd_heaptype(r, vt, what);
	return rd_fail(r, at, "unknown value type 0x%02x (%s)", b, what);
}

static int is_reftype(const struct wasm_valtype *vt)
{
	return vt->code == 0x63 || vt->code == 0x64 || is_abstract_heap(vt->code);
}

static int rd_reftype(struct rd *r, struct wasm_valtype *vt, const char *what)
{
	size_t at = r->pos;

	if (rd_valtype(r, vt, what))
		return -1;
	if (!is_reftype(vt))
		return rd_fail(r, at, "expected a reference type, got 0x%02x (%s)", vt->code, what);
	return 0;
}

static int rd_limits(struct rd *r, struct wasm_limits *l, int memory, const char *what)
{
	size_t at = r->pos;
	unsigned allowed = memory ? 0x0f : 0x05;
	uint64_t bound;
	uint8_t flags;

	memset(l, 0, sizeof(*l));
	if (rd_byte(r, &flags, what))
		return -1;
	if (flags & ~allowed)
		return rd_fail(r, at, "unknown limits flags 0x%02x (%s)", flags, what);
	l->has_max = flags & 1;
	l->shared = (flags >> 1) & 1;
	l->is64 = (flags >> 2) & 1;
	l->page_log2 = 16;
	if (rd_uleb(r, l->is64 ? 64 : 32, &l->min, what))
		return -1;
	if (l->has_max && rd_uleb(r, l->is64 ? 64 : 32, &l->max, what))
		return -1;
	if (flags & 0x08) {
		uint32_t log2;

		at = r->pos;
		if (rd_u32(r, &log2, "custom page size"))
			return -1;
		if (log2 != 0 && log2 != 16)
			return rd_fail(r, at, "custom page size 2^%u is not 1 or 65536 (%s)", log2, what);
		l->page_log2 = log2;
	}
	if (l->has_max && l->max < l->min)
		return rd_fail(r, at, "maximum %llu is below the minimum %llu (%s)", (unsigned long long)l->max,
			       (unsigned long long)l->min, what);
	if (l->shared && !l->has_max)
		return rd_fail(r, at, "shared memory without a maximum (%s)", what);
	if (memory) {
		/* The address space, in pages of the declared size. */
		bound = l->is64 ? (uint64_t)1 << (64 - l->page_log2 - (l->page_log2 ? 0 : 1))
				: (uint64_t)1 << (32 - l->page_log2);
		if (l->min > bound || (l->has_max && l->max > bound))
			return rd_fail(r, at, "memory size is larger than %llu pages (%s)", (unsigned long long)bound,
				       what);
	}
	return 0;
}

static int rd_const_expr(struct rd *r, const char *what)
{
	for (;;) {
		size_t at = r->pos;
		uint8_t op;
		uint64_t u;
		int64_t s;

		if (rd_byte(r, &op, what))
			return -1;
		switch (op) {
		case 0x0b:  /* end */
			return 0;
		case 0x41:  /* i32.const */
			if (rd_sleb(r, 32, &s, what))
				return -1;
			break;
		case 0x42:  /* i64.const */
			if (rd_sleb(r, 64, &s, what))
				return -1;
			break;
		case 0x43:  /* f32.const */
			if (rd_bytes(r, 4, NULL, what))
				return -1;
			break;
		case 0x44:  /* f64.const */
			if (rd_bytes(r, 8, NULL, what))
				return -1;
			break;
		case 0x23:  /* global.get */
			if (rd_uleb(r, 32, &u, what))
				return -1;
			if (u >= r->m->nimported_globals + r->m->nglobals)
				return rd_fail(r, at, "global.get %llu: no such global (%s)", (unsigned long long)u,
					       what);
			break;
		case 0xd0: {  /* ref.null */
			struct wasm_valtype vt;

			if (rd_heaptype(r, &vt, what))
				return -1;
			break;
		}
		case 0xd2:  /* ref.func */
			if (rd_uleb(r, 32, &u, what))
				return -1;
			if (u >= r->m->nimported_funcs + r->m->nfuncs)
				return rd_fail(r, at, "ref.func %llu: no such function (%s)", (unsigned long long)u,
					       what);
			break;
		case 0x6a:
		case 0x6b:
		case 0x6c:  /* i32.add/sub/mul (extended-const) */
		case 0x7c:
		case 0x7d:
		case 0x7e:  /* i64.add/sub/mul */
			break;
		case 0xfd:  /* v128.const */
			if (rd_uleb(r, 32, &u, what))
				return -1;
			if (u != 12)
				return rd_fail(r, at, "unsupported instruction 0xfd %llu in a constant expression (%s)",
					       (unsigned long long)u, what);
			if (rd_bytes(r, 16, NULL, what))
				return -1;
			break;
		default:
			return rd_fail(r, at, "unsupported instruction 0x%02x in a constant expression (%s)", op, what);
		}
	}
}

/* ---- standard sections -------------------------------------------------- */

static int read_type_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	/* 1, not 3 (a func type's size): a GC type then gets its own message. */
	if (rd_count(r, &n, 1, "type count"))
		return -1;
	m->types = wasm_arena_array(m, n, sizeof(*m->types));
	m->ntypes = n;  /* heap types may refer to any type of the section */
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_functype *ft = &m->types[i];
		size_t at = r->pos;
		uint8_t form;

		if (rd_byte(r, &form, "type form"))
			return -1;
		if (form == 0x4e || form == 0x4f || form == 0x50 || form == 0x5e || form == 0x5f)
			return rd_fail(r, at, "type %u: GC type definitions (form 0x%02x) are not supported", i, form);
		if (form != 0x60)
			return rd_fail(r, at, "type %u: expected 0x60 (func), got 0x%02x", i, form);
		if (rd_count(r, &ft->nparams, 1, "parameter count"))
			return -1;
		ft->params = wasm_arena_array(m, ft->nparams, sizeof(*ft->params));
		for (uint32_t k = 0; k < ft->nparams; k++)
			if (rd_valtype(r, &ft->params[k], "parameter type"))
				return -1;
		if (rd_count(r, &ft->nresults, 1, "result count"))
			return -1;
		ft->results = wasm_arena_array(m, ft->nresults, sizeof(*ft->results));
		for (uint32_t k = 0; k < ft->nresults; k++)
			if (rd_valtype(r, &ft->results[k], "result type"))
				return -1;
	}
	return 0;
}

static int rd_typeidx(struct rd *r, uint32_t *out, const char *what)
{
	size_t at = r->pos;

	if (rd_u32(r, out, what))
		return -1;
	if (*out >= r->m->ntypes)
		return rd_fail(r, at, "%s %u is out of range (%zu types)", what, *out, r->m->ntypes);
	return 0;
}

static int rd_tagtype(struct rd *r, uint32_t *type)
{
	size_t at = r->pos;
	uint8_t attr;

	if (rd_byte(r, &attr, "tag attribute"))
		return -1;
	if (attr != 0)
		return rd_fail(r, at, "tag attribute %u is not 0 (exception)", attr);
	at = r->pos;
	if (rd_typeidx(r, type, "tag type index"))
		return -1;
	if (r->m->types[*type].nresults)
		return rd_fail(r, at, "tag type %u has results", *type);
	return 0;
}

static int read_import_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 4, "import count"))
		return -1;
	m->imports = wasm_arena_array(m, n, sizeof(*m->imports));
	m->nimports = n;
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_import *im = &m->imports[i];
		size_t at;
		uint8_t kind;

		if (rd_name(r, &im->module, "import module name") || rd_name(r, &im->name, "import name"))
			return -1;
		at = r->pos;
		if (rd_byte(r, &kind, "import kind"))
			return -1;
		im->kind = kind;
		switch (kind) {
		case WASM_EXTERN_FUNC:
			if (rd_typeidx(r, &im->type, "function type index"))
				return -1;
			m->nimported_funcs++;
			break;
		case WASM_EXTERN_TABLE:
			if (rd_reftype(r, &im->valtype, "table element type") ||
			    rd_limits(r, &im->limits, 0, "table limits"))
				return -1;
			m->nimported_tables++;
			break;
		case WASM_EXTERN_MEMORY:
			if (rd_limits(r, &im->limits, 1, "memory limits"))
				return -1;
			m->nimported_memories++;
			break;
		case WASM_EXTERN_GLOBAL: {
			uint8_t mut;

			if (rd_valtype(r, &im->valtype, "global type"))
				return -1;
			at = r->pos;
			if (rd_byte(r, &mut, "global mutability"))
				return -1;
			if (mut > 1)
				return rd_fail(r, at, "import %u (%s.%s): global mutability %u is not 0 or 1", i,
					       im->module, im->name, mut);
			im->is_mutable = mut;
			m->nimported_globals++;
			break;
		}
		case WASM_EXTERN_TAG:
			if (rd_tagtype(r, &im->type))
				return -1;
			m->nimported_tags++;
			break;
		default:
			return rd_fail(r, at, "import %u (%s.%s): unknown import kind 0x%02x", i, im->module, im->name,
				       kind);
		}
	}
	return 0;
}

static int read_function_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 1, "function count"))
		return -1;
	m->func_types = wasm_arena_array(m, n, sizeof(*m->func_types));
	for (uint32_t i = 0; i < n; i++)
		if (rd_typeidx(r, &m->func_types[i], "function type index"))
			return -1;
	m->nfuncs = n;
	return 0;
}

static int read_table_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "table count"))
		return -1;
	m->table_types = wasm_arena_array(m, n, sizeof(*m->table_types));
	m->table_limits = wasm_arena_array(m, n, sizeof(*m->table_limits));
	for (uint32_t i = 0; i < n; i++) {
		int init = r->pos < r->end && r->p[r->pos] == 0x40;

		if (init) {
			const uint8_t *b;

			if (rd_bytes(r, 2, &b, "table with initialiser"))
				return -1;
			if (b[1] != 0x00)
				return rd_fail(r, r->pos - 1, "table %u: expected 0x00 after 0x40, got 0x%02x", i,
					       b[1]);
		}
		if (rd_reftype(r, &m->table_types[i], "table element type") ||
		    rd_limits(r, &m->table_limits[i], 0, "table limits"))
			return -1;
		m->ntables = i + 1;
		if (init && rd_const_expr(r, "table initialiser"))
			return -1;
	}
	return 0;
}

static int read_memory_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "memory count"))
		return -1;
	m->memories = wasm_arena_array(m, n, sizeof(*m->memories));
	for (uint32_t i = 0; i < n; i++)
		if (rd_limits(r, &m->memories[i], 1, "memory limits"))
			return -1;
	m->nmemories = n;
	return 0;
}

static int read_global_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 4, "global count"))
		return -1;
	m->global_types = wasm_arena_array(m, n, sizeof(*m->global_types));
	m->global_mutable = wasm_arena_array(m, n, sizeof(*m->global_mutable));
	for (uint32_t i = 0; i < n; i++) {
		size_t at;
		uint8_t mut;

		if (rd_valtype(r, &m->global_types[i], "global type"))
			return -1;
		at = r->pos;
		if (rd_byte(r, &mut, "global mutability"))
			return -1;
		if (mut > 1)
			return rd_fail(r, at, "global %u: mutability %u is not 0 or 1", i, mut);
		m->global_mutable[i] = mut;
		/* Initialisers may read earlier globals (extended-const, GC). */
		m->nglobals = i;
		if (rd_const_expr(r, "global initialiser"))
			return -1;
		m->nglobals = i + 1;
	}
	return 0;
}

static int read_tag_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "tag count"))
		return -1;
	m->tag_types = wasm_arena_array(m, n, sizeof(*m->tag_types));
	for (uint32_t i = 0; i < n; i++)
		if (rd_tagtype(r, &m->tag_types[i]))
			return -1;
	m->ntags = n;
	return 0;
}

static int cmp_export_name(const void *a, const void *b)
{
	const struct wasm_export *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

static int read_export_section(struct rd *r, size_t section_at)
{
	struct wasm_module *m = r->m;
	const struct wasm_export **sorted;
	uint32_t n;

	if (rd_count(r, &n, 3, "export count"))
		return -1;
	m->exports = wasm_arena_array(m, n, sizeof(*m->exports));
	m->nexports = n;
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_export *ex = &m->exports[i];
		size_t at, space = 0;
		uint8_t kind;

		if (rd_name(r, &ex->name, "export name"))
			return -1;
		at = r->pos;
		if (rd_byte(r, &kind, "export kind"))
			return -1;
		switch (kind) {
		case WASM_EXTERN_FUNC:
			space = m->nimported_funcs + m->nfuncs;
			break;
		case WASM_EXTERN_TABLE:
			space = m->nimported_tables + m->ntables;
			break;
		case WASM_EXTERN_MEMORY:
			space = m->nimported_memories + m->nmemories;
			break;
		case WASM_EXTERN_GLOBAL:
			space = m->nimported_globals + m->nglobals;
			break;
		case WASM_EXTERN_TAG:
			space = m->nimported_tags + m->ntags;
			break;
		default:
			return rd_fail(r, at, "export %u (\"%s\"): unknown export kind 0x%02x", i, ex->name, kind);
		}
		ex->kind = kind;
		at = r->pos;
		if (rd_u32(r, &ex->index, "export index"))
			return -1;
		if (ex->index >= space)
			return rd_fail(r, at, "export %u (\"%s\"): %s index %u is out of range (%zu)", i, ex->name,
				       wasm_extern_name(ex->kind), ex->index, space);
	}
	/* Engines refuse a module exporting one name twice. */
	sorted = xcalloc(n, sizeof(*sorted));
	for (uint32_t i = 0; i < n; i++)
		sorted[i] = &m->exports[i];
	qsort(sorted, n, sizeof(*sorted), cmp_export_name);
	for (uint32_t i = 1; i < n; i++) {
		if (strcmp(sorted[i - 1]->name, sorted[i]->name) == 0) {
			int rc = rd_fail(r, section_at, "export name \"%s\" appears twice", sorted[i]->name);

			free(sorted);
			return rc;
		}
	}
	free(sorted);
	return 0;
}

static int read_start_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	size_t at = r->pos;

	if (rd_u32(r, &m->start, "start function index"))
		return -1;
	if (m->start >= m->nimported_funcs + m->nfuncs)
		return rd_fail(r, at, "start function %u is out of range (%zu functions)", m->start,
			       m->nimported_funcs + m->nfuncs);
	m->has_start = 1;
	return 0;
}

static int rd_funcidx(struct rd *r, const char *what)
{
	size_t at = r->pos;
	uint32_t f;

	if (rd_u32(r, &f, what))
		return -1;
	if (f >= r->m->nimported_funcs + r->m->nfuncs)
		return rd_fail(r, at, "%s %u is out of range (%zu functions)", what, f,
			       r->m->nimported_funcs + r->m->nfuncs);
	return 0;
}

static int read_element_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "element segment count"))
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		size_t at = r->pos;
		uint32_t flags, count, table;
		struct wasm_valtype vt;
		uint8_t elemkind;

		if (rd_u32(r, &flags, "element segment flags"))
			return -1;
		if (flags > 7)
			return rd_fail(r, at, "element segment %u: unknown flags %u", i, flags);
		if (flags & 2) {
			at = r->pos;
			if (!(flags & 1)) {  /* active with an explicit table */
				if (rd_u32(r, &table, "table index"))
					return -1;
				if (table >= m->nimported_tables + m->ntables)
					return rd_fail(r, at, "element segment %u: table %u is out of range", i, table);
			}
		}
		if (!(flags & 1) && rd_const_expr(r, "element segment offset"))
			return -1;
		if (flags & 3) {  /* an explicit element kind or type */
			if (flags & 4) {
				if (rd_reftype(r, &vt, "element type"))
					return -1;
			} else {
				at = r->pos;
				if (rd_byte(r, &elemkind, "element kind"))
					return -1;
				if (elemkind != 0)
					return rd_fail(r, at,
						       "element segment %u: element kind 0x%02x is not 0 (funcref)", i,
						       elemkind);
			}
		}
		if (rd_count(r, &count, flags & 4 ? 2 : 1, "element count"))
			return -1;
		for (uint32_t k = 0; k < count; k++) {
			if (flags & 4 ? rd_const_expr(r, "element expression")
				      : rd_funcidx(r, "element function index"))
				return -1;
		}
		m->nelements += count;
		m->nelem_segments = i + 1;
	}
	return 0;
}

static int read_code_section(struct rd *r, size_t section_at)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "function body count"))
		return -1;
	if (n != m->nfuncs)
		return rd_fail(r, section_at, "%u function bodies, but the function section declares %zu functions", n,
			       m->nfuncs);
	for (uint32_t i = 0; i < n; i++) {
		size_t at = r->pos;
		uint32_t size;

		if (rd_u32(r, &size, "function body size"))
			return -1;
		if (size == 0)
			return rd_fail(r, at, "function body %u is empty", i);
		if (size > rd_left(r))
			return rd_fail(
				r, at,
				"function body %u runs past the end of the section (size 0x%x, 0x%zx bytes left)", i,
				size, rd_left(r));
		r->pos += size;
		m->code_bytes += size;
	}
	return 0;
}

static int read_data_section(struct rd *r, size_t section_at)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "data segment count"))
		return -1;
	if (m->has_datacount && n != m->datacount)
		return rd_fail(r, section_at, "%u data segments, but the data count section says %u", n, m->datacount);
	for (uint32_t i = 0; i < n; i++) {
		size_t at = r->pos;
		uint32_t flags, mem, size;

		if (rd_u32(r, &flags, "data segment flags"))
			return -1;
		if (flags > 2)
			return rd_fail(r, at, "data segment %u: unknown flags %u", i, flags);
		if (flags == 2) {
			at = r->pos;
			if (rd_u32(r, &mem, "memory index"))
				return -1;
			if (mem >= m->nimported_memories + m->nmemories)
				return rd_fail(r, at, "data segment %u: memory %u is out of range", i, mem);
		}
		if (flags != 1 && rd_const_expr(r, "data segment offset"))
			return -1;
		at = r->pos;
		if (rd_u32(r, &size, "data segment size"))
			return -1;
		if (size > rd_left(r))
			return rd_fail(r, at,
				       "data segment %u runs past the end of the section (size 0x%x, 0x%zx bytes left)",
				       i, size, rd_left(r));
		r->pos += size;
		m->data_bytes += size;
		m->ndata_segments = i + 1;
	}
	return 0;
}

/* ---- custom sections ---------------------------------------------------- */

static int has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int read_name_section(struct rd *r)
{
	struct wasm_module *m = r->m;

	while (r->pos < r->end) {
		size_t at = r->pos, saved;
		const char *saved_region;
		uint8_t id;
		uint32_t size, n;

		if (rd_byte(r, &id, "name subsection id") || rd_u32(r, &size, "name subsection size") ||
		    rd_enter(r, at, size, &saved, &saved_region, "subsection", "name subsection"))
			return -1;
		if (id == 0) {
			if (rd_name(r, &m->module_name, "module name"))
				return -1;
		} else if (id == 1) {
			if (rd_count(r, &n, 2, "function name count"))
				return -1;
			for (uint32_t i = 0; i < n; i++) {
				const uint8_t *p;
				uint32_t len, idx;

				if (rd_u32(r, &idx, "function index") || rd_name_raw(r, &p, &len, "function name"))
					return -1;
				/* Emscripten's i64 legalization leaves these names behind. */
				if ((len > 10 && memcmp(p, "legalstub$", 10) == 0) ||
				    (len > 10 && memcmp(p, "legalfunc$", 10) == 0) ||
				    (len > 12 && memcmp(p, "legalimport$", 12) == 0))
					m->nlegal_names++;
			}
			m->nfunction_names = n;
		} else {
			r->pos = r->end;  /* local, label, type... names: not needed */
		}
		if (rd_expect_end(r, "the name subsection"))
			return -1;
		rd_leave(r, saved, saved_region);
	}
	return 0;
}

static int read_producers_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t nfields;
	size_t total = 0;

	if (rd_count(r, &nfields, 2, "producers field count"))
		return -1;
	/* Two passes would need a second walk; grow a small array instead. */
	size_t cap = 0;
	struct wasm_producer *list = NULL;

	for (uint32_t f = 0; f < nfields; f++) {
		const char *field;
		uint32_t nvalues;

		if (rd_name(r, &field, "producers field name") || rd_count(r, &nvalues, 2, "producers value count"))
			goto fail;
		for (uint32_t v = 0; v < nvalues; v++) {
			xgrow(&list, &cap, total + 1, sizeof(*list));
			list[total].field = field;
			if (rd_name(r, &list[total].name, "producer name") ||
			    rd_name(r, &list[total].version, "producer version"))
				goto fail;
			total++;
		}
	}
	m->producers = wasm_arena_array(m, total, sizeof(*m->producers));
	if (total)
		memcpy(m->producers, list, total * sizeof(*list));
	m->nproducers = total;
	free(list);
	return 0;
fail:
	free(list);
	return -1;
}

static int read_target_features_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	uint32_t n;

	if (rd_count(r, &n, 2, "feature count"))
		return -1;
	m->features = wasm_arena_array(m, n, sizeof(*m->features));
	for (uint32_t i = 0; i < n; i++) {
		size_t at = r->pos;
		uint8_t prefix;

		if (rd_byte(r, &prefix, "feature prefix"))
			return -1;
		if (prefix != '+' && prefix != '-' && prefix != '=')
			return rd_fail(r, at, "feature %u: prefix 0x%02x is not '+', '-' or '='", i, prefix);
		m->features[i].prefix = (char)prefix;
		if (rd_name(r, &m->features[i].name, "feature name"))
			return -1;
		m->nfeatures = i + 1;
	}
	return 0;
}

static int read_symbol_table(struct rd *r)
{
	struct wasm_module *m = r->m;
	struct wasm_linking *l = &m->linking;
	uint32_t n;

	if (rd_count(r, &n, 2, "symbol count"))
		return -1;
	l->symbols = wasm_arena_array(m, n, sizeof(*l->symbols));
	for (uint32_t i = 0; i < n; i++) {
		struct wasm_symbol *s = &l->symbols[i];
		size_t at = r->pos, space = 0, nimported = 0;
		uint32_t flags;
		uint8_t kind;
		int defined;

		if (rd_byte(r, &kind, "symbol kind") || rd_u32(r, &flags, "symbol flags"))
			return -1;
		s->kind = kind;
		s->flags = flags;
		defined = !(flags & WASM_SYM_UNDEFINED);
		switch (kind) {
		case WASM_SYMBOL_FUNCTION:
			space = m->nimported_funcs + m->nfuncs, nimported = m->nimported_funcs;
			break;
		case WASM_SYMBOL_GLOBAL:
			space = m->nimported_globals + m->nglobals, nimported = m->nimported_globals;
			break;
		case WASM_SYMBOL_TAG:
			space = m->nimported_tags + m->ntags, nimported = m->nimported_tags;
			break;
		case WASM_SYMBOL_TABLE:
			space = m->nimported_tables + m->ntables, nimported = m->nimported_tables;
			break;
		case WASM_SYMBOL_DATA:
			if (rd_name(r, &s->name, "symbol name"))
				return -1;
			if (defined) {
				if (rd_u32(r, &s->index, "data segment index") ||
				    rd_uleb(r, 64, &s->offset, "data offset") || rd_uleb(r, 64, &s->size, "data size"))
					return -1;
			}
			l->nsymbols = i + 1;
			continue;
		case WASM_SYMBOL_SECTION:
			if (rd_u32(r, &s->index, "section index"))
				return -1;
			s->name = "";
			l->nsymbols = i + 1;
			continue;
		default:
			return rd_fail(r, at, "symbol %u: unknown symbol kind %u", i, kind);
		}
		at = r->pos;
		if (rd_u32(r, &s->index, "symbol index"))
			return -1;
		if (s->index >= space)
			return rd_fail(r, at, "symbol %u: %s index %u is out of range (%zu)", i,
				       wasm_symbol_kind_name(s->kind), s->index, space);
		if (!defined && s->index >= nimported)
			return rd_fail(r, at, "symbol %u: undefined %s %u is not an import", i,
				       wasm_symbol_kind_name(s->kind), s->index);
		if (defined || (flags & WASM_SYM_EXPLICIT_NAME)) {
			if (rd_name(r, &s->name, "symbol name"))
				return -1;
		} else {
			/* The name is the import's: find the INDEX-th import of the kind. */
			static const enum wasm_extern ext[] = {
				[WASM_SYMBOL_FUNCTION] = WASM_EXTERN_FUNC,
				[WASM_SYMBOL_GLOBAL] = WASM_EXTERN_GLOBAL,
				[WASM_SYMBOL_TAG] = WASM_EXTERN_TAG,
				[WASM_SYMBOL_TABLE] = WASM_EXTERN_TABLE,
			};
			uint32_t seen = 0;

			s->name = "";
			for (size_t k = 0; k < m->nimports; k++) {
				if (m->imports[k].kind != ext[kind])
					continue;
				if (seen++ == s->index) {
					s->name = m->imports[k].name;
					break;
				}
			}
		}
		l->nsymbols = i + 1;
	}
	return 0;
}

static int read_linking_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	struct wasm_linking *l = &m->linking;
	size_t at = r->pos;

	l->present = 1;
	if (rd_u32(r, &l->version, "linking version"))
		return -1;
	if (l->version != 2)
		return rd_fail(r, at, "linking metadata version %u is not 2", l->version);
	while (r->pos < r->end) {
		size_t saved;
		const char *saved_region;
		uint8_t type;
		uint32_t size, n;

		at = r->pos;
		if (rd_byte(r, &type, "linking subsection type") || rd_u32(r, &size, "linking subsection size") ||
		    rd_enter(r, at, size, &saved, &saved_region, "subsection", "linking subsection"))
			return -1;
		switch (type) {
		case 5:  /* WASM_SEGMENT_INFO */
			if (rd_count(r, &n, 3, "segment count"))
				return -1;
			l->segments = wasm_arena_array(m, n, sizeof(*l->segments));
			for (uint32_t i = 0; i < n; i++) {
				if (rd_name(r, &l->segments[i].name, "segment name") ||
				    rd_u32(r, &l->segments[i].p2align, "segment alignment") ||
				    rd_u32(r, &l->segments[i].flags, "segment flags"))
					return -1;
				l->nsegments = i + 1;
			}
			break;
		case 6:  /* WASM_INIT_FUNCS */
			if (rd_count(r, &n, 2, "init function count"))
				return -1;
			for (uint32_t i = 0; i < n; i++) {
				uint32_t priority, sym;

				at = r->pos;
				if (rd_u32(r, &priority, "init priority") || rd_u32(r, &sym, "init symbol"))
					return -1;
				if (l->nsymbols && sym >= l->nsymbols)
					return rd_fail(r, at, "init function %u: symbol %u is out of range", i, sym);
			}
			l->ninit_funcs = n;
			break;
		case 7:  /* WASM_COMDAT_INFO */
			if (rd_count(r, &n, 3, "comdat count"))
				return -1;
			for (uint32_t i = 0; i < n; i++) {
				const uint8_t *p;
				uint32_t len, flags, count;

				if (rd_name_raw(r, &p, &len, "comdat name") || rd_u32(r, &flags, "comdat flags") ||
				    rd_count(r, &count, 2, "comdat entry count"))
					return -1;
				for (uint32_t k = 0; k < count; k++) {
					uint8_t kind;
					uint32_t idx;

					if (rd_byte(r, &kind, "comdat entry kind") ||
					    rd_u32(r, &idx, "comdat entry index"))
						return -1;
				}
			}
			l->ncomdats = n;
			break;
		case 8:  /* WASM_SYMBOL_TABLE */
			if (read_symbol_table(r))
				return -1;
			break;
		default:  /* newer subsections: skipped by their size */
			r->pos = r->end;
			break;
		}
		if (rd_expect_end(r, "the linking subsection"))
			return -1;
		rd_leave(r, saved, saved_region);
	}
	return 0;
}

static void add_note(struct wasm_module *m, char *note)
{
	const char **grown = wasm_arena_array(m, m->nnotes + 1, sizeof(*grown));

	if (m->nnotes)
		memcpy(grown, m->notes, m->nnotes * sizeof(*grown));
	grown[m->nnotes++] = note;
	m->notes = grown;
}

static int read_reloc_section(struct rd *r, const char *name, size_t nsections_before)
{
	struct wasm_module *m = r->m;
	struct wasm_reloc_section *rs;
	struct wasm_reloc_section *grown = wasm_arena_array(m, m->nrelocs + 1, sizeof(*grown));
	size_t at = r->pos;
	uint32_t n;

	if (m->nrelocs)
		memcpy(grown, m->relocs, m->nrelocs * sizeof(*grown));
	m->relocs = grown;
	rs = &m->relocs[m->nrelocs++];
	rs->name = name;
	if (rd_u32(r, &rs->target, "relocation target section"))
		return -1;
	if (rs->target >= nsections_before)
		return rd_fail(r, at, "relocation target section %u does not precede this section", rs->target);
	if (rd_count(r, &n, 3, "relocation count"))
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		uint8_t type;
		uint32_t offset, index;
		int64_t addend;
		int bits;

		at = r->pos;
		if (rd_byte(r, &type, "relocation type"))
			return -1;
		if (type >= WASM_RELOC_KNOWN) {
			/* Its layout is unknown, so the rest cannot be read. */
			add_note(m, wasm_arena_printf(m,
						      "%s: offset 0x%zx: relocation type %u is newer than this reader; "
						      "the remaining %u relocations of %s were not read",
						      r->label, r->base + at, type, n - i, name));
			r->pos = r->end;
			return 0;
		}
		if (rd_u32(r, &offset, "relocation offset") || rd_u32(r, &index, "relocation index"))
			return -1;
		bits = reloc_addend_bits(type);
		if (bits && rd_sleb(r, (unsigned)bits, &addend, "relocation addend"))
			return -1;
		rs->type_count[type]++;
		rs->count = i + 1;
	}
	return 0;
}

static int read_dylink_mem_info(struct rd *r, struct wasm_dylink *d)
{
	return rd_u32(r, &d->mem_size, "memory size") || rd_u32(r, &d->mem_p2align, "memory alignment") ||
			       rd_u32(r, &d->table_size, "table size") ||
			       rd_u32(r, &d->table_p2align, "table alignment")
		       ? -1
		       : 0;
}

static int read_string_list(struct rd *r, const char ***out, size_t *nout, const char *count_what, const char *what)
{
	uint32_t n;

	if (rd_count(r, &n, 1, count_what))
		return -1;
	*out = wasm_arena_array(r->m, n, sizeof(**out));
	for (uint32_t i = 0; i < n; i++) {
		if (rd_name(r, &(*out)[i], what))
			return -1;
		*nout = i + 1;
	}
	return 0;
}

static int read_dylink0_section(struct rd *r)
{
	struct wasm_module *m = r->m;
	struct wasm_dylink *d = &m->dylink;

	d->section = "dylink.0";
	while (r->pos < r->end) {
		size_t at = r->pos, saved;
		const char *saved_region;
		uint8_t type;
		uint32_t size, n;

		if (rd_byte(r, &type, "dylink.0 subsection type") || rd_u32(r, &size, "dylink.0 subsection size") ||
		    rd_enter(r, at, size, &saved, &saved_region, "subsection", "dylink.0 subsection"))
			return -1;
		switch (type) {
		case 1:  /* WASM_DYLINK_MEM_INFO */
			if (read_dylink_mem_info(r, d))
				return -1;
			break;
		case 2:  /* WASM_DYLINK_NEEDED */
			if (read_string_list(r, &d->needed, &d->nneeded, "needed library count", "needed library"))
				return -1;
			break;
		case 3:  /* WASM_DYLINK_EXPORT_INFO */
			if (rd_count(r, &n, 2, "export info count"))
				return -1;
			d->export_info = wasm_arena_array(m, n, sizeof(*d->export_info));
			for (uint32_t i = 0; i < n; i++) {
				if (rd_name(r, &d->export_info[i].name, "export info name") ||
				    rd_u32(r, &d->export_info[i].flags, "export info flags"))
					return -1;
				d->nexport_info = i + 1;
			}
			break;
		case 4:  /* WASM_DYLINK_IMPORT_INFO */
			if (rd_count(r, &n, 3, "import info count"))
				return -1;
			d->import_info = wasm_arena_array(m, n, sizeof(*d->import_info));
			for (uint32_t i = 0; i < n; i++) {
				if (rd_name(r, &d->import_info[i].module, "import info module") ||
				    rd_name(r, &d->import_info[i].name, "import info name") ||
				    rd_u32(r, &d->import_info[i].flags, "import info flags"))
					return -1;
				d->nimport_info = i + 1;
			}
			break;
		case 5:  /* WASM_DYLINK_RUNTIME_PATH */
			if (read_string_list(r, &d->runtime_path, &d->nruntime_path, "runtime path count",
					     "runtime path"))
				return -1;
			break;
		default:
			r->pos = r->end;
			break;
		}
		if (rd_expect_end(r, "the dylink.0 subsection"))
			return -1;
		rd_leave(r, saved, saved_region);
	}
	return 0;
}

static int read_dylink_legacy_section(struct rd *r)
{
	struct wasm_dylink *d = &r->m->dylink;

	d->section = "dylink";
	return read_dylink_mem_info(r, d) ||
			       read_string_list(r, &d->needed, &d->nneeded, "needed library count", "needed library")
		       ? -1
		       : 0;
}

static int read_custom_section(struct rd *r, const char *name, size_t nsections_before)
{
	struct wasm_module *m = r->m;

	if (strcmp(name, "name") == 0)
		return read_name_section(r);
	if (strcmp(name, "producers") == 0)
		return read_producers_section(r);
	if (strcmp(name, "target_features") == 0)
		return read_target_features_section(r);
	if (strcmp(name, "linking") == 0)
		return read_linking_section(r);
	if (has_prefix(name, "reloc."))
		return read_reloc_section(r, name, nsections_before);
	if (strcmp(name, "dylink.0") == 0 || strcmp(name, "dylink") == 0) {
		if (m->dylink.section)
			return rd_fail(r, r->pos, "a second dylink section (\"%s\" after \"%s\")", name,
				       m->dylink.section);
		return name[6] ? read_dylink0_section(r) : read_dylink_legacy_section(r);
	}
	if (strcmp(name, ".llvmbc") == 0 && !m->bitcode.present) {
		size_t at = r->pos;

		r->pos = r->end;
		return bitcode_read(m, r->label, r->p + at, r->end - at, r->base + at);
	}
	r->pos = r->end;  /* unknown custom sections are skipped */
	return 0;
}

/* ---- a whole wasm file ------------------------------------------------ */

/* Where each known section may appear: the binary format's order. */
static int section_rank(unsigned id)
{
	static const int rank[] = {
		[WASM_SEC_TYPE] = 1,   [WASM_SEC_IMPORT] = 2,   [WASM_SEC_FUNCTION] = 3,   [WASM_SEC_TABLE] = 4,
		[WASM_SEC_MEMORY] = 5, [WASM_SEC_TAG] = 6,      [WASM_SEC_GLOBAL] = 7,     [WASM_SEC_EXPORT] = 8,
		[WASM_SEC_START] = 9,  [WASM_SEC_ELEMENT] = 10, [WASM_SEC_DATACOUNT] = 11, [WASM_SEC_CODE] = 12,
		[WASM_SEC_DATA] = 13,
	};

	return id < sizeof(rank) / sizeof(*rank) ? rank[id] : 0;
}

void wasm_append_valtype(struct strbuf *sb, const struct wasm_valtype *vt)
{
	static const char *const abstract[] = {
		[0x69] = "exn",  [0x6a] = "array",    [0x6b] = "struct", [0x6c] = "i31",
		[0x6d] = "eq",   [0x6e] = "any",      [0x6f] = "extern", [0x70] = "func",
		[0x71] = "none", [0x72] = "noextern", [0x73] = "nofunc", [0x74] = "noexn",
	};
	static const char *const shorthand[] = {
		[0x69] = "exnref",  [0x6a] = "arrayref",      [0x6b] = "structref",   [0x6c] = "i31ref",
		[0x6d] = "eqref",   [0x6e] = "anyref",        [0x6f] = "externref",   [0x70] = "funcref",
		[0x71] = "nullref", [0x72] = "nullexternref", [0x73] = "nullfuncref", [0x74] = "nullexnref",
		[0x7b] = "v128",    [0x7c] = "f64",           [0x7d] = "f32",         [0x7e] = "i64",
		[0x7f] = "i32",
	};

	if (vt->code == 0x63 || vt->code == 0x64) {
		strbuf_addstr(sb, vt->code == 0x63 ? "(ref null " : "(ref ");
		if (vt->heap)
			strbuf_addf(sb, "%s)", abstract[vt->heap]);
		else
			strbuf_addf(sb, "%u)", vt->index);
		return;
	}
	if (vt->code < sizeof(shorthand) / sizeof(*shorthand) && shorthand[vt->code])
		strbuf_addstr(sb, shorthand[vt->code]);
	else
		strbuf_addf(sb, "0x%02x", vt->code);
}

static void append_valtypes(struct strbuf *sb, const struct wasm_valtype *v, uint32_t n)
{
	strbuf_addch(sb, '(');
	for (uint32_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		wasm_append_valtype(sb, &v[i]);
	}
	strbuf_addch(sb, ')');
}

static void append_functype(struct strbuf *sb, const struct wasm_functype *ft)
{
	append_valtypes(sb, ft->params, ft->nparams);
	strbuf_addstr(sb, " -> ");
	if (ft->nresults == 1)
		wasm_append_valtype(sb, &ft->results[0]);
	else
		append_valtypes(sb, ft->results, ft->nresults);
}

static void append_limits(struct strbuf *sb, const struct wasm_limits *l)
{
	strbuf_addf(sb, "%llu..", (unsigned long long)l->min);
	if (l->has_max)
		strbuf_addf(sb, "%llu", (unsigned long long)l->max);
	if (l->shared)
		strbuf_addstr(sb, " shared");
	if (l->is64)
		strbuf_addstr(sb, " i64");
	if (l->page_log2 != 16)
		strbuf_addf(sb, " pagesize %u", 1u << l->page_log2);
}

long wasm_func_type(const struct wasm_module *m, uint32_t funcidx)
{
	if (funcidx < m->nimported_funcs) {
		uint32_t seen = 0;

		for (size_t i = 0; i < m->nimports; i++)
			if (m->imports[i].kind == WASM_EXTERN_FUNC && seen++ == funcidx)
				return m->imports[i].type;
		return -1;
	}
	funcidx -= (uint32_t)m->nimported_funcs;
	return funcidx < m->nfuncs ? (long)m->func_types[funcidx] : -1;
}

/* The INDEX-th import of KIND, or NULL when INDEX is a defined one. */
static const struct wasm_import *nth_import(const struct wasm_module *m, enum wasm_extern kind, uint32_t index)
{
	uint32_t seen = 0;

	for (size_t i = 0; i < m->nimports; i++)
		if (m->imports[i].kind == kind && seen++ == index)
			return &m->imports[i];
	return NULL;
}

static const char *import_signature(struct wasm_module *m, const struct wasm_import *im)
{
	struct strbuf sb = { 0 };
	const char *s;

	switch (im->kind) {
	case WASM_EXTERN_FUNC:
		append_functype(&sb, &m->types[im->type]);
		break;
	case WASM_EXTERN_TAG:
		append_valtypes(&sb, m->types[im->type].params, m->types[im->type].nparams);
		break;
	case WASM_EXTERN_GLOBAL:
		if (im->is_mutable)
			strbuf_addstr(&sb, "mut ");
		wasm_append_valtype(&sb, &im->valtype);
		break;
	case WASM_EXTERN_MEMORY:
		strbuf_addstr(&sb, "pages ");
		append_limits(&sb, &im->limits);
		break;
	case WASM_EXTERN_TABLE:
		wasm_append_valtype(&sb, &im->valtype);
		strbuf_addch(&sb, ' ');
		append_limits(&sb, &im->limits);
		break;
	}
	s = wasm_arena_strndup(m, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return s;
}

static const char *export_signature(struct wasm_module *m, const struct wasm_export *ex)
{
	const struct wasm_import *im = nth_import(m, ex->kind, ex->index);
	struct wasm_import def;
	uint32_t i;

	if (im)
		return im->signature;
	/* Describe the defined entity as if it were an import, and reuse that. */
	memset(&def, 0, sizeof(def));
	def.kind = ex->kind;
	switch (ex->kind) {
	case WASM_EXTERN_FUNC:
		def.type = m->func_types[ex->index - m->nimported_funcs];
		break;
	case WASM_EXTERN_TAG:
		def.type = m->tag_types[ex->index - m->nimported_tags];
		break;
	case WASM_EXTERN_GLOBAL:
		i = ex->index - (uint32_t)m->nimported_globals;
		def.valtype = m->global_types[i];
		def.is_mutable = m->global_mutable[i];
		break;
	case WASM_EXTERN_MEMORY:
		def.limits = m->memories[ex->index - m->nimported_memories];
		break;
	case WASM_EXTERN_TABLE:
		i = ex->index - (uint32_t)m->nimported_tables;
		def.valtype = m->table_types[i];
		def.limits = m->table_limits[i];
		break;
	}
	return import_signature(m, &def);
}

static const char *const main_runtime_exports[] = {
	"stackAlloc",
	"stackSave",
	"stackRestore",
	"_emscripten_stack_alloc",
	"_emscripten_stack_restore",
	"emscripten_stack_init",
	"emscripten_stack_get_current",
	"emscripten_stack_set_limits",
	"_emscripten_find_dylib",
	"__heap_base",
	"__data_end",
};

/* Main or side module: what the Emscripten runtime leaves in a main module. */
static const char *main_module_evidence(struct wasm_module *m)
{
	for (size_t i = 0; i < m->nexports; i++) {
		const struct wasm_export *ex = &m->exports[i];

		if (ex->kind == WASM_EXTERN_MEMORY)
			return wasm_arena_printf(m, "exports its memory as \"%s\"", ex->name);
		if (ex->kind == WASM_EXTERN_TABLE)
			return wasm_arena_printf(m, "exports its table as \"%s\"", ex->name);
		for (size_t k = 0; k < sizeof(main_runtime_exports) / sizeof(*main_runtime_exports); k++)
			if (strcmp(ex->name, main_runtime_exports[k]) == 0)
				return wasm_arena_printf(m, "exports %s (Emscripten runtime)", ex->name);
	}
	if (m->nmemories)
		return "defines its memory";
	for (size_t i = 0; i < m->nimports; i++) {
		const struct wasm_import *im = &m->imports[i];

		if (strcmp(im->module, "wasi_snapshot_preview1") == 0)
			return wasm_arena_printf(m, "imports %s.%s (libc lives in the main module)", im->module,
						 im->name);
		if (strcmp(im->module, "GOT.mem") == 0 && strcmp(im->name, "__heap_base") == 0)
			return "imports GOT.mem.__heap_base (Emscripten runtime)";
	}
	return NULL;
}

static void classify(struct wasm_module *m)
{
	const char *evidence;

	if (m->linking.present) {
		m->kind = WASM_KIND_OBJECT;
		m->kind_reason = "has a linking section (relocatable object)";
	} else if (m->dylink.section) {
		evidence = main_module_evidence(m);
		if (evidence) {
			m->kind = WASM_KIND_MAIN_MODULE;
			m->kind_reason = wasm_arena_printf(m, "has a %s section and %s", m->dylink.section, evidence);
		} else {
			m->kind = WASM_KIND_SIDE_MODULE;
			m->kind_reason = wasm_arena_printf(m, "has a %s section and none of a main module's runtime",
							   m->dylink.section);
		}
	} else {
		m->kind = WASM_KIND_MODULE;
		m->kind_reason = "neither a linking nor a dylink section";
	}
}

/* Reads the sections; m->sections grows with xgrow (CAP) until wasm_read() moves it. */
static int read_sections(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base,
			 size_t *cap)
{
	struct rd r = {
		.p = p, .len = len, .pos = 8, .end = len, .base = base, .label = label, .region = "file", .m = m
	};
	int last_rank = 0;
	uint32_t version;

	if (len < 8)
		return rd_fail(&r, len, "truncated wasm header: %zu of 8 bytes", len);
	version = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
	if (version == 0x0001000d)
		return rd_fail(&r, 4, "a WebAssembly component (layer 1), not a core module: not supported");
	if (version != 1)
		return rd_fail(&r, 4, "wasm version %u is not 1", version);
	m->version = version;
	m->file_size = len;
	while (r.pos < len) {
		size_t at = r.pos, saved = 0;
		const char *saved_region = NULL;
		struct wasm_section *sec;
		uint8_t id;
		uint32_t size;
		int rank;

		r.ctx[0] = '\0';
		if (rd_byte(&r, &id, "section id"))
			return -1;
		if (id > WASM_SEC_TAG)
			return rd_fail(&r, at, "unknown section id %u", id);
		snprintf(r.ctx, sizeof(r.ctx), "section %u (%s)", id, wasm_section_name(id));
		if (rd_u32(&r, &size, "section size"))
			return -1;
		if (size > rd_left(&r)) {
			r.ctx[0] = '\0';
			return rd_fail(&r, at,
				       "section %u (%s) runs past the end of the file (size 0x%x, 0x%zx bytes left)",
				       id, wasm_section_name(id), size, rd_left(&r));
		}
		rank = section_rank(id);
		if (rank && rank <= last_rank)
			return rd_fail(&r, at,
				       "out of order or repeated (sections must follow the binary format's order)");
		if (rank)
			last_rank = rank;
		xgrow(&m->sections, cap, m->nsections + 1, sizeof(*m->sections));
		sec = &m->sections[m->nsections++];
		sec->id = id;
		sec->offset = at;
		sec->size = size;
		sec->name = wasm_section_name(id);
		rd_enter(&r, at, size, &saved, &saved_region, "section", "section");
		if (id == WASM_SEC_CUSTOM) {
			const char *name;

			if (rd_name(&r, &name, "custom section name"))
				return -1;
			sec->name = name;
			snprintf(r.ctx, sizeof(r.ctx), "custom section \"%.100s\"", name);
			if (read_custom_section(&r, name, m->nsections - 1))
				return -1;
		} else {
			int rc = 0;

			switch (id) {
			case WASM_SEC_TYPE:
				rc = read_type_section(&r);
				break;
			case WASM_SEC_IMPORT:
				rc = read_import_section(&r);
				break;
			case WASM_SEC_FUNCTION:
				rc = read_function_section(&r);
				break;
			case WASM_SEC_TABLE:
				rc = read_table_section(&r);
				break;
			case WASM_SEC_MEMORY:
				rc = read_memory_section(&r);
				break;
			case WASM_SEC_GLOBAL:
				rc = read_global_section(&r);
				break;
			case WASM_SEC_EXPORT:
				rc = read_export_section(&r, at);
				break;
			case WASM_SEC_START:
				rc = read_start_section(&r);
				break;
			case WASM_SEC_ELEMENT:
				rc = read_element_section(&r);
				break;
			case WASM_SEC_CODE:
				rc = read_code_section(&r, at);
				break;
			case WASM_SEC_DATA:
				rc = read_data_section(&r, at);
				break;
			case WASM_SEC_DATACOUNT:
				rc = rd_u32(&r, &m->datacount, "data count");
				m->has_datacount = 1;
				break;
			case WASM_SEC_TAG:
				rc = read_tag_section(&r);
				break;
			}
			if (rc)
				return -1;
		}
		if (rd_expect_end(&r, "the section"))
			return -1;
		rd_leave(&r, saved, saved_region);
	}
	r.ctx[0] = '\0';
	if (m->nfuncs && !m->code_bytes) {
		int has_code = 0;

		for (size_t i = 0; i < m->nsections; i++)
			has_code |= m->sections[i].id == WASM_SEC_CODE;
		if (!has_code)
			return rd_fail(&r, len,
				       "the function section declares %zu functions, but there is no code section",
				       m->nfuncs);
	}
	if (m->has_datacount && m->datacount && !m->ndata_segments)
		return rd_fail(&r, len, "the data count section says %u segments, but there is no data section",
			       m->datacount);
	return 0;
}

int wasm_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base)
{
	struct wasm_section *grown;
	size_t cap = 0;
	int rc = read_sections(m, label, p, len, base, &cap);

	/* The section list joins the arena, read in full or not. */
	grown = m->sections;
	m->sections = wasm_arena_array(m, m->nsections, sizeof(*m->sections));
	if (m->nsections)
		memcpy(m->sections, grown, m->nsections * sizeof(*grown));
	free(grown);
	if (rc)
		return -1;
	for (size_t i = 0; i < m->nimports; i++)
		m->imports[i].signature = import_signature(m, &m->imports[i]);
	for (size_t i = 0; i < m->nexports; i++)
		m->exports[i].signature = export_signature(m, &m->exports[i]);
	classify(m);
	return 0;
}
