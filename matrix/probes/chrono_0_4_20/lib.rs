//! Probe `chrono_0_4_20`: chrono's clock (Utc::now) on
//! wasm32-unknown-emscripten, with the first chrono release that compiles
//! there (chrono#593 uses the unix code on Emscripten, which is both `unix`
//! and `wasm32`; 0.4.19 defined `mod inner` twice: probe chrono_0_4_19,
//! the same functions). Local::now is left out: in Pyodide 0.26.4 and
//! 0.29.5, 0.4.20's Local::now panics, finding no /etc/localtime ("unable
//! to parse localtime info", chrono#755), and in 0.26.4 0.4.21's reaches
//! libc's lstat64, which the runtime does not export: breakages of their
//! own, not the seed's.
use chrono::{Datelike, Timelike, Utc};

/// The current UTC year.
#[no_mangle]
pub extern "C" fn utc_year() -> i32 {
    Utc::now().year()
}

/// Seconds past the minute of the current UTC time: below 61.
#[no_mangle]
pub extern "C" fn utc_second() -> i32 {
    Utc::now().second() as i32
}

