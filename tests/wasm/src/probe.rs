#![feature(no_core, lang_items)]
#![no_core]
#![crate_type = "rlib"]
#[lang = "pointee_sized"] pub trait PointeeSized {}
#[lang = "meta_sized"] pub trait MetaSized: PointeeSized {}
#[lang = "sized"] pub trait Sized: MetaSized {}
#[lang = "copy"] pub trait Copy {}
impl Copy for i64 {}
impl Copy for i32 {}
extern "C" {
    fn _emscripten_get_now() -> f64;
    fn host_add(a: i64, b: i32) -> i64;
}
#[no_mangle]
pub extern "C" fn probe_i64(a: i64, b: i32) -> i64 { unsafe { host_add(a, b) } }
#[no_mangle]
pub extern "C" fn probe_now() -> f64 { unsafe { _emscripten_get_now() } }
