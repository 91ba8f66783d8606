//! The VOD upload actions of the loopback server (src/sandbox/upload_api.rs).
#![allow(unused_imports)]

pub use vodcut::sandbox::upload_api::*;
