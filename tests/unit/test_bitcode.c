/*
 * test_bitcode: the LLVM bitcode reader: raw and wrapped bitcode, the
 * IDENTIFICATION block abbreviated or not, malformed bitstreams, and
 * bitcode embedded in a wasm object's .llvmbc section.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "emcompat/error.h"
#include "emcompat/util.h"
#include "emcompat/wasm.h"
#include "wasm_build.h"

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
	struct strbuf s = { 0 }, c = { 0 };
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

int main(void)
{
	test_bitcode();
	test_embedded_bitcode();
	return check_done();
}
