//! THE DOCUMENT: plain data and pure functions. No egui, no network, no files.

pub mod account;
pub mod budget;
pub mod diff;
pub mod effects;
pub mod export;
pub mod generate;
pub mod import;
pub mod json;
pub mod project;
pub mod regions;
pub mod signature;
pub mod time;
pub mod url;
pub mod validate;
pub mod wire;

pub use project::{Project, Track, TrackKind};
pub use time::{FrameRate, Time};
