//! THE DISK: atomic saves, project files, settings and history in the platform folders.

pub mod account_cache;
pub mod atomic;
pub mod input;
pub mod jobs;
pub mod manifest;
pub mod output;
pub mod project_file;
pub mod recovery;
pub mod settings;
pub mod stamp;
pub mod sync_base;
pub mod thumb_cache;

pub use project_file::{FileError, Opened, Origin};
