//! Probe `u128`: the layout of a #[repr(C)] struct { u8, u128 }, compared
//! with C's `struct { uint8_t; unsigned __int128; }` under clang for wasm32.
//! clang gives __int128 16-byte alignment (size 32, offset 16; clang 14, 19
//! and 22 alike). Rust 1.63 (LLVM 14) gives u128 8-byte alignment on wasm32
//! (size 24, offset 8), 1.85 and later 16 (the data layout gained i128:128
//! with LLVM 18), so passing such a struct between old Rust and C breaks.
#![cfg_attr(emcompat_core, no_std)]

#[cfg(emcompat_core)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

use core::mem::{align_of, size_of, MaybeUninit};

#[repr(C)]
pub struct U8U128 {
    pub a: u8,
    pub b: u128,
}

#[no_mangle]
pub extern "C" fn u128_struct_size() -> i32 {
    size_of::<U8U128>() as i32
}

#[no_mangle]
pub extern "C" fn u128_field_offset() -> i32 {
    // offset_of! (Rust 1.77) is newer than our oldest Rust (1.63); compute it.
    let s = MaybeUninit::<U8U128>::uninit();
    let base = s.as_ptr();
    let field = unsafe { core::ptr::addr_of!((*base).b) };
    (field as usize - base as usize) as i32
}

#[no_mangle]
pub extern "C" fn u128_align() -> i32 {
    align_of::<u128>() as i32
}
