//! Probe `data`: mutable statics and data relocations. In a side module
//! (position-independent code) a static holding the address of another
//! static is a relocation in the data segment, applied at load time by
//! __wasm_apply_data_relocs against __memory_base.
#![cfg_attr(emcompat_core, no_std)]

#[cfg(emcompat_core)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

use core::ptr::{addr_of, addr_of_mut};
use core::sync::atomic::{AtomicI32, Ordering};

static mut COUNTER: i32 = 0;

static A: i32 = 11;
static B: i32 = 22;
static C: i32 = 33;
/// An array of pointers to statics: three data relocations.
static PTRS: [&i32; 3] = [&A, &B, &C];

/// Mutable statics reached through pointers held in another static. (A
/// `static mut` cannot be pointed to from a static initializer before Rust
/// 1.83, so these use interior mutability; the relocations are the same.)
static X: AtomicI32 = AtomicI32::new(1);
static Y: AtomicI32 = AtomicI32::new(2);
static MPTRS: [&AtomicI32; 2] = [&X, &Y];

/// A buffer moved onto itself (an overlapping copy: LLVM emits memmove).
static mut BUF: [u8; 32] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26, 27, 28, 29, 30, 31,
];

/// A pointer to read-only data (a &str is pointer + length).
static GREETING: &str = "hello, side module";

/// 1, 2, 3, ... on successive calls: the module's memory persists.
#[no_mangle]
pub extern "C" fn bump() -> i32 {
    unsafe {
        *addr_of_mut!(COUNTER) += 1;
        *addr_of!(COUNTER)
    }
}

/// 11 + 22 + 33 = 66 read through the relocated pointers.
#[no_mangle]
pub extern "C" fn ptr_sum() -> i32 {
    PTRS.iter().map(|p| **p).sum()
}

/// 1 when the relocated pointer equals the address taken in code.
#[no_mangle]
pub extern "C" fn ptr_identity() -> i32 {
    (PTRS[1] as *const i32 == addr_of!(B)) as i32
}

/// Writes V through the pointer in MPTRS[1] and reads Y back directly.
#[no_mangle]
pub extern "C" fn write_through(v: i32) -> i32 {
    MPTRS[1].store(v, Ordering::Relaxed);
    Y.load(Ordering::Relaxed)
}

#[no_mangle]
pub extern "C" fn greeting_len() -> i32 {
    GREETING.len() as i32
}

/// Sum of the greeting's bytes: 1707 for "hello, side module".
#[no_mangle]
pub extern "C" fn greeting_sum() -> i32 {
    GREETING.bytes().map(|b| b as i32).sum()
}

/// Copies BUF[0..N] to BUF[8..8+N] (overlapping, N known only at run time,
/// so this is a call to memmove: compiler_builtins' when the sysroot has the
/// real one, else an import from the host) and returns the sum of BUF[8..16]
/// (0 + 1 + ... + 7 = 28 for N >= 8). Call once.
#[no_mangle]
pub extern "C" fn overlap_move(n: i32) -> i32 {
    let buf = unsafe { &mut *addr_of_mut!(BUF) };
    let n = (n.max(0) as usize).min(24);
    buf.copy_within(0..n, 8);
    buf[8..16].iter().map(|&b| b as i32).sum()
}
