/*
 * layout.c: C's view of the layouts the `u128` probe reports, compiled by
 * the emcc (clang) of the cell's Emscripten into the emcc-main loader.
 * The harness compares the probe's Rust values with these when the host
 * offers them (probe.json "expect_host"), else with the hard-coded clang
 * values in probe.json (32 / 16 / 16: clang has given __int128 16-byte
 * alignment on wasm32 in every version we test, LLVM 14..22).
 */
#include <stddef.h>
#include <stdint.h>

#include <emscripten.h>

struct emcompat_u8_u128 {
	uint8_t a;
	unsigned __int128 b;
};

EMSCRIPTEN_KEEPALIVE int emcompat_c_u128_struct_size(void)
{
	return (int)sizeof(struct emcompat_u8_u128);
}

EMSCRIPTEN_KEEPALIVE int emcompat_c_u128_field_offset(void)
{
	return (int)offsetof(struct emcompat_u8_u128, b);
}

EMSCRIPTEN_KEEPALIVE int emcompat_c_u128_align(void)
{
	return (int)_Alignof(unsigned __int128);
}
