//! The loopback OSS endpoint (the sandbox's, src/sandbox/oss.rs).
#![allow(unused_imports)]

pub use vodcut::sandbox::oss::*;
