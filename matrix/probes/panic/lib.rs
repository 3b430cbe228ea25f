//! Probe `panic`: a panic inside the side module caught by catch_unwind
//! inside the same module. Needs std (panic_unwind) and the host's support
//! for the exception-handling ABI the std was built with:
//! - wasm EH (Rust >= 1.95 default, or -Zemscripten-wasm-eh): the module
//!   imports the tag `__cpp_exception` and libc++abi's __cxa_* from the host;
//! - JS EH (-Zemscripten-wasm-eh=false, older Rust): calls go through
//!   `invoke_*` JS trampolines the host must provide.
//! The default panic hook is replaced by one that records the message, so
//! nothing is printed and `last_message` can report it.
use std::cell::RefCell;
use std::ffi::CString;
use std::os::raw::c_char;
use std::panic;
use std::sync::Once;

thread_local! {
    static LAST: RefCell<CString> = RefCell::new(CString::default());
}
static HOOK: Once = Once::new();

fn quiet_hook() {
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
                s.to_string()
            } else if let Some(s) = info.payload().downcast_ref::<String>() {
                s.clone()
            } else {
                "(non-string payload)".to_string()
            };
            LAST.with(|l| *l.borrow_mut() = CString::new(msg).unwrap_or_default());
        }))
    });
}

struct Guard<'a>(&'a mut i32);
impl Drop for Guard<'_> {
    fn drop(&mut self) {
        *self.0 += 1;
    }
}

/// Panics when X >= 0 and returns 1000 + X when the panic was caught with
/// the expected payload; returns X unchanged when it did not panic.
#[no_mangle]
pub extern "C" fn catch_panic(x: i32) -> i32 {
    quiet_hook();
    let r = panic::catch_unwind(|| {
        if x >= 0 {
            panic!("probe panic {}", x);
        }
        x
    });
    match r {
        Ok(v) => v,
        Err(e) => match e.downcast_ref::<String>() {
            Some(s) if *s == format!("probe panic {}", x) => 1000 + x,
            _ => -2,
        },
    }
}

/// The non-panicking path through catch_unwind: X + 1.
#[no_mangle]
pub extern "C" fn no_panic(x: i32) -> i32 {
    quiet_hook();
    panic::catch_unwind(|| x.wrapping_add(1)).unwrap_or(-1)
}

/// Destructors run while unwinding: 1 guard dropped.
#[no_mangle]
pub extern "C" fn drops_on_unwind() -> i32 {
    quiet_hook();
    let mut dropped = 0;
    let r = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        let _g = Guard(&mut dropped);
        if unsafe { std::ptr::read_volatile(&true) } {
            panic!("unwind");
        }
    }));
    if r.is_ok() {
        return -1;
    }
    dropped
}

/// The last panic message (a NUL-terminated string owned by the module).
#[no_mangle]
pub extern "C" fn last_message() -> *const c_char {
    LAST.with(|l| l.borrow().as_ptr())
}
