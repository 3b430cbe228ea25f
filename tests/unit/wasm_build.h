/*
 * wasm_build.h: what the tests of the readers, the checks and the JSON form
 * share: a byte builder for wasm modules, an LLVM bitstream writer, a
 * small relocatable object, the committed fixtures under tests/wasm/, and
 * lookups in what was read. Each test shows exactly what it feeds the
 * reader.
 */
#ifndef EMCOMPAT_WASM_BUILD_H
#define EMCOMPAT_WASM_BUILD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "emcompat/wasm_check.h"

/* ---- a byte builder ---------------------------------------------------- */

static inline void u8(struct strbuf *s, unsigned v)
{
	strbuf_addch(s, (int)(v & 0xff));
}

static inline void bytes(struct strbuf *s, const void *p, size_t n)
{
	strbuf_add(s, p, n);
}

static inline void leb(struct strbuf *s, uint64_t v)
{
	do {
		unsigned b = v & 0x7f;

		v >>= 7;
		u8(s, b | (v ? 0x80 : 0));
	} while (v);
}

static inline void sleb(struct strbuf *s, int64_t v)
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

static inline void str(struct strbuf *s, const char *z)
{
	leb(s, strlen(z));
	bytes(s, z, strlen(z));
}

static inline void header(struct strbuf *s)
{
	bytes(s, "\0asm\1\0\0\0", 8);
}

/* Appends section ID holding BODY (released). */
static inline void section(struct strbuf *mod, unsigned id, struct strbuf *body)
{
	u8(mod, id);
	leb(mod, body->len);
	bytes(mod, body->buf ? body->buf : "", body->len);
	strbuf_release(body);
}

static inline void custom(struct strbuf *mod, const char *name, struct strbuf *body)
{
	struct strbuf c = { 0 };

	str(&c, name);
	bytes(&c, body->buf ? body->buf : "", body->len);
	strbuf_release(body);
	section(mod, 0, &c);
}

/* Appends subsection ID holding BODY (released): dylink.0, linking, name. */
static inline void subsection(struct strbuf *s, unsigned id, struct strbuf *body)
{
	section(s, id, body);
}

/* Reads S, and computes its facts as the checks and the JSON form need. */
static inline int inspect(const struct strbuf *s, struct wasm_module *m)
{
	if (wasm_inspect_buffer("t.wasm", (const uint8_t *)s->buf, s->len, m))
		return -1;
	wasm_compute_facts(m);
	return 0;
}

/* S must be rejected with a message containing WANT (and an offset). */
#define CHECK_REJECTS(s, want)                           \
	do {                                             \
		struct wasm_module m_;                   \
		error_clear();                           \
		CHECK_INT(inspect((s), &m_), -1);        \
		CHECK_HAS(error_message(), (want));      \
		CHECK_HAS(error_message(), "offset 0x"); \
		CHECK_INT(error_code(), EC_EXIT_INPUT);  \
		error_clear();                           \
	} while (0)

static inline const struct wasm_export *find_export(const struct wasm_module *m, const char *name)
{
	for (size_t i = 0; i < m->nexports; i++)
		if (strcmp(m->exports[i].name, name) == 0)
			return &m->exports[i];
	return NULL;
}

static inline const struct wasm_finding *find_finding(const struct wasm_findings *f, const char *class_id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->items[i].class_id, class_id) == 0)
			return &f->items[i];
	return NULL;
}

static inline size_t count_findings(const struct wasm_findings *f, const char *class_id)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->items[i].class_id, class_id) == 0;
	return n;
}

/* A type section: 0 () -> (), 1 (i32, i64) -> i32, 2 (i32) -> (), 3 (i64) -> i64. */
static inline void add_types(struct strbuf *mod)
{
	struct strbuf b = { 0 };

	leb(&b, 4);
	bytes(&b, "\x60\x00\x00", 3);
	bytes(&b, "\x60\x02\x7f\x7e\x01\x7f", 6);
	bytes(&b, "\x60\x01\x7f\x00", 4);
	bytes(&b, "\x60\x01\x7e\x01\x7e", 5);
	section(mod, 1, &b);
}

static inline void add_dylink0(struct strbuf *s, uint32_t mem, uint32_t table, const char *needed)
{
	struct strbuf c = { 0 }, sub = { 0 };

	leb(&sub, mem);
	leb(&sub, 2);
	leb(&sub, table);
	leb(&sub, 0);
	subsection(&c, 1, &sub);
	if (needed) {
		leb(&sub, 1);
		str(&sub, needed);
		subsection(&c, 2, &sub);
	}
	leb(&sub, 1);
	str(&sub, "exported_tls");
	leb(&sub, WASM_SYM_TLS);
	subsection(&c, 3, &sub);
	leb(&sub, 1);
	str(&sub, "env");
	str(&sub, "maybe");
	leb(&sub, WASM_SYM_BINDING_WEAK);
	subsection(&c, 4, &sub);
	bytes(&sub, "\x07\x00", 2);  /* an unknown subsection, skipped by its size */
	subsection(&c, 9, &sub);
	custom(s, "dylink.0", &c);
}


