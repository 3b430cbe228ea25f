//! Probe `add`: i32 arguments and return across the JS boundary.
//! The smallest possible side module; if this fails, nothing else can pass.
//!
//! Built as a std crate, or with `--cfg emcompat_core -C panic=abort` as a
//! `#![no_std]` crate for toolchains whose sysroot has only core (see
//! matrix/probes/README.md).
#![cfg_attr(emcompat_core, no_std)]

#[cfg(emcompat_core)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

#[no_mangle]
pub extern "C" fn sub(a: i32, b: i32) -> i32 {
    a.wrapping_sub(b)
}
