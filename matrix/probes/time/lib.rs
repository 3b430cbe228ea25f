//! Probe `time`: SystemTime::now and Instant::now through Emscripten's
//! clock_gettime. Rust's libc crate (0.2.183, in Rust 1.96's std) declares
//! time_t as i64 for emscripten; older Emscripten (3.1.6 here) declares it
//! as `long` (32-bit), so struct timespec differs: seconds come back as
//! garbage and Instant's nanoseconds out of range (`invalid timestamp`).
//! Every function catches a panic and returns a sentinel; `last_message`
//! gives the panic's message (the probe's checks report it).
use std::cell::RefCell;
use std::ffi::CString;
use std::os::raw::c_char;
use std::panic;
use std::sync::Once;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static LAST: RefCell<CString> = RefCell::new(CString::default());
}
static HOOK: Once = Once::new();

fn guarded<T>(sentinel: T, f: impl FnOnce() -> T + panic::UnwindSafe) -> T {
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
    panic::catch_unwind(f).unwrap_or(sentinel)
}

/// Seconds since the Unix epoch; -1 if before it; i64::MIN on a panic.
#[no_mangle]
pub extern "C" fn systime_secs() -> i64 {
    guarded(i64::MIN, || match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(_) => -1,
    })
}

/// The sub-second part in nanoseconds: must be below 1e9.
#[no_mangle]
pub extern "C" fn systime_subsec_nanos() -> i32 {
    guarded(-2, || match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.subsec_nanos() as i32,
        Err(_) => -1,
    })
}

/// 1 when two successive Instants are ordered and less than 10 s apart.
#[no_mangle]
pub extern "C" fn instant_monotonic() -> i32 {
    guarded(-2, || {
        let a = Instant::now();
        let mut x = 0u64;
        for i in 0..10_000u64 {
            x = unsafe { std::ptr::read_volatile(&x.wrapping_add(i)) };
        }
        let b = Instant::now();
        (b >= a && b.duration_since(a) < Duration::from_secs(10)) as i32
    })
}

/// The last panic message (a NUL-terminated string owned by the module).
#[no_mangle]
pub extern "C" fn last_message() -> *const c_char {
    LAST.with(|l| l.borrow().as_ptr())
}
