//! Probe `fnptr`: function pointers across the module boundary.
//! - `apply` takes a function pointer (a table index) and calls it: the
//!   harness passes one the module returned (`get_double`) and one for a JS
//!   function it put into the shared table itself.
//! - `get_double` returns a pointer to one of the module's own functions
//!   (its table slot is relocated by __table_base).
//! - `op` calls through a static array of function pointers (table-index
//!   relocations inside data, applied at load by __wasm_apply_data_relocs).
//! - `sort_desc` hands a comparator to the main module's `qsort`: a callback
//!   from the main module into the side module.
//! - `host_abs_ptr` takes the address of a main-module function (`abs`):
//!   a GOT.func import resolved by the dynamic linker.
#![cfg_attr(emcompat_core, no_std)]

#[cfg(emcompat_core)]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

pub type Unary = extern "C" fn(i32) -> i32;
type Cmp = unsafe extern "C" fn(*const core::ffi::c_void, *const core::ffi::c_void) -> i32;

extern "C" {
    fn qsort(base: *mut core::ffi::c_void, n: usize, size: usize, cmp: Cmp);
    fn abs(x: i32) -> i32;
}

extern "C" fn double(x: i32) -> i32 {
    x.wrapping_mul(2)
}

extern "C" fn negate(x: i32) -> i32 {
    x.wrapping_neg()
}

extern "C" fn square(x: i32) -> i32 {
    x.wrapping_mul(x)
}

static OPS: [Unary; 3] = [double, negate, square];

#[no_mangle]
pub extern "C" fn apply(f: Unary, x: i32) -> i32 {
    f(x)
}

#[no_mangle]
pub extern "C" fn get_double() -> Unary {
    double
}

#[no_mangle]
pub extern "C" fn op(i: i32, x: i32) -> i32 {
    match OPS.get(i as usize) {
        Some(f) => f(x),
        None => i32::MIN,
    }
}

/// 1 when the pointer returned by `get_double` equals the one in `OPS`.
#[no_mangle]
pub extern "C" fn fn_identity() -> i32 {
    (get_double() as usize == OPS[0] as usize) as i32
}

unsafe extern "C" fn cmp_desc(a: *const core::ffi::c_void, b: *const core::ffi::c_void) -> i32 {
    let (a, b) = (*(a as *const i32), *(b as *const i32));
    (b > a) as i32 - (b < a) as i32
}

/// Sorts [3, 1, 4, 1, 5, 9, 2, 6] descending with the host's qsort and
/// returns the digits as one number: 96543211.
#[no_mangle]
pub extern "C" fn sort_desc() -> i32 {
    let mut v: [i32; 8] = [3, 1, 4, 1, 5, 9, 2, 6];
    unsafe { qsort(v.as_mut_ptr() as *mut _, v.len(), 4, cmp_desc) };
    v.iter().fold(0i32, |acc, d| acc * 10 + d)
}

#[no_mangle]
pub extern "C" fn host_abs_ptr() -> Unary {
    abs_ptr()
}

fn abs_ptr() -> Unary {
    // SAFETY: abs has exactly this signature.
    unsafe { core::mem::transmute::<unsafe extern "C" fn(i32) -> i32, Unary>(abs) }
}
