// A local project for e2e/sdists that needs a nightly Rust: a stable
// rustc refuses it, and so must every cell built with one, whatever
// emcompat's own -Z flags need (RUSTC_BOOTSTRAP). No dependencies, so
// the build fails at once.
#![feature(never_type)]

#[no_mangle]
pub extern "C" fn PyInit_nightly_ext() -> *mut u8 {
    let never: Option<!> = None;
    never.map_or(core::ptr::null_mut(), |n| n)
}
