//! Probe `chrono_0_4_19`: chrono's clock (Utc::now) on
//! wasm32-unknown-emscripten, with the chrono of the seed's Cryptography
//! build. Emscripten is both `unix` and `wasm32`, and chrono 0.4.19's
//! src/sys.rs picks its time-zone code with `#[cfg(unix)]` and
//! `#[cfg(any(target_arch = "wasm32", ...))]`: both hold, `mod inner` is
//! defined twice and the crate does not compile (chrono#519, fixed by
//! chrono#593 in 0.4.20: probe chrono_0_4_20, the same functions).
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

