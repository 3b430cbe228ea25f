//! Probe `instant_0_1_12`: a parking_lot 0.11 mutex, as PyO3 0.15 keeps its
//! reference pool in one, with instant 0.1.12 under it. On
//! wasm32-unknown-emscripten instant's `Instant::now` calls
//! `extern "C" _emscripten_get_now`, a misspelling of emscripten_get_now
//! (sebcrozet/instant#47): the side module imports a symbol no host has.
//! parking_lot reaches it when a lock waits with a deadline
//! (`try_lock_for` on a held lock). parking_lot_0_12 is the same
//! functions with parking_lot 0.12, which uses std's Instant.
use parking_lot::{const_mutex, Mutex};
use std::time::Duration;

static COUNT: Mutex<i32> = const_mutex(0);

/// An uncontended lock: the fast path, no clock.
#[no_mangle]
pub extern "C" fn bump() -> i32 {
    let mut n = COUNT.lock();
    *n += 1;
    *n
}

/// `try_lock_for` on a lock this thread holds: parking_lot computes the
/// deadline (`Instant::now`), spins, finds it passed and gives up: 0.
#[no_mangle]
pub extern "C" fn try_lock_for_held() -> i32 {
    let _held = COUNT.lock();
    COUNT.try_lock_for(Duration::from_millis(0)).is_some() as i32
}
