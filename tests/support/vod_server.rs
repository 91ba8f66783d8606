//! The loopback VOD server the tests run against: the sandbox's service (src/sandbox/), with
//! its scripted faults and request log.
#![allow(unused_imports)]

pub use vodcut::sandbox::service::*;