/* An object: imports (undefined symbols), a linking section, reloc.CODE. */
static inline void build_object(struct strbuf *s, int with_unknown_reloc)
{
	struct strbuf b = { 0 }, c = { 0 }, sub = { 0 };

	header(s);
	add_types(s);
	leb(&b, 3);
	str(&b, "env");
	str(&b, "__linear_memory");
	u8(&b, 2);
	u8(&b, 0);
	leb(&b, 1);
	str(&b, "env");
	str(&b, "host_i64");
	u8(&b, 0);
	leb(&b, 3);
	str(&b, "env");
	str(&b, "_emscripten_get_now");
	u8(&b, 0);
	leb(&b, 0);
	section(s, 2, &b);
	leb(&b, 1);
	leb(&b, 1);
	section(s, 3, &b);
	leb(&b, 1);
	leb(&b, 2);
	u8(&b, 0);
	u8(&b, 0x0b);
	section(s, 10, &b);                 /* section index 4 */
	leb(&b, 1);
	leb(&b, 0);
	u8(&b, 0x41);
	sleb(&b, 0);
	u8(&b, 0x0b);
	str(&b, "abcd");
	section(s, 11, &b);

	leb(&c, 2);     /* linking version */
	leb(&sub, 5);   /* symbol table */
	u8(&sub, 0);
	leb(&sub, WASM_SYM_EXPORTED);
	leb(&sub, 2);
	str(&sub, "probe");
	u8(&sub, 0);
	leb(&sub, WASM_SYM_UNDEFINED);
	leb(&sub, 0);
	u8(&sub, 0);
	leb(&sub, WASM_SYM_UNDEFINED | WASM_SYM_BINDING_WEAK | WASM_SYM_EXPLICIT_NAME);
	leb(&sub, 1);
	str(&sub, "now_renamed");
	u8(&sub, 1);
	leb(&sub, 0);
	str(&sub, "data_sym");
	leb(&sub, 0);
	leb(&sub, 0);
	leb(&sub, 4);
	u8(&sub, 3);
	leb(&sub, WASM_SYM_BINDING_LOCAL);
	leb(&sub, 4);
	subsection(&c, 8, &sub);
	leb(&sub, 1);
	str(&sub, ".data.data_sym");
	leb(&sub, 2);
	leb(&sub, 0);
	subsection(&c, 5, &sub);
	leb(&sub, 1);
	leb(&sub, 65535);
	leb(&sub, 0);
	subsection(&c, 6, &sub);
	leb(&sub, 1);
	str(&sub, "comdat");
	leb(&sub, 0);
	leb(&sub, 1);
	u8(&sub, 0);
	leb(&sub, 2);
	subsection(&c, 7, &sub);
	custom(s, "linking", &c);

	leb(&c, 4);     /* reloc.CODE applies to section 4 */
	leb(&c, with_unknown_reloc ? 3 : 2);
	u8(&c, 0);
	leb(&c, 1);
	leb(&c, 1);         /* FUNCTION_INDEX_LEB */
	u8(&c, 4);
	leb(&c, 3);
	leb(&c, 3);
	sleb(&c, -8);        /* MEMORY_ADDR_SLEB + addend */
	if (with_unknown_reloc) {
		u8(&c, 99);
		leb(&c, 0);
		leb(&c, 0);
	}
	custom(s, "reloc.CODE", &c);
}

/* ---- bitcode ------------------------------------------------------------ */

struct bw {
	unsigned char buf[512];
	size_t bits;
};

static inline void bw_put(struct bw *w, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++, w->bits++)
		if ((v >> i) & 1)
			w->buf[w->bits / 8] |= (unsigned char)(1u << (w->bits % 8));
}

static inline void bw_vbr(struct bw *w, uint64_t v, unsigned n)
{
	uint64_t hi = 1u << (n - 1);

	while (v >= hi) {
		bw_put(w, (v & (hi - 1)) | hi, n);
		v >>= n - 1;
	}
	bw_put(w, v, n);
}

static inline void bw_align32(struct bw *w)
{
	w->bits = (w->bits + 31) & ~(size_t)31;
}

static inline unsigned char6(char c)
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
static inline size_t make_bitcode(struct bw *w, const char *producer, int abbrev)
{
	size_t len_at, start;

	memset(w, 0, sizeof(*w));
	bw_put(w, 'B', 8);
	bw_put(w, 'C', 8);
	bw_put(w, 0xc0, 8);
	bw_put(w, 0xde, 8);
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
		bw_put(w, 1, 1);
		bw_vbr(w, 1, 8);
		bw_put(w, 0, 1);
		bw_put(w, 3, 3);
		bw_put(w, 0, 1);
		bw_put(w, 4, 3);
		bw_put(w, 2, 5);  /* DEFINE_ABBREV [literal 2, vbr6] */
		bw_vbr(w, 2, 5);
		bw_put(w, 1, 1);
		bw_vbr(w, 2, 8);
		bw_put(w, 0, 1);
		bw_put(w, 2, 3);
		bw_vbr(w, 6, 5);
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

/* ---- committed fixtures (tests/wasm) ----------------------------------- */

static inline char *fixture(const char *name)
{
	const char *src = getenv("EMCOMPAT_SOURCE_DIR");

	return xasprintf("%s/tests/wasm/%s", src ? src : ".", name);
}

/* Reads the fixture NAME, and computes its facts as inspect() does. */
static inline int load(const char *name, struct wasm_module *m)
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

#endif
