//! A stub `compiler_builtins` for core-only sysroots (the std node's core
//! variant). `#![no_std]` crates get `extern crate compiler_builtins`
//! injected, so a sysroot with core needs a crate of that name; the real
//! one (compiler-rt's intrinsics in Rust) needs crates.io sources that the
//! older Debian rust-src lacks. Without it, calls LLVM lowers to libcalls
//! (memcpy, memmove, memset, __multi3, ...) stay undefined in the object
//! and become side-module imports that the host must export.
#![feature(compiler_builtins)]
#![compiler_builtins]
#![no_std]
