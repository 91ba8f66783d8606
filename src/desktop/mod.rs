//! Being a desktop application: the log file with rotation, the crash report, keys in the
//! system keychain, and the folders About shows. No egui here (`ui/about.rs` draws them).

pub mod crash;
pub mod keychain;
pub mod logfile;

use std::path::PathBuf;

/// The folders vodcut writes to, for About and the docs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folders {
    pub data: Option<PathBuf>,
    pub cache: Option<PathBuf>,
    pub logs: Option<PathBuf>,
    pub crashes: Option<PathBuf>,
}

impl Folders {
    pub fn of(data: Option<PathBuf>, cache: Option<PathBuf>) -> Self {
        Folders {
            logs: data.as_deref().map(logfile::log_dir),
            crashes: data.as_deref().map(crash::crash_dir),
            data,
            cache,
        }
    }
}

/// The licence, as Cargo.toml states it.
pub const LICENSE: &str = env!("CARGO_PKG_LICENSE");
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
