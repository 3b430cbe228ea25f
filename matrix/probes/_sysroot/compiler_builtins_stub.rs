//! A stub `compiler_builtins` for core-only sysroots (the std node's core
//! variant). `#![no_std]` crates get `extern crate compiler_builtins`
//! injected, so a sysroot with core needs a crate of that name; the real
//! one (compiler-rt's intrinsics in Rust) needs crates.io sources that the
//! older Debian rust-src lacks. With the stub, compiler-rt libcalls LLVM
//! emits (__multi3, __udivti3, ...) stay undefined in the object and become
//! side-module imports the host must export. (memcpy/memmove/memset are
//! imports either way: the real crate's are mangled on this target.)
#![allow(unknown_lints, internal_features)]
#![feature(compiler_builtins)]
#![compiler_builtins]
#![no_std]
