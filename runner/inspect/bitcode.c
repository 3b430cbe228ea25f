/*
 * bitcode: the LLVM bitcode reader, for a bitcode file (raw or in its
 * 0x0B17C0DE wrapper) and for the .llvmbc section of a wasm object. It
 * reads just enough of the LLVM bitstream format to find the
 * IDENTIFICATION block that opens every module since LLVM 3.8: its STRING
 * record is the producer ("LLVM22.1.8", "LLVM22.1.4-rust-1.97.0-nightly")
 * and EPOCH the bitcode epoch. The string is char6- or VBR6-encoded, so it
 * is decoded, not searched for. See include/emcompat/wasm.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bitcode.h"
#include "emcompat/error.h"
#include "emcompat/wasm.h"
#include "wasm_internal.h"

struct bits {
	const uint8_t *p;
	size_t pos, end;      /* in bits, relative to p */
	size_t base;          /* absolute offset of p[0] */
	const char *label;
};

static void bits_report(struct bits *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define bits_fail(...) (bits_report(__VA_ARGS__), -1)

static void bits_report(struct bits *b, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error(EC_EXIT_INPUT, "%s: offset 0x%zx: bitcode: %s", b->label, b->base + b->pos / 8, msg);
}

static int bits_read(struct bits *b, unsigned n, uint64_t *out, const char *what)
{
	uint64_t v = 0;

	if (n > b->end - b->pos)
		return bits_fail(b, "truncated %s: needs %u bits, %zu left", what, n, b->end - b->pos);
	for (unsigned i = 0; i < n; i++, b->pos++)
		v |= (uint64_t)((b->p[b->pos >> 3] >> (b->pos & 7)) & 1) << i;
	*out = v;
	return 0;
}

static int bits_vbr(struct bits *b, unsigned n, uint64_t *out, const char *what)
{
	uint64_t v = 0, chunk;
	unsigned shift = 0, hi = 1u << (n - 1);

	for (;;) {
		if (bits_read(b, n, &chunk, what))
			return -1;
		if (shift >= 64 || (shift && (chunk & (hi - 1)) >> (64 - shift)))
			return bits_fail(b, "VBR%u value longer than 64 bits (%s)", n, what);
		v |= (chunk & (hi - 1)) << shift;
		if (!(chunk & hi))
			break;
		shift += n - 1;
	}
	*out = v;
	return 0;
}

static int bits_align32(struct bits *b)
{
	size_t to = (b->pos + 31) & ~(size_t)31;

	if (to > b->end)
		return bits_fail(b, "truncated: alignment to 32 bits runs past the end");
	b->pos = to;
	return 0;
}

enum {
	OP_LITERAL,
	OP_FIXED,
	OP_VBR,
	OP_ARRAY,
	OP_CHAR6,
	OP_BLOB
};

struct abbrev_op {
	int enc;
	uint64_t value;       /* LITERAL: the value; FIXED, VBR: the width */
};

#define MAX_ABBREVS 32
#define MAX_ABBREV_OPS 32
#define MAX_PRODUCER 255

struct record {
	uint64_t code;
	size_t nops;
	char text[MAX_PRODUCER + 1];  /* the operands as characters (STRING) */
	uint64_t first;               /* the first operand (EPOCH) */
};

static void record_op(struct record *rec, uint64_t v)
{
	if (rec->nops == 0)
		rec->first = v;
	if (rec->nops < MAX_PRODUCER)
		rec->text[rec->nops] = (v >= 0x20 && v < 0x7f) ? (char)v : '?';
	rec->nops++;
}

static int read_scalar(struct bits *b, const struct abbrev_op *op, uint64_t *v)
{
	static const char char6[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._";

	switch (op->enc) {
	case OP_LITERAL:
		*v = op->value;
		return 0;
	case OP_FIXED:
		return bits_read(b, (unsigned)op->value, v, "fixed field");
	case OP_VBR:
		return bits_vbr(b, (unsigned)op->value, v, "VBR field");
	case OP_CHAR6:
		if (bits_read(b, 6, v, "char6 field"))
			return -1;
		*v = (uint64_t)(unsigned char)char6[*v];
		return 0;
	}
	return bits_fail(b, "array or blob used as an array element");
}

static int read_abbrev_record(struct bits *b, const struct abbrev_op *ops, size_t nops, struct record *rec)
{
	for (size_t i = 0; i < nops; i++) {
		uint64_t v, count;

		if (ops[i].enc == OP_ARRAY) {
			const struct abbrev_op *elt = &ops[i + 1];
			unsigned min_bits = elt->enc == OP_CHAR6 ? 6 : (unsigned)elt->value;

			if (bits_vbr(b, 6, &count, "array length"))
				return -1;
			if (count > (b->end - b->pos) / min_bits)
				return bits_fail(b, "array of %llu elements is longer than the bits left",
						 (unsigned long long)count);
			for (uint64_t k = 0; k < count; k++) {
				if (read_scalar(b, elt, &v))
					return -1;
				record_op(rec, v);
			}
			return 0;  /* the element op is the last one */
		}
		if (ops[i].enc == OP_BLOB) {
			if (bits_vbr(b, 6, &count, "blob length") || bits_align32(b))
				return -1;
			if (count > (b->end - b->pos) / 8)
				return bits_fail(b, "blob of %llu bytes runs past the end", (unsigned long long)count);
			b->pos += count * 8;
			return bits_align32(b);
		}
		if (read_scalar(b, &ops[i], &v))
			return -1;
		if (i == 0)
			rec->code = v;
		else
			record_op(rec, v);
	}
	return 0;
}

static int read_define_abbrev(struct bits *b, struct abbrev_op *ops, size_t *nops)
{
	uint64_t n, lit, enc, width;

	if (bits_vbr(b, 5, &n, "abbreviation operand count"))
		return -1;
	if (n == 0 || n > MAX_ABBREV_OPS)
		return bits_fail(b, "abbreviation with %llu operands (1 to %d supported)", (unsigned long long)n,
				 MAX_ABBREV_OPS);
	*nops = 0;
	for (uint64_t i = 0; i < n; i++) {
		struct abbrev_op *op = &ops[(*nops)++];

		if (bits_read(b, 1, &lit, "abbreviation operand kind"))
			return -1;
		if (lit) {
			op->enc = OP_LITERAL;
			if (bits_vbr(b, 8, &op->value, "abbreviation literal"))
				return -1;
			continue;
		}
		if (bits_read(b, 3, &enc, "abbreviation encoding"))
			return -1;
		if (enc < 1 || enc > 5)
			return bits_fail(b, "unknown abbreviation encoding %llu", (unsigned long long)enc);
		op->enc = (int)enc;
		if (enc == OP_FIXED || enc == OP_VBR) {
			if (bits_vbr(b, 5, &width, "abbreviation width"))
				return -1;
			if (width > (enc == OP_FIXED ? 64u : 32u))
				return bits_fail(b, "abbreviation width %llu is too large", (unsigned long long)width);
			if (width == 0) {  /* LLVM reads a zero width as the literal 0 */
				op->enc = OP_LITERAL;
				op->value = 0;
			} else if (enc == OP_VBR && width < 2) {
				return bits_fail(b, "VBR width 1 cannot continue");
			} else {
				op->value = width;
			}
		}
		if (enc == OP_ARRAY && i != n - 2)
			return bits_fail(b, "array operand is not second to last");
		if (enc == OP_BLOB && i != n - 1)
			return bits_fail(b, "blob operand is not last");
	}
	if (ops[0].enc == OP_ARRAY || ops[0].enc == OP_BLOB)
		return bits_fail(b, "abbreviation starts with an array or blob");
	for (size_t i = 0; i + 1 < *nops; i++)
		if (ops[i].enc == OP_ARRAY &&
		    (ops[i + 1].enc == OP_ARRAY || ops[i + 1].enc == OP_BLOB || ops[i + 1].enc == OP_LITERAL))
			return bits_fail(b, "array element must be fixed, VBR or char6");
	return 0;
}

static int read_identification(struct wasm_module *m, struct bits *b)
{
	struct abbrev_op abbrevs[MAX_ABBREVS][MAX_ABBREV_OPS];
	size_t nabbrev_ops[MAX_ABBREVS], nabbrevs = 0, block_end;
	uint64_t id, block, width, words;

	b->pos = 32;  /* after the magic */
	if (bits_read(b, 2, &id, "abbreviation id"))
		return -1;
	if (id != 1)
		return bits_fail(b, "expected a block at the top level, got abbreviation id %llu",
				 (unsigned long long)id);
	if (bits_vbr(b, 8, &block, "block id"))
		return -1;
	if (block != 13)  /* no IDENTIFICATION block: bitcode older than LLVM 3.8 */
		return 0;
	if (bits_vbr(b, 4, &width, "abbreviation width") || bits_align32(b) || bits_read(b, 32, &words, "block length"))
		return -1;
	if (width < 2 || width > 32)
		return bits_fail(b, "abbreviation width %llu is out of range", (unsigned long long)width);
	if (words > (b->end - b->pos) / 32)
		return bits_fail(b, "IDENTIFICATION block of %llu words runs past the end", (unsigned long long)words);
	block_end = b->pos + words * 32;
	b->end = block_end;
	for (;;) {
		struct record rec;

		if (bits_read(b, (unsigned)width, &id, "abbreviation id"))
			return -1;
		if (id == 0)  /* END_BLOCK */
			return 0;
		memset(&rec, 0, sizeof(rec));
		if (id == 1) {  /* a nested block: skipped */
			if (bits_vbr(b, 8, &block, "block id") || bits_vbr(b, 4, &words, "abbreviation width") ||
			    bits_align32(b) || bits_read(b, 32, &words, "block length"))
				return -1;
			if (words > (b->end - b->pos) / 32)
				return bits_fail(b, "nested block runs past the end");
			b->pos += words * 32;
			continue;
		}
		if (id == 2) {
			if (nabbrevs == MAX_ABBREVS)
				return bits_fail(b, "more than %d abbreviations", MAX_ABBREVS);
			if (read_define_abbrev(b, abbrevs[nabbrevs], &nabbrev_ops[nabbrevs]))
				return -1;
			nabbrevs++;
			continue;
		}
		if (id == 3) {  /* UNABBREV_RECORD */
			uint64_t nops, v;

			if (bits_vbr(b, 6, &rec.code, "record code") || bits_vbr(b, 6, &nops, "operand count"))
				return -1;
			if (nops > (b->end - b->pos) / 6)
				return bits_fail(b, "record with %llu operands is longer than the bits left",
						 (unsigned long long)nops);
			for (uint64_t k = 0; k < nops; k++) {
				if (bits_vbr(b, 6, &v, "record operand"))
					return -1;
				record_op(&rec, v);
			}
		} else {
			if (id - 4 >= nabbrevs)
				return bits_fail(b, "abbreviation id %llu is not defined", (unsigned long long)id);
			if (read_abbrev_record(b, abbrevs[id - 4], nabbrev_ops[id - 4], &rec))
				return -1;
		}
		if (rec.code == 1 && !m->bitcode.producer) {  /* IDENTIFICATION_CODE_STRING */
			size_t n = rec.nops < MAX_PRODUCER ? rec.nops : MAX_PRODUCER;

			m->bitcode.producer = wasm_arena_strndup(m, rec.text, n);
		} else if (rec.code == 2 && rec.nops) {  /* IDENTIFICATION_CODE_EPOCH */
			m->bitcode.epoch = (uint32_t)rec.first;
		}
	}
}

/* "LLVM22.1.4-rust-1.97.0-nightly" -> "22.1.4". */
static const char *producer_llvm_version(struct wasm_module *m, const char *producer)
{
	size_t n = 0;

	if (!producer || strncmp(producer, "LLVM", 4) != 0)
		return NULL;
	producer += 4;
	while ((producer[n] >= '0' && producer[n] <= '9') || producer[n] == '.')
		n++;
	return n && producer[0] != '.' ? wasm_arena_strndup(m, producer, n) : NULL;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int bitcode_is_raw(const uint8_t *p, size_t len)
{
	return len >= 4 && p[0] == 'B' && p[1] == 'C' && p[2] == 0xc0 && p[3] == 0xde;
}

int bitcode_is_wrapped(const uint8_t *p, size_t len)
{
	return len >= 4 && le32(p) == 0x0b17c0de;
}

int bitcode_read(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base)
{
	struct bits b = { .label = label };

	if (bitcode_is_wrapped(p, len)) {
		uint32_t off, size;

		if (len < 20)
			return wasm_error_at(label, base, "truncated bitcode wrapper header: %zu of 20 bytes", len);
		off = le32(p + 8);
		size = le32(p + 12);
		if (off < 20 || off > len || size > len - off)
			return wasm_error_at(label, base + 8,
					     "bitcode wrapper says offset 0x%x size 0x%x, "
					     "past the end of the file (size 0x%zx)",
					     off, size, len);
		m->bitcode.wrapper = 1;
		p += off;
		base += off;
		len = size;
	}
	if (!bitcode_is_raw(p, len))
		return wasm_error_at(label, base, "expected LLVM bitcode ('BC' 0xC0DE)");
	m->bitcode.present = 1;
	m->bitcode.offset = base;
	m->bitcode.size = len;
	b.p = p;
	b.base = base;
	b.end = len * 8;
	if (read_identification(m, &b))
		return -1;
	m->bitcode.llvm_version = producer_llvm_version(m, m->bitcode.producer);
	return 0;
}

int bitcode_read_file(struct wasm_module *m, const char *label, const uint8_t *p, size_t len, size_t base)
{
	m->kind = WASM_KIND_BITCODE;
	m->kind_reason = bitcode_is_raw(p, len) ? "starts with the bitcode magic 'BC' 0xC0DE"
						: "starts with the bitcode wrapper magic 0x0B17C0DE";
	return bitcode_read(m, label, p, len, base);
}
