//! Probe `i64`: 64-bit integers as arguments and results across the JS
//! boundary. With WebAssembly's JS-BigInt integration an i64 crosses as a
//! BigInt; a side module linked without `-sWASM_BIGINT` by an Emscripten that
//! legalizes exports takes (lo, hi) i32 pairs instead, and a host passing
//! BigInts gets `TypeError: Cannot convert a BigInt value to a number`.
//! The values are beyond 2^53 so that a detour through f64 shows.
#![cfg_attr(emcompat_core, no_std)]

#[cfg(emcompat_core)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn add_i64(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

#[no_mangle]
pub extern "C" fn mul_u64(a: u64, b: u64) -> u64 {
    a.wrapping_mul(b)
}

/// i64 in, i32 out: the high half.
#[no_mangle]
pub extern "C" fn i64_hi(x: i64) -> i32 {
    (x >> 32) as i32
}

/// i32s in, i64 out.
#[no_mangle]
pub extern "C" fn i64_join(hi: i32, lo: u32) -> i64 {
    ((hi as i64) << 32) | (lo as i64)
}
