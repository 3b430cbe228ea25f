//! Probe `parking_lot_0_12`: the instant_0_1_12 probe (the same functions) with
//! parking_lot 0.12, which PyO3 0.16 moved to: its deadlines come from
//! std's Instant (clock_gettime), not from the instant crate, so nothing
//! imports `_emscripten_get_now`.
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
